"""Table models for the lists of a meeting's overview: its documents, decisions and action items.

Each is a thin adapter over a tuple of frozen views with a ``Column`` enum; texts are chosen for the active
language at display time, so a language switch only needs ``retranslate()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.domain.enums import label
from app.i18n import N_, _, current_language, format_date
from app.meeting_text import name_list
from app.services.views import ActionView, DecisionView, DocumentSummary, pick
from ui.table_model import RowTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SHA_PREFIX = 12


class _RecordModel(RowTableModel[Row]):
    """Rows of one view type; subclasses say what the columns are and what each cell shows."""

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column(), current_language())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column(), current_language())
        if role == Qt.ItemDataRole.TextAlignmentRole:  # wrapped sentences read from the top of their row
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == UUID_ROLE:
            return getattr(row, "uuid", None)
        return None

    def text(self, row: Row, column: int, language: str) -> str:
        raise NotImplementedError

    def tooltip(self, row: Row, column: int, language: str) -> str | None:
        return None


class DocumentColumn(IntEnum):
    TITLE = 0
    KIND = 1
    STATUS = 2
    MARKING = 3
    SHA256 = 4


class DocumentsModel(_RecordModel[DocumentSummary]):
    headers = (N_("Title"), N_("Kind"), N_("Status"), N_("Marking"), N_("SHA-256"))

    def text(self, row: DocumentSummary, column: int, language: str) -> str:
        if column == DocumentColumn.TITLE:
            return row.title(language)
        if column == DocumentColumn.KIND:
            return label(row.kind)
        if column == DocumentColumn.STATUS:
            return label(row.status)
        if column == DocumentColumn.MARKING:
            return label(row.marking)
        return (row.latest_sha256 or "")[:SHA_PREFIX]

    def tooltip(self, row: DocumentSummary, column: int, language: str) -> str | None:
        if column == DocumentColumn.SHA256:
            return row.latest_sha256 or _("No file recorded yet")
        if column == DocumentColumn.TITLE:
            return row.title(language)
        return None


class DecisionColumn(IntEnum):
    NUMBER = 0
    TEXT = 1


class DecisionsModel(_RecordModel[DecisionView]):
    headers = (N_("No."), N_("Decision"))

    def text(self, row: DecisionView, column: int, language: str) -> str:
        if column == DecisionColumn.NUMBER:
            return row.number
        return _single_line(pick(row.text_en, row.text_fr, language).text)

    def tooltip(self, row: DecisionView, column: int, language: str) -> str | None:
        return pick(row.text_en, row.text_fr, language).text if column == DecisionColumn.TEXT else None


class ActionColumn(IntEnum):
    TEXT = 0
    OWNERS = 1
    DUE = 2
    STATUS = 3


class ActionsModel(_RecordModel[ActionView]):
    headers = (N_("Action"), N_("Responsible"), N_("Due date"), N_("Status"))

    def text(self, row: ActionView, column: int, language: str) -> str:
        if column == ActionColumn.TEXT:
            return _single_line(pick(row.text_en, row.text_fr, language).text)
        if column == ActionColumn.OWNERS:
            return name_list(row.owners, language)
        if column == ActionColumn.DUE:
            return format_date(row.due_date, "medium", language=language) if row.due_date else ""
        return label(row.status)

    def tooltip(self, row: ActionView, column: int, language: str) -> str | None:
        return pick(row.text_en, row.text_fr, language).text if column == ActionColumn.TEXT else None


def _single_line(text: str) -> str:
    return " ".join(text.split())
