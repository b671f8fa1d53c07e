"""Every model of the minutes screens and of the tracker through pytest-qt's model tester, empty and filled
from the demo (with a circulation, a vote and a later meeting so that no model is checked empty only)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.domain.enums import ReplyKind, Vote
from app.persistence.database import Database, open_database
from app.services import action_tracking, actions, decisions, meetings, minutes
from app.services import minutes_approval as approval
from app.services.agenda import add_standing_items
from app.services.attendees import list_participants
from ui.actions_tracker.model import AuditModel, TrackerModel, UpdatesModel
from ui.minutes.approval_models import CandidatesModel, RecipientsModel, VersionsModel
from ui.minutes.item_models import (
    ActionsModel,
    DecisionsModel,
    MinutesItemsModel,
    OwnersModel,
    ReviewModel,
    VoteColumn,
    VotesModel,
)
from ui.minutes.table_model import RowsModel

TODAY = date(2020, 1, 15)


@pytest.fixture
def demo(demo_db_path: Path) -> Iterator[Database]:
    db = open_database(demo_db_path)
    yield db
    db.close()


def rows_for(db: Database) -> dict[str, tuple[type[RowsModel[Any]], list[Any]]]:
    ottawa = meetings.get_meeting(db, "VGT-2019-10").uuid
    people = [p.person_uuid for p in list_participants(db, ottawa)][:3]
    sent = approval.circulate_minutes(db, ottawa, people, date(2019, 10, 10), date(2019, 10, 24))
    approval.record_reply(db, sent.recipients[0].uuid, ReplyKind.NO_COMMENTS, date(2019, 10, 11))
    view = decisions.list_decisions(db, ottawa)[0]
    quorum = decisions.meeting_quorum(db, ottawa)
    decisions.set_votes(db, view.uuid, {quorum.members[0].organisation_uuid: Vote.FOR})
    later = meetings.create_meeting(db, reference="VGT-2020-03", title_en="London",
                                    starts_at=datetime(2020, 3, 4, 9, tzinfo=UTC),
                                    ends_at=datetime(2020, 3, 4, 17, tzinfo=UTC), time_zone="Europe/London").uuid
    add_standing_items(db, later, ottawa)
    all_actions = actions.list_actions(db, ottawa)
    return {
        "items": (MinutesItemsModel, list(minutes.get_minutes(db, ottawa).items)),
        "decisions": (DecisionsModel, decisions.list_decisions(db, ottawa)),
        "actions": (ActionsModel, all_actions),
        "owners": (OwnersModel, list(all_actions[3].owners)),
        "review": (ReviewModel, actions.actions_for_review(db, later)),
        "versions": (VersionsModel, list(minutes.get_minutes_state(db, ottawa).versions)),
        "recipients": (RecipientsModel, list(approval.get_approval(db, ottawa).circulations[0].recipients)),
        "candidates": (CandidatesModel, list_participants(db, ottawa)),
        "votes": (VotesModel, list(quorum.members)),
        "tracker": (TrackerModel, action_tracking.track_actions(db, action_tracking.ActionFilter(), TODAY)),
        "updates": (UpdatesModel, list(action_tracking.action_history(db, all_actions[0].uuid).updates)),
        "audit": (AuditModel, list(action_tracking.action_history(db, all_actions[0].uuid).audit)),
    }


def test_every_model_passes_the_model_tester(qtmodeltester: Any, demo: Database) -> None:
    for name, (model_class, rows) in rows_for(demo).items():
        model = model_class()
        qtmodeltester.check(model)
        assert rows, name
        model.set_rows(rows)
        assert model.rowCount() == len(rows), name
        qtmodeltester.check(model)
        model.set_rows(rows)  # the same rows again: a repaint, not a reset
        model.retranslate()
        qtmodeltester.check(model)
        model.set_rows([])
        qtmodeltester.check(model)


def test_editable_models(demo: Database) -> None:
    data = rows_for(demo)
    votes = VotesModel()
    votes.set_rows(data["votes"][1])
    asked: list[tuple[str, Vote | None]] = []
    votes.vote_requested = lambda uuid, vote: asked.append((uuid, vote))
    index = votes.index(0, VoteColumn.VOTE)
    assert votes.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert votes.setData(index, 2) and asked == [(votes.row_at(0).organisation_uuid, Vote.AGAINST)]  # type: ignore[union-attr]
    votes.editable = False
    assert not votes.flags(index) & Qt.ItemFlag.ItemIsEditable

    candidates = CandidatesModel()
    candidates.set_rows(data["candidates"][1])
    first = candidates.index(0, 0)
    assert candidates.data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value
    candidates.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert candidates.chosen() == [candidates.row_at(0).person_uuid]  # type: ignore[union-attr]
    candidates.toggle(0)
    assert candidates.chosen() == []


def test_overdue_rows_are_marked_several_ways(demo: Database) -> None:
    model = ActionsModel(today=lambda: TODAY)
    model.set_rows(rows_for(demo)["actions"][1])
    overdue = [row for row in range(model.rowCount()) if model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)]
    assert [model.index(row, 0).data() for row in overdue] == ["VGT-2019-10/A1", "VGT-2019-10/A3"]
    assert model.index(overdue[0], 0).data(Qt.ItemDataRole.ToolTipRole) == "Overdue: it was due on 1 Nov 2019."
    assert model.index(overdue[0], 0).data(Qt.ItemDataRole.AccessibleDescriptionRole).startswith("Overdue")
    assert model.index(overdue[0], 4).data() == "In progress, overdue"
