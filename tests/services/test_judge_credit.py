"""The per-judge credit stored with each computation (migration 15) and the judge's own view
read from it: the same figures, bit for bit, as the court-wide path computed from every case."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, replace

import numpy as np
import pandas as pd
import pytest

from tests.services.test_review import HEADER, HUGE_CASE, court, row, write_xlsx  # noqa: F401
from workload_app.core.credit import credit_by_judge, judge_shares
from workload_app.core.params import PanelParams
from workload_app.core.standard import OUTLIER
from workload_app.services import approvals, figures, my_workload, review
from workload_app.services import standard_cases as S
from workload_app.services.imports import import_cases, undo_import
from workload_app.services.parameters import current_params, save_params
from workload_app.services.sheets import build_context, judge_figures
from workload_app.storage import repository as repo

YEAR = 2025


def old_tally(db, year: int, through_month: int) -> pd.DataFrame:
    """court_tally as main computed it: credit_by_judge over every case of the year."""
    merged, params, _ = S.credit_columns(db, year)
    upto = merged[merged["closed_month"] <= through_month]
    credit = credit_by_judge(upto, upto, params)
    judges = repo.judges_frame(db).rename(columns={"name": "judge"})
    judges = judges[figures.in_post(judges, year)]
    out = judges[["judge", "division", "post", "track"]].merge(credit, on="judge", how="left")
    out["cases"] = out["cases"].fillna(0).astype(int)
    out[["sc_trial", "sc_enforcement"]] = out[["sc_trial", "sc_enforcement"]].fillna(0.0)
    return out


def old_monthly(db, year: int) -> pd.DataFrame:
    out = S._monthly_from_cases(db, year)
    return S._monthly_in_post(db, year, out)


def assert_same_credit(db, year: int = YEAR) -> None:
    assert repo.latest_computation(db, year) is None or True
    S.court_tally(db, year)  # computes when stale
    assert repo.latest_computation(db, year)["derived"] == 1  # read from the stored table
    for m in range(1, 13):
        pd.testing.assert_frame_equal(S.court_tally(db, year, m), old_tally(db, year, m), check_exact=True)
    pd.testing.assert_frame_equal(S.court_monthly_credit(db, year), old_monthly(db, year), check_exact=True)


def test_stored_credit_equals_the_tally_from_every_case(demo_db):
    assert_same_credit(demo_db)
    stored = S.court_tally(demo_db, YEAR, 6)
    assert stored["sc_trial"].sum() > 0 and stored["cases"].sum() > 0  # not an empty comparison


def test_stored_credit_with_panel_shares_and_after_recomputing(demo_db):
    params, _ = current_params(demo_db, YEAR)
    save_params(demo_db, replace(params, panel=PanelParams(responsible_share=0.7, member_share=0.3)), "t")
    assert_same_credit(demo_db)
    merged, _, _ = S.credit_columns(demo_db, YEAR)
    assert merged["panel"].fillna("").str.len().gt(0).any()  # panels that share credit
    S.compute_year(demo_db, YEAR)  # computed again: the new computation's rows, not the old ones
    assert_same_credit(demo_db)
    assert demo_db.conn.execute("SELECT COUNT(DISTINCT computation_id) FROM judge_credit").fetchone()[
        0
    ] == len({r[0] for r in demo_db.conn.execute("SELECT id FROM computations WHERE derived = 1")})


def test_stored_credit_after_an_approval_and_a_judge_leaving(demo_db):
    waiting = approvals.awaiting(demo_db, YEAR)
    assert len(waiting)
    before = S.court_tally(demo_db, YEAR).set_index("judge")
    approvals.record_approval(demo_db, waiting["case_number"].iloc[0], True, "同意")
    assert_same_credit(demo_db)
    after = S.court_tally(demo_db, YEAR).set_index("judge")
    assert not before[["sc_trial", "sc_enforcement"]].equals(after[["sc_trial", "sc_enforcement"]])
    judge = repo.judges_frame(demo_db).iloc[0]
    repo.upsert_judge(demo_db, {**judge.drop("id").to_dict(), "in_post_to": "2024-12-31"})
    assert judge["name"] not in set(S.court_tally(demo_db, YEAR)["judge"])
    assert_same_credit(demo_db)


def test_stored_credit_with_held_cases_reviews_and_an_undone_import(court, tmp_path):  # noqa: F811
    for year in (2025, 2026):
        assert_same_credit(court, year)
    merged, _, _ = S.court_results(court, 2025)
    assert ((merged["flags"] & OUTLIER) > 0).any()  # the huge case is held
    review.confirm(court, HUGE_CASE, "已核对卷宗")
    assert_same_credit(court, 2025)
    zhang_before = S.court_tally(court, 2025).set_index("judge").loc["张三", "sc_trial"]
    extra = import_cases(
        court, write_xlsx(tmp_path / "more.xlsx", [HEADER, row(500, 2025, "张三", (300, 9, 6))])
    )
    assert_same_credit(court, 2025)
    assert S.court_tally(court, 2025).set_index("judge").loc["张三", "sc_trial"] > zhang_before
    undo_import(court, extra.batch_id)  # the stored credit is stale now: recomputed, equal again
    assert_same_credit(court, 2025)
    assert S.court_tally(court, 2025).set_index("judge").loc["张三", "sc_trial"] == zhang_before


def test_credit_tables_match_credit_by_judge_on_awkward_rows():
    """Missing SC, a missing unit, a month without cases, names in any order."""
    from workload_app.core.params import default_params

    rng = np.random.default_rng(5)
    n = 5000
    names = np.array(["王五", "张三", "李四", "Zhao", "赵六"], dtype=object)
    frame = pd.DataFrame(
        {
            "case_id": np.arange(n),
            "judge": names[rng.integers(0, 5, n)],
            "panel": None,
            "closed_month": rng.choice([1, 2, 3, 5, 7, 8, 12], n),
            "unit": np.where(rng.random(n) < 0.7, "trial", "enforcement").astype(object),
            "sc": rng.random(n) * 3,
        }
    )
    frame.loc[rng.random(n) < 0.05, "sc"] = np.nan
    frame.loc[3, "unit"] = None
    params = default_params(YEAR)
    params = replace(params, panel=PanelParams(responsible_share=0.9, member_share=0.0))
    tables = {(k, m): f for k, m, f in figures.credit_tables(frame, params)}
    assert ("month", 4) not in tables and len(tables) == 7 + 12
    for (kind, m), got in tables.items():
        part = frame[frame["closed_month"] == m] if kind == "month" else frame[frame["closed_month"] <= m]
        pd.testing.assert_frame_equal(got, credit_by_judge(part, part, params), check_exact=True)


# ---------------------------------------------------------------- the judge's own view


def old_my_workload(db, year: int, month: int, judge: str) -> dict:
    """my_workload as main computed it, from the court-wide sheet context."""
    ctx = build_context(db, year, month)
    figures = judge_figures(ctx, judge)
    figures["ranks_shown"] = my_workload.ranks_shown(my_workload.access.current(db), figures["publish_ranks"])
    if not figures["ranks_shown"]:
        figures["assessment"] = {**figures["assessment"], "rank_division": None, "rank_court": None}
    merged = ctx.merged
    mine = merged[my_workload.access._own_case_mask(merged, judge)].copy()
    mine["role_in_case"] = (mine["judge"] == judge).map({True: "承办", False: "合议庭成员"})
    mine["share"] = judge_shares(mine, judge, ctx.params)
    mine["credited"] = mine["sc"] * mine["share"]
    mine["rule"] = mine["rule_name"]
    mine["flags"] = mine["flags_text"]
    mine["explanation"] = (
        S.explanations(merged.loc[mine.index], ctx.params) if len(mine) else pd.Series(dtype=object)
    )
    columns = [
        "case_id",
        "case_number",
        "role_in_case",
        "cause",
        "closed_on",
        "type_code",
        "unit",
        "sc",
        "share",
        "credited",
        "rule",
        "flags",
        "explanation",
    ]
    return {
        "figures": figures,
        "cases": mine.sort_values("closed_on")[columns].reset_index(drop=True),
        "shares": (ctx.params.panel.responsible_share, ctx.params.panel.member_share),
        "quality_figures": ctx.quality.judge(judge),
    }


def same(a, b, path="") -> None:
    if isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), path
        for k in a:
            if k != "generated_at":
                same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{path}[{i}]")
    elif isinstance(a, float) and math.isnan(a):
        assert isinstance(b, float) and math.isnan(b), path
    else:
        assert a == b and type(a) is type(b), (path, a, b)


def assert_same_view(db, year: int, month: int, judge: str) -> pd.DataFrame:
    new = my_workload.my_workload(db, year, month, judge)
    old = old_my_workload(db, year, month, judge)
    same(new["figures"], old["figures"])
    same(asdict(new["quality_figures"]), asdict(old["quality_figures"]))  # NaN where nothing to divide
    pd.testing.assert_frame_equal(new["cases"], old["cases"].drop(columns="explanation"), check_exact=True)
    # each case's explanation, asked for one case at a time as the view does, is the same text
    cases = new["cases"].copy()
    step = max(1, len(cases) // 40)  # every case of a small list, 40 spread over a long one
    asked = cases.index[::step].union(cases.index[cases["flags"] != ""])
    cases["explanation"] = None
    cases.loc[asked, "explanation"] = [
        my_workload.case_explanation(db, year, int(i), judge) for i in cases.loc[asked, "case_id"]
    ]
    assert cases.loc[asked, "explanation"].tolist() == old["cases"].loc[asked, "explanation"].tolist()
    return cases


@pytest.mark.slow  # each judge's own view against the court-wide path, on both stores
def test_my_workload_equals_the_court_wide_path_for_several_judges(demo_db):
    params, _ = current_params(demo_db, YEAR)
    save_params(demo_db, replace(params, panel=PanelParams(responsible_share=0.8, member_share=0.2)), "t")
    judges = repo.judges_frame(demo_db)
    judges = S.court_tally(demo_db, YEAR)
    chosen = list(
        judges["name" if "name" in judges else "judge"].iloc[[0, 3, len(judges) // 2, len(judges) - 1]]
    )
    shown = 0
    for judge in chosen:
        for month in (3, 12):
            cases = assert_same_view(demo_db, YEAR, month, judge)
            shown += len(cases)
            if month == 12 and len(cases):
                assert (cases["role_in_case"] == "合议庭成员").any() or (
                    cases["role_in_case"] == "承办"
                ).all()
    assert shown > 100
    assert "sqlite" not in type(my_workload.judge_context(demo_db, YEAR, 12, chosen[0]).merged).__name__


def test_my_workload_equals_the_court_wide_path_with_a_held_case(court):  # noqa: F811
    cases = assert_same_view(court, 2025, 12, "李四")
    held = cases[cases["case_number"] == HUGE_CASE]
    assert len(held) == 1 and "中位数" in held["explanation"].iloc[0]
    assert_same_view(court, 2025, 12, "张三")  # on the held case's panel
    with pytest.raises(Exception, match="1 到 12"):
        my_workload.my_workload(court, 2025, 13, "李四")


# ---------------------------------------------------------------- the reference year's averages kept


def stored_results(db, year: int) -> tuple[pd.DataFrame, str]:
    comp = repo.latest_computation(db, year)
    res = S.case_columns.load_results(db, comp["id"])
    return res, comp["averages"]


def test_kept_reference_averages_give_the_same_results_and_follow_changes(court, tmp_path):  # noqa: F811
    # the fixture's actions computed both years (2026 kept 2025's averages too): start from none kept
    court.conn.execute("DELETE FROM reference_averages")
    S.compute_year(court, 2025)  # reads 2024 and keeps its averages
    assert court.conn.execute("SELECT COUNT(*) FROM reference_averages").fetchone()[0] == 1
    read_again, averages_read = stored_results(court, 2025)
    S.compute_year(court, 2025)  # takes the kept averages: nothing of 2024 changed
    kept, averages_kept = stored_results(court, 2025)
    pd.testing.assert_frame_equal(kept, read_again, check_exact=True)
    assert averages_kept == averages_read
    court.conn.execute("DELETE FROM reference_averages")
    S.compute_year(court, 2025)
    assert stored_results(court, 2025)[1] == averages_kept
    # a 2024 case's pages change: 2024's version moves, its averages are read again
    v = court.conn.execute("SELECT version FROM year_versions WHERE closed_year = 2024").fetchone()[0]
    court.conn.execute(
        "UPDATE cases SET file_pages = file_pages + 100 WHERE id = (SELECT MIN(id) FROM cases WHERE closed_year = 2024)"
    )
    assert court.conn.execute("SELECT version FROM year_versions WHERE closed_year = 2024").fetchone()[0] > v
    S.compute_year(court, 2025)
    changed = json.loads(stored_results(court, 2025)[1])["court"]
    assert changed[0] == pytest.approx(145.0 + 100 / 10, rel=1e-12)  # mean file pages of ten cases, by hand
    # a changed parameter set is a different key: read again, not taken from the other one
    params, _ = current_params(court, 2025)
    save_params(court, replace(params, panel=PanelParams(responsible_share=1.0, member_share=0.0)), "t")
    S.compute_year(court, 2025)
    assert court.conn.execute("SELECT COUNT(*) FROM reference_averages").fetchone()[0] == 2


def test_a_reviewers_decision_on_a_reference_year_case_moves_its_version(court):  # noqa: F811
    S.compute_year(court, 2026)  # 2026 takes 2025 (with the held huge case) as reference
    before = json.loads(stored_results(court, 2026)[1])["court"]
    review.confirm(court, HUGE_CASE, "已核对卷宗")  # 2025's huge case now counts in the averages
    S.compute_year(court, 2026)
    after = json.loads(stored_results(court, 2026)[1])["court"]
    assert after[3] == before[3] + 1 and after[0] > before[0] * 10


def _same_value(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return (a is b) or (type(a) is type(b) and a == b)


def test_records_of_is_to_dict_records_on_a_year_of_results(demo_db):
    merged, params, _ = S.court_results(demo_db, YEAR)
    merged["rule_name"] = S.rule_names(merged, params)
    merged["flags_text"] = S.flags_text(merged)  # the string columns the views add
    expected = merged.to_dict("records")
    got = S.records_of(merged)
    assert len(got) == len(expected) == len(merged) > 1000
    for g, e in zip(got, expected, strict=True):
        assert g.keys() == e.keys()
        assert all(_same_value(g[k], e[k]) for k in e), [
            (k, g[k], e[k]) for k in e if not _same_value(g[k], e[k])
        ]


def test_a_judge_sees_their_own_figures_when_the_results_are_stale(demo_db):
    """A judge may not start a court-wide computation, but stale results are refreshed for the
    reader (as the court-wide context did): the judge's view must not refuse."""
    from workload_app.services import access

    judge = S.court_tally(demo_db, YEAR).iloc[2]
    with repo.transaction(demo_db):  # the cases change by an action: it brings the figures up to date
        figures.update(demo_db, figures.Touched())
    access.bind(
        demo_db, access.User(login="j", role=access.JUDGE, judge=judge["judge"], division=judge["division"])
    )
    out = my_workload.my_workload(demo_db, YEAR, 12)
    assert out["figures"]["judge"]["name"] == judge["judge"] and len(out["cases"]) > 0
