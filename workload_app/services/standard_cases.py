"""Computing, storing and reading standard cases (标准案件) for a year; the per-judge tally.

Results are stored per parameter version and recomputed when the cases or the parameters changed
since (``results``), so every reader sees figures that match the data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core import messages
from workload_app.core.credit import PostSpans, credit_by_judge
from workload_app.core.messages import Coded
from workload_app.core.params import Params, params_from_toml
from workload_app.core.problems import WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress
from workload_app.core.quotas import in_post_in_year
from workload_app.core.standard import (
    FLAG_LABELS,
    NO_RULE,
    OUT_OF_POST,
    OUTLIER,
    Averages,
    compute_averages,
    compute_standard_cases,
    explain,
    flag_labels,
)
from workload_app.services import access, audit, review
from workload_app.services.changes import Changes, Summary
from workload_app.services.parameters import require_params
from workload_app.storage import case_columns, derived
from workload_app.storage import repository as repo
from workload_app.storage.backups import store_key as backups_path
from workload_app.storage.db import Database
from workload_app.storage.pg import is_server

AVERAGES_VERSION = 1  # raise when compute_averages changes: kept averages are then read again


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
    """compute_year without the role check: results that are out of date are refreshed for
    whoever reads them (the figures follow from the data and the published parameters)."""
    progress = progress or no_progress
    params, row = require_params(db, year)
    progress(0.05, Coded("progress.reference_cases"))
    # reviewers' page decisions applied (待复核)
    # the year itself with judge, panel and month: the per-judge credit is stored with the results
    # another reference year's averages are kept while neither its cases nor the parameters change
    cases = None
    params_key = hashlib.sha256(f"{AVERAGES_VERSION}\n{row['toml']}".encode()).hexdigest()
    version = None
    if params.reference_year == year:
        reference = cases = review.apply_decisions(db, derived.load_compute_cases(db, year))
        averages = compute_averages(reference, params)
    elif (kept := derived.cached_averages(db, params.reference_year, params_key)) is not None:
        averages = {k: Averages(*v) for k, v in kept.items()}
    else:
        version = derived.year_version(db, params.reference_year)
        reference = review.apply_decisions(db, case_columns.load_engine_cases(db, params.reference_year))
        averages = compute_averages(reference, params)
    progress(0.35, Coded("progress.year_cases"))
    if cases is None:
        cases = review.apply_decisions(db, derived.load_compute_cases(db, year))
    progress(0.6, Coded("progress.compute"))
    results = compute_standard_cases(cases, params, averages)
    assert (results["case_id"].to_numpy() == cases["case_id"].to_numpy()).all()
    post = post_spans(db)
    # closed outside the responsible judge's time in post: held (待复核), its SC as computed
    outside = post.outside(
        cases["judge"].to_numpy(), cases["case_id"].to_numpy(), cases["closed_on"].to_numpy()
    )
    results["flags"] = results["flags"].to_numpy() | np.where(outside, OUT_OF_POST, 0).astype(
        results["flags"].dtype
    )
    credit = credit_tables(
        pd.DataFrame(
            {
                "case_id": cases["case_id"],
                "judge": cases["judge"],
                "panel": cases["panel"],
                "closed_month": cases["closed_month"],
                "closed_on": cases["closed_on"],
                "unit": results["unit"].to_numpy(),
                "sc": results["sc"].to_numpy(),
            }
        ),
        params,
        post,
        outside,
    )
    held = held_case_reasons(cases, results, params, post)
    summary = _uncredited(db, year, cases, results, outside)
    progress(0.75, Coded("progress.save_results"))
    with repo.transaction(db):
        cid = case_columns.save_results(
            db, row["id"], year, {k: list(v) for k, v in averages.items()}, results
        )
        derived.save(db, cid, credit, held)
        if version is not None:
            derived.save_averages(
                db, params.reference_year, params_key, version, {k: list(v) for k, v in averages.items()}
            )
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
    progress(1.0, Coded("progress.done"))
    return Changes(results=True, summary=ComputeSummary(year, len(results), row["version"], **summary))


def post_spans(db: Database) -> PostSpans:
    """Every judge's time in post from the roster, and the reviewers' confirmations that apply."""
    return PostSpans.of(repo.judges_frame(db), repo.post_confirmations(db))


def _uncredited(
    db: Database, year: int, cases: pd.DataFrame, results: pd.DataFrame, outside: np.ndarray
) -> dict[str, int]:
    """How many of the year's closed cases are credited to nobody, and why."""
    judges = repo.judges_frame(db)
    absent = set(judges.loc[~_in_post(judges, year), "name"])
    pages = (results["flags"].to_numpy() & OUTLIER) > 0
    return {
        "outside_post": int(outside.sum()),
        "no_day_in_post": int((outside & cases["judge"].isin(absent).to_numpy()).sum()),
        "held_pages": int(pages.sum()),
        "uncredited": int((outside | pages).sum()),
    }


def _fresh(db: Database, year: int) -> dict | None:
    # The version in force (published), never a newer draft: a draft moves no official figure.
    current = repo.official_param_set(db, year)
    comp = repo.computation_of(db, current["id"]) if current is not None else None
    if comp is None or current is None or comp["param_set_id"] != current["id"]:
        return None
    if comp["cases_version"] != repo.cases_version(db):
        return None
    return comp


def _restricted(db: Database) -> bool:
    """A login on the court server that sees only some cases (法官, 庭长): its client must never
    compute figures from the rows it can see; it reads what 人事/管理员's writes computed."""
    return is_server(db) and not access.current(db).court_wide


def _usable(db: Database, year: int) -> dict:
    """The year's computation to read: the fresh one, computed first when stale, except under a
    restricted login on the server, which reads the latest stored computation of the year's
    parameters (``stale`` set when the cases changed since; ``created_at`` says when)."""
    comp = _fresh(db, year)
    if comp is not None:
        return comp
    if _restricted(db):
        current = repo.official_param_set(db, year)
        comp = repo.computation_of(db, current["id"]) if current is not None else None
        if comp is None:
            raise WorkloadError("figures.not_computed", year=year)
        return {**comp, "stale": True}
    _compute_year(db, year)
    comp = _fresh(db, year)
    assert comp is not None
    return comp


def computed_note(db: Database, year: int, lang: str = messages.ZH) -> str | None:
    """For a restricted login on the court server: when the figures it reads were computed
    (and whether the cases changed since), in ``lang``; None elsewhere (figures are always
    fresh there)."""
    if not _restricted(db):
        return None
    comp = _usable(db, year)
    when = str(comp["created_at"]).replace("T", " ")[:16]
    if comp.get("stale"):
        return messages.render("figures.computed_stale", {"year": year, "at": when}, lang)
    return messages.render("figures.computed_at", {"year": year, "at": when}, lang)


def refresh_on_server(db: Database) -> list[int]:
    """After a court-wide write on the server (import, parameters published, page decisions): the
    stale years recomputed at once, so restricted logins read fresh figures. Nothing on a file
    (readers there recompute as they read). Returns the years recomputed."""
    if not is_server(db) or not access.current(db).court_wide:
        return []
    done = []
    for year in repo.param_years(db):
        if repo.official_param_set(db, year) is not None and _fresh(db, year) is None:
            _compute_year(db, year)
            done.append(year)
    from workload_app.services import quality  # imported here: quality reads no results

    quality.keep_court_dates(db)
    return done


def results(db: Database, year: int) -> tuple[pd.DataFrame, Params, dict]:
    """Cases closed in ``year`` that the acting user may see, with their results, the parameters
    used and the computation row. Recomputes first when the stored results are missing or stale."""
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
    comp = _usable(db, year)  # refreshed for whoever reads, as court_results does
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
    cases = review.apply_decisions(db, case_columns.load_year_cases(db, year))
    res = case_columns.load_results(db, comp["id"])
    merged = cases.merge(res, on="case_id", how="left")
    merged["rule"] = merged["rule"].fillna(NO_RULE).astype(int)
    merged["flags"] = merged["flags"].fillna(0).astype(int)
    merged = review.add_hold_reasons(merged, params, (merged["flags"].to_numpy() & OUTLIER) > 0)
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
        credit = credit_by_judge(upto, upto, params, post_spans(db))
    judges = repo.judges_frame(db).rename(columns={"name": "judge"})
    judges = judges[_in_post(judges, year)]  # a judge not in post in the year is not in its tally
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
    post = post_spans(db)
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
    out = out[~out["judge"].isin(judges.loc[~_in_post(judges, year), "name"])]
    divisions = judges.set_index("name")["division"]
    out.insert(1, "division", out["judge"].map(divisions))
    return out


def _derived_computation(db: Database, year: int) -> dict | None:
    """The year's fresh computation (computed first when stale, as ``credit_columns`` does) if
    its per-judge credit was stored with it."""
    comp = _usable(db, year)  # refreshed for whoever reads, as court_results does
    return comp if comp.get("derived") else None


def _in_post(judges: pd.DataFrame, year: int) -> pd.Series:
    """Judges in post on at least one day of ``year`` (入额 to 离任)."""
    return pd.Series(
        [
            in_post_in_year(year, a, b)
            for a, b in zip(judges["in_post_from"], judges["in_post_to"], strict=True)
        ],
        index=judges.index,
        dtype=bool,
    )


# ---------------------------------------------------------------- stored per-judge credit


def credit_tables(
    frame: pd.DataFrame, params: Params, post: PostSpans | None = None, outside: np.ndarray | None = None
) -> list[tuple[str, int, pd.DataFrame]]:
    """``credit_by_judge`` of the cases closed in each month ('month') and through each month
    ('to_month'), as (kind, month, frame): what ``court_monthly_credit`` and ``court_tally``
    return, computed once at compute time. ``frame``: ``credit_columns``' columns, in case order.

    The sums are pandas' own (a grouped sum, compensated, in case order), so every figure is
    bit-identical to calling ``credit_by_judge`` on the rows; only the grouping is done on
    integer codes instead of names (24 pivots of a 1M year would cost seconds)."""
    months = frame["closed_month"].to_numpy()
    out: list[tuple[str, int, pd.DataFrame]] = []
    if params.panel.member_share > 0:  # panel members' shares: credit_by_judge itself, per part
        for kind, masks in (("month", lambda m: months == m), ("to_month", lambda m: months <= m)):
            for m in range(1, 13):
                part = frame[masks(m)]
                if kind == "month" and part.empty:
                    continue
                out.append((kind, m, credit_by_judge(part, part, params, post)))
        return out
    credit = (frame["sc"].fillna(0.0) * params.panel.responsible_share).to_numpy()
    if post is not None and "closed_on" in frame:  # out of post on the closing day: credited to nobody
        if outside is None:  # ``outside``: the responsible judges' mask, when the caller has it
            outside = post.outside(
                frame["judge"].to_numpy(), frame["case_id"].to_numpy(), frame["closed_on"].to_numpy()
            )
        credit = np.where(outside, 0.0, credit)
    jcode, judges = pd.factorize(frame["judge"], sort=True)
    ucode, units = pd.factorize(frame["unit"], sort=True)
    unit_index = {u: i for i, u in enumerate(units)}
    pivot = (jcode >= 0) & (ucode >= 0)  # pivot_table drops rows without a key
    key = jcode.astype(np.int64) * max(len(units), 1) + ucode

    def table(mask: np.ndarray) -> pd.DataFrame:
        rows = mask & pivot
        sums = pd.Series(credit[rows]).groupby(key[rows]).sum()  # sorted keys: judges by name
        codes = sums.index.to_numpy()
        present = np.unique(codes // max(len(units), 1))
        counts = np.bincount(jcode[mask & (jcode >= 0)], minlength=len(judges))
        by_unit = {}
        for name in ("trial", "enforcement"):
            col = np.zeros(len(present))
            if name in unit_index:
                u = unit_index[name]
                hit = codes % max(len(units), 1) == u
                col[np.searchsorted(present, codes[hit] // max(len(units), 1))] = sums.to_numpy()[hit]
            by_unit[name] = col
        return pd.DataFrame(
            {
                "judge": np.asarray(judges, dtype=object)[present],
                "cases": counts[present].astype(int),
                "sc_trial": by_unit["trial"],
                "sc_enforcement": by_unit["enforcement"],
            }
        )

    for m in range(1, 13):
        if (months == m).any():
            out.append(("month", m, table(months == m)))
    for m in range(1, 13):
        out.append(("to_month", m, table(months <= m)))
    return out


def held_case_reasons(
    cases: pd.DataFrame, results: pd.DataFrame, params: Params, post: PostSpans | None = None
) -> dict[int, str]:
    """Case id -> hold reason of the held cases: the outliers' (the year-wide medians of
    ``cases``, as ``_read_results`` adds them) and, with ``post``, the time in post's."""
    from workload_app.core.standard import hold_reasons

    ids = cases["case_id"].to_numpy()
    out: dict[int, str] = {}
    held = np.flatnonzero((results["flags"].to_numpy() & OUTLIER) > 0)
    if len(held):
        out.update(zip(ids[held].tolist(), hold_reasons(cases, params, held), strict=True))
    outside = np.flatnonzero((results["flags"].to_numpy() & OUT_OF_POST) > 0)
    if post is not None and len(outside):
        judges, closed = cases["judge"].to_numpy(), cases["closed_on"].to_numpy()
        for i in outside:
            why = post.reason(judges[i], closed[i])
            out[int(ids[i])] = f"{out[int(ids[i])]}；{why}" if int(ids[i]) in out else why
    return out
