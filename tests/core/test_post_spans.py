"""The time-in-post rule itself (core.credit.PostSpans): 入额 and 离任 both inclusive."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workload_app.core.credit import PostSpans, credit_links
from workload_app.core.params import PanelParams, default_params

ROSTER = pd.DataFrame(
    {
        "name": ["甲", "乙", "丙"],
        "in_post_from": ["2025-12-31", None, "2025-03-01"],
        "in_post_to": [None, "2025-06-30", "2025-09-30"],
    }
)


def test_bounds_are_inclusive_and_unknowns_are_not_held():
    post = PostSpans.of(ROSTER)
    names = np.array(["甲", "甲", "乙", "乙", "丙", "丙", "丙", "丁", "甲"], dtype=object)
    days = np.array(
        [
            "2025-12-30",
            "2025-12-31",
            "2025-06-30",
            "2025-07-01",
            "2025-02-28",
            "2025-03-01",
            "2025-10-01",
            "2020-01-01",
            None,
        ],
        dtype=object,
    )
    got = post.outside(names, np.arange(len(names)), days).tolist()
    # 丁 is not in the roster, and a case without a closing date cannot be checked: neither is held
    assert got == [True, False, False, True, True, False, True, False, False]
    confirmed = PostSpans.of(ROSTER, {(0, "甲")})
    assert confirmed.outside(names, np.arange(len(names)), days).tolist()[0] is False


def test_on_a_panel_only_the_member_out_of_post_is_held():
    params = default_params(2025)
    params = type(params)(**{**params.__dict__, "panel": PanelParams(0.6, 0.2)})
    cases = pd.DataFrame(
        {"case_id": [7], "judge": ["丙"], "panel": ["丙、甲、乙"], "closed_on": ["2025-06-30"]}
    )
    links = credit_links(cases, params, PostSpans.of(ROSTER))
    by_name = {
        links.judges[c]: (s, h) for c, s, h in zip(links.judge_code, links.share, links.held, strict=True)
    }
    # 丙 in post (0.6), 乙 on his last day (0.2), 甲 not yet in post: held, share 0
    assert by_name == {"丙": (0.6, False), "乙": (0.2, False), "甲": (0.0, True)}
