"""The append-only audit trail, written by the session itself so that no service can forget it.

Before every flush, each new, changed and deleted entity becomes one ``AuditEvent`` naming the OS user,
the entity and what changed (old and new values).  Each event carries the SHA-256 of its content and of
the previous event, so that an edited, inserted or deleted row breaks the chain and ``verify_chain``
names it; triggers in the schema refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.models import AuditEvent
from app.persistence.base import Entity, new_uuid, utcnow

_SKIPPED = {"id", "uuid", "created_at", "updated_at"}


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers): record that, never fail an edit
        return "unknown"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest(), "size": len(value)}
    if isinstance(value, Entity):
        return value.uuid
    return value


def event_hash(prev_hash: str, at: datetime, os_user: str, action: str, entity: str, uuid: str, changes: str) -> str:
    payload = json.dumps(
        [prev_hash, at.isoformat(), os_user, action, entity, uuid, changes], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _changes(obj: Any, action: str) -> dict[str, Any]:
    state = inspect(obj)
    result: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIPPED:
            continue
        history = state.attrs[key].history
        if action == "insert":
            if key in state.unloaded:
                continue
            result[key] = _plain(getattr(obj, key))
        elif action == "update" and history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                result[key] = [_plain(old), _plain(new)]
    if action in ("insert", "update"):
        for rel in state.mapper.relationships:
            if rel.secondary is None:
                continue
            history = state.attrs[rel.key].history
            if history.added or history.deleted:
                result[rel.key] = {
                    "added": [_plain(x) for x in history.added],
                    "removed": [_plain(x) for x in history.deleted],
                }
    return result


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    pending: list[tuple[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, Entity):
            if obj.uuid is None:
                obj.uuid = new_uuid()
            pending.append(("insert", obj))
    for obj in session.dirty:
        if isinstance(obj, Entity) and session.is_modified(obj):
            pending.append(("update", obj))
    for obj in session.deleted:
        if isinstance(obj, Entity):
            pending.append(("delete", obj))
    if not pending:
        return
    with session.no_autoflush:
        last = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    prev = last or ""
    user = _os_user()
    at = utcnow()
    for action, obj in pending:
        changes = _changes(obj, action)
        if action == "update" and not changes:
            continue
        text = json.dumps(changes, ensure_ascii=False, sort_keys=True, default=str)
        entity = obj.__tablename__
        digest = event_hash(prev, at, user, action, entity, obj.uuid, text)
        session.add(
            AuditEvent(
                at=at, os_user=user, action=action, entity=entity, entity_uuid=obj.uuid,
                changes=text, prev_hash=prev, hash=digest,
            )
        )
        prev = digest


def install_audit(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)


@dataclass(frozen=True)
class ChainFault:
    event_id: int
    reason: str


def verify_chain(session: Session) -> list[ChainFault]:
    """Every event whose hash or link to the previous event does not hold."""
    faults: list[ChainFault] = []
    prev = ""
    for ev in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        if ev.prev_hash != prev:
            faults.append(ChainFault(ev.id, "link"))
        if event_hash(ev.prev_hash, ev.at, ev.os_user, ev.action, ev.entity, ev.entity_uuid, ev.changes) != ev.hash:
            faults.append(ChainFault(ev.id, "content"))
        prev = ev.hash
    return faults
