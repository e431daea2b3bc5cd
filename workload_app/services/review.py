"""The review list (待复核) of page counts flagged as outliers, and the reviewers' decisions.

A page count above ``outlier_factor`` × the median of that count within the case's type code (in
its closing year) is **held** (see ``core.standard.held_mask``): the case earns nothing and is not
a base case of any averages until a reviewer (人事 or 管理员) confirms it (it then counts as it is)
or corrects it (it then counts with the corrected counts; the imported ones stay in the cases
table and in the audit trail).

A decision is kept in ``page_reviews`` with the imported counts it was made on. It applies while
the case's imported counts are still those: re-importing the same values keeps it, a re-import
that changes a count leaves it behind (the new counts are checked afresh). Every decision is
audited, and the figures it moves are brought up to date in the same transaction (``figures``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core import messages
from workload_app.core.casenumber import lookup_form
from workload_app.core.params import Params, params_from_toml
from workload_app.core.problems import WorkloadError
from workload_app.core.standard import PAGE_COLUMNS, PAGE_LABELS, held_mask, hold_reasons
from workload_app.services import access, audit, figures, imports
from workload_app.services.changes import Changes, Summary
from workload_app.services.page_decisions import load_cases
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


@dataclass(frozen=True)
class PageCounts:
    """A case's three page counts (None: not in the file)."""

    file_pages: float | None
    transcript_pages: float | None
    judgment_pages: float | None


@dataclass(frozen=True)
class ReviewSummary(Summary):
    """A held case decided: ``confirmed`` as imported, or ``corrected`` to ``pages``."""

    case_number: str
    decision: str  # "confirmed" or "corrected"
    pages: PageCounts | None = None  # the counts it now counts with, after a correction


MAX_PAGES = (
    10_000_000  # the highest page ceiling a court may set; a correction may not exceed its own ceiling
)

LIST_COLUMNS = [
    "case_number",
    "judge",
    "division",
    "closed_year",
    "type_code",
    "file_pages",
    "transcript_pages",
    "judgment_pages",
    "reason",
    "affects",
]
LIST_LABELS = {
    "case_number": "案号",
    "judge": "承办法官",
    "division": "部门",
    "closed_year": "结案年度",
    "type_code": "类型",
    "file_pages": "卷宗页数",
    "transcript_pages": "庭审笔录页数",
    "judgment_pages": "裁判文书页数",
    "reason": "待复核原因",
    "affects": "影响",
}
# ---------------------------------------------------------------- the list


def _year_params(db: Database) -> dict[int, Params]:
    out = {}
    for y in repo.param_years(db):
        row = repo.current_param_set(db, y)
        if row is not None:
            out[y] = params_from_toml(row["toml"])
    return out


def _contexts(db: Database) -> dict[int, list[tuple[Params, str]]]:
    """Closing year -> the parameter sets that hold its cases: the year's own (its standard
    cases) and those of every year taking it as reference year (their averages)."""
    out: dict[int, list[tuple[Params, str]]] = defaultdict(list)
    for y, params in _year_params(db).items():
        out[y].append((params, f"{y} 年度标准案件"))
        ref = params.reference_year
        out[ref].append((params, f"{y} 年度平均页数"))
    return out


def _held_in_year(db: Database, closed_year: int, contexts: list[tuple[Params, str]]) -> pd.DataFrame:
    cases = load_cases(db, closed_year)
    if cases.empty:
        return cases.assign(reason=[], affects=[])
    reason: dict[int, str] = {}
    affects: dict[int, list[str]] = defaultdict(list)
    for params, label in contexts:
        rows = np.flatnonzero(held_mask(cases, params))
        for pos, why in zip(rows, hold_reasons(cases, params, rows), strict=True):
            reason.setdefault(int(pos), why)
            affects[int(pos)].append(label)
    own_params = next((p for p, label in contexts if label == f"{closed_year} 年度标准案件"), None)
    if own_params is not None:  # closed outside a judge's time in post: credited to nobody
        for pos, why in _outside_post(db, cases, own_params).items():
            reason[pos] = f"{reason[pos]}；{why}" if pos in reason else why
            affects[pos].append(f"{closed_year} 年度法官标准案件")
    positions = sorted(reason)
    out = cases.iloc[positions].copy()
    out["reason"] = [reason[p] for p in positions]
    out["affects"] = ["、".join(dict.fromkeys(affects[p])) for p in positions]
    return out


def _outside_post(db: Database, cases: pd.DataFrame, params: Params) -> dict[int, str]:
    """Position -> why, of the cases with a link (the responsible judge's, or a sharing panel
    member's) closed outside that judge's time in post and not confirmed."""
    from workload_app.core.credit import credit_links

    post = figures.post_spans(db)
    links = credit_links(cases, params, post)
    out: dict[int, list[str]] = defaultdict(list)
    closed = cases["closed_on"].to_numpy()
    for i in np.flatnonzero(links.held):
        pos = int(links.case_pos[i])
        out[pos].append(post.reason(links.judges[links.judge_code[i]], closed[pos]))
    return {pos: "；".join(whys) for pos, whys in out.items()}


def _held_post_links(db: Database, case: dict) -> list[str]:
    """The judges of ``case`` (responsible, sharing panel members) out of post on its closing day."""
    from workload_app.core.credit import credit_links
    from workload_app.services.parameters import current_params

    params, _ = current_params(db, int(case["closed_year"]))
    frame = pd.DataFrame([{k: case.get(k) for k in ("case_id", "judge", "panel", "closed_on")}])
    links = credit_links(frame, params, figures.post_spans(db))
    return [str(links.judges[links.judge_code[i]]) for i in np.flatnonzero(links.held)]


def held_cases(db: Database, year: int | None = None) -> pd.DataFrame:
    """Every case held for review (those the acting user may see), closed in ``year`` or in any
    year: the columns of ``LIST_COLUMNS`` (and case_id). ``affects`` names the figures it is held
    out of: a year's standard cases, and the averages of the year that takes it as reference."""
    contexts = _contexts(db)
    years = [year] if year is not None else sorted(contexts)
    frames = [_held_in_year(db, y, contexts[y]) for y in years if contexts.get(y)]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame(columns=["case_id", *LIST_COLUMNS])
    out = pd.concat(frames, ignore_index=True)
    out = access.limit_cases(db, out)
    return out[["case_id", *LIST_COLUMNS]].reset_index(drop=True)


# ---------------------------------------------------------------- decisions


def _find_held(db: Database, case_number: str) -> tuple[dict, str]:
    text = (case_number or "").strip()
    case = repo.case_by_number(db, text) or repo.case_by_number(db, lookup_form(text))
    if case is None:
        raise WorkloadError("case.not_found", case=text)
    year = case["closed_year"]
    held = held_cases(db, year) if year is not None else pd.DataFrame(columns=["case_id"])
    hit = held[held["case_id"] == case["case_id"]]
    if hit.empty:
        raise WorkloadError("review.not_held", case=case["case_number"])
    return case, str(hit["reason"].iloc[0])


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise WorkloadError("review.reason_required")
    return reason


def _imported(case: dict) -> dict[str, float | None]:
    return {c: (None if case[c] is None else float(case[c])) for c in PAGE_COLUMNS}


def confirm(db: Database, case_number: str, reason: str) -> Changes:
    """Confirm a held case as it is (人事 or 管理员): its page counts (it then counts with them)
    and, for a case closed outside a judge's time in post, that judge's credit (it then counts
    for them) — every hold of the case at once."""
    user = access.require(db, access.Action.REVIEW_PAGES)
    reason = _reason(reason)
    case, why = _find_held(db, case_number)
    outside = _held_post_links(db, case)
    pages_held = _pages_held(db, case)
    pages = _imported(case)
    with repo.transaction(db):
        if pages_held:
            _record_decision(db, user, case, why, "confirmed", reason, pages, {})
        for judge in outside:
            _record_post_decision(db, user, case, judge, reason)
        figures.update(db, figures.Touched(case_ids={int(case["case_id"])}))
    return Changes(results=True, summary=ReviewSummary(case["case_number"], "confirmed"))


def _pages_held(db: Database, case: dict) -> bool:
    """Whether ``case`` is held for its page counts (in any year it feeds)."""
    contexts = _contexts(db).get(int(case["closed_year"]), [])
    cases = load_cases(db, int(case["closed_year"]))
    pos = np.flatnonzero(cases["case_id"].to_numpy() == case["case_id"])
    return any(held_mask(cases, params)[pos].any() for params, _ in contexts)


def _record_post_decision(db: Database, user, case: dict, judge: str, reason: str) -> None:
    """Record that ``case`` counts for ``judge`` though closed outside their time in post; audited."""
    judge_id = repo.judge_ids(db)[judge]
    repo.insert_post_review(
        db,
        {
            "case_id": case["case_id"],
            "judge_id": judge_id,
            "closed_on": str(case["closed_on"])[:10],
            "decision": "confirmed",
            "reason": reason,
            "decided_at": repo.now(),
            "decided_by": user.name,
        },
    )
    audit.record(
        db,
        "review.confirm_post",
        case["case_number"],
        before={"judge": judge, "closed_on": str(case["closed_on"])[:10], "held": "任职期外结案"},
        after={"decision": "confirmed", "judge": judge, "reason": reason},
    )


def _record_decision(
    db: Database,
    user,
    case: dict,
    why: str,
    decision: str,
    reason: str,
    pages: dict[str, float | None],
    corrected: dict[str, float],
) -> None:
    """Record a reviewer's decision on a held case (with the imported ``pages`` and, when correcting,
    the ``corrected`` ones) and audit it; the caller holds the transaction."""
    repo.insert_page_review(
        db,
        {
            "case_id": case["case_id"],
            "decision": decision,
            **pages,
            **{f"corrected_{c}": v for c, v in corrected.items()},
            "reason": reason,
            "decided_at": repo.now(),
            "decided_by": user.name,
        },
    )
    audit.record(
        db,
        "review.confirm" if decision == "confirmed" else "review.correct",
        case["case_number"],
        before={"pages": pages, "held": why},
        after={"decision": decision, "pages": {**pages, **corrected}, "reason": reason},
    )


def _page_value(value: object, label: str, ceiling: int) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise WorkloadError("review.not_integer", label=messages.Word(label), value=value) from None
    if not number.is_integer() or number < 0:
        raise WorkloadError("review.negative", label=messages.Word(label), value=value)
    if number > ceiling:
        raise WorkloadError("review.over_ceiling", label=messages.Word(label), number=number, ceiling=ceiling)
    return number


def correct(
    db: Database,
    case_number: str,
    reason: str,
    *,
    file_pages: object = None,
    transcript_pages: object = None,
    judgment_pages: object = None,
) -> Changes:
    """Correct a held case's page counts (人事 or 管理员): it then counts with the corrected counts
    (those not given stay as imported); the imported ones are kept, and in the audit trail."""
    user = access.require(db, access.Action.REVIEW_PAGES)
    reason = _reason(reason)
    given = {"file_pages": file_pages, "transcript_pages": transcript_pages, "judgment_pages": judgment_pages}
    ceiling = imports.page_ceiling(db)
    corrected = {c: _page_value(v, PAGE_LABELS[c], ceiling) for c, v in given.items() if v is not None}
    if not corrected:
        raise WorkloadError("review.no_pages")
    case, why = _find_held(db, case_number)
    if not _pages_held(db, case):  # held for the time in post only: pages are not the question
        raise WorkloadError("review.held_for_post", case=case["case_number"])
    pages = _imported(case)
    if all(pages[c] == v for c, v in corrected.items()):
        raise WorkloadError("review.same_pages")
    after = {**pages, **corrected}
    with repo.transaction(db):
        _record_decision(db, user, case, why, "corrected", reason, pages, corrected)
        figures.update(db, figures.Touched(case_ids={int(case["case_id"])}))
    return Changes(results=True, summary=ReviewSummary(case["case_number"], "corrected", PageCounts(**after)))
