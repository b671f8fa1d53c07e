"""How long the agenda builder takes to reload after an edit, on an agenda far longer than any real one.

Every edit in the builder is followed by a synchronous reload (service read + model update) on the GUI
thread; this measures that round trip for a real agenda (10 items × 1 sub-item, 20 rows) and for one far
longer than any real one (40 × 5, 240 rows), so that the choice of not using a worker stays justified.
Target: under 100 ms per edit for the real one.  Run by hand:

    QT_QPA_PLATFORM=offscreen python -m bench.bench_agenda_builder
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def main() -> int:
    import ui  # noqa: F401  (arms ui.qt_compat's guard for PySide6 6.12 on Python 3.11)

    for items, parts in ((10, 1), (40, 5)):
        measure(items, parts)
    return 0


def measure(items: int, parts: int) -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from app.persistence.database import open_database
    from app.services import agenda, meetings
    from ui.agenda_builder import AgendaBuilderPage
    from ui.context import AppContext
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        start = datetime(2024, 3, 5, 13, tzinfo=UTC)
        meeting = meetings.create_meeting(db, reference="BENCH", title_en="Bench", starts_at=start,
                                          ends_at=start + timedelta(days=3), time_zone="Europe/Paris",
                                          mode="hybrid").uuid
        for n in range(items):
            parent = agenda.add_agenda_item(db, meeting, title_en=f"Item {n}", duration_minutes=10)
            for m in range(parts):
                agenda.add_agenda_item(db, meeting, parent.uuid, title_en=f"Part {n}.{m}", duration_minutes=5)
        context = AppContext(QUndoStack(), TaskRunner())
        context.set_database(db)
        page = AgendaBuilderPage(context)
        page.resize(1400, 900)
        page.show_meeting(meeting)
        page.show()
        app.processEvents()
        rows = page.model.agenda.items if page.model.agenda else ()
        target = rows[3]
        timings = []
        for value in range(20):
            began = time.perf_counter()
            page.operations.update(target, {"duration_minutes": 11 + value})  # one edit + the reload it causes
            app.processEvents()
            timings.append(time.perf_counter() - began)
            target = next(i for i in page.model.agenda.items if i.uuid == target.uuid)  # type: ignore[union-attr]
        timings.sort()
        print(f"{len(rows)} rows; edit + reload: median {timings[len(timings) // 2] * 1000:.1f} ms, "
              f"worst {timings[-1] * 1000:.1f} ms")
        page.close()
        db.close()


if __name__ == "__main__":
    sys.exit(main())
