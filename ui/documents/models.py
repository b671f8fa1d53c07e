"""Table models of the documents screens: the register, a document's versions, its approvals and the
member organisations' positions, its workflow steps and its audit trail.

Each is a thin ``RowsModel`` over frozen views; the positions model is the one that can be edited (in the
approval dialog), through a combo box delegate over the four stances.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain.enums import DocumentStatus, Stance, label
from app.domain.rules import fold
from app.i18n import N_, _, format_date, format_datetime, format_number
from app.services.document_views import (
    ApprovalView,
    AuditEventView,
    PositionView,
    StatusChangeView,
    VersionView,
)
from app.services.views import DocumentSummary
from ui.documents.table_model import RowsModel

AnyIndex = QModelIndex | QPersistentModelIndex
SHA_PREFIX = 12
FAULT = QColor("#B00020")
MUTED = QColor("#6B6B6B")
STATUS_ORDER = {status: index for index, status in enumerate(DocumentStatus)}


def short_hash(sha256: str) -> str:
    return sha256[:SHA_PREFIX] + "…" if sha256 else ""


def file_size(size: int) -> str:
    if size < 1024:
        return _("{count} bytes").format(count=format_number(size))
    if size < 1024 * 1024:
        return _("{count} KB").format(count=format_number(round(size / 1024, 1)))
    return _("{count} MB").format(count=format_number(round(size / 1024 / 1024, 1)))


def local_zone() -> Any:
    return datetime.now().astimezone().tzinfo


def publication_text(summary: DocumentSummary | ApprovalView) -> str:
    audience = summary.publication_audience
    when = summary.publication_date
    if audience is None and when is None:
        return ""
    if when is None:
        return label(audience) if audience else ""
    if audience is None:
        return _("from {date}").format(date=format_date(when, "long"))
    return _("{audience}, from {date}").format(audience=label(audience), date=format_date(when, "long"))


class RegisterColumn(IntEnum):
    TITLE = 0
    KIND = 1
    STATUS = 2
    MARKING = 3
    OWNER = 4
    VERSIONS = 5
    PUBLICATION = 6


class RegisterModel(RowsModel[DocumentSummary]):
    headers = {RegisterColumn.TITLE: N_("Title"), RegisterColumn.KIND: N_("Kind"), RegisterColumn.STATUS: N_("Status"),
               RegisterColumn.MARKING: N_("Marking"), RegisterColumn.OWNER: N_("Owner"),
               RegisterColumn.VERSIONS: N_("Versions"), RegisterColumn.PUBLICATION: N_("Publication")}

    def text(self, row: DocumentSummary, column: int, language: str) -> str:
        match RegisterColumn(column):
            case RegisterColumn.TITLE:
                return row.title(language)
            case RegisterColumn.KIND:
                return label(row.kind)
            case RegisterColumn.STATUS:
                return label(row.status)
            case RegisterColumn.MARKING:
                return label(row.marking)
            case RegisterColumn.OWNER:
                return row.owner_short
            case RegisterColumn.VERSIONS:
                return format_number(row.version_count)
        return publication_text(row)

    def tooltip(self, row: DocumentSummary, column: int, language: str) -> str | None:
        if column == RegisterColumn.TITLE:
            other = row.title_fr if language == "en" else row.title_en
            return "\n".join(t for t in (row.title(language), other) if t)
        return None

    def sort_key(self, row: DocumentSummary, column: int, language: str) -> Any:
        if column == RegisterColumn.STATUS:
            return STATUS_ORDER[row.status]
        if column == RegisterColumn.VERSIONS:
            return row.version_count
        if column == RegisterColumn.PUBLICATION:
            return (row.publication_date is None, row.publication_date)
        return fold(self.text(row, column, language))


class VersionColumn(IntEnum):
    NUMBER = 0
    LANGUAGE = 1
    FILE = 2
    SIZE = 3
    ISSUED = 4
    SHA256 = 5
    APPROVED = 6
    PARALLEL = 7
    NOTE = 8


class VersionsModel(RowsModel[VersionView]):
    headers = {VersionColumn.NUMBER: N_("No."), VersionColumn.LANGUAGE: N_("Language"), VersionColumn.FILE: N_("File"),
               VersionColumn.SIZE: N_("Size"), VersionColumn.ISSUED: N_("Issued"), VersionColumn.SHA256: N_("SHA-256"),
               VersionColumn.APPROVED: N_("Approved by"), VersionColumn.PARALLEL: N_("Language version of"),
               VersionColumn.NOTE: N_("Note")}

    def text(self, row: VersionView, column: int, language: str) -> str:
        match VersionColumn(column):
            case VersionColumn.NUMBER:
                return str(row.number)
            case VersionColumn.LANGUAGE:
                return label(row.language) if row.language else ""
            case VersionColumn.FILE:
                return row.file_name
            case VersionColumn.SIZE:
                return file_size(row.size)
            case VersionColumn.ISSUED:
                return format_date(row.issued_on, "medium") if row.issued_on else ""
            case VersionColumn.SHA256:
                return short_hash(row.sha256)
            case VersionColumn.APPROVED:
                return row.approved_by
            case VersionColumn.PARALLEL:
                return _("version {number}").format(number=row.parallel_number) if row.parallel_number else ""
        return row.note

    def tooltip(self, row: VersionView, column: int, language: str) -> str | None:
        if column == VersionColumn.SHA256:
            return row.sha256
        if column == VersionColumn.FILE:
            return _("{file} ({type})").format(file=row.file_name, type=row.media_type)
        if column == VersionColumn.NOTE:
            return row.note or None
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in (VersionColumn.NUMBER, VersionColumn.SIZE):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)

    def sort_key(self, row: VersionView, column: int, language: str) -> Any:
        if column in (VersionColumn.NUMBER, VersionColumn.SIZE):
            return row.number if column == VersionColumn.NUMBER else row.size
        if column == VersionColumn.ISSUED:
            return (row.issued_on is None, row.issued_on)
        return fold(self.text(row, column, language))


class ApprovalColumn(IntEnum):
    DECISION = 0
    OUTCOME = 1
    VERSION = 2
    DECIDED = 3
    METHOD = 4
    SHA256 = 5
    PUBLICATION = 6


class ApprovalsModel(RowsModel[ApprovalView]):
    headers = {ApprovalColumn.DECISION: N_("Decision"), ApprovalColumn.OUTCOME: N_("Outcome"),
               ApprovalColumn.VERSION: N_("Version"), ApprovalColumn.DECIDED: N_("Decided on"),
               ApprovalColumn.METHOD: N_("Method"), ApprovalColumn.SHA256: N_("Approved SHA-256"),
               ApprovalColumn.PUBLICATION: N_("Publication")}

    def text(self, row: ApprovalView, column: int, language: str) -> str:
        match ApprovalColumn(column):
            case ApprovalColumn.DECISION:
                return row.decision_number
            case ApprovalColumn.OUTCOME:
                return label(row.outcome)
            case ApprovalColumn.VERSION:
                return str(row.version_number)
            case ApprovalColumn.DECIDED:
                return format_date(row.decided_on, "medium")
            case ApprovalColumn.METHOD:
                return label(row.method)
            case ApprovalColumn.SHA256:
                return short_hash(row.sha256)
        return publication_text(row)

    def tooltip(self, row: ApprovalView, column: int, language: str) -> str | None:
        if column == ApprovalColumn.SHA256:
            return row.sha256
        if column == ApprovalColumn.DECISION:
            return row.decision_text(language) or None
        return None

    def sort_key(self, row: ApprovalView, column: int, language: str) -> Any:
        if column == ApprovalColumn.DECIDED:
            return row.decided_on
        return fold(self.text(row, column, language))


class PositionColumn(IntEnum):
    ORGANISATION = 0
    STANCE = 1


class PositionsModel(RowsModel[PositionView]):
    """Member organisations and their stance; editable (the approval dialog) when ``editable`` is set."""

    headers = {PositionColumn.ORGANISATION: N_("Member organisation"), PositionColumn.STANCE: N_("Position")}

    def __init__(self, parent: Any = None, editable: bool = False) -> None:
        super().__init__(parent)
        self.editable = editable

    def text(self, row: PositionView, column: int, language: str) -> str:
        return row.organisation_short if column == PositionColumn.ORGANISATION else label(row.stance)

    def stances(self) -> dict[str, Stance]:
        return {row.organisation_uuid: row.stance for row in self._rows}

    def set_all(self, stance: Stance) -> None:
        self._rows = [PositionView(r.organisation_uuid, r.organisation_short, stance) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() == PositionColumn.STANCE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()].stance.value
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.editable and role == Qt.ItemDataRole.EditRole and index.isValid()
                and index.column() == PositionColumn.STANCE and 0 <= index.row() < len(self._rows)):
            return False
        try:
            stance = Stance(value)
        except ValueError:
            return False
        row = self._rows[index.row()]
        self._rows[index.row()] = PositionView(row.organisation_uuid, row.organisation_short, stance)
        self.dataChanged.emit(index, index)
        return True


class StanceDelegate(QStyledItemDelegate):
    """Picks a stance from a combo box of the four translated labels."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("stanceEditor")
        for stance in Stance:
            editor.addItem(label(stance), stance.value)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class StepColumn(IntEnum):
    WHEN = 0
    STEP = 1
    WHO = 2
    WHY = 3
    MEETING = 4


class StepsModel(RowsModel[StatusChangeView]):
    headers = {StepColumn.WHEN: N_("When"), StepColumn.STEP: N_("Step"), StepColumn.WHO: N_("Who"),
               StepColumn.WHY: N_("Why"), StepColumn.MEETING: N_("Meeting and item")}

    def text(self, row: StatusChangeView, column: int, language: str) -> str:
        match StepColumn(column):
            case StepColumn.WHEN:
                return format_datetime(row.changed_at, row.meeting_time_zone or local_zone(), "medium", language)
            case StepColumn.STEP:
                return _("{old} → {new}").format(old=label(row.from_status), new=label(row.to_status))
            case StepColumn.WHO:
                return row.os_user
            case StepColumn.WHY:
                return row.reason
        if not row.meeting_reference:
            return ""
        if not row.agenda_item_number:
            return row.meeting_reference
        return _("{meeting}, item {number}").format(meeting=row.meeting_reference, number=row.agenda_item_number)

    def tooltip(self, row: StatusChangeView, column: int, language: str) -> str | None:
        if column == StepColumn.MEETING and row.agenda_item_uuid:
            return row.agenda_item_title(language)
        if column == StepColumn.WHY:
            return row.reason or None
        return None

    def sort_key(self, row: StatusChangeView, column: int, language: str) -> Any:
        if column == StepColumn.WHEN:
            return row.changed_at
        return fold(self.text(row, column, language))


ENTITY_NAMES = {
    "document": N_("Document"), "document_version": N_("Version"), "review_comment": N_("Comment"),
    "review_request": N_("Review request"), "document_status_change": N_("Workflow step"),
    "approval": N_("Approval"), "approval_position": N_("Position"), "decision": N_("Decision"),
    "decision_vote": N_("Vote"), "agenda_item": N_("Agenda item"),
}
ACTION_NAMES = {"insert": N_("Created"), "update": N_("Changed"), "delete": N_("Deleted")}


class AuditColumn(IntEnum):
    ID = 0
    WHEN = 1
    WHO = 2
    ACTION = 3
    RECORD = 4
    CHANGES = 5
    HASH = 6


class AuditModel(RowsModel[AuditEventView]):
    headers = {AuditColumn.ID: N_("Event"), AuditColumn.WHEN: N_("When"), AuditColumn.WHO: N_("Who"),
               AuditColumn.ACTION: N_("Action"), AuditColumn.RECORD: N_("Record"), AuditColumn.CHANGES: N_("Changes"),
               AuditColumn.HASH: N_("Hash")}

    def text(self, row: AuditEventView, column: int, language: str) -> str:
        match AuditColumn(column):
            case AuditColumn.ID:
                return str(row.id)
            case AuditColumn.WHEN:
                return format_datetime(row.at, local_zone(), "medium", language)
            case AuditColumn.WHO:
                return row.os_user
            case AuditColumn.ACTION:
                return _(ACTION_NAMES.get(row.action, row.action))
            case AuditColumn.RECORD:
                return _(ENTITY_NAMES[row.entity]) if row.entity in ENTITY_NAMES else row.entity
            case AuditColumn.CHANGES:
                return "; ".join(_("{field}: {old} → {new}").format(field=c.name, old=c.old, new=c.new) if c.old
                                 else _("{field}: {new}").format(field=c.name, new=c.new) for c in row.changes)
        return short_hash(row.hash) if row.intact else _("BROKEN {hash}").format(hash=short_hash(row.hash))

    def tooltip(self, row: AuditEventView, column: int, language: str) -> str | None:
        if not row.intact:
            return _("This event no longer matches its hash or its link to the event before it: the audit log "
                     "was changed outside Chairdesk.")
        if column == AuditColumn.HASH:
            return row.hash
        if column == AuditColumn.CHANGES:
            return "\n".join(f"{c.name}: {c.old} → {c.new}" if c.old else f"{c.name}: {c.new}" for c in row.changes)
        if column == AuditColumn.RECORD:
            return row.entity_uuid
        return None

    def foreground(self, row: AuditEventView, column: int) -> QBrush | None:
        return None if row.intact else QBrush(FAULT)

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == AuditColumn.ID:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def sort_key(self, row: AuditEventView, column: int, language: str) -> Any:
        if column in (AuditColumn.ID, AuditColumn.WHEN):
            return row.id
        return fold(self.text(row, column, language))
