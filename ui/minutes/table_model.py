"""The base of the minutes screens' table models: rows of one frozen view type, each with a ``uuid``.

A reload with the same rows in the same order only repaints (``dataChanged``), so that the selection and
the editor beside the table stay as they are while the user types; anything else resets the model.
Subclasses give the headers (``N_()`` strings), the cell texts and, if they wish, colours and tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import current_language
from ui.table_model import RowTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
ATTENTION = QColor("#FBE3E3")  # overdue actions, replies not yet in
ATTENTION_TEXT = QColor("#8A1C1C")


class RowsModel(RowTableModel[Row]):
    def set_rows(self, rows: Sequence[Row]) -> None:
        rows = list(rows)
        if rows and [self.key(r) for r in rows] == [self.key(r) for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.headers) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, uuid: str) -> int:
        return next((n for n, row in enumerate(self._rows) if self.key(row) == uuid), -1)

    def key(self, row: Row) -> str:
        return str(getattr(row, "uuid", id(row)))

    # --- Qt's model interface ---------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        language = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column(), language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column(), language)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ATTENTION) if self.needs_attention(row) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ATTENTION_TEXT) if self.needs_attention(row) else None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.attention_text(row) if self.needs_attention(row) else None
        if role == UUID_ROLE:
            return self.key(row)
        return None

    def text(self, row: Row, column: int, language: str) -> str:
        raise NotImplementedError

    def tooltip(self, row: Row, column: int, language: str) -> str | None:
        return self.attention_text(row) if self.needs_attention(row) else None

    def needs_attention(self, row: Row) -> bool:
        return False

    def attention_text(self, row: Row) -> str | None:
        return None


def one_line(text: str) -> str:
    return " ".join(text.split())
