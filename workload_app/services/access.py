"""Who is acting, and what they may see and do.

A logged-in user is bound to the database handle (``bind``); every service reads it from there,
so the same limits hold from the window, the command line (``--user``) and Python. A handle with
nobody bound acts as the local operator (管理员 rights, named after the OS account): someone who
can run Python on the file can read the file anyway (see the README).

Roles: 管理员 administers parameters and users; 人事 plans quotas and prints every sheet;
庭长 sees their division; 法官 sees only their own cases, tally and sheet.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

import pandas as pd

from workload_app.core import messages
from workload_app.core.credit import on_panel
from workload_app.core.problems import WorkloadError
from workload_app.storage.db import Database
from workload_app.storage.pg import is_server

ADMIN, PERSONNEL, DIVISION_HEAD, JUDGE = "admin", "personnel", "division_head", "judge"
ROLE_LABELS = {ADMIN: "管理员", PERSONNEL: "人事", DIVISION_HEAD: "庭长", JUDGE: "法官"}
COURT_WIDE = (ADMIN, PERSONNEL)


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
    def court_wide(self) -> bool:
        return self.role in COURT_WIDE


def local_operator() -> User:
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        login = "unknown"
    return User(login=login, role=ADMIN, display_name=f"本机操作员 {login}")


_ATTR = "_workload_user"


def bind(db: Database, user: User | None) -> None:
    """Act as ``user`` on this handle from now on (None: the local operator)."""
    setattr(db, _ATTR, user)


def current(db: Database) -> User:
    return getattr(db, _ATTR, None) or local_operator()


def require(db: Database, roles: tuple[str, ...], what: str) -> User:
    """The acting user, if their role is one of ``roles``; otherwise a clear refusal."""
    user = current(db)
    if user.role not in roles:
        raise AccessDenied(
            "access.denied", role=user.role, user=user.name, action=messages.action_code(what), allowed=roles
        )
    return user


# ---------------------------------------------------------------- row limits


def _own_case_mask(cases: pd.DataFrame, judge: str) -> pd.Series:
    mask = cases["judge"] == judge
    if "panel" in cases.columns:
        mask |= on_panel(cases["panel"], judge)  # once per distinct panel text
    return mask


def limit_cases(db: Database, cases: pd.DataFrame) -> pd.DataFrame:
    """The rows of a case table the acting user may see (needs ``judge``/``division`` columns)."""
    user = current(db)
    if user.court_wide:
        return cases
    if user.role == DIVISION_HEAD:
        mask = cases["division"] == user.division
        if user.judge:
            mask |= _own_case_mask(cases, user.judge)
        return cases[mask]
    return cases[_own_case_mask(cases, user.judge or "\0")]


def limit_people(db: Database, table: pd.DataFrame, judge_col: str = "judge") -> pd.DataFrame:
    """The rows of a per-judge table the acting user may see."""
    return visible_people(current(db), table, judge_col)


def visible_people(user: User, table: pd.DataFrame, judge_col: str = "judge") -> pd.DataFrame:
    """The rows of a per-judge table (``judge_col``, ``division``) ``user`` may see: everyone for
    管理员 and 人事; a 庭长 their division and their own row; a 法官 their own row."""
    if user.court_wide:
        return table
    if user.role == DIVISION_HEAD:
        mask = table["division"] == user.division
        if user.judge:
            mask |= table[judge_col] == user.judge
        return table[mask]
    return table[table[judge_col] == (user.judge or "\0")]


def limit_divisions(db: Database, table: pd.DataFrame, col: str = "division") -> pd.DataFrame:
    """The rows of a per-division table: a 庭长 their division, a 法官 none."""
    user = current(db)
    if user.court_wide:
        return table
    if user.role == DIVISION_HEAD:
        return table[table[col] == user.division]
    return table.iloc[0:0]


def sees_court_rows(db: Database) -> bool:
    """Whether the acting login reads every case row: on a file always (the services limit what
    is shown), on the court server only 管理员 and 人事. A 法官's or 庭长's login there reads only
    the rows row-level security lets it see, so a figure made from every case of the court (the
    court's data dates, transfer suggestions) must come from what a court-wide login stored, or
    not be shown."""
    return not is_server(db) or current(db).court_wide


def may_see_judge(db: Database, judge: str, division: str | None) -> bool:
    user = current(db)
    if user.court_wide:
        return True
    if user.judge == judge:
        return True
    return user.role == DIVISION_HEAD and division is not None and division == user.division


def may_see_division(db: Database, division: str) -> bool:
    user = current(db)
    return user.court_wide or (user.role == DIVISION_HEAD and division == user.division)


# ---------------------------------------------------------------- what a user may print


def sheet_scopes(user: User, roster: pd.DataFrame) -> list[tuple[str, str | None]]:
    """The 报表 choices offered to ``user``: ("all", None) for 管理员 and 人事 only, then
    ("division", name) for each division they may print, then ("judge", name) for each judge
    whose sheet they may see. ``roster`` has ``name`` and ``division`` columns (any rows: those
    the user may not see are left out here)."""
    if user.court_wide:
        divisions = [d for d in roster["division"].dropna().unique()]
        judges = list(roster["name"])
        return [("all", None)] + [("division", d) for d in divisions] + [("judge", j) for j in judges]
    seen = roster[roster["name"] == (user.judge or "\0")]
    divisions: list = []
    if user.role == DIVISION_HEAD:
        seen = roster[(roster["division"] == user.division) | (roster["name"] == (user.judge or "\0"))]
        divisions = [user.division] if user.division else []
    return [("division", d) for d in divisions] + [("judge", j) for j in seen["name"]]


def may_print_court(user: User) -> bool:
    """The court summary (全院汇总表): 管理员 and 人事 only."""
    return user.court_wide


def may_print_division(user: User, division: str) -> bool:
    """A division's sheet: 管理员 and 人事 any; a 庭长 their own division."""
    return user.court_wide or (user.role == DIVISION_HEAD and division == user.division)


def limit_plan(db: Database, plan: dict) -> dict:
    """A quota plan as the acting user may see it: their own (or their division's) judges only."""
    if current(db).court_wide:
        return plan
    judges = limit_people(db, pd.DataFrame(plan["judges"]))
    names = set(judges["judge"])
    return {
        **plan,
        "judges": judges.to_dict("records"),
        "months": [m for m in plan["months"] if m["judge"] in names],
    }


def may_see_ranks(user: User, published: bool) -> bool:
    """Ranks on screen: always for 管理员, 人事 and 庭长; for a 法官 only in a year whose
    parameters publish them (since 2024 the SPC forbids publishing rankings: 不得通报排名)."""
    return published or user.court_wide or user.role == DIVISION_HEAD


def visible_transfers(user: User, transfers: list) -> list:
    """Transfer suggestions: all for 管理员 and 人事; a 庭长 those from or to their division."""
    if user.role == DIVISION_HEAD:
        return [t for t in transfers if user.division in (t.from_division, t.to_division)]
    return transfers


def may_record_pending_reason(user: User, case_judge: str) -> bool:
    """Why a long-pending case is open: its responsible judge records it (or the 管理员)."""
    return user.role == ADMIN or user.judge == case_judge


def default_scope_label(user: User) -> str:
    """The scope a list shows when none is chosen: a 庭长's division, a 法官's own name, else the
    whole court."""
    if user.role == JUDGE and user.judge:
        return user.judge
    return (user.division if user.role == DIVISION_HEAD else None) or "全院"


def visible_figures(user: User, judges: list, divisions: list) -> tuple[list, list]:
    """Per-judge and per-division figures (objects with ``name`` and, per judge, ``division``)
    limited as the rows of ``visible_people`` and ``limit_divisions``."""
    if user.court_wide:
        return judges, divisions
    head = user.role == DIVISION_HEAD
    judges = [f for f in judges if f.name == user.judge or (head and f.division == user.division)]
    divisions = [f for f in divisions if head and f.name == user.division]
    return judges, divisions


# ---------------------------------------------------------------- the year-end grading (年度考核)


def may_write_own_grading(user: User, judge: str) -> bool:
    """A judge's summary, acknowledgement and review request: the judge, or 管理员 and 人事 on the
    judge's behalf (a paper handed in)."""
    return user.court_wide or (user.judge is not None and user.judge == judge)


def may_write_opinion(user: User, division: str | None, judge: str) -> bool:
    """The 庭长's opinion on a judge of the division (never on themself); 管理员 may record it."""
    if user.role == ADMIN:
        return True
    return (
        user.role == DIVISION_HEAD
        and division is not None
        and division == user.division
        and judge != user.judge
    )
