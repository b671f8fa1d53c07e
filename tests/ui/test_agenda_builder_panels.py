"""The agenda builder's side panels as a user meets them: the item editor (fields saved on leaving them,
errors shown at the field), the presenter and document pickers, the standing items dialog, the times for
participants of an online meeting, and the page in French."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from test_agenda_builder import CTRL, Desk, make_empty_ottawa

from app import i18n
from app.domain.enums import AgendaItemKind, MeetingMode, Visibility
from app.persistence.database import open_database
from app.services import agenda, attendees, directory, documents, meetings
from app.services.agenda_times import Comfort
from app.services.views import AgendaItemView
from ui.agenda_builder.pickers import ChoiceModel
from ui.agenda_builder.standing_dialog import StandingItemsDialog
from ui.agenda_builder.time_zones import ZoneColumn, ZoneTimesModel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_desk(qtbot: Any, demo_db_path: Path) -> Iterator[Desk]:
    db = open_database(demo_db_path)
    yield Desk(qtbot, db, meetings.get_meeting(db, "VGT-2019-10").uuid)
    db.close()


@pytest.fixture
def online_desk(qtbot: Any, demo_db_path: Path) -> Iterator[Desk]:
    db = open_database(demo_db_path)
    meeting = meetings.get_meeting(db, "VGT-2019-10")
    meetings.update_meeting(db, meeting.uuid, {"mode": MeetingMode.ONLINE})
    yield Desk(qtbot, db, meeting.uuid)
    db.close()


@pytest.fixture
def french() -> Iterator[None]:
    """French from the shipped catalog."""
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def item(desk: Desk, number: str) -> AgendaItemView:
    return next(i for i in desk.items() if i.number == number)


def leave(desk: Desk, widget: QWidget, text: str) -> None:
    """Select the field's text, type over it, and leave the field with Tab."""
    widget.setFocus()
    desk.key(Qt.Key.Key_A, CTRL)
    desk.key(Qt.Key.Key_Backspace)
    desk.type(text)
    desk.key(Qt.Key.Key_Tab)


def with_dialog(action: Callable[[StandingItemsDialog], None]) -> None:
    """Answer the modal dialog the next click opens."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StandingItemsDialog)
        action(dialog)

    QTimer.singleShot(0, answer)


def test_editor_fields_are_saved_on_leaving_them_and_undone(demo_desk: Desk) -> None:
    desk, editor = demo_desk, demo_desk.page.editor
    desk.select_row("9")  # Any other business
    leave(desk, editor.description_fr, "Questions diverses soulevées par les membres.")
    leave(desk, editor.title_en, "Any other business (members)")
    editor.visibility.setFocus()
    desk.type("Clo")  # Closed session, by its first letters
    desk.key(Qt.Key.Key_Return)
    editor.visibility.activated.emit(editor.visibility.currentIndex())  # what picking it in the list says
    changed = item(desk, "9")
    assert changed.description_fr == "Questions diverses soulevées par les membres."
    assert changed.title_en == "Any other business (members)"
    assert changed.visibility == Visibility.CLOSED
    assert desk.page.model.index_of(changed.uuid, 1).data() == "Any other business (members)"
    desk.page.tree.setFocus()
    for _step in range(3):
        desk.key(Qt.Key.Key_Z, CTRL)
    original = item(desk, "9")
    assert (original.title_en, original.description_fr, original.visibility) == (
        "Any other business", "", Visibility.PUBLIC)
    assert editor.title_en.text() == "Any other business"  # the editor follows the undo


def test_a_refused_value_is_shown_at_its_field_and_nothing_is_recorded(demo_desk: Desk) -> None:
    desk, editor = demo_desk, demo_desk.page.editor
    desk.select_row("10")  # Closing / Clôture de la réunion
    leave(desk, editor.title_fr, "")
    steps = desk.stack.count()
    leave(desk, editor.title_en, "")
    assert editor.titles_error.isVisible()
    assert "needs a title in English or in French" in editor.titles_error.text()
    assert desk.stack.count() == steps and item(desk, "10").title_en == "Closing"
    leave(desk, editor.title_en, "Closing of the meeting")
    assert not editor.titles_error.isVisible() and item(desk, "10").title_en == "Closing of the meeting"


def test_presenters_are_picked_by_typing_and_documents_by_ticking(demo_desk: Desk) -> None:
    desk, editor = demo_desk, demo_desk.page.editor
    desk.select_row("9")
    editor.presenters.search.setFocus()
    desk.type("odeg")  # Ødegård, found without the accent
    assert editor.presenters.results_model.rowCount() == 1
    desk.key(Qt.Key.Key_Return)
    desk.type("tremb")
    desk.key(Qt.Key.Key_Down)  # into the results, then Enter picks
    desk.key(Qt.Key.Key_Return)
    assert item(desk, "9").presenter_names == ("Ingrid Ødegård", "Sophie Tremblay")
    editor.presenters.chosen.setCurrentIndex(editor.presenters.chosen_model.index(1))
    desk.qtbot.mouseClick(editor.presenters.up_button, Qt.MouseButton.LeftButton)
    assert item(desk, "9").presenter_names == ("Sophie Tremblay", "Ingrid Ødegård")
    desk.qtbot.mouseClick(editor.presenters.remove_button, Qt.MouseButton.LeftButton)
    assert item(desk, "9").presenter_names == ("Ingrid Ødegård",)

    editor.documents.filter.setFocus()
    desk.type("cooperation")
    view = editor.documents.view
    assert editor.documents.model.rowCount() == 1
    box = view.visualRect(editor.documents.model.index(0))
    desk.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    desk.key(Qt.Key.Key_Space)
    linked = item(desk, "9").document_uuids
    assert [d.title_en for d in documents.list_documents(desk.db) if d.uuid in linked] == [
        "Cooperation agreement between the Council of Europe and the Virtual Global Taskforce"]
    desk.page.tree.setFocus()
    for _step in range(5):
        desk.key(Qt.Key.Key_Z, CTRL)
    assert (item(desk, "9").presenter_names, item(desk, "9").document_uuids) == ((), ())


def test_standing_items_are_added_linked_undone_and_refused_twice(demo_desk: Desk) -> None:
    desk, page = demo_desk, demo_desk.page
    previous = meetings.get_meeting(desk.db, "VGT-2011-11")
    button = page.toolbar.widgetForAction(page.commands.standing_items)

    def choose_and_add(dialog: StandingItemsDialog) -> None:
        assert dialog.meeting.count() == 1 and dialog.meeting.currentData() == previous.uuid
        desk.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    with_dialog(choose_and_add)
    desk.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    rows = desk.items()
    top = [i for i in rows if i.depth == 0]
    assert [i.kind for i in top[:4]] == [AgendaItemKind.OPENING, AgendaItemKind.PREVIOUS_MINUTES,
                                         AgendaItemKind.ACTION_REVIEW, AgendaItemKind.PREVIOUS_MINUTES]
    minutes, actions = top[1], top[2]
    assert minutes.title_en == "Approval of the minutes of the previous meeting (VGT-2011-11)"
    assert minutes.title_fr == "Approbation du procès-verbal de la réunion précédente (VGT-2011-11)"
    assert (actions.title_en, actions.title_fr) == ("Review of open actions", "Examen des mesures de suivi en cours")
    assert {minutes.refers_to_meeting_uuid, actions.refers_to_meeting_uuid} == {previous.uuid}
    desk.select_row("2")
    assert page.editor.refers_to.isVisible() and "VGT-2011-11" in page.editor.refers_to.text()

    seen: list[str] = []

    def refused(dialog: StandingItemsDialog) -> None:
        desk.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        seen.append(dialog.error.text() if dialog.isVisible() and dialog.error.isVisible() else "")
        dialog.reject()

    with_dialog(refused)
    desk.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen and "already has the standing items for VGT-2011-11" in seen[0]
    assert desk.items() == rows

    page.tree.setFocus()
    desk.key(Qt.Key.Key_Z, CTRL)
    assert len(desk.items()) == len(rows) - 2
    desk.key(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert desk.items() == rows  # the same two items, same UUIDs


def test_times_for_participants_of_an_online_meeting(online_desk: Desk) -> None:
    desk, times = online_desk, online_desk.page.times
    assert times.isVisible()
    rows = {times.model.index(r, ZoneColumn.PLACE).data(): r for r in range(times.model.rowCount())}
    assert {"Canberra", "Ottawa", "London", "The Hague", "Abu Dhabi", "Washington"} <= set(rows)

    def cell(place: str, column: ZoneColumn) -> str:
        return str(times.model.index(rows[place], column).data())

    assert cell("Ottawa", ZoneColumn.START) == "13:00"
    assert cell("Canberra", ZoneColumn.START) == "Thu 3 Oct, 03:00"
    assert cell("Canberra", ZoneColumn.COMFORT) == "Unsociable hour"
    assert cell("Ottawa", ZoneColumn.COMFORT) == "Office hours"
    assert int(cell("Canberra", ZoneColumn.PARTICIPANTS)) >= 1
    desk.page.tree.setCurrentIndex(QModelIndex())  # no item: the meeting's own times
    assert "Start of the meeting" in times.caption.text() and "Canberra" in times.caption.text()

    desk.select_row("3.3")  # 09:00 on the second day in Ottawa: 23:00 in Canberra
    assert "Item 3.3" in times.caption.text()
    assert cell("Ottawa", ZoneColumn.START) == "Thu 3 Oct, 09:00" or cell("Ottawa", ZoneColumn.START) == "09:00"
    assert cell("Canberra", ZoneColumn.START) == "23:00"
    assert times.model.row_at(rows["Canberra"]).comfort == Comfort.UNSOCIABLE  # type: ignore[union-attr]

    # a participant joining from Auckland adds a row at once
    person = directory.create_person(desk.db, given_name="Aroha", family_name="Test", time_zone="Pacific/Auckland")
    attendees.add_participant(desk.db, desk.meeting_uuid, person.uuid)
    desk.context.events.announce({"participation"}, {desk.meeting_uuid})
    places = [times.model.index(r, ZoneColumn.PLACE).data() for r in range(times.model.rowCount())]
    assert places[0] == "Auckland"  # east to west


def test_in_person_meetings_have_no_times_panel(demo_desk: Desk) -> None:
    assert not demo_desk.page.times.isVisible()


def test_the_page_in_french(demo_desk: Desk, french: None) -> None:
    desk, page = demo_desk, demo_desk.page
    page.retranslate()
    assert page.title() == "Ordre du jour"
    assert page.commands.new_item.text() == "Nouveau point"
    assert page.model.index_of(item(desk, "3.1").uuid, 1).data() == "Présentation du tableau de la menace mondiale"
    assert page.footer.text().startswith("L'ordre du jour se termine à jeu. 3, 14:15")
    assert page.editor.form_labels["duration_minutes"].text() == "Durée\u00a0:"
    # an in-place edit in French changes the French title only
    desk.select_row("5")
    desk.key(Qt.Key.Key_F2)
    desk.key(Qt.Key.Key_A, CTRL)
    desk.type("Pause")
    desk.key(Qt.Key.Key_Return)
    assert (item(desk, "5").title_fr, item(desk, "5").title_en) == ("Pause", "Coffee break")


def test_side_models_pass_the_model_tester(online_desk: Desk, qtmodeltester: Any) -> None:
    qtmodeltester.check(online_desk.page.times.model)
    qtmodeltester.check(ZoneTimesModel())
    qtmodeltester.check(online_desk.page.editor.documents.model)
    choices = ChoiceModel()
    choices.set_rows([("a", "Alpha", ""), ("b", "Beta", "tip")])
    qtmodeltester.check(choices)


def test_an_empty_meeting_says_how_to_start(qtbot: Any, tmp_path: Path) -> None:
    db, meeting = make_empty_ottawa(tmp_path / "empty.sqlite")
    desk = Desk(qtbot, db, meeting)
    assert desk.page.model.rowCount() == 0
    assert "Insert" in desk.page.tree.empty_hint and "no items yet" in desk.page.footer.text()
    assert not desk.page.commands.delete.isEnabled() and desk.page.commands.new_item.isEnabled()
    desk.page.show_meeting(None)
    assert desk.page.stack.currentWidget() is desk.page.placeholder
    assert agenda.get_agenda(db, meeting).items == ()
    db.close()
