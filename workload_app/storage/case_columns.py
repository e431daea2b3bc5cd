"""Reading a year of cases and results into typed columns, not a Python tuple per row (issue 21).

``fetchall`` hands a million cases to Python as a million tuples holding 22 million objects,
and ``DataFrame.from_records`` then infers every column from them: most of a read's time and
nearly all of its peak memory (3.3 GB for ``workload compute`` on a 1M-case year). Here rows
arrive a chunk at a time and each chunk becomes typed numpy columns at once; equal strings
(type code, cause, dates, names, panels …) become one shared Python object per distinct value,
so a year's frame holds pointers, not a million copies of 「民初」.

Measured and not kept: SQLite packing each column into one string (``group_concat``, one scan)
parsed by numpy. SQLite 3.40's ``group_concat`` and number-to-text conversions cost more than
the tuples they save (0.77 s against 0.33 s a 100k year).

The frames are the same as the row readers' (``repository.load_cases`` / ``load_results``): the
same columns, order, values and dtypes; ``tests/storage/test_case_columns.py`` checks it.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd
import sqlite_utils

from workload_app.core import case_schema
from workload_app.storage import columnar as columnar_reads
from workload_app.storage import repository as repo
from workload_app.storage.dialect import dialect_of

INT_COLUMNS = case_schema.INTEGER_FIELDS | {"rule", "flags"}  # case fields (core.case_schema) and results
NUMBER_COLUMNS = case_schema.NUMBER_FIELDS | {"sc", "page_sc", "avg_file", "avg_transcript", "avg_judgment"}
UNIQUE_TEXT = frozenset({"case_number"})  # nothing to share
CHUNK = 50_000


def _column(values: tuple, name: str, shared: dict[str, dict]) -> np.ndarray:
    """One chunk of one column as numpy: numbers typed, text as shared objects."""
    if name in INT_COLUMNS or name in NUMBER_COLUMNS:
        try:
            return np.array(values, dtype=np.int64 if name in INT_COLUMNS else float)
        except TypeError:  # a NULL among integers: floats with NaN, as pandas infers
            try:
                return np.array(values, dtype=float)
            except (TypeError, ValueError):
                return np.array(values, dtype=object)
        except ValueError:  # text SQLite kept in a number column: left to the caller's coercion
            return np.array(values, dtype=object)
    if name in UNIQUE_TEXT:
        return np.array(values, dtype=object)
    canon = shared.setdefault(name, {})  # the first object seen for each value stands for all
    return np.fromiter(map(canon.setdefault, values, values), dtype=object, count=len(values))


def read_frame(
    db: sqlite_utils.Database,
    sql: str,
    params: Sequence = (),
    order_by: str | None = None,
    *,
    columnar: bool = False,
) -> pd.DataFrame:
    """``repository.frame(db, sql, params)`` with the same values and dtypes, built a chunk of
    rows at a time into typed columns; equal strings become one shared object.

    ``order_by``: an integer column of unique values to order the rows by, in numpy, instead of
    an ORDER BY that makes SQLite sort the year before handing out its first row.

    ``columnar``: a large read (a year's cases or results): on the court server read as Arrow
    columns through ADBC on a connection of its own (``storage/columnar.py``), the same frame;
    by rows on a file and wherever ADBC cannot serve (not installed, inside a transaction …)."""
    if columnar:
        try:
            table = columnar_reads.arrow_table(db, sql, params)
            data = columnar_reads.numpy_columns(table, INT_COLUMNS, NUMBER_COLUMNS, UNIQUE_TEXT)
        except columnar_reads.NotColumnar:
            pass
        else:
            del table
            return _frame_of(data, order_by)
    cur = dialect_of(db).frame_cursor(db, sql, params)  # numbers in binary on the server
    names = [c[0] for c in cur.description]
    parts: list[list[np.ndarray]] = [[] for _ in names]
    shared: dict[str, dict] = {}
    collecting = gc.isenabled()
    gc.disable()  # a chunk's tuples hold no cycles; scanning them again and again cost a third of the read
    try:
        while rows := cur.fetchmany(CHUNK):
            for i, values in enumerate(zip(*rows, strict=True)):
                parts[i].append(_column(values, names[i], shared))
            del rows
    finally:
        if collecting:
            gc.enable()
    if not parts[0]:
        return pd.DataFrame(columns=names)
    data: dict[str, np.ndarray] = {}
    for name, chunks in zip(names, parts, strict=True):
        kinds = {c.dtype.kind for c in chunks}
        if "O" in kinds and len(kinds) > 1:  # text in a number column in some chunk
            chunks = [c.astype(object) for c in chunks]
        elif len(kinds) > 1:  # integers in some chunks, NaN in others
            chunks = [c.astype(float) for c in chunks]
        column = np.concatenate(chunks) if len(chunks) > 1 else chunks[0]
        if column.dtype.kind == "f" and np.isnan(column).all():
            column = np.full(len(column), None, dtype=object)  # all NULL: None, as pandas infers
        data[name] = column
        chunks.clear()
    return _frame_of(data, order_by)


def _frame_of(data: dict[str, np.ndarray], order_by: str | None) -> pd.DataFrame:
    if not data or not len(next(iter(data.values()))):
        return pd.DataFrame(columns=list(data))
    if order_by is not None:
        order = np.argsort(data[order_by], kind="stable")
        if not (order == np.arange(len(order))).all():
            data = {name: column[order] for name, column in data.items()}
    return pd.DataFrame(data)


def load_year_cases(db: sqlite_utils.Database, closed_year: int) -> pd.DataFrame:
    """``repository.load_cases(db, closed_year=…)`` read by column: the same frame, a fraction
    of the memory (no tuple per case; repeated strings shared)."""
    out = read_frame(
        db, repo.CASE_SELECT + " WHERE c.closed_year = ?", (closed_year,), "case_id", columnar=True
    )
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out["approved"] = out["approved"].map({1: True, 0: False})
    return out


ENGINE_SELECT = """
SELECT c.id AS case_id, c.category, c.type_code, c.procedure, c.cause, c.closing_method,
       c.file_pages, c.transcript_pages, c.judgment_pages, c.approved
FROM cases c JOIN judges j ON j.id = c.judge_id
"""


def load_engine_cases(db: sqlite_utils.Database, closed_year: int) -> pd.DataFrame:
    """Only the columns the standard-case engine reads (``core.standard.CASE_COLUMNS``) of the
    cases closed in a year, the same rows and values as ``load_year_cases``: what a computation
    needs, half the columns of a full read and none of the names."""
    out = read_frame(db, ENGINE_SELECT + " WHERE c.closed_year = ?", (closed_year,), "case_id", columnar=True)
    for c in ("file_pages", "transcript_pages", "judgment_pages"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype(float)
    out["approved"] = out["approved"].map({1: True, 0: False})
    return out


def load_credit_columns(db: sqlite_utils.Database, closed_year: int, computation_id: int) -> pd.DataFrame:
    """What crediting needs of a year, cases and stored results read in one query: case_id,
    judge, division, panel, closed_month, closed_on, unit, sc; the rows and order of the merged year."""
    return read_frame(
        db,
        """SELECT c.id AS case_id, j.name AS judge, d.name AS division, c.panel, c.closed_month, c.closed_on,
                  r.unit, r.sc
           FROM cases c JOIN judges j ON j.id = c.judge_id LEFT JOIN divisions d ON d.id = c.division_id
           LEFT JOIN case_results r ON r.computation_id = ? AND r.case_id = c.id
           WHERE c.closed_year = ?""",
        (computation_id, closed_year),
        "case_id",
        columnar=True,
    )


def load_results(db: sqlite_utils.Database, computation_id: int) -> pd.DataFrame:
    """``repository.load_results`` read by column: the same frame."""
    return read_frame(
        db,
        f"SELECT {', '.join(repo.RESULT_COLUMNS)} FROM case_results WHERE computation_id = ? ORDER BY case_id",
        (computation_id,),
        columnar=True,
    )


def save_results(
    db: sqlite_utils.Database, param_set_id: int, year: int, averages: dict, results: pd.DataFrame
) -> int:
    """``repository.save_results`` without a Python tuple built per value by pandas: the columns
    go to ``executemany`` as plain lists (SQLite stores a NaN as NULL, as before)."""
    cid = repo.save_computation(db, param_set_id, year, averages, len(results))
    columns = result_lists(results)
    ids = itertools.repeat(cid, len(results))
    repo.insert_rows(
        db,
        "case_results",
        ("computation_id", *repo.RESULT_COLUMNS),
        zip(ids, *columns, strict=True),
        plain=True,
    )
    return cid


def result_lists(results: pd.DataFrame) -> list[list]:
    """The result columns (``repository.RESULT_COLUMNS``) as plain Python lists, NaN as None."""
    columns = []
    for c in repo.RESULT_COLUMNS:
        values = results[c].to_numpy()
        if values.dtype.kind == "f":
            if c in INT_COLUMNS or c == "case_id":  # an integer column pandas made float (a NaN in it)
                values = np.where(
                    np.isnan(values), None, np.nan_to_num(values).astype(np.int64).astype(object)
                )
            else:
                values = np.where(np.isnan(values), None, values.astype(object))
            columns.append(values.tolist())
        elif values.dtype.kind == "O":  # text: a NaN is NULL
            columns.append([None if v != v else v for v in values.tolist()])
        else:
            columns.append(values.tolist())
    return columns
