"""The Documents page: the register above (search, kind and status filters, new document) and the selected
document below with its tabs.

Page contract: ``DocumentsPage(context, parent=None)``, ``title()``, ``retranslate()``, and
``show_document(uuid)`` to bring one document forward.  The page listens to ``context.events`` itself:
any change to documents, decisions, agendas, meetings or organisations reloads what it shows; the
review and history tabs load only when they are in view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DocumentKind, DocumentStatus
from app.errors import ChairdeskError
from app.i18n import _, current_language
from app.services.document_views import DocumentDetail
from app.services.views import OrganisationView
from ui import dialogs
from ui.context import AppContext, Change
from ui.documents.controller import DocumentController
from ui.documents.forms import EnumCombo, table_view
from ui.documents.models import RegisterColumn, RegisterModel
from ui.documents.panel import DocumentPanel
from ui.empty_state import EmptyState

WATCHED = ("document", "decision", "agenda", "meeting", "organisation")


class DocumentsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsPage")
        self.context = context
        self.organisations: list[OrganisationView] = []
        self._loading = False

        self.search = QLineEdit(self)
        self.search.setObjectName("documentSearch")
        self.search.setClearButtonEnabled(True)
        self.kind_filter = EnumCombo(DocumentKind, optional=True, parent=self)
        self.kind_filter.setObjectName("kindFilter")
        self.status_filter = EnumCombo(DocumentStatus, optional=True, parent=self)
        self.status_filter.setObjectName("statusFilter")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newDocument")
        self.register = RegisterModel(self)
        self.register_view = table_view(self)
        self.register_view.setObjectName("documentRegister")
        self.register_view.setSortingEnabled(True)
        self.register_view.setModel(self.register)
        self.register_view.horizontalHeader().setSortIndicator(RegisterColumn.TITLE, Qt.SortOrder.AscendingOrder)
        header = self.register_view.horizontalHeader()
        for column in RegisterColumn:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == RegisterColumn.TITLE
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.register_page = EmptyState(self.register_view, self)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.kind_filter, 1)
        top.addWidget(self.status_filter, 1)
        top.addWidget(self.new_button)
        register = QWidget(self)
        register_layout = QVBoxLayout(register)
        register_layout.setContentsMargins(8, 8, 8, 0)
        register_layout.addLayout(top)
        register_layout.addWidget(self.register_page, 1)

        self.panel = DocumentPanel(self)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #6B6B6B; font-size: 12pt;")
        self.right = QStackedWidget(self)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.panel)
        # The register above, the document below: both get the full width a comment matrix needs.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(register)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 720])
        self.message = QLabel(self)
        self.message.setObjectName("documentsMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)

        self.controller = DocumentController(self)
        self.search.textChanged.connect(lambda _text: self.reload())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(self.controller.ask_new_document)
        self.register_view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.panel.tabs.currentChanged.connect(lambda _i: self._load_tab())
        self.panel.review.version_changed.connect(lambda _uuid: self._load_review())
        self.context.events.changed.connect(self._data_changed)
        self.context.events.database_changed.connect(self._database_changed)
        self.setTabOrder(self.search, self.new_button)
        self.setTabOrder(self.new_button, self.kind_filter)
        self.setTabOrder(self.kind_filter, self.status_filter)
        self.setTabOrder(self.status_filter, self.register_view)
        self.retranslate()
        self.reload()

    # --- the page contract -----------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Documents")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Search titles, owners and file names"))
        self.search.setAccessibleName(_("Search documents"))
        self.kind_filter.retranslate(_("All kinds"))
        self.status_filter.retranslate(_("All statuses"))
        self.new_button.setText(_("New document…"))
        self.register_view.setAccessibleName(_("Document register"))
        self.placeholder.setText(_("Select a document to see its versions, review and approval."))
        self._set_empty_message()
        self.register.retranslate()
        self.panel.retranslate()
        if self.panel.detail is not None:  # titles and names of organisations in the new language
            self.load_detail()

    def show_document(self, uuid: str) -> bool:
        row = self.register.row_of(uuid)
        if row < 0 and (self.search.text() or self.kind_filter.currentIndex() or self.status_filter.currentIndex()):
            self.search.clear()
            self.kind_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
            row = self.register.row_of(uuid)
        if row >= 0:
            self._select(row)
        return row >= 0

    # --- loading ---------------------------------------------------------------------------------------------------

    def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """A service call on the GUI thread; a refused action becomes a message, not a traceback."""
        try:
            return function(*args)
        except ChairdeskError as exc:
            dialogs.warn(self, _("Documents"), str(exc))
            return None

    def reload(self) -> None:
        """Read the register again with the filters, keeping the selected document."""
        db = self.context.db
        if db is None:
            self.register.set_rows(())
            self._show(None)
            return
        from app.services.documents import list_documents

        keep = self.current_uuid()
        rows = self.call(list_documents, db, current_language(), self.search.text(), self.kind_filter.value(),
                         self.status_filter.value())
        if rows is None:
            return
        self._loading = True
        try:
            self.register.set_rows(rows)
        finally:
            self._loading = False
        self._set_empty_message()
        row = self.register.row_of(keep) if keep else -1
        if row >= 0:
            self._select(row)
        else:
            self._show(None)

    def current_uuid(self) -> str | None:
        row = self.register.row_at(self.register_view.currentIndex().row())
        return row.uuid if row else None

    def _select(self, row: int) -> None:
        self.register_view.selectionModel().setCurrentIndex(
            self.register.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.register_view.scrollTo(self.register.index(row, 0))
        self.load_detail()

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._loading:
            self.load_detail()

    def load_detail(self) -> None:
        uuid, db = self.current_uuid(), self.context.db
        if uuid is None or db is None:
            self._show(None)
            return
        from app.services.directory import list_organisations
        from app.services.document_detail import get_document_detail

        if not self.organisations:
            self.organisations = self.call(list_organisations, db) or []
        self._show(self.call(get_document_detail, db, uuid, current_language()))

    def _show(self, detail: DocumentDetail | None) -> None:
        self.panel.show_detail(detail)
        self.panel.details.show_detail(detail, self.organisations)
        self.right.setCurrentWidget(self.panel if detail is not None else self.placeholder)
        if detail is not None:
            self._load_tab()

    def _load_tab(self) -> None:
        current = self.panel.tabs.currentWidget()
        if current is self.panel.review:
            self._load_review()
        elif current is self.panel.history:
            self._load_history()

    def _load_review(self) -> None:
        db, version = self.context.db, self.panel.review.current_version()
        if db is None or version is None:
            self.panel.review.show_state(None)
            return
        from app.services.reviews import review_state

        self.panel.review.show_state(self.call(review_state, db, version, current_language()))

    def _load_history(self) -> None:
        db, uuid = self.context.db, self.current_uuid()
        if db is None or uuid is None:
            self.panel.history.show_history(None)
            return
        from app.services.document_detail import document_history

        self.panel.history.show_history(self.call(document_history, db, uuid))

    def _data_changed(self, change: Change) -> None:
        if change.touches("organisation"):
            self.organisations = []
        if change.touches(*WATCHED):
            self.reload()

    def _database_changed(self) -> None:
        self.organisations = []
        self.reload()

    def _set_empty_message(self) -> None:
        filtered = bool(self.search.text() or self.kind_filter.currentIndex() or self.status_filter.currentIndex())
        self.register_page.set_message(_("No document matches the search.") if filtered
                                       else _("No documents yet. Add one with “New document…”."))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
