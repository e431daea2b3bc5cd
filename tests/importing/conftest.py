"""Fixture files built in the tests, shaped like real exports of a court's case-management system."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from tests.conftest import on_both_stores
from workload_app.services.imports import import_judges


def pytest_generate_tests(metafunc):
    """These tests run on both stores, the SQLite file and the court server."""
    on_both_stores(metafunc)


def write_xlsx(path, rows, title=None, sheet="结案案件", extra_sheets=()):
    book = openpyxl.Workbook()
    ws = book.active
    for name, content in extra_sheets:
        other = book.create_sheet(name, 0)
        for r in content:
            other.append(r)
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(3, len(rows[0])))
        ws.append([])
    for r in rows:
        ws.append(r)
    book.save(path)
    return path


def write_csv(path, rows, encoding="utf-8"):
    text = "\r\n".join(",".join("" if c is None else str(c) for c in r) for r in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


ROSTER = [
    ["姓名", "部门", "职务", "类别", "入额日期", "离任日期"],
    ["张三", "民事审判第一庭", "庭长", "审判", "2018-01-01", ""],
    ["李四", "民事审判第一庭", "审判员", "审判", "2019/3/1", ""],
    ["王五", "刑事审判庭", "审判员", "审判", "2020年1月1日", ""],
    ["赵六", "执行局", "审判员", "执行", "2020-01-01", ""],
]


@pytest.fixture
def roster_db(db, tmp_path):
    import_judges(db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    return db


HEADER = [
    "序号",
    "案号",
    "案由",
    "承办人",
    "承办部门",
    "立案日期",
    "结案日期",
    "结案方式",
    "适用程序",
    "卷宗页数",
    "庭审笔录页数",
    "裁判文书页数",
    "合议庭成员",
    "廉政监察员审批",
]


def case_rows():
    return [
        HEADER,
        [
            1,
            "(2024)渝0106民初1234号",
            "民间借贷纠纷",
            "张三",
            "民事审判第一庭",
            dt.date(2024, 3, 5),
            dt.date(2024, 6, 1),
            "判决",
            "普通程序",
            120,
            8,
            6,
            "李四、王五",
            None,
        ],
        [
            2,
            "（2024）渝0106民初1235号",
            "离婚纠纷",
            " 李四 ",
            "民事审判第一庭",
            45356,
            "2024/7/2",
            "调解",
            "小额诉讼",
            "１２",
            "0",
            "3页",
            None,
            None,
        ],
        [
            3,
            "(2024)渝0106刑初12号",
            "盗窃罪",
            "王五",
            "刑事审判庭",
            "2024.3.5",
            "2024年8月1日",
            "判决",
            "简易程序",
            "88.0",
            " 6 ",
            "4",
            "",
            None,
        ],
        [
            4,
            "(2024)渝0106执100号",
            "买卖合同纠纷",
            "赵六",
            "执行局",
            "2024-03-05",
            "2024-09-10",
            "终结本次执行程序",
            "",
            "",
            "",
            "",
            "",
            "是",
        ],
    ]
