"""Quick capture under the current item: its notes (the minutes text, saved as typed), a capture box whose
text becomes a note, a decision or an action at a keystroke, and the decisions and actions taken so far.

The panel only says what the user asked for (``note_requested``, ``decision_requested``,
``action_requested``, with the capture box's text); the window records it and clears the box.  The notes
are written in one language at a time, chosen here and remembered per meeting by the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Language, label
from app.i18n import _
from ui.empty_state import EmptyState
from ui.live.follow_up import ActionFollowUp
from ui.live.records_model import RecordColumn, RecordsModel
from ui.meeting_details_fields import INVALID_STYLE, FieldError

SECTION_STYLE = "font-weight: bold; color: #1F3B63;"


class CapturePanel(QWidget):
    note_requested = Signal(str)
    decision_requested = Signal(str)
    action_requested = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self.notes_label = QLabel(self)
        self.notes_label.setStyleSheet(SECTION_STYLE)
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        for language in Language:
            self.language.addItem("", language.value)
        self.language_label.setBuddy(self.language)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color: #6B6B6B;")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("liveNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setUndoRedoEnabled(False)  # Ctrl+Z undoes a burst of typing through the window's stack
        self.notes_label.setBuddy(self.notes)
        self.notes_error = FieldError(self.notes, self)

        self.capture_label = QLabel(self)
        self.capture_label.setStyleSheet(SECTION_STYLE)
        self.capture = QPlainTextEdit(self)
        self.capture.setObjectName("liveCapture")
        self.capture.setTabChangesFocus(True)
        self.capture.setMaximumHeight(90)
        self.capture_label.setBuddy(self.capture)
        self.capture_error = FieldError(self.capture, self)
        self.note_button = QPushButton(self)
        self.decision_button = QPushButton(self)
        self.action_button = QPushButton(self)
        for button in (self.note_button, self.decision_button, self.action_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.note_button.clicked.connect(lambda: self.note_requested.emit(self.capture.toPlainText()))
        self.decision_button.clicked.connect(lambda: self.decision_requested.emit(self.capture.toPlainText()))
        self.action_button.clicked.connect(lambda: self.action_requested.emit(self.capture.toPlainText()))

        self.records_label = QLabel(self)
        self.records_label.setStyleSheet(SECTION_STYLE)
        self.records_model = RecordsModel(self)
        self.records = QTableView(self)
        self.records.setModel(self.records_model)
        self.records.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.records.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.records.setWordWrap(True)
        self.records.setTabKeyNavigation(False)  # Tab moves on to the next field
        self.records.verticalHeader().hide()
        self.records.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.records.horizontalHeader()
        header.setSectionResizeMode(RecordColumn.NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RecordColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RecordColumn.DETAIL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RecordColumn.DETAIL, 260)
        self.records_page = EmptyState(self.records, self)
        self.follow_up = ActionFollowUp(self)

        top = QHBoxLayout()
        top.addWidget(self.notes_label)
        top.addStretch(1)
        top.addWidget(self.status_label)
        top.addSpacing(12)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.decision_button)
        buttons.addWidget(self.action_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notes, 2)
        layout.addWidget(self.notes_error.label)
        layout.addWidget(self.capture_label)
        layout.addWidget(self.capture)
        layout.addWidget(self.capture_error.label)
        layout.addLayout(buttons)
        layout.addWidget(self.records_label)
        layout.addWidget(self.records_page, 2)
        layout.addWidget(self.follow_up)
        self.setTabOrder(self.notes, self.capture)
        self.setTabOrder(self.capture, self.note_button)
        self.setTabOrder(self.note_button, self.decision_button)
        self.setTabOrder(self.decision_button, self.action_button)
        self.setTabOrder(self.action_button, self.records)
        self.language.activated.connect(lambda index: self.language_chosen.emit(self.language.itemData(index)))
        self.retranslate()

    def notes_language(self) -> str:
        return str(self.language.currentData() or "en")

    def set_notes_language(self, language: str) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.records_model.set_language(language)

    def clear_capture(self) -> None:
        self.capture.clear()  # clears its typing history too: Ctrl+Z now undoes what was recorded
        self.capture_error.clear()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.notes, self.capture):
            widget.setReadOnly(read_only)
        for button in (self.note_button, self.decision_button, self.action_button):
            button.setEnabled(not read_only)
        self.follow_up.setEnabled(not read_only and self.follow_up.action is not None)

    def retranslate(self) -> None:
        self.notes_label.setText(_("&Notes on this item"))
        self.language_label.setText(_("Written in:"))
        for index in range(self.language.count()):
            self.language.setItemText(index, label(Language(self.language.itemData(index))))
        self.notes.setPlaceholderText(_("What is said on this item, as it is said. Saved as you type."))
        self.notes.setAccessibleName(_("Notes on the current item"))
        self.capture_label.setText(_("&Quick capture"))
        self.capture.setPlaceholderText(_("Type a sentence, then Ctrl+Enter to add it to the notes, Ctrl+D to "
                                          "record it as a decision, Ctrl+Shift+A as an action."))
        self.capture.setAccessibleName(_("Quick capture"))
        self.note_button.setText(_("Add to notes (Ctrl+Enter)"))
        self.decision_button.setText(_("Decision (Ctrl+D)"))
        self.action_button.setText(_("Action (Ctrl+Shift+A)"))
        self.records_label.setText(_("Decisions and actions of this item"))
        self.records.setAccessibleName(_("Decisions and actions of this item"))
        self.records_page.set_message(_("No decision or action on this item yet."))
        self.records_model.retranslate()
        self.follow_up.retranslate()
