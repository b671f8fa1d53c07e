"""Live meeting mode's reads and the edits no other service makes: the meeting as the room follows it (agenda
with each item's notes), the attendance with the quorum of now, the attendance a tick of the check-in list
gives, the agenda the room screen may show, and a walk-in (a person, maybe a new organisation, and their
participation) added and taken back in one transaction each.

Notes, decisions and actions are written through the minutes, decision and action services; the quorum is
the decision service's (``quorum_of``), recorded by it with every decision.  The room display's agenda is
cut here, not in the screen: closed-session items and everything under them never leave this module for
it, and its view has no field that could carry minutes or decision text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import (
    AgendaItemKind,
    Attendance,
    ItemOutcome,
    Language,
    Marking,
    QuorumRule,
    Relation,
    Role,
    Sector,
    Visibility,
)
from app.domain.models import AgendaItem, Meeting, MinutesEntry, Organisation, Participation, Person
from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.agenda import agenda_view
from app.services.attendees import PARTICIPATION_FIELDS, AttendeeView, attendee_list
from app.services.decisions import QuorumView, quorum_of
from app.services.directory import (
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    check_person,
    remove_organisation,
    remove_person,
)
from app.services.views import pick

CHECK_IN = (Attendance.PRESENT, Attendance.ONLINE)


@dataclass(frozen=True)
class LiveItem:
    """An agenda item as live mode shows it: what the agenda says of it and its notes (minutes text) so far."""

    uuid: str
    parent_uuid: str | None
    number: str
    depth: int
    title_en: str
    title_fr: str
    kind: AgendaItemKind
    visibility: Visibility
    closed: bool  # in closed session, itself or under a closed item
    duration_minutes: int
    starts_at: datetime
    ends_at: datetime
    presenter_names: tuple[str, ...]
    outcome: ItemOutcome
    text_en: str
    text_fr: str

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text

    def notes(self, language: str) -> str:
        """The notes in that language only: live mode writes into one language, it never shows a fallback."""
        return self.text_fr if language == "fr" else self.text_en


@dataclass(frozen=True)
class LiveMeeting:
    uuid: str
    reference: str
    title_en: str
    title_fr: str
    time_zone: str
    starts_at: datetime
    ends_at: datetime
    marking: Marking
    quorum_rule: QuorumRule
    minutes_locked: bool
    items: tuple[LiveItem, ...]

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text

    def item(self, uuid: str | None) -> LiveItem | None:
        return next((item for item in self.items if item.uuid == uuid), None)


@dataclass(frozen=True)
class LiveAttendance:
    """Who is on the list and how they attend, with the quorum that attendance gives now."""

    meeting_uuid: str
    time_zone: str
    rows: tuple[AttendeeView, ...]
    quorum: QuorumView


@dataclass(frozen=True)
class RoomItem:
    """An agenda line for the room screen: number, title, planned time — nothing else can reach it."""

    uuid: str
    number: str
    depth: int
    title_en: str
    title_fr: str
    starts_at: datetime
    duration_minutes: int
    visibility: Visibility

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


@dataclass(frozen=True)
class RoomView:
    meeting_uuid: str
    reference: str
    title_en: str
    title_fr: str
    marking: Marking
    time_zone: str
    items: tuple[RoomItem, ...]

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text

    def has(self, item_uuid: str | None) -> bool:
        return any(item.uuid == item_uuid for item in self.items)


@dataclass(frozen=True)
class WalkIn:
    """What ``add_walk_in`` made, so that undo takes back exactly that and redo makes it again alike."""

    meeting_uuid: str
    person_uuid: str
    participation_uuid: str
    organisation_uuid: str | None
    organisation_created: bool
    given_name: str
    family_name: str
    email: str | None
    organisation_name: str
    language: str
    role: Role
    attendance: Attendance
    arrived_at: datetime


# --- reading ------------------------------------------------------------------------------------------------

def live_meeting(db: Database, meeting_uuid: str) -> LiveMeeting:
    """The meeting, its agenda in order (times planned from its start) and each item's notes, in one read."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        agenda = agenda_view(session, meeting)
        texts = {uuid: (text_en, text_fr) for uuid, text_en, text_fr in session.execute(
            select(AgendaItem.uuid, MinutesEntry.text_en, MinutesEntry.text_fr)
            .join(MinutesEntry, MinutesEntry.agenda_item_id == AgendaItem.id)
            .where(AgendaItem.meeting_id == meeting.id))}
        closed: set[str] = set()
        items = []
        for view in agenda.items:  # parents come before their children
            is_closed = view.visibility is Visibility.CLOSED or view.parent_uuid in closed
            if is_closed:
                closed.add(view.uuid)
            text_en, text_fr = texts.get(view.uuid, ("", ""))
            items.append(LiveItem(
                uuid=view.uuid, parent_uuid=view.parent_uuid, number=view.number, depth=view.depth,
                title_en=view.title_en, title_fr=view.title_fr, kind=view.kind, visibility=view.visibility,
                closed=is_closed, duration_minutes=view.duration_minutes, starts_at=view.starts_at,
                ends_at=view.ends_at, presenter_names=view.presenter_names, outcome=view.outcome,
                text_en=text_en, text_fr=text_fr))
        return LiveMeeting(
            uuid=meeting.uuid, reference=meeting.reference, title_en=meeting.title_en, title_fr=meeting.title_fr,
            time_zone=meeting.time_zone, starts_at=meeting.starts_at, ends_at=meeting.ends_at,
            marking=meeting.marking, quorum_rule=meeting.quorum_rule, minutes_locked=meeting.minutes_locked,
            items=tuple(items))


def live_attendance(db: Database, meeting_uuid: str, language: str = "en") -> LiveAttendance:
    """The attendee list and the quorum it gives, read together so that they always agree."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        listed = attendee_list(session, meeting, language)
        return LiveAttendance(meeting_uuid=meeting.uuid, time_zone=meeting.time_zone, rows=listed.rows,
                              quorum=quorum_of(session, meeting))


def room_view(meeting: LiveMeeting) -> RoomView:
    """The agenda the room screen may show: public and partners-only items, never a closed session's."""
    return RoomView(
        meeting_uuid=meeting.uuid, reference=meeting.reference, title_en=meeting.title_en,
        title_fr=meeting.title_fr, marking=meeting.marking, time_zone=meeting.time_zone,
        items=tuple(RoomItem(uuid=item.uuid, number=item.number, depth=item.depth, title_en=item.title_en,
                             title_fr=item.title_fr, starts_at=item.starts_at,
                             duration_minutes=item.duration_minutes, visibility=item.visibility)
                    for item in meeting.items if not item.closed))


# --- checking in ---------------------------------------------------------------------------------------------

def check_in_change(attendance: Attendance, arrived_at: datetime | None, wanted: Attendance,
                    now: datetime) -> dict[str, object]:
    """The fields a tick sets: ``wanted`` (present or online) at ``now``, or back to unknown if already so.

    Someone switching between present and online keeps the time they first arrived.
    """
    if wanted not in CHECK_IN:
        raise ValueError("a check-in is present or online")
    if now.tzinfo is None:
        raise ValueError("an arrival time needs its time zone")
    if attendance is wanted:
        return {"attendance": Attendance.UNKNOWN, "arrived_at": None}
    kept = arrived_at if attendance in CHECK_IN and arrived_at is not None else now
    return {"attendance": wanted, "arrived_at": kept}


# --- walk-ins ------------------------------------------------------------------------------------------------

def _matching_organisation(session: Session, name: str) -> Organisation | None:
    wanted = fold(name.strip())
    for org in session.execute(select(Organisation)).scalars():
        if wanted in {fold(value) for value in (org.name_en, org.name_fr, org.acronym_en, org.acronym_fr) if value}:
            return org
    return None


def add_walk_in(db: Database, meeting_uuid: str, *, given_name: str, family_name: str, arrived_at: datetime,
                organisation_uuid: str | None = None, organisation_name: str = "", email: str | None = None,
                role: Role = Role.DELEGATE, attendance: Attendance = Attendance.PRESENT, language: str = "en",
                person_uuid: str | None = None, participation_uuid: str | None = None,
                new_organisation_uuid: str | None = None) -> WalkIn:
    """Someone not on the list who came: a new person of the directory, on the list, arrived at ``arrived_at``.

    Their organisation is ``organisation_uuid``, else the one whose name or acronym is ``organisation_name``,
    else a new organisation of that name (a guest of the taskforce until the directory says more); the UUIDs
    are given when redo makes the same rows again.
    """
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        if attendance not in CHECK_IN:
            raise DomainError(_("A walk-in is present or online."), field="attendance")
        role = Role(common.choice(Role).check(role))
        person = Person(uuid=person_uuid) if person_uuid else Person()
        common.apply_changes(person, {"given_name": given_name, "family_name": family_name, "email": email},
                             PERSON_FIELDS)
        check_person(session, person)
        person.preferred_language = Language(language) if language in ("en", "fr") else Language.EN
        created = False
        org: Organisation | None = None
        if organisation_uuid:
            org = common.get_by_uuid(session, Organisation, organisation_uuid, _("organisation"))
        elif organisation_name.strip():
            org = None if new_organisation_uuid else _matching_organisation(session, organisation_name)
            if org is None:
                name_field = "name_fr" if language == "fr" else "name_en"
                org = Organisation(uuid=new_organisation_uuid) if new_organisation_uuid else Organisation()
                try:
                    common.apply_changes(org, {name_field: organisation_name}, ORGANISATION_FIELDS)
                except DomainError as exc:
                    exc.field = "organisation"
                    raise
                org.relation, org.sector = Relation.GUEST, Sector.OTHER
                session.add(org)
                created = True
        person.organisation = org
        session.add(person)
        session.flush()
        participation = Participation(meeting=meeting, person=person, organisation=org, role=role)
        if participation_uuid:
            participation.uuid = participation_uuid
        common.apply_changes(participation, {"attendance": attendance, "arrived_at": arrived_at},
                             PARTICIPATION_FIELDS)
        session.add(participation)
        session.flush()
        return WalkIn(
            meeting_uuid=meeting.uuid, person_uuid=person.uuid, participation_uuid=participation.uuid,
            organisation_uuid=org.uuid if org else None, organisation_created=created,
            given_name=person.given_name, family_name=person.family_name, email=person.email,
            organisation_name=organisation_name.strip(), language=language, role=role, attendance=attendance,
            arrived_at=arrived_at)


def remove_walk_in(db: Database, walk_in: WalkIn) -> None:
    """Undo ``add_walk_in``: the participation, the person and the organisation made for them go."""
    with db.transaction() as session:
        participation = common.get_by_uuid(session, Participation, walk_in.participation_uuid, _("participation"))
        person = participation.person
        session.delete(participation)
        session.flush()
        remove_person(session, person)  # refused if they were made an owner or a presenter meanwhile
        if walk_in.organisation_created and walk_in.organisation_uuid:
            remove_organisation(session, common.get_by_uuid(session, Organisation, walk_in.organisation_uuid,
                                                            _("organisation")))


def redo_walk_in(db: Database, walk_in: WalkIn) -> WalkIn:
    """``add_walk_in`` again with the very rows it made the first time (the redo of an undone walk-in)."""
    return add_walk_in(
        db, walk_in.meeting_uuid, given_name=walk_in.given_name, family_name=walk_in.family_name,
        arrived_at=walk_in.arrived_at, email=walk_in.email, role=walk_in.role, attendance=walk_in.attendance,
        language=walk_in.language, person_uuid=walk_in.person_uuid, participation_uuid=walk_in.participation_uuid,
        organisation_uuid=None if walk_in.organisation_created else walk_in.organisation_uuid,
        organisation_name=walk_in.organisation_name if walk_in.organisation_created else "",
        new_organisation_uuid=walk_in.organisation_uuid if walk_in.organisation_created else None)
