"""Issue 16 split modules over 600 lines; issue 27 made the limit a report: split where an idea
ends, not where a count does. ``module_sizes`` lists the longest modules, and the run prints the
program's (``pytest -s tests/ui/test_module_size.py``, or ``python -m tests.ui.test_module_size``)."""

from __future__ import annotations

from pathlib import Path

import workload_app

REPORTED = 600  # modules above this are named in the report as worth a look, not refused


def module_sizes(root: Path, top: int = 10) -> list[tuple[str, int]]:
    """The ``top`` longest modules under ``root``: (path, lines), longest first, ties by path."""
    sizes = [
        (p.relative_to(root).as_posix(), len(p.read_text(encoding="utf-8").splitlines()))
        for p in root.rglob("*.py")
    ]
    return sorted(sizes, key=lambda s: (-s[1], s[0]))[:top]


def report(root: Path, top: int = 10) -> str:
    lines = [f"The {top} longest modules (over {REPORTED} lines marked *):"]
    lines += [f"{'*' if n > REPORTED else ' '} {n:5d}  {path}" for path, n in module_sizes(root, top)]
    return "\n".join(lines)


def test_the_report_lists_the_longest_modules_first(tmp_path):
    (tmp_path / "ui").mkdir()
    (tmp_path / "a.py").write_text("x = 1\n" * 3, encoding="utf-8")
    (tmp_path / "ui" / "big.py").write_text("x = 1\n" * 700, encoding="utf-8")
    (tmp_path / "c.py").write_text("x = 1\n" * 12, encoding="utf-8")
    (tmp_path / "d.py").write_text("x = 1\n" * 12, encoding="utf-8")
    assert module_sizes(tmp_path, top=3) == [("ui/big.py", 700), ("c.py", 12), ("d.py", 12)]
    assert report(tmp_path, top=2).splitlines() == [
        f"The 2 longest modules (over {REPORTED} lines marked *):",
        "*   700  ui/big.py",
        "     12  c.py",
    ]


def test_the_program_s_longest_modules_are_reported(capsys):
    text = report(Path(workload_app.__file__).parent)
    with capsys.disabled():
        print("\n" + text)
    assert len(text.splitlines()) == 11


def test_the_main_window_keeps_its_parts_and_their_texts_translate():
    from workload_app.ui.main_window import MainWindow
    from workload_app.ui.window_menus import WindowMenus
    from workload_app.ui.window_nav import WindowNavigation
    from workload_app.ui.window_store import WindowStore

    assert {WindowNavigation, WindowMenus, WindowStore} < set(MainWindow.__mro__)
    for name in (
        "import_cases",
        "open_database",
        "connect_server",
        "restore_backup",
        "log_out",
        "view_titled",
    ):
        assert callable(getattr(MainWindow, name))


if __name__ == "__main__":
    print(report(Path(workload_app.__file__).parent))
