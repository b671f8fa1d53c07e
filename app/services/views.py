"""Frozen dataclasses the services hand out: what a screen, a report or the command line may hold.

Bilingual texts come as both languages; ``pick()`` chooses the one to show for a language, falling back
to the other when one is empty, and says so, so that outputs can mark "English only".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    Attendance,
    Audience,
    DocumentKind,
    DocumentStatus,
    InvitationStatus,
    ItemOutcome,
    Language,
    Marking,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    Relation,
    Role,
    Sector,
    TranslationStatus,
    Visibility,
)


@dataclass(frozen=True)
class Picked:
    """A text chosen for one language; ``fallback`` is True when it had to come from the other one."""

    text: str
    language: str
    fallback: bool


def pick(english: str, french: str, language: str) -> Picked:
    first, second = (french, english) if language == "fr" else (english, french)
    other = "en" if language == "fr" else "fr"
    if first.strip():
        return Picked(first, language, False)
    if second.strip():
        return Picked(second, other, True)
    return Picked("", language, False)


@dataclass(frozen=True)
class OrganisationView:
    uuid: str
    name_en: str
    name_fr: str
    acronym_en: str
    acronym_fr: str
    sector: Sector
    country: str | None
    relation: Relation
    notes: str

    def name(self, language: str) -> str:
        return pick(self.name_en, self.name_fr, language).text

    def acronym(self, language: str) -> str:
        return pick(self.acronym_en, self.acronym_fr, language).text

    def short(self, language: str) -> str:
        """The acronym if there is one, else the name."""
        return self.acronym(language) or self.name(language)


@dataclass(frozen=True)
class PersonView:
    uuid: str
    given_name: str
    family_name: str
    title_en: str
    title_fr: str
    organisation_uuid: str | None
    organisation_short: str
    email: str | None
    phone: str
    preferred_language: Language
    time_zone: str | None
    notes: str

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


@dataclass(frozen=True)
class MeetingSummary:
    uuid: str
    reference: str
    title_en: str
    title_fr: str
    kind: MeetingKind
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    city: str
    country: str | None
    mode: MeetingMode
    marking: Marking
    status: MeetingStatus

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


@dataclass(frozen=True)
class MeetingView(MeetingSummary):
    venue: str
    online_url: str
    host_organisation_uuid: str | None
    host_name: str
    chair_uuid: str | None
    chair_name: str
    secretary_uuid: str | None
    secretary_name: str
    original_language: Language
    translation_status: TranslationStatus


@dataclass(frozen=True)
class AgendaItemView:
    uuid: str
    parent_uuid: str | None
    number: str
    depth: int
    title_en: str
    title_fr: str
    description_en: str
    description_fr: str
    kind: AgendaItemKind
    visibility: Visibility
    duration_minutes: int
    fixed_start: datetime | None
    outcome: ItemOutcome
    starts_at: datetime
    ends_at: datetime
    presenter_uuids: tuple[str, ...]
    presenter_names: tuple[str, ...]
    document_uuids: tuple[str, ...]
    original_language: Language
    translation_status: TranslationStatus
    # A standing item (approval of minutes, review of actions) names the earlier meeting it is about.
    refers_to_meeting_uuid: str | None = None
    refers_to_meeting_reference: str = ""

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


@dataclass(frozen=True)
class AgendaView:
    meeting_uuid: str
    items: tuple[AgendaItemView, ...]
    starts_at: datetime
    planned_end: datetime
    meeting_end: datetime

    @property
    def overrun_minutes(self) -> int:
        """Minutes the agenda runs past the meeting's end (0 if it fits)."""
        seconds = (self.planned_end - self.meeting_end).total_seconds()
        return max(0, int(seconds // 60))


@dataclass(frozen=True)
class ParticipationView:
    uuid: str
    person_uuid: str
    person_name: str
    organisation_uuid: str | None
    organisation_short: str
    sector: Sector | None
    role: Role
    invitation_status: InvitationStatus
    attendance: Attendance
    arrived_at: datetime | None


@dataclass(frozen=True)
class AttendanceCounts:
    total: int = 0
    invited: int = 0
    confirmed: int = 0
    tentative: int = 0
    declined: int = 0
    present: int = 0
    online: int = 0
    apologies: int = 0
    absent: int = 0
    organisations: int = 0


@dataclass(frozen=True)
class DocumentSummary:
    uuid: str
    title_en: str
    title_fr: str
    kind: DocumentKind
    marking: Marking
    status: DocumentStatus
    owner_short: str
    publication_date: date | None
    publication_audience: Audience | None
    version_count: int
    latest_sha256: str | None

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


@dataclass(frozen=True)
class DecisionView:
    uuid: str
    number: str
    agenda_item_uuid: str | None
    text_en: str
    text_fr: str


@dataclass(frozen=True)
class ActionView:
    uuid: str
    meeting_reference: str
    text_en: str
    text_fr: str
    owners: tuple[str, ...]
    due_date: date | None
    status: ActionStatus


@dataclass(frozen=True)
class MeetingOverview:
    meeting: MeetingView
    agenda: AgendaView
    counts: AttendanceCounts
    documents: tuple[DocumentSummary, ...]
    decisions: tuple[DecisionView, ...] = field(default=())
    actions: tuple[ActionView, ...] = field(default=())
