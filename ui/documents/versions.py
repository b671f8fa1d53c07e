"""The Versions tab: the files of a document, each with its SHA-256; add one by dropping it on the list or
with a file dialog, open a temporary copy with the system's application, save a copy, delete a version
nothing refers to yet, link the English and French versions of one text, and edit a version's details.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Language
from app.i18n import _
from app.services.document_views import VersionView
from ui.documents.forms import EnumCombo, FieldErrors, OptionalDateEdit
from ui.documents.models import VersionColumn, VersionsModel


class DropTable(QTableView):
    """A table that takes files dropped from the desktop."""

    files_dropped = Signal(list)  # of Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    @staticmethod
    def _files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()


class VersionsTab(QWidget):
    add_files_requested = Signal(list)  # of Path
    open_requested = Signal(str)  # version uuid
    save_copy_requested = Signal(str, object)  # version uuid, Path
    delete_requested = Signal(object)  # VersionView
    link_requested = Signal(object, object)  # VersionView, VersionView or None
    update_requested = Signal(str, dict)  # version uuid, changes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VersionsModel(self)
        self.view = DropTable(self)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.setObjectName("versionsView")
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.setSortingEnabled(True)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        for version_column in VersionColumn:
            header.setSectionResizeMode(version_column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VersionColumn.FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VersionColumn.NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(VersionColumn.NOTE, 260)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #6B6B6B;")
        self.hash_label = QLabel(self)
        self.hash_label.setObjectName("versionHash")
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.errors = FieldErrors()
        self.language = EnumCombo(Language, optional=True, parent=self)
        self.issued_on = OptionalDateEdit(self)
        self.note = QLineEdit(self)
        self.parallel = QComboBox(self)
        self.apply_button = QPushButton(self)
        for combo in (self.language, self.parallel):
            combo.setMaximumWidth(420)
        self.form = QFormLayout()
        self.form_labels: dict[str, QLabel] = {}
        for key, widget in (("language", self.language), ("issued_on", self.issued_on), ("note", self.note),
                            ("parallel_of", self.parallel)):
            name = QLabel(self)
            name.setBuddy(widget)
            self.form_labels[key] = name
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.errors.make(key, self))
            self.form.addRow(name, column)
        self.errors.alias("file_name", "note")
        self.errors.set_fallback("note")
        apply_row = QHBoxLayout()
        apply_row.addStretch(1)
        apply_row.addWidget(self.apply_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.hash_label)
        layout.addLayout(self.form)
        layout.addLayout(apply_row)

        self.view.files_dropped.connect(self.add_files_requested)
        self.add_button.clicked.connect(self._choose_files)
        self.open_button.clicked.connect(lambda: self._emit_current(self.open_requested.emit))
        self.save_button.clicked.connect(self._choose_copy)
        self.delete_button.clicked.connect(self._delete)
        self.apply_button.clicked.connect(self._apply)
        # Enter or a double click opens the version (the platform's "activate").
        self.view.activated.connect(lambda _index: self._emit_current(self.open_requested.emit))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._current_changed())
        self.retranslate()
        self._current_changed()

    # --- data -----------------------------------------------------------------------------------------------------

    def show_versions(self, versions: tuple[VersionView, ...]) -> None:
        keep = self.current()
        self.model.set_rows(versions)
        row = self.model.row_of(keep.uuid) if keep else -1
        if row < 0 and versions:
            row = self.model.row_of(max(versions, key=lambda v: v.number).uuid)
        if row >= 0:
            self.select_row(row)
        self._current_changed()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def select_version(self, uuid: str) -> None:
        row = self.model.row_of(uuid)
        if row >= 0:
            self.select_row(row)
            self._current_changed()

    def current(self) -> VersionView | None:
        return self.model.row_at(self.view.currentIndex().row())

    def show_error(self, field: str | None, message: str) -> None:
        self.errors.show(field, message)

    def _emit_current(self, emit: object) -> None:
        version = self.current()
        if version is not None:
            emit(version.uuid)  # type: ignore[operator]

    def _current_changed(self) -> None:
        version = self.current()
        for button in (self.open_button, self.save_button):
            button.setEnabled(version is not None)
        self.delete_button.setEnabled(version is not None and version.deletable)
        self.hash_label.setText(_("SHA-256 of version {number}: {sha256}").format(
            number=version.number, sha256=version.sha256) if version else "")
        self.errors.clear()
        for widget in (self.language, self.issued_on, self.note, self.parallel, self.apply_button):
            widget.setEnabled(version is not None)
        self.parallel.blockSignals(True)
        self.parallel.clear()
        self.parallel.addItem(_("None"), None)
        if version is not None:
            self.language.set_value(version.language)
            if version.language is None:
                self.language.setCurrentIndex(0)
            self.issued_on.set_value(version.issued_on)
            self.note.setText(version.note)
            for other in self.model.rows():
                if other.uuid != version.uuid:
                    self.parallel.addItem(_("Version {number} ({file})").format(
                        number=other.number, file=other.file_name), other.uuid)
            self.parallel.setCurrentIndex(max(0, self.parallel.findData(version.parallel_uuid)))
        self.parallel.blockSignals(False)

    # --- requests -----------------------------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, _("Add a version"), "", _("All files (*)"))
        if paths:
            self.add_files_requested.emit([Path(p) for p in paths])

    def _choose_copy(self) -> None:
        version = self.current()
        if version is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Save a copy"), version.file_name, _("All files (*)"))
        if path:
            self.save_copy_requested.emit(version.uuid, Path(path))

    def _delete(self) -> None:
        version = self.current()
        if version is not None and version.deletable:
            self.delete_requested.emit(version)

    def _apply(self) -> None:
        version = self.current()
        if version is None:
            return
        self.errors.clear()
        changes = {key: value for key, value in (("language", self.language.value()),
                                                 ("issued_on", self.issued_on.value()),
                                                 ("note", self.note.text().strip()))
                   if value != getattr(version, key)}
        other_uuid = self.parallel.currentData()
        other = next((v for v in self.model.rows() if v.uuid == other_uuid), None)
        if changes:  # read everything first: the reload after the first edit refills the form
            self.update_requested.emit(version.uuid, changes)
        if other_uuid != version.parallel_uuid:
            self.link_requested.emit(version, other)

    def retranslate(self) -> None:
        self.add_button.setText(_("Add a file…"))
        self.open_button.setText(_("Open"))
        self.open_button.setToolTip(_("Open a temporary copy with the system's application; the stored file is "
                                      "never changed."))
        self.save_button.setText(_("Save a copy…"))
        self.delete_button.setText(_("Delete version"))
        self.delete_button.setToolTip(_("Only a version that nothing refers to yet can be deleted; an approved "
                                        "version is kept for the record."))
        self.hint.setText(_("Drop a file on the list to add it as a new version (PDF, DOCX, XLSX or any type)."))
        names = {"language": _("Language:"), "issued_on": _("Issued:"), "note": _("Note:"),
                 "parallel_of": _("Same text as:")}
        for key, text in names.items():
            self.form_labels[key].setText(text)
        self.language.retranslate(_("Not set"))
        self.issued_on.set_label(_("Issued on"))
        self.apply_button.setText(_("Save version details"))
        self.view.setAccessibleName(_("Versions"))
        self.model.retranslate()
        self._current_changed()
