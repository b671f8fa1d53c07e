"""Offering the items postponed at earlier meetings for this meeting's agenda.

The list shows every item an earlier meeting postponed and no later agenda has taken up yet; the ticked
ones are carried forward (before any other business and the closing) in one undo step, each remembering
the item it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.i18n import _, current_language

if TYPE_CHECKING:
    from app.services.item_outcomes import PostponedItem
    from ui.agenda_builder.page import AgendaBuilderPage

ERROR_STYLE = "color: #B00020;"


class PostponedItemsDialog(QDialog):
    def __init__(self, items: Sequence[PostponedItem], submit: Callable[[list[str]], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        language = current_language()
        self.setWindowTitle(_("Postponed items"))
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Postponed items"))
        self.list.setWordWrap(True)  # long titles wrap rather than hide behind a scroll bar
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item in items:
            row = QListWidgetItem(_("{reference}, item {number}: {title}").format(
                reference=item.meeting_reference, number=item.number, title=item.title(language)), self.list)
            row.setData(Qt.ItemDataRole.UserRole, item.item_uuid)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add to the agenda"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if items:
            self.explanation.setText(_("Items postponed at earlier meetings and not yet on a later agenda. The "
                                       "ticked ones are added before any other business."))
        else:
            self.explanation.setText(_("No earlier meeting postponed an item that is still waiting."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.resize(640, 360)

    def chosen(self) -> list[str]:
        return [str(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.error.setText(_("Tick at least one item."))
            self.error.show()
            return
        try:
            self._submit(chosen)
        except DomainError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


def ask_postponed_items(page: AgendaBuilderPage) -> PostponedItemsDialog | None:
    meeting = page.operations.meeting_uuid
    if page.context.db is None or meeting is None:
        return None
    from app.services.item_outcomes import postponed_items

    dialog = PostponedItemsDialog(postponed_items(page.context.db, meeting), page.operations.carry_forward, page)
    if dialog.exec():
        page.tree.setFocus()
    return dialog
