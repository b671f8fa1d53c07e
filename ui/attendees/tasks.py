"""The attendee page's work for a worker thread: writing the invitation (.ics) and the list (.csv, .xlsx).

Each function takes the database's path and IDs, opens its own handle on the file (the window's handle is
only used from the GUI thread), and returns a sentence for the user; none touches a widget.
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import _, ngettext


def export_invitation(database: Path, meeting_uuid: str, out: Path, language: str) -> str:
    from app.interchange.ics import write_invitation
    from app.persistence.database import open_database

    db = open_database(database)
    try:
        summary = write_invitation(db, meeting_uuid, out, language)
    finally:
        db.close()
    message = ngettext("Invitation for {count} attendee written to {file}.",
                       "Invitation for {count} attendees written to {file}.", summary.attendees).format(
        count=summary.attendees, file=summary.path.name)
    if summary.without_email:
        left_out = ngettext("Left out for want of an e-mail address: {names}.",
                            "Left out for want of an e-mail address: {names}.", len(summary.without_email))
        message = _("{written} {left_out}").format(
            written=message, left_out=left_out.format(names=", ".join(summary.without_email)))
    return message


def export_list(database: Path, meeting_uuid: str, out: Path, language: str) -> str:
    from app.interchange.attendees_export import write_attendees
    from app.persistence.database import open_database

    db = open_database(database)
    try:
        written = write_attendees(db, meeting_uuid, out, language)
    finally:
        db.close()
    return _("Attendee list written to {file}.").format(file=written.name)
