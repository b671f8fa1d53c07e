"""The issue's "done when", driven as the secretariat would: the 2019 Environmental Scan from draft through
partner review (the matrix exported, a filled one imported with a broken row), submission to the Ottawa
meeting, and the approval of version 2 with the members' positions; then the approved version's hash is
proven on the file the system opens, tampering is detected and named, and the history shows it all."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog
from test_documents_support import (  # noqa: F401  (fixtures)
    SCAN,
    Opened,
    click_row,
    draft_scan_fixture,
    redo,
    row_texts,
    select_row,
    undo,
    wait_tasks,
)

from app.domain.enums import ApprovalOutcome, Disposition, DocumentStatus, Stance
from app.interchange.comment_matrix import HEADER_ROW
from app.services import document_detail, documents, meetings, reviews
from ui.documents import run_integrity_check
from ui.documents.approval_dialog import ApprovalDialog
from ui.documents.models import PositionColumn, RegisterColumn
from ui.documents.review_dialogs import AskDialog, CommentDialog, MatrixImportDialog
from ui.documents.workflow_dialogs import StatusDialog

V2 = b"%PDF-1.7\n% VGT Environmental Scan 2019, version 2: partner comments addressed\n" + b"0" * 4096


def _scan_uuid(o: Opened) -> str:
    return next(d.uuid for d in documents.list_documents(o.db) if d.title_en == SCAN)


def _change_status(qtbot, o: Opened, status: DocumentStatus, reason: str, item_text: str = "") -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(o.page.panel.status_button, Qt.MouseButton.LeftButton)
    dialog = o.page.controller.active_dialog
    assert isinstance(dialog, StatusDialog)
    combo = dialog.status
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(status.value))
    if item_text:
        assert dialog.item.isVisible()
        dialog.item.setCurrentIndex(next(i for i in range(dialog.item.count()) if item_text in dialog.item.itemText(i)))
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.errors.message("to_status")


def _partner_fills(path: Path) -> None:
    """What the partners send back: four comments, one of them from an organisation not in the directory."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = [
        ("CEOP", "Jane Pennington", "2. Global threat picture", "The reporting figures should say that they count "
         "industry reports, not unique victims or offenders.", "Add a footnote on what a report to NCMEC counts.",
         date(2019, 9, 10)),
        ("NCMEC", "John Bell", "2.1 Reporting trends", "NCMEC confirms the figures: 18.4 million reports from "
         "industry in 2018.", "", date(2019, 9, 11)),
        ("Europol", "Anna Wiśniewski", "4. Encryption", "The section on end-to-end encryption should acknowledge "
         "users' privacy as well as child protection.", "Reword the opening paragraph of section 4.", date(2019, 9, 12)),
        ("Atlantis Police", "", "Annex B", "Add an annex listing national reporting hotlines.", "New annex C.",
         date(2019, 9, 13)),
    ]
    for offset, (org, reviewer, section, comment, proposed, received) in enumerate(rows, start=1):
        for column, value in ((3, org), (4, reviewer), (5, section), (6, comment), (7, proposed), (10, received)):
            sheet.cell(HEADER_ROW + offset, column, value)
    book.save(path)


def _drop_file(o: Opened, path: Path) -> None:
    view = o.page.panel.versions.view
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(40, 40).toPointF(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert event.isAccepted()


def test_the_scan_from_draft_to_approval_proven_and_audited(qtbot, draft_scan: Opened, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    o = draft_scan
    page, panel = o.page, o.page.panel
    scan = _scan_uuid(o)

    # --- find it in the register ----------------------------------------------------------------------------------
    qtbot.keyClicks(page.search, "analyse environnementale")  # the French title, typed without accents
    assert row_texts(page.register_view, RegisterColumn.TITLE) == [SCAN]
    click_row(qtbot, page.register_view, 0)
    assert panel.status_chip.text() == "Draft" and not panel.decide_button.isEnabled()

    # --- partner review: deadline, who was asked, the matrix out and back in -------------------------------------
    panel.tabs.setCurrentWidget(panel.review)
    review = panel.review
    assert panel.detail is not None and review.current_version() == panel.detail.versions[0].uuid
    qtbot.mouseClick(review.deadline.check, Qt.MouseButton.LeftButton)
    review.deadline.edit.setDate(review.deadline.edit.date().fromString("2019-09-13", "yyyy-MM-dd"))
    qtbot.mouseClick(review.deadline_button, Qt.MouseButton.LeftButton)
    assert documents.list_versions(o.db, scan)[0].review_deadline == date(2019, 9, 13)

    qtbot.mouseClick(review.ask_button, Qt.MouseButton.LeftButton)
    ask = page.controller.active_dialog
    assert isinstance(ask, AskDialog)
    names = row_texts(ask.view, 0)
    for name in ("CEOP", "Europol", "NCMEC", "ICE"):
        select_row(ask.view, names.index(name))
        qtbot.keyClick(ask.view, Qt.Key.Key_Space)  # ticks the box, as the keyboard does
    qtbot.mouseClick(ask.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert sorted(r.organisation_short for r in review.requests.rows()) == ["CEOP", "Europol", "ICE", "NCMEC"]

    _change_status(qtbot, o, DocumentStatus.IN_REVIEW, "Sent to partners for comment by 13 September 2019.")
    assert panel.status_chip.text() == "In review"

    matrix = tmp_path / "scan-matrix.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(matrix), ""))
    qtbot.mouseClick(review.export_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, o.context)
    assert matrix.is_file() and "Exported 0 comments" in page.message.text()

    _partner_fills(matrix)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(matrix), ""))
    qtbot.mouseClick(review.import_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, o.context)
    preview = page.controller.active_dialog
    assert isinstance(preview, MatrixImportDialog)
    assert "3 new comments" in preview.headline.text()
    assert preview.problems.isVisible() and "1 row cannot be imported" in preview.problems.text()
    assert any("Atlantis Police" in text for text in row_texts(preview.view, 3))
    assert reviews.review_state(o.db, review.current_version() or "").comments == ()  # nothing written yet
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    comments = reviews.review_state(o.db, review.current_version() or "").comments
    assert [c.organisation_short for c in comments] == ["CEOP", "NCMEC", "Europol"]
    assert review.comments.rowCount() == 3
    assert "Waiting for: ICE." in review.summary.text()

    # The secretariat's disposition of the first comment, typed in its dialog.
    click_row(qtbot, review.comments_view, 0)
    qtbot.mouseClick(review.edit_button, Qt.MouseButton.LeftButton)
    edit = page.controller.active_dialog
    assert isinstance(edit, CommentDialog)
    edit.disposition.setCurrentIndex(edit.disposition.findText("Accepted"))
    qtbot.keyClicks(edit.response, "Footnote added in version 2.")
    ok = edit.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    first = reviews.review_state(o.db, review.current_version() or "").comments[0]
    assert (first.disposition, first.response) == (Disposition.ACCEPTED, "Footnote added in version 2.")
    undo(qtbot, o)  # undo the disposition
    assert reviews.review_state(o.db, review.current_version() or "").comments[0].disposition is None
    redo(qtbot, o)
    assert reviews.review_state(o.db, review.current_version() or "").comments[0].disposition == Disposition.ACCEPTED

    # --- version 2, dropped on the versions list --------------------------------------------------------------------
    panel.tabs.setCurrentWidget(panel.versions)
    v2_file = tmp_path / "VGT-Environmental-Scan-2019-v2.pdf"
    v2_file.write_bytes(V2)
    _drop_file(o, v2_file)
    wait_tasks(qtbot, o.context)
    versions = documents.list_versions(o.db, scan)
    assert [v.number for v in versions] == [1, 2] and versions[1].sha256 == hashlib.sha256(V2).hexdigest()
    assert versions[1].sha256 in page.message.text()

    # --- submission to the Ottawa meeting's agenda item 3 -------------------------------------------------------------
    _change_status(qtbot, o, DocumentStatus.SUBMITTED, "For approval at the Ottawa meeting.", "VGT-2019-10")
    detail = document_detail.get_document_detail(o.db, scan)
    assert detail.summary.status == DocumentStatus.SUBMITTED
    assert (detail.steps[-1].meeting_reference, detail.steps[-1].agenda_item_number) == ("VGT-2019-10", "3")
    assert panel.decide_button.isEnabled()

    # --- the meeting's decision, with the members' positions ------------------------------------------------------------
    qtbot.mouseClick(panel.decide_button, Qt.MouseButton.LeftButton)
    dialog = page.controller.active_dialog
    assert isinstance(dialog, ApprovalDialog)
    assert versions[1].sha256 in dialog.hash_label.text()
    proposed = {r.organisation_short: r.stance for r in dialog.positions.rows()}
    assert proposed["RCMP"] == Stance.SUPPORTS and proposed["Postal and Communications Police"] == Stance.NO_RESPONSE
    row = [r.organisation_short for r in dialog.positions.rows()].index("Interpol")
    index = dialog.positions.index(row, PositionColumn.STANCE)
    dialog.positions_view.setCurrentIndex(index)
    dialog.positions_view.edit(index)
    editor = dialog.positions_view.findChild(QComboBox, "stanceEditor")
    assert editor is not None
    editor.setCurrentIndex(editor.findText("Abstains"))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # commits the choice, as leaving the cell does
    qtbot.mouseClick(dialog.publication_date.check, Qt.MouseButton.LeftButton)
    dialog.publication_date.edit.setDate(dialog.publication_date.edit.date().fromString("2019-11-01", "yyyy-MM-dd"))
    dialog.audience.setCurrentIndex(dialog.audience.findText("Public"))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.errors.message("outcome")

    detail = document_detail.get_document_detail(o.db, scan)
    approval = detail.approvals[-1]
    assert detail.summary.status == DocumentStatus.APPROVED and approval.outcome == ApprovalOutcome.APPROVED
    assert approval.version_number == 2 and approval.sha256 == hashlib.sha256(V2).hexdigest()
    assert approval.decision_number == "VGT-2019-10/D1"
    assert {p.organisation_short: p.stance for p in approval.positions}["Interpol"] == Stance.ABSTAINS
    numbers = {d.uuid: d.number for d in meetings.meeting_overview(o.db, "VGT-2019-10").decisions}
    assert numbers[approval.decision_uuid or ""] == "VGT-2019-10/D1"
    assert detail.summary.publication_date == date(2019, 11, 1)

    # Undo does not erase a decision: it records a withdrawal; redo reinstates.
    undo(qtbot, o)
    detail = document_detail.get_document_detail(o.db, scan)
    assert detail.summary.status == DocumentStatus.WITHDRAWN and len(detail.approvals) == 1
    assert "VGT-2019-10/D1 stays on the record" in detail.steps[-1].reason
    assert panel.reinstate_button.isVisible()
    redo(qtbot, o)
    detail = document_detail.get_document_detail(o.db, scan)
    assert detail.summary.status == DocumentStatus.APPROVED
    assert [s.to_status for s in detail.steps][-3:] == [DocumentStatus.APPROVED, DocumentStatus.WITHDRAWN,
                                                        DocumentStatus.APPROVED]

    # --- prove the approved version's hash on the copy the system opens --------------------------------------------------
    opened_urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url) or True)
    panel.tabs.setCurrentWidget(panel.versions)
    click_row(qtbot, panel.versions.view, [v.number for v in panel.versions.model.rows()].index(2))
    assert approval.sha256 in panel.versions.hash_label.text()
    qtbot.mouseClick(panel.versions.open_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, o.context)
    copy = Path(opened_urls[0].toLocalFile())
    assert copy.name == "VGT-Environmental-Scan-2019-v2.pdf"
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == approval.sha256
    copy.write_bytes(b"edited by the PDF viewer")  # the copy is the viewer's to change, never the record
    assert documents.read_version_file(o.db, versions[1].uuid).content == V2

    # --- tampering, detected and named ------------------------------------------------------------------------------------
    con = sqlite3.connect(o.path)
    with con:
        con.execute("UPDATE document_version SET content = CAST('%PDF forged' AS BLOB) WHERE uuid = ?",
                    (versions[1].uuid,))
        con.execute("DROP TRIGGER audit_event_no_update")
        con.execute("UPDATE audit_event SET os_user = 'intruder' WHERE id = (SELECT max(id) FROM audit_event "
                    "WHERE entity = 'approval')")
        broken = con.execute("SELECT max(id) FROM audit_event WHERE entity = 'approval'").fetchone()[0]
    con.close()
    check = run_integrity_check(page, o.context)
    with qtbot.waitSignal(check.check_finished, timeout=20000):
        pass
    assert check.report is not None and not check.report.ok
    kinds = {f.kind: f for f in check.report.faults}
    assert (kinds["file_hash"].document_title, kinds["file_hash"].version_number) == (SCAN, 2)
    assert kinds["approved_file"].decision_number == "VGT-2019-10/D1"
    assert kinds["audit_content"].event_id == broken
    assert "VGT-2019-10/D1" in check.details.toPlainText() and "found faults" in check.headline.text()

    # --- the history ----------------------------------------------------------------------------------------------------------
    panel.tabs.setCurrentWidget(panel.history)
    events = panel.history.events.rows()
    seen = {(e.entity, e.action) for e in events}
    assert {("document_status_change", "insert"), ("approval", "insert"), ("review_comment", "insert"),
            ("document_version", "insert"), ("approval_position", "insert"), ("decision", "insert")} <= seen
    assert panel.history.broken_events() == [broken]
    assert str(broken) in panel.history.headline.text()
