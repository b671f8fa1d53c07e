"""What live mode records when the secretary asks: the capture box's text as a note, a decision or an action
of the current item, the notes saved as typed, an action's owner and due date, a check-in and a walk-in.

Each request becomes one undoable edit through ``LiveOperations``; a refusal is shown at the field it
concerns (the capture box, the notes, the follow-up editor, the attendee list, the walk-in dialog) and
nothing is recorded.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject

from app.domain.enums import Attendance
from app.errors import ChairdeskError, DomainError
from app.i18n import _, current_language, format_time
from app.services import directory, live
from ui import dialogs
from ui.live.records_model import short_number
from ui.live.walk_in import WalkInDialog

if TYPE_CHECKING:
    from ui.live.window import LiveMode

RecordKind = Literal["note", "decision", "action"]


class LiveRecorder(QObject):
    def __init__(self, window: LiveMode) -> None:
        super().__init__(window)
        self.window = window

    # --- the capture box -------------------------------------------------------------------------------------

    def record(self, kind: RecordKind, text: str) -> None:
        """The capture box's text as a note, a decision or an action of the current item."""
        window = self.window
        capture, item = window.capture, window.current_item()
        if item is None:
            return
        if not text.strip():
            capture.capture_error.show(_("Type the text first, then press the key again."))
            capture.capture.setFocus()
            return
        language = capture.notes_language()
        try:
            if kind == "note":
                window.autosave.flush()
                window.operations.append_note(item.uuid, item.number, language, window.autosave.stored, text)
                message = _("Added to the notes of item {number}.").format(number=item.number)
            elif kind == "decision":
                decision = window.operations.add_decision(item.uuid, item.number, text.strip(), language)
                message = _("Decision {number} recorded.").format(number=short_number(decision.number))
            else:
                action = window.operations.add_action(item.uuid, item.number, text.strip(), language)
                message = _("Action {number} recorded; its owner and due date can follow.").format(
                    number=short_number(action.number))
        except DomainError as exc:
            capture.capture_error.show(str(exc))
            return
        except ChairdeskError as exc:
            dialogs.warn(window, _("Chairdesk"), str(exc))
            return
        capture.clear_capture()
        capture.status_label.setText(message)
        capture.capture.setFocus()

    # --- the notes, saved as typed -----------------------------------------------------------------------------

    def save_notes(self, item_uuid: str, language: str, before: str, text: str) -> str:
        """``NotesAutosave``'s saver: the text now in the database."""
        window = self.window
        if window.context.tasks.is_busy():  # an import writes to the file: try again at the next keystroke
            raise ChairdeskError(_("The database is busy; your notes are kept and saved in a moment."))
        item = window.meeting.item(item_uuid) if window.meeting else None
        view = window.operations.save_notes(item_uuid, item.number if item else "", language, before, text)
        return view.text(language)

    def notes_saved(self) -> None:
        window = self.window
        window.capture.notes_error.clear()
        zone = window.meeting.time_zone if window.meeting else "UTC"
        when = format_time(window.clock.now(), zone, "medium", current_language())
        window.capture.status_label.setText(_("Notes saved at {time}").format(time=when))

    # --- an action's owner and due date ------------------------------------------------------------------------

    def record_selected(self) -> None:
        capture = self.window.capture
        record = capture.records_model.record_at(capture.records.currentIndex().row())
        capture.follow_up.show_action(record.action if record is not None else None)

    def owner_chosen(self, action_uuid: str, owner_key: object) -> None:
        action = next((a for a in self.window.action_items if a.uuid == action_uuid), None)
        if action is not None:
            key = owner_key if isinstance(owner_key, str) else None
            self._follow_up(lambda: self.window.operations.set_owner(action, key))

    def due_chosen(self, action_uuid: str, due: object) -> None:
        action = next((a for a in self.window.action_items if a.uuid == action_uuid), None)
        if action is not None:
            when = due if isinstance(due, date) else None
            self._follow_up(lambda: self.window.operations.set_due_date(action, when))

    def _follow_up(self, edit: object) -> None:
        try:
            edit()  # type: ignore[operator]
        except ChairdeskError as exc:
            self.record_selected()
            self.window.capture.follow_up.error.show(str(exc))

    # --- check-in ----------------------------------------------------------------------------------------------

    def check_in(self, participation_uuid: str, wanted: Attendance) -> None:
        window = self.window
        rows = window.attendance.rows if window.attendance else ()
        row = next((r for r in rows if r.uuid == participation_uuid), None)
        if row is None:
            return
        window.checkin.error.clear()
        try:
            window.operations.check_in(row, wanted, window.clock.now())
        except ChairdeskError as exc:
            window.checkin.error.show(str(exc))

    def ask_walk_in(self) -> None:
        """The Walk-in dialog over live mode; the person added is selected in the list afterwards."""
        window = self.window
        db = window.context.db
        if db is None or window.meeting is None:
            return
        made: list[live.WalkIn] = []

        def submit(values: dict[str, object]) -> None:
            made.append(window.operations.add_walk_in(arrived_at=window.clock.now(), language=current_language(),
                                                      **values))

        dialog = WalkInDialog(directory.list_organisations(db), submit, window)
        accepted = dialog.exec()
        window.activateWindow()  # the keyboard comes back to live mode
        if accepted and made:
            window.checkin.search.clear()
            window.checkin.select(made[0].participation_uuid)
