"""The small dialog that records progress on an action: its new status (if it changed) and a note.

It calls the service itself when OK is pressed, through the undo stack, so that a refused entry is shown
at its field and the dialog stays open; the minutes page, the review of actions and the tracker share it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ActionStatus
from app.errors import DomainError
from app.i18n import _, current_language
from app.services import actions as service
from app.services.actions import ActionDetailView
from ui.context import AppContext
from ui.minutes.fields import EnumCombo, error_label, show_error
from ui.undo import perform

KINDS = ("action", "minutes")


def record_progress(context: AppContext, action: ActionDetailView, meeting_uuid: str | None,
                    status: ActionStatus | None, note: str, parent: QWidget | None = None) -> object:
    """Record an update through the undo stack (undo removes it and puts the status back)."""
    db, kept = context.require_db(), {}
    before = action.status
    new_status = status if status != before else None

    def do() -> object:
        kept["update"] = service.record_update(db, action.uuid, meeting_uuid, new_status, note)
        return kept["update"]

    return perform(context, _("Record progress on {number}").format(number=action.number), do,
                   lambda: service.remove_update(db, kept["update"].uuid, before), KINDS, (action.uuid,), parent)


class ProgressDialog(QDialog):
    def __init__(self, context: AppContext, action: ActionDetailView, meeting_uuid: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context, self._action, self._meeting = context, action, meeting_uuid
        self.setWindowTitle(_("Record progress on {number}").format(number=action.number))
        self.status = EnumCombo(list(ActionStatus), self)
        self.status.set_value(action.status)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.error = error_label(self)
        form = QFormLayout()
        summary = QLabel(action.text(current_language()), self)
        summary.setWordWrap(True)
        form.addRow(summary)
        form.addRow(_("New status:"), self.status)
        form.addRow(_("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def accept(self) -> None:
        status = self.status.value()
        assert isinstance(status, ActionStatus)
        try:
            record_progress(self._context, self._action, self._meeting, status, self.note.toPlainText(), self)
        except DomainError as problem:
            show_error(self.error, problem)
            return
        super().accept()
