"""The court server's SQL keeps to what the PostgreSQL-compatible servers share (KingbaseES,
HighGo, openGauss; none can be run here): the constructs the README's "Compatible servers"
section lists are not in the server's SQL files, nor in the program's own statements."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER_SQL = sorted((ROOT / "db" / "postgresql").glob("*.sql"))
PROGRAM_SQL = sorted((ROOT / "workload_app" / "storage").glob("*.py"))

# README label -> pattern that finds the construct (comments removed first)
RULES = {
    "`DO` blocks": re.compile(r"(?im)^\s*DO\s+(\$|')"),
    "`CREATE DOMAIN`": re.compile(r"(?i)\bCREATE\s+DOMAIN\b"),
    "`LISTEN`/`NOTIFY`": re.compile(r"(?i)\b(LISTEN|NOTIFY|pg_notify)\b"),
    "`SERIALIZABLE`": re.compile(r"(?i)\bSERIALIZABLE\b"),
    "`ON CONFLICT` without its target": re.compile(r"(?i)\bON\s+CONFLICT\s+DO\b"),
    "`INSERT OR IGNORE`/`INSERT OR REPLACE`": re.compile(r"(?i)\bINSERT\s+OR\s+(IGNORE|REPLACE)\b"),
    "policies `WITH CHECK`": re.compile(r"(?i)\bWITH\s+CHECK\b"),
    "policies `FOR INSERT`": re.compile(r"(?is)\bCREATE\s+POLICY\b[^;]*?\bFOR\s+INSERT\b"),
    "policies or table writes for 法官/庭长 logins": re.compile(
        r"(?is)(\bCREATE\s+POLICY\b[^;]*?\bTO\b[^;]*?\bworkload_(judge|division_head)\b"
        r"|\bGRANT\s+[^;]*?\b(INSERT|UPDATE|DELETE|TRUNCATE)\b[^;]*?\bON\b[^;]*?\bTO\b[^;]*?"
        r"\bworkload_(judge|division_head)\b)"
    ),
}
# what the program's Python sources are checked for (their SQL is written once for both stores)
PROGRAM_RULES = ("`ON CONFLICT` without its target", "`INSERT OR IGNORE`/`INSERT OR REPLACE`")


def _without_comments(text: str) -> str:
    return re.sub(r"--[^\n]*", "", text)


def _readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("### Compatible servers")
    end = readme.find("\n#", start + 5)
    return readme[start : end if end > 0 else None]


def test_the_readme_lists_every_construct_the_lint_refuses():
    section = _readme_section()
    for label in RULES:
        assert label in section, label


@pytest.mark.parametrize("path", SERVER_SQL, ids=lambda p: p.name)
def test_server_sql_files_keep_to_the_shared_subset(path):
    text = _without_comments(path.read_text(encoding="utf-8"))
    found = {label: m.group(0)[:80] for label, rule in RULES.items() if (m := rule.search(text))}
    assert found == {}


@pytest.mark.parametrize("path", PROGRAM_SQL, ids=lambda p: p.name)
def test_the_programs_statements_name_their_conflict_target(path):
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^\s*#[^\n]*", "", text)  # comments
    text = re.sub(r'(?s)^(\s*)(r?""".*?""")', "", text, count=1)  # the module's docstring
    found = {
        label: m.group(0)
        for label in PROGRAM_RULES
        if (m := RULES[label].search(text))
        and "raise ValueError" not in text[max(0, m.start() - 200) : m.start()]
    }
    assert found == {}


def test_the_lint_finds_what_it_is_for():
    """Each rule catches its construct (the lint could not pass by matching nothing)."""
    samples = {
        "`DO` blocks": "DO $$ BEGIN END $$;",
        "`CREATE DOMAIN`": "CREATE DOMAIN d AS text;",
        "`LISTEN`/`NOTIFY`": "NOTIFY x;",
        "`SERIALIZABLE`": "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;",
        "`ON CONFLICT` without its target": "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;",
        "`INSERT OR IGNORE`/`INSERT OR REPLACE`": "INSERT OR IGNORE INTO t VALUES (1);",
        "policies `WITH CHECK`": "CREATE POLICY p ON t USING (true) WITH CHECK (true);",
        "policies `FOR INSERT`": "CREATE POLICY p ON t FOR INSERT TO x USING (true);",
        "policies or table writes for 法官/庭长 logins": "GRANT INSERT ON queries TO workload_judge;",
    }
    assert set(samples) == set(RULES)
    for label, sample in samples.items():
        assert RULES[label].search(sample), label
    assert not RULES["`ON CONFLICT` without its target"].search("ON CONFLICT (key) DO NOTHING")
