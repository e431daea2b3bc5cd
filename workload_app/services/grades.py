"""The year-end grading (年度考核等次): one function per step, each audited in its transaction.

个人总结 (``record_summary``) → 等次建议 (``propose``, with the 庭长's ``record_opinion``) →
考评委员会审核 (``set_grade``, ``raise_cap``) → 公示 (``publish``) → 确定 (``confirm``: locked) →
书面通知 (``issue_notices``, ``acknowledge``) → 复核 (``request_review``, ``decide_review``: a
changed grade issues a new notice). The rules (proposal, cap, consequences) are
``core.grading``; reading the record is ``services.grade_views``.

Who: 人事 (and 管理员) run the grading and record the committee's decisions; a 法官 writes and
acknowledges only their own; a 庭长 writes the opinions of the division's judges.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pandas as pd

from workload_app.core import grading as G
from workload_app.core.messages import Listing
from workload_app.core.problems import WorkloadError
from workload_app.core.quality import INDICATOR_LABELS
from workload_app.services import access, audit, clock
from workload_app.services import quality as QS
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.changes import Changes, Summary
from workload_app.services.parameters import current_params
from workload_app.storage import grading_store as store
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


@dataclass(frozen=True)
class GradingSummary(Summary):
    """What a grading step did: the year, its state after, and a line for the user."""

    year: int
    state: str
    text: str


def deny(user: access.User, action: str, allowed: tuple[str, ...]) -> access.AccessDenied:
    """The refusal of ``action`` (a code of ``core.texts_grades.ACTIONS``) to ``user``."""
    return access.deny(user, action, allowed)


def changes_of(year: int, state: str, text: str) -> Changes:
    return Changes(grades=True, summary=GradingSummary(year, state, text))


# ---------------------------------------------------------------- the figures a proposal reads


def year_figures(db: Database, year: int) -> tuple[list[G.GradingFigures], object, int | None]:
    """Every judge in post during ``year``: completion and score over the whole year, the 质效
    indicators out of range, the cases held for review and the share of the year in post."""
    params, row = current_params(db, year)
    court = Q.court_figures(db, year, 12)
    if not court.judges:
        raise WorkloadError("grade.no_judges", year=year)
    if "completion" in params.grading.figures and all(pd.isna(j.completion) for j in court.judges):
        raise WorkloadError("grade.no_plan", year=year)
    quality = QS.report(db, year, 12)
    merged, _, _ = S.court_results(db, year)
    held = merged[merged["hold_reason"].fillna("").astype(str).str.len() > 0].groupby("judge").size()
    roster = repo.judges_frame(db).set_index("name")
    scored = {
        e["judge"]: json.loads(e["dimension_scores"])
        for e in store.entries(db, year)
        if e["dimension_scores"]
    }
    out = []
    for j in court.judges:
        q = quality.judge(j.judge, j.division)
        person = roster.loc[j.judge]
        out.append(
            G.GradingFigures(
                judge=j.judge,
                division=j.division,
                post=j.post,
                group=params.assessment.group_of(j.post),
                share_in_post=G.share_in_post(
                    year, _text(person["in_post_from"]), _text(person["in_post_to"])
                ),
                completion=None if pd.isna(j.completion) else float(j.completion),
                score=None if pd.isna(j.score) else float(j.score),
                out_of_range=tuple(INDICATOR_LABELS[k] for k in q.out_of_range) if q else (),
                held=int(held.get(j.judge, 0)),
                dimension_scores=tuple(scored.get(j.judge, {}).items()),
            )
        )
    return out, params, row["version"] if row else None


def _text(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


# ---------------------------------------------------------------- helpers


def year_row(db: Database, year: int) -> dict:
    row = store.grading_year(db, year)
    if row is None:
        raise WorkloadError("grade.not_started", year=year)
    return row


def require_unlocked(row: dict) -> None:
    if row["state"] in G.LOCKED_STATES:
        raise WorkloadError("grade.locked", year=row["year"], state=G.STATE_LABELS[row["state"]])


def _judge_id(db: Database, judge: str) -> int:
    ids = repo.judge_ids(db)
    name = judge.strip()
    if name not in ids:
        raise WorkloadError("grade.no_judge", judge=judge)
    return ids[name]


def entry_of(db: Database, year: int, judge: str) -> dict:
    row = store.entry(db, year, _judge_id(db, judge))
    if row is None:
        raise WorkloadError("grade.not_graded", judge=judge, year=year)
    return row


def valid_grade(grade: str) -> str:
    grade = grade.strip()
    if grade not in G.GRADES:
        raise WorkloadError("grade.bad_grade", grade=grade, choices=Listing(G.GRADES))
    return grade


def required_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise WorkloadError("grade.reason_required")
    return reason


def current_grade(e: dict) -> str | None:
    """The grade in force: the committee's decision, else the proposal."""
    return e["final_grade"] or e["decided_grade"] or e["proposed_grade"]


def cap_share(row: dict, params) -> float:
    return row["cap_share"] if row and row["cap_share"] is not None else params.grading.cap_share


def cap_state(db: Database, year: int, entries: list[dict] | None = None) -> dict[str, dict]:
    """Per group: judges graded, the cap (places), 优秀 now (decision, else proposal)."""
    params, _ = current_params(db, year)
    row = store.grading_year(db, year)
    entries = store.entries(db, year) if entries is None else entries
    graded: dict[str, int] = {}
    for e in entries:
        if e["assess_group"] is None:
            continue
        graded.setdefault(e["assess_group"], 0)
        if current_grade(e) not in (None, G.UNGRADED):
            graded[e["assess_group"]] += 1
    caps = G.caps(graded, cap_share(row, params), params.grading.rounding)
    count = G.count_excellent(
        {e["judge"]: current_grade(e) for e in entries if e["assess_group"]},
        {e["judge"]: e["assess_group"] for e in entries if e["assess_group"]},
    )
    return {g: {"cap": c, "excellent": count.get(g, 0)} for g, c in caps.items()}


def check_caps(db: Database, year: int, entries: list[dict] | None = None, group: str | None = None) -> None:
    """Refuse when a group's 优秀 exceed its cap (only ``group`` when given)."""
    for name, state in cap_state(db, year, entries).items():
        if group is not None and name != group:
            continue
        cap = state["cap"]
        if state["excellent"] > cap.places:
            raise WorkloadError(
                "grade.over_cap",
                group=name,
                places=cap.places,
                count=state["excellent"],
                graded=cap.graded,
                share=cap.share * 100,
            )


def previous_grade(db: Database, year: int, judge_id: int) -> str | None:
    prev = store.entry(db, year - 1, judge_id)
    return prev["final_grade"] if prev else None


# ---------------------------------------------------------------- 个人总结, 庭长意见


def open_year(db: Database, year: int) -> Changes:
    """Open the year's grading (人事): the record in state 个人总结 and a line for every judge in post
    on some day of the year, so that each can write their summary before the proposals."""
    user = access.require(db, access.Action.GRADE_RUN)
    roster = repo.judges_frame(db)
    with repo.transaction(db):
        row = store.grading_year(db, year)
        if row is None:
            store.insert_year(db, year, "summary")
        else:
            require_unlocked(row)
        have = {e["judge_id"] for e in store.entries(db, year)}
        added = []
        for r in roster.itertuples():
            share = G.share_in_post(year, _text(r.in_post_from), _text(r.in_post_to))
            if share > 0 and int(r.id) not in have:
                store.insert_entry(db, year, int(r.id), division=_text(r.division), post=r.post)
                added.append(r.name)
        audit.record(db, "grade.open", f"{year} 年度考核", after={"judges": added, "by": user.name})
    state = (store.grading_year(db, year) or {})["state"]
    return changes_of(year, state, f"{year} 年度考核已开始：{len(added)} 名法官可填写个人总结")


def record_summary(db: Database, year: int, judge: str, text: str = "", paper: bool = False) -> Changes:
    """The judge's year summary, written in the program (the judge, or 人事 on their behalf) or
    marked as handed in on paper (人事)."""
    user = access.current(db)
    if not access.may_write_own_grading(user, judge):
        raise deny(user, "grade_summary", ("personnel", "judge"))
    if paper and not user.scope.allows(access.Action.GRADE_PAPER):
        raise deny(user, "grade_paper", access.COURT_WIDE)
    text = (text or "").strip()
    if not text and not paper:
        raise WorkloadError("grade.summary_empty")
    jid = _judge_id(db, judge)
    if store.writes_through_server(db) and not paper:  # the server checks, stamps and records it
        require_unlocked(year_row(db, year))
        with repo.transaction(db):
            store.summary_on_server(db, year, judge, text)
        state = (store.grading_year(db, year) or {}).get("state", "summary")
        return changes_of(year, state, f"已记录 {judge} 的个人总结")
    with repo.transaction(db):
        row = store.grading_year(db, year)
        before = store.entry(db, year, jid)
        if (row is None or before is None) and not user.court_wide:
            raise WorkloadError("grade.not_started", year=year)  # 人事 opens the year (grades open)
        if row is None:
            store.insert_year(db, year, "summary")
        else:
            require_unlocked(row)
        values = {
            "summary_text": text or None,
            "summary_paper": int(paper),
            "summary_at": repo.now(db),
            "summary_by": user.name,
        }
        if before is None:
            store.insert_entry(db, year, jid, **values)
        else:
            store.update_entry(db, year, jid, **values)
        audit.record(
            db,
            "grade.summary",
            f"{year} 年度考核：{judge}",
            before={"summary": before["summary_text"], "paper": bool(before["summary_paper"])}
            if before
            else None,
            after={"summary": text, "paper": paper},
        )
    state = (store.grading_year(db, year) or {}).get("state", "summary")
    return changes_of(year, state, f"已记录 {judge} 的个人总结" + ("（纸质）" if paper else ""))


def record_opinion(db: Database, year: int, judge: str, text: str) -> Changes:
    """The 庭长's opinion on a judge of the division (管理员 may record it too)."""
    user = access.current(db)
    if not user.scope.allows(access.Action.GRADE_OPINION):
        raise deny(user, "grade_opinion", ("division_head",))
    e = entry_of(db, year, judge)
    if not access.may_write_opinion(user, e["division"], judge):
        raise deny(user, "grade_opinion", ("division_head",))
    text = (text or "").strip()
    if not text:
        raise WorkloadError("grade.opinion_empty")
    if store.writes_through_server(db):  # the server checks, stamps and records it
        with repo.transaction(db):
            store.opinion_on_server(db, year, judge, text)
        return changes_of(year, year_row(db, year)["state"], f"已记录对 {judge} 的庭长意见")
    with repo.transaction(db):
        require_unlocked(year_row(db, year))
        store.update_entry(
            db,
            year,
            e["judge_id"],
            head_opinion=text,
            head_opinion_by=user.name,
            head_opinion_at=repo.now(db),
        )
        audit.record(
            db,
            "grade.opinion",
            f"{year} 年度考核：{judge}",
            before={"opinion": e["head_opinion"]},
            after={"opinion": text},
        )
    return changes_of(year, year_row(db, year)["state"], f"已记录对 {judge} 的庭长意见")


def record_scores(db: Database, year: int, judge: str, scores: dict[str, float]) -> Changes:
    """The committee's scores of the dimensions the program does not measure (德、能、勤、廉 …, the
    rule set's ``dimension_weights``), 0 to 100 each (人事 records them); the proposals use them
    from the next ``propose``."""
    user = access.require(db, access.Action.GRADE_DECIDE)
    params, _ = current_params(db, year)
    known = dict(params.grading.dimension_weights)
    if not known:
        raise WorkloadError("grade.no_dimensions", year=year)
    for name, value in scores.items():
        if name not in known:
            raise WorkloadError("grade.bad_dimension", name=name, choices=Listing(known))
        if not 0 <= value <= 100:
            raise WorkloadError("grade.bad_dimension_score", name=name, value=value)
    jid = _judge_id(db, judge)
    with repo.transaction(db):
        row = store.grading_year(db, year)
        if row is None:
            store.insert_year(db, year, "summary")
        else:
            require_unlocked(row)
        before = store.entry(db, year, jid)
        merged = {
            **(json.loads(before["dimension_scores"]) if before and before["dimension_scores"] else {}),
            **scores,
        }
        text = json.dumps(merged, ensure_ascii=False, sort_keys=True)
        if before is None:
            store.insert_entry(db, year, jid, dimension_scores=text)
        else:
            store.update_entry(db, year, jid, dimension_scores=text)
        audit.record(
            db,
            "grade.scores",
            f"{year} 年度考核：{judge}",
            before={"scores": before["dimension_scores"] if before else None},
            after={"scores": merged, "by": user.name},
        )
    state = (store.grading_year(db, year) or {})["state"]
    return changes_of(
        year, state, f"已记录 {judge} 的考评委员会评分：" + "，".join(f"{k} {v:g}" for k, v in merged.items())
    )


# ---------------------------------------------------------------- 等次建议


def propose(db: Database, year: int) -> Changes:
    """Propose every judge's grade from the year's figures (人事, 管理员). Again before the
    publication, the proposals follow the figures of the day; decisions already taken stay."""
    user = access.require(db, access.Action.GRADE_RUN)
    figures, params, version = year_figures(db, year)
    jids = repo.judge_ids(db)
    with repo.transaction(db):
        row = store.grading_year(db, year)
        if row is None:
            store.insert_year(db, year, "proposal")
            row = store.grading_year(db, year)
        elif row["state"] not in ("summary", "proposal", "committee"):
            raise WorkloadError("grade.propose_late", year=year, state=G.STATE_LABELS[row["state"]])
        proposals, caps = G.propose(figures, params.grading, cap_share(row, params))
        existing = {e["judge_id"]: e for e in store.entries(db, year)}
        for f, p in zip(figures, proposals, strict=True):
            values = {
                "division": f.division,
                "post": f.post,
                "assess_group": f.group,
                "figures": json.dumps(_figures_json(f), ensure_ascii=False, sort_keys=True),
                "proposed_grade": p.grade,
                "proposal_text": p.sentence,
                "tie": int(p.tie),
            }
            if jids[f.judge] in existing:
                store.update_entry(db, year, jids[f.judge], **values)
            else:
                store.insert_entry(db, year, jids[f.judge], **values)
        state = "proposal" if row["state"] == "summary" else row["state"]
        store.update_year(
            db, year, state=state, param_version=version, proposed_at=repo.now(db), proposed_by=user.name
        )
        counts = {g: sum(p.grade == G.EXCELLENT for p in proposals if p.group == g) for g in caps}
        audit.record(
            db,
            "grade.propose",
            f"{year} 年度考核等次建议",
            after={
                "judges": len(proposals),
                "param_version": version,
                "grades": {g: sum(p.grade == g for p in proposals) for g in G.GRADES},
                "caps": {g: {"places": c.places, "proposed_excellent": counts[g]} for g, c in caps.items()},
                "ties": [p.judge for p in proposals if p.tie],
            },
        )
    ties = sum(p.tie for p in proposals)
    text = f"{year} 年度：已为 {len(proposals)} 名法官提出等次建议" + (
        f"，其中 {ties} 人并列于优秀名额边界" if ties else ""
    )
    return changes_of(year, state, text)


def _figures_json(f: G.GradingFigures) -> dict:
    return {
        "completion": f.completion,
        "score": f.score,
        "share_in_post": round(f.share_in_post, 4),
        "out_of_range": list(f.out_of_range),
        "held": f.held,
    }


# ---------------------------------------------------------------- 考评委员会审核


def raise_cap(db: Database, year: int, share: float, approval: str) -> Changes:
    """An approved raise of the 优秀 share (up to the rule set's maximum, default 25 %), with the
    approval's reference."""
    access.require(db, access.Action.GRADE_RUN)
    params, _ = current_params(db, year)
    approval = (approval or "").strip()
    if not approval:
        raise WorkloadError("grade.cap_approval_required")
    if not params.grading.cap_share <= share <= params.grading.cap_share_max:
        raise WorkloadError(
            "grade.cap_raise_range",
            share=share * 100,
            low=params.grading.cap_share * 100,
            high=params.grading.cap_share_max * 100,
        )
    with repo.transaction(db):
        row = year_row(db, year)
        require_unlocked(row)
        if row["state"] == "publication":
            raise WorkloadError("grade.cap_published", year=year)
        store.update_year(db, year, cap_share=share, cap_approval=approval)
        audit.record(
            db,
            "grade.cap",
            f"{year} 年度优秀比例",
            before={"share": cap_share(row, params), "approval": row["cap_approval"]},
            after={"share": share, "approval": approval},
        )
    return changes_of(year, row["state"], f"{year} 年度优秀比例调整为 {share * 100:g}%（{approval}）")


def set_grade(
    db: Database, year: int, judge: str, grade: str, reason: str, meeting: str | None = None
) -> Changes:
    """The committee's decision on one judge, with its reason (and the meeting's reference); refused
    after 确定, and refused when it would put the group's 优秀 over the cap."""
    user = access.require(db, access.Action.GRADE_DECIDE)
    grade, reason = valid_grade(grade), required_reason(reason)
    e = entry_of(db, year, judge)
    if e["proposed_grade"] is None:
        raise WorkloadError("grade.no_proposal", judge=judge, year=year)
    with repo.transaction(db):
        row = year_row(db, year)
        require_unlocked(row)
        if row["state"] == "summary":
            raise WorkloadError("grade.no_proposal", judge=judge, year=year)
        in_publication = row["state"] == "publication"
        values = {
            "decided_grade": grade,
            "decision_reason": reason,
            "decision_meeting": (meeting or "").strip() or None,
            "decided_by": user.name,
            "decided_at": repo.now(db),
            "decided_in_publication": int(in_publication),
        }
        store.update_entry(db, year, e["judge_id"], **values)
        if grade == G.EXCELLENT:  # a decision away from 优秀 is always allowed (it resolves a tie)
            check_caps(db, year, group=e["assess_group"])
        if row["state"] == "proposal":
            store.update_year(db, year, state="committee")
        audit.record(
            db,
            "grade.decide",
            f"{year} 年度考核：{judge}",
            before={
                "proposed": e["proposed_grade"],
                "decided": e["decided_grade"],
                "reason": e["decision_reason"],
            },
            after={
                "decided": grade,
                "reason": reason,
                "meeting": values["decision_meeting"],
                "in_publication": in_publication,
            },
        )
    state = "publication" if in_publication else "committee"
    return changes_of(year, state, f"{judge}：{grade}（{reason}）")


# ---------------------------------------------------------------- 公示, 确定


def publish(db: Database, year: int, on: dt.date | None = None) -> Changes:
    """Publish the list of proposed 优秀 (公示) for the rule set's working days from ``on`` (today);
    refused while a group's 优秀 (ties included) exceed its cap. Again during the publication: the
    list as it stands now, the dates kept."""
    user = access.require(db, access.Action.GRADE_RUN)
    params, _ = current_params(db, year)
    with repo.transaction(db):
        row = year_row(db, year)
        require_unlocked(row)
        if row["state"] == "summary":
            raise WorkloadError("grade.no_proposals", year=year)
        check_caps(db, year)
        if row["state"] != "publication":
            start = on or clock.today(db)
            end = G.add_working_days(start, params.grading.publication_days)
            store.update_year(
                db,
                year,
                state="publication",
                published_from=start.isoformat(),
                published_to=end.isoformat(),
                published_by=user.name,
            )
        row = year_row(db, year)
        listed = [e["judge"] for e in store.entries(db, year) if current_grade(e) == G.EXCELLENT]
        audit.record(
            db,
            "grade.publish",
            f"{year} 年度考核优秀公示",
            after={"from": row["published_from"], "to": row["published_to"], "excellent": listed},
        )
    return changes_of(
        year,
        "publication",
        f"{year} 年度优秀公示 {len(listed)} 人，{row['published_from']} 至 {row['published_to']}",
    )


def confirm(db: Database, year: int) -> Changes:
    """确定: every grade becomes final (the decision, else the proposal), with its consequences
    (last year's grade decides the two-year warning); the year is locked from here on."""
    user = access.require(db, access.Action.GRADE_RUN)
    with repo.transaction(db):
        row = year_row(db, year)
        require_unlocked(row)
        if row["state"] != "publication":
            raise WorkloadError("grade.not_published", year=year, state=G.STATE_LABELS[row["state"]])
        entries = [e for e in store.entries(db, year) if e["proposed_grade"] is not None]
        check_caps(db, year, entries)
        early = clock.today(db).isoformat() < (row["published_to"] or "")
        finals = {}
        for e in entries:
            grade = e["decided_grade"] or e["proposed_grade"]
            c = G.consequences(grade, previous_grade(db, year, e["judge_id"]))
            store.update_entry(
                db,
                year,
                e["judge_id"],
                final_grade=grade,
                exit_warning=int(c.exit_warning),
                no_bonus=int(c.no_bonus),
                promotion_priority=int(c.promotion_priority),
            )
            finals[e["judge"]] = grade
        store.update_year(db, year, state="confirmed", confirmed_at=repo.now(db), confirmed_by=user.name)
        audit.record(
            db,
            "grade.confirm",
            f"{year} 年度考核等次确定",
            after={
                "grades": {g: sum(v == g for v in finals.values()) for g in G.GRADES},
                "before_publication_end": early,
                "publication_to": row["published_to"],
            },
        )
    note = f"（公示期至 {row['published_to']}，未满即确定）" if early else ""
    return changes_of(year, "confirmed", f"{year} 年度考核等次已确定：{len(finals)} 人{note}")
