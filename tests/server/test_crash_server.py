"""A client killed with SIGKILL in the middle of an import (or a recompute) on the court server:
the server rolls its transaction back when the connection drops, so the batch (the computation)
is wholly in or wholly out, and the same import then goes through once."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import time

import pytest

from tests.conftest import open_as_operator
from tests.importing.conftest import write_xlsx
from tests.reliability.test_crash import ROWS, _rows
from tests.server_fixtures import ADMIN_PASSWORD, SUITE_ADMIN, server_handle
from workload_app.services import audit
from workload_app.services.imports import import_cases
from workload_app.services.standard_cases import compute_year
from workload_app.storage import pg
from workload_app.storage import repository as repo

IMPORT_TRIALS = 8
COMPUTE_TRIALS = 4


def _import_child(url, file, ready):
    db = open_as_operator(url)
    ready.set()
    import_cases(db, file)
    os._exit(0)


def _compute_child(url, file, ready):
    db = open_as_operator(url)
    repo.bump_cases_version(db)  # the stored results stale, as after an import
    ready.set()
    compute_year(db, 2025)
    os._exit(0)


def _run(target, url, file, kill_after: float | None) -> float:
    ctx = mp.get_context("fork")
    ready = ctx.Event()
    child = ctx.Process(target=target, args=(url, file, ready))
    child.start()
    assert ready.wait(60)
    t0 = time.perf_counter()
    if kill_after is not None:
        time.sleep(kill_after)
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
    child.join(120)
    assert child.exitcode in (0, -signal.SIGKILL)  # finished, or killed by this test
    return time.perf_counter() - t0


def _check(pg_server, name: str, base_cases: int) -> dict:
    """Every batch whole, every computation with all its results, the audit chain sound."""
    db = server_handle(pg_server, name)
    try:
        # no transaction of the killed client still open (the server ends it when the connection drops)
        deadline = time.monotonic() + 30
        while db.conn.execute(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND state IS DISTINCT FROM 'idle'"
        ).fetchone()[0]:
            assert time.monotonic() < deadline, "the killed client's session is still on the server"
            time.sleep(0.05)
        batches = db.conn.execute("SELECT id, rows_new FROM import_batches WHERE kind = 'cases'").fetchall()
        for batch_id, rows_new in batches:
            n = db.conn.execute("SELECT COUNT(*) FROM cases WHERE batch_id = ?", (batch_id,)).fetchone()[0]
            assert n == rows_new == ROWS, f"batch {batch_id}: {n} of {rows_new} cases"
        total = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        assert total == base_cases + ROWS * len(batches)
        for comp_id, count in db.conn.execute("SELECT id, case_count FROM computations").fetchall():
            stored = db.conn.execute(
                "SELECT COUNT(*) FROM case_results WHERE computation_id = ?", (comp_id,)
            ).fetchone()[0]
            assert stored == count, f"computation {comp_id}: {stored} of {count} results"
        assert audit.verify(db)[1] is None
        computations = db.conn.execute("SELECT COUNT(*) FROM computations").fetchone()[0]
        return {"batches": len(batches), "computations": computations}
    finally:
        db.conn.close()


@pytest.fixture
def crash_setup(pg_server, server_demo_template, tmp_path):
    db = server_handle(pg_server, server_demo_template)
    judges = [tuple(r) for r in db.conn.execute(
        "SELECT j.name, d.name FROM judges j JOIN divisions d ON d.id = j.division_id WHERE j.track = 'trial'"
    )]  # fmt: skip
    base = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    db.conn.close()
    return base, write_xlsx(tmp_path / "补录.xlsx", _rows(judges, 70_000))


def _fresh(pg_server, server_demo_template) -> tuple[str, str]:
    name = pg_server.create_database(template=server_demo_template)
    return name, pg_server.url(name, user=SUITE_ADMIN, password=ADMIN_PASSWORD)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_client_killed_mid_import_leaves_its_batch_wholly_in_or_out(
    pg_server, server_demo_template, crash_setup
):
    base, file = crash_setup
    name, url = _fresh(pg_server, server_demo_template)
    full = _run(_import_child, url, file, None)
    assert _check(pg_server, name, base)["batches"] == 1
    pg_server.drop_database(name)
    rng = random.Random(20251124)
    outcomes = {"in": 0, "out": 0}
    for i in range(IMPORT_TRIALS):
        name, url = _fresh(pg_server, server_demo_template)
        # the first kill lands early (before the batch can commit), the others anywhere
        _run(_import_child, url, file, full * 0.3 if i == 0 else rng.uniform(0, full * 1.1))
        state = _check(pg_server, name, base)
        outcomes["in" if state["batches"] else "out"] += 1
        db = open_as_operator(url)  # the server stays usable: the same import now goes through, once
        result = import_cases(db, file)
        assert result.new == (0 if state["batches"] else ROWS)
        db.conn.close()
        assert _check(pg_server, name, base)["batches"] == 1
        pg.close_pools()  # this process's pooled connections to the dropped database
        pg_server.drop_database(name)
    print(f"\nserver kill trials during import: {IMPORT_TRIALS} {outcomes} (full run {full:.2f} s)")
    assert outcomes["out"] > 0


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_client_killed_mid_recompute_leaves_no_partial_results(
    pg_server, server_demo_template, crash_setup
):
    base, _ = crash_setup
    name, url = _fresh(pg_server, server_demo_template)
    full = _run(_compute_child, url, None, None)
    pg_server.drop_database(name)
    rng = random.Random(11)
    for _ in range(COMPUTE_TRIALS):
        name, url = _fresh(pg_server, server_demo_template)
        _run(_compute_child, url, None, rng.uniform(0, full * 1.1))
        _check(pg_server, name, base)
        pg_server.drop_database(name)
