"""The Directory page driven as a user would: typing a search, choosing filters, editing a field and leaving it
with Tab, Ctrl+Z and Ctrl+Shift+Z, a refused e-mail shown under its field, Ctrl+N, Delete, sorting, export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from test_directory_support import WAIT_MS, Setup, make_setup, wait_loaded

from app.domain.enums import Sector
from app.i18n import time_zone_name
from app.services import directory
from ui.directory.fields import ChoiceCombo
from ui.directory.models import PersonColumn


@pytest.fixture
def setup(qtbot, demo_db_path: Path) -> Iterator[Setup]:  # type: ignore[no-untyped-def]
    yield from make_setup(qtbot, demo_db_path)


def shown_people(setup: Setup) -> list[str]:
    model = setup.page.people_model
    return [model.row_at(row).family_name for row in range(model.rowCount())]  # type: ignore[union-attr]


def shown_organisations(setup: Setup) -> list[str]:
    model = setup.page.organisations_model
    return [model.row_at(row).name_en for row in range(model.rowCount())]  # type: ignore[union-attr]


def select_person(qtbot, setup: Setup, family_name: str) -> None:  # type: ignore[no-untyped-def]
    row = shown_people(setup).index(family_name)
    view = setup.page.people_view
    rect = view.visualRect(setup.page.people_model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert setup.page.person_editor.heading.text().endswith(family_name)


def field(setup: Setup, name: str) -> QLineEdit:
    widget = setup.page.person_editor.widgets[name]
    assert isinstance(widget, QLineEdit)
    return widget


def choose(qtbot, combo: ChoiceCombo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry with the keyboard, as a user would: focus the list, type, Enter."""
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_search_as_you_type_is_accent_free(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    assert len(shown_people(setup)) == 16
    qtbot.keyClicks(page.search, "odegard")
    assert page.search_timer.isActive()  # debounced: nothing reloads on every key
    wait_loaded(qtbot, page)
    assert shown_people(setup) == ["Ødegård"]
    assert page.tabs.tabText(0) == "People (1)"
    directory.create_organisation(setup.db, name_en="Public Health Agency of Canada",
                                  name_fr="Agence de la santé publique du Canada", acronym_en="PHAC")
    page.search.clear()
    qtbot.keyClicks(page.search, "Sante")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    wait_loaded(qtbot, page)
    assert shown_organisations(setup) == ["Public Health Agency of Canada"]
    assert shown_people(setup) == []
    assert page.people_tab.list_page.is_empty()
    assert page.people_tab.list_page.message.text() == "No one matches this search and these filters."


def test_filters_by_sector_country_and_relation(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    choose(qtbot, page.sector_filter, "NGO")
    wait_loaded(qtbot, page)
    assert shown_people(setup) == ["Bell"]
    assert shown_organisations(setup) == ["National Center for Missing and Exploited Children"]
    choose(qtbot, page.sector_filter, "All sectors")
    choose(qtbot, page.country_filter, "Canada")
    wait_loaded(qtbot, page)
    assert shown_people(setup) == ["Arsenault", "Tremblay", "White"]
    choose(qtbot, page.country_filter, "All countries")
    choose(qtbot, page.relation_filter, "Partner")
    wait_loaded(qtbot, page)
    assert set(shown_people(setup)) == {"Bell", "Jagland", "Ødegård"}
    assert [page.country_filter.itemText(i) for i in range(page.country_filter.count())][:3] == [
        "All countries", "Australia", "Canada"]


def test_edit_a_field_with_tab_then_undo_and_redo(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    select_person(qtbot, setup, "White")
    phone = field(setup, "phone")
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClicks(phone, "+1 613 555 0199")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    white = directory.list_people(setup.db, search="stephen white")[0]
    assert white.phone == "+1 613 555 0199"
    assert setup.context.undo_stack.undoText() == "Change Phone of Stephen White"
    wait_loaded(qtbot, page)
    row = shown_people(setup).index("White")
    assert page.people_model.index(row, PersonColumn.PHONE).data() == "+1 613 555 0199"

    focused = QApplication.focusWidget()
    assert focused is page.person_editor.widgets["preferred_language"]
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert directory.list_people(setup.db, search="stephen white")[0].phone == "+1 555 0102"
    wait_loaded(qtbot, page)
    assert phone.text() == "+1 555 0102"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert directory.list_people(setup.db, search="stephen white")[0].phone == "+1 613 555 0199"


def test_ctrl_z_in_a_field_the_user_did_not_type_in_reaches_the_undo_stack(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    select_person(qtbot, setup, "White")
    title = field(setup, "title_en")
    before = title.text()
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Commissioner")
    qtbot.keyClick(title, Qt.Key.Key_Tab)  # lands in the next line edit, Title (French)
    assert QApplication.focusWidget() is field(setup, "title_fr")
    qtbot.keyClick(field(setup, "title_fr"), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert directory.list_people(setup.db, search="stephen white")[0].title_en == before


def test_a_bad_email_is_refused_at_the_field(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    select_person(qtbot, setup, "Bell")
    email = field(setup, "email")
    email.setFocus()
    email.selectAll()
    qtbot.keyClicks(email, "marcus.bell@")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    editor = page.person_editor
    assert editor.error_text("email") == "marcus.bell@ is not a valid e-mail address."
    assert email.text() == "marcus.bell@"  # kept, for the user to fix
    assert directory.list_people(setup.db, search="bell")[0].email == "marcus.bell@ncmec.demo.example"
    assert setup.context.undo_stack.count() == 0
    email.setFocus()
    qtbot.keyClick(email, Qt.Key.Key_Escape)
    assert email.text() == "marcus.bell@ncmec.demo.example" and editor.error_text("email") == ""


def test_a_taken_email_and_an_empty_name_are_refused_at_their_fields(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    select_person(qtbot, setup, "Bell")
    email = field(setup, "email")
    email.setFocus()
    email.selectAll()
    qtbot.keyClicks(email, "Stephen.White@rcmp.demo.example")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    assert "already has the e-mail address" in page.person_editor.error_text("email")
    given, family = field(setup, "given_name"), field(setup, "family_name")
    for widget in (given, family):
        widget.setFocus()
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert page.person_editor.error_text("family_name") == "A person needs a name."
    assert directory.list_people(setup.db, search="ncmec")[0].given_name == ""  # the given name alone went
    assert setup.context.undo_stack.count() == 1


def test_ctrl_n_adds_a_person_and_undo_removes_them(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    page.people_view.setFocus()
    qtbot.keyClick(page.people_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.person_editor
    assert editor.is_new and editor.heading.text() == "New person"
    assert QApplication.focusWidget() is field(setup, "given_name")
    qtbot.keyClicks(field(setup, "given_name"), "Aroha")
    qtbot.keyClick(field(setup, "given_name"), Qt.Key.Key_Tab)
    qtbot.wait(20)
    assert [p.family_name for p in directory.list_people(setup.db, search="aroha")] == ["Ngata"]  # not yet
    qtbot.keyClicks(field(setup, "family_name"), "Te Whare")
    qtbot.keyClick(field(setup, "family_name"), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not editor.is_new, timeout=WAIT_MS)
    assert setup.context.undo_stack.count() == 1
    created = directory.list_people(setup.db, search="te whare")
    assert [(p.given_name, p.family_name, p.preferred_language.value) for p in created] == [("Aroha", "Te Whare", "en")]
    wait_loaded(qtbot, page)
    assert "Te Whare" in shown_people(setup)
    assert page.person_editor.heading.text() == "Aroha Te Whare"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert directory.list_people(setup.db, search="te whare") == []


def test_delete_key_and_undo_bring_back_the_same_row(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    uuid = directory.create_person(setup.db, given_name="Temp", family_name="Aaron", email="t@example.org").uuid
    wait_loaded(qtbot, page)
    page.reload()
    wait_loaded(qtbot, page)
    select_person(qtbot, setup, "Aaron")
    qtbot.keyClick(page.people_view, Qt.Key.Key_Delete)
    assert directory.list_people(setup.db, search="aaron") == []
    wait_loaded(qtbot, page)
    assert page.person_editor.heading.text() == "Khalid Al Mansoori"  # the next row is selected
    setup.context.undo_stack.undo()
    back = directory.list_people(setup.db, search="aaron")
    assert [(p.uuid, p.email) for p in back] == [(uuid, "t@example.org")]


def test_a_person_on_an_attendee_list_cannot_be_deleted(qtbot, setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr("ui.dialogs.warn", lambda parent, title, message: warnings.append(message))
    select_person(qtbot, setup, "White")
    qtbot.keyClick(setup.page.people_view, Qt.Key.Key_Delete)
    assert warnings and "cannot be deleted" in warnings[0]
    assert directory.list_people(setup.db, search="stephen white")


def test_sorting_by_a_header_click(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    header = page.people_view.horizontalHeader()
    x = header.sectionViewportPosition(PersonColumn.GIVEN_NAME) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    model = page.people_model
    givens = [model.row_at(r).given_name for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert givens[:3] == ["Aroha", "Çağlar", "Giulia"]


def test_organisation_editor_changes_sector(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    page.tabs.setCurrentIndex(1)
    row = shown_organisations(setup).index("Interpol")
    page.organisations_view.selectRow(row)
    combo = page.organisation_editor.widgets["sector"]
    assert isinstance(combo, ChoiceCombo)
    choose(qtbot, combo, "Intergovernmental")
    org = directory.list_organisations(setup.db, search="interpol")[0]
    assert org.sector == Sector.INTERGOVERNMENTAL
    setup.context.undo_stack.undo()
    assert directory.list_organisations(setup.db, search="interpol")[0].sector == Sector.LAW_ENFORCEMENT


def test_export_what_is_shown(qtbot, setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    target = tmp_path / "rcmp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV file (*.csv)"))
    qtbot.keyClicks(page.search, "rcmp")
    wait_loaded(qtbot, page)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text().startswith("Exported"), timeout=WAIT_MS)
    assert page.message.text() == f"Exported 3 people to {target}.csv."
    with Path(f"{target}.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [row[0] for row in rows[1:]] == ["Arsenault", "Tremblay", "White"]


def test_language_switch_retranslates(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    from app.i18n import set_language

    page = setup.page
    set_language("fr")
    page.retranslate()
    wait_loaded(qtbot, page)
    assert page.title() in ("Directory", "Répertoire")
    assert page.sector_filter.itemText(page.sector_filter.findData("ngo")) == "ONG"
    rcmp = shown_people(setup).index("White")
    assert page.people_model.index(rcmp, PersonColumn.ORGANISATION).data() == "GRC"


def test_time_zone_picker_searches_any_part_of_the_name(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    select_person(qtbot, setup, "Ngata")
    zone = page.person_editor.widgets["time_zone"]
    line = zone.lineEdit()  # type: ignore[attr-defined]
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "auckl")
    popup = zone.completer().popup()  # type: ignore[attr-defined]
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    assert popup.model().index(0, 0).data() == "Pacific/Auckland"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert line.text() == "Pacific/Auckland"
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "europe/oslo")  # any case: saved as IANA spells it
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert directory.list_people(setup.db, search="ngata")[0].time_zone == "Europe/Oslo"
    assert page.person_editor.zone_hint.text() == time_zone_name("Europe/Oslo") != ""
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "Mars/Olympus")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert page.person_editor.error_text("time_zone") == "Mars/Olympus is not a known time zone."
    assert directory.list_people(setup.db, search="ngata")[0].time_zone == "Europe/Oslo"


def test_organisations_add_delete_and_undo(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    page = setup.page
    page.tabs.setCurrentIndex(1)
    page.organisations_view.setFocus()
    qtbot.keyClick(page.organisations_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.organisation_editor
    assert editor.is_new and QApplication.focusWidget() is editor.widgets["name_en"]
    qtbot.keyClicks(editor.widgets["name_en"], "Garda Siochana")  # QTest types ASCII only
    qtbot.keyClick(editor.widgets["name_en"], Qt.Key.Key_Tab)
    assert editor.is_new  # on to the French name: still typing names
    qtbot.keyClick(editor.widgets["name_fr"], Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not editor.is_new, timeout=WAIT_MS)
    assert QApplication.focusWidget() is editor.widgets["acronym_en"]
    garda = directory.list_organisations(setup.db, search="garda siochana")
    assert [(o.name_en, o.sector, o.relation.value) for o in garda] == [("Garda Siochana", Sector.OTHER, "partner")]
    acronym = editor.widgets["acronym_en"]
    qtbot.keyClicks(acronym, "AGS")
    qtbot.keyClick(acronym, Qt.Key.Key_Tab)
    assert directory.get_organisation(setup.db, garda[0].uuid).acronym_en == "AGS"
    wait_loaded(qtbot, page)
    assert "Garda Siochana" in shown_organisations(setup)
    row = shown_organisations(setup).index("Garda Siochana")
    page.organisations_view.selectRow(row)
    page.organisations_view.setFocus()
    qtbot.keyClick(page.organisations_view, Qt.Key.Key_Delete)
    assert directory.list_organisations(setup.db, search="garda") == []
    setup.context.undo_stack.undo()
    back = directory.list_organisations(setup.db, search="garda")
    assert [(o.uuid, o.acronym_en) for o in back] == [(garda[0].uuid, "AGS")]
    assert setup.context.undo_stack.undoText() == "Change Acronym (English) of Garda Siochana"
