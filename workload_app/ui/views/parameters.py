"""参数: edit the year's parameter set with inline validation and a live preview of its effect;
save as a new version with a reason, publish (freeze), TOML import and export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workload_app.core.params import MATCH_FIELDS, POSTS, Params, params_from_dict
from workload_app.core.problems import ParameterError, WorkloadError
from workload_app.services import access
from workload_app.services import parameters as P
from workload_app.services import what_if as W
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.i18n import label, post_label
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View
from workload_app.ui.views.what_if import WhatIfPanel

RULE_HEADERS = ["名称", "方式", "数值", "类型代字", "程序", "结案方式", "案由包含"]
MODE_LABELS = {"fixed": "固定值", "factor": "乘数"}


def _mode_of(text: str) -> str | None:
    """A rule's mode from what the user typed: the label in either language, or the key itself."""
    for mode, text_zh in MODE_LABELS.items():
        if text in (mode, text_zh, label(text_zh)):
            return mode
    return None


def _spin(lo: float, hi: float, step: float, decimals: int = 2) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setRange(lo, hi)
    s.setSingleStep(step)
    s.setDecimals(decimals)
    return s


class ParametersView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self._loading = False
        self.version_label = QLabel()
        self.w_file, self.w_transcript, self.w_judgment = (_spin(0, 1, 0.05, 3) for _ in range(3))
        self.average_year = QSpinBox()
        self.average_year.setRange(1990, 2200)
        self.pooling = QComboBox()
        self.pooling.addItem(self.tr("全院一个平均"), "court")
        self.pooling.addItem(self.tr("按刑事/民事/行政分别平均"), "category")
        self.trim = _spin(0, 49, 1, 1)
        self.cap = _spin(0, 100, 0.5, 2)
        self.outlier = _spin(0, 100, 1, 1)
        self.resp_share, self.member_share = _spin(0, 1, 0.05), _spin(0, 1, 0.05)
        # per year, off by default (不得通报排名); 人事 and 庭长 screens show ranks either way
        self.publish_ranks = QCheckBox(self.tr("考核表打印排名，法官本人可见排名"))
        form = QFormLayout()
        form.addRow(self.tr("卷宗权重"), self.w_file)
        form.addRow(self.tr("庭审笔录权重"), self.w_transcript)
        form.addRow(self.tr("裁判文书权重"), self.w_judgment)
        form.addRow(self.tr("参照年度"), self.average_year)
        form.addRow(self.tr("平均口径"), self.pooling)
        form.addRow(self.tr("截尾比例 %"), self.trim)
        form.addRow(self.tr("单案上限（0 = 不设）"), self.cap)
        form.addRow(self.tr("异常页数倍数"), self.outlier)
        form.addRow(self.tr("承办法官份额"), self.resp_share)
        form.addRow(self.tr("其他合议庭成员份额"), self.member_share)
        form.addRow(self.tr("公布排名"), self.publish_ranks)
        basics = QGroupBox(self.tr("审判标准案件"))
        basics.setLayout(form)

        self.rules = QTableWidget(0, len(RULE_HEADERS))
        self.rules.setHorizontalHeaderLabels([label(h) for h in RULE_HEADERS])
        self.rules.horizontalHeader().setStretchLastSection(True)
        rule_buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("新增规则"), self._add_rule),
            (self.tr("删除"), self._remove_rule),
            (self.tr("上移"), lambda: self._move_rule(-1)),
            (self.tr("下移"), lambda: self._move_rule(1)),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            rule_buttons.addWidget(b)
        rules_box = QGroupBox(self.tr("特殊规则（转换系数）"))
        rules_help = QLabel(
            self.tr("按顺序第一条匹配的生效；方式：固定值 = 直接计为该数值，乘数 = 按页数计算后乘以该数值")
        )
        rules_help.setWordWrap(True)
        rl = QVBoxLayout(rules_box)
        rl.addWidget(rules_help)
        rl.addWidget(self.rules)
        rl.addLayout(rule_buttons)

        self.credits = QTableWidget(0, 3)
        self.credits.setHorizontalHeaderLabels(
            [self.tr("执行结案方式"), self.tr("计数"), self.tr("须审批(1/0)")]
        )
        self.posts = QTableWidget(len(POSTS), 2)
        self.posts.setHorizontalHeaderLabels([self.tr("职务"), self.tr("任务系数")])
        side = QHBoxLayout()
        side.addWidget(self.credits, 3)  # three columns beside two: room for "须审批" in English
        side.addWidget(self.posts, 2)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview_model = DataFrameModel(
            headers={
                "judge": self.tr("法官"),
                "division": self.tr("部门"),
                "before": self.tr("现行"),
                "after": self.tr("修改后"),
                "change": self.tr("变化"),
                "rank_before": self.tr("现排名"),
                "rank_after": self.tr("修改后排名"),
            }
        )
        preview_table = table_view(self.preview_model)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("save", self.tr("保存为新版本…"), self.save),
            ("publish", self.tr("发布（冻结）…"), self.publish),
            ("import", self.tr("导入 TOML…"), self.import_toml),
            ("export", self.tr("导出 TOML…"), self.export_toml),
            ("revert", self.tr("还原"), self.refresh),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
            self.buttons[key] = b
        self.read_only = QLabel(
            self.tr("只读：只有管理员可以保存、导入或发布参数。在此改动的数值只用于下方预览，不会保存。")
        )
        self.read_only.setWordWrap(True)
        self.read_only.setStyleSheet("background: #fff8e1; padding: 4px;")
        edits = window.scope.allows(access.Action.EDIT_PARAMS)
        self.read_only.setVisible(not edits)
        if not edits:  # only 管理员 changes parameters; others read them
            for key in ("save", "publish", "import"):
                self.buttons[key].setEnabled(False)
                self.buttons[key].setToolTip(self.tr("只有管理员可以修改、导入或发布参数"))
        left = QVBoxLayout()
        left.addWidget(self.read_only)
        left.addWidget(self.version_label)
        left.addWidget(basics)
        left.addWidget(self.status)
        preview_title = QLabel(self.tr("预览：标准案件变化最大的法官（截至所选月份）"))
        preview_title.setWordWrap(True)
        left.addWidget(preview_title)
        left.addWidget(preview_table)
        right = QVBoxLayout()
        right.addWidget(rules_box, 2)
        right.addLayout(side, 1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        editor = QWidget()
        el = QVBoxLayout(editor)
        el.addLayout(top)
        el.addLayout(buttons)
        self.what_if = WhatIfPanel(window, self.build)
        self.tabs = QTabWidget()
        self.tabs.addTab(editor, self.tr("参数设置"))
        self.tabs.addTab(self.what_if, self.tr("权重模拟（排名稳定性）"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.preview)
        for w in (
            self.w_file,
            self.w_transcript,
            self.w_judgment,
            self.trim,
            self.cap,
            self.outlier,
            self.resp_share,
            self.member_share,
        ):
            w.valueChanged.connect(self._changed)
        self.average_year.valueChanged.connect(self._changed)
        self.pooling.currentIndexChanged.connect(self._changed)
        self.publish_ranks.toggled.connect(self._changed)
        for t in (self.rules, self.credits, self.posts):
            t.itemChanged.connect(self._changed)

    # -- load
    def refresh(self) -> None:
        year = self.window_.year()
        params, row = P.draft_params(self.window_.db, year)
        self.current = params
        self.load(params)
        in_use = P.version_in_use(self.window_.db, year)
        reason = self.tr("　理由：{r}").format(r=row["reason"]) if row is not None and row["reason"] else ""
        if row is None:
            self.version_label.setText(self.tr("{y} 年度：尚未保存参数（显示默认值）").format(y=year))
        elif in_use.draft is not None:
            self.version_label.setText(
                self.tr(
                    "{y} 年度参数第 {v} 版（草稿）{r}\n各项数字仍按已发布的第 {p} 版计算，发布后本草稿才生效。"
                ).format(y=year, v=row["version"], r=reason, p=in_use.version)
            )
        else:
            state = self.tr("已发布") if row["published"] else self.tr("草稿，尚未发布；本年度暂按此版计算")
            self.version_label.setText(
                self.tr("{y} 年度参数第 {v} 版（{s}）{r}").format(y=year, v=row["version"], s=state, r=reason)
            )
        self.version_label.setWordWrap(True)
        # 发布 only when there is a draft to publish (and only for 管理员)
        publishes = self.window_.scope.allows(access.Action.PUBLISH_PARAMS)
        self.buttons["publish"].setEnabled(publishes and row is not None and not row["published"])
        self.preview()

    def load(self, p: Params) -> None:
        self._loading = True
        t = p.trial
        self.w_file.setValue(t.w_file)
        self.w_transcript.setValue(t.w_transcript)
        self.w_judgment.setValue(t.w_judgment)
        self.average_year.setValue(p.reference_year)
        self.pooling.setCurrentIndex(0 if t.pooling == "court" else 1)
        self.trim.setValue(t.trim_percent)
        self.cap.setValue(t.cap)
        self.outlier.setValue(t.outlier_factor)
        self.resp_share.setValue(p.panel.responsible_share)
        self.member_share.setValue(p.panel.member_share)
        self.publish_ranks.setChecked(p.assessment.publish_ranks)
        self.rules.setRowCount(0)
        for r in t.rules:
            self._add_rule(
                [
                    r.name,
                    label(MODE_LABELS[r.mode]),
                    f"{r.value:g}",
                    "、".join(r.type_code),
                    "、".join(r.procedure),
                    "、".join(r.closing_method),
                    "、".join(r.cause_contains),
                ]
            )
        self.credits.setRowCount(0)
        for method, value in p.enforcement.credit:
            self._add_row(
                self.credits, [method, f"{value:g}", "1" if method in p.enforcement.needs_approval else "0"]
            )
        for i, post in enumerate(POSTS):
            name = QTableWidgetItem(post_label(post))  # the post in the window's language …
            name.setData(Qt.ItemDataRole.UserRole, post)  # … the parameters keep its Chinese name
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.posts.setItem(i, 0, name)
            self.posts.setItem(i, 1, QTableWidgetItem(f"{p.quota.fraction_of(post):g}"))
        for table in (self.rules, self.credits, self.posts):
            table.resizeColumnsToContents()
        self._loading = False

    def _add_row(self, table: QTableWidget, values: list[str]) -> None:
        r = table.rowCount()
        table.insertRow(r)
        for c, v in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(v))

    def _add_rule(self, values=None) -> None:
        self._add_row(
            self.rules,
            values
            if isinstance(values, list)
            else [self.tr("新规则"), label(MODE_LABELS["factor"]), "1", "", "", "", ""],
        )
        self._changed()

    def _remove_rule(self) -> None:
        r = self.rules.currentRow()
        if r >= 0:
            self.rules.removeRow(r)
            self._changed()

    def _move_rule(self, step: int) -> None:
        r = self.rules.currentRow()
        target = r + step
        if r < 0 or not 0 <= target < self.rules.rowCount():
            return
        self._loading = True
        for c in range(self.rules.columnCount()):
            a, b = self.rules.takeItem(r, c), self.rules.takeItem(target, c)
            self.rules.setItem(r, c, b)
            self.rules.setItem(target, c, a)
        self._loading = False
        self.rules.setCurrentCell(target, 0)
        self._changed()

    # -- build and validate
    def _text(self, table: QTableWidget, r: int, c: int) -> str:
        item = table.item(r, c)
        return item.text().strip() if item else ""

    def build(self) -> Params:
        year = self.window_.year()
        rules = []
        for r in range(self.rules.rowCount()):
            match = {}
            for c, key in enumerate(MATCH_FIELDS, start=3):
                values = [
                    v
                    for v in self._text(self.rules, r, c).replace(",", "、").replace("，", "、").split("、")
                    if v
                ]
                if values:
                    match[key] = values
            try:
                value = float(self._text(self.rules, r, 2))
            except ValueError as exc:
                raise ParameterError(
                    f"trial.rules[{r}].value", self.tr("第 {n} 条规则的数值不是数字").format(n=r + 1)
                ) from exc
            mode = _mode_of(self._text(self.rules, r, 1))
            if mode is None:
                raise ParameterError(
                    f"trial.rules[{r}].mode",
                    self.tr("第 {n} 条规则的方式应为「{a}」或「{b}」").format(
                        n=r + 1, a=label(MODE_LABELS["fixed"]), b=label(MODE_LABELS["factor"])
                    ),
                )
            rules.append(
                {
                    "name": self._text(self.rules, r, 0),
                    "mode": mode,
                    "value": value,
                    "match": match,
                }
            )
        credit, needs = {}, []
        for r in range(self.credits.rowCount()):
            method = self._text(self.credits, r, 0)
            if not method:
                continue
            try:
                credit[method] = float(self._text(self.credits, r, 1) or 0)
            except ValueError as exc:
                raise ParameterError(
                    "enforcement.credit", self.tr("「{m}」的计数不是数字").format(m=method)
                ) from exc
            if self._text(self.credits, r, 2) == "1":
                needs.append(method)
        fractions = {}
        for r in range(self.posts.rowCount()):
            try:
                post = self.posts.item(r, 0).data(Qt.ItemDataRole.UserRole)
                fractions[post] = float(self._text(self.posts, r, 1))
            except ValueError as exc:
                raise ParameterError("quota.post_fractions", self.tr("职务系数须为数字")) from exc
        q = self.current.quota
        data = {
            "year": year,
            "trial": {
                "weights": {
                    "file": self.w_file.value(),
                    "transcript": self.w_transcript.value(),
                    "judgment": self.w_judgment.value(),
                },
                "average_year": self.average_year.value(),
                "pooling": self.pooling.currentData(),
                "trim_percent": self.trim.value(),
                "cap": self.cap.value(),
                "outlier_factor": self.outlier.value(),
                "rules": rules,
            },
            "enforcement": {"credit": credit, "needs_approval": needs},
            "panel": {
                "responsible_share": self.resp_share.value(),
                "member_share": self.member_share.value(),
            },
            "quota": {
                "post_fractions": fractions,
                "closing_rate": q.closing_rate,
                "filing_growth": q.filing_growth,
                "history_weight": q.history_weight,
                "month_pattern": q.month_pattern,
            },
            "score": {"breakpoints": [list(b) for b in self.current.score.breakpoints]},
            "assessment": {
                "publish_ranks": self.publish_ranks.isChecked(),
                "post_groups": {n: list(r) for n, r in self.current.assessment.post_groups},
            },
        }
        # the sections this editor has no fields for stay as loaded (质效, the year-end grading rules)
        return replace(params_from_dict(data), quality=self.current.quality, grading=self.current.grading)

    def _changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def preview(self) -> None:
        """Validate on the spot; compute the effect on the worker (the newest edit wins)."""
        try:
            new = self.build()
        except ParameterError as exc:
            self.window_.tasks.forget(self)  # a preview still on its way is out of date
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(self.tr("参数有误：{e}").format(e=db_errors.text(exc)))
            self.preview_model.set_frame(self.preview_model.frame().iloc[0:0])
            return
        month = self.window_.month()
        self.status.setStyleSheet("color: #555555;")
        self.status.setText(self.tr("参数有效，正在计算预览…"))

        def failed(error: BaseException) -> None:
            message = db_errors.text(error)
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(self.tr("无法预览：{e}").format(e=message))

        self.window_.tasks.read(self, lambda db: W.preview_change(db, new, month), self.show_preview, failed)

    def show_preview(self, p: W.Preview) -> None:
        self.status.setStyleSheet("color: #1b5e20;")
        moved = int((p.judges["rank_before"] != p.judges["rank_after"]).sum())
        self.status.setText(
            self.tr(
                "参数有效。审判案件平均标准案件：现行 {b:.4f} → 修改后 {a:.4f}；{m} 名法官全院排名改变。"
            ).format(b=p.average_before, a=p.average_after, m=moved)
        )
        self.preview_model.set_frame(p.judges.head(20))

    # -- actions
    def save(self) -> None:
        try:
            params = self.build()
        except ParameterError as exc:
            QMessageBox.warning(self, self.tr("参数有误"), db_errors.text(exc))
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("保存参数"), self.tr("修改理由（已发布的参数必须填写）：")
        )
        if not ok:
            return
        try:
            changes = P.save_params(self.window_.db, params, reason)
        except WorkloadError as exc:
            QMessageBox.warning(self, self.tr("无法保存"), db_errors.text(exc))
            return
        in_use = P.version_in_use(self.window_.db, params.year)
        if in_use.draft is not None:
            QMessageBox.information(
                self,
                self.tr("已保存为草稿"),
                self.tr(
                    "已保存为第 {d} 版草稿。各项数字、报表和导出仍按已发布的第 {v} 版计算，"
                    "发布本草稿后才生效。"
                ).format(d=in_use.draft, v=in_use.version),
            )
        self.window_.apply_changes(changes)

    def publish(self) -> None:
        year = self.window_.year()
        reason, ok = QInputDialog.getText(
            self,
            self.tr("发布参数"),
            self.tr(
                "发布后 {y} 年度的全部数字、报表和导出改按此版计算，参数被冻结，之后的修改会成为新版本。\n"
                "发布理由："
            ).format(y=year),
        )
        if not ok:
            return
        if not reason.strip():
            QMessageBox.warning(self, self.tr("未发布"), self.tr("发布参数须填写理由。"))
            return
        try:
            changes = P.publish(self.window_.db, year, reason.strip())
        except WorkloadError as exc:
            QMessageBox.warning(self, self.tr("未发布"), db_errors.text(exc))
            return
        self.window_.apply_changes(changes)

    def import_toml(self) -> None:
        user = self.window_.user
        name = file_dialogs.open_file_name(
            self, self.tr("导入参数"), str(file_dialogs.last_folder(user)), self.tr("TOML 文件 (*.toml)")
        )
        if not name:
            return
        file_dialogs.remember_folder(user, Path(name).parent)
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("无法导入"), db_errors.read_text(exc, name))
            return
        try:
            changes = P.import_toml(self.window_.db, text)
        except WorkloadError as exc:
            QMessageBox.warning(self, self.tr("无法导入"), db_errors.text(exc))
            return
        self.window_.apply_changes(changes)

    def export_toml(self) -> None:
        year = self.window_.year()
        user = self.window_.user
        name = file_dialogs.save_file_name(
            self,
            self.tr("导出参数"),
            str(file_dialogs.last_folder(user) / self.tr("参数-{y}.toml").format(y=year)),
            self.tr("TOML 文件 (*.toml)"),
        )
        if not name:
            return
        try:
            Path(name).write_text(P.export_toml(self.window_.db, year), encoding="utf-8")
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("未导出"), db_errors.file_text(exc, name))
            return
        file_dialogs.remember_folder(user, Path(name).parent)
