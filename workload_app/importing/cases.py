"""Closed cases from an export sheet: choose the sheet, find the header, read and validate each row.

Every bad cell becomes a Problem naming the file, the row as the user sees it, the column as headed
in the file, the value and what was expected. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import NamedTuple

from workload_app.core import case_schema
from workload_app.core.casenumber import stored_case_number
from workload_app.core.messages import Coded, Listing, Phrase, Word
from workload_app.core.problems import ImportRejected, Problem, WorkloadError
from workload_app.core.text import clip
from workload_app.importing.headers import CASE_LABELS, CASE_SYNONYMS, HeaderMatch, find_header, header_key
from workload_app.importing.readers import RawSheet
from workload_app.importing.values import (
    DEFAULT_AMOUNT_CEILING,
    DEFAULT_PAGE_CEILING,
    MAX_CELL_CHARS,
    YES_NO,
    CellError,
    is_blank,
    parse_approved,
    parse_date,
    parse_pages,
    parse_panel,
    parse_person,
    parse_text,
)

# Import columns read and checked on their own in ``parse_chunk`` (the case number's parts, the
# roster's names, the dates' order); every other column is read by its schema reader (``READERS``).
CHECKED_APART = ("case_number", "judge", "division", "filed_on", "closed_on")
FOOTER_WORDS = ("合计", "总计", "小计", "共计")
# What systems print under the table: who made it, when, notes. Such a line is skipped only when it
# has no case number and every filled cell reads so: a real case is never dropped for what one of
# its cells says.
SIGNATURE_WORDS = (
    "制表",
    "填表",
    "填报",
    "审核人",
    "复核人",
    "负责人",
    "统计人",
    "统计日期",
    "统计时间",
    "打印",
    "导出",
    "数据来源",
    "数据截至",
    "截至",
    "注：",
    "注:",
    "备注：",
    "备注:",
    "说明：",
    "说明:",
)
# Headers that name a judge who is not necessarily the one in charge of the case (承办人).
NOT_THE_JUDGE = ("审判长", "书记员", "法官助理", "审判员", "人民陪审员")
EARLIEST_DATE = dt.date(1990, 1, 1)  # no case closed in a court's current records is older
REPORT_CELL_CHARS = 1000  # what the reject report keeps of one rejected cell


class ParsedCases(NamedTuple):
    sheet: str
    header: HeaderMatch
    records: list[dict]  # one per good row; "_row" is the row number in the file
    problems: list[Problem]
    bad_rows: dict[int, list[object]]  # row number -> original cells, for the reject report
    total_rows: int
    skipped_footer: int
    footer_rows: tuple[tuple[int, list[object]], ...] = ()  # (row number, cells) of each footer skipped


def choose_sheet(
    sheets: list[RawSheet], name: str | None, profile: dict[str, str] | None = None
) -> tuple[RawSheet, HeaderMatch]:
    """The named sheet, or the first one whose header can be recognised."""
    if name:
        for s in sheets:
            if s.name == name:
                header = find_header(s.rows, CASE_SYNONYMS, "case_number", profile)
                if header is None:
                    raise ImportRejected("import.no_header_in_sheet", sheet=name)
                return s, header
        raise ImportRejected("import.no_such_sheet", sheet=name, sheets=Listing(s.name for s in sheets))
    for s in sheets:
        header = find_header(s.rows, CASE_SYNONYMS, "case_number", profile)
        if header is not None:
            return s, header
    raise ImportRejected("import.no_header")


def check_required_columns(header: HeaderMatch) -> None:
    missing = [CASE_LABELS[f] for f in ("case_number", "judge") if f not in header.columns]
    if "closed_on" not in header.columns and "filed_on" not in header.columns:
        missing.append(CASE_LABELS["closed_on"])
    if missing:
        hint = ""
        near = [h for h in header.unknown if header_key(h) in NOT_THE_JUDGE]
        if "judge" not in header.columns and near:
            hint = WorkloadError("import.not_the_judge", column=near[0])
        raise ImportRejected("import.missing_columns", columns=Listing(missing), hint=hint)


def check_duplicate_columns(header: HeaderMatch) -> None:
    """Refuse a file with two columns of one meaning (卷宗页数 and 案卷页数), naming both: which one
    holds the figure is the user's call, not ours."""
    if header.duplicates:
        raise ImportRejected(
            "import.duplicate_columns",
            columns=Listing(
                (
                    Phrase(
                        "import.duplicate_pair",
                        headers=Listing(h, "」与「", "” and “"),
                        field=Word(CASE_LABELS.get(f, f)),
                    )
                    for f, h in header.duplicates
                ),
                "；",
                "; ",
            ),
        )


def _cell(row: list[object], index: int | None) -> object:
    if index is None or index >= len(row):
        return None
    return row[index]


def _is_footer(row: list[object], number_index: int | None = None) -> bool:
    """A total or signature line under the table. A row whose 案号 reads as a case number is a case,
    never a footer, whatever its first cell says (合计 in a 序号 or 案由 column)."""
    if stored_case_number(_cell(row, number_index))[0] is not None:
        return False
    filled = [str(c).strip() for c in row if not is_blank(c)]
    if filled and filled[0].startswith(FOOTER_WORDS):
        return True
    return (
        bool(filled)
        and is_blank(_cell(row, number_index))
        and all(text.startswith(SIGNATURE_WORDS) for text in filled)
    )


def parse_rows(
    sheet: RawSheet,
    header: HeaderMatch,
    file_label: str,
    today: dt.date,
    progress: Callable[[float, str], None] | None = None,
    page_ceiling: int = DEFAULT_PAGE_CEILING,
    amount_ceiling: int = DEFAULT_AMOUNT_CEILING,
) -> ParsedCases:
    """Every row under the header of ``sheet`` (``parse_chunk`` over the whole body)."""
    return parse_chunk(
        sheet.rows[header.row_index + 1 :],
        header.row_index + 1,
        header,
        file_label,
        today,
        {},
        progress,
        page_ceiling,
        amount_ceiling,
        sheet.name,
    )


def parse_chunk(
    body: list[list[object]],
    first_index: int,
    header: HeaderMatch,
    file_label: str,
    today: dt.date,
    seen: dict[str, int],
    progress: Callable[[float, str], None] | None = None,
    page_ceiling: int = DEFAULT_PAGE_CEILING,
    amount_ceiling: int = DEFAULT_AMOUNT_CEILING,
    sheet_name: str = "",
) -> ParsedCases:
    """Rows ``body`` of a file, the first being the file's row ``first_index`` (0-based), read and
    checked. ``seen`` (case number → row) carries across the chunks of one file, so a number
    repeated anywhere in it is reported."""
    cols = header.columns
    label = header.labels
    limits = Limits(page_ceiling, amount_ceiling)
    read = [(f.name, READERS[f.reader]) for f in case_schema.IMPORT_FIELDS if f.name not in CHECKED_APART]
    records: list[dict] = []
    problems: list[Problem] = []
    bad_rows: dict[int, list[object]] = {}
    total = 0
    footers: list[tuple[int, list[object]]] = []
    for offset, row in enumerate(body):
        row_no = first_index + 1 + offset
        if progress and offset % 5000 == 0:
            progress(offset / max(1, len(body)), Coded("progress.check_row", row=row_no))
        if all(is_blank(c) for c in row):
            continue
        if _is_footer(row, cols["case_number"]) and not any(isinstance(c, CellError) for c in row):
            footers.append((row_no, row_for_report(row)))
            continue
        total += 1
        errs: list[Problem] = []

        def bad(
            field: str, message: str | Phrase, value: object, row_no: int = row_no, errs: list = errs
        ) -> None:
            shown = "" if value is None else clip(value, 100)
            column = label.get(field, CASE_LABELS[field])
            if isinstance(message, Phrase):  # a problem of its own kind, named by its text's code
                errs.append(
                    Problem.coded(message.code, row_no, column, shown, file_label, **message.arguments)
                )
            else:  # a value refused (a coded text from the parsers)
                errs.append(Problem("invalid_value", message, row_no, column, shown, file_label))

        rec: dict = {"_row": row_no}
        unreadable = set()
        for field, index in cols.items():
            value = _cell(row, index)
            if isinstance(value, CellError):
                bad(field, value.describe(), value)
                unreadable.add(field)
            elif isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                bad(
                    field,
                    Coded("cell.too_long", length=f"{len(value):,}", limit=f"{MAX_CELL_CHARS:,}"),
                    value,
                )
                unreadable.add(field)
        if unreadable:
            problems.extend(errs)
            bad_rows[row_no] = row_for_report(row)
            continue
        raw_number = _cell(row, cols["case_number"])
        canonical, number = stored_case_number(raw_number)
        if is_blank(raw_number):
            bad("case_number", Coded("row.case_number_required"), raw_number)
        elif canonical is None:
            bad("case_number", number.error, raw_number)
        else:
            if canonical in seen:
                bad("case_number", Coded("row.duplicate_case_number", row=seen[canonical]), raw_number)
            else:
                seen[canonical] = row_no
            rec.update(
                case_number=canonical,
                year=number.year,
                court=number.court,
                type_code=number.type_code,
                category=number.category,
                instance=number.instance,
            )
        judge, _ = parse_person(_cell(row, cols["judge"]))
        if not judge:
            bad("judge", Coded("row.judge_required"), _cell(row, cols["judge"]))
        rec["judge"] = judge
        if "division" in cols:
            rec["division"] = parse_text(_cell(row, cols["division"]))[0]
        for field in ("filed_on", "closed_on"):
            if field in cols:
                value, err = parse_date(_cell(row, cols[field]))
                if err:
                    bad(field, err, _cell(row, cols[field]))
                elif value and value > today:
                    bad(field, Coded("row.date_future", date=value.isoformat()), _cell(row, cols[field]))
                elif value and value < EARLIEST_DATE:
                    bad(
                        field,
                        Coded("row.date_too_early", date=value.isoformat(), year=EARLIEST_DATE.year),
                        _cell(row, cols[field]),
                    )
                rec[field] = value
        filed, closed = rec.get("filed_on"), rec.get("closed_on")
        if filed and closed and closed < filed:
            bad(
                "closed_on",
                Coded("row.closed_before_filed", closed=closed.isoformat(), filed=filed.isoformat()),
                _cell(row, cols["closed_on"]),
            )
        case_year = rec.get("year")
        if closed and case_year and closed.year < case_year and not (filed and closed < filed):
            bad(
                "closed_on",
                Coded("row.closed_before_year", closed=closed.isoformat(), year=case_year),
                _cell(row, cols["closed_on"]),
            )
        if closed is None and filed is None and not any(e.column == label.get("closed_on") for e in errs):
            bad(
                "closed_on" if "closed_on" in cols else "filed_on",
                Coded("row.open_needs_filed"),
                None,
            )
        for field, reader in read:  # each other column the schema declares, by its reader
            if field in cols:
                cell = _cell(row, cols[field])
                value, err = reader(cell, limits)
                if err:
                    bad(field, err, cell)
                rec[field] = value
        _check_amounts(rec, bad)
        if errs:
            problems.extend(errs)
            bad_rows[row_no] = row_for_report(row)
        else:
            records.append(rec)
    return ParsedCases(sheet_name, header, records, problems, bad_rows, total, len(footers), tuple(footers))


def row_for_report(row: list[object]) -> list[object]:
    """A rejected row as the report keeps it: every cell as it was, an over-long one cut."""
    out: list[object] = []
    for c in row:
        if isinstance(c, CellError):
            out.append(str(c))
        elif isinstance(c, str) and len(c) > REPORT_CELL_CHARS:
            out.append(clip(c, REPORT_CELL_CHARS))
        else:
            out.append(c)
    return out


def unknown_judge_problems(
    records: list[dict], roster: set[str], file_label: str, column: str
) -> tuple[list[Problem], set[str]]:
    """A problem per row whose judge is not in the roster, and the set of unknown names."""
    problems = []
    unknown: set[str] = set()
    for r in records:
        if r["judge"] not in roster:
            unknown.add(r["judge"])
            problems.append(
                Problem(
                    "unknown_judge",
                    Coded("row.unknown_judge"),
                    r["_row"],
                    column,
                    r["judge"],
                    file_label,
                )
            )
    return problems, unknown


# ---------------------------------------------------------------- a cell by its reader (case_schema)

_YES = {"是", "y", "yes", "1", "true", "√", "已上诉", "上诉", "有"}
_NO = {"否", "n", "no", "0", "false", "×", "未上诉", "无", "不上诉"}
_AMOUNT = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(元|万元)?$")


def canonical_case_number(raw: object) -> tuple[str | None, str]:
    """The stored form of a case number (``core.casenumber.stored_case_number``, the one rule: 之一
    kept), or the reason it cannot be read."""
    if is_blank(raw):
        return None, ""
    stored, number = stored_case_number(raw)
    return stored, number.error


def parse_days(value: object) -> tuple[int | None, str]:
    """A number of days: 30, ３０, 30天, 30.0; not negative, not fractional."""
    if is_blank(value):
        return None, ""
    text = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if text is None:
        s = str(parse_text(value)[0]).removesuffix("天").strip()
        try:
            text = float(s)
        except ValueError:
            return None, Coded("cell.days_not_number", value=str(value).strip())
    x = float(text)
    if math.isnan(x) or x < 0 or not x.is_integer() or x > 36500:
        return None, Coded("cell.days_range", value=str(value).strip())
    return int(x), ""


def parse_yes_no(value: object) -> tuple[bool | None, str]:
    if is_blank(value):
        return None, ""
    if isinstance(value, bool):
        return value, ""
    key = str(parse_text(value)[0]).lower()
    if key in _YES:
        return True, ""
    if key in _NO:
        return False, ""
    return None, Coded("cell.yes_no", value=str(value).strip(), yes_no=YES_NO)


def parse_amount(value: object) -> tuple[float | None, str]:
    """An amount in yuan: 12345.6, 12,345.6, 12345.6元, 1.2万元; not negative."""
    if is_blank(value):
        return None, ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        x = float(value)
    else:
        m = _AMOUNT.match(str(parse_text(value)[0]).replace(",", "").replace("，", "").replace(" ", ""))
        if not m:
            return None, Coded("cell.amount_not_number", value=str(value).strip())
        x = float(m[1]) * (10000 if m[2] == "万元" else 1)
    if math.isnan(x) or math.isinf(x) or x < 0:
        return None, Coded("cell.amount_negative", value=str(value).strip())
    return x, ""


def parse_whole(value: object) -> tuple[int | None, str | Phrase]:
    """A whole number (a field declared ``integer`` in the schema without a reader of its own)."""
    if is_blank(value):
        return None, ""
    try:
        x = float(value if isinstance(value, int | float) else str(parse_text(value)[0]).replace(",", ""))
    except ValueError:
        x = math.nan
    if isinstance(value, bool) or math.isnan(x) or math.isinf(x) or not x.is_integer():
        return None, Phrase("import.cell_not_integer", text=str(value).strip())
    return int(x), ""


def parse_number(value: object) -> tuple[float | None, str | Phrase]:
    """A number (a field declared ``real`` in the schema without a reader of its own)."""
    if is_blank(value):
        return None, ""
    try:
        x = float(value if isinstance(value, int | float) else str(parse_text(value)[0]).replace(",", ""))
    except ValueError:
        x = math.nan
    if isinstance(value, bool) or math.isnan(x) or math.isinf(x):
        return None, Phrase("import.cell_not_number", text=str(value).strip())
    return x, ""


class Limits(NamedTuple):
    """The court's ceilings a cell is checked against."""

    pages: int = DEFAULT_PAGE_CEILING
    amount: int = DEFAULT_AMOUNT_CEILING


def _amount(value: object, limits: Limits) -> tuple[float | None, str | Phrase]:
    x, err = parse_amount(value)
    if not err and x is not None and x > limits.amount:  # an ID number pasted in, not an amount
        return None, Phrase("import.amount_ceiling_row", amount=f"{x:,.2f}", ceiling=f"{limits.amount:,}")
    return x, err


# One parser per reader of ``core.case_schema`` (a field's ``reads``, else its type): (value, problem).
READERS: dict[str, Callable[[object, Limits], tuple[object, str | Phrase]]] = {
    "text": lambda v, _: (parse_text(v)[0], ""),
    "date": lambda v, _: parse_date(v),
    "integer": lambda v, _: parse_whole(v),
    "real": lambda v, _: parse_number(v),
    "yes_no": lambda v, _: parse_yes_no(v),
    "pages": lambda v, limits: parse_pages(v, limits.pages),
    "panel": lambda v, _: (parse_panel(v)[0], ""),
    "approval": lambda v, _: parse_approved(v),
    "days": lambda v, _: parse_days(v),
    "amount": _amount,
    "case_number": lambda v, _: canonical_case_number(v),
    "person": lambda v, _: (parse_person(v)[0], ""),
}


def _check_amounts(rec: dict, bad: Callable) -> None:
    """What two amount cells of a row say together: no more recovered than applied for."""
    applied, recovered = rec.get("enforcement_applied"), rec.get("enforcement_recovered")
    if applied is not None and recovered is not None and recovered > applied + 0.005:
        bad(
            "enforcement_recovered",
            Coded("row.recovered_above_applied", recovered=recovered, applied=applied),
            recovered,
        )


# ---------------------------------------------------------------- warnings (提示): imported, yet worth a look

# A division whose name says its category (刑事审判庭, 民事审判第一庭, 行政审判庭, 执行局…).
_DIVISION_CATEGORY = (("刑事", "criminal"), ("民事", "civil"), ("商事", "civil"), ("行政", "administrative"))
_CATEGORY_WORDS = ("criminal", "civil", "administrative", "enforcement")  # each a ``category.`` text


def division_category(name: str | None) -> str | None:
    """The case category a division's name states, or None when it states none (立案庭, 人民法庭…)."""
    if not name:
        return None
    if "执行" in name:
        return "enforcement"
    return next((category for word, category in _DIVISION_CATEGORY if word in name), None)


def import_warnings(
    records: list[dict],
    judges: dict[str, dict],
    file_label: str,
    judge_column: str,
    division_column: str,
) -> list[Problem]:
    """Rows that import but usually carry a typo in the judge, the date or the division: a case
    closed after its judge left the court (``judges[name]["in_post_to"]``), and a case whose
    category differs from the one its division's name states (a 刑初 case under a civil division).
    ``judges`` maps a roster name to its row (``in_post_to``, ``division``)."""
    out = []
    for r in records:
        judge = judges.get(r.get("judge") or "")
        closed = r.get("closed_on")
        left = (judge or {}).get("in_post_to")
        if closed is not None and left and closed.isoformat() > str(left):
            out.append(
                Problem(
                    "warn_judge_left",
                    Coded("warn.judge_left", closed=closed.isoformat(), left=str(left)),
                    r["_row"],
                    judge_column,
                    r["judge"],
                    file_label,
                )
            )
        division = r.get("division") or (judge or {}).get("division")
        stated = division_category(division)
        category = r.get("category")
        if stated and category in _CATEGORY_WORDS and category != stated:
            out.append(
                Problem(
                    "warn_division_category",
                    Coded(
                        "warn.division_category",
                        category=Phrase(f"category.{category}"),
                        type_code=r.get("type_code", ""),
                        stated=Phrase(f"category.{stated}"),
                        division=str(division),
                    ),
                    r["_row"],
                    division_column,
                    str(division),
                    file_label,
                )
            )
    return out
