"""Quality and efficiency (质效) figures per judge, division and court; the export; appellate outcomes in.

Scoping: a 法官 sees their own figures (cases they are responsible for), a 庭长 their division's and
their own, 人事/管理员 everyone's (``services.access``). The court figure is shown to court-wide roles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workload_app.core import quality as qm
from workload_app.core.dates import date_of
from workload_app.core.messages import Coded
from workload_app.core.problems import ImportRejected, Problem
from workload_app.importing.cases import canonical_case_number, check_duplicate_columns
from workload_app.importing.headers import (
    APPEAL_LABELS,
    APPEAL_OUTCOME_EXAMPLES,
    APPEAL_SYNONYMS,
    find_header,
)
from workload_app.importing.readers import read_file
from workload_app.importing.values import is_blank, parse_date, parse_text
from workload_app.services import access, audit, clock, figures
from workload_app.services.changes import Changes, Summary
from workload_app.services.parameters import current_params
from workload_app.storage import backups, quality_reads
from workload_app.storage import repository as repo
from workload_app.storage.db import Database
from workload_app.storage.dialect import dialect_of

QUALITY_COLUMNS = [
    "judge",
    "division",
    "closed",
    "filed",
    "carried_over",
    "pending",
    "closing_rate",
    "closed_to_filed",
    "within_limit_rate",
    "mean_days",
    "pending_12_18",
    "pending_18_36",
    "pending_over_36",
    "appealed_rate",
    "reversed_remanded_rate",
    "enforcement_recovery_rate",
]
# export column -> (indicator, numerator shown as is or its complement for appealed_rate)
_RATE_SOURCES = {
    "closing_rate": "closing_rate",
    "closed_to_filed": "closed_to_filed",
    "within_limit_rate": "within_limit_rate",
    "mean_days": "mean_days",
    "appealed_rate": "acceptance_rate",
    "reversed_remanded_rate": "reversed_remanded_rate",
    "enforcement_recovery_rate": "enforcement_recovery_rate",
}


@dataclass(frozen=True)
class LongPendingCase:
    """An open case past the long-pending threshold at the period end, with the judge's reason."""

    case_number: str
    judge: str
    division: str
    filed_on: dt.date
    age_months: int
    band: str  # core.quality.BANDS
    reason: str  # core.quality.REASONS, "" when none is recorded
    note: str

    @property
    def band_label(self) -> str:
        return qm.BAND_LABELS[self.band]


@dataclass(frozen=True)
class QualityReport:
    """Everything the screens, the export and the sheets need for one period."""

    period: qm.Period
    judges: tuple[qm.QualityFigures, ...]
    divisions: tuple[qm.QualityFigures, ...]
    court: qm.QualityFigures | None  # None for a user without court-wide rights
    data_date: dt.date | None
    appeals_date: dt.date | None
    long_pending: tuple[LongPendingCase, ...] = ()  # of the judges above, oldest first

    def judge(self, name: str, division: str | None = None) -> qm.QualityFigures | None:
        """The judge's figures (those under ``division`` when the judge's cases lie in several)."""
        rows = [f for f in self.judges if f.name == name]
        return next((f for f in rows if f.division == division), rows[0] if rows else None)

    def pending_of(self, judge: str) -> tuple[LongPendingCase, ...]:
        return tuple(c for c in self.long_pending if c.judge == judge)

    def division(self, name: str) -> qm.QualityFigures | None:
        return next((f for f in self.divisions if f.name == name), None)


def period_cases(db: Database, period: qm.Period) -> pd.DataFrame:
    return repo.quality_cases(db, filed_by=period.end.isoformat(), closed_from=period.start.isoformat())


def report(
    db: Database, year: int, through_month: int = 12, period: qm.Period | None = None
) -> QualityReport:
    """Figures for a period (default: the year through a month, to today while it runs: ``clock``)
    that the acting user may see."""
    period = period or clock.period(db, year, through_month)
    params, _ = current_params(db, year)
    cases = quality_reads.quality_measure_cases(
        db, filed_by=period.end.isoformat(), closed_from=period.start.isoformat()
    )
    dates = _data_dates(db)
    user = access.current(db)
    scopes = ("judge", "division", "court") if user.court_wide else ("judge", "division")
    found = qm.figures_by_scope(cases, params.quality, period, scopes, **dates)
    judges, divisions = access.visible_figures(user, found["judge"], found["division"])
    court = found["court"][0] if user.court_wide else None
    shown = {f.name for f in judges}
    return QualityReport(
        period,
        tuple(judges),
        tuple(divisions),
        court,
        dates["data_date"],
        dates["appeals_date"],
        _long_pending_read(db, cases[cases["judge"].isin(shown)], period.end),
    )


COURT_APPEALS_DATE = "appeals_data_date"  # meta key: the court's appeals date, for restricted logins


def _data_dates(db: Database) -> dict[str, dt.date | None]:
    """The dates the figures rest on: the newest case import in force, and the newest appellate
    outcome of the court. A login that reads only some cases (法官, 庭长 on the court server)
    reads the court's appeals date as a court-wide login kept it (``keep_court_dates``), never
    the newest of its own rows; none is shown before one was kept."""
    if access.sees_court_rows(db):
        appeals = repo.appeals_data_date(db)
    else:
        appeals = repo.get_meta(db, COURT_APPEALS_DATE)
    return {"data_date": date_of(repo.cases_data_date(db)), "appeals_date": date_of(appeals)}


def keep_court_dates(db: Database) -> None:
    """On the court server, after a court-wide write: the court's appeals date kept (meta) where
    every login reads it."""
    if not dialect_of(db).enforces_scope or not access.current(db).court_wide:
        return
    appeals = repo.appeals_data_date(db)
    if appeals is not None and repo.get_meta(db, COURT_APPEALS_DATE) != str(appeals)[:10]:
        with repo.transaction(db):
            repo.set_meta(db, COURT_APPEALS_DATE, str(appeals)[:10])


def judge_report(
    db: Database, year: int, through_month: int, judge: str, period: qm.Period | None = None
) -> QualityReport:
    """``report``'s figures of one judge (under each division their cases lie in) and their
    long-pending cases, computed from that judge's cases alone (read through the judge index):
    the same values as the court-wide report's, since every sum is exact. No division or court
    figures. The caller checks the acting user may see the judge."""
    period = period or clock.period(db, year, through_month)
    params, _ = current_params(db, year)
    cases = quality_reads.quality_measure_cases(
        db, filed_by=period.end.isoformat(), closed_from=period.start.isoformat(), judge=judge
    )
    dates = _data_dates(db)
    judges = qm.figures(cases, params.quality, period, "judge", **dates)
    return QualityReport(
        period,
        tuple(judges),
        (),
        None,
        dates["data_date"],
        dates["appeals_date"],
        _long_pending_read(db, cases, period.end),
    )


def _long_pending_read(db: Database, cases: pd.DataFrame, at: dt.date) -> tuple[LongPendingCase, ...]:
    """``long_pending_of`` for cases read with the measure columns only: the open ones past the
    threshold found there, then their case numbers and reasons read by case id."""
    rows = qm.long_pending(cases, at)
    details = quality_reads.long_pending_details(db, rows["case_id"].tolist()).set_index("case_id")
    for col in ("case_number", "pending_reason", "pending_note"):
        rows[col] = rows["case_id"].map(details[col]) if len(rows) else None
    return _typed_long_pending(rows)


def long_pending_of(cases: pd.DataFrame, at: dt.date, over_months: int = 12) -> tuple[LongPendingCase, ...]:
    """The open cases at ``at`` at least ``over_months`` old, typed, with their recorded reasons."""
    return _typed_long_pending(qm.long_pending(cases, at, over_months))


def _typed_long_pending(rows: pd.DataFrame) -> tuple[LongPendingCase, ...]:
    def text(v: object) -> str:
        return "" if v is None or (isinstance(v, float) and v != v) else str(v)

    return tuple(
        LongPendingCase(
            case_number=text(r.get("case_number")),
            judge=text(r.get("judge")),
            division=text(r.get("division")),
            filed_on=dt.date.fromisoformat(str(r["filed_on"])[:10]),
            age_months=int(r["age_months"]),
            band=str(r["band"]),
            reason=text(r.get("pending_reason")),
            note=text(r.get("pending_note")),
        )
        for r in rows.to_dict("records")
    )


def trend(db: Database, year: int, through_month: int = 12) -> list[qm.QualityFigures]:
    """The court's (or the 庭长's division's) figures for each month of the year to date."""
    params, _ = current_params(db, year)
    whole = clock.period(db, year, through_month)
    cases = access.limit_cases(db, period_cases(db, whole))
    out = []
    for month in range(1, through_month + 1):
        end = clock.cut_off(db, year, month)
        p = qm.Period(dt.date(year, month, 1), max(end, dt.date(year, month, 1)))
        out.append(qm.figures(cases, params.quality, p, "court")[0])
    return out


def export_table(db: Database, year: int, through_month: int = 12) -> pd.DataFrame:
    """One row per judge the user may see: the issue's columns, then each numerator and denominator."""
    rep = report(db, year, through_month)
    rows = []
    for f in rep.judges:
        row: dict = {
            "judge": f.name,
            "division": f.division,
            "closed": f.closed,
            "filed": f.filed,
            "carried_over": f.carried_over,
            "pending": f.pending,
            "pending_12_18": f.pending_12_18,
            "pending_18_36": f.pending_18_36,
            "pending_over_36": f.pending_over_36,
        }
        extra: dict = {}
        for col, key in _RATE_SOURCES.items():
            ind = f.indicator(key)
            num = ind.numerator
            if col == "appealed_rate":  # the complement of 服判息诉率: appealed ÷ closed by judgment/ruling
                num = ind.denominator - ind.numerator
            row[col] = num / ind.denominator if ind.denominator else None
            extra[f"{col}_num"] = num
            extra[f"{col}_den"] = ind.denominator
        rows.append({**row, **extra, "as_of": rep.period.end.isoformat()})
    # the last column: the cut-off every figure of the row is counted at (``clock.cut_off``)
    columns = QUALITY_COLUMNS + [f"{c}_{s}" for c in _RATE_SOURCES for s in ("num", "den")] + ["as_of"]
    return pd.DataFrame(rows, columns=columns)


# ---------------------------------------------------------------- appellate outcomes in


@dataclass
class AppealsResult:
    file: str
    total: int = 0
    matched: int = 0
    unchanged: int = 0
    unmatched: list[Problem] = field(default_factory=list)  # rows whose 原审案号 is not one of our cases
    problems: list[Problem] = field(default_factory=list)  # unreadable rows
    batch_id: int | None = None

    def summary(self) -> Coded:
        """What the import did, as a coded text (it reads as Chinese; ``render(lang)``)."""
        return Coded(
            "appeal.summary",
            file=self.file,
            total=self.total,
            matched=self.matched,
            unchanged=self.unchanged,
            unmatched=len(self.unmatched),
        )

    def summary_text(self, lang: str = "zh") -> str:
        return self.summary().render(lang)


def import_appeals(
    db: Database, path: Path | str, *, user: str | None = None, today: dt.date | None = None
) -> AppealsResult:
    """A second-instance court's outcomes (原审案号 + 结果) onto our first-instance cases.

    The whole file or nothing: an unreadable row refuses the file; rows whose 原审案号 is not on file
    are reported and left out. The outcomes are dated today (the figures' appeals data date) and the
    batch can be undone like a case import."""
    who = access.require(db, access.Action.IMPORT_APPEALS)
    path = Path(path)
    today = today or clock.today(db)
    try:
        sheets = read_file(path)
    except ImportRejected as exc:
        raise ImportRejected("import.in_file", file=path.name, inner=exc) from exc
    header = None
    for sheet in sheets:
        header = find_header(sheet.rows, APPEAL_SYNONYMS, "original_case_number")
        if header is not None and "appeal_result" in header.columns:
            break
        header = None
    if header is None:
        raise ImportRejected("import.appeals_no_header", file=path.name)
    try:
        check_duplicate_columns(header)
    except ImportRejected as exc:
        raise ImportRejected("import.in_file", file=path.name, inner=exc) from exc
    result = AppealsResult(file=path.name)
    cols, labels = header.columns, header.labels
    outcomes: dict[str, tuple[str, int]] = {}
    for offset, row in enumerate(sheet.rows[header.row_index + 1 :]):
        row_no = header.row_index + 2 + offset
        if all(is_blank(c) for c in row):
            continue
        result.total += 1
        cells = {f: (row[i] if i < len(row) else None) for f, i in cols.items()}
        number, err = canonical_case_number(cells["original_case_number"])
        label = labels.get("original_case_number", APPEAL_LABELS["original_case_number"])
        if err or number is None:
            result.problems.append(
                Problem(
                    "invalid_value",
                    err or Coded("appeal.number_required"),
                    row_no,
                    label,
                    _shown(cells["original_case_number"]),
                    path.name,
                )
            )
            continue
        outcome = parse_text(cells["appeal_result"])[0]
        if not outcome:
            result.problems.append(
                Problem(
                    "invalid_value",
                    Coded("appeal.result_required", outcomes=APPEAL_OUTCOME_EXAMPLES),
                    row_no,
                    labels.get("appeal_result", APPEAL_LABELS["appeal_result"]),
                    "",
                    path.name,
                )
            )
            continue
        if "closed_on" in cols:
            _, derr = parse_date(cells["closed_on"])
            if derr:
                result.problems.append(
                    Problem(
                        "invalid_value",
                        derr,
                        row_no,
                        labels["closed_on"],
                        _shown(cells["closed_on"]),
                        path.name,
                    )
                )
                continue
        if number in outcomes:
            result.problems.append(
                Problem(
                    "invalid_value",
                    Coded("appeal.duplicate", row=outcomes[number][1]),
                    row_no,
                    label,
                    number,
                    path.name,
                )
            )
            continue
        outcomes[number] = (outcome, row_no)
    if result.problems:
        raise ImportRejected(
            "import.appeals_rows_rejected", result.problems, file=path.name, count=len(result.problems)
        )
    backups.backup(db, "before-appeals")
    with repo.transaction(db):
        existing = repo.existing_case_rows(db, outcomes)
        changed, before = [], []
        for number, (outcome, row_no) in outcomes.items():
            old = existing.get(number)
            if old is None:
                result.unmatched.append(
                    Problem("unmatched", Coded("appeal.unmatched"), row_no, label, number, path.name)
                )
                continue
            if old["appeal_result"] == outcome and old["appealed"] == 1:
                result.unchanged += 1
                continue
            changed.append(
                {**old, "appeal_result": outcome, "appealed": 1, "appeal_recorded_on": today.isoformat()}
            )
            before.append(old)
        result.matched = len(changed)
        if changed:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            batch_id = repo.create_batch(db, "appeals", path.name, digest, user or who.name)
            repo.update_cases(db, pd.DataFrame(changed), pd.DataFrame(before), batch_id)
            repo.finish_batch(
                db,
                batch_id,
                {
                    "total": result.total,
                    "new": 0,
                    "updated": result.matched,
                    "unchanged": result.unchanged,
                    "rejected": len(result.unmatched),
                },
            )
            figures.update(db, figures.Touched(case_ids={int(r["id"]) for r in changed}))
            audit.record(
                db,
                "import.appeals",
                f"第 {batch_id} 批：{path.name}",
                after={
                    "batch": batch_id,
                    "matched": result.matched,
                    "unmatched": [p.value for p in result.unmatched],
                },
            )
            result.batch_id = batch_id
    if result.batch_id is not None:
        keep_court_dates(db)  # on the court server: the appeals date fresh for restricted logins
    return result


def _shown(value: object) -> str:
    return "" if value is None else str(value).strip()


@dataclass(frozen=True)
class AppealsSummary(Summary):
    """A second-instance file imported: rows, cases matched, unchanged, rows not matched; ``text``
    says it in one line."""

    file: str
    total: int
    matched: int
    unchanged: int
    unmatched: int
    batch_id: int | None
    text: str


def appeals_changes(result: AppealsResult) -> Changes:
    summary = AppealsSummary(
        result.file,
        result.total,
        result.matched,
        result.unchanged,
        len(result.unmatched),
        result.batch_id,
        result.summary(),
    )
    return Changes(cases=bool(result.matched), summary=summary)
