"""Importing people and organisations from spreadsheets: reading any common CSV or XLSX, guessing the columns,
the row-by-row analysis (new, update, refused and why), the one-transaction write, its undo and redo."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.enums import Language, Relation, Sector
from app.errors import ChairdeskError, DomainError
from app.i18n import set_language
from app.interchange.spreadsheet_import import parse_csv, read_sheet, sniff_delimiter
from app.interchange.spreadsheet_mapping import (
    ImportKind,
    Target,
    check_mapping,
    guess_mapping,
    parse_country,
    parse_language,
    parse_sector,
    split_full_name,
)
from app.persistence.database import Database
from app.services import directory
from app.services.directory_import import apply_import, preview_import, redo_import, undo_import
from app.services.import_plan import ImportOptions, Outcome

HEADER = "Nom;Prénom;Courriel;Organisation;Pays;Téléphone;Titre/Grade;Langue;Fuseau horaire"
ROWS = [
    "Arsenault;Marie-Claude;;GRC;Canada;+1 555 0100;Surintendante principale;français;America/Toronto",
    "Lefèvre;Zoé;zoe@@sante;Santé Canada;Atlantis;;;fr;Mars/Base",
    ";;nobody@example.org;RCMP;;;;;",
    "Dupont;Jean;jean.dupont@garda.example;Garda;Irlande;;Inspecteur;en;Europe/Dublin",
    "White;Stephen;STEPHEN.WHITE@rcmp.example;RCMP;;+1 555 9999;;;",
    "Martin;Claire;claire.martin@interpol.example;Interpol;;;Analyste;;",
    "Martin;Claire;claire.martin@interpol.example;Interpol;;;Analyste;;",
]
TEXT = "\r\n".join([HEADER, *ROWS]) + "\r\n"


@pytest.fixture
def directory_db(db: Database) -> Database:
    rcmp = directory.create_organisation(db, name_en="Royal Canadian Mounted Police",
                                         name_fr="Gendarmerie royale du Canada", acronym_en="RCMP", acronym_fr="GRC",
                                         country="CA", sector="law_enforcement", relation="member")
    directory.create_organisation(db, name_en="Interpol", acronym_en="Interpol", sector="law_enforcement")
    directory.create_person(db, given_name="Marie-Claude", family_name="Arsenault", organisation_uuid=rcmp.uuid,
                            phone="+1 555 0101", preferred_language="fr")
    directory.create_person(db, given_name="Stephen", family_name="White", organisation_uuid=rcmp.uuid,
                            email="stephen.white@rcmp.example", phone="+1 555 0102")
    return db


def people_sheet(encoding: str = "utf-8") -> object:
    return parse_csv(TEXT.encode(encoding), "people.csv")


# --- reading ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "prefix", "detected"), [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("cp1252", b"", "cp1252"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
])
def test_any_common_encoding_with_or_without_bom(encoding: str, prefix: bytes, detected: str) -> None:
    sheet = parse_csv(prefix + TEXT.encode(encoding), "people.csv")
    assert sheet.encoding == detected
    assert sheet.delimiter == ";"
    assert sheet.headers[:3] == ("Nom", "Prénom", "Courriel")
    assert sheet.rows[1][:2] == ("Lefèvre", "Zoé")
    assert sheet.row_numbers == (2, 3, 4, 5, 6, 7, 8)


def test_latin_1_when_nothing_else_reads_it() -> None:
    data = "Nom,Prénom\nPŒ,Zoé\n".encode("cp1252").replace("Œ".encode("cp1252"), b"\x81")  # undefined in cp1252
    sheet = parse_csv(data)
    assert sheet.encoding == "latin-1" and sheet.rows[0][1] == "Zoé"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(delimiter: str) -> None:
    text = delimiter.join(["Name", "E-mail", "Organisation"]) + "\n" + delimiter.join(
        ["Arsenault, Marie-Claude" if delimiter != "," else '"Arsenault, Marie-Claude"', "mc@example.org", "RCMP"])
    assert sniff_delimiter(text) == delimiter
    sheet = parse_csv(text.encode())
    assert sheet.rows == (("Arsenault, Marie-Claude", "mc@example.org", "RCMP"),)


def test_blank_rows_dropped_short_rows_padded_and_our_formula_guard_removed() -> None:
    sheet = parse_csv(b"Name;Phone\n\n;;\nAda Lovelace;'+44 20 7946 0000\nBob\n")
    assert sheet.rows == (("Ada Lovelace", "+44 20 7946 0000"), ("Bob", ""))
    assert sheet.row_numbers == (4, 5)


def test_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Family name", "Given name", "E-mail", "Phone"])
    sheet.append([])
    sheet.append(["Ødegård", "Ingrid", "ingrid@coe.example", 15550100])
    book.save(tmp_path / "people.xlsx")
    read = read_sheet(tmp_path / "people.xlsx")
    assert read.headers == ("Family name", "Given name", "E-mail", "Phone")
    assert read.rows == (("Ødegård", "Ingrid", "ingrid@coe.example", "15550100"),)
    assert read.row_numbers == (3,)


def test_unreadable_files_say_why(tmp_path: Path) -> None:
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    (tmp_path / "empty.csv").write_bytes(b"\n\n")
    (tmp_path / "old.xls").write_bytes(b"")
    with pytest.raises(ChairdeskError, match="not a readable XLSX"):
        read_sheet(tmp_path / "broken.xlsx")
    with pytest.raises(ChairdeskError, match="has no rows"):
        read_sheet(tmp_path / "empty.csv")
    with pytest.raises(ChairdeskError, match=r"\.csv or \.xlsx"):
        read_sheet(tmp_path / "old.xls")
    with pytest.raises(ChairdeskError, match="No such file"):
        read_sheet(tmp_path / "missing.csv")


# --- columns and cells ------------------------------------------------------------------------------------------

def test_french_and_english_headers_are_recognised() -> None:
    french = guess_mapping(HEADER.split(";"), ImportKind.PEOPLE)
    assert french == (Target.FAMILY_NAME, Target.GIVEN_NAME, Target.EMAIL, Target.ORGANISATION, Target.COUNTRY,
                      Target.PHONE, Target.TITLE_FR, Target.LANGUAGE, Target.TIME_ZONE)
    english = guess_mapping(["First name", "Last name", "E-mail address", "Organization", "Job title", "Time zone",
                             "Whatever"], ImportKind.PEOPLE)
    assert english == (Target.GIVEN_NAME, Target.FAMILY_NAME, Target.EMAIL, Target.ORGANISATION, Target.TITLE_EN,
                       Target.TIME_ZONE, Target.IGNORE)
    assert guess_mapping(["Nom", "Courriel"], ImportKind.PEOPLE)[0] == Target.FULL_NAME
    assert guess_mapping(["Sigle", "Nom", "Name", "Secteur", "Pays"], ImportKind.ORGANISATIONS) == (
        Target.ACRONYM_FR, Target.NAME_FR, Target.NAME_EN, Target.SECTOR, Target.COUNTRY)


def test_a_mapping_needs_a_name_and_each_target_once() -> None:
    with pytest.raises(DomainError, match="name") as no_name:
        check_mapping((Target.EMAIL, Target.IGNORE), ImportKind.PEOPLE)
    assert no_name.value.field == "mapping"
    with pytest.raises(DomainError, match="Two columns"):
        check_mapping((Target.FAMILY_NAME, Target.EMAIL, Target.EMAIL), ImportKind.PEOPLE)
    check_mapping((Target.FULL_NAME,), ImportKind.PEOPLE)


def test_cell_vocabularies() -> None:
    assert [parse_country(v) for v in ("ca", "Royaume-Uni", "united kingdom", "États-Unis", "Atlantis")] == [
        "CA", "GB", "GB", "US", None]
    assert [parse_language(v) for v in ("Français", "anglais", "EN", "klingon")] == [Language.FR, Language.EN,
                                                                                   Language.EN, None]
    assert parse_sector("Application de la loi") == Sector.LAW_ENFORCEMENT and parse_sector("ONG") == Sector.NGO
    assert split_full_name("Arsenault, Marie-Claude") == ("Marie-Claude", "Arsenault")
    assert split_full_name("Thi Mai Nguyễn") == ("Thi Mai", "Nguyễn")


# --- analysis -----------------------------------------------------------------------------------------------------

def test_preview_says_what_each_row_becomes_and_writes_nothing(directory_db: Database) -> None:
    sheet = people_sheet("cp1252")
    before = directory.list_people(directory_db)
    preview = preview_import(directory_db, sheet, guess_mapping(sheet.headers, ImportKind.PEOPLE), ImportOptions())
    outcomes = {row.row_number: row for row in preview.rows}
    assert outcomes[2].outcome == Outcome.UPDATE and outcomes[2].match == "same name and organisation"
    assert {c.field for c in outcomes[2].changes} == {"phone", "title_fr", "time_zone"}
    refused = outcomes[3].reasons
    assert any(r.startswith("E-mail: zoe@@sante is not a valid e-mail address") for r in refused)
    assert "Country: Atlantis is not a known country." in refused
    assert "Time zone: Mars/Base is not a known time zone." in refused
    assert "Organisation: Santé Canada is not in the directory." in refused
    assert outcomes[4].reasons == ("No name: the given name and the family name are both empty.",)
    assert outcomes[5].outcome == Outcome.REFUSED and outcomes[5].unknown_organisation == "Garda"
    assert outcomes[6].outcome == Outcome.UPDATE and outcomes[6].match == "same e-mail"
    assert outcomes[7].outcome == Outcome.NEW
    assert outcomes[8].reasons == ("Same person as row 7 (same e-mail).",)
    assert directory.list_people(directory_db) == before


def test_reasons_are_translated(directory_db: Database) -> None:
    set_language("fr")
    sheet = people_sheet()
    preview = preview_import(directory_db, sheet, guess_mapping(sheet.headers, ImportKind.PEOPLE),
                             ImportOptions(language="fr"))
    assert any("n’est pas une adresse de courriel valide" in r for r in preview.rows[1].reasons)


def test_apply_writes_the_good_rows_in_one_go_and_undo_redo_take_it_back(directory_db: Database) -> None:
    sheet = people_sheet("utf-8-sig")
    mapping = guess_mapping(sheet.headers, ImportKind.PEOPLE)
    options = ImportOptions(create_organisations=True)
    before = {p.uuid: p for p in directory.list_people(directory_db)}
    orgs_before = len(directory.list_organisations(directory_db))
    result = apply_import(directory_db, sheet, mapping, options)
    after = {p.uuid: p for p in directory.list_people(directory_db)}
    assert len(after) == len(before) + 2  # Jean Dupont and Claire Martin; never a second Stephen White
    white = next(p for p in after.values() if p.family_name == "White")
    assert white.phone == "+1 555 9999" and white.email == "stephen.white@rcmp.example"
    dupont = next(p for p in after.values() if p.family_name == "Dupont")
    assert (dupont.organisation_short, dupont.time_zone, dupont.title_fr) == ("Garda", "Europe/Dublin", "Inspecteur")
    garda = next(o for o in directory.list_organisations(directory_db) if o.name_en == "Garda")
    assert garda.country == "IE" and garda.acronym_en == ""
    assert len(result.organisations_created) == 1 and len(result.updated) == 2

    undo_import(directory_db, result)
    assert {p.uuid: p for p in directory.list_people(directory_db)} == before
    assert len(directory.list_organisations(directory_db)) == orgs_before

    redo_import(directory_db, result)
    again = {p.uuid: p for p in directory.list_people(directory_db)}
    assert again == after  # the same UUIDs and values


def test_rows_left_out_are_not_written(directory_db: Database) -> None:
    sheet = people_sheet()
    mapping = guess_mapping(sheet.headers, ImportKind.PEOPLE)
    result = apply_import(directory_db, sheet, mapping, ImportOptions(), leave_out={2, 6})
    assert [r.uuid for r in result.updated] == []
    assert len(result.created) == 1
    assert directory.list_people(directory_db, search="white")[0].phone == "+1 555 0102"


def test_name_alone_matches_a_single_person_without_conflicting_email(directory_db: Database) -> None:
    sheet = parse_csv(b"Name,Phone\nStephen White,+1 555 0000\nNew Person,1\n")
    preview = preview_import(directory_db, sheet, guess_mapping(sheet.headers, ImportKind.PEOPLE), ImportOptions())
    assert [(r.outcome, r.match) for r in preview.rows] == [(Outcome.UPDATE, "same name"), (Outcome.NEW, "")]


def test_importing_the_same_file_twice_changes_nothing(directory_db: Database) -> None:
    sheet = people_sheet()
    mapping = guess_mapping(sheet.headers, ImportKind.PEOPLE)
    apply_import(directory_db, sheet, mapping, ImportOptions(create_organisations=True))
    second = preview_import(directory_db, sheet, mapping, ImportOptions(create_organisations=True))
    assert second.count(Outcome.NEW) == 0 and second.count(Outcome.UPDATE) == 0
    assert second.count(Outcome.UNCHANGED) == 4


def test_organisations_import(directory_db: Database) -> None:
    text = ("Sigle;Nom;Name;Secteur;Pays;Relation\n"
            "GRC;Gendarmerie royale du Canada;Royal Canadian Mounted Police;Police;Canada;Partenaire\n"
            "NCMEC;;National Center for Missing and Exploited Children;ONG;États-Unis;partner\n"
            "XX;;Somewhere;Aliens;Atlantis;friend\n"
            ";;;;;\n"
            "NCMEC;;National Center for Missing & Exploited Children;ngo;US;partner\n")
    sheet = parse_csv(text.encode("cp1252"))
    mapping = guess_mapping(sheet.headers, ImportKind.ORGANISATIONS)
    options = ImportOptions(kind=ImportKind.ORGANISATIONS)
    preview = preview_import(directory_db, sheet, mapping, options)
    rows = {row.row_number: row for row in preview.rows}
    assert rows[2].outcome == Outcome.UPDATE and [c.field for c in rows[2].changes] == ["relation"]
    assert rows[3].outcome == Outcome.NEW
    assert len(rows[4].reasons) == 3
    assert rows[6].reasons == ("Same organisation as row 3.",)
    result = apply_import(directory_db, sheet, mapping, options)
    ncmec = next(o for o in directory.list_organisations(directory_db) if o.acronym_fr == "NCMEC")
    assert (ncmec.sector, ncmec.country, ncmec.relation) == (Sector.NGO, "US", Relation.PARTNER)
    undo_import(directory_db, result)
    assert directory.list_organisations(directory_db, search="ncmec") == []
    rcmp = directory.list_organisations(directory_db, search="rcmp")[0]
    assert rcmp.relation == Relation.MEMBER


def test_undo_refuses_when_an_imported_person_is_now_used(directory_db: Database) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import select

    from app.domain.models import Meeting, Participation, Person

    sheet = parse_csv(b"Given name,Family name\nAda,Lovelace\n")
    result = apply_import(directory_db, sheet, guess_mapping(sheet.headers, ImportKind.PEOPLE), ImportOptions())
    with directory_db.transaction() as session:
        person = session.execute(select(Person).where(Person.uuid == result.created[0].uuid)).scalar_one()
        meeting = Meeting(reference="VGT-2030-01", title_en="Meeting", starts_at=datetime(2030, 1, 1, 9, tzinfo=UTC),
                          ends_at=datetime(2030, 1, 1, 17, tzinfo=UTC), time_zone="UTC")
        session.add_all([meeting, Participation(meeting=meeting, person=person)])
    with pytest.raises(DomainError, match="attendee lists"):
        undo_import(directory_db, result)
    assert directory.list_people(directory_db, search="lovelace")
