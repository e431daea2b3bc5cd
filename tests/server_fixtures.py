"""Fixtures for the court server's tests. Import the ones a module uses:

from tests.server_fixtures import server_court  # noqa: F401 - a fixture
"""

from __future__ import annotations

import uuid
from typing import NamedTuple

import pytest

from workload_app.storage import pg

# ---------------------------------------------------------------- a set-up court server (server-roles)

ADMIN_PASSWORD = "Admin-pass-1"


class ServerCourt(NamedTuple):
    """A court database made by ``workload server setup`` on the test server: its address (no
    user), its first 管理员 and that account's password. Unpacks as (url, admin, password)."""

    url: str
    admin: str
    password: str
    database: str = ""

    def login(self, user: str | None = None, password: str | None = None) -> pg.ServerLogin:
        """The ServerLogin of ``user`` (default: the 管理员)."""
        if user is None:
            user, password = self.admin, self.password
        return pg.ServerLogin.from_url(self.url, user=user, password=password or "")

    def url_of(self, user: str, password: str) -> str:
        """A libpq URL for plain psycopg (not the program's code)."""
        host_port = self.url.split("://", 1)[1]
        return f"postgresql://{user}:{password}@{host_port}"


def unique(prefix: str) -> str:
    """A login name of its own: login roles belong to the whole test cluster, shared by the tests."""
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


@pytest.fixture
def server_court(pg_server):
    """``server setup`` run on a fresh database of the test server (roles, schema, policies, the
    first 管理员); dropped after the test."""
    from workload_app.services import server

    name = f"court_{uuid.uuid4().hex[:10]}"
    admin = unique("admin")
    superuser = pg.ServerLogin.from_url(pg_server.url(name))
    server.setup(superuser, admin, lambda: ADMIN_PASSWORD)
    yield ServerCourt(f"postgresql://127.0.0.1:{pg_server.port}/{name}", admin, ADMIN_PASSWORD, name)
    pg.close_pools()
    pg_server.drop_database(name)


# ---------------------------------------------------------------- the store-facing suites' handle

# The suites run as a set-up court's 管理员 login (row-level security forced, tables owned by
# workload_owner), as a court's IT would run the program: never as the cluster's superuser.
SUITE_ADMIN = "suite_admin"
_templates: dict[int, str] = {}


def set_up_template(pg_server) -> str:
    """A court database made once per session by ``server setup`` (no cases, its 管理员
    ``suite_admin``), as a template each test's database is copied from."""
    if pg_server.port not in _templates:
        from workload_app.services import server

        name = f"court_tpl_{uuid.uuid4().hex[:8]}"
        server.setup(pg.ServerLogin.from_url(pg_server.url(name)), SUITE_ADMIN, lambda: ADMIN_PASSWORD)
        pg.close_pools()  # a template must have no connection when it is copied
        _templates[pg_server.port] = name
    return _templates[pg_server.port]


def server_handle(pg_server, database: str) -> pg.ServerDatabase:
    """A store handle on ``database`` (copied from ``set_up_template``) of the test server, logged
    in as its 管理员, with a connection of its own (not pooled)."""
    login = pg.ServerLogin.from_url(
        f"postgresql://127.0.0.1:{pg_server.port}/{database}", user=SUITE_ADMIN, password=ADMIN_PASSWORD
    )
    from workload_app.services import access

    handle = pg.ServerDatabase(login, pg.Connection(pg.connect_raw(login)))
    access.bind_local_operator(handle)  # the suite's 管理员 acts as the person at this computer
    return handle


def login_handle(pg_server, db: pg.ServerDatabase, login: str, password: str) -> pg.ServerDatabase:
    """A handle on ``db``'s database logged in as the account ``login`` (a row of its ``users``
    table, e.g. one of the demo court's): its login role is made once on the test cluster (roles
    belong to the cluster), in the group of the account's role, so that the server's row-level
    security applies to what the handle reads."""
    role = db.conn.execute("SELECT role FROM users WHERE login = ?", (login,)).fetchone()[0]
    from psycopg import sql

    with pg_server.admin_connect(db.login.database) as admin:
        # another test (a move-from, an account test) may have made this role with another password
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        admin.execute(
            sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(login), sql.Literal(password))
        )
        admin.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(f"workload_{role}"), sql.Identifier(login))
        )
    own = pg.ServerLogin.from_url(
        f"postgresql://127.0.0.1:{pg_server.port}/{db.login.database}", user=login, password=password
    )
    return pg.ServerDatabase(own, pg.Connection(pg.connect_raw(own)))
