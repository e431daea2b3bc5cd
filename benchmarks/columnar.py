"""A year's columns read by rows (``sqlite3`` / psycopg: ``case_columns.read_frame``) against
ADBC into Arrow then the same numpy columns (``storage/columnar.py``): the same frame, best of
``repeat``, in this process.

On the court server the program's own path is measured (``read_frame(..., columnar=True)``). On
a SQLite file the program does not use ADBC (a second copy of SQLite in the process must not open
its file, storage/columnar.py); the driver is measured here on its own read-only connection, the
whole result in one batch (it types a column from its first batch).

    python -m benchmarks.columnar DB_OR_URL [YEAR] [REPEAT]
"""

from __future__ import annotations

import gc
import sys
import time

import pandas as pd

from benchmarks.data import open_as_operator
from workload_app.storage import case_columns, columnar
from workload_app.storage.dialect import POSTGRESQL, dialect_of

COMPUTE_SQL = (
    case_columns.ENGINE_SELECT.replace(
        "c.approved", "c.approved, c.judge_id, c.panel, c.closed_month, c.closed_on"
    )
    + " WHERE c.closed_year = ?"
)


def best(fn, repeat: int) -> tuple[float, pd.DataFrame]:
    out, t_best = None, float("inf")
    for _ in range(repeat):
        out = None
        gc.collect()
        t = time.perf_counter()
        out = fn()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best, out


def _sqlite_adbc(path: str, sql: str, params: tuple) -> pd.DataFrame:
    import adbc_driver_sqlite.dbapi as adbc_sqlite

    with adbc_sqlite.connect(f"file:{path}?mode=ro", autocommit=True) as conn, conn.cursor() as cur:
        cur.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": str(2**30)})
        cur.execute(sql, params)
        table = cur.fetch_arrow_table()
    data = columnar.numpy_columns(
        table, case_columns.INT_COLUMNS, case_columns.NUMBER_COLUMNS, case_columns.UNIQUE_TEXT
    )
    return case_columns._frame_of(data, "case_id")


def compare(target: str, year: int = 2025, repeat: int = 3) -> list[tuple[str, int, float, float]]:
    """(read, rows, by rows s, ADBC s) for the year a computation reads and the whole case frame."""
    db = open_as_operator(target)
    server = dialect_of(db) is POSTGRESQL
    rows = []
    sql_year = case_columns.repo.CASE_SELECT + " WHERE c.closed_year = ?"
    for name, sql in (("compute columns (14)", COMPUTE_SQL), ("whole case frame (29)", sql_year)):
        plain_t, plain = best(lambda sql=sql: case_columns.read_frame(db, sql, (year,), "case_id"), repeat)
        if server:
            arrow_t, arrow = best(
                lambda sql=sql: case_columns.read_frame(db, sql, (year,), "case_id", columnar=True), repeat
            )
        else:
            arrow_t, arrow = best(lambda sql=sql: _sqlite_adbc(target, sql, (year,)), repeat)
        pd.testing.assert_frame_equal(plain, arrow, check_exact=True)
        rows.append((name, len(plain), plain_t, arrow_t))
    db.conn.close()
    return rows


if __name__ == "__main__":
    target = sys.argv[1]
    year = int(sys.argv[2]) if len(sys.argv) > 2 else 2025
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    for name, n, plain_t, arrow_t in compare(target, year, repeat):
        print(f"{name.replace(' ', '_')}_rows {plain_t:.4f}")
        print(f"{name.replace(' ', '_')}_adbc {arrow_t:.4f}")
        print(f"# {name:<24}{n:>10,}  rows {plain_t:.3f} s  ADBC {arrow_t:.3f} s  {plain_t / arrow_t:.2f}x")
