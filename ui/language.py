"""Switching the interface language at run time: our gettext catalog, Qt's own translations, the QLocale.

``app.i18n.set_language`` changes every ``_()`` the core and the screens call; Qt's own strings (the
buttons of QMessageBox, QFileDialog, the context menu of a line edit) come from ``qtbase_<lang>.qm``
shipped with Qt.  Windows connect ``language_changed`` to their ``retranslate()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from app import i18n

# Each language is named in itself, as language menus do, so that a user lost in the other one finds theirs.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "fr": "Français"}
_QT_LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class LanguageSwitcher(QObject):
    """Owns the Qt translator; ``set_language`` switches everything and then says so once."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qt_translator: QTranslator | None = None

    @property
    def language(self) -> str:
        return i18n.current_language()

    def set_language(self, language: str) -> str:
        active = i18n.set_language(language)
        self._install_qt_translator(active)
        QLocale.setDefault(QLocale(_QT_LOCALES.get(active, "en_GB")))
        self.language_changed.emit(active)
        return active

    def _install_qt_translator(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._qt_translator is not None:
            app.removeTranslator(self._qt_translator)
            self._qt_translator = None
        if language == "en":
            return
        translator = QTranslator(self)
        if translator.load(f"qtbase_{language}", qt_translations_folder()):
            app.installTranslator(translator)
            self._qt_translator = translator
