"""The small standard dialogs of the main window: choosing a database or a package file, and telling the
user how an action went.

File dialogs are Qt's own (translated by ``qtbase_<lang>.qm``); each function returns a path or None and
never acts on it, so the window stays the one place that decides what happens next.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.i18n import _

PACKAGE_SUFFIX = ".chairdesk"


def ask_database_to_open(parent: QWidget, folder: str) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Open database"), folder, _("Chairdesk databases (*.sqlite *.db);;All files (*)"))
    return Path(path) if path else None


def ask_package_to_import(parent: QWidget, folder: str) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Import meeting package"), folder, _("Meeting packages (*.chairdesk);;All files (*)"))
    return Path(path) if path else None


def ask_package_to_write(parent: QWidget, folder: str, reference: str) -> Path | None:
    """Where to export; the ``.chairdesk`` suffix is added when the user typed a bare name."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Export meeting package"), str(Path(folder) / f"{reference}{PACKAGE_SUFFIX}"),
        _("Meeting packages (*.chairdesk)"))
    if not path:
        return None
    target = Path(path)
    return target if target.suffix == PACKAGE_SUFFIX else target.with_name(target.name + PACKAGE_SUFFIX)


def warn(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def inform(parent: QWidget, title: str, headline: str, detail: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, headline, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(detail)
    box.exec()
