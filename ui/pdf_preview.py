"""The preview of a printed output (minutes, agenda, sign-in sheet, action register, attendee list): the PDF
as it will print, with Print…, Open in the system PDF viewer, Save as PDF…, and the choice of language
(English, Français, bilingual) and paper (A4, Letter), remembered between runs.

The PDF is made by a plain function in a QThreadPool worker, which gets the database path and the meeting's
UUID, reports progress and checks for Cancel through queued signals and an event; it never touches a widget.
The window's menus open it with ``show_output_preview(parent, db_path, meeting_uuid, output_kind)``.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QObject,
    QRunnable,
    QSettings,
    QSize,
    Qt,
    QTemporaryDir,
    QThreadPool,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ChairdeskError
from app.i18n import N_, _, current_language
from ui.language import LANGUAGE_NAMES

# (language, paper, progress(done, total), cancelled()) -> the PDF's bytes
Producer = Callable[[str, str, Callable[[int, int], None], Callable[[], bool]], bytes]

SETTINGS_LANGUAGE = "output_preview/language"
SETTINGS_PAPER = "output_preview/paper"
MAX_PRINT_DPI = 600  # a page at 1200 dpi is a 560 MB image: beyond 600 dpi the eye sees no difference
TITLES = {"minutes": N_("Minutes"), "agenda": N_("Agenda"), "signin": N_("Sign-in sheet"),
          "actions": N_("Action register"), "attendees": N_("Attendee list")}


def output_producer(db_path: Path, meeting_uuid: str | None, output_kind: str) -> Producer:
    """The function a worker runs: opens its own handle on the database, renders, closes."""

    def produce(language: str, paper: str, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> bytes:
        # The core and ReportLab load here, in the worker, not when the window starts.
        from app.persistence.database import open_database
        from app.reports import OutputOptions, render_output_bytes

        db = open_database(db_path)
        try:
            options = OutputOptions(language=language, paper=paper)  # type: ignore[arg-type]
            return render_output_bytes(db, output_kind, meeting_uuid, options, progress, cancelled)  # type: ignore[arg-type]
        finally:
            db.close()

    return produce


class _JobSignals(QObject):
    progressed = Signal(int, int, int)  # job, done, total
    succeeded = Signal(int, bytes)
    failed = Signal(int, str)
    cancelled = Signal(int)


class _Job(QRunnable):
    def __init__(self, number: int, produce: Producer, language: str, paper: str, signals: _JobSignals,
                 stop: threading.Event) -> None:
        super().__init__()
        self._number, self._produce, self._language, self._paper = number, produce, language, paper
        self._signals, self._stop = signals, stop  # the job keeps its signals alive, whatever the dialog does

    def run(self) -> None:
        from app.reports import Cancelled

        try:
            data = self._produce(self._language, self._paper,
                                 lambda done, total: self._signals.progressed.emit(self._number, done, total),
                                 self._stop.is_set)
        except Cancelled:
            self._signals.cancelled.emit(self._number)
        except ChairdeskError as exc:
            self._signals.failed.emit(self._number, str(exc))
        except Exception:  # noqa: BLE001 — a bug: shown, never lost in a thread
            self._signals.failed.emit(self._number, traceback.format_exc())
        else:
            self._signals.succeeded.emit(self._number, data)


class PdfPreviewDialog(QDialog):
    """Shows the PDF ``produce`` makes, re-made whenever the language or the paper changes."""

    document_ready = Signal()

    def __init__(self, parent: QWidget | None, produce: Producer, title: str, file_stem: str,
                 settings: QSettings | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._produce, self._title, self._file_stem = produce, title, file_stem
        self._settings = settings if settings is not None else QSettings()
        self._pool = pool or QThreadPool.globalInstance()
        self._temp = QTemporaryDir()
        self._data = b""
        self._job = 0
        self._stop = threading.Event()
        self._signals = _JobSignals()
        self._signals.progressed.connect(self._progressed)
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self._signals.cancelled.connect(self._cancelled)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.language_box, self.paper_box = QComboBox(self), QComboBox(self)
        for code in ("en", "fr", "bilingual"):
            self.language_box.addItem("", code)
        for code in ("a4", "letter"):
            self.paper_box.addItem("", code)
        self.language_label, self.paper_label = QLabel(self), QLabel(self)
        self.language_label.setBuddy(self.language_box)
        self.paper_label.setBuddy(self.paper_box)
        self.print_button, self.open_button = QPushButton(self), QPushButton(self)
        self.save_button, self.close_button = QPushButton(self), QPushButton(self)
        self.progress, self.cancel_button, self.status = QProgressBar(self), QPushButton(self), QLabel(self)

        bar = QHBoxLayout()
        left: tuple[QWidget, ...] = (self.language_label, self.language_box, self.paper_label, self.paper_box)
        for widget in left:
            bar.addWidget(widget)
        bar.addStretch(1)
        right: tuple[QWidget, ...] = (self.print_button, self.open_button, self.save_button)
        for widget in right:
            bar.addWidget(widget)
        bottom = QHBoxLayout()
        busy: tuple[QWidget, ...] = (self.status, self.progress, self.cancel_button)
        for widget in busy:
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

        self._restore_choices()
        self.language_box.currentIndexChanged.connect(self._choice_changed)
        self.paper_box.currentIndexChanged.connect(self._choice_changed)
        self.print_button.clicked.connect(self.ask_print)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.save_button.clicked.connect(self.ask_save)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.resize(900, 1000)
        self.retranslate()
        self.generate()

    # --- texts and choices ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(_("{title} — preview").format(title=self._title))
        names = {"en": LANGUAGE_NAMES["en"], "fr": LANGUAGE_NAMES["fr"], "bilingual": _("Bilingual")}
        for index in range(self.language_box.count()):
            self.language_box.setItemText(index, names[self.language_box.itemData(index)])
        for index, name in enumerate((_("A4"), _("Letter"))):
            self.paper_box.setItemText(index, name)
        self.language_label.setText(_("&Language:"))
        self.paper_label.setText(_("&Paper:"))
        self.print_button.setText(_("&Print…"))
        self.open_button.setText(_("&Open in PDF viewer"))
        self.save_button.setText(_("&Save as PDF…"))
        self.cancel_button.setText(_("Cancel"))
        self.close_button.setText(_("Close"))

    def _restore_choices(self) -> None:
        from app.reports import default_paper

        language = str(self._settings.value(SETTINGS_LANGUAGE, current_language(), type=str))
        paper = str(self._settings.value(SETTINGS_PAPER, default_paper(), type=str))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.paper_box.setCurrentIndex(max(0, self.paper_box.findData(paper)))

    @property
    def language(self) -> str:
        return str(self.language_box.currentData())

    @property
    def paper(self) -> str:
        return str(self.paper_box.currentData())

    def _choice_changed(self) -> None:
        self._settings.setValue(SETTINGS_LANGUAGE, self.language)
        self._settings.setValue(SETTINGS_PAPER, self.paper)
        self._settings.sync()
        self.generate()

    # --- generation -----------------------------------------------------------------------------------

    def generate(self) -> None:
        """Make the PDF again for the current choices; a generation still running is cancelled."""
        self._stop.set()
        self._stop = threading.Event()
        self._job += 1
        self._set_busy(True)
        self.status.setText(_("Preparing the document…"))
        self._pool.start(_Job(self._job, self._produce, self.language, self.paper, self._signals, self._stop))

    def is_busy(self) -> bool:
        return self.cancel_button.isEnabled()

    def cancel(self) -> None:
        self._stop.set()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setRange(0, 0)
        for button in (self.print_button, self.open_button, self.save_button):
            button.setEnabled(not busy and bool(self._data))

    @Slot(int, int, int)
    def _progressed(self, job: int, done: int, total: int) -> None:
        if job == self._job:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)

    @Slot(int, bytes)
    def _succeeded(self, job: int, data: bytes) -> None:
        if job != self._job:
            return
        self._data = bytes(data)
        path = Path(self._temp.path()) / f"preview-{job}.pdf"
        path.write_bytes(self._data)
        self.document.load(str(path))
        self.status.setText("")
        self._set_busy(False)
        self.document_ready.emit()

    @Slot(int, str)
    def _failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._set_busy(False)
            self.status.setText(message.strip().splitlines()[-1] if message.strip() else _("The document could not be made."))

    @Slot(int)
    def _cancelled(self, job: int) -> None:
        if job == self._job:
            self._set_busy(False)
            self.status.setText(_("Cancelled."))

    # --- printing and saving --------------------------------------------------------------------------

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def print_to(self, printer: QPrinter) -> None:
        """Each page rendered at the printer's resolution (at most 600 dpi) and drawn to fill its page."""
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(_("The printer could not be started."))
            return
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                image = self.document.render(page, QSize(round(points.width() * dpi / 72),
                                                         round(points.height() * dpi / 72)))
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
                painter.setWindow(0, 0, target.width(), target.height())
        finally:
            painter.end()

    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._file_stem)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def open_in_viewer(self) -> Path:
        """A copy in a temporary folder, opened by the system's PDF viewer; returns its path."""
        path = Path(self._temp.path()) / f"{self._file_stem}-{self.language}.pdf"
        path.write_bytes(self._data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def ask_save(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), f"{self._file_stem}-{self.language}.pdf", _("PDF documents (*.pdf)"))
        if name:
            target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
            try:
                target.write_bytes(self._data)
            except OSError as exc:
                self.status.setText(_("Cannot write {path}: {reason}").format(path=target, reason=exc.strerror))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.cancel()
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel()
        super().reject()


def show_output_preview(parent: QWidget | None, db_path: Path, meeting_uuid: str | None, output_kind: str,
                        reference: str = "", settings: QSettings | None = None) -> PdfPreviewDialog:
    """Open the preview of one output of a meeting (``actions`` with no meeting: every meeting's actions).

    The dialog is window-modal and deletes itself when closed; it is returned for tests.
    """
    title = _(TITLES[output_kind])
    stem = "-".join(part for part in (reference or (meeting_uuid or "all")[:8], output_kind) if part)
    dialog = PdfPreviewDialog(parent, output_producer(Path(db_path), meeting_uuid, output_kind), title, stem, settings)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
