"""An action's history: where it comes from, its progress notes (at which meeting, with which status) and
every change the audit trail recorded on it, its owners and its notes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, current_language
from app.meeting_text import name_list
from app.services.action_tracking import ActionHistory
from ui.actions_tracker.model import AuditColumn, AuditModel, UpdateColumn, UpdatesModel, origin_text
from ui.empty_state import EmptyState
from ui.minutes.texts import day


def _table(parent: QWidget, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class HistoryDialog(QDialog):
    def __init__(self, history: ActionHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        action, language = history.action, current_language()
        self.setWindowTitle(_("History of {number}").format(number=action.number))
        summary = QLabel(self)
        summary.setWordWrap(True)
        facts = [origin_text(action), name_list(action.owner_names, language) or _("No one responsible yet")]
        if action.due_date:
            facts.append(_("due {date}").format(date=day(action.due_date, language)))
        summary.setText(_("{text}\n{facts}").format(text=action.text(language), facts=" · ".join(facts)))
        self.updates_model = UpdatesModel(self)
        self.updates_model.time_zone = action.meeting_time_zone
        self.updates_model.set_rows(history.updates)
        self.updates = _table(self, UpdateColumn.NOTE)
        self.updates.setModel(self.updates_model)
        self.audit_model = AuditModel(self)
        self.audit_model.time_zone = action.meeting_time_zone
        self.audit_model.set_rows(history.audit)
        self.audit = _table(self, AuditColumn.FIELDS)
        self.audit.setModel(self.audit_model)
        updates_page = EmptyState(self.updates, self)
        updates_page.set_message(_("No progress recorded yet."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel(_("Progress notes:"), self))
        layout.addWidget(updates_page, 1)
        layout.addWidget(QLabel(_("Changes recorded in the audit trail:"), self))
        layout.addWidget(self.audit, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)
