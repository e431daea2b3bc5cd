"""One declaration of each case field, from which every list of case fields derives.

A case field is declared once here: its name, its type, its Chinese label, whether the ``cases``
table stores it, where it stands in the case frame (``repository.load_cases``) and in the case
export, whether a re-import compares it, the import column it comes from, the headers that
name that column in a court system's export and how a cell of that column is read (``reader``:
the importer picks its parser by it, ``importing.cases.READERS``). A new import column is one
declaration here and a migration adding the column to both stores (README, "How to"). The lists the importer, the repository, the typed
column reader and the export use (``CASE_SYNONYMS``, ``CASE_FIELDS``, ``COMPARED_FIELDS``,
``QUALITY_FIELDS``, the columns kept when absent, the case frame's columns, the export columns)
are all computed from ``FIELDS``; ``tests/core/test_case_schema.py`` pins them by value.

Positions are explicit numbers because the lists show fields in different orders that users
see (the import wizard's choices, the export's columns) or callers read (the frame's columns).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldType = Literal["integer", "real", "text", "date", "yes_no"]
# integer: whole numbers (NULL allowed); real: amounts and page counts read as floats;
# yes_no: 1/0/NULL stored, read as a number then True/False; date: ISO text.
Reader = Literal[
    "text", "date", "integer", "real", "yes_no",  # by the type: what a field of that type reads
    "pages", "panel", "approval", "days", "amount", "case_number", "person",  # a column's own form
]  # fmt: skip


@dataclass(frozen=True)
class CaseField:
    name: str
    type: FieldType
    label: str  # Chinese, as the court calls it; for an import column the header shown first
    stored: bool = True  # a column of the cases table
    frame: int | None = None  # position in the case frame (load_cases); None: not read into it
    export: int | None = None  # position in the case export table; None: not exported
    source: str | None = None  # the import column the stored value comes from
    headers: tuple[str, ...] = ()  # other headers naming the import column (besides the label)
    importable: int | None = None  # position among the import columns; None: not an import column
    quality: bool = False  # a 质效 field (migration 9: time limits, appeals, enforcement amounts)
    reads: Reader | None = None  # how an import cell is read, when not as its type says

    def __post_init__(self) -> None:
        if self.source is None and self.stored and self.importable is not None:
            object.__setattr__(self, "source", self.name)  # an import column of its own

    @property
    def reader(self) -> Reader:
        """How a cell of this field's import column is read: ``reads``, else by the type."""
        return self.reads or self.type

    @property
    def synonyms(self) -> tuple[str, ...]:
        return (self.label, *self.headers)

    @property
    def compared(self) -> bool:
        """Whether a re-import compares it to decide a case changed (every stored field but the key)."""
        return self.stored and self.name != "case_number"


_F = CaseField
FIELDS: tuple[CaseField, ...] = (
    _F("case_id", "integer", "案件ID", stored=False, frame=0),
    _F("case_number", "text", "案号", frame=1, export=0, source="case_number", importable=0,
       headers=("案件字号", "案件编号", "案件号"), reads="case_number"),
    _F("year", "integer", "收案年度", frame=2, source="case_number"),
    _F("court", "text", "法院代字", source="case_number"),
    _F("type_code", "text", "类型代字", frame=3, export=4, source="case_number"),
    _F("category", "text", "案件类别", frame=4, export=3, source="case_number"),
    _F("instance", "text", "审级", frame=5, export=14, source="case_number"),
    _F("judge", "text", "承办人", stored=False, frame=18, export=1, importable=1,
       headers=("承办法官", "主审法官", "承办审判员", "主审人", "主办法官", "承办人姓名", "承办法官姓名"),
       reads="person"),
    _F("judge_id", "integer", "承办人ID", frame=19, source="judge"),
    _F("division", "text", "承办部门", stored=False, frame=20, export=2, importable=2,
       headers=("承办庭室", "部门", "庭室", "承办庭", "审判庭")),
    _F("division_id", "integer", "承办部门ID", frame=21, source="division"),
    _F("cause", "text", "案由", frame=6, source="cause", importable=6),
    _F("procedure", "text", "适用程序", frame=7, export=15, source="procedure", importable=7,
       headers=("审理程序", "程序", "审判程序")),
    _F("filed_on", "date", "立案日期", frame=8, export=17, source="filed_on", importable=3,
       headers=("收案日期", "立案时间", "收案时间")),
    _F("closed_on", "date", "结案日期", frame=9, export=5, source="closed_on", importable=4,
       headers=("审结日期", "结案时间", "审结时间")),
    _F("closed_year", "integer", "结案年度", frame=10, source="closed_on"),
    _F("closed_month", "integer", "结案月份", frame=11, source="closed_on"),
    _F("closing_method", "text", "结案方式", frame=12, export=16, source="closing_method", importable=5,
       headers=("结案方式名称",)),
    _F("file_pages", "real", "卷宗页数", frame=13, export=6, source="file_pages", importable=8,
       headers=("卷宗页码", "正卷页数", "案卷页数"), reads="pages"),
    _F("transcript_pages", "real", "庭审笔录页数", frame=14, export=7, source="transcript_pages", importable=9,
       headers=("笔录页数",), reads="pages"),
    _F("judgment_pages", "real", "裁判文书页数", frame=15, export=8, source="judgment_pages", importable=10,
       headers=("文书页数",), reads="pages"),
    _F("panel", "text", "合议庭成员", frame=16, source="panel", importable=11, headers=("合议庭组成人员",),
       reads="panel"),
    _F("approved", "yes_no", "廉政监察员审批", frame=17, source="approved", importable=12,
       headers=("审批情况", "廉政监察员审批情况"), reads="approval"),
    _F("time_limit_days", "integer", "审限天数", frame=22, export=18, source="time_limit_days", importable=13,
       headers=("法定审限天数", "审理期限天数", "审限"), quality=True, reads="days"),
    _F("extension_days", "integer", "延长审限天数", frame=23, export=19, source="extension_days", importable=14,
       headers=("延长审限", "审限延长天数", "延长天数"), quality=True, reads="days"),
    _F("deducted_days", "integer", "扣除审限天数", frame=24, export=20, source="deducted_days", importable=15,
       headers=("扣除审限", "审限扣除天数", "扣除天数"), quality=True, reads="days"),
    _F("appealed", "integer", "上诉", frame=25, export=21, source="appealed", importable=16,
       headers=("是否上诉", "上诉情况"), quality=True, reads="yes_no"),
    _F("appeal_result", "text", "二审结果", frame=26, export=22, source="appeal_result", importable=17,
       headers=("二审结案方式", "上诉结果", "二审裁判结果"), quality=True),
    _F("appeal_recorded_on", "date", "二审结果收到日期", source="appeal_result", quality=True),
    _F("original_case_number", "text", "原审案号", source="original_case_number", importable=18,
       headers=("一审案号",), quality=True, reads="case_number"),
    _F("enforcement_applied", "real", "申请执行标的金额", frame=27, export=23, source="enforcement_applied",
       importable=19, headers=("申请执行标的", "申请执行金额", "执行标的金额", "申请标的金额"), quality=True,
       reads="amount"),
    _F("enforcement_recovered", "real", "执行到位金额", frame=28, export=24, source="enforcement_recovered",
       importable=20, headers=("到位金额", "实际执行到位金额", "执行到位标的"), quality=True,
       reads="amount"),
)  # fmt: skip
BY_NAME: dict[str, CaseField] = {f.name: f for f in FIELDS}

# Where a case's figures from a computation stand in the case export: after the page counts.
EXPORT_RESULTS_AFTER = "judgment_pages"
# The import columns that identify a case, its judge and division: never "kept when absent".
IDENTITY_COLUMNS = ("case_number", "judge", "division")


def _ordered(position: str) -> tuple[CaseField, ...]:
    chosen = [f for f in FIELDS if getattr(f, position) is not None]
    return tuple(sorted(chosen, key=lambda f: getattr(f, position)))


STORED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.stored)  # the cases table's own
COMPARED_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.compared)
QUALITY_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if f.quality)
FRAME_FIELDS: tuple[CaseField, ...] = _ordered("frame")
IMPORT_SYNONYMS: dict[str, tuple[str, ...]] = {f.name: f.synonyms for f in _ordered("importable")}
# Stored field -> the column it comes from; a column missing from the file leaves the field as stored.
KEPT_WHEN_ABSENT: dict[str, str] = {
    f.name: f.source for f in FIELDS if f.stored and f.source and f.source not in IDENTITY_COLUMNS
}
INTEGER_FIELDS: frozenset[str] = frozenset(
    f.name for f in FIELDS if f.frame is not None and f.type == "integer"
)
NUMBER_FIELDS: frozenset[str] = frozenset(
    f.name for f in FIELDS if f.frame is not None and f.type in ("real", "yes_no")
)
IMPORT_FIELDS: tuple[CaseField, ...] = _ordered("importable")  # the import columns, in the wizard's order
# Stored from an import column of their own (not derived from another: the case number's parts,
# the closing year and month, the ids, the date an appeal outcome arrived).
OWN_COLUMN_FIELDS: tuple[CaseField, ...] = tuple(f for f in FIELDS if f.stored and f.source == f.name)


def stored_value(field: CaseField, value: object) -> object:
    """A value as read from an import cell, in the form the cases table keeps: a date as ISO
    text, a yes/no (or any True/False) as 1/0."""
    if value is None:
        return None
    if field.type == "date" and hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def export_columns(results: tuple[str, ...]) -> list[str]:
    """The case export's columns: the exported fields in order, a computation's ``results`` after
    the page counts."""
    out: list[str] = []
    for f in _ordered("export"):
        out.append(f.name)
        if f.name == EXPORT_RESULTS_AFTER:
            out.extend(results)
    return out
