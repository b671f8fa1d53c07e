"""The decisions and actions captured under the current item, as one table: number, text, and what follows
from it (the quorum recorded with a decision; an action's owners and due date, or that they are to come).

Texts come in the language the secretary writes in, falling back to the other one, so a record typed in
French still shows while the notes are taken in English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import N_, _, current_language, format_date
from app.meeting_text import name_list
from app.services.actions import ActionDetailView
from app.services.decisions import DecisionDetailView
from app.services.views import pick

AnyIndex = QModelIndex | QPersistentModelIndex
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
MUTED_TEXT = QColor("#6B6B6B")
DECISION_BACKGROUND = QColor("#EEF3FB")


class RecordColumn(IntEnum):
    NUMBER = 0
    TEXT = 1
    DETAIL = 2


_HEADERS = {RecordColumn.NUMBER: N_("No."), RecordColumn.TEXT: N_("Text"), RecordColumn.DETAIL: N_("Follow-up")}


@dataclass(frozen=True)
class Record:
    kind: Literal["decision", "action"]
    uuid: str
    number: str
    text_en: str
    text_fr: str
    decision: DecisionDetailView | None = None
    action: ActionDetailView | None = None


def short_number(number: str) -> str:
    """``VGT-2019-10/D4`` -> ``D4``: the meeting is on screen already."""
    return number.rsplit("/", 1)[-1]


class RecordsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Record] = []
        self._language = "en"

    def set_records(self, decisions: Sequence[DecisionDetailView], actions: Sequence[ActionDetailView]) -> None:
        rows = [Record("decision", d.uuid, d.number, d.text_en, d.text_fr, decision=d) for d in decisions]
        rows += [Record("action", a.uuid, a.number, a.text_en, a.text_fr, action=a) for a in actions]
        if [r.uuid for r in rows] == [r.uuid for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(RecordColumn) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_language(self, language: str) -> None:
        """The language the secretary writes in: texts show in it first."""
        self._language = language
        self.retranslate()

    def record_at(self, row: int) -> Record | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, uuid: str) -> int:
        return next((row for row, record in enumerate(self._rows) if record.uuid == uuid), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(RecordColumn) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(RecordColumn) - 1))

    # --- Qt's model interface ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RecordColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(RecordColumn)):
            return _(_HEADERS[RecordColumn(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record_at(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = RecordColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == RecordColumn.NUMBER:
                return short_number(record.number) if role == Qt.ItemDataRole.DisplayRole else record.number
            if column == RecordColumn.TEXT:
                return pick(record.text_en, record.text_fr, self._language).text or _("(no text yet)")
            return self._detail(record)
        if role == Qt.ItemDataRole.BackgroundRole and record.kind == "decision":
            return QBrush(DECISION_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == RecordColumn.DETAIL:
            return QBrush(MUTED_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == UUID_ROLE:
            return record.uuid
        if role == KIND_ROLE:
            return record.kind
        return None

    def _detail(self, record: Record) -> str:
        language = current_language()
        if record.decision is not None:
            decision = record.decision
            if decision.quorum_required is None or decision.quorum_present is None:
                return _("Decision")
            return _("Decision · quorum {present}/{required}").format(
                present=decision.quorum_present, required=decision.quorum_required)
        assert record.action is not None
        action = record.action
        owners = name_list(action.owner_names, language) or _("owner to come")
        due = _due_text(action.due_date, language)
        return _("Action · {owners} · {due}").format(owners=owners, due=due)


def _due_text(due: date | None, language: str) -> str:
    if due is None:
        return _("due date to come")
    return _("due {date}").format(date=format_date(due, "medium", language=language))
