"""Saving as the user types: a debounced save per field, one undo step per burst of typing, and Ctrl+Z
given to the window's undo stack rather than to the text widget's own.

``FieldSaver`` waits for a pause of ``DEBOUNCE_MS`` (but never more than ``MAX_WAIT_MS`` while typing goes
on, so that at most a second is lost) and then saves the field through a service.  Each save is a
``TypingCommand`` on the window's QUndoStack; consecutive saves of the same field within ``MERGE_SECONDS``
merge (``QUndoCommand.mergeWith``), so Ctrl+Z undoes a burst, not a keystroke.  ``UndoKeyRouter`` lets
Ctrl+Z / Ctrl+Shift+Z through to the window's Edit actions after saving what is pending.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from app.errors import DomainError
from ui.context import AppContext
from ui.undo import ServiceCommand

DEBOUNCE_MS = 700
MAX_WAIT_MS = 1000
MERGE_SECONDS = 3.0
_TYPING_ID = 0x4D696E  # "Min": one id for every typing command; the field key decides the merge


class TypingCommand(ServiceCommand):
    """A burst of typing in one field: ``save(after)`` to redo, ``save(before)`` to undo."""

    def __init__(self, context: AppContext, text: str, key: tuple[str, ...], before: str, after: str,
                 save: Callable[[str], Any], kinds: Iterable[str], uuids: Iterable[str],
                 parent_widget: QWidget | None) -> None:
        super().__init__(context, text, lambda: save(self.after), lambda: save(self.before), kinds, uuids,
                         parent_widget)
        self.key = key
        self.before = before
        self.after = after
        self.stamp = time.monotonic()

    def id(self) -> int:
        return _TYPING_ID

    def mergeWith(self, other: Any) -> bool:
        if not isinstance(other, TypingCommand) or other.key != self.key:
            return False
        if other.stamp - self.stamp > MERGE_SECONDS:
            return False
        self.after, self.stamp = other.after, other.stamp
        if self.after == self.before:
            self.setObsolete(True)
        return True


def perform_typing(context: AppContext, text: str, key: tuple[str, ...], before: str, after: str,
                   save: Callable[[str], Any], kinds: Iterable[str], uuids: Iterable[str] = (),
                   parent_widget: QWidget | None = None) -> Any:
    """Like ``ui.undo.perform`` for typed text: save now (a ``DomainError`` reaches the caller, nothing is
    pushed), then push a command that merges with the previous burst of the same field."""
    result = save(after)
    kinds = frozenset(kinds)
    context.undo_stack.push(TypingCommand(context, text, key, before, after, save, kinds, uuids, parent_widget))
    context.events.announce(kinds, uuids)
    return result


class FieldSaver(QObject):
    """Saves one editor's value after a pause in typing; ``saved`` is what the database has."""

    failed = Signal(object)  # the DomainError of a refused save
    succeeded = Signal()

    def __init__(self, context: AppContext, read: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._read = read
        self.key: tuple[str, ...] = ()
        self.saved = ""
        self._save: Callable[[str], Any] | None = None
        self._undo_text: Callable[[], str] = lambda: ""
        self._kinds: frozenset[str] = frozenset()
        self._uuids: tuple[str, ...] = ()
        self._widget: QWidget | None = None
        self._pause = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._limit = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._pause.timeout.connect(self.flush)
        self._limit.timeout.connect(self.flush)

    def bind(self, key: tuple[str, ...], saved: str, save: Callable[[str], Any] | None, undo_text: Callable[[], str],
             kinds: Iterable[str], uuids: Iterable[str], widget: QWidget | None = None) -> None:
        """Point the saver at another record (after saving what was pending for the previous one)."""
        self.flush()
        self.key, self.saved, self._save, self._undo_text = key, saved, save, undo_text
        self._kinds, self._uuids, self._widget = frozenset(kinds), tuple(uuids), widget

    def set_saved(self, value: str) -> None:
        """The database changed under us (undo, another screen): this is now what is saved."""
        self.saved = value

    @property
    def pending(self) -> bool:
        return self._pause.isActive() or self._limit.isActive()

    def edited(self) -> None:
        """Call on every change the user makes."""
        if self._save is None:
            return
        self._pause.start()
        if not self._limit.isActive():
            self._limit.start()

    def flush(self) -> None:
        self._pause.stop()
        self._limit.stop()
        if self._save is None:
            return
        value = self._read()
        if value == self.saved:
            return
        before, save = self.saved, self._save
        # Saved from now on: screens refreshed by the announcement may ask to flush again meanwhile.
        self.saved = value
        try:
            perform_typing(self._context, self._undo_text(), self.key, before, value, save, self._kinds, self._uuids,
                           self._widget)
        except DomainError as error:
            self.saved = before
            self.failed.emit(error)
            return
        self.succeeded.emit()


class UndoKeyRouter(QObject):
    """An event filter for text widgets: on Ctrl+Z / Ctrl+Shift+Z, save what is pending, then let the
    window's Undo and Redo actions have the keys (the widget's own undo would bypass the stack)."""

    def __init__(self, before_undo: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._before_undo = before_undo

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            self._before_undo()
            event.ignore()
            return True
        return False
