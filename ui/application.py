"""The composition root of the desktop app: the QApplication, fonts, icons, language, error handling and
the main window, put together once here.

The window is shown first and the database opened on the next turn of the event loop, in a worker: the
core's SQLAlchemy import alone takes longer than a bare Qt window needs to appear, and the user should see
the app at once, with "Opening the database…" in the status bar.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QDir, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

import app
from app.i18n import _, system_language
from ui.crash import CrashReporter, configure_logging
from ui.language import LanguageSwitcher
from ui.main_window import MainWindow
from ui.settings import SettingsStore

APP_NAME = "Chairdesk"
FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_POINT_SIZE = 10


def resources_folder() -> Path:
    import resources  # the data package shipped beside app/ and ui/, in a checkout and in a wheel

    return Path(resources.__file__).resolve().parent


def register_fonts() -> list[str]:
    """Our own fonts, so that text renders alike on every machine, including CI without system fonts."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_folder() / "fonts" / name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def register_resource_paths() -> None:
    """``QIcon("icons:lock.svg")`` and friends find their files by name from here on."""
    QDir.setSearchPaths("icons", [str(resources_folder() / "icons")])


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names, fonts and icons; an existing one (tests) is reused and set up alike."""
    instance = QApplication.instance()
    qt_app = instance if isinstance(instance, QApplication) else QApplication(argv or [sys.argv[0]])
    qt_app.setApplicationName(APP_NAME)
    qt_app.setOrganizationName(APP_NAME)
    qt_app.setApplicationVersion(app.__version__)
    register_resource_paths()
    if not qt_app.property("chairdesk_fonts"):  # once per application, however often we are called
        qt_app.setProperty("chairdesk_fonts", bool(register_fonts()))
    if FONT_FAMILY in QFontDatabase.families():
        qt_app.setFont(QFont(FONT_FAMILY, FONT_POINT_SIZE))
    qt_app.setWindowIcon(QIcon("icons:chairdesk.svg"))
    return qt_app


def choose_language(requested: str | None, settings: SettingsStore) -> str:
    """``--lang``, else the language chosen in the menu last time, else the system's."""
    return requested or settings.load().language or system_language()


def build_main_window(args: argparse.Namespace, settings: SettingsStore | None = None,
                      crash_reporter: CrashReporter | None = None) -> MainWindow:
    """Everything but the event loop: language, window, and the database opening queued for the next turn."""
    qt_app = create_application()
    store = settings or SettingsStore()
    languages = LanguageSwitcher(qt_app)
    languages.set_language(choose_language(getattr(args, "lang", None), store))
    window = MainWindow(store, languages, crash_reporter)
    if crash_reporter is not None:
        crash_reporter.window = window
    window.show()
    window.statusBar().showMessage(_("Opening the database…"))
    QTimer.singleShot(0, lambda: window.open_startup_database(getattr(args, "db", None),
                                                              bool(getattr(args, "demo", False))))
    return window


def run_gui(args: argparse.Namespace) -> int:
    """``chairdesk`` without a command: the desktop app, until its window is closed."""
    qt_app = create_application()
    reporter = CrashReporter(configure_logging(), qt_app)
    reporter.install()
    window = build_main_window(args, crash_reporter=reporter)
    window.meeting_view.setFocus()
    try:
        return qt_app.exec()
    finally:
        reporter.uninstall()
