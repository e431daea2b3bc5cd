"""One function for division targets with judges moved mid-year (issue 26): the command line's
plan table, the window's 任务 table and the division figures of the sheets give the same targets,
and a moved judge's month splits into parts that add up to the month exactly."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

from workload_app.cli import cli
from workload_app.core.moves import split_month_targets
from workload_app.services import quotas as Q
from workload_app.services import roster

CRIMINAL, CIVIL = "刑事审判庭", "民事审判第一庭"


def test_split_by_hand():
    months = [3.12] * 12
    shares = {
        "甲": np.array([1.0] * 6 + [15 / 31] + [0.0] * 5),
        "乙": np.array([0.0] * 6 + [16 / 31] + [1.0] * 5),
    }
    parts = split_month_targets(months, shares)
    # July: 312 cents × 15/31 = 150.97 → 151, × 16/31 = 161.03 → 161; they add up to 312
    assert (parts["甲"][6], parts["乙"][6]) == (1.51, 1.61)
    assert parts["甲"].tolist()[:6] == [3.12] * 6 and parts["乙"].tolist()[7:] == [3.12] * 5
    three = split_month_targets(
        [0.01] * 12, {"a": np.full(12, 1 / 3), "b": np.full(12, 1 / 3), "c": np.full(12, 1 / 3)}
    )
    assert [three[d][0] for d in "abc"] == [0.01, 0.0, 0.0]  # a cent is never made or lost


def _cli_targets(path: str) -> dict[str, float]:
    out = CliRunner().invoke(cli, ["--db", path, "quota", "show", "--year", "2025"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    found = {}
    for line in out.output.splitlines():
        cells = line.split()
        if len(cells) == 3 and cells[1] == "trial":
            found[cells[0]] = float(cells[2])
    return found


def test_cli_window_and_sheets_agree_with_a_judge_moved_mid_july(sqlite_demo_db):
    db = sqlite_demo_db
    plan = Q.current_plan(db, 2025)
    months = np.array(
        [next(m for m in plan["months"] if m["judge"] == "王强")[f"m{i}"] for i in range(1, 13)]
    )
    before = Q.division_targets(plan, db).set_index(["division", "track"])
    roster.transfer(db, "王强", CIVIL, "2025-07-16")  # 15 days of July in 刑事, 16 in 民一
    window = Q.division_targets(plan, db).set_index(["division", "track"])
    july_criminal = round(float(months[6]) * 15 / 31 + 1e-9, 2)
    july_civil = round(float(months[6]) - july_criminal, 2)
    assert window.at[(CRIMINAL, "trial"), "m7"] == pytest.approx(
        before.at[(CRIMINAL, "trial"), "m7"] - months[6] + july_criminal, abs=1e-9
    )
    assert window.at[(CIVIL, "trial"), "m7"] == pytest.approx(
        before.at[(CIVIL, "trial"), "m7"] + july_civil, abs=1e-9
    )
    moved = round(float(months[6:].sum()) - july_criminal, 2)
    assert window.at[(CIVIL, "trial"), "target"] == pytest.approx(
        before.at[(CIVIL, "trial"), "target"] + moved, abs=1e-9
    )
    assert window["target"].sum() == pytest.approx(before["target"].sum(), abs=1e-6)  # nothing made or lost
    sheets = Q.court_division_assessment(db, 2025, 12).set_index(["division", "track"])["target"]
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.conn.close()
    cli_targets = _cli_targets(path)
    for division in (CRIMINAL, CIVIL):
        assert cli_targets[division] == pytest.approx(window.at[(division, "trial"), "target"], abs=1e-9)
        assert sheets[(division, "trial")] == pytest.approx(
            window.at[(division, "trial"), "target"], abs=1e-9
        )


def test_a_plan_for_a_year_with_no_judge_in_post_is_refused_with_nothing_stored(sqlite_demo_db):
    from workload_app.core.problems import WorkloadError
    from workload_app.storage import repository as repo

    with pytest.raises(WorkloadError) as err:
        Q.plan_year(sqlite_demo_db, 1999)
    assert err.value.code == "quota.no_judge_in_post"
    assert "1999 年度没有任何法官在岗" in str(
        err.value
    ) and "No judge is in post in 1999" in err.value.render("en")
    assert repo.quota_plans(sqlite_demo_db, 1999) == []
    path = sqlite_demo_db.conn.execute("PRAGMA database_list").fetchone()[2]
    sqlite_demo_db.conn.close()
    out = CliRunner().invoke(cli, ["--db", path, "quota", "plan", "--year", "1999"])
    assert out.exit_code != 0 and "1999 年度没有任何法官在岗" in out.output and "Traceback" not in out.output
