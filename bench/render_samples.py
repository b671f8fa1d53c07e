"""Render the printed outputs of the demo to PDF and their first pages to PNG (docs/reports/), by hand:

    .venv/bin/python bench/render_samples.py [--out docs/reports] [--pages 2] [--paper a4]

Every output (minutes, agenda, sign-in sheet, action register, attendee list) in English, French and
bilingual; minutes of both demo meetings (draft and approved).  French uses the shipped catalog completed
with the proposed translations of tests/app/test_reports_fr.po until the central catalog has them.
Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import i18n  # noqa: E402

PROPOSED = ROOT / "tests" / "app" / "test_reports_fr.po"


def use_completed_catalog(folder: Path) -> None:
    """Point the app at the shipped French catalog completed with the proposed report strings."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with (i18n.catalog_dir() / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    with PROPOSED.open("rb") as handle:
        proposed = read_po(handle, locale="fr")
    for message in proposed:
        if not message.id:
            continue
        shipped = catalog.get(message.id, message.context)
        strings = shipped.string if shipped is not None else None
        done = all(strings) if isinstance(strings, (list, tuple)) else bool(strings)
        if shipped is None:
            catalog[message.id] = message  # (the context travels with the message)
        elif not done or shipped.fuzzy:
            shipped.string = message.string
            shipped.flags.discard("fuzzy")
    target = folder / "fr" / "LC_MESSAGES" / "messages.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        write_mo(out, catalog, use_fuzzy=False)
    i18n.catalog_dir = lambda: folder  # type: ignore[assignment]


def main() -> None:
    from app.demo import build_demo_database
    from app.reports import OutputOptions, write_output

    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reports")
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("--paper", default="a4")
    parser.add_argument("--resolution", type=int, default=60)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        use_completed_catalog(Path(work) / "catalogs")
        db = build_demo_database(Path(work) / "demo.sqlite")
        jobs = [("minutes", "VGT-2019-10"), ("minutes", "VGT-2011-11"), ("agenda", "VGT-2019-10"),
                ("signin", "VGT-2019-10"), ("actions", None), ("attendees", "VGT-2019-10")]
        for kind, meeting in jobs:
            for language in ("en", "fr", "bilingual"):
                zones = ("Europe/Paris", "Australia/Canberra") if kind == "agenda" else ()
                options = OutputOptions(language=language, paper=args.paper, time_zones=zones)  # type: ignore[arg-type]
                stem = f"{kind}-{meeting or 'all'}-{language}"
                pdf = Path(work) / f"{stem}.pdf"
                write_output(db, kind, meeting, pdf, options)  # type: ignore[arg-type]
                subprocess.run(["pdftoppm", "-r", str(args.resolution), "-png", "-l", str(args.pages),
                                str(pdf), str(args.out / stem)], check=True)
                print(stem)
        db.close()


if __name__ == "__main__":
    main()
