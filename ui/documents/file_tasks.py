"""The work of the documents screens that runs in a worker thread: reading a file to store, writing a
temporary copy to open or a copy to keep, the comment matrix out and back in, the integrity check.

Each function takes paths and UUIDs and returns plain data; none touches a widget.  A worker opens its own
handle on the database file rather than sharing the window's (see ``ui.database_tasks``).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ChairdeskError
from app.i18n import _

if TYPE_CHECKING:
    from app.interchange.comment_matrix import MatrixImportPlan
    from app.services.document_views import IntegrityReport

MAX_FILE_BYTES = 512 * 1024 * 1024
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def read_file(path: Path) -> tuple[str, bytes]:
    """The name and bytes of a file the user chose or dropped, to store as a version."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ChairdeskError(_("This file is too large to store (more than 512 MiB)."))
        return path.name, path.read_bytes()
    except OSError as exc:
        raise ChairdeskError(_("Cannot read {file}: {reason}").format(file=path, reason=exc.strerror or exc)) from exc


def safe_name(file_name: str) -> str:
    """A stored file name made safe to write on any system (no folders, no reserved characters)."""
    cleaned = _UNSAFE.sub("_", Path(file_name.replace("\\", "/")).name).strip(" .")
    return cleaned or "document"


def temporary_copy(database: Path, version_uuid: str) -> Path:
    """A copy of a version in a new temporary folder, under its own file name, for the system to open.

    The stored bytes are never handed out: the application that opens the copy may change it at will."""
    from app.persistence.database import open_database
    from app.services.documents import read_version_file

    db = open_database(database)
    try:
        stored = read_version_file(db, version_uuid)
    finally:
        db.close()
    folder = Path(tempfile.mkdtemp(prefix="chairdesk-"))
    target = folder / safe_name(stored.file_name)
    target.write_bytes(stored.content)
    return target


def save_copy(database: Path, version_uuid: str, out: Path) -> Path:
    """Write a version's bytes to ``out`` atomically (a partial file never replaces a good one)."""
    from app.persistence.database import open_database
    from app.services.documents import read_version_file

    db = open_database(database)
    try:
        stored = read_version_file(db, version_uuid)
    finally:
        db.close()
    folder = out.parent if str(out.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".chairdesk-")
        with os.fdopen(handle, "wb") as stream:
            stream.write(stored.content)
        Path(temp_name).replace(out)
    except OSError as exc:
        raise ChairdeskError(_("Cannot write {file}: {reason}").format(file=out, reason=exc.strerror or exc)) from exc
    return out


def export_matrix(database: Path, version_uuid: str, out: Path, language: str) -> tuple[Path, int]:
    from app.interchange.comment_matrix import export_comment_matrix
    from app.persistence.database import open_database

    db = open_database(database)
    try:
        return out, export_comment_matrix(db, version_uuid, out, language)
    finally:
        db.close()


def plan_matrix(database: Path, version_uuid: str, path: Path, language: str) -> MatrixImportPlan:
    from app.interchange.comment_matrix import plan_comment_import
    from app.persistence.database import open_database

    db = open_database(database)
    try:
        return plan_comment_import(db, version_uuid, path, language)
    finally:
        db.close()


def check(database: Path) -> IntegrityReport:
    from app.services.integrity import check_database

    return check_database(database)
