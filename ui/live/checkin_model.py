"""The check-in list as a table model: a box for present and one for online, the name, the organisation and
the arrival time in the meeting's time zone.

Filtering (the search field) and sorting happen here over the rows, never through a proxy.  Ticking a box
does not write: the model emits ``toggle_requested`` and the window turns it into an undoable service call;
the reload that follows repaints the rows in place when the same people are listed, so the keyboard's
current row survives a check-in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.enums import Attendance, label
from app.domain.rules import fold
from app.i18n import N_, _, current_language, format_time
from app.services.attendees import AttendeeView

AnyIndex = QModelIndex | QPersistentModelIndex
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED_TEXT = QColor("#6B6B6B")
ARRIVED_BACKGROUND = QColor("#E3F1E4")


class CheckInColumn(IntEnum):
    PRESENT = 0
    ONLINE = 1
    NAME = 2
    ORGANISATION = 3
    ARRIVED = 4


_HEADERS = {
    CheckInColumn.PRESENT: N_("Present"),
    CheckInColumn.ONLINE: N_("Online"),
    CheckInColumn.NAME: N_("Name"),
    CheckInColumn.ORGANISATION: N_("Organisation"),
    CheckInColumn.ARRIVED: N_("Arrived"),
}
_BOXES = {CheckInColumn.PRESENT: Attendance.PRESENT, CheckInColumn.ONLINE: Attendance.ONLINE}
_SORT_KEYS: dict[CheckInColumn, Callable[[AttendeeView], Any]] = {
    CheckInColumn.PRESENT: lambda r: (r.attendance is not Attendance.PRESENT, fold(r.family_name)),
    CheckInColumn.ONLINE: lambda r: (r.attendance is not Attendance.ONLINE, fold(r.family_name)),
    CheckInColumn.NAME: lambda r: (fold(r.family_name), fold(r.given_name)),
    CheckInColumn.ORGANISATION: lambda r: (fold(r.organisation_short), fold(r.family_name), fold(r.given_name)),
    CheckInColumn.ARRIVED: lambda r: (r.arrived_at is None, r.arrived_at.timestamp() if r.arrived_at else 0.0,
                                      fold(r.family_name)),
}


def _haystack(row: AttendeeView) -> str:
    return fold(" ".join((row.given_name, row.family_name, row.organisation_short, row.organisation_name)))


class CheckInModel(QAbstractTableModel):
    toggle_requested = Signal(str, object)  # participation UUID, the Attendance ticked

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[AttendeeView] = []
        self._rows: list[AttendeeView] = []
        self._filter: list[str] = []
        self._time_zone = "UTC"
        self._sort = (CheckInColumn.NAME, Qt.SortOrder.AscendingOrder)

    # --- contents ------------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[AttendeeView], time_zone: str) -> None:
        self._all = list(rows)
        self._time_zone = time_zone
        self._refill()

    def set_filter(self, text: str) -> None:
        self._filter = fold(text).split()
        self._refill()

    def _refill(self) -> None:
        shown = [row for row in self._all if all(word in _haystack(row) for word in self._filter)]
        column, order = self._sort
        shown.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        if [row.uuid for row in shown] == [row.uuid for row in self._rows]:
            self._rows = shown  # the same people in the same order: repaint, keep the current row
            if shown:
                self.dataChanged.emit(self.index(0, 0), self.index(len(shown) - 1, len(CheckInColumn) - 1))
            return
        self.beginResetModel()
        self._rows = shown
        self.endResetModel()

    def row_at(self, row: int) -> AttendeeView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, uuid: str) -> int:
        return next((row for row, view in enumerate(self._rows) if view.uuid == uuid), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(CheckInColumn) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(CheckInColumn) - 1))

    # --- Qt's model interface ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CheckInColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() in _BOXES:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(CheckInColumn)):
            return _(_HEADERS[CheckInColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = CheckInColumn(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and column in _BOXES:
            return Qt.CheckState.Checked if row.attendance is _BOXES[column] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CheckInColumn.NAME:
                return row.person_name
            if column == CheckInColumn.ORGANISATION:
                return row.organisation_short
            if column == CheckInColumn.ARRIVED and row.arrived_at is not None:
                return format_time(row.arrived_at, self._time_zone, language=current_language())
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CheckInColumn.ORGANISATION:
                return row.organisation_name or None
            return _("{name}: {attendance}").format(name=row.person_name, attendance=label(row.attendance))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return label(row.attendance)
        if role == Qt.ItemDataRole.BackgroundRole and row.attendance in _BOXES.values():
            return QBrush(ARRIVED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == CheckInColumn.ARRIVED:
            return QBrush(MUTED_TEXT)
        if role == UUID_ROLE:
            return row.uuid
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A click on a box asks for the check-in; the stored attendance changes only through the service."""
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.CheckStateRole or index.column() not in _BOXES:
            return False
        self.toggle_requested.emit(row.uuid, _BOXES[CheckInColumn(index.column())])
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(CheckInColumn):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        uuids = [self._rows[index.row()].uuid if 0 <= index.row() < len(self._rows) else None for index in persistent]
        self._sort = (CheckInColumn(column), order)
        self._rows.sort(key=_SORT_KEYS[CheckInColumn(column)], reverse=order == Qt.SortOrder.DescendingOrder)
        rows = {view.uuid: number for number, view in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [
            self.index(rows[uuid], index.column()) if uuid in rows else QModelIndex()
            for index, uuid in zip(persistent, uuids, strict=True)])
        self.layoutChanged.emit()
