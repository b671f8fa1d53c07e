"""The approval of minutes: circulation of the draft to named people with a deadline and the log of their
replies, frozen numbered versions, approval by a later meeting's decision or by the chair on a date, the
lock, and corrections of locked minutes (a new version with a reason).

Draft → circulated (a frozen version; later changes show as differences against it) → approved (an
approved version) → locked.  Changes made after the approval (amendments agreed at it) are frozen as a
correction version with a reason when the minutes are locked.  ``correct_minutes`` unlocks locked minutes
into a new correction version, whose content is the corrected text frozen at the next lock.  Each step
has its undo here too (withdraw, revoke, unlock), used by the undo stack right after the step.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import AgendaItemKind, DecisionKind, MinutesVersionKind, ReplyKind
from app.domain.models import (
    AgendaItem,
    Circulation,
    CirculationRecipient,
    Decision,
    Meeting,
    MinutesVersion,
    Person,
)
from app.errors import DomainError
from app.i18n import _
from app.persistence.base import new_uuid
from app.persistence.database import Database
from app.services import common
from app.services.minutes import (
    MinutesState,
    current_content,
    decision_number_of,
    ensure_editable,
    follow_status,
    minutes_state,
)

# Decision texts are minutes content, written in both languages whatever the interface language.
APPROVAL_TEXT = ("The minutes of the meeting {reference} were approved.",
                 "Le procès-verbal de la réunion {reference} est approuvé.")


@dataclass(frozen=True)
class RecipientView:
    uuid: str
    person_uuid: str
    name: str
    organisation_short: str
    email: str | None
    replied_on: date | None
    reply: ReplyKind | None
    comments: str

    @property
    def answered(self) -> bool:
        return self.reply is not None


@dataclass(frozen=True)
class CirculationView:
    uuid: str
    version_uuid: str
    version_number: int
    sent_on: date
    deadline: date
    recipients: tuple[RecipientView, ...]

    @property
    def awaiting(self) -> tuple[RecipientView, ...]:
        """Who has not answered yet."""
        return tuple(r for r in self.recipients if not r.answered)

    def past_deadline(self, today: date) -> bool:
        return today > self.deadline


@dataclass(frozen=True)
class ApprovalView:
    state: MinutesState
    circulations: tuple[CirculationView, ...]  # oldest first

    @property
    def current(self) -> CirculationView | None:
        return self.circulations[-1] if self.circulations else None


@dataclass(frozen=True)
class LockReceipt:
    """What ``lock_minutes`` did, so that its undo can put things back exactly."""

    meeting_uuid: str
    created_version_uuid: str | None
    corrected_version_uuid: str | None
    previous_content: str
    previous_sha256: str


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers): record that, never fail the step
        return "unknown"


def _short(person: Person) -> str:
    org = person.organisation
    return (org.acronym_en or org.name_en) if org else ""


def _recipient_view(row: CirculationRecipient) -> RecipientView:
    person = row.person
    return RecipientView(
        uuid=row.uuid, person_uuid=person.uuid,
        name=" ".join(p for p in (person.given_name, person.family_name) if p),
        organisation_short=_short(person), email=person.email, replied_on=row.replied_on, reply=row.reply,
        comments=row.comments)


def _circulation_view(session: Session, row: Circulation) -> CirculationView:
    version = session.get(MinutesVersion, row.minutes_version_id)
    assert version is not None
    return CirculationView(uuid=row.uuid, version_uuid=version.uuid, version_number=version.number,
                           sent_on=row.sent_on, deadline=row.deadline,
                           recipients=tuple(_recipient_view(r) for r in row.recipients))


def _circulations(session: Session, meeting: Meeting) -> tuple[CirculationView, ...]:
    rows = session.execute(
        select(Circulation).where(Circulation.meeting_id == meeting.id)
        .options(selectinload(Circulation.recipients).selectinload(CirculationRecipient.person)
                 .selectinload(Person.organisation))
        .order_by(Circulation.sent_on, Circulation.id)).scalars().all()
    return tuple(_circulation_view(session, row) for row in rows)


def get_approval(db: Database, meeting_uuid: str) -> ApprovalView:
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        return ApprovalView(minutes_state(session, meeting), _circulations(session, meeting))


def _latest(session: Session, meeting: Meeting) -> MinutesVersion | None:
    return session.execute(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting.id)
                           .order_by(MinutesVersion.number.desc()).limit(1)).scalar_one_or_none()


def _new_version(session: Session, meeting: Meeting, kind: MinutesVersionKind, content: tuple[str, str],
                 reason: str = "", uuid: str | None = None) -> MinutesVersion:
    latest = _latest(session, meeting)
    version = MinutesVersion(meeting=meeting, number=(latest.number if latest else 0) + 1, kind=kind,
                             content=content[0], sha256=content[1], reason=reason, os_user=_os_user(),
                             uuid=uuid or new_uuid())  # known now: undo steps need it before any flush
    session.add(version)
    return version


# --- circulation -----------------------------------------------------------------------------------------------

def circulate_minutes(db: Database, meeting_uuid: str, person_uuids: Sequence[str], sent_on: date, deadline: date,
                      *, uuid: str | None = None, version_uuid: str | None = None) -> CirculationView:
    """Freeze the draft as a new circulated version and send it to ``person_uuids`` for reply by ``deadline``."""
    content = current_content(db, meeting_uuid)
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        ensure_editable(meeting)
        if meeting.minutes_approved_on is not None:
            raise DomainError(_("These minutes are already approved; they are no longer circulated for comment."),
                              field="minutes")
        people = [common.get_by_uuid(session, Person, p, _("person")) for p in dict.fromkeys(person_uuids)]
        if not people:
            raise DomainError(_("Choose at least one person to send the draft minutes to."), field="recipients")
        if deadline < sent_on:
            raise DomainError(_("The deadline for replies cannot be before the day the draft is sent."),
                              field="deadline")
        version = _new_version(session, meeting, MinutesVersionKind.CIRCULATED, content, uuid=version_uuid)
        circulation = Circulation(meeting_id=meeting.id, sent_on=sent_on, deadline=deadline)
        if uuid:
            circulation.uuid = uuid
        session.flush()
        circulation.minutes_version_id = version.id
        circulation.recipients = [CirculationRecipient(person=person) for person in people]
        session.add(circulation)
        follow_status(session, meeting)
        return _circulation_view(session, circulation)


def withdraw_circulation(db: Database, circulation_uuid: str) -> None:
    """Undo a circulation: its recipients, and its version if nothing else uses it."""
    with db.transaction() as session:
        circulation = common.get_by_uuid(session, Circulation, circulation_uuid, _("circulation"))
        meeting = session.get(Meeting, circulation.meeting_id)
        assert meeting is not None
        version_id = circulation.minutes_version_id
        session.delete(circulation)
        session.flush()
        others = session.execute(select(func.count()).select_from(Circulation)
                                 .where(Circulation.minutes_version_id == version_id)).scalar()
        version = session.get(MinutesVersion, version_id)
        if not others and version is not None and version.kind is MinutesVersionKind.CIRCULATED:
            session.delete(version)
        follow_status(session, meeting)


def record_reply(db: Database, recipient_uuid: str, reply: ReplyKind | None, replied_on: date | None,
                 comments: str = "") -> RecipientView:
    """Log a recipient's reply (comments, or no comments); ``reply=None`` clears it (not answered)."""
    with db.transaction() as session:
        row = common.get_by_uuid(session, CirculationRecipient, recipient_uuid, _("recipient"))
        comments = (comments or "").strip()
        if reply is None:
            row.reply, row.replied_on, row.comments = None, None, ""
            return _recipient_view(row)
        reply = ReplyKind(reply)
        if replied_on is None:
            raise DomainError(_("Enter the date of the reply."), field="replied_on")
        if replied_on < row.circulation.sent_on:
            raise DomainError(_("A reply cannot come before the draft was sent ({date}).").format(
                date=row.circulation.sent_on.isoformat()), field="replied_on")
        if reply is ReplyKind.COMMENTS and not comments:
            raise DomainError(_("Summarise the comments received."), field="comments")
        row.reply, row.replied_on = reply, replied_on
        row.comments = comments if reply is ReplyKind.COMMENTS else ""
        return _recipient_view(row)


# --- approval -----------------------------------------------------------------------------------------------------

def _meeting_day(meeting: Meeting) -> date:
    return meeting.starts_at.astimezone(ZoneInfo(meeting.time_zone)).date()


def _check_approvable(meeting: Meeting) -> None:
    ensure_editable(meeting)
    if meeting.minutes_approved_on is not None:
        raise DomainError(_("The minutes of {reference} are already approved.").format(reference=meeting.reference),
                          field="minutes")


def _approve(session: Session, meeting: Meeting, content: tuple[str, str], on: date, by: str,
             decision: Decision | None) -> None:
    version = _new_version(session, meeting, MinutesVersionKind.APPROVED, content)
    version.approved_on = on
    if decision is not None:
        session.flush()
        version.approved_by_decision_id = decision.id
        decision.approves_minutes_of_id = meeting.id
    meeting.minutes_approved_on, meeting.minutes_approved_by = on, by[:200]
    follow_status(session, meeting)


def _approve_by_decision(session: Session, meeting: Meeting, decision: Decision, content: tuple[str, str]) -> None:
    _check_approvable(meeting)
    later = decision.meeting
    if later.id == meeting.id or later.starts_at <= meeting.starts_at:
        raise DomainError(_("Minutes are approved by a decision of a later meeting."), field="decision")
    session.flush()
    _approve(session, meeting, content, _meeting_day(later), decision_number_of(session, decision.id), decision)


def approve_minutes_by_decision(db: Database, meeting_uuid: str, decision_uuid: str) -> MinutesState:
    """Approve the minutes of ``meeting_uuid`` by a decision taken at a later meeting, on that meeting's day."""
    content = current_content(db, meeting_uuid)
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        decision = common.get_by_uuid(session, Decision, decision_uuid, _("decision"))
        _approve_by_decision(session, meeting, decision, content)
        return minutes_state(session, meeting)


def approve_minutes_by_chair(db: Database, meeting_uuid: str, on_date: date, chair_name: str) -> MinutesState:
    """Approve the minutes by the chair's own authority on ``on_date``."""
    content = current_content(db, meeting_uuid)
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        _check_approvable(meeting)
        name = (chair_name or "").strip()
        if not name:
            raise DomainError(_("Enter the name of the chair who approved the minutes."), field="chair_name")
        if on_date < _meeting_day(meeting):
            raise DomainError(_("Minutes cannot be approved before the meeting was held."), field="approved_on")
        _approve(session, meeting, content, on_date, name, None)
        return minutes_state(session, meeting)


def approve_previous_minutes(db: Database, item_uuid: str, *, decision_uuid: str | None = None) -> MinutesState:
    """At an 'approval of previous minutes' item: record the approval decision there, in both languages,
    and approve the minutes of the meeting the item refers to by it.  Returns that earlier meeting's state."""
    from app.services.decisions import new_decision  # decisions imports this package's minutes module

    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, item_uuid, _("agenda item"))
        if item.kind is not AgendaItemKind.PREVIOUS_MINUTES or item.refers_to_meeting_id is None:
            raise DomainError(_("This item does not approve the minutes of an earlier meeting."), field="item")
        earlier_uuid = session.execute(select(Meeting.uuid).where(Meeting.id == item.refers_to_meeting_id)).scalar_one()
    content = current_content(db, earlier_uuid)
    with db.transaction() as session:
        item = common.get_by_uuid(session, AgendaItem, item_uuid, _("agenda item"))
        earlier = common.get_by_uuid(session, Meeting, earlier_uuid, _("meeting"))
        _check_approvable(earlier)
        english, french = (text.format(reference=earlier.reference) for text in APPROVAL_TEXT)
        decision = new_decision(session, item.meeting, item, uuid=decision_uuid, text_en=english, text_fr=french,
                                kind=DecisionKind.APPROVAL)
        _approve_by_decision(session, earlier, decision, content)
        return minutes_state(session, earlier)


def revoke_minutes_approval(db: Database, meeting_uuid: str) -> MinutesState:
    """Undo an approval just recorded: its version goes, the meeting is no longer approved."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        ensure_editable(meeting)
        latest = _latest(session, meeting)
        if latest is None or latest.kind is not MinutesVersionKind.APPROVED:
            raise DomainError(_("The approval is no longer the last step of these minutes."), field="minutes")
        if latest.approved_by_decision_id is not None:
            decision = session.get(Decision, latest.approved_by_decision_id)
            if decision is not None:
                decision.approves_minutes_of_id = None
        session.delete(latest)
        meeting.minutes_approved_on, meeting.minutes_approved_by = None, ""
        follow_status(session, meeting)
        return minutes_state(session, meeting)


def undo_previous_minutes_approval(db: Database, decision_uuid: str) -> None:
    """Undo ``approve_previous_minutes``: revoke the approval and remove the decision it recorded."""
    with db.transaction() as session:
        decision = common.get_by_uuid(session, Decision, decision_uuid, _("decision"))
        earlier_uuid = session.execute(select(Meeting.uuid).where(Meeting.id == decision.approves_minutes_of_id)
                                       ).scalar_one_or_none()
    if earlier_uuid is not None:
        revoke_minutes_approval(db, earlier_uuid)
    from app.services.decisions import delete_decision

    delete_decision(db, decision_uuid)


# --- lock and corrections -------------------------------------------------------------------------------------------

def lock_minutes(db: Database, meeting_uuid: str, reason: str = "") -> LockReceipt:
    """Make approved minutes read-only.  Changes since the last version are frozen first: into the open
    correction if there is one, else into a new correction version, which then needs ``reason``."""
    content = current_content(db, meeting_uuid)
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        if meeting.minutes_locked:
            raise DomainError(_("These minutes are already locked."), field="minutes")
        if meeting.minutes_approved_on is None:
            raise DomainError(_("Only approved minutes can be locked."), field="minutes")
        latest = _latest(session, meeting)
        created = corrected = None
        previous = ("", "")
        if latest is not None and latest.sha256 != content[1]:
            if latest.kind is MinutesVersionKind.CORRECTION:  # the correction opened by correct_minutes
                previous = (latest.content, latest.sha256)
                latest.content, latest.sha256 = content
                corrected = latest.uuid
            else:
                if not reason.strip():
                    raise DomainError(_("The minutes changed since they were approved: say why (for example, "
                                        "amendments agreed at the approval)."), field="reason")
                created = _new_version(session, meeting, MinutesVersionKind.CORRECTION, content, reason.strip()).uuid
        meeting.minutes_locked = True
        session.flush()
        return LockReceipt(meeting.uuid, created, corrected, *previous)


def unlock_minutes(db: Database, receipt: LockReceipt) -> MinutesState:
    """Undo ``lock_minutes``: unlocked again, and any version it made or completed put back as it was."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, receipt.meeting_uuid, _("meeting"))
        if receipt.created_version_uuid:
            session.delete(common.get_by_uuid(session, MinutesVersion, receipt.created_version_uuid, _("version")))
        if receipt.corrected_version_uuid:
            version = common.get_by_uuid(session, MinutesVersion, receipt.corrected_version_uuid, _("version"))
            version.content, version.sha256 = receipt.previous_content, receipt.previous_sha256
        meeting.minutes_locked = False
        return minutes_state(session, meeting)


def correct_minutes(db: Database, meeting_uuid: str, reason: str, *, uuid: str | None = None) -> MinutesState:
    """Unlock locked minutes into a new correction version (kept with its reason); lock them again when done."""
    content = current_content(db, meeting_uuid)
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        if not meeting.minutes_locked:
            raise DomainError(_("Only locked minutes need a correction; these can be edited."), field="minutes")
        if not (reason or "").strip():
            raise DomainError(_("Say why the minutes are corrected."), field="reason")
        _new_version(session, meeting, MinutesVersionKind.CORRECTION, content, reason.strip(), uuid)
        meeting.minutes_locked = False
        session.flush()
        return minutes_state(session, meeting)


def undo_correction(db: Database, meeting_uuid: str, version_uuid: str) -> MinutesState:
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        version = common.get_by_uuid(session, MinutesVersion, version_uuid, _("version"))
        if version.meeting_id != meeting.id or version.kind is not MinutesVersionKind.CORRECTION:
            raise DomainError(_("This correction is not one of these minutes."), field="minutes")
        session.delete(version)  # through the session, so that the audit trail records it
        meeting.minutes_locked = True
        return minutes_state(session, meeting)
