"""Table models of the import wizard: the rows of the file as read, and what the import makes of each row.

``SheetModel`` shows the first rows of the file under headers that say what each column becomes.
``PlanModel`` lists every row with its outcome (new, update of whom, already there, refused and why); rows
that can be imported carry a check box, ticked at first, so the user can leave some out.  It can show all rows,
only the problems, or only the rows to import, filtering its own list rather than through a proxy.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.i18n import N_, _
from app.interchange.spreadsheet_import import Sheet
from app.interchange.spreadsheet_mapping import Target, target_label
from app.services.import_plan import ImportPreview, Outcome, RowPlan, outcome_label

AnyIndex = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 50
REFUSED_COLOUR = QColor("#B00020")
UPDATE_COLOUR = QColor("#7A4B00")


class SheetModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sheet: Sheet | None = None
        self._mapping: tuple[Target, ...] = ()

    def set_sheet(self, sheet: Sheet | None, mapping: Sequence[Target]) -> None:
        self.beginResetModel()
        self._sheet = sheet
        self._mapping = tuple(mapping)
        self.endResetModel()

    def set_mapping(self, mapping: Sequence[Target]) -> None:
        self._mapping = tuple(mapping)
        if self._sheet is not None and self._sheet.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._sheet.headers) - 1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._sheet is None:
            return 0
        return min(len(self._sheet.rows), PREVIEW_ROWS)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._sheet is None else len(self._sheet.headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._sheet is None or not index.isValid() or not (0 <= index.row() < self.rowCount()):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._sheet.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self._target(index.column()) == Target.IGNORE:
            return QBrush(QColor("#8A8A8A"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._sheet is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._sheet.row_numbers[section]) if 0 <= section < self.rowCount() else None
        if not 0 <= section < len(self._sheet.headers):
            return None
        return _("{header}\n→ {field}").format(header=self._sheet.headers[section],
                                               field=target_label(self._target(section)))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def _target(self, column: int) -> Target:
        return self._mapping[column] if column < len(self._mapping) else Target.IGNORE


class PlanColumn(IntEnum):
    ROW = 0
    OUTCOME = 1
    WHO = 2
    DETAILS = 3


class PlanFilter(IntEnum):
    ALL = 0
    PROBLEMS = 1
    TO_IMPORT = 2


def plan_details(row: RowPlan, new_organisations: dict[str, str]) -> str:
    """Why a row is refused, or whom it updates and what changes, in one line."""
    if row.outcome == Outcome.REFUSED:
        return " ".join(row.reasons)
    created = _("Creates the organisation {name}.").format(
        name=new_organisations.get(row.new_organisation, "")) if row.new_organisation else ""
    if row.outcome == Outcome.NEW:
        return created
    matched = _("Matches {name} ({reason}).").format(name=row.existing_label, reason=row.match)
    if row.outcome == Outcome.UNCHANGED:
        return _("{match} Nothing to change.").format(match=matched)
    changes = "; ".join(_("{field}: “{before}” → “{after}”").format(
        field=target_label(Target(c.field)), before=c.before, after=c.after) for c in row.changes)
    return " ".join(part for part in (_("{match} {changes}").format(match=matched, changes=changes), created) if part)


class PlanModel(QAbstractTableModel):
    headers = (N_("Row"), N_("Result"), N_("Person or organisation"), N_("Details"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[RowPlan] = []
        self._rows: list[RowPlan] = []
        self._new_organisations: dict[str, str] = {}
        self._filter = PlanFilter.ALL
        self._preview: ImportPreview | None = None
        self.left_out: set[int] = set()

    def set_preview(self, preview: ImportPreview | None) -> None:
        """A new analysis starts with every row ticked; the same one again keeps what the user unticked."""
        self.beginResetModel()
        if preview is not self._preview:
            self.left_out = set()
        self._preview = preview
        self._all = list(preview.rows) if preview is not None else []
        self._new_organisations = {o.key: o.name for o in preview.new_organisations} if preview is not None else {}
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, which: PlanFilter) -> None:
        self.beginResetModel()
        self._filter = which
        self._rows = self._filtered()
        self.endResetModel()

    def row_at(self, row: int) -> RowPlan | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def to_import(self) -> list[RowPlan]:
        return [row for row in self._all if row.takeable and row.row_number not in self.left_out]

    def _filtered(self) -> list[RowPlan]:
        if self._filter == PlanFilter.PROBLEMS:
            return [row for row in self._all if row.outcome == Outcome.REFUSED]
        if self._filter == PlanFilter.TO_IMPORT:
            return [row for row in self._all if row.takeable]
        return list(self._all)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return _(self.headers[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = PlanColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == PlanColumn.ROW:
                return str(row.row_number)
            if column == PlanColumn.OUTCOME:
                return outcome_label(row.outcome)
            if column == PlanColumn.WHO:
                return row.label
            details = plan_details(row, self._new_organisations)
            return details if role == Qt.ItemDataRole.DisplayRole else ("\n".join(row.reasons) or details or None)
        if role == Qt.ItemDataRole.CheckStateRole and column == PlanColumn.ROW and row.takeable:
            return Qt.CheckState.Unchecked if row.row_number in self.left_out else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ForegroundRole and column in (PlanColumn.OUTCOME, PlanColumn.DETAILS):
            if row.outcome == Outcome.REFUSED:
                return QBrush(REFUSED_COLOUR)
            if row.outcome == Outcome.UPDATE:
                return QBrush(UPDATE_COLOUR)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != PlanColumn.ROW:
            return False
        if not row.takeable:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if checked:
            self.left_out.discard(row.row_number)
        else:
            self.left_out.add(row.row_number)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        row = self.row_at(index.row())
        if index.column() == PlanColumn.ROW and row is not None and row.takeable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
