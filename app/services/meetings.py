"""Meeting use cases: list, open, create (from scratch or from a previous meeting), edit, reschedule and
delete meetings, and the overview the main window shows.

A meeting's reference code is unique in a database and names its decisions (``VGT-2019-10/D3``); its
start and end are aware datetimes shown in the meeting's own IANA time zone.  Agenda items that open a
later session keep their place in the meeting's days (day 2, 09:00) when the meeting moves or is copied.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import (
    Attendance,
    InvitationStatus,
    Language,
    Marking,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    QuorumRule,
    TranslationStatus,
)
from app.domain.models import (
    ActionItem,
    AgendaItem,
    Approval,
    Decision,
    Document,
    Meeting,
    Organisation,
    Participation,
    Person,
)
from app.domain.rules import decision_number
from app.errors import DomainError, NotFoundError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.agenda import agenda_view
from app.services.directory import organisation_view
from app.services.documents import document_summary
from app.services.views import (
    ActionView,
    AgendaView,
    AttendanceCounts,
    DecisionView,
    MeetingOverview,
    MeetingSummary,
    MeetingView,
)

MEETING_FIELDS: dict[str, common.FieldRule] = {
    "reference": common.text(40),
    "title_en": common.text(300),
    "title_fr": common.text(300),
    "kind": common.choice(MeetingKind),
    "starts_at": common.aware_datetime(),
    "ends_at": common.aware_datetime(),
    "time_zone": common.time_zone(optional=False),
    "venue": common.text(200),
    "city": common.text(100),
    "country": common.country(),
    "online_url": common.text(500),
    "mode": common.choice(MeetingMode),
    "marking": common.choice(Marking),
    "status": common.choice(MeetingStatus),
    "original_language": common.choice(Language),
    "translation_status": common.choice(TranslationStatus),
    "quorum_rule": common.choice(QuorumRule),
}

_PERSON_LINKS = {"chair_uuid": "chair", "secretary_uuid": "secretary"}


def _person_name(person: Person | None) -> str:
    return " ".join(p for p in (person.given_name, person.family_name) if p) if person else ""


def summary(meeting: Meeting) -> MeetingSummary:
    return MeetingSummary(
        uuid=meeting.uuid, reference=meeting.reference, title_en=meeting.title_en, title_fr=meeting.title_fr,
        kind=meeting.kind, starts_at=meeting.starts_at, ends_at=meeting.ends_at, time_zone=meeting.time_zone,
        city=meeting.city, country=meeting.country, mode=meeting.mode, marking=meeting.marking, status=meeting.status,
    )


def meeting_view(meeting: Meeting, language: str = "en") -> MeetingView:
    host = meeting.host_organisation
    host_name = organisation_view(host).name(language) if host is not None else ""
    base = summary(meeting)
    return MeetingView(
        **{name: getattr(base, name) for name in base.__dataclass_fields__},
        venue=meeting.venue, online_url=meeting.online_url,
        host_organisation_uuid=host.uuid if host else None, host_name=host_name,
        chair_uuid=meeting.chair.uuid if meeting.chair else None, chair_name=_person_name(meeting.chair),
        secretary_uuid=meeting.secretary.uuid if meeting.secretary else None,
        secretary_name=_person_name(meeting.secretary),
        original_language=meeting.original_language, translation_status=meeting.translation_status,
    )


def find_meeting(session: Session, reference_or_uuid: str) -> Meeting:
    """A meeting by its reference code (case-insensitive) or its UUID."""
    key = reference_or_uuid.strip()
    meeting = session.execute(
        select(Meeting).where(or_(Meeting.uuid == key, func.upper(Meeting.reference) == key.upper()))
    ).scalar_one_or_none()
    if meeting is None:
        raise NotFoundError(_("No meeting with the reference or identifier {key}.").format(key=key))
    return meeting


def _check_meeting(session: Session, meeting: Meeting) -> None:
    if not meeting.reference:
        raise DomainError(_("A meeting needs a reference code."), field="reference")
    if not (meeting.title_en or meeting.title_fr):
        raise DomainError(_("A meeting needs a title in English or in French."), field="title_en")
    if meeting.starts_at is None or meeting.ends_at is None:
        raise DomainError(_("A meeting needs a start and an end."), field="starts_at")
    if meeting.ends_at <= meeting.starts_at:
        raise DomainError(_("The meeting must end after it starts."), field="ends_at")
    query = select(Meeting.id).where(func.upper(Meeting.reference) == meeting.reference.upper())
    if meeting.id is not None:
        query = query.where(Meeting.id != meeting.id)
    if session.execute(query.limit(1)).first() is not None:
        raise DomainError(
            _("Another meeting already has the reference {reference}.").format(reference=meeting.reference),
            field="reference",
        )


def _apply(session: Session, meeting: Meeting, values: Mapping[str, Any]) -> None:
    plain = dict(values)
    if "host_organisation_uuid" in plain:
        uuid = plain.pop("host_organisation_uuid")
        meeting.host_organisation = (
            common.get_by_uuid(session, Organisation, uuid, _("organisation")) if uuid else None
        )
    for key, attribute in _PERSON_LINKS.items():
        if key in plain:
            uuid = plain.pop(key)
            setattr(meeting, attribute, common.get_by_uuid(session, Person, uuid, _("person")) if uuid else None)
    common.apply_changes(meeting, plain, MEETING_FIELDS)


def list_meetings(db: Database) -> list[MeetingSummary]:
    with db.transaction() as session:
        rows = session.execute(select(Meeting).order_by(Meeting.starts_at.desc(), Meeting.id)).scalars().all()
        return [summary(row) for row in rows]


def get_meeting(db: Database, reference_or_uuid: str, language: str = "en") -> MeetingView:
    with db.transaction() as session:
        return meeting_view(find_meeting(session, reference_or_uuid), language)


def _new_meeting(session: Session, uuid: str | None) -> Meeting:
    """An empty meeting, with the given UUID when an undone deletion or creation is redone."""
    meeting = Meeting()
    if uuid:
        if session.execute(select(Meeting.id).where(Meeting.uuid == uuid)).first() is not None:
            raise DomainError(_("This meeting is already in the database."))
        meeting.uuid = uuid
    return meeting


def create_meeting(db: Database, uuid: str | None = None, **values: Any) -> MeetingView:
    """A new meeting; needs at least reference, a title, starts_at, ends_at (aware) and time_zone."""
    with db.transaction() as session:
        meeting = _new_meeting(session, uuid)
        for required in ("starts_at", "ends_at", "time_zone"):
            if required not in values:
                raise DomainError(_("A meeting needs a start, an end and a time zone."), field=required)
        _apply(session, meeting, values)
        _check_meeting(session, meeting)
        session.add(meeting)
        session.flush()
        return meeting_view(meeting)


def update_meeting(db: Database, uuid: str, changes: Mapping[str, Any]) -> MeetingView:
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, uuid, _("meeting"))
        _apply(session, meeting, changes)
        _check_meeting(session, meeting)
        return meeting_view(meeting)


def delete_meeting(db: Database, uuid: str) -> None:
    """Delete a meeting that has recorded nothing yet: no decision, no approval refers to it."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, uuid, _("meeting"))
        recorded = (
            session.execute(select(Decision.id).where(Decision.meeting_id == meeting.id).limit(1)).first()
            or session.execute(select(Approval.id).where(Approval.meeting_id == meeting.id).limit(1)).first()
        )
        if recorded:
            raise DomainError(_("This meeting has recorded decisions or approvals; it cannot be deleted."))
        session.delete(meeting)


def attendance_counts(participations: list[Participation]) -> AttendanceCounts:
    def count(predicate: Any) -> int:
        return sum(1 for p in participations if predicate(p))

    return AttendanceCounts(
        total=len(participations),
        invited=count(lambda p: p.invitation_status != InvitationStatus.NOT_INVITED),
        confirmed=count(lambda p: p.invitation_status == InvitationStatus.CONFIRMED),
        tentative=count(lambda p: p.invitation_status == InvitationStatus.TENTATIVE),
        declined=count(lambda p: p.invitation_status == InvitationStatus.DECLINED),
        present=count(lambda p: p.attendance == Attendance.PRESENT),
        online=count(lambda p: p.attendance == Attendance.ONLINE),
        apologies=count(lambda p: p.attendance == Attendance.APOLOGIES),
        absent=count(lambda p: p.attendance == Attendance.ABSENT),
        organisations=len({p.organisation_id or (p.person.organisation_id if p.person else None)
                           for p in participations} - {None}),
    )


def meeting_overview(db: Database, reference_or_uuid: str, language: str = "en") -> MeetingOverview:
    """Everything the main window shows of one meeting, read in one transaction."""
    with db.transaction() as session:
        meeting = find_meeting(session, reference_or_uuid)
        participations = session.execute(
            select(Participation).where(Participation.meeting_id == meeting.id)
            .options(selectinload(Participation.person))
        ).scalars().all()
        agenda = agenda_view(session, meeting)
        items = session.execute(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
            .options(selectinload(AgendaItem.documents).selectinload(Document.versions),
                     selectinload(AgendaItem.documents).selectinload(Document.owner_organisation))
        ).scalars().all()
        by_uuid = {item.uuid: item for item in items}
        documents: dict[str, Document] = {}
        for entry in agenda.items:  # in agenda order
            for doc in by_uuid[entry.uuid].documents:
                documents.setdefault(doc.uuid, doc)
        approved = session.execute(
            select(Document).join(Document.versions).join(Approval).where(Approval.meeting_id == meeting.id)
            .options(selectinload(Document.versions), selectinload(Document.owner_organisation))
        ).scalars().all()
        for doc in approved:
            documents.setdefault(doc.uuid, doc)
        return MeetingOverview(
            meeting=meeting_view(meeting, language),
            agenda=agenda,
            counts=attendance_counts(list(participations)),
            documents=tuple(document_summary(doc, language) for doc in documents.values()),
            decisions=tuple(_decisions(session, meeting, agenda)),
            actions=tuple(_actions(session, meeting, language)),
        )


def _decisions(session: Session, meeting: Meeting, agenda: AgendaView) -> list[DecisionView]:
    order = {item.uuid: index for index, item in enumerate(agenda.items)}
    rows = session.execute(
        select(Decision).where(Decision.meeting_id == meeting.id).options(selectinload(Decision.agenda_item))
    ).scalars().all()
    ranked = sorted(rows, key=lambda d: (order.get(d.agenda_item.uuid, len(order)) if d.agenda_item else len(order),
                                         d.position, d.id))
    return [
        DecisionView(uuid=d.uuid, number=decision_number(meeting.reference, n),
                     agenda_item_uuid=d.agenda_item.uuid if d.agenda_item else None, text_en=d.text_en, text_fr=d.text_fr)
        for n, d in enumerate(ranked, start=1)
    ]


def _actions(session: Session, meeting: Meeting, language: str) -> list[ActionView]:
    rows = session.execute(
        select(ActionItem).where(ActionItem.meeting_id == meeting.id).order_by(ActionItem.position, ActionItem.id)
        .options(selectinload(ActionItem.owners))
    ).scalars().all()
    result = []
    for action in rows:
        owners = []
        for owner in action.owners:
            if owner.person is not None:
                owners.append(_person_name(owner.person))
            elif owner.organisation is not None:
                owners.append(organisation_view(owner.organisation).short(language))
        result.append(ActionView(uuid=action.uuid, meeting_reference=meeting.reference, text_en=action.text_en,
                                 text_fr=action.text_fr, owners=tuple(owners), due_date=action.due_date,
                                 status=action.status))
    return result


def meeting_times(meeting: MeetingSummary) -> tuple[datetime, datetime]:
    """Start and end in the meeting's own time zone."""

    zone = ZoneInfo(meeting.time_zone)
    return meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
