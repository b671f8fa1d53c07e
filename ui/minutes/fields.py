"""Fields that save as they are typed: a caption, an editor (rich minutes text or plain text), and the
message of a refused save shown right under the field.  Also the small helpers every form here uses:
combo boxes over enumerations and the error label."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.enums import label
from app.errors import DomainError
from ui.context import AppContext
from ui.minutes.autosave import FieldSaver, UndoKeyRouter
from ui.minutes.rich_editor import MinutesTextEdit


class PlainTextEdit(QPlainTextEdit):
    """Plain text for decisions and actions; ``edited`` only for what the user does."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._changed)

    def set_markup(self, text: str) -> None:
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False

    def markup(self) -> str:
        return self.toPlainText()

    def _changed(self) -> None:
        if not self._loading and not self.isReadOnly():
            self.edited.emit()


def error_label(parent: QWidget) -> QLabel:
    error = QLabel(parent)
    error.setObjectName("fieldError")
    error.setWordWrap(True)
    error.setStyleSheet("QLabel#fieldError { color: #B00020; }")
    error.hide()
    return error


def show_error(error: QLabel, problem: DomainError | str | None) -> None:
    error.setText(str(problem) if problem else "")
    error.setVisible(bool(problem))


class TextField(QWidget):
    """One text that saves itself: ``bind()`` it to a record, ``show_value()`` what the database has."""

    def __init__(self, context: AppContext, router: UndoKeyRouter, rich: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.editor: MinutesTextEdit | PlainTextEdit = MinutesTextEdit(self) if rich else PlainTextEdit(self)
        self.caption.setBuddy(self.editor)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        self.saver = FieldSaver(context, self.editor.markup, self)
        self.editor.edited.connect(self.saver.edited)
        self.saver.failed.connect(lambda problem: show_error(self.error, problem))
        self.saver.succeeded.connect(lambda: show_error(self.error, None))
        router.watch(self.editor)

    def bind(self, key: tuple[str, ...], saved: str, save: Callable[[str], Any] | None, undo_text: Callable[[], str],
             kinds: Iterable[str], uuids: Iterable[str]) -> None:
        self.saver.bind(key, saved, save, undo_text, kinds, uuids, self)
        self.editor.set_markup(saved)
        show_error(self.error, None)

    def show_value(self, saved: str) -> None:
        """The database's value after a reload: shown unless the user is still typing over it."""
        if self.saver.pending:
            return
        self.saver.set_saved(saved)
        if self.editor.markup() != saved:
            self.editor.set_markup(saved)

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setReadOnly(read_only)


class EnumCombo(QComboBox):
    """A combo box over enumeration values, labelled through ``label()`` (re-labelled on retranslate)."""

    def __init__(self, values: Sequence[StrEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = list(values)
        for value in self._values:
            self.addItem(label(value), value.value)

    def value(self) -> StrEnum:
        return self._values[max(0, self.currentIndex())]

    def set_value(self, value: StrEnum) -> None:
        self.blockSignals(True)
        try:
            self.setCurrentIndex(self._values.index(value))
        finally:
            self.blockSignals(False)

    def retranslate(self) -> None:
        for index, value in enumerate(self._values):
            self.setItemText(index, label(value))
