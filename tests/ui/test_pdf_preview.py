"""The output preview: it shows the PDF made in a worker, re-makes it when the language or the paper
changes (and remembers them), prints to a PDF printer, saves, opens the system viewer, and cancels."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QSettings, QUrl  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from app.persistence.database import open_database  # noqa: E402
from app.services.meetings import get_meeting  # noqa: E402
from ui.pdf_preview import SETTINGS_LANGUAGE, SETTINGS_PAPER, PdfPreviewDialog, show_output_preview  # noqa: E402


@pytest.fixture
def meeting_uuid(demo_db_path: Path) -> str:
    db = open_database(demo_db_path)
    try:
        return get_meeting(db, "VGT-2019-10").uuid
    finally:
        db.close()


@pytest.fixture
def preview_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "preview.ini"), QSettings.Format.IniFormat)


def open_preview(qtbot, demo_db_path: Path, meeting_uuid: str, settings: QSettings,  # type: ignore[no-untyped-def]
                 kind: str = "minutes") -> PdfPreviewDialog:
    dialog = show_output_preview(None, demo_db_path, meeting_uuid, kind, "VGT-2019-10", settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 0 and not dialog.is_busy(), timeout=30000)
    return dialog


def test_the_preview_shows_the_minutes_and_prints_them_to_a_pdf_printer(  # type: ignore[no-untyped-def]
    qtbot, demo_db_path: Path, meeting_uuid: str, preview_settings: QSettings, tmp_path: Path
) -> None:
    dialog = open_preview(qtbot, demo_db_path, meeting_uuid, preview_settings)
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    pages = dialog.page_count()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    dialog.print_to(printer)
    assert target.exists()
    assert len(PdfReader(str(target)).pages) == pages


def test_language_and_paper_re_render_and_are_remembered(  # type: ignore[no-untyped-def]
    qtbot, demo_db_path: Path, meeting_uuid: str, preview_settings: QSettings, tmp_path: Path, monkeypatch
) -> None:
    dialog = open_preview(qtbot, demo_db_path, meeting_uuid, preview_settings)
    with qtbot.waitSignal(dialog.document_ready, timeout=30000):
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("bilingual"))
    paper = "a4" if dialog.paper == "letter" else "letter"  # the other one than the locale's
    with qtbot.waitSignal(dialog.document_ready, timeout=30000):
        dialog.paper_box.setCurrentIndex(dialog.paper_box.findData(paper))
    assert preview_settings.value(SETTINGS_LANGUAGE, "", type=str) == "bilingual"
    assert preview_settings.value(SETTINGS_PAPER, "", type=str) == paper
    saved = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(saved), ""))
    dialog.ask_save()
    reader = PdfReader(str(saved))
    assert round(float(reader.pages[0].mediabox.width)) == (612 if paper == "letter" else 595)
    assert "Procès-verbal" in (reader.metadata or {}).get("/Title", "")
    dialog.close()
    again = open_preview(qtbot, demo_db_path, meeting_uuid, preview_settings)
    assert (again.language, again.paper) == ("bilingual", paper)


def test_open_in_the_system_viewer_uses_a_temporary_copy(  # type: ignore[no-untyped-def]
    qtbot, demo_db_path: Path, meeting_uuid: str, preview_settings: QSettings, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = open_preview(qtbot, demo_db_path, meeting_uuid, preview_settings, "agenda")
    path = dialog.open_in_viewer()
    assert opened and Path(opened[0].toLocalFile()) == path
    assert path.read_bytes().startswith(b"%PDF")


def test_cancel_stops_a_generation_in_progress(qtbot, preview_settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    from app.reports import Cancelled

    def slow(language: str, paper: str, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> bytes:
        for step in range(500):
            if cancelled():
                raise Cancelled()
            progress(step, 500)
            time.sleep(0.01)
        return b""

    dialog = PdfPreviewDialog(None, slow, "Minutes", "slow", preview_settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=10000)
    assert dialog.is_busy() and not dialog.print_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=10000)
    assert dialog.status.text() == "Cancelled."
    assert dialog.page_count() == 0


def test_the_action_register_of_every_meeting(  # type: ignore[no-untyped-def]
    qtbot, demo_db_path: Path, preview_settings: QSettings
) -> None:
    dialog = show_output_preview(None, demo_db_path, None, "actions", settings=preview_settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=30000)
