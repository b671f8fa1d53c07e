"""The base of the minutes screens' table models: rows of one frozen view type, each with a ``uuid``.

A reload with the same rows in the same order only repaints (``dataChanged``), so that the selection and
the editor beside the table stay as they are while the user types; anything else resets the model.
Subclasses give the headers (``N_()`` strings), the cell texts and, if they wish, colours and tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import _, current_language

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
ATTENTION = QColor("#FBE3E3")  # overdue actions, replies not yet in
ATTENTION_TEXT = QColor("#8A1C1C")


class RowsModel(QAbstractTableModel, Generic[Row]):
    headers: Sequence[str] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        rows = list(rows)
        if rows and [self.key(r) for r in rows] == [self.key(r) for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.headers) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, uuid: str) -> int:
        return next((n for n, row in enumerate(self._rows) if self.key(row) == uuid), -1)

    def key(self, row: Row) -> str:
        return str(getattr(row, "uuid", id(row)))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.headers) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.headers) - 1))

    # --- Qt's model interface ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return _(self.headers[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

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
