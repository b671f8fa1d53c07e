"""The room display: a second window for the projector showing the meeting's title, its TLP marking in the
marking's colour, the agenda with the current item highlighted and a clock in the meeting's time zone.

It is handed a ``RoomView`` — public and partners-only items only, without minutes or decision text — and
the current item by live mode (``follow``); when the meeting is in closed session it says so and highlights
nothing.  On a second screen it fills it without a frame; on a laptop alone it is an ordinary window the
secretary can drag to the projector, and F11 or a double click makes it full screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, current_language, format_date, format_time, time_zone_name
from app.meeting_text import in_zone
from app.services.live import RoomView
from ui.live.agenda_strip import ROOM_COLOURS, AgendaStripModel, strip_view
from ui.live.clock import Clock, system_clock
from ui.marking_badge import MarkingBadge

BACKGROUND = "#0F1B2D"
AGENDA_POINTS, MIN_AGENDA_POINTS = 22, 14
ROOM_STYLE = f"""
QWidget#roomDisplay {{ background: {BACKGROUND}; }}
QLabel {{ color: #F4F4F4; }}
QLabel#roomClosed {{ background: #7A0014; color: white; padding: 10px 18px; border-radius: 6px; }}
QTableView {{ background: {BACKGROUND}; color: #F4F4F4; border: none; gridline-color: {BACKGROUND}; }}
"""


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


class RoomDisplay(QWidget):
    def __init__(self, clock: Clock = system_clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("roomDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)  # live mode keeps the keyboard
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(ROOM_STYLE)
        self._clock = clock
        self._view: RoomView | None = None
        self._current: str | None = None
        self._closed_session = False

        self.badge = MarkingBadge(self, point_size=22)
        self.title_label = QLabel(self)
        self.title_label.setFont(_font(26, bold=True))
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.date_label = QLabel(self)
        self.date_label.setFont(_font(16))
        self.date_label.setStyleSheet("color: #A9B4C2;")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("roomClock")
        self.clock_label.setFont(_font(40, bold=True))
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.zone_label = QLabel(self)
        self.zone_label.setFont(_font(13))
        self.zone_label.setStyleSheet("color: #A9B4C2;")
        self.zone_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.agenda_heading = QLabel(self)
        self.agenda_heading.setFont(_font(18, bold=True))
        self.agenda_heading.setStyleSheet("color: #F2C14E;")
        self.model = AgendaStripModel(ROOM_COLOURS, self)
        self.agenda = strip_view(self.model, self)
        self.agenda.setFont(_font(AGENDA_POINTS))
        self.agenda.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.agenda.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.closed_label = QLabel(self)
        self.closed_label.setObjectName("roomClosed")
        self.closed_label.setFont(_font(22, bold=True))
        self.closed_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.closed_label.hide()

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        titles.addWidget(self.title_label)
        titles.addWidget(self.date_label)
        header.addLayout(titles, 1)
        clock_column = QVBoxLayout()
        clock_column.addWidget(self.clock_label)
        clock_column.addWidget(self.zone_label)
        clock_column.addStretch(1)
        header.addLayout(clock_column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addWidget(self.agenda_heading)
        layout.addWidget(self.agenda, 1)
        layout.addWidget(self.closed_label)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._fit_later = QTimer(self)
        self._fit_later.setSingleShot(True)
        self._fit_later.setInterval(0)
        self._fit_later.timeout.connect(self.fit_agenda)
        self.retranslate()

    # --- what live mode hands over ---------------------------------------------------------------------------

    @property
    def view(self) -> RoomView | None:
        return self._view

    def show_room(self, view: RoomView | None) -> None:
        self._view = view
        self.model.set_items(view.items if view else (), view.time_zone if view else "UTC")
        self.badge.set_marking(view.marking if view else None)
        self.follow(self._current)
        self._fill()
        self._fit_later.start()

    def fit_agenda(self) -> None:
        """The largest type (22 down to 14 points) at which the whole agenda fits on the screen."""
        available = self.agenda.viewport().height()
        for points in range(AGENDA_POINTS, MIN_AGENDA_POINTS - 1, -1):
            self.agenda.setFont(_font(points))
            self.agenda.resizeRowsToContents()
            rows = sum(self.agenda.rowHeight(row) for row in range(self.model.rowCount()))
            if rows <= available:
                break
        if self.model.current_row() >= 0:
            self.agenda.scrollTo(self.model.index(self.model.current_row(), 0),
                                 QAbstractItemView.ScrollHint.PositionAtCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_later.start()  # once the layout has given the agenda its new height

    def follow(self, item_uuid: str | None) -> None:
        """Live mode moved to ``item_uuid``; an item the room may not see leaves nothing highlighted."""
        self._current = item_uuid
        shown = self._view is not None and self._view.has(item_uuid)
        self._closed_session = item_uuid is not None and not shown
        self.model.set_current(item_uuid if shown else None)
        self.closed_label.setVisible(self._closed_session)
        if shown:
            self.agenda.scrollTo(self.model.index(self.model.current_row(), 0),
                                 QAbstractItemView.ScrollHint.PositionAtCenter)

    def highlighted(self) -> str | None:
        return self.model.current

    def in_closed_session(self) -> bool:
        return self._closed_session

    # --- placement ------------------------------------------------------------------------------------------

    def present(self) -> None:
        """On a second screen, full screen without a frame; otherwise a window beside live mode."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            target = next((s for s in screens if s is not QGuiApplication.primaryScreen()), screens[1])
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.resize(1280, 720)
            self.show()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
            return
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.toggle_full_screen()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        self._tick()
        super().showEvent(event)

    # --- texts ----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(_("Room display — Chairdesk"))
        self.agenda_heading.setText(_("Agenda"))
        self.closed_label.setText(_("Closed session — members only"))
        self.model.retranslate()
        self.badge.retranslate()
        self._fill()

    def _fill(self) -> None:
        view, language = self._view, current_language()
        self.title_label.setText(view.title(language) if view else "")
        if view is not None:
            self.zone_label.setText(time_zone_name(view.time_zone, self._clock(), language))
        self._tick()

    def _tick(self) -> None:
        view, now = self._view, self._clock()
        if view is None:
            self.clock_label.clear()
            self.date_label.clear()
            return
        language = current_language()
        self.clock_label.setText(format_time(now, view.time_zone, language=language))
        self.date_label.setText(_("{reference} · {date}").format(
            reference=view.reference, date=format_date(in_zone(now, view.time_zone).date(), "full", language=language)))
