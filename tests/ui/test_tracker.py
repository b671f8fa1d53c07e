"""Follow-up across meetings driven as a user would: an open action of VGT-2019-10 comes up in a later
meeting's 'review of actions' item, its update is recorded there (and undone); the tracker filters by
status, overdue, person, organisation, meeting and words, sorts in its model, marks overdue actions and
opens an action's history."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget

from app.domain.enums import ActionStatus, AgendaItemKind
from app.persistence.database import Database, open_database
from app.services import actions, meetings
from app.services.agenda import add_standing_items
from ui.actions_tracker import ActionsTrackerPage
from ui.actions_tracker.history import HistoryDialog
from ui.actions_tracker.model import TrackerColumn
from ui.context import AppContext
from ui.minutes import MinutesPage
from ui.tasks import TaskRunner

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = date(2020, 3, 4)


class Desk:
    """The minutes page and the tracker as two pages of one window, sharing the undo stack and events."""

    def __init__(self, qtbot: Any, db: Database) -> None:
        self.qtbot, self.db = qtbot, db
        self.window = QMainWindow()
        self.stack = QUndoStack(self.window)
        self.context = AppContext(self.stack, TaskRunner(self.window), self.window)
        self.context.set_database(db)
        self.minutes = MinutesPage(self.context, today=lambda: TODAY)
        self.tracker = ActionsTrackerPage(self.context, today=lambda: TODAY)
        self.pages = QStackedWidget(self.window)
        self.pages.addWidget(self.minutes)
        self.pages.addWidget(self.tracker)
        self.window.setCentralWidget(self.pages)
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
        self.ottawa = meetings.get_meeting(db, "VGT-2019-10").uuid
        self.later = meetings.create_meeting(
            db, reference="VGT-2020-03", title_en="VGT meeting, London", starts_at=datetime(2020, 3, 4, 9, tzinfo=UTC),
            ends_at=datetime(2020, 3, 4, 17, tzinfo=UTC), time_zone="Europe/London").uuid
        add_standing_items(db, self.later, self.ottawa)

    def key(self, key: Qt.Key | str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        if not self.window.isActiveWindow():
            with self.qtbot.waitActive(self.window):
                self.window.activateWindow()
        target = QApplication.focusWidget() or self.window
        if isinstance(key, str):
            self.qtbot.keyClicks(target, key)
        else:
            self.qtbot.keyClick(target, key, modifiers)

    def show_tracker(self) -> None:
        self.pages.setCurrentWidget(self.tracker)
        self.settle()

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.context.tasks.is_busy(), timeout=5000)
        QApplication.processEvents()

    def numbers(self) -> list[str]:
        model = self.tracker.model
        return [model.index(row, TrackerColumn.NUMBER).data() for row in range(model.rowCount())]


@pytest.fixture
def desk(qtbot: Any, demo_db_path: Path) -> Any:
    db = open_database(demo_db_path)
    yield Desk(qtbot, db)
    db.close()


def test_an_open_action_is_reviewed_at_a_later_meeting(desk: Desk) -> None:
    desk.minutes.show_meeting(desk.later)
    review_item = next(i for i in desk.minutes.items_model.rows() if i.kind is AgendaItemKind.ACTION_REVIEW)
    desk.minutes.select_item(review_item.number)
    panel = desk.minutes.editor.review
    assert desk.minutes.editor.tabs.currentWidget() is panel
    shown = [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]
    assert shown == ["VGT-2019-10/A1", "VGT-2019-10/A3", "VGT-2019-10/A4", "VGT-2019-10/A5"]
    assert panel.model.index(1, 4).data() == "Open, overdue"

    panel.table.setFocus()
    desk.key(Qt.Key.Key_Down)  # A3: circulate the draft minutes
    panel.status.setFocus()
    desk.key(Qt.Key.Key_Down)
    desk.key(Qt.Key.Key_Down)  # open -> in progress -> done
    panel.note.setFocus()
    desk.key("Circulated on 15 October")
    desk.key(Qt.Key.Key_Return, CTRL)
    a3 = actions.actions_for_review(desk.db, desk.later)[1]
    assert a3.action.number == "VGT-2019-10/A3" and a3.action.status == ActionStatus.DONE
    assert a3.update_here is not None and a3.update_here.meeting_reference == "VGT-2020-03"
    assert a3.update_here.note == "Circulated on 15 October"
    assert panel.model.index(1, 5).data() == "Done — Circulated on 15 October"
    assert panel.note.text() == ""

    desk.show_tracker()
    desk.tracker.status.setCurrentIndex(2 + list(ActionStatus).index(ActionStatus.DONE))
    desk.settle()
    assert desk.numbers() == ["VGT-2011-11/A1", "VGT-2019-10/A2", "VGT-2019-10/A3"]
    row = desk.numbers().index("VGT-2019-10/A3")
    assert "VGT-2020-03 · Done · Circulated on 15 October" in desk.tracker.model.index(row, TrackerColumn.LAST_UPDATE).data()

    desk.tracker.table.setFocus()
    desk.key(Qt.Key.Key_Z, CTRL)  # the update at the later meeting is undone; the tracker follows
    desk.settle()
    assert actions.get_action(desk.db, a3.action.uuid).status == ActionStatus.OPEN
    assert "VGT-2019-10/A3" not in desk.numbers()


def test_tracker_filters_sorting_overdue_and_history(desk: Desk, qtmodeltester: Any) -> None:
    desk.show_tracker()
    tracker = desk.tracker
    assert len(desk.numbers()) == 6 and tracker.summary.text() == "6 actions; 3 overdue"
    qtmodeltester.check(tracker.model)
    overdue_rows = [row for row in range(6) if tracker.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)]
    assert [desk.numbers()[row] for row in overdue_rows] == ["VGT-2019-10/A1", "VGT-2019-10/A3", "VGT-2019-10/A4"]

    desk.qtbot.mouseClick(tracker.overdue, Qt.MouseButton.LeftButton, pos=QPoint(6, tracker.overdue.height() // 2))
    desk.settle()
    assert desk.numbers() == ["VGT-2019-10/A1", "VGT-2019-10/A3", "VGT-2019-10/A4"]
    tracker.organisation.setCurrentIndex(tracker.organisation.findText("RCMP"))
    desk.settle()
    assert desk.numbers() == ["VGT-2019-10/A1", "VGT-2019-10/A3"]  # the RCMP itself, and Sophie Tremblay of it
    tracker.organisation.setCurrentIndex(0)
    tracker.person.setCurrentIndex(tracker.person.findText("Łukasz Wiśniewski"))
    desk.settle()
    assert desk.numbers() == ["VGT-2019-10/A4"]
    tracker.person.setCurrentIndex(0)
    desk.qtbot.mouseClick(tracker.overdue, Qt.MouseButton.LeftButton, pos=QPoint(6, tracker.overdue.height() // 2))
    tracker.meeting.setCurrentIndex(tracker.meeting.findText("VGT-2011-11"))
    desk.settle()
    assert desk.numbers() == ["VGT-2011-11/A1"]
    tracker.meeting.setCurrentIndex(0)
    tracker.search.setFocus()
    desk.key("securite")  # accent-free, in either language
    desk.qtbot.waitUntil(lambda: desk.numbers() == ["VGT-2019-10/A4"], timeout=5000)
    tracker.search.clear()
    desk.qtbot.waitUntil(lambda: len(desk.numbers()) == 6, timeout=5000)

    header = tracker.table.horizontalHeader()
    desk.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                          pos=QPoint(header.sectionViewportPosition(TrackerColumn.DUE) + 10, header.height() // 2))
    assert desk.numbers() == ["VGT-2011-11/A1", "VGT-2019-10/A2", "VGT-2019-10/A3", "VGT-2019-10/A1",
                              "VGT-2019-10/A4", "VGT-2019-10/A5"]  # by due date, none last
    qtmodeltester.check(tracker.model)

    tracker.table.setCurrentIndex(tracker.model.index(desk.numbers().index("VGT-2019-10/A1"), 0))
    seen: list[HistoryDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)  # type: ignore[arg-type]
        dialog.reject()

    QTimer.singleShot(0, look)
    desk.qtbot.mouseClick(tracker.history_button, Qt.MouseButton.LeftButton)
    [history] = seen
    assert history.windowTitle() == "History of VGT-2019-10/A1"
    assert history.updates_model.rowCount() == 1
    assert history.updates_model.index(0, 2).data() == "In progress"
    assert history.audit_model.rowCount() >= 3
    assert history.audit_model.index(0, 2).data() == "Created: Action"
    qtmodeltester.check(history.updates_model)
    qtmodeltester.check(history.audit_model)
