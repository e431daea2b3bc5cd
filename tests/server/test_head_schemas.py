"""The two head schemas agree: a file after all of db/sqlite's migrations and the court server
after ``server setup`` (all of db/postgresql's migrations, then roles.sql) have the same tables,
the same columns with the same types (mapped: SQLite's declared type to the server's), and the
same indexes (unique or not, on the same columns; those made by CREATE INDEX under the same
names) — but for the deliberate differences listed here, each with its reason. A migration
added to one folder only fails this test until its twin is written (README, "How to")."""

from __future__ import annotations

import re

from tests.server_fixtures import server_court  # noqa: F401 - a fixture
from workload_app.storage import pg
from workload_app.storage.db import open_db

# The server's own objects (roles.sql and its bookkeeping migration 19): none has a file twin.
SERVER_ONLY_TABLES = {
    "audit_marks": "which transaction wrote its own audit row (the change triggers' summary)",
    "pending_changes": "a transaction's changes, summed up at commit into one server.change row",
    "server_settings": "the court's time zone for the server's clock, written by the owner only",
    "write_lock": "the table writers lock to queue as on a file (BEGIN IMMEDIATE)",
}
# Tables without an id on a file read in SQLite's rowid order; the server has no rowid.
SERVER_ONLY_COLUMNS = {("case_history", "id"), ("roster_history", "id")}
# SQLite's declared type -> the server's types that store the same values
TYPES = {
    "INTEGER": {"integer", "bigint", "smallint"},
    "TEXT": {"text"},
    "REAL": {"double precision"},
}


def _file_schema(path):
    db = open_db(path)
    conn = db.conn
    try:
        tables = {
            name: kind
            for name, kind in conn.execute(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
            )
        }
        columns, keys, named = {}, {}, set()
        for table in tables:
            info = conn.execute(f"PRAGMA table_info('{table}')").fetchall()
            columns.update({(table, r[1]): r[2].upper() for r in info})
            found = set()
            pk = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5])
            if pk:
                found.add((True, pk))
            for _, index, unique, _, _ in conn.execute(f"PRAGMA index_list('{table}')").fetchall():
                cols = tuple(r[2] or "<expr>" for r in conn.execute(f"PRAGMA index_info('{index}')"))
                found.add((bool(unique), cols))
            keys[table] = found
        named = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        }
        return tables, columns, keys, named
    finally:
        conn.close()


def _server_schema(conn):
    tables = {
        name: "view" if kind == "VIEW" else "table"
        for name, kind in conn.execute(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    }
    columns = {
        (t, c): ty
        for t, c, ty in conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'"
        ).fetchall()
    }
    keys: dict[str, set] = {t: set() for t in tables}
    named = set()
    for table, index, unique, definition, constraint in conn.execute(
        """SELECT t.relname, i.relname, x.indisunique, pg_get_indexdef(x.indexrelid),
                  EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
           WHERE t.relnamespace = 'public'::regnamespace"""
    ).fetchall():
        inside = re.search(r"USING \w+ \((.*)\)", definition).group(1)
        cols = tuple(
            c if re.fullmatch(r"\w+", c) else "<expr>" for c in (p.strip() for p in inside.split(","))
        )
        keys[table].add((bool(unique), cols))
        if not constraint:
            named.add(index)
    return tables, columns, keys, named


def test_the_file_and_the_server_have_one_head_schema(server_court, pg_server, tmp_path):  # noqa: F811
    f_tables, f_columns, f_keys, f_named = _file_schema(tmp_path / "head.sqlite")
    login = pg.ServerLogin.from_url(pg_server.url(server_court.database))
    conn = pg.Connection(pg.connect_raw(login))
    try:
        s_tables, s_columns, s_keys, s_named = _server_schema(conn)
    finally:
        conn.close()

    # tables and views: the same, and of the same kind, but the server's own
    assert {t: k for t, k in s_tables.items() if t not in SERVER_ONLY_TABLES} == f_tables
    assert set(SERVER_ONLY_TABLES) <= set(s_tables)
    # columns: the same names; each type mapped
    shared = {k: v for k, v in s_columns.items() if k[0] not in SERVER_ONLY_TABLES}
    assert set(shared) - set(f_columns) == SERVER_ONLY_COLUMNS
    assert set(f_columns) - set(shared) == set()
    mismatched = {k: (f_columns[k], shared[k]) for k in f_columns if shared[k] not in TYPES[f_columns[k]]}
    assert mismatched == {}
    # indexes: on each table the same (unique, columns); the server's id columns have their key
    for table in f_tables:
        server_keys = (
            s_keys[table] - {(True, ("id",))} if (table, "id") in SERVER_ONLY_COLUMNS else s_keys[table]
        )
        assert server_keys == f_keys[table], table
    assert s_named == f_named
    assert len(f_named) >= 10 and "idx_cases_panel" in f_named
