"""Opening and closing the court's database: the window's and the command line's one door to
the store (they never import ``storage``). The store's own errors are re-exported here, so that
callers can name them: ``DatabaseFileError`` (the file itself is unusable: read-only, full,
corrupt …), ``DatabaseTooNew`` (written by a newer program; refused untouched), ``ServerError``
(the court server: unreachable, login refused, not set up, too new or too old).

A *store target* is either a database file (a path) or the court server (a ``ServerLogin``:
host, port, database, account and, in memory only, the password)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from workload_app.core.problems import WorkloadError
from workload_app.services import figures
from workload_app.storage import db as store
from workload_app.storage import errors
from workload_app.storage import repository as repo
from workload_app.storage.db import Database, DatabaseFileError, DatabaseTooNew, ServerError
from workload_app.storage.dialect import dialect_of
from workload_app.storage.pg import ServerLogin, is_server_address

__all__ = [
    "Database",
    "DatabaseFileError",
    "DatabaseTooNew",
    "ServerError",
    "ServerLogin",
    "classify",
    "close_db",
    "default_db_path",
    "default_target",
    "describe",
    "explain",
    "is_open",
    "is_server_address",
    "open_db",
    "open_store",
    "refuse_local_operator",
    "server_login",
]

Target = Path | ServerLogin


def open_db(path: Path | str | ServerLogin | None = None, *, migrate: bool = True) -> Database:
    """Open (creating and upgrading if needed) the database at ``path``, else the default one.
    ``path`` may also be the court server (a ``ServerLogin`` or a ``postgresql://`` URL); the
    server is never upgraded by a client.

    A file whose figures are missing (made by an older version, or parameters saved before any
    case) has them computed here, once, as part of the upgrade (``figures.compute_missing``;
    readers never compute). A file that cannot be written keeps them missing; its readers say so."""
    db = store.open_db(path, migrate=migrate)
    if migrate and dialect_of(db).keeps_a_file:
        _compute_missing(db)
    return db


def _compute_missing(db: Database) -> None:
    if not figures.missing_years(db):
        return
    try:
        with repo.transaction(db):
            figures.compute_missing(db)
    except (DatabaseFileError, WorkloadError):
        pass  # read-only, full or busy: opened as it is, its readers say the figures are missing


def server_login(url: str, user: str | None = None, password: str | None = None) -> ServerLogin:
    """The court server at ``url`` (``postgresql://HOST[:PORT]/DB``) as ``user``; ``ValueError``
    when ``url`` is not such an address."""
    return ServerLogin.from_url(url, user=user, password=password)


def open_store(target: Target | str, *, user: str | None = None, password: str | None = None):
    """Open the store behind ``target`` and log its account in: ``(db, must_change_password)``.

    A file: opened (created, upgraded) as ``open_db`` does; with ``user``, that account logs in
    with ``password`` (the file's own accounts, as before). The court server: the server checks
    the login's password when the connection opens, then the account of that login is bound to
    the handle (``accounts.login``); a server with no accounts yet (before ``workload server
    setup`` made the first 管理员) opens as the local operator, as a file without accounts does,
    and the server's own rights still apply. On failure nothing is left open."""
    from workload_app.services import accounts

    if is_server_address(target):
        login = target if isinstance(target, ServerLogin) else server_login(str(target))
        if user is not None or password is not None:
            login = replace(
                login,
                user=user if user is not None else login.user,
                password=password if password is not None else login.password,
            )
        db = open_db(login)
        user, password = (login.user, login.password) if accounts.has_accounts(db) else (None, None)
    else:
        db = open_db(Path(target))
    if not user:
        accounts.access.bind_local_operator(db)  # a file (or an empty server) without a login
        return db, False
    try:
        _, must_change = accounts.login(db, user, password or "")
    except BaseException:
        close_db(db)
        raise
    return db, must_change


def refuse_local_operator(db: Database, set_up_for: str | None) -> None:
    """On a PC set up for the court server (``set_up_for`` names it: the server the court's
    settings file names, or the one the user chose to use), a database file without accounts is not opened: with
    nobody to log in, it would give whoever sits at the PC 管理员 rights
    (``server.local_file_on_server_pc``). A file with accounts is opened by logging in, and a PC
    not set up for a server keeps its local operator (README, "What a local SQLite file cannot
    protect")."""
    from workload_app.services import accounts

    if set_up_for is not None and dialect_of(db).keeps_a_file and not accounts.has_accounts(db):
        raise WorkloadError("server.local_file_on_server_pc", server=set_up_for)


def describe(target: Target) -> str:
    """How the window and the command line name a store: the file's path, or the server's address
    (``postgresql://account@host:port/db``, never the password)."""
    return target.url if isinstance(target, ServerLogin) else str(target)


def close_db(db: Database) -> None:
    store.close(db)


def is_open(db: Database) -> bool:
    """Whether ``db`` can still be used (False once closed, e.g. by a restore that failed late)."""
    return store.is_open(db)


def default_db_path() -> Path:
    """$WORKLOAD_DB, else workload.sqlite in the user's data directory."""
    return store.default_db_path()


def default_target() -> Path | str:
    """$WORKLOAD_DB as given when it is a court server's URL, else ``default_db_path()``."""
    env = os.environ.get("WORKLOAD_DB", "")
    return env if is_server_address(env) else default_db_path()


def explain(exc: BaseException, path: Path | str | None = None) -> DatabaseFileError | None:
    """The clear error behind a low-level error about the database file, or None."""
    return store.explain(exc, path if not isinstance(path, ServerLogin) else None)


def classify(exc: BaseException, target: Target | str | None = None) -> WorkloadError | None:
    """The coded error the user is shown for ``exc`` met while using the store ``target``
    (``storage.errors.classify``: the one place database and driver errors are told apart), or
    None for an error that is not one of them."""
    return errors.classify(exc, target if not isinstance(target, ServerLogin) else None)
