"""Issue 16.6: every action's ``Changes.summary`` is a frozen dataclass read by attribute (no dict
read by string keys); what the CLI prints from them is unchanged."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.importing.conftest import ROSTER, case_rows, write_xlsx
from workload_app.cli import cli
from workload_app.core.standard import OUTLIER
from workload_app.services import imports, parameters, pending, queries, quotas, roster
from workload_app.services import standard_cases as S
from workload_app.services.changes import Changes, Summary

ROOT = Path(__file__).resolve().parents[2]


def test_no_summary_is_read_by_string_key():
    """The summaries are read by attribute everywhere; ``info.summary(db)`` (a plain read) aside."""
    found = []
    for path in (ROOT / "workload_app").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"summary(\[|\.get\()", line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []


def _frozen(changes: Changes) -> Summary:
    s = changes.summary
    assert isinstance(s, Summary) and dataclasses.is_dataclass(s)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.__setattr__(dataclasses.fields(s)[0].name, None)
    return s


def test_the_services_summaries_by_value(demo_db):
    db = demo_db
    closed = db.conn.execute("SELECT COUNT(*) FROM cases WHERE closed_on LIKE '2025-%'").fetchone()[0]
    version = db.conn.execute("SELECT MAX(version) FROM param_sets WHERE year = 2025").fetchone()[0]
    computed = _frozen(S.compute_year(db, 2025))
    # the held cases (page outliers; the demo has no case closed outside a time in post): credited to nobody
    held = int(((S.court_results(db, 2025)[0]["flags"] & OUTLIER) > 0).sum())
    assert held > 0
    assert computed == S.ComputeSummary(
        2025, closed, version, outside_post=0, held_pages=held, uncredited=held
    )

    before = imports.page_ceiling(db)
    assert _frozen(imports.set_page_ceiling(db, before + 1)) == imports.PageCeilingSummary(before, before + 1)

    plan = _frozen(quotas.plan_year(db, 2025, reason="测试"))
    stored = quotas.current_plan(db, 2025)
    assert plan.id == stored["id"] and plan.year == 2025 and plan.from_month == 1
    assert plan.plan["derivation"] == stored["derivation"]

    draft = _frozen(parameters.save_params(db, parameters.current_params(db, 2025)[0], "再存一版", "测试"))
    assert (draft.year, draft.version, draft.published, draft.reason) == (
        2025,
        version + 1,
        False,
        "再存一版",
    )
    assert _frozen(parameters.publish(db, 2025)) == parameters.PublishSummary(2025, version + 1)

    open_case, judge = db.conn.execute(
        "SELECT c.case_number, j.name FROM cases c JOIN judges j ON j.id = c.judge_id WHERE c.closed_on IS NULL"
    ).fetchone()
    assert _frozen(pending.record_reason(db, open_case, "鉴定")) == pending.PendingReasonSummary(
        open_case, "鉴定"
    )

    asked = _frozen(queries.ask(db, 2025, S.results(db, 2025)[0]["case_number"].iloc[0], "页数似乎录错"))
    answered = _frozen(queries.answer(db, asked.id, "已核对", "无"))
    assert (answered.id, answered.question, answered.answer, answered.correction) == (
        asked.id,
        "页数似乎录错",
        "已核对",
        "无",
    )
    assert asked.answer is None and answered.answered_at

    division = db.conn.execute("SELECT name FROM divisions ORDER BY id LIMIT 1").fetchone()[0]
    added = _frozen(roster.add_judge(db, "新法官", division, in_post_from="2025-01-01"))
    assert added == roster.JudgeSummary("新法官", division, "审判员", "trial", "2025-01-01", None)
    edited = _frozen(roster.edit_judge(db, "新法官", in_post_to="2025-12-31"))
    assert edited.changed == ("in_post_to",) and edited.in_post_to == "2025-12-31" and edited.post == "审判员"
    assert _frozen(roster.edit_judge(db, "新法官", in_post_to="2025-12-31")).changed == ()
    other = db.conn.execute("SELECT name FROM divisions WHERE name != ? LIMIT 1", (division,)).fetchone()[0]
    moved = _frozen(roster.transfer(db, "新法官", other, "2025-07-01"))
    assert moved == roster.TransferSummary("新法官", other, "2025-07-01")


def test_cli_prints_from_the_summaries_as_before(db, tmp_path):
    from workload_app.core.params import default_params

    path = str(tmp_path / "t.sqlite")
    parameters.save_params(db, default_params(2024, average_year=2024), "首年", "测试")
    db.conn.close()
    run = CliRunner()
    roster_file = write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册")
    out = run.invoke(cli, ["--db", path, "judges", "import", str(roster_file)], catch_exceptions=False)
    assert out.output.strip() == "名册已导入：新增 4，更新 0，未变 0"
    cases = write_xlsx(tmp_path / "结案.xlsx", case_rows(), title="结案案件")
    assert run.invoke(cli, ["--db", path, "import", str(cases)]).exit_code == 0
    toml = tmp_path / "参数.toml"
    assert (
        run.invoke(cli, ["--db", path, "params", "export", "--year", "2024", "--out", str(toml)]).exit_code
        == 0
    )
    out = run.invoke(cli, ["--db", path, "params", "import", str(toml)], catch_exceptions=False)
    assert out.output.strip() == "2024 年度参数已保存为第 1 版"
    out = run.invoke(cli, ["--db", path, "compute", "--year", "2024"], catch_exceptions=False)
    assert out.output.strip() == "2024 年度：4 件已计算（参数第 1 版）"
    out = run.invoke(cli, ["--db", path, "params", "publish", "--year", "2024"], catch_exceptions=False)
    assert out.output.strip() == "2024 年度参数第 1 版已发布"
    batches = imports.import_history(_open(path))
    case_batch = next(b["id"] for b in batches if b["kind"] == "cases")
    roster_batch = next(b["id"] for b in batches if b["kind"] == "judges")
    out = run.invoke(cli, ["--db", path, "import", "undo", str(case_batch)], catch_exceptions=False)
    assert out.output.strip() == f"第 {case_batch} 批已撤销：删除 4 件，恢复 0 件"
    out = run.invoke(cli, ["--db", path, "import", "undo", str(roster_batch)], catch_exceptions=False)
    assert (
        out.output.strip()
        == f"第 {roster_batch} 批名册已撤销：删除新增法官 4 名，恢复 0 名，删除新增部门 3 个"
    )


def _open(path: str):
    from tests.conftest import open_as_operator

    return open_as_operator(Path(path))
