"""The agenda as a tree model: top-level points and their sub-points (one level), read from ``AgendaView``.

Columns: number, title in the active language, kind, start time in the meeting's time zone, duration,
presenters.  Closed-session points are marked several ways (a lock icon, a tinted italic row, a tooltip
and an accessible description naming the session) because their content must not reach the partners
who withdraw; partners-only points carry their own icon.
Indexes carry an integer id, 0 for a top-level point and ``parent row + 1`` for a sub-point.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from app.domain.enums import AgendaItemKind, Visibility, label
from app.i18n import N_, _, current_language, format_date, format_time
from app.meeting_text import duration, in_zone, name_list
from app.services.views import AgendaItemView, AgendaView

AnyIndex = QModelIndex | QPersistentModelIndex

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
CLOSED_BACKGROUND = QColor("#FBE3E3")
MUTED_TEXT = QColor("#6B6B6B")


class AgendaColumn(IntEnum):
    NUMBER = 0
    TITLE = 1
    KIND = 2
    START = 3
    DURATION = 4
    PRESENTERS = 5


_HEADERS = {
    AgendaColumn.NUMBER: N_("No."),
    AgendaColumn.TITLE: N_("Item"),
    AgendaColumn.KIND: N_("Kind"),
    AgendaColumn.START: N_("Start"),
    AgendaColumn.DURATION: N_("Duration"),
    AgendaColumn.PRESENTERS: N_("Presenters"),
}


class _Point:
    """A top-level agenda item with its sub-items, in agenda order."""

    __slots__ = ("item", "children")

    def __init__(self, item: AgendaItemView) -> None:
        self.item = item
        self.children: list[AgendaItemView] = []


class AgendaModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._points: list[_Point] = []
        self._time_zone = "UTC"
        self._first_day: date | None = None
        self._icons: dict[Visibility, QIcon] = {}

    def set_agenda(self, agenda: AgendaView | None, time_zone: str) -> None:
        self.beginResetModel()
        self._time_zone = time_zone
        self._first_day = in_zone(agenda.starts_at, time_zone).date() if agenda else None
        self._points = []
        by_uuid: dict[str, _Point] = {}
        for item in agenda.items if agenda else ():
            if item.parent_uuid and item.parent_uuid in by_uuid:
                by_uuid[item.parent_uuid].children.append(item)
            else:
                point = _Point(item)
                by_uuid[item.uuid] = point
                self._points.append(point)
        self.endResetModel()

    def item_count(self) -> int:
        return sum(1 + len(point.children) for point in self._points)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(AgendaColumn) - 1)
        last = len(AgendaColumn) - 1
        for row, point in enumerate(self._points):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            if point.children:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(point.children) - 1, last, parent))

    def item(self, index: AnyIndex) -> AgendaItemView | None:
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if parent_id == 0:
            return self._points[index.row()].item
        return self._points[parent_id - 1].children[index.row()]

    # --- Qt's model interface ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex | None = None) -> Any:
        if index is None:  # QObject.parent(), which this override would otherwise hide
            return super().parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._points)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._points[parent.row()].children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(AgendaColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(AgendaColumn)):
            return _(_HEADERS[AgendaColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
        column = AgendaColumn(index.column())
        closed = item.visibility == Visibility.CLOSED
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and item.visibility != Visibility.PUBLIC:
            return label(item.visibility)
        if role == Qt.ItemDataRole.DecorationRole and column == AgendaColumn.NUMBER:
            return self._icon(item.visibility)
        if role == Qt.ItemDataRole.BackgroundRole and closed:
            return QBrush(CLOSED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and item.kind == AgendaItemKind.BREAK:
            return QBrush(MUTED_TEXT)
        strong = item.depth == 0 and column in (AgendaColumn.NUMBER, AgendaColumn.TITLE)
        if role == Qt.ItemDataRole.FontRole and (strong or closed):
            font = QFont()
            font.setBold(strong)
            font.setItalic(closed)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (AgendaColumn.START, AgendaColumn.DURATION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UUID_ROLE:
            return item.uuid
        return None

    def _text(self, item: AgendaItemView, column: AgendaColumn) -> str:
        language = current_language()
        if column == AgendaColumn.NUMBER:
            return item.number
        if column == AgendaColumn.TITLE:
            return item.title(language)
        if column == AgendaColumn.KIND:
            return label(item.kind)
        if column == AgendaColumn.START:
            return self._start(item, language)
        if column == AgendaColumn.DURATION:
            return duration(item.duration_minutes) if item.duration_minutes else ""
        return name_list(item.presenter_names, language)

    def _start(self, item: AgendaItemView, language: str) -> str:
        """``13:00``; on a later day of the meeting ``Thu 3 09:00``, so that day two is not mistaken for day one."""
        time = format_time(item.starts_at, self._time_zone, language=language)
        day = in_zone(item.starts_at, self._time_zone).date()
        if self._first_day is None or day == self._first_day:
            return time
        return _("{day} {time}").format(day=format_date(day, "EEE d", language=language), time=time)

    def _tooltip(self, item: AgendaItemView, column: AgendaColumn) -> str | None:
        language = current_language()
        if column == AgendaColumn.START:
            moment = in_zone(item.starts_at, self._time_zone)
            return _("{date}, {time}").format(date=format_date(moment.date(), "full", language=language),
                                              time=format_time(moment, language=language))
        if item.visibility == Visibility.CLOSED:
            return _("Closed session: members only; partners withdraw for this item.")
        if item.visibility == Visibility.PARTNERS and column == AgendaColumn.NUMBER:
            return _("Partners only: not for the public record.")
        if column == AgendaColumn.TITLE:
            return item.title(language)
        if column == AgendaColumn.KIND:
            return label(item.kind)
        if column == AgendaColumn.PRESENTERS:
            return name_list(item.presenter_names, language) or None
        return None

    def _icon(self, visibility: Visibility) -> QIcon | None:
        names = {Visibility.CLOSED: "icons:lock.svg", Visibility.PARTNERS: "icons:partners.svg"}
        if visibility not in names:
            return None
        if visibility not in self._icons:
            self._icons[visibility] = QIcon(names[visibility])
        return self._icons[visibility]
