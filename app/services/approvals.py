"""The approval workflow of documents: status steps, submission to a meeting, and the meeting's decision.

Every step is a ``DocumentStatusChange`` naming who (the OS user), when, why, and for a submission or a
decision the meeting and agenda item; the allowed steps come from ``app.domain.document_workflow``.  An
approval is a decision of the meeting: ``approve_version`` writes the ``Decision`` (placed after the
item's other decisions, so that its number comes from the meeting's numbering), the ``Approval`` with the
SHA-256 of the exact version, the member organisations' positions and the workflow step, in one
transaction.  An approval is never deleted: taking it back is a recorded withdrawal.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.document_workflow import (
    APPROVING_OUTCOMES,
    OUTCOME_STATUS,
    OUTCOMES,
    can_change,
    can_reinstate,
)
from app.domain.enums import (
    AgendaItemKind,
    ApprovalOutcome,
    Attendance,
    Audience,
    DecisionKind,
    DecisionMethod,
    DocumentStatus,
    Language,
    Relation,
    Stance,
    Threshold,
    TranslationStatus,
    Vote,
)
from app.domain.models import (
    AgendaItem,
    Approval,
    ApprovalPosition,
    DecisionVote,
    Document,
    DocumentStatusChange,
    DocumentVersion,
    Meeting,
    Organisation,
    Participation,
)
from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import N_, _
from app.persistence.base import utcnow
from app.persistence.database import Database
from app.services import common
from app.services.decisions import new_decision
from app.services.directory import organisation_view
from app.services.document_numbers import MeetingNumbers, decision_number_of
from app.services.document_views import (
    ApprovalDraft,
    ApprovalItemChoice,
    ApprovalView,
    PositionView,
    StatusChangeView,
)

__all__ = ["decision_number_of", "record_step", "change_status", "revert_status_change", "withdraw_approval",
           "reinstate_document", "approve_version", "approval_choices", "approval_draft"]

_STANCE_VOTE = {Stance.SUPPORTS: Vote.FOR, Stance.OBJECTS: Vote.AGAINST, Stance.ABSTAINS: Vote.ABSTAIN}

# Proposed decision texts, translated into each language whatever the app's language (see approval_draft).
_DECISION_TEXTS: dict[ApprovalOutcome, str] = {
    ApprovalOutcome.APPROVED: N_("The Taskforce approved “{title}” (version {number})."),
    ApprovalOutcome.APPROVED_WITH_AMENDMENTS: N_("The Taskforce approved “{title}” (version {number}) with "
                                                 "amendments."),
    ApprovalOutcome.DEFERRED: N_("The Taskforce deferred its decision on “{title}” (version {number})."),
    ApprovalOutcome.REJECTED: N_("The Taskforce did not approve “{title}” (version {number})."),
}


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers): record that, never refuse a step
        return "unknown"


# --- workflow steps -----------------------------------------------------------------------------------------------

def record_step(session: Session, doc: Document, to_status: DocumentStatus, reason: str, *,
                version: DocumentVersion | None = None, meeting: Meeting | None = None,
                item: AgendaItem | None = None, uuid: str | None = None) -> DocumentStatusChange:
    """Write one workflow step in the caller's transaction and move the document to ``to_status``."""
    session.flush()
    step = DocumentStatusChange(
        document_id=doc.id, version_id=version.id if version else None, from_status=doc.status, to_status=to_status,
        changed_at=utcnow(), os_user=_os_user(), reason=reason.strip(),
        meeting_id=meeting.id if meeting else None, agenda_item_id=item.id if item else None,
    )
    if uuid:
        if session.execute(select(DocumentStatusChange.id).where(DocumentStatusChange.uuid == uuid)).first():
            raise DomainError(_("This workflow step is already recorded."))
        step.uuid = uuid
    doc.status = to_status
    session.add(step)
    session.flush()
    return step


def step_view(session: Session, step: DocumentStatusChange, numbers: MeetingNumbers) -> StatusChangeView:
    version = session.get(DocumentVersion, step.version_id) if step.version_id else None
    meeting = session.get(Meeting, step.meeting_id) if step.meeting_id else None
    item = session.get(AgendaItem, step.agenda_item_id) if step.agenda_item_id else None
    doc = session.get(Document, step.document_id)
    assert doc is not None
    return StatusChangeView(
        uuid=step.uuid, document_uuid=doc.uuid, from_status=step.from_status, to_status=step.to_status,
        changed_at=step.changed_at, os_user=step.os_user, reason=step.reason,
        version_number=version.number if version else None, meeting_uuid=meeting.uuid if meeting else None,
        meeting_reference=meeting.reference if meeting else "", meeting_time_zone=meeting.time_zone if meeting else None,
        agenda_item_uuid=item.uuid if item else None,
        agenda_item_number=numbers.item_number(session, item) if item else "",
        agenda_item_title_en=item.title_en if item else "", agenda_item_title_fr=item.title_fr if item else "",
    )


def _latest_version(session: Session, doc: Document) -> DocumentVersion | None:
    return session.execute(select(DocumentVersion).where(DocumentVersion.document_id == doc.id)
                           .order_by(DocumentVersion.number.desc()).limit(1)).scalar_one_or_none()


def _last_step(session: Session, doc: Document, to_status: DocumentStatus | None = None) -> DocumentStatusChange | None:
    query = select(DocumentStatusChange).where(DocumentStatusChange.document_id == doc.id)
    if to_status is not None:
        query = query.where(DocumentStatusChange.to_status == to_status)
    return session.execute(query.order_by(DocumentStatusChange.changed_at.desc(), DocumentStatusChange.id.desc())
                           .limit(1)).scalar_one_or_none()


def change_status(
    db: Database, document_uuid: str, to_status: DocumentStatus | str, reason: str = "",
    meeting_uuid: str | None = None, agenda_item_uuid: str | None = None, *, uuid: str | None = None,
) -> StatusChangeView:
    """Take one step of the workflow by hand: review, submission to a meeting's agenda item, withdrawal…

    The outcomes (approved, deferred…) are refused here: they come with the meeting's decision."""
    try:
        target = DocumentStatus(to_status)
    except ValueError as exc:
        raise DomainError(_("{value} is not an accepted value here.").format(value=to_status), field="to_status") from exc
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, document_uuid, _("document"))
        if target in OUTCOMES:
            raise DomainError(_("An outcome is recorded with the meeting's decision: use “Record the decision…”."),
                              field="to_status")
        if not can_change(doc.status, target):
            raise DomainError(_("A document cannot go from “{current}” to “{target}”.").format(
                current=_label(doc.status), target=_label(target)), field="to_status")
        if target == DocumentStatus.WITHDRAWN and not reason.strip():
            raise DomainError(_("Say why the document is withdrawn."), field="reason")
        version = _latest_version(session, doc)
        if target in (DocumentStatus.IN_REVIEW, DocumentStatus.SUBMITTED) and version is None:
            raise DomainError(_("Add the file of the document first: a review or a submission is of a version."),
                              field="version")
        meeting = item = None
        if target == DocumentStatus.SUBMITTED:
            meeting, item = _approval_item(session, meeting_uuid, agenda_item_uuid)
            if doc not in item.documents:
                item.documents.append(doc)
        step = record_step(session, doc, target, reason, version=version, meeting=meeting, item=item, uuid=uuid)
        return step_view(session, step, MeetingNumbers())


def _approval_item(session: Session, meeting_uuid: str | None, item_uuid: str | None) -> tuple[Meeting, AgendaItem]:
    if not item_uuid:
        raise DomainError(_("Choose the meeting and the agenda item that will decide."), field="agenda_item")
    item = common.get_by_uuid(session, AgendaItem, item_uuid, _("agenda item"))
    if meeting_uuid and item.meeting.uuid != meeting_uuid:
        raise DomainError(_("This agenda item is not on that meeting's agenda."), field="agenda_item")
    if item.kind != AgendaItemKind.DOCUMENT_APPROVAL:
        raise DomainError(_("A document is submitted to an agenda item of kind “Document approval”."),
                          field="agenda_item")
    return item.meeting, item


def revert_status_change(db: Database, step_uuid: str) -> None:
    """Undo the latest step of a document: its status goes back and the step is removed (the audit trail
    keeps both).  A step taken with a meeting's decision is never removed."""
    with db.transaction() as session:
        step = common.get_by_uuid(session, DocumentStatusChange, step_uuid, _("workflow step"))
        doc = session.get(Document, step.document_id)
        assert doc is not None
        last = _last_step(session, doc)
        if last is None or last.id != step.id or doc.status != step.to_status:
            raise DomainError(_("The document has moved on since this step."))
        if step.to_status in OUTCOMES and step.from_status == DocumentStatus.SUBMITTED:
            raise DomainError(_("A meeting's decision is not undone; withdraw the document instead."))
        if step.to_status == DocumentStatus.SUBMITTED and step.agenda_item_id:
            item = session.get(AgendaItem, step.agenda_item_id)
            others = session.execute(select(func.count(DocumentStatusChange.id)).where(
                DocumentStatusChange.document_id == doc.id, DocumentStatusChange.agenda_item_id == step.agenda_item_id,
                DocumentStatusChange.id != step.id)).scalar_one()
            if item is not None and not others and doc in item.documents:
                item.documents.remove(doc)
        doc.status = step.from_status
        session.delete(step)


def withdraw_approval(db: Database, approval_uuid: str, reason: str, *, uuid: str | None = None) -> StatusChangeView:
    """What undoing an approval does: the decision stays on the meeting's record; the document is withdrawn."""
    with db.transaction() as session:
        approval = common.get_by_uuid(session, Approval, approval_uuid, _("approval"))
        doc = approval.version.document
        if doc.status == DocumentStatus.WITHDRAWN:
            raise DomainError(_("The document is already withdrawn."))
        if not reason.strip():
            raise DomainError(_("Say why the document is withdrawn."), field="reason")
        item = session.get(AgendaItem, approval.decision.agenda_item_id) if approval.decision else None
        step = record_step(session, doc, DocumentStatus.WITHDRAWN, reason, version=approval.version,
                           meeting=approval.meeting, item=item, uuid=uuid)
        return step_view(session, step, MeetingNumbers())


def reinstate_document(db: Database, document_uuid: str, reason: str, *, uuid: str | None = None) -> StatusChangeView:
    """Reverse a withdrawal: back to the status the document was withdrawn from, recorded as a step."""
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, document_uuid, _("document"))
        withdrawal = _last_step(session, doc, DocumentStatus.WITHDRAWN)
        if doc.status != DocumentStatus.WITHDRAWN or withdrawal is None or not can_reinstate(withdrawal.from_status):
            raise DomainError(_("Only a withdrawn document can be reinstated."))
        meeting = session.get(Meeting, withdrawal.meeting_id) if withdrawal.meeting_id else None
        item = session.get(AgendaItem, withdrawal.agenda_item_id) if withdrawal.agenda_item_id else None
        version = session.get(DocumentVersion, withdrawal.version_id) if withdrawal.version_id else None
        step = record_step(session, doc, withdrawal.from_status, reason, version=version, meeting=meeting, item=item,
                           uuid=uuid)
        return step_view(session, step, MeetingNumbers())


def _label(status: DocumentStatus) -> str:
    from app.domain.enums import label

    return label(status)


# --- the meeting's decision ----------------------------------------------------------------------------------------

def approve_version(
    db: Database, version_uuid: str, meeting_uuid: str, agenda_item_uuid: str, outcome: ApprovalOutcome | str, *,
    positions: Mapping[str, Stance] | None = None, method: DecisionMethod | str = DecisionMethod.CONSENSUS,
    decided_on: date | None = None, publication_date: date | None = None, audience: Audience | str | None = None,
    text_en: str = "", text_fr: str = "", note: str = "",
) -> ApprovalView:
    """Record the meeting's decision on one exact version, in one transaction.

    ``positions`` maps member organisations (UUIDs) to their stance; leave it empty for a consensus
    without a roll call.  The approval keeps the version's SHA-256, checked against the stored bytes first.
    """
    from app.services.document_detail import approval_view

    try:
        result = ApprovalOutcome(outcome)
    except ValueError as exc:
        raise DomainError(_("Choose the outcome of the decision."), field="outcome") from exc
    try:
        how = DecisionMethod(method)
    except ValueError as exc:
        raise DomainError(_("Choose consensus or vote."), field="method") from exc
    publish_to = common.choice(Audience, optional=True).check(audience)
    if publication_date is not None and publish_to is None and result in APPROVING_OUTCOMES:
        raise DomainError(_("Say for whom the document will be published."), field="publication_audience")
    stances = dict(positions or {})
    if how == DecisionMethod.VOTE and not any(s != Stance.NO_RESPONSE for s in stances.values()):
        raise DomainError(_("A vote needs the position of the member organisations."), field="positions")
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        doc = version.document
        meeting, item = _approval_item(session, meeting_uuid, agenda_item_uuid)
        if doc.status != DocumentStatus.SUBMITTED:
            raise DomainError(_("Submit the document to the meeting before recording its decision."), field="outcome")
        submission = _last_step(session, doc, DocumentStatus.SUBMITTED)
        if submission is not None and submission.agenda_item_id not in (None, item.id):
            raise DomainError(_("The document was submitted to another agenda item."), field="agenda_item")
        if any(a.outcome in APPROVING_OUTCOMES for a in version.approvals):
            raise DomainError(_("Version {number} is already approved.").format(number=version.number),
                              field="version")
        import hashlib

        if hashlib.sha256(version.content).hexdigest() != version.sha256:
            raise DomainError(_("The stored file of version {number} no longer matches its SHA-256: run the "
                                "integrity check before approving it.").format(number=version.number), field="version")
        if not (text_en.strip() or text_fr.strip()):
            text_en, text_fr = default_decision_texts(doc.title_en, doc.title_fr, version.number, result)
        numbers = MeetingNumbers()
        decided_day = decided_on or numbers.item_day(session, item)
        counted = list(stances.values())
        votes: dict[str, Any] = {} if how == DecisionMethod.CONSENSUS else {
            "votes_for": counted.count(Stance.SUPPORTS), "votes_against": counted.count(Stance.OBJECTS),
            "abstentions": counted.count(Stance.ABSTAINS)}
        # The meeting's own rule places it after the item's other decisions and numbers it (D1, D2…).
        decision = new_decision(
            session, meeting, item, text_en=text_en.strip(), text_fr=text_fr.strip(),
            kind=DecisionKind.APPROVAL if result in APPROVING_OUTCOMES else DecisionKind.AGREEMENT, method=how,
            threshold=Threshold.CONSENSUS if how == DecisionMethod.CONSENSUS else Threshold.SIMPLE_MAJORITY,
            original_language=Language.EN if text_en.strip() else Language.FR,
            translation_status=(TranslationStatus.VERIFIED if text_en.strip() and text_fr.strip()
                                else TranslationStatus.NOT_TRANSLATED), **votes,
        )
        orgs = {uuid: common.get_by_uuid(session, Organisation, uuid, _("organisation")) for uuid in stances}
        if how == DecisionMethod.VOTE:
            decision.votes = [DecisionVote(organisation=orgs[uuid], vote=_STANCE_VOTE[stance])
                              for uuid, stance in stances.items() if stance in _STANCE_VOTE]
        session.flush()
        approval = Approval(
            version_id=version.id, version=version, meeting_id=meeting.id, meeting=meeting, decision_id=decision.id,
            decision=decision, outcome=result,
            decided_on=decided_day, sha256=version.sha256, method=how,
            publication_date=publication_date if result in APPROVING_OUTCOMES else None,
            publication_audience=publish_to if result in APPROVING_OUTCOMES else None, note=note.strip(),
            positions=[ApprovalPosition(organisation=orgs[uuid], stance=Stance(stance))
                       for uuid, stance in stances.items()],
        )
        session.add(approval)
        if result in APPROVING_OUTCOMES and publication_date is not None:
            doc.publication_date, doc.publication_audience = publication_date, publish_to
        record_step(session, doc, OUTCOME_STATUS[result], note, version=version, meeting=meeting, item=item)
        return approval_view(session, approval, MeetingNumbers())


def default_decision_texts(title_en: str, title_fr: str, number: int, outcome: ApprovalOutcome) -> tuple[str, str]:
    """The proposed decision in English and in French, whatever the app's language; French stays empty
    while the catalog lacks the sentence (an English text in the French column would be taken as French)."""
    from app.reports.options import Lang  # one language's translations, independent of the app's language

    message = _DECISION_TEXTS[outcome]
    english = Lang("en").gettext(message).format(title=title_en or title_fr, number=number)
    french_template = Lang("fr").gettext(message)
    french = "" if french_template == message else french_template.format(title=title_fr or title_en, number=number)
    return english, french


def approval_choices(db: Database) -> list[ApprovalItemChoice]:
    """Agenda items of kind "document approval", latest meeting first, in agenda order."""
    with db.transaction() as session:
        items = session.execute(
            select(AgendaItem).join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .where(AgendaItem.kind == AgendaItemKind.DOCUMENT_APPROVAL)
            .order_by(Meeting.starts_at.desc(), Meeting.id)
        ).scalars().all()
        numbers = MeetingNumbers()
        choices = [ApprovalItemChoice(
            meeting_uuid=item.meeting.uuid, meeting_reference=item.meeting.reference,
            meeting_title_en=item.meeting.title_en, meeting_title_fr=item.meeting.title_fr,
            meeting_starts_at=item.meeting.starts_at, time_zone=item.meeting.time_zone, item_uuid=item.uuid,
            item_number=numbers.item_number(session, item), item_title_en=item.title_en, item_title_fr=item.title_fr,
        ) for item in items]
        order: dict[str, int] = {}
        for index, choice in enumerate(choices):  # already latest meeting first
            order.setdefault(choice.meeting_uuid, index)
        return sorted(choices, key=lambda c: (order[c.meeting_uuid], [int(p) for p in c.item_number.split(".")]))


def approval_draft(db: Database, version_uuid: str, agenda_item_uuid: str, language: str = "en") -> ApprovalDraft:
    """What the approval dialog proposes: members represented at the meeting support, the others have not
    responded; the day of the agenda item; the document's planned publication; decision texts."""
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        doc = version.document
        meeting, item = _approval_item(session, None, agenda_item_uuid)
        present = set(session.execute(
            select(Participation.organisation_id).where(
                Participation.meeting_id == meeting.id,
                Participation.attendance.in_([Attendance.PRESENT, Attendance.ONLINE]))).scalars())
        members = session.execute(select(Organisation).where(Organisation.relation == Relation.MEMBER)).scalars().all()
        positions = sorted((PositionView(org.uuid, organisation_view(org).short(language),
                                         Stance.SUPPORTS if org.id in present else Stance.NO_RESPONSE)
                            for org in members), key=lambda p: fold(p.organisation_short))
        texts = {outcome.value: default_decision_texts(doc.title_en, doc.title_fr, version.number, outcome)
                 for outcome in ApprovalOutcome}
        return ApprovalDraft(
            version_uuid=version.uuid, version_number=version.number, sha256=version.sha256,
            meeting_uuid=meeting.uuid, meeting_reference=meeting.reference, agenda_item_uuid=item.uuid,
            decided_on=MeetingNumbers().item_day(session, item), positions=tuple(positions),
            publication_date=doc.publication_date, publication_audience=doc.publication_audience, texts=texts,
        )
