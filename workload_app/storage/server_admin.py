"""The court server's roles and accounts: ``server setup`` (with a superuser), the application
accounts as login roles (through the owner's SECURITY DEFINER functions, no superuser needed), and
moving a court's SQLite file onto a set-up server (``server move-from``).

Roles (see ``db/postgresql/roles.sql``): ``workload_owner`` owns everything and never logs in;
``workload_admin``/``_personnel``/``_division_head``/``_judge`` are the groups; each account is a
login role named as its ``users.login``, member of one group. Passwords go to the server as SCRAM
verifiers computed here (``encrypt_password``): the clear text is neither stored nor sent.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workload_app.core import messages
from workload_app.core.problems import WorkloadError
from workload_app.storage import pg
from workload_app.storage.migrations import (
    MIGRATIONS,
    SERVER_MIGRATIONS,
    schema_dir,
    schema_version,
)
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
    return pg.connect_raw(ServerLogin(login.host, login.port, database, login.user, login.password))


def _role_exists(raw, name: str) -> bool:
    return raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def setup(superuser: ServerLogin, admin: str, password: Callable[[], str]) -> SetupReport:
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
            raise WorkloadError(
                f"server setup 须用数据库超级用户的地址运行（「{superuser.user}」不是超级用户）"
            )
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
        _first_admin(raw, admin, password, report)
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
    conn = pg.Connection(raw)
    handle = ServerDatabase(ServerLogin("", 0, "", ""), conn)
    found = schema_version(conn)
    latest = max(v for v, _, _ in SERVER_MIGRATIONS)
    if found > latest:
        raise WorkloadError(
            f"服务器上的数据库由较新版本的程序创建（结构版本 {found}，本程序支持到 {latest}），未作任何改动"
        )
    applied = []
    raw.execute("BEGIN")
    raw.execute(f"SET LOCAL ROLE {OWNER}")
    raw.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    raw.execute("COMMIT")
    done = {r[0] for r in raw.execute("SELECT version FROM schema_migrations")}
    for version, name, step in SERVER_MIGRATIONS:
        if version in done:
            continue
        raw.execute("BEGIN")
        try:
            raw.execute(f"SET LOCAL ROLE {OWNER}")
            step(handle)
            raw.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                (version, name, time.strftime("%Y-%m-%dT%H:%M:%S")),
            )
            raw.execute("COMMIT")
        except BaseException:
            raw.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


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


def _first_admin(raw, admin: str, password: Callable[[], str], report: SetupReport) -> None:
    raw.execute("BEGIN")
    try:
        if _role_exists(raw, admin):
            member = raw.execute("SELECT pg_has_role(%s, 'workload_admin', 'MEMBER')", (admin,)).fetchone()[0]
            if not member:
                raise WorkloadError(
                    f"服务器上已有名为「{admin}」的角色，但它不是本程序的管理员账户；请换一个账户名"
                )
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
                   VALUES (%s, %s, 'admin', %s, 0, %s)""",
                (admin, admin, SERVER_MARKER, time.strftime("%Y-%m-%dT%H:%M:%S")),
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


# ---------------------------------------------------------------- move a court's file onto the server


@dataclass
class MoveReport:
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows moved
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # login, role, initial password


def sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name <> 'schema_migrations' ORDER BY name"
        )
    ]


def server_tables(db: ServerDatabase) -> list[str]:
    """The schema's tables in creation order (referenced tables before those referring to them)."""
    rows = db.conn.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
        " AND relname NOT IN ('schema_migrations', 'write_lock', 'server_settings', 'audit_marks',"
        " 'pending_changes') ORDER BY oid"  # the server's own bookkeeping (version 19)
    ).fetchall()
    return [r[0] for r in rows]


def _columns(db: ServerDatabase, table: str) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in db.conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        ).fetchall()
    ]


def _converter(data_type: str) -> Callable[[object], object]:
    if data_type in ("bigint", "integer", "smallint"):
        return lambda v: int(v) if isinstance(v, float) and v.is_integer() else v
    if data_type == "text":
        return lambda v: v if v is None or isinstance(v, str) else str(v)
    return lambda v: v


def open_source(path: Path) -> sqlite3.Connection:
    """The court's file, read only; refused unless it is at this program's schema version."""
    if not Path(path).is_file():
        raise WorkloadError("server.move_no_file", path=str(path))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = schema_version(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkloadError("server.move_not_db", path=str(path)) from exc
    latest = max(v for v, _, _ in MIGRATIONS)
    if found != latest:
        conn.close()
        raise WorkloadError(
            f"「{path}」的结构版本是 {found}，移入需要版本 {latest}：请先用本程序打开该文件"
            f"（workload --db {path} init）升级后再移入"
        )
    return conn


def source_accounts(conn: sqlite3.Connection) -> list[dict]:
    cur = conn.execute("SELECT id, login, role, active FROM users ORDER BY id")
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur]


def server_has_data(db: ServerDatabase) -> WorkloadError | None:
    """Why the server cannot take a court's file (it already holds one), or None."""
    cases = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    if cases:
        return WorkloadError("server.move_has_cases", count=cases)
    audit = db.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    if audit:
        return WorkloadError("server.move_has_audit", count=audit)
    return None


def _rows(conn: sqlite3.Connection, table: str, columns: list[str], converters) -> Iterator[tuple]:
    quoted = ", ".join("rowid" if c == "rowid" else f'"{c}"' for c in columns)
    order = " ORDER BY rowid" if "rowid" in columns else ""  # WITHOUT ROWID tables have none
    cur = conn.execute(f'SELECT {quoted} FROM "{table}"{order}')  # noqa: S608 - names from the schemas
    while batch := cur.fetchmany(5000):
        for row in batch:
            yield tuple(f(v) for f, v in zip(converters, row, strict=True))


def move_tables(
    source: sqlite3.Connection,
    db: ServerDatabase,
    mover: str,
    passwords: Callable[[str], str],
) -> MoveReport:
    """Copy every table of ``source`` into the server, ids kept (COPY through a temporary table:
    COPY FROM is refused on tables under row-level security), the sequences moved past them, and
    each account as a login role with an initial password (``passwords(login)``) it must change.
    The mover (an admin login) keeps its own account. The caller holds the transaction."""
    from psycopg import sql

    raw = db.conn.raw
    report = MoveReport()
    here = server_tables(db)
    there = set(sqlite_tables(source))
    unknown = sorted(there - set(here))
    if unknown:
        raise WorkloadError("server.move_unknown_tables", tables=messages.words(unknown))
    accounts = [a for a in source_accounts(source) if a["login"] != mover]
    bad = [a["login"] for a in accounts if login_problem(a["login"])]
    if bad:
        raise WorkloadError(
            f"这些账户名不能作为服务器账户（只能用小写英文字母、数字和下划线）：{'、'.join(bad)}；"
            "请先在原数据库中改用合规的账户名"
        )
    taken = [a["login"] for a in accounts if _role_exists(raw, a["login"])]
    if taken:
        raise WorkloadError("server.move_logins_taken", logins=messages.words(taken))
    file_users = {r[0]: r[1] for r in source.execute("SELECT login, id FROM users")}
    top = max([0, *file_users.values()])
    # the mover's own row moves out of the way of the file's ids, and stays until the end
    db.conn.execute("UPDATE users SET id = ? WHERE login = ?", (top + 1, mover))
    for table in reversed(here):
        if table == "users":
            db.conn.execute("DELETE FROM users WHERE login <> ?", (mover,))
        elif table != "audit_log":
            db.conn.execute(f"DELETE FROM {table}")  # noqa: S608 - a table of the schema
    for table in here:
        if table not in there:
            continue
        src_cols = {r[1] for r in source.execute(f'PRAGMA table_info("{table}")')}
        cols = [(c, t) for c, t in _columns(db, table) if c in src_cols or c == "id"]
        names = [c for c, _ in cols]
        read = ["rowid" if c == "id" and "id" not in src_cols else c for c in names]
        converters = [_converter(t) for _, t in cols]
        rows = _rows(source, table, read, converters)
        if table == "users":
            rows = _moved_users(rows, names, mover)
        if table == "audit_log":  # the trail is the server's: it checks the file's chain and takes it whole
            report.counts[table] = _move_audit_trail(db, [dict(zip(names, r, strict=True)) for r in rows])
            continue
        if table == "meta":  # the chain's head is the server's (set with the trail)
            rows = (r for r in rows if r[names.index("key")] != "audit_head")
        if table == "year_versions":  # the cases' triggers counted while copying: the file's counts win
            db.conn.execute("DELETE FROM year_versions")
        temp = sql.Identifier(f"move_{table}")
        target = sql.Identifier(table)
        col_list = sql.SQL(", ").join(sql.Identifier(c) for c in names)
        raw.execute(sql.SQL("CREATE TEMPORARY TABLE {} (LIKE {}) ON COMMIT DROP").format(temp, target))
        n = 0
        with raw.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(temp, col_list)) as copy:
            for row in rows:
                copy.write_row(row)
                n += 1
        raw.execute(sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {}").format(target, col_list, col_list, temp))
        raw.execute(sql.SQL("DROP TABLE {}").format(temp))
        report.counts[table] = n
    if mover in file_users:  # the file's own account of the mover: its id, the mover stays 管理员
        db.conn.execute(
            "UPDATE users SET id = ?, role = 'admin', active = 1 WHERE login = ?", (file_users[mover], mover)
        )
    _reset_sequences(db)
    for account in accounts:
        password = passwords(account["login"])
        create_login(db, account["login"], account["role"], password)
        if not account["active"]:
            set_login_enabled(db, account["login"], False)
        report.accounts.append((account["login"], account["role"], password))
    return report


def _move_audit_trail(db: ServerDatabase, rows: list[dict]) -> int:
    """The file's audit rows, ids and hashes kept, through the server's function (管理员 only,
    into an empty trail, every link checked as ``audit verify`` checks it)."""
    import json

    import psycopg

    try:
        db.conn.execute("SELECT workload_move_audit_trail(?)", (json.dumps(rows, ensure_ascii=False),))
    except psycopg.errors.DataException as exc:
        raise WorkloadError("server.move_audit_broken", detail=exc.diag.message_primary or "") from exc
    return len(rows)


def _moved_users(rows: Iterator[tuple], names: list[str], mover: str) -> Iterator[tuple]:
    i_login, i_hash, i_must = names.index("login"), names.index("password_hash"), names.index("must_change")
    for row in rows:
        if row[i_login] == mover:
            continue
        out = list(row)
        out[i_hash] = SERVER_MARKER
        out[i_must] = 1
        yield tuple(out)


def _reset_sequences(db: ServerDatabase) -> None:
    from psycopg import sql

    raw = db.conn.raw
    for table, column in raw.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%%'"
    ).fetchall():
        raw.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence({}, {}), COALESCE(MAX({}), 0) + 1, false) FROM {}"
            ).format(sql.Literal(table), sql.Literal(column), sql.Identifier(column), sql.Identifier(table))
        )
