"""Reading a list of people or organisations that someone sends as a spreadsheet, before anything is written.

``read_sheet(path)`` reads CSV in whatever encoding and delimiter it comes (a BOM says UTF-8 or UTF-16;
otherwise UTF-8 is tried, then Windows-1252, then Latin-1, which never fails; the delimiter is sniffed among
``, ; TAB |`` and checked against the sample) or the active sheet of an XLSX workbook, into a ``Sheet`` of
plain text: the first non-blank row is the header, blank rows are dropped, the apostrophe our own exports put
before a formula-like cell is taken off again.  Which column holds what is ``spreadsheet_mapping``'s
business; nothing here touches the database.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from app.errors import ChairdeskError
from app.i18n import _
from app.interchange.tables import FORMULA_STARTS

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (",", ";", "\t", "|")
SNIFF_LINES = 30


@dataclass(frozen=True)
class Sheet:
    """A table of text: the header row and the data rows (blank rows dropped), each as wide as the header."""

    file_name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]  # where each data row is in the file, the header being row 1 or later
    encoding: str = ""  # CSV only: how the bytes were read
    delimiter: str = ""  # CSV only

    def column(self, index: int) -> list[str]:
        return [row[index] for row in self.rows]


# --- reading -------------------------------------------------------------------------------------------------

def read_sheet(path: Path) -> Sheet:
    """A CSV or XLSX file as a ``Sheet``; a file that cannot be read raises ``ChairdeskError``, translated."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise ChairdeskError(_("Choose a file ending in .csv or .xlsx."))
    if not path.is_file():
        raise ChairdeskError(_("No such file: {path}").format(path=path))
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ChairdeskError(_("Cannot read {file}: {reason}").format(file=path.name, reason=exc.strerror or exc)) from exc
    return parse_csv(data, path.name)


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: csv.Sniffer's answer if the sample agrees with it, else the best of ``,;\\t|``."""
    lines = [line for line in text.splitlines() if line.strip()][:SNIFF_LINES]
    if not lines:
        return ","
    sample = "\n".join(lines)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed and _consistency(lines, sniffed) >= 0.8:
        return sniffed
    scored = [(_consistency(lines, d), _width(lines[0], d), -DELIMITERS.index(d), d) for d in DELIMITERS]
    best = max(scored)
    return best[3] if best[1] > 1 else ","


def _width(line: str, delimiter: str) -> int:
    return len(next(csv.reader([line], delimiter=delimiter), []))


def _consistency(lines: list[str], delimiter: str) -> float:
    """The share of rows as wide as the header, 0 when the header is a single column."""
    rows = list(csv.reader(lines, delimiter=delimiter))
    if not rows or len(rows[0]) < 2:
        return 0.0
    width = len(rows[0])
    return sum(1 for row in rows if len(row) == width) / len(rows)


def parse_csv(data: bytes, file_name: str = "") -> Sheet:
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"'))
    except csv.Error as exc:
        raise ChairdeskError(_("{file} is not a readable CSV file: {reason}").format(file=file_name, reason=exc)) from exc
    numbered = [(number, record) for number, record in enumerate(records, start=1)]
    return _sheet(file_name, numbered, encoding, delimiter)


def read_xlsx(path: Path) -> Sheet:
    # openpyxl is imported here, not at start-up: only spreadsheet imports need it.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise ChairdeskError(_("{file} is not a readable XLSX workbook.").format(file=path.name)) from exc
    try:
        sheet = book.active if book.active is not None else book.worksheets[0]
        numbered = [(number, [_cell_text(value) for value in values])
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
    return _sheet(path.name, numbered, "", "")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed as a number
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _unneutralised(text: str) -> str:
    # Our own exports (app.interchange.tables) put an apostrophe before a formula-like start: take it off.
    text = text.strip()
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def _sheet(file_name: str, numbered: Sequence[tuple[int, Sequence[str]]], encoding: str, delimiter: str) -> Sheet:
    cleaned = [(number, [_unneutralised(cell) for cell in record]) for number, record in numbered]
    cleaned = [(number, record) for number, record in cleaned if any(record)]
    if not cleaned:
        raise ChairdeskError(_("{file} has no rows.").format(file=file_name))
    (_header_number, header), data = cleaned[0], cleaned[1:]
    width = max(len(record) for _number, record in cleaned)
    headers = tuple(header[i] if i < len(header) and header[i] else _("Column {number}").format(number=i + 1)
                    for i in range(width))
    rows = tuple(tuple(record) + ("",) * (width - len(record)) for _number, record in data)
    return Sheet(file_name, headers, rows, tuple(number for number, _record in data), encoding, delimiter)
