"""``workload-app --self-test`` in the development environment: every step passes on the demo
court, and a sheet whose figures differ from the tally fails the run with the reason."""

from __future__ import annotations

import io
import sys

from workload_app import app, self_test


def test_self_test_imports_computes_and_reads_back_the_sheet():
    out = io.StringIO()
    assert self_test.run(out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "self-test: 示范法院：2025 年度 300 件结案（SQLite）"
    assert lines[1].startswith("self-test: 导入 结案案件.xlsx（calamine）：更新 1 件（")
    assert lines[1].endswith("），未变 299 件")
    assert lines[2] == "self-test: 计算 2025 年度标准案件：300 件"
    assert lines[3].startswith("self-test: 考核表 PDF（reportlab，2 个进程）：")
    assert lines[3].endswith("数字与汇总一致")
    assert lines[4].startswith("self-test: 通过（")


def test_one_process_prints_the_same_sheets():
    out = io.StringIO()
    assert self_test.run(out, workers=1) == 0
    assert "self-test: 考核表 PDF（reportlab，1 个进程）：刑事审判庭 8 份；" in out.getvalue()


def test_a_sheet_figure_that_differs_from_the_tally_fails(monkeypatch):
    from workload_app.services import exports

    real = exports.tally_table

    def off_by_one_point(db, year, through_month=12):
        table = real(db, year, through_month)
        return table.assign(completion=table["completion"] + 0.01)

    monkeypatch.setattr(exports, "tally_table", off_by_one_point)
    out = io.StringIO()
    assert self_test.run(out, workers=1) == 1
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("self-test: 失败：考核表 ")
    assert "中没有完成率「" in last


def test_command_line_entry_runs_it_without_a_window(monkeypatch):
    ran = []
    monkeypatch.setattr(self_test, "run", lambda workers: ran.append(workers) or 0)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert app.main(["--self-test"]) == 0
    assert app.main(["--self-test", "--self-test-workers", "1"]) == 0
    assert ran == [2, 1]


def test_say_writes_escapes_where_the_console_has_no_chinese():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp437", write_through=True)
    self_test.say("self-test: 通过", stream)
    assert raw.getvalue().decode("cp437") == "self-test: \\u901a\\u8fc7\n"


def test_say_without_a_console_prints_nothing(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)  # a windowed program started without a console
    self_test.say("self-test: 通过")
