"""`workload server move-from`: a court's SQLite file moved whole onto a set-up server."""

# ruff: noqa: F811 - the fixtures imported from tests.server_fixtures are test parameters here
from __future__ import annotations

import shutil
import sqlite3

import psycopg
import pytest
from click.testing import CliRunner

from tests.conftest import open_as_operator
from tests.server_fixtures import server_court, unique  # noqa: F401 - a fixture
from workload_app.cli import cli
from workload_app.services import accounts, audit

INITIAL = "Moved-pass-1"


@pytest.fixture
def court_file(demo_file, tmp_path):
    """The small demo court with account names of their own (login roles are cluster-wide)."""
    path = tmp_path / "court.sqlite"
    shutil.copy(demo_file, path)
    suffix = unique("m").split("_", 1)[1]
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE users SET login = login || '_' || ?", (suffix,))
    return path


def _move(site, path):
    return CliRunner().invoke(
        cli,
        ["server", "move-from", str(path), "--db", site.url, "--user", site.admin],
        env={"WORKLOAD_PASSWORD": site.password, "WORKLOAD_NEW_PASSWORD": INITIAL},
    )


def _sqlite_counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name <> 'schema_migrations'"
            )
        ]
        return {n: conn.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names}  # noqa: S608


def test_move_from_moves_every_row_and_the_audit_chain_still_verifies(server_court, court_file, pg_server):
    site = server_court
    before = _sqlite_counts(court_file)
    with sqlite3.connect(court_file) as conn:
        logins = {r[0]: r[1] for r in conn.execute("SELECT login, role FROM users")}
        ids = conn.execute("SELECT MIN(id), MAX(id), SUM(id) FROM cases").fetchone()
    assert before["cases"] > 5000 and before["audit_log"] > 5 and len(logins) == 4
    result = _move(site, court_file)
    assert result.exit_code == 0, result.output
    assert INITIAL not in result.output
    with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
        after = {t: su.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in before}  # noqa: S608
        assert su.execute("SELECT MIN(id), MAX(id), SUM(id) FROM cases").fetchone() == ids
        # the next case id follows the moved ones
        assert su.execute("SELECT nextval('cases_id_seq')").fetchone() == (ids[1] + 1,)
        moved = su.execute("SELECT login, role, password_hash, must_change FROM users ORDER BY id").fetchall()
    expected = {**before, "users": before["users"] + 1, "audit_log": before["audit_log"] + 1}
    assert after == expected  # every table; plus the mover's account and the move's audit row
    assert {(login, role) for login, role, _, _ in moved} == {*logins.items(), (site.admin, "admin")}
    assert all(h == "server" for _, _, h, _ in moved)
    assert {login for login, _, _, must in moved if must} == set(logins)

    # each account is a login role with the initial password, of its role's group
    for login, role in logins.items():
        with psycopg.connect(site.url_of(login, INITIAL)) as conn:
            assert conn.execute(
                "SELECT pg_has_role(current_user, %s, 'MEMBER')", (f"workload_{role}",)
            ).fetchone() == (True,)

    admin = open_as_operator(site.login())
    accounts.login(admin, site.admin, site.password)
    n, problem = audit.verify(admin)
    assert problem is None and n == before["audit_log"] + 2  # the file's, the move, this log-in
    last = audit.log(admin).sort_values("id").tail(2)
    assert list(last["action"]) == ["server.move", "user.login"]
    admin.conn.close()

    # a server that already holds a court is refused, nothing written
    again = _move(site, court_file)
    assert again.exit_code == 1 and "服务器上已有" in again.output
    with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
        assert su.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == before["cases"]


def test_move_from_refuses_a_file_whose_accounts_cannot_be_server_logins(server_court, demo_file, tmp_path):
    path = tmp_path / "court.sqlite"
    shutil.copy(demo_file, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE users SET login = '张三' WHERE role = 'judge'")
    result = _move(server_court, path)
    assert result.exit_code == 1 and "张三" in result.output and "小写英文字母" in result.output
    admin = open_as_operator(server_court.login())
    assert admin.conn.execute("SELECT COUNT(*) FROM judges").fetchone() == (0,)
    admin.conn.close()


def test_a_judge_login_reads_the_same_own_figures_as_personnel_and_never_computes(
    server_court, court_file, pg_server
):
    from workload_app.core import demo_court
    from workload_app.services import standard_cases as S

    site = server_court
    assert _move(site, court_file).exit_code == 0
    with sqlite3.connect(court_file) as conn:
        login = dict(conn.execute("SELECT role, login FROM users").fetchall())
        judge = conn.execute(
            "SELECT j.name FROM users u JOIN judges j ON j.id = u.judge_id WHERE u.role = 'judge'"
        ).fetchone()[0]
    year = demo_court.YEARS[-1]
    people = open_as_operator(site.login(login["personnel"], INITIAL))
    accounts.login(people, login["personnel"], INITIAL)
    mine = open_as_operator(site.login(login["judge"], INITIAL))
    accounts.login(mine, login["judge"], INITIAL)
    try:
        court_row = S.tally(people, year).set_index("judge").loc[judge]
        own = S.tally(mine, year)
        assert list(own["judge"]) == [judge]
        assert own.iloc[0]["cases"] == court_row["cases"] > 0
        assert own.iloc[0]["sc_trial"] == pytest.approx(court_row["sc_trial"], abs=1e-9)
        assert own.iloc[0]["sc_enforcement"] == pytest.approx(court_row["sc_enforcement"], abs=1e-9)
        seen, _, _ = S.results(mine, year)
        theirs, _, _ = S.results(people, year)
        theirs = theirs[theirs["case_id"].isin(seen["case_id"])]
        assert len(seen) == len(theirs) > 0
        assert seen.set_index("case_id")["sc"].sort_index().tolist() == pytest.approx(
            theirs.set_index("case_id")["sc"].sort_index().tolist()
        )
        assert S.computed_note(people, year) is None
        assert "计算" in S.computed_note(mine, year)

        # the cases change (as if by a write the figures do not follow yet): the judge's client
        # reads the stored computation, says so, and computes nothing from the rows it sees
        with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
            su.execute(
                "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'cases_version'"
            )
            computations = su.execute("SELECT COUNT(*) FROM computations").fetchone()
        S.forget_cached()
        stale = S.tally(mine, year)
        assert stale.iloc[0]["sc_trial"] == pytest.approx(court_row["sc_trial"], abs=1e-9)
        assert "此后案件已有变动" in S.computed_note(mine, year)
        with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
            assert su.execute("SELECT COUNT(*) FROM computations").fetchone() == computations
    finally:
        people.conn.close()
        mine.conn.close()


def test_a_court_wide_write_on_the_server_leaves_the_figures_fresh(server_court, court_file):
    from workload_app.core import demo_court
    from workload_app.services import figures
    from workload_app.services import standard_cases as S
    from workload_app.storage import repository as repo

    site = server_court
    assert _move(site, court_file).exit_code == 0
    with sqlite3.connect(court_file) as conn:
        login = dict(conn.execute("SELECT role, login FROM users").fetchall())
    people = open_as_operator(site.login(login["personnel"], INITIAL))
    accounts.login(people, login["personnel"], INITIAL)
    mine = open_as_operator(site.login(login["judge"], INITIAL))
    accounts.login(mine, login["judge"], INITIAL)
    try:
        with repo.transaction(people):  # a change to the cases the figures do not follow yet
            repo.bump_cases_version(people)
        assert all(figures.fresh_computation(people, y) is None for y in demo_court.YEARS)
        with repo.transaction(people):  # a court-wide action ends by bringing the figures up to date
            figures.update(people, figures.Touched())
        assert [y for y in demo_court.YEARS if figures.fresh_computation(people, y)] == list(demo_court.YEARS)
        assert figures.missing_years(mine) == []  # a judge's login reads, never computes
        for year in demo_court.YEARS:
            # the one 人事's action just brought up to date
            assert (
                figures.fresh_computation(mine, year)["id"] == figures.fresh_computation(people, year)["id"]
            )
            assert "此后案件已有变动" not in S.computed_note(mine, year)
    finally:
        people.conn.close()
        mine.conn.close()


def test_a_judge_asks_a_query_on_the_server_and_the_chain_still_verifies(server_court, court_file):
    from workload_app.core import demo_court
    from workload_app.services import queries
    from workload_app.services import standard_cases as S

    site = server_court
    assert _move(site, court_file).exit_code == 0
    with sqlite3.connect(court_file) as conn:
        login = dict(conn.execute("SELECT role, login FROM users").fetchall())
    year = demo_court.YEARS[-1]
    mine = open_as_operator(site.login(login["judge"], INITIAL))
    accounts.login(mine, login["judge"], INITIAL)
    try:
        number = S.results(mine, year)[0]["case_number"].iloc[0]
        asked = queries.ask(mine, year, number, "页数似乎录错").summary
        assert list(queries.listing(mine)["id"]) == [asked.id]
    finally:
        mine.conn.close()
    # through plain psycopg the judge writes no table: not meta, not a query in someone else's name
    with psycopg.connect(site.url_of(login["judge"], INITIAL), autocommit=True) as conn:
        for statement in (
            "UPDATE meta SET value = '0' WHERE key = 'cases_version'",
            "UPDATE public.meta SET value = '0' WHERE key = 'cases_version'",
            "INSERT INTO queries (year, case_number, question, asked_by, asked_at) VALUES (2025, 'x', 'q', 'someone', 'now')",
            "INSERT INTO public.queries (year, case_number, question, asked_by, asked_at)"
            " VALUES (2025, 'x', 'q', 'someone', 'now')",
        ):
            with pytest.raises(
                (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectNotInPrerequisiteState)
            ):
                conn.execute(statement)
    admin = open_as_operator(site.login())
    accounts.login(admin, site.admin, site.password)
    assert audit.verify(admin)[1] is None
    trail = audit.log(admin).sort_values("id")
    assert list(trail["action"].tail(3)) == ["user.login", "query.ask", "user.login"]
    admin.conn.close()
