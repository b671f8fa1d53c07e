"""Document use cases: the register of documents and their versions, each file kept with its SHA-256."""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.domain.enums import Audience, DocumentKind, DocumentStatus, Language, Marking, TranslationStatus
from app.domain.models import Document, DocumentVersion, Organisation
from app.errors import DomainError
from app.i18n import _
from app.persistence.database import Database
from app.services import common
from app.services.directory import organisation_view
from app.services.views import DocumentSummary

DOCUMENT_FIELDS: dict[str, common.FieldRule] = {
    "title_en": common.text(300),
    "title_fr": common.text(300),
    "kind": common.choice(DocumentKind),
    "marking": common.choice(Marking),
    "status": common.choice(DocumentStatus),
    "publication_date": common.optional_date(),
    "publication_audience": common.choice(Audience, optional=True),
    "original_language": common.choice(Language),
    "translation_status": common.choice(TranslationStatus),
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


def list_documents(db: Database, language: str = "en") -> list[DocumentSummary]:
    with db.transaction() as session:
        rows = session.execute(
            select(Document).options(selectinload(Document.versions), selectinload(Document.owner_organisation))
            .order_by(Document.id)
        ).scalars().all()
        return [document_summary(row, language) for row in rows]


def create_document(db: Database, owner_organisation_uuid: str | None = None, **values: Any) -> DocumentSummary:
    with db.transaction() as session:
        doc = Document()
        common.apply_changes(doc, values, DOCUMENT_FIELDS)
        if not (doc.title_en or doc.title_fr):
            raise DomainError(_("A document needs a title in English or in French."), field="title_en")
        if owner_organisation_uuid:
            doc.owner_organisation = common.get_by_uuid(session, Organisation, owner_organisation_uuid)
        session.add(doc)
        session.flush()
        return document_summary(doc)


def update_document(db: Database, uuid: str, changes: Mapping[str, Any]) -> DocumentSummary:
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, uuid, _("document"))
        common.apply_changes(doc, changes, DOCUMENT_FIELDS)
        if not (doc.title_en or doc.title_fr):
            raise DomainError(_("A document needs a title in English or in French."), field="title_en")
        return document_summary(doc)


def add_version(
    db: Database, document_uuid: str, file_name: str, content: bytes, *, media_type: str | None = None,
    language: Language | None = None, issued_on: date | None = None, note: str = "",
) -> DocumentSummary:
    """Store a file as the next version of a document, byte for byte, with its SHA-256."""
    if not file_name.strip():
        raise DomainError(_("A version needs a file name."), field="file_name")
    if len(content) > MAX_FILE_BYTES:
        raise DomainError(_("This file is too large to store (more than 512 MiB)."))
    with db.transaction() as session:
        doc = common.get_by_uuid(session, Document, document_uuid, _("document"))
        last = session.execute(
            select(func.max(DocumentVersion.number)).where(DocumentVersion.document_id == doc.id)
        ).scalar()
        guessed = mimetypes.guess_type(file_name)[0]
        session.add(DocumentVersion(
            document=doc, number=(last or 0) + 1, language=language, file_name=file_name.strip(),
            media_type=media_type or guessed or "application/octet-stream", size=len(content),
            sha256=hashlib.sha256(content).hexdigest(), content=content, issued_on=issued_on, note=note,
        ))
        session.flush()
        session.refresh(doc, ["versions"])
        return document_summary(doc)
