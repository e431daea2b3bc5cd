"""``workload-app --smoke``: the line it prints cannot fail on a console without Chinese, and an
exception in a slot ends the run with status 1 instead of a program that never exits."""

from __future__ import annotations

import io
import sys
import time

from PySide6.QtWidgets import QApplication

from workload_app.ui import application


def _cp1252_console(monkeypatch) -> io.BytesIO:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1252", write_through=True))
    return raw


def test_smoke_on_an_english_windows_console_reports_and_exits_0(window, monkeypatch):
    raw = _cp1252_console(monkeypatch)
    title = window.windowTitle()
    assert any(ord(c) > 0xFF for c in title)  # the title has Chinese: cp1252 cannot encode it
    assert application._smoke(QApplication.instance(), window) == 0
    line = raw.getvalue().decode("cp1252").strip()
    escaped = title.encode("cp1252", "backslashreplace").decode("cp1252")
    assert line == f"smoke: main window shown ({escaped})"


def test_exception_in_a_slot_ends_the_smoke_run_with_1(window, monkeypatch):
    raw = _cp1252_console(monkeypatch)
    hook = sys.excepthook

    def broken_title():
        raise RuntimeError("title unavailable")

    monkeypatch.setattr(window, "windowTitle", broken_title)
    started = time.monotonic()
    assert application._smoke(QApplication.instance(), window) == 1
    assert time.monotonic() - started < 30  # ended by the exception, not by the 120 s limit
    out = raw.getvalue().decode("cp1252")
    assert "smoke: FAILED: Traceback" in out
    assert "RuntimeError: title unavailable" in out
    assert sys.excepthook is hook  # the run's own hook is gone afterwards


def test_a_window_that_is_not_shown_fails_the_smoke_run(window, monkeypatch):
    raw = _cp1252_console(monkeypatch)
    monkeypatch.setattr(window, "isVisible", lambda: False)
    assert application._smoke(QApplication.instance(), window) == 1
    assert raw.getvalue().decode("cp1252").startswith("smoke: main window NOT shown (")
