"""Planning meetings: a meeting made from a previous one (what is copied, what is not, all or nothing),
moving a meeting with its fixed-start agenda items, re-creating with the same UUID, and reference proposals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.demo import build_demo_database
from app.domain.enums import Attendance, InvitationStatus, ItemOutcome, MeetingStatus, QuorumRule
from app.domain.models import ActionItem, AgendaItem, Decision, Meeting, MinutesEntry, Participation
from app.errors import DomainError
from app.i18n import set_language
from app.persistence.database import Database, backup_database, open_database
from app.services import agenda, attendees, meeting_planning, meetings

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TORONTO = ZoneInfo("America/Toronto")
START = datetime(2020, 4, 14, 9, 0, tzinfo=AMSTERDAM)
END = datetime(2020, 4, 15, 17, 0, tzinfo=AMSTERDAM)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path).close()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(backup_database(demo_template, tmp_path / "demo.sqlite"))
    yield database
    database.close()


def count(db: Database, model: type, **where: object) -> int:
    with db.transaction() as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return int(session.execute(query).scalar_one())


def meeting_id(db: Database, uuid: str) -> int:
    with db.transaction() as session:
        return int(session.execute(select(Meeting.id).where(Meeting.uuid == uuid)).scalar_one())


def copy_ottawa(db: Database, **extra: object) -> str:
    previous = meetings.get_meeting(db, "VGT-2019-10")
    values: dict[str, object] = {"reference": "VGT-2020-04", "title_en": "VGT meeting — The Hague",
                                 "title_fr": "Réunion du VGT — La Haye", "starts_at": START, "ends_at": END,
                                 "time_zone": "Europe/Amsterdam", **extra}
    return meeting_planning.create_meeting_from(db, previous.uuid, **values).uuid


def test_the_agenda_is_copied_with_structure_durations_presenters_and_documents(demo: Database) -> None:
    previous = meetings.get_meeting(demo, "VGT-2019-10")
    old = agenda.get_agenda(demo, previous.uuid).items
    new = agenda.get_agenda(demo, copy_ottawa(demo)).items
    shape = [(i.number, i.title_en, i.title_fr, i.kind, i.visibility, i.duration_minutes, i.presenter_uuids,
              i.document_uuids) for i in old]
    assert [(i.number, i.title_en, i.title_fr, i.kind, i.visibility, i.duration_minutes, i.presenter_uuids,
             i.document_uuids) for i in new] == shape
    assert {i.outcome for i in new} == {ItemOutcome.PENDING}
    assert not {i.uuid for i in new} & {i.uuid for i in old}
    # Item 3.3 opened day 2 at 09:00 in Ottawa; it opens day 2 at 09:00 in The Hague.
    fixed = [i for i in new if i.fixed_start is not None]
    assert [(i.number, i.fixed_start.astimezone(AMSTERDAM)) for i in fixed] == [
        ("3.3", datetime(2020, 4, 15, 9, 0, tzinfo=AMSTERDAM))]
    assert new[0].starts_at == START


def test_attendees_are_invited_again_and_nothing_recorded_is_copied(demo: Database) -> None:
    previous = meetings.get_meeting(demo, "VGT-2019-10")
    before = attendees.list_participants(demo, previous.uuid)
    uuid = copy_ottawa(demo)
    after = attendees.list_participants(demo, uuid)
    assert [(p.person_uuid, p.organisation_uuid, p.role) for p in after] == [
        (p.person_uuid, p.organisation_uuid, p.role) for p in before]
    assert {(p.invitation_status, p.attendance, p.arrived_at) for p in after} == {
        (InvitationStatus.INVITED, Attendance.UNKNOWN, None)}
    new_id = meeting_id(demo, uuid)
    assert count(demo, Decision, meeting_id=new_id) == count(demo, ActionItem, meeting_id=new_id) == 0
    with demo.transaction() as session:
        minutes = session.execute(select(func.count()).select_from(MinutesEntry).join(AgendaItem)
                                  .where(AgendaItem.meeting_id == new_id)).scalar_one()
    assert minutes == 0
    assert count(demo, MinutesEntry) > 0  # the previous meeting keeps its own


def test_the_new_meeting_inherits_how_the_taskforce_meets_not_where(demo: Database) -> None:
    previous = meetings.get_meeting(demo, "VGT-2019-10")
    view = meetings.get_meeting(demo, copy_ottawa(demo))
    assert (view.kind, view.mode, view.marking, view.chair_uuid, view.secretary_uuid) == (
        previous.kind, previous.mode, previous.marking, previous.chair_uuid, previous.secretary_uuid)
    assert (view.venue, view.city, view.country, view.host_organisation_uuid) == ("", "", None, None)
    assert view.status == MeetingStatus.PLANNED
    assert (view.starts_at, view.ends_at, view.time_zone) == (START, END, "Europe/Amsterdam")
    new_id, previous_id = meeting_id(demo, view.uuid), meeting_id(demo, previous.uuid)
    with demo.transaction() as session:
        copied = session.execute(select(AgendaItem.refers_to_meeting_id).where(
            AgendaItem.meeting_id == new_id, AgendaItem.refers_to_meeting_id.is_not(None))).scalars().all()
    assert copied == [previous_id]  # "approval of the previous minutes" is about the meeting copied from


def test_the_time_zone_defaults_to_the_previous_meetings(demo: Database) -> None:
    previous = meetings.get_meeting(demo, "VGT-2019-10")
    starts = datetime(2020, 10, 6, 9, tzinfo=TORONTO)
    view = meeting_planning.create_meeting_from(demo, previous.uuid, reference="VGT-2020-10", title_en="Autumn",
                                                starts_at=starts, ends_at=starts + timedelta(hours=8))
    assert view.time_zone == "America/Toronto"


@pytest.mark.parametrize(("values", "field", "message"), [
    ({"reference": "vgt-2019-10"}, "reference", "already has the reference"),
    ({"title_en": "", "title_fr": ""}, "title_en", "needs a title"),
    ({"ends_at": START - timedelta(hours=1)}, "ends_at", "end after it starts"),
    ({"time_zone": "Mars/Olympus"}, "time_zone", "not a known time zone"),
])
def test_a_refused_copy_writes_nothing(demo: Database, values: dict, field: str, message: str) -> None:
    totals = {model: count(demo, model) for model in (Meeting, AgendaItem, Participation)}
    with pytest.raises(DomainError, match=message) as caught:
        copy_ottawa(demo, **values)
    assert caught.value.field == field
    assert {model: count(demo, model) for model in totals} == totals


def test_a_redone_creation_gives_back_the_same_rows(demo: Database) -> None:
    uuid = copy_ottawa(demo)
    items = [i.uuid for i in agenda.get_agenda(demo, uuid).items]
    people = [p.uuid for p in attendees.list_participants(demo, uuid)]
    meetings.delete_meeting(demo, uuid)
    assert count(demo, Meeting, uuid=uuid) == 0
    assert copy_ottawa(demo, uuid=uuid) == uuid
    assert [i.uuid for i in agenda.get_agenda(demo, uuid).items] == items
    assert [p.uuid for p in attendees.list_participants(demo, uuid)] == people
    with pytest.raises(DomainError, match="already in the database"):
        copy_ottawa(demo, uuid=uuid, reference="VGT-2020-05")


def test_create_meeting_takes_a_uuid(demo: Database) -> None:
    view = meetings.create_meeting(demo, uuid="0b7a4c57-0000-4000-8000-000000000001", reference="X-1",
                                   title_en="X", starts_at=START, ends_at=END, time_zone="Europe/Amsterdam",
                                   quorum_rule=QuorumRule.NONE)
    assert view.uuid == "0b7a4c57-0000-4000-8000-000000000001"


def test_rescheduling_moves_fixed_starts_with_the_meeting(demo: Database) -> None:
    ottawa = meetings.get_meeting(demo, "VGT-2019-10")
    # A week later, in The Hague's clock: 09:00 on day 2 stays 09:00 on day 2.
    starts = datetime(2019, 10, 9, 13, 0, tzinfo=AMSTERDAM)
    view = meeting_planning.reschedule_meeting(demo, ottawa.uuid, starts, starts + (ottawa.ends_at - ottawa.starts_at),
                                               "Europe/Amsterdam")
    assert (view.starts_at, view.time_zone) == (starts, "Europe/Amsterdam")
    fixed = [i for i in agenda.get_agenda(demo, ottawa.uuid).items if i.fixed_start]
    assert [i.fixed_start.astimezone(AMSTERDAM) for i in fixed] == [datetime(2019, 10, 10, 9, tzinfo=AMSTERDAM)]
    back = meeting_planning.reschedule_meeting(demo, ottawa.uuid, ottawa.starts_at, ottawa.ends_at, ottawa.time_zone)
    assert (back.starts_at, back.ends_at, back.time_zone) == (ottawa.starts_at, ottawa.ends_at, ottawa.time_zone)
    fixed = [i for i in agenda.get_agenda(demo, ottawa.uuid).items if i.fixed_start]
    assert [i.fixed_start for i in fixed] == [datetime(2019, 10, 3, 13, 0, tzinfo=UTC)]


def test_rescheduling_refuses_an_end_before_the_start_and_changes_nothing(demo: Database) -> None:
    ottawa = meetings.get_meeting(demo, "VGT-2019-10")
    set_language("fr")
    with pytest.raises(DomainError, match="se terminer après son début") as caught:
        meeting_planning.reschedule_meeting(demo, ottawa.uuid, ottawa.starts_at, ottawa.starts_at - timedelta(hours=2),
                                            ottawa.time_zone)
    assert caught.value.field == "ends_at"
    again = meetings.get_meeting(demo, ottawa.uuid)
    assert (again.starts_at, again.ends_at) == (ottawa.starts_at, ottawa.ends_at)
    assert [i.fixed_start for i in agenda.get_agenda(demo, ottawa.uuid).items if i.fixed_start] == [
        datetime(2019, 10, 3, 13, 0, tzinfo=UTC)]


def test_the_next_reference_follows_the_previous_ones_shape(demo: Database) -> None:
    ottawa = meetings.get_meeting(demo, "VGT-2019-10")
    assert meeting_planning.suggest_reference(demo, START, "Europe/Amsterdam", ottawa.uuid) == "VGT-2020-04"
    # The local date decides: 23:30 on 31 March in Ottawa is already April in UTC.
    late = datetime(2020, 3, 31, 23, 30, tzinfo=TORONTO)
    assert meeting_planning.suggest_reference(demo, late, "America/Toronto", ottawa.uuid) == "VGT-2020-03"
    copy_ottawa(demo)
    assert meeting_planning.suggest_reference(demo, START, "Europe/Amsterdam", ottawa.uuid) == "VGT-2020-04-2"
    assert meeting_planning.suggest_reference(demo, START, "Europe/Amsterdam") == "VGT-2020-04-2"  # the latest


def test_a_reference_without_a_date_gives_year_and_month(db: Database) -> None:
    assert meeting_planning.suggest_reference(db, START, "Europe/Amsterdam") == "2020-04"
    meetings.create_meeting(db, reference="Plenary 7", title_en="P", starts_at=START, ends_at=END,
                            time_zone="Europe/Amsterdam")
    assert meeting_planning.suggest_reference(db, START, "Europe/Amsterdam") == "2020-04"
    meetings.create_meeting(db, reference="WG_2020.04", title_en="W", starts_at=START + timedelta(days=30),
                            ends_at=END + timedelta(days=30), time_zone="Europe/Amsterdam")
    assert meeting_planning.suggest_reference(db, datetime(2020, 11, 2, 9, tzinfo=UTC), "UTC") == "WG_2020.11"
