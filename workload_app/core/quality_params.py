"""The quality and efficiency (质效) part of a year's parameter set: legal time limits (法定审限),
reference ranges of the indicators and optional score deductions; read from and written to the
``[quality]`` table of the parameters' TOML."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workload_app.core.param_values import _check_keys, _number, _strings, _toml_value
from workload_app.core.problems import ParameterError, ParameterProblems


@dataclass(frozen=True)
class TimeLimit:
    """A legal time limit (法定审限): the first entry matching a case's category, instance and
    procedure applies; "*" matches any category or instance, an empty procedure any procedure."""

    category: str
    instance: str
    months: int = 0
    days: int = 0
    procedure: str = ""  # matched as a substring of the case's procedure (简易 matches 简易程序)


# (indicator key, lower bound, upper bound); None: open on that side
DEFAULT_REFERENCE_RANGES: tuple[tuple[str, float | None, float | None], ...] = (
    ("closing_rate", 0.70, None),
    ("closed_to_filed", 0.95, None),
    ("within_limit_rate", 0.95, None),
    ("mean_days", None, 120.0),
    ("long_pending_rate", None, 0.05),
    ("acceptance_rate", 0.85, None),
    ("reversed_remanded_rate", None, 0.03),
    ("enforcement_recovery_rate", 0.30, None),
)
DEFAULT_TIME_LIMITS = (
    TimeLimit("civil", "first", months=2, procedure="小额诉讼"),
    TimeLimit("civil", "first", months=3, procedure="简易"),
    TimeLimit("civil", "first", months=6),
    TimeLimit("civil", "second", months=3),
    TimeLimit("criminal", "first", days=10, procedure="速裁"),
    TimeLimit("criminal", "first", days=20, procedure="简易"),
    TimeLimit("criminal", "first", months=2),
    TimeLimit("criminal", "second", months=2),
    TimeLimit("administrative", "first", months=6),
    TimeLimit("administrative", "second", months=3),
    TimeLimit("enforcement", "*", months=6),
)


@dataclass(frozen=True)
class QualityParams:
    """Quality and efficiency (质效): legal time limits, reference ranges, optional score deductions."""

    time_limits: tuple[TimeLimit, ...] = DEFAULT_TIME_LIMITS
    ranges: tuple[tuple[str, float | None, float | None], ...] = DEFAULT_REFERENCE_RANGES
    judgment_methods: tuple[str, ...] = ("判决", "裁定", "驳回")  # closing methods open to appeal
    deduction_per_reversed: float = 0.0  # score points off per reversed/remanded case; 0 = off
    deduction_cap: float = 0.0  # at most this many points off in all; 0 = no cap
    # an indicator whose denominator is below this is shown but neither flagged nor passed (1 of 2
    # cases is 50 %, which says nothing about a judge); 10 is the smallest count at which one case
    # moves a rate by no more than 10 points
    min_denominator: int = 10
    # indicators whose range is for a whole year and is scaled by months/12 on a part-year period
    # (结案率 counts what is closed so far against all on hand, so it grows through the year)
    scaled_with_period: tuple[str, ...] = ("closing_rate",)

    def range_of(self, key: str) -> tuple[float | None, float | None]:
        for k, low, high in self.ranges:
            if k == key:
                return low, high
        return None, None


QUALITY_KEYS = tuple(k for k, _, _ in DEFAULT_REFERENCE_RANGES)
LIMIT_CATEGORIES = ("*", "criminal", "civil", "administrative", "enforcement", "other")
LIMIT_INSTANCES = ("*", "first", "second", "retrial", "other")


def _quality(q: Any) -> QualityParams:
    if not isinstance(q, dict):
        raise ParameterError("quality", "param.not_table")
    _check_keys(
        q,
        {
            "time_limits",
            "ranges",
            "judgment_methods",
            "deduction_per_reversed",
            "deduction_cap",
            "min_denominator",
            "scaled_with_period",
        },
        "quality.",
    )
    default = QualityParams()
    limits = default.time_limits
    if "time_limits" in q:
        if not isinstance(q["time_limits"], list):
            raise ParameterError("quality.time_limits", "param.table_list")
        found = ParameterProblems()  # each time limit on its own
        limits = tuple(found.attempt(_time_limit, t, i) for i, t in enumerate(q["time_limits"]))
        found.raise_any()
    ranges = dict((k, (lo, hi)) for k, lo, hi in default.ranges)
    given = q.get("ranges", {})
    if not isinstance(given, dict):
        raise ParameterError("quality.ranges", "param.not_table")
    for key, bounds in given.items():
        where = f"quality.ranges.{key}"
        if key not in QUALITY_KEYS:
            raise ParameterError(
                where, "param.unknown_indicator", indicator=key, choices=", ".join(QUALITY_KEYS)
            )
        if not isinstance(bounds, dict):
            raise ParameterError(where, "param.range_table")
        _check_keys(bounds, {"min", "max"}, where + ".")
        low = _number(bounds["min"], where + ".min", None) if "min" in bounds else None
        high = _number(bounds["max"], where + ".max", None) if "max" in bounds else None
        if low is not None and high is not None and low > high:
            raise ParameterError(where, "param.range_order", low=low, high=high)
        ranges[key] = (low, high)
    methods = _strings(q.get("judgment_methods", list(default.judgment_methods)), "quality.judgment_methods")
    least = _number(q.get("min_denominator", default.min_denominator), "quality.min_denominator", 0.0, 1000.0)
    if not least.is_integer():
        raise ParameterError("quality.min_denominator", "param.whole_number", value=least)
    scaled = _strings(
        q.get("scaled_with_period", list(default.scaled_with_period)), "quality.scaled_with_period"
    )
    for key in scaled:
        if key not in QUALITY_KEYS:
            raise ParameterError(
                "quality.scaled_with_period",
                "param.unknown_indicator",
                indicator=key,
                choices=", ".join(QUALITY_KEYS),
            )
    return QualityParams(
        limits,
        tuple((k, lo, hi) for k, (lo, hi) in ranges.items()),
        methods,
        _number(q.get("deduction_per_reversed", 0.0), "quality.deduction_per_reversed"),
        _number(q.get("deduction_cap", 0.0), "quality.deduction_cap"),
        int(least),
        scaled,
    )


def _time_limit(t: Any, i: int) -> TimeLimit:
    where = f"quality.time_limits[{i}]"
    if not isinstance(t, dict):
        raise ParameterError(where, "param.not_table")
    _check_keys(t, {"category", "instance", "procedure", "months", "days"}, where + ".")
    category, instance = t.get("category", "*"), t.get("instance", "*")
    if category not in LIMIT_CATEGORIES:
        raise ParameterError(
            where + ".category", "param.one_of", choices="/".join(LIMIT_CATEGORIES), value=category
        )
    if instance not in LIMIT_INSTANCES:
        raise ParameterError(
            where + ".instance", "param.one_of", choices="/".join(LIMIT_INSTANCES), value=instance
        )
    procedure = t.get("procedure", "")
    if not isinstance(procedure, str):
        raise ParameterError(where + ".procedure", "param.not_text")
    months = _number(t.get("months", 0), where + ".months")
    days = _number(t.get("days", 0), where + ".days")
    if not months.is_integer() or not days.is_integer():
        raise ParameterError(where, "param.whole_months")
    if months + days <= 0:
        raise ParameterError(where, "param.limit_positive")
    return TimeLimit(category, instance, int(months), int(days), procedure)


def _quality_toml(q: QualityParams) -> list[str]:
    ranges = {
        k: {**({"min": lo} if lo is not None else {}), **({"max": hi} if hi is not None else {})}
        for k, lo, hi in q.ranges
    }
    lines = [
        "",
        "[quality]",
        f"judgment_methods = {_toml_value(list(q.judgment_methods))}",
        f"deduction_per_reversed = {q.deduction_per_reversed!r}",
        f"deduction_cap = {q.deduction_cap!r}",
        f"min_denominator = {q.min_denominator}",
        f"scaled_with_period = {_toml_value(list(q.scaled_with_period))}",
        "ranges = { " + ", ".join(f"{k} = {_toml_value(v) if v else '{}'}" for k, v in ranges.items()) + " }",
    ]
    if not q.time_limits:  # none at all, said so: an absent list would read back as the defaults
        lines.append("time_limits = []")
    for t in q.time_limits:
        lines += [
            "",
            "[[quality.time_limits]]",
            f'category = "{t.category}"',
            f'instance = "{t.instance}"',
            f"procedure = {_toml_value(t.procedure)}",
            f"months = {t.months}",
            f"days = {t.days}",
        ]
    return lines
