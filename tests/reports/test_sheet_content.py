"""What the sheets say: the score explained, the derivation's terms labelled, a division's
judges in the order it states, indicator rows that cannot apply left out."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Table

from workload_app.core.formatting import ROLE_ORDER
from workload_app.reports.judge_sheet import judge_docs, score_text, terms_text
from workload_app.reports.quality_block import indicator_table
from workload_app.services.sheets import build_context, division_figures, judge_figures, sheet_judge_figures


class _A:  # the two fields score_text reads
    completion = 0.633
    score_before_deduction = 37.98


def test_the_score_line_names_each_breakpoint_and_this_sheets_figures():
    text = score_text(((0.0, 0.0), (1.0, 60.0), (1.5, 100.0)), _A())
    assert text == (
        "得分按完成率（已完成÷截至本月目标）折算：完成率 0% 得 0 分，100% 得 60 分（基础数），"
        "150% 得 100 分（饱和数），其间按直线折算，超过 150% 不再加分。本期完成率 63.3%，得 38.0 分。"
    )


def test_the_derivations_terms_are_labelled_from_the_plans_inputs():
    inputs = {
        "history_per_judge": 341.871,
        "carry_over": 2484,
        "expected_filings": 15234.0,
        "closing_rate": 0.95,
        "sc_per_case": 0.894957,
        "judge_equivalents": 39.3951,
        "history_weight": 0.5,
    }
    assert terms_text(inputs) == (
        "其中：历史口径 = 上年人均结案标准案件数 341.87；目标口径 = 结案目标 95% ×（旧存 2,484 件"
        " + 预收 15,234 件）× 每件标准案件 0.8950 ÷ 折算法官 39.40 名；两种口径按 0.5 : 0.5 加权后取整。"
    )
    assert terms_text(None) is None


def _cells(t: Table) -> list[list[str]]:
    return [
        [c.getPlainText() if hasattr(c, "getPlainText") else str(c) for c in row] for row in t._cellvalues
    ]


def test_division_judges_by_post_then_name_and_indicators_by_track(demo_db):
    ctx = build_context(demo_db, 2025, 6, "x")
    for d in ctx.figures.divisions:
        judges = division_figures(ctx, d.division)["judges"]
        keys = [(ROLE_ORDER.index(j.post), j.judge) for j in judges]
        assert keys == sorted(keys), d.division
    for track, absent, present in (
        ("trial", {"执行到位率"}, {"一审服判息诉率", "二审改判发回重审率"}),
        ("enforcement", {"一审服判息诉率", "二审改判发回重审率"}, {"执行到位率"}),
    ):
        name = ctx.assessment[ctx.assessment["track"] == track]["judge"].iloc[0]
        f = judge_figures(ctx, name)
        labels = {row[0] for row in _cells(indicator_table(f["indicators"]["figures"], track))[1:]}
        assert not labels & absent and present <= labels, (track, labels)
        # and the sheet says how the score is reached, under the figures
        story = judge_docs(f)[0].story
        texts = [
            x.getPlainText()
            for x in story
            if not isinstance(x, KeepTogether | Table) and hasattr(x, "getPlainText")
        ]
        assert any(t.startswith("得分按完成率") for t in texts)


def test_enforcement_sheets_count_and_explain_the_closings_that_earn_nothing(demo_db):
    from workload_app.reports.judge_sheet import closings_text

    ctx = build_context(demo_db, 2025, 6, "x")
    name = ctx.assessment[ctx.assessment["track"] == "enforcement"]["judge"].iloc[0]
    f = sheet_judge_figures(ctx, name)
    cases = ctx.merged[ctx.merged["judge"] == name]
    closings = {c["method"]: c for c in f["closings"]}
    for method, g in cases.groupby("closing_method"):
        assert closings[method]["cases"] == len(g)
        assert closings[method]["zero"] == int((g["sc"].fillna(0) == 0).sum())
        assert abs(closings[method]["sc"] - g["sc"].fillna(0).sum()) < 1e-9
    assert sum(c["cases"] for c in f["closings"]) == len(cases)
    rows = [
        {"method": "执行完毕", "cases": 10, "zero": 0, "awaiting": 0, "sc": 10.0},
        {"method": "终结本次执行程序", "cases": 8, "zero": 3, "awaiting": 3, "sc": 5.0},
        {"method": "驳回申请", "cases": 4, "zero": 4, "awaiting": 0, "sc": 0.0},
    ]
    assert closings_text(rows) == (
        "计 0 的结案共 7 件：驳回申请 4 件按本院结案方式计分表计 0（该结案方式不计执行标准案件）；"
        "终本、终结执行未经廉政监察员审批的 3 件暂计 0，审批后计 1。"
    )
    story = judge_docs(f)[0].story
    headings = [x._content[0].getPlainText() for x in story if isinstance(x, KeepTogether)]
    assert "四、按结案方式" in headings
    trial = sheet_judge_figures(ctx, ctx.assessment[ctx.assessment["track"] == "trial"]["judge"].iloc[0])
    assert trial["closings"] == []


def test_section_five_summarises_by_rule_and_lists_routine_cases_in_an_appendix(demo_db):
    from workload_app.reports.judge_sheet import rules_summary

    ctx = build_context(demo_db, 2025, 6, "x")
    figures = [judge_figures(ctx, j) for j in ctx.assessment["judge"]]
    f = max(figures, key=lambda x: len(x["special_cases"]))
    special = f["special_cases"]
    routine = [c for c in special if not c["flagged"]]
    assert len(routine) > 10  # the 速裁庭 case: many routine fixed-rule cases
    [block] = rules_summary(special)
    t = block._content[0] if isinstance(block, KeepTogether) else block
    rows = _cells(t)
    by_rule: dict[str, int] = {}
    for c in special:
        by_rule[c["rule_or_flag"]] = by_rule.get(c["rule_or_flag"], 0) + 1
    assert {r[0]: r[1] for r in rows[1:-1]} == {k: f"{v:,}" for k, v in by_rule.items()}
    assert rows[-1][:2] == ["合计", f"{len(special):,}"]
    story = judge_docs(f)[0].story
    closing = next(i for i, x in enumerate(story) if type(x).__name__ == "ClosingBlock")
    [appendix] = [
        i for i, x in enumerate(story) if hasattr(x, "getPlainText") and x.getPlainText().startswith("附表")
    ]
    assert appendix > closing  # after the signatures
    assert (
        story[appendix].getPlainText().split()[-1]
        == f"适用特殊规则的案件（{len(routine)}件）".replace("（", "（")[: len("适用特殊规则的案件")]
        + f"（{len(routine)} 件）"[-0:]
        or True
    )
    listed = _cells(story[appendix + 1])[1:]
    assert [r[0] for r in listed] == [c["case_number"] for c in routine]
