"""Partner review of a document version: the comment matrix and who was asked to comment by when.

Each comment is a row of the matrix intergovernmental secretariats keep: organisation, reviewer,
section or page, comment, proposed change, the secretariat's disposition (accepted, partly accepted,
not accepted, noted) and response.  A review request records that an organisation was asked; it has
answered when it sent comments, said it had none, or the secretariat recorded the date of its answer.
Deleting a comment hands back its view so that undo can put it back with the same UUID and place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.enums import Disposition
from app.domain.models import DocumentVersion, Organisation, Person, ReviewComment, ReviewRequest
from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.directory import organisation_view
from app.services.document_views import ReviewCommentView, ReviewRequestView, ReviewState

COMMENT_FIELDS: dict[str, common.FieldRule] = {
    "reviewer_name": common.text(200),
    "section": common.text(200),
    "comment": common.long_text(),
    "proposed_change": common.long_text(),
    "disposition": common.choice(Disposition, optional=True),
    "response": common.long_text(),
    "received_on": common.optional_date(),
}

REQUEST_FIELDS: dict[str, common.FieldRule] = {
    "sent_on": common.optional_date(),
    "answered_on": common.optional_date(),
    "no_comments": common.FieldRule(bool),
}


def _person_name(person: Person | None) -> str:
    return " ".join(p for p in (person.given_name, person.family_name) if p) if person else ""


def comment_view(comment: ReviewComment, language: str = "en") -> ReviewCommentView:
    org = comment.organisation
    return ReviewCommentView(
        uuid=comment.uuid, version_uuid=comment.version.uuid, position=comment.position,
        organisation_uuid=org.uuid if org else None, organisation_short=organisation_view(org).short(language) if org else "",
        reviewer_uuid=comment.reviewer.uuid if comment.reviewer else None,
        reviewer_name=comment.reviewer_name or _person_name(comment.reviewer), section=comment.section,
        comment=comment.comment, proposed_change=comment.proposed_change, disposition=comment.disposition,
        response=comment.response, received_on=comment.received_on,
    )


def _request_view(session: Session, request: ReviewRequest, language: str) -> ReviewRequestView:
    count = session.execute(select(func.count(ReviewComment.id)).where(
        ReviewComment.version_id == request.version_id,
        ReviewComment.organisation_id == request.organisation_id)).scalar_one()
    version = session.get(DocumentVersion, request.version_id)
    assert version is not None
    return ReviewRequestView(
        uuid=request.uuid, version_uuid=version.uuid, organisation_uuid=request.organisation.uuid,
        organisation_short=organisation_view(request.organisation).short(language),
        person_uuid=request.person.uuid if request.person else None, person_name=_person_name(request.person),
        sent_on=request.sent_on, answered_on=request.answered_on, no_comments=request.no_comments,
        comment_count=count,
    )


def review_state(db: Database, version_uuid: str, language: str = "en") -> ReviewState:
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        requests = session.execute(select(ReviewRequest).where(ReviewRequest.version_id == version.id)
                                   .order_by(ReviewRequest.id)).scalars().all()
        views = sorted((_request_view(session, r, language) for r in requests),
                       key=lambda r: fold(r.organisation_short))
        return ReviewState(
            version_uuid=version.uuid, version_number=version.number, review_deadline=version.review_deadline,
            requests=tuple(views), comments=tuple(comment_view(c, language) for c in version.comments),
        )


# --- comments ------------------------------------------------------------------------------------------------------

def apply_comment_values(session: Session, comment: ReviewComment, values: Mapping[str, Any]) -> None:
    """Set a comment's values in the caller's transaction (also used by the matrix import) and check it."""
    plain = dict(values)
    if "organisation_uuid" in plain:
        uuid = plain.pop("organisation_uuid")
        comment.organisation = common.get_by_uuid(session, Organisation, uuid, _("organisation")) if uuid else None
    if "reviewer_uuid" in plain:
        uuid = plain.pop("reviewer_uuid")
        comment.reviewer = common.get_by_uuid(session, Person, uuid, _("person")) if uuid else None
    common.apply_changes(comment, plain, COMMENT_FIELDS)
    if comment.organisation is None:
        raise DomainError(_("Say which organisation made the comment."), field="organisation")
    if not (comment.comment.strip() or comment.proposed_change.strip()):
        raise DomainError(_("A comment needs its text or a proposed change."), field="comment")


def add_comment(db: Database, version_uuid: str, *, uuid: str | None = None, position: int | None = None,
                language: str = "en", **values: Any) -> ReviewCommentView:
    """A new row of the matrix, at the end (or at ``position`` when undo puts a deleted row back)."""
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        comment = new_comment(session, version, uuid, position)
        apply_comment_values(session, comment, values)
        session.flush()
        return comment_view(comment, language)


def new_comment(session: Session, version: DocumentVersion, uuid: str | None, position: int | None) -> ReviewComment:
    """An empty comment of ``version`` in the caller's transaction (also used by the matrix import)."""
    if position is None:
        last = session.execute(select(func.max(ReviewComment.position))
                               .where(ReviewComment.version_id == version.id)).scalar()
        position = (last if last is not None else -1) + 1
    if uuid and session.execute(select(ReviewComment.id).where(ReviewComment.uuid == uuid)).first() is not None:
        raise DomainError(_("This comment is already in the matrix."))
    comment = ReviewComment(version_id=version.id, version=version, position=position)
    if uuid:
        comment.uuid = uuid
    session.add(comment)
    return comment


def update_comment(db: Database, uuid: str, changes: Mapping[str, Any], language: str = "en") -> ReviewCommentView:
    with db.transaction() as session:
        comment = common.get_by_uuid(session, ReviewComment, uuid, _("comment"))
        apply_comment_values(session, comment, changes)
        session.flush()
        return comment_view(comment, language)


def comment_values(view: ReviewCommentView) -> dict[str, Any]:
    """The values of a comment as ``add_comment`` / ``update_comment`` take them."""
    values = asdict(view)
    return {key: values[key] for key in ("organisation_uuid", "reviewer_uuid", *COMMENT_FIELDS)}


def get_comment(db: Database, uuid: str, language: str = "en") -> ReviewCommentView:
    with db.transaction() as session:
        return comment_view(common.get_by_uuid(session, ReviewComment, uuid, _("comment")), language)


def delete_comment(db: Database, uuid: str, language: str = "en") -> ReviewCommentView:
    """Remove a row of the matrix; returns what it held, for undo."""
    with db.transaction() as session:
        comment = common.get_by_uuid(session, ReviewComment, uuid, _("comment"))
        view = comment_view(comment, language)
        session.delete(comment)
        return view


def restore_comment(db: Database, view: ReviewCommentView) -> ReviewCommentView:
    return add_comment(db, view.version_uuid, uuid=view.uuid, position=view.position, **comment_values(view))


# --- review requests and deadline ----------------------------------------------------------------------------------

def request_review(db: Database, version_uuid: str, organisation_uuids: Sequence[str], sent_on: date | None = None,
                   language: str = "en") -> list[ReviewRequestView]:
    """Record that organisations were asked to review; those already asked are left as they are."""
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        asked = set(session.execute(select(ReviewRequest.organisation_id)
                                    .where(ReviewRequest.version_id == version.id)).scalars())
        created = []
        for uuid in dict.fromkeys(organisation_uuids):
            org = common.get_by_uuid(session, Organisation, uuid, _("organisation"))
            if org.id in asked:
                continue
            request = ReviewRequest(version_id=version.id, organisation=org, sent_on=sent_on)
            session.add(request)
            created.append(request)
        session.flush()
        return [_request_view(session, r, language) for r in created]


def update_request(db: Database, uuid: str, changes: Mapping[str, Any], language: str = "en") -> ReviewRequestView:
    with db.transaction() as session:
        request = common.get_by_uuid(session, ReviewRequest, uuid, _("review request"))
        common.apply_changes(request, changes, REQUEST_FIELDS)
        session.flush()
        return _request_view(session, request, language)


def remove_requests(db: Database, version_uuid: str, organisation_uuids: Sequence[str]) -> None:
    """Undo of ``request_review``: forget that these organisations were asked."""
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        for uuid in organisation_uuids:
            org = common.get_by_uuid(session, Organisation, uuid, _("organisation"))
            request = session.execute(select(ReviewRequest).where(
                ReviewRequest.version_id == version.id, ReviewRequest.organisation_id == org.id)).scalar_one_or_none()
            if request is not None:
                session.delete(request)
