"""Create the demo court in a database: divisions, judges, two years of cases, parameter sets."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core import demo_court
from workload_app.core.casenumber import parse_case_number
from workload_app.core.messages import Coded
from workload_app.core.params import default_params
from workload_app.core.problems import WorkloadError
from workload_app.core.progress import ProgressCallback, no_progress
from workload_app.services import access, accounts, audit, figures
from workload_app.services.changes import Changes, Summary
from workload_app.services.parameters import save_params
from workload_app.services.standard_cases import compute_year
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


@dataclass(frozen=True)
class DemoSummary(Summary):
    cases: int  # cases written


def has_data(db: Database) -> bool:
    return repo.has_cases(db)


def create_demo(
    db: Database,
    seed: int = 2025,
    cases_per_year: int = demo_court.CASES_PER_YEAR,
    progress: ProgressCallback | None = None,
) -> Changes:
    access.require(db, access.Action.DEMO)
    progress = progress or no_progress
    if has_data(db):
        raise WorkloadError("demo.not_empty")
    progress(0.05, Coded("progress.demo_court"))
    court = demo_court.generate(seed, cases_per_year)
    demo_court.add_panels(court.cases, court.judges, seed)
    cases = demo_court.add_quality(court.cases, seed)
    progress(0.3, Coded("progress.write"))
    with repo.transaction(db):
        for d in court.divisions.itertuples():
            repo.ensure_division(db, d.name, d.track, d.categories)
        for j in court.judges.to_dict("records"):
            repo.upsert_judge(db, j)
        digest = hashlib.sha256(f"demo:{seed}:{cases_per_year}".encode()).hexdigest()
        batch_id = repo.create_batch(db, "demo", f"示范数据（种子 {seed}）", digest, "demo")
        rows = to_store_rows(cases, repo.judge_ids(db), repo.division_ids(db))
        repo.insert_cases(db, rows, batch_id)
        repo.finish_batch(
            db, batch_id, {"total": len(rows), "new": len(rows), "updated": 0, "unchanged": 0, "rejected": 0}
        )
        figures.update(db, figures.Touched(everything=True))  # no parameters yet: nothing to compute
        repo.set_meta(db, "court_name", demo_court.COURT_NAME)
        repo.set_meta(db, "notice_prefix", "渝0106法")
        first, second = demo_court.YEARS
        # The demo court's first year on the system is its own reference year.
        save_params(
            db,
            default_params(first, average_year=first),
            "示范法院首年：以本年为参照年度",
            "demo",
            publish=True,
        )
        save_params(db, default_params(second), "示范法院", "demo", publish=True)
    from workload_app.services.quotas import plan_year

    for i, year in enumerate(demo_court.YEARS):
        progress(0.6 + 0.2 * i, Coded("progress.demo_year", year=year))
        compute_year(db, year)
        expected = None
        if i == 0:  # no year before on file: the court enters its expected filings (here: rounded actuals)
            filed = repo.filings_by_month(db, year).groupby("track")["cases"].sum()
            expected = {t: float(round(n, -2)) for t, n in filed.items()}
        plan_year(db, year, expected_filings=expected, reason="示范法院年初下达", user="demo")
    progress(0.95, Coded("progress.demo_accounts"))
    accounts = create_demo_accounts(db, court.judges)
    audit.record(
        db, "demo.create", f"示范数据（种子 {seed}）", after={"cases": len(rows), "accounts": accounts}
    )
    progress(1.0, Coded("progress.done"))
    return Changes(cases=True, judges=True, params=True, results=True, summary=DemoSummary(len(rows)))


DEMO_PASSWORD = "demo2025"


def create_demo_accounts(db: Database, judges: pd.DataFrame) -> list[dict]:
    """One account per role, all with the password ``demo2025`` (shown on the log-in screen).

    Demo accounts need no password change at first log-in; accounts a court creates do."""
    first_division = judges["division"].dropna().iloc[0]
    in_division = judges[judges["division"] == first_division]
    head = in_division[in_division["post"] == "庭长"]["name"].iloc[0]
    judge = in_division[in_division["post"] == "审判员"]["name"].iloc[0]
    specs = [
        ("admin", access.ADMIN, "系统管理员", None, None),
        ("renshi", access.PERSONNEL, "政治部人事处", None, None),
        ("tingzhang", access.DIVISION_HEAD, head, head, first_division),
        ("faguan", access.JUDGE, judge, judge, None),
    ]
    out = []
    for login, role, name, linked_judge, division in specs:
        accounts.create_user(
            db,
            login,
            role,
            DEMO_PASSWORD,
            display_name=name,
            judge=linked_judge,
            division=division,
            must_change=False,
        )
        out.append(
            {"login": login, "role": access.ROLE_LABELS[role], "name": name, "division": division or ""}
        )
    repo.set_meta(db, "demo_accounts", json.dumps(out, ensure_ascii=False))
    return out


def demo_accounts(db: Database) -> list[dict]:
    """The demo accounts for the log-in screen (empty for a court's own database)."""
    text = repo.get_meta(db, "demo_accounts")
    return json.loads(text) if text else []


def _iso(series: pd.Series) -> pd.Series:
    d = pd.to_datetime(series)
    return d.dt.strftime("%Y-%m-%d").where(d.notna(), None)


def to_store_rows(
    cases: pd.DataFrame, judge_ids: dict[str, int], division_ids: dict[str, int]
) -> pd.DataFrame:
    """Demo cases in the store's columns; year, court, type and category come from the case number."""
    parsed = [parse_case_number(n) for n in cases["case_number"]]
    closed = pd.to_datetime(cases["closed_on"])
    out = pd.DataFrame(
        {
            "case_number": cases["case_number"],
            "year": [p.year for p in parsed],
            "court": [p.court for p in parsed],
            "type_code": [p.type_code for p in parsed],
            "category": [p.category for p in parsed],
            "instance": [p.instance for p in parsed],
            "judge_id": cases["judge"].map(judge_ids),
            "division_id": cases["division"].map(division_ids),
            "cause": cases["cause"],
            "procedure": cases["procedure"].replace("", None),
            "filed_on": _iso(cases["filed_on"]),
            "closed_on": _iso(cases["closed_on"]),
            "closed_year": closed.dt.year.astype("Int64"),
            "closed_month": closed.dt.month.astype("Int64"),
            "closing_method": cases["closing_method"],
            "panel": cases["panel"].replace("", None),
            "approved": cases["approved"].map({True: 1, False: 0}),
        }
    )
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = pd.Series(cases[c].to_numpy(), dtype="Float64").round().astype("Int64")
    for c in repo.QUALITY_FIELDS:  # time limits, appeals, enforcement amounts (demo_court.add_quality)
        if c in cases.columns:
            out[c] = cases[c].to_numpy()
    if "appealed" in cases.columns:
        out["appealed"] = cases["appealed"].map({True: 1, False: 0})
    for c in ("time_limit_days", "extension_days", "deducted_days"):
        if c in out.columns:
            out[c] = pd.Series(out[c].to_numpy(), dtype="Float64").round().astype("Int64")
    assert not np.any([p.error for p in parsed])
    return out
