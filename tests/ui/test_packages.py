"""File > Export and File > Import of meeting packages run in a worker and report what they did."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.main_window import MainWindow


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []

    def exec_box(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text(), box.informativeText()))
        return QMessageBox.StandardButton.Ok

    def warning(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append((title, text, ""))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def test_export_then_import_into_an_empty_database(qtbot, window: MainWindow, make_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   messages, monkeypatch) -> None:
    out = tmp_path / "out" / "ottawa"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    assert window.menu_actions.export_package.isEnabled()
    window.menu_actions.export_package.trigger()
    assert window.busy_bar.isVisibleTo(window) or messages  # busy while the worker runs
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert messages[0][0] == "Export finished", messages
    package = tmp_path / "out" / "ottawa.chairdesk"
    assert package.is_file()
    assert "VGT-2019-10" in messages[0][1] and "ottawa.chairdesk" in messages[0][1]
    assert not window.busy_bar.isVisibleTo(window)

    empty = make_window()
    with qtbot.waitSignal(empty.database_opened, timeout=20000):
        empty.open_database_file(tmp_path / "empty.sqlite")
    assert empty.pages.currentWidget() is empty.welcome
    assert empty.welcome.message.text() == "No meeting yet: import a meeting package or open the demo."
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(package), ""))
    empty.welcome.import_button.click()
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=20000)
    title, headline, detail = messages[1]
    assert title == "Import finished"
    assert headline == "Imported ottawa.chairdesk: 1 meeting (VGT-2019-10)."
    assert "records added" in detail
    assert empty.pages.currentWidget() is empty.splitter
    assert empty.meeting_model.meeting_at(0).reference == "VGT-2019-10"
    assert empty.overview.badge.text() == "TLP:AMBER"


def test_a_broken_package_is_refused_with_a_message(qtbot, window: MainWindow, tmp_path: Path, messages) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.chairdesk"
    broken.write_bytes(b"PK not really a zip")
    window.import_package(broken)
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    title, text, _detail = messages[0]
    assert title == "Import failed"
    assert "broken.chairdesk" in text
    assert window.meeting_model.rowCount() == 2  # nothing changed, still usable
