"""A meeting's invitation as an iCalendar file (RFC 5545) that Outlook, Apple Calendar and Thunderbird open.

One VEVENT in a VCALENDAR with ``METHOD:REQUEST``: the meeting's start and end in its own IANA time zone,
described by a VTIMEZONE built from the zone data (limited to the years of the meeting, so that each
daylight-saving change is a single dated rule that every client reads alike), the secretary as organiser
and every participant who has not declined as an attendee.  The UID stays the same from one export to the
next (``<meeting uuid>@chairdesk``) and the SEQUENCE grows with the meeting's last change, so a second
export updates the calendar entry instead of adding one.  Meetings marked TLP:AMBER or TLP:RED are
``CLASS:CONFIDENTIAL``.  Closed-session items are left out of the agenda in the description.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress

from app import __version__
from app.domain.enums import InvitationStatus, Marking, Role, Visibility
from app.domain.models import Meeting, Person
from app.errors import ChairdeskError, DomainError
from app.i18n import N_, _
from app.meeting_text import place
from app.persistence.database import Database
from app.reports.options import Lang
from app.services.agenda import agenda_view
from app.services.attendees import AttendeeView, attendee_list
from app.services.meetings import find_meeting
from app.services.views import AgendaView, pick

PRODID = f"-//Chairdesk//Chairdesk {__version__}//EN"
CONFIDENTIAL = frozenset({Marking.AMBER, Marking.AMBER_STRICT, Marking.RED})
PARTSTAT = {
    InvitationStatus.NOT_INVITED: "NEEDS-ACTION",
    InvitationStatus.INVITED: "NEEDS-ACTION",
    InvitationStatus.CONFIRMED: "ACCEPTED",
    InvitationStatus.TENTATIVE: "TENTATIVE",
}
AGENDA_HEADING = N_("Agenda")
ONLINE_LINE = N_("Online: {url}")


@dataclass(frozen=True)
class InvitationSummary:
    """What an export wrote: the file, how many attendees it invites, and who was left out for want of an
    e-mail address (a calendar cannot invite someone without one)."""

    path: Path
    attendees: int
    without_email: tuple[str, ...]


def _name(person: Person) -> str:
    return " ".join(part for part in (person.given_name, person.family_name) if part)


def _organiser(meeting: Meeting) -> vCalAddress:
    for person in (meeting.secretary, meeting.chair):
        if person is not None and person.email:
            return vCalAddress.new(person.email, cn=_name(person))
    raise DomainError(_("An invitation needs an organiser: give the meeting a secretary (or a chair) with an "
                        "e-mail address in the directory."), field="secretary")


def _role(role: Role) -> str:
    if role in (Role.CHAIR, Role.CO_CHAIR):
        return "CHAIR"
    if role == Role.OBSERVER:
        return "OPT-PARTICIPANT"
    return "REQ-PARTICIPANT"


def _attendee(row: AttendeeView) -> vCalAddress:
    assert row.email is not None
    return vCalAddress.new(row.email, cn=row.person_name, cutype="INDIVIDUAL", role=_role(row.role),
                           partstat=PARTSTAT[row.invitation_status], rsvp=True)


def _description(lang: Lang, agenda: AgendaView, meeting: Meeting) -> str:
    _ = lang.gettext
    closed = {item.uuid for item in agenda.items if item.visibility == Visibility.CLOSED}
    lines = [meeting.marking.value, ""]
    shown = [item for item in agenda.items if item.uuid not in closed and item.parent_uuid not in closed]
    if shown:
        lines.append(_(AGENDA_HEADING))
        lines += [f"{'    ' * item.depth}{item.number}. {pick(item.title_en, item.title_fr, lang.code).text}"
                  for item in shown]
    if meeting.online_url.strip():
        lines += ["", _(ONLINE_LINE).format(url=meeting.online_url.strip())]
    return "\n".join(lines).strip()


def _location(lang: Lang, meeting: Meeting) -> str:
    where = place(meeting.venue, meeting.city, meeting.country, lang.code)
    return where or meeting.online_url.strip()


def build_invitation(db: Database, meeting: str, language: str = "en",
                     now: datetime | None = None) -> tuple[Calendar, InvitationSummary]:
    """The calendar for ``meeting`` (reference or UUID) in ``language``; ``now`` is the DTSTAMP (tests)."""
    lang = Lang(language)
    with db.transaction() as session:
        found = find_meeting(session, meeting)
        organiser = _organiser(found)
        agenda = agenda_view(session, found)
        rows = attendee_list(session, found, language).rows
        zone = ZoneInfo(found.time_zone)
        start, end = found.starts_at.astimezone(zone), found.ends_at.astimezone(zone)
        invited = [row for row in rows if row.invitation_status != InvitationStatus.DECLINED]
        event = Event.new(
            uid=f"{found.uuid}@chairdesk",
            stamp=(now or datetime.now(UTC)).astimezone(UTC),
            start=start,
            end=end,
            summary=pick(found.title_en, found.title_fr, language).text,
            location=_location(lang, found) or None,
            description=_description(lang, agenda, found),
            organizer=organiser,
            attendees=[_attendee(row) for row in invited if row.email],
            sequence=max(0, int((found.updated_at - found.created_at).total_seconds() // 60)),
        )
        if found.online_url.strip():
            event.add("url", found.online_url.strip())
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        if found.marking in CONFIDENTIAL:
            event.add("class", "CONFIDENTIAL")
        calendar = Calendar.new(prodid=PRODID, method="REQUEST")
        calendar.pop("UID", None)  # icalendar adds an RFC 7986 calendar UID; the event's UID is the one that counts
        calendar.add("calscale", "GREGORIAN")
        calendar.add_component(Timezone.from_tzinfo(zone, tzid=found.time_zone, first_date=date(start.year, 1, 1),
                                                    last_date=date(end.year + 1, 1, 1)))
        calendar.add_component(event)
        summary = InvitationSummary(path=Path(), attendees=sum(1 for row in invited if row.email),
                                    without_email=tuple(row.person_name for row in invited if not row.email))
    return calendar, summary


def write_invitation(db: Database, meeting_uuid: str, path: Path, language: str = "en",
                     now: datetime | None = None) -> InvitationSummary:
    """Write the invitation of a meeting (reference or UUID) to ``path``, atomically."""
    calendar, summary = build_invitation(db, meeting_uuid, language, now)
    data = calendar.to_ical()
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    temp: Path | None = None
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".chairdesk-", suffix=".ics")
        temp = Path(temp_name)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        temp.replace(path)
    except OSError as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise ChairdeskError(_("Cannot write {file}: {reason}").format(file=path, reason=exc.strerror or exc)) from exc
    return InvitationSummary(path=path, attendees=summary.attendees, without_email=summary.without_email)
