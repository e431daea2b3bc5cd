"""部门工作量考核表: the division's target and progress, each judge's row, 质效, staffing need
and transfers."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from workload_app.core import formatting as fmt
from workload_app.reports import reconcile
from workload_app.reports.charts import progress_chart
from workload_app.reports.pdf import CONTENT_W, SheetDoc, escape, heading, styles, table
from workload_app.reports.quality_block import quality_section
from workload_app.reports.sheet_parts import _doc, _head, _kv, _months_table, _render, with_note
from workload_app.reports.sheet_parts import closing as closing_block

W = CONTENT_W


def division_docs(f: dict) -> list[SheetDoc]:
    """部门工作量考核表: the division's target and progress, each judge's row, staffing, transfers."""
    st = styles()
    d = f["division"]
    unit = fmt.UNIT_LABELS[d.track]
    story = _head(f, "部门工作量考核表")
    story.append(
        _kv(
            [
                ("部门", d.division),
                ("计量单位", unit),
                ("法官人数", fmt.count(d.judges)),
                ("年度目标", fmt.sc(d.target)),
                ("截至本月目标", fmt.sc(d.target_to_date)),
                ("已完成", fmt.sc(d.sc)),
                ("完成率", fmt.pct(d.completion)),
                ("人均（折算）", fmt.sc(d.sc_per_judge)),
                ("所需法官（测算）", fmt.sc(d.judges_needed, 1)),
            ]
        )
    )
    story.append(heading("一、逐月完成情况"))
    story.extend(_months_table(f["progress"].months))
    story.append(
        progress_chart(
            f["progress"].actual,
            f["progress"].target,
            W,
            150,
            f"部门累计{unit}：完成与目标",
        )
    )
    story.append(heading("二、法官完成情况"))
    rows = [["法官", "职务", "年度任务", "截至本月目标", "已完成", "完成率", "得分", "部门内排名"]]
    for r in f["judges"]:
        rows.append(
            [
                r.judge,
                r.post,
                fmt.sc(r.quota),
                fmt.sc(r.target_to_date),
                fmt.sc(r.sc),
                fmt.pct(r.completion),
                fmt.sc(r.score, 1),
                fmt.rank(r.rank_division),
            ]
        )
    parts = rows[1:]
    rows.append(
        ["合计", "", fmt.sc(d.target), fmt.sc(d.target_to_date), fmt.sc(d.sc), fmt.pct(d.completion), "", ""]
    )
    note = reconcile.total_note(
        [
            (name, [r[c] for r in parts], rows[-1][c])
            for c, name in ((2, "年度任务"), (3, "截至本月目标"), (4, "已完成"))
        ]
    )
    widths = (0.12, 0.13, 0.13, 0.14, 0.13, 0.12, 0.1, 0.13)
    if not f.get("publish_ranks"):  # ranks are printed only in a year that publishes them
        rows, widths = [r[:-1] for r in rows], (0.14, 0.14, 0.15, 0.16, 0.15, 0.14, 0.12)
    story.extend(with_note(table(rows, [W * x for x in widths], numeric_from=2), note))
    story.append(
        Paragraph(
            "法官按职务（院长、副院长、专职委员、庭长、副庭长、审判员）排列，同一职务按姓名排列。", st["note"]
        )
    )
    if "case_sc" in f:
        story.append(Paragraph(escape(panel_share_note(f, unit)), st["note"]))
    numbers = iter("三四五六")
    if f.get("indicators"):
        story.extend(quality_section(f["indicators"], f"{next(numbers)}、质效指标", track=d.track))
    story.append(heading(f"{next(numbers)}、人员配置测算"))
    story.append(
        Paragraph(
            escape(
                f"按截至本月的完成量和月度任务分布推算全年工作量约 {fmt.sc(d.expected_workload, 0)} 个{unit}，以一名审判员的年度基本任务计，"
                f"约需 {fmt.sc(d.judges_needed, 1)} 名法官；现有折算法官 {fmt.sc(d.equivalents, 2)} 名。"
            ),
            st["base"],
        )
    )
    if d.assumption:
        story.append(Paragraph(escape(f"测算假设：{d.assumption}"), st["note"]))
    closing: list = [heading(f"{next(numbers)}、调剂建议")]
    if f["transfers"]:
        rows = [["调出部门", "调入部门", "标准案件", "约合案件数"]] + [
            [t.from_division, t.to_division, fmt.sc(t.standard_cases, 1), fmt.count(t.cases)]
            for t in f["transfers"]
        ]
        story.append(closing.pop())
        story.append(table(rows, [W * 0.3, W * 0.3, W * 0.2, W * 0.2], numeric_from=2))
        if f["transfers"][0].assumption:
            story.append(Paragraph(escape(f"测算假设：{f['transfers'][0].assumption}"), st["note"]))
    else:
        closing.append(Paragraph("本部门暂无调剂建议。", st["base"]))
    story.append(closing_block(closing, ["庭长（部门负责人）确认", "分管院领导意见"]))
    return [_doc(f, story, "部门工作量考核表", d.division)]


def panel_share_note(f: dict, unit: str) -> str:
    """Why the division's 已完成 (its judges' credited shares) is not the total of its cases."""
    rs, ms = f["shares"]
    return (
        f"「已完成」{fmt.sc(f['division'].sc)} 是本部门法官按份额计入的{unit}之和（承办份额 {rs:g}，"
        f"合议庭成员份额 {ms:g}）；本部门所结案件按每件全额合计为 {fmt.sc(f['case_sc'])}。"
        "合议庭份额、跨部门参加合议庭和待复核案件使二者不同。"
    )


def division_sheet(f: dict, invariant: bool = False) -> bytes:
    return _render(division_docs(f), invariant)
