"""The court server's administration: setting it up (a database superuser, once; again to upgrade)
and moving a court's existing SQLite file onto it (a 管理员's login of the set-up server)."""

from __future__ import annotations

import secrets
import string
from collections.abc import Callable
from pathlib import Path

from workload_app.core.problems import WorkloadError
from workload_app.services import access, audit
from workload_app.services.accounts import password_problem
from workload_app.storage import repository as repo
from workload_app.storage import server_admin, server_move
from workload_app.storage import users as user_store
from workload_app.storage.db import Database, ServerError
from workload_app.storage.dialect import dialect_of
from workload_app.storage.pg import ServerLogin


def setup(superuser: ServerLogin, admin: str, password: Callable[[], str]) -> list[str]:
    """``workload server setup``: what was done, one line per step. ``password()`` is asked only
    when the first 管理员's login role must be created; it is checked like any new password."""
    admin = admin.strip().lower()

    def checked() -> str:
        value = password()
        problem = password_problem(admin, value)
        if problem:
            raise WorkloadError(problem)
        return value

    return server_admin.setup(superuser, admin, checked).steps


def random_password() -> str:
    """An initial password: 12 letters and digits, with at least one of each."""
    alphabet = string.ascii_letters + string.digits
    while True:
        value = "".join(secrets.choice(alphabet) for _ in range(12))
        if any(c.isdigit() for c in value) and any(c.isalpha() for c in value):
            return value


def move_from(
    db: Database, source: Path, passwords: Callable[[str], str] | None = None
) -> server_move.MoveReport:
    """``workload server move-from``: every table of the court's file into the server (a set-up
    server without cases or audit rows), ids kept; each account becomes a login role with an
    initial password (``passwords(login)``, else a random one) to change at first log-in. The
    audit chain is carried over whole and the move is appended to it."""
    if dialect_of(db).keeps_a_file:  # a file's rows go into the server, never into another file
        raise WorkloadError("server.move_needs_server")
    mover = server_admin.session_login(db)
    row = user_store.user_by_login(db, mover)
    if row is None or not row["active"] or row["role"] != access.ADMIN or not server_admin.is_admin_login(db):
        raise (
            ServerError("server.no_account", user=mover)
            if row is None
            else WorkloadError("server.move_needs_admin", user=mover)
        )
    me = access.User(login=mover, role=access.ADMIN, display_name=row["display_name"], id=row["id"])
    access.bind(db, me)
    chosen = passwords or (lambda _login: random_password())
    conn = server_move.open_source(source)
    try:
        busy = server_move.server_has_data(db)
        if busy:
            raise busy
        with repo.transaction(db):
            report = server_move.move_tables(conn, db, mover, chosen)
            audit.record(
                db,
                "server.move",
                str(Path(source).name),
                after={
                    "tables": report.counts,
                    "accounts": [login for login, _, _ in report.accounts],
                },
                user=me,
            )
    finally:
        conn.close()
    return report
