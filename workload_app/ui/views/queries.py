"""疑问: the questions raised on a case's figure, a judge's quota and monthly targets, or a judge's
figures (对此有疑问), and their answers. 人事/管理员 see every question, open ones first, and answer
them; anyone else sees their own and those about the judges they may see. Asker and answerer show
by name (the judge's, else the account's display name), never by login; long texts wrap."""

from __future__ import annotations

from PySide6.QtGui import QTextOption
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

from workload_app.core.problems import WorkloadError
from workload_app.core.scope import Action
from workload_app.services import queries as Qs
from workload_app.ui import db_errors
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton
from workload_app.ui.i18n import labels
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, detail_pane, ok_cancel, splitter

COLUMNS = {
    "id": "编号",
    "asked_at": "提出时间",
    "kind_label": "关于",
    "case_number": "案号",
    "judge": "法官",
    "asked_by_name": "提出人",
    "question": "疑问",
    "state": "状态",
    "answer": "答复",
    "correction": "更正",
    "answered_by_name": "答复人",
    "answered_at": "答复时间",
}


def wrapping_editor() -> QPlainTextEdit:
    """A text box that wraps at its width, also inside a long run of Chinese (no spaces)."""
    edit = QPlainTextEdit()
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return edit


class AskDialog(QDialog):
    """对此有疑问: the question, in a box that wraps; with ``kinds`` ((code, label) pairs) a choice
    of what it is about (the quota and monthly targets, or the figures)."""

    def __init__(self, parent: QWidget, title: str, prompt: str, kinds=()) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.kind = QComboBox()
        for code, text in kinds:
            self.kind.addItem(text, code)
        self.kind.setVisible(bool(kinds))
        layout.addWidget(self.kind)
        self.text = wrapping_editor()
        self.text.setMinimumHeight(140)
        layout.addWidget(self.text, 1)
        layout.addWidget(ok_cancel(self.accept, self.reject))

    def question(self) -> str:
        return self.text.toPlainText()


class AnswerDialog(QDialog):
    def __init__(self, parent: QWidget, row: dict) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("答复疑问"))
        self.answer = wrapping_editor()
        self.correction = QLineEdit()
        self.correction.setPlaceholderText(self.tr("如已更正数据，写明更正了什么（可空）"))
        form = QFormLayout(self)
        question = QLabel(f"{row['case_number'] or row['judge']}：{row['question']}")
        question.setWordWrap(True)
        form.addRow(self.tr("疑问"), question)
        form.addRow(self.tr("答复"), self.answer)
        form.addRow(self.tr("更正"), self.correction)
        form.addRow(ok_cancel(self.accept, self.reject))


class QueriesView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.model = DataFrameModel(headers=labels(COLUMNS))
        self.table = table_view(self.model)
        self.table.setWordWrap(True)  # a long question or answer wraps in its column
        self.model.modelReset.connect(self._fit)
        self.table.selectionModel().currentRowChanged.connect(self._show)
        self.detail = detail_pane()
        self.status = QLabel()
        self.answer_button = QPushButton(self.tr("答复所选疑问…"))
        self.answer_button.clicked.connect(lambda: self.answer())
        self.answer_button.setVisible(window.scope.allows(Action.ANSWER_QUERIES))  # only 人事/管理员 answer
        self.excel = ExcelButton(self.model, lambda: self.tr("疑问与答复"))
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.answer_button)
        bar.addWidget(self.excel)
        split = splitter(self.table, self.detail, sizes=[480, 140], vertical=True, stretch=[1])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

    def _fit(self) -> None:
        """Columns to their content, the long texts capped so that they wrap; rows to their text."""
        for name in ("question", "answer", "correction"):
            col = list(COLUMNS).index(name)
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 260))
        self.table.resizeRowsToContents()

    def kind_words(self) -> dict[str, str]:
        return {
            Qs.CASE: self.tr("案件"),
            Qs.QUOTA: self.tr("任务与目标"),
            Qs.FIGURES: self.tr("统计数字"),
        }

    def refresh(self) -> None:
        frame = Qs.listing(self.window_.db)
        frame["kind_label"] = frame["kind"].map(self.kind_words())
        frame["state"] = [self.tr("已答复") if a else self.tr("待答复") for a in frame["answered"]]
        for col in ("asked_at", "answered_at"):
            frame[col] = frame[col].map(lambda t: t.replace("T", " ") if isinstance(t, str) else "")
        for col in ("answer", "correction", "answered_by_name"):
            frame[col] = frame[col].map(lambda t: t if isinstance(t, str) else "")
        self.model.set_frame(frame[list(COLUMNS)])
        open_ = int((~frame["answered"].astype(bool)).sum())
        self.status.setText(self.tr("共 {n} 条疑问，待答复 {o} 条").format(n=len(frame), o=open_))
        self.detail.clear()

    def _selected(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show(self, current, _previous) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(current.row())
        about = (
            self.tr("{c}（承办：{j}）").format(c=row["case_number"], j=row["judge"])
            if row["case_number"]
            else self.tr("法官{j}的{k}").format(j=row["judge"], k=row["kind_label"])
        )
        answered = (
            self.tr("答复（{who}，{at}）：{a}").format(
                who=row["answered_by_name"], at=row["answered_at"], a=row["answer"]
            )
            if row["answer"]
            else self.tr("答复：{a}").format(a="—")
        )
        self.detail.setPlainText(
            self.tr("{about}\n疑问（{who}，{at}）：{q}\n{answered}\n更正：{x}").format(
                about=about,
                answered=answered,
                who=row["asked_by_name"],
                at=row["asked_at"],
                q=row["question"],
                x=row["correction"] or "—",
            )
        )

    def answer(self, text: str | None = None, correction: str = "") -> None:
        row = self._selected()
        if row is None:
            QMessageBox.information(self, self.tr("答复疑问"), self.tr("请先在表中选中一条疑问"))
            return
        if text is None:
            dialog = AnswerDialog(self, row)
            if not dialog.exec():
                return
            text, correction = dialog.answer.toPlainText(), dialog.correction.text()
        try:
            Qs.answer(self.window_.db, int(row["id"]), text, correction)
        except WorkloadError as exc:
            QMessageBox.warning(self, self.tr("未答复"), db_errors.text(exc))
            return
        self.refresh()
