"""Keeping the stored figures (标准案件 results, each judge's credit, the held cases' reasons) up to
date inside the action that changed what they follow from (issue 32, issue 27 "actions and
queries"). Readers never compute: they read what the last action stored.

An action that changes some cases (an import, an undo, a page-count decision, an approval, a
judge's dates in post) says which (``Touched``) and calls ``update`` inside its own transaction:

- a case's standard cases depend on its own fields, the year's parameters, the reference year's
  averages and — through the outlier test (``core.standard.held_mask``) — on the page medians of
  the cases of its type code closed in the same year. So the cases recomputed are every case of
  each (closing year, type code) a touched case belonged to before or belongs to after; the
  result is the same bits a full computation gives, because each of those groups is read whole.
  Only the rows whose values differ are written (deleted and inserted again by case id).
- each judge's credit (``judge_credit``) is summed again from the year's stored results (eight
  columns read, the engine not run; see ``_update_credit`` for why not from one judge's cases)
  and only a changed table is written.
- the whole year is computed again only when what every case depends on changed: the year's
  parameters in force, or the averages of its reference year (recomputed when that year's cases
  were touched, and compared bit for bit with those stored). Then once, in the same transaction.

None of this writes an audit row: the action that calls it writes its own. An explicit
recomputation (``standard_cases.compute_year``, 重新计算) is the one that records "compute".
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workload_app.core.credit import PostSpans, credit_by_judge
from workload_app.core.messages import Coded
from workload_app.core.params import Params, params_from_toml
from workload_app.core.problems import ParameterError, WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress
from workload_app.core.quotas import in_post_in_year
from workload_app.core.standard import (
    OUT_OF_POST,
    OUTLIER,
    Averages,
    compute_averages,
    compute_standard_cases,
    outlier_counts,
    page_medians,
)
from workload_app.services.page_decisions import apply_decisions
from workload_app.storage import case_columns, derived
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

AVERAGES_VERSION = 1  # raise when compute_averages changes: kept averages are then read again


@dataclass
class Touched:
    """What an action changed, for ``update``. ``case_ids``: cases added, changed or removed;
    ``before``: (closing year, type code, judge id, panel) of changed or removed cases as they were
    (take them with ``before_change`` first); ``judge_ids``: judges whose time in post changed;
    ``param_years``: years whose parameters in force changed; ``everything``: recompute every year
    (a roster import: names, divisions and dates of many judges at once)."""

    case_ids: set[int] = field(default_factory=set)
    before: list[tuple] = field(default_factory=list)
    judge_ids: set[int] = field(default_factory=set)
    param_years: set[int] = field(default_factory=set)
    everything: bool = False


def before_change(db: Database, case_ids: set[int] | list[int]) -> Touched:
    """The ``Touched`` of cases about to change: their ids and their state now."""
    keys = derived.case_keys(db, sorted({int(i) for i in case_ids}))
    return Touched(case_ids=set(keys["case_id"].tolist()), before=_key_tuples(keys))


def _key_tuples(keys: pd.DataFrame) -> list[tuple]:
    return list(
        zip(
            keys["closed_year"].tolist(),
            keys["type_code"].tolist(),
            keys["judge_id"].tolist(),
            keys["panel"].tolist(),
            strict=True,
        )
    )


# ---------------------------------------------------------------- the whole year


def post_spans(db: Database) -> PostSpans:
    """Every judge's time in post from the roster, and the reviewers' confirmations that apply."""
    return PostSpans.of(repo.judges_frame(db), repo.post_confirmations(db))


def year_params(db: Database, year: int) -> tuple[Params, dict]:
    """The year's parameters in force and their row; ``param_set.none`` when there are none."""
    row = repo.official_param_set(db, year)
    if row is None:
        raise WorkloadError("param_set.none", year=year)
    return params_from_toml(row["toml"]), row


@dataclass(frozen=True)
class YearComputed:
    """A year computed whole: its rows and who is credited with nothing, and why."""

    cases: int
    version: int
    outside_post: int
    no_day_in_post: int
    held_pages: int
    uncredited: int


def compute_and_store(db: Database, year: int, progress: ProgressCallback | None = None) -> YearComputed:
    """Compute every case closed in ``year`` with the year's parameters in force and store the
    results, credit and held reasons, replacing the year's computation of those parameters. No
    role check and no audit row: the caller holds the transaction and records the action."""
    progress = progress or no_progress
    params, row = year_params(db, year)
    progress(0.05, Coded("progress.reference_cases"))
    cases = None
    params_key = hashlib.sha256(f"{AVERAGES_VERSION}\n{row['toml']}".encode()).hexdigest()
    version = None
    if params.reference_year == year:
        reference = cases = apply_decisions(db, derived.load_compute_cases(db, year))
        averages = compute_averages(reference, params)
    elif (kept := derived.cached_averages(db, params.reference_year, params_key)) is not None:
        averages = {k: Averages(*v) for k, v in kept.items()}
    else:
        version = derived.year_version(db, params.reference_year)
        reference = apply_decisions(db, case_columns.load_engine_cases(db, params.reference_year))
        averages = compute_averages(reference, params)
    progress(0.35, Coded("progress.year_cases"))
    if cases is None:
        cases = apply_decisions(db, derived.load_compute_cases(db, year))
    progress(0.6, Coded("progress.compute"))
    post = post_spans(db)
    results, outside = _results(cases, params, averages, post)
    credit = credit_tables(_credit_frame(cases, results), params, post, outside)
    held = held_case_reasons(cases, results, params, post)
    summary = _uncredited(db, year, cases, results, outside)
    progress(0.75, Coded("progress.save_results"))
    cid = case_columns.save_results(db, row["id"], year, {k: list(v) for k, v in averages.items()}, results)
    derived.save(db, cid, credit, held)
    if version is not None:
        derived.save_averages(
            db, params.reference_year, params_key, version, {k: list(v) for k, v in averages.items()}
        )
    return YearComputed(len(results), row["version"], **summary)


def _results(
    cases: pd.DataFrame,
    params: Params,
    averages: dict[str, Averages],
    post: PostSpans,
    medians: np.ndarray | None = None,
) -> tuple[pd.DataFrame, np.ndarray]:
    """The engine's rows for ``cases`` with the time-in-post hold added, and that hold's mask;
    ``medians``: the cases' page medians over their whole year when ``cases`` is a part of it."""
    results = compute_standard_cases(cases, params, averages, medians)
    assert (results["case_id"].to_numpy() == cases["case_id"].to_numpy()).all()
    # closed outside the responsible judge's time in post: held (待复核), its SC as computed
    outside = post.outside(
        cases["judge"].to_numpy(), cases["case_id"].to_numpy(), cases["closed_on"].to_numpy()
    )
    results["flags"] = results["flags"].to_numpy() | np.where(outside, OUT_OF_POST, 0).astype(
        results["flags"].dtype
    )
    return results, outside


def _credit_frame(cases: pd.DataFrame, results: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "case_id": cases["case_id"],
            "judge": cases["judge"],
            "panel": cases["panel"],
            "closed_month": cases["closed_month"],
            "closed_on": cases["closed_on"],
            "unit": results["unit"].to_numpy(),
            "sc": results["sc"].to_numpy(),
        }
    )


def _uncredited(
    db: Database, year: int, cases: pd.DataFrame, results: pd.DataFrame, outside: np.ndarray
) -> dict[str, int]:
    """How many of the year's closed cases are credited to nobody, and why."""
    judges = repo.judges_frame(db)
    absent = set(judges.loc[~in_post(judges, year), "name"])
    pages = (results["flags"].to_numpy() & OUTLIER) > 0
    return {
        "outside_post": int(outside.sum()),
        "no_day_in_post": int((outside & cases["judge"].isin(absent).to_numpy()).sum()),
        "held_pages": int(pages.sum()),
        "uncredited": int((outside | pages).sum()),
    }


def in_post(judges: pd.DataFrame, year: int) -> pd.Series:
    """Judges in post on at least one day of ``year`` (入额 to 离任)."""
    return pd.Series(
        [
            in_post_in_year(year, a, b)
            for a, b in zip(judges["in_post_from"], judges["in_post_to"], strict=True)
        ],
        index=judges.index,
        dtype=bool,
    )


# ---------------------------------------------------------------- fresh or not


def fresh_computation(db: Database, year: int) -> dict | None:
    """The year's stored computation if it is of the parameters in force (never a newer draft)
    and no case changed since; None otherwise."""
    current = repo.official_param_set(db, year)
    comp = repo.computation_of(db, current["id"]) if current is not None else None
    if comp is None or current is None or comp["param_set_id"] != current["id"]:
        return None
    if comp["cases_version"] != repo.cases_version(db):
        return None
    return comp


def missing_years(db: Database) -> list[int]:
    """Years with parameters in force but no fresh computation (a query)."""
    return [
        y
        for y in repo.param_years(db)
        if repo.official_param_set(db, y) is not None and fresh_computation(db, y) is None
    ]


def compute_missing(db: Database) -> list[int]:
    """Every year with parameters in force but no fresh computation, computed (and stamped): the
    one-off upgrade a file made by an older version, or whose parameters were saved before any
    case, needs. Caller holds the transaction. A year whose figures cannot be computed (e.g. a
    reference year without base cases) stays without; its readers say so. Returns the years."""
    done = []
    for year in missing_years(db):
        try:
            with repo.transaction(db):  # a savepoint: a year that fails leaves nothing behind
                compute_and_store(db, year)
        except ParameterError:
            continue
        done.append(year)
    return done


# ---------------------------------------------------------------- an action's update


def update(db: Database, touched: Touched) -> None:
    """Bring every year's stored figures up to date after the change ``touched`` describes, in
    the caller's transaction (call it last, after the change). Marks the case data changed
    (``cases_version``) and stamps each year's computation fresh."""
    previous = repo.cases_version(db)  # a computation stamped with it was fresh until now
    repo.bump_cases_version(db)
    now = derived.case_keys(db, sorted(touched.case_ids)) if touched.case_ids else None
    after = _key_tuples(now) if now is not None else []
    judge_rows = derived.judge_case_keys(db, sorted(touched.judge_ids)) if touched.judge_ids else None
    by_judge = _key_tuples(judge_rows) if judge_rows is not None else []
    touched_years = {k[0] for k in [*touched.before, *after, *by_judge] if k[0] is not None}
    for year in repo.param_years(db):
        row = repo.official_param_set(db, year)
        if row is None:
            continue
        comp = repo.computation_of(db, row["id"])
        whole = (
            touched.everything
            or year in touched.param_years
            or comp is None
            or comp["param_set_id"] != row["id"]
            or comp["cases_version"] != previous  # stale already (it could not be computed): whole
        )
        params = params_from_toml(row["toml"])
        try:
            with repo.transaction(db):  # a savepoint: a year that cannot be computed leaves nothing behind
                if not whole and params.reference_year in touched_years and params.reference_year != year:
                    whole = _averages_moved(db, params, row, comp)
                if not whole and params.reference_year == year and year in touched_years:
                    whole = True  # the year is its own reference: its averages follow every change
                if whole:
                    compute_and_store(db, year)
                    continue
                keys = [k for k in [*touched.before, *after, *by_judge] if k[0] == year]
                ids = {int(i) for i in touched.case_ids}
                if judge_rows is not None:  # a judge's dates: each of their cases may be held or not
                    ids |= {int(i) for i in judge_rows.loc[judge_rows["closed_year"] == year, "case_id"]}
                if keys or ids:
                    _update_year(db, year, comp, params, keys, ids, touched.judge_ids)
                derived.stamp(db, comp["id"])
        except ParameterError:
            continue


def _averages_moved(db: Database, params: Params, row: dict, comp: dict) -> bool:
    """Whether the reference year's averages, read again, differ from those ``comp`` used."""
    reference = apply_decisions(db, case_columns.load_engine_cases(db, params.reference_year))
    averages = compute_averages(reference, params)
    stored = json.loads(comp["averages"])
    return {k: list(v) for k, v in averages.items()} != stored


def _update_year(
    db: Database,
    year: int,
    comp: dict,
    params: Params,
    keys: list[tuple],
    ids: set[int],
    judge_ids: set[int],
) -> None:
    """The incremental step of one year. The page medians of each type code ``keys`` name are
    taken again over the whole group (page counts only, reviewers' corrections applied); the
    cases recomputed are the touched ones, those whose outlier test now answers otherwise than
    their stored flag, and the held ones (their reason names the median) — with the group's
    medians, so each gets the row a full computation gives it. Only rows that differ are written;
    the credit table is summed again when it may move."""
    cid = comp["id"]
    averages = {k: Averages(*v) for k, v in json.loads(comp["averages"]).items()}
    groups = sorted({k[1] for k in keys if k[1] is not None})
    pages = (
        apply_decisions(db, derived.load_group_pages(db, cid, year, groups))
        if groups
        else derived.load_group_pages(db, cid, year, [""])
    )
    medians = page_medians(pages) if len(pages) else np.zeros((0, 3))
    over = outlier_counts(pages, params.trial.outlier_factor, medians).any(axis=1)
    stored_flags = pages["flags"].to_numpy()
    held_now = np.nan_to_num(stored_flags, nan=0.0).astype(np.int64) & OUTLIER > 0
    group_ids = pages["case_id"].to_numpy()
    again = (over != held_now) | held_now | np.isnan(stored_flags) | np.isin(group_ids, list(ids))
    wanted = sorted(set(group_ids[again].tolist()) | ids)
    cases = apply_decisions(db, derived.load_compute_cases(db, year, case_ids=wanted))
    post = post_spans(db)
    results = None
    if len(cases):
        at = pd.Series(np.arange(len(group_ids)), index=group_ids)
        rows = at.reindex(cases["case_id"].to_numpy()).to_numpy()
        if np.isnan(rows).any():  # a touched case outside the groups read: its own year's groups
            raise AssertionError("a recomputed case outside the type codes read")
        case_medians = medians[rows.astype(int)]
        results, _ = _results(cases, params, averages, post, case_medians)
    loaded = set(cases["case_id"].tolist())
    stored = derived.load_results_of(db, cid, sorted(loaded | ids))
    changed_ids, removed = _diff_results(stored, results, loaded)
    if changed_ids or removed:
        new_rows = results[results["case_id"].isin(changed_ids)] if results is not None else None
        derived.replace_results(db, cid, new_rows, sorted(set(changed_ids) | removed))
    held = held_case_reasons(cases, results, params, post, case_medians) if results is not None else {}
    derived.replace_held_reasons(db, cid, held, sorted(loaded | ids))
    # the credit may have moved: a touched case (before or after), a row whose result changed, or
    # a judge's dates in post
    if keys or changed_ids or removed or judge_ids:
        _update_credit(db, year, cid, params, post)
    derived.set_case_count(db, cid, year)


def _numbers(values: pd.Series | np.ndarray) -> np.ndarray:
    return pd.to_numeric(pd.Series(np.asarray(values, dtype=object)), errors="coerce").to_numpy(dtype=float)


def _diff_results(
    stored: pd.DataFrame, results: pd.DataFrame | None, loaded: set[int]
) -> tuple[list[int], set[int]]:
    """Case ids whose computed row differs from the stored one (or has none), and stored rows of
    cases no longer in the recomputed year (removed, or moved to another year)."""
    removed = set(stored["case_id"].astype(int).tolist()) - loaded if len(stored) else set()
    if results is None or not len(results):
        return [], removed
    old = stored.set_index(stored["case_id"].astype(int)) if len(stored) else None
    new_ids = results["case_id"].astype(int).to_numpy()
    if old is None:
        return new_ids.tolist(), removed
    present = np.isin(new_ids, old.index.to_numpy())
    differs = ~present
    at = old.reindex(new_ids)
    for c in repo.RESULT_COLUMNS:
        if c == "case_id":
            continue
        if c == "unit":
            a, b = at[c].to_numpy(dtype=object), results[c].to_numpy(dtype=object)
            differs |= present & (a != b)
            continue
        a, b = _numbers(at[c].to_numpy()), _numbers(results[c].to_numpy())
        same = (a == b) | (np.isnan(a) & np.isnan(b))
        differs |= present & ~same
    return new_ids[differs].tolist(), removed


def _update_credit(db: Database, year: int, cid: int, params: Params, post: PostSpans) -> None:
    """The stored credit rows made those of the year as it now is; only a changed table written.

    Computed from the whole year's credit columns, not from the judges concerned alone: pandas'
    grouped sum of one judge's values is not a function of those values alone (pandas 3.1 gives
    125.90310171317944 for five values summed as the only group, 125.90310171317942 for the same
    five beside another judge's rows), so only the year's frame reproduces the full computation's
    bits. The read is eight columns of stored rows; nothing of the engine runs again."""
    outside = None
    if params.panel.member_share > 0:  # members' links: their panels and closing days
        frame = case_columns.load_credit_columns(db, year, cid)
    else:  # the responsible judge's credit only: ids and numbers, the time-in-post hold from the flags
        frame = derived.load_credit_codes(db, year, cid)
        outside = (
            np.nan_to_num(frame["flags"].to_numpy(dtype=float), nan=0.0).astype(np.int64) & OUT_OF_POST
        ) > 0
    if len(frame):
        frame["sc"] = pd.to_numeric(frame["sc"], errors="coerce").astype(float)
    rows = []
    for kind, month, part in credit_tables(frame, params, post, outside) if len(frame) else []:
        rows.extend(
            (kind, int(month), pos, j, int(n), float(t), float(e))
            for pos, (j, n, t, e) in enumerate(
                zip(*(part[c].tolist() for c in derived.CREDIT_COLUMNS), strict=True)
            )
        )
    if sorted(rows) != sorted(derived.credit_rows(db, cid, with_pos=True)):
        derived.replace_credit(db, cid, rows)


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
    # out of post on the closing day: credited to nobody (``outside``: the responsible judges'
    # mask, when the caller has it)
    if outside is None and post is not None and "closed_on" in frame:
        outside = post.outside(
            frame["judge"].to_numpy(), frame["case_id"].to_numpy(), frame["closed_on"].to_numpy()
        )
    if outside is not None:
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
    cases: pd.DataFrame,
    results: pd.DataFrame,
    params: Params,
    post: PostSpans | None = None,
    medians: np.ndarray | None = None,
) -> dict[int, str]:
    """Case id -> hold reason of the held cases: the outliers' (the year-wide medians of
    ``cases``, as ``_read_results`` adds them) and, with ``post``, the time in post's."""
    from workload_app.core.standard import hold_reasons

    ids = cases["case_id"].to_numpy()
    out: dict[int, str] = {}
    held = np.flatnonzero((results["flags"].to_numpy() & OUTLIER) > 0)
    if len(held):
        out.update(zip(ids[held].tolist(), hold_reasons(cases, params, held, medians), strict=True))
    outside = np.flatnonzero((results["flags"].to_numpy() & OUT_OF_POST) > 0)
    if post is not None and len(outside):
        judges, closed = cases["judge"].to_numpy(), cases["closed_on"].to_numpy()
        for i in outside:
            why = post.reason(judges[i], closed[i])
            out[int(ids[i])] = f"{out[int(ids[i])]}；{why}" if int(ids[i]) in out else why
    return out
