"""Hostile files: whatever arrives, the import ends with a result or a clear message naming the
file, never an unhandled exception, and a refused file leaves the database exactly as it was."""

from __future__ import annotations

import datetime as dt
import io
import itertools

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.importing.conftest import HEADER, case_rows, write_csv, write_xlsx
from tests.reliability.conftest import fingerprint
from workload_app.core.problems import WorkloadError
from workload_app.services.imports import import_cases

TODAY = dt.date(2025, 1, 31)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    derandomize=True,
)
_counter = itertools.count()
TRIED = {"n": 0}


def _attempt(db, path, skip_invalid=False):
    """Import; check the all-or-nothing and message guarantees; return the result or the error."""
    TRIED["n"] += 1
    before = fingerprint(db.conn)
    cases_before = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    try:
        result = import_cases(db, path, today=TODAY, skip_invalid=skip_invalid)
    except WorkloadError as exc:
        message = str(exc)
        assert path.name in message, message
        assert len(message) > len(path.name) + 2
        for p in getattr(exc, "problems", []):
            assert p.message and p.render()
        assert fingerprint(db.conn) == before, "a refused import changed the database"
        assert not db.conn.in_transaction
        return exc
    cases_after = db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    assert cases_after - cases_before == result.new
    if not result.committed:
        assert fingerprint(db.conn) == before
    return result


def _name(tmp_path, suffix):
    return tmp_path / f"fuzz{next(_counter)}{suffix}"


@FUZZ
@given(data=st.binary(min_size=0, max_size=4000), suffix=st.sampled_from([".xlsx", ".xls", ".csv"]))
def test_random_bytes(roster_db, tmp_path, data, suffix):
    path = _name(tmp_path, suffix)
    path.write_bytes(data)
    assert isinstance(_attempt(roster_db, path), WorkloadError)


@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=0.999))
def test_truncated_xlsx(roster_db, tmp_path, cut):
    good = write_xlsx(_name(tmp_path, ".xlsx"), case_rows())
    data = good.read_bytes()
    path = _name(tmp_path, ".xlsx")
    path.write_bytes(data[: int(len(data) * cut)])
    assert isinstance(_attempt(roster_db, path), WorkloadError)


TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)  # what xlsx can hold
CELL = st.one_of(
    st.none(),
    TEXT,
    st.tuples(st.sampled_from(["案", "9", "（2025）渝0106民初1号", " "]), st.integers(5000, 40000)).map(
        lambda t: t[0] * (t[1] // len(t[0]))
    ),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.booleans(),
)


@FUZZ
@given(
    cells=st.lists(st.lists(CELL, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=6),
    keep_good=st.booleans(),
    skip_invalid=st.booleans(),
)
def test_wrong_types_and_huge_or_empty_cells(roster_db, tmp_path, cells, keep_good, skip_invalid):
    rows = [HEADER, *(case_rows()[1:3] if keep_good else []), *cells]
    path = write_xlsx(_name(tmp_path, ".xlsx"), rows)
    _attempt(roster_db, path, skip_invalid)


@FUZZ
@given(
    header=st.lists(st.one_of(st.sampled_from(HEADER), TEXT, st.none()), min_size=0, max_size=16),
    title_rows=st.integers(min_value=0, max_value=3),
)
def test_broken_headers(roster_db, tmp_path, header, title_rows):
    body = [r[: len(header)] + [None] * (len(header) - len(r)) for r in case_rows()[1:]]
    rows = [["某某人民法院结案清单"]] * title_rows + [header or [None]] + body
    book = openpyxl.Workbook()
    for r in rows:
        book.active.append(r)
    path = _name(tmp_path, ".xlsx")
    book.save(path)
    _attempt(roster_db, path)


@FUZZ
@given(encoding=st.sampled_from(["utf-16", "utf-16-le", "big5", "shift_jis", "latin-1", "utf-32"]))
def test_wrong_encodings(roster_db, tmp_path, encoding):
    rows = [[c if not isinstance(c, dt.date) else c.isoformat() for c in r] for r in case_rows()]
    path = _name(tmp_path, ".csv")
    try:
        write_csv(path, rows, encoding=encoding)
    except UnicodeEncodeError:
        text = "\r\n".join(",".join("" if c is None else str(c) for c in r) for r in rows)
        path.write_bytes(text.encode(encoding, errors="replace"))
    _attempt(roster_db, path)


def test_a_csv_that_is_really_an_xlsx_and_the_reverse(roster_db, tmp_path):
    xlsx = write_xlsx(_name(tmp_path, ".xlsx"), case_rows())
    as_csv = _name(tmp_path, ".csv")
    as_csv.write_bytes(xlsx.read_bytes())
    _attempt(roster_db, as_csv)
    as_xlsx = _name(tmp_path, ".xlsx")
    buf = io.StringIO()
    for r in case_rows():
        buf.write(",".join("" if c is None else str(c) for c in r) + "\n")
    as_xlsx.write_text(buf.getvalue(), encoding="utf-8")
    _attempt(roster_db, as_xlsx)


@pytest.fixture(scope="module", autouse=True)
def _report_count():
    yield
    print(f"\nfuzzed imports tried: {TRIED['n']}")
