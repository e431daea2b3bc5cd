"""The reviewers' page-count decisions (待复核) applied to the cases the engine reads, and the
hold reasons the case explanation shows: what computing and reading figures need of the review,
apart from the review's actions (``services.review``), so that computing imports no action."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from workload_app.core.params import Params
from workload_app.core.standard import PAGE_COLUMNS, PAGE_LABELS, REVIEW_COLUMN, hold_reasons
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

_BASIS = {c: f"basis_{c}" for c in PAGE_COLUMNS}
_CORRECTED = {c: f"corrected_{c}" for c in PAGE_COLUMNS}


# ---------------------------------------------------------------- decisions applied to cases


def _pages_text(x: float) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:g}"


def apply_decisions(db: Database, cases: pd.DataFrame) -> pd.DataFrame:
    """``cases`` (as ``repo.load_cases`` returns them) with the reviewers' decisions that still
    apply: ``page_review`` ('confirmed' / 'corrected', else None), corrected counts in place of the
    imported ones and ``review_note`` (what the case explanation adds). Changes ``cases`` in place
    (callers pass a frame just read) and returns it."""
    out = cases
    out[REVIEW_COLUMN] = None
    out["review_note"] = None
    if out.empty:
        return out
    reviews = repo.latest_page_reviews(db)
    if reviews.empty:
        return out
    reviews = reviews.rename(columns=_BASIS)
    m = out[["case_id", *PAGE_COLUMNS]].merge(reviews, on="case_id", how="left")
    m.index = out.index
    applies = m["decision"].notna()
    for col in PAGE_COLUMNS:  # made on exactly the imported counts (a missing count equals a missing one)
        now, then = m[col], m[_BASIS[col]]
        applies &= (now == then) | (now.isna() & then.isna())
    if not applies.any():
        return out
    notes = []
    for i in np.flatnonzero(applies.to_numpy()):
        r = m.iloc[i]
        if r["decision"] == "confirmed":
            notes.append(f"；异常页数已经{r['decided_by']}复核确认（{r['reason']}）")
            continue
        changed = [
            f"{PAGE_LABELS[c]} {_pages_text(r[c])}→{_pages_text(r[_CORRECTED[c]])}"
            for c in PAGE_COLUMNS
            if not pd.isna(r[_CORRECTED[c]])
        ]
        notes.append(f"；页数经{r['decided_by']}复核更正：{'，'.join(changed)}（{r['reason']}）")
    out.loc[applies, REVIEW_COLUMN] = m.loc[applies, "decision"]
    out.loc[applies, "review_note"] = notes
    for col in PAGE_COLUMNS:
        fix = applies & m[_CORRECTED[col]].notna()
        out.loc[fix, col] = m.loc[fix, _CORRECTED[col]].astype(float)
    return out


def load_cases(db: Database, closed_year: int) -> pd.DataFrame:
    """The cases closed in a year, as the engine must see them: decisions applied."""
    return apply_decisions(db, repo.load_cases(db, closed_year=closed_year))


def add_hold_reasons(cases: pd.DataFrame, params: Params, held: np.ndarray) -> pd.DataFrame:
    """``hold_reason`` for the held rows of a year's cases (what the case explanation shows);
    changes ``cases`` in place and returns it."""
    out = cases
    out["hold_reason"] = None
    rows = np.flatnonzero(held)
    if len(rows):
        out.loc[out.index[rows], "hold_reason"] = hold_reasons(cases, params, rows)
    return out
