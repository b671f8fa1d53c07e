"""The New meeting dialog: a meeting from scratch, or from a previous meeting (its agenda and attendee list).

From a previous meeting, the new one takes its kind, mode, time zone, marking and chair, a copy of its
agenda (structure, durations, presenters, linked documents) and its attendee list as invitations; never
its minutes, decisions or actions.  The reference is proposed from the start date and the previous
reference (VGT-2019-10, starting in April 2020: VGT-2020-04) until the user types one.  Creating is one
undoable step; a refused value is shown at its field and the dialog stays open.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimeZone, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import MeetingKind, MeetingMode
from app.domain.rules import is_valid_time_zone
from app.errors import ChairdeskError, DomainError
from app.i18n import N_, _, current_language, ngettext
from app.services.meeting_planning import create_meeting_from, suggest_reference
from app.services.meetings import create_meeting, delete_meeting, list_meetings, meeting_overview
from app.services.views import MeetingView
from ui.context import AppContext
from ui.meeting_details_fields import (
    INVALID_STYLE,
    EnumCombo,
    FieldError,
    LocalDateTimeEdit,
    pass_undo_to_window,
)
from ui.meeting_details_form import moment_text
from ui.time_zone_picker import UTC_NAMES, TimeZonePicker
from ui.undo import perform

FIELDS = ("reference", "title_en", "title_fr", "kind", "starts_at", "ends_at", "time_zone", "mode")
_LABELS = {"reference": N_("Reference:"), "title_en": N_("Title (English):"), "title_fr": N_("Title (French):"),
           "kind": N_("Kind:"), "starts_at": N_("Start:"), "ends_at": N_("End:"), "time_zone": N_("Time zone:"),
           "mode": N_("Mode:")}
DEFAULT_START_HOUR = 9
DEFAULT_HOURS = 8


def system_time_zone() -> str:
    """The computer's zone as an IANA name (a new meeting's first guess); UTC when it has none."""
    zone = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return "UTC" if zone in UTC_NAMES or not is_valid_time_zone(zone) else zone


class NewMeetingDialog(QDialog):
    meeting_created = Signal(str)  # the new meeting's UUID

    def __init__(self, context: AppContext, previous_uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._reference_typed = False
        self._last_start: datetime | None = None
        self._previous: MeetingView | None = None
        self.created_uuid: str | None = None
        self.setStyleSheet(INVALID_STYLE)
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.scratch_button = QRadioButton(self)
        self.previous_button = QRadioButton(self)
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.scratch_button)
        self.source_group.addButton(self.previous_button)
        self.previous_combo = QComboBox(self)
        self.previous_combo.setMinimumContentsLength(30)
        self.previous_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        layout.addWidget(self.scratch_button)
        row = QHBoxLayout()
        row.addWidget(self.previous_button)
        row.addWidget(self.previous_combo, 1)
        layout.addLayout(row)
        self.copy_label = QLabel(self)
        self.copy_label.setWordWrap(True)
        self.copy_label.setStyleSheet("color: #4A4A4A; margin-left: 24px;")
        layout.addWidget(self.copy_label)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.reference_edit, self.title_en_edit, self.title_fr_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.kind_combo = EnumCombo(MeetingKind, self)
        self.start_edit, self.end_edit = LocalDateTimeEdit(self), LocalDateTimeEdit(self)
        self.zone_picker = TimeZonePicker(self)
        self.mode_combo = EnumCombo(MeetingMode, self)
        self.fields: dict[str, QWidget] = dict(zip(FIELDS, (
            self.reference_edit, self.title_en_edit, self.title_fr_edit, self.kind_combo, self.start_edit,
            self.end_edit, self.zone_picker, self.mode_combo), strict=True))
        self.errors: dict[str, FieldError] = {}
        self.captions: dict[str, QLabel] = {}
        self.start_text, self.end_text = QLabel(self), QLabel(self)
        for name, field in self.fields.items():
            field.setObjectName(name)
            pass_undo_to_window(field)
            holder = QWidget(self)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field)
            if name in ("starts_at", "ends_at"):
                column.addWidget(self.start_text if name == "starts_at" else self.end_text)
            self.errors[name] = FieldError(field, holder)
            column.addWidget(self.errors[name].label)
            caption = QLabel(self)
            caption.setBuddy(field)
            self.captions[name] = caption
            self.form.addRow(caption, holder)
        self.fields_box = QGroupBox(self)
        self.fields_box.setLayout(self.form)
        layout.addWidget(self.fields_box)
        self.general_error = FieldError(self.previous_combo, self)
        layout.addWidget(self.general_error.label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.buttons)

        self._fill_meetings(previous_uuid)
        self._wire()
        self.retranslate()
        self._source_changed()
        self.reference_edit.setFocus()

    def _wire(self) -> None:
        self.buttons.accepted.connect(self.create_meeting)
        self.buttons.rejected.connect(self.reject)
        self.source_group.buttonToggled.connect(self._source_toggled)
        self.previous_combo.activated.connect(lambda _index: self._pick_previous())
        self.reference_edit.textEdited.connect(lambda _text: setattr(self, "_reference_typed", True))
        self.start_edit.textChanged.connect(lambda _text: self._start_changed(move_end=True))
        self.end_edit.textChanged.connect(lambda _text: self._update_moments())
        self.zone_picker.zone_chosen.connect(lambda _zone: self._start_changed())

    def _fill_meetings(self, previous_uuid: str | None) -> None:
        db = self._context.require_db()
        language = current_language()
        for meeting in list_meetings(db):
            self.previous_combo.addItem(_("{reference} — {title}").format(
                reference=meeting.reference, title=meeting.title(language)), meeting.uuid)
        has_meetings = self.previous_combo.count() > 0
        self.previous_button.setEnabled(has_meetings)
        if previous_uuid and self.previous_combo.findData(previous_uuid) >= 0:
            self.previous_combo.setCurrentIndex(self.previous_combo.findData(previous_uuid))
            self.previous_button.setChecked(True)
        else:
            self.scratch_button.setChecked(True)

    # --- what the fields propose ----------------------------------------------------------------------------

    def _source_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._source_changed()

    def _source_changed(self) -> None:
        from_previous = self.previous_button.isChecked()
        self.previous_combo.setEnabled(from_previous)
        if from_previous:
            self._pick_previous()
            return
        self._previous = None
        self.copy_label.setText(_("An empty meeting: you add its agenda and attendees afterwards."))
        for edit in (self.title_en_edit, self.title_fr_edit):
            edit.setPlaceholderText("")
        self._set_defaults(system_time_zone(), MeetingKind.PLENARY, MeetingMode.IN_PERSON,
                           DEFAULT_START_HOUR, 0, timedelta(hours=DEFAULT_HOURS))

    def _pick_previous(self) -> None:
        uuid = self.previous_combo.currentData()
        if not uuid:
            return
        db = self._context.require_db()
        language = current_language()
        overview = meeting_overview(db, uuid, language)
        previous = self._previous = overview.meeting
        items, people = len(overview.agenda.items), overview.counts.total
        self.copy_label.setText(_("Copied from {reference}: the agenda ({items}) and the attendee list ({people}). "
                                  "Minutes, decisions and actions are not copied.").format(
            reference=previous.reference,
            items=ngettext("{count} agenda item", "{count} agenda items", items).format(count=items),
            people=ngettext("{count} person, invited again", "{count} people, invited again", people).format(
                count=people)))
        self.title_en_edit.setPlaceholderText(previous.title_en)
        self.title_fr_edit.setPlaceholderText(previous.title_fr)
        local = previous.starts_at.astimezone(ZoneInfo(previous.time_zone))
        self._set_defaults(previous.time_zone, previous.kind, previous.mode, local.hour, local.minute,
                           previous.ends_at - previous.starts_at)

    def _set_defaults(self, zone: str, kind: MeetingKind, mode: MeetingMode, hour: int, minute: int,
                      length: timedelta) -> None:
        """Tomorrow at the usual hour, as long as the model meeting lasted; the user sets the real dates."""
        tomorrow = (datetime.now(ZoneInfo(zone)) + timedelta(days=1)).replace(
            hour=hour, minute=minute, second=0, microsecond=0)
        self.zone_picker.set_reference_time(tomorrow)
        self.zone_picker.set_zone(zone)
        self.kind_combo.set_value(kind)
        self.mode_combo.set_value(mode)
        self._last_start = None
        self.start_edit.set_local(tomorrow.replace(tzinfo=None))
        self.end_edit.set_local((tomorrow + length).replace(tzinfo=None))
        self._start_changed()

    def _zone(self) -> str:
        return self.zone_picker.zone() or "UTC"

    def _start_changed(self, move_end: bool = False) -> None:
        """A new start moves the end with it (the meeting keeps its length) and proposes a reference."""
        local_start, local_end = self.start_edit.local(), self.end_edit.local()
        if local_start is None:  # half typed
            return
        if move_end and self._last_start is not None and local_end is not None and local_start != self._last_start:
            self.end_edit.set_local(local_end + (local_start - self._last_start))
        self._last_start = local_start
        starts = local_start.replace(tzinfo=ZoneInfo(self._zone()))
        self.zone_picker.set_reference_time(starts)
        if not self._reference_typed:
            previous = self._previous.uuid if self._previous else None
            self.reference_edit.setText(suggest_reference(self._context.require_db(), starts, self._zone(), previous))
        self._update_moments()

    def _update_moments(self) -> None:
        zone, language = self._zone(), current_language()
        for edit, text in ((self.start_edit, self.start_text), (self.end_edit, self.end_text)):
            local = edit.local()
            text.setText(moment_text(local.replace(tzinfo=ZoneInfo(zone)), zone, language) if local else "")

    # --- creating -------------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the fields say; a date and time that cannot be read is refused at its field."""
        zone = ZoneInfo(self._zone())
        moments = {}
        for name, edit in (("starts_at", self.start_edit), ("ends_at", self.end_edit)):
            local = edit.local()
            if local is None:
                raise DomainError(_("Enter a date and time such as {example}.").format(example="2019-10-02 13:00"),
                                  field=name)
            moments[name] = local.replace(tzinfo=zone)
        return {
            "reference": self.reference_edit.text(), "title_en": self.title_en_edit.text(),
            "title_fr": self.title_fr_edit.text(), "kind": self.kind_combo.value(), **moments,
            "time_zone": self._zone(), "mode": self.mode_combo.value(),
        }

    def create_meeting(self) -> None:
        """One undoable step: create now (or say at the field why not); undoing deletes the meeting."""
        for error in (*self.errors.values(), self.general_error):
            error.clear()
        try:
            view = self._create(self.values())
        except DomainError as exc:
            target = self.errors.get(exc.field or "", self.general_error)
            target.show(str(exc))
            target.field.setFocus()
            return
        except ChairdeskError as exc:
            self.general_error.show(str(exc))
            return
        self.created_uuid = view.uuid
        self.meeting_created.emit(view.uuid)
        self.accept()

    def _create(self, values: dict[str, Any]) -> MeetingView:
        db = self._context.require_db()
        new_uuid = str(uuid_module.uuid4())  # the same on redo, so later edits of the meeting still apply
        previous = self._previous.uuid if self._previous is not None else None

        def do() -> MeetingView:
            if previous is not None:
                return create_meeting_from(db, previous, uuid=new_uuid, **values)
            return create_meeting(db, uuid=new_uuid, **values)

        return perform(self._context, _("New meeting {reference}").format(reference=values["reference"].strip()),
                       do, lambda: delete_meeting(db, new_uuid), ("meeting", "agenda", "participation"),
                       (new_uuid,), self.parentWidget())

    def retranslate(self) -> None:
        self.setWindowTitle(_("New meeting"))
        self.scratch_button.setText(_("Start from scratch"))
        self.previous_button.setText(_("Start from a previous meeting:"))
        self.previous_combo.setAccessibleName(_("Previous meeting"))
        self.fields_box.setTitle(_("The new meeting"))
        for name, caption in self.captions.items():
            caption.setText(_(_LABELS[name]))
            self.fields[name].setAccessibleName(_(_LABELS[name]).rstrip(" :\u00a0"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create meeting"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

