"""Quality and efficiency beside quantity (质效): closing rate, closing within the legal time limit,
mean days, long-pending cases, appeals and reversals, enforcement recovery; per judge, division
and court, for any period, each with its numerator, denominator, reference range and data date.

Pure: takes a case table (the columns of ``CASE_COLUMNS``) and returns values. The definitions:

- a case is *filed* in the period when filed_on falls in it, *closed* when closed_on does;
  *carried over* when filed before the start and not closed before it (a case closed in the period
  with no filing date is in the closing rate's denominator all the same: it was on hand); *pending* at the end
  when filed by the end and not closed by it;
- its legal time limit is the export's 审限天数 when given, else the first matching
  ``TimeLimit`` of the year's parameters; the deadline is filing date + limit + approved
  extension days + deducted days (calendar months stay calendar months: 6 months from
  31 Aug is 28/29 Feb); a case closed on its deadline is within the limit. A closed case with no
  limit (no matching entry, no 审限天数) or no filing date stays out of that rate;
- days from filing to closing less the deducted days (never below 0) give the mean days;
- a case's age at a date is the number of whole calendar months since filing; the long-pending
  bands hold their lower edge: 12 ≤ age < 18, 18 ≤ age < 36, age ≥ 36;
- appealed = 上诉 是, or an appellate outcome on file (an appeal later withdrawn still was one);
  服判息诉率 counts first-instance trial cases closed by a closing method open to appeal
  (``judgment_methods``, e.g. 判决/裁定; a 撤诉 ruling is not) and not appealed; 改判发回率 counts first-instance trial
  cases closed whose appellate outcome contains 改判 or 发回 over all first-instance trial cases closed;
- 执行到位率 = Σ recovered ÷ Σ applied over enforcement cases closed with both amounts.

Every sum is exact (counts and whole days as integers, amounts in whole fen 分, divided by 100
once at the end), so a judge's figures computed from their own cases alone are bit for bit the
ones computed beside the whole court's, whatever the order or grouping.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from workload_app.core.messages import Coded, Listing, Phrase
from workload_app.core.params import QualityParams, TimeLimit

TRIAL_CATEGORIES = ("criminal", "civil", "administrative")
BANDS = ("12-18", "18-36", "36+")
BAND_LABELS = {"12-18": "12–18 个月", "18-36": "18–36 个月", "36+": "36 个月以上"}
REASONS = ("鉴定", "公告", "中止", "等待他案", "其他")
REVERSED_WORDS = ("改判", "发回")
INDICATOR_KEYS = (
    "closing_rate",
    "closed_to_filed",
    "within_limit_rate",
    "mean_days",
    "long_pending_rate",
    "acceptance_rate",
    "reversed_remanded_rate",
    "enforcement_recovery_rate",
)
INDICATOR_LABELS = {
    "closing_rate": "结案率",
    "closed_to_filed": "结收比",
    "within_limit_rate": "法定审限内结案率",
    "mean_days": "平均审理天数",
    "long_pending_rate": "长期未结案件占比",
    "acceptance_rate": "一审服判息诉率",
    "reversed_remanded_rate": "二审改判发回重审率",
    "enforcement_recovery_rate": "执行到位率",
}
APPEAL_KEYS = ("acceptance_rate", "reversed_remanded_rate")
# What a case table must carry (besides judge/division for grouping); missing ones count as unknown.
CASE_COLUMNS = (
    "category",
    "instance",
    "procedure",
    "closing_method",
    "filed_on",
    "closed_on",
    "time_limit_days",
    "extension_days",
    "deducted_days",
    "appealed",
    "appeal_result",
    "enforcement_applied",
    "enforcement_recovered",
)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @classmethod
    def year_to_month(cls, year: int, through_month: int) -> Period:
        last = (dt.date(year + (through_month == 12), through_month % 12 + 1, 1)) - dt.timedelta(days=1)
        return cls(dt.date(year, 1, 1), last)

    @classmethod
    def as_of(cls, year: int, through_month: int, today: dt.date) -> Period:
        """The year through ``through_month`` ending at ``cut_off``: a period not over yet ends today."""
        return cls(dt.date(year, 1, 1), cut_off(year, through_month, today))


def cut_off(year: int, through_month: int, today: dt.date) -> dt.date:
    """The one cut-off date of every "as of" figure (长期未结 ages, pending counts, 截至 on sheets,
    alerts and exports): the end of the chosen period or today, whichever is earlier. A sheet printed
    on 7 December for the year to December counts as of 7 December, never of 31 December (a case
    filed on 31 December of last year is 11 months old then, not 12). Never before the period's start."""
    end = Period.year_to_month(year, through_month).end
    return max(dt.date(year, 1, 1), min(end, today))


@dataclass(frozen=True)
class Indicator:
    key: str
    numerator: float
    denominator: float
    value: float | None  # None: denominator 0 (nothing to measure)
    low: float | None  # reference range; None: open on that side
    high: float | None
    in_range: bool | None  # None when there is no value or its denominator is below the minimum
    data_date: dt.date | None
    scale: float = 1.0  # the factor low/high were scaled by for a part-year period (1: as set)
    min_denominator: int = 0  # below this the value is shown, not judged

    @property
    def too_few(self) -> bool:
        """A value from too small a denominator: shown, neither flagged nor passed."""
        return self.value is not None and self.denominator < self.min_denominator

    @property
    def label(self) -> str:
        return INDICATOR_LABELS[self.key]


@dataclass(frozen=True)
class QualityFigures:
    """One judge's, division's or the court's figures over a period."""

    scope: str  # judge / division / court
    name: str  # the judge's or division's name; "" for the court
    division: str
    period: Period
    filed: int
    carried_over: int
    closed: int
    pending: int
    pending_12_18: int
    pending_18_36: int
    pending_over_36: int
    appealed: int
    reversed_remanded: int
    indicators: tuple[Indicator, ...]

    def indicator(self, key: str) -> Indicator:
        for i in self.indicators:
            if i.key == key:
                return i
        raise KeyError(key)

    @property
    def out_of_range(self) -> tuple[str, ...]:
        return tuple(i.key for i in self.indicators if i.in_range is False)


def in_range(value: float | None, low: float | None, high: float | None) -> bool | None:
    if value is None:
        return None
    return (low is None or value >= low - 1e-12) and (high is None or value <= high + 1e-12)


def period_scale(period: Period) -> tuple[int, float]:
    """The months a period reaches (its start month to its end month) and months/12 (at most 1)."""
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    return months, min(1.0, months / 12)


def judged_range(key: str, q: QualityParams, period: Period) -> tuple[float | None, float | None, float]:
    """THE rule for a flag's reference range: the year's range, scaled by months/12 on a part-year
    period for the indicators the court lists in ``scaled_with_period`` (结案率 by default): a
    1—6月 period judges 结案率 against 70 % × 6/12 = 35 %. Returns (low, high, factor)."""
    low, high = q.range_of(key)
    if key not in q.scaled_with_period:
        return low, high, 1.0
    _, factor = period_scale(period)
    return (
        None if low is None else low * factor,
        None if high is None else high * factor,
        factor,
    )


def flag_rule_note(fig: QualityFigures) -> str:
    """The sentence a sheet prints under its 质效 table saying how the flags were set."""
    parts = []
    scaled = [i for i in fig.indicators if i.scale < 1.0]
    if scaled:
        months, _ = period_scale(fig.period)
        names = Listing(i.label for i in scaled)
        parts.append(Phrase("quality.scaled_note", months=months, names=names))
    least = max((i.min_denominator for i in fig.indicators), default=0)
    if least > 0:
        parts.append(Phrase("quality.denominator_note", least=least))
    return Coded("quality.flag_note", parts=Listing(parts, "；", "; ")) if parts else ""


def score_deduction(reversed_remanded: int, q: QualityParams) -> float:
    """Points off the score for reversed/remanded cases (0 unless the court configures it)."""
    points = reversed_remanded * q.deduction_per_reversed
    return min(points, q.deduction_cap) if q.deduction_cap > 0 else points


# ---------------------------------------------------------------- per case


def _dates(s: pd.Series) -> pd.Series:
    if s.dtype.kind == "M":
        return s
    # parsed once per distinct text (a year's cases share a few hundred dates): the same values,
    # since the format is inferred from the first text either way (factorize keeps first-seen order)
    codes, uniques = pd.factorize(s)
    if not len(uniques):
        return pd.to_datetime(s, errors="coerce")
    parsed = pd.to_datetime(pd.Series(uniques, dtype=object), errors="coerce").to_numpy()
    out = np.where(codes >= 0, parsed[np.maximum(codes, 0)], np.datetime64("NaT"))
    return pd.Series(out, index=s.index, dtype=parsed.dtype)


def _numbers(cases: pd.DataFrame, col: str) -> pd.Series:
    if col not in cases.columns:
        return pd.Series(np.nan, index=cases.index, dtype=float)
    return pd.to_numeric(cases[col], errors="coerce").astype(float)


def _text(cases: pd.DataFrame, col: str) -> pd.Series:
    if col not in cases.columns:
        return pd.Series("", index=cases.index, dtype=object)
    return cases[col].fillna("").astype(str)


def _per_value(values: pd.Series, fn, na: object, dtype: object = object) -> np.ndarray:
    """``fn`` of each value, worked out once per distinct value (``na`` for a missing one)."""
    codes, uniques = pd.factorize(values)
    table = np.array([fn(v) for v in uniques] + [na], dtype=dtype)
    return table[np.where(codes >= 0, codes, len(uniques))]


def _coded_text(cases: pd.DataFrame, col: str) -> tuple[np.ndarray, list[str]]:
    """(codes, texts): ``_text(cases, col)`` as an integer code per case into its distinct texts."""
    if col not in cases.columns:
        return np.zeros(len(cases), dtype=np.int64), [""]
    codes, uniques = pd.factorize(cases[col])
    texts = [str(v) for v in uniques] + [""]
    return np.where(codes >= 0, codes, len(uniques)).astype(np.int64), texts


def matching_limit(
    limits: tuple[TimeLimit, ...], category: str, instance: str, procedure: str
) -> TimeLimit | None:
    for t in limits:
        if t.category not in ("*", category) or t.instance not in ("*", instance):
            continue
        if t.procedure and t.procedure not in (procedure or ""):
            continue
        return t
    return None


def age_months(filed: pd.Series, at: dt.date) -> pd.Series:
    """Whole calendar months from filing to ``at`` (the 31st reaches a month on its last day)."""
    f = _dates(filed)
    months = (at.year - f.dt.year) * 12 + (at.month - f.dt.month)
    dim = pd.Timestamp(at).days_in_month
    reached = np.minimum(f.dt.day, dim) <= at.day
    return (months - (~reached).astype(int)).where(f.notna())


def band_of(age: pd.Series) -> pd.Series:
    bands = np.select([age >= 36, age >= 18, age >= 12], ["36+", "18-36", "12-18"], default="")
    return pd.Series(bands, index=age.index, dtype=object).replace("", None)


def _withdrawn(method: str) -> bool:
    """撤诉 closings (准予撤诉, 裁定准予撤诉, 按撤诉处理) are rulings no party can appeal."""
    return "撤诉" in method


def case_measures(cases: pd.DataFrame, q: QualityParams) -> pd.DataFrame:
    """Per case: deadline, within (True/False/NaN), days (less deductions), appealed, reversed.

    Everything that depends on a text (the time limit of a category/instance/procedure, a
    closing method open to appeal, an appellate outcome) is worked out once per distinct text."""
    filed, closed = _dates(cases["filed_on"]), _dates(cases["closed_on"])
    given = _numbers(cases, "time_limit_days")
    extra = _numbers(cases, "extension_days").fillna(0) + _numbers(cases, "deducted_days").fillna(0)
    (c_code, c_text), (i_code, i_text) = _coded_text(cases, "category"), _coded_text(cases, "instance")
    p_code, p_text = _coded_text(cases, "procedure")
    combined = (c_code * len(i_text) + i_code) * len(p_text) + p_code
    keys, key_of_case = np.unique(combined, return_inverse=True)
    rules = []
    for k in keys.tolist():
        rest, p = divmod(k, len(p_text))
        c, i = divmod(rest, len(i_text))
        rules.append(matching_limit(q.time_limits, c_text[c], i_text[i], p_text[p]))
    rule_months = np.array([r.months if r else np.nan for r in rules], dtype=float)
    rule_days = np.array([r.days if r else np.nan for r in rules], dtype=float)
    months = pd.Series(rule_months[key_of_case] if len(cases) else [], index=cases.index, dtype=float)
    rdays = pd.Series(rule_days[key_of_case] if len(cases) else [], index=cases.index, dtype=float)
    deadline = pd.Series(pd.NaT, index=cases.index, dtype="datetime64[ns]")
    for m in months.dropna().unique():
        rows = (months == m) & given.isna() & filed.notna()
        deadline[rows] = filed[rows] + pd.DateOffset(months=int(m))
    deadline = deadline + pd.to_timedelta(rdays.fillna(0), unit="D")  # NaT stays NaT: no limit
    deadline = deadline.where(given.isna(), filed + pd.to_timedelta(given.fillna(0), unit="D"))
    deadline = deadline + pd.to_timedelta(extra, unit="D")
    has_limit = deadline.notna() & closed.notna()
    within = pd.Series(np.nan, index=cases.index, dtype=object)
    within[has_limit] = (closed[has_limit] <= deadline[has_limit]).astype(bool)
    days = ((closed - filed).dt.days - _numbers(cases, "deducted_days").fillna(0)).clip(lower=0)
    if "appealed" in cases.columns:
        flagged = _per_value(cases["appealed"], lambda v: v is True or v == 1, False, bool)
    else:
        flagged = np.zeros(len(cases), dtype=bool)
    r_code, r_text = _coded_text(cases, "appeal_result")
    appealed = flagged | np.array([t != "" for t in r_text], dtype=bool)[r_code]
    reversed_ = np.array([any(w in r for w in REVERSED_WORDS) for r in r_text], dtype=bool)[r_code]
    m_code, m_text = _coded_text(cases, "closing_method")
    open_to_appeal = [any(w in m for w in q.judgment_methods) and not _withdrawn(m) for m in m_text]
    appealable = np.array(open_to_appeal, dtype=bool)[m_code]
    category = np.array(c_text, dtype=object)[c_code]
    instance = np.array(i_text, dtype=object)[i_code]
    return pd.DataFrame(
        {
            "filed": filed,
            "closed": closed,
            "deadline": deadline,
            "within": within,
            "days": days,
            "appealed": appealed,
            "reversed": reversed_,
            "appealable": appealable,
            "trial_first": np.isin(category, TRIAL_CATEGORIES) & (instance == "first"),
            "enforcement": category == "enforcement",
            "applied": _numbers(cases, "enforcement_applied"),
            "recovered": _numbers(cases, "enforcement_recovered"),
        },
        index=cases.index,
    )


# ---------------------------------------------------------------- per group

# Every sum below is exact, so a group's figures do not depend on which other groups are summed
# beside it nor on the order of its cases: a judge's figures from their own cases alone equal
# theirs from the whole court's. Counts and days are integers; amounts are summed in fen (分).
COUNT_PARTS = (
    "filed", "carried_over", "closed_unknown_filing", "closed", "pending", "pending_12_18",
    "pending_18_36", "pending_over_36", "limit_num", "limit_den", "days_n", "appeal_den", "appealed",
    "reversed_den", "reversed_remanded",
)  # fmt: skip
INTEGER_PARTS = ("days_sum",)  # whole days (deducted days are whole days)
AMOUNT_PARTS = ("enf_applied", "enf_recovered")  # yuan, summed as whole fen
PART_ORDER = (
    "filed", "carried_over", "closed_unknown_filing", "closed", "pending", "pending_12_18",
    "pending_18_36", "pending_over_36", "limit_num", "limit_den", "days_sum", "days_n", "appeal_den",
    "appealed", "reversed_den", "reversed_remanded", "enf_applied", "enf_recovered",
)  # fmt: skip
_INT64_SAFE = 2.0**62


def to_fen(yuan: pd.Series | np.ndarray) -> np.ndarray:
    """Amounts in yuan as whole fen (NaN → 0): 0.1 元 is 10 分 exactly, as on a receipt. int64 as long
    as every amount fits it with room for sums; else Python integers (an object array), so that an
    absurd amount stored before the import ceiling existed is summed exactly, never wrapped around."""
    x = np.nan_to_num(np.asarray(yuan, dtype=float), nan=0.0)
    if not len(x) or float(np.abs(x).max()) * 100 < _INT64_SAFE:
        return np.rint(x * 100).astype(np.int64)
    return np.array([round(Fraction(v) * 100) for v in x.tolist()], dtype=object)


def case_parts(cases: pd.DataFrame, q: QualityParams, period: Period) -> pd.DataFrame:
    """Per case, what it adds to each numerator and denominator of ``counts``: 0/1 counts,
    whole days and amounts in fen, all int64 (sums of them are exact in any grouping)."""
    m = case_measures(cases, q)
    start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
    filed_in = m["filed"].between(start, end)
    closed_in = m["closed"].between(start, end)
    carried = (m["filed"] < start) & ~(m["closed"] < start)
    pending = (m["filed"] <= end) & ~(m["closed"] <= end)
    age = age_months(m["filed"], period.end).where(pending)
    limited = closed_in & m["within"].notna()
    dated = closed_in & m["days"].notna()
    judged = closed_in & m["trial_first"] & m["appealable"]
    trial_closed = closed_in & m["trial_first"]
    enf = closed_in & m["enforcement"] & m["applied"].notna() & m["recovered"].notna()
    days = m["days"].where(dated, 0.0).to_numpy(dtype=float)
    if np.array_equal(days, np.rint(days)):  # whole days (deducted days are whole days): exact as int64
        days = days.astype(np.int64)
    parts = {
        "filed": filed_in,
        "carried_over": carried,
        "closed_unknown_filing": closed_in & m["filed"].isna(),
        "closed": closed_in,
        "pending": pending,
        "pending_12_18": (age >= 12) & (age < 18),
        "pending_18_36": (age >= 18) & (age < 36),
        "pending_over_36": age >= 36,
        "limit_num": limited & (m["within"] == True),  # noqa: E712 - object column of True/False/NaN
        "limit_den": limited,
        "days_sum": days,
        "days_n": dated,
        "appeal_den": judged,
        "appealed": judged & m["appealed"],
        "reversed_den": trial_closed,
        "reversed_remanded": trial_closed & m["reversed"],
        "enf_applied": to_fen(m["applied"].where(enf, 0.0)),
        "enf_recovered": to_fen(m["recovered"].where(enf, 0.0)),
    }
    return pd.DataFrame(
        {
            k: v
            if k == "days_sum" or getattr(getattr(v, "dtype", None), "kind", "") == "O"
            else np.asarray(v).astype(np.int64)
            for k, v in parts.items()
        },
        index=cases.index,
        columns=list(PART_ORDER),
    )


def _exact_sum(values: pd.Series) -> int | float:
    """The exact sum of a group's part: Python integers, or ``math.fsum`` for fractional days."""
    if values.dtype.kind == "f":
        return math.fsum(values.tolist())
    return sum(int(v) for v in values.tolist())


def sum_parts(parts: pd.DataFrame, group: pd.DataFrame | None = None) -> pd.DataFrame:
    """Exact sums of ``case_parts`` per group of the ``group`` columns (sorted), or one row (None),
    as the figures report them: counts and days as floats, fen as yuan (exact sum ÷ 100)."""
    keys = list(group.columns) if group is not None else ["_all"]
    if group is None:
        group = pd.DataFrame({"_all": np.zeros(len(parts), dtype=np.int64)}, index=parts.index)
    grouped = parts.join(group).groupby(keys, sort=True)
    fast = [c for c in PART_ORDER if parts[c].dtype.kind == "i"]
    if fast and float(np.abs(parts[fast].to_numpy()).sum(axis=0, dtype=float).max()) >= _INT64_SAFE:
        fast = []  # a sum beyond int64: Python integers, still exact
    sums = grouped[fast].sum() if fast else None
    columns, fen = {}, {}
    for col in PART_ORDER:
        values = sums[col] if col in fast else grouped[col].agg(_exact_sum)
        if col in AMOUNT_PARTS:
            fen[col + "_fen"] = [int(v) for v in values.tolist()]  # exact, unbounded
            columns[col] = [int(v) / 100 for v in values.tolist()]  # one rounding, at the end
        else:
            columns[col] = [float(v) for v in values.tolist()]
    index = (sums if fast else grouped.size()).index
    out = pd.DataFrame(columns, index=index, dtype=float).reset_index()
    for col, values in fen.items():  # Python integers of fen: the recovery rate is their exact ratio
        out[col] = pd.Series(values, dtype=object, index=out.index)
    if keys == ["_all"]:
        out = out.drop(columns="_all")
        if out.empty:  # no cases: one row of zeros, the court's
            out = pd.DataFrame([dict.fromkeys(PART_ORDER, 0.0)], dtype=float)
            for col in AMOUNT_PARTS:
                out[col + "_fen"] = pd.Series([0], dtype=object)
    return out


def counts(
    cases: pd.DataFrame, q: QualityParams, period: Period, keys: list[str] | None = None
) -> pd.DataFrame:
    """The numerators and denominators, one row per group of ``keys`` (None: one row, the court)."""
    parts = case_parts(cases, q, period)
    return sum_parts(parts, cases[keys].fillna("") if keys else None)


def _ratio(n: float, d: float) -> float | None:
    return n / d if d else None


def indicators_of(
    row: dict,
    q: QualityParams,
    period: Period,
    data_date: dt.date | None,
    appeals_date: dt.date | None,
) -> tuple[Indicator, ...]:
    long_pending = row["pending_12_18"] + row["pending_18_36"] + row["pending_over_36"]
    pairs = {
        # a case closed in the period was on hand in it, even when the export gives no filing date
        "closing_rate": (row["closed"], row["carried_over"] + row["filed"] + row["closed_unknown_filing"]),
        "closed_to_filed": (row["closed"], row["filed"]),
        "within_limit_rate": (row["limit_num"], row["limit_den"]),
        "mean_days": (row["days_sum"], row["days_n"]),
        "long_pending_rate": (long_pending, row["pending"]),
        "acceptance_rate": (row["appeal_den"] - row["appealed"], row["appeal_den"]),
        "reversed_remanded_rate": (row["reversed_remanded"], row["reversed_den"]),
        "enforcement_recovery_rate": (row["enf_recovered"], row["enf_applied"]),
    }
    out = []
    for key in INDICATOR_KEYS:
        n, d = pairs[key]
        value = _ratio(n, d)
        if key == "enforcement_recovery_rate" and "enf_applied_fen" in row:
            # int / int in Python is the correctly rounded quotient of the exact sums in fen
            value = _ratio(int(row["enf_recovered_fen"]), int(row["enf_applied_fen"]))
        low, high, factor = judged_range(key, q, period)
        date = appeals_date if key in APPEAL_KEYS else data_date
        judged = None if d < q.min_denominator else in_range(value, low, high)
        out.append(
            Indicator(key, float(n), float(d), value, low, high, judged, date, factor, q.min_denominator)
        )
    return tuple(out)


SCOPE_KEYS = {"judge": ["judge", "division"], "division": ["division"], "court": None}


def figures(
    cases: pd.DataFrame,
    q: QualityParams,
    period: Period,
    scope: str,
    *,
    data_date: dt.date | None = None,
    appeals_date: dt.date | None = None,
) -> list[QualityFigures]:
    """Figures per judge (``judge`` column), division (``division``) or for the court."""
    return figures_by_scope(cases, q, period, (scope,), data_date=data_date, appeals_date=appeals_date)[scope]


def figures_by_scope(
    cases: pd.DataFrame,
    q: QualityParams,
    period: Period,
    scopes: tuple[str, ...] = ("judge", "division", "court"),
    *,
    data_date: dt.date | None = None,
    appeals_date: dt.date | None = None,
) -> dict[str, list[QualityFigures]]:
    """``figures`` for several scopes, each case's measures worked out once for all of them."""
    parts = case_parts(cases, q, period)
    out = {}
    for scope in scopes:
        keys = SCOPE_KEYS[scope]
        table = sum_parts(parts, cases[keys].fillna("") if keys else None)
        out[scope] = [
            _figures_of(row, scope, q, period, data_date, appeals_date) for row in table.to_dict("records")
        ]
    return out


def _figures_of(
    row: dict,
    scope: str,
    q: QualityParams,
    period: Period,
    data_date: dt.date | None,
    appeals_date: dt.date | None,
) -> QualityFigures:
    name = (
        row.get("judge", "") if scope == "judge" else row.get("division", "") if scope == "division" else ""
    )
    return QualityFigures(
        scope=scope,
        name=name,
        division=row.get("division", "") if scope != "court" else "",
        period=period,
        filed=int(row["filed"]),
        carried_over=int(row["carried_over"]),
        closed=int(row["closed"]),
        pending=int(row["pending"]),
        pending_12_18=int(row["pending_12_18"]),
        pending_18_36=int(row["pending_18_36"]),
        pending_over_36=int(row["pending_over_36"]),
        appealed=int(row["appealed"]),
        reversed_remanded=int(row["reversed_remanded"]),
        indicators=indicators_of(row, q, period, data_date, appeals_date),
    )


def long_pending(cases: pd.DataFrame, at: dt.date, over_months: int = 12) -> pd.DataFrame:
    """Open cases at ``at`` at least ``over_months`` whole months old, with age and band, oldest first."""
    filed, closed = _dates(cases["filed_on"]), _dates(cases["closed_on"])
    stamp = pd.Timestamp(at)
    open_ = (filed <= stamp) & ~(closed <= stamp)
    age = age_months(cases["filed_on"], at)
    keep = open_ & (age >= over_months)
    out = cases[keep].copy()
    out["age_months"] = age[keep].astype(int)
    out["band"] = band_of(out["age_months"])
    return out.sort_values(["age_months", "filed_on"], ascending=[False, True], kind="stable")
