"""The year-end grading rule set (考核等次规则), the ``[grading]`` table of a year's parameters.

Which figures count toward the proposal, the thresholds for 优秀 candidates and for 基本称职 /
不称职 proposals, the share of the year in post below which a judge is not graded (不定等次), the
优秀 cap (default 20 % of those graded in an assessment group, an approved raise up to 25 %, rounded
四舍五入 or 进一), the weights of the dimensions the program does not measure (德、能、勤、廉, scored
by the committee when the court uses scores), and the deadlines: 公示 working days, 复核 days,
申诉 days. Defaults follow the 2020 civil-servant assessment rules and the 法官法 (2019); the
court owns every figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workload_app.core.param_values import _check_keys, _number, _strings, _toml_value
from workload_app.core.problems import ParameterError

ROUNDINGS = ("half_up", "up")  # 四舍五入, 进一
ROUNDING_LABELS = {"half_up": "四舍五入", "up": "进一"}
FIGURES = ("completion", "score", "quality", "held")  # 完成率, 得分, 质效指标, 待复核案件
FIGURE_LABELS = {"completion": "完成率", "score": "得分", "quality": "质效指标", "held": "待复核案件"}


@dataclass(frozen=True)
class GradingParams:
    """The year's grading rules (see the module docstring)."""

    figures: tuple[str, ...] = FIGURES
    excellent_completion: float = 1.10  # 优秀候选: completion at least this …
    excellent_score: float = 80.0  # … and score (or the weighted total) at least this …
    excellent_max_out_of_range: int = 2  # … and at most this many 质效 indicators out of range …
    excellent_max_held: int = 5  # … and at most this many cases held for review (待复核)
    basic_below_completion: float = 0.80  # 基本称职 proposed below this completion
    incompetent_below_completion: float = 0.50  # 不称职 proposed below this completion
    min_share_in_post: float = 0.50  # in post less than this share of the year: 不定等次
    cap_share: float = 0.20  # 优秀 at most this share of those graded in a group
    cap_share_max: float = 0.25  # an approved raise goes up to this share
    rounding: str = "half_up"
    dimension_weights: tuple[tuple[str, float], ...] = ()  # e.g. 德 0.1, 能 0.1 …; () = not scored
    publication_days: int = 5  # 公示: working days
    review_days: int = 30  # 复核: a request within this many days of the notice
    appeal_days: int = 15  # 申诉: within this many days of the review decision

    @property
    def work_weight(self) -> float:
        """The weight of the program's score in the total when the committee scores dimensions."""
        return 1.0 - sum(w for _, w in self.dimension_weights)


_KEYS = {
    "figures",
    "excellent_completion",
    "excellent_score",
    "excellent_max_out_of_range",
    "excellent_max_held",
    "basic_below_completion",
    "incompetent_below_completion",
    "min_share_in_post",
    "cap_share",
    "cap_share_max",
    "rounding",
    "dimension_weights",
    "publication_days",
    "review_days",
    "appeal_days",
}


def _share(value: Any, key: str) -> float:
    v = _number(value, key)
    if v > 1:
        raise ParameterError(key, "param.between_0_1")
    return v


def _whole(value: Any, key: str, minimum: int = 0) -> int:
    v = _number(value, key, minimum)
    if not v.is_integer():
        raise ParameterError(key, "param.grading_whole", value=value)
    return int(v)


def _grading(g: Any) -> GradingParams:
    if not isinstance(g, dict):
        raise ParameterError("grading", "param.not_table")
    _check_keys(g, _KEYS, "grading.")
    d = GradingParams()
    figures = _strings(g.get("figures", list(d.figures)), "grading.figures")
    for f in figures:
        if f not in FIGURES:
            raise ParameterError("grading.figures", "param.one_of", choices="/".join(FIGURES), value=f)
    rounding = g.get("rounding", d.rounding)
    if rounding not in ROUNDINGS:
        raise ParameterError("grading.rounding", "param.one_of", choices="/".join(ROUNDINGS), value=rounding)
    cap = _share(g.get("cap_share", d.cap_share), "grading.cap_share")
    cap_max = _share(g.get("cap_share_max", d.cap_share_max), "grading.cap_share_max")
    if cap_max < cap:
        raise ParameterError("grading.cap_share_max", "param.grading_cap_max", cap=cap, cap_max=cap_max)
    basic = _number(
        g.get("basic_below_completion", d.basic_below_completion), "grading.basic_below_completion"
    )
    incompetent = _number(
        g.get("incompetent_below_completion", d.incompetent_below_completion),
        "grading.incompetent_below_completion",
    )
    if incompetent > basic:
        raise ParameterError(
            "grading.incompetent_below_completion", "param.grading_thresholds", low=incompetent, high=basic
        )
    weights = g.get("dimension_weights", {})
    if not isinstance(weights, dict):
        raise ParameterError("grading.dimension_weights", "param.not_table")
    dims = tuple((str(k), _share(v, f"grading.dimension_weights.{k}")) for k, v in weights.items())
    if sum(w for _, w in dims) > 1 + 1e-9:
        raise ParameterError("grading.dimension_weights", "param.between_0_1")
    return GradingParams(
        figures,
        _number(g.get("excellent_completion", d.excellent_completion), "grading.excellent_completion"),
        _number(g.get("excellent_score", d.excellent_score), "grading.excellent_score"),
        _whole(
            g.get("excellent_max_out_of_range", d.excellent_max_out_of_range),
            "grading.excellent_max_out_of_range",
        ),
        _whole(g.get("excellent_max_held", d.excellent_max_held), "grading.excellent_max_held"),
        basic,
        incompetent,
        _share(g.get("min_share_in_post", d.min_share_in_post), "grading.min_share_in_post"),
        cap,
        cap_max,
        rounding,
        dims,
        _whole(g.get("publication_days", d.publication_days), "grading.publication_days", 1),
        _whole(g.get("review_days", d.review_days), "grading.review_days", 1),
        _whole(g.get("appeal_days", d.appeal_days), "grading.appeal_days", 1),
    )


def _grading_toml(g: GradingParams) -> list[str]:
    return [
        "",
        "[grading]",
        f"figures = {_toml_value(list(g.figures))}",
        f"excellent_completion = {g.excellent_completion!r}",
        f"excellent_score = {g.excellent_score!r}",
        f"excellent_max_out_of_range = {g.excellent_max_out_of_range}",
        f"excellent_max_held = {g.excellent_max_held}",
        f"basic_below_completion = {g.basic_below_completion!r}",
        f"incompetent_below_completion = {g.incompetent_below_completion!r}",
        f"min_share_in_post = {g.min_share_in_post!r}",
        f"cap_share = {g.cap_share!r}",
        f"cap_share_max = {g.cap_share_max!r}",
        f'rounding = "{g.rounding}"',
        f"dimension_weights = {_toml_value(dict(g.dimension_weights)) if g.dimension_weights else '{}'}",
        f"publication_days = {g.publication_days}",
        f"review_days = {g.review_days}",
        f"appeal_days = {g.appeal_days}",
    ]
