"""The Directory: partner organisations and their people — the page, its table models, the side forms, and
the spreadsheet import wizard.  ``DirectoryPage(context)`` is what the main window shows."""

from ui.directory.page import DirectoryPage

__all__ = ["DirectoryPage"]
