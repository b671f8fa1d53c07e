"""The Details tab of a document: titles in English and French, kind, owner organisation, TLP marking,
original language and the planned publication (from which date, for whom).

It says what the user wants (``save_requested`` with the changed fields only) and shows a refused value
under its field; it never calls a service.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Audience, DocumentKind, Language, Marking
from app.i18n import _, current_language
from app.services.document_views import DocumentDetail
from app.services.views import OrganisationView
from ui.documents.forms import EnumCombo, FieldErrors, OptionalDateEdit


class DetailsTab(QWidget):
    save_requested = Signal(dict)  # field name -> new value, only the fields that changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: DocumentDetail | None = None
        self._organisations: list[OrganisationView] = []
        self.errors = FieldErrors()
        self.title_en = QLineEdit(self)
        self.title_en.setObjectName("titleEn")
        self.title_fr = QLineEdit(self)
        self.title_fr.setObjectName("titleFr")
        self.kind = EnumCombo(DocumentKind, parent=self)
        self.owner = QComboBox(self)
        self.marking = EnumCombo(Marking, parent=self)
        self.original_language = EnumCombo(Language, parent=self)
        self.publication_date = OptionalDateEdit(self)
        self.audience = EnumCombo(Audience, optional=True, parent=self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveDetails")
        self.revert_button = QPushButton(self)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        for key, widget in (("title_en", self.title_en), ("title_fr", self.title_fr), ("kind", self.kind),
                            ("owner", self.owner), ("marking", self.marking),
                            ("original_language", self.original_language),
                            ("publication_date", self.publication_date), ("publication_audience", self.audience)):
            name = QLabel(self)
            name.setBuddy(widget)
            self.labels[key] = name
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.errors.make(key, self))
            self.form.addRow(name, column)
        self.errors.set_fallback("title_en")
        self.errors.alias("owner_organisation_uuid", "owner")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)

        for line in (self.title_en, self.title_fr):
            line.textChanged.connect(self._edited)
            line.returnPressed.connect(self._save)
        for combo in (self.kind, self.owner, self.marking, self.original_language, self.audience):
            combo.currentIndexChanged.connect(self._edited)
        self.publication_date.changed.connect(self._edited)
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(self._revert)
        self.setTabOrder(self.title_en, self.title_fr)
        self.retranslate()

    def show_detail(self, detail: DocumentDetail | None, organisations: Sequence[OrganisationView]) -> None:
        self._detail = detail
        self._organisations = list(organisations)
        self.errors.clear()
        self._fill()

    def show_error(self, field: str | None, message: str) -> None:
        self.errors.show(field, message)

    def values(self) -> dict[str, Any]:
        index = self.owner.currentIndex()
        owner = self._organisations[index - 1].uuid if index > 0 else None
        return {"title_en": self.title_en.text().strip(), "title_fr": self.title_fr.text().strip(),
                "kind": self.kind.value(), "owner_organisation_uuid": owner, "marking": self.marking.value(),
                "original_language": self.original_language.value(),
                "publication_date": self.publication_date.value(), "publication_audience": self.audience.value()}

    def changes(self) -> dict[str, Any]:
        detail = self._detail
        if detail is None:
            return {}
        s = detail.summary
        current = {"title_en": s.title_en, "title_fr": s.title_fr, "kind": s.kind,
                   "owner_organisation_uuid": detail.owner_organisation_uuid, "marking": s.marking,
                   "original_language": detail.original_language, "publication_date": s.publication_date,
                   "publication_audience": s.publication_audience}
        return {key: value for key, value in self.values().items() if current[key] != value}

    def _edited(self, *_args: object) -> None:
        dirty = bool(self.changes())
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _save(self) -> None:
        changes = self.changes()
        if changes:
            self.errors.clear()
            self.save_requested.emit(changes)

    def _revert(self) -> None:
        self.errors.clear()
        self._fill()

    def _fill(self) -> None:
        detail = self._detail
        widgets: list[QWidget] = [self.title_en, self.title_fr, self.kind, self.owner, self.marking,
                                  self.original_language, self.publication_date, self.audience]
        blockers = [w.blockSignals(True) for w in widgets]
        try:
            language = current_language()
            self.owner.clear()
            self.owner.addItem(_("No owner"))
            for org in self._organisations:
                self.owner.addItem(org.short(language), org.uuid)
            if detail is not None:
                s = detail.summary
                self.title_en.setText(s.title_en)
                self.title_fr.setText(s.title_fr)
                self.kind.set_value(s.kind)
                self.marking.set_value(s.marking)
                self.original_language.set_value(detail.original_language)
                self.publication_date.set_value(s.publication_date)
                self.audience.set_value(s.publication_audience)
                if s.publication_audience is None:
                    self.audience.setCurrentIndex(0)
                uuids = [o.uuid for o in self._organisations]
                owner = detail.owner_organisation_uuid
                self.owner.setCurrentIndex(uuids.index(owner) + 1 if owner in uuids else 0)
        finally:
            for widget, blocked in zip(widgets, blockers, strict=True):
                widget.blockSignals(blocked)
        self.setEnabled(detail is not None)
        self._edited()

    def retranslate(self) -> None:
        names = {"title_en": _("Title (English):"), "title_fr": _("Title (French):"), "kind": _("Kind:"),
                 "owner": _("Owner organisation:"), "marking": _("Marking (TLP):"),
                 "original_language": _("Original language:"), "publication_date": _("Publication:"),
                 "publication_audience": _("For:")}
        for key, text in names.items():
            self.labels[key].setText(text)
            self.labels[key].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.publication_date.set_label(_("Publish from"))
        self.audience.retranslate(_("Not decided"))
        self.kind.retranslate()
        self.marking.retranslate()
        self.original_language.retranslate()
        self.save_button.setText(_("Save changes"))
        self.revert_button.setText(_("Revert"))
        if self.owner.count():
            self.owner.setItemText(0, _("No owner"))
