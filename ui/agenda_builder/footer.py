"""The agenda's footer: when the agenda as planned ends against when the meeting ends, with a warning in
colour and in words when it runs over (« The agenda runs 25 min past the meeting's end »)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import _, current_language
from app.meeting_text import duration
from app.services.views import AgendaView

FITS_STYLE = "QLabel#agendaFooter { color: #1E4620; background: #E3F2E1; padding: 6px; border-radius: 3px; }"
OVERRUN_STYLE = ("QLabel#agendaFooter { color: #7A0014; background: #FBE3E3; padding: 6px; border-radius: 3px; "
                 "font-weight: bold; }")


class ScheduleFooter(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaFooter")
        self.setWordWrap(True)
        self.overrun_minutes = 0

    def show_schedule(self, agenda: AgendaView, time_zone: str, when: Callable[[datetime, str], str]) -> None:
        """``when`` writes a moment as the tree does (with the day when the meeting spans several days)."""
        language = current_language()
        self.overrun_minutes = agenda.overrun_minutes
        end, meeting_end = when(agenda.planned_end, language), when(agenda.meeting_end, language)
        if not agenda.items:
            text = _("The meeting ends at {meeting_end}; the agenda has no items yet.").format(
                meeting_end=meeting_end)
        elif self.overrun_minutes:
            text = _("The agenda runs {duration} past the meeting's end: it ends at {end}, the meeting at "
                     "{meeting_end}. Shorten items or move the meeting's end.").format(
                duration=duration(self.overrun_minutes), end=end, meeting_end=meeting_end)
        else:
            spare = int((agenda.meeting_end - agenda.planned_end).total_seconds() // 60)
            if spare:
                text = _("The agenda ends at {end}, {duration} before the meeting's end ({meeting_end}).").format(
                    end=end, duration=duration(spare), meeting_end=meeting_end)
            else:
                text = _("The agenda ends at {end}, exactly when the meeting ends.").format(end=end)
        self.setText(text)
        self.setStyleSheet(OVERRUN_STYLE if self.overrun_minutes else FITS_STYLE)
        self.setAccessibleDescription(_("Warning") if self.overrun_minutes else "")
