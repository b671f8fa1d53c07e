"""The agenda as plain text for the command line: numbers, start times in the meeting's time zone, durations,
titles in the chosen language, the planned end against the meeting's end and, on request, the times for
participants (local start and end where each participant is, and how humane they are).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from app.i18n import N_, _, format_date, format_time, ngettext, time_zone_name
from app.persistence.database import Database
from app.services.agenda import get_agenda
from app.services.agenda_times import Comfort, participant_time_zones, zone_times
from app.services.meetings import get_meeting

COMFORT_TEXT = {
    Comfort.OFFICE_HOURS: N_("Office hours"),
    Comfort.EARLY_OR_LATE: N_("Early or late"),
    Comfort.UNSOCIABLE: N_("Unsociable hour"),
}


def duration_text(minutes: int) -> str:
    if minutes < 60:
        return ngettext("{count} min", "{count} min", minutes).format(count=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return ngettext("{hours} h", "{hours} h", hours).format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers) - 1)]
    return ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])) + "  " + row[-1]
            for row in [headers, *rows]]


def agenda_lines(db: Database, reference_or_uuid: str, language: str, zones: bool = False) -> list[str]:
    meeting = get_meeting(db, reference_or_uuid, language)
    agenda = get_agenda(db, meeting.uuid)
    zone = ZoneInfo(meeting.time_zone)
    several_days = meeting.starts_at.astimezone(zone).date() != meeting.ends_at.astimezone(zone).date()

    def when(moment: datetime) -> str:
        time = format_time(moment, zone, language=language)
        if not several_days:
            return time
        return _("{day}, {time}").format(day=format_date(moment.astimezone(zone).date(), "EEE d", language=language),
                                         time=time)

    lines = [_("{reference} — {title}").format(reference=meeting.reference, title=meeting.title(language)),
             _("Times are in the meeting's time zone: {zone}.").format(
                 zone=time_zone_name(meeting.time_zone, meeting.starts_at, language)), ""]
    if not agenda.items:
        lines.append(_("The agenda has no items yet."))
    else:
        items: list[tuple[str, ...]] = [(("  " * item.depth) + item.number, when(item.starts_at), duration_text(item.duration_minutes),
                 item.title(language)) for item in agenda.items]
        lines += _table((_("No."), _("Start"), _("Duration"), _("Item")), items)
        lines.append("")
        if agenda.overrun_minutes:
            lines.append(_("The agenda runs {duration} past the meeting's end: it ends at {end}, the meeting at "
                           "{meeting_end}. Shorten items or move the meeting's end.").format(
                duration=duration_text(agenda.overrun_minutes), end=when(agenda.planned_end),
                meeting_end=when(agenda.meeting_end)))
        else:
            lines.append(_("The agenda ends at {end}; the meeting ends at {meeting_end}.").format(
                end=when(agenda.planned_end), meeting_end=when(agenda.meeting_end)))
    if zones:
        lines += ["", _("Times for participants")]
        table = zone_times(participant_time_zones(db, meeting.uuid), meeting.starts_at, meeting.ends_at,
                           language=language)
        places: list[tuple[str, ...]] = [(row.place, str(row.participants or "—"),
                 format_datetime_short(row.starts, language), format_datetime_short(row.ends, language),
                 _(COMFORT_TEXT[row.comfort])) for row in table]
        lines += _table((_("Place"), _("Participants"), _("Local start"), _("Local end"),
                         _("For the people there")), places)
    return lines


def format_datetime_short(moment: datetime, language: str) -> str:
    """``Thu 3 Oct, 03:00`` in the moment's own zone."""
    return _("{day}, {time}").format(day=format_date(moment.date(), "EEE d MMM", language=language),
                                     time=format_time(moment, language=language))
