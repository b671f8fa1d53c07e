"""Directory use cases: partner organisations and the people in them.

Search is accent- and case-insensitive (``Sante`` finds ``Santé``, ``odegard`` finds ``Ødegård``)
through the ``fold()`` SQL function the database registers.  People are listed with one joined query
of plain columns rather than ORM objects, so that a directory of 10,000 people loads in a fraction of a
second; they can be filtered by the sector, country and relation of their organisation.  The create
services take an optional ``uuid`` so that undoing a deletion brings back the very same row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.enums import Language, Relation, Sector
from app.domain.models import ActionOwner, Meeting, Organisation, Participation, Person
from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.views import OrganisationView, PersonView, pick

ORGANISATION_FIELDS: dict[str, common.FieldRule] = {
    "name_en": common.text(200),
    "name_fr": common.text(200),
    "acronym_en": common.text(40),
    "acronym_fr": common.text(40),
    "sector": common.choice(Sector),
    "country": common.country(),
    "relation": common.choice(Relation),
    "notes": common.long_text(),
}

PERSON_FIELDS: dict[str, common.FieldRule] = {
    "given_name": common.text(120),
    "family_name": common.text(120),
    "title_en": common.text(200),
    "title_fr": common.text(200),
    "email": common.email(),
    "phone": common.text(50),
    "preferred_language": common.choice(Language),
    "time_zone": common.time_zone(),
    "notes": common.long_text(),
}


def organisation_view(org: Organisation) -> OrganisationView:
    return OrganisationView(
        uuid=org.uuid, name_en=org.name_en, name_fr=org.name_fr, acronym_en=org.acronym_en,
        acronym_fr=org.acronym_fr, sector=org.sector, country=org.country, relation=org.relation, notes=org.notes,
    )


def person_view(person: Person, language: str = "en") -> PersonView:
    org = person.organisation
    short = ""
    if org is not None:
        short = organisation_view(org).short(language)
    return PersonView(
        uuid=person.uuid, given_name=person.given_name, family_name=person.family_name,
        title_en=person.title_en, title_fr=person.title_fr, organisation_uuid=org.uuid if org else None,
        organisation_short=short, email=person.email, phone=person.phone,
        preferred_language=person.preferred_language, time_zone=person.time_zone, notes=person.notes,
    )


def organisation_values(view: OrganisationView) -> dict[str, Any]:
    """Every user-settable field of an organisation, as ``create_organisation`` takes them (undo of a delete)."""
    return {name: getattr(view, name) for name in ORGANISATION_FIELDS}


def person_values(view: PersonView) -> dict[str, Any]:
    """Every user-settable field of a person and its organisation, as ``create_person`` takes them."""
    values = {name: getattr(view, name) for name in PERSON_FIELDS}
    values["organisation_uuid"] = view.organisation_uuid
    return values


def check_organisation(org: Organisation) -> None:
    if not (org.name_en or org.name_fr):
        raise DomainError(_("An organisation needs a name in English or in French."), field="name_en")


def check_person(session: Session, person: Person, check_email: bool = True) -> None:
    if not (person.given_name or person.family_name):
        raise DomainError(_("A person needs a name."), field="family_name")
    if person.email and check_email:
        query = select(Person.id).where(func.lower(Person.email) == person.email.lower())
        if person.id is not None:
            query = query.where(Person.id != person.id)
        if session.execute(query.limit(1)).first() is not None:
            raise DomainError(
                _("Another person in the directory already has the e-mail address {email}.").format(email=person.email),
                field="email",
            )


# --- organisations -------------------------------------------------------------------------------------------

def list_organisations(
    db: Database, search: str = "", sector: Sector | None = None, country: str | None = None,
    relation: Relation | None = None,
) -> list[OrganisationView]:
    query = select(Organisation)
    if search.strip():
        pattern = _pattern(search)
        query = query.where(or_(*(func.fold(column).like(pattern, escape="\\") for column in (
            Organisation.name_en, Organisation.name_fr, Organisation.acronym_en, Organisation.acronym_fr))))
    if sector is not None:
        query = query.where(Organisation.sector == sector)
    if country:
        query = query.where(Organisation.country == country.upper())
    if relation is not None:
        query = query.where(Organisation.relation == relation)
    with db.transaction() as session:
        rows = session.execute(query.order_by(func.fold(Organisation.name_en), Organisation.id)).scalars().all()
        return [organisation_view(row) for row in rows]


def get_organisation(db: Database, uuid: str) -> OrganisationView:
    with db.transaction() as session:
        return organisation_view(common.get_by_uuid(session, Organisation, uuid, _("organisation")))


def create_organisation(db: Database, uuid: str | None = None, **values: Any) -> OrganisationView:
    """A new organisation; ``uuid`` brings a deleted one back under its old identity (undo)."""
    with db.transaction() as session:
        org = Organisation(uuid=uuid) if uuid else Organisation()
        common.apply_changes(org, values, ORGANISATION_FIELDS)
        check_organisation(org)
        session.add(org)
        session.flush()
        return organisation_view(org)


def update_organisation(db: Database, uuid: str, changes: Mapping[str, Any]) -> OrganisationView:
    with db.transaction() as session:
        org = common.get_by_uuid(session, Organisation, uuid, _("organisation"))
        common.apply_changes(org, changes, ORGANISATION_FIELDS)
        check_organisation(org)
        return organisation_view(org)


def delete_organisation(db: Database, uuid: str) -> None:
    with db.transaction() as session:
        remove_organisation(session, common.get_by_uuid(session, Organisation, uuid, _("organisation")))


def remove_organisation(session: Session, org: Organisation) -> None:
    """Delete ``org`` in the caller's transaction, unless anything still refers to it."""
    in_use = (
        session.execute(select(Person.id).where(Person.organisation_id == org.id).limit(1)).first()
        or session.execute(select(Meeting.id).where(Meeting.host_organisation_id == org.id).limit(1)).first()
        or session.execute(select(Participation.id).where(Participation.organisation_id == org.id).limit(1)).first()
        or session.execute(select(ActionOwner.id).where(ActionOwner.organisation_id == org.id).limit(1)).first()
    )
    message = _("This organisation is still used by people, meetings or actions; it cannot be deleted.")
    if in_use:
        raise DomainError(message)
    _delete_checked(session, org, message)


def _delete_checked(session: Session, row: Organisation | Person, message: str) -> None:
    # Documents, review comments, votes… refer to the directory too: the database's RESTRICT has the last word.
    session.delete(row)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise DomainError(message) from exc


# --- people --------------------------------------------------------------------------------------------------

_PERSON_COLUMNS = (
    Person.uuid, Person.given_name, Person.family_name, Person.title_en, Person.title_fr, Person.email,
    Person.phone, Person.preferred_language, Person.time_zone, Person.notes,
    Organisation.uuid, Organisation.acronym_en, Organisation.acronym_fr, Organisation.name_en, Organisation.name_fr,
)


def list_people(
    db: Database, search: str = "", organisation_uuid: str | None = None, language: str = "en",
    sector: Sector | None = None, country: str | None = None, relation: Relation | None = None,
    ordered: bool = True,
) -> list[PersonView]:
    """People matching ``search`` (names, e-mail, their organisation's acronyms and names, accent-free) and
    the sector, country and relation of their organisation, sorted by family name unless ``ordered`` is False
    (a caller that sorts them itself saves two accent-free foldings per row)."""
    query = select(*_PERSON_COLUMNS).outerjoin(Organisation, Person.organisation_id == Organisation.id)
    if search.strip():
        # One fold() per row over every searched text, kept apart by a character nobody types.
        parts = [Person.given_name + " " + Person.family_name, Person.family_name + " " + Person.given_name,
                 func.coalesce(Person.email, ""), *(func.coalesce(column, "") for column in (
                     Organisation.acronym_en, Organisation.acronym_fr, Organisation.name_en, Organisation.name_fr))]
        haystack = parts[0]
        for part in parts[1:]:
            haystack = haystack + _SEPARATOR + part
        query = query.where(func.fold(haystack).like(_pattern(search), escape="\\"))
    if organisation_uuid:
        query = query.where(Organisation.uuid == organisation_uuid)
    if sector is not None:
        query = query.where(Organisation.sector == sector)
    if country:
        query = query.where(Organisation.country == country.upper())
    if relation is not None:
        query = query.where(Organisation.relation == relation)
    with db.transaction() as session:
        if ordered:
            query = query.order_by(func.fold(Person.family_name), func.fold(Person.given_name), Person.id)
        rows = session.execute(query).all()
    shorts: dict[str, str] = {}
    return [_person_row_view(row, language, shorts) for row in rows]


def _person_row_view(row: Any, language: str, shorts: dict[str, str]) -> PersonView:
    (uuid, given, family, title_en, title_fr, email, phone, preferred, zone, notes,
     org_uuid, acronym_en, acronym_fr, name_en, name_fr) = row
    short = ""
    if org_uuid is not None:
        short = shorts.get(org_uuid, "")
        if not short:
            short = shorts[org_uuid] = (pick(acronym_en, acronym_fr, language).text
                                        or pick(name_en, name_fr, language).text)
    return PersonView(uuid, given, family, title_en, title_fr, org_uuid, short, email, phone, preferred, zone, notes)


_SEPARATOR = "\x01"


def _pattern(search: str) -> str:
    """``%typed%`` for LIKE, accent-free, with LIKE's own wildcards typed by the user taken literally."""
    folded = fold(search.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{folded}%"


def get_person(db: Database, uuid: str, language: str = "en") -> PersonView:
    with db.transaction() as session:
        return person_view(common.get_by_uuid(session, Person, uuid, _("person")), language)


def set_person_organisation(session: Session, person: Person, organisation_uuid: str | None) -> None:
    if organisation_uuid:
        person.organisation = common.get_by_uuid(session, Organisation, organisation_uuid, _("organisation"))
    else:
        person.organisation = None


def create_person(
    db: Database, organisation_uuid: str | None = None, uuid: str | None = None, **values: Any
) -> PersonView:
    """A new person; ``uuid`` brings a deleted one back under its old identity (undo)."""
    with db.transaction() as session:
        person = Person(uuid=uuid) if uuid else Person()
        common.apply_changes(person, values, PERSON_FIELDS)
        check_person(session, person)
        set_person_organisation(session, person, organisation_uuid)
        session.add(person)
        session.flush()
        return person_view(person)


def update_person(db: Database, uuid: str, changes: Mapping[str, Any]) -> PersonView:
    with db.transaction() as session:
        person = common.get_by_uuid(session, Person, uuid, _("person"))
        plain = dict(changes)
        if "organisation_uuid" in plain:
            set_person_organisation(session, person, plain.pop("organisation_uuid"))
        common.apply_changes(person, plain, PERSON_FIELDS)
        check_person(session, person)
        return person_view(person)


def delete_person(db: Database, uuid: str) -> None:
    with db.transaction() as session:
        remove_person(session, common.get_by_uuid(session, Person, uuid, _("person")))


def remove_person(session: Session, person: Person) -> None:
    """Delete ``person`` in the caller's transaction, unless a meeting or an action refers to them."""
    in_use = (
        session.execute(select(Participation.id).where(Participation.person_id == person.id).limit(1)).first()
        or session.execute(select(Meeting.id).where(
            or_(Meeting.chair_id == person.id, Meeting.secretary_id == person.id)).limit(1)).first()
        or session.execute(select(ActionOwner.id).where(ActionOwner.person_id == person.id).limit(1)).first()
    )
    message = _("This person is on a meeting's attendee list or owns actions; they cannot be deleted.")
    if in_use:
        raise DomainError(message)
    _delete_checked(session, person, message)
