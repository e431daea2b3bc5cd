"""Reading rows and frames from a query, and the time stamps the tables keep."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pandas as pd
import sqlite_utils


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
