"""Computing, storing and reading standard cases (标准案件) for a year; the per-judge tally.

Results are stored per parameter version and recomputed when the cases or the parameters changed
since (``results``), so every reader sees figures that match the data.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import sqlite_utils

from workload_app.core.params import Params, params_from_toml
from workload_app.core.progress import ProgressCallback, no_progress
from workload_app.core.standard import (
    FLAG_LABELS,
    NO_RULE,
    Averages,
    compute_averages,
    compute_standard_cases,
    credit_by_judge,
    explain,
    flag_labels,
)
from workload_app.services import access, audit
from workload_app.services.changes import Changes
from workload_app.services.parameters import require_params
from workload_app.storage import repository as repo
from workload_app.storage.backups import database_path as backups_path


def compute_year(db: sqlite_utils.Database, year: int, progress: ProgressCallback | None = None) -> Changes:
    """Compute every case closed in ``year`` with the year's current parameter version and store it."""
    progress = progress or no_progress
    params, row = require_params(db, year)
    progress(0.05, "读取参照年度案件")
    reference = repo.load_cases(db, closed_year=params.reference_year)
    averages = compute_averages(reference, params)
    progress(0.35, "读取本年度案件")
    cases = reference if params.reference_year == year else repo.load_cases(db, closed_year=year)
    progress(0.6, "计算标准案件")
    results = compute_standard_cases(cases, params, averages)
    progress(0.75, "保存结果")
    with repo.transaction(db):
        repo.save_results(db, row["id"], year, {k: list(v) for k, v in averages.items()}, results)
        audit.record(
            db,
            "compute",
            f"{year} 年度",
            after={
                "param_version": row["version"],
                "cases": len(results),
                "cases_version": repo.cases_version(db),
            },
        )
    progress(1.0, "完成")
    return Changes(results=True, summary={"year": year, "cases": len(results), "version": row["version"]})


def _fresh(db: sqlite_utils.Database, year: int) -> dict | None:
    # The version in force (published), never a newer draft: a draft moves no official figure.
    current = repo.official_param_set(db, year)
    comp = repo.computation_of(db, current["id"]) if current is not None else None
    if comp is None or current is None or comp["param_set_id"] != current["id"]:
        return None
    if comp["cases_version"] != repo.cases_version(db):
        return None
    return comp


def results(db: sqlite_utils.Database, year: int) -> tuple[pd.DataFrame, Params, dict]:
    """Cases closed in ``year`` that the acting user may see, with their results, the parameters
    used and the computation row. Recomputes first when the stored results are missing or stale."""
    merged, params, comp = court_results(db, year)
    return access.limit_cases(db, merged), params, comp


_RECENT: dict[tuple, tuple[pd.DataFrame, Params, dict]] = {}  # the last few years read, by version
_RECENT_SIZE = 2
_RECENT_MAX_ROWS = 300_000  # a province-sized year is read each time rather than held twice


def court_results(db: sqlite_utils.Database, year: int) -> tuple[pd.DataFrame, Params, dict]:
    """Every case of the year with its results: for computations (ranks, averages), never shown as is.

    A window refresh asks for the same year several times; the merged table is kept for the
    latest (database, year, computation, case version) and handed out as a copy."""
    comp = _fresh(db, year)
    if comp is None:
        compute_year(db, year)
        comp = _fresh(db, year)
    assert comp is not None
    key = (backups_path(db), year, comp["id"], repo.cases_version(db))
    if key in _RECENT:
        merged, params, info = _RECENT[key]
        return merged.copy(), params, info
    merged, params, info = _read_results(db, comp)
    if key[0] is not None and len(merged) <= _RECENT_MAX_ROWS:
        if len(_RECENT) >= _RECENT_SIZE:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = (merged, params, info)
        merged = merged.copy()
    return merged, params, info


def forget_cached() -> None:
    """Drop the kept tables (after a restore replaced the database under the same name)."""
    _RECENT.clear()


def _read_results(db: sqlite_utils.Database, comp: dict) -> tuple[pd.DataFrame, Params, dict]:
    year = comp["year"]
    params = params_from_toml(comp["toml"])
    cases = repo.load_cases(db, closed_year=year)
    res = repo.load_results(db, comp["id"])
    merged = cases.merge(res, on="case_id", how="left")
    merged["rule"] = merged["rule"].fillna(NO_RULE).astype(int)
    merged["flags"] = merged["flags"].fillna(0).astype(int)
    comp = {**comp, "averages": {k: Averages(*v) for k, v in json.loads(comp["averages"]).items()}}
    return merged, params, comp


def rule_names(merged: pd.DataFrame, params: Params) -> pd.Series:
    names = np.array([r.name for r in params.trial.rules] + [""], dtype=object)
    return pd.Series(names[merged["rule"].to_numpy()], index=merged.index)


def flags_text(merged: pd.DataFrame) -> pd.Series:
    labels = {f: flag_labels(f) for f in range(0, 2 ** len(FLAG_LABELS))}
    return merged["flags"].map(labels)


def explanations(merged: pd.DataFrame, params: Params) -> pd.Series:
    records = merged.to_dict("records")
    return pd.Series([explain(r, r, params) for r in records], index=merged.index, dtype=object)


def tally(db: sqlite_utils.Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """One row per judge the acting user may see: judge, division, role, track, cases, sc_trial,
    sc_enforcement."""
    return access.limit_people(db, court_tally(db, year, through_month))


def court_tally(db: sqlite_utils.Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """Every judge's credited standard cases (panel shares reach across divisions)."""
    merged, params, _ = court_results(db, year)
    upto = merged[merged["closed_month"] <= through_month]
    credit = credit_by_judge(upto, upto, params)
    judges = repo.judges_frame(db).rename(columns={"name": "judge"})
    out = judges[["judge", "division", "role", "track"]].merge(credit, on="judge", how="left")
    out["cases"] = out["cases"].fillna(0).astype(int)
    out[["sc_trial", "sc_enforcement"]] = out[["sc_trial", "sc_enforcement"]].fillna(0.0)
    return out


def monthly_credit(db: sqlite_utils.Database, year: int) -> pd.DataFrame:
    """Credited SC per judge and month (judges the acting user may see): judge, division, month,
    cases, sc_trial, sc_enforcement."""
    return access.limit_people(db, court_monthly_credit(db, year))


def court_monthly_credit(db: sqlite_utils.Database, year: int) -> pd.DataFrame:
    merged, params, _ = court_results(db, year)
    frames = []
    for month, part in merged.groupby("closed_month"):
        c = credit_by_judge(part, part, params)
        c["month"] = int(month)
        frames.append(c)
    if not frames:
        return pd.DataFrame(columns=["judge", "division", "month", "cases", "sc_trial", "sc_enforcement"])
    out = pd.concat(frames, ignore_index=True)
    divisions = repo.judges_frame(db).set_index("name")["division"]
    out.insert(1, "division", out["judge"].map(divisions))
    return out
