"""Reading exports into raw rows: .xlsx/.xls with python-calamine (openpyxl where calamine cannot),
.csv in UTF-8 (with or without BOM) or GBK/GB18030, detected rather than assumed.

Rows keep their position: ``rows[i]`` is the file's row ``i + 1`` as the user sees it in Excel.

Nothing is trusted before it is read: a workbook's zip entries are checked for their declared and
real sizes (zip bombs), every worksheet's cells are located before the reader lays them out densely
(one cell at XFD1048576 would mean 17 billion empty cells), a cell may hold what Excel allows and no
more, and a CSV record spanning lines the way a stray quote makes it is refused with its row named.
Formula cells without a computed value and error values (#DIV/0!, #N/A …) come out as ``CellError``,
never as blanks.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from workload_app.core.messages import Coded, Phrase
from workload_app.core.problems import ImportRejected, Problem
from workload_app.core.text import clip
from workload_app.importing.headers import CASE_SYNONYMS, ROSTER_SYNONYMS, find_header
from workload_app.importing.values import MAX_CELL_CHARS, CellError, excel_error_literal


class RawSheet(NamedTuple):
    name: str
    rows: list[list[object]]


EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
ZIP_SUFFIXES = {".xlsx", ".xlsm", ".ods"}

MAX_FILE_BYTES = 1 << 30  # 1 GiB on disk: far beyond any year's export of one court
MAX_UNCOMPRESSED = 3 << 29  # 1.5 GiB of XML once unpacked, all entries together
BOMB_RATIO = 200  # real workbooks unpack 5–50×; a large entry unpacking more is a bomb
BOMB_MIN_BYTES = 16 << 20  # … below 16 MiB unpacked, any ratio is harmless
SPARSE_AREA = 2_000_000  # a dense layout larger than this must be backed by cells really there
MAX_XML_ROW_BYTES = 64 << 20  # one worksheet row (or shared string) of XML
CSV_STRAY_LINES = 5  # a legitimate multi-line cell (a note) stays short


def _refuse(message: Coded, row: int, column: str = "", value: str = "") -> ImportRejected:
    """The whole file refused for what was found at ``row`` (and ``column``), named in the refusal."""
    problems = [Problem("unreadable_file", message, row, column, value)]
    at = Phrase("file.at_column", column=column) if column else ""
    return ImportRejected("file.at_row", problems, row=row, column=at, message=message)


# ---------------------------------------------------------------- csv


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_name(rows: list[list[object]], index: int) -> str:
    """The column as headed in the file when the header is among the rows read so far, else its letter."""
    for synonyms, key in ((CASE_SYNONYMS, "case_number"), (ROSTER_SYNONYMS, "name")):
        header = find_header(rows, synonyms, key)
        if header is not None:
            cells = rows[header.row_index]
            if index < len(cells) and str(cells[index] or "").strip():
                return clip(cells[index], 20)
    return column_letter(index)


CSV_CHUNK_ROWS = 20_000  # rows per chunk of a streamed CSV: a few tens of MB in memory at most
_DECODE_BLOCK = 1 << 20


def csv_encoding(path: Path) -> str:
    """The file's encoding: UTF-8 (BOM or not) when the whole file decodes, else GB18030 (a superset
    of GBK). Checked block by block, so a large file is never held whole to find out."""
    with path.open("rb") as f:
        head = f.read(4)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    for encoding in ("utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        position = 0
        try:
            with path.open("rb") as f:
                for block in iter(lambda: f.read(_DECODE_BLOCK), b""):
                    decoder.decode(block)
                    position += len(block)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError as exc:
            if encoding == "gb18030":
                raise ImportRejected("import.encoding", position=position + exc.start) from exc
    raise AssertionError("unreachable")


def stream_csv(path: Path, chunk_rows: int | None = None) -> Iterator[list[list[object]]]:
    """The rows of a CSV file, ``chunk_rows`` at a time: the file is decoded as it is read, so a
    large export takes the memory of one chunk (issue 26: a 50 MB file within 400 MB), not of the
    whole text and every row at once. Refusals as ``read_csv``'s, with the physical line named."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportRejected("import.csv_too_big", size=path.stat().st_size >> 20, limit=MAX_FILE_BYTES >> 20)
    chunk_rows = chunk_rows or CSV_CHUNK_ROWS
    encoding = csv_encoding(path)
    with path.open(encoding=encoding, newline="") as f:
        delimiter = _csv_delimiter(f.read(65536))
    with path.open(encoding=encoding, newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        context: list[list[object]] = []  # the first rows (title, header): columns named in refusals
        rows: list[list[object]] = []
        last_line = 0
        while True:
            start = last_line + 1
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                if "line contains NUL" in str(exc):
                    raise ImportRejected("import.binary_csv") from exc
                if "field larger than field limit" in str(exc):
                    raise _refuse(
                        Coded("file.csv_cell_too_long", limit=csv.field_size_limit()), start
                    ) from exc
                raise _refuse(Coded("file.csv_unreadable", detail=clip(exc, 80)), start) from exc
            last_line = reader.line_num
            if any("\x00" in field for field in record):
                raise ImportRejected("import.binary_csv")
            if last_line > start:
                _check_multiline(context or rows, record, start, last_line, delimiter)
            row = [_csv_cell(c) for c in record]
            if len(context) < 40:
                context.append(row)
            rows.append(row)
            if len(rows) >= chunk_rows:
                yield rows
                rows = []
        if rows:
            yield rows


def read_csv(path: Path) -> list[RawSheet]:
    """A CSV file as one sheet of raw rows (all of them; an import streams them: ``stream_csv``)."""
    rows: list[list[object]] = []
    for chunk in stream_csv(path):
        rows.extend(chunk)
    return [RawSheet(path.stem, rows)]


CSV_DELIMITERS = ",\t;|"


def _csv_delimiter(text: str) -> str:
    """The separator under which the file's header is found (a title line above the header, which
    has no separator at all, misleads a statistical guess); the sniffer's guess when no header is."""
    head = text[:65536]
    lines = head.splitlines()[:40]
    best, best_columns = "", 0
    for delimiter in CSV_DELIMITERS:
        if not any(delimiter in line for line in lines):
            continue
        try:
            rows: list[list[object]] = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            continue
        for synonyms, key in ((CASE_SYNONYMS, "case_number"), (ROSTER_SYNONYMS, "name")):
            header = find_header(rows, synonyms, key)
            if header is not None and len(header.columns) > best_columns:
                best, best_columns = delimiter, len(header.columns)
    if best:
        return best
    try:
        return csv.Sniffer().sniff(head[:4096], delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _check_multiline(
    rows: list[list[object]], record: list[str], start: int, end: int, delimiter: str
) -> None:
    """A record spanning physical lines: accepted only as a short note, never as swallowed rows."""
    for j, field in enumerate(record):
        if "\n" not in field and "\r" not in field:
            continue
        inner = field.splitlines()[1:]
        if end - start + 1 > CSV_STRAY_LINES or any(delimiter in line for line in inner):
            raise _refuse(
                Coded("file.csv_stray_quote", first=start + 1, last=end, lost=end - start),
                start,
                _column_name(rows, j),
                clip(field, 40),
            )


def _csv_cell(value: str) -> object:
    if len(value) > MAX_CELL_CHARS:
        return value  # parse_rows refuses it with the row and column named
    literal = excel_error_literal(value)
    return CellError(literal) if literal else value


# ---------------------------------------------------------------- xlsx: what the zip really holds

_CELL_REF = re.compile(rb'<c\b[^>]*?\sr="([A-Z]{1,4})(\d{1,8})"')
_FORMULA_OR_ERROR = re.compile(rb'<f[\s>/]|<c\b[^>]*?\st="e"')
_LONG_TEXT = re.compile(rb">[^<]{%d,}" % (MAX_CELL_CHARS * 4))
_ATTR_R = re.compile(rb'\sr="([A-Z]{1,4})(\d{1,8})"')
_ATTR_T = re.compile(rb'\st="(\w+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


class _SheetScan:
    """Where a worksheet's cells really are, and which cells hold a formula without value or an error."""

    def __init__(self) -> None:
        self.max_row = 0
        self.max_col = 0
        self.max_ref = b""
        self.cells = 0
        self.errors: dict[tuple[int, int], CellError] = {}

    def feed(self, part: bytes) -> None:
        for letters, digits in set(_CELL_REF.findall(part)):
            col, row = _col_number(letters), int(digits)
            if col > self.max_col or row > self.max_row:
                self.max_ref = letters + digits
            self.max_col, self.max_row = max(self.max_col, col), max(self.max_row, row)
        self.cells += part.count(b"<c ") + part.count(b"<c>")
        for m in _FORMULA_OR_ERROR.finditer(part):
            start = part.rfind(b"<c ", 0, m.start() + 3)
            end = part.find(b"</c>", m.start())
            if start < 0 or end < 0:
                continue
            self._cell(part[start : end + 4])

    def _cell(self, xml: bytes) -> None:
        tag_end = xml.find(b">")
        tag = xml[: tag_end + 1]
        ref = _ATTR_R.search(tag)
        if ref is None:
            return
        position = (int(ref[2]) - 1, _col_number(ref[1]) - 1)
        kind = _ATTR_T.search(tag)
        value = _VALUE.search(xml)
        if kind is not None and kind[1] == b"e":
            text = value[1].decode("utf-8", "replace") if value else "#N/A"
            self.errors[position] = CellError(text or "#N/A")
        elif b"<f" in xml and value is None and not (kind is not None and kind[1] == b"str" and b"<v" in xml):
            self.errors[position] = CellError("")


def _stream_parts(stream, cut_at: bytes, what: Phrase):
    """The entry's bytes in pieces ending on ``cut_at``; a piece longer than a row may be is refused."""
    leftover = b""
    while True:
        chunk = stream.read(1 << 22)
        buffer = leftover + chunk
        if not chunk:
            if buffer:
                yield buffer
            return
        cut = buffer.rfind(cut_at)
        if cut < 0:
            if len(buffer) > MAX_XML_ROW_BYTES:
                raise ImportRejected("file.xml_row_too_big", what=what, limit=MAX_XML_ROW_BYTES >> 20)
            leftover = buffer
            continue
        cut += len(cut_at)
        yield buffer[:cut]
        leftover = buffer[cut:]


def _check_long_text(part: bytes, what: Phrase) -> None:
    if _LONG_TEXT.search(part):
        raise ImportRejected("file.xml_cell_too_long", what=what, limit=MAX_CELL_CHARS)


def _sheet_paths(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet XML path inside the zip, from workbook.xml and its relationships."""
    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        for name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            if book.getinfo(name).file_size > (16 << 20):
                raise ImportRejected("file.part_too_big", name=name)
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    out = {}
    for sheet in workbook.iter(f"{ns_main}sheet"):
        target = targets.get(sheet.get(f"{ns_rel}id"), "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        out[sheet.get("name", "")] = target
    return out


def inspect_workbook_zip(path: Path) -> dict[str, dict[tuple[int, int], CellError]]:
    """Refuse a zip bomb or a crafted sheet before any reader unpacks it; the cells that must not read
    as blanks (formula without value, error values), by sheet name and (row, column) 0-based."""
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRejected("import.not_xlsx", detail=clip(exc, 80)) from exc
    with book:
        infos = book.infolist()
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise ImportRejected("import.zip_too_big", size=total >> 20, limit=MAX_UNCOMPRESSED >> 20)
        for i in infos:
            if i.file_size > BOMB_MIN_BYTES and i.file_size > BOMB_RATIO * max(1, i.compress_size):
                raise ImportRejected(
                    "import.zip_bomb",
                    member=clip(i.filename, 40),
                    packed=i.compress_size >> 10,
                    unpacked=i.file_size >> 20,
                )
        if path.suffix.lower() == ".ods":
            return {}
        found: dict[str, dict[tuple[int, int], CellError]] = {}
        try:
            for name, member in _sheet_paths(book).items():
                if member not in book.namelist():
                    continue
                scan = _SheetScan()
                what = Phrase("file.sheet", sheet=clip(name, 30))
                with book.open(member) as stream:
                    for part in _stream_parts(stream, b"</row>", what):
                        _check_long_text(part, what)
                        scan.feed(part)
                area = scan.max_row * scan.max_col
                if area > SPARSE_AREA and area > 4 * max(1, scan.cells):
                    raise ImportRejected(
                        "file.sparse_cell",
                        what=what,
                        ref=scan.max_ref.decode(),
                        rows=scan.max_row,
                        columns=scan.max_col,
                        area=f"{area:,}",
                        cells=f"{scan.cells:,}",
                    )
                found[name] = scan.errors
            if "xl/sharedStrings.xml" in book.namelist():
                with book.open("xl/sharedStrings.xml") as stream:
                    strings = Phrase("file.shared_strings")
                    for part in _stream_parts(stream, b"</si>", strings):
                        _check_long_text(part, strings)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
            raise ImportRejected("import.damaged", detail=clip(exc, 80)) from exc
        except Exception as exc:  # noqa: BLE001 - zlib.error and friends from a crafted entry
            if isinstance(exc, ImportRejected):
                raise
            raise ImportRejected("import.damaged", detail=clip(exc, 80)) from exc
    return found


# ---------------------------------------------------------------- xls: what the BIFF records hold

_XLS_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}
_BIFF_CELLS = {
    0x0006,
    0x0203,
    0x0204,
    0x0205,
    0x027E,
    0x00FD,
    0x00D6,
}  # FORMULA NUMBER LABEL BOOLERR RK LABELSST RSTRING
_BIFF_MULRK = 0x00BD


def _xls_stream(path: Path) -> bytes:
    """The Workbook stream of a legacy .xls (an OLE2 compound file)."""
    from xlrd import compdoc

    data = path.read_bytes()
    if data[:8] != compdoc.SIGNATURE:
        head = data[:512].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").lower()
        if head.startswith((b"<", b"<\x00")):
            raise ImportRejected("import.xls_is_html")
        raise ImportRejected("import.xls_not_excel")
    try:
        doc = compdoc.CompDoc(data, logfile=io.StringIO())
        for name in ("Workbook", "Book"):
            mem, base, size = doc.locate_named_stream(name)
            if mem is not None:
                return bytes(mem[base : base + size])
    except compdoc.CompDocError as exc:
        raise ImportRejected("import.damaged", detail=clip(exc, 80)) from exc
    raise ImportRejected("import.xls_no_workbook")


def _biff_records(stream: bytes, start: int):
    pos, end = start, len(stream)
    while pos + 4 <= end:
        rid = int.from_bytes(stream[pos : pos + 2], "little")
        size = int.from_bytes(stream[pos + 2 : pos + 4], "little")
        yield rid, stream[pos + 4 : pos + 4 + size]
        pos += 4 + size


def _biff_sheets(stream: bytes) -> list[tuple[str, int]]:
    """(name, offset of its BOF) of every worksheet, from the BOUNDSHEET records of the globals."""
    sheets = []
    biff8 = True
    for rid, data in _biff_records(stream, 0):
        if rid == 0x0809 and len(data) >= 2:
            biff8 = int.from_bytes(data[:2], "little") >= 0x0600
        elif rid == 0x0085 and len(data) >= 8:
            offset, kind, cch = int.from_bytes(data[:4], "little"), data[5], data[6]
            if biff8:
                wide = data[7] & 1
                raw = data[8 : 8 + cch * (2 if wide else 1)]
                name = raw.decode("utf-16-le" if wide else "latin-1", "replace")
            else:
                name = data[7 : 7 + cch].decode("gbk", "replace")
            if kind == 0:
                sheets.append((name, offset))
        elif rid == 0x000A:  # EOF of the globals
            break
    return sheets


def inspect_xls(path: Path) -> dict[str, dict[tuple[int, int], CellError]]:
    """What ``inspect_workbook_zip`` does for .xlsx, for a legacy .xls: every cell record is located
    before calamine lays the sheet out densely (one cell at IV65536 would mean 16.8 million cells and
    a gigabyte), and error values and formulas without a computed value come out as ``CellError``."""
    stream = _xls_stream(path)
    found: dict[str, dict[tuple[int, int], CellError]] = {}
    for name, offset in _biff_sheets(stream):
        errors: dict[tuple[int, int], CellError] = {}
        max_row = max_col = cells = 0
        far = (0, 0)
        for rid, data in _biff_records(stream, offset):
            if rid == 0x000A:
                break
            if rid in _BIFF_CELLS and len(data) >= 6:
                row, col = int.from_bytes(data[:2], "little"), int.from_bytes(data[2:4], "little")
                last = col
                cells += 1
                if rid == 0x0205 and len(data) >= 8 and data[7] == 1:
                    errors[(row, col)] = CellError(_XLS_ERRORS.get(data[6], "#N/A"))
                elif rid == 0x0006 and len(data) >= 14 and data[12:14] == b"\xff\xff":
                    if data[6] == 2:
                        errors[(row, col)] = CellError(_XLS_ERRORS.get(data[8], "#N/A"))
                    elif data[6] == 3:
                        # an empty result: what a writer that never calculates leaves behind
                        errors[(row, col)] = CellError("")
            elif rid == _BIFF_MULRK and len(data) >= 6:
                row, col = int.from_bytes(data[:2], "little"), int.from_bytes(data[2:4], "little")
                last = int.from_bytes(data[-2:], "little")
                cells += max(1, last - col + 1)
            else:
                continue
            if row + 1 > max_row or last + 1 > max_col:
                far = (row, last)
            max_row, max_col = max(max_row, row + 1), max(max_col, last + 1)
        area = max_row * max_col
        if area > SPARSE_AREA and area > 4 * max(1, cells):
            ref = f"{column_letter(far[1])}{far[0] + 1}"
            raise ImportRejected(
                "file.sparse_cell",
                what=Phrase("file.sheet", sheet=clip(name, 30)),
                ref=ref,
                rows=max_row,
                columns=max_col,
                area=f"{area:,}",
                cells=f"{cells:,}",
            )
        found[name] = errors
    return found


# ---------------------------------------------------------------- excel


def _laid_out_area(sheet) -> int:
    """How many cells ``to_python(skip_empty_area=False)`` would lay out: from A1 to the last cell."""
    start = sheet.start or (0, 0)
    return (start[0] + sheet.height) * (start[1] + sheet.width)


def _mark_errors(rows: list[list[object]], errors: dict[tuple[int, int], CellError]) -> None:
    for (r, c), error in errors.items():
        if r >= len(rows):
            rows.extend([] for _ in range(r + 1 - len(rows)))
        row = rows[r]
        if c >= len(row):
            row.extend([None] * (c + 1 - len(row)))
        row[c] = error


def read_excel(path: Path) -> list[RawSheet]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportRejected("import.too_big", size=size >> 20, limit=MAX_FILE_BYTES >> 20)
    suffix = path.suffix.lower()
    errors: dict[str, dict[tuple[int, int], CellError]] = {}
    budget = size  # bytes that can really hold cells
    if suffix in ZIP_SUFFIXES or zipfile.is_zipfile(path):
        errors = inspect_workbook_zip(path)
        with zipfile.ZipFile(path) as z:
            budget = sum(i.file_size for i in z.infolist())
    elif suffix == ".xls":
        errors = inspect_xls(path)
    try:
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            area = _laid_out_area(sheet)
            # no format stores a real cell in fewer than about 8 bytes
            if area > SPARSE_AREA and area > budget // 2:
                raise ImportRejected(
                    "file.declared_area", sheet=clip(name, 30), area=f"{area:,}", size=budget >> 10
                )
            rows = sheet.to_python(skip_empty_area=False)
            _mark_errors(rows, errors.get(name, {}))
            sheets.append(RawSheet(name, rows))
        return sheets
    except ImportRejected:
        raise
    except Exception as calamine_error:  # noqa: BLE001 - fall back, then report both
        if suffix not in {".xlsx", ".xlsm"}:
            raise ImportRejected(
                "file.excel_unreadable", detail=clip(calamine_error, 120)
            ) from calamine_error
        try:
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            sheets = []
            for ws in book.worksheets:
                rows = [list(r) for r in ws.iter_rows(values_only=True)]
                _mark_errors(rows, errors.get(ws.title, {}))
                sheets.append(RawSheet(ws.title, rows))
            return sheets
        except Exception as exc:  # noqa: BLE001
            raise ImportRejected("import.unreadable_excel", detail=clip(exc, 120)) from exc


def read_file(path: Path) -> list[RawSheet]:
    """Every sheet of a file as raw rows."""
    if not path.exists():
        raise ImportRejected("import.no_file", path=path)
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return read_excel(path)
    if suffix in {".csv", ".txt", ".tsv"}:
        return read_csv(path)
    raise ImportRejected("import.file_type", suffix=suffix)
