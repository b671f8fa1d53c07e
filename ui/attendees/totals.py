"""How the counts of the attendee list read, and the bar under the list that shows them.

A group row says ``12 invited: 10 confirmed, 1 declined · 8 present, 2 online`` (non-zero parts only); the
bar gives the totals of the whole list with every count named, how many rows are selected, and the last
thing the page has to say (an export written, a removal to undo), which fades after a while.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.i18n import _, ngettext
from app.services.views import AttendanceCounts

MESSAGE_MS = 12000


def invitation_summary(counts: AttendanceCounts) -> str:
    """``12 invited: 9 confirmed, 1 declined`` (only the non-zero parts after the first)."""
    parts = [ngettext("{count} confirmed", "{count} confirmed", counts.confirmed).format(count=counts.confirmed)
             if counts.confirmed else "",
             ngettext("{count} tentative", "{count} tentative", counts.tentative).format(count=counts.tentative)
             if counts.tentative else "",
             ngettext("{count} declined", "{count} declined", counts.declined).format(count=counts.declined)
             if counts.declined else ""]
    invited = ngettext("{count} invited", "{count} invited", counts.invited).format(count=counts.invited)
    details = ", ".join(part for part in parts if part)
    return _("{invited}: {details}").format(invited=invited, details=details) if details else invited


def attendance_summary(counts: AttendanceCounts) -> str:
    """``7 present, 2 online, 1 apology`` (non-zero parts only)."""
    parts = [ngettext("{count} present", "{count} present", counts.present).format(count=counts.present)
             if counts.present else "",
             ngettext("{count} online", "{count} online", counts.online).format(count=counts.online)
             if counts.online else "",
             ngettext("{count} apology", "{count} apologies", counts.apologies).format(count=counts.apologies)
             if counts.apologies else ""]
    return ", ".join(part for part in parts if part)


def totals_text(counts: AttendanceCounts) -> str:
    """``14 people · 13 invited · 11 confirmed · … · 12 organisations``, every count named, plurals right."""
    parts = [
        ngettext("{count} person", "{count} people", counts.total),
        ngettext("{count} invited", "{count} invited", counts.invited),
        ngettext("{count} confirmed", "{count} confirmed", counts.confirmed),
        ngettext("{count} tentative", "{count} tentative", counts.tentative),
        ngettext("{count} declined", "{count} declined", counts.declined),
        ngettext("{count} present", "{count} present", counts.present),
        ngettext("{count} online", "{count} online", counts.online),
        ngettext("{count} apology", "{count} apologies", counts.apologies),
        ngettext("{count} organisation", "{count} organisations", counts.organisations),
    ]
    values = (counts.total, counts.invited, counts.confirmed, counts.tentative, counts.declined, counts.present,
              counts.online, counts.apologies, counts.organisations)
    return " · ".join(part.format(count=value) for part, value in zip(parts, values, strict=True))


class TotalsBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.totals = QLabel(self)
        self.totals.setObjectName("attendeeTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.selection = QLabel(self)
        self.selection.setStyleSheet("color: #4A4A4A;")
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #1F5C99;")
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.totals, 3)
        layout.addWidget(self.message, 2, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.selection, 0, Qt.AlignmentFlag.AlignRight)
        self._counts = AttendanceCounts()
        self._selected = 0
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.setInterval(MESSAGE_MS)
        self._fade.timeout.connect(self.message.clear)

    def show_counts(self, counts: AttendanceCounts, selected: int) -> None:
        self._counts, self._selected = counts, selected
        self.retranslate()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self._fade.start()

    def retranslate(self) -> None:
        self.totals.setText(totals_text(self._counts))
        self.totals.setAccessibleName(_("Totals of the attendee list"))
        self.selection.setText(ngettext("{count} selected", "{count} selected", self._selected).format(
            count=self._selected) if self._selected else "")
