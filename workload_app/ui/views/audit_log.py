"""日志: the audit trail with filters, the chain check, and export to xlsx."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from workload_app.services import access, audit
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import audit_object, colon, label, labels, person_name, separator
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, column, detail_pane, splitter

COLUMNS = {
    "id": "序号",
    "at": "时间",
    "user": "用户",
    "role": "角色",
    "action_label": "操作",
    "target": "对象",
}


FIELD_LABELS = {  # audit record fields, shown by their Chinese names
    "version": "版本",
    "version_in_force": "生效版本",
    "published": "已发布",
    "reason": "理由",
    "toml": "参数内容",
    "cases": "案件数",
    "param_version": "参数版本",
    "cases_version": "案件数据版本",
    "login": "登录名",
    "display_name": "姓名",
    "role": "角色",
    "judge": "法官",
    "post": "职务",
    "division": "部门",
    "active": "启用",
    "must_change": "须改密码",
    "failures": "失败次数",
    "minutes": "分钟",
    "kept_aside": "替换前的数据库",
    "accounts": "账户",
    "created_at": "创建时间",
    "failed_attempts": "失败次数",
    "locked_until": "锁定至",
    "password_changed_at": "改密时间",
    "id": "编号",
    # plans (quota.plan): the common quota of each track and how it was derived
    "from_month": "起始月份",
    "common_quota": "基本任务",
    "derivation": "推导",
    "trial": "审判",
    "enforcement": "执行",
    "quota": "任务",
    "name": "名称",
    "year": "年度",
    # year-end grading, queries, reviews, approvals
    "judges": "法官",
    "by": "操作人",
    "summary": "个人总结",
    "paper": "纸质",
    "opinion": "意见",
    "scores": "评分",
    "share": "比例",
    "approval": "批准文号",
    "from": "自",
    "to": "至",
    "excellent": "优秀",
    "caps": "优秀名额",
    "places": "名额",
    "proposed": "建议",
    "proposed_excellent": "建议优秀",
    "ties": "名额边界并列",
    "grades": "等次",
    "grade": "等次",
    "decided": "决定",
    "decision": "决定",
    "meeting": "会议",
    "request": "复核申请",
    "notice_version": "通知版本",
    "before_publication_end": "公示期内",
    "publication_to": "公示截止",
    "question": "疑问",
    "answer": "答复",
    "correction": "更正",
    "note": "备注",
    "approved": "已审批",
    "batch": "批次",
    "held": "待复核",
    "pages": "页数",
    "closed_on": "结案日期",
    "matched": "已匹配",
    "unmatched": "未匹配",
}


def _loads(text: object) -> object:
    if not isinstance(text, str) or not text:  # none recorded (None, or NaN in the frame)
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return label("是") if value else label("否")
    if isinstance(value, str):
        return label(value)  # the services' own words (优秀, 庭领导 …) translated; data stays
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, dict):  # nested records, e.g. a grading's caps by group
        inner = ", ".join(f"{label(FIELD_LABELS.get(k, k))}{colon()}{_text(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + separator().join(_text(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


class AuditView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), None)
        for code, label_ in audit.ACTIONS.items():
            self.action.addItem(label(label_), code)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("用户"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("对象或内容包含…"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-12))
        self.until = QDateEdit(QDate.currentDate())
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        search = QPushButton(self.tr("查询"))
        search.clicked.connect(self.refresh)
        verify = QPushButton(self.tr("核验哈希链"))
        verify.clicked.connect(self.verify)
        export = QPushButton(self.tr("导出 Excel…"))
        export.clicked.connect(self.export)
        bar = QHBoxLayout()
        for w in (
            self.action,
            self.user,
            self.text,
            QLabel(self.tr("自")),
            self.since,
            QLabel(self.tr("至")),
            self.until,
        ):
            bar.addWidget(w)
        for b in (search, verify, export):
            bar.addWidget(b)
        self.model = DataFrameModel(headers=labels(COLUMNS))
        self.table = table_view(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        self.detail = detail_pane()
        self.status = QLabel()
        column(self, bar, self.status, splitter(self.table, self.detail, sizes=[500, 200], vertical=True))
        self._rows = None

    def _filters(self) -> dict:
        return {
            "action": self.action.currentData(),
            "user": self.user.text().strip() or None,
            "text": self.text.text().strip() or None,
            "since": self.since.date().toString("yyyy-MM-dd"),
            "until": self.until.date().addDays(1).toString("yyyy-MM-dd"),
        }

    def refresh(self) -> None:
        self._rows = audit.log(self.window_.db, **self._filters())
        shown = self._rows[list(COLUMNS)].copy()
        shown["action_label"] = shown["action_label"].map(label)
        shown["role"] = shown["role"].map(label)
        shown["user"] = shown["user"].map(person_name)
        shown["target"] = shown["target"].map(audit_object)  # the local operator in the window's language
        shown["at"] = shown["at"].str.replace("T", " ", regex=False)  # stored in local time
        self.model.set_frame(shown)
        self.status.setText(self.tr("{n} 条记录（新的在前）").format(n=len(self._rows)))
        self.detail.clear()

    def _show_row(self, current, _previous) -> None:
        if not current.isValid() or self._rows is None:
            return
        row = self._rows.iloc[self.model.source_row(current.row())]
        self.detail.setPlainText(
            self.details(row["before"], row["after"]) + "\n\n" + self.tr("哈希：{h}").format(h=row["hash"])
        )

    def details(self, before: str | None, after: str | None) -> str:
        """Before and after as readable fields: one line per field, changed ones marked; a long
        text (a parameter file) as the lines that changed."""
        b, a = _loads(before), _loads(after)
        if not isinstance(b, dict) or not isinstance(a, dict):
            if b is None and a is None:
                return self.tr("（无字段变化记录）")
            return self.tr("修改前：{b}\n修改后：{a}").format(b=_text(b), a=_text(a))
        lines, c = [], colon()
        for key in list(dict.fromkeys([*b, *a])):
            old, new = b.get(key), a.get(key)
            if key == "role":  # role codes in the user's words
                old, new = (
                    label(access.ROLE_LABELS.get(v, v)) if isinstance(v, str) else v for v in (old, new)
                )
            name = label(FIELD_LABELS.get(key, key))
            if isinstance(old, str) and isinstance(new, str) and ("\n" in old or "\n" in new):
                changed = [
                    d
                    for d in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
                    if d[:1] in "+-" and not d.startswith(("+++", "---"))
                ]
                lines.append(f"{name}{c}" + (self.tr("未变") if not changed else ""))
                lines += [f"    {d}" for d in changed]
            elif key not in b:
                lines.append(f"{name}{c}{_text(new)}")
            elif key not in a:
                lines.append(f"{name}{c}{_text(old)} → " + self.tr("（删除）"))
            elif old == new:
                lines.append(f"{name}{c}{_text(new)}")
            else:
                lines.append(f"* {name}{c}{_text(old)} → {_text(new)}")
        heading = self.tr("字段（* 为有变化的字段）") if b else self.tr("字段")
        return heading + "\n" + "\n".join(lines)

    def verify(self) -> None:
        n, problem = audit.verify(self.window_.db)
        if problem:
            QMessageBox.warning(self, self.tr("审计日志已被篡改"), problem)
        else:
            QMessageBox.information(
                self, self.tr("审计日志完好"), self.tr("{n} 条记录，哈希链一致。").format(n=n)
            )

    def export(self) -> None:
        user = self.window_.user
        name = file_dialogs.save_file_name(
            self,
            self.tr("导出审计日志"),
            str(file_dialogs.last_folder(user) / self.tr("审计日志.xlsx")),
            "Excel (*.xlsx)",
        )
        if not name:
            return
        try:
            n = audit.export_xlsx(self.window_.db, Path(name), **self._filters())
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("未导出"), db_errors.file_text(exc, name))
            return
        file_dialogs.remember_folder(user, Path(name).parent)
        QMessageBox.information(
            self, self.tr("已导出"), self.tr("{n} 条记录已导出到 {p}").format(n=n, p=name)
        )
