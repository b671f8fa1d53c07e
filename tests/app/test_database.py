"""Opening databases: migrations agree with the models, older files upgrade with their rows, newer or
foreign files are refused untouched, the audit trail is append-only and chained."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, select, text

from app.domain.models import AuditEvent, Base, Organisation
from app.errors import DatabaseError
from app.persistence.audit import verify_chain
from app.persistence.database import Database, head_revision, open_database
from app.services import directory, meetings


def test_migrations_match_the_models(db: Database) -> None:
    engine = create_engine(f"sqlite:///{db.path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.commit()
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="newer version of Chairdesk"):
        open_database(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database" * 100)
    with pytest.raises(DatabaseError, match="not a Chairdesk database"):
        open_database(path)
    assert path.read_text().startswith("these are my notes")


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not a Chairdesk database"):
        open_database(path)


def test_an_older_database_upgrades_with_its_rows_and_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database at an older revision (simulated by a fake 'next' revision) keeps every row."""
    from app.persistence import database as database_module

    path = tmp_path / "old.sqlite"
    db = open_database(path)
    org = directory.create_organisation(db, name_en="Europol", acronym_en="Europol", sector="law_enforcement")
    person = directory.create_person(db, given_name="Łukasz", family_name="Wiśniewski", organisation_uuid=org.uuid)
    meeting = meetings.create_meeting(
        db, reference="VGT-2019-10", title_en="VGT meeting", starts_at=datetime(2019, 10, 2, 13, tzinfo=UTC),
        ends_at=datetime(2019, 10, 3, 21, tzinfo=UTC), time_zone="America/Toronto",
    )
    from app.services import attendees

    attendees.add_participant(db, meeting.uuid, person.uuid)
    db.close()

    # A revision 0002 that rebuilds the person table (the case that deletes child rows with FKs on).
    head = head_revision()
    versions = tmp_path / "migrations"
    import shutil

    shutil.copytree(database_module.MIGRATIONS_DIR, versions)
    (versions / "versions" / "9999_test_rebuild.py").write_text(
        '"""test: rebuild person."""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '9999'\ndown_revision = '{head}'\nbranch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('person', recreate='always') as batch:\n"
        "        batch.add_column(sa.Column('nickname', sa.String(50), nullable=True))\n\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", versions)
    monkeypatch.setattr(database_module, "HEAD_REVISION", "9999")
    assert head_revision() == "9999"

    upgraded = open_database(path)
    assert upgraded.backup is not None and upgraded.backup.exists()
    with upgraded.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9999"
        names = [r[0] for r in conn.exec_driver_sql("SELECT family_name FROM person")]
        participations = conn.exec_driver_sql("SELECT count(*) FROM participation").scalar()
    assert names == ["Wiśniewski"]
    assert participations == 1  # the child row survived the rebuild of its parent table
    backup = sqlite3.connect(upgraded.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    backup.close()
    upgraded.close()


def test_every_change_is_audited_and_chained(db: Database) -> None:
    org = directory.create_organisation(db, name_en="Royal Canadian Mounted Police", acronym_en="RCMP")
    directory.update_organisation(db, org.uuid, {"name_fr": "Gendarmerie royale du Canada"})
    with db.transaction() as session:
        events = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().all()
        assert [(e.action, e.entity) for e in events] == [("insert", "organisation"), ("update", "organisation")]
        assert '"name_fr": ["", "Gendarmerie royale du Canada"]' in events[1].changes
        assert events[1].prev_hash == events[0].hash
        assert verify_chain(session) == []


def test_the_audit_trail_refuses_edits_and_detects_tampering(db: Database) -> None:
    directory.create_organisation(db, name_en="Interpol")
    directory.create_organisation(db, name_en="Europol")
    with pytest.raises(DatabaseError), db.transaction() as session:
        session.execute(text("UPDATE audit_event SET os_user = 'someone else'"))
    with pytest.raises(DatabaseError), db.transaction() as session:
        session.execute(text("DELETE FROM audit_event"))
    # Someone who drops the trigger can edit a row; the chain still names it.
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_event_no_update")
        conn.exec_driver_sql("UPDATE audit_event SET changes = '{}' WHERE id = 1")
    with db.transaction() as session:
        faults = verify_chain(session)
    assert [(f.event_id, f.reason) for f in faults] == [(1, "content")]


def test_a_failed_action_writes_nothing(db: Database) -> None:
    directory.create_organisation(db, name_en="Interpol")
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(Organisation(name_en="Half-written"))
        session.flush()
        raise RuntimeError("crash in the middle")
    with db.transaction() as session:
        assert session.execute(select(Organisation.name_en)).scalars().all() == ["Interpol"]


def test_real_migrations_upgrade_a_full_database_with_every_row(tmp_path: Path) -> None:
    """The demo at the head, taken down to the first revision, comes back up with every row of every table."""
    from alembic import command

    from app.demo import build_demo_database
    from app.persistence import database as database_module

    path = tmp_path / "demo.sqlite"
    build_demo_database(path).close()

    def counts() -> dict[str, int]:
        con = sqlite3.connect(path)
        try:
            tables = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version'")]
            return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        finally:
            con.close()

    before = counts()
    assert before["minutes_entry"] > 0 and before["agenda_item_presenter"] > 0 and before["participation"] > 0

    engine = database_module._make_engine(path, foreign_keys=False)
    with engine.connect() as connection, connection.begin():
        command.downgrade(database_module._alembic_config(connection), "0001")
    engine.dispose()
    at_first = counts()
    assert {t: n for t, n in before.items() if t in at_first} == at_first  # nothing lost on the way down

    db = open_database(path)  # upgrades through every revision, rebuilding tables with children
    try:
        assert db.backup is not None
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.close()
    after = counts()
    for table, n in at_first.items():
        assert after[table] == n, table


def test_the_fast_path_knows_the_head() -> None:
    from app.persistence.migrations import HEAD_REVISION

    assert HEAD_REVISION == head_revision()
