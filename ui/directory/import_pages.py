"""The first two pages of the import wizard: choosing the file, and saying what each of its columns holds.

The file is read in the worker (it may be a large workbook); the page stays incomplete until it is.  The
mapping page shows one choice per column, guessed from the headers, with sample values and a preview of the
first rows; leaving it analyses every row against the directory, again in the worker, and only reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from shiboken6 import isValid

from app.errors import ChairdeskError
from app.i18n import _, current_language, ngettext
from app.interchange.spreadsheet_import import Sheet, read_sheet
from app.interchange.spreadsheet_mapping import (
    TARGETS,
    ImportKind,
    Target,
    check_mapping,
    guess_mapping,
    target_label,
)
from app.services.directory_import import preview_import
from app.services.import_plan import ImportOptions, ImportPreview
from ui.directory.fields import ERROR_STYLE, ChoiceCombo
from ui.directory.import_models import SheetModel

if TYPE_CHECKING:
    from ui.directory.import_wizard import ImportWizard

SAMPLES = 3


def _label(parent: QWidget, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.people = QRadioButton(self)
        self.organisations = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.people)
        group.addButton(self.organisations)
        (self.people if wizard.kind == ImportKind.PEOPLE else self.organisations).setChecked(True)
        self.path_edit = QLineEdit(self)
        self.browse = QPushButton(self)
        self.status = _label(self)
        self.intro = _label(self)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        self.holds = _label(self)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addWidget(self.holds)
        layout.addWidget(self.people)
        layout.addWidget(self.organisations)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.browse.clicked.connect(self._browse)
        self.path_edit.returnPressed.connect(self.read)
        self.path_edit.editingFinished.connect(self.read)
        self.path_edit.textEdited.connect(lambda _text: self._forget())
        self.people.toggled.connect(self._kind_changed)

    def retranslate(self) -> None:
        self.setTitle(_("Choose the file"))
        self.intro.setText(_("A CSV file (any encoding, separated by commas, semicolons or tabs) or an Excel "
                             "workbook (.xlsx); the first row names the columns. Nothing is written until the "
                             "last step."))
        self.holds.setText(_("The file lists:"))
        self.people.setText(_("People (and their organisations)"))
        self.organisations.setText(_("Organisations"))
        self.browse.setText(_("Browse…"))
        self.path_edit.setPlaceholderText(_("Path of a .csv or .xlsx file"))
        self.path_edit.setAccessibleName(_("File to import"))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Import into the directory"), str(Path.home()),
                                                    _("Spreadsheets (*.csv *.xlsx *.txt *.tsv);;All files (*)"))
        if path:
            self.path_edit.setText(path)
            self.read()

    def _forget(self) -> None:
        self.owner.sheet = None
        self.status.clear()
        self.completeChanged.emit()

    def _kind_changed(self) -> None:
        self.owner.kind = ImportKind.PEOPLE if self.people.isChecked() else ImportKind.ORGANISATIONS

    def read(self) -> None:
        text = self.path_edit.text().strip()
        if not text or (self.owner.sheet is not None and self.owner.sheet_path == text) or self.owner.reading:
            return
        self.owner.reading = True
        self.status.setStyleSheet("")
        self.status.setText(_("Reading {file}…").format(file=Path(text).name))
        self.owner.context.tasks.start(read_sheet, (Path(text),), lambda sheet: self._read(text, sheet),
                                       self._failed)

    def _read(self, text: str, sheet: Sheet) -> None:
        if not isValid(self):
            return
        self.owner.reading = False
        self.owner.sheet, self.owner.sheet_path = sheet, text
        self.status.setStyleSheet("")
        lines = [ngettext("{count} row, {columns} columns.", "{count} rows, {columns} columns.", len(sheet.rows))
                 .format(count=len(sheet.rows), columns=len(sheet.headers))]
        if sheet.encoding:
            delimiter = {"\t": _("tab"), " ": _("space")}.get(sheet.delimiter, sheet.delimiter)
            lines.append(_("Read as {encoding}, columns separated by “{delimiter}”.").format(
                encoding=sheet.encoding, delimiter=delimiter))
        self.status.setText("\n".join(lines))
        self.completeChanged.emit()
        if self.path_edit.text().strip() != text:
            self._forget()

    def _failed(self, message: str) -> None:
        if isValid(self):
            self.owner.reading = False
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(message)
            self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.sheet is not None and not self.owner.reading


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.intro = _label(self)
        self.grid_box = QWidget(self)
        self.grid = QGridLayout(self.grid_box)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_box)
        self.combos: list[ChoiceCombo] = []
        self.create_organisations = QCheckBox(self)
        self.problem = _label(self)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.sheet_model = SheetModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.sheet_model)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 2)
        layout.addWidget(self.create_organisations)
        layout.addWidget(self.problem)
        layout.addWidget(self.preview, 3)
        self._analysed: tuple[Any, ...] | None = None

    def retranslate(self) -> None:
        self.setTitle(_("Say what each column holds"))
        self.intro.setText(_("Chairdesk guessed from the headers; change any choice. Columns set to “(do not "
                             "import)” are left out."))
        self.create_organisations.setText(_("Create the organisations that are not in the directory yet"))
        for combo in self.combos:
            combo.set_choices([(t.value, target_label(t)) for t in TARGETS[self.owner.kind]])

    def initializePage(self) -> None:
        sheet = self.owner.sheet
        assert sheet is not None
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = []
        mapping = guess_mapping(sheet.headers, self.owner.kind)
        for column, (header, target) in enumerate(zip(sheet.headers, mapping, strict=True)):
            name = _label(self.grid_box, wrap=False)
            name.setText(header)
            combo = ChoiceCombo(self.grid_box)
            combo.set_choices([(t.value, target_label(t)) for t in TARGETS[self.owner.kind]])
            combo.set_value(target.value)
            combo.setAccessibleName(_("Import the column {header} as").format(header=header))
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            samples = [v for v in sheet.column(column) if v][:SAMPLES]
            sample = _label(self.grid_box, wrap=False)
            sample.setText(" · ".join(samples))
            sample.setStyleSheet("color: #6B6B6B;")
            for position, widget in enumerate((name, combo, sample)):
                self.grid.addWidget(widget, column, position)
            self.combos.append(combo)
        self.create_organisations.setVisible(self.owner.kind == ImportKind.PEOPLE)
        self.sheet_model.set_sheet(sheet, mapping)
        self._mapping_changed()

    def mapping(self) -> tuple[Target, ...]:
        return tuple(Target(combo.value() or Target.IGNORE.value) for combo in self.combos)

    def _mapping_changed(self) -> None:
        self.sheet_model.set_mapping(self.mapping())
        try:
            check_mapping(self.mapping(), self.owner.kind)
            self.problem.clear()
        except ChairdeskError as exc:
            self.problem.setText(str(exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not self.problem.text() and not self.owner.reading

    def options(self) -> ImportOptions:
        create = self.owner.kind == ImportKind.PEOPLE and self.create_organisations.isChecked()
        return ImportOptions(self.owner.kind, create, current_language())

    def validatePage(self) -> bool:
        key = (self.owner.sheet, self.mapping(), self.options())
        if (self.owner.preview is not None and self._analysed is not None and self._analysed[0] is key[0]
                and self._analysed[1:] == key[1:]):
            return True
        if self.owner.reading:
            return False
        self.owner.reading = True
        self.problem.setStyleSheet("color: #4A4A4A;")
        self.problem.setText(_("Checking every row against the directory…"))
        self.completeChanged.emit()
        db = self.owner.context.require_db()
        self.owner.context.tasks.start(preview_import, (db, *key),
                                       lambda preview: self._analysed_as(key, preview), self._failed)
        return False

    def _analysed_as(self, key: tuple[Any, ...], preview: ImportPreview) -> None:
        if not isValid(self):
            return
        self.owner.reading = False
        self.owner.preview = preview
        self._analysed = key
        self.problem.clear()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.completeChanged.emit()
        self.owner.next()

    def _failed(self, message: str) -> None:
        if isValid(self):
            self.owner.reading = False
            self.problem.setStyleSheet(ERROR_STYLE)
            self.problem.setText(message)
            self.completeChanged.emit()
