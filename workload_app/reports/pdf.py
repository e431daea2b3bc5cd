"""The PDF frame every sheet shares: A4, CJK font, styles, a running header on pages 2… and a
"第 x 页 共 y 页" footer per sheet, tables with the house style, several sheets as one document
(bookmarks, duplex padding), and byte-stable output (``invariant``) for tests."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from workload_app.reports.archive import to_pdfa
from workload_app.reports.fonts import BOLD_NAME, markup, register_fonts, segments

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm  # the outer margin (and top and bottom)
GUTTER = 26 * mm  # the inner margin, room to bind an archive copy: left on a front, right on a back
CONTENT_W = PAGE_W - GUTTER - MARGIN


def left_margin(page: int, duplex: bool = True) -> float:
    """The left margin of a sheet's ``page`` (1 = the first, a front side): printed on both sides
    (``duplex``) the gutter is mirrored, odd pages binding on the left and even pages on the right;
    printed on one side every page binds on the left."""
    return GUTTER if page % 2 or not duplex else MARGIN


@lru_cache(maxsize=1)
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
            keepWithNext=1,  # a heading never ends a page
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


PAD = 3  # a cell's left and right padding


def fit_widths(rows: list[list], widths: list) -> list[float]:
    """Column widths: a number stays; ``None`` is sized to the widest text of that column (header
    included, so a header never wraps: no 「序/号」); ``"*"`` columns share what is left of the
    line, each at least its header's width, the rest in proportion to how much text they hold."""
    from workload_app.reports.wrapping import width

    size = styles()["cell"].fontSize

    def natural(c: int, header_only: bool = False) -> float:
        texts = [r[c] for r in (rows[:1] if header_only else rows) if c < len(r) and isinstance(r[c], str)]
        return max((max(width(line, size) for line in t.split("\n")) for t in texts), default=0) + 2 * PAD + 1

    out: list = [natural(c) if w is None else w for c, w in enumerate(widths)]
    rest = [i for i, w in enumerate(out) if w == "*"]
    if rest:
        room = CONTENT_W - sum(w for w in out if w != "*")
        low = {i: natural(i, header_only=True) for i in rest}
        want = {i: max(natural(i), low[i]) for i in rest}
        if sum(want.values()) <= room:
            extra = (room - sum(want.values())) / len(rest)
            for i in rest:
                out[i] = want[i] + extra
        else:
            spare = max(room - sum(low.values()), 0.0)
            need = sum(want[i] - low[i] for i in rest) or 1.0
            for i in rest:
                out[i] = low[i] + spare * (want[i] - low[i]) / need
    return out


def table(
    rows: list[list],
    widths: list,
    numeric_from: int | None = None,
    header_rows: int = 1,
    zebra: bool = True,
) -> Table:
    """A house-style table; cells that are strings become CJK paragraphs broken between words
    (``wrapping``), never inside a label, a case cause, a case number or a date. ``widths``: see
    ``fit_widths``."""
    from workload_app.reports.wrapping import lines

    st = styles()
    widths = fit_widths(rows, widths)
    body = []
    for r_i, row in enumerate(rows):
        cells = []
        for c_i, cell in enumerate(row):
            if isinstance(cell, str):
                right = numeric_from is not None and c_i >= numeric_from and r_i >= header_rows
                style = st["cell_right" if right else "cell"]
                text = "<br/>".join(
                    escape(x) for x in lines(cell, widths[c_i] - 2 * PAD - 0.5, style.fontSize)
                )
                cells.append(Paragraph(text, style))
            else:
                cells.append(cell)
        body.append(cells)
    t = Table(body, colWidths=widths, repeatRows=header_rows)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG))
    if zebra:
        for i in range(header_rows + 1, len(rows), 2):
            commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f5f7fa")))
    t.setStyle(TableStyle(commands))
    return t


def escape(text: str) -> str:
    """Text for a Paragraph: XML-escaped, rare characters (CJK Extension B …) in the fallback face."""
    return markup(text)


def heading(text: str, style: str = "h2") -> Paragraph:
    """A title or heading set in the bold face (characters it lacks in the regular one), broken
    between words where it needs two lines (「…人民法院」/「关于…的通知」, never a lone 「知」)."""
    from workload_app.reports.wrapping import lines

    st = styles()[style]
    room = CONTENT_W - 1
    if "关于" in text and text.index("关于") > 0:
        head, tail = text[: text.index("关于")], text[text.index("关于") :]
        parts = [text] if _width(text, st.fontSize) <= room else [head, tail]
    else:
        parts = [text]
    out = [line for part in parts for line in lines(part, room, st.fontSize, bold=True)]
    return Paragraph("<br/>".join(markup(x, bold=True) for x in out), st)


def para(text: str, style: str | ParagraphStyle = "base", indent: float = 0) -> Paragraph:
    """A body paragraph broken between words (``wrapping``): no line starts with 「，」 or cuts a
    label, a date or a case number."""
    from workload_app.reports.wrapping import lines

    st = styles()[style] if isinstance(style, str) else style
    return Paragraph("<br/>".join(escape(x) for x in lines(text, CONTENT_W - indent - 1, st.fontSize)), st)


def _width(text: str, size: float) -> float:
    from workload_app.reports.wrapping import width

    return width(text, size, bold=True)


def bold(text: str) -> str:
    """Markup for ``text`` in the bold face, inside a paragraph of another style."""
    return markup(text, bold=True)


class Emphasis(Flowable):
    """One line of text in the bold face: an out-of-range figure must stand out on a
    black-and-white print, not by colour."""

    def __init__(self, text: str, size: float = 8.5, right: bool = False) -> None:
        super().__init__()
        self.text, self.size, self.right = text, size, right
        self.runs = segments(text, bold=True)

    def _text_width(self) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(t, f, self.size) for f, t in self.runs)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._avail = aw
        return aw, self.size * 1.3

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        x = max(self._avail - self._text_width(), 0) if self.right else 0
        t = c.beginText(x, self.size * 0.3)
        for font, run in self.runs:
            t.setFont(font, self.size)
            t.textOut(run)
        c.drawText(t)
        c.restoreState()

    def getPlainText(self) -> str:  # noqa: N802 - reportlab naming
        return self.text


def page_templates(duplex: bool = False) -> list[PageTemplate]:
    """A front (gutter left) and a back (gutter right with ``duplex``) page, alternating; every
    sheet starts on a front, as the duplex padding of a combined file prints it."""
    frame_h = PAGE_H - 16 * mm - 18 * mm
    out = []
    for name, nxt, page in (("front", "back", 1), ("back", "front", 2)):
        left = left_margin(page, duplex)
        frame = Frame(left, 18 * mm, CONTENT_W, frame_h, id=name, leftPadding=0, rightPadding=0)
        out.append(PageTemplate(id=name, frames=[frame], pagesize=A4, autoNextPageTemplate=nxt))
    return out


@dataclass
class SheetDoc:
    """One sheet's pages: the story, its PDF title (and bookmark), and the running header that
    makes every page after the first attributable (whose sheet, which period)."""

    story: list
    title: str
    subject: str
    author: str
    header: str
    footer: str
    group: str = ""  # in a combined file: the division the sheet is listed and bookmarked under
    entry: str = ""  # … and its line in the contents (the title where empty)


class _SheetMark(Flowable):
    """Zero-size marker at the top of each sheet: the pages from here on belong to sheet ``index``."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._sheet = self.index


class _NumberedCanvas(rl_canvas.Canvas):
    """Pages are kept until save; then each gets its sheet's header (pages 2…), footer and
    "第 x 页 共 y 页" counted within its sheet, a bookmark at each sheet's first page, and in
    duplex mode a blank back after a sheet with an odd number of pages."""

    sheets: list[SheetDoc] = []
    duplex = False
    bookmarks = False

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initialFontName", register_fonts())  # no stray non-embedded Helvetica
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._sheet = 0

    def showPage(self) -> None:  # noqa: N802 - reportlab naming
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        counts = Counter(state["_sheet"] for state in self._pages)
        last = len(self.sheets) - 1
        # the physical page each sheet starts on, after the contents and the duplex blanks
        starts, page = {}, len(self.contents_pages()) + 1
        for k in range(len(self.sheets)):
            starts[k] = page
            page += counts[k] + (1 if self.duplex and counts[k] % 2 and k < last else 0)
        self.total_pages = page - 1
        self._physical = 0
        if self.contents:
            self._draw_contents(starts)
        seen: Counter = Counter()
        groups_done: set[str] = set()
        for state in self._pages:
            self.__dict__.update({k: v for k, v in state.items() if k not in self._KEEP})
            k = state["_sheet"]
            seen[k] += 1
            sheet = self.sheets[k]
            if seen[k] == 1 and self.bookmarks:
                self.bookmarkPage(f"sheet{k}")
                level = 0
                if self.contents and sheet.group:  # nested: division, then its sheets
                    if sheet.group not in groups_done:
                        groups_done.add(sheet.group)
                        self.bookmarkPage(f"group{k}")  # a key of its own: one key, one entry
                        self.addOutlineEntry(sheet.group, f"group{k}", level=0)
                    level = 1
                self.addOutlineEntry(sheet.title, f"sheet{k}", level=level)
            self._physical += 1
            self._decorate(sheet, seen[k], counts[k])
            super().showPage()
            if self.duplex and seen[k] == counts[k] and counts[k] % 2 and k < last:
                self._physical += 1
                super().showPage()  # the blank back: the next sheet starts on a front side
        if self.bookmarks:
            self.showOutline()
        super().save()

    # canvas attributes that belong to the file, not to a page (kept across the page states)
    _KEEP = frozenset({"_physical", "total_pages", "_doc"})
    contents = False
    contents_title = ""
    LINES_PER_PAGE = 40

    def contents_lines(self) -> list[tuple[str, int | None]]:
        """(text, sheet index or None for a division heading) in the order of the file."""
        out: list[tuple[str, int | None]] = []
        group = None
        for k, sheet in enumerate(self.sheets):
            if sheet.group and sheet.group != group:
                group = sheet.group
                out.append((group, None))
            out.append((sheet.entry or sheet.title, k))
        return out

    def contents_pages(self) -> list[list[tuple[str, int | None]]]:
        """The contents cut into pages (a blank back added in duplex: the first sheet on a front)."""
        if not self.contents:
            return []
        lines = self.contents_lines()
        pages = [lines[i : i + self.LINES_PER_PAGE] for i in range(0, len(lines), self.LINES_PER_PAGE)]
        if self.duplex and len(pages) % 2:
            pages.append([])
        return pages

    def _draw_contents(self, starts: dict[int, int]) -> None:
        """目录: division, then each sheet with the page of the file it starts on."""
        pages = self.contents_pages()
        listed = [p for p in pages if p]
        self.bookmarkPage("contents")
        if self.bookmarks:
            self.addOutlineEntry("目录", "contents", level=0)
        for n, lines in enumerate(pages, start=1):
            self._physical += 1
            if lines:
                left = left_margin(n, self.duplex)
                right = left + CONTENT_W
                y = PAGE_H - 22 * mm
                if n == 1:
                    self._draw_text_at(left + CONTENT_W / 2, y, "目  录", size=15, bold=True, centre=True)
                    y -= 7 * mm
                    self._draw_text_at(left + CONTENT_W / 2, y, self.contents_title, size=9, centre=True)
                    y -= 10 * mm
                for text, k in lines:
                    if k is None:
                        y -= 1.5 * mm
                        self._draw_text_at(left, y, text, size=10.5, bold=True)
                    else:
                        self._draw_text_at(left + 6 * mm, y, text, size=9.5)
                        number = str(starts[k])
                        self._draw_text_at(right, y, number, size=9.5, right=True)
                        self.setStrokeColor(GRID)
                        self.setDash(0.5, 2)
                        self.setLineWidth(0.5)
                        self.line(
                            left + 8 * mm + self._text_width(text, 9.5),
                            y + 1,
                            right - self._text_width(number, 9.5) - 2 * mm,
                            y + 1,
                        )
                        self.setDash()
                    y -= 5.6 * mm
                page_of = listed.index(lines) + 1
                self._draw_footer(left, f"目录　第 {page_of} 页 共 {len(listed)} 页")
            super().showPage()

    def _text_width(self, text: str, size: float, bold: bool = False) -> float:
        return sum(self.stringWidth(t, f, size) for f, t in segments(text, bold))

    def _draw_text_at(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        bold: bool = False,
        right: bool = False,
        centre: bool = False,
    ) -> None:
        w = self._text_width(text, size, bold)
        x -= w if right else (w / 2 if centre else 0)
        self.setFillColor(colors.black)
        for font, run in segments(text, bold):
            self.setFont(font, size)
            self.drawString(x, y, run)
            x += self.stringWidth(run, font, size)

    def _draw_footer(self, left: float, text: str) -> None:
        self.saveState()
        self.setFillColor(colors.HexColor("#444444"))
        self._draw_text(left + CONTENT_W, 10 * mm, text, right=True)
        self._draw_running(left)
        self.restoreState()

    def _draw_running(self, left: float) -> None:
        """In a combined file: the page's number in the whole file, centred in the footer."""
        if self.contents:
            self._draw_text(left + CONTENT_W / 2, 5.5 * mm, f"— {self._physical} —", centre=True)

    def _draw_text(self, x: float, y: float, text: str, right: bool = False, centre: bool = False) -> None:
        runs = segments(text)
        size = 7.5
        if right or centre:
            w = sum(self.stringWidth(t, f, size) for f, t in runs)
            x -= w if right else w / 2
        for font, run in runs:
            self.setFont(font, size)
            self.drawString(x, y, run)
            x += self.stringWidth(run, font, size)

    def _decorate(self, sheet: SheetDoc, page: int, total: int) -> None:
        self.saveState()
        left = left_margin(page, self.duplex)
        right = left + CONTENT_W
        self._draw_running(left)
        self.setFillColor(colors.HexColor("#444444"))
        self._draw_text(left, 10 * mm, sheet.footer)
        self._draw_text(right, 10 * mm, f"第 {page} 页 共 {total} 页", right=True)
        self.setStrokeColor(GRID)
        self.setLineWidth(0.3)
        self.line(left, 13 * mm, right, 13 * mm)
        if page > 1 and sheet.header:
            self._draw_text(left, PAGE_H - 10 * mm, sheet.header)
            self._draw_text(right, PAGE_H - 10 * mm, f"（续）第 {page} 页", right=True)
            self.line(left, PAGE_H - 11.5 * mm, right, PAGE_H - 11.5 * mm)
        self.restoreState()


def render_documents(
    sheets: list[SheetDoc],
    *,
    title: str,
    subject: str,
    author: str,
    invariant: bool = False,
    duplex: bool = False,
    bookmarks: bool = True,
    contents: bool = False,
) -> bytes:
    """Lay out several sheets as ONE document (each font embedded once), each sheet starting on a
    new page (a front side with ``duplex``) with its own page numbers and a bookmark."""
    if not sheets:
        raise ValueError("no sheets to render")
    register_fonts()
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=GUTTER,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=author,
        subject=subject,
        creator="法官工作量计算器",
        invariant=int(invariant),
    )
    doc.addPageTemplates(page_templates(duplex))
    story: list = []
    for i, sheet in enumerate(sheets):
        if i:
            story += [NextPageTemplate("front"), PageBreak()]
        story.append(_SheetMark(i))
        story.extend(sheet.story)

    class Canvas(_NumberedCanvas):
        pass

    Canvas.sheets = sheets
    Canvas.duplex = duplex
    Canvas.bookmarks = bookmarks
    Canvas.contents = contents
    Canvas.contents_title = title
    doc.build(story, canvasmaker=Canvas)
    return to_pdfa(buffer.getvalue(), invariant=invariant)  # PDF/A-2b for the court's e-archive


def render(
    story: list, *, title: str, subject: str, author: str, header: str, footer: str, invariant: bool = False
) -> bytes:
    """Lay out one sheet's story on A4 pages and return the PDF bytes."""
    sheet = SheetDoc(story, title, subject, author, header, footer)
    return render_documents(
        [sheet], title=title, subject=subject, author=author, invariant=invariant, bookmarks=False
    )
