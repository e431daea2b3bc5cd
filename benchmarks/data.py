"""Generated data for the benchmarks: the demo court scaled to N closed cases per year."""

from __future__ import annotations

import time
from pathlib import Path

from workload_app.core import demo_court
from workload_app.services import access
from workload_app.services.demo import create_demo
from workload_app.storage.db import open_db

CACHE = Path(__file__).resolve().parent / ".data"


def open_as_operator(path, **kwargs):
    """The store at ``path`` acting as the local operator (a benchmark runs as the court's own
    operator; a handle with nobody bound acts for nobody)."""
    db = open_db(path, **kwargs)
    access.bind_local_operator(db)
    return db


def demo_database(cases_per_year: int) -> Path:
    """A demo database with ``cases_per_year`` closed cases in each of two years (cached on disk)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"demo-{cases_per_year}.sqlite"
    if not path.exists():
        t = time.perf_counter()
        db = open_as_operator(path)
        create_demo(db, seed=1, cases_per_year=cases_per_year)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.close()
        print(f"  (generated {path.name} in {time.perf_counter() - t:.1f} s)")
    return path


def export_xlsx(rows: int) -> Path:
    """An .xlsx shaped like a court system's export, with a title row, ``rows`` closed cases."""
    import openpyxl

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"export-{rows}.xlsx"
    if path.exists():
        return path
    court = demo_court.generate(seed=3, cases_per_year=rows // 2 + 1)
    cases = court.cases[court.cases["closed_on"].notna()].head(rows)
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("结案案件")
    ws.append(["2024—2025年结案案件（审判流程管理系统导出）"])
    ws.append(
        [
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
    )
    for r in cases.itertuples():
        approved = "" if r.approved is None else ("是" if r.approved else "否")
        pages = ["" if p != p else int(p) for p in (r.file_pages, r.transcript_pages, r.judgment_pages)]
        ws.append(
            [
                r.case_number,
                r.cause,
                r.judge,
                r.division,
                r.filed_on.date(),
                r.closed_on.date(),
                r.closing_method,
                r.procedure,
                *pages,
                r.panel,
                approved,
            ]
        )
    book.save(path)
    return path


def month_xlsx(cases_per_year: int, rows: int = 20_000) -> Path:
    """A month's export of ``rows`` cases new to the ``cases_per_year`` demo: its own cases closed
    in November 2025 (the same judges, divisions, panels and pages), each under a case number the
    demo does not have (its number with 之九: a serial may have 7 digits, no more), as the court
    system exports them."""
    import openpyxl

    from workload_app.storage import repository as repo

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"month-{cases_per_year}-{rows}.xlsx"
    if path.exists():
        return path
    db = open_as_operator(demo_database(cases_per_year))
    cases = repo.load_cases(db, closed_year=2025)
    db.conn.close()
    cases = cases[cases["closed_month"] == 11]
    if len(cases) < rows:
        raise ValueError(f"the {cases_per_year:,} demo closes {len(cases):,} cases in November, not {rows:,}")
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("结案案件")
    ws.append(["2025年11月结案案件（审判流程管理系统导出）"])
    ws.append(
        [
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
    )
    for r in cases.head(rows).itertuples():
        number = f"{r.case_number}之九"
        approved = "" if r.approved is None or r.approved != r.approved else ("是" if r.approved else "否")
        pages = ["" if p != p else int(p) for p in (r.file_pages, r.transcript_pages, r.judgment_pages)]
        ws.append(
            [
                number,
                r.cause,
                r.judge,
                r.division,
                r.filed_on,
                r.closed_on,
                r.closing_method,
                "" if r.procedure != r.procedure or r.procedure is None else r.procedure,
                *pages,
                "" if r.panel != r.panel or r.panel is None else r.panel,
                approved,
            ]
        )
    book.save(path)
    return path
