"""Reading a ``.chairdesk`` file without trusting it: ZIP, sizes, JSON, format, schema, references, files.

Everything here happens before the database is touched.  The result is a ``Plan``: every entity of the
package as a flat row of column values (references still as UUIDs), in the order the importer writes
them.  Any fault becomes a ``PackageError`` with one translated line naming the file and, where it helps,
the JSON path at fault; no exception of the ZIP or JSON machinery gets through.  ``check_document`` is the
part that needs no archive: the exporter runs it on what it is about to write, so that it never makes a
package this module would refuse.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
from app.errors import PackageError
from app.i18n import _, format_number
from app.interchange.mapping import MODELS, PARENT_COLUMN, fields, from_json
from app.interchange.schema import (
    FORMAT,
    FORMAT_VERSION,
    MAX_MEMBER_BYTES,
    MAX_TOTAL_BYTES,
    PACKAGE_MEMBER,
    file_member,
    first_violation,
)
from app.persistence.base import Entity

_CHUNK = 1024 * 1024
# What a broken or hostile archive can raise while a member is read.
_ZIP_FAULTS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError)


@dataclass
class PlannedRow:
    """One entity of the package: column values ready for the database, references as UUIDs."""

    model: type[Entity]
    uuid: str
    values: dict[str, Any]
    path: str


@dataclass
class Plan:
    """The whole package, checked, as rows by kind (each in document order) and ordered link lists."""

    file: str
    rows: dict[type[Entity], dict[str, PlannedRow]] = field(default_factory=lambda: {m: {} for m in MODELS})
    presenters: dict[str, list[str]] = field(default_factory=dict)
    item_documents: dict[str, list[str]] = field(default_factory=dict)
    agenda_depth: dict[str, int] = field(default_factory=dict)

    def of(self, model: type[Entity]) -> dict[str, PlannedRow]:
        return self.rows[model]


def open_archive(path: Path) -> zipfile.ZipFile:
    """The package opened as a ZIP, its declared sizes checked against the zip-bomb limits."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise PackageError(_("{file} is not a Chairdesk package (it is not a ZIP file).").format(file=name)) from exc
    except OSError as exc:
        raise PackageError(_("Cannot read {file}: {reason}").format(file=name, reason=exc.strerror or exc)) from exc
    except _ZIP_FAULTS as exc:
        raise PackageError(_("{file} is damaged and cannot be read: {reason}").format(file=name, reason=exc)) from exc
    try:
        _check_sizes(archive, name)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_sizes(archive: zipfile.ZipFile, name: str) -> None:
    total = 0
    names = Counter(info.filename for info in archive.infolist())
    repeated = [member for member, count in names.items() if count > 1]
    if repeated:
        raise PackageError(
            _("{file} is damaged: it holds {member} more than once.").format(file=name, member=repeated[0])
        )
    for info in archive.infolist():
        if info.file_size > MAX_MEMBER_BYTES:
            raise PackageError(
                _("{file} was refused: {member} would unpack to {size} bytes, more than the limit of {limit}.").format(
                    file=name,
                    member=info.filename,
                    size=format_number(info.file_size),
                    limit=format_number(MAX_MEMBER_BYTES),
                )
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackageError(
            _("{file} was refused: its content would unpack to {size} bytes, more than the limit of {limit}.").format(
                file=name, size=format_number(total), limit=format_number(MAX_TOTAL_BYTES)
            )
        )


def _chunks(archive: zipfile.ZipFile, member: str, file: str) -> Iterator[bytes]:
    """The bytes of ``member`` in chunks, never more than it declared nor than the member limit."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise PackageError(_("{file} is incomplete: {member} is missing.").format(file=file, member=member)) from None
    limit = min(info.file_size, MAX_MEMBER_BYTES)
    read = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > limit:
                    raise PackageError(
                        _("{file} is damaged: {member} is larger than it says.").format(file=file, member=member)
                    )
                yield chunk
    except _ZIP_FAULTS as exc:
        raise PackageError(
            _("{file} is damaged: {member} cannot be read ({reason}).").format(file=file, member=member, reason=exc)
        ) from exc


def read_member(archive: zipfile.ZipFile, member: str, file: str) -> bytes:
    return b"".join(_chunks(archive, member, file))


def member_digest(archive: zipfile.ZipFile, member: str, file: str) -> tuple[str, int]:
    """SHA-256 and size of a member, read as a stream."""
    digest = hashlib.sha256()
    size = 0
    for chunk in _chunks(archive, member, file):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def load_document(archive: zipfile.ZipFile, file: str) -> dict[str, Any]:
    """package.json parsed, its format and version recognised, and checked against the schema."""
    if PACKAGE_MEMBER not in archive.namelist():
        raise PackageError(_("{file} is not a Chairdesk package: it has no package.json.").format(file=file))
    raw = read_member(archive, PACKAGE_MEMBER, file)
    try:
        document = json.loads(
            raw.decode("utf-8"), object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
        )
    except (ValueError, RecursionError) as exc:
        raise PackageError(
            _("The package.json of {file} is not valid JSON: {reason}").format(file=file, reason=exc)
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise PackageError(_("{file} is not a Chairdesk meeting package.").format(file=file))
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageError(
            _("{file} has an unknown package format version: {version}.").format(
                file=file, version=json.dumps(version, ensure_ascii=False)
            )
        )
    if version > FORMAT_VERSION:
        raise PackageError(
            _("{file} was made by a newer Chairdesk (package format {version}); update Chairdesk to import it.").format(
                file=file, version=version
            )
        )
    violation = first_violation(document)
    if violation is not None:
        raise PackageError(
            _("{file} does not follow the package format at {path}: {reason}").format(
                file=file, path=violation[0], reason=violation[1]
            )
        )
    return document


class _Walker:
    """Turns the nested document into flat rows, checking what the schema cannot express."""

    def __init__(self, file: str) -> None:
        self.plan = Plan(file=file)
        self.file = file

    def fail_value(self, path: str, reason: object) -> PackageError:
        return PackageError(
            _("{file} does not follow the package format at {path}: {reason}").format(
                file=self.file, path=path, reason=reason
            )
        )

    def entity(self, model: type[Entity], obj: dict[str, Any], path: str, parent: str | None = None) -> PlannedRow:
        values: dict[str, Any] = {}
        for spec in fields(model):
            try:
                values[spec.column] = from_json(spec, obj[spec.key])
            except ValueError as exc:
                raise self.fail_value(f"{path}.{spec.key}", exc) from exc
            if spec.key == "time_zone" and values[spec.column] is not None:
                try:
                    ZoneInfo(values[spec.column])
                except (ZoneInfoNotFoundError, ValueError) as exc:
                    raise self.fail_value(f"{path}.{spec.key}", _("unknown time zone")) from exc
        parent_column = PARENT_COLUMN.get(model)
        if parent_column is not None:
            values[parent_column] = parent
        row = PlannedRow(model, values["uuid"], values, path)
        kind = self.plan.of(model)
        if row.uuid in kind:
            raise PackageError(
                _("{file} is inconsistent: {uuid} is used twice ({path}).").format(
                    file=self.file, uuid=row.uuid, path=path
                )
            )
        kind[row.uuid] = row
        return row

    def walk(self, document: dict[str, Any]) -> Plan:
        for index, obj in enumerate(document["organisations"]):
            self.entity(Organisation, obj, f"$.organisations[{index}]")
        for index, obj in enumerate(document["people"]):
            self.entity(Person, obj, f"$.people[{index}]")
        for index, obj in enumerate(document["documents"]):
            self.document(obj, f"$.documents[{index}]")
        for index, obj in enumerate(document["meetings"]):
            self.meeting(obj, f"$.meetings[{index}]")
        return self.plan

    def document(self, obj: dict[str, Any], path: str) -> None:
        doc = self.entity(Document, obj, path)
        for v_index, v_obj in enumerate(obj["versions"]):
            v_path = f"{path}.versions[{v_index}]"
            version = self.entity(DocumentVersion, v_obj, v_path, doc.uuid)
            if v_obj["file"] != file_member(version.values["sha256"]):
                raise PackageError(
                    _("{file} is inconsistent: {path} must name its file {member}.").format(
                        file=self.file, path=f"{v_path}.file", member=file_member(version.values["sha256"])
                    )
                )
            for c_index, c_obj in enumerate(v_obj["comments"]):
                self.entity(ReviewComment, c_obj, f"{v_path}.comments[{c_index}]", version.uuid)
            for r_index, r_obj in enumerate(v_obj["review_requests"]):
                self.entity(ReviewRequest, r_obj, f"{v_path}.review_requests[{r_index}]", version.uuid)
            for a_index, a_obj in enumerate(v_obj["approvals"]):
                a_path = f"{v_path}.approvals[{a_index}]"
                approval = self.entity(Approval, a_obj, a_path, version.uuid)
                for p_index, p_obj in enumerate(a_obj["positions"]):
                    self.entity(ApprovalPosition, p_obj, f"{a_path}.positions[{p_index}]", approval.uuid)
        for s_index, s_obj in enumerate(obj["status_changes"]):
            self.entity(DocumentStatusChange, s_obj, f"{path}.status_changes[{s_index}]", doc.uuid)

    def meeting(self, obj: dict[str, Any], path: str) -> None:
        meeting = self.entity(Meeting, obj, path)
        seen: set[str] = set()
        for i_index, i_obj in enumerate(obj["agenda_items"]):
            i_path = f"{path}.agenda_items[{i_index}]"
            item = self.entity(AgendaItem, i_obj, i_path, meeting.uuid)
            parent = item.values["parent_id"]
            if parent is not None and parent not in seen:
                raise PackageError(
                    _("{file} is inconsistent: {path} must come after its parent item, in the same meeting.").format(
                        file=self.file, path=f"{i_path}.parent"
                    )
                )
            self.plan.agenda_depth[item.uuid] = 0 if parent is None else self.plan.agenda_depth[parent] + 1
            seen.add(item.uuid)
            self.plan.presenters[item.uuid] = list(i_obj["presenters"])
            self.plan.item_documents[item.uuid] = list(i_obj["documents"])
            if i_obj["minutes"] is not None:
                self.entity(MinutesEntry, i_obj["minutes"], f"{i_path}.minutes", item.uuid)
        for p_index, p_obj in enumerate(obj["participations"]):
            self.entity(Participation, p_obj, f"{path}.participations[{p_index}]", meeting.uuid)
        for d_index, d_obj in enumerate(obj["decisions"]):
            d_path = f"{path}.decisions[{d_index}]"
            decision = self.entity(Decision, d_obj, d_path, meeting.uuid)
            for v_index, v_obj in enumerate(d_obj["votes"]):
                self.entity(DecisionVote, v_obj, f"{d_path}.votes[{v_index}]", decision.uuid)
        for m_index, m_obj in enumerate(obj["minutes_versions"]):
            self.entity(MinutesVersion, m_obj, f"{path}.minutes_versions[{m_index}]", meeting.uuid)
        for c_index, c_obj in enumerate(obj["circulations"]):
            c_path = f"{path}.circulations[{c_index}]"
            circulation = self.entity(Circulation, c_obj, c_path, meeting.uuid)
            for r_index, r_obj in enumerate(c_obj["recipients"]):
                self.entity(CirculationRecipient, r_obj, f"{c_path}.recipients[{r_index}]", circulation.uuid)
        for a_index, a_obj in enumerate(obj["actions"]):
            a_path = f"{path}.actions[{a_index}]"
            action = self.entity(ActionItem, a_obj, a_path, meeting.uuid)
            for o_index, o_obj in enumerate(a_obj["owners"]):
                self.entity(ActionOwner, o_obj, f"{a_path}.owners[{o_index}]", action.uuid)
            for u_index, u_obj in enumerate(a_obj["updates"]):
                self.entity(ActionUpdate, u_obj, f"{a_path}.updates[{u_index}]", action.uuid)


def _dangling(plan: Plan, path: str, uuid: str) -> PackageError:
    return PackageError(
        _("{file} is inconsistent: {path} refers to {uuid}, which is not in the package.").format(
            file=plan.file, path=path, uuid=uuid
        )
    )


def _check_references(plan: Plan) -> None:
    """Every reference names an entity of the package (soft links excepted) and of the right parent."""
    for model in MODELS:
        refs = [spec for spec in fields(model) if spec.kind == "ref" and not spec.soft]
        for row in plan.of(model).values():
            for spec in refs:
                target = row.values[spec.column]
                if target is not None and spec.target is not None and target not in plan.of(spec.target):
                    raise _dangling(plan, f"{row.path}.{spec.key}", target)
    for links, key, model in (
        (plan.presenters, "presenters", Person),
        (plan.item_documents, "documents", Document),
    ):
        for item_uuid, targets in links.items():
            for index, target in enumerate(targets):
                if target not in plan.of(model):
                    raise _dangling(plan, f"{plan.of(AgendaItem)[item_uuid].path}.{key}[{index}]", target)
    versions = plan.of(DocumentVersion)
    for row in versions.values():
        other = row.values["parallel_of_id"]
        if other is not None and (other == row.uuid or versions[other].values["document_id"] != row.values["document_id"]):
            raise PackageError(
                _("{file} is inconsistent: {path} must name another version of the same document.").format(
                    file=plan.file, path=f"{row.path}.parallel_of"
                )
            )
    for row in plan.of(DocumentStatusChange).values():
        version = row.values["version_id"]
        if version is not None and versions[version].values["document_id"] != row.values["document_id"]:
            raise PackageError(
                _("{file} is inconsistent: {path} must name a version of the same document.").format(
                    file=plan.file, path=f"{row.path}.version"
                )
            )
    minutes = plan.of(MinutesVersion)
    for row in plan.of(Circulation).values():
        if minutes[row.values["minutes_version_id"]].values["meeting_id"] != row.values["meeting_id"]:
            raise PackageError(
                _("{file} is inconsistent: {path} must name minutes of the same meeting.").format(
                    file=plan.file, path=f"{row.path}.minutes_version"
                )
            )


def _check_unique(plan: Plan) -> None:
    """The unique constraints of the tables, within the package (clashes with the database come later)."""
    references: dict[str, str] = {}
    for row in plan.of(Meeting).values():
        reference = row.values["reference"]
        if reference in references:
            raise PackageError(
                _("{file} is inconsistent: two meetings have the reference {reference}.").format(
                    file=plan.file, reference=reference
                )
            )
        references[reference] = row.uuid
    checks: tuple[tuple[type[Entity], str, str, str], ...] = (
        (Participation, "meeting_id", "person_id", _("{file} is inconsistent: {path} lists a person twice in a meeting.")),
        (DocumentVersion, "document_id", "number", _("{file} is inconsistent: {path} repeats a version number.")),
        (
            ApprovalPosition,
            "approval_id",
            "organisation_id",
            _("{file} is inconsistent: {path} repeats the position of an organisation on one approval."),
        ),
        (
            DecisionVote,
            "decision_id",
            "organisation_id",
            _("{file} is inconsistent: {path} repeats the vote of an organisation on one decision."),
        ),
        (MinutesVersion, "meeting_id", "number", _("{file} is inconsistent: {path} repeats a minutes version number.")),
        (
            CirculationRecipient,
            "circulation_id",
            "person_id",
            _("{file} is inconsistent: {path} lists a person twice in one circulation."),
        ),
        (
            ReviewRequest,
            "version_id",
            "organisation_id",
            _("{file} is inconsistent: {path} asks one organisation twice to review a version."),
        ),
    )
    for model, parent_column, column, message in checks:
        seen: set[tuple[Any, Any]] = set()
        for row in plan.of(model).values():
            key = (row.values[parent_column], row.values[column])
            if key in seen:
                raise PackageError(message.format(file=plan.file, path=row.path))
            seen.add(key)


def verify_files(archive: zipfile.ZipFile, plan: Plan) -> None:
    """Every version's file is in the archive, of the size and SHA-256 the package states."""
    checked: dict[str, int] = {}
    for row in plan.of(DocumentVersion).values():
        sha256: str = row.values["sha256"]
        member = file_member(sha256)
        if member not in checked:
            digest, size = member_digest(archive, member, plan.file)
            if digest != sha256:
                raise PackageError(
                    _("{file} is damaged: {member} does not match its SHA-256.").format(file=plan.file, member=member)
                )
            checked[member] = size
        if checked[member] != row.values["size"]:
            raise PackageError(
                _("{file} is inconsistent: {path} says {size} bytes, its file has {actual}.").format(
                    file=plan.file,
                    path=f"{row.path}.size",
                    size=format_number(row.values["size"]),
                    actual=format_number(checked[member]),
                )
            )


def check_document(document: dict[str, Any], file: str) -> Plan:
    """A schema-valid package document as a plan, with all the checks that need no archive and no database."""
    plan = _Walker(file).walk(document)
    _check_references(plan)
    _check_unique(plan)
    return plan


def read_plan(archive: zipfile.ZipFile, file: str) -> Plan:
    """The package checked through and through (files included), ready to be written."""
    plan = check_document(load_document(archive, file), file)
    verify_files(archive, plan)
    return plan
