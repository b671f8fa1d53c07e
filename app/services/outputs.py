"""What printed outputs are made of: a meeting's whole record, the register of actions, the content hash of
the minutes and the distribution log of numbered copies.

The record is read in one transaction and handed out as frozen dataclasses holding both languages of every
text (``Bi``), so that one read serves English, French and bilingual outputs alike.  The content hash of
the minutes is a SHA-256 over a canonical JSON of what the minutes say (items, texts, decisions, actions):
the same function recomputes it when a printed copy is checked against the database.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import (
    ActionStatus,
    ApprovalOutcome,
    Attendance,
    DecisionKind,
    InvitationStatus,
    Language,
    Marking,
    MeetingStatus,
    Role,
    Sector,
)
from app.domain.models import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    Approval,
    Decision,
    DistributionRecord,
    DocumentVersion,
    Meeting,
    MinutesEntry,
    Organisation,
    Participation,
    Person,
)
from app.domain.rules import decision_number, fold
from app.persistence.database import Database
from app.services.agenda import agenda_view
from app.services.meetings import find_meeting, meeting_view
from app.services.views import AgendaItemView, MeetingView, Picked, pick

CONTENT_FORMAT = "chairdesk-minutes-1"
# Most restrictive first: a register that spans meetings carries the strictest marking among them.
_MARKING_ORDER = (Marking.RED, Marking.AMBER_STRICT, Marking.AMBER, Marking.GREEN, Marking.CLEAR)


@dataclass(frozen=True)
class Bi:
    """A text in English and in French (either may be empty)."""

    en: str = ""
    fr: str = ""

    def pick(self, language: str) -> Picked:
        return pick(self.en, self.fr, language)

    def text(self, language: str) -> str:
        return self.pick(language).text


@dataclass(frozen=True)
class OrganisationRef:
    uuid: str
    name: Bi
    short: Bi
    sector: Sector


@dataclass(frozen=True)
class AttendeeRow:
    person_uuid: str
    given_name: str
    family_name: str
    title: Bi
    organisation: OrganisationRef | None
    role: Role
    invitation_status: InvitationStatus
    attendance: Attendance
    arrived_at: datetime | None

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)


@dataclass(frozen=True)
class DocumentRef:
    uuid: str
    title: Bi


@dataclass(frozen=True)
class ItemRecord:
    """An agenda item with what was recorded under it."""

    item: AgendaItemView
    minutes: Bi
    documents: tuple[DocumentRef, ...]


@dataclass(frozen=True)
class DecisionRecord:
    uuid: str
    number: str
    agenda_item_uuid: str | None
    agenda_number: str | None
    text: Bi
    kind: DecisionKind


@dataclass(frozen=True)
class ActionRecord:
    uuid: str
    number: str
    meeting_reference: str
    agenda_item_uuid: str | None
    agenda_number: str | None
    text: Bi
    owners: tuple[Bi, ...]
    due_date: date | None
    status: ActionStatus


@dataclass(frozen=True)
class ApprovedDocument:
    title: Bi
    version: int
    file_name: str
    language: Language | None
    decided_on: date
    outcome: ApprovalOutcome
    sha256: str


@dataclass(frozen=True)
class MeetingRecord:
    """Everything the minutes, the agenda, the sign-in sheet and the attendee list of a meeting show."""

    meeting: MeetingView
    title: Bi
    host: Bi
    approved_on: date | None
    approved_by: str
    documents_dated: datetime
    items: tuple[ItemRecord, ...]
    attendees: tuple[AttendeeRow, ...]
    decisions: tuple[DecisionRecord, ...]
    actions: tuple[ActionRecord, ...]
    approved_documents: tuple[ApprovedDocument, ...]

    @property
    def minutes_approved(self) -> bool:
        return self.approved_on is not None or self.meeting.status is MeetingStatus.MINUTES_APPROVED


@dataclass(frozen=True)
class ActionRegister:
    """Actions of one meeting or of all, with the marking and the date the printed register carries."""

    meeting_references: tuple[str, ...]
    actions: tuple[ActionRecord, ...]
    marking: Marking
    dated: datetime


@dataclass(frozen=True)
class CopyIssued:
    """One copy handed out: its number among how many, to whom, and the SHA-256 of the file given."""

    copy_number: int | None
    copies_total: int | None
    recipient: str
    sha256: str


def _name(person: Person | None) -> str:
    return " ".join(p for p in (person.given_name, person.family_name) if p) if person else ""


def _org_ref(org: Organisation) -> OrganisationRef:
    return OrganisationRef(uuid=org.uuid, name=Bi(org.name_en, org.name_fr),
                           short=Bi(org.acronym_en or org.name_en, org.acronym_fr or org.name_fr), sector=org.sector)


def _documents_dated(meeting: Meeting) -> datetime:
    """The fixed creation date of outputs: the meeting's own, else its end (never "now": same data, same file)."""
    return meeting.documents_dated or meeting.ends_at


def _owner_names(action: ActionItem) -> tuple[Bi, ...]:
    names: list[Bi] = []
    for owner in action.owners:
        if owner.person is not None:
            names.append(Bi(_name(owner.person), _name(owner.person)))
        elif owner.organisation is not None:
            ref = _org_ref(owner.organisation)
            names.append(ref.short)
    return tuple(names)


def _actions(session: Session, meetings: Sequence[Meeting], numbers: dict[str, str]) -> list[ActionRecord]:
    ids = {m.id: m for m in meetings}
    rows = session.execute(
        select(ActionItem).where(ActionItem.meeting_id.in_(ids))
        .options(selectinload(ActionItem.owners).selectinload(ActionOwner.person),
                 selectinload(ActionItem.owners).selectinload(ActionOwner.organisation),
                 selectinload(ActionItem.agenda_item))
        .order_by(ActionItem.position, ActionItem.id)
    ).scalars().all()
    result: list[ActionRecord] = []
    for meeting in meetings:
        mine = [a for a in rows if a.meeting_id == meeting.id]
        for n, action in enumerate(mine, start=1):
            item = action.agenda_item
            result.append(ActionRecord(
                uuid=action.uuid, number=f"{meeting.reference}/A{n}", meeting_reference=meeting.reference,
                agenda_item_uuid=item.uuid if item else None, agenda_number=numbers.get(item.uuid) if item else None,
                text=Bi(action.text_en, action.text_fr), owners=_owner_names(action), due_date=action.due_date,
                status=action.status,
            ))
    return result


def _attendees(session: Session, meeting: Meeting) -> list[AttendeeRow]:
    rows = session.execute(
        select(Participation).where(Participation.meeting_id == meeting.id)
        .options(selectinload(Participation.person).selectinload(Person.organisation),
                 selectinload(Participation.organisation))
        .order_by(Participation.id)
    ).scalars().all()
    result = []
    for p in rows:
        org = p.organisation or p.person.organisation
        result.append(AttendeeRow(
            person_uuid=p.person.uuid, given_name=p.person.given_name, family_name=p.person.family_name,
            title=Bi(p.person.title_en, p.person.title_fr), organisation=_org_ref(org) if org else None,
            role=p.role, invitation_status=p.invitation_status, attendance=p.attendance, arrived_at=p.arrived_at,
        ))
    return sorted(result, key=lambda a: (fold(a.family_name), fold(a.given_name), a.person_uuid))


def _approved_documents(session: Session, meeting: Meeting) -> list[ApprovedDocument]:
    rows = session.execute(
        select(Approval).where(Approval.meeting_id == meeting.id)
        .options(selectinload(Approval.version).selectinload(DocumentVersion.document))
        .order_by(Approval.decided_on, Approval.id)
    ).scalars().all()
    return [
        ApprovedDocument(
            title=Bi(a.version.document.title_en, a.version.document.title_fr), version=a.version.number,
            file_name=a.version.file_name, language=a.version.language, decided_on=a.decided_on,
            outcome=a.outcome, sha256=a.sha256,
        )
        for a in rows
    ]


def meeting_record(db: Database, reference_or_uuid: str) -> MeetingRecord:
    """The whole record of one meeting, in both languages, read in one transaction."""
    with db.transaction() as session:
        meeting = find_meeting(session, reference_or_uuid)
        agenda = agenda_view(session, meeting)
        numbers = {item.uuid: item.number for item in agenda.items}
        rows = session.execute(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
            .options(selectinload(AgendaItem.documents), selectinload(AgendaItem.minutes))
        ).scalars().all()
        by_uuid = {row.uuid: row for row in rows}
        items = []
        for view in agenda.items:
            row = by_uuid[view.uuid]
            entry: MinutesEntry | None = row.minutes
            items.append(ItemRecord(
                item=view, minutes=Bi(entry.text_en, entry.text_fr) if entry else Bi(),
                documents=tuple(DocumentRef(d.uuid, Bi(d.title_en, d.title_fr)) for d in row.documents),
            ))
        order = {uuid: index for index, uuid in enumerate(numbers)}
        decisions = session.execute(
            select(Decision).where(Decision.meeting_id == meeting.id).options(selectinload(Decision.agenda_item))
        ).scalars().all()
        ranked = sorted(decisions, key=lambda d: (
            order.get(d.agenda_item.uuid, len(order)) if d.agenda_item else len(order), d.position, d.id))
        host = meeting.host_organisation
        return MeetingRecord(
            meeting=meeting_view(meeting, "en"),
            title=Bi(meeting.title_en, meeting.title_fr),
            host=Bi(host.name_en, host.name_fr) if host else Bi(),
            approved_on=meeting.minutes_approved_on,
            approved_by=meeting.minutes_approved_by,
            documents_dated=_documents_dated(meeting),
            items=tuple(items),
            attendees=tuple(_attendees(session, meeting)),
            decisions=tuple(
                DecisionRecord(uuid=d.uuid, number=decision_number(meeting.reference, n),
                               agenda_item_uuid=d.agenda_item.uuid if d.agenda_item else None,
                               agenda_number=numbers.get(d.agenda_item.uuid) if d.agenda_item else None,
                               text=Bi(d.text_en, d.text_fr), kind=d.kind)
                for n, d in enumerate(ranked, start=1)
            ),
            actions=tuple(_actions(session, [meeting], numbers)),
            approved_documents=tuple(_approved_documents(session, meeting)),
        )


def action_register(db: Database, reference_or_uuid: str | None = None) -> ActionRegister:
    """The actions of one meeting, or of every meeting (oldest meeting first) when none is named."""
    with db.transaction() as session:
        if reference_or_uuid:
            meetings = [find_meeting(session, reference_or_uuid)]
        else:
            meetings = list(session.execute(select(Meeting).order_by(Meeting.starts_at, Meeting.id)).scalars())
        numbers: dict[str, str] = {}
        for meeting in meetings:
            numbers.update({item.uuid: item.number for item in agenda_view(session, meeting).items})
        markings = {m.marking for m in meetings}
        marking = next((m for m in _MARKING_ORDER if m in markings), Marking.AMBER)
        dated = max((_documents_dated(m) for m in meetings), default=datetime(2000, 1, 1, tzinfo=UTC))
        return ActionRegister(
            meeting_references=tuple(m.reference for m in meetings),
            actions=tuple(_actions(session, meetings, numbers)),
            marking=marking, dated=dated,
        )


# --- the content hash of the minutes ----------------------------------------------------------------------

def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()


def _bi(value: Bi) -> dict[str, str]:
    return {"en": _norm(value.en), "fr": _norm(value.fr)}


def minutes_content(record: MeetingRecord) -> dict[str, Any]:
    """What the minutes say, as plain data: the hashed content (action status is left out: it moves on)."""
    return {
        "format": CONTENT_FORMAT,
        "meeting": record.meeting.reference,
        "title": _bi(record.title),
        "items": [
            {"number": r.item.number, "title": _bi(Bi(r.item.title_en, r.item.title_fr)), "minutes": _bi(r.minutes)}
            for r in record.items
        ],
        "decisions": [{"number": d.number, "item": d.agenda_number, "text": _bi(d.text)} for d in record.decisions],
        "actions": [
            {"number": a.number, "item": a.agenda_number, "text": _bi(a.text),
             "owners": [_bi(o) for o in a.owners], "due": a.due_date.isoformat() if a.due_date else None}
            for a in record.actions
        ],
    }


def content_hash(record: MeetingRecord) -> str:
    canonical = json.dumps(minutes_content(record), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def minutes_content_hash(db: Database, meeting: str) -> str:
    """The SHA-256 printed in the verification block of the minutes of ``meeting`` (reference or UUID)."""
    return content_hash(meeting_record(db, meeting))


# --- the distribution log ---------------------------------------------------------------------------------

def _recipient_organisation(session: Session, recipient: str) -> Organisation | None:
    key = recipient.strip().lower()
    if not key:
        return None
    return session.execute(
        select(Organisation).where(or_(*(func.lower(column) == key for column in (
            Organisation.acronym_en, Organisation.acronym_fr, Organisation.name_en, Organisation.name_fr))))
        .order_by(Organisation.id).limit(1)
    ).scalar_one_or_none()


def record_distribution(
    db: Database, meeting: str | None, output: str, language: str, copies: Sequence[CopyIssued],
    method: str = "file", note: str = "",
) -> int:
    """Write one distribution-log row per copy handed out; returns how many were written."""
    now = datetime.now(UTC)
    with db.transaction() as session:
        row_meeting = find_meeting(session, meeting) if meeting else None
        for copy in copies:
            session.add(DistributionRecord(
                meeting=row_meeting, output=output, language=language, copy_number=copy.copy_number,
                copies_total=copy.copies_total, recipient=copy.recipient,
                recipient_organisation=_recipient_organisation(session, copy.recipient),
                method=method, distributed_at=now, sha256=copy.sha256, note=note,
            ))
        return len(copies)

