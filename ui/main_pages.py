"""Which screens the main window holds: the meeting's tabs and the window's sections.

Kept apart from ``ui.main_window`` so that adding a screen is one line here, not a change to the window.
The screens' modules are imported here, when the window is built, not when ``ui.main_window`` is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.i18n import _
from ui.sections import Sections

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def add_meeting_pages(window: MainWindow) -> None:
    """The selected meeting's screens, after the overview (each loads only when its tab is in view)."""
    from ui.agenda_builder import AgendaBuilderPage
    from ui.attendees import AttendeesPage
    from ui.meeting_details import MeetingDetailsPage
    from ui.minutes import MinutesPage

    details = MeetingDetailsPage(window.context)
    details.meeting_created.connect(lambda uuid: window.refresh(select=uuid))
    for page in (details, AgendaBuilderPage(window.context), AttendeesPage(window.context),
                 MinutesPage(window.context)):
        window.meeting_tabs.add_page(page)


def add_new_meeting_action(window: MainWindow) -> QAction:
    """File > New meeting… (Ctrl+Shift+M; Ctrl+N belongs to the pages): from scratch or a previous meeting."""
    action = QAction(window)
    action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    file_menu = window.menu_actions.file_menu
    file_menu.insertAction(file_menu.actions()[0], action)

    def run() -> None:
        from ui.new_meeting_dialog import NewMeetingDialog

        if window.context.db is None:
            return
        dialog = NewMeetingDialog(window.context, window.current_meeting_uuid(), parent=window)
        if dialog.exec() and dialog.created_uuid:
            window.refresh(select=dialog.created_uuid)

    action.triggered.connect(run)
    return action


def build_sections(window: MainWindow) -> Sections:
    """Meetings (the list and the meeting's tabs), then the screens that span all meetings."""
    from ui.actions_tracker import ActionsTrackerPage
    from ui.directory import DirectoryPage
    from ui.documents import DocumentsPage

    sections = Sections(window, window.menu_actions.view_menu)
    sections.add_section("meetings", window.pages, lambda: _("Meetings"))
    for key, page in (("directory", DirectoryPage(window.context)), ("documents", DocumentsPage(window.context)),
                      ("actions", ActionsTrackerPage(window.context))):
        sections.add_section(key, page, page.title)
    return sections


def add_check_action(window: MainWindow) -> QAction:
    """Help > Check the database: the integrity check of ``chairdesk check``, run in a worker."""
    action = QAction(window)
    help_menu = window.menu_actions.help_menu
    help_menu.insertAction(help_menu.actions()[0], action)
    help_menu.insertSeparator(help_menu.actions()[1])

    def run() -> None:
        from ui.documents import run_integrity_check

        if window.context.db is not None:
            run_integrity_check(window, window.context)

    action.triggered.connect(run)
    return action


def add_live_action(window: MainWindow) -> QAction:
    """View > Live meeting (Ctrl+L): the meeting-room mode for the selected meeting, in its own window."""
    action = QAction(window)
    action.setShortcut(QKeySequence("Ctrl+L"))
    window.menu_actions.view_menu.addAction(action)
    opened: dict[str, QWidget] = {}

    def run() -> None:
        uuid = window.current_meeting_uuid()
        if window.context.db is None or uuid is None:
            return
        live = opened.get(uuid)
        if live is not None and live.isVisible():
            live.raise_()
            live.activateWindow()
            return
        from ui.live import open_live_mode  # loads the minutes services: only when asked for

        opened.clear()
        opened[uuid] = open_live_mode(window.context, uuid, window)

    action.triggered.connect(run)
    return action
