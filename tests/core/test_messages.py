"""The message catalogue: every code has a Chinese and an English text, the Chinese text is
what the command line has always printed, and parameter validation reports every problem."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from workload_app.core import messages
from workload_app.core.params import params_from_toml
from workload_app.core.problems import ImportRejected, ParameterError, WorkloadError

HAN = re.compile(r"[\u4e00-\u9fff]")
FILE_COLUMNS = ("原审案号", "结果", "承办人", "案号", "结案日期", "姓名", "部门")
ROOT = Path(__file__).resolve().parents[2] / "workload_app"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(messages.MESSAGES))
def test_every_code_has_a_chinese_and_an_english_text_with_the_same_fields(code):
    zh, en = messages.MESSAGES[code]
    assert zh and en, code
    for column in FILE_COLUMNS:  # the headers a court's file has, named as in the file
        en = en.replace(column, "")
    assert not HAN.search(en), code
    assert _fields(zh) == _fields(en), code


def test_every_action_and_role_has_both_texts():
    for table in (messages.ACTIONS, messages.ROLES):
        for code, (zh, en) in table.items():
            assert HAN.search(zh) and en and not HAN.search(en), code


def _require_phrases() -> list[str]:
    """The action of every ``access.require`` in the services: the ``what`` of the form
    ``require(db, roles, what)``, the code of ``require(db, Action.X)``."""
    from workload_app.core.scope import Action

    found = []
    for path in (ROOT / "services").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "require"
            ):
                if len(node.args) == 3 and isinstance(node.args[2], ast.Constant):
                    found.append(node.args[2].value)
                elif len(node.args) == 2 and isinstance(node.args[1], ast.Attribute):
                    found.append(Action[node.args[1].attr].value)
    return found


def test_every_refusal_in_the_services_names_an_action_with_an_english_text():
    phrases = _require_phrases()
    assert len(phrases) > 20  # the scan found the services' checks
    assert [p for p in phrases if messages.action_code(p) not in messages.ACTIONS] == []


def test_a_refusal_keeps_its_chinese_text_and_renders_in_english():
    from workload_app.services.access import AccessDenied

    exc = AccessDenied(
        "access.denied", role="judge", user="张三", action="import_cases", allowed=("admin", "personnel")
    )
    assert str(exc) == "法官「张三」无权导入案件（需要：管理员、人事）"
    assert exc.render("en") == "Judge “张三” may not import cases (allowed: Administrator, Personnel)"
    assert exc.action == "import_cases" and exc.code == "access.denied"


def test_an_uncoded_message_is_shown_as_written():
    assert str(WorkloadError("随便一句话")) == WorkloadError("随便一句话").render("en") == "随便一句话"


def test_parameter_validation_reports_every_problem_at_once():
    text = """year = 2025
unknown_top = 1
[trial]
bogus = 1
[[trial.rules]]
mode = "sideways"
value = 1
match = { category = "civil" }
[[trial.rules]]
mode = "fixed"
match = { category = "civil" }
[quota]
history_weight = 3
[score]
breakpoints = [[1.0, 60], [0.5, 100]]
"""
    with pytest.raises(ParameterError) as caught:
        params_from_toml(text)
    keys = [p.key for p in caught.value.problems]
    assert keys == ["unknown_top", "trial.bogus", "quota.history_weight", "score.breakpoints"]
    zh = str(caught.value)
    assert zh.startswith("参数有 4 处问题") and "未知的参数键「trial.bogus」" in zh
    assert "参数「quota.history_weight」应在 0 与 1 之间" in zh
    en = caught.value.render("en")
    assert en.startswith("The parameters have 4 problems") and not HAN.search(en)


def test_bad_rules_are_each_reported():
    text = """year = 2025
[[trial.rules]]
mode = "sideways"
value = 1
match = { category = "civil" }
[[trial.rules]]
mode = "fixed"
match = { category = "civil" }
"""
    with pytest.raises(ParameterError) as caught:
        params_from_toml(text)
    assert [p.key for p in caught.value.problems] == [  # every problem of each rule (issue 26)
        "trial.rules[0].mode",
        "trial.rules[0].match.category",
        "trial.rules[1].value",
        "trial.rules[1].match.category",
    ]
    assert "参数「trial.rules[0].mode」应为 fixed 或 factor，而不是「sideways」" in str(caught.value)


def test_a_single_parameter_problem_keeps_its_message_and_key():
    with pytest.raises(ParameterError) as caught:
        params_from_toml("year = 2025\n[quota]\nhistory_weight = 3\n")
    assert caught.value.key == "quota.history_weight"
    assert str(caught.value) == "参数「quota.history_weight」应在 0 与 1 之间（当前为 3）"
    assert caught.value.render("en") == "Parameter “quota.history_weight” should be between 0 and 1 (it is 3)"


def test_an_import_refusal_nests_the_readers_reason_in_either_language():
    inner = ImportRejected("import.file_type", suffix=".doc")
    outer = ImportRejected("import.in_file", file="a.doc", inner=inner)
    assert str(outer) == "a.doc：不支持的文件类型「.doc」：请使用 .xlsx、.xls 或 .csv"
    assert outer.render("en") == "a.doc: Unsupported file type “.doc”: use .xlsx, .xls or .csv"
