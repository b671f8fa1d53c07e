"""Benchmark (run by hand, never a timed test): the attendee list with 300 attendees and 10,000 people in the
directory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_attendees.py [--attendees 300] [--directory 10000]

Reports the median CPU and wall time of several runs, and a calibration loop to compare machines: reading the list (the service), building the grouped model, a whole
page reload (service, model, view), the search of the "Add people" field for a few typical texts (the first
search of a session, which folds every name once, and the searches after it), a status change for all 300,
and writing the invitation (.ics) and the list (.xlsx).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select  # noqa: E402

from app.domain.models import Meeting, Organisation, Person  # noqa: E402
from app.persistence.database import Database, open_database  # noqa: E402
from bench.large_meeting import FAMILY, GIVEN, add_large_meeting  # noqa: E402

QUERIES = ("w", "wis", "wisn", "lukasz wis", "ag1", "zzzz", "p4242@")


def add_directory(db: Database, total: int) -> None:
    """People who attend nothing, up to ``total`` in the directory, with accented names and e-mail addresses."""
    with db.transaction() as session:
        orgs = list(session.execute(select(Organisation)).scalars())
        have = len(session.execute(select(Person.id)).all())
        for person in session.execute(select(Person).where(Person.email.is_(None))).scalars():
            person.email = f"attendee{person.id}@agency.example"  # an invitation needs addresses
        session.add_all(Person(given_name=GIVEN[n % len(GIVEN)], family_name=f"{FAMILY[(n * 7) % len(FAMILY)]} D{n}",
                               email=f"p{n}@agency{n % 50}.example", organisation=orgs[n % len(orgs)])
                        for n in range(total - have))


def timed(function: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median CPU time and median wall time in milliseconds (CPU time stays meaningful on a busy machine)."""
    cpu, wall = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def calibration() -> float:
    """CPU seconds for three million additions in a Python loop: about 0.15 s on a 2020 laptop."""
    start, total = time.process_time(), 0
    for number in range(3_000_000):
        total += number
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=300)
    parser.add_argument("--directory", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()

    from PySide6.QtGui import QUndoStack

    from app.interchange.attendees_export import write_attendees
    from app.interchange.ics import write_invitation
    from app.services import attendees
    from ui.application import create_application
    from ui.attendees import AttendeesPage
    from ui.attendees.model import AttendeeTreeModel
    from ui.context import AppContext
    from ui.tasks import TaskRunner

    qt_app = create_application()
    with tempfile.TemporaryDirectory(prefix="chairdesk-bench-") as work:
        folder = Path(work)
        db = open_database(folder / "bench.sqlite")
        add_large_meeting(db, attendees=options.attendees)
        add_directory(db, options.directory)
        with db.transaction() as session:
            meeting = session.execute(select(Meeting)).scalar_one().uuid
        found = attendees.list_attendees(db, meeting)
        print(f"{len(found.rows)} attendees, {options.directory} people in the directory, {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}, calibration loop {calibration():.2f} s CPU "
              "(about 0.15 s on a 2020 laptop)")
        print(f"  {'':<48} {'CPU':>8}    {'wall':>8}")

        def line(what: str, result: tuple[float, float]) -> None:
            print(f"  {what:<48} {result[0]:8.1f} ms {result[1]:8.1f} ms")

        line("read the list (service)", timed(lambda: attendees.list_attendees(db, meeting), options.runs))
        model = AttendeeTreeModel()
        line("build the grouped model (reset)", timed(lambda: (model.set_rows([], "UTC"),
                                                               model.set_rows(found.rows, found.time_zone)),
                                                      options.runs))
        line("refresh the model, same rows (repaint)",
             timed(lambda: model.set_rows(found.rows, found.time_zone), options.runs))

        context = AppContext(QUndoStack(), TaskRunner())
        context.set_database(db)
        page = AttendeesPage(context)
        page.resize(1400, 900)
        page.show()
        page.show_meeting(meeting)
        qt_app.processEvents()
        line("reload the page (service + model + view)", timed(page.reload, options.runs))

        line("first search of the session (folds every name)",
             timed(lambda: attendees.search_directory(db, meeting, QUERIES[0]), 1))

        def fingerprint() -> None:
            with db.transaction() as session:
                attendees._fingerprint(session)  # the part of every search that reads the database

        line("fingerprint of the directory (in every search)", timed(fingerprint, options.runs))
        for text in QUERIES:
            count = len(attendees.search_directory(db, meeting, text))
            line(f"search {text!r} ({count} shown)", timed(lambda t=text: attendees.search_directory(db, meeting, t),
                                                           options.runs))

        uuids = [row.uuid for row in found.rows]
        line(f"set {len(uuids)} attendees to Confirmed (one transaction)",
             timed(lambda: attendees.update_participations(db, uuids, {"invitation_status": "confirmed"}), 3))
        line("write the invitation (.ics)",
             timed(lambda: write_invitation(db, meeting, folder / "invite.ics"), 3))
        line("write the list (.xlsx)", timed(lambda: write_attendees(db, meeting, folder / "list.xlsx"), 3))
        page.close()
        db.close()


if __name__ == "__main__":
    main()
