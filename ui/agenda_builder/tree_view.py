"""The agenda tree as the user handles it: in-place editors (title, kind, duration), Tab and Shift+Tab to
indent and outdent, drag and drop of rows, and a hint painted in the empty tree.

Tab indents here, as in an outline; Ctrl+Tab and Ctrl+Shift+Tab leave the tree, as in a text editor.
Inside an open editor Tab keeps its usual meaning: commit and go to the next editable cell.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from app.domain.enums import AgendaItemKind, label
from app.i18n import pgettext
from ui.agenda_builder.tree_model import EDITABLE, Column

AnyIndex = QModelIndex | QPersistentModelIndex


class ItemDelegate(QStyledItemDelegate):
    """A list of kinds for the kind, a spin box in minutes for the duration, a line for the title."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        if index.column() == Column.KIND:
            combo = QComboBox(parent)
            for kind in AgendaItemKind:
                combo.addItem(label(kind), kind.value)
            return combo
        if index.column() == Column.DURATION:
            spin = QSpinBox(parent)
            spin.setRange(0, 24 * 60)
            spin.setSingleStep(5)
            spin.setSuffix(pgettext("duration suffix", " min"))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            return spin
        editor = super().createEditor(parent, option, index)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class AgendaTree(QTreeView):
    indent_requested = Signal()
    outdent_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaBuilderTree")
        self.empty_hint = ""
        self.setItemDelegate(ItemDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setAllColumnsShowFocus(True)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(True)
        self.setItemsExpandable(False)  # one level, always open: nothing hides behind a closed point
        self.setExpandsOnDoubleClick(False)
        # Drag and drop of rows; DragDrop rather than InternalMove so that a drop made by a test or an
        # accessibility tool (no QDrag source) is judged by the model's canDropMimeData like any other.
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.header().setStretchLastSection(False)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:  # the header has its sections only now
            header = self.header()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
            model.modelReset.connect(self.expandAll)
            model.modelReset.connect(self.fit_columns)  # times and numbers take the width they need
            model.rowsInserted.connect(lambda *_args: self.expandAll())

    def fit_columns(self) -> None:
        for column in (Column.NUMBER, Column.KIND, Column.START, Column.DURATION):
            self.resizeColumnToContents(column)
        self.setColumnWidth(Column.NUMBER, max(self.columnWidth(Column.NUMBER), 64))
        self.setColumnWidth(Column.KIND, min(max(self.columnWidth(Column.KIND), 110), 190))
        self.setColumnWidth(Column.DURATION, max(self.columnWidth(Column.DURATION), 80))
        self.setColumnWidth(Column.PRESENTERS, 190)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab in an open editor goes to the next editable cell of the row (title, kind, duration), then to the
        next row, like a spreadsheet; QTreeView alone would go down the same column."""
        Action = QAbstractItemView.CursorAction
        current = self.currentIndex()
        if action not in (Action.MoveNext, Action.MovePrevious) or not current.isValid():
            return super().moveCursor(action, modifiers)
        forward = action == Action.MoveNext
        columns = sorted(EDITABLE)
        rest = [c for c in columns if (c > current.column() if forward else c < current.column())]
        if rest:
            return current.siblingAtColumn(rest[0] if forward else rest[-1])
        row = super().moveCursor(Action.MoveDown if forward else Action.MoveUp, modifiers)
        if not row.isValid() or (row.row() == current.row() and row.parent() == current.parent()):
            return QModelIndex()
        return row.siblingAtColumn(columns[0] if forward else columns[-1])

    def event(self, event: QEvent) -> bool:
        # Tab reaches focusNextPrevChild before keyPressEvent: catch it here, outside an open editor.
        if event.type() == QEvent.Type.KeyPress and self.state() != QAbstractItemView.State.EditingState:
            key_event: Any = event
            assert isinstance(key_event, QKeyEvent)
            modifiers = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key_event.key() == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
                self.indent_requested.emit()
                return True
            if key_event.key() == Qt.Key.Key_Backtab and modifiers in (Qt.KeyboardModifier.NoModifier,
                                                                        Qt.KeyboardModifier.ShiftModifier):
                self.outdent_requested.emit()
                return True
            if key_event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and (
                    modifiers & Qt.KeyboardModifier.ControlModifier):
                self.focusNextPrevChild(key_event.key() == Qt.Key.Key_Tab
                                        and not modifiers & Qt.KeyboardModifier.ShiftModifier)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # F2 edits the title when the cursor stands on a cell that has no editor (number, start, presenters).
        current = self.currentIndex()
        if (event.key() == Qt.Key.Key_F2 and current.isValid() and current.column() not in EDITABLE
                and self.state() != QAbstractItemView.State.EditingState):
            title = current.siblingAtColumn(Column.TITLE)
            self.setCurrentIndex(title)
            self.edit(title)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_hint and (model is None or model.rowCount() == 0):
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            rect = self.viewport().rect().adjusted(24, 24, -24, -24)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), self.empty_hint)
            painter.end()
