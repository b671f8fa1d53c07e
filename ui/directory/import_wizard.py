"""The import wizard: a CSV or XLSX file → what each column holds → what each row becomes → import.

Nothing is written before the last page's Import button: reading the file and analysing its rows run in the
worker and only read, so Cancel at any step leaves the database as it was.  The review page lists every row
with its outcome and, for a refused row, the reasons; the user may untick rows to leave them out.  The write is
one service call in the worker (one transaction); ``import_done`` then hands its result to the page, which
puts it on the undo stack as one step.  While it runs Cancel is disabled, so that closing the wizard never
hides a write still going on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from shiboken6 import isValid

from app.i18n import _, ngettext
from app.interchange.directory_command import describe_counts, result_summary
from app.interchange.spreadsheet_import import Sheet
from app.interchange.spreadsheet_mapping import ImportKind
from app.services.directory_import import apply_import, redo_import, undo_import
from app.services.import_plan import ImportPreview, ImportResult, Outcome
from ui.context import AppContext
from ui.directory.fields import ERROR_STYLE
from ui.directory.import_models import PlanColumn, PlanFilter, PlanModel
from ui.directory.import_pages import FilePage, MappingPage
from ui.undo import perform

WRAPPED_ROWS = 1000


def _label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ReviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.summary = _label(self)
        self.hint = _label(self)
        self.hint.setStyleSheet("color: #7A4B00;")
        self.show_label = QLabel(self)
        self.show_combo = QComboBox(self)
        self.show_label.setBuddy(self.show_combo)
        self.model = PlanModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in (PlanColumn.ROW, PlanColumn.OUTCOME, PlanColumn.WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PlanColumn.DETAILS, QHeaderView.ResizeMode.Stretch)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.show_label)
        row.addWidget(self.show_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.show_combo.currentIndexChanged.connect(self._filter_changed)
        self.model.dataChanged.connect(lambda *_args: self.completeChanged.emit())

    def retranslate(self) -> None:
        self.setTitle(_("Check what each row becomes"))
        self.setSubTitle(_("Refused rows are not imported; untick a row to leave it out too."))
        self.show_label.setText(_("Show:"))
        current = self.show_combo.currentIndex()
        self.show_combo.clear()
        self.show_combo.addItems([_("All rows"), _("Rows with problems"), _("Rows to import")])
        self.show_combo.setCurrentIndex(max(current, 0))
        self.model.retranslate()

    def _filter_changed(self, index: int) -> None:
        self.model.set_filter(PlanFilter(max(index, 0)))
        self._fit_rows()

    def _fit_rows(self) -> None:
        # Every reason in full, each row as tall as it needs; a huge file keeps one line a row (still in the tooltip).
        mode = (QHeaderView.ResizeMode.ResizeToContents if self.model.rowCount() <= WRAPPED_ROWS
                else QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setSectionResizeMode(mode)

    def initializePage(self) -> None:
        preview = self.owner.preview
        self.model.set_preview(preview)
        self._fit_rows()
        if preview is None:
            return
        self.summary.setText(describe_counts(preview))
        unknown = any(row.unknown_organisation for row in preview.refused)
        self.hint.setText(_("Some rows name organisations that are not in the directory: go back and tick "
                            "“Create the organisations that are not in the directory yet” to import them too.")
                          if unknown else "")
        self.hint.setVisible(unknown)
        if preview.refused:
            self.show_combo.setCurrentIndex(PlanFilter.PROBLEMS)

    def isComplete(self) -> bool:
        return bool(self.model.to_import())


class ConfirmPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.text = _label(self)
        self.problem = _label(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.setFinalPage(True)

    def retranslate(self) -> None:
        self.setTitle(_("Import"))

    def initializePage(self) -> None:
        rows = self.owner.review.model.to_import()
        preview = self.owner.preview
        new = sum(1 for row in rows if row.outcome == Outcome.NEW)
        update = len(rows) - new
        left_out = len(preview.rows) - len(rows) if preview else 0
        organisations = len({row.new_organisation for row in rows if row.new_organisation})
        people = self.owner.kind == ImportKind.PEOPLE
        if people:
            lines = [ngettext("{count} person will be added.", "{count} people will be added.", new),
                     ngettext("{count} person will be updated.", "{count} people will be updated.", update)]
        else:
            lines = [ngettext("{count} organisation will be added.", "{count} organisations will be added.", new),
                     ngettext("{count} organisation will be updated.", "{count} organisations will be updated.",
                              update)]
        lines = [lines[0].format(count=new), lines[1].format(count=update)]
        if organisations:
            lines.append(ngettext("{count} organisation will be created for them.",
                                  "{count} organisations will be created for them.", organisations).format(
                count=organisations))
        lines.append(ngettext("{count} row of the file is left out.", "{count} rows of the file are left out.",
                              left_out).format(count=left_out))
        lines.append("")
        lines.append(_("Nothing has been written yet. Import writes it all at once; Edit › Undo takes it all "
                       "back."))
        self.text.setText("\n".join(lines))
        self.problem.clear()

    def validatePage(self) -> bool:
        return self.owner.write()


class ImportWizard(QWizard):
    import_done = Signal(object, str)  # the ImportResult, the file's name

    def __init__(self, context: AppContext, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryImport")
        self.context = context
        self.kind = kind
        self.sheet: Sheet | None = None
        self.sheet_path = ""
        self.preview: ImportPreview | None = None
        self.reading = False
        self.writing = False
        self.written: ImportResult | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.review = ReviewPage(self)
        self.confirm = ConfirmPage(self)
        for page in (self.file_page, self.mapping_page, self.review, self.confirm):
            self.addPage(page)
        self.resize(980, 680)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Import into the directory"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Import"))
        for page in (self.file_page, self.mapping_page, self.review, self.confirm):
            page.retranslate()

    def write(self) -> bool:
        """The Import button: write in the worker; the wizard closes once it is written."""
        if self.written is not None:
            return True
        if self.writing or self.preview is None or self.sheet is None:
            return False
        self.writing = True
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.confirm.problem.setStyleSheet("color: #4A4A4A;")
        self.confirm.problem.setText(_("Importing…"))
        leave_out = {row.row_number for row in self.preview.rows} - {
            row.row_number for row in self.review.model.to_import()}
        args: tuple[Any, ...] = (self.context.require_db(), self.sheet, self.mapping_page.mapping(),
                                 self.mapping_page.options(), frozenset(leave_out))
        self.context.tasks.start(apply_import, args, self._written, self._failed)
        return False

    def _written(self, result: ImportResult) -> None:
        self.writing = False
        if not isValid(self):
            return
        self.written = result
        self.import_done.emit(result, Path(self.sheet_path).name)
        self.accept()

    def _failed(self, message: str) -> None:
        self.writing = False
        if isValid(self):
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            self.button(QWizard.WizardButton.BackButton).setEnabled(True)
            self.confirm.problem.setStyleSheet(ERROR_STYLE)
            self.confirm.problem.setText(message)

    def reject(self) -> None:
        if not self.writing:  # Escape while the write runs must not hide it
            super().reject()


def push_import(context: AppContext, result: ImportResult, file_name: str, parent: QWidget | None = None) -> str:
    """Put an import the worker has already written on the undo stack as one step; returns what to tell the user."""
    db = context.require_db()
    written = [False]

    def do() -> ImportResult:
        if written[0]:  # redo
            redo_import(db, result)
        written[0] = True
        return result

    perform(context, _("Import {file}").format(file=file_name), do, lambda: undo_import(db, result),
            {"person", "organisation"}, result.uuids, parent)
    return _("Imported {file}: {summary}.").format(file=file_name, summary=result_summary(result))
