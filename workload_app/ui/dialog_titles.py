"""Dialog titles that are not cut: a dialog is at least as wide as its title needs.

A window manager elides a title wider than its window; a small dialog (确认页数, 未结原因：案号…)
with the application's name that Qt adds after the title ("… — 法官工作量计算器") lost most of its
title. Every dialog shown is widened to fit its whole title, up to the screen's width; message
boxes size themselves and are left alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLayout, QMessageBox, QWidget

# the title bar's icon, its three buttons and margins, on the common Windows and Linux themes
TITLE_BAR_EXTRA = 170


def shown_title(widget: QWidget) -> str:
    """The title as a title bar shows it: with the application's display name after it."""
    title = widget.windowTitle()
    name = QGuiApplication.applicationDisplayName()
    if name and name not in title:
        return f"{title} — {name}" if title else name
    return title


def title_width(widget: QWidget) -> int:
    """The width a title bar needs to show ``widget``'s whole title (in a bold title font)."""
    font = QFont(QApplication.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(shown_title(widget)) + TITLE_BAR_EXTRA


def fit_title(dialog: QWidget) -> None:
    """Widen ``dialog`` (its minimum and its size) to its title's width, within its screen."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    limit = screen.availableGeometry().width() - 40 if screen is not None else 1280
    need = min(title_width(dialog), limit)
    layout = dialog.layout()
    if layout is not None and layout.sizeConstraint() != QLayout.SizeConstraint.SetDefaultConstraint:
        # a layout that sets the dialog's minimum itself (QInputDialog's) would undo ours
        layout.setSizeConstraint(QLayout.SizeConstraint.SetDefaultConstraint)
    if dialog.minimumWidth() < need:
        dialog.setMinimumWidth(need)
    if dialog.width() < need:
        dialog.resize(need, dialog.height())


class DialogTitles(QObject):
    """Installed on the application: every dialog is fitted to its title when shown."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.Show
            and isinstance(obj, QDialog)
            and not isinstance(obj, QMessageBox)
            and obj.isWindow()
        ):
            fit_title(obj)
        return False


_installed: list[DialogTitles] = []  # the one filter of the process's application (kept alive here)


def install(app: QApplication) -> None:
    """Fit every dialog ``app`` shows to its title (once per application)."""
    if not _installed:
        _installed.append(DialogTitles())
        app.installEventFilter(_installed[0])
