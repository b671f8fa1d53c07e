"""Errors reach the user as translated dialogs and the window stays usable: a bad database file, a broken
package, an unexpected exception in a slot or in a worker."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ui import application, crash
from ui.crash import CrashReporter
from ui.main_window import MainWindow


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def warning(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def test_a_file_that_is_not_a_database_shows_an_error_and_the_window_stays_usable(
        qtbot, make_window, tmp_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"These are meeting notes, not an SQLite database. " * 50)
    window = make_window()
    window.open_database_file(bad)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    title, text = warnings[0]
    assert title == "Cannot open the database"
    assert "is not a Chairdesk database" in text and "notes.sqlite" in text
    assert window.database is None
    assert window.pages.currentWidget() is window.welcome
    qtbot.waitUntil(lambda: window.menu_actions.open_database.isEnabled())
    assert window.welcome.isEnabled()


def test_the_error_is_in_french_when_the_interface_is(qtbot, make_window, languages, tmp_path, warnings) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"not a database" * 100)
    window = make_window()
    languages.set_language("fr")
    window.open_database_file(bad)
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert warnings[0][0] == "Impossible d’ouvrir la base de données"


def test_startup_shows_the_window_first_then_reports_a_bad_database(
        qtbot, settings, tmp_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 200)
    args = argparse.Namespace(command=None, db=bad, demo=False, lang="en")
    window = application.build_main_window(args, settings=settings)
    qtbot.addWidget(window)
    assert window.isVisible() and window.database is None  # painted before the database is touched
    assert window.statusBar().currentMessage() == "Opening the database…"
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "bad.sqlite" in warnings[0][1]


def test_startup_opens_the_database_given(qtbot, settings, demo_db_path: Path) -> None:  # type: ignore[no-untyped-def]
    args = argparse.Namespace(command=None, db=demo_db_path, demo=False, lang="en")
    window = application.build_main_window(args, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=20000):
        pass
    assert window.meeting_model.rowCount() == 2
    assert window.overview.title_label.text().startswith("Virtual Global Taskforce meeting")


def test_startup_language_comes_from_the_saved_choice(settings) -> None:  # type: ignore[no-untyped-def]
    settings.update(language="fr")
    assert application.choose_language(None, settings) == "fr"
    assert application.choose_language("en", settings) == "en"


def test_unexpected_exceptions_are_logged_and_shown(qtbot, monkeypatch, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(crash, "show_unexpected_error", lambda details, parent=None, log_path=None: shown.append(details))
    reporter = CrashReporter(tmp_path / "chairdesk.log")
    try:
        raise ValueError("a bug in a slot")
    except ValueError as error:
        with caplog.at_level(logging.ERROR, logger="chairdesk"):
            reporter.excepthook(type(error), error, error.__traceback__)
    assert "ValueError: a bug in a slot" in shown[0]
    assert "a bug in a slot" in caplog.text


def test_the_excepthook_is_installed_and_removed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    reporter = CrashReporter()
    before = sys.excepthook
    reporter.install()
    assert sys.excepthook == reporter.excepthook
    reporter.uninstall()
    assert sys.excepthook is before


def test_a_bug_in_a_worker_is_reported_on_the_gui_thread(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui import main_window

    shown: list[str] = []
    monkeypatch.setattr(main_window, "show_unexpected_error", lambda details, parent=None: shown.append(details))

    def broken() -> None:
        raise KeyError("worker bug")

    window.tasks.start(broken, (), lambda result: None, lambda message: None)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "KeyError: 'worker bug'" in shown[0]
    assert not window.tasks.is_busy()
