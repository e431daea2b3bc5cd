"""The window shows a database or driver error as the command line does (one ``classify``),
in the window's language."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

pytestmark = pytest.mark.gui


@pytest.fixture(params=["en", "zh_CN"])
def lang(request):
    from PySide6.QtWidgets import QApplication

    from workload_app.ui.application import create_app, install_translators

    create_app()
    install_translators(QApplication.instance(), request.param)
    yield request.param
    install_translators(QApplication.instance(), "zh_CN")


def test_a_busy_database_and_the_servers_report_in_the_windows_language(lang):
    from workload_app.ui import db_errors

    busy = db_errors.text(sqlite3.OperationalError("database is locked"), "/data/court.sqlite")
    dropped = db_errors.text(psycopg.OperationalError("server closed the connection unexpectedly"))
    damaged = db_errors.text(sqlite3.DatabaseError("file is not a database"), "/data/court.sqlite")
    if lang == "en":
        assert busy.startswith("Another program or user is writing to the database;")
        assert dropped == "The court server reports: server closed the connection unexpectedly"
        assert damaged == (
            "“/data/court.sqlite” is not a database of this program, or it is damaged. Restore it from a backup."
        )
    else:
        assert busy.startswith("数据库正被另一个程序或用户写入，多次重试后仍未能写入。")
        assert dropped == "法院服务器报告：server closed the connection unexpectedly"
        assert damaged == "「/data/court.sqlite」不是本程序的数据库文件或已损坏。请从备份恢复。"
