"""The dialogs of the partner review: one comment of the matrix (add or edit), the organisations to ask
for review, and the preview of a returned matrix that must be confirmed before anything is written.

A dialog hands its values to ``submit``; a refused value (``DomainError``) is shown at its field and the
dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Disposition
from app.errors import DomainError
from app.i18n import N_, _, current_language, ngettext
from app.interchange.comment_matrix import MatrixImportPlan
from app.services.document_views import ReviewCommentView
from app.services.views import OrganisationView
from ui.documents.forms import EnumCombo, FieldErrors, OptionalDateEdit, table_view
from ui.documents.review_models import PlanColumn, PlanModel, plan_rows
from ui.documents.table_model import RowsModel

Submit = Callable[[dict[str, Any]], None]


class CommentDialog(QDialog):
    def __init__(self, organisations: Sequence[OrganisationView], comment: ReviewCommentView | None, submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self._submit = submit
        self._organisations = list(organisations)
        self.errors = FieldErrors()
        language = current_language()
        self.organisation = QComboBox(self)
        self.organisation.addItem(_("Choose…"), None)
        for org in self._organisations:
            self.organisation.addItem(org.short(language), org.uuid)
        self.reviewer = QLineEdit(self)
        self.section = QLineEdit(self)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.proposed = QPlainTextEdit(self)
        self.proposed.setTabChangesFocus(True)
        self.disposition = EnumCombo(Disposition, optional=True, parent=self)
        self.disposition.retranslate(_("Not decided yet"))
        self.response = QPlainTextEdit(self)
        self.response.setTabChangesFocus(True)
        self.received = OptionalDateEdit(self)
        self.received.set_label(_("Received on"))
        form = QFormLayout()
        for key, text, widget in (
            ("organisation", _("Organisation:"), self.organisation), ("reviewer_name", _("Reviewer:"), self.reviewer),
            ("section", _("Section or page:"), self.section), ("comment", _("Comment:"), self.comment),
            ("proposed_change", _("Proposed change:"), self.proposed),
            ("disposition", _("Disposition:"), self.disposition), ("response", _("Response of the secretariat:"),
                                                                   self.response),
            ("received_on", _("Received:"), self.received),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.errors.make(key, self))
            name = QLabel(text, self)
            name.setBuddy(widget)
            form.addRow(name, column)
        self.errors.set_fallback("comment")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setWindowTitle(_("Comment") if comment is None else _("Comment {number}").format(
            number=comment.position + 1))
        self.resize(640, 620)
        if comment is not None:
            self._fill(comment)
        else:
            self.received.set_value(date.today())

    def _fill(self, comment: ReviewCommentView) -> None:
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(comment.organisation_uuid)))
        self.reviewer.setText(comment.reviewer_name)
        self.section.setText(comment.section)
        self.comment.setPlainText(comment.comment)
        self.proposed.setPlainText(comment.proposed_change)
        self.disposition.set_value(comment.disposition)
        if comment.disposition is None:
            self.disposition.setCurrentIndex(0)
        self.response.setPlainText(comment.response)
        self.received.set_value(comment.received_on)

    def values(self) -> dict[str, Any]:
        return {"organisation_uuid": self.organisation.currentData(), "reviewer_name": self.reviewer.text().strip(),
                "section": self.section.text().strip(), "comment": self.comment.toPlainText().strip(),
                "proposed_change": self.proposed.toPlainText().strip(), "disposition": self.disposition.value(),
                "response": self.response.toPlainText().strip(), "received_on": self.received.value()}

    def _accept(self) -> None:
        self.errors.clear()
        try:
            self._submit(self.values())
        except DomainError as exc:
            self.errors.show(exc.field, str(exc))
            return
        self.accept()


class _ChoiceColumn(IntEnum):
    ORGANISATION = 0


class _Choices(RowsModel[OrganisationView]):
    """Organisations with a tick box each."""

    headers = {_ChoiceColumn.ORGANISATION: N_("Organisation")}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.checked: set[str] = set()

    def text(self, row: OrganisationView, column: int, language: str) -> str:
        return row.short(language)

    def flags(self, index: Any) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else flags

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and 0 <= index.row() < len(self._rows):
            uuid = self._rows[index.row()].uuid
            return Qt.CheckState.Checked if uuid in self.checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        uuid = self._rows[index.row()].uuid
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(uuid)
        else:
            self.checked.discard(uuid)
        self.dataChanged.emit(index, index)
        return True


class AskDialog(QDialog):
    """Which organisations were asked to review, and when."""

    def __init__(self, organisations: Sequence[OrganisationView], already: set[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Ask organisations to review"))
        self.model = _Choices(self)
        self.model.set_rows([o for o in organisations if o.uuid not in already])
        self.view = table_view(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sent_on = OptionalDateEdit(self)
        self.sent_on.set_label(_("Sent on"))
        self.sent_on.set_value(date.today())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Tick the organisations the version was sent to for comment."), self))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.sent_on)
        layout.addWidget(buttons)
        self.resize(420, 480)

    def chosen(self) -> list[str]:
        return [row.uuid for row in self.model.rows() if row.uuid in self.model.checked]


class MatrixImportDialog(QDialog):
    """What a returned matrix would change — new comments, changed cells, rows left out — before writing."""

    def __init__(self, plan: MatrixImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixImportDialog")
        self.plan = plan
        self.setWindowTitle(_("Import {file}").format(file=plan.file_name))
        self.model = PlanModel(self)
        self.model.set_rows(plan_rows(plan))
        self.view = table_view(self, wrap=True)
        self.view.setModel(self.model)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(PlanColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        self.headline = QLabel(self)
        self.headline.setObjectName("importHeadline")
        self.headline.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("importProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #B00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button: QPushButton = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("confirmImport")
        self.import_button.setEnabled(plan.has_changes)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.problems)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        new, changed, left = len(plan.new), len(plan.updates), len(plan.problems)
        self.headline.setText(_("{new} · {changed} · {unchanged}. Nothing is written until you choose Import.").format(
            new=ngettext("{count} new comment", "{count} new comments", new).format(count=new),
            changed=ngettext("{count} comment changed", "{count} comments changed", changed).format(count=changed),
            unchanged=ngettext("{count} unchanged", "{count} unchanged", plan.unchanged).format(count=plan.unchanged)))
        self.problems.setVisible(bool(left))
        self.problems.setText(ngettext(
            "{count} row cannot be imported and will be left out; correct it in the workbook and import it again.",
            "{count} rows cannot be imported and will be left out; correct them in the workbook and import it again.",
            left).format(count=left))
        self.resize(900, 520)
