"""An independent computation of the quality indicators (质效), checked against the application.

Nothing here is shared with ``core/quality.py`` or ``services/quality.py``: the case type, the legal
time limit (DOMAIN, "Quality and efficiency beside quantity"), the month arithmetic (民法典 第二百零二条:
a month period ends on the corresponding day of the later month, the month's last day when there is
none; the filing day itself is not counted) and every count are written out again in plain Python.
The data goes in as court staff would put it in: an .xlsx export with the optional columns through
``workload import file``, the appellate court's list through ``workload import-appeals``; the
figures come out through ``workload export quality`` (per judge) and the service report (division,
court, and a single month). The demo court is checked the same way, read straight from its file.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sqlite3
from collections import defaultdict

import openpyxl
import pytest
from click.testing import CliRunner

from workload_app.cli import cli

D = dt.date

# ---------------------------------------------------------------- the oracle


def add_months(day: dt.date, n: int) -> dt.date:
    """The corresponding day n months later; the month's last day when it has none."""
    y, m = divmod(day.month - 1 + n, 12)
    y += day.year
    m += 1
    return D(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def whole_months(since: dt.date, at: dt.date) -> int:
    n = (at.year - since.year) * 12 + at.month - since.month
    while n > 0 and add_months(since, n) > at:
        n -= 1
    return n


TYPES = {
    "民初": ("civil", "first"),
    "民终": ("civil", "second"),
    "民特": ("civil", "special"),
    "刑初": ("criminal", "first"),
    "刑终": ("criminal", "second"),
    "刑更": ("criminal", "commutation"),
    "行初": ("administrative", "first"),
    "行终": ("administrative", "second"),
    "财保": ("preservation", ""),
}


def kind_of(number: str) -> tuple[str, str]:
    body = number.split(")", 1)[1]
    for code, kind in TYPES.items():
        if code in body:
            return kind
    if "执" in body:
        return ("enforcement", "")
    raise AssertionError(number)


def legal_limit(cat: str, inst: str, proc: str) -> tuple[str, int] | None:
    """DOMAIN's defaults: ("m", months) or ("d", days); None where DOMAIN gives none."""
    proc = proc or ""
    if cat == "civil" and inst == "first":
        if "小额" in proc:
            return ("m", 2)
        if "简易" in proc:
            return ("m", 3)
        return ("m", 6)
    if cat == "civil" and inst == "second":
        return ("m", 3)
    if cat == "criminal" and inst == "first":
        if "速裁" in proc:
            return ("d", 10)
        if "简易" in proc:
            return ("d", 20)
        return ("m", 2)
    if cat == "criminal" and inst == "second":
        return ("m", 2)
    if cat == "administrative" and inst == "first":
        return ("m", 6)
    if cat == "administrative" and inst == "second":
        return ("m", 3)
    if cat == "enforcement":
        return ("m", 6)
    return None


def deadline_of(c: dict) -> dt.date | None:
    if c["filed"] is None:
        return None
    if c.get("limit") is not None:
        base = c["filed"] + dt.timedelta(days=c["limit"])
    else:
        rule = legal_limit(c["cat"], c["inst"], c["proc"])
        if rule is None:
            return None
        unit, n = rule
        base = add_months(c["filed"], n) if unit == "m" else c["filed"] + dt.timedelta(days=n)
    return base + dt.timedelta(days=(c.get("ext") or 0) + (c.get("ded") or 0))


RULINGS = ("判决", "裁定", "驳回起诉")  # 驳回起诉 is by ruling; 调解, 撤诉 are not judgments or rulings


def open_to_appeal(method: str | None) -> bool:
    """Closed by judgment or ruling (DOMAIN); a ruling that grants a withdrawal (准予撤诉) cannot be appealed."""
    method = method or ""
    return any(w in method for w in RULINGS) and "撤诉" not in method


def tally(cases: list[dict], start: dt.date, end: dt.date) -> dict:
    t = defaultdict(float)
    for c in cases:
        f, cl = c["filed"], c["closed"]
        closed_in = cl is not None and start <= cl <= end
        if f is not None and start <= f <= end:
            t["filed"] += 1
        if f is not None and f < start and (cl is None or cl >= start):
            t["carried_over"] += 1
        if closed_in:
            t["closed"] += 1
            t["closed_unknown_filing"] += f is None
        if f is not None and f <= end and (cl is None or cl > end):
            t["pending"] += 1
            age = whole_months(f, end)
            if age >= 36:
                t["pending_over_36"] += 1
            elif age >= 18:
                t["pending_18_36"] += 1
            elif age >= 12:
                t["pending_12_18"] += 1
        if not closed_in:
            continue
        limit = deadline_of(c)
        if limit is not None:
            t["limit_den"] += 1
            t["limit_num"] += cl <= limit
        if f is not None:
            t["days_n"] += 1
            t["days_sum"] += max(0, (cl - f).days - (c.get("ded") or 0))
        first_trial = c["cat"] in ("civil", "criminal", "administrative") and c["inst"] == "first"
        appealed = bool(c.get("appealed")) or bool(c.get("result"))
        if first_trial:
            t["reversed_den"] += 1
            t["reversed"] += any(w in (c.get("result") or "") for w in ("改判", "发回"))
            if open_to_appeal(c.get("method")):
                t["appeal_den"] += 1
                t["appealed"] += appealed
        if c["cat"] == "enforcement" and c.get("applied") is not None and c.get("recovered") is not None:
            t["applied"] += c["applied"]
            t["recovered"] += c["recovered"]
    return t


def rate(n: float, d: float) -> float | None:
    return n / d if d else None


def oracle_rates(t: dict) -> dict:
    return {
        # on hand in the period = carried over + filed + closed in it with no filing date given
        "closing_rate": rate(t["closed"], t["carried_over"] + t["filed"] + t["closed_unknown_filing"]),
        "closed_to_filed": rate(t["closed"], t["filed"]),
        "within_limit_rate": rate(t["limit_num"], t["limit_den"]),
        "mean_days": rate(t["days_sum"], t["days_n"]),
        "appealed_rate": rate(t["appealed"], t["appeal_den"]),
        "acceptance_rate": None if not t["appeal_den"] else 1 - t["appealed"] / t["appeal_den"],
        "reversed_remanded_rate": rate(t["reversed"], t["reversed_den"]),
        "enforcement_recovery_rate": rate(t["recovered"], t["applied"]),
    }


def by(cases: list[dict], key: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for c in cases:
        out[c[key]].append(c)
    return out


def close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < 1e-9


# ---------------------------------------------------------------- the application, from outside


def run(db_path, *args):
    result = CliRunner().invoke(cli, ["--db", str(db_path), *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def export_quality(db_path, tmp_path, year: int, month: int) -> dict[str, dict]:
    out = tmp_path / f"q{year}-{month}.xlsx"
    run(db_path, "export", "quality", "--year", year, "--through-month", month, "--out", out)
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    return {r[0]: dict(zip(head, r, strict=True)) for r in rows[1:]}


def none_if_blank(v):
    return None if v in (None, "") else float(v)


def assert_judges_agree(exported: dict[str, dict], cases: list[dict], start, end) -> None:
    judges = by(cases, "judge")
    mismatches = []
    for name, row in exported.items():
        t = tally(judges.get(name, []), start, end)
        want = oracle_rates(t)
        for col in (
            "closed",
            "filed",
            "carried_over",
            "pending",
            "pending_12_18",
            "pending_18_36",
            "pending_over_36",
        ):
            if row[col] != t[col]:
                mismatches.append((name, col, row[col], t[col]))
        for col in (
            "closing_rate",
            "closed_to_filed",
            "within_limit_rate",
            "mean_days",
            "appealed_rate",
            "reversed_remanded_rate",
            "enforcement_recovery_rate",
        ):
            if not close(none_if_blank(row[col]), want[col]):
                mismatches.append((name, col, row[col], want[col]))
    assert not mismatches, mismatches
    with_figures = {n for n, cs in judges.items() if any(_touches(c, start, end) for c in cs)}
    assert with_figures <= set(exported), with_figures - set(exported)


def _touches(c, start, end) -> bool:
    f, cl = c["filed"], c["closed"]
    return (cl is not None and start <= cl <= end) or (
        f is not None and f <= end and (cl is None or cl >= start)
    )


def assert_figures_agree(fig, cases: list[dict], start, end) -> None:
    t = tally(cases, start, end)
    want = oracle_rates(t)
    got_counts = (fig.filed, fig.carried_over, fig.closed, fig.pending)
    assert got_counts == (t["filed"], t["carried_over"], t["closed"], t["pending"]), fig.name
    assert (fig.pending_12_18, fig.pending_18_36, fig.pending_over_36) == (
        t["pending_12_18"],
        t["pending_18_36"],
        t["pending_over_36"],
    ), fig.name
    for key in (
        "closing_rate",
        "closed_to_filed",
        "within_limit_rate",
        "mean_days",
        "acceptance_rate",
        "reversed_remanded_rate",
        "enforcement_recovery_rate",
    ):
        assert close(fig.indicator(key).value, want[key]), (
            fig.name,
            key,
            fig.indicator(key).value,
            want[key],
        )


# ---------------------------------------------------------------- a hand-made court

ROSTER = [
    ["姓名", "部门", "职务", "类别", "入额日期"],
    ["张三", "民事审判第一庭", "庭长", "审判", "2018-01-01"],
    ["李四", "民事审判第一庭", "审判员", "审判", "2019-03-01"],
    ["王五", "刑事审判庭", "审判员", "审判", "2020-01-01"],
    ["赵六", "执行局", "审判员", "执行", "2020-01-01"],
    ["孙七", "行政审判庭", "审判员", "审判", "2020-01-01"],
]
HEAD = [
    "案号",
    "承办法官",
    "承办部门",
    "立案日期",
    "结案日期",
    "结案方式",
    "适用程序",
    "审限天数",
    "延长审限天数",
    "扣除审限天数",
    "是否上诉",
    "二审结果",
    "申请执行标的金额",
    "执行到位金额",
    "卷宗页数",
    "庭审笔录页数",
    "裁判文书页数",
]
CIV, CRIM, ENF, ADM = "民事审判第一庭", "刑事审判庭", "执行局", "行政审判庭"
# number, judge, division, filed, closed, method, procedure, limit, ext, ded, appealed, result, applied, recovered
CASES = [
    # 6 months from 31 Aug end on 28 Feb: closed on it (within), and the day after (late)
    ("(2024)渝0106民初101号", "张三", CIV, "2024-08-31", "2025-02-28", "判决", "普通程序"),
    (
        "(2024)渝0106民初102号",
        "张三",
        CIV,
        "2024-08-31",
        "2025-03-01",
        "判决",
        "普通程序",
        None,
        None,
        None,
        "是",
        "改判",
    ),
    # 简易 3 months from 31 Jan end on 30 Apr
    (
        "(2025)渝0106民初1号",
        "张三",
        CIV,
        "2025-01-31",
        "2025-04-30",
        "判决",
        "简易程序",
        None,
        None,
        None,
        "否",
    ),
    # 小额 2 months from 31 Mar end on 31 May: closed 1 June, late
    ("(2025)渝0106民初2号", "李四", CIV, "2025-03-31", "2025-06-01", "判决", "小额诉讼程序"),
    # filed and closed the same day, on the half year's last day; 调解 (not open to appeal)
    ("(2025)渝0106民初3号", "李四", CIV, "2025-06-30", "2025-06-30", "调解", "简易程序"),
    # closed on the year's first day; appealed, the appeal withdrawn (still an appeal)
    (
        "(2024)渝0106民初103号",
        "李四",
        CIV,
        "2024-12-20",
        "2025-01-01",
        "判决",
        "简易程序",
        None,
        None,
        None,
        "是",
        "撤诉",
    ),
    # carried over from two years before: 6 months + 90 extension + 400 deducted -> 2025-03-14
    ("(2023)渝0106民初7号", "张三", CIV, "2023-05-10", "2025-03-10", "判决", "普通程序", None, 90, 400),
    # 撤诉 closing; 驳回起诉 closing appealed, outcome from the appellate list (发回重审)
    ("(2025)渝0106民初4号", "张三", CIV, "2025-02-01", "2025-02-20", "撤诉", "简易程序"),
    ("(2025)渝0106民初5号", "李四", CIV, "2025-02-01", "2025-07-20", "驳回起诉", "普通程序"),
    # the export's own limit (审限天数) wins: 30 days -> 2025-04-30, closed 2025-05-02 late
    ("(2025)渝0106民初6号", "李四", CIV, "2025-03-31", "2025-05-02", "判决", "普通程序", 30),
    # civil appeal, 3 months: 2025-09-15 -> 2025-12-15 within; 裁定 closing of a trial case
    ("(2025)渝0106民终1号", "李四", CIV, "2025-09-15", "2025-12-15", "判决", "普通程序"),
    (
        "(2025)渝0106民初8号",
        "张三",
        CIV,
        "2025-10-01",
        "2025-12-31",
        "裁定",
        "普通程序",
        None,
        None,
        None,
        "是",
    ),
    # closed in 2024, reversed on appeal later (appellate list): counts in 2024 only
    ("(2024)渝0106民初104号", "张三", CIV, "2024-03-01", "2024-11-15", "判决", "普通程序"),
    # open: exactly 12 / 24 / 36 months at 31 Dec; 11 months at 30 Jun (17 at 31 Dec); young
    ("(2024)渝0106民初105号", "张三", CIV, "2024-12-31", None, None, "普通程序"),
    ("(2023)渝0106民初8号", "李四", CIV, "2023-12-31", None, None, "普通程序"),
    ("(2022)渝0106民初9号", "张三", CIV, "2022-12-31", None, None, "普通程序"),
    ("(2024)渝0106民初106号", "李四", CIV, "2024-07-01", None, None, "普通程序"),
    ("(2022)渝0106民初10号", "李四", CIV, "2022-06-30", "2025-08-01", "判决", "普通程序"),
    ("(2025)渝0106民初9号", "张三", CIV, "2025-11-15", None, None, "简易程序"),
    # criminal: 2 months 31 Mar -> 31 May within; 简易 20 days; 速裁 10 days late; extension 30 days
    (
        "(2025)渝0106刑初1号",
        "王五",
        CRIM,
        "2025-03-31",
        "2025-05-31",
        "判决",
        "普通程序",
        None,
        None,
        None,
        "是",
        "维持",
    ),
    ("(2025)渝0106刑初2号", "王五", CRIM, "2025-04-01", "2025-04-21", "判决", "简易程序"),
    ("(2025)渝0106刑初3号", "王五", CRIM, "2025-07-01", "2025-07-12", "判决", "速裁程序"),
    ("(2025)渝0106刑初4号", "王五", CRIM, "2025-01-10", "2025-04-09", "判决", "普通程序", None, 30),
    ("(2025)渝0106刑终1号", "王五", CRIM, "2025-02-01", "2025-04-01", "裁定", "普通程序"),
    # enforcement: amounts; applied 0; amounts missing; 6 months 1 Dec -> 1 Jun, closed 2 Jun late
    (
        "(2025)渝0106执1号",
        "赵六",
        ENF,
        "2025-01-05",
        "2025-03-05",
        "执行完毕",
        None,
        *[None] * 5,
        "100,000",
        "4万元",
    ),
    (
        "(2025)渝0106执2号",
        "赵六",
        ENF,
        "2025-01-05",
        "2025-03-06",
        "终结本次执行程序",
        None,
        *[None] * 5,
        0,
        0,
    ),
    ("(2025)渝0106执3号", "赵六", ENF, "2025-02-05", "2025-03-07", "执行完毕", None),
    (
        "(2024)渝0106执9号",
        "赵六",
        ENF,
        "2024-12-01",
        "2025-06-02",
        "执行完毕",
        None,
        *[None] * 5,
        50000,
        50000,
    ),
    # no filing date in the export (closed in the period all the same); a 撤诉 ruling, appealed in error
    ("(2025)渝0106民初11号", "李四", CIV, None, "2025-05-05", "判决", "简易程序"),
    (
        "(2025)渝0106民初12号",
        "李四",
        CIV,
        "2025-04-01",
        "2025-05-06",
        "裁定准予撤诉",
        "简易程序",
        None,
        None,
        None,
        "否",
    ),
    # administrative
    (
        "(2025)渝0106行初1号",
        "孙七",
        ADM,
        "2025-01-15",
        "2025-07-15",
        "判决",
        "普通程序",
        None,
        None,
        None,
        "是",
    ),
    ("(2025)渝0106行终1号", "孙七", ADM, "2025-03-01", "2025-06-02", "判决", "普通程序"),
]
APPEALS = [
    ["二审案号", "原审案号", "结果", "结案日期"],
    ["(2025)渝01民终501号", "(2025)渝0106民初5号", "撤销原裁定，发回重审", "2025-10-10"],
    ["(2025)渝01民终502号", "(2024)渝0106民初104号", "改判", "2025-03-10"],
    ["(2025)渝01民终503号", "(2025)渝0106民初999号", "维持", "2025-03-10"],  # not ours
]


def _date(text):
    return None if text is None else dt.date.fromisoformat(text)


def _amount(v):
    if v is None:
        return None
    if isinstance(v, str):
        return float(v.replace(",", "").replace("万元", "")) * (10000 if "万元" in v else 1)
    return float(v)


def hand_cases() -> list[dict]:
    out = []
    for raw in CASES:
        r = list(raw) + [None] * (14 - len(raw))
        cat, inst = kind_of(r[0])
        appealed = {"是": True, "否": False, None: None}[r[10]]
        out.append(
            {
                "number": r[0],
                "judge": r[1],
                "division": r[2],
                "filed": _date(r[3]),
                "closed": _date(r[4]),
                "method": r[5],
                "proc": r[6],
                "cat": cat,
                "inst": inst,
                "limit": r[7],
                "ext": r[8],
                "ded": r[9],
                "appealed": appealed,
                "result": r[11],
                "applied": _amount(r[12]),
                "recovered": _amount(r[13]),
            }
        )
    linked = {row[1]: row[2] for row in APPEALS[1:]}
    for c in out:
        if c["number"] in linked:
            c["result"] = linked[c["number"]]
    return out


def _write(path, rows):
    book = openpyxl.Workbook()
    for r in rows:
        book.active.append(r)
    book.save(path)
    return path


@pytest.fixture
def hand_court(tmp_path):
    db_path = tmp_path / "court.sqlite"
    run(db_path, "judges", "import", _write(tmp_path / "名册.xlsx", ROSTER))
    rows = [list(r) + [None] * (14 - len(r)) + [120, 10, 8] for r in CASES]
    out = run(db_path, "import", "file", _write(tmp_path / "案件.xlsx", [HEAD, *rows]))
    assert f"{len(CASES)}" in out
    out = run(db_path, "import-appeals", _write(tmp_path / "二审.xlsx", APPEALS))
    assert "(2025)渝0106民初999号" in out  # the unmatched row is reported
    return db_path


def test_month_arithmetic_of_the_oracle_itself():
    assert add_months(D(2025, 8, 31), 6) == D(2026, 2, 28)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert add_months(D(2025, 1, 31), 3) == D(2025, 4, 30)
    assert whole_months(D(2024, 12, 31), D(2025, 12, 31)) == 12
    assert whole_months(D(2024, 7, 1), D(2025, 6, 30)) == 11
    assert whole_months(D(2024, 2, 29), D(2025, 2, 28)) == 12


@pytest.mark.parametrize("month", [12, 6, 1])
def test_export_quality_per_judge_equals_the_oracle(hand_court, tmp_path, month):
    exported = export_quality(hand_court, tmp_path, 2025, month)
    end = D(2025, month, calendar.monthrange(2025, month)[1])
    assert_judges_agree(exported, hand_cases(), D(2025, 1, 1), end)


def test_hand_figures_by_value(hand_court, tmp_path):
    """A few of the oracle's figures worked out by hand, so the oracle itself is pinned."""
    zhang = by(hand_cases(), "judge")["张三"]
    t = tally(zhang, D(2025, 1, 1), D(2025, 12, 31))
    # closed in 2025: 101, 102, 民初1, 7号, 民初4, 民初8 = 6; filed 2025: 民初1, 4, 8, 9 = 4;
    # carried over: 101, 102, 7号, 104? (closed 2024: no), 105, 2022-9 = 5
    assert (t["closed"], t["filed"], t["carried_over"]) == (6, 4, 5)
    # within: 101 (on its deadline), 民初1 (on its deadline), 7号, 民初4, 民初8 = 5 of 6
    assert (t["limit_num"], t["limit_den"]) == (5, 6)
    # judgment/ruling: 101, 102, 民初1, 7号, 民初8 = 5; appealed: 102 (改判), 民初8 = 2
    assert (t["appealed"], t["appeal_den"], t["reversed"], t["reversed_den"]) == (2, 5, 1, 6)
    # open at year end: 105 (12 months), 2022-9 (36 months), 民初9 (young)
    assert (t["pending"], t["pending_12_18"], t["pending_over_36"]) == (3, 1, 1)
    zhao = tally(by(hand_cases(), "judge")["赵六"], D(2025, 1, 1), D(2025, 12, 31))
    assert (zhao["recovered"], zhao["applied"]) == (90000, 150000)  # 执3 has no amounts, 执2 is 0/0
    assert (zhao["limit_num"], zhao["limit_den"]) == (3, 4)
    exported = export_quality(hand_court, tmp_path, 2025, 12)
    assert exported["张三"]["within_limit_rate"] == pytest.approx(5 / 6)
    assert exported["赵六"]["enforcement_recovery_rate"] == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2025, 1, 1), D(2025, 12, 31)),
        (D(2025, 1, 1), D(2025, 6, 30)),
        (D(2025, 6, 1), D(2025, 6, 30)),  # a single month
        (D(2025, 3, 1), D(2025, 3, 31)),
        (D(2024, 1, 1), D(2024, 12, 31)),  # the reversal reported in 2025 counts for 2024's case
    ],
)
def test_report_per_judge_division_court_equals_the_oracle(hand_court, start, end):
    from tests.conftest import open_as_operator
    from workload_app.core.quality import Period
    from workload_app.services.quality import report

    db = open_as_operator(hand_court)
    try:
        rep = report(db, start.year, period=Period(start, end))
    finally:
        db.conn.close()
    cases = hand_cases()
    for fig in rep.judges:
        assert_figures_agree(fig, by(cases, "judge")[fig.name], start, end)
    for fig in rep.divisions:
        assert_figures_agree(fig, by(cases, "division")[fig.name], start, end)
    assert_figures_agree(rep.court, cases, start, end)


def test_denominator_zero_is_no_value_not_zero(hand_court, tmp_path):
    exported = export_quality(hand_court, tmp_path, 2025, 1)
    # 赵六 closed nothing in January; 孙七 closed nothing either
    for name in ("赵六", "孙七"):
        row = exported.get(name)
        if row is None:
            continue
        for col in ("closed_to_filed", "within_limit_rate", "mean_days", "enforcement_recovery_rate"):
            if not row[f"{col}_den"]:
                assert row[col] in (None, ""), (name, col, row[col])


# ---------------------------------------------------------------- the demo court


def demo_cases(path) -> list[dict]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT c.case_number, j.name, d.name, c.filed_on, c.closed_on, c.closing_method, c.procedure,"
        " c.time_limit_days, c.extension_days, c.deducted_days, c.appealed, c.appeal_result,"
        " c.enforcement_applied, c.enforcement_recovered"
        " FROM cases c JOIN judges j ON j.id = c.judge_id LEFT JOIN divisions d ON d.id = c.division_id"
    ).fetchall()
    conn.close()
    out = []
    for r in rows:
        cat, inst = kind_of(r[0])
        out.append(
            {
                "number": r[0],
                "judge": r[1],
                "division": r[2] or "",
                "filed": _date(r[3] and r[3][:10]),
                "closed": _date(r[4] and r[4][:10]),
                "method": r[5],
                "proc": r[6],
                "cat": cat,
                "inst": inst,
                "limit": r[7],
                "ext": r[8],
                "ded": r[9],
                "appealed": r[10] == 1,
                "result": r[11],
                "applied": r[12],
                "recovered": r[13],
            }
        )
    return out


@pytest.mark.parametrize("month", [12, 6])
def test_demo_export_quality_equals_the_oracle(demo_file, tmp_path, month):
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    cases = demo_cases(path)
    year = max(c["closed"] for c in cases if c["closed"]).year
    exported = export_quality(path, tmp_path, year, month)
    assert len(exported) > 10
    end = D(year, month, calendar.monthrange(year, month)[1])
    assert_judges_agree(exported, cases, D(year, 1, 1), end)


def test_demo_single_month_division_and_court_equal_the_oracle(demo_file, tmp_path):
    import shutil

    from tests.conftest import open_as_operator
    from workload_app.core.quality import Period
    from workload_app.services.quality import report

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    cases = demo_cases(path)
    year = max(c["closed"] for c in cases if c["closed"]).year
    start, end = D(year, 5, 1), D(year, 5, 31)
    db = open_as_operator(path)
    try:
        rep = report(db, year, period=Period(start, end))
    finally:
        db.conn.close()
    for fig in rep.divisions:
        assert_figures_agree(fig, by(cases, "division")[fig.name], start, end)
    assert_figures_agree(rep.court, cases, start, end)
    assert rep.court.closed > 50


@pytest.mark.parametrize(("at", "over"), [("2025-12-31", 12), ("2025-06-30", 12), ("2025-06-30", 0)])
def test_pending_list_equals_the_oracle(hand_court, tmp_path, at, over):
    out = tmp_path / "pending.xlsx"
    run(hand_court, "pending", "--over-months", over, "--at", at, "--out", out)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    head = rows[0]
    got = {r[head.index("case_number")]: r[head.index("age_months")] for r in rows[1:]}
    day = dt.date.fromisoformat(at)
    want = {}
    for c in hand_cases():
        if c["filed"] and c["filed"] <= day and (c["closed"] is None or c["closed"] > day):
            age = whole_months(c["filed"], day)
            if age >= over:
                want[c["number"]] = age
    assert got == want


def test_closing_rate_counts_a_closed_case_without_filing_date_as_on_hand():
    """It was 5 closed ÷ 3 filed = 167 %: the closed case with no 立案日期 was in the numerator only."""
    import pandas as pd

    from workload_app.core.params import QualityParams
    from workload_app.core.quality import Period, figures

    base = {
        "judge": "甲",
        "division": "民一",
        "category": "civil",
        "instance": "first",
        "procedure": "简易程序",
    }
    cases = pd.DataFrame(
        [
            {**base, "closing_method": "判决", "filed_on": "2025-02-01", "closed_on": "2025-03-01"},
            {**base, "closing_method": "判决", "filed_on": None, "closed_on": "2025-03-02"},
            {**base, "closing_method": "判决", "filed_on": "2025-02-01", "closed_on": None},
        ]
    )
    fig = figures(cases, QualityParams(), Period(D(2025, 1, 1), D(2025, 12, 31)), "court")[0]
    rate_ = fig.indicator("closing_rate")
    assert (rate_.numerator, rate_.denominator) == (2, 3)
    assert (fig.filed, fig.carried_over, fig.closed) == (2, 0, 2)
    assert fig.indicator("closed_to_filed").value == 1.0


def test_withdrawal_ruling_is_not_a_judgment_or_ruling_open_to_appeal():
    """「裁定准予撤诉」 matched 裁定 and counted in 服判息诉率's denominator."""
    import pandas as pd

    from workload_app.core.params import QualityParams
    from workload_app.core.quality import Period, figures

    base = {
        "judge": "甲",
        "division": "民一",
        "category": "civil",
        "instance": "first",
        "procedure": "简易程序",
    }
    cases = pd.DataFrame(
        [
            {
                **base,
                "closing_method": "判决",
                "filed_on": "2025-02-01",
                "closed_on": "2025-03-01",
                "appealed": True,
            },
            {**base, "closing_method": "裁定准予撤诉", "filed_on": "2025-02-01", "closed_on": "2025-03-02"},
            {**base, "closing_method": "按撤诉处理", "filed_on": "2025-02-01", "closed_on": "2025-03-02"},
            {**base, "closing_method": "裁定驳回起诉", "filed_on": "2025-02-01", "closed_on": "2025-03-03"},
        ]
    )
    fig = figures(cases, QualityParams(), Period(D(2025, 1, 1), D(2025, 12, 31)), "court")[0]
    acc = fig.indicator("acceptance_rate")
    assert (acc.numerator, acc.denominator) == (1, 2)
    assert fig.indicator("reversed_remanded_rate").denominator == 4  # every first-instance case closed
