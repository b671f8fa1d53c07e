"""The buttons and menus of the Attendees page: the bulk changes of the selection and the two exports.

``BulkActions`` offers "Set invitation ▸", "Set attendance ▸" and "Set role ▸" (in the toolbar and in the
list's context menu) and "Remove" (also on Delete, and on Backspace, the Mac's delete key); it says what
the user chose through ``value_chosen`` and ``remove_action``, the page does it.  ``ExportActions`` asks
where to write the list (.xlsx or .csv) or the invitation (.ics) and hands the writing to a worker
(``ui.attendees.tasks``), reporting the outcome through the callables the page gives it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from app.domain.enums import label
from app.i18n import _, current_language
from ui.attendees import tasks
from ui.attendees.model import EDITABLE
from ui.context import AppContext

Report = Callable[[str], None]
Task = Callable[[Path, str, Path, str], str]


class BulkActions(QObject):
    value_chosen = Signal(str, str)  # field, value

    def __init__(self, owner: QWidget, list_widget: QWidget) -> None:
        super().__init__(owner)
        self.role_menu, self.invitation_menu, self.attendance_menu = QMenu(owner), QMenu(owner), QMenu(owner)
        self.value_actions: list[tuple[QAction, StrEnum]] = []
        for menu, (field, enum) in zip((self.role_menu, self.invitation_menu, self.attendance_menu),
                                       EDITABLE.values(), strict=True):
            for value in enum:
                action = menu.addAction("")
                action.triggered.connect(lambda _checked=False, f=field, v=value.value: self.value_chosen.emit(f, v))
                self.value_actions.append((action, value))
        self.invitation_button = self._menu_button(owner, self.invitation_menu)
        self.attendance_button = self._menu_button(owner, self.attendance_menu)
        self.role_button = self._menu_button(owner, self.role_menu)
        self.remove_action = QAction(owner)
        self.remove_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete),
                                         QKeySequence(Qt.Key.Key_Backspace)])
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        list_widget.addAction(self.remove_action)
        self.remove_button = QToolButton(owner)
        self.remove_button.setDefaultAction(self.remove_action)
        self.buttons = (self.invitation_button, self.attendance_button, self.role_button, self.remove_button)

    @staticmethod
    def _menu_button(owner: QWidget, menu: QMenu) -> QToolButton:
        button = QToolButton(owner)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def retranslate(self) -> None:
        for action, value in self.value_actions:
            action.setText(label(value))
        for button, menu, text in ((self.invitation_button, self.invitation_menu, _("Set invitation")),
                                   (self.attendance_button, self.attendance_menu, _("Set attendance")),
                                   (self.role_button, self.role_menu, _("Set role"))):
            button.setText(text)
            menu.setTitle(text)
            button.setToolTip(_("Applies to the selected people; a selected group applies to everyone in it"))
        self.remove_action.setText(_("Remove"))
        self.remove_action.setToolTip(_("Remove the selected people from the attendee list (Delete)"))

    def set_enabled(self, enabled: bool) -> None:
        for button in (self.invitation_button, self.attendance_button, self.role_button):
            button.setEnabled(enabled)
        self.remove_action.setEnabled(enabled)

    def context_menu(self, parent: QWidget, at: QPoint) -> None:
        menu = QMenu(parent)
        for submenu in (self.invitation_menu, self.attendance_menu, self.role_menu):
            menu.addMenu(submenu)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.exec(at)


class ExportActions(QObject):
    def __init__(self, context: AppContext, owner: QWidget, report: Report, warn: Callable[[str, str], None]) -> None:
        super().__init__(owner)
        self._context, self._owner, self._report, self._warn = context, owner, report, warn
        self._meeting: tuple[str, str] | None = None  # UUID and reference
        self._folder = Path.home()
        self.list_action = QAction(owner)
        self.list_action.triggered.connect(self.ask_export_list)
        self.invitation_action = QAction(owner)
        self.invitation_action.triggered.connect(self.ask_export_invitation)
        self.list_button, self.invitation_button = QToolButton(owner), QToolButton(owner)
        self.list_button.setDefaultAction(self.list_action)
        self.invitation_button.setDefaultAction(self.invitation_action)

    def set_meeting(self, meeting_uuid: str | None, reference: str = "") -> None:
        self._meeting = (meeting_uuid, reference) if meeting_uuid else None
        for action in (self.list_action, self.invitation_action):
            action.setEnabled(self._meeting is not None)

    def retranslate(self) -> None:
        self.list_action.setText(_("Export list…"))
        self.list_action.setToolTip(_("Write the attendee list to an Excel (.xlsx) or CSV file"))
        self.invitation_action.setText(_("Export invitation (.ics)…"))
        self.invitation_action.setToolTip(_("Write the meeting invitation for Outlook or Apple Calendar"))

    def ask_export_invitation(self) -> None:
        if self._meeting is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self._owner, _("Export invitation"), str(self._folder / f"{self._meeting[1]}.ics"),
            _("iCalendar files (*.ics)"))
        if path:
            target = Path(path) if Path(path).suffix.lower() == ".ics" else Path(path + ".ics")
            self._export(tasks.export_invitation, target, _("The invitation could not be written"))

    def ask_export_list(self) -> None:
        if self._meeting is None:
            return
        xlsx, csv = _("Excel workbooks (*.xlsx)"), _("CSV files (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(
            self._owner, _("Export attendee list"), str(self._folder / f"{self._meeting[1]}-attendees.xlsx"),
            f"{xlsx};;{csv}")
        if path:
            target = Path(path)
            if target.suffix.lower() not in (".xlsx", ".csv"):
                target = Path(path + (".csv" if chosen == csv else ".xlsx"))
            self._export(tasks.export_list, target, _("The attendee list could not be written"))

    def _export(self, task: Task, target: Path, failure: str) -> None:
        db = self._context.db
        if db is None or self._meeting is None:
            return
        self._folder = target.parent
        self._report(_("Writing {file}…").format(file=target.name))
        self._context.tasks.start(task, (db.path, self._meeting[0], target, current_language()), self._report,
                                  lambda problem: self._warn(failure, problem))
