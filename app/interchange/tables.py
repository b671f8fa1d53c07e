"""Writing a table of text to CSV or XLSX for people to open in a spreadsheet, safely.

A cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, or a tab/carriage return
first) is neutralised with a leading apostrophe, the OWASP advice against CSV injection: the text is kept,
the formula never runs.  CSV is UTF-8 with a BOM so that Excel reads accents right.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from app.errors import ChairdeskError
from app.i18n import _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_table(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], sheet_title: str = "") -> Path:
    """Write ``rows`` under ``headers`` to ``path`` (.csv or .xlsx by its suffix), atomically."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ChairdeskError(_("Choose a file ending in .csv or .xlsx."))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ChairdeskError(_("The folder {folder} does not exist.").format(folder=folder))
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".chairdesk-", suffix=suffix)
    os.close(handle)
    temp = Path(temp_name)
    try:
        if suffix == ".csv":
            with temp.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow([neutralise(h) for h in headers])
                writer.writerows([neutralise(cell) for cell in row] for row in rows)
        else:
            _write_xlsx(temp, headers, rows, sheet_title)
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ChairdeskError(_("Cannot write {file}: {reason}").format(file=path, reason=exc.strerror or exc)) from exc
    return path


def _write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], title: str) -> None:
    # openpyxl is imported here, not at start-up: only exports need it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = (title or "Chairdesk")[:31]
    sheet.append([neutralise(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(cell) for cell in row])
    for cell in sheet[1]:
        # Stored as text, never as a formula, whatever the cell holds.
        cell.data_type = "s"
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max((len(str(c.value or "")) for c in column), default=8)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    book.save(path)
