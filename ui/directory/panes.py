"""One tab of the Directory page: a sortable table beside the form of its selected row, and the file dialog of
an export.

The tab keeps the row the form shows across reloads (by UUID), selects the next row after a deletion, and
says why a table is empty: nothing in the directory yet, or nothing matching the search.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.services.views import OrganisationView, PersonView
from ui.directory.editors import OrganisationEditor, PersonEditor
from ui.directory.models import OrganisationsModel, PeopleModel
from ui.empty_state import EmptyState

Record = PersonView | OrganisationView


class DirectoryTab(QWidget):
    def __init__(self, model: PeopleModel | OrganisationsModel, editor: PersonEditor | OrganisationEditor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.editor = editor
        self._record: Record | None = None
        self._select_after_delete: int | None = None
        self._empty_text = ""
        self._no_match_text = ""

        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # the header calls the model's own sort()
        self.list_page = EmptyState(self.view, self)

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("QLabel#editorPlaceholder { color: #6B6B6B; padding: 24px; }")
        self.editor_scroll = QScrollArea(self)
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setWidget(editor)
        self.editor_stack = QStackedWidget(self)
        self.editor_stack.addWidget(self.placeholder)
        self.editor_stack.addWidget(self.editor_scroll)
        self.editor_stack.setMinimumWidth(380)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list_page)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.splitter)

    def set_column_widths(self, widths: Sequence[int]) -> None:
        """Starting widths; the user may drag them, and the last column takes what is left."""
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def retranslate(self, placeholder: str) -> None:
        self.placeholder.setText(placeholder)
        people = isinstance(self.model, PeopleModel)
        self._empty_text = (_("No people in the directory yet. Press Ctrl+N to add one, or import a spreadsheet.")
                            if people else
                            _("No organisations in the directory yet. Press Ctrl+N to add one, or import a "
                              "spreadsheet."))
        self._no_match_text = (_("No one matches this search and these filters.") if people
                               else _("No organisation matches this search and these filters."))
        self.view.setAccessibleName(_("People") if people else _("Organisations"))

    # --- rows and selection ----------------------------------------------------------------------------------

    def show_rows(self, rows: Sequence[Any], filtered: bool) -> None:
        keep = self._record.uuid if self._record is not None else None
        self.model.set_rows(rows)
        self.list_page.set_message(self._no_match_text if filtered else self._empty_text)
        if self.editor.is_new:
            return
        row = self.model.row_of(keep)
        if row < 0 and self._select_after_delete is not None and self.model.rowCount():
            row = min(self._select_after_delete, self.model.rowCount() - 1)
        self._select_after_delete = None
        if row < 0:
            self.view.clearSelection()
            self.show_record(None)
            return
        index = self.model.index(row, 0)
        if self.view.currentIndex().row() != row or not self.view.selectionModel().isRowSelected(row):
            self.view.setCurrentIndex(index)
        self.show_record(self.model.row_at(row))

    def show_record(self, record: Record | None) -> None:
        if record is None and self.editor.is_new:
            return
        self._record = record
        if record is None:
            self.editor.uuid = None
            self.editor_stack.setCurrentWidget(self.placeholder)
            return
        if isinstance(record, PersonView) and isinstance(self.editor, PersonEditor):
            self.editor.show_person(record)
        elif isinstance(record, OrganisationView) and isinstance(self.editor, OrganisationEditor):
            self.editor.show_organisation(record)
        self.editor_stack.setCurrentWidget(self.editor_scroll)

    def current(self) -> Record | None:
        """The row selected in the table, if any."""
        if not self.view.selectionModel().hasSelection():
            return None
        record = self.model.row_at(self.view.currentIndex().row())
        return record if isinstance(record, PersonView | OrganisationView) else None

    def current_record(self) -> Record | None:
        """The record the form shows."""
        return self._record

    def record_saved(self, record: Record, field: str, value: Any) -> None:
        self._record = record
        self.editor.mark_saved(field, value)

    def record_created(self, record: Record) -> None:
        self._record = record
        self.editor.set_record(record.uuid, {spec.name: getattr(record, spec.name) for spec in self.editor.specs})

    def start_new(self) -> None:
        self._record = None
        self.editor_stack.setCurrentWidget(self.editor_scroll)
        self.editor.start_new()

    def forget_all(self) -> None:
        """Another database: nothing shown or being typed belongs to it."""
        self.editor.leave_new()
        self._select_after_delete = None
        self.show_record(None)

    def forget(self, uuid: str) -> None:
        """The row was deleted: once the table reloads, select the one that took its place."""
        if self._record is not None and self._record.uuid == uuid:
            self._select_after_delete = self.model.row_of(uuid)
            self._record = None


def ask_export_path(parent: QWidget, people: bool) -> Path | None:
    """Where to write an export; ``.xlsx`` or ``.csv`` is added from the chosen type when the name has neither."""
    title = _("Export people") if people else _("Export organisations")
    default = _("people.xlsx") if people else _("organisations.xlsx")
    xlsx, csv = _("Excel workbook (*.xlsx)"), _("CSV file (*.csv)")
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path.home() / default), f"{xlsx};;{csv}")
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))
    return target


def export_message(count: int, path: Path, people: bool) -> str:
    message = (ngettext("Exported {count} person to {file}.", "Exported {count} people to {file}.", count)
               if people else ngettext("Exported {count} organisation to {file}.",
                                       "Exported {count} organisations to {file}.", count))
    return message.format(count=count, file=path)
