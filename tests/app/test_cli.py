"""The command line: bad arguments and bad files give one translated line and status 2, never a traceback."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app import __version__, cli
from app.i18n import set_language
from app.persistence.database import open_database
from app.services import meetings


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    try:
        args = cli.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return cli.run(args, out), out.getvalue()


@pytest.fixture
def one_meeting(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite"
    db = open_database(path)
    meetings.create_meeting(db, reference="VGT-2019-10", title_en="VGT meeting, Ottawa", title_fr="Réunion du VGT, Ottawa",
                            starts_at=datetime(2019, 10, 2, 12, 30, tzinfo=UTC),
                            ends_at=datetime(2019, 10, 3, 21, tzinfo=UTC), time_zone="America/Toronto")
    db.close()
    return path


def test_bad_argument_is_one_line_and_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["--frobnicate"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "frobnicate" in err and "Traceback" not in err


def test_bad_argument_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["--lang", "fr", "export", "package"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("chairdesk\u00a0: ") and "chairdesk --help" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"])[0] == 0
    assert capsys.readouterr().out.strip() == f"Chairdesk {__version__}"


def test_missing_files_give_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["meetings", "--db", str(tmp_path / "nowhere.sqlite")])[0] == 2
    assert "No database at" in capsys.readouterr().err
    assert run(["import", str(tmp_path / "missing.chairdesk"), "--db", str(tmp_path / "x.sqlite")])[0] == 2
    assert "No such file" in capsys.readouterr().err


def test_not_a_database_gives_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 200)
    assert run(["meetings", "--db", str(bad)])[0] == 2
    err = capsys.readouterr().err
    assert "not a Chairdesk database" in err and "Traceback" not in err


def test_locked_database_gives_status_2(one_meeting: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from app.persistence import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(one_meeting, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, _ = run(["meetings", "--db", str(one_meeting)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2
    assert "in use by another program" in capsys.readouterr().err


def test_meetings_lists_in_both_languages(one_meeting: Path) -> None:
    code, out = run(["meetings", "--db", str(one_meeting)])
    assert code == 0
    assert "VGT-2019-10" in out and "2 Oct 2019" in out and "VGT meeting, Ottawa" in out and "Planned" in out
    code, out = run(["meetings", "--db", str(one_meeting), "--lang", "fr"])
    set_language("en")
    assert "2 oct. 2019" in out and "Réunion du VGT, Ottawa" in out and "Prévue" in out


def test_export_unknown_meeting(one_meeting: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["export", "package", "--meeting", "VGT-1999-01", "--out", str(tmp_path / "x.chairdesk"),
                   "--db", str(one_meeting)])
    assert code == 2
    assert "VGT-1999-01" in capsys.readouterr().err
    assert not (tmp_path / "x.chairdesk").exists()
