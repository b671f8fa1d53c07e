"""What the documents of a meeting share: the title block, the words of the page (header, "Page N of M",
copy line, watermark), the PDF metadata, and how a finished story becomes a PDF.

Texts are functions of the language (``Text``); ``t(N_("…"))`` is a fixed message translated into each
language of the document at use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo

from reportlab.platypus import Paragraph

from app.domain.enums import Marking, MeetingMode
from app.i18n import N_
from app.reports.blocks import Cell, Text, Writer
from app.reports.options import IsCancelled, Lang, Progress
from app.reports.page import PageDecor, PdfMeta, build_pdf
from app.services.outputs import MeetingRecord
from app.services.views import MeetingView

BCP47 = {"en": "en-GB", "fr": "fr-FR"}


def t(message: str) -> Text:
    """A fixed message (marked with ``N_``) as a text translated into each language at use."""
    return lambda lang: lang.gettext(message)


def meeting_when(meeting: MeetingView, lang: Lang) -> str:
    """``2 October 2019, 13:00 – 3 October 2019, 14:30`` in the meeting's time zone."""
    _ = lang.gettext
    zone = ZoneInfo(meeting.time_zone)
    start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
    if start.date() == end.date():
        return _("{date}, {start}–{end}").format(
            date=lang.date(start.date()), start=lang.time(start, meeting.time_zone), end=lang.time(end, meeting.time_zone))
    return _("{start_date}, {start} – {end_date}, {end}").format(
        start_date=lang.date(start.date()), start=lang.time(start, meeting.time_zone),
        end_date=lang.date(end.date()), end=lang.time(end, meeting.time_zone))


def meeting_where(meeting: MeetingView, lang: Lang) -> str:
    _ = lang.gettext
    place = ", ".join(p for p in (meeting.venue, meeting.city, lang.country(meeting.country)) if p)
    if meeting.mode is MeetingMode.ONLINE:
        return _("Online")
    if meeting.mode is MeetingMode.HYBRID:
        return _("{place}, and online").format(place=place) if place else _("Online")
    return place


def title_block(w: Writer, record: MeetingRecord, kind: Text, extra: list[tuple[Text, str | Text]] | None = None,
                full: bool = True) -> None:
    """The opening of a meeting document: what it is, the meeting's title, and its particulars."""
    meeting = record.meeting
    w.add(w.para(w.words(lambda lang: kind(lang).upper(), "  ·  "), w.styles.kicker))
    w.add(*w.text(record.title, w.styles.title))
    pairs: list[tuple[Text, str | Text]] = [
        (t(N_("Reference")), meeting.reference),
        (t(N_("Date and time")), lambda lang: meeting_when(meeting, lang)),
        (t(N_("Time zone")), lambda lang: lang.zone_name(meeting.starts_at, meeting.time_zone)),
        (t(N_("Place")), lambda lang: meeting_where(meeting, lang)),
    ]
    if full:
        pairs += [
            (t(N_("Host")), lambda lang: record.host.text(lang.code)),
            (t(N_("Chair")), meeting.chair_name),
            (t(N_("Secretary")), meeting.secretary_name),
            (t(N_("Original")), lambda lang: lang.label(meeting.original_language).lower()
             if lang.code == "fr" else lang.label(meeting.original_language)),
        ]
    pairs += extra or []
    rows: list[tuple[Text, Cell]] = []
    for label, value in pairs:
        if isinstance(value, str):
            if value:
                rows.append((label, value))
        elif w.words(value).strip():
            rows.append((label, Paragraph(w.words_markup(value), w.styles.cell)))
    w.add(w.fields(rows))
    w.space(4)


def page_label(w: Writer) -> Callable[[int, int], str]:
    langs = w.langs

    def label(page: int, pages: int) -> str:
        texts: list[str] = []
        for lang in langs:
            _ = lang.gettext
            text = _("Page {page} of {pages}").format(page=page, pages=pages)
            if text not in texts:
                texts.append(text)
        return " / ".join(texts)

    return label


def copy_line(w: Writer) -> str:
    copy = w.options.copy
    if copy is None:
        return ""

    def line(lang: Lang) -> str:
        _ = lang.gettext
        return _("Copy {number} of {total}").format(number=copy.number, total=copy.total)

    text = w.words(line)
    return f"{text} — {copy.recipient}" if copy.recipient else text


def watermark(w: Writer) -> str:
    def word(lang: Lang) -> str:
        _ = lang.gettext
        # Translators: the diagonal watermark of minutes not yet approved; French offices write PROJET.
        return _("DRAFT")

    return w.words(word, " · ")


def finish(w: Writer, out: BinaryIO, *, kind: Text, marking: Marking, reference: str, title: Text, author: str,
           created: datetime, draft: bool = False, progress: Progress | None = None,
           cancelled: IsCancelled | None = None) -> int:
    """Lay the story out as a PDF in ``out``; returns the number of pages."""
    header = " · ".join(p for p in (reference, w.words(kind), w.words(title)) if p)
    decor = PageDecor(marking=marking, header=header, page_label=page_label(w), copy_text=copy_line(w),
                      watermark=watermark(w) if draft else "")
    document_title = " — ".join(p for p in (w.words(kind), reference, w.words(title)) if p)
    meta = PdfMeta(
        title=document_title, author=author, subject=w.words(title) or document_title,
        language=BCP47[w.langs[0].code], created=created,
        keywords=tuple(k for k in (reference, marking.value, w.words(kind)) if k),
    )
    return build_pdf(w.story, out, decor, meta, w.paper, progress, cancelled)
