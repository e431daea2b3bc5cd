"""User accounts: create, log in, change and reset passwords, lock out after repeated failures.

Passwords are kept only as scrypt hashes (memory-hard, from the standard library). A new or reset
password must be changed at the next log-in. Five wrong passwords in a row lock the account for
fifteen minutes.

On the court server each account is also a login role of the server (``storage.server_admin``):
the server checks the password when the client connects, so ``login`` only checks that the
connected login has an active account; creating, disabling and resetting an account change its
login role in the same transaction as its row, and ``users.password_hash`` holds ``server``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from collections.abc import Callable

from workload_app.core import messages
from workload_app.core.problems import WorkloadError
from workload_app.services import access, audit
from workload_app.storage import repository as repo
from workload_app.storage import server_admin
from workload_app.storage import users as user_store
from workload_app.storage.db import Database, ServerError
from workload_app.storage.dialect import dialect_of

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # 16 MiB per hash
MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
MIN_PASSWORD = 8

Clock = Callable[[], float]


class LoginFailed(WorkloadError):
    """Wrong name or password, or a locked or disabled account (the message says which)."""


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=64 * 2**20, dklen=32
    )
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(
        password.encode("utf-8"),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        maxmem=64 * 2**20,
        dklen=32,
    )
    return hmac.compare_digest(got, base64.b64decode(digest))


def password_problem(login: str, password: str) -> WorkloadError | None:
    """Why a new password is not acceptable (an error to raise), or None."""
    if len(password) < MIN_PASSWORD:
        return WorkloadError("account.password_short", minimum=MIN_PASSWORD)
    if password.strip().lower() == login.strip().lower():
        return WorkloadError("account.password_is_login")
    if password.isdigit() or password.isalpha():
        return WorkloadError("account.password_mix")
    return None


def _user(row: dict) -> access.User:
    return access.User(
        login=row["login"],
        role=row["role"],
        display_name=row["display_name"],
        judge=row["judge"],
        division=row["division"],
        id=row["id"],
    )


def _public(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "password_hash"}


def has_accounts(db: Database) -> bool:
    return user_store.user_count(db) > 0


def login(db: Database, login_name: str, password: str, clock: Clock = time.time) -> tuple[access.User, bool]:
    """Check the password; on success bind the user to ``db``. Returns (user, must change password).
    On the court server the server has checked the password already (see ``_server_login``)."""
    if dialect_of(db).accounts_are_logins:
        return _server_login(db, login_name)
    row = user_store.user_by_login(db, login_name.strip())
    if row is None or not row["active"]:
        raise LoginFailed("account.login_failed")
    now = clock()
    if row["locked_until"] and row["locked_until"] > now:
        minutes = max(1, round((row["locked_until"] - now) / 60))
        raise LoginFailed("account.locked", login=row["login"], minutes=minutes)
    who = _user(row)
    if not check_password(password, row["password_hash"]):
        failures = row["failed_attempts"] + 1
        locked = failures >= MAX_FAILURES
        with repo.transaction(db):
            user_store.update_user(
                db,
                row["id"],
                failed_attempts=0 if locked else failures,
                locked_until=now + LOCK_SECONDS if locked else None,
            )
            audit.record(db, "user.login_failed", row["login"], after={"failures": failures}, user=who)
            if locked:
                audit.record(db, "user.locked", row["login"], after={"minutes": LOCK_SECONDS // 60}, user=who)
        if locked:
            raise LoginFailed(
                "account.now_locked", failures=MAX_FAILURES, login=row["login"], minutes=LOCK_SECONDS // 60
            )
        left = MAX_FAILURES - failures
        raise LoginFailed("account.tries_left", left=left)
    with repo.transaction(db):
        user_store.update_user(db, row["id"], failed_attempts=0, locked_until=None)
        audit.record(db, "user.login", row["login"], user=who)
    access.bind(db, who)
    return who, bool(row["must_change"])


def _server_login(db: Database, login_name: str) -> tuple[access.User, bool]:
    """The connected login's account: it must have an active ``users`` row (the same session as
    on a file); a server login that is not an account of the program is refused (server.no_account)."""
    me = server_admin.session_login(db)
    row = user_store.user_by_login(db, me)
    if row is None or not row["active"] or login_name.strip().lower() != me:
        raise ServerError("server.no_account", user=login_name.strip() or me)
    who = _user(row)
    with repo.transaction(db):
        audit.record(db, "user.login", row["login"], user=who)
    access.bind(db, who)
    return who, bool(row["must_change"])


def logout(db: Database) -> None:
    """End the session (audited): from now on ``db`` acts for nobody until the next log-in."""
    me = access.current(db)
    if me.id is not None:
        audit.record(db, "user.logout", me.login, user=me)
    access.bind(db, None)


def change_password(db: Database, old: str, new: str) -> None:
    """The logged-in user changes their own password."""
    me = access.current(db)
    if me.id is None:
        raise WorkloadError("account.local_operator")
    row = user_store.user_by_login(db, me.login)
    assert row is not None
    server = dialect_of(db).accounts_are_logins
    if not (server_admin.password_matches(db, old) if server else check_password(old, row["password_hash"])):
        raise WorkloadError("account.wrong_password")
    if old == new:
        raise WorkloadError("account.same_password")
    problem = password_problem(me.login, new)
    if problem:
        raise problem
    if server:  # the login role's own password, its row marked as changed and the change recorded:
        with repo.transaction(db):  # all by the server (workload_change_own_password)
            server_admin.change_own_password(db, new)
        return
    with repo.transaction(db):
        user_store.update_user(
            db, me.id, password_hash=hash_password(new), must_change=0, password_changed_at=repo.now(db)
        )
        audit.record(db, "user.change_password", me.login)


def _links(db: Database, role: str, judge: str | None, division: str | None) -> tuple[int | None, int | None]:
    if role not in access.ROLE_LABELS:
        raise WorkloadError("account.unknown_role", given=role, roles=messages.Listing(access.ROLE_LABELS))
    judge_id = division_id = None
    if judge:
        judge_id = repo.judge_ids(db).get(judge)
        if judge_id is None:
            raise WorkloadError("roster.no_judge", judge=judge)
    if division:
        division_id = user_store.division_id(db, division)
        if division_id is None:
            raise WorkloadError("roster.no_division", division=division)
    if role == access.JUDGE and judge_id is None:
        raise WorkloadError("account.judge_link")
    if role == access.DIVISION_HEAD and division_id is None:
        raise WorkloadError("account.division_link")
    return judge_id, division_id


NEW_ACCOUNT_ROLE = access.JUDGE  # most new accounts are judges'


def create_user(
    db: Database,
    login_name: str,
    role: str,
    password: str,
    *,
    display_name: str = "",
    judge: str | None = None,
    division: str | None = None,
    must_change: bool = True,
) -> dict:
    """A new account (管理员 only); its password must be changed at first log-in."""
    access.require(db, access.Action.MANAGE_ACCOUNTS)
    login_name = login_name.strip()
    if dialect_of(db).accounts_are_logins:  # the store's login role names are lower case
        login_name = login_name.lower()
    if not login_name:
        raise WorkloadError("account.empty_login")
    if user_store.user_by_login(db, login_name):
        raise WorkloadError("account.login_taken", login=login_name)
    problem = password_problem(login_name, password)
    if problem:
        raise problem
    judge_id, division_id = _links(db, role, judge, division)
    server = dialect_of(db).accounts_are_logins
    if server:
        bad = server_admin.login_problem(login_name)
        if bad:
            raise WorkloadError(bad)
    with repo.transaction(db):
        if server:  # the login role first: a name the server refuses leaves no row behind
            server_admin.create_login(db, login_name, role, password)
        user_store.insert_user(
            db,
            {
                "login": login_name,
                "display_name": display_name or judge or login_name,
                "role": role,
                "judge_id": judge_id,
                "division_id": division_id,
                "password_hash": server_admin.SERVER_MARKER if server else hash_password(password),
                "must_change": int(must_change),
            },
        )
        row = _public(user_store.user_by_login(db, login_name) or {})
        audit.record(db, "user.create", login_name, after=row)
    return row


def _is_active_admin(row: dict) -> bool:
    return row["role"] == access.ADMIN and bool(row["active"])


def _active_admins(db: Database) -> int:
    """Active 管理员 accounts: a court must always keep at least one, or nobody can manage accounts."""
    return sum(1 for r in user_store.users(db) if _is_active_admin(r))


def update_user(
    db: Database,
    login_name: str,
    *,
    role: str | None = None,
    display_name: str | None = None,
    judge: str | None = None,
    division: str | None = None,
    active: bool | None = None,
) -> dict:
    """Change an account's role, links, name or whether it may log in (管理员 only)."""
    me = access.require(db, access.Action.MANAGE_ACCOUNTS)
    before = user_store.user_by_login(db, login_name)
    if before is None:
        raise WorkloadError("account.no_account", login=login_name)
    new_role = role or before["role"]
    judge_id, division_id = _links(
        db,
        new_role,
        judge if judge is not None else before["judge"],
        division
        if division is not None
        else (before["division"] if new_role == access.DIVISION_HEAD else None),
    )
    if me.id == before["id"] and (active is False or new_role != access.ADMIN):
        raise WorkloadError("account.not_yourself")
    stays_admin = new_role == access.ADMIN and (active if active is not None else bool(before["active"]))
    if _is_active_admin(before) and not stays_admin and _active_admins(db) <= 1:
        raise WorkloadError("account.last_admin", login=login_name)
    fields: dict[str, object] = {"role": new_role, "judge_id": judge_id, "division_id": division_id}
    if display_name is not None:
        fields["display_name"] = display_name
    if active is not None:
        fields["active"] = int(active)
    with repo.transaction(db):
        if dialect_of(
            db
        ).accounts_are_logins:  # the login role follows the row: its group, whether it may connect
            if new_role != before["role"]:
                server_admin.set_login_group(db, before["login"], new_role)
            if active is not None and bool(active) != bool(before["active"]):
                server_admin.set_login_enabled(db, before["login"], bool(active))
        user_store.update_user(db, before["id"], **fields)
        after = user_store.user_by_login(db, login_name) or {}
        audit.record(
            db, _update_action(before, after), login_name, before=_public(before), after=_public(after)
        )
    return _public(after)


def _update_action(before: dict, after: dict) -> str:
    """停用账户 / 启用账户 when only whether it may log in changed, else 修改账户."""
    changed = {k for k in after if k not in ("active", "updated_at") and after.get(k) != before.get(k)}
    if bool(before["active"]) != bool(after["active"]) and not changed:
        return "user.enable" if after["active"] else "user.disable"
    return "user.update"


def reset_password(db: Database, login_name: str, password: str) -> None:
    """Set a temporary password that must be changed at the next log-in; unlocks (管理员 only)."""
    access.require(db, access.Action.RESET_PASSWORD)
    row = user_store.user_by_login(db, login_name)
    if row is None:
        raise WorkloadError("account.no_account", login=login_name)
    problem = password_problem(login_name, password)
    if problem:
        raise problem
    server = dialect_of(db).accounts_are_logins
    with repo.transaction(db):
        if server:
            server_admin.reset_login_password(db, row["login"], password)
        user_store.update_user(
            db,
            row["id"],
            password_hash=server_admin.SERVER_MARKER if server else hash_password(password),
            must_change=1,
            failed_attempts=0,
            locked_until=None,
        )
        audit.record(db, "user.reset_password", login_name)


def list_users(db: Database) -> list[dict]:
    access.require(db, access.Action.VIEW_ACCOUNTS)
    return [_public(r) for r in user_store.users(db)]


def link_choices(db: Database) -> tuple[list[tuple[str, str]], list[str]]:
    """((judge name, division) sorted by name, division names) an account can be linked to
    (管理员 only); the division tells two judges of similar names apart."""
    access.require(db, access.Action.MANAGE_USERS)
    judges = repo.judges_frame(db)
    pairs = sorted(
        (str(n), str(d) if isinstance(d, str) else "")
        for n, d in zip(judges["name"], judges["division"], strict=True)
    )
    return pairs, list(repo.division_ids(db))
