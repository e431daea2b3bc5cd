"""Quality data in (new optional columns, appellate outcomes), the export checked against an
independent computation from `export cases` + the open-case list, and long-pending reasons."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from click.testing import CliRunner

from tests.conftest import open_as_operator
from workload_app.cli import cli
from workload_app.core.params import default_params
from workload_app.core.problems import ImportRejected, WorkloadError
from workload_app.services import access, accounts, audit, pending
from workload_app.services.imports import import_cases, undo_import
from workload_app.services.parameters import save_params
from workload_app.services.quality import import_appeals, report
from workload_app.storage import repository as repo

from ..importing.conftest import ROSTER, write_xlsx

HEAD = [
    "案号",
    "承办人",
    "承办部门",
    "立案日期",
    "结案日期",
    "结案方式",
    "适用程序",
    "审限天数",
    "延长审限",
    "扣除天数",
    "是否上诉",
    "二审结果",
    "原审案号",
    "申请执行标的金额（元）",
    "执行到位金额",
    "卷宗页数",
    "庭审笔录页数",
    "裁判文书页数",
]
ROWS = [
    # 6 months -> 2024-07-10: within; 182 days
    ["(2024)渝0106民初1号", "张三", "民事审判第一庭", "2024-01-10", "2024-07-10", "判决", "普通程序"],
    # 简易 3 months + 60 deducted days -> 2024-07-31: within; 76 days
    [
        "(2024)渝0106民初2号",
        "李四",
        "民事审判第一庭",
        "2024-03-01",
        "2024-07-15",
        "调解",
        "简易程序",
        None,
        None,
        60,
    ],
    # late (deadline 2024-07-05); appealed; the outcome comes later from the appeals list
    [
        "(2024)渝0106民初3号",
        "李四",
        "民事审判第一庭",
        "2024-01-05",
        "2024-08-30",
        "判决",
        "普通程序",
        None,
        None,
        None,
        "是",
    ],
    # criminal, 2 months + 30 days' extension -> 2024-05-01: within; 79 days
    [
        "(2024)渝0106刑初4号",
        "王五",
        "刑事审判庭",
        "2024-02-01",
        "2024-04-20",
        "判决",
        "普通程序",
        None,
        "30天",
    ],
    # carried over from 2023; 审限天数 given 200 -> 2024-04-02, closed 2024-03-20: within; 187 days
    [
        "(2023)渝0106民初5号",
        "张三",
        "民事审判第一庭",
        "2023-09-15",
        "2024-03-20",
        "判决",
        "普通程序",
        200,
        None,
        None,
        "是",
        "撤诉",
    ],
    # enforcement: 6 months; 90 days; 40 % recovered
    [
        "(2024)渝0106执6号",
        "赵六",
        "执行局",
        "2024-02-01",
        "2024-05-01",
        "执行完毕",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        "100,000",
        "4万元",
    ],
    # open cases: exactly 12 months and 3 years old at 2024-12-31, and a young one
    ["(2023)渝0106民初7号", "张三", "民事审判第一庭", "2023-12-31", None, None, "普通程序"],
    ["(2021)渝0106民初8号", "李四", "民事审判第一庭", "2021-12-31", None, None, "普通程序"],
    ["(2024)渝0106民初9号", "张三", "民事审判第一庭", "2024-06-01", None, None, "普通程序"],
]
TODAY = dt.date(2025, 2, 1)


def pad(r):
    return list(r) + [None] * (len(HEAD) - 3 - len(r)) + [100, 5, 5]


@pytest.fixture
def court(db, tmp_path):
    from workload_app.services.imports import import_judges

    import_judges(db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    import_cases(db, write_xlsx(tmp_path / "cases.xlsx", [HEAD, *map(pad, ROWS)]), today=TODAY)
    save_params(db, default_params(2024, average_year=2024), "测试", "test", publish=True)
    return db


def test_new_columns_are_read_with_synonyms(court):
    rows = repo.existing_case_rows(court, ["(2024)渝0106民初2号", "(2024)渝0106刑初4号", "(2024)渝0106执6号"])
    assert rows["(2024)渝0106民初2号"]["deducted_days"] == 60
    assert rows["(2024)渝0106刑初4号"]["extension_days"] == 30
    enf = rows["(2024)渝0106执6号"]
    assert (enf["enforcement_applied"], enf["enforcement_recovered"]) == (100000.0, 40000.0)
    old = repo.existing_case_rows(court, ["(2023)渝0106民初5号"])["(2023)渝0106民初5号"]
    assert (old["time_limit_days"], old["appealed"], old["appeal_result"]) == (200, 1, "撤诉")
    assert old["appeal_recorded_on"] == dt.date.today().isoformat()


def test_bad_quality_values_name_row_and_column(db, tmp_path):
    from workload_app.services.imports import import_judges

    import_judges(db, write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册"))
    bad = pad(
        [
            "(2024)渝0106民初1号",
            "张三",
            "民事审判第一庭",
            "2024-01-10",
            "2024-07-10",
            "判决",
            "普通程序",
            "三十",
            None,
            -2,
            "也许",
        ]
    )
    bad[13], bad[14] = "100", "500"
    with pytest.raises(ImportRejected) as err:
        import_cases(db, write_xlsx(tmp_path / "bad.xlsx", [HEAD, bad]), today=TODAY)
    where = {(p.row, p.column) for p in err.value.problems}
    assert where == {(2, "审限天数"), (2, "扣除天数"), (2, "是否上诉"), (2, "执行到位金额")}
    assert repo.existing_case_rows(db, ["(2024)渝0106民初1号"]) == {}


def test_reimport_changes_nothing(court, tmp_path):
    result = import_cases(court, write_xlsx(tmp_path / "again.xlsx", [HEAD, *map(pad, ROWS)]), today=TODAY)
    assert (result.new, result.updated, result.unchanged) == (0, 0, len(ROWS))


def appeals_file(tmp_path, rows):
    return write_xlsx(
        tmp_path / "二审.xlsx", [["二审案号", "原审案号", "结果", "结案日期"], *rows], title="二审结案清单"
    )


def test_appeal_outcomes_link_by_canonical_number_and_report_the_unmatched(court, tmp_path):
    path = appeals_file(
        tmp_path,
        [
            [
                "(2024)渝01民终100号",
                "（2024）渝0106民初0003号",
                "改判",
                "2024-12-20",
            ],  # full-width, leading zeros
            ["(2024)渝01民终101号", "(2024)渝0106民初999号", "维持", "2024-12-21"],  # not ours
        ],
    )
    result = import_appeals(court, path, today=dt.date(2025, 1, 20))
    assert (result.total, result.matched, result.unchanged) == (2, 1, 0)
    assert [(p.row, p.value) for p in result.unmatched] == [(5, "(2024)渝0106民初999号")]
    row = repo.existing_case_rows(court, ["(2024)渝0106民初3号"])["(2024)渝0106民初3号"]
    assert (row["appeal_result"], row["appeal_recorded_on"]) == ("改判", "2025-01-20")
    rep = report(court, 2024, 12)
    assert rep.appeals_date == max(dt.date.today(), dt.date(2025, 1, 20))  # 民初5 came with the case import
    rev = rep.court.indicator("reversed_remanded_rate")
    # first-instance trial cases closed in 2024: 民初1, 2, 3, 刑初4, 民初5 -> 改判: 民初3
    assert (rev.numerator, rev.denominator) == (1, 5)
    assert import_appeals(court, path, today=dt.date(2025, 1, 21)).matched == 0  # twice: nothing new
    assert "import.appeals" in audit.log(court)["action"].tolist()
    undo_import(court, result.batch_id)
    assert (
        repo.existing_case_rows(court, ["(2024)渝0106民初3号"])["(2024)渝0106民初3号"]["appeal_result"]
        is None
    )


def test_appeals_file_with_a_bad_number_is_refused_whole(court, tmp_path):
    path = appeals_file(tmp_path, [["", "(2024)渝0106民初1号", "改判", ""], ["", "不是案号", "维持", ""]])
    with pytest.raises(ImportRejected) as err:
        import_appeals(court, path)
    assert [(p.row, p.column) for p in err.value.problems] == [(5, "原审案号")]
    assert (
        repo.existing_case_rows(court, ["(2024)渝0106民初1号"])["(2024)渝0106民初1号"]["appeal_result"]
        is None
    )


def test_court_figures_by_hand(court):
    f = report(court, 2024, 12).court
    # filed 2024: 民初1 2 3 9, 刑初4, 执6 = 6; carried: 民初5 7 8 = 3; closed: 6; pending: 7 8 9
    assert (f.filed, f.carried_over, f.closed, f.pending) == (6, 3, 6, 3)
    assert (f.pending_12_18, f.pending_18_36, f.pending_over_36) == (1, 0, 1)
    within = f.indicator("within_limit_rate")
    assert (within.numerator, within.denominator) == (5, 6)
    days = f.indicator("mean_days")
    assert (days.numerator, days.denominator) == (182 + 76 + 238 + 79 + 187 + 90, 6)
    accept = f.indicator("acceptance_rate")  # judgments: 民初1, 3, 刑初4, 民初5; appealed: 3, 5 (withdrawn)
    assert (accept.numerator, accept.denominator) == (2, 4)
    enf = f.indicator("enforcement_recovery_rate")
    assert (enf.numerator, enf.denominator) == (40000, 100000)


# ---------------------------------------------------------------- the export, checked independently


def _independent(cases: pd.DataFrame, open_cases: pd.DataFrame, start: dt.date, end: dt.date) -> dict:
    """Per judge, from `export cases` (closed in the year) and the open-case list at the end only."""
    limits = {  # the procedure laws' defaults, written out again here
        ("civil", "first", "小额"): (2, 0),
        ("civil", "first", "简易"): (3, 0),
        ("civil", "first", ""): (6, 0),
        ("civil", "second", ""): (3, 0),
        ("criminal", "first", "速裁"): (0, 10),
        ("criminal", "first", "简易"): (0, 20),
        ("criminal", "first", ""): (2, 0),
        ("criminal", "second", ""): (2, 0),
        ("administrative", "first", ""): (6, 0),
        ("administrative", "second", ""): (3, 0),
    }

    def day(v):
        return None if v is None or v != v or v == "" else dt.date.fromisoformat(str(v)[:10])

    def num(v):
        return 0 if v is None or v != v or v == "" else float(v)

    def plus_months(d, m):
        y, mo = divmod(d.month - 1 + m, 12)
        y, mo = d.year + y, mo + 1
        last = [
            31,
            29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28,
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ]
        return dt.date(y, mo, min(d.day, last[mo - 1]))

    out: dict = {}
    for r in cases.to_dict("records") + open_cases.to_dict("records"):
        filed, closed = day(r.get("filed_on")), day(r.get("closed_on"))
        o = out.setdefault(
            r["judge"],
            dict.fromkeys(
                [
                    "filed",
                    "carried",
                    "closed",
                    "pending",
                    "ln",
                    "ld",
                    "ds",
                    "dn",
                    "p1",
                    "p2",
                    "p3",
                    "ad",
                    "an",
                    "rn",
                    "rd",
                    "ea",
                    "er",
                ],
                0,
            ),
        )
        if filed and start <= filed <= end:
            o["filed"] += 1
        if filed and filed < start and not (closed and closed < start):
            o["carried"] += 1
        if filed and filed <= end and not (closed and closed <= end):
            o["pending"] += 1
            months = (end.year - filed.year) * 12 + end.month - filed.month
            if plus_months(filed, months) > end:
                months -= 1
            o["p1" if 12 <= months < 18 else "p2" if 18 <= months < 36 else "p3" if months >= 36 else "_"] = (
                o.get(
                    "p1"
                    if 12 <= months < 18
                    else "p2"
                    if 18 <= months < 36
                    else "p3"
                    if months >= 36
                    else "_",
                    0,
                )
                + 1
            )
        if not (closed and start <= closed <= end):
            continue
        o["closed"] += 1
        proc = r.get("procedure") or ""
        limit = None
        if num(r.get("time_limit_days")):
            limit = filed + dt.timedelta(days=num(r["time_limit_days"])) if filed else None
        elif r["category"] == "enforcement" and filed:
            limit = plus_months(filed, 6)
        elif filed:
            for (cat, inst, word), (m, d) in limits.items():
                if cat == r["category"] and inst == r["instance"] and word in proc:
                    limit = plus_months(filed, m) + dt.timedelta(days=d)
                    break
        extra = num(r.get("extension_days")) + num(r.get("deducted_days"))
        if limit:
            o["ld"] += 1
            o["ln"] += closed <= limit + dt.timedelta(days=extra)
        if filed:
            o["ds"] += max(0, (closed - filed).days - num(r.get("deducted_days")))
            o["dn"] += 1
        first_trial = r["category"] in ("criminal", "civil", "administrative") and r["instance"] == "first"
        result = r.get("appeal_result") if isinstance(r.get("appeal_result"), str) else ""
        appealed = num(r.get("appealed")) == 1 or bool(result)
        method = r.get("closing_method") or ""
        if first_trial:
            o["rd"] += 1
            o["rn"] += "改判" in result or "发回" in result
            if "判决" in method or "裁定" in method or "驳回" in method:
                o["ad"] += 1
                o["an"] += appealed
        if (
            r["category"] == "enforcement"
            and num(r.get("enforcement_applied"))
            and r.get("enforcement_recovered") == r.get("enforcement_recovered")
        ):
            o["ea"] += num(r["enforcement_applied"])
            o["er"] += num(r["enforcement_recovered"])
    return out


def _check_export_against_independent(db_path, tmp_path, year, month):
    run = CliRunner()
    base = ["--db", str(db_path)]
    end = (pd.Timestamp(year, month, 1) + pd.offsets.MonthEnd(0)).date()
    for args in (
        [
            "export",
            "quality",
            "--year",
            str(year),
            "--through-month",
            str(month),
            "--out",
            str(tmp_path / "q.csv"),
        ],
        ["export", "cases", "--year", str(year), "--out", str(tmp_path / "c.csv")],
        ["pending", "--over-months", "0", "--at", end.isoformat(), "--out", str(tmp_path / "o.csv")],
    ):
        res = run.invoke(cli, base + args)
        assert res.exit_code == 0, res.output
    quality = pd.read_csv(tmp_path / "q.csv").set_index("judge")
    cases = pd.read_csv(tmp_path / "c.csv")
    open_cases = pd.read_csv(tmp_path / "o.csv")
    # the open-case list holds cases open at the end; cases closed after the end but in the year are
    # in `export cases` already: drop them from the open list to count each case once
    open_cases = open_cases[~open_cases["case_number"].isin(cases["case_number"])]
    mine = _independent(cases, open_cases, dt.date(year, 1, 1), end)
    assert list(quality.columns[:15]) == [
        "division",
        "closed",
        "filed",
        "carried_over",
        "pending",
        "closing_rate",
        "closed_to_filed",
        "within_limit_rate",
        "mean_days",
        "pending_12_18",
        "pending_18_36",
        "pending_over_36",
        "appealed_rate",
        "reversed_remanded_rate",
        "enforcement_recovery_rate",
    ]
    checked = 0
    for judge, o in mine.items():
        if judge not in quality.index:
            assert o["closed"] == o["filed"] == o["carried"] == o["pending"] == 0
            continue
        q = quality.loc[judge]
        assert (q["closed"], q["filed"], q["carried_over"], q["pending"]) == (
            o["closed"],
            o["filed"],
            o["carried"],
            o["pending"],
        ), judge
        assert (q["pending_12_18"], q["pending_18_36"], q["pending_over_36"]) == (
            o["p1"],
            o["p2"],
            o["p3"],
        ), judge
        assert (q["within_limit_rate_num"], q["within_limit_rate_den"]) == (o["ln"], o["ld"]), judge
        assert (q["mean_days_num"], q["mean_days_den"]) == (o["ds"], o["dn"]), judge
        assert (q["appealed_rate_num"], q["appealed_rate_den"]) == (o["an"], o["ad"]), judge
        assert (q["reversed_remanded_rate_num"], q["reversed_remanded_rate_den"]) == (o["rn"], o["rd"]), judge
        assert q["enforcement_recovery_rate_num"] == pytest.approx(o["er"]), judge
        assert q["enforcement_recovery_rate_den"] == pytest.approx(o["ea"]), judge
        if o["carried"] + o["filed"]:
            assert q["closing_rate"] == pytest.approx(o["closed"] / (o["carried"] + o["filed"]))
        checked += 1
    return checked


@pytest.mark.sqlite_only  # runs the CLI on the file (its path)
def test_export_quality_equals_an_independent_computation(court, tmp_path):
    path = court.conn.execute("PRAGMA database_list").fetchone()[2]
    assert _check_export_against_independent(path, tmp_path, 2024, 12) == 4
    assert _check_export_against_independent(path, tmp_path, 2024, 6) == 4


def test_export_quality_on_the_demo_court(demo_file, tmp_path):
    assert _check_export_against_independent(demo_file, tmp_path, 2025, 9) > 20


# ---------------------------------------------------------------- long-pending reasons and scoping


def _accounts(db):
    accounts.create_user(db, "zhangsan", access.JUDGE, "Start2025", judge="张三", must_change=False)
    accounts.create_user(db, "lisi", access.JUDGE, "Start2025", judge="李四", must_change=False)
    accounts.create_user(
        db,
        "head",
        access.DIVISION_HEAD,
        "Start2025",
        judge="张三",
        division="民事审判第一庭",
        must_change=False,
    )
    accounts.create_user(db, "hr", access.PERSONNEL, "Start2025", must_change=False)


@pytest.mark.sqlite_only  # logs in as the demo's accounts on one handle; server logins: tests/server
def test_pending_list_bands_and_scoping(court):
    _accounts(court)
    at = dt.date(2024, 12, 31)
    listed = pending.pending_cases(court, at, 12)
    assert listed[["case_number", "age_months", "band"]].values.tolist() == [
        ["(2021)渝0106民初8号", 36, "36+"],
        ["(2023)渝0106民初7号", 12, "12-18"],
    ]
    accounts.login(court, "zhangsan", "Start2025")
    assert pending.pending_cases(court, at, 12)["case_number"].tolist() == ["(2023)渝0106民初7号"]
    assert [f.name for f in report(court, 2024).judges] == ["张三"]
    assert report(court, 2024).court is None and report(court, 2024).divisions == ()
    accounts.login(court, "head", "Start2025")
    assert len(pending.pending_cases(court, at, 12)) == 2
    assert pending.pending_cases(court, at, 12, division="刑事审判庭").empty
    assert {f.name for f in report(court, 2024).judges} == {"张三", "李四"}
    assert [f.name for f in report(court, 2024).divisions] == ["民事审判第一庭"]
    access.bind_local_operator(court)


@pytest.mark.sqlite_only  # logs in as the demo's accounts on one handle; server logins: tests/server
def test_only_the_responsible_judge_records_a_reason_and_it_is_audited(court):
    _accounts(court)
    number = "(2021)渝0106民初8号"  # 李四's
    accounts.login(court, "zhangsan", "Start2025")
    with pytest.raises(access.AccessDenied):
        pending.record_reason(court, number, "鉴定")
    accounts.login(court, "lisi", "Start2025")
    with pytest.raises(WorkloadError, match="其他"):
        pending.record_reason(court, number, "其他", "  ")
    with pytest.raises(WorkloadError, match="未结原因应为"):
        pending.record_reason(court, number, "太忙")
    pending.record_reason(court, number, "鉴定", "工程造价鉴定中")
    pending.record_reason(court, number, "其他", "当事人出国")
    accounts.login(court, "hr", "Start2025")  # 人事 sees it
    row = pending.pending_cases(court, dt.date(2024, 12, 31), 12).iloc[0]
    assert (row["pending_reason"], row["pending_note"], row["reason_by"]) == ("其他", "当事人出国", "李四")
    with pytest.raises(access.AccessDenied):
        pending.record_reason(court, number, "公告")
    access.bind_local_operator(court)
    log = audit.log(court)
    entries = log[log["action"] == "pending.reason"].sort_values("id").to_dict("records")
    assert len(entries) == 2
    assert "工程造价鉴定中" in entries[-1]["before"] and "当事人出国" in entries[-1]["after"]
    with pytest.raises(WorkloadError, match="已于"):
        pending.record_reason(court, "(2024)渝0106民初1号", "鉴定")


@pytest.mark.sqlite_only  # runs the CLI on the file (its path)
def test_alert_pdf_for_a_division(court, tmp_path):
    out = tmp_path / "alert.pdf"
    n = pending.alert_list_pdf(court, out, dt.date(2024, 12, 31), 12, "民事审判第一庭", invariant=True)
    assert n == 2
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"FontFile2" in data  # the CJK font is embedded
    run = CliRunner().invoke(
        cli,
        [
            "--db",
            court.conn.execute("PRAGMA database_list").fetchone()[2],
            "pending",
            "--over-months",
            "12",
            "--at",
            "2024-12-31",
            "--division",
            "民事审判第一庭",
            "--out",
            str(tmp_path / "p.xlsx"),
        ],
    )
    assert run.exit_code == 0, run.output
    assert pd.read_excel(tmp_path / "p.xlsx", engine="openpyxl")["age_months"].tolist() == [36, 12]


def test_old_database_gets_the_new_columns(tmp_path):
    d = open_as_operator(tmp_path / "x.sqlite")
    cols = {r[1] for r in d.conn.execute("PRAGMA table_info(cases)")}
    assert {"time_limit_days", "appeal_result", "enforcement_recovered"} <= cols
    d.conn.close()
