"""Agenda use cases: the items of a meeting, one level of nesting, numbered and timed by derivation.

Positions are kept dense (0, 1, 2, …) among siblings after every change, so that a move is a plain
re-ordering and the numbers shown (1, 1.1, …) follow from them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Table, select, update
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import AgendaItemKind, Language, TranslationStatus, Visibility
from app.domain.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Meeting,
    Person,
    agenda_item_document,
    agenda_item_presenter,
)
from app.domain.rules import NumberedItem, schedule
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.views import AgendaItemView, AgendaView

ITEM_FIELDS: dict[str, common.FieldRule] = {
    "title_en": common.text(300),
    "title_fr": common.text(300),
    "description_en": common.long_text(),
    "description_fr": common.long_text(),
    "kind": common.choice(AgendaItemKind),
    "visibility": common.choice(Visibility),
    "duration_minutes": common.minutes(),
    "original_language": common.choice(Language),
    "translation_status": common.choice(TranslationStatus),
}


def _name(person: Person) -> str:
    return " ".join(p for p in (person.given_name, person.family_name) if p)


def agenda_view(session: Session, meeting: Meeting) -> AgendaView:
    items = session.execute(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
        .options(selectinload(AgendaItem.presenters), selectinload(AgendaItem.documents),
                 selectinload(AgendaItem.parent))
    ).scalars().all()
    by_uuid = {item.uuid: item for item in items}
    timed = schedule(
        [NumberedItem(i.uuid, i.parent.uuid if i.parent else None, i.position, i.duration_minutes) for i in items],
        meeting.starts_at,
    )
    views = []
    for slot in timed:
        item = by_uuid[slot.key]
        views.append(AgendaItemView(
            uuid=item.uuid, parent_uuid=item.parent.uuid if item.parent else None, number=slot.number,
            depth=slot.depth, title_en=item.title_en, title_fr=item.title_fr, description_en=item.description_en,
            description_fr=item.description_fr, kind=item.kind, visibility=item.visibility,
            duration_minutes=item.duration_minutes, starts_at=slot.starts_at, ends_at=slot.ends_at,
            presenter_uuids=tuple(p.uuid for p in item.presenters),
            presenter_names=tuple(_name(p) for p in item.presenters),
            document_uuids=tuple(d.uuid for d in item.documents),
            original_language=item.original_language, translation_status=item.translation_status,
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
    db: Database, meeting_uuid: str, parent_uuid: str | None = None, position: int | None = None, **values: Any
) -> AgendaItemView:
    """A new item at ``position`` among its siblings (at the end if None); needs a title."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        parent = _parent(session, meeting, parent_uuid)
        siblings = _siblings(session, meeting.id, parent.id if parent else None)
        item = AgendaItem()
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
