"""The server's year versions move once per statement on cases (migration 0027), not once per
case row; every change to a year's cases still moves that year's version and no other, and the
kept reference-year averages are trusted only while it has not moved."""

from __future__ import annotations

import pytest

from workload_app.storage import derived
from workload_app.storage import repository as repo


@pytest.fixture
def db(server_demo_db):
    return server_demo_db


def _versions(db) -> dict[int, int]:
    return dict(db.conn.execute("SELECT closed_year, version FROM year_versions").fetchall())


def test_a_statement_moves_each_year_it_touches_once(db):
    triggers = {
        r[0]
        for r in db.conn.execute(
            "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'year_version_%'"
        ).fetchall()
    }
    assert triggers == {
        "year_version_cases_insert",
        "year_version_cases_update",
        "year_version_cases_delete",
        "year_version_reviews",
    }
    assert derived.year_version(db, 2024) is not None  # the four triggers are what it checks
    before = _versions(db)
    n2024 = db.conn.execute("SELECT COUNT(*) FROM cases WHERE closed_year = 2024").fetchone()[0]
    assert n2024 > 100
    with repo.transaction(db):  # one statement, n2024 rows: version + 1, not + n2024
        db.conn.execute("UPDATE cases SET cause = cause WHERE closed_year = 2024")
    after = _versions(db)
    assert after[2024] == before[2024] + 1 and after[2025] == before[2025]
    with repo.transaction(db):  # a case moved from 2025 to 2024: both years move, once each
        first = db.conn.execute("SELECT MIN(id) FROM cases WHERE closed_year = 2025").fetchone()[0]
        db.conn.execute("UPDATE cases SET closed_year = 2024 WHERE id = ?", (first,))
    moved = _versions(db)
    assert moved[2024] == after[2024] + 1 and moved[2025] == after[2025] + 1
    with repo.transaction(db):
        db.conn.execute("DELETE FROM case_results WHERE case_id = ?", (first,))
        db.conn.execute("DELETE FROM held_reasons WHERE case_id = ?", (first,))
        db.conn.execute("DELETE FROM cases WHERE id = ?", (first,))
    assert _versions(db)[2024] == moved[2024] + 1 and _versions(db)[2025] == moved[2025]


def test_kept_averages_are_trusted_only_until_the_year_moves(db):
    derived.save_averages(db, 2024, "k", derived.year_version(db, 2024), {"court": [1.0, 2.0, 3.0]})
    assert derived.cached_averages(db, 2024, "k") == {"court": [1.0, 2.0, 3.0]}
    with repo.transaction(db):
        db.conn.execute(
            "UPDATE cases SET file_pages = file_pages + 1 WHERE id = (SELECT MIN(id) FROM cases WHERE closed_year = 2024)"
        )
    assert derived.cached_averages(db, 2024, "k") is None
