"""The attendee-list services: bulk add, remove and restore with the same UUIDs, per-row undo of a bulk change,
the directory search (accent-free, several words, organisations, e-mail, limit, already listed), the
counts, the list order, and the spreadsheet export read back from CSV and XLSX."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.enums import Attendance, InvitationStatus, Role, Sector
from app.errors import ChairdeskError, DomainError, NotFoundError
from app.i18n import set_language
from app.interchange.attendees_export import write_attendees
from app.persistence.database import Database, backup_database, open_database
from app.services import attendees, directory, meetings
from app.services.attendees import list_attendees, search_directory


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path).close()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(backup_database(demo_template, tmp_path / "demo.sqlite"))
    yield database
    database.close()


@pytest.fixture
def ottawa(demo: Database) -> str:
    return meetings.get_meeting(demo, "VGT-2019-10").uuid


def by_name(db: Database, meeting: str) -> dict[str, attendees.AttendeeView]:
    return {row.person_name: row for row in list_attendees(db, meeting).rows}


def test_bulk_add_is_all_or_nothing_and_keeps_given_uuids(db: Database) -> None:
    meeting = meetings.create_meeting(db, reference="M-1", title_en="Meeting", time_zone="Europe/Paris",
                                      starts_at=datetime(2024, 3, 4, 8, tzinfo=UTC),
                                      ends_at=datetime(2024, 3, 4, 16, tzinfo=UTC)).uuid
    org = directory.create_organisation(db, name_en="Europol", acronym_en="Europol", sector=Sector.LAW_ENFORCEMENT)
    people = [directory.create_person(db, organisation_uuid=org.uuid, given_name=g, family_name=f)
              for g, f in (("Ana", "Silva"), ("Ben", "Okafor"), ("Chloé", "Martin"))]
    added = attendees.add_participants(db, meeting, [p.uuid for p in people[:2]], role=Role.DELEGATE)
    assert [a.organisation_short for a in added] == ["Europol", "Europol"]
    with pytest.raises(DomainError, match="already on the attendee list") as refused:
        attendees.add_participants(db, meeting, [people[2].uuid, people[0].uuid])
    assert refused.value.field == "person"
    assert len(list_attendees(db, meeting).rows) == 2  # Chloé was not added either
    again = attendees.add_participants(db, meeting, [people[2].uuid], uuids=["0d3c2a5e-0000-4000-8000-000000000001"])
    assert again[0].uuid == "0d3c2a5e-0000-4000-8000-000000000001"


def test_remove_then_restore_gives_back_the_same_rows(demo: Database, ottawa: str) -> None:
    before = by_name(demo, ottawa)
    ferraro, yilmaz = before["Giulia Ferraro"], before["Çağlar Yılmaz"]
    records = attendees.remove_participants(demo, [ferraro.uuid, yilmaz.uuid])
    assert {r.uuid for r in records} == {ferraro.uuid, yilmaz.uuid}
    assert "Giulia Ferraro" not in by_name(demo, ottawa)
    with pytest.raises(NotFoundError):
        attendees.remove_participants(demo, [ferraro.uuid])
    attendees.restore_participants(demo, records)
    after = by_name(demo, ottawa)
    assert after["Giulia Ferraro"] == ferraro and after["Çağlar Yılmaz"] == yilmaz  # UUID, values, notes, arrival
    assert after["Çağlar Yılmaz"].notes == "Joined by video link."


def test_a_bulk_change_is_undone_row_by_row(demo: Database, ottawa: str) -> None:
    rows = by_name(demo, ottawa)
    chosen = [rows[name] for name in ("Giulia Ferraro", "Aroha Ngata", "Khalid Al Mansoori")]
    attendees.update_participations(demo, [r.uuid for r in chosen], {"invitation_status": "confirmed"})
    assert {by_name(demo, ottawa)[r.person_name].invitation_status for r in chosen} == {InvitationStatus.CONFIRMED}
    attendees.update_each(demo, {r.uuid: {"invitation_status": r.invitation_status} for r in chosen})
    assert [by_name(demo, ottawa)[r.person_name].invitation_status for r in chosen] == [
        InvitationStatus.DECLINED, InvitationStatus.TENTATIVE, InvitationStatus.CONFIRMED]
    with pytest.raises(DomainError) as refused:
        attendees.update_each(demo, {chosen[0].uuid: {"attendance": "asleep"}})
    assert refused.value.field == "attendance"


def test_search_folds_accents_and_matches_every_word(demo: Database, ottawa: str) -> None:
    def names(text: str, **kwargs: object) -> list[str]:
        return [c.full_name for c in search_directory(demo, ottawa, text, **kwargs)]  # type: ignore[arg-type]

    assert names("wisn") == ["Łukasz Wiśniewski"]
    assert names("ODEGARD") == ["Ingrid Ødegård"]
    assert names("lukasz wis") == ["Łukasz Wiśniewski"]
    assert names("europol") == ["Łukasz Wiśniewski"]  # by organisation
    assert names("gendarmerie") == ["Marie-Claude Arsenault", "Sophie Tremblay", "Stephen White"]  # French name
    assert names("caglar.yilmaz@") == ["Çağlar Yılmaz"]  # by e-mail
    assert names("zzz") == [] and names("   ") == [] and names("%") == [] and names("_") == []
    assert len(names("e", limit=3)) == 3
    # A name that starts with what was typed comes before one that only contains it.
    found = names("ng")
    assert found[:2] == ["Aroha Ngata", "Thi Mai Nguyễn"]
    assert {"Ingrid Ødegård", "Oliver Pennington", "Marcus Bell"} <= set(found[2:])  # NCMEC: "Missing"
    assert all(c.listed for c in search_directory(demo, ottawa, "rcmp"))
    attendees.remove_participants(demo, [by_name(demo, ottawa)["Stephen White"].uuid])
    listed = {c.full_name: c.listed for c in search_directory(demo, ottawa, "rcmp")}
    assert listed == {"Marie-Claude Arsenault": True, "Sophie Tremblay": True, "Stephen White": False}


def test_search_sees_a_renamed_person_at_once(demo: Database, ottawa: str) -> None:
    assert search_directory(demo, ottawa, "ferraro")
    person = search_directory(demo, ottawa, "ferraro")[0].person_uuid
    directory.update_person(demo, person, {"family_name": "Ferrari-Østby"})
    assert [c.full_name for c in search_directory(demo, ottawa, "ferraro")] == ["Giulia Ferrari-Østby"]  # e-mail
    assert [c.full_name for c in search_directory(demo, ottawa, "ostby")] == ["Giulia Ferrari-Østby"]


def test_counts_of_the_list(demo: Database, ottawa: str) -> None:
    counts = attendees.count_attendance(list_attendees(demo, ottawa).rows)
    assert (counts.total, counts.invited, counts.confirmed, counts.tentative, counts.declined) == (14, 14, 12, 1, 1)
    assert (counts.present, counts.online, counts.apologies, counts.absent, counts.organisations) == (10, 2, 1, 1, 11)
    assert counts == meetings.meeting_overview(demo, ottawa).counts


def test_list_order_is_sector_organisation_family_name(demo: Database, ottawa: str) -> None:
    rows = sorted(list_attendees(demo, ottawa).rows, key=attendees.list_order)
    assert [r.sector for r in rows][-2:] == [Sector.INTERGOVERNMENTAL, Sector.NGO]
    assert [r.person_name for r in rows][:2] == ["Thi Mai Nguyễn", "Rebecca Thornton"]  # AFP, N before T


def test_attendee_list_as_csv_and_xlsx(demo: Database, ottawa: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    write_attendees(demo, "VGT-2019-10", tmp_path / "list.csv", "en")
    with (tmp_path / "list.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:5] == ["Sector", "Organisation", "Organisation (full name)", "Given name", "Family name"]
    assert table[0][-2:] == ["Arrival (America/Toronto)", "Notes"]
    assert len(table) == 15
    yilmaz = next(row for row in table if row[4] == "Yılmaz")
    assert yilmaz[:2] == ["Law enforcement", "Interpol"] and yilmaz[7:12] == [
        "Head of delegation", "Confirmed", "Online", "2019-10-02 12:58", "Joined by video link."]

    set_language("fr")
    write_attendees(demo, ottawa, tmp_path / "liste.xlsx", "fr")
    sheet = load_workbook(tmp_path / "liste.xlsx").active
    assert sheet is not None and sheet.title == "VGT-2019-10"
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    ferraro = next(row for row in values if row[4] == "Ferraro")
    assert ferraro[:3] == ["Application de la loi"] + ["Police des postes et des communications"] * 2
    assert ferraro[7:10] == [
        "Chef de délégation", "Décliné", "Excusé"]
    with pytest.raises(ChairdeskError, match="en ou fr"):  # the message in the active language
        write_attendees(demo, ottawa, tmp_path / "x.csv", "bilingual")


def test_the_sheet_neutralises_formulas(demo: Database, ottawa: str, tmp_path: Path) -> None:
    person = by_name(demo, ottawa)["Marcus Bell"]
    attendees.update_participation(demo, person.uuid, {"notes": "=HYPERLINK(\"http://x\")"})
    write_attendees(demo, ottawa, tmp_path / "list.csv", "en")
    assert "'=HYPERLINK" in (tmp_path / "list.csv").read_text(encoding="utf-8-sig")


def test_attendance_values_are_checked(demo: Database, ottawa: str) -> None:
    row = by_name(demo, ottawa)["Marcus Bell"]
    with pytest.raises(DomainError):
        attendees.update_participation(demo, row.uuid, {"attendance": Attendance.PRESENT, "role": "emperor"})
    assert by_name(demo, ottawa)["Marcus Bell"].role == Role.HEAD_OF_DELEGATION
