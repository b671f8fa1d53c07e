"""Decision use cases: record, edit, reorder and delete the decisions of a meeting, with their kind, how they
were taken (consensus, or a vote counted or recorded per member organisation) and the quorum at the time.

Numbers are derived, never stored: agenda order, then position (``VGT-2019-10/D3``), so they follow when
items move.  Positions are kept dense across the meeting in that order.  Whether a vote passed is evaluated
from the counts and the threshold (``app.domain.quorum``), not typed; the quorum is evaluated from the
attendance when the decision is recorded and when its votes change, and kept with it.  An item that gets
its first decision is marked decided, and pending again when its last one goes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import (
    DecisionKind,
    DecisionMethod,
    ItemOutcome,
    Language,
    Relation,
    Threshold,
    TranslationStatus,
    Vote,
)
from app.domain.models import (
    AgendaItem,
    Approval,
    Decision,
    DecisionVote,
    Meeting,
    MinutesVersion,
    Organisation,
)
from app.domain.quorum import VoteResult, evaluate_decision
from app.domain.rules import decision_number
from app.errors import DomainError
from app.i18n import _
from app.persistence.base import new_uuid
from app.persistence.database import Database
from app.services import common
from app.services.agenda import agenda_view
from app.services.minutes import ensure_editable, follow_status

# The quorum has its own module; its names stay importable from here (live mode imports them from here).
from app.services.quorum import MemberPresence as MemberPresence
from app.services.quorum import QuorumView as QuorumView
from app.services.quorum import meeting_quorum as meeting_quorum
from app.services.quorum import org_short
from app.services.quorum import quorum_of as quorum_of
from app.services.views import pick


def _count(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        result = int(value)
    except (TypeError, ValueError) as exc:
        raise DomainError(_("Enter a number of votes.")) from exc
    if result < 0:
        raise DomainError(_("A number of votes cannot be negative."))
    return result


DECISION_FIELDS: dict[str, common.FieldRule] = {
    "text_en": common.long_text(),
    "text_fr": common.long_text(),
    "kind": common.choice(DecisionKind),
    "method": common.choice(DecisionMethod),
    "threshold": common.choice(Threshold),
    "votes_for": common.FieldRule(_count),
    "votes_against": common.FieldRule(_count),
    "abstentions": common.FieldRule(_count),
    "original_language": common.choice(Language),
    "translation_status": common.choice(TranslationStatus),
}
_COUNTS = ("votes_for", "votes_against", "abstentions")


@dataclass(frozen=True)
class OrganisationVote:
    organisation_uuid: str
    name: str
    vote: Vote


@dataclass(frozen=True)
class DecisionDetailView:
    uuid: str
    number: str
    meeting_uuid: str
    meeting_reference: str
    agenda_item_uuid: str | None
    agenda_number: str | None
    position: int
    text_en: str
    text_fr: str
    original_language: Language
    translation_status: TranslationStatus
    kind: DecisionKind
    method: DecisionMethod
    threshold: Threshold
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    quorum_present: int | None
    quorum_required: int | None
    approves_minutes_of_uuid: str | None
    approves_minutes_of_reference: str
    votes: tuple[OrganisationVote, ...]

    def text(self, language: str) -> str:
        return pick(self.text_en, self.text_fr, language).text

    @property
    def result(self) -> VoteResult:
        return evaluate_decision(self.method, self.threshold, self.votes_for, self.votes_against, self.abstentions)

    @property
    def quorum_reached(self) -> bool | None:
        if self.quorum_present is None or self.quorum_required is None:
            return None
        return self.quorum_present >= self.quorum_required


@dataclass(frozen=True)
class VoteRecord:
    """How a decision was taken, as ``restore_vote_record`` puts it back (undo of a change of votes)."""

    method: DecisionMethod
    threshold: Threshold
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    votes: tuple[tuple[str, Vote], ...]
    quorum_present: int | None
    quorum_required: int | None


@dataclass(frozen=True)
class DecisionSnapshot:
    """A decision as it was before a deletion, to put back with the same UUID."""

    uuid: str
    meeting_uuid: str
    agenda_item_uuid: str | None
    position: int
    values: tuple[tuple[str, Any], ...]
    record: VoteRecord
    created_at: datetime


def vote_record(view: DecisionDetailView) -> VoteRecord:
    return VoteRecord(view.method, view.threshold, view.votes_for, view.votes_against, view.abstentions,
                      tuple((v.organisation_uuid, v.vote) for v in view.votes), view.quorum_present,
                      view.quorum_required)


# --- reading ----------------------------------------------------------------------------------------------------

def ordered(session: Session, meeting: Meeting) -> tuple[list[Decision], dict[str, str]]:
    """The meeting's decisions in number order, and the agenda numbers by item UUID."""
    agenda = agenda_view(session, meeting)
    order = {item.uuid: index for index, item in enumerate(agenda.items)}
    rows = session.execute(select(Decision).where(Decision.meeting_id == meeting.id)
                           .options(selectinload(Decision.agenda_item), selectinload(Decision.votes)
                                    .selectinload(DecisionVote.organisation))).scalars().all()
    last = len(order)
    ranked = sorted(rows, key=lambda d: (order.get(d.agenda_item.uuid, last) if d.agenda_item else last,
                                         d.position, d.id))
    return ranked, {item.uuid: item.number for item in agenda.items}


def _view(session: Session, decision: Decision, number: int, numbers: Mapping[str, str]) -> DecisionDetailView:
    meeting = decision.meeting
    approves = session.get(Meeting, decision.approves_minutes_of_id) if decision.approves_minutes_of_id else None
    item = decision.agenda_item
    return DecisionDetailView(
        uuid=decision.uuid, number=decision_number(meeting.reference, number), meeting_uuid=meeting.uuid,
        meeting_reference=meeting.reference, agenda_item_uuid=item.uuid if item else None,
        agenda_number=numbers.get(item.uuid) if item else None, position=decision.position,
        text_en=decision.text_en, text_fr=decision.text_fr, original_language=decision.original_language,
        translation_status=decision.translation_status, kind=decision.kind, method=decision.method,
        threshold=decision.threshold, votes_for=decision.votes_for, votes_against=decision.votes_against,
        abstentions=decision.abstentions, quorum_present=decision.quorum_present,
        quorum_required=decision.quorum_required, approves_minutes_of_uuid=approves.uuid if approves else None,
        approves_minutes_of_reference=approves.reference if approves else "",
        votes=tuple(sorted((OrganisationVote(v.organisation.uuid, org_short(v.organisation), v.vote)
                            for v in decision.votes), key=lambda v: v.name.casefold())))


def _views(session: Session, meeting: Meeting) -> list[DecisionDetailView]:
    ranked, numbers = ordered(session, meeting)
    return [_view(session, d, n, numbers) for n, d in enumerate(ranked, start=1)]


def _view_of(session: Session, decision: Decision) -> DecisionDetailView:
    session.flush()
    return next(v for v in _views(session, decision.meeting) if v.uuid == decision.uuid)


def list_decisions(db: Database, meeting_uuid: str, agenda_item_uuid: str | None = None) -> list[DecisionDetailView]:
    """The decisions of a meeting in number order (of one item only, if given)."""
    with db.transaction() as session:
        views = _views(session, common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting")))
        return [v for v in views if agenda_item_uuid is None or v.agenda_item_uuid == agenda_item_uuid]


def get_decision(db: Database, uuid: str) -> DecisionDetailView:
    with db.transaction() as session:
        return _view_of(session, common.get_by_uuid(session, Decision, uuid, _("decision")))


def _record_quorum(session: Session, decision: Decision) -> None:
    quorum = quorum_of(session, decision.meeting)
    decision.quorum_present, decision.quorum_required = quorum.present, quorum.required


# --- editing ------------------------------------------------------------------------------------------------------

def _renumber(session: Session, meeting: Meeting) -> None:
    session.flush()
    for index, decision in enumerate(ordered(session, meeting)[0]):
        if decision.position != index:
            decision.position = index


def _set_outcome_after(session: Session, item: AgendaItem | None) -> None:
    if item is None:
        return
    session.flush()
    has = session.execute(select(Decision.id).where(Decision.agenda_item_id == item.id).limit(1)).first()
    if has and item.outcome is ItemOutcome.PENDING:
        item.outcome = ItemOutcome.DECIDED
    elif not has and item.outcome is ItemOutcome.DECIDED:
        item.outcome = ItemOutcome.PENDING


def new_decision(session: Session, meeting: Meeting, item: AgendaItem | None, *, uuid: str | None = None,
                 position: int | None = None, **values: Any) -> Decision:
    """A decision added in an open transaction, after the item's other decisions (or at ``position`` among them)."""
    ensure_editable(meeting)
    if item is not None and item.meeting_id != meeting.id:
        raise DomainError(_("A decision belongs to an item of its own meeting."), field="agenda_item")
    if uuid and session.execute(select(Decision.id).where(Decision.uuid == uuid)).first() is not None:
        raise DomainError(_("This decision is already in the database."))
    ranked, _numbers = ordered(session, meeting)
    mine = [d for d in ranked if d.agenda_item_id == (item.id if item else None)]
    if mine and position is not None and position < len(mine):
        at = ranked.index(mine[max(0, position)])
    elif mine:
        at = ranked.index(mine[-1]) + 1
    else:  # the first of its item: after the decisions of the items before it
        agenda_order = [view.uuid for view in agenda_view(session, meeting).items]
        rank = agenda_order.index(item.uuid) if item is not None else len(agenda_order)
        at = sum(1 for d in ranked if d.agenda_item is not None and agenda_order.index(d.agenda_item.uuid) < rank)
    decision = Decision(text_en="", text_fr="", uuid=uuid or new_uuid())
    common.apply_changes(decision, values, DECISION_FIELDS)
    session.add(decision)
    decision.meeting, decision.agenda_item = meeting, item
    ranked.insert(at, decision)
    for index, row in enumerate(ranked):
        row.position = index
    _record_quorum(session, decision)
    _set_outcome_after(session, item)
    follow_status(session, meeting)
    return decision


def add_decision(db: Database, meeting_uuid: str, agenda_item_uuid: str | None, *, uuid: str | None = None,
                 position: int | None = None, **values: Any) -> DecisionDetailView:
    """A new decision under an agenda item (text may come later, typed into it), with the quorum of now."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        item = common.get_by_uuid(session, AgendaItem, agenda_item_uuid, _("agenda item")) if agenda_item_uuid else None
        return _view_of(session, new_decision(session, meeting, item, uuid=uuid, position=position, **values))


def update_decision(db: Database, uuid: str, changes: Mapping[str, Any]) -> DecisionDetailView:
    with db.transaction() as session:
        decision = common.get_by_uuid(session, Decision, uuid, _("decision"))
        ensure_editable(decision.meeting)
        if decision.votes and any(name in changes for name in _COUNTS):
            raise DomainError(_("The votes are recorded per organisation; change them there."), field="votes_for")
        common.apply_changes(decision, changes, DECISION_FIELDS)
        if any(name in changes for name in _COUNTS) or changes.get("method") == DecisionMethod.VOTE:
            _record_quorum(session, decision)
        return _view_of(session, decision)


def set_votes(db: Database, uuid: str, votes: Mapping[str, Vote | None]) -> DecisionDetailView:
    """Record how each member organisation voted (``None``: remove its vote); the counts follow."""
    with db.transaction() as session:
        decision = common.get_by_uuid(session, Decision, uuid, _("decision"))
        ensure_editable(decision.meeting)
        current = {v.organisation.uuid: v for v in decision.votes}
        for org_uuid, vote in votes.items():
            if vote is None:
                if org_uuid in current:
                    decision.votes.remove(current.pop(org_uuid))
                continue
            org = common.get_by_uuid(session, Organisation, org_uuid, _("organisation"))
            if org.relation is not Relation.MEMBER:
                raise DomainError(_("Only member organisations vote; {name} is not a member.").format(
                    name=org_short(org)), field="votes")
            if org_uuid in current:
                current[org_uuid].vote = Vote(vote)
            else:
                current[org_uuid] = DecisionVote(organisation=org, vote=Vote(vote))
                decision.votes.append(current[org_uuid])
        tally = [v.vote for v in current.values()]
        decision.method = DecisionMethod.VOTE
        decision.votes_for, decision.votes_against, decision.abstentions = (
            tally.count(Vote.FOR), tally.count(Vote.AGAINST), tally.count(Vote.ABSTAIN))
        _record_quorum(session, decision)
        return _view_of(session, decision)


def restore_vote_record(db: Database, uuid: str, record: VoteRecord) -> DecisionDetailView:
    with db.transaction() as session:
        decision = common.get_by_uuid(session, Decision, uuid, _("decision"))
        ensure_editable(decision.meeting)
        _apply_record(session, decision, record)
        return _view_of(session, decision)


def _apply_record(session: Session, decision: Decision, record: VoteRecord) -> None:
    decision.votes.clear()
    session.flush()
    for org_uuid, vote in record.votes:
        decision.votes.append(DecisionVote(organisation=common.get_by_uuid(session, Organisation, org_uuid), vote=vote))
    decision.method, decision.threshold = record.method, record.threshold
    decision.votes_for, decision.votes_against, decision.abstentions = (
        record.votes_for, record.votes_against, record.abstentions)
    decision.quorum_present, decision.quorum_required = record.quorum_present, record.quorum_required


def move_decision(db: Database, uuid: str, position: int) -> DecisionDetailView:
    """Put a decision at ``position`` among the decisions of its item (its number follows)."""
    with db.transaction() as session:
        decision = common.get_by_uuid(session, Decision, uuid, _("decision"))
        meeting = decision.meeting
        ensure_editable(meeting)
        ranked, _numbers = ordered(session, meeting)
        mine = [d for d in ranked if d.agenda_item_id == decision.agenda_item_id]
        slots = [d.position for d in mine]
        mine.remove(decision)
        mine.insert(max(0, min(position, len(mine))), decision)
        for slot, row in zip(slots, mine, strict=True):
            row.position = slot
        return _view_of(session, decision)


def delete_decision(db: Database, uuid: str) -> DecisionSnapshot:
    """Delete a decision that approved nothing; returns what ``restore_decision`` needs to put it back."""
    with db.transaction() as session:
        decision = common.get_by_uuid(session, Decision, uuid, _("decision"))
        meeting = decision.meeting
        ensure_editable(meeting)
        used = (decision.approves_minutes_of_id is not None
                or session.execute(select(Approval.id).where(Approval.decision_id == decision.id).limit(1)).first()
                or session.execute(select(MinutesVersion.id).where(
                    MinutesVersion.approved_by_decision_id == decision.id).limit(1)).first())
        if used:
            raise DomainError(_("This decision approved minutes or a document; it cannot be deleted."),
                              field="decision")
        view = _view_of(session, decision)
        item = decision.agenda_item
        snapshot = DecisionSnapshot(
            uuid=decision.uuid, meeting_uuid=meeting.uuid, agenda_item_uuid=item.uuid if item else None,
            position=[d.uuid for d in ordered(session, meeting)[0] if d.agenda_item_id == decision.agenda_item_id
                      ].index(decision.uuid),
            values=tuple((name, getattr(decision, name)) for name in ("text_en", "text_fr", "kind",
                                                                      "original_language", "translation_status")),
            record=vote_record(view), created_at=decision.created_at)
        session.delete(decision)
        _renumber(session, meeting)
        _set_outcome_after(session, item)
        follow_status(session, meeting)
        return snapshot


def restore_decision(db: Database, snapshot: DecisionSnapshot) -> DecisionDetailView:
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, snapshot.meeting_uuid, _("meeting"))
        item = (common.get_by_uuid(session, AgendaItem, snapshot.agenda_item_uuid, _("agenda item"))
                if snapshot.agenda_item_uuid else None)
        decision = new_decision(session, meeting, item, uuid=snapshot.uuid, position=snapshot.position,
                                **dict(snapshot.values))
        decision.created_at = snapshot.created_at
        session.flush()
        _apply_record(session, decision, snapshot.record)
        return _view_of(session, decision)
