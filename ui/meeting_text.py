"""Kept while the screens move to ``app.meeting_text`` (the same helpers, usable without Qt)."""

from app.meeting_text import country_name, duration, in_zone, meeting_date, meeting_when, name_list, place

__all__ = ["country_name", "duration", "in_zone", "meeting_date", "meeting_when", "name_list", "place"]
