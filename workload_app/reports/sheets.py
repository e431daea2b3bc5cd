"""The sheets themselves: judge sheet, division sheet, court summary and quota notice.

Each takes a plain dict of figures computed by the services (no database, no Qt here). The
``*_docs`` builders return the sheet's pages (``SheetDoc``: story, title, running header) so that a
batch can be laid out as one combined document; ``RENDERERS`` turn one figures dict into PDF
bytes. Numbers are written with ``core.formatting`` so the window and the sheet agree.

A printed page is read on its own: pages 2… carry whose sheet it is and the period in the
running header, headings stay with what follows them, and the closing block (last section,
remarks, opinions and signature lines) is kept together so a page never holds only signatures.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from workload_app.core import formatting as fmt
from workload_app.core import quality as qm
from workload_app.reports.charts import bar_chart, progress_chart
from workload_app.reports.pdf import CONTENT_W, Emphasis, SheetDoc, escape, render_documents, styles, table

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
    """▲ above the range, ▼ below it, 达标 inside, — without a value (nothing to measure)."""
    if ind.in_range is None:
        return "—"
    if ind.in_range:
        return "达标"
    return (
        f"{HIGH_MARK} 高于上限" if ind.high is not None and ind.value > ind.high else f"{LOW_MARK} 低于下限"
    )


def _date_of(ind: qm.Indicator) -> str:
    when = ind.data_date.isoformat() if ind.data_date else "—"
    return f"二审 {when}" if ind.key in qm.APPEAL_KEYS else when


def _bold(text: str, right: bool = False) -> Emphasis:
    return Emphasis(text, right=right)


OUT_OF_RANGE_BOX = 1.3  # points: the frame around an out-of-range value and its mark


def indicator_table(fig: qm.QualityFigures) -> Table:
    """指标 | 分子 | 分母 | 数值 | 参考范围 | 评价 | 数据日期; an out-of-range row in bold with ▲/▼."""
    st = styles()
    rows: list[list] = [["指标", "分子", "分母", "数值", "参考范围", "评价", "数据日期"]]
    for ind in fig.indicators:
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
                for i, ind in enumerate(fig.indicators, start=1)
                if ind.in_range is False
            ]
            + [
                ("BOX", (5, i), (5, i), OUT_OF_RANGE_BOX, "#000000")
                for i, ind in enumerate(fig.indicators, start=1)
                if ind.in_range is False
            ]
        )
    )
    return t


def _dates_note(q: dict) -> str:
    data = q["data_date"].isoformat() if q.get("data_date") else "—"
    appeals = q["appeals_date"].isoformat() if q.get("appeals_date") else None
    text = (
        f"统计至 {q['period_end']}；案件数据截至 {data}（最近一次案件导入）。"
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
        f"截至 {end} 未结 {fig.pending} 件，其中长期未结：{qm.BAND_LABELS['12-18']} {fig.pending_12_18} 件，"
        f"{qm.BAND_LABELS['18-36']} {fig.pending_18_36} 件，{qm.BAND_LABELS['36+']} {fig.pending_over_36} 件。"
    )


def quality_section(q: dict, title: str, *, with_cases: bool = False, deducts: bool = False) -> list:
    """The 质效指标 block: the table (heading kept with it), the dates note, the long-pending bands,
    and on a judge's sheet the long-pending cases with their recorded reasons."""
    st = styles()
    fig: qm.QualityFigures | None = q.get("figures")
    head = Paragraph(title, st["h2"])
    if fig is None:
        return [head, Paragraph("本期没有立案、结案或未结的案件，无质效指标。", st["base"])]
    note = _dates_note(q) + ("（配置了改判发回扣分的，见上文得分）。" if deducts else "。")
    out: list = [
        KeepTogether([head, indicator_table(fig)]),
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
                        c.filed_on.isoformat(),
                        f"{c.age_months} 个月",
                        c.band_label,
                        c.reason or "未填写",
                        c.note,
                    ]
                )
            widths = [W * x for x in (0.26, 0.12, 0.1, 0.12, 0.12, 0.28)]
            out.append(Paragraph(f"长期未结案件（满 12 个月，{len(cases)} 件）及未结原因", st["h2"]))
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


def deduction_text(a: dict) -> str:
    """How the score was reached when the court deducts points for reversed/remanded cases."""
    cap = f"，上限 {a['deduction_cap']:g} 分" if a.get("deduction_cap", 0) > 0 else ""
    return (
        f"得分 = 完成率得分 {fmt.sc(a['score_before_deduction'], 1)} − 改判发回扣分 {fmt.sc(a['deduction'], 1)}"
        f"（二审改判、发回重审 {a['reversed_remanded']} 件 × {a['deduction_per_reversed']:g} 分{cap}）"
        f" = {fmt.sc(a['score'], 1)}（不低于 0）"
    )


def period(year: int, month: int) -> str:
    """2025年1-6月 (2025年1月 for January): how the period is named on pages and file names."""
    return f"{year}年1月" if month == 1 else f"{year}年1-{month}月"


def _head(f: dict, what: str) -> list:
    st = styles()
    return [
        Paragraph(escape(f"{f['court']}"), st["subtitle"]),
        Paragraph(escape(f"{f['year']} 年度{what}"), st["title"]),
        Paragraph(
            escape(
                f"统计期间：{f['year']} 年 1 月至 {f['month']} 月　·　参数第 {f['param_version']} 版"
                f"　·　任务计划第 {f.get('plan_version') or '—'} 版"
            ),
            st["subtitle"],
        ),
    ]


SIGN_LINE = "签名：＿＿＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日"


def _sign_style() -> ParagraphStyle:
    return ParagraphStyle("sign", parent=styles()["base"], alignment=TA_RIGHT)


def opinions(labels: list[str], remarks: bool = True) -> Table:
    """One row per signer: the label, room for an opinion, and the one-line signature line
    「签名：＿＿ 日期：＿＿年＿＿月＿＿日」; a remarks box under them."""
    st = styles()
    rows, commands = [], [("GRID", (0, 0), (-1, -1), 0.4, "#9aa7b8"), ("VALIGN", (0, 0), (0, -1), "MIDDLE")]
    for label in labels:
        rows.append(
            [Paragraph(escape(label), st["cell"]), [Spacer(1, 9 * mm), Paragraph(SIGN_LINE, _sign_style())]]
        )
    if remarks:
        rows.append([Paragraph("备注", st["cell"]), Spacer(1, 14 * mm)])
    commands.append(("BACKGROUND", (0, 0), (0, -1), "#eef2f7"))
    t = Table(rows, colWidths=[W * 0.2, W * 0.8])
    t.setStyle(TableStyle(commands))
    return t


def judge_signers(role: str) -> list[str]:
    """Who signs a judge's sheet: the judge, the division head, the court leader in charge and the
    personnel office; a division head's own sheet goes to the court leader, a court leader's to
    the president, never to the person assessed."""
    own, personnel = "法官本人确认", "政治部（人事）审核意见"
    if role == "庭长":
        return [own, "分管院领导意见", personnel]
    if role in ("副院长", "审判委员会专职委员"):
        return [own, "院长意见", personnel]
    if role == "院长":
        return [own, personnel]
    return [own, "庭长意见", "分管院领导意见", personnel]


def _kv(pairs: list[tuple[str, str]], cols: int = 3) -> Table:
    st = styles()
    rows, row = [], []
    for k, v in pairs:
        row += [Paragraph(escape(k), st["cell"]), Paragraph(f"<b>{escape(v)}</b>", st["cell"])]
        if len(row) == 2 * cols:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * cols - len(row)))
    label_w, value_w = W / cols * 0.42, W / cols * 0.58
    t = Table(rows, colWidths=[label_w, value_w] * cols)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#9aa7b8"),
                *[("BACKGROUND", (2 * i, 0), (2 * i, -1), "#eef2f7") for i in range(cols)],
            ]
        )
    )
    return t


def _months_table(months: list[dict]) -> Table:
    rows = [["月份", "结案数", "标准案件", "累计", "累计目标", "完成率"]]
    for m in months:
        rows.append(
            [
                fmt.MONTH_NAMES[m["month"] - 1],
                fmt.count(m["cases"]),
                fmt.sc(m["sc"]),
                fmt.sc(m["cumulative"]),
                fmt.sc(m["target_cumulative"]),
                fmt.pct(m["completion"]),
            ]
        )
    return table(rows, [W * x for x in (0.12, 0.14, 0.18, 0.18, 0.2, 0.18)], numeric_from=1)


def _doc(f: dict, story: list, kind: str, who: str, header_who: str | None = None) -> SheetDoc:
    when = period(f["year"], f["month"])
    return SheetDoc(
        story=story,
        title=f"{f['year']} 年度{kind}：{who}",
        subject=f"{f['court']} {when}工作量（标准案件）",
        author=f["court"],
        header=f"{f['court']}　{kind}　{header_who or who}　{when}",
        footer=f"生成时间：{f['generated_at']}　法官工作量计算器",
    )


def _render(docs: list[SheetDoc], invariant: bool) -> bytes:
    first = docs[0]
    return render_documents(
        docs,
        title=first.title,
        subject=first.subject,
        author=first.author,
        invariant=invariant,
        bookmarks=len(docs) > 1,
    )


def _date_text(value: object) -> str:
    return str(value)[:10] if value else ""


def _in_post_text(j: dict) -> str:
    start, end = _date_text(j.get("in_post_from")), _date_text(j.get("in_post_to"))
    return f"{start or '年初前'} 至 {end or '今'}"


def judge_docs(f: dict) -> list[SheetDoc]:
    """法官工作量考核表 for one judge, the year through the chosen month."""
    st = styles()
    j, q, a = f["judge"], f["quota"], f["assessment"]
    unit = fmt.UNIT_LABELS[j["track"]]
    deducts = a.get("deduction_per_reversed", 0) > 0
    story = _head(f, "法官工作量考核表")
    story.append(Paragraph("基本情况", st["h2"]))
    info = [
        ("法官", j["name"]),
        ("部门", j["division"] or "—"),
        ("职务", j["role"]),
        ("类别", fmt.TRACK_LABELS[j["track"]]),
    ]
    if j.get("grade"):
        info.append(("法官等级", j["grade"]))
    info.append(("入额日期", _date_text(j.get("in_post_from")) or "—"))
    if j.get("arrived_on"):
        info.append(("到岗日期", _date_text(j["arrived_on"])))
    info.append(("离任日期", _date_text(j.get("in_post_to")) or "在任"))
    info.append(("计量单位", unit))
    story.append(_kv(info))
    flow = f.get("caseflow")
    if flow:
        story.append(Spacer(1, 2 * mm))
        story.append(
            _kv(
                [
                    ("旧存", fmt.count(flow["carried"])),
                    ("新收", fmt.count(flow["filed"])),
                    ("已结", fmt.count(flow["closed"])),
                    ("未结", fmt.count(flow["pending"])),
                ],
                cols=4,
            )
        )
        story.append(
            Paragraph(
                escape(
                    f"旧存：年初未结；新收、已结：{f['year']} 年 1 月 1 日至 {flow['end']} 立案、结案；未结：期末未结（本人承办，按立案日期与结案日期）；"
                    f"计入标准案件的结案数（含合议庭成员份额）{fmt.count(a['cases'])} 件。"
                ),
                st["note"],
            )
        )
    story.append(Paragraph("一、年度任务及其推导", st["h2"]))
    if q:
        days = f"在岗 {q['days_in_post']}/{q['days_in_year']} 天" if q.get("days_in_post") is not None else ""
        text = (
            f"基本任务 {fmt.sc(q['common_quota'], 0)} × 职务系数 {q['role_fraction']:g} × 在岗时间"
            f"（{_in_post_text(j)}，{days}）= {fmt.sc(q['computed_quota'])}"
        )
        if q.get("override_reason"):
            text += f"；经人事调整为 {fmt.sc(q['quota'])}（理由：{q['override_reason']}）"
        story.append(Paragraph(escape(text), st["base"]))
        story.append(Paragraph(escape(f"基本任务的推导：{q['derivation']}"), st["note"]))
    else:
        story.append(Paragraph("本年度尚未下达任务。", st["base"]))
    story.append(Spacer(1, 2 * mm))
    story.append(
        _kv(
            [
                ("年度任务", fmt.sc(a["quota"])),
                ("截至本月目标", fmt.sc(a["target_to_date"])),
                ("已完成标准案件", fmt.sc(a["sc"])),
                ("完成率", fmt.pct(a["completion"])),
                *(
                    [
                        ("完成率得分", fmt.sc(a["score_before_deduction"], 1)),
                        ("改判发回扣分", fmt.sc(a["deduction"], 1)),
                    ]
                    if deducts
                    else []
                ),
                ("得分", fmt.sc(a["score"], 1)),
                # the score to date is read against the base and saturation numbers of the period
                ("本期基础数", fmt.sc(a["base_to_date"])),
                ("本期饱和数", fmt.sc(a["saturation_to_date"])),
                ("全年基础数", fmt.sc(a["base_number"])),
                ("全年饱和数", fmt.sc(a["saturation_number"])),
            ]
            + (  # ranks are printed only in a year whose parameters publish them (不得通报排名)
                [
                    ("部门内排名", fmt.rank(a["rank_division"], a["n_division"])),
                    ("全院排名", fmt.rank(a["rank_court"], a["n_court"])),
                    ("比较组", j.get("role_group", j["role"])),
                ]
                if f.get("publish_ranks")
                else []
            )
        )
    )
    if deducts:
        story.append(Paragraph(escape(deduction_text(a)), st["note"]))
    story.append(Paragraph("二、逐月完成情况", st["h2"]))
    story.append(_months_table(f["months"]))
    actual = [m["cumulative"] for m in f["months"]]
    story.append(progress_chart(actual, f["target_cumulative"], W, 150, f"累计{unit}：完成与目标"))
    story.append(Paragraph("三、按类别与类型代字", st["h2"]))
    rows = [["类别", "类型代字", "件数", "标准案件"]] + [
        [c["category"], c["type_code"], fmt.count(c["cases"]), fmt.sc(c["sc"])] for c in f["categories"]
    ]
    story.append(table(rows, [W * 0.25, W * 0.25, W * 0.25, W * 0.25], numeric_from=2))
    story.append(Paragraph("四、标准案件数最大的十件", st["h2"]))
    story.append(_case_table(f["top_cases"]))
    story.append(Paragraph(f"五、适用特殊规则或被标记的案件（{len(f['special_cases'])} 件）", st["h2"]))
    if f["special_cases"]:
        story.append(_case_table(f["special_cases"], with_rule=True))
    else:
        story.append(Paragraph("无。", st["base"]))
    if f.get("indicators"):
        story.extend(quality_section(f["indicators"], "六、质效指标", with_cases=True, deducts=deducts))
    dq = f["quality"]
    closing = [
        Paragraph("七、数据质量" if f.get("indicators") else "六、数据质量", st["h2"]),
        Paragraph(
            escape(
                f"数据不全（页数缺失，未计标准案件）{dq['incomplete']} 件；待廉政监察员审批 "
                f"{dq['awaiting']} 件（暂计 0）；页数异常待核 {dq['outlier']} 件。"
            ),
            st["base"],
        ),
        Spacer(1, 4 * mm),
        Paragraph("审核意见", st["h2"]),
        opinions(judge_signers(j["role"])),
    ]
    story.append(KeepTogether(closing))
    who = f"{j['name']}（{j['division']}）" if j["division"] else j["name"]
    return [_doc(f, story, "法官工作量考核表", j["name"], who)]


def judge_sheet(f: dict, invariant: bool = False) -> bytes:
    return _render(judge_docs(f), invariant)


def _case_table(cases: list[dict], with_rule: bool = False) -> Table:
    if with_rule:
        rows = [["案号", "结案日期", "规则/标记", "标准案件", "计算说明"]]
        for c in cases:
            rows.append(
                [c["case_number"], c["closed_on"], c["rule_or_flag"], fmt.sc(c["sc"]), c["explanation"]]
            )
        widths = [W * 0.24, W * 0.11, W * 0.12, W * 0.09, W * 0.44]
        return table(rows, widths, numeric_from=None)
    rows = [["案号", "类型", "结案日期", "标准案件", "计算说明"]]
    for c in cases:
        rows.append([c["case_number"], c["type_code"], c["closed_on"], fmt.sc(c["sc"]), c["explanation"]])
    return table(rows, [W * 0.24, W * 0.07, W * 0.11, W * 0.09, W * 0.49])


def division_docs(f: dict) -> list[SheetDoc]:
    """部门工作量考核表: the division's target and progress, each judge's row, staffing, transfers."""
    st = styles()
    d = f["division"]
    unit = fmt.UNIT_LABELS[d["track"]]
    story = _head(f, "部门工作量考核表")
    story.append(
        _kv(
            [
                ("部门", d["name"]),
                ("计量单位", unit),
                ("法官人数", fmt.count(d["judges"])),
                ("年度目标", fmt.sc(d["target"])),
                ("截至本月目标", fmt.sc(d["target_to_date"])),
                ("已完成", fmt.sc(d["sc"])),
                ("完成率", fmt.pct(d["completion"])),
                ("人均（折算）", fmt.sc(d["sc_per_judge"])),
                ("所需法官（测算）", fmt.sc(d["judges_needed"], 1)),
            ]
        )
    )
    story.append(Paragraph("一、逐月完成情况", st["h2"]))
    story.append(_months_table(f["months"]))
    story.append(
        progress_chart(
            [m["cumulative"] for m in f["months"]],
            f["target_cumulative"],
            W,
            150,
            f"部门累计{unit}：完成与目标",
        )
    )
    story.append(Paragraph("二、法官完成情况", st["h2"]))
    rows = [["法官", "职务", "年度任务", "截至本月目标", "已完成", "完成率", "得分", "部门内排名"]]
    for r in f["judges"]:
        rows.append(
            [
                r["judge"],
                r["role"],
                fmt.sc(r["quota"]),
                fmt.sc(r["target_to_date"]),
                fmt.sc(r["sc"]),
                fmt.pct(r["completion"]),
                fmt.sc(r["score"], 1),
                fmt.rank(r["rank_division"]),
            ]
        )
    widths = (0.12, 0.13, 0.13, 0.14, 0.13, 0.12, 0.1, 0.13)
    if not f.get("publish_ranks"):  # ranks are printed only in a year that publishes them
        rows, widths = [r[:-1] for r in rows], (0.14, 0.14, 0.15, 0.16, 0.15, 0.14, 0.12)
    story.append(table(rows, [W * x for x in widths], numeric_from=2))
    numbers = iter("三四五六")
    if f.get("indicators"):
        story.extend(quality_section(f["indicators"], f"{next(numbers)}、质效指标"))
    story.append(Paragraph(f"{next(numbers)}、人员配置测算", st["h2"]))
    story.append(
        Paragraph(
            escape(
                f"按截至本月的完成量和月度任务分布推算全年工作量约 {fmt.sc(d['expected_workload'], 0)} 个{unit}，以一名审判员的年度基本任务计，"
                f"约需 {fmt.sc(d['judges_needed'], 1)} 名法官；现有折算法官 {fmt.sc(d['equivalents'], 2)} 名。"
            ),
            st["base"],
        )
    )
    if d.get("assumption"):
        story.append(Paragraph(escape(f"测算假设：{d['assumption']}"), st["note"]))
    closing: list = [Paragraph(f"{next(numbers)}、调剂建议", st["h2"])]
    if f["transfers"]:
        rows = [["调出部门", "调入部门", "标准案件", "约合案件数"]] + [
            [t["from_division"], t["to_division"], fmt.sc(t["standard_cases"], 1), fmt.count(t["cases"])]
            for t in f["transfers"]
        ]
        story.append(closing.pop())
        story.append(table(rows, [W * 0.3, W * 0.3, W * 0.2, W * 0.2], numeric_from=2))
        if f["transfers"][0].get("assumption"):
            story.append(Paragraph(escape(f"测算假设：{f['transfers'][0]['assumption']}"), st["note"]))
    else:
        closing.append(Paragraph("本部门暂无调剂建议。", st["base"]))
    closing += [
        Spacer(1, 4 * mm),
        Paragraph("审核意见", st["h2"]),
        opinions(["庭长（部门负责人）确认", "分管院领导意见"]),
    ]
    story.append(KeepTogether(closing))
    return [_doc(f, story, "部门工作量考核表", d["name"])]


def division_sheet(f: dict, invariant: bool = False) -> bytes:
    return _render(division_docs(f), invariant)


def _division_bars(divisions: list[dict]) -> list:
    """One bar chart per track (trial and enforcement SC are different units), each with its key."""
    st = styles()
    out: list = []
    for track in ("trial", "enforcement"):
        rows = [d for d in divisions if d["track"] == track]
        if not rows:
            continue
        drawing, key = bar_chart(
            [d["division"] for d in rows],
            [d["sc"] for d in rows],
            [d["target_to_date"] for d in rows],
            W,
            170,
            f"{fmt.TRACK_LABELS[track]}部门截至本月完成与目标（单位：{fmt.UNIT_LABELS[track]}）",
        )
        block = [drawing]
        if key:
            block.append(Paragraph(escape("　".join(f"{m} {name}" for m, name in key)), st["note"]))
        out.append(KeepTogether(block))
    return out


def court_docs(f: dict) -> list[SheetDoc]:
    """全院工作量汇总表: divisions side by side, balance, court progress, data quality."""
    st = styles()
    story = _head(f, "全院工作量汇总表")
    story.append(Paragraph("一、各部门完成情况", st["h2"]))
    rows = [["部门", "类别", "法官", "年度目标", "截至本月目标", "已完成", "完成率", "人均", "所需法官"]]
    for d in f["divisions"]:
        rows.append(
            [
                d["division"],
                fmt.TRACK_LABELS[d["track"]],
                fmt.count(d["judges"]),
                fmt.sc(d["target"]),
                fmt.sc(d["target_to_date"]),
                fmt.sc(d["sc"]),
                fmt.pct(d["completion"]),
                fmt.sc(d["sc_per_judge"]),
                fmt.sc(d["judges_needed"], 1),
            ]
        )
    story.append(
        table(rows, [W * x for x in (0.17, 0.07, 0.07, 0.12, 0.13, 0.12, 0.1, 0.1, 0.12)], numeric_from=2)
    )
    story.extend(_division_bars(f["divisions"]))
    story.append(Paragraph("二、人案均衡度", st["h2"]))
    story.append(
        Paragraph(
            escape(
                "各部门人均标准案件的变异系数（越小越均衡）："
                + "；".join(f"{fmt.TRACK_LABELS[t]} {v:.3f}" for t, v in f["balance"].items() if v == v)
            ),
            st["base"],
        )
    )
    numbers = iter("三四五六七")
    for track, series in f["court_progress"].items():
        story.append(
            KeepTogether(
                [
                    Paragraph(f"{next(numbers)}、全院{fmt.TRACK_LABELS[track]}进度", st["h2"]),
                    progress_chart(
                        series["actual"],
                        series["target"],
                        W,
                        150,
                        f"全院累计{fmt.UNIT_LABELS[track]}：完成与目标",
                    ),
                ]
            )
        )
    q = f.get("indicators")
    if q:
        story.extend(quality_section(q, f"{next(numbers)}、质效指标"))
        if q.get("divisions"):
            story.append(Paragraph("各部门质效指标（按部门名称排列，不排名）", st["h2"]))
            story.append(division_quality_table(q["divisions"]))
    dq = f["quality"]
    closing = [
        Paragraph(f"{next(numbers)}、数据质量", st["h2"]),
        Paragraph(
            escape(
                f"本年度结案 {fmt.count(dq['cases'])} 件，其中数据不全 {dq['incomplete']} 件、待审批 {dq['awaiting']} 件、"
                f"页数异常 {dq['outlier']} 件。"
            ),
            st["base"],
        ),
        Spacer(1, 4 * mm),
        Paragraph("审核意见", st["h2"]),
        opinions(["审管办负责人确认", "分管院领导意见"]),
    ]
    story.append(KeepTogether(closing))
    return [_doc(f, story, "全院工作量汇总表", f["court"], "全院")]


def court_sheet(f: dict, invariant: bool = False) -> bytes:
    return _render(court_docs(f), invariant)


def _cn_date(value: str) -> str:
    y, m, d = (int(x) for x in str(value)[:10].split("-"))
    return f"{y}年{m}月{d}日"


def notice_docs(f: dict) -> list[SheetDoc]:
    """任务下达通知: one notice per judge with the issuing body, document number (文号), date,
    plan version, the year's quota with its derivation and the monthly targets, and a receipt."""
    st = styles()
    plan = f["plan"]
    docs = []
    for n in f["notices"]:
        story: list = [
            Paragraph(escape(f["issuer"]), st["title"]),
            Paragraph(escape(f"关于下达 {f['year']} 年度基本结案任务的通知"), st["title"]),
            Paragraph(escape(n["number"]), st["subtitle"]),
            Paragraph(escape(f"{n['judge']}同志："), st["base"]),
            Paragraph(
                escape(
                    f"　　根据本院 {f['year']} 年度任务计划（第 {plan['version']} 版，{plan['reason'] or '年度计划'}），"
                    f"现将你 {f['year']} 年度的基本结案任务下达如下，请按月推进。"
                ),
                st["base"],
            ),
            Spacer(1, 2 * mm),
            _kv(
                [
                    ("法官", n["judge"]),
                    ("部门", n["division"]),
                    ("职务", n["role"]),
                    ("类别", fmt.TRACK_LABELS[n["track"]]),
                    ("年度任务", fmt.sc(n["quota"])),
                    ("计量单位", fmt.UNIT_LABELS[n["track"]]),
                ]
            ),
            Paragraph("任务推导", st["h2"]),
        ]
        days = f"在岗 {n['days_in_post']}/{n['days_in_year']} 天" if n.get("days_in_post") is not None else ""
        text = (
            f"基本任务 {fmt.sc(n['common_quota'], 0)} × 职务系数 {n['role_fraction']:g} × 在岗时间"
            f"（{_in_post_text(n)}，{days}）= {fmt.sc(n['computed_quota'])}"
        )
        if n.get("override_reason"):
            text += f"；经人事调整为 {fmt.sc(n['quota'])}（理由：{n['override_reason']}）"
        story.append(Paragraph(escape(text), st["base"]))
        story.append(Paragraph(escape(n["derivation"]), st["note"]))
        story.append(Paragraph("逐月目标", st["h2"]))
        rows = [["月份", "当月目标", "累计目标"]]
        cumulative = 0.0
        for m, v in enumerate(n["months"], start=1):
            cumulative += v
            rows.append([fmt.MONTH_NAMES[m - 1], fmt.sc(v), fmt.sc(cumulative)])
        story.append(table(rows, [W / 3] * 3, numeric_from=1))
        right = ParagraphStyle("issuer", parent=st["base"], alignment=TA_RIGHT)
        receipt = ["法官签收", "庭长签收"] if n["role"] != "庭长" else ["法官签收", "分管院领导签收"]
        story.append(
            KeepTogether(
                [
                    Spacer(1, 6 * mm),
                    Paragraph(escape(f["issuer"]), right),
                    Paragraph(escape(_cn_date(plan["created_at"])), right),
                    Paragraph(escape(f"（任务计划第 {plan['version']} 版）"), right),
                    Spacer(1, 4 * mm),
                    opinions(receipt, remarks=False),
                ]
            )
        )
        doc = _doc(
            f, story, "基本结案任务下达通知", n["judge"], f"{n['judge']}（{n['division']}）　{n['number']}"
        )
        doc.subject = f"{f['issuer']} {f['year']} 年度基本结案任务（任务计划第 {plan['version']} 版）"
        doc.header = (
            f"{f['issuer']}　{n['number']}　{n['judge']}（{n['division']}）　{f['year']} 年度基本结案任务"
        )
        docs.append(doc)
    return docs


def quota_notice(f: dict, invariant: bool = False) -> bytes:
    return _render(notice_docs(f), invariant)


DOCS = {"judge": judge_docs, "division": division_docs, "court": court_docs, "notice": notice_docs}
RENDERERS = {"judge": judge_sheet, "division": division_sheet, "court": court_sheet, "notice": quota_notice}
