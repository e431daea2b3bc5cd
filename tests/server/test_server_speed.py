"""The server's fast paths store and read exactly what the plain ones do: binary COPY of plain
rows (storage/pg.py ``copy_rows``) and binary reads of frames (``case_columns.read_frame``)."""

from __future__ import annotations

import math

import psycopg
import pytest

from workload_app.storage import case_columns as cc
from workload_app.storage import pg
from workload_app.storage import repository as repo

CREDIT = ("computation_id", "kind", "month", "pos", "judge", "cases", "sc_trial", "sc_enforcement")


def _computation(db) -> int:
    return db.conn.execute("SELECT MAX(id) FROM computations").fetchone()[0]


@pytest.fixture
def db(server_demo_db):
    return server_demo_db


def test_plain_rows_copied_in_binary_keep_every_value(db):
    cid = _computation(db)
    rows = [
        (cid, "month", 99, 0, "张三\t(tab)\\n", 3, 0.1 + 0.2, 1 / 3),
        (cid, "month", 99, 1, "李四\n第二行", 0, 5e-324, -0.0),
        (cid, "month", 99, 2, "王五", 2_147_483_647, 7, 1e308),  # an int in a double column
    ]
    with repo.transaction(db):
        assert pg.copy_rows(db.conn, "judge_credit", CREDIT, rows, plain=True) == 3
    got = db.conn.execute(
        "SELECT * FROM judge_credit WHERE computation_id = ? AND month = 99 ORDER BY pos", (cid,)
    ).fetchall()
    assert [tuple(r) for r in got] == [
        tuple(float(v) if i >= 6 else v for i, v in enumerate(r)) for r in rows
    ]
    assert math.copysign(1, got[1][7]) == -1.0 and got[0][6] == 0.30000000000000004


def test_binary_copy_refuses_an_integer_too_large_for_its_column(db):
    """Binary COPY would write 2**40 into a 4-byte column as 0: the staging table's BIGINT and the
    INSERT's range check refuse it, as the text COPY did, and nothing is stored."""
    cid = _computation(db)
    with pytest.raises(psycopg.errors.NumericValueOutOfRange), repo.transaction(db):
        pg.copy_rows(
            db.conn, "judge_credit", CREDIT, [(cid, "month", 98, 0, "张三", 2**40, 1.0, 2.0)], plain=True
        )
    assert db.conn.execute("SELECT COUNT(*) FROM judge_credit WHERE month = 98").fetchone()[0] == 0


def test_the_same_table_copied_twice_in_one_transaction_keeps_both_parts_once(db):
    cid = _computation(db)
    with repo.transaction(db):
        pg.copy_rows(db.conn, "judge_credit", CREDIT, [(cid, "month", 97, 0, "甲", 1, 1.0, 0.0)], plain=True)
        pg.copy_rows(db.conn, "judge_credit", CREDIT, [(cid, "month", 97, 1, "乙", 2, 2.0, 0.0)], plain=True)
    got = db.conn.execute("SELECT pos, judge FROM judge_credit WHERE month = 97 ORDER BY pos").fetchall()
    assert [tuple(r) for r in got] == [(0, "甲"), (1, "乙")]


def test_a_binary_read_gives_numeric_sums_as_the_floats_the_text_read_gives(db):
    sql = "SELECT SUM(id) AS n, CAST(? AS NUMERIC) AS x, AVG(year) AS y FROM computations"
    text = db.conn.execute(sql, ("0.1",)).fetchone()
    frame = cc.read_frame(db, sql, ("0.1",))
    assert [type(v) for v in text] == [float, float, float]
    assert list(frame.iloc[0]) == list(text) and frame.loc[0, "x"] == 0.1


def test_a_writer_waiting_too_long_for_the_write_lock_is_told_and_left_usable(db, monkeypatch):
    """``BEGIN IMMEDIATE`` is one round trip on the server; a lock wait past the timeout still
    gives WriterBusy and leaves the connection out of any transaction, ready for the next."""
    other = pg.Connection(pg.connect_raw(db.login))
    try:
        other.execute("BEGIN IMMEDIATE")
        assert other.in_transaction
        monkeypatch.setattr(pg, "LOCK_TIMEOUT_MS", 100)
        with pytest.raises(pg.WriterBusy):
            db.conn.execute("BEGIN IMMEDIATE")
        assert not db.conn.in_transaction
        other.rollback()
        db.conn.execute("BEGIN IMMEDIATE")
        assert db.conn.execute("SHOW lock_timeout").fetchone()[0] == "0"
        db.conn.rollback()
    finally:
        other.close()
