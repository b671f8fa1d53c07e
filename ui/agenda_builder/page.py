"""The Agenda page: build a meeting's agenda as a tree, edit the selected item beside it, see the planned
end against the meeting's end and, for online and hybrid meetings, the times where the participants are.

The page is the one place here that calls services: the tree, the editor and the pickers only say what
the user asked for; every change goes through ``AgendaOperations`` (undoable) and the page reloads when
``context.events`` says agenda, meeting, people, documents or attendees changed, whoever changed them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import MeetingMode
from app.errors import ChairdeskError, DomainError
from app.i18n import _, current_language, time_zone_name
from app.services.views import AgendaItemView, AgendaView, MeetingView
from ui.agenda_builder.actions import BuilderActions
from ui.agenda_builder.footer import ScheduleFooter
from ui.agenda_builder.item_editor import ItemEditor
from ui.agenda_builder.operations import AgendaOperations
from ui.agenda_builder.postponed_dialog import ask_postponed_items
from ui.agenda_builder.standing_dialog import StandingItemsDialog
from ui.agenda_builder.time_zones import TimesPanel
from ui.agenda_builder.tree_model import AgendaTreeModel, Column, title_field
from ui.agenda_builder.tree_view import AgendaTree
from ui.context import AppContext, Change

DEFAULT_MINUTES = 15
WATCHED = ("agenda", "meeting", "person", "organisation", "document", "participation")
MESSAGE_STYLE = "QLabel#agendaMessage { background: #FBE3E3; color: #7A0014; padding: 6px; border-radius: 3px; }"


class AgendaBuilderPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaBuilderPage")
        self.context = context
        self.operations = AgendaOperations(context, self)
        self.meeting: MeetingView | None = None
        self._meeting_uuid: str | None = None

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #6B6B6B; font-size: 12pt;")
        self.stack.addWidget(self.placeholder)

        body = QWidget(self)
        self.stack.addWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 8)
        self.heading = QLabel(body)
        self.heading.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.zone_note = QLabel(body)
        self.zone_note.setStyleSheet("color: #4A4A4A;")
        self.toolbar = QToolBar(body)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.message = QLabel(body)
        self.message.setObjectName("agendaMessage")
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.model = AgendaTreeModel(self)
        self.tree = AgendaTree(body)
        self.tree.setModel(self.model)
        self.times = TimesPanel(body)
        self.editor = ItemEditor(body)
        self.footer = ScheduleFooter(body)
        self.commands = BuilderActions(self, self.tree, self.toolbar)

        left = QSplitter(Qt.Orientation.Vertical, body)
        left.addWidget(self.tree)
        left.addWidget(self.times)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        scroll = QScrollArea(body)
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(380)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, body)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 540])
        for widget in (self.heading, self.zone_note, self.toolbar, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.footer)
        self.setTabOrder(self.tree, self.editor.title_en)

        self._wire()
        self.retranslate()
        self.show_meeting(None)

    def _wire(self) -> None:
        a = self.commands
        a.new_item.triggered.connect(self.new_item)
        a.new_sub_item.triggered.connect(self.new_sub_item)
        a.delete.triggered.connect(self.delete_item)
        a.indent.triggered.connect(self.indent)
        a.outdent.triggered.connect(self.outdent)
        a.move_up.triggered.connect(lambda: self.move_by(-1))
        a.move_down.triggered.connect(lambda: self.move_by(1))
        a.standing_items.triggered.connect(self.ask_standing_items)
        a.postponed_items.triggered.connect(lambda: ask_postponed_items(self))
        self.tree.indent_requested.connect(self.indent)
        self.tree.outdent_requested.connect(self.outdent)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_args: self._current_changed())
        self.model.edit_requested.connect(self._edit)
        self.model.move_requested.connect(self._drop)
        self.editor.changes_requested.connect(self._edit)
        self.editor.presenters_requested.connect(
            lambda uuid, people: self._with_item(uuid, lambda item: self.operations.set_presenters(item, people),
                                                 "presenters"))
        self.editor.documents_requested.connect(
            lambda uuid, docs: self._with_item(uuid, lambda item: self.operations.set_documents(item, docs),
                                               "documents"))
        self.editor.presenters.search_requested.connect(self._search_people)
        self.context.events.changed.connect(self._data_changed)
        self.context.events.database_changed.connect(lambda: self.show_meeting(None))

    # --- the page contract -----------------------------------------------------------------------------

    def title(self) -> str:
        return _("Agenda")

    def retranslate(self) -> None:
        self.placeholder.setText(_("Select a meeting to build its agenda."))
        self.tree.setAccessibleName(_("Agenda items"))
        self.tree.empty_hint = _("No agenda items yet. Press Insert or Ctrl+N to add the first item, "
                                 "or add the standing items.")
        self.toolbar.setWindowTitle(_("Agenda"))
        self.commands.retranslate()
        self.model.retranslate()
        self.editor.retranslate()
        self.times.retranslate()
        self._show_headings()
        self.tree.viewport().update()
        self._refresh_details()

    def show_meeting(self, meeting_uuid: str | None) -> None:
        self._meeting_uuid = meeting_uuid
        self.operations.meeting_uuid = meeting_uuid
        self.hide_message()
        if meeting_uuid is None or self.context.db is None:
            self.meeting = None
            self.model.set_agenda(None, "UTC")
            self.editor.show_item(None)
            self.stack.setCurrentWidget(self.placeholder)
            self.commands.set_state(False, False)
            return
        self.stack.setCurrentIndex(1)
        self._load_documents()
        self.reload()
        self.tree.fit_columns()

    # --- loading ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        db, uuid = self.context.db, self._meeting_uuid
        if db is None or uuid is None:
            return
        from app.services.agenda import get_agenda
        from app.services.agenda_times import participant_time_zones
        from app.services.meetings import get_meeting

        current = self.current_item()
        column = max(self.tree.currentIndex().column(), 0)
        try:
            self.meeting = get_meeting(db, uuid, current_language())
            agenda = get_agenda(db, uuid)
            zones = participant_time_zones(db, uuid) if self.meeting.mode != MeetingMode.IN_PERSON else []
        except ChairdeskError:  # the meeting went away (deleted, another database): show nothing
            self.show_meeting(None)
            return
        self.model.set_agenda(agenda, self.meeting.time_zone)
        if current is not None and not self.tree.currentIndex().isValid():
            self.select(current.uuid, column)
        self.times.set_zones(zones)
        self.times.setVisible(self.meeting.mode != MeetingMode.IN_PERSON)
        self._show_headings()
        self._refresh_details()

    def _load_documents(self) -> None:
        if self.context.db is not None:
            from app.services.documents import list_documents

            self.editor.documents.set_documents(list_documents(self.context.db, current_language()))

    def _search_people(self, text: str) -> None:
        if self.context.db is None or not text.strip():
            self.editor.presenters.set_results([])
            return
        from app.services.directory import list_people

        self.editor.presenters.set_results(list_people(self.context.db, text, language=current_language())[:50])

    def _data_changed(self, change: Change) -> None:
        if self._meeting_uuid is None or not change.touches(*WATCHED):
            return
        if change.touches("document"):
            self._load_documents()
        self.reload()

    def _show_headings(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        language = current_language()
        self.heading.setText(_("Agenda of {reference} — {title}").format(reference=meeting.reference,
                                                                          title=meeting.title(language)))
        self.zone_note.setText(_("Times are in the meeting's time zone: {zone}.").format(
            zone=time_zone_name(meeting.time_zone, meeting.starts_at, language)))

    def _refresh_details(self) -> None:
        agenda, meeting, item = self.model.agenda, self.meeting, self.current_item()
        self.commands.set_state(meeting is not None, item is not None)
        if meeting is None or agenda is None:
            return
        self.editor.show_item(item, meeting.time_zone)
        self.footer.show_schedule(agenda, meeting.time_zone, self.model.start_text)
        if item is None:
            self.times.show_times(_("Start of the meeting"), meeting.starts_at, meeting.ends_at, meeting.time_zone)
        else:
            self.times.show_times(_("Item {number}, {title}").format(number=item.number,
                                                                      title=item.title(current_language())),
                                  item.starts_at, item.ends_at, meeting.time_zone)

    def _current_changed(self) -> None:
        self.hide_message()
        self._refresh_details()

    # --- selection ----------------------------------------------------------------------------------------

    def current_item(self) -> AgendaItemView | None:
        return self.model.item(self.tree.currentIndex())

    def select(self, uuid: str, column: int = 0) -> QModelIndex:
        index = self.model.index_of(uuid, column)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)
        return index

    def show_message(self, text: str) -> None:
        self.message.setText(_("⚠ {message}").format(message=text))
        self.message.show()

    def hide_message(self) -> None:
        self.message.hide()

    # --- the user's commands -----------------------------------------------------------------------------

    def _attempt(self, step: Any) -> Any:
        """Run one undoable step; a refused one is said on the page, nothing else happens."""
        self.hide_message()
        try:
            return step()
        except DomainError as exc:
            self.show_message(str(exc))
            return None

    def _new_values(self) -> dict[str, Any]:
        language = current_language()
        return {title_field(language): _("New item"), "duration_minutes": DEFAULT_MINUTES,
                "original_language": language}

    def new_item(self) -> None:
        """After the selected item, at its level (after its sub-items for an item); at the end if none."""
        if self._meeting_uuid is None:
            return
        item, agenda = self.current_item(), self.model.agenda
        parent, position = None, None
        if item is not None and agenda is not None:
            parent = item.parent_uuid
            position = [i.uuid for i in self.model.children_of(parent)].index(item.uuid) + 1
        self._add(parent, position)

    def new_sub_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.parent_uuid is None:
            self._add(item.uuid, None)
        else:
            siblings = [i.uuid for i in self.model.children_of(item.parent_uuid)]
            self._add(item.parent_uuid, siblings.index(item.uuid) + 1)

    def _add(self, parent: str | None, position: int | None) -> None:
        created = self._attempt(lambda: self.operations.add(parent, position, self._new_values()))
        if created is not None:
            index = self.select(created.uuid, Column.TITLE)
            self.tree.setFocus()
            self.tree.edit(index)  # type the title straight away

    def delete_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        siblings = [i.uuid for i in self.model.children_of(item.parent_uuid)]
        place = siblings.index(item.uuid)
        def delete() -> bool:
            self.operations.delete(item)
            return True

        if not self._attempt(delete):
            return
        remaining = [uuid for uuid in siblings if uuid != item.uuid]
        follow = remaining[min(place, len(remaining) - 1)] if remaining else item.parent_uuid
        if follow:
            self.select(follow)

    def indent(self) -> None:
        """Under the item above, as its last sub-item."""
        item, agenda = self.current_item(), self.model.agenda
        if item is None or agenda is None:
            return
        if item.parent_uuid is not None:
            self.show_message(_("The agenda has one level of sub-items: a sub-item cannot have sub-items."))
            return
        top = [i.uuid for i in self.model.children_of(None)]
        place = top.index(item.uuid)
        if place == 0:
            self.show_message(_("The first item cannot be indented: there is no item above it."))
            return
        parent = top[place - 1]
        self._move(agenda, item, parent, len(self.model.children_of(parent)),
                   _("Indent “{title}”").format(title=item.title(current_language())))

    def outdent(self) -> None:
        """Out of its parent, as the item right after it."""
        item, agenda = self.current_item(), self.model.agenda
        if item is None or agenda is None or item.parent_uuid is None:
            return
        top = [i.uuid for i in self.model.children_of(None)]
        self._move(agenda, item, None, top.index(item.parent_uuid) + 1,
                   _("Outdent “{title}”").format(title=item.title(current_language())))

    def move_by(self, step: int) -> None:
        item, agenda = self.current_item(), self.model.agenda
        if item is None or agenda is None:
            return
        siblings = [i.uuid for i in self.model.children_of(item.parent_uuid)]
        target = siblings.index(item.uuid) + step
        if 0 <= target < len(siblings):
            self._move(agenda, item, item.parent_uuid, target, None)

    def _move(self, agenda: AgendaView, item: AgendaItemView, parent: str | None, position: int,
              text: str | None) -> None:
        column = max(self.tree.currentIndex().column(), 0)
        if self._attempt(lambda: self.operations.move(agenda, item, parent, position, text)) is not None:
            self.select(item.uuid, column)

    def _drop(self, uuids: list[str], parent: str | None, row: int) -> None:
        agenda = self.model.agenda
        if agenda is not None:
            self._attempt(lambda: self.operations.move_many(agenda, uuids, parent, row))
            self.select(uuids[0])

    def _edit(self, uuid: str, changes: dict[str, Any]) -> None:
        self._with_item(uuid, lambda item: self.operations.update(item, changes), next(iter(changes), None))

    def _with_item(self, uuid: str, step: Any, field: str | None) -> None:
        agenda = self.model.agenda
        item = next((i for i in agenda.items if i.uuid == uuid), None) if agenda else None
        if item is None:
            return
        self.hide_message()
        try:
            step(item)
        except DomainError as exc:
            self.editor.show_error(exc.field or field, str(exc))
            self.show_message(str(exc))

    def ask_standing_items(self) -> None:
        if self.context.db is None or self._meeting_uuid is None:
            return
        from app.services.agenda import previous_meetings

        dialog = StandingItemsDialog(previous_meetings(self.context.db, self._meeting_uuid),
                                     self.operations.add_standing_items, self)
        if dialog.exec():
            self.tree.setFocus()
