"""全院工作量汇总表: divisions side by side, balance, the court's progress per track, 质效 and
data quality."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph

from workload_app.core import formatting as fmt
from workload_app.core.assessment import DivisionFigures
from workload_app.reports import reconcile
from workload_app.reports.charts import bar_chart, progress_chart
from workload_app.reports.pdf import CONTENT_W, SheetDoc, escape, heading, styles, table
from workload_app.reports.quality_block import division_quality_table, quality_section
from workload_app.reports.sheet_parts import _doc, _head, _render, data_quality_closing, with_note

W = CONTENT_W


def _division_bars(divisions: tuple[DivisionFigures, ...]) -> list:
    """One bar chart per track (trial and enforcement SC are different units), each with its key."""
    st = styles()
    out: list = []
    for track in ("trial", "enforcement"):
        rows = [d for d in divisions if d.track == track]
        if not rows:
            continue
        drawing, key = bar_chart(
            [d.division for d in rows],
            [d.sc for d in rows],
            [d.target_to_date for d in rows],
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
    story.append(heading("一、各部门完成情况"))
    rows = [["部门", "类别", "法官", "年度目标", "截至本月目标", "已完成", "完成率", "人均", "所需法官"]]
    pairs = []
    # each track's divisions, then that track's 合计 (the two units are never added together)
    for track, t in f["track_totals"].items():
        parts = [
            [
                d.division,
                fmt.TRACK_LABELS[d.track],
                fmt.count(d.judges),
                fmt.sc(d.target),
                fmt.sc(d.target_to_date),
                fmt.sc(d.sc),
                fmt.pct(d.completion),
                fmt.sc(d.sc_per_judge),
                fmt.sc(d.judges_needed, 1),
            ]
            for d in f["divisions"]
            if d.track == track
        ]
        total = [
            f"{fmt.TRACK_LABELS[track]}合计",
            fmt.TRACK_LABELS[track],
            fmt.count(t["judges"]),
            fmt.sc(t["target"]),
            fmt.sc(t["target_to_date"]),
            fmt.sc(t["sc"]),
            fmt.pct(t["completion"]),
            fmt.sc(t["sc_per_judge"]),
            fmt.sc(t["judges_needed"], 1),
        ]
        pairs += [
            (f"{fmt.TRACK_LABELS[track]}{name}", [r[c] for r in parts], total[c])
            for c, name in ((2, "法官"), (3, "年度目标"), (4, "截至本月目标"), (5, "已完成"), (8, "所需法官"))
        ]
        rows += [*parts, total]
    widths = [W * x for x in (0.17, 0.07, 0.07, 0.12, 0.13, 0.12, 0.1, 0.1, 0.12)]
    story.extend(with_note(table(rows, widths, numeric_from=2), reconcile.total_note(pairs)))
    story.extend(_division_bars(f["divisions"]))
    story.append(heading("二、人案均衡度"))
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
                    heading(f"{next(numbers)}、全院{fmt.TRACK_LABELS[track]}进度"),
                    progress_chart(
                        series.actual,
                        series.target,
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
            story.append(heading("各部门质效指标（按部门名称排列，不排名）"))
            story.append(division_quality_table(q["divisions"]))
    dq = f["quality"]
    story.append(
        data_quality_closing(
            f"{next(numbers)}、数据质量",
            f"本年度结案 {fmt.count(dq['cases'])} 件，其中数据不全 {dq['incomplete']} 件、待审批 {dq['awaiting']} 件、"
            f"页数异常 {dq['outlier']} 件、任职期外结案 {dq.get('outside_post', 0)} 件（待复核，不计入任何法官）。",
            ["审管办负责人确认", "分管院领导意见"],
        )
    )
    return [_doc(f, story, "全院工作量汇总表", f["court"], "全院")]


def court_sheet(f: dict, invariant: bool = False) -> bytes:
    return _render(court_docs(f), invariant)
