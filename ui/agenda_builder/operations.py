"""Every change the agenda builder makes, as an undoable step: a service call now, its opposite on undo.

Each method runs one service through ``ui.undo.perform`` (a refused value raises ``DomainError`` to the
caller and leaves nothing on the stack).  Creations carry a UUID chosen here, so that redoing them makes
the very item later steps refer to; deletions keep a snapshot that puts the item back whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import uuid4

from PySide6.QtWidgets import QWidget

from app.i18n import _, current_language
from app.services import agenda as service
from app.services.views import AgendaItemView, AgendaView
from ui.context import AppContext
from ui.undo import MacroCommand, perform

KINDS = ("agenda",)


def new_uuid() -> str:
    return str(uuid4())


def _sibling_place(agenda: AgendaView, item: AgendaItemView) -> int:
    siblings = [i.uuid for i in agenda.items if i.parent_uuid == item.parent_uuid]
    return siblings.index(item.uuid)


class AgendaOperations:
    """The undoable edits of one meeting's agenda; the page holds one and points it at the meeting shown."""

    def __init__(self, context: AppContext, parent_widget: QWidget | None = None) -> None:
        self._context = context
        self._parent_widget = parent_widget
        self.meeting_uuid: str | None = None

    def _run(self, text: str, do: Any, undo: Any, *uuids: str) -> Any:
        touched = [uuid for uuid in (self.meeting_uuid, *uuids) if uuid]
        return perform(self._context, text, do, undo, KINDS, touched, self._parent_widget)

    def _title(self, item: AgendaItemView) -> str:
        return item.title(current_language()) or item.number

    def add(self, parent_uuid: str | None, position: int | None, values: Mapping[str, Any]) -> AgendaItemView:
        db, meeting, uuid = self._context.require_db(), self.meeting_uuid, new_uuid()
        assert meeting is not None
        text = _("Add a sub-item") if parent_uuid else _("Add an agenda item")
        result: AgendaItemView = self._run(
            text, lambda: service.add_agenda_item(db, meeting, parent_uuid, position, uuid=uuid, **values),
            lambda: service.delete_agenda_item(db, uuid), uuid)
        return result

    def delete(self, item: AgendaItemView) -> None:
        db = self._context.require_db()
        snapshot = service.snapshot_agenda_item(db, item.uuid)
        self._run(_("Delete “{title}”").format(title=self._title(item)),
                  lambda: service.delete_agenda_item(db, item.uuid),
                  lambda: service.restore_agenda_item(db, snapshot), item.uuid)

    def update(self, item: AgendaItemView, changes: Mapping[str, Any]) -> AgendaItemView:
        db = self._context.require_db()
        after = dict(changes)
        before = {key: getattr(item, key) for key in after}
        result: AgendaItemView = self._run(
            _("Edit “{title}”").format(title=self._title(item)),
            lambda: service.update_agenda_item(db, item.uuid, after),
            lambda: service.update_agenda_item(db, item.uuid, before), item.uuid)
        return result

    def move(self, agenda: AgendaView, item: AgendaItemView, parent_uuid: str | None, position: int,
             text: str | None = None) -> AgendaItemView:
        """``position`` counts the new siblings without the item itself (what the service expects)."""
        db = self._context.require_db()
        old_parent, old_position = item.parent_uuid, _sibling_place(agenda, item)
        result: AgendaItemView = self._run(
            text or _("Move “{title}”").format(title=self._title(item)),
            lambda: service.move_agenda_item(db, item.uuid, parent_uuid, position),
            lambda: service.move_agenda_item(db, item.uuid, old_parent, old_position), item.uuid)
        return result

    def set_presenters(self, item: AgendaItemView, person_uuids: Sequence[str]) -> None:
        db, after, before = self._context.require_db(), list(person_uuids), list(item.presenter_uuids)
        self._run(_("Presenters of “{title}”").format(title=self._title(item)),
                  lambda: service.set_presenters(db, item.uuid, after),
                  lambda: service.set_presenters(db, item.uuid, before), item.uuid)

    def set_documents(self, item: AgendaItemView, document_uuids: Sequence[str]) -> None:
        db, after, before = self._context.require_db(), list(document_uuids), list(item.document_uuids)
        self._run(_("Documents of “{title}”").format(title=self._title(item)),
                  lambda: service.set_item_documents(db, item.uuid, after),
                  lambda: service.set_item_documents(db, item.uuid, before), item.uuid)

    def add_standing_items(self, previous_meeting_uuid: str) -> tuple[AgendaItemView, ...]:
        db, meeting = self._context.require_db(), self.meeting_uuid
        assert meeting is not None
        uuids = [new_uuid(), new_uuid()]

        def undo() -> None:
            for uuid in uuids:
                service.delete_agenda_item(db, uuid)

        result: tuple[AgendaItemView, ...] = self._run(
            _("Add the standing items"),
            lambda: service.add_standing_items(db, meeting, previous_meeting_uuid, uuids=uuids), undo, *uuids)
        return result

    def carry_forward(self, item_uuids: Sequence[str]) -> None:
        """Put items postponed at earlier meetings on this agenda; several items make one undo step."""
        from app.services.item_outcomes import carry_forward

        db, meeting = self._context.require_db(), self.meeting_uuid
        assert meeting is not None
        with MacroCommand(self._context, _("Add the postponed items")):
            for source in item_uuids:
                uuid = new_uuid()
                self._run(_("Add a postponed item"),
                          lambda source=source, uuid=uuid: carry_forward(db, source, meeting, uuid=uuid),
                          lambda uuid=uuid: service.delete_agenda_item(db, uuid), uuid)

    def move_many(self, agenda: AgendaView, uuids: Sequence[str], parent_uuid: str | None, row: int) -> None:
        """A drop: the items go, in order, to ``row`` among ``parent_uuid``'s children as the view counted them
        (with the dragged items still in place); several items make one undo step."""
        if len(uuids) == 1:
            self._move_to_row(agenda, uuids[0], parent_uuid, row, None)
            return
        db, meeting = self._context.require_db(), self.meeting_uuid
        assert meeting is not None
        with MacroCommand(self._context, _("Move items")):
            previous: str | None = None
            for uuid in uuids:
                current = agenda if previous is None else service.get_agenda(db, meeting)
                self._move_to_row(current, uuid, parent_uuid, row, previous)
                previous = uuid

    def _move_to_row(self, agenda: AgendaView, uuid: str, parent_uuid: str | None, row: int,
                     after: str | None) -> None:
        item = next(i for i in agenda.items if i.uuid == uuid)
        siblings = [i.uuid for i in agenda.items if i.parent_uuid == parent_uuid]
        others = [s for s in siblings if s != uuid]
        if after is not None:
            target = others.index(after) + 1
        else:
            target = row - 1 if uuid in siblings and siblings.index(uuid) < row else row
        if item.parent_uuid == parent_uuid and siblings.index(uuid) == target:
            return  # dropped where it was: no step to undo
        self.move(agenda, item, parent_uuid, target)
