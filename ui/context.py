"""What every screen shares: the open database, the one undo stack, the change announcements, the task runner.

Screens never call each other.  After an edit, the code that made it announces the kinds of data that
changed (``"meeting"``, ``"agenda"``, ``"participation"``, ``"person"``, ``"organisation"``, ``"document"``,
``"minutes"``, ``"decision"``, ``"action"``) with the UUIDs touched, and each screen decides whether to
reload (Anki's ``operation_did_execute``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from app.persistence.database import Database
    from ui.tasks import TaskRunner

KINDS = frozenset({"meeting", "agenda", "participation", "person", "organisation", "document", "minutes",
                   "decision", "action"})


@dataclass(frozen=True)
class Change:
    """What an edit changed: kinds of data, and the UUIDs it touched (empty: anything of those kinds)."""

    kinds: frozenset[str]
    uuids: frozenset[str] = field(default_factory=frozenset)

    def touches(self, *kinds: str) -> bool:
        return bool(self.kinds & set(kinds))


class DataEvents(QObject):
    """The one refresh path: ``changed`` after every edit, undo and redo; ``database_changed`` on open."""

    changed = Signal(object)  # a Change
    database_changed = Signal()

    def announce(self, kinds: Iterable[str], uuids: Iterable[str] = ()) -> None:
        unknown = set(kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of data: {sorted(unknown)}")
        self.changed.emit(Change(frozenset(kinds), frozenset(uuids)))


class AppContext(QObject):
    """Handed to every screen; owned by the main window."""

    def __init__(self, undo_stack: QUndoStack, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.tasks = tasks
        self.events = DataEvents(self)
        self._db: Database | None = None

    @property
    def db(self) -> Database | None:
        return self._db

    def require_db(self) -> Database:
        if self._db is None:
            raise RuntimeError("no database is open")
        return self._db

    def set_database(self, db: Database | None) -> None:
        """A new database: the undo history of the old one no longer applies."""
        self._db = db
        self.undo_stack.clear()
        self.events.database_changed.emit()
