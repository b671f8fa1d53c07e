"""The minutes of a meeting: the editor page (summary per agenda item in English and French, side by side
for the translator), its decisions, actions and review of earlier actions, and the circulation and
approval of the minutes.  ``MinutesPage`` is the page the main window shows as a tab."""

from ui.minutes.page import MinutesPage

__all__ = ["MinutesPage"]
