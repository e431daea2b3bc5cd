"""Planning a year's quotas from the data, re-planning mid-year, overrides, and the assessment of
judges and divisions against their targets (completion, score, rank, balance, staffing need)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core import assessment as A
from workload_app.core import moves as division_moves
from workload_app.core import quotas as q
from workload_app.core.messages import Coded
from workload_app.core.params import Params
from workload_app.core.problems import WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress
from workload_app.core.standard import held_rows
from workload_app.services import access, audit
from workload_app.services.changes import Changes, Summary
from workload_app.services.parameters import current_params, require_params
from workload_app.services.plan_build import build_plan, closures_by_track, month_patterns
from workload_app.services.standard_cases import court_monthly_credit, court_results, court_tally
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

TRACKS = A.TRACKS
TRACK_LABELS = A.TRACK_LABELS
MONTH_COLS = [f"m{m}" for m in q.MONTHS]


def _sc_column(track: str) -> str:
    return "sc_trial" if track == "trial" else "sc_enforcement"


def _has_results(db: Database, year: int) -> bool:
    return repo.current_param_set(db, year) is not None and year in repo.case_years(db)


def derive_inputs(
    db: Database, year: int, params: Params, expected_filings: dict[str, float] | None = None
) -> dict[str, q.QuotaInputs]:
    """Each track's quota inputs, from last year's data and this year's roster."""
    last = year - 1
    judges = repo.judges_frame(db)
    carry = repo.open_at(db, f"{year}-01-01")
    carry["track"] = np.where(carry["category"] == "enforcement", "enforcement", "trial")
    filings = repo.filings_by_month(db, last)
    history = {t: math.nan for t in TRACKS}
    per_case = {t: math.nan for t in TRACKS}
    if _has_results(db, last):
        last_tally = court_tally(db, last)
        merged, _, _ = court_results(db, last)
        last_pattern = closures_by_track(db, last)  # how last year's work actually fell by month
        for track in TRACKS:
            ordinary = last_tally[(last_tally["track"] == track) & (last_tally["post"] == "审判员")]
            ordinary = ordinary.merge(
                judges[["name", "in_post_from", "in_post_to"]], left_on="judge", right_on="name"
            )
            # a part-year judge counts as the share of last year's work that fell in the months
            # they were in post, so their closures stand for a full year by the same pattern
            w_last = q.month_weights("last_year", last, last_pattern[track])
            fte = sum(
                q.weighted_share(last, a, b, w_last)
                for a, b in zip(ordinary["in_post_from"], ordinary["in_post_to"], strict=True)
            )
            if fte > 0:
                history[track] = float(ordinary[_sc_column(track)].sum() / fte)
            # held cases (待复核) stay out of the SC per case, as out of every average
            sc = merged.loc[(merged["unit"] == track) & ~held_rows(merged["flags"]), "sc"].dropna()
            if len(sc):
                per_case[track] = float(sc.mean())
    out = {}
    weights = month_patterns(db, year, params)
    for track in TRACKS:
        mine = judges[judges["track"] == track]
        equivalents = sum(
            params.quota.fraction_of(r) * q.weighted_share(year, a, b, weights[track])
            for r, a, b in zip(mine["post"], mine["in_post_from"], mine["in_post_to"], strict=True)
        )
        last_filings = float(filings.loc[filings["track"] == track, "cases"].sum())
        expected = (expected_filings or {}).get(track)
        if expected is None or (isinstance(expected, float) and math.isnan(expected)):
            expected = last_filings * (1 + params.quota.filing_growth)
        weight = params.quota.history_weight
        hist = history[track]
        if math.isnan(hist):  # no closed year before: the target alone decides
            hist, weight = 0.0, 0.0
        out[track] = q.QuotaInputs(
            track=track,
            history_per_judge=hist,
            carry_over=int(carry.loc[carry["track"] == track, "cases"].sum()),
            expected_filings=float(expected),
            closing_rate=params.quota.closing_rate,
            sc_per_case=per_case[track] if not math.isnan(per_case[track]) else 1.0,
            judge_equivalents=float(equivalents),
            history_weight=weight,
        )
    return out


@dataclass(frozen=True)
class QuotaPlanSummary(Summary):
    """A plan version saved: its id and the plan as stored (``QuotaPlan.to_dict``)."""

    id: int
    plan: dict

    @property
    def year(self) -> int:
        return self.plan["year"]

    @property
    def from_month(self) -> int:
        return self.plan["from_month"]


def plan_year(
    db: Database,
    year: int,
    *,
    expected_filings: dict[str, float] | None = None,
    inputs: dict[str, q.QuotaInputs] | None = None,
    reason: str = "",
    user: str | None = None,
    progress: ProgressCallback | None = None,
) -> Changes:
    """Plan the year (version 1, or a new version from January with edited inputs)."""
    who = access.require(db, access.Action.PLAN_QUOTAS)
    judges = repo.judges_frame(db)
    if not any(
        q.in_post_in_year(year, a, b)
        for a, b in zip(judges["in_post_from"], judges["in_post_to"], strict=True)
    ):
        raise WorkloadError("quota.no_judge_in_post", year=year)  # nothing to plan: nothing stored
    progress = progress or no_progress
    params, _ = require_params(db, year)  # as recomputing: never on defaults nobody saved
    progress(0.1, Coded("progress.last_year"))
    inputs = inputs or derive_inputs(db, year, params, expected_filings)
    plan = build_plan(db, year, params, inputs, from_month=1, previous=None)
    progress(0.9, Coded("progress.save_plan"))
    with repo.transaction(db):
        plan_id = repo.insert_quota_plan(db, year, 1, reason or "年初下达", user or who.name, plan)
        audit.record(db, "quota.plan", f"{year} 年度任务", after=_audit_summary(plan, reason or "年初下达"))
    progress(1.0, Coded("progress.done"))
    return Changes(quotas=True, summary=QuotaPlanSummary(plan_id, plan))


def replan(
    db: Database,
    year: int,
    from_month: int,
    *,
    expected_filings: dict[str, float] | None = None,
    reason: str = "",
    user: str | None = None,
) -> Changes:
    """Re-plan from ``from_month`` (DOMAIN "Annual quotas"): the seasonal run-rate of the filings so
    far replaces the forecast, every input is recomputed from today's data and roster, months before
    keep their targets and each post's months after get the rest of its new annual figure; a new
    plan version is stored beside the old ones."""
    who = access.require(db, access.Action.REPLAN_QUOTAS)
    if not 2 <= from_month <= 12:
        raise WorkloadError("quota.replan_month")
    plans = repo.quota_plans(db, year)
    if not plans:
        raise WorkloadError("quota.no_plan", year=year)
    previous = plans[-1]["plan"]
    params, _ = require_params(db, year)
    # the seasonal run-rate: filings of months 1…F−1 ÷ last year's share of them (DOMAIN, re-plans)
    this_year, last_year = _filings_by_month(db, year), _filings_by_month(db, year - 1)
    forecast = {}
    for t in TRACKS:
        f = q.replanned_filings(this_year[t], from_month, last_year[t])
        # nothing filed yet this year: the previous version's forecast stands
        forecast[t] = float(previous["inputs"][t]["expected_filings"]) if math.isnan(f) else f
    forecast.update(expected_filings or {})
    # every input recomputed from today's data and roster (history, SC per case, carry-over, the
    # judges in post and their shares), so the quotas of the judges in post add up to the target
    new_inputs = derive_inputs(db, year, params, forecast)
    plan = build_plan(db, year, params, new_inputs, from_month, previous)
    with repo.transaction(db):
        plan_id = repo.insert_quota_plan(
            db, year, from_month, reason or f"{from_month} 月调整", user or who.name, plan
        )
        audit.record(
            db,
            "quota.replan",
            f"{year} 年度任务，自 {from_month} 月",
            before=_audit_summary(previous, ""),
            after=_audit_summary(plan, reason or f"{from_month} 月调整"),
        )
    return Changes(quotas=True, summary=QuotaPlanSummary(plan_id, plan))


def _filings_by_month(db: Database, year: int) -> dict[str, np.ndarray]:
    """Cases filed in ``year`` per month and track."""
    frame = repo.filings_by_month(db, year)
    out = {t: np.zeros(12) for t in TRACKS}
    for t, m, n in frame[["track", "month", "cases"]].itertuples(index=False):
        if t in out:
            out[t][int(m) - 1] = n
    return out


def override_quota(
    db: Database, year: int, judge: str, quota: float, reason: str, user: str | None = None
) -> Changes:
    """A personnel override of one judge's quota; needs a reason; the plan is re-issued with it."""
    who = access.require(db, access.Action.OVERRIDE_QUOTA)
    if not reason.strip():
        raise WorkloadError("quota.reason_required")
    if quota < 0 or math.isnan(quota):
        raise WorkloadError("quota.negative")
    ids = repo.judge_ids(db)
    if judge not in ids:
        raise WorkloadError("quota.no_judge", judge=judge)
    plans = repo.quota_plans(db, year)
    before = None
    if plans:
        before = next((j.get("quota") for j in plans[-1]["plan"]["judges"] if j["judge"] == judge), None)
    with repo.transaction(db):
        repo.insert_override(db, year, ids[judge], quota, reason, user or who.name)
        audit.record(
            db,
            "quota.override",
            f"{year} 年度 {judge}",
            before={"quota": before},
            after={"quota": quota, "reason": reason},
        )
        if plans:
            last = plans[-1]
            params, _ = current_params(db, year)
            inputs = {
                t: q.QuotaInputs(
                    **{
                        k: v
                        for k, v in last["plan"]["inputs"][t].items()
                        if k in q.QuotaInputs.__dataclass_fields__
                    }
                )
                for t in TRACKS
            }
            from_month = max(1, last["from_month"])
            previous = last["plan"] if from_month > 1 else None
            plan = build_plan(db, year, params, inputs, from_month, previous)
            repo.insert_quota_plan(
                db, year, from_month, f"调整 {judge} 的任务：{reason}", user or who.name, plan
            )
    return Changes(quotas=True)


def _audit_summary(plan: dict, reason: str) -> dict:
    """What the audit trail keeps of a plan: the common quotas, their derivation and the reason."""
    return {
        "reason": reason,
        "from_month": plan.get("from_month"),
        "common_quota": {t: plan["inputs"][t]["common_quota"] for t in TRACKS},
        "derivation": plan.get("derivation"),
    }


def court_plans(db: Database, year: int) -> list[dict]:
    return [
        {
            **r["plan"],
            "id": r["id"],
            "version": r["version"],
            "reason": r["reason"],
            "created_at": r["created_at"],
            "created_by": r["created_by"],
        }
        for r in repo.quota_plans(db, year)
    ]


def plan_versions(db: Database, year: int) -> list[dict]:
    """Every plan version of the year, oldest first: the plan with its version, reason, author and time."""
    return [access.limit_plan(db, p) for p in court_plans(db, year)]


def current_plan(db: Database, year: int) -> dict | None:
    plans = plan_versions(db, year)
    return plans[-1] if plans else None


def court_plan(db: Database, year: int) -> dict | None:
    plans = court_plans(db, year)
    return plans[-1] if plans else None


def plan_tables(plan: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(judge quotas, monthly targets) of a stored plan."""
    return pd.DataFrame(plan["judges"]), pd.DataFrame(plan["months"])


def division_targets(plan: dict, db=None) -> pd.DataFrame:  # noqa: ANN001 - the open database
    """Division target = Σ its judges' month targets (``core.moves.division_targets``, the one rule
    the command line, the window and the sheets share). With ``db``, a judge moved between
    divisions counts in each by the days of each month there; without, each judge in the plan's
    own division (the plan as issued)."""
    if db is not None:
        from workload_app.services import roster

        return roster.division_targets(db, plan)
    judges, months = plan_tables(plan)
    return division_moves.division_targets(judges, months, {})


# ---------------------------------------------------------------- assessment


def court_figures(
    db: Database, year: int, through_month: int = 12, *, with_transfers: bool = False
) -> A.CourtFigures:
    """The whole court's assessment to the month (ranks need everyone), computed once: what the
    sheets, the overview and the tables below all read. For computations, not for showing.
    ``with_transfers`` also projects the transfer supply (it reads every case of the year)."""
    params, _ = current_params(db, year)
    plan = court_plan(db, year)
    tally = court_tally(db, year, through_month)
    weights = _plan_weights(db, year, params, plan)
    roster_frame = repo.judges_frame(db).set_index("name")
    equivalents = {
        r.judge: params.quota.fraction_of(r.post)
        * q.weighted_share(
            year,
            roster_frame.at[r.judge, "in_post_from"],
            roster_frame.at[r.judge, "in_post_to"],
            weights[r.track],
        )
        for r in tally.itertuples()
    }
    reversed_ = (
        _reversed_remanded(db, params, year, through_month)
        if params.quality.deduction_per_reversed > 0
        else None
    )
    supply = _transfer_inputs(db, year, through_month) if with_transfers else None
    from workload_app.services import roster  # judges moved between divisions during the year

    moved = roster.moved_in_year(db, year)
    return A.assess(
        tally,
        plan,
        params,
        through_month,
        year=year,
        weights=weights,
        equivalents=equivalents,
        monthly=court_monthly_credit(db, year),
        reversed_remanded=reversed_,
        supply=supply,
        moved=moved,
        moved_shares=roster.equivalent_shares(db, year, weights) if moved else None,
        months_in_post={
            r.judge: float(
                q.month_shares_in_post(
                    year, roster_frame.at[r.judge, "in_post_from"], roster_frame.at[r.judge, "in_post_to"]
                )[:through_month].sum()
            )
            for r in tally.itertuples()
        },
    )


def figures(db: Database, year: int, through_month: int = 12) -> A.CourtFigures:
    """The assessment as the acting user may see it: their judges and divisions, ranks only where
    shown, the balance and transfers only for those who may see them, the progress of the judges
    they see against those judges' targets."""
    user = access.current(db)
    may_compare = user.scope.allows(access.Action.COMPARE_COURT)
    projected = may_compare and through_month < 12 and transfers_shown(db)
    court = court_figures(db, year, through_month, with_transfers=projected)
    hide_ranks = not ranks_visible(db, year)
    judges = assessment_view(db, year, court)
    names = set(judges["judge"])
    divisions = access.limit_divisions(db, court.division_table)
    seen = set(divisions["division"])
    monthly = access.limit_people(db, court_monthly_credit(db, year))
    plan = current_plan(db, year)
    return A.CourtFigures(
        year=year,
        month=through_month,
        judges=tuple(j.without_ranks() if hide_ranks else j for j in court.judges if j.judge in names),
        divisions=tuple(d for d in court.divisions if d.division in seen),
        balance=court.balance if may_compare else {},
        progress=A.track_progress(monthly[monthly["month"] <= through_month], plan, judges, through_month),
        transfers=tuple(access.visible_transfers(user, list(court.transfers))) if may_compare else (),
        planned=plan is not None,
        judge_table=judges,
        division_table=divisions,
    )


def assessment(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """One row per judge the acting user may see: standard cases to date in the judge's unit, quota,
    target to date, completion, score and ranks (division and court, within the post group)."""
    return assessment_view(db, year, court_figures(db, year, through_month))


def assessment_view(db: Database, year: int, court: A.CourtFigures) -> pd.DataFrame:
    out = access.limit_people(db, court.judge_table.copy())
    if not ranks_visible(db, year):
        out["rank_division"] = pd.array([pd.NA] * len(out), dtype="Int64")
        out["rank_court"] = pd.array([pd.NA] * len(out), dtype="Int64")
    return out


def ranks_visible(db: Database, year: int) -> bool:
    """Ranks on screen: always for 管理员, 人事 and 庭长; for a judge only in a year whose parameters
    publish them (since 2024 the SPC forbids publishing quality-indicator rankings: 不得通报排名)."""
    if access.scope(db).allows(access.Action.SEE_RANKS):
        return True
    params, _ = current_params(db, year)
    return bool(params.assessment.publish_ranks)


def court_assessment(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """Every judge's assessment (ranks need them all); for computations, not for showing."""
    return court_figures(db, year, through_month).judge_table.copy()


def _reversed_remanded(db: Database, params: Params, year: int, through_month: int) -> dict[str, int]:
    """Each judge's first-instance cases closed in the period and reversed or remanded (the cases
    the optional score deduction counts)."""
    from workload_app.core import quality as qm
    from workload_app.services.quality import period_cases

    period = qm.Period.year_to_month(year, through_month)
    counts = qm.counts(period_cases(db, period), params.quality, period, ["judge"])
    if not len(counts):
        return {}
    return {j: int(n) for j, n in zip(counts["judge"], counts["reversed_remanded"], strict=True)}


def division_assessment(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """Per division the acting user may see: target, target to date, SC to date, completion,
    SC per judge, staffing need."""
    return access.limit_divisions(db, court_division_assessment(db, year, through_month))


def court_division_assessment(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    return court_figures(db, year, through_month).division_table.copy()


PATTERN_LABELS = A.PATTERN_LABELS
staffing_assumption = A.staffing_assumption


def _plan_weights(db: Database, year: int, params: Params, plan: dict | None) -> dict[str, np.ndarray]:
    """The month pattern the plan's targets follow, per track (a plan stored before patterns were
    kept per track holds one list for both)."""
    stored = plan.get("weights") if plan else None
    if stored is None:
        return month_patterns(db, year, params)
    if isinstance(stored, dict):
        return {t: np.asarray(stored[t], dtype=float) for t in TRACKS}
    return {t: np.asarray(stored, dtype=float) for t in TRACKS}


def balance(db: Database, year: int, through_month: int = 12) -> dict[str, float]:
    """Coefficient of variation of standard cases per full-time judge across divisions, per track."""
    access.require(db, access.Action.VIEW_BALANCE)
    return dict(court_figures(db, year, through_month).balance)


def transfers(db: Database, year: int, through_month: int) -> list[q.Transfer]:
    """Suggested transfers between trial divisions of the same category, in standard cases
    (a 庭长 sees those involving their division)."""
    user = access.require(db, access.Action.VIEW_TRANSFERS)
    if not transfers_shown(db):
        return []
    return access.visible_transfers(user, list(court_transfers(db, year, through_month)))


def transfers_shown(db: Database) -> bool:
    """Transfer suggestions are projected from every case of the year (each division's category,
    SC per case, open and filed cases): not made for a login that reads only some of them (a
    庭长 on the court server), rather than made from its division's rows alone."""
    return access.sees_court_rows(db)


def court_transfers(db: Database, year: int, through_month: int) -> list[q.Transfer]:
    return list(court_figures(db, year, through_month, with_transfers=True).transfers)


def _transfer_inputs(db: Database, year: int, through_month: int) -> A.TransferInputs:
    """What the transfer supply is projected from: each division's category, SC per case of the
    category, cases open at the month's end and filed this year."""
    merged, _, _ = court_results(db, year)
    category = merged.groupby("division")["category"].agg(lambda s: s.value_counts().index[0])
    sc_per_case = merged[~held_rows(merged["flags"])].groupby("category")["sc"].mean()
    end = dt.date(year, through_month, 1) + pd.offsets.MonthEnd(0)
    open_now = repo.open_at(db, (end + dt.timedelta(days=1)).isoformat())
    filed = merged[merged["filed_on"].fillna("").str.startswith(str(year))].groupby("division").size()
    return A.TransferInputs(
        category=category.to_dict(),
        sc_per_case=sc_per_case.to_dict(),
        open_cases=open_now.groupby("division")["cases"].sum().to_dict(),
        filed=filed.to_dict(),
    )
