"""The year-end grade's rules on hand-built courts: proposals from the thresholds, the 优秀 cap per
assessment group in both rounding modes and with a raise, ties at the cap's boundary, part-year
judges, the consequences (two years of 基本称职), and the rule set's TOML."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workload_app.core import grading as G
from workload_app.core.grading_params import GradingParams
from workload_app.core.params import default_params, params_from_toml, params_to_toml
from workload_app.core.problems import ParameterError

RULES = GradingParams()  # 优秀: completion ≥ 110 %, score ≥ 80, ≤ 2 out of range, ≤ 5 held


def fig(name, completion, score, group="审判员", share=1.0, out=(), held=0, post="审判员"):
    return G.GradingFigures(name, "民一庭", post, group, share, completion, score, tuple(out), held)


def test_proposals_from_the_thresholds_with_their_sentence():
    court = [
        fig("甲", 1.18, 82.4),  # every 优秀 threshold met
        fig("乙", 1.05, 85.0),  # completion under 110 %
        fig("丙", 1.20, 79.9),  # score under 80
        fig("丁", 0.79, 40.0),  # under 80 %: 基本称职
        fig("戊", 0.49, 20.0),  # under 50 %: 不称职
        fig("己", 0.50, 30.0),  # exactly 50 %: not under it, so 基本称职
        fig("庚", 1.30, 90.0, out=("结收比", "结案率", "平均审理天数")),  # 3 out of range > 2
        fig("辛", 1.30, 90.0, held=6),  # 6 held > 5
    ]
    by = {p.judge: p for p in (G.propose_one(f, RULES) for f in court)}
    assert {j: p.grade for j, p in by.items()} == {
        "甲": "优秀",
        "乙": "称职",
        "丙": "称职",
        "丁": "基本称职",
        "戊": "不称职",
        "己": "基本称职",
        "庚": "称职",
        "辛": "称职",
    }
    assert by["甲"].sentence == "完成率 118%，得分 82.4，质效无超出参考范围项：建议优秀候选"
    assert by["乙"].sentence == "完成率 105%，得分 85.0，质效无超出参考范围项（完成率未达 110%）：建议称职"
    assert by["丁"].sentence == "完成率 79%，得分 40.0，质效无超出参考范围项，低于 80%：建议基本称职"
    assert by["戊"].sentence.endswith("低于 50%：建议不称职")
    assert "质效超出范围：结收比、结案率、平均审理天数" in by["庚"].sentence
    assert by["辛"].sentence.endswith("待复核案件 6 件（待复核案件多于 5 件）：建议称职")


def test_a_part_year_judge_is_not_graded_with_the_reason():
    p = G.propose_one(fig("新", 1.5, 99.0, share=92 / 365), RULES)
    assert p.grade == "不定等次"
    assert p.sentence == "在岗 25.2%，不足全年 50%：不定等次"
    # 1 October to 31 December 2025: 92 of 365 days
    assert G.share_in_post(2025, "2025-10-01", None) == pytest.approx(92 / 365)
    assert G.share_in_post(2025, "2018-01-01", "2025-06-30") == pytest.approx(181 / 365)
    assert G.share_in_post(2024, "2024-07-01", None) == pytest.approx(184 / 366)  # a leap year


@pytest.mark.parametrize(
    ("graded", "share", "rounding", "places"),
    [
        (10, 0.20, "half_up", 2),
        (11, 0.20, "half_up", 2),  # 2.2
        (11, 0.20, "up", 3),  # 2.2 → 3
        (13, 0.20, "half_up", 3),  # 2.6
        (15, 0.20, "up", 3),  # exactly 3: 进一 adds nothing
        (10, 0.25, "half_up", 3),  # a raise: 2.5 rounds half up
        (9, 0.25, "half_up", 2),  # 2.25
        (9, 0.25, "up", 3),
        (4, 0.20, "half_up", 1),  # 0.8
        (2, 0.20, "half_up", 0),  # 0.4: no place
        (2, 0.20, "up", 1),
        (0, 0.20, "up", 0),
    ],
)
def test_cap_places_in_both_rounding_modes_and_with_a_raise(graded, share, rounding, places):
    assert G.cap_places(graded, share, rounding) == places


def test_the_cap_is_per_group_and_groups_do_not_take_each_others_places():
    # 5 审判员, 4 of them candidates; 3 庭领导, 1 candidate; 1 part-year 审判员 not counted
    court = [
        fig("A1", 1.5, 95.0),
        fig("A2", 1.4, 90.0),
        fig("A3", 1.3, 85.0),
        fig("A4", 1.2, 81.0),
        fig("A5", 1.0, 60.0),
        fig("A6", 1.6, 99.0, share=0.3),
        fig("B1", 1.3, 88.0, group="庭领导", post="庭长"),
        fig("B2", 1.0, 60.0, group="庭领导", post="副庭长"),
        fig("B3", 1.0, 60.0, group="庭领导", post="副庭长"),
    ]
    proposals, caps = G.propose(court, RULES)
    by = {p.judge: p for p in proposals}
    assert (caps["审判员"].graded, caps["审判员"].places) == (5, 1)  # 5 × 20 % = 1
    assert (caps["庭领导"].graded, caps["庭领导"].places) == (3, 1)  # 0.6 → 1
    assert [j for j, p in by.items() if p.grade == "优秀"] == ["A1", "B1"]
    assert by["A2"].grade == "称职" and by["A2"].candidate
    assert (
        by["A2"].sentence
        == "完成率 140%，得分 90.0，质效无超出参考范围项，达到优秀条件但超出审判员优秀名额（1 名）：建议称职"
    )
    assert by["A6"].grade == "不定等次"
    # 进一: 5 × 20 % is exactly 1 either way; raised to 25 %: 1.25 → 1 (四舍五入) or 2 (进一)
    raised = replace(RULES, rounding="up")
    proposals, caps = G.propose(court, raised, share=0.25)
    assert caps["审判员"].places == 2 and caps["庭领导"].places == 1  # 0.75 → 1
    assert [p.judge for p in proposals if p.grade == "优秀"] == ["A1", "A2", "B1"]
    proposals, caps = G.propose(court, RULES, share=0.25)
    assert caps["审判员"].places == 1
    assert caps["审判员"].text() == "审判员：参加定等 5 人 × 25%（四舍五入）= 优秀名额 1 名"


def test_ties_at_the_boundary_are_shown_not_broken():
    # 10 graded: 2 places; 甲 clearly first, 乙 and 丙 share the score of the second place
    court = [fig("甲", 1.5, 95.0), fig("乙", 1.3, 88.0), fig("丙", 1.4, 88.0)] + [
        fig(f"员{i}", 1.0, 60.0) for i in range(7)
    ]
    proposals, caps = G.propose(court, RULES)
    by = {p.judge: p for p in proposals}
    assert caps["审判员"].places == 2
    assert not by["甲"].tie and by["甲"].grade == "优秀"
    assert by["乙"].tie and by["丙"].tie
    assert by["乙"].grade == by["丙"].grade == "优秀"  # neither dropped silently: 3 优秀 for 2 places
    assert by["乙"].sentence.endswith("；与丙同分（88.0）并列于审判员优秀名额（2 名）边界，由考评委员会决定")
    assert G.count_excellent(
        {p.judge: p.grade for p in proposals}, {p.judge: p.group for p in proposals}
    ) == {"审判员": 3}
    # a tie inside the cap is no tie for the committee: 3 places, 乙 and 丙 both in
    proposals, _ = G.propose(court + [fig(f"员{i}", 1.0, 60.0) for i in range(7, 12)], RULES)
    assert not any(p.tie for p in proposals)


def test_a_tie_below_the_boundary_is_proposed_competent():
    court = [fig("甲", 1.5, 95.0), fig("乙", 1.3, 88.0), fig("丙", 1.4, 85.0), fig("丁", 1.4, 85.0)] + [
        fig(f"员{i}", 1.0, 60.0) for i in range(6)
    ]
    by = {p.judge: p for p in G.propose(court, RULES)[0]}
    assert [j for j, p in by.items() if p.grade == "优秀"] == ["甲", "乙"]
    assert not by["丙"].tie and by["丙"].grade == by["丁"].grade == "称职"


def test_committee_scores_weigh_in_when_the_court_uses_them():
    rules = replace(RULES, dimension_weights=(("德", 0.1), ("廉", 0.1)))
    f = replace(fig("甲", 1.2, 80.0), dimension_scores=(("德", 90.0), ("廉", 60.0)))
    assert G.total_score(f, rules) == pytest.approx(0.8 * 80 + 9 + 6)  # 79.0
    p = G.propose_one(f, rules)
    assert p.grade == "称职" and "加权总分 79.0" in p.sentence
    assert G.total_score(replace(f, dimension_scores=(("德", 90.0),)), rules) is None


def test_consequences_and_the_two_year_warning():
    assert G.consequences("基本称职", "基本称职") == G.Consequences(True, True, False)
    assert G.consequences("基本称职", "称职") == G.Consequences(False, True, False)
    assert G.consequences("基本称职", None) == G.Consequences(False, True, False)
    assert G.consequences("不称职", None) == G.Consequences(True, True, False)
    assert G.consequences("优秀", "基本称职") == G.Consequences(False, False, True)
    assert G.consequences("称职", "不称职") == G.Consequences(False, False, False)
    assert G.consequences("基本称职", "基本称职").texts() == [
        "退出员额预警",
        "不发放奖励性绩效，本年度不计入晋升年限",
    ]


def test_publication_working_days():
    import datetime as dt

    # Friday 2 January 2026 + 5 working days: Fri, Mon, Tue, Wed, Thu → Thursday 8 January
    assert G.add_working_days(dt.date(2026, 1, 2), 5) == dt.date(2026, 1, 8)
    # from a Saturday, the first working day is Monday
    assert G.add_working_days(dt.date(2026, 1, 3), 1) == dt.date(2026, 1, 5)


def test_the_rule_set_reads_back_and_refuses_nonsense():
    p = default_params(2025)
    changed = replace(
        p, grading=replace(p.grading, cap_share=0.15, rounding="up", dimension_weights=(("德", 0.1),))
    )
    assert params_from_toml(params_to_toml(changed)) == changed
    assert params_from_toml(params_to_toml(p)).grading == GradingParams()
    text = params_to_toml(p).replace('rounding = "half_up"', 'rounding = "down"')
    with pytest.raises(ParameterError) as err:
        params_from_toml(text)
    assert err.value.key == "grading.rounding"
    text = params_to_toml(p).replace("cap_share_max = 0.25", "cap_share_max = 0.1")
    with pytest.raises(ParameterError) as err:
        params_from_toml(text)
    assert err.value.key == "grading.cap_share_max"
    text = params_to_toml(p).replace("publication_days = 5", "publication_days = 2.5")
    with pytest.raises(ParameterError) as err:
        params_from_toml(text)
    assert err.value.key == "grading.publication_days"
