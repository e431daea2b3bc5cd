"""Reading the year-end grading (年度考核) as the acting user may: the year's state and what is
missing to move on, each judge's proposal beside the figures, the live 优秀 count per group against
its cap, decisions with their reasons, reviews, the multi-year view; and the outputs: the table
(csv/xlsx), the 公示 list, the grade notices, the court summary and a judge's 业绩档案 (xlsx).

A 法官 reads only their own entry, a 庭长 the division's (and their own), 管理员 and 人事 the court's
(``access.visible_people``); the caps and the court summary are court-wide only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from workload_app.core import grading as G
from workload_app.core.casenumber import CATEGORY_LABELS
from workload_app.core.messages import Coded, Listing, Word
from workload_app.core.problems import WorkloadError
from workload_app.importing.safe_cells import append_row, write_table
from workload_app.reports import grade_docs
from workload_app.services import access
from workload_app.services import court as court_settings
from workload_app.services import grade_notices as GN
from workload_app.services import grades as GS
from workload_app.services import quality as QS
from workload_app.services import standard_cases as S
from workload_app.services.parameters import current_params
from workload_app.storage import grading_store as store
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


@dataclass(frozen=True)
class EntryView:
    """One judge's grading as shown: figures, proposal, opinion, decision, grade, notice."""

    judge: str
    division: str
    post: str
    group: str
    completion: float | None
    score: float | None
    share_in_post: float | None
    out_of_range: tuple[str, ...]
    held: int
    proposed: str | None
    proposal_text: str
    tie: bool
    summary: str
    summary_paper: bool
    opinion: str
    decided: str | None
    decision_reason: str
    meeting: str
    in_publication: bool
    grade: str | None  # the grade now: final, else decided, else proposed
    final: str | None
    consequences: tuple[str, ...]
    notice_version: int
    notice_number: str
    notice_at: str
    review_deadline: str
    ack: str  # "" not yet; else when (and "纸质")
    ack_opinion: str
    reviews: tuple[dict, ...] = ()
    past: tuple[tuple[int, str], ...] = ()  # (year, confirmed grade) of the years before


@dataclass(frozen=True)
class GradingView:
    year: int
    state: str | None  # None: not started
    state_label: str
    year_row: dict | None
    entries: tuple[EntryView, ...]
    caps: dict = field(default_factory=dict)  # group -> {"cap": Cap, "excellent": n}; court-wide only
    missing: tuple[str, ...] = ()  # what is missing to move on (court-wide only), coded texts

    def entry(self, judge: str) -> EntryView | None:
        return next((e for e in self.entries if e.judge == judge), None)


def _view(e: dict, params, reviews: list[dict], past: tuple = ()) -> EntryView:
    f = json.loads(e["figures"]) if e["figures"] else {}
    final = e["final_grade"]
    cons = []
    if final:
        cons = G.Consequences(
            bool(e["exit_warning"]), bool(e["no_bonus"]), bool(e["promotion_priority"])
        ).texts()
    deadline = GN.review_deadline(e, params)
    ack = ""
    if e["ack_at"]:
        ack = e["ack_at"][:10] + ("（纸质签收）" if e["ack_paper"] else "")
    return EntryView(
        judge=e["judge"],
        division=e["division"] or "",
        post=e["post"] or "",
        group=e["assess_group"] or "",
        completion=f.get("completion"),
        score=f.get("score"),
        share_in_post=f.get("share_in_post"),
        out_of_range=tuple(f.get("out_of_range", ())),
        held=int(f.get("held", 0)),
        proposed=e["proposed_grade"],
        proposal_text=e["proposal_text"] or "",
        tie=bool(e["tie"]),
        summary=e["summary_text"] or "",
        summary_paper=bool(e["summary_paper"]),
        opinion=e["head_opinion"] or "",
        decided=e["decided_grade"],
        decision_reason=e["decision_reason"] or "",
        meeting=e["decision_meeting"] or "",
        in_publication=bool(e["decided_in_publication"]),
        grade=GS.current_grade(e),
        final=final,
        consequences=tuple(cons),
        notice_version=int(e["notice_version"] or 0),
        notice_number=e["notice_number"] or "",
        notice_at=(e["notice_at"] or "")[:10],
        review_deadline=deadline.isoformat() if deadline else "",
        ack=ack,
        ack_opinion=e["ack_opinion"] or "",
        reviews=tuple(reviews),
        past=past,
    )


def _visible(db: Database, rows: list[dict]) -> list[dict]:
    if not rows:
        return rows
    frame = pd.DataFrame({"judge": [r["judge"] for r in rows], "division": [r["division"] for r in rows]})
    seen = set(access.limit_people(db, frame)["judge"])
    return [r for r in rows if r["judge"] in seen]


def overview(db: Database, year: int) -> GradingView:
    """The year's grading as the acting user may see it."""
    user = access.current(db)
    params, _ = current_params(db, year)
    row = store.grading_year(db, year)
    all_entries = store.entries(db, year)
    entries = _visible(db, all_entries)
    reviews: dict[int, list[dict]] = {}
    for r in store.reviews(db, year):
        reviews.setdefault(r["judge_id"], []).append(r)
    past: dict[int, list[tuple[int, str]]] = {}
    for p in store.past_grades(db, year):
        past.setdefault(p["judge_id"], []).append((p["year"], p["final_grade"]))
    views = tuple(
        _view(e, params, reviews.get(e["judge_id"], []), tuple(past.get(e["judge_id"], ()))) for e in entries
    )
    state = row["state"] if row else None
    caps = GS.cap_state(db, year, all_entries) if user.court_wide and row else {}
    missing = _missing(row, all_entries, caps, params) if user.court_wide else ()
    return GradingView(year, state, G.STATE_LABELS.get(state, "未开始"), row, views, caps, missing)


def _missing(row: dict | None, entries: list[dict], caps: dict, params) -> tuple[Coded, ...]:
    """What the record still needs before its next step (and open items after it), each a coded
    text (Chinese as a string, rendered in the window's language)."""
    if row is None:
        return (Coded("grade.missing.no_proposal"),)
    out = []
    state = row["state"]
    graded = [e for e in entries if e["proposed_grade"] is not None]
    if state in ("summary", "proposal", "committee", "publication"):
        unwritten = [e["judge"] for e in graded if not e["summary_text"] and not e["summary_paper"]]
        if unwritten:
            more = "…" if len(unwritten) > 8 else ""
            out.append(
                Coded(
                    "grade.missing.summaries", count=len(unwritten), names=Listing(unwritten[:8]), more=more
                )
            )
        if state == "summary":
            out.append(Coded("grade.missing.no_proposal"))
        for group, c in caps.items():
            if c["excellent"] > c["cap"].places:
                out.append(
                    Coded(
                        "grade.missing.over_cap",
                        group=Word(group),
                        excellent=c["excellent"],
                        places=c["cap"].places,
                    )
                )
        ties = [e["judge"] for e in graded if e["tie"] and not e["decided_grade"]]
        if ties:
            out.append(Coded("grade.missing.ties", names=Listing(ties)))
        if state in ("proposal", "committee"):
            out.append(Coded("grade.missing.publish"))
        if state == "publication":
            out.append(
                Coded("grade.missing.publication", start=row["published_from"], end=row["published_to"])
            )
    if state == "confirmed":
        out.append(Coded("grade.missing.notices"))
    if state == "notified":
        no_ack = [e["judge"] for e in graded if not e["ack_at"]]
        if no_ack:
            out.append(Coded("grade.missing.no_ack", count=len(no_ack)))
    return tuple(out)


def history(db: Database, judge: str) -> list[dict]:
    """The judge's grades of every year on record (the multi-year view), as the user may see."""
    jid = repo.judge_ids(db).get(judge.strip())
    if jid is None:
        raise WorkloadError("grade.no_judge", judge=judge)
    rows = _visible(db, store.judge_entries(db, jid))
    if not rows and not access.may_see_judge(db, judge, None):
        raise WorkloadError("grade.no_entry_seen", judge=judge)
    return [
        {
            "year": r["year"],
            "grade": r["final_grade"] or "",
            "proposed": r["proposed_grade"] or "",
            "exit_warning": bool(r["exit_warning"]),
            "no_bonus": bool(r["no_bonus"]),
            "promotion_priority": bool(r["promotion_priority"]),
        }
        for r in rows
    ]


# ---------------------------------------------------------------- tables and files

COLUMNS = {
    "judge": "法官",
    "division": "部门",
    "post": "职务",
    "group": "考核组",
    "completion": "完成率",
    "score": "得分",
    "share_in_post": "在岗比例",
    "out_of_range": "质效超出范围",
    "held": "待复核案件",
    "proposed": "建议等次",
    "proposal_text": "建议理由",
    "tie": "名额边界并列",
    "summary": "个人总结",
    "opinion": "庭长意见",
    "decided": "委员会决定",
    "decision_reason": "决定理由",
    "meeting": "会议",
    "grade": "当前等次",
    "final": "确定等次",
    "consequences": "后果",
    "notice_number": "通知文号",
    "notice_version": "通知版本",
    "ack": "签收",
}


def table(db: Database, year: int) -> pd.DataFrame:
    view = overview(db, year)
    rows = []
    for e in view.entries:
        rows.append(
            {
                "judge": e.judge,
                "division": e.division,
                "post": e.post,
                "group": e.group,
                "completion": None if e.completion is None else round(e.completion, 4),
                "score": None if e.score is None else round(e.score, 2),
                "share_in_post": e.share_in_post,
                "out_of_range": "、".join(e.out_of_range),
                "held": e.held,
                "proposed": e.proposed or "",
                "proposal_text": e.proposal_text,
                "tie": "是" if e.tie else "",
                "summary": ("（纸质）" if e.summary_paper else "") + e.summary,
                "opinion": e.opinion,
                "decided": e.decided or "",
                "decision_reason": ("（公示期间改变）" if e.in_publication else "") + e.decision_reason,
                "meeting": e.meeting,
                "grade": e.grade or "",
                "final": e.final or "",
                "consequences": "；".join(e.consequences),
                "notice_number": e.notice_number,
                "notice_version": e.notice_version or "",
                "ack": e.ack,
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS)).rename(columns=COLUMNS)


def export(db: Database, year: int, out: Path) -> Path:
    out = Path(out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise WorkloadError("grade.bad_out", path=str(out))
    return write_table(table(db, year), out, f"{year}年度考核")


def _base(db: Database, year: int) -> dict:
    settings = court_settings.court_settings(db)
    params, _ = current_params(db, year)
    return {
        "court": settings.name,
        "year": year,
        "rules": params.grading,
        "generated_at": repo.now(db)[:16].replace("T", " "),
    }


def publication_pdf(db: Database, year: int, out: Path) -> Path:
    """The 公示 list: the proposed 优秀 per group with the cap, the dates and where to object."""
    access.require(db, access.Action.GRADE_RUN)
    view = overview(db, year)
    if view.year_row is None or not view.year_row["published_from"]:
        raise WorkloadError("grade.no_proposals", year=year)
    f = _base(db, year) | {
        "from": view.year_row["published_from"],
        "to": view.year_row["published_to"],
        "groups": [
            {
                "group": g,
                "cap": c["cap"],
                "judges": [e for e in view.entries if e.group == g and e.grade == G.EXCELLENT],
            }
            for g, c in view.caps.items()
        ],
    }
    return _write(out, grade_docs.publication_list(f))


def notice_pdfs(db: Database, year: int, out_dir: Path, judges: set[str] | None = None) -> list[Path]:
    """One grade notice per judge the user may see (the newest version; of ``judges`` only when
    given), with the 复核 deadline and a signature line."""
    view = overview(db, year)
    params, _ = current_params(db, year)
    base = _base(db, year)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for e in view.entries:
        if not e.notice_version or (judges is not None and e.judge not in judges):
            continue
        last_review = next((r for r in reversed(e.reviews) if r["decided_at"]), None)
        f = base | {"entry": e, "review": last_review, "appeal_days": params.grading.appeal_days}
        suffix = f"_第{e.notice_version}版" if e.notice_version > 1 else ""
        paths.append(
            _write(out_dir / f"{year}年度考核结果通知_{e.judge}{suffix}.pdf", grade_docs.grade_notice(f))
        )
    return paths


def court_summary_pdf(db: Database, year: int, out: Path) -> Path:
    """Count per grade per group against the cap (管理员, 人事)."""
    access.require(db, access.Action.GRADE_RUN)
    view = overview(db, year)
    groups = []
    for g, c in view.caps.items():
        counts = {gr: sum(1 for e in view.entries if e.group == g and e.grade == gr) for gr in G.GRADES}
        groups.append({"group": g, "cap": c["cap"], "counts": counts})
    f = _base(db, year) | {"state": view.state_label, "groups": groups, "row": view.year_row}
    return _write(out, grade_docs.court_summary(f))


def _write(path: Path, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def performance_file(db: Database, year: int, judge: str, out: Path) -> Path:
    """业绩档案 (xlsx) of one judge: the year's standard cases by category, 质效, the held and
    reviewed cases, the grade, and the grades of past years."""
    if not access.may_see_judge(db, judge, _division_of(db, judge)):
        raise WorkloadError("grade.no_entry_seen", judge=judge)
    merged, _, _ = S.results(db, year)
    cases = merged[merged["judge"] == judge]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("标准案件")
    append_row(sheet, ["类别", "类型代字", "件数", "标准案件"], bold=True)
    grouped = (
        cases.groupby(["category", "type_code"]).agg(n=("case_id", "count"), sc=("sc", "sum")).reset_index()
    )
    for r in grouped.itertuples():
        append_row(
            sheet, [CATEGORY_LABELS.get(r.category, r.category), r.type_code, int(r.n), round(float(r.sc), 2)]
        )
    sheet = book.create_sheet("质效")
    append_row(sheet, ["指标", "分子", "分母", "数值", "参考下限", "参考上限", "是否在范围内"], bold=True)
    q = QS.report(db, year, 12).judge(judge)
    for i in q.indicators if q else ():
        append_row(
            sheet,
            [
                i.label,
                i.numerator,
                i.denominator,
                i.value,
                i.low,
                i.high,
                {True: "是", False: "否"}.get(i.in_range, ""),
            ],
        )
    sheet = book.create_sheet("待复核与已复核案件")
    append_row(sheet, ["案号", "结案日期", "状态", "说明"], bold=True)
    held = cases[cases["hold_reason"].fillna("").astype(str).str.len() > 0]
    for r in held.itertuples():
        append_row(sheet, [r.case_number, r.closed_on, "待复核", r.hold_reason])
    reviewed = cases[cases["page_review"].notna()]
    for r in reviewed.itertuples():
        append_row(
            sheet,
            [
                r.case_number,
                r.closed_on,
                {"confirmed": "已确认", "corrected": "已更正"}.get(r.page_review, r.page_review),
                r.review_note or "",
            ],
        )
    sheet = book.create_sheet("年度考核")
    append_row(
        sheet, ["年度", "确定等次", "建议等次", "退出员额预警", "不发奖励性绩效", "晋升优先"], bold=True
    )
    for h in history(db, judge):
        append_row(
            sheet,
            [
                h["year"],
                h["grade"],
                h["proposed"],
                "是" if h["exit_warning"] else "",
                "是" if h["no_bonus"] else "",
                "是" if h["promotion_priority"] else "",
            ],
        )
    out = Path(out)
    book.save(out)
    return out


def _division_of(db: Database, judge: str) -> str | None:
    roster = repo.judges_frame(db)
    hit = roster[roster["name"] == judge]
    if hit.empty:
        raise WorkloadError("grade.no_judge", judge=judge)
    d = hit["division"].iloc[0]
    return None if pd.isna(d) else d


def sheet_lines(db: Database, year: int) -> dict[str, dict]:
    """Per judge, the confirmed grade and the committee's line for the year-end sheet (empty before
    确定)."""
    row = store.grading_year(db, year)
    if row is None or row["state"] not in G.LOCKED_STATES:
        return {}
    out = {}
    for e in _visible(db, store.entries(db, year)):
        if not e["final_grade"]:
            continue
        meeting = e["decision_meeting"] or ""
        out[e["judge"]] = {
            "grade": e["final_grade"],
            "confirmed_at": (row["confirmed_at"] or "")[:10],
            "meeting": meeting,
            "reason": e["decision_reason"] or "",
            "consequences": G.Consequences(
                bool(e["exit_warning"]), bool(e["no_bonus"]), bool(e["promotion_priority"])
            ).texts(),
        }
    return out
