"""The printed derivation of one judge's quota (个人年度任务的推导), in Chinese or English: the one
sentence the sheet, the quota notice, the window (我的工作量) and ``workload quota show`` print.

It is arithmetic a reader can redo with a calculator: the factors shown multiply to the figure
printed. A part-year judge's quota is the sum of the month targets (full-year month target of the
post × share of the month in post), so the factor shown is the month-weighted share in post

    在岗折算 = quota ÷ (common quota × post fraction)

printed with as many decimals (at least four) as make ``common × fraction × share`` round to the
quota, e.g. 「基本任务 37 × 职务系数 1 × 在岗折算 0.8605 = 31.84」, with the months in post named
beside it. A full-year judge's quota is common × fraction; after a re-plan whose kept months
exceed the new annual figure the factor is named as the re-plan's (调整折算).
"""

from __future__ import annotations

import calendar
import math

from workload_app.core import messages
from workload_app.core.quotas import days_in_post_by_month, round_half_up

_MONTH_EN = tuple(calendar.month_abbr)  # '', 'Jan', …, 'Dec' (the C locale's names)


def _number(x: float, digits: int = 2) -> str:
    return f"{x:,.{digits}f}"


def _factor(x: float) -> str:
    return f"{x:g}"


def share_digits(base: float, quota: float) -> tuple[float, int]:
    """(share, decimals): share = quota ÷ base, with the fewest decimals (4 to 10) whose rounded
    share times ``base`` rounds (half up, to 0.01) to ``quota``."""
    share = quota / base
    for digits in range(4, 11):
        shown = round(share, digits)
        if round_half_up(base * shown, 2) == round_half_up(quota, 2):
            return shown, digits
    return share, 10


def months_in_post(year: int, in_post_from: object, in_post_to: object, lang: str = messages.ZH) -> str:
    """The months in post named: whole months as runs (4—12月), a part month with its days
    (3月 16/31 天); '' when in post all year."""
    days = days_in_post_by_month(year, in_post_from, in_post_to)
    full = [calendar.monthrange(year, m)[1] for m in range(1, 13)]
    en = lang.startswith(messages.EN)
    parts: list[str] = []
    m = 1
    while m <= 12:
        d = int(days[m - 1])
        if d == 0:
            m += 1
            continue
        if d < full[m - 1]:
            parts.append(f"{_MONTH_EN[m]} {d}/{full[m - 1]} days" if en else f"{m}月 {d}/{full[m - 1]} 天")
            m += 1
            continue
        end = m
        while end < 12 and int(days[end]) == full[end]:
            end += 1
        if en:
            parts.append(_MONTH_EN[m] if end == m else f"{_MONTH_EN[m]}–{_MONTH_EN[end]}")
        else:
            parts.append(f"{m}月" if end == m else f"{m}—{end}月")
        m = end + 1
    return (", " if en else "、").join(parts)


def _date_text(value: object, lang: str = messages.ZH) -> str:
    """A date of the sentence: 「2025 年 3 月 16 日」 in Chinese (the form on paper), ISO in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return ""
    iso = str(value)[:10]
    if lang.startswith(messages.EN):
        return iso
    year, month, day = (int(p) for p in iso.split("-"))
    return f"{year} 年 {month} 月 {day} 日"


def _part_year(year: int, start: object, end: object) -> bool:
    days = days_in_post_by_month(year, start, end).sum()
    return 0 < days < (366 if calendar.isleap(year) else 365)


def quota_sentence(row: dict, year: int, lang: str = messages.ZH) -> str:
    """The derivation of a judge's quota from a plan's judge record (common_quota, post_fraction,
    computed_quota, quota, override_reason, in_post_from, in_post_to) in ``lang``."""
    common = float(row["common_quota"])
    fraction = float(row["post_fraction"])
    computed = float(row["computed_quota"])
    base = round_half_up(common * fraction, 2)
    start, end = row.get("in_post_from"), row.get("in_post_to")
    args = {
        "common": _number(common, 0),
        "fraction": _factor(fraction),
        "quota": _number(computed),
        "start": _date_text(start, lang) or messages.render("quota.sentence_before", None, lang),
        "end": _date_text(end, lang) or messages.render("quota.sentence_after", None, lang),
        "months": months_in_post(year, start, end, lang),
    }
    if base <= 0:
        text = messages.render("quota.sentence_full", args, lang)
    elif _part_year(year, start, end):
        share, digits = share_digits(base, computed)
        text = messages.render("quota.sentence_part", {**args, "share": f"{share:.{digits}f}"}, lang)
    elif round_half_up(computed, 2) == base:
        text = messages.render("quota.sentence_full", args, lang)
    else:  # a full year whose kept months (before a re-plan) exceed the new annual figure
        share, digits = share_digits(base, computed)
        text = messages.render("quota.sentence_replanned", {**args, "share": f"{share:.{digits}f}"}, lang)
    if row.get("override_reason"):
        text += messages.render(
            "quota.sentence_override",
            {"quota": _number(float(row["quota"])), "reason": row["override_reason"]},
            lang,
        )
    return text
