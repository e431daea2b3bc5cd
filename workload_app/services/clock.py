"""Today, as the figures see it: the system date, or a clock bound to the open database handle
(tests and the window's worker bind one, like the acting user in ``access.bind``). Every "as of"
figure (long-pending ages, pending counts, the 质效 period, sheets, alerts, exports) takes its
cut-off from ``cut_off`` here, so the window, the command line and the sheets never disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from workload_app.core import quality as qm

_ATTR = "_workload_clock"


def bind(db: object, clock: Callable[[], dt.date] | None) -> None:
    """Read today from ``clock`` on this handle from now on (None: the system date)."""
    setattr(db, _ATTR, clock)


def today(db: object) -> dt.date:
    clock = getattr(db, _ATTR, None)
    return clock() if clock is not None else dt.date.today()


def cut_off(db: object, year: int, through_month: int) -> dt.date:
    """The end of the chosen period or today, whichever is earlier (``core.quality.cut_off``)."""
    return qm.cut_off(year, through_month, today(db))


def period(db: object, year: int, through_month: int) -> qm.Period:
    """The year through ``through_month``, ending at ``cut_off``: what every figure "as of" counts."""
    return qm.Period.as_of(year, through_month, today(db))
