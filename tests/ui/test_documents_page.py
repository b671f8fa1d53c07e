"""The Documents page: the register searched and filtered as a user types, a new document and its details
edited with refused values shown at their field, every edit undone and redone with the keyboard, every
model through the model tester, and the whole page in French."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from test_documents_support import (  # noqa: F401  (fixtures)
    SCAN,
    Opened,
    click_row,
    draft_scan_fixture,
    french_catalog_fixture,
    opened_fixture,
    redo,
    row_texts,
    type_text,
    undo,
)

from app.domain.enums import Audience, DocumentKind, DocumentStatus, Marking
from app.interchange.comment_matrix import MatrixComment, MatrixImportPlan, MatrixProblem
from app.services import document_detail, documents
from ui.documents.approval_dialog import ApprovalDialog
from ui.documents.models import RegisterColumn
from ui.documents.review_dialogs import AskDialog, MatrixImportDialog
from ui.documents.workflow_dialogs import NewDocumentDialog


def test_the_register_searches_and_filters_as_the_user_types(qtbot: Any, opened: Opened) -> None:
    page = opened.page
    assert sorted(row_texts(page.register_view, RegisterColumn.TITLE)) == [
        "Cooperation agreement between the Council of Europe and the Virtual Global Taskforce", SCAN]
    qtbot.keyClicks(page.search, "conseil de l'europe")
    assert row_texts(page.register_view, RegisterColumn.TITLE) == [
        "Cooperation agreement between the Council of Europe and the Virtual Global Taskforce"]
    page.search.clear()
    qtbot.keyClicks(page.search, "scan-2019-v2")  # a file name
    assert row_texts(page.register_view, RegisterColumn.TITLE) == [SCAN]
    page.search.clear()
    page.kind_filter.setFocus()
    page.kind_filter.setCurrentIndex(page.kind_filter.findText("Strategy"))
    assert page.register.rowCount() == 0 and page.register_page.is_empty()
    assert page.register_page.message.text() == "No document matches the search."
    page.kind_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findText("Approved"))
    assert page.register.rowCount() == 2
    # Sorting is the model's own: by status order, then back by title.
    page.register_view.sortByColumn(RegisterColumn.MARKING, Qt.SortOrder.DescendingOrder)
    assert row_texts(page.register_view, RegisterColumn.MARKING) == ["TLP:CLEAR", "TLP:AMBER"]


def test_a_new_document_refused_then_made_undone_and_redone(qtbot: Any, opened: Opened) -> None:
    page = opened.page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.controller.active_dialog
    assert isinstance(dialog, NewDocumentDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no title
    assert dialog.isVisible() and "needs a title" in dialog.errors.message("title_en")
    qtbot.keyClicks(dialog.title_en, "VGT Strategy 2020-2023")
    type_text(qtbot, dialog.title_fr, "Stratégie du VGT 2020-2023")
    dialog.kind.setCurrentIndex(dialog.kind.findText("Strategy"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    made = next(d for d in documents.list_documents(opened.db) if d.title_en == "VGT Strategy 2020-2023")
    assert (made.kind, made.status, made.marking) == (DocumentKind.STRATEGY, DocumentStatus.DRAFT, Marking.AMBER)
    assert page.current_uuid() == made.uuid and page.panel.title_label.text() == "VGT Strategy 2020-2023"
    undo(qtbot, opened)
    assert made.uuid not in {d.uuid for d in documents.list_documents(opened.db)}
    assert page.register.rowCount() == 2
    redo(qtbot, opened)
    assert made.uuid in {d.uuid for d in documents.list_documents(opened.db)}  # the same document again


def test_details_are_saved_refused_at_the_field_and_undone(qtbot: Any, opened: Opened) -> None:
    page = opened.page
    click_row(qtbot, page.register_view, row_texts(page.register_view, RegisterColumn.TITLE).index(SCAN))
    details = page.panel.details
    scan = page.current_uuid() or ""
    details.title_en.clear()
    details.title_fr.clear()
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert "needs a title" in details.errors.message("title_en")
    assert documents.document_values(opened.db, scan)["title_en"] == SCAN  # nothing written
    qtbot.mouseClick(details.revert_button, Qt.MouseButton.LeftButton)
    assert details.title_en.text() == SCAN and not details.errors.message("title_en")

    details.audience.setCurrentIndex(0)  # "Not decided", with a date still set: refused at the audience
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert details.errors.message("publication_audience") == "Say for whom the document will be published."
    details.audience.setCurrentIndex(details.audience.findText("Partners only"))
    details.marking.setCurrentIndex(details.marking.findText("TLP:GREEN"))
    qtbot.keyClick(details.title_en, Qt.Key.Key_End)
    qtbot.keyClicks(details.title_en, " (final)")
    qtbot.keyClick(details.title_en, Qt.Key.Key_Return)  # Enter saves
    values = documents.document_values(opened.db, scan)
    assert (values["title_en"], values["marking"], values["publication_audience"]) == (
        f"{SCAN} (final)", Marking.GREEN, Audience.PARTNERS)
    assert page.panel.title_label.text() == f"{SCAN} (final)"
    assert "TLP:GREEN" in row_texts(page.register_view, RegisterColumn.MARKING)
    click_row(qtbot, page.register_view, page.register.row_of(scan))  # out of the title field, whose Ctrl+Z is its own
    undo(qtbot, opened)
    values = documents.document_values(opened.db, scan)
    assert (values["title_en"], values["marking"], values["publication_audience"]) == (
        SCAN, Marking.AMBER, Audience.PUBLIC)
    assert details.title_en.text() == SCAN


def test_a_submission_names_its_agenda_item_and_undo_takes_it_back(qtbot: Any, draft_scan: Opened) -> None:
    page, panel = draft_scan.page, draft_scan.page.panel
    page.show_document(next(d.uuid for d in documents.list_documents(draft_scan.db) if d.title_en == SCAN))
    qtbot.mouseClick(panel.status_button, Qt.MouseButton.LeftButton)
    dialog = page.controller.active_dialog
    assert dialog is not None and not dialog.item.isVisible()  # type: ignore[attr-defined]
    dialog.status.setCurrentIndex(dialog.status.findData("withdrawn"))  # type: ignore[attr-defined]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.errors.message("reason") == "Say why the document is withdrawn."  # type: ignore[attr-defined]
    dialog.status.setCurrentIndex(dialog.status.findData("submitted"))  # type: ignore[attr-defined]
    assert dialog.item.isVisible() and "VGT-2019-10" in dialog.item.currentText()  # type: ignore[attr-defined]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    detail = document_detail.get_document_detail(draft_scan.db, page.current_uuid() or "")
    assert detail.summary.status == DocumentStatus.SUBMITTED and panel.decide_button.isEnabled()
    undo(qtbot, draft_scan)
    detail = document_detail.get_document_detail(draft_scan.db, page.current_uuid() or "")
    assert detail.summary.status == DocumentStatus.DRAFT and detail.steps == ()
    assert not panel.decide_button.isEnabled()


def test_every_model_passes_the_model_tester(qtbot: Any, qtmodeltester: Any, opened: Opened) -> None:
    page, panel = opened.page, opened.page.panel
    qtmodeltester.check(page.register)
    page.show_document(next(d.uuid for d in documents.list_documents(opened.db) if d.title_en == SCAN))
    for tab in (panel.review, panel.history, panel.approvals, panel.versions):
        panel.tabs.setCurrentWidget(tab)
    panel.review.version.setCurrentIndex(0)  # version 1, with its four review comments
    assert panel.review.comments.rowCount() == 4 and panel.history.events.rowCount() > 10
    for model in (panel.versions.model, panel.review.comments, panel.review.requests, panel.approvals.steps,
                  panel.approvals.approvals, panel.approvals.positions, panel.history.events):
        qtmodeltester.check(model)
    panel.review.comments.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(panel.review.comments)
    detail = panel.detail
    assert detail is not None
    from app.services.approvals import approval_choices, approval_draft

    item = next(c for c in approval_choices(opened.db) if c.meeting_reference == "VGT-2019-10")
    draft = approval_draft(opened.db, detail.versions[-1].uuid, item.item_uuid)
    dialog = ApprovalDialog(draft, SCAN, "item", lambda values: None)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.positions)
    plan = MatrixImportPlan("v", "m.xlsx", new=(MatrixComment(7, "u", "o", "CEOP", "", "2", "Text", "", None, "",
                                                               date(2019, 9, 10)),),
                            problems=(MatrixProblem(8, "Unknown organisation"),))
    preview = MatrixImportDialog(plan)
    qtbot.addWidget(preview)
    qtmodeltester.check(preview.model)
    ask = AskDialog(page.organisations, set())
    qtbot.addWidget(ask)
    qtmodeltester.check(ask.model)
    empty = type(page.register)()
    qtmodeltester.check(empty)


def test_the_page_in_french(qtbot: Any, opened: Opened, french_catalog: Any) -> None:
    page, panel = opened.page, opened.page.panel
    page.show_document(next(d.uuid for d in documents.list_documents(opened.db) if d.title_en == SCAN))
    french_catalog()
    page.retranslate()
    assert page.title() == "Documents"
    assert [panel.tabs.tabText(i) for i in range(5)][2:] == ["Examen", "Approbation (1)", "Historique"]
    assert panel.title_label.text() == "Analyse environnementale du VGT 2019"
    assert panel.status_chip.text() == "Approuvé"
    assert page.new_button.text() == "Nouveau document…"
    assert panel.details.labels["title_en"].text() == "Titre (anglais)\u00a0:"
    assert page.register.headerData(RegisterColumn.STATUS, Qt.Orientation.Horizontal) == "Statut"
