"""The Review tab: partner review of one version — its comment matrix, the deadline, the organisations asked
and who has and has not answered, and the matrix out to partners as XLSX and back in.

Everything it asks for leaves as a ``*_requested`` signal; the page runs it (and the undo stack keeps it).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, format_date, ngettext
from app.services.document_views import ReviewCommentView, ReviewRequestView, ReviewState, VersionView
from ui.documents.forms import OptionalDateEdit, table_view
from ui.documents.review_models import CommentColumn, CommentsModel, RequestColumn, RequestsModel
from ui.empty_state import EmptyState


class ReviewTab(QWidget):
    version_changed = Signal(str)
    deadline_requested = Signal(str, object)  # version uuid, date or None
    add_comment_requested = Signal(str)  # version uuid
    edit_comment_requested = Signal(object)  # ReviewCommentView
    delete_comment_requested = Signal(object)  # ReviewCommentView
    export_requested = Signal(str, object)  # version uuid, Path
    import_requested = Signal(str, object)  # version uuid, Path
    ask_requested = Signal(str)  # version uuid
    answer_requested = Signal(object, dict)  # ReviewRequestView, changes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: ReviewState | None = None
        self._title = ""
        self.version = QComboBox(self)
        self.version.setObjectName("reviewVersion")
        self.version_label = QLabel(self)
        self.version_label.setBuddy(self.version)
        self.deadline = OptionalDateEdit(self)
        self.deadline_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.version_label)
        top.addWidget(self.version, 1)
        top.addSpacing(16)
        top.addWidget(self.deadline)
        top.addWidget(self.deadline_button)

        self.comments = CommentsModel(self)
        self.comments_view = table_view(self, wrap=True)
        self.comments_view.setObjectName("commentsView")
        self.comments_view.setSortingEnabled(True)
        self.comments_view.setModel(self.comments)
        self.comments_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.comments_view.horizontalHeader()
        for column in CommentColumn:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (CommentColumn.REVIEWER, CommentColumn.SECTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 105)
        for column in (CommentColumn.COMMENT, CommentColumn.PROPOSED, CommentColumn.RESPONSE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.comments_page = EmptyState(self.comments_view, self)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.import_button = QPushButton(self)
        comment_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            comment_buttons.addWidget(button)
        comment_buttons.addStretch(1)
        comment_buttons.addWidget(self.export_button)
        comment_buttons.addWidget(self.import_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(comment_buttons)
        left_layout.addWidget(self.comments_page, 1)

        self.requests = RequestsModel(self)
        self.requests_view = table_view(self)
        self.requests_view.setObjectName("requestsView")
        self.requests_view.setSortingEnabled(True)
        self.requests_view.setModel(self.requests)
        requests_header = self.requests_view.horizontalHeader()
        requests_header.setSectionResizeMode(RequestColumn.ORGANISATION, QHeaderView.ResizeMode.Interactive)
        requests_header.resizeSection(RequestColumn.ORGANISATION, 80)
        requests_header.setSectionResizeMode(RequestColumn.SENT, QHeaderView.ResizeMode.ResizeToContents)
        requests_header.setSectionResizeMode(RequestColumn.ANSWER, QHeaderView.ResizeMode.Stretch)
        self.requests_page = EmptyState(self.requests_view, self)
        self.requests_title = QLabel(self)
        self.requests_title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.ask_button = QPushButton(self)
        self.no_comments_button = QPushButton(self)
        self.answered_button = QPushButton(self)
        request_buttons = QGridLayout()  # two rows: the side panel stays narrow in French too
        request_buttons.addWidget(self.ask_button, 0, 0, 1, 2)
        request_buttons.addWidget(self.no_comments_button, 1, 0)
        request_buttons.addWidget(self.answered_button, 1, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.requests_title)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.requests_page, 1)
        right_layout.addLayout(request_buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.version.currentIndexChanged.connect(self._version_picked)
        self.deadline_button.clicked.connect(self._set_deadline)
        self.add_button.clicked.connect(lambda: self._with_version(self.add_comment_requested.emit))
        self.edit_button.clicked.connect(self._edit)
        self.comments_view.doubleClicked.connect(lambda _i: self._edit())
        self.delete_button.clicked.connect(self._delete)
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)
        self.ask_button.clicked.connect(lambda: self._with_version(self.ask_requested.emit))
        self.no_comments_button.clicked.connect(lambda: self._answer({"no_comments": True}))
        self.answered_button.clicked.connect(lambda: self._answer({"answered_on": date.today()}))
        self.comments_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.requests_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.retranslate()

    # --- data -----------------------------------------------------------------------------------------------------

    def set_versions(self, versions: tuple[VersionView, ...], title: str) -> None:
        """The versions to choose from; keeps the one chosen, else the last one that has comments, else the last."""
        self._title = title
        keep = self.version.currentData()
        self.version.blockSignals(True)
        self.version.clear()
        for v in versions:
            self.version.addItem(_("Version {number} — {file}").format(number=v.number, file=v.file_name), v.uuid)
        uuids = [v.uuid for v in versions]
        commented = [v.uuid for v in versions if v.comment_count]
        choice = keep if keep in uuids else (commented[-1] if commented else (uuids[-1] if uuids else None))
        self.version.setCurrentIndex(uuids.index(choice) if choice else -1)
        self.version.blockSignals(False)
        self.setEnabled(bool(versions))
        if not versions:
            self.show_state(None)

    def current_version(self) -> str | None:
        data = self.version.currentData()
        return str(data) if data else None

    def show_state(self, state: ReviewState | None) -> None:
        self._state = state
        keep = self.current_comment()
        self.comments.set_rows(state.comments if state else ())
        self.requests.deadline = state.review_deadline if state else None
        self.requests.set_rows(state.requests if state else ())
        self.deadline.set_value(state.review_deadline if state else None)
        if keep is not None and (row := self.comments.row_of(keep.uuid)) >= 0:
            self.comments_view.selectionModel().setCurrentIndex(
                self.comments.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._fill_summary()
        self._update_buttons()

    def current_comment(self) -> ReviewCommentView | None:
        return self.comments.row_at(self.comments_view.currentIndex().row())

    def current_request(self) -> ReviewRequestView | None:
        return self.requests.row_at(self.requests_view.currentIndex().row())

    def _fill_summary(self) -> None:
        state = self._state
        if state is None or not state.requests:
            self.summary.setText(_("No organisation has been asked yet."))
            return
        answered = len(state.requests) - len(state.waiting_for)
        text = ngettext("{answered} of {count} organisation has answered.",
                        "{answered} of {count} organisations have answered.", len(state.requests)).format(
            answered=answered, count=len(state.requests))
        if state.waiting_for:
            waiting = _("Waiting for: {names}.").format(names=", ".join(r.organisation_short for r in state.waiting_for))
            text = _("{answered} {waiting}").format(answered=text, waiting=waiting)
        if state.review_deadline:
            text = _("{summary} Deadline: {date}.").format(summary=text,
                                                          date=format_date(state.review_deadline, "long"))
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        has_comment = self.current_comment() is not None
        self.edit_button.setEnabled(has_comment)
        self.delete_button.setEnabled(has_comment)
        request = self.current_request()
        self.no_comments_button.setEnabled(request is not None and not request.no_comments)
        self.answered_button.setEnabled(request is not None and request.answered_on is None)

    # --- requests -----------------------------------------------------------------------------------------------------

    def _with_version(self, emit: object) -> None:
        uuid = self.current_version()
        if uuid:
            emit(uuid)  # type: ignore[operator]

    def _version_picked(self, _index: int) -> None:
        uuid = self.current_version()
        if uuid:
            self.version_changed.emit(uuid)

    def _set_deadline(self) -> None:
        uuid = self.current_version()
        if uuid:
            self.deadline_requested.emit(uuid, self.deadline.value())

    def _edit(self) -> None:
        comment = self.current_comment()
        if comment is not None:
            self.edit_comment_requested.emit(comment)

    def _delete(self) -> None:
        comment = self.current_comment()
        if comment is not None:
            self.delete_comment_requested.emit(comment)

    def _answer(self, changes: dict[str, object]) -> None:
        request = self.current_request()
        if request is not None:
            self.answer_requested.emit(request, changes)

    def _export(self) -> None:
        uuid = self.current_version()
        if not uuid:
            return
        name = _("{title} — comment matrix.xlsx").format(title=self._title).replace("/", "-")
        path, _filter = QFileDialog.getSaveFileName(self, _("Export the comment matrix"), name,
                                                    _("Excel workbooks (*.xlsx)"))
        if path:
            target = Path(path)
            self.export_requested.emit(uuid, target if target.suffix.lower() == ".xlsx" else
                                       target.with_name(target.name + ".xlsx"))

    def _import(self) -> None:
        uuid = self.current_version()
        if not uuid:
            return
        path, _filter = QFileDialog.getOpenFileName(self, _("Import a filled comment matrix"), "",
                                                    _("Excel workbooks (*.xlsx);;All files (*)"))
        if path:
            self.import_requested.emit(uuid, Path(path))

    def retranslate(self) -> None:
        self.version_label.setText(_("Version:"))
        self.deadline.set_label(_("Comments due by"))
        self.deadline_button.setText(_("Set the deadline"))
        self.add_button.setText(_("Add a comment…"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete"))
        self.export_button.setText(_("Export matrix…"))
        self.export_button.setToolTip(_("Write the comment matrix as an XLSX workbook to send to partners."))
        self.import_button.setText(_("Import filled matrix…"))
        self.import_button.setToolTip(_("Read a workbook partners filled in; you see what it would change before "
                                        "anything is written."))
        self.requests_title.setText(_("Review requests"))
        self.ask_button.setText(_("Ask organisations…"))
        self.no_comments_button.setText(_("No comments"))
        self.answered_button.setText(_("Answer received today"))
        self.comments_page.set_message(_("No comments on this version yet"))
        self.requests_page.set_message(_("No organisation asked yet"))
        self.comments_view.setAccessibleName(_("Comment matrix"))
        self.requests_view.setAccessibleName(_("Review requests"))
        self.comments.retranslate()
        self.requests.retranslate()
        header, metrics = self.comments_view.horizontalHeader(), self.comments_view.fontMetrics()
        for column in (CommentColumn.REVIEWER, CommentColumn.SECTION):  # wide enough for the header in any language
            text = str(self.comments.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(105, metrics.horizontalAdvance(text) + 28))
        text = str(self.requests.headerData(RequestColumn.ORGANISATION, Qt.Orientation.Horizontal))
        self.requests_view.horizontalHeader().resizeSection(RequestColumn.ORGANISATION,
                                                            max(80, metrics.horizontalAdvance(text) + 28))
        self._fill_summary()
