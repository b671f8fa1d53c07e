"""The action tracker: every action of every meeting, filtered by meeting, person responsible, organisation,
status, overdue and words of its text; overdue actions marked; an action's history and its progress.

The list is read off the GUI thread through ``context.tasks`` (there may be many thousands of actions);
results of a superseded request are dropped.  The page reloads when actions, meetings or the directory
change.  It is not a meeting page: ``ActionsTrackerPage(context)`` with ``retranslate`` and ``title``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ActionStatus, label
from app.errors import ChairdeskError
from app.i18n import _, ngettext
from app.services import action_tracking
from app.services.action_tracking import ActionFilter
from app.services.actions import OPEN_STATUSES
from app.services.meetings import list_meetings
from ui.actions_tracker.history import HistoryDialog
from ui.actions_tracker.model import TrackerColumn, TrackerModel
from ui.context import AppContext, Change
from ui.empty_state import EmptyState
from ui.minutes.fields import error_label, show_error
from ui.minutes.progress_dialog import ProgressDialog

LAST_UPDATE_WIDTH = 280  # notes can be long: elided here, whole in the tooltip and the history
# Status filter entries: "any", "open or in progress", then each status.
_STATUS_FILTERS: tuple[frozenset[ActionStatus], ...] = (
    frozenset(), frozenset(OPEN_STATUSES), *(frozenset({s}) for s in ActionStatus))


class ActionsTrackerPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._context = context
        self._today = today
        self._generation = 0
        self._stale = True
        self.meeting, self.person, self.organisation, self.status = (QComboBox(self) for _i in range(4))
        self.overdue = QCheckBox(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.captions = {name: QLabel(self) for name in ("meeting", "person", "organisation", "status")}
        # Two rows, so that the page fits a laptop screen beside nothing else, in French too.
        filters = QGridLayout()
        places = (("meeting", self.meeting, 0, 0), ("person", self.person, 0, 2),
                  ("organisation", self.organisation, 0, 4), ("status", self.status, 1, 0))
        for name, widget, row, column in places:
            self.captions[name].setBuddy(widget)
            filters.addWidget(self.captions[name], row, column)
            filters.addWidget(widget, row, column + 1)
        filters.addWidget(self.overdue, 1, 2, 1, 2)
        filters.addWidget(self.search, 1, 4, 1, 2)
        filters.setColumnStretch(5, 1)
        for combo in (self.meeting, self.person, self.organisation):
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status.addItems([""] * len(_STATUS_FILTERS))

        self.model = TrackerModel(self, today)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)  # the header calls the model's own sort()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TrackerColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TrackerColumn.LAST_UPDATE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TrackerColumn.LAST_UPDATE, LAST_UPDATE_WIDTH)
        header.setSortIndicator(TrackerColumn.NUMBER, Qt.SortOrder.AscendingOrder)
        self.table_page = EmptyState(self.table, self)
        self.summary = QLabel(self)
        self.history_button, self.progress_button = QPushButton(self), QPushButton(self)
        self.error = error_label(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.progress_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(filters)
        layout.addWidget(self.table_page, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        self._search_pause = QTimer(self, singleShot=True, interval=300)
        self._search_pause.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_pause.start())
        for combo in (self.meeting, self.person, self.organisation, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue.toggled.connect(lambda _on: self.reload())
        self.table.doubleClicked.connect(lambda _index: self.show_history())
        self.table.activated.connect(lambda _index: self.show_history())
        self.history_button.clicked.connect(self.show_history)
        self.progress_button.clicked.connect(self.ask_progress)
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._enable())
        context.events.changed.connect(self._data_changed)
        context.events.database_changed.connect(self._database_changed)
        self.retranslate()
        self._enable()

    # --- the page contract ------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Action tracker")

    def retranslate(self) -> None:
        self.captions["meeting"].setText(_("Meeting:"))
        self.captions["person"].setText(_("Responsible:"))
        self.captions["organisation"].setText(_("Organisation:"))
        self.captions["status"].setText(_("Status:"))
        self.overdue.setText(_("Overdue only"))
        self.search.setPlaceholderText(_("Search the text of actions"))
        self.history_button.setText(_("History…"))
        self.progress_button.setText(_("Record progress…"))
        self.table_page.set_message(_("No action items match these filters."))
        texts = [_("Any status"), _("Open or in progress"), *(label(s) for s in ActionStatus)]
        for index, text in enumerate(texts):
            self.status.setItemText(index, text)
        if self.meeting.count():
            self.meeting.setItemText(0, _("All meetings"))
            self.person.setItemText(0, _("Anyone"))
            self.organisation.setItemText(0, _("Any organisation"))
        self.model.retranslate()
        self._fill_summary()

    # --- loading -----------------------------------------------------------------------------------------------

    def _database_changed(self) -> None:
        self._stale = True
        self.model.set_rows([])
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Choices of the filters, then the list."""
        db = self._context.db
        self._stale = False
        if db is None:
            return
        try:
            meetings = list_meetings(db)
            owners = action_tracking.owner_choices(db)
        except ChairdeskError as problem:
            show_error(self.error, str(problem))
            return
        self._fill_combo(self.meeting, _("All meetings"), [(m.uuid, m.reference) for m in meetings])
        self._fill_combo(self.person, _("Anyone"), [(o.uuid, o.name) for o in owners if o.kind == "person"])
        self._fill_combo(self.organisation, _("Any organisation"),
                         [(o.uuid, o.name) for o in owners if o.kind == "organisation"])
        self.reload()

    def _fill_combo(self, combo: QComboBox, everything: str, entries: list[tuple[str, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for uuid, text in entries:
            combo.addItem(text, uuid)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
        combo.blockSignals(False)

    def criteria(self) -> ActionFilter:
        return ActionFilter(meeting_uuid=self.meeting.currentData(), owner_person_uuid=self.person.currentData(),
                            organisation_uuid=self.organisation.currentData(),
                            statuses=_STATUS_FILTERS[max(0, self.status.currentIndex())],
                            overdue=self.overdue.isChecked(), text=self.search.text())

    def reload(self) -> None:
        db = self._context.db
        if db is None:
            return
        self._generation += 1
        generation = self._generation
        self._context.tasks.start(action_tracking.track_actions, (db, self.criteria(), self._today()),
                                  lambda rows: self._loaded(generation, rows),
                                  lambda problem: show_error(self.error, problem))

    def _loaded(self, generation: int, rows: Any) -> None:
        if generation != self._generation:
            return  # a later filter is on its way
        keep = self.current()
        self.model.set_rows(rows)
        row = self.model.row_of(keep.uuid) if keep else -1
        if row < 0 and rows:
            row = 0  # a row is always chosen, so that Enter opens its history
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        show_error(self.error, None)
        self._fill_summary()
        self._enable()

    def _fill_summary(self) -> None:
        count, overdue = self.model.rowCount(), self.model.overdue_count()
        self.summary.setText(_("{actions}; {overdue}").format(
            actions=ngettext("{count} action", "{count} actions", count).format(count=count),
            overdue=ngettext("{count} overdue", "{count} overdue", overdue).format(count=overdue)))

    def _data_changed(self, change: Change) -> None:
        if not change.touches("action", "meeting", "person", "organisation", "agenda"):
            return
        if not self.isVisible():
            self._stale = True
        elif change.touches("meeting", "person", "organisation"):
            self.refresh()
        else:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- an action ------------------------------------------------------------------------------------------------

    def current(self) -> Any:
        return self.model.row_at(self.table.currentIndex().row())

    def _enable(self) -> None:
        has = self.current() is not None
        self.history_button.setEnabled(has)
        self.progress_button.setEnabled(has)

    def show_history(self) -> None:
        action, db = self.current(), self._context.db
        if action is None or db is None:
            return
        try:
            history = action_tracking.action_history(db, action.uuid)
        except ChairdeskError as problem:
            show_error(self.error, str(problem))
            return
        HistoryDialog(history, self).exec()

    def ask_progress(self) -> None:
        action = self.current()
        if action is not None:
            ProgressDialog(self._context, action, None, self).exec()
