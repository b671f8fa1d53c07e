"""The approval dialog: the meeting's decision on one exact version — outcome, consensus or vote, the
position of each member organisation, the date, the publication that follows, and the decision's text in
English and French.

It says plainly what recording means: the approval becomes a numbered decision of the meeting, tied to
the version's SHA-256, and undo will not erase it — undo records that the document was withdrawn.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import ApprovalOutcome, Audience, DecisionMethod, Stance
from app.errors import DomainError
from app.i18n import _
from app.services.document_views import ApprovalDraft
from ui.documents.forms import EnumCombo, FieldErrors, OptionalDateEdit, table_view
from ui.documents.models import PositionColumn, PositionsModel, StanceDelegate

Submit = Callable[[dict[str, Any]], None]


class ApprovalDialog(QDialog):
    def __init__(self, draft: ApprovalDraft, document_title: str, item_text: str, submit: Submit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self._draft = draft
        self._submit = submit
        self.errors = FieldErrors()
        self.setWindowTitle(_("Record the decision of {meeting}").format(meeting=draft.meeting_reference))
        heading = QLabel(_("Version {number} of “{title}”").format(number=draft.version_number, title=document_title),
                         self)
        heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        heading.setWordWrap(True)
        item = QLabel(item_text, self)
        item.setWordWrap(True)
        self.hash_label = QLabel(_("Exactly this file is approved: SHA-256 {sha256}").format(sha256=draft.sha256), self)
        self.hash_label.setObjectName("approvalHash")
        self.hash_label.setWordWrap(True)

        self.outcome = EnumCombo(ApprovalOutcome, parent=self)
        self.outcome.setObjectName("outcome")
        self.method = EnumCombo(DecisionMethod, parent=self)
        self.method.setObjectName("method")
        self.decided_on = QDateEdit(self)
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat("yyyy-MM-dd")
        self.decided_on.setDate(QDate(draft.decided_on.year, draft.decided_on.month, draft.decided_on.day))
        self.positions = PositionsModel(self, editable=True)
        self.positions.set_rows(draft.positions)
        self.positions_view = table_view(self)
        self.positions_view.setObjectName("positionsView")
        self.positions_view.setModel(self.positions)
        self.positions_view.setItemDelegateForColumn(PositionColumn.STANCE, StanceDelegate(self.positions_view))
        self.positions_view.horizontalHeader().setSectionResizeMode(PositionColumn.ORGANISATION,
                                                                    QHeaderView.ResizeMode.Stretch)
        self.positions_view.setMinimumHeight(200)
        self.all_support = QPushButton(_("All support"), self)
        self.none_responded = QPushButton(_("Clear positions"), self)
        position_buttons = QHBoxLayout()
        position_buttons.addWidget(self.all_support)
        position_buttons.addWidget(self.none_responded)
        position_buttons.addStretch(1)
        positions = QVBoxLayout()
        positions.addWidget(self.positions_view)
        positions.addLayout(position_buttons)
        self.publication_date = OptionalDateEdit(self)
        self.publication_date.set_label(_("Publish from"))
        self.publication_date.set_value(draft.publication_date)
        self.audience = EnumCombo(Audience, optional=True, parent=self)
        self.audience.retranslate(_("Not decided"))
        self.audience.set_value(draft.publication_audience)
        self.text_en = QPlainTextEdit(self)
        self.text_en.setObjectName("decisionTextEn")
        self.text_en.setTabChangesFocus(True)
        self.text_en.setMaximumHeight(70)
        self.text_fr = QPlainTextEdit(self)
        self.text_fr.setObjectName("decisionTextFr")
        self.text_fr.setTabChangesFocus(True)
        self.text_fr.setMaximumHeight(70)
        self.note = QLineEdit(self)

        form = QFormLayout()
        for key, text, widget in (
            ("outcome", _("Outcome:"), self.outcome), ("method", _("Taken by:"), self.method),
            ("decided_on", _("Decided on:"), self.decided_on), ("positions", _("Positions:"), positions),
            ("publication_date", _("Publication:"), self.publication_date),
            ("publication_audience", _("For:"), self.audience), ("text_en", _("Decision (English):"), self.text_en),
            ("text_fr", _("Decision (French):"), self.text_fr), ("note", _("Note:"), self.note),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            if isinstance(widget, QWidget):
                column.addWidget(widget)
            else:
                column.addLayout(widget)
            column.addWidget(self.errors.make(key, self))
            form.addRow(QLabel(text, self), column)
        self.errors.alias("agenda_item", "outcome")
        self.errors.alias("version", "outcome")
        self.errors.set_fallback("outcome")
        self.undo_note = QLabel(_(
            "Recording makes this a numbered decision of {meeting}, tied to the SHA-256 above. It is not erased "
            "afterwards: Edit › Undo records that the document was withdrawn, and the decision stays on the "
            "meeting's record.").format(meeting=draft.meeting_reference), self)
        self.undo_note.setObjectName("undoNote")
        self.undo_note.setWordWrap(True)
        self.undo_note.setStyleSheet("background: #FFF4CE; padding: 6px; border-radius: 3px;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record_button = self.buttons.addButton(_("Record the decision"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setObjectName("recordDecision")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for top in (heading, item, self.hash_label):
            layout.addWidget(top)
        layout.addLayout(form)
        layout.addWidget(self.undo_note)
        layout.addWidget(self.buttons)

        self._texts = draft.texts[ApprovalOutcome.APPROVED.value]
        self._set_texts(self._texts)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.all_support.clicked.connect(lambda: self.positions.set_all(Stance.SUPPORTS))
        self.none_responded.clicked.connect(lambda: self.positions.set_all(Stance.NO_RESPONSE))
        self.resize(760, 900)

    def _set_texts(self, texts: tuple[str, str]) -> None:
        self.text_en.setPlainText(texts[0])
        self.text_fr.setPlainText(texts[1])

    def _outcome_changed(self, *_args: object) -> None:
        outcome = self.outcome.value()
        proposed = self._draft.texts[outcome.value]
        if (self.text_en.toPlainText(), self.text_fr.toPlainText()) == self._texts:  # not edited: follow
            self._set_texts(proposed)
        self._texts = proposed

    def values(self) -> dict[str, Any]:
        picked = self.decided_on.date()
        return {
            "outcome": self.outcome.value(), "method": self.method.value(),
            "decided_on": date(picked.year(), picked.month(), picked.day()),
            "positions": self.positions.stances(), "publication_date": self.publication_date.value(),
            "audience": self.audience.value(), "text_en": self.text_en.toPlainText().strip(),
            "text_fr": self.text_fr.toPlainText().strip(), "note": self.note.text().strip(),
        }

    def _accept(self) -> None:
        self.errors.clear()
        try:
            self._submit(self.values())
        except DomainError as exc:
            self.errors.show(exc.field, str(exc))
            return
        self.accept()
