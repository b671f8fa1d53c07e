"""Printed outputs read back: every attendee, decision and action is in the minutes, every page carries the
marking and a consistent "Page N of M", the watermark is there exactly while the minutes are not approved,
accented names survive, the same data gives the same bytes, numbered copies reach the distribution log.

French runs on the shipped catalog.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from app.cli import parse_args, run
from app.domain.enums import ActionStatus
from app.domain.models import ActionItem, DistributionRecord, Meeting, MinutesEntry
from app.persistence.database import Database, backup_database, open_database
from app.reports import Cancelled, OutputOptions, export_files, paper_for_locale, render_output_bytes
from app.reports.options import Lang, french_typography
from app.services.outputs import meeting_record, minutes_content_hash

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ACCENTED = ("Łukasz Wiśniewski", "Çağlar Yılmaz", "Ingrid Ødegård", "Thi Mai Nguyễn")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import build_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo_database(path).close()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(backup_database(demo_template, tmp_path / "demo.sqlite"))
    yield database
    database.close()


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def render(db: Database, kind: str, meeting: str | None, language: str = "en", paper: str = "a4") -> bytes:
    return render_output_bytes(db, kind, meeting, OutputOptions(language=language, paper=paper))  # type: ignore[arg-type]


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("language", ["en", "fr", "bilingual"])
def test_the_minutes_hold_every_attendee_decision_and_action(demo: Database, language: str) -> None:
    record = meeting_record(demo, "VGT-2019-10")
    text = flat("\n".join(pages_text(render(demo, "minutes", "VGT-2019-10", language))))
    for attendee in record.attendees:
        assert attendee.name in text
    for decision in record.decisions:
        assert decision.number in text
    for action in record.actions:
        assert action.number in text
    for name in ACCENTED:
        assert name in text
    if language != "fr":
        assert "The VGT approved the 2019 Environmental Scan (version 2)" in text
    if language != "en":
        assert "Le VGT a approuvé l’analyse environnementale" in text
        assert "18,4 millions" in text


@pytest.mark.parametrize(("language", "page_word", "marking"), [
    ("en", "Page {n} of {total}", "TLP:AMBER"), ("fr", "Page {n} de {total}", "TLP:AMBER"),
    ("bilingual", "Page {n} of {total} / Page {n} de {total}", "TLP:AMBER"),
])
@pytest.mark.parametrize("kind", ["minutes", "agenda", "signin", "attendees", "actions"])
def test_every_page_carries_the_marking_and_its_number(
    demo: Database, kind: str, language: str, page_word: str, marking: str
) -> None:
    pages = pages_text(render(demo, kind, "VGT-2019-10", language))
    assert pages
    for n, text in enumerate(pages, start=1):
        assert page_word.format(n=n, total=len(pages)) in text
        assert text.count(marking) >= 2  # header and footer
        if kind != "actions":
            assert "VGT-2019-10" in text


def test_the_watermark_is_there_exactly_while_the_minutes_are_not_approved(demo: Database) -> None:
    for language, word in (("en", "DRAFT"), ("fr", "PROJET")):
        draft = pages_text(render(demo, "minutes", "VGT-2019-10", language))
        assert all(word in page for page in draft)
        approved = pages_text(render(demo, "minutes", "VGT-2011-11", language))
        assert not any(word in page for page in approved)
    with demo.transaction() as session:
        session.execute(update(Meeting).where(Meeting.reference == "VGT-2019-10")
                        .values(minutes_approved_on=__import__("datetime").date(2019, 11, 20),
                                minutes_approved_by="Marie-Claude Arsenault"))
    now_approved = pages_text(render(demo, "minutes", "VGT-2019-10"))
    assert not any("DRAFT" in page for page in now_approved)
    assert "Approved by the Chair on 20 November 2019 (Marie-Claude Arsenault)" in flat("".join(now_approved))


def test_approved_minutes_carry_the_content_hash_that_check_recomputes(demo: Database) -> None:
    text = flat("".join(pages_text(render(demo, "minutes", "VGT-2011-11"))))
    digest = minutes_content_hash(demo, "VGT-2011-11")
    assert len(digest) == 64 and digest in text
    assert "Thorbjørn Jagland" in text
    # Action status moves on after approval: the hash does not follow it; a changed text does.
    with demo.transaction() as session:
        session.execute(update(ActionItem).values(status=ActionStatus.DROPPED))
    assert minutes_content_hash(demo, "VGT-2011-11") == digest
    with demo.transaction() as session:
        entry = session.execute(select(MinutesEntry)).scalars().first()
        assert entry is not None
        entry.text_en += " Amended."
    assert minutes_content_hash(demo, "VGT-2011-11") != digest


def test_text_in_one_language_only_is_marked(demo: Database) -> None:
    french = flat("".join(pages_text(render(demo, "minutes", "VGT-2019-10", "fr"))))
    assert "[anglais seulement] Law enforcement members gave operational updates" in french
    both = flat("".join(pages_text(render(demo, "minutes", "VGT-2019-10", "bilingual"))))
    assert "[anglais seulement]" in both and "Law enforcement members gave operational updates" in both


def test_the_same_data_gives_the_same_bytes(demo: Database) -> None:
    for kind in ("minutes", "agenda", "signin", "actions", "attendees"):
        first = render(demo, kind, "VGT-2019-10", "bilingual")
        assert render(demo, kind, "VGT-2019-10", "bilingual") == first


def test_metadata_bookmarks_fonts_and_paper(demo: Database) -> None:
    reader = PdfReader(io.BytesIO(render(demo, "minutes", "VGT-2019-10", "fr", "letter")))
    meta = reader.metadata
    assert meta is not None
    assert meta.title is not None and "Procès-verbal" in meta.title and "VGT-2019-10" in meta.title
    assert meta.author == "Gendarmerie royale du Canada"
    assert meta.subject and "Ottawa" in meta.subject
    assert meta["/CreationDate"].startswith("D:20191004140000")
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert {"Présences", "Ordre du jour", "Délibérations", "Registre des décisions"} <= set(titles)
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
        fonts = page["/Resources"]["/Font"]
        assert all("DejaVuSans" in str(font.get_object()["/BaseFont"]) for font in fonts.values())
    a4 = PdfReader(io.BytesIO(render(demo, "agenda", "VGT-2019-10", "en", "a4"))).pages[0]
    assert (round(float(a4.mediabox.width)), round(float(a4.mediabox.height))) == (595, 842)


def test_paper_follows_the_locale() -> None:
    assert paper_for_locale("en_US.UTF-8") == "letter"
    assert paper_for_locale("en_CA") == "letter"
    assert paper_for_locale("fr_CA.UTF-8") == "letter"
    assert paper_for_locale("fr_FR") == "a4"
    assert paper_for_locale("en_GB") == "a4"
    assert paper_for_locale(None) == "a4"


def test_french_typography_and_numbers() -> None:
    french = Lang("fr")
    assert french.number(18_400_000) == "18\u00a0400\u00a0000"
    assert french_typography("Responsable : GRC ; « fin » ?") == "Responsable\u00a0: GRC\u00a0; «\u00a0fin\u00a0»\u00a0?"
    assert "\u202f" not in french.zone_name(__import__("datetime").datetime(2019, 10, 2, 17, tzinfo=__import__(
        "datetime").UTC), "America/Toronto")


def _large(db: Database) -> str:
    # The benchmark's generator: one definition of "a large meeting" for the benchmark and this test.
    spec = importlib.util.spec_from_file_location("large_meeting", ROOT / "bench" / "large_meeting.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.add_large_meeting(db, attendees=120, items=12, actions=30))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_long_tables_split_with_their_header_and_nothing_leaves_the_page(db: Database, paper: str) -> None:
    reference = _large(db)
    data = render(db, "minutes", reference, "bilingual", paper)
    reader = PdfReader(io.BytesIO(data))
    record = meeting_record(db, reference)
    present = [a.name for a in record.attendees if a.attendance.value == "present"]
    texts = [page.extract_text() for page in reader.pages]
    attendance = texts[: next(i for i, t in enumerate(texts) if "Proceedings" in t)]
    pages_with_present = [i for i, text in enumerate(attendance) if any(name in text for name in present)]
    assert len(pages_with_present) >= 2
    for index in pages_with_present:
        assert "Organisation" in texts[index]  # the header row, repeated on every page the table runs onto
    text = flat("".join(page.extract_text() for page in reader.pages))
    for action in record.actions:
        assert action.number in text
    for page in reader.pages:
        width = float(page.mediabox.width)
        starts: list[float] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  starts: list[float] = starts) -> None:
            if text.strip():
                starts.append(tm[4] * cm[0] + cm[4])

        page.extract_text(visitor_text=visit)
        assert starts and min(starts) >= 0 and max(starts) < width - 40


def test_progress_is_reported_and_cancel_stops(demo: Database) -> None:
    seen: list[tuple[int, int]] = []
    render_output_bytes(demo, "minutes", "VGT-2019-10", OutputOptions(), progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen[1:]] == sorted(d for d, _t in seen[1:])
    calls = iter(range(1000))
    with pytest.raises(Cancelled):
        render_output_bytes(demo, "minutes", "VGT-2019-10", OutputOptions(), cancelled=lambda: next(calls) > 5)


def test_numbered_copies_are_marked_and_logged(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    files = export_files(demo, "minutes", "VGT-2019-10", out, OutputOptions(language="en", paper="a4"),
                         copies=3, recipients=["NCA", "Europol"])
    assert [f.name for f in files] == ["minutes-copy-01.pdf", "minutes-copy-02.pdf", "minutes-copy-03.pdf"]
    for page in pages_text(files[1].read_bytes()):
        assert "Copy 2 of 3 — Europol" in page
    with demo.transaction() as session:
        rows = session.execute(select(DistributionRecord).order_by(DistributionRecord.copy_number)).scalars().all()
        assert [(r.copy_number, r.copies_total, r.recipient, r.output) for r in rows] == [
            (1, 3, "NCA", "minutes"), (2, 3, "Europol", "minutes"), (3, 3, "", "minutes")]
        assert rows[1].sha256 == hashlib.sha256(files[1].read_bytes()).hexdigest()
        assert rows[1].recipient_organisation is not None and rows[1].meeting is not None


def test_the_minutes_as_an_editable_word_document(demo: Database, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "minutes.docx"
    assert run(parse_args(["export", "minutes", "--meeting", "VGT-2019-10", "--lang", "bilingual",
                           "--out", str(out), "--db", str(demo.path)]), io.StringIO()) == 0
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Proceedings / Délibérations" in text
    for name in ACCENTED:
        assert name in cells
    assert "VGT-2019-10/D1" in cells and "VGT-2019-10/A5" in cells
    assert document.core_properties.author == "Royal Canadian Mounted Police"


def test_the_export_commands(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    stream = io.StringIO()
    args = ["export", "minutes", "--meeting", "VGT-2019-10", "--lang", "fr", "--out", str(out), "--db", str(demo.path)]
    assert run(parse_args(args), stream) == 0
    assert "Procès-verbal" in (PdfReader(str(out)).metadata or {}).get("/Title", "")
    actions = tmp_path / "actions.pdf"
    assert run(parse_args(["export", "actions", "--out", str(actions), "--db", str(demo.path)]), stream) == 0
    text = "".join(pages_text(actions.read_bytes()))
    assert "VGT-2011-11/A1" in text and "VGT-2019-10/A5" in text
    agenda = tmp_path / "agenda.pdf"
    assert run(parse_args(["export", "agenda", "--meeting", "VGT-2019-10", "--time-zone", "Australia/Canberra",
                           "--paper", "letter", "--out", str(agenda), "--db", str(demo.path)]), stream) == 0
    assert "Canberra" in pages_text(agenda.read_bytes())[0]
    assert run(parse_args(["export", "signin", "--meeting", "NOPE", "--out", str(agenda),
                           "--db", str(demo.path)]), stream) == 2
    assert run(parse_args(["export", "agenda", "--meeting", "VGT-2019-10", "--out", str(tmp_path / "a.docx"),
                           "--db", str(demo.path)]), stream) == 2


def test_the_reports_package_loads_without_reportlab() -> None:
    code = ("import sys, app.cli, app.reports, app.reports.command, app.services.outputs\n"
            "app.cli.build_parser()\n"
            "heavy = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pypdf', 'docx', 'PySide6')]\n"
            "assert not heavy, heavy\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
