"""The documents screens (issue 5): the register, versions kept with their SHA-256, partner review with its
comment matrix, the approval workflow with the meeting's decision, the audit history, and the integrity
check the Help menu runs.

The main window needs two names from here: ``DocumentsPage(context, parent=None)`` and
``run_integrity_check(parent, context)``.
"""

from __future__ import annotations

from ui.documents.check_dialog import run_integrity_check
from ui.documents.page import DocumentsPage

__all__ = ["DocumentsPage", "run_integrity_check"]
