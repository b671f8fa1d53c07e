"""Document use cases: the register of documents and their versions, each file kept with its SHA-256.

A version's bytes are stored once and never changed: there is no service that rewrites them.  A version
may be deleted only while nothing refers to it (no approval, decision, workflow step, comment or
distribution), which is what undoing "add a version" needs.  A version added to an approved document
sends the document back to draft, recorded as a workflow step: the new text needs its own approval.
An English and a French version of the same text are linked to each other as language versions.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.domain.document_workflow import APPROVED_STATUSES, APPROVING_OUTCOMES
from app.domain.enums import Audience, DocumentKind, DocumentStatus, Language, Marking, TranslationStatus
from app.domain.models import (
    Approval,
    DistributionRecord,
    Document,
    DocumentStatusChange,
    DocumentVersion,
    Organisation,
    ReviewComment,
    ReviewRequest,
    agenda_item_document,
)
from app.domain.rules import fold
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.directory import organisation_view
from app.services.document_views import VersionFile, VersionView
from app.services.views import DocumentSummary

DOCUMENT_FIELDS: dict[str, common.FieldRule] = {
    "title_en": common.text(300),
    "title_fr": common.text(300),
    "kind": common.choice(DocumentKind),
    "marking": common.choice(Marking),
    "publication_date": common.optional_date(),
    "publication_audience": common.choice(Audience, optional=True),
    "original_language": common.choice(Language),
    "translation_status": common.choice(TranslationStatus),
}

VERSION_FIELDS: dict[str, common.FieldRule] = {
    "language": common.choice(Language, optional=True),
    "issued_on": common.optional_date(),
    "note": common.long_text(),
    "review_deadline": common.optional_date(),
}

MAX_FILE_BYTES = 512 * 1024 * 1024


def document_summary(doc: Document, language: str = "en") -> DocumentSummary:
    owner = doc.owner_organisation
    latest = doc.versions[-1] if doc.versions else None
    return DocumentSummary(
        uuid=doc.uuid, title_en=doc.title_en, title_fr=doc.title_fr, kind=doc.kind, marking=doc.marking,
        status=doc.status, owner_short=organisation_view(owner).short(language) if owner else "",
        publication_date=doc.publication_date, publication_audience=doc.publication_audience,
        version_count=len(doc.versions), latest_sha256=latest.sha256 if latest else None,
    )


# --- the register ----------------------------------------------------------------------------------------------

def list_documents(
    db: Database, language: str = "en", search: str = "", kind: DocumentKind | None = None,
    status: DocumentStatus | None = None, marking: Marking | None = None,
) -> list[DocumentSummary]:
    """The register, filtered in SQL: ``search`` matches either title, the owner or a file name, without
    accents or case (``evaluation`` finds « Évaluation »)."""
    query = select(Document).options(selectinload(Document.versions), selectinload(Document.owner_organisation))
    if search.strip():
        # Either apostrophe (' or ’) matches the other: LIKE's "_" stands for any one character.
        typed = fold(search.strip()).replace("'", "_").replace("\u2019", "_")
        pattern = f"%{typed}%"
        owners = select(Organisation.id).where(or_(*(func.fold(c).like(pattern) for c in (
            Organisation.name_en, Organisation.name_fr, Organisation.acronym_en, Organisation.acronym_fr))))
        files = select(DocumentVersion.document_id).where(func.fold(DocumentVersion.file_name).like(pattern))
        query = query.where(or_(func.fold(Document.title_en).like(pattern), func.fold(Document.title_fr).like(pattern),
                                Document.owner_organisation_id.in_(owners), Document.id.in_(files)))
    if kind is not None:
        query = query.where(Document.kind == kind)
    if status is not None:
        query = query.where(Document.status == status)
    if marking is not None:
        query = query.where(Document.marking == marking)
    with db.transaction() as session:
        rows = session.execute(query.order_by(Document.id)).scalars().all()
        return [document_summary(row, language) for row in rows]


def _check_document(doc: Document) -> None:
    if not (doc.title_en or doc.title_fr):
        raise DomainError(_("A document needs a title in English or in French."), field="title_en")
    if doc.publication_date is not None and doc.publication_audience is None:
        raise DomainError(_("Say for whom the document will be published."), field="publication_audience")


def _apply(session: Session, doc: Document, values: Mapping[str, Any]) -> None:
    plain = dict(values)
    if "owner_organisation_uuid" in plain:
        owner = plain.pop("owner_organisation_uuid")
        doc.owner_organisation = (
            common.get_by_uuid(session, Organisation, owner, _("organisation")) if owner else None)
    common.apply_changes(doc, plain, DOCUMENT_FIELDS)
    _check_document(doc)


def create_document(db: Database, owner_organisation_uuid: str | None = None, uuid: str | None = None,
                    **values: Any) -> DocumentSummary:
    """A new document, in draft; ``uuid`` when an undone creation is redone."""
    with db.transaction() as session:
        doc = Document(status=DocumentStatus.DRAFT)
        if uuid:
            if session.execute(select(Document.id).where(Document.uuid == uuid)).first() is not None:
                raise DomainError(_("This document is already in the database."))
            doc.uuid = uuid
        _apply(session, doc, {**values, "owner_organisation_uuid": owner_organisation_uuid})
        session.add(doc)
        session.flush()
        return document_summary(doc)


def update_document(db: Database, uuid: str, changes: Mapping[str, Any], language: str = "en") -> DocumentSummary:
    """Title, kind, owner (``owner_organisation_uuid``), marking, planned publication; never the status,
    which only the workflow changes."""
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, uuid, _("document"))
        _apply(session, doc, changes)
        return document_summary(doc, language)


def document_values(db: Database, uuid: str) -> dict[str, Any]:
    """The editable values of a document as they are now, for an undo of their change."""
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, uuid, _("document"))
        values: dict[str, Any] = {name: getattr(doc, name) for name in DOCUMENT_FIELDS}
        values["owner_organisation_uuid"] = doc.owner_organisation.uuid if doc.owner_organisation else None
        return values


def delete_document(db: Database, uuid: str) -> None:
    """Delete a document that holds nothing yet (no version, no workflow step, on no agenda)."""
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, uuid, _("document"))
        used = (
            session.execute(select(DocumentVersion.id).where(DocumentVersion.document_id == doc.id).limit(1)).first()
            or session.execute(select(DocumentStatusChange.id)
                               .where(DocumentStatusChange.document_id == doc.id).limit(1)).first()
            or session.execute(select(agenda_item_document.c.document_id)
                               .where(agenda_item_document.c.document_id == doc.id).limit(1)).first()
        )
        if used:
            raise DomainError(_("This document has versions, workflow steps or agenda items; it cannot be deleted."))
        session.delete(doc)


# --- versions --------------------------------------------------------------------------------------------------

def _approved_by(session: Session, version: DocumentVersion) -> str:
    from app.services.approvals import decision_number_of  # deferred: approvals builds on this module

    for approval in version.approvals:
        if approval.outcome in APPROVING_OUTCOMES:
            return decision_number_of(session, approval.decision) if approval.decision else _("approved")
    return ""


def _is_referenced(session: Session, version: DocumentVersion) -> bool:
    return any(
        session.execute(select(model.id).where(column == version.id).limit(1)).first() is not None
        for model, column in ((Approval, Approval.version_id), (ReviewComment, ReviewComment.version_id),
                              (ReviewRequest, ReviewRequest.version_id),
                              (DistributionRecord, DistributionRecord.version_id))
    )


def version_view(session: Session, version: DocumentVersion) -> VersionView:
    parallel = session.get(DocumentVersion, version.parallel_of_id) if version.parallel_of_id else None
    comments = session.execute(
        select(func.count(ReviewComment.id)).where(ReviewComment.version_id == version.id)).scalar_one()
    steps = session.execute(select(DocumentStatusChange.id).where(DocumentStatusChange.version_id == version.id)
                            ).scalars().all()
    own = _automatic_step(session, version) if steps else None
    only_own_step = not steps or (len(steps) == 1 and own is not None)
    return VersionView(
        uuid=version.uuid, document_uuid=version.document.uuid, number=version.number, language=version.language,
        file_name=version.file_name, media_type=version.media_type, size=version.size, sha256=version.sha256,
        issued_on=version.issued_on, note=version.note, review_deadline=version.review_deadline,
        parallel_uuid=parallel.uuid if parallel else None, parallel_number=parallel.number if parallel else None,
        comment_count=comments, approved_by=_approved_by(session, version),
        deletable=not _is_referenced(session, version) and only_own_step,
    )


def list_versions(db: Database, document_uuid: str) -> list[VersionView]:
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, document_uuid, _("document"))
        return [version_view(session, v) for v in doc.versions]


def store_version(
    db: Database, document_uuid: str, file_name: str, content: bytes, *, media_type: str | None = None,
    language: Language | None = None, issued_on: date | None = None, note: str = "",
    parallel_of_uuid: str | None = None, uuid: str | None = None,
) -> VersionView:
    """Store a file as the next version of a document, byte for byte, with its SHA-256, size and type."""
    name = file_name.strip()
    if not name:
        raise DomainError(_("A version needs a file name."), field="file_name")
    if len(content) > MAX_FILE_BYTES:
        raise DomainError(_("This file is too large to store (more than 512 MiB)."), field="file_name")
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, document_uuid, _("document"))
        if uuid and session.execute(select(DocumentVersion.id).where(DocumentVersion.uuid == uuid)).first():
            raise DomainError(_("This version is already in the database."))
        last = session.execute(
            select(func.max(DocumentVersion.number)).where(DocumentVersion.document_id == doc.id)
        ).scalar()
        # The ids, not only the relationships, so that the audit log records whom a row belonged to.
        version = DocumentVersion(
            document_id=doc.id, document=doc, number=(last or 0) + 1, language=language, file_name=name,
            media_type=media_type or mimetypes.guess_type(name)[0] or "application/octet-stream", size=len(content),
            sha256=hashlib.sha256(content).hexdigest(), content=content, issued_on=issued_on, note=note,
        )
        if uuid:
            version.uuid = uuid
        session.add(version)
        session.flush()
        if parallel_of_uuid:
            _link(session, version, common.get_by_uuid(session, DocumentVersion, parallel_of_uuid, _("version")))
        if doc.status in APPROVED_STATUSES:
            from app.services.approvals import record_step  # deferred: approvals builds on this module

            record_step(session, doc, DocumentStatus.DRAFT, AUTOMATIC_REASON.format(number=version.number),
                        version=version)
        session.flush()
        return version_view(session, version)


# Kept in English in the database like every stored reason; shown translated by the history screen.
AUTOMATIC_REASON = "Version {number} added after approval: a new version needs its own approval."


def _automatic_step(session: Session, version: DocumentVersion) -> DocumentStatusChange | None:
    step = session.execute(
        select(DocumentStatusChange).where(DocumentStatusChange.document_id == version.document_id)
        .order_by(DocumentStatusChange.changed_at.desc(), DocumentStatusChange.id.desc()).limit(1)
    ).scalar_one_or_none()
    if step is not None and step.version_id == version.id and step.reason == AUTOMATIC_REASON.format(
            number=version.number):
        return step
    return None


def add_version(
    db: Database, document_uuid: str, file_name: str, content: bytes, *, media_type: str | None = None,
    language: Language | None = None, issued_on: date | None = None, note: str = "",
) -> DocumentSummary:
    """``store_version`` for callers that want the document's summary back."""
    store_version(db, document_uuid, file_name, content, media_type=media_type, language=language,
                  issued_on=issued_on, note=note)
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, document_uuid, _("document"))
        return document_summary(doc)


def read_version_file(db: Database, version_uuid: str) -> VersionFile:
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        return VersionFile(uuid=version.uuid, file_name=version.file_name, media_type=version.media_type,
                           sha256=version.sha256, content=version.content)


def update_version(db: Database, version_uuid: str, changes: Mapping[str, Any]) -> VersionView:
    """The note, language, issue date and review deadline; never the file (a new file is a new version)."""
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        common.apply_changes(version, changes, VERSION_FIELDS)
        session.flush()
        return version_view(session, version)


def version_values(db: Database, version_uuid: str) -> dict[str, Any]:
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        return {name: getattr(version, name) for name in VERSION_FIELDS}


def _link(session: Session, version: DocumentVersion, other: DocumentVersion | None) -> None:
    if other is not None:
        if other.id == version.id:
            raise DomainError(_("A version cannot be its own language version."), field="parallel_of")
        if other.document_id != version.document_id:
            raise DomainError(_("Language versions must belong to the same document."), field="parallel_of")
        if version.language is not None and other.language == version.language:
            raise DomainError(_("Both versions are in the same language."), field="parallel_of")
    for old in (version.parallel_of_id,):
        if old:
            previous = session.get(DocumentVersion, old)
            if previous is not None and previous.parallel_of_id == version.id:
                previous.parallel_of_id = None
    version.parallel_of_id = other.id if other is not None else None
    if other is not None:
        if other.parallel_of_id and other.parallel_of_id != version.id:
            former = session.get(DocumentVersion, other.parallel_of_id)
            if former is not None and former.parallel_of_id == other.id:
                former.parallel_of_id = None
        other.parallel_of_id = version.id


def set_language_version(db: Database, version_uuid: str, other_uuid: str | None) -> VersionView:
    """Link two versions as the same text in English and in French (both ways), or unlink with None."""
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        other = common.get_by_uuid(session, DocumentVersion, other_uuid, _("version")) if other_uuid else None
        _link(session, version, other)
        session.flush()
        return version_view(session, version)


def delete_version(db: Database, version_uuid: str) -> None:
    """Delete a version nothing refers to (undo of adding it); an approved version is never deleted."""
    with db.transaction() as session:
        version = common.get_by_uuid(session, DocumentVersion, version_uuid, _("version"))
        if any(a.outcome in APPROVING_OUTCOMES for a in version.approvals):
            raise DomainError(_("Version {number} was approved; it is kept for the record.").format(
                number=version.number))
        if _is_referenced(session, version):
            raise DomainError(_("Version {number} has review comments, decisions or a distribution record; it "
                                "cannot be deleted.").format(number=version.number))
        own = _automatic_step(session, version)
        steps = session.execute(select(DocumentStatusChange).where(DocumentStatusChange.version_id == version.id)
                                ).scalars().all()
        if any(step is not own for step in steps):
            raise DomainError(_("Version {number} is named in the workflow history; it cannot be deleted.").format(
                number=version.number))
        if own is not None:  # the automatic step back to draft goes with the version it was for
            version.document.status = own.from_status
            session.delete(own)
        for other in session.execute(select(DocumentVersion).where(DocumentVersion.parallel_of_id == version.id)
                                     ).scalars():
            other.parallel_of_id = None
        session.flush()
        session.delete(version)
