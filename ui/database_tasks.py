"""The work the main window hands to a worker thread: opening a database, importing and exporting packages.

Each function takes paths and IDs and returns plain data (an open ``Database`` handle or a frozen summary);
none touches a widget.  The core is imported inside each function because SQLAlchemy alone costs about
half a second of start-up, which the window spends painting instead.  A worker opens its own handle on the
file rather than sharing the window's, so the window's handle is only ever used from the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.interchange import ExportSummary, ImportSummary
    from app.persistence.database import Database


def open_database_at(path: Path) -> Database:
    from app.persistence.database import open_database

    return open_database(path)


def open_demo_database() -> Database:
    from app.demo_setup import ensure_demo_database
    from app.persistence.database import open_database

    return open_database(ensure_demo_database())


def open_startup_database(explicit: Path | None, demo: bool, last: str) -> Database:
    """``--demo``, else ``--db``, else the database used last time if it is still there, else the default."""
    from app.persistence.database import default_database_path, open_database

    if demo:
        return open_demo_database()
    if explicit is not None:
        return open_database(explicit)
    if last and Path(last).is_file():
        return open_database(Path(last))
    return open_database(default_database_path())


def import_package_into(database: Path, package: Path) -> ImportSummary:
    from app.interchange import import_package
    from app.persistence.database import open_database

    db = open_database(database)
    try:
        return import_package(db, package)
    finally:
        db.close()


def export_meeting_package(database: Path, meeting_uuids: list[str], out: Path) -> ExportSummary:
    from app.interchange import export_package
    from app.persistence.database import open_database

    db = open_database(database)
    try:
        return export_package(db, meeting_uuids, out)
    finally:
        db.close()


def import_message(summary: ImportSummary, file_name: str) -> tuple[str, str]:
    """The headline and the detail of an import, for a message box."""
    if not summary.changed:
        return (_("{file} brought nothing new: this database already holds all of it.").format(file=file_name), "")
    count = len(summary.meetings)
    headline = ngettext("Imported {file}: {count} meeting ({meetings}).",
                        "Imported {file}: {count} meetings ({meetings}).", count).format(
        file=file_name, count=count, meetings=", ".join(summary.meetings))
    created, updated = summary.created_total, summary.updated_total
    detail = " ".join((
        ngettext("{count} record added.", "{count} records added.", created).format(count=created),
        ngettext("{count} record updated.", "{count} records updated.", updated).format(count=updated),
    ))
    return headline, detail


def export_message(summary: ExportSummary) -> tuple[str, str]:
    count = len(summary.meetings)
    headline = ngettext("Exported {count} meeting ({meetings}) to {path}.",
                        "Exported {count} meetings ({meetings}) to {path}.", count).format(
        count=count, meetings=", ".join(summary.meetings), path=summary.path)
    detail = ngettext("The package holds {count} document file.", "The package holds {count} document files.",
                      summary.files).format(count=summary.files)
    return headline, detail
