"""Sorting a text column by numpy's fixed-width keys gives Python's string order."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from workload_app.ui.dataframe_model import DataFrameModel

pytestmark = pytest.mark.gui


def test_text_sort_is_python_string_order(qtmodeltester):
    numbers = [
        "（2025）京0105民初12号",
        "（2025）京0105民初2号",
        None,
        "（2024）京0105执1号",
        "abc",
        "（2025）京0105刑初7号",
    ]
    model = DataFrameModel(pd.DataFrame({"case_number": numbers}))
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert shown == sorted(n or "" for n in numbers)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert shown == sorted((n or "" for n in numbers), reverse=True)
