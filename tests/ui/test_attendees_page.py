"""The Attendees page driven as a user would, on the demo's Ottawa meeting: searching the directory and adding
with Enter, removing with Delete and undoing, setting a status for three rows at once and undoing it in one
step, editing a cell with its combo box, creating a person inline, exporting; the counts of each group; the
models through the model tester."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QMainWindow

from app import i18n
from app.domain.enums import Attendance, InvitationStatus
from app.persistence.database import Database, open_database
from app.services import attendees, directory, meetings
from app.services.attendees import AttendeeView
from ui.attendees import AttendeesPage
from ui.attendees.model import SUMMARY_ROLE, TITLE_ROLE, AttendeeColumn, AttendeeTreeModel
from ui.attendees.picker import CandidateModel
from ui.context import AppContext
from ui.tasks import TaskRunner

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class Desk:
    """The page in a window that has the Edit menu's Ctrl+Z and Ctrl+Shift+Z, as the main window has."""

    def __init__(self, qtbot: Any, db: Database, meeting_uuid: str) -> None:
        self.qtbot, self.db, self.meeting_uuid = qtbot, db, meeting_uuid
        self.window = QMainWindow()
        self.stack = QUndoStack(self.window)
        self.context = AppContext(self.stack, TaskRunner(self.window), self.window)
        self.context.set_database(db)
        self.page = AttendeesPage(self.context)
        self.window.setCentralWidget(self.page)
        for action, keys in ((self.stack.createUndoAction(self.window), "Ctrl+Z"),
                             (self.stack.createRedoAction(self.window), "Ctrl+Shift+Z")):
            action.setShortcut(QKeySequence(keys))
            self.window.addAction(action)
        qtbot.addWidget(self.window)
        self.window.resize(1400, 900)
        with qtbot.waitExposed(self.window):
            self.window.show()
        with qtbot.waitActive(self.window):
            self.window.activateWindow()
        self.page.show_meeting(meeting_uuid)
        self.tree, self.model = self.page.tree, self.page.model

    def rows(self) -> dict[str, AttendeeView]:
        """What the database holds now, by name."""
        return {row.person_name: row for row in attendees.list_attendees(self.db, self.meeting_uuid).rows}

    def settle(self) -> None:
        """Let the page take in what was announced (it reloads once the event loop turns)."""
        self.qtbot.waitUntil(lambda: not self.page._reload_timer.isActive(), timeout=5000)
        QApplication.processEvents()

    def shown_names(self) -> list[str]:
        return [row.person_name for row in self.model.attendees()]

    def index_of(self, name: str, column: AttendeeColumn = AttendeeColumn.NAME) -> QModelIndex:
        row = next(r for r in self.model.attendees() if r.person_name == name)
        return self.model.index_of_key(f"p:{row.uuid}", column)

    def click(self, name: str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        rect = self.tree.visualRect(self.index_of(name))
        self.qtbot.mouseClick(self.tree.viewport(), Qt.MouseButton.LeftButton, modifiers, rect.center())

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key pressed where the focus is (the window takes the keyboard back when a dialog has closed)."""
        if QApplication.focusWidget() is None:
            with self.qtbot.waitActive(self.window):
                self.window.activateWindow()
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
        QApplication.processEvents()

    def undo(self) -> None:
        self.key(Qt.Key.Key_Z, CTRL)
        self.settle()

    def redo(self) -> None:
        self.key(Qt.Key.Key_Z, CTRL | SHIFT)
        self.settle()


@pytest.fixture
def db(demo_db_path: Path) -> Iterator[Database]:
    database = open_database(demo_db_path)
    yield database
    database.close()


@pytest.fixture
def desk(qtbot, db: Database) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    desk = Desk(qtbot, db, meetings.get_meeting(db, "VGT-2019-10").uuid)
    yield desk
    desk.context.tasks.wait_for_done()


def test_the_models_pass_the_model_tester(qtmodeltester, db: Database) -> None:  # type: ignore[no-untyped-def]
    ottawa = attendees.list_attendees(db, meetings.get_meeting(db, "VGT-2019-10").uuid)
    model = AttendeeTreeModel()
    qtmodeltester.check(model)
    model.set_rows(ottawa.rows, ottawa.time_zone)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.rowCount(model.index(0, 0)) == 9  # sectors; law enforcement's orgs
    for column in AttendeeColumn:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            qtmodeltester.check(model)
    assert model.set_rows(ottawa.rows[:5], ottawa.time_zone) is False  # rows went: a reset
    qtmodeltester.check(model)
    assert model.set_rows(ottawa.rows[:5], ottawa.time_zone) is True  # the same rows: a repaint
    model.retranslate()
    model.set_rows([], "UTC")
    qtmodeltester.check(model)
    assert model.parent() is None  # QObject.parent() is still reachable

    candidates = CandidateModel()
    qtmodeltester.check(candidates)
    candidates.set_candidates(attendees.search_directory(db, ottawa.meeting_uuid, "e"))
    qtmodeltester.check(candidates)


def test_groups_show_their_counts_and_the_bar_the_totals(desk: Desk) -> None:
    model = desk.model
    law = model.index_of_key("s:law_enforcement")
    assert law.data(TITLE_ROLE) == "Law enforcement (12 people, 9 organisations)"
    assert law.data(SUMMARY_ROLE) == ("12 invited: 10 confirmed, 1 tentative, 1 declined · "
                                      "8 present, 2 online, 1 apology")
    assert desk.tree.isFirstColumnSpanned(law.row(), QModelIndex())
    rcmp = next(model.index(row, 0, law) for row in range(model.rowCount(law))
                if str(model.index(row, 0, law).data(TITLE_ROLE)).startswith("RCMP"))
    assert rcmp.data(TITLE_ROLE) == "RCMP (3 people)" and rcmp.data(SUMMARY_ROLE) == "3 invited: 3 confirmed · 3 present"
    assert [model.index(row, 0, rcmp).data() for row in range(3)] == [
        "Marie-Claude Arsenault", "Sophie Tremblay", "Stephen White"]
    ngo = model.index_of_key("s:ngo")
    assert ngo.data(TITLE_ROLE) == "NGO (1 person, 1 organisation)"
    assert desk.page.totals.totals.text() == ("14 people · 14 invited · 12 confirmed · 1 tentative · 1 declined · "
                                              "10 present · 2 online · 1 apology · 11 organisations")
    yilmaz = desk.index_of("Çağlar Yılmaz", AttendeeColumn.ARRIVAL)
    assert yilmaz.data() == "12:58" and desk.index_of("Khalid Al Mansoori", AttendeeColumn.ARRIVAL).data() == ""
    assert desk.model.headerData(AttendeeColumn.ARRIVAL, Qt.Orientation.Horizontal) == "Arrival (Toronto)"


def test_delete_removes_and_undo_brings_back_the_same_row(desk: Desk) -> None:
    before = desk.rows()["Łukasz Wiśniewski"]
    desk.click("Łukasz Wiśniewski")
    desk.key(Qt.Key.Key_Delete)
    desk.settle()
    assert "Łukasz Wiśniewski" not in desk.rows() and "Łukasz Wiśniewski" not in desk.shown_names()
    assert desk.page.totals.totals.text().startswith("13 people")
    desk.undo()
    assert desk.rows()["Łukasz Wiśniewski"] == before  # same UUID, role, statuses and arrival time
    assert "Łukasz Wiśniewski" in desk.shown_names()
    desk.redo()
    assert "Łukasz Wiśniewski" not in desk.rows()


def test_typing_wisn_offers_him_and_enter_adds_him(desk: Desk) -> None:
    attendees.remove_participants(desk.db, [desk.rows()["Łukasz Wiśniewski"].uuid])
    desk.page.reload()
    picker = desk.page.picker
    desk.qtbot.mouseClick(picker.field, Qt.MouseButton.LeftButton)
    desk.qtbot.keyClicks(picker.field, "wisn")
    desk.qtbot.waitUntil(picker.overlay.isVisible, timeout=3000)
    assert [c.full_name for c in picker.candidates_shown()] == ["Łukasz Wiśniewski"]
    assert picker.results.currentIndex().data() == "Łukasz Wiśniewski — Europol"
    count = desk.stack.count()
    desk.key(Qt.Key.Key_Return)
    desk.settle()
    added = desk.rows()["Łukasz Wiśniewski"]
    assert added.organisation_short == "Europol" and desk.stack.count() == count + 1
    assert picker.field.text() == "" and not picker.overlay.isVisible() and QApplication.focusWidget() is picker.field
    assert desk.page.selected_attendees() == [r for r in desk.model.attendees() if r.uuid == added.uuid]
    desk.undo()
    assert "Łukasz Wiśniewski" not in desk.rows()


def test_people_already_listed_are_shown_but_cannot_be_added(desk: Desk) -> None:
    picker = desk.page.picker
    picker.field.setFocus()
    desk.qtbot.keyClicks(picker.field, "rcmp")
    desk.key(Qt.Key.Key_Return)  # before the pause is over: the search runs first
    assert [c.listed for c in picker.candidates_shown()] == [True, True, True]
    assert picker.results.currentIndex().data() is None
    assert "already on the list" in picker.model.index(0).data()
    assert len(desk.rows()) == 14 and desk.stack.count() == 0


def test_several_people_added_with_shift_down_in_one_step(desk: Desk) -> None:
    ottawa = desk.rows()
    attendees.remove_participants(desk.db, [ottawa["Stephen White"].uuid, ottawa["Marcus Bell"].uuid])
    desk.page.reload()
    picker = desk.page.picker
    picker.field.setFocus()
    desk.qtbot.keyClicks(picker.field, "e")
    desk.key(Qt.Key.Key_Down)  # before the pause: brings the list, the best free match selected
    offered = [c.full_name for c in picker.candidates_shown() if not c.listed]
    assert offered[:2] == ["Marcus Bell", "Neil Gaughan"] and picker.results.currentIndex().data().startswith(
        "Marcus Bell")
    desk.key(Qt.Key.Key_Down, SHIFT)  # and the next free one too
    count = desk.stack.count()
    desk.key(Qt.Key.Key_Return)
    desk.settle()
    assert {"Marcus Bell", "Neil Gaughan"} <= set(desk.rows()) and len(desk.rows()) == 14
    assert desk.stack.count() == count + 1 and desk.stack.undoText() == "Add 2 people to the attendee list"
    desk.undo()
    assert len(desk.rows()) == 12


def test_three_rows_set_confirmed_and_one_ctrl_z_reverts_all_three(desk: Desk) -> None:
    names = ("Giulia Ferraro", "Aroha Ngata", "Khalid Al Mansoori")
    attendees.update_participation(desk.db, desk.rows()["Khalid Al Mansoori"].uuid, {"invitation_status": "invited"})
    desk.page.reload()
    desk.click(names[0])
    desk.click(names[1], CTRL)
    desk.click(names[2], CTRL)
    assert {r.person_name for r in desk.page.selected_attendees()} == set(names)
    assert desk.page.totals.selection.text() == "3 selected"
    confirmed = next(a for a in desk.page.bulk.invitation_button.menu().actions() if a.text() == "Confirmed")
    count = desk.stack.count()
    confirmed.trigger()
    desk.settle()
    assert {desk.rows()[n].invitation_status for n in names} == {InvitationStatus.CONFIRMED}
    assert desk.stack.count() == count + 1
    assert desk.stack.undoText() == "Set the invitation of 3 people to Confirmed"
    assert {r.person_name for r in desk.page.selected_attendees()} == set(names)  # the selection stays
    desk.tree.setFocus()
    desk.undo()
    assert [desk.rows()[n].invitation_status for n in names] == [
        InvitationStatus.DECLINED, InvitationStatus.TENTATIVE, InvitationStatus.INVITED]


def test_a_selected_group_row_applies_to_everyone_in_it(desk: Desk) -> None:
    law = desk.model.index_of_key("s:law_enforcement")
    rcmp = next(desk.model.index(row, 0, law) for row in range(desk.model.rowCount(law))
                if str(desk.model.index(row, 0, law).data(TITLE_ROLE)).startswith("RCMP"))
    desk.qtbot.mouseClick(desk.tree.viewport(), Qt.MouseButton.LeftButton, pos=desk.tree.visualRect(rcmp).center())
    desk.page.set_selected("attendance", Attendance.ONLINE.value)
    desk.settle()
    assert {desk.rows()[n].attendance for n in ("Marie-Claude Arsenault", "Sophie Tremblay", "Stephen White")} == {
        Attendance.ONLINE}
    assert desk.model.index_of_key(desk.model.key(rcmp) or "").data(SUMMARY_ROLE) == "3 invited: 3 confirmed · 3 online"


def test_a_cell_is_edited_in_place_with_its_combo_box(desk: Desk) -> None:
    index = desk.index_of("Marcus Bell", AttendeeColumn.ATTENDANCE)
    desk.tree.scrollTo(index)
    rect = desk.tree.visualRect(index)
    # A real double click is press, release, then a double-click press: QTest sends only the last part.
    desk.qtbot.mouseClick(desk.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    desk.qtbot.mouseDClick(desk.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.currentText() == "Present"
    desk.key(Qt.Key.Key_Down)  # Present -> Online, applied at once
    desk.settle()
    assert desk.rows()["Marcus Bell"].attendance == Attendance.ONLINE
    assert desk.index_of("Marcus Bell", AttendeeColumn.ATTENDANCE).data() == "Online"
    assert desk.stack.undoText() == "Set the attendance of Marcus Bell to Online"
    desk.tree.setFocus()
    desk.undo()
    assert desk.rows()["Marcus Bell"].attendance == Attendance.PRESENT


def test_a_new_person_is_created_and_added_in_one_undo_step(desk: Desk) -> None:
    picker = desk.page.picker
    picker.field.setFocus()
    desk.qtbot.keyClicks(picker.field, "Jane van Dijk")
    desk.qtbot.mouseClick(picker.new_button, Qt.MouseButton.LeftButton)
    dialog = desk.page.new_person_dialog
    assert dialog is not None and dialog.isVisible()
    assert (dialog.given_name.text(), dialog.family_name.text()) == ("Jane", "van Dijk")
    dialog.email.setFocus()
    desk.qtbot.keyClicks(dialog.email, "marcus.bell@ncmec.demo.example")  # someone else's address
    dialog.organisation.setCurrentIndex(dialog.organisation.findText("Europol"))
    desk.qtbot.keyClicks(dialog.title_field, "Analyst")
    desk.qtbot.keyClicks(dialog.time_zone.lineEdit(), "Europe/Amsterdam")
    count = desk.stack.count()
    desk.qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors["email"].isVisible()
    assert "already has the e-mail address" in dialog.errors["email"].text()
    assert dialog.focusWidget() is dialog.email and desk.stack.count() == count  # nothing pushed
    dialog.email.clear()
    desk.qtbot.keyClicks(dialog.email, "jane.vandijk@europol.demo.example")
    desk.qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    desk.settle()
    jane = desk.rows()["Jane van Dijk"]
    person = directory.get_person(desk.db, jane.person_uuid)
    assert (person.email, person.title_en, person.time_zone, jane.organisation_short) == (
        "jane.vandijk@europol.demo.example", "Analyst", "Europe/Amsterdam", "Europol")
    assert desk.stack.count() == count + 1 and desk.page.selected_attendees()[0].uuid == jane.uuid
    desk.tree.setFocus()
    desk.undo()
    assert "Jane van Dijk" not in desk.rows()
    assert directory.list_people(desk.db, search="van Dijk") == []
    desk.redo()
    assert desk.rows()["Jane van Dijk"].uuid == jane.uuid
    assert directory.get_person(desk.db, jane.person_uuid).email == "jane.vandijk@europol.demo.example"


def test_exports_from_the_page(desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ottawa"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "iCalendar files (*.ics)"))
    desk.qtbot.mouseClick(desk.page.exports.invitation_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: "written" in desk.page.totals.message.text(), timeout=10000)
    calendar = Calendar.from_ical((tmp_path / "ottawa.ics").read_bytes())
    assert len(calendar.events[0]["ATTENDEE"]) == 13
    assert desk.page.totals.message.text() == "Invitation for 13 attendees written to ottawa.ics."

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(tmp_path / "list"), "CSV files (*.csv)"))
    desk.qtbot.mouseClick(desk.page.exports.list_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: "written to list.csv" in desk.page.totals.message.text(), timeout=10000)
    assert (tmp_path / "list.csv").read_text(encoding="utf-8-sig").count("\n") == 15


def test_another_screens_change_shows_here(desk: Desk) -> None:
    bell = desk.rows()["Marcus Bell"]
    directory.update_person(desk.db, bell.person_uuid, {"given_name": "Marc"})
    desk.context.events.announce(["person"], [bell.person_uuid])
    desk.settle()
    assert "Marc Bell" in desk.shown_names() and "Marcus Bell" not in desk.shown_names()


def test_sorting_by_arrival_keeps_the_groups(desk: Desk) -> None:
    header = desk.tree.header()
    x = header.sectionViewportPosition(AttendeeColumn.ARRIVAL) + header.sectionSize(AttendeeColumn.ARRIVAL) // 2
    desk.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    law = desk.model.index_of_key("s:law_enforcement")
    rcmp = next(desk.model.index(row, 0, law) for row in range(desk.model.rowCount(law))
                if str(desk.model.index(row, 0, law).data(TITLE_ROLE)).startswith("RCMP"))
    assert [desk.model.index(row, 0, rcmp).data() for row in range(3)] == [
        "Sophie Tremblay", "Marie-Claude Arsenault", "Stephen White"]  # 12:15, 12:40, 12:50
    assert desk.model.index_of_key("s:law_enforcement").row() == 0


def test_french_labels_and_an_empty_list(desk: Desk) -> None:
    i18n.set_language("fr")
    desk.page.retranslate()
    assert desk.index_of("Marcus Bell", AttendeeColumn.INVITATION).data() == "Confirmé"
    assert desk.index_of("Giulia Ferraro", AttendeeColumn.ATTENDANCE).data() == "Excusé"
    assert str(desk.model.index_of_key("s:law_enforcement").data(TITLE_ROLE)).startswith("Application de la loi")
    i18n.set_language("en")
    desk.page.retranslate()
    empty = meetings.create_meeting(desk.db, reference="VGT-2020-03", title_en="Working group",
                                    starts_at=meetings.get_meeting(desk.db, "VGT-2019-10").starts_at,
                                    ends_at=meetings.get_meeting(desk.db, "VGT-2019-10").ends_at,
                                    time_zone="Europe/Paris")
    desk.page.show_meeting(empty.uuid)
    assert desk.page.list_page.is_empty() and "No one is on the attendee list yet" in desk.page.list_page.message.text()
    assert desk.page.totals.totals.text().startswith("0 people")
    assert not desk.page.bulk.remove_action.isEnabled() and desk.page.exports.invitation_action.isEnabled()
    desk.page.show_meeting(None)
    assert desk.page.stack.currentWidget() is desk.page.placeholder
    assert desk.page.title() == "Attendees"


def test_tab_goes_from_the_search_to_the_buttons_then_the_list(desk: Desk) -> None:
    page = desk.page
    page.picker.field.setFocus()
    order = []
    for _step in range(4):
        desk.key(Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # The bulk buttons are skipped while nothing is selected.
    assert order == [page.picker.new_button, page.exports.list_button, page.exports.invitation_button, desk.tree]


def test_a_hidden_page_reloads_when_it_is_shown_again(desk: Desk, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel, QTabWidget

    tabs = QTabWidget()
    desk.window.takeCentralWidget()  # the page moves into a tab, as the main window will hold it
    desk.window.setCentralWidget(tabs)
    tabs.addTab(QLabel("Overview"), "Overview")
    tabs.addTab(desk.page, desk.page.title())
    tabs.setCurrentIndex(0)
    bell = desk.rows()["Marcus Bell"]
    attendees.update_participation(desk.db, bell.uuid, {"attendance": "online"})
    desk.context.events.announce(["participation"], [bell.uuid])
    desk.settle()
    assert desk.index_of("Marcus Bell", AttendeeColumn.ATTENDANCE).data() == "Present"  # not read while hidden
    tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert desk.index_of("Marcus Bell", AttendeeColumn.ATTENDANCE).data() == "Online"

    other = open_database(tmp_path / "other.sqlite")
    try:
        desk.context.set_database(other)  # another file: the old meeting means nothing there
        assert desk.page.stack.currentWidget() is desk.page.placeholder and desk.model.rowCount() == 0
    finally:
        desk.context.set_database(desk.db)
        other.close()
