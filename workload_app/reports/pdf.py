"""The PDF frame every sheet shares: A4, CJK font, styles, header and "第 x 页 共 y 页" footer,
tables with the house style, and byte-stable output (``invariant``) for tests."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from workload_app.reports.fonts import BOLD_NAME, register_fonts

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
CONTENT_W = PAGE_W - 2 * MARGIN


def styles() -> dict[str, ParagraphStyle]:
    font = register_fonts()
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12.5, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=BOLD_NAME,
            fontSize=15,
            leading=20,
            alignment=TA_CENTER,
            spaceAfter=2 * mm,
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            parent=base,
            fontSize=10,
            alignment=TA_CENTER,
            spaceAfter=4 * mm,
            textColor=colors.HexColor("#444444"),
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD_NAME,
            fontSize=11,
            leading=15,
            spaceBefore=4 * mm,
            spaceAfter=2 * mm,
            textColor=colors.HexColor("#1f3a5f"),
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10.5),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=8, leading=10.5, alignment=TA_RIGHT),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=8, leading=11, textColor=colors.HexColor("#555555")
        ),
    }


HEADER_BG = colors.HexColor("#dfe7f1")
GRID = colors.HexColor("#9aa7b8")


def table(
    rows: list[list],
    widths: list[float],
    numeric_from: int | None = None,
    header_rows: int = 1,
    zebra: bool = True,
) -> Table:
    """A house-style table; cells that are strings become wrapped CJK paragraphs."""
    st = styles()
    body = []
    for r_i, row in enumerate(rows):
        cells = []
        for c_i, cell in enumerate(row):
            if isinstance(cell, str):
                right = numeric_from is not None and c_i >= numeric_from and r_i >= header_rows
                cells.append(Paragraph(escape(cell), st["cell_right" if right else "cell"]))
            else:
                cells.append(cell)
        body.append(cells)
    t = Table(body, colWidths=widths, repeatRows=header_rows)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if zebra:
        for i in range(header_rows + 1, len(rows), 2):
            commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f5f7fa")))
    t.setStyle(TableStyle(commands))
    return t


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _NumberedCanvas(rl_canvas.Canvas):
    """Draws "第 x 页 共 y 页" once the page count is known (pages are kept until save)."""

    footer_left = ""
    header_text = ""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initialFontName", register_fonts())  # no stray non-embedded Helvetica
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab naming
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        font = register_fonts()
        self.saveState()
        self.setFont(font, 7.5)
        self.setFillColor(colors.HexColor("#666666"))
        self.drawString(MARGIN, 10 * mm, self.footer_left)
        self.drawRightString(PAGE_W - MARGIN, 10 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
        if self.header_text:
            self.drawString(MARGIN, PAGE_H - 10 * mm, self.header_text)
        self.setStrokeColor(GRID)
        self.setLineWidth(0.3)
        self.line(MARGIN, 13 * mm, PAGE_W - MARGIN, 13 * mm)
        self.restoreState()


def render(
    story: list, *, title: str, subject: str, author: str, header: str, footer: str, invariant: bool = False
) -> bytes:
    """Lay out a story on A4 pages and return the PDF bytes."""
    register_fonts()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=author,
        subject=subject,
        creator="法官工作量计算器",
        invariant=int(invariant),
    )

    class Canvas(_NumberedCanvas):
        footer_left = footer
        header_text = header

    doc.build(story, canvasmaker=Canvas)
    return buffer.getvalue()
