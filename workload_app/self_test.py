"""``workload-app --self-test``: the installation check of a bundle beyond the window.

On a throwaway database in a temporary folder: the demo court (small), one year of its cases
written to an .xlsx as a court's system would deliver them with one case's page count changed,
that file imported (calamine reads it), the year computed, the judge sheets of that case's
division written as PDF by two worker processes (reportlab with the bundled CJK font; on Windows
the bundle's own program is spawned as a worker) and that judge's sheet read back (pypdf): the
judge's name, credited standard cases and completion on it must be the figures the tally gives. Each step says what it did;
the first that fails ends the run with its reason and exit status 1. Nothing outside the temporary
folder is touched (the user's own database is never opened).
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

CASES_PER_YEAR = 300  # enough for every division and post; seconds even under an emulator
SEED = 2025


class SelfTestFailed(Exception):
    """A step's result is not what it must be."""


def say(text: str, stream=None) -> None:
    """Print one line that cannot fail: a console whose code page lacks Chinese (cp1252, cp437)
    gets escapes instead of an exception; a windowed program without a console prints nothing."""
    stream = stream if stream is not None else sys.stdout
    if stream is None:
        return
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding) + "\n")
    try:
        stream.flush()
    except (OSError, ValueError):
        pass


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailed(what)


def _printable(tally):
    """The judges who get a sheet (services.sheets prints those with a quota or a case)."""
    return tally[tally["quota"].notna() | (tally["cases"] > 0)]


def _largest_division(tally) -> str:
    """The division with the most sheets: more than four, so that they are printed by a pool."""
    counts = _printable(tally)["division"].value_counts()
    _expect(counts.iloc[0] > 4, f"示范法院最大的部门只有 {counts.iloc[0]} 名法官")
    return str(counts.index[0])


def _steps(folder: Path, report: Callable[[str], None], workers: int) -> None:
    import pypdf

    from workload_app.core import demo_court
    from workload_app.services import exports
    from workload_app.services.demo import create_demo
    from workload_app.services.imports import import_cases
    from workload_app.services.session import close_db, open_db
    from workload_app.services.sheets import export_sheets
    from workload_app.services.standard_cases import compute_year

    db = open_db(folder / "self-test.sqlite")
    from workload_app.services import access

    access.bind_local_operator(db)  # the self-test's own file, without accounts
    try:
        create_demo(db, SEED, CASES_PER_YEAR)
        year = demo_court.YEARS[-1]
        report(f"示范法院：{year} 年度 {CASES_PER_YEAR} 件结案（SQLite）")

        table = exports.case_table(db, year)
        _expect(
            len(table) == CASES_PER_YEAR, f"示范法院 {year} 年应有 {CASES_PER_YEAR} 件，实有 {len(table)} 件"
        )
        division = _largest_division(exports.tally_table(db, year))
        row = table.index[(table["division"] == division) & table["file_pages"].notna()][0]
        changed_case, judge = table.at[row, "case_number"], str(table.at[row, "judge"])
        table.at[row, "file_pages"] = int(table.at[row, "file_pages"]) + 37
        xlsx = exports.write_table(table, folder / "结案案件.xlsx")
        result = import_cases(db, xlsx)
        _expect(
            (result.new, result.updated, result.unchanged) == (0, 1, CASES_PER_YEAR - 1),
            f"导入 {xlsx.name}：应为新增 0、更新 1、未变 {CASES_PER_YEAR - 1}，实为 {result.summary_text()}",
        )
        report(f"导入 {xlsx.name}（calamine）：更新 1 件（{changed_case}），未变 {CASES_PER_YEAR - 1} 件")

        computed = compute_year(db, year).summary
        _expect(
            computed.cases == CASES_PER_YEAR,
            f"计算 {year} 年度：应为 {CASES_PER_YEAR} 件，实为 {computed.cases} 件",
        )
        report(f"计算 {year} 年度标准案件：{computed.cases} 件")

        # the division's sheets on worker processes (as the window prints them, two): the bundle's
        # own program must start as a worker on Windows, where processes are spawned
        tally = exports.tally_table(db, year)
        members = _printable(tally)
        members = members[members["division"] == division]
        paths = export_sheets(db, year, 12, "judge", folder / "sheets", division=division, workers=workers)
        _expect(len(paths) == len(members), f"{division}：应有 {len(members)} 份考核表，实有 {len(paths)} 份")
        sheet = next((p for p in paths if judge in p.name), None)
        _expect(sheet is not None and sheet.stat().st_size > 0, f"{judge} 的考核表 PDF 未生成")
        text = "".join(page.extract_text() for page in pypdf.PdfReader(sheet).pages)
        mine = tally[tally["judge"] == judge].iloc[0]
        for label, shown in (
            ("法官", judge),
            ("审判标准案件", f"{mine['sc_trial'] + mine['sc_enforcement']:.2f}"),
            ("完成率", f"{mine['completion']:.1%}"),
        ):
            _expect(shown in text, f"考核表 {sheet.name} 中没有{label}「{shown}」")
        report(
            f"考核表 PDF（reportlab，{workers} 个进程）：{division} {len(paths)} 份；读回 {judge} 的"
            f"（pypdf，{sheet.stat().st_size} 字节），数字与汇总一致"
        )
    finally:
        close_db(db)


def run(stream=None, workers: int = 2) -> int:
    """Run every step; 0 when all passed, 1 at the first failure (its reason printed). ``workers``:
    the processes that print the sheets (1: none beside this one)."""
    started = time.monotonic()

    def report(text: str) -> None:
        say(f"self-test: {text}", stream)

    try:
        with tempfile.TemporaryDirectory(prefix="workload-self-test-") as tmp:
            _steps(Path(tmp), report, max(1, workers))
    except SelfTestFailed as exc:
        report(f"失败：{exc}")
        return 1
    except Exception:  # any error in the bundle (a missing module, DLL or font) is the finding
        report("失败：" + traceback.format_exc())
        return 1
    report(f"通过（{time.monotonic() - started:.1f} 秒）")
    return 0
