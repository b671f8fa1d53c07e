"""Live meeting mode's core, without Qt: the meeting as live mode reads it, the agenda the room display may
show (never a closed session), the tick rule of the check-in, walk-ins made and taken back with the same
rows, and every string of the area translated into French."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from app.domain.enums import Attendance, QuorumRule, Relation, Role, Visibility
from app.errors import DomainError
from app.persistence.database import Database, backup_database, open_database
from app.services import agenda, attendees, directory, live, meetings
from app.services.live import (
    RoomItem,
    RoomView,
    add_walk_in,
    check_in_change,
    live_attendance,
    live_meeting,
    redo_walk_in,
    remove_walk_in,
    room_view,
)

ROOT = Path(__file__).resolve().parents[2]
OTTAWA = "9251dcd4-d78d-5899-a81c-aaf54321e98b"
NOW = datetime(2019, 10, 2, 16, 55, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import build_demo_database

    path = tmp_path_factory.mktemp("live-demo") / "demo.sqlite"
    build_demo_database(path).close()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(backup_database(demo_template, tmp_path / "demo.sqlite"))
    yield database
    database.close()


def test_live_meeting_reads_the_agenda_in_order_with_the_notes_and_the_closed_session(demo: Database) -> None:
    meeting = live_meeting(demo, OTTAWA)
    assert meeting.reference == "VGT-2019-10" and meeting.time_zone == "America/Toronto"
    assert [item.number for item in meeting.items] == ["1", "2", "3", "3.1", "3.2", "3.3", "4", "5", "6", "7",
                                                       "8", "9", "10"]
    assert [item.number for item in meeting.items if item.closed] == ["3.2"]
    opening = meeting.items[0]
    assert opening.title("fr").startswith("Ouverture") and opening.duration_minutes == 30
    assert opening.text_en and opening.notes("fr") == opening.text_fr
    assert meeting.item(opening.uuid) is opening and meeting.item("nope") is None
    assert meeting.quorum_rule is QuorumRule.MAJORITY_OF_MEMBERS and not meeting.minutes_locked


def test_the_room_display_never_gets_a_closed_item_nor_what_sits_under_one(db: Database) -> None:
    start = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
    meeting = meetings.create_meeting(db, reference="VGT-2024-03", title_en="Board", starts_at=start,
                                      ends_at=start + timedelta(hours=3), time_zone="Europe/London")
    agenda.add_agenda_item(db, meeting.uuid, title_en="Opening", duration_minutes=10)
    closed = agenda.add_agenda_item(db, meeting.uuid, title_en="Operations (closed)", visibility=Visibility.CLOSED)
    agenda.add_agenda_item(db, meeting.uuid, closed.uuid, title_en="Case review", duration_minutes=20)
    partners = agenda.add_agenda_item(db, meeting.uuid, title_en="Industry update", visibility=Visibility.PARTNERS)
    read = live_meeting(db, meeting.uuid)
    assert [(item.number, item.closed) for item in read.items] == [("1", False), ("2", True), ("2.1", True),
                                                                  ("3", False)]
    room = room_view(read)
    assert [item.number for item in room.items] == ["1", "3"]
    assert room.has(partners.uuid) and not room.has(closed.uuid)
    # What the room display is handed has no field that could carry minutes or decision text.
    assert {f.name for f in fields(RoomItem)} == {"uuid", "number", "depth", "title_en", "title_fr", "starts_at",
                                                  "duration_minutes", "visibility"}
    assert {f.name for f in fields(RoomView)} == {"meeting_uuid", "reference", "title_en", "title_fr", "marking",
                                                  "time_zone", "items"}


def test_a_tick_checks_in_at_now_and_a_second_tick_clears_it() -> None:
    earlier = NOW - timedelta(minutes=20)
    assert check_in_change(Attendance.UNKNOWN, None, Attendance.PRESENT, NOW) == {
        "attendance": Attendance.PRESENT, "arrived_at": NOW}
    assert check_in_change(Attendance.APOLOGIES, None, Attendance.ONLINE, NOW) == {
        "attendance": Attendance.ONLINE, "arrived_at": NOW}
    assert check_in_change(Attendance.PRESENT, earlier, Attendance.PRESENT, NOW) == {
        "attendance": Attendance.UNKNOWN, "arrived_at": None}
    assert check_in_change(Attendance.ONLINE, earlier, Attendance.PRESENT, NOW) == {  # joined online, then came
        "attendance": Attendance.PRESENT, "arrived_at": earlier}
    with pytest.raises(ValueError):
        check_in_change(Attendance.UNKNOWN, None, Attendance.ABSENT, NOW)
    with pytest.raises(ValueError):
        check_in_change(Attendance.UNKNOWN, None, Attendance.PRESENT, NOW.replace(tzinfo=None))


def test_the_quorum_follows_the_check_ins(demo: Database) -> None:
    rows = attendees.list_attendees(demo, OTTAWA).rows
    attendees.update_each(demo, {row.uuid: {"attendance": Attendance.UNKNOWN, "arrived_at": None} for row in rows})
    before = live_attendance(demo, OTTAWA)
    assert (before.quorum.present, before.quorum.required, len(before.quorum.members)) == (0, 5, 9)
    assert not before.quorum.reached
    for family in ("Arsenault", "Tremblay", "Nguyễn"):  # two from the RCMP count once
        row = next(r for r in rows if r.family_name == family)
        attendees.update_participation(demo, row.uuid, check_in_change(Attendance.UNKNOWN, None, Attendance.PRESENT, NOW))
    after = live_attendance(demo, OTTAWA)
    assert after.quorum.present == 2
    assert {row.family_name for row in after.rows if row.arrived_at == NOW} == {"Arsenault", "Tremblay", "Nguyễn"}


def test_a_walk_in_from_a_known_organisation_and_its_undo(demo: Database) -> None:
    made = add_walk_in(demo, OTTAWA, given_name=" Jean ", family_name="Tremblay-Roy", arrived_at=NOW,
                       organisation_name="rcmp", email="jean.tr@example.org", role=Role.OBSERVER)
    assert not made.organisation_created  # "rcmp" is the RCMP's acronym
    person = directory.get_person(demo, made.person_uuid)
    assert (person.given_name, person.organisation_short, person.email) == ("Jean", "RCMP", "jean.tr@example.org")
    row = next(r for r in attendees.list_attendees(demo, OTTAWA).rows if r.uuid == made.participation_uuid)
    assert (row.attendance, row.arrived_at, row.role) == (Attendance.PRESENT, NOW, Role.OBSERVER)
    remove_walk_in(demo, made)
    assert directory.list_people(demo, "Tremblay-Roy") == []
    assert any(org.acronym_en == "RCMP" for org in directory.list_organisations(demo))
    again = redo_walk_in(demo, made)
    assert (again.person_uuid, again.participation_uuid, again.organisation_uuid) == (
        made.person_uuid, made.participation_uuid, made.organisation_uuid)


def test_a_walk_in_from_a_new_organisation_brings_it_and_takes_it_away(demo: Database) -> None:
    made = add_walk_in(demo, OTTAWA, given_name="Amélie", family_name="Dubois", arrived_at=NOW,
                       organisation_name="Sûreté du Québec", attendance=Attendance.ONLINE, language="fr")
    assert made.organisation_created
    org = directory.get_organisation(demo, made.organisation_uuid)  # type: ignore[arg-type]
    assert (org.name_fr, org.name_en, org.relation) == ("Sûreté du Québec", "", Relation.GUEST)
    assert live_attendance(demo, OTTAWA).quorum.present == 7  # a guest organisation does not count
    remove_walk_in(demo, made)
    assert all(o.uuid != made.organisation_uuid for o in directory.list_organisations(demo))
    again = redo_walk_in(demo, made)
    assert again.organisation_uuid == made.organisation_uuid and again.organisation_created


@pytest.mark.parametrize(("values", "field"), [
    ({"given_name": "", "family_name": ""}, "family_name"),
    ({"given_name": "Ann", "family_name": "Lee", "email": "not an address"}, "email"),
    ({"given_name": "Ann", "family_name": "Lee", "attendance": Attendance.ABSENT}, "attendance"),
    ({"given_name": "Ann", "family_name": "Lee", "organisation_name": "x" * 201}, "organisation"),
])
def test_a_refused_walk_in_names_its_field_and_writes_nothing(demo: Database, values: dict[str, object],
                                                             field: str) -> None:
    people = len(directory.list_people(demo))
    with pytest.raises(DomainError) as refused:
        add_walk_in(demo, OTTAWA, arrived_at=NOW, **values)  # type: ignore[arg-type]
    assert refused.value.field == field and str(refused.value)
    assert len(directory.list_people(demo)) == people


def test_a_walk_in_made_an_owner_meanwhile_is_not_taken_away(demo: Database) -> None:
    from app.services import actions

    made = add_walk_in(demo, OTTAWA, given_name="Ann", family_name="Lee", arrived_at=NOW)
    action = actions.add_action(demo, OTTAWA, None, text_en="Ann to report back", owners=[f"person:{made.person_uuid}"])
    with pytest.raises(DomainError):
        remove_walk_in(demo, made)
    assert directory.get_person(demo, made.person_uuid).family_name == "Lee"
    assert actions.get_action(demo, action.uuid).owners[0].uuid == made.person_uuid
    assert live.live_attendance(demo, OTTAWA).rows[-1].person_uuid == made.person_uuid


def test_every_string_of_live_mode_has_a_french_translation() -> None:
    """Each message of ui/live and app/services/live.py is translated in the catalog or in incoming/live.po."""
    translated: set[str] = set()
    for path in (ROOT / "i18n" / "fr" / "LC_MESSAGES" / "messages.po", ROOT / "i18n" / "fr" / "LC_MESSAGES" / "messages.po"):
        with path.open("rb") as handle:
            for message in read_po(handle, locale="fr"):
                strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
                if message.id and all(strings):
                    translated.add(message.id if isinstance(message.id, str) else message.id[0])
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    missing = []
    for path in [*sorted((ROOT / "ui" / "live").glob("*.py")), ROOT / "app" / "services" / "live.py"]:
        for _line, found, _comments, _context in extract_from_file("python", str(path), keywords=keywords):
            first = found if isinstance(found, str) else found[0]
            if first not in translated:
                missing.append(first)
    assert missing == []
