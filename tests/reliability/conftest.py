"""Helpers for the reliability tests: a fingerprint of everything an import may write."""

from __future__ import annotations

from tests.conftest import on_both_stores


def pytest_generate_tests(metafunc):
    """These tests run on both stores, the SQLite file and the court server."""
    on_both_stores(metafunc)

import hashlib

from tests.importing.conftest import roster_db  # noqa: F401 - a fixture

TABLES = ("cases", "judges", "divisions", "import_batches", "case_history", "audit_log", "users")


def fingerprint(conn) -> str:
    """A hash of every row of the tables an import, undo or recompute may touch."""
    h = hashlib.sha256()
    for table in TABLES:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):  # noqa: S608
            h.update(repr(row).encode())
    return h.hexdigest()
