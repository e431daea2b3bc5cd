"""Shared fixtures: a fresh database, and the demo court built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workload_app.storage.db import open_db

SMALL_DEMO = 3000  # cases per year: enough for every shape, quick to build


@pytest.fixture
def db(tmp_path):
    d = open_db(tmp_path / "t.sqlite")
    yield d
    d.conn.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    from workload_app.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    d = open_db(path)
    create_demo(d, seed=7, cases_per_year=SMALL_DEMO)
    d.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    d.conn.close()
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    """A private copy of the small demo court, so a test may change it."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    d = open_db(path)
    yield d
    d.conn.close()


# The court server (PostgreSQL): one throwaway cluster per test session, started on first use.


@pytest.fixture(scope="session")
def pg_server():
    from tests import pg_server as pg

    if not pg.available():
        pytest.fail("PostgreSQL is not installed (Debian package: postgresql); `make test` installs it")
    server = pg.start()
    yield server
    server.stop()


@pytest.fixture
def pg_database(pg_server):
    """An empty database of its own on the test server; its name."""
    name = pg_server.create_database()
    yield name
    pg_server.drop_database(name)
