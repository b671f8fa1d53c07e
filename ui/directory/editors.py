"""The side forms of the directory: every field of a person or an organisation, each saved when it is left.

A form never calls a service.  Leaving a field whose value changed emits ``change_requested(field, value)``;
the page saves it through the undo stack and answers with ``mark_saved`` or, when the core refuses the value,
``show_error`` — the message then stands under that field, and the typed text stays for the user to fix.  In
"new" mode (Ctrl+N) the fields start empty and nothing is saved until a name is typed and left: then
``create_requested(values)`` carries everything typed so far (moving from the given name to the family
name is not leaving the names; Enter in a name creates at once).  A reload never overwrites a field the user is
typing in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.enums import Language, Relation, Sector
from app.i18n import N_, _, current_language, time_zone_name
from app.services.views import OrganisationView, PersonView
from ui.directory.fields import (
    ChoiceCombo,
    ErrorLine,
    FieldKeys,
    NotesEdit,
    TimeZoneCombo,
    country_choices,
    enum_choices,
    organisation_choices,
)

TEXT_LIMITS = {"given_name": 120, "family_name": 120, "title_en": 200, "title_fr": 200, "email": 254, "phone": 50,
               "name_en": 200, "name_fr": 200, "acronym_en": 40, "acronym_fr": 40}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # marked with N_(), translated at use
    kind: str  # "text", "choice", "country", "organisation", "time_zone" or "notes"
    enum: type[StrEnum] | None = None


PERSON_SPECS = (
    FieldSpec("given_name", N_("Given name"), "text"),
    FieldSpec("family_name", N_("Family name"), "text"),
    FieldSpec("organisation_uuid", N_("Organisation"), "organisation"),
    FieldSpec("title_en", N_("Title (English)"), "text"),
    FieldSpec("title_fr", N_("Title (French)"), "text"),
    FieldSpec("email", N_("E-mail"), "text"),
    FieldSpec("phone", N_("Phone"), "text"),
    FieldSpec("preferred_language", N_("Preferred language"), "choice", Language),
    FieldSpec("time_zone", N_("Time zone"), "time_zone"),
    FieldSpec("notes", N_("Notes"), "notes"),
)

ORGANISATION_SPECS = (
    FieldSpec("name_en", N_("Name (English)"), "text"),
    FieldSpec("name_fr", N_("Name (French)"), "text"),
    FieldSpec("acronym_en", N_("Acronym (English)"), "text"),
    FieldSpec("acronym_fr", N_("Acronym (French)"), "text"),
    FieldSpec("sector", N_("Sector"), "choice", Sector),
    FieldSpec("country", N_("Country"), "country"),
    FieldSpec("relation", N_("Relation"), "choice", Relation),
    FieldSpec("notes", N_("Notes"), "notes"),
)


def form_value(value: Any) -> Any:
    """A stored value as the form holds it: text, an enumeration's value, "" for nothing."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return value.value
    return value


class RecordEditor(QWidget):
    change_requested = Signal(str, object)  # field name, new value
    create_requested = Signal(object)  # dict of the values typed in "new" mode

    specs: Sequence[FieldSpec] = ()
    name_fields: frozenset[str] = frozenset()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved: dict[str, Any] = {}
        self._new = False
        self.uuid: str | None = None
        self.keys = FieldKeys(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.heading = QLabel(self)
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #FFF4CE; border: 1px solid #E0C36B; padding: 6px;")
        self.banner.hide()
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(6)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, ErrorLine] = {}
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.focusChanged.connect(self._focus_changed)
        self.zone_hint = QLabel(self)
        self.zone_hint.setStyleSheet("color: #6B6B6B;")
        previous: QWidget | None = None
        for spec in self.specs:
            widget = self._make(spec)
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            if spec.kind == "time_zone":
                column.addWidget(self.zone_hint)
            self.errors[spec.name] = ErrorLine(box)
            column.addWidget(self.errors[spec.name])
            self.labels[spec.name] = QLabel(self)
            self.labels[spec.name].setBuddy(widget)
            self.form.addRow(self.labels[spec.name], box)
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget
        self.retranslate()

    # --- building ----------------------------------------------------------------------------------------

    def _make(self, spec: FieldSpec) -> QWidget:
        name = spec.name
        widget: QWidget
        if spec.kind == "text":
            edit = QLineEdit(self)
            edit.setMaxLength(TEXT_LIMITS.get(name, 200) + 50)  # room to type past the limit and be told why
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            edit.returnPressed.connect(lambda n=name: self._return_pressed(n))
            widget = edit
        elif spec.kind == "notes":
            notes = NotesEdit(self)
            notes.setFixedHeight(90)
            notes.editing_finished.connect(lambda n=name: self._commit(n))
            widget = notes
        elif spec.kind == "time_zone":
            zone = TimeZoneCombo(self)
            zone.activated.connect(lambda _i, n=name: self._commit(n))
            zone.editing_finished.connect(lambda n=name: self._commit(n))
            line = zone.lineEdit()
            if line is not None:
                line.returnPressed.connect(lambda n=name: self._commit(n))
                self.keys.watch(line, lambda n=name: self._revert(n))
            widget = zone
        else:
            combo = ChoiceCombo(self)
            combo.activated.connect(lambda _i, n=name: self._commit(n))
            widget = combo
        self.keys.watch(widget, lambda n=name: self._revert(n))
        widget.setObjectName(f"field_{name}")
        self.widgets[name] = widget
        return widget

    def retranslate(self) -> None:
        language = current_language()
        for spec in self.specs:
            self.labels[spec.name].setText(_("{label}:").format(label=_(spec.label)))
            self.widgets[spec.name].setAccessibleName(_(spec.label))
            widget = self.widgets[spec.name]
            if spec.kind == "choice" and spec.enum is not None and isinstance(widget, ChoiceCombo):
                widget.set_choices(enum_choices(spec.enum))
            elif spec.kind == "country" and isinstance(widget, ChoiceCombo):
                widget.set_choices(country_choices(_("(no country)"), language))
        self.banner.setText(self.banner_text())
        self._update_heading()
        self._update_zone_hint()

    # --- what the page calls -------------------------------------------------------------------------------

    def set_record(self, uuid: str | None, values: dict[str, Any]) -> None:
        """Show a saved record; a field being typed in keeps its text (its saved value is updated)."""
        same = uuid == self.uuid and not self._new
        self._new = False
        self.banner.hide()
        self.uuid = uuid
        self._saved = {name: form_value(value) for name, value in values.items()}
        for spec in self.specs:
            if not (same and self._is_being_edited(spec.name)):
                self._set_widget(spec.name, self._saved.get(spec.name, ""))
                self.errors[spec.name].show_message("")
        self._update_heading()
        self._update_zone_hint()

    def start_new(self) -> None:
        self.uuid = None
        self._new = True
        self._saved = {}
        for spec in self.specs:
            self._set_widget(spec.name, self.default(spec.name))
            self.errors[spec.name].show_message("")
        self.banner.setText(self.banner_text())
        self.banner.show()
        self._update_heading()
        self._update_zone_hint()
        self.widgets[self.specs[0].name].setFocus()

    def leave_new(self) -> None:
        self._new = False
        self.banner.hide()

    @property
    def is_new(self) -> bool:
        return self._new

    def mark_saved(self, name: str, value: Any) -> None:
        self._saved[name] = form_value(value)
        self.errors[name].show_message("")
        self._update_heading()
        self._update_zone_hint()

    def show_error(self, name: str | None, message: str, fallback: str | None = None) -> None:
        target = name if name in self.errors else fallback
        if target in self.errors:
            self.errors[target].show_message(message)
            self.widgets[target].setAccessibleDescription(message)

    def error_text(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisible() else ""

    def set_organisations(self, organisations: Sequence[OrganisationView]) -> None:
        widget = self.widgets.get("organisation_uuid")
        if isinstance(widget, ChoiceCombo):
            widget.set_choices(organisation_choices(_("(no organisation)"), organisations, current_language()))
            if not self._is_being_edited("organisation_uuid"):
                widget.set_value(self._saved.get("organisation_uuid", ""))

    def value(self, name: str) -> Any:
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        if isinstance(widget, NotesEdit | TimeZoneCombo | ChoiceCombo):
            return widget.value()
        return None

    def typed_values(self) -> dict[str, Any]:
        return {spec.name: self.value(spec.name) for spec in self.specs if self.value(spec.name) not in ("", None)}

    # --- for subclasses ------------------------------------------------------------------------------------

    def default(self, name: str) -> Any:
        return ""

    def banner_text(self) -> str:
        return ""

    def heading_text(self) -> str:
        return ""

    # --- inside ------------------------------------------------------------------------------------------------

    def _commit(self, name: str) -> None:
        value = self.value(name)
        if self._new:
            return  # nothing is saved before the record exists: see _focus_changed and _return_pressed
        if self.uuid is None:
            return
        if value == self._saved.get(name, ""):
            self.errors[name].show_message("")
            return
        self.change_requested.emit(name, value)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """In "new" mode, leaving the names (not moving from one name to the other) creates the record."""
        names = [self.widgets[n] for n in self.name_fields]
        if self._new and old in names and new not in names:
            self._create_if_named()

    def _return_pressed(self, name: str) -> None:
        if self._new and name in self.name_fields:
            self._create_if_named()

    def _create_if_named(self) -> None:
        if any(self.value(n) for n in self.name_fields):
            self.create_requested.emit(self.typed_values())

    def _revert(self, name: str) -> None:
        self._set_widget(name, self._saved.get(name, self.default(name)))
        self.errors[name].show_message("")

    def _is_being_edited(self, name: str) -> bool:
        widget = self.widgets[name]
        line = widget.lineEdit() if isinstance(widget, TimeZoneCombo) else None
        if not widget.hasFocus() and not (line is not None and line.hasFocus()):
            return False
        return bool(self.value(name) != self._saved.get(name, ""))

    def _set_widget(self, name: str, value: Any) -> None:
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit):
            widget.setText(str(value or ""))
            widget.setCursorPosition(0)
        elif isinstance(widget, NotesEdit):
            widget.set_value(str(value or ""))
        elif isinstance(widget, TimeZoneCombo):
            widget.set_value(str(value or ""))
        elif isinstance(widget, ChoiceCombo):
            widget.set_value(value)

    def _update_heading(self) -> None:
        self.heading.setText(self.heading_text())

    def _update_zone_hint(self) -> None:
        zone = self._saved.get("time_zone", "") if "time_zone" in self.widgets else ""
        self.zone_hint.setText(time_zone_name(zone) if zone else "")
        self.zone_hint.setVisible(bool(zone))


class PersonEditor(RecordEditor):
    specs = PERSON_SPECS
    name_fields = frozenset({"given_name", "family_name"})

    def default(self, name: str) -> Any:
        return current_language() if name == "preferred_language" else ""

    def banner_text(self) -> str:
        return _("New person: type a name and leave the field to add them to the directory.")

    def heading_text(self) -> str:
        if self.is_new:
            return _("New person")
        return " ".join(p for p in (self._saved.get("given_name", ""), self._saved.get("family_name", "")) if p)

    def show_person(self, person: PersonView) -> None:
        values = {spec.name: getattr(person, spec.name) for spec in self.specs}
        self.set_record(person.uuid, values)


class OrganisationEditor(RecordEditor):
    specs = ORGANISATION_SPECS
    name_fields = frozenset({"name_en", "name_fr"})

    def default(self, name: str) -> Any:
        return {"sector": Sector.OTHER.value, "relation": Relation.PARTNER.value}.get(name, "")

    def banner_text(self) -> str:
        return _("New organisation: type its name and leave the field to add it to the directory.")

    def heading_text(self) -> str:
        if self.is_new:
            return _("New organisation")
        saved = self._saved
        language = current_language()
        name = (saved.get("name_fr") or saved.get("name_en")) if language == "fr" else (
            saved.get("name_en") or saved.get("name_fr"))
        return str(name or "")

    def show_organisation(self, organisation: OrganisationView) -> None:
        values = {spec.name: getattr(organisation, spec.name) for spec in self.specs}
        self.set_record(organisation.uuid, values)
