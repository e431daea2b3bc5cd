"""The importing tests' roster fixture, for the backup tests."""

from tests.importing.conftest import roster_db  # noqa: F401 - a fixture
