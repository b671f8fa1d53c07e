"""Exporting meetings (or the whole archive) to a ``.chairdesk`` file.

A package is self-contained: with the chosen meetings come their minutes versions, circulations and
votes, every organisation, person and document they reference (documents approved at them, or whose
workflow names them, included), and with each document all its versions, comments, review requests,
approvals and status changes.  What would point outside the package is left out rather than cut: an
approval given at a meeting that is not exported, and a progress note recorded at such a meeting, stay
in this database only (an import never deletes them, so carrying a meeting away and back loses nothing).

The exception is the soft links of ``mapping.SOFT_REFERENCES``: an item carried from an earlier
meeting's item or referring to an earlier meeting, a decision approving the minutes of an earlier meeting,
minutes approved by a later meeting's decision, a status change naming the meeting (and item) where it
happened.  The earlier meeting is not pulled in to keep a one-meeting package small; the link travels as
its target's UUID, which the importer resolves if it can.

package.json is deterministic: the same data gives the same text, byte for byte; manifest.json says who
wrote the file and when.  Before anything is written the document goes through the reader's own checks,
so an export never makes a package that an import would refuse.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, cast

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session, selectinload

from app import __version__
from app.domain.models import (
    ActionItem,
    AgendaItem,
    Approval,
    Circulation,
    Decision,
    Document,
    DocumentStatusChange,
    DocumentVersion,
    Meeting,
    MinutesVersion,
    Organisation,
    Person,
    ReviewRequest,
    agenda_item_document,
    agenda_item_presenter,
)
from app.errors import DomainError, NotFoundError, PackageError
from app.i18n import _
from app.interchange.mapping import fields, to_json
from app.interchange.reading import check_document
from app.interchange.schema import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_MEMBER,
    PACKAGE_MEMBER,
    file_member,
    first_violation,
)
from app.persistence.base import Entity
from app.persistence.database import Database

_CHUNK = 500  # ids per IN (...) query, well under SQLite's limit on bound parameters


@dataclass(frozen=True)
class ExportSummary:
    """What went into a package file."""

    path: Path
    meetings: tuple[str, ...]
    organisations: int
    people: int
    documents: int
    versions: int
    files: int
    file_bytes: int
    left_out_approvals: int
    left_out_updates: int


@dataclass
class _Content:
    meetings: list[Meeting]
    documents: list[Document]
    people: list[Person]
    organisations: list[Organisation]
    links: dict[Table, dict[int, list[tuple[int, int]]]]  # table -> item id -> [(position, target id)]
    uuid_of: dict[type[Entity], dict[int, str]]
    minutes_versions: dict[int, list[MinutesVersion]]  # meeting id -> its minutes versions
    circulations: dict[int, list[Circulation]]  # meeting id -> its circulations
    review_requests: dict[int, list[ReviewRequest]]  # version id -> the requests to review it
    status_changes: dict[int, list[DocumentStatusChange]]  # document id -> its workflow steps
    outside: dict[type[Entity], dict[int, str]]  # UUIDs of soft-link targets that are not in the package
    left_out_approvals: int = 0
    left_out_updates: int = 0


def _chunked(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _load(session: Session, model: type[Any], ids: Iterable[int] | None, *options: Any) -> list[Any]:
    """Rows of ``model`` by id (all of them for None), chunked, with their collections selectin-loaded."""
    if ids is None:
        return list(session.scalars(select(model).options(*options)))
    rows: list[Any] = []
    for chunk in _chunked(ids):
        rows.extend(session.scalars(select(model).where(model.id.in_(chunk)).options(*options)))
    return rows


def _children(session: Session, model: type[Any], parent: Any, ids: Iterable[int] | None, *options: Any) -> dict[int, list[Any]]:
    """Rows of ``model`` whose ``parent`` column is one of ``ids`` (any, for None), by parent id."""
    rows: list[Any] = []
    if ids is None:
        rows.extend(session.scalars(select(model).options(*options)))
    else:
        for chunk in _chunked(ids):
            rows.extend(session.scalars(select(model).where(parent.in_(chunk)).options(*options)))
    result: dict[int, list[Any]] = {}
    for row in rows:
        result.setdefault(getattr(row, parent.key), []).append(row)
    return result


def _meeting_ids(session: Session, keys: Sequence[str]) -> list[int]:
    wanted = list(dict.fromkeys(key.strip() for key in keys))
    if not wanted:
        raise DomainError(_("Choose at least one meeting to export."))
    found = session.execute(
        select(Meeting.id, Meeting.reference, Meeting.uuid).where(
            or_(Meeting.reference.in_(wanted), Meeting.uuid.in_(wanted))
        )
    ).all()
    known = {row.reference: row.id for row in found} | {row.uuid: row.id for row in found}
    for key in wanted:
        if key not in known:
            raise NotFoundError(_("There is no meeting {reference} in this database.").format(reference=key))
    return [known[key] for key in wanted]


def _collect(session: Session, keys: Sequence[str] | None) -> _Content:
    everything = keys is None
    meeting_ids = None if keys is None else _meeting_ids(session, keys)
    meetings: list[Meeting] = _load(
        session,
        Meeting,
        meeting_ids,
        selectinload(Meeting.agenda_items).selectinload(AgendaItem.minutes),
        selectinload(Meeting.participations),
        selectinload(Meeting.decisions).selectinload(Decision.votes),
        selectinload(Meeting.actions).selectinload(ActionItem.owners),
        selectinload(Meeting.actions).selectinload(ActionItem.updates),
    )
    m_ids = {m.id for m in meetings}
    items = [item for m in meetings for item in m.agenda_items]
    decisions = [d for m in meetings for d in m.decisions]
    d_ids = {d.id for d in decisions}
    links = {table: _links(session, table, [i.id for i in items]) for table in (agenda_item_presenter, agenda_item_document)}
    scope = None if everything else m_ids
    minutes_versions = _children(session, MinutesVersion, MinutesVersion.meeting_id, scope)
    circulations = _children(
        session, Circulation, Circulation.meeting_id, scope, selectinload(Circulation.recipients)
    )

    doc_ids: set[int] | None = None
    if not everything:
        doc_ids = {target for by_item in links[agenda_item_document].values() for _pos, target in by_item}
        for chunk in _chunked(m_ids):
            doc_ids.update(_approved_documents(session, Approval.meeting_id.in_(chunk)))
            doc_ids.update(_changed_documents(session, DocumentStatusChange.meeting_id.in_(chunk)))
        for chunk in _chunked(d_ids):
            doc_ids.update(_approved_documents(session, Approval.decision_id.in_(chunk)))
        for chunk in _chunked(i.id for i in items):
            doc_ids.update(_changed_documents(session, DocumentStatusChange.agenda_item_id.in_(chunk)))
    documents: list[Document] = _load(
        session,
        Document,
        doc_ids,
        selectinload(Document.versions).selectinload(DocumentVersion.comments),
        selectinload(Document.versions).selectinload(DocumentVersion.approvals).selectinload(Approval.positions),
    )
    version_ids = [v.id for d in documents for v in d.versions]
    review_requests = _children(
        session, ReviewRequest, ReviewRequest.version_id, None if everything else version_ids
    )
    status_changes = _children(
        session, DocumentStatusChange, DocumentStatusChange.document_id, None if everything else [d.id for d in documents]
    )

    person_ids: set[int] = set()
    org_ids: set[int] = set()
    for m in meetings:
        person_ids.update(x for x in (m.chair_id, m.secretary_id) if x is not None)
        org_ids.update(x for x in (m.host_organisation_id,) if x is not None)
        person_ids.update(p.person_id for p in m.participations)
        org_ids.update(p.organisation_id for p in m.participations if p.organisation_id is not None)
        for action in m.actions:
            person_ids.update(o.person_id for o in action.owners if o.person_id is not None)
            org_ids.update(o.organisation_id for o in action.owners if o.organisation_id is not None)
        for decision in m.decisions:
            org_ids.update(v.organisation_id for v in decision.votes)
        for circulation in circulations.get(m.id, []):
            person_ids.update(r.person_id for r in circulation.recipients)
    person_ids.update(target for by_item in links[agenda_item_presenter].values() for _pos, target in by_item)
    for doc in documents:
        org_ids.update(x for x in (doc.owner_organisation_id,) if x is not None)
        for version in doc.versions:
            person_ids.update(c.reviewer_id for c in version.comments if c.reviewer_id is not None)
            org_ids.update(c.organisation_id for c in version.comments if c.organisation_id is not None)
            for request in review_requests.get(version.id, []):
                org_ids.add(request.organisation_id)
                person_ids.update(x for x in (request.person_id,) if x is not None)
            for approval in version.approvals:
                if _kept(approval, m_ids, d_ids):
                    org_ids.update(p.organisation_id for p in approval.positions)
    people: list[Person] = _load(session, Person, None if everything else person_ids)
    org_ids.update(p.organisation_id for p in people if p.organisation_id is not None)
    organisations: list[Organisation] = _load(session, Organisation, None if everything else org_ids)

    uuid_of: dict[type[Entity], dict[int, str]] = {
        Meeting: {m.id: m.uuid for m in meetings},
        AgendaItem: {i.id: i.uuid for i in items},
        Decision: {d.id: d.uuid for d in decisions},
        MinutesVersion: {v.id: v.uuid for versions in minutes_versions.values() for v in versions},
        Document: {d.id: d.uuid for d in documents},
        DocumentVersion: {v.id: v.uuid for d in documents for v in d.versions},
        Person: {p.id: p.uuid for p in people},
        Organisation: {o.id: o.uuid for o in organisations},
    }
    soft_rows: list[Entity] = [
        *items,
        *decisions,
        *(v for versions in minutes_versions.values() for v in versions),
        *(c for changes in status_changes.values() for c in changes),
    ]
    outside = _outside_uuids(session, soft_rows, uuid_of)
    return _Content(
        meetings, documents, people, organisations, links, uuid_of,
        minutes_versions, circulations, review_requests, status_changes, outside,
    )


def _outside_uuids(
    session: Session, rows: Iterable[Entity], uuid_of: Mapping[type[Entity], Mapping[int, str]]
) -> dict[type[Entity], dict[int, str]]:
    """The UUIDs of the targets of soft links that are not in the package, read by id."""
    wanted: dict[type[Entity], set[int]] = {}
    for row in rows:
        for spec in fields(type(row)):
            value = getattr(row, spec.column)
            if spec.soft and spec.target is not None and value is not None and value not in uuid_of.get(spec.target, {}):
                wanted.setdefault(spec.target, set()).add(value)
    result: dict[type[Entity], dict[int, str]] = {}
    for model, ids in wanted.items():
        column = cast(Any, model)
        for chunk in _chunked(ids):
            for key, uuid in session.execute(select(column.id, column.uuid).where(column.id.in_(chunk))):
                result.setdefault(model, {})[key] = uuid
    return result


def _kept(approval: Approval, meeting_ids: set[int], decision_ids: set[int]) -> bool:
    """Whether an approval travels: not if it was given at a meeting (or by a decision) left behind."""
    return (approval.meeting_id is None or approval.meeting_id in meeting_ids) and (
        approval.decision_id is None or approval.decision_id in decision_ids
    )


def _approved_documents(session: Session, condition: Any) -> set[int]:
    query = select(DocumentVersion.document_id).join(Approval, Approval.version_id == DocumentVersion.id)
    return set(session.scalars(query.where(condition)))


def _changed_documents(session: Session, condition: Any) -> set[int]:
    return set(session.scalars(select(DocumentStatusChange.document_id).where(condition)))


def _links(session: Session, table: Table, item_ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    target = table.c.person_id if table is agenda_item_presenter else table.c.document_id
    result: dict[int, list[tuple[int, int]]] = {}
    for chunk in _chunked(item_ids):
        query = select(table.c.agenda_item_id, table.c.position, target).where(table.c.agenda_item_id.in_(chunk))
        for item_id, position, target_id in session.execute(query):
            result.setdefault(item_id, []).append((position, target_id))
    return result


class _Outside(Exception):
    """A reference to a row that is not in the package."""


def _plain(
    obj: Entity,
    uuid_of: Mapping[type[Entity], Mapping[int, str]],
    outside: Mapping[type[Entity], Mapping[int, str]] | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in fields(type(obj)):
        value = getattr(obj, spec.column)
        if spec.kind == "ref":
            if value is None:
                out[spec.key] = None
            elif spec.target is not None and value in uuid_of.get(spec.target, {}):
                out[spec.key] = uuid_of[spec.target][value]
            elif spec.soft and spec.target is not None and outside is not None and value in outside.get(spec.target, {}):
                out[spec.key] = outside[spec.target][value]
            else:
                raise _Outside(obj)
        else:
            out[spec.key] = to_json(spec, value)
    return out


def _by(key: Callable[[Any], Any], rows: Iterable[Any]) -> list[Any]:
    return sorted(rows, key=lambda row: (key(row), row.uuid))


def _agenda_in_order(items: list[AgendaItem]) -> list[AgendaItem]:
    """Depth first, siblings by position: the order they are read in, parents before children."""
    children: dict[int | None, list[AgendaItem]] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    ordered: list[AgendaItem] = []

    def visit(parent: int | None) -> None:
        for child in _by(lambda i: i.position, children.get(parent, [])):
            ordered.append(child)
            visit(child.id)

    visit(None)
    if len(ordered) != len(items):  # a parent in another meeting, or a loop: the data is broken here
        raise _Outside(next(item for item in items if item not in ordered))
    return ordered


def _document(content: _Content) -> dict[str, Any]:
    uuid_of, outside = content.uuid_of, content.outside
    m_ids, d_ids = set(uuid_of[Meeting]), set(uuid_of[Decision])

    def linked(table: Table, item: AgendaItem, target: type[Entity]) -> list[str]:
        pairs = [(position, uuid_of[target][tid]) for position, tid in content.links[table].get(item.id, [])]
        return [uuid for _position, uuid in sorted(pairs)]

    def item_dict(item: AgendaItem) -> dict[str, Any]:
        return _plain(item, uuid_of, outside) | {
            "presenters": linked(agenda_item_presenter, item, Person),
            "documents": linked(agenda_item_document, item, Document),
            "minutes": None if item.minutes is None else _plain(item.minutes, uuid_of),
        }

    def action_dict(action: ActionItem) -> dict[str, Any]:
        updates = [u for u in action.updates if u.meeting_id is None or u.meeting_id in m_ids]
        content.left_out_updates += len(action.updates) - len(updates)
        return _plain(action, uuid_of) | {
            "owners": [_plain(o, uuid_of) for o in _by(lambda o: o.position, action.owners)],
            "updates": [_plain(u, uuid_of) for u in _by(lambda u: u.recorded_at, updates)],
        }

    def version_dict(version: DocumentVersion) -> dict[str, Any]:
        approvals = [a for a in version.approvals if _kept(a, m_ids, d_ids)]
        content.left_out_approvals += len(version.approvals) - len(approvals)
        return _plain(version, uuid_of) | {
            "file": file_member(version.sha256),
            "comments": [_plain(c, uuid_of) for c in _by(lambda c: c.position, version.comments)],
            "review_requests": [_plain(r, uuid_of) for r in _by(lambda r: 0, content.review_requests.get(version.id, []))],
            "approvals": [
                _plain(a, uuid_of) | {"positions": [_plain(p, uuid_of) for p in _by(lambda p: 0, a.positions)]}
                for a in _by(lambda a: a.decided_on, approvals)
            ],
        }

    def decision_dict(decision: Decision) -> dict[str, Any]:
        return _plain(decision, uuid_of, outside) | {
            "votes": [_plain(v, uuid_of) for v in _by(lambda v: 0, decision.votes)],
        }

    def circulation_dict(circulation: Circulation) -> dict[str, Any]:
        return _plain(circulation, uuid_of) | {
            "recipients": [_plain(r, uuid_of) for r in _by(lambda r: 0, circulation.recipients)],
        }

    def meeting_dict(m: Meeting) -> dict[str, Any]:
        return _plain(m, uuid_of) | {
            "agenda_items": [item_dict(i) for i in _agenda_in_order(m.agenda_items)],
            "participations": [_plain(p, uuid_of) for p in _by(lambda p: 0, m.participations)],
            "decisions": [decision_dict(d) for d in _by(lambda d: d.position, m.decisions)],
            "actions": [action_dict(a) for a in _by(lambda a: a.position, m.actions)],
            "minutes_versions": [
                _plain(v, uuid_of, outside) for v in _by(lambda v: v.number, content.minutes_versions.get(m.id, []))
            ],
            "circulations": [
                circulation_dict(c) for c in _by(lambda c: c.sent_on, content.circulations.get(m.id, []))
            ],
        }

    def document_dict(doc: Document) -> dict[str, Any]:
        return _plain(doc, uuid_of) | {
            "versions": [version_dict(v) for v in _by(lambda v: v.number, doc.versions)],
            "status_changes": [
                _plain(c, uuid_of, outside)
                for c in _by(lambda c: c.changed_at, content.status_changes.get(doc.id, []))
            ],
        }

    try:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "organisations": [_plain(o, uuid_of) for o in _by(lambda o: 0, content.organisations)],
            "people": [_plain(p, uuid_of) for p in _by(lambda p: 0, content.people)],
            "documents": [document_dict(d) for d in _by(lambda d: 0, content.documents)],
            "meetings": [meeting_dict(m) for m in _by(lambda m: 0, content.meetings)],
        }
    except _Outside as exc:
        row = exc.args[0]
        raise PackageError(
            _("The package cannot be made: {kind} {uuid} refers to something outside the chosen meetings.").format(
                kind=row.__tablename__, uuid=row.uuid
            )
        ) from None


def dumps(document: Mapping[str, Any]) -> str:
    """The canonical text of a package document."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _checked(document: dict[str, Any]) -> dict[str, Any]:
    """The document, refused if this database holds something the format does not allow.

    The schema first, then the reader's own checks (values, references, uniqueness within the package):
    what an import would refuse is not written.
    """
    violation = first_violation(document)
    if violation is not None:
        raise PackageError(
            _("The package cannot be made: the data at {path} does not fit the package format ({reason}).").format(
                path=violation[0], reason=violation[1]
            )
        )
    try:
        check_document(document, PACKAGE_MEMBER)
    except PackageError as exc:
        raise PackageError(_("The package cannot be made: {reason}").format(reason=exc)) from exc
    return document


def package_json(db: Database, meetings: Sequence[str] | None) -> str:
    """The package.json text for these meetings (references or UUIDs), or for everything if None."""
    with db.transaction() as session:
        return dumps(_checked(_document(_collect(session, meetings))))


def export_package(db: Database, meetings: Sequence[str], out: Path) -> ExportSummary:
    """Write the meetings (by reference or UUID) and all they reference to ``out``, atomically."""
    return _export(db, list(meetings), Path(out))


def export_all(db: Database, out: Path) -> ExportSummary:
    """Write every meeting, document, organisation and person to ``out``: the archive hand-off."""
    return _export(db, None, Path(out))


def _export(db: Database, keys: Sequence[str] | None, out: Path) -> ExportSummary:
    with db.transaction() as session:
        content = _collect(session, keys)
        document = _checked(_document(content))
        text = dumps(document).encode("utf-8")
        versions = [v for d in content.documents for v in d.versions]
        first_of: dict[str, int] = {}
        for version in versions:
            first_of.setdefault(version.sha256, version.id)
        sizes: dict[str, int] = {}

        def write(handle: BinaryIO) -> None:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
                archive.writestr(PACKAGE_MEMBER, text)
                for sha256, version_id in sorted(first_of.items()):
                    data = session.scalar(select(DocumentVersion.content).where(DocumentVersion.id == version_id))
                    if data is None or hashlib.sha256(data).hexdigest() != sha256:
                        raise PackageError(
                            _("The package cannot be made: the stored file {sha256} is missing or damaged.").format(
                                sha256=sha256
                            )
                        )
                    archive.writestr(file_member(sha256), data)
                    sizes[sha256] = len(data)
                manifest = {
                    "app": "Chairdesk",
                    "app_version": __version__,
                    "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "package_json": {"size": len(text), "sha256": hashlib.sha256(text).hexdigest()},
                    "files": [
                        {"path": file_member(sha), "size": size, "sha256": sha} for sha, size in sorted(sizes.items())
                    ],
                }
                archive.writestr(MANIFEST_MEMBER, dumps(manifest).encode("utf-8"))

        _atomic_write(out, write)
    return ExportSummary(
        path=out,
        meetings=tuple(m["reference"] for m in document["meetings"]),
        organisations=len(content.organisations),
        people=len(content.people),
        documents=len(content.documents),
        versions=len(versions),
        files=len(sizes),
        file_bytes=sum(sizes.values()),
        left_out_approvals=content.left_out_approvals,
        left_out_updates=content.left_out_updates,
    )


def _atomic_write(out: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write through a temporary file in the same folder, then rename: a reader never sees half a file."""
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise PackageError(
            _("Cannot write {file}: {reason}").format(file=out, reason=exc.strerror or exc)
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except OSError as exc:
        with suppress(OSError):
            os.unlink(temporary)
        raise PackageError(_("Cannot write {file}: {reason}").format(file=out, reason=exc.strerror or exc)) from exc
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
