"""Action-item use cases: record an action under an agenda item with its owners (people or organisations),
due date and status; progress notes; and the review of open actions of earlier meetings at a later one.

Numbers follow the printed register (``app.services.outputs``): ``VGT-2019-10/A3`` is the third action of
the meeting by position; a new action is placed after the actions of the items before it, so that numbers
read in agenda order.  Text, owners and due date are part of the minutes of the meeting of origin and are
refused once those are locked; the status moves on (it is not minutes content): an update records it, with
a note, against the meeting where it was reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import ActionStatus, Language, TranslationStatus
from app.domain.models import ActionItem, ActionOwner, ActionUpdate, AgendaItem, Meeting, Organisation, Person
from app.errors import DomainError
from app.i18n import _
from app.persistence.base import utcnow
from app.persistence.database import Database
from app.services import common
from app.services.agenda import agenda_view
from app.services.minutes import ensure_editable, follow_status
from app.services.views import pick

OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
_MINUTES_FIELDS = ("text_en", "text_fr", "due_date", "original_language", "translation_status")
ACTION_FIELDS: dict[str, common.FieldRule] = {
    "text_en": common.long_text(),
    "text_fr": common.long_text(),
    "due_date": common.optional_date(),
    "status": common.choice(ActionStatus),
    "original_language": common.choice(Language),
    "translation_status": common.choice(TranslationStatus),
}
OwnerKind = Literal["person", "organisation"]


@dataclass(frozen=True)
class OwnerView:
    kind: OwnerKind
    uuid: str
    name: str
    organisation_uuid: str | None  # the person's organisation, or the organisation itself
    organisation_short: str

    @property
    def key(self) -> str:
        """``person:<uuid>`` or ``organisation:<uuid>``: how owners are named to ``set_owners``."""
        return f"{self.kind}:{self.uuid}"


@dataclass(frozen=True)
class ActionUpdateView:
    uuid: str
    action_uuid: str
    meeting_uuid: str | None
    meeting_reference: str
    recorded_at: datetime
    status: ActionStatus | None
    note: str


@dataclass(frozen=True)
class ActionDetailView:
    uuid: str
    number: str
    meeting_uuid: str
    meeting_reference: str
    meeting_starts_at: datetime
    meeting_time_zone: str
    agenda_item_uuid: str | None
    agenda_number: str | None
    position: int
    text_en: str
    text_fr: str
    original_language: Language
    translation_status: TranslationStatus
    due_date: date | None
    status: ActionStatus
    owners: tuple[OwnerView, ...]
    last_update: ActionUpdateView | None
    update_count: int

    def text(self, language: str) -> str:
        return pick(self.text_en, self.text_fr, language).text

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def overdue(self, today: date) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < today

    @property
    def owner_names(self) -> tuple[str, ...]:
        return tuple(owner.name for owner in self.owners)


@dataclass(frozen=True)
class ActionSnapshot:
    """An action as it was before a deletion, to put back with the same UUIDs."""

    uuid: str
    meeting_uuid: str
    agenda_item_uuid: str | None
    position: int
    values: tuple[tuple[str, Any], ...]
    owner_keys: tuple[str, ...]
    updates: tuple[ActionUpdateView, ...]
    created_at: datetime


@dataclass(frozen=True)
class ReviewRow:
    """An action under review at a later meeting, with the update recorded at that meeting if any."""

    action: ActionDetailView
    update_here: ActionUpdateView | None


def _person_name(person: Person) -> str:
    return " ".join(p for p in (person.given_name, person.family_name) if p)


def _org_short(org: Organisation) -> str:
    return org.acronym_en or org.name_en or org.acronym_fr or org.name_fr


def owner_view(owner: ActionOwner) -> OwnerView:
    if owner.person is not None:
        org = owner.person.organisation
        return OwnerView("person", owner.person.uuid, _person_name(owner.person), org.uuid if org else None,
                         _org_short(org) if org else "")
    assert owner.organisation is not None
    org = owner.organisation
    return OwnerView("organisation", org.uuid, _org_short(org), org.uuid, _org_short(org))


def update_view(update: ActionUpdate, action_uuid: str) -> ActionUpdateView:
    meeting = update.meeting
    return ActionUpdateView(update.uuid, action_uuid, meeting.uuid if meeting else None,
                            meeting.reference if meeting else "", update.recorded_at, update.status, update.note)


LOAD_OPTIONS = (
    selectinload(ActionItem.owners).selectinload(ActionOwner.person).selectinload(Person.organisation),
    selectinload(ActionItem.owners).selectinload(ActionOwner.organisation),
    selectinload(ActionItem.updates).selectinload(ActionUpdate.meeting),
    selectinload(ActionItem.agenda_item),
    selectinload(ActionItem.meeting),
)


def detail_views(session: Session, rows: Sequence[ActionItem]) -> list[ActionDetailView]:
    """Views of actions of any meetings: numbers by position in their meeting, item numbers from its agenda."""
    meetings = {row.meeting_id: row.meeting for row in rows}
    numbers: dict[str, str] = {}
    ordinals: dict[int, int] = {}
    for meeting in meetings.values():
        numbers.update({view.uuid: view.number for view in agenda_view(session, meeting).items})
        ids = session.execute(select(ActionItem.id).where(ActionItem.meeting_id == meeting.id)
                              .order_by(ActionItem.position, ActionItem.id)).scalars().all()
        ordinals.update({action_id: n for n, action_id in enumerate(ids, start=1)})
    result = []
    for row in rows:
        meeting, item = row.meeting, row.agenda_item
        updates = list(row.updates)
        result.append(ActionDetailView(
            uuid=row.uuid, number=f"{meeting.reference}/A{ordinals[row.id]}", meeting_uuid=meeting.uuid,
            meeting_reference=meeting.reference, meeting_starts_at=meeting.starts_at,
            meeting_time_zone=meeting.time_zone, agenda_item_uuid=item.uuid if item else None,
            agenda_number=numbers.get(item.uuid) if item else None, position=row.position, text_en=row.text_en,
            text_fr=row.text_fr, original_language=row.original_language, translation_status=row.translation_status,
            due_date=row.due_date, status=row.status, owners=tuple(owner_view(o) for o in row.owners),
            last_update=update_view(updates[-1], row.uuid) if updates else None, update_count=len(updates)))
    return result


def _view_of(session: Session, action: ActionItem) -> ActionDetailView:
    session.flush()
    session.expire(action, ["owners", "updates"])
    return detail_views(session, [action])[0]


def list_actions(db: Database, meeting_uuid: str, agenda_item_uuid: str | None = None) -> list[ActionDetailView]:
    """The actions of a meeting in number order (of one item only, if given)."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        query = select(ActionItem).where(ActionItem.meeting_id == meeting.id)
        if agenda_item_uuid:
            query = query.join(AgendaItem, ActionItem.agenda_item_id == AgendaItem.id).where(
                AgendaItem.uuid == agenda_item_uuid)
        rows = session.execute(query.options(*LOAD_OPTIONS).order_by(ActionItem.position, ActionItem.id)).scalars()
        return detail_views(session, list(rows))


def get_action(db: Database, uuid: str) -> ActionDetailView:
    with db.transaction() as session:
        return _view_of(session, common.get_by_uuid(session, ActionItem, uuid, _("action")))


# --- editing ----------------------------------------------------------------------------------------------------

def _owners(session: Session, keys: Sequence[str]) -> list[ActionOwner]:
    owners = []
    for position, key in enumerate(dict.fromkeys(keys)):
        kind, _sep, uuid = key.partition(":")
        if kind == "person":
            owners.append(ActionOwner(person=common.get_by_uuid(session, Person, uuid, _("person")), position=position))
        elif kind == "organisation":
            owners.append(ActionOwner(organisation=common.get_by_uuid(session, Organisation, uuid, _("organisation")),
                                      position=position))
        else:
            raise DomainError(_("An owner is a person or an organisation."), field="owners")
    return owners


def _insert_at(session: Session, meeting: Meeting, item: AgendaItem | None, position: int | None) -> int:
    """Where a new action goes among the meeting's actions: after those of its item and of the items before."""
    if position is not None:
        return position
    order = {view.uuid: index for index, view in enumerate(agenda_view(session, meeting).items)}
    rank = order.get(item.uuid, len(order)) if item else len(order)
    rows = session.execute(select(ActionItem).where(ActionItem.meeting_id == meeting.id)
                           .options(selectinload(ActionItem.agenda_item))
                           .order_by(ActionItem.position, ActionItem.id)).scalars().all()
    ranks = [order.get(row.agenda_item.uuid, len(order)) if row.agenda_item else len(order) for row in rows]
    return max((index + 1 for index, other in enumerate(ranks) if other <= rank), default=0)


def _place(session: Session, meeting: Meeting, action: ActionItem | None, at: int = 0) -> None:
    """Positions dense again, with ``action`` (if any) at ``at``."""
    rows = [row for row in session.execute(select(ActionItem).where(ActionItem.meeting_id == meeting.id)
                                           .order_by(ActionItem.position, ActionItem.id)).scalars() if row is not action]
    if action is not None:
        rows.insert(max(0, min(at, len(rows))), action)
    for index, row in enumerate(rows):
        if row.position != index:
            row.position = index


def _new_action(session: Session, meeting_uuid: str, agenda_item_uuid: str | None, uuid: str | None,
                owners: Sequence[str], position: int | None, values: Mapping[str, Any]) -> ActionItem:
    meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
    ensure_editable(meeting)
    item = common.get_by_uuid(session, AgendaItem, agenda_item_uuid, _("agenda item")) if agenda_item_uuid else None
    if item is not None and item.meeting_id != meeting.id:
        raise DomainError(_("An action belongs to an item of its own meeting."), field="agenda_item")
    if uuid and session.execute(select(ActionItem.id).where(ActionItem.uuid == uuid)).first() is not None:
        raise DomainError(_("This action is already in the database."))
    at = _insert_at(session, meeting, item, position)
    owner_rows = _owners(session, owners)
    action = ActionItem(text_en="", text_fr="", status=ActionStatus.OPEN)
    if uuid:
        action.uuid = uuid
    common.apply_changes(action, values, ACTION_FIELDS)
    action.agenda_item = item
    action.owners = owner_rows
    action.meeting = meeting
    session.add(action)
    _place(session, meeting, action, at)
    follow_status(session, meeting)
    return action


def add_action(db: Database, meeting_uuid: str, agenda_item_uuid: str | None, *, uuid: str | None = None,
               owners: Sequence[str] = (), position: int | None = None, **values: Any) -> ActionDetailView:
    """A new action under an agenda item (its text may come later, typed into it)."""
    with db.transaction() as session:
        return _view_of(session, _new_action(session, meeting_uuid, agenda_item_uuid, uuid, owners, position, values))


def update_action(db: Database, uuid: str, changes: Mapping[str, Any]) -> ActionDetailView:
    """Change text, due date, status or languages; all but the status are refused on locked minutes."""
    with db.transaction() as session:
        action = common.get_by_uuid(session, ActionItem, uuid, _("action"))
        if any(name in changes for name in _MINUTES_FIELDS):
            ensure_editable(action.meeting)
        common.apply_changes(action, changes, ACTION_FIELDS)
        return _view_of(session, action)


def set_owners(db: Database, uuid: str, owner_keys: Sequence[str]) -> ActionDetailView:
    """Replace the owners: ``person:<uuid>`` and ``organisation:<uuid>`` keys, in order."""
    with db.transaction() as session:
        action = common.get_by_uuid(session, ActionItem, uuid, _("action"))
        ensure_editable(action.meeting)
        rows = _owners(session, owner_keys)
        action.owners.clear()
        session.flush()
        action.owners.extend(rows)
        return _view_of(session, action)


def move_action(db: Database, uuid: str, position: int) -> ActionDetailView:
    """Put an action at ``position`` among all the actions of its meeting (its number follows)."""
    with db.transaction() as session:
        action = common.get_by_uuid(session, ActionItem, uuid, _("action"))
        ensure_editable(action.meeting)
        _place(session, action.meeting, action, position)
        return _view_of(session, action)


def delete_action(db: Database, uuid: str) -> ActionSnapshot:
    with db.transaction() as session:
        action = common.get_by_uuid(session, ActionItem, uuid, _("action"))
        meeting = action.meeting
        ensure_editable(meeting)
        view = _view_of(session, action)
        snapshot = ActionSnapshot(
            uuid=action.uuid, meeting_uuid=meeting.uuid, agenda_item_uuid=view.agenda_item_uuid,
            position=action.position, values=tuple((name, getattr(action, name)) for name in (*_MINUTES_FIELDS, "status")),
            owner_keys=tuple(owner.key for owner in view.owners),
            updates=tuple(update_view(u, action.uuid) for u in action.updates), created_at=action.created_at)
        session.delete(action)
        session.flush()
        _place(session, meeting, None)
        follow_status(session, meeting)
        return snapshot


def restore_action(db: Database, snapshot: ActionSnapshot) -> ActionDetailView:
    """Undo ``delete_action``: the action, its owners and its progress notes, with their UUIDs."""
    with db.transaction() as session:
        action = _new_action(session, snapshot.meeting_uuid, snapshot.agenda_item_uuid, snapshot.uuid,
                             snapshot.owner_keys, snapshot.position, dict(snapshot.values))
        action.created_at = snapshot.created_at
        for update in snapshot.updates:
            meeting = (common.get_by_uuid(session, Meeting, update.meeting_uuid, _("meeting"))
                       if update.meeting_uuid else None)
            session.add(ActionUpdate(uuid=update.uuid, action=action, meeting=meeting, recorded_at=update.recorded_at,
                                     status=update.status, note=update.note))
        return _view_of(session, action)


# --- progress and the review at later meetings ----------------------------------------------------------------

def record_update(db: Database, action_uuid: str, meeting_uuid: str | None, status: ActionStatus | None,
                  note: str = "", *, uuid: str | None = None) -> ActionUpdateView:
    """A progress note, with the new status if it changed, recorded against the meeting where it was given."""
    with db.transaction() as session:
        action = common.get_by_uuid(session, ActionItem, action_uuid, _("action"))
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting")) if meeting_uuid else None
        if meeting is not None:
            ensure_editable(meeting)
        status = common.choice(ActionStatus, optional=True).check(status)
        note = (note or "").strip()
        if status is None and not note:
            raise DomainError(_("Give the new status or a note on the progress."), field="note")
        update = ActionUpdate(action=action, meeting=meeting, recorded_at=utcnow(), status=status, note=note)
        if uuid:
            update.uuid = uuid
        session.add(update)
        if status is not None:
            action.status = status
        session.flush()
        return update_view(update, action.uuid)


def remove_update(db: Database, update_uuid: str, restore_status: ActionStatus) -> None:
    """Undo ``record_update``: the note goes and the action's status is put back."""
    with db.transaction() as session:
        update = common.get_by_uuid(session, ActionUpdate, update_uuid, _("progress note"))
        if update.meeting is not None:
            ensure_editable(update.meeting)
        update.action.status = ActionStatus(restore_status)
        session.delete(update)


def actions_for_review(db: Database, meeting_uuid: str) -> list[ReviewRow]:
    """What the 'review of actions' item of this meeting goes through: the actions of earlier meetings that
    are still open, and those whose update was recorded here (so that they stay once marked done)."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        updated_here = select(ActionUpdate.action_id).where(ActionUpdate.meeting_id == meeting.id)
        rows = session.execute(
            select(ActionItem).join(Meeting, ActionItem.meeting_id == Meeting.id)
            .where(Meeting.starts_at < meeting.starts_at,
                   or_(ActionItem.status.in_(OPEN_STATUSES), ActionItem.id.in_(updated_here)))
            .options(*LOAD_OPTIONS).order_by(Meeting.starts_at, ActionItem.position, ActionItem.id)).scalars().all()
        result = []
        for row, view in zip(rows, detail_views(session, list(rows)), strict=True):
            here = [u for u in row.updates if u.meeting_id == meeting.id]
            result.append(ReviewRow(view, update_view(here[-1], row.uuid) if here else None))
        return result
