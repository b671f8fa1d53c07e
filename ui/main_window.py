"""The main window: the meetings of the open database on the left, the selected meeting's overview on the
right, the menus, and the one place where what the user asks for is wired to the core's services.

Module-level imports stay free of ``app.services`` and SQLAlchemy so that the window can paint before the
database is opened (see ``ui.application``); services are imported where they are first used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app.errors import ChairdeskError
from app.i18n import _
from ui import database_tasks, dialogs, main_pages
from ui.about import AboutDialog
from ui.context import AppContext, Change
from ui.crash import CrashReporter, show_unexpected_error
from ui.language import LanguageSwitcher
from ui.main_actions import MainActions
from ui.meeting_list import MeetingColumn, MeetingListModel, MeetingTable
from ui.meeting_tabs import MeetingTabs
from ui.overview import OverviewPanel
from ui.settings import SettingsStore
from ui.tasks import TaskRunner
from ui.welcome import WelcomePage

if TYPE_CHECKING:
    from app.persistence.database import Database


class MainWindow(QMainWindow):
    database_opened = Signal(str)  # the path of the database now open
    overview_shown = Signal(str)  # the UUID of the meeting shown, "" for none

    def __init__(self, settings: SettingsStore, languages: LanguageSwitcher,
                 crash_reporter: CrashReporter | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._languages = languages
        self._crash_reporter = crash_reporter
        self._db: Database | None = None
        self._overview_pending = False
        self._following_selection = True
        self.setWindowIcon(QIcon("icons:chairdesk.svg"))
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        # Pages read in their own runner: only the window's file work (open, import, export) holds the file
        # long enough for the overview to wait for it.
        self.page_tasks = TaskRunner(self)
        self.context = AppContext(self.undo_stack, self.page_tasks, self)  # what the screens are handed
        self.menu_actions = MainActions(self, self.undo_stack)

        self.meeting_model = MeetingListModel(self)
        self.meeting_view = MeetingTable(self.meeting_model, self)
        self.overview = OverviewPanel(self)
        self.meeting_tabs = MeetingTabs(self.overview, lambda: _("Overview"), self)
        main_pages.add_meeting_pages(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.meeting_view)
        self.splitter.addWidget(self.meeting_tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 880])
        self.welcome = WelcomePage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.splitter)
        self.sections = main_pages.build_sections(self)
        self.check_action = main_pages.add_check_action(self)
        self.new_meeting_action = main_pages.add_new_meeting_action(self)
        self.live_action = main_pages.add_live_action(self)
        self.setCentralWidget(self.sections)

        self.database_label = QLabel(self)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # busy, not a percentage: the core reports no progress
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.database_label)

        self._wire()
        self.menu_actions.set_language_checked(languages.language)
        self._restore_layout()
        self._update_database_state()
        self.retranslate()

    # --- wiring: the one place that connects requests to services ---------------------------------------

    def _wire(self) -> None:
        a = self.menu_actions
        a.open_database.triggered.connect(self.ask_open_database)
        a.open_demo.triggered.connect(self.open_demo)
        a.import_package.triggered.connect(self.ask_import_package)
        a.export_package.triggered.connect(self.ask_export_package)
        a.quit.triggered.connect(self.close)
        a.print_minutes.triggered.connect(lambda: self.preview_output("minutes"))
        a.print_agenda.triggered.connect(lambda: self.preview_output("agenda"))
        a.print_signin.triggered.connect(lambda: self.preview_output("signin"))
        a.print_attendees.triggered.connect(lambda: self.preview_output("attendees"))
        a.print_actions.triggered.connect(lambda: self.preview_output("actions"))
        a.history.triggered.connect(self.show_undo_history)
        a.refresh.triggered.connect(self.refresh)
        a.about.triggered.connect(self.show_about)
        a.about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self, _("About Qt")))
        for code, language_action in a.languages.items():
            language_action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
        self.welcome.open_demo_requested.connect(self.open_demo)
        self.welcome.import_requested.connect(self.ask_import_package)
        self.welcome.open_database_requested.connect(self.ask_open_database)
        self.meeting_view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.tasks.busy_changed.connect(self._set_busy)
        self.page_tasks.busy_changed.connect(
            lambda busy: self.busy_bar.setVisible(busy or self.tasks.is_busy()))
        self.page_tasks.crashed.connect(self._task_crashed)
        self.tasks.crashed.connect(self._task_crashed)
        self._languages.language_changed.connect(self._language_changed)
        self.context.events.changed.connect(self._data_changed)

    # --- the database --------------------------------------------------------------------------------------

    @property
    def database(self) -> Database | None:
        return self._db

    def open_startup_database(self, explicit: Path | None = None, demo: bool = False) -> None:
        """The database to start on, opened in a worker so the window stays alive meanwhile."""
        last = self._settings.load().last_database
        self._run(_("Opening the database…"), database_tasks.open_startup_database, (explicit, demo, last),
                  self.set_database, _("Cannot open the database"))

    def open_database_file(self, path: Path) -> None:
        self._run(_("Opening the database…"), database_tasks.open_database_at, (Path(path),),
                  self.set_database, _("Cannot open the database"))

    def open_demo(self) -> None:
        self._run(_("Opening the demo…"), database_tasks.open_demo_database, (), self.set_database,
                  _("Cannot open the demo"))

    def set_database(self, db: Database) -> None:
        previous, self._db = self._db, db
        if previous is not None and previous is not db:
            previous.close()
        self.context.set_database(db)  # also clears the undo history, which belonged to the old file
        self._settings.update(last_database=str(db.path))
        self._update_database_state()
        self.refresh()
        self.meeting_view.setFocus()  # arrows move through the meetings straight away
        if db.backup is not None:
            self.statusBar().showMessage(_("The database was upgraded; the previous version was kept as {path}.")
                                         .format(path=db.backup.name), 15000)
        self.database_opened.emit(str(db.path))

    def preview_output(self, kind: str) -> None:
        """Preview a printed output (worker-rendered, cancellable), to print, open or save."""
        from ui.pdf_preview import show_output_preview

        if self._db is None:
            return
        meeting = None if kind == "actions" else self.current_meeting_uuid()
        if kind != "actions" and meeting is None:
            return
        current = self.meeting_model.meeting_at(self.meeting_view.currentIndex().row())
        show_output_preview(self, self._db.path, meeting, kind, current.reference if current else "")

    def _update_meeting_actions(self) -> None:
        """What needs a selected meeting is on only when one is."""
        has_db = self._db is not None
        for printing in (self.menu_actions.print_minutes, self.menu_actions.print_agenda,
                         self.menu_actions.print_signin, self.menu_actions.print_attendees):
            printing.setEnabled(has_db and self.current_meeting_uuid() is not None)
        self.menu_actions.print_actions.setEnabled(has_db)

    def show_undo_history(self) -> None:
        from ui.undo_history import UndoHistoryDialog

        UndoHistoryDialog.show_for(self, self.undo_stack)

    def _update_database_state(self) -> None:
        has_db = self._db is not None
        self.welcome.set_has_database(has_db)
        self.menu_actions.import_package.setEnabled(has_db and not self.tasks.is_busy())
        self.menu_actions.refresh.setEnabled(has_db)
        self._update_meeting_actions()
        self.menu_actions.export_package.setEnabled(has_db and self.current_meeting_uuid() is not None
                                               and not self.tasks.is_busy())
        self._retranslate_database_texts()

    # --- meetings and the overview -------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Read the meetings again and show ``select`` (a reference or UUID), else the one shown, else the first."""
        if self._db is None:
            self.meeting_model.set_meetings([])
            self._show_overview(None)
            self.pages.setCurrentWidget(self.welcome)
            return
        from app.services.meetings import list_meetings  # deferred: SQLAlchemy loads after the first paint

        keep = select or self.current_meeting_uuid()
        meetings = self._call(list_meetings, self._db)
        if meetings is None:
            return
        self._following_selection = False
        try:
            self.meeting_model.set_meetings(meetings)
        finally:
            self._following_selection = True
        if not meetings:
            self.pages.setCurrentWidget(self.welcome)
            self._show_overview(None)
            return
        self.pages.setCurrentWidget(self.splitter)
        row = self.meeting_model.row_of(keep) if keep else -1
        self._select_row(max(row, 0))

    def _data_changed(self, change: Change) -> None:
        """The one refresh path: after any edit, undo or redo, show what it changed."""
        if change.touches("meeting"):
            self.refresh()  # references, dates, titles or the list itself
        else:
            self._load_overview()  # every other kind of data appears in the overview

    def select_meeting(self, reference_or_uuid: str) -> bool:
        row = self.meeting_model.row_of(reference_or_uuid)
        if row >= 0:
            self._select_row(row)
        return row >= 0

    def current_meeting_uuid(self) -> str | None:
        meeting = self.meeting_model.meeting_at(self.meeting_view.currentIndex().row())
        return meeting.uuid if meeting else None

    def _select_row(self, row: int) -> None:
        index = self.meeting_model.index(row, MeetingColumn.REFERENCE)
        self.meeting_view.setCurrentIndex(index)  # emits currentRowChanged, which loads the overview
        self.meeting_view.scrollTo(index)
        if self.overview.overview is None or self.overview.overview.meeting.uuid != self.current_meeting_uuid():
            self._load_overview()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following_selection:
            self._load_overview()

    def _load_overview(self) -> None:
        if self.tasks.is_busy():  # a worker holds the file: show it once the worker is done
            self._overview_pending = True
            return
        self._overview_pending = False
        uuid = self.current_meeting_uuid()
        if self._db is None or uuid is None:
            self._show_overview(None)
            return
        from app.services.meetings import meeting_overview  # deferred, see the module docstring

        overview = self._call(meeting_overview, self._db, uuid, self._languages.language)
        if overview is not None:
            self._show_overview(overview)

    def _show_overview(self, overview: Any) -> None:
        self.overview.show_overview(overview)
        self.meeting_tabs.show_meeting(overview.meeting.uuid if overview is not None else None)
        self._update_meeting_actions()
        self.menu_actions.export_package.setEnabled(overview is not None and not self.tasks.is_busy())
        self.overview_shown.emit(overview.meeting.uuid if overview is not None else "")

    # --- packages --------------------------------------------------------------------------------------------

    def ask_open_database(self) -> None:
        path = dialogs.ask_database_to_open(self, str(self._db.path.parent) if self._db else str(Path.home()))
        if path is not None:
            self.open_database_file(path)

    def ask_import_package(self) -> None:
        if self._db is not None:
            path = dialogs.ask_package_to_import(self, self._settings.load().last_package_folder)
            if path is not None:
                self.import_package(path)

    def import_package(self, package: Path) -> None:
        assert self._db is not None
        self._settings.update(last_package_folder=str(package.parent))
        self._run(_("Importing {file}…").format(file=package.name), database_tasks.import_package_into,
                  (self._db.path, package), lambda summary: self._imported(summary, package.name),
                  _("Import failed"))

    def _imported(self, summary: Any, file_name: str) -> None:
        self.refresh(select=summary.meetings[0] if summary.meetings else None)
        headline, detail = database_tasks.import_message(summary, file_name)
        dialogs.inform(self, _("Import finished"), headline, detail)

    def ask_export_package(self) -> None:
        meeting = self.meeting_model.meeting_at(self.meeting_view.currentIndex().row())
        if self._db is not None and meeting is not None:
            folder = self._settings.load().last_package_folder or str(Path.home())
            path = dialogs.ask_package_to_write(self, folder, meeting.reference)
            if path is not None:
                self.export_package([meeting.uuid], path)

    def export_package(self, meeting_uuids: list[str], out: Path) -> None:
        assert self._db is not None
        self._settings.update(last_package_folder=str(out.parent))
        self._run(_("Exporting to {file}…").format(file=out.name), database_tasks.export_meeting_package,
                  (self._db.path, meeting_uuids, out),
                  lambda summary: dialogs.inform(self, _("Export finished"), *database_tasks.export_message(summary)),
                  _("Export failed"))

    # --- language ----------------------------------------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        """The Language menu: switch now, remember for next time."""
        self._settings.update(language=language)
        self._languages.set_language(language)

    def _language_changed(self, language: str) -> None:
        self.menu_actions.set_language_checked(language)
        self.retranslate()
        self._load_overview()  # names of organisations come from the core in the active language

    def retranslate(self) -> None:
        self.menu_actions.retranslate()
        self.welcome.retranslate()
        self.meeting_model.retranslate()
        self.overview.retranslate()
        self.meeting_tabs.retranslate()
        self.sections.retranslate()
        self.live_action.setText(_("&Live meeting"))
        self.live_action.setStatusTip(_("Follow the selected meeting in the room: agenda, check-in, notes, room display"))
        self.new_meeting_action.setText(_("&New meeting…"))
        self.new_meeting_action.setStatusTip(_("A new meeting, from scratch or from a previous one"))
        self.check_action.setText(_("&Check the database…"))
        self.check_action.setStatusTip(_("Verify the file, the audit trail and every stored document against its SHA-256"))
        self.meeting_view.setAccessibleName(_("Meetings"))
        self._retranslate_database_texts()

    def _retranslate_database_texts(self) -> None:
        if self._db is None:
            self.setWindowTitle("Chairdesk")
            self.database_label.setText(_("No database is open"))
            return
        self.setWindowTitle(_("{database} — Chairdesk").format(database=self._db.path.name))
        self.setWindowFilePath(str(self._db.path))
        self.database_label.setText(_("Database: {path}").format(path=self._db.path))

    # --- help, errors, busy state, closing ---------------------------------------------------------------------

    def show_about(self) -> None:
        AboutDialog(self._db.path if self._db else None, self).exec()

    def _run(self, message: str, function: Callable[..., Any], args: tuple[Any, ...],
             on_success: Callable[[Any], None], failure_title: str) -> None:
        self.statusBar().showMessage(message)
        self.tasks.start(function, args, on_success,
                         lambda problem: dialogs.warn(self, failure_title, problem))

    def _call(self, function: Callable[..., Any], *args: Any) -> Any:
        """A service call on the GUI thread; a refused action becomes a message, not a traceback."""
        try:
            return function(*args)
        except ChairdeskError as exc:
            dialogs.warn(self, _("Chairdesk"), str(exc))
            return None

    def _set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        for action in (self.menu_actions.open_database, self.menu_actions.open_demo):
            action.setEnabled(not busy)
        self.welcome.setEnabled(not busy)
        self._update_database_state()
        if not busy:
            self.statusBar().clearMessage()
            if self._overview_pending:
                self._load_overview()

    def _task_crashed(self, details: str) -> None:
        if self._crash_reporter is not None:
            self._crash_reporter.report(details)
        else:
            show_unexpected_error(details, self)

    def _restore_layout(self) -> None:
        preferences = self._settings.load()
        if preferences.window_geometry.isEmpty() or not self.restoreGeometry(preferences.window_geometry):
            self.resize(1400, 900)
        if not preferences.window_state.isEmpty():
            self.restoreState(preferences.window_state)
        if not preferences.main_splitter.isEmpty():
            self.splitter.restoreState(preferences.main_splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tasks.is_busy():  # an import still writing: let it finish rather than lose it
            self.statusBar().showMessage(_("Finishing the work in progress…"))
            self.tasks.wait_for_done()
        self._settings.update(window_geometry=self.saveGeometry(), window_state=self.saveState(),
                              main_splitter=self.splitter.saveState())
        if self._db is not None:
            self.context.set_database(None)
            self._db.close()
            self._db = None
        super().closeEvent(event)
