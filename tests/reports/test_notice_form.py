"""The quota notice in the form of an official 通知: number over the title, one title without gaps,
addressee, body, issuer and Chinese date in a clear 42 mm square for the seal, the receipt by the
right signer for each post, the copies, and no program footer."""

from __future__ import annotations

import re

from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table

from workload_app.reports.notice import SEAL, SealBlock, copies, notice_docs, receipt_signers
from workload_app.services import quotas as Q
from workload_app.services.sheets import build_context, export_sheets, notice_figures


def test_the_receipt_is_signed_by_whom_the_post_answers_to():
    assert receipt_signers("审判员") == ["本人签收", "庭长签收"]
    assert receipt_signers("副庭长") == ["本人签收", "庭长签收"]
    assert receipt_signers("庭长") == ["本人签收", "分管院领导签收"]
    assert receipt_signers("副院长") == ["本人签收", "院长签收"]
    assert receipt_signers("审判委员会专职委员") == ["本人签收", "院长签收"]
    assert receipt_signers("院长") == ["本人签收"]
    assert copies("速裁庭", "审判员") == "政治部（人事）、审判管理办公室、速裁庭"
    assert copies("刑事审判庭", "副院长") == "政治部（人事）、审判管理办公室"


def test_the_seal_square_is_clear_and_the_issuer_and_date_sit_in_its_middle():
    block = SealBlock("重庆市沙坪坝区人民法院", "2025 年 1 月 5 日")
    w, h = block.wrap(170 * mm, 300 * mm)
    x, y, sw, sh = block.seal_box()
    assert sw == sh == SEAL == 42 * mm and h >= SEAL + 4 * mm  # nothing above or below it inside
    assert 0 <= x and x + sw <= w and 0 <= y and y + sh <= h
    (issuer, ix, iy), (date, dx, dy) = block.text_lines()
    assert (issuer, date) == ("重庆市沙坪坝区人民法院", "2025 年 1 月 5 日")
    for tx, ty in ((ix, iy), (dx, dy)):
        assert x <= tx and y + sh / 2 - 10 * mm < ty < y + sh / 2 + 10 * mm


def test_every_notice_in_the_plan_has_the_official_form(demo_db, tmp_path):
    ctx = build_context(demo_db, 2025, 12, "2026-01-05 09:00")
    plan = Q.current_plan(demo_db, 2025)
    by_post = {}
    for j in plan["judges"]:
        by_post.setdefault(j["post"], j["judge"])
    assert {"庭长", "审判员"} <= set(by_post)
    for post, judge in by_post.items():
        f = notice_figures(ctx, [judge])
        [doc] = notice_docs(f)
        n = f["notices"][0]
        assert doc.footer == ""  # no program footer on an official notice
        items = []
        for x in doc.story:
            items.extend(x._content if isinstance(x, KeepTogether) else [x])
        texts = [x.getPlainText() for x in items if isinstance(x, Paragraph)]
        assert texts[0] == n["number"]  # the 文号 first, over the rule
        title = texts[1].replace("\n", "")
        assert title == f"{f['issuer']}关于下达2025年度基本结案任务的通知"  # issuer and matter in one title
        assert " " not in title  # no gaps inside the title
        assert texts[2] == f"{judge}同志："
        seal = next(x for x in items if isinstance(x, SealBlock))
        y, m, d = (int(v) for v in plan["created_at"][:10].split("-"))
        assert (seal.issuer, seal.date) == (f["issuer"], f"{y} 年 {m} 月 {d} 日")
        # after the seal: the receipt by the right signers, then the copies
        after = items[items.index(seal) :]
        table = next(x for x in after if isinstance(x, Table))
        assert [row[0].getPlainText() for row in table._cellvalues] == receipt_signers(post)
        assert f"抄送：{copies(n['division'], post)}。" in texts
        assert not any(
            "任务计划第" in t and t.startswith("（") for t in texts
        )  # no version line under the date
    [path] = export_sheets(demo_db, 2025, 12, "notice", tmp_path, judge=by_post["庭长"], workers=1)
    text = re.sub(r"\s+", "", PdfReader(path).pages[0].extract_text())
    assert "庭长签收" not in text and "分管院领导签收" in text and "法官工作量计算器" not in text
