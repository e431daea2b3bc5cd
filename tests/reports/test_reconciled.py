"""Figures that reconcile on paper: on every table of every sheet (60 judge sheets, the divisions,
the court and the notices, for 1–6月 and 1–12月) a printed total is the sum of the printed parts,
or the note under that table names exactly the rows and columns that differ and by how much."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from reportlab.platypus import KeepTogether, Paragraph, Table

from workload_app.reports import reconcile
from workload_app.reports.sheets import DOCS
from workload_app.services.sheets import build_context, sheet_jobs


def flat(story: list) -> list:
    out = []
    for x in story:
        if isinstance(x, KeepTogether):
            out.extend(flat(x._content))
        elif isinstance(x, list | tuple):
            out.extend(flat(list(x)))
        else:
            out.append(x)
    return out


def cell(x) -> str:
    if isinstance(x, Paragraph):
        return x.getPlainText()
    if isinstance(x, list) and x and isinstance(x[-1], Paragraph):
        return x[-1].getPlainText()
    return "" if x is None else str(x)


def tables_with_notes(story: list) -> list[tuple[list[list[str]], str]]:
    """(printed rows, the note right under the table or "") for every table of a story."""
    items = flat(story)
    out = []
    for i, x in enumerate(items):
        if isinstance(x, Table):
            rows = [[cell(c) for c in r] for r in x._cellvalues]
            nxt = items[i + 1] if i + 1 < len(items) else None
            note = nxt.getPlainText() if isinstance(nxt, Paragraph) and "舍入差" in nxt.getPlainText() else ""
            out.append((rows, note))
    return out


def d(text: str) -> Decimal:
    return reconcile.figure(text) or Decimal(0)


def stated(note: str) -> dict[str, Decimal]:
    """What the note says differs: {label or column: gap}."""
    return {
        k: Decimal(v.replace(",", "")) for k, v in re.findall(r"([^、：；「」（）]+)（([\d.,]+)）", note)
    } | {k: Decimal(v.replace(",", "")) for k, v in re.findall(r"「([^」]+)」([\d.,]+)", note)}


def check_running(rows: list[list[str]], note: str, part: int, run: int) -> int:
    body = rows[1:]
    found, before = {}, Decimal(0)
    for r in body:
        gap = d(r[run]) - (before + d(r[part]))
        if gap:
            found[r[0]] = abs(gap)
        before = d(r[run])
    assert stated(note) == found, (found, note)
    return len(found)


def check_totals(rows: list[list[str]], note: str, cols: dict[int, str], prefix_of=lambda r: "") -> int:
    found = {}
    parts: list[list[str]] = []
    for r in rows[1:]:
        if r[0].endswith("合计"):
            prefix = r[0].removesuffix("合计")
            for c, name in cols.items():
                gap = d(r[c]) - sum((d(p[c]) for p in parts), Decimal(0))
                if gap:
                    found[f"{prefix}{name}"] = abs(gap)
            parts = []
        else:
            parts.append(r)
    assert any(r[0].endswith("合计") for r in rows), "a table of parts without a 合计 row"
    assert stated(note) == found, (found, note)
    return len(found)


@pytest.mark.parametrize("month", [6, 12])
def test_every_table_of_every_sheet_reconciles_or_says_why(demo_db, month):
    ctx = build_context(demo_db, 2025, month, "2026-01-05 09:00")
    kinds = {"judge": 0, "division": 0, "court": 0, "notice": 0}
    gaps = 0
    for kind in kinds:
        jobs = sheet_jobs(ctx, kind, everyone=True) if kind in ("judge", "notice") else sheet_jobs(ctx, kind)
        for _, _, f in jobs:
            for doc in DOCS[kind](f):
                for rows, note in tables_with_notes(doc.story):
                    head = rows[0]
                    if head[:4] == ["月份", "结案数", "标准案件", "累计"]:
                        gaps += check_running(rows, note, 2, 3)
                    elif head[:3] == ["月份", "当月目标", "累计目标"]:
                        gaps += check_running(rows, note, 1, 2)
                    elif head == ["类别", "类型代字", "件数", "标准案件"]:
                        gaps += check_totals(rows, note, {2: "件数", 3: "标准案件"})
                    elif head[:2] == ["法官", "职务"] and "年度任务" in head:
                        gaps += check_totals(rows, note, {2: "年度任务", 3: "截至本月目标", 4: "已完成"})
                    elif head == ["结案方式", "件数", "其中计 0", "执行标准案件"]:
                        gaps += check_totals(rows, note, {1: "件数", 2: "其中计 0", 3: "执行标准案件"})
                    elif head[:2] == ["部门", "类别"]:
                        gaps += check_totals(
                            rows,
                            note,
                            {2: "法官", 3: "年度目标", 4: "截至本月目标", 5: "已完成", 8: "所需法官"},
                        )
                    else:
                        continue
                    kinds[kind] += 1
    # every kind's tables were checked: 60 judges × (months + categories), 8 divisions, the court,
    # and a notice per judge in the plan
    # (an enforcement judge's sheet has its closing methods too)
    enforcement = int((ctx.assessment["track"] == "enforcement").sum())
    assert kinds["judge"] == 120 + enforcement and kinds["division"] == 8 * 2 and kinds["court"] == 1
    assert kinds["notice"] == len(ctx.plan["judges"])
    assert gaps > 0  # the demo has rounding differences: the notes are exercised, not vacuous
