"""The overview panel alone, on variations of the demo meeting: online meetings, empty lists, no meeting."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.domain.enums import Marking, MeetingMode
from app.persistence.database import open_database
from app.services.meetings import meeting_overview
from app.services.views import MeetingOverview
from ui.overview import OverviewPanel


@pytest.fixture
def ottawa(demo_db_path: Path) -> MeetingOverview:
    db = open_database(demo_db_path)
    try:
        return meeting_overview(db, "VGT-2019-10", "en")
    finally:
        db.close()


@pytest.fixture
def panel(qtbot) -> OverviewPanel:  # type: ignore[no-untyped-def]
    panel = OverviewPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 800)
    panel.show()
    return panel


def test_an_online_meeting_shows_its_link_instead_of_a_place(panel: OverviewPanel, ottawa: MeetingOverview) -> None:
    meeting = dataclasses.replace(ottawa.meeting, mode=MeetingMode.ONLINE, venue="", city="", country=None,
                                  online_url="https://meet.example/vgt?a=1&b=2", marking=Marking.RED)
    panel.show_overview(dataclasses.replace(ottawa, meeting=meeting))
    assert panel.field_values["place"].text() == "Online"
    assert panel.field_values["mode"].text() == "Online"
    link = panel.field_values["online"]
    assert link.isVisible() and 'href="https://meet.example/vgt?a=1&amp;b=2"' in link.text()
    assert panel.badge.text() == "TLP:RED" and "#FF2B2B" in panel.badge.styleSheet()


def test_empty_lists_say_so(panel: OverviewPanel, ottawa: MeetingOverview) -> None:
    agenda = dataclasses.replace(ottawa.agenda, items=())
    empty = dataclasses.replace(ottawa, agenda=agenda, documents=(), decisions=(), actions=())
    panel.show_overview(empty)
    assert panel.agenda_page.is_empty() and panel.agenda_page.message.text() == "No agenda items"
    assert panel.documents_page.is_empty() and panel.decisions_page.is_empty() and panel.actions_page.is_empty()
    assert panel.tabs.tabText(0) == "Agenda (0)"
    panel.show_overview(ottawa)
    assert not panel.agenda_page.is_empty()


def test_missing_people_read_not_set(panel: OverviewPanel, ottawa: MeetingOverview) -> None:
    meeting = dataclasses.replace(ottawa.meeting, chair_name="", secretary_name="", host_name="")
    panel.show_overview(dataclasses.replace(ottawa, meeting=meeting))
    assert {panel.field_values[key].text() for key in ("chair", "secretary", "host")} == {"Not set"}


def test_no_meeting_shows_a_hint_and_no_badge(panel: OverviewPanel, ottawa: MeetingOverview) -> None:
    panel.show_overview(ottawa)
    panel.show_overview(None)
    assert panel.stack.currentWidget() is panel.placeholder
    assert panel.placeholder.text() == "Select a meeting to see its overview."
    assert panel.badge.marking is None and panel.overview is None
