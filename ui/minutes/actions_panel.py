"""The action items of one agenda item: the list (overdue ones marked) and the form of the selected one —
text in both languages, owners (people or organisations), due date, status, and progress notes.

Add with Ctrl+Shift+A (the cursor goes to its English text); an owner is added by typing part of a name in
"Add responsible" and pressing Enter; Delete removes the selected owner or action.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import uuid4

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ActionStatus, label
from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import _
from app.services import actions as service
from app.services.actions import ActionDetailView, OwnerView
from ui.context import AppContext
from ui.minutes.autosave import UndoKeyRouter
from ui.minutes.fields import EnumCombo, TextField, error_label, show_error
from ui.minutes.item_models import ActionColumn, ActionsModel, OwnersModel
from ui.minutes.progress_dialog import ProgressDialog
from ui.undo import perform

KINDS = ("action", "minutes")
TEXT_HEIGHT = 84
DATE_FORMAT = "yyyy-MM-dd"  # typed the same in English and French, and never ambiguous


def owner_label(owner: OwnerView) -> str:
    if owner.kind == "person" and owner.organisation_short:
        return _("{name} ({organisation})").format(name=owner.name, organisation=owner.organisation_short)
    return owner.name


def shortcut(widget: QWidget, keys: Any, slot: Callable[[], Any]) -> QAction:
    action = QAction(widget)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


class ActionsPanel(QWidget):
    def __init__(self, context: AppContext, router: UndoKeyRouter, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._context = context
        self._meeting: str | None = None
        self._item: str | None = None
        self._locked = False
        self._current: ActionDetailView | None = None
        self._choices: list[OwnerView] = []

        self.add_button, self.progress_button, self.delete_button = QPushButton(self), QPushButton(self), QPushButton(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.progress_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.model = ActionsModel(self, today)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(ActionColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(150)

        self.form = QWidget(self)
        self.text_en = TextField(context, router, rich=False, parent=self.form)
        self.text_fr = TextField(context, router, rich=False, parent=self.form)
        self.owners_model = OwnersModel(self)
        self.owners = QListView(self.form)
        self.owners.setModel(self.owners_model)
        self.owners.setMaximumHeight(64)
        self.owner_picker = QComboBox(self.form)
        self.owner_picker.setEditable(True)
        self.owner_picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner_picker.setMinimumWidth(340)
        self.owners.setMinimumWidth(340)
        completer = QCompleter(self.owner_picker.model(), self.owner_picker)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner_picker.setCompleter(completer)
        self.has_due = QCheckBox(self.form)
        self.due = QDateEdit(self.form)
        self.due.setDisplayFormat(DATE_FORMAT)
        self.due.setCalendarPopup(True)
        self.status = EnumCombo(list(ActionStatus), self.form)
        self.last_update = QLabel(self.form)
        self.last_update.setWordWrap(True)
        self.error = error_label(self.form)

        for field in (self.text_en, self.text_fr):
            field.editor.setMaximumHeight(TEXT_HEIGHT)
        texts = QHBoxLayout()
        texts.addWidget(self.text_en)
        texts.addWidget(self.text_fr)
        self.owners_label, self.due_label, self.status_label = QLabel(self.form), QLabel(self.form), QLabel(self.form)
        self.owners_label.setBuddy(self.owner_picker)
        owners_box = QVBoxLayout()
        owners_box.addWidget(self.owners_label)
        owners_box.addWidget(self.owners)
        owners_box.addWidget(self.owner_picker)
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        self.fields.addRow(self.due_label, due_row)
        self.fields.addRow(self.status_label, self.status)
        details = QVBoxLayout()
        details.addLayout(self.fields)
        details.addWidget(self.last_update)
        details.addStretch(1)
        lower = QHBoxLayout()
        lower.addLayout(owners_box, 1)
        lower.addSpacing(16)
        lower.addLayout(details, 1)
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(texts)
        form_layout.addLayout(lower, 1)
        form_layout.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.form, 1)

        self.add_action = shortcut(self, "Ctrl+Shift+A", self.add_action_item)
        shortcut(self.table, QKeySequence.StandardKey.Delete, self.delete_action_item)
        shortcut(self.owners, QKeySequence.StandardKey.Delete, self.remove_owner)
        self.add_button.clicked.connect(self.add_action_item)
        self.delete_button.clicked.connect(self.delete_action_item)
        self.progress_button.clicked.connect(self.ask_progress)
        self.owner_picker.lineEdit().returnPressed.connect(self.add_owner)
        self.has_due.toggled.connect(lambda _on: self._commit_due())
        self.due.editingFinished.connect(self._commit_due)
        self.status.activated.connect(lambda _i: self._update("status", self.status.value()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._show_current())
        self.retranslate()

    # --- data in -----------------------------------------------------------------------------------------------

    def set_owner_choices(self, choices: list[OwnerView]) -> None:
        self._choices = choices
        self.owner_picker.blockSignals(True)
        self.owner_picker.clear()
        for owner in choices:
            self.owner_picker.addItem(owner_label(owner), owner.key)
        self.owner_picker.setCurrentIndex(-1)
        self.owner_picker.clearEditText()
        self.owner_picker.blockSignals(False)

    def show_item(self, meeting_uuid: str, item_uuid: str | None, rows: list[ActionDetailView], locked: bool) -> None:
        self._meeting, self._item, self._locked = meeting_uuid, item_uuid, locked
        keep = self._current.uuid if self._current else None
        self.model.set_rows(rows)
        row = self.model.row_of(keep) if keep else -1
        self.select(rows[row].uuid if row >= 0 else (rows[0].uuid if rows else None))
        for widget in (self.add_button, self.add_action):
            widget.setEnabled(not locked and item_uuid is not None)

    def select(self, uuid: str | None) -> None:
        row = self.model.row_of(uuid) if uuid else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_current()

    def _show_current(self) -> None:
        current = self.model.row_at(self.table.currentIndex().row())
        same = self._current is not None and current is not None and current.uuid == self._current.uuid
        self._current = current
        self.form.setEnabled(current is not None)
        self.delete_button.setEnabled(current is not None and not self._locked)
        self.progress_button.setEnabled(current is not None)
        if current is None:
            for field in (self.text_en, self.text_fr):
                field.bind((), "", None, lambda: "", (), ())
            self.owners_model.set_rows([])
            self.last_update.clear()
            return
        db = self._context.db
        for field, name in ((self.text_en, "text_en"), (self.text_fr, "text_fr")):
            if same or db is None:
                field.show_value(getattr(current, name))
            else:
                uuid = current.uuid
                field.bind(("action", uuid, name), getattr(current, name),
                           lambda text, uuid=uuid, name=name: service.update_action(db, uuid, {name: text}),
                           lambda number=current.number: _("Edit action {number}").format(number=number),
                           KINDS, (uuid,))
            field.set_read_only(self._locked)
        self.owners_model.set_rows(current.owners)
        for widget in (self.owner_picker, self.has_due, self.due):
            widget.setEnabled(not self._locked)
        self.has_due.blockSignals(True)
        self.has_due.setChecked(current.due_date is not None)
        self.has_due.blockSignals(False)
        self.due.blockSignals(True)
        self.due.setDate(QDate(current.due_date) if current.due_date else QDate.currentDate())
        self.due.blockSignals(False)
        self.due.setEnabled(current.due_date is not None and not self._locked)
        self.status.set_value(current.status)
        update = current.last_update
        if update is None:
            self.last_update.setText(_("No progress recorded yet."))
        else:
            status = label(update.status) if update.status else ""
            if update.meeting_reference:
                text = _("Last progress, at {meeting}: {status} {note}").format(
                    meeting=update.meeting_reference, status=status, note=update.note)
            else:
                text = _("Last progress: {status} {note}").format(status=status, note=update.note)
            self.last_update.setText(text.strip())
        if not same:
            show_error(self.error, None)

    # --- what the user asks for ----------------------------------------------------------------------------------

    def _run(self, text: str, do: Any, undo: Any, uuids: tuple[str, ...] = ()) -> Any:
        try:
            result = perform(self._context, text, do, undo, KINDS, uuids, self)
        except DomainError as problem:
            show_error(self.error, problem)
            return None
        show_error(self.error, None)
        return result

    def add_action_item(self) -> None:
        if self._meeting is None or self._item is None or self._locked:
            return
        db, meeting, item, uuid = self._context.require_db(), self._meeting, self._item, str(uuid4())
        if self._run(_("Add an action"), lambda: service.add_action(db, meeting, item, uuid=uuid),
                     lambda: service.delete_action(db, uuid), (uuid,)) is not None:
            self.select(uuid)
            self.text_en.editor.setFocus()

    def delete_action_item(self) -> None:
        current = self._current
        if current is None or self._locked:
            return
        db, kept = self._context.require_db(), {}

        def delete() -> None:
            kept["snapshot"] = service.delete_action(db, current.uuid)

        self._run(_("Delete action {number}").format(number=current.number), delete,
                  lambda: service.restore_action(db, kept["snapshot"]), (current.uuid,))

    def _set_owners(self, keys: list[str]) -> None:
        current = self._current
        if current is None:
            return
        db, before = self._context.require_db(), [o.key for o in current.owners]
        self._run(_("Change the responsible of {number}").format(number=current.number),
                  lambda: service.set_owners(db, current.uuid, keys),
                  lambda: service.set_owners(db, current.uuid, before), (current.uuid,))

    def add_owner(self) -> None:
        if self._current is None:
            return
        typed = fold(self.owner_picker.currentText().strip())
        labels = [fold(owner_label(o)) for o in self._choices]
        matches = [n for n, text in enumerate(labels) if text == typed] or [
            n for n, text in enumerate(labels) if typed and typed in text]
        if len(matches) != 1:
            show_error(self.error, _("No single person or organisation matches “{text}”; type more of the name.")
                       .format(text=self.owner_picker.currentText().strip()))
            return
        key = self._choices[matches[0]].key
        keys = [o.key for o in self._current.owners]
        if key not in keys:
            self._set_owners([*keys, key])
        self.owner_picker.setCurrentIndex(-1)
        self.owner_picker.clearEditText()

    def remove_owner(self) -> None:
        owner = self.owners_model.row_at(self.owners.currentIndex().row())
        if owner is not None and self._current is not None and not self._locked:
            self._set_owners([o.key for o in self._current.owners if o.key != owner.key])

    def _commit_due(self) -> None:
        if self._current is None:
            return
        value = self.due.date().toPython() if self.has_due.isChecked() else None
        self.due.setEnabled(self.has_due.isChecked() and not self._locked)
        self._update("due_date", value)

    def _update(self, name: str, value: Any) -> None:
        current = self._current
        if current is None or getattr(current, name) == value:
            return
        db, before = self._context.require_db(), getattr(current, name)
        self._run(_("Change action {number}").format(number=current.number),
                  lambda: service.update_action(db, current.uuid, {name: value}),
                  lambda: service.update_action(db, current.uuid, {name: before}), (current.uuid,))

    def ask_progress(self) -> None:
        if self._current is not None:
            ProgressDialog(self._context, self._current, self._meeting, self).exec()

    def retranslate(self) -> None:
        self.add_button.setText(_("Add action"))
        self.add_button.setToolTip(_("Add an action to this item (Ctrl+Shift+A)"))
        self.progress_button.setText(_("Record progress…"))
        self.delete_button.setText(_("Delete"))
        self.text_en.caption.setText(_("Action in English"))
        self.text_fr.caption.setText(_("Action in French"))
        self.owners_label.setText(_("Responsible:"))
        self.owner_picker.lineEdit().setPlaceholderText(_("Add responsible: type a name, then Enter"))
        self.due_label.setText(_("Due date:"))
        self.has_due.setText(_("Has a due date"))
        self.status_label.setText(_("Status:"))
        self.status.retranslate()
        self.model.retranslate()
        self.owners_model.retranslate()
        for index, owner in enumerate(self._choices):
            self.owner_picker.setItemText(index, owner_label(owner))
        if self._current is not None:
            self._show_current()
