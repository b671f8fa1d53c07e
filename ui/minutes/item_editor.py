"""The minutes of one agenda item: its summary in English and French (either alone, or side by side with
both scrolling together for the translator), the language it was written in and how far its translation
is, how the item ended, the changes since the last frozen version, and its decisions and actions — or, for
standing items, the review of earlier actions and the approval of the previous minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import AgendaItemKind, ItemOutcome, Language, TranslationStatus
from app.errors import DomainError
from app.i18n import _, current_language
from app.services import item_outcomes, minutes
from app.services.actions import ActionDetailView, ReviewRow
from app.services.decisions import DecisionDetailView, QuorumView
from app.services.minutes import ItemChanges, MinutesItemView, MinutesState
from ui.context import AppContext
from ui.minutes.actions_panel import ActionsPanel
from ui.minutes.autosave import UndoKeyRouter
from ui.minutes.decisions_panel import DecisionsPanel
from ui.minutes.fields import EnumCombo, TextField, error_label, show_error
from ui.minutes.rich_editor import MinutesTextEdit, sync_scrolling
from ui.minutes.standing_panels import PreviousMinutesPanel, ReviewPanel
from ui.minutes.texts import item_changes_html
from ui.undo import perform

KINDS = ("minutes",)
VIEW_ENGLISH, VIEW_FRENCH, VIEW_BOTH = 0, 1, 2


@dataclass(frozen=True)
class ItemData:
    """Everything the item editor shows, read by the page in one go."""

    meeting_uuid: str
    item: MinutesItemView
    state: MinutesState
    changes: ItemChanges | None
    decisions: list[DecisionDetailView]
    actions: list[ActionDetailView]
    quorum: QuorumView
    review: list[ReviewRow] | None
    earlier: MinutesState | None


class ItemEditor(QWidget):
    def __init__(self, context: AppContext, router: UndoKeyRouter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._data: ItemData | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.outcome_label, self.view_label = QLabel(self), QLabel(self)
        self.outcome = EnumCombo(list(ItemOutcome), self)
        self.outcome_label.setBuddy(self.outcome)
        self.view_mode = QComboBox(self)
        self.view_mode.addItems(["", "", ""])
        self.view_label.setBuddy(self.view_mode)
        self.bold_button, self.italic_button, self.bullets_button = QToolButton(self), QToolButton(self), QToolButton(self)
        top = QHBoxLayout()
        for widget in (self.view_label, self.view_mode, self.bold_button, self.italic_button, self.bullets_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.outcome_label)
        top.addWidget(self.outcome)

        self.english = TextField(context, router, rich=True, parent=self)
        self.french = TextField(context, router, rich=True, parent=self)
        sync_scrolling(self.english.editor, self.french.editor)
        self.texts = QSplitter(Qt.Orientation.Horizontal, self)
        self.texts.addWidget(self.english)
        self.texts.addWidget(self.french)
        self.original_label, self.translation_label = QLabel(self), QLabel(self)
        self.original = EnumCombo(list(Language), self)
        self.translation = EnumCombo(list(TranslationStatus), self)
        self.original_label.setBuddy(self.original)
        self.translation_label.setBuddy(self.translation)
        languages = QHBoxLayout()
        for widget in (self.original_label, self.original, self.translation_label, self.translation):
            languages.addWidget(widget)
        languages.addStretch(1)
        self.changes_caption = QLabel(self)
        self.changes = QTextBrowser(self)
        self.changes.setMaximumHeight(110)
        self.error = error_label(self)

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.texts, 1)
        upper_layout.addLayout(languages)
        upper_layout.addWidget(self.error)
        upper_layout.addWidget(self.changes_caption)
        upper_layout.addWidget(self.changes)

        self.tabs = QTabWidget(self)
        self.decisions = DecisionsPanel(context, router, self.tabs)
        self.actions = ActionsPanel(context, router, self.tabs)
        self.review = ReviewPanel(context, self.tabs)
        self.previous = PreviousMinutesPanel(context, self.tabs)
        self.tabs.addTab(self.decisions, "")
        self.tabs.addTab(self.actions, "")
        self.tabs.addTab(self.review, "")
        self.tabs.addTab(self.previous, "")
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(upper)
        self.split.addWidget(self.tabs)
        self.split.setSizes([380, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.split, 1)

        self.view_mode.setCurrentIndex(VIEW_BOTH)
        self.view_mode.currentIndexChanged.connect(self._view_changed)
        self.bold_button.clicked.connect(lambda: self._format(MinutesTextEdit.toggle_bold))
        self.italic_button.clicked.connect(lambda: self._format(MinutesTextEdit.toggle_italic))
        self.bullets_button.clicked.connect(lambda: self._format(MinutesTextEdit.toggle_bullets))
        self.outcome.activated.connect(lambda _i: self._set_outcome())
        self.original.activated.connect(lambda _i: self._update("original_language", self.original.value()))
        self.translation.activated.connect(lambda _i: self._update("translation_status", self.translation.value()))
        self._last_editor: MinutesTextEdit = self.english.editor  # type: ignore[assignment]
        for field in (self.english, self.french):
            field.editor.installEventFilter(self)
        order = (self.view_mode, self.bold_button, self.italic_button, self.bullets_button, self.outcome,
                 self.english.editor, self.french.editor, self.original, self.translation, self.tabs)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)  # reading order, left to right and down
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, MinutesTextEdit) and event.type() == QEvent.Type.FocusIn:
            self._last_editor = watched  # the formatting buttons act on the editor last typed in
        return False

    def savers(self) -> list[TextField]:
        return [self.english, self.french, self.decisions.text_en, self.decisions.text_fr, self.actions.text_en,
                self.actions.text_fr]

    # --- data in ----------------------------------------------------------------------------------------------

    def show_item(self, data: ItemData) -> None:
        same = self._data is not None and self._data.item.item_uuid == data.item.item_uuid
        self._data = data
        item, locked, db = data.item, data.state.locked, self._context.require_db()
        for field, name in ((self.english, "text_en"), (self.french, "text_fr")):
            value = getattr(item, name)
            if same:
                field.show_value(value)
            else:
                uuid = item.item_uuid
                field.bind(("minutes", uuid, name), value,
                           lambda text, uuid=uuid, name=name: minutes.update_minutes_entry(db, uuid, {name: text}),
                           lambda number=item.number: _("Edit the minutes of item {number}").format(number=number),
                           KINDS, (uuid,))
            field.set_read_only(locked)
        self.outcome.set_value(item.outcome)
        self.original.set_value(item.original_language)
        self.translation.set_value(item.translation_status)
        for widget in (self.outcome, self.original, self.translation, self.bold_button, self.italic_button,
                       self.bullets_button):
            widget.setEnabled(not locked)
        self.decisions.show_item(data.meeting_uuid, item.item_uuid, data.decisions, data.quorum, locked)
        self.actions.show_item(data.meeting_uuid, item.item_uuid, data.actions, locked)
        review_index, previous_index = self.tabs.indexOf(self.review), self.tabs.indexOf(self.previous)
        self.tabs.setTabVisible(review_index, data.review is not None)
        self.tabs.setTabVisible(previous_index, item.kind is AgendaItemKind.PREVIOUS_MINUTES)
        if data.review is not None:
            self.review.show_review(data.meeting_uuid, data.review, locked)
        if item.kind is AgendaItemKind.PREVIOUS_MINUTES:
            self.previous.show_item(item, data.earlier, locked)
        if not same:
            show_error(self.error, None)
            standing = previous_index if item.kind is AgendaItemKind.PREVIOUS_MINUTES else (
                review_index if data.review is not None else 0)
            self.tabs.setCurrentIndex(standing)
        self._fill()

    def _fill(self) -> None:
        data, language = self._data, current_language()
        if data is None:
            return
        item = data.item
        self.heading.setText(_("{number}. {title}").format(number=item.number, title=item.title(language)))
        self.tabs.setTabText(self.tabs.indexOf(self.decisions), _("Decisions ({count})").format(
            count=len(data.decisions)))
        self.tabs.setTabText(self.tabs.indexOf(self.actions), _("Actions ({count})").format(count=len(data.actions)))
        self.tabs.setTabText(self.tabs.indexOf(self.review), _("Review of actions ({count})").format(
            count=len(data.review or ())))
        self.tabs.setTabText(self.tabs.indexOf(self.previous), _("Approval of the minutes"))
        changes, latest = data.changes, data.state.latest
        shown = latest is not None and changes is not None and changes.changed
        self.changes_caption.setVisible(shown)
        self.changes.setVisible(shown)
        if shown and changes is not None and latest is not None:
            self.changes_caption.setText(_("Changes since version {number}:").format(number=latest.number))
            self.changes.setHtml(item_changes_html(changes, language))

    # --- what the user asks for ------------------------------------------------------------------------------

    def _format(self, toggle: Callable[[MinutesTextEdit], None]) -> None:
        editor = self._last_editor
        toggle(editor)
        editor.setFocus()

    def _view_changed(self, mode: int) -> None:
        self.english.setVisible(mode in (VIEW_ENGLISH, VIEW_BOTH))
        self.french.setVisible(mode in (VIEW_FRENCH, VIEW_BOTH))

    def _run(self, text: str, do: Callable[[], Any], undo: Callable[[], Any], kinds: tuple[str, ...]) -> None:
        data = self._data
        if data is None:
            return
        try:
            perform(self._context, text, do, undo, kinds, (data.item.item_uuid,), self)
        except DomainError as problem:
            show_error(self.error, problem)
            return
        show_error(self.error, None)

    def _update(self, name: str, value: object) -> None:
        data = self._data
        if data is None or getattr(data.item, name) == value:
            return
        db, uuid, before = self._context.require_db(), data.item.item_uuid, getattr(data.item, name)
        self._run(_("Change the minutes of item {number}").format(number=data.item.number),
                  lambda: minutes.update_minutes_entry(db, uuid, {name: value}),
                  lambda: minutes.update_minutes_entry(db, uuid, {name: before}), KINDS)

    def _set_outcome(self) -> None:
        data, value = self._data, self.outcome.value()
        if data is None or data.item.outcome == value:
            return
        db, uuid, before = self._context.require_db(), data.item.item_uuid, data.item.outcome
        assert isinstance(value, ItemOutcome)
        self._run(_("Change the outcome of item {number}").format(number=data.item.number),
                  lambda: item_outcomes.set_item_outcome(db, uuid, value),
                  lambda: item_outcomes.set_item_outcome(db, uuid, before), ("agenda", "minutes"))

    def retranslate(self) -> None:
        self.view_label.setText(_("Show:"))
        for index, text in enumerate((_("English"), _("French"), _("English and French side by side"))):
            self.view_mode.setItemText(index, text)
        self.bold_button.setText(_("B"))
        self.bold_button.setToolTip(_("Bold (Ctrl+B)"))
        self.italic_button.setText(_("I"))
        self.italic_button.setToolTip(_("Italic (Ctrl+I)"))
        self.bullets_button.setText("•")
        self.bullets_button.setToolTip(_("Bulleted list (Ctrl+Shift+L)"))
        self.outcome_label.setText(_("Outcome:"))
        self.english.caption.setText(_("Summary in English"))
        self.french.caption.setText(_("Summary in French"))
        self.original_label.setText(_("Written in:"))
        self.translation_label.setText(_("Translation:"))
        for combo in (self.outcome, self.original, self.translation):
            combo.retranslate()
        for panel in (self.decisions, self.actions, self.review, self.previous):
            panel.retranslate()
        self._fill()
