"""我的工作量: one judge's own figures — the same ones their PDF sheet prints — and every case
they are credited with, each with its standard-case explanation.

Only that judge's cases are read (``idx_cases_judge``, and the year's panels for the cases they
sat on); the court-wide figures a judge's sheet needs (ranks, completion, month by month) come
from the per-judge credit stored with the computation, not from the whole year's cases."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workload_app.core.credit import judge_shares
from workload_app.core.problems import WorkloadError
from workload_app.core.standard import NO_RULE, explain, explain_with_averages, held_rows
from workload_app.services import access, clock, grade_views
from workload_app.services import court as court_settings_
from workload_app.services import quality as QS
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.figures import post_spans
from workload_app.services.page_decisions import apply_decisions
from workload_app.services.sheets import SheetContext, build_context, judge_figures
from workload_app.storage import derived
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


def linked_judge(db: Database) -> str | None:
    return access.current(db).judge


def ranks_shown(user: access.User, published: bool) -> bool:
    """人事 (and 管理员) and 庭长 always see ranks on screen; a judge sees them only in a year whose
    parameters publish them (DOMAIN: ranking and publication)."""
    return access.may_see_ranks(user, published)


def _require_judge(db: Database, judge: str, code: str) -> None:
    """Refuse (``code``) another judge's figures to a 法官 before anything of theirs is read. (A
    庭长's right depends on the judge's division in the year's figures, checked once built.)"""
    user = access.current(db)
    if user.scope.own_judge_only and judge != user.judge:
        raise access.AccessDenied(code, role=user.role, user=user.name, judge=judge)


def my_workload(db: Database, year: int, month: int, judge: str | None = None) -> dict:
    """``figures`` (as on the judge sheet), ``quality_figures`` (the judge's 质效 figures) and
    ``cases`` (closed through ``month``, with SC, the judge's share and the SC credited to them —
    summing to the tally —, rule and flags) for the acting user's judge, or ``judge`` if they may
    see them. A case's explanation is made when asked for (``case_explanation``, by its
    ``case_id``): building every one up front cost more than the rest of the view."""
    judge = judge or linked_judge(db)
    if not judge:
        raise WorkloadError("mine.no_linked_judge")
    _require_judge(db, judge, "access.judge_workload")  # before anything of theirs is read
    ctx = judge_context(db, year, month, judge)
    row = ctx.assessment[ctx.assessment["judge"] == judge]
    if row.empty:
        raise WorkloadError("sheet.no_judge", judge=judge)
    if not access.may_see_judge(db, judge, row["division"].iloc[0]):
        user = access.current(db)
        raise access.AccessDenied("access.judge_workload", role=user.role, user=user.name, judge=judge)
    figures = judge_figures(ctx, judge)
    figures["ranks_shown"] = ranks_shown(access.current(db), figures["publish_ranks"])
    if not figures["ranks_shown"]:
        figures["assessment"] = {**figures["assessment"], "rank_division": None, "rank_court": None}
    merged = ctx.merged
    own = ctx.divisions is _JUDGE_ONLY  # only the judge's cases were read: all of them are theirs
    mine = (merged if own else merged[access._own_case_mask(merged, judge)]).copy()
    mine["role_in_case"] = (mine["judge"] == judge).map({True: "承办", False: "合议庭成员"})
    # What the tally credits this judge, case by case: the list adds up to the tally.
    mine["share"] = judge_shares(mine, judge, ctx.params, post_spans(db))
    mine["credited"] = mine["sc"] * mine["share"]
    mine["rule"] = mine["rule_name"]
    mine["flags"] = mine["flags_text"]
    columns = [
        "case_id", "case_number", "role_in_case", "cause", "closed_on", "type_code", "unit", "sc", "share",
        "credited", "rule", "flags",
    ]  # fmt: skip
    return {
        "figures": figures,
        "quality_figures": ctx.quality.judge(judge) if ctx.quality else None,
        "cases": mine.sort_values("closed_on")[columns].reset_index(drop=True),
        "shares": (ctx.params.panel.responsible_share, ctx.params.panel.member_share),
    }


def case_explanation(
    db: Database,
    year: int,
    case_id: int,
    judge: str | None = None,
    *,
    with_averages: bool = False,
    lang: str = "zh",
) -> str:
    """The standard-case explanation of one case of the judge's list (``my_workload``'s
    ``case_id``), the same text the sheets and the cases view give it: its pages with the
    reviewers' decisions applied, the stored result and a held case's reason. ``with_averages``:
    the window's, with what the divisors are (``explain_with_averages``); ``lang``: the window's."""
    judge = judge or linked_judge(db)
    if not judge:
        raise WorkloadError("mine.no_linked_judge")
    _require_judge(db, judge, "access.judge_cases")
    comp = S._usable(db, year)  # the stored fresh computation (a query: never computed here)
    params, _ = S.params_and_info(comp)
    case = _explained_rows(db, comp, [int(case_id)])
    if (
        case.empty
        or int(case["closed_year"].iloc[0]) != year
        or not access._own_case_mask(case, judge).iloc[0]
    ):
        raise WorkloadError("mine.no_case", judge=judge, year=year, case_id=case_id)
    division = repo.judges_frame(db).set_index("name")["division"].get(judge)
    if not access.may_see_judge(db, judge, division):
        user = access.current(db)
        raise access.AccessDenied("access.judge_cases", role=user.role, user=user.name, judge=judge)
    row = S.records_of(case)[0]
    if with_averages:
        return explain_with_averages(row, row, params, lang)
    return explain(row, row, params, lang)


def _explained_rows(db: Database, comp: dict, case_ids: list[int]) -> pd.DataFrame:
    """The rows of ``S.court_results`` for the given cases, with what ``explain`` reads: every
    case column (reviewers' decisions applied), the stored result, a held case's reason."""
    cases = apply_decisions(db, derived.load_cases_by_id(db, case_ids))
    res = derived.load_results_of(db, comp["id"], cases["case_id"].tolist())
    if res.empty:
        res = S.case_columns.load_results(db, -1)
    merged = cases.merge(res, on="case_id", how="left")
    merged["rule"] = merged["rule"].fillna(NO_RULE).astype(int)
    merged["flags"] = merged["flags"].fillna(0).astype(int)
    merged["hold_reason"] = None
    held = held_rows(merged["flags"].to_numpy())
    if held.any():  # the year-wide medians' and the time in post's reasons, stored at compute time
        reasons = derived.held_reasons(db, comp["id"], merged.loc[held, "case_id"].tolist())
        merged.loc[held, "hold_reason"] = merged.loc[held, "case_id"].map(reasons)
    return merged


_JUDGE_ONLY = pd.DataFrame(columns=["division"])  # a judge's context has no division rows


def judge_context(db: Database, year: int, month: int, judge: str) -> SheetContext:
    """What ``judge_figures`` and the case list read of ``sheets.build_context``, for one judge:
    the court-wide assessment (from the stored per-judge credit), the judge's monthly credit and
    only the cases they handled or sat on, with the same values as the court-wide context."""
    if not 1 <= month <= 12:
        raise WorkloadError("sheet.bad_month", month=month)
    comp = S._usable(db, year)  # the computation of the parameters in force (never a draft's)
    assessment = Q.court_assessment(db, year, month)
    if comp is None or not comp.get("derived"):  # stored before the per-judge table: the long way
        return build_context(db, year, month)
    params, info = S.params_and_info(comp)
    monthly = S.court_monthly_credit(db, year)
    monthly = monthly[(monthly["month"] <= month) & (monthly["judge"] == judge)]
    settings = court_settings_.court_settings(db)
    return SheetContext(
        court=settings.name,
        year=year,
        month=month,
        generated_at=clock.of(db).minute(),
        param_version=info["version"],
        plan=Q.court_plan(db, year),
        merged=_own_cases(db, comp, params, year, month, judge),
        assessment=assessment,
        divisions=_JUDGE_ONLY,
        monthly=monthly,
        transfers=[],
        params=params,
        viewer=access.current(db),
        roster=repo.judges_frame(db).set_index("name"),
        caseflow=derived.judge_case_flow(
            db, judge, f"{year}-01-01", clock.cut_off(db, year, month).isoformat()
        ),
        settings=settings,
        # 质效: the judge's figures from their own cases alone (idx_cases_judge), equal bit for bit
        # to theirs in the court-wide report (core.quality sums exactly, amounts in fen)
        quality=QS.judge_report(db, year, month, judge),
        as_of=clock.cut_off(db, year, month).isoformat(),
        grades=grade_views.sheet_lines(db, year) if month == 12 else None,
    )


def _own_cases(db: Database, comp: dict, params: object, year: int, month: int, judge: str) -> pd.DataFrame:
    """The judge's rows of ``S.court_results`` (through ``month``, with rule and flag names), read
    with the columns the list and the sheet figures use. The cases the sheet explains (those with
    a rule or a flag, the ten largest) also get what ``explain`` reads; the others are explained
    one at a time when asked (``case_explanation``)."""
    merged = derived.load_judge_case_list(db, comp["id"], year, judge)
    merged = merged[access._own_case_mask(merged, judge)].reset_index(drop=True)
    merged["rule"] = merged["rule"].fillna(NO_RULE).astype(int)
    merged["flags"] = merged["flags"].fillna(0).astype(int)
    merged = merged[merged["closed_month"] <= month].copy()
    merged["rule_name"] = S.rule_names(merged, params)
    merged["flags_text"] = S.flags_text(merged)
    # what judge_figures explains: its special cases and top ten (of the cases the judge handled)
    handled = merged[merged["judge"] == judge]
    special = handled[(handled["rule"] != NO_RULE) | (handled["flags"] != 0)]
    top = handled.dropna(subset=["sc"]).sort_values(["sc", "case_number"], ascending=[False, True]).head(10)
    explained = special.index.union(top.index)
    full = _explained_rows(db, comp, merged.loc[explained, "case_id"].tolist()).set_index("case_id")
    rows = merged.loc[explained, "case_id"].to_numpy()
    for col in full.columns.difference(merged.columns):
        values = full[col]
        merged[col] = np.nan if values.dtype.kind == "f" else None
        if len(rows):
            merged.loc[explained, col] = values.reindex(rows).to_numpy()
    return merged
