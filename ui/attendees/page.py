"""The Attendees page of a meeting: who is invited, who comes, and the invitation to send them.

At the top the "Add people" field (search the directory as you type, Enter adds) and "New person…"; under
it the bulk actions (set invitation, attendance or role of the selected people, remove them) and the
exports (the list as a spreadsheet, the invitation as an .ics file).  The list itself is grouped by sector
and organisation with counts per group, edited in place, and totalled in the bar at the bottom.

Every edit goes through ``ui.attendees.edits`` (undoable); the page reloads when the window's change
announcements say attendees, people, organisations or meetings changed, and only while it is visible.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.errors import ChairdeskError, DomainError, NotFoundError
from app.i18n import _, current_language
from app.meeting_text import in_zone
from app.services import attendees, directory
from app.services.attendees import AttendeeList, AttendeeView
from ui import dialogs
from ui.attendees import edits
from ui.attendees.actions import BulkActions, ExportActions
from ui.attendees.delegates import ChoiceDelegate, GroupRowDelegate
from ui.attendees.model import EDITABLE, AttendeeColumn, AttendeeTreeModel
from ui.attendees.new_person import NewPersonDialog
from ui.attendees.picker import PeoplePicker
from ui.attendees.totals import TotalsBar
from ui.context import AppContext, Change
from ui.empty_state import EmptyState

WATCHED = ("participation", "person", "organisation", "meeting")
NAME_WIDTH = 240


class AttendeesPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendeesPage")
        self.context = context
        self._meeting_uuid: str | None = None
        self._list: AttendeeList | None = None
        self._language = current_language()
        self._dirty = False
        self._collapsed: set[str] = set()
        self._select_after_reload: set[str] = set()
        self._fit_pending = True
        self.new_person_dialog: NewPersonDialog | None = None

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("attendeesPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("QLabel#attendeesPlaceholder { color: #6B6B6B; font-size: 12pt; }")
        self.content = QWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.picker = PeoplePicker(self, self.content)
        self.model = AttendeeTreeModel(self)
        self.tree = QTreeView(self.content)
        self.tree.setObjectName("attendeeTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSortingEnabled(True)  # the header calls the model's own sort()
        self.tree.header().setSortIndicator(AttendeeColumn.NAME, Qt.SortOrder.AscendingOrder)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._delegates = {column: ChoiceDelegate(enum, self.tree) for column, (_field, enum) in EDITABLE.items()}
        for column, delegate in self._delegates.items():
            self.tree.setItemDelegateForColumn(column, delegate)
        self._group_delegate = GroupRowDelegate(self.tree)
        self.tree.setItemDelegateForColumn(AttendeeColumn.NAME, self._group_delegate)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list_page = EmptyState(self.tree, self.content)
        self.totals = TotalsBar(self.content)

        self.bulk = BulkActions(self.content, self.tree)
        self.exports = ExportActions(context, self, self.totals.show_message,
                                     lambda title, problem: dialogs.warn(self, title, problem))
        toolbar = QHBoxLayout()
        toolbar.setSpacing(6)
        for button in self.bulk.buttons:
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.exports.list_button)
        toolbar.addWidget(self.exports.invitation_button)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setSpacing(6)
        layout.addWidget(self.picker)
        layout.addLayout(toolbar)
        layout.addWidget(self.list_page, 1)
        layout.addWidget(self.totals)

        chain = [self.picker.field, self.picker.new_button, *self.bulk.buttons, self.exports.list_button,
                 self.exports.invitation_button, self.tree]
        for first, second in zip(chain, chain[1:], strict=False):  # top to bottom, as the eye reads
            QWidget.setTabOrder(first, second)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)  # several announcements of one step (a macro) give one reload
        self._reload_timer.timeout.connect(self.reload)
        self._wire()
        self.retranslate()
        self.show_meeting(None)

    # --- the page contract -----------------------------------------------------------------------------

    def title(self) -> str:
        return _("Attendees")

    def show_meeting(self, meeting_uuid: str | None) -> None:
        if meeting_uuid != self._meeting_uuid:
            self._collapsed.clear()
            self.picker.clear()
            self.tree.clearSelection()
            self._fit_pending = True
        self._meeting_uuid = meeting_uuid
        self.stack.setCurrentWidget(self.content if meeting_uuid else self.placeholder)
        self.reload()

    def retranslate(self) -> None:
        self.placeholder.setText(_("Select a meeting to see its attendees."))
        self.list_page.set_message(_("No one is on the attendee list yet. Type a name in “Add people” to add "
                                     "someone from the directory."))
        self.tree.setAccessibleName(_("Attendee list"))
        self.picker.retranslate()
        self.bulk.retranslate()
        self.exports.retranslate()
        self.model.retranslate()
        self.totals.retranslate()
        if current_language() != self._language:  # organisation names and acronyms differ by language
            self._language = current_language()
            self.reload()

    # --- loading -----------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again (now if the page is visible, else when it is shown next)."""
        self._reload_timer.stop()
        db = self.context.db
        if db is None or self._meeting_uuid is None:
            self._list = None
            self.model.set_rows([], "UTC")
            self._update_state()
            return
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        try:
            self._list = attendees.list_attendees(db, self._meeting_uuid, current_language())
        except NotFoundError:  # the meeting went away (an undone creation, another database)
            self.show_meeting(None)
            return
        except ChairdeskError as exc:
            self.totals.show_message(str(exc))
            return
        self._show_list(self._list)

    def _show_list(self, found: AttendeeList) -> None:
        selected = self._select_after_reload or self._selected_keys()  # what was just added, else as it was
        current = self.model.key(self.tree.currentIndex())
        scroll = self.tree.verticalScrollBar().value()
        first_day = in_zone(found.starts_at, found.time_zone).date()
        if not self.model.set_rows(found.rows, found.time_zone, first_day):  # rows came or went: a reset
            self._restore_view(selected, current, scroll)
        self._select_after_reload = set()
        if self._fit_pending and found.rows:
            self._fit_pending = False
            self._fit_columns()
        self._update_state()

    def _restore_view(self, selected: set[str], current: str | None, scroll: int) -> None:
        self._span_groups()
        self.tree.expandAll()
        for key in self._collapsed:
            index = self.model.index_of_key(key)
            if index.isValid():
                self.tree.collapse(index)
        selection = self.tree.selectionModel()
        selection.clearSelection()
        added = [key for key in self._select_after_reload if self.model.index_of_key(key).isValid()]
        for key in selected:
            index = self.model.index_of_key(key)
            if index.isValid():
                selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        target = self.model.index_of_key(added[0] if added else (current or ""))
        if target.isValid():
            selection.setCurrentIndex(target, selection.SelectionFlag.NoUpdate)
        self.tree.verticalScrollBar().setValue(scroll)
        if added:
            self.tree.scrollTo(target)

    def _span_groups(self) -> None:
        """Group rows (sectors, organisations) over the whole width: their counts need the room."""
        for key in self.model.group_keys():
            index = self.model.index_of_key(key)
            self.tree.setFirstColumnSpanned(index.row(), index.parent(), True)

    def _fit_columns(self) -> None:
        """Columns as wide as the people's texts (group rows span and do not count), within reason."""
        metrics = self.tree.fontMetrics()
        rows = self.model.attendees()
        widths = {
            AttendeeColumn.NAME: max((metrics.horizontalAdvance(r.person_name) for r in rows), default=0)
            + 3 * self.tree.indentation() + 24,
            AttendeeColumn.ORGANISATION: max((metrics.horizontalAdvance(r.organisation_short) for r in rows),
                                             default=0) + 24,
        }
        self.tree.setColumnWidth(AttendeeColumn.NAME, min(max(NAME_WIDTH, widths[AttendeeColumn.NAME]), 360))
        self.tree.setColumnWidth(AttendeeColumn.ORGANISATION, min(widths[AttendeeColumn.ORGANISATION], 180))
        for column in (AttendeeColumn.ROLE, AttendeeColumn.ATTENDANCE, AttendeeColumn.ARRIVAL):
            self.tree.resizeColumnToContents(column)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def _changed(self, change: Change) -> None:
        if change.touches(*WATCHED) and self._meeting_uuid is not None:
            self._reload_timer.start()

    def _database_changed(self) -> None:
        self.show_meeting(None)

    # --- actions -------------------------------------------------------------------------------------------

    def _wire(self) -> None:
        self.context.events.changed.connect(self._changed)
        self.context.events.database_changed.connect(self._database_changed)
        self.model.edit_requested.connect(self._edit_requested)
        self.bulk.value_chosen.connect(self.set_selected)
        self.bulk.remove_action.triggered.connect(self.remove_selected)
        self.picker.search_requested.connect(self._search)
        self.picker.add_requested.connect(self.add_people)
        self.picker.new_person_requested.connect(self.ask_new_person)
        self.tree.selectionModel().selectionChanged.connect(lambda *_args: self._update_state())
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.model.modelReset.connect(self._span_groups)
        self.tree.collapsed.connect(lambda index: self._collapsed.add(self.model.key(index) or ""))
        self.tree.expanded.connect(lambda index: self._collapsed.discard(self.model.key(index) or ""))

    def _update_state(self) -> None:
        found = self._list if self.context.db is not None else None
        chosen = len(self.selected_attendees())
        self.bulk.set_enabled(chosen > 0)
        self.exports.set_meeting(found.meeting_uuid if found else None, found.reference if found else "")
        self.picker.setEnabled(found is not None)
        self.totals.show_counts(self.model.counts(), chosen)

    def _context_menu(self, position: QPoint) -> None:
        if self.selected_attendees():
            self.bulk.context_menu(self, self.tree.viewport().mapToGlobal(position))

    # --- what the user asks for ----------------------------------------------------------------------------

    def selected_attendees(self) -> list[AttendeeView]:
        return self.model.attendees_under(self.tree.selectionModel().selectedRows())

    def _selected_keys(self) -> set[str]:
        return {key for index in self.tree.selectionModel().selectedRows() if (key := self.model.key(index))}

    def set_selected(self, field: str, value: str) -> None:
        self._run(lambda: edits.set_field(self.context, self.selected_attendees(), field, value, self))

    def remove_selected(self) -> None:
        rows = self.selected_attendees()
        self._run(lambda: edits.remove(self.context, rows, self))
        if rows:
            self.totals.show_message(_("Removed from the list. Undo with Ctrl+Z."))

    def _edit_requested(self, uuid: str, field: str, value: str) -> None:
        rows = [row for row in self.model.attendees() if row.uuid == uuid]
        self._run(lambda: edits.set_field(self.context, rows, field, value, self))

    def _search(self, text: str) -> None:
        db = self.context.db
        if db is None or self._meeting_uuid is None:
            return
        try:
            found = attendees.search_directory(db, self._meeting_uuid, text, current_language())
        except ChairdeskError as exc:
            self.picker.show_error(str(exc))
            return
        self.picker.show_candidates(text, found)

    def add_people(self, person_uuids: list[str]) -> None:
        if self._meeting_uuid is None:
            return
        names = {c.person_uuid: c.full_name for c in self.picker.candidates_shown()}
        try:
            added = edits.add_people(self.context, self._meeting_uuid, person_uuids,
                                     [names.get(uuid, "") for uuid in person_uuids], self)
        except DomainError as exc:
            self.picker.show_error(str(exc))
            return
        self._select_after_reload = {f"p:{view.uuid}" for view in added}
        self.picker.clear()
        self.picker.field.setFocus()

    def ask_new_person(self, typed: str = "") -> None:
        """Open the "New person…" dialog (window-modal, not a nested event loop); OK creates and adds."""
        db = self.context.db
        meeting = self._meeting_uuid
        if db is None or meeting is None:
            return
        made: list[str] = []

        def submit(values: dict[str, object]) -> None:
            made.append(edits.create_and_add(self.context, meeting, dict(values), self).uuid)

        dialog = NewPersonDialog(directory.list_organisations(db), current_language(), submit, typed, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._person_added(made))
        self.new_person_dialog = dialog
        dialog.open()

    def _person_added(self, made: list[str]) -> None:
        db = self.context.db
        if db is None or self._meeting_uuid is None or not made:
            return
        self._select_after_reload = {f"p:{row.uuid}" for row in attendees.list_participants(db, self._meeting_uuid)
                                     if row.person_uuid == made[0]}
        self.picker.clear()
        self.picker.field.setFocus()
        self.reload()

    def _run(self, edit: Callable[[], object]) -> None:
        try:
            edit()
        except ChairdeskError as exc:
            dialogs.warn(self, _("Attendee list"), str(exc))
