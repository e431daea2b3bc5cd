"""The year-end grading's own writes of a 法官 and a 庭长 on the court server (issue 29 on issue
25's server): the summary, the acknowledgement, the review request and the 庭长's opinion go
through the server's functions, stamped with the login's account and the server's time and
audited as on the file; another judge's row, another division's judge, and a direct UPDATE are
refused and change nothing."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.conftest import open_as_operator
from tests.server.test_security import PASSWORD, court  # noqa: F401 - a fixture
from tests.server_fixtures import server_court  # noqa: F401 - a fixture (court needs it)
from workload_app.core.params import default_params, params_to_toml
from workload_app.core.problems import WorkloadError
from workload_app.services import accounts, audit
from workload_app.services import grade_notices as GN
from workload_app.services import grades as GS
from workload_app.storage import grading_store as store

Y = 2025


@pytest.fixture
def graded(court, pg_server):  # noqa: F811 - the fixture imported above
    """The small court with its 2025 grading open: 张三 and 李四 (民一庭) and 王五 (刑庭) graded; the
    rule set gives 10 days to request a review."""
    site, admin, logins = court
    rules = params_to_toml(default_params(Y)).replace("review_days = 30", "review_days = 10")
    assert "review_days = 10" in rules
    with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
        su.execute("UPDATE param_sets SET toml = %s", (rules,))
        su.execute("INSERT INTO grading_years (year, state) VALUES (%s, 'summary')", (Y,))
        su.execute(
            """INSERT INTO grading_entries (year, judge_id, division, post)
               SELECT %s, j.id, d.name, '审判员' FROM judges j JOIN divisions d ON d.id = j.division_id""",
            (Y,),
        )
    return site, admin, logins, pg_server


def _as(site, login):
    db = open_as_operator(site.login(login, PASSWORD))
    accounts.login(db, login, PASSWORD)
    return db


def _entry(admin, judge):
    return admin.conn.execute(
        """SELECT e.summary_text, e.summary_by, e.summary_at, e.head_opinion, e.head_opinion_by, e.ack_at,
                  e.ack_opinion, e.ack_by FROM grading_entries e JOIN judges j ON j.id = e.judge_id
           WHERE e.year = ? AND j.name = ?""",
        (Y, judge),
    ).fetchone()


def _name(admin, login):
    row = admin.conn.execute("SELECT display_name, login FROM users WHERE login = ?", (login,)).fetchone()
    return row[0] or row[1]


def _last(admin):
    return audit.log(admin).sort_values("id").iloc[-1]


def test_a_judge_writes_acknowledges_and_requests_a_review_through_the_server(graded):
    site, admin, logins, pg_server = graded
    me = _name(admin, logins["judge"])
    judge = _as(site, logins["judge"])
    try:
        GS.record_summary(judge, Y, "张三", "  全年审结案件 120 件  ")
    finally:
        judge.conn.close()
    text, by, at, *_ = _entry(admin, "张三")
    assert (text, by) == ("全年审结案件 120 件", me) and at[:2] == "20"
    row = _last(admin)
    assert (row["action"], row["target"], row["user"], row["role"]) == (
        "grade.summary",
        "2025 年度考核：张三",
        me,
        "法官",
    )
    assert json.loads(row["before"]) == {"summary": None, "paper": False}
    assert json.loads(row["after"]) == {"summary": "全年审结案件 120 件", "paper": False}
    assert row["at"] == at  # the server's clock stamps both
    # 人事's confirm and notice are theirs; the notice is written here as the superuser
    with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
        su.execute("UPDATE grading_years SET state = 'notified' WHERE year = %s", (Y,))
        su.execute(
            """UPDATE grading_entries SET final_grade = '称职', notice_version = 1,
                   notice_at = to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS') WHERE year = %s""",
            (Y,),
        )
    judge = _as(site, logins["judge"])
    try:
        with pytest.raises(WorkloadError) as err:  # locked after 确定: the service refuses first
            GS.record_summary(judge, Y, "张三", "补充")
        assert err.value.code == "grade.locked"
        with pytest.raises(WorkloadError) as err:  # and the server itself, with the same coded error
            store.summary_on_server(judge, Y, "张三", "补充")
        judge.conn.rollback()
        assert (
            err.value.code == "grade.locked"
            and str(err.value) == "2025 年度考核已书面通知，等次已锁定；只能通过复核改变"
        )
        GN.acknowledge(judge, Y, "张三", "无异议")
        GN.request_review(judge, Y, "张三", "请求复核")
        with pytest.raises(WorkloadError) as err:
            GN.request_review(judge, Y, "张三", "再次请求")
        assert err.value.code == "grade.review_open"
    finally:
        judge.conn.close()
    *_, ack_at, ack_opinion, ack_by = _entry(admin, "张三")
    assert (ack_opinion, ack_by) == ("无异议", me) and ack_at
    reviews = admin.conn.execute(
        "SELECT request_text, requested_by, previous_grade, decided_at FROM grading_reviews"
    ).fetchall()
    assert [tuple(r) for r in reviews] == [("请求复核", me, "称职", None)]
    trail = audit.log(admin).sort_values("id")
    ack, request = trail.iloc[-2], trail.iloc[-1]
    assert (ack["action"], ack["target"], ack["user"], ack["role"]) == (
        "grade.ack",
        "2025 年度考核结果通知：张三",
        me,
        "法官",
    )
    assert json.loads(ack["after"]) == {"notice_version": 1, "opinion": "无异议", "paper": False}
    assert (request["action"], request["target"], request["user"]) == (
        "grade.review_request",
        "2025 年度考核复核：张三",
        me,
    )
    assert json.loads(request["after"]) == {"grade": "称职", "request": "请求复核"}
    assert audit.verify(admin)[1] is None


def test_a_judge_cannot_write_another_judges_row(graded):
    site, admin, logins, pg_server = graded
    judge = _as(site, logins["judge"])
    count = len(audit.log(admin))
    try:
        with pytest.raises(WorkloadError):  # the service: not the judge's own
            GS.record_summary(judge, Y, "李四", "代写")
        # the function writes only the login's own row, whatever the caller asks
        judge.conn.execute("SELECT workload_grade_summary(2025, '张三自己的')")
        judge.conn.commit()
    finally:
        judge.conn.close()
    assert _entry(admin, "李四")[0] is None and _entry(admin, "张三")[0] == "张三自己的"
    trail = audit.log(admin).sort_values("id")
    assert list(trail["target"].iloc[count:]) == ["2025 年度考核：张三"]  # nothing about 李四
    # a notice 11 days old (the rule set's 10 days passed, by the server's clock): no request,
    # whatever the client's clock says
    with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
        su.execute("UPDATE grading_years SET state = 'notified' WHERE year = %s", (Y,))
        su.execute(
            """UPDATE grading_entries SET final_grade = '称职', notice_version = 1,
                   notice_at = to_char(now() - interval '11 days', 'YYYY-MM-DD"T"HH24:MI:SS')"""
        )
    with psycopg.connect(site.url_of(logins["judge"], PASSWORD), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT workload_grade_request_review(2025, '逾期申请')")
        conn.execute("SELECT workload_grade_acknowledge(2025, '收到')")  # acknowledging stays open
    judge = _as(site, logins["judge"])
    try:
        with pytest.raises(WorkloadError) as err:
            store.request_review_on_server(judge, Y, "张三", "逾期申请")
        judge.conn.rollback()
    finally:
        judge.conn.close()
    deadline = admin.conn.execute(
        "SELECT to_char(CAST(substr(notice_at, 1, 10) AS date) + 10, 'YYYY-MM-DD') FROM grading_entries LIMIT 1"
    ).fetchone()[0]
    assert err.value.code == "grade.review_late"
    assert err.value.arguments["deadline"] == deadline and err.value.arguments["days"] == 10
    assert admin.conn.execute("SELECT COUNT(*) FROM grading_reviews").fetchone()[0] == 0
    with psycopg.connect(site.url_of(logins["judge"], PASSWORD), autocommit=True) as conn:
        for statement in (
            "UPDATE grading_entries SET summary_text = 'x'",
            "UPDATE public.grading_entries SET summary_text = 'x'",
            "INSERT INTO public.grading_reviews (year, judge_id, request_text, requested_at, requested_by,"
            " previous_grade) VALUES (2025, 1, 'x', 'now', 'x', '称职')",
            "SELECT workload_grade_opinion(2025, '李四', 'x')",  # a judge writes no opinion
        ):
            with pytest.raises(psycopg.errors.Error):
                conn.execute(statement)
    assert _entry(admin, "李四")[0] is None and _entry(admin, "张三")[0] == "张三自己的"


def test_a_division_head_writes_the_opinion_of_its_division_only(graded):
    site, admin, logins, _ = graded
    me = _name(admin, logins["head"])
    head = _as(site, logins["head"])
    try:
        GS.record_opinion(head, Y, "王五", "工作扎实")
        count = len(audit.log(admin))
        with pytest.raises(WorkloadError):  # 张三 is of 民一庭, not 刑庭
            GS.record_opinion(head, Y, "张三", "越权")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            head.conn.execute("SELECT workload_grade_opinion(2025, '张三', '越权')")
        head.conn.rollback()
    finally:
        head.conn.close()
    assert _entry(admin, "王五")[3:5] == ("工作扎实", me)
    assert _entry(admin, "张三")[3] is None and len(audit.log(admin)) == count
    row = audit.log(admin).sort_values("id")
    row = row[row["action"] == "grade.opinion"].iloc[-1]
    assert (row["target"], row["user"], row["role"]) == ("2025 年度考核：王五", me, "庭长")
    assert json.loads(row["before"]) == {"opinion": None} and json.loads(row["after"]) == {
        "opinion": "工作扎实"
    }
