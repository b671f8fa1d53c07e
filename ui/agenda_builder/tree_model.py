"""The agenda builder's tree model: items and their sub-items, editable in place, moved by drag and drop.

The model only says what the user asked for: an in-place edit becomes ``edit_requested(uuid, changes)``
and a drop becomes ``move_requested(uuids, parent_uuid, row)``; the page runs the service through the
undo stack and hands the new ``AgendaView`` back.  When only values changed (a duration, a title) the
rows are updated in place, so that an open editor, the selection and the scroll position survive;
when the shape changed the model is reset.  Drags carry the items' UUIDs under a MIME type of our own;
a drop that would nest two levels deep is refused before it happens.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.enums import AgendaItemKind, Visibility, label
from app.i18n import N_, _, current_language, format_date, format_time
from app.meeting_text import duration, in_zone, name_list
from app.services.views import AgendaItemView, AgendaView

AnyIndex = QModelIndex | QPersistentModelIndex

MIME_TYPE = "application/x-chairdesk-agenda-items"
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
CLOSED_BACKGROUND = QColor("#FBE3E3")
MUTED_TEXT = QColor("#6B6B6B")
LATE_TEXT = QColor("#B00020")


class Column(IntEnum):
    NUMBER = 0
    TITLE = 1
    KIND = 2
    START = 3
    DURATION = 4
    PRESENTERS = 5


HEADERS = {
    Column.NUMBER: N_("No."),
    Column.TITLE: N_("Item"),
    Column.KIND: N_("Kind"),
    Column.START: N_("Start"),
    Column.DURATION: N_("Duration"),
    Column.PRESENTERS: N_("Presenters"),
}
EDITABLE = frozenset({Column.TITLE, Column.KIND, Column.DURATION})


def title_field(language: str) -> str:
    """The title an in-place edit changes: the one of the language the user works in."""
    return "title_fr" if language == "fr" else "title_en"


class _Point:
    __slots__ = ("item", "children")

    def __init__(self, item: AgendaItemView) -> None:
        self.item = item
        self.children: list[AgendaItemView] = []


def _shape(agenda: AgendaView | None) -> list[tuple[str, str | None]]:
    return [(item.uuid, item.parent_uuid) for item in agenda.items] if agenda else []


class AgendaTreeModel(QAbstractItemModel):
    edit_requested = Signal(str, object)  # item UUID, {field: value}
    move_requested = Signal(object, object, int)  # item UUIDs, new parent UUID or None, row among its children

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._agenda: AgendaView | None = None
        self._points: list[_Point] = []
        self._rows: dict[str, tuple[int, int]] = {}  # uuid -> (internal id, row)
        self._time_zone = "UTC"
        self._first_day: date | None = None
        self._several_days = False
        # Babel formats a time in about half a millisecond and a view asks for every cell on every paint:
        # the texts are made once per agenda (and per language) and kept here.
        self._texts: dict[tuple[str, int], str] = {}

    # --- what the page calls ------------------------------------------------------------------------------

    def set_agenda(self, agenda: AgendaView | None, time_zone: str) -> None:
        same_shape = _shape(agenda) == _shape(self._agenda) and time_zone == self._time_zone
        self._agenda, self._time_zone = agenda, time_zone
        if agenda is not None:
            self._first_day = in_zone(agenda.starts_at, time_zone).date()
            self._several_days = in_zone(agenda.meeting_end, time_zone).date() != self._first_day
        if same_shape and self._points:
            self._fill(agenda)
            self._emit_all_changed()
            return
        self.beginResetModel()
        self._fill(agenda)
        self.endResetModel()

    def _fill(self, agenda: AgendaView | None) -> None:
        self._points, self._rows, self._texts = [], {}, {}
        by_uuid: dict[str, _Point] = {}
        for item in agenda.items if agenda else ():
            point = by_uuid.get(item.parent_uuid or "")
            if item.parent_uuid and point is not None:
                self._rows[item.uuid] = (self._points.index(point) + 1, len(point.children))
                point.children.append(item)
            else:
                by_uuid[item.uuid] = _Point(item)
                self._rows[item.uuid] = (0, len(self._points))
                self._points.append(by_uuid[item.uuid])

    def _emit_all_changed(self) -> None:
        last = len(Column) - 1
        for row, point in enumerate(self._points):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            if point.children:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(point.children) - 1, last, parent))

    def retranslate(self) -> None:
        self._texts = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self._emit_all_changed()

    @property
    def agenda(self) -> AgendaView | None:
        return self._agenda

    def item(self, index: AnyIndex) -> AgendaItemView | None:
        if not index.isValid():
            return None
        internal = index.internalId()
        if internal == 0:
            return self._points[index.row()].item if index.row() < len(self._points) else None
        children = self._points[internal - 1].children
        return children[index.row()] if index.row() < len(children) else None

    def index_of(self, uuid: str, column: int = 0) -> QModelIndex:
        place = self._rows.get(uuid)
        if place is None:
            return QModelIndex()
        internal, row = place
        parent = QModelIndex() if internal == 0 else self.index(internal - 1, 0)
        return self.index(row, column, parent)

    def children_of(self, uuid: str | None) -> list[AgendaItemView]:
        """The items directly under ``uuid`` (None: the top level), in order."""
        if uuid is None:
            return [point.item for point in self._points]
        place = self._rows.get(uuid)
        return list(self._points[place[1]].children) if place and place[0] == 0 else []

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
        return len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # the top level takes drops between items
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.internalId() == 0:
            flags |= Qt.ItemFlag.ItemIsDropEnabled  # an item takes sub-items
        else:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return _(HEADERS[Column(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            key = (item.uuid, column)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._text(item, column)
            return text
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and item.visibility != Visibility.PUBLIC:
            return label(item.visibility)
        if role == Qt.ItemDataRole.BackgroundRole and item.visibility == Visibility.CLOSED:
            return QBrush(CLOSED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.START, Column.DURATION) and self._late(item):
            return QBrush(LATE_TEXT)
        if role == Qt.ItemDataRole.ForegroundRole and item.kind == AgendaItemKind.BREAK:
            return QBrush(MUTED_TEXT)
        if role == Qt.ItemDataRole.FontRole and item.depth == 0 and column in (Column.NUMBER, Column.TITLE):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.START, Column.DURATION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UUID_ROLE:
            return item.uuid
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index)
        if item is None or role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        column = Column(index.column())
        if column == Column.TITLE:
            changes: dict[str, Any] = {title_field(current_language()): str(value)}
        elif column == Column.KIND:
            changes = {"kind": AgendaItemKind(value)}
        else:
            changes = {"duration_minutes": value}
        if all(getattr(item, key) == new for key, new in changes.items()):
            return False  # nothing changed: no undo step
        self.edit_requested.emit(item.uuid, changes)
        return True

    def _edit_value(self, item: AgendaItemView, column: Column) -> Any:
        if column == Column.TITLE:
            return getattr(item, title_field(current_language())) or item.title(current_language())
        if column == Column.KIND:
            return item.kind.value
        if column == Column.DURATION:
            return item.duration_minutes
        return self._text(item, column)

    def _text(self, item: AgendaItemView, column: Column) -> str:
        language = current_language()
        if column == Column.NUMBER:
            return item.number
        if column == Column.TITLE:
            return item.title(language)
        if column == Column.KIND:
            return label(item.kind)
        if column == Column.START:
            return self.start_text(item.starts_at, language)
        if column == Column.DURATION:
            return duration(item.duration_minutes)
        return name_list(item.presenter_names, language)

    def start_text(self, moment: Any, language: str) -> str:
        """``13:00``; with the day (``Thu 3, 09:00``) in every row when the meeting runs over several days."""
        time = format_time(moment, self._time_zone, language=language)
        if not self._several_days:
            return time
        day = in_zone(moment, self._time_zone).date()
        return _("{day}, {time}").format(day=format_date(day, "EEE d", language=language), time=time)

    def _late(self, item: AgendaItemView) -> bool:
        return self._agenda is not None and item.ends_at > self._agenda.meeting_end

    def _tooltip(self, item: AgendaItemView, column: Column) -> str | None:
        language = current_language()
        if column in (Column.START, Column.DURATION) and self._late(item):
            return _("This item ends after the meeting's end.")
        if column == Column.START:
            moment = in_zone(item.starts_at, self._time_zone)
            text = _("{date}, {time}").format(date=format_date(moment.date(), "full", language=language),
                                              time=format_time(moment, language=language))
            if item.fixed_start is not None:
                text = _("{when} (starts not before a fixed time)").format(when=text)
            return text
        if column == Column.TITLE:
            return item.title(language)
        if column == Column.KIND:
            return label(item.kind)
        if column == Column.PRESENTERS:
            return name_list(item.presenter_names, language) or None
        if column == Column.NUMBER and item.visibility != Visibility.PUBLIC:
            return label(item.visibility)
        return None

    # --- drag and drop ----------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        uuids: list[str] = []
        for index in indexes:
            item = self.item(index)
            if item is not None and item.uuid not in uuids:
                uuids.append(item.uuid)
        data = QMimeData()
        payload = {"meeting": self._agenda.meeting_uuid if self._agenda else None, "items": uuids}
        data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
        return data

    def dropped_uuids(self, data: QMimeData | None) -> list[str]:
        """The UUIDs a drag carries, if they are items of the agenda shown; else an empty list."""
        if data is None or not data.hasFormat(MIME_TYPE) or self._agenda is None:
            return []
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return []
        if not isinstance(payload, dict) or payload.get("meeting") != self._agenda.meeting_uuid:
            return []
        uuids = [uuid for uuid in payload.get("items", []) if isinstance(uuid, str)]
        return uuids if uuids and all(uuid in self._rows for uuid in uuids) else []

    def _drop_target(self, parent: AnyIndex) -> tuple[bool, str | None]:
        """Whether ``parent`` may take items, and its UUID (None for the top level)."""
        if not parent.isValid():
            return True, None
        if parent.internalId() != 0:
            return False, None  # a sub-item takes no sub-items: one level only
        return True, self._points[parent.row()].item.uuid

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        uuids = self.dropped_uuids(data)
        if not uuids or action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        allowed, parent_uuid = self._drop_target(parent)
        if not allowed:
            return False
        if parent_uuid is not None:  # becoming sub-items: none may be the parent or have sub-items itself
            return all(uuid != parent_uuid and not self.children_of(uuid) for uuid in uuids)
        return True

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        _allowed, parent_uuid = self._drop_target(parent)
        target_row = row if row >= 0 else self.rowCount(parent.sibling(parent.row(), 0) if parent.isValid()
                                                            else QModelIndex())
        self.move_requested.emit(self.dropped_uuids(data), parent_uuid, target_row)
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        """Never: a drop moves items through the service; the view must not remove the dragged rows."""
        return False
