"""Undo is data: each edit is a command holding what to do and what undoes it, both calls to services.

``perform()`` runs the edit once, outside the stack, so that a refused value (``DomainError``) reaches the
caller to be shown at the field and leaves no command behind; only an edit that succeeded is pushed, with
its first redo skipped.  If a later undo or redo is refused (the data moved on in between), the user is
told why and the command is made obsolete so the stack stays truthful.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ChairdeskError
from app.i18n import _
from ui.context import AppContext

T = TypeVar("T")


class ServiceCommand(QUndoCommand):
    def __init__(self, context: AppContext, text: str, do: Callable[[], Any], undo: Callable[[], Any],
                 kinds: Iterable[str], uuids: Iterable[str] = (), parent_widget: QWidget | None = None) -> None:
        super().__init__(text)
        self._context = context
        self._do = do
        self._undo = undo
        self._kinds = frozenset(kinds)
        self._uuids = frozenset(uuids)
        self._parent_widget = parent_widget
        self._skip_next_redo = True

    def redo(self) -> None:
        if self._skip_next_redo:
            self._skip_next_redo = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], Any]) -> None:
        try:
            step()
        except ChairdeskError as exc:
            self.setObsolete(True)
            QMessageBox.warning(self._parent_widget, _("Cannot undo or redo"),
                                _("“{action}” cannot be undone or redone now: {reason}").format(
                                    action=self.text(), reason=exc))
        finally:
            self._context.events.announce(self._kinds, self._uuids)


def perform(context: AppContext, text: str, do: Callable[[], T], undo: Callable[[], Any], kinds: Iterable[str],
            uuids: Iterable[str] = (), parent_widget: QWidget | None = None) -> T:
    """Run an edit now (errors propagate, nothing is pushed), then put it on the undo stack."""
    result = do()
    kinds = frozenset(kinds)
    context.undo_stack.push(ServiceCommand(context, text, do, undo, kinds, uuids, parent_widget))
    context.events.announce(kinds, uuids)
    return result


class MacroCommand:
    """Several edits undone as one (a bulk change): ``with MacroCommand(context, text): perform(...)…``."""

    def __init__(self, context: AppContext, text: str) -> None:
        self._stack = context.undo_stack
        self._text = text

    def __enter__(self) -> MacroCommand:
        self._stack.beginMacro(self._text)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.endMacro()
