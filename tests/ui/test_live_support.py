"""What the live mode tests share (no tests here): the Ottawa 2019 meeting on the morning it opens (a private
copy of the demo with nobody checked in yet), a clock the test moves, live mode opened on it as the main
window will open it, typing helpers, and French with this area's proposed translations until merged."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app import i18n
from app.domain.enums import Attendance
from app.persistence.database import Database, open_database
from app.services import attendees
from ui.context import AppContext
from ui.live import LiveMode, open_live_mode
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
OTTAWA = "9251dcd4-d78d-5899-a81c-aaf54321e98b"  # VGT-2019-10 in the demo
OPENING = datetime(2019, 10, 2, 16, 55, tzinfo=UTC)  # 12:55 in Ottawa, five minutes before the opening
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


class FakeClock:
    """The time as the test says: it moves only when told."""

    def __init__(self, start: datetime = OPENING) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **span: float) -> None:
        self.now += timedelta(**span)


@dataclass
class LiveDesk:
    qtbot: Any
    db: Database
    context: AppContext
    settings: QSettings
    clock: FakeClock
    live: LiveMode

    def open(self) -> LiveMode:
        """Live mode as the main window opens it, then sized like a laptop screen and given the keyboard."""
        self.live = open_live_mode(self.context, OTTAWA, settings=self.settings, clock=self.clock)
        self.live.showNormal()
        self.live.resize(1400, 900)
        with self.qtbot.waitActive(self.live):
            self.live.activateWindow()
        return self.live

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        """A key pressed where the focus is (the live window itself if nothing inside has it)."""
        self.qtbot.keyClick(QApplication.focusWidget() or self.live, key, modifiers)
        QApplication.processEvents()

    def type(self, text: str, widget: QWidget | None = None) -> None:
        """Typed where the focus is; QTest types ASCII only, so an accent goes as a key event with its text."""
        target = widget or QApplication.focusWidget()
        assert target is not None
        for char in text:
            if char.isascii():
                self.qtbot.keyClick(target, char)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, NO_MODIFIER, char))

    def click(self, widget: QWidget) -> None:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        QApplication.processEvents()

    def in_dialog(self, fill: Callable[[QDialog], None], opener: QWidget) -> None:
        """Click ``opener`` and, once its modal dialog is up, let ``fill`` act in it as a user would; a failing
        step closes the dialog (it would otherwise wait for ever) and fails the test here."""
        problems: list[BaseException] = []

        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog) or QApplication.activeWindow() is not dialog:
                QTimer.singleShot(20, run)
                return
            try:
                fill(dialog)
            except BaseException as exc:  # noqa: BLE001 - handed back to the test below
                problems.append(exc)
                dialog.reject()

        QTimer.singleShot(0, run)
        self.click(opener)
        if problems:
            raise problems[0]

    def attendee(self, family_name: str) -> attendees.AttendeeView:
        rows = attendees.list_attendees(self.db, OTTAWA).rows
        return next(row for row in rows if row.family_name == family_name)


def reset_attendance(db: Database) -> None:
    """The morning of the meeting: nobody has arrived yet."""
    rows = attendees.list_attendees(db, OTTAWA).rows
    attendees.update_each(db, {row.uuid: {"attendance": Attendance.UNKNOWN, "arrived_at": None} for row in rows})


@contextmanager
def live_desk(qtbot: Any, demo_db_path: Path, tmp_path: Path) -> Iterator[LiveDesk]:
    """Live mode open on the Ottawa meeting; each test module makes it its ``desk`` fixture."""
    db = open_database(demo_db_path)
    reset_attendance(db)
    context = AppContext(QUndoStack(), TaskRunner())
    context.set_database(db)
    settings = QSettings(str(tmp_path / "live.ini"), QSettings.Format.IniFormat)
    desk = LiveDesk(qtbot, db, context, settings, FakeClock(), None)  # type: ignore[arg-type]
    desk.open()
    try:
        yield desk
    finally:
        if shiboken6.isValid(desk.live):
            desk.live.close()
        QApplication.processEvents()
        context.tasks.wait_for_done()
        context.set_database(None)
        db.close()


def use_french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """French from the shipped catalog (the parameters stay for the callers)."""
    i18n.set_language("fr")
