"""Cell values as exports carry them, normalised or rejected with the reason as a coded text
(``messages.Coded``: it reads as Chinese, the caller renders it in its user's language).

Each parser returns ``(value, error)``: ``error`` is empty when the cell was read; an empty cell
is ``None`` (unknown), never 0.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache
from typing import NamedTuple

from workload_app.core.messages import Coded
from workload_app.core.text import clip, normalize_text, strip_invisible

EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
# Yuan per amount (执行标的, 到位金额); a court-wide setting (meta ``amount_ceiling``). 10^11 yuan is
# beyond any case a basic court enforces, and an 18-digit ID number pasted into the column exceeds it.
DEFAULT_AMOUNT_CEILING = 100_000_000_000
# The highest ceiling a court may set: 10^13 yuan is 10^15 fen, which a stored double (REAL on the
# file, DOUBLE PRECISION on the server) still holds to the fen, and the sums stay exact in Python ints.
MAX_AMOUNT_CEILING = 10_000_000_000_000
DEFAULT_PAGE_CEILING = 100_000  # pages per count; a court-wide setting (meta ``page_ceiling``)
EXCEL_ERRORS = frozenset(
    {
        "#DIV/0!",
        "#N/A",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#REF!",
        "#VALUE!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)


class CellError(NamedTuple):
    """A cell whose value is an Excel error (``text`` = #DIV/0!, #N/A …) or a formula Excel never
    computed (``text`` empty): neither is a blank, and neither may be read as one."""

    text: str

    def describe(self) -> str:
        if self.text:
            return Coded("cell.excel_error", error=self.text)
        return Coded("cell.formula_no_value")

    def __str__(self) -> str:
        return self.text or Coded("cell.formula_shown")


def excel_error_literal(value: object) -> str:
    """The Excel error a text cell spells (a CSV saved from a sheet with errors), else ''."""
    if isinstance(value, str) and value[:1] in "#＃" and len(value) < 20:
        text = normalize_text(value).upper()
        return text if text in EXCEL_ERRORS else ""
    return ""


_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?|\s*\d{1,2}\s*[时點点](?:\s*\d{1,2}\s*分(?:\s*\d{1,2}\s*秒)?)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_PAGES = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*页?$")
# A thousands separator only where it groups thousands (1,234 or 12,345,678): "12,34" or "1,2345" is
# a typo or a decimal comma, and reading either as 1234 / 12345 would be a guess.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*页?$")
# The words a court's file uses, quoted in the refusal as what the cell should hold (data, not texts)
DATE_EXAMPLE = "2024年3月5日"
YES_NO = "是/否"
APPROVED_WORDS = "已审批/未审批"
_APPROVED = {
    "是": True,
    "y": True,
    "yes": True,
    "已审批": True,
    "审批通过": True,
    "通过": True,
    "同意": True,
    "已批准": True,
    "1": True,
    "true": True,
    "√": True,
    "否": False,
    "n": False,
    "no": False,
    "未审批": False,
    "不同意": False,
    "未通过": False,
    "待审批": False,
    "0": False,
    "false": False,
    "×": False,
}


def is_blank(value: object) -> bool:
    if isinstance(value, CellError):
        return False
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not normalize_text(value)


def parse_text(value: object) -> tuple[str | None, str]:
    if is_blank(value):
        return None, ""
    if isinstance(value, CellError):
        return None, value.describe()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_text(value), ""


def parse_date(value: object) -> tuple[dt.date | None, str]:
    """Real Excel dates, serial numbers, 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305."""
    if is_blank(value):
        return None, ""
    if isinstance(value, CellError):
        return None, value.describe()
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    if isinstance(value, bool):
        return None, Coded("cell.not_date", value=str(value))
    if isinstance(value, int | float):
        return _serial(float(value))
    if len(str(value)) > 100:
        return None, Coded("cell.unknown_date", value=clip(value), example=DATE_EXAMPLE)
    return _parse_date_text(str(value))


def _serial(x: float) -> tuple[dt.date | None, str]:
    if 20000 <= x < 80000:  # 1954 … 2119
        return EXCEL_EPOCH + dt.timedelta(days=int(x)), ""
    if 19000101 <= x <= 21001231 and float(x).is_integer():
        return _parse_date_text(str(int(x)))
    return None, Coded("cell.bad_serial", value=f"{x:g}")


@lru_cache(maxsize=8192)
def _parse_date_text(text: str) -> tuple[dt.date | None, str]:
    s = normalize_text(text)
    m = _DATE.match(s) or _COMPACT_DATE.match(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), ""
        except ValueError:
            return None, Coded("cell.no_such_date", value=clip(text))
    if re.fullmatch(r"\d{5}(\.\d+)?", s):
        return _serial(float(s))
    return None, Coded("cell.unknown_date", value=clip(text), example=DATE_EXAMPLE)


def parse_pages(value: object, ceiling: int = DEFAULT_PAGE_CEILING) -> tuple[int | None, str]:
    """Page counts: 12, １２, ' 12 ', 12.0, 12页. Negative or fractional counts, and counts above the
    court's ceiling (a typo like 999999 for 99), are errors."""
    if is_blank(value):
        return None, ""
    if isinstance(value, CellError):
        return None, value.describe()
    if isinstance(value, bool):
        return None, Coded("cell.pages_not_count", value=str(value))
    if isinstance(value, int | float):
        x = float(value)
    else:
        s = normalize_text(str(value)[:100])
        if "," in s:
            if not _GROUPED.match(s):
                return None, Coded("cell.pages_grouping", value=clip(value))
            s = s.replace(",", "")
        m = _PAGES.match(s)
        if not m:
            return None, Coded("cell.pages_not_count", value=clip(value))
        x = float(m[1])
    if math.isnan(x) or math.isinf(x):
        return None, Coded("cell.pages_not_number")
    if x < 0:
        return None, Coded("cell.pages_negative", value=str(value))
    if not x.is_integer():
        return None, Coded("cell.pages_fraction", value=str(value))
    if x > ceiling:
        shown = f"{x:,.0f}" if x < 1e15 else clip(value)
        return None, Coded("cell.pages_ceiling", pages=shown, ceiling=f"{ceiling:,}")
    return int(x), ""


def parse_approved(value: object) -> tuple[bool | None, str]:
    if is_blank(value):
        return None, ""
    if isinstance(value, bool):
        return value, ""
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value), ""
    if isinstance(value, CellError):
        return None, value.describe()
    key = normalize_text(str(value)[:100]).lower()
    if key in _APPROVED:
        return _APPROVED[key], ""
    return None, Coded("cell.approved", value=clip(value), yes_no=YES_NO, approved=APPROVED_WORDS)


def parse_person(value: object) -> tuple[str | None, str]:
    """A name: full-width forms folded, every space removed (张 三 -> 张三)."""
    text, err = parse_text(value)
    return (text.replace(" ", "") if text else None), err


def parse_panel(value: object) -> tuple[str | None, str]:
    """Panel members separated by 、，, or spaces, stored 、-separated."""
    text, _ = parse_text(strip_invisible(value) if isinstance(value, str) else value)
    if not text:
        return None, ""
    names = [n for n in re.split(r"[、,，;；/\s]+", text) if n]
    return "、".join(dict.fromkeys(names)) or None, ""
