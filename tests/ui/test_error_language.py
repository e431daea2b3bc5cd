"""Issue 16.5: the window shows a service error in its own language: a refused action, a bad
parameter and a refused import in English in the English window, in Chinese in the Chinese one."""

from __future__ import annotations

import re

import pytest

from workload_app.storage import repository as repo

pytestmark = pytest.mark.gui
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(params=["en", "zh_CN"])
def lang(request):
    from PySide6.QtWidgets import QApplication

    from workload_app.ui.application import create_app, install_translators

    create_app()
    install_translators(QApplication.instance(), request.param)
    yield request.param
    install_translators(QApplication.instance(), "zh_CN")


def _toml(demo_db, tmp_path, extra: str = ""):
    toml = tmp_path / "p.toml"
    toml.write_text(repo.current_param_set(demo_db, 2025)["toml"] + extra, encoding="utf-8")
    return toml


def test_a_refused_action_in_the_windows_language(demo_db, open_window, qtbot, tmp_path, monkeypatch, lang):
    from workload_app.ui import file_dialogs

    w = open_window(demo_db, "renshi")
    toml = _toml(demo_db, tmp_path)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(toml))
    w.view_titled("Parameters" if lang == "en" else "参数").import_toml()
    if lang == "en":
        assert w.messages[-1].startswith("Personnel “") and "may not change parameters" in w.messages[-1]
        assert "(allowed: Administrator)" in w.messages[-1]
        assert not HAN.search(w.messages[-1].split("”", 1)[1])  # Chinese only in the account's name
    else:
        assert "人事「" in w.messages[-1] and "无权修改参数（需要：管理员）" in w.messages[-1]


def test_a_refused_action_in_a_task_reaches_the_view_as_the_exception(demo_db, open_window, qtbot, lang):
    from workload_app.services.access import AccessDenied
    from workload_app.services.standard_cases import compute_year
    from workload_app.ui import db_errors

    w = open_window(demo_db, "faguan")
    got: list = []
    w.tasks.run(lambda db, p: compute_year(db, 2025, p), parent=w, label="", on_failed=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=20_000)
    assert isinstance(got[0], AccessDenied) and got[0].action == "recompute"
    text = db_errors.text(got[0])
    if lang == "en":
        assert "may not recompute the court's standard cases (allowed: Administrator, Personnel)" in text
    else:
        assert "无权重新计算全院的标准案件（需要：管理员、人事）" in text


def test_a_bad_parameter_in_the_windows_language(demo_db, open_window, qtbot, tmp_path, monkeypatch, lang):
    from workload_app.ui import file_dialogs

    w = open_window(demo_db)  # 管理员
    toml = _toml(demo_db, tmp_path, "\n[extra_table]\nx = 1\n")
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(toml))
    w.view_titled("Parameters" if lang == "en" else "参数").import_toml()
    if lang == "en":
        assert w.messages[-1] == "Unknown parameter key “extra_table”"
    else:
        assert w.messages[-1] == "未知的参数键「extra_table」"
    assert len(repo.param_versions(demo_db, 2025)) == 1  # nothing saved


def test_a_refused_import_in_the_windows_language(demo_db, open_window, qtbot, tmp_path, monkeypatch, lang):
    from workload_app.ui import file_dialogs

    w = open_window(demo_db)
    bad = tmp_path / "名册.doc"
    bad.write_bytes(b"not a roster")
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(bad))
    before = len(w.messages)
    w.import_roster()  # read on the worker: the window stays responsive
    qtbot.waitUntil(lambda: len(w.messages) > before, timeout=20_000)
    if lang == "en":
        assert w.messages[-1] == "名册.doc: Unsupported file type “.doc”: use .xlsx, .xls or .csv"
    else:
        assert w.messages[-1] == "名册.doc：不支持的文件类型「.doc」：请使用 .xlsx、.xls 或 .csv"
