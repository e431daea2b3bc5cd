"""Sheets a court prints as they are: every page attributable, one-line signature lines, notice
numbers, embedded fonts only, rare characters, one combined document, safe files, clear errors."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from workload_app.cli import cli
from workload_app.core.problems import WorkloadError
from workload_app.reports import fonts
from workload_app.reports.charts import bar_chart
from workload_app.reports.sheets import judge_sheet
from workload_app.services import quotas as Q
from workload_app.services.court import court_settings, set_court_settings
from workload_app.services.sheets import (
    build_context,
    export_sheets,
    font_warnings,
    judge_figures,
    unique_file_names,
)
from workload_app.storage import repository as repo

SIGN_LINE = re.compile(r"签名：＿+\s*日期：＿+年＿+月＿+日")


def pages_text(path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(path).pages]


def font_objects(path) -> list[tuple[str, bool]]:
    """(BaseFont, embedded) of every font object the pages use."""
    out = []
    for page in PdfReader(path).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            for d in font.get("/DescendantFonts", [font]):
                d = d.get_object()
                desc = d.get("/FontDescriptor")
                embedded = desc is not None and any(
                    k in desc.get_object() for k in ("/FontFile2", "/FontFile")
                )
                out.append((str(d["/BaseFont"]), embedded))
    return out


def a_division(db) -> tuple[str, list[str]]:
    a = Q.assessment(db, 2025, 6)
    division = a["division"].iloc[0]
    return division, list(a[a["division"] == division]["judge"])


def test_every_page_of_every_judge_sheet_names_its_judge_and_combined_has_a_bookmark_each(demo_db, tmp_path):
    division, judges = a_division(demo_db)
    paths = export_sheets(demo_db, 2025, 6, "judge", tmp_path, division=division, combined=True, workers=1)
    singles, whole = paths[:-1], paths[-1]
    assert whole.name == "2025年1-6月_法官考核表_合订本.pdf"
    assert len(singles) == len(judges)
    for path in singles:
        judge = next(j for j in judges if path.stem.endswith(j))
        texts = pages_text(path)
        assert len(texts) >= 2  # the running header is what makes page 2… attributable
        for i, text in enumerate(texts, start=1):
            assert judge in text, f"{path.name} page {i} does not name {judge}"
            assert "2025年1—6月" in text or i == 1
    reader = PdfReader(whole)
    # bookmarks: 目录, then the division with its judges nested under it
    top = reader.outline
    assert [item.title for item in top[:2]] == ["目录", division] and isinstance(top[2], list)
    nested = top[2]
    assert len(top) == 3 and len(nested) == len(singles)
    titles = [item.title for item in nested]
    assert all(any(j in t for t in titles) for j in judges)
    # pages from one bookmark to the next all name that bookmark's judge
    starts = [reader.get_destination_page_number(item) for item in nested] + [len(reader.pages)]
    # the contents page lists each judge with the page of the file the sheet starts on
    contents = re.sub(r"\s+", "", reader.pages[0].extract_text())
    assert contents.startswith("目录") and division in contents
    for item, start in zip(nested, starts, strict=False):
        judge = next(j for j in judges if j in item.title)
        assert re.search(rf"{judge}（[^）]+）\.*{start + 1}(?!\d)", contents), (judge, start + 1)
    # every page carries its number in the file; each sheet keeps its own 「第 x 页 共 y 页」
    for n, page in enumerate(reader.pages, start=1):
        assert f"—{n}—" in re.sub(r"\s+", "", page.extract_text())
    for lo, hi in zip(starts, starts[1:], strict=False):
        assert re.search(rf"第1页共{hi - lo}页", re.sub(r"\s+", "", reader.pages[lo].extract_text()))
    for item, lo, hi in zip(nested, starts, starts[1:], strict=False):
        judge = next(j for j in judges if j in item.title)
        for n in range(lo, hi):
            assert judge in re.sub(r"\s+", "", reader.pages[n].extract_text())
    assert reader.metadata.title and "合订本" in reader.metadata.title and reader.metadata.author


def test_combined_is_one_document_with_fonts_embedded_once(demo_db, tmp_path):
    division, _ = a_division(demo_db)
    paths = export_sheets(demo_db, 2025, 6, "judge", tmp_path, division=division, combined=True, workers=1)
    singles, whole = paths[:-1], paths[-1]
    # the old merge copied each sheet's font subsets: the sum of the single files
    assert whole.stat().st_size < 0.5 * sum(p.stat().st_size for p in singles)
    fontfiles = {
        str(d.get_object()["/BaseFont"])
        for page in PdfReader(whole).pages
        for ref in page["/Resources"]["/Font"].values()
        for d in ref.get_object().get("/DescendantFonts", [ref.get_object()])
    }
    per_sheet = {str(f) for f, _ in font_objects(singles[0])}
    assert len(fontfiles) < len(singles) * len(per_sheet)


def test_duplex_padding_starts_every_sheet_on_a_front_side(demo_db, tmp_path):
    division, _ = a_division(demo_db)
    plain = export_sheets(
        demo_db, 2025, 12, "notice", tmp_path / "p", division=division, combined=True, workers=1
    )
    sizes = [len(PdfReader(p).pages) for p in plain[:-1]]
    assert any(n % 2 for n in sizes[:-1])  # the case that needs padding occurs
    duplex = PdfReader(
        export_sheets(
            demo_db,
            2025,
            12,
            "notice",
            tmp_path / "d",
            division=division,
            combined=True,
            duplex=True,
            workers=1,
        )[-1]
    )
    [contents, group, sheets] = duplex.outline  # 目录, the division and its notices under it
    assert (contents.title, group.title) == ("目录", division)
    starts = [duplex.get_destination_page_number(item) for item in sheets]
    assert all(s % 2 == 0 for s in starts)  # 0-based: pages 1, 3, 5 … are front sides
    padding = sum(n % 2 for n in sizes[:-1])
    # one contents page, padded to two in duplex
    assert len(duplex.pages) == 2 + sum(sizes) + padding == len(PdfReader(plain[-1]).pages) + 1 + padding
    blanks = [i for i, page in enumerate(duplex.pages) if not page.extract_text().strip()]
    assert len(blanks) == padding + 1 and blanks[0] == 1


def test_no_font_is_left_unembedded(demo_db, tmp_path):
    """Table cells started in Helvetica: every sheet carried a non-embedded Helvetica."""
    paths = export_sheets(demo_db, 2025, 6, "court", tmp_path, workers=1)
    division, _ = a_division(demo_db)
    paths += export_sheets(demo_db, 2025, 6, "judge", tmp_path, division=division, combined=True, workers=1)[
        -1:
    ]
    for path in paths:
        fonts_used = font_objects(path)
        assert fonts_used and all(embedded for _, embedded in fonts_used), fonts_used
        assert all(re.match(r"[A-Z]{6}\+", name.lstrip("/")) for name, _ in fonts_used)  # subsets
        if shutil.which("pdffonts"):
            rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
            body = rows.stdout.splitlines()[2:]
            assert body and all(re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+$", r) for r in body), (
                rows.stdout
            )


def test_signature_line_is_a_single_text_line_with_the_right_signers(demo_db, tmp_path):
    a = Q.assessment(demo_db, 2025, 6)
    judge = a[a["post"] == "审判员"]["judge"].iloc[0]
    head = a[a["post"] == "庭长"]["judge"].iloc[0]
    [mine] = export_sheets(demo_db, 2025, 6, "judge", tmp_path, judge=judge, workers=1)
    [heads] = export_sheets(demo_db, 2025, 6, "judge", tmp_path, judge=head, workers=1)
    for path, signers in ((mine, 4), (heads, 3)):
        lines = [line for page in PdfReader(path).pages for line in page.extract_text().splitlines()]
        signature_lines = [line for line in lines if "签名" in line or "日期：" in line]
        assert len(signature_lines) == signers
        assert all(SIGN_LINE.search(line) for line in signature_lines), signature_lines
    text = "".join(pages_text(mine))
    for signer in ("法官本人确认", "庭长意见", "分管院领导意见", "政治部（人事）审核意见", "备注"):
        assert signer in text
    own = "".join(pages_text(heads))
    assert "庭长意见" not in own and "分管院领导意见" in own  # countersigned by the court leader
    for kind in ("division", "court"):
        path = export_sheets(demo_db, 2025, 6, kind, tmp_path / kind, workers=1)[0]
        lines = [line for page in PdfReader(path).pages for line in page.extract_text().splitlines()]
        assert [line for line in lines if "签名" in line] and all(
            SIGN_LINE.search(line) for line in lines if "签名" in line
        )


def test_judge_sheet_shows_dates_and_case_flow_not_a_share(demo_db, tmp_path):
    a = Q.assessment(demo_db, 2025, 6)
    judge = a[a["post"] == "审判员"]["judge"].iloc[0]
    [path] = export_sheets(demo_db, 2025, 6, "judge", tmp_path, judge=judge, workers=1)
    text = "".join(pages_text(path))
    assert "在岗比例" not in text and "入额日期" in text and "离任日期" in text
    cases = repo.load_cases(demo_db)
    mine = cases[cases["judge"] == judge]
    filed = mine["filed_on"].between("2025-01-01", "2025-06-30").sum()
    closed = mine["closed_on"].between("2025-01-01", "2025-06-30").sum()
    pending = ((mine["filed_on"] <= "2025-06-30") & ~(mine["closed_on"] <= "2025-06-30")).sum()
    carried = ((mine["filed_on"] < "2025-01-01") & ~(mine["closed_on"] < "2025-01-01")).sum()
    assert f"旧存{carried}新收{filed}已结{closed}未结{pending}" in text


def test_notice_carries_its_number_issuer_date_and_plan_version(demo_db, tmp_path):
    changes = set_court_settings(
        demo_db, name="测试市某区人民法院", notice_prefix="测0101法", notice_start=20
    )
    assert changes.summary.notice_prefix == "测0101法"
    assert court_settings(demo_db).notice_number(2025, 3) == "测0101法〔2025〕22号"
    plan = Q.current_plan(demo_db, 2025)
    third = plan["judges"][2]["judge"]
    [path] = export_sheets(demo_db, 2025, 12, "notice", tmp_path, judge=third, workers=1)
    text = "".join(pages_text(path))
    assert "测0101法〔2025〕22号" in text and "测试市某区人民法院" in text
    y, m, d = (int(x) for x in plan["created_at"][:10].split("-"))
    assert f"{y}年{m}月{d}日" in text and f"任务计划第{plan['version']}版" in text
    subject = PdfReader(path).metadata.subject
    assert f"任务计划第 {plan['version']} 版" in subject and "1-12月" not in subject
    from workload_app.services import audit

    rows = audit.log(demo_db, action="court.settings")
    assert len(rows) == 1 and "测0101法" in str(rows.iloc[0].to_dict())


def test_court_set_command(demo_file, tmp_path):
    db = tmp_path / "c.sqlite"
    shutil.copy(demo_file, db)
    r = CliRunner().invoke(cli, ["--db", str(db), "court", "set", "--notice-prefix", "渝0106法"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["--db", str(db), "court", "show"])
    assert "渝0106法〔2025〕1号" in r.output
    r = CliRunner().invoke(cli, ["--db", str(db), "court", "set", "--notice-prefix", "渝〔0106〕"])
    assert r.exit_code == 1 and "括号" in r.output


def _rare_name_figures(db) -> dict:
    a = Q.assessment(db, 2025, 6)
    old = a[a["post"] == "审判员"]["judge"].iloc[0]
    f = judge_figures(build_context(db, 2025, 6), old)
    f["judge"]["name"] = "𠮷" + old
    return f


def test_rare_character_name_prints_with_the_fallback_font(demo_db, tmp_path):
    f = _rare_name_figures(demo_db)
    path = tmp_path / "rare.pdf"
    path.write_bytes(judge_sheet(f))
    name = f["judge"]["name"]
    assert font_warnings([("rare.pdf", "judge", f)]) == []
    assert all(name in text for text in pages_text(path))  # drawn, and extractable (ToUnicode)
    assert any("HanaMinB" in n for n, _ in font_objects(path))
    assert all(embedded for _, embedded in font_objects(path))


def test_rare_character_without_a_font_warns_by_name(demo_db, monkeypatch):
    f = _rare_name_figures(demo_db)
    monkeypatch.setattr(fonts, "_fallback_chars", lambda: frozenset())
    warnings = font_warnings([("rare.pdf", "judge", f)])
    assert len(warnings) == 1 and f["judge"]["name"] in warnings[0] and "空白" in warnings[0]


def test_bar_chart_keeps_long_division_names_off_the_bars():
    names = [
        "刑事审判庭",
        "知识产权与涉外商事海事审判第二庭（合议庭）",
        *[f"民事审判第{i}庭" for i in "一二三四五六"],
    ]
    _, key = bar_chart(names, [1] * 8, [2] * 8, 480, 170, "t")
    assert [n for _, n in key] == names  # numbered bars with a key below
    drawing, key = bar_chart(names[:1] + names[2:], [1] * 7, [2] * 7, 480, 170, "t")
    assert key == []  # short names are wrapped under their own bar, never wider than its slot
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    slot = (480 - 44 - 10) / 7
    labels = [c for c in drawing.contents if isinstance(c, String) and c.y < 34]
    assert labels and all(stringWidth(c.text, c.fontName, c.fontSize) <= slot - 4 for c in labels)


def test_same_file_name_for_two_judges_gives_two_files():
    names = unique_file_names(["2025-06_庭_张/三", "2025-06_庭_张:三", "2025-06_庭_张_三", "x" * 400])
    assert len(set(names)) == 4 and names[1] == "2025-06_庭_张_三_2.pdf"
    assert all(len(n.encode()) <= 160 for n in names)


def test_two_judges_mapping_to_one_file_name_are_both_written(demo_db, tmp_path, monkeypatch):
    import workload_app.services.sheets as sheets_service

    monkeypatch.setattr(sheets_service, "_safe", lambda name: "同名")  # every name collides
    division, judges = a_division(demo_db)
    out = tmp_path / "out"
    paths = export_sheets(demo_db, 2025, 6, "judge", out, division=division, workers=1)
    assert len(paths) == len(judges) == len({p.name for p in paths}) == len(list(out.iterdir()))
    for path in paths:  # and each file is that judge's sheet, not an overwrite
        assert sum(j in pages_text(path)[0] for j in judges) >= 1


def test_combined_file_appears_only_when_complete(demo_db, tmp_path, monkeypatch):
    import workload_app.services.sheets as sheets_service

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sheets_service.os, "replace", fail)
    division, _ = a_division(demo_db)
    with pytest.raises(OSError):
        export_sheets(
            demo_db, 2025, 6, "judge", tmp_path / "out", division=division, combined=True, workers=1
        )
    assert list((tmp_path / "out").iterdir()) == []  # neither a half file under the real name nor a .part


def test_errors_instead_of_zero_pdfs(demo_db, demo_file, tmp_path):
    repo.upsert_judge(
        demo_db,
        {
            "name": "新入额",
            "division": a_division(demo_db)[0],
            "post": "审判员",
            "track": "trial",
            "in_post_from": "2026-03-01",
        },
    )
    demo_db.conn.commit()
    with pytest.raises(WorkloadError, match="不在岗"):
        export_sheets(demo_db, 2025, 6, "judge", tmp_path, judge="新入额", workers=1)
    demo_db.conn.execute("DELETE FROM quota_plans WHERE year = 2025")
    demo_db.conn.commit()
    with pytest.raises(WorkloadError, match="还没有下达任务计划"):
        export_sheets(demo_db, 2025, 6, "judge", tmp_path, everyone=True, workers=1)
    db = tmp_path / "c.sqlite"
    shutil.copy(demo_file, db)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for args, words in (
        (["--through-month", "13", "--all", "--out", str(tmp_path / "o")], "1 到 12"),
        (
            ["--through-month", "6", "--all", "--out", str(blocker / "sub")],
            f"「{blocker}」是一个文件，不是文件夹",
        ),
    ):
        r = CliRunner().invoke(cli, ["--db", str(db), "sheets", "--year", "2025", *args])
        assert r.exit_code == 1 and words in r.output and "已生成" not in r.output, r.output


def _children(pid: int) -> set[int]:
    out = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        out |= {int(x) for x in text.split()}
    return out


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_worker_processes_end_when_the_parent_is_killed(demo_file, tmp_path):
    db = tmp_path / "k.sqlite"
    shutil.copy(demo_file, db)
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from tests.conftest import open_as_operator
        from workload_app.services.sheets import export_sheets
        db = open_as_operator(Path({str(db)!r}))
        for i in range(50):
            export_sheets(db, 2025, 6, "judge", Path({str(tmp_path / "out")!r}) / str(i), everyone=True, workers=2)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    parent = subprocess.Popen([sys.executable, "-c", script], env=env)
    try:
        deadline = time.time() + 90
        workers: set[int] = set()
        while time.time() < deadline and len(workers) < 2:
            workers = {p for p in _children(parent.pid) if _running(p)}
            time.sleep(0.2)
        assert len(workers) >= 2, "the batch never started its workers"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_running(p) for p in workers):
        time.sleep(0.2)
    assert not any(_running(p) for p in workers)
