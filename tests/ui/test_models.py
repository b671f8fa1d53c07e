"""Every model of the UI through pytest-qt's model tester, filled from the demo and empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.persistence.database import open_database
from app.services.meetings import list_meetings, meeting_overview
from app.services.views import MeetingOverview
from ui.agenda_model import AgendaModel
from ui.meeting_list import MeetingColumn, MeetingListModel
from ui.record_models import ActionsModel, DecisionsModel, DocumentsModel


@pytest.fixture
def demo_overview(demo_db_path: Path) -> MeetingOverview:
    db = open_database(demo_db_path)
    try:
        return meeting_overview(db, "VGT-2019-10", "en")
    finally:
        db.close()


def test_meeting_list_model(qtmodeltester, demo_db_path: Path) -> None:
    db = open_database(demo_db_path)
    try:
        meetings = list_meetings(db)
    finally:
        db.close()
    model = MeetingListModel()
    qtmodeltester.check(model)
    model.set_meetings(meetings)
    qtmodeltester.check(model)
    for column in MeetingColumn:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            qtmodeltester.check(model)
    model.sort(MeetingColumn.DATE, Qt.SortOrder.AscendingOrder)
    assert [model.meeting_at(row).reference for row in range(2)] == ["VGT-2011-11", "VGT-2019-10"]
    model.retranslate()
    qtmodeltester.check(model)


def test_agenda_model(qtmodeltester, demo_overview: MeetingOverview) -> None:
    model = AgendaModel()
    qtmodeltester.check(model)
    model.set_agenda(demo_overview.agenda, demo_overview.meeting.time_zone)
    qtmodeltester.check(model)
    assert model.rowCount() == 10 and model.item_count() == 13
    assert model.rowCount(model.index(2, 0)) == 3
    assert model.parent(model.index(0, 0, model.index(2, 0))) == model.index(2, 0)
    assert model.parent() is None  # QObject.parent() is still reachable
    model.retranslate()
    model.set_agenda(None, "UTC")
    qtmodeltester.check(model)


@pytest.mark.parametrize("model_class, rows", [
    (DocumentsModel, "documents"), (DecisionsModel, "decisions"), (ActionsModel, "actions")])
def test_record_models(qtmodeltester, demo_overview: MeetingOverview, model_class: type, rows: str) -> None:
    model = model_class()
    qtmodeltester.check(model)
    model.set_rows(getattr(demo_overview, rows))
    assert model.rowCount() == len(getattr(demo_overview, rows)) > 0
    qtmodeltester.check(model)
    model.retranslate()
    model.set_rows(())
    qtmodeltester.check(model)
