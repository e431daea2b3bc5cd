"""``core.scope``: who sees which rows and may take which action, by value on a hand-made court."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from workload_app.core import messages
from workload_app.core.scope import ADMIN, DIVISION_HEAD, JUDGE, PERSONNEL, RULES, Action, Scope

CASES = pd.DataFrame(
    {
        "case_number": ["c1", "c2", "c3", "c4", "c5"],
        "judge": ["张三", "李四", "王五", "赵六", "王五"],
        "division": ["民一庭", "民一庭", "刑庭", "刑庭", "刑庭"],
        "panel": [None, "张三、李四", "王五", "王五，张三", ""],
    }
)
PEOPLE = pd.DataFrame(
    {"judge": ["张三", "李四", "王五", "赵六"], "division": ["民一庭", "民一庭", "刑庭", "刑庭"]}
)
DIVISIONS = pd.DataFrame({"division": ["民一庭", "刑庭"]})


def viewer(role, judge=None, division=None):
    return SimpleNamespace(role=role, judge=judge, division=division)


ADMIN_V = viewer(ADMIN)
HR = viewer(PERSONNEL)
HEAD = viewer(DIVISION_HEAD, "张三", "民一庭")  # 庭长 of 民一庭 who also tries cases
HEAD_ONLY = viewer(DIVISION_HEAD, None, "刑庭")  # a 庭长 with no cases of their own
ZHANGSAN = viewer(JUDGE, "张三", "民一庭")
UNLINKED = viewer(JUDGE)


@pytest.mark.parametrize(
    ("who", "cases", "people", "divisions"),
    [
        (ADMIN_V, ["c1", "c2", "c3", "c4", "c5"], ["张三", "李四", "王五", "赵六"], ["民一庭", "刑庭"]),
        (HR, ["c1", "c2", "c3", "c4", "c5"], ["张三", "李四", "王五", "赵六"], ["民一庭", "刑庭"]),
        # their division's c1, c2 and c4 (刑庭) on whose panel 张三 sat
        (HEAD, ["c1", "c2", "c4"], ["张三", "李四"], ["民一庭"]),
        (HEAD_ONLY, ["c3", "c4", "c5"], ["王五", "赵六"], ["刑庭"]),
        # 张三 tried c1, sat on c2 and c4
        (ZHANGSAN, ["c1", "c2", "c4"], ["张三"], []),
        (UNLINKED, [], [], []),
    ],
)
def test_rows_in_scope(who, cases, people, divisions):
    s = Scope.of(who)
    assert list(s.cases(CASES)["case_number"]) == cases
    assert list(s.people(PEOPLE)["judge"]) == people
    assert list(s.divisions(DIVISIONS)["division"]) == divisions


def test_actions_by_role():
    allowed = {
        role: {a for a in Action if Scope(role).allows(a)}
        for role in (ADMIN, PERSONNEL, DIVISION_HEAD, JUDGE)
    }
    assert allowed[JUDGE] == set()
    assert allowed[DIVISION_HEAD] == {
        Action.VIEW_BALANCE, Action.VIEW_TRANSFERS, Action.COMPARE_COURT, Action.SEE_RANKS,
        Action.BROWSE_PEOPLE, Action.PRINT_DIVISIONS, Action.GRADE_OPINION,
    }  # fmt: skip
    assert allowed[ADMIN] == set(Action)
    assert allowed[ADMIN] - allowed[PERSONNEL] == {
        Action.MANAGE_ACCOUNTS, Action.RESET_PASSWORD, Action.VIEW_ACCOUNTS, Action.MANAGE_USERS,
        Action.BACKUP, Action.RESTORE, Action.DEMO, Action.EDIT_PARAMS, Action.PUBLISH_PARAMS,
        Action.PAGE_CAP, Action.AMOUNT_CAP, Action.RECORD_APPROVAL, Action.ADMINISTER,
        Action.PENDING_REASON_ANY, Action.GRADE_OPINION,
    }  # fmt: skip
    assert len(Action) == 44 and set(RULES) == set(Action)


def test_every_action_is_named_in_both_languages():
    """A refusal names the action: each has a Chinese and an English text."""
    missing = [a.value for a in Action if a.value not in messages.ACTIONS]
    assert missing == []
    assert messages.render(
        "access.denied", {"role": JUDGE, "user": "张三", "action": "administer", "allowed": (ADMIN,)}, "en"
    ) == ("Judge “张三” may not administer the program (allowed: Administrator)")


def test_row_dependent_decisions():
    head, judge = Scope.of(HEAD), Scope.of(ZHANGSAN)
    assert (
        head.sees_judge("李四", "民一庭")
        and not head.sees_judge("王五", "刑庭")
        and head.sees_judge("张三", None)
    )
    assert judge.sees_judge("张三", "刑庭") and not judge.sees_judge("李四", "民一庭")
    assert (
        head.sees_division("民一庭") and not head.sees_division("刑庭") and not judge.sees_division("民一庭")
    )
    # the 庭长's opinion: a judge of their division, never themself; 管理员 on anyone; 人事 never
    assert head.may_write_opinion("民一庭", "李四") and not head.may_write_opinion("民一庭", "张三")
    assert not head.may_write_opinion("刑庭", "王五") and not head.may_write_opinion(None, "李四")
    assert Scope.of(ADMIN_V).may_write_opinion(None, "王五") and not Scope.of(HR).may_write_opinion(
        "民一庭", "李四"
    )
    # a pending case's reason: its judge, or 管理员 (not 人事, not the 庭长 of the division)
    assert judge.may_record_pending_reason("张三") and not judge.may_record_pending_reason("李四")
    assert Scope.of(ADMIN_V).may_record_pending_reason("李四") and not Scope.of(HR).may_record_pending_reason(
        "李四"
    )
    assert not head.may_record_pending_reason("李四")
    assert judge.may_write_own_grading("张三") and not judge.may_write_own_grading("李四")
    assert Scope.of(HR).may_write_own_grading("李四")
    assert not judge.sees_ranks(False) and judge.sees_ranks(True) and head.sees_ranks(False)
    assert (judge.default_label(), head.default_label(), Scope.of(HR).default_label()) == (
        "张三",
        "民一庭",
        None,
    )


def test_sheet_choices():
    roster = PEOPLE.rename(columns={"judge": "name"})
    assert Scope.of(HR).sheet_kinds() == ["judge", "division", "court", "notice"]
    assert Scope.of(HEAD).sheet_kinds() == ["judge", "division", "notice"]
    assert Scope.of(ZHANGSAN).sheet_kinds() == ["judge", "notice"]
    assert Scope.of(HEAD).sheet_scopes(roster) == [
        ("division", "民一庭"),
        ("judge", "张三"),
        ("judge", "李四"),
    ]
    assert Scope.of(ZHANGSAN).sheet_scopes(roster) == [("judge", "张三")]
    assert Scope.of(HR).sheet_scopes(roster)[:3] == [
        ("all", None),
        ("division", "民一庭"),
        ("division", "刑庭"),
    ]
    seen = Scope.of(HEAD).people(PEOPLE)
    assert Scope.of(HEAD).sheet_choices("division", ["民一庭", "刑庭"], seen) == [("division", "民一庭")]
    assert Scope.of(HEAD).sheet_choices("judge", ["民一庭"], seen) == [
        ("division", "民一庭"), ("judge", "张三"), ("judge", "李四"),
    ]  # fmt: skip
    assert Scope.of(HR).sheet_choices("division", ["民一庭", "刑庭"], PEOPLE) == [
        ("all", None), ("division", "民一庭"), ("division", "刑庭"),
    ]  # fmt: skip
    assert Scope.of(ZHANGSAN).sheet_choices("judge", [], Scope.of(ZHANGSAN).people(PEOPLE)) == [
        ("judge", "张三")
    ]


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="'clerk'"):
        Scope.of(viewer("clerk"))
