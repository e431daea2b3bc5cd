"""The importing tests' roster fixture, for the backup tests."""

from tests.conftest import on_both_stores
from tests.importing.conftest import roster_db  # noqa: F401 - a fixture


def pytest_generate_tests(metafunc):
    """The audit tests run on both stores, the SQLite file and the court server."""
    on_both_stores(metafunc, modules=("test_audit", "test_scoping", "test_grades_scoping"))
