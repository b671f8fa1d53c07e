"""Chairdesk's desktop interface (PySide6): the composition root, the main window, its models and dialogs.

Everything here talks to the core through ``app`` services and frozen view dataclasses; nothing in ``app``
imports this package.  Importing ``ui`` itself stays free of Qt so that ``ui.launcher`` can parse the
command line (and answer ``--help``) without loading PySide6; it only arms the guard of ``ui.qt_compat``
before any Qt call can happen.
"""

from ui.qt_compat import protect_singletons

protect_singletons()
