"""Nothing outside ``storage/`` asks which store it is on (issue 27): services ask the store's
``Dialect`` a capability (``dialect_of(db).enforces_scope``, ``.accounts_are_logins``,
``.keeps_a_file``) or storage decides. An AST walk over the program, not a text search, so a
comment or a docstring naming the function is no hit."""

from __future__ import annotations

import ast
from pathlib import Path

import workload_app

ROOT = Path(workload_app.__file__).parent
FORBIDDEN = {"is_server"}
ALLOWED: set[str] = set()  # nothing outside storage asks which store it is on


def store_kind_questions(root: Path) -> dict[str, list[int]]:
    """{module: lines} of every name, attribute or import of ``is_server`` outside storage/."""
    found: dict[str, list[int]] = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("storage/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            name = (
                node.id
                if isinstance(node, ast.Name)
                else node.attr
                if isinstance(node, ast.Attribute)
                else None
            )
            if isinstance(node, ast.ImportFrom | ast.Import):
                hits = [a.name for a in node.names if a.name.rsplit(".", 1)[-1] in FORBIDDEN]
                name = hits[0] if hits else None
            if name in FORBIDDEN:
                found.setdefault(rel, []).append(node.lineno)
    return found


def test_no_is_server_outside_storage():
    found = store_kind_questions(ROOT)
    assert {m: lines for m, lines in found.items() if m not in ALLOWED} == {}


def test_the_walk_finds_a_call_an_attribute_and_an_import(tmp_path):
    (tmp_path / "storage").mkdir()
    (tmp_path / "storage" / "pg.py").write_text("def is_server(db):\n    return True\n", encoding="utf-8")
    (tmp_path / "a.py").write_text(
        "from workload_app.storage.pg import is_server\n\nx = is_server(1)\n", encoding="utf-8"
    )
    (tmp_path / "b.py").write_text(
        "from workload_app.storage import pg\n\n\ndef f(db):\n    return pg.is_server(db)\n", encoding="utf-8"
    )
    (tmp_path / "c.py").write_text('"""is_server(db) in a docstring is no question."""\n', encoding="utf-8")
    assert store_kind_questions(tmp_path) == {"a.py": [1, 3], "b.py": [5]}
