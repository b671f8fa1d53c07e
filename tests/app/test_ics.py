"""The meeting invitation as iCalendar: written, then parsed back with icalendar and checked field by field
(time zone, organiser, attendees and their roles and answers, confidentiality, folding), and the command
line's ``export ics`` and ``export attendees`` to CSV/XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from app import cli
from app.domain.enums import Marking, MeetingMode
from app.errors import DomainError
from app.interchange.ics import write_invitation
from app.persistence.database import Database, backup_database, open_database
from app.services import attendees, directory, meetings

STAMP = datetime(2019, 9, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path).close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    return backup_database(demo_template, tmp_path / "demo.sqlite")


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Database]:
    database = open_database(demo_path)
    yield database
    database.close()


def read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_the_invitation_reads_back_with_zone_organiser_and_attendees(demo: Database, tmp_path: Path) -> None:
    summary = write_invitation(demo, "VGT-2019-10", tmp_path / "invite.ics", "en", now=STAMP)
    assert summary.attendees == 13 and summary.without_email == ()
    raw = (tmp_path / "invite.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75  # folded per RFC 5545

    calendar = read(tmp_path / "invite.ics")
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "REQUEST"
    assert str(calendar["PRODID"]).startswith("-//Chairdesk//")
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "America/Toronto"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    [event] = calendar.events
    meeting = meetings.get_meeting(demo, "VGT-2019-10")
    assert event["UID"] == f"{meeting.uuid}@chairdesk"
    assert event["DTSTART"].params["TZID"] == "America/Toronto"
    assert event.start == meeting.starts_at and event.end == meeting.ends_at
    assert event.start.utcoffset() == meeting.starts_at.astimezone(ZoneInfo("America/Toronto")).utcoffset()
    assert event["DTSTAMP"].dt == STAMP
    assert event["SUMMARY"] == meeting.title_en
    assert event["LOCATION"] == "RCMP National Headquarters, Ottawa, Canada"
    assert event["CLASS"] == "CONFIDENTIAL"  # the demo is TLP:AMBER
    organiser = event["ORGANIZER"]
    assert str(organiser) == "mailto:sophie.tremblay@rcmp.demo.example" and organiser.params["CN"] == "Sophie Tremblay"

    people = {a.params["CN"]: a for a in event["ATTENDEE"]}
    assert len(people) == 13 and "Giulia Ferraro" not in people  # declined: not invited again
    assert str(people["Łukasz Wiśniewski"]) == "mailto:lukasz.wisniewski@europol.demo.example"
    assert people["Marie-Claude Arsenault"].params["ROLE"] == "CHAIR"
    assert people["Ingrid Ødegård"].params["ROLE"] == "OPT-PARTICIPANT"  # observer
    assert people["Oliver Pennington"].params["ROLE"] == "REQ-PARTICIPANT"
    assert people["Aroha Ngata"].params["PARTSTAT"] == "TENTATIVE"
    assert people["Stephen White"].params["PARTSTAT"] == "ACCEPTED"
    assert {a.params["RSVP"] for a in people.values()} == {"TRUE"}


def test_the_description_lists_the_agenda_without_closed_items(demo: Database, tmp_path: Path) -> None:
    from app.services.agenda import get_agenda

    meeting = meetings.get_meeting(demo, "VGT-2019-10")
    write_invitation(demo, meeting.uuid, tmp_path / "invite.ics", "fr", now=STAMP)
    [event] = read(tmp_path / "invite.ics").events
    description = str(event["DESCRIPTION"])
    assert event["SUMMARY"] == meeting.title_fr
    assert description.startswith("TLP:AMBER")
    items = get_agenda(demo, meeting.uuid).items
    closed = [item for item in items if item.visibility.value == "closed"]
    assert closed, "the demo has a closed-session item"
    for item in items:
        line = f"{item.number}. {item.title_fr}"
        assert (line in description) == (item not in closed)


def test_a_second_export_updates_the_same_event(demo: Database, tmp_path: Path) -> None:
    meeting = meetings.get_meeting(demo, "VGT-2019-10")
    write_invitation(demo, meeting.uuid, tmp_path / "one.ics", now=STAMP)
    meetings.update_meeting(demo, meeting.uuid, {"venue": "Shaw Centre"})
    write_invitation(demo, meeting.uuid, tmp_path / "two.ics", now=STAMP)
    [one], [two] = read(tmp_path / "one.ics").events, read(tmp_path / "two.ics").events
    assert one["UID"] == two["UID"] and two["SEQUENCE"] > one["SEQUENCE"]
    assert two["LOCATION"].startswith("Shaw Centre")


def test_online_meeting_green_marking_and_people_without_email(demo: Database, tmp_path: Path) -> None:
    meeting = meetings.get_meeting(demo, "VGT-2019-10")
    meetings.update_meeting(demo, meeting.uuid, {"mode": MeetingMode.ONLINE, "venue": "", "city": "", "country": "",
                                                 "online_url": "https://meet.example/vgt", "marking": Marking.GREEN})
    white = next(r for r in attendees.list_attendees(demo, meeting.uuid).rows if r.person_name == "Stephen White")
    directory.update_person(demo, white.person_uuid, {"email": ""})
    summary = write_invitation(demo, meeting.uuid, tmp_path / "invite.ics", now=STAMP)
    assert summary.attendees == 12 and summary.without_email == ("Stephen White",)
    [event] = read(tmp_path / "invite.ics").events
    assert event["LOCATION"] == "https://meet.example/vgt" and event["URL"] == "https://meet.example/vgt"
    assert "CLASS" not in event
    assert "Online: https://meet.example/vgt" in str(event["DESCRIPTION"])


def test_an_invitation_needs_an_organiser_with_an_email(demo: Database, tmp_path: Path) -> None:
    meeting = meetings.get_meeting(demo, "VGT-2019-10")
    meetings.update_meeting(demo, meeting.uuid, {"secretary_uuid": None, "chair_uuid": None})
    with pytest.raises(DomainError) as refused:
        write_invitation(demo, meeting.uuid, tmp_path / "invite.ics")
    assert refused.value.field == "secretary" and not (tmp_path / "invite.ics").exists()
    assert list(tmp_path.glob(".chairdesk-*")) == []


def test_the_chair_organises_when_there_is_no_secretary(demo: Database, tmp_path: Path) -> None:
    meeting = meetings.get_meeting(demo, "VGT-2019-10")
    meetings.update_meeting(demo, meeting.uuid, {"secretary_uuid": None})
    write_invitation(demo, meeting.uuid, tmp_path / "invite.ics")
    [event] = read(tmp_path / "invite.ics").events
    assert event["ORGANIZER"].params["CN"] == "Marie-Claude Arsenault"


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    try:
        args = cli.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return cli.run(args, out), out.getvalue()


def test_cli_export_ics_and_attendee_tables(demo_path: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["export", "ics", "--meeting", "vgt-2019-10", "--out", str(tmp_path / "i.ics"),
                     "--db", str(demo_path)])
    assert code == 0 and out == f"Invitation for 13 attendees written to {tmp_path / 'i.ics'}\n"
    assert len(read(tmp_path / "i.ics").events[0]["ATTENDEE"]) == 13

    code, out = run(["export", "attendees", "--meeting", "VGT-2019-10", "--out", str(tmp_path / "a.csv"),
                     "--db", str(demo_path)])
    assert code == 0 and "a.csv" in out
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 15

    code, _out = run(["export", "attendees", "--meeting", "VGT-2019-10", "--out", str(tmp_path / "a.xlsx"),
                      "--lang", "fr", "--db", str(demo_path)])
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "a.xlsx").active
    assert code == 0 and sheet is not None and sheet.max_row == 15

    code, _out = run(["export", "ics", "--meeting", "NOPE", "--out", str(tmp_path / "x.ics"), "--db", str(demo_path)])
    assert code == 2 and "NOPE" in capsys.readouterr().err
    code, _out = run(["export", "attendees", "--meeting", "VGT-2019-10", "--out", str(tmp_path / "b.csv"),
                      "--copies", "3", "--db", str(demo_path)])
    assert code == 2 and "PDF" in capsys.readouterr().err and not (tmp_path / "b.csv").exists()
    code, _out = run(["export", "ics", "--out", str(tmp_path / "x.ics"), "--db", str(demo_path)])
    assert code == 2 and "--meeting" in capsys.readouterr().err
