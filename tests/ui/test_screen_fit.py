"""Issue 19.9: everything fits a 1366×768 office screen; the window remembers its size per screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
PROBE = Path(__file__).with_name("screen_probe.py")


def _probe(tmp_path: Path, db: Path, settings: Path, width: int, height: int, resize: str = "", lang="zh_CN"):
    config = tmp_path / f"screen-{width}x{height}.json"
    screen = {"name": f"office{width}", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [screen]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    done = subprocess.run(
        [sys.executable, str(PROBE), str(db), str(settings), lang, resize, ""],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # every view and dialog laid out in child processes
def test_window_and_dialogs_fit_1366x768_and_size_is_kept_per_screen(demo_db, tmp_path):
    db = Path(demo_db.conn.execute("PRAGMA database_list").fetchone()[2])
    demo_db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    settings = tmp_path / "settings"
    first = _probe(tmp_path, db, settings, 1366, 768, resize="1100x680")
    assert first["screen"] == [1366, 768]
    for name, v in first["views"].items():
        assert v["frame"][1] <= 768 and v["frame"][0] <= 1366, name
        assert v["status_bottom"] < 768, name  # the status bar is on the screen
        assert v["min_height"] <= 768 - 40, name
    for name, (height, bottom) in first["dialogs"].items():
        assert height <= 768 and bottom < 768, name
    # The same screen again: the size the user left; another screen: its own default.
    again = _probe(tmp_path, db, settings, 1366, 768)
    assert again["size"] == [1100, 680]
    large = _probe(tmp_path, db, settings, 1920, 1080)
    assert large["size"] == [1280, 800]
