"""chairdesk check proves minutes: frozen versions against their hash, approved minutes against what they
say now, and a printed copy's QR code against the database."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from app import cli
from app.demo import build_demo_database
from app.persistence.database import Database
from app.reports.minutes import qr_payload
from app.services.integrity import check_database
from app.services.minutes_approval import approve_minutes_by_chair
from app.services.minutes_integrity import check_printed_minutes
from app.services.outputs import minutes_content_hash


@pytest.fixture
def demo(tmp_path: Path) -> Database:
    db = build_demo_database(tmp_path / "demo.sqlite")
    yield db
    db.close()


def kinds(db: Database) -> list[str]:
    return [f.kind for f in check_database(db.path).faults]


def test_approved_minutes_are_proved_and_tampering_is_named(demo: Database) -> None:
    from app.services.meetings import get_meeting

    ottawa = get_meeting(demo, "VGT-2019-10").uuid
    approve_minutes_by_chair(demo, ottawa, date(2019, 11, 15), "Marie-Claude Arsenault")
    assert kinds(demo) == []
    printed = qr_payload("VGT-2019-10", minutes_content_hash(demo, ottawa))
    verdict = check_printed_minutes(demo, printed)
    assert verdict.ok and "VGT-2019-10" in verdict.message
    assert not check_printed_minutes(demo, printed[:-1] + ("0" if printed[-1] != "0" else "1")).ok
    assert not check_printed_minutes(demo, "hello").ok

    # Someone edits the minutes text behind the app's back, after approval.
    with demo.engine.begin() as conn:
        conn.execute(text("UPDATE minutes_entry SET text_en = text_en || ' (edited)' WHERE id = "
                          "(SELECT min(id) FROM minutes_entry WHERE agenda_item_id IN "
                          "(SELECT id FROM agenda_item WHERE meeting_id = (SELECT id FROM meeting "
                          "WHERE reference = 'VGT-2019-10')))"))
    assert "minutes_changed" in kinds(demo)
    # And the frozen version itself.
    with demo.engine.begin() as conn:
        conn.execute(text("UPDATE minutes_version SET content = content || ' '"))
    assert "minutes_version_hash" in kinds(demo)


def test_printed_copy_of_minutes_approved_before_versions(demo: Database) -> None:
    from app.services.meetings import get_meeting

    strasbourg = get_meeting(demo, "VGT-2011-11").uuid
    code = qr_payload("VGT-2011-11", minutes_content_hash(demo, strasbourg))
    out = io.StringIO()
    assert cli.run(cli.parse_args(["check", "--db", str(demo.path), "--minutes", code]), out) == 0
    assert "matches the approved minutes of VGT-2011-11" in out.getvalue()
    bad = code[:-4] + "0000"
    assert cli.run(cli.parse_args(["check", "--db", str(demo.path), "--minutes", bad]), io.StringIO()) == 1
