"""Driving the window: each view shows the services' figures, the wizard imports, edits recompute."""

from __future__ import annotations

import pytest

from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.ui.dataframe_model import DataFrameModel

pytestmark = pytest.mark.gui


def test_every_view_shows_and_models_pass_modeltester(window, qtbot, qtmodeltester):
    assert window.year() == 2025 and window.nav.count() == 15  # 名册, 年度考核 added
    for i in range(window.nav.count()):
        window.nav.setCurrentRow(i)
        qtbot.waitUntil(window.tasks.idle, timeout=30_000)  # views read on the worker
        assert window.messages == [], window.messages
    checked = 0
    for view in window.views:
        for name in dir(view):
            model = getattr(view, name, None)
            if isinstance(model, DataFrameModel) and model.rowCount() > 0:
                qtmodeltester.check(model)
                checked += 1
    assert checked >= 9  # every view's main table got its rows
    assert "2025" in window.windowTitle() or "demo" in window.windowTitle()


def test_cases_view_counts_and_filters_and_explains(window, qtbot):
    window.show_view(window.cases_view)
    view = window.cases_view
    qtbot.waitUntil(window.tasks.idle, timeout=30_000)
    merged, _, _ = S.results(window.db, 2025)
    assert view.model.rowCount() == len(merged)
    view.flag.setCurrentIndex(view.flag.findText("待审批"))
    waiting = merged[(merged["flags"] & 2) > 0]
    assert view.model.rowCount() == len(waiting)
    view.table.selectRow(0)
    assert "未经廉政监察员审批" in view.explanation.toPlainText()
    view.flag.setCurrentIndex(0)
    from PySide6.QtCore import Qt

    sc_column = list(view.model.frame().columns).index("sc")
    view.model.sort(sc_column, Qt.SortOrder.DescendingOrder)
    top = view.model.data(view.model.index(0, sc_column))
    assert float(top.replace(",", "")) == pytest.approx(merged["sc"].max(), abs=1e-4)


def test_sorting_keeps_blanks_last_both_ways(qtmodeltester):
    import pandas as pd
    from PySide6.QtCore import Qt

    model = DataFrameModel(pd.DataFrame({"sc": [1.0, float("nan"), 3.0, 2.0]}))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(i, 0)) for i in range(4)] == ["3.00", "2.00", "1.00", ""]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(i, 0)) for i in range(4)] == ["1.00", "2.00", "3.00", ""]
    qtmodeltester.check(model)


def test_edit_weight_previews_on_the_worker_then_saves(window, qtbot):
    params_view = window.view_titled("参数")
    qtbot.waitUntil(lambda: "排名改变" in params_view.status.text(), timeout=20_000)
    assert params_view.preview_model.frame()["change"].abs().max() == 0  # nothing edited yet
    params_view.w_file.setValue(0.20)
    params_view.w_judgment.setValue(0.55)
    params_view.preview()
    qtbot.waitUntil(lambda: params_view.preview_model.frame()["change"].abs().max() > 0, timeout=20_000)
    assert "参数有效" in params_view.status.text()
    preview = params_view.preview_model.frame().set_index("judge")
    from workload_app.services.parameters import publish, save_params

    save_params(window.db, params_view.build(), "测试：调高卷宗权重")
    changes = publish(window.db, 2025, "测试")  # a draft moves nothing until it is published
    window.apply_changes(changes)
    merged, params, _ = S.results(window.db, 2025)
    assert params.trial.w_file == pytest.approx(0.20)
    # What the preview promised is what the saved parameters give, judge by judge.
    tally = S.court_tally(window.db, 2025, window.month()).set_index("judge")
    saved = tally["sc_trial"].where(tally["track"] == "trial", tally["sc_enforcement"])
    assert preview["after"].to_numpy() == pytest.approx(saved.loc[preview.index].to_numpy())
    window.show_view(window.cases_view)
    qtbot.waitUntil(window.tasks.idle, timeout=30_000)
    assert window.cases_view.params.trial.w_file == pytest.approx(0.20)


def test_what_if_ranks_around_the_edited_weights(window, qtbot, qtmodeltester):
    params_view = window.view_titled("参数")
    params_view.tabs.setCurrentIndex(1)
    panel = params_view.what_if
    params_view.w_file.setValue(0.20)
    params_view.w_judgment.setValue(0.55)
    panel.steps.setValue(3)
    panel.run()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=30_000)
    first = panel.scenarios.frame().iloc[0]
    assert [first["file"], first["transcript"], first["judgment"]] == pytest.approx([0.20, 0.25, 0.55])
    assert panel.scenarios.rowCount() == len(panel.result.scenarios) <= 9
    judges = panel.judges.frame()
    assert len(judges) == len(Q.court_assessment(window.db, 2025, window.month()))
    assert ((judges["best"] <= judges["rank"]) & (judges["rank"] <= judges["worst"])).dropna().all()
    assert f"{len(panel.result.scenarios)} 个权重方案" in panel.summary.text()
    qtmodeltester.check(panel.judges)
    qtmodeltester.check(panel.scenarios)
    assert window.messages == []


def test_invalid_weights_shown_inline(window):
    params_view = window.view_titled("参数")
    params_view.w_file.setValue(0.5)
    params_view.preview()
    assert "权重之和应为 1" in params_view.status.text()
    assert params_view.preview_model.rowCount() == 0


def test_plan_quotas_from_view(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    quotas_view = window.view_titled("任务")
    versions = len(Q.plan_versions(window.db, 2025))
    quotas_view.filings_trial.setValue(20000)
    quotas_view.plan_year()
    qtbot.waitUntil(lambda: len(Q.plan_versions(window.db, 2025)) == versions + 1, timeout=20_000)
    qtbot.waitUntil(lambda: f"第 {versions + 1}" in quotas_view.derivation.text(), timeout=20_000)
    plan = Q.current_plan(window.db, 2025)
    assert plan["inputs"]["trial"]["expected_filings"] == 20000


def test_import_through_wizard_changes_counts(window, qtbot, tmp_path):
    from tests.importing.conftest import ROSTER, case_rows, write_xlsx
    from workload_app.services.imports import import_judges
    from workload_app.ui.dialogs.import_wizard import ImportWizard

    import_judges(window.db, write_xlsx(tmp_path / "r.xlsx", ROSTER))
    rows = [[c.replace("渝0106", "渝0107") if isinstance(c, str) else c for c in r] for r in case_rows()]
    path = write_xlsx(tmp_path / "结案.xlsx", rows, title="结案案件")
    before = window.db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    wizard = ImportWizard(window, path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.import_button.isEnabled, timeout=20_000)  # the preview is read on the worker
    assert wizard.sheet.currentText() == "结案案件"
    assert wizard.preview.rowCount() == 4
    wizard.run(dry_run=False)
    qtbot.waitUntil(lambda: "新增 4" in wizard.summary.text(), timeout=20_000)
    after = window.db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    assert after == before + 4
    assert f"案件 {after} 件" in window.status_counts.text()


def test_rule_kind_is_entered_in_words(window):
    from PySide6.QtWidgets import QTableWidgetItem

    params_view = window.view_titled("参数")
    rules = params_view.rules
    assert rules.item(0, 1).text() == "固定值"  # 减刑假释 is a fixed rule in the demo
    rules.setItem(0, 1, QTableWidgetItem("乘数"))
    assert params_view.build().trial.rules[0].mode == "factor"
    rules.setItem(0, 1, QTableWidgetItem("fixed"))  # the TOML key is understood as well
    assert params_view.build().trial.rules[0].mode == "fixed"
    rules.setItem(0, 1, QTableWidgetItem("倍数"))
    params_view.preview()
    assert "第 1 条规则的方式应为「固定值」或「乘数」" in params_view.status.text()


def test_overview_distribution_counts_judges_by_completion(window, qtbot):
    window.view_titled("概览")
    view = window.views[0]
    qtbot.waitUntil(lambda: bool(view.distribution), timeout=30_000)
    a = Q.assessment(window.db, 2025, window.month())
    for track, counts in view.distribution.items():
        c = a.loc[a["track"] == track, "completion"].dropna()
        expected = [
            (c < 0.6).sum(),
            ((c >= 0.6) & (c < 0.8)).sum(),
            ((c >= 0.8) & (c < 1.0)).sum(),
            ((c >= 1.0) & (c < 1.2)).sum(),
            (c >= 1.2).sum(),
        ]
        assert counts.tolist() == expected
        assert sum(expected) > 0
    assert set(view.distribution) == {"trial", "enforcement"}
    bars = view.bands.series()[0].barSets()
    assert [b.label() for b in bars] == ["审判", "执行"]
    assert [bars[0].at(i) for i in range(5)] == view.distribution["trial"].tolist()


def test_dropping_an_export_on_the_window_opens_the_wizard(window, tmp_path, monkeypatch):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    opened = []
    monkeypatch.setattr(window, "import_cases", lambda path=None: opened.append(path))

    def drop(name: str) -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(tmp_path / name))])
        event = QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dropEvent(event)

    drop("结案案件.xlsx")
    drop("说明.pdf")  # not an export: ignored
    drop("EXPORT.CSV")
    assert [p.name for p in opened] == ["结案案件.xlsx", "EXPORT.CSV"]
    assert window.acceptDrops()
