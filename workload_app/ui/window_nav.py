"""The main window's navigation: the views the user's role has a use for, switching between them,
and which of them an action's ``Changes`` redraws."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from workload_app.services import access
from workload_app.services.changes import Changes
from workload_app.ui import db_errors


class WindowNavigation:
    """Part of ``MainWindow`` (its texts are looked up under this class's name, see
    ``MainWindow.tr``)."""

    def _make_views(self) -> list[tuple[str, QWidget]]:
        """The views the logged-in user's role has a use for (the services enforce the limits)."""
        from workload_app.ui.views.audit_log import AuditView
        from workload_app.ui.views.cases import CasesView
        from workload_app.ui.views.my_workload import MyWorkloadView
        from workload_app.ui.views.overview import OverviewView
        from workload_app.ui.views.parameters import ParametersView
        from workload_app.ui.views.people import DivisionsView, JudgesView
        from workload_app.ui.views.quotas import QuotasView
        from workload_app.ui.views.review import ReviewView
        from workload_app.ui.views.sheets import SheetsView
        from workload_app.ui.views.users import UsersView

        scope = self.scope
        browses = scope.allows(access.Action.BROWSE_PEOPLE)  # 管理员, 人事, 庭长: not a 法官
        self.cases_view = CasesView(self)
        self.sheets_view = SheetsView(self)
        views: list[tuple[str, QWidget]] = []
        if browses:
            views.append((self.tr("概览"), OverviewView(self)))
        if self.user.judge or browses:
            self.my_view = MyWorkloadView(self)
            views.append((self.tr("我的工作量") if self.user.judge else self.tr("个人工作量"), self.my_view))
        views.append((self.tr("案件"), self.cases_view))
        from workload_app.ui.views.pending import PendingView

        views.append((self.tr("长期未结"), PendingView(self)))
        if scope.allows(access.Action.REVIEW_PAGES):  # 人事 and 管理员 decide on held page counts
            self.review_view = ReviewView(self)
            views.append((self.tr("待复核"), self.review_view))
        if browses:
            views += [(self.tr("法官"), JudgesView(self)), (self.tr("部门"), DivisionsView(self))]
        if scope.allows(access.Action.PLAN_QUOTAS):  # 人事 and 管理员: the year's parameters and quotas
            views += [(self.tr("参数"), ParametersView(self)), (self.tr("任务"), QuotasView(self))]
        views.append((self.tr("报表"), self.sheets_view))
        from workload_app.ui.views.grades import GradesView

        self.grades_view = GradesView(self)  # 年度考核: 人事 runs it, a judge sees their own page
        views.append((self.tr("年度考核"), self.grades_view))
        from workload_app.ui.views.queries import QueriesView

        self.queries_view = QueriesView(self)  # 对此有疑问: 人事 answers, others see their own
        views.append((self.tr("疑问"), self.queries_view))
        if scope.allows(
            access.Action.EDIT_ROSTER
        ):  # 人事 and 管理员 keep the roster (post, dates, moves between divisions)
            from workload_app.ui.views.roster import RosterView

            self.roster_view = RosterView(self)
            views.append((self.tr("名册"), self.roster_view))
        if scope.allows(access.Action.VIEW_AUDIT):
            views.append((self.tr("日志"), AuditView(self)))
        if scope.allows(access.Action.MANAGE_USERS):
            views.append((self.tr("用户"), UsersView(self)))
        return views

    def view_titled(self, title: str) -> QWidget:
        """The view behind a navigation entry (by its title), shown."""
        for i in range(self.nav.count()):
            if self.nav.item(i).text() == title:
                self.nav.setCurrentRow(i)
                return self.views[i]
        raise KeyError(title)

    def show_view(self, view: QWidget) -> None:
        self.nav.setCurrentRow(self.views.index(view))

    def _show_view(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self.refresh_current()

    def refresh_current(self) -> None:
        view = self.stack.currentWidget()
        if view is not None and not self.year() and hasattr(view, "show_empty"):
            view.show_empty()  # nothing imported yet: the view says what to do in the window
            return
        if view is None or not hasattr(view, "refresh") or not self.year():
            return
        try:
            view.refresh()
        except Exception as exc:  # noqa: BLE001 - a view that cannot show its data says why
            QMessageBox.warning(self, self.tr("无法显示"), db_errors.text(exc))

    # The data each view draws from: an action's Changes redraws the views it touches, no others.
    SUBSCRIPTIONS: dict[str, frozenset[str]] = {
        "OverviewView": frozenset({"cases", "results", "params", "plans", "roster"}),
        "MyWorkloadView": frozenset({"cases", "results", "params", "plans", "roster"}),
        "CasesView": frozenset({"cases", "results", "roster"}),
        "PendingView": frozenset({"cases", "roster"}),
        "ReviewView": frozenset({"cases", "results"}),
        "JudgesView": frozenset({"cases", "results", "params", "plans", "roster"}),
        "DivisionsView": frozenset({"cases", "results", "params", "plans", "roster"}),
        "ParametersView": frozenset({"params"}),
        "QuotasView": frozenset({"cases", "params", "plans", "roster"}),
        "SheetsView": frozenset({"cases", "results", "params", "plans", "roster", "settings"}),
        "QueriesView": frozenset({"cases"}),
        "AuditView": frozenset(Changes.FLAGS),  # every action is audited
        "UsersView": frozenset({"accounts", "roster"}),
        "RosterView": frozenset({"roster"}),
        "GradesView": frozenset({"grades", "results", "params", "plans", "roster"}),
    }

    def subscriptions(self, view: QWidget) -> frozenset[str]:
        """The kinds of data ``view`` depends on (every kind for a view not listed)."""
        return self.SUBSCRIPTIONS.get(type(view).__name__, frozenset(Changes.FLAGS))

    def apply_changes(self, changes: Changes) -> None:
        """A user action finished: refresh the period list and the status bar; redraw the visible
        view if the action changed what it shows; tell every other subscriber (``changed``)."""
        if changes.cases or changes.params:
            self._fill_years()
        self._update_status()
        view = self.stack.currentWidget()
        if view is not None and changes.touches(self.subscriptions(view)):
            self.refresh_current()
        self.changed.emit(changes)
