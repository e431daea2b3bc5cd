"""Issue 19.13: restore from the window (管理员) with the command line's checks, and log-out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from workload_app.services import accounts, maintenance
from workload_app.services import parameters as P
from workload_app.storage import repository as repo

pytestmark = pytest.mark.gui


def _yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))


def _menu_texts(w) -> list[str]:
    return [a.text() for a in w.account_menu.actions()]


def test_admin_restores_a_backup_and_the_window_shows_it(demo_db, open_window, qtbot, monkeypatch):
    w = open_window(demo_db, "admin")
    assert "从备份恢复…" in _menu_texts(w) and "注销" in _menu_texts(w)
    backup = maintenance.backup_now(demo_db)
    params, _ = P.current_params(demo_db, 2025)
    P.save_params(demo_db, params.with_weights(0.2, 0.25, 0.55), "之后的草稿")
    assert len(repo.param_versions(demo_db, 2025)) == 2
    _yes(monkeypatch)
    successor = w.restore_backup(backup)
    qtbot.addWidget(successor)
    assert successor is not None and not w.isVisible() and successor.isVisible()
    assert "已恢复" not in w.messages[-1] and "数据库已从" in w.messages[-1]
    assert len(repo.param_versions(successor.db, 2025)) == 1  # the draft saved after the backup is gone
    last = successor.db.conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert last[0] == "backup.restore"
    successor.tasks.wait(30_000)


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    demo_db, open_window, qtbot, monkeypatch, tmp_path
):
    w = open_window(demo_db, "admin")
    bad = tmp_path / "不是备份.sqlite"
    bad.write_text("hello", encoding="utf-8")
    _yes(monkeypatch)
    assert w.restore_backup(bad) is None
    assert w.isVisible() and "未恢复" not in w.messages[-1] and w.messages[-1]
    assert len(repo.param_versions(w.db, 2025)) == 1  # the window still reads its database


def test_restore_is_not_offered_to_personnel(demo_db, open_window):
    w = open_window(demo_db, "renshi")
    assert "从备份恢复…" not in _menu_texts(w)


def test_log_out_then_log_in_as_someone_else(demo_db, open_window, qtbot, monkeypatch):
    from workload_app.services.demo import DEMO_PASSWORD
    from workload_app.ui import application

    w = open_window(demo_db, "admin")
    monkeypatch.setattr(
        application, "log_in", lambda db: accounts.login(db, "faguan", DEMO_PASSWORD) is not None
    )
    successor = w.log_out()
    qtbot.addWidget(successor)
    assert not w.isVisible() and successor.user.login == "faguan"
    titles = [successor.nav.item(i).text() for i in range(successor.nav.count())]
    assert "用户" not in titles and "参数" not in titles
    actions = [r[0] for r in demo_db.conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 2")]
    assert actions == ["user.login", "user.logout"]
    successor.tasks.wait(30_000)


def test_log_out_cancelled_closes_the_window(demo_db, open_window, monkeypatch):
    from workload_app.services import access
    from workload_app.ui import application

    w = open_window(demo_db, "renshi")
    monkeypatch.setattr(application, "log_in", lambda db: False)
    assert w.log_out() is None and not w.isVisible()
    with pytest.raises(access.AccessDenied, match="没有登录的用户"):  # renshi no longer acts: nobody does
        access.current(demo_db)
