"""Every refusal of the services is a coded error: its Chinese text is what the command line has
always printed, and the window in English shows the English text (``render("en")``).

Each error is triggered through the service, and both texts are compared whole."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import open_as_operator
from tests.importing.conftest import ROSTER, case_rows, write_csv, write_xlsx
from workload_app.core import messages
from workload_app.core.problems import WorkloadError
from workload_app.services import (
    access,
    accounts,
    approvals,
    court,
    demo,
    maintenance,
    my_workload,
    parameters,
    pending,
    queries,
    review,
    roster,
    sheet_figures,
)
from workload_app.services import imports as imp
from workload_app.services.quality import import_appeals
from workload_app.storage import repository as repo
from workload_app.storage.db import DatabaseTooNew, latest_version

SERVICES = Path(__file__).resolve().parents[2] / "workload_app" / "services"
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def texts(call, *args, **kwargs) -> tuple[str, str]:
    """The Chinese and the English text of the error ``call`` raises."""
    with pytest.raises(WorkloadError) as caught:
        call(*args, **kwargs)
    error = caught.value
    assert error.code in messages.MESSAGES  # a coded error, not a plain message
    return str(error), error.render("en")


# ---------------------------------------------------------------- no Chinese-only refusal can come back


def _chinese_literals(node: ast.AST) -> list[str]:
    """Chinese string literals in ``node``, except words handed to ``Word``/``words`` (translated)."""
    if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
        "Word",
        "words",
    ):
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and IDEOGRAPH.search(node.value):
        return [node.value]
    return [text for child in ast.iter_child_nodes(node) for text in _chinese_literals(child)]


def raises_with_chinese_text(source: str) -> list[int]:
    """Lines of ``source`` that raise an error built from a Chinese string literal."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _chinese_literals(node.exc):
                found.append(node.lineno)
    return found


def test_the_scan_finds_a_chinese_message_raised_in_any_form():
    source = """
def f(x):
    raise WorkloadError("原密码不正确")
def g(x):
    raise WorkloadError(f"没有账户「{x}」")
def h(x):
    raise ParameterError("reason", f"{x} 年度参数已发布") from None
def k(x):
    raise WorkloadError("roster.not_a_date", what=messages.Word("入额日期"), text=x)
def m(x):
    raise WorkloadError("court.name", example="、")
"""
    assert raises_with_chinese_text(source) == [3, 5, 7]


def test_no_service_raises_a_chinese_only_message():
    found = {
        f"{path.name}:{line}"
        for path in sorted(SERVICES.glob("*.py"))
        for line in raises_with_chinese_text(path.read_text(encoding="utf-8"))
    }
    assert found == set()


def test_words_inside_a_message_have_english():
    for zh, en in messages.WORDS.items():
        assert IDEOGRAPH.search(zh) and en and not IDEOGRAPH.search(en), zh


# ---------------------------------------------------------------- accounts


@pytest.fixture
def people(db):
    with repo.transaction(db):
        repo.upsert_judge(
            db, {"name": "张三", "division": "民事审判第一庭", "post": "庭长", "track": "trial"}
        )
        repo.upsert_judge(
            db, {"name": "李四", "division": "民事审判第一庭", "post": "审判员", "track": "trial"}
        )
    accounts.create_user(db, "admin", access.ADMIN, "Admin2025!", must_change=False)
    accounts.create_user(db, "lisi", access.JUDGE, "Start2025", judge="李四")
    access.bind_local_operator(db)
    return db


def test_log_in_refusals_in_both_languages(people):
    assert texts(accounts.login, people, "nobody", "x") == (
        "登录名或密码不正确",
        "Wrong login name or password",
    )
    assert texts(accounts.login, people, "lisi", "wrong", clock=lambda: 1000.0) == (
        "登录名或密码不正确（再错 4 次账户将被锁定）",
        "Wrong login name or password (4 more wrong attempts will lock the account)",
    )
    for _ in range(3):
        texts(accounts.login, people, "lisi", "wrong", clock=lambda: 1000.0)
    assert texts(accounts.login, people, "lisi", "wrong", clock=lambda: 1000.0) == (
        "连续 5 次密码错误，账户「lisi」已锁定 15 分钟",
        "5 wrong passwords in a row: account “lisi” is locked for 15 minutes",
    )
    assert texts(accounts.login, people, "lisi", "Start2025", clock=lambda: 1000.0 + 5 * 60) == (
        "账户「lisi」因多次输错密码已锁定，请 10 分钟后再试或请管理员重置",
        "Account “lisi” is locked after too many wrong passwords; try again in 10 minutes "
        "or ask an administrator to reset it",
    )


def test_password_refusals_in_both_languages(people):
    assert texts(accounts.change_password, people, "a", "b") == (
        "本机操作员没有账户密码；请以账户登录后再修改",
        "The local operator has no account password; log in with an account to change it",
    )
    accounts.login(people, "lisi", "Start2025")
    assert texts(accounts.change_password, people, "wrong", "Better2026") == (
        "原密码不正确",
        "The current password is wrong",
    )
    assert texts(accounts.change_password, people, "Start2025", "Start2025") == (
        "新密码不能与原密码相同",
        "The new password must differ from the current one",
    )
    assert texts(accounts.change_password, people, "Start2025", "a1") == (
        "密码至少 8 位",
        "A password needs at least 8 characters",
    )
    assert texts(accounts.change_password, people, "Start2025", "abcdefgh") == (
        "密码须同时包含字母和数字（或符号）",
        "A password needs both letters and digits (or symbols)",
    )
    access.bind_local_operator(people)
    assert texts(accounts.reset_password, people, "lisi12345", "x") == (
        "没有账户「lisi12345」",
        "There is no account “lisi12345”",
    )
    assert texts(accounts.create_user, people, "wangwu99", access.ADMIN, "WangWu99") == (
        "密码不能与登录名相同",
        "The password may not be the same as the login name",
    )


def test_account_refusals_in_both_languages(people):
    create = accounts.create_user
    assert texts(create, people, "  ", access.ADMIN, "Good2025x") == (
        "登录名不能为空",
        "The login name may not be empty",
    )
    assert texts(create, people, "LISI", access.ADMIN, "Good2025x") == (
        "登录名「LISI」已被使用",
        "The login name “LISI” is already taken",
    )
    assert texts(create, people, "x1", "boss", "Good2025x") == (
        "未知角色「boss」，应为：admin、personnel、division_head、judge",
        "Unknown role “boss”; it should be one of: admin, personnel, division_head, judge",
    )
    assert texts(create, people, "x1", access.JUDGE, "Good2025x", judge="王五") == (
        "名册中没有法官「王五」",
        "There is no judge “王五” in the roster",
    )
    assert texts(create, people, "x1", access.DIVISION_HEAD, "Good2025x", division="海事庭") == (
        "没有部门「海事庭」",
        "There is no division “海事庭”",
    )
    assert texts(create, people, "x1", access.JUDGE, "Good2025x") == (
        "法官账户须关联名册中的一名法官",
        "A judge's account must be linked to a judge in the roster",
    )
    assert texts(create, people, "x1", access.DIVISION_HEAD, "Good2025x") == (
        "庭长账户须关联一个部门",
        "A division head's account must be linked to a division",
    )
    assert texts(accounts.update_user, people, "nobody", active=False) == (
        "没有账户「nobody」",
        "There is no account “nobody”",
    )
    assert texts(accounts.update_user, people, "admin", active=False) == (
        "「admin」是最后一个启用的管理员账户，不能停用或改为其他角色；请先另设一名管理员",
        "“admin” is the last active administrator account: it cannot be disabled or given another role. "
        "Make another account an administrator first",
    )
    accounts.login(people, "admin", "Admin2025!")
    assert texts(accounts.update_user, people, "admin", role=access.PERSONNEL) == (
        "不能停用自己的账户或取消自己的管理员角色",
        "You cannot disable your own account or take away your own administrator role",
    )


# ---------------------------------------------------------------- the court's settings, backups, demo data


def test_court_settings_refusals_in_both_languages(db):
    assert texts(court.set_court_settings, db, name=" ") == (
        "法院名称不能为空，且不超过 60 个字",
        "The court's name may not be empty and may have at most 60 characters",
    )
    assert texts(court.set_court_settings, db, notice_prefix="渝0106法〔") == (
        "发文字号前缀不超过 30 个字，且不含括号（年份与〔〕由程序加上），例如：渝0106法",
        "The notice number prefix may have at most 30 characters and no brackets "
        "(the program adds the year and 〔〕), for example: 渝0106法",
    )
    assert texts(court.set_court_settings, db, notice_start=0) == (
        "起始文号应为 1—99999 的整数，收到 0",
        "The first notice number should be a whole number from 1 to 99999, not 0",
    )
    assert texts(court.set_court_settings, db) == (
        "请至少指定一项：--name、--notice-prefix、--notice-start 或 --notice-numbering",
        "Give at least one of --name, --notice-prefix, --notice-start or --notice-numbering",
    )


def test_backup_refusals_in_both_languages(db, tmp_path):
    taken = tmp_path / "taken.sqlite"
    taken.write_bytes(b"x")
    assert texts(maintenance.backup_now, db, taken) == (
        f"「{taken}」已存在，未覆盖",
        f"“{taken}” already exists; it was not overwritten",
    )
    memory = sqlite_utils.Database(memory=True)  # a database with no file behind it
    access.bind_local_operator(memory)
    assert texts(maintenance.backup_now, memory) == (
        "内存数据库无法备份",
        "An in-memory database cannot be backed up",
    )
    assert texts(maintenance.restore, memory, taken) == (
        "内存数据库无法恢复",
        "An in-memory database cannot be restored",
    )


def test_a_newer_database_is_refused_in_both_languages(tmp_path):
    path = tmp_path / "newer.sqlite"
    db = open_as_operator(path)
    db.conn.execute(
        "INSERT INTO schema_migrations VALUES (?, 'from the future', 'x')", (latest_version() + 1,)
    )
    db.conn.close()
    with pytest.raises(DatabaseTooNew) as caught:
        open_as_operator(path)
    found, supported = latest_version() + 1, latest_version()
    assert str(caught.value) == (
        f"数据库「{path}」由较新版本的程序创建（结构版本 {found}，本程序支持到 {supported}），"
        "为保护数据未作任何改动。请升级程序后再打开。"
    )
    assert caught.value.render("en") == (
        f"The database “{path}” was made by a newer version of the program (schema version {found}; "
        f"this program supports up to {supported}). Nothing was changed, to protect the data. "
        "Upgrade the program and open it again."
    )


# ---------------------------------------------------------------- the roster


def test_roster_refusals_in_both_languages(demo_db):
    add = roster.add_judge
    assert texts(add, demo_db, " ", "刑事审判庭") == (
        "法官姓名不能为空，且不超过 30 个字",
        "The judge's name may not be empty and may have at most 30 characters",
    )
    assert texts(add, demo_db, "王强", "刑事审判庭") == (
        "名册中已有法官「王强」",
        "The roster already has a judge “王强”",
    )
    assert texts(add, demo_db, "新人", "刑事审判庭", in_post_from="2025-13-01") == (
        "入额日期应为日期（如 2025-07-01），收到「2025-13-01」",
        "“In post from” should be a date (such as 2025-07-01), not “2025-13-01”",
    )
    assert texts(add, demo_db, "新人", "刑事审判庭", post="书记员") == (
        "职务「书记员」不在可选范围：院长、副院长、审判委员会专职委员、庭长、副庭长、审判员",
        "The post “书记员” is not one of: President, Vice president, Judicial committee member, "
        "Division head, Deputy division head, Judge",
    )
    assert texts(add, demo_db, "新人", "刑事审判庭", track="civil") == (
        "类别应为 审判 或 执行，收到「civil」",
        "The track should be trial or enforcement, not “civil”",
    )
    assert texts(add, demo_db, "新人", "刑事审判庭", in_post_from="2025-03-01", in_post_to="2025-02-01") == (
        "离任日期 2025-02-01 早于入额日期 2025-03-01",
        "The leaving date 2025-02-01 is before the date in post 2025-03-01",
    )
    assert texts(add, demo_db, "新人", "海事庭") == ("没有部门「海事庭」", "There is no division “海事庭”")
    assert texts(roster.edit_judge, demo_db, "无此人", post="庭长") == (
        "名册中没有法官「无此人」",
        "There is no judge “无此人” in the roster",
    )
    assert texts(roster.edit_judge, demo_db, "王强", in_post_to="2025/7/1") == (
        "离任日期应为日期（如 2025-07-01），收到「2025/7/1」",
        "“Left on” should be a date (such as 2025-07-01), not “2025/7/1”",
    )


def test_move_refusals_in_both_languages(demo_db):
    move = roster.transfer
    assert texts(move, demo_db, "无此人", "刑事审判庭", "2025-07-01") == (
        "名册中没有法官「无此人」",
        "There is no judge “无此人” in the roster",
    )
    assert texts(move, demo_db, "王强", "民事审判第一庭", "七月") == (
        "调动日期应为日期（如 2025-07-01），收到「七月」",
        "“Moved on” should be a date (such as 2025-07-01), not “七月”",
    )
    assert texts(move, demo_db, "王强", "民事审判第一庭", "") == (
        "请填写调动日期（自该日起在新部门）",
        "Give the date of the move (the judge is in the new division from that day on)",
    )
    assert texts(move, demo_db, "王强", "海事庭", "2025-07-01") == (
        "没有部门「海事庭」",
        "There is no division “海事庭”",
    )
    assert texts(move, demo_db, "王强", "刑事审判庭", "2025-07-01") == (
        "「王强」已在「刑事审判庭」",
        "“王强” is already in “刑事审判庭”",
    )
    roster.edit_judge(demo_db, "王强", in_post_from="2020-01-01", in_post_to="2025-09-30")
    assert texts(move, demo_db, "王强", "民事审判第一庭", "2019-12-31") == (
        "调动日期 2019-12-31 应晚于入额日期 2020-01-01（入额时的部门请直接修改名册）",
        "The move date 2019-12-31 should be after the date in post 2020-01-01 "
        "(change the division the judge started in by editing the roster)",
    )
    assert texts(move, demo_db, "王强", "民事审判第一庭", "2025-10-01") == (
        "调动日期 2025-10-01 晚于离任日期 2025-09-30",
        "The move date 2025-10-01 is after the leaving date 2025-09-30",
    )
    move(demo_db, "王强", "民事审判第一庭", "2025-07-01")
    assert texts(move, demo_db, "王强", "刑事审判庭", "2025-06-01") == (
        "「王强」已记录自 2025-07-01 起的调动；新的调动日期须在其后",
        "“王强” already has a move from 2025-07-01 on; a new move must be dated after it",
    )


def test_roster_accounts_refusals_in_both_languages(db, tmp_path):
    with repo.transaction(db):
        repo.upsert_judge(
            db, {"name": "李四", "division": "民事审判第一庭", "post": "审判员", "track": "trial"}
        )
    folder = tmp_path / "no-such-folder"
    assert texts(roster.create_roster_accounts, db, folder / "slips.pdf") == (
        f"账户通知单未能保存：文件夹「{folder}」不存在。请换一个文件夹。未建立任何账户。",
        f"The account slips could not be saved: The folder “{folder}” does not exist. Choose another folder. "
        "No accounts were created.",
    )
    roster.create_roster_accounts(db, tmp_path / "slips.pdf")
    assert texts(roster.create_roster_accounts, db, tmp_path / "again.pdf") == (
        "名册中每位在任法官都已有账户，没有需要建立的账户",
        "Every judge in post already has an account; there are no accounts to create",
    )


# ---------------------------------------------------------------- undoing imports


@pytest.fixture
def roster_once(db, tmp_path):
    imp.import_judges(db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    return db


def test_undo_refusals_in_both_languages(roster_once, tmp_path):
    db = roster_once
    assert texts(imp.undo_import, db, 9) == ("没有第 9 批导入", "There is no import number 9")
    second = imp.import_cases(db, write_xlsx(tmp_path / "cases.xlsx", case_rows()))
    changed = case_rows()
    changed[1][9] = 111  # the same case, other page counts: batch 3 changes batch 2's case
    imp.import_cases(db, write_xlsx(tmp_path / "cases2.xlsx", changed))
    assert texts(imp.undo_import, db, second.batch_id) == (
        f"第 {second.batch_id} 批导入的案件后来又被第 3 批修改，请先撤销那些批次",
        f"Cases from import {second.batch_id} were changed later by import 3; undo those imports first",
    )
    imp.undo_import(db, 3)
    undone_at = repo.batch(db, 3)["undone_at"]
    assert texts(imp.undo_import, db, 3) == (
        f"第 3 批导入已于 {undone_at} 撤销",
        f"Import 3 was already undone on {undone_at}",
    )
    # the four cases of batch 2 are one for each judge of the roster: batch 1 cannot take them away
    assert texts(imp.undo_import, db, 1) == (
        "第 1 批名册新增的法官已被使用，不能删除，名册未改动："
        "张三（案件 1 条）；李四（案件 1 条）；王五（案件 1 条）；赵六（案件 1 条）",
        "Judges added by roster import 1 are in use and cannot be removed; the roster is unchanged: "
        "张三 (cases: 1); 李四 (cases: 1); 王五 (cases: 1); 赵六 (cases: 1)",
    )


def test_roster_undo_refusals_in_both_languages(roster_once, tmp_path):
    db = roster_once
    later = [row[:] for row in ROSTER]
    later[1][2] = "审判员"  # 张三 is no longer 庭长: batch 2 changes batch 1's judge
    imp.import_judges(db, write_xlsx(tmp_path / "名册2.xlsx", later, sheet="名册"))
    assert texts(imp.undo_import, db, 1) == (
        "第 1 批名册中的法官后来又被第 2 批名册修改，请先撤销那些批次",
        "Judges in roster import 1 were changed later by roster import 2; undo those imports first",
    )
    imp.undo_import(db, 2)
    db.conn.execute("DELETE FROM roster_history WHERE batch_id = 1")  # as an older program left it
    assert texts(imp.undo_import, db, 1) == (
        "第 1 批名册导入没有留下导入前的名册（由旧版本程序导入），无法撤销，名册未改动；"
        "如需回到导入前，请从该批之前的备份恢复",
        "Roster import 1 kept no copy of the roster as it was before (an older version of the program "
        "imported it), so it cannot be undone; the roster is unchanged. To go back, restore a backup taken "
        "before that import",
    )


def test_a_division_in_use_stops_a_roster_undo_in_both_languages(roster_once):
    accounts.create_user(roster_once, "head", access.DIVISION_HEAD, "Head2025x", division="执行局")
    assert texts(imp.undo_import, roster_once, 1) == (
        "第 1 批名册新增的部门「执行局」已被使用（账户 1 条），不能删除，名册未改动",
        "Division “执行局” added by roster import 1 is in use (accounts: 1) and cannot be removed; "
        "the roster is unchanged",
    )


# ---------------------------------------------------------------- imports: mappings, page limit, appeals


def test_import_setting_refusals_in_both_languages(db, tmp_path):
    assert texts(imp.set_page_ceiling, db, 99) == (
        "页数上限应为 100–10,000,000 的整数，而不是 99",
        "The page limit should be a whole number from 100 to 10,000,000, not 99",
    )
    assert texts(imp.save_profile, db, "审判系统", {"主审": "presiding"}) == (
        f"表头「主审」要映射到的字段「presiding」不存在（可用：{', '.join(imp.CASE_LABELS)}）",
        f"Header “主审” is mapped to a field “presiding” that does not exist (available: {', '.join(imp.CASE_LABELS)})",
    )
    assert texts(imp._profile, db, "审判系统") == (
        "没有名为「审判系统」的表头映射方案",
        "There is no header mapping named “审判系统”",
    )


def test_appeals_import_refusals_in_both_languages(demo_db, tmp_path):
    bad_type = tmp_path / "二审.doc"
    bad_type.write_bytes(b"x")
    assert texts(import_appeals, demo_db, bad_type) == (
        "二审.doc：不支持的文件类型「.doc」：请使用 .xlsx、.xls 或 .csv",
        "二审.doc: Unsupported file type “.doc”: use .xlsx, .xls or .csv",
    )
    no_header = write_csv(tmp_path / "二审.csv", [["案号", "备注"], ["(2024)渝0106民初1号", "x"]])
    assert texts(import_appeals, demo_db, no_header) == (
        "二审.csv：找不到表头（需要「原审案号」和「结果」两列）",
        "二审.csv: no header row found (it needs the two columns 原审案号 and 结果)",
    )
    rows = [["原审案号", "结果"], ["不是案号", "维持"], ["(2024)渝0106民初1号", ""]]
    assert texts(import_appeals, demo_db, write_csv(tmp_path / "二审2.csv", rows)) == (
        "二审2.csv：2 行有问题，二审结果未导入",
        "二审2.csv: 2 rows have problems; the appeal results were not imported",
    )


# ---------------------------------------------------------------- cases: queries, approvals, reviews, open cases


def test_query_and_approval_refusals_in_both_languages(demo_db):
    assert texts(queries.ask, demo_db, 2025, "(2024)渝0106民初1号", "  ") == (
        "请写明对此案数字的疑问",
        "Write down what you question about this case's figures",
    )
    assert texts(queries.answer, demo_db, 1, " ") == ("答复不能为空", "The answer may not be empty")
    assert texts(queries.answer, demo_db, 77, "已核对") == ("没有第 77 号疑问", "There is no query number 77")
    assert texts(approvals.record_approval, demo_db, "(2024)渝0106民初1号", True, " ") == (
        "请注明审批依据（如审批单号、审批人、日期）",
        "Note what the approval rests on (such as the approval form's number, who approved it and when)",
    )
    assert texts(approvals.record_approval, demo_db, "(2024)渝0106民初99999号", True, "审批单 12") == (
        "没有案号为「(2024)渝0106民初99999号」的案件",
        "There is no case numbered “(2024)渝0106民初99999号”",
    )


def test_page_review_refusals_in_both_languages(demo_db):
    held = review.held_cases(demo_db, 2025)
    number = held["case_number"].iloc[0]
    assert texts(review.confirm, demo_db, number, " ") == (
        "请填写复核理由（如核对卷宗的结果、核对人）",
        "Give the reason for the review (such as what checking the case file showed, and who checked it)",
    )
    assert texts(review.confirm, demo_db, "(2025)渝0106民初99999号", "核对") == (
        "没有案号为「(2025)渝0106民初99999号」的案件",
        "There is no case numbered “(2025)渝0106民初99999号”",
    )
    not_held = repo.case_by_number(demo_db, "(2023)渝0106民初1号")["case_number"]
    assert texts(review.confirm, demo_db, not_held, "核对") == (
        f"案件「{not_held}」不在待复核列表中（页数未被标为异常，或已复核）",
        f"Case “{not_held}” is not waiting for review (its page counts were not flagged as unusual, or it was "
        "reviewed already)",
    )
    assert texts(review.correct, demo_db, number, "核对") == (
        "请给出更正后的页数（卷宗页数、庭审笔录页数或裁判文书页数）",
        "Give the corrected page counts (file pages, transcript pages or judgment pages)",
    )
    assert texts(review.correct, demo_db, number, "核对", file_pages="十") == (
        "卷宗页数应为整数，而不是「十」",
        "“File pages” should be a whole number, not “十”",
    )
    assert texts(review.correct, demo_db, number, "核对", transcript_pages=-2) == (
        "庭审笔录页数应为不小于 0 的整数，而不是「-2」",
        "“Transcript pages” should be a whole number not less than 0, not “-2”",
    )
    ceiling = imp.page_ceiling(demo_db)
    assert texts(review.correct, demo_db, number, "核对", judgment_pages=ceiling + 1) == (
        f"裁判文书页数 {ceiling + 1} 超过上限（本院页数上限 {ceiling:,} 页）",
        f"“Judgment pages” {ceiling + 1} is over the limit (this court's page limit is {ceiling:,} pages)",
    )
    case = repo.case_by_number(demo_db, number)
    assert texts(review.correct, demo_db, number, "核对", file_pages=case["file_pages"]) == (
        "更正后的页数与导入的相同；如页数无误，请用「确认」",
        "The corrected page counts are the same as the imported ones; if the counts are right, use “Confirm”",
    )


def test_open_case_refusals_in_both_languages(demo_db):
    assert texts(pending.pending_cases, demo_db, over_months=-1) == (
        "月数不能为负数",
        "The number of months cannot be negative",
    )
    open_case = "(2025)渝0106民初872号"
    assert texts(pending.record_reason, demo_db, open_case, "出差") == (
        "未结原因应为 鉴定、公告、中止、等待他案、其他 之一，而不是「出差」",
        "The reason a case is still open should be one of Expert appraisal, Public notice, Suspended, "
        "Awaiting another case, Other, not “出差”",
    )
    assert texts(pending.record_reason, demo_db, open_case, "其他", " ") == (
        "选择「其他」时须写明原因",
        "When choosing “Other”, write down the reason",
    )
    assert texts(pending.record_reason, demo_db, "(2025)渝0106民初99999号", "鉴定") == (
        "没有案号为「(2025)渝0106民初99999号」的案件",
        "There is no case numbered “(2025)渝0106民初99999号”",
    )
    assert texts(pending.record_reason, demo_db, "(2023)渝0106民初1号", "鉴定") == (
        "案件「(2023)渝0106民初1号」已于 2024-04-09 结案，无需填写未结原因",
        "Case “(2023)渝0106民初1号” was closed on 2024-04-09; it needs no reason for being open",
    )


# ---------------------------------------------------------------- parameter sets, a judge's own view, sheets, demo


def test_parameter_set_refusals_in_both_languages(demo_db):
    assert texts(parameters.require_params, demo_db, 2031) == (
        "2031 年度还没有参数设置，请管理员先在「参数」页保存并发布本年度参数",
        "There are no parameters for 2031 yet; an administrator should first save and publish this year's "
        "parameters on the Parameters page",
    )
    assert texts(parameters.publish, demo_db, 2031) == (
        "2031 年度没有可发布的参数",
        "There are no parameters for 2031 to publish",
    )
    assert texts(parameters.publish, demo_db, 2025) == (
        "2025 年度参数第 1 版已发布",
        "Version 1 of the 2025 parameters is already published",
    )
    params, _row = parameters.current_params(demo_db, 2025)
    assert texts(parameters.save_params, demo_db, params, " ") == (
        "2025 年度参数已发布，修改须填写理由",
        "The 2025 parameters are published; changing them needs a reason",
    )


def test_own_view_and_sheet_refusals_in_both_languages(demo_db):
    assert texts(my_workload.my_workload, demo_db, 2025, 12) == (
        "当前账户没有关联法官，请在「法官」页中选择一位法官",
        "This account is not linked to a judge; choose a judge on the Judges page",
    )
    assert texts(my_workload.case_explanation, demo_db, 2025, 1) == (
        "当前账户没有关联法官，请在「法官」页中选择一位法官",
        "This account is not linked to a judge; choose a judge on the Judges page",
    )
    assert texts(my_workload.my_workload, demo_db, 2025, 12, judge="无此人") == (
        "没有名为「无此人」的法官",
        "There is no judge named “无此人”",
    )
    assert texts(my_workload.case_explanation, demo_db, 2025, 99_999_999, judge="王强") == (
        "法官「王强」2025 年的案件中没有编号为 99999999 的案件",
        "Judge “王强” has no case with id 99999999 among the 2025 cases",
    )
    assert texts(my_workload.judge_context, demo_db, 2025, 13, "王强") == (
        "统计月份应为 1 到 12 之间的整数，收到 13",
        "The month should be a whole number from 1 to 12, not 13",
    )
    ctx = dataclasses.replace(sheet_figures.build_context(demo_db, 2025, 12), figures=None)
    assert texts(sheet_figures.division_figures, ctx, "刑事审判庭") == (
        "该统计范围没有部门和全院的数字",
        "This scope has no division or court-wide figures",
    )


def test_demo_data_refused_on_a_database_with_cases_in_both_languages(demo_db):
    assert texts(demo.create_demo, demo_db) == (
        "数据库中已有案件，示范数据只能写入空数据库",
        "The database already has cases; demo data can only go into an empty database",
    )
