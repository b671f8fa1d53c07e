"""The check-in panel: the quorum of now, a search over the attendee list, the list itself (Space ticks
present, Shift+Space online, a click on a box does the same) and the Walk-in button.

Enter in the search field ticks the first person found as present and selects the search for the next
name, so a queue at the door is checked in by typing.  The panel says what the user asked for
(``toggle_requested``, ``walk_in_requested``); the window records it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
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

from app.domain.enums import Attendance, QuorumRule, label
from app.i18n import _, ngettext
from app.services.live import LiveAttendance
from ui.empty_state import EmptyState
from ui.live.checkin_model import UUID_ROLE, CheckInColumn, CheckInModel
from ui.meeting_details_fields import FieldError

REACHED_STYLE = "QLabel#quorumBadge { background: #1B5E20; color: white; padding: 6px 10px; border-radius: 4px; }"
MISSING_STYLE = "QLabel#quorumBadge { background: #B3261E; color: white; padding: 6px 10px; border-radius: 4px; }"
NO_RULE_STYLE = "QLabel#quorumBadge { background: #5F6B7A; color: white; padding: 6px 10px; border-radius: 4px; }"


def quorum_text(attendance: LiveAttendance) -> str:
    quorum = attendance.quorum
    members = len(quorum.members)
    if quorum.rule is QuorumRule.NONE:
        return _("No quorum rule")
    if quorum.reached:
        return ngettext("Quorum reached: {present} of {members} member organisation ({required} needed)",
                        "Quorum reached: {present} of {members} member organisations ({required} needed)",
                        members).format(present=quorum.present, members=members, required=quorum.required)
    return ngettext("No quorum: {present} of {members} member organisation ({required} needed)",
                    "No quorum: {present} of {members} member organisations ({required} needed)",
                    members).format(present=quorum.present, members=members, required=quorum.required)


class CheckInList(QTableView):
    """Space ticks the current person present, Shift+Space online."""

    toggle_requested = Signal(str, object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            uuid = self.currentIndex().siblingAtColumn(CheckInColumn.NAME).data(UUID_ROLE)
            if uuid:
                online = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
                self.toggle_requested.emit(uuid, Attendance.ONLINE if online else Attendance.PRESENT)
            event.accept()
            return
        super().keyPressEvent(event)


class CheckInPanel(QWidget):
    toggle_requested = Signal(str, object)  # participation UUID, Attendance
    walk_in_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attendance: LiveAttendance | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt; color: #1F3B63;")
        self.quorum_badge = QLabel(self)
        self.quorum_badge.setObjectName("quorumBadge")
        self.quorum_badge.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        self.model = CheckInModel(self)
        self.list = CheckInList(self)
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        # By family name, as the model sorts; no sort indicators, whose room the names need more.
        self.list.setWordWrap(False)
        self.list.setTabKeyNavigation(False)  # Tab moves on to the next field
        header = self.list.horizontalHeader()
        for column in (CheckInColumn.PRESENT, CheckInColumn.ONLINE, CheckInColumn.ARRIVED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CheckInColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CheckInColumn.ORGANISATION, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CheckInColumn.ORGANISATION, 100)
        header.setMinimumSectionSize(24)
        self.list_page = EmptyState(self.list, self)
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet("color: #4A4A4A;")
        self.walk_in_button = QPushButton(self)
        self.error = FieldError(self.list, self)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.quorum_badge)
        layout.addLayout(search_row)
        layout.addWidget(self.list_page, 1)
        layout.addWidget(self.error.label)
        layout.addWidget(self.counts)
        layout.addWidget(self.walk_in_button)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.walk_in_button)

        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._check_in_first)
        self.search.installEventFilter(self)
        self.list.toggle_requested.connect(self.toggle_requested)
        self.model.toggle_requested.connect(self.toggle_requested)
        self.walk_in_button.clicked.connect(self.walk_in_requested)
        self.retranslate()

    def show_attendance(self, attendance: LiveAttendance | None) -> None:
        self._attendance = attendance
        current = self.list.currentIndex().siblingAtColumn(CheckInColumn.NAME).data(UUID_ROLE)
        self.model.set_rows(attendance.rows if attendance else (), attendance.time_zone if attendance else "UTC")
        if current and not self.list.currentIndex().isValid():
            self.select(current)
        self._fill()

    def select(self, participation_uuid: str) -> None:
        row = self.model.row_of(participation_uuid)
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row, CheckInColumn.NAME),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def focus_search(self) -> None:
        """Ctrl+F: to the search field, its text selected for the next name."""
        self.search.setFocus()
        self.search.selectAll()

    def retranslate(self) -> None:
        self.heading.setText(_("Check-in"))
        self.search_label.setText(_("&Find:"))
        self.search.setPlaceholderText(_("Name or organisation; Enter ticks present"))
        self.list.setAccessibleName(_("Attendee list"))
        self.list_page.set_message(_("No one matches. Someone not on the list? Add them with Walk-in."))
        self.walk_in_button.setText(_("&Walk-in…"))
        self.walk_in_button.setToolTip(_("Add someone who is not on the list, without leaving live mode"))
        self.model.retranslate()
        self._fill()

    def _fill(self) -> None:
        attendance = self._attendance
        if attendance is None:
            self.quorum_badge.clear()
            self.counts.clear()
            return
        rows = attendance.rows
        present = sum(1 for row in rows if row.attendance is Attendance.PRESENT)
        online = sum(1 for row in rows if row.attendance is Attendance.ONLINE)
        self.counts.setText(_("{present} · {online} · {total}").format(
            present=ngettext("{count} present", "{count} present", present).format(count=present),
            online=ngettext("{count} online", "{count} online", online).format(count=online),
            total=ngettext("{count} on the list", "{count} on the list", len(rows)).format(count=len(rows))))
        quorum = attendance.quorum
        self.quorum_badge.setText(quorum_text(attendance))
        style = (NO_RULE_STYLE if quorum.rule is QuorumRule.NONE else REACHED_STYLE if quorum.reached
                 else MISSING_STYLE)
        self.quorum_badge.setStyleSheet(style)
        here = [m.short for m in quorum.members if m.present]
        away = [m.short for m in quorum.members if not m.present]
        self.quorum_badge.setToolTip("\n".join([
            label(quorum.rule),
            _("Present or online: {names}").format(names=", ".join(here) or "—"),
            _("Not yet here: {names}").format(names=", ".join(away) or "—")]))
        self.quorum_badge.setAccessibleName(self.quorum_badge.text())

    def _search_changed(self, text: str) -> None:
        self.model.set_filter(text)
        if self.model.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0, CheckInColumn.NAME))

    def _check_in_first(self) -> None:
        """Enter in the search field: the person found (the current row, else the first) is ticked present."""
        index = self.list.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, CheckInColumn.NAME)
        uuid = index.siblingAtColumn(CheckInColumn.NAME).data(UUID_ROLE) if index.isValid() else None
        if uuid:
            self.toggle_requested.emit(uuid, Attendance.PRESENT)
            self.search.selectAll()

    def eventFilter(self, watched: object, event: object) -> bool:
        """Up and Down in the search field move through the people found."""
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.model.rowCount():
            row = self.list.currentIndex().row()
            row = 0 if row < 0 else row + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.list.setCurrentIndex(self.model.index(max(0, min(row, self.model.rowCount() - 1)), CheckInColumn.NAME))
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
