"""Issue 25, the file: a restore copies the backup's rows into the program's own schema, so
nothing of a crafted backup's schema survives (its triggers, views, indexes, tables, rewritten
append-only triggers); rows our constraints refuse refuse the restore; an older backup is
copied at its version and migrated up. ``audit verify`` compares the append-only triggers'
definitions and notices a removed head record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
import sqlite_utils
from click.testing import CliRunner

from tests.conftest import open_as_operator
from workload_app.cli import cli
from workload_app.core.problems import WorkloadError
from workload_app.services import audit, maintenance
from workload_app.services import standard_cases as S
from workload_app.storage import backups
from workload_app.storage.db import latest_version
from workload_app.storage.migrations import apply_migrations, schema_version

YEAR = 2025
HOSTILE = (
    # triples one judge's credited standard cases at every computation
    "CREATE TRIGGER triple_credit AFTER INSERT ON judge_credit WHEN NEW.judge = '{judge}' BEGIN "
    "UPDATE judge_credit SET sc_trial = NEW.sc_trial * 3 WHERE computation_id = NEW.computation_id "
    "AND kind = NEW.kind AND month = NEW.month AND pos = NEW.pos; END"
)
NO_OP_TRIGGERS = (
    "DROP TRIGGER audit_log_no_update",
    "DROP TRIGGER audit_log_no_delete",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 "
    "BEGIN SELECT RAISE(ABORT, '审计记录不可修改'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN 0 "
    "BEGIN SELECT RAISE(ABORT, '审计记录不可删除'); END",
)
EXTRAS = (
    "CREATE VIEW every_password AS SELECT login, password_hash FROM users",
    "CREATE INDEX idx_evil ON cases(cause)",
    "CREATE TABLE notes_of_the_attacker (x TEXT)",
    "INSERT INTO notes_of_the_attacker VALUES ('still here?')",
    "ALTER TABLE cases ADD COLUMN whispered TEXT",
)


def _edit(path: Path, *sql: str, pragmas: tuple[str, ...] = ()) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for p in pragmas:
            conn.execute(p)
        for s in sql:
            conn.execute(s)
    finally:
        conn.close()


def _schema(path: Path) -> list[tuple]:
    """Every object of the file with its definition, whitespace runs collapsed (the test's own
    normalisation, not the program's)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()
    return [(t, n, tb, " ".join(sql.split()) if sql else None) for t, n, tb, sql in rows]


def _fresh_schema(tmp_path: Path) -> list[tuple]:
    fresh = open_as_operator(tmp_path / "fresh.sqlite")
    fresh.conn.close()
    return _schema(tmp_path / "fresh.sqlite")


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _top_judge(db) -> str:
    tally = S.court_tally(db, YEAR, 12)
    return tally.sort_values("sc_trial", ascending=False)["judge"].iloc[0]


def test_a_crafted_backup_restored_leaves_exactly_our_schema_and_its_rows(demo_db, tmp_path):
    path = backups.database_path(demo_db)
    judge = _top_judge(demo_db)
    copy = maintenance.backup_now(demo_db, tmp_path / "crafted.sqlite")
    cases_before = _rows(copy, "SELECT * FROM cases ORDER BY id")
    _edit(copy, HOSTILE.format(judge=judge), *NO_OP_TRIGGERS, *EXTRAS)
    assert _schema(copy) != _fresh_schema(tmp_path)

    restored, _ = maintenance.restore(demo_db, copy)
    assert _schema(path) == _fresh_schema(tmp_path)  # every object, definition for definition
    assert _rows(path, "SELECT * FROM cases ORDER BY id") == cases_before  # the rows, column by column
    assert audit.verify(restored) == (len(audit.log(restored)), None)
    with pytest.raises(sqlite3.IntegrityError, match="审计记录不可修改"):  # the trail is append-only again
        restored.conn.execute("UPDATE audit_log SET target = 'x' WHERE id = 1")
    record = audit.log(restored).iloc[0]
    assert record["action"] == "backup.restore"
    for name in (
        "triple_credit",
        "audit_log_no_update",
        "every_password",
        "idx_evil",
        "notes_of_the_attacker",
    ):
        assert name in record["after"]  # what the backup carried beyond rows, named in the record
    restored.conn.close()


def test_figures_after_restoring_a_backup_with_a_hostile_trigger_equal_those_before(demo_db, tmp_path):
    before = S.court_tally(demo_db, YEAR, 12)
    judge = _top_judge(demo_db)
    copy = maintenance.backup_now(demo_db, tmp_path / "hostile.sqlite")
    _edit(copy, HOSTILE.format(judge=judge))

    # the trigger does what it says where it is kept: opened as it is, the judge's figure triples
    probe = tmp_path / "probe.sqlite"
    probe.write_bytes(copy.read_bytes())
    opened = open_as_operator(probe)
    S.compute_year(opened, YEAR)
    tripled = S.court_tally(opened, YEAR, 12).set_index("judge")["sc_trial"]
    opened.conn.close()
    mine = before.set_index("judge")["sc_trial"]
    assert tripled[judge] == pytest.approx(3 * mine[judge]) and mine[judge] > 0

    restored, _ = maintenance.restore(demo_db, copy)
    S.compute_year(restored, YEAR)  # every figure computed again on the restored database
    pd.testing.assert_frame_equal(S.court_tally(restored, YEAR, 12), before, check_exact=True)
    restored.conn.close()


def _refused(db, copy: Path, code: str, *words: str) -> None:
    path = backups.database_path(db)
    state = (
        _rows(path, "SELECT COUNT(*) FROM cases"),
        _rows(path, "SELECT MAX(id), MAX(hash) FROM audit_log"),
    )
    with pytest.raises(WorkloadError) as caught:
        maintenance.restore(db, copy)
    assert caught.value.code == code
    for word in words:
        assert word in str(caught.value)
    assert "nothing was restored" in caught.value.render("en")
    after = (
        _rows(path, "SELECT COUNT(*) FROM cases"),
        _rows(path, "SELECT MAX(id), MAX(hash) FROM audit_log"),
    )
    assert after == state  # nothing changed, not even an audit row
    assert not list(backups.backups_dir(path).glob("*.partial*"))  # no working file left behind


@pytest.mark.parametrize(
    ("sql", "pragmas", "code", "words"),
    [
        (
            ("UPDATE users SET role = 'court_president' WHERE login = 'faguan'",),
            ("PRAGMA ignore_check_constraints = ON",),
            "backup.bad_row",
            ("users", "CHECK"),
        ),
        (
            ("UPDATE cases SET judge_id = 987654 WHERE id = (SELECT MIN(id) FROM cases)",),
            ("PRAGMA foreign_keys = OFF",),
            "backup.dangling_row",
            ("cases", "judges"),
        ),
        (
            (
                "PRAGMA writable_schema = ON",
                "UPDATE sqlite_master SET sql = replace(sql, 'value TEXT NOT NULL', 'value TEXT') "
                "WHERE name = 'meta'",
            ),
            (),
            "backup.bad_row",
            ("meta", "NOT NULL", "key = cases_version"),
        ),
    ],
    ids=["check", "reference", "not-null"],
)
def test_rows_our_constraints_refuse_refuse_the_restore_and_change_nothing(
    demo_db, tmp_path, sql, pragmas, code, words
):
    copy = maintenance.backup_now(demo_db, tmp_path / "bad.sqlite")
    _edit(copy, *sql, pragmas=pragmas)
    if "meta" in words:  # the table no longer says NOT NULL: use it
        _edit(copy, "UPDATE meta SET value = NULL WHERE key = 'cases_version'")
    _refused(demo_db, copy, code, *words)


def test_a_backup_whose_table_is_a_view_is_refused(demo_db, tmp_path):
    copy = maintenance.backup_now(demo_db, tmp_path / "view.sqlite")
    _edit(
        copy,
        "ALTER TABLE quota_overrides RENAME TO quota_overrides_old",
        "CREATE VIEW quota_overrides AS SELECT * FROM quota_overrides_old",
    )
    _refused(demo_db, copy, "backup.not_a_table", "quota_overrides")


@pytest.mark.parametrize("old", [9, 15])
def test_an_older_backup_is_copied_at_its_version_then_migrated_up(roster_db, tmp_path, old):
    path = backups.database_path(roster_db)
    copy = tmp_path / f"v{old}.sqlite"
    conn = sqlite3.connect(copy, isolation_level=None)
    apply_migrations(sqlite_utils.Database(conn), upto=old)
    conn.execute("INSERT INTO divisions (id, name) VALUES (1, '民事审判第一庭'), (2, '刑事审判庭')")
    conn.execute("INSERT INTO judges (id, name, division_id) VALUES (7, '王五', 1)")
    for n, year in ((1, 2024), (2, 2024), (3, 2025)):
        conn.execute(
            "INSERT INTO cases (case_number, year, court, type_code, category, instance, judge_id, division_id,"
            " closed_on, closed_year, closed_month, file_pages) VALUES (?, ?, '渝0106', '民初', '民事', '一审',"
            " 7, 1, ?, ?, 3, 40)",
            (f"({year})渝0106民初{n}号", year, f"{year}-03-05", year),
        )
    conn.execute("UPDATE meta SET value = '5' WHERE key = 'cases_version'")
    conn.execute("CREATE TRIGGER whisper AFTER INSERT ON judges BEGIN UPDATE judges SET role = '院长'; END")
    conn.close()
    assert schema_version(sqlite3.connect(copy)) == old

    restored, _ = maintenance.restore(roster_db, copy)
    assert schema_version(restored.conn) == latest_version()
    assert _schema(path) == _fresh_schema(tmp_path)
    assert _rows(path, "SELECT id, name FROM divisions ORDER BY id") == [
        (1, "民事审判第一庭"),
        (2, "刑事审判庭"),
    ]
    assert _rows(path, "SELECT case_number, judge_id, file_pages FROM cases ORDER BY id") == [
        ("(2024)渝0106民初1号", 7, 40),
        ("(2024)渝0106民初2号", 7, 40),
        ("(2025)渝0106民初3号", 7, 40),
    ]
    assert _rows(path, "SELECT value FROM meta WHERE key = 'cases_version'") == [("5",)]
    if old >= 15:  # the backup's own counts, not those our triggers made while its rows were copied
        assert _rows(path, "SELECT closed_year, version FROM year_versions ORDER BY 1") == [
            (2024, 2),
            (2025, 1),
        ]
    record = audit.log(restored).iloc[0]
    assert record["action"] == "backup.restore" and f'"from_version": {old}' in record["after"]
    assert audit.verify(restored)[1] is None
    restored.conn.close()


# ---------------------------------------------------------------- audit verify


def test_verify_catches_append_only_triggers_rewritten_when_0(demo_file, tmp_path):
    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    _edit(path, *NO_OP_TRIGGERS, "UPDATE audit_log SET target = '改过' WHERE id = 2")  # now editable
    n, problem = audit.verify(open_as_operator(path))
    assert "audit_log_no_update" in problem and "audit_log_no_delete" in problem
    assert "第 2 条记录的内容与其哈希不符" in problem
    r = CliRunner().invoke(cli, ["--db", str(path), "audit", "verify"])
    assert r.exit_code == 1 and "触发器" in r.output


def test_verify_catches_another_trigger_on_the_audit_table(demo_file, tmp_path):
    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    _edit(
        path,
        "CREATE TRIGGER hide BEFORE INSERT ON audit_log WHEN NEW.action = 'import.cases' BEGIN SELECT RAISE(IGNORE); END",
    )
    n, problem = audit.verify(open_as_operator(path))
    assert problem is not None and "hide" in problem and "触发器" in problem


def test_verify_catches_a_removed_head_with_the_last_row(demo_file, tmp_path):
    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    ours = _rows(path, "SELECT sql FROM sqlite_master WHERE name LIKE 'audit_log_no_%' ORDER BY name")
    n_before = _rows(path, "SELECT COUNT(*) FROM audit_log")[0][0]
    _edit(
        path,
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)",
        "DELETE FROM meta WHERE key = 'audit_head'",
        ours[0][0],  # put back exactly as it was: only the rows and the head are gone
    )
    assert _schema(path) == _fresh_schema(tmp_path)
    n, problem = audit.verify(open_as_operator(path))
    assert n == n_before - 1 and problem is not None and "meta.audit_head" in problem


def test_verify_names_an_object_another_tool_added(demo_file, tmp_path):
    path = tmp_path / "copy.sqlite"
    path.write_bytes(demo_file.read_bytes())
    _edit(path, HOSTILE.format(judge="张三"))
    n, problem = audit.verify(open_as_operator(path))
    assert problem is not None and "triple_credit" in problem and "数据库结构" in problem
