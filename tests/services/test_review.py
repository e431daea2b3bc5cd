"""Absurd figures don't move anyone's numbers: an outlier page count is held (待复核) out of credit
and out of the averages until a reviewer confirms or corrects it.

A small court, every figure worked out by hand (weights 0.15 / 0.25 / 0.60, outlier factor 5):
- 2024 (the reference of 2025): ten civil cases with file 100..190, transcript 4,5,6,… and
  judgment 2,3,4,… pages: F̄ = 145, T̄ = 5, J̄ = 3.
- 2025: the same ten ordinary cases, and one case of 李四's with 99,999 pages in every count
  (under the import ceiling of 100,000).
- 2026 (reference 2025): one ordinary case with 145 / 5 / 3 pages.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from tests.conftest import open_as_operator
from tests.importing.conftest import HEADER, ROSTER, write_xlsx
from workload_app.cli import cli
from workload_app.core.params import PanelParams, default_params
from workload_app.core.problems import WorkloadError
from workload_app.services import access, audit, review
from workload_app.services import standard_cases as S
from workload_app.services.imports import import_cases, import_judges
from workload_app.services.parameters import save_params
from workload_app.storage import audit_trail

HUGE = 99_999
W = (0.15, 0.25, 0.60)
FILES = [100 + 10 * i for i in range(10)]  # mean 145
TRANSCRIPTS = [4, 5, 6, 4, 5, 6, 4, 5, 6, 5]  # mean 5
JUDGMENTS = [2, 3, 4, 2, 3, 4, 2, 3, 4, 3]  # mean 3
JUDGES = ["张三", "李四"] * 5  # 李四 tries the odd positions
HUGE_CASE = "(2025)渝0106民初999号"
ORDINARY_2026 = "(2026)渝0106民初1号"


def mean(xs):
    return sum(xs) / len(xs)


def sc(pages, averages):
    return sum(w * p / a for w, p, a in zip(W, pages, averages, strict=True))


def row(n, year, judge, pages, panel=""):
    return [
        n,
        f"({year})渝0106民初{n}号",
        "民间借贷纠纷",
        judge,
        "民事审判第一庭",
        dt.date(year, 1, 5),
        dt.date(year, 3, 1),
        "判决",
        "普通程序",
        *pages,
        panel,
        "",
    ]


def ordinary(year):
    return [row(i + 1, year, JUDGES[i], (FILES[i], TRANSCRIPTS[i], JUDGMENTS[i])) for i in range(10)]


def write_2025(path, huge_pages=(HUGE, HUGE, HUGE)):
    return write_xlsx(path, [HEADER, *ordinary(2025), row(999, 2025, "李四", huge_pages, panel="李四、张三")])


@pytest.fixture
def court(db, tmp_path):
    import_judges(db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    import_cases(db, write_xlsx(tmp_path / "2024.xlsx", [HEADER, *ordinary(2024)]))
    import_cases(db, write_2025(tmp_path / "2025.xlsx"))
    import_cases(db, write_xlsx(tmp_path / "2026.xlsx", [HEADER, row(1, 2026, "张三", (145, 5, 3))]))
    panel = PanelParams(responsible_share=0.6, member_share=0.4)  # 张三 shares in 李四's huge case
    save_params(db, replace(default_params(2025), panel=panel), "test")
    save_params(db, replace(default_params(2026), panel=panel), "test")
    return db


def tally_of(db, year, judge):
    t = S.court_tally(db, year).set_index("judge")
    return float(t.loc[judge, "sc_trial"])


def case_sc(db, year, case_number):
    merged, _, _ = S.court_results(db, year)
    return float(merged.set_index("case_number").loc[case_number, "sc"])


AVG_2024 = (mean(FILES), mean(TRANSCRIPTS), mean(JUDGMENTS))  # 145, 5, 3
OWN = {j: [i for i in range(10) if JUDGES[i] == j] for j in ("张三", "李四")}


def ordinary_credit(judge, averages):
    return 0.6 * sum(sc((FILES[i], TRANSCRIPTS[i], JUDGMENTS[i]), averages) for i in OWN[judge])


def test_huge_pages_are_held_out_of_credit_and_next_years_averages(court):
    """Regression: on main one 99,999-page case gave 李四 15,065 SC (张三 10,044 as a panel member)
    and cut 2026's ordinary case (1.0 by hand) to 0.0027; held, it moves nothing."""
    assert AVG_2024 == (145.0, 5.0, 3.0)
    # 李四's tally is his five ordinary cases (0.6 each as responsible judge), by hand
    assert tally_of(court, 2025, "李四") == pytest.approx(ordinary_credit("李四", AVG_2024), rel=1e-12)
    assert tally_of(court, 2025, "李四") < 10
    # and 张三 earns nothing from the held case as a panel member (0.4 × his own five cases only)
    assert tally_of(court, 2025, "张三") == pytest.approx(ordinary_credit("张三", AVG_2024), rel=1e-12)
    assert case_sc(court, 2025, HUGE_CASE) == 0.0
    # 2026's averages are the ten ordinary 2025 cases: the ordinary case counts 1.0
    _, _, comp = S.court_results(court, 2026)
    avg = comp["averages"]["court"]
    assert (avg.file, avg.transcript, avg.judgment, avg.base_cases) == (145.0, 5.0, 3.0, 10)
    assert case_sc(court, 2026, ORDINARY_2026) == pytest.approx(1.0, rel=1e-12)


def test_confirm_counts_the_case_as_it_is(court):
    review.confirm(court, HUGE_CASE, "已核对卷宗，确有九万余页")
    huge_sc = sc((HUGE, HUGE, HUGE), AVG_2024)
    assert huge_sc > 20_000  # tens of thousands of standard cases: what main credited unreviewed
    assert case_sc(court, 2025, HUGE_CASE) == pytest.approx(huge_sc, rel=1e-12)
    assert tally_of(court, 2025, "李四") == pytest.approx(
        ordinary_credit("李四", AVG_2024) + 0.6 * huge_sc, rel=1e-12
    )
    assert tally_of(court, 2025, "张三") == pytest.approx(
        ordinary_credit("张三", AVG_2024) + 0.4 * huge_sc, rel=1e-12
    )
    with_huge = (mean([*FILES, HUGE]), mean([*TRANSCRIPTS, HUGE]), mean([*JUDGMENTS, HUGE]))
    _, _, comp = S.court_results(court, 2026)
    avg = comp["averages"]["court"]
    assert (avg.file, avg.transcript, avg.judgment) == pytest.approx(with_huge, rel=1e-12)
    assert case_sc(court, 2026, ORDINARY_2026) == pytest.approx(sc((145, 5, 3), with_huge), rel=1e-12)
    assert case_sc(court, 2026, ORDINARY_2026) < 0.01  # the shrinkage, now a reviewer's decision
    assert review.held_cases(court).empty


def test_correct_counts_the_corrected_pages_and_keeps_the_original(court):
    review.correct(
        court, HUGE_CASE, "卷宗实为 99 页，录入错误", file_pages=99, transcript_pages=5, judgment_pages=3
    )
    assert case_sc(court, 2025, HUGE_CASE) == pytest.approx(sc((99, 5, 3), AVG_2024), rel=1e-12)
    corrected = (mean([*FILES, 99]), mean([*TRANSCRIPTS, 5]), mean([*JUDGMENTS, 3]))
    _, _, comp = S.court_results(court, 2026)
    avg = comp["averages"]["court"]
    assert (avg.file, avg.transcript, avg.judgment, avg.base_cases) == pytest.approx(
        (*corrected, 11), rel=1e-12
    )
    # the imported counts stay in the cases table, the audit keeps both
    stored = court.conn.execute("SELECT file_pages FROM cases WHERE case_number = ?", (HUGE_CASE,)).fetchone()
    assert stored[0] == HUGE
    row_ = audit_trail.audit_frame(court, action="review.correct").iloc[0]
    before, after = json.loads(row_["before"]), json.loads(row_["after"])
    assert before["pages"] == {"file_pages": HUGE, "transcript_pages": HUGE, "judgment_pages": HUGE}
    assert after["pages"] == {"file_pages": 99, "transcript_pages": 5, "judgment_pages": 3}
    assert after["reason"] == "卷宗实为 99 页，录入错误"
    merged, params, _ = S.court_results(court, 2025)
    text = S.explanations(merged, params)[merged["case_number"] == HUGE_CASE].iloc[0]
    assert "复核更正" in text and "卷宗页数 99999→99" in text


def test_held_case_is_listed_once_with_why_and_what_it_affects(court):
    held = review.held_cases(court)
    assert held["case_number"].tolist() == [HUGE_CASE]
    r = held.iloc[0]
    assert r["judge"] == "李四" and r["closed_year"] == 2025
    # medians of 2025 (eleven cases): file 150, transcript 5, judgment 3
    assert r["reason"] == (
        "卷宗页数 99999，超过同类型（民初）中位数 150 的 5 倍；"
        "庭审笔录页数 99999，超过同类型（民初）中位数 5 的 5 倍；"
        "裁判文书页数 99999，超过同类型（民初）中位数 3 的 5 倍"
    )
    assert r["affects"] == "2025 年度标准案件、2026 年度平均页数"
    assert review.held_cases(court, 2024).empty
    # the judge sees why in the case explanation
    merged, params, _ = S.court_results(court, 2025)
    text = S.explanations(merged, params)[merged["case_number"] == HUGE_CASE].iloc[0]
    assert "待复核" in text and "卷宗页数 99999，超过同类型（民初）中位数 150 的 5 倍" in text


def test_decision_sticks_across_recompute_and_same_reimport(court, tmp_path):
    review.confirm(court, HUGE_CASE, "已核对")
    S.compute_year(court, 2025)
    import_cases(court, write_2025(tmp_path / "again.xlsx"))
    assert review.held_cases(court).empty
    assert case_sc(court, 2025, HUGE_CASE) == pytest.approx(sc((HUGE, HUGE, HUGE), AVG_2024), rel=1e-12)


def test_reimport_that_changes_the_count_clears_the_confirmation(court, tmp_path):
    review.confirm(court, HUGE_CASE, "已核对")
    import_cases(court, write_2025(tmp_path / "changed.xlsx", huge_pages=(88_888, HUGE, HUGE)))
    assert review.held_cases(court)["case_number"].tolist() == [HUGE_CASE]
    assert case_sc(court, 2025, HUGE_CASE) == 0.0


def test_only_reviewers_decide_and_a_reason_is_required(court):
    with pytest.raises(WorkloadError, match="复核理由"):
        review.confirm(court, HUGE_CASE, "  ")
    with pytest.raises(WorkloadError, match="不在待复核列表"):
        review.confirm(court, "(2025)渝0106民初1号", "核对")
    with pytest.raises(WorkloadError, match="没有案号"):
        review.confirm(court, "(2025)渝0106民初12345号", "核对")
    with pytest.raises(WorkloadError, match="不小于 0 的整数"):
        review.correct(court, HUGE_CASE, "核对", file_pages=-3)
    with pytest.raises(WorkloadError, match="超过上限"):
        review.correct(court, HUGE_CASE, "核对", file_pages=100_001)
    access.bind(court, access.User(login="li", role=access.JUDGE, judge="李四"))
    with pytest.raises(access.AccessDenied):
        review.confirm(court, HUGE_CASE, "我自己确认")
    assert review.held_cases(court)["case_number"].tolist() == [HUGE_CASE]  # his own case, listed
    access.bind(court, access.User(login="zhao", role=access.JUDGE, judge="赵六"))
    assert review.held_cases(court).empty
    access.bind_local_operator(court)
    assert audit_trail.audit_frame(court, action="review.confirm").empty


def test_every_decision_is_audited(court):
    review.confirm(court, HUGE_CASE, "已核对卷宗")
    row_ = audit_trail.audit_frame(court, action="review.confirm").iloc[0]
    assert row_["target"] == HUGE_CASE
    assert json.loads(row_["after"]) == {
        "decision": "confirmed",
        "pages": {"file_pages": HUGE, "transcript_pages": HUGE, "judgment_pages": HUGE},
        "reason": "已核对卷宗",
    }
    assert "超过同类型" in json.loads(row_["before"])["held"]
    assert audit.verify(court)[1] is None


@pytest.mark.sqlite_only  # runs the CLI on the file (its path)
def test_cli_review_list_confirm_correct(court, tmp_path):
    path = court.conn.execute("PRAGMA database_list").fetchone()[2]
    court.conn.close()

    def run(*args):
        return CliRunner().invoke(cli, ["--db", path, *args], catch_exceptions=False)

    r = run("review", "list", "--year", "2025")
    assert r.exit_code == 0, r.output
    assert HUGE_CASE in r.output and "李四" in r.output and "中位数 150 的 5 倍" in r.output
    assert "共 1 件待复核" in r.output
    r = run("review", "correct", HUGE_CASE, "--file-pages", "99", "--reason", "")
    assert r.exit_code == 1 and "复核理由" in r.output
    r = run(
        "review",
        "correct",
        HUGE_CASE,
        "--file-pages",
        "99",
        "--transcript-pages",
        "5",
        "--judgment-pages",
        "3",
        "--reason",
        "录入错误",
    )
    assert r.exit_code == 0, r.output
    assert "已更正" in r.output
    r = run("review", "list")
    assert r.exit_code == 0 and "没有待复核的案件" in r.output
    db = open_as_operator(path)
    assert case_sc(db, 2025, HUGE_CASE) == pytest.approx(sc((99, 5, 3), AVG_2024), rel=1e-12)
    db.conn.close()
    r = run("review", "confirm", HUGE_CASE, "--reason", "x")
    assert r.exit_code == 1 and "不在待复核列表" in r.output


def test_held_case_stays_out_of_the_sc_per_case_of_next_years_quotas(court):
    """DOMAIN "Figures that must not move on a typo": a held case stays out of every average, the
    SC per case that the next year's quotas use included. 2025 holds the ten ordinary cases (each
    with 2024's average pages pattern: their mean SC is 0.15 + 0.25 + 0.60 = 1 by hand) and the
    held case at 0; with it the SC per case would be 10 / 11 = 0.9091."""
    from workload_app.services.parameters import current_params
    from workload_app.services.quotas import derive_inputs

    params, _ = current_params(court, 2026)
    inputs = derive_inputs(court, 2026, params)
    assert inputs["trial"].sc_per_case == pytest.approx(1.0, abs=1e-12)
    # confirmed, the case counts in it with its own SC (sc of 99,999 pages each), by hand
    review.confirm(court, HUGE_CASE, "已核对卷宗")
    huge = sc((HUGE, HUGE, HUGE), AVG_2024)
    inputs = derive_inputs(court, 2026, params)
    assert inputs["trial"].sc_per_case == pytest.approx((10 + huge) / 11, rel=1e-12)
