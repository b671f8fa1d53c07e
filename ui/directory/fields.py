"""The field widgets of the directory's forms: a choice among an enumeration, a country (named in the active
language), an organisation, a time zone with search, notes that save when left, and the red line under a
field that says why a value was refused.

Two small behaviours make the forms feel like the rest of the window: Escape in a field puts back the saved
value, and Ctrl+Z / Ctrl+Shift+Z in a field with no typing of its own to undo reach the window's undo stack
(a QLineEdit otherwise swallows them even when it has nothing to undo).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.domain.enums import label
from app.interchange.spreadsheet_mapping import countries, parse_time_zone
from app.services.views import OrganisationView

ERROR_STYLE = "color: #B00020;"
_SKIPPED_ZONE_PREFIXES = ("Etc/", "SystemV/", "US/", "posix/", "right/", "Canada/", "Mexico/", "Brazil/", "Chile/")


@lru_cache(maxsize=1)
def time_zones() -> tuple[str, ...]:
    """IANA zones a person lives in: Region/City names, without the legacy aliases, and UTC."""
    zones = sorted(z for z in available_timezones() if "/" in z and not z.startswith(_SKIPPED_ZONE_PREFIXES))
    return ("UTC", *zones)


class ErrorLine(QLabel):
    """Why the value above was refused; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class FieldKeys(QObject):
    """Escape reverts a field; the window's Undo/Redo shortcuts pass through a field with nothing to undo."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reverts: dict[QObject, Any] = {}

    def watch(self, widget: QWidget, revert: Any = None) -> None:
        widget.installEventFilter(self)
        if revert is not None:
            self._reverts[widget] = revert

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) and not _can_undo(watched):
                event.ignore()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) and not _can_redo(watched):
                event.ignore()
                return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and watched in self._reverts):
            self._reverts[watched]()
            return True
        return False


def _can_undo(widget: QObject | None) -> bool:
    if isinstance(widget, QComboBox):
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable()
    if isinstance(widget, QPlainTextEdit):
        return widget.document().isUndoAvailable()
    return False


def _can_redo(widget: QObject | None) -> bool:
    if isinstance(widget, QComboBox):
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable()
    if isinstance(widget, QPlainTextEdit):
        return widget.document().isRedoAvailable()
    return False


class ChoiceCombo(QComboBox):
    """A fixed list of (value, text); ``value()`` is the data of the current item ("" for none)."""

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        for value, text in choices:
            self.addItem(text, value)
        self.set_value(current)
        self.blockSignals(False)

    def value(self) -> Any:
        return self.currentData() if self.currentIndex() >= 0 else None

    def set_value(self, value: Any) -> None:
        index = self.findData(value if value is not None else "")
        self.setCurrentIndex(max(index, 0))


def enum_choices(enum: type[StrEnum]) -> list[tuple[Any, str]]:
    return [(member.value, label(member)) for member in enum]


def country_choices(none_text: str, language: str) -> list[tuple[Any, str]]:
    return [("", none_text), *countries(language)]


def organisation_choices(none_text: str, organisations: Sequence[OrganisationView],
                         language: str) -> list[tuple[Any, str]]:
    def text(org: OrganisationView) -> str:
        short, name = org.short(language), org.name(language)
        return f"{short} — {name}" if short != name else name

    return [("", none_text), *sorted(((o.uuid, text(o)) for o in organisations), key=lambda p: p[1].casefold())]


class TimeZoneCombo(QComboBox):
    """An editable list of IANA zones; typing any part of a name ("toronto", "Paris") offers the matches.

    ``editing_finished`` when focus leaves the field: the line edit's own signal does not come while the
    completer's list is open, which is exactly when a user types part of a name and presses Tab.  Leaving
    for the drop-down list of the combo itself is not leaving.
    """

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("")
        self.addItems(list(time_zones()))
        self.setMaxVisibleItems(15)
        completer = QCompleter(QStringListModel(list(time_zones()), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.focusChanged.connect(self._focus_changed)

    def value(self) -> str:
        """The zone typed or chosen, spelt as IANA spells it (``europe/paris`` -> ``Europe/Paris``)."""
        text = self.currentText().strip()
        return parse_time_zone(text) or text

    def set_value(self, zone: str | None) -> None:
        index = self.findText(zone or "", Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.setCurrentIndex(index)
        self.setEditText(zone or "")
        line = self.lineEdit()
        if line is not None:
            line.setModified(False)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Focus events do not reach the combo while the completer's list is open (it is the active popup), so
        # the application's own record of focus moves is what tells that the user has left the field.
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        mine = (self, self.lineEdit(), popup, self.view())
        if old is not None and old in mine and new is not None and new not in mine and not self.isAncestorOf(new):
            if popup is not None and popup.isVisible():
                popup.hide()
            self.editing_finished.emit()


class NotesEdit(QPlainTextEdit):
    """Several lines of notes; ``editing_finished`` when focus leaves after a change, as QLineEdit does."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, text: str) -> None:
        self.setPlainText(text)
        self.document().setModified(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.editing_finished.emit()
