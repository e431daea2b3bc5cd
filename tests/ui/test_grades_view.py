"""年度考核 in the window: 人事 proposes, sees the caps as live counts and what is missing, decides,
publishes, confirms and sends the notices; the judge sees only their own page, writes the summary,
acknowledges and asks for a review; the 庭长 writes an opinion. Screenshots are saved to look at."""

from __future__ import annotations

import pytest

from workload_app.services import grade_notices as GN
from workload_app.services import grade_views as V
from workload_app.services import grades as GS

pytestmark = pytest.mark.gui
Y = 2025


def _wait(qtbot, w):
    qtbot.waitUntil(w.tasks.idle, timeout=60_000)


def _open(qtbot, w):
    view = w.view_titled("年度考核")
    _wait(qtbot, w)
    return view


def test_personnel_carries_the_year_from_proposals_to_notices(
    demo_db, open_window, qtbot, qtmodeltester, tmp_path
):
    w = open_window(demo_db, "renshi")
    view = _open(qtbot, w)
    assert "未开始" in view.state.text()
    view.step("propose")
    _wait(qtbot, w)
    qtbot.waitUntil(lambda: view.model.rowCount() == 60, timeout=30_000)
    qtmodeltester.check(view.model)
    assert "等次建议" in view.state.text()
    assert "院领导：优秀 1/1 名（参加定等 4 人 × 20%）" in view.caps.text()
    assert "个人总结未交" in view.missing.text()
    view.grab().save(str(tmp_path / "grades_personnel.png"))
    # the committee's decision on the selected judge; beyond the cap it is refused and said so
    leaders = [e for e in V.overview(demo_db, Y).entries if e.group == "院领导" and e.proposed != "优秀"]
    row = next(i for i in range(view.model.rowCount()) if view.model.row_at(i)["judge"] == leaders[0].judge)
    view.table.selectRow(row)
    assert leaders[0].proposal_text in view.detail.toPlainText()
    view.step("decide", grade="优秀", reason="分管工作突出", meeting="考委会〔2026〕1号")
    _wait(qtbot, w)
    assert any("院领导优秀名额为 1 名" in m for m in w.messages)
    view.step("decide", grade="基本称职", reason="考委会投票", meeting="考委会〔2026〕1号")
    _wait(qtbot, w)
    qtbot.waitUntil(
        lambda: V.overview(demo_db, Y).entry(leaders[0].judge).decided == "基本称职", timeout=30_000
    )
    view.step("publish", path=tmp_path / "公示.pdf")
    _wait(qtbot, w)
    assert (tmp_path / "公示.pdf").exists()
    view.step("confirm")
    _wait(qtbot, w)
    view.step("notices", path=tmp_path / "通知")
    _wait(qtbot, w)
    assert len(list((tmp_path / "通知").glob("*.pdf"))) == 60
    qtbot.waitUntil(lambda: "书面通知" in view.state.text(), timeout=30_000)
    # the review of the selected judge: a changed grade, a new notice
    GN.request_review(demo_db, Y, leaders[0].judge, "请求复核")
    view.refresh()
    _wait(qtbot, w)
    row = next(i for i in range(view.model.rowCount()) if view.model.row_at(i)["judge"] == leaders[0].judge)
    view.table.selectRow(row)
    view.step("review", grade="称职", reason="复核认定", meeting="")
    _wait(qtbot, w)
    assert V.overview(demo_db, Y).entry(leaders[0].judge).notice_version == 2


def test_a_judge_sees_only_their_own_page(demo_db, open_window, qtbot, tmp_path):
    from workload_app.services import access

    GS.open_year(demo_db, Y)
    GS.propose(demo_db, Y)
    GS.publish(demo_db, Y)
    GS.confirm(demo_db, Y)
    GN.issue_notices(demo_db, Y)
    w = open_window(demo_db, "faguan")
    me = access.current(demo_db).judge
    view = _open(qtbot, w)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=30_000)
    assert view.model.row_at(0)["judge"] == me
    assert view.caps.isHidden() and "decide" not in view.buttons and "summary" in view.buttons
    view.step("ack", text="同意")
    _wait(qtbot, w)
    view.step("request", text="完成率未计入借调期间")
    _wait(qtbot, w)
    view.step("notice_pdf", path=tmp_path / "mine")
    _wait(qtbot, w)
    assert [p.name for p in (tmp_path / "mine").glob("*.pdf")] == [f"2025年度考核结果通知_{me}.pdf"]
    qtbot.waitUntil(lambda: "复核申请" in view.detail.toPlainText(), timeout=30_000)
    view.grab().save(str(tmp_path / "grades_judge.png"))
    entry = V.overview(demo_db, Y).entry(me)
    assert entry.ack_opinion == "同意" and len(entry.reviews) == 1


def test_a_division_head_writes_an_opinion(demo_db, open_window, qtbot):
    GS.open_year(demo_db, Y)
    GS.propose(demo_db, Y)
    w = open_window(demo_db, "tingzhang")
    view = _open(qtbot, w)
    qtbot.waitUntil(lambda: view.model.rowCount() > 1, timeout=30_000)
    head = w.user.judge
    row = next(i for i in range(view.model.rowCount()) if view.model.row_at(i)["judge"] != head)
    judge = view.model.row_at(row)["judge"]
    view.table.selectRow(row)
    view.step("opinion", text="办案数量多，同意建议")
    _wait(qtbot, w)
    qtbot.waitUntil(
        lambda: V.overview(demo_db, Y).entry(judge).opinion == "办案数量多，同意建议", timeout=30_000
    )
    assert {view.model.row_at(i)["division"] for i in range(view.model.rowCount())} <= {
        w.user.division,
        *[""],
    } | {e.division for e in V.overview(demo_db, Y).entries if e.judge == head}
