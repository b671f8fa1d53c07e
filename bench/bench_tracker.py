"""Benchmark (run by hand, never a timed test): the action tracker over many actions.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_tracker.py [--meetings 200] [--actions 100] [--runs 3]

Builds a database with ``meetings × actions`` action items, each with an owner (rows written with SQL
inserts, without the audit trail, to set up quickly), then times the tracker's read with each filter (SQL)
and the model's fill and sort (in the model, no proxy).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert, select  # noqa: E402

from app.domain.enums import ActionStatus, Relation  # noqa: E402
from app.domain.models import ActionItem, ActionOwner, Meeting, Organisation, Person  # noqa: E402
from app.persistence.database import Database, open_database  # noqa: E402
from app.services.action_tracking import ActionFilter, track_actions  # noqa: E402

TODAY = date(2021, 6, 1)


def populate(db: Database, meetings: int, per_meeting: int) -> tuple[str, str]:
    now = datetime.now(UTC)
    statuses = list(ActionStatus)
    with db.transaction() as session:
        orgs = [Organisation(name_en=f"Agency {n}", acronym_en=f"AG{n}", relation=Relation.MEMBER) for n in range(30)]
        session.add_all(orgs)
        session.flush()
        people = [Person(given_name="Person", family_name=f"N{n}", organisation=orgs[n % 30]) for n in range(300)]
        session.add_all(people)
        session.flush()
        rows = [dict(uuid=str(uuid.uuid4()), created_at=now, updated_at=now, reference=f"M-{n:04d}", title_en=f"Meeting {n}",
                     starts_at=datetime(2015, 1, 1, tzinfo=UTC) + timedelta(days=7 * n),
                     ends_at=datetime(2015, 1, 1, 8, tzinfo=UTC) + timedelta(days=7 * n), time_zone="UTC")
                for n in range(meetings)]
        session.execute(insert(Meeting), rows)
        meeting_ids = session.execute(select(Meeting.id)).scalars().all()
        actions = []
        for m, meeting_id in enumerate(meeting_ids):
            for n in range(per_meeting):
                actions.append(dict(uuid=str(uuid.uuid4()), created_at=now, updated_at=now, meeting_id=meeting_id,
                                    position=n, text_en=f"Action {m}-{n}: follow up with partners", text_fr="",
                                    due_date=date(2015, 2, 1) + timedelta(days=(m * 7 + n) % 2500),
                                    status=statuses[(m + n) % len(statuses)].value))
        session.execute(insert(ActionItem), actions)
        ids = session.execute(select(ActionItem.id)).scalars().all()
        session.execute(insert(ActionOwner), [
            dict(uuid=str(uuid.uuid4()), created_at=now, updated_at=now, action_id=action_id,
                 person_id=people[n % 300].id if n % 2 else None, organisation_id=None if n % 2 else orgs[n % 30].id,
                 position=0) for n, action_id in enumerate(ids)])
        return orgs[3].uuid, people[7].uuid


def timed(label: str, runs: int, work: Callable[[], object]) -> object:
    times, result = [], None
    for _run in range(runs):
        began = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - began)
    size = len(result) if isinstance(result, list) else ""
    print(f"{label:<44} {statistics.median(times):7.2f} s  {size}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db = open_database(Path(work) / "bench.sqlite")
        org, person = populate(db, args.meetings, args.actions)
        print(f"{args.meetings * args.actions} actions in {args.meetings} meetings")
        everything = timed("read: all actions", args.runs, lambda: track_actions(db, ActionFilter(), TODAY))
        timed("read: overdue", args.runs, lambda: track_actions(db, ActionFilter(overdue=True), TODAY))
        timed("read: one organisation (itself or its people)", args.runs,
              lambda: track_actions(db, ActionFilter(organisation_uuid=org), TODAY))
        timed("read: one person", args.runs, lambda: track_actions(db, ActionFilter(owner_person_uuid=person), TODAY))
        timed("read: words of the text", args.runs, lambda: track_actions(db, ActionFilter(text="3-14"), TODAY))
        db.close()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.actions_tracker.model import TrackerColumn, TrackerModel

    QApplication.instance() or QApplication([])
    model = TrackerModel(today=lambda: TODAY)
    rows = list(everything) if isinstance(everything, list) else []
    timed("model: fill", args.runs, lambda: model.set_rows(rows))
    for column in (TrackerColumn.DUE, TrackerColumn.OWNERS, TrackerColumn.STATUS):
        timed(f"model: sort by {column.name.lower()}", args.runs,
              lambda column=column: model.sort(column, Qt.SortOrder.DescendingOrder))


if __name__ == "__main__":
    main()
