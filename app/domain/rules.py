"""Pure rules of the domain, free of the database: numbering, the agenda's schedule, decision numbers,
and the checks on values a user types (e-mail, country, time zone)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Letters NFKD does not take apart, as a person typing without accents would write them.
_FOLD_EXTRA = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss",
                             "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d"})


def fold(text: str | None) -> str:
    """Lower case without accents: ``Lefèvre`` -> ``lefevre``, ``Ødegård`` -> ``odegard``."""
    if not text:
        return ""
    if text.isascii():  # most names and every e-mail address: 40 times faster, same result
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, from Babel's CLDR territories (two letters, not the numeric regions)."""
    from babel import Locale

    codes = (str(code) for code in Locale("en").territories)
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha())


def is_valid_country(code: str) -> bool:
    return code.upper() in country_codes() and code.upper() not in {"ZZ", "EU", "EZ", "UN", "QO"}


@lru_cache(maxsize=256)
def is_valid_time_zone(name: str) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class NumberedItem:
    """An agenda row as the numbering and schedule rules see it: its place and its length."""

    key: str
    parent_key: str | None
    position: int
    duration_minutes: int
    fixed_start: datetime | None = None


@dataclass(frozen=True)
class ScheduledItem:
    key: str
    number: str
    depth: int
    starts_at: datetime
    ends_at: datetime


def ordered_agenda(items: Sequence[NumberedItem]) -> list[tuple[NumberedItem, str, int]]:
    """Items in reading order with their derived number ("1", "1.1") and depth (0 or 1)."""
    top = sorted((i for i in items if i.parent_key is None), key=lambda i: (i.position, i.key))
    children: dict[str, list[NumberedItem]] = {}
    for item in items:
        if item.parent_key is not None:
            children.setdefault(item.parent_key, []).append(item)
    result: list[tuple[NumberedItem, str, int]] = []
    for n, item in enumerate(top, start=1):
        result.append((item, str(n), 0))
        for m, child in enumerate(sorted(children.get(item.key, []), key=lambda i: (i.position, i.key)), start=1):
            result.append((child, f"{n}.{m}", 1))
    return result


def schedule(items: Sequence[NumberedItem], start: datetime) -> list[ScheduledItem]:
    """Start and end of every item from the meeting's start and the planned durations.

    Sub-items run inside their parent, one after the other from the parent's start; a parent lasts as
    long as its sub-items together, or its own planned duration if that is longer.  Breaks are items.
    An item with a fixed start (the first item of day 2) starts then, if the clock has not passed it.
    """
    ordered = ordered_agenda(items)
    result: list[ScheduledItem] = []
    clock = start
    i = 0
    while i < len(ordered):
        item, number, _depth = ordered[i]
        if item.fixed_start is not None and item.fixed_start > clock:
            clock = item.fixed_start
        parent_start = sub_clock = clock
        children: list[ScheduledItem] = []
        i += 1
        while i < len(ordered) and ordered[i][2] == 1:
            child, child_number, _ = ordered[i]
            if child.fixed_start is not None and child.fixed_start > sub_clock:
                sub_clock = child.fixed_start
            end = sub_clock + timedelta(minutes=child.duration_minutes)
            children.append(ScheduledItem(child.key, child_number, 1, sub_clock, end))
            sub_clock = end
            i += 1
        parent_end = max(parent_start + timedelta(minutes=item.duration_minutes), sub_clock)
        result.append(ScheduledItem(item.key, number, 0, parent_start, parent_end))
        result.extend(children)
        clock = parent_end
    return result


def decision_number(meeting_reference: str, ordinal: int) -> str:
    """``VGT-2019-10/D3``: the meeting's reference and the decision's place in the meeting."""
    return f"{meeting_reference}/D{ordinal}"
