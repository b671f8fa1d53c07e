"""The page shown instead of the meeting list when there is nothing to list: no database, or no meeting.

It offers the ways out as buttons that say what the user wants (``open_demo_requested`` …); the window
connects them to the same actions as the File menu.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _


class WelcomePage(QWidget):
    open_demo_requested = Signal()
    import_requested = Signal()
    open_database_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._has_database = False
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setPixmap(QIcon("icons:chairdesk.svg").pixmap(96, 96))
        self.heading = QLabel(self)
        self.heading.setObjectName("welcomeHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("QLabel#welcomeHeading { font-size: 15pt; font-weight: bold; }")
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #4A4A4A; font-size: 11pt;")
        self.demo_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.open_demo_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.open_button.clicked.connect(self.open_database_requested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.demo_button, self.import_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.retranslate()

    def set_has_database(self, has_database: bool) -> None:
        self._has_database = has_database
        self.import_button.setEnabled(has_database)
        self.retranslate()

    def retranslate(self) -> None:
        if self._has_database:
            self.heading.setText(_("Welcome to Chairdesk"))
            self.message.setText(_("No meeting yet: import a meeting package or open the demo."))
        else:
            self.heading.setText(_("No database is open"))
            self.message.setText(_("Open a Chairdesk database file, or open the demo to look around."))
        self.demo_button.setText(_("Open the demo"))
        self.import_button.setText(_("Import meeting package…"))
        self.open_button.setText(_("Open database…"))
