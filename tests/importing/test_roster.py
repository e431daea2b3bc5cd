"""The judge roster: synonyms, roles, tracks, dates; a bad row refuses the whole roster."""

from __future__ import annotations

import dataclasses

import pytest

from workload_app.core.problems import ImportRejected
from workload_app.services.imports import import_judges
from workload_app.storage import repository as repo

from .conftest import ROSTER, write_csv, write_xlsx


def test_roster_imported(roster_db):
    judges = repo.judges_frame(roster_db).set_index("name")
    assert judges.loc["张三", ["division", "post", "track", "in_post_from"]].tolist() == [
        "民事审判第一庭",
        "庭长",
        "trial",
        "2018-01-01",
    ]
    assert judges.loc["李四", "in_post_from"] == "2019-03-01"
    assert judges.loc["赵六", "track"] == "enforcement"


def test_roster_update_and_synonyms(roster_db, tmp_path):
    rows = [
        ["法官姓名", "所在部门", "职务", "员额类别", "入额时间", "退额日期"],
        ["张三", "民事审判第一庭", "庭长", "审判", "2018-01-01", "2025-06-30"],
        ["孙七", "执行局", "执行局副局长", "执行", "2025-01-01", ""],
    ]
    counts = import_judges(roster_db, write_csv(tmp_path / "r.csv", rows, "gbk")).summary
    assert dataclasses.asdict(counts) == {"new": 1, "updated": 1, "unchanged": 0}
    judges = repo.judges_frame(roster_db).set_index("name")
    assert judges.loc["张三", "in_post_to"] == "2025-06-30"
    assert judges.loc["孙七", ["post", "track"]].tolist() == ["副庭长", "enforcement"]


def test_bad_roster_refused_whole(db, tmp_path):
    rows = [
        *ROSTER,
        ["", "民事审判第一庭", "审判员", "审判", "", ""],
        ["钱八", "民事审判第一庭", "书记员", "审判", "", ""],
        ["张三", "刑事审判庭", "审判员", "其他", "2020-13-01", ""],
    ]
    with pytest.raises(ImportRejected) as err:
        import_judges(db, write_xlsx(tmp_path / "r.xlsx", rows))
    assert {(p.row, p.column) for p in err.value.problems} == {
        (6, "姓名"),
        (7, "职务"),
        (8, "姓名"),
        (8, "类别"),
        (8, "入额日期"),
    }
    assert repo.judges_frame(db).empty
