"""Printing a PDF sheet through the system's print dialog.

Qt for Python ships no PDF renderer in its base wheels, so pages are rasterised with PDFium
(pypdfium2) at the printer's resolution (300 dpi at most) and painted onto the QPrinter."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

MAX_DPI = 300


def print_pdf(path: Path, parent: QWidget | None = None, printer: QPrinter | None = None) -> int:
    """Print ``path``; with no ``printer`` the user picks one in the print dialog.

    Returns the number of pages sent (0 when the dialog was cancelled)."""
    document = pdfium.PdfDocument(str(path))
    try:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(path.stem)
            dialog = QPrintDialog(printer, parent)
            dialog.setMinMax(1, len(document))
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        return _paint(document, printer, path.name)
    finally:
        document.close()


def preview_pdf(path: Path, parent: QWidget | None = None, title: str = "") -> QPrintPreviewDialog:
    """打印预览: the pages as they will print, with the print button of Qt's preview dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.stem)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"{title} — {path.name}" if title else path.name)

    def paint(target: QPrinter) -> None:
        document = pdfium.PdfDocument(str(path))
        try:
            _paint(document, target, path.name)
        finally:
            document.close()

    dialog.paintRequested.connect(paint)
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is not None:  # fits a 1366×768 office screen
        area = screen.availableGeometry()
        dialog.resize(min(900, area.width() - 40), area.height() - 60)
    dialog.exec()
    return dialog


def _paint(document: pdfium.PdfDocument, printer: QPrinter, name: str) -> int:
    first, last = printer.fromPage(), printer.toPage()
    pages = range((first or 1) - 1, (last or len(document)))
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"无法开始打印「{name}」：打印机不可用")
    sent = 0
    try:
        for n, i in enumerate(pages):
            if n:
                printer.newPage()
            bitmap = document[i].render(scale=dpi / 72, rev_byteorder=True)
            pixels = bitmap.to_numpy()
            h, w = pixels.shape[:2]
            fmt = QImage.Format.Format_RGB888 if pixels.shape[2] == 3 else QImage.Format.Format_RGBA8888
            image = QImage(pixels.data, w, h, pixels.strides[0], fmt)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            target = QRectF(0, 0, area.width(), area.height())
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
            sent += 1
    finally:
        painter.end()
    return sent
