"""Long operations off the GUI thread: a QThreadPool worker that gets paths and IDs, returns plain data.

A task is a plain function called in a pool thread; it must not touch a widget.  Its result, a
``ChairdeskError`` message (already translated) or, for anything unexpected, the traceback text comes back
to the GUI thread through queued signals, where ``TaskRunner`` calls the callbacks the window gave it.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import ChairdeskError


class _TaskSignals(QObject):
    succeeded = Signal(int, object)
    failed = Signal(int, str)
    crashed = Signal(int, str)


class _Task(QRunnable):
    def __init__(self, number: int, signals: _TaskSignals, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self._number = number
        self._signals = signals
        self._function = function
        self._args = args

    def run(self) -> None:
        try:
            result = self._function(*self._args)
        except ChairdeskError as exc:
            self._signals.failed.emit(self._number, str(exc))
        except Exception:  # anything else is a bug: reported on the GUI thread, never lost in this one
            self._signals.crashed.emit(self._number, traceback.format_exc())
        else:
            self._signals.succeeded.emit(self._number, result)


@dataclass
class _Pending:
    on_success: Callable[[Any], None]
    on_failure: Callable[[str], None]


class TaskRunner(QObject):
    """Runs tasks one after another in a thread pool and reports whether any is still running."""

    busy_changed = Signal(bool)
    crashed = Signal(str)  # the traceback of an unexpected error in a task

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
        # One at a time: tasks write to the same SQLite file and their order is the user's order.
        self._pool.setMaxThreadCount(1)
        self._signals = _TaskSignals(self)
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._signals.crashed.connect(self._on_crashed)
        self._pending: dict[int, _Pending] = {}
        self._numbers = itertools.count(1)

    def is_busy(self) -> bool:
        return bool(self._pending)

    def start(self, function: Callable[..., Any], args: tuple[Any, ...],
              on_success: Callable[[Any], None], on_failure: Callable[[str], None]) -> None:
        number = next(self._numbers)
        was_busy = self.is_busy()
        self._pending[number] = _Pending(on_success, on_failure)
        self._pool.start(_Task(number, self._signals, function, args))
        if not was_busy:
            self.busy_changed.emit(True)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every task has run (tests and shutdown); their callbacks still need the event loop."""
        return self._pool.waitForDone(msecs)

    def _finish(self, number: int) -> _Pending | None:
        pending = self._pending.pop(number, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return pending

    @Slot(int, object)
    def _on_succeeded(self, number: int, result: object) -> None:
        pending = self._finish(number)
        if pending is not None:
            pending.on_success(result)

    @Slot(int, str)
    def _on_failed(self, number: int, message: str) -> None:
        pending = self._finish(number)
        if pending is not None:
            pending.on_failure(message)

    @Slot(int, str)
    def _on_crashed(self, number: int, details: str) -> None:
        self._finish(number)
        self.crashed.emit(details)
