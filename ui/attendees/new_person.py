"""The "New person…" dialog: someone the directory does not know yet, created and added to the list at once.

Name (given and family), organisation, e-mail, title and time zone.  The dialog does not write anything
itself: on OK it hands the values to the ``submit`` callable the page gives it, which creates the person
and adds them in one undoable step; a refused value (``DomainError``) comes back and is shown under the
field it names, with the focus there, and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import _
from app.services.views import OrganisationView

ERROR_STYLE = "color: #B00020;"
FIELD_ERROR_STYLE = "border: 1px solid #B00020;"

Submit = Callable[[dict[str, Any]], None]


def split_name(typed: str) -> tuple[str, str]:
    """``Jane van Dijk`` -> (``Jane``, ``van Dijk``): what was typed in the search, as a first guess."""
    parts = typed.split(maxsplit=1)
    if len(parts) == 2:
        return parts[0], parts[1]
    return "", typed.strip()


class NewPersonDialog(QDialog):
    def __init__(self, organisations: Sequence[OrganisationView], language: str, submit: Submit,
                 typed: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._language = language
        self.given_name = QLineEdit(self)
        self.family_name = QLineEdit(self)
        self.organisation = QComboBox(self)
        self.organisation.addItem("", None)
        for org in sorted(organisations, key=lambda o: fold(o.short(language))):
            text = org.short(language)
            if org.name(language) and org.name(language) != text:
                text = _("{acronym} — {name}").format(acronym=text, name=org.name(language))
            self.organisation.addItem(text, org.uuid)
        self.email = QLineEdit(self)
        self.title_field = QLineEdit(self)
        self.time_zone = QComboBox(self)
        self.time_zone.setEditable(True)
        self.time_zone.addItem("")
        self.time_zone.addItems(sorted(available_timezones()))
        completer = QCompleter(self.time_zone.model(), self.time_zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.time_zone.setCompleter(completer)
        given, family = split_name(typed)
        self.given_name.setText(given)
        self.family_name.setText(family)

        self.fields: dict[str, QWidget] = {
            "given_name": self.given_name, "family_name": self.family_name, "organisation": self.organisation,
            "email": self.email, "title": self.title_field, "time_zone": self.time_zone,
        }
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for name, widget in self.fields.items():
            caption = QLabel(self)
            caption.setBuddy(widget)
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            self.form.addRow(caption, column)
            self.labels[name], self.errors[name] = caption, error
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        (self.family_name if given or not family else self.email).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("New person"))
        captions = {"given_name": _("&Given name:"), "family_name": _("&Family name:"),
                    "organisation": _("&Organisation:"), "email": _("&E-mail:"), "title": _("&Title:"),
                    "time_zone": _("Time &zone:")}
        for name, text in captions.items():
            self.labels[name].setText(text)
        self.organisation.setItemText(0, _("(none)"))
        editor = self.time_zone.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(_("For example Europe/Paris"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Create and add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def values(self) -> dict[str, Any]:
        title_field = "title_fr" if self._language == "fr" else "title_en"
        return {
            "given_name": self.given_name.text(), "family_name": self.family_name.text(),
            "organisation_uuid": self.organisation.currentData(), "email": self.email.text(),
            title_field: self.title_field.text(), "time_zone": self.time_zone.currentText(),
        }

    def show_error(self, field: str | None, message: str) -> None:
        """Show a refused value under its field (the name fields when the service names none)."""
        for name, label in self.errors.items():
            label.hide()
            self.fields[name].setStyleSheet("")
        name = {"title_en": "title", "title_fr": "title", "organisation_uuid": "organisation",
                "person": "family_name"}.get(field or "", field or "family_name")
        if name not in self.fields:
            name = "family_name"
        self.errors[name].setText(message)
        self.errors[name].show()
        self.fields[name].setStyleSheet(FIELD_ERROR_STYLE)
        self.fields[name].setAccessibleDescription(message)
        self.fields[name].setFocus()
        self.adjustSize()  # room for the message, wrapped (a minimum-size constraint ignores wrapping)

    def _ok(self) -> None:
        if not (self.given_name.text().strip() or self.family_name.text().strip()):
            self.show_error("family_name", _("A person needs a name."))
            return
        try:
            self._submit(self.values())
        except DomainError as exc:
            self.show_error(exc.field, str(exc))
            return
        self.accept()
