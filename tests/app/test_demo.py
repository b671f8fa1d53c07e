"""The demo database: its content from the seed press releases, its spellings, and that it is deterministic."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.demo import build_demo_database
from app.domain.enums import (
    AgendaItemKind,
    Attendance,
    DecisionKind,
    InvitationStatus,
    Marking,
    MeetingStatus,
    Role,
    Stance,
    TranslationStatus,
    Visibility,
)
from app.domain.models import (
    ActionItem,
    Decision,
    Document,
    DocumentVersion,
    Meeting,
    MinutesEntry,
    Person,
)
from app.errors import DatabaseError
from app.persistence.base import Base, Bilingual
from app.persistence.database import Database

REAL_PEOPLE = {"Marie-Claude Arsenault", "Stephen White", "Neil Gaughan", "Thorbjørn Jagland"}
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = build_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    yield database
    database.close()


@pytest.fixture()
def session(demo: Database) -> Iterator[Session]:
    with demo.sessions() as s:
        yield s


def full_name(person: Person) -> str:
    return f"{person.given_name} {person.family_name}"


def meeting(session: Session, reference: str) -> Meeting:
    return session.execute(select(Meeting).where(Meeting.reference == reference)).scalar_one()


def dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit trail, with integer keys replaced by the referenced UUIDs."""
    tables = [t for t in Base.metadata.sorted_tables if t.name != "audit_event"]
    with database.engine.connect() as conn:
        uuid_of = {
            (t.name, row.id): row.uuid
            for t in tables
            if "uuid" in t.c
            for row in conn.execute(select(t.c.id, t.c.uuid))
        }
        result: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            rows = []
            for row in conn.execute(select(table)).mappings():
                values: list[Any] = []
                for column in table.columns:
                    if column.name == "id":
                        continue
                    value = row[column.name]
                    if column.foreign_keys and value is not None:
                        target = next(iter(column.foreign_keys)).column.table.name
                        value = uuid_of[(target, value)]
                    values.append((column.name, value))
                rows.append(tuple(values))
            result[table.name] = sorted(rows, key=repr)
    return result


def test_two_meetings_with_their_references(session: Session) -> None:
    signing = meeting(session, "VGT-2011-11")
    ottawa = meeting(session, "VGT-2019-10")
    assert (signing.city, signing.country, signing.time_zone) == ("Strasbourg", "FR", "Europe/Paris")
    assert signing.marking is Marking.CLEAR and signing.status is MeetingStatus.MINUTES_APPROVED
    assert signing.chair is not None and full_name(signing.chair) == "Neil Gaughan"
    assert signing.starts_at.date().isoformat() == "2011-11-22"
    assert (ottawa.city, ottawa.country, ottawa.time_zone) == ("Ottawa", "CA", "America/Toronto")
    assert ottawa.marking is Marking.AMBER and ottawa.status is MeetingStatus.MINUTES_DRAFT
    assert ottawa.chair is not None and full_name(ottawa.chair) == "Marie-Claude Arsenault"
    assert ottawa.secretary is not None and ottawa.secretary.organisation is not None
    assert ottawa.secretary.organisation.acronym_en == "RCMP"
    assert ottawa.starts_at.tzinfo is not None and ottawa.starts_at < ottawa.ends_at


def test_people_spellings(session: Session) -> None:
    people = session.scalars(select(Person)).all()
    names = {full_name(p) for p in people}
    assert REAL_PEOPLE <= names
    for fragment in ("Łukasz", "Çağlar", "Ødegård", "Nguyễn"):
        assert any(fragment in name for name in names), fragment
    arsenault = next(p for p in people if full_name(p) == "Marie-Claude Arsenault")
    assert arsenault.title_fr == "surintendante principale"
    for person in people:
        if full_name(person) not in REAL_PEOPLE:
            assert "Fictional demo delegate" in person.notes, full_name(person)
            assert person.email is not None and person.email.endswith(".demo.example")


def test_seed_spellings_of_organisations(session: Session) -> None:
    from app.domain.models import Organisation

    names_fr = set(session.scalars(select(Organisation.name_fr)))
    assert {"Gendarmerie royale du Canada", "Police néozélandaise", "ministère de l’Intérieur des Emirats Arabes Unis",
            "Police des postes et des communications", "Conseil de l’Europe"} <= names_fr


def test_named_people_are_on_the_2019_attendee_list(session: Session) -> None:
    ottawa = meeting(session, "VGT-2019-10")
    attendance = {full_name(p.person): p.attendance for p in ottawa.participations}
    for fragment in ("Łukasz", "Çağlar", "Ødegård", "Nguyễn", "Arsenault", "White"):
        name = next(n for n in attendance if fragment in n)
        assert attendance[name] in (Attendance.PRESENT, Attendance.ONLINE), name
    statuses = [p.attendance for p in ottawa.participations]
    assert {Attendance.PRESENT, Attendance.ONLINE, Attendance.APOLOGIES, Attendance.ABSENT} <= set(statuses)
    invitations = [p.invitation_status for p in ottawa.participations]
    assert invitations.count(InvitationStatus.DECLINED) == 1 and invitations.count(InvitationStatus.TENTATIVE) == 1
    assert {Role.CHAIR, Role.SECRETARY, Role.HEAD_OF_DELEGATION, Role.DELEGATE, Role.SPEAKER, Role.OBSERVER} <= {
        p.role for p in ottawa.participations
    }
    for p in ottawa.participations:
        assert (p.arrived_at is not None) == (p.attendance in (Attendance.PRESENT, Attendance.ONLINE))
    signing = meeting(session, "VGT-2011-11")
    assert "Thorbjørn Jagland" in {full_name(p.person) for p in signing.participations}


def test_agenda_nesting_and_durations(session: Session) -> None:
    ottawa = meeting(session, "VGT-2019-10")
    top = [i for i in ottawa.agenda_items if i.parent_id is None]
    scan = next(i for i in top if i.kind is AgendaItemKind.DOCUMENT_APPROVAL)
    assert [c.position for c in scan.children] == [0, 1, 2]
    assert scan.duration_minutes == sum(c.duration_minutes for c in scan.children)
    assert {d.title_en for d in scan.documents} == {"VGT Environmental Scan 2019"}
    assert any(i.visibility is Visibility.CLOSED for i in ottawa.agenda_items)
    assert sum(1 for i in top if i.kind is AgendaItemKind.BREAK) >= 1
    total = sum(i.duration_minutes for i in top)
    assert total * 60 <= (ottawa.ends_at - ottawa.starts_at).total_seconds()
    opening = top[0]
    assert [full_name(p) for p in opening.presenters] == ["Stephen White", "Marie-Claude Arsenault"]


def test_minutes_figures_and_english_only_entry(session: Session) -> None:
    entries = session.scalars(select(MinutesEntry)).all()
    assert any("18.4 million" in e.text_en and "10.2 million" in e.text_en for e in entries)
    assert any("18,4 millions" in e.text_fr and "10,2 millions" in e.text_fr for e in entries)
    english_only = [e for e in entries if e.translation_status is TranslationStatus.NOT_TRANSLATED]
    assert english_only and all(e.text_en and not e.text_fr for e in english_only)


def test_approval_hash_is_the_hash_of_version_2(session: Session) -> None:
    scan = session.execute(select(Document).where(Document.title_en == "VGT Environmental Scan 2019")).scalar_one()
    assert [v.number for v in scan.versions] == [1, 2]
    v1, v2 = scan.versions
    assert v1.comments and not v2.comments
    (approval,) = v2.approvals
    digest = hashlib.sha256(v2.content).hexdigest()
    assert approval.sha256 == digest == v2.sha256 and v2.size == len(v2.content)
    assert approval.meeting is not None and approval.meeting.reference == "VGT-2019-10"
    assert approval.decision is not None and approval.decision.kind is DecisionKind.APPROVAL
    assert approval.decided_on.isoformat() == "2019-10-03" and approval.publication_date is not None
    assert approval.publication_date.isoformat() == "2019-11-01"
    stances = [p.stance for p in approval.positions]
    assert Stance.SUPPORTS in stances and Stance.NO_RESPONSE in stances


def test_version_files_are_labelled_stand_ins(session: Session) -> None:
    versions = session.scalars(select(DocumentVersion)).all()
    assert len(versions) == 3
    for version in versions:
        assert version.content.startswith(b"%PDF") and version.media_type == "application/pdf"
        assert hashlib.sha256(version.content).hexdigest() == version.sha256
        page = PdfReader(io.BytesIO(version.content)).pages[0].extract_text()
        assert "DEMO STAND-IN" in page and "not the real document" in page


def test_decisions_in_both_languages(session: Session) -> None:
    decisions = session.scalars(select(Decision)).all()
    assert len(decisions) == 4
    assert all(d.text_en and d.text_fr for d in decisions)
    texts_fr = " ".join(d.text_fr for d in decisions)
    assert "1er novembre 2019" in texts_fr and "analyse environnementale" in texts_fr
    assert {d.kind for d in decisions} >= {DecisionKind.APPROVAL, DecisionKind.ENDORSEMENT, DecisionKind.NOTING}


def test_actions(session: Session) -> None:
    actions = session.scalars(select(ActionItem)).all()
    statuses = {a.status.value for a in actions}
    assert {"open", "in_progress", "done"} <= statuses
    assert all(a.owners for a in actions)
    assert sum(len(a.updates) for a in actions) >= 1


def test_verified_rows_have_both_texts(session: Session) -> None:
    checked = 0
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if not issubclass(cls, Bilingual):
            continue
        pairs = [c.key[:-3] for c in mapper.column_attrs if c.key.endswith("_en")]
        for row in session.scalars(select(cls)):
            for stem in pairs:
                en, fr = getattr(row, f"{stem}_en"), getattr(row, f"{stem}_fr")
                if row.translation_status is TranslationStatus.VERIFIED:
                    assert bool(en) == bool(fr), (cls.__name__, stem, en, fr)
                if stem in ("title", "text") and row.translation_status is not TranslationStatus.NOT_TRANSLATED:
                    assert en and fr, (cls.__name__, stem, en, fr)
                if isinstance(fr, str):
                    assert "'" not in fr, (cls.__name__, stem, fr)
                    assert "« " not in fr and " »" not in fr and " :" not in fr, (cls.__name__, stem, fr)
            checked += 1
    assert checked > 30
    quote = session.scalars(select(MinutesEntry.text_fr).where(MinutesEntry.text_fr.contains("«"))).first()
    assert quote is not None and f"«{NBSP}" in quote


def test_rows_are_the_same_every_build(demo: Database, tmp_path: Path) -> None:
    again = build_demo_database(tmp_path / "again.sqlite")
    try:
        first, second = dump(demo), dump(again)
    finally:
        again.close()
    assert first.keys() == second.keys()
    for table in first:
        assert first[table] == second[table], table
    with demo.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM participation")).scalar_one() == len(first["participation"])


def test_pdf_bytes_are_the_same_in_another_process(session: Session) -> None:
    script = (
        "import hashlib, sys, tempfile, pathlib\n"
        "from sqlalchemy import select\n"
        "from app.demo import build_demo_database\n"
        "from app.domain.models import DocumentVersion\n"
        "db = build_demo_database(pathlib.Path(tempfile.mkdtemp()) / 'd.sqlite')\n"
        "with db.sessions() as s:\n"
        "    print(sorted(s.scalars(select(DocumentVersion.sha256))))\n"
        "db.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(sorted(session.scalars(select(DocumentVersion.sha256))))


def test_uuids_and_timestamps_are_fixed(demo: Database) -> None:
    with demo.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if "uuid" not in table.c:
                continue
            for row in conn.execute(select(table.c.uuid, table.c.created_at, table.c.updated_at)):
                assert uuid.UUID(row.uuid).version == 5, table.name
                assert row.created_at.year in (2011, 2019) and row.updated_at >= row.created_at, table.name


def test_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "existing.sqlite"
    target.write_bytes(b"not empty")
    with pytest.raises(DatabaseError):
        build_demo_database(target)
    assert target.read_bytes() == b"not empty"
