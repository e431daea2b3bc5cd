"""我的工作量: one judge's own figures — the same ones their PDF sheet prints — and every case
they are credited with, each with its standard-case explanation."""

from __future__ import annotations

import pandas as pd

from workload_app.core.problems import WorkloadError
from workload_app.services import access
from workload_app.services import standard_cases as S
from workload_app.services.sheets import build_context, judge_figures
from workload_app.storage.db import Database


def linked_judge(db: Database) -> str | None:
    return access.current(db).judge


def ranks_shown(user: access.User, published: bool) -> bool:
    """人事 (and 管理员) and 庭长 always see ranks on screen; a judge sees them only in a year whose
    parameters publish them (DOMAIN: ranking and publication)."""
    return access.may_see_ranks(user, published)


def my_workload(db: Database, year: int, month: int, judge: str | None = None) -> dict:
    """``figures`` (as on the judge sheet) and ``cases`` (closed through ``month``, with SC,
    rule, flags and explanation) for the acting user's judge, or ``judge`` if they may see them."""
    judge = judge or linked_judge(db)
    if not judge:
        raise WorkloadError("当前账户没有关联法官，请在「法官」页中选择一位法官")
    ctx = build_context(db, year, month)
    row = ctx.assessment[ctx.assessment["judge"] == judge]
    if row.empty:
        raise WorkloadError(f"没有名为「{judge}」的法官")
    if not access.may_see_judge(db, judge, row["division"].iloc[0]):
        user = access.current(db)
        raise access.AccessDenied(f"{user.role_label}「{user.name}」无权查看法官「{judge}」的工作量")
    figures = judge_figures(ctx, judge)
    figures["ranks_shown"] = ranks_shown(access.current(db), figures["publish_ranks"])
    if not figures["ranks_shown"]:
        figures["assessment"] = {**figures["assessment"], "rank_division": None, "rank_court": None}
    merged = ctx.merged
    mine = merged[access._own_case_mask(merged, judge)].copy()
    mine["role_in_case"] = (mine["judge"] == judge).map({True: "承办", False: "合议庭成员"})
    mine["rule"] = mine["rule_name"]
    mine["flags"] = mine["flags_text"]
    mine["explanation"] = (
        S.explanations(merged.loc[mine.index], ctx.params) if len(mine) else pd.Series(dtype=object)
    )
    columns = [
        "case_number", "role_in_case", "cause", "closed_on", "type_code", "sc", "rule", "flags", "explanation",
    ]  # fmt: skip
    return {"figures": figures, "cases": mine.sort_values("closed_on")[columns].reset_index(drop=True)}
