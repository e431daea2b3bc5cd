"""The numbered SQL files in db/sqlite/ build exactly the schema the Python migrations built
(tests/storage/legacy_migrations.py, copied verbatim before the conversion): from empty, and from
a database left at every intermediate version by the old program."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import open_as_operator
from tests.storage.legacy_migrations import LEGACY
from workload_app.storage import migrations
from workload_app.storage.migrations import MIGRATIONS, apply_migrations, schema_dir

ROOT = Path(__file__).resolve().parents[2]


def _legacy_apply(conn: sqlite3.Connection, upto: int | None = None) -> None:
    """The old runner, with the old Python steps (same bookkeeping table, same transactions)."""
    db = sqlite_utils.Database(conn)
    with monkeypatched(migrations, "MIGRATIONS", LEGACY):
        apply_migrations(db, upto=upto)


class monkeypatched:  # noqa: N801 - a tiny context manager, no pytest fixture needed per call
    def __init__(self, module, name, value):
        self.module, self.name, self.value = module, name, value

    def __enter__(self):
        self.old = getattr(self.module, self.name)
        setattr(self.module, self.name, self.value)

    def __exit__(self, *exc):
        setattr(self.module, self.name, self.old)


def _schema(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()


def _recorded(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()


# versions added after the conversion to SQL files: only as files (0021: time-in-post reviews)


def _reference(tmp_path: Path) -> sqlite3.Connection:
    """The old program's database, then the versions added since as files."""
    conn = sqlite3.connect(tmp_path / "reference.sqlite", isolation_level=None)
    _legacy_apply(conn)
    apply_migrations(sqlite_utils.Database(conn))
    return conn


CONVERTED = LEGACY[-1][0]  # 18: the versions written in Python before; later ones are SQL files only
CONVERTED_VERSIONS = [1, 2, 3, 4, 5, 7, 9, 11, 15, 17, 18]
VERSIONS = [v for v, _, _ in MIGRATIONS]


def test_versions_and_names_match_the_python_migrations():
    assert [(v, n) for v, n, _ in MIGRATIONS[: len(LEGACY)]] == [(v, n) for v, n, _ in LEGACY]
    assert [v for v in VERSIONS if v <= CONVERTED] == CONVERTED_VERSIONS


def test_from_empty_the_schema_is_exactly_the_old_one(tmp_path):
    reference = _reference(tmp_path)
    new = sqlite3.connect(tmp_path / "new.sqlite", isolation_level=None)
    apply_migrations(sqlite_utils.Database(new))
    assert _schema(new) == _schema(reference)  # every table, index, trigger, text for text
    assert _recorded(new) == _recorded(reference)
    assert new.execute("SELECT key, value FROM meta").fetchall() == [("cases_version", "0")]
    # the triggers are there and still guard the audit trail
    new.execute(
        "INSERT INTO audit_log (at, user, role, action, prev_hash, hash) VALUES ('t', 'u', 'admin', 'a', '', 'h')"
    )
    with pytest.raises(sqlite3.IntegrityError, match="审计记录不可修改"):
        new.execute("UPDATE audit_log SET action = 'b'")


@pytest.mark.parametrize("old", [v for v, _, _ in LEGACY[:-1]])
def test_a_database_left_at_every_version_by_the_old_program_upgrades(tmp_path, old):
    reference = _reference(tmp_path)
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    _legacy_apply(conn, upto=old)
    conn.execute("INSERT INTO divisions (name) VALUES ('民事审判第一庭')")
    conn.close()
    db = open_as_operator(path)  # the new runner, from the SQL files
    assert _schema(db.conn) == _schema(reference)
    assert _recorded(db.conn) == _recorded(reference)
    assert [v for v, _ in _recorded(db.conn)] == VERSIONS
    assert db.conn.execute("SELECT name FROM divisions").fetchall() == [("民事审判第一庭",)]
    assert db.conn.execute("SELECT value FROM meta WHERE key = 'cases_version'").fetchone() == ("0",)


def test_each_file_runs_in_its_own_transaction(tmp_path, monkeypatch):
    """A file that fails half-way leaves nothing of itself and keeps the versions before it."""
    bad = tmp_path / "sql"
    bad.mkdir()
    for path in schema_dir().glob("*.sql"):
        (bad / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (bad / "0099_broken.sql").write_text(
        "-- name: broken\n\nCREATE TABLE half_done (x);\n\nINSERT INTO no_such_table VALUES (1);\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.load_migrations(bad))
    conn = sqlite3.connect(tmp_path / "b.sqlite", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(sqlite_utils.Database(conn))
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    assert _recorded(conn)[-1][0] == VERSIONS[-1]


def test_a_python_hook_runs_after_its_files_sql_in_the_same_transaction(tmp_path, monkeypatch):
    seen = []

    def hook(db):
        seen.append(db.conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'users'").fetchone()[0])
        raise RuntimeError("hook failed")

    monkeypatch.setitem(migrations.HOOKS, 4, hook)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.load_migrations())
    conn = sqlite3.connect(tmp_path / "h.sqlite", isolation_level=None)
    with pytest.raises(RuntimeError):
        apply_migrations(sqlite_utils.Database(conn))
    assert seen == [1]  # the file's tables existed when the hook ran …
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'users'").fetchone() is None  # … and went
    assert _recorded(conn)[-1][0] == 3


def test_statements_split_whole_triggers_and_skip_comment_lines():
    text = (
        "-- name: x\n\n-- a note\nCREATE TABLE t (a -- inline\n);\n\n"
        "CREATE TRIGGER g BEFORE DELETE ON t\n  BEGIN SELECT RAISE(ABORT, 'no; never'); END;\n"
    )
    assert migrations.split_statements(text) == [
        "CREATE TABLE t (a -- inline\n)",
        "CREATE TRIGGER g BEFORE DELETE ON t\n  BEGIN SELECT RAISE(ABORT, 'no; never'); END",
    ]
    with pytest.raises(ValueError):
        migrations.split_statements("-- name: x\nCREATE TABLE t (a\n")


def test_file_names_and_headers_are_checked(tmp_path):
    (tmp_path / "1_bad.sql").write_text("-- name: x\nSELECT 1;\n", encoding="utf-8")
    with pytest.raises(ValueError, match="四位编号"):
        migrations.load_migrations(tmp_path)
    (tmp_path / "1_bad.sql").unlink()
    (tmp_path / "0001_x.sql").write_text("SELECT 1;\n", encoding="utf-8")
    with pytest.raises(ValueError, match="name"):
        migrations.load_migrations(tmp_path)


def test_schema_dir_in_the_source_tree_and_in_the_bundle(tmp_path, monkeypatch):
    assert schema_dir() == ROOT / "db" / "sqlite"
    assert schema_dir("postgresql") == ROOT / "db" / "postgresql"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert schema_dir() == tmp_path / "db" / "sqlite"


def test_the_bundle_and_the_package_carry_the_sql_files():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '(str(root / "db" / "sqlite"), "db/sqlite")' in spec
    # a frozen program finds them where build.spec puts them: run a child with _MEIPASS set to a
    # copy laid out as PyInstaller lays out its data files
    code = (
        "import sys, shutil, pathlib; b = pathlib.Path(sys.argv[1]);"
        "shutil.copytree(sys.argv[2], b / 'db' / 'sqlite');"
        "shutil.copytree(sys.argv[3], b / 'db' / 'postgresql'); sys._MEIPASS = str(b);"
        "from workload_app.storage import migrations as m;"
        "print(m.schema_dir(), [v for v, _, _ in m.MIGRATIONS])"
    )
    import tempfile

    with tempfile.TemporaryDirectory() as bundle:
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                bundle,
                str(ROOT / "db" / "sqlite"),
                str(ROOT / "db" / "postgresql"),
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=bundle,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        ).stdout
    assert out.strip() == f"{Path(bundle) / 'db' / 'sqlite'} {VERSIONS}"


def test_0021_marks_stored_results_out_of_date_only_where_there_are_some(tmp_path):
    """Figures stored before version 21 credited cases closed outside the time in post: a database
    with a computation gets a new cases version (its results are recomputed at the next read); an
    empty one keeps 0."""
    conn = sqlite3.connect(tmp_path / "o.sqlite", isolation_level=None)
    apply_migrations(sqlite_utils.Database(conn), upto=18)
    conn.execute(
        "INSERT INTO param_sets (year, version, toml, created_at, created_by) VALUES (2025, 1, '', 't', 'u')"
    )
    conn.execute(
        "INSERT INTO computations (param_set_id, year, averages, case_count, cases_version, created_at)"
        " VALUES (1, 2025, '{}', 0, 0, 't')"
    )
    apply_migrations(sqlite_utils.Database(conn))
    assert conn.execute("SELECT value FROM meta WHERE key = 'cases_version'").fetchone() == ("1",)
