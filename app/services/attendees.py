"""Attendee-list use cases: who is invited to a meeting, in what role, whether they come and when.

A participation remembers the organisation the person represented at the meeting, so the record stays
true when people later change employer.  Besides the single edits, the list screen needs bulk forms (add
several people, remove several, restore what a removal took away with the same UUIDs so that undo and redo
keep working) and a search over the directory that stays fast with ten thousand people: it runs in SQL,
accent-free through ``fold()``, and stops at a limit.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import Attendance, InvitationStatus, Marking, Role, Sector
from app.domain.models import Meeting, Organisation, Participation, Person
from app.domain.rules import fold
from app.errors import DomainError, NotFoundError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.directory import organisation_view
from app.services.views import AttendanceCounts, ParticipationView, pick

SEARCH_LIMIT = 20

PARTICIPATION_FIELDS: dict[str, common.FieldRule] = {
    "role": common.choice(Role),
    "invitation_status": common.choice(InvitationStatus),
    "attendance": common.choice(Attendance),
    "arrived_at": common.optional_aware_datetime(),
    "notes": common.long_text(),
}


@dataclass(frozen=True)
class AttendeeView(ParticipationView):
    """A row of the attendee list: the participation with what the screen and the exports show of the person."""

    given_name: str
    family_name: str
    title_en: str
    title_fr: str
    email: str | None
    organisation_name: str
    notes: str

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


@dataclass(frozen=True)
class AttendeeList:
    """A meeting's attendee list with what is needed to show it: the meeting's zone for arrival times."""

    meeting_uuid: str
    reference: str
    title_en: str
    title_fr: str
    time_zone: str
    starts_at: datetime
    marking: Marking
    rows: tuple[AttendeeView, ...]

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


@dataclass(frozen=True)
class Candidate:
    """A person of the directory offered by the search, and whether they are already on the list."""

    person_uuid: str
    full_name: str
    organisation_short: str
    title_en: str
    title_fr: str
    email: str | None
    listed: bool

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


@dataclass(frozen=True)
class ParticipationRecord:
    """Everything a participation holds, so that a removed one can be put back as it was (same UUID)."""

    uuid: str
    meeting_uuid: str
    person_uuid: str
    organisation_uuid: str | None
    role: Role
    invitation_status: InvitationStatus
    attendance: Attendance
    arrived_at: datetime | None
    notes: str


def _full_name(person: Person) -> str:
    return " ".join(x for x in (person.given_name, person.family_name) if x)


def participation_view(p: Participation, language: str = "en") -> ParticipationView:
    org = p.organisation or p.person.organisation
    return ParticipationView(
        uuid=p.uuid, person_uuid=p.person.uuid,
        person_name=_full_name(p.person),
        organisation_uuid=org.uuid if org else None,
        organisation_short=organisation_view(org).short(language) if org else "",
        sector=org.sector if org else None, role=p.role, invitation_status=p.invitation_status,
        attendance=p.attendance, arrived_at=p.arrived_at,
    )


def attendee_view(p: Participation, language: str = "en") -> AttendeeView:
    base = participation_view(p, language)
    org = p.organisation or p.person.organisation
    person = p.person
    return AttendeeView(
        **{name: getattr(base, name) for name in ParticipationView.__dataclass_fields__},
        given_name=person.given_name, family_name=person.family_name, title_en=person.title_en,
        title_fr=person.title_fr, email=person.email,
        organisation_name=organisation_view(org).name(language) if org else "", notes=p.notes,
    )


def _record(p: Participation) -> ParticipationRecord:
    return ParticipationRecord(
        uuid=p.uuid, meeting_uuid=p.meeting.uuid, person_uuid=p.person.uuid,
        organisation_uuid=p.organisation.uuid if p.organisation else None, role=p.role,
        invitation_status=p.invitation_status, attendance=p.attendance, arrived_at=p.arrived_at, notes=p.notes,
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


def attendee_list(session: Session, meeting: Meeting, language: str = "en") -> AttendeeList:
    """The list as read inside a caller's transaction (the exports read it beside other data)."""
    return AttendeeList(
        meeting_uuid=meeting.uuid, reference=meeting.reference, title_en=meeting.title_en,
        title_fr=meeting.title_fr, time_zone=meeting.time_zone, starts_at=meeting.starts_at,
        marking=meeting.marking, rows=tuple(attendee_view(p, language) for p in _load(session, meeting)),
    )


def list_attendees(db: Database, meeting_uuid: str, language: str = "en") -> AttendeeList:
    with db.transaction() as session:
        return attendee_list(session, common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting")), language)


def count_attendance(rows: Iterable[ParticipationView]) -> AttendanceCounts:
    """Totals of a list or of one group of it (a sector, an organisation)."""
    rows = list(rows)

    def count(predicate: Any) -> int:
        return sum(1 for row in rows if predicate(row))

    return AttendanceCounts(
        total=len(rows),
        invited=count(lambda r: r.invitation_status != InvitationStatus.NOT_INVITED),
        confirmed=count(lambda r: r.invitation_status == InvitationStatus.CONFIRMED),
        tentative=count(lambda r: r.invitation_status == InvitationStatus.TENTATIVE),
        declined=count(lambda r: r.invitation_status == InvitationStatus.DECLINED),
        present=count(lambda r: r.attendance == Attendance.PRESENT),
        online=count(lambda r: r.attendance == Attendance.ONLINE),
        apologies=count(lambda r: r.attendance == Attendance.APOLOGIES),
        absent=count(lambda r: r.attendance == Attendance.ABSENT),
        organisations=len({row.organisation_uuid for row in rows} - {None}),
    )


_SECTOR_ORDER = {sector: index for index, sector in enumerate(Sector)}


def list_order(row: AttendeeView) -> tuple[int, str, str, str, str]:
    """Where a row stands in the list: by sector (members' law enforcement first), organisation, family name.

    The screen's groups and the exported spreadsheet follow this one order; people without an organisation
    come last.
    """
    sector = _SECTOR_ORDER[row.sector] if row.sector is not None else len(_SECTOR_ORDER)
    return (sector, fold(row.organisation_short), fold(row.family_name), fold(row.given_name), row.uuid)


# --- search --------------------------------------------------------------------------------------------------

def _candidate(person: Person, listed: bool, language: str) -> Candidate:
    org = person.organisation
    return Candidate(person_uuid=person.uuid, full_name=_full_name(person),
                     organisation_short=organisation_view(org).short(language) if org else "",
                     title_en=person.title_en, title_fr=person.title_fr, email=person.email, listed=listed)


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    # ``fold`` costs some 15 µs on an accented name, and names repeat (given names, organisations).
    return fold(text)


@dataclass(frozen=True)
class _Entry:
    """One person as the search sees them: folded texts to look in, and the order to list them."""

    person_id: int
    name: str  # " given family", folded: a word starting with the first typed word ranks first
    haystack: str  # the name, the e-mail address and the organisation's names and acronyms, folded
    order: tuple[str, str, int]  # folded family name, folded given name, id


# The directory as the search sees it, per database file, with the fingerprint it was built at.
_INDEXES: dict[str, tuple[tuple[Any, ...], list[_Entry]]] = {}


def _fingerprint(session: Session) -> tuple[Any, ...]:
    """Changes whenever a person or an organisation is added, removed or edited (every write moves
    ``updated_at``, an import sets it to the package's), at the cost of one pass over two tables in C."""
    return tuple(session.execute(select(
        func.count(model.id), func.total(model.id), func.max(model.updated_at),
        func.total(func.julianday(model.updated_at)))).one() for model in (Person, Organisation))


def _directory_index(session: Session, key: str) -> list[_Entry]:
    fingerprint = _fingerprint(session)
    cached = _INDEXES.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    organisations = {
        row.id: " ".join(_folded(name) for name in row[1:] if name)
        for row in session.execute(select(Organisation.id, Organisation.name_en, Organisation.name_fr,
                                          Organisation.acronym_en, Organisation.acronym_fr))}
    entries = []
    for person_id, given, family, email, organisation_id in session.execute(
            select(Person.id, Person.given_name, Person.family_name, Person.email, Person.organisation_id)):
        name = f" {_folded(given)} {_folded(family)}"
        haystack = f"{name} {(email or '').lower()} {organisations.get(organisation_id, '')}"
        entries.append(_Entry(person_id, name, haystack, (_folded(family), _folded(given), person_id)))
    _INDEXES[key] = (fingerprint, entries)
    return entries


def search_directory(db: Database, meeting_uuid: str, text: str, language: str = "en",
                     limit: int = SEARCH_LIMIT) -> list[Candidate]:
    """People whose name, e-mail or organisation holds every word typed, accent-free, best first.

    Names with a word that starts like the first word typed come first, then by family name; at most
    ``limit`` rows.  Calling the ``fold()`` SQL function on every person at every keystroke costs some
    180 ms for ten thousand people, so the folded texts are kept between searches and checked against a
    fingerprint of the two tables each time: a search then costs a few milliseconds, the first one of a
    session (or the first after an edit of the directory) the time to fold the names again.
    """
    tokens = fold(text).split()
    if not tokens:
        return []
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        first = f" {tokens[0]}"
        found = [(0 if first in entry.name else 1, entry.order) for entry in _directory_index(session, str(db.path))
                 if all(token in entry.haystack for token in tokens)]
        best = [order[2] for _rank, order in heapq.nsmallest(limit, found)]
        if not best:
            return []
        people = {person.id: person for person in session.execute(
            select(Person).where(Person.id.in_(best)).options(selectinload(Person.organisation))).scalars()}
        listed = set(session.execute(select(Participation.person_id).where(
            Participation.meeting_id == meeting.id, Participation.person_id.in_(best))).scalars())
        return [_candidate(people[key], key in listed, language) for key in best]


# --- adding, changing, removing ------------------------------------------------------------------------------

def _add(session: Session, meeting: Meeting, person: Person, organisation: Organisation | None,
         values: Mapping[str, Any], uuid: str | None) -> Participation:
    if session.execute(select(Participation.id).where(
            Participation.meeting_id == meeting.id, Participation.person_id == person.id)).first():
        raise DomainError(_("{name} is already on the attendee list.").format(name=_full_name(person)),
                          field="person")
    participation = Participation(meeting=meeting, person=person, organisation=organisation)
    if uuid:
        participation.uuid = uuid
    common.apply_changes(participation, values, PARTICIPATION_FIELDS)
    session.add(participation)
    session.flush()
    return participation


def add_participant(
    db: Database, meeting_uuid: str, person_uuid: str, organisation_uuid: str | None = None,
    uuid: str | None = None, **values: Any
) -> ParticipationView:
    """Put a person on the list; ``uuid`` re-creates a participation that undo took away, as it was."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        person = common.get_by_uuid(session, Person, person_uuid, _("person"))
        organisation = (common.get_by_uuid(session, Organisation, organisation_uuid, _("organisation"))
                        if organisation_uuid else person.organisation)
        return participation_view(_add(session, meeting, person, organisation, values, uuid))


def add_participants(db: Database, meeting_uuid: str, person_uuids: Sequence[str],
                     uuids: Sequence[str] | None = None, **values: Any) -> list[ParticipationView]:
    """Several people at once, each representing their current organisation, all or none.

    ``uuids`` (one per person) re-creates participations with the identifiers they had, for redo.
    """
    if uuids is not None and len(uuids) != len(person_uuids):
        raise ValueError("one uuid per person")
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        added = []
        for index, person_uuid in enumerate(person_uuids):
            person = common.get_by_uuid(session, Person, person_uuid, _("person"))
            added.append(_add(session, meeting, person, person.organisation, values,
                              uuids[index] if uuids is not None else None))
        return [participation_view(p) for p in added]


def update_participation(db: Database, uuid: str, changes: Mapping[str, Any]) -> ParticipationView:
    with db.transaction() as session:
        participation = common.get_by_uuid(session, Participation, uuid, _("participation"))
        common.apply_changes(participation, changes, PARTICIPATION_FIELDS)
        return participation_view(participation)


def update_participations(db: Database, uuids: Sequence[str], changes: Mapping[str, Any]) -> list[ParticipationView]:
    """The same change to many attendees at once, in one transaction (all or nothing)."""
    return update_each(db, {uuid: changes for uuid in uuids})


def _participations(session: Session, uuids: Sequence[str]) -> list[Participation]:
    """The participations named, in the order given, with what their views need loaded in one go (a lazy
    load per row would flush, and write the audit trail, once per row)."""
    found = {p.uuid: p for p in session.execute(
        select(Participation).where(Participation.uuid.in_(list(uuids)))
        .options(selectinload(Participation.person).selectinload(Person.organisation),
                 selectinload(Participation.organisation), selectinload(Participation.meeting))).scalars()}
    missing = [uuid for uuid in uuids if uuid not in found]
    if missing:
        raise NotFoundError(_("Not found: {what} {uuid}").format(what=_("participation"), uuid=missing[0]))
    return [found[uuid] for uuid in uuids]


def update_each(db: Database, changes: Mapping[str, Mapping[str, Any]]) -> list[ParticipationView]:
    """A change of its own to each attendee (UUID -> fields), in one transaction: the undo of a bulk change."""
    with db.transaction() as session:
        rows = _participations(session, list(changes))
        for participation in rows:
            common.apply_changes(participation, changes[participation.uuid], PARTICIPATION_FIELDS)
        return [participation_view(participation) for participation in rows]


def remove_participant(db: Database, uuid: str) -> None:
    remove_participants(db, [uuid])


def remove_participants(db: Database, uuids: Sequence[str]) -> list[ParticipationRecord]:
    """Take people off the list, all or none; returns what they were, for ``restore_participants``."""
    with db.transaction() as session:
        rows = _participations(session, uuids)
        removed = [_record(participation) for participation in rows]
        for participation in rows:
            session.delete(participation)
        return removed


def restore_participants(db: Database, records: Sequence[ParticipationRecord]) -> list[ParticipationView]:
    """Put back removed participations with their UUIDs and every value they had (the undo of a removal)."""
    with db.transaction() as session:
        restored = []
        for record in records:
            meeting = common.get_by_uuid(session, Meeting, record.meeting_uuid, _("meeting"))
            person = common.get_by_uuid(session, Person, record.person_uuid, _("person"))
            organisation = (common.get_by_uuid(session, Organisation, record.organisation_uuid, _("organisation"))
                            if record.organisation_uuid else None)
            values = {"role": record.role, "invitation_status": record.invitation_status,
                      "attendance": record.attendance, "arrived_at": record.arrived_at, "notes": record.notes}
            restored.append(_add(session, meeting, person, organisation, values, record.uuid))
        return [participation_view(p) for p in restored]
