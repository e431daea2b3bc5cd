"""Reading rows and frames from a query, and the time stamps the tables keep."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

import pandas as pd
import sqlite_utils

from workload_app.storage import pg


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def fetch_rows(db: sqlite_utils.Database, sql: str, params: Sequence | dict = ()) -> list[dict]:
    cur = db.conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def frame(db: sqlite_utils.Database, sql: str, params: Sequence | dict = ()) -> pd.DataFrame:
    cur = db.conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return pd.DataFrame.from_records(cur.fetchall(), columns=cols)


def insert_rows(
    db: sqlite_utils.Database,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence],
    *,
    plain: bool = False,
) -> None:
    """Append many rows inside the caller's transaction: on the court server with COPY (bulk, one
    round trip), on a file with ``executemany`` (SQLite stores a NaN as NULL; COPY does the same).
    ``plain``: every value is already a Python str/int/float or None (see ``pg.copy_rows``)."""
    if pg.is_server(db):
        pg.copy_rows(db.conn, table, columns, rows, plain=plain)
        return
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows
    )
