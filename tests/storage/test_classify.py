"""One ``classify(exc)`` for database, driver and file errors (issue 27): each low-level error
becomes the coded error the user reads, in Chinese on the command line and in the window's
language in the window; an error it does not know stays a program error (None)."""

from __future__ import annotations

import errno
import sqlite3

import psycopg
from click.testing import CliRunner

from workload_app.cli import cli
from workload_app.storage.errors import DatabaseBusy, classify
from workload_app.storage.pg import WriterBusy


def test_a_locked_file_and_a_held_server_lock_are_both_busy():
    for exc in (sqlite3.OperationalError("database is locked"), WriterBusy("lock held")):
        clear = classify(exc, "/tmp/court.sqlite")
        assert isinstance(clear, DatabaseBusy) and clear.code == "db.busy"
    assert (
        classify(sqlite3.OperationalError("database is locked"))
        .render("en")
        .startswith("Another program or user is writing to the database; several attempts to write failed.")
    )


def test_the_database_files_own_problems_name_the_file():
    full = classify(OSError(errno.ENOSPC, "No space left on device"), "/data/court.sqlite")
    assert (full.code, full.path) == ("full", "/data/court.sqlite")
    damaged = classify(sqlite3.DatabaseError("file is not a database"), "/data/court.sqlite")
    assert (
        str(damaged)
        == "「/data/court.sqlite」不是本程序的数据库文件或已损坏。请从备份恢复（workload restore）。"
    )
    assert damaged.render("en") == (
        "“/data/court.sqlite” is not a database of this program, or it is damaged. "
        "Restore it from a backup (workload restore)."
    )


def test_the_court_servers_report_is_its_first_line():
    clear = classify(
        psycopg.OperationalError("server closed the connection unexpectedly\n\tThis probably means…")
    )
    assert str(clear) == "法院服务器报告：server closed the connection unexpectedly"
    assert clear.render("en") == "The court server reports: server closed the connection unexpectedly"


def test_an_error_it_does_not_know_stays_a_program_error():
    assert classify(ValueError("bug")) is None
    assert classify(sqlite3.OperationalError("no such column: x")) is None
    assert classify(OSError(errno.ENOENT, "gone")) is None


def test_the_command_line_prints_the_classified_error(tmp_path):
    damaged = tmp_path / "court.sqlite"
    damaged.write_bytes(b"not a database at all, but long enough to be read as a header" * 20)
    result = CliRunner().invoke(cli, ["--db", str(damaged), "info"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"错误：「{damaged}」不是本程序的数据库文件或已损坏。请从备份恢复（workload restore）。"
    )
