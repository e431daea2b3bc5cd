"""QuotaPlan reads the plans stored by the code before it (JSON in quota_plans.plan) and writes
them back unchanged, key for key and in the same order, but for the judge's post: stored as
``role``/``role_fraction`` before, ``post``/``post_fraction`` now."""

from __future__ import annotations

import json

import pandas as pd

from workload_app.core.quota_plan import QuotaPlan
from workload_app.services import quotas as S
from workload_app.storage import repository as repo

# Version 1 of the demo court's 2024 plan as the code before QuotaPlan stored it (two judges kept).
STORED = '{"year": 2024, "from_month": 1, "pattern": "last_year", "weights": {"trial": [0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333], "enforcement": [0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333]}, "inputs": {"trial": {"track": "trial", "history_per_judge": 0.0, "carry_over": 227, "expected_filings": 1500.0, "closing_rate": 0.95, "sc_per_case": 1.0, "judge_equivalents": 39.050000000000004, "history_weight": 0.0, "target_based": 42.01408450704225, "blended": 42.01408450704225, "common_quota": 42.0}, "enforcement": {"track": "enforcement", "history_per_judge": 0.0, "carry_over": 78, "expected_filings": 500.0, "closing_rate": 0.95, "sc_per_case": 1.0, "judge_equivalents": 12.55, "history_weight": 0.0, "target_based": 43.75298804780876, "blended": 43.75298804780876, "common_quota": 44.0}}, "derivation": {"trial": "历史口径 0.00；目标口径 95%×(227+1500)×1.0000÷39.05 = 42.01；0×0.00 + 1×42.01 = 42.01，取整 42", "enforcement": "历史口径 0.00；目标口径 95%×(78+500)×1.0000÷12.55 = 43.75；0×0.00 + 1×43.75 = 43.75，取整 44"}, "judges": [{"judge": "罗娜", "division": "刑事审判庭", "role": "庭长", "track": "trial", "role_fraction": 0.6, "share_in_post": 1.0, "common_quota": 42.0, "computed_quota": 25.2, "quota": 25.2, "override_reason": "", "in_post_from": "2018-01-01", "in_post_to": NaN}, {"judge": "陈宇", "division": "刑事审判庭", "role": "副庭长", "track": "trial", "role_fraction": 0.8, "share_in_post": 1.0, "common_quota": 42.0, "computed_quota": 33.6, "quota": 33.6, "override_reason": "", "in_post_from": "2018-01-01", "in_post_to": NaN}], "months": [{"judge": "罗娜", "m1": 2.1, "m2": 2.1, "m3": 2.1, "m4": 2.1, "m5": 2.1, "m6": 2.1, "m7": 2.1, "m8": 2.1, "m9": 2.1, "m10": 2.1, "m11": 2.1, "m12": 2.1}, {"judge": "陈宇", "m1": 2.8, "m2": 2.8, "m3": 2.8, "m4": 2.8, "m5": 2.8, "m6": 2.8, "m7": 2.8, "m8": 2.8, "m9": 2.8, "m10": 2.8, "m11": 2.8, "m12": 2.8}]}'

# The same plan as written now: the judge's post under its own name.
NOW = STORED.replace('"role": ', '"post": ').replace('"role_fraction": ', '"post_fraction": ')


def test_a_plan_stored_before_round_trips_to_the_same_json():
    plan = QuotaPlan.from_dict(json.loads(STORED))
    assert plan.year == 2024 and plan.from_month == 1 and plan.pattern == "last_year"
    assert plan.common_quota("trial") == 42.0 and plan.common_quota("enforcement") == 44.0
    assert [j["judge"] for j in plan.judges] == ["罗娜", "陈宇"]
    assert plan.extra == {}
    assert [(j["post"], j["post_fraction"]) for j in plan.judges] == [("庭长", 0.6), ("副庭长", 0.8)]
    assert NOW != STORED and json.dumps(plan.to_dict(), ensure_ascii=False) == NOW
    assert json.dumps(QuotaPlan.from_dict(json.loads(NOW)).to_dict(), ensure_ascii=False) == NOW


def test_an_older_plan_without_weights_or_derivation_keeps_its_keys():
    old = json.loads(STORED)
    del old["weights"], old["derivation"], old["pattern"]
    old["note"] = "未知的键"
    plan = QuotaPlan.from_dict(old)
    assert plan.weights is None and plan.derivation is None and plan.extra == {"note": "未知的键"}
    expected = json.dumps(old, ensure_ascii=False).replace('"role": ', '"post": ')
    assert json.dumps(plan.to_dict(), ensure_ascii=False) == expected.replace(
        '"role_fraction": ', '"post_fraction": '
    )


def test_a_plan_stored_before_is_read_by_the_services(db):
    db.conn.execute(
        "INSERT INTO quota_plans (year, version, from_month, reason, created_at, created_by, plan) "
        "VALUES (2023, 1, 1, '旧版', 't', 'admin', ?)",
        (STORED,),
    )
    old = S.court_plan(db, 2023)
    assert [(j["post"], j["post_fraction"]) for j in old["judges"]] == [("庭长", 0.6), ("副庭长", 0.8)]
    assert S.division_targets(old).set_index("division").loc["刑事审判庭", "target"] == 58.8
    with repo.transaction(db):
        repo.insert_quota_plan(db, 2024, 1, "年初下达", "admin", json.loads(STORED))
    stored = db.conn.execute("SELECT plan FROM quota_plans WHERE year = 2024").fetchone()[0]
    assert stored == NOW
    plan = S.court_plan(db, 2024)
    assert plan["version"] == 1 and plan["reason"] == "年初下达"
    judges, months = S.plan_tables(plan)
    assert judges.set_index("judge")["quota"].to_dict() == {"罗娜": 25.2, "陈宇": 33.6}
    assert months.set_index("judge").loc["陈宇", "m7"] == 2.8
    (version,) = repo.quota_plan_versions(db, 2024)
    frames = version["plan"].tables()
    assert isinstance(frames[0], pd.DataFrame) and frames[1]["m12"].tolist() == [2.1, 2.8]
