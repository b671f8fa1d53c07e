"""The main window's menus and actions: File, Edit, View, Language, Help, with Qt's standard shortcuts.

Actions only say what the user asked for (their ``triggered`` signals); the window connects them.  Undo
and Redo follow the window's QUndoStack: enabled when there is something to undo, named after it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from app.i18n import _
from ui.language import LANGUAGE_NAMES

Key = QKeySequence.StandardKey


def key_sequences(standard: QKeySequence.StandardKey, *also: str) -> list[QKeySequence]:
    """The platform's bindings for ``standard`` and ours where it has none (Quit has none on Windows)."""
    keys = list(QKeySequence.keyBindings(standard))
    for text in also:
        sequence = QKeySequence(text)
        if sequence not in keys:
            keys.append(sequence)
    return keys


class MainActions(QObject):
    def __init__(self, window: QMainWindow, undo_stack: QUndoStack) -> None:
        super().__init__(window)

        def action(shortcuts: list[QKeySequence] | None = None, role: QAction.MenuRole | None = None) -> QAction:
            created = QAction(window)
            if shortcuts:
                created.setShortcuts(shortcuts)
            if role is not None:
                created.setMenuRole(role)
            return created

        self.open_database = action(key_sequences(Key.Open, "Ctrl+O"))
        self.open_demo = action()
        self.import_package = action()
        self.export_package = action()
        # Printed outputs, each previewed first (ui.pdf_preview): print, open in a PDF viewer, or save.
        self.print_minutes = action(key_sequences(Key.Print, "Ctrl+P"))
        self.print_agenda = action()
        self.print_signin = action()
        self.print_attendees = action()
        self.print_actions = action()
        self.quit = action(key_sequences(Key.Quit, "Ctrl+Q"), QAction.MenuRole.QuitRole)
        self.undo = action(key_sequences(Key.Undo, "Ctrl+Z"))
        self.redo = action(key_sequences(Key.Redo, "Ctrl+Shift+Z"))
        self.history = action([QKeySequence("Ctrl+Alt+Z")])
        self.refresh = action(key_sequences(Key.Refresh, "F5"))
        self.about = action(role=QAction.MenuRole.AboutRole)
        self.about_qt = action(role=QAction.MenuRole.AboutQtRole)

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.languages: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            language = action()
            language.setText(name)
            language.setCheckable(True)
            language.setData(code)
            self.language_group.addAction(language)
            self.languages[code] = language

        bar = window.menuBar()
        self.file_menu = QMenu(window)
        self.file_menu.addActions([self.open_database, self.open_demo])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_package, self.export_package])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.print_minutes, self.print_agenda, self.print_signin, self.print_attendees,
                                   self.print_actions])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.edit_menu = QMenu(window)
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.history)
        self.view_menu = QMenu(window)
        self.view_menu.addAction(self.refresh)
        self.language_menu = QMenu(window)
        self.language_menu.addActions(list(self.languages.values()))
        self.help_menu = QMenu(window)
        self.help_menu.addActions([self.about, self.about_qt])
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.language_menu, self.help_menu):
            bar.addMenu(menu)

        # The stack's signals carry what the actions need: the stack may be gone by the time they arrive.
        self._undo_text, self._redo_text = undo_stack.undoText(), undo_stack.redoText()
        self.undo.setEnabled(undo_stack.canUndo())
        self.redo.setEnabled(undo_stack.canRedo())
        undo_stack.canUndoChanged.connect(self.undo.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo.setEnabled)
        undo_stack.undoTextChanged.connect(self._undo_text_changed)
        undo_stack.redoTextChanged.connect(self._redo_text_changed)
        self.undo.triggered.connect(undo_stack.undo)
        self.redo.triggered.connect(undo_stack.redo)
        self.retranslate()

    def menus(self) -> list[QMenu]:
        return [self.file_menu, self.edit_menu, self.view_menu, self.language_menu, self.help_menu]

    def set_language_checked(self, language: str) -> None:
        if language in self.languages:
            self.languages[language].setChecked(True)

    def retranslate(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.open_database.setText(_("&Open database…"))
        self.open_database.setStatusTip(_("Open another Chairdesk database file"))
        self.open_demo.setText(_("Open the &demo"))
        self.open_demo.setStatusTip(_("Open the demo database, made from the shipped demo package"))
        self.import_package.setText(_("&Import meeting package…"))
        self.import_package.setStatusTip(_("Add the meetings of a .chairdesk package to this database"))
        self.export_package.setText(_("&Export meeting package…"))
        self.export_package.setStatusTip(_("Write the selected meeting and all it refers to as a .chairdesk file"))
        self.print_minutes.setText(_("&Print minutes…"))
        self.print_agenda.setText(_("Print a&genda…"))
        self.print_signin.setText(_("Print &sign-in sheet…"))
        self.print_attendees.setText(_("Print attendee &list…"))
        self.print_actions.setText(_("Print action &register…"))
        for printing in (self.print_minutes, self.print_agenda, self.print_signin, self.print_attendees):
            printing.setStatusTip(_("Preview, print or save as PDF, for the selected meeting"))
        self.print_actions.setStatusTip(_("Preview, print or save as PDF the actions of every meeting"))
        self.history.setText(_("Undo &history…"))
        self.history.setStatusTip(_("Every change you can undo, and the point you are at"))
        self.quit.setText(_("&Quit"))
        self.refresh.setText(_("&Refresh"))
        self.about.setText(_("&About Chairdesk"))
        self.about_qt.setText(_("About &Qt"))
        self._update_undo()

    def _undo_text_changed(self, text: str) -> None:
        self._undo_text = text
        self._update_undo()

    def _redo_text_changed(self, text: str) -> None:
        self._redo_text = text
        self._update_undo()

    def _update_undo(self) -> None:
        undo, redo = self._undo_text, self._redo_text
        self.undo.setText(_("&Undo {action}").format(action=undo) if undo else _("&Undo"))
        self.redo.setText(_("&Redo {action}").format(action=redo) if redo else _("&Redo"))
