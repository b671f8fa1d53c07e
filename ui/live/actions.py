"""Live mode's keyboard: every command as an action of the live window, with its shortcuts.

Live mode is a window of its own, so these shortcuts never clash with the main window's (F5 refreshes
there, shows the room display here).  Undo and Redo act on the one undo stack of the app; the capture
keys (Ctrl+D, Ctrl+Shift+A, Ctrl+Enter) are not claimed by text boxes, so they work while typing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from app.i18n import _

Key = QKeySequence.StandardKey


def _keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    result: list[QKeySequence] = []
    for key in keys:
        for sequence in (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                         else [QKeySequence(key)]):
            if sequence not in result:
                result.append(sequence)
    return result


class LiveActions(QObject):
    def __init__(self, window: QWidget, undo_stack: QUndoStack) -> None:
        super().__init__(window)

        def action(keys: list[QKeySequence]) -> QAction:
            created = QAction(window)
            created.setShortcuts(keys)
            created.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(created)
            return created

        self.next_item = action(_keys("PgDown", "Alt+Right"))
        self.previous_item = action(_keys("PgUp", "Alt+Left"))
        self.decision = action(_keys("Ctrl+D"))
        self.action = action(_keys("Ctrl+Shift+A"))
        self.note = action(_keys("Ctrl+Return", "Ctrl+Enter"))
        self.room = action(_keys("F5"))
        self.leave = action(_keys("Esc"))
        self.find = action(_keys(Key.Find, "Ctrl+F"))
        self.full_screen = action(_keys("F11"))
        self.undo = action(_keys(Key.Undo, "Ctrl+Z"))
        self.redo = action(_keys(Key.Redo, "Ctrl+Shift+Z"))
        self._stack = undo_stack
        self.undo.setEnabled(undo_stack.canUndo())
        self.redo.setEnabled(undo_stack.canRedo())
        undo_stack.canUndoChanged.connect(self.undo.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo.setEnabled)
        # Bound methods, not lambdas: the connections go with this object when live mode closes.
        undo_stack.undoTextChanged.connect(self._stack_text_changed)
        undo_stack.redoTextChanged.connect(self._stack_text_changed)
        self.retranslate()

    def _stack_text_changed(self, _text: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            self.next_item: _("Next item (Page Down, Alt+Right)"),
            self.previous_item: _("Previous item (Page Up, Alt+Left)"),
            self.decision: _("Record the capture as a decision (Ctrl+D)"),
            self.action: _("Record the capture as an action (Ctrl+Shift+A)"),
            self.note: _("Add the capture to the notes (Ctrl+Enter)"),
            self.room: _("Show or hide the room display (F5)"),
            self.leave: _("Leave live mode (Esc)"),
            self.find: _("Find someone to check in (Ctrl+F)"),
            self.full_screen: _("Full screen (F11)"),
        }
        for action, text in texts.items():
            action.setText(text)
            action.setToolTip(text)
        undo, redo = self._stack.undoText(), self._stack.redoText()
        self.undo.setText(_("&Undo {action}").format(action=undo) if undo else _("&Undo"))
        self.redo.setText(_("&Redo {action}").format(action=redo) if redo else _("&Redo"))
