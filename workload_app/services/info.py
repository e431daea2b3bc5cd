"""What a database holds: counts per year, division and category, and the roster.

Court-wide for 管理员 and 人事; a 庭长 gets their division, a 法官 their own cases and row
(``services.access``), so ``workload --user … info`` or ``judges list`` never shows the court."""

from __future__ import annotations

import pandas as pd

from workload_app.core.casenumber import CATEGORY_LABELS
from workload_app.services import access
from workload_app.storage import repository as repo
from workload_app.storage.db import Database


def _scoped_counts(db: Database) -> pd.DataFrame:
    """year, division, category (code), cases: within what the acting user may see."""
    user = access.current(db)
    if user.scope.own_judge_only:
        judge_id = repo.judge_ids(db).get(user.judge or "\0")
        if judge_id is None:
            return pd.DataFrame(columns=["year", "division", "category", "cases"])
        own = repo.load_cases(db, judge_id=judge_id)
        if not len(own):
            return pd.DataFrame(columns=["year", "division", "category", "cases"])
        return (
            own.assign(year=own["closed_year"])
            .groupby(["year", "division", "category"], dropna=False)
            .size()
            .rename("cases")
            .reset_index()
        )
    return access.limit_divisions(db, repo.case_counts(db))


def counts(db: Database) -> pd.DataFrame:
    """year (None = still open), division, category (Chinese), cases."""
    out = _scoped_counts(db).copy()
    out["category"] = out["category"].map(CATEGORY_LABELS).fillna(out["category"])
    return out


def judges(db: Database) -> pd.DataFrame:
    """The roster as the acting user may see it (a 法官: their own row)."""
    return access.limit_people(db, repo.judges_frame(db), judge_col="name")


def summary(db: Database) -> dict:
    c = _scoped_counts(db)
    closed = c[c["year"].notna()]
    court_wide = access.scope(db).allows(access.Action.READ_COURT)
    return {
        "judges": repo.judge_count(db) if court_wide else len(judges(db)),
        "divisions": repo.division_count(db) if court_wide else int(judges(db)["division"].nunique()),
        "cases": int(c["cases"].sum()) if len(c) else 0,
        "open": int(c.loc[c["year"].isna(), "cases"].sum()) if len(c) else 0,
        "by_year": {int(y): int(n) for y, n in closed.groupby("year")["cases"].sum().items()},
    }


def years(db: Database) -> list[int]:
    """Every year with cases or parameters, ascending (the window's year choice)."""
    return sorted(set(repo.case_years(db)) | set(repo.param_years(db)))


def sheet_scopes(db: Database) -> list[tuple[str, str | None]]:
    """What the acting user may print in the 报表 view (``access.sheet_scopes``)."""
    return access.sheet_scopes(access.current(db), repo.judges_frame(db))
