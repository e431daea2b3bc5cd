"""The assessment of judges and divisions against their targets, in one place.

From a year's tally (credited standard cases per judge to the month), the quota plan and the
parameters:

    completion      = SC to date ÷ target to date (Σ the judge's month targets so far)
    score           = piecewise linear in completion (``params.score.breakpoints``), less the
                      optional deduction for reversed/remanded cases, never below 0
    ranks           = by completion within the post group, in the division and in the court (track)
    division        = Σ of its judges; SC per judge = SC ÷ Σ post fraction × weighted share in post
    staffing need   = (SC to date ÷ pattern share to date) ÷ one ordinary judge's common quota
    balance         = coefficient of variation of SC per judge across divisions, per track
    transfer supply = (open cases + filings still to come) × SC per case − (target − SC)
    progress        = cumulative SC by month against the cumulative month targets

Pure: the services load the data, call ``assess`` once and scope what it returns to the viewer.
The figures are frozen dataclasses (``JudgeFigures``, ``DivisionFigures``, ``CourtFigures``); the
tables the services have always returned are kept beside them (``judge_table``,
``division_table``), built in the same pass.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace

import numpy as np
import pandas as pd

from workload_app.core import quality as qm
from workload_app.core.messages import Coded, Phrase
from workload_app.core.moves import split_month_targets
from workload_app.core.params import Params
from workload_app.core.transfers import Transfer, TransferInputs, suggest_transfers, transfers  # noqa: F401

TRACKS = ("trial", "enforcement")
TRACK_LABELS = {"trial": "审判", "enforcement": "执行"}
MONTH_COLS = [f"m{m}" for m in range(1, 13)]
PATTERN_LABELS = {"last_year": "上年各月结案分布", "even": "各月平均", "working_days": "各月工作日"}


def _round_half_up(x: float, digits: int = 2) -> float:
    q = 10**digits
    return math.floor(x * q + 0.5 + 1e-9) / q


# ---------------------------------------------------------------- rules


def score(completion: float, breakpoints: tuple[tuple[float, float], ...]) -> float:
    """Piecewise linear through (multiple of target, points); flat beyond the last breakpoint."""
    if completion is None or math.isnan(completion):
        return float("nan")
    xs = [b[0] for b in breakpoints]
    ys = [b[1] for b in breakpoints]
    return float(np.interp(completion, xs, ys, left=ys[0], right=ys[-1]))


def rank_in_groups(frame: pd.DataFrame, value: str, groups: list[str]) -> pd.Series:
    """Rank (1 = best) by ``value`` descending within ``groups``; ties share the best rank (1, 1, 3)."""
    return frame.groupby(groups)[value].rank(method="min", ascending=False).astype("Int64")


COMPLETION_EDGES = (0.6, 0.8, 1.0, 1.2)


def completion_bands(edges: tuple[float, ...] = COMPLETION_EDGES) -> list[str]:
    """Band names: 0–60%, 60–80%, 80–100%, 100–120%, ≥120% for the default edges."""
    pct = [f"{e * 100:g}%" for e in edges]
    return [f"0–{pct[0]}"] + [f"{a[:-1]}–{b}" for a, b in zip(pct, pct[1:], strict=False)] + [f"≥{pct[-1]}"]


def completion_distribution(completion: pd.Series, edges: tuple[float, ...] = COMPLETION_EDGES) -> pd.Series:
    """How many judges fall in each completion band (a band holds its lower edge: exactly 100 % is
    in 100–120 %); judges without a target (NaN) are not counted."""
    values = completion.dropna().to_numpy(dtype=float)
    counts = np.bincount(np.searchsorted(np.asarray(edges), values, side="right"), minlength=len(edges) + 1)
    return pd.Series(counts, index=completion_bands(edges), dtype=int)


def coefficient_of_variation(values: np.ndarray) -> float:
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    if len(v) == 0 or v.mean() == 0:
        return float("nan")
    return float(v.std(ddof=0) / v.mean())


def pattern_share_to_date(weights: np.ndarray, through_month: int) -> float:
    """Share of the year's work the pattern puts in months 1 … ``through_month``."""
    w = np.asarray(weights, dtype=float)
    return float(w[:through_month].sum() / w.sum()) if w.sum() > 0 else through_month / 12


def staffing_assumption(through_month: int, share: float, common: float, track: str, pattern: str) -> Coded:
    """What the staffing need assumed, in words a 庭长 can check (a coded text)."""
    return Coded(
        "assessment.staffing_assumption",
        track=Phrase(f"assessment.track_{track}") if track in TRACK_LABELS else track,
        pattern=Phrase(f"assessment.pattern_{pattern}") if pattern in PATTERN_LABELS else pattern,
        month=through_month,
        share=share,
        common=common,
    )


# ---------------------------------------------------------------- typed figures


def _none_if_na(value: object) -> int | None:
    return (
        None
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
        else int(value)
    )


class _Record:
    """Read-only record access (``figures["score"]``) for callers that still treat a row as a mapping."""

    def keys(self) -> list[str]:
        return [f.name for f in fields(self)]  # type: ignore[arg-type]

    def __getitem__(self, key: str) -> object:
        if key not in self.keys():
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: object = None) -> object:
        return getattr(self, key) if key in self.keys() else default

    def __eq__(self, other: object) -> bool:
        """Field by field, a missing figure (NaN) equal to a missing one: the same figures are equal."""
        if type(other) is not type(self):
            return NotImplemented
        return all(_same(getattr(self, k), getattr(other, k)) for k in self.keys())

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, k) for k in self.keys()))


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


@dataclass(frozen=True, eq=False)
class JudgeFigures(_Record):
    """One judge's assessment to the month (ranks: None where unranked or not shown)."""

    judge: str
    division: str
    post: str
    track: str
    post_group: str
    cases: int
    sc: float
    quota: float
    target_to_date: float
    completion: float
    score: float
    score_before_deduction: float
    deduction: float
    reversed_remanded: int
    deduction_per_reversed: float
    deduction_cap: float
    base_to_date: float
    saturation_to_date: float
    base_number: float
    saturation_number: float
    rank_division: int | None
    rank_court: int | None
    n_division: int  # judges ranked in the same division and post group
    n_court: int  # judges ranked in the same track and post group
    unranked_reason: str = ""  # why not ranked though assessed (too short a time in post), else ''
    months_in_post: float = float("nan")  # Σ share of each month of the period in post
    months_needed: float = float("nan")  # the minimum for a rank: the setting, or the whole period

    def without_ranks(self) -> JudgeFigures:
        return replace(self, rank_division=None, rank_court=None)


@dataclass(frozen=True, eq=False)
class DivisionFigures(_Record):
    """A division's assessment in one track, with its staffing need."""

    division: str
    track: str
    judges: int
    equivalents: float
    sc: float
    target: float
    target_to_date: float
    completion: float
    sc_per_judge: float
    expected_workload: float
    judges_needed: float
    pattern_share: float
    assumption: str


@dataclass(frozen=True, eq=False)
class MonthProgress(_Record):
    month: int
    cases: int
    sc: float
    cumulative: float
    target_cumulative: float
    completion: float


@dataclass(frozen=True, eq=False)
class Progress(_Record):
    """Cumulative SC by month through the month, against the cumulative month targets (all 12)."""

    months: tuple[MonthProgress, ...]
    target_cumulative: tuple[float, ...]

    @property
    def actual(self) -> list[float]:
        return [m.cumulative for m in self.months]

    @property
    def target(self) -> list[float]:
        return list(self.target_cumulative)


@dataclass(frozen=True, eq=False)
class CourtFigures:
    """Everything the assessment says of a year to the month: every judge and division, the
    balance, the progress per track and the suggested transfers (court-wide, or scoped by a
    service to what a viewer may see)."""

    year: int
    month: int
    judges: tuple[JudgeFigures, ...]
    divisions: tuple[DivisionFigures, ...]
    balance: Mapping[str, float]
    progress: Mapping[str, Progress]
    transfers: tuple[Transfer, ...]
    planned: bool  # whether a quota plan holds the targets (without one they are all 0)
    judge_table: pd.DataFrame = field(repr=False)
    division_table: pd.DataFrame = field(repr=False)

    def judge(self, name: str) -> JudgeFigures | None:
        return next((j for j in self.judges if j.judge == name), None)

    def division(self, name: str) -> DivisionFigures | None:
        return next((d for d in self.divisions if d.division == name), None)

    def members(self, division: str) -> tuple[JudgeFigures, ...]:
        return tuple(j for j in self.judges if j.division == division)

    def transfers_of(self, division: str) -> tuple[Transfer, ...]:
        return tuple(t for t in self.transfers if division in (t.from_division, t.to_division))

    def distribution(self) -> dict[str, pd.Series]:
        """Judges per completion band, per track of the judges held."""
        return {
            track: completion_distribution(part["completion"])
            for track, part in self.judge_table.groupby("track")
        }


# ---------------------------------------------------------------- tables


def judge_table(
    tally: pd.DataFrame,
    plan: dict | None,
    params: Params,
    through_month: int,
    reversed_remanded: Mapping[str, int] | None = None,
    months_in_post: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Every judge of ``tally`` (judge, division, post, track, cases, sc_trial, sc_enforcement) with
    sc in their unit, quota, target to date, completion, score (less the deduction when the
    parameters set one; ``reversed_remanded`` counts the judges' reversed/remanded cases),
    base and saturation to date, post group and ranks. A judge in post fewer months of the period
    (``months_in_post``: Σ share of each month in post, January to ``through_month``) than
    ``assessment.min_months_in_post`` (the whole period when shorter) is not ranked and takes no
    place in others' ranks; ``unranked_reason`` says so."""
    t = tally.copy()
    t["sc"] = np.where(t["track"] == "enforcement", t["sc_enforcement"], t["sc_trial"])
    if plan is None:
        t["quota"] = np.nan
        t["target_to_date"] = np.nan
    else:
        judges, months = pd.DataFrame(plan["judges"]), pd.DataFrame(plan["months"])
        months["target_to_date"] = months[MONTH_COLS[:through_month]].sum(axis=1).round(2)
        t = t.merge(judges[["judge", "quota"]], on="judge", how="left").merge(
            months[["judge", "target_to_date"]], on="judge", how="left"
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        t["completion"] = np.where(t["target_to_date"] > 0, t["sc"] / t["target_to_date"], np.nan)
    t["score"] = [score(c, params.score.breakpoints) for c in t["completion"]]
    t["score_before_deduction"] = t["score"]
    t["deduction"] = 0.0
    if params.quality.deduction_per_reversed > 0:
        counts = reversed_remanded or {}
        t["reversed_remanded"] = [int(counts.get(j, 0)) for j in t["judge"]]
        t["deduction"] = [float(qm.score_deduction(n, params.quality)) for n in t["reversed_remanded"]]
        before = t["score_before_deduction"]
        t["score"] = np.where(before.isna(), np.nan, np.maximum(before - t["deduction"], 0.0))
    # base and saturation numbers of the period: the score's breakpoints times the target to date
    bp = params.score.breakpoints
    t["base_to_date"] = t["target_to_date"] * bp[1][0] if len(bp) > 1 else np.nan
    t["saturation_to_date"] = t["target_to_date"] * bp[-1][0]
    t["post_group"] = [params.assessment.group_of(r) for r in t["post"]]
    needed = min(float(params.assessment.min_months_in_post), float(through_month))
    t["months_in_post"] = [float((months_in_post or {}).get(j, through_month)) for j in t["judge"]]
    t["months_needed"] = needed
    short = t["months_in_post"] < needed - 1e-9
    t["unranked_reason"] = [
        f"任职期间 {m:.2f} 个月，不足 {needed:g} 个月，不参加排名" if s else ""
        for m, s in zip(t["months_in_post"], short, strict=True)
    ]
    ranked = t[t["completion"].notna() & ~short]
    t["rank_division"] = rank_in_groups(ranked, "completion", ["division", "post_group"]).reindex(t.index)
    t["rank_court"] = rank_in_groups(ranked, "completion", ["track", "post_group"]).reindex(t.index)
    return t


def split_moved(
    a: pd.DataFrame,
    moved: Mapping[str, Mapping[str, np.ndarray]],
    shares: Mapping[str, Mapping[str, float]],
    plan: dict | None,
    through_month: int,
) -> pd.DataFrame:
    """A judge moved between divisions during the year counts in each division: head count
    (``equivalent``) by ``shares`` (the share of the year's pattern spent there), quota and target
    to date by the month targets × ``moved``'s share of each month there. Standard cases stay with
    the judge's division at the end of the period (the tally is per judge, not per month and
    division)."""
    months = pd.DataFrame(plan["months"]).set_index("judge") if plan is not None else None
    rows = []
    for r in a.to_dict("records"):
        split = moved.get(r["judge"])
        if not split:
            rows.append(r)
            continue
        parts = (
            split_month_targets(months.loc[r["judge"], MONTH_COLS].to_numpy(dtype=float), split)
            if months is not None and r["judge"] in months.index
            else None
        )  # the one split of month targets by division (core.moves), as 任务 and the command line
        for division in split:
            part = dict(r, division=division, equivalent=r["equivalent"] * shares[r["judge"]][division])
            if division != r["division"]:
                part["sc"] = 0.0
            if parts is not None:
                m = parts[division]
                part["quota"] = round(float(m.sum()), 2)
                part["target_to_date"] = round(float(m[:through_month].sum()), 2)
            rows.append(part)
    return pd.DataFrame(rows)


def division_table(
    judges: pd.DataFrame,
    plan: dict | None,
    params: Params,
    through_month: int,
    weights: Mapping[str, np.ndarray],
    equivalents: Iterable[float],
    moved: Mapping[str, Mapping[str, np.ndarray]] | None = None,
    moved_shares: Mapping[str, Mapping[str, float]] | None = None,
) -> pd.DataFrame:
    """Per division and track: judges, equivalents (``equivalents``, one per row of ``judges``:
    post fraction × pattern-weighted share in post), SC, target, target to date, completion,
    SC per judge, and the staffing need by the plan's month pattern ``weights``."""
    a = judges.assign(equivalent=list(equivalents))
    if moved:
        a = split_moved(a, moved, moved_shares or {}, plan, through_month)
    g = (
        a.groupby(["division", "track"], sort=False)
        .agg(
            judges=("judge", "count"),
            equivalents=("equivalent", "sum"),
            sc=("sc", "sum"),
            target=("quota", "sum"),
            target_to_date=("target_to_date", "sum"),
        )
        .reset_index()
    )
    g["completion"] = np.where(g["target_to_date"] > 0, g["sc"] / g["target_to_date"], np.nan)
    g["sc_per_judge"] = np.where(g["equivalents"] > 0, g["sc"] / g["equivalents"], np.nan)
    if plan is not None:
        common = {t: plan["inputs"][t]["common_quota"] for t in TRACKS}
        # expected workload: SC to date ÷ the share of the year's work the targets' month pattern
        # puts in the months so far (the same pattern the targets follow, per track)
        share = {t: pattern_share_to_date(weights[t], through_month) for t in TRACKS}
        g["expected_workload"] = [
            sc / share[t] if share[t] > 0 else np.nan for sc, t in zip(g["sc"], g["track"], strict=True)
        ]
        g["judges_needed"] = [
            w / common[t] if common[t] else np.nan
            for w, t in zip(g["expected_workload"], g["track"], strict=True)
        ]
        g["pattern_share"] = [share[t] for t in g["track"]]
        g["assumption"] = [
            staffing_assumption(through_month, share[t], common[t], t, plan.get("pattern", ""))
            for t in g["track"]
        ]
    else:
        g["expected_workload"] = np.nan
        g["judges_needed"] = np.nan
        g["pattern_share"] = np.nan
        g["assumption"] = ""
    return g


def balance(divisions: pd.DataFrame) -> dict[str, float]:
    """Coefficient of variation of SC per full-time judge across divisions, per track."""
    return {
        t: coefficient_of_variation(divisions.loc[divisions["track"] == t, "sc_per_judge"].to_numpy())
        for t in TRACKS
    }


# ---------------------------------------------------------------- progress


def progress(
    sc_by_month: np.ndarray, cases_by_month: np.ndarray, target_by_month: np.ndarray, through_month: int
) -> Progress:
    """Month rows through ``through_month``: cases, SC, cumulative SC and target, completion."""
    cumulative = np.cumsum(np.asarray(sc_by_month, dtype=float))
    target_cum = np.cumsum(np.asarray(target_by_month, dtype=float))
    months = tuple(
        MonthProgress(
            month=m,
            cases=int(cases_by_month[m - 1]),
            sc=float(sc_by_month[m - 1]),
            cumulative=float(cumulative[m - 1]),
            target_cumulative=float(target_cum[m - 1]),
            completion=float(cumulative[m - 1] / target_cum[m - 1])
            if target_cum[m - 1] > 0
            else float("nan"),
        )
        for m in range(1, through_month + 1)
    )
    return Progress(months, tuple(float(x) for x in target_cum))


def by_month(monthly: pd.DataFrame, column: str) -> np.ndarray:
    """Twelve monthly sums of ``column`` of a (judge, month, …) credit table."""
    sums = monthly.groupby("month")[column].sum()
    return np.array([float(sums.get(m, 0.0)) for m in range(1, 13)])


def plan_targets(plan: dict | None, judges: Iterable[str]) -> np.ndarray:
    """Σ of the plan's month targets of ``judges`` (zeros without a plan)."""
    if plan is None or not plan.get("months"):
        return np.zeros(12)
    months = pd.DataFrame(plan["months"])
    return months[months["judge"].isin(list(judges))][MONTH_COLS].sum().to_numpy(dtype=float)


def track_progress(
    monthly: pd.DataFrame, plan: dict | None, judges: pd.DataFrame, through_month: int
) -> dict[str, Progress]:
    """The cumulative progress of each track: every credited SC of the track's unit in ``monthly``
    against the month targets of the track's judges (of ``judges``) in ``plan``."""
    out = {}
    for track in TRACKS:
        column = "sc_trial" if track == "trial" else "sc_enforcement"
        target = plan_targets(plan, judges.loc[judges["track"] == track, "judge"])
        out[track] = progress(by_month(monthly, column), np.zeros(12, dtype=int), target, through_month)
    return out


# ---------------------------------------------------------------- typed rows


def judge_figures(
    table: pd.DataFrame, params: Params, names: set[str] | None = None
) -> tuple[JudgeFigures, ...]:
    """The typed rows of ``judge_table`` (of ``names`` only, when given; counted against all)."""
    ranked = table[table["rank_court"].notna()]
    n_div = ranked.groupby(["division", "post_group"]).size()
    n_court = ranked.groupby(["track", "post_group"]).size()
    bp = params.score.breakpoints
    out = []
    rows = table if names is None else table[table["judge"].isin(names)]
    for r in rows.to_dict("records"):
        quota = float(r["quota"]) if pd.notna(r["quota"]) else float("nan")
        out.append(
            JudgeFigures(
                judge=r["judge"],
                division=r["division"],
                post=r["post"],
                track=r["track"],
                post_group=r["post_group"],
                cases=int(r["cases"]),
                sc=float(r["sc"]),
                quota=quota,
                target_to_date=float(r["target_to_date"]),
                completion=float(r["completion"]),
                score=float(r["score"]),
                score_before_deduction=float(r["score_before_deduction"]),
                deduction=float(r["deduction"]),
                reversed_remanded=int(r.get("reversed_remanded", 0)),
                deduction_per_reversed=float(params.quality.deduction_per_reversed),
                deduction_cap=float(params.quality.deduction_cap),
                base_to_date=float(r["base_to_date"]),
                saturation_to_date=float(r["saturation_to_date"]),
                base_number=quota * bp[1][0] if len(bp) > 1 else float("nan"),
                saturation_number=quota * bp[-1][0],
                rank_division=_none_if_na(r["rank_division"]),
                rank_court=_none_if_na(r["rank_court"]),
                n_division=int(n_div.get((r["division"], r["post_group"]), 0)),
                n_court=int(n_court.get((r["track"], r["post_group"]), 0)),
                unranked_reason=str(r.get("unranked_reason") or ""),
                months_in_post=float(r.get("months_in_post", float("nan"))),
                months_needed=float(r.get("months_needed", float("nan"))),
            )
        )
    return tuple(out)


def division_figures(table: pd.DataFrame) -> tuple[DivisionFigures, ...]:
    """The typed rows of ``division_table``."""
    names = [f.name for f in fields(DivisionFigures)]
    return tuple(
        DivisionFigures(**{k: (v.item() if hasattr(v, "item") else v) for k, v in r.items() if k in names})
        for r in table.to_dict("records")
    )


def assess(
    tally: pd.DataFrame,
    plan: dict | None,
    params: Params,
    through_month: int,
    *,
    year: int,
    weights: Mapping[str, np.ndarray],
    equivalents: Mapping[str, float],
    monthly: pd.DataFrame,
    reversed_remanded: Mapping[str, int] | None = None,
    supply: TransferInputs | None = None,
    moved: Mapping[str, Mapping[str, np.ndarray]] | None = None,
    moved_shares: Mapping[str, Mapping[str, float]] | None = None,
    months_in_post: Mapping[str, float] | None = None,
) -> CourtFigures:
    """The whole court's assessment to ``through_month``: judges, divisions, balance, progress per
    track and (with ``supply``, before December) the suggested transfers. ``equivalents`` maps each
    judge to post fraction × weighted share in post; ``monthly`` is the credit per judge and month."""
    judges = judge_table(tally, plan, params, through_month, reversed_remanded, months_in_post)
    divisions = division_table(
        judges,
        plan,
        params,
        through_month,
        weights,
        [equivalents.get(j, 0.0) for j in judges["judge"]],
        moved,
        moved_shares,
    )
    moves: list[Transfer] = []
    if supply is not None:
        share = pattern_share_to_date(weights["trial"], through_month)
        moves = transfers(divisions, supply, share, through_month)
    return CourtFigures(
        year=year,
        month=through_month,
        judges=judge_figures(judges, params),
        divisions=division_figures(divisions),
        balance=balance(divisions),
        progress=track_progress(monthly[monthly["month"] <= through_month], plan, judges, through_month),
        transfers=tuple(moves),
        planned=plan is not None,
        judge_table=judges,
        division_table=divisions,
    )
