"""A month imported into a year, then the tally read: incremental figures against the old full
recomputation (issue 32), measured side by side on copies of one generated court.

    python -m benchmarks.bench_incremental [--cases 100000] [--month 2000] [--repeat 2]

- incremental: ``import_cases`` (which now brings the figures up to date in its transaction:
  the touched type-code groups recomputed, only changed rows written, the credit table summed
  again) then ``court_tally``.
- full (the old way): the same import storing the cases and marking the figures stale, as it did
  before, then the whole year computed again (what the first reader did, ``_compute_year``)
  and ``court_tally``.
- scan: SQLite's own scan of the year's engine columns, the floor.

Never part of the test suite; ratios matter, not absolute seconds.
"""

from __future__ import annotations

import argparse
import csv
import gc
import re
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.data import demo_database, open_as_operator
from workload_app.core import demo_court
from workload_app.services import figures
from workload_app.services import standard_cases as S
from workload_app.services.imports import import_cases
from workload_app.storage import repository as repo

YEAR = demo_court.YEARS[-1]
HEADINGS = [
    "案号",
    "案由",
    "承办人",
    "承办部门",
    "立案日期",
    "结案日期",
    "结案方式",
    "适用程序",
    "卷宗页数",
    "庭审笔录页数",
    "裁判文书页数",
    "合议庭成员",
    "廉政监察员审批",
]


def month_file(cases_per_year: int, rows: int, folder: Path) -> Path:
    """``rows`` new cases closed in December of the demo's last year, by the demo's own judges
    (the court of the same seed), with case numbers the court does not have yet."""
    court = demo_court.generate(seed=1, cases_per_year=cases_per_year)
    cases = court.cases
    cases = cases[cases["closed_on"].notna() & (cases["closed_on"].dt.year == YEAR)].head(rows)
    path = folder / "month.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(HEADINGS)
        for i, r in enumerate(cases.itertuples()):
            # the year's number with a serial the court does not have yet (800000 + i)
            number = re.sub(r"\d+号$", f"{800_000 + i}号", re.sub(r"^\(\d{4}\)", f"({YEAR})", r.case_number))
            approved = "" if r.approved is None else ("是" if r.approved else "否")
            pages = ["" if p != p else int(p) for p in (r.file_pages, r.transcript_pages, r.judgment_pages)]
            closed = f"{YEAR}-12-{1 + i % 28:02d}"
            filed = f"{YEAR}-06-{1 + i % 28:02d}"
            out.writerow(
                [number, r.cause, r.judge, r.division, filed, closed, r.closing_method, r.procedure, *pages]
                + [r.panel or "", approved]
            )
    return path


def scan(db_path: Path) -> float:
    conn = sqlite3.connect(db_path)
    t = time.perf_counter()
    conn.execute(
        "SELECT COUNT(*), SUM(file_pages), SUM(transcript_pages), SUM(judgment_pages), "
        "COUNT(DISTINCT type_code), COUNT(DISTINCT cause), COUNT(DISTINCT closing_method) "
        "FROM cases WHERE closed_year = ?",
        (YEAR,),
    ).fetchone()
    seconds = time.perf_counter() - t
    conn.close()
    return seconds


IMPORTED: dict[str, int] = {}


def _old_update(db, touched) -> None:
    """What an import did before: the figures only marked stale."""
    repo.bump_cases_version(db)


STEP: dict[str, float] = {}  # the figures' own part of each way, best run


def _timed_update(update):
    def run(db, touched) -> None:
        t = time.perf_counter()
        update(db, touched)
        STEP["now"] = STEP.get("now", 0.0) + time.perf_counter() - t

    return run


def run_once(source: Path, month: Path, folder: Path, way: str) -> float:
    copy = folder / f"{way}.sqlite"
    shutil.copy(source, copy)
    db = open_as_operator(copy)
    kept = figures.update
    try:
        S.forget_cached()
        gc.collect()
        STEP["now"] = 0.0
        figures.update = _timed_update(_old_update if way == "full" else kept)  # type: ignore[assignment]
        t = time.perf_counter()
        result = import_cases(db, month, skip_invalid=True, report_path=folder / f"{way}-report.xlsx")
        figures.update = kept  # type: ignore[assignment]
        if way == "full":
            u = time.perf_counter()
            S._compute_year(db, YEAR)  # the first reader recomputed the whole year
            STEP["now"] += time.perf_counter() - u
        u = time.perf_counter()
        tally = S.court_tally(db, YEAR)
        STEP["now"] += time.perf_counter() - u
        seconds = time.perf_counter() - t
        STEP[way] = min(STEP.get(way, float("inf")), STEP["now"])
        assert result.new > 0 and len(tally) > 0
        IMPORTED[way] = result.new
        return seconds
    finally:
        figures.update = kept  # type: ignore[assignment]
        db.conn.close()
        copy.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--month", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    source = demo_database(args.cases)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        month = month_file(args.cases, args.month, folder)
        best = {
            way: min(run_once(source, month, folder, way) for _ in range(args.repeat))
            for way in ("incremental", "full")
        }
        floor = min(scan(source) for _ in range(3))
    print(
        f"{args.month}-case month ({IMPORTED['incremental']} new cases stored) into a "
        f"{args.cases}-case year ({YEAR}), import + fresh tally:"
    )
    print(f"  SQLite scan of the year          {floor:8.3f} s")
    print(f"  full recompute (the old way)     {best['full']:8.3f} s  = {best['full'] / floor:6.1f} × scan")
    print(
        f"  incremental                      {best['incremental']:8.3f} s  = "
        f"{best['incremental'] / floor:6.1f} × scan"
    )
    print(f"  full ÷ incremental               {best['full'] / best['incremental']:8.2f} ×")
    print("  the figures' part alone (the import's own reading and storing left out):")
    print(f"    full recompute + tally         {STEP['full']:8.3f} s  = {STEP['full'] / floor:6.1f} × scan")
    print(
        f"    incremental update + tally     {STEP['incremental']:8.3f} s  = {STEP['incremental'] / floor:6.1f} × scan"
    )
    print(f"    full ÷ incremental             {STEP['full'] / STEP['incremental']:8.2f} ×")


if __name__ == "__main__":
    main()
