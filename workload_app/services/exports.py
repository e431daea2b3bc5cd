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
