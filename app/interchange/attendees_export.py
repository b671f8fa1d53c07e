"""A meeting's attendee list as a spreadsheet (CSV or XLSX) in English or French, for mail merges, badges and
the host's security desk.

One row per participant in the order of the screen (sector, organisation, family name), with the role,
invitation and attendance as words of the chosen language and the arrival time in the meeting's own time
zone, written as ``2019-10-02 12:30`` so that a spreadsheet sorts it.  ``tables.write_table`` does the
writing (atomic, formula-safe).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.errors import ChairdeskError
from app.i18n import N_, _, current_language, ngettext
from app.interchange.tables import write_table
from app.meeting_text import in_zone
from app.persistence.database import Database
from app.reports.options import Lang
from app.services.attendees import AttendeeView, attendee_list, list_order
from app.services.meetings import find_meeting

HEADERS = (N_("Sector"), N_("Organisation"), N_("Organisation (full name)"), N_("Given name"), N_("Family name"),
           N_("Title"), N_("E-mail"), N_("Role"), N_("Invitation"), N_("Attendance"))
ARRIVAL_HEADER = N_("Arrival ({zone})")
NOTES_HEADER = N_("Notes")


def _row(lang: Lang, row: AttendeeView, zone: str) -> list[str]:
    arrival = in_zone(row.arrived_at, zone).strftime("%Y-%m-%d %H:%M") if row.arrived_at else ""
    return [lang.label(row.sector) if row.sector else "", row.organisation_short, row.organisation_name,
            row.given_name, row.family_name, row.title(lang.code), row.email or "", lang.label(row.role),
            lang.label(row.invitation_status), lang.label(row.attendance), arrival, row.notes]


def write_attendees(db: Database, meeting: str, path: Path, language: str = "en") -> Path:
    """Write the attendee list of ``meeting`` (reference or UUID) to ``path`` (.csv or .xlsx)."""
    if language not in ("en", "fr"):
        raise ChairdeskError(_("A spreadsheet is written in one language: en or fr."))
    lang = Lang(language)
    with db.transaction() as session:
        found = attendee_list(session, find_meeting(session, meeting), language)
    headers = [lang.gettext(h) for h in HEADERS]
    headers += [lang.gettext(ARRIVAL_HEADER).format(zone=found.time_zone), lang.gettext(NOTES_HEADER)]
    rows = [_row(lang, row, found.time_zone) for row in sorted(found.rows, key=list_order)]
    return write_table(Path(path), headers, rows, sheet_title=found.reference)


def run_attendees_export(args: argparse.Namespace, db: Database, out: TextIO) -> int:
    """The command line's ``export ics`` and ``export attendees --out FILE.csv|FILE.xlsx``; returns 0."""
    language = args.lang or current_language()
    if args.what == "ics":
        from app.interchange.ics import write_invitation

        summary = write_invitation(db, args.meeting, Path(args.out), language)
        out.write(ngettext("Invitation for {count} attendee written to {path}",
                           "Invitation for {count} attendees written to {path}", summary.attendees).format(
            count=summary.attendees, path=summary.path) + "\n")
        if summary.without_email:
            out.write(_("Left out, no e-mail address: {names}").format(names=", ".join(summary.without_email)) + "\n")
        return 0
    if getattr(args, "copies", 0) or getattr(args, "paper", None):
        raise ChairdeskError(_("Numbered copies and paper sizes are for PDF files only."))
    written = write_attendees(db, args.meeting, Path(args.out), language)
    out.write(_("Written to {path}").format(path=written) + "\n")
    return 0
