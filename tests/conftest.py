"""Shared fixtures: a fresh database, and the demo court built once per test session.

The store: ``db`` and ``demo_db`` are on the store the ``store`` fixture names, ``"sqlite"`` (a
file) unless a suite's conftest parametrises it (``STORES``) to run its tests on the court server
too: ``"server"`` is a database of its own on the session's throwaway PostgreSQL. A test that is
about the SQLite file itself (WAL, backups of a file, corruption…) is marked ``sqlite_only`` and
does not run on the server.

Hypothesis runs under a profile named by ``$HYPOTHESIS_PROFILE``: ``dev`` (the default, for the
inner loop: each property tries a tenth of its examples, at least 5) or ``ci`` (thorough: every
property its full count; ``.ci/run`` sets it). A property states its thorough count with
``examples(n)``. Tests that take more than a few seconds under ``ci`` are marked ``slow``: the
fast inner loop is ``pytest -m "not slow"``; ``make test`` runs everything.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from workload_app.services import access
from workload_app.storage.db import open_db

# No court settings file (services/site_settings.py) from the machine running the tests: a test
# that wants one names it in $WORKLOAD_INI itself.
os.environ["WORKLOAD_INI"] = ""

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=10, deadline=None)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or "dev"
settings.load_profile(PROFILE)


def as_operator(db):
    """``db`` acting as the local operator (a file without accounts), said explicitly: a handle
    with nobody bound acts for nobody."""
    access.bind_local_operator(db)
    return db


def open_as_operator(path, **kwargs):
    """``open_db(path)`` acting as the local operator."""
    return as_operator(open_db(path, **kwargs))


def examples(thorough: int) -> int:
    """A property's example count: ``thorough`` under the ``ci`` profile, a tenth (at least 5)
    under ``dev``."""
    return thorough if PROFILE == "ci" else max(5, thorough // 10)


SMALL_DEMO = 3000  # cases per year: enough for every shape, quick to build


STORES = ("sqlite", "server")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "sqlite_only: about the SQLite file itself; not run on the court server"
    )


def on_both_stores(metafunc, modules: tuple[str, ...] | None = None) -> None:
    """For a suite's ``pytest_generate_tests``: run each test that uses ``db``/``demo_db`` (the
    ``store`` fixture) on both stores, ids ``[sqlite]``/``[server]``; ``modules``: only the test
    modules of these names. A test marked ``sqlite_only`` keeps its one SQLite run."""
    if "store" not in metafunc.fixturenames or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    if modules is not None and metafunc.module.__name__.rsplit(".", 1)[-1] not in modules:
        return
    metafunc.parametrize("store", STORES, indirect=True)


@pytest.fixture
def store(request) -> str:
    """Which store ``db`` and ``demo_db`` are on: SQLite, unless the suite runs on both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db(store, request):
    return request.getfixturevalue(f"{store}_db")


@pytest.fixture
def demo_db(store, request):
    """A private copy of the small demo court, so a test may change it."""
    return request.getfixturevalue(f"{store}_demo_db")


@pytest.fixture
def sqlite_db(tmp_path):
    d = open_as_operator(tmp_path / "t.sqlite")
    yield d
    d.conn.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    from workload_app.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    d = open_as_operator(path)
    create_demo(d, seed=7, cases_per_year=SMALL_DEMO)
    d.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    d.conn.close()
    return path


@pytest.fixture
def sqlite_demo_db(demo_file, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    d = open_as_operator(path)
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


@pytest.fixture
def server_db(pg_server):
    """A fresh court database on the test server (copied from one made by ``server setup``),
    logged in as its 管理员."""
    from tests.server_fixtures import server_handle, set_up_template

    name = pg_server.create_database(template=set_up_template(pg_server))
    d = server_handle(pg_server, name)
    yield d
    d.conn.close()
    pg_server.drop_database(name)


@pytest.fixture(scope="session")
def server_demo_template(pg_server) -> str:
    """The small demo court built once on the server, as a template database to copy."""
    from tests.server_fixtures import server_handle, set_up_template
    from workload_app.services.demo import create_demo

    name = pg_server.create_database(prefix="demo", template=set_up_template(pg_server))
    d = server_handle(pg_server, name)
    create_demo(d, seed=7, cases_per_year=SMALL_DEMO)
    d.conn.close()  # a template must have no connection when it is copied
    return name


@pytest.fixture
def server_demo_db(pg_server, server_demo_template):
    """A private copy of the small demo court on the server (CREATE DATABASE … TEMPLATE)."""
    from tests.server_fixtures import server_handle

    name = pg_server.create_database(template=server_demo_template)
    d = server_handle(pg_server, name)
    yield d
    d.conn.close()
    pg_server.drop_database(name)
