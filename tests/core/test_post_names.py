"""The judge's post (职务) is ``post`` in code; parameter files written with the old key names
(``role_fractions``, ``role_groups``) still read, and files are written with the new ones."""

from __future__ import annotations

import pytest

from workload_app.core.params import default_params, params_from_toml, params_to_toml
from workload_app.core.problems import ParameterError

OLD = """
year = 2025
[quota]
role_fractions = { "庭长" = 0.5, "副庭长" = 0.7 }
[assessment]
role_groups = { "领导" = ["院长", "副院长", "审判委员会专职委员", "庭长", "副庭长"], "审判员" = ["审判员"] }
"""


def test_old_key_names_still_read():
    p = params_from_toml(OLD)
    assert p.quota.fraction_of("庭长") == 0.5 and p.quota.fraction_of("副庭长") == 0.7
    assert p.quota.fraction_of("院长") == 0.10  # the default, as before
    assert p.assessment.group_of("副庭长") == "领导" and p.assessment.group_of("审判员") == "审判员"


def test_written_with_the_new_names_and_read_back_the_same():
    p = params_from_toml(OLD)
    text = params_to_toml(p)
    assert "post_fractions = " in text and "post_groups = " in text and "role_" not in text
    assert params_from_toml(text) == p
    assert params_from_toml(params_to_toml(default_params(2025))) == default_params(2025)


def test_old_and_new_key_together_is_refused():
    text = OLD.replace("[quota]\n", '[quota]\npost_fractions = { "庭长" = 0.4 }\n')
    with pytest.raises(ParameterError) as err:
        params_from_toml(text)
    assert err.value.key == "quota.post_fractions" and "role_fractions" in str(err.value)


def test_errors_name_the_key_the_file_used():
    with pytest.raises(ParameterError) as err:
        params_from_toml(OLD.replace('"庭长" = 0.5', '"书记员" = 0.5'))
    assert err.value.key == "quota.role_fractions.书记员"
    with pytest.raises(ParameterError) as err:
        params_from_toml(
            OLD.replace("role_fractions", "post_fractions").replace('"庭长" = 0.5', '"书记员" = 0.5')
        )
    assert err.value.key == "quota.post_fractions.书记员"
