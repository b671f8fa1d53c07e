"""The settings of a printed output and the words and formats of each language it is printed in.

An output is printed in English, in French, or in both side by side; ``Lang`` holds one language's
translations and Babel formats, independent of the language the app runs in, so that a bilingual page can
hold both and a worker thread never switches the process language under the window.  Strings are marked
with ``_()`` where they are used, ``_`` being bound to ``lang.gettext`` there, so extraction finds them.
"""

from __future__ import annotations

import gettext
import locale
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Literal
from zoneinfo import ZoneInfo

from app import i18n
from app.domain import enums
from app.errors import ChairdeskError
from app.i18n import _

OutputKind = Literal["minutes", "agenda", "signin", "actions", "attendees"]
LanguageMode = Literal["en", "fr", "bilingual"]
Paper = Literal["a4", "letter"]
OUTPUT_KINDS: tuple[OutputKind, ...] = ("minutes", "agenda", "signin", "actions", "attendees")
LANGUAGE_MODES: tuple[LanguageMode, ...] = ("en", "fr", "bilingual")
PAPERS: tuple[Paper, ...] = ("a4", "letter")

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

# Territories whose offices use US Letter (CLDR's paper-size data); everyone else uses A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "GT", "SV", "NI", "CR", "PA", "DO",
                                "BZ", "PE"})


class Cancelled(ChairdeskError):
    """The user cancelled the generation of an output; nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("The generation of the document was cancelled."))


@dataclass(frozen=True)
class CopyMark:
    """"Copy 7 of 25 — NCA" on every page of one numbered copy."""

    number: int
    total: int
    recipient: str = ""


@dataclass(frozen=True)
class OutputOptions:
    language: LanguageMode = "en"
    paper: Paper | None = None  # None: from the locale (letter for en_US, en_CA, fr_CA…, else A4)
    copy: CopyMark | None = None
    time_zones: tuple[str, ...] = ()  # agenda: also give each start time in these IANA zones
    walk_in_rows: int = 12  # sign-in sheet: blank rows for people not on the list

    @property
    def languages(self) -> tuple[str, ...]:
        return ("en", "fr") if self.language == "bilingual" else (self.language,)

    def resolved_paper(self) -> Paper:
        return self.paper or default_paper()


def paper_for_locale(name: str | None) -> Paper:
    """``en_US``, ``en_CA``, ``fr_CA`` (and the other letter territories) -> letter; anything else -> A4."""
    if not name:
        return "a4"
    parts = re.split(r"[_\-.@]", name)
    territory = parts[1].upper() if len(parts) > 1 else ""
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def default_paper() -> Paper:
    """The paper of the user's locale: LC_PAPER, then LC_ALL, LANG, then the C library's locale."""
    for variable in ("LC_PAPER", "LC_ALL", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return paper_for_locale(value)
    try:
        return paper_for_locale(locale.getlocale()[0])
    except ValueError:
        return "a4"


def french_typography(text: str) -> str:
    """No-break space before ``: ; ! ?`` and inside guillemets (U+00A0: ReportLab breaks lines at U+202F)."""
    text = text.replace("\u202f", "\u00a0")
    text = re.sub(r"[ \u00a0]*([:;!?])(?=\s|$)", "\u00a0\\1", text)
    text = re.sub(r"«[ \u00a0]*", "«\u00a0", text)
    return re.sub(r"[ \u00a0]*»", "\u00a0»", text)


class Lang:
    """One language's translations and formats, for a document printed (partly) in that language."""

    def __init__(self, code: str) -> None:
        self.code = code
        if code == "en":
            self._translations: gettext.NullTranslations = gettext.NullTranslations()
        else:
            # Through the module attribute, so that tests can point the app at another catalog folder.
            self._translations = gettext.translation(
                i18n.DOMAIN, localedir=str(i18n.catalog_dir()), languages=[code], fallback=True)

    def gettext(self, message: str) -> str:
        return self._fix(self._translations.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._fix(self._translations.ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> str:
        return self._fix(self._translations.pgettext(context, message))

    def _fix(self, text: str) -> str:
        return french_typography(text) if self.code == "fr" else text

    def label(self, value: StrEnum) -> str:
        """An enumeration value's label in this language (``enums.label`` only knows the app's language)."""
        return self.gettext(enums.label_msgid(value))

    def date(self, value: date, fmt: str = "long") -> str:
        return i18n.format_date(value, fmt, self.code)

    def time(self, value: datetime, zone: str) -> str:
        return i18n.format_time(value, zone, "short", self.code)

    def number(self, value: int | float) -> str:
        return i18n.format_number(value, self.code)

    def zone_name(self, moment: datetime, zone: str) -> str:
        """``Eastern Daylight Time (UTC−04:00)`` / ``heure d’été de l’Est nord-américain (UTC−04:00)``."""
        from babel.dates import get_timezone_name

        local = moment.astimezone(ZoneInfo(zone))
        name = get_timezone_name(local, width="long", locale=i18n.babel_locale(self.code))
        return self._fix(f"{name} ({utc_offset(local)})")

    def city(self, zone: str) -> str:
        """The city that names an IANA zone (``Australia/Canberra`` -> Canberra; CLDR would say Sydney)."""
        return zone.rsplit("/", 1)[-1].replace("_", " ")

    def country(self, code: str | None) -> str:
        from babel import Locale

        if not code:
            return ""
        return str(Locale.parse(i18n.babel_locale(self.code)).territories.get(code.upper(), code))


def utc_offset(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def languages_for(options: OutputOptions) -> tuple[Lang, ...]:
    return tuple(Lang(code) for code in options.languages)
