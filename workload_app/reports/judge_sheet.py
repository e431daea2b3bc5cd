"""法官工作量考核表: one judge's quota and its derivation, the assessment (completion, score and
its optional deduction, ranks where published), the months, the cases, 质效 and signatures."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from workload_app.core import formatting as fmt
from workload_app.core.assessment import JudgeFigures
from workload_app.reports import reconcile
from workload_app.reports.charts import progress_chart
from workload_app.reports.grade_line import grade_block
from workload_app.reports.pdf import CONTENT_W, SheetDoc, escape, heading, para, styles, table
from workload_app.reports.quality_block import quality_section
from workload_app.reports.sheet_parts import (
    _date_text,
    _doc,
    _head,
    _kv,
    _months_table,
    _render,
    cn_date,
    data_quality_closing,
    with_note,
)

W = CONTENT_W


def deduction_text(a: JudgeFigures) -> str:
    """How the score was reached when the court deducts points for reversed/remanded cases."""
    cap = f"，上限 {a.deduction_cap:g} 分" if a.deduction_cap > 0 else ""
    return (
        f"得分 = 完成率得分 {fmt.sc(a.score_before_deduction, 1)} − 改判发回扣分 {fmt.sc(a.deduction, 1)}"
        f"（二审改判、发回重审 {a.reversed_remanded} 件 × {a.deduction_per_reversed:g} 分{cap}）"
        f" = {fmt.sc(a.score, 1)}（不低于 0）"
    )


def score_text(breakpoints: tuple[tuple[float, float], ...], a: JudgeFigures) -> str:
    """The line that explains the score: the completion's breakpoints and their points, straight
    lines between, flat beyond the last; and this sheet's completion and score."""
    last = len(breakpoints) - 1

    def label(i: int) -> str:
        return "（饱和数）" if i == last and last > 1 else "（基础数）" if i == 1 else ""

    points = "，".join(f"{fmt.pct(x, 0)} 得 {y:g} 分{label(i)}" for i, (x, y) in enumerate(breakpoints))
    return (
        f"得分按完成率（已完成÷截至本月目标）折算：完成率 {points}，其间按直线折算，"
        f"超过 {fmt.pct(breakpoints[-1][0], 0)} 不再加分。本期完成率 {fmt.pct(a.completion)}，"
        f"得 {fmt.sc(a.score_before_deduction, 1)} 分。"
    )


def terms_text(inputs: dict | None) -> str | None:
    """What the terms of the derivation are (its sentence is the plan's; here only labels)."""
    if not inputs:
        return None
    w = inputs.get("history_weight")
    weights = f"；两种口径按 {w:g} : {1 - w:g} 加权后取整" if w is not None else ""
    return (
        f"其中：历史口径 = 上年人均结案标准案件数 {fmt.sc(inputs['history_per_judge'])}；"
        f"目标口径 = 结案目标 {fmt.pct(inputs['closing_rate'], 0)} ×（旧存 {fmt.count(inputs['carry_over'])} 件"
        f" + 预收 {fmt.count(inputs['expected_filings'])} 件）× 每件标准案件 {inputs['sc_per_case']:.4f}"
        f" ÷ 折算法官 {fmt.sc(inputs['judge_equivalents'])} 名{weights}。"
    )


def rules_summary(cases: list[dict]) -> list:
    """Section 五 in brief: one row per rule or flag (件数, 标准案件) and a 合计, with its note."""
    groups: dict[str, list[float]] = {}
    for c in cases:
        groups.setdefault(c["rule_or_flag"] or "—", []).append(c["sc"] or 0.0)
    rows = [["规则/标记", "件数", "标准案件"]]
    for label, scs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rows.append([label, fmt.count(len(scs)), fmt.sc(sum(scs))])
    parts = rows[1:]
    rows.append(["合计", fmt.count(len(cases)), fmt.sc(sum(c["sc"] or 0.0 for c in cases))])
    note = reconcile.total_note([("标准案件", [r[2] for r in parts], rows[-1][2])])
    return with_note(table(rows, [W * 0.5, W * 0.25, W * 0.25], numeric_from=1), note)


def closings_text(closings: list[dict]) -> str:
    """Why some closed enforcement cases earn nothing: the closing methods counted 0 by the
    court's table, and 终本/终结执行 without the supervisor's approval."""
    by_rule = [c for c in closings if c["zero"] > c["awaiting"]]
    awaiting = sum(c["awaiting"] for c in closings)
    zero = sum(c["zero"] for c in closings)
    parts = [f"{c['method']} {fmt.count(c['zero'] - c['awaiting'])} 件" for c in by_rule]
    text = f"计 0 的结案共 {fmt.count(zero)} 件"
    if parts:
        text += f"：{'、'.join(parts)}按本院结案方式计分表计 0（该结案方式不计执行标准案件）"
    if awaiting:
        text += f"{'；' if parts else '：'}终本、终结执行未经廉政监察员审批的 {fmt.count(awaiting)} 件暂计 0，审批后计 1"
    return text + "。"


def closings_block(closings: list[dict], title: str) -> list:
    """The enforcement judge's cases by closing method, with the line on the zero-credit ones."""
    rows = [["结案方式", "件数", "其中计 0", "执行标准案件"]]
    for c in closings:
        rows.append([c["method"], fmt.count(c["cases"]), fmt.count(c["zero"]), fmt.sc(c["sc"])])
    parts = rows[1:]
    rows.append(
        [
            "合计",
            fmt.count(sum(c["cases"] for c in closings)),
            fmt.count(sum(c["zero"] for c in closings)),
            fmt.sc(sum(c["sc"] for c in closings)),
        ]
    )
    note = reconcile.total_note([("执行标准案件", [r[3] for r in parts], rows[-1][3])])
    out = [
        heading(title),
        *with_note(table(rows, [W * 0.4, W * 0.2, W * 0.2, W * 0.2], numeric_from=1), note),
    ]
    if any(c["zero"] for c in closings):
        out.append(para(closings_text(closings), "note"))
    return [KeepTogether(out)]


def judge_signers(post: str) -> list[str]:
    """Who signs a judge's sheet: the judge, the division head, the court leader in charge and the
    personnel office; a division head's own sheet goes to the court leader, a court leader's to
    the president, never to the person assessed."""
    own, personnel = "法官本人确认", "政治部（人事）审核意见"
    if post == "庭长":
        return [own, "分管院领导意见", personnel]
    if post in ("副院长", "审判委员会专职委员"):
        return [own, "院长意见", personnel]
    if post == "院长":
        return [own, personnel]
    return [own, "庭长意见", "分管院领导意见", personnel]


def judge_docs(f: dict) -> list[SheetDoc]:
    """法官工作量考核表 for one judge, the year through the chosen month."""
    st = styles()
    j, q, a = f["judge"], f["quota"], f["assessment"]
    unit = fmt.UNIT_LABELS[j["track"]]
    deducts = a.deduction_per_reversed > 0
    story = _head(f, "法官工作量考核表")
    story.append(heading("基本情况"))
    info = [
        ("法官", j["name"]),
        ("部门", j["division"] or "—"),
        ("职务", j["post"]),
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
                    f"旧存：年初未结；新收、已结：{f['year']} 年 1 月 1 日至 {cn_date(flow['end'])}立案、结案；未结：期末未结（本人承办，按立案日期与结案日期）；"
                    f"计入标准案件的结案数（含合议庭成员份额）{fmt.count(a.cases)} 件。"
                ),
                st["note"],
            )
        )
    story.append(heading("一、年度任务及其推导"))
    if q:
        story.append(Paragraph(escape(q["sentence"]), st["base"]))
        story.append(Paragraph(escape(f"基本任务的推导：{q['derivation']}"), st["note"]))
        terms = terms_text(q.get("inputs"))
        if terms:
            story.append(para(terms, "note"))
    else:
        story.append(Paragraph("本年度尚未下达任务。", st["base"]))
    story.append(Spacer(1, 2 * mm))
    story.append(
        _kv(
            [
                ("年度任务", fmt.sc(a.quota)),
                ("截至本月目标", fmt.sc(a.target_to_date)),
                ("已完成标准案件", fmt.sc(a.sc)),
                ("完成率", fmt.pct(a.completion)),
                *(
                    [
                        ("完成率得分", fmt.sc(a.score_before_deduction, 1)),
                        ("改判发回扣分", fmt.sc(a.deduction, 1)),
                    ]
                    if deducts
                    else []
                ),
                ("得分", fmt.sc(a.score, 1)),
                # the score to date is read against the base and saturation numbers of the period
                ("本期基础数", fmt.sc(a.base_to_date)),
                ("本期饱和数", fmt.sc(a.saturation_to_date)),
                ("全年基础数", fmt.sc(a.base_number)),
                ("全年饱和数", fmt.sc(a.saturation_number)),
            ]
            + (  # ranks are printed only in a year whose parameters publish them (不得通报排名)
                [
                    ("部门内排名", a.unranked_reason or fmt.rank(a.rank_division, a.n_division)),
                    ("全院排名", a.unranked_reason or fmt.rank(a.rank_court, a.n_court)),
                    ("比较组", j.get("post_group", j["post"])),
                ]
                if f.get("publish_ranks")
                else []
            )
        )
    )
    if f.get("score_breakpoints"):
        story.append(para(score_text(f["score_breakpoints"], a), "note"))
    if deducts:
        story.append(Paragraph(escape(deduction_text(a)), st["note"]))
    story.append(heading("二、逐月完成情况"))
    story.extend(_months_table(f["progress"].months))
    progress = f["progress"]
    story.append(progress_chart(progress.actual, progress.target, W, 150, f"累计{unit}：完成与目标"))
    categories_head = heading("三、按类别与类型代字")
    rows = [["类别", "类型代字", "件数", "标准案件"]] + [
        [c["category"], c["type_code"], fmt.count(c["cases"]), fmt.sc(c["sc"])] for c in f["categories"]
    ]
    total = f["categories_total"]
    parts = rows[1:]
    rows.append(["合计", "", fmt.count(total["cases"]), fmt.sc(total["sc"])])
    note = reconcile.total_note(
        [("件数", [r[2] for r in parts], rows[-1][2]), ("标准案件", [r[3] for r in parts], rows[-1][3])]
    )
    # the heading, the table and its note on one page
    story.append(
        KeepTogether([categories_head, *with_note(table(rows, [W * 0.25] * 4, numeric_from=2), note)])
    )
    if j["track"] == "enforcement" and f.get("closings"):
        # every enforcement case counts 1 or 0: ten 「largest」 cases would be ten arbitrary ones
        story.extend(closings_block(f["closings"], "四、按结案方式"))
    else:
        story.append(heading("四、标准案件数最大的十件"))
        story.append(_case_table(f["top_cases"]))
    special = f["special_cases"]
    routine = [c for c in special if not c.get("flagged")]
    flagged = [c for c in special if c.get("flagged")]
    story.append(heading(f"五、适用特殊规则或被标记的案件（{len(special)} 件）"))
    if special:
        story.extend(rules_summary(special))
        if flagged:
            story.append(para(f"被标记的案件（{len(flagged)} 件，待核对或待审批）：", "base"))
            story.append(_case_table(flagged, with_rule=True))
        if routine:
            story.append(para(f"只适用规则、未被标记的 {fmt.count(len(routine))} 件逐件列于附表。", "note"))
    else:
        story.append(Paragraph("无。", st["base"]))
    if f.get("indicators"):
        story.extend(
            quality_section(
                f["indicators"], "六、质效指标", with_cases=True, deducts=deducts, track=j["track"]
            )
        )
    story.extend(grade_block(f.get("grade")))  # the year-end sheet: 考核等次 once confirmed
    dq = f["quality"]
    story.append(
        data_quality_closing(
            "七、数据质量" if f.get("indicators") else "六、数据质量",
            f"数据不全（页数缺失，未计标准案件）{dq['incomplete']} 件；待廉政监察员审批 "
            f"{dq['awaiting']} 件（暂计 0）；页数异常待核 {dq['outlier']} 件。",
            judge_signers(j["post"]),
        )
    )
    if special and routine:  # the appendix: after the signatures, the routine cases one by one
        story.append(heading(f"附表　适用特殊规则的案件（{fmt.count(len(routine))} 件）"))
        story.append(_case_table(routine, with_rule=True))
    who = f"{j['name']}（{j['division']}）" if j["division"] else j["name"]
    doc = _doc(f, story, "法官工作量考核表", j["name"], who)
    doc.group, doc.entry = j["division"] or "", f"{j['name']}（{j['post']}）"
    return [doc]


def judge_sheet(f: dict, invariant: bool = False) -> bytes:
    return _render(judge_docs(f), invariant)


def _case_table(cases: list[dict], with_rule: bool = False) -> Table:
    if with_rule:
        rows = [["案号", "结案日期", "规则/标记", "标准案件", "计算说明"]]
        for c in cases:
            rows.append(
                [
                    c["case_number"],
                    cn_date(c["closed_on"], compact=True),
                    c["rule_or_flag"],
                    fmt.sc(c["sc"]),
                    c["explanation"],
                ]
            )
        return table(rows, [None, None, W * 0.13, None, "*"], numeric_from=None)
    rows = [["案号", "类型", "结案日期", "标准案件", "计算说明"]]
    for c in cases:
        rows.append(
            [
                c["case_number"],
                c["type_code"],
                cn_date(c["closed_on"], compact=True),
                fmt.sc(c["sc"]),
                c["explanation"],
            ]
        )
    return table(rows, [None, None, None, None, "*"])
