"""Live meeting mode: a window made for the meeting room, on one meeting — the agenda down the side, the
current item large with its clock, its notes and quick capture, and the check-in list with the quorum.

It is the one place of live mode that calls services: the panels say what the user asked for, every edit
goes through ``LiveOperations`` (undoable on the app's one stack), and the window reloads what
``context.events`` says changed, whoever changed it.  It drives the room display (F5), which follows it.
Page contract: ``LiveMode(context, parent)``, ``show_meeting(uuid)``, ``retranslate()``, ``title()``.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.errors import ChairdeskError
from app.i18n import _, add_language_listener, current_language, remove_language_listener
from app.services import actions, decisions, live
from app.services.live import LiveAttendance, LiveItem, LiveMeeting
from ui.context import AppContext, Change
from ui.live.actions import LiveActions
from ui.live.agenda_strip import AgendaStripModel, StripColumn, strip_view
from ui.live.capture import CapturePanel
from ui.live.checkin import CheckInPanel
from ui.live.clock import Clock, ItemClock, system_clock
from ui.live.current_item import CurrentItemPanel
from ui.live.notes import SAVE_DELAY_MS, NotesAutosave, UndoToStack
from ui.live.operations import LiveOperations
from ui.live.recording import LiveRecorder
from ui.live.room import RoomDisplay
from ui.marking_badge import MarkingBadge


class LiveMode(QWidget):
    current_item_changed = Signal(str)  # the room display follows this
    left = Signal()  # the secretary left live mode (Esc, or the window closed)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, settings: QSettings | None = None,
                 clock: Clock = system_clock) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("liveMode")
        self.context = context
        self._settings = settings if settings is not None else QSettings()
        self.clock = ItemClock(self._settings, clock, self)
        self.operations = LiveOperations(context, self)
        self.meeting: LiveMeeting | None = None
        self.attendance: LiveAttendance | None = None
        self._decisions: list[decisions.DecisionDetailView] = []
        self.action_items: list[actions.ActionDetailView] = []
        self.room: RoomDisplay | None = None

        self.reference_label = QLabel(self)
        self.reference_label.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1F3B63;")
        self.reference_label.setTextFormat(Qt.TextFormat.PlainText)
        self.badge = MarkingBadge(self)
        self.locked_label = QLabel(self)
        self.locked_label.setStyleSheet("background: #FBE3E3; color: #7A0014; padding: 4px 8px; border-radius: 3px;")
        self.locked_label.hide()
        self.agenda_heading = QLabel(self)
        self.agenda_heading.setStyleSheet("font-weight: bold; font-size: 13pt; color: #1F3B63;")
        self.agenda_model = AgendaStripModel(parent=self)
        self.agenda = strip_view(self.agenda_model, self)
        self.agenda.setColumnHidden(StripColumn.START, True)  # the current item shows its planned times
        self.current = CurrentItemPanel(self)
        self.capture = CapturePanel(self)
        self.checkin = CheckInPanel(self)
        self.room_button = QPushButton(self)
        self.leave_button = QPushButton(self)
        self.keys_label = QLabel(self)
        self.keys_label.setStyleSheet("color: #4A4A4A;")
        self.keys_label.setWordWrap(True)
        self.recorder = LiveRecorder(self)
        self.autosave = NotesAutosave(self.capture.notes, self.recorder.save_notes, self)
        self.undo_filter = UndoToStack((self.capture.capture, self.checkin.search), self)
        for widget in (self.capture.notes, self.capture.capture, self.checkin.search):
            widget.installEventFilter(self.undo_filter)
        self.commands = LiveActions(self, context.undo_stack)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(SAVE_DELAY_MS)
        self._draft_timer.timeout.connect(self._store_draft)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.agenda_heading)
        left_layout.addWidget(self.agenda, 1)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.current)
        middle_layout.addWidget(self.capture, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for part in (left, middle, self.checkin):
            self.splitter.addWidget(part)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(220)
        self.checkin.setMinimumWidth(400)
        self.splitter.setSizes([250, 690, 420])
        top = QHBoxLayout()
        top.addWidget(self.reference_label, 1)
        top.addWidget(self.locked_label)
        top.addWidget(self.badge)
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys_label, 1)
        bottom.addWidget(self.room_button)
        bottom.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        follow_up = self.capture.follow_up
        chain = (self.capture.notes, self.capture.capture, self.capture.note_button, self.capture.decision_button,
                 self.capture.action_button, self.capture.records, follow_up.owner, follow_up.due,
                 follow_up.calendar_button, self.checkin.search, self.checkin.list, self.checkin.walk_in_button,
                 self.room_button, self.leave_button, self.agenda, self.current.previous_button,
                 self.current.next_button, self.current.restart_button)
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)
        self._wire()
        add_language_listener(self._language_switched)
        self.retranslate()

    def _wire(self) -> None:
        c = self.commands
        c.next_item.triggered.connect(lambda: self.step(1))
        c.previous_item.triggered.connect(lambda: self.step(-1))
        r = self.recorder
        c.decision.triggered.connect(lambda: r.record("decision", self.capture.capture.toPlainText()))
        c.action.triggered.connect(lambda: r.record("action", self.capture.capture.toPlainText()))
        c.note.triggered.connect(lambda: r.record("note", self.capture.capture.toPlainText()))
        c.room.triggered.connect(self.toggle_room)
        c.leave.triggered.connect(self.close)
        c.find.triggered.connect(self.checkin.focus_search)
        c.full_screen.triggered.connect(lambda: self.showNormal() if self.isFullScreen() else self.showFullScreen())
        c.undo.triggered.connect(lambda: self._undo_redo(self.context.undo_stack.undo))
        c.redo.triggered.connect(lambda: self._undo_redo(self.context.undo_stack.redo))
        self.current.next_requested.connect(lambda: self.step(1))
        self.current.previous_requested.connect(lambda: self.step(-1))
        self.current.restart_requested.connect(self.clock.restart)
        self.agenda.clicked.connect(lambda index: self.go_to(self.agenda_model.uuids()[index.row()]))
        self.agenda.activated.connect(lambda index: self.go_to(self.agenda_model.uuids()[index.row()]))
        self.capture.note_requested.connect(lambda text: r.record("note", text))
        self.capture.decision_requested.connect(lambda text: r.record("decision", text))
        self.capture.action_requested.connect(lambda text: r.record("action", text))
        self.capture.language_chosen.connect(self._notes_language_chosen)
        self.capture.capture.textChanged.connect(self._draft_changed)
        self.capture.records.selectionModel().currentRowChanged.connect(lambda *_args: r.record_selected())
        self.capture.follow_up.owner_requested.connect(r.owner_chosen)
        self.capture.follow_up.due_requested.connect(r.due_chosen)
        self.checkin.toggle_requested.connect(r.check_in)
        self.checkin.walk_in_requested.connect(r.ask_walk_in)
        self.room_button.clicked.connect(self.toggle_room)
        self.leave_button.clicked.connect(self.close)
        self.clock.ticked.connect(self._tick)
        self.autosave.saved.connect(r.notes_saved)
        self.autosave.failed.connect(self.capture.notes_error.show)
        self.context.events.changed.connect(self._data_changed)
        self.context.events.database_changed.connect(self._database_changed)

    # --- the page contract --------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Live meeting")

    def show_meeting(self, meeting_uuid: str | None) -> None:
        """Follow a meeting: back on the item it was on when last left, else on its first item."""
        self.autosave.flush()
        self._store_draft()  # under the meeting it was typed for
        self.operations.meeting_uuid = meeting_uuid
        stored = self.clock.open(meeting_uuid)
        self.meeting = None
        self._reload_meeting()
        self._reload_attendance()
        self._reload_records()
        meeting = self.meeting
        language = str(self._settings.value(f"live/{meeting_uuid}/language", "", type=str) or current_language())
        self.capture.set_notes_language(language)
        self.capture.capture.setPlainText(self.clock.draft())
        if meeting is not None and meeting.items:
            self.go_to(stored if meeting.item(stored) is not None else meeting.items[0].uuid)
        else:
            self._show_current()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Live meeting — Chairdesk"))
        self.agenda_heading.setText(_("Agenda"))
        self.agenda.setAccessibleName(_("Agenda"))
        self.room_button.setText(_("Room display (F5)"))
        self.leave_button.setText(_("Leave live mode (Esc)"))
        self.keys_label.setText(_("Page Down / Page Up: next or previous item · Ctrl+Enter: note · Ctrl+D: "
                                  "decision · Ctrl+Shift+A: action · Space: present · Shift+Space: online · "
                                  "Ctrl+F: find · Ctrl+Z: undo"))
        self.locked_label.setText(_("Minutes locked: notes, decisions and actions cannot be added"))
        for part in (self.commands, self.agenda_model, self.current, self.capture, self.checkin, self.badge):
            part.retranslate()
        if self.room is not None:
            self.room.retranslate()
        self._fill_header()

    # --- moving through the agenda -------------------------------------------------------------------------

    def current_item(self) -> LiveItem | None:
        return self.meeting.item(self.clock.current) if self.meeting is not None else None

    def step(self, delta: int) -> None:
        meeting, current = self.meeting, self.clock.current
        if meeting is None or not meeting.items:
            return
        uuids = [item.uuid for item in meeting.items]
        index = uuids.index(current) if current in uuids else -1
        self.go_to(uuids[max(0, min(len(uuids) - 1, index + delta))])

    def go_to(self, item_uuid: str) -> None:
        self.autosave.flush()
        self.operations.end_burst()
        self.clock.enter(item_uuid)
        self._show_current()

    def _show_current(self) -> None:
        meeting, item = self.meeting, self.current_item()
        count = len(meeting.items) if meeting else 0
        position = [i.uuid for i in meeting.items].index(item.uuid) + 1 if meeting and item else 0
        self.current.show_item(item, position, count, meeting.time_zone if meeting else "UTC")
        language = self.capture.notes_language()
        self.autosave.bind(item.uuid if item else None, language, item.notes(language) if item else "")
        self.capture.notes_error.clear()
        self.agenda_model.set_current(item.uuid if item else None)
        if item is not None:
            self.agenda.scrollTo(self.agenda_model.index(self.agenda_model.current_row(), 0))
        self._show_records()
        self._tick()
        self.current_item_changed.emit(item.uuid if item else "")  # the room display follows

    def _tick(self) -> None:
        self.current.show_time(self.clock.elapsed())

    # --- reading ----------------------------------------------------------------------------------------------

    def _reload_meeting(self) -> None:
        db, uuid = self.context.db, self.operations.meeting_uuid
        try:
            self.meeting = live.live_meeting(db, uuid) if db is not None and uuid is not None else None
        except ChairdeskError:  # the meeting went away (deleted, another database)
            self.meeting = None
        meeting = self.meeting
        self.agenda_model.set_items(meeting.items if meeting else (), meeting.time_zone if meeting else "UTC")
        self.agenda_model.set_current(self.clock.current)
        self.capture.set_read_only(meeting is None or meeting.minutes_locked)
        self.locked_label.setVisible(meeting is not None and meeting.minutes_locked)
        room = live.room_view(meeting) if meeting else None
        if self.room is not None and room != self.room.view:  # the projector redraws only for a change
            self.room.show_room(room)
        self._fill_header()

    def _reload_attendance(self) -> None:
        db, uuid = self.context.db, self.operations.meeting_uuid
        try:
            self.attendance = (live.live_attendance(db, uuid, current_language())
                               if db is not None and uuid is not None else None)
        except ChairdeskError:
            self.attendance = None
        self.checkin.show_attendance(self.attendance)
        self.capture.follow_up.set_choices(self.attendance)

    def _reload_records(self) -> None:
        db, uuid = self.context.db, self.operations.meeting_uuid
        try:
            self._decisions = decisions.list_decisions(db, uuid) if db is not None and uuid else []
            self.action_items = actions.list_actions(db, uuid) if db is not None and uuid else []
        except ChairdeskError:
            self._decisions, self.action_items = [], []
        self._show_records()

    def _show_records(self) -> None:
        item = self.clock.current
        model = self.capture.records_model
        selected = model.record_at(self.capture.records.currentIndex().row())
        model.set_records([d for d in self._decisions if d.agenda_item_uuid == item],
                          [a for a in self.action_items if a.agenda_item_uuid == item])
        if selected is not None and model.row_of(selected.uuid) >= 0:
            self.capture.records.setCurrentIndex(model.index(model.row_of(selected.uuid), 0))
        self.recorder.record_selected()

    def _fill_header(self) -> None:
        meeting = self.meeting
        self.badge.set_marking(meeting.marking if meeting else None)
        self.reference_label.setText(_("{reference} — {title}").format(
            reference=meeting.reference, title=meeting.title(current_language())) if meeting else "")

    def _data_changed(self, change: Change) -> None:
        if self.operations.meeting_uuid is None:
            return
        if change.touches("agenda", "meeting", "minutes"):
            self._reload_meeting()
            item = self.current_item()
            if item is not None and self.autosave.item_uuid == item.uuid:
                self.autosave.external(item.notes(self.autosave.language))
            if change.touches("agenda", "meeting"):
                self.current.update_item(item)
        if change.touches("participation", "person", "organisation"):
            self._reload_attendance()
        if change.touches("decision", "action", "agenda", "person", "organisation"):
            self._reload_records()

    def _database_changed(self) -> None:
        self.close()  # another file: this meeting is not in it

    # --- notes language and undo ---------------------------------------------------------------------------------

    def _notes_language_chosen(self, language: str) -> None:
        self._settings.setValue(f"live/{self.operations.meeting_uuid}/language", language)
        self.capture.set_notes_language(language)
        self._show_current()

    def _undo_redo(self, step: Callable[[], None]) -> None:
        self.autosave.flush()  # what was typed last is part of what is undone
        self.operations.end_burst()
        step()

    # --- the room display and leaving -------------------------------------------------------------------------------

    def toggle_room(self) -> None:
        if self.room is not None and self.room.isVisible():
            self.room.hide()
            return
        if self.room is None:
            self.room = RoomDisplay(self.clock.now, self)
            self.current_item_changed.connect(self._room_follows)
        self.room.show_room(live.room_view(self.meeting) if self.meeting else None)
        self.room.follow(self.clock.current)
        self.room.present()
        self.activateWindow()  # the keyboard stays with live mode

    def _room_follows(self, item_uuid: str) -> None:
        if self.room is not None:
            self.room.follow(item_uuid or None)

    def _draft_changed(self) -> None:
        """The capture box is kept in the settings within a second of typing, so a crash loses no more."""
        if not self._draft_timer.isActive():
            self._draft_timer.start()

    def _store_draft(self) -> None:
        self._draft_timer.stop()
        self.clock.set_draft(self.capture.capture.toPlainText())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.autosave.flush()
        self._store_draft()
        self.clock.stop()
        if self.room is not None:
            self.room.close()
        remove_language_listener(self._language_switched)
        super().closeEvent(event)
        self.left.emit()

    def _language_switched(self, _language: str) -> None:
        if shiboken6.isValid(self):
            self._reload_attendance()  # organisations are named in the active language
            self.retranslate()


def open_live_mode(context: AppContext, meeting_uuid: str, parent: QWidget | None = None, *,
                   settings: QSettings | None = None, clock: Clock = system_clock) -> LiveMode:
    """Live mode on ``meeting_uuid`` in a window of its own, maximised, with the keyboard; freed when left."""
    window = LiveMode(context, parent, settings=settings, clock=clock)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show_meeting(meeting_uuid)
    window.showMaximized()
    window.activateWindow()
    window.raise_()
    window.capture.notes.setFocus()
    return window
