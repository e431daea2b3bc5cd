"""Parameters refused outside their sense (issue 26, DOMAIN "Figures that must not move on a typo"):
weights and shares in [0, 1], a fixed rule value at most the cap or 100, breakpoints non-empty and
increasing, fractions in [0, 1]; every problem reported at once, each naming its key."""

from __future__ import annotations

import pytest

from workload_app.core.params import default_params, params_from_dict, params_from_toml, params_to_toml
from workload_app.core.problems import ParameterError


def base() -> dict:
    import tomllib

    return tomllib.loads(params_to_toml(default_params(2025)))


def keys_of(data: dict) -> list[str]:
    with pytest.raises(ParameterError) as err:
        params_from_dict(data)
    return sorted(p.key for p in err.value.problems)


def test_defaults_read_back():
    assert params_from_toml(params_to_toml(default_params(2025))) == default_params(2025)


@pytest.mark.parametrize(
    ("section", "key", "value", "named"),
    [
        ("panel", "member_share", 50, "panel.member_share"),
        ("panel", "member_share", -0.1, "panel.member_share"),
        ("panel", "responsible_share", 1.2, "panel.responsible_share"),
        ("quota", "history_weight", 1.5, "quota.history_weight"),
        ("quota", "closing_rate", 95, "quota.closing_rate"),
    ],
)
def test_a_share_outside_0_1_is_refused_naming_it(section, key, value, named):
    data = base()
    data[section][key] = value
    assert keys_of(data) == [named]


@pytest.mark.parametrize("value", [0.0, 1.0, 0.2])
def test_shares_at_the_edges_are_kept(value):
    data = base()
    data["panel"]["member_share"] = value
    data["quota"]["closing_rate"] = value
    p = params_from_dict(data)
    assert (p.panel.member_share, p.quota.closing_rate) == (value, value)


def test_a_post_fraction_above_1_is_refused():
    data = base()
    data["quota"]["post_fractions"]["庭长"] = 60
    assert keys_of(data) == ["quota.post_fractions.庭长"]


def test_weights_each_in_0_1_and_summing_to_1():
    data = base()
    data["trial"]["weights"] = {"file": 1.5, "transcript": -0.5, "judgment": 0.0}  # sums to 1
    assert keys_of(data) == ["trial.weights.file", "trial.weights.transcript"]


def test_a_fixed_rule_value_at_most_100_without_a_cap_and_at_most_the_cap_with_one():
    data = base()
    rule = {"name": "减刑", "mode": "fixed", "value": 100, "match": {"type_code": ["刑更"]}}
    data["trial"]["rules"] = [rule]
    assert params_from_dict(data).trial.rules[0].value == 100.0  # at the limit: kept
    data["trial"]["rules"] = [dict(rule, value=100.01)]
    assert keys_of(data) == ["trial.rules[0].value"]
    data["trial"]["rules"] = [dict(rule, value=1e300)]
    with pytest.raises(ParameterError) as err:
        params_from_dict(data)
    assert err.value.problems[0].code == "param.above_maximum"
    data["trial"]["cap"] = 5.0
    data["trial"]["rules"] = [dict(rule, value=5.0)]
    assert params_from_dict(data).trial.rules[0].value == 5.0
    data["trial"]["rules"] = [dict(rule, value=6.0)]
    with pytest.raises(ParameterError) as err:
        params_from_dict(data)
    assert (err.value.key, err.value.code) == ("trial.rules[0].value", "param.fixed_above_cap")
    assert "上限" in str(err.value) and "the cap (5)" in err.value.render("en")


def test_breakpoints_empty_or_not_increasing_are_refused():
    data = base()
    data["score"]["breakpoints"] = []
    with pytest.raises(ParameterError) as err:
        params_from_dict(data)
    assert (err.value.key, err.value.code) == ("score.breakpoints", "param.breakpoints_empty")
    data["score"]["breakpoints"] = [[0, 0], [1.5, 60], [1.0, 100]]
    with pytest.raises(ParameterError) as err:
        params_from_dict(data)
    assert err.value.code == "param.breakpoints_order"


def test_every_problem_is_reported_at_once_each_naming_its_key_in_both_languages():
    data = base()
    data["panel"]["member_share"] = 50
    data["panel"]["responsible_share"] = 2
    data["score"]["breakpoints"] = []
    data["trial"]["cap"] = 1e300
    data["quota"]["closing_rate"] = 1.2
    assert keys_of(data) == [
        "panel.member_share",
        "panel.responsible_share",
        "quota.closing_rate",
        "score.breakpoints",
        "trial.cap",
    ]
    with pytest.raises(ParameterError) as err:
        params_from_dict(data)
    zh, en = str(err.value), err.value.render("en")
    assert zh.startswith("参数有 5 处问题") and "「panel.member_share」应在 0 与 1 之间（当前为 50）" in zh
    assert (
        en.startswith("The parameters have 5 problems")
        and "“panel.member_share” should be between 0 and 1 (it is 50)" in en
    )
