"""Issue 30.5: 下达年度计划 issued an official plan at once, without confirmation, even on default
parameters nobody saved (重新计算 refuses in the same state). Now it asks, and refuses by the
rule recomputing follows (``parameters.require_params``)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from workload_app.core.problems import WorkloadError
from workload_app.services import quotas as Q
from workload_app.services.standard_cases import compute_year

pytestmark = pytest.mark.gui


def _answer(monkeypatch, button):
    asked: list[tuple[str, str]] = []

    def question(_parent, title, text, *a, **k):
        asked.append((title, text))
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_the_plan_is_issued_only_once_confirmed(window, qtbot, monkeypatch):
    view = window.view_titled("任务")
    versions = len(Q.plan_versions(window.db, 2025))
    view.filings_trial.setValue(20000)
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    view.plan_year()
    qtbot.waitUntil(window.tasks.idle, timeout=10_000)
    assert len(Q.plan_versions(window.db, 2025)) == versions
    title, text = asked[0]
    assert title == "下达年度计划"
    assert text.startswith(
        f"按{window.params_in_use_text()}下达 2025 年度任务计划？\n预收案件：审判 20000，执行 按上年推算"
    )
    assert "参数第 " in text and "下达后即为正式任务" in text

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    view.plan_year()
    qtbot.waitUntil(lambda: len(Q.plan_versions(window.db, 2025)) == versions + 1, timeout=30_000)
    assert len(asked) == 1 and window.messages == []


def test_default_parameters_never_saved_are_refused_before_asking(demo_db, window, qtbot, monkeypatch):
    demo_db.conn.execute(
        "UPDATE cases SET closed_year = 2026 WHERE id IN (SELECT id FROM cases WHERE closed_year = 2025 LIMIT 3)"
    )
    demo_db.conn.commit()
    window._fill_years()
    window.year_box.setCurrentIndex(window.year_box.findData(2026))
    assert window.params_in_use_text() == "2026 年度参数：默认值（尚未保存）"
    view = window.view_titled("任务")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    view.plan_year()
    qtbot.waitUntil(window.tasks.idle, timeout=10_000)
    refusal = "2026 年度还没有参数设置，请管理员先在「参数」页保存并发布本年度参数"
    assert asked == [] and window.messages[-1] == refusal
    assert Q.plan_versions(demo_db, 2026) == []
    # the same rule as recomputing, in the service too (the CLI's `quota plan`)
    for action in (lambda: Q.plan_year(demo_db, 2026), lambda: compute_year(demo_db, 2026)):
        with pytest.raises(WorkloadError) as refused:
            action()
        assert str(refused.value) == refusal
