"""Issue 30.9: 重新计算 says what it did; the import wizard's counts agree with its problem list,
its text points to the checkbox beside it, a check (dry run) writes no report beside the source
file, the preview shows 374 (not 374.0), and a case closed after its judge left or a 刑初 case
under a civil division is flagged (提示) while it still imports."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.importing.conftest import HEADER, write_xlsx
from workload_app.services.imports import import_judges
from workload_app.services.parameters import version_in_use

pytestmark = pytest.mark.gui

ROSTER = [
    ["姓名", "部门", "职务", "类别", "入额日期", "离任日期"],
    ["甲法官", "民事审判第九庭", "审判员", "审判", "2018-01-01", ""],
    ["乙法官", "民事审判第九庭", "审判员", "审判", "2018-01-01", ""],
    ["丙法官", "民事审判第九庭", "审判员", "审判", "2018-01-01", "2024-05-31"],
]


def _row(n, number, judge, closed, pages=120, division="民事审判第九庭"):
    return [
        n, number, "民间借贷纠纷", judge, division, dt.date(2024, 3, 5), closed,
        "判决", "普通程序", pages, 8, 6, "", None,
    ]  # fmt: skip


def _wizard(window, qtbot, path):
    from workload_app.ui.dialogs.import_wizard import ImportWizard

    wizard = ImportWizard(window, path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.import_button.isEnabled, timeout=30_000)
    return wizard


def _problems(wizard) -> list[tuple]:
    frame = wizard.problems.frame()
    return [tuple(r) for r in frame[["行号", "种类", "值"]].itertuples(index=False)]


def test_recompute_says_what_it_did(window, qtbot):
    year = window.year()
    window.recompute()
    qtbot.waitUntil(lambda: window.tasks.idle() and bool(window.messages), timeout=120_000)
    cases = window.db.conn.execute("SELECT COUNT(*) FROM cases WHERE closed_year = ?", (year,)).fetchone()[0]
    version = version_in_use(window.db, year).version
    said = f"{year} 年度：{cases} 件已计算（参数第 {version} 版）"
    # the box adds, below, how many closed cases are credited to nobody and why (issue 26)
    assert len(window.messages) == 1 and window.messages[0].splitlines()[0] == said
    assert window.statusBar().currentMessage() == said


def test_the_wizard_counts_flags_and_writes_nothing_on_a_check(window, qtbot, tmp_path):
    import_judges(window.db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    source = tmp_path / "来源"
    source.mkdir()
    first = write_xlsx(
        source / "一月.xlsx",
        [
            HEADER,
            _row(1, "(2024)渝0199民初1号", "甲法官", dt.date(2024, 6, 1), pages=374),
            _row(2, "(2024)渝0199刑初2号", "乙法官", dt.date(2024, 6, 2)),  # criminal, civil division
            _row(3, "(2024)渝0199民初3号", "丙法官", dt.date(2024, 6, 3)),  # after 丙 left on 5-31
            _row(4, "不是案号", "甲法官", dt.date(2024, 6, 4)),  # refused
        ],
    )
    wizard = _wizard(window, qtbot, first)
    assert wizard.preview.data(wizard.preview.index(0, 9)) == "374"
    wizard.skip_invalid.setChecked(True)
    wizard.run(dry_run=True)
    qtbot.waitUntil(lambda: "校验完成" in wizard.summary.text(), timeout=60_000)
    assert sorted(p.name for p in source.iterdir()) == ["一月.xlsx"]  # no report beside the file
    assert _problems(wizard) == [
        (3, "提示", "民事审判第九庭"),  # rows as numbered in the spreadsheet (header: row 1)
        (4, "提示", "丙法官"),
        (5, "拒绝", "不是案号"),
    ]
    messages = list(wizard.problems.frame()["问题"])
    assert messages[0] == "刑事案件（刑初）登记在民事部门「民事审判第九庭」（请核对部门或案号）"
    assert messages[1] == "结案日期 2024-06-03 晚于承办法官离任日期 2024-05-31（请核对承办法官或结案日期）"
    text = wizard.summary.text()
    assert "共 4 行：新增 3，更新 0，未变 0，拒绝 1" in text
    assert (
        "「问题」中共 3 条：拒绝的 1 行有 1 条问题，已导入给其他法官或部门而本次未改动 0 件，提示 2 条"
        in text
    )
    assert "打开问题报告" not in text and wizard.save_problems.isEnabled()

    wizard.run(dry_run=False)  # warnings do not hold a row back
    qtbot.waitUntil(lambda: "：已导入。" in wizard.summary.text(), timeout=60_000)
    stored = window.db.conn.execute(
        "SELECT COUNT(*) FROM cases WHERE case_number LIKE '(2024)渝0199%'"
    ).fetchone()[0]
    assert stored == 3

    # the same case now for another judge: held, and the text points to the checkbox
    second = write_xlsx(
        source / "二月.xlsx",
        [
            HEADER,
            _row(1, "(2024)渝0199民初1号", "乙法官", dt.date(2024, 6, 1)),
            _row(2, "坏", "甲法官", None),
        ],
    )
    wizard = _wizard(window, qtbot, second)
    wizard.skip_invalid.setChecked(True)
    wizard.run(dry_run=True)
    qtbot.waitUntil(lambda: "校验完成" in wizard.summary.text(), timeout=60_000)
    kinds = [k for _row_no, k, _v in _problems(wizard)]
    assert kinds.count("未改动") == 1 and kinds.count("拒绝") == len(kinds) - 1
    text = wizard.summary.text()
    assert (
        f"「问题」中共 {len(kinds)} 条：拒绝的 1 行有 {len(kinds) - 1} 条问题，已导入给其他法官或部门而本次未改动 1 件"
        in text
    )
    assert "勾选下方「按本文件改派」" in text and "--reassign" not in text
    assert "--reassign" not in " ".join(wizard.problems.frame()["问题"])
    # the import itself keeps its report (linked in the summary); the check wrote none for 二月
    assert sorted(p.name for p in source.iterdir()) == ["一月-问题报告.xlsx", "一月.xlsx", "二月.xlsx"]
