"""The "Add people" field: search the directory as you type and add the people found, with the keyboard.

Typing waits 150 ms for a pause, then asks for a search (``search_requested``); the page answers with
``show_candidates``.  The matches float under the field in a list that never takes the focus, so typing
goes on while it is open: ↓ and ↑ move through it, Shift+↓ selects several, Enter adds the selection
(the best match is selected from the start, so "wisn" then Enter adds Łukasz Wiśniewski), Esc closes it.
People already on the list are shown greyed out, so that nobody wonders why they cannot be found.
The list is a child of the page, not a popup window, so it never grabs the keyboard or the mouse.
Once the field is empty again (after an add), Ctrl+Z is left to the window, so it undoes the add.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, current_language
from app.services.attendees import Candidate

AnyIndex = QModelIndex | QPersistentModelIndex
DEBOUNCE_MS = 150
VISIBLE_ROWS = 10
ERROR_STYLE = "color: #B00020;"


class CandidateModel(QAbstractListModel):
    """The people a search found; those already on the list cannot be chosen."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []

    def set_candidates(self, rows: Sequence[Candidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def candidate(self, row: int) -> Candidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        candidate = self.candidate(index.row()) if index.isValid() else None
        if candidate is None:
            return Qt.ItemFlag.NoItemFlags
        if candidate.listed:
            return Qt.ItemFlag.ItemNeverHasChildren
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        candidate = self.candidate(index.row()) if index.isValid() else None
        if candidate is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = candidate.full_name
            if candidate.organisation_short:
                text = _("{name} — {organisation}").format(name=text, organisation=candidate.organisation_short)
            return _("{person} (already on the list)").format(person=text) if candidate.listed else text
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [candidate.full_name, candidate.title(current_language()), candidate.email or ""]
            return "\n".join(line for line in lines if line)
        return None


class PeoplePicker(QWidget):
    search_requested = Signal(str)
    add_requested = Signal(list)  # person UUIDs, in the order shown
    new_person_requested = Signal(str)  # what was typed, to start the new person's name with

    def __init__(self, overlay_host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = overlay_host
        self.field = QLineEdit(self)
        self.field.setObjectName("addPeopleField")
        self.field.setClearButtonEnabled(True)
        self.label = QLabel(self)
        self.label.setBuddy(self.field)
        self.new_button = QPushButton(self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.field, 1)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)

        self.model = CandidateModel(self)
        self.overlay = QFrame(overlay_host)
        self.overlay.setObjectName("peopleMatches")
        self.overlay.setFrameShape(QFrame.Shape.StyledPanel)
        self.overlay.setStyleSheet("QFrame#peopleMatches { background: palette(base); border: 1px solid #8A8A8A; }")
        self.results = QListView(self.overlay)
        self.results.setModel(self.model)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing stays in the field
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setUniformItemSizes(True)
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        self.hint = QLabel(self.overlay)
        self.hint.setStyleSheet("color: #5A5A5A; padding: 2px 6px;")
        overlay_layout = QVBoxLayout(self.overlay)
        overlay_layout.setContentsMargins(1, 1, 1, 1)
        overlay_layout.setSpacing(0)
        overlay_layout.addWidget(self.results)
        overlay_layout.addWidget(self.hint)
        self.overlay.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_now)
        self.field.textEdited.connect(self._typed)
        self.field.installEventFilter(self)
        overlay_host.installEventFilter(self)
        self.results.doubleClicked.connect(lambda index: self._add([index.row()]))
        self.new_button.clicked.connect(lambda: self.new_person_requested.emit(self.field.text().strip()))
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(_("&Add people:"))
        self.field.setPlaceholderText(_("Type a name, an organisation or an e-mail address"))
        self.field.setAccessibleName(_("Add people"))
        self.new_button.setText(_("&New person…"))
        self.new_button.setToolTip(_("Create someone who is not in the directory yet, and add them"))
        self.hint.setText(_("Enter: add · Shift+↓: select several · Esc: close"))
        self.results.setAccessibleName(_("Matching people"))

    # --- what the page calls ---------------------------------------------------------------------------

    def show_candidates(self, text: str, candidates: Sequence[Candidate]) -> None:
        """The answer to a search; ignored if the field has moved on since."""
        if text != self.field.text().strip():
            return
        self.model.set_candidates(candidates)
        if not candidates:
            self.overlay.hide()
            self.show_error(_("No one in the directory matches “{text}”. Use New person… to create them.").format(
                text=text) if text else "")
            return
        self.clear_error()
        first = next((row for row, c in enumerate(candidates) if not c.listed), None)
        if first is not None:
            self.results.setCurrentIndex(self.model.index(first))
        self._place_overlay()
        self.overlay.show()
        self.overlay.raise_()

    def clear(self) -> None:
        self._timer.stop()
        self.field.clear()
        self.model.set_candidates([])
        self.overlay.hide()
        self.clear_error()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def clear_error(self) -> None:
        self.show_error("")

    def candidates_shown(self) -> list[Candidate]:
        return [c for row in range(self.model.rowCount()) if (c := self.model.candidate(row)) is not None]

    # --- typing and keys ----------------------------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        self.clear_error()
        if not self.field.text().strip():
            self._timer.stop()
            self.model.set_candidates([])
            self.overlay.hide()
            return
        self._timer.start()

    def _search_now(self) -> None:
        self._timer.stop()
        text = self.field.text().strip()
        if text:
            self.search_requested.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            if self.overlay.isVisible():
                self._place_overlay()
        elif watched is self.field and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            # An empty field has nothing of its own to undo: Ctrl+Z goes to the window (undo the add just made).
            if not self.field.text() and (event.matches(QKeySequence.StandardKey.Undo)
                                          or event.matches(QKeySequence.StandardKey.Redo)
                                          or QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+Shift+Z")):
                event.ignore()
                return True
        elif watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        elif watched is self.field and event.type() == QEvent.Type.FocusOut:
            self.overlay.hide()
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():  # typed faster than the pause: search before choosing
                self._search_now()
            rows = sorted(index.row() for index in self.results.selectionModel().selectedRows())
            if self.overlay.isVisible() and rows:
                self._add(rows)
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if self.overlay.isVisible() and not self._timer.isActive():
                extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._move(1 if key == Qt.Key.Key_Down else -1, extend)
            elif self.field.text().strip():  # the list is not up to date yet: this key only brings it
                self._search_now()
            return True
        if key == Qt.Key.Key_Escape and self.overlay.isVisible():
            self.overlay.hide()
            return True
        return False

    def _move(self, step: int, extend: bool) -> None:
        row = self.results.currentIndex().row()
        count = self.model.rowCount()
        while 0 <= row + step < count:
            row += step
            if self.model.flags(self.model.index(row)) & Qt.ItemFlag.ItemIsEnabled:
                flags = QItemSelectionModel.SelectionFlag.Select if extend else \
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                self.results.selectionModel().setCurrentIndex(self.model.index(row), flags)
                self.results.scrollTo(self.model.index(row))
                return

    def _add(self, rows: list[int]) -> None:
        chosen = [c.person_uuid for row in rows if (c := self.model.candidate(row)) is not None and not c.listed]
        if chosen:
            self.add_requested.emit(chosen)

    def _place_overlay(self) -> None:
        top_left = self.field.mapTo(self._host, QPoint(0, self.field.height() + 1))
        rows = max(1, min(VISIBLE_ROWS, self.model.rowCount()))
        row_height = max(self.results.sizeHintForRow(0), self.fontMetrics().height() + 6)
        height = rows * row_height + self.hint.sizeHint().height() + 4
        height = min(height, self._host.height() - top_left.y() - 8)
        width = min(max(self.field.width() // 2, 460), self.field.width())
        self.overlay.setGeometry(top_left.x(), top_left.y(), min(width, self._host.width() - top_left.x() - 8), height)
