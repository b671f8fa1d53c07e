"""Live meeting mode (issue 4): the window the secretary runs a meeting from, and the room display.

``open_live_mode(context, meeting_uuid, parent)`` opens it on a meeting; see ``ui.live.window``.
"""

from ui.live.room import RoomDisplay
from ui.live.window import LiveMode, open_live_mode

__all__ = ["LiveMode", "RoomDisplay", "open_live_mode"]
