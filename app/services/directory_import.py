"""Importing people or organisations from a spreadsheet: a preview that writes nothing, then one transaction
that writes the rows the user confirmed, and the undo and redo of that transaction as one step each.

``preview_import`` reads the directory once and says, row by row, what would happen (see
``import_analysis``).  ``apply_import`` runs the same analysis inside its own write transaction, so that what
it writes is what the data says at that moment, and writes the new and updated rows (less those the user
left out); it returns an ``ImportResult`` with what it created and the values it replaced.  ``undo_import``
deletes what was created and puts the old values back; ``redo_import`` creates the same rows again under the
same UUIDs.  Nothing here writes row by row through separate transactions: an import is all or nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.domain.models import ActionOwner, Meeting, Organisation, Participation, Person
from app.errors import DomainError
from app.i18n import _
from app.interchange.spreadsheet_import import Sheet
from app.interchange.spreadsheet_mapping import ImportKind, Target, check_mapping
from app.persistence.base import new_uuid
from app.persistence.database import Database
from app.services import common
from app.services.directory import ORGANISATION_FIELDS, PERSON_FIELDS, check_organisation, check_person
from app.services.import_analysis import analyse_organisations, analyse_people, looks_like_acronym
from app.services.import_plan import (
    ImportOptions,
    ImportPreview,
    ImportResult,
    NewOrganisation,
    Outcome,
    Record,
    Replaced,
    Snapshot,
    Values,
)

CHUNK = 500  # rows per IN (...) list, well under SQLite's limit on bound parameters


def _analyse(session: Session, sheet: Sheet, mapping: Sequence[Target], options: ImportOptions) -> ImportPreview:
    targets = tuple(Target(t) for t in mapping)
    check_mapping(targets, options.kind)
    if len(targets) != len(sheet.headers):
        raise DomainError(_("The columns have changed; choose what each column holds again."), field="mapping")
    snapshot = Snapshot.read(session, with_people=options.kind == ImportKind.PEOPLE)
    analyse = analyse_people if options.kind == ImportKind.PEOPLE else analyse_organisations
    return analyse(snapshot, sheet, targets, options)


def preview_import(db: Database, sheet: Sheet, mapping: Sequence[Target], options: ImportOptions) -> ImportPreview:
    """What importing ``sheet`` would do, row by row; writes nothing."""
    with db.transaction() as session:
        return _analyse(session, sheet, mapping, options)


def apply_import(db: Database, sheet: Sheet, mapping: Sequence[Target], options: ImportOptions,
                 leave_out: Collection[int] = ()) -> ImportResult:
    """Write the new and updated rows of ``sheet`` (but not the row numbers in ``leave_out``) in one transaction."""
    with db.transaction() as session:
        preview = _analyse(session, sheet, mapping, options)
        rows = [row for row in preview.rows if row.takeable and row.row_number not in leave_out]
        used = {row.new_organisation for row in rows if row.new_organisation}
        made = _create_organisations(session, [o for o in preview.new_organisations if o.key in used],
                                     options.language)
        created: list[Record] = []
        updated: list[Replaced] = []
        model = Person if options.kind == ImportKind.PEOPLE else Organisation
        existing = _load(session, model, [row.existing_uuid for row in rows if row.existing_uuid])
        orgs = _load(session, Organisation, [row.organisation_uuid for row in rows if row.organisation_uuid])
        orgs.update({org.uuid: org for org in made.values()})
        with session.no_autoflush:  # one flush at the end, not one per row
            for row in rows:
                values = dict(row.values)
                if options.kind == ImportKind.PEOPLE and (row.organisation_uuid or row.new_organisation):
                    values["organisation_uuid"] = row.organisation_uuid or made[row.new_organisation].uuid
                if row.outcome == Outcome.NEW:
                    uuid = new_uuid()
                    _create(session, options.kind, uuid, values, orgs)
                    created.append(Record(uuid, tuple(values.items())))
                else:
                    assert row.existing_uuid is not None
                    before = _replace(session, existing[row.existing_uuid], values, orgs)
                    updated.append(Replaced(row.existing_uuid, tuple(before.items()), tuple(values.items())))
        session.flush()
        records = tuple(Record(org.uuid, _organisation_record(org)) for org in made.values())
        return ImportResult(options.kind, preview, records, tuple(created), tuple(updated))


def undo_import(db: Database, result: ImportResult) -> None:
    """Delete what the import created and put back the values it replaced, in one transaction."""
    with db.transaction() as session:
        model = Person if result.kind == ImportKind.PEOPLE else Organisation
        created = _load(session, model, [r.uuid for r in result.created])
        _remove_all(session, model, list(created.values()))
        changed = _load(session, model, [r.uuid for r in result.updated])
        orgs = _load(session, Organisation, _organisations_in(r.before for r in result.updated))
        with session.no_autoflush:
            for record in result.updated:
                _replace(session, changed[record.uuid], dict(record.before), orgs)
        session.flush()
        made = _load(session, Organisation, [r.uuid for r in result.organisations_created])
        _remove_all(session, Organisation, list(made.values()))


def redo_import(db: Database, result: ImportResult) -> None:
    """Create the same rows again, under the same UUIDs, and apply the same updates, in one transaction."""
    with db.transaction() as session:
        for record in result.organisations_created:
            _create(session, ImportKind.ORGANISATIONS, record.uuid, dict(record.values), {})
        session.flush()
        model = Person if result.kind == ImportKind.PEOPLE else Organisation
        changed = _load(session, model, [r.uuid for r in result.updated])
        orgs = _load(session, Organisation, _organisations_in(
            [r.values for r in result.created] + [r.after for r in result.updated]))
        with session.no_autoflush:
            for record in result.created:
                _create(session, result.kind, record.uuid, dict(record.values), orgs)
            for replaced in result.updated:
                _replace(session, changed[replaced.uuid], dict(replaced.after), orgs)
        session.flush()


def _organisations_in(values: Iterable[Values]) -> list[str]:
    return sorted({value for items in values for name, value in items if name == "organisation_uuid" and value})


# --- writing ---------------------------------------------------------------------------------------------------

def _create_organisations(session: Session, wanted: Iterable[NewOrganisation], language: str) -> dict[str, Organisation]:
    made: dict[str, Organisation] = {}
    for new in wanted:
        values: dict[str, Any] = {"name_fr" if language == "fr" else "name_en": new.name}
        if looks_like_acronym(new.name):
            values["acronym_fr" if language == "fr" else "acronym_en"] = new.name
        if new.country:
            values["country"] = new.country
        org = Organisation(uuid=new_uuid())
        common.apply_changes(org, values, ORGANISATION_FIELDS)
        check_organisation(org)
        session.add(org)
        made[new.key] = org
    session.flush()
    return made


def _organisation_record(org: Organisation) -> Values:
    return tuple((name, getattr(org, name)) for name in ORGANISATION_FIELDS)


def _create(session: Session, kind: ImportKind, uuid: str, values: dict[str, Any],
            orgs: dict[str, Organisation]) -> None:
    if kind == ImportKind.ORGANISATIONS:
        org = Organisation(uuid=uuid)
        common.apply_changes(org, values, ORGANISATION_FIELDS)
        check_organisation(org)
        session.add(org)
        return
    plain = dict(values)
    org_uuid = plain.pop("organisation_uuid", None)
    person = Person(uuid=uuid)
    common.apply_changes(person, plain, PERSON_FIELDS)
    # E-mail addresses were checked against the directory and the file by the analysis, in this transaction.
    check_person(session, person, check_email=False)
    person.organisation = orgs[org_uuid] if org_uuid else None
    session.add(person)


def _replace(session: Session, row: Person | Organisation, values: dict[str, Any],
             orgs: dict[str, Organisation]) -> dict[str, Any]:
    """Set ``values`` on ``row``; returns the values they replaced."""
    plain = dict(values)
    before: dict[str, Any] = {}
    if isinstance(row, Person):
        if "organisation_uuid" in plain:
            org_uuid = plain.pop("organisation_uuid")
            before["organisation_uuid"] = row.organisation.uuid if row.organisation else None
            row.organisation = orgs[org_uuid] if org_uuid else None
        before.update({name: getattr(row, name) for name in plain})
        common.apply_changes(row, plain, PERSON_FIELDS)
        check_person(session, row, check_email=False)
    else:
        before.update({name: getattr(row, name) for name in plain})
        common.apply_changes(row, plain, ORGANISATION_FIELDS)
        check_organisation(row)
    return before


def _load(session: Session, model: type[Person] | type[Organisation], uuids: Sequence[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for start in range(0, len(uuids), CHUNK):
        chunk = list(uuids[start:start + CHUNK])
        rows: Iterable[Person | Organisation]
        if model is Person:
            rows = session.execute(select(Person).where(Person.uuid.in_(chunk))
                                   .options(selectinload(Person.organisation))).scalars()
        else:
            rows = session.execute(select(Organisation).where(Organisation.uuid.in_(chunk))).scalars()
        found.update({row.uuid: row for row in rows})
    missing = [uuid for uuid in uuids if uuid not in found]
    if missing:
        raise DomainError(_("{count} rows of this import are no longer in the directory.").format(count=len(missing)))
    return found


def _remove_all(session: Session, model: type[Person] | type[Organisation], rows: list[Any]) -> None:
    """Delete ``rows`` unless a meeting, an action or anything else still refers to one of them."""
    ids = [row.id for row in rows]
    if model is Person:
        message = _("Some of these people are now on attendee lists or own actions; they cannot be deleted.")
        checks = [(Participation.id, Participation.person_id), (ActionOwner.id, ActionOwner.person_id)]
    else:
        message = _("Some of these organisations are now used by people, meetings or actions; "
                    "they cannot be deleted.")
        checks = [(Person.id, Person.organisation_id), (Participation.id, Participation.organisation_id),
                  (ActionOwner.id, ActionOwner.organisation_id), (Meeting.id, Meeting.host_organisation_id)]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        queries = [select(key).where(column.in_(chunk)).limit(1) for key, column in checks]
        if model is Person:
            queries.append(select(Meeting.id).where(or_(Meeting.chair_id.in_(chunk),
                                                        Meeting.secretary_id.in_(chunk))).limit(1))
        if any(session.execute(query).first() for query in queries):
            raise DomainError(message)
    for row in rows:
        session.delete(row)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise DomainError(message) from exc
