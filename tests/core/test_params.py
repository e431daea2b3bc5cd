"""Parameter sets: TOML round trip and an error naming the key for each kind of mistake."""

from __future__ import annotations

import pytest

from workload_app.core.params import default_params, params_from_toml, params_to_toml
from workload_app.core.problems import ParameterError

EXAMPLE = """
year = 2025
[trial]
weights = { file = 0.15, transcript = 0.25, judgment = 0.60 }
average_year = 2024
pooling = "court"
trim_percent = 0
cap = 0
outlier_factor = 5
[[trial.rules]]
name = "减刑假释"
match = { type_code = ["刑更"] }
mode = "fixed"
value = 0.2
[[trial.rules]]
name = "小额诉讼"
match = { procedure = ["小额诉讼"] }
mode = "factor"
value = 0.8
[enforcement]
credit = { "执行完毕" = 1.0, "终结本次执行程序" = 1.0, "终结执行" = 1.0 }
needs_approval = ["终结本次执行程序", "终结执行"]
[panel]
responsible_share = 1.0
member_share = 0.0
"""


def test_issue_example_reads():
    p = params_from_toml(EXAMPLE)
    assert p.year == 2025 and p.reference_year == 2024
    assert (p.trial.w_file, p.trial.w_transcript, p.trial.w_judgment) == (0.15, 0.25, 0.60)
    assert [r.name for r in p.trial.rules] == ["减刑假释", "小额诉讼"]
    assert p.trial.rules[0].type_code == ("刑更",) and p.trial.rules[1].mode == "factor"
    assert p.enforcement.credit_of("执行完毕") == 1.0 and p.enforcement.credit_of("不予执行") == 0.0


def test_round_trip():
    p = default_params(2025, average_year=2025)
    assert params_from_toml(params_to_toml(p)) == p
    q = params_from_toml(EXAMPLE)
    assert params_from_toml(params_to_toml(q)) == q


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (('pooling = "court"', 'polling = "court"'), "trial.polling"),
        (("judgment = 0.60", "judgment = 0.61"), "trial.weights"),
        (("cap = 0", "cap = -1"), "trial.cap"),
        (('mode = "fixed"', 'mode = "fix"'), "trial.rules[0].mode"),
        (('match = { type_code = ["刑更"] }', 'match = { kind = ["刑更"] }'), "trial.rules[0].match.kind"),
        (('"执行完毕" = 1.0', '"执行完毕" = -1.0'), "enforcement.credit.执行完毕"),
        (("member_share = 0.0", "member_share = 0.0\nbogus = 1"), "panel.bogus"),
        (('pooling = "court"', 'pooling = "division"'), "trial.pooling"),
        (("average_year = 2024", "average_year = 2026"), "trial.average_year"),
    ],
)
def test_errors_name_the_key(change, key):
    old, new = change
    assert old in EXAMPLE
    with pytest.raises(ParameterError) as err:
        params_from_toml(EXAMPLE.replace(old, new, 1))
    assert err.value.key == key
    assert key.split(".")[-1].split("[")[0] in str(err.value)


def test_weights_within_tolerance_accepted():
    text = EXAMPLE.replace("judgment = 0.60", "judgment = 0.6000000000001")
    assert params_from_toml(text).trial.w_judgment == pytest.approx(0.6)
