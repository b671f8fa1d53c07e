"""The errors the core raises for a user to read: already translated, no traceback needed.

``DomainError`` is a refused user action (bad value, broken rule) and may name the field at fault so the
UI can show it there; the others are about files and the database.
"""

from __future__ import annotations


class ChairdeskError(Exception):
    """Base of every error meant for the user; ``str(error)`` is a translated sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DomainError(ChairdeskError):
    """A user action refused by a rule or a bad value; nothing was written."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(ChairdeskError):
    """The thing asked for is not in this database."""


class DatabaseError(ChairdeskError):
    """The database file cannot be opened, is not ours, is too new, is locked, or failed to migrate."""


class PackageError(ChairdeskError):
    """A meeting package that cannot be read: broken, foreign, or from an unknown format version."""
