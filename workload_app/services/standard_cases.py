"""Computing, storing and reading standard cases (标准案件) for a year; the per-judge tally.

Results are stored per parameter version by the actions that change what they follow from
(``services.figures``: each action brings them up to date in its own transaction); readers here
only read them, and raise ``figures.not_computed`` when there are none fresh (never a write).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core import messages
from workload_app.core.credit import credit_by_judge
from workload_app.core.messages import Coded
from workload_app.core.params import Params, params_from_toml
from workload_app.core.problems import WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress
from workload_app.core.standard import (
    FLAG_LABELS,
    NO_RULE,
    OUT_OF_POST,
    OUTLIER,
    Averages,
    explain,
    flag_labels,
)
from workload_app.services import access, audit, figures
from workload_app.services.changes import Changes, Summary
from workload_app.services.page_decisions import add_hold_reasons, apply_decisions
from workload_app.storage import case_columns, derived
from workload_app.storage import repository as repo
from workload_app.storage.backups import store_key as backups_path
from workload_app.storage.db import Database


@dataclass(frozen=True)
class ComputeSummary(Summary):
    """A year computed: how many closed cases, with which parameter version, and how many of them
    are credited to nobody and why (held for review, 待复核): ``outside_post`` closed outside the
    responsible judge's time in post (``no_day_in_post`` of them of judges in post on no day of
    the year), ``held_pages`` held for their page counts; ``uncredited`` counts each case once."""

    year: int
    cases: int
    version: int
    outside_post: int = 0
    no_day_in_post: int = 0
    held_pages: int = 0
    uncredited: int = 0

    def text(self, lang: str = messages.ZH) -> str:
        """What the command line prints and the window shows after a computation."""
        out = messages.render(
            "compute.done", {"year": self.year, "cases": self.cases, "version": self.version}, lang
        )
        if self.uncredited:
            out += "\n" + messages.render(
                "compute.uncredited",
                {
                    "uncredited": self.uncredited,
                    "outside": self.outside_post,
                    "absent": self.no_day_in_post,
                    "pages": self.held_pages,
                },
                lang,
            )
        return out


def compute_year(db: Database, year: int, progress: ProgressCallback | None = None) -> Changes:
    """Compute every case closed in ``year`` with the year's current parameter version and store it
    (a court-wide write: 管理员 and 人事)."""
    access.require(db, access.Action.RECOMPUTE)
    return _compute_year(db, year, progress)


def _compute_year(db: Database, year: int, progress: ProgressCallback | None = None) -> Changes:
    """compute_year without the role check: the year computed whole, in one transaction with its
    audit row (the explicit 重新计算; actions update the figures themselves, ``figures.update``)."""
    progress = progress or no_progress
    with repo.transaction(db):
        done = figures.compute_and_store(db, year, progress)
        audit.record(
            db,
            "compute",
            f"{year} 年度",
            after={
                "param_version": done.version,
                "cases": done.cases,
                "cases_version": repo.cases_version(db),
            },
        )
    progress(1.0, Coded("progress.done"))
    return Changes(
        results=True,
        summary=ComputeSummary(
            year,
            done.cases,
            done.version,
            outside_post=done.outside_post,
            no_day_in_post=done.no_day_in_post,
            held_pages=done.held_pages,
            uncredited=done.uncredited,
        ),
    )


def _restricted(db: Database) -> bool:
    """A login on the court server that sees only some cases (法官, 庭长)."""
    return not access.sees_court_rows(db)


def _usable(db: Database, year: int) -> dict:
    """The year's fresh computation to read (a query: nothing is computed or written here). No
    parameters: ``param_set.none``; parameters but no fresh figures: ``figures.not_computed``
    (actions and the opening of a file keep them fresh, so this is not seen in normal use).
    A restricted login on the court server whose data changed by a write the figures did not
    follow reads the latest stored computation instead, marked ``stale`` (``computed_note``)."""
    comp = figures.fresh_computation(db, year)
    if comp is not None:
        return comp
    current = repo.official_param_set(db, year)
    if current is None:
        figures.year_params(db, year)  # raises param_set.none
    if _restricted(db):
        comp = repo.computation_of(db, current["id"])
        if comp is not None:
            return {**comp, "stale": True}
    raise WorkloadError("figures.not_computed", year=year)


def computed_note(db: Database, year: int, lang: str = messages.ZH) -> str | None:
    """For a restricted login on the court server: when the figures it reads were computed
    (and whether the cases changed since), in ``lang``; None elsewhere."""
    if not _restricted(db):
        return None
    comp = _usable(db, year)
    when = str(comp["created_at"]).replace("T", " ")[:16]
    if comp.get("stale"):
        return messages.render("figures.computed_stale", {"year": year, "at": when}, lang)
    return messages.render("figures.computed_at", {"year": year, "at": when}, lang)


def results(db: Database, year: int) -> tuple[pd.DataFrame, Params, dict]:
    """Cases closed in ``year`` that the acting user may see, with their results, the parameters
    used and the computation row; ``figures.not_computed`` when there are no fresh results."""
    merged, params, comp = court_results(db, year)
    return access.limit_cases(db, merged), params, comp


_RECENT: dict[tuple, tuple[pd.DataFrame, Params, dict]] = {}  # the last few years read, by version
_RECENT_SIZE = 2
_RECENT_MAX_ROWS = 300_000  # a province-sized year is read each time rather than held twice


def court_results(db: Database, year: int) -> tuple[pd.DataFrame, Params, dict]:
    """Every case of the year with its results: for computations (ranks, averages), never shown as is.

    A window refresh asks for the same year several times; the merged table is kept for the
    latest (database, year, computation, case version) and handed out as a copy."""
    comp = _usable(db, year)
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


def credit_columns(db: Database, year: int) -> tuple[pd.DataFrame, Params, dict]:
    """``court_results`` narrowed to what crediting reads (case_id, judge, division, panel,
    closed_month, unit, sc), read alone when the whole year is not kept: the same rows, order
    and values, a fraction of the read."""
    comp = _usable(db, year)
    key = (backups_path(db), year, comp["id"], repo.cases_version(db))
    if key in _RECENT:
        merged, params, info = _RECENT[key]
        return merged[list(_CREDIT_COLUMNS)].copy(), params, info
    if key in _RECENT_CREDIT:
        frame, params, info = _RECENT_CREDIT[key]
        return frame.copy(), params, info
    frame = case_columns.load_credit_columns(db, year, comp["id"])
    info = {**comp, "averages": {k: Averages(*v) for k, v in json.loads(comp["averages"]).items()}}
    params = params_from_toml(comp["toml"])
    if key[0] is not None:  # eight columns, names shared: kept whatever the year's size
        if len(_RECENT_CREDIT) >= _RECENT_SIZE:
            _RECENT_CREDIT.pop(next(iter(_RECENT_CREDIT)))
        _RECENT_CREDIT[key] = (frame, params, info)
        frame = frame.copy()
    return frame, params, info


_RECENT_CREDIT: dict[tuple, tuple[pd.DataFrame, Params, dict]] = {}


_CREDIT_COLUMNS = ("case_id", "judge", "division", "panel", "closed_month", "closed_on", "unit", "sc")


def forget_cached() -> None:
    """Drop the kept tables (after a restore replaced the database under the same name)."""
    _RECENT.clear()
    _RECENT_CREDIT.clear()


def _read_results(db: Database, comp: dict) -> tuple[pd.DataFrame, Params, dict]:
    year = comp["year"]
    params = params_from_toml(comp["toml"])
    cases = apply_decisions(db, case_columns.load_year_cases(db, year))
    res = case_columns.load_results(db, comp["id"])
    merged = cases.merge(res, on="case_id", how="left")
    merged["rule"] = merged["rule"].fillna(NO_RULE).astype(int)
    merged["flags"] = merged["flags"].fillna(0).astype(int)
    merged = add_hold_reasons(merged, params, (merged["flags"].to_numpy() & OUTLIER) > 0)
    outside = (merged["flags"].to_numpy() & OUT_OF_POST) > 0
    if outside.any():  # the time-in-post reasons, stored at compute time
        stored = derived.held_reasons(db, comp["id"], merged.loc[outside, "case_id"].tolist())
        merged.loc[outside, "hold_reason"] = merged.loc[outside, "case_id"].map(stored)
    comp = {**comp, "averages": {k: Averages(*v) for k, v in json.loads(comp["averages"]).items()}}
    return merged, params, comp


def params_and_info(comp: dict) -> tuple[Params, dict]:
    """The parameters a computation used and its row with the averages decoded (as
    ``court_results`` returns them)."""
    info = {**comp, "averages": {k: Averages(*v) for k, v in json.loads(comp["averages"]).items()}}
    return params_from_toml(comp["toml"]), info


def rule_names(merged: pd.DataFrame, params: Params) -> pd.Series:
    names = np.array([r.name for r in params.trial.rules] + [""], dtype=object)
    return pd.Series(names[merged["rule"].to_numpy()], index=merged.index)


def flags_text(merged: pd.DataFrame) -> pd.Series:
    labels = {f: flag_labels(f) for f in range(0, 2 ** len(FLAG_LABELS))}
    return merged["flags"].map(labels)


def explanations(merged: pd.DataFrame, params: Params) -> pd.Series:
    records = records_of(merged)
    return pd.Series([explain(r, r, params) for r in records], index=merged.index, dtype=object)


def records_of(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")``, the same values, built a column at a time: numpy columns by
    ``tolist`` (Python scalars, as ``itertuples`` gives), object columns boxed as ``to_dict``
    boxes them, string columns read as an array instead of element by element (most of the
    time of the judge's own view on a 1M-case year)."""
    from pandas.api.types import is_object_dtype, is_string_dtype
    from pandas.core.dtypes.cast import maybe_box_native

    columns = frame.columns.tolist()
    lists = []
    for i in range(len(columns)):
        col = frame.iloc[:, i]
        values = col.array
        if is_object_dtype(col.dtype):
            lists.append(list(map(maybe_box_native, col.to_numpy())))
        elif isinstance(col.dtype, np.dtype) and col.dtype.kind in "biuf":
            lists.append(col.to_numpy().tolist())
        elif is_string_dtype(col.dtype) and isinstance(
            values, pd.arrays.StringArray | pd.arrays.ArrowStringArray
        ):
            lists.append(list(values.to_numpy(dtype=object, na_value=col.dtype.na_value)))
        else:
            lists.append(list(col))
    return [dict(zip(columns, row, strict=True)) for row in zip(*lists, strict=True)]


def tally(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """One row per judge the acting user may see: judge, division, post, track, cases, sc_trial,
    sc_enforcement."""
    return access.limit_people(db, court_tally(db, year, through_month))


def court_tally(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """Every judge's credited standard cases (panel shares reach across divisions)."""
    comp = _derived_computation(db, year)
    if comp is not None and isinstance(through_month, int | np.integer) and 1 <= through_month <= 12:
        credit = derived.credit(db, comp["id"], "to_month", int(through_month))
    else:  # a computation stored before the per-judge table, or an unusual month
        merged, params, _ = credit_columns(db, year)
        upto = merged[merged["closed_month"] <= through_month]
        credit = credit_by_judge(upto, upto, params, figures.post_spans(db))
    judges = repo.judges_frame(db).rename(columns={"name": "judge"})
    judges = judges[figures.in_post(judges, year)]  # a judge not in post in the year is not in its tally
    out = judges[["judge", "division", "post", "track"]].merge(credit, on="judge", how="left")
    out["cases"] = out["cases"].fillna(0).astype(int)
    out[["sc_trial", "sc_enforcement"]] = out[["sc_trial", "sc_enforcement"]].fillna(0.0)
    return out


def monthly_credit(db: Database, year: int) -> pd.DataFrame:
    """Credited SC per judge and month (judges the acting user may see): judge, division, month,
    cases, sc_trial, sc_enforcement."""
    return access.limit_people(db, court_monthly_credit(db, year))


def court_monthly_credit(db: Database, year: int) -> pd.DataFrame:
    comp = _derived_computation(db, year)
    if comp is not None:
        out = derived.credit(db, comp["id"], "month")
        if out.empty:
            return pd.DataFrame(columns=["judge", "division", "month", "cases", "sc_trial", "sc_enforcement"])
    else:  # a computation stored before the per-judge table
        out = _monthly_from_cases(db, year)
        if out is None:
            return pd.DataFrame(columns=["judge", "division", "month", "cases", "sc_trial", "sc_enforcement"])
    return _monthly_in_post(db, year, out)


def _monthly_from_cases(db: Database, year: int) -> pd.DataFrame | None:
    merged, params, _ = credit_columns(db, year)
    post = figures.post_spans(db)
    frames = []
    for month, part in merged.groupby("closed_month"):
        c = credit_by_judge(part, part, params, post)
        c["month"] = int(month)
        frames.append(c)
    if not frames:
        return None
    return pd.concat(frames, ignore_index=True)


def _monthly_in_post(db: Database, year: int, out: pd.DataFrame) -> pd.DataFrame:
    judges = repo.judges_frame(db)
    out = out[~out["judge"].isin(judges.loc[~figures.in_post(judges, year), "name"])]
    divisions = judges.set_index("name")["division"]
    out.insert(1, "division", out["judge"].map(divisions))
    return out


def _derived_computation(db: Database, year: int) -> dict | None:
    """The year's fresh computation if its per-judge credit was stored with it."""
    comp = _usable(db, year)
    return comp if comp.get("derived") else None
