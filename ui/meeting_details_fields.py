"""The editors the meeting forms are made of, and how a form field shows a refused value.

Enumeration combos labelled through ``label()``, the TLP marking with its colour, countries named in the
active language, a date-time editor holding the wall-clock time of the meeting's own time zone (never the
computer's), directory pickers for people and organisations, and ``FieldError``: red text under the
field, the field outlined, and the message as the field's accessible description.

``pass_undo_to_window`` exists because an editable QLineEdit claims Ctrl+Z for its own typing history even
when it has none, so the window's Undo would never fire while such a field has focus.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QComboBox, QLabel, QLineEdit, QWidget

from app.domain.enums import Marking, label
from app.domain.rules import country_codes, fold, is_valid_country
from app.i18n import _, current_language
from app.meeting_text import country_name
from app.services.directory import list_organisations, list_people
from ui.marking_badge import TLP_COLOURS
from ui.time_zone_picker import Choice, SearchPicker, best_match

if TYPE_CHECKING:
    from app.persistence.database import Database

ERROR_COLOUR = "#B3261E"


class _UndoToWindow(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's Undo/Redo unless the field has its own typing to undo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo, redo = event.matches(QKeySequence.StandardKey.Undo), event.matches(QKeySequence.StandardKey.Redo)
            if undo or redo:
                own = isinstance(watched, QLineEdit) and (
                    watched.isUndoAvailable() if undo else watched.isRedoAvailable())
                if not own:
                    event.ignore()  # not overridden: the window's shortcut fires
                    return True
        return False


_UNDO_FILTER: _UndoToWindow | None = None


def pass_undo_to_window(*widgets: QWidget) -> None:
    global _UNDO_FILTER
    if _UNDO_FILTER is None:
        _UNDO_FILTER = _UndoToWindow()
    for widget in widgets:
        widget.installEventFilter(_UNDO_FILTER)


class FieldError:
    """The refusal shown at one field: a red sentence under it, the field outlined, and said to screen readers."""

    def __init__(self, field: QWidget, parent: QWidget) -> None:
        self.field = field
        self.label = QLabel(parent)
        self.label.setObjectName("fieldError")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(f"QLabel#fieldError {{ color: {ERROR_COLOUR}; }}")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.hide()
        self.hint = ""

    @property
    def message(self) -> str:
        return self.label.text() if self.label.isVisible() or self.label.text() else ""

    def show(self, message: str) -> None:
        self.label.setText(message)
        self.label.setAccessibleName(_("Error: {message}").format(message=message))
        self.label.show()
        self.field.setAccessibleDescription(message)
        self.field.setProperty("invalid", True)
        self._repolish()

    def clear(self) -> None:
        if not self.label.text() and not self.field.property("invalid"):
            return
        self.label.clear()
        self.label.hide()
        self.field.setAccessibleDescription(self.hint)
        self.field.setProperty("invalid", False)
        self._repolish()

    def _repolish(self) -> None:
        style = self.field.style()
        style.unpolish(self.field)
        style.polish(self.field)
        self.field.update()


INVALID_STYLE = (f'*[invalid="true"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; '
                 'background: #FDECEA; }')


class EnumCombo(QComboBox):
    """One value of a ``StrEnum``, labelled in the active language; ``activated`` is the user's choice."""

    def __init__(self, enum: type[StrEnum], parent: QWidget | None = None,
                 values: Sequence[StrEnum] | None = None) -> None:
        super().__init__(parent)
        for value in values if values is not None else list(enum):
            self.addItem("", value.value)
        self._enum = enum
        self.retranslate()

    def value(self) -> StrEnum | None:
        data = self.currentData()
        return self._enum(data) if data is not None else None

    def set_value(self, value: StrEnum | None) -> None:
        self.setCurrentIndex(self.findData(value.value) if value is not None else -1)

    def retranslate(self) -> None:
        for index in range(self.count()):
            self.setItemText(index, label(self._enum(self.itemData(index))))


@lru_cache(maxsize=8)
def _swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(28, 14)
    pixmap.fill(QColor("#000000"))
    painter = QPainter(pixmap)
    painter.fillRect(3, 3, 22, 8, QColor(colour))
    painter.end()
    return pixmap


class MarkingCombo(EnumCombo):
    """The TLP marking, each entry with its colour on black as the standard sets it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Marking, parent)
        for index in range(self.count()):
            self.setItemIcon(index, QIcon(_swatch(TLP_COLOURS[Marking(self.itemData(index))])))


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, tuple[str, ...]]:
    """Folded names of every country in English and French, and its code, whatever the interface language."""
    return {code: tuple(fold(name) for name in (code, country_name(code, "en"), country_name(code, "fr")))
            for code in sorted(country_codes()) if is_valid_country(code)}


def search_countries(text: str) -> list[Choice]:
    typed, language = fold(text.strip()), current_language()
    if not typed:
        return []
    ranked = sorted((best_match(typed, keys), fold(country_name(code, language)), code)
                    for code, keys in _country_keys().items())
    return [Choice(code, country_name(code, language), code) for score, _name, code in ranked if score[0] < 9]


class CountryPicker(SearchPicker):
    """A country by its ISO code, found by its name in English or French (or its code), or none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(search_countries, allow_empty=True, parent=parent)
        self.retranslate()

    def set_country(self, code: str | None) -> None:
        self.set_value(code, country_name(code, current_language()) if code else "")

    def retranslate(self) -> None:
        self.setPlaceholderText(_("Type a country"))
        self.set_country(self.value())


_TYPED_MOMENT = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})\s*[:hH.]\s*(\d{2}))?\s*$")


def parse_local(text: str, default_time: time | None = None) -> datetime | None:
    """``2019-10-02 13:00`` (also ``13h00``, ``T13:00``, or a date alone keeping ``default_time``), or None."""
    found = _TYPED_MOMENT.match(text)
    if found is None:
        return None
    year, month, day, hour, minute = found.groups()
    try:
        if hour is None:
            if default_time is None:
                return None
            return datetime.combine(date(int(year), int(month), int(day)), default_time)
        return datetime(int(year), int(month), int(day), int(hour), int(minute))
    except ValueError:  # 2019-02-30, 25:00
        return None


@lru_cache(maxsize=1)
def _calendar_icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#4A4A4A"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 3, QColor("#4A4A4A"))
    for row in (7, 10):
        for column in (4, 7, 10):
            painter.fillRect(column, row, 2, 2, QColor("#4A4A4A"))
    painter.end()
    return QIcon(pixmap)


class LocalDateTimeEdit(QLineEdit):
    """A wall-clock date and time in the meeting's zone, typed in ISO order (``2019-10-02 13:00``) or picked
    from a calendar; it never meets the computer's own zone.

    A line edit rather than a QDateTimeEdit: Qt 6.12's editor ignored a typed year and took a click on its
    text for its "step down" button, and a secretariat types dates.  ``committed`` says the user is done
    (Enter, leaving the field, or a day picked in the calendar).
    """

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time = time(9, 0)
        self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.triggered.connect(self.show_calendar)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)  # a child of the field, shown as its own popup
        self.calendar.setGridVisible(False)
        self.calendar.activated.connect(self._day_picked)
        self.calendar.clicked.connect(self._day_picked)
        self.editingFinished.connect(self.committed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("2019-10-02 13:00") + 48)
        self.retranslate()

    def set_local(self, local: datetime) -> None:
        self._time = local.time().replace(second=0, microsecond=0)
        self.setText(local.strftime("%Y-%m-%d %H:%M"))  # also forgets the field's own typing history

    def local(self) -> datetime | None:
        """What is typed, or None if it is not a date and time."""
        return parse_local(self.text(), self._time)

    def show_calendar(self) -> None:
        typed = self.local()
        if typed is not None:
            self.calendar.setSelectedDate(QDate(typed.year, typed.month, typed.day))
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _day_picked(self, day: QDate) -> None:
        self.calendar.hide()
        moment = self.local()
        clock = moment.time() if moment is not None else self._time
        self.setText(datetime.combine(date(day.year(), day.month(), day.day()), clock).strftime("%Y-%m-%d %H:%M"))
        self.setFocus()
        self.committed.emit()

    def retranslate(self) -> None:
        self.setPlaceholderText(_("YYYY-MM-DD HH:MM"))
        self.calendar_action.setText(_("Choose the day in a calendar"))
        self.calendar_action.setToolTip(_("Choose the day in a calendar"))


def person_search(db: Callable[[], Database | None]) -> Callable[[str], list[Choice]]:
    """People of the directory matching the typed text (name, e-mail or organisation), accent-free."""
    def search(text: str) -> list[Choice]:
        database = db()
        if database is None:
            return []
        people = list_people(database, search=text, language=current_language())
        return [Choice(p.uuid, p.full_name, p.organisation_short) for p in people]

    return search


def organisation_search(db: Callable[[], Database | None]) -> Callable[[str], list[Choice]]:
    def search(text: str) -> list[Choice]:
        database = db()
        if database is None:
            return []
        language = current_language()
        return [Choice(o.uuid, o.name(language), o.acronym(language))
                for o in list_organisations(database, search=text)]

    return search


class DirectoryPicker(SearchPicker):
    """A person or an organisation of the directory, or none (cleared)."""

    def __init__(self, search: Callable[[str], list[Choice]], parent: QWidget | None = None) -> None:
        super().__init__(search, allow_empty=True, parent=parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(_("Type to search the directory"))

