"""Edit > Undo history: every change of this session that can be undone, and where you stand.

Clicking a line undoes or redoes back to it (Qt's QUndoView over the window's one stack).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QUndoView, QVBoxLayout, QWidget

from app.i18n import _


class UndoHistoryDialog(QDialog):
    _open: UndoHistoryDialog | None = None

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.view = QUndoView(stack, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(420, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Undo history"))
        self.intro.setText(_("Click a line to go back to that point; click a later line to redo."))
        self.view.setEmptyLabel(_("<opened database>"))

    @classmethod
    def show_for(cls, parent: QWidget, stack: QUndoStack) -> UndoHistoryDialog:
        """One history window at a time, kept open beside the work (not modal)."""
        if cls._open is None or cls._open.parent() is not parent:
            cls._open = cls(stack, parent)
        cls._open.show()
        cls._open.raise_()
        return cls._open
