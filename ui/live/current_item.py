"""The current agenda item, large: its number and title, kind, session and presenters, then the time planned
for it against the time it has had so far, in a warning colour once it runs over.

The panel shows what it is given and emits what the user asks (previous, next, restart the clock); the
window owns the clock and the agenda.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Visibility, label
from app.i18n import _, current_language, format_time
from app.meeting_text import duration, name_list
from app.services.live import LiveItem
from ui.live.clock import clock_text, overrun_text

OVERRUN_COLOUR = "#B3261E"
ON_TIME_COLOUR = "#1B5E20"
CLOSED_STYLE = "QLabel#closedBanner { background: #7A0014; color: white; padding: 4px 10px; border-radius: 3px; }"
PARTNERS_STYLE = "QLabel#closedBanner { background: #E8EEF7; color: #1F3B63; padding: 4px 10px; border-radius: 3px; }"


def _font(widget: QWidget, points: int, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSize(points)
    font.setBold(bold)
    return font


class CurrentItemPanel(QFrame):
    previous_requested = Signal()
    next_requested = Signal()
    restart_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentItem")
        self.setStyleSheet("QFrame#currentItem { background: #F7F9FC; border: 1px solid #D5DCE6; border-radius: 6px; }")
        self._item: LiveItem | None = None
        self._position = (0, 0)
        self._elapsed = timedelta(0)
        self._time_zone = "UTC"

        self.position_label = QLabel(self)
        self.position_label.setStyleSheet("color: #4A4A4A;")
        self.number_label = QLabel(self)
        self.number_label.setObjectName("currentNumber")
        self.number_label.setFont(_font(self, 34, bold=True))
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.number_label.setMinimumWidth(90)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("currentTitle")
        self.title_label.setFont(_font(self, 22, bold=True))
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel(self)
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setFont(_font(self, 12))
        self.meta_label.setStyleSheet("color: #333333;")
        self.session_banner = QLabel(self)
        self.session_banner.setObjectName("closedBanner")
        self.session_banner.hide()

        self.planned_label = QLabel(self)
        self.planned_label.setFont(_font(self, 13))
        self.elapsed_label = QLabel(self)
        self.elapsed_label.setObjectName("elapsed")
        self.elapsed_label.setFont(_font(self, 20, bold=True))
        self.overrun_label = QLabel(self)
        self.overrun_label.setObjectName("overrun")
        self.overrun_label.setFont(_font(self, 16, bold=True))
        self.overrun_label.setStyleSheet(f"color: {OVERRUN_COLOUR};")
        self.overrun_label.hide()
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.setRange(0, 1000)

        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.restart_button = QPushButton(self)
        self.restart_button.setFlat(True)
        for button in (self.previous_button, self.next_button, self.restart_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.restart_button.clicked.connect(self.restart_requested)

        heading = QHBoxLayout()
        heading.addWidget(self.number_label, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.meta_label)
        titles.addWidget(self.session_banner, 0, Qt.AlignmentFlag.AlignLeft)
        heading.addLayout(titles, 1)
        timing = QHBoxLayout()
        timing.addWidget(self.elapsed_label)
        timing.addSpacing(16)
        timing.addWidget(self.overrun_label)
        timing.addStretch(1)
        planned = QHBoxLayout()
        planned.addWidget(self.planned_label, 1)
        planned.addWidget(self.restart_button)
        navigation = QHBoxLayout()
        navigation.addWidget(self.position_label)
        navigation.addStretch(1)
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.addLayout(navigation)
        layout.addLayout(heading)
        layout.addLayout(timing)
        layout.addWidget(self.progress)
        layout.addLayout(planned)
        self.retranslate()

    @property
    def item(self) -> LiveItem | None:
        return self._item

    def show_item(self, item: LiveItem | None, position: int, count: int, time_zone: str = "UTC") -> None:
        self._item, self._position, self._time_zone = item, (position, count), time_zone
        self.previous_button.setEnabled(item is not None and position > 1)
        self.next_button.setEnabled(item is not None and position < count)
        self.restart_button.setEnabled(item is not None)
        self._fill()

    def update_item(self, item: LiveItem | None) -> None:
        """The same item as edited elsewhere (a new title, another duration)."""
        if item is not None and self._item is not None and item.uuid == self._item.uuid:
            self._item = item
            self._fill()

    def show_time(self, elapsed: timedelta) -> None:
        self._elapsed = elapsed
        item = self._item
        planned = timedelta(minutes=item.duration_minutes) if item is not None else timedelta(0)
        self.elapsed_label.setText(_("Elapsed {time}").format(time=clock_text(elapsed)))
        over = item is not None and planned > timedelta(0) and elapsed > planned
        self.overrun_label.setVisible(over)
        self.overrun_label.setText(overrun_text(elapsed - planned) if over else "")
        colour = OVERRUN_COLOUR if over else ON_TIME_COLOUR
        self.elapsed_label.setStyleSheet(f"color: {colour};")
        self.progress.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        share = elapsed / planned if planned > timedelta(0) else 0.0
        self.progress.setValue(int(min(1.0, share) * 1000))
        self.progress.setAccessibleName(self.elapsed_label.text())

    def is_overrun(self) -> bool:
        return bool(self.overrun_label.text())

    def retranslate(self) -> None:
        self.previous_button.setText(_("◀ Previous item"))
        self.previous_button.setToolTip(_("Page Up or Alt+Left"))
        self.next_button.setText(_("Next item ▶"))
        self.next_button.setToolTip(_("Page Down or Alt+Right"))
        self.restart_button.setText(_("Restart the clock"))
        self.restart_button.setToolTip(_("Count this item's time from now"))
        self._fill()

    def _fill(self) -> None:
        item, language = self._item, current_language()
        position, count = self._position
        if item is None:
            self.number_label.setText("")
            self.title_label.setText(_("This meeting has no agenda items yet."))
            self.meta_label.setText("")
            self.planned_label.setText("")
            self.position_label.setText("")
            self.session_banner.hide()
            self.show_time(timedelta(0))
            return
        self.position_label.setText(_("Item {position} of {count}").format(position=position, count=count))
        self.number_label.setText(item.number)
        self.title_label.setText(item.title(language) or _("(untitled item)"))
        parts = [label(item.kind)]
        presenters = name_list(item.presenter_names, language)
        if presenters:
            parts.append(_("Presented by {names}").format(names=presenters))
        self.meta_label.setText(" · ".join(parts))
        if item.closed:
            self.session_banner.setText(_("Closed session — members only; not shown on the room display"))
            self.session_banner.setStyleSheet(CLOSED_STYLE)
        elif item.visibility is Visibility.PARTNERS:
            self.session_banner.setText(label(Visibility.PARTNERS))
            self.session_banner.setStyleSheet(PARTNERS_STYLE)
        self.session_banner.setVisible(item.closed or item.visibility is Visibility.PARTNERS)
        if item.duration_minutes:
            self.planned_label.setText(_("Planned {start}–{end} · {duration}").format(
                start=format_time(item.starts_at, self._time_zone, language=language),
                end=format_time(item.ends_at, self._time_zone, language=language),
                duration=duration(item.duration_minutes)))
        else:
            self.planned_label.setText(_("No time planned"))
        self.show_time(self._elapsed)
