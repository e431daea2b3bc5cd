"""PDF sheets: the figures printed equal the figures the services compute; the CJK font is embedded."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from workload_app.core import formatting as fmt
from workload_app.services import quotas as Q
from workload_app.services.sheets import export_sheets


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def embedded_fonts(path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for d in font.get("/DescendantFonts", [font]):
                desc = d.get_object().get("/FontDescriptor")
                if desc is not None and any(k in desc for k in ("/FontFile2", "/FontFile", "/FontFile3")):
                    names.add(str(d.get_object()["/BaseFont"]))
    return names


@pytest.fixture
def sheets_dir(tmp_path):
    return tmp_path / "sheets"


def test_judge_sheet_figures_match_services(demo_db, sheets_dir):
    a = Q.assessment(demo_db, 2025, 6)
    row = a[(a["post"] == "审判员") & (a["track"] == "trial")].iloc[0]
    [path] = export_sheets(
        demo_db,
        2025,
        6,
        "judge",
        sheets_dir,
        judge=row["judge"],
        invariant=True,
        generated_at="2025-07-01 09:00",
    )
    assert path.name == f"2025年1-6月_{row['division']}_{row['judge']}.pdf"
    text = text_of(path)
    compact = re.sub(r"\s+", "", text)
    for figure in (
        fmt.sc(row["quota"]),
        fmt.sc(row["target_to_date"]),
        fmt.sc(row["sc"]),
        fmt.pct(row["completion"]),
        fmt.sc(row["score"], 1),
    ):
        assert figure in compact
    assert "法官工作量考核表" in compact and row["judge"] in compact and "庭长意见" in compact
    assert re.search(r"第1页共\d+页", compact)
    assert "打印时间：2025年7月1日09:00" in compact
    meta = PdfReader(path).metadata
    assert row["judge"] in meta.title and meta.author and meta.subject
    assert any("WenQuanYi" in f or "Noto" in f for f in embedded_fonts(path))


def test_judge_sheet_is_byte_stable_in_invariant_mode(demo_db, sheets_dir):
    judge = Q.assessment(demo_db, 2025, 3)["judge"].iloc[2]
    a = export_sheets(
        demo_db, 2025, 3, "judge", sheets_dir / "a", judge=judge, invariant=True, generated_at="x"
    )
    b = export_sheets(
        demo_db, 2025, 3, "judge", sheets_dir / "b", judge=judge, invariant=True, generated_at="x"
    )
    assert a[0].read_bytes() == b[0].read_bytes()


def test_division_court_and_notice_sheets(demo_db, sheets_dir):
    d = Q.division_assessment(demo_db, 2025, 9).set_index("division")
    name = d.index[1]
    [div] = export_sheets(demo_db, 2025, 9, "division", sheets_dir, division=name, invariant=True)
    compact = re.sub(r"\s+", "", text_of(div))
    assert fmt.sc(d.loc[name, "target"]) in compact and fmt.sc(d.loc[name, "sc"]) in compact
    [court] = export_sheets(demo_db, 2025, 9, "court", sheets_dir, invariant=True)
    compact = re.sub(r"\s+", "", text_of(court))
    for division, r in d.iterrows():
        assert division in compact and fmt.pct(r["completion"]) in compact
    notices = export_sheets(
        demo_db, 2025, 12, "notice", sheets_dir, division=name, combined=True, invariant=True
    )
    plan = Q.current_plan(demo_db, 2025)
    members = [j for j in plan["judges"] if j["division"] == name]
    assert len(notices) == len(members) + 1 and notices[-1].name.endswith("合订本.pdf")
    assert len(PdfReader(notices[-1]).pages) == 1 + len(members)  # the contents page, then a page each
    compact = re.sub(r"\s+", "", text_of(notices[0]))
    first = next(j for j in members if j["judge"] in notices[0].name)
    assert fmt.sc(first["quota"]) in compact and "基本结案任务的通知" in compact
