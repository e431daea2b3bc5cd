"""A judge's account sees only that judge's cases and figures, a division head's only the
division's — through every service, every CLI command and the window's views."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from tests.scoping_oracle import own_case_numbers
from workload_app.cli import cli
from workload_app.services import access, accounts, approvals, audit, demo, exports, imports, quotas
from workload_app.services import standard_cases as S
from workload_app.services.sheets import export_sheets
from workload_app.storage import repository as repo
from workload_app.storage import users as user_store


def _as_account(demo_db, store, request, login: str):
    """The demo account ``login`` logged in: on a file, on the demo's own handle; on the court
    server, on a handle of its own login role (the server's row-level security applies too), the
    year computed first by the 管理员 (a restricted login never computes). The 管理员's handle is
    kept as ``court`` for the oracle's court-wide reads."""
    if store != "server":
        user, _ = accounts.login(demo_db, login, demo.DEMO_PASSWORD)
        demo_db.court = demo_db
        return demo_db, user
    from tests.server_fixtures import login_handle

    S.compute_year(demo_db, 2025)
    handle = login_handle(request.getfixturevalue("pg_server"), demo_db, login, demo.DEMO_PASSWORD)
    request.addfinalizer(handle.conn.close)
    handle.court = demo_db
    user, _ = accounts.login(handle, login, demo.DEMO_PASSWORD)
    return handle, user


@pytest.fixture
def judge_db(demo_db, store, request):
    return _as_account(demo_db, store, request, "faguan")


def _others_cases(db, user) -> set[str]:
    """Case numbers where the judge is neither responsible nor on the panel (court-wide read)."""
    merged, _, _ = S.court_results(db.court, 2025)
    mine = merged["case_number"].isin(own_case_numbers(db.court, user.judge))
    return set(merged.loc[~mine, "case_number"])


def test_judge_sees_only_own_cases_through_every_read_service(judge_db):
    db, me = judge_db
    others = _others_cases(db, me)
    assert len(others) > 2000  # the court has plenty of other cases
    merged, _, _ = S.results(db, 2025)
    assert len(merged) > 0 and not set(merged["case_number"]) & others
    assert set(merged["judge"]) | {m for p in merged["panel"] for m in str(p).split("、")} >= {me.judge}
    assert not set(exports.case_table(db, 2025)["case_number"]) & others
    assert not set(approvals.awaiting(db, 2025)["case_number"]) & others
    for table in (
        S.tally(db, 2025),
        S.monthly_credit(db, 2025),
        quotas.assessment(db, 2025, 6),
        exports.tally_table(db, 2025),
    ):
        assert set(table["judge"]) == {me.judge}
    plan = quotas.current_plan(db, 2025)
    assert {j["judge"] for j in plan["judges"]} == {me.judge}
    assert {m["judge"] for m in plan["months"]} == {me.judge}
    assert all({j["judge"] for j in p["judges"]} == {me.judge} for p in quotas.plan_versions(db, 2025))
    assert quotas.division_assessment(db, 2025, 6).empty


@pytest.mark.sqlite_only  # publishes parameters on the judge's handle; ranks on the server: tests/server
def test_judge_figures_still_ranked_against_the_whole_court(judge_db):
    from dataclasses import replace

    import pandas as pd

    from workload_app.services.parameters import current_params, save_params

    db, me = judge_db
    hidden = quotas.assessment(db, 2025, 6).iloc[0]  # ranks are not published by default
    assert pd.isna(hidden["rank_court"]) and pd.isna(hidden["rank_division"])
    access.bind_local_operator(db)
    params, _ = current_params(db, 2025)
    save_params(
        db,
        replace(params, assessment=replace(params.assessment, publish_ranks=True)),
        "公布排名",
        publish=True,
    )
    court = quotas.assessment(db, 2025, 6).set_index("judge").loc[me.judge]
    access.bind(db, me)
    mine = quotas.assessment(db, 2025, 6).iloc[0]
    assert (mine["sc"], mine["rank_court"], mine["rank_division"]) == (
        court["sc"],
        court["rank_court"],
        court["rank_division"],
    )


def test_judge_cannot_do_what_is_not_theirs(judge_db, tmp_path):
    db, me = judge_db
    for call in (
        lambda: quotas.balance(db, 2025, 6),
        lambda: quotas.transfers(db, 2025, 6),
        lambda: quotas.plan_year(db, 2025),
        lambda: imports.import_history(db),
        lambda: imports.undo_import(db, 1),
        lambda: audit.log(db),
        lambda: accounts.list_users(db),
        lambda: export_sheets(db, 2025, 6, "court", tmp_path),
        lambda: export_sheets(db, 2025, 6, "division", tmp_path),
    ):
        with pytest.raises(access.AccessDenied):
            call()
    other = next(iter(set(repo.judge_ids(db)) - {me.judge}))
    with pytest.raises(access.AccessDenied, match="无权查看法官"):
        export_sheets(db, 2025, 6, "judge", tmp_path, judge=other)
    paths = export_sheets(db, 2025, 6, "judge", tmp_path, everyone=True, workers=1)
    assert [p.name for p in paths] == [f"2025年1-6月_{me.division}_{me.judge}.pdf"]


def test_division_head_sees_the_division(demo_db, store, request):
    demo_db, head = _as_account(demo_db, store, request, "tingzhang")
    merged, _, _ = S.results(demo_db, 2025)
    in_division = merged["division"] == head.division
    own = merged["case_number"].isin(own_case_numbers(demo_db.court, head.judge))
    assert in_division.sum() > 100 and (in_division | own).all()
    assert set(quotas.assessment(demo_db, 2025, 6)["division"]) == {head.division}
    assert set(quotas.division_assessment(demo_db, 2025, 6)["division"]) == {head.division}
    for t in quotas.transfers(demo_db, 2025, 6):
        assert head.division in (t.from_division, t.to_division)


@pytest.mark.sqlite_only  # the CLI on a file path; the CLI on the server: tests/services/test_cli_server.py
def test_cli_user_is_scoped(demo_db, monkeypatch, tmp_path):
    import pandas as pd

    path = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    me = user_store.user_by_login(demo_db, "faguan")
    merged, _, _ = S.court_results(demo_db, 2025)
    own = set(merged["case_number"]) & own_case_numbers(demo_db, me["judge"])
    demo_db.conn.close()
    monkeypatch.setenv("WORKLOAD_PASSWORD", demo.DEMO_PASSWORD)
    runner = CliRunner()
    out = tmp_path / "cases.csv"
    r = runner.invoke(
        cli, ["--db", path, "--user", "faguan", "export", "cases", "--year", "2025", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert set(pd.read_csv(out)["case_number"]) == own
    out = tmp_path / "tally.csv"
    r = runner.invoke(
        cli, ["--db", path, "--user", "faguan", "export", "tally", "--year", "2025", "--out", str(out)]
    )
    assert list(pd.read_csv(out)["judge"]) == [me["judge"]]
    r = runner.invoke(cli, ["--db", path, "--user", "faguan", "quota", "plan", "--year", "2025"])
    assert r.exit_code == 1 and "无权下达年度任务" in r.output
    r = runner.invoke(cli, ["--db", path, "--user", "faguan", "audit", "show"])
    assert r.exit_code == 1 and "无权查看审计日志" in r.output
    monkeypatch.setenv("WORKLOAD_PASSWORD", "wrong")
    r = runner.invoke(cli, ["--db", path, "--user", "faguan", "info"])
    assert r.exit_code == 1 and "登录名或密码不正确" in r.output


@pytest.mark.sqlite_only  # the CLI on a file path; the CLI on the server: tests/services/test_cli_server.py
def test_cli_first_password_must_be_changed(demo_db, monkeypatch):
    path = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    accounts.reset_password(demo_db, "faguan", "Temp12345")
    demo_db.conn.close()
    runner = CliRunner()
    env = {"WORKLOAD_PASSWORD": "Temp12345"}
    r = runner.invoke(cli, ["--db", path, "--user", "faguan", "info"], env=env)
    assert r.exit_code == 1 and "须先修改密码" in r.output
    r = runner.invoke(
        cli, ["--db", path, "--user", "faguan", "passwd"], env={**env, "WORKLOAD_NEW_PASSWORD": "Mine2026x"}
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["--db", path, "--user", "faguan", "info"], env={"WORKLOAD_PASSWORD": "Mine2026x"})
    assert r.exit_code == 0, r.output
    assert os.environ.get("WORKLOAD_PASSWORD") is None
