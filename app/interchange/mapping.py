"""How each mapped entity becomes a JSON object in a meeting package and back, column by column.

The fields are read from the mapped tables themselves, so a column added to a model is exported and
imported without touching this module (and a test checks the published schema knows it).  Integer keys
never leave the database: a foreign key ``organisation_id`` travels as ``"organisation": <uuid>``; the
key of the parent an entity is nested in (``meeting_id`` of an agenda item, ``version_id`` of a review
comment...) is implied by the nesting and not written.

A few references are *soft links* (``SOFT_REFERENCES``): nullable links to an earlier meeting, its items,
decisions or minutes, which a one-meeting package does not carry.  They travel as the target's UUID even
when the target is not in the package; the importer resolves them against the package, then against its
own database (see ``importer.py`` for what happens when neither has the target).  Every other reference
must name an entity of the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Literal, cast

from sqlalchemy import Boolean, Date, Integer, String
from sqlalchemy import inspect as sa_inspect

from app.domain.models import (
    ActionItem,
    ActionOwner,
    ActionUpdate,
    AgendaItem,
    Approval,
    ApprovalPosition,
    Circulation,
    CirculationRecipient,
    Decision,
    DecisionVote,
    Document,
    DocumentStatusChange,
    DocumentVersion,
    Meeting,
    MinutesEntry,
    MinutesVersion,
    Organisation,
    Participation,
    Person,
    ReviewComment,
    ReviewRequest,
)
from app.persistence.base import Entity, EnumText, UTCDateTime

FieldKind = Literal["text", "int", "bool", "enum", "datetime", "date", "ref"]

# Every entity a package carries, in an order where each one's references to other kinds come before it
# (links within one kind, such as a version's parallel version, are settled by the importer).
MODELS: tuple[type[Entity], ...] = (
    Organisation,
    Person,
    Document,
    DocumentVersion,
    Meeting,
    AgendaItem,
    MinutesEntry,
    Participation,
    Decision,
    DecisionVote,
    MinutesVersion,
    Circulation,
    CirculationRecipient,
    ActionItem,
    ActionOwner,
    ActionUpdate,
    ReviewComment,
    ReviewRequest,
    Approval,
    ApprovalPosition,
    DocumentStatusChange,
)

# (entity, column) of the links that may name something outside the package: all nullable, all to the
# history of earlier meetings, which a package of one meeting does not carry.
SOFT_REFERENCES: frozenset[tuple[type[Entity], str]] = frozenset(
    {
        (AgendaItem, "carried_from_id"),
        (AgendaItem, "refers_to_meeting_id"),
        (Decision, "approves_minutes_of_id"),
        (MinutesVersion, "approved_by_decision_id"),
        (DocumentStatusChange, "meeting_id"),
        (DocumentStatusChange, "agenda_item_id"),
    }
)

# The foreign key that the nesting of the JSON document stands for.
PARENT_COLUMN: dict[type[Entity], str] = {
    DocumentVersion: "document_id",
    ReviewComment: "version_id",
    Approval: "version_id",
    ApprovalPosition: "approval_id",
    ReviewRequest: "version_id",
    DocumentStatusChange: "document_id",
    AgendaItem: "meeting_id",
    MinutesEntry: "agenda_item_id",
    Participation: "meeting_id",
    Decision: "meeting_id",
    DecisionVote: "decision_id",
    MinutesVersion: "meeting_id",
    Circulation: "meeting_id",
    CirculationRecipient: "circulation_id",
    ActionItem: "meeting_id",
    ActionOwner: "action_id",
    ActionUpdate: "action_id",
}

# Filled on first use: the mapping is read from the mapped tables once per process.
_FIELDS: dict[type[Entity], tuple[Field, ...]] = {}
_REFERENCES: dict[type[Entity], tuple[tuple[str, type[Entity]], ...]] = {}

# Columns that are not plain fields: the key, and the bytes of a version (they travel as a file).
_NOT_FIELDS = {"id"}
_NOT_FIELDS_OF: dict[type[Entity], set[str]] = {DocumentVersion: {"content"}}


@dataclass(frozen=True)
class Field:
    """One column as it travels: its attribute, its JSON key, how its value is written."""

    column: str
    key: str
    kind: FieldKind
    nullable: bool
    enum: type[StrEnum] | None = None
    target: type[Entity] | None = None
    max_length: int | None = None
    soft: bool = False  # a reference that may name something outside the package (SOFT_REFERENCES)


def kind_name(model: type[Entity]) -> str:
    """The name of an entity kind in summaries and messages: its table name (``agenda_item``)."""
    return str(cast(Any, model).__tablename__)


def model_for_table(table: str) -> type[Entity]:
    for model in MODELS:
        if kind_name(model) == table:
            return model
    raise KeyError(table)


def fields(model: type[Entity]) -> tuple[Field, ...]:
    """The fields of ``model`` that a package writes, parent key and integer key left out."""
    if model not in _FIELDS:
        _FIELDS[model] = _fields(model)
    return _FIELDS[model]


def _fields(model: type[Entity]) -> tuple[Field, ...]:
    result: list[Field] = []
    parent = PARENT_COLUMN.get(model)
    skipped = _NOT_FIELDS | _NOT_FIELDS_OF.get(model, set())
    for attr in sa_inspect(model).column_attrs:
        column = attr.columns[0]
        name = attr.key
        if name in skipped or name == parent:
            continue
        nullable = bool(column.nullable)
        foreign = next(iter(column.foreign_keys), None)
        if foreign is not None:
            target = model_for_table(foreign.column.table.name)
            key = name.removesuffix("_id")
            soft = (model, name) in SOFT_REFERENCES
            if soft and not nullable:  # a soft link may be left unresolved: it must be able to be NULL
                raise TypeError(f"{model.__name__}.{name}: a soft link must be nullable")
            result.append(Field(name, key, "ref", nullable, target=target, soft=soft))
            continue
        kind: FieldKind
        enum: type[StrEnum] | None = None
        ctype = column.type
        if isinstance(ctype, EnumText):
            kind, enum = "enum", ctype.enum_class
        elif isinstance(ctype, UTCDateTime):
            kind = "datetime"
        elif isinstance(ctype, Date):
            kind = "date"
        elif isinstance(ctype, Boolean):
            kind = "bool"
        elif isinstance(ctype, Integer):
            kind = "int"
        elif isinstance(ctype, String):  # Text is a String
            kind = "text"
        else:  # a new column type must be given a JSON form here before it can travel
            raise TypeError(f"{model.__name__}.{name}: no JSON form for {ctype!r}")
        length = getattr(ctype, "length", None) if kind == "text" else None
        result.append(Field(name, name, kind, nullable, enum=enum, max_length=length))
    return tuple(result)


def references(model: type[Entity]) -> tuple[tuple[str, type[Entity]], ...]:
    """(column, target entity) of every foreign key of ``model``, the parent's included."""
    if model not in _REFERENCES:
        result: list[tuple[str, type[Entity]]] = []
        for attr in sa_inspect(model).column_attrs:
            foreign = next(iter(attr.columns[0].foreign_keys), None)
            if foreign is not None:
                result.append((attr.key, model_for_table(foreign.column.table.name)))
        _REFERENCES[model] = tuple(result)
    return _REFERENCES[model]


def to_json(field: Field, value: Any) -> Any:
    """The JSON value of a column value (references are handled by the caller)."""
    if value is None:
        return None
    if field.kind == "enum":
        return str(field.enum(value).value) if field.enum is not None else str(value)
    if field.kind == "datetime":
        return value.astimezone(UTC).isoformat()
    if field.kind == "date":
        return value.isoformat()
    if field.kind == "bool":
        return bool(value)
    return value


def from_json(field: Field, value: Any) -> Any:
    """The column value of a schema-valid JSON value; ``ValueError`` for a value the schema lets by.

    References stay as UUID strings here: the importer resolves them once the target rows exist.
    """
    if value is None:
        if not field.nullable:
            raise ValueError("null is not allowed")
        return None
    if field.kind == "enum":
        assert field.enum is not None
        return field.enum(value)
    if field.kind == "datetime":
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("a time zone offset is required")
        try:
            moment.astimezone(UTC)  # it is stored in UTC: 9999-12-31T23:00-05:00 would overflow there
        except OverflowError as exc:
            raise ValueError("date out of range") from exc
        return moment
    if field.kind == "date":
        return date.fromisoformat(value)
    if field.kind == "int":
        return int(value)  # JSON Schema lets 3.0 pass as an integer
    if field.kind == "bool":
        if not isinstance(value, bool):
            raise ValueError("true or false is required")
        return value
    if isinstance(value, str):
        value.encode("utf-8")  # a lone surrogate (JSON "\ud800") raises UnicodeEncodeError, a ValueError
    return value
