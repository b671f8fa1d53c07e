"""Every model of the Directory through pytest-qt's model tester: empty, filled from the demo, sorted every way,
reloaded, and the import wizard's models over a real sheet and a real analysis."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from app.interchange.spreadsheet_import import parse_csv
from app.interchange.spreadsheet_mapping import ImportKind, guess_mapping
from app.persistence.database import open_database
from app.services import directory
from app.services.directory_import import preview_import
from app.services.import_plan import ImportOptions, Outcome
from app.services.views import OrganisationView, PersonView
from ui.directory.import_models import PlanColumn, PlanFilter, PlanModel, SheetModel
from ui.directory.models import OrganisationColumn, OrganisationsModel, PeopleModel, PersonColumn


@pytest.fixture
def demo(demo_db_path: Path) -> tuple[list[PersonView], list[OrganisationView]]:
    db = open_database(demo_db_path)
    try:
        return directory.list_people(db), directory.list_organisations(db)
    finally:
        db.close()


def test_people_model(qtmodeltester, demo: tuple[list[PersonView], list[OrganisationView]]) -> None:  # type: ignore[no-untyped-def]
    people, _orgs = demo
    model = PeopleModel()
    qtmodeltester.check(model)
    model.set_rows(people)
    qtmodeltester.check(model)
    white = QPersistentModelIndex(model.index(model.row_of(people[-3].uuid), 0))
    for column in PersonColumn:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            qtmodeltester.check(model)
            assert model.row_at(white.row()).uuid == people[-3].uuid  # type: ignore[union-attr]
    model.sort(PersonColumn.FAMILY_NAME, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(3)] == ["Al Mansoori", "Arsenault", "Bell"]
    model.sort(PersonColumn.ORGANISATION, Qt.SortOrder.AscendingOrder)
    assert model.index(0, PersonColumn.ORGANISATION).data() == "AFP"
    model.set_rows(list(reversed(people)))  # the same people: repainted, not reset
    qtmodeltester.check(model)
    model.set_rows(people[:3])
    model.retranslate()
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_organisations_model(qtmodeltester, demo: tuple[list[PersonView], list[OrganisationView]]) -> None:  # type: ignore[no-untyped-def]
    _people, orgs = demo
    model = OrganisationsModel()
    qtmodeltester.check(model)
    model.set_rows(orgs)
    for column in OrganisationColumn:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            qtmodeltester.check(model)
    model.sort(OrganisationColumn.COUNTRY, Qt.SortOrder.AscendingOrder)
    assert model.index(0, OrganisationColumn.COUNTRY).data() == "Australia"
    assert model.index(model.rowCount() - 1, OrganisationColumn.COUNTRY).data() == ""  # no country: last


def test_import_models(qtmodeltester, demo_db_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = parse_csv("Nom;Prénom;Courriel\nWhite;Stephen;stephen.white@rcmp.demo.example\n;;x@\nNew;Person;\n"
                      .encode("cp1252"))
    mapping = guess_mapping(sheet.headers, ImportKind.PEOPLE)
    sheet_model = SheetModel()
    qtmodeltester.check(sheet_model)
    sheet_model.set_sheet(sheet, mapping)
    qtmodeltester.check(sheet_model)
    assert sheet_model.headerData(1, Qt.Orientation.Vertical) == "3"
    db = open_database(demo_db_path)
    try:
        preview = preview_import(db, sheet, mapping, ImportOptions())
    finally:
        db.close()
    plan = PlanModel()
    qtmodeltester.check(plan)
    plan.set_preview(preview)
    qtmodeltester.check(plan)
    assert [plan.row_at(r).outcome for r in range(3)] == [Outcome.UNCHANGED, Outcome.REFUSED, Outcome.NEW]
    assert plan.index(0, PlanColumn.DETAILS).data() == "Matches Stephen White (same e-mail). Nothing to change."
    assert plan.index(1, PlanColumn.ROW).data(Qt.ItemDataRole.CheckStateRole) is None  # refused: no box
    assert plan.setData(plan.index(2, PlanColumn.ROW), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert plan.to_import() == []
    for which in PlanFilter:
        plan.set_filter(which)
        qtmodeltester.check(plan)
    plan.set_preview(None)
    qtmodeltester.check(plan)
