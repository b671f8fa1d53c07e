"""Every edit live mode makes, each one a service call pushed on the window's undo stack through ``perform``.

Notes are saved while they are typed, about once a second; a burst of typing on one item is one undo step
(the stack's command reads the burst's latest text when redone) until the typing pauses, the item changes
or anything else lands on the stack.  A refused edit raises ``DomainError`` to the caller, which shows it at
the field; nothing is pushed then.
"""

from __future__ import annotations

import time
import uuid as uuids
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.domain.enums import Attendance
from app.i18n import _
from app.services import actions, attendees, decisions, live, minutes
from app.services.actions import ActionDetailView
from app.services.attendees import AttendeeView
from app.services.decisions import DecisionDetailView
from app.services.minutes import MinutesItemView
from ui.context import AppContext
from ui.undo import perform

BURST_PAUSE_S = 5.0  # typing that stops this long starts a new undo step when it resumes


@dataclass
class _Burst:
    item_uuid: str
    column: str
    after: str
    index: int = -1
    count: int = -1
    last: float = field(default_factory=time.monotonic)


class LiveOperations(QObject):
    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.meeting_uuid: str | None = None
        self._widget = parent_widget
        self._burst: _Burst | None = None

    def _meeting(self) -> str:
        if self.meeting_uuid is None:
            raise RuntimeError("live mode has no meeting")
        return self.meeting_uuid

    # --- attendance ----------------------------------------------------------------------------------------

    def check_in(self, row: AttendeeView, wanted: Attendance, now: datetime) -> None:
        """Tick present or online at ``now`` (untick if already so); undo puts back what was there."""
        db = self.context.require_db()
        after = live.check_in_change(row.attendance, row.arrived_at, wanted, now)
        before = {"attendance": row.attendance, "arrived_at": row.arrived_at}
        if after["attendance"] is Attendance.UNKNOWN:
            text = _("Clear the attendance of {name}").format(name=row.person_name)
        elif wanted is Attendance.ONLINE:
            text = _("Check in {name} online").format(name=row.person_name)
        else:
            text = _("Check in {name}").format(name=row.person_name)
        perform(self.context, text, lambda: attendees.update_participation(db, row.uuid, after),
                lambda: attendees.update_participation(db, row.uuid, before), ("participation",),
                (row.uuid, self._meeting()), self._widget)

    def add_walk_in(self, **values: Any) -> live.WalkIn:
        """A walk-in in one undo step: the person, perhaps their new organisation, and their participation."""
        db = self.context.require_db()
        made: list[live.WalkIn] = []

        def do() -> live.WalkIn:
            walk_in = live.redo_walk_in(db, made[0]) if made else live.add_walk_in(db, self._meeting(), **values)
            if not made:
                made.append(walk_in)
            return walk_in

        name = " ".join(p for p in (values.get("given_name", ""), values.get("family_name", "")) if p).strip()
        return perform(self.context, _("Add {name} as a walk-in").format(name=name), do,
                       lambda: live.remove_walk_in(db, made[0]), ("participation", "person", "organisation"),
                       (self._meeting(),), self._widget)

    # --- decisions and actions ------------------------------------------------------------------------------

    def add_decision(self, item_uuid: str, number: str, text: str, language: str) -> DecisionDetailView:
        db, meeting, new = self.context.require_db(), self._meeting(), str(uuids.uuid4())
        values: dict[str, Any] = {f"text_{language}": text, "original_language": language}
        self.end_burst()
        return perform(self.context, _("Record a decision on item {number}").format(number=number),
                       lambda: decisions.add_decision(db, meeting, item_uuid, uuid=new, **values),
                       lambda: decisions.delete_decision(db, new), ("decision", "agenda"), (new, item_uuid),
                       self._widget)

    def add_action(self, item_uuid: str, number: str, text: str, language: str) -> ActionDetailView:
        db, meeting, new = self.context.require_db(), self._meeting(), str(uuids.uuid4())
        values: dict[str, Any] = {f"text_{language}": text, "original_language": language}
        self.end_burst()
        return perform(self.context, _("Record an action on item {number}").format(number=number),
                       lambda: actions.add_action(db, meeting, item_uuid, uuid=new, **values),
                       lambda: actions.delete_action(db, new), ("action",), (new, item_uuid), self._widget)

    def set_owner(self, action: ActionDetailView, owner_key: str | None) -> None:
        db = self.context.require_db()
        before = [owner.key for owner in action.owners]
        after = [owner_key] if owner_key else []
        if after == before:
            return
        perform(self.context, _("Change the owner of {number}").format(number=action.number),
                lambda: actions.set_owners(db, action.uuid, after), lambda: actions.set_owners(db, action.uuid, before),
                ("action",), (action.uuid,), self._widget)

    def set_due_date(self, action: ActionDetailView, due: date | None) -> None:
        if due == action.due_date:
            return
        db, before = self.context.require_db(), action.due_date
        perform(self.context, _("Change the due date of {number}").format(number=action.number),
                lambda: actions.update_action(db, action.uuid, {"due_date": due}),
                lambda: actions.update_action(db, action.uuid, {"due_date": before}),
                ("action",), (action.uuid,), self._widget)

    # --- notes ------------------------------------------------------------------------------------------------

    def save_notes(self, item_uuid: str, number: str, language: str, before: str, text: str) -> MinutesItemView:
        """Store the notes typed so far; the first save of a burst is pushed, later ones extend it."""
        db, name = self.context.require_db(), f"text_{language}"
        stack, burst, now = self.context.undo_stack, self._burst, time.monotonic()
        if (burst is not None and burst.item_uuid == item_uuid and burst.column == name
                and stack.index() == burst.index and stack.count() == burst.count
                and now - burst.last < BURST_PAUSE_S):
            view = minutes.update_minutes_entry(db, item_uuid, {name: text})
            burst.after, burst.last = view.text(language), now
            self.context.events.announce(("minutes",), (item_uuid,))
            return view
        new = _Burst(item_uuid, name, text)
        self._burst = None
        view = perform(self.context, _("Type notes on item {number}").format(number=number),
                       lambda: minutes.update_minutes_entry(db, item_uuid, {name: new.after}),
                       lambda: minutes.update_minutes_entry(db, item_uuid, {name: before}),
                       ("minutes",), (item_uuid,), self._widget)
        new.after, new.index, new.count, new.last = view.text(language), stack.index(), stack.count(), now
        self._burst = new
        return view

    def append_note(self, item_uuid: str, number: str, language: str, before: str, addition: str) -> MinutesItemView:
        """The capture box's text as a new paragraph of the item's notes (Ctrl+Enter), one undo step."""
        db, name = self.context.require_db(), f"text_{language}"
        after = f"{before.rstrip()}\n\n{addition.strip()}" if before.strip() else addition.strip()
        self.end_burst()
        return perform(self.context, _("Add a note to item {number}").format(number=number),
                       lambda: minutes.update_minutes_entry(db, item_uuid, {name: after}),
                       lambda: minutes.update_minutes_entry(db, item_uuid, {name: before}),
                       ("minutes",), (item_uuid,), self._widget)

    def end_burst(self) -> None:
        """The next save of notes starts a new undo step (the item changed, the user undid)."""
        self._burst = None
