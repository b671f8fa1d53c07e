"""How long the meeting has been on each agenda item: the time spent on it so far, kept in memory and in
QSettings per meeting, so that a restart (a crash, a closed laptop lid) resumes on the same item with its
clock still running.

The time of an item is the sum of the stretches the secretary spent on it: moving to an item starts a
stretch, moving away ends it.  Time comes from a ``Clock`` (aware UTC) that tests replace; a QTimer ticks
each second for the screens that show it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from app.i18n import _

Clock = Callable[[], datetime]
TICK_MS = 1000


def system_clock() -> datetime:
    return datetime.now(UTC)


def clock_text(span: timedelta) -> str:
    """``4:05`` or ``1:04:05``: a stopwatch, the same in every language."""
    seconds = max(0, int(span.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def overrun_text(span: timedelta) -> str:
    return _("{time} over").format(time=f"+{clock_text(span)}")


class ItemClock(QObject):
    """The stopwatch of live mode: which item is current, since when, and the time each item has had."""

    ticked = Signal()

    def __init__(self, settings: QSettings, clock: Clock = system_clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._meeting: str | None = None
        self._current: str | None = None
        self._entered: datetime | None = None
        self._spent: dict[str, float] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.ticked)

    def now(self) -> datetime:
        return self._clock()

    @property
    def current(self) -> str | None:
        return self._current

    def open(self, meeting_uuid: str | None) -> str | None:
        """Follow a meeting; returns the item it was on when last left (None: never run here)."""
        self._meeting = meeting_uuid
        self._current, self._entered, self._spent = None, None, {}
        if meeting_uuid is None:
            self._timer.stop()
            return None
        current = self._value("current")
        entered = self._value("entered_at")
        try:
            self._spent = {str(k): float(v) for k, v in json.loads(self._value("spent") or "{}").items()}
            self._entered = datetime.fromisoformat(entered) if entered else None
        except (ValueError, TypeError, AttributeError):  # a hand-edited or damaged settings file: start afresh
            self._spent, self._entered = {}, None
        self._current = current or None
        if self._current is not None and (self._entered is None or self._entered.tzinfo is None):
            self._entered = self.now()
        self._timer.start()
        return self._current

    def enter(self, item_uuid: str) -> None:
        """The meeting moves to ``item_uuid`` now: the current item's stretch ends, this one's begins."""
        if item_uuid == self._current:
            return
        now = self.now()
        self._close_stretch(now)
        self._current, self._entered = item_uuid, now
        self._store()
        self.ticked.emit()

    def restart(self) -> None:
        """The current item starts again from nothing (the chair opened it only now)."""
        if self._current is None:
            return
        self._spent.pop(self._current, None)
        self._entered = self.now()
        self._store()
        self.ticked.emit()

    def elapsed(self, item_uuid: str | None = None) -> timedelta:
        uuid = item_uuid or self._current
        if uuid is None:
            return timedelta(0)
        total = timedelta(seconds=self._spent.get(uuid, 0.0))
        if uuid == self._current and self._entered is not None:
            total += max(timedelta(0), self.now() - self._entered)
        return total

    def stop(self) -> None:
        """Leaving live mode: stop ticking; the stretch stays open, since the meeting goes on meanwhile."""
        self._timer.stop()
        self._store()

    def _close_stretch(self, now: datetime) -> None:
        if self._current is not None and self._entered is not None:
            spent = max(0.0, (now - self._entered).total_seconds())
            self._spent[self._current] = self._spent.get(self._current, 0.0) + spent

    def _key(self, name: str) -> str:
        return f"live/{self._meeting}/{name}"

    def _value(self, name: str) -> str:
        value = self._settings.value(self._key(name), "", type=str)
        return str(value or "")

    def _store(self) -> None:
        if self._meeting is None:
            return
        self._settings.setValue(self._key("current"), self._current or "")
        self._settings.setValue(self._key("entered_at"), self._entered.isoformat() if self._entered else "")
        self._settings.setValue(self._key("spent"), json.dumps(self._spent, sort_keys=True))
        self._settings.sync()  # written now: a crash a second later must not lose where the meeting was

    # --- the capture box's draft, kept beside the clock so that a crash loses no typing -------------------

    def draft(self) -> str:
        return self._value("draft") if self._meeting else ""

    def set_draft(self, text: str) -> None:
        if self._meeting is None:
            return
        self._settings.setValue(self._key("draft"), text)
        self._settings.sync()
