"""名册: the judges of the court as the window edits them, their moves between divisions (each from
a date), and accounts for every judge of the roster in one step.

A move says "from date D the judge is in division X" (table division_moves). The judge's division
on the roster (judges.division_id) is the division of their latest move. Cases keep the division
they were closed under (the export's own column), so a move changes no case. For a year, a judge's
months are split between the divisions by the days of each month spent in each: the division
targets take the judge's month target × that share, and the division head count (法官人数, in
full-year equivalents) takes the share of the year's pattern the judge spent there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from workload_app.core import dates, messages
from workload_app.core import moves as division_moves
from workload_app.core import quotas as q
from workload_app.core.params import POSTS
from workload_app.core.problems import WorkloadError
from workload_app.core.text import folded_name_key
from workload_app.services import access, audit, clock, figures, files
from workload_app.services.changes import Changes, Summary
from workload_app.storage import repository as repo
from workload_app.storage import roster as store
from workload_app.storage import users as user_store
from workload_app.storage.roster import Database

TRACKS = {"trial": "审判", "enforcement": "执行"}
FIELDS = ("division", "post", "track", "in_post_from", "in_post_to")


@dataclass(frozen=True)
class JudgeSummary(Summary):
    """A judge as the roster holds them after ``add_judge``."""

    name: str
    division: str | None
    post: str
    track: str
    in_post_from: str | None
    in_post_to: str | None


@dataclass(frozen=True)
class JudgeEditSummary(Summary):
    """What ``edit_judge`` changed: the names of the ``changed`` fields (none: nothing to save),
    and the judge's post, track and dates as they are now."""

    name: str
    changed: tuple[str, ...]
    post: str
    track: str
    in_post_from: str | None
    in_post_to: str | None


@dataclass(frozen=True)
class TransferSummary(Summary):
    judge: str
    division: str
    from_date: str


class CreatedAccount(NamedTuple):
    judge: str
    login: str
    role: str


@dataclass(frozen=True)
class RosterAccountsSummary(Summary):
    """The accounts ``create_roster_accounts`` opened (no passwords: those are only on the PDF)."""

    created: tuple[CreatedAccount, ...]
    pdf: Path


def _date(text: object, what: str) -> str | None:
    try:
        day = dates.date_of(text, whole=True)
    except ValueError:
        raise WorkloadError("roster.not_a_date", what=messages.Word(what), text=text) from None
    return day.isoformat() if day is not None else None


def _check(post: str, track: str, start: str | None, end: str | None) -> None:
    if post not in POSTS:
        raise WorkloadError("roster.unknown_post", post=post, posts=messages.words(POSTS))
    if track not in TRACKS:
        raise WorkloadError("roster.track", track=track)
    if start and end and end < start:
        raise WorkloadError("roster.left_before_start", end=end, start=start)


# ---------------------------------------------------------------- reading


def roster(db: Database) -> pd.DataFrame:
    """Every judge (人事, 管理员): name, division, post, track, 入额, 离任 and their moves as text."""
    access.require(db, access.Action.VIEW_ROSTER)
    rows = store.judges(db)
    moves = store.moves(db)
    by_judge: dict[str, list[dict]] = {}
    for m in moves:
        by_judge.setdefault(m["judge"], []).append(m)
    out = pd.DataFrame(
        rows, columns=["id", "name", "division", "post", "track", "in_post_from", "in_post_to"]
    )
    out["moves"] = [by_judge.get(n, []) for n in out["name"]]
    return out


def division_names(db: Database) -> list[str]:
    return store.division_names(db)


# ---------------------------------------------------------------- editing


def add_judge(
    db: Database,
    name: str,
    division: str,
    post: str = "审判员",
    track: str = "trial",
    in_post_from: str | None = None,
    in_post_to: str | None = None,
    *,
    confirm_similar: bool = False,
) -> Changes:
    """A judge added to the roster in the window (人事, 管理员); audited. A name that folds to an
    existing one (趙靜 beside 赵静) is refused unless ``confirm_similar``."""
    access.require(db, access.Action.EDIT_ROSTER)
    name = (name or "").strip()
    if not name or len(name) > 30:
        raise WorkloadError("roster.name")
    if store.judge(db, name):
        raise WorkloadError("roster.judge_exists", judge=name)
    if not confirm_similar:
        key = folded_name_key(name)
        other = next((j["name"] for j in store.judges(db) if folded_name_key(j["name"]) == key), None)
        if other is not None:
            raise WorkloadError("roster.similar_name", judge=name, other=other)
    start, end = _date(in_post_from, "入额日期"), _date(in_post_to, "离任日期")
    _check(post, track, start, end)
    division_id = store.division_id(db, division)
    if division_id is None:
        raise WorkloadError("roster.no_division", division=division)
    values = {"name": name, "division_id": division_id, "post": post, "track": track}
    values |= {"in_post_from": start, "in_post_to": end}
    with repo.transaction(db):
        store.insert_judge(db, values)
        after = {k: v for k, v in (store.judge(db, name) or {}).items() if k in ("name", *FIELDS)}
        audit.record(db, "roster.add", name, after=after)
    return Changes(judges=True, summary=JudgeSummary(**after))


def edit_judge(
    db: Database,
    name: str,
    *,
    post: str | None = None,
    track: str | None = None,
    in_post_from: str | None = None,
    in_post_to: str | None = None,
) -> Changes:
    """Change a judge's post (职务), track, 入额 or 离任 date (人事, 管理员); audited. A change of
    division is a move with a date (``transfer``). An empty date clears it."""
    access.require(db, access.Action.EDIT_ROSTER)
    before = store.judge(db, name)
    if before is None:
        raise WorkloadError("roster.no_judge", judge=name)
    wanted = {
        "post": before["post"] if post is None else post,
        "track": before["track"] if track is None else track,
        "in_post_from": before["in_post_from"] if in_post_from is None else _date(in_post_from, "入额日期"),
        "in_post_to": before["in_post_to"] if in_post_to is None else _date(in_post_to, "离任日期"),
    }
    _check(wanted["post"], wanted["track"], wanted["in_post_from"], wanted["in_post_to"])
    changed = {k: v for k, v in wanted.items() if before[k] != v}
    summary = JudgeEditSummary(name, tuple(changed), **wanted)
    if not changed:
        return Changes(summary=summary)
    with repo.transaction(db):
        store.update_judge(db, before["id"], **changed)
        audit.record(db, "roster.edit", name, before={k: before[k] for k in changed}, after=changed)
        if {"in_post_from", "in_post_to"} & set(changed):  # which cases count for the judge (time in post)
            figures.update(db, figures.Touched(judge_ids={int(before["id"])}))
    if {"in_post_from", "in_post_to"} & set(changed):
        return Changes(judges=True, results=True, summary=summary)
    return Changes(judges=True, summary=summary)


def transfer(db: Database, name: str, division: str, from_date: str) -> Changes:
    """Move a judge to ``division`` from ``from_date`` on (人事, 管理员); audited. Moves are kept in
    order: a move dated before the judge's latest move is refused (undo that one first)."""
    access.require(db, access.Action.EDIT_ROSTER)
    judge = store.judge(db, name)
    if judge is None:
        raise WorkloadError("roster.no_judge", judge=name)
    day = _date(from_date, "调动日期")
    if day is None:
        raise WorkloadError("roster.move_date_required")
    target = store.division_id(db, division)
    if target is None:
        raise WorkloadError("roster.no_division", division=division)
    if division == judge["division"]:
        raise WorkloadError("roster.already_in", judge=name, division=division)
    if judge["in_post_from"] and day <= judge["in_post_from"]:
        raise WorkloadError("roster.move_before_start", day=day, start=judge["in_post_from"])
    if judge["in_post_to"] and day > judge["in_post_to"]:
        raise WorkloadError("roster.move_after_end", day=day, end=judge["in_post_to"])
    earlier = store.moves(db, judge["id"])
    if earlier and day <= earlier[-1]["from_date"]:
        raise WorkloadError("roster.move_not_latest", judge=name, latest=earlier[-1]["from_date"])
    from_id = store.division_id(db, judge["division"]) if judge["division"] else None
    with repo.transaction(db):
        store.insert_move(db, judge["id"], day, target, from_id, access.current(db).name)
        store.update_judge(db, judge["id"], division_id=target)
        audit.record(
            db,
            "roster.transfer",
            name,
            before={"division": judge["division"]},
            after={"division": division, "from_date": day},
        )
    return Changes(judges=True, summary=TransferSummary(name, division, day))


# ---------------------------------------------------------------- a year split by division


def periods(current: str | None, moves: list[dict]) -> list[tuple[str | None, str | None, str | None]]:
    """(division, first day, last day) spans of a judge's time, from the moves (oldest first);
    None for an open end."""
    if not moves:
        return [(current, None, None)]
    spans = [(moves[0]["from_division"], None, _day_before(moves[0]["from_date"]))]
    for i, m in enumerate(moves):
        end = _day_before(moves[i + 1]["from_date"]) if i + 1 < len(moves) else None
        spans.append((m["division"], m["from_date"], end))
    return spans


def _day_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def _clip(a: str | None, b: str | None, lo: object, hi: object) -> tuple[str | None, str | None]:
    """The span a..b within the judge's time in post lo..hi (None: open)."""
    starts = [x for x in (a, lo) if isinstance(x, str) and x]
    ends = [x for x in (b, hi) if isinstance(x, str) and x]
    return (max(starts) if starts else None), (min(ends) if ends else None)


def month_division_shares(year: int, judge: dict, moves: list[dict]) -> dict[str | None, np.ndarray]:
    """Per division, each month's share of the judge's days in post that month spent there."""
    total = q.days_in_post_by_month(year, judge["in_post_from"], judge["in_post_to"])
    out: dict[str | None, np.ndarray] = {}
    for division, a, b in periods(judge["division"], moves):
        start, end = _clip(a, b, judge["in_post_from"], judge["in_post_to"])
        if start and end and end < start:
            continue
        days = q.days_in_post_by_month(year, start, end)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(total > 0, days / total, 0.0)
        out[division] = out.get(division, np.zeros(12)) + share
    return out


def moved_in_year(db: Database, year: int) -> dict[str, dict[str | None, np.ndarray]]:
    """The judges whose moves split ``year``: name → division → month shares."""
    moves: dict[int, list[dict]] = {}
    for m in store.moves(db):
        moves.setdefault(m["judge_id"], []).append(m)
    out = {}
    for j in store.judges(db):
        mine = moves.get(j["id"])
        if not mine:
            continue
        shares = month_division_shares(year, j, mine)
        kept = {d: s for d, s in shares.items() if s.sum() > 0}
        if len(kept) > 1:
            out[j["name"]] = kept
    return out


def division_targets(db: Database, plan: dict) -> pd.DataFrame:
    """Division targets of a plan with today's moves applied (``core.moves.division_targets``, the one
    rule; columns division, track, target, m1..m12)."""
    judges, months = pd.DataFrame(plan["judges"]), pd.DataFrame(plan["months"])
    return division_moves.division_targets(judges, months, moved_in_year(db, int(plan["year"])))


def equivalent_shares(db: Database, year: int, weights: dict[str, np.ndarray]) -> dict:
    """judge → {division: share of the judge's year-pattern weight spent there} for moved judges."""
    out = {}
    tracks = {j["name"]: j["track"] for j in store.judges(db)}
    for name, shares in moved_in_year(db, year).items():
        w = q.weights_for(weights, tracks.get(name, "trial"))
        w = np.asarray(w, dtype=float) / float(np.sum(w))
        full = sum(float((w * s).sum()) for s in shares.values())
        out[name] = {d: float((w * s).sum()) / full if full > 0 else 0.0 for d, s in shares.items()}
    return out


# ---------------------------------------------------------------- accounts for the roster


def _login_for(name: str, judge_id: int, taken: set[str]) -> str:
    login = name
    if login.lower() in taken:
        login = f"{name}{judge_id}"
    return login


def create_roster_accounts(db: Database, pdf_path: Path) -> Changes:
    """An account for every judge of the roster who has none (管理员): login = the judge's name
    (with the roster number when taken), role 法官 (a 庭长 also heads their division), a random
    initial password that must be changed at first log-in. The passwords are printed once to
    ``pdf_path`` for handing out and kept nowhere else (only their scrypt hashes). The sheet is
    written first: if it cannot be written, no account is created."""
    from workload_app.reports.account_slips import account_slips
    from workload_app.services import accounts
    from workload_app.services.court import court_settings
    from workload_app.services.slips import IssuedAccount, initial_password

    access.require(db, access.Action.MANAGE_ACCOUNTS)
    have = store.linked_judge_ids(db)
    taken = {x.lower() for x in store.logins(db)}
    issued: list[IssuedAccount] = []
    for j in store.judges(db):
        if j["id"] in have:
            continue
        if j["in_post_to"] and j["in_post_to"] < clock.today(db).isoformat():
            continue  # left the court: no account
        login = _login_for(j["name"], j["id"], taken)
        taken.add(login.lower())
        role = access.DIVISION_HEAD if j["post"] == "庭长" and j["division"] else access.JUDGE
        password = initial_password(login)
        issued.append(IssuedAccount(j["name"], j["division"] or "", login, role, password))
    if not issued:
        raise WorkloadError("roster.all_have_accounts")
    pdf_path = Path(pdf_path)
    tmp = pdf_path.with_name(pdf_path.name + ".part")
    try:
        tmp.write_bytes(account_slips(court_settings(db).name, issued, repo.now(db).replace("T", " ")))
    except (OSError, ValueError) as exc:
        tmp.unlink(missing_ok=True)
        raise WorkloadError("roster.slips_unwritable", why=files.write_error(exc, pdf_path)) from exc
    try:
        ids = repo.judge_ids(db)
        with repo.transaction(db):
            for a in issued:
                judge_id = ids[a.judge]
                division_id = store.division_id(db, a.division) if a.role == access.DIVISION_HEAD else None
                user_store.insert_user(
                    db,
                    {
                        "login": a.login,
                        "display_name": a.judge,
                        "role": a.role,
                        "judge_id": judge_id,
                        "division_id": division_id,
                        "password_hash": accounts.hash_password(a.password),
                        "must_change": 1,
                    },
                )
            audit.record(
                db,
                "user.create_roster",
                f"{len(issued)} 个账户",
                after=[{"login": a.login, "judge": a.judge, "role": a.role} for a in issued],
            )
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        tmp.replace(pdf_path)
    except OSError as exc:  # e.g. a slip of that name open in a viewer: the accounts exist now
        raise WorkloadError("roster.slips_aside", path=tmp, wanted=pdf_path) from exc
    created = tuple(CreatedAccount(a.judge, a.login, a.role) for a in issued)
    return Changes(accounts=True, summary=RosterAccountsSummary(created, pdf_path))
