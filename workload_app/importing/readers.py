"""Reading exports into raw rows: .xlsx/.xls with python-calamine (openpyxl where calamine cannot),
.csv in UTF-8 (with or without BOM) or GBK/GB18030, detected rather than assumed.

Rows keep their position: ``rows[i]`` is the file's row ``i + 1`` as the user sees it in Excel.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import NamedTuple

from workload_app.core.problems import ImportRejected


class RawSheet(NamedTuple):
    name: str
    rows: list[list[object]]


EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (BOM or not) when it decodes, else GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            f"无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）：第 {exc.start} 字节附近"
        ) from exc


def read_csv(path: Path) -> list[RawSheet]:
    text, _encoding = decode_csv_bytes(path.read_bytes())
    if "\x00" in text:
        raise ImportRejected("文件含有二进制内容，不是 CSV 文本文件")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return [RawSheet(path.stem, rows)]


def read_excel(path: Path) -> list[RawSheet]:
    try:
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_path(str(path))
        return [
            RawSheet(name, book.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in book.sheet_names
        ]
    except Exception as calamine_error:  # noqa: BLE001 - fall back, then report both
        if path.suffix.lower() not in {".xlsx", ".xlsm"}:
            raise ImportRejected(f"无法读取 Excel 文件：{calamine_error}") from calamine_error
        try:
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            return [
                RawSheet(ws.title, [list(r) for r in ws.iter_rows(values_only=True)])
                for ws in book.worksheets
            ]
        except Exception as exc:  # noqa: BLE001
            raise ImportRejected(f"无法读取 Excel 文件（文件可能已损坏或不是 Excel 格式）：{exc}") from exc


def read_file(path: Path) -> list[RawSheet]:
    """Every sheet of a file as raw rows."""
    if not path.exists():
        raise ImportRejected(f"找不到文件「{path}」")
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return read_excel(path)
    if suffix in {".csv", ".txt", ".tsv"}:
        return read_csv(path)
    raise ImportRejected(f"不支持的文件类型「{suffix}」：请使用 .xlsx、.xls 或 .csv")
