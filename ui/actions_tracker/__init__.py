"""The action tracker across meetings: ``ActionsTrackerPage`` (filters, the list with overdue actions marked,
an action's history and progress)."""

from ui.actions_tracker.page import ActionsTrackerPage

__all__ = ["ActionsTrackerPage"]
