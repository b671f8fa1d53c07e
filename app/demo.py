"""The demo world: two real VGT events rebuilt as Chairdesk data, identical every time it is built.

``populate_demo(session)`` adds, with the ORM, the organisations, people, meetings, agendas, minutes,
decisions, actions, documents (with their PDF files), review comments and approvals of the demo;
``build_demo_database(path)`` creates a new database file and populates it in one transaction.

The source is two French press releases: the signature of the cooperation agreement between the Council
of Europe and the Virtual Global Taskforce (VGT) at the Octopus conference in Strasbourg in November 2011
(meeting ``VGT-2011-11``), and the VGT meeting hosted by the RCMP in Ottawa in October 2019 (meeting
``VGT-2019-10``).  Marie-Claude Arsenault, Stephen White, Neil Gaughan and Thorbjørn Jagland are named in
those releases; every other person is a FICTIONAL demo delegate (their notes say so), with contact details
on ``demo.example`` domains and ``+1 555`` numbers.  The PDF files are demo stand-ins, not the real
documents.  Texts and figures come from the releases; the rest (agenda details, review comments,
attendance, actions) is plausible invention.

Determinism: every UUID is a UUID 5 of a stable key, every ``created_at``/``updated_at`` is a fixed UTC
time near the events, and the PDFs are written by ReportLab in invariant mode, so two builds give the same
rows and the same file bytes.  The audit trail the session writes (``audit_event``) is the only part that
records when and by whom the demo was built, and so differs between builds.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.orm import Session

from app import demo_content as content
from app.demo_content import MeetingContent
from app.domain.enums import (
    ActionStatus,
    ApprovalOutcome,
    Audience,
    DecisionMethod,
    DocumentKind,
    DocumentStatus,
    Language,
    Marking,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    Relation,
    Stance,
    TranslationStatus,
)
from app.domain.models import (
    ActionItem,
    ActionOwner,
    ActionUpdate,
    AgendaItem,
    Approval,
    ApprovalPosition,
    Decision,
    Document,
    DocumentVersion,
    Meeting,
    MinutesEntry,
    Organisation,
    Participation,
    Person,
    ReviewComment,
    agenda_item_presenter,
)
from app.errors import DatabaseError
from app.i18n import _
from app.persistence.base import Entity
from app.persistence.database import Database, open_database

DEMO_NAMESPACE = uuid.UUID("5d0c1a7e-3b9f-5e2a-8c41-6a2f0e9b7d13")
REF_2011 = "VGT-2011-11"
REF_2019 = "VGT-2019-10"
PDF_MEDIA_TYPE = "application/pdf"

E = TypeVar("E", bound=Entity)


def demo_uuid(kind: str, key: str) -> str:
    """The fixed UUID of a demo row: UUID 5 of its kind (entity class name) and a stable key."""
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{kind}/{key}"))


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def local(time_zone: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A wall-clock time where something happened, as an aware UTC datetime."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(time_zone)).astimezone(UTC)


@dataclass(frozen=True)
class _Stamps:
    """When the rows of one meeting were created and last changed (UTC)."""

    meeting: tuple[datetime, datetime]
    agenda: tuple[datetime, datetime]
    participations: tuple[datetime, datetime]
    minutes: tuple[datetime, datetime]
    decided: datetime
    actions: datetime


_STAMPS = {
    REF_2011: _Stamps(
        meeting=(utc(2011, 10, 24, 9), utc(2011, 12, 12, 10)),
        agenda=(utc(2011, 10, 24, 9, 30), utc(2011, 11, 10, 10)),
        participations=(utc(2011, 10, 24, 10), utc(2011, 11, 22, 12, 30)),
        minutes=(utc(2011, 11, 22, 14), utc(2011, 12, 12, 10)),
        decided=utc(2011, 11, 22, 12, 5),
        actions=utc(2011, 11, 22, 14),
    ),
    REF_2019: _Stamps(
        meeting=(utc(2019, 6, 14, 15), utc(2019, 10, 7, 20)),
        agenda=(utc(2019, 8, 26, 14), utc(2019, 9, 20, 18)),
        participations=(utc(2019, 8, 26, 14, 30), utc(2019, 10, 3, 18)),
        minutes=(utc(2019, 10, 3, 20), utc(2019, 10, 7, 19, 30)),
        decided=utc(2019, 10, 3, 13, 30),
        actions=utc(2019, 10, 3, 18),
    ),
}

# (meeting/action key) -> (recorded at, status, note)
_ACTION_UPDATES: dict[str, tuple[datetime, ActionStatus, str]] = {
    f"{REF_2019}/publish": (
        utc(2019, 10, 15, 14),
        ActionStatus.IN_PROGRESS,
        "French version received from translation; web publication scheduled for 1 November 2019.",
    ),
}


@dataclass
class _World:
    """The session being filled and the rows made so far, by stable key."""

    session: Session
    orgs: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    items: dict[str, AgendaItem] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    presenters: list[tuple[AgendaItem, list[Person]]] = field(default_factory=list)

    def add(self, obj: E, key: str, created: datetime, updated: datetime | None = None) -> E:
        """Give a new row its fixed UUID and timestamps and add it to the session."""
        obj.uuid = demo_uuid(type(obj).__name__, key)
        obj.created_at = created
        obj.updated_at = updated or created
        self.session.add(obj)
        return obj


def populate_demo(session: Session) -> None:
    """Add the whole demo world to ``session`` (flushed, not committed); meant for an empty database."""
    world = _World(session)
    _organisations(world)
    _people(world)
    _meeting_2011(world)
    _meeting_2019(world)
    _documents(world)
    session.flush()
    # A plain secondary relationship cannot set the association's position: order the presenters here.
    for item, presenters in world.presenters:
        for position, person in enumerate(presenters):
            session.execute(
                update(agenda_item_presenter)
                .where(agenda_item_presenter.c.agenda_item_id == item.id)
                .where(agenda_item_presenter.c.person_id == person.id)
                .values(position=position)
            )


def build_demo_database(path: Path) -> Database:
    """Create a new database file at ``path`` holding the demo, written in one transaction.

    An existing non-empty file is refused (DatabaseError), never replaced; if building fails, the new
    file is removed again.
    """
    target = Path(path)
    if target.exists() and target.stat().st_size > 0:
        raise DatabaseError(_("{path} already exists: the demo is only built into a new file.").format(path=target))
    database = open_database(target)
    try:
        with database.transaction() as session:
            populate_demo(session)
    except BaseException:
        database.close()
        for leftover in (database.path, *(Path(f"{database.path}{suffix}") for suffix in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)  # the file is ours: it did not exist before this call
        raise
    return database


# --- Directory ---------------------------------------------------------------------------------------------


def _organisations(world: _World) -> None:
    for index, spec in enumerate(content.ORGANISATIONS):
        created = utc(2011, 9, 5, 9, index)
        updated = utc(2019, 6, 14, 14) if spec.key == "rcmp" else created
        world.orgs[spec.key] = world.add(
            Organisation(
                name_en=spec.name_en, name_fr=spec.name_fr, acronym_en=spec.acronym_en, acronym_fr=spec.acronym_fr,
                sector=spec.sector, country=spec.country, relation=spec.relation, notes=spec.notes,
            ),
            spec.key, created, updated,
        )


def _people(world: _World) -> None:
    in_2011 = {p.person for p in content.MEETING_2011.participants}
    for index, spec in enumerate(content.PEOPLE):
        created = utc(2011, 10, 20, 9, index) if spec.key in in_2011 else utc(2019, 6, 14, 14, index)
        world.people[spec.key] = world.add(
            Person(
                given_name=spec.given_name, family_name=spec.family_name, title_en=spec.title_en,
                title_fr=spec.title_fr, organisation=world.orgs[spec.org], email=spec.email, phone=spec.phone,
                preferred_language=spec.language, time_zone=spec.time_zone, notes=spec.notes,
            ),
            spec.key, created,
        )


# --- Meetings ----------------------------------------------------------------------------------------------


def _meeting_2011(world: _World) -> None:
    tz = "Europe/Paris"
    stamps = _STAMPS[REF_2011]
    meeting = world.add(
        Meeting(
            reference=REF_2011,
            title_en="Signing of the cooperation agreement with the Council of Europe — Octopus Conference, Strasbourg",
            title_fr=content.fr("Signature de l'accord de coopération avec le Conseil de l'Europe — Conférence "
                                "Octopus, Strasbourg"),
            kind=MeetingKind.CONFERENCE, mode=MeetingMode.IN_PERSON, time_zone=tz,
            starts_at=local(tz, 2011, 11, 22, 12, 30), ends_at=local(tz, 2011, 11, 22, 13, 30),
            venue="Palais de l’Europe, Council of Europe", city="Strasbourg", country="FR",
            host_organisation=world.orgs["afp"], chair=world.people["gaughan"], secretary=world.people["thornton"],
            marking=Marking.CLEAR, status=MeetingStatus.MINUTES_APPROVED,
            minutes_approved_on=date(2011, 12, 15), minutes_approved_by="Neil Gaughan",
            documents_dated=utc(2011, 12, 15, 9),
            original_language=Language.EN, translation_status=TranslationStatus.VERIFIED,
        ),
        REF_2011, *stamps.meeting,
    )
    _fill_meeting(world, meeting, content.MEETING_2011, stamps, date(2011, 11, 22))


def _meeting_2019(world: _World) -> None:
    tz = "America/Toronto"
    stamps = _STAMPS[REF_2019]
    meeting = world.add(
        Meeting(
            reference=REF_2019,
            title_en="Virtual Global Taskforce meeting — Ottawa, October 2019",
            title_fr="Réunion du Groupe de travail virtuel international — Ottawa, octobre 2019",
            kind=MeetingKind.PLENARY, mode=MeetingMode.IN_PERSON, time_zone=tz,
            starts_at=local(tz, 2019, 10, 2, 13), ends_at=local(tz, 2019, 10, 3, 14, 30),
            venue="RCMP National Headquarters", city="Ottawa", country="CA",
            host_organisation=world.orgs["rcmp"], chair=world.people["arsenault"], secretary=world.people["tremblay"],
            marking=Marking.AMBER, status=MeetingStatus.MINUTES_DRAFT,
            documents_dated=utc(2019, 10, 4, 14),
            original_language=Language.EN, translation_status=TranslationStatus.VERIFIED,
        ),
        REF_2019, *stamps.meeting,
    )
    _fill_meeting(world, meeting, content.MEETING_2019, stamps, date(2019, 10, 2))


def _fill_meeting(world: _World, meeting: Meeting, spec: MeetingContent, stamps: _Stamps, first_day: date) -> None:
    ref = meeting.reference
    world.meetings[ref] = meeting
    for position, item_spec in enumerate(spec.items):
        _agenda_item(world, meeting, item_spec, position, None, stamps)

    for entry in spec.minutes:
        world.add(
            MinutesEntry(
                agenda_item=world.items[f"{ref}/{entry.item}"], text_en=entry.text_en, text_fr=entry.text_fr,
                original_language=entry.original, translation_status=entry.status,
            ),
            f"{ref}/{entry.item}", *stamps.minutes,
        )

    for position, decision in enumerate(spec.decisions):
        world.decisions[f"{ref}/{decision.key}"] = world.add(
            Decision(
                meeting=meeting, agenda_item=world.items[f"{ref}/{decision.item}"], position=position,
                text_en=decision.text_en, text_fr=decision.text_fr, kind=decision.kind,
                method=DecisionMethod.CONSENSUS,
                original_language=Language.EN, translation_status=TranslationStatus.VERIFIED,
            ),
            f"{ref}/{decision.key}", stamps.decided,
        )

    for position, action in enumerate(spec.actions):
        _action(world, meeting, action, position, stamps)

    for participant in spec.participants:
        person = world.people[participant.person]
        arrived = None
        if participant.arrived is not None:
            arrived = local(meeting.time_zone, first_day.year, first_day.month, first_day.day, *participant.arrived)
        world.add(
            Participation(
                meeting=meeting, person=person, organisation=person.organisation, role=participant.role,
                invitation_status=participant.invitation, attendance=participant.attendance,
                arrived_at=arrived, notes=participant.notes,
            ),
            f"{ref}/{participant.person}", *stamps.participations,
        )


def _agenda_item(
    world: _World, meeting: Meeting, spec: content.ItemSpec, position: int, parent: AgendaItem | None, stamps: _Stamps
) -> None:
    key = f"{meeting.reference}/{spec.key}"
    item = world.add(
        AgendaItem(
            meeting=meeting, parent=parent, position=position, title_en=spec.title_en, title_fr=spec.title_fr,
            description_en=spec.description_en, description_fr=spec.description_fr, kind=spec.kind,
            visibility=spec.visibility, duration_minutes=spec.minutes, fixed_start=spec.fixed_start,
            original_language=Language.EN, translation_status=TranslationStatus.VERIFIED,
        ),
        key, *stamps.agenda,
    )
    world.items[key] = item
    if spec.presenters:
        presenters = [world.people[p] for p in spec.presenters]
        item.presenters = presenters
        world.presenters.append((item, presenters))
    for child_position, child in enumerate(spec.children):
        _agenda_item(world, meeting, child, child_position, item, stamps)


def _action(world: _World, meeting: Meeting, spec: content.ActionSpec, position: int, stamps: _Stamps) -> None:
    key = f"{meeting.reference}/{spec.key}"
    progress = _ACTION_UPDATES.get(key)
    updated = stamps.actions
    if progress is not None:
        updated = progress[0]
    elif spec.status is ActionStatus.DONE and spec.due is not None:
        updated = utc(spec.due.year, spec.due.month, spec.due.day, 15)
    action = world.add(
        ActionItem(
            meeting=meeting, agenda_item=world.items[f"{meeting.reference}/{spec.item}"] if spec.item else None,
            position=position, text_en=spec.text_en, text_fr=spec.text_fr, due_date=spec.due, status=spec.status,
            original_language=Language.EN, translation_status=TranslationStatus.VERIFIED,
        ),
        key, stamps.actions, updated,
    )
    owners = [ActionOwner(person=world.people[p]) for p in spec.owner_people]
    owners += [ActionOwner(organisation=world.orgs[o]) for o in spec.owner_orgs]
    for owner_position, owner in enumerate(owners):
        owner.action = action
        owner.position = owner_position
        world.add(owner, f"{key}/{owner_position}", stamps.actions)
    if progress is not None:
        recorded, status, note = progress
        world.add(ActionUpdate(action=action, recorded_at=recorded, status=status, note=note), f"{key}/1", recorded)


# --- Documents ---------------------------------------------------------------------------------------------


def _documents(world: _World) -> None:
    _environmental_scan(world)
    _cooperation_agreement(world)


def _version(
    document: Document, number: int, language: Language | None, file_name: str, data: bytes, issued_on: date, note: str
) -> DocumentVersion:
    return DocumentVersion(
        document=document, number=number, language=language, file_name=file_name, media_type=PDF_MEDIA_TYPE,
        size=len(data), sha256=hashlib.sha256(data).hexdigest(), content=data, issued_on=issued_on, note=note,
    )


def _environmental_scan(world: _World) -> None:
    scan = world.add(
        Document(
            title_en="VGT Environmental Scan 2019", title_fr="Analyse environnementale du VGT 2019",
            kind=DocumentKind.ENVIRONMENTAL_SCAN, owner_organisation=world.orgs["rcmp"], marking=Marking.AMBER,
            status=DocumentStatus.APPROVED, publication_date=date(2019, 11, 1),
            publication_audience=Audience.PUBLIC,
            original_language=Language.EN, translation_status=TranslationStatus.VERIFIED,
        ),
        "scan-2019", utc(2019, 8, 30, 14), utc(2019, 10, 3, 15, 30),
    )
    world.items[f"{REF_2019}/scan"].documents.append(scan)
    title_fr = [scan.title_fr]
    draft_note = "Draft for partner review; comments to the chair's office by 13 September 2019."
    final_note = "Partner review comments addressed; submitted for approval at the Ottawa meeting, 2–3 October 2019."
    v1 = world.add(
        _version(scan, 1, Language.EN, "VGT-Environmental-Scan-2019-v1-draft.pdf",
                 stand_in_pdf("VGT Environmental Scan 2019", Marking.AMBER, [*title_fr, "Version 1 — " + draft_note],
                              [content.SCAN_SUMMARY_EN]),
                 date(2019, 8, 30), draft_note),
        "scan-2019/v1", utc(2019, 8, 30, 14),
    )
    v2 = world.add(
        _version(scan, 2, Language.EN, "VGT-Environmental-Scan-2019-v2.pdf",
                 stand_in_pdf("VGT Environmental Scan 2019", Marking.AMBER, [*title_fr, "Version 2 — " + final_note],
                              [content.SCAN_SUMMARY_EN]),
                 date(2019, 9, 25), final_note),
        "scan-2019/v2", utc(2019, 9, 25, 13),
    )
    for position, comment in enumerate(content.SCAN_REVIEW_COMMENTS):
        reviewer = world.people[comment.reviewer]
        world.add(
            ReviewComment(
                version=v1, position=position, organisation=world.orgs[comment.org], reviewer=reviewer,
                reviewer_name=f"{reviewer.given_name} {reviewer.family_name}", section=comment.section,
                comment=comment.comment, proposed_change=comment.proposed_change,
                disposition=comment.disposition, response=comment.response, received_on=comment.received_on,
            ),
            f"scan-2019/v1/{position}",
            utc(comment.received_on.year, comment.received_on.month, comment.received_on.day, 15),
            utc(2019, 9, 20, 16),
        )
    decided = _STAMPS[REF_2019].decided
    approval = world.add(
        Approval(
            version=v2, meeting=world.meetings[REF_2019], decision=world.decisions[f"{REF_2019}/scan"],
            outcome=ApprovalOutcome.APPROVED, decided_on=date(2019, 10, 3), sha256=v2.sha256,
            method=DecisionMethod.CONSENSUS, publication_date=date(2019, 11, 1),
            publication_audience=Audience.PUBLIC,
            note="Approved by consensus for publication on the VGT website from 1 November 2019.",
        ),
        "scan-2019/v2", decided,
    )
    silent = {"italy", "uae"}  # apologies and absent: no position recorded at the meeting
    for spec in content.ORGANISATIONS:
        if spec.relation is not Relation.MEMBER:
            continue
        stance = Stance.NO_RESPONSE if spec.key in silent else Stance.SUPPORTS
        world.add(
            ApprovalPosition(approval=approval, organisation=world.orgs[spec.key], stance=stance),
            f"scan-2019/v2/{spec.key}", decided,
        )


def _cooperation_agreement(world: _World) -> None:
    agreement = world.add(
        Document(
            title_en="Cooperation agreement between the Council of Europe and the Virtual Global Taskforce",
            title_fr=content.fr("Accord de coopération entre le Conseil de l'Europe et le Groupe de travail "
                                "virtuel international"),
            kind=DocumentKind.COOPERATION_AGREEMENT, owner_organisation=world.orgs["afp"], marking=Marking.CLEAR,
            status=DocumentStatus.APPROVED, publication_date=date(2011, 11, 22),
            publication_audience=Audience.PUBLIC,
            original_language=Language.EN, translation_status=TranslationStatus.VERIFIED,
        ),
        "agreement-2011", utc(2011, 11, 8, 9), utc(2011, 11, 22, 13),
    )
    world.items[f"{REF_2011}/signature"].documents.append(agreement)
    note = "Text agreed for signature at the Octopus Conference, Strasbourg, 22 November 2011."
    data = stand_in_pdf(
        "Cooperation agreement between the Council of Europe and the Virtual Global Taskforce",
        Marking.CLEAR,
        [content.fr("Accord de coopération entre le Conseil de l'Europe et le Groupe de travail virtuel "
                    "international"), note],
        [content.AGREEMENT_SUMMARY_EN, content.AGREEMENT_SUMMARY_FR],
    )
    version = world.add(
        _version(agreement, 1, None, "CoE-VGT-Cooperation-Agreement-2011.pdf", data, date(2011, 11, 8), note),
        "agreement-2011/v1", utc(2011, 11, 8, 9),
    )
    world.add(
        Approval(
            version=version, meeting=world.meetings[REF_2011], decision=world.decisions[f"{REF_2011}/agreement"],
            outcome=ApprovalOutcome.APPROVED, decided_on=date(2011, 11, 22), sha256=version.sha256,
            method=DecisionMethod.CONSENSUS, publication_date=date(2011, 11, 22),
            publication_audience=Audience.PUBLIC,
            note="Signed by the Secretary General of the Council of Europe and the Chair of the VGT.",
        ),
        "agreement-2011/v1", _STAMPS[REF_2011].decided,
    )


# --- Stand-in PDF files ------------------------------------------------------------------------------------

_FONT = "ChairdeskDemoSans"
_FONT_BOLD = "ChairdeskDemoSans-Bold"
STAND_IN_NOTICE = "Demo stand-in — not the real document"


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    import resources

    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = Path(resources.__file__).resolve().parent / "fonts"
    pdfmetrics.registerFont(TTFont(_FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(_FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points, broken at ordinary spaces only (no-break spaces hold)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and stringWidth(candidate, font, size) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def stand_in_pdf(title: str, marking: Marking, subtitles: list[str], paragraphs: list[str]) -> bytes:
    """A one-page PDF clearly labelled as a demo stand-in; the same arguments always give the same bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    pdf.setTitle(f"{title} ({STAND_IN_NOTICE})")
    pdf.setAuthor("Chairdesk demo")
    page_width, page_height = A4
    margin = 56.0
    width = page_width - 2 * margin
    y = page_height - margin

    pdf.setFont(_FONT_BOLD, 10)
    pdf.drawRightString(page_width - margin, y, marking.value)
    y -= 28
    pdf.setFillColorRGB(0.75, 0.1, 0.1)
    pdf.setFont(_FONT_BOLD, 13)
    pdf.drawString(margin, y, STAND_IN_NOTICE.upper())
    pdf.setFillColorRGB(0, 0, 0)
    y -= 30

    def block(text: str, font: str, size: float, after: float) -> None:
        nonlocal y
        pdf.setFont(font, size)
        for line in _wrap(text, font, size, width):
            pdf.drawString(margin, y, line)
            y -= size * 1.35
        y -= after

    block(title, _FONT_BOLD, 17, 8)
    for subtitle in subtitles:
        block(subtitle, _FONT, 10, 2)
    y -= 12
    for paragraph in paragraphs:
        block(paragraph, _FONT, 11, 10)
    block(
        f"{STAND_IN_NOTICE}. This file was generated for the Chairdesk demo from a public press release; "
        "it summarises the document and does not reproduce it.",
        _FONT, 8, 0,
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
