"""Roles enforced by the court server itself: each check logs in through PLAIN psycopg (not the
program's code), as someone with a judge's password and psql would."""

from __future__ import annotations

import psycopg
import pytest

from tests.conftest import open_as_operator
from tests.server_fixtures import server_court, unique  # noqa: F401 - a fixture
from workload_app.services import accounts, audit

PASSWORD = "Initial-pw-1"

# (case number, responsible judge, division, panel): 张三 tries case 1, sits on the panel of 2;
# case 4's panel names 张三丰, who is not 张三 (the panel is matched by whole names).
CASES = [
    ("(2025)渝0106民初1号", "张三", "民一庭", None),
    ("(2025)渝0106民初2号", "李四", "民一庭", "张三、王五"),
    ("(2025)渝0106刑初3号", "王五", "刑庭", "李四"),
    ("(2025)渝0106民初4号", "李四", "民一庭", "张三丰，王五"),
]


@pytest.fixture
def court(server_court, pg_server):  # noqa: F811 - the fixture imported above
    """A small court on the set-up server (rows written as the superuser) and four accounts made
    by the 管理员 through the program: a judge (张三), a 庭长 of 刑庭, a 人事 and a second judge (李四)."""
    site = server_court
    with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
        for name in ("民一庭", "刑庭"):
            su.execute("INSERT INTO divisions (name) VALUES (%s)", (name,))
        division = dict(su.execute("SELECT name, id FROM divisions").fetchall())
        for judge, div in (("张三", "民一庭"), ("李四", "民一庭"), ("王五", "刑庭")):
            su.execute("INSERT INTO judges (name, division_id) VALUES (%s, %s)", (judge, division[div]))
        judge = dict(su.execute("SELECT name, id FROM judges").fetchall())
        for number, who, div, panel in CASES:
            su.execute(
                """INSERT INTO cases (case_number, year, court, type_code, category, instance, judge_id,
                       division_id, panel, closed_year, closed_month)
                   VALUES (%s, 2025, '渝0106', '民初', '民事', '一审', %s, %s, %s, 2025, 6)""",
                (number, judge[who], division[div], panel),
            )
        su.execute("INSERT INTO param_sets (year, version, toml, created_at) VALUES (2025, 1, '', 'now')")
        su.execute(
            """INSERT INTO computations (param_set_id, year, averages, case_count, cases_version, created_at)
               SELECT id, 2025, '{}', 4, 0, 'now' FROM param_sets"""
        )
        su.execute(
            """INSERT INTO case_results (computation_id, case_id, unit, sc, rule, flags)
               SELECT (SELECT id FROM computations), id, 'trial', 1.0, 0, 0 FROM cases"""
        )
    admin = open_as_operator(site.login())
    accounts.login(admin, site.admin, site.password)
    logins = {
        "judge": unique("zhangsan"),
        "head": unique("xingting"),
        "personnel": unique("renshi"),
        "judge2": unique("lisi"),
    }
    accounts.create_user(admin, logins["judge"], "judge", PASSWORD, judge="张三")
    accounts.create_user(admin, logins["head"], "division_head", PASSWORD, division="刑庭")
    accounts.create_user(admin, logins["personnel"], "personnel", PASSWORD)
    accounts.create_user(admin, logins["judge2"], "judge", PASSWORD, judge="李四")
    yield site, admin, logins
    admin.conn.close()


def _plain(site, login):
    return psycopg.connect(site.url_of(login, PASSWORD), autocommit=True)


def _numbers(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT case_number FROM cases").fetchall()}


def test_a_judge_reads_its_own_and_its_panel_cases_and_no_other_row(court):
    site, _, logins = court
    with _plain(site, logins["judge"]) as conn:
        assert _numbers(conn) == {CASES[0][0], CASES[1][0]}
        third = conn.execute("SELECT * FROM cases WHERE case_number = %s", (CASES[2][0],)).fetchall()
        assert third == []
        # results follow the cases: only those of its own cases
        assert conn.execute("SELECT COUNT(*) FROM case_results").fetchone() == (2,)
        # accounts: its own row only
        assert [r[0] for r in conn.execute("SELECT login FROM users").fetchall()] == [logins["judge"]]
        # the audit log: not readable at all (no privilege on any table of the court)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT COUNT(*) FROM audit_log")
    with _plain(site, logins["judge2"]) as conn:
        assert _numbers(conn) == {CASES[1][0], CASES[2][0], CASES[3][0]}


def test_a_division_head_reads_only_its_division(court):
    site, _, logins = court
    with _plain(site, logins["head"]) as conn:
        assert _numbers(conn) == {CASES[2][0]}
    with _plain(site, logins["personnel"]) as conn:
        assert _numbers(conn) == {c[0] for c in CASES}


def test_nobody_changes_or_removes_audit_rows_not_even_their_own(court):
    site, admin, logins = court
    judge = open_as_operator(site.login(logins["judge"], PASSWORD))
    who, must_change = accounts.login(judge, logins["judge"], PASSWORD)
    assert (who.role, who.judge, must_change) == ("judge", "张三", True)
    judge.conn.close()
    own = admin.conn.execute(
        "SELECT id FROM audit_log WHERE action = 'user.login' AND target = ?", (logins["judge"],)
    ).fetchone()[0]
    for login in (logins["judge"], logins["personnel"], site.admin):
        password = site.password if login == site.admin else PASSWORD
        with psycopg.connect(site.url_of(login, password), autocommit=True) as conn:
            for statement in (
                "UPDATE audit_log SET target = 'x' WHERE id = %s",
                "DELETE FROM audit_log WHERE id = %s",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement, (own,))
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("TRUNCATE audit_log")
    # a judge cannot append a row in another role's name either
    with _plain(site, logins["judge"]) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            """INSERT INTO audit_log (id, at, "user", role, action, target, prev_hash, hash)
               VALUES (999, 'now', 'x', '管理员', 'user.create', 'x', 'a', 'b')"""
        )
    n, problem = audit.verify(admin)
    assert problem is None and n >= 6  # 5 account changes + the judge's log-in, chained in order


@pytest.mark.parametrize(
    "statement",
    [
        "GRANT workload_admin TO {me}",
        "GRANT workload_owner TO {me}",
        "SET ROLE workload_owner",
        "SET ROLE workload_admin",
        "ALTER ROLE {me} CREATEROLE",
        "ALTER ROLE {me} SUPERUSER",
        "ALTER ROLE {me} BYPASSRLS",
        "SELECT workload_create_login('intruder_x', 'admin', 'Pw-123456')",
        "SELECT workload_set_login_group('{me}', 'admin')",
        "UPDATE users SET role = 'admin'",
        "INSERT INTO users (login, role, password_hash, created_at) VALUES ('x', 'admin', 'server', 'now')",
        "UPDATE cases SET judge_id = judge_id",
        "ALTER TABLE cases DISABLE ROW LEVEL SECURITY",
        "SELECT * FROM case_history",
    ],
)
def test_a_judge_cannot_raise_its_own_role(court, statement):
    site, admin, logins = court
    me = logins["judge"]
    with _plain(site, me) as conn:
        try:
            cur = conn.execute(statement.format(me=me))
            changed = cur.rowcount
        except psycopg.errors.Error:
            changed = None
        assert changed in (None, 0), statement  # refused, or (UPDATE under RLS) touched no row
        assert conn.execute(
            "SELECT rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = %s", (me,)
        ).fetchone() == (False, False, False)
    assert admin.conn.execute(
        "SELECT pg_has_role(?, 'workload_admin', 'MEMBER'), pg_has_role(?, 'workload_owner', 'MEMBER')",
        (me, me),
    ).fetchone() == (False, False)
    assert admin.conn.execute("SELECT role FROM users WHERE login = ?", (me,)).fetchone() == ("judge",)
    assert admin.conn.execute("SELECT COUNT(*) FROM pg_roles WHERE rolname = 'intruder_x'").fetchone() == (0,)


def test_a_disabled_login_cannot_connect_and_enabled_again_can(court):
    site, admin, logins = court
    accounts.update_user(admin, logins["judge"], active=False)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        _plain(site, logins["judge"])
    accounts.update_user(admin, logins["judge"], active=True)
    with _plain(site, logins["judge"]) as conn:
        assert _numbers(conn) == {CASES[0][0], CASES[1][0]}
    actions = [
        r[0]
        for r in admin.conn.execute(
            "SELECT action FROM audit_log WHERE target = ? ORDER BY id", (logins["judge"],)
        ).fetchall()
    ]
    assert actions == ["user.create", "user.disable", "user.enable"]


def test_the_account_functions_refuse_names_and_roles_that_are_not_accounts(court, pg_server):
    site, admin, _ = court
    with psycopg.connect(site.url_of(site.admin, site.password), autocommit=True) as conn:
        for bad in ("Upper", "a-b", "x" * 64, "pg_x", "workload_x", "robert'); DROP TABLE cases; --"):
            with pytest.raises(psycopg.errors.InvalidParameterValue):
                conn.execute("SELECT workload_create_login(%s, 'judge', 'Pw-123456')", (bad,))
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT workload_create_login('fine_name_x', 'superuser', 'Pw-123456')")
        # the superuser and the owner are not accounts: no password reset, no group, no disabling
        for target in ("workload_super", "workload_owner", "workload_admin"):
            with pytest.raises(psycopg.errors.Error):
                conn.execute("SELECT workload_reset_login_password(%s, 'Pw-123456')", (target,))
            with pytest.raises(psycopg.errors.Error):
                conn.execute("SELECT workload_set_login_enabled(%s, false)", (target,))
    assert admin.conn.execute("SELECT COUNT(*) FROM cases").fetchone() == (4,)
    with psycopg.connect(pg_server.url(), autocommit=True) as su:  # the superuser still logs in
        assert su.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'workload_super'").fetchone() == (
            True,
        )


def test_a_server_login_without_an_account_is_refused_by_the_program(court, pg_server):
    site, _, _ = court
    stranger = unique("stranger")
    with psycopg.connect(pg_server.url(), autocommit=True) as su:
        su.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD '{PASSWORD}' IN ROLE workload_judge")
    db = open_as_operator(site.login(stranger, PASSWORD))
    try:
        with pytest.raises(Exception) as caught:
            accounts.login(db, stranger, PASSWORD)
        assert caught.value.code == "server.no_account"
        # and the server shows it nothing
        assert db.conn.execute("SELECT COUNT(*) FROM cases").fetchone() == (0,)
    finally:
        db.conn.close()
