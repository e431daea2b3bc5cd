"""The year-end grading seen and written by a judge and a division head, on the file and on the
court server (there through their own login roles: row-level security applies): a judge reads and
writes only their own line; a 庭长 reads the division's and writes its opinions; neither decides."""

from __future__ import annotations

import pytest

from tests.security.test_scoping import _as_account
from workload_app.core.problems import WorkloadError
from workload_app.services import access
from workload_app.services import grade_notices as GN
from workload_app.services import grade_views as V
from workload_app.services import grades as GS
from workload_app.storage import grading_store

Y = 2025


@pytest.fixture
def graded(demo_db):
    """The demo's 2025 grading opened and proposed by the local operator (管理员) on the file, the
    suite's 管理员 login on the server; the judge's review request needs the notices."""
    GS.open_year(demo_db, Y)
    GS.propose(demo_db, Y)
    return demo_db


def _as_court(db, court, user, fn):
    """``fn(court)`` as the court-wide account: on the file the judge's login shares the handle, so
    the local operator (管理员) acts for the call and the login is bound again after."""
    if db is not court:
        return fn(court)
    access.bind_local_operator(db)
    try:
        return fn(db)
    finally:
        access.bind(db, user)


def _court_view(db, court, user):
    return _as_court(db, court, user, lambda c: V.overview(c, Y))


def _raw_rows(db) -> list[dict]:
    """Every grading row the handle can read, bypassing the services' own filter."""
    return grading_store.entries(db, Y)


def test_a_judge_reads_and_writes_only_their_own(graded, store, request):
    court = graded
    db, me = _as_account(court, store, request, "faguan")
    everyone = _court_view(db, court, me)
    view = V.overview(db, Y)
    assert [e.judge for e in view.entries] == [me.judge]
    assert view.caps == {} and view.missing == ()  # the court's counts are 人事's
    if store == "server":  # the server itself returns no other judge's row
        assert [r["judge"] for r in _raw_rows(db)] == [me.judge]
    other = next(e.judge for e in everyone.entries if e.judge != me.judge)
    GS.record_summary(db, Y, me.judge, "全年审结案件，总结如下……")
    assert _court_view(db, court, me).entry(me.judge).summary == "全年审结案件，总结如下……"
    for step in (
        lambda: GS.record_summary(db, Y, other, "代写"),
        lambda: GS.set_grade(db, Y, me.judge, "优秀", "自评"),
        lambda: GS.propose(db, Y),
        lambda: GS.record_opinion(db, Y, other, "同意"),
        lambda: GS.record_summary(db, Y, me.judge, "", paper=True),
    ):
        with pytest.raises(access.AccessDenied):
            step()
    assert _court_view(db, court, me).entry(other).summary == ""
    with pytest.raises(WorkloadError):
        V.history(db, other)
    # after the notices: the judge acknowledges and asks for a review of their own grade only
    _as_court(db, court, me, lambda c: (GS.publish(c, Y), GS.confirm(c, Y), GN.issue_notices(c, Y)))
    GN.acknowledge(db, Y, me.judge, "不同意")
    GN.request_review(db, Y, me.judge, "完成率未计入借调期间")
    with pytest.raises(access.AccessDenied):
        GN.request_review(db, Y, other, "代为申请")
    with pytest.raises(access.AccessDenied):
        GN.decide_review(db, Y, me.judge, "优秀", "自定")
    mine = V.overview(db, Y).entry(me.judge)
    assert mine.ack_opinion == "不同意" and len(mine.reviews) == 1


def test_a_division_head_reads_the_division_and_writes_its_opinions(graded, store, request):
    court = graded
    db, head = _as_account(court, store, request, "tingzhang")
    everyone = _court_view(db, court, head).entries
    division = {e.judge for e in everyone if e.division == head.division} | {head.judge}
    seen = {e.judge for e in V.overview(db, Y).entries}
    assert seen == division and len(seen) < len(everyone)
    if store == "server":
        assert {r["judge"] for r in _raw_rows(db)} == division
    judge = next(j for j in sorted(division) if j != head.judge)
    GS.record_opinion(db, Y, judge, "办案数量多，质量稳定，同意建议")
    assert _court_view(db, court, head).entry(judge).opinion == "办案数量多，质量稳定，同意建议"
    outsider = next(e.judge for e in everyone if e.judge not in division)
    with pytest.raises((access.AccessDenied, WorkloadError)):
        GS.record_opinion(db, Y, outsider, "同意")
    with pytest.raises(access.AccessDenied):
        GS.record_opinion(db, Y, head.judge, "自评")  # never on themself
    with pytest.raises(access.AccessDenied):
        GS.set_grade(db, Y, judge, "优秀", "庭长决定")
