"""The monthly long-pending alert list (长期未结案件预警清单) of a division or of the court.

Columns are sized to their widest text (a row number from 100 or a header never breaks: no
「10 / 0」, no 「序/号」), the cause and the reason take what is left and break between words; the
bands are named as everywhere else (``core.quality.BAND_LABELS``); the list says when it was
printed and on which data it rests, and is signed by whom the scope answers to: the 庭长 for a
division's list, the 分管院领导 for the court's, in a block kept with the end of the table.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from workload_app.core import formatting as fmt
from workload_app.core.quality import BAND_LABELS
from workload_app.reports import pdf
from workload_app.reports.sheet_parts import cn_date

BAND_TEXT = BAND_LABELS  # one wording of the bands on every paper: 「36 个月以上」
COURT_SCOPE = "全院"


def signer(scope: str) -> str:
    """Who signs the list: the 庭长 for a division's, the 分管院领导 for the court's."""
    return "分管院领导" if scope == COURT_SCOPE else "庭长"


def sign_block(scope: str) -> Table:
    """「庭长（签字）：＿＿　日期：＿＿年＿＿月＿＿日」 with room to sign."""
    st = pdf.styles()
    line = f"{signer(scope)}（签字）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日"
    t = Table([[[Spacer(1, 10 * mm), Paragraph(pdf.escape(line), st["base"])]]], colWidths=[pdf.CONTENT_W])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.4, pdf.GRID)]))
    return t


def alert_pdf(
    rows: pd.DataFrame,
    *,
    court: str,
    scope: str,
    at: dt.date,
    over_months: int,
    invariant: bool = False,
    data_date: dt.date | None = None,
    printed: dt.datetime | None = None,
) -> bytes:
    """``rows``: case_number, judge, division, cause, filed_on, age_months, band, pending_reason, pending_note."""
    st = pdf.styles()
    title = f"长期未结案件预警清单（{scope}）"
    printed = printed or (dt.datetime(2000, 1, 1) if invariant else dt.datetime.now())
    story: list = [
        Paragraph(pdf.escape(court or "本院"), st["subtitle"]),
        pdf.heading(title, "title"),
        Paragraph(
            pdf.escape(
                f"截至 {cn_date(at)}，立案满 {over_months} 个月仍未结的案件 {fmt.count(len(rows))} 件"
            ),
            st["subtitle"],
        ),
    ]
    counts = rows["band"].value_counts() if len(rows) else pd.Series(dtype=int)
    summary = "；".join(f"{BAND_TEXT[b]} {fmt.count(int(counts.get(b, 0)))} 件" for b in BAND_TEXT)
    story.append(Paragraph(pdf.escape(summary), st["base"]))
    dates = f"案件数据截至 {cn_date(data_date)}（最近一次案件导入）；" if data_date else ""
    story.append(Paragraph(pdf.escape(f"{dates}打印时间：{cn_date(printed)} {printed:%H:%M}。"), st["note"]))
    story.append(Spacer(1, 3 * mm))
    # a division's list leaves out the division: every row would repeat its name
    court_wide = scope == COURT_SCOPE
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
                cn_date(r.filed_on, compact=True),
                str(r.age_months),
                BAND_TEXT.get(r.band, ""),
                reason,
            ]
        )
    widths: list = [None, None, None, None, "*", None, None, None, "*"]
    numeric = 6
    if not court_wide:
        body = [r[:3] + r[4:] for r in body]
        widths, numeric = widths[:3] + widths[4:], 5
    # the cause and the reason share what the sized columns leave
    widths = pdf.fit_widths(body, widths)
    # the last rows go with the signature, so that it never stands alone on a last page
    tail = body[1:][-3:] if len(body) > 4 else []
    story.append(pdf.table(body[: len(body) - len(tail)], widths, numeric_from=numeric))
    closing: list = [pdf.table(tail, widths, numeric_from=numeric, header_rows=0)] if tail else []
    story.append(KeepTogether([*closing, Spacer(1, 6 * mm), sign_block(scope)]))
    return pdf.render(
        story,
        title=title,
        subject=f"截至 {cn_date(at)}",
        author=court or "",
        header=f"{title} · 截至 {cn_date(at)}",
        footer=f"打印时间：{cn_date(printed)} {printed:%H:%M}",
        invariant=invariant,
    )
