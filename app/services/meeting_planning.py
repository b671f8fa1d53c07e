"""Planning meetings: a new meeting made from a previous one, moving a meeting in time, and the
reference code to propose for the next one.

Agenda items that open a later session (day 2, 09:00) keep their day of the meeting and their local clock
time when the meeting moves or is copied, so the schedule stays what the secretariat planned.
"""

from __future__ import annotations

import re
import uuid as uuid_module
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.domain.enums import AgendaItemKind, Attendance, InvitationStatus, ItemOutcome
from app.domain.models import AgendaItem, Meeting, Participation, agenda_item_document, agenda_item_presenter
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.meetings import (
    MEETING_FIELDS,
    _apply,
    _check_meeting,
    _new_meeting,
    find_meeting,
    meeting_view,
)
from app.services.views import MeetingView

# What a meeting made "from a previous meeting" inherits unless told otherwise: how the taskforce meets,
# not where, when or under which title (the host and the venue rotate; the chair serves a term).
INHERITED_FIELDS = ("kind", "mode", "marking", "quorum_rule", "original_language", "time_zone", "chair",
                    "secretary")


def create_meeting_from(db: Database, previous_uuid: str, uuid: str | None = None, **values: Any) -> MeetingView:
    """A new meeting shaped on a previous one, in one transaction.

    ``values`` are those of ``create_meeting`` (reference, titles, starts_at, ends_at are needed; the time
    zone, kind, mode, marking, quorum rule, chair and secretary default to the previous meeting's).  The
    agenda is copied with its structure, durations, presenters and linked documents, its outcomes reset,
    and an item opening a later day keeps its day and clock time; everyone on the previous attendee list
    is invited again (attendance unknown).  Minutes, decisions and actions stay with the previous meeting.
    Copied items and invitations get UUIDs derived from the new meeting's, so a redone creation gives
    back the very same rows.
    """
    with db.transaction() as session:
        previous = find_meeting(session, previous_uuid)
        meeting = _new_meeting(session, uuid)
        for required in ("starts_at", "ends_at"):
            if required not in values:
                raise DomainError(_("A meeting needs a start, an end and a time zone."), field=required)
        for name in INHERITED_FIELDS:
            setattr(meeting, name, getattr(previous, name))
        _apply(session, meeting, values)
        _check_meeting(session, meeting)
        session.add(meeting)
        session.flush()
        _copy_agenda(session, previous, meeting)
        _copy_invitations(session, previous, meeting)
        session.flush()
        return meeting_view(meeting)


def _derived_uuid(meeting: Meeting, source_uuid: str) -> str:
    return str(uuid_module.uuid5(uuid_module.NAMESPACE_URL, f"chairdesk:{meeting.uuid}/{source_uuid}"))


def _copy_agenda(session: Session, previous: Meeting, meeting: Meeting) -> None:
    items = session.execute(
        select(AgendaItem).where(AgendaItem.meeting_id == previous.id).order_by(AgendaItem.id)
    ).scalars().all()
    copies: dict[int, AgendaItem] = {}
    for item in sorted(items, key=lambda i: (i.parent_id is not None, i.position, i.id)):  # parents first
        copies[item.id] = AgendaItem(
            uuid=_derived_uuid(meeting, item.uuid), meeting=meeting,
            parent=copies[item.parent_id] if item.parent_id is not None else None, position=item.position,
            title_en=item.title_en, title_fr=item.title_fr, description_en=item.description_en,
            description_fr=item.description_fr, kind=item.kind, visibility=item.visibility,
            duration_minutes=item.duration_minutes, outcome=ItemOutcome.PENDING,
            fixed_start=_moved(item.fixed_start, previous, meeting.starts_at, meeting.time_zone),
            original_language=item.original_language, translation_status=item.translation_status,
            # "Approval of the previous minutes" now means the minutes of the meeting copied from.
            refers_to_meeting_id=previous.id if item.kind == AgendaItemKind.PREVIOUS_MINUTES else None,
        )
        session.add(copies[item.id])
    session.flush()
    for table, column in ((agenda_item_presenter, "person_id"), (agenda_item_document, "document_id")):
        links = session.execute(
            select(table).where(table.c.agenda_item_id.in_(list(copies)))
        ).mappings().all()
        if links:
            session.execute(insert(table), [
                {"agenda_item_id": copies[link["agenda_item_id"]].id, column: link[column],
                 "position": link["position"]} for link in links
            ])


def _copy_invitations(session: Session, previous: Meeting, meeting: Meeting) -> None:
    participations = session.execute(
        select(Participation).where(Participation.meeting_id == previous.id).order_by(Participation.id)
    ).scalars().all()
    for old in participations:
        session.add(Participation(
            uuid=_derived_uuid(meeting, old.uuid), meeting=meeting, person_id=old.person_id,
            organisation_id=old.organisation_id, role=old.role, invitation_status=InvitationStatus.INVITED,
            attendance=Attendance.UNKNOWN,
        ))


def _moved(fixed_start: datetime | None, meeting: Meeting, starts_at: datetime, time_zone: str) -> datetime | None:
    """A fixed start moved with its meeting: the same day of the meeting, the same local clock time."""
    if fixed_start is None:
        return None
    old_zone, new_zone = ZoneInfo(meeting.time_zone), ZoneInfo(time_zone)
    local = fixed_start.astimezone(old_zone)
    day = (local.date() - meeting.starts_at.astimezone(old_zone).date()).days
    new_day = starts_at.astimezone(new_zone).date() + timedelta(days=day)
    return datetime.combine(new_day, local.time().replace(tzinfo=None), tzinfo=new_zone)


def reschedule_meeting(db: Database, uuid: str, starts_at: datetime, ends_at: datetime,
                       time_zone: str) -> MeetingView:
    """New start, end and time zone together; agenda items with a fixed start keep their day and clock time."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, uuid, _("meeting"))
        checked = {name: MEETING_FIELDS[name].check(value) for name, value in
                   (("time_zone", time_zone), ("starts_at", starts_at), ("ends_at", ends_at))}
        fixed = session.execute(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.fixed_start.is_not(None))
        ).scalars().all()
        moved = {item.id: _moved(item.fixed_start, meeting, checked["starts_at"], checked["time_zone"])
                 for item in fixed}
        common.apply_changes(meeting, checked, MEETING_FIELDS)
        _check_meeting(session, meeting)
        for item in fixed:
            if item.fixed_start != moved[item.id]:
                item.fixed_start = moved[item.id]
        return meeting_view(meeting)


_DATED_REFERENCE = re.compile(r"^(?P<head>.*?)(?P<year>(?:19|20)\d\d)(?P<sep>[-_./ ]?)(?P<month>0[1-9]|1[0-2])(?P<tail>.*)$")


def suggest_reference(db: Database, starts_at: datetime, time_zone: str, previous_uuid: str | None = None) -> str:
    """A free reference for a meeting starting then, shaped like the previous (or latest) meeting's.

    After ``VGT-2019-10``, a meeting starting in April 2020 gets ``VGT-2020-04`` (``VGT-2020-04-2`` if
    that is taken); a database whose references carry no year and month gets ``2020-04``.
    """
    local = starts_at.astimezone(ZoneInfo(time_zone)) if starts_at.tzinfo else starts_at
    with db.transaction() as session:
        if previous_uuid:
            model = find_meeting(session, previous_uuid).reference
        else:
            latest = session.execute(select(Meeting.reference).order_by(Meeting.starts_at.desc()).limit(1)).first()
            model = latest[0] if latest else ""
        taken = {upper for (upper,) in session.execute(select(func.upper(Meeting.reference)))}
    shape = _DATED_REFERENCE.match(model or "")
    head, sep, tail = (shape["head"], shape["sep"], "") if shape else ("", "-", "")
    base = f"{head}{local.year:04d}{sep}{local.month:02d}{tail}"
    candidate, number = base, 1
    while candidate.upper() in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
