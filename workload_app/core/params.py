"""A year's parameter set (参数): weights, reference year, rules, enforcement credits, panel shares,
quota and score settings; read from and written to TOML, validated key by key. The quality
(质效) settings are in ``core.quality_params``, the TOML value helpers in ``core.param_values``.

A parameter set is immutable; an edit makes a new value (``dataclasses.replace``).
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from workload_app.core.grading_params import GradingParams, _grading, _grading_toml
from workload_app.core.messages import words
from workload_app.core.param_values import _check_keys, _number, _share, _strings, _toml_key, _toml_value  # noqa: F401
from workload_app.core.problems import ParameterError, ParameterProblems
from workload_app.core.quality_params import (  # noqa: F401 - importable from here as before
    DEFAULT_REFERENCE_RANGES,
    DEFAULT_TIME_LIMITS,
    LIMIT_CATEGORIES,
    LIMIT_INSTANCES,
    QUALITY_KEYS,
    QualityParams,
    TimeLimit,
    _quality,
    _quality_toml,
    _time_limit,
)

RULE_MODES = ("fixed", "factor")
MATCH_FIELDS = ("type_code", "procedure", "closing_method", "cause_contains")
POOLINGS = ("court", "category")
POSTS = ("院长", "副院长", "审判委员会专职委员", "庭长", "副庭长", "审判员")
DEFAULT_POST_FRACTIONS = {
    "院长": 0.10,
    "副院长": 0.35,
    "审判委员会专职委员": 0.35,
    "庭长": 0.60,
    "副庭长": 0.80,
    "审判员": 1.0,
}
MONTH_PATTERNS = ("even", "last_year", "working_days")
# Ranking groups (DOMAIN "Assessment": compared within the same post group): the court leaders
# (院长, 副院长, 专职委员), the division heads (庭长 with 副庭长), the ordinary judges.
DEFAULT_POST_GROUPS = (
    ("院领导", ("院长", "副院长", "审判委员会专职委员")),
    ("庭领导", ("庭长", "副庭长")),
    ("审判员", ("审判员",)),
)


@dataclass(frozen=True)
class Rule:
    """A special-case rule (转换系数): the first rule whose every given condition holds wins."""

    name: str
    mode: str  # "fixed": SC = value; "factor": SC = value x page-based SC
    value: float
    type_code: tuple[str, ...] = ()
    procedure: tuple[str, ...] = ()
    closing_method: tuple[str, ...] = ()
    cause_contains: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrialParams:
    w_file: float = 0.15
    w_transcript: float = 0.25
    w_judgment: float = 0.60
    average_year: int | None = None  # None: year - 1
    pooling: str = "court"
    trim_percent: float = 0.0
    cap: float = 0.0
    outlier_factor: float = 5.0
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class EnforcementParams:
    credit: tuple[tuple[str, float], ...] = (("执行完毕", 1.0), ("终结本次执行程序", 1.0), ("终结执行", 1.0))
    needs_approval: tuple[str, ...] = ("终结本次执行程序", "终结执行")

    def credit_of(self, closing_method: str) -> float:
        return dict(self.credit).get(closing_method, 0.0)


@dataclass(frozen=True)
class PanelParams:
    responsible_share: float = 1.0
    member_share: float = 0.0


@dataclass(frozen=True)
class QuotaParams:
    """How the common quota is derived (年度基本结案任务)."""

    post_fractions: tuple[tuple[str, float], ...] = tuple(DEFAULT_POST_FRACTIONS.items())
    closing_rate: float = 0.95  # target closures = rate x (carry-over + expected filings)
    filing_growth: float = 0.0  # expected filings = last year's filings x (1 + growth), unless entered
    history_weight: float = 0.5  # quota = w x history-based + (1 - w) x target-based
    month_pattern: str = "last_year"

    def fraction_of(self, post: str) -> float:
        return dict(self.post_fractions).get(post, 1.0)


@dataclass(frozen=True)
class ScoreParams:
    """Score breakpoints as (multiple of quota, points); linear between, flat beyond the last."""

    breakpoints: tuple[tuple[float, float], ...] = ((0.0, 0.0), (1.0, 60.0), (1.5, 100.0))


@dataclass(frozen=True)
class AssessmentParams:
    """How judges are compared and what is published (考核): post groups for ranking, and whether
    ranks are printed on sheets and shown to judges (off by default: 不得通报排名)."""

    post_groups: tuple[tuple[str, tuple[str, ...]], ...] = DEFAULT_POST_GROUPS
    publish_ranks: bool = False
    # below this many months in post in the period (the whole period when shorter), a judge is
    # shown but not ranked, and takes no place in others' ranks
    min_months_in_post: float = 3.0

    def group_of(self, post: str) -> str:
        for name, posts in self.post_groups:
            if post in posts:
                return name
        return post  # a post no group names is compared with itself only


@dataclass(frozen=True)
class Params:
    year: int
    trial: TrialParams = field(default_factory=TrialParams)
    enforcement: EnforcementParams = field(default_factory=EnforcementParams)
    panel: PanelParams = field(default_factory=PanelParams)
    quota: QuotaParams = field(default_factory=QuotaParams)
    score: ScoreParams = field(default_factory=ScoreParams)
    assessment: AssessmentParams = field(default_factory=AssessmentParams)
    quality: QualityParams = field(default_factory=QualityParams)
    grading: GradingParams = field(default_factory=GradingParams)  # 考核等次 (core.grading_params)

    @property
    def reference_year(self) -> int:
        return self.trial.average_year if self.trial.average_year is not None else self.year - 1

    def with_weights(self, w_file: float, w_transcript: float, w_judgment: float) -> Params:
        w = {"w_file": float(w_file), "w_transcript": float(w_transcript), "w_judgment": float(w_judgment)}
        return replace(self, trial=replace(self.trial, **w))  # float(): numpy scalars do not write as TOML


DEFAULT_RULES = (
    Rule("减刑假释", "fixed", 0.2, type_code=("刑更",)),
    Rule("诉前财产保全", "fixed", 0.1, type_code=("财保",)),
    Rule("特别程序", "factor", 0.5, type_code=("民特",)),
    Rule("小额诉讼", "factor", 0.8, procedure=("小额诉讼",)),
)


def default_params(year: int, average_year: int | None = None) -> Params:
    return Params(year=year, trial=TrialParams(average_year=average_year, rules=DEFAULT_RULES))


# ---------------------------------------------------------------- TOML in


def params_from_toml(text: str) -> Params:
    """Parse and validate a parameter set; every error names its key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ParameterError("", "param.invalid_toml", detail=str(exc)) from exc
    return params_from_dict(data)


def params_from_dict(data: dict) -> Params:
    found = ParameterProblems()  # every section is read; all problems are reported at once
    found.attempt(
        _check_keys,
        data,
        {"year", "trial", "enforcement", "panel", "quota", "score", "assessment", "quality", "grading"},
        "",
    )
    if "year" not in data:
        found.note(ParameterError("year", "param.missing_year"))
        found.raise_any()
    year = data["year"]
    if isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2200:
        found.note(ParameterError("year", "param.not_year", value=year))
        found.raise_any()
    trial = found.attempt(_trial, data.get("trial", {}), year)
    enforcement = found.attempt(_enforcement, data.get("enforcement", {}))
    panel = found.attempt(_panel, data.get("panel", {}))
    quota = found.attempt(_quota, data.get("quota", {}))
    score = found.attempt(_score, data.get("score", {}))
    quality = found.attempt(_quality, data.get("quality", {}))
    assessment = found.attempt(_assessment, data.get("assessment", {}))
    grading = found.attempt(_grading, data.get("grading", {}))
    found.raise_any()
    params = Params(year, trial, enforcement, panel, quota, score, quality=quality)
    return replace(params, assessment=assessment, grading=grading)


def _trial(t: dict, year: int) -> TrialParams:
    """The trial section; every problem in it reported at once, each naming its key."""
    _check_keys(
        t,
        {"weights", "average_year", "pooling", "trim_percent", "cap", "outlier_factor", "rules"},
        "trial.",
    )
    found = ParameterProblems()
    w = t.get("weights", {"file": 0.15, "transcript": 0.25, "judgment": 0.60})
    found.attempt(_check_keys, w, {"file", "transcript", "judgment"}, "trial.weights.")
    weights = [
        found.attempt(_share, w.get(k, 0.0), f"trial.weights.{k}") if isinstance(w, dict) else None
        for k in ("file", "transcript", "judgment")
    ]
    if None not in weights and abs(sum(weights) - 1.0) > 1e-9:
        found.note(ParameterError("trial.weights", "param.weights_sum", total=sum(weights)))
    avg_year = t.get("average_year")
    if avg_year is not None and (isinstance(avg_year, bool) or not isinstance(avg_year, int)):
        found.note(ParameterError("trial.average_year", "param.not_year", value=avg_year))
    elif avg_year is not None and avg_year > year:
        found.note(
            ParameterError("trial.average_year", "param.average_year_late", average_year=avg_year, year=year)
        )
    pooling = t.get("pooling", "court")
    if pooling not in POOLINGS:
        found.note(ParameterError("trial.pooling", "param.pooling", value=pooling))
    trim = found.attempt(_number, t.get("trim_percent", 0), "trial.trim_percent")
    if trim is not None and trim >= 50:
        found.note(ParameterError("trial.trim_percent", "param.trim_percent"))
    cap = found.attempt(_number, t.get("cap", 0), "trial.cap", 0.0, RULE_VALUE_LIMIT)
    outlier = found.attempt(_number, t.get("outlier_factor", 5), "trial.outlier_factor")
    # each rule on its own: all bad rules are reported; a fixed value at most the cap (or 100)
    rules = tuple(
        found.attempt(_rule, r, i, cap or RULE_VALUE_LIMIT) for i, r in enumerate(t.get("rules", []))
    )
    found.raise_any()
    return TrialParams(*weights, avg_year, pooling, trim, cap, outlier, rules)


# The largest standard cases one case may get from a rule when no cap is set: a fixed value (or a
# factor) above it is a typo (1e300), not a court's decision.
RULE_VALUE_LIMIT = 100.0


def _rule(r: Any, i: int, limit: float = RULE_VALUE_LIMIT) -> Rule:
    where = f"trial.rules[{i}]."
    if not isinstance(r, dict):
        raise ParameterError(where[:-1], "param.not_table")
    _check_keys(r, {"name", "match", "mode", "value"}, where)
    found = ParameterProblems()
    mode = r.get("mode")
    if mode not in RULE_MODES:
        found.note(ParameterError(where + "mode", "param.rule_mode", value=mode))
    value = None
    if "value" not in r:
        found.note(ParameterError(where + "value", "param.missing"))
    else:
        value = found.attempt(_number, r["value"], where + "value", 0.0, RULE_VALUE_LIMIT)
        if value is not None and mode == "fixed" and value > limit:
            found.note(
                ParameterError(
                    where + "value", "param.fixed_above_cap", value=value, maximum=limit, limit=_Cap()
                )
            )
    match = r.get("match", {})
    conditions: dict[str, tuple[str, ...]] = {}
    if not isinstance(match, dict) or not match:
        found.note(ParameterError(where + "match", "param.rule_no_condition"))
    else:
        for key in match:
            if key not in MATCH_FIELDS:
                found.note(
                    ParameterError(
                        f"{where}match.{key}", "param.unknown_match", choices=", ".join(MATCH_FIELDS)
                    )
                )
            else:
                conditions[key] = found.attempt(_strings, match[key], f"{where}match.{key}") or ()
    found.raise_any()
    return Rule(str(r.get("name", f"规则{i + 1}")), mode, value, **conditions)


class _Cap:
    """「上限」 inside a message, in its language."""

    def render(self, lang: str = "zh") -> str:
        return "the cap" if lang.startswith("en") else "上限"

    def __str__(self) -> str:
        return self.render()


def _enforcement(e: dict) -> EnforcementParams:
    _check_keys(e, {"credit", "needs_approval"}, "enforcement.")
    default = EnforcementParams()
    credit = e.get("credit", dict(default.credit))
    if not isinstance(credit, dict):
        raise ParameterError("enforcement.credit", "param.not_table")
    found = ParameterProblems()
    pairs = tuple(
        (str(k), found.attempt(_number, v, f"enforcement.credit.{k}", 0.0, RULE_VALUE_LIMIT))
        for k, v in credit.items()
    )
    needs = found.attempt(
        _strings, e.get("needs_approval", list(default.needs_approval)), "enforcement.needs_approval"
    )
    found.raise_any()
    return EnforcementParams(pairs, needs)


def _panel(p: dict) -> PanelParams:
    _check_keys(p, {"responsible_share", "member_share"}, "panel.")
    found = ParameterProblems()
    responsible = found.attempt(_share, p.get("responsible_share", 1.0), "panel.responsible_share")
    member = found.attempt(_share, p.get("member_share", 0.0), "panel.member_share")
    found.raise_any()
    return PanelParams(responsible, member)


# Keys written before the judge's post (职务) was called ``post``: still read, the new key written.
_OLD_KEYS = {"post_fractions": "role_fractions", "post_groups": "role_groups"}


def _renamed(table: dict, key: str, where: str) -> tuple[str, Any]:
    """(the key the table uses, its value or None): ``key`` or the name it had before."""
    old = _OLD_KEYS[key]
    if key in table and old in table:
        raise ParameterError(f"{where}{key}", "param.old_and_new_key", old=f"{where}{old}")
    return (old, table[old]) if old in table else (key, table.get(key))


def _quota(q: dict) -> QuotaParams:
    _check_keys(
        q,
        {
            "post_fractions",
            _OLD_KEYS["post_fractions"],
            "closing_rate",
            "filing_growth",
            "history_weight",
            "month_pattern",
        },
        "quota.",
    )
    found = ParameterProblems()
    fractions = dict(DEFAULT_POST_FRACTIONS)
    name, given = _renamed(q, "post_fractions", "quota.")
    given = {} if given is None else given
    for post, v in given.items():
        if post not in POSTS:
            found.note(ParameterError(f"quota.{name}.{post}", "param.unknown_post", post=post))
        else:
            fractions[post] = found.attempt(_share, v, f"quota.{name}.{post}")
    weight = found.attempt(_share, q.get("history_weight", 0.5), "quota.history_weight")
    pattern = q.get("month_pattern", "last_year")
    if pattern not in MONTH_PATTERNS:
        found.note(
            ParameterError("quota.month_pattern", "param.month_pattern", choices="/".join(MONTH_PATTERNS))
        )
    closing_rate = found.attempt(_share, q.get("closing_rate", 0.95), "quota.closing_rate")
    growth = found.attempt(_number, q.get("filing_growth", 0.0), "quota.filing_growth", -1.0)
    found.raise_any()
    return QuotaParams(tuple(fractions.items()), closing_rate, growth, weight, pattern)


def _score(s: dict) -> ScoreParams:
    _check_keys(s, {"breakpoints"}, "score.")
    points = s.get("breakpoints", [[0, 0], [1.0, 60], [1.5, 100]])
    if not isinstance(points, list) or not points:
        raise ParameterError("score.breakpoints", "param.breakpoints_empty")
    found = ParameterProblems()
    out = []
    for i, bp in enumerate(points):
        if not isinstance(bp, list) or len(bp) != 2:
            found.note(ParameterError(f"score.breakpoints[{i}]", "param.breakpoint"))
            continue
        x = found.attempt(_number, bp[0], f"score.breakpoints[{i}]")
        y = found.attempt(_number, bp[1], f"score.breakpoints[{i}]")
        if x is not None and y is not None:
            out.append((x, y))
    found.raise_any()
    if [x for x, _ in out] != sorted({x for x, _ in out}):
        raise ParameterError("score.breakpoints", "param.breakpoints_order")
    return ScoreParams(tuple(out))


def _assessment(a: Any) -> AssessmentParams:
    if not isinstance(a, dict):
        raise ParameterError("assessment", "param.not_table")
    _check_keys(
        a, {"post_groups", _OLD_KEYS["post_groups"], "publish_ranks", "min_months_in_post"}, "assessment."
    )
    publish = a.get("publish_ranks", False)
    if not isinstance(publish, bool):
        raise ParameterError("assessment.publish_ranks", "param.not_bool", value=publish)
    months = _number(a.get("min_months_in_post", 3.0), "assessment.min_months_in_post")
    if not 0 <= months <= 12:
        raise ParameterError("assessment.min_months_in_post", "param.months_in_post", value=months)
    table, given = _renamed(a, "post_groups", "assessment.")
    if given is None:
        return AssessmentParams(DEFAULT_POST_GROUPS, publish, months)
    if not isinstance(given, dict) or not given:
        raise ParameterError(f"assessment.{table}", "param.post_groups")
    seen: dict[str, str] = {}
    groups = []
    for name, posts in given.items():
        key = f"assessment.{table}.{name}"
        members = _strings(posts, key)
        if not members:
            raise ParameterError(key, "param.group_empty")
        for post in members:
            if post not in POSTS:
                raise ParameterError(key, "param.group_unknown_post", post=post, choices=words(POSTS))
            if post in seen:
                raise ParameterError(
                    key, "param.post_in_two_groups", post=post, first=seen[post], second=name
                )
            seen[post] = name
        groups.append((str(name), members))
    missing = [r for r in POSTS if r not in seen]
    if missing:
        raise ParameterError(f"assessment.{table}", "param.posts_without_group", posts=words(missing))
    return AssessmentParams(tuple(groups), publish, months)


# ---------------------------------------------------------------- TOML out


def params_to_toml(p: Params) -> str:
    """Write a parameter set as TOML that ``params_from_toml`` reads back to an equal value."""
    t = p.trial
    lines = [
        f"year = {p.year}",
        "",
        "[trial]",
        f"weights = {{ file = {t.w_file!r}, transcript = {t.w_transcript!r}, judgment = {t.w_judgment!r} }}",
    ]
    if t.average_year is not None:
        lines.append(f"average_year = {t.average_year}")
    lines += [
        f'pooling = "{t.pooling}"',
        f"trim_percent = {t.trim_percent!r}",
        f"cap = {t.cap!r}",
        f"outlier_factor = {t.outlier_factor!r}",
    ]
    for r in t.rules:
        match = {k: list(v) for k, v in asdict(r).items() if k in MATCH_FIELDS and v}
        lines += [
            "",
            "[[trial.rules]]",
            f"name = {_toml_value(r.name)}",
            f"match = {_toml_value(match)}",
            f'mode = "{r.mode}"',
            f"value = {r.value!r}",
        ]
    lines += [
        "",
        "[enforcement]",
        f"credit = {_toml_value(dict(p.enforcement.credit))}",
        f"needs_approval = {_toml_value(list(p.enforcement.needs_approval))}",
        "",
        "[panel]",
        f"responsible_share = {p.panel.responsible_share!r}",
        f"member_share = {p.panel.member_share!r}",
        "",
        "[quota]",
        f"post_fractions = {_toml_value(dict(p.quota.post_fractions))}",
        f"closing_rate = {p.quota.closing_rate!r}",
        f"filing_growth = {p.quota.filing_growth!r}",
        f"history_weight = {p.quota.history_weight!r}",
        f'month_pattern = "{p.quota.month_pattern}"',
        "",
        "[score]",
        f"breakpoints = {_toml_value([list(bp) for bp in p.score.breakpoints])}",
        "",
        "[assessment]",
        f"publish_ranks = {_toml_value(p.assessment.publish_ranks)}",
        f"min_months_in_post = {p.assessment.min_months_in_post!r}",
        f"post_groups = {_toml_value({n: list(r) for n, r in p.assessment.post_groups})}",
    ]
    lines += _quality_toml(p.quality)
    lines += _grading_toml(p.grading)
    return "\n".join(lines) + "\n"
