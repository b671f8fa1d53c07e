"""Benchmark (run by hand, never a timed test): a large document register and its integrity check.

    .venv/bin/python bench/bench_documents.py [--documents 1000] [--versions 3] [--size-kib 512] [--comments 20]

Fills a database with documents, each with versions of the given size and a comment matrix on its first
version, then reports: the register listing and a search (the page's reload), one document's detail and
history (what the page reads when a document is selected), a comment matrix exported and read back, and
``check_database`` over every stored file, approval and audit event.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.persistence.database import open_database  # noqa: E402


def timed(label: str, function, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args)
    print(f"{label:<44} {time.perf_counter() - start:8.3f} s")
    return result


def main() -> None:
    from app.interchange.comment_matrix import export_comment_matrix, plan_comment_import
    from app.services import directory, document_detail, documents, reviews
    from app.services.integrity import check_database

    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--versions", type=int, default=3)
    parser.add_argument("--size-kib", type=int, default=512)
    parser.add_argument("--comments", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "bench.sqlite"
        db = open_database(path)
        org = directory.create_organisation(db, name_en="Europol", acronym_en="Europol", relation="member").uuid
        start = time.perf_counter()
        first_version = ""
        for n in range(args.documents):
            doc = documents.create_document(db, title_en=f"Document {n:05d}", title_fr=f"Document {n:05d} (fr)")
            for v in range(args.versions):
                made = documents.store_version(db, doc.uuid, f"doc-{n:05d}-v{v + 1}.pdf",
                                               os.urandom(args.size_kib * 1024))
                if n == 0 and v == 0:
                    first_version = made.uuid
                    for c in range(args.comments):
                        reviews.add_comment(db, made.uuid, organisation_uuid=org, comment=f"Comment {c}")
        print(f"{'filling':<44} {time.perf_counter() - start:8.3f} s "
              f"({args.documents * args.versions} files, {path.stat().st_size / 2**20:.0f} MiB)")
        rows = timed("register (all documents)", documents.list_documents, db)
        timed("register search 'document 0099'", documents.list_documents, db, "en", "document 0099")
        timed("one document's detail", document_detail.get_document_detail, db, rows[0].uuid)
        timed("one document's history", document_detail.document_history, db, rows[0].uuid)
        out = Path(work) / "matrix.xlsx"
        timed(f"comment matrix export ({args.comments} rows)", export_comment_matrix, db, first_version, out)
        timed("comment matrix read back (plan)", plan_comment_import, db, first_version, out)
        db.close()
        report = timed("check_database (every file, approval, event)", check_database, path)
        print(f"  {report.files_checked} files, {report.events_checked} audit events, {len(report.faults)} faults")


if __name__ == "__main__":
    main()
