"""The agenda builder driven as a user would: the Ottawa 2019 agenda typed from an empty database with the
keyboard, undone step by step to nothing and redone; rows dragged and dropped; the overrun warning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QMainWindow, QSpinBox

from app.demo_content import MEETING_2019, ItemSpec
from app.domain.enums import AgendaItemKind, label
from app.persistence.database import Database, open_database
from app.services import agenda, directory, documents, meetings
from app.services.views import AgendaItemView
from ui.agenda_builder import AgendaBuilderPage
from ui.agenda_builder.tree_model import AgendaTreeModel, Column
from ui.context import AppContext
from ui.tasks import TaskRunner

OTTAWA = ZoneInfo("America/Toronto")
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class Desk:
    """The page in a window that has the Edit menu's Ctrl+Z and Ctrl+Shift+Z, as the main window has."""

    def __init__(self, qtbot: Any, db: Database, meeting_uuid: str) -> None:
        self.qtbot, self.db, self.meeting_uuid = qtbot, db, meeting_uuid
        self.window = QMainWindow()
        self.stack = QUndoStack(self.window)
        self.context = AppContext(self.stack, TaskRunner(self.window), self.window)
        self.context.set_database(db)
        self.page = AgendaBuilderPage(self.context)
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
        self.tree = self.page.tree
        self.tree.setFocus()

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key pressed where the focus is, then what Qt queued for it (an editor commits on Enter later)."""
        if QApplication.focusWidget() is None:  # a dialog closed: the window takes the keyboard back
            with self.qtbot.waitActive(self.window):
                self.window.activateWindow()
            self.tree.setFocus()
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
        QApplication.processEvents()

    def type(self, text: str) -> None:
        """Typed where the focus is; QTest types ASCII only, so a dash or an accent goes as a key event with text."""
        widget = QApplication.focusWidget()
        for char in text:
            if char.isascii():
                self.qtbot.keyClick(widget, char)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    def add_item(self, title: str, kind: AgendaItemKind, minutes: int, sub: bool = False) -> None:
        """Ctrl+N (or Ctrl+Shift+N), type the title, Tab, type the kind's first word, Tab, the minutes, Enter."""
        self.key(Qt.Key.Key_N, CTRL | SHIFT if sub else CTRL)
        assert isinstance(QApplication.focusWidget(), QLineEdit)
        self.type(title)
        self.key(Qt.Key.Key_Tab)
        assert isinstance(QApplication.focusWidget(), QComboBox)
        self.type(label(kind).split()[0])  # first letters pick the kind (a space would open the list)
        self.key(Qt.Key.Key_Tab)
        assert isinstance(QApplication.focusWidget(), QSpinBox)
        self.type(str(minutes))
        self.key(Qt.Key.Key_Return)
        assert QApplication.focusWidget() is self.tree

    def items(self) -> tuple[AgendaItemView, ...]:
        return agenda.get_agenda(self.db, self.meeting_uuid).items

    def shown(self) -> list[tuple[str, str, str]]:
        """Number, title and start as the tree shows them, in reading order."""
        model, result = self.page.model, []
        for row in range(model.rowCount()):
            parent = model.index(row, 0)
            for index in [parent, *(model.index(r, 0, parent) for r in range(model.rowCount(parent)))]:
                result.append(tuple(model.index(index.row(), column, index.parent()).data()
                                    for column in (Column.NUMBER, Column.TITLE, Column.START)))
        return result  # type: ignore[return-value]

    def select_row(self, number: str) -> None:
        """A click on the row that carries this number."""
        item = next(i for i in self.items() if i.number == number)
        rect = self.tree.visualRect(self.page.model.index_of(item.uuid, Column.NUMBER))
        self.qtbot.mouseClick(self.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert self.page.current_item() is not None and self.page.current_item().number == number  # type: ignore[union-attr]


def make_empty_ottawa(path: Path, hours_end: tuple[int, int] = (14, 30), day_two: bool = True) -> tuple[Database, str]:
    db = open_database(path)
    meeting = meetings.create_meeting(
        db, reference="VGT-2019-10", title_en="Virtual Global Taskforce meeting — Ottawa, October 2019",
        title_fr="Réunion du Groupe de travail virtuel international — Ottawa, octobre 2019",
        starts_at=datetime(2019, 10, 2, 13, 0, tzinfo=OTTAWA),
        ends_at=datetime(2019, 10, 3 if day_two else 2, *hours_end, tzinfo=OTTAWA), time_zone="America/Toronto",
        city="Ottawa", country="CA")
    for given, family in (("Stephen", "White"), ("Marie-Claude", "Arsenault"), ("Marcus", "Bell")):
        directory.create_person(db, given_name=given, family_name=family, time_zone="America/Toronto")
    return db, meeting.uuid


@pytest.fixture
def empty_desk(qtbot: Any, tmp_path: Path) -> Iterator[Desk]:
    db, meeting = make_empty_ottawa(tmp_path / "x.sqlite")
    yield Desk(qtbot, db, meeting)
    db.close()


@pytest.fixture
def demo_desk(qtbot: Any, demo_db_path: Path) -> Iterator[Desk]:
    db = open_database(demo_db_path)
    yield Desk(qtbot, db, meetings.get_meeting(db, "VGT-2019-10").uuid)
    db.close()


def _specs() -> list[ItemSpec]:
    return list(MEETING_2019.items)


def test_the_ottawa_agenda_is_built_by_keyboard_then_undone_to_nothing_and_redone(empty_desk: Desk) -> None:
    desk, page = empty_desk, empty_desk.page
    assert page.tree.model().rowCount() == 0 and "Insert" in page.tree.empty_hint
    for spec in _specs():
        if spec.key == "scan":  # item 3 first, then its three parts typed as items and indented one by one
            desk.add_item(spec.title_en, spec.kind, spec.minutes)
            for child in spec.children:
                desk.add_item(child.title_en, child.kind, child.minutes)
            for _child in spec.children:
                desk.key(Qt.Key.Key_Up)
            for number in ("3.1", "3.2", "3.3"):
                desk.key(Qt.Key.Key_Down)
                desk.key(Qt.Key.Key_Tab)  # indent under item 3
                assert page.current_item().number == number  # type: ignore[union-attr]
            # 3.3 opens day 2 at 09:00: "Not before" in the editor, then the date and time typed in
            desk.qtbot.mouseClick(page.editor.fixed_check, Qt.MouseButton.LeftButton)
            page.editor.fixed_start.setFocus()
            page.editor.fixed_start.setSelectedSection(page.editor.fixed_start.Section.DaySection)
            desk.type("03/10/2019 09:00")
            desk.key(Qt.Key.Key_Return)
            page.tree.setFocus()
            desk.select_row("3")
        else:
            desk.add_item(spec.title_en, spec.kind, spec.minutes)

    # presenters of item 1 picked from the directory by typing
    desk.select_row("1")
    page.editor.presenters.search.setFocus()
    for name in ("whi", "arsen"):
        desk.type(name)
        desk.key(Qt.Key.Key_Return)

    built = desk.items()
    assert [(i.number, i.title_en, i.kind, i.duration_minutes) for i in built] == [
        (n, s.title_en, s.kind, s.minutes) for n, s in _numbered(_specs())]
    local = {i.number: i.starts_at.astimezone(OTTAWA).strftime("%a %H:%M") for i in built}
    assert local == {"1": "Wed 13:00", "2": "Wed 13:30", "3": "Wed 13:45", "3.1": "Wed 13:45", "3.2": "Wed 15:15",
                     "3.3": "Thu 09:00", "4": "Thu 09:45", "5": "Thu 11:15", "6": "Thu 11:30", "7": "Thu 12:15",
                     "8": "Thu 13:15", "9": "Thu 13:45", "10": "Thu 14:00"}
    assert built[0].presenter_names == ("Stephen White", "Marie-Claude Arsenault")
    assert desk.shown()[5] == ("3.3", "Approval of the 2019 Environmental Scan", "Thu 3, 09:00")
    assert desk.shown()[-1] == ("10", "Closing", "Thu 3, 14:00")
    assert "15 min before the meeting's end" in page.footer.text() and page.footer.overrun_minutes == 0

    steps = desk.stack.count()
    page.tree.setFocus()
    counts = []
    for _step in range(steps):
        desk.key(Qt.Key.Key_Z, CTRL)
        counts.append(len(desk.items()))
    assert desk.stack.index() == 0
    assert desk.items() == () and page.model.rowCount() == 0
    assert counts == sorted(counts, reverse=True)  # nothing comes back while undoing

    for _step in range(steps):
        desk.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert desk.items() == built  # the same items, UUIDs, numbers, times and presenters
    assert desk.shown()[-1] == ("10", "Closing", "Thu 3, 14:00")


def _numbered(specs: list[ItemSpec]) -> list[tuple[str, ItemSpec]]:
    result = []
    for n, spec in enumerate(specs, start=1):
        result.append((str(n), spec))
        result.extend((f"{n}.{m}", child) for m, child in enumerate(spec.children, start=1))
    return result


def _drag(desk: Desk, uuid: str, target_uuid: str, where: str) -> QDropEvent:
    """What the view does when a row is dragged over another: ``where`` is above, on or below it."""
    tree, model = desk.tree, desk.page.model
    data = model.mimeData([model.index_of(uuid)])
    rect = tree.visualRect(model.index_of(target_uuid, Column.TITLE))
    y = {"above": rect.top() + 1, "on": rect.center().y(), "below": rect.bottom() - 1}[where]
    pos = QPointF(rect.center().x(), y)
    move = Qt.DropAction.MoveAction
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(tree.viewport(), QDragEnterEvent(pos, move, data, button, none))
    hover = QDragMoveEvent(pos, move, data, button, none)
    QApplication.sendEvent(tree.viewport(), hover)
    drop = QDropEvent(pos, move, data, button, none)
    if hover.isAccepted():
        QApplication.sendEvent(tree.viewport(), drop)
    QApplication.processEvents()
    return drop


def test_item_5_dragged_above_item_4_then_onto_item_2(demo_desk: Desk) -> None:
    desk = demo_desk
    by_number = {i.number: i for i in desk.items()}
    industry, coffee = by_number["4"], by_number["5"]
    drop = _drag(desk, coffee.uuid, industry.uuid, "above")
    assert drop.isAccepted()
    after = {i.number: i.title_en for i in desk.items()}
    assert (after["4"], after["5"]) == ("Coffee break", "Industry engagement and safety by design")
    assert desk.page.current_item().uuid == coffee.uuid  # type: ignore[union-attr]

    _drag(desk, coffee.uuid, by_number["2"].uuid, "on")  # onto item 2: it becomes its sub-item
    assert [(i.number, i.title_en) for i in desk.items()][1:3] == [
        ("2", "Adoption of the agenda and approval of the minutes of the previous meeting"), ("2.1", "Coffee break")]

    desk.key(Qt.Key.Key_Z, CTRL)
    desk.key(Qt.Key.Key_Z, CTRL)
    assert [i.uuid for i in desk.items()] == [i.uuid for i in by_number.values()]


def test_drops_that_would_nest_two_levels_are_refused(demo_desk: Desk) -> None:
    desk, model = demo_desk, demo_desk.page.model
    by_number = {i.number: i for i in desk.items()}
    before = desk.items()
    scan_data = model.mimeData([model.index_of(by_number["3"].uuid)])
    sub_data = model.mimeData([model.index_of(by_number["3.1"].uuid)])
    move = Qt.DropAction.MoveAction
    assert not model.canDropMimeData(scan_data, move, -1, 0, model.index_of(by_number["2"].uuid))  # has sub-items
    assert not model.canDropMimeData(sub_data, move, -1, 0, model.index_of(by_number["3.2"].uuid))  # a sub-item
    assert model.canDropMimeData(sub_data, move, 0, 0, model.index_of(by_number["4"].uuid))
    assert not model.dropMimeData(scan_data, move, -1, 0, model.index_of(by_number["2"].uuid))
    drop = _drag(desk, by_number["3"].uuid, by_number["2"].uuid, "on")
    assert not drop.isAccepted()
    assert desk.items() == before and desk.stack.count() == 0


def test_keyboard_moves_indent_outdent_and_delete_are_undoable(demo_desk: Desk) -> None:
    desk, page = demo_desk, demo_desk.page
    before = desk.items()
    desk.select_row("6")  # Wellness research study
    desk.key(Qt.Key.Key_Up, CTRL)
    desk.key(Qt.Key.Key_Up, CTRL)
    assert [i.title_en for i in desk.items() if i.depth == 0][3] == "Wellness research study"
    desk.key(Qt.Key.Key_Right, CTRL)  # indent: last sub-item of item 3
    assert page.current_item().number == "3.4"  # type: ignore[union-attr]
    desk.key(Qt.Key.Key_Backtab, SHIFT)  # outdent: right after item 3
    assert page.current_item().number == "4"  # type: ignore[union-attr]
    desk.select_row("3.1")
    desk.key(Qt.Key.Key_Tab)  # a sub-item cannot go deeper: said, nothing done
    assert page.message.isVisible() and "one level" in page.message.text()
    desk.select_row("3")
    desk.key(Qt.Key.Key_Delete)  # decisions were recorded under 3.3: refused, and said
    assert "cannot be deleted" in page.message.text() and len(desk.items()) == len(before)
    steps = desk.stack.count()
    while desk.stack.canUndo():
        desk.key(Qt.Key.Key_Z, CTRL)
    assert steps == 4 and desk.items() == before


def test_a_deleted_item_comes_back_whole_on_undo(qtbot: Any, tmp_path: Path) -> None:
    db, meeting = make_empty_ottawa(tmp_path / "delete.sqlite")
    scan = agenda.add_agenda_item(db, meeting, title_en="Opening", duration_minutes=30)
    scan = agenda.add_agenda_item(db, meeting, title_en="Scan", title_fr="Analyse", kind="document_approval",
                                  description_fr="Version 2", duration_minutes=60)
    for title in ("Threat picture", "Approval"):
        agenda.add_agenda_item(db, meeting, parent_uuid=scan.uuid, title_en=title, duration_minutes=30)
    agenda.add_agenda_item(db, meeting, title_en="Closing", duration_minutes=15)
    people = [p.uuid for p in directory.list_people(db)]
    agenda.set_presenters(db, scan.uuid, people[:2])
    doc = documents.create_document(db, title_en="Environmental Scan 2019")
    agenda.set_item_documents(db, scan.uuid, [doc.uuid])
    desk = Desk(qtbot, db, meeting)
    before = desk.items()
    desk.select_row("2")
    desk.key(Qt.Key.Key_Delete)
    assert [(i.number, i.title_en) for i in desk.items()] == [("1", "Opening"), ("2", "Closing")]
    assert desk.page.current_item().title_en == "Closing"  # type: ignore[union-attr]
    desk.key(Qt.Key.Key_Z, CTRL)
    assert desk.items() == before  # same UUIDs, sub-items, presenters in order, documents, times
    desk.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(desk.items()) == 2
    db.close()


def test_the_overrun_warning_shows_when_durations_pass_the_meeting_end(qtbot: Any, tmp_path: Path) -> None:
    db, meeting = make_empty_ottawa(tmp_path / "short.sqlite", hours_end=(14, 0), day_two=False)
    desk = Desk(qtbot, db, meeting)
    desk.add_item("Opening", AgendaItemKind.OPENING, 15)
    desk.add_item("Scan", AgendaItemKind.DISCUSSION, 30)
    assert desk.page.footer.overrun_minutes == 0
    assert "15 min before the meeting's end" in desk.page.footer.text()
    # longer in the editor: type 70 in Duration, Enter
    desk.page.editor.duration.setFocus()
    desk.page.editor.duration.selectAll()
    desk.type("70")
    desk.key(Qt.Key.Key_Return)
    footer = desk.page.footer
    assert footer.overrun_minutes == 25
    assert footer.text().startswith("The agenda runs 25 min past the meeting's end")
    assert "#FBE3E3" in footer.styleSheet()
    desk.page.tree.setFocus()
    desk.key(Qt.Key.Key_Z, CTRL)
    assert desk.page.footer.overrun_minutes == 0 and "#FBE3E3" not in desk.page.footer.styleSheet()
    db.close()


def test_tree_model_passes_the_model_tester(demo_desk: Desk, qtmodeltester: Any) -> None:
    qtmodeltester.check(demo_desk.page.model)
    empty = AgendaTreeModel()
    qtmodeltester.check(empty)
    assert demo_desk.tree.dragDropMode() == QAbstractItemView.DragDropMode.DragDrop
