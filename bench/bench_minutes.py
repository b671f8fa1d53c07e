"""Benchmark (run by hand, never a timed test): the bilingual minutes of a large meeting.

    .venv/bin/python bench/bench_minutes.py [--attendees 300] [--items 60] [--actions 100] [--runs 3]

300 attendees, 60 agenda items with two paragraphs of minutes in each language, 100 actions, bilingual,
A4: reports the time to read the record and to lay out the PDF, the pages, and pages per second.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.persistence.database import open_database  # noqa: E402
from app.reports import OutputOptions  # noqa: E402
from bench.large_meeting import add_large_meeting  # noqa: E402


def main() -> None:
    from app.reports.minutes import render_minutes
    from app.services.outputs import content_hash, meeting_record

    parser = argparse.ArgumentParser()
    parser.add_argument("--attendees", type=int, default=300)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--language", default="bilingual")
    parser.add_argument("--out", type=Path, help="also keep the PDF of the last run here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db = open_database(Path(work) / "bench.sqlite")
        reference = add_large_meeting(db, attendees=args.attendees, items=args.items, actions=args.actions)
        reads, renders, pages, size = [], [], 0, 0
        for _run in range(args.runs):
            began = time.perf_counter()
            record = meeting_record(db, reference)
            sha = content_hash(record)
            read = time.perf_counter()
            out = io.BytesIO()
            pages = render_minutes(record, sha, out, OutputOptions(language=args.language, paper="a4"))  # type: ignore[arg-type]
            done = time.perf_counter()
            reads.append(read - began)
            renders.append(done - read)
            size = len(out.getvalue())
        db.close()
    if args.out:
        args.out.write_bytes(out.getvalue())
    total = statistics.median(r + w for r, w in zip(reads, renders, strict=True))
    print(f"minutes, {args.language}, A4: {args.attendees} attendees, {args.items} items, {args.actions} actions")
    print(f"read {statistics.median(reads):.2f} s + layout {statistics.median(renders):.2f} s = {total:.2f} s "
          f"(median of {args.runs}); {pages} pages, {size / 1024:.0f} KiB; {pages / total:.1f} pages/s")


if __name__ == "__main__":
    main()
