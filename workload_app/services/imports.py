"""Importing closed cases; import history and undo (the roster: ``roster_import``, re-exported here).

An import commits whole in one transaction or not at all; cancelling rolls it back. Without
``skip_invalid`` any bad row rejects the file; with it the good rows go in. Either way the reject
report lists every bad row. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workload_app.core import case_schema, messages
from workload_app.core.problems import ImportRejected, Problem, WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress, wrap_progress
from workload_app.core.text import folded_name_key, name_key
from workload_app.importing.cases import (
    check_duplicate_columns,
    check_required_columns,
    choose_sheet,
    parse_chunk,
    row_for_report,
    unknown_judge_problems,
)
from workload_app.importing.headers import CASE_LABELS
from workload_app.importing.readers import CSV_CHUNK_ROWS, RawSheet, read_file, stream_csv
from workload_app.importing.report import write_reject_report
from workload_app.importing.values import DEFAULT_AMOUNT_CEILING, DEFAULT_PAGE_CEILING, MAX_AMOUNT_CEILING
from workload_app.services import access, audit
from workload_app.services.changes import Changes, Summary
from workload_app.services.import_files import _read, _sha256, roster_spelling  # noqa: F401 - importable here
from workload_app.services.roster_import import _undo_roster, import_judges  # noqa: F401 - importable here
from workload_app.storage import backups
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

    def counts(self) -> dict[str, int]:
        return {
            "total": self.total,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
        }

    def summary_text(self, lang: str = messages.ZH) -> str:
        """What the import did, in ``lang``: the counts, the total lines skipped (never silently),
        the judges and divisions created, the conflicts."""
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
        elif self.conflicts:
            parts.append(messages.render("import.summary_conflicts", {"count": len(self.conflicts)}, lang))
        return "".join(parts)


def default_report_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-问题报告.xlsx")


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
        "rows": [[("" if c is None else str(c)) for c in r] + [""] * (len(head) - len(r)) for r in body],
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
    access.require(db, access.COURT_WIDE, "保存表头映射方案")
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


def _store_row(
    rec: dict, judge_id: int, division_id: int | None, existing: dict | None, present: set[str]
) -> dict:
    """The stored form of a record; fields the file does not carry keep their stored values."""
    closed = rec.get("closed_on")
    row = {
        "case_number": rec["case_number"],
        "year": rec["year"],
        "court": rec["court"],
        "type_code": rec["type_code"],
        "category": rec["category"],
        "instance": rec["instance"],
        "judge_id": judge_id,
        "division_id": division_id,
    }
    for f in (
        "cause",
        "procedure",
        "closing_method",
        "file_pages",
        "transcript_pages",
        "judgment_pages",
        "panel",
    ):
        row[f] = rec.get(f)
    row["filed_on"] = rec["filed_on"].isoformat() if rec.get("filed_on") else None
    row["closed_on"] = closed.isoformat() if closed else None
    row["closed_year"] = closed.year if closed else None
    row["closed_month"] = closed.month if closed else None
    approved = rec.get("approved")
    row["approved"] = None if approved is None else int(approved)
    _store_quality(rec, row, existing)
    if existing is not None:
        for f, source in _KEPT_WHEN_ABSENT.items():
            if source not in present:
                row[f] = existing[f]
        if "division" not in present and existing["judge_id"] == judge_id:
            row["division_id"] = existing["division_id"]
    return row


# Stored field -> the column it comes from; a column missing from the file leaves the field as stored.
_KEPT_WHEN_ABSENT = case_schema.KEPT_WHEN_ABSENT


PAGE_CEILING_KEY = "page_ceiling"
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


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
    access.require(db, (access.ADMIN,), "修改页数上限")
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
    access.require(db, (access.ADMIN,), "修改金额上限")
    if isinstance(yuan, bool) or not isinstance(yuan, int) or not 1 <= yuan <= MAX_AMOUNT_CEILING:
        raise WorkloadError("import.amount_ceiling", amount=yuan)
    before = amount_ceiling(db)
    if yuan == before:
        return Changes()
    with repo.transaction(db):
        repo.set_meta(db, AMOUNT_CEILING_KEY, str(yuan))
        audit.record(db, "import.amount_ceiling", "金额上限", before=before, after=yuan)
    return Changes(summary=AmountCeilingSummary(before, yuan))


def _match_roster(records: list[dict], spelling: dict[str, str]) -> None:
    """Judges and panel members written with zero-width characters, full-width spaces or another
    middle dot become the roster's spelling; names the roster lacks keep one spelling per key."""
    for r in records:
        key = name_key(r["judge"])
        r["judge"] = spelling.setdefault(key, r["judge"])
        if r.get("panel"):
            members = [spelling.get(name_key(m), m) for m in r["panel"].split("、")]
            r["panel"] = "、".join(dict.fromkeys(members))


def _conflicts(
    db: Database, records: list[dict], present: set[str], file_label: str, judge_column: str
) -> tuple[list[Problem], list[dict]]:
    """Cases already stored for one judge or division arriving for another: a problem for each, and
    what changing them would do (case number, from, to)."""
    existing = repo.existing_case_rows(db, [r["case_number"] for r in records])
    if not existing:
        return [], []
    judges = repo.judges_frame(db)
    judge_name = dict(zip(judges["id"], judges["name"], strict=True))
    judge_division = dict(zip(judges["name"], judges["division"], strict=True))
    division_name = {v: k for k, v in repo.division_ids(db).items()}
    problems, moves = [], []
    for r in records:
        old = existing.get(r["case_number"])
        if old is None:
            continue
        old_judge = judge_name.get(old["judge_id"])
        old_division = division_name.get(old["division_id"])
        new_division = r.get("division") or judge_division.get(r["judge"]) or old_division
        judge_moves = old_judge != r["judge"]
        division_moves = "division" in present and (new_division or None) != (old_division or None)
        if not judge_moves and not division_moves:
            continue
        moves.append(
            {
                "case_number": r["case_number"],
                "row": r["_row"],
                "from_judge": old_judge,
                "from_division": old_division,
                "to_judge": r["judge"],
                "to_division": new_division if "division" in present or judge_moves else old_division,
            }
        )
        problems.append(
            Problem(
                "reassign_conflict",
                f"案件已导入给 {old_judge or '？'}（{old_division or '无部门'}），本文件写的是 "
                f"{r['judge']}（{new_division or '无部门'}）：未改动；确认改派请用 --reassign 或在导入向导中勾选「按本文件改派」",
                r["_row"],
                judge_column,
                r["case_number"],
                file_label,
            )
        )
    return problems, moves


def _store_quality(rec: dict, row: dict, existing: dict | None) -> None:
    """Time limits, appeal and enforcement amounts (migration 9); an outcome is dated when it first arrives."""
    for f in repo.QUALITY_FIELDS:
        row[f] = rec.get(f)
    if rec.get("appealed") is not None:
        row["appealed"] = int(rec["appealed"])
    result = rec.get("appeal_result")
    if existing is not None and existing.get("appeal_result") == result:
        row["appeal_recorded_on"] = existing.get("appeal_recorded_on")
    elif result is not None:
        row["appeal_recorded_on"] = dt.date.today().isoformat()


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
) -> ImportResult:
    """Import a case export. Raises ImportRejected (with every problem) when the file is refused.

    A case already stored for another judge or division is a conflict: listed (problems, report)
    and left as stored unless ``reassign``; applied, each move is recorded in the audit trail. A
    division not on the roster is a row problem unless ``create_divisions``; total lines skipped
    are counted and listed (``skipped_footer``, ``footer_rows``, the summary and the report).

    The rows are read in chunks, twice: once to check every row (nothing kept but the problems and
    the rejected rows), once to store them. A CSV is streamed (``stream_csv``), so a large export
    takes the memory of a chunk, not of the whole file (a 50 MB CSV imports within 400 MB)."""
    who = access.require(db, access.COURT_WIDE, "导入案件")
    path = Path(path)
    progress = progress or no_progress
    today = today or dt.date.today()
    result = ImportResult(file=path.name, dry_run=dry_run)
    progress(0.0, f"读取 {path.name}")
    source = _RowSource(path, sheet, _profile(db, profile))
    header = source.header
    result.sheet, result.header_row = source.name, header.row_index + 1
    result.mapping = {f: header.labels[f] for f in header.columns}
    result.unknown_headers = header.unknown
    check = _Checker(db, result, header, path.name, create_judges, create_divisions, reassign)
    limits = {"page_ceiling": page_ceiling(db), "amount_ceiling": amount_ceiling(db)}
    seen: dict[str, int] = {}
    step = wrap_progress(progress, 0.25, 0.55)
    for first, rows in source.chunks():
        step(source.fraction(first), f"校验第 {first + 1} 行")
        parsed = parse_chunk(rows, first, header, path.name, today, seen, **limits)
        check.chunk(parsed, rows, first)
    del seen
    problems = check.finish()
    result.rejected = len(check.bad_rows)
    if problems or (result.footer_rows and report_path):
        target = report_path or default_report_path(path)
        try:
            result.report_path = write_reject_report(
                target, problems, check.bad_rows | check.held_rows, source.header_cells, tuple(check.footers)
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
        step(0.0, "备份数据库")

    def records() -> Iterator[list[dict]]:
        """The good rows again, chunk by chunk, as the first pass read them."""
        again: dict[str, int] = {}
        spelling = roster_spelling(set(repo.judge_ids(db)))
        for first, rows in source.chunks():
            step(0.05 + 0.9 * source.fraction(first), "写入数据库")
            parsed = parse_chunk(rows, first, header, path.name, today, again, **limits)
            _match_roster(parsed.records, spelling)
            yield [
                r
                for r in parsed.records
                if r["_row"] not in check.bad_rows and r["_row"] not in check.held_rows
            ]

    with backups.before_change(db, "before-import", skip=dry_run):  # kept only if it changed anything
        try:
            _store(db, result, records, check.unknown, set(header.columns), path, user or who.name, step)
        except _DryRunDone:
            pass
    if not dry_run:
        from workload_app.services.standard_cases import refresh_on_server

        refresh_on_server(db)  # on the court server: figures fresh for restricted logins at once
    progress(1.0, "完成")
    return result


class _RowSource:
    """The chosen sheet's rows, chunk by chunk, as often as asked: a CSV streamed from the file, a
    workbook's sheet (read whole by its reader) in slices."""

    def __init__(self, path: Path, sheet: str | None, profile: dict[str, str]) -> None:
        self.path = path
        self.csv = path.suffix.lower() in CSV_SUFFIXES
        try:
            if self.csv:
                first = next(iter(_stream(path)), [])
                sheets = [RawSheet(path.stem, first[:60])]
            else:
                sheets = _read(path)
            chosen, header = choose_sheet(sheets, sheet, profile)
            check_required_columns(header)
            check_duplicate_columns(header)
        except ImportRejected as exc:
            if exc.code == "import.in_file":
                raise
            raise ImportRejected("import.in_file", file=path.name, inner=exc) from exc
        self.name, self.header = chosen.name, header
        self.header_cells = chosen.rows[header.row_index]
        self.rows = None if self.csv else chosen.rows
        # rows in the file, for progress: a workbook's are known; a CSV's estimated from its size
        # and the bytes of the first rows
        self.total_rows = len(chosen.rows)
        if self.csv and chosen.rows:
            sample = sum(len(",".join(map(str, r)).encode()) + 2 for r in chosen.rows) / len(chosen.rows)
            self.total_rows = max(len(chosen.rows), int(path.stat().st_size / sample))

    def chunks(self) -> Iterator[tuple[int, list[list[object]]]]:
        """(index in the file of the chunk's first row, the rows) for every row under the header."""
        start = self.header.row_index + 1
        if not self.csv:
            for i in range(start, len(self.rows), CSV_CHUNK_ROWS):
                yield i, self.rows[i : i + CSV_CHUNK_ROWS]
            return
        index = 0
        for rows in _stream(self.path):
            skip = max(0, start - index)
            if skip < len(rows):
                yield index + skip, rows[skip:]
            index += len(rows)

    def fraction(self, first: int) -> float:
        """How far into the file the row ``first`` lies, for progress."""
        return min(0.99, first / max(1, self.total_rows))


def _stream(path: Path) -> Iterator[list[list[object]]]:
    try:
        yield from stream_csv(path)
    except ImportRejected as exc:
        raise ImportRejected(
            "import.in_file", [p._replace(file=path.name) for p in exc.problems], file=path.name, inner=exc
        ) from exc


class _Checker:
    """The first pass: every row's problems, the roster's and the store's (unknown judges and
    divisions, cases stored for another judge), kept chunk by chunk; of the rows only the rejected
    ones are kept (for the report)."""

    def __init__(
        self,
        db: Database,
        result: ImportResult,
        header,  # noqa: ANN001 - HeaderMatch
        file: str,
        create_judges: bool,
        create_divisions: bool,
        reassign: bool,
    ) -> None:
        self.db, self.result, self.file = db, result, file
        self.create_judges, self.create_divisions, self.reassign = create_judges, create_divisions, reassign
        self.columns = set(header.columns)
        self.judge_column = header.labels.get("judge", "承办法官")
        self.division_column = header.labels.get("division", "承办部门")
        self.roster = repo.judge_ids(db)
        self.spelling = roster_spelling(set(self.roster))
        self.folded = {folded_name_key(n): n for n in self.roster}
        self.divisions = set(repo.division_ids(db))
        self.problems: list[Problem] = []
        self.bad_rows: dict[int, list[object]] = {}  # rejected rows (errors)
        self.held_rows: dict[int, list[object]] = {}  # conflicts left as stored (not errors)
        self.footers: list[tuple[int, list[object]]] = []
        self.unknown: set[str] = set()
        self.new_divisions: set[str] = set()
        self.errors = False

    def chunk(self, parsed, rows: list[list[object]], first: int) -> None:  # noqa: ANN001 - ParsedCases
        result = self.result
        result.total += parsed.total_rows
        result.skipped_footer += parsed.skipped_footer
        result.footer_rows.extend(n for n, _cells in parsed.footer_rows)
        self.footers.extend(parsed.footer_rows)
        self.problems.extend(parsed.problems)
        self.bad_rows.update(parsed.bad_rows)
        self.errors = self.errors or bool(parsed.problems)
        records = parsed.records
        _match_roster(records, self.spelling)

        def refuse(found: list[Problem], held: bool = False) -> list[dict]:
            """Leave out the rows of ``found``: rejected (an error), or ``held`` (a conflict)."""
            self.problems.extend(found)
            self.errors = self.errors or (bool(found) and not held)
            bad = {p.row for p in found}
            for row_no in bad:
                (self.held_rows if held else self.bad_rows)[row_no] = row_for_report(rows[row_no - 1 - first])
            return [r for r in records if r["_row"] not in bad]

        missing, unknown = unknown_judge_problems(records, set(self.roster), self.file, self.judge_column)
        if unknown and self.create_judges:
            # 趙靜 in the file beside 赵静 on the roster is not a new judge: refused, never created
            similar = {
                n: self.folded[folded_name_key(n)] for n in unknown if folded_name_key(n) in self.folded
            }
            records = refuse(
                [
                    Problem.coded(
                        "import.similar_judge", r["_row"], self.judge_column, r["judge"], self.file,
                        judge=r["judge"], other=similar[r["judge"]],
                    )
                    for r in records
                    if r["judge"] in similar
                ]
            )  # fmt: skip
            self.unknown |= unknown - set(similar)
        elif unknown:
            records = refuse(missing)
        # a division the roster does not know is a typo until the user says it is a new division
        new = {r["division"] for r in records if r.get("division") and r["division"] not in self.divisions}
        if new and self.create_divisions:
            self.new_divisions |= new
        elif new:
            records = refuse(
                [
                    Problem.coded(
                        "import.unknown_division", r["_row"], self.division_column, r["division"], self.file,
                        division=r["division"],
                    )
                    for r in records
                    if r.get("division") in new
                ]
            )  # fmt: skip
        conflicts, moves = _conflicts(self.db, records, self.columns, self.file, self.judge_column)
        result.conflicts.extend(conflicts)
        if conflicts and not self.reassign:
            refuse(conflicts, held=True)
        elif conflicts:
            result.reassigned.extend(moves)

    def finish(self) -> list[Problem]:
        """Every problem, by row; the judges and divisions the import will create."""
        self.result.created_judges = sorted(self.unknown)
        self.result.created_divisions = sorted(self.new_divisions)
        self.problems.sort(key=lambda p: p.row or 0)
        self.result.problems = self.problems
        return self.problems


class _DryRunDone(Exception):
    """Leaves the store transaction of a dry run, rolling back whatever it touched."""


def _store(
    db: Database,
    result: ImportResult,
    chunks: Callable[[], Iterator[list[dict]]],
    unknown: set[str],
    present: set[str],
    path: Path,
    user: str,
    step: ProgressCallback,
) -> None:
    """The second pass, in one transaction: each chunk of good rows compared with the stored cases
    and written; the batch is made on the first change (a file that changes nothing records none)."""
    with repo.transaction(db):
        step(0.0, "比对已有案件")
        if result.created_judges and not result.dry_run:
            _create_judges(db, result, chunks, unknown)
        roster = repo.judge_ids(db)
        judges = repo.judges_frame(db).set_index("name")
        divisions = repo.division_ids(db)
        batch_id = None
        for records in chunks():
            existing = repo.existing_case_rows(db, [r["case_number"] for r in records])
            new_rows, changed_rows, before_rows = [], [], []
            for rec in records:
                if rec["judge"] in roster:
                    judge_id, own_division = roster[rec["judge"]], judges.at[rec["judge"], "division"]
                else:  # a judge created by this import (a dry run creates none)
                    judge_id, own_division = None, None
                division_name = rec.get("division") or own_division
                if division_name and division_name not in divisions and not result.dry_run:
                    track = "enforcement" if rec["category"] == "enforcement" else "trial"
                    divisions[division_name] = repo.ensure_division(db, division_name, track)
                old = existing.get(rec["case_number"])
                row = _store_row(rec, judge_id, divisions.get(division_name), old, present)
                if old is None:
                    new_rows.append(row)
                elif any(_differs(row[f], old[f]) for f in repo.COMPARED_FIELDS):
                    changed_rows.append({**row, "id": old["id"]})
                    before_rows.append(old)
                else:
                    result.unchanged += 1
            result.new += len(new_rows)
            result.updated += len(changed_rows)
            if result.dry_run or (not new_rows and not changed_rows):
                continue
            if batch_id is None:
                batch_id = repo.create_batch(db, "cases", path.name, _sha256(path), user)
            if new_rows:
                repo.insert_cases(db, pd.DataFrame(new_rows, columns=list(repo.CASE_FIELDS)), batch_id)
            if changed_rows:
                repo.update_cases(db, pd.DataFrame(changed_rows), pd.DataFrame(before_rows), batch_id)
        if result.dry_run:
            raise _DryRunDone()
        if batch_id is None and not result.created_judges:
            return
        if batch_id is None:
            batch_id = repo.create_batch(db, "cases", path.name, _sha256(path), user)
        step(0.99, "提交")
        repo.finish_batch(db, batch_id, result.counts())
        repo.bump_cases_version(db)
        if result.reassigned:
            audit.record(
                db,
                "import.reassign",
                f"第 {batch_id} 批：{path.name}，改派 {len(result.reassigned)} 件",
                before=[
                    {k: m[k] for k in ("case_number", "from_judge", "from_division")}
                    for m in result.reassigned
                ],
                after=[
                    {k: m[k] for k in ("case_number", "to_judge", "to_division")} for m in result.reassigned
                ],
            )
        audit.record(
            db,
            "import.cases",
            f"第 {batch_id} 批：{path.name}",
            after={
                "batch": batch_id,
                "file": path.name,
                "sha256": _sha256(path),
                **result.counts(),
                "created_judges": result.created_judges,
                "created_divisions": result.created_divisions,
                "skipped_footer": result.skipped_footer,
                "reassigned": len(result.reassigned),
                "conflicts_held": 0 if result.reassigned else len(result.conflicts),
            },
        )
    result.batch_id = batch_id
    result.committed = True


def _create_judges(
    db: Database, result: ImportResult, chunks: Callable[[], Iterator[list[dict]]], unknown: set[str]
) -> None:
    """The judges the file names and the roster lacks (``create_judges``), each in the division of
    the first row naming them."""
    division_of: dict[str, str] = {}
    for records in chunks():
        for r in records:
            if r["judge"] in unknown and r.get("division"):
                division_of.setdefault(r["judge"], r["division"])
    for name in result.created_judges:
        division = division_of.get(name)
        track = "enforcement" if division and "执行" in division else "trial"
        repo.upsert_judge(db, {"name": name, "division": division, "post": "审判员", "track": track})


def _differs(a: object, b: object) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) != float(b)
    return str(a) != str(b)


def import_history(db: Database) -> list[dict]:
    access.require(db, access.COURT_WIDE, "查看导入记录")
    return repo.batches(db)


def undo_import(db: Database, batch_id: int, user: str | None = None) -> Changes:
    """Remove what a batch added and restore what it changed."""
    access.require(db, access.COURT_WIDE, "撤销导入")
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
        counts = repo.undo_batch(db, batch_id)
        repo.bump_cases_version(db)
        audit.record(db, "import.undo", f"第 {batch_id} 批：{b['file_name']}", before=b, after=counts)
    from workload_app.services.standard_cases import refresh_on_server

    refresh_on_server(db)  # on the court server: figures fresh for restricted logins at once
    return Changes(cases=True, results=True, summary=UndoSummary(**counts))
