"""The Walk-in dialog: someone who came without being on the list, added to the directory and checked in at
once, without leaving live mode.

The organisation is typed or picked from the directory; a name the directory does not know becomes a new
organisation.  The dialog hands its values to ``submit`` (the window's undoable walk-in); a refusal is shown
at its field and the dialog stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Attendance, Role
from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import _, current_language
from app.services.views import OrganisationView
from ui.meeting_details_fields import INVALID_STYLE, EnumCombo, FieldError, pass_undo_to_window

WALK_IN_ROLES = (Role.DELEGATE, Role.HEAD_OF_DELEGATION, Role.SPEAKER, Role.OBSERVER, Role.GUEST)


class WalkInDialog(QDialog):
    def __init__(self, organisations: Sequence[OrganisationView], submit: Callable[..., Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(INVALID_STYLE)
        self._submit = submit
        self._organisations = list(organisations)
        language = current_language()
        self.given_name = QLineEdit(self)
        self.family_name = QLineEdit(self)
        self.organisation = QComboBox(self)
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.addItem("", None)
        for org in sorted(self._organisations, key=lambda o: fold(o.short(language))):
            short, name = org.short(language), org.name(language)
            self.organisation.addItem(short if short == name else f"{short} — {name}", org.uuid)
        completer = QCompleter([self.organisation.itemText(i) for i in range(1, self.organisation.count())], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organisation.setCompleter(completer)
        self.organisation.setCurrentIndex(0)
        self.email = QLineEdit(self)
        self.role = EnumCombo(Role, self, WALK_IN_ROLES)
        self.role.set_value(Role.DELEGATE)
        self.present = QRadioButton(self)
        self.online = QRadioButton(self)
        self.present.setChecked(True)
        self.joining = QButtonGroup(self)
        self.joining.addButton(self.present)
        self.joining.addButton(self.online)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #4A4A4A;")
        pass_undo_to_window(self.given_name, self.family_name, self.email)

        self.errors = {
            "given_name": FieldError(self.given_name, self),
            "family_name": FieldError(self.family_name, self),
            "organisation": FieldError(self.organisation, self),
            "email": FieldError(self.email, self),
        }
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        joins = QHBoxLayout()
        joins.addWidget(self.present)
        joins.addWidget(self.online)
        joins.addStretch(1)
        for name, field in (("given_name", self.given_name), ("family_name", self.family_name),
                            ("organisation", self.organisation), ("email", self.email), ("role", self.role)):
            self.labels[name] = QLabel(self)
            self.labels[name].setBuddy(field)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            if name in self.errors:
                column.addWidget(self.errors[name].label)
            self.form.addRow(self.labels[name], column)
        self.labels["joins"] = QLabel(self)
        self.form.addRow(self.labels["joins"], joins)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when an error shows
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self.given_name.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Walk-in"))
        texts = {"given_name": _("&Given name:"), "family_name": _("&Family name:"),
                 "organisation": _("&Organisation:"), "email": _("&E-mail:"), "role": _("&Role:"),
                 "joins": _("Joins:")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        line = self.organisation.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("Pick from the directory or type a new name"))
        self.email.setPlaceholderText(_("Optional"))
        self.present.setText(_("&Present in the room"))
        self.online.setText(_("O&nline"))
        self.hint.setText(_("The person is added to the directory and checked in now. An organisation the "
                            "directory does not know is added as a guest; complete it in the Directory later."))
        self.role.retranslate()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Add and check in"))

    def values(self) -> dict[str, Any]:
        """What the window's walk-in service takes."""
        text = self.organisation.currentText().strip()
        index = self.organisation.findText(text, Qt.MatchFlag.MatchFixedString)
        organisation_uuid = self.organisation.itemData(index) if index > 0 else None
        return {
            "given_name": self.given_name.text(), "family_name": self.family_name.text(),
            "organisation_uuid": organisation_uuid, "organisation_name": "" if organisation_uuid else text,
            "email": self.email.text().strip() or None, "role": self.role.value() or Role.DELEGATE,
            "attendance": Attendance.ONLINE if self.online.isChecked() else Attendance.PRESENT,
        }

    def accept(self) -> None:
        for error in self.errors.values():
            error.clear()
        try:
            self._submit(self.values())
        except DomainError as exc:
            target = self.errors.get(exc.field or "", self.errors["family_name"])
            target.show(str(exc))
            target.field.setFocus()
            return
        super().accept()
