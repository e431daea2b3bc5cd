"""The audit trail (审计日志): who did what, when, with the before and after, hash-chained.

Every mutating service calls ``record`` inside its own transaction, so the audit row and the
change are written together or not at all. On the court server the row is the server's
(``workload_audit``): the client says what happened; id, who, role, time and hash are decided
there, and changes made without such a row are recorded by the server's own triggers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from workload_app.core import audit_chain
from workload_app.importing.safe_cells import write_table
from workload_app.services import access
from workload_app.storage import audit_trail
from workload_app.storage import repository as repo
from workload_app.storage.db import Database

# action codes -> what the audit view shows
ACTIONS = {
    "import.cases": "导入案件",
    "import.undo": "撤销导入",
    "import.judges": "导入法官名册",
    "import.profile": "保存表头映射方案",
    "import.reassign": "导入时改派案件",
    "import.page_ceiling": "修改页数上限",
    "import.amount_ceiling": "修改金额上限",
    "params.save": "修改参数",
    "params.publish": "发布参数",
    "compute": "计算标准案件",
    "backup.create": "备份数据库",
    "quota.plan": "下达年度任务",
    "quota.replan": "年中调整任务",
    "quota.override": "调整个人任务",
    "case.approval": "录入终本审批",
    "review.confirm": "确认异常页数",
    "review.correct": "更正异常页数",
    "review.confirm_post": "确认任职期外结案",
    "user.create": "新建账户",
    "user.update": "修改账户",
    "user.disable": "停用账户",
    "user.enable": "启用账户",
    "user.reset_password": "重置密码",
    "user.change_password": "修改密码",
    "user.login_failed": "登录失败",
    "user.locked": "账户锁定",
    "user.login": "登录",
    "user.logout": "注销",
    "demo.create": "生成示范数据",
    "backup.restore": "从备份恢复",
    "court.settings": "修改法院设置",
    "import.appeals": "导入二审结果",
    "pending.reason": "填写未结原因",
    "query.ask": "提出疑问",
    "query.answer": "答复疑问",
    "roster.add": "新增法官",
    "roster.edit": "修改名册",
    "roster.transfer": "法官调动",
    "user.create_roster": "为名册法官建立账户",
    "server.move": "移入法院服务器",
    "grade.open": "年度考核：开始",
    "grade.summary": "年度考核：个人总结",
    "grade.opinion": "年度考核：庭长意见",
    "grade.propose": "年度考核：等次建议",
    "grade.scores": "年度考核：考评委员会评分",
    "grade.cap": "年度考核：调整优秀比例",
    "grade.decide": "年度考核：考评委员会决定",
    "grade.publish": "年度考核：优秀公示",
    "grade.confirm": "年度考核：确定等次",
    "grade.notice": "年度考核：书面通知",
    "grade.ack": "年度考核：签收通知",
    "grade.review_request": "年度考核：申请复核",
    "grade.review_decide": "年度考核：复核决定",
}


def _json(value: object) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record(
    db: Database,
    action: str,
    target: str = "",
    before: object = None,
    after: object = None,
    user: access.User | None = None,
) -> None:
    """Append one chained audit row; call it inside the transaction that makes the change."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not repo.in_transaction(db):
        with repo.transaction(db):
            record(db, action, target, before, after, user)
        return
    if audit_trail.server_writes_trail(db):  # the server decides id, who, role, time and hash
        audit_trail.append_on_server(db, action, target, _json(before), _json(after))
        return
    who = user or access.current(db)
    head = audit_trail.audit_head(db)
    prev_id, prev_hash = head if head else (0, audit_chain.GENESIS)
    row = {
        "id": prev_id + 1,
        "at": repo.now(db),
        "user": who.name,
        "role": who.role_label,
        "action": action,
        "target": target,
        "before": _json(before),
        "after": _json(after),
        "prev_hash": prev_hash,
    }
    row["hash"] = audit_chain.link(prev_hash, row)
    audit_trail.insert_audit(db, row)
    repo.set_meta(db, "audit_head", f"{row['id']}:{row['hash']}")


def verify(db: Database) -> tuple[int, str | None]:
    """(rows checked, first problem or None): the append-only triggers are in place as our schema
    defines them, the chain re-walks, its head is the one recorded in ``meta`` (which must exist
    once there is any row), and the file's schema is ours. See the README for what this can and
    cannot detect."""
    audit_trail.check_file(db)
    gone = audit_trail.missing_triggers(db)
    n, problem = _verify_chain(db)
    notes = []
    if gone:
        notes.append(f"审计表的只读保护触发器（{'、'.join(gone)}）被删除、改动或另加过，审计记录可能已被修改")
    if problem:
        notes.append(problem)
    changed = audit_trail.schema_changes(db)
    if changed:
        notes.append(f"数据库结构与本程序的不同（{'；'.join(changed)}），有人用其他工具改动过数据库")
    return n, "；".join(notes) if notes else None


def _verify_chain(db: Database) -> tuple[int, str | None]:
    n, problem = audit_chain.verify(audit_trail.audit_rows(db))
    if problem:
        return n, problem
    head = audit_trail.audit_head(db)
    recorded = audit_trail.recorded_head(db)
    if head is not None and recorded is None:  # every row written records itself as the head
        return n, f"审计记录的最新位置（meta.audit_head）缺失：现有 {head[0]} 条记录，其后的记录可能被删除过"
    if recorded is not None and (head is None or recorded != f"{head[0]}:{head[1]}"):
        last = recorded.split(":", 1)[0]
        now = head[0] if head else 0
        if last.isdigit() and int(last) > now:
            return n, f"审计记录应有 {last} 条，现只有 {now} 条：最后的记录被删除过"
        return n, f"审计记录的最新一条（第 {now} 条）与记录的最新位置（{last}）不符，审计记录被改动过"
    return n, None


def log(db: Database, **filters: str | None) -> pd.DataFrame:
    """Audit rows, newest first, with the action's Chinese name (管理员 and 人事 only); the filters
    (``user``, ``action``, ``since``, ``until``, ``text``) are ``storage.audit_trail.audit_frame``'s."""
    access.require(db, access.Action.VIEW_AUDIT)
    out = audit_trail.audit_frame(db, **filters)
    out.insert(4, "action_label", out["action"].map(ACTIONS).fillna(out["action"]))
    return out


def export_xlsx(db: Database, path: Path, **filters: str | None) -> int:
    """Write the (filtered) audit rows to an xlsx file; returns the number of rows."""
    table = log(db, **filters)
    labels = {
        "id": "序号",
        "at": "时间",
        "user": "用户",
        "role": "角色",
        "action_label": "操作",
        "action": "操作代码",
        "target": "对象",
        "before": "修改前",
        "after": "修改后",
        "hash": "哈希",
    }
    write_table(table.rename(columns=labels)[list(labels.values())], path, sheet_name="审计日志")
    return len(table)
