"""Shared set-up of the Directory tests: the page in a window that has the real Edit menu (Undo Ctrl+Z, Redo
Ctrl+Shift+Z), on a private copy of the demo, with the worker's results waited for as a user would wait."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from app.persistence.database import Database, open_database
from ui.context import AppContext
from ui.directory import DirectoryPage
from ui.main_actions import MainActions
from ui.tasks import TaskRunner

WAIT_MS = 15000


@dataclass
class Setup:
    window: QMainWindow
    page: DirectoryPage
    context: AppContext
    db: Database


def make_setup(qtbot, db_path: Path) -> Iterator[Setup]:  # type: ignore[no-untyped-def]
    window = QMainWindow()  # closed here, not by qtbot, which would close it before this fixture's teardown
    undo_stack = QUndoStack(window)
    tasks = TaskRunner(window)
    context = AppContext(undo_stack, tasks, window)
    MainActions(window, undo_stack)  # the Edit menu's Undo and Redo, with their shortcuts
    page = DirectoryPage(context, window)
    window.setCentralWidget(page)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    db = open_database(db_path)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        context.set_database(db)
    yield Setup(window, page, context, db)
    tasks.wait_for_done()
    qtbot.wait(10)
    if page.import_wizard is not None and isValid(page.import_wizard):
        page.import_wizard.close()
    context.set_database(None)
    db.close()
    window.close()
    window.deleteLater()
    qtbot.wait(10)


def wait_loaded(qtbot, page: DirectoryPage) -> None:  # type: ignore[no-untyped-def]
    """Let the reload the last action asked for come back from the worker."""
    qtbot.waitUntil(lambda: not page._loading and not page.search_timer.isActive(), timeout=WAIT_MS)
    page.context.tasks.wait_for_done()
    qtbot.wait(20)
    qtbot.waitUntil(lambda: not page._loading, timeout=WAIT_MS)
