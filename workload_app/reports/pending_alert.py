"""The monthly long-pending alert list (长期未结案件预警清单) for a division head: one A4 table."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from workload_app.reports import pdf

BAND_TEXT = {"12-18": "12–18月", "18-36": "18–36月", "36+": "36月以上"}


def alert_pdf(
    rows: pd.DataFrame, *, court: str, scope: str, at: dt.date, over_months: int, invariant: bool = False
) -> bytes:
    """``rows``: case_number, judge, division, cause, filed_on, age_months, band, pending_reason, pending_note."""
    st = pdf.styles()
    title = f"长期未结案件预警清单（{scope}）"
    story: list = [
        Paragraph(pdf.escape(court or "本院"), st["subtitle"]),
        pdf.heading(title, "title"),
        Paragraph(
            pdf.escape(f"截至 {at.isoformat()}，立案满 {over_months} 个月仍未结的案件 {len(rows)} 件"),
            st["subtitle"],
        ),
    ]
    counts = rows["band"].value_counts() if len(rows) else pd.Series(dtype=int)
    summary = "；".join(f"{BAND_TEXT[b]} {int(counts.get(b, 0))} 件" for b in BAND_TEXT)
    story.append(Paragraph(pdf.escape(summary), st["base"]))
    story.append(Spacer(1, 3 * mm))
    head = ["序号", "案号", "承办法官", "部门", "案由", "立案日期", "月数", "区间", "未结原因"]
    body = [head]
    for i, r in enumerate(rows.itertuples(index=False), start=1):
        reason = r.pending_reason or "未填写"
        if r.pending_note:
            reason += f"：{r.pending_note}"
        body.append(
            [
                str(i),
                r.case_number,
                r.judge,
                r.division or "",
                r.cause or "",
                str(r.filed_on or ""),
                str(r.age_months),
                BAND_TEXT.get(r.band, ""),
                reason,
            ]
        )
    widths = [w * mm for w in (8, 44, 14, 24, 24, 19, 10, 16, 19)]
    story.append(pdf.table(body, widths, numeric_from=6))
    story.append(Spacer(1, 8 * mm))
    story.append(Paragraph("庭长（签字）：____________　　日期：____________", st["base"]))
    return pdf.render(
        story,
        title=title,
        subject=f"截至 {at.isoformat()}",
        author=court or "",
        header=f"{title} · 截至 {at.isoformat()}",
        footer=court or "",
        invariant=invariant,
    )
