"""What differs between the two stores, as methods of one object per store.

The storage modules write their SQL once, with SQLite's placeholders; ``pg.translate`` turns
the placeholders into the server's and refuses an SQLite-only function it finds. Everything else
that is not the same on a file (SQLite) and on the court server (PostgreSQL) is a method or a
property here: an SQL fragment (``contains``, ``id_list``, ``insert_or_ignore``), an operation
(``bulk_insert``, ``frame_cursor``, ``begin_write``, ``checkpoint``), a catalogue question
(``count_triggers``, ``foreign_keys_to``, ``schema_version``), a migration step, or a
capability a service may ask (``enforces_scope``, ``accounts_are_logins``, ``keeps_a_file``).
Nothing outside ``storage/`` asks which store it is on; it asks ``dialect_of(db)`` what the
store does.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from workload_app.core import dates


class Dialect(ABC):
    """The store's differences. ``name`` is the folder of its migration files (``db/<name>``)."""

    name = ""
    # The store itself limits what each login reads (the server's row-level security and scope
    # views): a restricted login's rows are not the court's.
    enforces_scope = False
    # An account is the store's own login: the store checks the password, account names are its
    # role names (lower case), a password is set on the login, never kept as a hash in a row.
    accounts_are_logins = False
    # The store is one file the program backs up, restores and checks (quick_check).
    keeps_a_file = True
    # Rows of a table without an id are read in the order written by this column.
    insertion_order = "rowid"

    def __repr__(self) -> str:
        return f"<Dialect {self.name}>"

    # -- SQL fragments (each method without a body here is written by both stores)
    @abstractmethod
    def contains(self, haystack: str, needle: str) -> str:
        """An expression true when the text ``needle`` occurs in ``haystack`` (both SQL)."""
        raise NotImplementedError

    @abstractmethod
    def id_list(self, param: str = "?") -> str:
        """A subquery of the integers of one JSON array passed as ``param``: ``x IN (…)`` over
        any number of ids in one parameter."""
        raise NotImplementedError

    def insert_or_ignore(
        self, table: str, columns: Sequence[str], conflict: Sequence[str], returning: str | None = None
    ) -> str:
        """An INSERT of one row (``?`` placeholders) that does nothing when a row with the same
        ``conflict`` columns exists; ``returning``: the columns the inserted row returns (none
        when ignored). The target is always named: openGauss needs it."""
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            f" ON CONFLICT ({', '.join(conflict)}) DO NOTHING"
        )
        return f"{sql} RETURNING {returning}" if returning else sql

    # -- the store's clock
    @abstractmethod
    def now(self, conn: Any) -> str:
        """The time stamp a row keeps, ``YYYY-MM-DDTHH:MM:SS``, by the store's clock."""
        raise NotImplementedError

    # -- operations
    @abstractmethod
    def bulk_insert(
        self, db: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence], *, plain: bool = False
    ) -> None:
        """Append many rows inside the caller's transaction (a NaN is NULL)."""
        raise NotImplementedError

    def frame_cursor(self, db: Any, sql: str, params: Sequence | dict = ()):
        """The cursor a typed frame read (``case_columns.read_frame``) fetches from."""
        return db.conn.execute(sql, params)

    @abstractmethod
    def begin_write(self, conn: Any) -> None:
        """Begin a transaction holding the store's write lock (writers queue one after another);
        the store's own "busy" error when another writer holds it past the wait."""
        raise NotImplementedError

    @abstractmethod
    def begin_migration(self, conn: Any, owner: str | None = None) -> None:
        """Begin one migration step's transaction (``owner``: the role that owns what it makes)."""
        raise NotImplementedError

    def checkpoint(self, db: Any, *, single_file: bool = False) -> None:  # noqa: B027 - nothing by default
        """Fold a write-ahead log into the file (nothing where there is no file)."""

    @abstractmethod
    def check_integrity(self, db: Any) -> str:
        """ "ok", or what the store's own check found."""
        raise NotImplementedError

    def store_key(self, db: Any, path: Path | None) -> object:
        """What tells one store from another in a process's caches."""
        return path

    # -- the catalogue
    @abstractmethod
    def count_triggers(self, conn: Any, like: str) -> int:
        """How many enabled triggers have a name ``LIKE like``."""
        raise NotImplementedError

    @abstractmethod
    def foreign_keys_to(self, conn: Any, table: str) -> list[tuple[str, str]]:
        """(table, column) of every foreign key pointing at ``table``."""
        raise NotImplementedError

    @abstractmethod
    def has_table(self, conn: Any, table: str) -> bool:
        raise NotImplementedError

    def has_function(self, conn: Any, signature: str) -> bool:
        """Whether the store has the server function ``signature`` (set up by roles.sql)."""
        return False

    def schema_version(self, conn: Any) -> int:
        """The highest migration recorded; 0 for an empty store."""
        if not self.has_table(conn, "schema_migrations"):
            return 0
        row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # -- migrations
    @abstractmethod
    def run_sql_file(self, db: Any, path: Path, statements: Sequence[str]) -> None:
        """One numbered SQL file, inside the runner's transaction."""
        raise NotImplementedError


class SqliteDialect(Dialect):
    """A database file (SQLite through sqlite-utils)."""

    name = "sqlite"

    def contains(self, haystack: str, needle: str) -> str:
        return f"instr({haystack}, {needle}) > 0"

    def id_list(self, param: str = "?") -> str:
        return f"SELECT value FROM json_each({param})"

    def now(self, conn) -> str:
        return dates.stamp(dt.datetime.now())  # the file's clock is this computer's

    def bulk_insert(self, db, table, columns, rows, *, plain=False) -> None:
        db.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows
        )

    def begin_write(self, conn) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def begin_migration(self, conn, owner=None) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def checkpoint(self, db, *, single_file=False) -> None:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if single_file:
            db.conn.execute("PRAGMA journal_mode = DELETE")

    def check_integrity(self, db) -> str:
        return str(db.conn.execute("PRAGMA quick_check").fetchone()[0])

    def count_triggers(self, conn, like: str) -> int:
        return int(
            conn.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", (like,)
            ).fetchone()[0]
        )

    def foreign_keys_to(self, conn, table: str) -> list[tuple[str, str]]:
        out = []
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for other in tables:
            for fk in conn.execute(f"PRAGMA foreign_key_list('{other}')").fetchall():
                if fk[2] == table:
                    out.append((other, fk[3]))
        return out

    def has_table(self, conn, table: str) -> bool:
        return (
            conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone()
            is not None
        )

    def run_sql_file(self, db, path, statements) -> None:
        for statement in statements:
            db.conn.execute(statement)


class PostgresDialect(Dialect):
    """The court server (PostgreSQL 15 or a compatible server, through ``storage.pg``)."""

    name = "postgresql"
    enforces_scope = True
    accounts_are_logins = True
    keeps_a_file = False
    insertion_order = "id"  # the server's roster_history has an id (SQLite's rowid)

    def contains(self, haystack: str, needle: str) -> str:
        return f"strpos({haystack}, {needle}) > 0"

    def id_list(self, param: str = "?") -> str:
        return (
            f"SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST({param} AS json)) AS j(value)"
        )

    def now(self, conn) -> str:
        """The server's clock in the court's time zone (``workload_now()``, the audit trail's
        clock); before setup has made that function (the first migrations), or where the login
        may not call it yet (a server set up by an older program), the server's session time."""
        callable_ = conn.execute(  # a server set up before the clock's grant: the session's time
            "SELECT COALESCE(has_function_privilege(CAST(to_regprocedure(?) AS oid), 'EXECUTE'), false)",
            ("workload_now()",),
        ).fetchone()[0]
        if callable_:
            return str(conn.execute("SELECT workload_now()").fetchone()[0])
        return str(
            conn.execute("""SELECT to_char(LOCALTIMESTAMP, 'YYYY-MM-DD"T"HH24:MI:SS')""").fetchone()[0]
        )

    def bulk_insert(self, db, table, columns, rows, *, plain=False) -> None:
        from workload_app.storage import pg

        pg.copy_rows(db.conn, table, columns, rows, plain=plain)

    def frame_cursor(self, db, sql, params=()):
        return db.conn.execute(sql, params, binary=True)  # numbers in binary: a third of the conversion saved

    def begin_write(self, conn) -> None:
        from workload_app.storage import pg

        pg.begin_write(conn)

    def begin_migration(self, conn, owner=None) -> None:
        conn.execute("BEGIN")
        if owner:
            conn.raw.execute(f"SET LOCAL ROLE {owner}")

    def check_integrity(self, db) -> str:
        # the server keeps its own files sound; a simple query says it answers
        return "ok" if db.conn.execute("SELECT 1").fetchone()[0] == 1 else "no answer"

    def store_key(self, db, path) -> object:
        login = db.login
        return ("server", login.host, login.port, login.database, login.user)

    def count_triggers(self, conn, like: str) -> int:
        return int(
            conn.execute(
                "SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE ? AND tgenabled <> 'D'", (like,)
            ).fetchone()[0]
        )

    def foreign_keys_to(self, conn, table: str) -> list[tuple[str, str]]:
        # the catalogue every user may read (information_schema shows only one's own)
        return [
            (r[0], r[1])
            for r in conn.execute(
                """SELECT src.relname, a.attname FROM pg_constraint k
                   JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid
                   JOIN pg_namespace n ON n.oid = src.relnamespace
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                   WHERE k.contype = 'f' AND dst.relname = ? AND n.nspname = current_schema()
                   ORDER BY src.relname, a.attname""",
                (table,),
            ).fetchall()
        ]

    def has_function(self, conn, signature: str) -> bool:
        return bool(conn.execute("SELECT to_regprocedure(?) IS NOT NULL", (signature,)).fetchone()[0])

    def has_table(self, conn, table: str) -> bool:
        return (
            conn.execute(
                "SELECT 1 FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()",
                (table,),
            ).fetchone()
            is not None
        )

    def run_sql_file(self, db, path, statements) -> None:
        # functions with $$ bodies: the file goes to the server whole, in one round trip
        db.conn.raw.execute(path.read_text(encoding="utf-8"))


SQLITE = SqliteDialect()
POSTGRESQL = PostgresDialect()
DIALECTS = {d.name: d for d in (SQLITE, POSTGRESQL)}


def dialect_of(db: object) -> Dialect:
    """The dialect of a store handle (a file's ``sqlite_utils.Database``, the server's
    ``pg.ServerDatabase``) or of a bare connection (sqlite3's, or ``pg.Connection``); a dialect
    is its own."""
    if isinstance(db, Dialect):
        return db
    found = getattr(db, "dialect", None)  # pg.ServerDatabase and pg.Connection carry theirs
    return found if isinstance(found, Dialect) else SQLITE
