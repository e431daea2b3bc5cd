"""The import wizard of the English window lists each problem in English (issue 30 point 4:
"import problems and summaries"): the row, the value and the column as the file heads them stay
as written; the problem says what was expected in English."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.importing.conftest import HEADER, write_xlsx
from workload_app.services.imports import import_judges

pytestmark = pytest.mark.gui

ROSTER = [
    ["姓名", "部门", "职务", "类别", "入额日期", "离任日期"],
    ["甲法官", "民事审判第九庭", "审判员", "审判", "2018-01-01", ""],
    ["丙法官", "民事审判第九庭", "审判员", "审判", "2018-01-01", "2024-05-31"],
]


def _row(n, number, judge, closed, pages=120):
    return [
        n, number, "民间借贷纠纷", judge, "民事审判第九庭", dt.date(2024, 3, 5), closed,
        "判决", "普通程序", pages, 8, 6, "", None,
    ]  # fmt: skip


@pytest.fixture
def english(window):
    from PySide6.QtWidgets import QApplication

    from workload_app.ui.application import install_translators

    install_translators(QApplication.instance(), "en")
    yield window
    install_translators(QApplication.instance(), "zh_CN")


def test_the_wizard_lists_problems_in_english(english, qtbot, tmp_path):
    from workload_app.ui.dialogs.import_wizard import ImportWizard

    import_judges(english.db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    path = write_xlsx(
        tmp_path / "一月.xlsx",
        [
            HEADER,
            _row(1, "(2024)渝0199民初1号", "甲法官", dt.date(2024, 6, 1), pages="十二"),
            _row(2, "(2024)渝0199民初3号", "丙法官", dt.date(2024, 6, 3)),  # after 丙 left on 5-31
        ],
    )
    wizard = ImportWizard(english, path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.import_button.isEnabled, timeout=30_000)
    wizard.skip_invalid.setChecked(True)
    wizard.run(dry_run=True)
    qtbot.waitUntil(lambda: english.tasks.idle() and wizard.problems.rowCount() == 2, timeout=60_000)
    frame = wizard.problems.frame()
    problems = [tuple(r) for r in frame.itertuples(index=False)]
    assert [(p[0], p[2], p[3]) for p in problems] == [(2, "卷宗页数", "十二"), (3, "承办人", "丙法官")]
    assert problems[0][4] == "Pages should be a whole number of at least 0, not “十二”"
    assert problems[1][4] == (
        "The closing date 2024-06-03 is after the judge left on 2024-05-31 (check the judge or the closing date)"
    )
    wizard.resize(1200, 700)
    wizard.tabs.setCurrentIndex(2)
    wizard.grab().save(str(tmp_path / "wizard_en.png"))
