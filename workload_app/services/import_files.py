"""What both imports (cases, the roster) do with the file they are given: read every sheet, hash
it, and match names to the roster's own spelling."""

from __future__ import annotations

import hashlib
from pathlib import Path

from workload_app.core.problems import ImportRejected
from workload_app.core.text import name_key
from workload_app.importing.readers import read_file


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _read(path: Path) -> list:
    """Every sheet of the file, or a refusal whose message and problems name the file."""
    try:
        return read_file(path)
    except ImportRejected as exc:
        raise ImportRejected(
            "import.in_file", [p._replace(file=path.name) for p in exc.problems], file=path.name, inner=exc
        ) from exc


def roster_spelling(names: list[str] | set[str]) -> dict[str, str]:
    """name_key -> the roster's own spelling, for matching names that differ only in look-alikes."""
    return {name_key(n): n for n in sorted(names)}
