"""The overview of one meeting: title and TLP badge, when and where, who chairs, attendance, and tabs
with its agenda, documents, decisions and action items.

The panel receives a ``MeetingOverview`` and shows it; it never calls a service.  All its texts are set in
``retranslate()`` so that a language switch redraws it in place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import MeetingMode, label
from app.i18n import _, current_language, ngettext, time_zone_name
from app.meeting_text import meeting_when, place
from app.services.views import AttendanceCounts, MeetingOverview
from ui.agenda_model import AgendaColumn, AgendaModel
from ui.empty_state import EmptyState
from ui.marking_badge import MarkingBadge
from ui.record_models import ActionsModel, DecisionsModel, DocumentsModel

PRESENTERS_WIDTH = 190
KIND_MAX_WIDTH = 200
FIELDS = ("when", "time_zone", "place", "online", "mode", "host", "chair", "secretary", "status", "attendance")


def attendance_text(counts: AttendanceCounts) -> str:
    parts = [
        ngettext("{count} confirmed", "{count} confirmed", counts.confirmed).format(count=counts.confirmed),
        ngettext("{count} declined", "{count} declined", counts.declined).format(count=counts.declined),
        ngettext("{count} present", "{count} present", counts.present).format(count=counts.present),
        ngettext("{count} online", "{count} online", counts.online).format(count=counts.online),
        ngettext("{count} apology", "{count} apologies", counts.apologies).format(count=counts.apologies),
        ngettext("{count} organisation", "{count} organisations", counts.organisations).format(
            count=counts.organisations),
    ]
    return " · ".join(parts)


def _selectable(label_widget: QLabel) -> QLabel:
    label_widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.LinksAccessibleByMouse)
    label_widget.setTextFormat(Qt.TextFormat.PlainText)  # titles are data, never markup
    return label_widget


def _table(parent: QWidget, wrap: bool = False) -> QTableView:
    """A read-only list; ``wrap`` for whole sentences (decisions, actions), rows then grow to fit them."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    if wrap:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setHighlightSections(False)
    return view


class OverviewPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overview: MeetingOverview | None = None
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("overviewPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("QLabel#overviewPlaceholder { color: #6B6B6B; font-size: 12pt; }")
        self.stack.addWidget(self.placeholder)

        page = QWidget(self)
        self.stack.addWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.title_label = _selectable(QLabel(page))
        self.title_label.setWordWrap(True)
        title_font = QFont(self.font())
        title_font.setPointSize(title_font.pointSize() + 5)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.subtitle_label = _selectable(QLabel(page))
        self.subtitle_label.setStyleSheet("color: #4A4A4A;")
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        self.badge = MarkingBadge(page)
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(4)
        self.field_names: dict[str, QLabel] = {}
        self.field_values: dict[str, QLabel] = {}
        for key in FIELDS:
            name, value = QLabel(page), _selectable(QLabel(page))
            name.setStyleSheet("color: #4A4A4A;")
            self.field_names[key], self.field_values[key] = name, value
            self.form.addRow(name, value)
        self.field_values["online"].setTextFormat(Qt.TextFormat.RichText)
        self.field_values["online"].setOpenExternalLinks(True)
        layout.addLayout(self.form)

        self.tabs = QTabWidget(page)
        self.agenda_model = AgendaModel(self)
        self.agenda_view = QTreeView(page)
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setAlternatingRowColors(False)
        self.agenda_view.setUniformRowHeights(True)
        self.agenda_view.setAllColumnsShowFocus(True)
        agenda_header = self.agenda_view.header()
        agenda_header.setStretchLastSection(False)
        agenda_header.setSectionResizeMode(AgendaColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        agenda_header.setSectionResizeMode(AgendaColumn.PRESENTERS, QHeaderView.ResizeMode.Interactive)
        self.agenda_page = EmptyState(self.agenda_view, page)

        self.documents_model = DocumentsModel(self)
        self.documents_view = _table(page)
        self.documents_view.setModel(self.documents_model)
        self.documents_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents_page = EmptyState(self.documents_view, page)

        self.decisions_model = DecisionsModel(self)
        self.decisions_view = _table(page, wrap=True)
        self.decisions_view.setModel(self.decisions_model)
        self.decisions_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.decisions_page = EmptyState(self.decisions_view, page)

        self.actions_model = ActionsModel(self)
        self.actions_view = _table(page, wrap=True)
        self.actions_view.setModel(self.actions_model)
        self.actions_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.actions_page = EmptyState(self.actions_view, page)

        for tab in (self.agenda_page, self.documents_page, self.decisions_page, self.actions_page):
            self.tabs.addTab(tab, "")
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    @property
    def overview(self) -> MeetingOverview | None:
        return self._overview

    def show_overview(self, overview: MeetingOverview | None) -> None:
        self._overview = overview
        if overview is None:
            for model in (self.documents_model, self.decisions_model, self.actions_model):
                model.set_rows(())
            self.agenda_model.set_agenda(None, "UTC")
        else:
            self.agenda_model.set_agenda(overview.agenda, overview.meeting.time_zone)
            self.documents_model.set_rows(overview.documents)
            self.decisions_model.set_rows(overview.decisions)
            self.actions_model.set_rows(overview.actions)
            self.agenda_view.expandAll()
            self._fit_columns()
        self.badge.set_marking(overview.meeting.marking if overview else None)
        self.stack.setCurrentIndex(0 if overview is None else 1)
        self.retranslate()

    def _fit_columns(self) -> None:
        for column in AgendaColumn:
            if column not in (AgendaColumn.TITLE, AgendaColumn.PRESENTERS):
                self.agenda_view.resizeColumnToContents(column)
        # Long kinds ("Approbation du procès-verbal précédent") are elided; their tooltip has them whole.
        kind_width = min(self.agenda_view.columnWidth(AgendaColumn.KIND), KIND_MAX_WIDTH)
        self.agenda_view.setColumnWidth(AgendaColumn.KIND, kind_width)
        self.agenda_view.setColumnWidth(AgendaColumn.PRESENTERS, PRESENTERS_WIDTH)
        for view in (self.documents_view, self.decisions_view, self.actions_view):
            view.resizeColumnsToContents()
            view.horizontalHeader().setSectionResizeMode(
                0 if view is not self.decisions_view else 1, QHeaderView.ResizeMode.Stretch)

    def retranslate(self) -> None:
        self.placeholder.setText(_("Select a meeting to see its overview."))
        names = {
            "when": _("When:"), "time_zone": _("Time zone:"), "place": _("Place:"), "online": _("Online link:"),
            "mode": _("Mode:"), "host": _("Host:"), "chair": _("Chair:"), "secretary": _("Secretary:"),
            "status": _("Status:"), "attendance": _("Attendance:"),
        }
        for key, text in names.items():
            self.field_names[key].setText(text)
        self.agenda_page.set_message(_("No agenda items"))
        self.documents_page.set_message(_("No documents for this meeting"))
        self.decisions_page.set_message(_("No decisions recorded"))
        self.actions_page.set_message(_("No action items"))
        for model in (self.agenda_model, self.documents_model, self.decisions_model, self.actions_model):
            model.retranslate()
        self.badge.retranslate()
        self._fill()

    def _fill(self) -> None:
        overview = self._overview
        agenda_count = len(overview.agenda.items) if overview else 0
        counts = {
            0: _("Agenda ({count})").format(count=agenda_count),
            1: _("Documents ({count})").format(count=len(overview.documents) if overview else 0),
            2: _("Decisions ({count})").format(count=len(overview.decisions) if overview else 0),
            3: _("Actions ({count})").format(count=len(overview.actions) if overview else 0),
        }
        for index, text in counts.items():
            self.tabs.setTabText(index, text)
        if overview is None:
            return
        meeting = overview.meeting
        language = current_language()
        not_set = _("Not set")
        self.title_label.setText(meeting.title(language))
        self.subtitle_label.setText(_("{reference} · {kind}").format(
            reference=meeting.reference, kind=label(meeting.kind)))
        where = place(meeting.venue, meeting.city, meeting.country, language)
        if not where and meeting.mode == MeetingMode.ONLINE:
            where = label(MeetingMode.ONLINE)
        values = {
            "when": meeting_when(meeting, language),
            "time_zone": time_zone_name(meeting.time_zone, meeting.starts_at, language=language),
            "place": where or not_set,
            "online": "",
            "mode": label(meeting.mode),
            "host": meeting.host_name or not_set,
            "chair": meeting.chair_name or not_set,
            "secretary": meeting.secretary_name or not_set,
            "status": label(meeting.status),
            "attendance": attendance_text(overview.counts),
        }
        for key, text in values.items():
            self.field_values[key].setText(text)
        url = meeting.online_url.strip()
        self._set_row_visible("online", bool(url))
        if url:
            self.field_values["online"].setText(f'<a href="{_escape(url)}">{_escape(url)}</a>')

    def _set_row_visible(self, key: str, visible: bool) -> None:
        self.form.setRowVisible(self.field_values[key], visible)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
