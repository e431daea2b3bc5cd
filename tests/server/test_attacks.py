"""What a judge, a 庭长 and 人事 with their own passwords and plain psycopg (as with psql) try
against the court server (issue 25), one test per family. Each asserts the outcome: refused,
or recorded in the trail with the login and the server's time; never how the server does it."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time

import psycopg
import pytest

from tests.conftest import open_as_operator
from tests.server.test_security import CASES, PASSWORD, court  # noqa: F401 - a fixture
from tests.server_fixtures import server_court  # noqa: F401 - a fixture (court needs it)
from workload_app.services import accounts, audit

# README ("No login holds others up"): a writer kept waiting by a 法官's or 庭长's login goes on
# within this many seconds.
HELD_UP_AT_MOST = 10.0


@pytest.fixture
def site(court, pg_server):  # noqa: F811 - the fixture imported above
    """The small court of test_security with figures: 张三's and 李四's credit and quotas, a
    plan naming every judge, 王五's case 3 with 120 file pages (invisible to 张三)."""
    server, admin, logins = court
    with psycopg.connect(pg_server.url(server.database), autocommit=True) as su:
        su.execute("UPDATE cases SET file_pages = 120 WHERE case_number = %s", (CASES[2][0],))
        su.execute("UPDATE cases SET file_pages = 30 WHERE case_number <> %s", (CASES[2][0],))
        comp = su.execute("SELECT id FROM computations").fetchone()[0]
        for pos, (judge, sc) in enumerate((("张三", 11.5), ("李四", 47.25), ("王五", 83.0))):
            su.execute(
                """INSERT INTO judge_credit (computation_id, kind, month, pos, judge, cases, sc_trial,
                       sc_enforcement) VALUES (%s, 'to_month', 12, %s, %s, 3, %s, 0)""",
                (comp, pos, judge, sc),
            )
        su.execute(
            """INSERT INTO quota_plans (year, version, created_at, plan) VALUES (2025, 1, 'now',
                   '{"judges": [{"judge": "张三", "quota": 100.0}, {"judge": "李四", "quota": 140.0},
                                {"judge": "王五", "quota": 77.0}],
                     "months": [{"judge": "王五", "m1": 7.0}]}')"""
        )
        su.execute(
            """INSERT INTO quota_overrides (year, judge_id, quota, reason, created_at)
               SELECT 2025, id, 55.5, '调岗', 'now' FROM judges WHERE name = '王五'"""
        )
        ids = dict(su.execute("SELECT case_number, id FROM cases").fetchall())
    return server, admin, logins, ids


def _plain(server, login, password=PASSWORD):
    return psycopg.connect(server.url_of(login, password), autocommit=True)


def _name(admin, login: str) -> str:
    """How an account appears in the trail: its display name, else its login."""
    return (
        admin.conn.execute("SELECT display_name, login FROM users WHERE login = ?", (login,)).fetchone()[0]
        or login
    )


def _trail(admin):
    return audit.log(admin).sort_values("id").reset_index(drop=True)


def _server_now(pg_server, database) -> dt.datetime:
    with psycopg.connect(pg_server.url(database), autocommit=True) as su:
        text = su.execute(
            """SELECT to_char(now() AT TIME ZONE (SELECT value FROM server_settings WHERE key = 'time_zone'),
                              'YYYY-MM-DD"T"HH24:MI:SS')"""
        ).fetchone()[0]
    return dt.datetime.fromisoformat(text)


def _reachable(conn) -> list[str]:
    """Every table or view of the court's schemas the login may read."""
    return [
        r[0]
        for r in conn.execute(
            """SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname IN ('public', 'workload_scope') AND c.relkind IN ('r', 'v', 'm', 'p')
                 AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1"""
        ).fetchall()
    ]


def _plan(conn, statement: str) -> str:
    rows = conn.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) {statement}").fetchall()
    return "\n".join(r[0] for r in rows)


# ---------------------------------------------------------------- reading what is not one's own


def test_plan_side_channel_a_hidden_row_never_changes_a_plan(site):
    server, _, logins, ids = site
    hidden = ids[CASES[2][0]]  # 王五's case, 120 file pages: 张三 neither tries it nor sits on it
    with _plain(server, logins["judge"]) as conn:
        reachable = _reachable(conn)
        # the court's tables themselves are out of reach: only the scope's views remain
        assert reachable and all(name.startswith("workload_scope.") for name in reachable)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("EXPLAIN ANALYZE SELECT 1 FROM public.cases WHERE file_pages > 90")
        probes = {
            "workload_scope.cases": "id = {id} AND file_pages > {t}",
            "workload_scope.case_results": "case_id = {id} AND computation_id * {t} < 150",
            "workload_scope.held_reasons": "case_id = {id} AND computation_id * {t} < 150",
            "workload_scope.page_reviews": "case_id = {id} AND id * {t} < 150",
            "workload_scope.pending_reasons": "case_id = {id} AND length(reason) * {t} < 150",
        }
        for relation, condition in probes.items():
            assert relation in reachable
            # a true condition on the hidden row (t = 90: 120 > 90) and a false one (t = 200)
            true = _plan(conn, f"SELECT 1 FROM {relation} WHERE {condition.format(id=hidden, t=90)}")
            false = _plan(conn, f"SELECT 1 FROM {relation} WHERE {condition.format(id=hidden, t=200)}")
            assert re.sub(r"\b(90|200)\b", "T", true) == re.sub(r"\b(90|200)\b", "T", false), relation
        # every other relation: a condition on the hidden case's number gives the same plan text
        for relation in reachable:
            columns = {
                r[0]
                for r in conn.execute(
                    "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0",
                    (relation,),
                ).fetchall()
            }
            if "case_number" in columns:
                a = _plan(conn, f"SELECT 1 FROM {relation} WHERE case_number = '{CASES[2][0]}'")
                b = _plan(conn, f"SELECT 1 FROM {relation} WHERE case_number = '(2099)不存在1号'")
                assert a.replace(CASES[2][0], "N") == b.replace("(2099)不存在1号", "N"), relation
        # and the rows themselves: none of the hidden case
        assert conn.execute("SELECT COUNT(*) FROM cases WHERE id = %s", (hidden,)).fetchone() == (0,)


def test_figures_of_other_judges_are_not_readable(site):
    server, _, logins, _ = site
    with _plain(server, logins["judge"]) as conn:
        credit = dict(conn.execute("SELECT judge, sc_trial FROM judge_credit").fetchall())
        # its own under its name; the court's other totals (ranks, averages) only without names
        assert credit["张三"] == 11.5
        assert not {"李四", "王五"} & set(credit)
        assert sorted(credit.values()) == [11.5, 47.25, 83.0]
        plan = conn.execute("SELECT plan FROM quota_plans").fetchone()[0]
        assert "张三" in plan and "李四" not in plan and "王五" not in plan
        assert conn.execute("SELECT COUNT(*) FROM quota_overrides").fetchone() == (0,)
        names = {r[0] for r in conn.execute("SELECT name FROM judges").fetchall()}
        assert "张三" in names and not {"李四", "王五"} & names
        for table in ("judge_credit", "quota_plans", "quota_overrides", "judges"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT * FROM public.{table}")
    with _plain(server, logins["head"]) as conn:  # 刑庭's 庭长: 王五 by name, the others not
        credit = dict(conn.execute("SELECT judge, sc_trial FROM judge_credit").fetchall())
        assert credit["王五"] == 83.0 and not {"张三", "李四"} & set(credit)
        assert conn.execute("SELECT quota FROM quota_overrides").fetchall() == [(55.5,)]
        plan = conn.execute("SELECT plan FROM quota_plans").fetchone()[0]
        assert "王五" in plan and "张三" not in plan and "李四" not in plan


def test_statistics_and_sizes_count_no_rows(site):
    server, _, logins, _ = site
    for who in ("judge", "head", "personnel"):
        with _plain(server, logins[who]) as conn:
            for statement in (
                "SELECT relname, n_live_tup FROM pg_stat_user_tables",
                "SELECT * FROM pg_stat_all_tables",
                "SELECT * FROM pg_statio_user_tables",
                "SELECT pg_stat_get_live_tuples('public.users'::regclass)",
                "SELECT pg_relation_size('public.audit_log')",
                "SELECT pg_total_relation_size('public.cases')",
                "SELECT reltuples FROM pg_class WHERE relname = 'users'",
                # the sequences: 管理员 and 人事 read the tables themselves anyway
                *(
                    ()
                    if who == "personnel"
                    else (
                        "SELECT pg_sequence_last_value('public.users_id_seq'::regclass)",
                        "SELECT last_value FROM public.audit_log_id_seq",
                    )
                ),
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
            # what stays: names of the catalog's objects and roles (README)
            assert conn.execute("SELECT COUNT(*) FROM pg_class WHERE relname = 'audit_log'").fetchone() == (
                1,
            )


# ---------------------------------------------------------------- the trail


def test_audit_id_exhaustion_is_refused_and_everyone_keeps_logging_in(site):
    server, admin, logins, _ = site
    for who in ("judge", "head", "personnel"):
        with _plain(server, logins[who]) as conn:
            for table in ("audit_log", "public.audit_log"):
                with pytest.raises(
                    (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectNotInPrerequisiteState)
                ):
                    conn.execute(
                        f"""INSERT INTO {table} (id, at, "user", role, action, target, prev_hash, hash)
                            VALUES (9223372036854775807, 'now', 'x', '法官', 'user.login', 'x', 'a', 'b')"""
                    )
    for who in ("judge", "personnel"):
        db = open_as_operator(server.login(logins[who], PASSWORD))
        try:
            accounts.login(db, logins[who], PASSWORD)
        finally:
            db.conn.close()
    trail = _trail(admin)
    assert trail["id"].max() < 100 and list(trail["action"].tail(2)) == ["user.login", "user.login"]
    assert audit.verify(admin) == (len(trail), None)


def test_forged_author_role_and_time_are_not_possible(site, pg_server):
    server, admin, logins, _ = site
    with _plain(server, logins["judge"]) as conn:
        # a judge records only its own log-in and log-out, whatever it says
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "SELECT workload_audit('quota.override', '政治部人事处（法官）调整个人任务', NULL, NULL)"
            )
        conn.execute("SELECT workload_audit('user.login', 'someone_else', '{\"x\": 1}', NULL)")
    with _plain(server, logins["personnel"]) as conn:
        # 人事 says "发布参数": the row is 人事's, in 人事's role, at the server's time
        conn.execute("SELECT workload_audit('params.publish', '2025', NULL, '{\"at\": \"2024-01-01\"}')")
    now = _server_now(pg_server, server.database)
    trail = _trail(admin)
    judge_row, people_row = trail.iloc[-2], trail.iloc[-1]
    assert (
        judge_row["user"],
        judge_row["role"],
        judge_row["action"],
        judge_row["target"],
        judge_row["before"],
    ) == (
        _name(admin, logins["judge"]),
        "法官",
        "user.login",
        logins["judge"],
        None,
    )
    assert (people_row["user"], people_row["role"], people_row["action"]) == (
        _name(admin, logins["personnel"]),
        "人事",
        "params.publish",
    )
    for row in (judge_row, people_row):
        assert abs((dt.datetime.fromisoformat(row["at"]) - now).total_seconds()) < 120
    assert audit.verify(admin) == (len(trail), None)


def test_garbage_rows_and_head_moves_are_refused(site):
    server, admin, logins, _ = site
    n_before = len(_trail(admin))
    for who in ("judge", "head", "personnel"):
        with _plain(server, logins[who]) as conn:
            for statement in (
                "UPDATE meta SET value = '1:deadbeef' WHERE key = 'audit_head'",
                "UPDATE public.meta SET value = '1:deadbeef' WHERE key = 'audit_head'",
                "DELETE FROM public.meta WHERE key = 'audit_head'",
                "INSERT INTO public.meta (key, value) VALUES ('audit_head', '1:x') ON CONFLICT (key) DO NOTHING",
                "INSERT INTO public.audit_log (at, \"user\", role, action, prev_hash, hash) VALUES ('x', 'x', 'x', 'x', 'x', 'x')",
                "DELETE FROM public.audit_log",
                "TRUNCATE public.audit_log",
                "SELECT workload_audit_append('x.y', 'x', NULL, NULL)",
                "SELECT workload_move_audit_trail('[]')",
                # the server's own bookkeeping: the mark that a transaction is described, the counts
                "INSERT INTO public.audit_marks VALUES (txid_current())",
                "DELETE FROM public.pending_changes",
                "UPDATE public.server_settings SET value = 'Pacific/Kiritimati'",
            ):
                try:
                    changed = conn.execute(statement).rowcount
                except psycopg.errors.Error:
                    changed = None
                assert changed in (None, 0), (who, statement)
    trail = _trail(admin)
    assert len(trail) == n_before
    assert audit.verify(admin) == (n_before, None)
    head = admin.conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()[0]
    assert head.split(":")[0] == str(trail["id"].max())


def test_direct_edits_by_personnel_are_refused_or_in_the_trail(site, pg_server):
    server, admin, logins, ids = site
    with _plain(server, logins["personnel"]) as conn:
        # a published parameter set is 管理员's
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO param_sets (year, version, toml, published, created_at) VALUES (2025, 9, '', 1, 'now')"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE param_sets SET published = 1")
        # a judge's stored results multiplied by 5, in one transaction of two statements
        with conn.transaction():
            conn.execute("UPDATE case_results SET sc = sc * 5 WHERE case_id = %s", (ids[CASES[0][0]],))
            conn.execute("UPDATE judge_credit SET sc_trial = sc_trial * 5 WHERE judge = '张三'")
        conn.execute("DELETE FROM quota_overrides")
    now = _server_now(pg_server, server.database)
    assert admin.conn.execute("SELECT COUNT(*) FROM param_sets WHERE published = 1").fetchone() == (0,)
    trail = _trail(admin)
    changes = trail[trail["action"] == "server.change"]
    assert list(changes["user"]) == [_name(admin, logins["personnel"])] * 2
    assert list(changes["role"]) == ["人事", "人事"]
    assert list(changes["target"]) == ["case_results, judge_credit", "quota_overrides"]
    assert list(changes["after"]) == [
        '{"case_results": {"UPDATE": 1}, "judge_credit": {"UPDATE": 1}}',
        '{"quota_overrides": {"DELETE": 1}}',
    ]
    for at in changes["at"]:
        assert abs((dt.datetime.fromisoformat(at) - now).total_seconds()) < 120
    assert audit.verify(admin) == (len(trail), None)


# ---------------------------------------------------------------- holding others up


def test_a_restricted_login_holds_no_one_up(site):
    server, admin, logins, _ = site
    holder = _plain(server, logins["judge"])
    try:
        for table in ("write_lock", "public.write_lock", "public.meta", "public.cases", "audit_log", "cases"):
            with pytest.raises(psycopg.errors.Error):
                with holder.transaction():
                    holder.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        # the most it can hold: the trail, by asking a question and leaving its transaction open
        holder.execute("BEGIN")
        holder.execute("SET idle_in_transaction_session_timeout = 0")  # its own setting: no help
        holder.execute("SELECT workload_ask_query(2025, %s, '页数？')", (CASES[0][0],))
        done: dict[str, float] = {}

        def read() -> None:
            start = time.monotonic()
            with _plain(server, logins["personnel"]) as conn:
                conn.execute("SELECT COUNT(*) FROM cases").fetchone()
            done["read"] = time.monotonic() - start

        reader = threading.Thread(target=read)
        reader.start()
        start = time.monotonic()
        accounts.update_user(admin, logins["judge2"], display_name="李四（民一庭）")  # an audited write
        done["write"] = time.monotonic() - start
        reader.join(timeout=30)
        assert done["read"] < HELD_UP_AT_MOST and done["write"] < HELD_UP_AT_MOST
        # the held-up question never happened; the write did, and the trail verifies
        with pytest.raises(psycopg.errors.Error):
            holder.execute("COMMIT")
    finally:
        holder.close()
    trail = _trail(admin)
    assert trail["action"].iloc[-1] == "user.update" and "query.ask" not in set(trail["action"])
    assert audit.verify(admin) == (len(trail), None)


def test_each_login_carries_the_timeouts_the_readme_states(site):
    server, _, logins, _ = site
    stated = {  # README, "No login holds others up"
        "judge": ("5s", "5s", "1min"),
        "head": ("5s", "5s", "1min"),
        "personnel": ("10min", "15s", "1h"),
    }
    for who, values in stated.items():
        with _plain(server, logins[who]) as conn:
            found = tuple(
                conn.execute(f"SHOW {name}").fetchone()[0]
                for name in ("idle_in_transaction_session_timeout", "lock_timeout", "statement_timeout")
            )
            assert found == values, who


def test_a_writer_held_up_by_a_court_wide_login_is_told_it_is_busy(site):
    from workload_app.storage.repository import DatabaseBusy

    server, admin, logins, _ = site
    n_before = len(_trail(admin))
    with _plain(server, logins["personnel"]) as holder:
        holder.execute("BEGIN")
        holder.execute("SELECT workload_audit('court.settings', 'x', NULL, NULL)")  # holds the trail, idle
        start = time.monotonic()
        with pytest.raises(DatabaseBusy) as caught:
            accounts.update_user(admin, logins["judge2"], display_name="李四（民一庭）")
        waited = time.monotonic() - start
        holder.execute("ROLLBACK")
    assert caught.value.code == "db.busy" and waited < HELD_UP_AT_MOST
    assert len(_trail(admin)) == n_before  # nothing half-written
    assert (
        admin.conn.execute("SELECT display_name FROM users WHERE login = ?", (logins["judge2"],)).fetchone()[
            0
        ]
        != "李四（民一庭）"
    )


# ---------------------------------------------------------------- the few writes of a 法官 / 庭长


def test_the_first_password_change_cannot_be_skipped(site):
    server, admin, logins, _ = site
    me = logins["judge"]

    def must_change() -> int:
        return admin.conn.execute("SELECT must_change FROM users WHERE login = ?", (me,)).fetchone()[0]

    assert must_change() == 1
    with _plain(server, me) as conn:
        for statement in (
            "SELECT workload_password_changed('2025-01-01')",
            "UPDATE users SET must_change = 0",
            "UPDATE public.users SET must_change = 0",
            "SELECT workload_change_own_password('')",
            "SELECT workload_change_own_password(NULL)",
        ):
            with pytest.raises(psycopg.errors.Error):
                conn.execute(statement)
    assert must_change() == 1
    # the one way: a new password, set by the server, recorded at its time
    db = open_as_operator(server.login(me, PASSWORD))
    try:
        accounts.login(db, me, PASSWORD)
        accounts.change_password(db, PASSWORD, "Brand-new-pw-7")
    finally:
        db.conn.close()
    assert must_change() == 0
    with _plain(server, me, "Brand-new-pw-7") as conn:
        assert conn.execute("SELECT COUNT(*) FROM users").fetchone() == (1,)
    assert _trail(admin)["action"].iloc[-1] == "user.change_password"


def test_pending_reasons_are_the_responsible_judges_and_stamped_by_the_server(site, pg_server):
    server, admin, logins, ids = site
    case2 = CASES[1][0]  # 李四 tries it; 张三 sits on its panel
    with _plain(server, logins["judge"]) as conn:  # a panel member is not the responsible judge
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT workload_record_pending_reason(%s, '鉴定', '')", (case2,))
        for statement in (
            "INSERT INTO pending_reasons VALUES (%s, '鉴定', '', '管理员', '2024-01-01')",
            "INSERT INTO public.pending_reasons VALUES (%s, '鉴定', '', '管理员', '2024-01-01')",
        ):
            with pytest.raises(
                (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectNotInPrerequisiteState)
            ):
                conn.execute(statement, (ids[case2],))
    with _plain(server, logins["head"]) as conn:  # 刑庭's 庭长 tries no case of its own
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT workload_record_pending_reason(%s, '中止', '')", (CASES[2][0],))
    with _plain(server, logins["judge2"]) as conn:
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT workload_record_pending_reason(%s, '其他', '')", (case2,))
        conn.execute("SELECT workload_record_pending_reason(%s, '公告', ' 等待公告期满 ')", (case2,))
    now = _server_now(pg_server, server.database)
    row = admin.conn.execute(
        "SELECT reason, note, recorded_by, recorded_at FROM pending_reasons WHERE case_id = ?", (ids[case2],)
    ).fetchone()
    assert row[:3] == ("公告", "等待公告期满", _name(admin, logins["judge2"]))
    assert abs((dt.datetime.fromisoformat(row[3]) - now).total_seconds()) < 120
    last = _trail(admin).iloc[-1]
    assert (last["user"], last["role"], last["action"], last["target"]) == (
        _name(admin, logins["judge2"]),
        "法官",
        "pending.reason",
        case2,
    )
    assert last["after"] == '{"note": "等待公告期满", "reason": "公告"}'
    assert admin.conn.execute("SELECT COUNT(*) FROM pending_reasons").fetchone() == (1,)


def test_queries_about_a_judge_are_in_the_askers_own_name_and_scope(site, pg_server):
    """Issue 30.10: a question on a quota or figures goes through workload_ask_about_judge only; a
    法官 about its own judge, a 庭长 about its division's, each in its own name (the name shown is
    the server's: the linked judge's, else the account's display name) at the server's time."""
    server, admin, logins, _ = site
    with _plain(server, logins["judge"]) as conn:  # 张三
        for judge in ("李四", "王五", "#3", "nobody"):  # another judge, of its division or not
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("SELECT workload_ask_about_judge(2025, 'quota', %s, '为什么')", (judge,))
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT workload_ask_about_judge(2025, 'salary', NULL, '为什么')")
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT workload_ask_about_judge(2025, 'quota', NULL, '  ')")
        # a row in another login's name, or a name stamped by hand: no table is writable
        for statement in (
            "INSERT INTO queries (year, case_number, judge, question, asked_by, asked_at, kind, asked_by_name)"
            " VALUES (2025, '', '李四', 'q', 'someone', 'now', 'quota', '李四')",
            "UPDATE queries SET asked_by_name = '李四', asked_by = 'someone'",
            "UPDATE public.queries SET asked_by_name = '李四', asked_by = 'someone'",
        ):
            with pytest.raises(
                (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectNotInPrerequisiteState)
            ):
                conn.execute(statement)
        mine = conn.execute("SELECT workload_ask_about_judge(2025, 'quota', NULL, ' 任务偏高 ')").fetchone()[
            0
        ]
    with _plain(server, logins["head"]) as conn:  # 刑庭's 庭长 (no judge of its own)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT workload_ask_about_judge(2025, 'figures', '张三', '为什么')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no judge linked: no "own"
            conn.execute("SELECT workload_ask_about_judge(2025, 'figures', NULL, '为什么')")
        theirs = conn.execute(
            "SELECT workload_ask_about_judge(2025, 'figures', '王五', '完成率？')"
        ).fetchone()[0]
    with _plain(server, logins["judge2"]) as conn:  # 李四 does not read 张三's question
        assert conn.execute("SELECT COUNT(*) FROM queries WHERE id = %s", (mine,)).fetchone() == (0,)
    now = _server_now(pg_server, server.database)
    rows = admin.conn.execute(
        "SELECT id, kind, case_number, judge, question, asked_by, asked_by_name, asked_at FROM queries ORDER BY id"
    ).fetchall()
    assert [r[:7] for r in rows] == [
        (mine, "quota", "", "张三", "任务偏高", logins["judge"], "张三"),
        (theirs, "figures", "", "王五", "完成率？", logins["head"], _name(admin, logins["head"])),
    ]
    for r in rows:
        assert abs((dt.datetime.fromisoformat(r[7]) - now).total_seconds()) < 120
    trail = _trail(admin)
    asked = trail[trail["action"] == "query.ask"]
    assert list(zip(asked["user"], asked["role"], asked["target"], strict=True)) == [
        (_name(admin, logins["judge"]), "法官", "张三"),
        (_name(admin, logins["head"]), "庭长", "王五"),
    ]
    assert (
        asked["after"].iloc[0] == f'{{"id": {mine}, "kind": "quota", "question": "任务偏高", "year": 2025}}'
    )
    assert audit.verify(admin) == (len(trail), None)
    # the program asks through the same function, and refuses first what the server would refuse
    from workload_app.services import access, queries

    judge = open_as_operator(server.login(logins["judge"], PASSWORD))
    accounts.login(judge, logins["judge"], PASSWORD)
    try:
        asked = queries.ask_about(judge, 2025, queries.FIGURES, "得分？").summary
        assert (asked.kind, asked.judge, asked.asked_by, asked.asked_by_name) == (
            "figures",
            "张三",
            logins["judge"],
            "张三",
        )
        with pytest.raises(access.AccessDenied):
            queries.ask_about(judge, 2025, queries.QUOTA, "为什么", judge="李四")
        assert sorted(queries.listing(judge)["id"]) == [mine, asked.id]
    finally:
        judge.conn.close()
