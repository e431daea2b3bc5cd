"""Every list of case fields derives from core.case_schema and equals, by value and in order
where order shows, the list the code declared by hand before the schema (copied here verbatim)."""

from workload_app.core import case_schema
from workload_app.importing import headers
from workload_app.services import case_rows, exports
from workload_app.storage import case_columns, repository

OLD_CASE_SYNONYMS = {
    "case_number": ("案号", "案件字号", "案件编号", "案件号"),
    "judge": (
        "承办人",
        "承办法官",
        "主审法官",
        "承办审判员",
        "主审人",
        "主办法官",
        "承办人姓名",
        "承办法官姓名",
    ),
    "division": ("承办部门", "承办庭室", "部门", "庭室", "承办庭", "审判庭"),
    "filed_on": ("立案日期", "收案日期", "立案时间", "收案时间"),
    "closed_on": ("结案日期", "审结日期", "结案时间", "审结时间"),
    "closing_method": ("结案方式", "结案方式名称"),
    "cause": ("案由",),
    "procedure": ("适用程序", "审理程序", "程序", "审判程序"),
    "file_pages": ("卷宗页数", "卷宗页码", "正卷页数", "案卷页数"),
    "transcript_pages": ("庭审笔录页数", "笔录页数"),
    "judgment_pages": ("裁判文书页数", "文书页数"),
    "panel": ("合议庭成员", "合议庭组成人员"),
    "approved": ("廉政监察员审批", "审批情况", "廉政监察员审批情况"),
    "time_limit_days": ("审限天数", "法定审限天数", "审理期限天数", "审限"),
    "extension_days": ("延长审限天数", "延长审限", "审限延长天数", "延长天数"),
    "deducted_days": ("扣除审限天数", "扣除审限", "审限扣除天数", "扣除天数"),
    "appealed": ("上诉", "是否上诉", "上诉情况"),
    "appeal_result": ("二审结果", "二审结案方式", "上诉结果", "二审裁判结果"),
    "original_case_number": ("原审案号", "一审案号"),
    "enforcement_applied": (
        "申请执行标的金额",
        "申请执行标的",
        "申请执行金额",
        "执行标的金额",
        "申请标的金额",
    ),
    "enforcement_recovered": ("执行到位金额", "到位金额", "实际执行到位金额", "执行到位标的"),
}
OLD_KEPT_WHEN_ABSENT = {
    "cause": "cause",
    "procedure": "procedure",
    "closing_method": "closing_method",
    "file_pages": "file_pages",
    "transcript_pages": "transcript_pages",
    "judgment_pages": "judgment_pages",
    "panel": "panel",
    "approved": "approved",
    "filed_on": "filed_on",
    "closed_on": "closed_on",
    "closed_year": "closed_on",
    "closed_month": "closed_on",
    "time_limit_days": "time_limit_days",
    "extension_days": "extension_days",
    "deducted_days": "deducted_days",
    "appealed": "appealed",
    "appeal_result": "appeal_result",
    "original_case_number": "original_case_number",
    "enforcement_applied": "enforcement_applied",
    "enforcement_recovered": "enforcement_recovered",
    "appeal_recorded_on": "appeal_result",
}
OLD_CASE_FIELDS = (
    "case_number",
    "year",
    "court",
    "type_code",
    "category",
    "instance",
    "judge_id",
    "division_id",
    "cause",
    "procedure",
    "filed_on",
    "closed_on",
    "closed_year",
    "closed_month",
    "closing_method",
    "file_pages",
    "transcript_pages",
    "judgment_pages",
    "panel",
    "approved",
    "time_limit_days",
    "extension_days",
    "deducted_days",
    "appealed",
    "appeal_result",
    "appeal_recorded_on",
    "original_case_number",
    "enforcement_applied",
    "enforcement_recovered",
)
OLD_QUALITY_FIELDS = (
    "time_limit_days",
    "extension_days",
    "deducted_days",
    "appealed",
    "appeal_result",
    "appeal_recorded_on",
    "original_case_number",
    "enforcement_applied",
    "enforcement_recovered",
)
OLD_CASE_SELECT = "\nSELECT c.id AS case_id, c.case_number, c.year, c.type_code, c.category, c.instance, c.cause, c.procedure,\n       c.filed_on, c.closed_on, c.closed_year, c.closed_month, c.closing_method,\n       c.file_pages, c.transcript_pages, c.judgment_pages, c.panel, c.approved,\n       j.name AS judge, c.judge_id, d.name AS division, c.division_id,\n       c.time_limit_days, c.extension_days, c.deducted_days, c.appealed, c.appeal_result,\n       c.enforcement_applied, c.enforcement_recovered\nFROM cases c JOIN judges j ON j.id = c.judge_id LEFT JOIN divisions d ON d.id = c.division_id\n"
OLD_INT_COLUMNS = [
    "appealed",
    "case_id",
    "closed_month",
    "closed_year",
    "deducted_days",
    "division_id",
    "extension_days",
    "flags",
    "judge_id",
    "rule",
    "time_limit_days",
    "year",
]
OLD_NUMBER_COLUMNS = [
    "approved",
    "avg_file",
    "avg_judgment",
    "avg_transcript",
    "enforcement_applied",
    "enforcement_recovered",
    "file_pages",
    "judgment_pages",
    "page_sc",
    "sc",
    "transcript_pages",
]
OLD_CASE_EXPORT_COLUMNS = [
    "case_number",
    "judge",
    "division",
    "category",
    "type_code",
    "closed_on",
    "file_pages",
    "transcript_pages",
    "judgment_pages",
    "unit",
    "rule",
    "sc",
    "flags",
    "explanation",
    "instance",
    "procedure",
    "closing_method",
    "filed_on",
    "time_limit_days",
    "extension_days",
    "deducted_days",
    "appealed",
    "appeal_result",
    "enforcement_applied",
    "enforcement_recovered",
]
OLD_CASE_SELECT_COLUMNS = (
    "case_id",
    "case_number",
    "year",
    "type_code",
    "category",
    "instance",
    "cause",
    "procedure",
    "filed_on",
    "closed_on",
    "closed_year",
    "closed_month",
    "closing_method",
    "file_pages",
    "transcript_pages",
    "judgment_pages",
    "panel",
    "approved",
    "judge",
    "judge_id",
    "division",
    "division_id",
)


def test_import_synonyms_are_the_hand_written_ones_in_their_order():
    assert headers.CASE_SYNONYMS == OLD_CASE_SYNONYMS
    assert list(headers.CASE_SYNONYMS) == list(OLD_CASE_SYNONYMS)  # the wizard's order
    assert headers.CASE_LABELS == {k: v[0] for k, v in OLD_CASE_SYNONYMS.items()}


def test_stored_compared_and_quality_fields_are_the_hand_written_ones():
    assert repository.CASE_FIELDS == OLD_CASE_FIELDS
    assert repository.COMPARED_FIELDS == tuple(f for f in OLD_CASE_FIELDS if f != "case_number")
    assert repository.QUALITY_FIELDS == OLD_QUALITY_FIELDS


def test_fields_kept_when_their_column_is_absent_are_the_hand_written_ones():
    assert case_rows.KEPT_WHEN_ABSENT == OLD_KEPT_WHEN_ABSENT


def test_the_case_frame_select_is_the_hand_written_one():
    assert " ".join(repository.CASE_SELECT.split()) == " ".join(OLD_CASE_SELECT.split())
    assert repository.CASE_SELECT_COLUMNS == OLD_CASE_SELECT_COLUMNS


def test_typed_columns_are_the_hand_written_ones():
    assert sorted(case_columns.INT_COLUMNS) == OLD_INT_COLUMNS
    assert sorted(case_columns.NUMBER_COLUMNS) == OLD_NUMBER_COLUMNS


def test_case_export_columns_are_the_hand_written_ones_in_their_order():
    assert exports.CASE_EXPORT_COLUMNS == OLD_CASE_EXPORT_COLUMNS


def test_each_import_column_label_is_its_first_header_and_headers_do_not_collide():
    seen = {}
    for f in case_schema.FIELDS:
        assert f.synonyms[0] == f.label
        for h in f.synonyms if f.importable is not None else ():
            assert seen.setdefault(h, f.name) == f.name, h
    positions = [f.frame for f in case_schema.FIELDS if f.frame is not None]
    assert sorted(positions) == list(range(len(positions)))
