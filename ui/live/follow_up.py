"""The owner and due date of the action selected under the current item: an action needs only its text when
it is captured, and these follow when the room agrees on them.

Owners are offered from the attendee list — each person, then each organisation represented — since the
one who takes an action is in the room.  The editor says what the user chose (``owner_requested``,
``due_requested``); the window makes the undoable change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from app.domain.rules import fold
from app.i18n import _
from app.services.actions import ActionDetailView
from app.services.attendees import AttendeeView
from app.services.live import LiveAttendance
from ui.meeting_details_fields import FieldError, pass_undo_to_window


class ActionFollowUp(QWidget):
    owner_requested = Signal(str, object)  # action UUID, "person:<uuid>" / "organisation:<uuid>" or None
    due_requested = Signal(str, object)  # action UUID, a date or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action: ActionDetailView | None = None
        self._filling = False
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.owner_label = QLabel(self)
        self.owner = QComboBox(self)
        self.owner.setMinimumContentsLength(16)
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.owner_label.setBuddy(self.owner)
        self.due_label = QLabel(self)
        self.due = QLineEdit(self)  # typed in ISO order, unambiguous for every member agency; empty: none
        self.due.setMaximumWidth(120)
        self.due_label.setBuddy(self.due)
        pass_undo_to_window(self.due)
        self.calendar = QCalendarWidget(self)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("…")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.calendar_button.setMenu(menu)
        self.error = FieldError(self.due, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addSpacing(8)
        layout.addWidget(self.owner_label)
        layout.addWidget(self.owner, 1)
        layout.addWidget(self.due_label)
        layout.addWidget(self.due)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.error.label, 1)
        self.owner.activated.connect(self._owner_chosen)
        self.due.editingFinished.connect(self._due_typed)
        self.calendar.clicked.connect(self._day_picked)
        self.retranslate()
        self.show_action(None)

    @property
    def action(self) -> ActionDetailView | None:
        return self._action

    def set_choices(self, attendance: LiveAttendance | None) -> None:
        """People on the list, then the organisations they represent."""
        rows: Sequence[AttendeeView] = attendance.rows if attendance is not None else ()
        self._filling = True
        try:
            self.owner.clear()
            self.owner.addItem(_("No owner yet"), None)
            for row in sorted(rows, key=lambda r: (fold(r.family_name), fold(r.given_name))):
                text = (_("{name} ({organisation})").format(name=row.person_name, organisation=row.organisation_short)
                        if row.organisation_short else row.person_name)
                self.owner.addItem(text, f"person:{row.person_uuid}")
            organisations = {row.organisation_uuid: row.organisation_short for row in rows if row.organisation_uuid}
            for uuid, short in sorted(organisations.items(), key=lambda pair: fold(pair[1])):
                self.owner.addItem(_("{organisation} (the organisation)").format(organisation=short),
                                   f"organisation:{uuid}")
        finally:
            self._filling = False
        self.show_action(self._action)

    def show_action(self, action: ActionDetailView | None) -> None:
        self._action = action
        self.setEnabled(action is not None)
        self._filling = True
        try:
            self.heading.setText(_("Action {number}").format(number=action.number.rsplit("/", 1)[-1])
                                 if action is not None else _("Select an action"))
            key = action.owners[0].key if action is not None and action.owners else None
            index = self.owner.findData(key) if key is not None else 0
            if index < 0 and action is not None and action.owners:  # an owner not on the list: show them anyway
                self.owner.addItem(action.owners[0].name, key)
                index = self.owner.count() - 1
            self.owner.setCurrentIndex(max(index, 0))
            due = action.due_date if action is not None else None
            self.due.setText(due.isoformat() if due else "")
            if due:
                self.calendar.setSelectedDate(QDate(due.year, due.month, due.day))
            self.error.clear()
        finally:
            self._filling = False

    def retranslate(self) -> None:
        self.owner_label.setText(_("&Owner:"))
        self.due_label.setText(_("D&ue:"))
        self.due.setPlaceholderText(_("YYYY-MM-DD"))
        self.due.setToolTip(_("The due date as year-month-day; empty for none"))
        self.calendar_button.setToolTip(_("Pick the due date on a calendar"))
        if self.owner.count():
            self.owner.setItemText(0, _("No owner yet"))
        self.show_action(self._action)

    def _owner_chosen(self, index: int) -> None:
        if self._action is not None and not self._filling:
            self.owner_requested.emit(self._action.uuid, self.owner.itemData(index))

    def _due_typed(self) -> None:
        if self._action is None or self._filling:
            return
        text = self.due.text().strip()
        try:
            due = date.fromisoformat(text) if text else None
        except ValueError:
            self.error.show(_("Enter the due date as year-month-day, for example 2019-10-31."))
            return
        self.error.clear()
        if due != self._action.due_date:
            self.due_requested.emit(self._action.uuid, due)

    def _day_picked(self, day: QDate) -> None:
        self.calendar_button.menu().hide()
        self.due.setText(date(day.year(), day.month(), day.day()).isoformat())
        self._due_typed()
