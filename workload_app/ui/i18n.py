"""Translating labels that live in tables of constants (column headers, choices, role names).

``self.tr("…")`` covers literal text in a widget; a label kept in a dict or tuple goes through
``label``, in one translation context, ``labels``. ``resources/i18n/update_ts.py`` collects both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def label(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def labels(mapping: dict[str, str]) -> dict[str, str]:
    return {k: label(v) for k, v in mapping.items()}


def track_label(track: str) -> str:
    """审判 / 执行, in the window's language."""
    from workload_app.core.formatting import TRACK_LABELS

    return label(TRACK_LABELS[track])
