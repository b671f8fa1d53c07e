"""The directory's services beyond the basics: filters through the organisation, re-creation under the same
UUID (undo of a delete), deletions refused by any reference, and exports that can be imported again."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.enums import Relation, Sector
from app.errors import DomainError
from app.i18n import set_language
from app.interchange.directory_export import export_organisations, export_people
from app.interchange.spreadsheet_import import read_sheet
from app.interchange.spreadsheet_mapping import ImportKind, guess_mapping
from app.persistence.database import Database
from app.services import directory
from app.services.directory_import import preview_import
from app.services.import_plan import ImportOptions, Outcome


@pytest.fixture
def people(db: Database) -> Database:
    phac = directory.create_organisation(db, name_en="Public Health Agency of Canada",
                                         name_fr="Agence de la santé publique du Canada", acronym_en="PHAC",
                                         acronym_fr="ASPC", sector="government", country="CA", relation="observer")
    coe = directory.create_organisation(db, name_en="Council of Europe", name_fr="Conseil de l’Europe",
                                        acronym_en="CoE", sector="intergovernmental", relation="partner")
    directory.create_person(db, given_name="Ingrid", family_name="Ødegård", organisation_uuid=coe.uuid,
                            email="ingrid.odegard@coe.example", time_zone="Europe/Paris", preferred_language="fr")
    directory.create_person(db, given_name="Zoé", family_name="Lefèvre", organisation_uuid=phac.uuid,
                            email="zoe.lefevre@phac.example", phone="+1 555 0100", title_fr="Directrice",
                            title_en='=HYPERLINK("http://evil.example")')
    directory.create_person(db, given_name="Nobody", family_name="Unattached")
    return db


def test_people_filtered_by_their_organisation(people: Database) -> None:
    names = lambda **kw: [p.family_name for p in directory.list_people(people, **kw)]  # noqa: E731
    assert names(search="Sante") == ["Lefèvre"]
    assert names(search="odegard") == ["Ødegård"]
    assert names(search="odegard ingrid") == ["Ødegård"]
    assert names(sector=Sector.GOVERNMENT) == ["Lefèvre"]
    assert names(country="ca") == ["Lefèvre"]
    assert names(relation=Relation.PARTNER) == ["Ødegård"]
    assert names(relation=Relation.MEMBER) == []
    assert names() == ["Lefèvre", "Ødegård", "Unattached"]
    assert [p.organisation_short for p in directory.list_people(people, language="fr")] == ["ASPC", "CoE", ""]


def test_a_deleted_person_comes_back_with_the_same_uuid(people: Database) -> None:
    person = directory.list_people(people, search="odegard")[0]
    directory.delete_person(people, person.uuid)
    again = directory.create_person(people, uuid=person.uuid, **directory.person_values(person))
    assert directory.get_person(people, again.uuid) == person
    org = directory.list_organisations(people, search="santé")[0]
    assert directory.organisation_values(org)["name_fr"] == "Agence de la santé publique du Canada"


def test_an_organisation_owning_a_document_cannot_be_deleted(people: Database) -> None:
    from app.domain.models import Document, Organisation

    unused = directory.create_organisation(people, name_en="Unused")
    with people.transaction() as session:
        org = session.query(Organisation).filter_by(uuid=unused.uuid).one()
        session.add(Document(title_en="Scan", owner_organisation=org))
    with pytest.raises(DomainError, match="cannot be deleted"):
        directory.delete_organisation(people, unused.uuid)
    assert directory.get_organisation(people, unused.uuid).name_en == "Unused"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_people_export_reads_back_and_neutralises_formulas(people: Database, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"people{suffix}"
    assert export_people(people, target) == 3
    if suffix == ".csv":
        with target.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    else:
        sheet = load_workbook(target).active
        rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["Family name", "Given name", "Organisation"]
    lefevre = rows[1]
    assert lefevre[:3] == ["Lefèvre", "Zoé", "PHAC"]
    assert lefevre[3] == "'=HYPERLINK(\"http://evil.example\")"  # shown as text in a spreadsheet, never run
    assert lefevre[6] == "'+1 555 0100"
    read = read_sheet(target)
    assert read.rows[0][3] == '=HYPERLINK("http://evil.example")' and read.rows[0][6] == "+1 555 0100"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_export_imported_again_changes_nothing(people: Database, tmp_path: Path, language: str) -> None:
    set_language(language)
    for kind, export in ((ImportKind.PEOPLE, export_people), (ImportKind.ORGANISATIONS, export_organisations)):
        target = tmp_path / f"{kind}-{language}.xlsx"
        export(people, target)
        sheet = read_sheet(target)
        mapping = guess_mapping(sheet.headers, kind)
        preview = preview_import(people, sheet, mapping, ImportOptions(kind=kind, language=language))
        assert [row.outcome for row in preview.rows] == [Outcome.UNCHANGED] * len(sheet.rows), [
            (row.reasons, row.changes) for row in preview.rows]


def test_export_in_french_uses_french_labels(people: Database, tmp_path: Path) -> None:
    set_language("fr")
    export_organisations(people, tmp_path / "o.csv")
    with (tmp_path / "o.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row[0]: row for row in csv.reader(handle)}
    assert rows["Public Health Agency of Canada"][4:7] == ["Gouvernement", "Canada", "Observateur"]
    assert rows["Council of Europe"][4:7] == ["Intergouvernemental", "", "Partenaire"]
