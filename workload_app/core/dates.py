"""Dates and time stamps as the program writes and reads them (pure: no clock is read here).

A date is ISO text (``2025-03-16``) in the stores and files; a time stamp a row keeps is
``2025-03-16T09:30:05`` (to the second, no zone: the store's clock, see ``storage.dialect``);
a stamp shown to people (printed sheets, 我的工作量) is ``2025-03-16 09:30``.
"""

from __future__ import annotations

import datetime as dt
import math

STAMP = "%Y-%m-%dT%H:%M:%S"
MINUTE = "%Y-%m-%d %H:%M"


def is_blank(value: object) -> bool:
    """None, NaN (pandas' empty cell) or text of spaces only."""
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )


def date_of(value: object, *, whole: bool = False) -> dt.date | None:
    """The date ``value`` holds: None when blank; a date as it is (a datetime's date); text read
    from its first ten characters (``2025-03-16``, ``2025-03-16T09:30:05``), or — ``whole`` — only
    when the whole text (spaces aside) is one ISO date. ``ValueError`` on anything else."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    return dt.date.fromisoformat(text if whole else text[:10])


def stamp(moment: dt.datetime) -> str:
    """The time stamp a row keeps: ``2025-03-16T09:30:05``."""
    return moment.strftime(STAMP)


def minute(moment: dt.datetime) -> str:
    """A time stamp as printed: ``2025-03-16 09:30``."""
    return moment.strftime(MINUTE)


def moment_of(text: str) -> dt.datetime:
    """A stored stamp (``stamp``'s form, or its date alone) read back."""
    return dt.datetime.fromisoformat(str(text).strip().replace(" ", "T"))
