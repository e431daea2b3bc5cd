"""Refresh workload_en.ts from the window's source: every ``self.tr("…")`` under its class's
context, every other Chinese string constant under ``labels`` (see ``workload_app/ui/i18n.py``).

Translations already in the file are kept (matched by context and text, else by text alone);
new texts are added as unfinished. ``make i18n`` compiles the file with pyside6-lrelease.

    python resources/i18n/update_ts.py
"""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = Path(__file__).with_name("workload_en.ts")
HAN = re.compile(r"[\u4e00-\u9fff]")


def collect() -> dict[tuple[str, str], None]:
    found: dict[tuple[str, str], None] = {}
    for path in sorted((ROOT / "workload_app" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_tr: set[int] = set()
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found[(cls.name, node.args[0].value)] = None
                    in_tr.add(id(node.args[0]))
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                first = body[0].value
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    in_tr.add(id(first))  # docstrings
            if isinstance(node, ast.JoinedStr):
                for part in node.values:
                    in_tr.add(id(part))  # pieces of f-strings are not translatable texts
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and HAN.search(node.value)
                and id(node) not in in_tr
            ):
                found[("labels", node.value)] = None
    # the label tables the window shows from services and core
    from workload_app.core.formatting import TRACK_LABELS
    from workload_app.core.quality import INDICATOR_LABELS
    from workload_app.core.standard import FLAG_LABELS
    from workload_app.importing.headers import CASE_LABELS
    from workload_app.services import access, audit, exports, maintenance, review

    for text in [
        *exports.CASE_HEADINGS.values(),
        *exports.TALLY_HEADINGS.values(),
        *maintenance.REASONS.values(),
        *access.ROLE_LABELS.values(),
        *audit.ACTIONS.values(),
        *TRACK_LABELS.values(),
        *INDICATOR_LABELS.values(),
        *review.LIST_LABELS.values(),
        *FLAG_LABELS.values(),
        *CASE_LABELS.values(),  # the import wizard's fields
    ]:
        found[("labels", text)] = None
    return found


def existing() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    if not TS.exists():
        return {}, {}
    by_key, by_text = {}, {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            src, tr = msg.findtext("source"), msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete"):
                by_key[(name, src)] = tr.text
                by_text.setdefault(src, tr.text)
    return by_key, by_text


def write(found, by_key, by_text) -> tuple[int, int]:
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="zh_CN")
    done = todo = 0
    contexts: dict[str, list[str]] = {}
    for ctx, src in found:
        contexts.setdefault(ctx, []).append(src)
    for ctx in sorted(contexts):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src in sorted(set(contexts[ctx])):
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = src
            text = by_key.get((ctx, src)) or by_text.get(src)
            t = ET.SubElement(m, "translation")
            if text:
                t.text = text
                done += 1
            else:
                t.set("type", "unfinished")
                todo += 1
    ET.indent(root)
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    return done, todo


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    done, todo = write(collect(), *existing())
    print(f"{TS.name}: {done} translated, {todo} unfinished")
