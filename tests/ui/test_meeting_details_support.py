"""What the Details page and New meeting tests share (no tests here): a context on a private copy of the
demo, a window around the page with the Edit menu's Undo and Redo shortcuts, typing helpers, and French
with this area's proposed translations (i18n/incoming/meeting_details.po) until they are merged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app import i18n
from app.persistence.database import open_database
from ui.context import AppContext
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
OTTAWA = "9251dcd4-d78d-5899-a81c-aaf54321e98b"  # VGT-2019-10 in the demo
NBSP, NNBSP = "\u00a0", "\u202f"


def make_context(demo_db_path: Path) -> AppContext:
    context = AppContext(QUndoStack(), TaskRunner())
    context.set_database(open_database(demo_db_path))
    return context


def close_context(context: AppContext) -> None:
    context.tasks.wait_for_done()
    db = context.db
    context.set_database(None)
    if db is not None:
        db.close()


def edit_window(qtbot, context: AppContext, central: QWidget) -> QMainWindow:  # type: ignore[no-untyped-def]
    """A window like the main one: the page inside, Edit ▸ Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) on the stack."""
    window = QMainWindow()
    undo = context.undo_stack.createUndoAction(window)
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = context.undo_stack.createRedoAction(window)
    redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
    window.addActions([undo, redo])
    window.setCentralWidget(central)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def type_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click into a field, select what is there and type over it."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)


def press(qtbot, widget: QWidget, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """A key as the keyboard sends it: to the open popup (a completer's list) if there is one, else the widget."""
    qtbot.keyClick(QApplication.activePopupWidget() or widget, key)


def press_undo(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def press_redo(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def use_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """French from the shipped catalog (the parameters stay for the callers)."""
    i18n.set_language("fr")
