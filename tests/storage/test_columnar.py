"""On the court server the year's columns read through ADBC (storage/columnar.py) are the row
path's frame exactly: values, dtypes, NULLs, order; the row path serves where ADBC cannot give the
same frame, and always on a SQLite file (a second copy of SQLite in the process must not open it)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workload_app.storage import case_columns as cc
from workload_app.storage import columnar, derived
from workload_app.storage import repository as repo
from workload_app.storage.dialect import POSTGRESQL, dialect_of

pytest.importorskip("adbc_driver_postgresql")

COMPUTE_SQL = (
    cc.ENGINE_SELECT.replace("c.approved", "c.approved, c.judge_id, c.panel, c.closed_month, c.closed_on")
    + " WHERE c.closed_year = ?"
)


@pytest.fixture
def used(monkeypatch) -> list[int]:
    """The reads ADBC served (a result of that many rows each)."""
    served: list[int] = []
    real = columnar.arrow_table

    def counted(db, sql, params):
        table = real(db, sql, params)
        served.append(table.num_rows)
        return table

    monkeypatch.setattr(columnar, "arrow_table", counted)
    return served


def _nulls_first(db) -> list[int]:
    """The year's first 1,500 cases without panel, cause, approval and pages (a column NULL in
    its first rows must still come out as text and numbers), one without division; the demo has
    a panel and pages on most cases after them."""
    ids = [r[0] for r in db.conn.execute("SELECT id FROM cases WHERE closed_year = 2025 ORDER BY id")]
    first = ids[:1500]
    marks = ",".join("?" * len(first))
    db.conn.execute(
        f"UPDATE cases SET panel = NULL, cause = NULL, approved = NULL, file_pages = NULL WHERE id IN ({marks})",
        first,
    )
    db.conn.execute("UPDATE cases SET division_id = NULL WHERE id = ?", (ids[1600],))
    db.conn.commit()
    return ids


def test_the_year_read_through_adbc_is_the_row_read(demo_db, used):
    ids = _nulls_first(demo_db)
    assert len(ids) > 2000
    for year in (2025, 2024):
        old = repo.load_cases(demo_db, closed_year=year)
        new = cc.load_year_cases(demo_db, year)
        pd.testing.assert_frame_equal(new, old, check_exact=True)
        assert list(new.dtypes) == list(old.dtypes)
    new = cc.load_year_cases(demo_db, 2025)
    assert used[-1:] == ([len(ids)] if (dialect_of(demo_db) is POSTGRESQL) else [])  # ADBC on the server only
    # NULL first, values after: text stays text, pages stay floats, NULLs stay missing
    assert new["panel"].iloc[:1500].isna().all() and isinstance(new["panel"].dropna().iloc[0], str)
    assert new["file_pages"].dtype == np.float64 and new["file_pages"].iloc[:1500].isna().all()
    assert new["file_pages"].iloc[1500:].notna().any()
    assert pd.isna(new.loc[new["case_id"] == ids[1600], "division"]).all()
    assert new["division_id"].dtype == np.float64  # an integer column with a NULL: floats, as by rows
    type_codes = new["type_code"].to_numpy()  # equal strings one object, as by rows
    assert len({id(v) for v in type_codes}) == new["type_code"].nunique()


def test_every_year_read_of_a_computation_is_the_row_read(demo_db, used):
    _nulls_first(demo_db)
    old = cc.read_frame(demo_db, COMPUTE_SQL, (2025,), "case_id")
    new = cc.read_frame(demo_db, COMPUTE_SQL, (2025,), "case_id", columnar=True)
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert used == ([len(old)] if (dialect_of(demo_db) is POSTGRESQL) else [])
    comp = repo.latest_computation(demo_db, 2025)
    for sql, params in (
        (
            f"SELECT {', '.join(repo.RESULT_COLUMNS)} FROM case_results WHERE computation_id = ?",
            (comp["id"],),
        ),
        (cc.ENGINE_SELECT + " WHERE c.closed_year = ?", (2024,)),
        ("SELECT closed_month, COUNT(*) AS n, SUM(file_pages) AS pages FROM cases GROUP BY closed_month", ()),
        (cc.ENGINE_SELECT + " WHERE c.closed_year = ?", (1999,)),  # no rows
    ):
        old = cc.read_frame(demo_db, sql, params)
        new = cc.read_frame(demo_db, sql, params, columnar=True)
        pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert len(used) == (5 if (dialect_of(demo_db) is POSTGRESQL) else 0)
    old = repo.load_results(demo_db, comp["id"])
    pd.testing.assert_frame_equal(cc.load_results(demo_db, comp["id"]), old, check_exact=True)
    computed = derived.load_compute_cases(demo_db, 2025)
    engine = cc.load_engine_cases(demo_db, 2025)
    pd.testing.assert_frame_equal(computed[engine.columns], engine, check_exact=True)


def test_a_judges_list_with_named_placeholders_is_the_row_read(demo_db, used, monkeypatch):
    comp = repo.latest_computation(demo_db, 2025)
    judge = demo_db.conn.execute("SELECT name FROM judges ORDER BY id LIMIT 1").fetchone()[0]
    new = derived.load_judge_case_list(demo_db, comp["id"], 2025, judge)
    assert used == ([len(new)] if (dialect_of(demo_db) is POSTGRESQL) else []) and len(new) > 50
    real = cc.read_frame
    monkeypatch.setattr(cc, "read_frame", lambda *a, columnar=False, **k: real(*a, **k))
    old = derived.load_judge_case_list(demo_db, comp["id"], 2025, judge)
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert columnar._positional("SELECT :a, ?x, :b::int, :a", {"a": 1, "b": 2}) == (
        "SELECT ?, ?x, ?::int, ?",
        [1, 2, 1],
    )
    with pytest.raises(columnar.NotColumnar):
        columnar._positional("SELECT ':a'", {"a": 1})


def test_inside_a_transaction_the_callers_own_writes_are_read(demo_db, used):
    """A connection of its own would not see them: inside a transaction the row path reads."""
    before = len(cc.load_engine_cases(demo_db, 2025))
    with pytest.raises(RuntimeError), repo.transaction(demo_db):
        demo_db.conn.execute("UPDATE cases SET closed_year = 2025 WHERE closed_year = 2024")
        inside = cc.load_engine_cases(demo_db, 2025)
        raise RuntimeError("rolled back")
    assert len(inside) > before
    assert len(cc.load_engine_cases(demo_db, 2025)) == before
    # the reads outside the transaction only (none on a file)
    assert used == ([before, before] if (dialect_of(demo_db) is POSTGRESQL) else [])


@pytest.mark.sqlite_only
def test_a_file_is_read_by_rows_and_its_writes_are_seen_at_once(demo_db, used):
    """The regression that kept ADBC off files: its SQLite, closing, removed the WAL under the
    program's connection and the next read missed a committed change. By rows: seen."""
    cc.load_year_cases(demo_db, 2025)
    first = demo_db.conn.execute("SELECT MIN(id) FROM cases WHERE closed_year = 2025").fetchone()[0]
    with repo.transaction(demo_db):
        demo_db.conn.execute("UPDATE cases SET approved = 1, file_pages = 4321 WHERE id = ?", (first,))
    new = cc.load_year_cases(demo_db, 2025)
    assert new["file_pages"].iloc[0] == 4321.0 and new["approved"].iloc[0] is True
    assert used == []


def test_a_server_numeric_comes_as_the_float_the_row_path_gives(demo_db, used):
    if dialect_of(demo_db) is not POSTGRESQL:
        pytest.skip("the server's numeric")
    sql = "SELECT closed_month, SUM(file_pages) AS pages, AVG(file_pages) AS mean FROM cases GROUP BY closed_month"
    old = cc.read_frame(demo_db, sql, (), "closed_month")
    new = cc.read_frame(demo_db, sql, (), "closed_month", columnar=True)
    pd.testing.assert_frame_equal(new, old, check_exact=True)
    assert new["mean"].dtype == object and isinstance(new["mean"].iloc[0], float)
    assert used
