"""One document on the documents screen: its title, TLP badge and status with the workflow buttons, and
its tabs — Details, Versions, Review, Approval, History.

The panel shows what it is given and forwards what the user asks for; the page does the work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.domain.enums import DocumentStatus, label
from app.i18n import _, current_language
from app.services.document_views import DocumentDetail
from ui.documents.approvals_tab import ApprovalsTab
from ui.documents.details import DetailsTab
from ui.documents.history import HistoryTab
from ui.documents.review import ReviewTab
from ui.documents.versions import VersionsTab
from ui.marking_badge import MarkingBadge

STATUS_COLOURS = {
    DocumentStatus.DRAFT: "#5F6B7A", DocumentStatus.IN_REVIEW: "#8A5A00", DocumentStatus.SUBMITTED: "#1F4E8C",
    DocumentStatus.APPROVED: "#1B5E20", DocumentStatus.APPROVED_WITH_AMENDMENTS: "#1B5E20",
    DocumentStatus.DEFERRED: "#8A5A00", DocumentStatus.REJECTED: "#B00020", DocumentStatus.WITHDRAWN: "#6B6B6B",
}


class DocumentPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: DocumentDetail | None = None
        self.title_label = QLabel(self)
        self.title_label.setObjectName("documentTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setStyleSheet("color: #4A4A4A;")
        self.subtitle.setWordWrap(True)
        self.badge = MarkingBadge(self, point_size=11)
        self.status_chip = QLabel(self)
        self.status_chip.setObjectName("statusChip")
        self.status_button = QPushButton(self)
        self.status_button.setObjectName("changeStatus")
        self.decide_button = QPushButton(self)
        self.decide_button.setObjectName("recordDecisionButton")
        self.reinstate_button = QPushButton(self)
        self.reinstate_button.setObjectName("reinstate")

        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        workflow = QHBoxLayout()
        workflow.addWidget(self.status_chip)
        workflow.addStretch(1)
        workflow.addWidget(self.status_button)
        workflow.addWidget(self.decide_button)
        workflow.addWidget(self.reinstate_button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("documentTabs")
        self.details = DetailsTab(self)
        self.versions = VersionsTab(self)
        self.review = ReviewTab(self)
        self.approvals = ApprovalsTab(self)
        self.history = HistoryTab(self)
        for tab in (self.details, self.versions, self.review, self.approvals, self.history):
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addLayout(header)
        layout.addLayout(workflow)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def show_detail(self, detail: DocumentDetail | None) -> None:
        self.detail = detail
        self.approvals.show_detail(detail)
        language = current_language()
        if detail is not None:
            self.review.set_versions(detail.versions, detail.summary.title(language))
            self.versions.show_versions(detail.versions)
        self.badge.set_marking(detail.summary.marking if detail else None)
        self._fill()

    def _fill(self) -> None:
        detail = self.detail
        if detail is None:
            return
        s = detail.summary
        language = current_language()
        self.title_label.setText(s.title(language))
        other = s.title_fr if language == "en" else s.title_en
        parts = [label(s.kind)] + ([s.owner_short] if s.owner_short else []) + ([other] if other else [])
        self.subtitle.setText(" · ".join(parts))
        colour = STATUS_COLOURS.get(s.status, "#5F6B7A")
        self.status_chip.setStyleSheet(f"QLabel#statusChip {{ background: {colour}; color: white; font-weight: bold;"
                                       " padding: 3px 10px; border-radius: 9px; }")
        self.status_chip.setText(label(s.status))
        self.status_button.setEnabled(bool(detail.next_statuses))
        self.decide_button.setEnabled(s.status == DocumentStatus.SUBMITTED)
        self.reinstate_button.setVisible(s.status == DocumentStatus.WITHDRAWN)
        self.tabs.setTabText(1, _("Versions ({count})").format(count=len(detail.versions)))
        self.tabs.setTabText(3, _("Approval ({count})").format(count=len(detail.approvals)))

    def retranslate(self) -> None:
        self.status_button.setText(_("Change status…"))
        self.decide_button.setText(_("Record the decision…"))
        self.decide_button.setToolTip(_("Record the meeting's decision on the submitted version: outcome, positions "
                                        "of the member organisations, publication."))
        self.reinstate_button.setText(_("Reinstate…"))
        for index, text in enumerate((_("Details"), _("Versions"), _("Review"), _("Approval"), _("History"))):
            self.tabs.setTabText(index, text)
        self.badge.retranslate()
        for tab in (self.details, self.versions, self.review, self.approvals, self.history):
            tab.retranslate()
        self._fill()
