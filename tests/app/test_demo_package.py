"""The shipped demo package: current with app.demo, and the database made from it is the demo."""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.demo import build_demo_database
from app.demo_setup import demo_package_path, ensure_demo_database
from app.interchange import package_json
from app.persistence.database import open_database
from app.services import meetings


def test_the_shipped_package_is_current(tmp_path: Path) -> None:
    """If this fails, app/demo.py changed: run python -m app.demo_setup --rebuild-package."""
    db = build_demo_database(tmp_path / "built.sqlite")
    try:
        expected = package_json(db, None)
    finally:
        db.close()
    with zipfile.ZipFile(demo_package_path()) as archive:
        shipped = archive.read("package.json").decode("utf-8")
    assert shipped == expected


def test_ensure_demo_database_makes_it_once(tmp_path: Path) -> None:
    path = ensure_demo_database(tmp_path / "demo.sqlite")
    db = open_database(path)
    try:
        refs = [m.reference for m in meetings.list_meetings(db)]
        overview = meetings.meeting_overview(db, "VGT-2019-10", "fr")
    finally:
        db.close()
    assert refs == ["VGT-2019-10", "VGT-2011-11"]
    assert overview.meeting.host_name == "Gendarmerie royale du Canada"
    assert overview.meeting.chair_name == "Marie-Claude Arsenault"
    assert [d.number for d in overview.decisions] == ["VGT-2019-10/D1", "VGT-2019-10/D2", "VGT-2019-10/D3"]
    stamp = path.stat().st_mtime_ns
    assert ensure_demo_database(path) == path and path.stat().st_mtime_ns == stamp
