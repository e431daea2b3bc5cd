"""`params export` / `params import` carry every [quality] setting unchanged, and a bad value in
[quality] is refused with a Chinese message that names its key (the database left as it was)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.conftest import open_as_operator
from workload_app.cli import cli
from workload_app.core.params import QualityParams, TimeLimit, default_params, params_to_toml
from workload_app.services.parameters import current_params, save_params

CHANGED = QualityParams(
    time_limits=(
        TimeLimit("civil", "first", months=4, procedure='简易"程序'),  # a quote in the text
        TimeLimit("criminal", "*", days=45),
        TimeLimit("*", "retrial", months=3, days=10),
    ),
    ranges=(
        ("closing_rate", 0.8, 1.0),
        ("closed_to_filed", None, None),  # no range at all
        ("within_limit_rate", 0.9, None),
        ("mean_days", 30.0, 90.5),
        ("long_pending_rate", None, 0.02),
        ("acceptance_rate", 0.875, None),
        ("reversed_remanded_rate", None, 0.025),
        ("enforcement_recovery_rate", 0.25, 0.95),
    ),
    judgment_methods=("判决", "驳回起诉"),
    deduction_per_reversed=2.5,
    deduction_cap=12.0,
    min_denominator=5,
    scaled_with_period=("closing_rate", "closed_to_filed"),
)


def run(db_path, *args):
    return CliRunner().invoke(cli, ["--db", str(db_path), *args])


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "p.sqlite"
    open_as_operator(path).conn.close()
    return path


@pytest.mark.parametrize("quality", [CHANGED, QualityParams()])
def test_every_quality_setting_survives_export_and_import(db_path, tmp_path, quality):
    _round_trip(db_path, tmp_path, quality)


def test_no_time_limits_at_all_read_back_as_none_not_as_the_defaults(db_path, tmp_path):
    _round_trip(db_path, tmp_path, QualityParams(time_limits=(), judgment_methods=()))


def _round_trip(db_path, tmp_path, quality):
    from dataclasses import replace

    params = replace(default_params(2025), quality=quality)
    source = tmp_path / "in.toml"
    source.write_text(params_to_toml(params), encoding="utf-8")
    assert run(db_path, "params", "import", str(source)).exit_code == 0
    out = tmp_path / "out.toml"
    result = run(db_path, "params", "export", "--year", "2025", "--out", str(out))
    assert result.exit_code == 0, result.output
    db = open_as_operator(db_path)
    assert current_params(db, 2025)[0].quality == quality
    db.conn.close()
    # and once more through the exported file: the same settings, a new version
    assert run(db_path, "params", "import", str(out)).exit_code == 0
    db = open_as_operator(db_path)
    assert current_params(db, 2025)[0].quality == quality
    db.conn.close()


BAD = [
    ("deduction_per_reversed = -1", "quality.deduction_per_reversed"),
    ('deduction_per_reversed = "三分"', "quality.deduction_per_reversed"),
    ("deduction_cap = nan", "quality.deduction_cap"),
    ("deduction_cap = -5", "quality.deduction_cap"),
    ("judgment_methods = [1, 2]", "quality.judgment_methods"),
    ("ranges = { closing_rate = { min = 0.9, max = 0.8 } }", "quality.ranges.closing_rate"),
    ('ranges = { closing_rate = { min = "高" } }', "quality.ranges.closing_rate.min"),
    ("ranges = { closing_rate = { low = 0.9 } }", "quality.ranges.closing_rate.low"),
    ("unknown_key = 1", "quality.unknown_key"),
    ("min_denominator = -1", "quality.min_denominator"),
    ("min_denominator = 2.5", "quality.min_denominator"),
    ("min_denominator = 5000", "quality.min_denominator"),
    ('scaled_with_period = ["speed"]', "quality.scaled_with_period"),
    ('time_limits = [{ category = "民事", months = 3 }]', "quality.time_limits[0].category"),
    ('time_limits = [{ category = "civil", months = 0 }]', "quality.time_limits[0]"),
    ('time_limits = [{ category = "civil", months = 1.5 }]', "quality.time_limits[0]"),
]


@pytest.mark.parametrize(("line", "key"), BAD)
def test_a_bad_quality_value_names_its_key_in_chinese(db_path, tmp_path, line, key):
    _refused(db_path, tmp_path, line, key)


def test_an_infinite_deduction_is_refused(db_path, tmp_path):
    _refused(db_path, tmp_path, "deduction_per_reversed = inf", "quality.deduction_per_reversed")


def test_an_unknown_indicator_in_ranges_names_its_full_key(db_path, tmp_path):
    _refused(db_path, tmp_path, "ranges = { speed = { min = 0.9 } }", "quality.ranges.speed")


def _refused(db_path, tmp_path, line, key):
    db = open_as_operator(db_path)
    save_params(db, default_params(2025), "初始", "test")
    db.conn.close()
    text = params_to_toml(default_params(2025))
    text = text.replace("[quality]\n", f"[quality]\n{line}\n", 1)
    if line.startswith(
        ("ranges", "judgment_methods", "time_limits", "deduction", "min_denominator", "scaled_with_period")
    ):
        # the line replaces the exported one of the same key
        name = line.split(" =")[0]
        lines = text.split("\n")
        first = lines.index(line)
        lines = [x for i, x in enumerate(lines) if i == first or not x.startswith(name + " =")]
        if name == "time_limits":
            cut = lines.index("[[quality.time_limits]]")
            lines = lines[: cut - 1]
        text = "\n".join(lines) + "\n"
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    result = run(db_path, "params", "import", str(bad))
    assert result.exit_code != 0
    assert f"「{key}" in result.output, result.output
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.output)
    db = open_as_operator(db_path)
    assert current_params(db, 2025)[0].quality == QualityParams()  # nothing saved
    db.conn.close()
