"""What a user action changed, so each view decides whether to redraw (after Anki's OpChanges)."""

from __future__ import annotations

from typing import Any, NamedTuple


class Changes(NamedTuple):
    cases: bool = False
    judges: bool = False
    params: bool = False
    results: bool = False
    quotas: bool = False
    summary: Any = None  # what the action reports back (counts, ids …)

    def __or__(self, other: Changes) -> Changes:  # type: ignore[override]
        return Changes(
            self.cases or other.cases,
            self.judges or other.judges,
            self.params or other.params,
            self.results or other.results,
            self.quotas or other.quotas,
            other.summary if other.summary is not None else self.summary,
        )
