"""Benchmark (run by hand, never a timed test): the Directory with 10,000 people.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_directory.py [--people 10000] [--runs 3]

Builds the directory through the spreadsheet import itself (a generated CSV of N people in 250 organisations,
with accents), then reports the median of ``--runs`` for: the import's analysis and its one-transaction write;
loading every person (``list_people``); accent-free searches; the people table model taking the rows and
sorting them by every column; the page's whole reload through the worker, as the user sees it; and exports.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GIVEN = ["Marie-Claude", "Stephen", "Ingrid", "Łukasz", "Çağlar", "Thi Mai", "Zoé", "Aroha", "Kaito", "Amélie",
         "Jean", "Giulia", "Oliver", "Rebecca", "Sophie", "Khalid", "Jennifer", "Neil", "Thorbjørn", "Marcus"]
FAMILY = ["Arsenault", "White", "Ødegård", "Wiśniewski", "Yılmaz", "Nguyễn", "Lefèvre", "Ngata", "Tanaka", "Côté",
          "Dupont", "Ferraro", "Pennington", "Thornton", "Tremblay", "Al Mansoori", "Morales", "Gaughan", "Jagland",
          "Bell", "Smith", "Martin", "Bernard", "Dubois", "Müller", "García", "Kowalski", "Santé", "O'Brien", "Ng"]
ZONES = ["America/Toronto", "Europe/Paris", "Europe/London", "Australia/Canberra", "Asia/Dubai", "Pacific/Auckland"]
COUNTRIES = ["Canada", "France", "Royaume-Uni", "Australia", "Italie", "New Zealand", "United States", "Norvège"]


def timed(runs: int, action: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _run in range(runs):
        began = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def people_csv(path: Path, count: int) -> None:
    rng = random.Random(2019)
    lines = ["Nom;Prénom;Courriel;Organisation;Pays;Téléphone;Titre/Grade;Langue;Fuseau horaire"]
    for n in range(count):
        family, given = rng.choice(FAMILY), rng.choice(GIVEN)
        org = f"Agence {n % 250:03d} de la santé" if n % 3 else f"ORG{n % 250:03d}"
        lines.append(";".join([family, given, f"person{n}@agency{n % 250}.example", org, rng.choice(COUNTRIES),
                               f"+1 555 {n:05d}", "Inspecteur" if n % 2 else "Analyste",
                               rng.choice(["fr", "en"]), rng.choice(ZONES)]))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace"))


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from app.interchange.directory_export import export_people
    from app.interchange.spreadsheet_import import read_sheet
    from app.interchange.spreadsheet_mapping import ImportKind, guess_mapping
    from app.persistence.database import open_database
    from app.services.directory import list_people
    from app.services.directory_import import apply_import, preview_import
    from app.services.import_plan import ImportOptions
    from ui.context import AppContext
    from ui.directory import DirectoryPage
    from ui.directory.models import PeopleModel, PersonColumn
    from ui.tasks import TaskRunner

    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    results: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        people_csv(folder / "people.csv", args.people)
        db = open_database(folder / "bench.sqlite")
        seconds, sheet = timed(1, lambda: read_sheet(folder / "people.csv"))
        results.append((f"read a CSV of {args.people} rows", seconds))
        mapping = guess_mapping(sheet.headers, ImportKind.PEOPLE)
        options = ImportOptions(create_organisations=True)
        seconds, _preview = timed(args.runs, lambda: preview_import(db, sheet, mapping, options))
        results.append(("import: analyse every row against the directory", seconds))
        seconds, result = timed(1, lambda: apply_import(db, sheet, mapping, options))
        results.append((f"import: write {len(result.created)} people, {len(result.organisations_created)} "
                        "organisations in one transaction", seconds))

        seconds, rows = timed(args.runs, lambda: list_people(db))
        results.append((f"load all {len(rows)} people (list_people)", seconds))
        for term in ("sante", "odegard", "person4242@"):
            seconds, found = timed(args.runs, lambda term=term: list_people(db, search=term))
            results.append((f"search “{term}” ({len(found)} found)", seconds))

        model = PeopleModel()
        seconds, _ = timed(args.runs, lambda: model.set_rows(rows))
        results.append(("table model: take the rows (sorted by family name)", seconds))
        for column in PersonColumn:
            seconds, _ = timed(args.runs, lambda column=column: model.sort(column, Qt.SortOrder.DescendingOrder))
            results.append((f"table model: sort by {column.name.lower()}", seconds))

        context = AppContext(QUndoStack(), TaskRunner())
        page = DirectoryPage(context)
        page.resize(1400, 900)
        page.show()
        context.set_database(db)

        def reload() -> None:
            page.reload()
            while page._loading:  # the worker's result comes back through the event loop
                app.processEvents()
                time.sleep(0.001)

        reload()
        seconds, _ = timed(args.runs, reload)
        results.append(("page: whole reload through the worker, until painted data", seconds))
        page.search.setText("sante")
        seconds, _ = timed(args.runs, reload)
        results.append(("page: search “sante” through the worker", seconds))
        context.tasks.wait_for_done()

        for suffix in (".csv", ".xlsx"):
            seconds, count = timed(1, lambda suffix=suffix: export_people(db, folder / f"people{suffix}"))
            results.append((f"export {count} people to {suffix}", seconds))
        context.set_database(None)
        db.close()
    width = max(len(name) for name, _s in results)
    print(f"Directory benchmark, {args.people} people, median of {args.runs} runs where repeated")
    for name, seconds in results:
        print(f"  {name.ljust(width)}  {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
