"""The right-hand side of the main window: the selected meeting's screens as tabs (Overview first).

Each page follows one contract — ``show_meeting(uuid)``, ``retranslate()``, ``title()`` — and loads only
when it is the tab in view: switching meetings does not make every screen query the database.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QTabWidget, QWidget


class MeetingPage(Protocol):
    def show_meeting(self, meeting_uuid: str | None) -> None: ...
    def retranslate(self) -> None: ...
    def title(self) -> str: ...


class MeetingTabs(QTabWidget):
    def __init__(self, overview: QWidget, overview_title: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._overview_title = overview_title  # a callable giving the translated title
        self.addTab(overview, "")
        self._pages: list[QWidget] = []
        self._meeting: str | None = None
        self._shown: dict[int, str | None] = {}
        self.currentChanged.connect(self._current_changed)

    def add_page(self, page: QWidget) -> None:
        self._pages.append(page)
        self.addTab(page, "")
        self.retranslate()

    def pages(self) -> list[QWidget]:
        return list(self._pages)

    def show_meeting(self, meeting_uuid: str | None) -> None:
        """The overview is loaded by the window; the other pages load when they come into view."""
        self._meeting = meeting_uuid
        self._shown.clear()
        self._current_changed(self.currentIndex())

    def _current_changed(self, index: int) -> None:
        page = self.widget(index)
        if page in self._pages and self._shown.get(id(page), "<none>") != self._meeting:
            self._shown[id(page)] = self._meeting
            page.show_meeting(self._meeting)  # type: ignore[attr-defined]

    def retranslate(self) -> None:
        self.setTabText(0, self._overview_title())  # type: ignore[operator]
        for page in self._pages:
            self.setTabText(self.indexOf(page), page.title())  # type: ignore[attr-defined]
            page.retranslate()  # type: ignore[attr-defined]
