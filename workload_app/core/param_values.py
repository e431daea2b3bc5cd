"""Reading and writing a parameter set's TOML values: key checks, numbers, text lists, TOML literals."""

from __future__ import annotations

import math
from typing import Any

from workload_app.core.problems import ParameterError


def _check_keys(table: dict, allowed: set[str], where: str) -> None:
    problems = []  # every unknown key of the table, not only the first
    for key in table:
        if key not in allowed:
            problems.append(ParameterError(f"{where}{key}", "param.unknown_key"))
    if problems:
        raise ParameterError.several(problems)


def _number(value: Any, key: str, minimum: float | None = 0.0, maximum: float | None = None) -> float:
    """A finite number within [minimum, maximum] (either end None: open), else an error naming ``key``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ParameterError(key, "param.not_number", value=value)
    if minimum is not None and value < minimum:
        raise ParameterError(key, "param.below_minimum", minimum=minimum, value=value)
    if maximum is not None and value > maximum:
        raise ParameterError(key, "param.above_maximum", maximum=maximum, value=value)
    return float(value)


def _share(value: Any, key: str) -> float:
    """A weight, share or fraction: a number in [0, 1] (DOMAIN: "Figures that must not move on a typo")."""
    x = _number(value, key, None)
    if not 0.0 <= x <= 1.0:
        raise ParameterError(key, "param.between_0_1", value=value)
    return x


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ParameterError(key, "param.not_strings")
    return tuple(value)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(float(v)) if isinstance(v, float) else str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


def _toml_key(k: str) -> str:
    return k if k.replace("_", "").isalnum() and k.isascii() else _toml_value(k)
