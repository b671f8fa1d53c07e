"""Importing a ``.chairdesk`` file: checked whole first, then written in one transaction.

Identity is the UUID.  An entity already here is brought to the package's values (its timestamps
included), one that is not is created, and nothing is ever duplicated: importing the same file twice
changes nothing the second time.  The ordered links of the package (presenters and documents of an agenda
item, owners of an action, positions on an approval, votes on a decision) are made to match it; other
rows that exist only in this database are left alone, since a package does not say they were deleted.  A
clash the package cannot settle (a meeting reference used by another meeting, a stored document or
minutes version with other content, a second minutes version with one number, two records of one person
at one meeting or in one circulation, two review requests to one organisation for one version, other
minutes for one item) refuses the whole file, and nothing is written.

Soft links (``mapping.SOFT_REFERENCES``: an item carried from another meeting's item or referring to
another meeting, a decision approving the minutes of another meeting, minutes approved by another
meeting's decision, the meeting and item named by a document's status change) may name something that is
not in the package.  Such a link is resolved against the package first, then against this database; if
neither has its target, the row is still imported, with the link empty (for a new row) or as it is here
(for a row already here): refusing would fail the ordinary hand-off of one meeting to someone who does
not have the earlier ones, and dropping the row would lose a record.  Importing the package again once
the target is here fills the link in.  For the same reason a package never empties a soft link that is
set here: its null may only mean that the sender did not have the target.  Every other reference must
name an entity of the package, and is always written as the package says.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

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
    agenda_item_document,
    agenda_item_presenter,
)
from app.errors import PackageError
from app.i18n import _
from app.interchange.mapping import MODELS, SOFT_REFERENCES, fields, kind_name, references
from app.interchange.reading import Plan, PlannedRow, open_archive, read_member, read_plan
from app.interchange.schema import file_member
from app.persistence.base import Entity
from app.persistence.database import Database

_CHUNK = 500  # values per IN (...) query, well under SQLite's limit on bound parameters

_PRELOAD: dict[type[Entity], tuple[Any, ...]] = {
    AgendaItem: (selectinload(AgendaItem.presenters), selectinload(AgendaItem.documents)),
    ActionItem: (selectinload(ActionItem.owners),),
    Approval: (selectinload(Approval.positions),),
    Decision: (selectinload(Decision.votes),),
}


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, by kind of entity (table name: ``meeting``, ``agenda_item``...)."""

    created: Mapping[str, int]
    updated: Mapping[str, int]
    removed: Mapping[str, int]
    meetings: tuple[str, ...]

    @property
    def created_total(self) -> int:
        return sum(self.created.values())

    @property
    def updated_total(self) -> int:
        return sum(self.updated.values())

    @property
    def changed(self) -> bool:
        return bool(self.created_total or self.updated_total or sum(self.removed.values()))


def import_package(db: Database, path: Path) -> ImportSummary:
    """Check the package at ``path`` through and through, then write it in one transaction."""
    source = Path(path)
    with open_archive(source) as archive:
        plan = read_plan(archive, source.name)
        with db.transaction() as session:
            return _Writer(session, plan, archive).run()


def _chunked(values: Iterable[Any]) -> Iterable[list[Any]]:
    ordered = list(values)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


class _Writer:
    def __init__(self, session: Session, plan: Plan, archive: zipfile.ZipFile) -> None:
        self.session = session
        self.plan = plan
        self.archive = archive
        self.objs: dict[type[Entity], dict[str, Entity]] = {model: {} for model in MODELS}
        self.existing: dict[type[Entity], set[str]] = {}
        self.created: dict[str, set[str]] = {kind_name(model): set() for model in MODELS}
        self.updated: dict[str, set[str]] = {kind_name(model): set() for model in MODELS}
        self.removed: dict[str, int] = {kind_name(model): 0 for model in MODELS}
        # Soft-link targets that are here but not in the package: kind -> UUID -> id.
        self.outside: dict[type[Entity], dict[str, int]] = {model: {} for model in MODELS}
        # (row, column, target kind) of links to a row of the package not yet written when theirs was.
        self.later: list[tuple[PlannedRow, str, type[Entity]]] = []

    def run(self) -> ImportSummary:
        self._preload()
        self._check_clashes()
        self._stage(Organisation)
        self._stage(Person)
        self._stage(Document)
        self._versions()
        self._stage(ReviewComment, ReviewRequest)
        self._stage(Meeting)
        self._agenda()
        self._stage(MinutesEntry, Participation, Decision)
        self._remove_extras(Decision, "votes", DecisionVote)
        self._stage(DecisionVote, MinutesVersion, Circulation, CirculationRecipient)
        self._stage(ActionItem)
        self._remove_extras(ActionItem, "owners", ActionOwner)
        self._stage(ActionOwner, ActionUpdate, Approval)
        self._remove_extras(Approval, "positions", ApprovalPosition)
        self._stage(ApprovalPosition, DocumentStatusChange)
        self._settle_later()
        return ImportSummary(
            created=MappingProxyType({kind: len(uuids) for kind, uuids in self.created.items()}),
            updated=MappingProxyType({kind: len(uuids - self.created[kind]) for kind, uuids in self.updated.items()}),
            removed=MappingProxyType(dict(self.removed)),
            meetings=tuple(sorted(row.values["reference"] for row in self.plan.of(Meeting).values())),
        )

    # -- reading what is here ---------------------------------------------------------------------------

    def _preload(self) -> None:
        """One query per table (per 500 UUIDs): every row of the package that already exists here."""
        for model in MODELS:
            column = cast(Any, model).uuid
            for chunk in _chunked(self.plan.of(model)):
                query = select(model).where(column.in_(chunk)).options(*_PRELOAD.get(model, ()))
                for obj in self.session.scalars(query):
                    self.objs[model][obj.uuid] = obj
            self.existing[model] = set(self.objs[model])
        wanted: dict[type[Entity], set[str]] = {}
        for model in MODELS:
            for spec in fields(model):
                if not spec.soft or spec.target is None:
                    continue
                for row in self.plan.of(model).values():
                    target = row.values[spec.column]
                    if target is not None and target not in self.plan.of(spec.target):
                        wanted.setdefault(spec.target, set()).add(target)
        for model, uuids in wanted.items():
            entity = cast(Any, model)
            for chunk in _chunked(sorted(uuids)):
                found: Any = select(entity.uuid, entity.id).where(entity.uuid.in_(chunk))
                for uuid, key in self.session.execute(found):
                    self.outside[model][uuid] = key

    def _id(self, model: type[Entity], uuid: str | None) -> int | None:
        if uuid is None or uuid not in self.existing[model]:
            return None
        return self.objs[model][uuid].id

    def _check_clashes(self) -> None:
        file = self.plan.file
        meetings = {row.values["reference"]: row.uuid for row in self.plan.of(Meeting).values()}
        for chunk in _chunked(meetings):
            for uuid, reference in self.session.execute(
                select(Meeting.uuid, Meeting.reference).where(Meeting.reference.in_(chunk))
            ):
                if meetings[reference] != uuid:
                    raise PackageError(
                        _(
                            "{file} cannot be imported: the reference {reference} is already used by another "
                            "meeting in this database."
                        ).format(file=file, reference=reference)
                    )
        for row in self.plan.of(DocumentVersion).values():
            here = cast(DocumentVersion | None, self.objs[DocumentVersion].get(row.uuid))
            if here is None:
                continue
            title = self._document_title(row.values["document_id"])
            if here.sha256 != row.values["sha256"]:
                raise PackageError(
                    _(
                        "{file} cannot be imported: version {number} of “{title}” is stored here with other "
                        "content, and a stored version never changes."
                    ).format(file=file, number=here.number, title=title)
                )
            if here.document_id != self._id(Document, row.values["document_id"]):
                raise PackageError(
                    _("{file} cannot be imported: a version of “{title}” belongs to another document here.").format(
                        file=file, title=title
                    )
                )
        for row in self._clashes(DocumentVersion, "document_id", "number"):
            raise PackageError(
                _("{file} cannot be imported: “{title}” already has another version {number} here.").format(
                    file=file, title=self._document_title(row.values["document_id"]), number=row.values["number"]
                )
            )
        for row in self._clashes(Participation, "meeting_id", "person_id"):
            raise PackageError(
                _("{file} cannot be imported: {person} is already recorded for meeting {reference}.").format(
                    file=file,
                    person=self._person_name(row.values["person_id"]),
                    reference=self.plan.of(Meeting)[row.values["meeting_id"]].values["reference"],
                )
            )
        for row in self._clashes(MinutesEntry, "agenda_item_id", None):
            raise PackageError(
                _("{file} cannot be imported: agenda item “{title}” already has other minutes here.").format(
                    file=file, title=self._item_title(row.values["agenda_item_id"])
                )
            )
        self._check_minutes_versions()
        for row in self._clashes(MinutesVersion, "meeting_id", "number"):
            raise PackageError(
                _("{file} cannot be imported: meeting {reference} already has another minutes version {number} here.").format(
                    file=file, reference=self._reference(row.values["meeting_id"]), number=row.values["number"]
                )
            )
        for row in self._clashes(CirculationRecipient, "circulation_id", "person_id"):
            circulation = self.plan.of(Circulation)[row.values["circulation_id"]].values
            raise PackageError(
                _(
                    "{file} cannot be imported: {person} is already a recipient of the minutes of {reference} "
                    "sent on {date} here."
                ).format(
                    file=file,
                    person=self._person_name(row.values["person_id"]),
                    reference=self._reference(circulation["meeting_id"]),
                    date=circulation["sent_on"].isoformat(),
                )
            )
        for row in self._clashes(ReviewRequest, "version_id", "organisation_id"):
            version = self.plan.of(DocumentVersion)[row.values["version_id"]].values
            raise PackageError(
                _(
                    "{file} cannot be imported: {organisation} is already asked here to review version {number} "
                    "of “{title}”."
                ).format(
                    file=file,
                    organisation=self._organisation_name(row.values["organisation_id"]),
                    number=version["number"],
                    title=self._document_title(version["document_id"]),
                )
            )

    def _check_minutes_versions(self) -> None:
        """A minutes version is a frozen text: the package may not give one stored here another one."""
        for row in self.plan.of(MinutesVersion).values():
            here = cast(MinutesVersion | None, self.objs[MinutesVersion].get(row.uuid))
            if here is None:
                continue
            reference = self._reference(row.values["meeting_id"])
            if here.meeting_id != self._id(Meeting, row.values["meeting_id"]):
                raise PackageError(
                    _("{file} cannot be imported: a minutes version of {reference} belongs to another meeting here.").format(
                        file=self.plan.file, reference=reference
                    )
                )
            if (here.number, here.sha256, here.content) != (
                row.values["number"], row.values["sha256"], row.values["content"]
            ):
                raise PackageError(
                    _(
                        "{file} cannot be imported: minutes version {number} of {reference} is stored here with "
                        "other content, and a minutes version never changes."
                    ).format(file=self.plan.file, number=here.number, reference=reference)
                )

    def _clashes(self, model: Any, parent: str, column: str | None) -> list[PlannedRow]:
        """Package rows that would share (parent, column) with a row here that the package does not have.

        These are the table's unique constraints; with rows of the package alone they were checked on
        reading, and a row whose parent is new here cannot clash.
        """
        refs = dict(references(model))

        def here(name: str, value: Any) -> Any:
            return self._id(refs[name], value) if name in refs else value

        wanted: dict[tuple[Any, Any], PlannedRow] = {}
        for row in self.plan.of(model).values():
            parent_id = here(parent, row.values[parent])
            if parent_id is not None:
                wanted[(parent_id, None if column is None else here(column, row.values[column]))] = row
        parent_column = getattr(model, parent)
        other = parent_column if column is None else getattr(model, column)
        found: list[PlannedRow] = []
        for chunk in _chunked(sorted({key[0] for key in wanted})):
            query = select(model.uuid, parent_column, other).where(parent_column.in_(chunk))
            for uuid, parent_id, value in self.session.execute(query):
                clash = wanted.get((parent_id, None if column is None else value))
                if clash is not None and uuid not in self.plan.of(model):
                    found.append(clash)
        return found

    def _document_title(self, uuid: str) -> str:
        values = self.plan.of(Document)[uuid].values
        return str(values["title_en"] or values["title_fr"] or uuid)

    def _item_title(self, uuid: str) -> str:
        values = self.plan.of(AgendaItem)[uuid].values
        return str(values["title_en"] or values["title_fr"] or uuid)

    def _person_name(self, uuid: str) -> str:
        values = self.plan.of(Person)[uuid].values
        return f"{values['given_name']} {values['family_name']}".strip() or uuid

    def _organisation_name(self, uuid: str) -> str:
        values = self.plan.of(Organisation)[uuid].values
        return str(values["name_en"] or values["name_fr"] or values["acronym_en"] or values["acronym_fr"] or uuid)

    def _reference(self, meeting_uuid: str) -> str:
        return str(self.plan.of(Meeting)[meeting_uuid].values["reference"])

    # -- writing ------------------------------------------------------------------------------------------

    def _resolve(self, row: PlannedRow) -> dict[str, Any]:
        """Column values with every referenced UUID replaced by the id of its row.

        A column is left out (not written: NULL on a new row, unchanged on a row here) when it is a soft
        link the package leaves empty or whose target is neither in the package nor here, and when its
        target is a row of the package not written yet (``_settle_later`` writes it then).
        """
        resolved = dict(row.values)
        for column, target in references(row.model):
            uuid = resolved.get(column)
            soft = (row.model, column) in SOFT_REFERENCES
            if uuid is None:
                if soft:
                    del resolved[column]
                continue
            obj = self.objs[target].get(uuid)
            if obj is not None and obj.id is not None:
                resolved[column] = obj.id
            elif uuid in self.plan.of(target):
                if not self._nullable(row.model, column):  # the staging order must write its target first
                    raise AssertionError(f"{row.path}: {column} refers to a row not written yet")
                del resolved[column]
                self.later.append((row, column, target))
            elif soft and uuid in self.outside[target]:
                resolved[column] = self.outside[target][uuid]
            elif soft:
                del resolved[column]
            else:  # the reader refuses a package whose references do not hold
                raise AssertionError(f"{row.path}: {uuid} is not in the package")
        return resolved

    @staticmethod
    def _nullable(model: type[Entity], column: str) -> bool:
        return bool(cast(Any, model).__table__.c[column].nullable)

    def _settle_later(self) -> None:
        """The links to rows that were written after the row holding them (links within one kind)."""
        for row, column, target in self.later:
            obj = self.objs[row.model][row.uuid]
            value = self.objs[target][row.values[column]].id
            if getattr(obj, column) != value:
                setattr(obj, column, value)
                flag_modified(obj, "updated_at")  # keep the package's timestamp
                self.updated[kind_name(row.model)].add(row.uuid)
        self.session.flush()

    def _upsert(self, row: PlannedRow, extra: Mapping[str, Any] | None = None) -> Entity:
        model, kind = row.model, kind_name(row.model)
        values = self._resolve(row)
        obj = self.objs[model].get(row.uuid)
        if obj is None:
            obj = cast(Entity, cast(Any, model)(**values, **(extra or {})))
            self.session.add(obj)
            self.objs[model][row.uuid] = obj
            self.created[kind].add(row.uuid)
            return obj
        changed = [column for column, value in values.items() if getattr(obj, column) != value]
        if changed:
            for column in changed:
                setattr(obj, column, values[column])
            if "updated_at" not in changed:
                # Keep the package's timestamp: without this the column's onupdate would stamp "now".
                flag_modified(obj, "updated_at")
            self.updated[kind].add(row.uuid)
        return obj

    def _stage(self, *models: type[Entity]) -> None:
        """Write the rows of each kind in turn, each kind flushed before the next one refers to it."""
        for model in models:
            for row in self.plan.of(model).values():
                self._upsert(row)
            self.session.flush()

    def _versions(self) -> None:
        for row in self.plan.of(DocumentVersion).values():
            if row.uuid in self.objs[DocumentVersion]:
                self._upsert(row)
                continue
            member = file_member(row.values["sha256"])
            content = read_member(self.archive, member, self.plan.file)
            if hashlib.sha256(content).hexdigest() != row.values["sha256"]:  # changed since it was checked
                raise PackageError(
                    _("{file} is damaged: {member} does not match its SHA-256.").format(
                        file=self.plan.file, member=member
                    )
                )
            obj = self._upsert(row, {"content": content})
            # One file at a time: write it, then let go of the bytes before reading the next one.
            self.session.flush()
            self.session.expire(obj, ["content"])
        self.session.flush()

    def _agenda(self) -> None:
        rows = list(self.plan.of(AgendaItem).values())
        for depth in sorted(set(self.plan.agenda_depth.values())):
            for row in rows:
                if self.plan.agenda_depth[row.uuid] != depth:
                    continue
                item = cast(AgendaItem, self._upsert(row))
                self._link(item, row.uuid, "presenters", self.plan.presenters, Person)
                self._link(item, row.uuid, "documents", self.plan.item_documents, Document)
            self.session.flush()
        self._order_links(agenda_item_presenter, agenda_item_presenter.c.person_id, self.plan.presenters, Person)
        self._order_links(agenda_item_document, agenda_item_document.c.document_id, self.plan.item_documents, Document)

    def _link(self, item: AgendaItem, uuid: str, attribute: str, links: dict[str, list[str]], model: type[Entity]) -> None:
        wanted = [self.objs[model][target] for target in links[uuid]]
        if uuid in self.created[kind_name(AgendaItem)]:
            setattr(item, attribute, wanted)
            return
        current: list[Entity] = getattr(item, attribute)
        if {obj.uuid for obj in current} != {obj.uuid for obj in wanted}:
            # Through the relationship, so that the audit trail records who was added and removed.
            setattr(item, attribute, wanted)
            self.updated[kind_name(AgendaItem)].add(uuid)

    def _order_links(self, table: Table, target_column: Any, links: dict[str, list[str]], model: type[Entity]) -> None:
        """Store each link's position as its index in the package (the relationship cannot)."""
        items = {self.objs[AgendaItem][uuid].id: uuid for uuid in links}
        stored: dict[tuple[int, int], int] = {}
        for chunk in _chunked(items):
            query = select(table.c.agenda_item_id, target_column, table.c.position).where(
                table.c.agenda_item_id.in_(chunk)
            )
            for item_id, target_id, position in self.session.execute(query):
                stored[(item_id, target_id)] = position
        changes: list[dict[str, int]] = []
        for item_id, uuid in items.items():
            for index, target in enumerate(links[uuid]):
                target_id = self.objs[model][target].id
                if stored.get((item_id, target_id)) != index:
                    changes.append({"b_item": item_id, "b_target": target_id, "b_position": index})
                    self.updated[kind_name(AgendaItem)].add(uuid)
        if changes:  # one executemany, not one statement per link
            statement = (
                update(table)
                .where(table.c.agenda_item_id == bindparam("b_item"), target_column == bindparam("b_target"))
                .values(position=bindparam("b_position"))
            )
            self.session.execute(statement, changes)

    def _remove_extras(self, parent: type[Entity], attribute: str, child: type[Entity]) -> None:
        """Children here that the package does not have at all go, so the list matches the package."""
        wanted = set(self.plan.of(child))
        for uuid in self.plan.of(parent):
            if uuid not in self.existing[parent]:
                continue
            children: list[Entity] = getattr(self.objs[parent][uuid], attribute)
            for obj in [c for c in children if c.uuid not in wanted]:
                children.remove(obj)  # delete-orphan: deleted, and audited as such
                self.removed[kind_name(child)] += 1
        self.session.flush()
