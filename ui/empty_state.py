"""A view that gives way to a short sentence when its model has no rows ("No agenda items").

It follows the model's own signals, so whoever fills the model need not remember to switch pages.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStackedWidget, QWidget


class EmptyState(QStackedWidget):
    def __init__(self, view: QAbstractItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.message = QLabel()
        self.message.setObjectName("emptyState")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel#emptyState { color: #6B6B6B; font-size: 11pt; padding: 24px; }")
        self.addWidget(view)
        self.addWidget(self.message)
        model = view.model()
        if model is not None:
            self._watch(model)

    def _watch(self, model: QAbstractItemModel) -> None:
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_page)
        self.update_page()

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def is_empty(self) -> bool:
        return self.currentWidget() is self.message

    def update_page(self) -> None:
        model = self.view.model()
        empty = model is None or model.rowCount() == 0
        self.setCurrentWidget(self.message if empty else self.view)
