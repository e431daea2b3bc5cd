"""The audit trail's hash chain: each row's hash covers its content and the previous row's hash,
so changing, inserting or deleting a row in the file breaks every hash after it.

Pure functions; the store keeps the rows, ``verify`` re-walks them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

GENESIS = "0" * 64
CHAINED_FIELDS = ("id", "at", "user", "role", "action", "target", "before", "after")


def canonical(row: Mapping) -> str:
    """The text that is hashed: the chained fields as compact JSON with sorted keys."""
    return json.dumps(
        {k: row.get(k) for k in CHAINED_FIELDS}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def link(prev_hash: str, row: Mapping) -> str:
    return hashlib.sha256((prev_hash + canonical(row)).encode("utf-8")).hexdigest()


def verify(rows: Iterable[Mapping]) -> tuple[int, str | None]:
    """Walk the rows in id order: (rows checked, first problem in Chinese or None)."""
    prev = GENESIS
    last_id = 0
    n = 0
    for row in rows:
        n += 1
        if row["id"] != last_id + 1:
            return n, f"第 {row['id']} 条之前缺少记录（上一条是第 {last_id} 条），审计记录被删除过"
        if row["prev_hash"] != prev:
            return n, f"第 {row['id']} 条记录的前序哈希与上一条不符，记录被删除、插入或修改过"
        if link(prev, row) != row["hash"]:
            return n, f"第 {row['id']} 条记录的内容与其哈希不符，记录被修改过"
        prev = row["hash"]
        last_id = row["id"]
    return n, None
