"""The tracker's table: every action of every meeting that matches the filters, sorted in the model itself
(never through a proxy), overdue ones marked by colour, tooltip and accessible description; and the two
small tables of an action's history (progress notes, audit trail)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.domain.enums import ActionStatus, label
from app.domain.rules import fold
from app.i18n import N_, _, current_language
from app.meeting_text import in_zone, name_list
from app.services.action_tracking import AuditEntryView, status_text
from app.services.actions import ActionDetailView, ActionUpdateView
from ui.minutes.table_model import RowsModel, one_line
from ui.minutes.texts import day, when


class TrackerColumn(IntEnum):
    NUMBER = 0
    TEXT = 1
    OWNERS = 2
    DUE = 3
    STATUS = 4
    ORIGIN = 5
    LAST_UPDATE = 6


_STATUS_ORDER = {status: index for index, status in enumerate(ActionStatus)}
_FAR = date(9999, 12, 31)


def origin_text(action: ActionDetailView) -> str:
    if action.agenda_number:
        return _("{meeting}, item {number}").format(meeting=action.meeting_reference, number=action.agenda_number)
    return action.meeting_reference


def update_text(update: ActionUpdateView | None, language: str, time_zone: str = "UTC") -> str:
    """``15 Oct 2019 · VGT-2020-03 · Done · note``: the day it was recorded, in the action's meeting's zone."""
    if update is None:
        return ""
    parts = [day(in_zone(update.recorded_at, time_zone).date(), language)]
    if update.meeting_reference:
        parts.append(update.meeting_reference)
    if update.status:
        parts.append(label(update.status))
    if update.note:
        parts.append(one_line(update.note))
    return " · ".join(parts)


class TrackerModel(RowsModel[ActionDetailView]):
    headers = (N_("No."), N_("Action"), N_("Responsible"), N_("Due date"), N_("Status"), N_("Origin"),
               N_("Last progress"))

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.today = today
        self._sort_column = TrackerColumn.NUMBER
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Any) -> None:
        super().set_rows(self._sorted(list(rows)))

    def text(self, row: ActionDetailView, column: int, language: str) -> str:
        if column == TrackerColumn.NUMBER:
            return row.number
        if column == TrackerColumn.TEXT:
            return one_line(row.text(language))
        if column == TrackerColumn.OWNERS:
            return name_list(row.owner_names, language)
        if column == TrackerColumn.DUE:
            return day(row.due_date, language)
        if column == TrackerColumn.STATUS:
            return status_text(row, self.today())
        if column == TrackerColumn.ORIGIN:
            return origin_text(row)
        return update_text(row.last_update, language, row.meeting_time_zone)

    def tooltip(self, row: ActionDetailView, column: int, language: str) -> str | None:
        if column == TrackerColumn.TEXT:
            return row.text(language)
        if column == TrackerColumn.LAST_UPDATE and row.last_update is not None:
            return update_text(row.last_update, language, row.meeting_time_zone)
        return super().tooltip(row, column, language)

    def needs_attention(self, row: ActionDetailView) -> bool:
        return row.overdue(self.today())

    def attention_text(self, row: ActionDetailView) -> str | None:
        return _("Overdue: it was due on {date}.").format(date=day(row.due_date, current_language()))

    def overdue_count(self) -> int:
        today = self.today()
        return sum(1 for row in self._rows if row.overdue(today))

    # --- sorting in the model ------------------------------------------------------------------------------

    def _key(self, column: TrackerColumn, language: str) -> Callable[[ActionDetailView], Any]:
        def number(a: ActionDetailView) -> tuple[Any, ...]:
            return (a.meeting_starts_at, a.meeting_reference, int(a.number.rsplit("A", 1)[-1] or 0))

        keys: dict[TrackerColumn, Callable[[ActionDetailView], Any]] = {
            TrackerColumn.NUMBER: number,
            TrackerColumn.TEXT: lambda a: (fold(a.text(language)), number(a)),
            TrackerColumn.OWNERS: lambda a: (fold(", ".join(a.owner_names)) or "\uffff", number(a)),
            TrackerColumn.DUE: lambda a: (a.due_date or _FAR, number(a)),
            TrackerColumn.STATUS: lambda a: (not a.overdue(self.today()), _STATUS_ORDER[a.status], number(a)),
            TrackerColumn.ORIGIN: number,
            TrackerColumn.LAST_UPDATE: lambda a: (a.last_update.recorded_at.isoformat() if a.last_update else "",
                                                  number(a)),
        }
        return keys[column]

    def _sorted(self, rows: list[ActionDetailView]) -> list[ActionDetailView]:
        return sorted(rows, key=self._key(self._sort_column, current_language()),
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(TrackerColumn):
            return
        self._sort_column, self._sort_order = TrackerColumn(column), order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        uuids = [self._rows[index.row()].uuid for index in before]
        self._rows = self._sorted(self._rows)
        position = {row.uuid: n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(position[uuid], index.column()) for uuid, index in zip(uuids, before, strict=True)])
        self.layoutChanged.emit()


class UpdateColumn(IntEnum):
    WHEN = 0
    MEETING = 1
    STATUS = 2
    NOTE = 3


class UpdatesModel(RowsModel[ActionUpdateView]):
    headers = (N_("Recorded"), N_("At the meeting"), N_("Status"), N_("Note"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.time_zone = "UTC"

    def text(self, row: ActionUpdateView, column: int, language: str) -> str:
        if column == UpdateColumn.WHEN:
            return when(row.recorded_at, self.time_zone, language)
        if column == UpdateColumn.MEETING:
            return row.meeting_reference
        if column == UpdateColumn.STATUS:
            return label(row.status) if row.status else ""
        return one_line(row.note)

    def tooltip(self, row: ActionUpdateView, column: int, language: str) -> str | None:
        return row.note or None if column == UpdateColumn.NOTE else None


class AuditColumn(IntEnum):
    WHEN = 0
    USER = 1
    WHAT = 2
    FIELDS = 3


_ACTIONS = {"insert": N_("Created"), "update": N_("Changed"), "delete": N_("Deleted")}
_ENTITIES = {"action_item": N_("Action"), "action_owner": N_("Responsible"), "action_update": N_("Progress note")}


class AuditModel(RowsModel[AuditEntryView]):
    headers = (N_("When"), N_("By"), N_("What"), N_("Fields"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.time_zone = "UTC"

    def text(self, row: AuditEntryView, column: int, language: str) -> str:
        if column == AuditColumn.WHEN:
            return when(row.at, self.time_zone, language)
        if column == AuditColumn.USER:
            return row.os_user
        if column == AuditColumn.WHAT:
            return _("{what}: {entity}").format(what=_(_ACTIONS.get(row.action, row.action)),
                                                entity=_(_ENTITIES.get(row.entity, row.entity)))
        return ", ".join(row.fields)
