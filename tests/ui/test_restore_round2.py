"""Issue 30.13: 从备份恢复 lists what each backup holds (taken before which change) and says what
restoring it loses; reading a backup leaves no -wal/-shm beside it; the window comes back
maximised as it was."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from tests.importing.conftest import HEADER, write_xlsx
from workload_app.services import maintenance
from workload_app.services.imports import import_cases

pytestmark = pytest.mark.gui


def _row(n, number):
    import datetime as dt

    return [
        n, number, "民间借贷纠纷", "赵六", "执行局", dt.date(2025, 3, 5), dt.date(2025, 6, 1),
        "执行完毕", "", "", "", "", "", None,
    ]  # fmt: skip


def test_the_restore_dialog_says_what_each_backup_holds_and_what_is_lost(
    demo_db, open_window, qtbot, tmp_path, monkeypatch
):
    w = open_window(demo_db, "admin")
    w.showMaximized()
    manual = maintenance.backup_now(demo_db)
    source = write_xlsx(tmp_path / "2026年2月结案.xlsx", [HEADER, _row(1, "(2025)渝0106执9001号")])
    from tests.importing.conftest import ROSTER
    from workload_app.services.imports import import_judges

    import_judges(demo_db, write_xlsx(tmp_path / "r.xlsx", ROSTER, sheet="名册"))
    import_cases(demo_db, source)
    choices = maintenance.backup_choices(demo_db)
    by_reason = {c.reason: c for c in choices}
    before_import = by_reason["before-import"]
    assert before_import.before["action"] == "import.cases" and source.name in before_import.before["target"]
    assert before_import.lost == 1  # the import
    assert by_reason["manual"].path == manual and by_reason["manual"].lost == 2  # the roster, the import
    assert [r["action"] for r in by_reason["manual"].lost_rows] == ["import.judges", "import.cases"]
    asked: list[str] = []

    def question(_p, _t, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))

    def pick() -> None:
        dialog = w.restore_dialog
        rows = [dialog.model.row_at(i) for i in range(dialog.model.rowCount())]
        shown = next(i for i, r in enumerate(rows) if r["reason"] == "导入结案数据之前")
        assert rows[shown]["before"].startswith("导入案件「") and source.name in rows[shown]["before"]
        assert rows[shown]["lost"] == 1
        dialog.table.selectRow(shown)
        assert "恢复后将丢失此备份之后记录的 1 项改动（审计日志本身保留）" in dialog.detail.text()
        dialog.accept()

    QTimer.singleShot(0, pick)
    successor = w.restore_backup()
    qtbot.addWidget(successor)
    assert asked and f"用「{before_import.path.name}」（" in asked[0]
    assert "· 导入案件「" in asked[0] and source.name in asked[0]
    n = successor.db.conn.execute("SELECT COUNT(*) FROM cases WHERE case_number = '(2025)渝0106执9001号'")
    assert n.fetchone()[0] == 0  # the import is gone
    companions = [p.name for p in before_import.path.parent.iterdir() if p.name.endswith(("-wal", "-shm"))]
    assert companions == []
    assert successor.isMaximized()
    successor.tasks.wait(30_000)


def test_an_old_wal_backup_is_read_without_leaving_files(demo_db, tmp_path):
    """A copy still in WAL mode (made by an older version) gets no -wal/-shm from being read."""
    copy = tmp_path / "old.sqlite"
    shutil.copy(demo_db.conn.execute("PRAGMA database_list").fetchone()[2], copy)
    assert copy.read_bytes()[18:20] == b"\x02\x02"  # WAL
    from workload_app.storage import backups
    from workload_app.storage.db import latest_version

    backups.check_copy(copy, latest_version())
    info = maintenance.describe_backup(demo_db, copy)
    assert info.lost == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("old")) == ["old.sqlite"]


def test_a_new_backup_is_one_file(demo_db):
    made = maintenance.backup_now(demo_db)
    assert made.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: no -wal/-shm when read
