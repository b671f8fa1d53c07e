"""The meeting list: a table model over ``MeetingSummary`` rows, sorted in the model itself, and its view.

Reference, first day (in the meeting's time zone, long form of the active language), title in the active
language and status.  Sorting happens here on plain keys rather than through a QSortFilterProxyModel,
which would call ``data()`` for every comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.domain.enums import MeetingStatus, label
from app.domain.rules import fold
from app.i18n import N_, _, current_language
from app.meeting_text import meeting_date, meeting_when, place
from app.services.views import MeetingSummary

AnyIndex = QModelIndex | QPersistentModelIndex

UUID_ROLE = Qt.ItemDataRole.UserRole + 1


class MeetingColumn(IntEnum):
    REFERENCE = 0
    DATE = 1
    TITLE = 2
    STATUS = 3


_HEADERS = {
    MeetingColumn.REFERENCE: N_("Reference"),
    MeetingColumn.DATE: N_("Date"),
    MeetingColumn.TITLE: N_("Title"),
    MeetingColumn.STATUS: N_("Status"),
}

_STATUS_ORDER = {status: index for index, status in enumerate(MeetingStatus)}

_SORT_KEYS: dict[MeetingColumn, Callable[[MeetingSummary, str], Any]] = {
    MeetingColumn.REFERENCE: lambda m, lang: (fold(m.reference), m.starts_at),
    MeetingColumn.DATE: lambda m, lang: (m.starts_at, fold(m.reference)),
    MeetingColumn.TITLE: lambda m, lang: (fold(m.title(lang)), m.starts_at),
    MeetingColumn.STATUS: lambda m, lang: (_STATUS_ORDER[m.status], m.starts_at),
}


class MeetingListModel(QAbstractTableModel):
    """Rows are frozen summaries; the language is read at display time, so a switch needs only a repaint."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingSummary] = []
        self._sort_column = MeetingColumn.DATE
        self._sort_order = Qt.SortOrder.DescendingOrder

    # --- what the window calls -------------------------------------------------------------------------

    def set_meetings(self, meetings: Sequence[MeetingSummary]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(list(meetings))
        self.endResetModel()

    def meeting_at(self, row: int) -> MeetingSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, uuid_or_reference: str) -> int:
        key = uuid_or_reference.upper()
        for row, meeting in enumerate(self._rows):
            if meeting.uuid.upper() == key or meeting.reference.upper() == key:
                return row
        return -1

    def retranslate(self) -> None:
        """Headers, dates, titles and labels in the new language; a title sort is redone for it."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(MeetingColumn) - 1)
        if not self._rows:
            return
        if self._sort_column == MeetingColumn.TITLE:
            self.sort(self._sort_column, self._sort_order)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(MeetingColumn) - 1))

    # --- Qt's model interface ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MeetingColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        meeting = self._rows[index.row()]
        column = MeetingColumn(index.column())
        language = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MeetingColumn.REFERENCE:
                return meeting.reference
            if column == MeetingColumn.DATE:
                return meeting_date(meeting, language)
            if column == MeetingColumn.TITLE:
                return meeting.title(language)
            return label(meeting.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == MeetingColumn.TITLE:
                return "\n".join(part for part in (meeting.title(language),
                                                   place("", meeting.city, meeting.country, language)) if part)
            if column == MeetingColumn.DATE:
                return meeting_when(meeting, language)
            return None
        if role == UUID_ROLE:
            return meeting.uuid
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(MeetingColumn)):
            return _(_HEADERS[MeetingColumn(section)])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(MeetingColumn):
            return
        self._sort_column = MeetingColumn(column)
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        old_rows = [index.row() for index in before]
        uuids = [self._rows[row].uuid for row in old_rows]
        self._rows = self._sorted(self._rows)
        position = {meeting.uuid: row for row, meeting in enumerate(self._rows)}
        after = [self.index(position[uuid], index.column()) for uuid, index in zip(uuids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[MeetingSummary]) -> list[MeetingSummary]:
        key = _SORT_KEYS[self._sort_column]
        language = current_language()
        return sorted(rows, key=lambda m: key(m, language),
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)


class MeetingTable(QTableView):
    """One row per meeting, one selected at a time; arrows move the selection, Tab leaves the list."""

    def __init__(self, model: MeetingListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingList")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(MeetingColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)  # the header calls the model's own sort()
        for column in MeetingColumn:
            stretch = column == MeetingColumn.TITLE
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents)
