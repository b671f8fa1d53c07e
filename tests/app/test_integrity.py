"""``chairdesk check``: tampering with a stored file, an approval or an audit row with plain SQL is found
and named (document title, version number, decision number, audit event id); a clean file passes."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from app import cli
from app.demo import build_demo_database
from app.services.integrity import check_database

SCAN = "VGT Environmental Scan 2019"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path).close()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    from app.persistence.database import backup_database

    return backup_database(demo_template, tmp_path / "demo.sqlite")


def sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    try:
        with con:
            for statement in statements:
                con.execute(statement)
    finally:
        con.close()


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return cli.run(cli.parse_args(argv), out), out.getvalue()


def test_the_demo_is_clean(demo: Path) -> None:
    report = check_database(demo)
    assert report.ok, [f.message for f in report.faults]
    assert (report.files_checked, report.approvals_checked) == (3, 2) and report.events_checked > 100
    code, out = run(["check", "--db", str(demo)])
    assert code == 0 and "No fault found." in out


def test_a_changed_file_is_named_with_its_document_version_and_approval(demo: Path) -> None:
    sql(demo, "UPDATE document_version SET content = CAST('%PDF forged' AS BLOB) WHERE number = 2 AND document_id = "
              "(SELECT id FROM document WHERE title_en = 'VGT Environmental Scan 2019')")
    report = check_database(demo)
    kinds = {f.kind: f for f in report.faults}
    assert {"file_hash", "file_size", "approved_file"} <= set(kinds)
    assert (kinds["file_hash"].document_title, kinds["file_hash"].version_number) == (SCAN, 2)
    assert kinds["approved_file"].decision_number == "VGT-2019-10/D1"
    assert "Version 2 of “VGT Environmental Scan 2019”" in kinds["file_hash"].message
    code, out = run(["check", "--db", str(demo)])
    assert code == 1 and "VGT-2019-10/D1" in out and "FAULT [file_hash]" in out


def test_a_changed_approval_is_found_even_when_the_hashes_are_rewritten_to_match(demo: Path) -> None:
    sql(demo, "UPDATE approval SET sha256 = 'aaaa' WHERE outcome = 'approved' AND publication_audience = 'public' "
              "AND decided_on = '2019-10-03'")
    kinds = {f.kind: f for f in check_database(demo).faults}
    assert kinds["approval_hash"].decision_number == "VGT-2019-10/D1"
    assert kinds["approval_hash"].version_number == 2
    # A forger who rewrites the bytes, the version's hash and the approval's hash together still leaves the
    # records unlike what the audit log recorded when they were made.
    import hashlib

    forged = b"%PDF forged but consistent"
    digest = hashlib.sha256(forged).hexdigest()
    sql(demo, f"UPDATE document_version SET content = X'{forged.hex()}', size = {len(forged)}, sha256 = '{digest}' "
              "WHERE number = 2 AND document_id = (SELECT id FROM document WHERE title_en = 'VGT Environmental Scan 2019')",
        f"UPDATE approval SET sha256 = '{digest}' WHERE decided_on = '2019-10-03'",
        "UPDATE approval SET outcome = 'rejected' WHERE decided_on = '2011-11-22'")
    faults = check_database(demo).faults
    changed = [f for f in faults if f.kind == "unaudited_change"]
    assert not [f for f in faults if f.kind in ("file_hash", "approval_hash", "approved_file")]
    assert any(f.version_number == 2 and "sha256" in f.message for f in changed)
    assert any(f.decision_number == "VGT-2019-10/D1" and "sha256" in f.message for f in changed)
    assert any(f.decision_number == "VGT-2011-11/D1" and "outcome" in f.message for f in changed)


def test_a_forged_approval_row_is_named(demo: Path) -> None:
    sql(demo, "INSERT INTO approval (uuid, version_id, outcome, decided_on, sha256, method, note, created_at, "
              "updated_at) SELECT 'forged-approval', id, 'approved', '2019-10-03', sha256, 'consensus', '', "
              "'2019-10-03 12:00:00', '2019-10-03 12:00:00' FROM document_version WHERE number = 1 AND file_name "
              "LIKE 'VGT-Environmental%'")
    faults = [f for f in check_database(demo).faults if f.kind == "unaudited_row"]
    assert [(f.document_title, f.version_number) for f in faults] == [(SCAN, 1)]


def test_tampered_audit_rows_are_named_by_their_id(demo: Path) -> None:
    con = sqlite3.connect(demo)
    last_id = con.execute("SELECT max(id) FROM audit_event").fetchone()[0]
    con.close()
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        sql(demo, "UPDATE audit_event SET os_user = 'someone' WHERE id = 5")
    # Triggers refuse edits, but whoever holds the file can drop them: that is found, and so is the edit.
    sql(demo, "DROP TRIGGER audit_event_no_update",
        "UPDATE audit_event SET changes = '{\"title_en\": \"Forged\"}' WHERE id = 5")
    faults = check_database(demo).faults
    assert [f.event_id for f in faults if f.kind == "audit_content"] == [5]
    assert any(f.kind == "audit_trigger" and "audit_event_no_update" in f.message for f in faults)
    # An event added at the end with a made-up hash breaks the chain there.
    sql(demo, "INSERT INTO audit_event (at, os_user, action, entity, entity_uuid, changes, prev_hash, hash) "
              "VALUES ('2020-01-01 00:00:00', 'x', 'update', 'approval', 'u', '{}', 'bad', 'bad')")
    faults = check_database(demo).faults
    assert {f.event_id for f in faults if f.kind in ("audit_link", "audit_content")} == {5, last_id + 1}


def test_an_old_schema_is_reported_without_being_touched(demo: Path) -> None:
    sql(demo, "UPDATE alembic_version SET version_num = '0002'")
    before = demo.read_bytes()
    report = check_database(demo)
    assert [f.kind for f in report.faults] == ["migrations"] and report.schema_revision == "0002"
    assert demo.read_bytes() == before


def test_the_documents_command_lists_versions_status_decision_and_hash(demo: Path) -> None:
    code, out = run(["documents", "--db", str(demo)])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "VGT Environmental Scan 2019 [Environmental scan · TLP:AMBER · Approved]"
    assert "v2 VGT-Environmental-Scan-2019-v2.pdf" in lines[3] and "VGT-2019-10/D1" in lines[3]
    assert lines[4].split() == ["SHA-256", check_hash(demo, 2)]
    code, out = run(["documents", "--db", str(demo.with_name("missing.sqlite"))])
    assert code == 2


def check_hash(path: Path, number: int) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT sha256 FROM document_version WHERE number = ? AND file_name LIKE 'VGT-Env%'",
                               (number,)).fetchone()[0])
    finally:
        con.close()


def test_a_database_worked_through_the_services_has_no_false_fault(tmp_path: Path) -> None:
    """Everything the documents screens do, then the check: nothing is reported that did not happen."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from app.domain.enums import DocumentStatus, Stance
    from app.persistence.database import open_database
    from app.services import agenda, approvals, decisions, directory, documents, meetings, reviews

    path = tmp_path / "worked.sqlite"
    db = open_database(path)
    toronto = ZoneInfo("America/Toronto")
    org = directory.create_organisation(db, name_en="RCMP", acronym_en="RCMP", relation="member").uuid
    meeting = meetings.create_meeting(db, reference="VGT-2019-10", title_en="Ottawa",
                                      starts_at=datetime(2019, 10, 2, 13, tzinfo=toronto),
                                      ends_at=datetime(2019, 10, 3, 14, 30, tzinfo=toronto),
                                      time_zone="America/Toronto").uuid
    item = agenda.add_agenda_item(db, meeting, title_en="Scan", kind="document_approval",
                                  fixed_start=datetime(2019, 10, 3, 9, tzinfo=toronto)).uuid
    decisions.add_decision(db, meeting, item, text_en="Noted.")
    doc = documents.create_document(db, title_en="Scan").uuid
    first = documents.store_version(db, doc, "v1.pdf", b"one").uuid
    comment = reviews.add_comment(db, first, organisation_uuid=org, comment="Footnote", received_on=date(2019, 9, 9))
    reviews.update_comment(db, comment.uuid, {"disposition": "accepted"})
    second = documents.store_version(db, doc, "v2.pdf", b"two").uuid
    approvals.change_status(db, doc, DocumentStatus.SUBMITTED, "", meeting, item)
    approval = approvals.approve_version(db, second, meeting, item, "approved", positions={org: Stance.SUPPORTS})
    approvals.withdraw_approval(db, approval.uuid, "Undone")
    approvals.reinstate_document(db, doc, "Redone")
    documents.update_document(db, doc, {"publication_date": date(2019, 11, 1), "publication_audience": "public"})
    db.close()
    report = check_database(path)
    assert report.ok, [f.message for f in report.faults]
