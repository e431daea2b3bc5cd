"""The audit trail: every mutating service writes a row, rows cannot be changed by the
application, and tampering with the file is caught by the hash chain."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

import workload_app.services as services_pkg
from tests.conftest import open_as_operator
from tests.importing.conftest import ROSTER, case_rows, write_xlsx
from workload_app.services import (
    access,
    accounts,
    approvals,
    audit,
    demo,
    imports,
    maintenance,
    parameters,
    queries,
    quotas,
    roster,
    slips,
)
from workload_app.services import review as R
from workload_app.services import standard_cases as S
from workload_app.storage import audit_trail
from workload_app.storage import users as user_store


def _count(db) -> int:
    return db.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


def _last_action(db) -> str:
    return db.conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]


def _actions_since(db, n: int) -> set[str]:
    return {r[0] for r in db.conn.execute("SELECT action FROM audit_log WHERE id > ?", (n,))}


# ---------------------------------------------------------------- every mutating service is audited


def _a_judge(db) -> tuple[str, str]:
    """The demo judge behind the 法官 account, and their division."""
    row = user_store.user_by_login(db, "faguan")
    return row["judge"], row["division"]


def _import(db, tmp_path):
    rows = case_rows()
    rows[1][1] = "(2024)渝0106民初99001号"  # closed in 2024: the number is of 2024
    rows[2][1] = "(2024)渝0106民初99002号"
    rows = [r for r in rows[:3]]
    for r in rows[1:]:
        r[3], r[4] = _a_judge(db)
    return imports.import_cases(db, write_xlsx(tmp_path / "补录.xlsx", rows), create_judges=True)


def _params_changed(db):
    params, _ = parameters.current_params(db, 2025)
    return replace(params, trial=replace(params.trial, trim_percent=params.trial.trim_percent + 1))


def _drive_undo(db, tmp_path):
    result = _import(db, tmp_path)
    n = _count(db)
    imports.undo_import(db, result.batch_id)
    return n


def _drive_login_fail(db, tmp_path):
    with pytest.raises(accounts.LoginFailed):
        accounts.login(db, "faguan", "wrong")


def _drive_change_password(db, tmp_path):
    accounts.login(db, "faguan", demo.DEMO_PASSWORD)
    n = _count(db)
    accounts.change_password(db, demo.DEMO_PASSWORD, "Another2026")
    return n


def _drive_demo(db, tmp_path):
    fresh = open_as_operator(tmp_path / "fresh.sqlite")
    demo.create_demo(fresh, seed=3, cases_per_year=300)
    assert "demo.create" in _actions_since(fresh, 0)
    return fresh


def _drive_publish(db, tmp_path):
    parameters.save_params(db, _params_changed(db), reason="试行修改")  # a new draft version
    n = _count(db)
    parameters.publish(db, 2025)
    return n


def _drive_replan(db, tmp_path):
    quotas.replan(db, 2025, 7, reason="年中调整")


def _drive_import_judges(db, tmp_path):
    roster = [r[:] for r in ROSTER]
    imports.import_judges(db, write_xlsx(tmp_path / "名册.xlsx", roster, sheet="名册"))


def _drive_pending_reason(db, tmp_path):
    import datetime as dt

    from workload_app.services import pending

    number = pending.pending_cases(db, dt.date(2025, 12, 31), 12)["case_number"].iloc[0]
    pending.record_reason(db, number, "鉴定", "司法鉴定中")


def _drive_import_appeals(db, tmp_path):
    from workload_app.services import quality

    number = db.conn.execute(
        "SELECT case_number FROM cases WHERE type_code = '民初' AND closed_on IS NOT NULL AND appeal_result IS NULL"
    ).fetchone()[0]
    quality.import_appeals(db, write_xlsx(tmp_path / "二审.xlsx", [["原审案号", "结果"], [number, "改判"]]))


def _drive_undo_roster(db, tmp_path):
    _drive_import_judges(db, tmp_path)
    batch = imports.import_history(db)[0]
    n = _count(db)
    imports.undo_import(db, batch["id"])
    return n


def _drive_backup(db, tmp_path):
    n = _count(db)
    maintenance.backup_now(db)
    return n


def _drive_answer(db, tmp_path):
    from workload_app.services import queries

    asked = queries.ask(db, 2025, S.results(db, 2025)[0]["case_number"].iloc[0], "页数似乎录错").summary
    queries.answer(db, asked.id, "已核对卷宗，页数无误")


def _grading_at(db, step: str) -> int:
    """The demo's 2025 grading brought to just before ``step``; the audit count then."""
    from workload_app.services import grade_notices, grades

    order = ["propose", "publish", "confirm", "notices", "request"]
    done = order[: order.index(step)] if step in order else order
    if "propose" in done:
        grades.propose(db, 2025)
    if "publish" in done:
        grades.publish(db, 2025)
    if "confirm" in done:
        grades.confirm(db, 2025)
    if "notices" in done:
        grade_notices.issue_notices(db, 2025)
    if "request" in done:
        grade_notices.request_review(db, 2025, _graded_judge(db), "请求复核")
    return _count(db)


def _graded_judge(db) -> str:
    from workload_app.services import grade_views

    return next(e.judge for e in grade_views.overview(db, 2025).entries if e.proposed == "称职")


def _drive_grades(step: str, call):
    def drive(db, tmp_path):
        before = _grading_at(db, step)
        call(db, _graded_judge(db) if step != "propose" else None)
        return before

    return drive


def _drive_scores(db, tmp_path):
    from dataclasses import replace

    params, _ = parameters.current_params(db, 2025)
    rules = replace(params.grading, dimension_weights=(("德", 0.2),))
    parameters.save_params(db, replace(params, grading=rules), "评分项", publish=True)
    before = _count(db)
    _grades().record_scores(db, 2025, _graded_judge_any(db), {"德": 88})
    return before


def _graded_judge_any(db) -> str:
    return S.court_tally(db, 2025)["judge"].iloc[0]


def _grades():
    from workload_app.services import grades as G

    return G


def _notices():
    from workload_app.services import grade_notices as N

    return N


# function (module.name) -> (driver, audit actions it must write)
DRIVERS = {
    "grades.open_year": (lambda db, t: _grades().open_year(db, 2025), {"grade.open"}),
    "grades.record_scores": (_drive_scores, {"grade.scores"}),
    "grades.propose": (
        _drive_grades("propose", lambda db, j: _grades().propose(db, 2025)),
        {"grade.propose"},
    ),
    "grades.record_summary": (
        _drive_grades("publish", lambda db, j: _grades().record_summary(db, 2025, j, "全年工作总结")),
        {"grade.summary"},
    ),
    "grades.record_opinion": (
        _drive_grades("publish", lambda db, j: _grades().record_opinion(db, 2025, j, "同意建议")),
        {"grade.opinion"},
    ),
    "grades.raise_cap": (
        _drive_grades("publish", lambda db, j: _grades().raise_cap(db, 2025, 0.25, "批准〔2026〕1号")),
        {"grade.cap"},
    ),
    "grades.set_grade": (
        _drive_grades("publish", lambda db, j: _grades().set_grade(db, 2025, j, "基本称职", "考委会决定")),
        {"grade.decide"},
    ),
    "grades.publish": (
        _drive_grades("publish", lambda db, j: _grades().publish(db, 2025)),
        {"grade.publish"},
    ),
    "grades.confirm": (
        _drive_grades("confirm", lambda db, j: _grades().confirm(db, 2025)),
        {"grade.confirm"},
    ),
    "grade_notices.issue_notices": (
        _drive_grades("notices", lambda db, j: _notices().issue_notices(db, 2025)),
        {"grade.notice"},
    ),
    "grade_notices.acknowledge": (
        _drive_grades("request", lambda db, j: _notices().acknowledge(db, 2025, j, "无异议")),
        {"grade.ack"},
    ),
    "grade_notices.request_review": (
        _drive_grades("request", lambda db, j: _notices().request_review(db, 2025, j, "请求复核")),
        {"grade.review_request"},
    ),
    "grade_notices.decide_review": (
        _drive_grades("end", lambda db, j: _notices().decide_review(db, 2025, j, "基本称职", "复核认定")),
        {"grade.review_decide"},
    ),
    "pending.record_reason": (_drive_pending_reason, {"pending.reason"}),
    "quality.import_appeals": (_drive_import_appeals, {"import.appeals"}),
    "standard_cases.compute_year": (lambda db, t: S.compute_year(db, 2025), {"compute"}),
    "standard_cases._compute_year": (lambda db, t: S._compute_year(db, 2025), {"compute"}),
    "roster_import._undo_roster": (_drive_undo_roster, {"import.undo"}),
    "maintenance.backup_now": (_drive_backup, {"backup.create"}),
    "parameters.save_params": (
        lambda db, t: parameters.save_params(db, _params_changed(db), reason="调整截尾比例"),
        {"params.save"},
    ),
    "parameters.publish": (_drive_publish, {"params.publish"}),
    "parameters.import_toml": (
        lambda db, t: parameters.import_toml(db, parameters.export_toml(db, 2025), reason="从文件导入"),
        {"params.save"},
    ),
    "imports.import_cases": (_import, {"import.cases"}),
    "case_rows.store_cases": (_import, {"import.cases"}),
    "imports.set_amount_ceiling": (
        lambda db, t: imports.set_amount_ceiling(db, 10**9),
        {"import.amount_ceiling"},
    ),
    "imports.undo_import": (_drive_undo, {"import.undo"}),
    "roster_import.import_judges": (_drive_import_judges, {"import.judges"}),
    "imports.save_profile": (
        lambda db, t: imports.save_profile(db, "某系统", {"承办人员": "judge"}),
        {"import.profile"},
    ),
    "imports.set_page_ceiling": (lambda db, t: imports.set_page_ceiling(db, 5000), {"import.page_ceiling"}),
    "quotas.plan_year": (lambda db, t: quotas.plan_year(db, 2025, reason="重新下达"), {"quota.plan"}),
    "quotas.replan": (_drive_replan, {"quota.replan"}),
    "quotas.override_quota": (
        lambda db, t: quotas.override_quota(db, 2025, _a_judge(db)[0], 80.0, "借调审管办半年"),
        {"quota.override"},
    ),
    "approvals.record_approval": (
        lambda db, t: approvals.record_approval(
            db, approvals.awaiting(db, 2025)["case_number"].iloc[0], True, "审批单 2025-17，监察员王某"
        ),
        {"case.approval"},
    ),
    "accounts.login": (lambda db, t: accounts.login(db, "renshi", demo.DEMO_PASSWORD), {"user.login"}),
    "court.set_court_settings": (
        lambda db, t: __import__("workload_app.services.court", fromlist=["x"]).set_court_settings(
            db, notice_prefix="渝0106法院"
        ),
        {"court.settings"},
    ),
    "accounts.change_password": (_drive_change_password, {"user.change_password"}),
    "accounts.create_user": (
        lambda db, t: accounts.create_user(db, "wang", access.PERSONNEL, "Wang12345"),
        {"user.create"},
    ),
    "slips.create_account": (
        lambda db, t: slips.create_account(
            db, "zhaoslip", access.PERSONNEL, "Zhao12345", t / "slip.pdf", t / "c.sqlite"
        ),
        {"user.create"},
    ),
    "accounts.update_user": (
        lambda db, t: accounts.update_user(db, "renshi", active=False),
        {"user.disable"},
    ),
    "accounts.reset_password": (
        lambda db, t: accounts.reset_password(db, "faguan", "Reset12345"),
        {"user.reset_password"},
    ),
    "demo.create_demo": (_drive_demo, {"demo.create"}),
    "demo.create_demo_accounts": (_drive_demo, {"user.create"}),
    "review.confirm": (
        lambda db, t: R.confirm(db, R.held_cases(db, 2025)["case_number"].iloc[0], "已核对卷宗"),
        {"review.confirm"},
    ),
    "review.correct": (
        lambda db, t: R.correct(
            db, R.held_cases(db, 2025)["case_number"].iloc[0], "录入错误", file_pages=120
        ),
        {"review.correct"},
    ),
    "maintenance.restore": (None, {"backup.restore"}),  # tested in test_backups with a real file swap
    # on the court server only: tests/server/test_setup.py (log-in) and test_move.py (the move's row)
    "accounts._server_login": (None, {"user.login"}),
    "server.move_from": (None, {"server.move"}),
    "queries.ask": (
        lambda db, t: queries.ask(db, 2025, S.results(db, 2025)[0]["case_number"].iloc[0], "页数似乎录错"),
        {"query.ask"},
    ),
    "queries.ask_about": (
        lambda db, t: queries.ask_about(db, 2025, queries.QUOTA, "任务偏高？", judge="王强"),
        {"query.ask"},
    ),
    "queries.answer": (_drive_answer, {"query.answer"}),
    "roster.add_judge": (
        lambda db, t: roster.add_judge(db, "新法官", "刑事审判庭", "审判员", "trial", "2025-03-01"),
        {"roster.add"},
    ),
    "roster.edit_judge": (lambda db, t: roster.edit_judge(db, "王强", post="副庭长"), {"roster.edit"}),
    "roster.transfer": (
        lambda db, t: roster.transfer(db, "王强", "民事审判第一庭", "2025-07-01"),
        {"roster.transfer"},
    ),
    "roster.create_roster_accounts": (
        lambda db, t: roster.create_roster_accounts(db, t / "slips.pdf"),
        {"user.create_roster"},
    ),
}
# writes only the audit row itself
# quality.keep_court_dates keeps a figure derived from the cases (the court's appeals date, for
# restricted logins on the server), as a computation keeps its averages: the writes that move it
# (case and appeals imports) are audited themselves.
NOT_MUTATING = {
    "audit.record",
    "quality.keep_court_dates",
    # the figures an action moves, brought up to date inside that action's transaction (its own
    # audit row covers them), and the one-off computation of a file opened without figures
    "figures.update",
    "figures.compute_missing",
    "session._compute_missing",
}


def _mutating_functions() -> set[str]:
    """Every service function whose body opens a transaction or calls another writing service."""
    found = set()
    for info in pkgutil.iter_modules(services_pkg.__path__):
        module = importlib.import_module(f"workload_app.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__:
                continue
            source = inspect.getsource(fn)
            if any(
                mark in source
                for mark in ("transaction(", "accounts.create_user(", "save_params(", "backups.restore(")
            ):
                found.add(f"{info.name}.{name}")
    return found


def test_every_mutating_service_has_a_driver():
    missing = _mutating_functions() - set(DRIVERS) - NOT_MUTATING
    assert not missing, f"mutating services without an audit test: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(k for k, v in DRIVERS.items() if v[0] is not None))
def test_mutating_service_writes_an_audit_row(name, demo_db, tmp_path, store):
    driver, expected = DRIVERS[name]
    if (
        store == "server" and name == "accounts.login"
    ):  # the server checked the password: the handle's own login
        from tests.server_fixtures import SUITE_ADMIN

        driver = lambda db, t: accounts.login(db, SUITE_ADMIN, "")  # noqa: E731
    if store == "server" and name == "accounts.change_password":
        pytest.skip(
            "a login role's own password change: tests/server/test_setup.py (audited, chain verified)"
        )
    if store == "server" and name == "maintenance.backup_now":
        from workload_app.core.problems import WorkloadError

        before = _count(demo_db)  # the court server's backups are IT's (pg_dump): refused, nothing written
        with pytest.raises(WorkloadError, match="pg_dump"):
            driver(demo_db, tmp_path)
        assert _count(demo_db) == before
        return
    before = _count(demo_db)
    out = driver(demo_db, tmp_path)
    db = demo_db
    if isinstance(out, int):  # the driver did some preparing writes first
        before = out
    elif out is not None and hasattr(out, "conn"):
        db, before = out, 0
    written = _actions_since(db, before)
    assert expected <= written, f"{name} wrote {written}"
    n, problem = audit.verify(db)
    assert problem is None and n == _count(db)


@pytest.mark.sqlite_only  # logs in as the demo's accounts on one handle; server logins: tests/server
def test_audit_row_names_who_and_keeps_before_and_after(demo_db):
    accounts.login(demo_db, "admin", demo.DEMO_PASSWORD)
    parameters.save_params(demo_db, _params_changed(demo_db), reason="调整截尾比例")
    row = audit_trail.audit_frame(demo_db, action="params.save").iloc[0]
    assert (row["user"], row["role"]) == ("系统管理员", "管理员")
    assert "trim_percent = 0.0" in row["before"] and "trim_percent = 1.0" in row["after"]
    assert "调整截尾比例" in row["after"]


# ---------------------------------------------------------------- never changed, tampering detected


def test_the_application_cannot_change_or_delete_audit_rows(demo_db, store):
    if store == "server":  # no account has the privilege (the owner's trigger refuses too: test_security)
        import psycopg

        refused = (psycopg.errors.InsufficientPrivilege, "permission denied for table audit_log")
        errors = [refused, refused]
    else:
        errors = [(sqlite3.IntegrityError, "审计记录不可修改"), (sqlite3.IntegrityError, "审计记录不可删除")]
    n = _count(demo_db)
    with pytest.raises(errors[0][0], match=errors[0][1]):
        demo_db.conn.execute("UPDATE audit_log SET \"user\" = 'x' WHERE id = 1")
    with pytest.raises(errors[1][0], match=errors[1][1]):
        demo_db.conn.execute("DELETE FROM audit_log WHERE id = 1")
    assert _count(demo_db) == n and audit.verify(demo_db) == (n, None)


def test_backup_and_restore_are_refused_on_the_server(server_demo_db, tmp_path):
    from tests.server_fixtures import SUITE_ADMIN
    from workload_app.core.problems import WorkloadError

    accounts.login(server_demo_db, SUITE_ADMIN, "")  # the server checked the password
    n = _count(server_demo_db)
    with pytest.raises(WorkloadError) as caught:
        maintenance.backup_now(server_demo_db)
    assert caught.value.code == "server.no_file_backup"
    assert "pg_dump" in caught.value.render("zh") and "pg_dump" in caught.value.render("en")
    with pytest.raises(WorkloadError) as caught:
        maintenance.restore(server_demo_db, tmp_path / "x.sqlite")
    assert caught.value.code == "server.no_file_restore"
    assert maintenance.available(server_demo_db) == [] and _count(server_demo_db) == n
    assert not list(tmp_path.iterdir())  # no file written anywhere near


def _tamper(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    for s in sql:
        conn.execute(s)
    conn.close()


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        (("UPDATE audit_log SET after = '{\"cases\": 1}' WHERE id = 3",), "第 3 条记录的内容与其哈希不符"),
        (("UPDATE audit_log SET user = '某人' WHERE id = 2",), "第 2 条记录的内容与其哈希不符"),
        (("DELETE FROM audit_log WHERE id = 2",), "第 3 条之前缺少记录"),
        (("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)",), "最后的记录被删除过"),
    ],
)
def test_tampering_with_the_file_is_detected(demo_file, tmp_path, sql, says):
    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    db = open_as_operator(path)
    assert audit.verify(db)[1] is None
    db.conn.close()
    _tamper(path, *sql)
    n, problem = audit.verify(open_as_operator(path))
    assert problem is not None and says in problem


def test_cli_audit_verify_exit_status(demo_file, tmp_path):
    from click.testing import CliRunner

    from workload_app.cli import cli

    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    ok = CliRunner().invoke(cli, ["--db", str(path), "audit", "verify"])
    assert ok.exit_code == 0 and "哈希链一致" in ok.output
    _tamper(path, "UPDATE audit_log SET target = '改过' WHERE id = 1")
    bad = CliRunner().invoke(cli, ["--db", str(path), "audit", "verify"])
    assert bad.exit_code == 1 and "第 1 条记录的内容与其哈希不符" in bad.output


@pytest.mark.sqlite_only  # logs in as the demo's accounts on one handle; server logins: tests/server
def test_export_and_filters(demo_db, tmp_path):
    import openpyxl

    accounts.login(demo_db, "renshi", demo.DEMO_PASSWORD)
    judge = _a_judge(demo_db)[0]
    quotas.override_quota(demo_db, 2025, judge, 80.0, "借调")
    only = audit.log(demo_db, action="quota.override")
    assert list(only["target"]) == [f"2025 年度 {judge}"] and list(only["user"]) == ["政治部人事处"]
    assert len(audit.log(demo_db, text=judge)) >= 1
    n = audit.export_xlsx(demo_db, tmp_path / "审计.xlsx", action="quota.override")
    sheet = openpyxl.load_workbook(tmp_path / "审计.xlsx").active
    assert n == 1
    assert [c.value for c in sheet[1]][:5] == ["序号", "时间", "用户", "角色", "操作"]
    assert sheet.cell(2, 5).value == "调整个人任务"
