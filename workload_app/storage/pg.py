"""The court server's store: a PostgreSQL (15, or a compatible server) connection behind the same
small interface the rest of ``storage/`` uses on SQLite (``db.conn.execute(sql, params)``).

The storage modules write their SQL once, in the subset both stores share, with SQLite's
placeholders (``?`` and ``:name``); ``translate`` turns only the placeholders into the server's
(``%s``, ``%(name)s``) and refuses what is SQLite's alone: ``INSERT OR IGNORE``/``OR REPLACE``
(every ``ON CONFLICT`` names its target, as openGauss needs) and SQLite-only functions such as
``instr``, ``json_each``, ``group_concat`` or ``date('now')``, found outside string literals. What
cannot be written once is a method of the store's ``Dialect`` (``storage/dialect.py``).

A transaction (``repository.transaction``) begins with ``BEGIN IMMEDIATE`` as on SQLite; here
that is ``BEGIN`` and an exclusive lock on the ``write_lock`` table, so that writers queue one
after another exactly as they do on a file. A restricted login (法官, 庭長) holds no privilege on
any table and locks none: its ``BEGIN IMMEDIATE`` is a plain ``BEGIN`` (its writes are the
server's functions, which take what they need), and it reads the scope's views
(``workload_scope``, first on its ``search_path``). Only ``SET LOCAL`` is used for settings: a pooled
connection never carries one transaction's settings into the next.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from workload_app.storage.dialect import POSTGRESQL

SCHEMES = ("postgresql://", "postgres://")
# Writers take this lock in ``BEGIN IMMEDIATE``: they queue as on SQLite (SHARE ROW EXCLUSIVE
# conflicts with itself, not with readers).
WRITE_LOCK = "LOCK TABLE write_lock IN SHARE ROW EXCLUSIVE MODE"
LOCK_TIMEOUT_MS = 10_000  # as SQLite's busy timeout (storage.db.BUSY_TIMEOUT_MS)
# Compatibility (README, "Compatible servers"): COPY in text form only, for a server whose
# binary COPY differs from PostgreSQL's.
TEXT_COPY_SETTING = "WORKLOAD_SERVER_TEXT_COPY"


def text_copy_forced() -> bool:
    return os.environ.get(TEXT_COPY_SETTING, "").strip().lower() in ("1", "yes", "true", "on")


def is_server_address(target: object) -> bool:
    return isinstance(target, ServerLogin) or (isinstance(target, str) and target.startswith(SCHEMES))


# TLS to the court server (README, "TLS"): libpq's sslmode values, taken from the address
# (``?sslmode=verify-full&sslrootcert=…``) or the court settings file; unset, libpq's own default
# (``prefer``, or $PGSSLMODE) applies.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
_URL_OPTIONS = ("sslmode", "sslrootcert")


@dataclass(frozen=True)
class ServerLogin:
    """Where the court server is and who logs in. The password stays in memory only: it is never
    shown (``repr``), written to disk, or put in the URL the program displays. ``sslmode`` and
    ``sslrootcert`` (the CA certificate's file for ``verify-ca``/``verify-full``) go to libpq."""

    host: str
    port: int
    database: str
    user: str
    password: str = field(default="", repr=False)
    sslmode: str = ""
    sslrootcert: str = ""

    def __post_init__(self) -> None:
        if self.sslmode and self.sslmode not in SSL_MODES:
            raise ValueError(f"sslmode={self.sslmode}")

    @classmethod
    def from_url(cls, url: str, user: str | None = None, password: str | None = None) -> ServerLogin:
        """``postgresql://[user[:password]@]host[:port]/database[?sslmode=…&sslrootcert=…]``;
        ``user``/``password`` given here win over the URL's. ``ValueError`` for anything else
        (another scheme, no host, an unknown option or sslmode)."""
        parts = urlsplit(url)
        if parts.scheme not in ("postgresql", "postgres") or not parts.hostname:
            raise ValueError(url)
        options = dict(parse_qsl(parts.query, keep_blank_values=True))
        if set(options) - set(_URL_OPTIONS):
            raise ValueError(url)
        database = unquote(parts.path.lstrip("/")) or "workload"
        return cls(
            host=parts.hostname,
            port=parts.port or 5432,
            database=database,
            user=user or unquote(parts.username or ""),
            password=password if password is not None else unquote(parts.password or ""),
            sslmode=options.get("sslmode", ""),
            sslrootcert=options.get("sslrootcert", ""),
        )

    @property
    def url(self) -> str:
        """The address without the password (safe to show and to remember)."""
        netloc = f"{quote(self.user)}@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = urlencode([(k, getattr(self, k)) for k in _URL_OPTIONS if getattr(self, k)])
        return urlunsplit(("postgresql", f"{netloc}{host}:{self.port}", f"/{self.database}", query, ""))

    def with_password(self, password: str) -> ServerLogin:
        return replace(self, password=password)

    def conninfo(self) -> dict[str, Any]:
        info = {
            "host": self.host,
            "port": self.port,
            "dbname": self.database,
            "user": self.user,
            "password": self.password,
            "application_name": "workload",
            "connect_timeout": 10,
        }
        info.update({k: getattr(self, k) for k in _URL_OPTIONS if getattr(self, k)})
        return info

    def __str__(self) -> str:
        return self.url


# ---------------------------------------------------------------- the SQL, once for both stores

_TOKEN = re.compile(
    r"""('(?:[^']|'')*')            # a string literal
      | ("(?:[^"]|"")*")            # a quoted identifier
      | (--[^\n]*)                  # a comment
      | (::)                        # a cast, not a named parameter
      | (\?)                        # a positional parameter
      | (:[A-Za-z_][A-Za-z0-9_]*)   # a named parameter
      | (%)                         # psycopg's escape character
    """,
    re.VERBOSE,
)
_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(?:IGNORE|REPLACE)\s", re.IGNORECASE)
_BEGIN_IMMEDIATE = re.compile(r"^\s*BEGIN\s+IMMEDIATE\s*$", re.IGNORECASE)
# SQLite's own functions (the server has none of these, or one of the name that means another
# thing): a statement using one fails on the server only, so it is refused here, on both stores'
# tests alike. The store's Dialect writes the portable form (``contains``, ``id_list`` …).
SQLITE_ONLY_FUNCTIONS = (
    "instr", "json_each", "json_tree", "json_extract", "json_group_array", "json_group_object",
    "group_concat", "date", "time", "datetime", "julianday", "unixepoch", "strftime", "ifnull",
    "iif", "printf", "total", "typeof", "last_insert_rowid", "changes", "total_changes",
    "randomblob", "zeroblob", "likelihood", "glob",
)  # fmt: skip
_FUNCTION = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")


class NotPortable(ValueError):
    """A statement uses what only SQLite has: write it with the store's ``Dialect``."""


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """An SQLite-style statement of the shared subset with the server's placeholders; refuses
    ``INSERT OR …`` and SQLite-only functions (``NotPortable``)."""
    if _INSERT_OR.match(sql):
        raise NotPortable("INSERT OR … is not portable: write INSERT … ON CONFLICT (target) DO …")
    # the statement without its literals, quoted identifiers and comments: what is code
    code = _TOKEN.sub(lambda m: " " if m.group(1) or m.group(2) or m.group(3) else m.group(0), sql)
    for name in _FUNCTION.findall(code):
        if name.lower() in SQLITE_ONLY_FUNCTIONS:
            raise NotPortable(f"{name}() is SQLite's own, not portable: use the store's Dialect")

    def token(m: re.Match) -> str:
        literal, ident, comment, cast, qmark, named, percent = m.groups()
        if literal or ident or cast:
            return (literal or ident or cast).replace("%", "%%")
        if comment:
            return ""
        if qmark:
            return "%s"
        if named:
            return f"%({named[1:]})s"
        return "%%"

    return _TOKEN.sub(token, sql)


def begin_write(conn: Connection) -> None:
    """``BEGIN IMMEDIATE`` on the server: ``BEGIN`` and the write lock, waiting for the writer
    before as long as SQLite's busy timeout, in one round trip; a restricted login (法官, 庭长)
    holds no privilege on any table and locks none: a plain ``BEGIN``."""
    import psycopg

    if conn._closed:
        raise ConnectionClosed("the connection to the court server is closed")
    raw = conn.raw
    if conn.restricted:
        raw.execute("BEGIN")
        return
    try:  # no parameters: the simple protocol takes the four statements
        raw.execute(
            f"BEGIN; SET LOCAL lock_timeout = {int(LOCK_TIMEOUT_MS)}; {WRITE_LOCK}; SET LOCAL lock_timeout = 0"
        )
    except psycopg.errors.LockNotAvailable as exc:
        conn.rollback()
        raise WriterBusy("another client holds the write lock") from exc
    except BaseException:
        if not raw.closed:
            conn.rollback()
        raise


# ---------------------------------------------------------------- a connection shaped like sqlite3's


class Cursor:
    """What ``conn.execute`` returns: rows, ``description``, ``rowcount`` and ``lastrowid``."""

    def __init__(self, cursor, connection: Connection) -> None:
        self._cursor = cursor
        self._connection = connection

    @property
    def description(self):
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        """The id the last INSERT drew from its table's sequence (``lastval()``: same connection,
        same session, so never another client's)."""
        return self._connection._raw.execute("SELECT lastval()").fetchone()[0]

    def fetchone(self):
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list:
        return self._cursor.fetchall() if self._cursor.description else []

    def fetchmany(self, size: int) -> list:
        return self._cursor.fetchmany(size) if self._cursor.description else []

    def __iter__(self) -> Iterator:
        return iter(self.fetchall())


class Connection:
    """The few sqlite3.Connection methods the storage modules call, on a psycopg connection in
    autocommit mode (transactions are the explicit ``BEGIN``/``COMMIT`` the storage issues)."""

    dialect = POSTGRESQL

    def __init__(self, raw, release=None) -> None:
        self._raw = raw
        self._release = release
        self._closed = False

    @property
    def restricted(self) -> bool:
        """Whether the login is a 法官's or 庭长's (set when the connection opened)."""
        return bool(getattr(self._raw, "_workload_restricted", False))

    @property
    def raw(self):
        """The psycopg connection, for what only the server has (COPY)."""
        return self._raw

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence | dict | None = (), *, binary: bool = False) -> Cursor:
        """``binary``: the rows come in the server's binary form (numbers not written out as text
        and parsed back); the same Python values as in text (see ``_configure``)."""
        if self._closed:
            raise ConnectionClosed("the connection to the court server is closed")
        if _BEGIN_IMMEDIATE.match(sql):  # as on SQLite: the write lock (see ``begin_write``)
            begin_write(self)
            return Cursor(self._raw.cursor(), self)
        statement = translate(sql)
        cur = self._raw.cursor(binary=True) if binary else self._raw.cursor()
        cur.execute(statement, _params(params) if params else None)
        return Cursor(cur, self)

    def executemany(self, sql: str, seq: Iterable[Sequence | dict]) -> Cursor:
        statement = translate(sql)
        cur = self._raw.cursor()
        cur.executemany(statement, [_params(p) for p in seq])
        return Cursor(cur, self)

    def commit(self) -> None:
        if self.in_transaction:
            self._raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self._raw.execute("ROLLBACK")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._release is not None:
            self._release(self._raw)
        else:
            self._raw.close()


class ConnectionClosed(Exception):
    pass


class WriterBusy(Exception):
    """Another client kept the write lock longer than ``LOCK_TIMEOUT_MS`` (SQLite: "database is
    locked"); ``repository.transaction`` retries, then says so clearly."""


def _params(params: Sequence | dict) -> Sequence | dict:
    if isinstance(params, dict):
        return {k: _value(v) for k, v in params.items()}
    return [_value(v) for v in params]


def _value(v: Any) -> Any:
    """numpy scalars (from pandas frames) as Python numbers; SQLite's driver takes them too.
    A NaN (pandas' empty cell) is NULL, as SQLite stores it (the server would keep 'NaN')."""
    item = getattr(v, "item", None)
    if item is not None and type(v).__module__ == "numpy":
        v = item()
    if isinstance(v, float) and v != v:
        return None
    return v


# type OIDs (pg_type): smallint, integer, bigint; double precision; text
_INTEGER_OIDS = frozenset({21, 23, 20})
_BINARY_TYPES = {21: "int8", 23: "int8", 20: "int8", 701: "float8", 25: "text"}


@dataclass(frozen=True)
class _Columns:
    """What COPY needs to know of some columns of a table, looked up once per server, database,
    table and columns (one statement that returns no row)."""

    integer: tuple[bool, ...]  # integer columns (a float 3.0 goes to them as 3)
    binary: tuple[str, ...] | None  # the staging table's types for binary COPY, if all are known


_columns_cache: dict[tuple, _Columns] = {}


def _columns(raw, table: str, columns: Sequence[str]) -> _Columns:
    info = raw.info
    key = (info.host, info.port, info.dbname, table, tuple(columns))
    found = _columns_cache.get(key)
    if found is None:
        cur = raw.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE false")
        oids = [d.type_code for d in cur.description]
        binary = tuple(_BINARY_TYPES[o] for o in oids) if all(o in _BINARY_TYPES for o in oids) else None
        found = _columns_cache[key] = _Columns(tuple(o in _INTEGER_OIDS for o in oids), binary)
    return found


def _copy_value(v: Any, integer: bool) -> Any:
    v = _value(v)
    if integer and isinstance(v, float) and v.is_integer():
        return int(v)  # pandas made an integer column float (it had a NaN): what INSERT would store
    return v


def copy_rows(
    conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence], *, plain: bool = False
) -> int:
    """Append ``rows`` to ``table`` with COPY … FROM STDIN, inside the caller's transaction (the
    rows go in with it or not at all; the table's triggers fire as for INSERT). The values are
    those ``executemany`` takes: NaN and None are NULL, numpy scalars plain numbers. ``plain``:
    the caller already made every value a Python str/int/float or None (no NaN), integers as
    int: the rows go as they are, in COPY's binary form when every column is an integer, a
    double or text (no float turned into text and parsed back: four fifths of a 100k-result
    write saved)."""
    raw = conn.raw
    # looked up before COPY begins: the connection takes no other statement until COPY ends
    kinds = _columns(raw, table, columns)
    binary = kinds.binary if plain and not text_copy_forced() else None
    # The server refuses COPY FROM into a table under row-level security (every table an account
    # writes is): the rows go by COPY into this session's own staging table, then one INSERT …
    # SELECT moves them, the policies checked as for any INSERT. Binary COPY writes an integer
    # into a 4-byte column without a range check: the staging table's integers are all BIGINT,
    # and the INSERT into the table checks the range as a text COPY would.
    staging = f"copy_staging_{table}"
    cols = ", ".join(columns)
    wide = ", ".join(
        f"CAST({c} AS BIGINT) AS {c}" if integer else c
        for c, integer in zip(columns, kinds.integer, strict=True)
    )
    raw.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staging} AS SELECT {wide} FROM {table} WITH NO DATA")
    n = 0
    form = " (FORMAT BINARY)" if binary else ""
    with raw.cursor() as cur, cur.copy(f"COPY {staging} ({cols}) FROM STDIN{form}") as copy:
        write = copy.write_row
        if plain:
            if binary:
                copy.set_types(list(binary))
            for row in rows:
                write(row)
                n += 1
        else:
            flags = kinds.integer
            for row in rows:
                write([_copy_value(v, f) for v, f in zip(row, flags, strict=True)])
                n += 1
    # one round trip (no parameters: the simple protocol takes both statements)
    raw.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {staging}; DROP TABLE {staging}")
    return n


class ServerDatabase:
    """The store handle on the court server (what ``sqlite_utils.Database`` is on a file): ``conn``
    is this handle's own connection, taken from the client's pool (one or two per desktop)."""

    dialect = POSTGRESQL

    def __init__(self, login: ServerLogin, conn: Connection, pool: Pool | None = None) -> None:
        self.login = login
        self.conn = conn
        self._pool = pool

    def __repr__(self) -> str:
        return f"<ServerDatabase {self.login.url}>"

    def table_names(self) -> list[str]:
        """The application's tables (``sqlite_utils.Database.table_names`` on a file)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                " AND table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
        ]


RESTRICTED_GROUPS = ("workload_judge", "workload_division_head")
SCOPE_SCHEMA = "workload_scope"


def _configure(raw) -> None:
    """Numbers come back as Python floats and ints (SUM/AVG are numeric on the server; the
    figures are doubles on both stores), in text and in binary form alike. A restricted login
    reads the scope's views first (whatever its role's settings say)."""
    from psycopg.types.numeric import FloatLoader

    raw.adapters.register_loader("numeric", FloatLoader)
    raw.adapters.register_loader("numeric", _numeric_binary_float())
    restricted, scoped = raw.execute(
        """SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                          JOIN pg_roles r ON r.oid = m.member
                          WHERE r.rolname = session_user AND g.rolname = ANY (%s)),
                  EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = %s)""",
        (list(RESTRICTED_GROUPS), SCOPE_SCHEMA),
    ).fetchone()
    raw._workload_restricted = bool(restricted)
    if restricted and scoped:
        raw.execute(f"SET search_path = {SCOPE_SCHEMA}, public")


@functools.cache
def _numeric_binary_float():
    from psycopg.types.numeric import NumericBinaryLoader

    class NumericBinaryFloat(NumericBinaryLoader):
        """A binary numeric as the float its text gives (``float(Decimal)`` rounds as
        ``float(str)`` does)."""

        def load(self, data) -> float:
            return float(super().load(data))

    return NumericBinaryFloat


def connect_raw(login: ServerLogin):
    import psycopg

    raw = psycopg.connect(**login.conninfo(), autocommit=True)
    _configure(raw)
    return raw


class Pool:
    """One client's connections to the server: at most ``max_size`` (the window's and its
    worker's), shared by the handles the program opens on the same login."""

    def __init__(self, login: ServerLogin, max_size: int = 2) -> None:
        from psycopg_pool import ConnectionPool

        self.login = login
        self._pool = ConnectionPool(
            kwargs={**login.conninfo(), "autocommit": True},
            min_size=1,
            max_size=max_size,
            configure=_configure,
            reset=_reset,
            open=True,
            timeout=30,
        )
        self._lock = threading.Lock()

    def handle(self) -> ServerDatabase:
        raw = self._pool.getconn()
        return ServerDatabase(self.login, Connection(raw, release=self._pool.putconn), self)

    def close(self) -> None:
        self._pool.close()


def _reset(raw) -> None:
    """A connection going back to the pool: any transaction left open is rolled back."""
    from psycopg.pq import TransactionStatus

    if raw.info.transaction_status != TransactionStatus.IDLE:
        raw.execute("ROLLBACK")


_pools: dict[tuple, Pool] = {}
_pools_lock = threading.Lock()


def open_server(login: ServerLogin) -> ServerDatabase:
    """A handle on the court server for ``login``: its own connection from the login's pool."""
    key = (login.host, login.port, login.database, login.user, login.password)
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            connect_raw(login).close()  # a wrong password or address fails here, at once
            pool = _pools[key] = Pool(login)
    return pool.handle()


def close_pools() -> None:
    with _pools_lock:
        for pool in _pools.values():
            pool.close()
        _pools.clear()
