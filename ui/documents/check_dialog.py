"""Help › Check the database: the same check as ``chairdesk check``, run in a worker, its findings shown
fault by fault — what is wrong and what it is about (document, version, decision, audit event).

``run_integrity_check(parent, context)`` is what the main window wires to the menu.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.document_report import integrity_lines
from app.i18n import _, current_language
from app.services.document_views import IntegrityReport
from ui.context import AppContext
from ui.documents import file_tasks


class CheckDialog(QDialog):
    check_finished = Signal(object)  # the IntegrityReport, or None if the check could not run

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkDialog")
        self.report: IntegrityReport | None = None
        self.setWindowTitle(_("Check the database"))
        self.headline = QLabel(_("Checking the database, its audit log and every stored file…"), self)
        self.headline.setObjectName("checkHeadline")
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.setFont(QFont("DejaVu Sans", 9))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def show_report(self, report: IntegrityReport) -> None:
        self.report = report
        self.details.setPlainText("\n".join(integrity_lines(report, current_language())))
        if report.ok:
            self.headline.setStyleSheet("color: #1B5E20; font-weight: bold;")
            self.headline.setText(_("No fault found: the database, its audit log and every stored file are as "
                                    "Chairdesk wrote them."))
        else:
            self.headline.setStyleSheet("color: #B00020; font-weight: bold;")
            self.headline.setText(_("The check found faults. Keep a copy of this file and of this report, and "
                                    "restore the database from a backup."))
        self.check_finished.emit(report)

    def show_failure(self, message: str) -> None:
        self.headline.setStyleSheet("color: #B00020; font-weight: bold;")
        self.headline.setText(_("The check could not run: {problem}").format(problem=message))
        self.check_finished.emit(None)


def run_integrity_check(parent: QWidget | None, context: AppContext) -> CheckDialog:
    """Check the open database in a worker and show what it finds; returns the (non-modal) dialog."""
    dialog = CheckDialog(parent)  # kept by its parent, not deleted on close: the worker may still report to it
    db = context.db
    if db is None:
        dialog.show_failure(_("No database is open"))
    else:
        context.tasks.start(file_tasks.check, (db.path,), dialog.show_report, dialog.show_failure)
    dialog.show()
    return dialog
