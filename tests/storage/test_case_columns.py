"""The column readers (storage/case_columns.py) give exactly the row readers' frames, and the
column writer stores exactly what the row writer stored."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workload_app.core.params import params_from_toml
from workload_app.core.standard import compute_averages, compute_standard_cases
from workload_app.services import standard_cases as S
from workload_app.storage import case_columns as cc
from workload_app.storage import repository as repo
from workload_app.storage.dialect import SQLITE, dialect_of


def _holes(db) -> None:
    """Blanks the demo never has: a case without division, pages, approval, panel, cause."""
    ids = [r[0] for r in db.conn.execute("SELECT id FROM cases WHERE closed_year = 2025 ORDER BY id LIMIT 5")]
    db.conn.execute("UPDATE cases SET division_id = NULL WHERE id = ?", (ids[0],))
    db.conn.execute("UPDATE cases SET file_pages = NULL, transcript_pages = NULL WHERE id = ?", (ids[1],))
    db.conn.execute("UPDATE cases SET approved = NULL, panel = NULL, cause = NULL WHERE id = ?", (ids[2],))
    db.conn.execute("UPDATE cases SET cause = '' WHERE id = ?", (ids[3],))
    # kept as text on a file; the server's integer column refuses it: a NULL there
    pages = "12页" if dialect_of(db) is SQLITE else None
    db.conn.execute("UPDATE cases SET judgment_pages = ? WHERE id = ?", (pages, ids[4]))
    db.conn.commit()


@pytest.mark.parametrize("chunk", [cc.CHUNK, 7])
def test_year_cases_read_by_column_equal_the_row_read(demo_db, monkeypatch, chunk):
    monkeypatch.setattr(cc, "CHUNK", chunk)  # 7: many chunks, integers in some and NULL in others
    _holes(demo_db)
    for year in (2024, 2025, 1999):
        old = repo.load_cases(demo_db, closed_year=year)
        new = cc.load_year_cases(demo_db, year)
        pd.testing.assert_frame_equal(new, old, check_exact=True)
        assert list(new.dtypes) == list(old.dtypes)
    new = cc.load_year_cases(demo_db, 2025)
    assert len(new) > 2000
    assert pd.isna(new.loc[new.index[1], "file_pages"]) and new.loc[new.index[3], "cause"] == ""
    assert pd.isna(new.loc[new.index[4], "judgment_pages"])  # as the row read coerces it
    # equal strings are one object: the memory saving the reader exists for
    type_codes = new["type_code"].to_numpy()
    assert len({id(v) for v in type_codes}) == new["type_code"].nunique()


def test_results_written_and_read_by_column_equal_the_row_paths(demo_db):
    _holes(demo_db)
    row = repo.current_param_set(demo_db, 2025)
    params = params_from_toml(row["toml"])
    averages = compute_averages(repo.load_cases(demo_db, closed_year=params.reference_year), params)
    results = compute_standard_cases(repo.load_cases(demo_db, closed_year=2025), params, averages)
    assert results["sc"].isna().any()  # NULLs go through both paths
    stored = {k: list(v) for k, v in averages.items()}
    with repo.transaction(demo_db):
        old_id = repo.save_results(demo_db, row["id"], 2025, stored, results)
        old_rows = demo_db.conn.execute(
            "SELECT * FROM case_results WHERE computation_id = ? ORDER BY case_id", (old_id,)
        ).fetchall()
        old_frame = repo.load_results(demo_db, old_id)
        new_id = cc.save_results(demo_db, row["id"], 2025, stored, results)
    new_rows = demo_db.conn.execute(
        "SELECT * FROM case_results WHERE computation_id = ? ORDER BY case_id", (new_id,)
    ).fetchall()
    assert len(new_rows) == len(results) > 2000  # the old computation and its rows replaced
    assert [r[1:] for r in new_rows] == [r[1:] for r in old_rows]  # the same values, NULL for NaN
    assert demo_db.conn.execute("SELECT case_count FROM computations WHERE id = ?", (new_id,)).fetchone()[
        0
    ] == len(results)
    new_frame = cc.load_results(demo_db, new_id)
    pd.testing.assert_frame_equal(new_frame, old_frame, check_exact=True)


def test_court_results_through_the_column_paths_equal_the_row_paths(demo_db):
    """What every view reads: the merged year from the new paths against the engine run on the
    old row reads (values and dtypes)."""
    merged, params, comp = S.court_results(demo_db, 2025)
    cases = repo.load_cases(demo_db, closed_year=2025)
    averages = compute_averages(repo.load_cases(demo_db, closed_year=params.reference_year), params)
    expected = cases.merge(compute_standard_cases(cases, params, averages), on="case_id", how="left")
    expected["rule"] = expected["rule"].astype(int)
    expected["flags"] = expected["flags"].astype(int)
    pd.testing.assert_frame_equal(merged[list(expected.columns)], expected, check_exact=True)
    assert np.isclose(comp["averages"]["court"].file, averages["court"].file, rtol=0, atol=0)


def test_engine_columns_are_the_full_reads_columns(demo_db):
    from workload_app.core.standard import CASE_COLUMNS

    _holes(demo_db)
    full = repo.load_cases(demo_db, closed_year=2025)
    slim = cc.load_engine_cases(demo_db, 2025)
    assert set(CASE_COLUMNS) <= set(slim.columns)
    pd.testing.assert_frame_equal(slim, full[list(slim.columns)], check_exact=True)


def test_tally_from_the_credit_columns_equals_the_tally_from_the_whole_year(demo_db):
    from workload_app.core.credit import credit_by_judge

    S.forget_cached()
    slim, params, _ = S.credit_columns(demo_db, 2025)
    merged, _, _ = S.court_results(demo_db, 2025)
    S.forget_cached()  # the slim read itself, not a cut of the kept year
    slim = S.credit_columns(demo_db, 2025)[0]
    pd.testing.assert_frame_equal(slim, merged[list(slim.columns)], check_exact=True)
    for month in (3, 12):
        upto = merged[merged["closed_month"] <= month]
        expected = credit_by_judge(upto, upto, params).set_index("judge")
        tally = S.court_tally(demo_db, 2025, month).set_index("judge").loc[expected.index]
        assert (tally["cases"] == expected["cases"]).all()
        assert (tally["sc_trial"] == expected["sc_trial"]).all()  # exactly: same values, same order
        assert (tally["sc_enforcement"] == expected["sc_enforcement"]).all()
        assert tally["sc_trial"].sum() > 0
