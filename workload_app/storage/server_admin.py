"""The court server's roles and accounts: ``server setup`` (with a superuser), the application
accounts as login roles (through the owner's SECURITY DEFINER functions, no superuser needed).
Moving a court's SQLite file onto a set-up server (``server move-from``) is ``server_move``.

Roles (see ``db/postgresql/roles.sql``): ``workload_owner`` owns everything and never logs in;
``workload_admin``/``_personnel``/``_division_head``/``_judge`` are the groups; each account is a
login role named as its ``users.login``, member of one group. Passwords go to the server as SCRAM
verifiers computed here (``encrypt_password``): the clear text is neither stored nor sent.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from workload_app.core.problems import WorkloadError
from workload_app.storage import pg
from workload_app.storage.dialect import POSTGRESQL
from workload_app.storage.migrations import SERVER_MIGRATIONS, apply_migrations, schema_dir
from workload_app.storage.pg import ServerDatabase, ServerLogin

OWNER = "workload_owner"
GROUPS = {
    "admin": "workload_admin",
    "personnel": "workload_personnel",
    "division_head": "workload_division_head",
    "judge": "workload_judge",
}
LOGIN_PATTERN = re.compile(r"^[a-z0-9_]{1,63}$")
SERVER_MARKER = "server"  # users.password_hash on the server: the server checks passwords


def roles_sql_path() -> Path:
    return schema_dir("postgresql") / "roles.sql"


def login_problem(login: str) -> str | None:
    """Why ``login`` cannot be a server account name, or None (the server checks it again)."""
    if not LOGIN_PATTERN.match(login or ""):
        return f"服务器账户名「{login}」不合要求：只能用小写英文字母、数字和下划线，1 至 63 个字符"
    if login.startswith(("pg_", "workload_")):
        return f"服务器账户名「{login}」不可用：以 pg_ 或 workload_ 开头的名称保留给数据库和本程序"
    return None


def _check_login(login: str) -> None:
    problem = login_problem(login)
    if problem:
        raise WorkloadError(problem)


def verifier(raw, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``login`` (what ``\\password`` in psql sends)."""
    return raw.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()


PLAIN_PASSWORD_SETTING = "WORKLOAD_SERVER_PLAIN_PASSWORD"


def sends_plain_password() -> bool:
    """The compatibility setting (README, "Compatible servers"): a server that does not take a
    SCRAM verifier (openGauss: sha256/SM3) is sent the password itself, which it hashes in its
    own way. Set ``WORKLOAD_SERVER_PLAIN_PASSWORD=1`` only on such a server, over TLS."""
    return os.environ.get(PLAIN_PASSWORD_SETTING, "").strip().lower() in ("1", "yes", "true", "on")


def _password_form(raw, login: str, password: str) -> str:
    """What goes to the server for a password: its SCRAM verifier, or (compatibility) the text."""
    return password if sends_plain_password() else verifier(raw, login, password)


# ---------------------------------------------------------------- setup (superuser)


@dataclass
class SetupReport:
    steps: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.steps.append(text)


def _connect(login: ServerLogin, database: str):
    return pg.connect_raw(replace(login, database=database))


def _role_exists(raw, name: str) -> bool:
    return raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def setup(
    superuser: ServerLogin, admin: str, password: Callable[[], str], must_change: bool = False
) -> SetupReport:
    """Create (or upgrade) the court's database on the server: the owner and group roles, the
    database, the schema (migrations run as the owner), the roles' privileges and policies, and
    the first 管理员 account ``admin`` (``password()`` asked only when it must be created)."""
    from psycopg import sql

    _check_login(admin)
    report = SetupReport()
    database = superuser.database
    try:
        maintenance = _connect(superuser, "postgres")
    except Exception:  # noqa: BLE001 - some servers have no "postgres" database
        maintenance = _connect(superuser, "template1")
    with maintenance:
        row = maintenance.execute(
            "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        if not row or not row[0]:
            raise WorkloadError("server.setup_not_superuser", user=superuser.user)
        for name in (OWNER, *GROUPS.values()):
            if not _role_exists(maintenance, name):
                maintenance.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
                report.add(f"已建立角色 {name}")
        maintenance.execute(sql.SQL("ALTER ROLE {} NOLOGIN CREATEROLE").format(sql.Identifier(OWNER)))
        # the owner hands out group membership (its functions): PostgreSQL 16 on asks for ADMIN OPTION
        maintenance.execute(
            sql.SQL("GRANT {} TO {} WITH ADMIN OPTION").format(
                sql.SQL(", ").join(sql.Identifier(g) for g in GROUPS.values()), sql.Identifier(OWNER)
            )
        )
        if (
            maintenance.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
            is None
        ):
            maintenance.execute(
                sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0").format(
                    sql.Identifier(database), sql.Identifier(OWNER)
                )
            )
            report.add(f"已建立数据库 {database}")
    raw = _connect(superuser, database)
    try:
        _database_grants(raw, database)
        _revoke_statistics(raw)
        report.add("已收回统计视图与表大小函数的公共权限（行数不再可见）")
        applied = _migrate_as_owner(raw)
        if applied:
            report.add(f"已应用结构迁移：{', '.join(str(v) for v in applied)}")
        else:
            report.add(f"数据库结构已是最新（版本 {max(v for v, _, _ in SERVER_MIGRATIONS)}）")
        moved = _take_ownership(raw)
        if moved:
            report.add(f"已将 {moved} 个对象的所有者改为 {OWNER}")
        _court_clock(raw)
        _apply_roles(raw)
        report.add("已应用角色权限与行级安全策略（roles.sql）")
        _first_admin(raw, admin, password, report, must_change)
    finally:
        raw.close()
    return report


def _database_grants(raw, database: str) -> None:
    from psycopg import sql

    groups = sql.SQL(", ").join(sql.Identifier(g) for g in GROUPS.values())
    db = sql.Identifier(database)
    raw.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(db))
    raw.execute(sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(db, groups))
    raw.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    raw.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(groups))
    raw.execute(sql.SQL("GRANT USAGE, CREATE ON SCHEMA public TO {}").format(sql.Identifier(OWNER)))
    # its own schema (workload_scope, the restricted logins' views)
    raw.execute(sql.SQL("GRANT CREATE ON DATABASE {} TO {}").format(db, sql.Identifier(OWNER)))
    # the audit chain's lock: a restricted login holding it past the wait is ended (roles.sql,
    # workload_lock_chain); the owner never logs in, it acts only through its functions
    raw.execute(sql.SQL("GRANT pg_signal_backend TO {}").format(sql.Identifier(OWNER)))


# Catalog views and functions that count a table's rows or measure its size, revoked from PUBLIC
# in the court's database (README, "What a login still sees of the catalog").
STATISTICS_VIEWS = (
    "pg_stat_all_tables", "pg_stat_user_tables", "pg_stat_sys_tables",
    "pg_stat_xact_all_tables", "pg_stat_xact_user_tables", "pg_stat_xact_sys_tables",
    "pg_statio_all_tables", "pg_statio_user_tables", "pg_statio_sys_tables",
    "pg_stat_all_indexes", "pg_stat_user_indexes", "pg_stat_sys_indexes",
    "pg_statio_all_indexes", "pg_statio_user_indexes", "pg_statio_sys_indexes",
    "pg_statio_all_sequences", "pg_statio_user_sequences", "pg_statio_sys_sequences",
    "pg_stat_user_functions", "pg_stat_xact_user_functions", "pg_stat_database",
)  # fmt: skip
SIZE_FUNCTIONS = (
    "pg_relation_size(regclass)", "pg_relation_size(regclass, text)", "pg_table_size(regclass)",
    "pg_indexes_size(regclass)", "pg_total_relation_size(regclass)",
)  # fmt: skip
# pg_class without its row and page estimates
PG_CLASS_HIDDEN = ("reltuples", "relpages", "relallvisible")


def _revoke_statistics(raw) -> None:
    """Row counts and sizes of the court's tables out of every login's reach (a superuser's
    session in the court's database: the catalog's grants are per database)."""
    from psycopg import sql

    for view in STATISTICS_VIEWS:
        if raw.execute("SELECT to_regclass(%s)", (f"pg_catalog.{view}",)).fetchone()[0] is not None:
            raw.execute(sql.SQL("REVOKE ALL ON pg_catalog.{} FROM PUBLIC").format(sql.Identifier(view)))
    for signature in SIZE_FUNCTIONS:
        raw.execute(sql.SQL("REVOKE EXECUTE ON FUNCTION {} FROM PUBLIC").format(sql.SQL(signature)))
    # the per-table and per-function counters (pg_stat_get_live_tuples(oid) …), not the backends'
    for (signature,) in raw.execute(
        """SELECT p.oid::regprocedure::text FROM pg_proc p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.proname LIKE 'pg\\_stat\\_get\\_%%'
             AND p.pronargs = 1 AND p.proargtypes[0] = 'oid'::regtype"""
    ).fetchall():
        raw.execute(sql.SQL("REVOKE EXECUTE ON FUNCTION {} FROM PUBLIC").format(sql.SQL(signature)))
    columns = [
        r[0]
        for r in raw.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = 'pg_catalog.pg_class'::regclass"
            " AND attnum > 0 AND NOT attisdropped ORDER BY attnum"
        ).fetchall()
        if r[0] not in PG_CLASS_HIDDEN
    ]
    raw.execute("REVOKE SELECT ON pg_catalog.pg_class FROM PUBLIC")
    raw.execute(
        sql.SQL("GRANT SELECT ({}) ON pg_catalog.pg_class TO PUBLIC").format(
            sql.SQL(", ").join(sql.Identifier(c) for c in columns)
        )
    )


def _court_clock(raw) -> None:
    """The time zone audit times are written in: the server's own configuration (not the
    setting of whichever session runs setup), kept where only the owner writes."""
    row = raw.execute(
        "SELECT setting FROM pg_file_settings WHERE name = 'timezone' AND applied ORDER BY seqno DESC LIMIT 1"
    ).fetchone()
    zone = (
        row[0]
        if row
        else raw.execute("SELECT reset_val FROM pg_settings WHERE name = 'TimeZone'").fetchone()[0]
    )
    raw.execute("BEGIN")
    try:
        raw.execute(f"SET LOCAL ROLE {OWNER}")
        raw.execute(
            "INSERT INTO server_settings (key, value) VALUES ('time_zone', %s)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (zone,),
        )
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise


def _migrate_as_owner(raw) -> list[int]:
    """The pending migrations, each in its transaction as the owner (SET LOCAL ROLE): whatever
    they create belongs to the owner."""
    handle = ServerDatabase(ServerLogin("", 0, "", ""), pg.Connection(raw))
    return apply_migrations(handle, owner=OWNER)  # the file's runner; a newer server refused untouched


def _take_ownership(raw) -> int:
    """Tables, sequences and functions of the schema made by another role (a server migrated by
    hand before ``setup``) handed to the owner."""
    from psycopg import sql

    moved = 0
    for (schema,) in raw.execute(
        "SELECT nspname FROM pg_namespace WHERE nspname = 'workload_scope' AND pg_get_userbyid(nspowner) <> %s",
        (OWNER,),
    ).fetchall():
        raw.execute(
            sql.SQL("ALTER SCHEMA {} OWNER TO {}").format(sql.Identifier(schema), sql.Identifier(OWNER))
        )
        moved += 1
    rows = raw.execute(
        """SELECT c.relname, c.relkind FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'S')
             AND pg_get_userbyid(c.relowner) <> %s
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))""",
        (OWNER,),
    ).fetchall()
    for name, kind in rows:
        what = {"r": "TABLE", "v": "VIEW", "S": "SEQUENCE"}[kind]
        raw.execute(
            sql.SQL(f"ALTER {what} {{}} OWNER TO {{}}").format(sql.Identifier(name), sql.Identifier(OWNER))
        )
        moved += 1
    for (signature,) in raw.execute(
        """SELECT p.oid::regprocedure::text FROM pg_proc p
           WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> %s""",
        (OWNER,),
    ).fetchall():
        raw.execute(
            sql.SQL("ALTER FUNCTION {} OWNER TO {}").format(sql.SQL(signature), sql.Identifier(OWNER))
        )
        moved += 1
    return moved


def _apply_roles(raw) -> None:
    text = roles_sql_path().read_text(encoding="utf-8")
    raw.execute("BEGIN")
    try:
        raw.execute(f"SET LOCAL ROLE {OWNER}")
        raw.execute(text)
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise


def _first_admin(
    raw, admin: str, password: Callable[[], str], report: SetupReport, must_change: bool = False
) -> None:
    raw.execute("BEGIN")
    try:
        if _role_exists(raw, admin):
            member = raw.execute("SELECT pg_has_role(%s, 'workload_admin', 'MEMBER')", (admin,)).fetchone()[0]
            if not member:
                raise WorkloadError("server.setup_role_taken", admin=admin)
            report.add(f"管理员账户 {admin} 已存在，未改动其密码")
        else:
            raw.execute(
                "SELECT workload_create_login(%s, 'admin', %s)",
                (admin, _password_form(raw, admin, password())),
            )
            report.add(f"已建立管理员登录角色 {admin}")
        row = raw.execute("SELECT role, active FROM users WHERE login = %s", (admin,)).fetchone()
        if row is None:
            raw.execute(
                """INSERT INTO users (login, display_name, role, password_hash, must_change, created_at)
                   VALUES (%s, %s, 'admin', %s, %s, %s)""",
                (admin, admin, SERVER_MARKER, int(must_change), POSTGRESQL.now(pg.Connection(raw))),
            )
            report.add(f"已建立管理员账户 {admin}")
        elif row != ("admin", 1):
            raw.execute("UPDATE users SET role = 'admin', active = 1 WHERE login = %s", (admin,))
            report.add(f"账户 {admin} 已恢复为启用的管理员")
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise


# ---------------------------------------------------------------- accounts (管理员's login)


def _call(db: ServerDatabase, statement: str, params: tuple) -> None:
    import psycopg

    try:
        db.conn.execute(statement, params)
    except psycopg.errors.DuplicateObject as exc:
        raise WorkloadError("server.login_taken", login=params[0]) from exc
    except psycopg.errors.InsufficientPrivilege as exc:
        raise WorkloadError("server.admin_only") from exc
    except (psycopg.errors.InvalidParameterValue, psycopg.errors.UndefinedObject) as exc:
        raise WorkloadError(
            "server.account_refused", login=params[0], detail=exc.diag.message_primary
        ) from exc


def create_login(db: ServerDatabase, login: str, role: str, password: str) -> None:
    """A login role for a new account, member of its role's group (caller holds the transaction)."""
    _check_login(login)
    _call(
        db,
        "SELECT workload_create_login(?, ?, ?)",
        (login, role, _password_form(db.conn.raw, login, password)),
    )


def set_login_enabled(db: ServerDatabase, login: str, enabled: bool) -> None:
    _call(db, "SELECT workload_set_login_enabled(?, ?)", (login, enabled))


def set_login_group(db: ServerDatabase, login: str, role: str) -> None:
    _call(db, "SELECT workload_set_login_group(?, ?)", (login, role))


def reset_login_password(db: ServerDatabase, login: str, password: str) -> None:
    _call(
        db,
        "SELECT workload_reset_login_password(?, ?)",
        (login, _password_form(db.conn.raw, login, password)),
    )


def change_own_password(db: ServerDatabase, password: str) -> None:
    """The connected login's own password, through the server's function: it sets the password,
    marks the account as having changed it and records the change (at the server's time)."""
    raw = db.conn.raw
    db.conn.execute(
        "SELECT workload_change_own_password(?)", (_password_form(raw, session_login(db), password),)
    )


def session_login(db: ServerDatabase) -> str:
    return db.conn.execute("SELECT session_user").fetchone()[0]


def password_matches(db: ServerDatabase, password: str) -> bool:
    """Whether the server accepts ``password`` for the connected login (a fresh connection)."""
    import psycopg

    try:
        pg.connect_raw(db.login.with_password(password)).close()
    except psycopg.OperationalError:
        return False
    return True


def is_admin_login(db: ServerDatabase) -> bool:
    return bool(db.conn.execute("SELECT pg_has_role(current_user, 'workload_admin', 'MEMBER')").fetchone()[0])
