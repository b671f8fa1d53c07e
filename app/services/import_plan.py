"""What a directory import plans and what it did: plain frozen data that screens, the command line and the
undo stack hold, plus the one snapshot of the directory that an analysis reads.

A ``RowPlan`` says what will happen to one row of the file (new, update of an existing row, already there,
or refused with its reasons); an ``ImportPreview`` is all of them.  An ``ImportResult`` records what the
write created and the values it replaced, which is all that undo and redo need.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.models import Organisation, Person
from app.domain.rules import fold
from app.i18n import N_, _
from app.interchange.spreadsheet_mapping import ImportKind
from app.services.views import pick

Values = tuple[tuple[str, Any], ...]


class Outcome(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


_OUTCOME_LABELS = {
    Outcome.NEW: N_("To add"),
    Outcome.UPDATE: N_("To update"),
    Outcome.UNCHANGED: N_("Already there"),
    Outcome.REFUSED: N_("Refused"),
}


def outcome_label(outcome: Outcome) -> str:
    return _(_OUTCOME_LABELS[outcome])


@dataclass(frozen=True)
class ImportOptions:
    kind: ImportKind = ImportKind.PEOPLE
    create_organisations: bool = False
    # The language a created organisation's name is filed under, and of the labels in the plan.
    language: str = "en"


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class RowPlan:
    """One row of the file and what the import does with it."""

    row_number: int
    outcome: Outcome
    label: str  # who or what the row is: "Marie-Claude Arsenault (RCMP)"
    reasons: tuple[str, ...] = ()  # why it is refused, translated
    existing_uuid: str | None = None
    existing_label: str = ""
    match: str = ""  # why it is taken for an existing row: "same e-mail", translated
    changes: tuple[FieldChange, ...] = ()
    values: Values = ()  # normalised values to write: all of them for a new row, the changed ones for an update
    organisation_uuid: str | None = None  # people: an organisation already in the directory
    new_organisation: str = ""  # people: the key of an organisation this import creates
    unknown_organisation: str = ""  # people: refused (among other reasons) for naming this unknown organisation

    @property
    def takeable(self) -> bool:
        return self.outcome in (Outcome.NEW, Outcome.UPDATE)


@dataclass(frozen=True)
class NewOrganisation:
    key: str
    name: str
    country: str | None


@dataclass(frozen=True)
class ImportPreview:
    kind: ImportKind
    rows: tuple[RowPlan, ...]
    new_organisations: tuple[NewOrganisation, ...] = ()

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def refused(self) -> tuple[RowPlan, ...]:
        return tuple(row for row in self.rows if row.outcome == Outcome.REFUSED)


@dataclass(frozen=True)
class Record:
    """A row an import created: its UUID and the values to create it again (redo)."""

    uuid: str
    values: Values


@dataclass(frozen=True)
class Replaced:
    """A row an import updated: the values before (undo) and after (redo)."""

    uuid: str
    before: Values
    after: Values


@dataclass(frozen=True)
class ImportResult:
    kind: ImportKind
    preview: ImportPreview
    organisations_created: tuple[Record, ...] = ()
    created: tuple[Record, ...] = ()  # people, or organisations for an organisations import
    updated: tuple[Replaced, ...] = ()

    @property
    def uuids(self) -> frozenset[str]:
        records = (*self.organisations_created, *self.created)
        return frozenset(r.uuid for r in records) | frozenset(r.uuid for r in self.updated)


def key(text: str | None) -> str:
    """How names are compared: accent- and case-free, spaces collapsed."""
    return " ".join(fold(text).split())


@dataclass
class ExistingOrganisation:
    id: int
    uuid: str
    values: dict[str, Any]

    def short(self, language: str) -> str:
        v = self.values
        return pick(v["acronym_en"], v["acronym_fr"], language).text or pick(v["name_en"], v["name_fr"], language).text


@dataclass
class ExistingPerson:
    uuid: str
    organisation_uuid: str | None
    values: dict[str, Any]

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.values["given_name"], self.values["family_name"]) if p)


ORGANISATION_COLUMNS = ("name_en", "name_fr", "acronym_en", "acronym_fr", "sector", "country", "relation", "notes")
PERSON_COLUMNS = ("given_name", "family_name", "title_en", "title_fr", "email", "phone", "preferred_language",
                  "time_zone", "notes")


@dataclass
class Snapshot:
    """The directory as an analysis reads it, once, with the indexes duplicates are found by."""

    organisations: dict[str, ExistingOrganisation] = field(default_factory=dict)
    organisation_keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    people_by_email: dict[str, ExistingPerson] = field(default_factory=dict)
    people_by_name: dict[tuple[str, str], list[ExistingPerson]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def read(cls, session: Session, with_people: bool) -> Snapshot:
        snapshot = cls()
        org_columns = [getattr(Organisation, name) for name in ORGANISATION_COLUMNS]
        for row in session.execute(select(Organisation.id, Organisation.uuid, *org_columns)):
            values = dict(zip(ORGANISATION_COLUMNS, row[2:], strict=True))
            org = ExistingOrganisation(row[0], row[1], values)
            snapshot.organisations[org.uuid] = org
            for name in ("acronym_en", "acronym_fr", "name_en", "name_fr"):
                if values[name]:
                    snapshot.organisation_keys[key(values[name])].add(org.uuid)
        if not with_people:
            return snapshot
        person_columns = [getattr(Person, name) for name in PERSON_COLUMNS]
        query = select(Person.uuid, Organisation.uuid, *person_columns).outerjoin(
            Organisation, Person.organisation_id == Organisation.id)
        for row in session.execute(query):
            person = ExistingPerson(row[0], row[1], dict(zip(PERSON_COLUMNS, row[2:], strict=True)))
            if person.values["email"]:
                snapshot.people_by_email[person.values["email"].lower()] = person
            snapshot.people_by_name[(key(person.values["given_name"]), key(person.values["family_name"]))].append(person)
        return snapshot

    def find_organisations(self, text: str) -> set[str]:
        return set(self.organisation_keys.get(key(text), set()))
