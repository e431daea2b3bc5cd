"""Cell values as exports carry them, normalised or rejected with the reason in Chinese.

Each parser returns ``(value, error)``: ``error`` is empty when the cell was read; an empty cell
is ``None`` (unknown), never 0.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from workload_app.core.text import normalize_text

EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_PAGES = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*页?$")
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
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not normalize_text(value)


def parse_text(value: object) -> tuple[str | None, str]:
    if is_blank(value):
        return None, ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_text(value), ""


def parse_date(value: object) -> tuple[dt.date | None, str]:
    """Real Excel dates, serial numbers, 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305."""
    if is_blank(value):
        return None, ""
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    if isinstance(value, bool):
        return None, f"不是日期：「{value}」"
    if isinstance(value, int | float):
        return _serial(float(value))
    return _parse_date_text(str(value))


def _serial(x: float) -> tuple[dt.date | None, str]:
    if 20000 <= x < 80000:  # 1954 … 2119
        return EXCEL_EPOCH + dt.timedelta(days=int(x)), ""
    if 19000101 <= x <= 21001231 and float(x).is_integer():
        return _parse_date_text(str(int(x)))
    return None, f"不是有效日期：「{x:g}」"


@lru_cache(maxsize=8192)
def _parse_date_text(text: str) -> tuple[dt.date | None, str]:
    s = normalize_text(text)
    m = _DATE.match(s) or _COMPACT_DATE.match(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), ""
        except ValueError:
            return None, f"日期不存在：「{text.strip()}」"
    if re.fullmatch(r"\d{5}(\.\d+)?", s):
        return _serial(float(s))
    return None, f"无法识别的日期：「{text.strip()}」（应如 2024-03-05、2024/3/5 或 2024年3月5日）"


def parse_pages(value: object) -> tuple[int | None, str]:
    """Page counts: 12, １２, ' 12 ', 12.0, 12页. Negative or fractional counts are errors."""
    if is_blank(value):
        return None, ""
    if isinstance(value, bool):
        return None, f"页数应为非负整数，而不是「{value}」"
    if isinstance(value, int | float):
        x = float(value)
    else:
        s = normalize_text(value).replace(",", "")
        m = _PAGES.match(s)
        if not m:
            return None, f"页数应为非负整数，而不是「{str(value).strip()}」"
        x = float(m[1])
    if math.isnan(x) or math.isinf(x):
        return None, "页数应为非负整数"
    if x < 0:
        return None, f"页数不能为负数（「{value}」）"
    if not x.is_integer():
        return None, f"页数应为整数，不能有小数（「{value}」）"
    if x > 1_000_000:
        return None, f"页数过大（「{value}」）"
    return int(x), ""


def parse_approved(value: object) -> tuple[bool | None, str]:
    if is_blank(value):
        return None, ""
    if isinstance(value, bool):
        return value, ""
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value), ""
    key = normalize_text(value).lower()
    if key in _APPROVED:
        return _APPROVED[key], ""
    return None, f"审批情况应为 是/否、Y/N 或 已审批/未审批，而不是「{str(value).strip()}」"


def parse_person(value: object) -> tuple[str | None, str]:
    """A name: full-width forms folded, every space removed (张 三 -> 张三)."""
    text, err = parse_text(value)
    return (text.replace(" ", "") if text else None), err


def parse_panel(value: object) -> tuple[str | None, str]:
    """Panel members separated by 、，, or spaces, stored 、-separated."""
    text, _ = parse_text(value)
    if not text:
        return None, ""
    names = [n for n in re.split(r"[、,，;；/\s]+", text) if n]
    return "、".join(dict.fromkeys(names)) or None, ""
