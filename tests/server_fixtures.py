"""The court server in tests: how a test gets a handle on a database of the test server.

``server_handle`` is the one place that makes a store handle on the server for the store-facing
suites (tests/conftest.py's ``store`` fixtures). Today it logs in as the test cluster's superuser
and brings the schema up with ``apply_migrations``; it can be switched to a set-up court server
(owner role, policies, accounts) without touching the suites.
"""

from __future__ import annotations

from workload_app.storage import pg
from workload_app.storage.migrations import apply_migrations


def server_handle(pg_server, database: str, *, migrate: bool = True) -> pg.ServerDatabase:
    """A store handle on ``database`` of the test server (its own connection), schema at the
    latest version."""
    login = pg.ServerLogin.from_url(pg_server.url(database))
    db = pg.ServerDatabase(login, pg.Connection(pg.connect_raw(login)))
    if migrate:
        apply_migrations(db)
    return db
