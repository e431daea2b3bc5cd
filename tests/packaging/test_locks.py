"""The bundles' locks (requirements/*.lock) name every runtime dependency of pyproject.toml at a
version it accepts, each with its wheels' hashes; PySide6 is 6.9.x in both (see the README)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCKS = ("windows", "linux-compat")
# what an extra of a dependency adds to the lock (psycopg[binary] is psycopg-binary)
EXTRA_PACKAGES = {("psycopg", "binary"): "psycopg-binary"}


def read_lock(text: str) -> dict[str, tuple[Version, int]]:
    """name -> (pinned version, number of hashes) of a pip lock with hashes."""
    pins: dict[str, tuple[Version, int]] = {}
    for entry in re.split(r"\n(?=\S)", text):
        first = entry.split("\\", 1)[0].strip()
        if not first or first.startswith("#"):
            continue
        name, _, version = first.partition("==")
        if not version:
            raise ValueError(f"not pinned with ==: {first}")
        pins[canonicalize_name(name)] = (Version(version.strip()), entry.count("--hash=sha256:"))
    return pins


def bundle_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["dist"]]


def missing_from(pins: dict[str, tuple[Version, int]]) -> list[str]:
    problems = []
    for req in bundle_requirements():
        names = [canonicalize_name(req.name)]
        names += [EXTRA_PACKAGES[(names[0], extra)] for extra in sorted(req.extras)]
        for name in names:
            if name not in pins:
                problems.append(f"{name} missing")
            elif name == names[0] and not req.specifier.contains(pins[name][0], prereleases=True):
                problems.append(f"{name}=={pins[name][0]} outside {req.specifier}")
    return problems


@pytest.mark.parametrize("lock", LOCKS)
def test_lock_names_every_runtime_dependency_with_hashes(lock):
    pins = read_lock((ROOT / "requirements" / f"{lock}.lock").read_text(encoding="utf-8"))
    assert missing_from(pins) == []
    assert [name for name, (_, hashes) in pins.items() if hashes == 0] == []
    for qt in ("pyside6-essentials", "pyside6-addons", "shiboken6"):
        assert pins[qt][0].release[:2] == (6, 9), f"{lock}: {qt} {pins[qt][0]}"


def test_windows_lock_keeps_what_wine_8_can_run():
    pins = read_lock((ROOT / "requirements" / "windows.lock").read_text(encoding="utf-8"))
    assert pins["numpy"][0] == Version("2.0.2")
    assert {"pefile", "pywin32-ctypes"} <= pins.keys()  # PyInstaller's Windows-only dependencies


def test_a_forgotten_or_too_old_dependency_is_named():
    pins = read_lock(
        "reportlab==3.0 \\\n    --hash=sha256:00\npsycopg==3.2.0 \\\n    --hash=sha256:11\n    # via x\n"
    )
    problems = missing_from(pins)
    assert "reportlab==3.0 outside >=4.0" in problems
    assert "psycopg-binary missing" in problems
    assert "pandas missing" in problems
    assert not any(p.startswith("psycopg ") or p.startswith("psycopg==") for p in problems)
