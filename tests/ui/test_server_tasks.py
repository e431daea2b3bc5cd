"""The users' tasks on the court server, in the window: a judge's own figures, a 庭长's division,
人事 importing a month and printing everyone's sheets. Each login is the account's own login role,
under the server's row-level security."""

# ruff: noqa: F811 - the fixtures imported from tests.server_fixtures are test parameters here
from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import threading

import pandas as pd
import pytest
from click.testing import CliRunner

from tests.conftest import open_as_operator
from tests.server_fixtures import server_court, unique  # noqa: F401 - a fixture
from workload_app.cli import cli
from workload_app.core import demo_court
from workload_app.services import accounts

pytestmark = pytest.mark.gui

INITIAL = "Moved-pass-1"
YEAR = demo_court.YEARS[-1]


@pytest.fixture
def court(server_court, demo_file, tmp_path):
    """The small demo court moved onto a set-up server; its accounts (logins of their own: login
    roles are cluster-wide) as {role: (login, judge name or None, division or None)}."""
    path = tmp_path / "court.sqlite"
    shutil.copy(demo_file, path)
    suffix = unique("t").split("_", 1)[1]
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE users SET login = login || '_' || ?", (suffix,))
        rows = conn.execute(
            "SELECT u.role, u.login, j.name, d.name FROM users u LEFT JOIN judges j ON j.id = u.judge_id"
            " LEFT JOIN divisions d ON d.id = COALESCE(u.division_id, j.division_id)"
        ).fetchall()
    result = CliRunner().invoke(
        cli,
        ["server", "move-from", str(path), "--db", server_court.url, "--user", server_court.admin],
        env={"WORKLOAD_PASSWORD": server_court.password, "WORKLOAD_NEW_PASSWORD": INITIAL},
    )
    assert result.exit_code == 0, result.output
    return server_court, {role: (login, judge, division) for role, login, judge, division in rows}


def logged_in(site, login):
    db = open_as_operator(site.login(login, INITIAL))
    accounts.login(db, login, INITIAL)
    return db


@pytest.fixture
def server_window(qtbot, tmp_path, monkeypatch):
    """``server_window(site, login)``: the main window on the server as that account."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workload_app.ui.application import create_app
    from workload_app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    shown: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, **k: shown.append(a[2])))
    create_app()
    windows = []

    def make(site, login, lang="zh_CN"):
        from workload_app.ui.application import install_translators

        install_translators(QApplication.instance(), lang)
        db = logged_in(site, login)
        w = MainWindow(db, site.login(login, INITIAL), lang)
        w.messages = shown
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.tasks.wait(30_000)
        w.close()
        w.db.conn.close()
    from workload_app.ui.application import install_translators

    install_translators(QApplication.instance(), "zh_CN")


def _wait_idle(w, qtbot, timeout=60_000):
    qtbot.waitUntil(w.tasks.idle, timeout=timeout)


def test_a_judge_on_the_server_sees_the_tally_personnel_sees_and_when_it_was_computed(
    court, server_window, qtbot
):
    from workload_app.services import quotas as Q
    from workload_app.services import standard_cases as S

    site, who = court
    login, judge, _ = who["judge"]
    people = logged_in(site, who["personnel"][0])
    try:
        theirs = Q.assessment(people, YEAR, 12).set_index("judge").loc[judge]
        tally = S.tally(people, YEAR).set_index("judge").loc[judge]
        others = set(S.tally(people, YEAR)["judge"]) - {judge}
    finally:
        people.conn.close()
    assert tally["cases"] > 0 and len(others) > 5

    w = server_window(site, login)
    titles = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert titles == ["我的工作量", "案件", "长期未结", "报表", "年度考核", "疑问"]  # no view of other judges
    view = w.view_titled("我的工作量")
    qtbot.waitUntil(lambda: view.cases.rowCount() > 0, timeout=60_000)
    _wait_idle(w, qtbot)
    # the figures 人事 sees for this judge, read by the judge's own login under row-level security
    assert f"已完成 {theirs['sc']:.2f}" in view.summary.text()
    assert f"年度任务 {theirs['quota']:.2f}" in view.summary.text()
    assert f"结案 {int(tally['cases'])} 件" in view.summary.text()
    months = view.months.frame()
    assert months["cumulative"].iloc[-1] == pytest.approx(theirs["sc"], abs=1e-9)
    credited = view._all_cases.loc[view._all_cases["unit"] == "trial", "credited"].sum()
    assert credited == pytest.approx(tally["sc_trial"], abs=1e-9)
    # when 人事 computed what the judge reads, said in the view
    assert view.computed.isVisible()
    assert view.computed.text().startswith(f"{YEAR} 年度的数字由人事或管理员于 ")
    assert view.computed.text().endswith("计算。")
    assert [view.judge_box.itemText(i) for i in range(view.judge_box.count())] == [judge]
    w.grab().save("/tmp/server-tasks/judge_zh.png")

    # the other views name no other judge: 报表 offers their own sheet only; the lists hold their cases
    sheets = w.view_titled("报表")
    _wait_idle(w, qtbot)
    offered = [sheets.scope.itemText(i) for i in range(sheets.scope.count())]
    assert offered and all(judge in t for t in offered)
    assert not any(o in t for o in others for t in offered)
    cases = w.view_titled("案件")
    qtbot.waitUntil(lambda: cases.model.rowCount() > 0, timeout=60_000)
    _wait_idle(w, qtbot)
    shown = cases.frame
    assert (shown["judge"].eq(judge) | shown["panel"].fillna("").str.contains(judge)).all()
    assert len(shown[shown["judge"] == judge]) == len(view._all_cases[view._all_cases["role_code"] == "承办"])
    pending = w.view_titled("长期未结")
    _wait_idle(w, qtbot)
    assert set(pending.frame.get("judge", pd.Series(dtype=object))) <= {judge}


def test_a_division_head_on_the_server_sees_personnels_figures_of_the_division(court, server_window, qtbot):
    from workload_app.services import comparison as C
    from workload_app.services import quality as QS
    from workload_app.services import quotas as Q

    site, who = court
    login, _, division = who["division_head"]
    month = 6
    people = logged_in(site, who["personnel"][0])
    try:
        judges = Q.assessment(people, YEAR, month)
        judges = judges[judges["division"] == division].set_index("judge")
        divisions = C.divisions_with_comparison(people, YEAR, month).set_index("division")
        court_quality = QS.report(people, YEAR, month).division(division)
        balance = Q.balance(people, YEAR, month)
        appeals_date = next(i.data_date for i in court_quality.indicators if i.key == "acceptance_rate")
    finally:
        people.conn.close()
    assert len(judges) >= 3 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(appeals_date))

    w = server_window(site, login)
    w.month_box.setCurrentIndex(month - 1)
    titles = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert titles == ["概览", "我的工作量", "案件", "长期未结", "法官", "部门", "报表", "年度考核", "疑问"]

    overview = w.view_titled("概览")
    qtbot.waitUntil(lambda: overview.model.rowCount() > 0, timeout=60_000)
    _wait_idle(w, qtbot)
    shown = overview.model.frame()
    assert list(shown["division"]) == [division]
    assert shown["sc"].iloc[0] == pytest.approx(divisions.at[division, "sc"], abs=1e-9)
    assert f"审判 {balance['trial']:.3f}" in overview.summary.text()  # the court's balance, stored credit
    assert "由人事或管理员于" in overview.summary.text()
    w.grab().save("/tmp/server-tasks/head_overview_zh.png")

    people_view = w.view_titled("法官")
    qtbot.waitUntil(lambda: people_view.model.rowCount() > 0, timeout=60_000)
    _wait_idle(w, qtbot)
    seen = people_view.model.frame().set_index("judge")
    assert set(seen.index) == set(judges.index)
    judges["completion_pct"] = judges["completion"] * 100
    for col in ("sc", "quota", "target_to_date", "completion_pct", "rank_division", "rank_court"):
        assert seen[col].astype(float).to_dict() == pytest.approx(judges[col].astype(float).to_dict()), col
    assert "由人事或管理员于" in people_view.court.text()

    view = w.view_titled("部门")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=60_000)
    _wait_idle(w, qtbot)
    row = view.model.frame().set_index("division").loc[division]
    divisions["completion_pct"] = divisions["completion"] * 100
    divisions["court_completion_pct"] = divisions["court_completion"] * 100
    for col in ("sc", "completion_pct", "court_completion_pct", "court_sc_per_judge", "sc_last_year"):
        assert float(row[col]) == pytest.approx(float(divisions.at[division, col]), nan_ok=True), col
    # no transfer suggestion made from the division's rows alone: withheld, and said why
    assert view.transfers.rowCount() == 0
    assert "调剂建议需要全院的案件推算" in view.assumed.text()
    assert "由人事或管理员于" in view.assumed.text()
    w.grab().save("/tmp/server-tasks/head_divisions_zh.png")

    # 质效: the division's figures are 人事's; the appeals date is the court's, never the newest
    # of the division's own rows: none before a court-wide login kept it, then the court's
    head = w.db
    mine = QS.report(head, YEAR, month).division(division)
    assert [i.numerator for i in mine.indicators] == [i.numerator for i in court_quality.indicators]
    assert [i.denominator for i in mine.indicators] == [i.denominator for i in court_quality.indicators]
    dated = {
        i.key: i.data_date for i in mine.indicators if i.key in ("acceptance_rate", "reversed_remanded_rate")
    }
    assert dated == {"acceptance_rate": None, "reversed_remanded_rate": None}
    people = logged_in(site, who["personnel"][0])
    try:
        QS.keep_court_dates(people)  # what every court-wide import on the server ends with
    finally:
        people.conn.close()
    mine = QS.report(head, YEAR, month).division(division)
    assert {i.data_date for i in mine.indicators if i.key == "acceptance_rate"} == {appeals_date}


def test_transfers_are_not_projected_from_a_division_heads_rows(court):
    from workload_app.services import quotas as Q

    site, who = court
    head = logged_in(site, who["division_head"][0])
    try:
        assert not Q.transfers_shown(head)
        assert Q.transfers(head, YEAR, 6) == [] and Q.figures(head, YEAR, 6).transfers == ()
    finally:
        head.conn.close()
    people = logged_in(site, who["personnel"][0])
    try:
        assert Q.transfers_shown(people)
    finally:
        people.conn.close()


def _responsive(qtbot) -> None:
    """The window's event loop still runs: a timer posted now fires."""
    from PySide6.QtCore import QTimer

    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=2_000)


def _blocking(real, seen: list[int], release):
    def wrapper(*args, **kwargs):
        seen.append(threading.get_ident())
        assert release.wait(30), "the test never released the work"
        return real(*args, **kwargs)

    return wrapper


def _month_file(path, judges: pd.DataFrame, month: int):
    """A month's export of the case system: one case closed in ``month`` per judge given."""
    from tests.importing.conftest import HEADER, write_xlsx

    rows = [HEADER]
    for i, r in enumerate(judges.itertuples(), start=1):
        rows.append([
            i, f"(2025)渝0106民初{9000 + i}号", "民间借贷纠纷", r.judge, r.division,
            dt.date(YEAR, month - 2, 3), dt.date(YEAR, month, 10 + i), "判决", "普通程序", 120, 8, 6, None, None,
        ])  # fmt: skip
    return write_xlsx(path, rows, title="结案案件")


@pytest.mark.slow  # a month imported and every sheet printed on the server, in the window
def test_personnel_imports_a_month_and_prints_everyones_sheets_on_the_worker(
    court, server_window, qtbot, tmp_path, monkeypatch
):
    from pypdf import PdfReader

    from workload_app.services import imports as I
    from workload_app.services import standard_cases as S
    from workload_app.ui.dialogs.import_wizard import ImportWizard
    from workload_app.ui.views import sheets as sheets_view

    site, who = court
    w = server_window(site, who["personnel"][0])
    _wait_idle(w, qtbot)
    before = S.tally(w.db, YEAR).set_index("judge")
    civil = before[before["division"].str.startswith("民事") & (before["track"] == "trial")].head(4)
    judge_login, judge, _ = who["judge"]
    chosen = pd.concat([civil, before.loc[[judge]]]).reset_index()[["judge", "division"]]
    path = _month_file(tmp_path / "十二月结案.xlsx", chosen, 12)
    cases_before = w.db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]

    gui = threading.get_ident()
    seen: list[int] = []
    release = threading.Event()
    monkeypatch.setattr(I, "import_cases", _blocking(I.import_cases, seen, release))
    wizard = ImportWizard(w, path)
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.import_button.isEnabled, timeout=30_000)
    assert wizard.preview.rowCount() == len(chosen)
    try:
        wizard.run(dry_run=False)
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=10_000)
        _responsive(qtbot)  # the window answers while the import waits on the worker
    finally:
        release.set()
    qtbot.waitUntil(lambda: f"新增 {len(chosen)}" in wizard.summary.text(), timeout=60_000)
    _wait_idle(w, qtbot)
    assert seen[0] != gui
    assert w.db.conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == cases_before + len(chosen)
    after = S.tally(w.db, YEAR).set_index("judge")
    for name in chosen["judge"]:
        assert after.at[name, "cases"] == before.at[name, "cases"] + 1
        assert after.at[name, "sc_trial"] > before.at[name, "sc_trial"]
    untouched = after.index.difference(chosen["judge"])
    assert (after.loc[untouched, "cases"] == before.loc[untouched, "cases"]).all()
    # the judge's own login reads the new figure at once (人事's import recomputed on the server)
    mine = logged_in(site, judge_login)
    try:
        own = S.tally(mine, YEAR)
        assert own.iloc[0]["sc_trial"] == pytest.approx(after.at[judge, "sc_trial"], abs=1e-9)
        assert "此后案件已有变动" not in S.computed_note(mine, YEAR)
    finally:
        mine.conn.close()

    # everyone's sheets as one PDF, made on the worker
    view = w.view_titled("报表")
    qtbot.waitUntil(lambda: view.scope.count() > 0 and w.tasks.idle(), timeout=30_000)
    view.kind.setCurrentIndex(view.kind.findData("judge"))
    view.scope.setCurrentText("全院每位法官")
    assert view.scope.currentData() == ("all", None) and not view.single()
    view.combined.setChecked(True)
    folder = tmp_path / "sheets"
    folder.mkdir()
    made: list[int] = []
    release = threading.Event()
    monkeypatch.setattr(sheets_view, "export_sheets", _blocking(sheets_view.export_sheets, made, release))
    try:
        view.export(str(folder))
        qtbot.waitUntil(lambda: len(made) == 1, timeout=10_000)
        _responsive(qtbot)
    finally:
        release.set()
    qtbot.waitUntil(lambda: "已生成" in view.result.text(), timeout=300_000)
    assert made[0] != gui
    pdfs = sorted(folder.rglob("*.pdf"))
    own = {p.stem.rsplit("_", 1)[-1]: p for p in pdfs if p.stem.rsplit("_", 1)[-1] in after.index}
    assert set(own) == set(after.index)  # one sheet per judge in post, every one of them
    (combined,) = [p for p in pdfs if p not in own.values()]
    assert view.result.text() == f"已生成 {len(after) + 1} 个 PDF 于 {folder}"
    # the combined PDF: each judge's page set in turn, the same pages as the judge's own file
    reader = PdfReader(combined)
    book = reader.pages
    sizes = {name: len(PdfReader(p).pages) for name, p in own.items()}
    # the bookmarks (目录, then each division with its judges) give where each sheet starts
    items = [x for group in reader.outline if isinstance(group, list) for x in group]
    starts = [reader.get_destination_page_number(x) for x in items] + [len(book)]
    order = []
    for item, lo, hi in zip(items, starts, starts[1:], strict=False):
        name = next(n for n in own if n in item.title)
        assert hi - lo == sizes[name] and name in book[lo].extract_text()
        order.append(name)
    offset = starts[-1]
    assert offset == len(book) and sorted(order) == sorted(own)  # each judge's page set once


def test_the_judges_and_division_heads_notes_in_english(court, server_window, qtbot):
    import re

    site, who = court
    w = server_window(site, who["judge"][0], "en")
    view = w.my_view
    w.show_view(view)
    qtbot.waitUntil(lambda: view.cases.rowCount() > 0, timeout=60_000)
    _wait_idle(w, qtbot)
    assert re.fullmatch(
        rf"The figures of {YEAR} were computed by personnel or an administrator at \d{{4}}-\d\d-\d\d \d\d:\d\d\.",
        view.computed.text(),
    )
    w.grab().save("/tmp/server-tasks/judge_en.png")
    h = server_window(site, who["division_head"][0], "en")
    h.month_box.setCurrentIndex(5)
    divisions = h.view_titled("Divisions")
    qtbot.waitUntil(lambda: divisions.model.rowCount() > 0, timeout=60_000)
    _wait_idle(h, qtbot)
    assert "Transfer suggestions are projected from every case" in divisions.assumed.text()
    assert f"The figures of {YEAR} were computed by personnel or an administrator" in divisions.assumed.text()
    assert not re.search(r"[\u4e00-\u9fff]", divisions.assumed.text())
    h.grab().save("/tmp/server-tasks/head_divisions_en.png")


def test_a_judges_own_figures_after_the_cases_changed_read_the_stored_computation(court, pg_server):
    """Regression: 我的工作量 (my_workload.judge_context, case_explanation) computed the year under
    the judge's own login when the cases had changed since 人事's computation."""
    import psycopg

    from workload_app.services import my_workload as M
    from workload_app.services import standard_cases as S

    site, who = court
    login, judge, _ = who["judge"]
    mine = logged_in(site, login)
    try:
        fresh = M.my_workload(mine, YEAR, 12)
        with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
            su.execute(
                "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'cases_version'"
            )
            computations = su.execute("SELECT COUNT(*) FROM computations").fetchone()
        S.forget_cached()
        stale = M.my_workload(mine, YEAR, 12)
        assert stale["figures"]["assessment"]["sc"] == pytest.approx(fresh["figures"]["assessment"]["sc"])
        assert stale["cases"]["credited"].tolist() == pytest.approx(fresh["cases"]["credited"].tolist())
        case_id = int(stale["cases"]["case_id"].iloc[0])
        assert M.case_explanation(mine, YEAR, case_id)
        assert "此后案件已有变动" in S.computed_note(mine, YEAR)
        with psycopg.connect(pg_server.url(site.database), autocommit=True) as su:
            assert su.execute("SELECT COUNT(*) FROM computations").fetchone() == computations
    finally:
        mine.conn.close()
