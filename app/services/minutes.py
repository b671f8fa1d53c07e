"""Minutes use cases: the discussion summary of each agenda item in English and French, the state of a
meeting's minutes (draft, circulated, approved, locked) and the differences against the last frozen version.

Locked minutes refuse every edit here with a translated ``DomainError``; ``ensure_editable`` is the one
check the decision and action services share.  The meeting's status follows its minutes
(``follow_status``): held, minutes draft once anything is recorded, circulated, approved.  A frozen version's
content is the canonical JSON of ``app.services.outputs.minutes_content`` (so its SHA-256 is the one printed
on the minutes); differences are computed per agenda item over its minutes text, decisions and actions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from app.domain import minutes_text
from app.domain.enums import (
    AgendaItemKind,
    ItemOutcome,
    Language,
    MeetingStatus,
    MinutesVersionKind,
    TranslationStatus,
    Visibility,
)
from app.domain.minutes_text import Segment
from app.domain.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MinutesEntry,
    MinutesVersion,
    Person,
)
from app.domain.rules import decision_number
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.agenda import agenda_view
from app.services.views import pick

ENTRY_FIELDS: dict[str, common.FieldRule] = {
    "text_en": common.FieldRule(lambda value: minutes_text.normalise(str(value or ""))),
    "text_fr": common.FieldRule(lambda value: minutes_text.normalise(str(value or ""))),
    "original_language": common.choice(Language),
    "translation_status": common.choice(TranslationStatus),
}
_EARLY = (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD)


@dataclass(frozen=True)
class MinutesItemView:
    """An agenda item as the minutes editor shows it, with its summary in both languages."""

    item_uuid: str
    parent_uuid: str | None
    number: str
    depth: int
    title_en: str
    title_fr: str
    kind: AgendaItemKind
    visibility: Visibility
    outcome: ItemOutcome
    refers_to_meeting_uuid: str | None
    refers_to_meeting_reference: str
    entry_uuid: str | None
    text_en: str
    text_fr: str
    original_language: Language
    translation_status: TranslationStatus
    decision_count: int
    action_count: int

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text

    def text(self, language: str) -> str:
        return self.text_fr if language == "fr" else self.text_en


@dataclass(frozen=True)
class MinutesVersionView:
    uuid: str
    number: int
    kind: MinutesVersionKind
    created_at: datetime
    sha256: str
    reason: str
    os_user: str
    approved_on: date | None
    approved_by_decision: str  # the decision's number, "" when the chair approved


@dataclass(frozen=True)
class MinutesState:
    meeting_uuid: str
    reference: str
    title_en: str
    title_fr: str
    time_zone: str
    starts_at: datetime
    status: MeetingStatus
    locked: bool
    approved_on: date | None
    approved_by: str
    chair_name: str
    versions: tuple[MinutesVersionView, ...]

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text

    @property
    def latest(self) -> MinutesVersionView | None:
        return self.versions[-1] if self.versions else None

    @property
    def approved(self) -> bool:
        return self.approved_on is not None


@dataclass(frozen=True)
class MinutesView:
    state: MinutesState
    items: tuple[MinutesItemView, ...]


@dataclass(frozen=True)
class ItemChanges:
    """What changed under one agenda item since a frozen version, in each language."""

    item_uuid: str | None  # None: an item of the version that is no longer on the agenda
    number: str
    title_en: str
    title_fr: str
    english: tuple[Segment, ...]
    french: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return minutes_text.has_changes(self.english) or minutes_text.has_changes(self.french)

    def segments(self, language: str) -> tuple[Segment, ...]:
        return self.french if language == "fr" else self.english


@dataclass(frozen=True)
class MinutesChanges:
    version_number: int | None
    version_kind: MinutesVersionKind | None
    items: tuple[ItemChanges, ...]

    def for_item(self, item_uuid: str) -> ItemChanges | None:
        return next((item for item in self.items if item.item_uuid == item_uuid), None)

    @property
    def changed(self) -> bool:
        return any(item.changed for item in self.items)


# --- shared by the minutes, decision and action services -------------------------------------------------

def ensure_editable(meeting: Meeting) -> None:
    if meeting.minutes_locked:
        raise DomainError(
            _("The minutes of {reference} are locked and cannot be changed; record a correction first.").format(
                reference=meeting.reference), field="minutes")


def follow_status(session: Session, meeting: Meeting) -> None:
    """Set the meeting's status from its minutes: approved, circulated, draft (anything recorded) or held."""
    session.flush()
    if meeting.minutes_approved_on is not None:
        target: MeetingStatus | None = MeetingStatus.MINUTES_APPROVED
    elif session.execute(select(MinutesVersion.id).where(
            MinutesVersion.meeting_id == meeting.id,
            MinutesVersion.kind == MinutesVersionKind.CIRCULATED).limit(1)).first():
        target = MeetingStatus.MINUTES_CIRCULATED
    elif _has_content(session, meeting):
        target = MeetingStatus.MINUTES_DRAFT
    else:
        target = None if meeting.status in _EARLY else MeetingStatus.HELD
    if target is not None and meeting.status != target:
        meeting.status = target


def _has_content(session: Session, meeting: Meeting) -> bool:
    texts = exists().where(MinutesEntry.agenda_item_id == AgendaItem.id, AgendaItem.meeting_id == meeting.id,
                           or_(MinutesEntry.text_en != "", MinutesEntry.text_fr != ""))
    decisions = exists().where(Decision.meeting_id == meeting.id)
    actions = exists().where(ActionItem.meeting_id == meeting.id)
    return bool(session.execute(select(or_(texts, decisions, actions))).scalar())


def _name(person: Person | None) -> str:
    return " ".join(p for p in (person.given_name, person.family_name) if p) if person else ""


def version_view(session: Session, version: MinutesVersion) -> MinutesVersionView:
    by = ""
    if version.approved_by_decision_id is not None:
        by = decision_number_of(session, version.approved_by_decision_id)
    return MinutesVersionView(
        uuid=version.uuid, number=version.number, kind=version.kind, created_at=version.created_at,
        sha256=version.sha256, reason=version.reason, os_user=version.os_user, approved_on=version.approved_on,
        approved_by_decision=by)


def decision_number_of(session: Session, decision_id: int) -> str:
    """``VGT-2020-03/D1``: a decision's number, derived from its meeting's agenda order."""
    decision = session.get(Decision, decision_id)
    if decision is None:
        return ""
    meeting = decision.meeting
    order = {item.uuid: index for index, item in enumerate(agenda_view(session, meeting).items)}
    rows = session.execute(select(Decision).where(Decision.meeting_id == meeting.id)).scalars().all()
    ranked = sorted(rows, key=lambda d: (order.get(d.agenda_item.uuid, len(order)) if d.agenda_item else len(order),
                                         d.position, d.id))
    return decision_number(meeting.reference, ranked.index(decision) + 1)


def minutes_state(session: Session, meeting: Meeting) -> MinutesState:
    versions = session.execute(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting.id)
                               .order_by(MinutesVersion.number)).scalars().all()
    return MinutesState(
        meeting_uuid=meeting.uuid, reference=meeting.reference, title_en=meeting.title_en, title_fr=meeting.title_fr,
        time_zone=meeting.time_zone, starts_at=meeting.starts_at, status=meeting.status, locked=meeting.minutes_locked,
        approved_on=meeting.minutes_approved_on, approved_by=meeting.minutes_approved_by,
        chair_name=_name(meeting.chair), versions=tuple(version_view(session, v) for v in versions))


def _item_views(session: Session, meeting: Meeting) -> list[MinutesItemView]:
    agenda = agenda_view(session, meeting)
    entries = {row.agenda_item_id: row for row in session.execute(
        select(MinutesEntry).join(AgendaItem).where(AgendaItem.meeting_id == meeting.id)).scalars()}
    ids = dict(session.execute(select(AgendaItem.uuid, AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)).all())
    decisions: dict[int, int] = {}
    for decided in session.execute(select(Decision.agenda_item_id).where(Decision.meeting_id == meeting.id)).scalars():
        if decided is not None:
            decisions[decided] = decisions.get(decided, 0) + 1
    actions: dict[int, int] = {}
    for owned in session.execute(select(ActionItem.agenda_item_id).where(ActionItem.meeting_id == meeting.id)).scalars():
        if owned is not None:
            actions[owned] = actions.get(owned, 0) + 1
    result = []
    for item in agenda.items:
        item_id = ids[item.uuid]
        entry = entries.get(item_id)
        result.append(MinutesItemView(
            item_uuid=item.uuid, parent_uuid=item.parent_uuid, number=item.number, depth=item.depth,
            title_en=item.title_en, title_fr=item.title_fr, kind=item.kind, visibility=item.visibility,
            outcome=item.outcome, refers_to_meeting_uuid=item.refers_to_meeting_uuid,
            refers_to_meeting_reference=item.refers_to_meeting_reference,
            entry_uuid=entry.uuid if entry else None, text_en=entry.text_en if entry else "",
            text_fr=entry.text_fr if entry else "",
            original_language=entry.original_language if entry else Language.EN,
            translation_status=entry.translation_status if entry else TranslationStatus.NOT_TRANSLATED,
            decision_count=decisions.get(item_id, 0), action_count=actions.get(item_id, 0)))
    return result


# --- reading and editing ------------------------------------------------------------------------------------

def get_minutes(db: Database, meeting_uuid: str) -> MinutesView:
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        return MinutesView(state=minutes_state(session, meeting), items=tuple(_item_views(session, meeting)))


def get_minutes_state(db: Database, meeting_uuid: str) -> MinutesState:
    with db.transaction() as session:
        return minutes_state(session, common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting")))


def update_minutes_entry(db: Database, item_uuid: str, changes: Mapping[str, Any]) -> MinutesItemView:
    """Set an item's summary (``text_en``, ``text_fr``, stored in the canonical subset), its original
    language or its translation status; the entry is made on first use."""
    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, item_uuid, _("agenda item"))
        meeting = item.meeting
        ensure_editable(meeting)
        entry = item.minutes
        if entry is None:
            entry = MinutesEntry(agenda_item=item)
            entry.text_en = entry.text_fr = ""
            session.add(entry)
        common.apply_changes(entry, changes, ENTRY_FIELDS)
        follow_status(session, meeting)
        return next(view for view in _item_views(session, meeting) if view.item_uuid == item_uuid)


# --- frozen versions and the differences against them ----------------------------------------------------------

def current_content(db: Database, meeting_uuid: str) -> tuple[str, str]:
    """The canonical JSON of what the minutes say now, and its SHA-256 (the one printed on the minutes).

    Read in its own transaction through the outputs' record, so that a version and a printed copy agree.
    """
    from app.services.outputs import content_hash, meeting_record, minutes_content

    record = meeting_record(db, meeting_uuid)
    canonical = json.dumps(minutes_content(record), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return canonical, content_hash(record)


def _sections(content: Mapping[str, Any], language: str) -> dict[str, tuple[str, str, str]]:
    """Per agenda number: (title_en, title_fr, the text compared: summary, decisions, actions)."""
    sections: dict[str, tuple[str, str, list[str]]] = {}
    for item in content.get("items", []):
        sections[item["number"]] = (item["title"]["en"], item["title"]["fr"], [item["minutes"][language]])
    # Decisions and actions without their numbers: a renumbering is not a change of what was said.
    for kind, pattern in (("decisions", _("Decision: {text}")), ("actions", _("Action: {text}"))):
        for row in content.get(kind, []):
            entry = sections.setdefault(row.get("item") or "", ("", "", []))
            entry[2].append(pattern.format(text=row["text"][language]))
    return {number: (en, fr, "\n\n".join(part for part in parts if part)) for number, (en, fr, parts) in sections.items()}


def _match(old: Mapping[str, tuple[str, str, str]], number: str, title_en: str) -> str | None:
    if number in old and old[number][0] == title_en:
        return number
    by_title = [key for key, value in old.items() if value[0] == title_en and title_en]
    if len(by_title) == 1:
        return by_title[0]
    return number if number in old else None


def minutes_changes(db: Database, meeting_uuid: str) -> MinutesChanges:
    """Differences per item between the minutes now and the latest frozen version (none: nothing to show)."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        latest = session.execute(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting.id)
                                 .order_by(MinutesVersion.number.desc()).limit(1)).scalar_one_or_none()
        if latest is None:
            return MinutesChanges(None, None, ())
        before: dict[str, Any] = json.loads(latest.content or "{}")
        number, kind = latest.number, latest.kind
        uuids = {item.number: item.uuid for item in agenda_view(session, meeting).items}
    now: dict[str, Any] = json.loads(current_content(db, meeting_uuid)[0])
    old = {lang: _sections(before, lang) for lang in ("en", "fr")}
    new = {lang: _sections(now, lang) for lang in ("en", "fr")}
    matched: set[str] = set()
    items: list[ItemChanges] = []
    for key, (title_en, title_fr, _text) in new["en"].items():
        was = _match(old["en"], key, title_en)
        if was is not None:
            matched.add(was)
        segments = {lang: tuple(minutes_text.diff(old[lang][was][2] if was is not None else "", new[lang][key][2]))
                    for lang in ("en", "fr")}
        items.append(ItemChanges(uuids.get(key), key, title_en, title_fr, segments["en"], segments["fr"]))
    for key, (title_en, title_fr, _text) in old["en"].items():
        if key not in matched:
            items.append(ItemChanges(None, key, title_en, title_fr, tuple(minutes_text.diff(old["en"][key][2], "")),
                                     tuple(minutes_text.diff(old["fr"][key][2], ""))))
    return MinutesChanges(number, kind, tuple(items))
