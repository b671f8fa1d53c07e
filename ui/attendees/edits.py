"""The undoable edits of the attendee list: each runs a service now and pushes what undoes it.

Every edit goes through ``ui.undo.perform`` so that Ctrl+Z and Ctrl+Shift+Z of the window's Edit menu
take it back and forth, whatever screen is showing.  Creations keep the UUIDs they were given, so that a
redo re-creates the same rows and later steps of the history still find them; a removal keeps everything
the rows held, so that its undo puts them back as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from app.domain.enums import Attendance, InvitationStatus, Role, label
from app.i18n import _, ngettext
from app.services import attendees, directory
from app.services.attendees import AttendeeView, ParticipationRecord
from app.services.views import ParticipationView, PersonView
from ui.context import AppContext
from ui.undo import MacroCommand, perform

KINDS = ("participation",)


def _value_label(field: str, value: str) -> str:
    enum = {"role": Role, "invitation_status": InvitationStatus, "attendance": Attendance}[field]
    return label(enum(value))


def _change_text(field: str, rows: Sequence[AttendeeView], value: str) -> str:
    shown = _value_label(field, value)
    if len(rows) == 1:
        single = {"role": _("Set the role of {name} to {value}"),
                  "invitation_status": _("Set the invitation of {name} to {value}"),
                  "attendance": _("Set the attendance of {name} to {value}")}[field]
        return single.format(name=rows[0].person_name, value=shown)
    count = len(rows)
    many = {"role": ngettext("Set the role of {count} person to {value}",
                             "Set the role of {count} people to {value}", count),
            "invitation_status": ngettext("Set the invitation of {count} person to {value}",
                                          "Set the invitation of {count} people to {value}", count),
            "attendance": ngettext("Set the attendance of {count} person to {value}",
                                   "Set the attendance of {count} people to {value}", count)}[field]
    return many.format(count=count, value=shown)


def set_field(context: AppContext, rows: Sequence[AttendeeView], field: str, value: str,
              parent: QWidget | None = None) -> None:
    """One value for one or many attendees, one undo step that gives each back its own previous value."""
    rows = [row for row in rows if str(getattr(row, field).value) != value]
    if not rows:
        return
    db = context.require_db()
    uuids = [row.uuid for row in rows]
    before = {row.uuid: {field: getattr(row, field)} for row in rows}
    perform(context, _change_text(field, rows, value),
            lambda: attendees.update_participations(db, uuids, {field: value}),
            lambda: attendees.update_each(db, before), KINDS, uuids, parent)


def add_people(context: AppContext, meeting_uuid: str, person_uuids: Sequence[str], names: Sequence[str],
               parent: QWidget | None = None) -> list[ParticipationView]:
    """Put people on the list (each for their current organisation); undo takes them off again."""
    db = context.require_db()
    created: list[str] = []

    def do() -> list[ParticipationView]:
        views = attendees.add_participants(db, meeting_uuid, list(person_uuids), uuids=created or None)
        created[:] = [view.uuid for view in views]
        return views

    count = len(person_uuids)
    text = (_("Add {name} to the attendee list").format(name=names[0]) if count == 1 else
            ngettext("Add {count} person to the attendee list", "Add {count} people to the attendee list",
                     count).format(count=count))
    return perform(context, text, do, lambda: attendees.remove_participants(db, created), KINDS, (), parent)


def remove(context: AppContext, rows: Sequence[AttendeeView], parent: QWidget | None = None) -> None:
    """Take people off the list; undo puts them back with the same UUIDs and values."""
    if not rows:
        return
    db = context.require_db()
    uuids = [row.uuid for row in rows]
    removed: list[ParticipationRecord] = []

    def do() -> None:
        removed[:] = attendees.remove_participants(db, uuids)

    count = len(rows)
    text = (_("Remove {name} from the attendee list").format(name=rows[0].person_name) if count == 1 else
            ngettext("Remove {count} person from the attendee list", "Remove {count} people from the attendee list",
                     count).format(count=count))
    perform(context, text, do, lambda: attendees.restore_participants(db, removed), KINDS, uuids, parent)


def create_and_add(context: AppContext, meeting_uuid: str, values: dict[str, Any],
                   parent: QWidget | None = None) -> PersonView:
    """A new person in the directory, put on the list: one undo step (undo removes both).

    The person is created before the undo macro opens, so that a refused value (a duplicate e-mail, a bad
    time zone) reaches the dialog with nothing pushed and the redo history intact; the first "do" of the
    macro then only hands back the person already made, and a later redo makes them again, same UUID.
    """
    db = context.require_db()
    person = directory.create_person(db, **values)
    made = [person]

    def create() -> PersonView:
        if made:
            return made.pop()
        return directory.create_person(db, uuid=person.uuid, **values)

    name = person.full_name
    with MacroCommand(context, _("Create {name} and add them to the attendee list").format(name=name)):
        perform(context, _("Create {name}").format(name=name), create,
                lambda: directory.delete_person(db, person.uuid), ("person",), (person.uuid,), parent)
        add_people(context, meeting_uuid, [person.uuid], [name], parent)
    return person
