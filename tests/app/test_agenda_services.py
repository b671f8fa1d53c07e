"""The agenda builder's core: creation with a given UUID, delete-and-restore as undo needs it, standing
items linked to the previous meeting, and the times of the meeting in the participants' time zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.domain.enums import AgendaItemKind, Attendance, InvitationStatus, Language, TranslationStatus
from app.domain.models import AgendaItem, MinutesEntry
from app.errors import DomainError
from app.persistence.database import Database
from app.services import agenda, attendees, directory, documents, meetings
from app.services.agenda_times import Comfort, ZoneCount, participant_time_zones, place_name, rate, zone_times

START = datetime(2019, 10, 2, 17, 0, tzinfo=UTC)  # 13:00 in Ottawa


def make_meeting(db: Database, reference: str = "VGT-2019-10", start: datetime = START, hours: int = 4) -> str:
    return meetings.create_meeting(
        db, reference=reference, title_en="VGT meeting", title_fr="Réunion du VGT", starts_at=start,
        ends_at=start + timedelta(hours=hours), time_zone="America/Toronto").uuid


def rows(db: Database, meeting: str) -> list[tuple[str, str]]:
    return [(i.number, i.title_en) for i in agenda.get_agenda(db, meeting).items]


def test_an_item_can_be_created_again_with_its_uuid(db: Database) -> None:
    meeting = make_meeting(db)
    item = agenda.add_agenda_item(db, meeting, title_en="Opening", uuid="0b7e3c2a-0000-4000-8000-000000000001")
    assert item.uuid == "0b7e3c2a-0000-4000-8000-000000000001"
    with pytest.raises(DomainError, match="already exists"):
        agenda.add_agenda_item(db, meeting, title_en="Again", uuid=item.uuid)
    agenda.delete_agenda_item(db, item.uuid)
    assert agenda.add_agenda_item(db, meeting, title_en="Opening", uuid=item.uuid).uuid == item.uuid


def test_a_deleted_item_comes_back_whole(db: Database) -> None:
    meeting = make_meeting(db)
    white = directory.create_person(db, given_name="Stephen", family_name="White")
    arsenault = directory.create_person(db, given_name="Marie-Claude", family_name="Arsenault")
    scan_doc = documents.create_document(db, title_en="Environmental Scan 2019")
    tor = documents.create_document(db, title_en="Terms of reference")
    agenda.add_agenda_item(db, meeting, title_en="Opening", duration_minutes=30)
    scan = agenda.add_agenda_item(db, meeting, title_en="Scan", title_fr="Analyse", duration_minutes=10,
                                  kind="document_approval", description_fr="Version 2")
    threat = agenda.add_agenda_item(db, meeting, parent_uuid=scan.uuid, title_en="Threat", duration_minutes=90)
    agenda.add_agenda_item(db, meeting, parent_uuid=scan.uuid, title_en="Approval", duration_minutes=45)
    agenda.add_agenda_item(db, meeting, title_en="Closing", duration_minutes=15)
    agenda.set_presenters(db, scan.uuid, [arsenault.uuid, white.uuid])
    agenda.set_presenters(db, threat.uuid, [white.uuid])
    agenda.set_item_documents(db, scan.uuid, [tor.uuid, scan_doc.uuid])
    with db.transaction() as session:
        item = session.execute(select(AgendaItem).where(AgendaItem.uuid == threat.uuid)).scalar_one()
        session.add(MinutesEntry(agenda_item=item, text_en="The threat picture was presented."))
    before = agenda.get_agenda(db, meeting)

    snapshot = agenda.snapshot_agenda_item(db, scan.uuid)
    agenda.delete_agenda_item(db, scan.uuid)
    assert rows(db, meeting) == [("1", "Opening"), ("2", "Closing")]
    agenda.restore_agenda_item(db, snapshot)

    after = agenda.get_agenda(db, meeting)
    assert after.items == before.items  # same UUIDs, numbers, times, values, presenters (in order), documents
    with db.transaction() as session:
        entry = session.execute(select(MinutesEntry).join(AgendaItem).where(AgendaItem.uuid == threat.uuid)).scalar_one()
        assert entry.text_en == "The threat picture was presented."
    with pytest.raises(DomainError, match="already exists"):
        agenda.restore_agenda_item(db, snapshot)


def test_a_restored_sub_item_goes_back_under_its_parent(db: Database) -> None:
    meeting = make_meeting(db)
    parent = agenda.add_agenda_item(db, meeting, title_en="Scan")
    for title in ("A", "B", "C"):
        agenda.add_agenda_item(db, meeting, parent_uuid=parent.uuid, title_en=title)
    middle = agenda.get_agenda(db, meeting).items[2]
    snapshot = agenda.snapshot_agenda_item(db, middle.uuid)
    agenda.delete_agenda_item(db, middle.uuid)
    assert rows(db, meeting) == [("1", "Scan"), ("1.1", "A"), ("1.2", "C")]
    agenda.restore_agenda_item(db, snapshot)
    assert rows(db, meeting) == [("1", "Scan"), ("1.1", "A"), ("1.2", "B"), ("1.3", "C")]


def test_standing_items_refer_to_the_previous_meeting(db: Database) -> None:
    previous = make_meeting(db, "VGT-2011-11", start=datetime(2011, 11, 22, 11, 30, tzinfo=UTC), hours=1)
    meeting = make_meeting(db)
    later = make_meeting(db, "VGT-2020-04", start=datetime(2020, 4, 1, 12, tzinfo=UTC))
    agenda.add_agenda_item(db, meeting, title_en="Opening", kind="opening")
    agenda.add_agenda_item(db, meeting, title_en="Scan")
    assert [m.reference for m in agenda.previous_meetings(db, meeting)] == ["VGT-2011-11"]

    minutes, actions = agenda.add_standing_items(db, meeting, previous)
    assert rows(db, meeting) == [
        ("1", "Opening"), ("2", "Approval of the minutes of the previous meeting (VGT-2011-11)"),
        ("3", "Review of open actions"), ("4", "Scan")]
    assert (minutes.kind, actions.kind) == (AgendaItemKind.PREVIOUS_MINUTES, AgendaItemKind.ACTION_REVIEW)
    assert minutes.title_fr == "Approbation du procès-verbal de la réunion précédente (VGT-2011-11)"
    assert actions.title_fr == "Examen des mesures de suivi en cours"
    assert (minutes.original_language, minutes.translation_status) == (Language.EN, TranslationStatus.VERIFIED)
    for item in agenda.get_agenda(db, meeting).items[1:3]:
        assert (item.refers_to_meeting_uuid, item.refers_to_meeting_reference) == (previous, "VGT-2011-11")

    with pytest.raises(DomainError, match="already has the standing items") as refused:
        agenda.add_standing_items(db, meeting, previous)
    assert refused.value.field == "previous_meeting"
    with pytest.raises(DomainError, match="held before") as refused:
        agenda.add_standing_items(db, meeting, later)
    assert refused.value.field == "previous_meeting"

    for item in (minutes, actions):  # undo, then redo with the same UUIDs
        agenda.delete_agenda_item(db, item.uuid)
    again = agenda.add_standing_items(db, meeting, previous, uuids=[minutes.uuid, actions.uuid], position=0)
    assert [i.uuid for i in again] == [minutes.uuid, actions.uuid]
    assert [n for n, _title in rows(db, meeting)] == ["1", "2", "3", "4"]
    assert agenda.get_agenda(db, meeting).items[0].uuid == minutes.uuid


def test_participant_zones_skip_those_who_do_not_come(db: Database) -> None:
    meeting = make_meeting(db)
    people = [
        directory.create_person(db, family_name="Bell", time_zone="Australia/Canberra"),
        directory.create_person(db, family_name="Tremblay", time_zone="America/Toronto"),
        directory.create_person(db, family_name="Morales", time_zone="America/Toronto"),
        directory.create_person(db, family_name="Rossi", time_zone="Europe/Rome"),
        directory.create_person(db, family_name="Smith", time_zone="Pacific/Auckland"),
        directory.create_person(db, family_name="Nobody"),
    ]
    for person in people:
        attendees.add_participant(db, meeting, person.uuid, invitation_status=InvitationStatus.CONFIRMED)
    rossi = attendees.list_participants(db, meeting)[3]
    attendees.update_participation(db, rossi.uuid, {"attendance": Attendance.APOLOGIES})
    smith = attendees.list_participants(db, meeting)[4]
    attendees.update_participation(db, smith.uuid, {"invitation_status": InvitationStatus.DECLINED})
    assert participant_time_zones(db, meeting) == [ZoneCount("America/Toronto", 2), ZoneCount("Australia/Sydney", 1)]


def test_zone_times_rate_the_local_clock_east_to_west() -> None:
    zones = [ZoneCount("America/Toronto", 2), ZoneCount("Australia/Sydney", 1), ZoneCount("Europe/Paris", 3)]
    start = datetime(2019, 10, 2, 17, 0, tzinfo=UTC)  # 13:00 in Ottawa, 03:00 next day in Canberra
    table = zone_times(zones, start, start + timedelta(hours=2))
    assert [row.place for row in table] == ["Canberra", "Abu Dhabi", "Paris", "The Hague", "London", "Ottawa",
                                            "Washington"]
    by_place = {row.place: row for row in table}
    assert (by_place["Canberra"].participants, by_place["Ottawa"].participants, by_place["Paris"].participants) == (
        1, 2, 3)
    assert by_place["Canberra"].starts.strftime("%d %H:%M") == "03 03:00"
    assert by_place["Canberra"].comfort == Comfort.UNSOCIABLE
    assert by_place["Ottawa"].comfort == Comfort.OFFICE_HOURS
    assert by_place["London"].starts.strftime("%H:%M") == "18:00"
    assert by_place["London"].comfort == Comfort.EARLY_OR_LATE  # ends at 20:00
    assert [row.place for row in zone_times(zones, start, start, with_defaults=False)] == [
        "Canberra", "Paris", "Ottawa"]
    assert rate(datetime(2019, 1, 1, 7, 0)) == Comfort.EARLY_OR_LATE
    assert rate(datetime(2019, 1, 1, 22, 30)) == Comfort.UNSOCIABLE
    assert place_name("Europe/Vienna", "fr") == "Vienne"  # other places: the city as Babel names it


def test_the_agenda_command_prints_times_overrun_and_zones(db: Database) -> None:
    import io

    from app import cli

    meeting = make_meeting(db, hours=1)
    agenda.add_agenda_item(db, meeting, title_en="Opening", duration_minutes=30)
    scan = agenda.add_agenda_item(db, meeting, title_en="Scan", duration_minutes=0)
    agenda.add_agenda_item(db, meeting, parent_uuid=scan.uuid, title_en="Threat picture", duration_minutes=45)
    person = directory.create_person(db, family_name="Bell", time_zone="Australia/Canberra")
    attendees.add_participant(db, meeting, person.uuid)
    out = io.StringIO()
    assert cli.run(cli.parse_args(["agenda", "VGT-2019-10", "--zones", "--db", str(db.path), "--lang", "en"]), out) == 0
    text = out.getvalue()
    assert "  2.1  13:30  45 min    Threat picture" in text
    assert "The agenda runs 15 min past the meeting's end: it ends at 14:15, the meeting at 14:00." in text
    assert "Canberra    1             Thu 3 Oct, 03:00" in text
