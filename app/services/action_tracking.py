"""Follow-up of actions across meetings: the tracker's filtered list (in SQL, so that it stays fast with
many thousands of actions), an action's history (progress notes and the audit trail), the people and
organisations that can own actions, and the plain rows ``chairdesk actions`` prints.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from app.domain.enums import ActionStatus, label
from app.domain.models import (
    ActionItem,
    ActionOwner,
    ActionUpdate,
    AgendaItem,
    AuditEvent,
    Meeting,
    Organisation,
    Person,
)
from app.domain.rules import NumberedItem, fold, ordered_agenda
from app.i18n import _, format_date
from app.persistence.database import Database
from app.services import common
from app.services.actions import (
    OPEN_STATUSES,
    ActionDetailView,
    ActionUpdateView,
    OwnerView,
    detail_views,
    update_view,
)


@dataclass(frozen=True)
class ActionFilter:
    """What the tracker shows: every field left empty means "any"."""

    meeting_uuid: str | None = None
    owner_person_uuid: str | None = None
    organisation_uuid: str | None = None  # owned by the organisation or by one of its people
    statuses: frozenset[ActionStatus] = frozenset()
    overdue: bool = False
    text: str = ""


@dataclass(frozen=True)
class AuditEntryView:
    at: datetime
    os_user: str
    action: str  # insert, update, delete
    entity: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ActionHistory:
    action: ActionDetailView
    updates: tuple[ActionUpdateView, ...]
    audit: tuple[AuditEntryView, ...]


def _filtered(criteria: ActionFilter, today: date) -> Select[Any]:
    """The ids of the actions that match, as a query (filters in SQL)."""
    query = select(ActionItem.id).join(Meeting, ActionItem.meeting_id == Meeting.id)
    if criteria.meeting_uuid:
        query = query.where(Meeting.uuid == criteria.meeting_uuid)
    if criteria.statuses:
        query = query.where(ActionItem.status.in_(criteria.statuses))
    if criteria.overdue:
        query = query.where(ActionItem.status.in_(OPEN_STATUSES), ActionItem.due_date.is_not(None),
                            ActionItem.due_date < today)
    if criteria.owner_person_uuid:
        query = query.where(exists().where(
            ActionOwner.action_id == ActionItem.id, ActionOwner.person_id == Person.id,
            Person.uuid == criteria.owner_person_uuid))
    if criteria.organisation_uuid:
        org = select(Organisation.id).where(Organisation.uuid == criteria.organisation_uuid).scalar_subquery()
        people = select(Person.id).where(Person.organisation_id == org)
        query = query.where(exists().where(and_(ActionOwner.action_id == ActionItem.id, or_(
            ActionOwner.organisation_id == org, ActionOwner.person_id.in_(people)))))
    if criteria.text.strip():
        pattern = f"%{fold(criteria.text.strip())}%"
        query = query.where(or_(func.fold(ActionItem.text_en).like(pattern),
                                func.fold(ActionItem.text_fr).like(pattern)))
    return query


def _short(acronym: str | None, name: str | None) -> str:
    return acronym or name or ""


def track_actions(db: Database, criteria: ActionFilter, today: date) -> list[ActionDetailView]:
    """Actions of every meeting that match ``criteria``, oldest meeting first, in number order.

    Read with plain column queries (no ORM objects): a tracker over a long archive stays quick.
    """
    ids = _filtered(criteria, today).scalar_subquery()
    with db.transaction() as session:
        connection = session.connection()  # plain rows: no ORM loading for what is only read and shown
        rows = connection.execute(
            select(ActionItem.id, ActionItem.uuid, ActionItem.meeting_id, ActionItem.agenda_item_id,
                   ActionItem.position, ActionItem.text_en, ActionItem.text_fr, ActionItem.original_language,
                   ActionItem.translation_status, ActionItem.due_date, ActionItem.status, Meeting.uuid,
                   Meeting.reference, Meeting.starts_at, Meeting.time_zone)
            .join(Meeting, ActionItem.meeting_id == Meeting.id).where(ActionItem.id.in_(ids))
            .order_by(Meeting.starts_at, Meeting.id, ActionItem.position, ActionItem.id)).all()
        meetings = {row[2] for row in rows}
        ordinals: dict[int, int] = {}
        last_meeting: int | None = None
        count = 0
        for action_id, meeting_id in connection.execute(
                select(ActionItem.id, ActionItem.meeting_id).where(ActionItem.meeting_id.in_(meetings))
                .order_by(ActionItem.meeting_id, ActionItem.position, ActionItem.id)):
            count = count + 1 if meeting_id == last_meeting else 1
            last_meeting, ordinals[action_id] = meeting_id, count
        items: dict[int, list[tuple[int, str, int | None, int]]] = {}
        for item_id, item_uuid, meeting_id, parent_id, position in connection.execute(
                select(AgendaItem.id, AgendaItem.uuid, AgendaItem.meeting_id, AgendaItem.parent_id, AgendaItem.position)
                .where(AgendaItem.meeting_id.in_(meetings))):
            items.setdefault(meeting_id, []).append((item_id, item_uuid, parent_id, position))
        numbers: dict[int, tuple[str, str]] = {}
        for entries in items.values():
            keys = {item_id: str(item_id) for item_id, _u, _p, _pos in entries}
            uuids = {item_id: item_uuid for item_id, item_uuid, _p, _pos in entries}
            numbered = [NumberedItem(keys[i], keys[p] if p else None, pos, 0) for i, _u, p, pos in entries]
            for point, number, _depth in ordered_agenda(numbered):
                numbers[int(point.key)] = (uuids[int(point.key)], number)
        owners: dict[int, list[OwnerView]] = {}
        employer = aliased(Organisation)
        for action_id, p_uuid, given, family, e_uuid, e_acronym, e_name, o_uuid, o_acronym, o_name in connection.execute(
                select(ActionOwner.action_id, Person.uuid, Person.given_name, Person.family_name, employer.uuid,
                       employer.acronym_en, employer.name_en, Organisation.uuid, Organisation.acronym_en,
                       Organisation.name_en)
                .outerjoin(Person, ActionOwner.person_id == Person.id)
                .outerjoin(employer, Person.organisation_id == employer.id)
                .outerjoin(Organisation, ActionOwner.organisation_id == Organisation.id)
                .where(ActionOwner.action_id.in_(ids)).order_by(ActionOwner.action_id, ActionOwner.position)):
            if p_uuid is not None:
                name = " ".join(part for part in (given, family) if part)
                owner = OwnerView("person", p_uuid, name, e_uuid, _short(e_acronym, e_name))
            else:
                short = _short(o_acronym, o_name)
                owner = OwnerView("organisation", o_uuid, short, o_uuid, short)
            owners.setdefault(action_id, []).append(owner)
        updates: dict[int, list[ActionUpdateView]] = {}
        uuids_by_id = {row[0]: row[1] for row in rows}
        for action_id, u_uuid, m_uuid, m_reference, recorded_at, status, note in connection.execute(
                select(ActionUpdate.action_id, ActionUpdate.uuid, Meeting.uuid, Meeting.reference,
                       ActionUpdate.recorded_at, ActionUpdate.status, ActionUpdate.note)
                .outerjoin(Meeting, ActionUpdate.meeting_id == Meeting.id)
                .where(ActionUpdate.action_id.in_(ids)).order_by(ActionUpdate.recorded_at, ActionUpdate.id)):
            updates.setdefault(action_id, []).append(ActionUpdateView(
                u_uuid, uuids_by_id.get(action_id, ""), m_uuid, m_reference or "", recorded_at, status, note))
    result = []
    for (action_id, uuid, _meeting_id, agenda_item_id, position, text_en, text_fr, original, translation, due, status,
         meeting_uuid, reference, starts_at, time_zone) in rows:
        place = numbers.get(agenda_item_id) if agenda_item_id else None
        done = updates.get(action_id, [])
        result.append(ActionDetailView(
            uuid=uuid, number=f"{reference}/A{ordinals[action_id]}", meeting_uuid=meeting_uuid,
            meeting_reference=reference, meeting_starts_at=starts_at, meeting_time_zone=time_zone,
            agenda_item_uuid=place[0] if place else None, agenda_number=place[1] if place else None, position=position,
            text_en=text_en, text_fr=text_fr, original_language=original, translation_status=translation, due_date=due,
            status=status, owners=tuple(owners.get(action_id, ())), last_update=done[-1] if done else None,
            update_count=len(done)))
    return result


def owner_choices(db: Database) -> list[OwnerView]:
    """Everyone who can own an action: the people of the directory, then the organisations, by name."""
    with db.transaction() as session:
        people = session.execute(select(Person)).scalars().all()
        orgs = session.execute(select(Organisation)).scalars().all()
        result = []
        for person in people:
            org = person.organisation
            short = (org.acronym_en or org.name_en) if org else ""
            name = " ".join(p for p in (person.given_name, person.family_name) if p)
            result.append(OwnerView("person", person.uuid, name, org.uuid if org else None, short))
        result.sort(key=lambda o: (fold(o.name.split(" ")[-1]), fold(o.name)))
        organisations = [OwnerView("organisation", org.uuid, org.acronym_en or org.name_en, org.uuid,
                                   org.acronym_en or org.name_en) for org in orgs]
        return result + sorted(organisations, key=lambda o: fold(o.name))


def action_history(db: Database, uuid: str) -> ActionHistory:
    """An action with its progress notes (oldest first) and every audit event of it, its owners and notes."""
    with db.transaction() as session:
        action = common.get_by_uuid(session, ActionItem, uuid, _("action"))
        view = detail_views(session, [action])[0]
        updates = tuple(update_view(u, action.uuid) for u in action.updates)
        related = {action.uuid, *(o.uuid for o in action.owners),
                   *session.execute(select(ActionUpdate.uuid).where(ActionUpdate.action_id == action.id)).scalars()}
        events = session.execute(select(AuditEvent).where(AuditEvent.entity_uuid.in_(related))
                                 .order_by(AuditEvent.id)).scalars().all()
        audit = []
        for event in events:
            try:
                fields = tuple(sorted(json.loads(event.changes or "{}")))
            except ValueError:
                fields = ()
            audit.append(AuditEntryView(event.at, event.os_user, event.action, event.entity, fields))
        return ActionHistory(view, updates, tuple(audit))


def status_text(action: ActionDetailView, today: date) -> str:
    """``Open``, or ``Open, overdue`` when its due date has passed."""
    if action.overdue(today):
        return _("{status}, overdue").format(status=label(action.status))
    return label(action.status)


def tracker_rows(actions: Sequence[ActionDetailView], today: date, language: str) -> list[tuple[str, ...]]:
    """Number, owners, due date, status and origin (meeting and item) of each action, then its text."""
    rows: list[tuple[str, ...]] = []
    for action in actions:
        origin = action.meeting_reference
        if action.agenda_number:
            origin = _("{meeting}, item {number}").format(meeting=action.meeting_reference,
                                                          number=action.agenda_number)
        rows.append((action.number, ", ".join(action.owner_names) or "—",
                     format_date(action.due_date, "medium", language=language) if action.due_date else "—",
                     status_text(action, today), origin, " ".join(action.text(language).split())))
    return rows
