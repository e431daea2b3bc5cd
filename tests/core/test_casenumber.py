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
