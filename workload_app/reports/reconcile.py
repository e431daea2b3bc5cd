"""One rule for every table on paper: each printed figure is its exact value rounded to the places
shown, and a printed total (合计, 累计) is the exact total rounded, never the sum of rounded parts.
So a sheet prints the same figure as the exports and the window for every judge, month and
division. Where the printed parts of a table do not add to its printed total, a note directly
under that table says so and by how much (舍入差), naming the rows; a table whose printed figures
add up carries no note.

The checks read the printed strings themselves (``1,009.81``), so what is compared is what a
reader adds up with a pencil.
"""

from __future__ import annotations

from decimal import Decimal

RULE = "表中各数由精确值计算后四舍五入到所示位数，合计、累计按精确值相加后再舍入"


def figure(text: str) -> Decimal | None:
    """A printed figure as a decimal (``1,009.81`` → 1009.81); None for 「—」 or a blank."""
    t = text.replace(",", "").replace("%", "").strip()
    try:
        return Decimal(t)
    except ArithmeticError:
        return None


def _gap_text(gap: Decimal) -> str:
    return f"{abs(gap):,}"


def sum_gap(parts: list[str], total: str) -> Decimal:
    """Printed total less the sum of the printed parts (0 where they add up)."""
    t = figure(total)
    if t is None:
        return Decimal(0)
    return t - sum((figure(p) or Decimal(0) for p in parts), Decimal(0))


def running_gaps(parts: list[str], running: list[str]) -> list[tuple[int, Decimal]]:
    """(row index, gap) where a printed running total is not the previous one plus the row's
    printed part (the first row: not its part)."""
    out = []
    before = Decimal(0)
    for i, (p, r) in enumerate(zip(parts, running, strict=True)):
        now = figure(r)
        part = figure(p) or Decimal(0)
        if now is None:
            continue
        gap = now - (before + part)
        if gap:
            out.append((i, gap))
        before = now
    return out


def running_note(labels: list[str], parts: list[str], running: list[str], what: str, of: str) -> str | None:
    """The note under a table whose ``what`` column (e.g. 累计) runs over ``of`` (e.g. 标准案件),
    or None when every printed row adds up."""
    gaps = running_gaps(parts, running)
    if not gaps:
        return None
    rows = "、".join(f"{labels[i]}（{_gap_text(g)}）" for i, g in gaps)
    return f"注：{RULE}；「{what}」与上一行{what}加本行{of}相差的行：{rows}，系舍入差。"


def total_note(pairs: list[tuple[str, list[str], str]]) -> str | None:
    """The note under a table with 合计 rows: ``pairs`` are (column name, printed parts, printed
    total); None when every printed total is the sum of its printed parts."""
    gaps = [(name, sum_gap(parts, total)) for name, parts, total in pairs]
    gaps = [(n, g) for n, g in gaps if g]
    if not gaps:
        return None
    cols = "、".join(f"「{n}」{_gap_text(g)}" for n, g in gaps)
    return f"注：{RULE}；合计与各行相加之和相差：{cols}，系舍入差。"
