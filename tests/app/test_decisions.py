"""Decision services on the demo: numbering that follows the agenda, votes and thresholds evaluated, the
quorum recorded from the attendance, deletion and its undo, and how items end (postponed, carried forward)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.enums import Attendance, DecisionKind, DecisionMethod, ItemOutcome, Threshold, Vote
from app.errors import DomainError
from app.persistence.database import Database, backup_database, open_database
from app.services import decisions, item_outcomes, meetings, minutes
from app.services.agenda import get_agenda, move_agenda_item
from app.services.attendees import list_participants, update_participation
from app.services.directory import list_organisations


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path).close()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    db = open_database(backup_database(demo_template, tmp_path / "demo.sqlite"))
    yield db
    db.close()


def ottawa(db: Database) -> str:
    return meetings.get_meeting(db, "VGT-2019-10").uuid


def item_uuid(db: Database, meeting_uuid: str, number: str) -> str:
    return next(i.uuid for i in get_agenda(db, meeting_uuid).items if i.number == number)


def numbers(db: Database, meeting_uuid: str) -> list[tuple[str, str | None, str]]:
    return [(d.number, d.agenda_number, d.text_en[:20]) for d in decisions.list_decisions(db, meeting_uuid)]


def org_uuid(db: Database, acronym: str) -> str:
    return next(o.uuid for o in list_organisations(db) if o.acronym_en == acronym)


def test_numbers_follow_the_agenda_and_new_decisions_take_their_place(demo: Database) -> None:
    uuid = ottawa(demo)
    four = item_uuid(demo, uuid, "4")
    assert [n[:2] for n in numbers(demo, uuid)] == [("VGT-2019-10/D1", "3.3"), ("VGT-2019-10/D2", "4"),
                                                    ("VGT-2019-10/D3", "6")]
    first = decisions.add_decision(demo, uuid, four, text_en="The VGT agreed on a workshop.")
    second = decisions.add_decision(demo, uuid, four, text_en="The VGT noted the NGO statement.",
                                    kind=DecisionKind.NOTING)
    assert (first.number, second.number) == ("VGT-2019-10/D3", "VGT-2019-10/D4")
    assert numbers(demo, uuid)[-1][:2] == ("VGT-2019-10/D5", "6")
    assert first.quorum_present == 7 and first.quorum_required == 5 and first.quorum_reached

    # the wellness item (6) moves before item 4: its decision is numbered before item 4's
    move_agenda_item(demo, item_uuid(demo, uuid, "6"), None, 3)
    assert [n[1:] for n in numbers(demo, uuid)] == [
        ("3.3", "The VGT approved the"), ("4", "The VGT noted the pr"), ("5", "The VGT endorsed ind"),
        ("5", "The VGT agreed on a "), ("5", "The VGT noted the NG")]
    decisions.move_decision(demo, second.uuid, 0)
    assert [n[2] for n in numbers(demo, uuid)][2:] == ["The VGT noted the NG", "The VGT endorsed ind",
                                                       "The VGT agreed on a "]


def test_a_vote_is_evaluated_against_its_threshold(demo: Database) -> None:
    uuid = ottawa(demo)
    view = decisions.add_decision(demo, uuid, item_uuid(demo, uuid, "4"), text_en="Adopt the workplan.")
    assert view.method == DecisionMethod.CONSENSUS and view.result.adopted
    view = decisions.update_decision(demo, view.uuid, {"method": "vote", "threshold": "two_thirds",
                                                       "votes_for": 5, "votes_against": 3, "abstentions": 1})
    assert not view.result.adopted and view.result.needed == 6
    view = decisions.update_decision(demo, view.uuid, {"threshold": Threshold.SIMPLE_MAJORITY})
    assert view.result.adopted
    with pytest.raises(DomainError) as error:
        decisions.update_decision(demo, view.uuid, {"votes_for": -1})
    assert error.value.field == "votes_for"
    with pytest.raises(DomainError) as error:
        decisions.update_decision(demo, view.uuid, {"votes_for": "many"})
    assert error.value.field == "votes_for"


def test_votes_per_member_organisation(demo: Database) -> None:
    uuid = ottawa(demo)
    view = decisions.add_decision(demo, uuid, item_uuid(demo, uuid, "4"), text_en="Adopt the workplan.",
                                  threshold="two_thirds")
    before = decisions.vote_record(view)
    votes = {org_uuid(demo, "AFP"): Vote.FOR, org_uuid(demo, "CEOP"): Vote.FOR, org_uuid(demo, "ICE"): Vote.AGAINST,
             org_uuid(demo, "Europol"): Vote.ABSTAIN}
    view = decisions.set_votes(demo, view.uuid, votes)
    assert (view.method, view.votes_for, view.votes_against, view.abstentions) == (DecisionMethod.VOTE, 2, 1, 1)
    assert view.result.adopted  # 2 for, 1 against: exactly two thirds of the votes cast
    assert [(v.name, v.vote) for v in view.votes] == [("AFP", Vote.FOR), ("CEOP", Vote.FOR),
                                                       ("Europol", Vote.ABSTAIN), ("ICE", Vote.AGAINST)]
    view = decisions.set_votes(demo, view.uuid, {org_uuid(demo, "CEOP"): Vote.AGAINST, org_uuid(demo, "AFP"): None})
    assert (view.votes_for, view.votes_against) == (0, 2) and not view.result.adopted
    with pytest.raises(DomainError) as error:
        decisions.set_votes(demo, view.uuid, {org_uuid(demo, "NCMEC"): Vote.FOR})  # a partner, not a member
    assert error.value.field == "votes"
    with pytest.raises(DomainError) as error:
        decisions.update_decision(demo, view.uuid, {"votes_for": 4})
    assert error.value.field == "votes_for"
    restored = decisions.restore_vote_record(demo, view.uuid, before)  # undo
    assert restored.method == DecisionMethod.CONSENSUS and restored.votes == ()


def test_the_quorum_comes_from_the_attendance_and_is_kept_with_each_decision(demo: Database) -> None:
    uuid = ottawa(demo)
    quorum = decisions.meeting_quorum(demo, uuid)
    assert (quorum.present, quorum.required, len(quorum.members)) == (7, 5, 9)
    taken = decisions.add_decision(demo, uuid, item_uuid(demo, uuid, "4"), text_en="Agreed.")
    # three member delegations leave: the quorum is lost from now on, the decision keeps its own
    for p in list_participants(demo, uuid):
        if p.organisation_short in ("AFP", "CEOP", "Europol"):
            update_participation(demo, p.uuid, {"attendance": Attendance.ABSENT})
    quorum = decisions.meeting_quorum(demo, uuid)
    assert (quorum.present, quorum.reached) == (4, False)
    assert decisions.get_decision(demo, taken.uuid).quorum_present == 7
    later = decisions.add_decision(demo, uuid, item_uuid(demo, uuid, "4"), text_en="Not quorate.")
    assert later.quorum_reached is False
    meetings.update_meeting(demo, uuid, {"quorum_rule": "none"})
    assert decisions.meeting_quorum(demo, uuid).reached


def test_delete_and_restore_with_the_same_uuid_and_number(demo: Database) -> None:
    uuid = ottawa(demo)
    nine = item_uuid(demo, uuid, "9")
    assert minutes.get_minutes(demo, uuid).items[-2].outcome == ItemOutcome.PENDING
    view = decisions.add_decision(demo, uuid, nine, text_en="The next meeting is in London.", text_fr="À Londres.")
    view = decisions.set_votes(demo, view.uuid, {org_uuid(demo, "RCMP"): Vote.FOR})
    assert next(i for i in minutes.get_minutes(demo, uuid).items if i.item_uuid == nine).outcome == ItemOutcome.DECIDED
    snapshot = decisions.delete_decision(demo, view.uuid)
    assert next(i for i in minutes.get_minutes(demo, uuid).items if i.item_uuid == nine).outcome == ItemOutcome.PENDING
    assert len(decisions.list_decisions(demo, uuid)) == 3
    back = decisions.restore_decision(demo, snapshot)
    assert (back.uuid, back.number, back.text_fr, back.votes_for) == (view.uuid, view.number, "À Londres.", 1)
    assert back.quorum_present == view.quorum_present
    with pytest.raises(DomainError):
        decisions.restore_decision(demo, snapshot)  # already there


def test_postponed_items_are_offered_to_the_next_meeting(demo: Database) -> None:
    uuid = ottawa(demo)
    six = item_uuid(demo, uuid, "6")
    item_outcomes.set_item_outcome(demo, six, ItemOutcome.POSTPONED)
    later = meetings.create_meeting(
        demo, reference="VGT-2020-03", title_en="VGT, London", starts_at=datetime(2020, 3, 4, 9, tzinfo=UTC),
        ends_at=datetime(2020, 3, 4, 17, tzinfo=UTC), time_zone="Europe/London").uuid
    assert item_outcomes.postponed_items(demo, uuid) == []  # not to the meeting itself
    [offered] = item_outcomes.postponed_items(demo, later)
    assert (offered.meeting_reference, offered.number, offered.title("en")) == (
        "VGT-2019-10", "6", "Wellness research study")
    carried = item_outcomes.carry_forward(demo, offered.item_uuid, later)
    assert carried.title_en == "Wellness research study" and carried.outcome == ItemOutcome.PENDING
    assert item_outcomes.postponed_items(demo, later) == []
    with pytest.raises(DomainError):
        item_outcomes.carry_forward(demo, item_uuid(demo, uuid, "4"), later)  # not postponed
