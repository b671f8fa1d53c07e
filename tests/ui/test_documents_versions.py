"""The Versions tab: files added with the file dialog or dropped on the list, each stored byte for byte with
its SHA-256; opened as a temporary copy (never the stored bytes) and saved out; deleted only while nothing
refers to it; English and French versions linked; every change undone and redone from the keyboard."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog
from test_documents_support import (  # noqa: F401  (fixtures)
    SCAN,
    Opened,
    click_row,
    opened_fixture,
    redo,
    undo,
    wait_tasks,
)

from app.domain.enums import DocumentStatus, Language
from app.services import document_detail, documents
from ui.documents.models import VersionColumn

DOCX = b"PK\x03\x04 a Word document"


def _scan(qtbot: Any, o: Opened) -> str:
    uuid = next(d.uuid for d in documents.list_documents(o.db) if d.title_en == SCAN)
    o.page.show_document(uuid)
    o.page.panel.tabs.setCurrentWidget(o.page.panel.versions)
    return uuid


def _mime(path: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    return data


def test_files_from_the_dialog_are_versions_and_undo_takes_the_last_back(qtbot: Any, opened: Opened, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    scan = _scan(qtbot, opened)
    tab = opened.page.panel.versions
    docx = tmp_path / "Analyse-environnementale-2019-v3.docx"
    docx.write_bytes(DOCX)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(docx)], ""))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, opened.context)
    versions = documents.list_versions(opened.db, scan)
    third = versions[-1]
    assert (third.number, third.file_name, third.size) == (3, docx.name, len(DOCX))
    assert third.sha256 == hashlib.sha256(DOCX).hexdigest() and third.media_type.endswith("wordprocessingml.document")
    # A new version of an approved document needs its own approval: the document is back to draft.
    assert document_detail.get_document_detail(opened.db, scan).summary.status == DocumentStatus.DRAFT
    assert tab.current() is not None and tab.current().number == 3  # type: ignore[union-attr]
    assert third.sha256 in tab.hash_label.text()
    undo(qtbot, opened)
    assert [v.number for v in documents.list_versions(opened.db, scan)] == [1, 2]
    assert document_detail.get_document_detail(opened.db, scan).summary.status == DocumentStatus.APPROVED
    redo(qtbot, opened)
    assert documents.list_versions(opened.db, scan)[-1].uuid == third.uuid


def test_a_dropped_file_becomes_a_version(qtbot: Any, opened: Opened, tmp_path: Path) -> None:
    scan = _scan(qtbot, opened)
    view = opened.page.panel.versions.view
    pdf = tmp_path / "scan-fr.pdf"
    pdf.write_bytes(b"%PDF-1.7 version francaise")
    files = _mime(pdf)  # kept alive: the events only point at it
    enter = QDragEnterEvent(QPoint(30, 30), Qt.DropAction.CopyAction, files, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    text = QMimeData()
    text.setText("not a file")
    refused = QDragEnterEvent(QPoint(30, 30), Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    view.dragEnterEvent(refused)
    assert not refused.isAccepted()
    drop = QDropEvent(QPoint(30, 30).toPointF(), Qt.DropAction.CopyAction, files, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    view.dropEvent(drop)
    wait_tasks(qtbot, opened.context)
    assert documents.list_versions(opened.db, scan)[-1].file_name == "scan-fr.pdf"
    assert "scan-fr.pdf" in opened.page.message.text()


def test_open_gives_a_temporary_copy_and_save_a_copy_writes_the_bytes(qtbot: Any, opened: Opened, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    scan = _scan(qtbot, opened)
    tab = opened.page.panel.versions
    stored = {v.number: v for v in documents.list_versions(opened.db, scan)}
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    click_row(qtbot, tab.view, tab.model.row_of(stored[1].uuid))
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)  # arrows move through the versions
    assert tab.current() is not None and tab.current().number == 2  # type: ignore[union-attr]
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)  # Enter opens it, as a double click does
    wait_tasks(qtbot, opened.context)
    copy = Path(urls[-1].toLocalFile())
    content = documents.read_version_file(opened.db, stored[2].uuid).content
    assert copy.name == "VGT-Environmental-Scan-2019-v2.pdf" and copy.read_bytes() == content
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == stored[2].sha256
    out = tmp_path / "copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, opened.context)
    assert out.read_bytes() == content and str(out) in opened.page.message.text()


def test_delete_only_what_nothing_refers_to_and_undo_brings_it_back_whole(qtbot: Any, opened: Opened,
                                                                           tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    scan = _scan(qtbot, opened)
    tab = opened.page.panel.versions
    approved = next(v for v in documents.list_versions(opened.db, scan) if v.approved_by)
    click_row(qtbot, tab.view, tab.model.row_of(approved.uuid))
    assert tab.model.index(tab.model.row_of(approved.uuid), VersionColumn.APPROVED).data() == "VGT-2019-10/D1"
    assert not tab.delete_button.isEnabled()  # an approved version is kept for the record
    extra = tmp_path / "draft.docx"
    extra.write_bytes(DOCX)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(extra)], ""))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, opened.context)
    third = documents.list_versions(opened.db, scan)[-1]
    click_row(qtbot, tab.view, tab.model.row_of(third.uuid))
    assert tab.delete_button.isEnabled()
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert [v.number for v in documents.list_versions(opened.db, scan)] == [1, 2]
    undo(qtbot, opened)
    back = documents.list_versions(opened.db, scan)[-1]
    assert (back.uuid, back.sha256) == (third.uuid, third.sha256)
    assert documents.read_version_file(opened.db, back.uuid).content == DOCX


def test_english_and_french_versions_are_linked_and_a_mismatch_is_refused_at_the_field(
        qtbot: Any, opened: Opened, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = _scan(qtbot, opened)
    tab = opened.page.panel.versions
    french = tmp_path / "Analyse-environnementale-2019.pdf"
    french.write_bytes(b"%PDF-1.7 fr")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(french)], ""))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, opened.context)
    versions = documents.list_versions(opened.db, scan)
    click_row(qtbot, tab.view, tab.model.row_of(versions[-1].uuid))
    tab.parallel.setCurrentIndex(tab.parallel.findData(versions[1].uuid))  # English version 2
    tab.language.setCurrentIndex(tab.language.findText("English"))  # the same language: refused
    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    assert tab.errors.message("parallel_of") == "Both versions are in the same language."
    tab.language.setCurrentIndex(tab.language.findText("French"))
    tab.parallel.setCurrentIndex(tab.parallel.findData(versions[1].uuid))
    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    linked = {v.number: v for v in documents.list_versions(opened.db, scan)}
    assert linked[3].language == Language.FR and linked[3].parallel_uuid == versions[1].uuid
    assert linked[2].parallel_uuid == linked[3].uuid
    assert tab.model.index(tab.model.row_of(linked[2].uuid), VersionColumn.PARALLEL).data() == "version 3"
    undo(qtbot, opened)  # the link
    assert all(v.parallel_uuid is None for v in documents.list_versions(opened.db, scan))
