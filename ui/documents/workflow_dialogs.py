"""Small dialogs of the documents screens: a new document, a step of the workflow (to review, submission
to a meeting's agenda item of kind "document approval", back to draft, withdrawal), and a reason to give.

Each hands its values to ``submit``; a refused value is shown at its field and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DocumentKind, DocumentStatus, label
from app.errors import DomainError
from app.i18n import _, current_language, format_date
from app.services.document_views import ApprovalItemChoice, DocumentDetail
from ui.documents.forms import EnumCombo, FieldErrors

Submit = Callable[[dict[str, Any]], None]


class _FormDialog(QDialog):
    """A form of labelled fields, each with its error line, and OK / Cancel."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def add_field(self, key: str, text: str, widget: QWidget) -> QLabel:
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.errors.make(key, self))
        name = QLabel(text, self)
        name.setBuddy(widget)
        self.form.addRow(name, column)
        return name

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def _accept(self) -> None:
        self.errors.clear()
        try:
            self._submit(self.values())
        except DomainError as exc:
            self.errors.show(exc.field, str(exc))
            return
        self.accept()


class NewDocumentDialog(_FormDialog):
    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)
        self.setObjectName("newDocumentDialog")
        self.setWindowTitle(_("New document"))
        self.title_en = QLineEdit(self)
        self.title_fr = QLineEdit(self)
        self.kind = EnumCombo(DocumentKind, parent=self)
        self.add_field("title_en", _("Title (English):"), self.title_en)
        self.add_field("title_fr", _("Title (French):"), self.title_fr)
        self.add_field("kind", _("Kind:"), self.kind)
        self.errors.set_fallback("title_en")
        self.resize(560, 200)

    def values(self) -> dict[str, Any]:
        return {"title_en": self.title_en.text().strip(), "title_fr": self.title_fr.text().strip(),
                "kind": self.kind.value()}


def choice_text(choice: ApprovalItemChoice, language: str) -> str:
    return _("{meeting} ({date}) — item {number}: {title}").format(
        meeting=choice.meeting_reference,
        date=format_date(choice.meeting_starts_at.astimezone(_zone(choice.time_zone)).date(), "medium"),
        number=choice.item_number, title=choice.item_title(language))


def _zone(name: str) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


class StatusDialog(_FormDialog):
    """One step of the workflow, with its reason; a submission names the meeting's agenda item."""

    def __init__(self, detail: DocumentDetail, choices: Sequence[ApprovalItemChoice], submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)
        self.setObjectName("statusDialog")
        language = current_language()
        self.setWindowTitle(_("Change the status of “{title}”").format(title=detail.summary.title(language)))
        self.intro.setText(_("Now: {status}. Each step records who took it, when and why.").format(
            status=label(detail.summary.status)))
        self.intro.show()
        self.status = QComboBox(self)
        self.status.setObjectName("targetStatus")
        for status in detail.next_statuses:
            self.status.addItem(label(status), status.value)
        self.item = QComboBox(self)
        self.item.setObjectName("approvalItem")
        for choice in choices:
            self.item.addItem(choice_text(choice, language), choice.item_uuid)
        self._meetings = {c.item_uuid: c.meeting_uuid for c in choices}
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(110)
        self.add_field("to_status", _("New status:"), self.status)
        self.item_label = self.add_field("agenda_item", _("Meeting and agenda item:"), self.item)
        self.add_field("reason", _("Why:"), self.reason)
        self.errors.alias("version", "to_status")
        self.errors.set_fallback("to_status")
        self.no_item = QLabel(_("No meeting has an agenda item of kind “Document approval” yet: add one to a "
                                "meeting's agenda first."), self)
        self.no_item.setWordWrap(True)
        self.no_item.setStyleSheet("color: #B00020;")
        self.form.addRow(self.no_item)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.resize(620, 320)

    def select_status(self, status: DocumentStatus) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(status.value)))

    def _status_changed(self, *_args: object) -> None:
        submitting = self.status.currentData() == DocumentStatus.SUBMITTED.value
        self.item.setVisible(submitting)
        self.item_label.setVisible(submitting)
        self.no_item.setVisible(submitting and self.item.count() == 0)

    def values(self) -> dict[str, Any]:
        status = DocumentStatus(self.status.currentData()) if self.status.currentData() else None
        item = self.item.currentData() if status == DocumentStatus.SUBMITTED else None
        return {"to_status": status, "reason": self.reason.toPlainText().strip(), "agenda_item_uuid": item,
                "meeting_uuid": self._meetings.get(item) if item else None}


class ReasonDialog(_FormDialog):
    def __init__(self, title: str, intro: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(submit, parent)
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.intro.show()
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.add_field("reason", _("Why:"), self.reason)
        self.resize(520, 240)

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.toPlainText().strip()}
