"""Attendee-list use cases: who is invited to a meeting, in what role, whether they come and when.

A participation remembers the organisation the person represented at the meeting, so the record stays
true when people later change employer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import Attendance, InvitationStatus, Role
from app.domain.models import Meeting, Organisation, Participation, Person
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.directory import organisation_view
from app.services.views import ParticipationView

PARTICIPATION_FIELDS: dict[str, common.FieldRule] = {
    "role": common.choice(Role),
    "invitation_status": common.choice(InvitationStatus),
    "attendance": common.choice(Attendance),
    "arrived_at": common.optional_aware_datetime(),
    "notes": common.long_text(),
}


def participation_view(p: Participation, language: str = "en") -> ParticipationView:
    org = p.organisation or p.person.organisation
    return ParticipationView(
        uuid=p.uuid, person_uuid=p.person.uuid,
        person_name=" ".join(x for x in (p.person.given_name, p.person.family_name) if x),
        organisation_uuid=org.uuid if org else None,
        organisation_short=organisation_view(org).short(language) if org else "",
        sector=org.sector if org else None, role=p.role, invitation_status=p.invitation_status,
        attendance=p.attendance, arrived_at=p.arrived_at,
    )


def _load(session: Session, meeting: Meeting) -> list[Participation]:
    return list(session.execute(
        select(Participation).where(Participation.meeting_id == meeting.id)
        .options(selectinload(Participation.person).selectinload(Person.organisation),
                 selectinload(Participation.organisation))
        .order_by(Participation.id)
    ).scalars())


def list_participants(db: Database, meeting_uuid: str, language: str = "en") -> list[ParticipationView]:
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        return [participation_view(p, language) for p in _load(session, meeting)]


def add_participant(
    db: Database, meeting_uuid: str, person_uuid: str, organisation_uuid: str | None = None, **values: Any
) -> ParticipationView:
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        person = common.get_by_uuid(session, Person, person_uuid, _("person"))
        if session.execute(select(Participation.id).where(
                Participation.meeting_id == meeting.id, Participation.person_id == person.id)).first():
            raise DomainError(_("{name} is already on the attendee list.").format(
                name=" ".join(x for x in (person.given_name, person.family_name) if x)), field="person")
        organisation = (common.get_by_uuid(session, Organisation, organisation_uuid, _("organisation"))
                        if organisation_uuid else person.organisation)
        participation = Participation(meeting=meeting, person=person, organisation=organisation)
        common.apply_changes(participation, values, PARTICIPATION_FIELDS)
        session.add(participation)
        session.flush()
        return participation_view(participation)


def update_participation(db: Database, uuid: str, changes: Mapping[str, Any]) -> ParticipationView:
    with db.transaction() as session:
        participation = common.get_by_uuid(session, Participation, uuid, _("participation"))
        common.apply_changes(participation, changes, PARTICIPATION_FIELDS)
        return participation_view(participation)


def update_participations(db: Database, uuids: Sequence[str], changes: Mapping[str, Any]) -> list[ParticipationView]:
    """The same change to many attendees at once, in one transaction (all or nothing)."""
    with db.transaction() as session:
        result = []
        for uuid in uuids:
            participation = common.get_by_uuid(session, Participation, uuid, _("participation"))
            common.apply_changes(participation, changes, PARTICIPATION_FIELDS)
            result.append(participation_view(participation))
        return result


def remove_participant(db: Database, uuid: str) -> None:
    with db.transaction() as session:
        session.delete(common.get_by_uuid(session, Participation, uuid, _("participation")))
