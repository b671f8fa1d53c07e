"""The agenda (items, start times, presenters, linked documents, optionally the start time in other time
zones) and the sign-in sheet (expected attendees by organisation with a signature column, then blank rows
for walk-ins) of a meeting, as PDF.
"""

from __future__ import annotations

from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, Paragraph, Spacer

from app.domain.enums import Attendance, InvitationStatus, Visibility
from app.domain.rules import fold
from app.i18n import N_
from app.reports.blocks import Column, Text, Writer, label_of, only_marker, per_lang
from app.reports.common import finish, t, title_block
from app.reports.options import IsCancelled, Lang, OutputOptions, Progress
from app.reports.styles import HEADER_FILL, MUTED, RULE, markup, split_paragraphs
from app.services.outputs import AttendeeRow, Bi, ItemRecord, MeetingRecord

AGENDA: Text = t(N_("Agenda"))
SIGN_IN: Text = t(N_("Sign-in sheet"))
SIGNATURE_HEIGHT = 24.0  # points of room to sign in, below the text of a row


def _item_cell(w: Writer, entry: ItemRecord, lang: Lang) -> list[Flowable]:
    _ = lang.gettext
    item = entry.item
    title = Bi(item.title_en, item.title_fr).pick(lang.code)
    style = w.styles.cell_bold if item.depth == 0 else w.styles.cell
    heading = markup(w.typeset(title.text, lang))
    if title.fallback:
        heading += f' <font color="{MUTED.hexval()}">[{markup(only_marker(lang, title.language))}]</font>'
    if item.visibility is not Visibility.PUBLIC:
        heading += f' <font color="{MUTED.hexval()}">({markup(lang.label(item.visibility))})</font>'
    parts: list[Flowable] = [Paragraph(heading, style)]
    description = Bi(item.description_en, item.description_fr).pick(lang.code)
    for paragraph in split_paragraphs(description.text):
        parts.append(Paragraph(markup(w.typeset(paragraph, lang)), w.styles.cell))
    muted = f'<font color="{MUTED.hexval()}">'
    if item.presenter_names:
        label = lang.ngettext("Presenter:", "Presenters:", len(item.presenter_names))
        parts.append(Paragraph(f"{muted}{markup(label)}</font> {markup(', '.join(item.presenter_names))}",
                               w.styles.cell))
    document_label = markup(_("Document:"))  # (not inside an f-string: extraction would miss it)
    for doc in entry.documents:
        title_text = markup(w.typeset(doc.title.text(lang.code), lang))
        parts.append(Paragraph(f"{muted}{document_label}</font> {title_text}", w.styles.cell))
    return parts


def _time_cell(w: Writer, record: MeetingRecord, entry: ItemRecord, new_day: bool) -> Paragraph:
    lang = w.langs[0]
    item = entry.item
    home = item.starts_at.astimezone(ZoneInfo(record.meeting.time_zone)).date()
    lines = [f"<b>{markup(lang.time(item.starts_at, record.meeting.time_zone))}</b>"]
    if new_day:  # the first item of each day says which day (the short form reads the same in both languages)
        lines.insert(0, f"<b>{markup(lang.date(home, 'short'))}</b>")
    for zone in w.options.time_zones:
        if zone != record.meeting.time_zone:
            days = (item.starts_at.astimezone(ZoneInfo(zone)).date() - home).days
            shift = f"\u00a0{days:+d}" if days else ""  # the next (or previous) day there
            lines.append(f'<font color="{MUTED.hexval()}">{markup(lang.time(item.starts_at, zone))}{shift} '
                         f"{markup(lang.city(zone))}</font>")
    return Paragraph("<br/>".join(lines), w.styles.cell)


def _duration(w: Writer, minutes: int) -> Paragraph:
    def text(lang: Lang) -> str:
        return lang.ngettext("{count} min", "{count} min", minutes).format(count=lang.number(minutes))

    return w.in_langs(text) if minutes else Paragraph("", w.styles.cell)


def render_agenda(record: MeetingRecord, out: BinaryIO, options: OutputOptions,
                  progress: Progress | None = None, cancelled: IsCancelled | None = None) -> int:
    w = Writer(options)
    meeting = record.meeting
    title_block(w, record, AGENDA)
    w.space(6)
    columns = [Column(t(N_("No.")), 0.55, "cell_bold"), Column(t(N_("Start")), 1.05 + 0.5 * bool(options.time_zones)),
               *w.text_columns(t(N_("Item")), 6.0), Column(t(N_("Duration")), 0.9)]
    rows: list[list[Any]] = []
    zone = ZoneInfo(meeting.time_zone)
    first_day = meeting.starts_at.astimezone(zone).date()
    last_day = first_day
    for entry in record.items:
        day = entry.item.starts_at.astimezone(zone).date()
        new_day, last_day = day != last_day, day
        rows.append([entry.item.number, _time_cell(w, record, entry, new_day),
                     *[_item_cell(w, entry, lang) for lang in w.langs], _duration(w, entry.item.duration_minutes)])
    w.add(w.table(columns, rows))
    w.space(4)
    w.add(Paragraph(w.words_markup(lambda lang: lang.gettext(N_("Times are in {zone}.")).format(
        zone=lang.zone_name(meeting.starts_at, meeting.time_zone))), w.styles.muted))
    return finish(w, out, kind=AGENDA, marking=meeting.marking, reference=meeting.reference,
                  title=lambda lang: record.title.text(lang.code), author=record.host.text(w.langs[0].code),
                  created=record.documents_dated, progress=progress, cancelled=cancelled)


def expected(record: MeetingRecord) -> list[AttendeeRow]:
    """Who is expected in the room: invited and not declined, and not known to be away or online."""
    away = {Attendance.APOLOGIES, Attendance.ABSENT, Attendance.ONLINE}
    return [a for a in record.attendees
            if a.invitation_status is not InvitationStatus.DECLINED and a.attendance not in away]


def _organisation_name(lang: Lang, name: Bi) -> str:
    return name.text(lang.code) or lang.gettext(N_("No organisation"))


def render_signin(record: MeetingRecord, out: BinaryIO, options: OutputOptions,
                  progress: Progress | None = None, cancelled: IsCancelled | None = None) -> int:
    w = Writer(options)
    meeting = record.meeting
    title_block(w, record, SIGN_IN, full=False)
    people = expected(record)
    by_org: dict[str, list[AttendeeRow]] = {}
    names: dict[str, Bi] = {}
    for person in people:
        key = person.organisation.uuid if person.organisation else ""
        by_org.setdefault(key, []).append(person)
        names[key] = person.organisation.name if person.organisation else Bi()
    first = w.langs[0].code
    order = sorted(by_org, key=lambda k: (k == "", fold(names[k].text(first))))
    columns = [Column(t(N_("Name")), 2.6, "cell_bold"), Column(t(N_("Role")), 1.8), Column(t(N_("Signature")), 3.4)]
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    for key in order:
        index = len(rows) + 1
        label = names[key]
        organisation = Paragraph(w.words_markup(per_lang(_organisation_name, label)), w.styles.cell_bold)
        rows.append([organisation, "", ""])
        extra += [("SPAN", (0, index), (-1, index)), ("BACKGROUND", (0, index), (-1, index), HEADER_FILL)]
        for person in sorted(by_org[key], key=lambda p: (fold(p.family_name), fold(p.given_name))):
            row = len(rows) + 1
            extra.append(("LINEBEFORE", (2, row), (2, row), 0.3, RULE))
            rows.append([person.name, w.in_langs(label_of(person.role)),
                         Spacer(1, SIGNATURE_HEIGHT)])
    w.heading(t(N_("Expected attendees")), 0)
    if rows:
        w.add(w.table(columns, rows, zebra=False, extra_style=extra))
    w.heading(t(N_("Other attendees")), 0)
    blank = [Column(t(N_("Name")), 2.4), Column(t(N_("Organisation")), 2.4), Column(t(N_("Signature")), 3.0)]
    w.add(w.table(blank, [["", "", Spacer(1, SIGNATURE_HEIGHT)] for _row in range(options.walk_in_rows)],
                  zebra=False, extra_style=[("LINEBEFORE", (1, 1), (-1, -1), 0.3, RULE)]))
    return finish(w, out, kind=SIGN_IN, marking=meeting.marking, reference=meeting.reference,
                  title=lambda lang: record.title.text(lang.code), author=record.host.text(w.langs[0].code),
                  created=record.documents_dated, progress=progress, cancelled=cancelled)
