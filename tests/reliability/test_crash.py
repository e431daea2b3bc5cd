"""Crash safety: a process killed with SIGKILL at a random moment of an import or a recompute
leaves a sound database in which each batch (and each computation) is wholly in or wholly out."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import shutil
import signal
import sqlite3
import time

import pytest

from tests.conftest import open_as_operator
from tests.importing.conftest import HEADER, write_xlsx
from workload_app.services import audit
from workload_app.services.imports import import_cases
from workload_app.services.standard_cases import compute_year
from workload_app.storage import repository as repo

IMPORT_TRIALS = 20
COMPUTE_TRIALS = 12
ROWS = 3000


def _rows(judges: list[tuple[str, str]], start: int) -> list[list]:
    rows = [HEADER]
    for i in range(ROWS):
        name, division = judges[i % len(judges)]
        rows.append(
            [i + 1, f"(2025)渝0106民初{start + i}号", "民间借贷纠纷", name, division, "2025-02-03",
             "2025-05-06", "判决", "普通程序", 100 + i % 50, 5 + i % 7, 4 + i % 5, "", None]
        )  # fmt: skip
    return rows


def _import_child(path, file, ready):
    db = open_as_operator(path)
    ready.set()
    import_cases(db, file)
    os._exit(0)


def _compute_child(path, file, ready):
    db = open_as_operator(path)
    repo.bump_cases_version(db)  # make the stored results stale, as an import would
    ready.set()
    compute_year(db, 2025)
    os._exit(0)


def _run(target, path, file, kill_after: float | None) -> float:
    ctx = mp.get_context("fork")
    ready = ctx.Event()
    child = ctx.Process(target=target, args=(path, file, ready))
    child.start()
    assert ready.wait(30)
    t0 = time.perf_counter()
    if kill_after is not None:
        time.sleep(kill_after)
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
    child.join(60)
    return time.perf_counter() - t0


def _check(path, base_cases: int) -> dict:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        batches = conn.execute("SELECT id, rows_new FROM import_batches WHERE kind = 'cases'").fetchall()
        for batch_id, rows_new in batches:
            n = conn.execute("SELECT COUNT(*) FROM cases WHERE batch_id = ?", (batch_id,)).fetchone()[0]
            assert n == rows_new == ROWS, f"batch {batch_id}: {n} of {rows_new} cases"
        total = conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        assert total == base_cases + ROWS * len(batches)
        for comp_id, count in conn.execute("SELECT id, case_count FROM computations"):
            stored = conn.execute(
                "SELECT COUNT(*) FROM case_results WHERE computation_id = ?", (comp_id,)
            ).fetchone()[0]
            assert stored == count, f"computation {comp_id}: {stored} of {count} results"
    finally:
        conn.close()
    db = open_as_operator(path)
    try:
        assert audit.verify(db)[1] is None
        return {
            "batches": len(batches),
            "computations": db.conn.execute("SELECT COUNT(*) FROM computations").fetchone()[0],
        }
    finally:
        db.conn.close()


@pytest.fixture
def crash_setup(demo_file, tmp_path):
    db = open_as_operator(demo_file)
    judges = [tuple(r) for r in db.conn.execute(
        "SELECT j.name, d.name FROM judges j JOIN divisions d ON d.id = j.division_id WHERE j.track = 'trial'"
    )]  # fmt: skip
    base = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    db.conn.close()
    file = write_xlsx(tmp_path / "补录.xlsx", _rows(judges, 70_000))
    return base, file


def _fresh_copy(demo_file, tmp_path, i):
    path = tmp_path / f"trial{i}.sqlite"
    shutil.copy(demo_file, path)
    return path


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_sigkill_during_import(demo_file, tmp_path, crash_setup):
    base, file = crash_setup
    full = _run(_import_child, _fresh_copy(demo_file, tmp_path, "full"), file, None)
    rng = random.Random(20251122)
    outcomes = {"in": 0, "out": 0}
    for i in range(IMPORT_TRIALS):
        path = _fresh_copy(demo_file, tmp_path, i)
        _run(_import_child, path, file, rng.uniform(0, full * 1.1))
        state = _check(path, base)
        outcomes["in" if state["batches"] else "out"] += 1
        # the database stays usable: the same import now goes through, once
        db = open_as_operator(path)
        result = import_cases(db, file)
        assert result.new == (0 if state["batches"] else ROWS)
        db.conn.close()
        for p in path.parent.glob(f"{path.stem}*"):
            if p.is_file():
                p.unlink()
    print(
        f"\nkill trials during import: {IMPORT_TRIALS} (batch wholly in {outcomes['in']}, wholly out {outcomes['out']}; full run {full:.2f} s)"
    )
    assert outcomes["out"] > 0


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_sigkill_during_recompute(demo_file, tmp_path, crash_setup):
    base, _ = crash_setup
    full = _run(_compute_child, _fresh_copy(demo_file, tmp_path, "full"), None, None)
    rng = random.Random(7)
    for i in range(COMPUTE_TRIALS):
        path = _fresh_copy(demo_file, tmp_path, f"c{i}")
        _run(_compute_child, path, None, rng.uniform(0, full * 1.1))
        _check(path, base)
    print(f"\nkill trials during recompute: {COMPUTE_TRIALS} (full run {full:.2f} s)")
