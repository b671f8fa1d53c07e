"""Table models of the partner review: the comment matrix of a version, the organisations asked to review
and whether they answered, and the preview of a returned matrix (new rows, changed cells, problems).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from app.domain.enums import Disposition, label
from app.domain.rules import fold
from app.i18n import N_, _, format_date, format_number, ngettext
from app.interchange.comment_matrix import MatrixImportPlan
from app.services.document_views import ReviewCommentView, ReviewRequestView
from ui.documents.models import FAULT, MUTED
from ui.documents.table_model import RowsModel

DISPOSITION_ORDER = {value: index for index, value in enumerate(Disposition)}


class CommentColumn(IntEnum):
    NUMBER = 0
    ORGANISATION = 1
    REVIEWER = 2
    SECTION = 3
    COMMENT = 4
    PROPOSED = 5
    DISPOSITION = 6
    RESPONSE = 7
    RECEIVED = 8


class CommentsModel(RowsModel[ReviewCommentView]):
    headers = {CommentColumn.NUMBER: N_("No."), CommentColumn.ORGANISATION: N_("Organisation"),
               CommentColumn.REVIEWER: N_("Reviewer"), CommentColumn.SECTION: N_("Section or page"),
               CommentColumn.COMMENT: N_("Comment"), CommentColumn.PROPOSED: N_("Proposed change"),
               CommentColumn.DISPOSITION: N_("Disposition"), CommentColumn.RESPONSE: N_("Response"),
               CommentColumn.RECEIVED: N_("Received")}

    def text(self, row: ReviewCommentView, column: int, language: str) -> str:
        match CommentColumn(column):
            case CommentColumn.NUMBER:
                return str(row.position + 1)
            case CommentColumn.ORGANISATION:
                return row.organisation_short
            case CommentColumn.REVIEWER:
                return row.reviewer_name
            case CommentColumn.SECTION:
                return row.section
            case CommentColumn.COMMENT:
                return row.comment
            case CommentColumn.PROPOSED:
                return row.proposed_change
            case CommentColumn.DISPOSITION:
                return label(row.disposition) if row.disposition else ""
            case CommentColumn.RESPONSE:
                return row.response
        return format_date(row.received_on, "medium") if row.received_on else ""

    def tooltip(self, row: ReviewCommentView, column: int, language: str) -> str | None:
        if column in (CommentColumn.COMMENT, CommentColumn.PROPOSED, CommentColumn.RESPONSE):
            return self.text(row, column, language) or None
        if column == CommentColumn.DISPOSITION and row.disposition is None:
            return _("No disposition yet")
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def sort_key(self, row: ReviewCommentView, column: int, language: str) -> Any:
        if column == CommentColumn.NUMBER:
            return row.position
        if column == CommentColumn.DISPOSITION:
            return DISPOSITION_ORDER.get(row.disposition, len(DISPOSITION_ORDER)) if row.disposition else 99
        if column == CommentColumn.RECEIVED:
            return (row.received_on is None, row.received_on)
        return fold(self.text(row, column, language))


class RequestColumn(IntEnum):
    ORGANISATION = 0
    SENT = 1
    ANSWER = 2


class RequestsModel(RowsModel[ReviewRequestView]):
    headers = {RequestColumn.ORGANISATION: N_("Organisation"), RequestColumn.SENT: N_("Asked on"),
               RequestColumn.ANSWER: N_("Answer")}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.deadline: date | None = None

    def text(self, row: ReviewRequestView, column: int, language: str) -> str:
        if column == RequestColumn.ORGANISATION:
            return row.organisation_short
        if column == RequestColumn.SENT:
            return format_date(row.sent_on, "medium") if row.sent_on else ""
        if row.no_comments:
            return _("No comments")
        if row.comment_count:
            return ngettext("{count} comment", "{count} comments", row.comment_count).format(
                count=format_number(row.comment_count))
        if row.answered_on:
            return _("Answered on {date}").format(date=format_date(row.answered_on, "medium"))
        if self.deadline is not None and date.today() > self.deadline:
            return _("No answer (deadline passed)")
        return _("No answer yet")

    def tooltip(self, row: ReviewRequestView, column: int, language: str) -> str | None:
        return self.text(row, column, language) if column == RequestColumn.ANSWER else row.person_name or None

    def foreground(self, row: ReviewRequestView, column: int) -> QBrush | None:
        if column != RequestColumn.ANSWER or row.answered:
            return None
        late = self.deadline is not None and date.today() > self.deadline
        return QBrush(FAULT if late else MUTED)

    def sort_key(self, row: ReviewRequestView, column: int, language: str) -> Any:
        if column == RequestColumn.ANSWER:
            return (row.answered, fold(row.organisation_short))
        return fold(self.text(row, column, language))


@dataclass(frozen=True)
class PlanRow:
    """One line of the import preview: a new comment, a changed comment, or a row left out."""

    kind: str  # "new", "changed", "problem"
    row: int
    organisation: str
    text: str


class PlanColumn(IntEnum):
    ROW = 0
    WHAT = 1
    ORGANISATION = 2
    DETAIL = 3


_FIELD_NAMES = {"organisation_uuid": N_("Organisation"), "reviewer_name": N_("Reviewer"),
                "section": N_("Section or page"), "comment": N_("Comment"), "proposed_change": N_("Proposed change"),
                "disposition": N_("Disposition"), "response": N_("Response"), "received_on": N_("Received")}


def _value(value: Any) -> str:
    if isinstance(value, Disposition):
        return label(value)
    if isinstance(value, date):
        return format_date(value, "medium")
    return "" if value is None else str(value)


def plan_rows(plan: MatrixImportPlan) -> list[PlanRow]:
    rows = [PlanRow("problem", p.row, "", p.message) for p in plan.problems]
    rows += [PlanRow("new", n.row, n.organisation_short, n.comment or n.proposed_change) for n in plan.new]
    for update in plan.updates:
        detail = "; ".join(_("{field}: {old} → {new}").format(
            field=_(_FIELD_NAMES.get(c.name, c.name)), old=_value(c.old), new=_value(c.new)) for c in update.changes)
        rows.append(PlanRow("changed", update.row, "", detail))
    return sorted(rows, key=lambda r: r.row)


class PlanModel(RowsModel[PlanRow]):
    headers = {PlanColumn.ROW: N_("Row"), PlanColumn.WHAT: N_("What"), PlanColumn.ORGANISATION: N_("Organisation"),
               PlanColumn.DETAIL: N_("Detail")}
    _KINDS = {"new": N_("New comment"), "changed": N_("Changed"), "problem": N_("Left out")}

    def text(self, row: PlanRow, column: int, language: str) -> str:
        if column == PlanColumn.ROW:
            return str(row.row)
        if column == PlanColumn.WHAT:
            return _(self._KINDS[row.kind])
        if column == PlanColumn.ORGANISATION:
            return row.organisation
        return row.text

    def foreground(self, row: PlanRow, column: int) -> QBrush | None:
        return QBrush(FAULT) if row.kind == "problem" else None

    def tooltip(self, row: PlanRow, column: int, language: str) -> str | None:
        return row.text if column == PlanColumn.DETAIL else None

    def sort_key(self, row: PlanRow, column: int, language: str) -> Any:
        if column == PlanColumn.ROW:
            return row.row
        return fold(self.text(row, column, language))
