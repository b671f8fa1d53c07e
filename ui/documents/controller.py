"""The one place where what the user asks for on the documents page becomes work: dialogs opened, files
read and written in a worker, edits made through ``DocumentEdits`` (and so onto the undo stack).

Dialogs are opened with ``open()``, not ``exec()``: the window stays responsive and a test can drive the
dialog (``active_dialog``) as a user would.  A refused value goes back to the field that caused it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

from app.domain.enums import DocumentStatus
from app.errors import ChairdeskError, DomainError
from app.i18n import _, current_language, format_number, ngettext
from app.services.document_views import ReviewCommentView, ReviewRequestView, VersionView
from ui import dialogs
from ui.documents import file_tasks
from ui.documents.approval_dialog import ApprovalDialog
from ui.documents.edits import DocumentEdits
from ui.documents.review_dialogs import AskDialog, CommentDialog, MatrixImportDialog
from ui.documents.workflow_dialogs import NewDocumentDialog, ReasonDialog, StatusDialog, choice_text

if TYPE_CHECKING:
    from ui.documents.page import DocumentsPage


class DocumentController(QObject):
    def __init__(self, page: DocumentsPage) -> None:
        super().__init__(page)
        self.page = page
        self.context = page.context
        self.edits = DocumentEdits(page.context, page)
        self.active_dialog: QDialog | None = None
        panel = page.panel
        panel.details.save_requested.connect(self.save_details)
        panel.versions.add_files_requested.connect(self.add_files)
        panel.versions.open_requested.connect(self.open_version)
        panel.versions.save_copy_requested.connect(self.save_copy)
        panel.versions.delete_requested.connect(self.delete_version)
        panel.versions.link_requested.connect(self.link_versions)
        panel.versions.update_requested.connect(self.update_version)
        panel.review.deadline_requested.connect(self.set_deadline)
        panel.review.add_comment_requested.connect(lambda _uuid: self.ask_comment(None))
        panel.review.edit_comment_requested.connect(self.ask_comment)
        panel.review.delete_comment_requested.connect(self.delete_comment)
        panel.review.export_requested.connect(self.export_matrix)
        panel.review.import_requested.connect(self.import_matrix)
        panel.review.ask_requested.connect(self.ask_review)
        panel.review.answer_requested.connect(self.record_answer)
        panel.status_button.clicked.connect(self.ask_status)
        panel.decide_button.clicked.connect(self.ask_decision)
        panel.reinstate_button.clicked.connect(self.ask_reinstate)

    # --- helpers ---------------------------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        self.active_dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()  # a closed dialog must not linger as the window that has the keyboard

    def _try(self, action: Callable[[], Any], show_error: Callable[[str | None, str], Any]) -> Any:
        try:
            return action()
        except DomainError as exc:
            show_error(exc.field, str(exc))
        except ChairdeskError as exc:
            dialogs.warn(self.page, _("Documents"), str(exc))
        return None

    def _run(self, function: Callable[..., Any], args: tuple[Any, ...], done: Callable[[Any], None]) -> None:
        self.context.tasks.start(function, args, done,
                                 lambda problem: dialogs.warn(self.page, _("Documents"), problem))

    def _document(self) -> tuple[str, str] | None:
        detail = self.page.panel.detail
        return (detail.uuid, detail.summary.title(current_language())) if detail else None

    # --- the register and details ----------------------------------------------------------------------------------

    def ask_new_document(self) -> None:
        if self.context.db is None:
            return

        def submit(values: dict[str, Any]) -> None:
            made = self.edits.create_document(values)
            self.page.show_document(made.uuid)

        self._open(NewDocumentDialog(submit, self.page))

    def save_details(self, changes: dict[str, Any]) -> None:
        document = self._document()
        if document is not None:
            self._try(lambda: self.edits.update_document(document[0], changes, document[1]),
                      self.page.panel.details.show_error)

    # --- versions ----------------------------------------------------------------------------------------------------

    def add_files(self, paths: list[Path]) -> None:
        document = self._document()
        if document is None:
            return
        for path in paths:
            self._run(file_tasks.read_file, (Path(path),), self._stored_into(document[0]))

    def _stored_into(self, document_uuid: str) -> Callable[[Any], None]:
        return lambda read: self._store(document_uuid, read[0], read[1])

    def _store(self, document_uuid: str, file_name: str, content: bytes) -> None:
        made = self._try(lambda: self.edits.store_version(document_uuid, file_name, content),
                         self.page.panel.versions.show_error)
        if made is not None:
            self.page.panel.versions.select_version(made.uuid)
            self.page.show_message(_("Version {number} added: {file}, SHA-256 {sha256}").format(
                number=made.number, file=made.file_name, sha256=made.sha256))

    def open_version(self, version_uuid: str) -> None:
        db = self.context.db
        if db is not None:
            self._run(file_tasks.temporary_copy, (db.path, version_uuid), self._open_with_system)

    @staticmethod
    def _open_with_system(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_copy(self, version_uuid: str, out: Path) -> None:
        db = self.context.db
        if db is not None:
            self._run(file_tasks.save_copy, (db.path, version_uuid, Path(out)),
                      lambda path: self.page.show_message(_("Saved a copy as {path}").format(path=path)))

    def delete_version(self, version: VersionView) -> None:
        self._try(lambda: self.edits.delete_version(version), self.page.panel.versions.show_error)

    def link_versions(self, version: VersionView, other: VersionView | None) -> None:
        self._try(lambda: self.edits.link_language_versions(version, other), self.page.panel.versions.show_error)

    def update_version(self, version_uuid: str, changes: dict[str, Any]) -> None:
        self._try(lambda: self.edits.update_version(version_uuid, changes), self.page.panel.versions.show_error)

    # --- review --------------------------------------------------------------------------------------------------------

    def set_deadline(self, version_uuid: str, deadline: Any) -> None:
        self._try(lambda: self.edits.update_version(version_uuid, {"review_deadline": deadline}),
                  lambda _field, message: dialogs.warn(self.page, _("Documents"), message))

    def ask_comment(self, comment: ReviewCommentView | None) -> None:
        version = self.page.panel.review.current_version()
        if version is None:
            return

        def submit(values: dict[str, Any]) -> None:
            if comment is None:
                self.edits.add_comment(version, values)
            else:
                current = {k: v for k, v in values.items() if getattr(comment, k, None) != v}
                if current:
                    self.edits.update_comment(comment, current)

        self._open(CommentDialog(self.page.organisations, comment, submit, self.page))

    def delete_comment(self, comment: ReviewCommentView) -> None:
        self._try(lambda: self.edits.delete_comment(comment),
                  lambda _field, message: dialogs.warn(self.page, _("Documents"), message))

    def ask_review(self, version_uuid: str) -> None:
        state = self.page.panel.review.requests.rows()
        dialog = AskDialog(self.page.organisations, {r.organisation_uuid for r in state}, self.page)
        def chosen() -> None:
            if dialog.chosen():
                self.edits.request_review(version_uuid, dialog.chosen(), dialog.sent_on.value())

        dialog.accepted.connect(chosen)
        self._open(dialog)

    def record_answer(self, request: ReviewRequestView, changes: dict[str, Any]) -> None:
        self._try(lambda: self.edits.update_request(request, changes),
                  lambda _field, message: dialogs.warn(self.page, _("Documents"), message))

    def export_matrix(self, version_uuid: str, out: Path) -> None:
        db = self.context.db
        if db is not None:
            self._run(file_tasks.export_matrix, (db.path, version_uuid, Path(out), current_language()),
                      lambda result: self.page.show_message(ngettext(
                          "Exported {count} comment to {path}", "Exported {count} comments to {path}", result[1]
                      ).format(count=format_number(result[1]), path=result[0])))

    def import_matrix(self, version_uuid: str, path: Path) -> None:
        db = self.context.db
        if db is not None:
            self._run(file_tasks.plan_matrix, (db.path, version_uuid, Path(path), current_language()),
                      self._confirm_import)

    def _confirm_import(self, plan: Any) -> None:
        dialog = MatrixImportDialog(plan, self.page)

        def apply() -> bool:
            self.edits.import_matrix(plan)
            return True

        def confirmed() -> None:
            if self._try(apply, lambda _field, message: dialogs.warn(self.page, _("Documents"), message)):
                self.page.show_message(_("Imported {file}: {new} new, {changed} changed, {left} left out.").format(
                    file=plan.file_name, new=len(plan.new), changed=len(plan.updates), left=len(plan.problems)))

        dialog.accepted.connect(confirmed)
        self._open(dialog)

    # --- workflow -------------------------------------------------------------------------------------------------------

    def ask_status(self) -> None:
        detail, db = self.page.panel.detail, self.context.db
        if detail is None or db is None:
            return
        from app.services.approvals import approval_choices

        choices = self.page.call(approval_choices, db) or []

        def submit(values: dict[str, Any]) -> None:
            self.edits.change_status(detail.uuid, values["to_status"], values["reason"], values["meeting_uuid"],
                                     values["agenda_item_uuid"])

        self._open(StatusDialog(detail, choices, submit, self.page))

    def ask_decision(self) -> None:
        detail, db = self.page.panel.detail, self.context.db
        if detail is None or db is None or detail.summary.status != DocumentStatus.SUBMITTED or not detail.versions:
            return
        from app.services.approvals import approval_choices, approval_draft

        submission = next((s for s in reversed(detail.steps) if s.to_status == DocumentStatus.SUBMITTED), None)
        item = detail.submitted_to_item_uuid
        if submission is None or item is None:
            return
        version = next((v for v in detail.versions if v.number == submission.version_number), detail.versions[-1])
        draft = self.page.call(approval_draft, db, version.uuid, item, current_language())
        if draft is None:
            return
        choice = next((c for c in (self.page.call(approval_choices, db) or []) if c.item_uuid == item), None)
        item_text = choice_text(choice, current_language()) if choice else draft.meeting_reference
        language = current_language()

        def submit(values: dict[str, Any]) -> None:
            self.edits.approve(detail.uuid, version.uuid, version.number, draft.meeting_uuid, item, values)

        self._open(ApprovalDialog(draft, detail.summary.title(language), item_text, submit, self.page))

    def ask_reinstate(self) -> None:
        document = self._document()
        if document is None:
            return
        self._open(ReasonDialog(
            _("Reinstate “{title}”").format(title=document[1]),
            _("The document goes back to the status it was withdrawn from; the step is recorded."),
            lambda values: None if self.edits.reinstate(document[0], values["reason"]) else None, self.page))
