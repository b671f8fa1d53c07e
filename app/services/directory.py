"""Directory use cases: partner organisations and the people in them.

Search is accent- and case-insensitive (``Sante`` finds ``Santé``, ``odegard`` finds ``Ødegård``)
through the ``fold()`` SQL function the database registers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.domain.enums import Language, Relation, Sector
from app.domain.models import ActionOwner, Meeting, Organisation, Participation, Person
from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.views import OrganisationView, PersonView

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


def _check_organisation(org: Organisation) -> None:
    if not (org.name_en or org.name_fr):
        raise DomainError(_("An organisation needs a name in English or in French."), field="name_en")


def _check_person(session: Session, person: Person) -> None:
    if not (person.given_name or person.family_name):
        raise DomainError(_("A person needs a name."), field="family_name")
    if person.email:
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
        pattern = f"%{fold(search.strip())}%"
        query = query.where(or_(*(func.fold(column).like(pattern) for column in (
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


def create_organisation(db: Database, **values: Any) -> OrganisationView:
    with db.transaction() as session:
        org = Organisation()
        common.apply_changes(org, values, ORGANISATION_FIELDS)
        _check_organisation(org)
        session.add(org)
        session.flush()
        return organisation_view(org)


def update_organisation(db: Database, uuid: str, changes: Mapping[str, Any]) -> OrganisationView:
    with db.transaction() as session:
        org = common.get_by_uuid(session, Organisation, uuid, _("organisation"))
        common.apply_changes(org, changes, ORGANISATION_FIELDS)
        _check_organisation(org)
        return organisation_view(org)


def delete_organisation(db: Database, uuid: str) -> None:
    with db.transaction() as session:
        org = common.get_by_uuid(session, Organisation, uuid, _("organisation"))
        in_use = (
            session.execute(select(Person.id).where(Person.organisation_id == org.id).limit(1)).first()
            or session.execute(select(Meeting.id).where(Meeting.host_organisation_id == org.id).limit(1)).first()
            or session.execute(select(Participation.id).where(Participation.organisation_id == org.id).limit(1)).first()
            or session.execute(select(ActionOwner.id).where(ActionOwner.organisation_id == org.id).limit(1)).first()
        )
        if in_use:
            raise DomainError(_("This organisation is still used by people, meetings or actions; it cannot be deleted."))
        session.delete(org)


# --- people --------------------------------------------------------------------------------------------------

def list_people(
    db: Database, search: str = "", organisation_uuid: str | None = None, language: str = "en"
) -> list[PersonView]:
    query = select(Person).options(selectinload(Person.organisation))
    if search.strip():
        pattern = f"%{fold(search.strip())}%"
        query = query.outerjoin(Person.organisation).where(or_(
            func.fold(Person.given_name + " " + Person.family_name).like(pattern),
            func.fold(Person.email).like(pattern),
            func.fold(Organisation.acronym_en).like(pattern),
            func.fold(Organisation.acronym_fr).like(pattern),
            func.fold(Organisation.name_en).like(pattern),
            func.fold(Organisation.name_fr).like(pattern),
        ))
    if organisation_uuid:
        query = query.where(Person.organisation_id == select(Organisation.id).where(
            Organisation.uuid == organisation_uuid).scalar_subquery())
    with db.transaction() as session:
        rows = session.execute(
            query.order_by(func.fold(Person.family_name), func.fold(Person.given_name), Person.id)
        ).scalars().all()
        return [person_view(row, language) for row in rows]


def get_person(db: Database, uuid: str, language: str = "en") -> PersonView:
    with db.transaction() as session:
        return person_view(common.get_by_uuid(session, Person, uuid, _("person")), language)


def _set_organisation(session: Session, person: Person, organisation_uuid: str | None) -> None:
    if organisation_uuid:
        person.organisation = common.get_by_uuid(session, Organisation, organisation_uuid, _("organisation"))
    else:
        person.organisation = None


def create_person(db: Database, organisation_uuid: str | None = None, **values: Any) -> PersonView:
    with db.transaction() as session:
        person = Person()
        common.apply_changes(person, values, PERSON_FIELDS)
        _check_person(session, person)
        _set_organisation(session, person, organisation_uuid)
        session.add(person)
        session.flush()
        return person_view(person)


def update_person(db: Database, uuid: str, changes: Mapping[str, Any]) -> PersonView:
    with db.transaction() as session:
        person = common.get_by_uuid(session, Person, uuid, _("person"))
        plain = dict(changes)
        if "organisation_uuid" in plain:
            _set_organisation(session, person, plain.pop("organisation_uuid"))
        common.apply_changes(person, plain, PERSON_FIELDS)
        _check_person(session, person)
        return person_view(person)


def delete_person(db: Database, uuid: str) -> None:
    with db.transaction() as session:
        person = common.get_by_uuid(session, Person, uuid, _("person"))
        in_use = (
            session.execute(select(Participation.id).where(Participation.person_id == person.id).limit(1)).first()
            or session.execute(select(Meeting.id).where(
                or_(Meeting.chair_id == person.id, Meeting.secretary_id == person.id)).limit(1)).first()
            or session.execute(select(ActionOwner.id).where(ActionOwner.person_id == person.id).limit(1)).first()
        )
        if in_use:
            raise DomainError(_("This person is on a meeting's attendee list or owns actions; they cannot be deleted."))
        session.delete(person)
