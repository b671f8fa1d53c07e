"""The Minutes page driven as a user would, on the demo's Ottawa meeting: writing the minutes of item 4 in
English and French by typing (bold with Ctrl+B, italic with Ctrl+I), saved as typed and undone a burst at a
time with the window's Ctrl+Z; two decisions and three actions added by keyboard; decisions renumbered when
the agenda moves; a vote recorded per organisation; an overdue action marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app.domain.enums import DecisionMethod, Vote
from app.persistence.database import Database, open_database
from app.services import actions, decisions, meetings, minutes
from app.services.agenda import get_agenda, move_agenda_item
from ui.context import AppContext
from ui.minutes import MinutesPage
from ui.minutes.item_models import VoteColumn
from ui.tasks import TaskRunner
from ui.undo import perform

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier
TODAY = date(2020, 1, 15)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type as a keyboard would; QTest types ASCII only, so accented letters go as key events with their text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


class Desk:
    """The page in a window with the Edit menu's Ctrl+Z and Ctrl+Shift+Z, as the main window has."""

    def __init__(self, qtbot: Any, db: Database, reference: str = "VGT-2019-10") -> None:
        self.qtbot, self.db = qtbot, db
        self.window = QMainWindow()
        self.stack = QUndoStack(self.window)
        self.context = AppContext(self.stack, TaskRunner(self.window), self.window)
        self.context.set_database(db)
        self.page = MinutesPage(self.context, today=lambda: TODAY)
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
        self.meeting = meetings.get_meeting(db, reference).uuid
        self.page.show_meeting(self.meeting)
        self.editor = self.page.editor

    def item(self, number: str) -> minutes.MinutesItemView:
        return next(i for i in minutes.get_minutes(self.db, self.meeting).items if i.number == number)

    def click_item(self, number: str) -> None:
        row = next(n for n, item in enumerate(self.page.items_model.rows()) if item.number == number)
        rect = self.page.items.visualRect(self.page.items_model.index(row, 1))
        self.qtbot.mouseClick(self.page.items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert self.editor.heading.text().startswith(f"{number}. ")

    def type_into(self, widget: QWidget, *steps: str | tuple[Qt.Key, Qt.KeyboardModifier]) -> None:
        """Click into a text field and type: strings are typed, (key, modifiers) pressed."""
        self.qtbot.mouseClick(widget.viewport() if hasattr(widget, "viewport") else widget, Qt.MouseButton.LeftButton)
        for step in steps:
            if isinstance(step, str):
                type_text(self.qtbot, QApplication.focusWidget(), step)
            else:
                self.qtbot.keyClick(QApplication.focusWidget(), step[0], step[1])

    def key(self, key: Qt.Key | str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        if QApplication.focusWidget() is None:
            with self.qtbot.waitActive(self.window):
                self.window.activateWindow()
        target = QApplication.focusWidget() or self.window
        if isinstance(key, str):
            type_text(self.qtbot, target, key)
        else:
            self.qtbot.keyClick(target, key, modifiers)

    def wait_saved(self) -> None:
        """Typing is saved after a short pause, as a user sees it."""
        self.qtbot.waitUntil(lambda: not any(f.saver.pending for f in self.editor.savers()), timeout=5000)


@pytest.fixture
def desk(qtbot: Any, demo_db_path: Path) -> Any:
    db = open_database(demo_db_path)
    yield Desk(qtbot, db)
    db.close()


SELECT_ALL = (Qt.Key.Key_A, CTRL)


def test_minutes_of_item_4_typed_in_english_and_french(desk: Desk) -> None:
    original_fr = desk.item("4").text_fr
    desk.click_item("4")
    assert desk.editor.english.editor.toPlainText().startswith("The chair stressed")
    desk.type_into(desk.editor.english.editor, SELECT_ALL, "The VGT discussed ", (Qt.Key.Key_B, CTRL),
                   "safety by design", (Qt.Key.Key_B, CTRL), " with industry.", (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
                   (Qt.Key.Key_L, CTRL | SHIFT), "first point", (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
                   (Qt.Key.Key_I, CTRL), "second point")
    desk.wait_saved()
    expected_en = "The VGT discussed **safety by design** with industry.\n\n- first point\n- *second point*"
    assert desk.item("4").text_en == expected_en
    assert desk.page.items_model.rows()[6].number == "4"

    desk.type_into(desk.editor.french.editor, SELECT_ALL, "Le VGT a examiné la ", (Qt.Key.Key_B, CTRL),
                   "sécurité dès la conception", (Qt.Key.Key_B, CTRL), ".")
    desk.wait_saved()
    assert desk.item("4").text_fr == "Le VGT a examiné la **sécurité dès la conception**."

    # Ctrl+Z in the French editor undoes the French burst through the window's undo stack, not a keystroke
    desk.key(Qt.Key.Key_Z, CTRL)
    assert desk.item("4").text_fr == original_fr
    assert desk.item("4").text_en == expected_en
    assert desk.editor.french.editor.toPlainText().startswith("La présidente a souligné")
    desk.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert desk.item("4").text_fr == "Le VGT a examiné la **sécurité dès la conception**."
    assert "sécurité dès la conception" in desk.editor.french.editor.toPlainText()


def test_undo_saves_what_is_still_being_typed_first(desk: Desk) -> None:
    desk.click_item("5")
    desk.type_into(desk.editor.english.editor, "Coffee was served.")
    assert desk.editor.english.saver.pending
    desk.key(Qt.Key.Key_Z, CTRL)  # saved, then undone at once: nothing is lost, nothing stays
    assert desk.item("5").text_en == "" and desk.editor.english.editor.toPlainText() == ""
    desk.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert desk.item("5").text_en == "Coffee was served."


def test_translation_status_and_view_modes(desk: Desk) -> None:
    desk.click_item("4")
    desk.editor.translation.setFocus()
    desk.key(Qt.Key.Key_Up)
    assert desk.item("4").translation_status == "draft"
    desk.editor.view_mode.setFocus()
    desk.key(Qt.Key.Key_Up)
    assert desk.editor.french.isHidden() is False and desk.editor.english.isHidden()
    desk.key(Qt.Key.Key_Up)
    assert desk.editor.french.isHidden() and not desk.editor.english.isHidden()


def test_two_decisions_and_three_actions_by_keyboard(desk: Desk) -> None:
    desk.click_item("4")
    panel = desk.editor.decisions
    desk.editor.tabs.setCurrentWidget(panel)
    panel.table.setFocus()
    for english, french in (("The VGT agreed to hold a workshop.", "Le VGT convient de tenir un atelier."),
                            ("The VGT noted the NGO statement.", "Le VGT prend note de la déclaration des ONG.")):
        desk.key(Qt.Key.Key_D, CTRL | SHIFT)
        assert QApplication.focusWidget() is panel.text_en.editor
        desk.key(english)
        desk.key(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is panel.text_fr.editor
        desk.key(french)
        desk.wait_saved()
    rows = decisions.list_decisions(desk.db, desk.meeting)
    assert [(d.number, d.text_en) for d in rows[1:4]] == [
        ("VGT-2019-10/D2", rows[1].text_en), ("VGT-2019-10/D3", "The VGT agreed to hold a workshop."),
        ("VGT-2019-10/D4", "The VGT noted the NGO statement.")]
    assert rows[3].text_fr == "Le VGT prend note de la déclaration des ONG." and rows[4].number == "VGT-2019-10/D5"
    assert [panel.model.index(r, 0).data() for r in range(3)] == [f"VGT-2019-10/D{n}" for n in (2, 3, 4)]

    # the last one was put to a vote: taken by vote, then each member organisation's vote in the grid
    panel.method.setFocus()
    desk.key(Qt.Key.Key_Down)
    assert decisions.get_decision(desk.db, rows[3].uuid).method == DecisionMethod.VOTE
    grid = panel.votes
    afp = panel.votes_model.row_of(next(m.organisation_uuid for m in panel.votes_model.rows() if m.short == "AFP"))
    grid.setFocus()
    grid.setCurrentIndex(panel.votes_model.index(afp, VoteColumn.VOTE))
    desk.key(Qt.Key.Key_F2)
    desk.key(Qt.Key.Key_Down)  # — -> For
    desk.key(Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: bool(decisions.get_decision(desk.db, rows[3].uuid).votes))  # committed once the loop turns
    recorded = decisions.get_decision(desk.db, rows[3].uuid)
    assert [(v.name, v.vote) for v in recorded.votes] == [("AFP", Vote.FOR)] and recorded.result.adopted
    assert "Adopted (1 for, 0 against, 0 abstentions; Consensus)" == panel.result.text()
    desk.key(Qt.Key.Key_Z, CTRL)
    assert decisions.get_decision(desk.db, rows[3].uuid).votes == ()

    actions_panel = desk.editor.actions
    desk.editor.tabs.setCurrentWidget(actions_panel)
    actions_panel.table.setFocus()
    typed = ["Draft the workshop programme.", "Invite industry partners.", "Report back at the next meeting."]
    for text in typed:
        desk.key(Qt.Key.Key_A, CTRL | SHIFT)
        assert QApplication.focusWidget() is actions_panel.text_en.editor
        desk.key(text)
        desk.wait_saved()
    mine = actions.list_actions(desk.db, desk.meeting, desk.item("4").item_uuid)
    assert [a.text_en for a in mine][1:] == typed
    assert [a.number for a in mine] == [f"VGT-2019-10/A{n}" for n in (4, 5, 6, 7)]
    # owners and due date of the first one, by keyboard
    actions_panel.select(mine[1].uuid)
    actions_panel.owner_picker.setFocus()
    desk.key("Bell")
    desk.key(Qt.Key.Key_Return)
    actions_panel.owner_picker.setFocus()
    desk.key("ceop")
    desk.key(Qt.Key.Key_Return)
    actions_panel.has_due.setFocus()
    desk.key(Qt.Key.Key_Space)
    desk.key(Qt.Key.Key_Tab)  # into the date, its year selected
    assert QApplication.focusWidget() is actions_panel.due
    desk.key("20191201")
    desk.key(Qt.Key.Key_Return)
    first = actions.get_action(desk.db, mine[1].uuid)
    assert first.owner_names == ("Marcus Bell", "CEOP") and first.due_date == date(2019, 12, 1)
    row = actions_panel.model.row_of(first.uuid)
    assert actions_panel.model.index(row, 4).data() == "Open, overdue"  # due before "today"
    assert actions_panel.model.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    actions_panel.owner_picker.setFocus()
    desk.key("nobody at all")
    desk.key(Qt.Key.Key_Return)
    assert actions_panel.error.isVisible() and "nobody at all" in actions_panel.error.text()


def test_decisions_are_renumbered_when_items_move(desk: Desk) -> None:
    desk.click_item("6")
    panel = desk.editor.decisions
    assert panel.model.index(0, 0).data() == "VGT-2019-10/D3"
    six = next(i.uuid for i in get_agenda(desk.db, desk.meeting).items if i.number == "6")
    perform(desk.context, "Move item 6", lambda: move_agenda_item(desk.db, six, None, 2),
            lambda: move_agenda_item(desk.db, six, None, 5), ("agenda",), (six,))
    assert desk.editor.heading.text().startswith("3. Wellness")  # the same item, renumbered
    assert panel.model.index(0, 0).data() == "VGT-2019-10/D1"
    desk.key(Qt.Key.Key_Z, CTRL)
    assert panel.model.index(0, 0).data() == "VGT-2019-10/D3"


def test_delete_a_decision_and_undo(desk: Desk) -> None:
    desk.click_item("9")
    panel = desk.editor.decisions
    panel.table.setFocus()
    desk.key(Qt.Key.Key_D, CTRL | SHIFT)
    desk.key("The next meeting will be in London.")
    desk.wait_saved()
    created = decisions.list_decisions(desk.db, desk.meeting, desk.item("9").item_uuid)[0]
    panel.table.setFocus()
    desk.key(Qt.Key.Key_Delete)
    assert decisions.list_decisions(desk.db, desk.meeting, desk.item("9").item_uuid) == []
    desk.key(Qt.Key.Key_Z, CTRL)
    again = decisions.list_decisions(desk.db, desk.meeting, desk.item("9").item_uuid)
    assert [(d.uuid, d.text_en) for d in again] == [(created.uuid, "The next meeting will be in London.")]
