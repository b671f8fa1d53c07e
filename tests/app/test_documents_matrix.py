"""The comment matrix as XLSX: exported for partners, read back without writing, problems listed row by
row, applied in one transaction once confirmed, and taken back again (undo)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.enums import Disposition
from app.errors import ChairdeskError, DomainError
from app.interchange.comment_matrix import (
    HEADER_ROW,
    apply_comment_import,
    export_comment_matrix,
    plan_comment_import,
    undo_comment_import,
)
from app.persistence.database import Database
from app.services import directory, documents, reviews


@pytest.fixture
def version(db: Database) -> tuple[str, dict[str, str]]:
    orgs = {key: directory.create_organisation(db, name_en=name, name_fr=name_fr, acronym_en=key.upper(),
                                               relation="member").uuid
            for key, name, name_fr in (("ceop", "Child Exploitation and Online Protection Centre", ""),
                                       ("europol", "Europol", "Europol"),
                                       ("rcmp", "Royal Canadian Mounted Police", "Gendarmerie royale du Canada"))}
    doc = documents.create_document(db, title_en="VGT Environmental Scan 2019", kind="environmental_scan")
    v = documents.store_version(db, doc.uuid, "scan-v1.pdf", b"%PDF draft").uuid
    documents.update_version(db, v, {"review_deadline": date(2019, 9, 13)})
    reviews.add_comment(db, v, organisation_uuid=orgs["ceop"], reviewer_name="Jane Pennington",
                        section="2. Global threat picture", comment="Say what a report counts.",
                        proposed_change="Add a footnote.", received_on=date(2019, 9, 10))
    reviews.add_comment(db, v, organisation_uuid=orgs["europol"], section="4. Encryption",
                        comment="=HYPERLINK(\"http://example.invalid\") acknowledge privacy", received_on=date(2019, 9, 12))
    return v, orgs


def test_export_writes_the_matrix_with_its_references_and_no_formula(db: Database, tmp_path: Path,
                                                                    version: tuple[str, dict[str, str]]) -> None:
    out = tmp_path / "matrix.xlsx"
    assert export_comment_matrix(db, version[0], out, "fr") == 2
    book = load_workbook(out)
    sheet = book.worksheets[0]
    assert "version 1" in sheet["A1"].value and "SHA-256" in sheet["A2"].value
    assert "13 septembre 2019" in sheet["A3"].value
    assert sheet.cell(HEADER_ROW, 3).value == "Organisation" and sheet.cell(HEADER_ROW, 1).font.bold
    first = [c.value for c in sheet[HEADER_ROW + 1]]
    assert first[2] == "CEOP" and first[5] == "Say what a report counts."
    formula = sheet.cell(HEADER_ROW + 2, 6)
    assert formula.data_type == "s" and formula.value.startswith("=HYPERLINK")  # text, never run
    assert book["chairdesk"].sheet_state == "hidden"


def _fill(path: Path, rows: dict[int, dict[int, object]]) -> None:
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for row, cells in rows.items():
        for column, value in cells.items():
            sheet.cell(HEADER_ROW + row, column, value)
    book.save(path)


def test_a_filled_matrix_is_planned_then_applied_then_undone(db: Database, tmp_path: Path,
                                                            version: tuple[str, dict[str, str]]) -> None:
    v, orgs = version
    out = tmp_path / "matrix.xlsx"
    export_comment_matrix(db, v, out)
    before = reviews.review_state(db, v).comments
    _fill(out, {
        1: {8: "Accepted", 9: "Footnote added in version 2.", 6: None},  # emptied comment cell: never erases
        3: {3: "Gendarmerie royale du Canada", 4: "Luc Tremblay", 5: "Annex B", 6: "Add national hotlines.", 10: datetime(2019, 9, 13)},
        4: {3: "Police of Atlantis", 6: "Unknown organisation"},  # a broken row
        5: {3: "Europol", 6: "Bad date", 10: "13/09/2019"},  # a broken row
        6: {1: "not-a-reference", 3: "CEOP", 6: "Forged"},  # a broken row
        7: {3: "Europol", 6: "Partly", 8: "retenu en partie"},  # French disposition
    })
    plan = plan_comment_import(db, v, out)
    assert reviews.review_state(db, v).comments == before  # reading wrote nothing
    assert [p.row for p in plan.problems] == [HEADER_ROW + 4, HEADER_ROW + 5, HEADER_ROW + 6]
    assert "Police of Atlantis" in plan.problems[0].message and "13/09/2019" in plan.problems[1].message
    assert [(n.organisation_short, n.reviewer_name, n.received_on) for n in plan.new] == [
        ("RCMP", "Luc Tremblay", date(2019, 9, 13)), ("EUROPOL", "", date.today())]
    assert plan.new[1].disposition == Disposition.PARTLY_ACCEPTED
    assert [(c.name, c.old, c.new) for c in plan.updates[0].changes] == [
        ("response", "", "Footnote added in version 2."), ("disposition", None, Disposition.ACCEPTED)]
    assert plan.unchanged == 1
    apply_comment_import(db, plan)
    after = reviews.review_state(db, v).comments
    assert len(after) == 4 and after[0].disposition == Disposition.ACCEPTED
    assert after[0].comment == "Say what a report counts."  # the emptied cell erased nothing
    assert after[2].organisation_uuid == orgs["rcmp"] and after[2].uuid == plan.new[0].uuid
    undo_comment_import(db, plan)
    assert reviews.review_state(db, v).comments == before
    apply_comment_import(db, plan)  # redo: the same rows again, same UUIDs
    assert [c.uuid for c in reviews.review_state(db, v).comments] == [c.uuid for c in after]


def test_a_stale_plan_is_refused_whole(db: Database, tmp_path: Path, version: tuple[str, dict[str, str]]) -> None:
    v, _orgs = version
    out = tmp_path / "matrix.xlsx"
    export_comment_matrix(db, v, out)
    _fill(out, {1: {8: "Noted"}, 3: {3: "CEOP", 6: "New"}})
    plan = plan_comment_import(db, v, out)
    first = reviews.review_state(db, v).comments[0]
    reviews.update_comment(db, first.uuid, {"disposition": Disposition.NOT_ACCEPTED})
    with pytest.raises(DomainError):
        apply_comment_import(db, plan)
    assert len(reviews.review_state(db, v).comments) == 2  # the new row was not written either


def test_a_malformed_or_foreign_file_is_refused(db: Database, tmp_path: Path,
                                               version: tuple[str, dict[str, str]]) -> None:
    v, _orgs = version
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    with pytest.raises(ChairdeskError, match="not a readable XLSX"):
        plan_comment_import(db, v, junk)
    other_doc = documents.create_document(db, title_en="Terms of reference")
    other = documents.store_version(db, other_doc.uuid, "tor.docx", b"PK").uuid
    out = tmp_path / "matrix.xlsx"
    export_comment_matrix(db, other, out)
    with pytest.raises(ChairdeskError, match="another document or version"):
        plan_comment_import(db, v, out)
    plain = tmp_path / "plain.xlsx"
    from openpyxl import Workbook

    Workbook().save(plain)
    with pytest.raises(ChairdeskError, match="not a comment matrix"):
        plan_comment_import(db, v, plain)
