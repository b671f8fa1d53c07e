"""The quorum of a meeting, evaluated from its attendance: the member organisations of the directory, those
with at least one participant present or online, and how many the meeting's rule needs (``app.domain.quorum``).
Live mode shows it; each decision records it when taken (``app.services.decisions``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import Attendance, QuorumRule, Relation
from app.domain.models import Meeting, Organisation, Participation, Person
from app.domain.quorum import evaluate_quorum
from app.i18n import _
from app.persistence.database import Database
from app.services import common

_PRESENT = (Attendance.PRESENT, Attendance.ONLINE)


def org_short(org: Organisation) -> str:
    return org.acronym_en or org.name_en or org.acronym_fr or org.name_fr


@dataclass(frozen=True)
class MemberPresence:
    organisation_uuid: str
    short: str
    name: str
    present: bool


@dataclass(frozen=True)
class QuorumView:
    """The quorum of a meeting now: member organisations, those present or online, how many are needed."""

    rule: QuorumRule
    members: tuple[MemberPresence, ...]
    present: int
    required: int

    @property
    def reached(self) -> bool:
        return self.present >= self.required


def quorum_of(session: Session, meeting: Meeting) -> QuorumView:
    members = session.execute(select(Organisation).where(Organisation.relation == Relation.MEMBER)).scalars().all()
    present_ids: set[int] = set()
    rows = session.execute(
        select(Participation.organisation_id, Person.organisation_id).join(Person, Participation.person_id == Person.id)
        .where(Participation.meeting_id == meeting.id, Participation.attendance.in_(_PRESENT))).all()
    for represented, employer in rows:
        org_id = represented or employer
        if org_id is not None:
            present_ids.add(org_id)
    listed = tuple(sorted((MemberPresence(org.uuid, org_short(org), org.name_en or org.name_fr, org.id in present_ids)
                           for org in members), key=lambda m: m.short.casefold()))
    check = evaluate_quorum(meeting.quorum_rule, len(listed), sum(1 for m in listed if m.present))
    return QuorumView(rule=meeting.quorum_rule, members=listed, present=check.present, required=check.required)


def meeting_quorum(db: Database, meeting_uuid: str) -> QuorumView:
    """The quorum evaluated now from the attendance (live mode shows it; each decision records it)."""
    with db.transaction() as session:
        return quorum_of(session, common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting")))
