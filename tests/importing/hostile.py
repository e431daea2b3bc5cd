"""Hostile files built in the tests: crafted workbooks, zip bombs, stray quotes, error cells."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from tests.importing.conftest import case_rows, write_xlsx


def rewrite_sheet(path: Path, edit) -> Path:
    """The workbook at ``path`` with its first worksheet's XML passed through ``edit``."""
    source = zipfile.ZipFile(path)
    entries = [(i, source.read(i.filename)) for i in source.infolist()]
    source.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            out.writestr(info.filename, data)
    return path


def with_far_cell(path: Path, ref: str) -> Path:
    """A good export plus one cell at ``ref`` (XFD1048576: the last cell Excel has)."""
    book = openpyxl.Workbook()
    ws = book.active
    for r in case_rows():
        ws.append(r)
    ws[ref] = "x"
    book.save(path)
    return path


def with_error_cells(path: Path, cells: dict[str, str]) -> Path:
    """A good export whose cells (e.g. {"J2": "#DIV/0!", "K3": ""}) hold an Excel error value, or,
    for "", a formula Excel never computed (no cached value, as written by a script)."""
    write_xlsx(path, case_rows())

    def edit(xml: bytes) -> bytes:
        for ref, error in cells.items():
            cell = re.compile(rb'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref.encode())
            if error:
                new = b'<c r="%s" t="e"><f>1/0</f><v>%s</v></c>' % (ref.encode(), error.encode())
            else:
                new = b'<c r="%s"><f>SUM(A1:A2)</f><v /></c>' % ref.encode()
            xml, n = cell.subn(new, xml, count=1)
            assert n == 1, ref
        return xml

    return rewrite_sheet(path, edit)


def zip_bomb(path: Path, megabytes: int = 300) -> Path:
    """A small .xlsx whose shared string unpacks to ``megabytes`` MB of one letter."""
    write_xlsx(path, case_rows())
    source = zipfile.ZipFile(path)
    entries = [(i.filename, source.read(i.filename)) for i in source.infolist()]
    source.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name, data in entries:
            if name == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"</sheetData>", b'<row r="9"><c r="C9" t="s"><v>0</v></c></row></sheetData>'
                )
            elif name == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            out.writestr(name, data)
        with out.open("xl/sharedStrings.xml", "w") as f:
            f.write(
                b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
            )
            block = b"A" * (1 << 20)
            for _ in range(megabytes):
                f.write(block)
            f.write(b"</t></si></sst>")
    return path


def csv_text(rows: list[list[object]]) -> str:
    return "\r\n".join(",".join("" if c is None else str(c) for c in r) for r in rows) + "\r\n"
