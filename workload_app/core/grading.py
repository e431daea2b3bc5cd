"""The year-end grade (年度考核等次): proposals from the figures, the 优秀 cap per assessment group,
ties at the cap's boundary, and what a grade means for the judge.

The 法官法 (2019, arts. 38–43) grades each judge 优秀、称职、基本称职 or 不称职; a judge in post too
short a part of the year is not graded (不定等次). Where the 法官法 is silent the civil-servant
rules apply (art. 68): 优秀 is capped at a share of those graded (default 20 %, an approved raise
up to 25 %), and different post levels are graded separately, so 院领导, 庭领导 and 审判员 do not
take each other's 优秀 places. The SPC's 2021 guidance ties grades to consequences: 优秀 first for
promotion; 基本称职 / 不称职 no performance bonus (奖励性绩效) and the year does not count toward
promotion; 不称职 once or 基本称职 two years running, the judge leaves the 员额.

Pure: figures in, proposals out. Storage and the committee's decisions are ``services.grades``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from workload_app.core.grading_params import ROUNDING_LABELS, GradingParams
from workload_app.core.messages import Coded

EXCELLENT, COMPETENT, BASIC, INCOMPETENT, UNGRADED = "优秀", "称职", "基本称职", "不称职", "不定等次"
GRADES = (EXCELLENT, COMPETENT, BASIC, INCOMPETENT, UNGRADED)
GRADE_EN = {
    EXCELLENT: "Excellent",
    COMPETENT: "Competent",
    BASIC: "Basically competent",
    INCOMPETENT: "Incompetent",
    UNGRADED: "Not graded",
}

# The record's states, in order (个人总结 → 等次建议 → 考评委员会审核 → 公示 → 确定 → 书面通知)
STATES = ("summary", "proposal", "committee", "publication", "confirmed", "notified")
# each a coded text (core.texts_grades): its Chinese as a string, its English where rendered
STATE_LABELS = {s: Coded(f"grade.state.{s}") for s in STATES}
LOCKED_STATES = ("confirmed", "notified")


@dataclass(frozen=True)
class GradingFigures:
    """What the program knows of a judge's year: the inputs of a proposal."""

    judge: str
    division: str
    post: str
    group: str  # the assessment group (the year's post group)
    share_in_post: float  # share of the year's days in post, 0..1
    completion: float | None  # standard cases ÷ quota (None: no quota)
    score: float | None
    out_of_range: tuple[str, ...] = ()  # 质效 indicators outside their range (labels)
    held: int = 0  # cases held for review (待复核)
    dimension_scores: tuple[tuple[str, float], ...] = ()  # 德、能、勤、廉 from the committee


@dataclass(frozen=True)
class Proposal:
    """The program's proposal for one judge, with the sentence that explains it. ``tie``: the judge
    shares the last 优秀 place of the group with others (the committee decides)."""

    judge: str
    group: str
    grade: str
    sentence: str
    candidate: bool  # met the 优秀 thresholds
    total: float | None  # the score the 优秀 candidates are ordered by
    tie: bool = False


@dataclass(frozen=True)
class Cap:
    """The 优秀 cap of one assessment group."""

    group: str
    graded: int  # judges graded in the group (不定等次 not counted)
    share: float
    rounding: str
    places: int

    def text(self) -> str:
        return (
            f"{self.group}：参加定等 {self.graded} 人 × {self.share * 100:g}%"
            f"（{ROUNDING_LABELS[self.rounding]}）= 优秀名额 {self.places} 名"
        )


def cap_places(graded: int, share: float, rounding: str) -> int:
    """优秀 places for ``graded`` judges at ``share``: 四舍五入 (half_up) or 进一 (up), computed in
    decimals so that 0.2 × 15 is exactly 3 and 0.25 × 10 rounds half up to 3."""
    exact = Decimal(str(share)) * graded
    mode = ROUND_HALF_UP if rounding == "half_up" else ROUND_CEILING
    return int(exact.quantize(Decimal(1), rounding=mode))


def caps(proposals_or_groups: dict[str, int], share: float, rounding: str) -> dict[str, Cap]:
    """The cap of every group, from the number of judges graded in each."""
    return {
        g: Cap(g, n, share, rounding, cap_places(n, share, rounding)) for g, n in proposals_or_groups.items()
    }


def total_score(f: GradingFigures, rules: GradingParams) -> float | None:
    """The score candidates are ordered by: the program's score, or, when the court scores the
    dimensions it does not measure, work weight × score + Σ weight × the committee's score."""
    if f.score is None:
        return None
    if not rules.dimension_weights:
        return f.score
    given = dict(f.dimension_scores)
    if any(d not in given for d, _ in rules.dimension_weights):
        return None  # not all dimensions scored yet: no total
    return rules.work_weight * f.score + sum(w * given[d] for d, w in rules.dimension_weights)


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def _pct1(x: float) -> str:
    """A share to one decimal (49.9 %, not a rounded 50 % beside a 50 % threshold)."""
    return f"{x * 100:.1f}".removesuffix(".0") + "%"


def _facts(f: GradingFigures, rules: GradingParams, total: float | None) -> list[str]:
    out = []
    if "completion" in rules.figures:
        out.append(f"完成率 {_pct(f.completion)}" if f.completion is not None else "完成率无（无年度任务）")
    if "score" in rules.figures and f.score is not None:
        out.append(f"得分 {f.score:.1f}")
        if rules.dimension_weights and total is not None and total != f.score:
            out.append(f"加权总分 {total:.1f}")
    if "quality" in rules.figures:
        out.append(
            "质效无超出参考范围项" if not f.out_of_range else "质效超出范围：" + "、".join(f.out_of_range)
        )
    if "held" in rules.figures and f.held:
        out.append(f"待复核案件 {f.held} 件")
    return out


def _candidate(f: GradingFigures, rules: GradingParams, total: float | None) -> tuple[bool, str]:
    """Whether the judge meets every 优秀 threshold that counts; else the first one missed."""
    if "completion" in rules.figures and (f.completion is None or f.completion < rules.excellent_completion):
        return False, f"完成率未达 {_pct(rules.excellent_completion)}"
    if "score" in rules.figures and total is None and rules.dimension_weights and f.score is not None:
        return False, "考评委员会评分未录全"
    if "score" in rules.figures and (total is None or total < rules.excellent_score):
        return False, f"得分未达 {rules.excellent_score:g}"
    if "quality" in rules.figures and len(f.out_of_range) > rules.excellent_max_out_of_range:
        return False, "质效超出范围项多于 " + str(rules.excellent_max_out_of_range)
    if "held" in rules.figures and f.held > rules.excellent_max_held:
        return False, f"待复核案件多于 {rules.excellent_max_held} 件"
    return True, ""


def propose_one(f: GradingFigures, rules: GradingParams) -> Proposal:
    """One judge's proposal before the cap: 不定等次, 不称职, 基本称职, 优秀候选 or 称职."""
    total = total_score(f, rules)
    if f.share_in_post < rules.min_share_in_post:
        sentence = f"在岗 {_pct1(f.share_in_post)}，不足全年 {_pct1(rules.min_share_in_post)}：不定等次"
        return Proposal(f.judge, f.group, UNGRADED, sentence, False, total)
    facts = "，".join(_facts(f, rules, total))
    completion = f.completion if "completion" in rules.figures else None
    if completion is not None and completion < rules.incompetent_below_completion:
        return Proposal(
            f.judge,
            f.group,
            INCOMPETENT,
            f"{facts}，低于 {_pct(rules.incompetent_below_completion)}：建议不称职",
            False,
            total,
        )
    if completion is not None and completion < rules.basic_below_completion:
        return Proposal(
            f.judge,
            f.group,
            BASIC,
            f"{facts}，低于 {_pct(rules.basic_below_completion)}：建议基本称职",
            False,
            total,
        )
    ok, missed = _candidate(f, rules, total)
    if ok:
        return Proposal(f.judge, f.group, EXCELLENT, f"{facts}：建议优秀候选", True, total)
    return Proposal(f.judge, f.group, COMPETENT, f"{facts}（{missed}）：建议称职", False, total)


def _key(p: Proposal) -> float:
    return round(p.total if p.total is not None else -math.inf, 6)


def propose(
    figures: list[GradingFigures], rules: GradingParams, share: float | None = None
) -> tuple[list[Proposal], dict[str, Cap]]:
    """Every judge's proposal and each group's cap. Within a group the 优秀 candidates are ordered
    by their total score; those within the cap stay 优秀, those past it are proposed 称职 with the
    reason; candidates sharing the last place's score are all marked ``tie`` (and stay 优秀
    candidates: the committee decides, nothing is broken silently). ``share``: the cap's share in
    force (a raise), default the rule set's."""
    first = [propose_one(f, rules) for f in figures]
    graded: dict[str, int] = {}
    for p in first:
        graded.setdefault(p.group, 0)
        if p.grade != UNGRADED:
            graded[p.group] += 1
    found = caps(graded, rules.cap_share if share is None else share, rules.rounding)
    out: dict[str, Proposal] = {p.judge: p for p in first}
    for group, cap in found.items():
        candidates = sorted(
            (p for p in first if p.group == group and p.candidate), key=lambda p: (-_key(p), p.judge)
        )
        if len(candidates) <= cap.places:
            continue
        boundary = _key(candidates[cap.places - 1]) if cap.places > 0 else None
        tied = [p for p in candidates if boundary is not None and _key(p) == boundary]
        straddles = any(candidates.index(p) >= cap.places for p in tied)
        for i, p in enumerate(candidates):
            if straddles and p in tied:
                others = "、".join(q.judge for q in tied if q is not p)
                sentence = (
                    f"{p.sentence}；与{others}同分（{p.total:.1f}）并列于{group}优秀名额"
                    f"（{cap.places} 名）边界，由考评委员会决定"
                )
                out[p.judge] = Proposal(p.judge, group, EXCELLENT, sentence, True, p.total, tie=True)
            elif i >= cap.places:
                facts = p.sentence.removesuffix("：建议优秀候选")
                sentence = f"{facts}，达到优秀条件但超出{group}优秀名额（{cap.places} 名）：建议称职"
                out[p.judge] = Proposal(p.judge, group, COMPETENT, sentence, True, p.total)
    return [out[f.judge] for f in figures], found


def count_excellent(grades: dict[str, str], groups: dict[str, str]) -> dict[str, int]:
    """优秀 per group, from each judge's grade and group."""
    out: dict[str, int] = {}
    for judge, grade in grades.items():
        if grade == EXCELLENT:
            out[groups[judge]] = out.get(groups[judge], 0) + 1
    return out


@dataclass(frozen=True)
class Consequences:
    """What a confirmed grade means for the judge (SPC 2021 guidance)."""

    exit_warning: bool  # 不称职, or 基本称职 for the second year running: leaves the 员额
    no_bonus: bool  # 基本称职 / 不称职: no 奖励性绩效, the year does not count toward promotion
    promotion_priority: bool  # 优秀: first for grade promotion

    def texts(self) -> list[str]:
        out = []
        if self.exit_warning:
            out.append("退出员额预警")
        if self.no_bonus:
            out.append("不发放奖励性绩效，本年度不计入晋升年限")
        if self.promotion_priority:
            out.append("等级晋升优先")
        return out


def consequences(grade: str, previous: str | None) -> Consequences:
    """The consequences of ``grade``, given last year's confirmed grade (None: none on record)."""
    return Consequences(
        exit_warning=grade == INCOMPETENT or (grade == BASIC and previous == BASIC),
        no_bonus=grade in (BASIC, INCOMPETENT),
        promotion_priority=grade == EXCELLENT,
    )


def exit_reason(grade: str, previous: str | None) -> str:
    if grade == INCOMPETENT:
        return "本年度考核不称职，依规退出员额"
    if grade == BASIC and previous == BASIC:
        return "连续两年考核基本称职，依规退出员额"
    return ""


def share_in_post(year: int, start: str | None, end: str | None) -> float:
    """The share of the year's days the judge was in post (入额 to 离任, both days counted)."""
    import datetime as dt

    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    a = max(first, dt.date.fromisoformat(start[:10])) if start else first
    b = min(last, dt.date.fromisoformat(end[:10])) if end else last
    days = (b - a).days + 1
    return max(days, 0) / ((last - first).days + 1)


def add_working_days(start, days: int):
    """The last day of ``days`` working days from ``start`` (counted as the first when it is a
    working day); Monday–Friday, without a holiday calendar (as the quotas' working days)."""
    import datetime as dt

    d, left = start, days
    while True:
        if d.weekday() < 5:
            left -= 1
            if left == 0:
                return d
        d += dt.timedelta(days=1)
