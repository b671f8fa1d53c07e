"""The panels of the standing items of a later meeting: the review of open actions of earlier meetings
(their progress recorded against this meeting) and the approval of the previous meeting's minutes (by a
decision recorded under the item)."""

from __future__ import annotations

from uuid import uuid4

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ActionStatus
from app.errors import DomainError
from app.i18n import _, current_language
from app.services import minutes_approval
from app.services.actions import ReviewRow
from app.services.minutes import MinutesItemView, MinutesState
from ui.context import AppContext
from ui.minutes.actions_panel import shortcut
from ui.minutes.fields import EnumCombo, error_label, show_error
from ui.minutes.item_models import ReviewColumn, ReviewModel
from ui.minutes.progress_dialog import record_progress
from ui.minutes.texts import state_text
from ui.undo import perform


class ReviewPanel(QWidget):
    """Open actions of earlier meetings; choose one, set its status and a note, press Ctrl+Enter."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._meeting: str | None = None
        self._locked = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.model = ReviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(ReviewColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        self.status = EnumCombo(list(ActionStatus), self)
        self.note = QLineEdit(self)
        self.record_button = QPushButton(self)
        self.status_label = QLabel(self)
        self.status_label.setBuddy(self.status)
        self.error = error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.status_label)
        row.addWidget(self.status)
        row.addWidget(self.note, 1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.record_button.clicked.connect(self.record)
        self.note.returnPressed.connect(self.record)
        shortcut(self, QKeySequence("Ctrl+Return"), self.record)
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._current_changed())
        self.retranslate()

    def show_review(self, meeting_uuid: str, rows: list[ReviewRow], locked: bool) -> None:
        self._meeting, self._locked = meeting_uuid, locked
        keep = self.current()
        self.model.set_rows(rows)
        row = self.model.row_of(keep.action.uuid) if keep else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        for widget in (self.status, self.note, self.record_button):
            widget.setEnabled(bool(rows) and not locked)
        self._current_changed()

    def current(self) -> ReviewRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _current_changed(self) -> None:
        row = self.current()
        if row is not None:
            self.status.set_value(row.action.status)

    def record(self) -> None:
        row = self.current()
        if row is None or self._meeting is None or self._locked:
            return
        status = self.status.value()
        assert isinstance(status, ActionStatus)
        try:
            record_progress(self._context, row.action, self._meeting, status, self.note.text(), self)
        except DomainError as problem:
            show_error(self.error, problem)
            return
        show_error(self.error, None)
        self.note.clear()

    def retranslate(self) -> None:
        self.intro.setText(_("Actions of earlier meetings still open, and those reviewed here. Choose one, set its "
                             "status, add a note and press Ctrl+Enter: the update is recorded against this meeting."))
        self.status_label.setText(_("Status:"))
        self.note.setPlaceholderText(_("Note on the progress"))
        self.record_button.setText(_("Record update"))
        self.status.retranslate()
        self.model.retranslate()


class PreviousMinutesPanel(QWidget):
    """The earlier meeting's minutes and the button that approves them by a decision of this meeting."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._item: MinutesItemView | None = None
        self._earlier: MinutesState | None = None
        self._locked = False
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.approve_button = QPushButton(self)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.approve_button)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.approve_button.clicked.connect(self.approve)

    def show_item(self, item: MinutesItemView, earlier: MinutesState | None, locked: bool) -> None:
        self._item, self._earlier, self._locked = item, earlier, locked
        self.retranslate()

    def approve(self) -> None:
        item, earlier = self._item, self._earlier
        if item is None or earlier is None or self._locked:
            return
        db, decision = self._context.require_db(), str(uuid4())
        try:
            perform(self._context, _("Approve the minutes of {reference}").format(reference=earlier.reference),
                    lambda: minutes_approval.approve_previous_minutes(db, item.item_uuid, decision_uuid=decision),
                    lambda: minutes_approval.undo_previous_minutes_approval(db, decision),
                    ("decision", "minutes", "meeting", "agenda"), (decision, earlier.meeting_uuid), self)
        except DomainError as problem:
            show_error(self.error, problem)
            return
        show_error(self.error, None)

    def retranslate(self) -> None:
        earlier = self._earlier
        if earlier is None:
            self.state.setText(_("This item does not name the earlier meeting whose minutes it approves."))
            self.approve_button.hide()
            return
        self.state.setText(_("Minutes of {reference}: {state}").format(
            reference=earlier.reference, state=state_text(earlier, current_language())))
        self.approve_button.setText(_("Approve the minutes of {reference} by a decision of this meeting").format(
            reference=earlier.reference))
        self.approve_button.setVisible(not earlier.approved)
        self.approve_button.setEnabled(not self._locked and not earlier.locked)
