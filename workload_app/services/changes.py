"""What a user action changed, so each view decides whether to redraw (after Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Summary:
    """What an action reports back (counts, ids …): each action's own frozen dataclass derives from
    this one, declared next to the service that returns it; callers read its attributes."""


class Changes(NamedTuple):
    cases: bool = False
    judges: bool = False
    params: bool = False
    results: bool = False
    quotas: bool = False
    summary: Summary | None = None  # what the action reports back (counts, ids …)
    accounts: bool = False  # users and roles
    settings: bool = False  # the court's own settings (name, notice numbers)
    grades: bool = False  # the year-end grading record (年度考核)

    # the names views subscribe by: ``plans`` are the quotas, the ``roster`` the judges
    ALIASES = {"plans": "quotas", "roster": "judges"}
    FLAGS = ("cases", "judges", "params", "results", "quotas", "accounts", "settings", "grades")

    def flags(self) -> frozenset[str]:
        """The kinds of data this action changed, with their aliases (``plans``, ``roster``)."""
        on = {f for f in self.FLAGS if getattr(self, f)}
        return frozenset(on | {alias for alias, f in self.ALIASES.items() if f in on})

    def touches(self, subscribed: set[str] | frozenset[str]) -> bool:
        """Whether a view that depends on ``subscribed`` must redraw."""
        return bool(self.flags() & set(subscribed))

    def __or__(self, other: Changes) -> Changes:  # type: ignore[override]
        return Changes(
            self.cases or other.cases,
            self.judges or other.judges,
            self.params or other.params,
            self.results or other.results,
            self.quotas or other.quotas,
            other.summary if other.summary is not None else self.summary,
            self.accounts or other.accounts,
            self.settings or other.settings,
            self.grades or other.grades,
        )
