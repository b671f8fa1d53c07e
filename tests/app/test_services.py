"""The use cases: what they write, what they refuse (with the field named), and what they derive."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.domain.enums import Attendance, InvitationStatus, MeetingStatus, Sector
from app.domain.models import Meeting, Organisation, Person
from app.errors import DomainError, NotFoundError
from app.i18n import set_language
from app.persistence.database import Database
from app.services import agenda, attendees, directory, documents, meetings

START = datetime(2019, 10, 2, 12, 30, tzinfo=UTC)  # 08:30 in Ottawa


def make_meeting(db: Database, reference: str = "VGT-2019-10", hours: int = 4) -> str:
    return meetings.create_meeting(
        db, reference=reference, title_en="VGT meeting", title_fr="Réunion du VGT", starts_at=START,
        ends_at=START + timedelta(hours=hours), time_zone="America/Toronto", city="Ottawa", country="ca",
    ).uuid


def count(db: Database, model: type) -> int:
    with db.transaction() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


# --- directory --------------------------------------------------------------------------------------------

def test_search_ignores_accents_and_case(db: Database) -> None:
    directory.create_organisation(db, name_en="Public Health Agency", name_fr="Agence de la santé publique",
                                  acronym_en="PHAC", acronym_fr="ASPC", sector=Sector.GOVERNMENT, country="CA")
    directory.create_organisation(db, name_en="Europol", acronym_en="Europol", sector="law_enforcement")
    assert [o.acronym_en for o in directory.list_organisations(db, search="Sante")] == ["PHAC"]
    assert [o.acronym_en for o in directory.list_organisations(db, search="SANTÉ")] == ["PHAC"]
    assert [o.acronym_en for o in directory.list_organisations(db, sector=Sector.LAW_ENFORCEMENT)] == ["Europol"]
    assert [o.acronym_en for o in directory.list_organisations(db, country="ca")] == ["PHAC"]


def test_people_search_folds_letters_without_decomposition(db: Database) -> None:
    org = directory.create_organisation(db, name_en="Norwegian Police", acronym_en="NPD", country="NO")
    directory.create_person(db, given_name="Ingrid", family_name="Ødegård", organisation_uuid=org.uuid,
                            email="ingrid@demo.example")
    directory.create_person(db, given_name="Łukasz", family_name="Wiśniewski", email="lw@demo.example")
    assert [p.family_name for p in directory.list_people(db, search="odegard")] == ["Ødegård"]
    assert [p.family_name for p in directory.list_people(db, search="lukasz wis")] == ["Wiśniewski"]
    assert [p.family_name for p in directory.list_people(db, search="npd")] == ["Ødegård"]
    assert [p.organisation_short for p in directory.list_people(db, organisation_uuid=org.uuid)] == ["NPD"]


@pytest.mark.parametrize(("values", "field", "message"), [
    ({"given_name": "", "family_name": ""}, "family_name", "needs a name"),
    ({"family_name": "White", "email": "not-an-address"}, "email", "not a valid e-mail"),
    ({"family_name": "White", "time_zone": "Mars/Olympus"}, "time_zone", "not a known time zone"),
    ({"family_name": "White", "preferred_language": "de"}, "preferred_language", "not an accepted value"),
    ({"family_name": "White", "shoe_size": 44}, "shoe_size", "cannot be changed"),
])
def test_bad_person_values_are_refused_at_the_field(db: Database, values: dict, field: str, message: str) -> None:
    with pytest.raises(DomainError, match=message) as caught:
        directory.create_person(db, **values)
    assert caught.value.field == field
    assert count(db, Person) == 0


def test_duplicate_email_is_refused(db: Database) -> None:
    directory.create_person(db, given_name="Stephen", family_name="White", email="s.white@demo.example")
    with pytest.raises(DomainError, match="already has the e-mail"):
        directory.create_person(db, given_name="S.", family_name="White", email="S.White@demo.example")
    other = directory.create_person(db, given_name="Neil", family_name="Gaughan")
    with pytest.raises(DomainError):
        directory.update_person(db, other.uuid, {"email": "s.white@demo.example"})
    assert directory.get_person(db, other.uuid).email is None


def test_unknown_country_and_messages_in_french(db: Database) -> None:
    with pytest.raises(DomainError, match="ISO 3166"):
        directory.create_organisation(db, name_en="Atlantis Police", country="XX")
    set_language("fr")
    with pytest.raises(DomainError) as caught:
        directory.create_organisation(db, name_en="", name_fr="")
    assert "organisation" in str(caught.value) and "nom" in str(caught.value)
    assert count(db, Organisation) == 0


def test_an_organisation_in_use_cannot_be_deleted(db: Database) -> None:
    org = directory.create_organisation(db, name_en="Interpol")
    person = directory.create_person(db, family_name="Yılmaz", given_name="Çağlar", organisation_uuid=org.uuid)
    with pytest.raises(DomainError, match="still used"):
        directory.delete_organisation(db, org.uuid)
    directory.delete_person(db, person.uuid)
    directory.delete_organisation(db, org.uuid)
    assert count(db, Organisation) == 0


# --- meetings ---------------------------------------------------------------------------------------------

def test_meeting_validation(db: Database) -> None:
    make_meeting(db)
    with pytest.raises(DomainError, match="already has the reference") as caught:
        make_meeting(db, reference="vgt-2019-10")
    assert caught.value.field == "reference"
    with pytest.raises(DomainError, match="end after it starts") as caught:
        meetings.create_meeting(db, reference="X", title_en="X", starts_at=START, ends_at=START,
                                time_zone="Europe/Paris")
    assert caught.value.field == "ends_at"
    with pytest.raises(DomainError, match="time zone"):
        meetings.create_meeting(db, reference="Y", title_en="Y", starts_at=datetime(2019, 1, 1),
                                ends_at=START, time_zone="Europe/Paris")
    assert count(db, Meeting) == 1


def test_update_meeting_and_find_by_reference_or_uuid(db: Database) -> None:
    uuid = make_meeting(db)
    chair = directory.create_person(db, given_name="Marie-Claude", family_name="Arsenault")
    host = directory.create_organisation(db, name_en="Royal Canadian Mounted Police",
                                         name_fr="Gendarmerie royale du Canada", acronym_en="RCMP", acronym_fr="GRC")
    view = meetings.update_meeting(db, uuid, {"chair_uuid": chair.uuid, "host_organisation_uuid": host.uuid,
                                              "status": MeetingStatus.HELD})
    assert (view.chair_name, view.host_name, view.status) == ("Marie-Claude Arsenault",
                                                              "Royal Canadian Mounted Police", MeetingStatus.HELD)
    assert meetings.get_meeting(db, "vgt-2019-10", "fr").host_name == "Gendarmerie royale du Canada"
    assert meetings.get_meeting(db, uuid).reference == "VGT-2019-10"
    with pytest.raises(NotFoundError):
        meetings.get_meeting(db, "VGT-1999-01")
    with pytest.raises(DomainError):
        meetings.update_meeting(db, uuid, {"ends_at": START - timedelta(hours=1)})
    assert meetings.get_meeting(db, uuid).ends_at == START + timedelta(hours=4)


def test_meetings_are_listed_newest_first(db: Database) -> None:
    meetings.create_meeting(db, reference="VGT-2011-11", title_en="Strasbourg",
                            starts_at=datetime(2011, 11, 22, 8, tzinfo=UTC),
                            ends_at=datetime(2011, 11, 22, 17, tzinfo=UTC), time_zone="Europe/Paris")
    make_meeting(db)
    assert [m.reference for m in meetings.list_meetings(db)] == ["VGT-2019-10", "VGT-2011-11"]


# --- agenda -----------------------------------------------------------------------------------------------

def test_agenda_numbering_schedule_and_overrun(db: Database) -> None:
    meeting = make_meeting(db, hours=2)
    opening = agenda.add_agenda_item(db, meeting, title_en="Opening", duration_minutes=15)
    scan = agenda.add_agenda_item(db, meeting, title_en="Environmental scan", duration_minutes=10)
    agenda.add_agenda_item(db, meeting, parent_uuid=scan.uuid, title_en="Threat picture", duration_minutes=40)
    agenda.add_agenda_item(db, meeting, parent_uuid=scan.uuid, title_en="Approval", duration_minutes=20)
    agenda.add_agenda_item(db, meeting, title_en="Break", kind="break", duration_minutes=30)
    view = agenda.get_agenda(db, meeting)
    assert [(i.number, i.title_en) for i in view.items] == [
        ("1", "Opening"), ("2", "Environmental scan"), ("2.1", "Threat picture"), ("2.2", "Approval"), ("3", "Break")]
    starts = {i.number: i.starts_at for i in view.items}
    assert starts["1"] == START
    assert starts["2"] == starts["2.1"] == START + timedelta(minutes=15)
    assert starts["2.2"] == START + timedelta(minutes=55)
    assert starts["3"] == START + timedelta(minutes=75)  # the parent lasts as long as its sub-items
    assert view.planned_end == START + timedelta(minutes=105)
    assert view.overrun_minutes == 0
    agenda.update_agenda_item(db, opening.uuid, {"duration_minutes": 45})
    assert agenda.get_agenda(db, meeting).overrun_minutes == 15


def test_agenda_moves_indent_outdent_and_rules(db: Database) -> None:
    meeting = make_meeting(db)
    a = agenda.add_agenda_item(db, meeting, title_en="A")
    b = agenda.add_agenda_item(db, meeting, title_en="B")
    c = agenda.add_agenda_item(db, meeting, title_en="C")
    agenda.move_agenda_item(db, c.uuid, None, 0)  # move to the top
    assert [i.title_en for i in agenda.get_agenda(db, meeting).items] == ["C", "A", "B"]
    agenda.move_agenda_item(db, b.uuid, a.uuid, 0)  # indent B under A
    assert [(i.number, i.title_en) for i in agenda.get_agenda(db, meeting).items] == [
        ("1", "C"), ("2", "A"), ("2.1", "B")]
    with pytest.raises(DomainError, match="one level"):
        agenda.add_agenda_item(db, meeting, parent_uuid=b.uuid, title_en="Too deep")
    with pytest.raises(DomainError, match="cannot become a sub-item"):
        agenda.move_agenda_item(db, a.uuid, c.uuid, 0)
    agenda.move_agenda_item(db, b.uuid, None, 3)  # outdent to the end
    assert [(i.number, i.title_en) for i in agenda.get_agenda(db, meeting).items] == [
        ("1", "C"), ("2", "A"), ("3", "B")]
    agenda.delete_agenda_item(db, c.uuid)
    assert [(i.number, i.title_en) for i in agenda.get_agenda(db, meeting).items] == [("1", "A"), ("2", "B")]
    with pytest.raises(DomainError, match="needs a title"):
        agenda.add_agenda_item(db, meeting, title_en=" ", title_fr="")


def test_presenters_keep_their_order(db: Database) -> None:
    meeting = make_meeting(db)
    item = agenda.add_agenda_item(db, meeting, title_en="Opening")
    white = directory.create_person(db, given_name="Stephen", family_name="White")
    arsenault = directory.create_person(db, given_name="Marie-Claude", family_name="Arsenault")
    agenda.set_presenters(db, item.uuid, [white.uuid, arsenault.uuid])
    assert agenda.get_agenda(db, meeting).items[0].presenter_names == ("Stephen White", "Marie-Claude Arsenault")
    agenda.set_presenters(db, item.uuid, [arsenault.uuid, white.uuid])
    assert agenda.get_agenda(db, meeting).items[0].presenter_names == ("Marie-Claude Arsenault", "Stephen White")


# --- attendees and documents ------------------------------------------------------------------------------

def test_attendee_counts_and_bulk_change(db: Database) -> None:
    meeting = make_meeting(db)
    org = directory.create_organisation(db, name_en="Europol", acronym_en="Europol")
    people = [directory.create_person(db, given_name=f"P{i}", family_name="Delegate", organisation_uuid=org.uuid)
              for i in range(4)]
    rows = [attendees.add_participant(db, meeting, p.uuid, invitation_status=InvitationStatus.INVITED)
            for p in people]
    with pytest.raises(DomainError, match="already on the attendee list"):
        attendees.add_participant(db, meeting, people[0].uuid)
    attendees.update_participations(db, [r.uuid for r in rows[:3]], {"invitation_status": "confirmed"})
    attendees.update_participation(db, rows[3].uuid, {"invitation_status": "declined", "attendance": "apologies"})
    attendees.update_participation(db, rows[0].uuid, {"attendance": Attendance.PRESENT,
                                                      "arrived_at": START + timedelta(minutes=5)})
    attendees.update_participation(db, rows[1].uuid, {"attendance": Attendance.ONLINE})
    counts = meetings.meeting_overview(db, meeting).counts
    assert (counts.total, counts.invited, counts.confirmed, counts.declined) == (4, 4, 3, 1)
    assert (counts.present, counts.online, counts.apologies, counts.organisations) == (1, 1, 1, 1)
    with pytest.raises(DomainError):
        attendees.update_participations(db, [r.uuid for r in rows], {"attendance": "sleeping"})
    assert meetings.meeting_overview(db, meeting).counts.present == 1  # all or nothing


def test_document_versions_keep_bytes_and_hash(db: Database) -> None:
    doc = documents.create_document(db, title_en="VGT Environmental Scan 2019",
                                    title_fr="Analyse environnementale du VGT 2019", kind="environmental_scan")
    first = documents.add_version(db, doc.uuid, "scan-v1.pdf", b"%PDF-1.4 draft")
    second = documents.add_version(db, doc.uuid, "scan-v2.pdf", b"%PDF-1.4 approved", issued_on=date(2019, 10, 3))
    assert (first.version_count, second.version_count) == (1, 2)
    assert second.latest_sha256 == hashlib.sha256(b"%PDF-1.4 approved").hexdigest()
    meeting = make_meeting(db)
    item = agenda.add_agenda_item(db, meeting, title_en="Environmental scan", kind="document_approval")
    agenda.set_item_documents(db, item.uuid, [doc.uuid])
    overview = meetings.meeting_overview(db, meeting)
    assert [d.title_en for d in overview.documents] == ["VGT Environmental Scan 2019"]


def test_a_fixed_start_opens_day_two(db: Database) -> None:
    meeting = meetings.create_meeting(
        db, reference="TWO-DAYS", title_en="Two days", starts_at=START, ends_at=START + timedelta(days=1, hours=4),
        time_zone="America/Toronto").uuid
    agenda.add_agenda_item(db, meeting, title_en="Day one", duration_minutes=120)
    day_two = START + timedelta(days=1)
    parent = agenda.add_agenda_item(db, meeting, title_en="Scan", duration_minutes=0)
    agenda.add_agenda_item(db, meeting, parent_uuid=parent.uuid, title_en="Threat picture", duration_minutes=30)
    agenda.add_agenda_item(db, meeting, parent_uuid=parent.uuid, title_en="Approval", duration_minutes=30,
                           fixed_start=day_two)
    agenda.add_agenda_item(db, meeting, title_en="Closing", duration_minutes=15)
    times = {i.title_en: (i.starts_at, i.ends_at) for i in agenda.get_agenda(db, meeting).items}
    assert times["Threat picture"] == (START + timedelta(minutes=120), START + timedelta(minutes=150))
    assert times["Approval"] == (day_two, day_two + timedelta(minutes=30))
    assert times["Scan"] == (START + timedelta(minutes=120), day_two + timedelta(minutes=30))
    assert times["Closing"][0] == day_two + timedelta(minutes=30)
