"""Issue 19.1: a saved draft of the parameters moves no official figure until it is published."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.storage import repository as repo

pytestmark = pytest.mark.gui


def _judges_shown(window, qtbot) -> dict[str, float]:
    view = window.view_titled("法官")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and window.tasks.idle(), timeout=30_000)
    frame = view.model.frame()
    return dict(zip(frame["judge"], frame["sc"], strict=True))


def test_saved_draft_does_not_move_the_tally_until_published(window, qtbot, monkeypatch):
    before_tally = S.court_tally(window.db, 2025).set_index("judge")
    shown_before = _judges_shown(window, qtbot)
    assert window.status_params.text() == "参数第 1 版（已发布）"

    params_view = window.view_titled("参数")
    qtbot.waitUntil(lambda: "排名改变" in params_view.status.text(), timeout=20_000)
    params_view.w_file.setValue(0.25)
    params_view.w_judgment.setValue(0.50)
    params_view.preview()
    qtbot.waitUntil(lambda: params_view.preview_model.frame()["change"].abs().max() > 0, timeout=20_000)
    promised = params_view.preview_model.frame().set_index("judge")["after"]

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("试行：调高卷宗权重", True)))
    params_view.buttons["save"].click()
    assert repo.current_param_set(window.db, 2025)["version"] == 2
    assert "第 2 版草稿" in window.messages[-1] and "第 1 版" in window.messages[-1]
    assert window.status_params.text() == "参数第 1 版（已发布）；第 2 版草稿未发布"
    # The editor keeps the draft; every figure keeps the published version.
    window.view_titled("参数")
    assert params_view.w_file.value() == pytest.approx(0.25)
    assert "仍按已发布的第 1 版" in params_view.version_label.text()
    after_tally = S.court_tally(window.db, 2025).set_index("judge")
    assert after_tally["sc_trial"].to_numpy() == pytest.approx(before_tally["sc_trial"].to_numpy())
    assert _judges_shown(window, qtbot) == pytest.approx(shown_before)
    _, used, comp = S.court_results(window.db, 2025)
    assert used.trial.w_file == pytest.approx(0.15) and comp["version"] == 1

    # Publishing asks for a reason, is audited, and from then on the figures are the preview's.
    window.view_titled("参数")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("院务会 2025-03 决定", True)))
    params_view.buttons["publish"].click()
    assert window.status_params.text() == "参数第 2 版（已发布）"
    row = window.db.conn.execute(
        "SELECT after FROM audit_log WHERE action = 'params.publish' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert "院务会 2025-03 决定" in row[0]
    a = Q.court_assessment(window.db, 2025, 12).set_index("judge")
    assert a.loc[promised.index, "sc"].to_numpy() == pytest.approx(promised.to_numpy())
    shown_after = _judges_shown(window, qtbot)
    moved = [j for j in shown_after if shown_after[j] != pytest.approx(shown_before[j])]
    assert moved  # the published weights did move figures


def test_publish_without_reason_is_refused_with_a_message(window, qtbot, monkeypatch):
    params_view = window.view_titled("参数")
    params_view.w_file.setValue(0.25)
    params_view.w_judgment.setValue(0.50)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("草稿", True)))
    params_view.buttons["save"].click()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("  ", True)))
    params_view.buttons["publish"].click()
    assert window.messages[-1] == "发布参数须填写理由。"
    assert not repo.current_param_set(window.db, 2025)["published"]


def test_saving_in_the_editor_keeps_the_sections_it_has_no_fields_for(window, qtbot, monkeypatch):
    """Regression: the editor rebuilt the set from its fields only, so saving put the 质效 ranges
    and the year-end grading rules back to their defaults."""
    from dataclasses import replace

    from workload_app.services.parameters import current_params, draft_params, save_params

    params, _ = current_params(window.db, 2025)
    custom = replace(
        params,
        grading=replace(params.grading, cap_share=0.15, rounding="up"),
        quality=replace(params.quality, deduction_per_reversed=0.5),
    )
    save_params(window.db, custom, "考核规则", publish=True)
    params_view = window.view_titled("参数")
    qtbot.waitUntil(window.tasks.idle, timeout=20_000)
    params_view.w_file.setValue(0.25)
    params_view.w_judgment.setValue(0.50)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("调高卷宗权重", True)))
    params_view.buttons["save"].click()
    saved, row = draft_params(window.db, 2025)
    assert row["version"] == 3 and saved.trial.w_file == pytest.approx(0.25)
    assert (saved.grading.cap_share, saved.grading.rounding) == (0.15, "up")
    assert saved.quality.deduction_per_reversed == 0.5
