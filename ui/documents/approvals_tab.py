"""The Approval tab: the workflow steps of a document and the meetings' decisions on its versions — each
with its number, outcome, the SHA-256 of the exact text decided on, the publication that follows and the
position of each member organisation.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from app.domain.enums import label
from app.i18n import _, current_language, format_date
from app.services.document_views import ApprovalView, DocumentDetail
from ui.documents.forms import table_view
from ui.documents.models import (
    ApprovalColumn,
    ApprovalsModel,
    PositionColumn,
    PositionsModel,
    StepColumn,
    StepsModel,
    publication_text,
)
from ui.empty_state import EmptyState


class ApprovalsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = StepsModel(self)
        self.steps_view = table_view(self)
        self.steps_view.setObjectName("stepsView")
        self.steps_view.setSortingEnabled(True)
        self.steps_view.setModel(self.steps)
        steps_header = self.steps_view.horizontalHeader()
        for step_column in StepColumn:
            steps_header.setSectionResizeMode(step_column, QHeaderView.ResizeMode.ResizeToContents)
        steps_header.setSectionResizeMode(StepColumn.WHY, QHeaderView.ResizeMode.Stretch)
        self.steps_page = EmptyState(self.steps_view, self)
        self.approvals = ApprovalsModel(self)
        self.approvals_view = table_view(self)
        self.approvals_view.setObjectName("approvalsView")
        self.approvals_view.setSortingEnabled(True)
        self.approvals_view.setModel(self.approvals)
        approvals_header = self.approvals_view.horizontalHeader()
        for column in ApprovalColumn:
            approvals_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        approvals_header.setSectionResizeMode(ApprovalColumn.PUBLICATION, QHeaderView.ResizeMode.Stretch)
        self.approvals_page = EmptyState(self.approvals_view, self)
        self.decision = QLabel(self)
        self.decision.setObjectName("decisionText")
        self.decision.setWordWrap(True)
        self.decision.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.positions = PositionsModel(self)
        self.positions_view = table_view(self)
        self.positions_view.setObjectName("approvalPositions")
        self.positions_view.setModel(self.positions)
        self.positions_view.horizontalHeader().setSectionResizeMode(PositionColumn.ORGANISATION,
                                                                    QHeaderView.ResizeMode.Stretch)
        self.positions_page = EmptyState(self.positions_view, self)
        self.steps_title, self.approvals_title = QLabel(self), QLabel(self)
        for title in (self.steps_title, self.approvals_title):
            title.setStyleSheet("font-weight: bold;")

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.steps_title)
        top_layout.addWidget(self.steps_page)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.approvals_title)
        bottom_layout.addWidget(self.approvals_page, 2)
        bottom_layout.addWidget(self.decision)
        bottom_layout.addWidget(self.positions_page, 3)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)
        self.approvals_view.selectionModel().currentRowChanged.connect(lambda *_: self._approval_changed())
        self.retranslate()

    def show_detail(self, detail: DocumentDetail | None) -> None:
        self.steps.set_rows(detail.steps if detail else ())
        keep = self.current()
        self.approvals.set_rows(detail.approvals if detail else ())
        row = self.approvals.row_of(keep.uuid) if keep else -1
        if row < 0 and detail and detail.approvals:
            row = len(detail.approvals) - 1
        if row >= 0:
            self.approvals_view.selectionModel().setCurrentIndex(
                self.approvals.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._approval_changed()

    def current(self) -> ApprovalView | None:
        return self.approvals.row_at(self.approvals_view.currentIndex().row())

    def _approval_changed(self) -> None:
        approval = self.current()
        self.positions.set_rows(approval.positions if approval else ())
        if approval is None:
            self.decision.setText("")
            return
        language = current_language()
        lines = [_("{number} — {outcome} on {date} ({method})").format(
            number=approval.decision_number, outcome=label(approval.outcome),
            date=format_date(approval.decided_on, "long"), method=label(approval.method))]
        if approval.decision_text(language):
            lines.append(approval.decision_text(language))
        lines.append(_("Version {number}, SHA-256 {sha256}").format(number=approval.version_number,
                                                                  sha256=approval.sha256))
        if publication_text(approval):
            lines.append(_("Publication: {publication}").format(publication=publication_text(approval)))
        if approval.note:
            lines.append(approval.note)
        self.decision.setText("\n".join(lines))

    def retranslate(self) -> None:
        self.steps_title.setText(_("Workflow"))
        self.approvals_title.setText(_("Decisions of meetings"))
        self.steps_page.set_message(_("No workflow step recorded."))
        self.approvals_page.set_message(_("No meeting has decided on this document yet."))
        self.positions_page.set_message(_("Decided by consensus; no position recorded."))
        self.steps_view.setAccessibleName(_("Workflow"))
        self.approvals_view.setAccessibleName(_("Decisions of meetings"))
        self.positions_view.setAccessibleName(_("Positions of member organisations"))
        for model in (self.steps, self.approvals, self.positions):
            model.retranslate()
        self._approval_changed()
