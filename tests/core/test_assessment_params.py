"""Role groups and rank publication as a year's parameters: defaults, validation, TOML round trip."""

from __future__ import annotations

import pytest

from workload_app.core.params import default_params, params_from_toml, params_to_toml
from workload_app.core.problems import ParameterError


def test_defaults_follow_the_specification():
    a = default_params(2025).assessment
    assert a.publish_ranks is False  # 不得通报排名: off unless the court turns it on
    assert [(a.group_of(r)) for r in ("院长", "副院长", "审判委员会专职委员", "庭长", "副庭长", "审判员")] == [
        "院领导", "院领导", "院领导", "庭领导", "庭领导", "审判员",
    ]  # fmt: skip


def test_custom_groups_and_publication_round_trip_through_toml():
    text = (
        "year = 2025\n[assessment]\npublish_ranks = true\n"
        'role_groups = { "院长" = ["院长"], "其他院领导" = ["副院长", "审判委员会专职委员"], '
        '"庭领导" = ["庭长", "副庭长"], "审判员" = ["审判员"] }\n'
    )
    p = params_from_toml(text)
    assert p.assessment.publish_ranks is True
    assert p.assessment.group_of("院长") == "院长" and p.assessment.group_of("副院长") == "其他院领导"
    assert params_from_toml(params_to_toml(p)) == p


@pytest.mark.parametrize(
    ("body", "key", "says"),
    [
        ("publish_ranks = 1", "assessment.publish_ranks", "true 或 false"),
        ('role_groups = { "甲" = ["院长", "书记员"] }', "assessment.role_groups.甲", "未知的职务「书记员」"),
        (
            'role_groups = { "甲" = ["院长", "副院长", "审判委员会专职委员", "庭长", "副庭长"], "乙" = ["审判员", "庭长"] }',
            "assessment.role_groups.乙",
            "同时属于",
        ),
        ('role_groups = { "甲" = ["院长"] }', "assessment.role_groups", "副院长"),
        ("colour = 1", "assessment.colour", "未知的参数键"),
    ],
)
def test_bad_groups_are_refused_naming_the_key(body, key, says):
    with pytest.raises(ParameterError) as err:
        params_from_toml(f"year = 2025\n[assessment]\n{body}\n")
    assert err.value.key == key and says in str(err.value)
