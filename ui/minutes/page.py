"""The Minutes page of a meeting: its agenda items on the left with what their minutes hold, the selected
item's minutes on the right, and a second tab for the circulation and approval of the minutes.

The page follows the meeting pages' contract (``show_meeting``, ``retranslate``, ``title``), reloads when
``context.events`` says minutes, decisions, actions, the agenda, the attendance or the directory changed
(or when it next comes into view, if it was hidden then), and saves what is being typed before the
meeting or the item changes and before an undo.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import AgendaItemKind
from app.errors import ChairdeskError
from app.i18n import _, current_language
from app.services import action_tracking, actions, decisions, minutes, minutes_approval
from app.services.attendees import list_participants
from app.services.minutes import MinutesChanges, MinutesView
from ui.context import AppContext, Change
from ui.minutes.approval_panel import ApprovalPanel
from ui.minutes.autosave import UndoKeyRouter
from ui.minutes.item_editor import ItemData, ItemEditor
from ui.minutes.item_models import ItemColumn, MinutesItemsModel
from ui.minutes.texts import state_text

WATCHED = ("minutes", "decision", "action", "agenda", "meeting", "participation", "person", "organisation")


class MinutesPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._context = context
        self._meeting: str | None = None
        self._view: MinutesView | None = None
        self._stale = False
        self._owners_loaded = False
        self._changes = MinutesChanges(None, None, ())
        self.router = UndoKeyRouter(self.flush, self)

        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.state_label = QLabel(self)
        self.state_label.setStyleSheet("color: #4A4A4A;")
        header = QVBoxLayout()
        header.addWidget(self.title_label)
        header.addWidget(self.state_label)

        self.items_model = MinutesItemsModel(self)
        self.items = QTableView(self)
        self.items.setModel(self.items_model)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.verticalHeader().hide()
        self.items.setTabKeyNavigation(False)
        self.items.setWordWrap(False)
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.items.horizontalHeader().setSectionResizeMode(ItemColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setHighlightSections(False)
        self.editor = ItemEditor(context, self.router, self)
        self.editor.actions.model.today = today
        self.editor.review.model.today = today
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.items)
        self.split.addWidget(self.editor)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([470, 930])
        self.approval = ApprovalPanel(context, self, today)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.no_items = QLabel(self)
        self.no_items.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_items.setWordWrap(True)
        self.no_items.setStyleSheet("color: #6B6B6B; font-size: 12pt;")
        self.by_item = QStackedWidget(self)
        self.by_item.addWidget(self.split)
        self.by_item.addWidget(self.no_items)
        self.tabs.addTab(self.by_item, "")
        self.tabs.addTab(self.approval, "")

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(12, 8, 12, 4)
        content_layout.addLayout(header)
        content_layout.addWidget(self.tabs, 1)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #6B6B6B; font-size: 12pt;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.items.selectionModel().currentRowChanged.connect(lambda *_args: self._load_item())
        context.events.changed.connect(self._data_changed)
        context.events.database_changed.connect(lambda: self.show_meeting(None))
        self.retranslate()

    # --- the page contract --------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Minutes")

    def show_meeting(self, meeting_uuid: str | None) -> None:
        self.flush()
        if meeting_uuid is not None and meeting_uuid == self._meeting and self._view is not None and not self._stale:
            return  # shown already; changes to it arrive through context.events
        changed = meeting_uuid != self._meeting
        self._meeting = meeting_uuid
        if changed:
            self.items.clearSelection()
            self.items_model.set_rows([])
        self._owners_loaded = False
        self.reload()

    def retranslate(self) -> None:
        self.placeholder.setText(_("Select a meeting to write its minutes."))
        self.no_items.setText(_("This meeting has no agenda items yet: the minutes are written item by item. "
                                "Add the items in the agenda first."))
        self.tabs.setTabText(0, _("Minutes by item"))
        self.tabs.setTabText(1, _("Circulation and approval"))
        self.items.setAccessibleName(_("Agenda items"))
        self.items_model.retranslate()
        self.editor.retranslate()
        self.approval.retranslate()
        self._fill_header()

    # --- loading ------------------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Save whatever is being typed now (before an undo, a switch of item or meeting, hiding)."""
        for field in self.editor.savers():
            field.saver.flush()

    def reload(self) -> None:
        db = self._context.db
        self._stale = False
        if db is None or self._meeting is None:
            self._view = None
            self.stack.setCurrentWidget(self.placeholder)
            return
        try:
            view = minutes.get_minutes(db, self._meeting)
            if not self._owners_loaded:
                self.editor.actions.set_owner_choices(action_tracking.owner_choices(db))
                self._owners_loaded = True
            changes = (minutes.minutes_changes(db, self._meeting) if view.state.versions
                       else MinutesChanges(None, None, ()))
            self.approval.show_approval(self._meeting, minutes_approval.get_approval(db, self._meeting), changes,
                                        list_participants(db, self._meeting, current_language()))
        except ChairdeskError:
            self._view = None
            self.stack.setCurrentWidget(self.placeholder)
            return
        self._view, self._changes = view, changes
        self.stack.setCurrentWidget(self.stack.widget(1))
        keep = self.current_item_uuid()
        self.items_model.set_rows(view.items)
        self.by_item.setCurrentWidget(self.split if view.items else self.no_items)
        row = self.items_model.row_of(keep) if keep else -1
        if row < 0 and view.items:
            row = 0
        if row >= 0 and self.items.currentIndex().row() != row:
            self.items.setCurrentIndex(self.items_model.index(row, 0))  # loads the item
        else:
            self._load_item()
        self._fill_header()

    def current_item_uuid(self) -> str | None:
        item = self.items_model.row_at(self.items.currentIndex().row())
        return item.item_uuid if item else None

    def select_item(self, number: str) -> None:
        row = next((n for n, item in enumerate(self.items_model.rows()) if item.number == number), -1)
        if row >= 0:
            self.items.setCurrentIndex(self.items_model.index(row, 0))

    def _load_item(self) -> None:
        db, view = self._context.db, self._view
        item = self.items_model.row_at(self.items.currentIndex().row())
        if db is None or view is None or item is None or self._meeting is None:
            return
        try:
            review = actions.actions_for_review(db, self._meeting) if item.kind is AgendaItemKind.ACTION_REVIEW else None
            earlier = (minutes.get_minutes_state(db, item.refers_to_meeting_uuid)
                       if item.kind is AgendaItemKind.PREVIOUS_MINUTES and item.refers_to_meeting_uuid else None)
            data = ItemData(
                meeting_uuid=self._meeting, item=item, state=view.state,
                changes=self._changes.for_item(item.item_uuid),
                decisions=decisions.list_decisions(db, self._meeting, item.item_uuid),
                actions=actions.list_actions(db, self._meeting, item.item_uuid),
                quorum=decisions.meeting_quorum(db, self._meeting), review=review, earlier=earlier)
        except ChairdeskError:
            return
        self.editor.show_item(data)

    def _fill_header(self) -> None:
        view = self._view
        if view is None:
            return
        language = current_language()
        self.title_label.setText(_("Minutes of {reference} — {title}").format(
            reference=view.state.reference, title=view.state.title(language)))
        self.state_label.setText(state_text(view.state, language))

    def _data_changed(self, change: Change) -> None:
        if self._meeting is None or not change.touches(*WATCHED):
            return
        if change.touches("person", "organisation"):
            self._owners_loaded = False
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)
