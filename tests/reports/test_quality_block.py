"""The 质效指标 block on the sheets: the printed figures equal `export quality`, out-of-range values
carry their ▲/▼ mark, long-pending reasons go on their own judge's sheet only; and the optional
score deduction for reversed/remanded cases, off by default."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from workload_app.cli import cli
from workload_app.services import pending
from workload_app.services import quotas as Q
from workload_app.services.exports import TALLY_COLUMNS, tally_table
from workload_app.services.parameters import current_params, save_params
from workload_app.services.quality import report
from workload_app.services.sheets import export_sheets

YEAR, MONTH = 2025, 6
END = "2025-06-30"
END_ON_PAPER = "2025年6月30日"  # dates on paper are in Chinese form


def cn(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def text_of(path) -> str:
    return "".join(re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(path).pages)


def pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def money(x: float) -> str:
    return f"{x:,.2f}"


MIN_DEN = 10  # the default [quality] min_denominator: a smaller denominator is not judged


def mark(value, low, high, den=MIN_DEN) -> str:
    """Worked out here from the year's reference range: ▼ below, ▲ above, nothing inside; nothing
    from a denominator under the minimum."""
    if value is None or den < MIN_DEN:
        return ""
    if low is not None and value < low:
        return "▼"
    if high is not None and value > high:
        return "▲"
    return ""


def expected_rows(row, ranges) -> list[str]:
    """What the sheet must print for one judge, from the export's row and the parameters."""
    out = []
    for col, label, num_label, den_label, fmt_part in (
        ("closing_rate", "结案率", "已结", "旧存＋新收", num),
        ("closed_to_filed", "结收比", "已结", "新收", num),
        ("within_limit_rate", "法定审限内结案率", "审限内结案", "有审限的结案", num),
        ("mean_days", "平均审理天数", "审理天数合计", "结案", num),
        ("appealed_rate", "一审服判息诉率", "未上诉", "一审判决、裁定结案", num),
        ("reversed_remanded_rate", "二审改判发回重审率", "改判、发回重审", "一审结案", num),
        ("enforcement_recovery_rate", "执行到位率", "执行到位金额（元）", "申请执行金额（元）", money),
    ):
        n, d = row[f"{col}_num"], row[f"{col}_den"]
        if col == "appealed_rate":  # the sheet prints 服判息诉率, the export its complement
            n = d - n
        value = n / d if d else None
        key = {"appealed_rate": "acceptance_rate"}.get(col, col)
        low, high = ranges[key]
        shown = "—" if value is None else (f"{value:.1f}天" if col == "mean_days" else pct(value))
        out.append(
            f"{label}{num_label}{fmt_part(n)}{den_label}{fmt_part(d)}{mark(value, low, high, d)}{shown}"
        )
    return out


def test_judge_sheet_figures_equal_export_quality_and_marks_out_of_range(demo_db, tmp_path):
    params, _ = current_params(demo_db, YEAR)
    # 1—6月: 结案率's year range scaled by 6/12 (70 % -> 35 %), the others as set
    assert params.quality.min_denominator == MIN_DEN
    ranges = {
        k: (
            tuple(b * 6 / 12 if b is not None else None for b in params.quality.range_of(k))
            if k == "closing_rate"
            else params.quality.range_of(k)
        )
        for k in (
            "closing_rate",
            "closed_to_filed",
            "within_limit_rate",
            "mean_days",
            "acceptance_rate",
            "reversed_remanded_rate",
            "enforcement_recovery_rate",
        )
    }
    out = tmp_path / "quality.csv"
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(tmp_path / "demo.sqlite"),
            "export",
            "quality",
            "--year",
            str(YEAR),
            "--through-month",
            str(MONTH),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    import pandas as pd

    exported = pd.read_csv(out)
    # a trial judge with an out-of-range value, an enforcement judge, and one with appeals
    trial = exported[exported["closing_rate_den"] > 0]
    low_closing = trial[
        (trial["closed_to_filed"] < ranges["closed_to_filed"][0]) & (trial["closed_to_filed_den"] >= MIN_DEN)
    ]
    appealed = exported[exported["appealed_rate_num"] > 0]
    enforcement = exported[exported["enforcement_recovery_rate_den"] > 0]
    assert len(low_closing) and len(appealed) and len(enforcement)
    chosen = {low_closing.iloc[0]["judge"], appealed.iloc[0]["judge"], enforcement.iloc[0]["judge"]}
    marked = 0
    for judge in chosen:
        row = exported[exported["judge"] == judge].iloc[0]
        (path,) = export_sheets(demo_db, YEAR, MONTH, "judge", tmp_path / judge, judge=judge, workers=1)
        text = text_of(path)
        block = text[text.index("质效指标") :]
        track = Q.assessment(demo_db, YEAR, MONTH).set_index("judge").loc[judge, "track"]
        # a row that cannot apply to the judge's track is left out (no amounts on trial cases,
        # no appeals on enforcement cases); every other row equals the export
        left_out = {"trial": ("执行到位率",), "enforcement": ("一审服判息诉率", "二审改判发回重审率")}[track]
        for expected in expected_rows(row, ranges):
            if expected.startswith(left_out):
                assert not any(label in block.split("统计至")[0] for label in left_out), (judge, track)
                continue
            assert expected in block, (judge, expected)
            marked += "▼" in expected or "▲" in expected
        bands = (
            f"截至{END_ON_PAPER}未结{int(row['pending'])}件，其中长期未结：12–18个月{int(row['pending_12_18'])}件，"
            f"18–36个月{int(row['pending_18_36'])}件，36个月以上{int(row['pending_over_36'])}件"
        )
        assert bands in block
    assert marked  # at least one out-of-range value was checked for its mark


def test_in_range_value_has_no_mark(demo_db, tmp_path):
    rep = report(demo_db, YEAR, MONTH)
    fig = next(f for f in rep.judges if f.indicator("within_limit_rate").in_range)
    (path,) = export_sheets(demo_db, YEAR, MONTH, "judge", tmp_path, judge=fig.name, workers=1)
    ind = fig.indicator("within_limit_rate")
    text = text_of(path)
    assert re.search(rf"有审限的结案{num(ind.denominator)}{re.escape(pct(ind.value))}", text)


def test_long_pending_reason_is_on_its_judges_sheet_only(demo_db, tmp_path):
    rep = report(demo_db, YEAR, MONTH)
    case = rep.long_pending[0]
    other = next(f.name for f in rep.judges if f.name != case.judge and f.division == case.division)
    note = "等候司法鉴定所出具第二次鉴定意见"
    pending.record_reason(demo_db, case.case_number, "鉴定", note)
    mine, theirs = (
        text_of(export_sheets(demo_db, YEAR, MONTH, "judge", tmp_path / j, judge=j, workers=1)[0])
        for j in (case.judge, other)
    )
    band = {"12-18": "12–18个月", "18-36": "18–36个月", "36+": "36个月以上"}[case.band]
    row = f"{case.case_number}{cn(case.filed_on)}{case.age_months}个月{band}鉴定{note}"
    assert row in mine
    assert note not in theirs and case.case_number not in theirs


def test_division_and_court_sheets_carry_their_own_figures(demo_db, tmp_path):
    rep = report(demo_db, YEAR, MONTH)
    div = rep.divisions[0]
    (dpath,) = export_sheets(demo_db, YEAR, MONTH, "division", tmp_path, division=div.name, workers=1)
    (cpath,) = export_sheets(demo_db, YEAR, MONTH, "court", tmp_path, workers=1)
    for path, fig in ((dpath, div), (cpath, rep.court)):
        ind = fig.indicator("closing_rate")
        assert f"结案率已结{num(ind.numerator)}旧存＋新收{num(ind.denominator)}" in text_of(path)
    # the appeal figures name their own data date
    assert f"二审{cn(rep.appeals_date)}" in text_of(cpath)
    assert "排名" not in text_of(cpath).split("质效指标")[1].split("不排名")[0]


# ---------------------------------------------------------------- score deductions


def _only_reversed(db, counts: dict[str, int]) -> None:
    """No appellate outcome anywhere, then ``counts[judge]`` of the judge's first-instance trial
    cases closed in the period marked 改判 (the first of them 发回重审)."""
    db.conn.execute("UPDATE cases SET appeal_result = NULL, appealed = 0")
    for judge, n in counts.items():
        ids = [
            r[0]
            for r in db.conn.execute(
                "SELECT c.id FROM cases c JOIN judges j ON j.id = c.judge_id WHERE j.name = ? "
                "AND c.instance = 'first' AND c.category IN ('civil', 'criminal', 'administrative') "
                "AND c.closed_on BETWEEN '2025-01-01' AND ? ORDER BY c.id LIMIT ?",
                (judge, END, n),
            )
        ]
        assert len(ids) == n
        for i, case_id in enumerate(ids):
            db.conn.execute(
                "UPDATE cases SET appeal_result = ?, appealed = 1 WHERE id = ?",
                ("发回重审" if i == 0 else "改判", case_id),
            )
    db.conn.commit()


def _set_deduction(db, per: float, cap: float) -> None:
    params, _ = current_params(db, YEAR)
    params = replace(params, quality=replace(params.quality, deduction_per_reversed=per, deduction_cap=cap))
    save_params(db, params, "改判发回扣分", "test", publish=True)


@pytest.fixture
def three_judges(demo_db):
    a = Q.court_assessment(demo_db, YEAR, MONTH)
    trial = a[(a["track"] == "trial") & (a["score"] > 20)]
    names = list(trial["judge"][:3])
    _only_reversed(demo_db, {names[0]: 0, names[1]: 2, names[2]: 5})
    return names


def test_deduction_off_changes_nothing(demo_db, three_judges, tmp_path):
    (path,) = export_sheets(demo_db, YEAR, MONTH, "judge", tmp_path, judge=three_judges[2], workers=1)
    assert "扣分" not in text_of(path) and "完成率得分" not in text_of(path)
    before = Q.court_assessment(demo_db, YEAR, MONTH).set_index("judge")
    assert list(tally_table(demo_db, YEAR, MONTH).columns) == TALLY_COLUMNS
    assert (before["deduction"] == 0).all()
    assert before["score"].equals(before["score_before_deduction"])


def test_deduction_per_reversed_case_capped_by_hand(demo_db, three_judges):
    a0, b, c = three_judges
    off_table = Q.court_assessment(demo_db, YEAR, MONTH).set_index("judge")
    base = off_table["score"]
    _set_deduction(demo_db, per=3.0, cap=10.0)
    t = tally_table(demo_db, YEAR, MONTH).set_index("judge")
    assert ["score_before_deduction", "reversed_remanded", "deduction", "score"] == [
        c_ for c_ in t.columns if c_ in ("score_before_deduction", "reversed_remanded", "deduction", "score")
    ]
    # a0: 0 reversed, −0; b: 2 × 3 = −6; c: 5 × 3 = 15, capped at −10
    for judge, n, off in ((a0, 0, 0.0), (b, 2, 6.0), (c, 5, 10.0)):
        assert t.loc[judge, "reversed_remanded"] == n
        assert t.loc[judge, "score_before_deduction"] == pytest.approx(base[judge])
        assert t.loc[judge, "deduction"] == pytest.approx(off)
        assert t.loc[judge, "score"] == pytest.approx(base[judge] - off)
    # the ranks are not built on the deduction (nor on any quality figure): completion only
    on_table = Q.court_assessment(demo_db, YEAR, MONTH).set_index("judge")
    assert on_table["rank_court"].equals(off_table["rank_court"])
    assert on_table["rank_division"].equals(off_table["rank_division"])


def test_deduction_never_takes_the_score_below_zero(demo_db, three_judges, tmp_path):
    _, b, _ = three_judges
    base = Q.court_assessment(demo_db, YEAR, MONTH).set_index("judge")["score"]
    _set_deduction(demo_db, per=100.0, cap=0.0)  # no cap: 2 × 100 points off a score ≤ 100
    t = Q.court_assessment(demo_db, YEAR, MONTH).set_index("judge")
    assert t.loc[b, "deduction"] == 200.0 and t.loc[b, "score"] == 0.0
    (path,) = export_sheets(demo_db, YEAR, MONTH, "judge", tmp_path, judge=b, workers=1)
    text = text_of(path)
    shown = f"{base[b]:,.1f}"
    assert f"得分=完成率得分{shown}−改判发回扣分200.0（二审改判、发回重审2件×100分）=0.0（不低于0）" in text


def test_a_judge_with_cases_in_two_divisions_is_told_where_the_rest_are(demo_db, tmp_path):
    rep = report(demo_db, YEAR, MONTH)
    fig = next(f for f in rep.judges if f.closed >= 4)
    other = next(d.name for d in rep.divisions if d.name != fig.division)
    # two of the judge's cases closed in the period were filed while the judge sat in another division
    demo_db.conn.execute(
        "UPDATE cases SET division_id = (SELECT id FROM divisions WHERE name = ?) WHERE id IN ("
        "SELECT c.id FROM cases c JOIN judges j ON j.id = c.judge_id WHERE j.name = ? "
        "AND c.closed_on BETWEEN '2025-01-01' AND ? ORDER BY c.id LIMIT 2)",
        (other, fig.name, END),
    )
    demo_db.conn.commit()
    (path,) = export_sheets(demo_db, YEAR, MONTH, "judge", tmp_path, judge=fig.name, workers=1)
    text = text_of(path)
    assert f"另有在「{other}」承办的案件（新收" in text
    assert re.search(r"已结2件、未结\d+件）未计入上表", text)
