"""A year's quota plan (年度任务计划) as one typed value, and its stored JSON form.

A plan holds how the common quota of each track was reached (``inputs``, ``derivation``), the
month pattern it split the year by (``pattern``, ``weights``), each judge's quota (``judges``)
and each judge's twelve month targets (``months``, columns m1…m12). It is stored as JSON in
``quota_plans.plan``; ``to_dict`` gives that JSON's object and ``from_dict`` reads it back,
including plans stored before a key existed (``weights`` and ``derivation`` may be absent), plans
whose judges still have ``role`` and ``role_fraction`` (read as ``post`` and ``post_fraction``)
and any key this version does not know (kept as it was, in ``extra``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

# Keys of a judge's record in plans stored before the judge's post (职务) was called ``post``.
_OLD_JUDGE_KEYS = {"role": "post", "role_fraction": "post_fraction"}
_KNOWN = (
    "year",
    "from_month",
    "pattern",
    "weights",
    "inputs",
    "derivation",
    "judges",
    "months",
    "post_months",
)


@dataclass(frozen=True)
class QuotaPlan:
    year: int
    from_month: int  # 1: the year's plan; 2–12: a re-plan from that month
    inputs: dict[str, dict[str, Any]]  # track -> QuotaInputs.as_dict()
    judges: list[dict[str, Any]]  # one record per judge: quota, post, post fraction, share in post …
    months: list[dict[str, Any]]  # one record per judge: judge, m1 … m12
    pattern: str | None = None  # params.quota.month_pattern the months were split by
    weights: dict[str, list[float]] | list[float] | None = None  # track -> 12 month weights
    derivation: dict[str, str] | None = None  # track -> how the common quota was reached, in words
    # track -> post -> 12 month targets of a judge of that post in post all year (absent: stored before)
    post_months: dict[str, dict[str, list[float]]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know

    def common_quota(self, track: str) -> float:
        return float(self.inputs[track]["common_quota"])

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(judge quotas, monthly targets)."""
        return pd.DataFrame(self.judges), pd.DataFrame(self.months)

    def to_dict(self) -> dict[str, Any]:
        """The stored JSON's object: the keys in their stored order; absent optional keys stay absent."""
        out: dict[str, Any] = {"year": self.year, "from_month": self.from_month}
        if self.pattern is not None:
            out["pattern"] = self.pattern
        if self.weights is not None:
            out["weights"] = self.weights
        out["inputs"] = self.inputs
        if self.derivation is not None:
            out["derivation"] = self.derivation
        out["judges"] = self.judges
        out["months"] = self.months
        if self.post_months is not None:
            out["post_months"] = self.post_months
        return {**out, **self.extra}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuotaPlan:
        return cls(
            year=int(data["year"]),
            from_month=int(data["from_month"]),
            inputs=data["inputs"],
            judges=[{_OLD_JUDGE_KEYS.get(k, k): v for k, v in j.items()} for j in data["judges"]],
            months=data["months"],
            pattern=data.get("pattern"),
            weights=data.get("weights"),
            derivation=data.get("derivation"),
            post_months=data.get("post_months"),
            extra={k: v for k, v in data.items() if k not in _KNOWN},
        )
