"""Fixtures of this suite."""

from __future__ import annotations

from tests.conftest import on_both_stores


def pytest_generate_tests(metafunc):
    """The engine end-to-end (compute, standard results, credit, review, what-if) and the quota
    tests run on both stores, the SQLite file and the court server; the CLI's, the demo's and
    the window session's stay on files."""
    on_both_stores(metafunc, modules=SERVER_MODULES)


SERVER_MODULES = (
    "test_assessment_once",
    "test_draft_does_not_move_figures",
    "test_figures_issue15",
    "test_judge_credit",
    "test_quota_oracle_demo",
    "test_quota_service",
    "test_review",
    "test_roster",
    "test_what_if_service",
    "test_quality_service",
    "test_time_in_post",
    "test_incremental_figures",
)
