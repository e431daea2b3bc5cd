"""The column readers and writers run on both stores: on the court server they read in binary
form and write by binary COPY, and must give exactly the row paths' frames and rows."""

from __future__ import annotations

from tests.conftest import on_both_stores


def pytest_generate_tests(metafunc):
    on_both_stores(metafunc, modules=("test_case_columns", "test_dialect", "test_columnar"))
