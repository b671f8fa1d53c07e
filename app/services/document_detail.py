"""What the documents screen reads of one document: its versions, workflow steps and approvals, and its
history as the append-only audit trail records it.

The history gathers every audit event of the document and of the rows that belong to it (versions,
comments, review requests, steps, approvals, positions, the decisions), including rows deleted since,
found through the ids their creation recorded.  Each event says whether its own hash and its link to the
event before it still hold, so a tampered row shows where it is.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.document_workflow import manual_next
from app.domain.enums import DocumentStatus
from app.domain.models import (
    Approval,
    ApprovalPosition,
    AuditEvent,
    Decision,
    DecisionVote,
    Document,
    DocumentStatusChange,
    DocumentVersion,
    ReviewComment,
    ReviewRequest,
)
from app.i18n import _
from app.persistence.audit import event_hash
from app.persistence.database import Database
from app.services import common
from app.services.approvals import step_view
from app.services.directory import organisation_view
from app.services.document_numbers import MeetingNumbers
from app.services.document_views import (
    ApprovalView,
    AuditEventView,
    DocumentDetail,
    DocumentHistory,
    FieldChange,
    PositionView,
    StatusChangeView,
)
from app.services.documents import document_summary, version_view

MAX_VALUE_LENGTH = 300


def approval_view(session: Session, approval: Approval, numbers: MeetingNumbers, language: str = "en") -> ApprovalView:
    session.flush()
    decision = approval.decision
    meeting = approval.meeting
    return ApprovalView(
        uuid=approval.uuid, document_uuid=approval.version.document.uuid, version_uuid=approval.version.uuid,
        version_number=approval.version.number, sha256=approval.sha256, outcome=approval.outcome,
        decided_on=approval.decided_on, method=approval.method, meeting_uuid=meeting.uuid if meeting else None,
        meeting_reference=meeting.reference if meeting else "", meeting_time_zone=meeting.time_zone if meeting else None,
        agenda_item_uuid=decision.agenda_item.uuid if decision and decision.agenda_item else None,
        decision_uuid=decision.uuid if decision else None,
        decision_number=numbers.decision_number(session, decision) if decision else "",
        decision_text_en=decision.text_en if decision else "", decision_text_fr=decision.text_fr if decision else "",
        publication_date=approval.publication_date, publication_audience=approval.publication_audience,
        note=approval.note,
        positions=tuple(PositionView(p.organisation.uuid, organisation_view(p.organisation).short(language), p.stance)
                        for p in approval.positions),
    )


def _steps(session: Session, doc: Document, numbers: MeetingNumbers) -> tuple[StatusChangeView, ...]:
    rows = session.execute(select(DocumentStatusChange).where(DocumentStatusChange.document_id == doc.id)
                           .order_by(DocumentStatusChange.changed_at, DocumentStatusChange.id)).scalars().all()
    return tuple(step_view(session, row, numbers) for row in rows)


def _approvals(session: Session, doc: Document) -> list[Approval]:
    return list(session.execute(
        select(Approval).join(DocumentVersion).where(DocumentVersion.document_id == doc.id)
        .order_by(Approval.decided_on, Approval.id)).scalars())


def get_document_detail(db: Database, uuid: str, language: str = "en") -> DocumentDetail:
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, uuid, _("document"))
        numbers = MeetingNumbers()
        steps = _steps(session, doc, numbers)
        submitted = None
        if doc.status == DocumentStatus.SUBMITTED:
            last = next((s for s in reversed(steps) if s.to_status == DocumentStatus.SUBMITTED), None)
            submitted = last.agenda_item_uuid if last else None
        return DocumentDetail(
            summary=document_summary(doc, language),
            owner_organisation_uuid=doc.owner_organisation.uuid if doc.owner_organisation else None,
            original_language=doc.original_language, translation_status=doc.translation_status,
            versions=tuple(version_view(session, v) for v in doc.versions), steps=steps,
            approvals=tuple(approval_view(session, a, numbers, language) for a in _approvals(session, doc)),
            next_statuses=tuple(manual_next(doc.status)), submitted_to_item_uuid=submitted,
        )


# --- history ------------------------------------------------------------------------------------------------------

def _owned_uuids(session: Session, doc: Document) -> set[str]:
    version_ids = [v.id for v in doc.versions]
    approvals = _approvals(session, doc)
    decision_ids = [a.decision_id for a in approvals if a.decision_id]
    uuids = {doc.uuid, *(v.uuid for v in doc.versions), *(a.uuid for a in approvals)}
    for model, column, ids in (
        (ReviewComment, ReviewComment.version_id, version_ids),
        (ReviewRequest, ReviewRequest.version_id, version_ids),
        (DocumentStatusChange, DocumentStatusChange.document_id, [doc.id]),
        (ApprovalPosition, ApprovalPosition.approval_id, [a.id for a in approvals]),
        (Decision, Decision.id, decision_ids),
        (DecisionVote, DecisionVote.decision_id, decision_ids),
    ):
        if ids:
            uuids.update(session.execute(select(model.uuid).where(column.in_(ids))).scalars())
    # Rows deleted since (an undone version, comment or step): their creation named the document or version.
    created = select(AuditEvent.entity_uuid).where(AuditEvent.action == "insert")
    by_document = created.where(AuditEvent.entity.in_(("document_version", "document_status_change")),
                                func.json_extract(AuditEvent.changes, "$.document_id") == doc.id)
    uuids.update(session.execute(by_document).scalars())
    if version_ids:
        by_version = created.where(AuditEvent.entity.in_(("review_comment", "review_request", "approval")),
                                   func.json_extract(AuditEvent.changes, "$.version_id").in_(version_ids))
        uuids.update(session.execute(by_version).scalars())
    return uuids


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict) and "sha256" in value:
        return f"sha256 {value['sha256']} ({value.get('size', '?')})"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    text = str(value)
    return text if len(text) <= MAX_VALUE_LENGTH else text[:MAX_VALUE_LENGTH - 1] + "…"


def field_changes(action: str, changes: str) -> tuple[FieldChange, ...]:
    try:
        data = json.loads(changes or "{}")
    except ValueError:
        return (FieldChange("?", "", _text(changes)),)
    if not isinstance(data, dict):
        return ()
    result = []
    for name, value in sorted(data.items()):
        if isinstance(value, dict) and ("added" in value or "removed" in value):
            result.append(FieldChange(name, _text(value.get("removed")), _text(value.get("added"))))
        elif action == "update" and isinstance(value, list) and len(value) == 2:
            result.append(FieldChange(name, _text(value[0]), _text(value[1])))
        else:
            result.append(FieldChange(name, "", _text(value)))
    return tuple(result)


def event_intact(event: AuditEvent, previous_hash: str) -> bool:
    own = event_hash(event.prev_hash, event.at, event.os_user, event.action, event.entity, event.entity_uuid,
                     event.changes)
    return own == event.hash and event.prev_hash == previous_hash


def document_history(db: Database, uuid: str) -> DocumentHistory:
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, uuid, _("document"))
        uuids = sorted(_owned_uuids(session, doc))
        events: list[AuditEvent] = []
        for start in range(0, len(uuids), 500):  # SQLite's bound-parameter limit
            events.extend(session.execute(select(AuditEvent).where(AuditEvent.entity_uuid.in_(uuids[start:start + 500]))
                                          ).scalars())
        events.sort(key=lambda e: e.id)
        views = []
        for event in events:
            previous = session.execute(select(AuditEvent.hash).where(AuditEvent.id < event.id)
                                       .order_by(AuditEvent.id.desc()).limit(1)).scalar() or ""
            views.append(AuditEventView(
                id=event.id, at=event.at, os_user=event.os_user, action=event.action, entity=event.entity,
                entity_uuid=event.entity_uuid, changes=field_changes(event.action, event.changes), hash=event.hash,
                intact=event_intact(event, previous),
            ))
        return DocumentHistory(document_uuid=doc.uuid, steps=_steps(session, doc, MeetingNumbers()),
                               events=tuple(views))
