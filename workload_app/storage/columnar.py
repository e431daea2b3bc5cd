"""A query's result read as Arrow columns through ADBC (Arrow Database Connectivity), then turned
into the numpy columns ``case_columns.read_frame`` builds from rows (issue 32).

Python's ``sqlite3`` hands a result out one row at a time, a tuple per row and an object per
value; most of a year's read went there (``fetchmany`` 2.3 s of the 3.4 s reading a 1M year's
columns). The ADBC drivers step the statement in C and fill typed Arrow buffers: SQLite's
(``adbc-driver-sqlite``) on a file, PostgreSQL's (``adbc-driver-postgresql``, binary COPY) on the
court server. Figures are in ``benchmarks/RESULTS.md``.

The columns are the same as the row path's, value for value and dtype for dtype (the tests
compare the two frames exactly):

- an integer column of ``INT_COLUMNS`` stays int64; with a NULL it is float64 with NaN;
- a column of ``NUMBER_COLUMNS`` is float64, NULL as NaN;
- a column entirely NULL is an object column of None;
- any other column is an object column of its values (None for NULL), equal values one shared
  object (``UNIQUE_TEXT`` columns excepted).

ADBC SQLite infers a column's type from the rows of its first batch, so the batch is the whole
result (a column NULL in its first rows is typed by its later values). The row path is used
instead when ADBC cannot give the same frame: the drivers are not installed, the database is in
memory, the caller is inside a transaction (its uncommitted writes are visible on its own
connection only), named placeholders beside quoted text, a restricted login on the server (its
scope's search_path), or SQLite holds text in a number column (the driver would turn the
column's numbers into text).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence

import numpy as np

try:  # the columnar drivers: wheels for Linux (x86_64, aarch64; glibc ≥ 2.28) and Windows
    import adbc_driver_sqlite.dbapi as adbc_sqlite
    import pyarrow as pa
    import pyarrow.compute as pc
except ImportError:  # pragma: no cover - the row path serves
    adbc_sqlite = None
try:
    import adbc_driver_postgresql.dbapi as adbc_pg
except ImportError:  # pragma: no cover
    adbc_pg = None

# the whole result in one batch: SQLite's driver types each column from its first batch
_BATCH_ROWS = {"adbc.sqlite.query.batch_rows": str(2**30)}
_TEXT_TYPES = ("string", "large_string", "binary", "large_binary")


class NotColumnar(Exception):
    """The result cannot be given as the row path gives it: read it by rows."""


def _sqlite_path(db) -> str | None:
    """The file of a SQLite handle's main database; None in memory."""
    row = db.conn.execute("PRAGMA database_list").fetchone()
    return row[2] or None if row is not None else None


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


def arrow_table(db, sql: str, params: Sequence) -> pa.Table:
    """The query's result as one Arrow table on a connection of its own (opened and closed here:
    no snapshot kept, no file held open); ``NotColumnar`` when the row path must serve."""
    from workload_app.storage import pg

    if isinstance(params, dict):
        sql, params = _positional(sql, params)
    if pg.is_server(db):
        if adbc_pg is None or db.conn.in_transaction or db.conn.restricted:
            raise NotColumnar("server")
        login = db.login
        uri = pg.ServerLogin(login.host, login.port, login.database, login.user, login.password)
        text = _numbered(pg.translate(sql))
        try:
            conn = adbc_pg.connect(_pg_uri(uri), autocommit=True)
        except Exception as exc:  # noqa: BLE001 - any failure to connect: the row path
            raise NotColumnar("connect") from exc
        with contextlib.closing(conn), conn.cursor() as cur:
            cur.execute(text, [_pg_value(v) for v in params])
            return cur.fetch_arrow_table()
    if adbc_sqlite is None or db.conn.in_transaction:
        raise NotColumnar("sqlite")
    path = _sqlite_path(db)
    if path is None:
        raise NotColumnar("in memory")
    try:
        conn = adbc_sqlite.connect(path, autocommit=True)
    except Exception as exc:  # noqa: BLE001
        raise NotColumnar("connect") from exc
    with contextlib.closing(conn), conn.cursor() as cur:
        cur.adbc_statement.set_options(**_BATCH_ROWS)
        cur.execute(sql, tuple(params))
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
