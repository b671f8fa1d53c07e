"""The About Chairdesk dialog: version, the open database, and the versions of Qt and Python underneath.

Support staff ask for exactly these when something goes wrong, so the text can be selected and copied.
"""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import app
from app.i18n import _


class AboutDialog(QDialog):
    def __init__(self, database_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database_path = database_path
        self.icon = QLabel(self)
        self.icon.setPixmap(QIcon("icons:chairdesk.svg").pixmap(64, 64))
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.addWidget(self.heading)
        texts.addWidget(self.summary)
        texts.addSpacing(8)
        texts.addWidget(self.details)
        top.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("About Chairdesk"))
        self.heading.setText(_("Chairdesk {version}").format(version=app.__version__))
        self.summary.setText(_("Meetings, agendas, minutes, decisions and documents of a taskforce chair's office."))
        database = str(self._database_path) if self._database_path else _("No database is open")
        lines = [
            _("Database: {path}").format(path=database),
            _("Qt {qt} · PySide6 {pyside} · Python {python}").format(
                qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()),
            _("Fonts: DejaVu Sans (free licence, shipped with Chairdesk)"),
        ]
        self.details.setText("\n".join(lines))
