"""Circulation and approval of minutes driven as a user would: circulate the Ottawa draft to three people
with a deadline, log a reply (a refused one first, its error shown at the field), see who has not answered;
amend after circulation and see the difference; approve at a later meeting from its 'approval of previous
minutes' item; lock; find the locked minutes read-only; correct them with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialog, QDialogButtonBox, QMainWindow, QWidget

from app.domain.enums import AgendaItemKind, MeetingStatus, MinutesVersionKind, ReplyKind
from app.persistence.database import Database, open_database
from app.services import decisions, meetings, minutes
from app.services import minutes_approval as approval
from app.services.agenda import add_standing_items
from ui.context import AppContext
from ui.minutes import MinutesPage
from ui.minutes.approval_dialogs import CirculateDialog, ReasonDialog, ReplyDialog
from ui.minutes.approval_models import RecipientColumn
from ui.tasks import TaskRunner

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = date(2019, 10, 20)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def with_dialog(qtbot: Any, open_it: Callable[[], Any], fill: Callable[[Any], None]) -> None:
    """Open a modal dialog and let ``fill`` work in it while it runs (it must close it)."""
    problems: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, run)
            return
        try:
            fill(dialog)
        except BaseException as problem:  # never leave a modal dialog open: the test would hang
            problems.append(problem)
            dialog.reject()

    QTimer.singleShot(0, run)
    open_it()
    if problems:
        raise problems[0]


def press_ok(qtbot: Any, dialog: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


class Desk:
    def __init__(self, qtbot: Any, db: Database) -> None:
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
        self.ottawa = meetings.get_meeting(db, "VGT-2019-10").uuid
        self.page.show_meeting(self.ottawa)
        self.panel = self.page.approval

    def state(self, uuid: str | None = None) -> minutes.MinutesState:
        return minutes.get_minutes_state(self.db, uuid or self.ottawa)

    def key(self, widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        """A shortcut pressed in ``widget`` (the window takes the keyboard back once a dialog has closed)."""
        if not self.window.isActiveWindow():
            with self.qtbot.waitActive(self.window):
                self.window.activateWindow()
        widget.setFocus()
        self.qtbot.keyClick(widget, key, modifiers)

    def click(self, button: Any) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def desk(qtbot: Any, demo_db_path: Path) -> Any:
    db = open_database(demo_db_path)
    yield Desk(qtbot, db)
    db.close()


def circulate_to_three(desk: Desk) -> None:
    def fill(dialog: CirculateDialog) -> None:
        table, model = dialog.table, dialog.model
        table.setFocus()
        table.setCurrentIndex(model.index(0, 0))
        wanted = {"Marie-Claude Arsenault", "Oliver Pennington", "Jennifer Morales"}
        for row in range(model.rowCount()):
            if (model.row_at(row).person_name in wanted) != (model.row_at(row).person_uuid in model.checked):
                desk.qtbot.keyClick(table, Qt.Key.Key_Space)
            desk.qtbot.keyClick(table, Qt.Key.Key_Down)
        dialog.deadline.setSelectedSection(QDateTimeEdit.Section.YearSection)  # as a click on the year does
        desk.qtbot.keyClicks(dialog.deadline, "20191031")
        press_ok(desk.qtbot, dialog)

    desk.page.tabs.setCurrentWidget(desk.panel)
    with_dialog(desk.qtbot, lambda: desk.click(desk.panel.circulate_button), fill)


def test_circulate_log_a_reply_and_see_who_has_not_answered(desk: Desk) -> None:
    circulate_to_three(desk)
    current = approval.get_approval(desk.db, desk.ottawa).current
    assert current is not None and current.deadline == date(2019, 10, 31) and current.sent_on == TODAY
    assert sorted(r.name for r in current.recipients) == ["Jennifer Morales", "Marie-Claude Arsenault",
                                                          "Oliver Pennington"]
    assert desk.state().status == MeetingStatus.MINUTES_CIRCULATED
    assert desk.panel.versions_model.rowCount() == 1 and desk.panel.versions_model.index(0, 1).data() == "Circulated"
    assert "3 have not answered yet" in desk.panel.circulation.text()

    model = desk.panel.recipients_model
    row = next(n for n, r in enumerate(model.rows()) if r.name == "Oliver Pennington")
    desk.panel.recipients.setCurrentIndex(model.index(row, 0))

    def fill(dialog: ReplyDialog) -> None:
        choice = dialog.comments_choice  # a click on its round button
        desk.qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(8, choice.height() // 2))
        assert choice.isChecked()
        press_ok(desk.qtbot, dialog)  # comments chosen but none given: refused, shown at the field
        assert dialog.isVisible() and dialog.errors["comments"].isVisible()
        assert dialog.errors["comments"].text() == "Summarise the comments received."
        dialog.comments.setFocus()
        type_text(desk.qtbot, dialog.comments, "Item 4: name the industry partners.")
        press_ok(desk.qtbot, dialog)

    with_dialog(desk.qtbot, lambda: desk.click(desk.panel.reply_button), fill)
    replied = next(r for r in model.rows() if r.name == "Oliver Pennington")
    assert (replied.reply, replied.comments) == (ReplyKind.COMMENTS, "Item 4: name the industry partners.")
    assert "2 have not answered yet: " in desk.panel.circulation.text()
    waiting = [model.index(n, RecipientColumn.REPLY).data() for n in range(3)]
    assert waiting.count("Not answered") == 2
    marked = [model.index(n, 0).data(Qt.ItemDataRole.BackgroundRole) is not None for n in range(3)]
    assert marked.count(True) == 2
    desk.key(desk.panel.recipients, Qt.Key.Key_Z, CTRL)  # undo of the reply
    assert "3 have not answered yet" in desk.panel.circulation.text()


def test_amend_after_circulation_shows_the_difference(desk: Desk) -> None:
    circulate_to_three(desk)
    desk.page.tabs.setCurrentIndex(0)
    desk.page.select_item("4")
    editor = desk.page.editor
    assert not editor.changes.isVisible()
    four = next(i for i in minutes.get_minutes(desk.db, desk.ottawa).items if i.number == "4")
    editor.english.editor.setFocus()
    editor.english.editor.moveCursor(editor.english.editor.textCursor().MoveOperation.End)
    type_text(desk.qtbot, editor.english.editor, " Members agreed.")
    desk.qtbot.waitUntil(lambda: not editor.english.saver.pending, timeout=5000)
    assert minutes.get_minutes(desk.db, desk.ottawa).items[6].text_en == four.text_en + " Members agreed."
    assert editor.changes.isVisible() and "since version 1" in editor.changes_caption.text()
    assert "Members agreed." in editor.changes.toPlainText()
    assert "underline" in editor.changes.toHtml()  # insertions are marked
    desk.page.tabs.setCurrentWidget(desk.panel)
    assert "Item 4: Industry engagement and safety by design" in desk.panel.changes.toPlainText()


def later_meeting(db: Database, ottawa: str) -> str:
    uuid = meetings.create_meeting(
        db, reference="VGT-2020-03", title_en="VGT meeting, London", title_fr="Réunion du VGT, Londres",
        starts_at=datetime(2020, 3, 4, 9, tzinfo=UTC), ends_at=datetime(2020, 3, 4, 17, tzinfo=UTC),
        time_zone="Europe/London").uuid
    add_standing_items(db, uuid, ottawa)
    return uuid


def test_approve_at_a_later_meeting_lock_and_correct(desk: Desk) -> None:
    later = later_meeting(desk.db, desk.ottawa)
    desk.page.show_meeting(later)
    standing = next(i for i in desk.page.items_model.rows() if i.kind is AgendaItemKind.PREVIOUS_MINUTES)
    desk.page.select_item(standing.number)
    panel = desk.page.editor.previous
    assert desk.page.editor.tabs.currentWidget() is panel
    assert panel.state.text().startswith("Minutes of VGT-2019-10: Minutes draft")
    desk.click(panel.approve_button)
    [decision] = decisions.list_decisions(desk.db, later)
    assert decision.number == "VGT-2020-03/D1" and decision.approves_minutes_of_reference == "VGT-2019-10"
    assert desk.state().approved_by == "VGT-2020-03/D1" and desk.state().status == MeetingStatus.MINUTES_APPROVED
    assert panel.approve_button.isHidden()
    desk.key(desk.page.editor.decisions.table, Qt.Key.Key_Z, CTRL)  # undo: not approved, no decision
    assert not desk.state().approved and decisions.list_decisions(desk.db, later) == []
    desk.key(desk.page.editor.decisions.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert desk.state().approved

    desk.page.show_meeting(desk.ottawa)
    desk.page.tabs.setCurrentWidget(desk.panel)
    assert desk.panel.lock_button.isEnabled() and not desk.panel.circulate_button.isEnabled()
    desk.click(desk.panel.lock_button)
    assert desk.state().locked and "locked" in desk.page.state_label.text()

    # locked: the editors are read-only, typing changes nothing, nothing can be added
    desk.page.tabs.setCurrentIndex(0)
    desk.page.select_item("4")
    editor = desk.page.editor
    before = minutes.get_minutes(desk.db, desk.ottawa).items[6].text_en
    assert editor.english.editor.isReadOnly() and not editor.decisions.add_button.isEnabled()
    editor.english.editor.setFocus()
    type_text(desk.qtbot, editor.english.editor, "Changed")
    editor.decisions.add_decision()
    assert not editor.english.saver.pending
    assert minutes.get_minutes(desk.db, desk.ottawa).items[6].text_en == before
    assert len(decisions.list_decisions(desk.db, desk.ottawa)) == 3

    def fill(dialog: ReasonDialog) -> None:
        press_ok(desk.qtbot, dialog)
        assert dialog.errors["reason"].text() == "Say why the minutes are corrected."
        dialog.reason.setFocus()
        type_text(desk.qtbot, dialog.reason, "Wrong title for Ms Nguyễn in item 4")
        press_ok(desk.qtbot, dialog)

    desk.page.tabs.setCurrentWidget(desk.panel)
    with_dialog(desk.qtbot, lambda: desk.click(desk.panel.correct_button), fill)
    state = desk.state()
    assert not state.locked and state.latest is not None and state.latest.kind == MinutesVersionKind.CORRECTION
    assert state.latest.reason == "Wrong title for Ms Nguyễn in item 4"
    desk.page.tabs.setCurrentIndex(0)
    assert not editor.english.editor.isReadOnly()
    editor.english.editor.setFocus()
    editor.english.editor.moveCursor(editor.english.editor.textCursor().MoveOperation.End)
    type_text(desk.qtbot, editor.english.editor, " (corrected)")
    desk.qtbot.waitUntil(lambda: not editor.english.saver.pending, timeout=5000)
    desk.page.tabs.setCurrentWidget(desk.panel)
    desk.click(desk.panel.lock_button)
    final = desk.state()
    assert final.locked and [v.kind for v in final.versions] == [MinutesVersionKind.APPROVED,
                                                                 MinutesVersionKind.CORRECTION]
    assert desk.panel.versions_model.index(1, 4).data() == "Wrong title for Ms Nguyễn in item 4"
