"""Issue 30.15: the exports open cleanly in a real office suite: each is converted with LibreOffice
headless (Debian: ``apt-get install -y libreoffice-calc-nogui``) to CSV, which LibreOffice writes
as the cells are *shown*, and the values are compared with the program's own. Skipped only where
``soffice`` is absent."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pandas as pd
import pytest
from click.testing import CliRunner

from workload_app.cli import cli

pytestmark = [
    pytest.mark.gui,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]


def _as_libreoffice_shows(xlsx, tmp_path) -> list[list[str]]:
    out = tmp_path / "lo"
    out.mkdir(exist_ok=True)
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(xlsx)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with (out / (xlsx.stem + ".csv")).open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@pytest.fixture
def court(demo_file, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    return path


def test_tally_for_people_opens_with_the_programs_values(court, tmp_path):
    from tests.conftest import open_as_operator
    from workload_app.services.exports import tally_table, tally_table_for_people

    out = tmp_path / "tally.xlsx"
    r = CliRunner().invoke(
        cli, ["--db", str(court), "export", "tally", "--year", "2025", "--headers", "zh", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    rows = _as_libreoffice_shows(out, tmp_path)
    db = open_as_operator(court)
    ours = tally_table_for_people(tally_table(db, 2025)).reset_index(drop=True)
    db.conn.close()
    assert rows[0] == list(ours.columns)
    assert len(rows) - 1 == len(ours)
    for i, shown in enumerate(rows[1:]):
        for column, cell in zip(ours.columns, shown, strict=True):
            value = ours.at[i, column]
            if pd.isna(value):
                assert cell == ""
            elif isinstance(value, str):
                assert cell == value
            else:  # a number: a number in the sheet, equal to the program's at its precision
                assert float(cell) == pytest.approx(float(value), abs=1e-9), (column, cell, value)


def test_a_window_table_opens_with_numbers_and_dates(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from workload_app.ui.dataframe_model import DataFrameModel
    from workload_app.ui.excel import ExcelButton

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    frame = pd.DataFrame(
        {
            "案号": ["(2025)渝0106民初1号", "=1+1"],
            "标准案件": [0.04000000000000001, 1.2345678],
            "结案日期": ["2025-03-05", "2025-12-31"],
            "完成率%": [99.95, 12.34],
        }
    )
    model = DataFrameModel(frame, decimals={"标准案件": 4, "完成率%": 1})
    button = ExcelButton(model, lambda: "案件")
    qtbot.addWidget(button)
    rows = _as_libreoffice_shows(button.export(str(tmp_path / "table")), tmp_path)
    assert rows == [
        ["案号", "标准案件", "结案日期", "完成率%"],
        ["(2025)渝0106民初1号", "0.0400", "2025-03-05", "100.0"],
        ["=1+1", "1.2346", "2025-12-31", "12.3"],
    ]
