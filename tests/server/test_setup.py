"""`workload server setup` and the accounts on the court server (login roles made by the 管理员's
login through the owner's functions, no superuser needed)."""

# ruff: noqa: F811 - the fixtures imported from tests.server_fixtures are test parameters here
from __future__ import annotations

import psycopg
import pytest
from click.testing import CliRunner

from tests.conftest import open_as_operator
from tests.server_fixtures import server_court, unique  # noqa: F401 - a fixture
from workload_app.cli import cli
from workload_app.core.problems import WorkloadError
from workload_app.services import accounts, audit
from workload_app.storage import pg
from workload_app.storage.db import server_latest_version
from workload_app.storage.migrations import apply_migrations

RLS_TABLES = {
    "cases", "case_results", "held_reasons", "page_reviews", "post_reviews", "pending_reasons", "judge_credit",
    "quota_plans", "quota_overrides", "queries", "audit_log", "users", "meta",
}  # fmt: skip


def _setup_cli(pg_server, database: str, admin: str, password: str):
    return CliRunner().invoke(
        cli,
        ["server", "setup", pg_server.url(database), "--admin", admin],
        env={"WORKLOAD_NEW_PASSWORD": password},
    )


def test_setup_makes_the_court_and_a_second_run_only_reapplies(pg_server):
    database, admin, password = f"court_{unique('s')}", unique("chief"), "Chief-pass-1"
    first = _setup_cli(pg_server, database, admin, password)
    try:
        assert first.exit_code == 0, first.output
        assert f"已建立数据库 {database}" in first.output
        from workload_app.storage.migrations import SERVER_MIGRATIONS

        versions = ", ".join(str(v) for v, _, _ in SERVER_MIGRATIONS)  # 18 (folded), then each file
        assert f"已应用结构迁移：{versions}" in first.output and versions.endswith(
            str(server_latest_version())
        )
        assert f"已建立管理员登录角色 {admin}" in first.output
        assert password not in first.output
        again = _setup_cli(pg_server, database, admin, "ignored-pw-2")
        assert again.exit_code == 0, again.output
        assert "已建立" not in again.output
        assert f"数据库结构已是最新（版本 {server_latest_version()}）" in again.output
        assert f"管理员账户 {admin} 已存在，未改动其密码" in again.output
        with psycopg.connect(pg_server.url(database), autocommit=True) as su:
            owners = su.execute(
                """SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class
                   WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')"""
            ).fetchall()
            assert owners == [("workload_owner",)]
            assert su.execute(
                "SELECT rolcanlogin, rolcreaterole, rolsuper FROM pg_roles WHERE rolname = 'workload_owner'"
            ).fetchone() == (False, True, False)
            forced = {
                r[0]
                for r in su.execute(
                    """SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
                       AND relrowsecurity AND relforcerowsecurity"""
                ).fetchall()
            }
            assert forced == RLS_TABLES
            assert su.execute("SELECT login, role, password_hash, active FROM users").fetchall() == [
                (admin, "admin", "server", 1)
            ]
        # the first 管理员 logs in with the password given to setup (the second run kept it)
        db = open_as_operator(pg.ServerLogin.from_url(pg_server.url(database), user=admin, password=password))
        who, must_change = accounts.login(db, admin, password)
        assert (who.role, must_change) == ("admin", False)
        db.conn.close()
    finally:
        pg.close_pools()
        pg_server.drop_database(database)


def test_setup_upgrades_a_server_made_by_hand_and_hands_it_to_the_owner(pg_server, pg_database):
    login = pg.ServerLogin.from_url(pg_server.url(pg_database))
    by_hand = pg.ServerDatabase(login, pg.Connection(pg.connect_raw(login)))
    apply_migrations(by_hand)  # as the superuser: the tables are the superuser's
    by_hand.conn.close()
    admin = unique("chief")
    result = _setup_cli(pg_server, pg_database, admin, "Chief-pass-1")
    assert result.exit_code == 0, result.output
    assert "个对象的所有者改为 workload_owner" in result.output
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as su:
        assert su.execute(
            """SELECT COUNT(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace
               AND relkind IN ('r', 'S') AND pg_get_userbyid(relowner) <> 'workload_owner'"""
        ).fetchone() == (0,)
    pg.close_pools()


def test_setup_needs_a_superuser_and_a_valid_admin_name(server_court, pg_server):
    bad = _setup_cli(pg_server, server_court.database, "Not-Valid", "Chief-pass-1")
    assert bad.exit_code == 1 and "只能用小写英文字母、数字和下划线" in bad.output
    url = server_court.url_of(server_court.admin, server_court.password)
    refused = CliRunner().invoke(cli, ["server", "setup", url, "--admin", "someone"])
    assert refused.exit_code == 1 and "须用数据库超级用户" in refused.output
    weak = _setup_cli(pg_server, server_court.database, unique("chief"), "short")
    assert weak.exit_code == 1 and "密码至少 8 位" in weak.output


def _can_connect(site, login: str, password: str) -> bool:
    try:
        psycopg.connect(site.url_of(login, password)).close()
    except psycopg.OperationalError:
        return False
    return True


def test_accounts_are_login_roles_made_without_the_superuser(server_court):
    site = server_court
    admin = open_as_operator(site.login())
    accounts.login(admin, site.admin, site.password)
    name = unique("clerk")
    row = accounts.create_user(admin, name.upper(), "personnel", "First-pass-1")  # kept in lower case
    assert (row["login"], row["role"], row["must_change"]) == (name, "personnel", 1)
    assert admin.conn.execute("SELECT password_hash FROM users WHERE login = ?", (name,)).fetchone() == (
        "server",
    )
    assert admin.conn.execute(
        "SELECT pg_has_role(?, 'workload_personnel', 'MEMBER'), pg_has_role(?, 'workload_admin', 'MEMBER')",
        (name, name),
    ).fetchone() == (True, False)
    assert _can_connect(site, name, "First-pass-1")

    # the account changes its own password on the server (no superuser, no 管理员)
    own = open_as_operator(site.login(name, "First-pass-1"))
    who, must_change = accounts.login(own, name, "First-pass-1")
    assert must_change
    with pytest.raises(WorkloadError, match="原密码不正确"):
        accounts.change_password(own, "wrong-pass-1", "Second-pass-2")
    accounts.change_password(own, "First-pass-1", "Second-pass-2")
    own.conn.close()
    assert not _can_connect(site, name, "First-pass-1")
    assert _can_connect(site, name, "Second-pass-2")
    assert admin.conn.execute("SELECT must_change FROM users WHERE login = ?", (name,)).fetchone() == (0,)

    # the 管理员 changes its group and resets its password
    accounts.update_user(admin, name, role="admin")
    assert admin.conn.execute(
        "SELECT pg_has_role(?, 'workload_personnel', 'MEMBER'), pg_has_role(?, 'workload_admin', 'MEMBER')",
        (name, name),
    ).fetchone() == (False, True)
    accounts.reset_password(admin, name, "Reset-pass-3")
    assert _can_connect(site, name, "Reset-pass-3") and not _can_connect(site, name, "Second-pass-2")
    assert admin.conn.execute("SELECT must_change FROM users WHERE login = ?", (name,)).fetchone() == (1,)

    # a name the server cannot take is refused before anything is written
    with pytest.raises(WorkloadError, match="只能用小写英文字母"):
        accounts.create_user(admin, "张三", "personnel", "First-pass-1")
    assert admin.conn.execute("SELECT COUNT(*) FROM users").fetchone() == (2,)

    trail = audit.log(admin)
    assert list(trail.sort_values("id")["action"]) == [
        "user.login", "user.create", "user.login", "user.change_password", "user.update",
        "user.reset_password",
    ]  # fmt: skip
    assert audit.verify(admin) == (6, None)
    admin.conn.close()
