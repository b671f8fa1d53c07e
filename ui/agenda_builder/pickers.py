"""Choosing an item's presenters from the directory (search as you type) and its linked documents.

The pickers never read the database: the presenter picker asks with ``search_requested(text)`` and is
answered with ``set_results``; both say what the user chose with ``presenters_changed`` /
``documents_changed`` (the whole new list, in order), which the page turns into one undoable step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import label
from app.i18n import _, current_language
from app.services.views import DocumentSummary, PersonView

AnyIndex = QModelIndex | QPersistentModelIndex
UUID_ROLE = Qt.ItemDataRole.UserRole + 1


class ChoiceModel(QAbstractListModel):
    """Rows of (uuid, text, tooltip), optionally with a check box each."""

    check_toggled = Signal(str, bool)

    def __init__(self, checkable: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []
        self._checked: set[str] = set()
        self._checkable = checkable

    def set_rows(self, rows: Sequence[tuple[str, str, str]], checked: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = set(checked)
        self.endResetModel()

    def uuids(self) -> list[str]:
        return [row[0] for row in self._rows]

    def uuid_at(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        uuid, text, tooltip = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip or text
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            return Qt.CheckState.Checked if uuid in self._checked else Qt.CheckState.Unchecked
        if role == UUID_ROLE:
            return uuid
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self._checkable else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self._checkable and index.isValid() and role == Qt.ItemDataRole.CheckStateRole):
            return False
        uuid = self._rows[index.row()][0]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self._checked.add if checked else self._checked.discard)(uuid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.check_toggled.emit(uuid, checked)
        return True


class _SearchField(QLineEdit):
    """Down goes to the results; Enter picks the highlighted (or first) result."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


def _list(parent: QWidget, rows: int) -> QListView:
    view = QListView(parent)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setUniformItemSizes(True)
    view.setMaximumHeight(view.fontMetrics().height() * rows + 12)
    return view


class PresenterPicker(QWidget):
    search_requested = Signal(str)
    presenters_changed = Signal(object)  # list of person UUIDs, in order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: list[tuple[str, str]] = []
        self.search = _SearchField(self)
        self.search.setClearButtonEnabled(True)
        self.results_model = ChoiceModel(parent=self)
        self.results = _list(self, 5)
        self.results.setModel(self.results_model)
        self.chosen_model = ChoiceModel(parent=self)
        self.chosen = _list(self, 4)
        self.chosen.setModel(self.chosen_model)
        self.remove_button, self.up_button, self.down_button = (QToolButton(self) for _i in range(3))
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 0, 0, 1, 2)
        layout.addWidget(self.results, 1, 0, 1, 2)
        layout.addWidget(self.chosen, 2, 0)
        buttons = QVBoxLayout()
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons, 2, 1)
        self.search.textChanged.connect(self.search_requested)
        self.search.returnPressed.connect(self._add_current)
        self.search.down_pressed.connect(self._focus_results)
        self.results.activated.connect(lambda index: self._add(index.row()))
        self.results.hide()  # until there is something to find
        self.remove_button.clicked.connect(self._remove_current)
        self.up_button.clicked.connect(lambda: self._shift(-1))
        self.down_button.clicked.connect(lambda: self._shift(1))
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Search the directory to add a presenter…"))
        self.search.setAccessibleName(_("Search the directory"))
        self.results.setAccessibleName(_("People found"))
        self.chosen.setAccessibleName(_("Presenters"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setToolTip(_("Remove the selected presenter"))
        self.up_button.setToolTip(_("Present earlier"))
        self.down_button.setToolTip(_("Present later"))

    def set_results(self, people: Sequence[PersonView]) -> None:
        language = current_language()
        rows = []
        for person in people:
            text = (_("{name} ({organisation})").format(name=person.full_name, organisation=person.organisation_short)
                    if person.organisation_short else person.full_name)
            rows.append((person.uuid, text, person.title(language)))
        self.results_model.set_rows(rows)
        self.results.setVisible(bool(rows) or bool(self.search.text().strip()))
        if rows:
            self.results.setCurrentIndex(self.results_model.index(0))

    def set_presenters(self, uuids: Sequence[str], names: Sequence[str]) -> None:
        self._chosen = list(zip(uuids, names, strict=True))
        self.chosen_model.set_rows([(uuid, name, "") for uuid, name in self._chosen])

    def presenter_uuids(self) -> list[str]:
        return [uuid for uuid, _name in self._chosen]

    def _focus_results(self) -> None:
        if self.results_model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.results_model.index(0))

    def _add_current(self) -> None:
        self._add(max(self.results.currentIndex().row(), 0))

    def _add(self, row: int) -> None:
        uuid = self.results_model.uuid_at(row)
        if uuid is None or uuid in self.presenter_uuids():
            return
        self.search.clear()
        self.search.setFocus()
        self.presenters_changed.emit([*self.presenter_uuids(), uuid])

    def _remove_current(self) -> None:
        row = self.chosen.currentIndex().row()
        uuids = self.presenter_uuids()
        if 0 <= row < len(uuids):
            del uuids[row]
            self.presenters_changed.emit(uuids)

    def _shift(self, step: int) -> None:
        row = self.chosen.currentIndex().row()
        uuids = self.presenter_uuids()
        if 0 <= row < len(uuids) and 0 <= row + step < len(uuids):
            uuids[row], uuids[row + step] = uuids[row + step], uuids[row]
            self.presenters_changed.emit(uuids)
            self.chosen.setCurrentIndex(self.chosen_model.index(row + step))


class DocumentPicker(QWidget):
    """The documents of the register, each with a box to link it to the item; a filter narrows the list."""

    documents_changed = Signal(object)  # list of document UUIDs, in order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: list[DocumentSummary] = []
        self._linked: list[str] = []
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.model = ChoiceModel(checkable=True, parent=self)
        self.view = _list(self, 5)
        self.view.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.filter.textChanged.connect(lambda _text: self._fill())
        self.model.check_toggled.connect(self._toggled)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(_("Filter the documents…"))
        self.view.setAccessibleName(_("Linked documents"))
        self._fill()

    def set_documents(self, documents: Sequence[DocumentSummary]) -> None:
        self._documents = list(documents)
        self._fill()

    def set_linked(self, uuids: Sequence[str]) -> None:
        self._linked = list(uuids)
        self._fill()

    def _fill(self) -> None:
        from app.domain.rules import fold

        language = current_language()
        needle = fold(self.filter.text().strip())
        rows = []
        for doc in self._documents:
            title = doc.title(language)
            if needle and needle not in fold(title):
                continue
            rows.append((doc.uuid, title, _("{kind} · {status}").format(kind=label(doc.kind),
                                                                        status=label(doc.status))))
        self.model.set_rows(rows, self._linked)

    def _toggled(self, uuid: str, checked: bool) -> None:
        linked = [u for u in self._linked if u != uuid] + ([uuid] if checked else [])
        self.documents_changed.emit(linked)
