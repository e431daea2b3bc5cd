"""The judge roster (法官名册): 姓名, 部门, 职务, 类别 (审判/执行), 入额日期, 离任日期."""

from __future__ import annotations

from typing import NamedTuple

from workload_app.core.messages import Coded, words
from workload_app.core.params import POSTS
from workload_app.core.problems import ImportRejected, Problem
from workload_app.core.text import clip, compact, name_key
from workload_app.importing.headers import ROSTER_LABELS, ROSTER_SYNONYMS, HeaderMatch, find_header
from workload_app.importing.readers import RawSheet
from workload_app.importing.values import CellError, is_blank, parse_date, parse_person, parse_text

POST_SYNONYMS = {
    **{r: r for r in POSTS},
    "审委会专职委员": "审判委员会专职委员",
    "专职委员": "审判委员会专职委员",
    "员额法官": "审判员",
    "法官": "审判员",
    "助理审判员": "审判员",
    "执行员": "审判员",
    "局长": "庭长",
    "副局长": "副庭长",
    "执行局长": "庭长",
    "执行局副局长": "副庭长",
}
TRACK_WORDS = ("审判", "执行")  # the two tracks as a roster file writes them (data)
TRACKS = {"审判": "trial", "执行": "enforcement", "trial": "trial", "enforcement": "enforcement"}


class ParsedRoster(NamedTuple):
    judges: list[dict]
    problems: list[Problem]
    header: HeaderMatch


def choose_roster_sheet(sheets: list[RawSheet]) -> tuple[RawSheet, HeaderMatch]:
    for s in sheets:
        header = find_header(s.rows, ROSTER_SYNONYMS, "name")
        if header is not None:
            return s, header
    raise ImportRejected("import.roster_no_header")


def parse_roster(sheet: RawSheet, header: HeaderMatch, file_label: str) -> ParsedRoster:
    cols, labels = header.columns, header.labels
    judges, problems = [], []
    seen: dict[str, int] = {}
    for offset, row in enumerate(sheet.rows[header.row_index + 1 :]):
        row_no = header.row_index + 2 + offset
        if all(is_blank(c) for c in row):
            continue

        def cell(field: str, row: list = row) -> object:
            i = cols.get(field)
            return row[i] if i is not None and i < len(row) else None

        def bad(field: str, message: str, row_no: int = row_no) -> None:
            value = cell(field)
            problems.append(
                Problem(
                    "invalid_value",
                    message,
                    row_no,
                    labels.get(field, ROSTER_LABELS[field]),
                    "" if value is None else clip(value, 100),
                    file_label,
                )
            )

        n_before = len(problems)
        for field in cols:
            if isinstance(cell(field), CellError):
                bad(field, cell(field).describe())
        if len(problems) > n_before:
            continue
        name, _ = parse_person(cell("name"))
        key = name_key(name)
        if not name:
            bad("name", Coded("roster.name_required"))
        elif key in seen:
            bad("name", Coded("roster.duplicate_name", row=seen[key]))
        else:
            seen[key] = row_no
        division = parse_text(cell("division"))[0]
        if not division:
            bad("division", Coded("roster.division_required"))
        post_text = compact(cell("post")) if not is_blank(cell("post")) else "审判员"
        post = POST_SYNONYMS.get(post_text)
        if post is None:
            bad("post", Coded("roster.post", posts=words(POSTS, "/", "/")))
        track_text = compact(cell("track")) if not is_blank(cell("track")) else ""
        track = (
            TRACKS.get(track_text)
            if track_text
            else ("enforcement" if "执行" in (division or "") else "trial")
        )
        if track is None:
            bad("track", Coded("roster.track_cell", trial=TRACK_WORDS[0], enforcement=TRACK_WORDS[1]))
        dates = {}
        for field in ("in_post_from", "in_post_to"):
            value, err = parse_date(cell(field))
            if err:
                bad(field, err)
            dates[field] = value.isoformat() if value else None
        if dates["in_post_from"] and dates["in_post_to"] and dates["in_post_to"] < dates["in_post_from"]:
            bad("in_post_to", Coded("roster.left_before_in_post"))
        if len(problems) == n_before:
            judges.append(
                {"name": name, "division": division, "post": post, "track": track, **dates, "_row": row_no}
            )
    return ParsedRoster(judges, problems, header)
