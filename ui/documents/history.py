"""The History tab: a document's audit trail — every change to it, its versions, comments, workflow steps,
approvals and decisions, from the append-only log, each event with its hash; an event that no longer
matches its hash or its link to the one before is shown in red, and the headline says so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from app.i18n import _, ngettext
from app.services.document_views import DocumentHistory
from ui.documents.forms import table_view
from ui.documents.models import AuditColumn, AuditModel
from ui.empty_state import EmptyState


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: DocumentHistory | None = None
        self.headline = QLabel(self)
        self.headline.setObjectName("historyHeadline")
        self.headline.setWordWrap(True)
        self.events = AuditModel(self)
        self.view = table_view(self, wrap=True)
        self.view.setObjectName("auditView")
        self.view.setSortingEnabled(True)
        self.view.setModel(self.events)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(AuditColumn.CHANGES, QHeaderView.ResizeMode.Stretch)
        self.page = EmptyState(self.view, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.headline)
        layout.addWidget(self.page, 1)
        self.retranslate()

    def show_history(self, history: DocumentHistory | None) -> None:
        self._history = history
        self.events.set_rows(history.events if history else ())
        for column in (AuditColumn.ID, AuditColumn.WHEN, AuditColumn.WHO, AuditColumn.ACTION, AuditColumn.RECORD):
            self.view.resizeColumnToContents(column)
        self._fill_headline()

    def broken_events(self) -> list[int]:
        return [e.id for e in self._history.events if not e.intact] if self._history else []

    def _fill_headline(self) -> None:
        history = self._history
        if history is None:
            self.headline.setText("")
            return
        count = len(history.events)
        text = ngettext("{count} event in the audit log.", "{count} events in the audit log.", count).format(count=count)
        broken = self.broken_events()
        if broken:
            self.headline.setStyleSheet("color: #B00020; font-weight: bold;")
            self.headline.setText(_("{events} Events {ids} no longer match their hash: the log was changed outside "
                                    "Chairdesk. Run Help › Check the database.").format(
                events=text, ids=", ".join(str(i) for i in broken)))
        else:
            self.headline.setStyleSheet("")
            self.headline.setText(_("{events} Each event is chained to the one before it by its hash; all hold.")
                                  .format(events=text))

    def retranslate(self) -> None:
        self.page.set_message(_("Nothing recorded yet"))
        self.view.setAccessibleName(_("Audit log"))
        self.events.retranslate()
        self._fill_headline()
