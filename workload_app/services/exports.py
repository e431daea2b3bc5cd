"""Tables for export: one row per case (with its explanation) and one row per judge."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workload_app.core import case_schema
from workload_app.importing import safe_cells
from workload_app.services import standard_cases as sc
from workload_app.storage.db import Database

# The case fields core.case_schema marks exported, with a computation's figures after the page counts.
CASE_EXPORT_COLUMNS = case_schema.export_columns(("unit", "rule", "sc", "flags", "explanation"))


def case_table(db: Database, year: int) -> pd.DataFrame:
    merged, params, _ = sc.results(db, year)
    out = merged.copy()
    out["explanation"] = sc.explanations(merged, params)
    out["rule"] = sc.rule_names(merged, params)
    out["flags"] = sc.flags_text(merged)
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = out[c].astype("Int64")
    return out[CASE_EXPORT_COLUMNS]


TALLY_COLUMNS = [
    "judge",
    "division",
    "post",
    "track",
    "cases",
    "sc_trial",
    "sc_enforcement",
    "quota",
    "target_to_date",
    "completion",
    "score",
    "rank_division",
    "rank_court",
    "unranked_reason",  # why a judge is shown but not ranked (too short a time in post), else empty
]


def tally_table(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """One row per judge: credited SC per unit, quota, target to date, completion, score and ranks."""
    from workload_app.services.parameters import current_params
    from workload_app.services.quotas import assessment

    table = assessment(db, year, through_month)
    if current_params(db, year)[0].quality.deduction_per_reversed > 0:  # the score's derivation beside it
        at = TALLY_COLUMNS.index("score")
        return table[TALLY_COLUMNS[:at] + DEDUCTION_COLUMNS + TALLY_COLUMNS[at + 1 :]]
    return table[TALLY_COLUMNS]


# with score deductions configured ([quality] deduction_per_reversed > 0), in place of "score"
DEDUCTION_COLUMNS = ["score_before_deduction", "reversed_remanded", "deduction", "score"]


# Columns whose name in code changed and whose header in an exported file did not (users' files
# and spreadsheets read them by header): the judge's post (职务) is ``post`` in code.
FILE_HEADERS = {"post": "role", "post_fraction": "role_fraction"}


def write_table(table: pd.DataFrame, path: Path, sheet_name: str = "Sheet1") -> Path:
    """Write an export table to ``.xlsx`` or ``.csv``: text that a spreadsheet would read as a
    formula (starting with =, +, -, @, tab or CR) is written as text, numbers stay numbers."""
    return safe_cells.write_table(table.rename(columns=FILE_HEADERS), path, sheet_name)


# ---------------------------------------------------------------- for people (``--headers zh``)
# The window's headings and rounding, for a person opening the file; the English columns above
# stay as they are for the scripts that read them. The window's tables take their headings from
# here (``ui/views/cases.py``, ``ui/views/people.py``), so the two cannot drift apart.

CASE_HEADINGS = {
    "case_number": "案号",
    "judge": "承办法官",
    "division": "部门",
    "category": "类别",
    "type_code": "类型",
    "closed_on": "结案日期",
    "file_pages": "卷宗",
    "transcript_pages": "笔录",
    "judgment_pages": "文书",
    "unit": "单位",
    "rule": "特殊规则",
    "sc": "标准案件",
    "flags": "标记",
    "explanation": "计算说明",
    "cause": "案由",
}
CASE_DECIMALS = {"sc": 4}

TALLY_HEADINGS = {
    "judge": "法官",
    "division": "部门",
    "post": "职务",
    "track": "类别",
    "cases": "结案数",
    "sc_trial": "审判标准案件",
    "sc_enforcement": "执行标准案件",
    "quota": "年度任务",
    "target_to_date": "截至本月目标",
    "completion": "完成率%",
    "score_before_deduction": "扣分前得分",
    "reversed_remanded": "改判发回件数",
    "deduction": "扣分",
    "score": "得分",
    "rank_division": "部门内排名",
    "rank_court": "全院排名",
}
TALLY_DECIMALS = {
    "sc_trial": 2,
    "sc_enforcement": 2,
    "quota": 2,
    "target_to_date": 2,
    "completion": 1,
    "score_before_deduction": 1,
    "deduction": 1,
    "score": 1,
}


def _labelled(table: pd.DataFrame, headings: dict[str, str], decimals: dict[str, int]) -> pd.DataFrame:
    out = table.copy()
    for name, digits in decimals.items():
        if name in out:
            out[name] = pd.to_numeric(out[name], errors="coerce").round(digits)
    return out.rename(columns={c: headings.get(c, case_schema_label(c)) for c in out.columns})


def case_schema_label(name: str) -> str:
    """A case field the window does not show: the label the court gives it (``case_schema``)."""
    field = case_schema.BY_NAME.get(name)
    return field.label if field is not None else name


def case_table_for_people(table: pd.DataFrame) -> pd.DataFrame:
    """``case_table`` as the window shows it: Chinese headings, 类别 and 单位 in words, SC to 4 places."""
    from workload_app.core.casenumber import CATEGORY_LABELS
    from workload_app.core.formatting import UNIT_LABELS

    out = table.copy()
    out["category"] = out["category"].map(CATEGORY_LABELS).fillna(out["category"])
    out["unit"] = out["unit"].map(UNIT_LABELS).fillna(out["unit"])
    return _labelled(out, CASE_HEADINGS, CASE_DECIMALS)


def tally_table_for_people(table: pd.DataFrame) -> pd.DataFrame:
    """``tally_table`` as the window shows it: Chinese headings, 审判/执行, completion in per cent
    to one place, standard cases to two, scores to one."""
    from workload_app.core.formatting import TRACK_LABELS

    out = table.copy()
    out["track"] = out["track"].map(TRACK_LABELS).fillna(out["track"])
    out["completion"] = pd.to_numeric(out["completion"], errors="coerce") * 100
    return _labelled(out, TALLY_HEADINGS, TALLY_DECIMALS)
