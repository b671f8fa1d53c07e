"""Table models of the minutes editor: the agenda items with what their minutes hold, the decisions and
actions of an item, the votes of member organisations, the owners of an action and the actions under review.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.domain.enums import Vote, label
from app.i18n import N_, _, current_language
from app.meeting_text import name_list
from app.services.action_tracking import status_text
from app.services.actions import ActionDetailView, OwnerView, ReviewRow
from app.services.decisions import DecisionDetailView, MemberPresence
from app.services.minutes import MinutesItemView
from ui.minutes.table_model import AnyIndex, RowsModel, one_line
from ui.minutes.texts import day, result_text


class ItemColumn(IntEnum):
    NUMBER = 0
    TITLE = 1
    SUMMARY = 2
    OUTCOME = 3


class MinutesItemsModel(RowsModel[MinutesItemView]):
    headers = (N_("No."), N_("Item"), N_("Summary"), N_("Outcome"))

    def key(self, row: MinutesItemView) -> str:
        return row.item_uuid

    def text(self, row: MinutesItemView, column: int, language: str) -> str:
        if column == ItemColumn.NUMBER:
            return row.number
        if column == ItemColumn.TITLE:
            return ("    " if row.depth else "") + row.title(language)
        if column == ItemColumn.SUMMARY:
            has_en, has_fr = bool(row.text_en.strip()), bool(row.text_fr.strip())
            if has_en and has_fr:
                return _("English and French")
            if has_en or has_fr:
                return _("English only") if has_en else _("French only")
            return ""
        return label(row.outcome)

    def tooltip(self, row: MinutesItemView, column: int, language: str) -> str | None:
        return row.title(language) if column == ItemColumn.TITLE else None


class DecisionColumn(IntEnum):
    NUMBER = 0
    KIND = 1
    TEXT = 2
    RESULT = 3


class DecisionsModel(RowsModel[DecisionDetailView]):
    headers = (N_("No."), N_("Kind"), N_("Decision"), N_("Outcome"))

    def text(self, row: DecisionDetailView, column: int, language: str) -> str:
        if column == DecisionColumn.NUMBER:
            return row.number
        if column == DecisionColumn.KIND:
            return label(row.kind)
        if column == DecisionColumn.TEXT:
            return one_line(row.text(language)) or _("(no text yet)")
        return result_text(row)

    def tooltip(self, row: DecisionDetailView, column: int, language: str) -> str | None:
        return row.text(language) if column == DecisionColumn.TEXT else result_text(row)


class ActionColumn(IntEnum):
    NUMBER = 0
    TEXT = 1
    OWNERS = 2
    DUE = 3
    STATUS = 4


class ActionsModel(RowsModel[ActionDetailView]):
    """Actions with overdue ones marked (colour, tooltip and accessible description)."""

    headers = (N_("No."), N_("Action"), N_("Responsible"), N_("Due date"), N_("Status"))

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.today = today

    def text(self, row: ActionDetailView, column: int, language: str) -> str:
        if column == ActionColumn.NUMBER:
            return row.number
        if column == ActionColumn.TEXT:
            return one_line(row.text(language)) or _("(no text yet)")
        if column == ActionColumn.OWNERS:
            return name_list(row.owner_names, language)
        if column == ActionColumn.DUE:
            return day(row.due_date, language)
        return status_text(row, self.today())

    def needs_attention(self, row: ActionDetailView) -> bool:
        return row.overdue(self.today())

    def attention_text(self, row: ActionDetailView) -> str | None:
        return _("Overdue: it was due on {date}.").format(date=day(row.due_date, current_language()))


class VoteColumn(IntEnum):
    ORGANISATION = 0
    PRESENT = 1
    VOTE = 2


VOTE_CHOICES: tuple[Vote | None, ...] = (None, Vote.FOR, Vote.AGAINST, Vote.ABSTAIN)


class VotesModel(RowsModel[MemberPresence]):
    """Member organisations and their vote on one decision; the vote column is edited in place."""

    headers = (N_("Member organisation"), N_("Present"), N_("Vote"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.votes: dict[str, Vote] = {}
        self.editable = True
        self.vote_requested: Callable[[str, Vote | None], None] = lambda _uuid, _vote: None

    def key(self, row: MemberPresence) -> str:
        return row.organisation_uuid

    def set_votes(self, votes: dict[str, Vote]) -> None:
        self.votes = dict(votes)
        if self._rows:
            last = self.index(len(self._rows) - 1, VoteColumn.VOTE)
            self.dataChanged.emit(self.index(0, VoteColumn.VOTE), last)

    def text(self, row: MemberPresence, column: int, language: str) -> str:
        if column == VoteColumn.ORGANISATION:
            return row.short
        if column == VoteColumn.PRESENT:
            return _("Yes") if row.present else _("No")
        vote = self.votes.get(row.organisation_uuid)
        return label(vote) if vote else "—"

    def tooltip(self, row: MemberPresence, column: int, language: str) -> str | None:
        return row.name if column == VoteColumn.ORGANISATION else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == VoteColumn.VOTE and self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == VoteColumn.VOTE:
            row = self.row_at(index.row())
            return VOTE_CHOICES.index(self.votes.get(row.organisation_uuid)) if row else 0
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or index.column() != VoteColumn.VOTE or role != Qt.ItemDataRole.EditRole:
            return False
        choice = VOTE_CHOICES[int(value)] if isinstance(value, int) and 0 <= value < len(VOTE_CHOICES) else None
        if choice == self.votes.get(row.organisation_uuid):
            return False
        self.vote_requested(row.organisation_uuid, choice)  # the panel saves it; the reload repaints
        return True


class OwnersModel(RowsModel[OwnerView]):
    headers = (N_("Responsible"),)

    def key(self, row: OwnerView) -> str:
        return row.key

    def text(self, row: OwnerView, column: int, language: str) -> str:
        if row.kind == "person" and row.organisation_short:
            return _("{name} ({organisation})").format(name=row.name, organisation=row.organisation_short)
        return row.name


class ReviewColumn(IntEnum):
    NUMBER = 0
    TEXT = 1
    OWNERS = 2
    DUE = 3
    STATUS = 4
    UPDATE = 5


class ReviewModel(RowsModel[ReviewRow]):
    """Actions of earlier meetings under review, with the update recorded at this meeting."""

    headers = (N_("No."), N_("Action"), N_("Responsible"), N_("Due date"), N_("Status"), N_("Update at this meeting"))

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.today = today

    def key(self, row: ReviewRow) -> str:
        return row.action.uuid

    def text(self, row: ReviewRow, column: int, language: str) -> str:
        action = row.action
        if column == ReviewColumn.NUMBER:
            return action.number
        if column == ReviewColumn.TEXT:
            return one_line(action.text(language))
        if column == ReviewColumn.OWNERS:
            return name_list(action.owner_names, language)
        if column == ReviewColumn.DUE:
            return day(action.due_date, language)
        if column == ReviewColumn.STATUS:
            return status_text(action, self.today())
        update = row.update_here
        if update is None:
            return ""
        status = label(update.status) if update.status else ""
        return " — ".join(part for part in (status, one_line(update.note)) if part)

    def tooltip(self, row: ReviewRow, column: int, language: str) -> str | None:
        if column == ReviewColumn.TEXT:
            return row.action.text(language)
        return super().tooltip(row, column, language)

    def needs_attention(self, row: ReviewRow) -> bool:
        return row.update_here is None and row.action.overdue(self.today())

    def attention_text(self, row: ReviewRow) -> str | None:
        return _("Overdue: it was due on {date}.").format(date=day(row.action.due_date, current_language()))


def index_of(model: RowsModel[Any], uuid: str, column: int = 0) -> QModelIndex:
    row = model.row_of(uuid)
    return model.index(row, column) if row >= 0 else QModelIndex()
