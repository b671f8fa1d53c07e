"""What ``chairdesk check`` verifies of minutes: frozen versions against their hash, approved minutes
against what they say now, and the hash a printed copy carries (its QR code) against the database.

A frozen version's SHA-256 is that of its canonical JSON (``app.services.minutes.current_content``), the
same hash the verification block of the printed minutes shows, so a paper copy can be proved years later.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import select

from app.domain.enums import MinutesVersionKind, label
from app.domain.models import Meeting, MinutesVersion
from app.i18n import _
from app.persistence.database import Database
from app.services.document_views import IntegrityFault

_PAYLOAD = re.compile(r"^chairdesk:minutes:(?P<reference>[^:]+):sha256:(?P<sha>[0-9a-f]{64})$")


@dataclass(frozen=True)
class PrintedMinutesCheck:
    ok: bool
    message: str


def minutes_faults(db: Database) -> list[IntegrityFault]:
    """Frozen versions whose text no longer hashes to their SHA-256; approved minutes changed since."""
    from app.services.minutes import current_content

    faults: list[IntegrityFault] = []
    approved: list[tuple[str, str, str]] = []  # (meeting uuid, reference, sha256 of the last approved text)
    with db.transaction() as session:
        versions = session.execute(
            select(MinutesVersion, Meeting.reference, Meeting.uuid).join(Meeting, MinutesVersion.meeting_id == Meeting.id)
            .order_by(Meeting.id, MinutesVersion.number)).all()
        last: dict[str, tuple[str, str]] = {}
        for version, reference, meeting_uuid in versions:
            if hashlib.sha256(version.content.encode("utf-8")).hexdigest() != version.sha256:
                faults.append(IntegrityFault("minutes_version_hash", _(
                    "Version {number} of the minutes of {reference} no longer matches its SHA-256: its text was "
                    "changed outside Chairdesk.").format(number=version.number, reference=reference)))
            if version.kind in (MinutesVersionKind.APPROVED, MinutesVersionKind.CORRECTION):
                last[meeting_uuid] = (reference, version.sha256)
        approved = [(uuid, reference, sha) for uuid, (reference, sha) in last.items()]
    # current_content reads in its own transaction: after ours has ended.
    for meeting_uuid, reference, sha in approved:
        if current_content(db, meeting_uuid)[1] != sha:
            faults.append(IntegrityFault("minutes_changed", _(
                "The approved minutes of {reference} say something else now than when they were approved, and no "
                "correction was recorded.").format(reference=reference)))
    return faults


def check_printed_minutes(db: Database, payload: str) -> PrintedMinutesCheck:
    """Is the hash on a printed copy (its QR code: ``chairdesk:minutes:REF:sha256:HEX``) that of a frozen
    version of those minutes?"""
    match = _PAYLOAD.match(payload.strip())
    if match is None:
        return PrintedMinutesCheck(False, _("This is not the verification code of Chairdesk minutes: {code}").format(
            code=payload))
    reference, sha = match.group("reference"), match.group("sha")
    with db.transaction() as session:
        meeting = session.execute(select(Meeting).where(Meeting.reference == reference)).scalar_one_or_none()
        if meeting is None:
            return PrintedMinutesCheck(False, _("There is no meeting {reference} in this database.").format(
                reference=reference))
        version = session.execute(select(MinutesVersion).where(
            MinutesVersion.meeting_id == meeting.id, MinutesVersion.sha256 == sha)).scalars().first()
        approved_without_version = version is None and meeting.minutes_approved_on is not None
    if approved_without_version and current_minutes_hash(db, meeting.uuid) == sha:
        # Minutes approved before versions were kept (an imported archive): the text as it stands is the record.
        return PrintedMinutesCheck(True, _("The printed copy matches the approved minutes of {reference}.").format(
            reference=reference))
    if version is None:
        return PrintedMinutesCheck(False, _(
            "No recorded version of the minutes of {reference} has this SHA-256: the printed copy does not "
            "match the record.").format(reference=reference))
    return PrintedMinutesCheck(True, _(
        "The printed copy matches version {number} of the minutes of {reference} ({kind}).").format(
        number=version.number, reference=reference, kind=label(version.kind)))


def current_minutes_hash(db: Database, meeting_uuid: str) -> str:
    from app.services.minutes import current_content

    return current_content(db, meeting_uuid)[1]
