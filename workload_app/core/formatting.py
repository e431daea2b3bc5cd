"""How figures are written, shared by the window, the exports and the PDF sheets."""

from __future__ import annotations

import math

MONTH_NAMES = [f"{m} 月" for m in range(1, 13)]
ROLE_ORDER = ("院长", "副院长", "审判委员会专职委员", "庭长", "副庭长", "审判员")
TRACK_LABELS = {"trial": "审判", "enforcement": "执行"}
UNIT_LABELS = {"trial": "审判标准案件", "enforcement": "执行标准案件"}


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def sc(x: object, digits: int = 2) -> str:
    """Standard cases: 2 decimals, thousands separated."""
    return "—" if _missing(x) else f"{float(x):,.{digits}f}"


def pct(x: object, digits: int = 1) -> str:
    return "—" if _missing(x) else f"{float(x) * 100:.{digits}f}%"


def count(x: object) -> str:
    return "—" if _missing(x) else f"{int(x):,}"


def rank(r: object, n: int | None = None) -> str:
    if _missing(r):
        return "—"
    return f"{int(r)}/{n}" if n else str(int(r))
