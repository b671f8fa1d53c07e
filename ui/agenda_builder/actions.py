"""The agenda builder's commands as actions: toolbar buttons with their keyboard shortcuts.

Insert/Ctrl+N and Ctrl+Shift+N work anywhere on the page; the keys that act on rows (Delete,
Ctrl+arrows) belong to the tree alone, so that in a text field they keep their editing meaning.
Tab and Shift+Tab (indent, outdent) are handled by the tree itself, see ``tree_view``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from app.i18n import _


class BuilderActions(QObject):
    def __init__(self, page: QWidget, tree: QWidget, toolbar: QToolBar) -> None:
        super().__init__(page)

        def action(keys: tuple[str, ...], owner: QWidget, context: Qt.ShortcutContext) -> QAction:
            created = QAction(owner)
            created.setShortcuts([QKeySequence(key) for key in keys])
            created.setShortcutContext(context)
            owner.addAction(created)
            toolbar.addAction(created)
            return created

        on_page, on_tree = Qt.ShortcutContext.WidgetWithChildrenShortcut, Qt.ShortcutContext.WidgetShortcut
        self.new_item = action(("Ins", "Ctrl+N"), page, on_page)
        self.new_sub_item = action(("Ctrl+Shift+N",), page, on_page)
        self.delete = action(("Del",), tree, on_tree)
        toolbar.addSeparator()
        self.indent = action(("Ctrl+Right",), tree, on_tree)
        self.outdent = action(("Ctrl+Left",), tree, on_tree)
        self.move_up = action(("Ctrl+Up",), tree, on_tree)
        self.move_down = action(("Ctrl+Down",), tree, on_tree)
        toolbar.addSeparator()
        self.standing_items = action((), page, on_page)
        self.postponed_items = action((), page, on_page)
        self.row_actions = (self.delete, self.indent, self.outdent, self.move_up, self.move_down)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            self.new_item: (_("New item"), _("Add an item after the selected one (Insert, Ctrl+N)")),
            self.new_sub_item: (_("New sub-item"), _("Add a sub-item under the selected item (Ctrl+Shift+N)")),
            self.delete: (_("Delete"), _("Delete the selected item and its sub-items (Delete)")),
            self.indent: (_("Indent"), _("Make the item a sub-item of the one above (Tab, Ctrl+Right)")),
            self.outdent: (_("Outdent"), _("Make the sub-item an item of its own (Shift+Tab, Ctrl+Left)")),
            self.move_up: (_("Move up"), _("Move the item up (Ctrl+Up)")),
            self.move_down: (_("Move down"), _("Move the item down (Ctrl+Down)")),
            self.standing_items: (_("Standing items…"),
                                  _("Add approval of the previous minutes and review of open actions")),
            self.postponed_items: (_("Postponed items…"),
                                   _("Put items postponed at earlier meetings on this agenda")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def set_state(self, has_meeting: bool, has_item: bool) -> None:
        self.new_item.setEnabled(has_meeting)
        self.new_sub_item.setEnabled(has_item)
        self.standing_items.setEnabled(has_meeting)
        self.postponed_items.setEnabled(has_meeting)
        for action in self.row_actions:
            action.setEnabled(has_item)
