"""core.quality sums exactly: a judge's figures are the same numbers (==, bit for bit) whether
computed from their own cases or beside the whole court's, in any order; amounts add up in fen."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import examples
from workload_app.core import quality as qm
from workload_app.core.params import QualityParams

Q = QualityParams()
PERIOD = qm.Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
AWKWARD = (0.1, 0.2, 0.3, 0.07, 0.01, 1.1, 2.675, 1e9 + 0.01, 12345.67, 591976.92, 99999999.99, 21930.28)


def enforcement_case(judge: str, division: str, applied: float | None, recovered: float | None, day: int = 1):
    return {
        "judge": judge,
        "division": division,
        "category": "enforcement",
        "instance": "",
        "procedure": "",
        "closing_method": "执行完毕",
        "filed_on": f"2025-01-{day:02d}",
        "closed_on": "2025-03-01",
        "enforcement_applied": applied,
        "enforcement_recovered": recovered,
    }


def figures_by_judge(cases: pd.DataFrame) -> dict[tuple[str, str], qm.QualityFigures]:
    return {(f.name, f.division): f for f in qm.figures(cases, Q, PERIOD, "judge")}


def test_enforcement_amounts_add_up_to_the_fen():
    # 0.1 + 0.2 in binary floating point is 0.30000000000000004; recovered in fen it is 0.30 元
    cases = pd.DataFrame(
        [enforcement_case("甲", "执行局", 0.3, 0.1), enforcement_case("甲", "执行局", 0.3, 0.2, day=2)]
    )
    (f,) = qm.figures(cases, Q, PERIOD, "judge")
    rate = f.indicator("enforcement_recovery_rate")
    assert (rate.numerator, rate.denominator) == (0.3, 0.6)
    assert rate.value == 0.5
    (court,) = qm.figures(cases, Q, PERIOD, "court")
    assert court.indicator("enforcement_recovery_rate").numerator == 0.3


def test_judge_alone_equals_judge_beside_the_court_regression():
    # what broke: 591976.92 court-wide, 591976.9199999999 from the judge's own 27 cases
    amounts = [21930.28, 0.07, 12345.67, 0.1, 0.2, 1e9 + 0.01, 591976.92, 2.675, 0.3] * 3
    rows = [enforcement_case("乙", "执行局", a * 2, a, day=1 + i % 28) for i, a in enumerate(amounts)]
    rows += [
        enforcement_case(f"丙{k}", "执行局", a * 3, a, day=1 + k % 28) for k, a in enumerate(amounts * 4)
    ]
    court = pd.DataFrame(rows)
    alone = court[court["judge"] == "乙"]
    assert figures_by_judge(court)[("乙", "执行局")] == figures_by_judge(alone)[("乙", "执行局")]
    want = float(sum(Fraction(round(a * 100)) for a in amounts) / 100)
    assert figures_by_judge(alone)[("乙", "执行局")].indicator("enforcement_recovery_rate").numerator == want


amount = st.one_of(
    st.sampled_from(AWKWARD),
    st.integers(0, 10**11).map(lambda fen: fen / 100),
    st.none(),
)
case = st.tuples(
    st.sampled_from(["甲", "乙", "丙", "丁"]),
    st.sampled_from(["执行局", "民一庭"]),
    st.sampled_from(["enforcement", "civil"]),
    amount,
    amount,
    st.integers(1, 28),
    st.one_of(st.none(), st.integers(0, 400)),  # closed that many days after 2025-01-01, or open
    st.one_of(st.none(), st.integers(0, 30)),  # deducted days
)


@pytest.mark.slow  # ~20 s under the ci profile
@settings(max_examples=examples(120), deadline=None)
@given(st.lists(case, min_size=1, max_size=60), st.randoms(use_true_random=False))
def test_any_judges_figures_alone_equal_theirs_beside_the_court(rows, rnd):
    table = pd.DataFrame(
        [
            {
                "judge": j,
                "division": d,
                "category": cat,
                "instance": "first" if cat == "civil" else "",
                "procedure": "普通程序",
                "closing_method": "判决",
                "filed_on": f"2024-12-{day:02d}",
                "closed_on": None
                if closed is None
                else (dt.date(2025, 1, 1) + dt.timedelta(closed)).isoformat(),
                "deducted_days": ded,
                "enforcement_applied": applied,
                "enforcement_recovered": recovered,
            }
            for j, d, cat, applied, recovered, day, closed, ded in rows
        ]
    )
    court = figures_by_judge(table)
    shuffled = table.sample(frac=1, random_state=rnd.randint(0, 2**31))
    for key, fig in court.items():
        alone = table[(table["judge"] == key[0]) & (table["division"] == key[1])]
        assert figures_by_judge(alone)[key] == fig
        assert figures_by_judge(shuffled)[key] == fig
        # the amounts: the exact sum of the whole fen, divided once
        enf = alone[
            (alone["category"] == "enforcement")
            & alone["closed_on"].notna()
            & (alone["closed_on"] <= "2025-12-31")
            & alone["enforcement_applied"].notna()
            & alone["enforcement_recovered"].notna()
        ]
        rate = fig.indicator("enforcement_recovery_rate")
        assert rate.numerator == float(
            sum(Fraction(round(a * 100)) for a in enf["enforcement_recovered"]) / 100
        )
        assert rate.denominator == float(
            sum(Fraction(round(a * 100)) for a in enf["enforcement_applied"]) / 100
        )
    # the divisions and the court: the same exact sums, however grouped
    (whole,) = qm.figures(table, Q, PERIOD, "court")
    (again,) = qm.figures(shuffled, Q, PERIOD, "court")
    assert whole == again
