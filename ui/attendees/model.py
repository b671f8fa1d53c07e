"""The attendee list as a tree model: sectors, the organisations in each, and the people who represent them.

A group row has its name and size (``TITLE_ROLE``) and its counts (``SUMMARY_ROLE``: how many invited,
confirmed, declined, present, online, excused) in its first column, which the view spans over the row;
person rows carry name, organisation, role, invitation, attendance and arrival time in the meeting's time
zone, the middle three editable through ``edit_requested`` (the model never writes: the page turns the
request into an undoable service call).  People without an organisation sit directly under a last group.

Rows are sorted here, never through a proxy: groups in the order of ``list_order``, people inside a group by
the column the user chose.  A reload that keeps the same rows only repaints them, so editors, selection and
scroll position survive an edit; a reload that adds or removes rows resets the model, and the page puts the
selection and the collapsed groups back by their keys.  Indexes carry the position of their node in
``_nodes`` as internal id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain.enums import Attendance, InvitationStatus, Role, Sector, label
from app.domain.rules import fold
from app.i18n import N_, _, current_language, format_date, format_time, ngettext
from app.meeting_text import in_zone
from app.services.attendees import AttendeeView, count_attendance, list_order
from app.services.views import AttendanceCounts
from ui.attendees.totals import attendance_summary, invitation_summary

AnyIndex = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # "p:<participation uuid>", "s:<sector>", "o:<sector>:<organisation uuid>"
UUID_ROLE = Qt.ItemDataRole.UserRole + 2  # the participation's UUID on person rows, None on groups
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3  # a group's name and size: "RCMP (3 people)"
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 4  # a group's counts: "3 invited: 3 confirmed · 3 present"
SECTOR_BACKGROUND = QColor("#ECEFF3")
MUTED_TEXT = QColor("#6B6B6B")


class AttendeeColumn(IntEnum):
    NAME = 0
    ORGANISATION = 1
    ROLE = 2
    INVITATION = 3
    ATTENDANCE = 4
    ARRIVAL = 5


_HEADERS = {
    AttendeeColumn.NAME: N_("Name"),
    AttendeeColumn.ORGANISATION: N_("Organisation"),
    AttendeeColumn.ROLE: N_("Role"),
    AttendeeColumn.INVITATION: N_("Invitation"),
    AttendeeColumn.ATTENDANCE: N_("Attendance"),
    AttendeeColumn.ARRIVAL: N_("Arrival"),
}

# The columns a person row edits in place, the field each sets and the values it offers.
EDITABLE: dict[AttendeeColumn, tuple[str, type[Role] | type[InvitationStatus] | type[Attendance]]] = {
    AttendeeColumn.ROLE: ("role", Role),
    AttendeeColumn.INVITATION: ("invitation_status", InvitationStatus),
    AttendeeColumn.ATTENDANCE: ("attendance", Attendance),
}

_ORDER: dict[Any, int] = {value: index for enum in (Role, InvitationStatus, Attendance)
                          for index, value in enumerate(enum)}
_SORT_KEYS: dict[AttendeeColumn, Callable[[AttendeeView], Any]] = {
    AttendeeColumn.NAME: lambda r: (fold(r.family_name), fold(r.given_name)),
    AttendeeColumn.ORGANISATION: lambda r: (fold(r.organisation_short), fold(r.family_name), fold(r.given_name)),
    AttendeeColumn.ROLE: lambda r: (_ORDER[r.role], fold(r.family_name)),
    AttendeeColumn.INVITATION: lambda r: (_ORDER[r.invitation_status], fold(r.family_name)),
    AttendeeColumn.ATTENDANCE: lambda r: (_ORDER[r.attendance], fold(r.family_name)),
    AttendeeColumn.ARRIVAL: lambda r: (r.arrived_at is None, r.arrived_at.timestamp() if r.arrived_at else 0,
                                       fold(r.family_name)),
}


class _Node:
    """A row of the tree: a sector, an organisation or a person (``attendee`` set)."""

    __slots__ = ("key", "parent", "row", "position", "children", "attendee", "sector", "title", "summary", "tooltip",
                 "counts")

    def __init__(self, key: str, parent: _Node | None, attendee: AttendeeView | None = None) -> None:
        self.key = key
        self.parent = parent
        self.row = 0  # among its parent's children
        self.position = -1  # in the model's list of nodes: the internal id of its indexes
        self.children: list[_Node] = []
        self.attendee = attendee
        self.sector: Sector | None = None
        self.title = ""
        self.summary = ""
        self.tooltip = ""
        self.counts = AttendanceCounts()


class AttendeeTreeModel(QAbstractItemModel):
    edit_requested = Signal(str, str, str)  # participation UUID, field, new value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendeeView] = []
        self._time_zone = "UTC"
        self._first_day: date | None = None
        self._root = _Node("", None)
        self._nodes: list[_Node] = []
        self._by_key: dict[str, _Node] = {}
        self._sort_column = AttendeeColumn.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- what the page calls ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[AttendeeView], time_zone: str, first_day: date | None = None) -> bool:
        """Show ``rows``; returns True when the rows stayed the same ones in the same places (a repaint)."""
        self._rows = list(rows)
        self._time_zone, self._first_day = time_zone, first_day
        root, nodes = self._build()
        if [node.key for node in nodes] == [node.key for node in self._nodes]:  # same keys in tree order: same tree
            changed = [new for old, new in zip(self._nodes, nodes, strict=True)
                       if (old.attendee, old.title, old.summary) != (new.attendee, new.title, new.summary)]
            self._adopt(root, nodes)
            self._repaint(changed)
            return True
        self.beginResetModel()
        self._adopt(root, nodes)
        self.endResetModel()
        return False

    def _adopt(self, root: _Node, nodes: list[_Node]) -> None:
        self._root, self._nodes = root, nodes
        self._by_key = {node.key: node for node in nodes}

    def attendees(self) -> list[AttendeeView]:
        return list(self._rows)

    def counts(self) -> AttendanceCounts:
        return self._root.counts

    def attendee(self, index: AnyIndex) -> AttendeeView | None:
        node = self._node(index)
        return node.attendee if node is not None else None

    def attendees_under(self, indexes: Iterable[AnyIndex]) -> list[AttendeeView]:
        """The people of the given rows: a person row gives itself, a group row everyone in it (no repeats)."""
        found: dict[str, AttendeeView] = {}
        for index in indexes:
            node = self._node(index)
            stack = [node] if node is not None else []
            while stack:
                current = stack.pop()
                if current.attendee is not None:
                    found.setdefault(current.attendee.uuid, current.attendee)
                stack.extend(reversed(current.children))
        return list(found.values())

    def key(self, index: AnyIndex) -> str | None:
        node = self._node(index)
        return node.key if node is not None else None

    def index_of_key(self, key: str, column: int = 0) -> QModelIndex:
        node = self._by_key.get(key)
        return self.createIndex(node.row, column, node.position) if node is not None else QModelIndex()

    def group_keys(self) -> list[str]:
        return [node.key for node in self._nodes if node.attendee is None]

    def retranslate(self) -> None:
        """Labels, counts and times in the language now active (names come from the page's next reload)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(AttendeeColumn) - 1)
        for node in self._nodes:
            self._describe(node)
        self._repaint()

    # --- building the tree ---------------------------------------------------------------------------------

    def _build(self) -> tuple[_Node, list[_Node]]:
        root = _Node("", None)
        groups: dict[str, _Node] = {}

        def group(key: str, parent: _Node, sector: Sector | None) -> _Node:
            if key not in groups:
                groups[key] = _Node(key, parent)
                groups[key].sector = sector
                parent.children.append(groups[key])
            return groups[key]

        for row in sorted(self._rows, key=list_order):
            owner = group(f"s:{row.sector.value if row.sector else ''}", root, row.sector)
            if row.sector is not None:
                owner = group(f"o:{row.sector.value}:{row.organisation_uuid or ''}", owner, row.sector)
            owner.children.append(_Node(f"p:{row.uuid}", owner, row))
        nodes: list[_Node] = []
        self._finish(root, _SORT_KEYS[self._sort_column], nodes)
        return root, nodes

    def _finish(self, node: _Node, key: Callable[[AttendeeView], Any], nodes: list[_Node]) -> list[AttendeeView]:
        """Sort the people of a group, number its rows, list its nodes in tree order; returns its people."""
        if node.children and node.children[0].attendee is not None:  # a group of people, no sub-groups
            node.children.sort(key=lambda n: key(n.attendee) if n.attendee else (),
                               reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        people: list[AttendeeView] = []
        for row, child in enumerate(node.children):
            child.row, child.position = row, len(nodes)
            nodes.append(child)
            people += [child.attendee] if child.attendee is not None else self._finish(child, key, nodes)
        node.counts = count_attendance(people)
        self._describe(node)
        return people

    def _describe(self, node: _Node) -> None:
        """The title and tooltip of a group row, in the language now active."""
        if node.attendee is not None or node.parent is None:
            return
        counts = node.counts
        people = ngettext("{count} person", "{count} people", counts.total).format(count=counts.total)
        node.summary = " · ".join(part for part in (invitation_summary(counts), attendance_summary(counts)) if part)
        if node.key.startswith("s:"):
            name = label(node.sector) if node.sector else _("No organisation")
            organisations = ngettext("{count} organisation", "{count} organisations", counts.organisations).format(
                count=counts.organisations)
            node.title = _("{group} ({people}, {organisations})").format(
                group=name, people=people, organisations=organisations) if node.sector else \
                _("{group} ({people})").format(group=name, people=people)
            node.tooltip = node.title
            return
        first = node.children[0].attendee if node.children else None
        short = first.organisation_short if first else ""
        full = first.organisation_name if first else ""
        node.title = _("{group} ({people})").format(group=short or _("No organisation"), people=people)
        node.tooltip = full or short

    def _repaint(self, nodes: Iterable[_Node] | None = None) -> None:
        """Tell the view that these rows (all rows if None) show something else now."""
        last = len(AttendeeColumn) - 1
        for node in self._nodes if nodes is None else nodes:
            self.dataChanged.emit(self.createIndex(node.row, 0, node.position),
                                  self.createIndex(node.row, last, node.position))

    # --- sorting -------------------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(AttendeeColumn):
            return
        self._sort_column, self._sort_order = AttendeeColumn(column), order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [(self.key(index), index.column()) for index in before]
        self._adopt(*self._build())
        after = [self.index_of_key(key, column_of) if key else QModelIndex() for key, column_of in keys]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # --- Qt's model interface ------------------------------------------------------------------------------

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid() or not 0 <= index.internalId() < len(self._nodes):
            return None
        return self._nodes[index.internalId()]

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        owner = self._node(parent) if parent.isValid() else self._root
        if owner is None or not 0 <= row < len(owner.children) or not 0 <= column < len(AttendeeColumn):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row].position)

    def parent(self, index: AnyIndex | None = None) -> Any:
        if index is None:  # QObject.parent(), which this override would otherwise hide
            return super().parent()
        node = self._node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.position)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._root.children)
        if parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(AttendeeColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.attendee is not None:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
            if AttendeeColumn(index.column()) in EDITABLE:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(AttendeeColumn)):
            if section == AttendeeColumn.ARRIVAL:
                return _("Arrival ({zone})").format(zone=self._time_zone.rsplit("/", 1)[-1].replace("_", " "))
            return _(_HEADERS[AttendeeColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        column = AttendeeColumn(index.column())
        if role == KEY_ROLE:
            return node.key
        if node.attendee is None:
            return self._group_data(node, column, role)
        row = node.attendee
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole and column in EDITABLE:
            return str(getattr(row, EDITABLE[column][0]).value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.invitation_status == InvitationStatus.DECLINED:
            return QBrush(MUTED_TEXT)
        if role == UUID_ROLE:
            return row.uuid
        return None

    def _group_data(self, node: _Node, column: AttendeeColumn, role: int) -> Any:
        """A group row shows in its first column, which the view spans over the whole row."""
        if column != AttendeeColumn.NAME:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _("{group} — {counts}").format(group=node.title, counts=node.summary)
        if role == TITLE_ROLE:
            return node.title
        if role == SUMMARY_ROLE:
            return node.summary
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((node.tooltip, node.summary))
        if role == Qt.ItemDataRole.BackgroundRole and node.key.startswith("s:"):
            return QBrush(SECTOR_BACKGROUND)
        return None

    def _text(self, row: AttendeeView, column: AttendeeColumn) -> str:
        if column == AttendeeColumn.NAME:
            return row.person_name
        if column == AttendeeColumn.ORGANISATION:
            return row.organisation_short
        if column == AttendeeColumn.ROLE:
            return label(row.role)
        if column == AttendeeColumn.INVITATION:
            return label(row.invitation_status)
        if column == AttendeeColumn.ATTENDANCE:
            return label(row.attendance)
        return self._arrival(row)

    def _arrival(self, row: AttendeeView) -> str:
        """``12:35``; on a later day of the meeting ``Thu 3 09:05``, so that day two is not read as day one."""
        if row.arrived_at is None:
            return ""
        language = current_language()
        time = format_time(row.arrived_at, self._time_zone, language=language)
        day = in_zone(row.arrived_at, self._time_zone).date()
        if self._first_day is None or day == self._first_day:
            return time
        return _("{day} {time}").format(day=format_date(day, "EEE d", language=language), time=time)

    def _tooltip(self, row: AttendeeView, column: AttendeeColumn) -> str | None:
        language = current_language()
        if column == AttendeeColumn.NAME:
            lines = [row.person_name, row.title(language), row.email or "", row.notes.strip()]
            return "\n".join(line for line in lines if line)
        if column == AttendeeColumn.ORGANISATION:
            return row.organisation_name or None
        if column == AttendeeColumn.ARRIVAL and row.arrived_at is not None:
            moment = in_zone(row.arrived_at, self._time_zone)
            return _("{date}, {time}").format(date=format_date(moment.date(), "full", language=language),
                                              time=format_time(moment, language=language))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self._node(index)
        column = AttendeeColumn(index.column()) if index.isValid() else None
        if node is None or node.attendee is None or column not in EDITABLE or role != Qt.ItemDataRole.EditRole:
            return False
        field, enum = EDITABLE[column]
        try:
            chosen = enum(value)
        except ValueError:
            return False
        if chosen == getattr(node.attendee, field):
            return False
        self.edit_requested.emit(node.attendee.uuid, field, str(chosen.value))
        return True
