"""The rows of a case import, pass by pass (``imports.import_cases`` drives them): the chosen sheet
read chunk by chunk (a CSV streamed from the file), the first pass that checks every row against the
roster and the store, and the second that compares each chunk with the stored cases and writes it.
Only the problems and the rejected rows are kept between the passes, so a large export takes the
memory of a chunk (issue 26: a 50 MB CSV within 400 MB)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from workload_app.core import case_schema, messages
from workload_app.core.problems import ImportRejected, Problem
from workload_app.core.progress import ProgressCallback
from workload_app.core.text import folded_name_key, name_key
from workload_app.importing.cases import (
    check_duplicate_columns,
    check_required_columns,
    choose_sheet,
    import_warnings,
    row_for_report,
    unknown_judge_problems,
)
from workload_app.importing.headers import CASE_LABELS
from workload_app.importing.readers import CSV_CHUNK_ROWS, RawSheet, stream_csv
from workload_app.services import audit, figures
from workload_app.services.import_files import _read, _sha256, roster_spelling
from workload_app.storage import derived
from workload_app.storage import repository as repo
from workload_app.storage import roster as roster_store
from workload_app.storage.db import Database

if TYPE_CHECKING:  # the result both passes fill in, defined beside import_cases
    from workload_app.services.imports import ImportResult


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
    for f in case_schema.OWN_COLUMN_FIELDS:  # each field with an import column of its own, as declared
        row[f.name] = case_schema.stored_value(f, rec.get(f.name))
    row["closed_year"] = closed.year if closed else None
    row["closed_month"] = closed.month if closed else None
    _store_quality(rec, row, existing)
    if existing is not None:
        for f, source in KEPT_WHEN_ABSENT.items():
            if source not in present:
                row[f] = existing[f]
        if "division" not in present and existing["judge_id"] == judge_id:
            row["division_id"] = existing["division_id"]
    return row


# Stored field -> the column it comes from; a column missing from the file leaves the field as stored.
KEPT_WHEN_ABSENT = case_schema.KEPT_WHEN_ABSENT


CSV_SUFFIXES = {".csv", ".txt", ".tsv"}


def match_roster(records: list[dict], spelling: dict[str, str]) -> None:
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
                messages.Coded(
                    "row.reassign_conflict",
                    old_judge=old_judge or messages.Phrase("row.unknown_name"),
                    old_division=old_division or messages.Phrase("row.no_division"),
                    new_judge=r["judge"],
                    new_division=new_division or messages.Phrase("row.no_division"),
                ),
                r["_row"],
                judge_column,
                r["case_number"],
                file_label,
            )
        )
    return problems, moves


def _store_quality(rec: dict, row: dict, existing: dict | None) -> None:
    """An appeal outcome is dated when it first arrives (migration 9)."""
    row["appeal_recorded_on"] = rec.get("appeal_recorded_on")
    result = rec.get("appeal_result")
    if existing is not None and existing.get("appeal_result") == result:
        row["appeal_recorded_on"] = existing.get("appeal_recorded_on")
    elif result is not None:
        row["appeal_recorded_on"] = dt.date.today().isoformat()


class RowSource:
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


class Checker:
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
        self.judge_column = header.labels.get("judge", CASE_LABELS["judge"])
        self.division_column = header.labels.get("division", CASE_LABELS["division"])
        self.roster = repo.judge_ids(db)
        self.spelling = roster_spelling(set(self.roster))
        self.folded = {folded_name_key(n): n for n in self.roster}
        self.divisions = set(repo.division_ids(db))
        self.roster_rows = {j["name"]: j for j in roster_store.judges(db)}
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
        match_roster(records, self.spelling)

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
            records = refuse(conflicts, held=True)
        elif conflicts:
            result.reassigned.extend(moves)
        result.warnings.extend(
            import_warnings(records, self.roster_rows, self.file, self.judge_column, self.division_column)
        )

    def finish(self) -> list[Problem]:
        """Every problem, by row; the judges and divisions the import will create."""
        self.result.created_judges = sorted(self.unknown)
        self.result.created_divisions = sorted(self.new_divisions)
        self.problems.sort(key=lambda p: p.row or 0)
        self.result.problems = self.problems
        return self.problems


class DryRunDone(Exception):
    """Leaves the store transaction of a dry run, rolling back whatever it touched."""


def store_cases(
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
        step(0.0, messages.Coded("progress.compare"))
        if result.created_judges and not result.dry_run:
            _create_judges(db, result, chunks, unknown)
        roster = repo.judge_ids(db)
        judges = repo.judges_frame(db).set_index("name")
        divisions = repo.division_ids(db)
        batch_id = None
        touched = figures.Touched()
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
                touched.case_ids |= {int(r["id"]) for r in changed_rows}
                touched.before += [
                    (b.get("closed_year"), b.get("type_code"), b.get("judge_id"), b.get("panel"))
                    for b in before_rows
                ]
                repo.update_cases(db, pd.DataFrame(changed_rows), pd.DataFrame(before_rows), batch_id)
        if result.dry_run:
            raise DryRunDone()
        if batch_id is None and not result.created_judges:
            return
        if batch_id is None:
            batch_id = repo.create_batch(db, "cases", path.name, _sha256(path), user)
        step(0.99, messages.Coded("progress.commit"))
        repo.finish_batch(db, batch_id, result.counts())
        touched.case_ids |= set(derived.batch_case_ids(db, batch_id))  # the cases it added
        figures.update(db, touched)  # the figures these cases move, in this transaction
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
