"""The long-pending alert list: columns sized to their content, bands worded as on the sheets,
print and data dates, and the signature by post kept with the end of the table."""

from __future__ import annotations

import datetime as dt
import re

from pypdf import PdfReader

from workload_app.core.quality import BAND_LABELS
from workload_app.reports.pdf import PAD, fit_widths
from workload_app.reports.pending_alert import signer
from workload_app.reports.wrapping import width
from workload_app.services import pending


def pages(path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(path).pages]


def test_court_and_division_lists_are_signed_by_their_post_with_the_last_rows(demo_db, tmp_path):
    at = dt.date(2025, 12, 31)
    rows = pending.pending_cases(demo_db, at, 12)
    assert len(rows) > 4  # enough rows that the last ones go with the signature
    court = tmp_path / "court.pdf"
    n = pending.alert_list_pdf(demo_db, court, at, 12, invariant=True)
    text = pages(court)
    last = rows.iloc[-1]["case_number"]
    assert "分管院领导（签字）" in text[-1] and last in text[-1]  # the signature with the last row
    assert "庭长（签字）" not in "".join(text)
    assert f"立案满12个月仍未结的案件{n:,}件" in text[0]
    assert "截至2025年12月31日" in text[0] and "2025-12-31" not in "".join(text)
    assert re.search(r"案件数据截至\d{4}年\d{1,2}月\d{1,2}日", text[0]) and "打印时间：" in text[0]
    assert "36个月以上" in text[0] and "36月以上" not in "".join(text)
    division = rows["division"].value_counts().index[0]
    mine = tmp_path / "division.pdf"
    pending.alert_list_pdf(demo_db, mine, at, 12, division, invariant=True)
    text = pages(mine)
    assert f"（{division}）" in text[0] and "庭长（签字）" in text[-1] and "分管院领导" not in text[-1]
    assert signer("全院") == "分管院领导" and signer(division) == "庭长"


def test_row_numbers_and_headers_fit_their_columns():
    body = [["序号", "案号", "月数", "区间"], ["100", "(2023)渝0106民初12345号", "37", BAND_LABELS["36+"]]]
    w = fit_widths(body, [None, None, None, None])
    assert w[0] >= width("100", 8) + 2 * PAD and w[0] >= width("序号", 8) + 2 * PAD
    assert w[3] >= width("36 个月以上", 8) + 2 * PAD
