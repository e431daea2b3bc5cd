"""Run by test_screen_fit.py in its own process, on an offscreen screen of a given size (Qt reads
the screen from the platform's config file, fixed for a process): opens the window, visits every
view and the dialogs, and prints what fits as JSON. Optionally resizes and closes the window (the
size is then remembered) and saves screenshots."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication


def main(db_path: str, settings: str, lang: str, resize: str, shots: str) -> None:
    from tests.conftest import open_as_operator
    from workload_app.ui.application import create_app, install_translators
    from workload_app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    app = create_app()
    install_translators(app, lang)
    db = open_as_operator(Path(db_path))
    w = MainWindow(db, Path(db_path), lang)
    w.show()
    app.processEvents()
    area = QGuiApplication.primaryScreen().availableGeometry()
    out: dict = {"screen": [area.width(), area.height()], "size": [w.width(), w.height()], "views": {}}
    for i in range(w.nav.count()):
        w.nav.setCurrentRow(i)
        w.tasks.wait(60_000)
        app.processEvents()
        w.tasks.wait(60_000)
        app.processEvents()
        bar = w.statusBar()
        bottom = bar.mapToGlobal(bar.rect().bottomLeft()).y()
        out["views"][w.nav.item(i).text()] = {
            "frame": [w.frameGeometry().width(), w.frameGeometry().height()],
            "status_bottom": bottom,
            "min_height": w.minimumSizeHint().height(),
        }
        if shots:
            w.grab().save(str(Path(shots) / f"{lang}-{i:02d}.png"))
    from workload_app.ui.dialogs.import_wizard import ImportHistoryDialog, ImportWizard

    out["dialogs"] = {}
    for name, dialog in (("import", ImportWizard(w)), ("history", ImportHistoryDialog(w))):
        dialog.show()
        app.processEvents()
        out["dialogs"][name] = [dialog.frameGeometry().height(), dialog.frameGeometry().bottom()]
        dialog.close()
    if resize:
        width, height = (int(v) for v in resize.split("x"))
        w.showNormal()  # the user leaves the maximised state and sizes the window
        w.resize(width, height)
        app.processEvents()
        w.close()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:6])
