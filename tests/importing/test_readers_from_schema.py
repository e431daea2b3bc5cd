"""The importer reads each column by the reader its field declares in ``core/case_schema.py``
(issue 27): no list of names in the importer, so a field declared only in the schema is read,
checked and stored by its type."""

from __future__ import annotations

import datetime as dt

import pytest

from workload_app.core import case_schema
from workload_app.core.case_schema import CaseField
from workload_app.importing import cases
from workload_app.importing.headers import HeaderMatch

TODAY = dt.date(2025, 1, 15)
NEW = (
    CaseField("hearings", "integer", "开庭次数", importable=21),
    CaseField("heard_on", "date", "开庭日期", importable=22),
    CaseField("costs", "real", "诉讼费", importable=23),
)


def test_every_declared_reader_has_a_parser():
    assert {f.reader for f in case_schema.IMPORT_FIELDS} <= set(cases.READERS)
    assert {"integer", "real", "date", "text", "yes_no"} <= set(cases.READERS)  # every type's own


def _parse(rows, fields, monkeypatch):
    # what declaring the fields in case_schema.FIELDS gives: import columns with their labels
    monkeypatch.setattr(case_schema, "IMPORT_FIELDS", case_schema.IMPORT_FIELDS + NEW)
    for f in NEW:
        monkeypatch.setitem(cases.CASE_LABELS, f.name, f.label)
    names = ["case_number", "judge", "closed_on", *fields]
    labels = {f.name: f.label for f in case_schema.IMPORT_FIELDS}
    header = HeaderMatch(0, {n: i for i, n in enumerate(names)}, [], {n: labels[n] for n in names})
    return cases.parse_chunk(rows, 1, header, "结案.xlsx", TODAY, {})


def test_a_field_declared_only_in_the_schema_is_read_by_its_type(monkeypatch):
    parsed = _parse(
        [
            ["(2024)渝0106民初1234号", "张三", "2024-06-01", "3", "2024-05-06", "1,250.5"],
            ["(2024)渝0106民初1235号", "李四", "2024-06-02", 2.0, None, 80],
        ],
        ["hearings", "heard_on", "costs"],
        monkeypatch,
    )
    assert parsed.problems == []
    got = [(r["hearings"], r["heard_on"], r["costs"]) for r in parsed.records]
    assert got == [(3, dt.date(2024, 5, 6), 1250.5), (2, None, 80.0)]
    stored = [case_schema.stored_value(NEW[1], r["heard_on"]) for r in parsed.records]
    assert stored == ["2024-05-06", None]
    # stored from its own column, and kept as stored when a later file lacks the column
    assert [f.source for f in NEW] == ["hearings", "heard_on", "costs"]


@pytest.mark.parametrize(
    ("field", "cell", "code"),
    [
        ("hearings", "三次", "import.cell_not_integer"),
        ("hearings", "2.5", "import.cell_not_integer"),
        ("costs", "若干", "import.cell_not_number"),
    ],
)
def test_a_bad_cell_of_such_a_field_names_its_row_and_column(monkeypatch, field, cell, code):
    parsed = _parse([["(2024)渝0106民初1234号", "张三", "2024-06-01", cell]], [field], monkeypatch)
    assert parsed.records == []
    [problem] = parsed.problems
    label = {f.name: f.label for f in NEW}[field]
    assert (problem.code, problem.row, problem.column, problem.value) == (code, 2, label, cell)
    assert cell in problem.message


def test_the_declared_readers_keep_the_known_columns_as_before(monkeypatch):
    """The columns with a reader of their own: pages against the ceiling, the amount ceiling, yes/no."""
    parsed = _parse(
        [["(2024)渝0106民初1234号", "张三", "2024-06-01", "12页", "是", "1.2万元", "合议庭：李四、王五"]],
        ["file_pages", "appealed", "enforcement_applied", "panel"],
        monkeypatch,
    )
    [rec] = parsed.records
    assert (rec["file_pages"], rec["appealed"], rec["enforcement_applied"]) == (12, True, 12000.0)
    assert case_schema.stored_value(case_schema.BY_NAME["appealed"], rec["appealed"]) == 1
