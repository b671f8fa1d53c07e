"""The window's sections — Meetings, Directory, Documents, Actions — and the toolbar that switches them.

Each section is a page widget with ``retranslate()`` and ``title()``; the meetings section is the
window's own meeting list and tabs.  Ctrl+1…Ctrl+4 (View menu and toolbar) switch sections; the section in
view is remembered for the session only, the app always opens on the meetings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QToolBar, QWidget

from app.i18n import _


class Sections(QStackedWidget):
    section_changed = Signal(str)  # the key of the section now in view

    def __init__(self, window: QMainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("sections")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._view_menu = view_menu
        self._separator: QAction | None = None
        self._entries: dict[str, tuple[QWidget, QAction, Callable[[], str]]] = {}

    def add_section(self, key: str, page: QWidget, title: Callable[[], str]) -> QAction:
        """A section with its page and a callable giving its translated title."""
        self.addWidget(page)
        action = QAction(self)
        action.setCheckable(True)
        action.setData(key)
        number = len(self._entries) + 1
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _checked=False, key=key: self.show_section(key))
        self._group.addAction(action)
        self.toolbar.addAction(action)
        if self._separator is None:
            self._separator = self._view_menu.insertSeparator(self._view_menu.actions()[0]
                                                              if self._view_menu.actions() else None)
        self._view_menu.insertAction(self._separator, action)
        self._entries[key] = (page, action, title)
        action.setText(title())
        if len(self._entries) == 1:
            action.setChecked(True)
        return action

    def show_section(self, key: str) -> None:
        page, action, _title = self._entries[key]
        action.setChecked(True)
        if self.currentWidget() is not page:
            self.setCurrentWidget(page)
            self.section_changed.emit(key)

    def current_key(self) -> str:
        for key, (page, _action, _title) in self._entries.items():
            if page is self.currentWidget():
                return key
        return ""

    def page(self, key: str) -> QWidget:
        return self._entries[key][0]

    def retranslate(self) -> None:
        self.toolbar.setWindowTitle(_("Sections"))
        for page, action, title in self._entries.values():
            action.setText(title())
            retranslate = getattr(page, "retranslate", None)
            if callable(retranslate) and page is not self.widget(0):
                retranslate()
