"""Frozen views of documents and their approval: versions, the comment matrix, review requests, workflow
steps, approvals with member positions, the audit trail, and the result of an integrity check.

They sit beside ``app.services.views`` (which keeps ``DocumentSummary``, shared with the meeting overview)
so that the documents area can grow without every screen's views in one file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.enums import (
    ApprovalOutcome,
    Audience,
    DecisionMethod,
    Disposition,
    DocumentStatus,
    Language,
    Stance,
    TranslationStatus,
)
from app.services.views import DocumentSummary, pick


@dataclass(frozen=True)
class VersionView:
    uuid: str
    document_uuid: str
    number: int
    language: Language | None
    file_name: str
    media_type: str
    size: int
    sha256: str
    issued_on: date | None
    note: str
    review_deadline: date | None
    parallel_uuid: str | None
    parallel_number: int | None
    comment_count: int
    # The decision that approved this exact version ("VGT-2019-10/D1"), if one did.
    approved_by: str = ""
    # Whether it may still be deleted: never approved, decided on, submitted or handed out.
    deletable: bool = True


@dataclass(frozen=True)
class VersionFile:
    """The stored bytes of a version, to open or save a copy of."""

    uuid: str
    file_name: str
    media_type: str
    sha256: str
    content: bytes


@dataclass(frozen=True)
class ReviewCommentView:
    uuid: str
    version_uuid: str
    position: int
    organisation_uuid: str | None
    organisation_short: str
    reviewer_uuid: str | None
    reviewer_name: str
    section: str
    comment: str
    proposed_change: str
    disposition: Disposition | None
    response: str
    received_on: date | None


@dataclass(frozen=True)
class ReviewRequestView:
    uuid: str
    version_uuid: str
    organisation_uuid: str
    organisation_short: str
    person_uuid: str | None
    person_name: str
    sent_on: date | None
    answered_on: date | None
    no_comments: bool
    comment_count: int

    @property
    def answered(self) -> bool:
        return self.answered_on is not None or self.no_comments or self.comment_count > 0


@dataclass(frozen=True)
class ReviewState:
    """The partner review of one version: its deadline, who was asked, who answered, the matrix."""

    version_uuid: str
    version_number: int
    review_deadline: date | None
    requests: tuple[ReviewRequestView, ...]
    comments: tuple[ReviewCommentView, ...]

    @property
    def waiting_for(self) -> tuple[ReviewRequestView, ...]:
        return tuple(r for r in self.requests if not r.answered)


@dataclass(frozen=True)
class StatusChangeView:
    uuid: str
    document_uuid: str
    from_status: DocumentStatus
    to_status: DocumentStatus
    changed_at: datetime
    os_user: str
    reason: str
    version_number: int | None
    meeting_uuid: str | None
    meeting_reference: str
    meeting_time_zone: str | None
    agenda_item_uuid: str | None
    agenda_item_number: str
    agenda_item_title_en: str
    agenda_item_title_fr: str

    def agenda_item_title(self, language: str) -> str:
        return pick(self.agenda_item_title_en, self.agenda_item_title_fr, language).text


@dataclass(frozen=True)
class PositionView:
    organisation_uuid: str
    organisation_short: str
    stance: Stance


@dataclass(frozen=True)
class ApprovalView:
    uuid: str
    document_uuid: str
    version_uuid: str
    version_number: int
    sha256: str
    outcome: ApprovalOutcome
    decided_on: date
    method: DecisionMethod
    meeting_uuid: str | None
    meeting_reference: str
    meeting_time_zone: str | None
    agenda_item_uuid: str | None
    decision_uuid: str | None
    decision_number: str
    decision_text_en: str
    decision_text_fr: str
    publication_date: date | None
    publication_audience: Audience | None
    note: str
    positions: tuple[PositionView, ...] = field(default=())

    def decision_text(self, language: str) -> str:
        return pick(self.decision_text_en, self.decision_text_fr, language).text


@dataclass(frozen=True)
class DocumentDetail:
    """Everything the documents screen shows of one document."""

    summary: DocumentSummary
    owner_organisation_uuid: str | None
    original_language: Language
    translation_status: TranslationStatus
    versions: tuple[VersionView, ...]
    steps: tuple[StatusChangeView, ...]
    approvals: tuple[ApprovalView, ...]
    # The steps a user may take by hand from the current status.
    next_statuses: tuple[DocumentStatus, ...]
    # The agenda item of the pending submission, if the document is submitted.
    submitted_to_item_uuid: str | None = None

    @property
    def uuid(self) -> str:
        return self.summary.uuid


@dataclass(frozen=True)
class ApprovalItemChoice:
    """An agenda item of kind "document approval" a document can be submitted to."""

    meeting_uuid: str
    meeting_reference: str
    meeting_title_en: str
    meeting_title_fr: str
    meeting_starts_at: datetime
    time_zone: str
    item_uuid: str
    item_number: str
    item_title_en: str
    item_title_fr: str

    def item_title(self, language: str) -> str:
        return pick(self.item_title_en, self.item_title_fr, language).text


@dataclass(frozen=True)
class ApprovalDraft:
    """What the approval dialog starts from: the member organisations with a proposed stance, dates, texts."""

    version_uuid: str
    version_number: int
    sha256: str
    meeting_uuid: str
    meeting_reference: str
    agenda_item_uuid: str
    decided_on: date
    positions: tuple[PositionView, ...]
    publication_date: date | None
    publication_audience: Audience | None
    texts: dict[str, tuple[str, str]]  # outcome value -> (English, French) proposed decision text


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEventView:
    id: int
    at: datetime
    os_user: str
    action: str  # insert, update, delete
    entity: str  # the table name
    entity_uuid: str
    changes: tuple[FieldChange, ...]
    hash: str
    # Whether this event's own hash and its link to the previous event still hold.
    intact: bool = True


@dataclass(frozen=True)
class DocumentHistory:
    document_uuid: str
    steps: tuple[StatusChangeView, ...]
    events: tuple[AuditEventView, ...]


@dataclass(frozen=True)
class IntegrityFault:
    """One thing wrong; ``kind`` is stable (for tests and scripts), ``message`` is translated."""

    kind: str
    message: str
    document_title: str = ""
    version_number: int | None = None
    decision_number: str = ""
    event_id: int | None = None


@dataclass(frozen=True)
class IntegrityReport:
    path: str
    faults: tuple[IntegrityFault, ...]
    files_checked: int = 0
    approvals_checked: int = 0
    events_checked: int = 0
    schema_revision: str = ""

    @property
    def ok(self) -> bool:
        return not self.faults
