"""Live mode's clock with a mocked time (planned against elapsed, the overrun in its warning colour, time
that adds up when the meeting comes back to an item, a restart that resumes), the room display on its own,
locked minutes, the models through Qt's model tester, and live mode in French."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from test_live_support import OPENING, OTTAWA, LiveDesk, live_desk, use_french

from app import i18n
from app.domain.enums import Attendance, Visibility
from app.persistence.database import open_database
from app.services import actions, decisions, live, meetings, minutes, minutes_approval
from ui.live.agenda_strip import LIVE_COLOURS, ROOM_COLOURS, AgendaStripModel
from ui.live.checkin_model import CheckInColumn, CheckInModel
from ui.live.clock import ItemClock
from ui.live.current_item import OVERRUN_COLOUR
from ui.live.records_model import RecordsModel
from ui.live.room import RoomDisplay

K = Qt.Key


@pytest.fixture
def desk(qtbot: Any, demo_db_path: Path, tmp_path: Path) -> Iterator[LiveDesk]:
    with live_desk(qtbot, demo_db_path, tmp_path) as opened:
        yield opened


def test_the_overrun_shows_in_the_warning_colour_once_the_planned_time_is_past(desk: LiveDesk) -> None:
    panel = desk.live.current
    desk.key(K.Key_PageDown)  # item 2 has 15 minutes
    assert panel.planned_label.text() == "Planned 13:30–13:45 · 15 min"
    desk.clock.advance(minutes=14, seconds=30)
    desk.live.clock.ticked.emit()
    assert panel.elapsed_label.text() == "Elapsed 14:30"
    assert not panel.is_overrun() and panel.overrun_label.isHidden()
    desk.clock.advance(minutes=2, seconds=5)
    desk.live.clock.ticked.emit()
    assert panel.elapsed_label.text() == "Elapsed 16:35"
    assert panel.is_overrun() and panel.overrun_label.isVisible()
    assert panel.overrun_label.text() == "+1:35 over"
    assert OVERRUN_COLOUR in panel.elapsed_label.styleSheet()
    assert panel.progress.value() == panel.progress.maximum()
    desk.key(K.Key_PageDown)  # the next item starts from nothing
    assert panel.elapsed_label.text() == "Elapsed 0:00" and not panel.is_overrun()


def test_the_clock_ticks_by_itself_each_second(desk: LiveDesk) -> None:
    panel = desk.live.current
    desk.clock.advance(seconds=42)
    desk.qtbot.waitUntil(lambda: panel.elapsed_label.text() == "Elapsed 0:42", timeout=3000)


def test_time_on_an_item_adds_up_and_a_restart_resumes_where_the_meeting_was(desk: LiveDesk) -> None:
    desk.key(K.Key_PageDown)
    desk.clock.advance(minutes=10)
    desk.key(K.Key_PageDown)
    desk.clock.advance(minutes=3)
    desk.key(K.Key_PageUp)  # back on item 2 for a late remark
    desk.clock.advance(minutes=2)
    desk.live.clock.ticked.emit()
    assert desk.live.current.elapsed_label.text() == "Elapsed 12:00"

    desk.live.close()  # the laptop crashes or is closed; the meeting goes on for a minute
    desk.clock.advance(minutes=1)
    reopened = desk.open()
    assert reopened.current.number_label.text() == "2"
    assert reopened.current.elapsed_label.text() == "Elapsed 13:00"
    reopened.clock.restart()  # the chair opens the item only now
    assert reopened.current.elapsed_label.text() == "Elapsed 0:00"


def test_the_room_display_never_shows_a_closed_item_or_any_minutes_text(desk: LiveDesk) -> None:
    meeting = live.live_meeting(desk.db, OTTAWA)
    room = RoomDisplay(desk.clock)
    desk.qtbot.addWidget(room)
    room.show_room(live.room_view(meeting))
    closed = next(item for item in meeting.items if item.number == "3.2")
    assert closed.closed and closed.text_en  # it has notes, and they are confidential
    room.follow(closed.uuid)
    assert room.highlighted() is None and room.in_closed_session()
    texts = {str(room.model.index(row, column).data(role))
             for row in range(room.model.rowCount()) for column in range(3)
             for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)}
    assert closed.title_en not in texts
    assert not any(item.text_en and item.text_en[:40] in text for item in meeting.items for text in texts)
    assert room.clock_label.text() == "12:55"  # the meeting's time, in Ottawa
    assert room.badge.text() == "TLP:AMBER"
    room.follow(meeting.items[0].uuid)
    assert room.highlighted() == meeting.items[0].uuid and not room.in_closed_session()


def test_locked_minutes_leave_check_in_open_but_refuse_notes(qtbot: Any, demo_db_path: Path, tmp_path: Path) -> None:
    db = open_database(demo_db_path)
    strasbourg = meetings.get_meeting(db, "VGT-2011-11").uuid
    minutes_approval.lock_minutes(db, strasbourg, "Locked for the test")
    from PySide6.QtGui import QUndoStack

    from ui.context import AppContext
    from ui.live import LiveMode
    from ui.tasks import TaskRunner

    context = AppContext(QUndoStack(), TaskRunner())
    context.set_database(db)
    window = LiveMode(context, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show_meeting(strasbourg)
    window.show()
    assert window.locked_label.isVisible()
    assert window.capture.notes.isReadOnly() and window.capture.capture.isReadOnly()
    assert not window.capture.decision_button.isEnabled()
    window.recorder.record("decision", "A decision that cannot be taken")
    assert "locked" in window.capture.capture_error.label.text()
    assert len(decisions.list_decisions(db, strasbourg)) == len(decisions.list_decisions(db, strasbourg))
    window.close()
    context.set_database(None)
    db.close()


def test_the_models_pass_the_model_tester(qtmodeltester: Any, desk: LiveDesk) -> None:
    meeting = live.live_meeting(desk.db, OTTAWA)
    for colours, items in ((LIVE_COLOURS, meeting.items), (ROOM_COLOURS, live.room_view(meeting).items)):
        strip = AgendaStripModel(colours)
        strip.set_items(items, meeting.time_zone)
        strip.set_current(items[3].uuid)
        qtmodeltester.check(strip)
        assert strip.index(3, 0).data(Qt.ItemDataRole.UserRole + 2) is True
    attendance = live.live_attendance(desk.db, OTTAWA)
    checkin = CheckInModel()
    checkin.set_rows(attendance.rows, attendance.time_zone)
    qtmodeltester.check(checkin)
    checkin.set_filter("rcmp")
    assert checkin.rowCount() == 3
    checkin.sort(CheckInColumn.NAME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(checkin)
    asked: list[tuple[str, object]] = []
    checkin.toggle_requested.connect(lambda uuid, wanted: asked.append((uuid, wanted)))
    checkin.setData(checkin.index(0, CheckInColumn.ONLINE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert asked == [(checkin.row_at(0).uuid, Attendance.ONLINE)]  # type: ignore[union-attr]
    records = RecordsModel()
    records.set_records(decisions.list_decisions(desk.db, OTTAWA), actions.list_actions(desk.db, OTTAWA))
    qtmodeltester.check(records)
    assert records.index(0, 0).data() == "D1"


def test_the_item_clock_survives_a_damaged_settings_file(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(f"live/{OTTAWA}/current", "item-a")
    settings.setValue(f"live/{OTTAWA}/spent", "{not json")
    clock = ItemClock(settings, lambda: OPENING)
    assert clock.open(OTTAWA) == "item-a"
    assert clock.elapsed().total_seconds() == 0


def test_live_mode_and_the_room_display_in_french(desk: LiveDesk, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    desk.key(K.Key_F5)
    use_french(tmp_path, monkeypatch)  # the language listener retranslates live mode and the room display
    live_mode, room = desk.live, desk.live.room
    assert room is not None
    assert live_mode.windowTitle() == "Réunion en direct — Chairdesk"
    assert live_mode.checkin.quorum_badge.text() == ("Quorum non atteint\u00a0: 0 sur 9 organisations membres "
                                                     "(il en faut 5)")
    assert live_mode.current.title_label.text() == "Ouverture de la réunion et mot de bienvenue"
    assert live_mode.current.planned_label.text() == "Prévu\u00a0: 13:00–13:30 · 30 min"
    assert live_mode.capture.decision_button.text() == "Décision (Ctrl+D)"
    assert room.agenda_heading.text() == "Ordre du jour"
    assert room.title_label.text().startswith("Réunion")
    closed = next(item for item in live_mode.meeting.items if item.visibility is Visibility.CLOSED)  # type: ignore[union-attr]
    assert closed.uuid not in room.model.uuids()
    i18n.set_language("en")


def test_tab_goes_from_the_notes_through_capture_and_check_in(desk: LiveDesk) -> None:
    live_mode = desk.live
    for _step in range(5):
        desk.key(K.Key_PageDown)  # item 3.3, which has a decision and actions to tab through
    live_mode.capture.notes.setFocus()
    seen = []
    for _press in range(10):
        desk.key(K.Key_Tab)
        seen.append(QApplication.focusWidget())
    capture, checkin = live_mode.capture, live_mode.checkin
    follow_up = capture.follow_up  # disabled until an action is selected: Tab skips it
    assert seen[:5] == [capture.capture, capture.note_button, capture.decision_button, capture.action_button,
                        capture.records]
    assert follow_up.owner not in seen
    assert seen[5:8] == [checkin.search, checkin.list, checkin.walk_in_button]
    assert seen[8:10] == [live_mode.room_button, live_mode.leave_button]


def test_moving_through_the_agenda_writes_nothing(desk: LiveDesk) -> None:
    """Showing notes never rewrites them, in either language: only typing is saved."""
    before = minutes.get_minutes(desk.db, OTTAWA).items
    for language in ("fr", "en"):
        desk.live.capture.language.setCurrentIndex(desk.live.capture.language.findData(language))
        desk.live.capture.language.activated.emit(desk.live.capture.language.currentIndex())
        for _step in range(13):
            desk.key(K.Key_PageDown)
        for _step in range(13):
            desk.key(K.Key_PageUp)
    assert desk.context.undo_stack.count() == 0
    assert minutes.get_minutes(desk.db, OTTAWA).items == before
