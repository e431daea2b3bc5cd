"""Issue 30.6 for the court's IT: ``workload server setup`` unattended (the superuser's password and
address from libpq's environment variables, the first 管理员's password on a slip), and
``workload server move-from --slips`` (every account's initial password on a slip of its own page,
none on the terminal). Each password read back from the PDF logs in."""

# ruff: noqa: F811 - the fixtures imported from tests.server_fixtures are test parameters here
from __future__ import annotations

import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from tests import pg_server as throwaway
from tests.server_fixtures import server_court, unique  # noqa: F401 - a fixture
from tests.slip_pdf import embedded_fonts, pdf_pages, pdf_text, slip_password
from workload_app.cli import cli
from workload_app.services import accounts
from workload_app.storage import pg
from workload_app.storage.db import open_db

CLEAN_ENV = {  # nothing of the machine's own PostgreSQL settings leaks into a test
    "PGHOST": None, "PGPORT": None, "PGUSER": None, "PGDATABASE": None, "PGPASSWORD": None,
    "PGSSLMODE": None, "PGSSLROOTCERT": None, "PGPASSFILE": "/nonexistent/pgpass",
    "WORKLOAD_PASSWORD": None, "WORKLOAD_NEW_PASSWORD": None,
}  # fmt: skip


def invoke(args: list[str], **env):
    return CliRunner().invoke(cli, args, env={**CLEAN_ENV, **env}, input="")


@pytest.fixture
def court_name(pg_server):
    name = f"court_{unique('u').split('_', 1)[1]}"
    yield name
    pg.close_pools()
    pg_server.drop_database(name)


def test_setup_takes_the_superuser_from_the_pg_environment_and_puts_the_admins_password_on_a_slip(
    pg_server, court_name, tmp_path
):
    admin = unique("chief")
    slip = tmp_path / "管理员账户通知单.pdf"
    result = invoke(
        ["server", "setup", "--admin", admin, "--slip", str(slip)],
        PGHOST="127.0.0.1",
        PGPORT=str(pg_server.port),
        PGUSER=throwaway.SUPERUSER,
        PGDATABASE=court_name,
        PGPASSWORD=throwaway.SUPERUSER_PASSWORD,
    )
    assert result.exit_code == 0, result.output
    assert "密码" not in result.output.split(f"已建立数据库 {court_name}")[0]  # nothing was prompted for
    assert f"管理员 {admin} 的账户通知单：{slip}" in result.output
    assert result.output.endswith(
        f"法院服务器已就绪：postgresql://{admin}@127.0.0.1:{pg_server.port}/{court_name}\n"
    )
    assert not (tmp_path / "管理员账户通知单.pdf.part").exists()
    text = pdf_text(slip)
    password = slip_password(text, admin)
    assert password not in result.output and len(password) == 10
    assert f"法院服务器 127.0.0.1:{pg_server.port}，数据库 {court_name}" in text and "管理员" in text
    assert all(emb == "yes" for _, emb in embedded_fonts(slip))  # the Chinese font travels with it
    db = open_db(pg.ServerLogin("127.0.0.1", pg_server.port, court_name, admin, password))
    try:
        who, must_change = accounts.login(db, admin, password)
        assert (who.role, must_change) == ("admin", True)  # handed out on paper: changed at first log-in
    finally:
        db.conn.close()
    again = invoke(
        [
            "server",
            "setup",
            pg_server.url(court_name),
            "--admin",
            admin,
            "--slip",
            str(tmp_path / "again.pdf"),
        ]
    )  # the password in the address; the admin exists: no new slip
    assert again.exit_code == 0, again.output
    assert f"管理员 {admin} 已存在，未改动其密码，未写账户通知单" in again.output
    assert not (tmp_path / "again.pdf").exists() and not (tmp_path / "again.pdf.part").exists()


def test_setup_without_an_address_or_pghost_says_what_to_give(tmp_path):
    result = invoke(["server", "setup", "--admin", "chief"])
    assert result.exit_code == 1
    assert result.output == (
        "错误：请给出服务器地址（postgresql://超级用户@主机:端口/数据库），"
        "或设置 PGHOST（及 PGPORT、PGUSER、PGDATABASE）\n"
    )


def test_a_slip_that_cannot_be_written_makes_no_admin(pg_server, court_name, tmp_path):
    admin = unique("chief")
    folder = tmp_path / "missing-folder"
    result = invoke(
        ["server", "setup", f"postgresql://{throwaway.SUPERUSER}@127.0.0.1:{pg_server.port}/{court_name}",
         "--admin", admin, "--slip", str(folder / "slip.pdf")],
        PGPASSWORD=throwaway.SUPERUSER_PASSWORD,
    )  # fmt: skip
    assert result.exit_code == 1 and result.output.startswith("错误：账户通知单未能保存：")
    with pg_server.admin_connect() as su:
        assert su.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (admin,)).fetchone() is None


@pytest.fixture
def court_file(demo_file, tmp_path):
    path = tmp_path / "court.sqlite"
    shutil.copy(demo_file, path)
    suffix = unique("m").split("_", 1)[1]
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE users SET login = login || '_' || ?", (suffix,))
        people = conn.execute(
            """SELECT u.login, u.display_name, u.role, j.name FROM users u
               LEFT JOIN judges j ON j.id = u.judge_id ORDER BY u.id"""
        ).fetchall()
    return path, people


def _move(site, path, *extra, **env):
    return invoke(
        ["server", "move-from", str(path), "--db", site.url, "--user", site.admin, *extra],
        WORKLOAD_PASSWORD=site.password,
        **env,
    )


def test_move_from_puts_each_initial_password_on_its_own_page_and_none_on_the_terminal(
    server_court, court_file, tmp_path
):
    path, people = court_file
    slips = tmp_path / "账户通知单.pdf"
    result = _move(server_court, path, "--slips", str(slips))
    assert result.exit_code == 0, result.output
    assert f"初始密码见账户通知单 {slips}" in result.output
    assert pdf_pages(slips) == len(people) == 4
    text = pdf_text(slips)
    pages = text.split("\f")
    for (login, display_name, role, judge), page in zip(people, pages, strict=False):
        assert login in page and (display_name or judge or login) in page
        password = slip_password(page, login)
        assert password not in result.output  # on paper only
        db = open_db(server_court.login(login, password))  # the server takes the password printed
        try:
            who, must_change = accounts.login(db, login, password)
            assert (who.login, who.role, must_change) == (login, role, True)
        finally:
            db.conn.close()
    assert all(emb == "yes" for _, emb in embedded_fonts(slips))


def test_move_from_with_random_passwords_needs_a_slip_and_changes_nothing_without(
    server_court, court_file, tmp_path
):
    path, _ = court_file
    result = _move(server_court, path)
    assert result.exit_code == 1
    assert result.output == (
        "错误：账户的初始密码是随机生成的：请用 --slips 文件.pdf 指定账户通知单的保存位置"
        "（或用 $WORKLOAD_NEW_PASSWORD 给出统一的初始密码）\n"
    )
    unwritable = _move(server_court, path, "--slips", str(tmp_path / "no-such-folder" / "s.pdf"))
    assert unwritable.exit_code == 1 and unwritable.output.startswith("错误：账户通知单未能保存：")
    db = open_db(server_court.login())
    try:
        assert db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0  # nothing moved
        assert db.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 1
    finally:
        db.conn.close()
    assert not list((tmp_path).glob("**/*.part"))
