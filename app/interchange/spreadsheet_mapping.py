"""Which column of an imported spreadsheet holds what, and what its cells mean.

``guess_mapping`` proposes a target for each column from headers in English or French ("Nom", "Prénom",
"Courriel", "Titre/Grade", "Fuseau horaire"…; "Nom" beside "Prénom" is the family name, alone the whole
name); ``check_mapping`` refuses a mapping without a name or with a target used twice.  The small
vocabularies that turn a cell into a country code (ISO code or CLDR name in English or French), a language,
a time zone, a sector or a relation are here too.  Pure: no database, no file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache

from app.domain.enums import Language, Relation, Sector, label
from app.domain.rules import country_codes, fold, is_valid_country
from app.errors import DomainError
from app.i18n import N_, _, current_language


class ImportKind(StrEnum):
    PEOPLE = "people"
    ORGANISATIONS = "organisations"


class Target(StrEnum):
    """What a column of the file is imported as."""

    IGNORE = "ignore"
    FULL_NAME = "full_name"
    GIVEN_NAME = "given_name"
    FAMILY_NAME = "family_name"
    TITLE_EN = "title_en"
    TITLE_FR = "title_fr"
    ORGANISATION = "organisation"
    EMAIL = "email"
    PHONE = "phone"
    LANGUAGE = "preferred_language"
    TIME_ZONE = "time_zone"
    COUNTRY = "country"
    NAME_EN = "name_en"
    NAME_FR = "name_fr"
    ACRONYM_EN = "acronym_en"
    ACRONYM_FR = "acronym_fr"
    SECTOR = "sector"
    RELATION = "relation"
    NOTES = "notes"


TARGETS: dict[ImportKind, tuple[Target, ...]] = {
    ImportKind.PEOPLE: (Target.IGNORE, Target.GIVEN_NAME, Target.FAMILY_NAME, Target.FULL_NAME, Target.ORGANISATION,
                        Target.TITLE_EN, Target.TITLE_FR, Target.EMAIL, Target.PHONE, Target.LANGUAGE,
                        Target.TIME_ZONE, Target.COUNTRY, Target.NOTES),
    ImportKind.ORGANISATIONS: (Target.IGNORE, Target.NAME_EN, Target.NAME_FR, Target.ACRONYM_EN, Target.ACRONYM_FR,
                               Target.SECTOR, Target.COUNTRY, Target.RELATION, Target.NOTES),
}

_TARGET_LABELS: dict[Target, str] = {
    Target.IGNORE: N_("(do not import)"),
    Target.FULL_NAME: N_("Full name"),
    Target.GIVEN_NAME: N_("Given name"),
    Target.FAMILY_NAME: N_("Family name"),
    Target.TITLE_EN: N_("Title (English)"),
    Target.TITLE_FR: N_("Title (French)"),
    Target.ORGANISATION: N_("Organisation"),
    Target.EMAIL: N_("E-mail"),
    Target.PHONE: N_("Phone"),
    Target.LANGUAGE: N_("Preferred language"),
    Target.TIME_ZONE: N_("Time zone"),
    Target.COUNTRY: N_("Country"),
    Target.NAME_EN: N_("Name (English)"),
    Target.NAME_FR: N_("Name (French)"),
    Target.ACRONYM_EN: N_("Acronym (English)"),
    Target.ACRONYM_FR: N_("Acronym (French)"),
    Target.SECTOR: N_("Sector"),
    Target.RELATION: N_("Relation"),
    Target.NOTES: N_("Notes"),
}


def target_label(target: Target) -> str:
    return _(_TARGET_LABELS[target])


# Headers as people write them, folded (no accents, lower case, punctuation as spaces).
_HEADERS: dict[ImportKind, dict[str, Target]] = {
    ImportKind.PEOPLE: {
        **dict.fromkeys(("family name", "last name", "lastname", "surname", "nom de famille", "nom famille",
                         "family"), Target.FAMILY_NAME),
        **dict.fromkeys(("given name", "first name", "firstname", "forename", "given names", "prenom", "prenoms",
                         "given"), Target.GIVEN_NAME),
        **dict.fromkeys(("full name", "nom complet", "participant", "person", "personne", "contact"),
                        Target.FULL_NAME),
        **dict.fromkeys(("title", "job title", "position", "rank", "function", "title en",
                         "title english", "english title", "titre en", "titre anglais", "title rank"),
                        Target.TITLE_EN),
        **dict.fromkeys(("titre", "grade", "fonction", "poste", "titre grade", "titre fr", "titre francais",
                         "title fr", "title french", "french title"), Target.TITLE_FR),
        **dict.fromkeys(("organisation", "organization", "org", "agency", "agence", "organisme", "institution",
                         "employer", "employeur", "organisation acronym", "sigle", "acronym"), Target.ORGANISATION),
        **dict.fromkeys(("email", "e mail", "courriel", "mail", "adresse courriel", "adresse electronique",
                         "email address", "e mail address", "adresse e mail", "adresse mail"), Target.EMAIL),
        **dict.fromkeys(("phone", "telephone", "tel", "phone number", "telephone number", "numero de telephone",
                         "mobile", "portable", "cell", "cellulaire"), Target.PHONE),
        **dict.fromkeys(("language", "langue", "preferred language", "langue preferee", "lang",
                         "langue de correspondance"), Target.LANGUAGE),
        **dict.fromkeys(("time zone", "timezone", "tz", "fuseau horaire", "fuseau"), Target.TIME_ZONE),
        **dict.fromkeys(("country", "pays", "nation"), Target.COUNTRY),
        **dict.fromkeys(("notes", "note", "remarks", "remarques", "comments", "commentaires"), Target.NOTES),
    },
    ImportKind.ORGANISATIONS: {
        **dict.fromkeys(("name", "name en", "name english", "english name", "organisation", "organization",
                         "nom en", "nom anglais", "organisation name", "organization name"), Target.NAME_EN),
        **dict.fromkeys(("nom", "name fr", "name french", "french name", "nom fr", "nom francais",
                         "nom de l organisation", "nom de l organisme", "organisme"), Target.NAME_FR),
        **dict.fromkeys(("acronym", "acronym en", "acronym english", "abbreviation", "short name", "sigle en",
                         "sigle anglais"), Target.ACRONYM_EN),
        **dict.fromkeys(("sigle", "acronyme", "acronym fr", "acronym french", "sigle fr", "sigle francais",
                         "acronyme fr"), Target.ACRONYM_FR),
        **dict.fromkeys(("sector", "secteur", "type"), Target.SECTOR),
        **dict.fromkeys(("relation", "relationship", "statut", "status"), Target.RELATION),
        **dict.fromkeys(("country", "pays", "nation", "seat", "siege"), Target.COUNTRY),
        **dict.fromkeys(("notes", "note", "remarks", "remarques", "comments", "commentaires"), Target.NOTES),
    },
}

_NAME_HEADERS = ("name", "nom")


def header_key(header: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(header)).split())


def guess_mapping(headers: Sequence[str], kind: ImportKind) -> tuple[Target, ...]:
    """A target for every column, each target used once at most; unrecognised columns are ignored."""
    known = _HEADERS[kind]
    keys = [header_key(h) for h in headers]
    guessed: list[Target] = []
    used: set[Target] = set()
    has_given = any(known.get(key) == Target.GIVEN_NAME for key in keys)
    for key in keys:
        target = known.get(key, Target.IGNORE)
        if kind == ImportKind.PEOPLE and key in _NAME_HEADERS:
            # "Nom" beside "Prénom" is the family name; alone, it is the whole name.
            target = Target.FAMILY_NAME if has_given else Target.FULL_NAME
        if target in used:
            target = Target.IGNORE
        if target != Target.IGNORE:
            used.add(target)
        guessed.append(target)
    return tuple(guessed)


def check_mapping(mapping: Sequence[Target], kind: ImportKind) -> None:
    """Refuse a mapping that cannot give a name, or imports two columns as the same thing."""
    seen: set[Target] = set()
    for target in mapping:
        if target == Target.IGNORE:
            continue
        if target not in TARGETS[kind]:
            raise DomainError(_("{field} cannot be imported here.").format(field=target_label(target)), field="mapping")
        if target in seen:
            raise DomainError(_("Two columns are imported as {field}; choose one.").format(
                field=target_label(target)), field="mapping")
        seen.add(target)
    names = {Target.FULL_NAME, Target.GIVEN_NAME, Target.FAMILY_NAME} if kind == ImportKind.PEOPLE else {
        Target.NAME_EN, Target.NAME_FR}
    if not seen & names:
        raise DomainError(_("No column is imported as a name."), field="mapping")


def split_full_name(text: str) -> tuple[str, str]:
    """``Arsenault, Marie-Claude`` or ``Marie-Claude Arsenault`` -> (given name, family name)."""
    text = " ".join(text.split())
    if "," in text:
        family, given = (part.strip() for part in text.split(",", 1))
        return given, family
    if " " not in text:
        return "", text
    given, family = text.rsplit(" ", 1)
    return given, family


# --- vocabularies of cells -----------------------------------------------------------------------------------

_COUNTRY_ALIASES = {"uk": "GB", "great britain": "GB", "england": "GB", "usa": "US", "u s a": "US", "u s": "US",
                    "united states of america": "US", "etats unis d amerique": "US", "holland": "NL"}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for language in ("en", "fr"):
        for code, name in Locale(language).territories.items():
            code = str(code)
            if len(code) == 2 and is_valid_country(code):
                names.setdefault(header_key(name), code)
    names.update(_COUNTRY_ALIASES)
    return names


def parse_country(text: str) -> str | None:
    """An ISO 3166 code from a code or a country name in English or French; None if unknown."""
    value = text.strip()
    if len(value) == 2 and value.isalpha() and is_valid_country(value):
        return value.upper()
    return _country_names().get(header_key(value))


def country_name(code: str | None, language: str | None = None) -> str:
    """The name of a country in ``language`` (the active one by default), from CLDR."""
    if not code:
        return ""
    return _territories(language or current_language()).get(code.upper(), code.upper())


@lru_cache(maxsize=4)
def _territories(language: str) -> dict[str, str]:
    from babel import Locale

    return {str(code): str(name) for code, name in Locale(language).territories.items()}


def countries(language: str | None = None) -> list[tuple[str, str]]:
    """Every country as (code, name in ``language``), sorted by name without accents."""
    names = _territories(language or current_language())
    pairs = [(code, names.get(code, code)) for code in country_codes() if is_valid_country(code)]
    return sorted(pairs, key=lambda pair: fold(pair[1]))


_LANGUAGE_WORDS: dict[StrEnum, tuple[str, ...]] = {
    Language.EN: ("en", "eng", "english", "anglais", "anglaise", "en ca", "en gb", "en us"),
    Language.FR: ("fr", "fra", "fre", "french", "francais", "francaise", "fr ca", "fr fr"),
}
_SECTOR_WORDS: dict[StrEnum, tuple[str, ...]] = {
    Sector.LAW_ENFORCEMENT: ("law enforcement", "police", "application de la loi", "forces de l ordre"),
    Sector.INTERGOVERNMENTAL: ("intergovernmental", "intergouvernemental", "international organisation",
                               "international organization", "organisation internationale"),
    Sector.GOVERNMENT: ("government", "gouvernement", "ministry", "ministere"),
    Sector.INDUSTRY: ("industry", "industrie", "private sector", "secteur prive", "company", "entreprise"),
    Sector.NGO: ("ngo", "ong", "non governmental", "non gouvernemental", "charity"),
    Sector.ACADEMIA: ("academia", "academic", "university", "universite", "milieu universitaire", "recherche"),
    Sector.OTHER: ("other", "autre"),
}
_RELATION_WORDS: dict[StrEnum, tuple[str, ...]] = {
    Relation.MEMBER: ("member", "membre"),
    Relation.PARTNER: ("partner", "partenaire"),
    Relation.OBSERVER: ("observer", "observateur", "observatrice"),
    Relation.GUEST: ("guest", "invite", "invitee"),
}


def _lookup(text: str, words: dict[StrEnum, tuple[str, ...]]) -> StrEnum | None:
    key = header_key(text)
    for value, synonyms in words.items():
        if key in synonyms or key == header_key(value.value) or key == header_key(label(value)):
            return value
    return None


def parse_language(text: str) -> Language | None:
    found = _lookup(text, _LANGUAGE_WORDS)
    return Language(found) if found is not None else None


def parse_sector(text: str) -> Sector | None:
    found = _lookup(text, _SECTOR_WORDS)
    return Sector(found) if found is not None else None


def parse_relation(text: str) -> Relation | None:
    found = _lookup(text, _RELATION_WORDS)
    return Relation(found) if found is not None else None


@lru_cache(maxsize=1)
def _zones_by_key() -> dict[str, str]:
    from zoneinfo import available_timezones

    return {zone.casefold(): zone for zone in available_timezones()}


def parse_time_zone(text: str) -> str | None:
    """An IANA time zone name, whatever its case (``europe/paris``); None if unknown."""
    value = text.strip().replace(" ", "_")
    return _zones_by_key().get(value.casefold())
