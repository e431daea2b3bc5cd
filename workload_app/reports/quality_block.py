"""The 质效指标 block of a sheet: the indicators of ``services.quality`` with numerator and
denominator, the reference range and the mark of an out-of-range value (▲/▼, bold, framed), the
data dates, the long-pending bands and cases; and the divisions side by side (never ranked)."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

from workload_app.core import formatting as fmt
from workload_app.core import quality as qm
from workload_app.reports.pdf import CONTENT_W, Emphasis, escape, heading, styles, table
from workload_app.reports.sheet_parts import cn_date

W = CONTENT_W

# ---------------------------------------------------------------- 质效指标

# what each indicator's numerator and denominator count
QUALITY_PARTS = {
    "closing_rate": ("已结", "旧存＋新收"),
    "closed_to_filed": ("已结", "新收"),
    "within_limit_rate": ("审限内结案", "有审限的结案"),
    "mean_days": ("审理天数合计", "结案"),
    "long_pending_rate": ("未结满12个月", "期末未结"),
    "acceptance_rate": ("未上诉", "一审判决、裁定结案"),
    "reversed_remanded_rate": ("改判、发回重审", "一审结案"),
    "enforcement_recovery_rate": ("执行到位金额（元）", "申请执行金额（元）"),
}
HIGH_MARK, LOW_MARK = "▲", "▼"  # printed with bold: an out-of-range value reads in black and white


def _part(key: str, x: float) -> str:
    if key == "enforcement_recovery_rate":
        return fmt.sc(x)
    return fmt.count(x) if float(x).is_integer() else fmt.sc(x, 1)


def indicator_value(ind: qm.Indicator) -> str:
    """The value as printed: per cent with one decimal, mean days with one decimal and 天; an
    out-of-range value that would round onto its bound (69.96 % against ≥ 70 %) gets the decimals
    that show on which side it lies."""
    if ind.value is None:
        return "—"
    days = ind.key == "mean_days"
    scale, unit = (1, " 天") if days else (100, "%")
    bounds = [b for b in (ind.low, ind.high) if b is not None]
    digits = 1
    while (
        ind.in_range is False
        and digits < 4
        and any(round(ind.value * scale, digits) == round(b * scale, digits) for b in bounds)
    ):
        digits += 1
    return f"{ind.value * scale:.{digits}f}{unit}"


def range_label(ind: qm.Indicator) -> str:
    def f(x: float) -> str:
        return f"{x:g} 天" if ind.key == "mean_days" else f"{x * 100:g}%"

    if ind.low is not None and ind.high is not None:
        return f"{f(ind.low)}–{f(ind.high)}"
    if ind.low is not None:
        return f"≥ {f(ind.low)}"
    if ind.high is not None:
        return f"≤ {f(ind.high)}"
    return "未设"


def indicator_mark(ind: qm.Indicator) -> str:
    """▲ above the range, ▼ below it, 达标 inside, 不评价 from too small a denominator, — without a
    value (nothing to measure)."""
    if ind.too_few:
        return "不评价"
    if ind.in_range is None:
        return "—"
    if ind.in_range:
        return "达标"
    return (
        f"{HIGH_MARK} 高于上限" if ind.high is not None and ind.value > ind.high else f"{LOW_MARK} 低于下限"
    )


def _date_of(ind: qm.Indicator) -> str:
    when = cn_date(ind.data_date, compact=True) if ind.data_date else "—"
    return f"二审 {when}" if ind.key in qm.APPEAL_KEYS else when


def _bold(text: str, right: bool = False) -> Emphasis:
    return Emphasis(text, right=right)


OUT_OF_RANGE_BOX = 1.3  # points: the frame around an out-of-range value and its mark


# indicators that cannot apply to a track's cases: no amounts on trial cases, no appeals on
# enforcement cases; their rows are left out of that track's sheets
NOT_FOR_TRACK = {
    "trial": frozenset({"enforcement_recovery_rate"}),
    "enforcement": frozenset({"acceptance_rate", "reversed_remanded_rate"}),
}


def shown_indicators(fig: qm.QualityFigures, track: str | None = None) -> list[qm.Indicator]:
    """The indicators a sheet of ``track`` prints (all of them on a sheet of both tracks)."""
    left_out = NOT_FOR_TRACK.get(track or "", frozenset())
    return [ind for ind in fig.indicators if ind.key not in left_out]


def indicator_table(fig: qm.QualityFigures, track: str | None = None) -> Table:
    """指标 | 分子 | 分母 | 数值 | 参考范围 | 评价 | 数据日期; an out-of-range row in bold with ▲/▼;
    rows that cannot apply to ``track`` left out."""
    st = styles()
    indicators = shown_indicators(fig, track)
    rows: list[list] = [["指标", "分子", "分母", "数值", "参考范围", "评价", "数据日期"]]
    for ind in indicators:
        num_label, den_label = QUALITY_PARTS[ind.key]
        # the label over the number: a number never breaks across lines
        num = Paragraph(f"{escape(num_label)}<br/>{_part(ind.key, ind.numerator)}", st["cell"])
        den = Paragraph(f"{escape(den_label)}<br/>{_part(ind.key, ind.denominator)}", st["cell"])
        value, mark = indicator_value(ind), indicator_mark(ind)
        if ind.in_range is False:
            arrow = mark.split()[0]
            rows.append(
                [
                    _bold(ind.label),
                    num,
                    den,
                    _bold(f"{arrow} {value}", right=True),
                    range_label(ind),
                    _bold(mark),
                    _date_of(ind),
                ]
            )
        else:
            rows.append([ind.label, num, den, value, range_label(ind), mark, _date_of(ind)])
    widths = [W * x for x in (0.19, 0.16, 0.17, 0.1, 0.11, 0.12, 0.15)]
    t = table(rows, widths, numeric_from=None, zebra=False)
    t.setStyle(
        TableStyle(
            [
                ("BOX", (3, i), (3, i), OUT_OF_RANGE_BOX, "#000000")
                for i, ind in enumerate(indicators, start=1)
                if ind.in_range is False
            ]
            + [
                ("BOX", (5, i), (5, i), OUT_OF_RANGE_BOX, "#000000")
                for i, ind in enumerate(indicators, start=1)
                if ind.in_range is False
            ]
        )
    )
    return t


def _dates_note(q: dict) -> str:
    data = cn_date(q["data_date"]) if q.get("data_date") else "—"
    appeals = cn_date(q["appeals_date"]) if q.get("appeals_date") else None
    text = (
        f"统计至 {cn_date(q['period_end'])}；案件数据截至 {data}（最近一次案件导入）。"
        + (
            f"二审结果陆续回传，服判息诉率与改判发回重审率以截至 {appeals} 收到的二审结果为准（数据日期标「二审」）。"
            if appeals
            else "尚未收到二审结果，服判息诉率与改判发回重审率以导入的「上诉」「二审结果」列为准。"
        )
        + f"{HIGH_MARK}/{LOW_MARK}（加粗、加框）：高于参考上限/低于参考下限。质效指标只作对照，不排名"
    )
    return text


def _bands_text(fig: qm.QualityFigures, end: str) -> str:
    return (
        f"截至 {cn_date(end)} 未结 {fmt.count(fig.pending)} 件，其中长期未结：{qm.BAND_LABELS['12-18']} {fig.pending_12_18} 件，"
        f"{qm.BAND_LABELS['18-36']} {fig.pending_18_36} 件，{qm.BAND_LABELS['36+']} {fig.pending_over_36} 件。"
    )


def quality_section(
    q: dict, title: str, *, with_cases: bool = False, deducts: bool = False, track: str | None = None
) -> list:
    """The 质效指标 block: the table (heading kept with it), the dates note, the long-pending bands,
    and on a judge's sheet the long-pending cases with their recorded reasons."""
    st = styles()
    fig: qm.QualityFigures | None = q.get("figures")
    head = heading(title)
    if fig is None:
        return [head, Paragraph("本期没有立案、结案或未结的案件，无质效指标。", st["base"])]
    note = _dates_note(q) + ("（配置了改判发回扣分的，见上文得分）。" if deducts else "。")
    note += qm.flag_rule_note(fig)
    out: list = [
        KeepTogether([head, indicator_table(fig, track)]),
        Paragraph(escape(note), st["note"]),
        Paragraph(escape(_bands_text(fig, q["period_end"])), st["base"]),
    ]
    for other in q.get("elsewhere") or ():
        out.append(
            Paragraph(
                escape(
                    f"另有在「{other.division or '未分部门'}」承办的案件（新收 {other.filed} 件、已结 {other.closed} 件、"
                    f"未结 {other.pending} 件）未计入上表，计入该部门的质效指标。"
                ),
                st["note"],
            )
        )
    if with_cases:
        cases = q.get("long_pending") or ()
        if cases:
            rows = [["案号", "立案日期", "未结时长", "档次", "未结原因", "说明"]]
            for c in cases:
                rows.append(
                    [
                        c.case_number,
                        cn_date(c.filed_on, compact=True),
                        f"{c.age_months} 个月",
                        c.band_label,
                        c.reason or "未填写",
                        c.note,
                    ]
                )
            widths = [None, None, None, None, None, "*"]
            out.append(heading(f"长期未结案件（满 12 个月，{len(cases)} 件）及未结原因"))
            out.append(table(rows, widths))
        else:
            out.append(Paragraph("无满 12 个月的未结案件。", st["base"]))
    return out


def division_quality_table(divisions: tuple[qm.QualityFigures, ...]) -> Table:
    """One row per division, in name order (no rank is built on a quality indicator)."""
    keys = (
        "closing_rate",
        "within_limit_rate",
        "mean_days",
        "acceptance_rate",
        "reversed_remanded_rate",
        "enforcement_recovery_rate",
    )
    rows: list[list] = [["部门"] + [qm.INDICATOR_LABELS[k] for k in keys] + ["长期未结"]]
    boxes = []
    for r, fig in enumerate(sorted(divisions, key=lambda f: f.name), start=1):
        row: list = [fig.name or "（未分部门）"]
        for c, k in enumerate(keys, start=1):
            ind = fig.indicator(k)
            if ind.in_range is False:
                boxes.append(("BOX", (c, r), (c, r), OUT_OF_RANGE_BOX, "#000000"))
                row.append(_bold(f"{indicator_mark(ind).split()[0]} {indicator_value(ind)}", right=True))
            else:
                row.append(indicator_value(ind))
        row.append(fmt.count(fig.pending_12_18 + fig.pending_18_36 + fig.pending_over_36))
        rows.append(row)
    widths = [W * 0.16] + [W * 0.12] * len(keys) + [W * 0.12]
    t = table(rows, widths, numeric_from=1, zebra=False)
    t.setStyle(TableStyle(boxes))
    return t
