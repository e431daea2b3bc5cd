"""Importing closed cases; import history and undo (the roster: ``roster_import``, re-exported here).

An import commits whole in one transaction or not at all; cancelling rolls it back. Without
``skip_invalid`` any bad row rejects the file; with it the good rows go in. Either way the reject
report lists every bad row. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workload_app.core import messages
from workload_app.core.problems import ImportRejected, Problem, WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress, wrap_progress
from workload_app.importing.cases import (
    choose_sheet,
    parse_chunk,
)
from workload_app.importing.headers import CASE_LABELS
from workload_app.importing.readers import RawSheet, read_file, stream_csv
from workload_app.importing.report import write_reject_report
from workload_app.importing.values import DEFAULT_AMOUNT_CEILING, DEFAULT_PAGE_CEILING, MAX_AMOUNT_CEILING
from workload_app.services import access, audit, figures, quality
from workload_app.services.case_rows import (
    CSV_SUFFIXES,
    Checker,
    DryRunDone,
    RowSource,
    match_roster,
    store_cases,
)
from workload_app.services.changes import Changes, Summary
from workload_app.services.import_files import _read, _sha256, roster_spelling  # noqa: F401 - importable here
from workload_app.services.roster_import import _undo_roster, import_judges  # noqa: F401 - importable here
from workload_app.storage import backups, derived
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


@dataclass
class ImportResult:
    file: str
    sheet: str = ""
    header_row: int = 0
    mapping: dict[str, str] = field(default_factory=dict)  # field -> header in the file
    unknown_headers: list[str] = field(default_factory=list)
    total: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    created_judges: list[str] = field(default_factory=list)
    batch_id: int | None = None
    committed: bool = False
    dry_run: bool = False
    report_path: Path | None = None
    skipped_footer: int = 0
    footer_rows: list[int] = field(default_factory=list)  # row numbers of the total lines skipped
    created_divisions: list[str] = field(default_factory=list)
    conflicts: list[Problem] = field(default_factory=list)  # cases stored for another judge/division
    reassigned: list[dict] = field(default_factory=list)  # conflicts applied (reassign=True)
    warnings: list[Problem] = field(default_factory=list)  # imported, worth a look (提示)

    def counts(self) -> dict[str, int]:
        return {
            "total": self.total,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
        }

    def summary_text(self, lang: str = messages.ZH, conflicts: bool = True) -> str:
        """What the import did, in ``lang``: the counts, the total lines skipped (never silently),
        the judges and divisions created, the conflicts (with how to reassign them from the
        command line; the wizard says it beside its own checkbox: ``conflicts=False``)."""
        state = (
            "import.state_dry"
            if self.dry_run
            else ("import.state_done" if self.committed else "import.state_not")
        )
        parts = [
            messages.render(
                "import.summary",
                {"file": self.file, "state": messages.Phrase(state), **self.counts()},
                lang,
            )
        ]
        if self.skipped_footer:
            rows = messages.Listing(self.footer_rows[:10]).render(lang) + (
                "…" if len(self.footer_rows) > 10 else ""
            )
            parts.append(
                messages.render("import.summary_footers", {"count": self.skipped_footer, "rows": rows}, lang)
            )
        if self.created_judges:
            names = messages.Listing(self.created_judges)
            parts.append(
                messages.render(
                    "import.summary_judges", {"count": len(self.created_judges), "names": names}, lang
                )
            )
        if self.created_divisions:
            names = messages.Listing(self.created_divisions)
            parts.append(
                messages.render(
                    "import.summary_divisions", {"count": len(self.created_divisions), "names": names}, lang
                )
            )
        if self.reassigned:
            parts.append(messages.render("import.summary_reassigned", {"count": len(self.reassigned)}, lang))
        elif self.conflicts and conflicts:
            parts.append(messages.render("import.summary_conflicts", {"count": len(self.conflicts)}, lang))
        return "".join(parts)


def default_report_path(path: Path, lang: str = messages.ZH) -> Path:
    """Beside the file, named in the user's language (``2月结案-问题报告.xlsx``)."""
    return path.with_name(messages.render("report.file_name", {"stem": path.stem}, lang))


def _as_typed(cell: object) -> str:
    """A cell as the user typed it in the spreadsheet: 374, not the 374.0 Excel stores; a date
    without a time of midnight."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        return cell.date().isoformat()
    return str(cell)


def preview(db: Database, path: Path, sheet: str | None = None, rows: int = 20) -> dict:
    """What the wizard shows before importing: sheets, detected header mapping and the first rows
    (of a CSV only its first chunk is read: a large export is never held whole for a preview)."""
    if path.suffix.lower() in CSV_SUFFIXES:
        sheets = [RawSheet(path.stem, next(iter(stream_csv(path)), []))]
    else:
        sheets = read_file(path)
    chosen, header = choose_sheet(sheets, sheet, _profile(db))
    body = chosen.rows[header.row_index + 1 : header.row_index + 1 + rows]
    head = ["" if h is None else str(h) for h in chosen.rows[header.row_index]]
    return {
        "sheets": [s.name for s in sheets],
        "sheet": chosen.name,
        "header_row": header.row_index + 1,
        "mapping": {f: header.labels[f] for f in header.columns},
        "unknown": header.unknown,
        "columns": head,
        "rows": [[_as_typed(c) for c in r] + [""] * (len(head) - len(r)) for r in body],
    }


def _profile(db: Database, name: str | None = None) -> dict[str, str]:
    profiles = repo.mapping_profiles(db)
    if name:
        if name not in profiles:
            raise WorkloadError("mapping.no_profile", name=name)
        return profiles[name]
    merged: dict[str, str] = {}
    for mapping in profiles.values():
        merged.update(mapping)
    return merged


def save_profile(db: Database, name: str, mapping: dict[str, str]) -> Changes:
    """Remember how a source system's unknown headers map onto our fields."""
    access.require(db, access.Action.SAVE_MAPPING)
    for header, field_name in mapping.items():
        if field_name not in CASE_LABELS:
            raise WorkloadError(
                "mapping.unknown_field", header=header, field=field_name, fields=", ".join(CASE_LABELS)
            )
    before = repo.mapping_profiles(db).get(name)
    with repo.transaction(db):
        repo.save_mapping_profile(db, name, mapping)
        audit.record(db, "import.profile", name, before=before, after=mapping)
    return Changes()


PAGE_CEILING_KEY = "page_ceiling"


@dataclass(frozen=True)
class PageCeilingSummary(Summary):
    before: int
    after: int


@dataclass(frozen=True)
class UndoSummary(Summary):
    """A case batch undone: cases it added removed, cases it changed restored."""

    removed: int
    restored: int


def page_ceiling(db: Database) -> int:
    """The most pages one count may have (卷宗/笔录/文书 each); above it a row is refused at import."""
    value = repo.get_meta(db, PAGE_CEILING_KEY)
    return int(value) if value else DEFAULT_PAGE_CEILING


def set_page_ceiling(db: Database, pages: int) -> Changes:
    """Change the court-wide page ceiling (管理员 only); audited."""
    access.require(db, access.Action.PAGE_CAP)
    if not 100 <= pages <= 10_000_000:
        raise WorkloadError("import.page_ceiling", pages=pages)
    before = page_ceiling(db)
    if pages == before:
        return Changes()
    with repo.transaction(db):
        repo.set_meta(db, PAGE_CEILING_KEY, str(pages))
        audit.record(db, "import.page_ceiling", "页数上限", before=before, after=pages)
    return Changes(summary=PageCeilingSummary(before, pages))


AMOUNT_CEILING_KEY = "amount_ceiling"


@dataclass(frozen=True)
class AmountCeilingSummary(Summary):
    before: int
    after: int


def amount_ceiling(db: Database) -> int:
    """The largest amount (yuan) one cell of 申请执行标的 / 执行到位金额 may hold at import."""
    value = repo.get_meta(db, AMOUNT_CEILING_KEY)
    return int(value) if value else DEFAULT_AMOUNT_CEILING


def set_amount_ceiling(db: Database, yuan: int) -> Changes:
    """Change the court-wide amount ceiling (管理员 only); audited."""
    access.require(db, access.Action.AMOUNT_CAP)
    if isinstance(yuan, bool) or not isinstance(yuan, int) or not 1 <= yuan <= MAX_AMOUNT_CEILING:
        raise WorkloadError("import.amount_ceiling", amount=yuan)
    before = amount_ceiling(db)
    if yuan == before:
        return Changes()
    with repo.transaction(db):
        repo.set_meta(db, AMOUNT_CEILING_KEY, str(yuan))
        audit.record(db, "import.amount_ceiling", "金额上限", before=before, after=yuan)
    return Changes(summary=AmountCeilingSummary(before, yuan))


def import_cases(
    db: Database,
    path: Path | str,
    *,
    sheet: str | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    create_judges: bool = False,
    create_divisions: bool = False,
    reassign: bool = False,
    report_path: Path | None = None,
    profile: str | None = None,
    user: str | None = None,
    today: dt.date | None = None,
    progress: ProgressCallback | None = None,
    lang: str = messages.ZH,
) -> ImportResult:
    """Import a case export. Raises ImportRejected (with every problem) when the file is refused.
    The problem report is written in ``lang`` (the user's language; its problems stay coded in the
    result, for the caller to show in its own).

    A case already stored for another judge or division is a conflict: listed (problems, report)
    and left as stored unless ``reassign``; applied, each move is recorded in the audit trail. A
    division not on the roster is a row problem unless ``create_divisions``; total lines skipped
    are counted and listed (``skipped_footer``, ``footer_rows``, the summary and the report).

    The rows are read in chunks, twice: once to check every row (nothing kept but the problems and
    the rejected rows), once to store them. A CSV is streamed (``stream_csv``), so a large export
    takes the memory of a chunk, not of the whole file (a 50 MB CSV imports within 400 MB)."""
    who = access.require(db, access.Action.IMPORT_CASES)
    path = Path(path)
    progress = progress or no_progress
    today = today or dt.date.today()
    result = ImportResult(file=path.name, dry_run=dry_run)
    progress(0.0, messages.Coded("progress.read_file", file=path.name))
    source = RowSource(path, sheet, _profile(db, profile))
    header = source.header
    result.sheet, result.header_row = source.name, header.row_index + 1
    result.mapping = {f: header.labels[f] for f in header.columns}
    result.unknown_headers = header.unknown
    check = Checker(db, result, header, path.name, create_judges, create_divisions, reassign)
    limits = {"page_ceiling": page_ceiling(db), "amount_ceiling": amount_ceiling(db)}
    seen: dict[str, int] = {}
    step = wrap_progress(progress, 0.25, 0.55)
    for first, rows in source.chunks():
        step(source.fraction(first), messages.Coded("progress.check_row", row=first + 1))
        parsed = parse_chunk(rows, first, header, path.name, today, seen, **limits)
        check.chunk(parsed, rows, first)
    del seen
    problems = check.finish()
    result.rejected = len(check.bad_rows)
    # a check (dry run) writes no file unless asked to: the window offers to save the problems
    if (problems or (result.footer_rows and report_path)) and (report_path is not None or not dry_run):
        target = report_path or default_report_path(path, lang)
        try:
            result.report_path = write_reject_report(
                target,
                problems,
                check.bad_rows | check.held_rows,
                source.header_cells,
                tuple(check.footers),
                lang,
            )
        except OSError:
            result.report_path = None
    if check.errors and not skip_invalid:
        report = WorkloadError("import.report_at", path=result.report_path) if result.report_path else ""
        raise ImportRejected(
            "import.rows_rejected", problems, file=path.name, count=result.rejected, report=report
        )

    step = wrap_progress(progress, 0.55, 1.0)
    if not dry_run:
        step(0.0, messages.Coded("progress.backup"))

    def records() -> Iterator[list[dict]]:
        """The good rows again, chunk by chunk, as the first pass read them."""
        again: dict[str, int] = {}
        spelling = roster_spelling(set(repo.judge_ids(db)))
        for first, rows in source.chunks():
            step(0.05 + 0.9 * source.fraction(first), messages.Coded("progress.write"))
            parsed = parse_chunk(rows, first, header, path.name, today, again, **limits)
            match_roster(parsed.records, spelling)
            yield [
                r
                for r in parsed.records
                if r["_row"] not in check.bad_rows and r["_row"] not in check.held_rows
            ]

    with backups.before_change(db, "before-import", skip=dry_run):  # kept only if it changed anything
        try:
            store_cases(db, result, records, check.unknown, set(header.columns), path, user or who.name, step)
        except DryRunDone:
            pass
    if not dry_run:
        quality.keep_court_dates(db)
    progress(1.0, messages.Coded("progress.done"))
    return result


def import_history(db: Database) -> list[dict]:
    access.require(db, access.Action.IMPORT_HISTORY)
    return repo.batches(db)


def undo_import(db: Database, batch_id: int, user: str | None = None) -> Changes:
    """Remove what a batch added and restore what it changed."""
    access.require(db, access.Action.UNDO_IMPORT)
    b = repo.batch(db, batch_id)
    if b is None:
        raise WorkloadError("undo.no_batch", batch=batch_id)
    if b["undone_at"]:
        raise WorkloadError("undo.already_undone", batch=batch_id, at=b["undone_at"])
    later = repo.later_batches_touching(db, batch_id)
    if later:
        raise WorkloadError("undo.cases_later", batch=batch_id, later=messages.Listing(later))
    if b["kind"] == "judges":
        return _undo_roster(db, b)
    with backups.before_change(db, "before-undo"), repo.transaction(db):
        touched = figures.before_change(db, derived.batch_case_ids(db, batch_id))
        counts = repo.undo_batch(db, batch_id)
        audit.record(db, "import.undo", f"第 {batch_id} 批：{b['file_name']}", before=b, after=counts)
        figures.update(db, touched)  # the figures of the cases put back or removed
    quality.keep_court_dates(db)
    return Changes(cases=True, results=True, summary=UndoSummary(**counts))
