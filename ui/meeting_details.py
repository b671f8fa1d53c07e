"""The Details page of a meeting: every field of the meeting in one form, each saved on its own at once.

A text is saved when the user leaves it or presses Enter, a list choice when it is made; each save is one
service call in one transaction, pushed on the window's undo stack with the value it replaced.  A refused
value is shown at the field (red text, outlined, read out) and the field goes back to what is stored.
Dates and times are those of the meeting's own time zone; changing the zone asks whether the meeting keeps
its local clock times (the usual case) or its moment in absolute time.  Moving the start keeps the length.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from app.errors import ChairdeskError, DomainError, NotFoundError
from app.i18n import N_, _, current_language, format_time
from app.services.meeting_planning import reschedule_meeting
from app.services.meetings import get_meeting, update_meeting
from app.services.views import MeetingView
from ui import dialogs
from ui.context import AppContext, Change
from ui.meeting_details_form import CHOICE_FIELDS, PICKERS, TEXT_FIELDS, DetailsForm
from ui.time_zone_picker import zone_name
from ui.undo import perform

KEEP_CLOCK, KEEP_INSTANT = "clock", "instant"

UNDO_TEXTS = {
    "reference": N_("Change the reference"), "title_en": N_("Change the English title"),
    "title_fr": N_("Change the French title"), "kind": N_("Change the kind of meeting"),
    "status": N_("Change the meeting status"), "starts_at": N_("Change the start"), "ends_at": N_("Change the end"),
    "time_zone": N_("Change the time zone"), "mode": N_("Change the mode"), "venue": N_("Change the venue"),
    "city": N_("Change the city"), "country": N_("Change the country"), "online_url": N_("Change the online link"),
    "host_organisation_uuid": N_("Change the host"), "chair_uuid": N_("Change the chair"),
    "secretary_uuid": N_("Change the secretary"), "marking": N_("Change the marking"),
    "original_language": N_("Change the original language"),
    "translation_status": N_("Change the translation status"),
}


def ask_time_zone_change(parent: QWidget, view: MeetingView, new_zone: str) -> str | None:
    """Keep the local clock times (``KEEP_CLOCK``), the moment (``KEEP_INSTANT``), or None to cancel."""
    language = current_language()
    old_city, new_city = zone_name(view.time_zone, language).city, zone_name(new_zone, language).city
    box = QMessageBox(QMessageBox.Icon.Question, _("Change the time zone"),
                      _("Should the meeting keep its local times in {zone}?").format(zone=new_city),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(_(
        "It starts at {time} in {old_zone}. Keeping the local times, it starts at {time} in {new_zone}; "
        "keeping the same moment, it starts at {new_time} in {new_zone}.").format(
        time=format_time(view.starts_at, view.time_zone, language=language), old_zone=old_city, new_zone=new_city,
        new_time=format_time(view.starts_at, new_zone, language=language)))
    keep_clock = box.addButton(_("Keep the local times"), QMessageBox.ButtonRole.AcceptRole)
    keep_instant = box.addButton(_("Keep the same moment"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep_clock)
    box.exec()
    clicked = box.clickedButton()
    return KEEP_CLOCK if clicked is keep_clock else KEEP_INSTANT if clicked is keep_instant else None


class MeetingDetailsPage(QWidget):
    """Page contract: ``show_meeting(uuid)``, ``retranslate()``, ``title()``; it listens to ``context.events``."""

    meeting_created = Signal(str)  # the UUID of a meeting made with "New meeting from this one…"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._uuid: str | None = None
        self._view: MeetingView | None = None
        self._saving = False
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("detailsPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("QLabel#detailsPlaceholder { color: #6B6B6B; font-size: 12pt; }")
        self.stack.addWidget(self.placeholder)
        self.form = DetailsForm(context, self)
        self.stack.addWidget(self.form)
        self.fields = self.form.fields
        self.errors = self.form.errors
        self._wire()
        self.retranslate()

    def _wire(self) -> None:
        form = self.form
        for name in TEXT_FIELDS:
            form.line_edit(name).editingFinished.connect(lambda name=name: self._text_finished(name))
        for name in CHOICE_FIELDS:
            self.fields[name].activated.connect(  # type: ignore[attr-defined]
                lambda _index, name=name: self._save(name, self.fields[name].value()))  # type: ignore[attr-defined]
        for name in PICKERS:
            form.picker(name).value_chosen.connect(lambda key, name=name: self._save(name, key))
            form.picker(name).no_match.connect(lambda text, name=name: self._no_match(name, text))
        for name in ("starts_at", "ends_at"):
            form.date_edit(name).committed.connect(lambda name=name: self._time_finished(name))
        form.country_picker.value_chosen.connect(lambda code: self._save("country", code))
        form.country_picker.no_match.connect(lambda text: self.errors["country"].show(
            _("No country matches “{text}”.").format(text=text)))
        form.time_zone_picker.zone_chosen.connect(self._zone_chosen)
        form.time_zone_picker.no_match.connect(lambda text: self.errors["time_zone"].show(
            _("No time zone matches “{text}”. Type a city, a country or a zone name.").format(text=text)))
        form.new_from_button.clicked.connect(self.ask_new_meeting_from_this)
        self._context.events.changed.connect(self._data_changed)
        self._context.events.database_changed.connect(self._database_changed)  # methods: let go with the page
        self._context.tasks.busy_changed.connect(self._busy_changed)

    # --- the page contract ----------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Details")

    def show_meeting(self, meeting_uuid: str | None) -> None:
        if meeting_uuid != self._uuid:
            self.form.clear_errors()
        self._uuid = meeting_uuid
        self._reload()

    def meeting(self) -> MeetingView | None:
        return self._view

    def retranslate(self) -> None:
        self.placeholder.setText(_("Select a meeting to see and edit its details."))
        self.form.retranslate()
        self._reload()  # the host's name and the dates come in the active language

    # --- reading --------------------------------------------------------------------------------------------

    def _reload(self) -> None:
        db = self._context.db
        self._view = None
        if db is not None and self._uuid is not None:
            try:
                self._view = get_meeting(db, self._uuid, current_language())
            except NotFoundError:  # deleted meanwhile (an undone creation): nothing to show
                self._view = None
            except ChairdeskError as exc:
                dialogs.warn(self, _("Chairdesk"), str(exc))
        self.stack.setCurrentIndex(0 if self._view is None else 1)
        if self._view is not None:
            self.form.fill(self._view)

    def _data_changed(self, change: Change) -> None:
        if self._uuid is None or self._saving:
            return
        mine = not change.uuids or self._uuid in change.uuids
        if (change.touches("meeting") and mine) or change.touches("person", "organisation"):
            self.form.clear_errors()
            self._reload()

    def _database_changed(self) -> None:
        self.show_meeting(None)

    def _busy_changed(self, busy: bool) -> None:
        """A worker (an import) writes to the file: no edits meanwhile, and read again once it is done."""
        self.form.setEnabled(not busy)
        if not busy:
            self._reload()

    # --- saving ---------------------------------------------------------------------------------------------

    def _text_finished(self, name: str) -> None:
        text = self.form.line_edit(name).text()
        if self._view is not None and text.strip() != getattr(self._view, name):
            self._save(name, text)

    def _save(self, name: str, value: Any) -> None:
        view = self._view
        if view is None:
            return
        old = getattr(view, name)
        if value == old:
            return
        db, uuid = self._context.require_db(), view.uuid
        self._run(name, lambda: update_meeting(db, uuid, {name: value}),
                  lambda: update_meeting(db, uuid, {name: old}), ("meeting",))

    def _time_finished(self, name: str) -> None:
        view = self._view
        if view is None:
            return
        local = self.form.date_edit(name).local()
        if local is None:
            self._reload()
            self.errors[name].show(_("Enter a date and time such as {example}.").format(example="2019-10-02 13:00"))
            return
        typed = local.replace(tzinfo=ZoneInfo(view.time_zone))
        if name == "starts_at" and typed != view.starts_at:
            self._reschedule(name, typed, typed + (view.ends_at - view.starts_at), view.time_zone)
        elif name == "ends_at" and typed != view.ends_at:
            self._reschedule(name, view.starts_at, typed, view.time_zone)

    def _zone_chosen(self, zone: str) -> None:
        view = self._view
        if view is None or zone == view.time_zone:
            return
        answer = ask_time_zone_change(self, view, zone)
        if answer is None:
            self.form.time_zone_picker.set_zone(view.time_zone)
            return
        starts, ends = view.starts_at, view.ends_at
        if answer == KEEP_CLOCK:
            old, new = ZoneInfo(view.time_zone), ZoneInfo(zone)
            starts, ends = starts.astimezone(old).replace(tzinfo=new), ends.astimezone(old).replace(tzinfo=new)
        self._reschedule("time_zone", starts, ends, zone)

    def _reschedule(self, name: str, starts: datetime, ends: datetime, zone: str) -> None:
        view = self._view
        assert view is not None
        db, uuid = self._context.require_db(), view.uuid
        before = (view.starts_at, view.ends_at, view.time_zone)
        self._run(name, lambda: reschedule_meeting(db, uuid, starts, ends, zone),
                  lambda: reschedule_meeting(db, uuid, *before), ("meeting", "agenda"))

    def _run(self, name: str, do: Callable[[], Any], undo: Callable[[], Any], kinds: tuple[str, ...]) -> None:
        """One edit through the undo stack; a refusal is shown at the field, which shows the stored value again."""
        assert self._view is not None
        self._saving = True  # our own announcement: reload once, below
        try:
            perform(self._context, _(UNDO_TEXTS[name]), do, undo, kinds, (self._view.uuid,), self)
        except DomainError as exc:
            self._reload()
            self.errors[name].show(str(exc))
            return
        except ChairdeskError as exc:
            self._reload()
            dialogs.warn(self, _("Chairdesk"), str(exc))
            return
        finally:
            self._saving = False
        self.form.clear_errors()
        self._reload()

    def _no_match(self, name: str, text: str) -> None:
        message = (_("No organisation in the directory matches “{text}”.") if name == "host_organisation_uuid"
                   else _("No one in the directory matches “{text}”.")).format(text=text)
        self.errors[name].show(message)

    # --- new meeting ------------------------------------------------------------------------------------------

    def ask_new_meeting_from_this(self) -> None:
        """The New meeting dialog, set to copy the meeting shown."""
        from ui.new_meeting_dialog import NewMeetingDialog  # the dialog is only built when asked for

        if self._view is None:
            return
        dialog = NewMeetingDialog(self._context, previous_uuid=self._view.uuid, parent=self)
        if dialog.exec() and dialog.created_uuid:
            self.meeting_created.emit(dialog.created_uuid)
