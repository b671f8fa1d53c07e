"""How the facts of a meeting are written: its dates and times in its own time zone, its place with the
country named in the language, lists of names, durations.

Shared by the screens, the command line and the printed outputs, so that a date reads the same everywhere.
Babel does the locale work; the few sentence patterns go through ``_()`` with named placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from app.i18n import _, babel_locale, format_date, format_time, ngettext
from app.services.views import MeetingSummary


def in_zone(moment: datetime, time_zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(time_zone))


def meeting_date(meeting: MeetingSummary, language: str) -> str:
    """The first day, where the meeting happens: ``2 October 2019`` / ``2 octobre 2019``."""
    return format_date(in_zone(meeting.starts_at, meeting.time_zone).date(), "long", language=language)


def meeting_when(meeting: MeetingSummary, language: str) -> str:
    """Start and end, dates and times, in the meeting's own time zone."""
    start = in_zone(meeting.starts_at, meeting.time_zone)
    end = in_zone(meeting.ends_at, meeting.time_zone)
    start_time = format_time(start, language=language)
    end_time = format_time(end, language=language)
    if start.date() == end.date():
        return _("{date}, {start}–{end}").format(
            date=format_date(start.date(), "full", language=language), start=start_time, end=end_time)
    return _("{start_date}, {start_time} to {end_date}, {end_time}").format(
        start_date=format_date(start.date(), "full", language=language), start_time=start_time,
        end_date=format_date(end.date(), "full", language=language), end_time=end_time)


@lru_cache(maxsize=4)
def _territories(language: str) -> dict[str, str]:
    from babel import Locale

    return {str(code): str(name) for code, name in Locale.parse(babel_locale(language)).territories.items()}


def country_name(code: str | None, language: str) -> str:
    """``CA`` -> ``Canada``; ``AE`` -> ``Émirats arabes unis`` in French; the code itself if unknown."""
    if not code:
        return ""
    return _territories(language).get(code.upper(), code.upper())


def place(venue: str, city: str, country: str | None, language: str) -> str:
    parts = [venue.strip(), city.strip(), country_name(country, language)]
    return ", ".join(part for part in parts if part)


def name_list(names: Iterable[str], language: str) -> str:
    """``A, B and C`` / ``A, B et C``."""
    from babel.lists import format_list

    items = [name for name in names if name]
    return format_list(items, locale=babel_locale(language)) if items else ""


def duration(minutes: int) -> str:
    if minutes < 60:
        return ngettext("{count} min", "{count} min", minutes).format(count=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return ngettext("{hours} h", "{hours} h", hours).format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)
