"""The window's and the command line's door to the store (services/session.py) and the small
read services that replaced their direct storage calls."""

from __future__ import annotations

import sqlite3

import pytest

from workload_app.services import access, accounts, demo, info, session
from workload_app.services.parameters import current_params, save_params
from workload_app.storage.db import latest_version
from workload_app.storage.migrations import MIGRATIONS


def test_open_creates_and_upgrades_and_close_closes(tmp_path):
    db = session.open_db(tmp_path / "s.sqlite")
    version = db.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    assert version == latest_version() == max(v for v, _, _ in MIGRATIONS)  # 24: the grading tables
    assert session.is_open(db)
    session.close_db(db)
    assert not session.is_open(db)
    with pytest.raises(sqlite3.ProgrammingError):
        db.conn.execute("SELECT 1")


def test_default_path_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKLOAD_DB", str(tmp_path / "court.sqlite"))
    assert session.default_db_path() == tmp_path / "court.sqlite"


def test_errors_are_named_through_services(tmp_path):
    garbage = tmp_path / "not-a-db.sqlite"
    garbage.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(session.DatabaseFileError) as err:
        session.open_db(garbage)
    assert err.value.code == "corrupt"
    assert (
        session.explain(sqlite3.DatabaseError("database disk image is malformed"), garbage).code == "corrupt"
    )
    assert session.explain(ValueError("x")) is None


def test_years_are_those_with_cases_or_parameters(db):
    assert info.years(db) == []
    params, _ = current_params(db, 2031)
    save_params(db, params, "为 2031 年预设参数")
    assert info.years(db) == [2031]


def test_account_links_for_the_administrator_only(demo_db):
    judges, divisions = accounts.link_choices(demo_db)
    rows = demo_db.conn.execute(
        "SELECT j.name, d.name FROM judges j LEFT JOIN divisions d ON d.id = j.division_id"
    )
    assert judges == sorted((n, d or "") for n, d in rows) and len(judges) > 10
    assert set(divisions) == {r[0] for r in demo_db.conn.execute("SELECT name FROM divisions")}
    user, _ = accounts.login(demo_db, "faguan", demo.DEMO_PASSWORD)
    access.bind(demo_db, user)
    with pytest.raises(access.AccessDenied):
        accounts.link_choices(demo_db)
