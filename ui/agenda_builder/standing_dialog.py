"""Asking which earlier meeting the standing items (approval of its minutes, review of its open actions)
refer to.  The dialog offers the meetings held before, the latest first; ``submit`` is called with the
choice and may refuse it (``DomainError``), in which case the message shows under the list and the dialog
stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.errors import DomainError
from app.i18n import _, current_language
from app.meeting_text import meeting_date
from app.services.views import MeetingSummary

ERROR_STYLE = "color: #B00020;"


class StandingItemsDialog(QDialog):
    def __init__(self, meetings: Sequence[MeetingSummary], submit: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        language = current_language()
        self.setWindowTitle(_("Add the standing items"))
        self.explanation = QLabel(_("Two items will be added after the opening: approval of the minutes of the "
                                    "previous meeting, and review of its open actions, in English and French."),
                                  self)
        self.explanation.setWordWrap(True)
        self.meeting = QComboBox(self)
        for meeting in meetings:
            self.meeting.addItem(_("{reference} — {date} — {title}").format(
                reference=meeting.reference, date=meeting_date(meeting, language), title=meeting.title(language)),
                meeting.uuid)
        self.meeting.setAccessibleName(_("Previous meeting"))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        label = QLabel(_("Previous meeting:"), self)
        label.setBuddy(self.meeting)
        form.addRow(label, self.meeting)
        form.addRow("", self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if not meetings:
            self.show_error(_("No meeting was held before this one."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.resize(560, self.sizeHint().height())

    def show_error(self, message: str) -> None:
        self.error.setText(_("⚠ {message}").format(message=message))
        self.error.show()

    def accept(self) -> None:
        uuid = self.meeting.currentData()
        if not uuid:
            return
        try:
            self._submit(str(uuid))
        except DomainError as exc:
            self.show_error(str(exc))
            self.meeting.setFocus()
            return
        super().accept()
