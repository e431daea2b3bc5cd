"""Issue 14, "the file, the backups and the audit trail": restores keep their record and the
audit rows written after the backup, no-op changes make no backup, a roster import undoes,
files are owner-only, verification sees missing triggers, judges stay in their lane, and a
read-only, full or damaged file gives one clear message."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import open_as_operator
from tests.importing.conftest import ROSTER, case_rows, write_xlsx
from workload_app.cli import cli
from workload_app.core.problems import WorkloadError
from workload_app.services import access, accounts, audit, demo, imports, info, maintenance, parameters
from workload_app.services import standard_cases as S
from workload_app.storage import backups
from workload_app.storage import repository as repo

ROOT = Path(__file__).resolve().parents[2]


def _path(db) -> Path:
    return backups.database_path(db)


def _scalar(path: Path, sql: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _actions(db) -> list[str]:
    return [r[0] for r in db.conn.execute("SELECT action FROM audit_log ORDER BY id")]


# ---------------------------------------------------------------- restore


def test_restore_is_recorded_and_carries_the_audit_rows_written_after_the_backup(roster_db, tmp_path):
    copy = maintenance.backup_now(roster_db, tmp_path / "before.sqlite")
    rows_in_copy = _scalar(copy, "SELECT COUNT(*) FROM audit_log")
    imports.import_cases(roster_db, write_xlsx(tmp_path / "a.xlsx", case_rows()))
    trail_before = _actions(roster_db)
    assert trail_before[-1] == "import.cases" and len(trail_before) == rows_in_copy + 2  # + backup.create

    restored, _ = maintenance.restore(roster_db, copy)
    assert _scalar(_path(restored), "SELECT COUNT(*) FROM cases") == 0  # the data is the backup's
    trail = _actions(restored)
    assert trail[:-1] == trail_before  # nothing of what happened since the backup is lost
    assert trail[-1] == "backup.restore"
    assert audit.verify(restored) == (len(trail), None)
    record = audit.log(restored).iloc[0]
    assert '"carried": 2' in record["after"] and "before.sqlite" in record["target"]


def test_restoring_another_trail_keeps_the_replaced_trail_in_a_file_never_pruned(roster_db, tmp_path):
    other = open_as_operator(tmp_path / "other.sqlite")
    demo.create_demo(other, seed=3, cases_per_year=200)
    foreign = maintenance.backup_now(other, tmp_path / "foreign.sqlite")
    other.conn.close()
    imports.import_cases(roster_db, write_xlsx(tmp_path / "a.xlsx", case_rows()))
    replaced_trail = _actions(roster_db)

    restored, _ = maintenance.restore(roster_db, foreign)
    assert audit.verify(restored)[1] is None and _actions(restored)[-1] == "backup.restore"
    kept = list(backups.backups_dir(_path(restored)).glob("audit-before-restore-*.jsonl"))
    assert len(kept) == 1
    lines = kept[0].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(replaced_trail) and '"import.cases"' in lines[-1]
    with repo.transaction(restored):
        repo.set_meta(restored, "backup_keep", "1")
    for _ in range(3):
        maintenance.backup_now(restored)
    assert kept[0].exists() and len(backups.list_backups(_path(restored))) == 1


KILL_DURING_INSTALL = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from workload_app.services import maintenance
    from workload_app.storage import backups
    from tests.conftest import open_as_operator

    real = backups.install

    def killed_midway(prepared, path, progress=None):
        def step(status, remaining, total):
            if total - remaining > 0:  # some pages are in, the rest not
                os.kill(os.getpid(), signal.SIGKILL)
        real(prepared, path, progress=step)

    if sys.argv[3] == "kill":
        backups.install = killed_midway
    db = open_as_operator(sys.argv[1])
    maintenance.restore(db, Path(sys.argv[2]))
    """
)


@pytest.mark.parametrize("kill", [True, False])
def test_a_restore_killed_midway_leaves_the_old_database_and_a_finished_one_has_its_record(
    demo_db, tmp_path, kill
):
    path = _path(demo_db)
    copy = maintenance.backup_now(demo_db, tmp_path / "copy.sqlite")
    with repo.transaction(demo_db):
        demo_db.conn.execute("DELETE FROM case_results")
        demo_db.conn.execute("DELETE FROM cases WHERE id % 2 = 0")
        audit.record(demo_db, "import.undo", "half the cases removed (test)")
    old_cases = _scalar(path, "SELECT COUNT(*) FROM cases")
    new_cases = _scalar(copy, "SELECT COUNT(*) FROM cases")
    assert old_cases < new_cases and _scalar(copy, "PRAGMA page_count") > 300
    demo_db.conn.close()
    run = subprocess.run(
        [sys.executable, "-c", KILL_DURING_INSTALL, str(path), str(copy), "kill" if kill else "run"],
        env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH") or str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == (-9 if kill else 0), run.stderr
    db = open_as_operator(path)
    try:
        assert db.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert audit.verify(db)[1] is None
        cases = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        last = _actions(db)[-1]
        if kill:
            assert (cases, last) == (old_cases, "import.undo")
        else:
            assert (cases, last) == (new_cases, "backup.restore")
        folder = backups.backups_dir(path)
        assert bool(list(folder.glob("*.partial*"))) == kill  # the killed restore's working copy
        maintenance.backup_now(db)  # the next copy clears what a dead process left behind
        assert not list(folder.glob("*.partial*"))
    finally:
        db.conn.close()


# ---------------------------------------------------------------- backups for no-op changes


def test_a_no_op_import_roster_or_publish_makes_no_backup_and_never_pushes_out_the_real_one(
    roster_db, tmp_path
):
    with repo.transaction(roster_db):
        repo.set_meta(roster_db, "backup_keep", "2")
    file = write_xlsx(tmp_path / "a.xlsx", case_rows())
    imports.import_cases(roster_db, file)
    real = [p for p in backups.list_backups(_path(roster_db)) if "before-import" in p.name]
    assert len(real) == 1 and _scalar(real[0], "SELECT COUNT(*) FROM cases") == 0
    listing = backups.list_backups(_path(roster_db))
    for _ in range(3):  # the same file again: nothing changes
        result = imports.import_cases(roster_db, file)
        assert result.batch_id is None and result.unchanged == 4
        imports.import_judges(roster_db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    params, _ = parameters.current_params(roster_db, 2024)
    parameters.save_params(roster_db, params, "首版", publish=True)
    listing_after_publish = backups.list_backups(_path(roster_db))
    assert listing_after_publish[1:] == listing[:1]  # one real change (the publish), one real copy kept
    assert real[0] in listing_after_publish  # the last copy taken before the import is still there
    with pytest.raises(WorkloadError):
        parameters.publish(roster_db, 2024)  # already published: refused, no backup
    assert backups.list_backups(_path(roster_db)) == listing_after_publish
    assert not list(backups.backups_dir(_path(roster_db)).glob("*.partial"))


# ---------------------------------------------------------------- roster undo


def _roster(db) -> list[tuple]:
    return [tuple(r) for r in repo.judges_frame(db).drop(columns=["id"]).itertuples(index=False)]


def _divisions(db) -> set[str]:
    return {r[0] for r in db.conn.execute("SELECT name FROM divisions")}


def _changed_roster(tmp_path) -> Path:
    rows = [r[:] for r in ROSTER]
    rows[2][1] = "刑事审判庭"  # 李四 moves
    rows[3][4] = "2021-06-01"  # 王五's date changes
    rows.append(["孙七", "新设审判庭", "审判员", "审判", "2024-01-01", ""])  # new judge, new division
    return write_xlsx(tmp_path / "名册2.xlsx", rows, sheet="名册")


def test_undo_of_a_roster_batch_puts_the_roster_back_as_it_was(roster_db, tmp_path):
    roster, divisions = _roster(roster_db), _divisions(roster_db)
    changes = imports.import_judges(roster_db, _changed_roster(tmp_path)).summary
    assert dataclasses.asdict(changes) == {"new": 1, "updated": 2, "unchanged": 2}
    assert _roster(roster_db) != roster
    batch = imports.import_history(roster_db)[0]
    counts = imports.undo_import(roster_db, batch["id"]).summary
    assert dataclasses.asdict(counts) == {"removed": 1, "restored": 2, "divisions_removed": 1}
    assert _roster(roster_db) == roster and _divisions(roster_db) == divisions
    assert imports.import_history(roster_db)[0]["undone_at"]
    assert _actions(roster_db)[-1] == "import.undo"


def test_cli_undo_of_an_old_roster_batch_without_history_refuses(roster_db, tmp_path):
    path = str(_path(roster_db))
    imports.import_judges(roster_db, _changed_roster(tmp_path))
    batch = imports.import_history(roster_db)[0]["id"]
    with repo.transaction(roster_db):  # as a batch imported before roster history was kept
        roster_db.conn.execute("DELETE FROM roster_history WHERE batch_id = ?", (batch,))
    roster = _roster(roster_db)
    roster_db.conn.close()
    r = CliRunner().invoke(cli, ["--db", path, "import", "undo", str(batch)])
    assert r.exit_code == 1 and "无法撤销，名册未改动" in r.output and "已撤销" not in r.output
    db = open_as_operator(path)
    assert _roster(db) == roster and not imports.import_history(db)[0]["undone_at"]
    db.conn.close()
    db = open_as_operator(path)
    imports.import_judges(db, write_xlsx(tmp_path / "名册3.xlsx", ROSTER, sheet="名册"))  # back to ROSTER
    batch = imports.import_history(db)[0]["id"]
    db.conn.close()
    r = CliRunner().invoke(cli, ["--db", path, "import", "undo", str(batch)])
    assert r.exit_code == 0 and "名册已撤销" in r.output and "恢复 2 名" in r.output, r.output


def test_undo_of_a_roster_batch_whose_new_judge_has_cases_refuses_and_changes_nothing(roster_db, tmp_path):
    imports.import_judges(roster_db, _changed_roster(tmp_path))
    batch = imports.import_history(roster_db)[0]
    rows = case_rows()
    rows[1][3] = "孙七"
    imports.import_cases(roster_db, write_xlsx(tmp_path / "a.xlsx", rows))
    roster, trail = _roster(roster_db), _actions(roster_db)
    with pytest.raises(WorkloadError, match="孙七.*案件 1 条"):
        imports.undo_import(roster_db, batch["id"])
    assert _roster(roster_db) == roster and _actions(roster_db) == trail
    assert not imports.import_history(roster_db)[1]["undone_at"]


# ---------------------------------------------------------------- owner-only files


def test_database_and_backups_are_created_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        db = open_as_operator(tmp_path / "new" / "w.sqlite")
        path = _path(db)
        made = maintenance.backup_now(db)
        out = maintenance.backup_now(db, tmp_path / "elsewhere.sqlite")
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in path.parent.iterdir() if p.is_file()}
        assert modes == {"w.sqlite": 0o600, "w.sqlite-wal": 0o600, "w.sqlite-shm": 0o600}
        assert stat.S_IMODE(made.stat().st_mode) == 0o600 and stat.S_IMODE(out.stat().st_mode) == 0o600
        assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700  # a folder the program created
        db.conn.close()
    finally:
        os.umask(old)


# ---------------------------------------------------------------- verification


def _tamper(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(";".join(sql))
    conn.close()


def test_verify_reports_missing_append_only_triggers(demo_file, tmp_path):
    path = tmp_path / "copy.sqlite"
    shutil.copy(demo_file, path)
    _tamper(path, "DROP TRIGGER audit_log_no_delete")
    n, problem = audit.verify(open_as_operator(path))
    assert problem is not None and "audit_log_no_delete" in problem and "audit_log_no_update" not in problem
    r = CliRunner().invoke(cli, ["--db", str(path), "audit", "verify"])
    assert r.exit_code == 1 and "触发器" in r.output


def test_verify_of_bytes_that_are_not_text_names_the_row_instead_of_crashing(demo_file, tmp_path):
    path = tmp_path / "copy.sqlite"
    shutil.copy(demo_file, path)
    _tamper(
        path,
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET target = CAST(x'e4bdff' AS TEXT) WHERE id = 2",
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, '审计记录不可修改'); END",
    )
    r = CliRunner().invoke(cli, ["--db", str(path), "audit", "verify"])
    assert r.exit_code == 1 and r.exception is None or isinstance(r.exception, SystemExit)
    assert "第 2 条记录的内容与其哈希不符" in r.output and "Traceback" not in r.output


def _damage(path: Path) -> None:
    """Overwrite the middle of the file with garbage, as a failing disk or a bad copy would."""
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)  # everything after the first page
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("command", [["audit", "verify"], ["info"], ["compute", "--year", "2025"]])
def test_a_damaged_file_gives_one_clear_message(demo_file, tmp_path, command):
    path = tmp_path / "copy.sqlite"
    shutil.copy(demo_file, path)
    _damage(path)
    r = CliRunner().invoke(cli, ["--db", str(path), *command])
    assert r.exit_code == 1, r.output
    assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit), r.exception
    assert "已损坏" in r.output and "Traceback" not in r.output


# ---------------------------------------------------------------- manual backup, roles


def test_manual_backup_writes_an_audit_row(demo_db, tmp_path):
    path = str(_path(demo_db))
    n = len(_actions(demo_db))
    demo_db.conn.close()
    r = CliRunner().invoke(cli, ["--db", path, "backup"])
    assert r.exit_code == 0, r.output
    db = open_as_operator(path)
    assert _actions(db)[n:] == ["backup.create"] and audit.verify(db)[1] is None
    db.conn.close()


@pytest.fixture
def judge_db(demo_db):
    user, _ = accounts.login(demo_db, "faguan", demo.DEMO_PASSWORD)
    return demo_db, user


def test_a_judge_cannot_recompute_the_court(judge_db):
    db, _ = judge_db
    trail = _actions(db)
    with pytest.raises(access.AccessDenied, match="法官"):
        S.compute_year(db, 2025)
    assert _actions(db) == trail


def test_a_judge_reads_no_court_wide_counts_or_roster(judge_db):
    db, me = judge_db
    roster = info.judges(db)
    assert list(roster["name"]) == [me.judge]
    counts = info.counts(db)
    assert set(counts["division"]) <= {me.division}
    mine = repo.load_cases(db, judge_id=repo.judge_ids(db)[me.judge])
    assert int(counts["cases"].sum()) == len(mine) > 0
    assert info.summary(db)["cases"] == len(mine)


def test_a_division_head_reads_their_division_only(demo_db):
    user, _ = accounts.login(demo_db, "tingzhang", demo.DEMO_PASSWORD)
    assert set(info.judges(demo_db)["division"]) == {user.division}
    assert set(info.counts(demo_db)["division"]) == {user.division}
    with pytest.raises(access.AccessDenied):
        S.compute_year(demo_db, 2025)


def test_cli_as_a_judge_refuses_compute_and_scopes_info_and_judges_list(demo_db, monkeypatch):
    path = str(_path(demo_db))
    demo_db.conn.close()
    monkeypatch.setenv("WORKLOAD_PASSWORD", demo.DEMO_PASSWORD)
    runner = CliRunner()
    r = runner.invoke(cli, ["--db", path, "--user", "faguan", "compute", "--year", "2025"])
    assert r.exit_code == 1 and "无权" in r.output
    everyone = runner.invoke(cli, ["--db", path, "judges", "list"]).output.splitlines()
    mine = runner.invoke(cli, ["--db", path, "--user", "faguan", "judges", "list"]).output.splitlines()
    assert len(everyone) > 50 and len(mine) == 2  # header + their own row
    court = runner.invoke(cli, ["--db", path, "info"]).output
    own = runner.invoke(cli, ["--db", path, "--user", "faguan", "info"]).output
    assert "部门 8 个" in court and "部门 1 个，法官 1 名" in own


# ---------------------------------------------------------------- read-only, full


def test_a_full_disk_gives_one_clear_message_and_leaves_the_database_as_it_was(demo_db, monkeypatch):
    path = _path(demo_db)
    demo_db.conn.close()
    before = _scalar(path, "SELECT COUNT(*) FROM case_results")
    pages = _scalar(path, "PRAGMA page_count")
    import workload_app.cli as cli_module

    def tight(p, **kw):  # the disk holds no more page than the file has now
        db = open_as_operator(p, **kw)
        db.conn.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(cli_module, "open_db", tight)
    with repo.transaction(d := open_as_operator(path)):
        d.conn.execute("DELETE FROM case_results")  # recompute has to write everything back
        audit.record(d, "compute", "cleared (test)")
    d.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    d.conn.execute("VACUUM")
    d.conn.close()
    pages = _scalar(path, "PRAGMA page_count")
    r = CliRunner().invoke(cli, ["--db", str(path), "compute", "--year", "2025"])
    assert r.exit_code == 1 and "磁盘空间不足" in r.output and "Traceback" not in r.output
    assert before > 0 and _scalar(path, "SELECT COUNT(*) FROM case_results") == 0
    assert _scalar(path, "PRAGMA quick_check") == "ok"


def _read_only_copy(demo_file: Path, tmp_path: Path):
    """A copy of the demo on a read-only file system (root ignores file modes), else 0444/0555."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)]).returncode:
            pytest.skip("cannot mount a read-only file system here")
        shutil.copy(demo_file, folder / "d.sqlite")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        return folder / "d.sqlite", lambda: subprocess.run(["umount", str(folder)], check=True)
    shutil.copy(demo_file, folder / "d.sqlite")
    (folder / "d.sqlite").chmod(0o444)
    folder.chmod(0o555)
    return folder / "d.sqlite", lambda: folder.chmod(0o755)


@pytest.mark.parametrize("command", [["info"], ["compute", "--year", "2025"], ["backup"]])
def test_a_read_only_database_gives_one_clear_message(demo_file, tmp_path, command):
    path, cleanup = _read_only_copy(demo_file, tmp_path)
    try:
        r = CliRunner().invoke(cli, ["--db", str(path), *command])
        assert r.exit_code == 1, r.output
        assert "是只读的" in r.output and "Traceback" not in r.output
        assert sorted(p.name for p in path.parent.iterdir()) == ["d.sqlite"]
    finally:
        cleanup()
