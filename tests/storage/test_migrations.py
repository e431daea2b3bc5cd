"""Schema migrations: from empty, from every older version, and a newer database refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
import sqlite_utils

from tests.conftest import open_as_operator
from workload_app.storage.db import DatabaseTooNew, latest_version
from workload_app.storage.migrations import MIGRATIONS, apply_migrations, schema_version

EXPECTED_TABLES = {
    "divisions",
    "judges",
    "cases",
    "import_batches",
    "case_history",
    "meta",
    "param_sets",
    "computations",
    "case_results",
    "quota_plans",
    "quota_overrides",
    "mapping_profiles",
}


def test_from_empty(tmp_path):
    db = open_as_operator(tmp_path / "new.sqlite")
    assert schema_version(db.conn) == latest_version() == MIGRATIONS[-1][0]  # numbers may have gaps
    assert EXPECTED_TABLES <= set(db.table_names())
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    names = {r[1] for r in db.conn.execute("PRAGMA index_list(cases)")}
    assert {"idx_cases_closed", "idx_cases_judge", "idx_cases_division", "idx_cases_category"} <= names


@pytest.mark.parametrize("old", [v for v, _, _ in MIGRATIONS[:-1]])
def test_from_every_older_version_with_backup(tmp_path, old):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(sqlite_utils.Database(conn), upto=old)
    conn.execute("INSERT INTO divisions (name) VALUES ('民事审判第一庭')")
    conn.close()
    db = open_as_operator(path)
    assert schema_version(db.conn) == latest_version()
    assert [r[0] for r in db.conn.execute("SELECT name FROM divisions")] == ["民事审判第一庭"]
    backups = list((tmp_path / "old-backups").glob("*-before-v*.sqlite"))
    assert len(backups) == 1
    assert schema_version(sqlite3.connect(backups[0])) == old


def test_newer_database_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    db = open_as_operator(path)
    db.conn.execute(
        "INSERT INTO schema_migrations VALUES (?, 'from the future', 'x')", (latest_version() + 1,)
    )
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.execute("PRAGMA journal_mode = DELETE")
    db.conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseTooNew) as err:
        open_as_operator(path)
    assert "较新版本" in str(err.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "newer-backups").exists()


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    from workload_app.storage import migrations

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, (99, "broken", broken)])
    conn = sqlite3.connect(tmp_path / "b.sqlite", isolation_level=None)
    with pytest.raises(RuntimeError):
        migrations.apply_migrations(sqlite_utils.Database(conn))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    assert schema_version(conn) == MIGRATIONS[-1][0]
