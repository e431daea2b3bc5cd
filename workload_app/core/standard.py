"""The standard-case engine (标准案件): every closed case into trial or enforcement standard cases.

Trial (审判标准案件), for criminal, civil and administrative cases::

    SC = w_f · file_pages / F̄  +  w_t · transcript_pages / T̄  +  w_j · judgment_pages / J̄

with F̄, T̄, J̄ the (optionally trimmed) means over the reference year's base cases: trial cases with
all three page counts whose first matching rule is not a fixing rule. A special rule (转换系数)
either fixes SC or multiplies the page-based SC; an optional cap bounds it after any factor.

Enforcement (执行标准案件): credit by closing method; 终本 and 终结执行 need the integrity
supervisor's approval (廉政监察员审批), else 0 and flagged as awaiting approval.

Input is a DataFrame with the columns of ``CASE_COLUMNS``; everything here is vectorised pandas/numpy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from workload_app.core.messages import Coded, Listing, Phrase, in_language
from workload_app.core.params import Params, Rule
from workload_app.core.problems import ParameterError

CASE_COLUMNS = (
    "case_id",
    "category",
    "type_code",
    "procedure",
    "cause",
    "closing_method",
    "file_pages",
    "transcript_pages",
    "judgment_pages",
    "approved",
)
PAGE_COLUMNS = ("file_pages", "transcript_pages", "judgment_pages")
TRIAL_CATEGORIES = ("criminal", "civil", "administrative")

# Flags are bits so that a million cases carry them in one integer column.
INCOMPLETE = 1  # 数据不全: a page count is missing
AWAITING_APPROVAL = 2  # 待审批: 终本 without the integrity supervisor's approval
OUTLIER = 4  # 异常页数, held (待复核): pages above k x the median of the type code, not yet reviewed
OUT_OF_POST = 8  # 不在岗期间结案, held (待复核): closed outside the responsible judge's time in post
FLAG_LABELS = {
    INCOMPLETE: "数据不全",
    AWAITING_APPROVAL: "待审批",
    OUTLIER: "异常页数",
    OUT_OF_POST: "任职期外结案",
}
HELD = OUTLIER | OUT_OF_POST  # every reason a case is held for review (待复核)
NO_RULE = -1


def held_rows(flags: object) -> np.ndarray:
    """Which results are held for review (待复核), for whatever reason: they stay out of every
    average built on standard cases (the SC per case of next year's quotas, of transfers, of the
    what-if) until a reviewer decides; the page averages leave out only the page outliers."""
    return (np.asarray(flags, dtype=np.int64) & HELD) > 0


class Averages(NamedTuple):
    """Mean pages of the base cases of one pool (court-wide or one category)."""

    file: float
    transcript: float
    judgment: float
    base_cases: int


def flag_labels(flags: int) -> str:
    return "、".join(label for bit, label in FLAG_LABELS.items() if flags & bit)


def unit_of(category: pd.Series) -> np.ndarray:
    """'enforcement' for enforcement cases, 'trial' for every other case."""
    return np.where(category.to_numpy() == "enforcement", "enforcement", "trial")


class _Codes:
    """Each string column hashed once: rules are matched on the (few) distinct values, not per row."""

    def __init__(self, cases: pd.DataFrame) -> None:
        self._cases = cases
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def get(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        if column not in self._cache:
            codes, uniques = pd.factorize(self._cases[column], use_na_sentinel=True)
            self._cache[column] = (np.asarray(codes), np.asarray(uniques, dtype=object))
        return self._cache[column]

    def isin(self, column: str, values: tuple[str, ...]) -> np.ndarray:
        codes, uniques = self.get(column)
        hit = np.append(np.isin(uniques, list(values)), False)  # code -1 (missing) -> last -> False
        return hit[codes]

    def contains(self, column: str, needles: tuple[str, ...]) -> np.ndarray:
        codes, uniques = self.get(column)
        hit = np.array([any(n in str(u) for n in needles) for u in uniques] + [False], dtype=bool)
        return hit[codes]


def _rule_mask(codes: _Codes, rule: Rule, n: int) -> np.ndarray:
    mask = np.ones(n, dtype=bool)
    if rule.type_code:
        mask &= codes.isin("type_code", rule.type_code)
    if rule.procedure:
        mask &= codes.isin("procedure", rule.procedure)
    if rule.closing_method:
        mask &= codes.isin("closing_method", rule.closing_method)
    if rule.cause_contains:
        mask &= codes.contains("cause", rule.cause_contains)
    return mask


def match_rules(cases: pd.DataFrame, params: Params, codes: _Codes | None = None) -> np.ndarray:
    """Index of the first matching trial rule per case (enforcement cases: none), or NO_RULE."""
    codes = codes or _Codes(cases)
    index = np.full(len(cases), NO_RULE, dtype=np.int32)
    trial = ~codes.isin("category", ("enforcement",))
    for i, rule in enumerate(params.trial.rules):
        hit = (index == NO_RULE) & trial & _rule_mask(codes, rule, len(cases))
        index[hit] = i
    return index


def _pages(cases: pd.DataFrame) -> np.ndarray:
    return np.column_stack(
        [pd.to_numeric(cases[c], errors="coerce").to_numpy(dtype=float) for c in PAGE_COLUMNS]
    )


def base_mask(cases: pd.DataFrame, params: Params) -> np.ndarray:
    """Base cases: criminal/civil/administrative, all pages known, not taken by a fixing rule,
    not held for review (see ``held_mask``)."""
    rules = match_rules(cases, params)
    fixed = np.array([r.mode == "fixed" for r in params.trial.rules] + [False], dtype=bool)
    complete = ~np.isnan(_pages(cases)).any(axis=1)
    in_trial = cases["category"].isin(TRIAL_CATEGORIES).to_numpy()
    return in_trial & complete & ~fixed[rules] & ~held_mask(cases, params, rules)


# ---------------------------------------------------------------- held for review (待复核)

REVIEW_COLUMN = "page_review"  # optional: 'confirmed' / 'corrected' where a reviewer's decision applies
PAGE_LABELS = {"file_pages": "卷宗页数", "transcript_pages": "庭审笔录页数", "judgment_pages": "裁判文书页数"}


def page_medians(cases: pd.DataFrame) -> np.ndarray:
    """Per case and page count (columns of PAGE_COLUMNS): the median of that count over the cases
    of the frame with the same type code (missing counts left out)."""
    type_codes = pd.factorize(cases["type_code"], use_na_sentinel=True)[0]
    return pd.DataFrame(_pages(cases)).groupby(type_codes).transform("median").to_numpy()


def outlier_counts(cases: pd.DataFrame, k: float, medians: np.ndarray | None = None) -> np.ndarray:
    """Per case and page count: above k x the median of its type code (a median of 0 flags nothing).
    ``medians``: each case's medians already taken over its whole closing year (``page_medians``
    of a frame holding every case of its type code), for a frame that holds only some of them."""
    if k <= 0:
        return np.zeros((len(cases), 3), dtype=bool)
    medians = page_medians(cases) if medians is None else medians
    with np.errstate(invalid="ignore"):
        return (medians > 0) & (_pages(cases) > k * medians)


def held_mask(
    cases: pd.DataFrame, params: Params, rules: np.ndarray | None = None, medians: np.ndarray | None = None
) -> np.ndarray:
    """Cases held for review (待复核): a page count is an outlier (``outlier_counts`` within the
    frame, which is one closing year), the SC depends on the pages (a trial case not taken by a
    fixing rule) and no reviewer's decision applies (``page_review`` empty). A held case earns
    nothing and is not a base case until a reviewer confirms or corrects its pages."""
    if params.trial.outlier_factor <= 0 or len(cases) == 0:
        return np.zeros(len(cases), dtype=bool)
    if rules is None:
        rules = match_rules(cases, params)
    fixed = np.array([r.mode == "fixed" for r in params.trial.rules] + [False], dtype=bool)[rules]
    trial = (cases["category"] != "enforcement").to_numpy()
    reviewed = (
        cases[REVIEW_COLUMN].notna().to_numpy()
        if REVIEW_COLUMN in cases
        else np.zeros(len(cases), dtype=bool)
    )
    over = outlier_counts(cases, params.trial.outlier_factor, medians).any(axis=1)
    return over & trial & ~fixed & ~reviewed


def hold_reasons(
    cases: pd.DataFrame, params: Params, rows: np.ndarray | None = None, medians: np.ndarray | None = None
) -> list[str]:
    """Why each case (or each of the positions ``rows``) is or would be held, e.g.
    ``卷宗页数 99999，超过同类型（民初）中位数 210 的 5 倍``; '' where no count is an outlier.
    The medians are those of the whole frame (one closing year)."""
    k = params.trial.outlier_factor
    medians = page_medians(cases) if medians is None else medians
    over = outlier_counts(cases, k, medians)
    pages = _pages(cases)
    type_codes = cases["type_code"].to_numpy()
    out = []
    for i in range(len(cases)) if rows is None else rows:
        parts = [
            f"{PAGE_LABELS[col]} {_pages_text(pages[i, j])}，超过同类型（{type_codes[i]}）中位数 "
            f"{_pages_text(medians[i, j])} 的 {k:g} 倍"
            for j, col in enumerate(PAGE_COLUMNS)
            if over[i, j]
        ]
        out.append("；".join(parts))
    return out


def trimmed_mean(values: np.ndarray, percent: float) -> float:
    """Mean after dropping floor(n · p / 100) values at each end."""
    n = len(values)
    k = math.floor(n * percent / 100)
    if n - 2 * k <= 0:
        return math.nan
    ordered = np.sort(values)
    return float(ordered[k : n - k].mean())


def compute_averages(reference_cases: pd.DataFrame, params: Params) -> dict[str, Averages]:
    """Averages per pool ('court', or one per trial category) over the reference year's base cases.

    Raises ParameterError when the reference year has no base cases, or when a weighted
    component averages 0.
    """
    ref_year = params.reference_year
    base = reference_cases[base_mask(reference_cases, params)]
    if base.empty:
        raise ParameterError("trial.average_year", "standard.no_base_cases", year=ref_year)
    pools: dict[str, pd.DataFrame] = {"court": base}
    if params.trial.pooling == "category":
        for category in TRIAL_CATEGORIES:
            part = base[base["category"] == category]
            if not part.empty:
                pools[category] = part
    out: dict[str, Averages] = {}
    t = params.trial
    weights = {"file": t.w_file, "transcript": t.w_transcript, "judgment": t.w_judgment}
    for pool, frame in pools.items():
        pages = _pages(frame)
        means = [trimmed_mean(pages[:, i], t.trim_percent) for i in range(3)]
        for (name, w), mean in zip(weights.items(), means, strict=True):
            if w > 0 and not mean > 0:
                raise ParameterError(
                    f"trial.weights.{name}",
                    "standard.zero_average",
                    year=ref_year,
                    pool=Phrase(f"standard.pool_{pool}"),
                    component=Phrase(f"standard.component_{name}"),
                    weight=w,
                )
        out[pool] = Averages(means[0], means[1], means[2], len(frame))
    return out


# The three components of the trial formula: explanation label, page column, the result's average
# column, the weight's attribute in ``params.trial``. The kernel and ``explain`` both read these.
COMPONENTS = (
    ("卷宗", "file_pages", "avg_file", "w_file"),
    ("笔录", "transcript_pages", "avg_transcript", "w_transcript"),
    ("文书", "judgment_pages", "avg_judgment", "w_judgment"),
)


def trial_weights(params: Params) -> np.ndarray:
    """The weights (w_f, w_t, w_j) of ``params`` in the order of ``COMPONENTS``."""
    return np.array([getattr(params.trial, attr) for *_, attr in COMPONENTS])


@dataclass(frozen=True)
class Kernel:
    """Everything of a frame's standard cases that does not depend on the trial weights, computed
    once: each case's pages and the averages they are divided by (``pages / avg``: F/F̄, T/T̄, J/J̄),
    its first matching rule and what that rule does, the held / incomplete / awaiting-approval
    masks (as ``flags``) and the enforcement credits. ``sc(weights)`` is then the whole engine for
    any weight triple: ``compute_standard_cases`` is ``sc`` at the parameters' own weights, the
    what-if is ``sc`` at each scenario's."""

    unit: np.ndarray  # 'trial' | 'enforcement'
    rules: np.ndarray  # index of the first matching rule, or NO_RULE
    pages: np.ndarray  # (n, 3) page counts, NaN where unknown
    avg: np.ndarray  # (n, 3) the averages each case's pages are divided by; NaN for enforcement
    incomplete: np.ndarray  # a page count is missing
    factor: np.ndarray  # the rule multiplies the page-based SC by ``values``
    fixed: np.ndarray  # the rule fixes the SC at ``values``
    values: np.ndarray  # the rule's value (NaN without a rule)
    held: np.ndarray  # held for review (待复核): 0 whatever the weights
    enforcement: np.ndarray  # an enforcement case: SC is its credit by closing method
    enforcement_sc: np.ndarray  # (n,) the credit of each enforcement case (NaN for trial cases)
    flags: np.ndarray  # INCOMPLETE | AWAITING_APPROVAL | OUTLIER bits
    cap: float

    def page_sc(self, weights: np.ndarray) -> np.ndarray:
        """Σ wᵢ · pagesᵢ / avgᵢ per case (NaN when a page count is missing), before factor and cap."""
        weights = np.asarray(weights, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(weights > 0, weights * self.pages / self.avg, 0.0)
        page_sc = terms.sum(axis=1)
        page_sc[self.incomplete] = math.nan
        return page_sc

    def sc(self, weights: np.ndarray, page_sc: np.ndarray | None = None) -> np.ndarray:
        """Every case's SC under ``weights``: the page-based SC (``page_sc`` when already computed
        with these weights), times the rule's factor, capped, fixed values, held cases 0, and the
        enforcement credits."""
        sc = (self.page_sc(weights) if page_sc is None else page_sc).copy()
        sc[self.factor] = sc[self.factor] * self.values[self.factor]
        if self.cap > 0:
            sc = np.where(np.isnan(sc), sc, np.minimum(sc, self.cap))
        sc[self.fixed] = self.values[self.fixed]
        sc[self.held & ~self.incomplete] = (
            0.0  # held for review (待复核): nothing until confirmed or corrected
        )
        sc[self.enforcement] = self.enforcement_sc[self.enforcement]
        return sc


def _case_averages(
    codes: _Codes, trial: np.ndarray, modes: np.ndarray, params: Params, averages: dict[str, Averages]
) -> np.ndarray:
    """Per case the (F̄, T̄, J̄) of its pool: the court's, or its category's when pooled by category."""
    avg = np.full((len(trial), 3), math.nan)
    if "court" in averages:
        avg[:] = averages["court"][:3]
    if params.trial.pooling == "category":
        for pool in TRIAL_CATEGORIES:
            mask = trial & codes.isin("category", (pool,))
            if not mask.any():
                continue
            if pool not in averages:
                needs = mask & (modes != "fixed")
                if needs.any():
                    raise ParameterError(
                        "trial.pooling",
                        "standard.no_pool_cases",
                        year=params.reference_year,
                        pool=Phrase(f"standard.pool_{pool}"),
                    )
                continue
            avg[mask] = averages[pool][:3]
    avg[~trial] = math.nan
    return avg


def standard_kernel(
    cases: pd.DataFrame,
    params: Params,
    averages: dict[str, Averages] | np.ndarray,
    medians: np.ndarray | None = None,
) -> Kernel:
    """The fixed parts of ``cases`` under ``params``. ``averages``: the pools of ``compute_averages``,
    or already each case's averages as an (n, 3) array (e.g. a result's avg_* columns).
    ``medians``: see ``outlier_counts`` (None: those of ``cases`` itself, one closing year)."""
    n = len(cases)
    t = params.trial
    codes = _Codes(cases)
    trial = ~codes.isin("category", ("enforcement",))
    rules = match_rules(cases, params, codes)
    modes = np.array([r.mode for r in t.rules] + [""], dtype=object)[rules]
    values = np.array([r.value for r in t.rules] + [math.nan], dtype=float)[rules]
    pages = _pages(cases)
    incomplete = np.isnan(pages).any(axis=1)
    if isinstance(averages, dict):
        avg = _case_averages(codes, trial, modes, params, averages)
    else:
        avg = np.asarray(averages, dtype=float).reshape(n, 3)
    fixed = modes == "fixed"

    flags = np.zeros(n, dtype=np.int32)
    flags[trial & incomplete & ~fixed] |= INCOMPLETE
    held = held_mask(cases, params, rules, medians)
    flags[held] |= OUTLIER

    # Enforcement: credit by closing method; some methods count only once approved.
    enforcement = ~trial
    enforcement_sc = np.full(n, math.nan)
    if enforcement.any():
        e = params.enforcement
        method_codes, methods = codes.get("closing_method")
        credit_of = np.array([e.credit_of(str(m)) for m in methods] + [0.0], dtype=float)
        credit = credit_of[method_codes]
        approved = cases["approved"].eq(True).to_numpy(dtype=bool)
        waiting = enforcement & codes.isin("closing_method", e.needs_approval) & ~approved
        credit[waiting] = 0.0
        enforcement_sc[enforcement] = credit[enforcement]
        flags[waiting] |= AWAITING_APPROVAL

    return Kernel(
        unit=np.where(trial, "trial", "enforcement"),
        rules=rules,
        pages=pages,
        avg=avg,
        incomplete=incomplete,
        factor=modes == "factor",
        fixed=fixed,
        values=values,
        held=held,
        enforcement=enforcement,
        enforcement_sc=enforcement_sc,
        flags=flags,
        cap=t.cap,
    )


def compute_standard_cases(
    cases: pd.DataFrame, params: Params, averages: dict[str, Averages], medians: np.ndarray | None = None
) -> pd.DataFrame:
    """One row per case: case_id, unit, sc (NaN when incomplete), rule (index or -1), flags,
    the averages used (avg_file, avg_transcript, avg_judgment) and page_sc (before factor and cap).
    ``medians``: see ``outlier_counts``."""
    kernel = standard_kernel(cases, params, averages, medians)
    weights = trial_weights(params)
    page_sc = kernel.page_sc(weights)
    sc = kernel.sc(weights, page_sc)
    page_sc[kernel.enforcement] = math.nan
    return pd.DataFrame(
        {
            "case_id": cases["case_id"].to_numpy(),
            "unit": kernel.unit,
            "sc": sc,
            "rule": kernel.rules,
            "flags": kernel.flags,
            "page_sc": page_sc,
            **{avg_col: kernel.avg[:, i] for i, (_, _, avg_col, _) in enumerate(COMPONENTS)},
        }
    )


# ---------------------------------------------------------------- explanation


def _fmt(x: float, digits: int) -> str:
    return f"{x:.{digits}f}"


def _text(x: object) -> str:
    return x if isinstance(x, str) else ""


def _pages_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def explain(case: dict, result: dict, params: Params, lang: str | None = None) -> Coded | str:
    """A one-line explanation of how a case's SC was reached, e.g.
    ``卷宗 320/210.4×0.15 + 笔录 12/9.8×0.25 + 文书 8/6.1×0.60 = 1.32``; for a case closed outside
    the responsible judge's time in post, why it is credited to nobody yet. A coded text: it reads
    as Chinese, ``render(lang)`` gives it in the user's language (a stored reason, a rule's name
    and a closing method are the court's own words and stay as written); with ``lang``, the text
    already rendered in that language."""
    text = _explain_sc(case, result, params)
    if int(result["flags"]) & OUT_OF_POST:
        why = _text(case.get("hold_reason")) or Phrase("explain.out_of_post_default")
        text = Coded("explain.out_of_post", text=text, why=why)
    return text if lang is None else in_language(text, lang)


def _explain_sc(case: dict, result: dict, params: Params) -> Coded:
    sc = result["sc"]
    rule_index = int(result["rule"])
    rule = params.trial.rules[rule_index] if rule_index != NO_RULE else None
    if result["unit"] == "enforcement":
        closing = case.get("closing_method") or ""
        method = closing or Phrase("explain.no_method")
        if int(result["flags"]) & AWAITING_APPROVAL:
            return Coded("explain.awaiting", method=method)
        credit = params.enforcement.credit_of(closing)
        note = Phrase("explain.approved") if closing in params.enforcement.needs_approval else ""
        return Coded("explain.enforcement", method=method, note=note, credit=credit)
    if rule is not None and rule.mode == "fixed":
        return Coded("explain.fixed", rule=rule.name, value=rule.value)
    if int(result["flags"]) & OUTLIER:
        why = _text(case.get("hold_reason")) or Phrase(
            "explain.outlier_default", factor=params.trial.outlier_factor
        )
        return Coded("explain.outlier", why=why)
    if int(result["flags"]) & INCOMPLETE:
        missing = Listing(
            Phrase(f"standard.component_{name}")
            for col, name in zip(PAGE_COLUMNS, ("file", "transcript", "judgment"), strict=True)
            if case.get(col) is None or (isinstance(case.get(col), float) and math.isnan(case[col]))
        )
        return Coded("explain.incomplete", missing=missing)
    t = params.trial
    parts = [
        Phrase(
            "explain.part",
            label=Phrase(f"explain.part_{col.removesuffix('_pages')}"),
            pages=_pages_text(case[col]),
            average=_fmt(result[avg_key], 1),
            weight=_fmt(w, 2),
        )
        for (_label, col, avg_key, _), w in zip(COMPONENTS, trial_weights(params), strict=True)
        if w > 0
    ]
    formula: object = Listing(parts, " + ", " + ")
    page_sc = result["page_sc"]
    if rule is not None and rule.mode == "factor":
        formula = Phrase(
            "explain.factor", formula=formula, page_sc=_fmt(page_sc, 2), rule=rule.name, value=rule.value
        )
        raw = page_sc * rule.value
    else:
        raw = page_sc
    note = _text(case.get("review_note"))
    if t.cap > 0 and raw > t.cap:
        return Coded("explain.capped", formula=formula, raw=_fmt(raw, 2), cap=t.cap, note=note)
    return Coded("explain.total", formula=formula, sc=_fmt(sc, 2), note=note)


def averages_note(case: dict, result: dict, params: Params, lang: str | None = None) -> Coded | str:
    """Where the divisors of a page-based explanation come from (the explanation's
    ``卷宗 120/169.4×0.15`` says 169.4, not what it is): the reference year's average pages of the
    court's base cases (or of the case's category, when pooled by category). Empty for a case
    whose standard cases do not come from its pages."""
    averages = [result.get(key) for _label, _col, key, _w in COMPONENTS]
    if any(a is None or (isinstance(a, float) and math.isnan(a)) for a in averages):
        return ""
    category = str(case.get("category"))
    pool = Phrase("standard.pool_court")
    if params.trial.pooling == "category" and category in TRIAL_CATEGORIES:
        pool = Phrase("explain.pool_category", category=Phrase(f"standard.pool_{category}"))
    values = Listing(_fmt(float(a), 1) for a in averages)
    note = Coded("explain.averages", values=values, year=params.reference_year, pool=pool)
    return note if lang is None else in_language(note, lang)


def explain_with_averages(case: dict, result: dict, params: Params, lang: str | None = None) -> Coded | str:
    """``explain``, and below a page-based one what its divisors are (``averages_note``): the
    window's explanation of one case. Exports keep the one-line ``explain``."""
    text = explain(case, result, params)
    page_based = all(f"{label} " in text for label, *_ in COMPONENTS[:1]) and "/" in text
    note = averages_note(case, result, params) if page_based else ""
    both = Coded("explain.with_averages", text=text, note=note) if note else text
    return both if lang is None else in_language(both, lang)
