"""The court server's connection: SQL written once, the version guard, the login's address."""

from __future__ import annotations

import pytest

from tests.conftest import open_as_operator
from workload_app.core.problems import WorkloadError
from workload_app.storage import pg
from workload_app.storage.db import server_latest_version
from workload_app.storage.dialect import POSTGRESQL
from workload_app.storage.migrations import SERVER_MIGRATIONS, apply_migrations


@pytest.mark.parametrize(
    ("sqlite", "server"),
    [
        ("SELECT * FROM cases WHERE id = ?", "SELECT * FROM cases WHERE id = %s"),
        ("UPDATE t SET a = :a WHERE id = :id", "UPDATE t SET a = %(a)s WHERE id = %(id)s"),
        ("SELECT x::int, '?:x%' FROM t WHERE a LIKE ?", "SELECT x::int, '?:x%%' FROM t WHERE a LIKE %s"),
        (
            "INSERT INTO incoming (n) VALUES (?) ON CONFLICT (n) DO NOTHING",
            "INSERT INTO incoming (n) VALUES (%s) ON CONFLICT (n) DO NOTHING",
        ),
        (  # the server's dialect writes what SQLite's instr and json_each say (storage/dialect.py)
            "SELECT id FROM cases WHERE " + POSTGRESQL.contains("panel", "?"),
            "SELECT id FROM cases WHERE strpos(panel, %s) > 0",
        ),
        (
            f"SELECT 1 WHERE c.id IN ({POSTGRESQL.id_list()})",
            "SELECT 1 WHERE c.id IN (SELECT CAST(value AS BIGINT) FROM "
            "json_array_elements_text(CAST(%s AS json)) AS j(value))",
        ),
        ('SELECT "user" FROM audit_log -- who ?\n', 'SELECT "user" FROM audit_log \n'),
    ],
)
def test_sql_is_written_once_and_translated_for_the_server(sqlite, server):
    assert pg.translate(sqlite) == server


@pytest.mark.parametrize("verb", ["REPLACE", "IGNORE"])
def test_insert_or_replace_or_ignore_is_refused_as_not_portable(verb):
    # openGauss needs ON CONFLICT's target named: INSERT OR IGNORE would become ON CONFLICT DO NOTHING
    with pytest.raises(ValueError, match="not portable"):
        pg.translate(f"INSERT OR {verb} INTO meta VALUES (?, ?)")


def test_the_login_never_shows_its_password():
    login = pg.ServerLogin.from_url("postgresql://judge1:s3cret@court-db:6543/fy", password="other")
    assert (login.host, login.port, login.database, login.user, login.password) == (
        "court-db", 6543, "fy", "judge1", "other",
    )  # fmt: skip
    assert login.url == "postgresql://judge1@court-db:6543/fy"
    assert "other" not in repr(login) and "other" not in str(login)


def _superuser_handle(pg_server, database):
    login = pg.ServerLogin.from_url(pg_server.url(database))
    return pg.ServerDatabase(login, pg.Connection(pg.connect_raw(login)))


def test_an_empty_server_is_refused_as_not_set_up(pg_server, pg_database):
    with pytest.raises(WorkloadError) as caught:
        open_as_operator(pg_server.url(pg_database))
    assert caught.value.code == "server.not_set_up"
    assert "workload server setup" in caught.value.render("zh")


def test_a_server_newer_or_older_than_the_program_is_refused(pg_server, pg_database):
    db = _superuser_handle(pg_server, pg_database)

    # the folded schema (18) and every later version's file, up to the latest
    assert apply_migrations(db) == [v for v, _, _ in SERVER_MIGRATIONS]
    assert SERVER_MIGRATIONS[0][0] == 18 and SERVER_MIGRATIONS[-1][0] == server_latest_version()
    opened = open_as_operator(pg_server.url(pg_database))
    assert opened.conn.execute("SELECT value FROM meta WHERE key = ?", ("cases_version",)).fetchone() == (
        "0",
    )
    opened.conn.close()
    db.conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (server_latest_version() + 1, "x", "t"))
    with pytest.raises(WorkloadError) as caught:
        open_as_operator(pg_server.url(pg_database))
    assert caught.value.code == "server.too_new"
    assert caught.value.arguments == {"found": server_latest_version() + 1, "latest": server_latest_version()}
    db.conn.execute("DELETE FROM schema_migrations")
    db.conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (server_latest_version() - 1, "x", "t"))
    with pytest.raises(WorkloadError) as caught:
        open_as_operator(pg_server.url(pg_database))
    assert caught.value.code == "server.needs_upgrade"
    db.conn.close()


def test_a_wrong_password_is_a_clear_error(pg_server, pg_database):
    with pytest.raises(WorkloadError) as caught:
        open_as_operator(pg.ServerLogin.from_url(pg_server.url(pg_database), password="wrong"))
    assert caught.value.code == "server.login_failed"
    assert caught.value.render("zh") == (
        "法院服务器拒绝了账户「workload_super」的登录：账户名或密码不正确，或账户已停用。"
    )


def test_a_write_transaction_queues_behind_another_and_both_land(pg_server, pg_database):
    import threading
    import time

    from workload_app.storage import repository

    setup = _superuser_handle(pg_server, pg_database)
    apply_migrations(setup)
    a, b = _superuser_handle(pg_server, pg_database), _superuser_handle(pg_server, pg_database)
    order = []

    def second():
        with repository.transaction(b):
            order.append("b-in")
            b.conn.execute(
                "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 10 AS TEXT) WHERE key = ?",
                ("cases_version",),
            )

    with repository.transaction(a):
        a.conn.execute(
            "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = ?",
            ("cases_version",),
        )
        t = threading.Thread(target=second)
        t.start()
        time.sleep(0.3)
        order.append("a-commit")
    t.join(10)
    assert order == ["a-commit", "b-in"]
    assert setup.conn.execute("SELECT value FROM meta WHERE key = 'cases_version'").fetchone() == ("11",)
    for d in (a, b, setup):
        d.conn.close()
