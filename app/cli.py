"""The command line: argument parsing for every command, and the commands that need no window.

``parse_args`` never raises: a bad argument prints one translated line and exits with status 2, like a
missing file, a bad package or a locked database in ``run``.  ``--lang`` is read before the parser is
built so that ``--help`` itself is in the chosen language.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO
from zoneinfo import ZoneInfo

from app import __version__
from app.errors import ChairdeskError
from app.i18n import _, set_language, system_language

if TYPE_CHECKING:
    from app.persistence.database import Database

EXIT_OK = 0
EXIT_USAGE = 2


def _say_error(line: str) -> None:
    # Under the Windows GUI entry point there is no console: sys.stderr is None.
    if sys.stderr is not None:
        sys.stderr.write(line + "\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        _say_error(_("chairdesk: {problem} (see chairdesk --help)").format(problem=message))
        raise SystemExit(EXIT_USAGE)


def _language_from(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", type=Path, metavar=_("PATH"), default=argparse.SUPPRESS,
                        help=_("the database file to use (default: the one in your user data folder)"))
    common.add_argument("--lang", choices=("en", "fr"), default=argparse.SUPPRESS,
                        help=_("language of the interface and of the output"))

    parser = _Parser(prog="chairdesk", parents=[common],
                     description=_("Chairdesk: meetings, agendas, minutes and documents of a taskforce chair's office."))
    parser.add_argument("--version", action="version", version=f"Chairdesk {__version__}")
    parser.add_argument("--demo", action="store_true", help=_("open the app on the demo database"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)

    demo = commands.add_parser("demo", parents=[common], help=_("write the demo database"))
    demo.add_argument("--force", action="store_true", help=_("replace the file if it exists"))

    importer = commands.add_parser(
        "import", parents=[common],
        help=_("import a meeting package (.chairdesk), or people from a spreadsheet (import people FILE)"))
    importer.add_argument("target", metavar=_("FILE|people"),
                          help=_("a .chairdesk file, or the word people followed by a .csv or .xlsx file"))
    importer.add_argument("file", nargs="?", type=Path, metavar=_("FILE"), help=argparse.SUPPRESS)
    importer.add_argument("--dry-run", action="store_true", help=_("show what would be imported, write nothing"))
    importer.add_argument("--skip-bad", action="store_true",
                          help=_("import the good rows even if some rows are refused"))
    importer.add_argument("--create-organisations", action="store_true",
                          help=_("import people: add the organisations that are not in the directory yet"))

    export = commands.add_parser("export", parents=[common], help=_("export data to a file"))
    what = export.add_subparsers(dest="what", metavar=_("WHAT"), parser_class=_Parser, required=True)
    package = what.add_parser("package", parents=[common], help=_("a meeting and all it references, as a .chairdesk file"))
    package.add_argument("--meeting", action="append", default=[], metavar=_("REF"),
                         help=_("reference code or UUID of a meeting (repeat for several)"))
    package.add_argument("--all", action="store_true", help=_("every meeting and document in the database"))
    package.add_argument("--out", type=Path, required=True, metavar=_("FILE"))
    from app.reports.command import add_output_parsers  # printed outputs (issue 6): minutes, agenda, …

    add_output_parsers(what, _Parser)
    for name, text in (("people", _("the directory's people, as a .csv or .xlsx file")),
                       ("organisations", _("the directory's organisations, as a .csv or .xlsx file"))):
        what.add_parser(name, parents=[common], help=text).add_argument(
            "--out", type=Path, required=True, metavar=_("FILE"))
    ics = what.add_parser("ics", parents=[common],
                          help=_("the invitation of a meeting as an iCalendar file (.ics) for Outlook or Apple Calendar"))
    ics.add_argument("--meeting", required=True, metavar=_("REF"), help=_("reference code or UUID of the meeting"))
    ics.add_argument("--out", type=Path, required=True, metavar=_("FILE"))

    commands.add_parser("meetings", parents=[common], help=_("list the meetings in the database"))
    agenda = commands.add_parser("agenda", parents=[common],
                                 help=_("print a meeting's agenda with its times, and warn if it runs over"))
    agenda.add_argument("meeting", metavar=_("REF"), help=_("reference code or UUID of the meeting"))
    agenda.add_argument("--zones", action="store_true",
                        help=_("also the start and end in the time zones of the participants"))
    tracker = commands.add_parser("actions", parents=[common],
                                  help=_("list the action items of every meeting: owner, due date, status, origin"))
    tracker.add_argument("--meeting", metavar=_("REF"), help=_("only the actions of this meeting"))
    tracker.add_argument("--status", choices=("open", "done", "overdue"),
                         help=_("open (not done), done, or overdue (open and past the due date)"))
    commands.add_parser("documents", parents=[common],
                        help=_("list the documents with their versions, status, approval decision and SHA-256"))
    check = commands.add_parser(
        "check", parents=[common],
        help=_("verify the database, its audit log and every stored file; non-zero exit on a fault"))
    check.add_argument("--minutes", metavar=_("CODE"),
                       help=_("verify a printed copy of minutes: the code of its QR (chairdesk:minutes:REF:sha256:…)"))

    shots = commands.add_parser("screenshots", parents=[common], help=_("render the main screens to PNG files"))
    shots.add_argument("--out", type=Path, required=True, metavar=_("FOLDER"))
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_from(args_list) or system_language())
    args = build_parser().parse_args(args_list)
    for name, default in (("db", None), ("lang", None), ("demo", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    return args


def _database_path(args: argparse.Namespace) -> Path:
    from app.persistence.database import default_database_path

    return Path(args.db) if args.db else default_database_path()


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run a command that needs no window; returns the exit status."""
    stream = out or sys.stdout or io.StringIO()
    try:
        return _dispatch(args, stream)
    except ChairdeskError as exc:
        _say_error(_("chairdesk: {problem}").format(problem=exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "demo":
        return _demo(args, out)
    if args.command == "import":
        return _import(args, out)
    if args.command == "export":
        return _export(args, out)
    if args.command == "meetings":
        return _meetings(args, out)
    if args.command == "agenda":
        return _agenda(args, out)
    if args.command == "actions":
        return _actions(args, out)
    if args.command in ("documents", "check"):
        return _documents(args, out)
    raise ChairdeskError(_("Unknown command {command}.").format(command=args.command))


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    from app.demo_setup import write_demo_database
    from app.persistence.database import demo_database_path

    target = Path(args.db) if args.db else demo_database_path()
    if target.exists() and not args.force:
        raise ChairdeskError(_("{path} already exists; use --force to replace it.").format(path=target))
    write_demo_database(target)
    out.write(_("Demo database written to {path}").format(path=target) + "\n")
    return EXIT_OK


def _open(args: argparse.Namespace, must_exist: bool = True) -> Database:
    from app.persistence.database import open_database

    path = _database_path(args)
    if must_exist and not path.exists():
        raise ChairdeskError(_("No database at {path}.").format(path=path))
    return open_database(path)


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from app.interchange import import_package

    if args.target == "people":
        if args.file is None:
            raise ChairdeskError(_("Say which file to import: chairdesk import people FILE.csv"))
        return _import_people(args, out)
    if args.file is not None:
        raise ChairdeskError(_("Unknown import {what}: use a .chairdesk file, or import people FILE.").format(
            what=args.target))
    source = Path(args.target)
    if not source.is_file():
        raise ChairdeskError(_("No such file: {path}").format(path=source))
    db = _open(args, must_exist=False)
    try:
        summary = import_package(db, source)
    finally:
        db.close()
    out.write(_("Imported {file} into {path}: {created} created, {updated} updated.").format(
        file=source.name, path=db.path, created=summary.created_total, updated=summary.updated_total) + "\n")
    return EXIT_OK


def _import_people(args: argparse.Namespace, out: TextIO) -> int:
    from app.interchange.directory_command import run_import_people  # the directory's commands live there

    db = _open(args)
    try:
        return run_import_people(args, db, out)
    finally:
        db.close()


def _export_directory(args: argparse.Namespace, out: TextIO) -> int:
    from app.interchange.directory_command import run_directory_export

    db = _open(args)
    try:
        return run_directory_export(args, db, out)
    finally:
        db.close()


def _export_attendees(args: argparse.Namespace, out: TextIO) -> int:
    """``export ics`` (the invitation) and ``export attendees --out FILE.csv|FILE.xlsx`` (the list as a table)."""
    from app.interchange.attendees_export import run_attendees_export

    db = _open(args)
    try:
        return run_attendees_export(args, db, out)
    finally:
        db.close()


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from app.interchange import export_all, export_package

    if args.what in ("people", "organisations"):
        return _export_directory(args, out)
    if args.what == "ics" or (args.what == "attendees" and Path(args.out).suffix.lower() in (".csv", ".xlsx")):
        return _export_attendees(args, out)
    if args.what != "package":
        from app.reports.command import run_output_export

        db = _open(args)
        try:
            return run_output_export(args, db, out)
        finally:
            db.close()
    if not args.all and not args.meeting:
        raise ChairdeskError(_("Say which meeting to export with --meeting REF, or --all."))
    db = _open(args)
    try:
        if args.all:
            export_all(db, Path(args.out))
        else:
            export_package(db, list(args.meeting), Path(args.out))
    finally:
        db.close()
    out.write(_("Exported to {path}").format(path=args.out) + "\n")
    return EXIT_OK


def _meetings(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.enums import label
    from app.i18n import current_language, format_date
    from app.services.meetings import list_meetings

    db = _open(args)
    try:
        meetings = list_meetings(db)
    finally:
        db.close()
    if not meetings:
        out.write(_("No meetings in {path}.").format(path=db.path) + "\n")
        return EXIT_OK
    language = current_language()
    rows = [(m.reference, format_date(m.starts_at.astimezone(ZoneInfo(m.time_zone)).date(), "medium"),
             label(m.status), m.title(language)) for m in meetings]
    headers = (_("Reference"), _("Date"), _("Status"), _("Title"))
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(3)]
    for row in [headers, *rows]:
        out.write("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3] + "\n")
    return EXIT_OK


def _agenda(args: argparse.Namespace, out: TextIO) -> int:
    """``agenda REF [--zones]``: the agenda as the builder computes it, in the meeting's time zone."""
    from app.agenda_text import agenda_lines
    from app.i18n import current_language

    db = _open(args)
    try:
        out.write("\n".join(agenda_lines(db, args.meeting, current_language(), zones=args.zones)) + "\n")
    finally:
        db.close()
    return EXIT_OK


def _actions(args: argparse.Namespace, out: TextIO) -> int:
    """``actions``: the tracker on the command line (number, owners, due date, status, origin, text)."""
    from datetime import date

    from app.domain.enums import ActionStatus
    from app.i18n import current_language
    from app.services.action_tracking import ActionFilter, track_actions, tracker_rows
    from app.services.actions import OPEN_STATUSES
    from app.services.meetings import get_meeting

    statuses = {"open": frozenset(OPEN_STATUSES), "done": frozenset({ActionStatus.DONE})}.get(args.status or "")
    today = date.today()
    db = _open(args)
    try:
        meeting = get_meeting(db, args.meeting).uuid if args.meeting else None
        found = track_actions(db, ActionFilter(meeting_uuid=meeting, statuses=statuses or frozenset(),
                                               overdue=args.status == "overdue"), today)
    finally:
        db.close()
    if not found:
        out.write(_("No action items match.") + "\n")
        return EXIT_OK
    rows = tracker_rows(found, today, current_language())
    headers = (_("Action"), _("Responsible"), _("Due date"), _("Status"), _("Origin"), _("Text"))
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(5)]
    for row in [headers, *rows]:
        out.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5] + "\n")
    return EXIT_OK


def _documents(args: argparse.Namespace, out: TextIO) -> int:
    """``documents`` lists the register; ``check`` verifies the file and exits 1 on any fault."""
    from app.document_report import integrity_lines, register_lines
    from app.i18n import current_language
    from app.services.integrity import check_database

    if args.command == "check":
        path = _database_path(args)
        if not path.exists():
            raise ChairdeskError(_("No database at {path}.").format(path=path))
        if getattr(args, "minutes", None):
            from app.services.minutes_integrity import check_printed_minutes

            db = _open(args)
            try:
                verdict = check_printed_minutes(db, args.minutes)
            finally:
                db.close()
            out.write(verdict.message + "\n")
            return EXIT_OK if verdict.ok else 1
        report = check_database(path)
        out.write("\n".join(integrity_lines(report, current_language())) + "\n")
        return EXIT_OK if report.ok else 1
    db = _open(args)
    try:
        out.write("\n".join(register_lines(db, current_language())) + "\n")
    finally:
        db.close()
    return EXIT_OK
