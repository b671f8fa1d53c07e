"""The directory's commands: ``chairdesk import people FILE`` and ``chairdesk export people|organisations``.

``app.cli`` parses the arguments and opens the database; the work and what is printed are here.  An import
prints how it read the file, then every row with what it becomes (new, update of whom and why, already
there, refused and why).  A refused row stops the whole import, with nothing written, unless ``--skip-bad``
is given; ``--dry-run`` prints the same and writes nothing.  Both end with status 2 when rows were refused
and ``--skip-bad`` was not given, so that a script can tell.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from app.i18n import _, current_language, ngettext
from app.interchange.directory_export import export_organisations, export_people
from app.interchange.spreadsheet_import import Sheet, read_sheet
from app.interchange.spreadsheet_mapping import ImportKind, Target, guess_mapping, target_label
from app.persistence.database import Database
from app.services.directory_import import apply_import, preview_import
from app.services.import_plan import (
    ImportOptions,
    ImportPreview,
    ImportResult,
    Outcome,
    RowPlan,
    outcome_label,
)

EXIT_OK = 0
EXIT_REFUSED = 2


def describe_reading(sheet: Sheet, mapping: tuple[Target, ...]) -> list[str]:
    """How the file was read and which column becomes what, one line each."""
    lines = [ngettext("{file}: {count} row", "{file}: {count} rows", len(sheet.rows)).format(
        file=sheet.file_name, count=len(sheet.rows))]
    if sheet.encoding:
        delimiter = {"\t": _("tab"), " ": _("space")}.get(sheet.delimiter, sheet.delimiter)
        lines.append(_("Read as {encoding}, columns separated by “{delimiter}”.").format(
            encoding=sheet.encoding, delimiter=delimiter))
    used = [_("{header} → {field}").format(header=h, field=target_label(t))
            for h, t in zip(sheet.headers, mapping, strict=True) if t != Target.IGNORE]
    ignored = [h for h, t in zip(sheet.headers, mapping, strict=True) if t == Target.IGNORE]
    lines.append(_("Columns: {columns}").format(columns=", ".join(used)))
    if ignored:
        lines.append(_("Ignored columns: {columns}").format(columns=", ".join(ignored)))
    return lines


def describe_row(row: RowPlan) -> list[str]:
    """``Row 4: update — Stephen White (RCMP)`` and, indented, why and what changes."""
    lines = [_("Row {row}: {outcome} — {who}").format(row=row.row_number, outcome=outcome_label(row.outcome),
                                                       who=row.label)]
    if row.outcome == Outcome.REFUSED:
        lines += [f"    {reason}" for reason in row.reasons]
    elif row.existing_uuid:
        lines.append("    " + _("Matches {name} ({reason}).").format(name=row.existing_label, reason=row.match))
        for change in row.changes:
            lines.append("    " + _("{field}: “{before}” → “{after}”").format(
                field=target_label(Target(change.field)), before=change.before, after=change.after))
    return lines


def describe_counts(preview: ImportPreview) -> str:
    return _("To add: {new} · to update: {update} · already there: {unchanged} · refused: {refused}").format(
        new=preview.count(Outcome.NEW), update=preview.count(Outcome.UPDATE),
        unchanged=preview.count(Outcome.UNCHANGED), refused=preview.count(Outcome.REFUSED))


def result_summary(result: ImportResult) -> str:
    """``2 people created, 1 updated, 1 organisation created``."""
    created, updated, made = len(result.created), len(result.updated), len(result.organisations_created)
    if result.kind == ImportKind.PEOPLE:
        parts = [ngettext("{count} person created", "{count} people created", created).format(count=created)]
    else:
        parts = [ngettext("{count} organisation created", "{count} organisations created", created).format(
            count=created)]
    parts.append(ngettext("{count} updated", "{count} updated", updated).format(count=updated))
    if made:
        parts.append(ngettext("{count} organisation created", "{count} organisations created", made).format(count=made))
    return ", ".join(parts)


def run_import_people(args: argparse.Namespace, db: Database, out: TextIO) -> int:
    sheet = read_sheet(Path(args.file))
    mapping = guess_mapping(sheet.headers, ImportKind.PEOPLE)
    options = ImportOptions(ImportKind.PEOPLE, bool(getattr(args, "create_organisations", False)), current_language())
    preview = preview_import(db, sheet, mapping, options)
    for line in describe_reading(sheet, mapping):
        out.write(line + "\n")
    for row in preview.rows:
        for line in describe_row(row):
            out.write(line + "\n")
    out.write(describe_counts(preview) + "\n")
    if preview.new_organisations:
        out.write(_("Organisations to create: {names}").format(
            names=", ".join(o.name for o in preview.new_organisations)) + "\n")
    refused = preview.count(Outcome.REFUSED)
    if refused and not args.skip_bad:
        if any(row.unknown_organisation for row in preview.refused):
            sys.stderr.write(_("chairdesk: use --create-organisations to add the organisations that are not in "
                               "the directory.") + "\n")
        sys.stderr.write(ngettext(
            "chairdesk: {count} row refused; nothing was imported (--skip-bad imports the other rows).",
            "chairdesk: {count} rows refused; nothing was imported (--skip-bad imports the other rows).",
            refused).format(count=refused) + "\n")
        return EXIT_REFUSED
    if args.dry_run:
        out.write(_("Dry run: nothing was written.") + "\n")
        return EXIT_OK
    result = apply_import(db, sheet, mapping, options)
    out.write(_("Imported into {path}: {summary}.").format(path=db.path, summary=result_summary(result)) + "\n")
    return EXIT_OK


def run_directory_export(args: argparse.Namespace, db: Database, out: TextIO) -> int:
    target = Path(args.out)
    if args.what == "people":
        count = export_people(db, target)
        message = ngettext("Exported {count} person to {path}", "Exported {count} people to {path}", count)
    else:
        count = export_organisations(db, target)
        message = ngettext("Exported {count} organisation to {path}", "Exported {count} organisations to {path}",
                           count)
    out.write(message.format(count=count, path=target) + "\n")
    return EXIT_OK
