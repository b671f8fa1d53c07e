"""Translation and locale-aware formatting for the whole app.

Every user-visible string goes through ``_()`` / ``ngettext()`` (``N_()`` marks module-level constants to be
translated at use).  The active language is process-wide and can be switched at run time; the formatting
helpers wrap Babel for the active language and always take a time zone for datetimes, so that a meeting's
times are shown where it happens.  French numbers from Babel use U+202F as thousands separator, which
ReportLab breaks lines at: ``format_number`` hands out U+00A0 instead.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"
DOMAIN = "messages"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language: str = DEFAULT_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def catalog_dir() -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/messages.mo`` (in a checkout and in an installed wheel)."""
    import i18n as catalogs  # the top-level data package shipped beside app/

    return Path(catalogs.__file__).resolve().parent


def _(message: str) -> str:
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (translate with ``_()`` at use)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def current_language() -> str:
    return _language


def normalise_language(value: str | None) -> str | None:
    """``fr_CA.UTF-8`` -> ``fr``; None for anything we do not ship."""
    if not value:
        return None
    short = value.replace("-", "_").split("_")[0].split(".")[0].lower()
    return short if short in SUPPORTED_LANGUAGES else None


def system_language() -> str:
    """The OS user's language if we ship it, else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        found = normalise_language(os.environ.get(var, "").split(":")[0])
        if found:
            return found
    try:
        found = normalise_language(locale.getlocale()[0])
    except ValueError:
        found = None
    return found or DEFAULT_LANGUAGE


def set_language(language: str) -> str:
    """Switch the process to ``language`` ('en' or 'fr'); returns the language now active."""
    global _translations, _language
    lang = normalise_language(language) or DEFAULT_LANGUAGE
    if lang == "en":
        _translations = gettext.NullTranslations()
    else:
        _translations = gettext.translation(DOMAIN, localedir=str(catalog_dir()), languages=[lang], fallback=True)
    _language = lang
    for listener in list(_listeners):
        listener(lang)
    return lang


def add_language_listener(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_language_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def babel_locale(language: str | None = None) -> str:
    lang = language or _language
    # British English (4 October 2019) as international secretariats write it; French of France/CoE.
    return {"en": "en_GB", "fr": "fr"}.get(lang, "en_GB")


def _nbsp(text: str) -> str:
    # Babel's French uses U+202F (narrow no-break space); ReportLab and some fonts break or lack it.
    return text.replace("\u202f", "\u00a0")


def format_date(value: date, fmt: str = "long", language: str | None = None) -> str:
    """``4 October 2019`` / ``4 octobre 2019`` (``1er novembre 2019`` for the first of the month in French)."""
    from babel.dates import format_date as babel_format_date

    lang = language or _language
    text = babel_format_date(value, format=fmt, locale=babel_locale(lang))
    if lang == "fr" and fmt in ("long", "full") and value.day == 1:
        text = text.replace("1 ", "1er ", 1) if text.startswith("1 ") else text.replace(" 1 ", " 1er ", 1)
    return _nbsp(text)


def format_time(value: datetime, tz: tzinfo | str | None = None, fmt: str = "short", language: str | None = None) -> str:
    from babel.dates import format_time as babel_format_time

    moment = _in_zone(value, tz)
    return _nbsp(babel_format_time(moment, format=fmt, locale=babel_locale(language)))


def format_datetime(
    value: datetime, tz: tzinfo | str | None = None, fmt: str = "medium", language: str | None = None
) -> str:
    from babel.dates import format_datetime as babel_format_datetime

    moment = _in_zone(value, tz)
    return _nbsp(babel_format_datetime(moment, format=fmt, locale=babel_locale(language)))


def format_number(value: float | int, language: str | None = None) -> str:
    from babel.numbers import format_decimal

    return _nbsp(format_decimal(value, locale=babel_locale(language)))


def time_zone_name(tz: str, when: datetime | None = None, language: str | None = None) -> str:
    """``Eastern Daylight Time (Toronto)`` / ``heure avancée de l’Est (Toronto)`` at ``when`` (default: now)."""
    from datetime import UTC

    from babel.dates import get_timezone_location, get_timezone_name

    locale = babel_locale(language)
    try:
        zone = ZoneInfo(tz)
    except (LookupError, ValueError):
        return tz
    moment = (when or datetime.now(UTC)).astimezone(zone)
    try:
        name = get_timezone_name(moment, width="long", locale=locale)
        city = get_timezone_location(zone, locale=locale, return_city=True)
    except (LookupError, ValueError):
        return tz
    return _nbsp(f"{name} ({city})" if city and city not in name else name)


def _in_zone(value: datetime, tz: tzinfo | str | None) -> datetime:
    if tz is None:
        return value
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    return value.astimezone(zone)
