"""Fixtures and helpers shared by the documents UI tests (imported by them; holds no test of its own).

``page`` is the Documents page on a private copy of the demo, with an undo and a redo action bound to the
standard shortcuts as the main window's Edit menu binds them.  ``draft_scan`` first takes the demo's 2019
Environmental Scan back to where it stood on 30 August 2019 — version 1 in draft, before partner review —
through an audited session, so that a test can take it through review and approval again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QWidget
from sqlalchemy import select

from app import i18n
from app.domain.enums import DocumentStatus
from app.domain.models import Approval, Decision, Document, DocumentVersion, ReviewComment
from app.persistence.database import Database, open_database
from ui.context import AppContext
from ui.documents import DocumentsPage
from ui.tasks import TaskRunner

SCAN = "VGT Environmental Scan 2019"


@dataclass
class Opened:
    page: DocumentsPage
    context: AppContext
    db: Database
    path: Path
    window: QMainWindow


def reset_scan_to_draft(path: Path) -> None:
    """The demo's scan before its review: v1 in draft, no comments, no v2, no approval, no decision."""
    db = open_database(path)
    try:
        with db.transaction() as session:
            doc = session.execute(select(Document).where(Document.title_en == SCAN)).scalar_one()
            for approval in session.execute(select(Approval).join(DocumentVersion)
                                            .where(DocumentVersion.document_id == doc.id)).scalars().all():
                decision = session.get(Decision, approval.decision_id)
                session.delete(approval)
                session.flush()
                if decision is not None:
                    session.delete(decision)
            for version in list(doc.versions):
                for comment in session.execute(select(ReviewComment).where(ReviewComment.version_id == version.id)
                                               ).scalars().all():
                    session.delete(comment)
                if version.number > 1:
                    session.delete(version)
            doc.status = DocumentStatus.DRAFT
            doc.publication_date = None
            doc.publication_audience = None
    finally:
        db.close()


def open_page(qtbot, path: Path) -> Opened:  # type: ignore[no-untyped-def]
    """The page in a window that has the Edit menu's Ctrl+Z and Ctrl+Shift+Z, as the main window has."""
    window = QMainWindow()
    stack = QUndoStack(window)
    context = AppContext(stack, TaskRunner(window), window)
    db = open_database(path)
    context.set_database(db)
    page = DocumentsPage(context)
    window.setCentralWidget(page)
    for action, keys in ((stack.createUndoAction(window), "Ctrl+Z"), (stack.createRedoAction(window), "Ctrl+Shift+Z")):
        action.setShortcut(QKeySequence(keys))
        window.addAction(action)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return Opened(page, context, db, path, window)


@pytest.fixture(name="opened")
def opened_fixture(qtbot, demo_db_path: Path) -> Iterator[Opened]:  # type: ignore[no-untyped-def]
    result = open_page(qtbot, demo_db_path)
    yield result
    result.context.tasks.wait_for_done()
    result.db.close()


@pytest.fixture(name="draft_scan")
def draft_scan_fixture(qtbot, demo_db_path: Path) -> Iterator[Opened]:  # type: ignore[no-untyped-def]
    reset_scan_to_draft(demo_db_path)
    result = open_page(qtbot, demo_db_path)
    yield result
    result.context.tasks.wait_for_done()
    result.db.close()


@pytest.fixture(name="french_catalog")
def french_catalog_fixture() -> Callable[[], None]:
    """Switch to French with the shipped catalog."""

    def switch() -> None:
        i18n.set_language("fr")

    return switch


def wait_tasks(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not context.tasks.is_busy(), timeout=20000)


def click_row(qtbot, view: QAbstractItemView, row: int, column: int = 0) -> None:  # type: ignore[no-untyped-def]
    model = view.model()
    index = model.index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == row


def select_row(view: QAbstractItemView, row: int) -> None:
    """Move the current row as the arrow keys would (for rows scrolled out of sight)."""
    view.selectionModel().setCurrentIndex(view.model().index(row, 0),
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)


def row_texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(r, column, QModelIndex()).data()) for r in range(model.rowCount())]


def shortcut(qtbot, o: Opened, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:  # type: ignore[no-untyped-def]
    """A shortcut pressed where the focus is, the page's window active again after a dialog closed."""
    qtbot.wait(10)  # closed dialogs are deleted, as the event loop would between two key presses
    if QApplication.focusWidget() is None or QApplication.activeWindow() is not o.window:
        with qtbot.waitActive(o.window):
            o.window.activateWindow()
        o.page.register_view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
    QApplication.processEvents()


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Typed into ``widget``; QTest types ASCII only, so an accent goes as a key event carrying its text."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def undo(qtbot, o: Opened) -> None:  # type: ignore[no-untyped-def]
    shortcut(qtbot, o, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, o: Opened) -> None:  # type: ignore[no-untyped-def]
    shortcut(qtbot, o, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
