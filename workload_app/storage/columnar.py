"""A query's result on the court server read as Arrow columns through ADBC (Arrow Database
Connectivity, ``adbc-driver-postgresql``: binary COPY into Arrow buffers in C), then turned into
the numpy columns ``case_columns.read_frame`` builds from rows (issue 32).

psycopg hands a result out one row at a time, a tuple per row and an object per value. The
ADBC driver fills typed Arrow buffers; figures are in ``benchmarks/RESULTS.md``.

The columns are the same as the row path's, value for value and dtype for dtype (the tests
compare the two frames exactly):

- an integer column of ``INT_COLUMNS`` stays int64; with a NULL it is float64 with NaN;
- a column of ``NUMBER_COLUMNS`` is float64, NULL as NaN; NUMERIC the float its text gives;
- a column entirely NULL is an object column of None;
- any other column is an object column of its values (None for NULL), equal values one shared
  object (``UNIQUE_TEXT`` columns excepted).

**Not on a SQLite file.** ADBC's SQLite driver reads 2-3x faster than ``sqlite3`` (measured:
``benchmarks/columnar.py``), but it carries its own copy of SQLite, and two copies of SQLite in
one process must not open the same file (https://sqlite.org/howtocorrupt.html, section 2.2.1):
POSIX locks belong to the process, so each copy takes the other's locks for its own and closing
one copy's file drops the other's. Seen here: the driver's connection, closing, took itself for
the last one, checkpointed and removed the WAL under the program's open connection, and the next
read missed a committed approval; read-only, it still truncates the shared-memory index it
believes no one else has open. The file keeps the row path.

The row path is also used when the driver is not installed, inside a transaction (the caller's
uncommitted writes are visible on its own connection only), for a restricted login (its
scope's ``search_path``), for named placeholders beside quoted text, and for a column ADBC types
otherwise than the row path (dates, text in a number column).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence

import numpy as np

from workload_app.storage.dialect import POSTGRESQL, dialect_of

try:  # the columnar driver: wheels for Linux (x86_64, aarch64; glibc ≥ 2.28) and Windows
    import adbc_driver_postgresql.dbapi as adbc_pg
    import pyarrow as pa
    import pyarrow.compute as pc
except ImportError:  # pragma: no cover - the row path serves
    adbc_pg = None

_TEXT_TYPES = ("string", "large_string", "binary", "large_binary")


class NotColumnar(Exception):
    """The result cannot be given as the row path gives it: read it by rows."""


_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def _positional(sql: str, params: dict) -> tuple[str, list]:
    """``:name`` placeholders as ``?`` with their values in order (the drivers bind by position);
    a statement with quoted text is left to the row path (a colon there is no placeholder)."""
    sql = re.sub(r"--[^\n]*", "", sql)  # comments (their words may hold a quote)
    if "'" in sql or '"' in sql:
        raise NotColumnar("named placeholders beside quoted text")
    values: list = []

    def one(m: re.Match) -> str:
        values.append(params[m.group(1)])
        return "?"

    return _NAMED.sub(one, sql), values


def _numbered(sql: str) -> str:
    """SQLite's ``?`` as PostgreSQL's ``$1 … $n`` (after ``pg.translate`` made them ``%s``)."""
    count = iter(range(1, 10_000))
    return re.sub(r"%s", lambda _m: f"${next(count)}", sql.replace("%%", "\0")).replace("\0", "%")


def arrow_table(db, sql: str, params: Sequence | dict) -> pa.Table:
    """The query's result as one Arrow table on a server connection of its own (opened and
    closed here: no snapshot kept); ``NotColumnar`` when the row path must serve."""
    from workload_app.storage import pg

    if dialect_of(db) is not POSTGRESQL or adbc_pg is None or db.conn.in_transaction or db.conn.restricted:
        raise NotColumnar("rows")
    if isinstance(params, dict):
        sql, params = _positional(sql, params)
    login = db.login
    text = _numbered(pg.translate(sql))
    try:
        conn = adbc_pg.connect(_pg_uri(login), autocommit=True)
    except Exception as exc:  # any failure to connect: the row path
        raise NotColumnar("connect") from exc
    with contextlib.closing(conn), conn.cursor() as cur:
        cur.execute(text, [_pg_value(v) for v in params])
        return cur.fetch_arrow_table()


def _pg_uri(login) -> str:
    from urllib.parse import quote

    host = f"[{login.host}]" if ":" in login.host else login.host
    auth = quote(login.user, safe="") + (":" + quote(login.password, safe="") if login.password else "")
    return (
        f"postgresql://{auth}@{host}:{login.port}/{quote(login.database, safe='')}?application_name=workload"
    )


def _pg_value(v):
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    return v


def numpy_columns(
    table: pa.Table, int_columns: frozenset, number_columns: frozenset, unique_text: frozenset
) -> dict[str, np.ndarray]:
    """The table's columns as the row path makes them (see the module's docstring)."""
    out: dict[str, np.ndarray] = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        out[name] = _numpy_column(column, name, int_columns, number_columns, unique_text)
    return out


def _numpy_column(
    column: pa.Array, name: str, int_columns: frozenset, number_columns: frozenset, unique_text: frozenset
) -> np.ndarray:
    n = len(column)
    kind = column.type
    if n and column.null_count == n:
        return np.full(n, None, dtype=object)
    if pa.types.is_decimal(kind):  # NUMERIC on the server: the float its text gives, as the row path's
        column = pa.array([None if v is None else float(v) for v in column.to_pylist()], pa.float64())
        kind = column.type
    numeric = pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_boolean(kind)
    if name in int_columns or name in number_columns:
        if not numeric:
            raise NotColumnar(f"{name}: {kind}")  # text kept in a number column
        if pa.types.is_boolean(kind):
            column = column.cast(pa.int64())
            kind = column.type
        if name in int_columns and pa.types.is_integer(kind) and column.null_count == 0:
            return column.to_numpy().astype(np.int64, copy=False)
        values = column.cast(pa.float64()).to_numpy(zero_copy_only=False)
        return values.astype(float, copy=False)
    if str(kind) not in _TEXT_TYPES and not numeric:
        raise NotColumnar(f"{name}: {kind}")  # dates, times …: the row path's Python objects
    if name in unique_text:
        return column.to_numpy(zero_copy_only=False).astype(object, copy=False)
    # one object per distinct value, as the row path shares them; None for NULL
    if not pa.types.is_dictionary(kind):
        column = pc.dictionary_encode(column)
    distinct = column.dictionary.to_numpy(zero_copy_only=False).astype(object)
    if pa.types.is_integer(column.dictionary.type):  # Python ints, as sqlite3 gives them
        distinct = np.array(column.dictionary.to_pylist() + [None], dtype=object)
    else:
        distinct = np.append(distinct, None)
    codes = column.indices.fill_null(len(distinct) - 1).to_numpy()
    return distinct[codes]
