"""我的工作量: a judge's own tally month by month against target, every case with its standard
cases and explanation, and their own PDF sheet (save or print), made on the window's worker."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
from PySide6.QtCharts import QChart, QChartView, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workload_app.core.messages import in_language
from workload_app.core.quota_text import quota_sentence
from workload_app.services import access
from workload_app.services import quotas as Q
from workload_app.services import standard_cases as S
from workload_app.services.my_workload import case_explanation, my_workload
from workload_app.services.sheets import export_sheets
from workload_app.ui import db_errors, file_dialogs
from workload_app.ui.dataframe_model import DataFrameModel
from workload_app.ui.excel import ExcelButton
from workload_app.ui.i18n import labels, track_label, words
from workload_app.ui.quality_columns import INDICATOR_COLUMNS, MarkedModel, indicator_rows
from workload_app.ui.tables import table_view
from workload_app.ui.view_parts import View, detail_pane, month_axes, splitter, titled

MONTH_COLUMNS = {
    "month": "月份",
    "cases": "结案数",
    "sc": "标准案件",
    "cumulative": "累计",
    "target_cumulative": "累计目标",
    "completion_pct": "完成率%",
}
CASE_COLUMNS = {
    "case_number": "案号",
    "role_in_case": "角色",
    "cause": "案由",
    "closed_on": "结案日期",
    "type_code": "类型",
    "sc": "标准案件",
    "share": "本人份额",
    "credited": "计入本人",
    "rule": "特殊规则",
    "flags": "提示",
}


class MyWorkloadView(View):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.judge_box = QComboBox()  # who: fixed for a 法官, any visible judge for others
        self.judge_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.computed = QLabel()  # on the court server (法官, 庭长): when 人事 computed the figures
        self.computed.setWordWrap(True)
        self.computed.setStyleSheet("color: #555555;")
        self.computed.hide()
        self.months = DataFrameModel(headers=labels(MONTH_COLUMNS), decimals={"completion_pct": 1})
        self.cases = DataFrameModel(
            headers=labels(CASE_COLUMNS), decimals={"share": 2, "credited": 4, "sc": 4}
        )
        self.credit_note = QLabel()
        self.credit_note.setWordWrap(True)
        self.chart = QChart()
        self.chart.setTitle(self.tr("累计完成与目标（标准案件）"))
        chart_view = QChartView(self.chart)
        chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart_view.setMinimumHeight(240)
        month_table = table_view(self.months, sortable=False)
        self.case_table = table_view(self.cases)
        self.case_table.selectionModel().currentRowChanged.connect(self._explain)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按案号或案由查找"))
        self.search.textChanged.connect(self._filter)
        self.explanation = detail_pane()
        self.explanation.setMaximumHeight(70)
        save = QPushButton(self.tr("生成我的考核表 PDF…"))
        save.clicked.connect(self.save_pdf)
        print_button = QPushButton(self.tr("打印预览…"))
        print_button.clicked.connect(self.print_sheet)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.judge_box)
        top.addWidget(save)
        top.addWidget(print_button)
        self.indicators = MarkedModel(
            headers=labels(INDICATOR_COLUMNS), decimals={"numerator": 0, "denominator": 0}
        )
        quality_box = titled(
            self.tr("质效指标（超出参考范围的标 ▲）"), table_view(self.indicators, sortable=False)
        )
        upper = splitter(month_table, chart_view, quality_box, sizes=[440, 480, 420])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        search_bar = QHBoxLayout()
        search_bar.addWidget(self.search, 1)
        self.excel = ExcelButton(
            self.cases, lambda: self.tr("{y}年{j}的案件").format(y=self.window_.year(), j=self.judge() or "")
        )
        search_bar.addWidget(self.excel)
        lower_layout.addLayout(search_bar)
        lower_layout.addWidget(self.credit_note)
        lower_layout.addWidget(self.case_table)
        explain_row = QHBoxLayout()
        explain_row.addWidget(self.explanation, 1)
        self.query_button = QPushButton(self.tr("对此有疑问…"))
        self.query_button.setToolTip(self.tr("就所选案件的数字向人事部门提出疑问"))
        self.query_button.setEnabled(False)
        self.query_button.clicked.connect(lambda: self.ask())
        explain_row.addWidget(self.query_button, 0, Qt.AlignmentFlag.AlignTop)
        lower_layout.addLayout(explain_row)
        split = splitter(upper, lower, sizes=[330, 420], vertical=True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.computed)
        layout.addWidget(split, 1)
        self._all_cases = pd.DataFrame()
        self._explained_year, self._explained_judge = 0, ""  # of the list shown
        self._judges_loaded = False

    def _fill_judges(self, names: list[str], chosen: str) -> None:
        user = access.current(self.window_.db)
        self.judge_box.blockSignals(True)
        self.judge_box.clear()
        for n in names:
            self.judge_box.addItem(n, n)
        self.judge_box.setEnabled(user.role != access.JUDGE)
        if chosen in names:
            self.judge_box.setCurrentIndex(names.index(chosen))
        self.judge_box.blockSignals(False)
        self._judges_loaded = True

    def judge(self) -> str | None:
        return self.judge_box.currentData()

    def refresh(self) -> None:
        """Read on the worker (the figures take a few tenths of a second on a large court); the
        newest request wins."""
        year, month = self.window_.year(), self.window_.month()
        wanted = self.judge() if self._judges_loaded else None
        user = access.current(self.window_.db)
        lang = db_errors.language()
        self.summary.setStyleSheet("color: #555555;")
        self.summary.setText(self.tr("正在读取…"))

        def read(db):
            names = None
            judge = wanted
            if judge is None:
                if user.role == access.JUDGE:
                    names = [user.judge]
                else:
                    names = list(Q.assessment(db, year, 12)["judge"])
                judge = user.judge if user.judge in names else (names[0] if names else None)
            if judge is None:
                return names, None, None, None
            data = my_workload(db, year, month, judge)  # with the judge's 质效 figures
            return names, judge, data, S.computed_note(db, year, lang)

        def done(result) -> None:
            names, judge, data, note = result
            self.computed.setText(note or "")
            self.computed.setVisible(bool(note))
            if names is not None:
                self._fill_judges(names, judge)
            if data is None:
                self.summary.setText(self.tr("没有可显示的法官。"))
                return
            self.show_data(year, month, data)

        def failed(error: BaseException) -> None:
            message = db_errors.text(error)
            self.summary.setStyleSheet("color: #b00020;")
            self.summary.setText(message)

        self.window_.tasks.read(self, read, done, failed)

    def show_data(self, year: int, month: int, data: dict) -> None:
        self.summary.setStyleSheet("")
        f, a = data["figures"], data["figures"]["assessment"]
        j = f["judge"]
        self.title.setText(
            self.tr("{name}（{div}，{role}）{y} 年 1—{m} 月").format(
                name=j["name"], div=j["division"], role=j["post"], y=year, m=month
            )
        )
        unit = track_label(j["track"])
        rank = lambda r, n: self.tr("第 {r} / {n} 名").format(r=int(r), n=n) if r is not None else "—"  # noqa: E731
        derivation = (f["quota"] or {}).get("derivation", "")
        ranks = (
            self.tr("部门内{rd}，全院{rc}（同职务组）。").format(
                rd=rank(a["rank_division"], a["n_division"]), rc=rank(a["rank_court"], a["n_court"])
            )
            if f.get("ranks_shown", True)
            else self.tr("本年度不公布排名。")
        )
        if f.get("ranks_shown", True) and a.get("unranked_reason"):
            ranks = self.tr("任职期间 {m:.2f} 个月，不足 {need:g} 个月，不参加排名。").format(
                m=a["months_in_post"], need=a["months_needed"]
            )
        self.summary.setText(
            self.tr(
                "年度任务 {q:.2f}（{unit}标准案件）；截至本月目标 {t:.2f}，已完成 {sc:.2f}，完成率 {c:.1%}，得分 {s:.1f}"
                "（截至本月基础数 {b:.2f}，饱和数 {sat:.2f}）；{ranks}结案 {n} 件。"
                "数据提示：数据不全 {inc} 件，待审批 {aw} 件，异常页数 {out} 件。\n"
                "任务来源：{d}"
            ).format(
                q=a["quota"], unit=unit, t=a["target_to_date"], sc=a["sc"], c=a["completion"], s=a["score"],
                b=a["base_to_date"], sat=a["saturation_to_date"], ranks=ranks, n=a["cases"],
                inc=f["quality"]["incomplete"], aw=f["quality"]["awaiting"], out=f["quality"]["outlier"],
                d=derivation or self.tr("本年度尚未下达任务"),
            )
            + (
                "\n" + self.tr("本人任务：{s}").format(s=quota_sentence(f["quota"], year, db_errors.language()))
                if f["quota"]
                else ""
            )
        )  # fmt: skip
        months = pd.DataFrame(f["months"])
        months["completion_pct"] = months["completion"] * 100
        self.months.set_frame(months[list(MONTH_COLUMNS)])
        cases = data["cases"]
        own_unit = j["track"] if j["track"] in ("trial", "enforcement") else "trial"
        in_unit = cases["unit"] == own_unit
        responsible = cases["role_in_case"] == "承办"
        self.credit_note.setText(
            self.tr(
                "列表中承办 {r} 件、参加合议庭 {p} 件；每件按「标准案件 × 本人份额」计入"
                "（承办份额 {rs:g}，合议庭成员份额 {ms:g}）。计入本人的{unit}标准案件合计 {c:.2f}，"
                "与上方统计的已完成 {sc:.2f} 一致。"
            ).format(
                r=int(responsible.sum()),
                p=int((~responsible).sum()),
                rs=data["shares"][0],
                ms=data["shares"][1],
                unit=unit,
                c=float(cases.loc[in_unit, "credited"].sum()),
                sc=a["sc"],
            )
        )
        cases["role_code"] = cases["role_in_case"]  # 承办 / 合议庭成员 for the explanation's credit line
        cases["role_in_case"] = cases["role_in_case"].map(words)
        cases["flags"] = cases["flags"].map(words)
        self._all_cases = cases
        self._explained_year, self._explained_judge = year, j["name"]
        self._filter(self.search.text())
        self._draw(months, f["target_cumulative"])
        self.indicators.set_marked(indicator_rows(data.get("quality_figures")), list(INDICATOR_COLUMNS))

    def _credit_line(self, explanation: str, role: str, share: float, sc: float, credited: float) -> str:
        """The case explanation, then what of it counts for this judge."""
        if pd.isna(sc):
            return f"{explanation}\n" + self.tr("本案没有标准案件，不计入本人。")
        who = self.tr("承办法官") if role == "承办" else self.tr("合议庭成员")
        if share == 0:
            return f"{explanation}\n" + self.tr("本人为{who}，份额为 0：本案不计入本人工作量。").format(
                who=who
            )
        return f"{explanation}\n" + self.tr("本人为{who}，计入本人 {sc:.4f} × {s:g} = {c:.4f}。").format(
            who=who, sc=sc, s=share, c=credited
        )

    def _filter(self, text: str) -> None:
        frame = self._all_cases
        text = text.strip()
        if text and len(frame):
            hit = frame["case_number"].str.contains(text, regex=False) | frame["cause"].fillna(
                ""
            ).str.contains(text, regex=False)
            frame = frame[hit]
        self._shown = frame.reset_index(drop=True)
        self.cases.set_frame(
            self._shown[list(CASE_COLUMNS)] if len(self._shown) else pd.DataFrame(columns=list(CASE_COLUMNS))
        )
        self.window_.tasks.forget(self.explanation)  # an explanation still being read is of the old list
        self.explanation.clear()
        self.query_button.setEnabled(False)

    def ask(self, question: str | None = None) -> None:
        """对此有疑问: record a question on the selected case's figure for 人事 to answer."""
        from PySide6.QtWidgets import QInputDialog

        from workload_app.core.problems import WorkloadError
        from workload_app.services import queries

        index = self.case_table.currentIndex()
        if not index.isValid():
            return
        case = self._shown.iloc[self.cases.source_row(index.row())]
        if question is None:
            question, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("对此有疑问"),
                self.tr("{c}：请写明哪个数字、为什么觉得不对：").format(c=case["case_number"]),
            )
            if not ok:
                return
        try:
            queries.ask(self.window_.db, self.window_.year(), case["case_number"], question)
        except WorkloadError as exc:
            QMessageBox.warning(self, self.tr("未提交"), db_errors.text(exc))
            return
        QMessageBox.information(
            self, self.tr("已提交"), self.tr("疑问已提交人事部门，答复会显示在「疑问」页。")
        )

    def _explain(self, current, _previous) -> None:
        """The selected case's explanation, made on the worker when the row is selected (not for
        every case up front), then what of it counts for this judge."""
        self.query_button.setEnabled(current.isValid())
        tasks = self.window_.tasks
        if not current.isValid():
            tasks.forget(self.explanation)
            return
        case = self._shown.iloc[self.cases.source_row(current.row())]
        year, judge, case_id = self._explained_year, self._explained_judge, int(case["case_id"])
        role = case["role_code"]
        self.explanation.setPlainText(self.tr("正在读取…"))

        def done(text: str) -> None:
            self.explanation.setPlainText(
                self._credit_line(text, role, case["share"], case["sc"], case["credited"])
            )

        tasks.read(
            self.explanation,
            lambda db: in_language(
                case_explanation(db, year, case_id, judge, with_averages=True), db_errors.language()
            ),
            done,
            lambda error: self.explanation.setPlainText(db_errors.text(error)),
        )

    def _draw(self, months: pd.DataFrame, target_cumulative: list[float]) -> None:
        ax, ay = month_axes(self.chart)
        actual = QLineSeries()
        actual.setName(self.tr("完成"))
        actual.setPen(QPen(QColor("#1f77b4"), 3))
        for m, v in zip(months["month"], months["cumulative"], strict=True):
            actual.append(float(m), float(v))
        target = QLineSeries()
        target.setName(self.tr("目标"))
        pen = QPen(QColor("#444444"), 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        target.setPen(pen)
        for m, v in enumerate(target_cumulative, start=1):
            target.append(float(m), float(v))
        for s in (actual, target):
            self.chart.addSeries(s)
            s.attachAxis(ax)
            s.attachAxis(ay)
        top = max([1.0, *months["cumulative"].tolist(), *target_cumulative])
        ay.setRange(0, top * 1.05)
        ay.applyNiceNumbers()
        ay.setLabelFormat("%.0f")
        ay.applyNiceNumbers()
        ay.setLabelFormat("%d")

    def _sheet_job(self, out_dir: Path):
        """The task writing the shown judge's sheet into ``out_dir``: on the worker, with progress
        and Cancel (the figures of the whole court are read to rank the judge)."""
        year, month, judge = self.window_.year(), self.window_.month(), self.judge()

        def job(db, progress) -> Path:
            paths = export_sheets(
                db, year, month, "judge", out_dir, judge=judge, workers=1, progress=progress
            )
            return paths[0]

        return job

    def _not_made(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("未生成考核表"), db_errors.file_text(error))

    def save_pdf(self, target: str | None = None) -> None:
        """Ask for a file name, as 报表 does (the last folder of this login, a sheet's usual name);
        the sheet is made on the side and moved there, so a failure leaves nothing half-written."""
        user = self.window_.user
        if not target:
            # the sheet is in Chinese in either language, and so is its file's name (as 报表's)
            name = f"{self.window_.year()}-{self.window_.month():02d}_法官考核表_{self.judge() or ''}.pdf"
            target = file_dialogs.save_file_name(
                self,
                self.tr("保存考核表"),
                str(file_dialogs.last_folder(user) / name),
                self.tr("PDF 文件 (*.pdf)"),
            )
        if not target:
            return
        path = Path(target) if target.lower().endswith(".pdf") else Path(target + ".pdf")
        side = Path(tempfile.mkdtemp(prefix="sheet-"))
        make = self._sheet_job(side)

        def job(db, progress) -> Path:
            try:
                shutil.move(str(make(db, progress)), path)
            finally:  # made or not, moved or not: nothing left on the side
                shutil.rmtree(side, ignore_errors=True)
            return path

        def saved(path: Path) -> None:
            file_dialogs.remember_folder(user, path.parent)
            self.saved_path = path
            answer = QMessageBox.question(
                self, self.tr("已生成"), self.tr("考核表已保存为\n{p}\n\n现在打开吗？").format(p=path)
            )
            if answer == QMessageBox.StandardButton.Yes:
                file_dialogs.open_in_viewer(self, path)

        self.window_.tasks.run(
            job,
            parent=self,
            label=self.tr("正在生成考核表"),
            on_done=saved,
            on_failed=lambda error: QMessageBox.warning(
                self, self.tr("未生成考核表"), db_errors.file_text(error, path)
            ),
        )

    def print_sheet(self) -> None:
        """打印预览 first: Qt's preview dialog shows the pages and carries the print button. The
        sheet is made on the worker into a folder of its own, removed once the preview is closed."""
        tmp = Path(tempfile.mkdtemp(prefix="preview-"))

        def show(path: Path) -> None:
            from workload_app.ui.printing import preview_pdf

            try:
                preview_pdf(path, self, self.tr("打印预览"))
            finally:
                shutil.rmtree(tmp, ignore_errors=True)

        def dropped(error: BaseException | None = None) -> None:
            shutil.rmtree(tmp, ignore_errors=True)
            if error is not None:
                self._not_made(error)

        self.window_.tasks.run(
            self._sheet_job(tmp),
            parent=self,
            label=self.tr("正在准备打印预览"),
            on_done=show,
            on_failed=dropped,
            on_cancelled=dropped,
        )
