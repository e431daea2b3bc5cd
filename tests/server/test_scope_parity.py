"""The program's scope (``core.scope``) and the court server's agree, for every demo account.

For 法官 ``faguan``, 庭长 ``tingzhang``, 人事 ``renshi`` and 管理员 ``admin``, each logged in with its
own server login (the server's row-level security and ``workload_scope`` views apply): the cases,
the people (judges named, not aliased) and the divisions (those whose every case the login reads)
that ``Scope.of(user)`` allows, applied to the court's rows read court-wide, are exactly the rows
the server returns to that login. And no table or view with a ``case_id`` or ``judge_id`` column
is readable by a restricted login except through ``workload_scope`` views over the server's
``workload_scoped_*()`` functions: the catalogue is asked, so a table added without a thought for
``roles.sql`` fails here."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tests.server_fixtures import login_handle
from workload_app.core.scope import Scope
from workload_app.services import accounts, demo

DEMO_LOGINS = ("faguan", "tingzhang", "renshi", "admin")
RESTRICTED = ("faguan", "tingzhang")


def _court(admin) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Every case (case_number, judge, division, panel), judge (name, division) and division of
    the court, read by the 管理员's handle."""
    cases = pd.DataFrame(
        admin.conn.execute(
            """SELECT c.case_number, j.name, d.name, c.panel FROM cases c JOIN judges j ON j.id = c.judge_id
               LEFT JOIN divisions d ON d.id = c.division_id"""
        ).fetchall(),
        columns=["case_number", "judge", "division", "panel"],
    )
    people = pd.DataFrame(
        admin.conn.execute(
            "SELECT j.name, d.name FROM judges j LEFT JOIN divisions d ON d.id = j.division_id"
        ).fetchall(),
        columns=["name", "division"],
    )
    divisions = pd.DataFrame(
        admin.conn.execute("SELECT name FROM divisions").fetchall(), columns=["division"]
    )
    return cases, people, divisions


def _schema(handle) -> str:
    """Where the login reads the court: the tables themselves (court-wide), or the scope's views."""
    direct = handle.conn.execute("SELECT has_table_privilege('public.cases', 'SELECT')").fetchone()[0]
    return "public" if direct else "workload_scope"


def _server_rows(handle) -> tuple[set[str], set[str], set[str]]:
    """The cases, named judges and complete divisions the server returns to ``handle``'s login."""
    schema = _schema(handle)
    cases = {r[0] for r in handle.conn.execute(f"SELECT case_number FROM {schema}.cases").fetchall()}
    names = {r[0] for r in handle.conn.execute(f"SELECT name FROM {schema}.judges").fetchall()}
    seen = dict(
        handle.conn.execute(
            f"""SELECT d.name, COUNT(c.id) FROM {schema}.divisions d
                LEFT JOIN {schema}.cases c ON c.division_id = d.id GROUP BY d.name"""
        ).fetchall()
    )
    return cases, {n for n in names if not n.startswith("#")}, {d for d, n in seen.items() if n}


@pytest.fixture
def logged_in(server_demo_db, pg_server, request):
    """login -> (its own handle on the demo court, its User)."""
    out = {}
    for login in DEMO_LOGINS:
        handle = login_handle(pg_server, server_demo_db, login, demo.DEMO_PASSWORD)
        request.addfinalizer(handle.conn.close)
        user, _ = accounts.login(handle, login, demo.DEMO_PASSWORD)
        out[login] = (handle, user)
    return out


def test_the_scope_allows_exactly_the_rows_the_server_returns(server_demo_db, logged_in):
    cases, people, divisions = _court(server_demo_db)
    per_division = cases.groupby("division").size()
    assert len(cases) > 1000 and len(people) > 10 and len(divisions) > 2  # a court worth comparing
    sizes = {}
    for login, (handle, user) in logged_in.items():
        scope = Scope.of(user)
        allowed_cases = set(scope.cases(cases)["case_number"])
        allowed_people = set(scope.people(people, judge_col="name")["name"])
        # a division is the login's when it reads every one of its cases
        allowed_divisions = set(scope.divisions(divisions)["division"]) & set(per_division.index)
        server_cases, server_people, server_full = _server_rows(handle)
        complete = {
            d
            for d in server_full
            if cases[cases["case_number"].isin(server_cases)].groupby("division").size().get(d)
            == per_division[d]
        }
        assert (server_cases, server_people, complete) == (
            allowed_cases,
            allowed_people,
            allowed_divisions,
        ), login
        sizes[login] = (len(allowed_cases), len(allowed_people), len(allowed_divisions))
    # the four scopes differ as the roles do: the court for 人事 and 管理员, a division and the
    # 庭长's own cases for the 庭长, a judge's own for the 法官
    assert sizes["admin"] == sizes["renshi"] == (len(cases), len(people), len(per_division))
    head, judge = logged_in["tingzhang"][1], logged_in["faguan"][1]
    assert sizes["tingzhang"][2] == 1 and sizes["faguan"][1:] == (1, 0)
    assert sizes["faguan"][0] == len(
        cases[(cases["judge"] == judge.judge) | cases["panel"].fillna("").str.contains(judge.judge)]
    )
    assert sizes["tingzhang"][0] >= (cases["division"] == head.division).sum() > sizes["faguan"][0] > 0


# ---------------------------------------------------------------- nothing of a case or judge outside the scope


LEAKS = """
SELECT n.nspname || '.' || c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'workload_scope')
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                           AND a.attname IN ('case_id', 'judge_id'))
  AND has_any_column_privilege(c.oid, 'SELECT')
ORDER BY 1
"""

# The workload_scope views with such a column, and what each reads (its definition)
SCOPE_VIEWS = """
SELECT c.relname, pg_get_viewdef(c.oid) FROM pg_class c
WHERE c.relnamespace = 'workload_scope'::regnamespace AND c.relkind = 'v'
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                           AND a.attname IN ('case_id', 'judge_id'))
ORDER BY 1
"""
SOURCE = re.compile(r"\b(?:FROM|JOIN)\s+([\w.\"]+)(\()?", re.IGNORECASE)


def _views_on_tables(conn) -> list[str]:
    """The workload_scope views (with a case_id or judge_id) that read anything but one of the
    server's workload_scoped_*() functions: "view -> source"."""
    out = []
    for view, definition in conn.execute(SCOPE_VIEWS).fetchall():
        for source, call in SOURCE.findall(definition):
            name = source.replace('"', "").removeprefix("public.")
            if not (call and name.startswith("workload_scoped_")):
                out.append(f"{view} -> {source}")
    return out


# Functions the login may call that return rows of a table with such a column, other than the
# scope's own (workload_scoped_*, which compute the login's rows themselves)
ROW_FUNCTIONS = """
SELECT p.proname FROM pg_proc p JOIN pg_type ty ON ty.oid = p.prorettype
WHERE ty.typrelid <> 0 AND p.pronamespace = 'public'::regnamespace
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = ty.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                                           AND a.attname IN ('case_id', 'judge_id'))
  AND has_function_privilege(p.oid, 'EXECUTE') AND p.proname NOT LIKE 'workload\\_scoped\\_%'
ORDER BY 1
"""


def _leaks(handle) -> tuple[list, list, list]:
    """(tables or views outside workload_scope readable, workload_scope views over a table, row
    functions outside the scope's) for ``handle``'s login."""
    rows = [r[0] for r in handle.conn.execute(LEAKS).fetchall()]
    functions = [r[0] for r in handle.conn.execute(ROW_FUNCTIONS).fetchall()]
    return rows, _views_on_tables(handle.conn), functions


def test_no_case_or_judge_table_is_reachable_by_a_restricted_login(server_demo_db, logged_in, pg_server):
    # the court-wide logins read the tables themselves: the catalogue query sees them
    assert "public.cases" in _leaks(logged_in["renshi"][0])[0]
    scope_views = {
        r[0]
        for r in server_demo_db.conn.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = 'workload_scope'::regnamespace AND relkind = 'v'"
        ).fetchall()
    }
    assert {"cases", "case_results", "judges", "pending_reasons", "quota_overrides"} <= scope_views
    for login in RESTRICTED:
        assert _leaks(logged_in[login][0]) == ([], [], []), login
    # a table added without roles.sql in mind, readable by the judges' group: found at once
    with pg_server.admin_connect(server_demo_db.login.database) as su:
        su.execute("CREATE TABLE public.case_notes (id bigint, case_id bigint, note text)")
        su.execute("GRANT SELECT ON public.case_notes TO workload_judge")
        su.execute("CREATE VIEW workload_scope.case_notes AS SELECT * FROM public.case_notes")
        su.execute("GRANT SELECT ON workload_scope.case_notes TO workload_judge")
        su.execute(  # and a function of the court's returning its rows (EXECUTE is PUBLIC's by default)
            "CREATE FUNCTION public.all_case_notes() RETURNS SETOF public.case_notes"
            " LANGUAGE sql SECURITY DEFINER AS 'SELECT * FROM public.case_notes'"
        )
    judge = logged_in["faguan"][0]
    assert _leaks(judge) == (["public.case_notes"], ["case_notes -> public.case_notes"], ["all_case_notes"])
    assert _leaks(logged_in["tingzhang"][0]) == ([], ["case_notes -> public.case_notes"], ["all_case_notes"])
