"""Amounts are summed exactly in fen, whatever their size (issue 26): an 18-digit number stored in
an amount column (before the import ceiling existed) no longer wraps around int64, and the
recovery rate is the exact ratio of the two sums."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pandas as pd

from workload_app.core import quality as qm
from workload_app.core.params import QualityParams

from .test_quality_exact_sums import enforcement_case

Q = QualityParams()
PERIOD = qm.Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
ID_NUMBER = 500106198001011234.0  # an 18-digit ID number where an amount belongs


def test_to_fen_of_an_id_number_is_its_own_value_not_wrapped():
    fen = qm.to_fen(pd.Series([ID_NUMBER, 0.1]))
    assert fen.tolist() == [int(ID_NUMBER) * 100, 10]  # int64 would have wrapped to a negative number
    assert qm.to_fen(pd.Series([1e11, 0.07])).dtype.kind == "i"  # ordinary amounts: fast int64


def test_two_huge_amounts_do_not_cancel_and_the_rate_is_the_exact_ratio():
    cases = pd.DataFrame(
        [
            enforcement_case("甲", "执行局", ID_NUMBER, ID_NUMBER),
            enforcement_case("甲", "执行局", ID_NUMBER, 0.0, day=2),
            enforcement_case("甲", "执行局", 100.0, 50.0, day=3),
        ]
    )
    (f,) = qm.figures(cases, Q, PERIOD, "judge")
    rate = f.indicator("enforcement_recovery_rate")
    applied = 2 * int(ID_NUMBER) * 100 + 10000
    recovered = int(ID_NUMBER) * 100 + 5000
    assert rate.value == float(Fraction(recovered, applied))
    assert rate.value < 0.5 + 1e-15 and rate.value != 1.00000000003


def test_many_amounts_at_the_ceiling_sum_exactly_beyond_two_to_the_53():
    # 1,000 cases of 10^11 yuan applied and 10^11 - 0.01 recovered: 10^16 fen, beyond 2^53
    rows = [enforcement_case("乙", "执行局", 1e11, 1e11 - 0.01, day=1 + i % 28) for i in range(1000)]
    (f,) = qm.figures(pd.DataFrame(rows), Q, PERIOD, "court")
    rate = f.indicator("enforcement_recovery_rate")
    assert rate.value == float(Fraction(1000 * (10**13 - 1), 1000 * 10**13))
    assert rate.value < 1.0
