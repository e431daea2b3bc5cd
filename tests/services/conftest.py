"""Fixtures of this suite."""

from __future__ import annotations

from tests.conftest import on_both_stores


def pytest_generate_tests(metafunc):
    """These tests run on both stores, the SQLite file and the court server."""
    on_both_stores(metafunc)
