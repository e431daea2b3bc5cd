"""Issue 25: the long-pending alert PDF lists exactly the rows the csv lists, for ``--judge``,
``--division`` and a restricted login's own scope (it used to print the whole court's list)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
from click.testing import CliRunner
from pypdf import PdfReader

from workload_app.cli import cli
from workload_app.services import pending
from workload_app.storage import backups

AT = dt.date(2025, 12, 31)


def _pdf_text(path: Path) -> str:
    return re.sub(r"\s", "", "".join(p.extract_text() for p in PdfReader(path).pages))


def _both(path: Path, tmp_path: Path, args: list[str], env: dict | None = None) -> tuple[list[str], str]:
    """The csv's case numbers and the PDF's text for the same options."""
    runner = CliRunner()
    user = ["--user", "faguan"] if env else []
    common = ["--db", str(path), *user, "pending", "--at", AT.isoformat(), *args]
    csv = runner.invoke(cli, [*common, "--out", str(tmp_path / "p.csv")], env=env)
    assert csv.exit_code == 0, csv.output
    pdf = runner.invoke(cli, [*common, "--out", str(tmp_path / "p.pdf")], env=env)
    assert pdf.exit_code == 0, pdf.output
    rows = pd.read_csv(tmp_path / "p.csv", dtype=str)["case_number"].tolist()
    return rows, _pdf_text(tmp_path / "p.pdf")


def test_the_pending_pdf_lists_exactly_the_csv_rows_in_every_scope(demo_db, tmp_path):
    court = pending.pending_cases(demo_db, AT, 12)
    everyone = court["case_number"].tolist()
    by_judge = court["judge"].value_counts()
    judge = by_judge.index[0]
    own_division = court.loc[court["judge"] == judge, "division"].iloc[0]
    other_division = next(d for d in court["division"].dropna().unique() if d != own_division)
    path = backups.database_path(demo_db)
    demo_db.conn.close()
    scopes = {
        "judge": ["--judge", judge],
        "division": ["--division", other_division],
        "both": ["--division", own_division, "--judge", judge],
    }
    seen = {}
    for name, args in scopes.items():
        rows, text = _both(path, tmp_path, args)
        listed = sorted(n for n in everyone if n in text)
        assert listed == sorted(rows), name  # the same cases, no more, no fewer
        assert f"仍未结的案件{len(rows)}件" in text
        assert 0 < len(rows) < len(everyone), name  # a real part of the court's list
        seen[name] = rows
    assert sorted(seen["judge"]) == sorted(court.loc[court["judge"] == judge, "case_number"])
    assert sorted(seen["division"]) == sorted(court.loc[court["division"] == other_division, "case_number"])
    assert f"（{other_division}）" in _both(path, tmp_path, scopes["division"])[1]

    # a judge's own login, no option: the login's scope, in both files
    rows, text = _both(path, tmp_path, [], env={"WORKLOAD_PASSWORD": "demo2025"})
    listed = sorted(n for n in everyone if n in text)
    assert listed == sorted(rows) and f"仍未结的案件{len(rows)}件" in text
    assert len(rows) < len(everyone)
