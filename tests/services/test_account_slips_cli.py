"""``workload users add|reset --slip``: the initial password is random, written only to a slip PDF
(never prompted, never printed), and the password on the slip is the one that logs in; a slip
that cannot be written creates no account."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from tests.slip_pdf import embedded_fonts, pdf_pages, pdf_text, slip_password
from workload_app.cli import cli
from workload_app.services import accounts
from workload_app.services.demo import DEMO_PASSWORD
from workload_app.storage.db import open_db


def run(db, *args, user="admin"):
    env = {"WORKLOAD_PASSWORD": DEMO_PASSWORD, "WORKLOAD_NEW_PASSWORD": None}
    head = ["--db", str(db)] + (["--user", user] if user else [])
    return CliRunner().invoke(cli, [*head, *args], env=env, input="")


def a_judge(path) -> tuple[str, str]:
    db = open_db(path)
    try:
        row = db.conn.execute(
            """SELECT j.name, d.name FROM judges j JOIN divisions d ON d.id = j.division_id
               WHERE j.in_post_to IS NULL ORDER BY j.id LIMIT 1"""
        ).fetchone()
        return row[0], row[1]
    finally:
        db.conn.close()


def test_a_new_judges_account_gets_its_password_on_a_slip_only(demo_file, tmp_path):
    path = tmp_path / "court.sqlite"
    shutil.copy(demo_file, path)
    judge, division = a_judge(path)
    slip = tmp_path / "zhangsan"
    result = run(path, "users", "add", "zhangsan", "--role", "judge", "--judge", judge, "--slip", str(slip))
    assert result.exit_code == 0, result.output
    written = tmp_path / "zhangsan.pdf"
    assert result.output == f"账户「zhangsan」已建立，首次登录须修改密码；账户通知单：{written}\n"
    text = pdf_text(written)
    password = slip_password(text, "zhangsan")
    assert password not in result.output and pdf_pages(written) == 1
    assert judge in text and division in text and "法官" in text and "数据库文件 court.sqlite" in text
    assert all(emb == "yes" for _, emb in embedded_fonts(written))
    db = open_db(path)
    try:
        who, must_change = accounts.login(db, "zhangsan", password)
        assert (who.role, who.judge, must_change) == ("judge", judge, True)
    finally:
        db.conn.close()

    reset = run(path, "users", "reset", "zhangsan", "--slip", str(tmp_path / "reset.pdf"))
    assert reset.exit_code == 0, reset.output
    again = slip_password(pdf_text(tmp_path / "reset.pdf"), "zhangsan")
    assert again != password
    db = open_db(path)
    try:
        assert accounts.login(db, "zhangsan", again)[1] is True
    finally:
        db.conn.close()


def test_a_slip_that_cannot_be_written_creates_no_account(demo_file, tmp_path):
    path = tmp_path / "court.sqlite"
    shutil.copy(demo_file, path)
    result = run(
        path, "users", "add", "lisi", "--role", "personnel", "--slip", str(tmp_path / "none" / "s.pdf")
    )
    assert result.exit_code == 1
    assert result.output.startswith("错误：账户通知单未能保存：") and result.output.endswith(
        "未建立任何账户。\n"
    )
    db = open_db(path)
    try:
        assert db.conn.execute("SELECT COUNT(*) FROM users WHERE login = 'lisi'").fetchone()[0] == 0
    finally:
        db.conn.close()


def test_a_refused_account_leaves_no_slip(demo_file, tmp_path):
    path = tmp_path / "court.sqlite"
    shutil.copy(demo_file, path)
    slip = tmp_path / "s.pdf"
    result = run(path, "users", "add", "faguan", "--role", "personnel", "--slip", str(slip))
    assert result.exit_code == 1 and result.output == "错误：登录名「faguan」已被使用\n"
    assert not slip.exists() and not (tmp_path / "s.pdf.part").exists()
