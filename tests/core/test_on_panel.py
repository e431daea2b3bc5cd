"""Panel membership worked out once per distinct panel text (core.credit.on_panel) is the
per-case split it replaces: exact names, every separator, no panel."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workload_app.core.credit import on_panel, split_panel


def test_a_judge_is_on_a_panel_only_by_exact_name():
    panels = pd.Series(
        [
            "王芳、李明",
            "王芳芳，赵四",
            None,
            "李明;王芳",
            "王芳",
            "",
            "张三 王芳/李四",
            "王",
            np.nan,
            "王芳、李明",
        ],
        dtype="str",
    )
    got = on_panel(panels, "王芳")
    assert got.tolist() == [True, False, False, True, True, False, True, False, False, True]
    assert got.tolist() == [("王芳" in split_panel(p)) for p in panels]
    assert on_panel(panels, "李明").tolist() == [
        True,
        False,
        False,
        True,
        False,
        False,
        False,
        False,
        False,
        True,
    ]
    assert on_panel(pd.Series([], dtype="str"), "王芳").tolist() == []
    assert on_panel(pd.Series([None, None], dtype=object), "王芳").tolist() == [False, False]
