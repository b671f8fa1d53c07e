"""Minutes services on the demo: writing the summaries, the status that follows, circulation and replies,
differences against the circulated version, approval at a later meeting or by the chair, lock, correction."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.domain.enums import AgendaItemKind, DecisionKind, MeetingStatus, MinutesVersionKind, ReplyKind
from app.errors import DomainError
from app.i18n import set_language
from app.persistence.database import Database, backup_database, open_database
from app.services import actions, decisions, meetings, minutes
from app.services import minutes_approval as approval
from app.services.agenda import add_standing_items
from app.services.attendees import list_participants
from app.services.outputs import minutes_content_hash


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


@pytest.fixture
def french() -> Path:
    """The shipped French catalog (the tests switch to French themselves)."""
    from app import i18n

    return i18n.catalog_dir()


def ottawa(db: Database) -> str:
    return meetings.get_meeting(db, "VGT-2019-10").uuid


def item(db: Database, meeting_uuid: str, number: str) -> minutes.MinutesItemView:
    return next(i for i in minutes.get_minutes(db, meeting_uuid).items if i.number == number)


def later_meeting(db: Database, previous_uuid: str, reference: str = "VGT-2020-03") -> str:
    uuid = meetings.create_meeting(
        db, reference=reference, title_en="VGT meeting, London", title_fr="Réunion du VGT, Londres",
        starts_at=datetime(2020, 3, 4, 9, tzinfo=UTC), ends_at=datetime(2020, 3, 4, 17, tzinfo=UTC),
        time_zone="Europe/London").uuid
    add_standing_items(db, uuid, previous_uuid)
    return uuid


def test_summary_in_both_languages_is_stored_in_the_canonical_subset(demo: Database) -> None:
    uuid = ottawa(demo)
    four = item(demo, uuid, "4")
    assert four.title_en == "Industry engagement and safety by design" and four.decision_count == 1
    view = minutes.update_minutes_entry(demo, four.item_uuid, {
        "text_en": "The **VGT** discussed  \n\n\n- safety\r\n- *design*", "text_fr": "Le **VGT** a discuté.",
        "translation_status": "draft"})
    assert view.text_en == "The **VGT** discussed\n\n- safety\n- *design*"
    assert view.text_fr == "Le **VGT** a discuté." and view.translation_status == "draft"
    five = item(demo, uuid, "5")  # a break: no entry yet, one is made on first use
    assert five.entry_uuid is None
    assert minutes.update_minutes_entry(demo, five.item_uuid, {"text_en": "Coffee."}).entry_uuid is not None
    with pytest.raises(DomainError) as error:
        minutes.update_minutes_entry(demo, four.item_uuid, {"number": "9"})
    assert error.value.field == "number"


def test_status_follows_the_minutes(demo: Database) -> None:
    later = later_meeting(demo, ottawa(demo))
    assert minutes.get_minutes_state(demo, later).status == MeetingStatus.PLANNED
    meetings.update_meeting(demo, later, {"status": "held"})
    first = minutes.get_minutes(demo, later).items[0]
    minutes.update_minutes_entry(demo, first.item_uuid, {"text_en": "Approved."})
    assert minutes.get_minutes_state(demo, later).status == MeetingStatus.MINUTES_DRAFT
    minutes.update_minutes_entry(demo, first.item_uuid, {"text_en": ""})
    assert minutes.get_minutes_state(demo, later).status == MeetingStatus.HELD


def test_circulation_freezes_a_version_and_logs_replies(demo: Database) -> None:
    uuid = ottawa(demo)
    people = [p.person_uuid for p in list_participants(demo, uuid)][:3]
    with pytest.raises(DomainError) as error:
        approval.circulate_minutes(demo, uuid, people, date(2019, 10, 10), date(2019, 10, 9))
    assert error.value.field == "deadline"
    with pytest.raises(DomainError) as error:
        approval.circulate_minutes(demo, uuid, [], date(2019, 10, 10), date(2019, 10, 24))
    assert error.value.field == "recipients"
    sent = approval.circulate_minutes(demo, uuid, people, date(2019, 10, 10), date(2019, 10, 24))
    state = minutes.get_minutes_state(demo, uuid)
    assert state.status == MeetingStatus.MINUTES_CIRCULATED
    assert [(v.number, v.kind) for v in state.versions] == [(1, MinutesVersionKind.CIRCULATED)]
    assert state.versions[0].sha256 == minutes_content_hash(demo, uuid)  # the hash printed on the minutes
    assert len(sent.awaiting) == 3 and not sent.past_deadline(date(2019, 10, 24))

    first, second = sent.recipients[0], sent.recipients[1]
    with pytest.raises(DomainError) as error:
        approval.record_reply(demo, first.uuid, ReplyKind.COMMENTS, date(2019, 10, 12), "  ")
    assert error.value.field == "comments"
    with pytest.raises(DomainError) as error:
        approval.record_reply(demo, first.uuid, ReplyKind.NO_COMMENTS, date(2019, 10, 1))
    assert error.value.field == "replied_on"
    approval.record_reply(demo, first.uuid, ReplyKind.COMMENTS, date(2019, 10, 12), "Item 4: say 'industry'.")
    approval.record_reply(demo, second.uuid, ReplyKind.NO_COMMENTS, date(2019, 10, 13), "ignored")
    current = approval.get_approval(demo, uuid).current
    assert current is not None
    assert [r.name for r in current.awaiting] == [current.recipients[2].name]
    assert current.recipients[1].comments == ""  # "no comments" keeps none
    approval.record_reply(demo, second.uuid, None, None)  # undo of a reply
    assert len(approval.get_approval(demo, uuid).circulations[0].awaiting) == 2

    approval.withdraw_circulation(demo, sent.uuid)  # undo of the circulation
    state = minutes.get_minutes_state(demo, uuid)
    assert state.versions == () and state.status == MeetingStatus.MINUTES_DRAFT


def test_changes_after_circulation_show_per_item(demo: Database) -> None:
    uuid = ottawa(demo)
    four = item(demo, uuid, "4")
    people = [p.person_uuid for p in list_participants(demo, uuid)][:2]
    approval.circulate_minutes(demo, uuid, people, date(2019, 10, 10), date(2019, 10, 24))
    assert not minutes.minutes_changes(demo, uuid).changed
    minutes.update_minutes_entry(demo, four.item_uuid, {"text_en": four.text_en + " Members agreed."})
    decisions.add_decision(demo, uuid, four.item_uuid, text_en="The VGT agreed to meet again in March.")
    changes = minutes.minutes_changes(demo, uuid)
    assert changes.version_number == 1 and changes.version_kind == MinutesVersionKind.CIRCULATED
    assert [c.number for c in changes.items if c.changed] == ["4"]
    inserted = [s.text for s in changes.for_item(four.item_uuid).english if s.kind == "insert"]  # type: ignore[union-attr]
    assert " Members agreed." in inserted[0]
    assert any("Decision: The VGT agreed to meet again in March." in text for text in inserted)


def test_approval_at_a_later_meeting_lock_and_correction(demo: Database, french: Path) -> None:
    uuid = ottawa(demo)
    later = later_meeting(demo, uuid)
    standing = [i for i in minutes.get_minutes(demo, later).items if i.kind == AgendaItemKind.PREVIOUS_MINUTES][0]
    with pytest.raises(DomainError):
        approval.lock_minutes(demo, uuid)  # not approved yet
    state = approval.approve_previous_minutes(demo, standing.item_uuid)
    assert state.status == MeetingStatus.MINUTES_APPROVED and state.approved_on == date(2020, 3, 4)
    assert state.approved_by == "VGT-2020-03/D1"
    assert state.latest is not None and state.latest.kind == MinutesVersionKind.APPROVED
    assert state.latest.approved_by_decision == "VGT-2020-03/D1"
    [decision] = decisions.list_decisions(demo, later)
    assert decision.kind == DecisionKind.APPROVAL and decision.approves_minutes_of_reference == "VGT-2019-10"
    assert decision.text_fr == "Le procès-verbal de la réunion VGT-2019-10 est approuvé."
    with pytest.raises(DomainError):
        approval.approve_minutes_by_chair(demo, uuid, date(2020, 3, 5), "Marie-Claude Arsenault")

    receipt = approval.lock_minutes(demo, uuid)
    assert receipt.created_version_uuid is None
    four = item(demo, uuid, "4")
    for attempt in (lambda: minutes.update_minutes_entry(demo, four.item_uuid, {"text_en": "Changed"}),
                    lambda: decisions.add_decision(demo, uuid, four.item_uuid, text_en="x"),
                    lambda: actions.add_action(demo, uuid, four.item_uuid, text_en="x")):
        with pytest.raises(DomainError) as error:
            attempt()
        assert error.value.field == "minutes" and "locked" in str(error.value)
    set_language("fr")
    with pytest.raises(DomainError) as error:
        minutes.update_minutes_entry(demo, four.item_uuid, {"text_en": "Changed"})
    set_language("en")
    assert str(error.value) == ("Le procès-verbal de VGT-2019-10 est verrouillé et ne peut plus être modifié\u202f; "
                                "enregistrez d’abord un rectificatif.")

    with pytest.raises(DomainError) as error:
        approval.correct_minutes(demo, uuid, "  ")
    assert error.value.field == "reason"
    corrected = approval.correct_minutes(demo, uuid, "Wrong name in item 4")
    assert not corrected.locked and corrected.latest is not None
    assert (corrected.latest.kind, corrected.latest.reason) == (MinutesVersionKind.CORRECTION, "Wrong name in item 4")
    minutes.update_minutes_entry(demo, four.item_uuid, {"text_en": "Corrected summary."})
    assert [c.number for c in minutes.minutes_changes(demo, uuid).items if c.changed] == ["4"]
    receipt = approval.lock_minutes(demo, uuid)
    assert receipt.corrected_version_uuid == corrected.latest.uuid
    final = minutes.get_minutes_state(demo, uuid)
    assert final.locked and [v.kind for v in final.versions] == [MinutesVersionKind.APPROVED,
                                                                 MinutesVersionKind.CORRECTION]
    assert final.versions[-1].sha256 == minutes_content_hash(demo, uuid)
    assert not minutes.minutes_changes(demo, uuid).changed

    approval.unlock_minutes(demo, receipt)  # undo of the lock puts the open correction back as it was
    reopened = minutes.get_minutes_state(demo, uuid)
    assert not reopened.locked and reopened.versions[-1].sha256 == corrected.latest.sha256


def test_changes_after_approval_need_a_reason_to_lock(demo: Database) -> None:
    uuid = ottawa(demo)
    with pytest.raises(DomainError) as error:
        approval.approve_minutes_by_chair(demo, uuid, date(2019, 9, 1), "Marie-Claude Arsenault")
    assert error.value.field == "approved_on"
    with pytest.raises(DomainError) as error:
        approval.approve_minutes_by_chair(demo, uuid, date(2019, 11, 1), " ")
    assert error.value.field == "chair_name"
    state = approval.approve_minutes_by_chair(demo, uuid, date(2019, 11, 1), "Marie-Claude Arsenault")
    assert (state.approved_on, state.approved_by) == (date(2019, 11, 1), "Marie-Claude Arsenault")
    four = item(demo, uuid, "4")
    minutes.update_minutes_entry(demo, four.item_uuid, {"text_en": "Amended as agreed."})
    with pytest.raises(DomainError) as error:
        approval.lock_minutes(demo, uuid)
    assert error.value.field == "reason"
    receipt = approval.lock_minutes(demo, uuid, "Amendments agreed at the approval")
    versions = minutes.get_minutes_state(demo, uuid).versions
    assert [(v.kind, v.reason) for v in versions] == [(MinutesVersionKind.APPROVED, ""),
                                                       (MinutesVersionKind.CORRECTION, "Amendments agreed at the approval")]
    content = json.loads(approval_content(demo, versions[-1].uuid))
    assert "Amended as agreed." in [i["minutes"]["en"] for i in content["items"]]
    approval.unlock_minutes(demo, receipt)
    approval.revoke_minutes_approval(demo, uuid)
    state = minutes.get_minutes_state(demo, uuid)
    assert state.versions == () and state.approved_on is None and state.status == MeetingStatus.MINUTES_DRAFT


def approval_content(db: Database, version_uuid: str) -> str:
    from app.domain.models import MinutesVersion
    from app.services.common import get_by_uuid

    with db.transaction() as session:
        return get_by_uuid(session, MinutesVersion, version_uuid).content


def test_undo_of_an_approval_at_a_later_meeting(demo: Database) -> None:
    uuid = ottawa(demo)
    later = later_meeting(demo, uuid)
    standing = [i for i in minutes.get_minutes(demo, later).items if i.kind == AgendaItemKind.PREVIOUS_MINUTES][0]
    approval.approve_previous_minutes(demo, standing.item_uuid)
    [decision] = decisions.list_decisions(demo, later)
    with pytest.raises(DomainError):
        decisions.delete_decision(demo, decision.uuid)  # it approved minutes: a record, not deleted alone
    approval.undo_previous_minutes_approval(demo, decision.uuid)
    assert decisions.list_decisions(demo, later) == []
    assert not minutes.get_minutes_state(demo, uuid).approved
    state = approval.approve_previous_minutes(demo, standing.item_uuid, decision_uuid=decision.uuid)  # redo
    assert state.approved and decisions.list_decisions(demo, later)[0].uuid == decision.uuid
