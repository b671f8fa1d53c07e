"""The form of the Details page: the meeting's heading, its fields in five groups, and how a view fills them.

The groups stand in two columns on a wide screen and in one on a narrow one, in reading order either way
(the tab order follows it).  Each field has a caption (its buddy, so a screen reader names the field) and
room under it for the message of a refused value.  The form never saves; the page does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Language, MeetingKind, MeetingMode, MeetingStatus, TranslationStatus, label
from app.i18n import N_, _, current_language, format_date, format_time
from app.services.views import MeetingView
from ui.context import AppContext
from ui.marking_badge import MarkingBadge
from ui.meeting_details_fields import (
    INVALID_STYLE,
    CountryPicker,
    DirectoryPicker,
    EnumCombo,
    FieldError,
    LocalDateTimeEdit,
    MarkingCombo,
    organisation_search,
    pass_undo_to_window,
    person_search,
)
from ui.time_zone_picker import TimeZonePicker, offset_text

TWO_COLUMNS_FROM = 1100  # px: below this the groups stack in one column

LABELS = {
    "reference": N_("Reference:"), "title_en": N_("Title (English):"), "title_fr": N_("Title (French):"),
    "kind": N_("Kind:"), "status": N_("Status:"), "starts_at": N_("Start:"), "ends_at": N_("End:"),
    "time_zone": N_("Time zone:"), "mode": N_("Mode:"), "venue": N_("Venue:"), "city": N_("City:"),
    "country": N_("Country:"), "online_url": N_("Online link:"), "host_organisation_uuid": N_("Host:"),
    "chair_uuid": N_("Chair:"), "secretary_uuid": N_("Secretary:"), "marking": N_("Marking:"),
    "original_language": N_("Original language:"), "translation_status": N_("Translation status:"),
}
GROUPS = {
    "meeting": (N_("Meeting"), ("reference", "title_en", "title_fr", "kind", "status")),
    "when": (N_("Date and time"), ("starts_at", "ends_at", "time_zone")),
    "where": (N_("Place and mode"), ("mode", "venue", "city", "country", "online_url")),
    "people": (N_("People"), ("host_organisation_uuid", "chair_uuid", "secretary_uuid")),
    "handling": (N_("Handling and languages"), ("marking", "original_language", "translation_status")),
}
TEXT_FIELDS = ("reference", "title_en", "title_fr", "venue", "city", "online_url")
CHOICE_FIELDS = ("kind", "status", "mode", "marking", "original_language", "translation_status")
ENUMS = {"kind": MeetingKind, "status": MeetingStatus, "mode": MeetingMode, "original_language": Language,
         "translation_status": TranslationStatus}
# Picker field -> (the view's UUID attribute, the view's name attribute); the field name is the service's key.
PICKERS = {"host_organisation_uuid": ("host_organisation_uuid", "host_name"),
           "chair_uuid": ("chair_uuid", "chair_name"), "secretary_uuid": ("secretary_uuid", "secretary_name")}


def moment_text(moment: datetime, zone: str, language: str) -> str:
    """``Wednesday 2 October 2019, 13:00 (UTC−04:00)``: what a typed date and time means, written out."""
    local = moment.astimezone(ZoneInfo(zone))
    return _("{date}, {time} ({offset})").format(
        date=format_date(local.date(), "full", language=language), time=format_time(local, language=language),
        offset=offset_text(zone, moment))


class _FormBody(QWidget):
    """The scrolled part: it scrolls rather than squeeze its fields below their natural height."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.sizeHint().height()))


class DetailsForm(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = 0
        self.setStyleSheet(INVALID_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)  # titles are data, never markup
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setStyleSheet("color: #4A4A4A;")
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        self.badge = MarkingBadge(self)
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #4A4A4A;")
        layout.addWidget(self.hint_label)

        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.captions: dict[str, QLabel] = {}
        self.moments: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        body = _FormBody(self)
        self.grid = QGridLayout(body)
        self.grid.setContentsMargins(0, 4, 0, 0)
        self.grid.setHorizontalSpacing(16)
        for key, (_title, names) in GROUPS.items():
            group = QGroupBox(body)
            form = QFormLayout(group)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for name in names:
                self._add_field(context, group, form, name)
            self.groups[key] = group
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        self.new_from_button = QPushButton(self)
        footer.addWidget(self.new_from_button)
        layout.addLayout(footer)
        self.place_groups(1)
        chain = [*self.fields.values(), self.new_from_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _add_field(self, context: AppContext, group: QGroupBox, form: QFormLayout, name: str) -> None:
        field: QWidget
        if name in TEXT_FIELDS:
            field = QLineEdit(group)
        elif name in ENUMS:
            field = EnumCombo(ENUMS[name], group)
        elif name == "marking":
            field = MarkingCombo(group)
        elif name == "country":
            field = CountryPicker(group)
        elif name in ("starts_at", "ends_at"):
            field = LocalDateTimeEdit(group)
        elif name == "time_zone":
            field = TimeZonePicker(group)
        elif name == "host_organisation_uuid":
            field = DirectoryPicker(organisation_search(lambda: context.db), group)
        else:
            field = DirectoryPicker(person_search(lambda: context.db), group)
        field.setObjectName(name)
        pass_undo_to_window(field)
        holder = QWidget(group)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if name in ("starts_at", "ends_at"):
            row = QHBoxLayout()
            moment = QLabel(holder)
            moment.setStyleSheet("color: #4A4A4A;")
            moment.setWordWrap(True)
            self.moments[name] = moment
            row.addWidget(field)
            row.addWidget(moment, 1)
            column.addLayout(row)
        else:
            column.addWidget(field)
        error = FieldError(field, holder)
        column.addWidget(error.label)
        caption = QLabel(group)
        caption.setBuddy(field)
        form.addRow(caption, holder)
        self.fields[name], self.errors[name], self.captions[name] = field, error, caption

    def place_groups(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for group in self.groups.values():
            self.grid.removeWidget(group)
        order = ("meeting", "when", "where", "people", "handling")
        if columns == 1:
            for row, key in enumerate(order):
                self.grid.addWidget(self.groups[key], row, 0)
            self.grid.setRowStretch(3, 0)
            self.grid.setRowStretch(5, 1)
        else:
            for row, key in enumerate(order[:2]):
                self.grid.addWidget(self.groups[key], row, 0)
            for row, key in enumerate(order[2:]):
                self.grid.addWidget(self.groups[key], row, 1)
            self.grid.setRowStretch(5, 0)
            self.grid.setRowStretch(3, 1)

    def resizeEvent(self, event: Any) -> None:
        self.place_groups(2 if self.width() >= TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)

    @property
    def time_zone_picker(self) -> TimeZonePicker:
        picker = self.fields["time_zone"]
        assert isinstance(picker, TimeZonePicker)
        return picker

    @property
    def country_picker(self) -> CountryPicker:
        picker = self.fields["country"]
        assert isinstance(picker, CountryPicker)
        return picker

    def line_edit(self, name: str) -> QLineEdit:
        field = self.fields[name]
        assert isinstance(field, QLineEdit)
        return field

    def date_edit(self, name: str) -> LocalDateTimeEdit:
        field = self.fields[name]
        assert isinstance(field, LocalDateTimeEdit)
        return field

    def picker(self, name: str) -> DirectoryPicker:
        field = self.fields[name]
        assert isinstance(field, DirectoryPicker)
        return field

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()

    def retranslate(self) -> None:
        self.hint_label.setText(_("Each change is saved as soon as you leave the field; Edit ▸ Undo takes it back. "
                                  "Dates and times are those of the meeting’s time zone."))
        self.new_from_button.setText(_("New meeting from this one…"))
        self.new_from_button.setToolTip(_("A new meeting with this agenda, and everyone on this attendee list "
                                          "invited again"))
        for key, (title, _names) in GROUPS.items():
            self.groups[key].setTitle(_(title))
        for name, caption in self.captions.items():
            caption.setText(_(LABELS[name]))
            self.fields[name].setAccessibleName(_(LABELS[name]).rstrip(" :\u00a0"))
        for field in self.fields.values():
            if hasattr(field, "retranslate"):
                field.retranslate()
        self.badge.retranslate()

    def fill(self, view: MeetingView) -> None:
        """Show the stored values; sets no signal off that would save them again."""
        language = current_language()
        self.title_label.setText(view.title(language) or view.reference)
        self.subtitle_label.setText(_("{reference} · {kind}").format(reference=view.reference, kind=label(view.kind)))
        self.badge.set_marking(view.marking)
        for name in TEXT_FIELDS:
            self.line_edit(name).setText(getattr(view, name))  # also forgets the field's own typing history
            self.line_edit(name).setCursorPosition(0)
        for name in CHOICE_FIELDS:
            self.fields[name].set_value(getattr(view, name))  # type: ignore[attr-defined]
        for name, (key, text) in PICKERS.items():
            self.picker(name).set_value(getattr(view, key), getattr(view, text))
        self.country_picker.set_country(view.country)
        zone = ZoneInfo(view.time_zone)
        for name in ("starts_at", "ends_at"):
            moment: datetime = getattr(view, name)
            self.date_edit(name).set_local(moment.astimezone(zone).replace(tzinfo=None))
            self.moments[name].setText(moment_text(moment, view.time_zone, language))
        self.time_zone_picker.set_reference_time(view.starts_at)
        self.time_zone_picker.set_zone(view.time_zone)
