"""Exports carry no live formulas: every writer puts formula-like text in as text, numbers as numbers.

Each test writes a real file and reads it back (openpyxl for xlsx: ``data_type`` 's' is a string
cell, 'f' would be a live formula; the csv module for csv)."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from workload_app.cli import cli
from workload_app.core.problems import Problem
from workload_app.importing.report import write_reject_report
from workload_app.importing.safe_cells import is_formula_text, write_table
from workload_app.services import audit

PAYLOADS = ["=1+1", "+SUM(A1)", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']


def _xlsx_cells(path, sheet=None):
    book = load_workbook(path)
    ws = book[sheet] if sheet else book.worksheets[0]
    return [cell for row in ws.iter_rows() for cell in row]


def test_is_formula_text_only_for_text():
    assert all(is_formula_text(p) for p in PAYLOADS)
    assert not any(is_formula_text(v) for v in (-3.5, -1, 0, "民初", "1+1", " =1", None))


def test_write_table_xlsx_payloads_are_string_cells_numbers_stay_numbers(tmp_path):
    table = pd.DataFrame({"text": PAYLOADS, "n": [-3.5, -1, 0, 2, 3.25, None, 7]})
    path = write_table(table, tmp_path / "t.xlsx")
    cells = _xlsx_cells(path)
    by_value = {c.value: c for c in cells}
    for p in PAYLOADS:
        p = p.replace("\r", "\n")  # XML reads a carriage return back as a line feed
        assert by_value[p].data_type == "s", p  # the text, never a formula
    assert not any(c.data_type == "f" for c in cells)
    numbers = [c for c in cells if c.column == 2 and c.row > 1]
    assert [c.value for c in numbers] == [-3.5, -1, 0, 2, 3.25, None, 7]
    assert all(c.data_type == "n" for c in numbers)


def test_write_table_csv_prefixes_payloads_keeps_negative_numbers(tmp_path):
    table = pd.DataFrame({"text": PAYLOADS, "n": [-3.5, -1, 0, 2, 3.25, None, 7]})
    path = write_table(table, tmp_path / "t.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["text", "n"]
    assert [r[0] for r in rows[1:]] == ["'" + p for p in PAYLOADS]
    assert [r[1] for r in rows[1:]] == ["-3.5", "-1.0", "0.0", "2.0", "3.25", "", "7.0"]


@pytest.fixture
def hostile_demo(demo_db):
    """The demo court with a division and a judge named like formulas (as a roster could carry)."""
    with demo_db.conn:
        demo_db.conn.execute("UPDATE divisions SET name = '=1+1' WHERE id = (SELECT MIN(id) FROM divisions)")
        demo_db.conn.execute(
            "UPDATE judges SET name = '@SUM(1,2)' WHERE id = (SELECT MIN(id) FROM judges WHERE division_id ="
            " (SELECT MIN(id) FROM divisions))"
        )
    path = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    demo_db.conn.close()
    return path


@pytest.mark.parametrize("what", ["cases", "tally"])
def test_cli_exports_write_formula_names_as_text(hostile_demo, tmp_path, what):
    runner = CliRunner()
    xlsx, csv_path = tmp_path / f"{what}.xlsx", tmp_path / f"{what}.csv"
    for out in (xlsx, csv_path):
        r = runner.invoke(
            cli,
            ["--db", hostile_demo, "export", what, "--year", "2025", "--out", str(out)],
            catch_exceptions=False,
        )
        assert r.exit_code == 0, r.output
    cells = _xlsx_cells(xlsx)
    assert not any(c.data_type == "f" for c in cells)
    hostile = [c for c in cells if c.value in ("=1+1", "@SUM(1,2)")]
    assert {c.value for c in hostile} == {"=1+1", "@SUM(1,2)"}
    assert all(c.data_type == "s" for c in hostile)
    header = [c.value for c in cells if c.row == 1]
    sc_col = header.index("sc_trial" if what == "tally" else "sc") + 1
    assert all(c.data_type == "n" for c in cells if c.row > 1 and c.column == sc_col)
    with csv_path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert "'=1+1" in {r["division"] for r in rows}
    assert "'@SUM(1,2)" in {r["judge"] for r in rows}
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values())
    assert all(float(r["sc_trial" if what == "tally" else "sc"] or 0) >= 0 for r in rows)


def test_reject_report_writes_cell_values_as_text(tmp_path):
    problems = [Problem("bad", "页数不是数字", row=3, column="卷宗页数", value="=1+1", file="=evil.xlsx")]
    path = write_reject_report(
        tmp_path / "r.xlsx", problems, {3: ["+cmd", -5, "@x", "民初"]}, ["案号", "页数", "a", "b"]
    )
    listing = _xlsx_cells(path, "问题清单")
    rows = _xlsx_cells(path, "被拒绝的行")
    assert not any(c.data_type == "f" for c in [*listing, *rows])
    assert {c.value: c.data_type for c in listing if c.row == 2}["=1+1"] == "s"
    assert {c.value: c.data_type for c in listing if c.row == 2}["=evil.xlsx"] == "s"
    second = {c.column: c for c in rows if c.row == 2}
    assert (second[2].value, second[2].data_type) == ("+cmd", "s")
    assert (second[3].value, second[3].data_type) == (-5, "n")
    assert (second[4].value, second[4].data_type) == ("@x", "s")


def test_audit_export_writes_targets_as_text(db, tmp_path):
    audit.record(db, "compute", '=HYPERLINK("http://x","y")', after={"n": -1})
    audit.record(db, "compute", "-1+2", before={"x": 1})
    n = audit.export_xlsx(db, tmp_path / "a.xlsx")
    assert n == 2
    cells = _xlsx_cells(tmp_path / "a.xlsx", "审计日志")
    assert not any(c.data_type == "f" for c in cells)
    targets = {c.value: c.data_type for c in cells if c.value in ('=HYPERLINK("http://x","y")', "-1+2")}
    assert targets == {'=HYPERLINK("http://x","y")': "s", "-1+2": "s"}
    ids = [c for c in cells if c.column == 1 and c.row > 1]
    assert sorted(c.value for c in ids) == [1, 2] and all(c.data_type == "n" for c in ids)
