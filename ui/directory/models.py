"""Table models of the directory: people and organisations, sorted in the model on plain keys.

Rows are frozen views from ``app.services.directory``; the search and the filters run in SQL, the sort here,
on keys computed once per sort (accent-free text), so that 10,000 people sort in milliseconds instead of the
seconds a QSortFilterProxyModel would spend calling ``data()``.  Reloading rows that are the same people in
the same order only repaints them, which keeps the selection and the scroll position where the user left
them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from functools import lru_cache
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.domain.enums import label
from app.domain.rules import fold as fold_text
from app.i18n import N_, current_language, time_zone_name
from app.interchange.spreadsheet_mapping import country_name
from app.services.views import OrganisationView, PersonView
from ui.table_model import RowTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row", PersonView, OrganisationView)

UUID_ROLE = Qt.ItemDataRole.UserRole + 1

# Sorting folds the same names again and again (every sort, every reload): remember them.
fold = lru_cache(maxsize=65536)(fold_text)


class PersonColumn(IntEnum):
    FAMILY_NAME = 0
    GIVEN_NAME = 1
    ORGANISATION = 2
    EMAIL = 3
    TITLE = 4
    PHONE = 5
    LANGUAGE = 6
    TIME_ZONE = 7


class OrganisationColumn(IntEnum):
    ACRONYM = 0
    NAME = 1
    SECTOR = 2
    COUNTRY = 3
    RELATION = 4


class _DirectoryModel(RowTableModel[Row]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder

    # --- what the page calls -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        ordered = self._sorted(list(rows))
        if [r.uuid for r in ordered] == [r.uuid for r in self._rows]:
            self._rows = ordered
            if ordered:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ordered) - 1, len(self.headers) - 1))
            return
        self.beginResetModel()
        self._rows = ordered
        self.endResetModel()

    def row_of(self, uuid: str | None) -> int:
        if uuid is None:
            return -1
        for row, item in enumerate(self._rows):
            if item.uuid == uuid:
                return row
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
        if self._rows:
            self.sort(self._sort_column, self._sort_order)  # labels and names sort differently in French
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.headers) - 1))

    # --- Qt's model interface ------------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column(), current_language())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column(), current_language())
        if role == UUID_ROLE:
            return row.uuid
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return
        self._sort_column = column
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        uuids = [self._rows[index.row()].uuid for index in before]
        self._rows = self._sorted(self._rows)
        position = {item.uuid: row for row, item in enumerate(self._rows)}
        after = [self.index(position[uuid], index.column()) for uuid, index in zip(uuids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        key = self.sort_key(self._sort_column, current_language())
        keyed = [(key(row), row) for row in rows]
        keyed.sort(key=lambda pair: pair[0], reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        return [row for _key, row in keyed]

    # --- for subclasses ------------------------------------------------------------------------------------

    def text(self, row: Row, column: int, language: str) -> str:
        raise NotImplementedError

    def tooltip(self, row: Row, column: int, language: str) -> str | None:
        return None

    def sort_key(self, column: int, language: str) -> Callable[[Row], Any]:
        raise NotImplementedError


class PeopleModel(_DirectoryModel[PersonView]):
    headers = (N_("Family name"), N_("Given name"), N_("Organisation"), N_("E-mail"), N_("Title"), N_("Phone"),
               N_("Language"), N_("Time zone"))

    def text(self, row: PersonView, column: int, language: str) -> str:
        c = PersonColumn(column)
        if c == PersonColumn.FAMILY_NAME:
            return row.family_name
        if c == PersonColumn.GIVEN_NAME:
            return row.given_name
        if c == PersonColumn.ORGANISATION:
            return row.organisation_short
        if c == PersonColumn.TITLE:
            return row.title(language)
        if c == PersonColumn.EMAIL:
            return row.email or ""
        if c == PersonColumn.PHONE:
            return row.phone
        if c == PersonColumn.LANGUAGE:
            return label(row.preferred_language)
        return row.time_zone or ""

    def tooltip(self, row: PersonView, column: int, language: str) -> str | None:
        if column == PersonColumn.TIME_ZONE and row.time_zone:
            return time_zone_name(row.time_zone, language=language)
        return self.text(row, column, language) or None  # whole, where the column cuts it short

    def sort_key(self, column: int, language: str) -> Callable[[PersonView], Any]:
        def names(p: PersonView) -> tuple[str, str]:
            return fold(p.family_name), fold(p.given_name)

        keys: dict[PersonColumn, Callable[[PersonView], Any]] = {
            PersonColumn.FAMILY_NAME: lambda p: (*names(p), p.uuid),
            PersonColumn.GIVEN_NAME: lambda p: (fold(p.given_name), fold(p.family_name), p.uuid),
            PersonColumn.ORGANISATION: lambda p: (fold(p.organisation_short), *names(p), p.uuid),
            PersonColumn.TITLE: lambda p: (fold(p.title(language)), *names(p), p.uuid),
            PersonColumn.EMAIL: lambda p: ((p.email or "").lower(), *names(p), p.uuid),
            PersonColumn.PHONE: lambda p: (p.phone, *names(p), p.uuid),
            PersonColumn.LANGUAGE: lambda p: (p.preferred_language.value, *names(p), p.uuid),
            PersonColumn.TIME_ZONE: lambda p: (p.time_zone or "", *names(p), p.uuid),
        }
        return keys[PersonColumn(column)]


class OrganisationsModel(_DirectoryModel[OrganisationView]):
    headers = (N_("Acronym"), N_("Name"), N_("Sector"), N_("Country"), N_("Relation"))

    def text(self, row: OrganisationView, column: int, language: str) -> str:
        c = OrganisationColumn(column)
        if c == OrganisationColumn.ACRONYM:
            return row.acronym(language)
        if c == OrganisationColumn.NAME:
            return row.name(language)
        if c == OrganisationColumn.SECTOR:
            return label(row.sector)
        if c == OrganisationColumn.COUNTRY:
            return country_name(row.country, language)
        return label(row.relation)

    def tooltip(self, row: OrganisationView, column: int, language: str) -> str | None:
        if column == OrganisationColumn.NAME:
            other = row.name("en" if language == "fr" else "fr")
            names = [row.name(language)] + ([other] if other and other != row.name(language) else [])
            return "\n".join(names)
        return self.text(row, column, language) or None

    def sort_key(self, column: int, language: str) -> Callable[[OrganisationView], Any]:
        def name(o: OrganisationView) -> str:
            return fold(o.name(language))

        keys: dict[OrganisationColumn, Callable[[OrganisationView], Any]] = {
            OrganisationColumn.ACRONYM: lambda o: (fold(o.acronym(language)) or "\uffff", name(o), o.uuid),
            OrganisationColumn.NAME: lambda o: (name(o), o.uuid),
            OrganisationColumn.SECTOR: lambda o: (fold(label(o.sector)), name(o), o.uuid),
            OrganisationColumn.COUNTRY: lambda o: (fold(country_name(o.country, language)) or "\uffff", name(o), o.uuid),
            OrganisationColumn.RELATION: lambda o: (fold(label(o.relation)), name(o), o.uuid),
        }
        return keys[OrganisationColumn(column)]
