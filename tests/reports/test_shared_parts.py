"""Helpers the sheets and the font lookup share, checked by value."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from workload_app.reports import fonts
from workload_app.reports.sheet_parts import (
    OPINION_MAX,
    OPINION_MIN,
    ClosingBlock,
    data_quality_closing,
    review_block,
)


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
    assert isinstance(block, ClosingBlock)
    heading, text, _, review = block.before
    assert heading.getPlainText() == "六、数据质量"
    assert text.getPlainText() == "数据不全 2 件 <注>"  # escaped, shown as written
    assert review.getPlainText() == "审核意见"
    block.wrap(170 * mm, 250 * mm)
    table = block._parts[-1]
    labels = [
        (row[0][0] if isinstance(row[0], tuple) else row[0]).getPlainText() for row in table._cellvalues
    ]
    assert labels == ["法官本人确认", "备注"]


def test_the_closing_block_fills_the_page_with_opinion_boxes_of_25_mm_at_least():
    signers = ["法官本人确认", "庭长意见", "分管院领导意见", "政治部（人事）审核意见"]
    block = data_quality_closing("七、数据质量", "数据不全 0 件。", signers)
    # the least it needs: every box 25 mm
    _, least = block.wrap(170 * mm, 0)
    assert block.box == OPINION_MIN == 25 * mm
    # on a page with 40 mm more than that, the boxes share the 40 mm and the block ends at its foot
    _, h = block.wrap(170 * mm, least + 40 * mm)
    assert abs(h - (least + 40 * mm)) < 0.5
    assert abs(block.box - (25 * mm + 40 * mm / (len(signers) + 0.6))) < 0.01
    # never larger than 55 mm a box, whatever the room
    _, h = block.wrap(170 * mm, 2000 * mm)
    assert block.box == OPINION_MAX and h < 2000 * mm
    # too little room: it does not split, it starts the next page
    assert block.split(170 * mm, least - 1) == []
    spacer = list(block._parts[-1]._cellvalues[0][1])[0]
    assert spacer.height == OPINION_MAX  # the room to write in the first row


def test_cjk_lines_break_between_words_never_inside_a_label_or_cause():
    from workload_app.reports.wrapping import lines, units, width

    assert units("小额诉讼、数据不全") == ["小额诉讼、", "数据不全"]
    assert units("诉前财产保全、异常页数") == ["诉前财产保全、", "异常页数"]  # a list of tags
    assert "金融借款合同纠纷" in units("案由为金融借款合同纠纷的案件")
    assert units("见(2024)渝0106民初6818号。") == [
        "见",
        "(2024)渝0106民初6818号。",
    ]  # 。 may not start a line
    assert units("截至 2025 年 6 月 30 日，") == ["截", "至", " ", "2025 年 6 月 30 日，"]
    # a cell just too narrow for the whole label breaks between its two words, not inside one
    room = width("小额诉讼、数据", 8)
    assert lines("小额诉讼、数据不全", room, 8) == ["小额诉讼、", "数据不全"]
    cause = "金融借款合同纠纷"
    assert lines(f"案由为{cause}", width(f"案由为{cause[:-1]}", 8), 8) == ["案由为", cause]
    # a word wider than a whole line is the only thing cut inside
    assert lines("终结本次执行程序", width("终结本次", 8), 8) == ["终结本次", "执行程序"]


def test_table_columns_sized_to_their_widest_text_never_wrap_a_header_or_a_number():
    from workload_app.reports.pdf import CONTENT_W, PAD, fit_widths
    from workload_app.reports.wrapping import width

    rows = [["序号", "案号", "说明"], ["100", "(2024)渝0106民初6818号", "长"]]
    w = fit_widths(rows, [None, None, "*"])
    assert w[0] == width("序号", 8) + 2 * PAD + 1  # the header is the widest text of the column
    assert w[1] == width("(2024)渝0106民初6818号", 8) + 2 * PAD + 1
    assert abs(sum(w) - CONTENT_W) < 1e-6  # the rest goes to the flexible column
