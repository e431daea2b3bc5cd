"""Regression (issue 19.1): saving a draft of the parameters moved every tally at once."""

from __future__ import annotations

import pytest

from workload_app.services import parameters as P
from workload_app.services import standard_cases as S


def test_saved_draft_does_not_move_the_tally(demo_db):
    before = S.court_tally(demo_db, 2025).set_index("judge")["sc_trial"]
    params, row = P.current_params(demo_db, 2025)
    assert row["published"]
    P.save_params(demo_db, params.with_weights(0.25, 0.25, 0.50), "草稿：调高卷宗权重")
    after = S.court_tally(demo_db, 2025).set_index("judge")["sc_trial"]
    assert after.to_numpy() == pytest.approx(before.loc[after.index].to_numpy())
    assert S.court_results(demo_db, 2025)[2]["version"] == 1
    P.publish(demo_db, 2025, "院务会决定")
    published = S.court_tally(demo_db, 2025).set_index("judge")["sc_trial"]
    assert not published.to_numpy() == pytest.approx(before.loc[published.index].to_numpy())
    assert S.court_results(demo_db, 2025)[2]["version"] == 2


def test_a_year_without_a_published_version_uses_its_draft(db):
    from workload_app.core.params import default_params

    P.save_params(db, default_params(2026), "首版")
    params, row = P.current_params(db, 2026)
    assert row["version"] == 1 and not row["published"]
    v = P.version_in_use(db, 2026)
    assert (v.version, v.published, v.draft) == (1, False, None)
