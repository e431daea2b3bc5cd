"""Building a quota plan version from the roster and the month patterns: the year's plan, a
re-plan from a month (the post months of the previous version kept before it), an override.

What a plan version stores beside the judges' quotas and months: each post's twelve month targets
(``post_months``, track -> post -> 12 figures), what a judge in post all year gets; a later re-plan
keeps those of the months before it and spreads the rest of the new annual figure after them
(``core.quotas.post_targets``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workload_app.core import assessment as A
from workload_app.core import quotas as q
from workload_app.core.params import Params
from workload_app.core.quota_plan import QuotaPlan
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

TRACKS = A.TRACKS
MONTH_COLS = [f"m{m}" for m in q.MONTHS]


def closures_by_track(db: Database, year: int) -> dict[str, np.ndarray]:
    """Cases closed in ``year`` per month, trial and enforcement apart (two units, two patterns)."""
    rows = repo.closures_by_track_month(db, year)
    out = {t: np.zeros(12) for t in TRACKS}
    for track, m, n in rows:
        out[track][int(m) - 1] = n
    return out


def month_patterns(db: Database, year: int, params: Params) -> dict[str, np.ndarray]:
    """The month pattern of each track for ``year``'s targets (last year's closures of that track,
    even, or working days, by the parameter ``quota.month_pattern``)."""
    last = closures_by_track(db, year - 1)
    return {t: q.month_weights(params.quota.month_pattern, year, last[t]) for t in TRACKS}


def _stored_weights(plan: dict, track: str) -> np.ndarray:
    stored = plan.get("weights")
    w = stored.get(track) if isinstance(stored, dict) else stored
    return np.ones(12) / 12 if w is None else np.asarray(w, dtype=float)


def previous_post_months(year: int, previous: dict, quotas: pd.DataFrame, params: Params) -> dict:
    """The previous version's month targets of each post of ``quotas``: as it stored them; for a
    version stored without them, a year's plan's full-year months of common × fraction, else the
    months of one of its judges in post all year without an override, else (a post it had no such
    judge of) the full-year months of its common quota × the post's fraction."""
    stored = previous.get("post_months") or {}
    by_judge = {m["judge"]: np.array([m[c] for c in MONTH_COLS], dtype=float) for m in previous["months"]}
    out: dict[tuple[str, str], np.ndarray] = {}
    for r in quotas.to_dict("records"):
        key = (r["track"], r["post"])
        if key in out:
            continue
        if r["post"] in stored.get(r["track"], {}):
            out[key] = np.asarray(stored[r["track"]][r["post"]], dtype=float)
            continue
        full = None
        if int(previous.get("from_month", 1)) > 1:
            for j in previous["judges"]:
                whole = (q.month_shares_in_post(year, j.get("in_post_from"), j.get("in_post_to")) == 1).all()
                if (j["track"], j["post"]) == key and not j.get("override_reason") and whole:
                    full = by_judge.get(j["judge"])
                    break
        if full is None:
            common = float(previous["inputs"][r["track"]]["common_quota"])
            fraction = params.quota.fraction_of(r["post"])
            full = q.full_year_months(common * fraction, _stored_weights(previous, r["track"]))
        out[key] = full
    return out


def with_newcomers(
    year: int, before: pd.DataFrame, quotas: pd.DataFrame, posts: dict[tuple[str, str], np.ndarray]
) -> pd.DataFrame:
    """The previous plan's months, plus those of judges it did not hold (entered in the roster after
    it, e.g. a joiner recorded late): the previous plan's month targets of their post × their share
    of each month in post, so the months they worked before the re-plan have targets."""
    known = set(before["judge"])
    rows = []
    for r in quotas.to_dict("records"):
        if r["judge"] in known:
            continue
        shares = q.month_shares_in_post(year, r.get("in_post_from"), r.get("in_post_to"))
        rows.append([r["judge"], *q.part_year_months(posts[(r["track"], r["post"])], shares)])
    if not rows:
        return before
    return pd.concat([before, pd.DataFrame(rows, columns=["judge", *MONTH_COLS])], ignore_index=True)


def build_plan(
    db: Database,
    year: int,
    params: Params,
    inputs: dict[str, q.QuotaInputs],
    from_month: int,
    previous: dict | None,
) -> dict:
    """A plan version as stored (``QuotaPlan.to_dict``) from today's roster and overrides: the
    year's plan (``from_month`` 1) or a re-plan keeping ``previous``'s months before ``from_month``."""
    common = {t: inputs[t].common_quota for t in TRACKS}
    judges = repo.judges_frame(db)
    weights = month_patterns(db, year, params)
    quotas = q.judge_quotas(year, judges, common, params, repo.overrides(db, year), weights)
    before, previous_post = None, None
    if previous is not None and from_month > 1 and len(quotas):
        previous_post = previous_post_months(year, previous, quotas, params)
        before = with_newcomers(year, pd.DataFrame(previous["months"]), quotas, previous_post)
    quotas, months = q.plan_months(year, quotas, weights, before, from_month, previous_post)
    posts = q.post_targets(quotas, weights, previous_post, from_month) if len(quotas) else {}
    post_months: dict[str, dict[str, list[float]]] = {}
    for (track, post), values in posts.items():
        post_months.setdefault(track, {})[post] = [float(x) for x in values]
    return QuotaPlan(
        year=year,
        from_month=from_month,
        pattern=params.quota.month_pattern,
        weights={t: weights[t].tolist() for t in TRACKS},
        inputs={t: inputs[t].as_dict() for t in TRACKS},
        derivation={t: inputs[t].derivation() for t in TRACKS},
        judges=quotas.to_dict("records"),
        months=months.to_dict("records"),
        post_months=post_months,
    ).to_dict()
