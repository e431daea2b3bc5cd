"""Importing closed cases; import history and undo (the roster: ``roster_import``, re-exported here).

An import commits whole in one transaction or not at all; cancelling rolls it back. Without
``skip_invalid`` any bad row rejects the file; with it the good rows go in. Either way the reject
report lists every bad row. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workload_app.core import case_schema, messages
from workload_app.core.problems import ImportRejected, Problem, WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress, wrap_progress
from workload_app.core.text import name_key
from workload_app.importing.cases import (
    check_required_columns,
    choose_sheet,
    import_warnings,
    parse_rows,
    row_for_report,
    unknown_judge_problems,
)
from workload_app.importing.headers import CASE_LABELS
from workload_app.importing.readers import read_file
from workload_app.importing.report import write_reject_report
from workload_app.importing.values import DEFAULT_PAGE_CEILING
from workload_app.services import access, audit
from workload_app.services.changes import Changes, Summary
from workload_app.services.import_files import _read, _sha256, roster_spelling  # noqa: F401 - importable here
from workload_app.services.roster_import import _undo_roster, import_judges  # noqa: F401 - importable here
from workload_app.storage import backups
from workload_app.storage import repository as repo
from workload_app.storage import roster as roster_store
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

    def summary_text(self) -> str:
        state = "试导入（未写入）" if self.dry_run else ("已导入" if self.committed else "未导入")
        text = (
            f"{self.file}：{state}。共 {self.total} 行：新增 {self.new}，更新 {self.updated}，"
            f"未变 {self.unchanged}，拒绝 {self.rejected}"
        )
        if self.created_judges:
            text += f"；新建法官 {len(self.created_judges)} 名：{'、'.join(self.created_judges)}"
        if self.reassigned:
            text += f"；改派 {len(self.reassigned)} 件（已记入审计日志）"
        elif self.conflicts:
            text += (
                f"；{len(self.conflicts)} 件已导入给其他法官或部门的案件未改动"
                "（确认改派：命令行加 --reassign，或在导入向导中勾选「按本文件改派」）"
            )
        return text


def default_report_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-问题报告.xlsx")


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
    """What the wizard shows before importing: sheets, detected header mapping and the first rows."""
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
                f"{r['judge']}（{new_division or '无部门'}）：未改动，待确认改派",
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
    reassign: bool = False,
    report_path: Path | None = None,
    profile: str | None = None,
    user: str | None = None,
    today: dt.date | None = None,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Import a case export. Raises ImportRejected (with every problem) when the file is refused.

    A case already stored for another judge or division is a conflict: listed (problems, report)
    and left as stored unless ``reassign``; applied, each move is recorded in the audit trail."""
    who = access.require(db, access.COURT_WIDE, "导入案件")
    path = Path(path)
    progress = progress or no_progress
    result = ImportResult(file=path.name, dry_run=dry_run)
    progress(0.0, f"读取 {path.name}")
    sheets = _read(path)
    progress(0.25, "识别表头")
    try:
        chosen, header = choose_sheet(sheets, sheet, _profile(db, profile))
        check_required_columns(header)
    except ImportRejected as exc:
        raise ImportRejected("import.in_file", file=path.name, inner=exc) from exc
    result.sheet, result.header_row = chosen.name, header.row_index + 1
    result.mapping = {f: header.labels[f] for f in header.columns}
    result.unknown_headers = header.unknown
    parsed = parse_rows(
        chosen,
        header,
        path.name,
        today or dt.date.today(),
        wrap_progress(progress, 0.3, 0.55),
        page_ceiling=page_ceiling(db),
    )
    result.total, result.skipped_footer = parsed.total_rows, parsed.skipped_footer
    problems = list(parsed.problems)
    records = parsed.records
    bad_rows = dict(parsed.bad_rows)

    roster = repo.judge_ids(db)
    judge_column = header.labels.get("judge", "承办法官")
    _match_roster(records, roster_spelling(set(roster)))
    missing_problems, unknown = unknown_judge_problems(records, set(roster), path.name, judge_column)
    if unknown and create_judges:
        result.created_judges = sorted(unknown)
    elif unknown:
        problems.extend(missing_problems)
        bad = {p.row for p in missing_problems}
        for row_no in bad:
            bad_rows[row_no] = row_for_report(chosen.rows[row_no - 1])
        records = [r for r in records if r["_row"] not in bad]
    result.rejected = len(bad_rows)
    errors = bool(problems)
    result.conflicts, moves = _conflicts(db, records, set(header.columns), path.name, judge_column)
    if result.conflicts and not reassign:
        held = {p.row for p in result.conflicts}
        records = [r for r in records if r["_row"] not in held]
        problems.extend(result.conflicts)
        for row_no in held:
            bad_rows[row_no] = row_for_report(chosen.rows[row_no - 1])
    elif result.conflicts:
        result.reassigned = moves
    problems.sort(key=lambda p: p.row or 0)
    result.problems = problems
    result.warnings = import_warnings(
        records,
        {j["name"]: j for j in roster_store.judges(db)},
        path.name,
        judge_column,
        header.labels.get("division", "部门"),
    )

    # a check (dry run) writes no file unless asked to: the window offers to save the problems
    if problems and (report_path is not None or not dry_run):
        target = report_path or default_report_path(path)
        try:
            result.report_path = write_reject_report(
                target, problems, bad_rows, chosen.rows[header.row_index]
            )
        except OSError:
            result.report_path = None
    if errors and not skip_invalid:
        report = WorkloadError("import.report_at", path=result.report_path) if result.report_path else ""
        raise ImportRejected(
            "import.rows_rejected", problems, file=path.name, count=result.rejected, report=report
        )

    step = wrap_progress(progress, 0.55, 1.0)
    present = set(header.columns)
    if not dry_run:
        step(0.0, "备份数据库")
    with backups.before_change(db, "before-import", skip=dry_run):  # kept only if it changed anything
        try:
            _store(db, result, records, unknown, present, path, user or who.name, step)
        except _DryRunDone:
            pass
    if not dry_run:
        from workload_app.services.standard_cases import refresh_on_server

        refresh_on_server(db)  # on the court server: figures fresh for restricted logins at once
    progress(1.0, "完成")
    return result


class _DryRunDone(Exception):
    """Leaves the store transaction of a dry run, rolling back whatever it touched."""


def _store(
    db: Database,
    result: ImportResult,
    records: list[dict],
    unknown: set[str],
    present: set[str],
    path: Path,
    user: str,
    step: ProgressCallback,
) -> None:
    with repo.transaction(db):
        step(0.0, "比对已有案件")
        roster = repo.judge_ids(db)
        if result.created_judges:
            division_of = {}
            for r in records:
                if r["judge"] in unknown and r.get("division"):
                    division_of.setdefault(r["judge"], r["division"])
            for name in result.created_judges:
                division = division_of.get(name)
                track = "enforcement" if division and "执行" in division else "trial"
                repo.upsert_judge(db, {"name": name, "division": division, "post": "审判员", "track": track})
            roster = repo.judge_ids(db)
        judges = repo.judges_frame(db).set_index("name")
        divisions = repo.division_ids(db)
        existing = repo.existing_case_rows(db, [r["case_number"] for r in records])
        new_rows, changed_rows, before_rows = [], [], []
        for i, rec in enumerate(records):
            if i % 5000 == 0:
                step(0.1 + 0.4 * i / max(1, len(records)), "比对已有案件")
            division_name = rec.get("division") or judges.at[rec["judge"], "division"]
            if division_name and division_name not in divisions:
                track = "enforcement" if rec["category"] == "enforcement" else "trial"
                divisions[division_name] = repo.ensure_division(db, division_name, track)
            old = existing.get(rec["case_number"])
            row = _store_row(rec, roster[rec["judge"]], divisions.get(division_name), old, present)
            if old is None:
                new_rows.append(row)
            elif any(_differs(row[f], old[f]) for f in repo.COMPARED_FIELDS):
                changed_rows.append({**row, "id": old["id"]})
                before_rows.append(old)
            else:
                result.unchanged += 1
        result.new, result.updated = len(new_rows), len(changed_rows)
        if result.dry_run:
            raise _DryRunDone()
        if not new_rows and not changed_rows and not result.created_judges:
            return
        step(0.6, "写入数据库")
        batch_id = repo.create_batch(db, "cases", path.name, _sha256(path), user)
        if new_rows:
            repo.insert_cases(db, pd.DataFrame(new_rows, columns=list(repo.CASE_FIELDS)), batch_id)
        step(0.8, "写入数据库")
        if changed_rows:
            repo.update_cases(db, pd.DataFrame(changed_rows), pd.DataFrame(before_rows), batch_id)
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
                "reassigned": len(result.reassigned),
                "conflicts_held": 0 if result.reassigned else len(result.conflicts),
            },
        )
        step(0.99, "提交")
    result.batch_id = batch_id
    result.committed = True


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
