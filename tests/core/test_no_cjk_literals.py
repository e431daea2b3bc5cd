"""Every text a user reads comes from the catalogue (issue 27: "every user-visible text is a coded
phrase"): no string literal with a CJK character in ``core``, ``importing``, ``storage`` or
``services`` outside the catalogue modules, except domain data named below with its reason.
Docstrings are not texts a user reads and are skipped; comments are not literals.

``REMAINING`` lists, per module, the literals not yet turned into coded texts when this test was
written: a module's count may only go down (lower it when you code one), a module not listed
may have none, and a new literal anywhere fails here."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "workload_app"
LAYERS = ("core", "importing", "storage", "services")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

# The catalogue: each code with its Chinese and English text (core.messages).
CATALOGUE = {
    "core/messages.py": "the catalogue's own tables: actions, roles and the words put inside messages",
    "core/texts_work.py": "catalogue: parameters, imports, the database, the server, quotas, sheets",
    "core/texts_people.py": "catalogue: accounts, the roster, access",
    "core/texts_grades.py": "catalogue: the year-end grading",
    "core/texts_import.py": "catalogue: import problems, where they are, progress labels, set-up",
}

_CASE_NUMBER = (
    "the syntax of a Chinese case number (court codes, type codes, 号, 之一): data the parser matches"
)
_FILE_WORDS = "words a court's file holds, matched when reading it (data, not texts)"
# Domain data: (module, top-level name) -> why its Chinese is data, not a text ("*": the whole module).
DATA = {
    ("importing/headers.py", "*"): "the Chinese column names a court's export uses (header aliases)",
    ("core/demo_court.py", "*"): "the demo court's own records: names, divisions, causes, closing methods",
    ("core/case_schema.py", "FIELDS"): "each field's column heading as a court's export writes it",
    **{
        ("core/casenumber.py", name): _CASE_NUMBER
        for name in (
            "PROVINCES",
            "SPECIAL_COURTS",
            "COURT_PREFIXES",
            "_NOT_ANNEX",
            "_OTHER_TYPES",
            "_LEAD",
            "_SUFFIX",
            "_CN_DIGITS",
            "_LEGACY_TYPES",
            "_BRACKETS",
            "EXAMPLE",
            "LEGACY_EXAMPLE",
            "_CURRENT",
            "_LEGACY",
            "_LEGACY_TYPE",
            "_MISSING_HAO",
            "CaseNumber",
            "classify_type",
            "_instance",
            "with_hao",
            "parse_case_number",
            "_parse_legacy",
        )
    },
    **{
        ("core/params.py", name): "posts and closing methods as parameter files and the roster name them"
        for name in ("POSTS", "DEFAULT_POST_FRACTIONS", "DEFAULT_POST_GROUPS", "DEFAULT_RULES")
    },
    ("core/quality_params.py", "DEFAULT_TIME_LIMITS"): "procedures as a court's file names them",
    **{
        ("importing/roster.py", name): _FILE_WORDS
        for name in ("POST_SYNONYMS", "TRACK_WORDS", "TRACKS", "parse_roster")
    },
    **{
        ("importing/values.py", name): _FILE_WORDS
        for name in (
            "excel_error_literal",
            "_DATE",
            "_PAGES",
            "_GROUPED",
            "DATE_EXAMPLE",
            "YES_NO",
            "APPROVED_WORDS",
            "_APPROVED",
            "parse_panel",
        )
    },
    **{
        ("importing/cases.py", name): _FILE_WORDS
        for name in (
            "FOOTER_WORDS",
            "SIGNATURE_WORDS",
            "NOT_THE_JUDGE",
            "_YES",
            "_NO",
            "_AMOUNT",
            "_DIVISION_CATEGORY",
            "division_category",
            "parse_days",
            "parse_amount",
        )
    },
    ("services/roster.py", "TRACKS"): _FILE_WORDS,
    ("services/case_rows.py", "match_roster"): "the panel's stored separator 、 (data)",
    ("services/case_rows.py", "_create_judges"): "a created judge's post and track as the roster writes them",
    ("core/credit.py", "split_panel"): "the separators a court's file writes between panel members",
    (
        "core/params.py",
        "EnforcementParams",
    ): "closing methods as a court's file and parameter files write them",
    ("core/quality_params.py", "QualityParams"): "closing methods as a court's file writes them",
    ("core/quality.py", "REASONS"): "the pending reasons as stored and typed (keys, data)",
    ("core/quality.py", "REVERSED_WORDS"): "the words an appellate outcome is matched on",
    ("core/quality.py", "_withdrawn"): "the word an appellate outcome is matched on",
    ("services/pending.py", "record_reason"): "a pending reason's stored key",
    ("services/exports.py", "CASE_HEADINGS"): "the headings of `--headers zh`: Chinese chosen by name",
    ("services/exports.py", "TALLY_HEADINGS"): "the headings of `--headers zh`: Chinese chosen by name",
    ("services/court.py", "DEFAULT_COURT"): "the court's own name until it sets one (data)",
    ("services/court.py", "NOTICE_PREFIX_EXAMPLE"): "a court's notice number prefix, as courts write it",
}

# Not yet coded when this test was written (issue 27): may only go down.
REMAINING: dict[str, int] = {
    "core/assessment.py": 8,
    "core/audit_chain.py": 7,
    "core/casenumber.py": 9,
    "core/credit.py": 5,
    "core/formatting.py": 11,
    "core/grading.py": 51,
    "core/grading_params.py": 6,
    "core/params.py": 2,
    "core/quality.py": 12,
    "core/quota_text.py": 8,
    "core/standard.py": 16,
    "importing/cases.py": 2,
    "services/access.py": 6,
    "services/audit.py": 79,
    "services/case_rows.py": 6,
    "services/court.py": 5,
    "services/demo.py": 12,
    "services/grade_notices.py": 24,
    "services/grade_views.py": 67,
    "services/grades.py": 40,
    "services/imports.py": 4,
    "services/maintenance.py": 7,
    "services/my_workload.py": 2,
    "services/parameters.py": 12,
    "services/pending.py": 1,
    "services/quality.py": 2,
    "services/quotas.py": 11,
    "services/review.py": 18,
    "services/page_decisions.py": 8,  # moved from review.py (the reviewers' notes on a case)
    "services/roster.py": 8,
    "services/roster_import.py": 9,
    "services/sheet_figures.py": 5,
    "services/sheets.py": 7,
    "services/standard_cases.py": 1,
    "services/figures.py": 1,  # moved from standard_cases.py
    "storage/migrations.py": 4,
    "storage/own_schema.py": 2,
    "storage/server_admin.py": 19,
}


def _top_name(node: ast.stmt) -> str:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return ",".join(t.id for t in targets if isinstance(t, ast.Name)) or type(node).__name__


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def cjk_literals() -> Counter[str]:
    """Per module, the string literals (f-string parts included) with a CJK character that are
    neither docstrings, nor in a catalogue module, nor named domain data."""
    found: Counter[str] = Counter()
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            if module in CATALOGUE or (module, "*") in DATA:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docs = _docstrings(tree)
            for top in tree.body:
                if (module, _top_name(top)) in DATA:
                    continue
                for node in ast.walk(top):
                    if (
                        isinstance(node, ast.Constant)
                        and isinstance(node.value, str)
                        and id(node) not in docs
                        and CJK.search(node.value)
                    ):
                        found[module] += 1
    return found


def test_no_cjk_literal_outside_the_catalogue_and_named_data():
    found = cjk_literals()
    grown = {m: (n, REMAINING.get(m, 0)) for m, n in found.items() if n > REMAINING.get(m, 0)}
    assert not grown, f"CJK literals outside the catalogue (module: found, allowed): {grown}"


def test_the_lists_name_real_modules_and_constants():
    for module in CATALOGUE:
        assert (ROOT / module).is_file(), module
    for module, name in DATA:
        path = ROOT / module
        assert path.is_file(), module
        if name != "*":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            assert name in {_top_name(t) for t in tree.body}, (module, name)
    found = cjk_literals()
    stale = {m: (found.get(m, 0), n) for m, n in REMAINING.items() if found.get(m, 0) < n}
    assert not stale, f"fewer literals left than REMAINING allows: lower these counts {stale}"


def test_the_check_finds_a_literal_and_skips_a_docstring(tmp_path):
    source = 'def f():\n    """说明"""\n    return "页数应为整数"\n'
    tree = ast.parse(source)
    docs = _docstrings(tree)
    literals = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]
    assert [s for s in literals if CJK.search(s)] == ["页数应为整数"]
