"""Case numbers of every shape the court's exports carry."""

from __future__ import annotations

import pytest

from workload_app.core.casenumber import parse_case_number


@pytest.mark.parametrize(
    ("raw", "year", "court", "type_code", "serial", "category", "instance"),
    [
        ("(2024)渝0106民初1234号", 2024, "渝0106", "民初", 1234, "civil", "first"),
        ("（2024）渝0106民终88号", 2024, "渝0106", "民终", 88, "civil", "second"),
        ("〔2023〕京73知民初5号", 2023, "京73", "知民初", 5, "civil", "first"),
        ("(２０２４)渝０１０６刑初１２号", 2024, "渝0106", "刑初", 12, "criminal", "first"),
        (" (2024)渝0106行初7号 ", 2024, "渝0106", "行初", 7, "administrative", "first"),
        ("(2024)渝0106执1号", 2024, "渝0106", "执", 1, "enforcement", "other"),
        ("(2024)渝0106执恢12号", 2024, "渝0106", "执恢", 12, "enforcement", "other"),
        ("(2024)渝0106执保3号", 2024, "渝0106", "执保", 3, "enforcement", "other"),
        ("(2024)渝0106执异3号", 2024, "渝0106", "执异", 3, "enforcement", "other"),
        ("(2024)渝01刑更30号", 2024, "渝01", "刑更", 30, "criminal", "other"),
        ("(2024)渝0106民特9号", 2024, "渝0106", "民特", 9, "civil", "other"),
        ("(2024)渝0106财保7号", 2024, "渝0106", "财保", 7, "other", "other"),
        ("(2020)京民终123号", 2020, "京", "民终", 123, "civil", "second"),
        ("(2023)最高法民再1号", 2023, "最高法", "民再", 1, "civil", "retrial"),
        # before 2016
        ("(2015)沙法民初字第00123号", 2015, "沙法", "民初", 123, "civil", "first"),
        ("(2014)渝一中法民三终字第123号", 2014, "渝一中法", "民终", 123, "civil", "second"),
        ("(2013)沙法刑二终字第4号", 2013, "沙法", "刑终", 4, "criminal", "second"),
        ("(2013)浙杭刑执字第5号", 2013, "浙杭", "刑更", 5, "criminal", "other"),
        ("(2014)沙法执字123号", 2014, "沙法", "执", 123, "enforcement", "other"),
        ("(2014)沙法民初第123号", 2014, "沙法", "民初", 123, "civil", "first"),
        ("（2015）沙法行初字第3号", 2015, "沙法", "行初", 3, "administrative", "first"),
    ],
)
def test_parses(raw, year, court, type_code, serial, category, instance):
    n = parse_case_number(raw)
    assert n.error == ""
    assert (n.year, n.court, n.type_code, n.serial, n.category, n.instance) == (
        year,
        court,
        type_code,
        serial,
        category,
        instance,
    )


@pytest.mark.parametrize(
    "raw",
    [
        "",
        None,
        "abc",
        "(2024)渝0106民初号",
        "2024渝0106民初12号",
        "(24)渝0106民初12号",
        "(2024)渝0106XX12号",
        "(2024)渝0106民初12",
        "(2015)沙法字第12号",
    ],
)
def test_unreadable_numbers_are_errors_not_guesses(raw):
    n = parse_case_number(raw)
    assert n.error != ""
    assert n.type_code == "" and n.year is None


# The SPC annex of court codes (法〔2015〕137号附件), as DOMAIN.md "Case numbers" lists it: 31
# provinces (内 for Inner Mongolia, 黔 for Guizhou), then the XPCC (兵), military courts (军) and
# the SPC (最高法). Written out here rather than imported, so the test cannot share a typo.
ANNEX = list("京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新")
FORMS = [  # (type code, category, instance)
    ("刑初", "criminal", "first"),
    ("民终", "civil", "second"),
    ("执", "enforcement", "other"),
]


def test_annex_has_31_provinces():
    assert len(ANNEX) == 31 == len(set(ANNEX))


@pytest.mark.parametrize("court", [*[a + "01" for a in ANNEX], "兵08", "兵0801", "军", "军0101", "最高法"])
@pytest.mark.parametrize(("type_code", "category", "instance"), FORMS)
@pytest.mark.parametrize(("left", "right"), [("(", ")"), ("（", "）")])
def test_every_annex_court_code_parses(court, type_code, category, instance, left, right):
    n = parse_case_number(f"{left}2019{right}{court}{type_code}154号")
    assert n.error == ""
    assert (n.year, n.court, n.type_code, n.serial, n.category, n.instance, n.legacy) == (
        2019, court, type_code, 154, category, instance, False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "court", "type_code"),
    [
        ("（2016）内0124刑初8号", "内0124", "刑初"),  # Inner Mongolia: refused before
        ("（2018）黔01刑终154号", "黔01", "刑终"),  # Guizhou: refused before
        ("(2019)最高法民终123号", "最高法", "民终"),
        ("(2020)兵08民初12号", "兵08", "民初"),
        ("(2021)军0101刑初3号", "军0101", "刑初"),
        ("(2022)内01执恢5号", "内01", "执恢"),
    ],
)
def test_inner_mongolia_and_guizhou_numbers_parse(raw, court, type_code):
    n = parse_case_number(raw)
    assert (n.error, n.court, n.type_code) == ("", court, type_code)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("（2017）0481刑初170号", "格式无法识别"),  # no court abbreviation at all
        ("(2016)蒙0124刑初8号", "「内」"),  # everyday abbreviations are not the annex's
        ("(2018)贵01刑终154号", "「黔」"),
        ("(2021)军事法院刑初1号", "类型代字"),  # the annex writes 军 + digits, not 军事法院
    ],
)
def test_numbers_outside_the_annex_are_errors(raw, says):
    n = parse_case_number(raw)
    assert says in n.error
    assert n.year is None


def test_pre_2016_numbers_still_read_with_any_local_abbreviation():
    n = parse_case_number("(2015)蒙呼刑初字第8号")
    assert (n.error, n.court, n.type_code, n.legacy) == ("", "蒙呼", "刑初", True)
