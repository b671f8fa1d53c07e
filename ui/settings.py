"""The user's preferences, declared once: names, defaults and types in one dataclass, stored in QSettings.

Every value is read with ``QSettings.value(key, default, type=...)`` so that the INI files of Linux, the
plist of macOS and the registry of Windows all give back the same Python type.  Keys are the field names;
the type of each is the type of its default.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Preferences:
    """What Chairdesk remembers between runs."""

    language: str = ""  # "" follows the system language
    last_database: str = ""
    last_package_folder: str = ""
    window_geometry: QByteArray = field(default_factory=QByteArray)
    window_state: QByteArray = field(default_factory=QByteArray)
    main_splitter: QByteArray = field(default_factory=QByteArray)


def _defaults() -> dict[str, Any]:
    return {f.name: getattr(Preferences(), f.name) for f in dataclasses.fields(Preferences)}


class SettingsStore:
    """Reads and writes ``Preferences``; tests hand it an INI file so the user's own settings stay untouched."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qsettings = qsettings if qsettings is not None else QSettings()

    @classmethod
    def at_path(cls, path: str) -> SettingsStore:
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def load(self) -> Preferences:
        values: dict[str, Any] = {}
        for name, default in _defaults().items():
            values[name] = self._qsettings.value(name, default, type=type(default))
        return Preferences(**values)

    def update(self, **changes: Any) -> Preferences:
        """Store the given fields (unknown names raise TypeError) and return the preferences now in force."""
        updated = dataclasses.replace(self.load(), **changes)
        for name in changes:
            self._qsettings.setValue(name, getattr(updated, name))
        self._qsettings.sync()
        return updated

    @property
    def file_name(self) -> str:
        return self._qsettings.fileName()
