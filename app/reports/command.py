"""The ``chairdesk export minutes|agenda|signin|actions|attendees`` commands: their arguments and their run.

``app.cli`` adds these beside ``export package`` and hands the parsed arguments here.  Their ``--lang`` is
the language of the output (``en``, ``fr`` or ``bilingual``), so they take ``--db`` from a parent of their
own rather than the interface's ``--lang en|fr``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.domain.rules import is_valid_time_zone
from app.errors import ChairdeskError
from app.i18n import _, current_language, ngettext
from app.reports.options import LANGUAGE_MODES, OUTPUT_KINDS, PAPERS, LanguageMode, OutputOptions

if TYPE_CHECKING:
    from app.persistence.database import Database


def add_output_parsers(what: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add one ``export`` sub-command per printed output to the ``export`` sub-parsers ``what``."""
    parent = parser_class(add_help=False)
    parent.add_argument("--db", type=Path, metavar=_("PATH"), default=argparse.SUPPRESS,
                        help=_("the database file to use (default: the one in your user data folder)"))
    helps = {
        "minutes": _("the minutes of a meeting as PDF, or as an editable Word file with --out FILE.docx"),
        "agenda": _("the agenda of a meeting as PDF"),
        "signin": _("the sign-in sheet of a meeting as PDF"),
        "actions": _("the action register of a meeting, or of every meeting, as PDF"),
        "attendees": _("the attendee list of a meeting as PDF"),
    }
    for kind in OUTPUT_KINDS:
        command = what.add_parser(kind, parents=[parent], help=helps[kind])
        command.add_argument("--meeting", metavar=_("REF"), required=kind != "actions",
                             help=_("reference code or UUID of the meeting"))
        command.add_argument("--lang", choices=LANGUAGE_MODES, default=None,
                             help=_("language of the document: en, fr or bilingual (English and French side by side)"))
        command.add_argument("--out", type=Path, required=True, metavar=_("FILE"))
        command.add_argument("--paper", choices=PAPERS, default=None,
                             help=_("paper size (default: from your locale: letter in the US and Canada, else A4)"))
        command.add_argument("--copies", type=int, default=0, metavar="N",
                             help=_("numbered copies, one file each, recorded in the distribution log"))
        command.add_argument("--recipient", action="append", default=[], metavar=_("NAME"),
                             help=_("who receives the next numbered copy (repeat in copy order)"))
        if kind == "agenda":
            command.add_argument("--time-zone", action="append", default=[], dest="time_zones", metavar=_("ZONE"),
                                 help=_("also give start times in this IANA time zone (repeat for several)"))


def run_output_export(args: argparse.Namespace, db: Database, out: TextIO) -> int:
    """Write the output the arguments ask for; returns the exit status (errors raise ChairdeskError)."""
    from app.reports import export_files

    zones = tuple(getattr(args, "time_zones", []) or [])
    for zone in zones:
        if not is_valid_time_zone(zone):
            raise ChairdeskError(_("{zone} is not a known time zone.").format(zone=zone))
    if args.copies < 0:
        raise ChairdeskError(_("The number of copies cannot be negative."))
    chosen = args.lang or current_language()
    language: LanguageMode = chosen if chosen in LANGUAGE_MODES else "en"
    options = OutputOptions(language=language, paper=args.paper, time_zones=zones)
    written = export_files(db, args.what, args.meeting, Path(args.out), options, args.copies, args.recipient)
    if len(written) == 1:
        out.write(_("Written to {path}").format(path=written[0]) + "\n")
    else:
        out.write(ngettext("{count} numbered copy written, recorded in the distribution log:",
                           "{count} numbered copies written, recorded in the distribution log:",
                           len(written)).format(count=len(written)) + "\n")
        for path in written:
            out.write(f"  {path}\n")
    return 0
