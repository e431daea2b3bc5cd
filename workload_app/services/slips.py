"""账户通知单 (account slips): the initial password of each new account printed once to a PDF to
hand out, never on a terminal and never stored (only its scrypt hash, or the server's verifier).

The slips are written *before* the accounts are committed: ``staged`` writes ``FILE.pdf.part``,
runs the creation, and renames the part into place only when the accounts exist; a slip that
cannot be written leaves no account behind (``roster.slips_unwritable``), and accounts whose
slip cannot take its name keep the part under its own name (``roster.slips_aside``). Used by
``workload users add|reset --slip``, ``workload server setup --slip``, ``workload server move-from
--slips`` and the window's 新建账户; the roster's accounts (``roster.create_roster_accounts``)
print their own sheet of several slips per page to cut apart."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workload_app.core.messages import Coded
from workload_app.core.problems import WorkloadError
from workload_app.services import files

# Letters and digits that cannot be mistaken for one another on paper: no 0/O, 1/l/I.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class IssuedAccount:
    """One slip: the person (``judge``: the name printed), their division, the login, the role's
    code and the initial password (printed once, never stored)."""

    judge: str
    division: str
    login: str
    role: str
    password: str


def initial_password(login: str, length: int = 10) -> str:
    """A random initial password that the password rules accept for ``login``."""
    from workload_app.services.accounts import password_problem

    while True:
        value = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(length))
        if not password_problem(login, value):
            return value


def pdf_path(target: Path | str) -> Path:
    """``target`` with ``.pdf`` when it has no such suffix."""
    path = Path(target)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def stamp() -> str:
    """When the slips are printed (``YYYY-MM-DD HH:MM:SS``)."""
    from workload_app.storage import repository as repo

    return repo.now().replace("T", " ")


def write_part(
    path: Path,
    court: str,
    issued: list[IssuedAccount],
    printed_at: str,
    where: str = "",
    per_page: bool = True,
) -> Path:
    """The slips written to ``path``.part (``roster.slips_unwritable`` when they cannot be)."""
    from workload_app.reports.account_slips import account_slips

    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(account_slips(court, issued, printed_at, where=where, per_page=per_page))
    except (OSError, ValueError) as exc:
        part.unlink(missing_ok=True)
        raise WorkloadError("roster.slips_unwritable", why=files.write_error(exc, path)) from exc
    return part


def finish(part: Path, path: Path) -> Path:
    """The part renamed into place, once the accounts exist."""
    try:
        part.replace(path)
    except OSError as exc:  # a slip of that name open in a viewer: the accounts exist now
        raise WorkloadError("roster.slips_aside", path=part, wanted=path) from exc
    return path


@contextlib.contextmanager
def staged(
    path: Path | str,
    court: str,
    issued: list[IssuedAccount],
    printed_at: str,
    where: str = "",
    per_page: bool = True,
) -> Iterator[Path]:
    """The slips first (``FILE.pdf.part``), then the body (which creates the accounts), then the
    rename: a body that fails removes the part; the final path is yielded."""
    path = pdf_path(path)
    part = write_part(path, court, issued, printed_at, where, per_page)
    try:
        yield path
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finish(part, path)


def where(target) -> Coded:
    """Where the account logs in, as printed on its slip (in Chinese, the slip's language): the
    court server's address (no account), or the database file's name."""
    from workload_app.services.session import ServerLogin

    if isinstance(target, ServerLogin):
        if target.sslmode:
            return Coded(
                "slip.where_server_tls",
                host=target.host,
                port=target.port,
                database=target.database,
                sslmode=target.sslmode,
            )
        return Coded("slip.where_server", host=target.host, port=target.port, database=target.database)
    return Coded("slip.where_file", name=Path(target).name)


def _person(db, login: str, display_name: str, judge: str | None, division: str | None) -> tuple[str, str]:
    """The name and division a slip prints for a new account."""
    from workload_app.services import accounts

    if judge and not division:
        division = dict(accounts.link_choices(db)[0]).get(judge, "")
    return display_name or judge or login, division or ""


def create_account(
    db,
    login: str,
    role: str,
    password: str,
    slip: Path | str,
    target,
    *,
    display_name: str = "",
    judge: str | None = None,
    division: str | None = None,
) -> Path:
    """A new account (``accounts.create_user``) with its slip (one page) at ``slip``; the slip
    is written first, and the account is not made when it cannot be. The slip's path."""
    from workload_app.services import accounts
    from workload_app.services.court import court_settings

    problem = accounts.password_problem(login, password)
    if problem:  # refused before any file is written
        raise problem
    name, in_division = _person(db, login, display_name, judge, division)
    issued = [IssuedAccount(name, in_division, login.strip(), role, password)]
    with staged(slip, court_settings(db).name, issued, stamp(), where(target)) as path:
        accounts.create_user(
            db, login, role, password, display_name=display_name, judge=judge, division=division
        )
    return path


def reset_account(db, login: str, password: str, slip: Path | str, target) -> Path:
    """A reset password (``accounts.reset_password``) printed on a slip, written first."""
    from workload_app.services import accounts
    from workload_app.services.court import court_settings

    problem = accounts.password_problem(login, password)
    if problem:
        raise problem
    row = next((u for u in accounts.list_users(db) if u["login"] == login.strip()), None)
    if row is None:
        raise WorkloadError("account.no_account", login=login)
    name, in_division = _person(db, login, row["display_name"], row["judge"], row["division"])
    issued = [IssuedAccount(name, in_division, row["login"], row["role"], password)]
    with staged(slip, court_settings(db).name, issued, stamp(), where(target)) as path:
        accounts.reset_password(db, login, password)
    return path
