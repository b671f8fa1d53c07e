"""Small form pieces the documents screens share: a date that may be empty, a combo over an enumeration
with translated labels, and the red line under a field that says why a value was refused.

A refused value (``DomainError`` with a ``field``) is shown at the field it names, never only in a box.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTableView,
    QWidget,
)

from app.domain.enums import label
from app.i18n import _

ERROR_STYLE = "color: #B00020;"


class OptionalDateEdit(QWidget):
    """A date, or none: the box ticks the date on or off (QDateEdit alone cannot be empty)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.edit.setMinimumWidth(130)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        picked = self.edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))

    def set_label(self, text: str) -> None:
        self.check.setText(text)
        self.check.setAccessibleName(text)


class EnumCombo(QComboBox):
    """The values of an enumeration by their translated labels; ``optional`` adds an empty first choice."""

    def __init__(self, values: Iterable[StrEnum], optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[StrEnum | None] = ([None] if optional else []) + list(values)
        self._none_text = ""
        for _value in self._values:
            self.addItem("")
        self.retranslate()

    def retranslate(self, none_text: str | None = None) -> None:
        if none_text is not None:
            self._none_text = none_text
        for index, value in enumerate(self._values):
            self.setItemText(index, self._none_text if value is None else label(value))

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: StrEnum | None) -> None:
        if value in self._values:
            self.setCurrentIndex(self._values.index(value))


class FieldErrors:
    """Red lines under fields, keyed by the field names the services use in ``DomainError.field``."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._fallback: QLabel | None = None

    def make(self, field: str, parent: QWidget) -> QLabel:
        error = QLabel(parent)
        error.setObjectName(f"error_{field}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.hide()
        self._labels[field] = error
        if self._fallback is None:
            self._fallback = error
        return error

    def alias(self, field: str, existing: str) -> None:
        """Show errors about ``field`` under the label made for ``existing``."""
        self._labels[field] = self._labels[existing]

    def set_fallback(self, field: str) -> None:
        self._fallback = self._labels[field]

    def show(self, field: str | None, message: str) -> QLabel | None:
        self.clear()
        target = self._labels.get(field or "", self._fallback)
        if target is not None:
            target.setText(message)
            target.show()
        return target

    def clear(self) -> None:
        for error in set(self._labels.values()):
            error.clear()
            error.hide()

    def message(self, field: str) -> str:
        error = self._labels.get(field)
        return error.text() if error is not None and not error.isHidden() else ""


def table_view(parent: QWidget, wrap: bool = False) -> QTableView:
    """A list of rows with one selected at a time, sortable by its header (the model sorts)."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    view.setTabKeyNavigation(False)
    view.horizontalHeader().setHighlightSections(False)
    return view


def not_set() -> str:
    return _("Not set")
