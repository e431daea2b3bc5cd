"""A judge's 质效 figures from their own cases alone (``quality.judge_report``, what 我的工作量
reads) are the court-wide report's, bit for bit, with the same long-pending cases."""

from __future__ import annotations

import pytest

from workload_app.services import access, my_workload
from workload_app.services import quality as QS


def _year(db) -> int:
    return db.conn.execute("SELECT MAX(closed_year) FROM cases").fetchone()[0]


@pytest.mark.parametrize("month", [12, 5])
def test_every_judges_own_figures_equal_theirs_in_the_court_report(demo_db, month):
    year = _year(demo_db)
    court = QS.report(demo_db, year, month)
    assert court.court is not None and len(court.judges) > 10  # the court-wide view, every judge
    enforcement = 0
    for name in {f.name for f in court.judges}:
        own = QS.judge_report(demo_db, year, month, name)
        assert own.judges == tuple(f for f in court.judges if f.name == name), name  # == on every float
        assert own.long_pending == court.pending_of(name), name
        assert (own.data_date, own.appeals_date) == (court.data_date, court.appeals_date)
        enforcement += any(f.indicator("enforcement_recovery_rate").denominator > 0 for f in own.judges)
    assert enforcement  # the amounts were compared, not only counts
    assert court.long_pending  # and the long-pending lists were compared, not empty ones


def test_my_workload_shows_the_court_reports_figures(demo_db):
    year = _year(demo_db)
    court = QS.report(demo_db, year, 12)
    some = sorted(court.judges, key=lambda f: -f.closed)[0]
    access.bind(demo_db, access.User(login="j", role=access.JUDGE, judge=some.name, division=some.division))
    shown = my_workload.my_workload(demo_db, year, 12)
    assert shown["quality_figures"] == court.judge(some.name)
    ctx = my_workload.judge_context(demo_db, year, 12, some.name)
    assert ctx.quality.judges == tuple(f for f in court.judges if f.name == some.name)
    assert ctx.quality.pending_of(some.name) == court.pending_of(some.name)
