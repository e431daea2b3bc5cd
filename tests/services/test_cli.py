"""The ``workload`` command end to end on the small demo court."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from click.testing import CliRunner

from workload_app.cli import cli
from workload_app.core.params import params_from_toml
from workload_app.core.standard import compute_averages, compute_standard_cases
from workload_app.storage import repository as repo


@pytest.fixture
def run(demo_db):
    path = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    demo_db.conn.close()

    def invoke(*args):
        return CliRunner().invoke(cli, ["--db", path, *args], catch_exceptions=False)

    return invoke, path


def test_info_counts_two_years(run):
    invoke, _ = run
    r = invoke("info")
    assert r.exit_code == 0
    assert "2024 年结案：3000 件" in r.output and "2025 年结案：3000 件" in r.output


def test_export_cases_equals_independent_computation(run, tmp_path):
    invoke, path = run
    out = tmp_path / "cases.csv"
    assert invoke("export", "cases", "--year", "2025", "--out", str(out)).exit_code == 0
    table = pd.read_csv(out)
    assert list(table.columns[:14]) == [
        "case_number",
        "judge",
        "division",
        "category",
        "type_code",
        "closed_on",
        "file_pages",
        "transcript_pages",
        "judgment_pages",
        "unit",
        "rule",
        "sc",
        "flags",
        "explanation",
    ]
    from tests.conftest import open_as_operator

    db = open_as_operator(path)
    params = params_from_toml(repo.current_param_set(db, 2025)["toml"])
    ref = repo.load_cases(db, closed_year=2024)
    cases = repo.load_cases(db, closed_year=2025)
    expected = compute_standard_cases(cases, params, compute_averages(ref, params))
    merged = table.merge(cases[["case_id", "case_number"]], on="case_number").merge(expected, on="case_id")
    assert len(merged) == 3000
    assert ((merged["sc_x"] - merged["sc_y"]).abs().fillna(0) < 1e-12).all()
    assert (merged["sc_x"].isna() == merged["sc_y"].isna()).all()


def test_tally_sums_to_case_totals(run, tmp_path):
    invoke, _ = run
    cases_csv, tally_csv = tmp_path / "c.csv", tmp_path / "t.csv"
    invoke("export", "cases", "--year", "2025", "--out", str(cases_csv))
    invoke("export", "tally", "--year", "2025", "--out", str(tally_csv))
    cases, tally = pd.read_csv(cases_csv), pd.read_csv(tally_csv)
    by_unit = cases.groupby("unit")["sc"].sum()
    assert tally["sc_trial"].sum() == pytest.approx(by_unit["trial"])
    assert tally["sc_enforcement"].sum() == pytest.approx(by_unit["enforcement"])
    assert tally["cases"].sum() == len(cases)


def test_params_round_trip_and_errors(run, tmp_path):
    invoke, _ = run
    out = tmp_path / "p.toml"
    assert invoke("params", "export", "--year", "2025", "--out", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert params_from_toml(text).year == 2025
    changed = tmp_path / "changed.toml"
    changed.write_text(text.replace("judgment = 0.6", "judgment = 0.5"), encoding="utf-8")
    r = CliRunner().invoke(cli, ["--db", run[1], "params", "import", str(changed)])
    assert r.exit_code == 1 and "trial.weights" in r.output
    # a published set changes only as a new version with a reason
    ok = tmp_path / "ok.toml"
    ok.write_text(text.replace("cap = 0.0", "cap = 5.0"), encoding="utf-8")
    r = invoke("params", "import", str(ok), "--reason", "防止卷宗注水")
    assert r.exit_code == 0 and "第 2 版" in r.output


def test_check_case_numbers(tmp_path):
    src = tmp_path / "numbers.txt"
    src.write_text("(2024)渝0106民初1234号\n(2015)沙法民三初字第00123号\n乱码\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["check-case-numbers", str(src)])
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [(x["year"], x["court"], x["type_code"], x["category"], x["instance"]) for x in rows[:2]] == [
        ("2024", "渝0106", "民初", "civil", "first"),
        ("2015", "沙法", "民初", "civil", "first"),
    ]
    assert rows[0]["error"] == "" and rows[2]["error"] != "" and rows[2]["type_code"] == ""


def test_error_is_one_line_on_stderr(tmp_path):
    r = CliRunner().invoke(cli, ["--db", str(tmp_path / "e.sqlite"), "compute", "--year", "2031"])
    assert r.exit_code == 1
    assert r.output.strip().startswith("错误：") and len(r.output.strip().splitlines()) == 1
