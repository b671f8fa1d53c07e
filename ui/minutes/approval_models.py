"""Table models of the circulation and approval of minutes: the frozen versions, the people a draft went to
with their replies (those who have not answered marked), and the participants to choose recipients from."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.domain.enums import label
from app.i18n import N_, _
from app.services.minutes import MinutesVersionView
from app.services.minutes_approval import RecipientView
from app.services.views import ParticipationView
from ui.minutes.table_model import AnyIndex, RowsModel, one_line
from ui.minutes.texts import day, when

SHA_PREFIX = 12


class VersionColumn(IntEnum):
    NUMBER = 0
    KIND = 1
    WHEN = 2
    BY = 3
    REASON = 4
    SHA256 = 5


class VersionsModel(RowsModel[MinutesVersionView]):
    headers = (N_("Version"), N_("Kind"), N_("Frozen on"), N_("Approved by"), N_("Reason"), N_("SHA-256"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.time_zone = "UTC"

    def text(self, row: MinutesVersionView, column: int, language: str) -> str:
        if column == VersionColumn.NUMBER:
            return str(row.number)
        if column == VersionColumn.KIND:
            return label(row.kind)
        if column == VersionColumn.WHEN:
            return when(row.created_at, self.time_zone, language)
        if column == VersionColumn.BY:
            if row.approved_on is None:
                return ""
            by = row.approved_by_decision or _("the chair")
            return _("{by}, {date}").format(by=by, date=day(row.approved_on, language))
        if column == VersionColumn.REASON:
            return one_line(row.reason)
        return row.sha256[:SHA_PREFIX]

    def tooltip(self, row: MinutesVersionView, column: int, language: str) -> str | None:
        if column == VersionColumn.SHA256:
            return row.sha256
        if column == VersionColumn.REASON:
            return row.reason or None
        if column == VersionColumn.WHEN:
            return _("Frozen by {user}").format(user=row.os_user) if row.os_user else None
        return None


class RecipientColumn(IntEnum):
    NAME = 0
    ORGANISATION = 1
    REPLY = 2
    REPLIED_ON = 3
    COMMENTS = 4


class RecipientsModel(RowsModel[RecipientView]):
    headers = (N_("Sent to"), N_("Organisation"), N_("Reply"), N_("Replied on"), N_("Comments"))

    def text(self, row: RecipientView, column: int, language: str) -> str:
        if column == RecipientColumn.NAME:
            return row.name
        if column == RecipientColumn.ORGANISATION:
            return row.organisation_short
        if column == RecipientColumn.REPLY:
            return label(row.reply) if row.reply else _("Not answered")
        if column == RecipientColumn.REPLIED_ON:
            return day(row.replied_on, language)
        return one_line(row.comments)

    def tooltip(self, row: RecipientView, column: int, language: str) -> str | None:
        if column == RecipientColumn.COMMENTS and row.comments:
            return row.comments
        return super().tooltip(row, column, language)

    def needs_attention(self, row: RecipientView) -> bool:
        return not row.answered

    def attention_text(self, row: RecipientView) -> str | None:
        return _("{name} has not answered yet.").format(name=row.name)


class CandidateColumn(IntEnum):
    NAME = 0
    ORGANISATION = 1
    ATTENDANCE = 2


class CandidatesModel(RowsModel[ParticipationView]):
    """The meeting's participants, each with a check box: who the draft minutes go to."""

    headers = (N_("Participant"), N_("Organisation"), N_("Attendance"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.checked: set[str] = set()

    def key(self, row: ParticipationView) -> str:
        return row.person_uuid

    def chosen(self) -> list[str]:
        return [row.person_uuid for row in self._rows if row.person_uuid in self.checked]

    def text(self, row: ParticipationView, column: int, language: str) -> str:
        if column == CandidateColumn.NAME:
            return row.person_name
        if column == CandidateColumn.ORGANISATION:
            return row.organisation_short
        return label(row.attendance)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == CandidateColumn.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == CandidateColumn.NAME:
            row = self.row_at(index.row())
            if row is not None:
                return (Qt.CheckState.Checked if row.person_uuid in self.checked else Qt.CheckState.Unchecked).value
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != CandidateColumn.NAME:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        if state == Qt.CheckState.Checked.value:
            self.checked.add(row.person_uuid)
        else:
            self.checked.discard(row.person_uuid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def toggle(self, row: int) -> None:
        found = self.row_at(row)
        if found is not None:
            checked = found.person_uuid in self.checked
            self.setData(self.index(row, 0), (Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked).value,
                         Qt.ItemDataRole.CheckStateRole)
