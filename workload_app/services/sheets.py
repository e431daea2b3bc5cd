"""Performance sheets: gather each sheet's figures from the services, render PDFs on both cores.

The figures are computed once per year and month (``SheetContext``) and sliced per judge or
division, so 500 sheets cost one computation and 500 renderings.
"""

from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import sqlite_utils

from workload_app.core.casenumber import CATEGORY_LABELS
from workload_app.core.problems import WorkloadError
from workload_app.core.progress import Cancelled, ProgressCallback, no_progress
from workload_app.core.standard import AWAITING_APPROVAL, INCOMPLETE, NO_RULE, OUTLIER
from workload_app.services import access
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.storage import repository as repo

KINDS = ("judge", "division", "court", "notice")
DEFAULT_COURT = "人民法院"


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

    def base(self) -> dict:
        return {
            "court": self.court,
            "year": self.year,
            "month": self.month,
            "generated_at": self.generated_at,
            "param_version": self.param_version,
            "plan_version": self.plan["version"] if self.plan else None,
        }


def court_name(db: sqlite_utils.Database) -> str:
    return repo.get_meta(db, "court_name") or DEFAULT_COURT


def build_context(
    db: sqlite_utils.Database, year: int, month: int, generated_at: str | None = None
) -> SheetContext:
    """Every figure the sheets need, court-wide (ranks and division rows need everyone);
    ``sheet_jobs`` hands out only the sheets the acting user may see."""
    merged, params, comp = S.court_results(db, year)
    merged = merged[merged["closed_month"] <= month].copy()
    merged["rule_name"] = S.rule_names(merged, params)
    merged["flags_text"] = S.flags_text(merged)
    monthly = S.court_monthly_credit(db, year)
    monthly = monthly[monthly["month"] <= month]
    return SheetContext(
        court=court_name(db),
        year=year,
        month=month,
        generated_at=generated_at or dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        param_version=comp["version"],
        plan=Q.court_plan(db, year),
        merged=merged,
        assessment=Q.court_assessment(db, year, month),
        divisions=Q.court_division_assessment(db, year, month),
        monthly=monthly,
        transfers=[t.__dict__ for t in Q.court_transfers(db, year, month)] if month < 12 else [],
        params=params,
        viewer=access.current(db),
    )


def _plan_months(ctx: SheetContext) -> pd.DataFrame:
    if ctx.plan is None:
        return pd.DataFrame(columns=["judge", *Q.MONTH_COLS])
    return pd.DataFrame(ctx.plan["months"])


def _month_rows(
    ctx: SheetContext, sc_by_month: np.ndarray, cases_by_month: np.ndarray, target_by_month: np.ndarray
) -> tuple[list[dict], list[float]]:
    rows = []
    cumulative = np.cumsum(sc_by_month)
    target_cum = np.cumsum(target_by_month)
    for m in range(1, ctx.month + 1):
        t = target_cum[m - 1]
        rows.append(
            {
                "month": m,
                "cases": int(cases_by_month[m - 1]),
                "sc": float(sc_by_month[m - 1]),
                "cumulative": float(cumulative[m - 1]),
                "target_cumulative": float(t),
                "completion": float(cumulative[m - 1] / t) if t > 0 else float("nan"),
            }
        )
    return rows, [float(x) for x in target_cum]


def _case_rows(ctx: SheetContext, cases: pd.DataFrame) -> list[dict]:
    if cases.empty:
        return []
    explanations = S.explanations(cases, ctx.params)
    out = []
    for (_, c), text in zip(cases.iterrows(), explanations, strict=True):
        tag = "、".join(x for x in (c["rule_name"], c["flags_text"]) if x)
        out.append(
            {
                "case_number": c["case_number"],
                "type_code": c["type_code"],
                "closed_on": c["closed_on"],
                "sc": None if pd.isna(c["sc"]) else float(c["sc"]),
                "explanation": text,
                "rule_or_flag": tag,
            }
        )
    return out


def judge_figures(ctx: SheetContext, judge: str) -> dict:
    a = ctx.assessment.set_index("judge")
    if judge not in a.index:
        raise WorkloadError(f"没有名为「{judge}」的法官")
    row = a.loc[judge]
    track = row["track"]
    sc_col = "sc_trial" if track == "trial" else "sc_enforcement"
    mine = ctx.monthly[ctx.monthly["judge"] == judge].set_index("month")
    sc_by_month = np.array(
        [float(mine[sc_col].get(m, 0.0)) if m in mine.index else 0.0 for m in range(1, 13)]
    )
    cases = ctx.merged[ctx.merged["judge"] == judge]
    cases_by_month = np.bincount(cases["closed_month"].astype(int), minlength=13)[1:]
    plan_months = _plan_months(ctx).set_index("judge")
    target = (
        plan_months.loc[judge, Q.MONTH_COLS].to_numpy(dtype=float)
        if judge in plan_months.index
        else np.zeros(12)
    )
    months, target_cum = _month_rows(ctx, sc_by_month, cases_by_month, target)
    quota = None
    if ctx.plan is not None:
        judges = pd.DataFrame(ctx.plan["judges"]).set_index("judge")
        if judge in judges.index:
            quota = judges.loc[judge].to_dict()
            quota["derivation"] = ctx.plan["derivation"][track]
    same_role_div = ctx.assessment[
        (ctx.assessment["division"] == row["division"]) & (ctx.assessment["role_group"] == row["role_group"])
    ]
    same_role_court = ctx.assessment[
        (ctx.assessment["track"] == track) & (ctx.assessment["role_group"] == row["role_group"])
    ]
    breakpoints = ctx.params.score.breakpoints
    quota_value = float(row["quota"]) if pd.notna(row["quota"]) else float("nan")
    categories = (
        cases.assign(category_label=cases["category"].map(CATEGORY_LABELS))
        .groupby(["category_label", "type_code"])
        .agg(cases=("case_id", "count"), sc=("sc", "sum"))
        .reset_index()
    )
    special = cases[(cases["rule"] != NO_RULE) | (cases["flags"] != 0)].sort_values("closed_on")
    top = cases.dropna(subset=["sc"]).sort_values(["sc", "case_number"], ascending=[False, True]).head(10)
    return {
        **ctx.base(),
        "judge": {
            "name": judge,
            "division": row["division"],
            "role": row["role"],
            "track": track,
            "role_group": row["role_group"],
        },
        "publish_ranks": publish_ranks(ctx),
        "quota": quota,
        "assessment": {
            "cases": int(row["cases"]),
            "quota": quota_value,
            "target_to_date": float(row["target_to_date"]),
            "sc": float(row["sc"]),
            "completion": float(row["completion"]),
            "score": float(row["score"]),
            "rank_division": row["rank_division"] if pd.notna(row["rank_division"]) else None,
            "n_division": int(same_role_div["completion"].notna().sum()),
            "rank_court": row["rank_court"] if pd.notna(row["rank_court"]) else None,
            "n_court": int(same_role_court["completion"].notna().sum()),
            "base_number": quota_value * breakpoints[1][0] if len(breakpoints) > 1 else float("nan"),
            "saturation_number": quota_value * breakpoints[-1][0],
            "base_to_date": float(row["base_to_date"]),
            "saturation_to_date": float(row["saturation_to_date"]),
        },
        "months": months,
        "target_cumulative": target_cum,
        "categories": [
            {"category": r.category_label, "type_code": r.type_code, "cases": int(r.cases), "sc": float(r.sc)}
            for r in categories.itertuples()
        ],
        "top_cases": _case_rows(ctx, top),
        "special_cases": _case_rows(ctx, special),
        "quality": {
            "incomplete": int((cases["flags"] & INCOMPLETE > 0).sum()),
            "awaiting": int((cases["flags"] & AWAITING_APPROVAL > 0).sum()),
            "outlier": int((cases["flags"] & OUTLIER > 0).sum()),
        },
    }


def publish_ranks(ctx: SheetContext) -> bool:
    """Whether ranks go on printed sheets and into judges' own views this year (人事 and 庭长
    screens always show them)."""
    return bool(ctx.params.assessment.publish_ranks)


def division_figures(ctx: SheetContext, division: str) -> dict:
    d = ctx.divisions.set_index("division")
    if division not in d.index:
        raise WorkloadError(f"没有名为「{division}」的部门")
    row = d.loc[division]
    track = row["track"]
    sc_col = "sc_trial" if track == "trial" else "sc_enforcement"
    members = ctx.assessment[ctx.assessment["division"] == division]
    monthly = ctx.monthly[ctx.monthly["judge"].isin(members["judge"])].groupby("month")[sc_col].sum()
    sc_by_month = np.array([float(monthly.get(m, 0.0)) for m in range(1, 13)])
    cases = ctx.merged[ctx.merged["division"] == division]
    cases_by_month = np.bincount(cases["closed_month"].astype(int), minlength=13)[1:]
    plan_months = _plan_months(ctx)
    target = (
        plan_months[plan_months["judge"].isin(members["judge"])][Q.MONTH_COLS].sum().to_numpy(dtype=float)
        if len(plan_months)
        else np.zeros(12)
    )
    months, target_cum = _month_rows(ctx, sc_by_month, cases_by_month, target)
    return {
        **ctx.base(),
        "division": {
            "name": division,
            **{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()},
        },
        "publish_ranks": publish_ranks(ctx),
        "months": months,
        "target_cumulative": target_cum,
        "judges": members[members["quota"].notna() | (members["cases"] > 0)]
        .sort_values(["role", "rank_division"])
        .to_dict("records"),
        "transfers": [t for t in ctx.transfers if division in (t["from_division"], t["to_division"])],
    }


def court_figures(ctx: SheetContext) -> dict:
    progress = {}
    plan_months = _plan_months(ctx)
    for track in Q.TRACKS:
        members = ctx.assessment[ctx.assessment["track"] == track]["judge"]
        sc_col = "sc_trial" if track == "trial" else "sc_enforcement"
        monthly = ctx.monthly.groupby("month")[sc_col].sum()
        actual = np.cumsum([float(monthly.get(m, 0.0)) for m in range(1, ctx.month + 1)])
        target = (
            plan_months[plan_months["judge"].isin(members)][Q.MONTH_COLS].sum().to_numpy(dtype=float)
            if len(plan_months)
            else np.zeros(12)
        )
        progress[track] = {
            "actual": [float(x) for x in actual],
            "target": [float(x) for x in np.cumsum(target)],
        }
    flags = ctx.merged["flags"]
    balance = {}
    for track in Q.TRACKS:
        from workload_app.core.quotas import coefficient_of_variation

        balance[track] = coefficient_of_variation(
            ctx.divisions.loc[ctx.divisions["track"] == track, "sc_per_judge"].to_numpy()
        )
    return {
        **ctx.base(),
        "divisions": ctx.divisions.to_dict("records"),
        "balance": balance,
        "court_progress": progress,
        "quality": {
            "cases": len(ctx.merged),
            "incomplete": int((flags & INCOMPLETE > 0).sum()),
            "awaiting": int((flags & AWAITING_APPROVAL > 0).sum()),
            "outlier": int((flags & OUTLIER > 0).sum()),
        },
    }


def notice_figures(ctx: SheetContext, judges: list[str]) -> dict:
    if ctx.plan is None:
        raise WorkloadError(f"{ctx.year} 年度还没有任务计划，无法打印任务下达表")
    plan_judges = pd.DataFrame(ctx.plan["judges"]).set_index("judge")
    months = pd.DataFrame(ctx.plan["months"]).set_index("judge")
    notices = []
    for j in judges:
        if j not in plan_judges.index:
            continue
        r = plan_judges.loc[j]
        notices.append(
            {
                "judge": j,
                **{
                    k: r[k]
                    for k in (
                        "division",
                        "role",
                        "track",
                        "quota",
                        "common_quota",
                        "role_fraction",
                        "share_in_post",
                        "computed_quota",
                        "override_reason",
                    )
                },
                "derivation": ctx.plan["derivation"][r["track"]],
                "months": [float(x) for x in months.loc[j, Q.MONTH_COLS]],
            }
        )
    return {**ctx.base(), "notices": notices}


# ---------------------------------------------------------------- batch export


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_")


def sheet_jobs(
    ctx: SheetContext,
    kind: str,
    judge: str | None = None,
    division: str | None = None,
    everyone: bool = False,
) -> list[tuple[str, str, dict]]:
    """(file name, kind, figures) for every sheet asked for."""
    prefix = f"{ctx.year}-{ctx.month:02d}"
    viewer = ctx.viewer
    a = _visible_judges(viewer, ctx.assessment)
    if kind not in KINDS:
        raise WorkloadError(f"未知的报表种类「{kind}」（可用：{'/'.join(KINDS)}）")
    if kind == "court":
        if not viewer.court_wide:
            raise access.AccessDenied(f"{viewer.role_label}「{viewer.name}」无权打印全院汇总表")
        return [(f"{prefix}_全院汇总.pdf", kind, court_figures(ctx))]
    if kind == "division":
        names = [division] if division else list(ctx.divisions["division"])
        names = [
            n
            for n in names
            if viewer.court_wide or n == viewer.division and viewer.role == access.DIVISION_HEAD
        ]
        if not names:
            raise access.AccessDenied(f"{viewer.role_label}「{viewer.name}」无权打印该部门的报表")
        return [(f"{prefix}_{_safe(n)}.pdf", kind, division_figures(ctx, n)) for n in names]
    if judge:
        chosen = a[a["judge"] == judge]
        if chosen.empty:
            if judge in set(ctx.assessment["judge"]):
                raise access.AccessDenied(
                    f"{viewer.role_label}「{viewer.name}」无权查看法官「{judge}」的报表"
                )
            raise WorkloadError(f"没有名为「{judge}」的法官")
    elif division:
        chosen = a[a["division"] == division]
        if chosen.empty:
            raise WorkloadError(f"没有名为「{division}」的部门")
    elif everyone:
        chosen = a
    else:
        raise WorkloadError("请指定 --judge、--division 或 --all")
    chosen = chosen[chosen["quota"].notna() | (chosen["cases"] > 0)]
    if kind == "notice":
        return [
            (
                f"{ctx.year}_任务下达表_{_safe(r.division)}_{_safe(r.judge)}.pdf",
                kind,
                notice_figures(ctx, [r.judge]),
            )
            for r in chosen.itertuples()
        ]
    return [
        (f"{prefix}_{_safe(r.division)}_{_safe(r.judge)}.pdf", kind, judge_figures(ctx, r.judge))
        for r in chosen.itertuples()
    ]


def _visible_judges(viewer: access.User, table: pd.DataFrame) -> pd.DataFrame:
    if viewer.court_wide:
        return table
    mask = table["judge"] == viewer.judge
    if viewer.role == access.DIVISION_HEAD:
        mask |= table["division"] == viewer.division
    return table[mask]


def _render_to(path: str, kind: str, figures: dict, invariant: bool) -> str:
    from workload_app.reports.sheets import RENDERERS

    Path(path).write_bytes(RENDERERS[kind](figures, invariant=invariant))
    return path


def export_sheets(
    db: sqlite_utils.Database,
    year: int,
    month: int,
    kind: str,
    out_dir: Path,
    *,
    judge: str | None = None,
    division: str | None = None,
    everyone: bool = False,
    combined: bool = False,
    invariant: bool = False,
    workers: int = 2,
    progress: ProgressCallback | None = None,
    generated_at: str | None = None,
) -> list[Path]:
    """Write one PDF per sheet into ``out_dir`` (and, with ``combined``, one PDF of them all)."""
    progress = progress or no_progress
    progress(0.02, "汇总数据")
    ctx = build_context(db, year, month, generated_at)
    jobs = sheet_jobs(ctx, kind, judge, division, everyone)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    progress(0.1, f"生成 {len(jobs)} 份报表")
    if workers > 1 and len(jobs) > 4:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_render_to, str(out_dir / name), k, f, invariant) for name, k, f in jobs]
            try:
                for i, fut in enumerate(futures):
                    paths.append(Path(fut.result()))
                    progress(0.1 + 0.85 * (i + 1) / len(jobs), f"已生成 {i + 1}/{len(jobs)}")
            except Cancelled:
                for fut in futures:
                    fut.cancel()
                raise
    else:
        for i, (name, k, f) in enumerate(jobs):
            paths.append(Path(_render_to(str(out_dir / name), k, f, invariant)))
            progress(0.1 + 0.85 * (i + 1) / len(jobs), f"已生成 {i + 1}/{len(jobs)}")
    if combined and paths:
        from pypdf import PdfWriter

        writer = PdfWriter()
        for p in paths:
            writer.append(str(p))
        target = out_dir / f"{year}-{month:02d}_{kind}_合订本.pdf"
        with target.open("wb") as f:
            writer.write(f)
        paths.append(target)
    progress(1.0, "完成")
    return paths
