"""Several processes on one database: writers queue (busy timeout, then retries with backoff),
readers keep reading, nothing is lost, and a lock held too long ends in a clear message."""

from __future__ import annotations

import multiprocessing as mp
import shutil
import sqlite3
import traceback

import pytest

from tests.conftest import open_as_operator
from tests.importing.conftest import write_xlsx
from tests.reliability.test_crash import ROWS, _rows
from workload_app.core.problems import WorkloadError
from workload_app.services import audit
from workload_app.services import standard_cases as S
from workload_app.services.imports import import_cases
from workload_app.storage import repository as repo

WRITERS = 3


def _writer(path, file, errors):
    try:
        db = open_as_operator(path)
        import_cases(db, file)
        S.compute_year(db, 2025)
        db.conn.close()
    except BaseException:  # noqa: BLE001 - reported to the parent
        errors.put(traceback.format_exc())


def _reader(path, rounds, errors):
    try:
        db = open_as_operator(path)
        for _ in range(rounds):
            S.court_tally(db, 2025)
        db.conn.close()
    except BaseException:  # noqa: BLE001
        errors.put(traceback.format_exc())


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_concurrent_writers_and_readers_lose_nothing(demo_file, tmp_path):
    path = tmp_path / "shared.sqlite"
    shutil.copy(demo_file, path)
    db = open_as_operator(path)
    judges = [tuple(r) for r in db.conn.execute(
        "SELECT j.name, d.name FROM judges j JOIN divisions d ON d.id = j.division_id WHERE j.track = 'trial'"
    )]  # fmt: skip
    base = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    db.conn.close()
    files = [write_xlsx(tmp_path / f"w{i}.xlsx", _rows(judges, 100_000 + i * ROWS)) for i in range(WRITERS)]
    ctx = mp.get_context("fork")
    errors = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(path, f, errors)) for f in files]
    procs += [ctx.Process(target=_reader, args=(path, 4, errors)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    found = []
    while not errors.empty():
        found.append(errors.get())
    assert not found, "\n".join(found)
    assert all(p.exitcode == 0 for p in procs)
    db = open_as_operator(path)
    assert db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == base + WRITERS * ROWS
    batches = db.conn.execute("SELECT rows_new FROM import_batches WHERE kind = 'cases'").fetchall()
    assert [r[0] for r in batches] == [ROWS] * WRITERS
    assert audit.verify(db)[1] is None
    print(f"\nconcurrent writers: {WRITERS}, readers: 2; cases {base} -> {base + WRITERS * ROWS}, none lost")


def test_a_lock_held_too_long_ends_in_a_clear_message(demo_db, tmp_path, monkeypatch, store):
    if store == "server":  # another client in a write transaction, not letting go
        from workload_app.storage import pg

        holder = pg.connect_raw(demo_db.login)
        holder.execute("BEGIN")
        holder.execute(pg.WRITE_LOCK)
        monkeypatch.setattr(pg, "LOCK_TIMEOUT_MS", 50)
    else:
        path = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another program writing, and not letting go
        demo_db.conn.execute("PRAGMA busy_timeout = 50")
    monkeypatch.setattr(repo, "BUSY_RETRIES", (0.01, 0.02))
    before = demo_db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    version = repo.cases_version(demo_db)
    try:
        with pytest.raises(WorkloadError, match="数据库正被另一个程序或用户写入") as err:
            with repo.transaction(demo_db):
                repo.bump_cases_version(demo_db)
        assert isinstance(err.value, repo.DatabaseBusy)
        assert "locked" not in str(err.value)
        assert not demo_db.conn.in_transaction
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert demo_db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == before
    assert repo.cases_version(demo_db) == version
    with repo.transaction(demo_db):  # free again: works
        repo.bump_cases_version(demo_db)
    assert repo.cases_version(demo_db) == version + 1
