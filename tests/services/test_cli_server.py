"""``workload --db postgresql://… --user LOGIN COMMAND``: every command on the court server exactly
as on a file; the password from $WORKLOAD_PASSWORD, never on the command line or in the output."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests import pg_server as throwaway
from workload_app.cli import cli
from workload_app.storage import pg
from workload_app.storage.migrations import apply_migrations

ACCOUNT = throwaway.SUPERUSER
PASSWORD = throwaway.SUPERUSER_PASSWORD


def set_up_court(pg_server, database: str, court_name: str = "") -> str:
    """A court server ready for clients: the schema (and the court's name, when given), reached
    with the database superuser's login; returns the server's URL (no account, no password).
    (One helper, so that it can move to the ``server_court`` fixture, which runs ``workload server
    setup`` and makes the first 管理员.)"""
    login = pg.ServerLogin.from_url(pg_server.url(database))
    db = pg.ServerDatabase(login, pg.Connection(pg.connect_raw(login)))
    try:
        apply_migrations(db)
        if court_name:
            db.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("court_name", court_name))
    finally:
        db.conn.close()
    return f"postgresql://127.0.0.1:{pg_server.port}/{database}"


@pytest.fixture
def court(pg_server, pg_database):
    return set_up_court(pg_server, pg_database)


def run(url, *args, password=PASSWORD, user=ACCOUNT, input=None):
    env = {"WORKLOAD_PASSWORD": password} if password is not None else {}
    head = ["--db", url] + (["--user", user] if user else [])
    return CliRunner(env=env).invoke(cli, [*head, *args], input=input)


def test_the_server_is_named_by_its_address_without_the_password(court):
    result = run(court, "init")
    assert result.exit_code == 0, result.output
    assert result.output == f"数据库已就绪：postgresql://{ACCOUNT}@{court.removeprefix('postgresql://')}\n"


def test_the_court_settings_are_read_from_the_server(pg_server, pg_database):
    url = set_up_court(pg_server, pg_database, court_name="重庆市沙坪坝区人民法院")
    result = run(url, "court", "show")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "法院名称：重庆市沙坪坝区人民法院"


def test_params_are_exported_from_the_server_as_from_a_file(court, tmp_path):
    on_server = run(court, "params", "export", "--year", "2025")
    assert on_server.exit_code == 0, on_server.output
    on_file = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "f.sqlite"), "params", "export", "--year", "2025"]
    )
    assert on_file.exit_code == 0, on_file.output
    assert on_server.output == on_file.output and "year = 2025" in on_server.output


def test_a_wrong_password_is_one_clear_line_and_exit_1(court):
    result = run(court, "info", password="not-the-password")
    assert result.exit_code == 1
    assert (
        result.output
        == f"错误：法院服务器拒绝了账户「{ACCOUNT}」的登录：账户名或密码不正确，或账户已停用。\n"
    )
    assert "not-the-password" not in result.output


def test_the_password_is_asked_hidden_when_not_in_the_environment(court):
    result = run(court, "court", "show", password=None, input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{ACCOUNT} 的密码: \n法院名称：") and PASSWORD not in result.output


def test_the_server_url_may_come_from_the_environment(court, monkeypatch):
    result = CliRunner(env={"WORKLOAD_DB": court, "WORKLOAD_PASSWORD": PASSWORD}).invoke(
        cli, ["--user", ACCOUNT, "init"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"数据库已就绪：postgresql://{ACCOUNT}@127.0.0.1:")


def test_an_unreachable_server_is_one_clear_line(pg_server):
    closed = throwaway._free_port()
    result = run(f"postgresql://127.0.0.1:{closed}/court", "info")
    assert result.exit_code == 1
    assert result.output.startswith(
        f"错误：无法连接法院服务器「postgresql://{ACCOUNT}@127.0.0.1:{closed}/court」："
    )
    assert result.output.count("\n") == 1


def test_the_server_needs_an_account(court):
    result = run(court, "info", user=None)
    assert result.exit_code == 2
    assert "连接法院服务器须指定账户：--user LOGIN" in result.output


def test_a_malformed_server_address_is_refused(court):
    result = run("postgresql:///court", "info")
    assert result.exit_code == 2
    assert "不是法院服务器的地址；应为 postgresql://主机:端口/数据库" in result.output


def test_a_file_still_works_as_before(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "f.sqlite"), "info"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"数据库：{tmp_path / 'f.sqlite'}"
