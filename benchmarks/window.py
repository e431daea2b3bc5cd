"""Window figures: start to main window on the demo database against a bare QMainWindow start;
the cases view with a million cases (show, sort); each view's refresh on the UI thread; peak memory.

Run as ``python -m benchmarks.window`` (part of ``make bench``); every timing runs offscreen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.data import demo_database
from benchmarks.goals import vm_hwm_mb

BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([]); w = QMainWindow(); w.resize(1280, 800); w.show()\n"
    "QTimer.singleShot(300, app.quit); app.exec()\n"
)


def _env(tmp: str) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": tmp, "XDG_STATE_HOME": tmp}


def _wall(cmd: list[str], env: dict, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        best = min(best, time.perf_counter() - t)
    return best


def bench_start(cases_per_year: int) -> list[tuple]:
    """Process start to main window shown and quit (both wait 300 ms before quitting)."""
    source = demo_database(cases_per_year)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        shutil.copy(source, db)
        env = _env(tmp)
        subprocess.run([sys.executable, "-m", "workload_app", "--smoke", "--db", str(db)], env=env, check=True, capture_output=True)  # migrate once  # fmt: skip
        ours = _wall([sys.executable, "-m", "workload_app", "--smoke", "--db", str(db)], env)
        bare = _wall([sys.executable, "-c", BARE], env)
    n = 2 * cases_per_year
    return [("window start to shown", n, ours, "bare QMainWindow start", bare, f"{ours - bare:.2f} s more; goal ≤ 2 s {'✔' if ours <= 2 else '✘'}")]  # fmt: skip


def _child_views(db_path: str) -> None:
    """In a child process: every view's refresh time on the UI thread, then the cases view at 1M."""
    from benchmarks.data import open_as_operator
    from workload_app.ui.application import create_app
    from workload_app.ui.main_window import MainWindow

    app = create_app()
    t = time.perf_counter()
    w = MainWindow(open_as_operator(db_path), Path(db_path))
    w.show()
    app.processEvents()
    print(f"shown {time.perf_counter() - t:.3f}")
    for i in range(w.nav.count()):
        name = w.nav.item(i).text()
        t = time.perf_counter()
        longest = _longest_block(app, w, lambda i=i: w.nav.setCurrentRow(i))
        print(f"view {name} {time.perf_counter() - t:.3f}")
        print(f"block {name} {longest:.3f}")
    print(f"rss {vm_hwm_mb():.0f}")


def _longest_block(app, window, action) -> float:
    """The longest the event loop went without turning, from ``action`` until the window's
    background work is done: what a user feels as a frozen window."""
    from PySide6.QtCore import QElapsedTimer

    clock = QElapsedTimer()
    clock.start()
    last, longest = 0, 0
    action()
    while True:
        app.processEvents()
        now = clock.elapsed()
        longest, last = max(longest, now - last), now
        if not window.tasks._jobs and now > 50:
            break
        time.sleep(0.002)
    return longest / 1000


def _child_table(db_path: str) -> None:
    """In a child process: a million cases into the table model, shown, sorted twice."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from benchmarks.data import open_as_operator
    from workload_app.services import standard_cases as S
    from workload_app.ui.application import create_app
    from workload_app.ui.dataframe_model import DataFrameModel
    from workload_app.ui.views.cases import COLUMNS

    app = create_app()
    db = open_as_operator(db_path)
    merged, params, _ = S.results(db, 2025)
    merged["rule_name"] = S.rule_names(merged, params)
    merged["flags_text"] = S.flags_text(merged)  # as the view does, in Chinese
    merged["category_label"] = merged["category"]
    merged["unit_label"] = merged["unit"]
    frame = merged[list(COLUMNS)].reset_index(drop=True)
    print(f"rows {len(frame)}")
    model = DataFrameModel(headers=COLUMNS)
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    t = time.perf_counter()
    model.set_frame(frame)
    app.processEvents()
    print(f"show {time.perf_counter() - t:.3f}")
    for col in ("sc", "case_number"):
        t = time.perf_counter()
        model.sort(list(COLUMNS).index(col), Qt.SortOrder.DescendingOrder)
        app.processEvents()
        print(f"sort_{col} {time.perf_counter() - t:.3f}")
    print(f"rss {vm_hwm_mb():.0f}")


def _run_child(kind: str, db: Path) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.window", kind, str(db)], env=_env(tmp), check=True, capture_output=True, text=True
        ).stdout  # fmt: skip
    figures = {}
    for line in out.splitlines():
        key, _, value = line.rpartition(" ")
        figures[key] = value
    return figures


def bench_views(cases_per_year: int) -> list[tuple]:
    f = _run_child("views", demo_database(cases_per_year))
    n = 2 * cases_per_year
    rows = [("window constructed and shown (in process)", n, float(f["shown"]), "", float("nan"), "")]
    worst = max((k for k in f if k.startswith("view ")), key=lambda k: float(f[k]))
    for k in f:
        if k.startswith("view "):
            name = k.removeprefix("view ")
            block = float(f[f"block {name}"])
            rows.append((f"view {name}: shown, background work done", n, float(f[k]), "", float("nan"), ""))
            rows.append((f"view {name}: longest UI-thread block", n, block, "", float("nan"), "goal ~0.1 s " + ("✔" if block <= 0.1 else "✘")))  # fmt: skip
    rows.append(
        (f"peak RSS, all views shown (MB); slowest {worst}", n, float(f["rss"]), "", float("nan"), "")
    )
    return rows


def bench_table(cases_per_year: int) -> list[tuple]:
    f = _run_child("table", demo_database(cases_per_year))
    n = int(f["rows"])
    ok = lambda s: "goal ≤ 1 s " + ("✔" if s <= 1 else "✘")  # noqa: E731
    return [
        ("table: show cases", n, float(f["show"]), "", float("nan"), ok(float(f["show"]))),
        ("table: sort by SC", n, float(f["sort_sc"]), "", float("nan"), ok(float(f["sort_sc"]))),
        (
            "table: sort by case number",
            n,
            float(f["sort_case_number"]),
            "",
            float("nan"),
            ok(float(f["sort_case_number"])),
        ),  # fmt: skip
        (
            "peak RSS with the cases loaded (MB)",
            n,
            float(f["rss"]),
            "",
            float("nan"),
            "goal ≤ 1536 MB " + ("✔" if float(f["rss"]) <= 1536 else "✘"),
        ),  # fmt: skip
    ]


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    {"views": _child_views, "table": _child_table}[kind](path)
