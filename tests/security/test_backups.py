"""Backups before imports and publishing, keeping the newest N; restore checks the copy first
and keeps the replaced database aside."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from tests.importing.conftest import case_rows, write_xlsx
from workload_app.cli import cli
from workload_app.core.problems import WorkloadError
from workload_app.services import audit, imports, maintenance, parameters
from workload_app.storage import backups
from workload_app.storage import repository as repo


def _path(db):
    return backups.database_path(db)


def _cases(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


def test_import_and_publish_back_up_first(roster_db, tmp_path):
    imports.import_cases(roster_db, write_xlsx(tmp_path / "a.xlsx", case_rows()))
    made = backups.list_backups(_path(roster_db))
    assert ["before-import" in p.name for p in made] == [True, False]  # newest first; the roster's before
    assert _cases(made[0]) == 0  # the state before the import
    params, _ = parameters.current_params(roster_db, 2024)
    parameters.save_params(roster_db, params, "首版")
    parameters.publish(roster_db, 2024)
    newest = backups.list_backups(_path(roster_db))[0]
    assert "before-publish" in newest.name and _cases(newest) == 4


def test_only_the_newest_n_are_kept(roster_db, tmp_path):
    with repo.transaction(roster_db):
        repo.set_meta(roster_db, "backup_keep", "3")
    for i in range(5):
        maintenance.backup_now(roster_db)
        assert len(backups.list_backups(_path(roster_db))) == min(i + 2, 3)  # + the roster import's


def test_restore_checks_then_replaces_and_keeps_the_current_aside(roster_db, tmp_path):
    path = _path(roster_db)
    copy = maintenance.backup_now(roster_db, tmp_path / "empty.sqlite")
    imports.import_cases(roster_db, write_xlsx(tmp_path / "a.xlsx", case_rows()))
    assert _cases(path) == 4
    restored, aside = maintenance.restore(roster_db, copy)
    assert _cases(path) == 0 and _cases(aside) == 4
    assert audit.verify(restored)[1] is None
    assert audit.log(restored)["action"].iloc[0] == "backup.restore"


@pytest.mark.parametrize("kind", ["garbage", "truncated", "not ours"])
def test_restore_refuses_a_bad_copy_and_changes_nothing(roster_db, tmp_path, kind):
    path = _path(roster_db)
    imports.import_cases(roster_db, write_xlsx(tmp_path / "a.xlsx", case_rows()))
    bad = tmp_path / "bad.sqlite"
    if kind == "garbage":
        bad.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    elif kind == "truncated":
        good = maintenance.backup_now(roster_db, tmp_path / "good.sqlite")
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    else:
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    with pytest.raises(WorkloadError, match="未恢复|不是可用的数据库"):
        maintenance.restore(roster_db, bad)
    assert _cases(path) == 4


def test_cli_backup_and_restore(demo_db, tmp_path):
    path = str(_path(demo_db))
    demo_db.conn.close()
    count = _cases(path)
    runner = CliRunner()
    r = runner.invoke(cli, ["--db", path, "backup", "--out", str(tmp_path / "b.sqlite")])
    assert r.exit_code == 0 and "已备份到" in r.output
    r = runner.invoke(cli, ["--db", path, "restore", str(tmp_path / "missing.sqlite"), "--yes"])
    assert r.exit_code == 1 and "找不到备份文件" in r.output
    r = runner.invoke(cli, ["--db", path, "restore", str(tmp_path / "b.sqlite"), "--yes"])
    assert r.exit_code == 0 and "原数据库另存为" in r.output
    assert _cases(path) == count
