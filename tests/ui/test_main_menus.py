"""The main window's File > Print… entries open the preview of the selected meeting's output, and
Edit > Undo history shows the undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QUndoView

from ui.main_window import MainWindow
from ui.pdf_preview import PdfPreviewDialog


def _previews() -> list[PdfPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog) and w.isVisible()]


def test_print_minutes_previews_the_selected_meeting(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.select_meeting("VGT-2019-10")
    window.menu_actions.print_minutes.trigger()
    qtbot.waitUntil(lambda: bool(_previews()), timeout=5000)
    dialog = _previews()[-1]
    qtbot.waitUntil(lambda: dialog.page_count() > 0 and not dialog.is_busy(), timeout=30000)
    assert dialog.windowTitle().startswith("Minutes")
    assert dialog._file_stem == "VGT-2019-10-minutes"  # what Save as PDF and Print name the file
    assert b"%PDF" in dialog._data[:8]
    dialog.close()


def test_printing_is_off_without_a_meeting(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert not window.menu_actions.print_minutes.isEnabled()
    assert not window.menu_actions.print_actions.isEnabled()


def test_undo_history_lists_the_stack(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.undo_stack.push(QUndoCommand("Rename the meeting"))
    window.menu_actions.history.trigger()
    views = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.findChild(QUndoView)]
    assert views
    view = views[-1].findChild(QUndoView)
    texts = [view.model().index(row, 0).data() for row in range(view.model().rowCount())]
    assert texts[-1] == "Rename the meeting"
    views[-1].close()
