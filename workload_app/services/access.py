"""The acting user, bound to the store handle; what they may see and do is ``core.scope``.

A logged-in user is bound to the database handle (``bind``); every service reads it from there,
so the same limits hold from the window, the command line (``--user``) and Python. A handle with
nobody bound acts for nobody: ``current`` refuses (``access.nobody``). The local operator (管理员
rights, named after the OS account: someone who can run Python on a file can read the file
anyway, see the README) is bound explicitly, by the command line and the window, where a file
has no accounts (``bind_local_operator``).

Every decision below asks ``core.scope.Scope`` (the one place for "who sees what"); the
functions here only bind the viewer to a handle and turn a "no" into a coded refusal.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

import pandas as pd

from workload_app.core import messages
from workload_app.core.problems import WorkloadError
from workload_app.core.scope import ADMIN, COURT_WIDE, DIVISION_HEAD, JUDGE, PERSONNEL, RULES, Action, Scope
from workload_app.storage.db import Database
from workload_app.storage.dialect import dialect_of

__all__ = [
    "ADMIN", "COURT_WIDE", "DIVISION_HEAD", "JUDGE", "PERSONNEL", "ROLE_LABELS", "AccessDenied", "Action", "Scope",
    "User", "bind", "bind_local_operator", "current", "local_operator", "require", "scope",
]  # fmt: skip

ROLE_LABELS = {ADMIN: "管理员", PERSONNEL: "人事", DIVISION_HEAD: "庭长", JUDGE: "法官"}


class AccessDenied(WorkloadError):
    """The acting user's role does not allow this: ``AccessDenied("access.denied", action=…, …)``,
    ``action`` a code of ``core.messages.ACTIONS``."""

    @property
    def action(self) -> str | None:
        return self.arguments.get("action")


@dataclass(frozen=True)
class User:
    login: str
    role: str
    display_name: str = ""
    judge: str | None = None  # linked judge (法官, and a 庭长 who also tries cases)
    division: str | None = None  # linked division (庭长), or the judge's division
    id: int | None = None  # None: the local operator, not an account

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def name(self) -> str:
        """How the user appears in the audit trail and in batches."""
        return self.display_name or self.login

    @property
    def scope(self) -> Scope:
        return Scope.of(self)

    @property
    def court_wide(self) -> bool:
        return self.scope.court_wide


def local_operator() -> User:
    """The person at this computer, acting on a file without accounts (管理员 rights)."""
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        login = "unknown"
    return User(login=login, role=ADMIN, display_name=f"本机操作员 {login}")


_ATTR = "_workload_user"


def bind(db: Database, user: User | None) -> None:
    """Act as ``user`` on this handle from now on (None: nobody, until the next log-in)."""
    setattr(db, _ATTR, user)


def bind_local_operator(db: Database) -> User:
    """Act as the local operator on this handle (a file without accounts, or a file opened with no
    ``--user``): said where it is meant, never assumed."""
    user = local_operator()
    bind(db, user)
    return user


def is_bound(db: Database) -> bool:
    return getattr(db, _ATTR, None) is not None


def current(db: Database) -> User:
    """The user acting on ``db``; ``access.nobody`` when nobody was bound."""
    user = getattr(db, _ATTR, None)
    if user is None:
        raise AccessDenied("access.nobody")
    return user


def scope(db: Database) -> Scope:
    """What the acting user may see and do (``core.scope``)."""
    return current(db).scope


def deny(user: User, action: Action | str, allowed: tuple[str, ...] | None = None) -> AccessDenied:
    """The refusal of ``action`` to ``user`` (the roles that may take it named)."""
    code = action.value if isinstance(action, Action) else messages.action_code(action)
    if allowed is None:
        allowed = RULES[action] if isinstance(action, Action) else ()
    return AccessDenied("access.denied", role=user.role, user=user.name, action=code, allowed=allowed)


def require(db: Database, action: Action | tuple[str, ...], what: str | None = None) -> User:
    """The acting user, if their scope allows ``action``; otherwise a clear refusal.
    (``require(db, roles, what)``, a tuple of roles and the action's code or phrase, is the form
    written before ``core.scope``: it checks those roles.)"""
    user = current(db)
    if isinstance(action, Action):
        if not user.scope.allows(action):
            raise deny(user, action)
        return user
    if user.role not in action:
        raise deny(user, what or "", action)
    return user


# ---------------------------------------------------------------- rows (``Scope``)


def _own_case_mask(cases: pd.DataFrame, judge: str) -> pd.Series:
    return Scope.judge_on_case(cases, judge)


def limit_cases(db: Database, cases: pd.DataFrame) -> pd.DataFrame:
    """The rows of a case table the acting user may see (needs ``judge``/``division`` columns)."""
    return scope(db).cases(cases)


def limit_people(db: Database, table: pd.DataFrame, judge_col: str = "judge") -> pd.DataFrame:
    """The rows of a per-judge table the acting user may see."""
    return scope(db).people(table, judge_col)


def visible_people(user: User, table: pd.DataFrame, judge_col: str = "judge") -> pd.DataFrame:
    """The rows of a per-judge table (``judge_col``, ``division``) ``user`` may see."""
    return user.scope.people(table, judge_col)


def limit_divisions(db: Database, table: pd.DataFrame, col: str = "division") -> pd.DataFrame:
    """The rows of a per-division table: a 庭长 their division, a 法官 none."""
    return scope(db).divisions(table, col)


def sees_court_rows(db: Database) -> bool:
    """Whether the acting login reads every case row: on a file always (the services limit what
    is shown), on the court server only 管理员 and 人事. A 法官's or 庭长's login there reads only
    the rows row-level security lets it see, so a figure made from every case of the court (the
    court's data dates, transfer suggestions) must come from what a court-wide login stored, or
    not be shown."""
    return not dialect_of(db).enforces_scope or scope(db).allows(Action.READ_COURT)


def may_see_judge(db: Database, judge: str, division: str | None) -> bool:
    return scope(db).sees_judge(judge, division)


def may_see_division(db: Database, division: str) -> bool:
    return scope(db).sees_division(division)


def sheet_scopes(user: User, roster: pd.DataFrame) -> list[tuple[str, str | None]]:
    """The 报表 choices offered to ``user`` (``Scope.sheet_scopes``)."""
    return user.scope.sheet_scopes(roster)


def may_print_court(user: User) -> bool:
    """The court summary (全院汇总表): 管理员 and 人事 only."""
    return user.scope.allows(Action.PRINT_COURT)


def may_print_division(user: User, division: str) -> bool:
    """A division's sheet: 管理员 and 人事 any; a 庭长 their own division."""
    return user.scope.may_print_division(division)


def limit_plan(db: Database, plan: dict) -> dict:
    """A quota plan as the acting user may see it: their own (or their division's) judges only."""
    if scope(db).court_wide:
        return plan
    judges = limit_people(db, pd.DataFrame(plan["judges"]))
    names = set(judges["judge"])
    return {
        **plan,
        "judges": judges.to_dict("records"),
        "months": [m for m in plan["months"] if m["judge"] in names],
    }


def may_see_ranks(user: User, published: bool) -> bool:
    return user.scope.sees_ranks(published)


def visible_transfers(user: User, transfers: list) -> list:
    return user.scope.transfers(transfers)


def may_record_pending_reason(user: User, case_judge: str) -> bool:
    return user.scope.may_record_pending_reason(case_judge)


def default_scope_label(user: User) -> str:
    """The scope a list shows when none is chosen: a 庭长's division, a 法官's own name, else the
    whole court."""
    return user.scope.default_label() or "全院"


def visible_figures(user: User, judges: list, divisions: list) -> tuple[list, list]:
    return user.scope.figures(judges, divisions)


def may_write_own_grading(user: User, judge: str) -> bool:
    return user.scope.may_write_own_grading(judge)


def may_write_opinion(user: User, division: str | None, judge: str) -> bool:
    return user.scope.may_write_opinion(division, judge)
