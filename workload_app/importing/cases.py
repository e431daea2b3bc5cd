"""Closed cases from an export sheet: choose the sheet, find the header, read and validate each row.

Every bad cell becomes a Problem naming the file, the row as the user sees it, the column as headed
in the file, the value and what was expected. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from workload_app.core.casenumber import parse_case_number
from workload_app.core.problems import ImportRejected, Problem
from workload_app.importing.headers import CASE_LABELS, CASE_SYNONYMS, HeaderMatch, find_header
from workload_app.importing.readers import RawSheet
from workload_app.importing.values import (
    is_blank,
    parse_approved,
    parse_date,
    parse_pages,
    parse_panel,
    parse_person,
    parse_text,
)

PAGE_FIELDS = ("file_pages", "transcript_pages", "judgment_pages")
TEXT_FIELDS = ("cause", "procedure", "closing_method")
FOOTER_WORDS = ("合计", "总计", "小计", "共计")


class ParsedCases(NamedTuple):
    sheet: str
    header: HeaderMatch
    records: list[dict]  # one per good row; "_row" is the row number in the file
    problems: list[Problem]
    bad_rows: dict[int, list[object]]  # row number -> original cells, for the reject report
    total_rows: int
    skipped_footer: int


def choose_sheet(
    sheets: list[RawSheet], name: str | None, profile: dict[str, str] | None = None
) -> tuple[RawSheet, HeaderMatch]:
    """The named sheet, or the first one whose header can be recognised."""
    if name:
        for s in sheets:
            if s.name == name:
                header = find_header(s.rows, CASE_SYNONYMS, "case_number", profile)
                if header is None:
                    raise ImportRejected(f"工作表「{name}」中找不到表头（至少需要「案号」列）")
                return s, header
        raise ImportRejected(f"文件中没有名为「{name}」的工作表（有：{'、'.join(s.name for s in sheets)}）")
    for s in sheets:
        header = find_header(s.rows, CASE_SYNONYMS, "case_number", profile)
        if header is not None:
            return s, header
    raise ImportRejected("文件中找不到可识别的表头：需要「案号」及「承办人」「结案日期」等列")


def check_required_columns(header: HeaderMatch) -> None:
    missing = [CASE_LABELS[f] for f in ("case_number", "judge") if f not in header.columns]
    if "closed_on" not in header.columns and "filed_on" not in header.columns:
        missing.append("结案日期")
    if missing:
        raise ImportRejected(f"缺少必需的列：{'、'.join(missing)}")


def _cell(row: list[object], index: int | None) -> object:
    if index is None or index >= len(row):
        return None
    return row[index]


def _is_footer(row: list[object]) -> bool:
    for cell in row:
        if not is_blank(cell):
            return str(cell).strip().startswith(FOOTER_WORDS)
    return False


def parse_rows(
    sheet: RawSheet,
    header: HeaderMatch,
    file_label: str,
    today: dt.date,
    progress: Callable[[float, str], None] | None = None,
) -> ParsedCases:
    cols = header.columns
    label = header.labels
    records: list[dict] = []
    problems: list[Problem] = []
    bad_rows: dict[int, list[object]] = {}
    seen: dict[str, int] = {}
    total = 0
    footers = 0
    body = sheet.rows[header.row_index + 1 :]
    for offset, row in enumerate(body):
        row_no = header.row_index + 2 + offset
        if progress and offset % 5000 == 0:
            progress(offset / max(1, len(body)), f"校验第 {row_no} 行")
        if all(is_blank(c) for c in row):
            continue
        if _is_footer(row):
            footers += 1
            continue
        total += 1
        errs: list[Problem] = []

        def bad(field: str, message: str, value: object, row_no: int = row_no, errs: list = errs) -> None:
            shown = "" if value is None else str(value).strip()
            errs.append(
                Problem(
                    "invalid_value", message, row_no, label.get(field, CASE_LABELS[field]), shown, file_label
                )
            )

        rec: dict = {"_row": row_no}
        raw_number = _cell(row, cols["case_number"])
        number = parse_case_number(raw_number)
        if is_blank(raw_number):
            bad("case_number", "案号为必填项", raw_number)
        elif number.error:
            bad("case_number", number.error, raw_number)
        else:
            key = number.canonical  # (year)court type serial 号, with 之一 … when given
            canonical = key if not number.legacy else str(parse_text(raw_number)[0]).replace(" ", "")
            if canonical in seen:
                bad("case_number", f"案号与第 {seen[canonical]} 行重复", raw_number)
            else:
                seen[canonical] = row_no
            rec.update(
                case_number=canonical,
                year=number.year,
                court=number.court,
                type_code=number.type_code,
                category=number.category,
                instance=number.instance,
            )
        judge, _ = parse_person(_cell(row, cols["judge"]))
        if not judge:
            bad("judge", "承办法官为必填项", _cell(row, cols["judge"]))
        rec["judge"] = judge
        if "division" in cols:
            rec["division"] = parse_text(_cell(row, cols["division"]))[0]
        for field in ("filed_on", "closed_on"):
            if field in cols:
                value, err = parse_date(_cell(row, cols[field]))
                if err:
                    bad(field, err, _cell(row, cols[field]))
                elif value and value > today:
                    bad(field, f"日期 {value.isoformat()} 晚于今天", _cell(row, cols[field]))
                rec[field] = value
        filed, closed = rec.get("filed_on"), rec.get("closed_on")
        if filed and closed and closed < filed:
            bad(
                "closed_on",
                f"结案日期 {closed.isoformat()} 早于立案日期 {filed.isoformat()}",
                _cell(row, cols["closed_on"]),
            )
        if closed is None and filed is None and not any(e.column == label.get("closed_on") for e in errs):
            bad(
                "closed_on" if "closed_on" in cols else "filed_on",
                "结案日期为空（未结案件）时须有立案日期",
                None,
            )
        for field in PAGE_FIELDS:
            if field in cols:
                value, err = parse_pages(_cell(row, cols[field]))
                if err:
                    bad(field, err, _cell(row, cols[field]))
                rec[field] = value
        for field in TEXT_FIELDS:
            if field in cols:
                rec[field] = parse_text(_cell(row, cols[field]))[0]
        if "panel" in cols:
            rec["panel"] = parse_panel(_cell(row, cols["panel"]))[0]
        if "approved" in cols:
            value, err = parse_approved(_cell(row, cols["approved"]))
            if err:
                bad("approved", err, _cell(row, cols["approved"]))
            rec["approved"] = value
        if errs:
            problems.extend(errs)
            bad_rows[row_no] = list(row)
        else:
            records.append(rec)
    return ParsedCases(sheet.name, header, records, problems, bad_rows, total, footers)


def unknown_judge_problems(
    records: list[dict], roster: set[str], file_label: str, column: str
) -> tuple[list[Problem], set[str]]:
    """A problem per row whose judge is not in the roster, and the set of unknown names."""
    problems = []
    unknown: set[str] = set()
    for r in records:
        if r["judge"] not in roster:
            unknown.add(r["judge"])
            problems.append(
                Problem(
                    "unknown_judge",
                    "法官不在名册中（可先导入名册，或用「自动建立法官」）",
                    r["_row"],
                    column,
                    r["judge"],
                    file_label,
                )
            )
    return problems, unknown
