"""Issue 30.15, the small ones: 人事's 参数 page says it is read-only; the save reason stands
apart from the version; the explanation says what 169.4/7.3/8.0 are; a search that finds
nothing clears the previous case's explanation; `workload info` prints words, not pandas labels."""

from __future__ import annotations

import dataclasses

import pytest

from workload_app.services import parameters as P

pytestmark = pytest.mark.gui


def test_personnel_reads_the_parameters_page_as_read_only(demo_db, open_window):
    hr = open_window(demo_db, "renshi")
    view = hr.view_titled("参数")
    assert view.read_only.isVisible()
    assert view.read_only.text().startswith("只读：只有管理员可以保存、导入或发布参数。")
    admin = open_window(demo_db, "admin")
    assert not admin.view_titled("参数").read_only.isVisible()


def test_the_save_reason_stands_apart_from_the_version(window):
    params, _ = P.current_params(window.db, 2025)
    trial = dataclasses.replace(params.trial, trim_percent=5.0)
    P.save_params(window.db, dataclasses.replace(params, trial=trial), "截尾 5%")
    view = window.view_titled("参数")
    view.refresh()
    assert "（草稿）　理由：截尾 5%\n" in view.version_label.text()


def test_the_explanation_says_what_the_averages_are_and_a_failed_search_clears_it(window, qtbot):
    view = window.cases_view
    window.show_view(view)
    qtbot.waitUntil(lambda: window.tasks.idle() and view.model.rowCount() > 0, timeout=60_000)
    frame = view.frame
    i = next(
        k
        for k in range(view.model.rowCount())
        if frame.iloc[view.model.source_row(k)]["unit"] == "trial"
        and frame.iloc[view.model.source_row(k)]["rule_name"] in ("", None, "—")
        and frame.iloc[view.model.source_row(k)]["file_pages"]
        == frame.iloc[view.model.source_row(k)]["file_pages"]
    )
    row = frame.iloc[view.model.source_row(i)]
    view.table.selectRow(i)
    text = view.explanation.toPlainText()
    averages = "、".join(f"{row[c]:.1f}" for c in ("avg_file", "avg_transcript", "avg_judgment"))
    ref = view.params.reference_year
    assert f"其中 {averages} 是参照年度 {ref} 年全院基准案件的平均卷宗、庭审笔录、裁判文书页数" in text
    assert "卷宗 " in text and f"/{row['avg_file']:.1f}×" in text
    view.search.setText("没有这样的案件ZZZ")
    assert view.model.rowCount() == 0 and view.explanation.toPlainText() == ""


def test_info_prints_words_not_pandas_labels(demo_file, tmp_path):
    import shutil

    from click.testing import CliRunner

    from workload_app.cli import cli

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    out = CliRunner().invoke(cli, ["--db", str(path), "info"]).output
    lines = out.splitlines()
    header = next(line for line in lines if "年度" in line and "部门" in line)
    words = header.split()
    assert words[:2] == ["年度", "部门"] and words[2:] == [
        c for c in ("刑事", "民事", "行政", "执行", "其他") if c in words
    ]
    assert "category" not in out and "division" not in out and "year" not in out
