"""Importing the judge roster (法官名册) and undoing a roster import.

The whole file goes in or nothing; each judge's row before the import is kept, so undo puts the
roster back as it was, or refuses (a judge or division the batch added is in use) and changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workload_app.core import messages
from workload_app.core.problems import ImportRejected, Problem, WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress
from workload_app.core.text import folded_name_key, name_key
from workload_app.importing.headers import ROSTER_LABELS
from workload_app.importing.roster import choose_roster_sheet, parse_roster
from workload_app.services import access, audit, figures
from workload_app.services.changes import Changes, Summary
from workload_app.services.import_files import _read, _sha256, roster_spelling
from workload_app.storage import backups, roster_history
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


@dataclass(frozen=True)
class RosterImportSummary(Summary):
    """Judges of the file that were new, changed, or already on the roster as they are."""

    new: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class RosterUndoSummary(Summary):
    """A roster batch undone: judges it added removed, judges it changed restored, its new divisions removed."""

    removed: int
    restored: int
    divisions_removed: int


def _undo_roster(db: Database, b: dict) -> Changes:
    """Put the roster back as it was before batch ``b``, or refuse and change nothing."""
    batch_id = b["id"]
    steps = roster_history.history(db, batch_id)
    if not steps:
        raise WorkloadError("undo.roster_no_history", batch=batch_id)
    judges = [s for s in steps if s["kind"] == "judge"]
    later = roster_history.later_batches_touching(db, batch_id, [s["row_id"] for s in judges])
    if later:
        raise WorkloadError("undo.roster_later", batch=batch_id, later=messages.Listing(later))
    blocked = []
    for s in judges:
        if s["before"] is None:
            used = roster_history.references(db, "judges", s["row_id"])
            if used:
                name = roster_history.name_of(db, "judges", s["row_id"])
                blocked.append(messages.Phrase("undo.judge_uses", judge=name, uses=_uses(used)))
    if blocked:
        raise WorkloadError(
            "undo.roster_judges_used", batch=batch_id, blocked=messages.Listing(blocked, "；", "; ")
        )
    counts = {"removed": 0, "restored": 0, "divisions_removed": 0}
    with backups.before_change(db, "before-undo"), repo.transaction(db):
        for s in judges:
            if s["before"] is None:
                roster_history.delete_row(db, "judges", s["row_id"])
                counts["removed"] += 1
            else:
                roster_history.restore_judge(db, s["row_id"], s["before"])
                counts["restored"] += 1
        for s in steps:
            if s["kind"] == "division":
                used = roster_history.references(db, "divisions", s["row_id"])
                if used:
                    name = roster_history.name_of(db, "divisions", s["row_id"])
                    raise WorkloadError(
                        "undo.roster_division_used", batch=batch_id, division=name, uses=_uses(used)
                    )
                roster_history.delete_row(db, "divisions", s["row_id"])
                counts["divisions_removed"] += 1
        roster_history.mark_undone(db, batch_id)
        audit.record(db, "import.undo", f"第 {batch_id} 批：{b['file_name']}", before=b, after=counts)
        figures.update(db, figures.Touched(everything=True))  # judges put back as they were
    return Changes(judges=True, cases=True, results=True, summary=RosterUndoSummary(**counts))


_TABLE_WORDS = {"cases": "案件", "users": "账户", "quota_overrides": "个人任务调整", "judges": "法官"}


def _uses(used: dict[str, int]) -> messages.Listing:
    return messages.Listing(
        messages.Phrase("undo.uses_count", table=messages.Word(_TABLE_WORDS.get(t, t)), count=n)
        for t, n in used.items()
    )


def import_judges(
    db: Database,
    path: Path | str,
    user: str | None = None,
    progress: ProgressCallback | None = None,
    *,
    confirm_similar: bool = False,
) -> Changes:
    """Import or update the judge roster; the whole file or nothing. A name equal to another one
    (stored or in the file) once traditional characters are folded to simplified and spaces removed
    (趙靜 beside 赵静) is refused as a probable duplicate unless ``confirm_similar``."""
    path = Path(path)
    progress = progress or no_progress
    sheets = _read(path)
    sheet, header = choose_roster_sheet(sheets)
    missing = [ROSTER_LABELS[f] for f in ("name", "division") if f not in header.columns]
    if missing:
        raise ImportRejected(
            "import.roster_missing_columns", file=path.name, columns=messages.Listing(missing)
        )
    parsed = parse_roster(sheet, header, path.name)
    if parsed.problems:
        raise ImportRejected(
            "import.roster_rows_rejected",
            parsed.problems,
            file=path.name,
            count=len({p.row for p in parsed.problems}),
        )
    who = access.require(db, access.Action.IMPORT_ROSTER)
    _match_roster_names(db, parsed.judges)
    if not confirm_similar:
        similar = similar_name_problems(parsed.judges, list(repo.judge_ids(db)), path.name, header)
        if similar:
            raise ImportRejected(
                "import.roster_similar_names", similar, file=path.name, count=len({p.row for p in similar})
            )
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    with backups.before_change(db, "before-roster"), repo.transaction(db):
        divisions_before = roster_history.division_ids(db)
        steps = []  # what undo needs: each judge's row before (None: new), the divisions created
        for i, j in enumerate(parsed.judges):
            progress(i / max(1, len(parsed.judges)), j["name"])
            before = roster_history.judge_row(db, j["name"])
            judge_id, state = repo.upsert_judge(db, j)
            counts[state] += 1
            if state != "unchanged":
                steps.append(("judge", judge_id, None if before is None else before))
        if counts["new"] or counts["updated"]:
            batch_id = repo.create_batch(db, "judges", path.name, _sha256(path), user or who.name)
            repo.finish_batch(db, batch_id, {"total": len(parsed.judges), **counts, "rejected": 0})
            for kind, row_id, before in steps:
                roster_history.record(db, batch_id, kind, row_id, before)
            for division_id in sorted(roster_history.division_ids(db) - divisions_before):
                roster_history.record(db, batch_id, "division", division_id, None)
            audit.record(db, "import.judges", f"第 {batch_id} 批：{path.name}", after=counts)
            # a judge's time in post decides which of their cases count for them
            changed = {
                int(row_id) for kind, row_id, before in steps if kind == "judge" and before is not None
            }
            figures.update(db, figures.Touched(judge_ids=changed))
    return Changes(judges=True, summary=RosterImportSummary(**counts))


def similar_name_problems(
    judges: list[dict],
    stored: list[str],
    file_label: str = "",
    header=None,  # noqa: ANN001 - HeaderMatch
) -> list[Problem]:
    """A problem for each roster row whose name is not one already stored (or earlier in the file)
    but folds to the same key (``folded_name_key``: 趙靜 and 赵静): probably the same person."""
    column = header.labels.get("name", ROSTER_LABELS["name"]) if header is not None else ROSTER_LABELS["name"]
    known: dict[str, str] = {}
    for name in stored:
        known.setdefault(folded_name_key(name), name)
    problems = []
    for j in judges:
        key = folded_name_key(j["name"])
        other = known.get(key)
        if other is not None and other != j["name"]:
            problems.append(
                Problem.coded(
                    "import.roster_similar_name", j.get("_row"), column, j["name"], file_label, other=other
                )
            )
        else:
            known.setdefault(key, j["name"])
    return problems


def _match_roster_names(db: Database, judges: list[dict]) -> None:
    """A roster row naming a stored judge with look-alike characters updates that judge, under
    the spelling already stored, rather than adding a second judge."""
    spelling = roster_spelling(set(repo.judge_ids(db)))
    for j in judges:
        j["name"] = spelling.get(name_key(j["name"]), j["name"])
