"""What every sheet shares: the heading, the period's name, key-value boxes, the month table,
the opinions and signature lines, the document and its rendering."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from workload_app.core import formatting as fmt
from workload_app.core.assessment import MonthProgress
from workload_app.reports import reconcile
from workload_app.reports.pdf import CONTENT_W, SheetDoc, bold, escape, render_documents, styles, table
from workload_app.reports.pdf import heading as pdf_heading

W = CONTENT_W


def period(year: int, month: int) -> str:
    """「2025 年 1—6 月」 (「2025 年 1 月」 for January, 「2025 年度」 for the whole year): how the
    period is named in titles, running headers and bookmarks."""
    if month == 12:
        return f"{year} 年度"
    return f"{year} 年 1 月" if month == 1 else f"{year} 年 1—{month} 月"


def file_period(year: int, month: int) -> str:
    """The period in a file name: 2025年1-6月, 2025年1月, 2025年度 (no spaces, an ASCII hyphen)."""
    return period(year, month).replace(" ", "").replace("—", "-")


def cn_date(value: object, compact: bool = False) -> str:
    """「2025 年 6 月 30 日」 from 2025-06-30 (a date, a datetime or text starting with one); "" for
    none; ``compact``: 「2025年6月30日」, for a table column."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return ""
    y, m, d = (int(x) for x in str(value)[:10].split("-"))
    return f"{y}年{m}月{d}日" if compact else f"{y} 年 {m} 月 {d} 日"


def cn_datetime(value: str) -> str:
    """「2025 年 7 月 1 日 09:00」 from 2025-07-01 09:00; text that is no date stays as given."""
    text = str(value or "")
    try:
        return f"{cn_date(text[:10])}{text[10:]}"
    except ValueError:
        return text


def period_span(year: int, month: int) -> str:
    """「2025 年 1 月 1 日至 2025 年 6 月 30 日」: the statistical period, both ends written out."""
    import calendar

    last = calendar.monthrange(year, month)[1]
    return f"{cn_date(f'{year}-01-01')}至 {cn_date(f'{year}-{month:02d}-{last:02d}')}"


def _head(f: dict, what: str) -> list:
    st = styles()
    return [
        Paragraph(escape(f"{f['court']}"), st["subtitle"]),
        pdf_heading(f"{period(f['year'], f['month'])}{what}", "title"),
        Paragraph(
            escape(
                f"统计期间：{period_span(f['year'], f['month'])}　·　参数第 {f['param_version']} 版"
                f"　·　任务计划第 {f.get('plan_version') or '—'} 版"
            ),
            st["subtitle"],
        ),
    ]


SIGN_LINE = "签名：＿＿＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日"


def _sign_style() -> ParagraphStyle:
    return ParagraphStyle("sign", parent=styles()["base"], alignment=TA_RIGHT)


OPINION_MIN = 25 * mm  # room to write an opinion by hand, at the least
OPINION_MAX = 55 * mm  # … and at the most, when the page has room to spare
REMARKS_SHARE = 0.6  # the remarks box against an opinion box


def opinions(labels: list[str], remarks: bool = True, box: float = OPINION_MIN) -> Table:
    """One row per signer: the label, ``box`` of room for an opinion written by hand, and the
    one-line signature line 「签名：＿＿ 日期：＿＿年＿＿月＿＿日」; a remarks box under them."""
    st = styles()
    rows, commands = [], [("GRID", (0, 0), (-1, -1), 0.4, "#9aa7b8"), ("VALIGN", (0, 0), (0, -1), "MIDDLE")]
    for label in labels:
        rows.append(
            [Paragraph(escape(label), st["cell"]), [Spacer(1, box), Paragraph(SIGN_LINE, _sign_style())]]
        )
    if remarks:
        rows.append([Paragraph("备注", st["cell"]), Spacer(1, box * REMARKS_SHARE)])
    commands.append(("BACKGROUND", (0, 0), (0, -1), "#eef2f7"))
    t = Table(rows, colWidths=[W * 0.2, W * 0.8])
    t.setStyle(TableStyle(commands))
    return t


class ClosingBlock(Flowable):
    """A sheet's closing block (its last section, the 审核意见 heading and the opinions): kept on
    one page, and filling what is left of that page: the opinion boxes grow from ``OPINION_MIN``
    up to ``OPINION_MAX`` so the block ends at the foot of the page instead of leaving half of it
    empty; when even the smallest boxes do not fit, the block starts the next page (and fills it)."""

    def __init__(self, before: list, signers: list[str], remarks: bool = True) -> None:
        super().__init__()
        self.before, self.signers, self.remarks = before, signers, remarks
        self.box = OPINION_MIN
        self._parts: list = []

    def _stack(self, aw: float, box: float) -> tuple[list, float]:
        parts = [*self.before, opinions(self.signers, self.remarks, box)]
        height = 0.0
        for i, f in enumerate(parts):
            _, h = f.wrap(aw, 1e6)
            height += h + f.getSpaceAfter() + (f.getSpaceBefore() if i else 0)
        return parts, height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        _, least = self._stack(aw, OPINION_MIN)
        rows = len(self.signers) + (REMARKS_SHARE if self.remarks else 0)
        self.box = OPINION_MIN
        if least <= ah:
            self.box = min(OPINION_MAX, OPINION_MIN + (ah - least) / rows)
        self._parts, self.height = self._stack(aw, self.box)
        return aw, self.height

    def split(self, aw: float, ah: float) -> list:
        return []  # never split: on to the next page, where it fills that page

    def draw(self) -> None:
        y = self.height
        for i, f in enumerate(self._parts):
            if i:
                y -= f.getSpaceBefore()
            _, h = f.wrap(self.width, 1e6)
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()

    def getPlainText(self) -> str:  # noqa: N802 - reportlab naming
        return "\n".join(f.getPlainText() for f in self.before if hasattr(f, "getPlainText"))


def review_block(signers: list[str]) -> list:
    """The 审核意见 heading and a signing row for each of ``signers`` (smallest boxes)."""
    return [Spacer(1, 4 * mm), pdf_heading("审核意见"), opinions(signers)]


def closing(before: list, signers: list[str]) -> ClosingBlock:
    """``before`` (a last section), the 审核意见 heading and the opinions, filling the page."""
    return ClosingBlock([*before, Spacer(1, 4 * mm), pdf_heading("审核意见")], signers)


def data_quality_closing(heading: str, text: str, signers: list[str]) -> ClosingBlock:
    """The data-quality paragraph under ``heading`` and the review block, on one page."""
    st = styles()
    return closing([pdf_heading(heading), Paragraph(escape(text), st["base"])], signers)


def _kv(pairs: list[tuple[str, str]], cols: int = 3) -> Table:
    st = styles()
    rows, row = [], []
    for k, v in pairs:
        row += [Paragraph(escape(k), st["cell"]), Paragraph(bold(v), st["cell"])]
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


def with_note(t: Table, note: str | None) -> list:
    """A table and, where its printed figures do not add up, the rounding note kept under it."""
    if note is None:
        return [t]
    return [KeepTogether([t, Paragraph(escape(note), styles()["note"])])]


def _months_table(months: tuple[MonthProgress, ...]) -> list:
    """The month table (月份, 结案数, 标准案件, 累计, 累计目标, 完成率) and its rounding note."""
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
    t = table(rows, [W * x for x in (0.12, 0.14, 0.18, 0.18, 0.2, 0.18)], numeric_from=1)
    body = rows[1:]
    note = reconcile.running_note(
        [r[0] for r in body], [r[2] for r in body], [r[3] for r in body], "累计", "标准案件"
    )
    return with_note(t, note)


def _doc(f: dict, story: list, kind: str, who: str, header_who: str | None = None) -> SheetDoc:
    when = period(f["year"], f["month"])
    return SheetDoc(
        story=story,
        title=f"{when}{kind}：{who}",
        subject=f"{f['court']} {when}工作量（标准案件）",
        author=f["court"],
        header=f"{f['court']}　{kind}　{header_who or who}　{when}",
        footer=f"打印时间：{cn_datetime(f['generated_at'])}",
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
    """A date on paper, in Chinese form (「2025 年 3 月 5 日」)."""
    return cn_date(value) if value else ""
