"""Peak memory of importing a large CSV export (issue 26: a 50 MB CSV within 400 MB).

    PYTHONPATH=. python -m benchmarks.import_memory [MB] [--dry-run]

Writes a CSV of about MB megabytes (UTF-8, shaped like a court system's export: 13 columns, one
closed case a row), a roster of 60 judges, imports the file into a fresh SQLite database and
prints the rows, the seconds and the process's peak resident memory (ru_maxrss), which includes
the interpreter, pandas and Qt-free imports (about 100 MB before any row is read)."""

from __future__ import annotations

import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

DIVISIONS = ("民事审判第一庭", "民事审判第二庭", "刑事审判庭", "行政审判庭")
CAUSES = ("民间借贷纠纷", "买卖合同纠纷", "离婚纠纷", "机动车交通事故责任纠纷", "劳动争议", "盗窃罪")
HEAD = "案号,案由,承办人,承办部门,立案日期,结案日期,结案方式,适用程序,卷宗页数,庭审笔录页数,裁判文书页数,合议庭成员,备注\n"


def judges() -> list[tuple[str, str]]:
    return [(f"法官{i:02d}", DIVISIONS[i % len(DIVISIONS)]) for i in range(60)]


def write_csv(path: Path, megabytes: float) -> int:
    target = int(megabytes * 1_000_000)
    people = judges()
    start = dt.date(2024, 1, 1)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEAD)
        size = len(HEAD.encode())
        while size < target:
            rows += 1
            name, division = people[rows % len(people)]
            filed = start + dt.timedelta(days=rows % 300)
            closed = filed + dt.timedelta(days=20 + rows % 60)
            line = (
                f"(2024)渝0106民初{rows}号,{CAUSES[rows % len(CAUSES)]},{name},{division},{filed.isoformat()},"
                f"{closed.isoformat()},判决,普通程序,{50 + rows % 200},{rows % 12},{2 + rows % 9},"
                f"{people[(rows + 1) % 60][0]}、{people[(rows + 2) % 60][0]},\n"
            )
            f.write(line)
            size += len(line.encode())
    return rows


def main() -> None:
    from benchmarks.data import open_as_operator
    from workload_app.services.imports import import_cases, import_judges

    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else 50.0
    dry_run = "--dry-run" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "结案.csv"
        rows = write_csv(csv_path, megabytes)
        roster = folder / "名册.csv"
        roster.write_text(
            "姓名,部门,职务,类别,入额日期\n"
            + "".join(f"{n},{d},审判员,审判,2018-01-01\n" for n, d in judges()),
            encoding="utf-8",
        )
        db = open_as_operator(folder / "w.sqlite")
        import_judges(db, roster)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        result = import_cases(db, csv_path, dry_run=dry_run, today=dt.date(2025, 6, 30))
        seconds = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size = csv_path.stat().st_size / 1e6
        print(
            f"{size:.1f} MB CSV, {rows:,} rows: new {result.new:,}, {seconds:.1f} s; "
            f"peak RSS {peak:.0f} MB (before the import {before:.0f} MB)"
        )


if __name__ == "__main__":
    main()
