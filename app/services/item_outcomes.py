"""How an agenda item ended (decided, no decision, postponed) and what becomes of postponed items: they are
offered for the agenda of a later meeting, where the new item remembers the one it carries forward.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.domain.enums import AgendaItemKind, ItemOutcome
from app.domain.models import AgendaItem, Meeting
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.agenda import _renumber, _siblings, _view_of, agenda_view
from app.services.minutes import ensure_editable, follow_status
from app.services.views import AgendaItemView, pick

_LAST_KINDS = (AgendaItemKind.ANY_OTHER_BUSINESS, AgendaItemKind.CLOSING)
_CARRIED = ("title_en", "title_fr", "description_en", "description_fr", "kind", "visibility", "duration_minutes",
            "original_language", "translation_status")


@dataclass(frozen=True)
class PostponedItem:
    """An item postponed at an earlier meeting and not yet put on a later agenda."""

    item_uuid: str
    meeting_uuid: str
    meeting_reference: str
    number: str
    title_en: str
    title_fr: str

    def title(self, language: str) -> str:
        return pick(self.title_en, self.title_fr, language).text


def set_item_outcome(db: Database, item_uuid: str, outcome: ItemOutcome) -> AgendaItemView:
    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, item_uuid, _("agenda item"))
        ensure_editable(item.meeting)
        item.outcome = common.choice(ItemOutcome).check(outcome)
        follow_status(session, item.meeting)
        return _view_of(session, item)


def postponed_items(db: Database, meeting_uuid: str) -> list[PostponedItem]:
    """Items postponed at meetings before this one that no later agenda has taken up yet, oldest first."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        later = aliased(AgendaItem)
        rows = session.execute(
            select(AgendaItem).join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .where(AgendaItem.outcome == ItemOutcome.POSTPONED, Meeting.starts_at < meeting.starts_at,
                   ~select(later.id).where(later.carried_from_id == AgendaItem.id).exists())
            .order_by(Meeting.starts_at, AgendaItem.id)).scalars().all()
        numbers: dict[str, str] = {}
        for m in {row.meeting_id: row.meeting for row in rows}.values():
            numbers.update({view.uuid: view.number for view in agenda_view(session, m).items})
        return [PostponedItem(row.uuid, row.meeting.uuid, row.meeting.reference, numbers.get(row.uuid, ""),
                              row.title_en, row.title_fr) for row in rows]


def carry_forward(db: Database, item_uuid: str, meeting_uuid: str, *, uuid: str | None = None) -> AgendaItemView:
    """Put a postponed item on this meeting's agenda, before 'any other business' and the closing."""
    with db.transaction() as session:
        source = common.get_by_uuid(session, AgendaItem, item_uuid, _("agenda item"))
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        if source.outcome is not ItemOutcome.POSTPONED:
            raise DomainError(_("Only a postponed item is carried forward."), field="item")
        if source.meeting.starts_at >= meeting.starts_at:
            raise DomainError(_("A postponed item goes to a later meeting."), field="meeting")
        if uuid and session.execute(select(AgendaItem.id).where(AgendaItem.uuid == uuid)).first() is not None:
            raise DomainError(_("This agenda item already exists."))
        siblings = _siblings(session, meeting.id, None)
        item = AgendaItem(**{name: getattr(source, name) for name in _CARRIED}, carried_from_id=source.id,
                          outcome=ItemOutcome.PENDING)
        if uuid:
            item.uuid = uuid
        item.meeting = meeting
        at = next((i for i, row in enumerate(siblings) if row.kind in _LAST_KINDS), len(siblings))
        siblings.insert(at, item)
        session.add(item)
        _renumber(siblings)
        return _view_of(session, item)
