"""Action services on the demo: owners, numbering, progress notes, the review at a later meeting, the
tracker's filters, an action's history, deletion and its undo, and ``chairdesk actions``."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app import cli
from app.domain.enums import ActionStatus, AgendaItemKind
from app.errors import DomainError
from app.persistence.database import Database, backup_database, open_database
from app.services import action_tracking, actions, meetings, minutes
from app.services import minutes_approval as approval
from app.services.action_tracking import ActionFilter
from app.services.agenda import add_standing_items, get_agenda
from app.services.directory import list_organisations, list_people

TODAY = date(2020, 1, 15)


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
    db = open_database(demo_path)
    yield db
    db.close()


def ottawa(db: Database) -> str:
    return meetings.get_meeting(db, "VGT-2019-10").uuid


def item_uuid(db: Database, meeting_uuid: str, number: str) -> str:
    return next(i.uuid for i in get_agenda(db, meeting_uuid).items if i.number == number)


def person(db: Database, family_name: str) -> str:
    return "person:" + next(p.uuid for p in list_people(db) if p.family_name == family_name)


def organisation(db: Database, acronym: str) -> str:
    return "organisation:" + next(o.uuid for o in list_organisations(db) if o.acronym_en == acronym)


def later_meeting(db: Database) -> str:
    uuid = meetings.create_meeting(
        db, reference="VGT-2020-03", title_en="VGT meeting, London", starts_at=datetime(2020, 3, 4, 9, tzinfo=UTC),
        ends_at=datetime(2020, 3, 4, 17, tzinfo=UTC), time_zone="Europe/London").uuid
    add_standing_items(db, uuid, ottawa(db))
    return uuid


def test_actions_with_owners_are_numbered_in_agenda_order(demo: Database) -> None:
    uuid = ottawa(demo)
    four = item_uuid(demo, uuid, "4")
    first = actions.add_action(demo, uuid, four, text_en="Draft the workshop programme.",
                               owners=[person(demo, "Bell"), organisation(demo, "CEOP")], due_date=date(2019, 12, 1))
    assert first.number == "VGT-2019-10/A5" and first.agenda_number == "4"
    assert [(o.kind, o.name, o.organisation_short) for o in first.owners] == [
        ("person", "Marcus Bell", "NCMEC"), ("organisation", "CEOP", "CEOP")]
    ten = actions.add_action(demo, uuid, item_uuid(demo, uuid, "10"), text_en="Book the next venue.")
    assert ten.number == "VGT-2019-10/A7"  # after item 6's action
    assert [a.number for a in actions.list_actions(demo, uuid, four)] == ["VGT-2019-10/A4", "VGT-2019-10/A5"]
    changed = actions.set_owners(demo, first.uuid, [organisation(demo, "AFP")])
    assert changed.owner_names == ("AFP",)
    with pytest.raises(DomainError) as error:
        actions.set_owners(demo, first.uuid, ["team:x"])
    assert error.value.field == "owners"
    with pytest.raises(DomainError) as error:
        actions.update_action(demo, first.uuid, {"due_date": "soon"})
    assert error.value.field == "due_date"
    assert first.overdue(TODAY) and not first.overdue(date(2019, 11, 30))


def test_delete_and_restore_keep_uuid_owners_and_progress(demo: Database) -> None:
    uuid = ottawa(demo)
    a1 = actions.list_actions(demo, uuid)[0]
    assert a1.update_count == 1 and a1.last_update is not None
    snapshot = actions.delete_action(demo, a1.uuid)
    assert [a.number for a in actions.list_actions(demo, uuid)][-1] == "VGT-2019-10/A4"
    back = actions.restore_action(demo, snapshot)
    assert (back.uuid, back.number, back.owner_names, back.update_count) == (a1.uuid, a1.number, a1.owner_names, 1)
    assert back.last_update == a1.last_update


def test_review_of_actions_at_a_later_meeting_records_the_update_there(demo: Database) -> None:
    uuid = ottawa(demo)
    later = later_meeting(demo)
    review = [row for row in actions.actions_for_review(demo, later)]
    assert [r.action.number for r in review] == ["VGT-2019-10/A1", "VGT-2019-10/A3", "VGT-2019-10/A4",
                                                 "VGT-2019-10/A5"]
    assert all(r.update_here is None for r in review)
    a3 = review[1].action
    update = actions.record_update(demo, a3.uuid, later, ActionStatus.DONE, "Circulated on 15 October.")
    assert update.meeting_reference == "VGT-2020-03"
    after = actions.actions_for_review(demo, later)
    done = next(r for r in after if r.action.uuid == a3.uuid)  # still listed, now done, with this update
    assert done.action.status == ActionStatus.DONE and done.update_here == update
    assert a3.uuid not in [r.action.uuid for r in actions.actions_for_review(demo, uuid)]
    with pytest.raises(DomainError) as error:
        actions.record_update(demo, a3.uuid, later, None, " ")
    assert error.value.field == "note"
    actions.remove_update(demo, update.uuid, ActionStatus.OPEN)  # undo
    assert actions.get_action(demo, a3.uuid).status == ActionStatus.OPEN


def test_status_moves_on_after_the_minutes_are_locked(demo: Database) -> None:
    uuid = ottawa(demo)
    approval.approve_minutes_by_chair(demo, uuid, date(2019, 11, 1), "Marie-Claude Arsenault")
    approval.lock_minutes(demo, uuid)
    a4 = actions.list_actions(demo, uuid)[3]
    with pytest.raises(DomainError) as error:
        actions.update_action(demo, a4.uuid, {"text_en": "Rewritten"})
    assert error.value.field == "minutes"
    with pytest.raises(DomainError):
        actions.set_owners(demo, a4.uuid, [])
    assert actions.update_action(demo, a4.uuid, {"status": "in_progress"}).status == ActionStatus.IN_PROGRESS
    later = later_meeting(demo)
    actions.record_update(demo, a4.uuid, later, ActionStatus.DONE, "Workshop held.")
    assert minutes.get_minutes_state(demo, uuid).locked


def test_tracker_filters(demo: Database) -> None:
    def numbers(**criteria: object) -> list[str]:
        return [a.number for a in action_tracking.track_actions(demo, ActionFilter(**criteria), TODAY)]  # type: ignore[arg-type]

    assert len(numbers()) == 6
    assert numbers(overdue=True) == ["VGT-2019-10/A1", "VGT-2019-10/A3"]
    assert numbers(statuses=frozenset({ActionStatus.DONE})) == ["VGT-2011-11/A1", "VGT-2019-10/A2"]
    assert numbers(meeting_uuid=meetings.get_meeting(demo, "VGT-2011-11").uuid) == ["VGT-2011-11/A1"]
    assert numbers(owner_person_uuid=person(demo, "Tremblay").split(":")[1]) == ["VGT-2019-10/A2", "VGT-2019-10/A3"]
    rcmp = organisation(demo, "RCMP").split(":")[1]  # owned by the RCMP itself or by one of its people
    assert numbers(organisation_uuid=rcmp) == ["VGT-2019-10/A1", "VGT-2019-10/A2", "VGT-2019-10/A3"]
    assert numbers(text="securite") == ["VGT-2019-10/A4"]  # accent-free, in the French text too
    assert numbers(text="zebra") == []
    assert numbers(text="SAFETY BY DESIGN") == ["VGT-2019-10/A4"]


def test_history_has_progress_notes_and_the_audit_trail(demo: Database) -> None:
    a1 = actions.list_actions(demo, ottawa(demo))[0]
    actions.update_action(demo, a1.uuid, {"due_date": date(2019, 11, 8)})
    history = action_tracking.action_history(demo, a1.uuid)
    assert [u.status for u in history.updates] == [ActionStatus.IN_PROGRESS]
    assert ("update", "action_item", ("due_date",)) in [(e.action, e.entity, e.fields) for e in history.audit]
    assert {e.entity for e in history.audit} >= {"action_item", "action_owner", "action_update"}


def test_owner_choices_people_then_organisations(demo: Database) -> None:
    choices = action_tracking.owner_choices(demo)
    kinds = [c.kind for c in choices]
    assert kinds.index("organisation") == kinds.count("person")
    assert any(c.name == "Marie-Claude Arsenault" for c in choices)


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return cli.run(cli.parse_args(argv), out), out.getvalue()


def test_command_line_tracker(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(["actions", "--status", "overdue", "--db", str(demo_path)])
    lines = text.splitlines()
    assert code == 0 and lines[0].split() == ["Action", "Responsible", "Due", "date", "Status", "Origin", "Text"]
    assert lines[1].startswith("VGT-2019-10/A1  RCMP") and "In progress, overdue" in lines[1]
    assert "VGT-2019-10, item 3.3" in lines[1]
    assert lines[2].startswith("VGT-2019-10/A3  Sophie Tremblay") and "18 Oct 2019" in lines[2]
    assert all("overdue" in line for line in lines[1:])
    code, text = run(["actions", "--meeting", "VGT-2011-11", "--status", "done", "--db", str(demo_path)])
    assert code == 0 and len(text.splitlines()) == 2 and "AFP, CoE" in text
    code, text = run(["actions", "--meeting", "VGT-1999-01", "--db", str(demo_path)])
    assert code == 2 and "VGT-1999-01" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.parse_args(["actions", "--status", "late"])


def test_review_item_kind_exists_on_the_later_agenda(demo: Database) -> None:
    later = later_meeting(demo)
    kinds = [i.kind for i in minutes.get_minutes(demo, later).items]
    assert AgendaItemKind.ACTION_REVIEW in kinds and AgendaItemKind.PREVIOUS_MINUTES in kinds
