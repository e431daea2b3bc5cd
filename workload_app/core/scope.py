"""Who sees what, and who may do what: the one place.

A *viewer* is whoever acts: an account (管理员, 人事, 庭长 or 法官, with the judge it is linked to and
its division) or the local operator (a 管理员 named after the OS account, bound explicitly where a
file has no accounts). ``Scope.of(viewer)`` answers every question the program asks about them:

Rows (what a list, a sheet or a figure may contain)
  ============  ==========================  ==============================  ==================
  role          cases                       people (per-judge rows)         divisions
  ============  ==========================  ==============================  ==================
  管理员, 人事   every case                  every judge                     every division
  庭长           their division's, and any   their division's judges, and    their own
                 they tried or sat on        their own row
  法官           the cases they tried or     their own row                   none
                 sat on (承办 or 合议庭)
  ============  ==========================  ==============================  ==================

Actions (``Scope.allows(Action.X)``): see ``RULES`` below — each action with the roles that may
take it. Decisions that depend on a row as well as on the role are methods: ``sees_judge``,
``sees_division``, ``may_print_division``, ``may_write_own_grading``, ``may_write_opinion``,
``may_record_pending_reason``; the 报表 choices are ``sheet_kinds`` and ``sheet_scopes``.

Where it is enforced
  - The services (``services/access.py`` binds the viewer to the store handle and asks this
    scope) check an action before they act and limit every frame before they return it; the
    window and the command line only offer what the services say (``access.scope``), and never
    read a role themselves (``tests/ui/test_no_roles_in_views.py``).
  - On the court server the same rows are what the server's own views (schema
    ``workload_scope``, ``db/postgresql/roles.sql``) return to a restricted login, and no table
    with a ``case_id`` or ``judge_id`` column is readable by one otherwise
    (``tests/server/test_scope_parity.py`` compares the two for every demo account).
  - A handle with nobody bound acts for nobody: every service refuses (``access.nobody``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol

import pandas as pd

from workload_app.core.credit import on_panel

ADMIN, PERSONNEL, DIVISION_HEAD, JUDGE = "admin", "personnel", "division_head", "judge"
ROLES = (ADMIN, PERSONNEL, DIVISION_HEAD, JUDGE)
COURT_WIDE = (ADMIN, PERSONNEL)
HEADS_AND_UP = (*COURT_WIDE, DIVISION_HEAD)


class Viewer(Protocol):
    role: str
    judge: str | None
    division: str | None


class Action(Enum):
    """Every decision of the program that depends on the role alone. A value is the action's code
    in ``core.messages.ACTIONS`` where a refusal names it."""

    # accounts and the file (管理员)
    MANAGE_ACCOUNTS = "manage_accounts"
    RESET_PASSWORD = "reset_password"
    VIEW_ACCOUNTS = "view_accounts"
    MANAGE_USERS = "manage_users"
    BACKUP = "backup"
    RESTORE = "restore"
    DEMO = "demo"
    EDIT_PARAMS = "edit_params"
    PUBLISH_PARAMS = "publish_params"
    PAGE_CAP = "page_cap"
    AMOUNT_CAP = "amount_cap"
    RECORD_APPROVAL = "record_approval"
    # the window's administration (管理员): the users view, backups, the court's settings dialog,
    # issuing accounts for the roster, the first steps of an empty file
    ADMINISTER = "administer"
    # the court's records (管理员 and 人事)
    ANSWER_QUERIES = "answer_queries"
    REVIEW_PAGES = "review_pages"
    PLAN_QUOTAS = "plan_quotas"
    REPLAN_QUOTAS = "replan_quotas"
    OVERRIDE_QUOTA = "override_quota"
    PREVIEW_PARAMS = "preview_params"
    SIMULATE_WEIGHTS = "simulate_weights"
    RECOMPUTE = "recompute"
    IMPORT_APPEALS = "import_appeals"
    COURT_SETTINGS = "court_settings"
    VIEW_AUDIT = "view_audit"
    SAVE_MAPPING = "save_mapping"
    IMPORT_CASES = "import_cases"
    IMPORT_HISTORY = "import_history"
    UNDO_IMPORT = "undo_import"
    IMPORT_ROSTER = "import_roster"
    EDIT_ROSTER = "edit_roster"
    VIEW_ROSTER = "view_roster"
    PRINT_COURT = "print_court"
    GRADE_RUN = "grade_run"
    GRADE_DECIDE = "grade_decide"
    GRADE_PAPER = "grade_paper"
    READ_COURT = "read_court"  # every row of the court: counts, caps, the court's 质效, all queries
    # comparisons (管理员, 人事 and 庭长)
    VIEW_BALANCE = "view_balance"
    VIEW_TRANSFERS = "view_transfers"
    COMPARE_COURT = "compare_court"
    SEE_RANKS = "see_ranks"  # ranks on screen in a year whose parameters do not publish them
    BROWSE_PEOPLE = "browse_people"  # the overview, the judges and divisions, any judge's workload
    PRINT_DIVISIONS = "print_divisions"  # division sheets (which ones: ``may_print_division``)
    GRADE_OPINION = "grade_opinion"  # 庭长 (and 管理员): on whom, ``may_write_opinion``
    # 管理员 alone, on any case
    PENDING_REASON_ANY = "pending_reason_any"


_ADMIN_ONLY = {
    Action.MANAGE_ACCOUNTS, Action.RESET_PASSWORD, Action.VIEW_ACCOUNTS, Action.MANAGE_USERS,
    Action.BACKUP, Action.RESTORE, Action.DEMO, Action.EDIT_PARAMS, Action.PUBLISH_PARAMS,
    Action.PAGE_CAP, Action.AMOUNT_CAP, Action.RECORD_APPROVAL, Action.ADMINISTER,
    Action.PENDING_REASON_ANY,
}  # fmt: skip
_HEADS_AND_UP = {
    Action.VIEW_BALANCE, Action.VIEW_TRANSFERS, Action.COMPARE_COURT, Action.SEE_RANKS,
    Action.BROWSE_PEOPLE, Action.PRINT_DIVISIONS,
}  # fmt: skip

# Each action with the roles that may take it.
RULES: dict[Action, tuple[str, ...]] = {
    a: (ADMIN,)
    if a in _ADMIN_ONLY
    else HEADS_AND_UP
    if a in _HEADS_AND_UP
    else (ADMIN, DIVISION_HEAD)
    if a is Action.GRADE_OPINION
    else COURT_WIDE
    for a in Action
}

SHEET_KINDS = ("judge", "division", "court", "notice")


def _own_cases(cases: pd.DataFrame, judge: str | None) -> pd.Series:
    """The rows ``judge`` tried (承办) or sat on (``panel``)."""
    judge = judge or "\0"
    mask = cases["judge"] == judge
    if "panel" in cases.columns:
        mask |= on_panel(cases["panel"], judge)  # once per distinct panel text
    return mask


@dataclass(frozen=True)
class Scope:
    """What one viewer may see and do (see the module's table)."""

    role: str
    judge: str | None = None
    division: str | None = None

    @classmethod
    def of(cls, viewer: Viewer) -> Scope:
        if viewer.role not in ROLES:
            raise ValueError(f"unknown role {viewer.role!r}")
        return cls(viewer.role, viewer.judge, viewer.division)

    # ------------------------------------------------------------ actions

    def allows(self, action: Action) -> bool:
        return self.role in RULES[action]

    @property
    def court_wide(self) -> bool:
        """Every row of the court (管理员 and 人事)."""
        return self.role in COURT_WIDE

    @property
    def is_head(self) -> bool:
        return self.role == DIVISION_HEAD

    @property
    def own_judge_only(self) -> bool:
        """A 法官: only their own cases and row."""
        return self.role == JUDGE

    # ------------------------------------------------------------ rows

    def cases(self, cases: pd.DataFrame) -> pd.DataFrame:
        """The rows of a case table (``judge``, ``division``, optionally ``panel``) in scope."""
        if self.court_wide:
            return cases
        mask = _own_cases(cases, self.judge)
        if self.is_head:
            mask |= cases["division"] == self.division
        return cases[mask]

    @staticmethod
    def judge_on_case(cases: pd.DataFrame, judge: str) -> pd.Series:
        """Which case rows credit ``judge`` (承办 or on the panel)."""
        return _own_cases(cases, judge)

    def people(self, table: pd.DataFrame, judge_col: str = "judge") -> pd.DataFrame:
        """The rows of a per-judge table (``judge_col``, ``division``) in scope."""
        if self.court_wide:
            return table
        mask = table[judge_col] == (self.judge or "\0")
        if self.is_head:
            mask |= table["division"] == self.division
        return table[mask]

    def divisions(self, table: pd.DataFrame, col: str = "division") -> pd.DataFrame:
        """The rows of a per-division table in scope."""
        if self.court_wide:
            return table
        if self.is_head:
            return table[table[col] == self.division]
        return table.iloc[0:0]

    def figures(self, judges: list, divisions: list) -> tuple[list, list]:
        """Per-judge and per-division figure objects (``name``; per judge ``division``) in scope."""
        if self.court_wide:
            return judges, divisions
        head = self.is_head
        judges = [f for f in judges if f.name == self.judge or (head and f.division == self.division)]
        divisions = [f for f in divisions if head and f.name == self.division]
        return judges, divisions

    def transfers(self, transfers: list) -> list:
        """Transfer suggestions: all court-wide; a 庭长 those from or to their division."""
        if self.is_head:
            return [t for t in transfers if self.division in (t.from_division, t.to_division)]
        return list(transfers)

    def sees_judge(self, judge: str, division: str | None) -> bool:
        if self.court_wide or self.judge == judge:
            return True
        return self.is_head and division is not None and division == self.division

    def sees_division(self, division: str | None) -> bool:
        return self.court_wide or (self.is_head and division == self.division)

    def sees_ranks(self, published: bool) -> bool:
        """Ranks on screen: always for 管理员, 人事 and 庭长; a 法官 only where the year publishes
        them (since 2024 the SPC forbids publishing rankings: 不得通报排名)."""
        return published or self.allows(Action.SEE_RANKS)

    def default_label(self) -> str | None:
        """The scope a list names when none is chosen: a 法官's name, a 庭长's division, else
        None (the whole court)."""
        if self.role == JUDGE and self.judge:
            return self.judge
        return self.division if self.is_head else None

    # ------------------------------------------------------------ row-dependent actions

    def may_print_division(self, division: str | None) -> bool:
        return self.sees_division(division)

    def may_write_own_grading(self, judge: str) -> bool:
        """A judge's summary, acknowledgement and review request: the judge, or 管理员 and 人事 on
        the judge's behalf (a paper handed in)."""
        return self.court_wide or (self.judge is not None and self.judge == judge)

    def may_write_opinion(self, division: str | None, judge: str) -> bool:
        """The 庭长's opinion on a judge of the division (never on themself); 管理员 may record it."""
        if self.role == ADMIN:
            return True
        return self.is_head and division is not None and division == self.division and judge != self.judge

    def may_record_pending_reason(self, case_judge: str) -> bool:
        """Why a long-pending case is open: its responsible judge records it (or the 管理员)."""
        return self.allows(Action.PENDING_REASON_ANY) or self.judge == case_judge

    # ------------------------------------------------------------ the 报表 choices

    def sheet_kinds(self) -> list[str]:
        """The sheets offered: everything court-wide; a 庭长 their division's and judges'; a 法官
        their own (and the 任务下达表)."""
        return [
            k
            for k in SHEET_KINDS
            if (k != "court" or self.allows(Action.PRINT_COURT))
            and (k != "division" or self.allows(Action.PRINT_DIVISIONS))
        ]

    def sheet_scopes(self, roster: pd.DataFrame) -> list[tuple[str, str | None]]:
        """The 报表 choices: ("all", None) court-wide only, then ("division", name) for each
        division that may be printed, then ("judge", name) for each judge in scope. ``roster``
        has ``name`` and ``division`` columns."""
        if self.court_wide:
            divisions = list(roster["division"].dropna().unique())
            out: list[tuple[str, str | None]] = [("all", None)]
            return out + [("division", d) for d in divisions] + [("judge", j) for j in roster["name"]]
        seen = self.people(roster, judge_col="name")
        divisions = [self.division] if self.is_head and self.division else []
        return [("division", d) for d in divisions] + [("judge", j) for j in seen["name"]]

    def sheet_choices(self, kind: str, divisions: list, judges: pd.DataFrame) -> list[tuple[str, str | None]]:
        """The scopes one kind of sheet offers: the court summary the court; division sheets
        ("all", None) court-wide, then each of ``divisions`` that may be printed; judge sheets
        ("all", None) court-wide, each division of ``judges`` (court-wide and 庭长), then each of
        ``judges`` (``judge``, ``division``: those in scope)."""
        out: list[tuple[str, str | None]] = [("all", None)] if self.court_wide else []
        if kind == "court":
            return [("all", None)]
        if kind == "division":
            return out + [("division", d) for d in divisions if self.may_print_division(d)]
        if self.allows(Action.PRINT_DIVISIONS):
            out += [("division", d) for d in judges["division"].dropna().drop_duplicates()]
        return out + [("judge", j) for j in judges["judge"]]
