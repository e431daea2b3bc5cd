"""Case numbers (案号): read a number into year, court, type code, serial, category and instance.

Two formats exist. Since 2016 (最高人民法院《关于人民法院案件案号的若干规定》):
``(2024)渝0106民初1234号`` = (year) court code + type code (类型代字) + serial + 号.
Before 2016: ``(2015)沙法民初字第00123号`` = (year) local court abbreviation + type, often with a
division digit (民三初), then 字第 (real exports also show only 字 or only 第) + serial + 号.

A number that cannot be read is returned as an error, never guessed at.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from workload_app.core.messages import Coded
from workload_app.core.text import normalize_text

CATEGORIES = ("criminal", "civil", "administrative", "enforcement", "other")
CATEGORY_LABELS = {
    "criminal": "刑事",
    "civil": "民事",
    "administrative": "行政",
    "enforcement": "执行",
    "other": "其他",
}
INSTANCE_LABELS = {"first": "一审", "second": "二审", "retrial": "再审", "other": "其他"}

# The province part of a court code as the SPC's annex of court codes (法〔2015〕137号附件) writes it:
# 内 for Inner Mongolia and 黔 for Guizhou (not the everyday 蒙 and 贵); 兵 for the XPCC courts
# (兵, 兵08, 兵0801 …), 军 for military courts (军, 军01, 军0101 …), and 最高法 for the SPC.
PROVINCES = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新"
SPECIAL_COURTS = ("兵", "军")
COURT_PREFIXES = (*PROVINCES, *SPECIAL_COURTS, "最高法")
# Everyday abbreviations the annex does not use: named in the error so the user sees the fix.
_NOT_ANNEX = {"蒙": "内", "贵": "黔"}

# Type codes that are not led by 刑/民/行/执 but are in the SPC standard.
_OTHER_TYPES = {
    "财保": "other",
    "行保": "other",
    "证保": "other",
    "司惩": "other",
    "司惩复": "other",
    "司救刑": "other",
    "司救民": "other",
    "司救行": "other",
    "司救执": "other",
    "司救访": "other",
    "司救赔": "other",
    "法赔": "other",
    "委赔": "other",
    "委赔监": "other",
    "刑赔": "other",
    "赔": "other",
    "破": "civil",
    "破申": "civil",
    "破终": "civil",
    "破监": "civil",
    "强清": "civil",
    "强清申": "civil",
    "强清终": "civil",
    "认台": "other",
    "认港": "other",
    "认澳": "other",
    "请台送": "other",
    "协外认": "other",
}
_LEAD = {"刑": "criminal", "民": "civil", "行": "administrative", "执": "enforcement"}
# What may follow the lead character in a type code (初, 终, 再, 监, 申, 抗, 更, 特, 督, 辖 …).
_SUFFIX = set("初终再审监申抗更特督催撤辖核医复恢保异协他清赔算破送请外提执")
_CN_DIGITS = "一二三四五六七八九十"

# Before 2016 some type codes read differently from today's.
_LEGACY_TYPES = {"执行": "执", "刑执": "刑更", "商初": "民初", "商终": "民终", "商再": "民再", "商监": "民监"}

_BRACKETS = str.maketrans(
    {"（": "(", "）": ")", "〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")"}
)

# How a case number is written, quoted when one cannot be read (data: a case number is Chinese)
EXAMPLE = "(2024)渝0106民初1234号"
LEGACY_EXAMPLE = "(2015)沙法民初字第00123号"
_CURRENT = re.compile(
    rf"^\((?P<year>\d{{4}})\)(?P<court>最高法|[{PROVINCES}{''.join(SPECIAL_COURTS)}]\d{{0,4}})"
    r"(?P<type>[\u4e00-\u9fff]{1,5}?)(?P<serial>\d{1,7})号(?P<suffix>之[一二三四五六七八九十]{1,3})?$"
)
_LEGACY = re.compile(
    r"^\((?P<year>\d{4})\)(?P<head>[\u4e00-\u9fff\d]{1,16}?)(?:字第|字|第)(?P<serial>\d{1,7})号(?P<suffix>之[一二三四五六七八九十]{1,3})?$"
)
# The type code at the end of a legacy head: (知)lead + division digit + suffix characters.
_LEGACY_TYPE = re.compile(
    rf"(?P<type>知?(?:执行|刑|民|行|执|商|赔)[{_CN_DIGITS}]{{0,2}}[{''.join(sorted(_SUFFIX))}]{{0,3}})$"
)


class CaseNumber(NamedTuple):
    """A parsed case number; ``error`` is empty when the number was read."""

    input: str
    year: int | None = None
    court: str = ""
    type_code: str = ""
    serial: int | None = None
    category: str = ""
    instance: str = ""
    legacy: bool = False
    error: str = ""
    suffix: str = ""  # 之一, 之二 … (a number derived from the main one); part of the number

    @property
    def canonical(self) -> str:
        """The number as one writes it today: (year)court type serial 号 (+ 之一 …)."""
        return f"({self.year}){self.court}{self.type_code}{self.serial}号{self.suffix}"

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def stored(self) -> str:
        """The form every import stores and every link matches on (one rule, here only): the
        canonical number since 2016 (之一 … kept); a pre-2016 number as written, spaces removed."""
        if self.legacy:
            return normalize_text(self.input).replace(" ", "")
        return self.canonical


def classify_type(type_code: str) -> tuple[str, str] | None:
    """Return (category, instance) of a (normalised) type code, or None when it is not one."""
    if not type_code:
        return None
    code = type_code[1:] if type_code.startswith("知") and len(type_code) > 1 else type_code
    if code in _OTHER_TYPES:
        category = _OTHER_TYPES[code]
    elif (
        code[0] in _LEAD
        and all(c in _SUFFIX for c in code[1:])
        and len(code) <= 4
        and len(set(code)) == len(code)  # 民初初, 执执: a typo, not a code
        and not any(c in code[1:-1] for c in "初终")  # 初/终 end a code (民辖终), never sit inside (民初终)
    ):
        category = _LEAD[code[0]]
    else:
        return None
    return category, _instance(code)


def _instance(code: str) -> str:
    rest = code[1:]
    if "再" in rest or "提" in rest:
        return "retrial"
    if rest.endswith("初"):
        return "first"
    if rest.endswith("终"):
        return "second"
    return "other"


_MISSING_HAO = re.compile(r"^[(（〔\[【]\s*\d{4}\s*[)）〕\]】].*\d$")


def with_hao(raw: object) -> object:
    """The number as the file holds it, with the closing 号 some systems leave off put back: the
    serial is the trailing digits either way, so (2024)渝0106民初1234 is (2024)渝0106民初1234号."""
    if isinstance(raw, str):
        text = normalize_text(raw)
        if _MISSING_HAO.match(text):
            return text + "号"
    return raw


def stored_case_number(raw: object) -> tuple[str | None, CaseNumber]:
    """The stored form of a number a file holds (None when blank or unreadable) and its reading.
    Every import (cases, appeals, 原审案号) and every link goes through this one function."""
    number = parse_case_number(with_hao(raw))
    if raw is None or (isinstance(raw, float) and raw != raw) or not normalize_text(raw):
        return None, number
    return (None if number.error else number.stored), number


def lookup_form(text: str) -> str:
    """What a number typed by a user (approve, reason, review, query) is looked up as: its stored
    form when it reads as a case number, else the text as typed without surrounding spaces."""
    stored, _number = stored_case_number(text)
    return stored or (text or "").strip()


def parse_case_number(raw: object) -> CaseNumber:
    """Read a case number; the result's ``error`` says (a coded text, ``messages.Coded``) why it could not be read."""
    text = "" if raw is None else str(raw)
    s = normalize_text(text).translate(_BRACKETS).replace(" ", "")
    if not s:
        return CaseNumber(text, error=Coded("casenumber.empty"))
    if "字" in s or re.search(r"第\d+号(之[一二三四五六七八九十]{1,3})?$", s):
        return _parse_legacy(text, s)
    m = _CURRENT.match(s)
    if not m:
        wrong = re.match(r"^\(\d{4}\)([蒙贵])\d", s)
        if wrong:
            return CaseNumber(
                text,
                error=Coded("casenumber.court_code", right=_NOT_ANNEX[wrong[1]], wrong=wrong[1]),
            )
        return CaseNumber(text, error=Coded("casenumber.format", example=EXAMPLE))
    if int(m["serial"]) == 0:
        return CaseNumber(text, error=Coded("casenumber.serial_zero"))
    type_code = m["type"]
    cls = classify_type(type_code)
    if cls is None:
        return CaseNumber(text, error=Coded("casenumber.type_code", type_code=type_code))
    return CaseNumber(
        text,
        year=int(m["year"]),
        court=m["court"],
        type_code=type_code,
        serial=int(m["serial"]),
        category=cls[0],
        instance=cls[1],
        suffix=m["suffix"] or "",
    )


def _parse_legacy(text: str, s: str) -> CaseNumber:
    m = _LEGACY.match(s)
    if not m:
        return CaseNumber(text, error=Coded("casenumber.legacy_format", example=LEGACY_EXAMPLE))
    head = m["head"]
    t = _LEGACY_TYPE.search(head)
    if not t:
        return CaseNumber(text, error=Coded("casenumber.legacy_no_type", head=head))
    raw_type = t["type"]
    court = head[: t.start()]
    prefix = "知" if raw_type.startswith("知") else ""
    body = raw_type[len(prefix) :]
    if body.startswith("执行"):  # 执行字第 (old enforcement numbers) reads as 执
        body = "执" + body[2:]
    body = body[0] + "".join(c for c in body[1:] if c not in _CN_DIGITS)  # 民三初 -> 民初
    body = _LEGACY_TYPES.get(body, body)
    if body == "商":
        body = "民"
    type_code = prefix + body
    if not court:
        return CaseNumber(text, error=Coded("casenumber.legacy_no_court", type_code=raw_type))
    cls = classify_type(type_code)
    if cls is None:
        return CaseNumber(text, error=Coded("casenumber.type_code", type_code=raw_type))
    return CaseNumber(
        text,
        year=int(m["year"]),
        court=court,
        type_code=type_code,
        serial=int(m["serial"]),
        category=cls[0],
        instance=cls[1],
        legacy=True,
        suffix=m["suffix"] or "",
    )
