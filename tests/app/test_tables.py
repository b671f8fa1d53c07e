"""Spreadsheet exports keep the text and never let a cell run as a formula."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import ChairdeskError
from app.interchange.tables import neutralise, write_table

ROWS = [["Łukasz Wiśniewski", "=HYPERLINK(\"http://evil\")"], ["Ødegård", "+1 555 0100"], ["Nguyễn", "@SUM(A1)"],
        ["Plain", "-2+3"]]


def test_neutralise() -> None:
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("Thorbjørn") == "Thorbjørn"
    assert neutralise(None) == ""


def test_csv_has_bom_accents_and_no_formulas(tmp_path: Path) -> None:
    path = write_table(tmp_path / "people.csv", ["Name", "Note"], ROWS)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1] == ["Łukasz Wiśniewski", "'=HYPERLINK(\"http://evil\")"]
    assert [r[1][0] for r in rows[1:]] == ["'", "'", "'", "'"]


def test_xlsx_cells_are_text(tmp_path: Path) -> None:
    path = write_table(tmp_path / "people.xlsx", ["Name", "Note"], ROWS, "People")
    sheet = load_workbook(path).active
    assert sheet.title == "People"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Name", "Note"]
    assert values[1] == ["Łukasz Wiśniewski", "'=HYPERLINK(\"http://evil\")"]
    assert all(c.data_type == "s" for row in sheet.iter_rows() for c in row)


def test_bad_destination(tmp_path: Path) -> None:
    with pytest.raises(ChairdeskError):
        write_table(tmp_path / "people.txt", ["Name"], [])
    with pytest.raises(ChairdeskError):
        write_table(tmp_path / "missing" / "people.csv", ["Name"], [])
