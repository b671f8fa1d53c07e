"""Screenshots of the main screens, rendered offscreen in English and in French for the documentation.

``chairdesk screenshots --out docs/screenshots`` lands here.  The window is drawn on the demo (a fresh copy
in a temporary folder unless a database is given) with meeting VGT-2019-10 selected, at 1400×900, in the
Fusion style and our own fonts, so that the pictures come out the same on every machine.  The user's
settings and demo database are left alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import current_language, set_language
from ui.about import AboutDialog
from ui.application import create_application
from ui.language import LanguageSwitcher
from ui.main_window import MainWindow
from ui.settings import SettingsStore

SIZE = (1400, 900)
MEETING = "VGT-2019-10"
LANGUAGES = ("en", "fr")


def render_screenshots(out_dir: Path, db_path: Path | None = None) -> list[Path]:
    """Write ``main-window-<lang>.png``, ``about-<lang>.png`` and ``welcome-<lang>.png``; return their paths."""
    if not os.environ.get("QT_QPA_PLATFORM"):  # before the QApplication exists; a user's choice stands
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    qt_app = create_application()
    previous_style = qt_app.style().name()
    qt_app.setStyle("Fusion")
    previous_language = current_language()
    previous_handler = qInstallMessageHandler(_without_offscreen_noise)
    written: list[Path] = []
    try:
        with tempfile.TemporaryDirectory(prefix="chairdesk-shots-") as work:
            scratch = Path(work)
            demo = Path(db_path) if db_path is not None else demo_copy(scratch)
            for language in LANGUAGES:
                written += _render_window("main-window", language, demo, scratch, out_dir, with_about=True)
                written += _render_window("welcome", language, scratch / "empty.sqlite", scratch, out_dir)
    finally:
        set_language(previous_language)
        qt_app.setStyle(previous_style)
        qInstallMessageHandler(previous_handler)
    return written


def _without_offscreen_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform warns about every window it cannot resize natively; nothing is wrong.
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def demo_copy(folder: Path) -> Path:
    """A fresh demo database in ``folder``: from the shipped package, or built from ``app.demo`` without it."""
    from app.demo_setup import demo_package_path, write_demo_database

    target = folder / "demo.sqlite"
    if demo_package_path().is_file():
        return write_demo_database(target)
    from app.demo import build_demo_database  # what the shipped package is made from

    build_demo_database(target).close()
    return target


def _render_window(name: str, language: str, db_path: Path, scratch: Path, out_dir: Path,
                   with_about: bool = False) -> list[Path]:
    from app.persistence.database import open_database  # SQLAlchemy: only once rendering starts

    languages = LanguageSwitcher()
    languages.set_language(language)
    window = MainWindow(SettingsStore.at_path(str(scratch / f"settings-{name}-{language}.ini")), languages)
    written: list[Path] = []
    try:
        window.resize(*SIZE)
        window.set_database(open_database(db_path))  # the window closes it when it closes
        window.select_meeting(MEETING)
        window.show()
        window.meeting_view.setFocus()
        written.append(_save(window, out_dir / f"{name}-{language}.png"))
        if with_about:
            dialog = AboutDialog(db_path, window)
            dialog.show()
            written.append(_save(dialog, out_dir / f"about-{language}.png"))
            dialog.close()
    finally:
        window.close()
        window.deleteLater()
        languages.deleteLater()
        QApplication.processEvents()
    return written


def _save(widget: QWidget, target: Path) -> Path:
    QApplication.processEvents()  # let layouts settle before the picture is taken
    widget.grab().save(str(target))
    return target
