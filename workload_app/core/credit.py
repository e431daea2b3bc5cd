"""Who is credited with which case (计入法官): the responsible judge (承办) and, when the court
shares, the panel members (合议庭成员) — the one rule of panel credit — and the time-in-post rule:
a case counts for a judge only if closed while in post (入额 to 离任); otherwise that judge's share
is held (待复核) and credited to nobody until a reviewer decides.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workload_app.core.params import Params

# ---------------------------------------------------------------- credit per judge


def split_panel(panel: object) -> list[str]:
    """Panel members (合议庭成员) from a cell: separated by 、，, ; or spaces."""
    if panel is None or (isinstance(panel, float) and math.isnan(panel)):
        return []
    return [p for p in re.split(r"[、,，;；\s/]+", str(panel)) if p]


def on_panel(panels: pd.Series, judge: str) -> np.ndarray:
    """Whether each panel text names ``judge`` (``split_panel``), worked out once per distinct text:
    a court's year has a few hundred panels among a million cases."""
    codes, distinct = pd.factorize(panels, use_na_sentinel=True)
    named = np.array([judge in split_panel(p) for p in distinct] + [False], dtype=bool)
    return named[codes]  # the sentinel -1 (no panel) takes the last entry: False


# ---------------------------------------------------------------- time in post (入额 to 离任)


def _iso(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    return str(value)[:10]


@dataclass(frozen=True)
class PostSpans:
    """Each judge's time in post (入额 to 离任, both inclusive; '' where the roster gives no date)
    and the (case id, judge) pairs a reviewer confirmed though closed outside it. A case counts
    for a judge only if closed while in post; a judge the roster does not know is not checked."""

    spans: dict[str, tuple[str, str]]
    confirmed: frozenset[tuple[int, str]] = frozenset()

    @classmethod
    def of(cls, judges: pd.DataFrame, confirmed: object = ()) -> PostSpans:
        """From a roster frame (name, in_post_from, in_post_to)."""
        spans = {
            str(n): (_iso(a), _iso(b))
            for n, a, b in zip(judges["name"], judges["in_post_from"], judges["in_post_to"], strict=True)
        }
        return cls(spans, frozenset(confirmed))

    def reason(self, judge: str, closed_on: object) -> str:
        """Why a case of ``judge`` closed on ``closed_on`` is held, in words (待复核原因)."""
        start, end = self.spans.get(str(judge), ("", ""))
        return (
            f"结案日期 {_iso(closed_on)} 不在法官「{judge}」的任职期间"
            f"（入额日期 {start or '—'}，离任日期 {end or '—'}）"
        )

    def outside(self, names: np.ndarray, case_ids: np.ndarray, closed_on: np.ndarray) -> np.ndarray:
        """Per (judge, case): closed outside the judge's time in post and not confirmed. Names and
        dates are hashed once; the comparison runs on the (few) distinct judges and days."""
        names = pd.Series(np.asarray(names, dtype=object))
        judge_code, judges = pd.factorize(names, use_na_sentinel=True)
        day_code, days = pd.factorize(pd.Series(np.asarray(closed_on, dtype=object)), use_na_sentinel=True)
        nat = np.datetime64("NaT", "D")

        def as_day(value: object) -> np.datetime64:
            text = _iso(value)
            try:
                return np.datetime64(text, "D") if text else nat
            except ValueError:
                return nat

        def spans(i: int) -> np.ndarray:  # per judge code, NaT last (code -1: no judge, no bound)
            bound = [as_day(self.spans.get(str(j), ("", ""))[i]) for j in judges]
            return np.array([*bound, nat], dtype="datetime64[D]")[judge_code]

        day = np.array([*(as_day(d) for d in days), nat], dtype="datetime64[D]")[day_code]
        start, end = spans(0), spans(1)
        known = ~np.isnat(day)
        out = known & ((~np.isnat(start) & (day < start)) | (~np.isnat(end) & (day > end)))
        if self.confirmed and out.any():
            for i in np.flatnonzero(out):
                if (int(case_ids[i]), names.iat[i]) in self.confirmed:
                    out[i] = False
        return out


@dataclass(frozen=True)
class CreditLinks:
    """Who is credited with which case, and with what share (the one rule of panel credit): the
    responsible judge's link for every case first, in case order, then the other panel members'."""

    judges: np.ndarray  # the judges' names, by code
    judge_code: np.ndarray  # per link (-1: no judge named)
    case_pos: np.ndarray  # per link: position of the case in the cases frame
    share: np.ndarray  # per link (0 where held: closed outside the judge's time in post)
    own: np.ndarray  # per link: the responsible judge's (承办) link, not a panel member's
    held: np.ndarray  # per link: closed outside that judge's time in post (待复核), credited to nobody


def credit_links(cases: pd.DataFrame, params: Params, post: PostSpans | None = None) -> CreditLinks:
    """The responsible judge's share of every case and, when members share (合议庭成员), each other
    panel member's share (a name counted once per case). ``cases`` needs judge and panel; with
    ``post`` (and case_id, closed_on), a link of a judge out of post on the closing day is held:
    share 0, credited to nobody (on a panel only that member's share)."""
    resp, member = params.panel.responsible_share, params.panel.member_share
    names = [cases["judge"].to_numpy(dtype=object)]
    positions = [np.arange(len(cases))]
    shares = [np.full(len(cases), resp)]
    if member > 0:
        extra_names, extra_pos = [], []
        members: dict = {}  # each distinct panel text split once
        for pos, (judge, panel) in enumerate(zip(cases["judge"], cases["panel"], strict=True)):
            names_of = members.get(panel)
            if names_of is None:
                names_of = members[panel] = list(dict.fromkeys(split_panel(panel)))
            for name in names_of:
                if name != judge:
                    extra_names.append(name)
                    extra_pos.append(pos)
        names.append(np.array(extra_names, dtype=object))
        positions.append(np.array(extra_pos, dtype=int))
        shares.append(np.full(len(extra_pos), member))
    codes, judges = pd.factorize(pd.Series(np.concatenate(names)), use_na_sentinel=True)
    own = np.zeros(len(codes), dtype=bool)
    own[: len(cases)] = True
    case_pos, share = np.concatenate(positions), np.concatenate(shares)
    held = np.zeros(len(codes), dtype=bool)
    if post is not None and len(codes) and "closed_on" in cases:
        link_names = np.where(codes >= 0, np.asarray(judges, dtype=object)[np.maximum(codes, 0)], "")
        held = post.outside(
            link_names, cases["case_id"].to_numpy()[case_pos], cases["closed_on"].to_numpy()[case_pos]
        )
        held &= codes >= 0
        share = np.where(held, 0.0, share)
    return CreditLinks(np.asarray(judges, dtype=object), codes, case_pos, share, own, held)


def judge_shares(cases: pd.DataFrame, judge: str, params: Params, post: PostSpans | None = None) -> pd.Series:
    """The share of each case's SC credited to ``judge``: the responsible judge's share (承办),
    a panel member's share (合议庭成员), else 0 (also where held: closed outside the judge's time
    in post) — the links ``credit_by_judge`` sums, case by case."""
    links = credit_links(cases, params, post)
    hit = np.flatnonzero(links.judges == judge)
    mine = links.judge_code == (hit[0] if len(hit) else -2)
    shares = np.zeros(len(cases))
    shares[links.case_pos[mine]] = links.share[mine]  # at most one link per judge and case
    return pd.Series(shares, index=cases.index, dtype=float)


def credit_by_judge(
    cases: pd.DataFrame, results: pd.DataFrame, params: Params, post: PostSpans | None = None
) -> pd.DataFrame:
    """Each judge's credited SC per unit (panel shares applied) and number of cases handled.

    ``cases`` needs case_id, judge, panel (and closed_on with ``post``: a link of a judge out of
    post on the closing day earns nothing, the case still counts among the responsible judge's
    cases); returns columns judge, cases, sc_trial, sc_enforcement. With the default shares
    (1, 0) the responsible judge (承办法官) gets the whole SC.
    """
    wanted = [
        "case_id",
        "judge",
        "panel",
        *(["closed_on"] if post is not None and "closed_on" in cases else []),
    ]
    merged = cases[wanted].merge(results[["case_id", "unit", "sc"]], on="case_id", how="inner")
    links = credit_links(merged, params, post)
    sc = merged["sc"].to_numpy(dtype=float)[links.case_pos]
    # a member's link counts only where the case earns something for them; the responsible judge's always
    keep = links.own | ~(np.isnan(sc) | (sc == 0) | links.held)
    code = links.judge_code[keep]
    allc = pd.DataFrame(
        {
            "judge": np.where(code >= 0, links.judges[np.maximum(code, 0)], None),
            "unit": merged["unit"].to_numpy()[links.case_pos[keep]],
            "credit": np.where(np.isnan(sc[keep]), 0.0, sc[keep]) * links.share[keep],
            "n": links.own[keep].astype(np.int64),
        }
    )
    table = allc.pivot_table(index="judge", columns="unit", values="credit", aggfunc="sum", fill_value=0.0)
    counts = allc.groupby("judge")["n"].sum()
    out = pd.DataFrame(
        {
            "judge": table.index,
            "cases": counts.reindex(table.index).to_numpy(dtype=int),
            "sc_trial": table["trial"].to_numpy() if "trial" in table else 0.0,
            "sc_enforcement": table["enforcement"].to_numpy() if "enforcement" in table else 0.0,
        }
    )
    return out.reset_index(drop=True)
