"""Finding the header row and mapping the court system's Chinese headers onto our fields.

Headers are matched by synonyms, ignoring spaces, case, full-width forms and a bracketed unit
(卷宗页数（页）); what is not recognised is listed, and a saved profile can map it next time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from workload_app.core import case_schema
from workload_app.core.text import compact

CASE_SYNONYMS: dict[str, tuple[str, ...]] = dict(case_schema.IMPORT_SYNONYMS)  # declared in core.case_schema
# A second-instance court's list of outcomes, linked to our first-instance cases by 原审案号.
APPEAL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "original_case_number": ("原审案号", "一审案号", "原案号"),
    "appeal_result": ("结果", "二审结果", "结案方式", "裁判结果", "二审结案方式", "审理结果"),
    "case_number": ("案号", "二审案号"),
    "closed_on": ("结案日期", "审结日期", "二审结案日期"),
}
APPEAL_LABELS = {k: v[0] for k, v in APPEAL_SYNONYMS.items()}
# The outcomes an appellate court writes, quoted when a row has none (data)
APPEAL_OUTCOME_EXAMPLES = "维持/改判/发回重审/撤诉/调解"
ROSTER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "法官", "法官姓名"),
    "division": ("部门", "所在部门", "庭室", "承办部门"),
    "post": ("职务",),
    "track": ("类别", "审判执行", "员额类别"),
    "in_post_from": ("入额日期", "入额时间"),
    "in_post_to": ("离任日期", "离任时间", "退额日期"),
}
CASE_LABELS = {k: v[0] for k, v in CASE_SYNONYMS.items()}
ROSTER_LABELS = {k: v[0] for k, v in ROSTER_SYNONYMS.items()}

_UNIT = re.compile(r"[(（][^)）]*[)）]$")


def header_key(value: object) -> str:
    """The header without spaces, width, case, a bracketed unit or a required-field mark (*案号)."""
    return _UNIT.sub("", compact(value).strip("*★※")).strip("*★※")


def lookup(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table = {}
    for field, names in synonyms.items():
        table[field.lower()] = field
        for n in names:
            table[header_key(n)] = field
    return table


class HeaderMatch(NamedTuple):
    row_index: int  # 0-based index into the sheet's rows
    columns: dict[str, int]  # field -> column index
    unknown: list[str]  # headers we do not recognise
    labels: dict[str, str]  # field -> header text as in the file
    # fields headed by two or more columns (卷宗页数 and 案卷页数): field -> every such header; an
    # import refuses these rather than read one column and ignore the other
    duplicates: tuple[tuple[str, tuple[str, ...]], ...] = ()


def match_headers(
    row: list[object], synonyms: dict[str, tuple[str, ...]], profile: dict[str, str] | None = None
) -> tuple[dict[str, int], list[str], dict[str, str]]:
    table = lookup(synonyms)
    extra = {header_key(k): v for k, v in (profile or {}).items()}
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    unknown: list[str] = []
    for i, cell in enumerate(row):
        key = header_key(cell)
        if not key:
            continue
        field = table.get(key) or extra.get(key)
        if field and field not in columns:
            columns[field] = i
            labels[field] = str(cell).strip()
        elif not field:
            unknown.append(str(cell).strip())
    return columns, unknown, labels


def duplicate_columns(
    row: list[object], synonyms: dict[str, tuple[str, ...]], profile: dict[str, str] | None = None
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The fields that two or more headers of ``row`` name, each with those headers as written."""
    table = lookup(synonyms)
    extra = {header_key(k): v for k, v in (profile or {}).items()}
    seen: dict[str, list[str]] = {}
    for cell in row:
        key = header_key(cell)
        field = (table.get(key) or extra.get(key)) if key else None
        if field:
            seen.setdefault(field, []).append(str(cell).strip())
    return tuple((f, tuple(h)) for f, h in seen.items() if len(h) > 1)


def find_header(
    rows: list[list[object]],
    synonyms: dict[str, tuple[str, ...]],
    key_field: str,
    profile: dict[str, str] | None = None,
    scan: int = 30,
) -> HeaderMatch | None:
    """The first row among the first ``scan`` that holds the key field and the most known headers."""
    best: HeaderMatch | None = None
    for i, row in enumerate(rows[:scan]):
        columns, unknown, labels = match_headers(row, synonyms, profile)
        if key_field not in columns or len(columns) < 2:
            continue
        if best is None or len(columns) > len(best.columns):
            best = HeaderMatch(i, columns, unknown, labels, duplicate_columns(row, synonyms, profile))
    return best
