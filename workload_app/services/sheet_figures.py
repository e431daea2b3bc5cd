"""The figures of each performance sheet (judge, division, court, notice).

The figures are computed once per year and month (``SheetContext``, holding the court's
``core.assessment.CourtFigures``) and sliced per judge or division, so 500 sheets cost one
computation and 500 renderings. The assessment parts of a sheet are the typed figures of
``core.assessment`` (``JudgeFigures``, ``DivisionFigures``, ``Progress``, ``Transfer``); the 质效
block the typed figures of ``services.quality``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core import assessment as A
from workload_app.core.casenumber import CATEGORY_LABELS
from workload_app.core.problems import WorkloadError
from workload_app.core.quota_text import quota_sentence
from workload_app.core.quotas import days_in_post_by_month
from workload_app.core.standard import AWAITING_APPROVAL, INCOMPLETE, NO_RULE, OUT_OF_POST, OUTLIER
from workload_app.services import access, clock, grade_views
from workload_app.services import court as court_settings_
from workload_app.services import quality as QS
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

KINDS = ("judge", "division", "court", "notice")
KIND_LABELS = {
    "judge": "法官考核表",
    "division": "部门考核表",
    "court": "全院汇总表",
    "notice": "任务下达通知",
}
DEFAULT_COURT = court_settings_.DEFAULT_COURT


@dataclass
class SheetContext:
    court: str
    year: int
    month: int
    generated_at: str
    param_version: int
    plan: dict | None
    merged: pd.DataFrame
    assessment: pd.DataFrame
    divisions: pd.DataFrame
    monthly: pd.DataFrame
    transfers: list
    params: object
    viewer: access.User
    roster: pd.DataFrame | None = None
    caseflow: pd.DataFrame | None = None
    settings: court_settings_.CourtSettings | None = None
    quality: QS.QualityReport | None = None  # 质效 figures of the same period, scoped to the viewer
    figures: A.CourtFigures | None = None  # the court's assessment (``assessment`` is its table)
    as_of: str = ""  # the cut-off of every "as of" figure: the period end or the day printed (``clock``)
    grades: dict | None = None  # the year-end sheet: each judge's confirmed grade (grade_views.sheet_lines)

    def judge(self, name: str) -> A.JudgeFigures | None:
        """The judge's typed assessment (ranked against everyone in ``assessment``)."""
        if self.figures is not None:
            return self.figures.judge(name)
        rows = A.judge_figures(self.assessment, self.params, names={name})
        return rows[0] if rows else None

    def base(self) -> dict:
        return {
            "court": self.court,
            "year": self.year,
            "month": self.month,
            "generated_at": self.generated_at,
            "param_version": self.param_version,
            "plan_version": self.plan["version"] if self.plan else None,
        }


def court_name(db: Database) -> str:
    return court_settings_.court_settings(db).name


def period_end(year: int, month: int) -> str:
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def as_of(ctx: SheetContext) -> str:
    """The date the sheet's "as of" figures are counted at (``clock.cut_off``), printed as 截至."""
    return ctx.as_of or period_end(ctx.year, ctx.month)


def build_context(db: Database, year: int, month: int, generated_at: str | None = None) -> SheetContext:
    """Every figure the sheets need, court-wide (ranks and division rows need everyone);
    ``sheet_jobs`` hands out only the sheets the acting user may see."""
    if not 1 <= month <= 12:
        raise WorkloadError("sheet.bad_month", month=month)
    cut_off = clock.cut_off(db, year, month).isoformat()  # a sheet printed on 7 Dec counts as of 7 Dec
    merged, params, comp = S.court_results(db, year)
    figures = Q.court_figures(db, year, month, with_transfers=month < 12)
    merged = merged[merged["closed_month"] <= month].copy()
    merged["rule_name"] = S.rule_names(merged, params)
    merged["flags_text"] = S.flags_text(merged)
    monthly = S.court_monthly_credit(db, year)
    monthly = monthly[monthly["month"] <= month]
    return SheetContext(
        court=court_name(db),
        year=year,
        month=month,
        generated_at=generated_at or clock.of(db).minute(),
        param_version=comp["version"],
        plan=Q.court_plan(db, year),
        merged=merged,
        assessment=figures.judge_table,
        divisions=figures.division_table,
        monthly=monthly,
        transfers=list(figures.transfers),
        params=params,
        viewer=access.current(db),
        roster=repo.judges_frame(db).set_index("name"),
        caseflow=repo.case_flow(db, f"{year}-01-01", cut_off),
        settings=court_settings_.court_settings(db),
        quality=QS.report(db, year, month),
        figures=figures,
        as_of=cut_off,
        grades=grade_views.sheet_lines(db, year) if month == 12 else None,
    )


def _quality_base(ctx: SheetContext) -> dict:
    rep = ctx.quality
    return {
        "period_end": as_of(ctx),
        "data_date": rep.data_date if rep else None,
        "appeals_date": rep.appeals_date if rep else None,
    }


def _progress(ctx: SheetContext, judges: list[str], sc_col: str, cases: pd.DataFrame) -> A.Progress:
    """Cumulative progress of ``judges`` (their credit in ``sc_col``, their closed ``cases``)
    against the sum of their month targets."""
    sc_by_month = A.by_month(ctx.monthly[ctx.monthly["judge"].isin(judges)], sc_col)
    cases_by_month = np.bincount(cases["closed_month"].astype(int), minlength=13)[1:]
    return A.progress(sc_by_month, cases_by_month, A.plan_targets(ctx.plan, judges), ctx.month)


def _progress_keys(progress: A.Progress) -> dict:
    """The progress, and its month rows and cumulative target as the window's tables read them."""
    return {"progress": progress, "months": list(progress.months), "target_cumulative": progress.target}


def _case_rows(ctx: SheetContext, cases: pd.DataFrame) -> list[dict]:
    if cases.empty:
        return []
    explanations = S.explanations(cases, ctx.params)
    out = []
    for number, type_code, closed_on, sc, text, rule, flags in zip(
        cases["case_number"].tolist(),
        cases["type_code"].tolist(),
        cases["closed_on"].tolist(),
        cases["sc"].tolist(),
        explanations,
        cases["rule_name"].tolist(),
        cases["flags_text"].tolist(),
        strict=True,
    ):  # by column: a row Series per case (iterrows) cost 0.7 s for a 1M court's judge
        out.append(
            {
                "case_number": number,
                "type_code": type_code,
                "closed_on": closed_on,
                "sc": None if pd.isna(sc) else float(sc),
                "explanation": text,
                "rule_or_flag": "、".join(x for x in (rule, flags) if x),
                "rule": rule or "",
                "flagged": bool(flags),  # held, incomplete or awaiting: to be looked at
            }
        )
    return out


def judge_figures(ctx: SheetContext, judge: str) -> dict:
    a = ctx.judge(judge)
    if a is None:
        raise WorkloadError("sheet.no_judge", judge=judge)
    track = a.track
    cases = ctx.merged[ctx.merged["judge"] == judge]
    progress = _progress(ctx, [judge], "sc_trial" if track == "trial" else "sc_enforcement", cases)
    quota = None
    if ctx.plan is not None:
        judges = pd.DataFrame(ctx.plan["judges"]).set_index("judge")
        if judge in judges.index:
            quota = judges.loc[judge].to_dict()
            quota["derivation"] = ctx.plan["derivation"][track]
            quota["sentence"] = quota_sentence(quota, ctx.year)
            quota["inputs"] = (ctx.plan.get("inputs") or {}).get(track)
    categories = (
        cases.assign(category_label=cases["category"].map(CATEGORY_LABELS))
        .groupby(["category_label", "type_code"])
        .agg(cases=("case_id", "count"), sc=("sc", "sum"))
        .reset_index()
    )
    special = cases[(cases["rule"] != NO_RULE) | (cases["flags"] != 0)].sort_values("closed_on")
    top = cases.dropna(subset=["sc"]).sort_values(["sc", "case_number"], ascending=[False, True]).head(10)
    person = _roster_row(ctx, judge)
    if quota is not None:
        quota.update(_days(ctx.year, person))
    return {
        **ctx.base(),
        "judge": {
            "name": judge,
            "division": a.division,
            "post": a.post,
            "track": track,
            "post_group": a.post_group,
            **person,
        },
        "publish_ranks": publish_ranks(ctx),
        "grade": (ctx.grades or {}).get(judge),
        "score_breakpoints": tuple(ctx.params.score.breakpoints),
        "caseflow": _caseflow(ctx, judge),
        "quota": quota,
        "assessment": a,  # completion, score (and its deduction), ranks: core.assessment.JudgeFigures
        **_progress_keys(progress),
        "categories": [
            {"category": r.category_label, "type_code": r.type_code, "cases": int(r.cases), "sc": float(r.sc)}
            for r in categories.itertuples()
        ],
        # the 合计 row: the exact sums the category rows are rounded from
        "categories_total": {"cases": len(cases), "sc": float(cases["sc"].sum())},
        "top_cases": _case_rows(ctx, top),
        "special_cases": _case_rows(ctx, special),
        "quality": {
            "incomplete": int((cases["flags"] & INCOMPLETE > 0).sum()),
            "awaiting": int((cases["flags"] & AWAITING_APPROVAL > 0).sum()),
            "outlier": int((cases["flags"] & OUTLIER > 0).sum()),
        },
        "indicators": {  # 质效: typed figures of services.quality, not blended into the score
            **_quality_base(ctx),
            "figures": ctx.quality.judge(judge, a.division) if ctx.quality else None,
            "long_pending": ctx.quality.pending_of(judge) if ctx.quality else (),
            # a judge whose cases lie in several divisions (moved during the year): the others
            "elsewhere": _elsewhere(ctx, judge, a.division),
        },
    }


def sheet_judge_figures(ctx: SheetContext, judge: str) -> dict:
    """``judge_figures`` and what only the printed sheet shows: an enforcement judge's closed
    cases by closing method (read from the court-wide cases, which carry every closing method)."""
    f = judge_figures(ctx, judge)
    cases = ctx.merged[ctx.merged["judge"] == judge]
    f["closings"] = _closings(cases) if f["judge"]["track"] == "enforcement" else []
    return f


def _closings(cases: pd.DataFrame) -> list[dict]:
    """An enforcement judge's closed cases by closing method: cases, those counted 0 (by the
    method's rule, or 终本/终结执行 awaiting the supervisor's approval) and the credit."""
    out = []
    for method, g in cases.groupby("closing_method", sort=True):
        awaiting = int((g["flags"] & AWAITING_APPROVAL > 0).sum())
        zero = int((g["sc"].fillna(0) == 0).sum())
        out.append(
            {
                "method": str(method),
                "cases": len(g),
                "zero": zero,
                "awaiting": awaiting,
                "sc": float(g["sc"].fillna(0).sum()),
            }
        )
    return sorted(out, key=lambda r: (-r["cases"], r["method"]))


def _elsewhere(ctx: SheetContext, judge: str, division: str) -> tuple:
    """The judge's 质效 figures under other divisions than the sheet's (cases from before a move)."""
    if ctx.quality is None:
        return ()
    shown = ctx.quality.judge(judge, division)
    return tuple(f for f in ctx.quality.judges if f.name == judge and f is not shown)


def publish_ranks(ctx: SheetContext) -> bool:
    """Whether ranks go on printed sheets and into judges' own views this year (人事 and 庭长
    screens always show them)."""
    return bool(ctx.params.assessment.publish_ranks)


def _clean(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    return value.item() if hasattr(value, "item") else value


def _roster_row(ctx: SheetContext, judge: str) -> dict:
    """入额/离任 dates, and 法官等级 / 到岗日期 where the roster keeps them."""
    if ctx.roster is None or judge not in ctx.roster.index:
        return {"in_post_from": None, "in_post_to": None, "grade": None, "arrived_on": None}
    r = ctx.roster.loc[judge]
    return {
        "in_post_from": _clean(r.get("in_post_from")),
        "in_post_to": _clean(r.get("in_post_to")),
        "grade": _clean(r.get("grade")),
        "arrived_on": _clean(r.get("arrived_on")),
    }


def _days(year: int, person: dict) -> dict:
    days = days_in_post_by_month(year, person["in_post_from"], person["in_post_to"])
    return {"days_in_post": int(days.sum()), "days_in_year": 366 if calendar.isleap(year) else 365}


def _caseflow(ctx: SheetContext, judge: str) -> dict | None:
    """旧存 / 新收 / 已结 / 未结 of the judge's own cases (by 立案日期 and 结案日期)."""
    if ctx.caseflow is None:
        return None
    flow = ctx.caseflow.set_index("judge")
    counts = {k: 0 for k in ("carried", "filed", "closed", "pending")}
    if judge in flow.index:
        counts = {k: int(flow.loc[judge, k] or 0) for k in counts}
    return {**counts, "end": as_of(ctx)}


def in_post(ctx: SheetContext, judge: str) -> bool:
    """Whether the roster has the judge in post for at least one day of the year."""
    return _days(ctx.year, _roster_row(ctx, judge))["days_in_post"] > 0


def _court(ctx: SheetContext) -> A.CourtFigures:
    if ctx.figures is None:
        raise WorkloadError("sheet.no_court_figures")
    return ctx.figures


def division_figures(ctx: SheetContext, division: str) -> dict:
    court = _court(ctx)
    d = court.division(division)
    if d is None:
        raise WorkloadError("sheet.no_division", division=division)
    members = ctx.assessment[ctx.assessment["division"] == division]
    cases = ctx.merged[ctx.merged["division"] == division]
    sc_col = "sc_trial" if d.track == "trial" else "sc_enforcement"
    progress = _progress(ctx, list(members["judge"]), sc_col, cases)
    shown = members[members["quota"].notna() | (members["cases"] > 0)]
    # the order the sheet says it follows: by post (院长 … 审判员), then by name
    shown = shown.assign(_post=shown["post"].map(post_rank)).sort_values(["_post", "judge"])
    # the division's cases at their full SC (what 案件 adds up for the division), beside 已完成, the
    # division's judges' credited shares: panel shares, panels across divisions and held cases
    # make the two differ (the sheet says so)
    closed = cases[(cases["closed_month"] <= ctx.month) & (cases["unit"] == d.track)]
    return {
        **ctx.base(),
        "division": d,  # core.assessment.DivisionFigures, with the staffing need
        "case_sc": float(closed["sc"].sum()),
        "shares": (ctx.params.panel.responsible_share, ctx.params.panel.member_share),
        "publish_ranks": publish_ranks(ctx),
        **_progress_keys(progress),
        "judges": [court.judge(name) for name in shown["judge"]],
        "transfers": court.transfers_of(division),
        "indicators": {
            **_quality_base(ctx),
            "figures": ctx.quality.division(division) if ctx.quality else None,
            "long_pending": (),
        },
    }


def post_rank(post: str) -> int:
    """A post's place in the order of ``formatting.ROLE_ORDER`` (others after them)."""
    from workload_app.core.formatting import ROLE_ORDER

    return ROLE_ORDER.index(post) if post in ROLE_ORDER else len(ROLE_ORDER)


def court_figures(ctx: SheetContext) -> dict:
    court = _court(ctx)
    flags = ctx.merged["flags"]
    return {
        **ctx.base(),
        "divisions": court.divisions,
        "track_totals": track_totals(court.divisions),
        "balance": dict(court.balance),
        "court_progress": dict(court.progress),
        "quality": {
            "cases": len(ctx.merged),
            "incomplete": int((flags & INCOMPLETE > 0).sum()),
            "awaiting": int((flags & AWAITING_APPROVAL > 0).sum()),
            "outlier": int((flags & OUTLIER > 0).sum()),
            "outside_post": int((flags & OUT_OF_POST > 0).sum()),  # credited to nobody until reviewed
        },
        "indicators": {
            **_quality_base(ctx),
            "figures": ctx.quality.court if ctx.quality else None,
            "divisions": ctx.quality.divisions if ctx.quality else (),
            "long_pending": (),
        },
    }


def track_totals(divisions: tuple[A.DivisionFigures, ...]) -> dict[str, dict]:
    """The 合计 of the court's division table, one per track (the two units are never added):
    judges, equivalents, targets and credit summed exactly; completion and per-judge figures
    computed from those sums as a division's are."""
    out: dict[str, dict] = {}
    for track in ("trial", "enforcement"):
        rows = [d for d in divisions if d.track == track]
        if not rows:
            continue
        sc = sum(d.sc for d in rows)
        to_date = sum(d.target_to_date for d in rows)
        equivalents = sum(d.equivalents for d in rows)
        needed = [d.judges_needed for d in rows]
        out[track] = {
            "judges": sum(d.judges for d in rows),
            "equivalents": equivalents,
            "target": sum(d.target for d in rows),
            "target_to_date": to_date,
            "sc": sc,
            "completion": sc / to_date if to_date > 0 else float("nan"),
            "sc_per_judge": sc / equivalents if equivalents > 0 else float("nan"),
            "judges_needed": float("nan") if any(n != n for n in needed) else sum(needed),
        }
    return out


def notice_figures(ctx: SheetContext, judges: list[str]) -> dict:
    if ctx.plan is None:
        raise WorkloadError("sheet.no_plan_notice", year=ctx.year)
    plan_judges = pd.DataFrame(ctx.plan["judges"]).set_index("judge")
    months = pd.DataFrame(ctx.plan["months"]).set_index("judge")
    settings = ctx.settings or court_settings_.CourtSettings(ctx.court, "")
    order = {name: i + 1 for i, name in enumerate(plan_judges.index)}
    notices = []
    for j in judges:
        if j not in plan_judges.index:
            continue
        r = plan_judges.loc[j]
        person = _roster_row(ctx, j)
        notices.append(
            {
                "judge": j,
                "number": settings.number_for(ctx.year, order[j], int(ctx.plan.get("version") or 1)),
                "attachment": order[j],  # 附件 n with plan numbering: the judge's place in the plan
                **person,
                **_days(ctx.year, person),
                **{
                    k: r[k]
                    for k in (
                        "division",
                        "post",
                        "track",
                        "quota",
                        "common_quota",
                        "post_fraction",
                        "share_in_post",
                        "computed_quota",
                        "override_reason",
                    )
                },
                "derivation": ctx.plan["derivation"][r["track"]],
                "sentence": quota_sentence(r.to_dict(), ctx.year),
                "months": [float(x) for x in months.loc[j, Q.MONTH_COLS]],
            }
        )
    plan = {k: ctx.plan.get(k) for k in ("version", "created_at", "reason", "from_month")}
    return {
        **ctx.base(),
        "issuer": settings.name,
        "plan": plan,
        "numbering": settings.notice_numbering,
        "notices": notices,
    }
