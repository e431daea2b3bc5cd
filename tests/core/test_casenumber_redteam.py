"""Case numbers as a court writes them (DOMAIN "Case numbers"): parsed correctly or reported, never
guessed. Expected readings are written out by hand from the SPC rules, not taken from the parser."""

from __future__ import annotations

import pytest

from workload_app.core.casenumber import parse_case_number as parse

ANNEX = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新"
FORMS = [
    ("{c}0102民初345号", "民初", "civil", "first"),
    ("{c}01刑终67号", "刑终", "criminal", "second"),
    ("{c}0102执8号", "执", "enforcement", "other"),
    ("{c}0102执恢9号", "执恢", "enforcement", "other"),
    ("{c}01行终10号", "行终", "administrative", "second"),
]


@pytest.mark.parametrize("court", [*ANNEX, "兵", "军"])
@pytest.mark.parametrize(("form", "type_code", "category", "instance"), FORMS)
def test_every_annex_court_in_every_form(court, form, type_code, category, instance):
    n = parse("(2024)" + form.format(c=court))
    assert n.ok, n.error
    assert (n.year, n.court[0], n.type_code, n.category, n.instance) == (
        2024,
        court,
        type_code,
        category,
        instance,
    )


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("(2024)最高法民申1234号", (2024, "最高法", "民申", 1234, "civil", "other", "")),
        ("(2024)最高法知民终12号", (2024, "最高法", "知民终", 12, "civil", "second", "")),
        ("（２０２４）渝０１０６民初１２３４号", (2024, "渝0106", "民初", 1234, "civil", "first", "")),
        ("( 2024 )渝0106 民初 1234 号 ", (2024, "渝0106", "民初", 1234, "civil", "first", "")),
        ("〔2024〕京0106刑更12号", (2024, "京0106", "刑更", 12, "criminal", "other", "")),
        ("(2024)京0106执保12号", (2024, "京0106", "执保", 12, "enforcement", "other", "")),
        ("(2024)京0106执异12号", (2024, "京0106", "执异", 12, "enforcement", "other", "")),
        ("(2024)京0106民特12号", (2024, "京0106", "民特", 12, "civil", "other", "")),
        ("(2024)京0106财保12号", (2024, "京0106", "财保", 12, "other", "other", "")),
        ("(2024)京0106司救民12号", (2024, "京0106", "司救民", 12, "other", "other", "")),
        ("(2024)京0106民辖终12号", (2024, "京0106", "民辖终", 12, "civil", "second", "")),
        ("(2015)沙法民初字第00123号", (2015, "沙法", "民初", 123, "civil", "first", "")),
        ("(2015)沙法民三初字第00123号", (2015, "沙法", "民初", 123, "civil", "first", "")),
        ("(2014)渝一中法民终字第01234号", (2014, "渝一中法", "民终", 1234, "civil", "second", "")),
        ("(2015)沙法执恢字第12号", (2015, "沙法", "执恢", 12, "enforcement", "other", "")),
        # numbers derived from a main number (之一, 之二) are numbers of their own
        ("(2024)渝0106民初1234号之一", (2024, "渝0106", "民初", 1234, "civil", "first", "之一")),
        ("（2024）渝0106执恢1234号之二", (2024, "渝0106", "执恢", 1234, "enforcement", "other", "之二")),
        ("(2015)沙法民初字第00123号之一", (2015, "沙法", "民初", 123, "civil", "first", "之一")),
        # old enforcement numbers written 执行字第: enforcement, not an administrative case of court 沙法执
        ("(2015)沙法执行字第00123号", (2015, "沙法", "执", 123, "enforcement", "other", "")),
    ],
)
def test_real_looking_numbers_read_as_a_court_reads_them(raw, want):
    n = parse(raw)
    assert n.ok, n.error
    assert (n.year, n.court, n.type_code, n.serial, n.category, n.instance, n.suffix) == want


def test_derived_number_keeps_its_suffix_in_the_canonical_form():
    assert parse("(2024)渝0106民初1234号之一").canonical == "(2024)渝0106民初1234号之一"
    assert parse("(2024)渝0106民初1234号").canonical == "(2024)渝0106民初1234号"


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("(2017)0481刑初170号", "格式"),  # no court abbreviation
        ("(2024)蒙0106民初12号", "内"),
        ("(2024)贵01民初12号", "黔"),
        ("(2024)京0106民初初12号", "民初初"),  # doubled character: a typo, not a code
        ("(2024)京0106执执12号", "执执"),
        ("(2024)京0106民初终12号", "民初终"),  # 初 inside a code
        ("(2015)民初字第00123号", "法院简称"),  # old form without the court
        ("(2024)渝0106民初0号", "序号"),
        ("(2024)渝0106民初1234", "格式"),
        ("(2024)京0106民初12、13号", "格式"),
        ("京0106民初12号", "格式"),
    ],
)
def test_numbers_that_cannot_be_read_are_reported_not_guessed(raw, says):
    n = parse(raw)
    assert not n.ok and says in n.error
