"""Issue 30: the words the window makes of stored phrases and periods, by value in both languages:
an audit record's object, what a held case is held out of, the months of a period (never
「1—1 月」 or "months 1–1"), the program's name in window titles, a post on the 参数 page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from workload_app.ui.i18n import audit_object, months_to, pdf_caption, stored_list

pytestmark = pytest.mark.gui


@pytest.fixture
def english():
    from workload_app.ui.application import create_app, install_translators

    app = create_app()
    install_translators(app, "en")
    yield app
    install_translators(app, "zh_CN")


def test_stored_phrases_and_periods_in_english(english):
    assert audit_object("2025 年度参数第 3 版") == "2025 parameters, version 3"
    assert audit_object("2025 年度任务，自 7 月") == "2025 quotas, from month 7"
    assert (
        audit_object("第 12 批：2026年2月结案.xlsx，改派 4 件")
        == "Batch 12: 2026年2月结案.xlsx, 4 reassigned"
    )
    assert audit_object("2025 年度考核：罗娜") == "2025 grading: 罗娜"  # the name as recorded
    assert audit_object("admin") == "admin"  # a login is not a phrase
    assert stored_list("2024 年度标准案件、2025 年度平均页数") == "2024 standard cases, 2025 average pages"
    assert [months_to(m) for m in (1, 2, 12)] == ["January", "January–February", "January–December"]
    assert english.applicationDisplayName() == "Judge Workload Calculator"
    assert (
        pdf_caption("Save the sheet") == "Save the sheet — sheets are official documents, printed in Chinese"
    )


def test_the_same_in_chinese():
    from workload_app.ui.application import create_app, install_translators

    app = create_app()
    install_translators(app, "zh_CN")
    assert audit_object("2025 年度参数第 3 版") == "2025 年度参数第 3 版"
    assert stored_list("2024 年度标准案件、2025 年度平均页数") == "2024 年度标准案件、2025 年度平均页数"
    assert [months_to(m) for m in (1, 2, 12)] == ["1 月", "1—2 月", "1—12 月"]
    assert QApplication.applicationDisplayName() == "法官工作量计算器"
    assert pdf_caption("保存报表") == "保存报表"


def test_posts_on_the_parameters_page_in_english_keep_their_chinese_names(open_window, demo_db, qtbot):
    from workload_app.core.params import POSTS
    from workload_app.ui.application import install_translators
    from workload_app.ui.views.parameters import ParametersView

    install_translators(QApplication.instance(), "en")
    try:
        w = open_window(demo_db, "renshi")
        view = next(v for v in w.views if isinstance(v, ParametersView))
        w.show_view(view)
        w.tasks.wait(30_000)
        shown = [view.posts.item(r, 0).text() for r in range(view.posts.rowCount())]
        assert "Division head" in shown and not any("庭长" in t for t in shown)
        # what is saved keeps the parameters' Chinese post names and the fractions as shown
        fractions = view.build().quota.post_fractions
        assert set(dict(fractions)) == set(POSTS) and dict(fractions)["庭长"] == 0.6
    finally:
        install_translators(QApplication.instance(), "zh_CN")
