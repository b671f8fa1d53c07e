"""Agenda use cases: the items of a meeting, one level of nesting, numbered and timed by derivation.

Positions are kept dense (0, 1, 2, …) among siblings after every change, so that a move is a plain
re-ordering and the numbers shown (1, 1.1, …) follow from them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Table, select, update
from sqlalchemy.orm import Session

from app.domain.enums import AgendaItemKind, ItemOutcome, Language, TranslationStatus, Visibility
from app.domain.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Meeting,
    MinutesEntry,
    Person,
    agenda_item_document,
    agenda_item_presenter,
)
from app.domain.rules import NumberedItem, schedule
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.views import AgendaItemView, AgendaView, MeetingSummary

ITEM_FIELDS: dict[str, common.FieldRule] = {
    "title_en": common.text(300),
    "title_fr": common.text(300),
    "description_en": common.long_text(),
    "description_fr": common.long_text(),
    "kind": common.choice(AgendaItemKind),
    "visibility": common.choice(Visibility),
    "duration_minutes": common.minutes(),
    "fixed_start": common.optional_aware_datetime(),
    "outcome": common.choice(ItemOutcome),
    "original_language": common.choice(Language),
    "translation_status": common.choice(TranslationStatus),
}


def _name(person: Person) -> str:
    return " ".join(p for p in (person.given_name, person.family_name) if p)


def agenda_view(session: Session, meeting: Meeting) -> AgendaView:
    """The numbered, timed agenda; read as plain rows (no ORM objects), as the builder reloads it after every edit."""
    t = AgendaItem.__table__.c
    items = session.execute(select(
        t.id, t.uuid, t.parent_id, t.position, t.title_en, t.title_fr, t.description_en, t.description_fr, t.kind,
        t.visibility, t.duration_minutes, t.fixed_start, t.outcome, t.original_language, t.translation_status,
        t.refers_to_meeting_id).where(t.meeting_id == meeting.id)).all()
    uuid_of = {row.id: row.uuid for row in items}
    people: dict[int, list[tuple[str, str]]] = {}
    for row in session.execute(
            select(agenda_item_presenter.c.agenda_item_id, Person.uuid, Person.given_name, Person.family_name)
            .join(Person, Person.id == agenda_item_presenter.c.person_id)
            .join(AgendaItem, AgendaItem.id == agenda_item_presenter.c.agenda_item_id)
            .where(AgendaItem.meeting_id == meeting.id)
            .order_by(agenda_item_presenter.c.agenda_item_id, agenda_item_presenter.c.position)):
        name = " ".join(part for part in (row.given_name, row.family_name) if part)
        people.setdefault(row.agenda_item_id, []).append((row.uuid, name))
    documents: dict[int, list[str]] = {}
    for row in session.execute(
            select(agenda_item_document.c.agenda_item_id, Document.uuid)
            .join(Document, Document.id == agenda_item_document.c.document_id)
            .join(AgendaItem, AgendaItem.id == agenda_item_document.c.agenda_item_id)
            .where(AgendaItem.meeting_id == meeting.id)
            .order_by(agenda_item_document.c.agenda_item_id, agenda_item_document.c.position)):
        documents.setdefault(row.agenda_item_id, []).append(row.uuid)
    referred = {row.refers_to_meeting_id for row in items} - {None}
    meetings = {row.id: (row.uuid, row.reference) for row in session.execute(
        select(Meeting.id, Meeting.uuid, Meeting.reference).where(Meeting.id.in_(referred)))} if referred else {}
    timed = schedule(
        [NumberedItem(row.uuid, uuid_of.get(row.parent_id) if row.parent_id else None, row.position,
                      row.duration_minutes, row.fixed_start) for row in items],
        meeting.starts_at,
    )
    by_uuid = {row.uuid: row for row in items}
    views = []
    for slot in timed:
        row = by_uuid[slot.key]
        presenters = people.get(row.id, [])
        referred_to = meetings.get(row.refers_to_meeting_id) if row.refers_to_meeting_id else None
        views.append(AgendaItemView(
            uuid=row.uuid, parent_uuid=uuid_of.get(row.parent_id) if row.parent_id else None, number=slot.number,
            depth=slot.depth, title_en=row.title_en, title_fr=row.title_fr, description_en=row.description_en,
            description_fr=row.description_fr, kind=row.kind, visibility=row.visibility,
            duration_minutes=row.duration_minutes, fixed_start=row.fixed_start, outcome=row.outcome,
            starts_at=slot.starts_at, ends_at=slot.ends_at,
            presenter_uuids=tuple(uuid for uuid, _name in presenters),
            presenter_names=tuple(name for _uuid, name in presenters),
            document_uuids=tuple(documents.get(row.id, ())),
            original_language=row.original_language, translation_status=row.translation_status,
            refers_to_meeting_uuid=referred_to[0] if referred_to else None,
            refers_to_meeting_reference=referred_to[1] if referred_to else "",
        ))
    planned_end = max((slot.ends_at for slot in timed if slot.depth == 0), default=meeting.starts_at)
    return AgendaView(meeting_uuid=meeting.uuid, items=tuple(views), starts_at=meeting.starts_at,
                      planned_end=planned_end, meeting_end=meeting.ends_at)


def _view_of(session: Session, item: AgendaItem) -> AgendaItemView:
    session.flush()
    for view in agenda_view(session, item.meeting).items:
        if view.uuid == item.uuid:
            return view
    raise AssertionError("an item missing from its own agenda")


def _siblings(session: Session, meeting_id: int, parent_id: int | None) -> list[AgendaItem]:
    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    query = query.where(AgendaItem.parent_id.is_(None) if parent_id is None else AgendaItem.parent_id == parent_id)
    return list(session.execute(query.order_by(AgendaItem.position, AgendaItem.id)).scalars())


def _renumber(items: Sequence[AgendaItem]) -> None:
    for index, item in enumerate(items):
        if item.position != index:
            item.position = index


def get_agenda(db: Database, meeting_uuid: str) -> AgendaView:
    with db.transaction() as session:
        return agenda_view(session, common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting")))


def add_agenda_item(
    db: Database, meeting_uuid: str, parent_uuid: str | None = None, position: int | None = None, *,
    uuid: str | None = None, **values: Any
) -> AgendaItemView:
    """A new item at ``position`` among its siblings (at the end if None); needs a title.

    ``uuid`` is given when an undone creation is done again, so that later steps find the same item.
    """
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        parent = _parent(session, meeting, parent_uuid)
        siblings = _siblings(session, meeting.id, parent.id if parent else None)
        item = AgendaItem(uuid=_free_uuid(session, uuid)) if uuid else AgendaItem()
        common.apply_changes(item, values, ITEM_FIELDS)
        _check_item(item)
        item.meeting, item.parent = meeting, parent
        siblings.insert(len(siblings) if position is None else max(0, min(position, len(siblings))), item)
        session.add(item)
        _renumber(siblings)
        return _view_of(session, item)


def _parent(session: Session, meeting: Meeting, parent_uuid: str | None) -> AgendaItem | None:
    if not parent_uuid:
        return None
    parent = common.get_by_uuid(session, AgendaItem, parent_uuid, _("agenda item"))
    if parent.meeting_id != meeting.id:
        raise DomainError(_("A sub-item must belong to the same meeting."))
    if parent.parent_id is not None:
        raise DomainError(_("The agenda has one level of sub-items: a sub-item cannot have sub-items."))
    return parent


def _check_item(item: AgendaItem) -> None:
    if not (item.title_en or item.title_fr):
        raise DomainError(_("An agenda item needs a title in English or in French."), field="title_en")


def update_agenda_item(db: Database, uuid: str, changes: Mapping[str, Any]) -> AgendaItemView:
    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, uuid, _("agenda item"))
        common.apply_changes(item, changes, ITEM_FIELDS)
        _check_item(item)
        return _view_of(session, item)


def move_agenda_item(db: Database, uuid: str, parent_uuid: str | None, position: int) -> AgendaItemView:
    """Put an item under ``parent_uuid`` (None: top level) at ``position`` among its new siblings.

    Covers move up/down, indent/outdent and drag and drop.  An item with sub-items stays at the top level.
    """
    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, uuid, _("agenda item"))
        meeting = item.meeting
        parent = _parent(session, meeting, parent_uuid)
        if parent is not None and (parent.id == item.id or item.children):
            raise DomainError(_("An item with sub-items cannot become a sub-item."))
        old = _siblings(session, meeting.id, item.parent_id)
        old.remove(item)
        _renumber(old)
        item.parent = parent
        new = _siblings(session, meeting.id, parent.id if parent else None)
        new = [sibling for sibling in new if sibling.id != item.id]
        new.insert(max(0, min(position, len(new))), item)
        _renumber(new)
        return _view_of(session, item)


def delete_agenda_item(db: Database, uuid: str) -> None:
    """Delete an item (and its sub-items) that no decision or action refers to."""
    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, uuid, _("agenda item"))
        ids = [item.id, *(child.id for child in item.children)]
        used = (
            session.execute(select(Decision.id).where(Decision.agenda_item_id.in_(ids)).limit(1)).first()
            or session.execute(select(ActionItem.id).where(ActionItem.agenda_item_id.in_(ids)).limit(1)).first()
        )
        if used:
            raise DomainError(_("Decisions or actions were recorded under this item; it cannot be deleted."))
        meeting_id, parent_id = item.meeting_id, item.parent_id
        for child in list(item.children):
            session.delete(child)
        session.delete(item)
        session.flush()
        _renumber(_siblings(session, meeting_id, parent_id))


def set_presenters(db: Database, uuid: str, person_uuids: Sequence[str]) -> AgendaItemView:
    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, uuid, _("agenda item"))
        people = [common.get_by_uuid(session, Person, p, _("person")) for p in dict.fromkeys(person_uuids)]
        item.presenters = people
        session.flush()
        _store_order(session, agenda_item_presenter, agenda_item_presenter.c.person_id, item, [p.id for p in people])
        return _view_of(session, item)


def set_item_documents(db: Database, uuid: str, document_uuids: Sequence[str]) -> AgendaItemView:
    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, uuid, _("agenda item"))
        documents = [common.get_by_uuid(session, Document, d, _("document")) for d in dict.fromkeys(document_uuids)]
        item.documents = documents
        session.flush()
        _store_order(session, agenda_item_document, agenda_item_document.c.document_id, item, [d.id for d in documents])
        return _view_of(session, item)


def _store_order(session: Session, table: Table, column: Column[Any], item: AgendaItem, ids: Sequence[int]) -> None:
    """The relationship writes the link rows; their order is ours to record."""
    for index, row_id in enumerate(ids):
        session.execute(
            update(table).where(table.c.agenda_item_id == item.id, column == row_id).values(position=index)
        )
    session.expire(item, ["presenters", "documents"])


def _free_uuid(session: Session, uuid: str) -> str:
    if session.execute(select(AgendaItem.id).where(AgendaItem.uuid == uuid)).first() is not None:
        raise DomainError(_("This agenda item already exists."))
    return uuid


# --- undo of a deletion: a snapshot taken before, restored with the same UUIDs ---------------------------

SNAPSHOT_FIELDS = ("title_en", "title_fr", "description_en", "description_fr", "kind", "visibility",
                   "duration_minutes", "fixed_start", "outcome", "original_language", "translation_status")


@dataclass(frozen=True)
class MinutesSnapshot:
    uuid: str
    text_en: str
    text_fr: str
    original_language: Language
    translation_status: TranslationStatus


@dataclass(frozen=True)
class AgendaItemSnapshot:
    """An item as it was before a deletion: its UUID, place, values, links, minutes text and sub-items."""

    uuid: str
    meeting_uuid: str
    parent_uuid: str | None
    position: int
    values: tuple[tuple[str, Any], ...]
    created_at: datetime
    presenter_uuids: tuple[str, ...]
    document_uuids: tuple[str, ...]
    refers_to_meeting_uuid: str | None
    carried_from_uuid: str | None
    carried_into_uuids: tuple[str, ...]  # later items postponed from this one
    minutes: MinutesSnapshot | None
    children: tuple[AgendaItemSnapshot, ...] = ()


def _snapshot(session: Session, item: AgendaItem) -> AgendaItemSnapshot:
    def uuid_of(model: type[AgendaItem] | type[Meeting], row_id: int | None) -> str | None:
        if row_id is None:
            return None
        return session.execute(select(model.uuid).where(model.id == row_id)).scalar_one_or_none()

    carried_into = session.execute(select(AgendaItem.uuid).where(AgendaItem.carried_from_id == item.id)
                                   .order_by(AgendaItem.id)).scalars().all()
    minutes = item.minutes
    return AgendaItemSnapshot(
        uuid=item.uuid, meeting_uuid=item.meeting.uuid, parent_uuid=item.parent.uuid if item.parent else None,
        position=item.position, values=tuple((name, getattr(item, name)) for name in SNAPSHOT_FIELDS),
        created_at=item.created_at, presenter_uuids=tuple(p.uuid for p in item.presenters),
        document_uuids=tuple(d.uuid for d in item.documents),
        refers_to_meeting_uuid=uuid_of(Meeting, item.refers_to_meeting_id),
        carried_from_uuid=uuid_of(AgendaItem, item.carried_from_id), carried_into_uuids=tuple(carried_into),
        minutes=MinutesSnapshot(minutes.uuid, minutes.text_en, minutes.text_fr, minutes.original_language,
                                minutes.translation_status) if minutes else None,
        children=tuple(_snapshot(session, child) for child in item.children),
    )


def snapshot_agenda_item(db: Database, uuid: str) -> AgendaItemSnapshot:
    """What ``restore_agenda_item`` needs to undo the deletion of this item (and of its sub-items)."""
    with db.transaction() as session:
        return _snapshot(session, common.get_by_uuid(session, AgendaItem, uuid, _("agenda item")))


def _rebuild(session: Session, meeting: Meeting, parent: AgendaItem | None, snap: AgendaItemSnapshot) -> AgendaItem:
    # Every look-up before the new item joins the session, so that autoflush never meets it half-built.
    uuid = _free_uuid(session, snap.uuid)
    refers_to = session.execute(select(Meeting.id).where(Meeting.uuid == snap.refers_to_meeting_uuid)
                                ).scalar_one_or_none() if snap.refers_to_meeting_uuid else None
    carried_from = session.execute(select(AgendaItem.id).where(AgendaItem.uuid == snap.carried_from_uuid)
                                   ).scalar_one_or_none() if snap.carried_from_uuid else None
    people = [common.get_by_uuid(session, Person, p, _("person")) for p in snap.presenter_uuids]
    documents = [common.get_by_uuid(session, Document, d, _("document")) for d in snap.document_uuids]
    item = AgendaItem(uuid=uuid, position=snap.position, created_at=snap.created_at, refers_to_meeting_id=refers_to,
                      carried_from_id=carried_from, presenters=people, documents=documents,
                      **dict(snap.values))
    item.meeting, item.parent = meeting, parent
    if snap.minutes is not None:
        m = snap.minutes
        item.minutes = MinutesEntry(uuid=m.uuid, text_en=m.text_en, text_fr=m.text_fr,
                                    original_language=m.original_language, translation_status=m.translation_status)
    session.add(item)
    session.flush()
    _store_order(session, agenda_item_presenter, agenda_item_presenter.c.person_id, item, [p.id for p in people])
    _store_order(session, agenda_item_document, agenda_item_document.c.document_id, item, [d.id for d in documents])
    if snap.carried_into_uuids:
        session.execute(update(AgendaItem).where(AgendaItem.uuid.in_(snap.carried_into_uuids))
                        .values(carried_from_id=item.id))
    for child in snap.children:
        _rebuild(session, meeting, item, child)
    return item


def restore_agenda_item(db: Database, snapshot: AgendaItemSnapshot) -> AgendaItemView:
    """Put a deleted item back where it was, with its UUID, values, presenters, documents and sub-items."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, snapshot.meeting_uuid, _("meeting"))
        parent = _parent(session, meeting, snapshot.parent_uuid)
        siblings = _siblings(session, meeting.id, parent.id if parent else None)
        item = _rebuild(session, meeting, parent, snapshot)
        siblings.insert(max(0, min(snapshot.position, len(siblings))), item)
        _renumber(siblings)
        return _view_of(session, item)


# --- standing items --------------------------------------------------------------------------------------

# Agenda content is written in both languages whatever the interface language, so the standard wording
# is kept here as data (translated once, hence "verified"), not looked up in the interface's catalog.
STANDING_ITEMS: tuple[tuple[AgendaItemKind, str, str, int], ...] = (
    (AgendaItemKind.PREVIOUS_MINUTES, "Approval of the minutes of the previous meeting ({reference})",
     "Approbation du procès-verbal de la réunion précédente ({reference})", 10),
    (AgendaItemKind.ACTION_REVIEW, "Review of open actions", "Examen des mesures de suivi en cours", 20),
)


def previous_meetings(db: Database, meeting_uuid: str) -> list[MeetingSummary]:
    """The meetings that started before this one, the latest first: candidates for its standing items."""
    from app.services.meetings import summary  # meetings imports this module for the overview

    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        rows = session.execute(select(Meeting).where(Meeting.starts_at < meeting.starts_at, Meeting.id != meeting.id)
                               .order_by(Meeting.starts_at.desc(), Meeting.id)).scalars().all()
        return [summary(row) for row in rows]


def add_standing_items(
    db: Database, meeting_uuid: str, previous_meeting_uuid: str, position: int | None = None,
    uuids: Sequence[str] | None = None,
) -> tuple[AgendaItemView, ...]:
    """Approval of the previous meeting's minutes and review of open actions, both referring to that meeting.

    They go at ``position`` among the top-level items, by default right after the opening item(s).
    """
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        previous = common.get_by_uuid(session, Meeting, previous_meeting_uuid, _("meeting"))
        if previous.id == meeting.id or previous.starts_at >= meeting.starts_at:
            raise DomainError(_("Choose a meeting held before this one."), field="previous_meeting")
        siblings = _siblings(session, meeting.id, None)
        if any(item.refers_to_meeting_id == previous.id and item.kind == AgendaItemKind.PREVIOUS_MINUTES
               for item in siblings):
            raise DomainError(_("This agenda already has the standing items for {reference}.").format(
                reference=previous.reference), field="previous_meeting")
        if position is None:
            position = next((i for i, item in enumerate(siblings) if item.kind != AgendaItemKind.OPENING),
                            len(siblings))
        given = [_free_uuid(session, uuid) for uuid in uuids or ()]
        created = []
        for index, (kind, title_en, title_fr, minutes) in enumerate(STANDING_ITEMS):
            item = AgendaItem(kind=kind, duration_minutes=minutes,
                              title_en=title_en.format(reference=previous.reference),
                              title_fr=title_fr.format(reference=previous.reference),
                              original_language=Language.EN, translation_status=TranslationStatus.VERIFIED,
                              refers_to_meeting_id=previous.id)
            if given:
                item.uuid = given[index]
            item.meeting = meeting
            siblings.insert(max(0, min(position + index, len(siblings))), item)
            session.add(item)
            created.append(item)
        _renumber(siblings)
        session.flush()
        views = {view.uuid: view for view in agenda_view(session, meeting).items}
        return tuple(views[item.uuid] for item in created)
