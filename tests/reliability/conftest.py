"""Helpers for the reliability tests: a fingerprint of everything an import may write."""

from __future__ import annotations

import hashlib

from tests.conftest import on_both_stores
from tests.importing.conftest import roster_db  # noqa: F401 - a fixture


def pytest_generate_tests(metafunc):
    """The concurrency tests that take a store run on both, the SQLite file and the court server
    (the multi-process ones are on files here; the server's are in tests/server); the fuzzing
    of import files stays on files (the store only checks that nothing changed)."""
    on_both_stores(metafunc, modules=("test_concurrency", "test_crash"))


TABLES = ("cases", "judges", "divisions", "import_batches", "case_history", "audit_log", "users")


def fingerprint(conn) -> str:
    """A hash of every row of the tables an import, undo or recompute may touch."""
    h = hashlib.sha256()
    for table in TABLES:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):  # noqa: S608
            h.update(repr(row).encode())
    return h.hexdigest()
