"""Printed outputs: minutes, agenda, sign-in sheet, action register and attendee list as PDF, and the
minutes as an editable DOCX.

The renderers (``app.reports.minutes``, ``.agenda``, ``.lists``, ``.docx``) take the frozen records of
``app.services.outputs`` and write to a binary stream; ``render_output`` reads the record and renders it in
one call, for the command line and the app's worker threads.  Every renderer takes an optional
``progress(done, total)`` and ``cancelled()``; when ``cancelled()`` turns true it raises ``Cancelled``.

This package imports no ReportLab, pypdf or python-docx at import time: the renderer modules, which do, are
imported inside the functions below, so that the app and the command line start fast.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from app.errors import ChairdeskError
from app.i18n import _
from app.reports.options import (
    LANGUAGE_MODES,
    OUTPUT_KINDS,
    PAPERS,
    Cancelled,
    CopyMark,
    IsCancelled,
    LanguageMode,
    OutputKind,
    OutputOptions,
    Paper,
    Progress,
    default_paper,
    paper_for_locale,
)

if TYPE_CHECKING:
    from app.persistence.database import Database

__all__ = [
    "LANGUAGE_MODES", "OUTPUT_KINDS", "PAPERS", "Cancelled", "CopyMark", "IsCancelled", "LanguageMode",
    "OutputKind", "OutputOptions", "Paper", "Progress", "default_paper", "export_files", "numbered_copy_path",
    "paper_for_locale", "render_minutes_docx", "render_output", "render_output_bytes", "write_output",
]


def render_output(db: Database, kind: OutputKind, meeting: str | None, out: BinaryIO,
                  options: OutputOptions | None = None, progress: Progress | None = None,
                  cancelled: IsCancelled | None = None) -> int:
    """Render one output of ``meeting`` (reference or UUID; for ``actions`` None means every meeting) as a
    PDF into ``out``; returns the number of pages."""
    from app.services.outputs import action_register, content_hash, meeting_record

    chosen = options or OutputOptions()
    if progress is not None:
        progress(0, 1)
    if kind == "actions":
        from app.reports.lists import render_actions

        return render_actions(action_register(db, meeting), out, chosen, progress, cancelled)
    if not meeting:
        raise ChairdeskError(_("Say which meeting with --meeting REF."))
    record = meeting_record(db, meeting)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if kind == "minutes":
        from app.reports.minutes import render_minutes

        return render_minutes(record, content_hash(record), out, chosen, progress, cancelled)
    if kind == "agenda":
        from app.reports.agenda import render_agenda

        return render_agenda(record, out, chosen, progress, cancelled)
    if kind == "signin":
        from app.reports.agenda import render_signin

        return render_signin(record, out, chosen, progress, cancelled)
    if kind == "attendees":
        from app.reports.lists import render_attendees

        return render_attendees(record, out, chosen, progress, cancelled)
    raise ChairdeskError(_("Unknown output {kind}.").format(kind=kind))


def render_output_bytes(db: Database, kind: OutputKind, meeting: str | None, options: OutputOptions | None = None,
                        progress: Progress | None = None, cancelled: IsCancelled | None = None) -> bytes:
    buffer = io.BytesIO()
    render_output(db, kind, meeting, buffer, options, progress, cancelled)
    return buffer.getvalue()


def render_minutes_docx(db: Database, meeting: str, out: BinaryIO, options: OutputOptions | None = None,
                        progress: Progress | None = None, cancelled: IsCancelled | None = None) -> None:
    """The minutes as an editable Word document (python-docx), for translators and offices that finish
    documents in Word."""
    from app.reports.docx import render_minutes_docx as render
    from app.services.outputs import content_hash, meeting_record

    record = meeting_record(db, meeting)
    render(record, content_hash(record), out, options or OutputOptions(), progress, cancelled)


def write_output(db: Database, kind: OutputKind, meeting: str | None, path: Path,
                 options: OutputOptions | None = None, progress: Progress | None = None,
                 cancelled: IsCancelled | None = None) -> bytes:
    """Render to a file (``.docx`` for the minutes gives the Word document); returns the bytes written.

    The file appears only once complete: it is written beside the target and moved into place.
    """
    buffer = io.BytesIO()
    if path.suffix.lower() == ".docx":
        if kind != "minutes":
            raise ChairdeskError(_("Only the minutes can be written as a Word document (.docx)."))
        render_minutes_docx(db, meeting or "", buffer, options, progress, cancelled)
    else:
        render_output(db, kind, meeting, buffer, options, progress, cancelled)
    data = buffer.getvalue()
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ChairdeskError(_("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror)) from exc
    return data


def numbered_copy_path(path: Path, number: int, total: int) -> Path:
    """``minutes.pdf`` -> ``minutes-copy-07.pdf`` (as many digits as the total needs)."""
    digits = max(2, len(str(total)))
    return path.with_name(f"{path.stem}-copy-{number:0{digits}d}{path.suffix}")


def export_files(db: Database, kind: OutputKind, meeting: str | None, path: Path,
                 options: OutputOptions | None = None, copies: int = 0, recipients: Sequence[str] = (),
                 progress: Progress | None = None, cancelled: IsCancelled | None = None) -> list[Path]:
    """Write an output to ``path``, or numbered copies beside it ("Copy 7 of 25 — NCA" on every page), each
    copy recorded in the distribution log with the SHA-256 of its file; returns the files written."""
    from dataclasses import replace

    from app.services.outputs import CopyIssued, record_distribution

    chosen = options or OutputOptions()
    total = max(copies, len(recipients))
    if total <= 0:
        write_output(db, kind, meeting, path, chosen, progress, cancelled)
        return [path]
    if path.suffix.lower() == ".docx":
        raise ChairdeskError(_("Numbered copies are made as PDF files only."))
    written: list[Path] = []
    issued: list[CopyIssued] = []
    for number in range(1, total + 1):
        recipient = recipients[number - 1] if number <= len(recipients) else ""
        target = numbered_copy_path(path, number, total)
        data = write_output(db, kind, meeting, target, replace(chosen, copy=CopyMark(number, total, recipient)),
                            None, cancelled)
        if progress is not None:
            progress(number, total)
        written.append(target)
        issued.append(CopyIssued(number, total, recipient, hashlib.sha256(data).hexdigest()))
    record_distribution(db, meeting, kind, chosen.language, issued, method="file",
                        note=_("Numbered copies written to {folder}").format(folder=path.parent))
    return written
