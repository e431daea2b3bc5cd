"""Case transfers between divisions (调剂): which trial divisions will run short of work and
which have more than they can close, projected by the month pattern, matched within a category.
Pure; ``core.assessment`` calls it and re-exports its names."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

import pandas as pd

from workload_app.core.messages import Coded


def _round_half_up(x: float, digits: int = 2) -> float:
    q = 10**digits
    return math.floor(x * q + 0.5 + 1e-9) / q


@dataclass(frozen=True)
class Transfer:
    """A suggested case transfer (调剂) in standard cases between compatible divisions."""

    from_division: str
    to_division: str
    standard_cases: float
    cases: int
    category: str
    assumption: str = ""  # how supply and need were projected, in words


def suggest_transfers(divisions: pd.DataFrame) -> list[Transfer]:
    """Match divisions short of work with divisions that have more than they can close.

    ``divisions`` has division, category, surplus (SC: open + expected inflow − remaining target) and
    sc_per_case. Within each category the largest shortfall is served by the largest surplus first,
    which keeps the number of moves small.
    """
    out: list[Transfer] = []
    for category, part in divisions.groupby("category"):
        give = [[r.division, r.surplus, r.sc_per_case] for r in part.itertuples() if r.surplus > 0.5]
        take = [[r.division, -r.surplus] for r in part.itertuples() if r.surplus < -0.5]
        give.sort(key=lambda g: -g[1])
        take.sort(key=lambda t: -t[1])
        for t in take:
            for g in give:
                if t[1] <= 0.005:
                    break
                if g[1] <= 0.005:
                    continue
                amount = _round_half_up(min(g[1], t[1]), 1)
                if amount <= 0:
                    continue
                g[1] -= amount
                t[1] -= amount
                cases = int(math.ceil(amount / g[2])) if g[2] > 0 else 0
                out.append(Transfer(g[0], t[0], amount, cases, str(category)))
    return out


@dataclass(frozen=True)
class TransferInputs:
    """What transfer supply is projected from, per trial division (loaded by the services)."""

    category: Mapping[str, str]  # the division's most frequent category
    sc_per_case: Mapping[str, float]  # mean SC per closed case, per category
    open_cases: Mapping[str, float]  # cases open at the end of the month, per division
    filed: Mapping[str, float]  # cases filed this year so far, per division


def transfers(
    divisions: pd.DataFrame, supply: TransferInputs, share: float, through_month: int
) -> list[Transfer]:
    """Suggested transfers between trial divisions of one category: supply = (open + filings still
    to come, carried to the year's end by the trial pattern ``share``) × SC per case, against the
    target still to close."""
    rows = []
    for r in divisions[divisions["track"] == "trial"].itertuples():
        cat = supply.category.get(r.division, "civil")
        per_case = float(supply.sc_per_case.get(cat, 1.0))
        inflow = float(supply.filed.get(r.division, 0)) / share * (1 - share) if share > 0 else 0.0
        available = (float(supply.open_cases.get(r.division, 0)) + inflow) * per_case
        remaining = max(0.0, float(r.target) - float(r.sc))
        rows.append(
            {
                "division": r.division,
                "category": cat,
                "surplus": available - remaining,
                "sc_per_case": per_case,
            }
        )
    if not rows:
        return []
    assumed = Coded("transfers.assumption", month=through_month, share=share, rest=1 - share)
    return [replace(t, assumption=assumed) for t in suggest_transfers(pd.DataFrame(rows))]
