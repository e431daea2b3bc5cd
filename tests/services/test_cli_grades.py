"""`workload grades` carries the demo court (`workload demo`, as shipped) from proposals to notices
and a review, exactly through the command line a check runs."""

from __future__ import annotations

import csv

from click.testing import CliRunner
from pypdf import PdfReader

from workload_app.cli import cli


def run(path, *args, ok=True):
    r = CliRunner().invoke(cli, ["--db", str(path), *args], catch_exceptions=False)
    assert (r.exit_code == 0) == ok, r.output
    return r


def test_the_demo_court_from_proposals_to_notices_and_a_review(tmp_path):
    db = tmp_path / "court.sqlite"
    run(db, "demo")
    out = run(db, "grades", "propose", "--year", "2025").output
    assert "2025 年度：已为 60 名法官提出等次建议" in out
    show = run(db, "grades", "show", "--year", "2025").output
    assert "2025 年度考核：等次建议" in show
    assert "院领导：参加定等 4 人 × 20%（四舍五入）= 优秀名额 1 名；现有优秀 1 名" in show
    run(db, "grades", "export", "--year", "2025", "--out", str(tmp_path / "g.csv"))
    run(db, "grades", "show", "--year", "2025", "--out", str(tmp_path / "g.xlsx"))
    with open(tmp_path / "g.csv", encoding="utf-8") as f:
        rows = {r["法官"]: r for r in csv.DictReader(f)}
    assert len(rows) == 60
    leader = next(j for j, r in rows.items() if r["考核组"] == "院领导" and r["建议等次"] == "优秀")
    other_leader = next(j for j, r in rows.items() if r["考核组"] == "院领导" and r["建议等次"] != "优秀")
    basic = next(j for j, r in rows.items() if r["建议等次"] == "基本称职")
    # the committee may not give a second 院领导 优秀: the cap and the count are named
    refused = run(
        db,
        "grades",
        "set",
        "--year",
        "2025",
        "--judge",
        other_leader,
        "--grade",
        "优秀",
        "--reason",
        "x",
        ok=False,
    )
    assert "院领导优秀名额为 1 名（参加定等 4 人 × 20%），现有 2 名优秀（含并列），超出名额" in refused.output
    run(
        db,
        "grades",
        "set",
        "--year",
        "2025",
        "--judge",
        leader,
        "--grade",
        "称职",
        "--reason",
        "考委会投票",
        "--meeting",
        "考委会〔2026〕1号",
    )
    run(
        db,
        "grades",
        "set",
        "--year",
        "2025",
        "--judge",
        other_leader,
        "--grade",
        "优秀",
        "--reason",
        "分管工作突出",
        "--meeting",
        "考委会〔2026〕1号",
    )
    pub = tmp_path / "公示.pdf"
    assert "公示名单" in run(db, "grades", "publish", "--year", "2025", "--out", str(pub)).output
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(pub).pages)
    assert other_leader in text and leader not in text
    assert "已确定：60 人" in run(db, "grades", "confirm", "--year", "2025").output
    locked = run(
        db, "grades", "set", "--year", "2025", "--judge", basic, "--grade", "称职", "--reason", "x", ok=False
    )
    assert "等次已锁定" in locked.output
    notices = tmp_path / "通知"
    assert "60 份通知已写入" in run(db, "grades", "notices", "--year", "2025", "--out", str(notices)).output
    assert len(list(notices.glob("*.pdf"))) == 60
    run(db, "grades", "review", "--year", "2025", "--judge", basic, "--request", "完成率未计入借调期间")
    out = run(
        db,
        "grades",
        "review",
        "--year",
        "2025",
        "--judge",
        basic,
        "--decide",
        "称职",
        "--reason",
        "借调期间应折算任务",
        "--out",
        str(notices),
    ).output
    assert f"{basic} 复核决定：称职，已发新通知（第 2 版）" in out
    new = notices / f"2025年度考核结果通知_{basic}_第2版.pdf"
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(new).pages)
    assert "由「基本称职」改为「称职」" in text
    with open(tmp_path / "after.csv", "w", encoding="utf-8") as f:
        f.write(run(db, "grades", "export", "--year", "2025").output)
    with open(tmp_path / "after.csv", encoding="utf-8") as f:
        after = {r["法官"]: r for r in csv.DictReader(f)}
    assert (after[basic]["确定等次"], after[basic]["通知版本"]) == ("称职", "2")
    assert after[other_leader]["确定等次"] == "优秀" and after[other_leader]["后果"] == "等级晋升优先"
    audit = run(db, "audit", "show").output
    assert "年度考核：复核决定" in audit or "grade.review_decide" in audit
