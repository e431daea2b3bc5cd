"""Twenty clients on one court server at once, each its own process and connection: each imports
a batch of its own and reads while the others write. Nothing is lost: every batch is there whole,
and the counts and page sums match what was imported, by value."""

from __future__ import annotations

import multiprocessing as mp
import traceback

import pytest

from tests.conftest import open_as_operator
from tests.importing.conftest import HEADER, write_xlsx
from tests.server_fixtures import ADMIN_PASSWORD, SUITE_ADMIN, server_handle
from workload_app.services import audit
from workload_app.services import standard_cases as S
from workload_app.services.imports import import_cases
from workload_app.storage import repository as repo

CLIENTS = 20
ROWS = 120  # per client


def _rows(judges: list[tuple[str, str]], client: int) -> list[list]:
    rows = [HEADER]
    for i in range(ROWS):
        name, division = judges[(client + i) % len(judges)]
        rows.append(
            [i + 1, f"(2025)渝0106民初{500_000 + client * 1000 + i}号", "民间借贷纠纷", name, division,
             "2025-02-03", "2025-05-06", "判决", "普通程序", 100 + client + i % 50, 5 + i % 7, 4 + i % 5, "", None]
        )  # fmt: skip
    return rows


def _expected(rows: list[list]) -> tuple[int, int, int]:
    """(cases, sum of file pages, sum of judgment pages) of a file's rows, worked out here."""
    body = rows[1:]
    return len(body), sum(r[9] for r in body), sum(r[11] for r in body)


def _client(url, client, file, errors, results):
    try:
        db = open_as_operator(url)
        outcome = import_cases(db, file)
        results.put((client, outcome.new, outcome.batch_id))
        for _ in range(2):  # read while others are still writing
            S.court_tally(db, 2025)
            db.conn.execute("SELECT COUNT(*), SUM(file_pages) FROM cases").fetchone()
        db.conn.close()
    except BaseException:  # noqa: BLE001 - reported to the parent
        errors.put(f"client {client}:\n{traceback.format_exc()}")


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_twenty_clients_importing_and_reading_lose_nothing(pg_server, server_demo_db, tmp_path):
    db = server_demo_db
    judges = [tuple(r) for r in db.conn.execute(
        "SELECT j.name, d.name FROM judges j JOIN divisions d ON d.id = j.division_id "
        "WHERE j.track = 'trial' AND j.in_post_to IS NULL ORDER BY j.id"
    )]  # fmt: skip
    base = db.conn.execute("SELECT COUNT(*), SUM(file_pages), SUM(judgment_pages) FROM cases").fetchone()
    base_2025 = db.conn.execute("SELECT COUNT(*) FROM cases WHERE closed_year = 2025").fetchone()[0]
    S.compute_year(db, 2025)
    url = pg_server.url(db.login.database, user=SUITE_ADMIN, password=ADMIN_PASSWORD)
    files = {c: _rows(judges, c) for c in range(CLIENTS)}
    paths = {c: write_xlsx(tmp_path / f"c{c}.xlsx", rows) for c, rows in files.items()}
    ctx = mp.get_context("fork")
    errors, results = ctx.Queue(), ctx.Queue()
    procs = [ctx.Process(target=_client, args=(url, c, paths[c], errors, results)) for c in range(CLIENTS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
    found = []
    while not errors.empty():
        found.append(errors.get())
    assert not found, "\n".join(found)
    assert [p.exitcode for p in procs] == [0] * CLIENTS
    outcomes = {}
    while not results.empty():
        client, new, batch_id = results.get()
        outcomes[client] = (new, batch_id)
    assert sorted(outcomes) == list(range(CLIENTS)) and {n for n, _ in outcomes.values()} == {ROWS}

    check = server_handle(pg_server, db.login.database)
    for client, (_, batch_id) in outcomes.items():
        got = check.conn.execute(
            "SELECT COUNT(*), SUM(file_pages), SUM(judgment_pages) FROM cases WHERE batch_id = ?", (batch_id,)
        ).fetchone()
        assert tuple(got) == _expected(files[client]), f"client {client}"
    want = [sum(x) for x in zip(*(_expected(r) for r in files.values()), strict=True)]
    total = check.conn.execute("SELECT COUNT(*), SUM(file_pages), SUM(judgment_pages) FROM cases").fetchone()
    assert tuple(total) == (base[0] + want[0], base[1] + want[1], base[2] + want[2])
    batches = check.conn.execute(
        "SELECT COUNT(*), SUM(rows_new) FROM import_batches WHERE kind = 'cases' AND undone_at IS NULL"
    ).fetchone()
    assert tuple(batches) == (CLIENTS, CLIENTS * ROWS)
    assert audit.verify(check)[1] is None
    # and the year computed again counts every case once, with a result each
    S.compute_year(check, 2025)
    comp = repo.latest_computation(check, 2025)
    stored = check.conn.execute(
        "SELECT COUNT(*) FROM case_results WHERE computation_id = ?", (comp["id"],)
    ).fetchone()[0]
    assert comp["case_count"] == stored == base_2025 + CLIENTS * ROWS
    check.conn.close()
