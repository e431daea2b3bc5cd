"""Today and now, as the figures and the stamps see them: the ``Clock`` of an open store.

On a file the clock is this computer's; on the court server it is the server's (every client
then dates its sheets and stamps alike, whatever its own clock says): the difference between
the two is read once per handle. Tests and the window's worker may bind a fixed "today" to a
handle (``bind``, like the acting user in ``access.bind``). Every "as of" figure (long-pending
ages, pending counts, the 质效 period, sheets, alerts, exports) takes its cut-off from
``cut_off`` here, so the window, the command line and the sheets never disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from workload_app.core import dates
from workload_app.core import quality as qm
from workload_app.storage import rows
from workload_app.storage.dialect import dialect_of

_ATTR = "_workload_clock"
_OFFSET = "_workload_clock_offset"


@dataclass(frozen=True)
class Clock:
    """``offset``: the store's clock less this computer's (zero on a file); ``fixed``: a bound
    "today" (tests, the window's worker), which dates the figures but not the stamps."""

    offset: dt.timedelta = dt.timedelta(0)
    fixed: Callable[[], dt.date] | None = None

    def now(self) -> dt.datetime:
        return dt.datetime.now() + self.offset

    def today(self) -> dt.date:
        return self.fixed() if self.fixed is not None else self.now().date()

    def minute(self) -> str:
        """Now as printed on a sheet: ``2025-03-16 09:30``."""
        return dates.minute(self.now())


def bind(db: object, clock: Callable[[], dt.date] | None) -> None:
    """Read today from ``clock`` on this handle from now on (None: the store's clock)."""
    setattr(db, _ATTR, clock)


def of(db: object) -> Clock:
    """The clock of the store behind ``db``."""
    offset = getattr(db, _OFFSET, None)
    if offset is None:
        offset = dt.timedelta(0)
        if not dialect_of(db).keeps_a_file:  # the server's time, read once for this handle
            offset = dates.moment_of(rows.now(db)) - dt.datetime.now().replace(microsecond=0)
        setattr(db, _OFFSET, offset)
    return Clock(offset, getattr(db, _ATTR, None))


def today(db: object) -> dt.date:
    return of(db).today()


def cut_off(db: object, year: int, through_month: int) -> dt.date:
    """The end of the chosen period or today, whichever is earlier (``core.quality.cut_off``)."""
    return qm.cut_off(year, through_month, today(db))


def period(db: object, year: int, through_month: int) -> qm.Period:
    """The year through ``through_month``, ending at ``cut_off``: what every figure "as of" counts."""
    return qm.Period.as_of(year, through_month, today(db))
