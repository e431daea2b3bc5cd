"""A case counts for a judge only if closed while in post (DOMAIN "Assessment", issue 26).

A small court, every figure worked out by hand (default parameters: weights 0.15 / 0.25 / 0.60, the
responsible judge gets the whole SC, minimum three months in post for a rank):
- 2024 (the reference of 2025): ten civil cases with file 100..190, transcript 4,5,6,… and judgment
  2,3,4,… pages: F̄ = 145, T̄ = 5, J̄ = 3; a case with 145 / 5 / 3 pages counts 1, 290 / 10 / 6 counts 2.
- 2025: the same ten ordinary cases of 张三 and 李四 (closed 1 March, mean SC 1);
  一日 (入额 2025-12-31, the issue's one-day judge): two cases closed 31 December (1 each) and two
  closed before he was in post (30 June, 30 November; 2 each);
  零日 (入额 2026-03-01: in post on no day of 2025): three cases closed 10 May (2 each).
On main 一日 kept all four cases (6 SC against a target of a fraction of a standard case: the court's
best, rank 1) and 零日's three cases left the totals with no notice.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from click.testing import CliRunner

from tests.importing.conftest import HEADER, ROSTER, write_xlsx
from workload_app.cli import cli
from workload_app.core.params import default_params
from workload_app.services import quotas as Q
from workload_app.services import review, roster
from workload_app.services import standard_cases as S
from workload_app.services.imports import import_cases, import_judges
from workload_app.services.parameters import save_params

FILES = [100 + 10 * i for i in range(10)]  # mean 145
TRANSCRIPTS = [4, 5, 6, 4, 5, 6, 4, 5, 6, 5]  # mean 5
JUDGMENTS = [2, 3, 4, 2, 3, 4, 2, 3, 4, 3]  # mean 3
JUDGES = ["张三", "李四"] * 5
ONE, TWO = (145, 5, 3), (290, 10, 6)
OUT_JUNE, OUT_NOV = "(2025)渝0106民初102号", "(2025)渝0106民初103号"
ZERO = [f"(2025)渝0106民初{n}号" for n in (201, 202, 203)]


def own(judge, share=1.0):
    """A judge's ordinary cases' SC by hand: Σ 0.15 F/145 + 0.25 T/5 + 0.60 J/3 over their cases."""
    return share * sum(
        0.15 * FILES[i] / 145 + 0.25 * TRANSCRIPTS[i] / 5 + 0.60 * JUDGMENTS[i] / 3
        for i in range(10)
        if JUDGES[i] == judge
    )


def row(n, year, judge, pages, closed, panel=""):
    return [
        n,
        f"({year})渝0106民初{n}号",
        "民间借贷纠纷",
        judge,
        "民事审判第一庭",
        dt.date(year, 1, 5),
        closed,
        "判决",
        "普通程序",
        *pages,
        panel,
        "",
    ]


def ordinary(year):
    return [
        row(i + 1, year, JUDGES[i], (FILES[i], TRANSCRIPTS[i], JUDGMENTS[i]), dt.date(year, 3, 1))
        for i in range(10)
    ]


def rows_2025(panel_case=False):
    out = [
        *ordinary(2025),
        row(100, 2025, "一日", ONE, dt.date(2025, 12, 31)),
        row(101, 2025, "一日", ONE, dt.date(2025, 12, 31)),
        row(102, 2025, "一日", TWO, dt.date(2025, 6, 30)),
        row(103, 2025, "一日", TWO, dt.date(2025, 11, 30)),
        *(row(n, 2025, "零日", TWO, dt.date(2025, 5, 10)) for n in (201, 202, 203)),
    ]
    if panel_case:  # 李四 responsible, 一日 on the panel before he was in post
        out.append(row(300, 2025, "李四", ONE, dt.date(2025, 6, 30), panel="李四、一日、张三"))
    return out


def build(db, tmp_path, panel_case=False, params=None):
    people = ROSTER + [
        ["一日", "民事审判第一庭", "审判员", "审判", "2025-12-31", ""],
        ["零日", "民事审判第一庭", "审判员", "审判", "2026-03-01", ""],
    ]
    import_judges(db, write_xlsx(tmp_path / "名册.xlsx", people, sheet="名册"))
    import_cases(db, write_xlsx(tmp_path / "2024.xlsx", [HEADER, *ordinary(2024)]))
    import_cases(db, write_xlsx(tmp_path / "2025.xlsx", [HEADER, *rows_2025(panel_case)]))
    save_params(db, params or default_params(2025), "test")
    return db


@pytest.fixture
def court(db, tmp_path):
    return build(db, tmp_path)


def tally(db, year=2025, month=12):
    return S.court_tally(db, year, month).set_index("judge")


def test_one_day_judge_is_credited_only_the_cases_of_31_december(court):
    t = tally(court)
    # two cases of 1 closed on 31 December; the two closed before 入额 are held (credited to nobody)
    assert t.at["一日", "sc_trial"] == pytest.approx(2.0, abs=1e-12)
    assert t.at["一日", "cases"] == 4  # still among his closed cases
    assert t.at["李四", "sc_trial"] == pytest.approx(own("李四"), abs=1e-12)  # his five ordinary cases
    # through November he has nothing credited (closed in June and November, before 入额)
    assert tally(court, month=11).at["一日", "sc_trial"] == 0.0
    merged, _, _ = S.court_results(court, 2025)
    held = merged.set_index("case_number")
    # the SC of a held case is computed as usual: 2 each
    assert held.at[OUT_JUNE, "sc"] == pytest.approx(2.0, abs=1e-12)
    assert (
        "任职期外结案" in S.flags_text(merged.set_index("case_number").loc[[OUT_JUNE]].reset_index()).iloc[0]
    )


def test_zero_day_judge_is_not_in_the_tally_and_compute_reports_the_cases(court):
    t = tally(court)
    assert "零日" not in t.index
    summary = S.compute_year(court, 2025).summary
    # 一日's two cases before 入额 and 零日's three: five closed cases credited to nobody
    assert (summary.cases, summary.outside_post, summary.no_day_in_post, summary.held_pages) == (17, 5, 3, 0)
    assert summary.uncredited == 5
    assert "其中 5 件结案不计入任何法官" in summary.text() and "法官全年不在岗 3 件" in summary.text()
    assert "5 closed cases are credited to nobody" in summary.text("en")
    # the court's credited total is the credited cases only: 10 ordinary + 2 of 31 December
    assert t["sc_trial"].sum() == pytest.approx(12.0, abs=1e-9)


@pytest.mark.sqlite_only
def test_cli_compute_says_how_many_are_credited_to_nobody(court):
    path = court.conn.execute("PRAGMA database_list").fetchone()[2]
    out = CliRunner().invoke(cli, ["--db", path, "compute", "--year", "2025"])
    assert out.exit_code == 0, out.output
    assert "2025 年度：17 件已计算" in out.output and "其中 5 件结案不计入任何法官" in out.output


def test_held_for_review_with_the_new_reason_and_confirm_credits_the_judge(court):
    held = review.held_cases(court, 2025).set_index("case_number")
    assert set(held.index) == {OUT_JUNE, OUT_NOV, *ZERO}
    assert (
        "结案日期 2025-06-30 不在法官「一日」的任职期间（入额日期 2025-12-31，离任日期 —）"
        in held.at[OUT_JUNE, "reason"]
    )
    assert "2025 年度法官标准案件" in held.at[OUT_JUNE, "affects"]
    review.confirm(court, OUT_JUNE, "借调期间办理，经政治部核实")
    assert tally(court).at["一日", "sc_trial"] == pytest.approx(4.0, abs=1e-12)  # 2 + the June case's 2
    assert OUT_JUNE not in set(review.held_cases(court, 2025)["case_number"])


def test_correcting_the_dates_in_the_roster_credits_the_cases(court):
    roster.edit_judge(court, "一日", in_post_from="2025-06-01")
    t = tally(court)
    assert t.at["一日", "sc_trial"] == pytest.approx(6.0, abs=1e-12)  # 1 + 1 + 2 + 2
    assert set(review.held_cases(court, 2025)["case_number"]) == set(ZERO)


def test_held_cases_stay_out_of_the_sc_per_case_but_their_pages_count_in_the_averages(court):
    params = default_params(2026)
    save_params(court, params, "test")
    inputs = Q.derive_inputs(court, 2026, params)
    # credited: ten ordinary (mean 1) and the two of 31 December (1 each): 12 / 12 = 1
    # (with the five held ones of 2 each: 22 / 17 = 1.294)
    assert inputs["trial"].sc_per_case == pytest.approx(1.0, abs=1e-12)
    # 2026's page averages take every 2025 case's pages, the held ones too
    import_cases(court, write_xlsx_2026(court))
    _, _, comp = S.court_results(court, 2026)
    avg = comp["averages"]["court"]
    assert avg.base_cases == 17
    assert avg.file == pytest.approx((1450 + 2 * 145 + 5 * 290) / 17, rel=1e-12)


def write_xlsx_2026(db):
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "2026.xlsx"
    return write_xlsx(path, [HEADER, row(1, 2026, "张三", ONE, dt.date(2026, 2, 1))])


def test_one_day_judge_is_shown_but_not_ranked_and_takes_no_place(db, tmp_path):
    """Months even (the 2024 closures all fell in March): 一日's December target is 1/31 of a
    month's, his completion the court's highest by far; not ranked, 李四 is first of the two."""
    from dataclasses import replace

    base = default_params(2025)
    court = build(db, tmp_path, params=replace(base, quota=replace(base.quota, month_pattern="even")))
    Q.plan_year(court, 2025)
    a = Q.court_assessment(court, 2025, 12).set_index("judge")
    assert pd.isna(a.at["一日", "rank_court"]) and pd.isna(a.at["一日", "rank_division"])
    # in post 1 day of 31 in December: 0.03 months of the twelve
    assert a.at["一日", "unranked_reason"] == "任职期间 0.03 个月，不足 3 个月，不参加排名"
    assert a.at["一日", "sc"] == pytest.approx(2.0, abs=1e-12)  # shown, with what he closed in post
    assert a.at["一日", "completion"] > 10 * a.at["李四", "completion"] > 0
    # the 审判员 of the trial track ranked: 李四 (his five cases) and 王五 (none): 李四 first of two
    figures = Q.court_figures(court, 2025, 12)
    li = next(j for j in figures.judges if j.judge == "李四")
    assert (li.rank_court, li.n_court) == (1, 2)
    one = next(j for j in figures.judges if j.judge == "一日")
    assert one.rank_court is None and one.unranked_reason


def test_a_short_period_needs_the_whole_period(court):
    """Through February the period is two months: the minimum is the whole period."""
    Q.plan_year(court, 2025)
    a = Q.court_assessment(court, 2025, 2).set_index("judge")
    assert a.at["李四", "unranked_reason"] == ""  # in post both months
    assert a.at["一日", "unranked_reason"] == "任职期间 0.00 个月，不足 2 个月，不参加排名"


def test_on_a_panel_only_the_member_out_of_post_is_held(db, tmp_path):
    from dataclasses import replace

    from workload_app.core.params import PanelParams

    params = replace(default_params(2025), panel=PanelParams(responsible_share=0.6, member_share=0.2))
    court = build(db, tmp_path, panel_case=True, params=params)
    t = tally(court)
    # the panel case (SC 1, closed 30 June): 李四 0.6, 张三 0.2, 一日's 0.2 held (credited to nobody)
    assert t.at["李四", "sc_trial"] == pytest.approx(own("李四", 0.6) + 0.6, abs=1e-12)
    assert t.at["张三", "sc_trial"] == pytest.approx(own("张三", 0.6) + 0.2, abs=1e-12)
    assert t.at["一日", "sc_trial"] == pytest.approx(0.6 * 2, abs=1e-12)  # his two of 31 December
    held = review.held_cases(court, 2025).set_index("case_number")
    assert "不在法官「一日」的任职期间" in held.at["(2025)渝0106民初300号", "reason"]


@pytest.mark.sqlite_only
def test_the_court_sheet_keeps_the_cases_and_names_those_credited_to_nobody(court, tmp_path):
    """The zero-day judge's cases stay in the court's closed cases (17) and are named on the court
    summary as closed outside the time in post: 一日's two and 零日's three."""
    import re

    from pypdf import PdfReader

    from workload_app.services.sheets import export_sheets

    Q.plan_year(court, 2025)
    [path] = export_sheets(court, 2025, 12, "court", tmp_path / "court", workers=1)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))
    assert "本年度结案17件" in text and "任职期外结案5件（待复核，不计入任何法官）" in text


def test_correcting_pages_of_a_case_held_for_the_time_in_post_is_refused(court):
    from workload_app.core.problems import WorkloadError

    with pytest.raises(WorkloadError, match="不在法官任职期间待复核，页数无需更正") as caught:
        review.correct(court, OUT_JUNE, "试图更正", file_pages=100)
    assert "not for its pages" in caught.value.render("en")
    assert tally(court).at["一日", "sc_trial"] == pytest.approx(2.0, abs=1e-12)  # nothing changed
