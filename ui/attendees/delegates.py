"""How the attendee tree draws and edits its cells.

``ChoiceDelegate`` edits the role, invitation and attendance columns with a combo box of the translated
labels: a choice applies at once (no Enter needed) and the editor closes; the model turns it into an edit
request.  ``GroupRowDelegate`` draws a group row (spanned over the whole width) as its name in bold and its
counts after it in grey, each elided on its own, so a narrow window cuts the counts before the name.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.domain.enums import label
from ui.attendees.model import KEY_ROLE, SUMMARY_ROLE, TITLE_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
COUNTS_COLOUR = QColor("#5A5A5A")
GAP = 14


class ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, enum: type[StrEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enum = enum

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setFrame(False)
        for value in self._enum:
            combo.addItem(label(value), value.value)
        combo.activated.connect(lambda _row, combo=combo: self._chosen(combo))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.SubmitModelCache)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class GroupRowDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        key = index.data(KEY_ROLE)
        if not key or str(key).startswith("p:"):
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget).adjusted(2, 0, -2, 0)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = item.palette  # type: ignore[attr-defined]
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        bold = QFont(item.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        title = str(index.data(TITLE_ROLE) or "")
        summary = str(index.data(SUMMARY_ROLE) or "")
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.save()
        painter.setFont(bold)
        painter.setPen(text_colour)
        title_metrics = QFontMetrics(bold)
        painter.drawText(area, flags, title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()))
        rest = area.adjusted(title_metrics.horizontalAdvance(title) + GAP, 0, 0, 0)
        if summary and rest.width() > GAP * 3:
            painter.setFont(item.font)  # type: ignore[attr-defined]
            painter.setPen(text_colour if selected else COUNTS_COLOUR)
            metrics = QFontMetrics(item.font)  # type: ignore[attr-defined]
            painter.drawText(rest, flags, metrics.elidedText(summary, Qt.TextElideMode.ElideRight, rest.width()))
        painter.restore()
