"""The import wizard driven as a user would: type the file's path, Next, change a column's choice, Next, read
the problems, Import or Cancel — on semicolon-separated Windows-1252 files with and without a BOM, and XLSX."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from test_directory_support import WAIT_MS, Setup, make_setup, wait_loaded

from app.interchange.spreadsheet_mapping import Target
from app.services import directory
from app.services.import_plan import Outcome
from ui.directory.import_models import PlanColumn
from ui.directory.import_wizard import ImportWizard

CSV = ("Nom;Prénom;Courriel;Organisation;Pays;Téléphone;Titre/Grade;Remarque interne\r\n"
       "White;Stephen;stephen.white@rcmp.demo.example;GRC;Canada;+1 613 555 0199;;à ne pas importer\r\n"
       "Lefèvre;Zoé;zoe@@sante;Santé Canada;Atlantis;;Directrice;\r\n"
       ";;personne@example.org;RCMP;;;;\r\n"
       "Côté;Amélie;amelie.cote@rcmp.demo.example;RCMP;Canada;+1 555 0190;Caporale;\r\n"
       "Dupont;Jean;jean.dupont@garda.example;Garda;Irlande;;Inspecteur;\r\n")


@pytest.fixture
def setup(qtbot, demo_db_path: Path) -> Iterator[Setup]:  # type: ignore[no-untyped-def]
    yield from make_setup(qtbot, demo_db_path)


def write_csv(folder: Path, prefix: bytes = b"", encoding: str = "cp1252") -> Path:
    path = folder / "participants.csv"
    path.write_bytes(prefix + CSV.encode(encoding))
    return path


def people(setup: Setup) -> dict[str, tuple[str, str, str]]:
    return {p.uuid: (p.family_name, p.phone, p.organisation_short) for p in directory.list_people(setup.db)}


def open_wizard(qtbot, setup: Setup, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    page = setup.page
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    wizard = page.import_wizard
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    edit = wizard.file_page.path_edit
    edit.setFocus()
    qtbot.keyClicks(edit, str(path))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=WAIT_MS)
    return wizard


def click(qtbot, wizard: ImportWizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    assert button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_review(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.mapping_page
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review, timeout=WAIT_MS)


@pytest.mark.parametrize(("prefix", "encoding"), [(b"", "cp1252"), (codecs.BOM_UTF8, "utf-8"), (b"", "utf-8")])
def test_confirm_writes_only_the_good_rows_and_updates_the_duplicate(qtbot, setup: Setup, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                       prefix: bytes, encoding: str) -> None:
    before = people(setup)
    wizard = open_wizard(qtbot, setup, write_csv(tmp_path, prefix, encoding))
    expected = {"cp1252": "cp1252", "utf-8": "utf-8-sig" if prefix else "utf-8"}[encoding]
    assert f"Read as {expected}, columns separated by “;”." in wizard.file_page.status.text()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    mapping = wizard.mapping_page
    assert mapping.mapping() == (Target.FAMILY_NAME, Target.GIVEN_NAME, Target.EMAIL, Target.ORGANISATION,
                                 Target.COUNTRY, Target.PHONE, Target.TITLE_FR, Target.IGNORE)
    assert mapping.sheet_model.headerData(6, Qt.Orientation.Horizontal) == "Titre/Grade\n→ Title (French)"
    mapping.combos[6].setFocus()
    mapping.combos[6].setCurrentIndex(mapping.combos[6].findData(Target.TITLE_EN.value))  # a user's correction
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review, timeout=WAIT_MS)

    review = wizard.review
    assert review.summary.text() == "To add: 1 · to update: 1 · already there: 0 · refused: 3"
    assert review.hint.isVisible()  # Santé Canada and Garda are not in the directory
    model = review.model  # problems first
    shown = {model.row_at(r).row_number: model.index(r, PlanColumn.DETAILS).data() for r in range(model.rowCount())}
    assert set(shown) == {3, 4, 6}
    assert "E-mail: zoe@@sante is not a valid e-mail address." in shown[3]
    assert "Country: Atlantis is not a known country." in shown[3]
    assert shown[4] == "No name: the given name and the family name are both empty."
    assert shown[6] == "Organisation: Garda is not in the directory."
    review.show_combo.setCurrentIndex(0)
    update = next(model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).row_number == 2)
    assert update.outcome == Outcome.UPDATE and update.existing_label == "Stephen White"

    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.confirm
    assert "1 person will be added." in wizard.confirm.text.text()
    assert "3 rows of the file are left out." in wizard.confirm.text.text()
    assert people(setup) == before  # still nothing written
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)

    after = people(setup)
    added = {uuid: row for uuid, row in after.items() if uuid not in before}
    assert list(added.values()) == [("Côté", "+1 555 0190", "RCMP")]
    white = next(uuid for uuid, row in before.items() if row[0] == "White")
    assert after[white] == ("White", "+1 613 555 0199", "RCMP")  # updated, not copied
    assert sum(1 for row in after.values() if row[0] == "White") == 1
    assert directory.list_people(setup.db, search="amelie")[0].title_en == "Caporale"
    wait_loaded(qtbot, setup.page)
    assert "Côté" in [setup.page.people_model.row_at(r).family_name  # type: ignore[union-attr]
                      for r in range(setup.page.people_model.rowCount())]
    assert setup.page.message.text() == "Imported participants.csv: 1 person created, 1 updated."

    assert setup.context.undo_stack.undoText() == "Import participants.csv"
    setup.context.undo_stack.undo()  # one step takes the whole import back
    assert people(setup) == before
    setup.context.undo_stack.redo()
    assert people(setup) == after


@pytest.mark.parametrize("step", [0, 1, 2, 3])
def test_cancel_at_any_step_writes_nothing(qtbot, setup: Setup, tmp_path: Path, step: int) -> None:  # type: ignore[no-untyped-def]
    before = people(setup)
    audit_before = audit_count(setup)
    wizard = open_wizard(qtbot, setup, write_csv(tmp_path))
    for _ in range(step):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
        qtbot.waitUntil(lambda: not wizard.reading, timeout=WAIT_MS)
    click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert not wizard.isVisible()
    setup.context.tasks.wait_for_done()
    assert people(setup) == before
    assert audit_count(setup) == audit_before
    assert setup.context.undo_stack.count() == 0


def audit_count(setup: Setup) -> int:
    from sqlalchemy import func, select

    from app.domain.models import AuditEvent

    with setup.db.transaction() as session:
        return int(session.execute(select(func.count(AuditEvent.id))).scalar_one())


def test_ticking_create_organisations_and_leaving_a_row_out(qtbot, setup: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, setup, write_csv(tmp_path))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    box = wizard.mapping_page.create_organisations
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert wizard.mapping_page.create_organisations.isChecked()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review, timeout=WAIT_MS)
    review = wizard.review
    review.show_combo.setCurrentIndex(2)  # the rows to import
    model = review.model
    numbers = [model.row_at(r).row_number for r in range(model.rowCount())]
    assert numbers == [2, 5, 6]
    dupont = model.index(numbers.index(6), PlanColumn.ROW)
    assert dupont.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(numbers.index(6), PlanColumn.DETAILS).data() == "Creates the organisation Garda."
    white = model.index(numbers.index(2), PlanColumn.ROW)
    assert model.setData(white, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert "1 organisation will be created for them." in wizard.confirm.text.text()
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)
    assert directory.list_people(setup.db, search="stephen white")[0].phone == "+1 555 0102"  # left out
    assert directory.list_people(setup.db, search="dupont")[0].organisation_short == "Garda"
    setup.context.undo_stack.undo()
    assert directory.list_organisations(setup.db, search="garda") == []


def test_xlsx_import(qtbot, setup: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    sheet = book.active
    sheet.append(["Given name", "Family name", "E-mail", "Organisation", "Time zone", "Language"])
    sheet.append(["Kaito", "Tanaka", "kaito.tanaka@npa.example", "Interpol", "asia/tokyo", "English"])
    sheet.append(["Ingrid", "Ødegård", "ingrid.odegard@coe.demo.example", "CoE", "Europe/Oslo", "French"])
    path = tmp_path / "partners.xlsx"
    book.save(path)
    wizard = open_wizard(qtbot, setup, path)
    assert wizard.file_page.status.text() == "2 rows, 6 columns."
    to_review(qtbot, wizard)
    assert wizard.review.summary.text() == "To add: 1 · to update: 1 · already there: 0 · refused: 0"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)
    tanaka = directory.list_people(setup.db, search="tanaka")[0]
    assert (tanaka.time_zone, tanaka.organisation_short) == ("Asia/Tokyo", "Interpol")
    assert directory.list_people(setup.db, search="odegard")[0].time_zone == "Europe/Oslo"


def test_a_file_that_cannot_be_read_says_why(qtbot, setup: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    qtbot.mouseClick(setup.page.import_button, Qt.MouseButton.LeftButton)
    wizard = setup.page.import_wizard
    edit = wizard.file_page.path_edit
    qtbot.keyClicks(edit, str(tmp_path / "broken.xlsx"))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(wizard.file_page.status.text()) and not wizard.reading, timeout=WAIT_MS)
    assert wizard.file_page.status.text() == "broken.xlsx is not a readable XLSX workbook."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_mapping_without_a_name_cannot_go_on(qtbot, setup: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, setup, write_csv(tmp_path))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    mapping = wizard.mapping_page
    for column in (0, 1):
        mapping.combos[column].setCurrentIndex(mapping.combos[column].findData(Target.IGNORE.value))
    assert mapping.problem.text() == "No column is imported as a name."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_going_back_to_another_file_analyses_that_file(qtbot, setup: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, setup, write_csv(tmp_path))
    to_review(qtbot, wizard)
    assert wizard.review.summary.text().endswith("refused: 3")
    other = tmp_path / "other.csv"
    other.write_bytes(CSV.split("\r\n", 2)[0].encode() + b"\r\n" + CSV.split("\r\n")[4].encode("cp1252") + b"\r\n")
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    edit = wizard.file_page.path_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, str(other))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=WAIT_MS)
    to_review(qtbot, wizard)
    assert wizard.review.summary.text() == "To add: 1 · to update: 0 · already there: 0 · refused: 0"
