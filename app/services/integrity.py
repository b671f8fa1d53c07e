"""The integrity check of a database: what ``chairdesk check`` and Help › Check the database run.

It reads and never writes.  It runs SQLite's own integrity and foreign-key checks and compares the
schema with the newest migration on a read-only connection; then, on a current schema, it verifies the
audit chain (each event hashed and linked to the one before), every stored file against its SHA-256
and size, every approval against the hash of the version and of the bytes it approved, and that the
records of documents, approvals, decisions and minutes are what the audit log last recorded of them —
a row changed with plain SQL, outside Chairdesk, leaves no event and is named.  Each fault names what
it is about: document title, version number, decision number, audit event id.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.models import (
    Approval,
    ApprovalPosition,
    AuditEvent,
    Decision,
    DecisionVote,
    Document,
    DocumentStatusChange,
    DocumentVersion,
    MinutesEntry,
    MinutesVersion,
)
from app.errors import ChairdeskError
from app.i18n import _
from app.persistence.audit import verify_chain
from app.persistence.base import Entity
from app.persistence.database import Database, head_revision, open_database
from app.services.document_numbers import MeetingNumbers
from app.services.document_views import IntegrityFault, IntegrityReport
from app.services.minutes_integrity import minutes_faults

MAX_SQLITE_MESSAGES = 20
AUDIT_TRIGGERS = ("audit_event_no_update", "audit_event_no_delete")
# The records of what was approved and decided, compared with what the audit log last recorded of them.
RECORDED: tuple[type[Entity], ...] = (Document, DocumentVersion, Approval, ApprovalPosition, DocumentStatusChange,
                                      Decision, DecisionVote, MinutesEntry, MinutesVersion)


def check_database(path: Path | str) -> IntegrityReport:
    """Check the database file at ``path``; the report lists every fault found (none: all is well)."""
    file = Path(path).expanduser()
    if not file.is_file():
        raise ChairdeskError(_("No database at {path}.").format(path=file))
    faults, revision, current = _sqlite_checks(file)
    if not current:
        return IntegrityReport(path=str(file), faults=tuple(faults), schema_revision=revision)
    db = open_database(file)  # the schema is current: opening migrates nothing
    try:
        report = check_open_database(db)
    finally:
        db.close()
    return IntegrityReport(path=str(file), faults=tuple(faults) + report.faults, files_checked=report.files_checked,
                           approvals_checked=report.approvals_checked, events_checked=report.events_checked,
                           schema_revision=revision)


def _sqlite_checks(file: Path) -> tuple[list[IntegrityFault], str, bool]:
    faults: list[IntegrityFault] = []
    try:
        con = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ChairdeskError(_("Cannot open the database {path}: {reason}").format(path=file, reason=exc)) from exc
    try:
        lines = [row[0] for row in con.execute("PRAGMA integrity_check")]
        if lines != ["ok"]:
            faults.extend(IntegrityFault("sqlite", _("SQLite integrity check: {problem}").format(problem=line))
                          for line in lines[:MAX_SQLITE_MESSAGES])
        for table, rowid, parent, _index in con.execute("PRAGMA foreign_key_check").fetchall()[:MAX_SQLITE_MESSAGES]:
            faults.append(IntegrityFault("foreign_key", _(
                "Row {row} of {table} refers to a missing row of {parent}.").format(row=rowid, table=table,
                                                                                   parent=parent)))
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = ""
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else ""
        triggers = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    except sqlite3.DatabaseError as exc:
        return [IntegrityFault("sqlite", _("{path} is not a readable SQLite database: {reason}").format(
            path=file, reason=exc))], "", False
    finally:
        con.close()
    head = head_revision()
    if revision != head:
        faults.append(IntegrityFault("migrations", _(
            "The schema is at revision {found}, not at the current revision {head}: open the database in "
            "Chairdesk to upgrade it, then check again.").format(found=revision or "?", head=head)))
        return faults, revision, False
    for name in AUDIT_TRIGGERS:
        if name not in triggers:
            faults.append(IntegrityFault("audit_trigger", _(
                "The safeguard {name} that keeps the audit log append-only has been removed.").format(name=name)))
    return faults, revision, True


def check_open_database(db: Database) -> IntegrityReport:
    """The checks of the data itself, on an open database at the current schema."""
    faults: list[IntegrityFault] = []
    with db.transaction() as session:
        names = _Names(session)
        chain = verify_chain(session)
        events = session.execute(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)).scalar() or 0
        for fault in chain:
            faults.append(_chain_fault(session, fault.event_id, fault.reason))
        files = 0
        for version in _versions(session):
            files += 1
            faults.extend(_file_faults(session, version, names))
        approvals = session.execute(select(Approval).order_by(Approval.id)).scalars().all()
        for approval in approvals:
            faults.extend(_approval_faults(session, approval, names))
        for model in RECORDED:
            faults.extend(_unrecorded_changes(session, model, names))
    faults.extend(minutes_faults(db))  # reads in transactions of its own, after this one
    return IntegrityReport(path=str(db.path), faults=tuple(faults), files_checked=files,
                           approvals_checked=len(approvals), events_checked=events)


class _Names:
    """How a fault names what it is about: "version 2 of “VGT Environmental Scan 2019”", "VGT-2019-10/D1"."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.numbers = MeetingNumbers()

    def title(self, doc: Document) -> str:
        return doc.title_en or doc.title_fr

    def decision(self, approval: Approval) -> str:
        return self.numbers.decision_number(self.session, approval.decision) if approval.decision else ""


def _chain_fault(session: Session, event_id: int, reason: str) -> IntegrityFault:
    event = session.get(AuditEvent, event_id)
    what = f"{event.entity} {event.action} {event.entity_uuid}" if event else "?"
    if reason == "link":
        message = _("Audit event {id} ({what}) is not linked to the event before it: an event was removed, "
                    "inserted or changed.").format(id=event_id, what=what)
    else:
        message = _("Audit event {id} ({what}) no longer matches its hash: it was changed.").format(
            id=event_id, what=what)
    return IntegrityFault(f"audit_{reason}", message, event_id=event_id)


def _versions(session: Session) -> Iterator[DocumentVersion]:
    # One file in memory at a time: the bytes are deferred and expired after each version.
    for version_id in session.execute(select(DocumentVersion.id).order_by(DocumentVersion.id)).scalars():
        version = session.get(DocumentVersion, version_id)
        assert version is not None
        yield version
        session.expire(version, ["content"])


def _file_faults(session: Session, version: DocumentVersion, names: _Names) -> list[IntegrityFault]:
    data = version.content
    digest = hashlib.sha256(data).hexdigest()
    title = names.title(version.document)
    about: dict[str, Any] = {"document_title": title, "version_number": version.number}
    faults = []
    if digest != version.sha256:
        faults.append(IntegrityFault("file_hash", _(
            "Version {number} of “{title}” ({file}): the stored file no longer matches its SHA-256 (recorded "
            "{recorded}, found {found}).").format(number=version.number, title=title, file=version.file_name,
                                                  recorded=version.sha256, found=digest), **about))
    if len(data) != version.size:
        faults.append(IntegrityFault("file_size", _(
            "Version {number} of “{title}”: the stored file is {found} bytes, not the {recorded} recorded.").format(
            number=version.number, title=title, found=len(data), recorded=version.size), **about))
    return faults


def _approval_faults(session: Session, approval: Approval, names: _Names) -> list[IntegrityFault]:
    version = approval.version
    title = names.title(version.document)
    decision = names.decision(approval) or _("(no decision)")
    about: dict[str, Any] = {"document_title": title, "version_number": version.number, "decision_number": decision}
    faults = []
    if approval.sha256 != version.sha256:
        faults.append(IntegrityFault("approval_hash", _(
            "Approval {decision} of version {number} of “{title}”: the approved SHA-256 {approved} is not the "
            "version's {recorded}.").format(decision=decision, number=version.number, title=title,
                                            approved=approval.sha256, recorded=version.sha256), **about))
    digest = hashlib.sha256(version.content).hexdigest()
    session.expire(version, ["content"])
    if digest != approval.sha256:
        faults.append(IntegrityFault("approved_file", _(
            "Approval {decision} of version {number} of “{title}”: the stored file is not the text that was "
            "approved (approved {approved}, stored {found}).").format(
            decision=decision, number=version.number, title=title, approved=approval.sha256, found=digest), **about))
    return faults


def _plain(value: Any) -> Any:
    """A column value as the audit log writes it (see ``app.persistence.audit``)."""
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _same_instant(current: Any, recorded: Any) -> bool:
    """A datetime recorded in its own zone (13:00-04:00) is the same moment read back in UTC (17:00+00:00)."""
    if not isinstance(current, datetime) or not isinstance(recorded, str):
        return False
    try:
        moment = datetime.fromisoformat(recorded)
    except ValueError:
        return False
    return moment.tzinfo is not None and current.tzinfo is not None and moment == current


def _recorded_values(session: Session, entity: str) -> dict[str, dict[str, Any]]:
    """For each row of a table, the values of its columns as the audit log last recorded them."""
    state: dict[str, dict[str, Any]] = {}
    for event in session.execute(select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
                                 ).scalars():
        try:
            changes = json.loads(event.changes or "{}")
        except ValueError:
            continue  # a broken event is the chain check's to report
        if event.action == "insert":
            state[event.entity_uuid] = {k: v for k, v in changes.items() if not isinstance(v, dict)}
        elif event.action == "update":
            known = state.setdefault(event.entity_uuid, {})
            for key, value in changes.items():
                if isinstance(value, list) and len(value) == 2:
                    known[key] = value[1]
        elif event.action == "delete":
            state.pop(event.entity_uuid, None)
    return state


def _unrecorded_changes(session: Session, model: type[Entity], names: _Names) -> list[IntegrityFault]:
    table = str(model.__table__.name)  # type: ignore[attr-defined]
    recorded = _recorded_values(session, table)
    faults = []
    for row in session.execute(select(model).order_by(model.id)).scalars():
        known = recorded.get(row.uuid)
        name = _name_of(row, names)
        if known is None:
            faults.append(IntegrityFault("unaudited_row", _(
                "{what} is not in the audit log: it was added outside Chairdesk.").format(what=name),
                **_about(row, names)))
            continue
        for key, value in known.items():
            if key not in model.__table__.columns:  # type: ignore[attr-defined]
                continue
            current = getattr(row, key)
            if _same_instant(current, value):
                continue
            found = _plain(current)
            if found != value:
                faults.append(IntegrityFault("unaudited_change", _(
                    "{what}: {field} is “{found}” but the audit log last recorded “{recorded}”: it was changed "
                    "outside Chairdesk.").format(what=name, field=key, found=found, recorded=value),
                    **_about(row, names)))
        session.expire(row)
    return faults


def _about(row: Entity, names: _Names) -> dict[str, Any]:
    if isinstance(row, DocumentVersion):
        return {"document_title": names.title(row.document), "version_number": row.number}
    if isinstance(row, Approval):
        return {"document_title": names.title(row.version.document), "version_number": row.version.number,
                "decision_number": names.decision(row)}
    if isinstance(row, Document):
        return {"document_title": names.title(row)}
    return {}


_NAMERS: dict[type[Entity], Callable[[Any, _Names], str]] = {
    Document: lambda row, n: _("Document “{title}”").format(title=n.title(row)),
    DocumentVersion: lambda row, n: _("Version {number} of “{title}”").format(number=row.number,
                                                                            title=n.title(row.document)),
    Approval: lambda row, n: _("Approval {decision} of version {number} of “{title}”").format(
        decision=n.decision(row), number=row.version.number, title=n.title(row.version.document)),
    Decision: lambda row, n: _("Decision {number}").format(number=n.numbers.decision_number(n.session, row)),
}


def _name_of(row: Entity, names: _Names) -> str:
    namer = _NAMERS.get(type(row))
    if namer is not None:
        return namer(row, names)
    return _("{table} row {uuid}").format(table=getattr(row, "__tablename__", "?"), uuid=row.uuid)
