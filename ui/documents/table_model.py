"""The base of every table model of the documents screens: frozen view rows, a ``Column`` enum per model,
texts chosen for the active language at display time, and sorting in the model on plain keys.

A subclass declares its columns (``columns`` with their untranslated headers), what a cell shows
(``text``), optionally its tooltip, alignment, colour and sort key.  Sorting happens here, never in a
QSortFilterProxyModel (see STYLE.md: 34 s through a proxy for 100,000 rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from app.i18n import _, current_language
from ui.table_model import RowTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class RowsModel(RowTableModel[Row]):
    """Rows of one view type; ``headers`` maps each column to its untranslated header."""

    headers: dict[IntEnum, str] = {}  # type: ignore[assignment]  # a dict: column -> header

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sort_column: int | None = None
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- what the screens call -----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    def row_of(self, uuid: str) -> int:
        for index, row in enumerate(self._rows):
            if getattr(row, "uuid", None) == uuid:
                return index
        return -1

    # --- what a subclass says -----------------------------------------------------------------------------------------

    def text(self, row: Row, column: int, language: str) -> str:
        raise NotImplementedError

    def tooltip(self, row: Row, column: int, language: str) -> str | None:
        return None

    def foreground(self, row: Row, column: int) -> QBrush | None:
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def sort_key(self, row: Row, column: int, language: str) -> Any:
        return self.text(row, column, language).casefold()

    # --- Qt's model interface ------------------------------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return _(list(self.headers.values())[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        language = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column, language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column, language)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.alignment(column))
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == UUID_ROLE:
            return getattr(row, "uuid", None)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [id(self._rows[index.row()]) for index in before]
        self._rows = self._sorted(self._rows)
        position = {id(row): number for number, row in enumerate(self._rows)}
        after = [self.index(position[key], index.column()) for key, index in zip(keys, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self._sort_column is None:
            return rows
        column, language = self._sort_column, current_language()
        return sorted(rows, key=lambda r: self.sort_key(r, column, language),
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
