"""The decisions of one agenda item: the list with their numbers and outcomes, and the form of the selected
one (text in both languages, kind, how it was taken, the votes, the quorum recorded with it).

Add with Ctrl+Shift+D (the cursor goes to its English text), delete with Delete, reorder with Alt+Up and
Alt+Down.  Every change is a service call through the undo stack; texts save as they are typed.
"""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DecisionKind, DecisionMethod, Threshold, Vote, label
from app.errors import DomainError
from app.i18n import _
from app.services import decisions as service
from app.services.decisions import DecisionDetailView, QuorumView
from ui.context import AppContext
from ui.minutes.autosave import UndoKeyRouter
from ui.minutes.fields import EnumCombo, TextField, error_label, show_error
from ui.minutes.item_models import VOTE_CHOICES, DecisionColumn, DecisionsModel, VotesModel
from ui.minutes.texts import live_quorum_text, quorum_text, result_text
from ui.undo import perform

KINDS = ("decision", "minutes", "agenda")
TEXT_HEIGHT = 84  # a decision is a sentence or two; the form below keeps its room


class VoteDelegate(QStyledItemDelegate):
    """A combo box for the vote of an organisation: none, for, against, abstention."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for vote in VOTE_CHOICES:
            combo.addItem(label(vote) if vote else "—")
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentIndex(), Qt.ItemDataRole.EditRole)


class DecisionsPanel(QWidget):
    def __init__(self, context: AppContext, router: UndoKeyRouter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._meeting: str | None = None
        self._item: str | None = None
        self._locked = False
        self._current: DecisionDetailView | None = None
        self._quorum: QuorumView | None = None

        self.add_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.live_quorum = QLabel(self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.live_quorum)

        self.model = DecisionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(DecisionColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(150)

        self.form = QWidget(self)
        self.text_en = TextField(context, router, rich=False, parent=self.form)
        self.text_fr = TextField(context, router, rich=False, parent=self.form)
        self.kind = EnumCombo(list(DecisionKind), self.form)
        self.method = EnumCombo(list(DecisionMethod), self.form)
        self.threshold = EnumCombo(list(Threshold), self.form)
        self.counts = {name: QSpinBox(self.form) for name in ("votes_for", "votes_against", "abstentions")}
        for spin in self.counts.values():
            spin.setRange(0, 999)
        self.votes_model = VotesModel(self)
        self.votes_model.vote_requested = self._set_vote
        self.votes = QTableView(self.form)
        self.votes.setModel(self.votes_model)
        self.votes.setItemDelegateForColumn(2, VoteDelegate(self.votes))
        self.votes.verticalHeader().hide()
        self.votes.setTabKeyNavigation(False)
        self.votes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.votes.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.result = QLabel(self.form)
        self.quorum = QLabel(self.form)
        for label_widget in (self.result, self.quorum):
            label_widget.setWordWrap(True)
        self.error = error_label(self.form)

        for field in (self.text_en, self.text_fr):
            field.editor.setMaximumHeight(TEXT_HEIGHT)
        texts = QHBoxLayout()
        texts.addWidget(self.text_en)
        texts.addWidget(self.text_fr)
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.kind_label, self.method_label, self.threshold_label = QLabel(self.form), QLabel(self.form), QLabel(self.form)
        self.fields.addRow(self.kind_label, self.kind)
        self.fields.addRow(self.method_label, self.method)
        self.fields.addRow(self.threshold_label, self.threshold)
        counts = QGridLayout()
        self.count_labels = {name: QLabel(self.form) for name in self.counts}
        for column, name in enumerate(self.counts):
            self.count_labels[name].setBuddy(self.counts[name])
            counts.addWidget(self.count_labels[name], 0, column * 2)
            counts.addWidget(self.counts[name], 0, column * 2 + 1)
        self.counts_label = QLabel(self.form)
        self.fields.addRow(self.counts_label, counts)
        outcome = QVBoxLayout()
        outcome.addWidget(self.result)
        outcome.addWidget(self.quorum)
        outcome.addWidget(self.votes, 1)
        outcome.addStretch(0)
        lower = QHBoxLayout()
        lower.addLayout(self.fields)
        lower.addSpacing(16)
        lower.addLayout(outcome, 1)
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(texts)
        form_layout.addLayout(lower, 1)
        form_layout.addWidget(self.error)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.form, 1)

        self.add_action = self._shortcut("Ctrl+Shift+D", self.add_decision)
        self.delete_action = self._shortcut(QKeySequence.StandardKey.Delete, self.delete_decision, self.table)
        self.up_action = self._shortcut("Alt+Up", lambda: self.move_decision(-1))
        self.down_action = self._shortcut("Alt+Down", lambda: self.move_decision(1))
        self.add_button.clicked.connect(self.add_decision)
        self.delete_button.clicked.connect(self.delete_decision)
        self.up_button.clicked.connect(lambda: self.move_decision(-1))
        self.down_button.clicked.connect(lambda: self.move_decision(1))
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._show_current())
        self.kind.activated.connect(lambda _i: self._update("kind", self.kind.value()))
        self.method.activated.connect(lambda _i: self._update("method", self.method.value()))
        self.threshold.activated.connect(lambda _i: self._update("threshold", self.threshold.value()))
        for name, spin in self.counts.items():
            spin.editingFinished.connect(lambda name=name, spin=spin: self._update(name, spin.value()))
        self.retranslate()
        self._show_current()

    def _shortcut(self, keys: Any, slot: Any, widget: QWidget | None = None) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        (widget or self).addAction(action)
        return action

    # --- data in -----------------------------------------------------------------------------------------

    def show_item(self, meeting_uuid: str, item_uuid: str | None, rows: list[DecisionDetailView], quorum: QuorumView,
                  locked: bool) -> None:
        self._meeting, self._item, self._locked = meeting_uuid, item_uuid, locked
        keep = self._current.uuid if self._current else None
        self.model.set_rows(rows)
        self.votes_model.set_rows(quorum.members)
        self._quorum = quorum
        self.live_quorum.setText(live_quorum_text(quorum))
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
        for widget in (self.delete_button, self.up_button, self.down_button, self.delete_action, self.up_action,
                       self.down_action):
            widget.setEnabled(current is not None and not self._locked)
        if current is None:
            for field in (self.text_en, self.text_fr):
                field.bind((), "", None, lambda: "", (), ())
            self.result.clear()
            self.quorum.clear()
            return
        db = self._context.db
        for field, name in ((self.text_en, "text_en"), (self.text_fr, "text_fr")):
            value = getattr(current, name)
            if same or db is None:
                field.show_value(value)
            else:
                uuid = current.uuid
                field.bind(("decision", uuid, name), value,
                           lambda text, uuid=uuid, name=name: service.update_decision(db, uuid, {name: text}),
                           lambda number=current.number: _("Edit decision {number}").format(number=number),
                           KINDS, (uuid,))
            field.set_read_only(self._locked)
        self.kind.set_value(current.kind)
        self.method.set_value(current.method)
        self.threshold.set_value(current.threshold)
        voting = current.method is DecisionMethod.VOTE
        per_organisation = bool(current.votes)
        for name, spin in self.counts.items():
            spin.blockSignals(True)
            spin.setValue(getattr(current, name) or 0)
            spin.blockSignals(False)
            spin.setEnabled(voting and not per_organisation and not self._locked)
        self.threshold.setEnabled(voting and not self._locked)
        for combo in (self.kind, self.method):
            combo.setEnabled(not self._locked)
        self.votes.setVisible(voting)
        self.votes_model.editable = not self._locked
        self.votes_model.set_votes({v.organisation_uuid: v.vote for v in current.votes})
        self.result.setText(result_text(current))
        self.quorum.setText(_("When recorded: {quorum}").format(
            quorum=quorum_text(current.quorum_present, current.quorum_required)))
        if not same:
            show_error(self.error, None)

    # --- what the user asks for ------------------------------------------------------------------------------

    def _run(self, text: str, do: Any, undo: Any, uuids: tuple[str, ...] = ()) -> Any:
        try:
            result = perform(self._context, text, do, undo, KINDS, uuids, self)
        except DomainError as problem:
            show_error(self.error, problem)
            return None
        show_error(self.error, None)
        return result

    def add_decision(self) -> None:
        if self._meeting is None or self._item is None or self._locked:
            return
        db, meeting, item, uuid = self._context.require_db(), self._meeting, self._item, str(uuid4())
        created = self._run(_("Add a decision"), lambda: service.add_decision(db, meeting, item, uuid=uuid),
                            lambda: service.delete_decision(db, uuid), (uuid,))
        if created is not None:
            self.select(uuid)
            self.text_en.editor.setFocus()

    def delete_decision(self) -> None:
        current = self._current
        if current is None or self._locked:
            return
        db, kept = self._context.require_db(), {}

        def delete() -> None:
            kept["snapshot"] = service.delete_decision(db, current.uuid)

        self._run(_("Delete decision {number}").format(number=current.number), delete,
                  lambda: service.restore_decision(db, kept["snapshot"]), (current.uuid,))

    def move_decision(self, step: int) -> None:
        current = self._current
        if current is None or self._locked:
            return
        rows = self.model.rows()
        place = [r.uuid for r in rows].index(current.uuid)
        if not 0 <= place + step < len(rows):
            return
        db = self._context.require_db()
        self._run(_("Move decision {number}").format(number=current.number),
                  lambda: service.move_decision(db, current.uuid, place + step),
                  lambda: service.move_decision(db, current.uuid, place), (current.uuid,))
        self.select(current.uuid)

    def _update(self, name: str, value: Any) -> None:
        current = self._current
        if current is None or getattr(current, name) == value or (getattr(current, name) is None and value == 0):
            return
        db, before = self._context.require_db(), getattr(current, name)
        self._run(_("Change decision {number}").format(number=current.number),
                  lambda: service.update_decision(db, current.uuid, {name: value}),
                  lambda: service.update_decision(db, current.uuid, {name: before}), (current.uuid,))

    def _set_vote(self, organisation_uuid: str, vote: Vote | None) -> None:
        current = self._current
        if current is None:
            return
        db, before = self._context.require_db(), service.vote_record(current)
        self._run(_("Record a vote on decision {number}").format(number=current.number),
                  lambda: service.set_votes(db, current.uuid, {organisation_uuid: vote}),
                  lambda: service.restore_vote_record(db, current.uuid, before), (current.uuid,))

    def retranslate(self) -> None:
        self.add_button.setText(_("Add decision"))
        self.add_button.setToolTip(_("Add a decision to this item (Ctrl+Shift+D)"))
        self.up_button.setText(_("Move up"))
        self.down_button.setText(_("Move down"))
        self.delete_button.setText(_("Delete"))
        self.text_en.caption.setText(_("Decision in English"))
        self.text_fr.caption.setText(_("Decision in French"))
        self.kind_label.setText(_("Kind:"))
        self.method_label.setText(_("Taken by:"))
        self.threshold_label.setText(_("Majority needed:"))
        self.counts_label.setText(_("Votes:"))
        self.count_labels["votes_for"].setText(_("For"))
        self.count_labels["votes_against"].setText(_("Against"))
        self.count_labels["abstentions"].setText(_("Abstentions"))
        for combo in (self.kind, self.method, self.threshold):
            combo.retranslate()
        self.model.retranslate()
        self.votes_model.retranslate()
        if self._quorum is not None:
            self.live_quorum.setText(live_quorum_text(self._quorum))
        self._show_current()
