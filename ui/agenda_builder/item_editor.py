"""The editor of the selected agenda item: titles and descriptions in English and French side by side, kind,
visibility, planned duration, a fixed start ("not before", for the item that opens day 2), presenters
and linked documents.

Each field is saved as soon as the user leaves it (or picks a value), through ``changes_requested``; the
page makes it an undoable step and, if the core refuses the value, calls ``show_error`` with the field
it names, so the message appears under that field and the typed text stays there to be corrected.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import AgendaItemKind, Visibility, label
from app.i18n import _, current_language, pgettext
from app.services.views import AgendaItemView
from ui.agenda_builder.pickers import DocumentPicker, PresenterPicker

ERROR_STYLE = "color: #B00020;"


class _TextEdit(QPlainTextEdit):
    """A multi-line text that says when the user leaves it, as a line edit does."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


def _error_label(parent: QWidget) -> QLabel:
    error = QLabel(parent)
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    return error


class ItemEditor(QWidget):
    changes_requested = Signal(str, object)  # item UUID, {field: value}
    presenters_requested = Signal(str, object)  # item UUID, [person UUID]
    documents_requested = Signal(str, object)  # item UUID, [document UUID]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: AgendaItemView | None = None
        self._time_zone = "UTC"
        self._filling = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 0, 0, 0)
        self.heading = QLabel(self)
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        heading_font.setPointSize(heading_font.pointSize() + 2)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.refers_to = QLabel(self)
        self.refers_to.setStyleSheet("color: #4A4A4A;")
        outer.addWidget(self.heading)
        outer.addWidget(self.refers_to)
        self.fields = QWidget(self)  # hidden while no item is selected
        fields = QVBoxLayout(self.fields)
        fields.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.fields)

        grid = QGridLayout()
        self.english_label, self.french_label = QLabel(self), QLabel(self)
        self.title_label, self.description_label = QLabel(self), QLabel(self)
        self.title_en, self.title_fr = QLineEdit(self), QLineEdit(self)
        self.description_en, self.description_fr = _TextEdit(self), _TextEdit(self)
        for text in (self.description_en, self.description_fr):
            text.setTabChangesFocus(True)
            text.setMinimumHeight(60)
            text.setMaximumHeight(110)
        self.titles_error, self.descriptions_error = _error_label(self), _error_label(self)
        grid.addWidget(self.english_label, 0, 1)
        grid.addWidget(self.french_label, 0, 2)
        grid.addWidget(self.title_label, 1, 0)
        grid.addWidget(self.title_en, 1, 1)
        grid.addWidget(self.title_fr, 1, 2)
        grid.addWidget(self.titles_error, 2, 1, 1, 2)
        grid.addWidget(self.description_label, 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.description_en, 3, 1)
        grid.addWidget(self.description_fr, 3, 2)
        grid.addWidget(self.descriptions_error, 4, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        fields.addLayout(grid)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kind, self.visibility = QComboBox(self), QComboBox(self)
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.fixed_check = QCheckBox(self)
        self.fixed_start = QDateTimeEdit(self)
        self.fixed_start.setCalendarPopup(True)
        fixed_row = QHBoxLayout()
        fixed_row.addWidget(self.fixed_check)
        fixed_row.addWidget(self.fixed_start, 1)
        self.presenters = PresenterPicker(self)
        self.documents = DocumentPicker(self)
        self.errors: dict[str, QLabel] = {"title_en": self.titles_error, "title_fr": self.titles_error,
                                          "description_en": self.descriptions_error,
                                          "description_fr": self.descriptions_error}
        self.form_labels: dict[str, QLabel] = {}
        rows: list[tuple[str, Any]] = [("kind", self.kind), ("visibility", self.visibility),
                                       ("duration_minutes", self.duration), ("fixed_start", fixed_row),
                                       ("presenters", self.presenters), ("documents", self.documents)]
        for key, field in rows:
            name = QLabel(self)
            if isinstance(field, QWidget):
                name.setBuddy(field)
            self.form_labels[key] = name
            form.addRow(name, field)
            self.errors[key] = _error_label(self)
            form.addRow("", self.errors[key])
        fields.addLayout(form)
        outer.addStretch(1)
        self._wire()
        self.retranslate()
        self.show_item(None)

    def _wire(self) -> None:
        self.title_en.editingFinished.connect(lambda: self._text_done("title_en", self.title_en.text()))
        self.title_fr.editingFinished.connect(lambda: self._text_done("title_fr", self.title_fr.text()))
        self.description_en.editing_finished.connect(
            lambda: self._text_done("description_en", self.description_en.toPlainText()))
        self.description_fr.editing_finished.connect(
            lambda: self._text_done("description_fr", self.description_fr.toPlainText()))
        self.kind.activated.connect(lambda _row: self._request({"kind": AgendaItemKind(self.kind.currentData())}))
        self.visibility.activated.connect(
            lambda _row: self._request({"visibility": Visibility(self.visibility.currentData())}))
        self.duration.editingFinished.connect(lambda: self._request({"duration_minutes": self.duration.value()}))
        self.fixed_check.clicked.connect(self._fixed_toggled)
        self.fixed_start.editingFinished.connect(self._fixed_edited)
        self.presenters.presenters_changed.connect(self._presenters_chosen)
        self.documents.documents_changed.connect(self._documents_chosen)

    def retranslate(self) -> None:
        self.english_label.setText(_("English"))
        self.french_label.setText(_("French"))
        self.title_label.setText(_("Title:"))
        self.description_label.setText(_("Description:"))
        for widget, name in ((self.title_en, _("Title in English")), (self.title_fr, _("Title in French")),
                             (self.description_en, _("Description in English")),
                             (self.description_fr, _("Description in French"))):
            widget.setAccessibleName(name)
        texts = {"kind": _("Kind:"), "visibility": _("Visibility:"), "duration_minutes": _("Duration:"),
                 "fixed_start": _("Fixed start:"), "presenters": _("Presenters:"), "documents": _("Documents:")}
        for key, text in texts.items():
            self.form_labels[key].setText(text)
        self.duration.setSuffix(pgettext("duration suffix", " min"))
        self.fixed_check.setText(_("Not before"))
        self.fixed_check.setToolTip(_("The item starts at this time even if the items before it end earlier, "
                                      "for example the first item of the second day."))
        self.fixed_start.setLocale(QLocale("fr_FR" if current_language() == "fr" else "en_GB"))
        self.fixed_start.setDisplayFormat("dd/MM/yyyy HH:mm")
        for combo, values in ((self.kind, list(AgendaItemKind)), (self.visibility, list(Visibility))):
            current = combo.currentData()
            combo.clear()
            for value in values:
                combo.addItem(label(value), value.value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.presenters.retranslate()
        self.documents.retranslate()
        self.show_item(self._item, self._time_zone)

    # --- what the page calls ---------------------------------------------------------------------------

    @property
    def item(self) -> AgendaItemView | None:
        return self._item

    def show_item(self, item: AgendaItemView | None, time_zone: str | None = None) -> None:
        """Show ``item``; a field keeps what the user is typing in it if the value did not change under it."""
        if item is None or self._item is None or item.uuid != self._item.uuid:
            self.clear_errors()
        self._item = item
        self._time_zone = time_zone or self._time_zone
        self._filling = True
        try:
            self._fill(item)
        finally:
            self._filling = False

    def _fill(self, item: AgendaItemView | None) -> None:
        self.fields.setVisible(item is not None)
        if item is None:
            self.heading.setText(_("Select an item to edit it, or press Insert to add one."))
            self.refers_to.hide()
            for line in (self.title_en, self.title_fr):
                line.clear()
            for text in (self.description_en, self.description_fr):
                text.clear()
            self.presenters.set_presenters([], [])
            self.documents.set_linked([])
            return
        self.heading.setText(_("Item {number}").format(number=item.number))
        self.refers_to.setVisible(bool(item.refers_to_meeting_reference))
        self.refers_to.setText(_("Refers to the meeting {reference}").format(
            reference=item.refers_to_meeting_reference))
        for line, value in ((self.title_en, item.title_en), (self.title_fr, item.title_fr)):
            if line.text() != value:
                line.setText(value)
                line.setCursorPosition(0)  # a long title shows its beginning
        for text, value in ((self.description_en, item.description_en), (self.description_fr, item.description_fr)):
            if text.toPlainText() != value:
                text.setPlainText(value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind.value)))
        self.visibility.setCurrentIndex(max(0, self.visibility.findData(item.visibility.value)))
        self.duration.setValue(item.duration_minutes)
        self.fixed_check.setChecked(item.fixed_start is not None)
        self.fixed_start.setEnabled(item.fixed_start is not None)
        self.fixed_start.setDateTime(self._to_qt(item.fixed_start or item.starts_at))
        self.presenters.set_presenters(item.presenter_uuids, item.presenter_names)
        self.documents.set_linked(item.document_uuids)

    def show_error(self, field: str | None, message: str) -> None:
        target = self.errors.get(field or "", self.titles_error if field is None else None)
        if target is None:
            target = self.errors["title_en"]
        target.setText(_("⚠ {message}").format(message=message))
        target.show()

    def clear_errors(self) -> None:
        for error in set(self.errors.values()):
            error.clear()
            error.hide()

    # --- from the fields to the page ------------------------------------------------------------------

    def _text_done(self, field: str, value: str) -> None:
        if self._item is not None and getattr(self._item, field) != value:
            self._request({field: value})

    def _request(self, changes: dict[str, Any]) -> None:
        if self._filling or self._item is None:
            return
        if all(getattr(self._item, key) == value for key, value in changes.items()):
            return
        self.clear_errors()
        self.changes_requested.emit(self._item.uuid, changes)

    def _presenters_chosen(self, uuids: list[str]) -> None:
        if self._item is not None:
            self.clear_errors()
            self.presenters_requested.emit(self._item.uuid, uuids)

    def _documents_chosen(self, uuids: list[str]) -> None:
        if self._item is not None:
            self.clear_errors()
            self.documents_requested.emit(self._item.uuid, uuids)

    def _fixed_toggled(self, checked: bool) -> None:
        self.fixed_start.setEnabled(checked)
        self._request({"fixed_start": self._from_qt(self.fixed_start.dateTime()) if checked else None})

    def _fixed_edited(self) -> None:
        if self.fixed_check.isChecked():
            self._request({"fixed_start": self._from_qt(self.fixed_start.dateTime())})

    def _to_qt(self, moment: datetime) -> QDateTime:
        local = moment.astimezone(ZoneInfo(self._time_zone))
        return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))

    def _from_qt(self, value: QDateTime) -> datetime:
        day, clock = value.date(), value.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(),
                        tzinfo=ZoneInfo(self._time_zone))
