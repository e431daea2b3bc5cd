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

from tests.conftest import examples
from tests.importing.conftest import HEADER, case_rows, write_csv, write_xlsx
from tests.reliability.conftest import fingerprint
from workload_app.core.problems import WorkloadError
from workload_app.services.imports import import_cases

TODAY = dt.date(2025, 1, 31)
FUZZ = settings(
    max_examples=examples(60),
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


# ---------------------------------------------------------------- issue 14 families
FUZZ_14 = settings(FUZZ, max_examples=examples(30))  # six families: keep the suite quick


NAMES = ["张三", "李四", "王五", "赵六"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u3000", " ", "\u00a0"]
FORMULAS = ["=1+1", '=HYPERLINK("http://x","点我")', "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3", "=A1*0"]
ERRORS = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]
FAMILIES: dict[str, int] = {}


def _family(name):
    FAMILIES[name] = FAMILIES.get(name, 0) + 1


def _text_rows():
    return [[c.isoformat() if isinstance(c, dt.date) else c for c in r] for r in case_rows()]


@FUZZ_14
@given(
    payload=st.sampled_from(FORMULAS + ERRORS),
    row=st.integers(1, 4),
    column=st.sampled_from([2, 3, 7, 9, 10]),
    csv_file=st.booleans(),
)
def test_formula_payloads_in_cells(roster_db, tmp_path, payload, row, column, csv_file):
    """A formula-looking text is text; an error value (#DIV/0! …) is an error naming that cell."""
    _family("formula payloads")
    rows = _text_rows() if csv_file else case_rows()
    rows[row][column] = payload
    path = (
        write_csv(_name(tmp_path, ".csv"), rows) if csv_file else write_xlsx(_name(tmp_path, ".xlsx"), rows)
    )
    outcome = _attempt(roster_db, path)
    if payload in ERRORS or (not csv_file and payload.startswith("=")):  # error, or a formula without value
        assert isinstance(outcome, WorkloadError)
        assert (row + 1, HEADER[column]) in {(p.row, p.column) for p in outcome.problems}
    elif column == 2:  # 案由 holds any text, stored as it came, never evaluated
        assert not isinstance(outcome, WorkloadError)
        stored = roster_db.conn.execute("SELECT cause FROM cases WHERE cause = ?", (payload,)).fetchone()
        assert stored == (payload,)


@FUZZ_14
@given(letters=st.integers(200, 16384), row=st.integers(20_000, 1_048_576))
def test_bombs_far_cells(roster_db, tmp_path, letters, row):
    from tests.importing.hostile import with_far_cell
    from workload_app.importing.readers import column_letter

    _family("bombs")
    ref = f"{column_letter(letters - 1)}{row}"
    outcome = _attempt(roster_db, with_far_cell(_name(tmp_path, ".xlsx"), ref))
    assert isinstance(outcome, WorkloadError) and "远在数据之外" in str(outcome)


def test_bombs_zip_and_csv(roster_db, tmp_path):
    from tests.importing.hostile import zip_bomb

    for megabytes in (20, 64):
        _family("bombs")
        outcome = _attempt(roster_db, zip_bomb(_name(tmp_path, ".xlsx"), megabytes))
        assert isinstance(outcome, WorkloadError) and len(str(outcome)) < 200
    _family("bombs")
    rows = _text_rows()
    rows[2][2] = "案" * 300_000
    outcome = _attempt(roster_db, write_csv(_name(tmp_path, ".csv"), rows))
    assert isinstance(outcome, WorkloadError) and len(str(outcome)) < 400


@FUZZ_14
@given(
    row=st.integers(1, 4),
    column=st.integers(1, len(HEADER) - 1),
    where=st.sampled_from(["start", "end", "both"]),
)
def test_stray_quotes(roster_db, tmp_path, row, column, where):
    """A stray quote either leaves every row its own record or refuses naming the row; never fewer rows."""
    _family("stray quotes")
    rows = _text_rows()
    cell = "" if rows[row][column] is None else str(rows[row][column])
    rows[row][column] = {"start": '"' + cell, "end": cell + '"', "both": '"' + cell + '"x'}[where]
    path = _name(tmp_path, ".csv")
    path.write_bytes(
        ("\r\n".join(",".join("" if c is None else str(c) for c in r) for r in rows) + "\r\n").encode()
    )
    outcome = _attempt(roster_db, path, skip_invalid=True)
    if isinstance(outcome, WorkloadError):
        assert outcome.problems and outcome.problems[0].row == row + 1
    else:
        assert outcome.total == 4  # every physical row read as its own record


@FUZZ_14
@given(
    marks=st.lists(st.tuples(st.integers(0, 3), st.sampled_from(INVISIBLE), st.integers(0, 2)), max_size=6),
)
def test_lookalike_names(roster_db, tmp_path, marks):
    _family("look-alike names")
    rows = case_rows()
    for judge, mark, at in marks:
        name = rows[judge + 1][3].strip()
        rows[judge + 1][3] = name[:at] + mark + name[at:]
    result = _attempt(roster_db, write_xlsx(_name(tmp_path, ".xlsx"), rows))
    assert not isinstance(result, WorkloadError) and not result.created_judges
    names = [
        r[0] for r in roster_db.conn.execute("SELECT j.name FROM cases c JOIN judges j ON j.id = c.judge_id")
    ]
    assert sorted(names) == sorted(NAMES)
    assert roster_db.conn.execute("SELECT COUNT(*) FROM judges").fetchone()[0] == 4


@FUZZ_14
@given(pages=st.integers(0, 10_000_000), row=st.integers(1, 3), column=st.sampled_from([9, 10, 11]))
def test_absurd_pages(roster_db, tmp_path, pages, row, column):
    _family("absurd pages")
    rows = case_rows()
    rows[row][column] = pages
    outcome = _attempt(roster_db, write_xlsx(_name(tmp_path, ".xlsx"), rows))
    if pages > 100_000:
        assert isinstance(outcome, WorkloadError)
        [p] = outcome.problems
        assert (p.row, p.column) == (row + 1, HEADER[column]) and "超过上限" in p.message
    else:
        field = ["file_pages", "transcript_pages", "judgment_pages"][column - 9]
        stored = roster_db.conn.execute(
            f"SELECT {field} FROM cases WHERE case_number LIKE ?",  # noqa: S608
            ("%" + rows[row][1][-8:],),
        ).fetchone()
        assert stored == (pages,)


@FUZZ_14
@given(
    moves=st.lists(
        st.tuples(st.integers(1, 4), st.sampled_from(NAMES)), max_size=4, unique_by=lambda m: m[0]
    ),
    reassign=st.booleans(),
)
def test_conflicting_reimports(tmp_path, moves, reassign):
    """A case arriving for another judge is held (database unchanged) unless reassign, then moved and audited."""
    from tests.conftest import open_as_operator
    from tests.importing.conftest import ROSTER
    from workload_app.services.imports import import_judges

    _family("conflicting re-imports")
    db = open_as_operator(_name(tmp_path, ".sqlite"))
    try:
        import_judges(db, write_xlsx(_name(tmp_path, ".xlsx"), ROSTER, sheet="名册"))
        import_cases(db, write_xlsx(_name(tmp_path, ".xlsx"), case_rows()), today=TODAY)
        before = fingerprint(db.conn)
        rows = case_rows()
        for row, judge in moves:
            rows[row][3] = judge
            rows[row][4] = None  # the division follows the judge
        moved = {rows[r][1] for r, j in moves if j != case_rows()[r][3].strip()}
        result = import_cases(db, write_xlsx(_name(tmp_path, ".xlsx"), rows), today=TODAY, reassign=reassign)
        TRIED["n"] += 1
        assert len(result.conflicts) == len(moved)
        if not moved or not reassign:
            assert fingerprint(db.conn) == before
            assert {p.code for p in result.problems} <= {"reassign_conflict"}
        else:
            assert len(result.reassigned) == len(moved) and result.updated == len(moved)
            stored = dict(
                db.conn.execute(
                    "SELECT c.case_number, j.name FROM cases c JOIN judges j ON j.id = c.judge_id"
                )
            )
            for row, judge in moves:
                number = rows[row][1].replace("（", "(").replace("）", ")")
                assert stored[number] == judge
            audit = db.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'import.reassign'")
            assert audit.fetchone()[0] == 1
    finally:
        db.conn.close()


@pytest.fixture(scope="module", autouse=True)
def _report_families():
    yield
    print("\nfuzz families tried: " + ", ".join(f"{k} {v}" for k, v in sorted(FAMILIES.items())))


MEMORY_SCRIPT = """
import sys, datetime as dt
from pathlib import Path
from tests.conftest import open_as_operator
from workload_app.services.imports import import_cases, import_judges
from workload_app.core.problems import WorkloadError
def hwm():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM'):
            return int(line.split()[1]) * 1024
db = open_as_operator(Path(sys.argv[1]))
import_judges(db, Path(sys.argv[2]))
base = hwm()
try:
    import_cases(db, Path(sys.argv[3]), today=dt.date(2025, 1, 31))
    outcome = 'imported'
except WorkloadError as exc:
    outcome = 'refused'
print(outcome, hwm() - base)
"""


@pytest.mark.slow  # a child process per hostile file
def test_peak_memory_of_hostile_files_stays_under_1_gb(tmp_path):
    """Each crafted file in a fresh process: refused, and VmHWM grows by less than 1 GB."""
    import subprocess
    import sys

    import xlwt

    from tests.importing.conftest import ROSTER
    from tests.importing.hostile import with_far_cell, zip_bomb

    files = {
        "XFD1048576.xlsx": with_far_cell(tmp_path / "XFD1048576.xlsx", "XFD1048576"),
        "GS1048576.xlsx": with_far_cell(tmp_path / "GS1048576.xlsx", "GS1048576"),
        "zip bomb 1 GB.xlsx": zip_bomb(tmp_path / "bomb.xlsx", 1024),
    }
    book = xlwt.Workbook()
    ws = book.add_sheet("结案")
    for i, row in enumerate(case_rows()):
        for j, cell in enumerate(row):
            if cell is not None and not isinstance(cell, dt.date):
                ws.write(i, j, cell)
    ws.write(65535, 255, "x")
    book.save(str(tmp_path / "far.xls"))
    files["IV65536.xls"] = tmp_path / "far.xls"
    rows = [[c.isoformat() if isinstance(c, dt.date) else c for c in r] for r in case_rows()]
    rows[2][2] = '"' + "案" * 100_000
    files["stray quote.csv"] = write_csv(tmp_path / "q.csv", rows)
    roster = write_xlsx(tmp_path / "名册.xlsx", ROSTER, sheet="名册")
    peaks = {}
    for label, path in files.items():
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                MEMORY_SCRIPT,
                str(tmp_path / f"{path.stem}.sqlite"),
                str(roster),
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        ).stdout.split()
        assert out[0] == "refused", (label, out)
        peaks[label] = int(out[1])
    print("\npeak memory beyond start (MB): " + ", ".join(f"{k} {v / 2**20:.0f}" for k, v in peaks.items()))
    assert max(peaks.values()) < 2**30
