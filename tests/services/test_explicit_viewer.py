"""No ambient 管理员: a handle acts for whoever was bound to it, and for nobody otherwise. The
command line and the window bind the local operator where they mean it (a file without
accounts, a command without ``--user``)."""

from __future__ import annotations

import getpass

import pytest
from click.testing import CliRunner

from workload_app.cli import cli
from workload_app.services import access, accounts, info, session
from workload_app.storage.db import open_db


def test_a_handle_with_nobody_bound_refuses_every_service(tmp_path):
    db = open_db(tmp_path / "nobody.sqlite")
    for call in (lambda: access.current(db), lambda: info.summary(db), lambda: accounts.list_users(db)):
        with pytest.raises(access.AccessDenied) as err:
            call()
        assert err.value.code == "access.nobody"
    assert err.value.render("en") == (
        "Nobody is logged in: log in first (a database file without accounts opens as the local operator)"
    )
    user = access.bind_local_operator(db)
    assert (user.role, user.id, user.login) == (access.ADMIN, None, getpass.getuser())
    assert access.current(db) == user and info.summary(db)["cases"] == 0
    db.conn.close()


def test_log_out_leaves_nobody(tmp_path):
    db = open_db(tmp_path / "out.sqlite")
    access.bind_local_operator(db)
    accounts.create_user(db, "renshi", access.PERSONNEL, "Start2025x", must_change=False)
    accounts.login(db, "renshi", "Start2025x")
    assert access.current(db).login == "renshi"
    accounts.logout(db)
    with pytest.raises(access.AccessDenied, match="没有登录的用户"):
        info.summary(db)
    db.conn.close()


def test_open_store_and_the_command_line_bind_the_local_operator_on_a_file(tmp_path):
    path = tmp_path / "cli.sqlite"
    db, must_change = session.open_store(path)
    assert must_change is False and access.current(db).name == f"本机操作员 {getpass.getuser()}"
    session.close_db(db)
    out = CliRunner().invoke(cli, ["--db", str(path), "users", "list"], catch_exceptions=False)
    assert out.exit_code == 0, out.output  # 管理员's command, run by the local operator


def test_a_judge_is_refused_another_judges_workload_before_it_is_read(demo_db, monkeypatch):
    from workload_app.services import demo, my_workload

    me, _ = accounts.login(demo_db, "faguan", demo.DEMO_PASSWORD)
    names = [r[0] for r in demo_db.conn.execute("SELECT name FROM judges ORDER BY id").fetchall()]
    other = next(n for n in names if n != me.judge)
    read = []
    monkeypatch.setattr(my_workload, "judge_context", lambda *a, **k: read.append(a) or 1 / 0)
    with pytest.raises(access.AccessDenied) as err:
        my_workload.my_workload(demo_db, 2025, 6, other)
    assert (err.value.code, err.value.arguments["judge"], read) == ("access.judge_workload", other, [])
    with pytest.raises(access.AccessDenied) as err:
        my_workload.case_explanation(demo_db, 2025, 1, other)
    assert (err.value.code, err.value.arguments["judge"]) == ("access.judge_cases", other)
