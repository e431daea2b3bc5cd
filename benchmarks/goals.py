"""The whole path at scale (issue 21): each goal measured in its own process beside its baseline.

Every measured program runs in a fresh child process and reports its OWN peak memory from
``/proc/self/status`` (``VmHWM``). ``ru_maxrss`` is not used: Linux carries a process's
high-water mark across fork/exec, so a child started by a parent that generated a million
cases would report the parent's peak.

The baseline is SQLite scanning the same columns in C: the ``sqlite3`` shell (Python's sqlite3
module when the shell is missing) running one SELECT aggregate over the columns the engine
reads, in the same run.

    python -m benchmarks.run goals --sizes 10000,100000
    python -m benchmarks.goals child compute DB     (what the parent starts; prints key value lines)
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.data import demo_database

YEAR = 2025
ENGINE_COLUMNS_SCAN = (
    "SELECT count(*), sum(file_pages), sum(transcript_pages), sum(judgment_pages), count(type_code), "
    "count(category), count(procedure), count(closing_method), count(cause), count(approved) "
    "FROM cases WHERE closed_year = {year}"
)


PROFILE_ENV = "WORKLOAD_BENCH_PROFILE"  # a child run under cProfile writes its stats to this path
_profiler = None


def _exit(code: int = 0) -> None:
    """A child's end: its output flushed and its profile written first (``os._exit`` skips every
    handler)."""
    sys.stdout.flush()
    if _profiler is not None:
        _profiler.disable()
        _profiler.dump_stats(os.environ[PROFILE_ENV])
    os._exit(code)


def vm_hwm_mb() -> float:
    """This process's own peak resident set (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---------------------------------------------------------------- children (run in their own process)


def _child_cli(db: str, *args: str) -> None:
    """``workload --db DB ARGS`` in this process; prints its wall time and own peak."""
    from workload_app.cli import cli

    t = time.perf_counter()
    try:
        cli.main(["--db", db, *args], prog_name="workload", standalone_mode=False)
    finally:
        print(f"seconds {time.perf_counter() - t:.4f}")
        print(f"peak_mb {vm_hwm_mb():.1f}")


def _child_open(db: str) -> None:
    """Open the copied database once: a migration the app applies once is not a figure."""
    from benchmarks.data import open_as_operator

    open_as_operator(db).conn.close()


def _child_scan(db: str, year: str) -> None:
    """The baseline in Python's sqlite3 module (used only when the sqlite3 shell is missing)."""
    conn = sqlite3.connect(db)
    t = time.perf_counter()
    conn.execute(ENGINE_COLUMNS_SCAN.format(year=int(year))).fetchone()
    print(f"seconds {time.perf_counter() - t:.4f}")
    print(f"peak_mb {vm_hwm_mb():.1f}")


def _child_table(db: str) -> None:
    """The cases view's model with the year loaded, shown and sorted (offscreen)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from benchmarks.data import open_as_operator
    from workload_app.services import access
    from workload_app.ui.application import create_app
    from workload_app.ui.views.cases import COLUMNS, CasesView

    app = create_app()
    handle = open_as_operator(db)

    class _Window:  # what CasesView asks of the main window
        def __init__(self) -> None:
            from workload_app.ui.tasks import TaskRunner

            self.db = handle
            self.tasks = TaskRunner(Path(db))
            self.user = access.local_operator()  # the court-wide view, as 人事 would see it

        def year(self) -> int:
            return YEAR

        def month(self) -> int:
            return 12

    view = CasesView(_Window())
    view.resize(1200, 700)
    view.show()
    t = time.perf_counter()
    view.refresh()
    while view.frame.empty:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    print(f"load_and_show {time.perf_counter() - t:.4f}")
    print(f"rows {len(view.frame)}")
    model = view.model
    table: QTableView = view.table
    for col in ("sc", "case_number"):
        t = time.perf_counter()
        model.sort(list(COLUMNS).index(col), Qt.SortOrder.DescendingOrder)
        table.viewport().repaint()
        app.processEvents()
        print(f"sort_{col} {time.perf_counter() - t:.4f}")
    print(f"peak_mb {vm_hwm_mb():.1f}")
    _exit(0)  # the worker thread need not be joined


def _child_judge(db: str) -> None:
    """我的工作量 as the judge sees it: the view asks for its data (read on the database worker),
    timed until its figures, case list, chart and 质效 table are filled; then one row selected and
    timed until its explanation is shown (made on the worker when asked)."""
    from benchmarks.data import open_as_operator
    from workload_app.services import access
    from workload_app.ui.application import create_app
    from workload_app.ui.tasks import TaskRunner
    from workload_app.ui.views.my_workload import MyWorkloadView

    app = create_app()
    handle = open_as_operator(db)
    row = (
        handle.conn.execute(
            "SELECT j.name, d.name FROM judges j JOIN divisions d ON d.id = j.division_id "
            "WHERE j.role = '审判员' ORDER BY j.id LIMIT 1"
        ).fetchone()
        or handle.conn.execute("SELECT name, NULL FROM judges ORDER BY id LIMIT 1").fetchone()
    )
    access.bind(handle, access.User(login="bench", role=access.JUDGE, judge=row[0], division=row[1]))

    class _Window:  # what MyWorkloadView asks of the main window
        def __init__(self) -> None:
            self.db = handle
            self.tasks = TaskRunner(Path(db), user=access.current(handle))  # the worker acts as the judge

        def year(self) -> int:
            return YEAR

        def month(self) -> int:
            return 12

    window = _Window()
    view = MyWorkloadView(window)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    t = time.perf_counter()
    view.refresh()
    while view.cases.rowCount() == 0 or not window.tasks.idle():
        app.processEvents()
        time.sleep(0.001)
    view.repaint()
    app.processEvents()
    print(f"seconds {time.perf_counter() - t:.4f}")
    print(f"rows {view.cases.rowCount()}")
    t = time.perf_counter()
    view.case_table.selectRow(view.cases.rowCount() // 2)
    while not window.tasks.idle() or view.explanation.toPlainText() in ("", view.tr("正在读取…")):
        app.processEvents()
        time.sleep(0.001)
    print(f"explain_seconds {time.perf_counter() - t:.4f}")
    print(f"peak_mb {vm_hwm_mb():.1f}")
    _exit(0)  # the worker thread need not be joined


# ---------------------------------------------------------------- parent


def _env(tmp: str) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": tmp, "XDG_STATE_HOME": tmp}


def _child(*args: str, tmp: str, profile: str | None = None, env: dict | None = None) -> dict[str, float]:
    """One measured program in a fresh process; its ``key value`` lines. ``profile``: run under
    cProfile, its stats written to that path (the seconds then include the profiler's cost)."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.goals", "child", *args],
        env={**_env(tmp), **({PROFILE_ENV: profile} if profile else {}), **(env or {})},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"child {args[0]} failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
        )
    out = done.stdout
    figures = {}
    for line in out.splitlines():
        key, _, value = line.rpartition(" ")
        try:
            figures[key] = float(value)
        except ValueError:
            continue
    return figures


def _scan_baseline(db: Path, tmp: str, repeat: int = 3) -> tuple[float, str]:
    """Best of ``repeat`` runs of the C-level scan; the sqlite3 shell's own timer when present."""
    sql = ENGINE_COLUMNS_SCAN.format(year=YEAR)
    shell = shutil.which("sqlite3")
    best = float("inf")
    for _ in range(repeat):
        if shell:
            t = time.perf_counter()
            subprocess.run([shell, str(db), sql], check=True, capture_output=True)
            # the shell's start and open are a few ms; the wall time is the honest, slightly high figure
            best = min(best, time.perf_counter() - t)
        else:
            best = min(best, _child("scan", str(db), str(YEAR), tmp=tmp)["seconds"])
    return best, "sqlite3 shell" if shell else "python sqlite3"


def _mark(ok: bool) -> str:
    return "✔" if ok else "✘"


def bench_goals(sizes: list[int]) -> list[tuple]:
    """The issue's goals table, per size: (path, cases, ours, baseline text, goal, verdict)."""
    rows = []
    for n in sizes:
        source = demo_database(n)
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.sqlite"
            shutil.copy(source, db)
            _child("open", str(db), tmp=tmp)
            scan, how = _scan_baseline(db, tmp)
            c = _child("cli", str(db), "compute", "--year", str(YEAR), tmp=tmp)
            limit = 10 * scan
            rows.append(
                (
                    "`workload compute` end to end (read → SC → stored)",
                    n,
                    f"{c['seconds']:.2f} s, {c['peak_mb']:,.0f} MB",
                    f"{how} scan of the engine's columns {scan:.3f} s",
                    f"≤ 10× = {limit:.2f} s, ≤ 1024 MB",
                    f"{_mark(c['seconds'] <= limit)} {c['seconds'] / scan:.1f}×, {_mark(c['peak_mb'] <= 1024)} memory",
                )
            )
            # again, nothing of the reference year changed since (a re-computation after new
            # parameters or this year's import): its averages are the ones kept, not read again
            k = _child("cli", str(db), "compute", "--year", str(YEAR), tmp=tmp)
            rows.append(
                (
                    "`workload compute` again, reference year unchanged",
                    n,
                    f"{k['seconds']:.2f} s, {k['peak_mb']:,.0f} MB",
                    f"{how} scan of the engine's columns {scan:.3f} s",
                    f"≤ 10× = {limit:.2f} s, ≤ 1024 MB",
                    f"{_mark(k['seconds'] <= limit)} {k['seconds'] / scan:.1f}×, {_mark(k['peak_mb'] <= 1024)} memory",
                )
            )
            out = Path(tmp) / "tally.xlsx"
            e = _child("cli", str(db), "export", "tally", "--year", str(YEAR), "--out", str(out), tmp=tmp)
            rows.append(
                (
                    "`export tally` (results fresh)",
                    n,
                    f"{e['seconds']:.2f} s, {e['peak_mb']:,.0f} MB",
                    f"scan {scan:.3f} s",
                    "≤ 1 s, ≤ 1024 MB",
                    f"{_mark(e['seconds'] <= 1)} time, {_mark(e['peak_mb'] <= 1024)} memory",
                )
            )
            t = _child("table", str(db), tmp=tmp)
            worst_sort = max(t["sort_sc"], t["sort_case_number"])
            rows.append(
                (
                    "cases view: year loaded, shown, sorted",
                    int(t["rows"]),
                    f"load+show {t['load_and_show']:.2f} s, sort ≤ {worst_sort:.2f} s, {t['peak_mb']:,.0f} MB",
                    "",
                    "≤ 1024 MB, show/sort ≤ 1 s",
                    f"{_mark(t['peak_mb'] <= 1024)} memory, {_mark(worst_sort <= 1)} sort "
                    f"(load on the worker {t['load_and_show']:.2f} s)",
                )
            )
            j = _child("judge", str(db), tmp=tmp)
            rows.append(
                (
                    "judge's own view (我的工作量), as the judge",
                    n,
                    f"{j['seconds']:.2f} s to shown (view filled), a row's explanation "
                    f"{j['explain_seconds']:.3f} s, {j['peak_mb']:,.0f} MB ({int(j['rows'])} cases)",
                    "",
                    "≤ 0.3 s to shown",
                    _mark(j["seconds"] <= 0.3),
                )
            )
    return rows


# ---------------------------------------------------------------- the court server (PostgreSQL)


def _child_recompute(target: str, year: str) -> None:
    """The whole court's recompute of a year (``standard_cases.compute_year``: read, SC, results
    and per-judge credit stored) on a file or the server; the same service call on both."""
    from benchmarks.data import open_as_operator
    from workload_app.services import standard_cases as S
    from workload_app.storage import repository as repo

    db = open_as_operator(target)
    t = time.perf_counter()
    S.compute_year(db, int(year))
    print(f"seconds {time.perf_counter() - t:.4f}")
    print(f"peak_mb {vm_hwm_mb():.1f}")
    comp = repo.latest_computation(db, int(year))
    total = db.conn.execute(
        "SELECT COUNT(*), SUM(sc) FROM case_results WHERE computation_id = ?", (comp["id"],)
    ).fetchone()
    print(f"results {total[0]}")
    print(f"sc_sum {total[1]:.6f}")
    db.conn.close()


def _server_copy(n: int, server, source: Path) -> tuple[str, float]:
    """The court server holding the ``n``-case demo file's court: a database of its own, copied
    from a court set up by ``server setup``, the file's tables moved in by COPY (``workload
    server move-from``, not the demo generated again case by case); the URL of its 管理员 login
    (row-level security in force, as a court runs it), never the cluster's superuser; the
    seconds the move took."""
    from tests.server_fixtures import ADMIN_PASSWORD, SUITE_ADMIN, server_handle, set_up_template
    from workload_app.services import server as server_service

    name = server.create_database(prefix=f"bench{n}", template=set_up_template(server))
    db = server_handle(server, name)
    t = time.perf_counter()
    server_service.move_from(db, source, passwords=lambda _login: "bench-Move-2026")
    seconds = time.perf_counter() - t
    db.conn.close()
    print(f"  (moved the {n:,}-case demo onto the server by COPY in {seconds:.1f} s)")
    return server.url(name, user=SUITE_ADMIN, password=ADMIN_PASSWORD), seconds


def profile(n: int, lines: int = 30) -> None:
    """``workload compute`` and ``export tally`` on the n-case year under pyinstrument (the
    ``bench`` extra): the lines of the call tree that are the project's own functions."""
    source = demo_database(n)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        shutil.copy(source, db)
        for args in (["compute", "--year", str(YEAR)], ["export", "tally", "--year", str(YEAR), "--out", f"{tmp}/t.xlsx"]):  # fmt: skip
            out = Path(tmp) / "profile.txt"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pyinstrument",
                    "-r",
                    "text",
                    "-o",
                    str(out),
                    "-m",
                    "workload_app.cli",
                    "--db",
                    str(db),
                    *args,
                ],  # fmt: skip
                env=_env(tmp),
                check=True,
                capture_output=True,
            )
            own = [
                line
                for line in out.read_text().splitlines()
                if "workload_app/" in line or "<built-in>" in line
            ]
            print(f"profile: workload {' '.join(args[:2])} ({n:,} cases)")
            print("\n".join(own[:lines]))


def print_goals(rows: list[tuple]) -> None:
    print("| path | cases | ours | baseline (same run) | goal | verdict |")
    print("|---|---:|---|---|---|---|")
    for path, n, ours, base, goal, verdict in rows:
        print(f"| {path} | {n:,} | {ours} | {base} | {goal} | {verdict} |")


if __name__ == "__main__":
    if sys.argv[1] == "child":
        kind, args = sys.argv[2], sys.argv[3:]
        if os.environ.get(PROFILE_ENV):
            import cProfile

            _profiler = cProfile.Profile()
            _profiler.enable()
        {
            "cli": _child_cli,
            "open": _child_open,
            "scan": _child_scan,
            "table": _child_table,
            "judge": _child_judge,
            "recompute": _child_recompute,
        }[kind](*args)
        _exit(0)
    else:
        sizes = [int(s) for s in sys.argv[1].split(",")] if len(sys.argv) > 1 else [100_000]
        print_goals(bench_goals(sizes))
