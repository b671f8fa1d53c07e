"""The attendee list of a meeting and its invitations: the page, its grouped model, the "Add people" search,
the inline "New person…" dialog, the undoable edits and the export tasks.

The main window builds ``AttendeesPage(context)`` and calls ``show_meeting(uuid)``; the rest is inside.
"""

from ui.attendees.page import AttendeesPage

__all__ = ["AttendeesPage"]
