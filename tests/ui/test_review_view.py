"""待复核 in the window: the held list, confirm and correct in the background, the judge's explanation."""

from __future__ import annotations

import pytest

from workload_app.services import review
from workload_app.services import standard_cases as S
from workload_app.storage import audit_trail

pytestmark = pytest.mark.gui


def _shown(qtbot, window):
    view = window.review_view
    window.show_view(view)
    qtbot.waitUntil(window.tasks.idle, timeout=30_000)
    qtbot.waitUntil(lambda: len(view.rows) > 0, timeout=30_000)
    return view


def test_review_view_lists_held_cases_and_confirms_one(qtbot, window, qtmodeltester, tmp_path):
    view = _shown(qtbot, window)
    expected = review.held_cases(window.db)
    assert view.model.rowCount() == len(expected) > 0
    assert sorted(view.rows["case_number"]) == sorted(expected["case_number"])
    qtmodeltester.check(view.model)
    assert not view.confirm_button.isEnabled()  # nothing selected yet
    view.table.selectRow(0)
    assert view.confirm_button.isEnabled() and view.correct_button.isEnabled()
    row = view._current()
    assert row["reason"] in view.detail.toPlainText()
    view.grab().save(str(tmp_path / "review.png"))
    view.run_decision(row["case_number"], "已核对卷宗", None)
    qtbot.waitUntil(lambda: len(view.rows) == len(expected) - 1, timeout=30_000)
    assert row["case_number"] not in set(view.rows["case_number"])
    audit_row = audit_trail.audit_frame(window.db, action="review.confirm").iloc[0]
    assert audit_row["target"] == row["case_number"]


def test_review_view_corrects_in_the_background(qtbot, window):
    view = _shown(qtbot, window)
    row = view.rows.iloc[0].to_dict()
    view.run_decision(
        row["case_number"], "录入错误", {"file_pages": 1, "transcript_pages": 1, "judgment_pages": 1}
    )
    qtbot.waitUntil(lambda: row["case_number"] not in set(view.rows["case_number"]), timeout=30_000)
    merged, params, _ = S.court_results(window.db, int(row["closed_year"]))
    case = merged[merged["case_number"] == row["case_number"]].iloc[0]
    assert (case["file_pages"], case["transcript_pages"], case["judgment_pages"]) == (1, 1, 1)
    assert case["sc"] > 0


def test_decision_dialog_sends_only_changed_counts(qtbot):
    from workload_app.ui.views.review import DecisionDialog

    row = {
        "case_number": "(2025)渝0106民初1号",
        "reason": "卷宗页数 99999，超过同类型（民初）中位数 150 的 5 倍",
        "file_pages": 99999.0,
        "transcript_pages": 5.0,
        "judgment_pages": 3.0,
    }
    dialog = DecisionDialog(row, correcting=True)
    qtbot.addWidget(dialog)
    assert dialog.corrections() == {}
    dialog.spins["file_pages"].setValue(99)
    assert dialog.corrections() == {"file_pages": 99}


def test_judge_sees_why_a_case_is_held(demo_db):
    held = review.held_cases(demo_db, 2025).iloc[0]
    merged, params, _ = S.court_results(demo_db, 2025)
    text = S.explanations(merged, params)[merged["case_number"] == held["case_number"]].iloc[0]
    assert "待复核" in text and held["reason"] in text
