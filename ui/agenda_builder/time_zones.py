"""Times for participants: for an online or hybrid meeting, the start and end (of the meeting, or of the
selected item) in each participant's time zone and in the taskforce's usual places, each rated.

The rating is written out (« Office hours », « Early or late », « Unsociable hour ») and also coloured, so
that it does not rest on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.i18n import N_, _, current_language, format_date, format_time, ngettext
from app.meeting_text import in_zone, name_list
from app.services.agenda_times import Comfort, ZoneCount, ZoneTime, zone_times

AnyIndex = QModelIndex | QPersistentModelIndex


class ZoneColumn(IntEnum):
    PLACE = 0
    PARTICIPANTS = 1
    START = 2
    END = 3
    COMFORT = 4


HEADERS = {
    ZoneColumn.PLACE: N_("Place"),
    ZoneColumn.PARTICIPANTS: N_("Participants"),
    ZoneColumn.START: N_("Local start"),
    ZoneColumn.END: N_("Local end"),
    ZoneColumn.COMFORT: N_("For the people there"),
}
COMFORT_TEXT = {
    Comfort.OFFICE_HOURS: N_("Office hours"),
    Comfort.EARLY_OR_LATE: N_("Early or late"),
    Comfort.UNSOCIABLE: N_("Unsociable hour"),
}
COMFORT_COLOUR = {
    Comfort.OFFICE_HOURS: QColor("#E3F2E1"),
    Comfort.EARLY_OR_LATE: QColor("#FFF4D6"),
    Comfort.UNSOCIABLE: QColor("#FBE3E3"),
}


class ZoneTimesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ZoneTime] = []
        self._reference_day: Any = None
        self._texts: dict[tuple[int, int], str] = {}  # made once per rows and language: Babel is slow

    def set_rows(self, rows: Sequence[ZoneTime], reference_day: Any = None) -> None:
        """``reference_day``: the day in the meeting's zone; a local time on another day shows its date."""
        self.beginResetModel()
        self._rows = list(rows)
        self._reference_day = reference_day
        self._texts = {}
        self.endResetModel()

    def row_at(self, row: int) -> ZoneTime | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        self._texts = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ZoneColumn) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(ZoneColumn) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ZoneColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(ZoneColumn)):
            return _(HEADERS[ZoneColumn(section)])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = ZoneColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), column)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._text(row, column)
            return text
        if role == Qt.ItemDataRole.ToolTipRole and column == ZoneColumn.PLACE:
            return row.zone
        if role == Qt.ItemDataRole.BackgroundRole and column in (ZoneColumn.START, ZoneColumn.END,
                                                                  ZoneColumn.COMFORT):
            comfort = {ZoneColumn.START: row.start_comfort, ZoneColumn.END: row.end_comfort}.get(column, row.comfort)
            return QBrush(COMFORT_COLOUR[comfort])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ZoneColumn.PARTICIPANTS, ZoneColumn.START,
                                                                     ZoneColumn.END):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ZoneTime, column: ZoneColumn) -> str:
        language = current_language()
        if column == ZoneColumn.PLACE:
            return row.place
        if column == ZoneColumn.PARTICIPANTS:
            return str(row.participants) if row.participants else "—"
        if column == ZoneColumn.START:
            return self._local(row.starts, language)
        if column == ZoneColumn.END:
            return self._local(row.ends, language)
        return _(COMFORT_TEXT[row.comfort])

    def _local(self, moment: datetime, language: str) -> str:
        time = format_time(moment, language=language)
        if self._reference_day is None or moment.date() == self._reference_day:
            return time
        return _("{day}, {time}").format(day=format_date(moment.date(), "EEE d MMM", language=language), time=time)


class TimesPanel(QWidget):
    """The caption says whose times these are; the table lists the places east to west."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zones: list[ZoneCount] = []
        self._moment: tuple[str, datetime, datetime, str] | None = None  # what, start, end, meeting's zone
        self.heading = QLabel(self)
        self.heading.setObjectName("timesHeading")
        self.heading.setStyleSheet("QLabel#timesHeading { font-weight: bold; }")
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.model = ZoneTimesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ZoneColumn.PLACE, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def set_zones(self, zones: Sequence[ZoneCount]) -> None:
        self._zones = list(zones)
        self._refill()

    def show_times(self, what: str, starts: datetime, ends: datetime, meeting_zone: str) -> None:
        """``what``: a translated phrase naming the meeting or the item the times are for."""
        self._moment = (what, starts, ends, meeting_zone)
        self._refill()

    def retranslate(self) -> None:
        self.heading.setText(_("Times for participants"))
        self.table.setAccessibleName(_("Times for participants"))
        self.model.retranslate()
        self._refill()

    def _refill(self) -> None:
        if self._moment is None:
            self.caption.clear()
            self.model.set_rows([])
            return
        what, starts, ends, meeting_zone = self._moment
        language = current_language()
        rows = zone_times(self._zones, starts, ends, language=language)
        local = in_zone(starts, meeting_zone)
        self.model.set_rows(rows, local.date())
        bad = [row.place for row in rows if row.comfort == Comfort.UNSOCIABLE and row.participants]
        people = sum(row.participants for row in rows)
        caption = _("{what}: {date}, {time} where the meeting is held.").format(
            what=what, date=format_date(local.date(), "full", language=language),
            time=format_time(local, language=language))
        count = ngettext("{count} participant with a known time zone.", "{count} participants with a known time zone.",
                         people).format(count=people)
        caption = _("{caption} {count}").format(caption=caption, count=count)
        if bad:
            caption = _("{caption} Unsociable for participants in {places}.").format(
                caption=caption, places=name_list(bad, language))
        self.caption.setText(caption)
        self.table.resizeColumnsToContents()
