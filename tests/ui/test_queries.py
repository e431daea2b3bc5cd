"""Issue 19.14: a judge queries a figure from a case's explanation; 人事 sees it and answers;
question and answer are audited."""

from __future__ import annotations

import pytest

from workload_app.core.problems import WorkloadError
from workload_app.services import accounts, queries
from workload_app.services.demo import DEMO_PASSWORD

pytestmark = pytest.mark.gui


def test_judge_asks_personnel_answers(demo_db, open_window, qtbot):
    w = open_window(demo_db, "faguan")
    view = w.my_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.cases.rowCount() > 0 and w.tasks.idle(), timeout=30_000)
    assert not view.query_button.isEnabled()
    view.case_table.selectRow(0)
    assert view.query_button.isEnabled()
    number = view.cases.row_at(0)["case_number"]
    view.ask("文书页数应为 12 页，这里按 8 页计算")
    assert "疑问已提交人事部门" in w.messages[-1]
    mine = w.view_titled("疑问")
    assert mine.model.rowCount() == 1 and not mine.answer_button.isVisible()
    assert mine.model.row_at(0)["state"] == "待答复"

    accounts.login(demo_db, "renshi", DEMO_PASSWORD)
    with pytest.raises(WorkloadError):
        queries.answer(demo_db, 1, "  ")
    hr = open_window(demo_db)  # bound to 人事 now
    view = hr.view_titled("疑问")
    assert view.answer_button.isVisible()
    row = view.model.row_at(0)
    # issue 30.10: the asker by name (the judge's), not by login
    assert row["case_number"] == number and row["asked_by_name"] == "李晓东"
    view.table.selectRow(0)
    view.answer("已核对卷宗：文书 12 页，已更正并重新导入", correction="文书页数 8 → 12")
    row = view.model.row_at(0)
    assert row["state"] == "已答复" and row["answered_by_name"] == "政治部人事处"
    actions = [r[0] for r in demo_db.conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 3")]
    assert actions[0] == "query.answer" and "query.ask" in actions
    after = demo_db.conn.execute("SELECT after FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert "文书页数 8 → 12" in after


def test_a_judge_cannot_query_someone_elses_case(demo_db):
    from workload_app.services import standard_cases as S

    everyone, _, _ = S.court_results(demo_db, 2025)
    accounts.login(demo_db, "faguan", DEMO_PASSWORD)
    me = accounts.access.current(demo_db).judge
    mine = set(S.results(demo_db, 2025)[0]["case_number"])
    other = next(
        n
        for n, j in zip(everyone["case_number"], everyone["judge"], strict=True)
        if n not in mine and j != me
    )
    with pytest.raises(WorkloadError, match="无权"):
        queries.ask(demo_db, 2025, other, "为什么")


def test_an_unanswered_query_stays_open_beside_an_answered_one(demo_db, open_window, qtbot):
    """Issue 30.1: once one query was answered, the others showed 已答复 and 「更正：nan」 (pandas
    turned the missing answers into NaN, which is true)."""
    accounts.login(demo_db, "faguan", DEMO_PASSWORD)
    from workload_app.services import standard_cases as S

    numbers = list(S.results(demo_db, 2025)[0]["case_number"][:2])
    queries.ask(demo_db, 2025, numbers[0], "第一问")
    queries.ask(demo_db, 2025, numbers[1], "第二问")
    accounts.login(demo_db, "renshi", DEMO_PASSWORD)
    first = next(r for r in queries.listing(demo_db).to_dict("records") if r["case_number"] == numbers[0])
    queries.answer(demo_db, int(first["id"]), "已核对", "")
    hr = open_window(demo_db)
    view = hr.view_titled("疑问")
    view.refresh()
    rows = {view.model.row_at(i)["case_number"]: i for i in range(view.model.rowCount())}
    assert view.model.row_at(rows[numbers[1]])["state"] == "待答复"
    assert view.model.row_at(rows[numbers[0]])["state"] == "已答复"
    assert view.status.text() == "共 2 条疑问，待答复 1 条"
    view.table.selectRow(rows[numbers[1]])
    text = view.detail.toPlainText()
    assert "答复：—" in text and "更正：—" in text and "nan" not in text
    view.table.selectRow(rows[numbers[0]])
    text = view.detail.toPlainText()
    assert "\n答复（政治部人事处，" in text and "）：已核对\n更正：—" in text  # the answerer by name
    shown = [view.model.data(view.model.index(rows[numbers[1]], c)) for c in range(view.model.columnCount())]
    assert "nan" not in shown and "None" not in shown
    # the judge sees the same states in their own list
    judge = open_window(demo_db, "faguan")
    mine = judge.view_titled("疑问")
    mine.refresh()
    states = {mine.model.row_at(i)["case_number"]: mine.model.row_at(i)["state"] for i in range(2)}
    assert states == {numbers[0]: "已答复", numbers[1]: "待答复"}
