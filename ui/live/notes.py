"""Saving the notes editor as it is typed, and giving Ctrl+Z to the window's undo stack.

``NotesAutosave`` saves at most ``SAVE_DELAY_MS`` after the first keystroke not yet saved — a throttle, not
a debounce, so steady typing is saved every second too and a crash loses at most that second.  It knows
what the database holds for the item (``stored``) so that a reload after someone else's change (an undo)
replaces the editor's text only when it differs, and never while typing is waiting to be saved.

``UndoToStack`` is the event filter that lets Ctrl+Z and Ctrl+Shift+Z reach live mode's Undo and Redo
while a text box has the focus (a text box otherwise claims them for its own typing history); the capture
box keeps its own history while it has any, so a slip of the keyboard there is undone in place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.domain import minutes_text
from app.errors import ChairdeskError

SAVE_DELAY_MS = 800

# (item UUID, language, text stored before, text now) -> the text the database holds afterwards
Saver = Callable[[str, str, str, str], str]


class NotesAutosave(QObject):
    saved = Signal()
    failed = Signal(str)  # the refusal, translated (locked minutes)

    def __init__(self, editor: QPlainTextEdit, save: Saver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._save = save
        self._item: str | None = None
        self._language = "en"
        self.stored = ""
        self._loading = False
        self._dirty = False  # typed since the text was last shown or saved
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        editor.textChanged.connect(self._typed)

    @property
    def item_uuid(self) -> str | None:
        return self._item

    @property
    def language(self) -> str:
        return self._language

    def pending(self) -> bool:
        """Typing not saved yet."""
        return self._dirty

    def bind(self, item_uuid: str | None, language: str, stored: str) -> None:
        """Show another item's notes (or the same in another language); what was typed is saved first."""
        self.flush()
        self._item, self._language, self.stored = item_uuid, language, stored
        self._dirty = False
        self._set_text(stored)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def external(self, stored: str) -> None:
        """The database says the notes are ``stored`` now: show it, unless it is what the editor holds."""
        self.stored = stored
        shown = self.editor.toPlainText()
        if self._dirty or shown == stored or minutes_text.normalise(shown) == stored:
            return
        position = _end_of_change(self.editor.toPlainText(), stored)
        self._set_text(stored)
        cursor = self.editor.textCursor()
        cursor.setPosition(position)
        self.editor.setTextCursor(cursor)

    def flush(self) -> None:
        """Save now what is waiting to be saved (before an item change, an undo, leaving live mode)."""
        self._timer.stop()
        if self._item is None or not self._dirty:
            return  # only what the user typed is saved: showing notes never rewrites them
        text = self.editor.toPlainText()
        if minutes_text.normalise(text) == minutes_text.normalise(self.stored):
            self._dirty = False
            return
        try:
            self.stored = self._save(self._item, self._language, self.stored, text)
        except ChairdeskError as exc:  # shown at the field by whoever listens; the text stays typed
            self.failed.emit(str(exc))
            return
        self._dirty = False
        self.saved.emit()

    def _typed(self) -> None:
        if self._loading or self._item is None:
            return
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def _set_text(self, text: str) -> None:
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False


def _end_of_change(old: str, new: str) -> int:
    """Where the cursor goes when ``old`` becomes ``new``: after what changed, as editors do on undo."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return len(new) - suffix


class UndoToStack(QObject):
    """Ctrl+Z / Ctrl+Shift+Z go to the window's undo stack, unless a capture box has typing of its own to undo."""

    def __init__(self, own_history: tuple[QObject, ...] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._own = own_history

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if undo or redo:
                if watched in self._own and _has_history(watched, undo):
                    return False
                event.ignore()  # not overridden: live mode's shortcut fires
                return True
        return False


def _has_history(widget: QObject, undo: bool) -> bool:
    if isinstance(widget, QPlainTextEdit):
        document = widget.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
    return False
