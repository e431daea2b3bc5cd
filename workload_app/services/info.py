"""What a database holds: counts per year, division and category."""

from __future__ import annotations

import pandas as pd
import sqlite_utils

from workload_app.core.casenumber import CATEGORY_LABELS
from workload_app.storage import repository as repo


def counts(db: sqlite_utils.Database) -> pd.DataFrame:
    """year (None = still open), division, category (Chinese), cases."""
    out = repo.case_counts(db)
    out["category"] = out["category"].map(CATEGORY_LABELS).fillna(out["category"])
    return out


def summary(db: sqlite_utils.Database) -> dict:
    c = repo.case_counts(db)
    closed = c[c["year"].notna()]
    return {
        "judges": int(db.conn.execute("SELECT COUNT(*) FROM judges").fetchone()[0]),
        "divisions": int(db.conn.execute("SELECT COUNT(*) FROM divisions").fetchone()[0]),
        "cases": int(c["cases"].sum()) if len(c) else 0,
        "open": int(c.loc[c["year"].isna(), "cases"].sum()) if len(c) else 0,
        "by_year": {int(y): int(n) for y, n in closed.groupby("year")["cases"].sum().items()},
    }
