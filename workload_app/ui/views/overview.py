"""概览: the court at a glance for the selected year — counts per division and category."""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from workload_app.services import info
from workload_app.ui.dataframe_model import DataFrameModel


class OverviewView(QWidget):
    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary = QLabel()
        self.model = DataFrameModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        db, year = self.window_.db, self.window_.year()
        s = info.summary(db)
        self.title.setText(self.tr("{year} 年度概览").format(year=year))
        self.summary.setText(
            self.tr("部门 {d} 个，法官 {j} 名；本年结案 {n} 件；全部案件 {all} 件（未结 {open} 件）").format(
                d=s["divisions"], j=s["judges"], n=s["by_year"].get(year, 0), all=s["cases"], open=s["open"]
            )
        )
        counts = info.counts(db)
        counts = counts[counts["year"] == year]
        if counts.empty:
            self.model.set_frame(pd.DataFrame({self.tr("部门"): []}))
            return
        pivot = counts.pivot_table(
            index="division", columns="category", values="cases", aggfunc="sum", fill_value=0
        )
        pivot[self.tr("合计")] = pivot.sum(axis=1)
        pivot = pivot.reset_index().rename(columns={"division": self.tr("部门")})
        self.model.set_frame(pivot)
