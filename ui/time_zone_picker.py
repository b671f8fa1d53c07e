"""Search-as-you-type pickers: the generic ``SearchPicker`` line edit and the IANA ``TimeZonePicker``.

A ``SearchPicker`` asks a search function for choices as the user types and lists them in a completer
popup; Enter or Tab takes the best match, a click or Enter in the list takes that row, and clearing the
field chooses nothing when that is allowed.  It only says what the user chose (``value_chosen``) or that
nothing matched (``no_match``); saving is its owner's business.

The time zone picker lists the canonical zones of ``zoneinfo`` with their city and country in the active
language (Babel's CLDR names) and the UTC offset at the meeting's date, and finds a zone by its IANA name,
its city or country in English or in French, or a city of the taskforce's world that CLDR does not name
(``Hague`` or ``La Haye`` find Europe/Amsterdam, ``Ottawa`` finds America/Toronto).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from app.domain.rules import fold, is_valid_time_zone
from app.i18n import _, babel_locale, current_language

AnyIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_CHOICES = 60

# Seats of the taskforce's members and partners, and capitals, that CLDR does not use as a zone's city.
# Search keys only (proper names, in English and French), never shown as translations.
EXTRA_CITIES: dict[str, tuple[str, ...]] = {
    "Europe/Amsterdam": ("The Hague", "La Haye", "Den Haag", "Rotterdam"),
    "America/Toronto": ("Ottawa", "Montreal", "Montréal", "Quebec", "Québec"),
    "America/New_York": ("Washington", "Washington DC", "Boston", "Philadelphia", "Philadelphie"),
    "America/Chicago": ("Dallas", "Houston"),
    "America/Los_Angeles": ("San Francisco", "Seattle", "San Jose"),
    "America/Edmonton": ("Calgary",),
    "America/Sao_Paulo": ("Brasília", "Brasilia", "Rio de Janeiro"),
    "Europe/Paris": ("Lyon", "Strasbourg", "Marseille", "Lille"),
    "Europe/Zurich": ("Geneva", "Genève", "Bern", "Berne", "Lausanne"),
    "Europe/Berlin": ("Wiesbaden", "Bonn", "Munich", "München", "Frankfurt", "Francfort", "Hamburg", "Hambourg"),
    "Europe/Madrid": ("Barcelona", "Barcelone", "Seville", "Séville"),
    "Europe/Rome": ("Milan", "Naples", "Vatican"),
    "Europe/London": ("Edinburgh", "Édimbourg", "Cardiff", "Manchester"),
    "Australia/Sydney": ("Canberra",),
    "Pacific/Auckland": ("Wellington",),
    "Asia/Dubai": ("Abu Dhabi", "Abou Dabi"),
    "Asia/Kolkata": ("New Delhi", "Delhi", "Mumbai", "Bombay"),
    "Asia/Shanghai": ("Beijing", "Pékin"),
    "Africa/Lagos": ("Abuja",),
    "Asia/Riyadh": ("Jeddah", "Djeddah"),
}

UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu",
                       "Etc/GMT", "GMT", "Etc/Greenwich", "Greenwich", "Etc/GMT0", "GMT0", "Etc/GMT+0", "Etc/GMT-0"})
_REGIONS = frozenset({"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe",
                      "Indian", "Pacific"})


@dataclass(frozen=True)
class Choice:
    """One row a picker offers: the value, the text the field shows once chosen, and a detail for the list."""

    key: str
    text: str
    detail: str = ""


class ChoiceListModel(QAbstractListModel):
    """The rows of a picker's popup; replaced whole at each keystroke (a few dozen rows at most)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Choice] = []

    def set_rows(self, rows: Sequence[Choice]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def choice(self, row: int) -> Choice | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Choice]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        choice = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _("{text} — {detail}").format(text=choice.text, detail=choice.detail) if choice.detail \
                else choice.text
        if role == Qt.ItemDataRole.EditRole:
            return choice.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return choice.detail or None
        if role == KEY_ROLE:
            return choice.key
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class SearchPicker(QLineEdit):
    """A line edit that searches as the user types and commits one choice (or none, if allowed)."""

    value_chosen = Signal(object)  # the key chosen by the user, or None for "nothing"
    no_match = Signal(str)  # the text the user typed, which matched nothing

    def __init__(self, search: Callable[[str], Sequence[Choice]], allow_empty: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._allow_empty = allow_empty
        self._value: str | None = None
        self._value_text = ""
        self.setClearButtonEnabled(allow_empty)
        self.model = ChoiceListModel(self)
        self.picker_completer = QCompleter(self.model, self)
        self.picker_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.picker_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.picker_completer.setMaxVisibleItems(12)
        self.picker_completer.setWidget(self)  # not setCompleter(): the search, not a prefix, decides the rows
        self.picker_completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finished)

    # --- what the owner calls ------------------------------------------------------------------------------

    def value(self) -> str | None:
        return self._value

    def value_text(self) -> str:
        return self._value_text

    def set_value(self, key: str | None, text: str) -> None:
        """Show a stored value; no signal (only the user's choices are announced)."""
        self._value, self._value_text = key, text
        self.setText(text)  # also forgets the line edit's own typing history
        self.setCursorPosition(0)
        self.setToolTip(text)

    def set_search(self, search: Callable[[str], Sequence[Choice]]) -> None:
        self._search = search

    def popup(self) -> QAbstractItemView:
        popup = self.picker_completer.popup()
        assert popup is not None
        return popup

    def suggestions(self) -> list[Choice]:
        return self.model.rows()

    def revert(self) -> None:
        self.popup().hide()
        self.set_value(self._value, self._value_text)

    # --- the user's typing -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape (once the list is closed) gives the stored value back instead of what was typed."""
        if event.key() == Qt.Key.Key_Escape and self.text() != self._value_text:
            self.revert()
            event.accept()
            return
        super().keyPressEvent(event)

    def _typed(self, text: str) -> None:
        rows = list(self._search(text))[:MAX_CHOICES] if text.strip() else []
        self.model.set_rows(rows)
        popup = self.popup()
        if rows:
            self.picker_completer.complete()
            popup.setCurrentIndex(self.model.index(0, 0))  # Enter in the list takes the best match
        else:
            popup.hide()

    def _activated(self, index: QModelIndex) -> None:
        choice = self.model.choice(index.row())
        if choice is not None:
            self._choose(choice.key, choice.text)

    def _finished(self) -> None:
        text = self.text().strip()
        if text == self._value_text.strip():
            return
        self.popup().hide()
        if not text:
            if self._allow_empty:
                self._choose(None, "")
            else:
                self.revert()
            return
        rows = list(self._search(text))
        if rows:
            self._choose(rows[0].key, rows[0].text)
        else:
            self.revert()
            self.no_match.emit(text)

    def _choose(self, key: str | None, text: str) -> None:
        changed = key != self._value
        self.set_value(key, text)
        if changed:
            self.value_chosen.emit(key)


# --- time zones ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ZoneName:
    zone: str
    city: str
    country: str


def offset_text(zone: str, when: datetime) -> str:
    """``UTC+02:00``, ``UTC−04:00`` (a true minus sign), ``UTC`` for no offset."""
    offset = when.astimezone(ZoneInfo(zone)).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


@lru_cache(maxsize=1)
def canonical_zones() -> tuple[str, ...]:
    """Every zone a user may pick: geographic, canonical (no ``Asia/Calcutta`` beside ``Asia/Kolkata``), and UTC."""
    from babel.core import get_global

    aliases = get_global("zone_aliases")
    zones = {z for z in available_timezones() if z.split("/")[0] in _REGIONS and z not in aliases}
    return tuple(sorted(zones)) + ("UTC",)


@lru_cache(maxsize=4)
def zone_names(language: str) -> dict[str, ZoneName]:
    from babel import Locale
    from babel.core import get_global
    from babel.dates import get_timezone_location

    locale = Locale.parse(babel_locale(language))
    territories = get_global("zone_territories")
    names: dict[str, ZoneName] = {}
    for zone in canonical_zones():
        names[zone] = _zone_name(zone, locale, territories, get_timezone_location)
    return names


def _zone_name(zone: str, locale: Any, territories: Mapping[str, str], location: Any) -> ZoneName:
    if zone == "UTC":
        return ZoneName(zone, "UTC", "")
    fallback = zone.split("/")[-1].replace("_", " ")
    try:
        city = str(location(ZoneInfo(zone), locale=locale, return_city=True))
    except (LookupError, ValueError):
        city = fallback
    if "/" in city:  # CLDR has no exemplar city for it: "Argentina/Buenos Aires"
        city = fallback
    code = territories.get(zone)
    country = str(locale.territories.get(code, "")) if code else ""
    return ZoneName(zone, city, country)


def zone_name(zone: str, language: str) -> ZoneName:
    """Names of any valid zone, including one outside the list (an alias stored by an older version)."""
    known = zone_names(language).get(zone)
    return known or ZoneName(zone, zone.split("/")[-1].replace("_", " "), "")


@lru_cache(maxsize=1)
def _search_keys() -> dict[str, tuple[str, ...]]:
    """Folded names to match per zone, in both languages whatever the interface language."""
    keys: dict[str, tuple[str, ...]] = {}
    english, french = zone_names("en"), zone_names("fr")
    for zone in canonical_zones():
        words = {zone, zone.replace("_", " "), zone.split("/")[-1].replace("_", " "),
                 english[zone].city, french[zone].city, english[zone].country, french[zone].country,
                 *EXTRA_CITIES.get(zone, ())}
        keys[zone] = tuple(sorted(fold(word) for word in words if word))
    return keys


def search_zones(text: str, language: str, when: datetime | None = None, limit: int = MAX_CHOICES) -> list[Choice]:
    """Zones whose name, city or country matches, best first: exact, then word start, then anywhere."""
    typed = fold(text.strip())
    if not typed:
        return []
    ranked: list[tuple[tuple[int, int], str, str]] = []
    names = zone_names(language)
    for zone, keys in _search_keys().items():
        score = best_match(typed, keys)
        if score[0] < 9:
            ranked.append((score, fold(names[zone].city), zone))
    ranked.sort()
    moment = when or datetime.now(UTC)
    return [zone_choice(zone, language, moment) for _score_, _city, zone in ranked[:limit]]


def best_match(typed: str, keys: Sequence[str]) -> tuple[int, int]:
    """How well the folded text matches the best of some folded names: (kind of match, name length)."""
    return min(((match_score(typed, key), len(key)) for key in keys), default=(9, 0))


def match_score(typed: str, key: str) -> int:
    """0 for the same folded text, 1 for a start, 2 for a word's start, 3 for anywhere, 9 for no match."""
    if key == typed:
        return 0
    if key.startswith(typed):
        return 1
    if any(word.startswith(typed) for word in key.replace("/", " ").replace("-", " ").split()):
        return 2
    return 3 if typed in key else 9


def zone_choice(zone: str, language: str, when: datetime) -> Choice:
    name = zone_name(zone, language)
    offset = offset_text(zone, when)
    if zone in UTC_NAMES:
        return Choice(zone, _("UTC (Coordinated Universal Time)"), zone)
    if name.country:
        text = _("{city}, {country} ({offset})").format(city=name.city, country=name.country, offset=offset)
    else:
        text = _("{city} ({offset})").format(city=name.city, offset=offset)
    return Choice(zone, text, zone)


class TimeZonePicker(SearchPicker):
    """An IANA time zone, found by city, country or name; shows the UTC offset at a given moment."""

    zone_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self._search_zones, allow_empty=False, parent=parent)
        self._when: datetime | None = None
        self.value_chosen.connect(lambda zone: self.zone_chosen.emit(zone) if zone else None)
        self.retranslate()

    def _search_zones(self, text: str) -> list[Choice]:
        found = search_zones(text, current_language(), self._when)
        if not found and is_valid_time_zone(text.strip()):  # an exact IANA name outside the list
            found = [zone_choice(text.strip(), current_language(), self._when or datetime.now(UTC))]
        return found

    def zone(self) -> str | None:
        return self.value()

    def set_zone(self, zone: str | None) -> None:
        if not zone or not is_valid_time_zone(zone):
            self.set_value(None, "")
            return
        choice = zone_choice(zone, current_language(), self._when or datetime.now(UTC))
        self.set_value(zone, choice.text)
        self.setToolTip(_("{zone}, UTC offset at the meeting’s start").format(zone=zone))

    def set_reference_time(self, when: datetime | None) -> None:
        """The moment whose UTC offset is shown (the meeting's start: Ottawa is UTC−04:00 in October)."""
        self._when = when
        self.set_zone(self.zone())

    def retranslate(self) -> None:
        self.setPlaceholderText(_("Type a city, a country or a zone name"))
        self.set_zone(self.zone())
