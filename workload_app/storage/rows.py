"""Reading rows and frames from a query, and the time stamps the tables keep."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import pandas as pd
import sqlite_utils

from workload_app.core import dates
from workload_app.storage.dialect import dialect_of


def now(db: object | None = None) -> str:
    """The time stamp a row keeps (``YYYY-MM-DDTHH:MM:SS``): the store's clock (on the court
    server the server's, in the court's time zone, never each client's), this computer's
    without a store."""
    if db is None:
        return dates.stamp(dt.datetime.now())
    return dialect_of(db).now(db.conn)


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
    dialect_of(db).bulk_insert(db, table, columns, rows, plain=plain)
