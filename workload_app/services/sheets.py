"""Performance sheets: gather each sheet's figures from the services, render PDFs on both cores.

The figures are computed once per year and month (``SheetContext``) and sliced per judge or
division, so 500 sheets cost one computation and 500 renderings. A batch never silently yields
nothing: a judge not in post, a year without a plan or a folder that cannot be written is an
error saying why. Files are written under a temporary name and renamed when complete; two
sheets whose names map to the same file name get distinct files. The combined file is laid out
as one document (fonts embedded once, a bookmark per sheet). Worker processes watch their
parent and end when it is gone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import errno
import hashlib
import os
import re
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from workload_app.core.casenumber import CATEGORY_LABELS
from workload_app.core.problems import WorkloadError
from workload_app.core.progress import Cancelled, ProgressCallback, no_progress
from workload_app.core.quotas import days_in_post_by_month
from workload_app.core.standard import AWAITING_APPROVAL, INCOMPLETE, NO_RULE, OUTLIER
from workload_app.services import access
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


def build_context(db: Database, year: int, month: int, generated_at: str | None = None) -> SheetContext:
    """Every figure the sheets need, court-wide (ranks and division rows need everyone);
    ``sheet_jobs`` hands out only the sheets the acting user may see."""
    if not 1 <= month <= 12:
        raise WorkloadError("sheet.bad_month", month=month)
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
        roster=repo.judges_frame(db).set_index("name"),
        caseflow=repo.case_flow(db, f"{year}-01-01", period_end(year, month)),
        settings=court_settings_.court_settings(db),
        quality=QS.report(db, year, month),
    )


def _quality_base(ctx: SheetContext) -> dict:
    rep = ctx.quality
    return {
        "period_end": period_end(ctx.year, ctx.month),
        "data_date": rep.data_date if rep else None,
        "appeals_date": rep.appeals_date if rep else None,
    }


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
        raise WorkloadError("sheet.no_judge", judge=judge)
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
    person = _roster_row(ctx, judge)
    if quota is not None:
        quota.update(_days(ctx.year, person))
    return {
        **ctx.base(),
        "judge": {
            "name": judge,
            "division": row["division"],
            "role": row["role"],
            "track": track,
            "role_group": row["role_group"],
            **person,
        },
        "publish_ranks": publish_ranks(ctx),
        "caseflow": _caseflow(ctx, judge),
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
            # optional deduction for reversed/remanded cases ([quality] deduction_per_reversed)
            "score_before_deduction": float(row.get("score_before_deduction", row["score"])),
            "deduction": float(row.get("deduction", 0.0)),
            "reversed_remanded": int(row.get("reversed_remanded", 0)),
            "deduction_per_reversed": float(ctx.params.quality.deduction_per_reversed),
            "deduction_cap": float(ctx.params.quality.deduction_cap),
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
        "indicators": {  # 质效: typed figures of services.quality, not blended into the score
            **_quality_base(ctx),
            "figures": ctx.quality.judge(judge, row["division"]) if ctx.quality else None,
            "long_pending": ctx.quality.pending_of(judge) if ctx.quality else (),
            # a judge whose cases lie in several divisions (moved during the year): the others
            "elsewhere": _elsewhere(ctx, judge, row["division"]),
        },
    }


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
    return {**counts, "end": period_end(ctx.year, ctx.month)}


def in_post(ctx: SheetContext, judge: str) -> bool:
    """Whether the roster has the judge in post for at least one day of the year."""
    return _days(ctx.year, _roster_row(ctx, judge))["days_in_post"] > 0


def division_figures(ctx: SheetContext, division: str) -> dict:
    d = ctx.divisions.set_index("division")
    if division not in d.index:
        raise WorkloadError("sheet.no_division", division=division)
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
        "indicators": {
            **_quality_base(ctx),
            "figures": ctx.quality.division(division) if ctx.quality else None,
            "long_pending": (),
        },
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
        "indicators": {
            **_quality_base(ctx),
            "figures": ctx.quality.court if ctx.quality else None,
            "divisions": ctx.quality.divisions if ctx.quality else (),
            "long_pending": (),
        },
    }


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
                "number": settings.notice_number(ctx.year, order[j]),
                **person,
                **_days(ctx.year, person),
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
    plan = {k: ctx.plan.get(k) for k in ("version", "created_at", "reason", "from_month")}
    return {**ctx.base(), "issuer": settings.name, "plan": plan, "notices": notices}


# ---------------------------------------------------------------- batch export

MAX_NAME_BYTES = 150  # well under the 255 bytes of ext4/NTFS names, leaving room for the folder


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "_", name).strip("_. ") or "_"


def _fit(stem: str, limit: int = MAX_NAME_BYTES) -> str:
    """``stem`` cut to ``limit`` UTF-8 bytes; a cut name ends with a short hash of the whole one,
    so two long names that share their beginning still differ."""
    if len(stem.encode("utf-8")) <= limit:
        return stem
    tag = "~" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:6]
    cut = stem
    while len((cut + tag).encode("utf-8")) > limit:
        cut = cut[:-1]
    return cut + tag


def unique_file_names(stems: list[str], suffix: str = ".pdf") -> list[str]:
    """File names for ``stems``: made safe, shortened, and distinct (case-insensitively, as on
    Windows): a second sheet that maps to a taken name gets _2, _3 … instead of overwriting it."""
    taken: set[str] = set()
    out = []
    for stem in stems:
        base = _fit(_safe(stem))
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            name = _fit(_safe(stem), MAX_NAME_BYTES - len(f"_{n}")) + f"_{n}"
        taken.add(name.casefold())
        out.append(name + suffix)
    return out


def combined_name(year: int, month: int, kind: str) -> str:
    """2025年1-6月_法官考核表_合订本.pdf (notices: 2025年度_任务下达通知_合订本.pdf)."""
    from workload_app.reports.sheets import period

    when = f"{year}年度" if kind == "notice" else period(year, month)
    return f"{when}_{KIND_LABELS[kind]}_合订本.pdf"


def sheet_jobs(
    ctx: SheetContext,
    kind: str,
    judge: str | None = None,
    division: str | None = None,
    everyone: bool = False,
) -> list[tuple[str, str, dict]]:
    """(file name, kind, figures) for every sheet asked for; an error rather than an empty list."""
    prefix = f"{ctx.year}-{ctx.month:02d}"
    viewer = ctx.viewer
    a = access.visible_people(viewer, ctx.assessment)
    if kind not in KINDS:
        raise WorkloadError("sheet.unknown_kind", kind=kind, kinds="/".join(KINDS))
    if kind == "court":
        if not access.may_print_court(viewer):
            raise access.AccessDenied(
                "access.refused", role=viewer.role, user=viewer.name, action="print_court"
            )
        return [(f"{prefix}_全院汇总.pdf", kind, court_figures(ctx))]
    if kind == "division":
        names = [division] if division else list(ctx.divisions["division"])
        if division and division not in set(ctx.divisions["division"]):
            raise WorkloadError("sheet.no_division_data", year=ctx.year, division=division)
        names = [n for n in names if access.may_print_division(viewer, n)]
        if not names:
            raise access.AccessDenied(
                "access.refused", role=viewer.role, user=viewer.name, action="print_division"
            )
        files = unique_file_names([f"{prefix}_{n}" for n in names])
        return [(file, kind, division_figures(ctx, n)) for file, n in zip(files, names, strict=True)]
    if ctx.plan is None:
        what = WorkloadError("sheet.what_notice" if kind == "notice" else "sheet.what_judge")
        raise WorkloadError("sheet.no_plan", year=ctx.year, what=what)
    if judge:
        chosen = a[a["judge"] == judge]
        if chosen.empty:
            if judge in set(ctx.assessment["judge"]):
                raise access.AccessDenied(
                    "access.judge_sheet", role=viewer.role, user=viewer.name, judge=judge
                )
            if ctx.roster is not None and judge in ctx.roster.index:
                raise _not_in_post(ctx, judge)
            raise WorkloadError("sheet.no_judge", judge=judge)
    elif division:
        chosen = a[a["division"] == division]
        if chosen.empty:
            raise WorkloadError("sheet.no_division", division=division)
    elif everyone:
        chosen = a
    else:
        raise WorkloadError("sheet.choose_scope")
    kept = chosen[chosen["quota"].notna() | (chosen["cases"] > 0)]
    if kind == "notice":
        in_plan = {j["judge"] for j in ctx.plan["judges"]}
        kept = kept[kept["judge"].isin(in_plan)]
    if kept.empty:
        if judge:
            if not in_post(ctx, judge):
                raise _not_in_post(ctx, judge)
            raise WorkloadError("sheet.judge_nothing", judge=judge, year=ctx.year, month=ctx.month)
        raise WorkloadError("sheet.nothing", year=ctx.year)
    rows = list(kept.itertuples())
    if kind == "notice":
        files = unique_file_names([f"{ctx.year}_任务下达表_{r.division}_{r.judge}" for r in rows])
        return [(file, kind, notice_figures(ctx, [r.judge])) for file, r in zip(files, rows, strict=True)]
    files = unique_file_names([f"{prefix}_{r.division}_{r.judge}" for r in rows])
    return [(file, kind, judge_figures(ctx, r.judge)) for file, r in zip(files, rows, strict=True)]


def _not_in_post(ctx: SheetContext, judge: str) -> WorkloadError:
    person = _roster_row(ctx, judge)
    start = str(person["in_post_from"] or "—")[:10]
    end = str(person["in_post_to"] or "—")[:10]
    return WorkloadError("sheet.not_in_post", judge=judge, year=ctx.year, start=start, end=end)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write under a temporary name in the same folder, then rename: a reader (or a crash)
    never sees half a PDF under the real name."""
    tmp = path.with_name(f".{path.stem[:40]}.{os.getpid()}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _render_to(path: str, kind: str, figures: dict, invariant: bool) -> str:
    from workload_app.reports.sheets import RENDERERS

    _write_atomically(Path(path), RENDERERS[kind](figures, invariant=invariant))
    return path


def _render_combined(
    path: str, kind: str, figures: list[dict], meta: dict, invariant: bool, duplex: bool
) -> str:
    from workload_app.reports.pdf import render_documents
    from workload_app.reports.sheets import DOCS

    docs = [doc for f in figures for doc in DOCS[kind](f)]
    data = render_documents(docs, invariant=invariant, duplex=duplex, bookmarks=True, **meta)
    _write_atomically(Path(path), data)
    return path


def _parent_alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x00100000, False, pid)  # SYNCHRONIZE
        if not handle:
            return False
        try:
            return kernel32.WaitForSingleObject(handle, 0) != 0  # 0: signalled, the process ended
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch_parent(pid: int, ppid: int) -> None:
    while True:
        time.sleep(0.5)
        # reparented (the parent died; also catches a dead parent not yet reaped) or gone
        if (sys.platform != "win32" and os.getppid() != ppid) or not _parent_alive(pid):
            os._exit(1)


def _worker_init(parent_pid: int) -> None:
    """Each worker ends itself within a second once the process that started the batch is gone
    (killed from the task manager, crashed): no orphan keeps rendering and holding files."""
    threading.Thread(target=_watch_parent, args=(parent_pid, os.getppid()), daemon=True).start()


def check_writable(out_dir: Path) -> None:
    """Create ``out_dir`` and prove a file can be written there, or say why not, in Chinese."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".workload-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reasons = {
            errno.EACCES: "没有写入权限",
            errno.EPERM: "没有写入权限",
            errno.EROFS: "所在磁盘是只读的",
            errno.ENOSPC: "磁盘空间已满",
            errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
            errno.EEXIST: "已有同名文件，不是文件夹",
            errno.ENAMETOOLONG: "路径太长",
        }
        why = reasons.get(exc.errno or 0, exc.strerror or str(exc))
        raise WorkloadError("sheet.cannot_write", folder=out_dir, why=why) from exc


def font_warnings(jobs: list[tuple[str, str, dict]]) -> list[str]:
    """A warning per name with characters no bundled font can draw (they would print blank)."""
    from workload_app.reports.fonts import missing

    names: dict[str, None] = {}
    for _, _, f in jobs:
        names[f["court"]] = None
        for key in ("judge", "division"):
            v = f.get(key)
            if isinstance(v, dict):
                names[v.get("name") or ""] = None
        for n in f.get("notices", []):
            names[n["judge"]] = None
            names[n["division"] or ""] = None
        for r in f.get("judges", []) or []:
            names[r.get("judge") or ""] = None
    out = []
    for name in names:
        gone = missing(name or "")
        if gone:
            out.append(
                f"「{name}」中的字符「{gone}」没有可用字体，打印出来会是空白，请核对或安装含该字的字体"
            )
    return out


def export_sheets(
    db: Database,
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
    duplex: bool = False,
    warnings: list[str] | None = None,
) -> list[Path]:
    """Write one PDF per sheet into ``out_dir`` (and, with ``combined``, one PDF of them all,
    padded for duplex printing with ``duplex``). ``warnings`` collects names that print blank."""
    progress = progress or no_progress
    progress(0.02, "汇总数据")
    ctx = build_context(db, year, month, generated_at)
    jobs = sheet_jobs(ctx, kind, judge, division, everyone)
    if warnings is not None:
        warnings.extend(font_warnings(jobs))
    check_writable(out_dir)
    paths: list[Path] = []
    combined_job = None
    if combined:
        from workload_app.reports.sheets import period

        label = KIND_LABELS[kind]
        when = f"{ctx.year}年度" if kind == "notice" else period(ctx.year, ctx.month)
        meta = {
            "title": f"{ctx.court} {when} {label}（合订本，{len(jobs)} 份）",
            "subject": f"{when} {label}",
            "author": ctx.court,
        }
        if kind == "notice" and ctx.plan is not None:
            meta["subject"] = f"{ctx.year} 年度基本结案任务（任务计划第 {ctx.plan['version']} 版）"
        combined_job = (str(out_dir / combined_name(year, month, kind)), kind, [f for _, _, f in jobs], meta)
    progress(0.1, f"生成 {len(jobs)} 份报表")
    steps = len(jobs) + (1 if combined_job else 0)
    if workers > 1 and len(jobs) > 4:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),)
        ) as pool:
            # the combined file is the longest job: start it first, beside the single sheets
            whole = pool.submit(_render_combined, *combined_job, invariant, duplex) if combined_job else None
            futures = [pool.submit(_render_to, str(out_dir / name), k, f, invariant) for name, k, f in jobs]
            try:
                for i, fut in enumerate(futures):
                    paths.append(Path(fut.result()))
                    progress(0.1 + 0.85 * (i + 1) / steps, f"已生成 {i + 1}/{len(jobs)}")
                if whole is not None:
                    paths.append(Path(whole.result()))
            except Cancelled:
                for fut in futures:
                    fut.cancel()
                if whole is not None:
                    whole.cancel()
                raise
    else:
        for i, (name, k, f) in enumerate(jobs):
            paths.append(Path(_render_to(str(out_dir / name), k, f, invariant)))
            progress(0.1 + 0.85 * (i + 1) / steps, f"已生成 {i + 1}/{len(jobs)}")
        if combined_job:
            progress(0.1 + 0.85 * len(jobs) / steps, "生成合订本")
            paths.append(Path(_render_combined(*combined_job, invariant, duplex)))
    progress(1.0, "完成")
    return paths
