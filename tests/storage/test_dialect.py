"""The store's Dialect (storage/dialect.py): each difference between a file and the court server
gives the same answer on both stores, by value; ``translate`` keeps only placeholders and refuses
what is SQLite's own."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from workload_app.core import dates
from workload_app.services import clock
from workload_app.storage import pg
from workload_app.storage import repository as repo
from workload_app.storage.dialect import POSTGRESQL, SQLITE, dialect_of
from workload_app.storage.migrations import latest_for, schema_version

# ---------------------------------------------------------------- translate: placeholders only


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT id FROM cases WHERE instr(panel, ?) > 0",
        "SELECT value FROM json_each(?)",
        "SELECT group_concat(name, '、') FROM judges",
        "SELECT 1 WHERE closed_on < date('now')",
        "SELECT IFNULL(a, 0) FROM t",
        "SELECT strftime('%Y', closed_on) FROM cases",
    ],
)
def test_translate_refuses_sqlite_only_functions(sql):
    with pytest.raises(pg.NotPortable, match="not portable"):
        pg.translate(sql)


def test_translate_refuses_insert_or_ignore_with_returning():
    with pytest.raises(pg.NotPortable):
        pg.translate("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?) RETURNING key")


@pytest.mark.parametrize(
    ("sql", "server"),
    [
        # the words inside a literal, a quoted identifier or a comment are not functions
        ("SELECT 'instr(a, b)', x FROM t WHERE y = ?", "SELECT 'instr(a, b)', x FROM t WHERE y = %s"),
        ('SELECT "date" (x) FROM t', 'SELECT "date" (x) FROM t'),
        ("SELECT 1 -- date('now')\n", "SELECT 1 \n"),
        # a column named like a function, without a call, stays
        ("SELECT date, time FROM t WHERE k = :k", "SELECT date, time FROM t WHERE k = %(k)s"),
        # nothing but the placeholders changes: instr is not rewritten into strpos any more
        ("SELECT strpos(a, ?) FROM t", "SELECT strpos(a, %s) FROM t"),
    ],
)
def test_translate_changes_only_placeholders(sql, server):
    assert pg.translate(sql) == server


# ---------------------------------------------------------------- the fragments, each dialect


def test_each_dialect_writes_its_own_fragments():
    assert SQLITE.contains("panel", "?") == "instr(panel, ?) > 0"
    assert POSTGRESQL.contains("panel", "?") == "strpos(panel, ?) > 0"
    assert SQLITE.id_list() == "SELECT value FROM json_each(?)"
    assert POSTGRESQL.id_list(":ids") == (
        "SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(:ids AS json)) AS j(value)"
    )
    assert SQLITE.insert_or_ignore("divisions", ("name", "track"), ("name",), returning="id") == (
        "INSERT INTO divisions (name, track) VALUES (?, ?) ON CONFLICT (name) DO NOTHING RETURNING id"
    )
    assert POSTGRESQL.insert_or_ignore("incoming", ("case_number",), ("case_number",)) == (
        "INSERT INTO incoming (case_number) VALUES (?) ON CONFLICT (case_number) DO NOTHING"
    )


def test_capabilities_of_each_store():
    assert (SQLITE.enforces_scope, SQLITE.accounts_are_logins, SQLITE.keeps_a_file) == (False, False, True)
    assert (POSTGRESQL.enforces_scope, POSTGRESQL.accounts_are_logins, POSTGRESQL.keeps_a_file) == (
        True, True, False,
    )  # fmt: skip
    assert (SQLITE.insertion_order, POSTGRESQL.insertion_order) == ("rowid", "id")


# ---------------------------------------------------------------- on both stores, by value


def test_the_handle_names_its_dialect(db, store):
    assert dialect_of(db) is (SQLITE if store == "sqlite" else POSTGRESQL)
    assert dialect_of(db.conn) is dialect_of(db)


def test_contains_finds_a_name_in_a_panel(db):
    d = dialect_of(db)
    sql = f"SELECT CASE WHEN {d.contains('?', '?')} THEN 1 ELSE 0 END"
    assert db.conn.execute(sql, ("张三、李四、王五", "李四")).fetchone()[0] == 1
    assert db.conn.execute(sql, ("张三、王五", "李四")).fetchone()[0] == 0
    assert db.conn.execute(sql, ("张三", "")).fetchone()[0] == 1  # the empty text is in every text


def test_an_id_list_is_one_parameter(db):
    d = dialect_of(db)
    row = db.conn.execute(
        f"SELECT COUNT(*), SUM(value) FROM ({d.id_list()}) AS ids", (json.dumps([3, 5, 11]),)
    ).fetchone()
    assert (int(row[0]), int(row[1])) == (3, 19)


def test_insert_or_ignore_returns_the_new_row_only(db):
    d = dialect_of(db)
    sql = d.insert_or_ignore("divisions", ("name", "track"), ("name",), returning="name")
    with repo.transaction(db):
        first = db.conn.execute(sql, ("民一庭", "trial")).fetchone()
        again = db.conn.execute(sql, ("民一庭", "enforcement")).fetchone()
    assert first == ("民一庭",) or tuple(first) == ("民一庭",)
    assert again is None
    assert db.conn.execute("SELECT track FROM divisions WHERE name = ?", ("民一庭",)).fetchone()[0] == "trial"


def test_bulk_insert_and_a_frame_read(db):
    d = dialect_of(db)
    with repo.transaction(db):
        d.bulk_insert(db, "divisions", ("name", "track"), [("刑庭", "trial"), ("执行局", "enforcement")])
    rows = d.frame_cursor(db, "SELECT name, track FROM divisions ORDER BY name").fetchall()
    assert sorted(tuple(r) for r in rows) == [("刑庭", "trial"), ("执行局", "enforcement")]


def test_begin_write_holds_a_transaction(db):
    d = dialect_of(db)
    d.begin_write(db.conn)
    assert db.conn.in_transaction
    db.conn.rollback()
    assert not db.conn.in_transaction


def test_catalogue_questions(db, store):
    d = dialect_of(db)
    # migration 15's year_version triggers: six on a file, two on the server
    # the file's six of 0015; the server's four: statement triggers per event on cases (0027), a
    # row trigger on page_reviews
    assert d.count_triggers(db.conn, "year_version_%") == (6 if store == "sqlite" else 4)
    assert ("judges", "division_id") in d.foreign_keys_to(db.conn, "divisions")
    assert d.has_table(db.conn, "cases") and not d.has_table(db.conn, "no_such_table")
    assert schema_version(db.conn) == latest_for(db)
    assert d.has_function(db.conn, "workload_now()") is (store == "server")


def test_the_store_clock_stamps_rows(db):
    """A stamp is the store's clock: this computer's on a file, the server's on the server (the
    test server runs on this computer, so both are within seconds of it)."""
    stamp = dialect_of(db).now(db.conn)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", stamp)
    assert abs((dates.moment_of(stamp) - dt.datetime.now()).total_seconds()) < 5
    assert repo.now(db)[:10] == stamp[:10] or stamp[11:] >= "23:59:55"
    c = clock.of(db)
    assert abs(c.offset.total_seconds()) < 5
    clock.bind(db, lambda: dt.date(2025, 6, 30))
    assert clock.today(db) == dt.date(2025, 6, 30)
    clock.bind(db, None)
    assert clock.today(db) == c.now().date()


def test_a_clock_ahead_of_this_computer_dates_the_stamps_and_today(db):
    """The server's clock, read once per handle, dates what the program prints: a store whose
    clock is 5 hours ahead gives now and today 5 hours ahead, and a bound today still wins."""
    db._workload_clock_offset = dt.timedelta(hours=5)
    try:
        c = clock.of(db)
        ahead = dt.datetime.now() + dt.timedelta(hours=5)
        assert abs((c.now() - ahead).total_seconds()) < 5
        assert c.minute() in {dates.minute(ahead), dates.minute(ahead - dt.timedelta(minutes=1))}
        assert clock.today(db) in {ahead.date(), (ahead - dt.timedelta(seconds=5)).date()}
        clock.bind(db, lambda: dt.date(2025, 6, 30))
        assert clock.today(db) == dt.date(2025, 6, 30)
    finally:
        clock.bind(db, None)
        db._workload_clock_offset = None


def test_a_login_not_granted_the_court_clock_stamps_with_the_session_time(server_db, pg_server):
    """A server set up by an older program (no EXECUTE on workload_now for the groups): the stamp
    is the server's session time, not an error."""
    import psycopg

    with psycopg.connect(pg_server.url(server_db.login.database), autocommit=True) as su:
        su.execute("REVOKE EXECUTE ON FUNCTION workload_now() FROM workload_admin")
    try:
        stamp = POSTGRESQL.now(server_db.conn)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", stamp)
        assert abs((dates.moment_of(stamp) - dt.datetime.now()).total_seconds()) < 5
    finally:
        with psycopg.connect(pg_server.url(server_db.login.database), autocommit=True) as su:
            su.execute("GRANT EXECUTE ON FUNCTION workload_now() TO workload_admin")
