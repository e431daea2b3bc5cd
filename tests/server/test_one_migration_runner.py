"""One migration runner for both stores (storage/migrations.py): the file's at every open, the
court server's at ``server setup`` (as the schema's owner), each step stamped by the store's clock,
and one coded "too new" refusal in both languages that changes nothing."""

# ruff: noqa: F811 - the fixtures imported from tests.server_fixtures are test parameters here
from __future__ import annotations

import datetime as dt
import re

import psycopg
import pytest

from tests.server_fixtures import ADMIN_PASSWORD, server_court  # noqa: F401 - a fixture
from workload_app.core import dates
from workload_app.core.problems import WorkloadError
from workload_app.services import server
from workload_app.storage import pg
from workload_app.storage.db import latest_version, open_db, server_latest_version
from workload_app.storage.migrations import MIGRATIONS, SERVER_MIGRATIONS

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def _recent(stamp: str) -> bool:
    return abs((dates.moment_of(stamp) - dt.datetime.now()).total_seconds()) < 120


def test_both_stores_record_every_step_by_their_clock(server_court, pg_server, tmp_path):
    f = open_db(tmp_path / "f.sqlite")
    file_rows = f.conn.execute(
        "SELECT version, applied_at FROM schema_migrations ORDER BY version"
    ).fetchall()
    f.conn.close()
    with psycopg.connect(pg_server.url(server_court.database), autocommit=True) as su:
        server_rows = su.execute(
            "SELECT version, applied_at FROM schema_migrations ORDER BY version"
        ).fetchall()
    assert [v for v, _ in file_rows] == [v for v, _, _ in MIGRATIONS] and file_rows[-1][0] == latest_version()
    assert [v for v, _ in server_rows] == [v for v, _, _ in SERVER_MIGRATIONS]
    assert server_rows[-1][0] == server_latest_version() == latest_version()  # one head version
    for _, stamp in file_rows + server_rows:
        assert STAMP.fullmatch(stamp) and _recent(stamp)


def test_a_server_newer_than_the_program_is_refused_at_setup_in_both_languages(server_court, pg_server):
    newer = server_latest_version() + 1
    url = pg_server.url(server_court.database)
    with psycopg.connect(url, autocommit=True) as su:
        su.execute("INSERT INTO schema_migrations VALUES (%s, 'from the future', 'x')", (newer,))
        before = su.execute("SELECT count(*) FROM schema_migrations").fetchone()
    with pytest.raises(WorkloadError) as caught:
        server.setup(pg.ServerLogin.from_url(url), server_court.admin, lambda: ADMIN_PASSWORD)
    assert caught.value.code == "server.too_new"
    assert caught.value.arguments == {"found": newer, "latest": server_latest_version()}
    assert caught.value.render("zh") == (
        f"法院服务器上的数据库由较新版本的程序创建（结构版本 {newer}，本程序支持到 {server_latest_version()}），"
        "为保护数据未作任何改动。请升级本程序后再连接。"
    )
    assert caught.value.render("en").startswith(
        f"The database on the court server was made by a newer version of the program (schema {newer};"
    )
    with psycopg.connect(url, autocommit=True) as su:
        assert su.execute("SELECT count(*) FROM schema_migrations").fetchone() == before
