"""The demo court's shape, within stated bounds, and its determinism."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workload_app.core import demo_court
from workload_app.storage import repository as repo


def test_same_seed_same_court():
    a = demo_court.generate(11, 2000)
    b = demo_court.generate(11, 2000)
    pd.testing.assert_frame_equal(a.cases, b.cases)
    pd.testing.assert_frame_equal(a.judges, b.judges)
    c = demo_court.generate(12, 2000)
    assert not a.cases["case_number"].equals(c.cases["case_number"])


def test_full_size_shape():
    court = demo_court.generate()
    cases, judges = court.cases, court.judges
    closed = cases[cases["closed_on"].notna()]
    years = pd.DatetimeIndex(closed["closed_on"]).year
    assert {int(y): int(n) for y, n in pd.Series(years).value_counts().items()} == {2024: 20000, 2025: 20000}
    assert cases["closed_on"].isna().sum() == demo_court.OPEN_AT_END
    assert 55 <= len(judges) <= 65 and judges["name"].is_unique
    assert len(court.divisions) == 8
    for role in ("院长", "副院长", "庭长", "副庭长"):
        assert (judges["post"] == role).any()
    assert (judges.groupby("division")["post"].apply(lambda r: {"庭长", "副庭长"} <= set(r))).all()
    assert judges["in_post_from"].str.startswith(("2024", "2025")).sum() == 2  # joiners
    assert judges["in_post_to"].notna().sum() == 2  # leavers
    share = closed["category"].value_counts(normalize=True)
    assert 0.45 < share["civil"] < 0.65
    assert 0.15 < share["enforcement"] < 0.35
    assert 0.07 < share["criminal"] < 0.2
    assert 0.03 < share["administrative"] < 0.12
    months = pd.DatetimeIndex(closed["closed_on"]).month.value_counts(normalize=True).sort_index()
    assert months[2] < 0.06 and months[12] > 0.12  # Spring Festival trough, December peak
    assert months[2] == months.min() and months[12] == months.max()
    trial = closed[closed["category"] != "enforcement"]
    missing = trial[["file_pages", "transcript_pages", "judgment_pages"]].isna().any(axis=1).mean()
    assert 0.002 < missing < 0.015
    ratio = trial["file_pages"] / trial.groupby("type_code")["file_pages"].transform("median")
    assert 0.0005 < (ratio > 5).mean() < 0.01  # padded files
    for t in ("刑更", "民特", "财保", "执恢"):
        assert (closed["type_code"] == t).sum() > 50
    assert (closed["procedure"] == "小额诉讼").sum() > 500
    end = closed[closed["closing_method"] == "终结本次执行程序"]
    assert 0.75 < end["approved"].astype(bool).mean() < 0.95


def test_stored_demo(demo_db):
    cases = repo.load_cases(demo_db)
    assert cases["case_number"].is_unique
    assert set(repo.case_years(demo_db)) == {2024, 2025}
    assert cases["closed_on"].isna().sum() > 0
    assert cases["panel"].notna().sum() > 0
    assert [r["year"] for r in repo.param_versions(demo_db, 2024)] == [2024]
    assert all(r["published"] for r in repo.param_versions(demo_db, 2025))
    # every parsed field agrees with the case number
    assert set(cases["category"]) == {"civil", "criminal", "administrative", "enforcement", "other"}
    assert np.all(cases.loc[cases["type_code"] == "财保", "category"] == "other")
