"""The comment matrix of a version as an XLSX workbook for partners, and their filled workbook read back.

The export writes one row per comment under a fixed header (the reference column holds each comment's
UUID, which is how a returned row finds its comment) and a hidden ``chairdesk`` sheet naming the version
and its SHA-256, so a matrix cannot be read into the wrong document.  Reading never writes: it returns a
plan — new comments, changed cells, and the rows it could not take with the reason — that the user
confirms before ``apply_comment_import`` writes it in one transaction.  A returned cell left empty never
erases what the database holds; every text is written as text, never as a formula.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain.enums import Disposition
from app.domain.models import DocumentVersion, Organisation, ReviewComment
from app.domain.rules import fold
from app.errors import ChairdeskError, DomainError
from app.i18n import _
from app.persistence.base import new_uuid
from app.persistence.database import Database
from app.services import common
from app.services.directory import organisation_view
from app.services.reviews import apply_comment_values, new_comment

FORMAT = "chairdesk-comment-matrix"
FORMAT_VERSION = 1
META_SHEET = "chairdesk"
HEADER_ROW = 5
COLUMNS = ("key", "number", "organisation", "reviewer_name", "section", "comment", "proposed_change", "disposition",
           "response", "received_on")
TEXT_FIELDS = ("reviewer_name", "section", "comment", "proposed_change", "response")
WIDTHS = (12, 5, 16, 22, 18, 50, 40, 16, 40, 13)


@dataclass(frozen=True)
class MatrixProblem:
    row: int
    message: str


@dataclass(frozen=True)
class MatrixComment:
    """A new comment found in the workbook, with the UUID it will have."""

    row: int
    uuid: str
    organisation_uuid: str
    organisation_short: str
    reviewer_name: str
    section: str
    comment: str
    proposed_change: str
    disposition: Disposition | None
    response: str
    received_on: date | None


@dataclass(frozen=True)
class MatrixChange:
    name: str
    old: Any
    new: Any


@dataclass(frozen=True)
class MatrixUpdate:
    row: int
    uuid: str
    changes: tuple[MatrixChange, ...]


@dataclass(frozen=True)
class MatrixImportPlan:
    version_uuid: str
    file_name: str
    new: tuple[MatrixComment, ...] = field(default=())
    updates: tuple[MatrixUpdate, ...] = field(default=())
    unchanged: int = 0
    problems: tuple[MatrixProblem, ...] = field(default=())

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.updates)


# --- export --------------------------------------------------------------------------------------------------------

def export_comment_matrix(db: Database, version_uuid: str, out: Path, language: str = "en") -> int:
    """Write the matrix of a version to ``out`` (.xlsx), atomically; returns the number of comments."""
    # openpyxl and the report's language tools are imported here: only this export needs them.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from app.reports.options import Lang

    lang = Lang(language)
    _ = lang.gettext  # noqa: F811  (the headers in the language of the export, marked for extraction)
    if out.suffix.lower() != ".xlsx":
        raise ChairdeskError(_("Choose a file ending in .xlsx."))
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        doc = version.document
        title = doc.title_fr or doc.title_en if language == "fr" else doc.title_en or doc.title_fr
        rows = [(c.uuid, n, organisation_view(c.organisation).short(language) if c.organisation else "",
                 c.reviewer_name, c.section, c.comment, c.proposed_change,
                 lang.label(c.disposition) if c.disposition else "", c.response, c.received_on)
                for n, c in enumerate(version.comments, start=1)]
        meta = {"format": FORMAT, "format_version": FORMAT_VERSION, "version_uuid": version.uuid,
                "document_uuid": doc.uuid, "version_number": version.number, "sha256": version.sha256,
                "file_name": version.file_name, "header_row": HEADER_ROW, "language": language}
        deadline = version.review_deadline
        number, file_name, sha = version.number, version.file_name, version.sha256
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Comment matrix")[:31]
    sheet["A1"] = _("{title} — version {number}").format(title=title, number=number)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = _("File: {file} · SHA-256: {sha256}").format(file=file_name, sha256=sha)
    if deadline:
        sheet["A3"] = _("Comments are due by {date}.").format(date=lang.date(deadline))
        sheet["A3"].font = Font(bold=True)
    sheet["A4"] = _("One comment per row; add new comments on the empty rows at the end and leave the Ref. "
                    "column as it is.")
    headers = (_("Ref."), _("No."), _("Organisation"), _("Reviewer"), _("Section or page"), _("Comment"),
               _("Proposed change"), _("Disposition"), _("Response of the secretariat"), _("Received on"))
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, column, header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.data_type = "s"
    for index, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(HEADER_ROW + 1 + index, column, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text: a comment starting with "=" never runs as a formula
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
    choices = ",".join(lang.label(d) for d in Disposition)
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    sheet.add_data_validation(validation)
    validation.add(f"H{HEADER_ROW + 1}:H{HEADER_ROW + len(rows) + 200}")
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(HEADER_ROW, column).column_letter].width = width
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    hidden = book.create_sheet(META_SHEET)
    for key, setting in meta.items():
        hidden.append([key, setting])
    hidden.sheet_state = "hidden"
    _save(book, out)
    return len(rows)


def _save(book: Any, out: Path) -> None:
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ChairdeskError(_("The folder {folder} does not exist.").format(folder=folder))
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".chairdesk-", suffix=".xlsx")
    os.close(handle)
    temp = Path(temp_name)
    try:
        book.save(temp)
        temp.replace(out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ChairdeskError(_("Cannot write {file}: {reason}").format(file=out, reason=exc.strerror or exc)) from exc


# --- reading a returned matrix -------------------------------------------------------------------------------------

def _read(path: Path) -> tuple[dict[str, str], list[tuple[int, list[Any]]]]:
    from openpyxl import load_workbook  # only this import needs it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise ChairdeskError(_("{file} is not a readable XLSX workbook.").format(file=path.name)) from exc
    try:
        if META_SHEET not in book.sheetnames:
            raise ChairdeskError(_("{file} is not a comment matrix written by Chairdesk.").format(file=path.name))
        meta = {str(row[0]): str(row[1]) for row in book[META_SHEET].iter_rows(values_only=True)
                if row and row[0] is not None and len(row) > 1}
        sheet = next(ws for ws in book.worksheets if ws.title != META_SHEET)
        header = int(meta.get("header_row", HEADER_ROW))
        rows = [(number, list(values) + [None] * (len(COLUMNS) - len(values)))
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1) if number > header]
    except (StopIteration, ValueError) as exc:
        raise ChairdeskError(_("{file} is not a comment matrix written by Chairdesk.").format(file=path.name)) from exc
    finally:
        book.close()
    if meta.get("format") != FORMAT:
        raise ChairdeskError(_("{file} is not a comment matrix written by Chairdesk.").format(file=path.name))
    return meta, rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ValueError(str(value)) from exc


def _disposition_lookup() -> dict[str, Disposition]:
    from app.reports.options import Lang

    table: dict[str, Disposition] = {}
    for code in ("en", "fr"):
        lang = Lang(code)
        for value in Disposition:
            table[fold(lang.label(value))] = value
            table[fold(value.value)] = value
            table[fold(value.value.replace("_", " "))] = value
    return table


def plan_comment_import(db: Database, version_uuid: str, path: Path, language: str = "en") -> MatrixImportPlan:
    """Read a returned matrix and say what importing it would do; writes nothing."""
    meta, rows = _read(path)
    dispositions = _disposition_lookup()
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        if meta.get("version_uuid") != version.uuid:
            raise ChairdeskError(_("{file} is the matrix of another document or version (version {number} of "
                                   "another text); nothing was imported.").format(
                file=path.name, number=meta.get("version_number", "?")))
        existing = {c.uuid: c for c in version.comments}
        orgs: dict[str, Organisation] = {}
        for org in session.execute(select(Organisation)).scalars():
            for name in (org.acronym_en, org.acronym_fr, org.name_en, org.name_fr):
                if name.strip():
                    orgs.setdefault(fold(name.strip()), org)
        new: list[MatrixComment] = []
        updates: list[MatrixUpdate] = []
        problems: list[MatrixProblem] = []
        seen: set[str] = set()
        unchanged = 0
        for number, cells in rows:
            values = dict(zip(COLUMNS, cells, strict=False))
            if all(_text(v) == "" for v in values.values()) or all(
                    _text(values[k]) == "" for k in COLUMNS if k not in ("key", "number")):
                continue  # an empty row, or one the partner numbered and left blank
            try:
                parsed = _parse_row(values, orgs, dispositions, language)
            except ValueError as exc:
                problems.append(MatrixProblem(number, str(exc)))
                continue
            key = _text(values["key"])
            if key:
                if key in seen:
                    problems.append(MatrixProblem(number, _("This reference appears twice; the row was left out.")))
                    continue
                seen.add(key)
                current = existing.get(key)
                if current is None:
                    problems.append(MatrixProblem(number, _("The reference {key} is not a comment of this version.")
                                                  .format(key=key)))
                    continue
                changes = _changes(current, parsed)
                if changes:
                    updates.append(MatrixUpdate(number, key, tuple(changes)))
                else:
                    unchanged += 1
                continue
            if parsed["organisation"] is None:
                problems.append(MatrixProblem(number, _("Say which organisation made the comment.")))
                continue
            if not (parsed["comment"] or parsed["proposed_change"]):
                problems.append(MatrixProblem(number, _("A comment needs its text or a proposed change.")))
                continue
            org = parsed["organisation"]
            new.append(MatrixComment(
                row=number, uuid=new_uuid(), organisation_uuid=org.uuid,
                organisation_short=organisation_view(org).short(language), reviewer_name=parsed["reviewer_name"],
                section=parsed["section"], comment=parsed["comment"], proposed_change=parsed["proposed_change"],
                disposition=parsed["disposition"], response=parsed["response"],
                received_on=parsed["received_on"] or date.today(),
            ))
        return MatrixImportPlan(version_uuid=version.uuid, file_name=path.name, new=tuple(new),
                                updates=tuple(updates), unchanged=unchanged, problems=tuple(problems))


def _parse_row(values: dict[str, Any], orgs: dict[str, Organisation], dispositions: dict[str, Disposition],
               language: str) -> dict[str, Any]:
    parsed: dict[str, Any] = {name: _text(values[name]) for name in TEXT_FIELDS}
    org_text = _text(values["organisation"])
    parsed["organisation"] = None
    if org_text:
        parsed["organisation"] = orgs.get(fold(org_text))
        if parsed["organisation"] is None:
            raise ValueError(_("The organisation “{name}” is not in the directory.").format(name=org_text))
    disposition = _text(values["disposition"])
    parsed["disposition"] = None
    if disposition:
        parsed["disposition"] = dispositions.get(fold(disposition))
        if parsed["disposition"] is None:
            raise ValueError(_("“{value}” is not a disposition (accepted, partly accepted, not accepted, noted).")
                             .format(value=disposition))
    try:
        parsed["received_on"] = _date(values["received_on"])
    except ValueError as exc:
        raise ValueError(_("“{value}” is not a date (write it as 2019-09-13).").format(value=exc)) from exc
    for name in TEXT_FIELDS:
        if len(parsed[name]) > 20000:
            raise ValueError(_("A cell holds more than 20,000 characters."))
    return parsed


def _changes(current: ReviewComment, parsed: dict[str, Any]) -> list[MatrixChange]:
    changes = []
    org = parsed["organisation"]
    if org is not None and org.id != current.organisation_id:
        changes.append(MatrixChange("organisation_uuid", current.organisation.uuid if current.organisation else None,
                                    org.uuid))
    for name in (*TEXT_FIELDS, "disposition", "received_on"):
        new = parsed[name]
        if new not in ("", None) and new != getattr(current, name):
            changes.append(MatrixChange(name, getattr(current, name), new))
    return changes


# --- writing the confirmed plan ------------------------------------------------------------------------------------

def apply_comment_import(db: Database, plan: MatrixImportPlan) -> None:
    """Write a confirmed plan in one transaction; refused whole if the matrix changed since it was read."""
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, plan.version_uuid, _("version"))
        for update in plan.updates:
            comment = common.get_by_uuid(session, ReviewComment, update.uuid, _("comment"))
            _check_unchanged(comment, update, old=True)
            apply_comment_values(session, comment, {c.name: c.new for c in update.changes})
        for row in plan.new:
            comment = new_comment(session, version, row.uuid, None)
            apply_comment_values(session, comment, _values(row))
            session.flush()


def undo_comment_import(db: Database, plan: MatrixImportPlan) -> None:
    """Take an applied plan back: its new comments removed, its changed cells as they were."""
    with db.transaction() as session:
        for row in plan.new:
            comment = session.execute(select(ReviewComment).where(ReviewComment.uuid == row.uuid)).scalar_one_or_none()
            if comment is not None:
                session.delete(comment)
        for update in plan.updates:
            comment = common.get_by_uuid(session, ReviewComment, update.uuid, _("comment"))
            _check_unchanged(comment, update, old=False)
            apply_comment_values(session, comment, {c.name: c.old for c in update.changes})


def _check_unchanged(comment: ReviewComment, update: MatrixUpdate, old: bool) -> None:
    for change in update.changes:
        now: Any = (comment.organisation.uuid if comment.organisation else None) if change.name == "organisation_uuid" \
            else getattr(comment, change.name)
        if now != (change.old if old else change.new):
            raise DomainError(_("The comment matrix changed since the workbook was read; read it again."))


def _values(row: MatrixComment) -> dict[str, Any]:
    return {"organisation_uuid": row.organisation_uuid, "reviewer_name": row.reviewer_name, "section": row.section,
            "comment": row.comment, "proposed_change": row.proposed_change, "disposition": row.disposition,
            "response": row.response, "received_on": row.received_on}
