"""What each account may see, worked out from the fixture's own rows (plain SQL on the file),
independently of services/access.py: the oracle the scoping tests compare the services against."""

from __future__ import annotations

import re

PANEL_SEPARATORS = r"[、,，;；\s/]+"  # how court exports separate panel members (合议庭成员)


def own_case_numbers(db, judge: str | None) -> set[str]:
    """Case numbers where ``judge`` is the responsible judge (承办法官) or sits on the panel."""
    rows = db.conn.execute(
        "SELECT c.case_number, j.name, c.panel FROM cases c JOIN judges j ON j.id = c.judge_id"
    ).fetchall()
    return {
        number
        for number, name, panel in rows
        if judge and (name == judge or judge in re.split(PANEL_SEPARATORS, panel or ""))
    }


def roster(db) -> list[tuple[str, str | None]]:
    """(judge, division) for every judge, in the roster's order."""
    return db.conn.execute(
        "SELECT j.name, d.name FROM judges j LEFT JOIN divisions d ON d.id = j.division_id ORDER BY d.id, j.id"
    ).fetchall()
