"""Unexpected errors: written to the log file and shown in a dialog, never a bare traceback on a console.

The GUI has no console on Windows, so a Python exception in a slot would otherwise vanish.  Nothing is lost
when the dialog appears: every service call is its own transaction, so the action that failed wrote
nothing and everything before it is already saved; the user can go on working.  An error raised from a
thread other than the GUI's is carried to the GUI thread by a queued signal before any widget is touched.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.i18n import _

log = logging.getLogger("chairdesk")


def log_folder() -> Path:
    from platformdirs import user_log_path

    return user_log_path("Chairdesk", appauthor=False)


def configure_logging(folder: Path | None = None) -> Path:
    """Log to ``chairdesk.log`` in the user's log folder (kept small: 3 files of 1 MB)."""
    target = folder or log_folder()
    target.mkdir(parents=True, exist_ok=True)
    path = target / "chairdesk.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def show_unexpected_error(details: str, parent: QWidget | None = None, log_path: Path | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Unexpected error"))
    box.setText(_("Something went wrong in Chairdesk. Your data is safe: the action that failed wrote "
                  "nothing, and everything before it is saved. You can go on working."))
    if log_path is not None:
        box.setInformativeText(_("The details were written to {path}.").format(path=log_path))
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


class CrashReporter(QObject):
    """Installed as ``sys.excepthook``; shows at most one dialog at a time and logs every error."""

    reported = Signal(str)

    def __init__(self, log_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.window: QWidget | None = None
        self._showing = False
        self._previous_hook = sys.excepthook
        self.reported.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook

    def excepthook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        self.report(details)

    def report(self, details: str) -> None:
        """Log ``details`` and show them; safe to call from any thread."""
        log.error("Unexpected error\n%s", details)
        app = QApplication.instance()
        if app is None:
            sys.stderr.write(details)
            return
        if QThread.currentThread() is app.thread():
            self._show(details)
        else:
            self.reported.emit(details)  # queued to the GUI thread

    @Slot(str)
    def _show(self, details: str) -> None:
        if self._showing:  # an error while the dialog is up (a paint loop): logged, not stacked
            return
        self._showing = True
        try:
            show_unexpected_error(details, self.window, self.log_path)
        finally:
            self._showing = False
