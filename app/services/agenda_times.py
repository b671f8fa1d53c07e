"""Times for participants: a meeting's (or an item's) start and end in the time zones of those who attend.

For online and hybrid meetings the secretariat picks a slot that is humane for Canberra as for Ottawa.
The zones are those of the people on the attendee list (less those who declined or sent apologies) plus a
default set of the taskforce's usual places; each time is rated against the local clock: office hours
(08:00–18:00), early or late but bearable (07:00–22:00), or unsociable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from enum import IntEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.domain.enums import Attendance, InvitationStatus
from app.domain.models import Meeting, Participation, Person
from app.domain.rules import is_valid_time_zone
from app.i18n import N_, _, babel_locale, current_language
from app.persistence.database import Database
from app.services import common

# Canberra keeps Sydney's clock; Abu Dhabi keeps Dubai's; Ottawa keeps Toronto's; Washington New York's.
DEFAULT_PLACES: tuple[tuple[str, str], ...] = (
    ("Australia/Sydney", N_("Canberra")),
    ("Asia/Dubai", N_("Abu Dhabi")),
    ("Europe/Amsterdam", N_("The Hague")),
    ("Europe/London", N_("London")),
    ("America/Toronto", N_("Ottawa")),
    ("America/New_York", N_("Washington")),
)

# Other names of the same clocks, so that a person in "Australia/Canberra" counts towards Canberra's row.
ALIASES = {
    "Australia/Canberra": "Australia/Sydney", "Australia/ACT": "Australia/Sydney", "Australia/NSW": "Australia/Sydney",
    "Canada/Eastern": "America/Toronto", "America/Montreal": "America/Toronto", "America/Nipigon": "America/Toronto",
    "US/Eastern": "America/New_York", "EST5EDT": "America/New_York", "GB": "Europe/London",
    "Europe/Belfast": "Europe/London", "Asia/Muscat": "Asia/Dubai",
}

OFFICE_HOURS = (time(8, 0), time(18, 0))
BEARABLE_HOURS = (time(7, 0), time(22, 0))


class Comfort(IntEnum):
    """How a local time sits with the people there; a higher value is worse."""

    OFFICE_HOURS = 0
    EARLY_OR_LATE = 1
    UNSOCIABLE = 2


@dataclass(frozen=True)
class ZoneCount:
    zone: str
    participants: int


@dataclass(frozen=True)
class ZoneTime:
    zone: str
    place: str  # in the active language
    participants: int
    starts: datetime  # local, aware
    ends: datetime
    start_comfort: Comfort
    end_comfort: Comfort

    @property
    def comfort(self) -> Comfort:
        return max(self.start_comfort, self.end_comfort)

    @property
    def utc_offset_minutes(self) -> int:
        offset = self.starts.utcoffset()
        return int(offset.total_seconds() // 60) if offset is not None else 0


def canonical_zone(zone: str) -> str:
    return ALIASES.get(zone, zone)


def participant_time_zones(db: Database, meeting_uuid: str) -> list[ZoneCount]:
    """The distinct time zones of the people expected at the meeting, with how many people are in each."""
    with db.transaction() as session:
        meeting = common.get_by_uuid(session, Meeting, meeting_uuid, _("meeting"))
        rows = session.execute(
            select(Person.time_zone).join(Participation, Participation.person_id == Person.id)
            .where(Participation.meeting_id == meeting.id, Person.time_zone.is_not(None),
                   Participation.invitation_status != InvitationStatus.DECLINED,
                   Participation.attendance != Attendance.APOLOGIES)
        ).scalars().all()
    counts = Counter(canonical_zone(zone) for zone in rows if zone and is_valid_time_zone(zone))
    return [ZoneCount(zone, count) for zone, count in sorted(counts.items())]


def rate(moment: datetime) -> Comfort:
    clock = moment.time()
    if OFFICE_HOURS[0] <= clock <= OFFICE_HOURS[1]:
        return Comfort.OFFICE_HOURS
    if BEARABLE_HOURS[0] <= clock <= BEARABLE_HOURS[1]:
        return Comfort.EARLY_OR_LATE
    return Comfort.UNSOCIABLE


def place_name(zone: str, language: str | None = None) -> str:
    """``Canberra`` for the default places, else the city Babel knows for the zone (``Paris``, ``Dubaï``)."""
    for default_zone, name in DEFAULT_PLACES:
        if default_zone == zone:
            return _(name)
    from babel.dates import get_timezone_location

    try:
        return str(get_timezone_location(ZoneInfo(zone), locale=babel_locale(language), return_city=True))
    except (LookupError, ValueError):
        return zone


def zone_times(zones: Sequence[ZoneCount], starts: datetime, ends: datetime,
               with_defaults: bool = True, language: str | None = None) -> list[ZoneTime]:
    """One row per place, east to west: local start and end of ``starts``–``ends`` and how humane they are."""
    counts: dict[str, int] = {zone: 0 for zone, _name in DEFAULT_PLACES} if with_defaults else {}
    for entry in zones:
        zone = canonical_zone(entry.zone)
        counts[zone] = counts.get(zone, 0) + entry.participants
    lang = language or current_language()
    rows = []
    for zone, participants in counts.items():
        local_start, local_end = starts.astimezone(ZoneInfo(zone)), ends.astimezone(ZoneInfo(zone))
        rows.append(ZoneTime(zone=zone, place=place_name(zone, lang), participants=participants, starts=local_start,
                             ends=local_end, start_comfort=rate(local_start), end_comfort=rate(local_end)))
    return sorted(rows, key=lambda row: (-row.utc_offset_minutes, row.place))
