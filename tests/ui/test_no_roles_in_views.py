"""The window never decides by role: it asks the scope (``core.scope``, through ``window.scope``
or a service) which views, buttons and choices to offer. A module under ``workload_app/ui`` that
reads a user's ``.role`` or ``.court_wide``, names a role constant of ``access``/``core.scope``,
or compares with a role's code fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import workload_app.ui
from workload_app.core import scope

UI = Path(workload_app.ui.__file__).parent
ROLE_NAMES = {"ADMIN", "PERSONNEL", "DIVISION_HEAD", "JUDGE", "COURT_WIDE", "HEADS_AND_UP"}
ROLE_CODES = {scope.ADMIN, scope.PERSONNEL, scope.DIVISION_HEAD}  # "judge" is also a column's name


def role_reads(source: str) -> list[tuple[int, str]]:
    """(line, what) for every role decision in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            own_widget = isinstance(node.value, ast.Name) and node.value.id == "self"
            if node.attr == "role" and not own_widget:  # a dialog's own role field is a widget
                found.append((node.lineno, ".role"))
            elif node.attr == "court_wide":
                found.append((node.lineno, ".court_wide"))
            elif node.attr in ROLE_NAMES:
                found.append((node.lineno, node.attr))
        elif isinstance(node, ast.ImportFrom) and node.module in (
            "workload_app.core.scope",
            "workload_app.services.access",
        ):
            found += [(node.lineno, a.name) for a in node.names if a.name in ROLE_NAMES]
        elif isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                if isinstance(side, ast.Constant) and side.value in ROLE_CODES:
                    found.append((node.lineno, repr(side.value)))
    return sorted(found)


def test_the_checker_finds_each_kind_of_role_decision():
    source = (
        "if user.role == access.JUDGE: pass\n"
        "if window.user.court_wide: pass\n"
        "x = role == 'admin'\n"
        "from workload_app.services.access import COURT_WIDE\n"
        "self.role = QComboBox()\n"  # a widget of the dialog: not a decision
        "y = kind == 'judge'\n"  # a sheet's kind: not a role
    )
    assert sorted(role_reads(source)) == [
        (1, ".role"),
        (1, "JUDGE"),
        (2, ".court_wide"),
        (3, "'admin'"),
        (4, "COURT_WIDE"),
    ]


def test_no_view_reads_a_role():
    found = {
        f"{path.relative_to(UI)}:{line} {what}"
        for path in sorted(UI.rglob("*.py"))
        for line, what in role_reads(path.read_text(encoding="utf-8"))
    }
    assert found == set()
