"""Helpers the sheets and the font lookup share, checked by value."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from workload_app.reports import fonts
from workload_app.reports.sheet_parts import data_quality_closing, review_block


def test_first_present_takes_paths_as_given_and_bare_names_from_the_bundle(tmp_path, monkeypatch):
    bundle, frozen = tmp_path / "bundle", tmp_path / "frozen"
    bundle.mkdir()
    frozen.mkdir()
    (bundle / "b.ttf").write_bytes(b"x")
    (frozen / "b.ttf").write_bytes(b"x")
    (bundle / "c.ttf").write_bytes(b"x")
    absolute = tmp_path / "a.ttf"
    monkeypatch.setattr(fonts, "_bundle_dirs", lambda: [frozen, bundle])
    assert fonts._first_present(("missing.ttf", "b.ttf", "c.ttf")) == frozen / "b.ttf"
    assert fonts._first_present(("missing.ttf", "c.ttf")) == bundle / "c.ttf"
    assert fonts._first_present((str(absolute), "c.ttf")) == bundle / "c.ttf"  # a path not there is skipped
    absolute.write_bytes(b"x")
    assert fonts._first_present((str(absolute), "c.ttf")) == absolute
    assert fonts._first_present(("missing.ttf", str(tmp_path / "nope.ttf"))) is None


def test_review_block_heads_a_row_per_signer():
    spacer, heading, table = review_block(["庭长（部门负责人）确认", "分管院领导意见"])
    assert isinstance(spacer, Spacer) and isinstance(heading, Paragraph) and isinstance(table, Table)
    assert heading.getPlainText() == "审核意见"
    cells = [row[0].getPlainText() for row in table._cellvalues]
    assert cells == ["庭长（部门负责人）确认", "分管院领导意见", "备注"]


def test_data_quality_closing_keeps_heading_text_and_review_together():
    block = data_quality_closing("六、数据质量", "数据不全 2 件 <注>", ["法官本人确认"])
    assert isinstance(block, KeepTogether)
    heading, text, _, review, table = block._content
    assert heading.getPlainText() == "六、数据质量"
    assert text.getPlainText() == "数据不全 2 件 <注>"  # escaped, shown as written
    assert review.getPlainText() == "审核意见"
    assert [row[0].getPlainText() for row in table._cellvalues] == ["法官本人确认", "备注"]
