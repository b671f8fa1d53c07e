"""Every edit the documents screens make, each one a service call put on the window's undo stack.

Creations are undone by deletion and redone with the same UUID; changes by the values they replaced.
An approval is the exception the issue asks for: it is a decision of a meeting, so undoing it does not
erase it but records that the document was withdrawn, and redoing records that it was reinstated.  A
refused value (``DomainError``) reaches the caller, which shows it at the field; nothing is pushed then.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from app.domain.enums import DocumentStatus, Language, label
from app.i18n import _, current_language
from app.interchange.comment_matrix import MatrixImportPlan, apply_comment_import, undo_comment_import
from app.services import approvals, documents, reviews
from app.services.document_views import (
    ApprovalView,
    ReviewCommentView,
    ReviewRequestView,
    StatusChangeView,
    VersionView,
)
from app.services.views import DocumentSummary
from ui.context import AppContext
from ui.undo import perform

DOCUMENT = ("document",)
T = TypeVar("T")


def _new_uuid() -> str:
    return str(uuid_module.uuid4())


class DocumentEdits:
    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self.context = context
        self.parent = parent

    def _perform(self, text: str, do: Callable[[], T], undo: Callable[[], Any], kinds: Sequence[str] = DOCUMENT,
                 uuids: Sequence[str] = ()) -> T:
        return perform(self.context, text, do, undo, kinds, uuids, self.parent)

    @property
    def db(self) -> Any:
        return self.context.require_db()

    # --- the register ---------------------------------------------------------------------------------------------

    def create_document(self, values: Mapping[str, Any]) -> DocumentSummary:
        db, new = self.db, _new_uuid()
        return self._perform(_("New document"), lambda: documents.create_document(db, uuid=new, **values),
                             lambda: documents.delete_document(db, new), uuids=(new,))

    def update_document(self, uuid: str, changes: Mapping[str, Any], title: str) -> DocumentSummary:
        db = self.db
        before = documents.document_values(db, uuid)
        old = {name: before[name] for name in changes}
        return self._perform(_("Edit “{title}”").format(title=title),
                             lambda: documents.update_document(db, uuid, changes, current_language()),
                             lambda: documents.update_document(db, uuid, old), uuids=(uuid,))

    # --- versions -------------------------------------------------------------------------------------------------

    def store_version(self, document_uuid: str, file_name: str, content: bytes, language: Language | None = None,
                      note: str = "", issued_on: date | None = None) -> VersionView:
        db, new = self.db, _new_uuid()
        return self._perform(
            _("Add version {file}").format(file=file_name),
            lambda: documents.store_version(db, document_uuid, file_name, content, language=language, note=note,
                                            issued_on=issued_on, uuid=new),
            lambda: documents.delete_version(db, new), uuids=(document_uuid, new))

    def delete_version(self, version: VersionView) -> None:
        db = self.db
        stored = documents.read_version_file(db, version.uuid)
        self._perform(
            _("Delete version {number}").format(number=version.number),
            lambda: documents.delete_version(db, version.uuid),
            lambda: documents.store_version(db, version.document_uuid, stored.file_name, stored.content,
                                            media_type=stored.media_type, language=version.language,
                                            issued_on=version.issued_on, note=version.note, uuid=version.uuid),
            uuids=(version.document_uuid,))

    def update_version(self, version_uuid: str, changes: Mapping[str, Any]) -> VersionView:
        db = self.db
        before = documents.version_values(db, version_uuid)
        old = {name: before[name] for name in changes}
        return self._perform(_("Edit the version"), lambda: documents.update_version(db, version_uuid, changes),
                             lambda: documents.update_version(db, version_uuid, old), uuids=(version_uuid,))

    def link_language_versions(self, version: VersionView, other: VersionView | None) -> VersionView:
        db = self.db
        previous, other_previous = version.parallel_uuid, other.parallel_uuid if other else None

        def undo() -> None:
            documents.set_language_version(db, version.uuid, previous)
            if other is not None and other_previous and other_previous != version.uuid:
                documents.set_language_version(db, other.uuid, other_previous)

        text = _("Link language versions") if other else _("Unlink language versions")
        return self._perform(text, lambda: documents.set_language_version(db, version.uuid, other.uuid if other else None),
                             undo, uuids=(version.uuid,))

    # --- workflow -------------------------------------------------------------------------------------------------

    def change_status(self, document_uuid: str, to_status: DocumentStatus, reason: str,
                      meeting_uuid: str | None = None, item_uuid: str | None = None) -> StatusChangeView:
        db, new = self.db, _new_uuid()
        return self._perform(
            _("Status: {status}").format(status=_status(to_status)),
            lambda: approvals.change_status(db, document_uuid, to_status, reason, meeting_uuid, item_uuid, uuid=new),
            lambda: approvals.revert_status_change(db, new), kinds=("document", "agenda"), uuids=(document_uuid,))

    def reinstate(self, document_uuid: str, reason: str) -> StatusChangeView:
        db, new = self.db, _new_uuid()
        return self._perform(_("Reinstate the document"),
                             lambda: approvals.reinstate_document(db, document_uuid, reason, uuid=new),
                             lambda: approvals.revert_status_change(db, new), uuids=(document_uuid,))

    def approve(self, document_uuid: str, version_uuid: str, version_number: int, meeting_uuid: str, item_uuid: str,
                values: Mapping[str, Any]) -> ApprovalView:
        """Record the meeting's decision.  Undo withdraws the document (the decision stays); redo reinstates."""
        db = self.db
        made: list[ApprovalView] = []

        def do() -> ApprovalView:
            if not made:
                made.append(approvals.approve_version(db, version_uuid, meeting_uuid, item_uuid, **values))
                return made[0]
            approvals.reinstate_document(db, document_uuid, _(
                "Redone in Chairdesk (Edit › Redo): the withdrawal that undid decision {decision} was taken back."
            ).format(decision=made[0].decision_number))
            return made[0]

        def undo() -> None:
            approvals.withdraw_approval(db, made[0].uuid, _(
                "Undone in Chairdesk (Edit › Undo): decision {decision} stays on the record of {meeting}; the "
                "document is withdrawn.").format(decision=made[0].decision_number, meeting=made[0].meeting_reference))

        return self._perform(_("Record the decision on version {number}").format(number=version_number),
                             do, undo, kinds=("document", "decision", "agenda"), uuids=(document_uuid,))

    # --- partner review -------------------------------------------------------------------------------------------

    def add_comment(self, version_uuid: str, values: Mapping[str, Any]) -> ReviewCommentView:
        db, new = self.db, _new_uuid()
        return self._perform(_("Add a comment"),
                             lambda: reviews.add_comment(db, version_uuid, uuid=new, language=current_language(),
                                                         **values),
                             lambda: reviews.delete_comment(db, new), uuids=(version_uuid,))

    def update_comment(self, comment: ReviewCommentView, changes: Mapping[str, Any]) -> ReviewCommentView:
        db = self.db
        old = {name: value for name, value in reviews.comment_values(comment).items() if name in changes}
        return self._perform(_("Edit comment {number}").format(number=comment.position + 1),
                             lambda: reviews.update_comment(db, comment.uuid, changes, current_language()),
                             lambda: reviews.update_comment(db, comment.uuid, old), uuids=(comment.version_uuid,))

    def delete_comment(self, comment: ReviewCommentView) -> None:
        db = self.db
        self._perform(_("Delete comment {number}").format(number=comment.position + 1),
                      lambda: reviews.delete_comment(db, comment.uuid),
                      lambda: reviews.restore_comment(db, comment), uuids=(comment.version_uuid,))

    def request_review(self, version_uuid: str, organisation_uuids: Sequence[str], sent_on: date | None) -> None:
        db = self.db
        asked: list[str] = []

        def do() -> None:
            created = reviews.request_review(db, version_uuid, organisation_uuids, sent_on, current_language())
            asked[:] = [r.organisation_uuid for r in created]

        self._perform(_("Ask for review"), do, lambda: reviews.remove_requests(db, version_uuid, asked),
                      uuids=(version_uuid,))

    def update_request(self, request: ReviewRequestView, changes: Mapping[str, Any]) -> None:
        db = self.db
        old = {"sent_on": request.sent_on, "answered_on": request.answered_on, "no_comments": request.no_comments}
        old = {name: value for name, value in old.items() if name in changes}
        self._perform(_("Record the answer of {organisation}").format(organisation=request.organisation_short),
                      lambda: reviews.update_request(db, request.uuid, changes),
                      lambda: reviews.update_request(db, request.uuid, old), uuids=(request.version_uuid,))

    def import_matrix(self, plan: MatrixImportPlan) -> None:
        db = self.db
        self._perform(_("Import the comment matrix {file}").format(file=plan.file_name),
                      lambda: apply_comment_import(db, plan), lambda: undo_comment_import(db, plan),
                      uuids=(plan.version_uuid,))


def _status(status: DocumentStatus) -> str:
    return label(status)
