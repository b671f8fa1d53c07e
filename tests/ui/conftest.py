"""Fixtures for the UI tests: offscreen Qt, a fresh copy of the demo database, settings in a temporary
INI file, the main window opened on the demo as a user would.  French comes from the shipped catalog."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from app import i18n  # noqa: E402
from ui.application import create_application  # noqa: E402
from ui.language import LanguageSwitcher  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import SettingsStore  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def chairdesk_qt(qapp: QApplication) -> QApplication:
    QStandardPaths.setTestModeEnabled(True)
    return create_application()


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path).close()
    return path


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo, so a test may change it."""
    from app.persistence.database import backup_database

    return backup_database(demo_template, tmp_path / "demo.sqlite")


@pytest.fixture
def settings(tmp_path: Path) -> SettingsStore:
    return SettingsStore.at_path(str(tmp_path / "settings.ini"))


@pytest.fixture
def languages() -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher()
    switcher.set_language("en")
    yield switcher
    switcher.set_language("en")
    switcher.deleteLater()


@pytest.fixture
def make_window(qtbot, settings: SettingsStore, languages: LanguageSwitcher):  # type: ignore[no-untyped-def]
    def make() -> MainWindow:
        window = MainWindow(settings, languages)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(qtbot, make_window, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window opened on the demo through File > Open database…, as a user would."""
    window = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(demo_db_path), ""))
    with qtbot.waitSignal(window.database_opened, timeout=20000):
        window.menu_actions.open_database.trigger()
    return window
