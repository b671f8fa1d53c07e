"""The Directory page: partner organisations and their people, searchable, sortable, filterable, editable.

A search box (accent-free, as you type) and filters by sector, country and relation narrow both tables; each
tab pairs a table with a form holding every field of the selected row.  Every change goes through the window's
undo stack (``ui.undo.perform``): a field saved when left, a new person or organisation (Ctrl+N), a deletion
(Delete, undone with the same UUID), a whole spreadsheet import.  The lists are read in a worker and the page
reloads when ``context.events`` says people or organisations changed, whoever changed them.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain.enums import Relation, Sector
from app.domain.rules import fold
from app.errors import ChairdeskError
from app.i18n import _, current_language
from app.interchange.spreadsheet_mapping import ImportKind, country_name
from app.services import directory as services
from app.services.import_plan import ImportResult
from app.services.views import OrganisationView, PersonView
from ui import dialogs
from ui.context import AppContext, Change
from ui.directory.editors import OrganisationEditor, PersonEditor
from ui.directory.fields import ChoiceCombo, FieldKeys, enum_choices
from ui.directory.import_wizard import ImportWizard, push_import
from ui.directory.loading import DirectoryData, DirectoryQuery, export_directory, load_directory
from ui.directory.models import OrganisationsModel, PeopleModel
from ui.directory.panes import DirectoryTab, ask_export_path, export_message
from ui.undo import perform

SEARCH_DELAY_MS = 250
# Family name, given name, organisation, e-mail, title, phone, language; the time zone takes the rest.
PEOPLE_WIDTHS = (115, 100, 90, 235, 150, 110, 75)
ORGANISATION_WIDTHS = (90, 380, 150, 130)
PEOPLE, ORGANISATIONS = 0, 1


class DirectoryPage(QWidget):
    loaded = Signal()  # the lists on screen are those of the latest query

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loading = False
        self._reload_again = False
        self._stale = False
        self._countries: list[str] = []
        self.import_wizard: ImportWizard | None = None
        self.keys = FieldKeys(self)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.keys.watch(self.search)
        self.sector_filter, self.country_filter, self.relation_filter = ChoiceCombo(self), ChoiceCombo(self), ChoiceCombo(self)
        self.new_button, self.delete_button = QPushButton(self), QPushButton(self)
        self.import_button, self.export_button = QPushButton(self), QPushButton(self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for widget in (self.sector_filter, self.country_filter, self.relation_filter):
            bar.addWidget(widget, 1)
        bar.addSpacing(12)
        for button in (self.new_button, self.delete_button, self.import_button, self.export_button):
            bar.addWidget(button)

        self.people_model, self.organisations_model = PeopleModel(self), OrganisationsModel(self)
        self.person_editor, self.organisation_editor = PersonEditor(), OrganisationEditor()
        self.people_tab = DirectoryTab(self.people_model, self.person_editor, self)
        self.organisations_tab = DirectoryTab(self.organisations_model, self.organisation_editor, self)
        self.people_view: QTableView = self.people_tab.view
        self.organisations_view: QTableView = self.organisations_tab.view
        self.people_tab.set_column_widths(PEOPLE_WIDTHS)
        self.organisations_tab.set_column_widths(ORGANISATION_WIDTHS)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.people_tab, "")
        self.tabs.addTab(self.organisations_tab, "")
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #4A4A4A;")
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self._wire()
        self._retranslate_texts()
        self.reload()

    # --- wiring ----------------------------------------------------------------------------------------------

    def _wire(self) -> None:
        self.search.textEdited.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.search_timer.timeout.connect(self.reload)
        for combo in (self.sector_filter, self.country_filter, self.relation_filter):
            combo.activated.connect(lambda _index: self.reload())
        self.new_button.clicked.connect(self.new_record)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.export)
        self.tabs.currentChanged.connect(lambda _index: self._update_buttons())
        for tab in (self.people_tab, self.organisations_tab):
            tab.view.selectionModel().currentRowChanged.connect(
                lambda current, _previous, tab=tab: self._row_changed(tab, current))
            tab.view.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
            for key in (QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)):
                # Backspace too: the key a Mac keyboard labels "delete".
                QShortcut(key, tab.view, self.delete_selected, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_record,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.person_editor.change_requested.connect(lambda f, v: self._change(self.people_tab, f, v))
        self.person_editor.create_requested.connect(self._create_person)
        self.organisation_editor.change_requested.connect(lambda f, v: self._change(self.organisations_tab, f, v))
        self.organisation_editor.create_requested.connect(self._create_organisation)
        self.context.events.changed.connect(self._data_changed)
        self.context.events.database_changed.connect(self._database_changed)

    # --- the page contract -------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Directory")

    def retranslate(self) -> None:
        self._retranslate_texts()
        if self.context.db is not None:
            self.reload()  # organisations' short names come from the core in the active language

    def _retranslate_texts(self) -> None:
        self.search.setPlaceholderText(_("Search names, acronyms, e-mail addresses…"))
        self.search.setAccessibleName(_("Search the directory"))
        self.sector_filter.set_choices([("", _("All sectors")), *enum_choices(Sector)])
        self.relation_filter.set_choices([("", _("All relations")), *enum_choices(Relation)])
        self._fill_countries()
        self.sector_filter.setAccessibleName(_("Sector"))
        self.country_filter.setAccessibleName(_("Country"))
        self.relation_filter.setAccessibleName(_("Relation"))
        self.new_button.setText(_("Add"))
        self.delete_button.setText(_("Delete"))
        self.import_button.setText(_("Import…"))
        self.export_button.setText(_("Export…"))
        self.import_button.setToolTip(_("Add or update people or organisations from a CSV or XLSX file"))
        self.export_button.setToolTip(_("Write the rows shown to a CSV or XLSX file"))
        self.new_button.setToolTip(_("Add a person or an organisation (Ctrl+N)"))
        self.delete_button.setToolTip(_("Delete the selected row (Delete); Undo brings it back"))
        for model in (self.people_model, self.organisations_model):
            model.retranslate()
        for editor in (self.person_editor, self.organisation_editor):
            editor.retranslate()
        self.people_tab.retranslate(_("Select a person to see and edit every field, or press Ctrl+N to add one."))
        self.organisations_tab.retranslate(
            _("Select an organisation to see and edit every field, or press Ctrl+N to add one."))
        self._update_texts()

    # --- loading ----------------------------------------------------------------------------------------------------

    def query(self) -> DirectoryQuery:
        sector, relation = self.sector_filter.value(), self.relation_filter.value()
        return DirectoryQuery(self.search.text(), Sector(sector) if sector else None,
                              self.country_filter.value() or None, Relation(relation) if relation else None,
                              current_language())

    def reload(self) -> None:
        self.search_timer.stop()
        self._stale = False
        db = self.context.db
        if db is None:
            self._apply(DirectoryData(DirectoryQuery(), [], [], []))
            return
        if self._loading:  # one read at a time; the latest query runs when the current one is back
            self._reload_again = True
            return
        self._loading = True
        self.context.tasks.start(load_directory, (db, self.query()), self._loaded, self._load_failed)

    def _loaded(self, data: DirectoryData) -> None:
        if not isValid(self):
            return
        self._loading = False
        self._apply(data)
        if self._reload_again:
            self._reload_again = False
            self.reload()
        else:
            self.loaded.emit()

    def _load_failed(self, message: str) -> None:
        if isValid(self):
            self._loading = False
            self.message.setText(message)

    def _apply(self, data: DirectoryData) -> None:
        self.person_editor.set_organisations(data.all_organisations)
        self._countries = sorted({o.country for o in data.all_organisations if o.country})
        self._fill_countries()
        self.people_tab.show_rows(data.people, data.query.filtered)
        self.organisations_tab.show_rows(data.organisations, data.query.filtered)
        self._update_texts()
        self._update_buttons()

    def _fill_countries(self) -> None:
        language = current_language()
        names = sorted(((code, country_name(code, language)) for code in self._countries), key=lambda p: fold(p[1]))
        self.country_filter.set_choices([("", _("All countries")), *names])

    def _data_changed(self, change: Change) -> None:
        if change.touches("person", "organisation"):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True  # 10,000 people are not read again for a page nobody looks at

    def _database_changed(self) -> None:
        for tab in (self.people_tab, self.organisations_tab):
            tab.forget_all()
        self.message.clear()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _search_now(self) -> None:
        self.reload()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- selection ----------------------------------------------------------------------------------------------

    def current_tab(self) -> DirectoryTab:
        return self.people_tab if self.tabs.currentIndex() == PEOPLE else self.organisations_tab

    def _row_changed(self, tab: DirectoryTab, current: QModelIndex) -> None:
        tab.show_record(tab.model.row_at(current.row()) if current.isValid() else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_db = self.context.db is not None
        tab = self.current_tab()
        self.delete_button.setEnabled(has_db and tab.current() is not None)
        for button in (self.new_button, self.import_button, self.export_button):
            button.setEnabled(has_db)

    def _update_texts(self) -> None:
        people, organisations = self.people_model.rowCount(), self.organisations_model.rowCount()
        self.tabs.setTabText(PEOPLE, _("People ({count})").format(count=people))
        self.tabs.setTabText(ORGANISATIONS, _("Organisations ({count})").format(count=organisations))

    # --- edits ------------------------------------------------------------------------------------------------------

    def new_record(self) -> None:
        if self.context.db is None:
            return
        tab = self.current_tab()
        tab.view.clearSelection()
        tab.start_new()

    def _label(self, field: str, editor: PersonEditor | OrganisationEditor) -> str:
        return next((_(spec.label) for spec in editor.specs if spec.name == field), field)

    def _change(self, tab: DirectoryTab, field: str, value: Any) -> None:
        record = tab.current_record()
        if record is None:
            return
        db, uuid, old = self.context.require_db(), record.uuid, getattr(record, field)
        update: Callable[[Any, str, dict[str, Any]], Any]
        if isinstance(record, PersonView):
            kind, name, update = "person", record.full_name, services.update_person
        else:
            kind, name, update = "organisation", record.short(current_language()), services.update_organisation
        text = _("Change {field} of {name}").format(field=self._label(field, tab.editor), name=name)
        updated = self._perform(tab.editor, field, text, lambda: update(db, uuid, {field: value}),
                                lambda: update(db, uuid, {field: old}), kind, uuid)
        if isinstance(updated, PersonView | OrganisationView):
            tab.record_saved(updated, field, getattr(updated, field))

    def _create_person(self, values: dict[str, Any]) -> None:
        db, uuid = self.context.require_db(), str(uuid_module.uuid4())
        name = " ".join(v for v in (values.get("given_name"), values.get("family_name")) if v)
        created = self._perform(self.person_editor, "family_name", _("Add {name}").format(name=name),
                                lambda: services.create_person(db, uuid=uuid, **values),
                                lambda: services.delete_person(db, uuid), "person", uuid)
        if isinstance(created, PersonView):
            self.people_tab.record_created(created)

    def _create_organisation(self, values: dict[str, Any]) -> None:
        db, uuid = self.context.require_db(), str(uuid_module.uuid4())
        name = values.get("acronym_en") or values.get("name_en") or values.get("name_fr") or ""
        created = self._perform(self.organisation_editor, "name_en", _("Add {name}").format(name=name),
                                lambda: services.create_organisation(db, uuid=uuid, **values),
                                lambda: services.delete_organisation(db, uuid), "organisation", uuid)
        if isinstance(created, OrganisationView):
            self.organisations_tab.record_created(created)

    def _perform(self, editor: PersonEditor | OrganisationEditor, field: str, text: str, do: Any, undo: Any,
                 kind: str, uuid: str) -> Any:
        try:
            return perform(self.context, text, do, undo, {kind}, {uuid}, self)
        except ChairdeskError as exc:
            error_field = getattr(exc, "field", None)
            if error_field in editor.name_fields and field in editor.name_fields:
                error_field = field  # "needs a name" belongs where the name was just emptied
            editor.show_error(error_field, str(exc), fallback=field)
            return None

    def delete_selected(self) -> None:
        tab = self.current_tab()
        record = tab.current()
        if record is None or self.context.db is None:
            return
        db, uuid = self.context.db, record.uuid
        do: Callable[[], Any]
        undo: Callable[[], Any]
        if isinstance(record, PersonView):
            name, kind, values = record.full_name, "person", services.person_values(record)
            do = lambda: services.delete_person(db, uuid)  # noqa: E731
            undo = lambda: services.create_person(db, uuid=uuid, **values)  # noqa: E731
        else:
            name, kind, values = record.short(current_language()), "organisation", services.organisation_values(record)
            do = lambda: services.delete_organisation(db, uuid)  # noqa: E731
            undo = lambda: services.create_organisation(db, uuid=uuid, **values)  # noqa: E731
        try:
            perform(self.context, _("Delete {name}").format(name=name), do, undo, {kind}, {uuid}, self)
        except ChairdeskError as exc:
            dialogs.warn(self, _("Cannot delete"), str(exc))
            return
        tab.forget(uuid)
        self.message.setText(_("Deleted {name}. Undo (Ctrl+Z) brings it back.").format(name=name))

    # --- import and export ------------------------------------------------------------------------------------------

    def open_import(self) -> None:
        if self.context.db is None:
            return
        kind = ImportKind.PEOPLE if self.tabs.currentIndex() == PEOPLE else ImportKind.ORGANISATIONS
        self.import_wizard = ImportWizard(self.context, kind, self)
        self.import_wizard.import_done.connect(self.record_import)
        self.import_wizard.open()

    def record_import(self, result: ImportResult, file_name: str) -> None:
        """Put an import the wizard's worker has written on the undo stack, as one step."""
        self.message.setText(push_import(self.context, result, file_name, self))

    def export(self) -> None:
        db = self.context.db
        if db is None:
            return
        people = self.tabs.currentIndex() == PEOPLE
        path = ask_export_path(self, people)
        if path is None:
            return
        self.message.setText(_("Exporting to {file}…").format(file=path.name))
        self.context.tasks.start(export_directory, (db, path, people, self.query()),
                                 lambda count: self._exported(count, path, people),
                                 lambda problem: self._export_failed(problem))

    def _exported(self, count: int, path: Path, people: bool) -> None:
        if not isValid(self):
            return
        self.message.setText(export_message(count, path, people))

    def _export_failed(self, problem: str) -> None:
        if isValid(self):
            self.message.setText("")
            dialogs.warn(self, _("Export failed"), problem)

