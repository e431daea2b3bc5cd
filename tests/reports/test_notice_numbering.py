"""One 文号 per notice (the default) or, with ``court set --notice-numbering plan``, one 文号 for the
plan: the covering 通知 once, then each judge's task as its attachment (附件 n). Read on the PDFs."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from workload_app.core.problems import WorkloadError
from workload_app.services import quotas as Q
from workload_app.services.court import court_settings, set_court_settings
from workload_app.services.sheets import export_sheets

TITLE = "关于下达2025年度基本结案任务的通知"


def _pages(path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(path).pages]


def _division(demo_db) -> tuple[str, list[str]]:
    """The plan's first division with at least three judges, and its judges in plan order."""
    plan = Q.current_plan(demo_db, 2025)
    by_division: dict[str, list[str]] = {}
    for j in plan["judges"]:
        by_division.setdefault(j["division"], []).append(j["judge"])
    return next((d, js) for d, js in by_division.items() if len(js) >= 3)


def test_by_default_every_notice_carries_its_own_number_and_no_attachment(demo_db, tmp_path):
    set_court_settings(demo_db, notice_prefix="测0101法", notice_start=20)
    assert court_settings(demo_db).notice_numbering == "judge"
    plan = Q.current_plan(demo_db, 2025)
    place = {j["judge"]: i for i, j in enumerate(plan["judges"], start=1)}
    division, judges = _division(demo_db)
    paths = export_sheets(demo_db, 2025, 12, "notice", tmp_path, division=division, combined=True, workers=1)
    combined = next(p for p in paths if "合订本" in p.name)
    text = "".join(_pages(combined))
    for judge in judges:
        number = f"测0101法〔2025〕{20 + place[judge] - 1}号"
        single = next(p for p in paths if p.name.endswith(f"_{judge}.pdf"))
        first = _pages(single)[0]
        assert first.count(TITLE) == 1 and number in first and f"{judge}同志：" in first
        assert number in text
    assert text.count(TITLE) == len(judges) and "附件" not in text


def test_with_plan_numbering_one_notice_then_the_attachments(demo_db, tmp_path):
    changes = set_court_settings(demo_db, notice_prefix="测0101法", notice_start=20, notice_numbering="plan")
    assert changes.summary.notice_numbering == "plan"
    plan = Q.current_plan(demo_db, 2025)
    number = f"测0101法〔2025〕{20 + plan['version'] - 1}号"  # the plan's own number
    division, judges = _division(demo_db)
    paths = export_sheets(demo_db, 2025, 12, "notice", tmp_path, division=division, combined=True, workers=1)
    combined = next(p for p in paths if "合订本" in p.name)
    pages = _pages(combined)
    body = [p for p in pages if "目录" not in p and p.strip()]
    cover, attachments = body[0], body[1:]
    # the covering 通知 once: its number, title, the divisions addressed, the list of attachments
    assert number in cover and cover.count(TITLE) == 1 and f"{division}：" in cover
    listed = "；".join(f"{i}.{j}2025年度基本结案任务" for i, j in enumerate(judges, start=1))
    assert f"附件：{listed}" in cover
    assert "".join(pages).count(TITLE) == 1 and "同志：" not in "".join(pages)
    # one number in the whole file: the plan's, on the covering 通知 (and its contents entry)
    assert re.findall(r"测0101法〔2025〕\d+号", "".join(body)) == [number]
    assert set(re.findall(r"测0101法〔2025〕\d+号", "".join(pages))) == {number}
    # then each judge's task as 附件 n with the judge's receipt
    assert len(attachments) == len(judges)
    for i, (page, judge) in enumerate(zip(attachments, judges, strict=True), start=1):
        assert f"附件{i}{judge}2025年度基本结案任务" in page
        assert "本人签收" in page
    # a judge's own file: the covering 通知 with that one attachment
    single = next(p for p in paths if p.name.endswith(f"_{judges[1]}.pdf"))
    own = [p for p in _pages(single) if p.strip()]
    assert f"附件：1.{judges[1]}2025年度基本结案任务" in own[0] and number in own[0]
    assert f"附件1{judges[1]}2025年度基本结案任务" in own[1]


def test_a_numbering_that_is_neither_is_refused_and_nothing_changes(demo_db):
    with pytest.raises(WorkloadError) as e:
        set_court_settings(demo_db, notice_numbering="division")
    assert e.value.code == "court.notice_numbering"
    assert court_settings(demo_db).notice_numbering == "judge"
