"""The year's columns read by rows (``sqlite3`` / psycopg, ``case_columns.read_frame``) against
ADBC (``storage/columnar.py``): the same frame, best of ``repeat``, in this process.

    python -m benchmarks.columnar DB_OR_URL [YEAR] [REPEAT]
"""

from __future__ import annotations

import gc
import sys
import time

import pandas as pd

from workload_app.storage import case_columns
from workload_app.storage.db import open_db


def best(fn, repeat: int) -> tuple[float, pd.DataFrame]:
    out, t_best = None, float("inf")
    for _ in range(repeat):
        out = None
        gc.collect()
        t = time.perf_counter()
        out = fn()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best, out


def compare(target: str, year: int = 2025, repeat: int = 3) -> list[tuple[str, int, float, float]]:
    """(read, rows, by rows s, ADBC s) for the reads a computation and a tally make."""
    db = open_db(target)
    rows = []
    sql_year = case_columns.repo.CASE_SELECT + " WHERE c.closed_year = ?"
    sql_compute = (
        case_columns.ENGINE_SELECT.replace(
            "c.approved", "c.approved, c.judge_id, c.panel, c.closed_month, c.closed_on"
        )
        + " WHERE c.closed_year = ?"
    )
    for name, sql in (("compute columns (14)", sql_compute), ("whole case frame (29)", sql_year)):
        plain_t, plain = best(lambda sql=sql: case_columns.read_frame(db, sql, (year,), "case_id"), repeat)
        arrow_t, arrow = best(
            lambda sql=sql: case_columns.read_frame(db, sql, (year,), "case_id", columnar=True), repeat
        )
        pd.testing.assert_frame_equal(plain, arrow, check_exact=True)
        rows.append((name, len(plain), plain_t, arrow_t))
    db.conn.close()
    return rows


if __name__ == "__main__":
    target = sys.argv[1]
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2025
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    for name, n, plain_t, arrow_t in compare(target, year, repeat):
        print(f"{name:<24}{n:>10,}  rows {plain_t:.3f} s  ADBC {arrow_t:.3f} s  {plain_t / arrow_t:.2f}x")
