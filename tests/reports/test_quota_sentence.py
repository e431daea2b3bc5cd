"""The printed derivation of a judge's quota is arithmetic a reader can redo with a calculator
(DOMAIN "Annual quotas"; issue 26): the factors shown multiply to the figure printed, on the judge
sheet, the quota notice, ``workload quota show`` and in both languages, with the months in post
named beside a part-year judge's share.

On main the sheet read 「基本任务 37 × 职务系数 1 × 在岗 291/365 天 = 31.84」 while 37 × 291/365 = 29.50."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from workload_app.cli import cli
from workload_app.core import quotas as q
from workload_app.core.params import default_params
from workload_app.core.quota_text import months_in_post, quota_sentence
from workload_app.services import quotas as Q
from workload_app.services.sheets import export_sheets

ZH = re.compile(r"基本任务([\d,.]+)×职务系数([\d.]+)(?:×在岗折算([\d.]+))?=([\d,.]+)")
EN = re.compile(r"Basic quota ([\d,.]+) × post factor ([\d.]+)(?: × share in post ([\d.]+))? = ([\d,.]+)")


def redo(match: re.Match) -> tuple[Decimal, Decimal]:
    """(the product of the printed factors to the cent, half up; the printed figure)."""
    common, fraction, share, printed = (
        None if g is None else Decimal(g.replace(",", "")) for g in match.groups()
    )
    product = common * fraction * (share if share is not None else Decimal(1))
    return product.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), printed


def test_the_issues_example_by_hand():
    """37 × 1 × 0.8605 = 31.8385 → 31.84: the month-weighted share, not days ÷ 365."""
    row = {
        "common_quota": 37.0,
        "post_fraction": 1.0,
        "computed_quota": 31.84,
        "quota": 31.84,
        "override_reason": "",
        "in_post_from": "2025-03-16",
        "in_post_to": None,
    }
    zh = quota_sentence(row, 2025)
    assert "基本任务 37 × 职务系数 1 × 在岗折算 0.8605 = 31.84" in zh
    assert "在岗月份：3月 16/31 天、4—12月" in zh
    en = quota_sentence(row, 2025, "en")
    assert "Basic quota 37 × post factor 1 × share in post 0.8605 = 31.84" in en
    assert "months in post: Mar 16/31 days, Apr–Dec" in en
    assert redo(ZH.search(zh.replace(" ", ""))) == (Decimal("31.84"), Decimal("31.84"))


def test_months_in_post_named():
    assert months_in_post(2025, "2025-02-10", "2025-09-30") == "2月 19/28 天、3—9月"
    assert months_in_post(2024, None, "2024-01-31") == "1月"  # a whole single month
    assert months_in_post(2024, "2024-06-30", "2024-07-01", "en") == "Jun 1/30 days, Jul 1/31 days"
    assert months_in_post(2024, None, None) == "1—12月"


@pytest.mark.parametrize("seed", range(6))
def test_every_sentence_multiplies_to_its_figure(seed):
    """Generated part-year rosters, posts and patterns: the printed factors multiply (to the cent,
    half up) to the quota printed, which is the plan's computed quota."""
    rng = np.random.default_rng(seed)
    year = 2024 + seed % 2
    rows = []
    for i in range(40):
        a = pd.Timestamp(year, 1, 1) + pd.Timedelta(days=int(rng.integers(-30, 360)))
        b = a + pd.Timedelta(days=int(rng.integers(0, 400)))
        post = rng.choice(["审判员", "庭长", "副院长", "院长"])
        rows.append(
            {
                "name": f"J{i}",
                "division": "D",
                "post": post,
                "track": "trial",
                "in_post_from": a.date().isoformat(),
                "in_post_to": b.date().isoformat() if rng.random() < 0.6 else None,
            }
        )
    weights = {"trial": q.month_weights("last_year", year, rng.integers(50, 400, 12).astype(float))}
    common = {"trial": float(rng.integers(20, 400))}
    quotas = q.judge_quotas(year, pd.DataFrame(rows), common, default_params(year), None, weights)
    assert len(quotas) > 10
    for record in quotas.to_dict("records"):
        for lang, pattern in (("zh", ZH), ("en", EN)):
            text = quota_sentence(record, year, lang)
            match = pattern.search(text.replace(" ", "") if lang == "zh" else text)
            assert match, text
            product, printed = redo(match)
            assert product == printed == Decimal(str(record["computed_quota"])).quantize(Decimal("0.01")), (
                text
            )


def _part_year_judge(db, year):
    plan = Q.court_plan(db, year)
    for r in plan["judges"]:
        if str(r.get("in_post_from") or "") > f"{year}-01-01" and r["computed_quota"] > 0:
            return r
    raise AssertionError("the demo has a judge who joined during the year")


def test_judge_sheet_notice_and_cli_print_the_same_redoable_sentence(demo_db, tmp_path):
    judge = _part_year_judge(demo_db, 2025)
    assert judge["in_post_from"] == "2025-03-16"
    sentences = []
    for kind in ("judge", "notice"):
        [path] = export_sheets(demo_db, 2025, 6, kind, tmp_path / kind, judge=judge["judge"], workers=1)
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(path).pages))
        match = ZH.search(text)
        assert match and match.group(3) is not None, text[:400]  # the share in post is shown
        product, printed = redo(match)
        assert product == printed == Decimal(str(judge["computed_quota"])).quantize(Decimal("0.01"))
        assert "在岗月份：3月16/31天、4—12月" in text
        sentences.append(match.group(0))
    assert sentences[0] == sentences[1]
    path = demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    out = CliRunner().invoke(cli, ["--db", path, "quota", "show", "--year", "2025"])
    assert out.exit_code == 0, out.output
    line = next(x for x in out.output.splitlines() if x.startswith(f"{judge['judge']}："))
    assert ZH.search(line.replace(" ", "")).group(0) == sentences[0]
