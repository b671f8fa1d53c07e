"""The agenda as a flat list with the current item highlighted: beside live mode's current item, and large
on the room display.

One model serves both.  Rows are the items the owner hands over — live mode gives every item, the room
display only what ``app.services.live.room_view`` lets through — so the model cannot leak a closed item to
the room.  Columns: number, title in the active language, planned start in the meeting's time zone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.domain.enums import Visibility, label
from app.i18n import N_, _, current_language, format_date, format_time
from app.meeting_text import in_zone

AnyIndex = QModelIndex | QPersistentModelIndex
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 2


class StripItem(Protocol):
    """What a row needs: ``LiveItem`` and ``RoomItem`` both have it."""

    @property
    def uuid(self) -> str: ...
    @property
    def number(self) -> str: ...
    @property
    def depth(self) -> int: ...
    @property
    def visibility(self) -> Visibility: ...
    @property
    def starts_at(self) -> Any: ...
    def title(self, language: str) -> str: ...


class StripColumn(IntEnum):
    NUMBER = 0
    TITLE = 1
    START = 2


_HEADERS = {StripColumn.NUMBER: N_("No."), StripColumn.TITLE: N_("Item"), StripColumn.START: N_("Start")}


@dataclass(frozen=True)
class StripColours:
    current_background: QColor
    current_text: QColor
    text: QColor
    muted: QColor
    closed_background: QColor | None


LIVE_COLOURS = StripColours(QColor("#1F5FAD"), QColor("#FFFFFF"), QColor("#1B1B1B"), QColor("#6B6B6B"),
                            QColor("#FBE3E3"))
ROOM_COLOURS = StripColours(QColor("#F2C14E"), QColor("#111111"), QColor("#F4F4F4"), QColor("#A9B4C2"), None)


def strip_view(model: AgendaStripModel, parent: QWidget) -> QTableView:
    """A list-like table for the strip: no grid, no headers, no selection; titles wrap; Tab moves on."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.horizontalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(StripColumn.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(StripColumn.TITLE, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(StripColumn.START, QHeaderView.ResizeMode.ResizeToContents)
    return view


class AgendaStripModel(QAbstractTableModel):
    def __init__(self, colours: StripColours = LIVE_COLOURS, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[StripItem] = []
        self._current: str | None = None
        self._time_zone = "UTC"
        self._colours = colours
        self._lock: QIcon | None = None
        self._first_day: Any = None

    def set_items(self, items: Sequence[StripItem], time_zone: str) -> None:
        """The same items again (notes were saved) only repaint: no reset, no jump of the scroll position."""
        same = [item.uuid for item in items] == self.uuids() and time_zone == self._time_zone
        if not same:
            self.beginResetModel()
        self._items = list(items)
        self._time_zone = time_zone
        self._first_day = in_zone(self._items[0].starts_at, time_zone).date() if self._items else None
        if not same:
            self.endResetModel()
        elif self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(StripColumn) - 1))

    def set_current(self, uuid: str | None) -> None:
        before = self.row_of(self._current)
        self._current = uuid
        last = len(StripColumn) - 1
        for row in {before, self.row_of(uuid)} - {-1}:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    @property
    def current(self) -> str | None:
        return self._current

    def current_row(self) -> int:
        return self.row_of(self._current)

    def row_of(self, uuid: str | None) -> int:
        return next((row for row, item in enumerate(self._items) if item.uuid == uuid), -1)

    def uuids(self) -> list[str]:
        return [item.uuid for item in self._items]

    def numbers(self) -> list[str]:
        return [item.number for item in self._items]

    def item_at(self, row: int) -> StripItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(StripColumn) - 1)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, len(StripColumn) - 1))

    # --- Qt's model interface ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(StripColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(StripColumn)):
            return _(_HEADERS[StripColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = StripColumn(index.column())
        current = item.uuid == self._current
        closed = item.visibility is Visibility.CLOSED or bool(getattr(item, "closed", False))
        language = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == StripColumn.NUMBER:
                return item.number
            if column == StripColumn.TITLE:
                return item.title(language)
            return self._start(item, language)
        if role == Qt.ItemDataRole.ToolTipRole:
            if closed:
                return _("Closed session: not shown on the room display.")
            return item.title(language) if column == StripColumn.TITLE else None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            parts = [_("Current item")] if current else []
            if item.visibility is not Visibility.PUBLIC or closed:
                parts.append(label(Visibility.CLOSED if closed else item.visibility))
            return ", ".join(parts) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if current:
                return QBrush(self._colours.current_background)
            if closed and self._colours.closed_background is not None:
                return QBrush(self._colours.closed_background)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if current:
                return QBrush(self._colours.current_text)
            return QBrush(self._colours.muted if column == StripColumn.START else self._colours.text)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(current or (item.depth == 0 and column != StripColumn.START))
            font.setItalic(closed)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == StripColumn.NUMBER and closed:
            if self._lock is None:
                self._lock = QIcon("icons:lock.svg")
            return self._lock
        if role == Qt.ItemDataRole.TextAlignmentRole and column == StripColumn.START:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UUID_ROLE:
            return item.uuid
        if role == CURRENT_ROLE:
            return current
        return None

    def _start(self, item: StripItem, language: str) -> str:
        """``13:00``; on a later day of the meeting ``Thu 3 09:00``, so that day two is not mistaken for day one."""
        time = format_time(item.starts_at, self._time_zone, language=language)
        day = in_zone(item.starts_at, self._time_zone).date()
        if self._first_day is None or day == self._first_day:
            return time
        return _("{day} {time}").format(day=format_date(day, "EEE d", language=language), time=time)
