"""年度考核: the year-end grading. 人事 and 管理员 see every judge's proposal beside the figures, the
优秀 cap of each group as a live count, each decision with its reason, the record's state and what
is missing to move on, and take the steps (propose, decide, publish, confirm, notices, reviews).
A 庭长 sees the division's lines and writes the opinions; a judge sees their own page: summary,
proposal, notice, acknowledgement and review request. The services decide who may do what; this
view only offers the buttons of the user's role."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workload_app.core.grading import GRADES
from workload_app.core.messages import in_language
from workload_app.services import access
from workload_app.services import grade_notices as GN
from workload_app.services import grade_views as V
from workload_app.services import grades as GS
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton
from workload_app.ui.i18n import current_language, label, labels, pdf_caption, post_label
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, detail_pane, ok_cancel, splitter

COLUMNS = {
    "judge": "法官",
    "division": "部门",
    "post": "职务",
    "group": "考核组",
    "completion": "完成率（%）",
    "score": "得分",
    "proposed": "建议等次",
    "tie": "名额边界并列",
    "summary": "个人总结",
    "opinion": "庭长意见",
    "decided": "委员会决定",
    "decision_reason": "决定理由",
    "final": "确定等次",
    "notice": "通知",
    "ack": "签收",
}


class TextDialog(QDialog):
    """One text (a summary, an opinion, a review request) with an optional second line."""

    def __init__(
        self, parent: QWidget, title: str, prompt: str, text: str = "", extra: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(text)
        self.extra = QLineEdit()
        form = QFormLayout(self)
        form.addRow(prompt, self.text)
        if extra is not None:
            form.addRow(extra, self.extra)
        form.addRow(ok_cancel(self.accept, self.reject))


class GradeDialog(QDialog):
    """The committee's decision (or review decision): grade, reason, meeting."""

    def __init__(self, parent: QWidget, title: str, judge: str, current: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.grade = QComboBox()
        for g in GRADES:
            self.grade.addItem(label(g), g)
        if current in GRADES:
            self.grade.setCurrentIndex(GRADES.index(current))
        self.reason = QLineEdit()
        self.meeting = QLineEdit()
        self.meeting.setPlaceholderText(self.tr("会议编号或纪要文号（可空）"))
        form = QFormLayout(self)
        form.addRow(self.tr("法官"), QLabel(judge))
        form.addRow(self.tr("等次"), self.grade)
        form.addRow(self.tr("理由"), self.reason)
        form.addRow(self.tr("会议"), self.meeting)
        form.addRow(ok_cancel(self.accept, self.reject))


class GradesView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.view: V.GradingView | None = None
        user = window.user
        self.model = DataFrameModel(headers=labels(COLUMNS))
        self.table = table_view(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.detail = detail_pane()
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.caps = QLabel()
        self.caps.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addStretch(1)
        scope = window.scope
        if scope.allows(access.Action.GRADE_RUN):
            steps = [
                ("open", self.tr("开始")),
                ("propose", self.tr("提出等次建议")),
                ("decide", self.tr("录入委员会决定…")),
                ("publish", self.tr("公示…")),
                ("confirm", self.tr("确定等次")),
                ("notices", self.tr("发出书面通知…")),
                ("review", self.tr("复核决定…")),
            ]
        elif scope.allows(access.Action.GRADE_OPINION):
            steps = [("opinion", self.tr("填写庭长意见…"))]
        else:
            steps = []
        if user.judge:
            steps += [
                ("summary", self.tr("个人总结…")),
                ("ack", self.tr("签收通知…")),
                ("request", self.tr("申请复核…")),
                ("notice_pdf", self.tr("保存通知 PDF…")),
            ]
        for key, text in steps:
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=key: self.step(k))
            self.buttons[key] = button
            bar.addWidget(button)
        self.excel = ExcelButton(self.model, lambda: self.tr("年度考核"))
        bar.addWidget(self.excel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(bar)
        layout.addWidget(self.caps)
        layout.addWidget(self.missing)
        layout.addWidget(splitter(self.table, self.detail, sizes=[420, 200], vertical=True, stretch=[1]), 1)

    # ------------------------------------------------------------ reading

    def refresh(self) -> None:
        year = self.window_.year()

        def failed(error: BaseException) -> None:
            self.state.setText(db_errors.text(error))

        self.window_.tasks.read(self, lambda db: V.overview(db, year), self.show_view, failed)

    def show_view(self, view: V.GradingView) -> None:
        self.view = view
        self.state.setText(self.tr("{y} 年度考核：{s}").format(y=view.year, s=label(view.state_label)))
        caps = []
        for c in view.caps.values():
            cap = c["cap"]
            over = self.tr("（超出）") if c["excellent"] > cap.places else ""
            caps.append(
                self.tr("{g}：优秀 {n}/{p} 名（参加定等 {m} 人 × {s}%）{o}").format(
                    g=label(cap.group),
                    n=c["excellent"],
                    p=cap.places,
                    m=cap.graded,
                    s=f"{cap.share * 100:g}",
                    o=over,
                )
            )
        self.caps.setText(("   " if current_language() == "en" else "　").join(caps))
        self.caps.setVisible(bool(caps))
        lang = db_errors.language()  # the services' coded texts, in the window's language
        self.missing.setText("\n".join("· " + in_language(m, lang) for m in view.missing))
        self.missing.setVisible(bool(view.missing))
        rows = [
            {
                "judge": e.judge,
                "division": e.division,
                "post": label(e.post) if e.post else "",
                "group": label(e.group) if e.group else "",
                "completion": None if e.completion is None else round(e.completion * 100, 1),
                "score": None if e.score is None else round(e.score, 1),
                "proposed": label(e.proposed) if e.proposed else "",
                "tie": self.tr("并列") if e.tie else "",
                "summary": self.tr("纸质") if e.summary_paper else (self.tr("已填写") if e.summary else ""),
                "opinion": e.opinion,
                "decided": label(e.decided) if e.decided else "",
                "decision_reason": e.decision_reason,
                "final": label(e.final) if e.final else "",
                "notice": e.notice_number + (f"（{e.notice_version}）" if e.notice_version > 1 else ""),
                "ack": e.ack,
            }
            for e in view.entries
        ]
        self.model.set_frame(pd.DataFrame(rows, columns=list(COLUMNS)))
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._show()

    def selected(self) -> V.EntryView | None:
        if self.view is None:
            return None
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.view.entry(self.model.row_at(index.row())["judge"])

    def _show(self) -> None:
        e = self.selected()
        if e is None:
            self.detail.clear()
            return
        lines = [
            self.tr("{j}（{d}，{p}，{g}）").format(
                j=e.judge, d=e.division, p=post_label(e.post), g=label(e.group) if e.group else "—"
            )
        ]
        lines.append(
            self.tr("建议：{g}　{t}").format(g=label(e.proposed) if e.proposed else "—", t=e.proposal_text)
        )
        lines.append(
            self.tr("个人总结：{s}").format(
                s=(self.tr("（纸质）") if e.summary_paper else "") + (e.summary or "—")
            )
        )
        lines.append(self.tr("庭长意见：{s}").format(s=e.opinion or "—"))
        if e.decided:
            lines.append(
                self.tr("委员会决定：{g}（{r}）{m}").format(
                    g=label(e.decided), r=e.decision_reason, m=e.meeting
                )
            )
            if e.in_publication:
                lines.append(self.tr("（公示期间改变）"))
        if e.final:
            lines.append(self.tr("确定等次：{g}　{c}").format(g=label(e.final), c="；".join(e.consequences)))
        if e.notice_version:
            lines.append(
                self.tr("书面通知：{n}（第 {v} 版，{d}），复核申请期限 {r}；签收：{a} {o}").format(
                    n=e.notice_number,
                    v=e.notice_version,
                    d=e.notice_at,
                    r=e.review_deadline,
                    a=e.ack or "—",
                    o=e.ack_opinion,
                )
            )
        if e.past:
            lines.append(self.tr("历年等次：{p}").format(p="；".join(f"{y} {label(g)}" for y, g in e.past)))
        for r in e.reviews:
            decided = (
                self.tr("决定 {g}（{why}）").format(g=r["decided_grade"], why=r["decision_reason"])
                if r["decided_at"]
                else self.tr("待决定")
            )
            lines.append(
                self.tr("复核申请（{d}）：{t}；{x}").format(
                    d=r["requested_at"][:10], t=r["request_text"], x=decided
                )
            )
        self.detail.setPlainText("\n".join(lines))

    # ------------------------------------------------------------ steps

    def step(self, key: str, **given) -> None:
        """One step of the grading; ``given`` fills what a dialog would ask (for tests)."""
        year = self.window_.year()
        judge = self.selected()
        own = self.window_.user.judge
        if key in ("decide", "review", "opinion") and judge is None:
            QMessageBox.information(self, self.tr("年度考核"), self.tr("请先在表中选中一名法官"))
            return
        work = self._work(key, year, judge, own, given)
        if work is None:
            return

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("未完成"), db_errors.text(error))

        def done(result) -> None:
            if isinstance(result, list):  # files written
                QMessageBox.information(
                    self, self.tr("已保存"), self.tr("已写出 {n} 份文件").format(n=len(result))
                )
                self.refresh()
                return
            self.window_.apply_changes(result)
            self.refresh()

        self.window_.tasks.run(
            work, parent=self, label=self.tr("年度考核：请稍候"), on_done=done, on_failed=failed
        )

    def _ask_text(self, title: str, prompt: str, given: dict, key: str = "text", extra: str | None = None):
        if key in given:
            return given[key], given.get("extra", "")
        dialog = TextDialog(self, title, prompt, extra=extra)
        if not dialog.exec():
            return None
        return dialog.text.toPlainText(), dialog.extra.text()

    def _ask_grade(self, title: str, judge: V.EntryView, given: dict):
        if "grade" in given:
            return given["grade"], given.get("reason", ""), given.get("meeting", "")
        dialog = GradeDialog(self, title, judge.judge, judge.grade)
        if not dialog.exec():
            return None
        return dialog.grade.currentData(), dialog.reason.text(), dialog.meeting.text()

    def _path(self, given: dict, caption: str, name: str, folder: bool = False) -> Path | None:
        if "path" in given:
            return Path(given["path"])
        chosen = (
            file_dialogs.existing_directory(self, pdf_caption(caption))
            if folder
            else file_dialogs.save_file_name(self, pdf_caption(caption), name, "PDF (*.pdf)")
        )
        return Path(chosen) if chosen else None

    def _work(self, key: str, year: int, judge: V.EntryView | None, own: str | None, given: dict):
        if key == "open":
            return lambda db, p: GS.open_year(db, year)
        if key == "propose":
            return lambda db, p: GS.propose(db, year)
        if key == "confirm":
            return lambda db, p: GS.confirm(db, year)
        if key == "decide":
            answer = self._ask_grade(self.tr("考评委员会决定"), judge, given)
            if answer is None:
                return None
            grade, reason, meeting = answer
            return lambda db, p: GS.set_grade(db, year, judge.judge, grade, reason, meeting)
        if key == "review":
            answer = self._ask_grade(self.tr("复核决定"), judge, given)
            if answer is None:
                return None
            grade, reason, meeting = answer
            return lambda db, p: GN.decide_review(db, year, judge.judge, grade, reason, meeting)
        if key == "publish":
            path = self._path(given, self.tr("保存公示名单"), f"{year}年度考核优秀公示.pdf")
            if path is None:
                return None

            def publish(db, p):
                changes = GS.publish(db, year)
                V.publication_pdf(db, year, path)
                return changes

            return publish
        if key == "notices":
            folder = self._path(given, self.tr("通知保存到文件夹"), "", folder=True)
            if folder is None:
                return None

            def notices(db, p):
                changes = GN.issue_notices(db, year)
                V.notice_pdfs(db, year, folder)
                return changes

            return notices
        if key == "opinion":
            answer = self._ask_text(self.tr("庭长意见"), self.tr("意见"), given)
            if answer is None:
                return None
            return lambda db, p: GS.record_opinion(db, year, judge.judge, answer[0])
        if key == "summary":
            answer = self._ask_text(self.tr("个人总结"), self.tr("总结"), given)
            if answer is None:
                return None
            return lambda db, p: GS.record_summary(db, year, own, answer[0])
        if key == "ack":
            answer = self._ask_text(self.tr("签收通知"), self.tr("本人意见（可空）"), given)
            if answer is None:
                return None
            return lambda db, p: GN.acknowledge(db, year, own, answer[0])
        if key == "request":
            answer = self._ask_text(self.tr("申请复核"), self.tr("理由"), given)
            if answer is None:
                return None
            return lambda db, p: GN.request_review(db, year, own, answer[0])
        if key == "notice_pdf":
            folder = self._path(given, self.tr("通知保存到文件夹"), "", folder=True)
            if folder is None:
                return None
            return lambda db, p: V.notice_pdfs(db, year, folder, {own})
        raise KeyError(key)
