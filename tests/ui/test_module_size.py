"""Issue 16: no module of the program over 600 lines (the main window was 623 and was split into
ui/window_nav.py, ui/window_menus.py and ui/window_store.py)."""

from __future__ import annotations

from pathlib import Path

import workload_app

LIMIT = 600


def test_no_module_is_longer_than_the_limit():
    root = Path(workload_app.__file__).parent
    long = {
        str(p.relative_to(root)): n
        for p in root.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert long == {}


def test_the_main_window_keeps_its_parts_and_their_texts_translate():
    from workload_app.ui.main_window import MainWindow
    from workload_app.ui.window_menus import WindowMenus
    from workload_app.ui.window_nav import WindowNavigation
    from workload_app.ui.window_store import WindowStore

    assert {WindowNavigation, WindowMenus, WindowStore} < set(MainWindow.__mro__)
    for name in (
        "import_cases",
        "open_database",
        "connect_server",
        "restore_backup",
        "log_out",
        "view_titled",
    ):
        assert callable(getattr(MainWindow, name))
