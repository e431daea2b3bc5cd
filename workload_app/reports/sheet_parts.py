"""What every sheet shares: the heading, the period's name, key-value boxes, the month table,
the opinions and signature lines, the document and its rendering."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from workload_app.core import formatting as fmt
from workload_app.core.assessment import MonthProgress
from workload_app.reports.pdf import CONTENT_W, SheetDoc, escape, render_documents, styles, table

W = CONTENT_W


def period(year: int, month: int) -> str:
    """2025年1-6月 (2025年1月 for January): how the period is named on pages and file names."""
    return f"{year}年1月" if month == 1 else f"{year}年1-{month}月"


def _head(f: dict, what: str) -> list:
    st = styles()
    return [
        Paragraph(escape(f"{f['court']}"), st["subtitle"]),
        Paragraph(escape(f"{f['year']} 年度{what}"), st["title"]),
        Paragraph(
            escape(
                f"统计期间：{f['year']} 年 1 月至 {f['month']} 月　·　参数第 {f['param_version']} 版"
                f"　·　任务计划第 {f.get('plan_version') or '—'} 版"
            ),
            st["subtitle"],
        ),
    ]


SIGN_LINE = "签名：＿＿＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日"


def _sign_style() -> ParagraphStyle:
    return ParagraphStyle("sign", parent=styles()["base"], alignment=TA_RIGHT)


def opinions(labels: list[str], remarks: bool = True) -> Table:
    """One row per signer: the label, room for an opinion, and the one-line signature line
    「签名：＿＿ 日期：＿＿年＿＿月＿＿日」; a remarks box under them."""
    st = styles()
    rows, commands = [], [("GRID", (0, 0), (-1, -1), 0.4, "#9aa7b8"), ("VALIGN", (0, 0), (0, -1), "MIDDLE")]
    for label in labels:
        rows.append(
            [Paragraph(escape(label), st["cell"]), [Spacer(1, 9 * mm), Paragraph(SIGN_LINE, _sign_style())]]
        )
    if remarks:
        rows.append([Paragraph("备注", st["cell"]), Spacer(1, 14 * mm)])
    commands.append(("BACKGROUND", (0, 0), (0, -1), "#eef2f7"))
    t = Table(rows, colWidths=[W * 0.2, W * 0.8])
    t.setStyle(TableStyle(commands))
    return t


def review_block(signers: list[str]) -> list:
    """A sheet's last part: the 审核意见 heading and a signing row for each of ``signers``."""
    return [Spacer(1, 4 * mm), Paragraph("审核意见", styles()["h2"]), opinions(signers)]


def data_quality_closing(heading: str, text: str, signers: list[str]) -> KeepTogether:
    """The data-quality paragraph under ``heading`` and the review block, kept on one page."""
    st = styles()
    return KeepTogether(
        [Paragraph(heading, st["h2"]), Paragraph(escape(text), st["base"]), *review_block(signers)]
    )


def _kv(pairs: list[tuple[str, str]], cols: int = 3) -> Table:
    st = styles()
    rows, row = [], []
    for k, v in pairs:
        row += [Paragraph(escape(k), st["cell"]), Paragraph(f"<b>{escape(v)}</b>", st["cell"])]
        if len(row) == 2 * cols:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * cols - len(row)))
    label_w, value_w = W / cols * 0.42, W / cols * 0.58
    t = Table(rows, colWidths=[label_w, value_w] * cols)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#9aa7b8"),
                *[("BACKGROUND", (2 * i, 0), (2 * i, -1), "#eef2f7") for i in range(cols)],
            ]
        )
    )
    return t


def _months_table(months: tuple[MonthProgress, ...]) -> Table:
    rows = [["月份", "结案数", "标准案件", "累计", "累计目标", "完成率"]]
    for m in months:
        rows.append(
            [
                fmt.MONTH_NAMES[m.month - 1],
                fmt.count(m.cases),
                fmt.sc(m.sc),
                fmt.sc(m.cumulative),
                fmt.sc(m.target_cumulative),
                fmt.pct(m.completion),
            ]
        )
    return table(rows, [W * x for x in (0.12, 0.14, 0.18, 0.18, 0.2, 0.18)], numeric_from=1)


def _doc(f: dict, story: list, kind: str, who: str, header_who: str | None = None) -> SheetDoc:
    when = period(f["year"], f["month"])
    return SheetDoc(
        story=story,
        title=f"{f['year']} 年度{kind}：{who}",
        subject=f"{f['court']} {when}工作量（标准案件）",
        author=f["court"],
        header=f"{f['court']}　{kind}　{header_who or who}　{when}",
        footer=f"生成时间：{f['generated_at']}　法官工作量计算器",
    )


def _render(docs: list[SheetDoc], invariant: bool) -> bytes:
    first = docs[0]
    return render_documents(
        docs,
        title=first.title,
        subject=first.subject,
        author=first.author,
        invariant=invariant,
        bookmarks=len(docs) > 1,
    )


def _date_text(value: object) -> str:
    return str(value)[:10] if value else ""
