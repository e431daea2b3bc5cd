"""The demo court (示范法院): a deterministic, seeded basic people's court with two full years.

Everything that makes the demo court what it is sits in the constants at the top of this module:
its divisions, staffing, case mix, page-count distributions, closing methods and the seasonal
pattern of closures (few around the Spring Festival, a December peak).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core.params import DEFAULT_POST_FRACTIONS

COURT_NAME = "重庆市沙坪坝区人民法院（示范）"
COURT_CODE = "渝0106"
YEARS = (2024, 2025)
CASES_PER_YEAR = 20_000
OPEN_AT_END = 3_000  # cases filed in the last year and still open at its end

# name, track, category handled, number of ordinary judges (审判员) besides 庭长 and 副庭长
DIVISIONS = (
    ("刑事审判庭", "trial", "criminal", 5),
    ("民事审判第一庭", "trial", "civil", 6),
    ("民事审判第二庭", "trial", "civil", 6),
    ("商事审判庭", "trial", "civil", 5),
    ("行政审判庭", "trial", "administrative", 3),
    ("速裁庭", "trial", "civil", 6),
    ("执行局执行一队", "enforcement", "enforcement", 5),
    ("执行局执行二队", "enforcement", "enforcement", 5),
)
# Court leaders take cases in a division of their own choosing.
LEADERS = (
    ("院长", "民事审判第一庭"),
    ("副院长", "刑事审判庭"),
    ("副院长", "商事审判庭"),
    ("审判委员会专职委员", "行政审判庭"),
)
# A post's share of a full load in the demo court: what the default parameters expect of it.
POST_LOAD = dict(DEFAULT_POST_FRACTIONS)

# Share of closed cases per category (by division load they land where the category is handled).
# type code, share of the division's cases, (file, transcript, judgment) median pages, procedure mix
TYPE_MIX = {
    "criminal": (("刑初", 0.78, (260, 10, 8)), ("刑终", 0.07, (420, 8, 10)), ("刑更", 0.15, (40, 0, 2))),
    "civil": (
        ("民初", 0.84, (110, 8, 6)),
        ("民终", 0.04, (260, 9, 12)),
        ("民特", 0.05, (30, 2, 2)),
        ("财保", 0.07, (15, 0, 1)),
    ),
    "administrative": (("行初", 0.9, (180, 10, 10)), ("行终", 0.1, (300, 9, 12))),
    "enforcement": (
        ("执", 0.82, (60, 0, 2)),
        ("执恢", 0.10, (50, 0, 2)),
        ("执保", 0.05, (10, 0, 1)),
        ("执异", 0.03, (40, 4, 4)),
    ),
}
CIVIL_PROCEDURES = (("普通程序", 0.30), ("简易程序", 0.55), ("小额诉讼", 0.15))
CLOSING = {
    "criminal": (("判决", 0.88), ("撤诉", 0.04), ("裁定", 0.08)),
    "civil": (("判决", 0.42), ("调解", 0.26), ("撤诉", 0.26), ("驳回起诉", 0.06)),
    "administrative": (("判决", 0.55), ("撤诉", 0.30), ("驳回起诉", 0.15)),
    "enforcement": (
        ("执行完毕", 0.46),
        ("终结本次执行程序", 0.40),
        ("终结执行", 0.06),
        ("不予执行", 0.03),
        ("驳回申请", 0.05),
    ),
}
APPROVAL_RATE = 0.85  # share of 终本/终结执行 approved by the integrity supervisor
CAUSES = {
    "criminal": ("盗窃罪", "危险驾驶罪", "诈骗罪", "故意伤害罪", "帮助信息网络犯罪活动罪", "减刑", "假释"),
    "civil": (
        "民间借贷纠纷",
        "买卖合同纠纷",
        "离婚纠纷",
        "机动车交通事故责任纠纷",
        "劳动争议",
        "物业服务合同纠纷",
        "金融借款合同纠纷",
        "建设工程施工合同纠纷",
        "申请确认调解协议",
    ),
    "administrative": ("行政处罚", "行政许可", "政府信息公开", "行政强制"),
    "enforcement": ("民间借贷纠纷", "买卖合同纠纷", "金融借款合同纠纷", "劳动争议"),
}
# Monthly share of closures: the Spring Festival trough (Jan/Feb) and the December peak.
MONTH_WEIGHTS = (0.070, 0.045, 0.080, 0.080, 0.082, 0.090, 0.078, 0.070, 0.085, 0.075, 0.090, 0.155)
MISSING_PAGES_RATE = 0.006
PADDED_RATE = 0.002  # padded case files: 8-15 x the usual pages
MID_YEAR = {"joins": ("2024-07-01", "2025-03-16"), "leaves": ("2024-09-30", "2025-06-30")}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "文",
    "华",
    "红",
    "志强",
    "晓东",
    "海燕",
    "宇",
)


@dataclass(frozen=True)
class DemoCourt:
    divisions: pd.DataFrame  # name, track, categories
    judges: pd.DataFrame  # name, division, post, track, in_post_from, in_post_to
    cases: pd.DataFrame  # raw fields as an import would store them


def _names(rng: np.random.Generator, n: int) -> list[str]:
    pool = [s + g for s in SURNAMES for g in GIVEN]
    picks = rng.choice(len(pool), size=n, replace=False)
    return [pool[i] for i in picks]


def _judges(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for name, track, _cat, ordinary in DIVISIONS:
        rows.append((name, "庭长", track))
        rows.append((name, "副庭长", track))
        rows += [(name, "审判员", track)] * ordinary
    for post, division in LEADERS:
        rows.append((division, post, "trial"))
    names = _names(rng, len(rows))
    frame = pd.DataFrame(rows, columns=["division", "post", "track"])
    frame.insert(0, "name", names)
    start, end = f"{YEARS[0] - 6}-01-01", None
    frame["in_post_from"] = start
    frame["in_post_to"] = end
    ordinary = frame.index[frame["post"] == "审判员"].to_numpy()
    movers = rng.choice(ordinary, size=4, replace=False)
    frame.loc[movers[0], "in_post_from"] = MID_YEAR["joins"][0]
    frame.loc[movers[1], "in_post_from"] = MID_YEAR["joins"][1]
    frame.loc[movers[2], "in_post_to"] = MID_YEAR["leaves"][0]
    frame.loc[movers[3], "in_post_to"] = MID_YEAR["leaves"][1]
    return frame


def _pick(rng: np.random.Generator, options: tuple, size: int) -> np.ndarray:
    labels = [o[0] for o in options]
    p = np.array([o[1] for o in options], dtype=float)
    return np.array(labels, dtype=object)[rng.choice(len(labels), size=size, p=p / p.sum())]


def _closing_dates(rng: np.random.Generator, year: int, n: int) -> np.ndarray:
    months = rng.choice(12, size=n, p=np.array(MONTH_WEIGHTS) / sum(MONTH_WEIGHTS)) + 1
    days = np.array(
        [(dt.date(year + (m == 12), m % 12 + 1, 1) - dt.date(year, m, 1)).days for m in range(1, 13)]
    )
    day = (rng.random(n) * days[months - 1]).astype(int) + 1
    return pd.to_datetime({"year": np.full(n, year), "month": months, "day": day}).to_numpy()


def generate(seed: int = 2025, cases_per_year: int = CASES_PER_YEAR) -> DemoCourt:
    """The demo court; the same seed always gives the same court, judges and cases."""
    rng = np.random.default_rng(seed)
    divisions = pd.DataFrame([(n, t, c) for n, t, c, _ in DIVISIONS], columns=["name", "track", "categories"])
    judges = _judges(rng)
    frames = []
    for year in YEARS:
        frames.append(_cases_closed_in(rng, year, cases_per_year, judges))
    open_share = OPEN_AT_END * cases_per_year // CASES_PER_YEAR
    frames.append(_open_cases(rng, YEARS[-1], open_share, judges))
    cases = pd.concat(frames, ignore_index=True)
    cases = _number_cases(cases)
    return DemoCourt(divisions, judges, cases)


def _division_loads(judges: pd.DataFrame) -> pd.Series:
    load = judges["post"].map(POST_LOAD)
    return load.groupby(judges["division"]).sum()


def _assign(rng: np.random.Generator, n: int, year: int, judges: pd.DataFrame) -> pd.DataFrame:
    """Divisions in proportion to their staffing, then judges in post on the closing date."""
    loads = _division_loads(judges)
    divs = loads.index.to_numpy()
    division = divs[rng.choice(len(divs), size=n, p=(loads / loads.sum()).to_numpy())]
    closed = _closing_dates(rng, year, n)
    judge = np.empty(n, dtype=object)
    frm = pd.to_datetime(judges["in_post_from"]).to_numpy()
    to = pd.to_datetime(judges["in_post_to"].fillna("2100-01-01")).to_numpy()
    weight = judges["post"].map(POST_LOAD).to_numpy()
    month = pd.DatetimeIndex(closed).month.to_numpy()
    for d in divs:
        in_div = (judges["division"] == d).to_numpy()
        for m in range(1, 13):
            rows = np.flatnonzero((division == d) & (month == m))
            if not len(rows):
                continue
            day = np.datetime64(f"{year}-{m:02d}-15")
            ok = in_div & (frm <= day) & (to >= day)
            w = weight * ok
            judge[rows] = judges["name"].to_numpy()[rng.choice(len(w), size=len(rows), p=w / w.sum())]
    return pd.DataFrame({"division": division, "judge": judge, "closed_on": closed})


def _cases_closed_in(rng: np.random.Generator, year: int, n: int, judges: pd.DataFrame) -> pd.DataFrame:
    frame = _assign(rng, n, year, judges)
    category_of = {name: cat for name, _t, cat, _o in DIVISIONS}
    frame["category"] = frame["division"].map(category_of)
    duration = np.clip(rng.lognormal(np.log(55), 0.7, n), 3, 700).astype(int)
    frame["filed_on"] = frame["closed_on"] - duration.astype("timedelta64[D]")
    _fill_case_fields(rng, frame)
    return frame


def _open_cases(rng: np.random.Generator, year: int, n: int, judges: pd.DataFrame) -> pd.DataFrame:
    frame = _assign(rng, n, year, judges)  # the "closing" date stands in for the filing date
    frame["category"] = frame["division"].map({name: cat for name, _t, cat, _o in DIVISIONS})
    frame["filed_on"] = np.maximum(frame["closed_on"], np.datetime64(f"{year}-09-01"))
    frame["closed_on"] = pd.NaT
    _fill_case_fields(rng, frame)
    frame["closing_method"] = None
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        frame[c] = np.nan
    frame["approved"] = None
    return frame


def _fill_case_fields(rng: np.random.Generator, frame: pd.DataFrame) -> None:
    n = len(frame)
    type_code = np.empty(n, dtype=object)
    medians = np.zeros((n, 3))
    closing = np.empty(n, dtype=object)
    cause = np.empty(n, dtype=object)
    for cat, mix in TYPE_MIX.items():
        rows = np.flatnonzero(frame["category"].to_numpy() == cat)
        if not len(rows):
            continue
        which = rng.choice(len(mix), size=len(rows), p=[m[1] for m in mix])
        type_code[rows] = np.array([m[0] for m in mix], dtype=object)[which]
        medians[rows] = np.array([m[2] for m in mix], dtype=float)[which]
        closing[rows] = _pick(rng, CLOSING[cat], len(rows))
        cause[rows] = np.array(CAUSES[cat], dtype=object)[rng.integers(0, len(CAUSES[cat]), len(rows))]
    frame["type_code"] = type_code
    frame["cause"] = cause
    frame["closing_method"] = closing
    civil_first = type_code == "民初"
    procedure = np.where(frame["category"] == "enforcement", "", "普通程序").astype(object)
    procedure[civil_first] = _pick(rng, CIVIL_PROCEDURES, int(civil_first.sum()))
    speedy = (frame["division"].to_numpy() == "速裁庭") & civil_first
    procedure[speedy] = _pick(rng, (("简易程序", 0.5), ("小额诉讼", 0.5)), int(speedy.sum()))
    procedure[np.isin(type_code, ["刑初"]) & (rng.random(n) < 0.6)] = "简易程序"
    procedure[type_code == "民特"] = "特别程序"
    frame["procedure"] = procedure
    frame.loc[type_code == "刑更", "cause"] = np.where(
        rng.random(int((type_code == "刑更").sum())) < 0.7, "减刑", "假释"
    )

    pages = np.maximum(1, np.round(medians * rng.lognormal(0, 0.55, (n, 3))))
    pages[:, 1] = np.where(medians[:, 1] == 0, 0, pages[:, 1])
    no_hearing = np.isin(closing, ["撤诉", "驳回起诉"]) & (rng.random(n) < 0.8)
    pages[no_hearing, 1] = 0
    padded = rng.random(n) < PADDED_RATE
    pages[padded, 0] *= rng.integers(8, 16, int(padded.sum()))
    missing = (rng.random(n) < MISSING_PAGES_RATE) & (frame["category"].to_numpy() != "enforcement")
    pages[missing, rng.integers(0, 3, int(missing.sum()))] = np.nan
    frame["file_pages"] = pages[:, 0]
    frame["transcript_pages"] = pages[:, 1]
    frame["judgment_pages"] = pages[:, 2]

    needs = np.isin(closing, ["终结本次执行程序", "终结执行"])
    frame["approved"] = np.where(needs, rng.random(n) < APPROVAL_RATE, None)
    frame["panel"] = ""


def _number_cases(cases: pd.DataFrame) -> pd.DataFrame:
    """Real-format case numbers: (filing year)court code + type code + serial in filing order."""
    cases = cases.sort_values(["filed_on", "judge"], kind="stable").reset_index(drop=True)
    year = pd.DatetimeIndex(cases["filed_on"]).year
    serial = cases.groupby([year, cases["type_code"]]).cumcount() + 1
    cases["case_number"] = [
        f"({y}){COURT_CODE}{t}{s}号" for y, t, s in zip(year, cases["type_code"], serial, strict=True)
    ]
    return cases


def add_panels(cases: pd.DataFrame, judges: pd.DataFrame, seed: int) -> None:
    """Collegial panels (合议庭) for cases tried under the ordinary procedure: two colleagues."""
    rng = np.random.default_rng(seed + 1)
    by_div = judges.groupby("division")["name"].apply(list).to_dict()
    ordinary = (cases["procedure"] == "普通程序").to_numpy() & cases["closed_on"].notna().to_numpy()
    panel = cases["panel"].to_numpy(dtype=object).copy()
    for i in np.flatnonzero(ordinary):
        mates = [x for x in by_div[cases.at[i, "division"]] if x != cases.at[i, "judge"]]
        picks = rng.choice(len(mates), size=2, replace=False)
        panel[i] = "、".join(mates[p] for p in picks)
    cases["panel"] = panel


# ---------------------------------------------------------------- quality and efficiency (质效)

LONG_PENDING_SHARE = 0.08  # old open cases beside the year's open cases: 12–18, 18–36, > 36 months
APPEAL_RATE = {"civil": 0.12, "criminal": 0.08, "administrative": 0.25}
APPEAL_OUTCOMES = (("维持", 0.70), ("改判", 0.08), ("发回重审", 0.04), ("撤诉", 0.12), ("调解", 0.06))
DEDUCTED_RATE = 0.08  # closed trial cases with days the law deducts (公告, 鉴定, 中止)
EXTENSION_RATE = 0.04  # closed cases with an approved extension of the time limit


def add_quality(cases: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Time limits, appeals and their outcomes, enforcement amounts and long-pending open cases.

    A separate random stream (seed + 2), so the rest of the demo court stays as it was."""
    rng = np.random.default_rng(seed + 2)
    n = len(cases)
    out = cases.copy()
    closed = out["closed_on"].notna().to_numpy()
    category = out["category"].to_numpy()
    trial = np.isin(category, ["criminal", "civil", "administrative"])
    deducted = closed & trial & (rng.random(n) < DEDUCTED_RATE)
    out["deducted_days"] = np.where(deducted, rng.integers(30, 121, n), np.nan)
    extended = closed & (rng.random(n) < EXTENSION_RATE)
    out["extension_days"] = np.where(extended, np.where(category == "criminal", 30, 90), np.nan)
    out["time_limit_days"] = np.nan
    first = np.array([str(t).endswith("初") for t in out["type_code"]])
    method = out["closing_method"].fillna("").to_numpy(dtype=object)
    judged = np.array([("判决" in m) or ("裁定" in m) or ("驳回" in m) for m in method])
    rate = pd.Series(category).map(APPEAL_RATE).fillna(0).to_numpy()
    appealed = closed & first & judged & (rng.random(n) < rate)
    out["appealed"] = np.where(closed & trial & first, appealed, None)
    last_day = pd.Timestamp(f"{YEARS[-1]}-12-31")
    known = pd.to_datetime(out["closed_on"]) + pd.to_timedelta(rng.integers(60, 181, n), unit="D")
    decided = appealed & (known <= last_day).to_numpy()
    outcome = _pick(rng, APPEAL_OUTCOMES, n)
    out["appeal_result"] = np.where(decided, outcome, None)
    out["appeal_recorded_on"] = np.where(decided, known.dt.strftime("%Y-%m-%d"), None)
    enf = closed & (category == "enforcement")
    applied = np.round(rng.lognormal(np.log(80_000), 1.2, n), -2)
    share = np.where(
        method == "执行完毕", 1.0, np.where(method == "终结本次执行程序", rng.random(n) * 0.3, rng.random(n))
    )
    out["enforcement_applied"] = np.where(enf, applied, np.nan)
    out["enforcement_recovered"] = np.where(enf, np.round(applied * share, 2), np.nan)
    _extend_late_cases(rng, out)
    return pd.concat([out, _long_pending(rng, out)], ignore_index=True)


LATE_EXTENDED = 0.85  # late cases whose extension (延长审限) was approved


def _extend_late_cases(rng: np.random.Generator, cases: pd.DataFrame) -> None:
    """Most cases that ran past their legal limit had an approved extension, as in a real court
    (法定审限内结案率 in the high nineties); the rest stay late."""
    from workload_app.core.params import QualityParams
    from workload_app.core.quality import case_measures

    code = cases["type_code"].astype(str)
    instance = np.where(
        code.str.endswith("初"), "first", np.where(code.str.endswith("终"), "second", "other")
    )
    measures = case_measures(cases.assign(instance=instance), QualityParams())
    late = (measures["within"] == False).to_numpy()  # noqa: E712 - True/False/NaN column
    extend = late & (rng.random(len(cases)) < LATE_EXTENDED)
    overrun = (measures["closed"] - measures["deadline"]).dt.days.to_numpy()
    slack = rng.integers(0, 20, len(cases))
    current = cases["extension_days"].fillna(0).to_numpy()
    cases["extension_days"] = np.where(extend, current + overrun + slack, cases["extension_days"])


def _long_pending(rng: np.random.Generator, cases: pd.DataFrame) -> pd.DataFrame:
    """Old open cases (filed 12 to 60 months before the last year's end), numbered after the rest."""
    open_ = cases[cases["closed_on"].isna()]
    k = max(1, int(len(open_) * LONG_PENDING_SHARE))
    picked = open_.iloc[rng.choice(len(open_), size=k, replace=False)].copy()
    months = np.select(
        [rng.random(k) < 0.6, rng.random(k) < 0.75],
        [rng.integers(12, 18, k), rng.integers(18, 36, k)],
        rng.integers(36, 60, k),
    )
    end = pd.Timestamp(f"{YEARS[-1]}-12-31")
    filed = [
        end - pd.DateOffset(months=int(m)) - pd.Timedelta(days=int(d))
        for m, d in zip(months, rng.integers(0, 28, k), strict=True)
    ]
    picked["filed_on"] = pd.to_datetime(filed).to_numpy()
    year = pd.DatetimeIndex(picked["filed_on"]).year
    # serials past every regular one (a 1M-case year numbers more than 90,000 of one type)
    base = 90000 if len(cases) < 90000 else 9_000_000  # serials have at most 7 digits
    picked["case_number"] = [
        f"({y}){COURT_CODE}{t}{base + i}号"
        for i, (y, t) in enumerate(zip(year, picked["type_code"], strict=True))
    ]
    for c in ("deducted_days", "extension_days"):
        picked[c] = np.nan
    return picked
