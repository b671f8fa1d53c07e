"""The minutes of a meeting as a PDF: title block, attendance, agenda, proceedings item by item with their
decisions and actions, the register of decisions, the action table, the documents approved, the approval
block and, once approved, the verification block (SHA-256 of the content and its QR code).

Until the minutes are approved every page carries the diagonal DRAFT / PROJET watermark.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Rect
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.domain.enums import AgendaItemKind, Attendance, Sector
from app.domain.rules import fold
from app.i18n import N_
from app.reports.blocks import PLAIN_FONT, Column, Text, Writer, bi_text, label_of, per_lang
from app.reports.common import finish, t, title_block
from app.reports.options import IsCancelled, Lang, OutputOptions, Progress
from app.reports.styles import HEADER_FILL, markup
from app.services.outputs import (
    ActionRecord,
    AttendeeRow,
    Bi,
    DecisionRecord,
    MeetingRecord,
)

SECTOR_ORDER = {sector: index for index, sector in enumerate(Sector)}
MINUTES: Text = t(N_("Minutes"))


def qr_payload(reference: str, sha256: str) -> str:
    """What the QR code of approved minutes carries (``chairdesk check`` can read it back)."""
    return f"chairdesk:minutes:{reference}:sha256:{sha256}"


def approval_text(record: MeetingRecord, lang: Lang) -> str:
    _ = lang.gettext
    if not record.minutes_approved:
        return _("Draft — not approved")
    if record.approved_on is None:
        return _("Approved")
    when = lang.date(record.approved_on)
    who = record.approved_by.strip()
    if not who or who == record.meeting.chair_name:
        chair = record.meeting.chair_name
        return (_("Approved by the Chair on {date} ({name})").format(date=when, name=chair) if chair
                else _("Approved by the Chair on {date}").format(date=when))
    return _("Approved on {date} by {approver}").format(date=when, approver=who)


def _organisation_sort(w: Writer, row: AttendeeRow) -> tuple[int, str, str, str]:
    org = row.organisation
    sector = org.sector if org else Sector.OTHER
    name = org.name.text(w.langs[0].code) if org else ""
    return SECTOR_ORDER[sector], fold(name), fold(row.family_name), fold(row.given_name)


def _status(lang: Lang, row: AttendeeRow) -> str:
    if row.attendance is not Attendance.UNKNOWN:
        return lang.label(row.attendance)
    return lang.label(row.invitation_status)


def attendee_table(w: Writer, rows: list[AttendeeRow], with_title: bool = False, with_status: bool = False) -> Flowable:
    """People grouped by sector (a spanning row) and organisation (named on its first row)."""
    columns = [Column(t(N_("Organisation")), 3.2), Column(t(N_("Name")), 2.6 + 1.2 * with_title, "cell_bold"),
               Column(t(N_("Role")), 2.0)]
    if with_status:
        columns.append(Column(t(N_("Attendance")), 1.5))
    data: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    last_sector: Sector | None = None
    last_org = ""
    for row in sorted(rows, key=lambda r: _organisation_sort(w, r)):
        org = row.organisation
        sector = org.sector if org else Sector.OTHER
        if sector != last_sector:
            index = len(data) + 1  # the header row comes first
            data.append([Paragraph(markup(w.words(label_of(sector))), w.styles.cell_bold),
                         *[""] * (len(columns) - 1)])
            extra += [("SPAN", (0, index), (-1, index)), ("BACKGROUND", (0, index), (-1, index), HEADER_FILL)]
            last_sector, last_org = sector, ""
        org_uuid = org.uuid if org else ""
        org_cell: Any = ""
        if org is not None and org_uuid != last_org:
            org_cell = w.in_langs(bi_text(org.name))
        last_org = org_uuid
        name: Any = row.name
        if with_title:
            name = Paragraph(f"<b>{markup(row.name)}</b><br/>{w.words_markup(bi_text(row.title))}",
                             w.styles.cell)
        cells = [org_cell, name, w.in_langs(label_of(row.role))]
        if with_status:
            cells.append(w.in_langs(per_lang(_status, row)))
        data.append(cells)
    return w.table(columns, data, zebra=False, extra_style=extra)


def _name_list(w: Writer, rows: list[AttendeeRow]) -> Paragraph:
    def one(row: AttendeeRow, lang: Lang) -> str:
        return f"{row.name} ({row.organisation.short.text(lang.code)})" if row.organisation else row.name

    ordered = sorted(rows, key=lambda r: _organisation_sort(w, r))
    texts = [w.typeset("; ".join(one(r, lang) for r in ordered), lang) for lang in w.langs]
    if len(texts) == 2 and texts[0] != texts[1]:
        return Paragraph(markup(texts[0]) + "<br/>" + markup(texts[1]), w.styles.body)
    return Paragraph(markup(texts[0]), w.styles.body)


def attendance_heading(lang: Lang, attendance: Attendance) -> str:
    """A group of people by attendance; a context of its own: French takes the plural here (Présents)."""
    if attendance is Attendance.PRESENT:
        return lang.pgettext("attendance heading", "Present")
    if attendance is Attendance.ONLINE:
        return lang.pgettext("attendance heading", "Online")
    if attendance is Attendance.APOLOGIES:
        return lang.pgettext("attendance heading", "Apologies")
    if attendance is Attendance.ABSENT:
        return lang.pgettext("attendance heading", "Absent")
    return lang.pgettext("attendance heading", "Attendance not recorded")


def _group_heading(lang: Lang, group: tuple[Attendance, int]) -> str:
    return f"{attendance_heading(lang, group[0])} ({lang.number(group[1])})"


def numbered_title(lang: Lang, item: tuple[str, Bi]) -> str:
    return f"{item[0]}.\u00a0{item[1].text(lang.code)}"


def _attendance(w: Writer, record: MeetingRecord) -> None:
    w.heading(t(N_("Attendance")), 0)
    groups = (Attendance.PRESENT, Attendance.ONLINE, Attendance.APOLOGIES, Attendance.ABSENT, Attendance.UNKNOWN)
    for attendance in groups:
        rows = [a for a in record.attendees if a.attendance is attendance]
        if not rows:
            continue
        w.heading(per_lang(_group_heading, (attendance, len(rows))), 1, bookmark=False)
        if attendance in (Attendance.PRESENT, Attendance.ONLINE):
            w.add(attendee_table(w, rows))
        else:
            w.add(_name_list(w, rows))


def _agenda(w: Writer, record: MeetingRecord) -> None:
    w.heading(t(N_("Agenda")), 0)
    zone = record.meeting.time_zone
    columns = [Column(t(N_("No.")), 0.5, fit=tuple(e.item.number for e in record.items)),
               *w.text_columns(t(N_("Item")), 5.0), Column(t(N_("Time")), 0.8, fit=("00:00",))]
    rows = []
    for entry in record.items:
        item = entry.item
        titles: list[Any] = []
        for lang in w.langs:
            picked = Bi(item.title_en, item.title_fr).pick(lang.code)
            style = w.styles.cell if item.depth else w.styles.cell_bold
            indent = "\u00a0" * 4 if item.depth else ""
            titles.append(Paragraph(indent + markup(w.typeset(picked.text, lang) if lang.code == "fr" else picked.text),
                                    style))
        rows.append([item.number, *titles, w.langs[0].time(item.starts_at, zone)])
    w.add(w.table(columns, rows))


def _decision_box(w: Writer, decision: DecisionRecord) -> Flowable:
    def prefix(lang: Lang) -> str:
        _ = lang.gettext
        line = _("Decision {number}").format(number=decision.number)  # (outside the f-string, for extraction)
        return f"<b>{markup(line)}</b><br/>"

    return w.box(w.text(decision.text, w.styles.box, prefix, width=w.width - w.BOX_PADDING))


def owners_text(lang: Lang, action: ActionRecord) -> str:
    return "; ".join(o.text(lang.code) for o in action.owners) or "—"


def _action_box(w: Writer, action: ActionRecord) -> Flowable:
    def prefix(lang: Lang) -> str:
        _ = lang.gettext
        due = lang.date(action.due_date) if action.due_date else _("no due date")
        line = _("Action {number} · Owner: {owners} · Due: {due}").format(
            number=action.number, owners=owners_text(lang, action), due=due)
        return f"<b>{markup(w.typeset(line, lang))}</b><br/>"

    return w.box(w.text(action.text, w.styles.box, prefix, width=w.width - w.BOX_PADDING))


def _proceedings(w: Writer, record: MeetingRecord) -> None:
    w.heading(t(N_("Proceedings")), 0)
    for entry in record.items:
        item = entry.item
        if item.kind is AgendaItemKind.BREAK and not entry.minutes.en and not entry.minutes.fr:
            continue
        title = Bi(item.title_en, item.title_fr)
        w.heading(per_lang(numbered_title, (item.number, title)),
                  1 if item.depth == 0 else 2)
        body = w.text(entry.minutes)
        has_children = any(other.item.parent_uuid == item.uuid for other in record.items)
        if body:
            w.add(*body)
        elif not has_children:
            w.add(w.para(w.words(t(N_("Nothing was recorded under this item."))), w.styles.muted))
        for decision in record.decisions:
            if decision.agenda_item_uuid == item.uuid:
                w.add(Spacer(1, 3), _decision_box(w, decision))
        for action in record.actions:
            if action.agenda_item_uuid == item.uuid:
                w.add(Spacer(1, 3), _action_box(w, action))


def _decision_register(w: Writer, record: MeetingRecord) -> None:
    w.heading(t(N_("Register of decisions")), 0)
    if not record.decisions:
        w.add(w.para(w.words(t(N_("No decisions were recorded."))), w.styles.muted))
        return
    columns = [Column(t(N_("Number")), 1.0, "cell_bold", fit=tuple(d.number for d in record.decisions)),
               Column(t(N_("Item")), 0.5), *w.text_columns(t(N_("Decision")), 6.0)]
    rows = [[d.number, d.agenda_number or "—", *[w.text_in(d.text, lang) for lang in w.langs]]
            for d in record.decisions]
    w.add(w.table(columns, rows))


def _words(w: Writer, values: list[Any]) -> tuple[str, ...]:
    """Every word of the labels of ``values`` in the document's languages (a column must not cut them)."""
    return tuple({word for value in values for lang in w.langs for word in lang.label(value).split()})


def action_table(w: Writer, actions: list[ActionRecord]) -> Table:
    dates = tuple(str(w.date(a.due_date)) for a in actions)
    columns = [Column(t(N_("Number")), 1.0, "cell_bold", fit=tuple(a.number for a in actions)),
               *w.text_columns(t(N_("Action")), 5.0), Column(t(N_("Owner")), 1.9),
               Column(t(N_("Due date")), 1.0, fit=dates),
               Column(t(N_("Status")), 1.0, fit=_words(w, [a.status for a in actions]))]
    rows = [[a.number, *[w.text_in(a.text, lang) for lang in w.langs],
             w.in_langs(per_lang(owners_text, a)), w.date(a.due_date),
             w.in_langs(label_of(a.status))] for a in actions]
    return w.table(columns, rows)


def _actions(w: Writer, record: MeetingRecord) -> None:
    w.heading(t(N_("Actions")), 0)
    if not record.actions:
        w.add(w.para(w.words(t(N_("No actions were recorded."))), w.styles.muted))
        return
    w.add(action_table(w, list(record.actions)))


def _documents(w: Writer, record: MeetingRecord) -> None:
    if not record.approved_documents:
        return
    w.heading(t(N_("Documents approved")), 0)
    columns = [Column(t(N_("Document")), 4.6), Column(t(N_("Version")), 0.8),
               Column(t(N_("Date")), 1.0, fit=tuple(str(w.date(d.decided_on)) for d in record.approved_documents)),
               Column(t(N_("Outcome")), 1.5, fit=_words(w, [d.outcome for d in record.approved_documents])),
               Column(lambda lang: "SHA-256", 1.0, fit=tuple(d.sha256[:12] + "…" for d in record.approved_documents))]
    rows = [[w.in_langs(bi_text(d.title)), str(d.version), w.date(d.decided_on),
             w.in_langs(label_of(d.outcome)), d.sha256[:12] + "…"] for d in record.approved_documents]
    w.add(w.table(columns, rows))


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code drawn square by square on the canvas.

    (ReportLab's renderer of a ``Drawing`` would set Helvetica first and pull a base-14 font into the PDF.)
    """

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        widget = QrCodeWidget(self.payload, barLevel="M")
        left, bottom, right, top = widget.getBounds()
        scale = self.size / max(right - left, top - bottom)
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        for shape in widget.draw().contents:
            if isinstance(shape, Rect) and shape.fillColor == colors.black:
                self.canv.rect((shape.x - left) * scale, (shape.y - bottom) * scale, shape.width * scale,
                               shape.height * scale, stroke=0, fill=1)
        self.canv.restoreState()


def _approval(w: Writer, record: MeetingRecord, sha256: str) -> None:
    w.heading(t(N_("Approval")), 0)
    status = Paragraph(f"<b>{w.words_markup(lambda lang: approval_text(record, lang))}</b>", w.styles.body)
    parts: list[Flowable] = [status]
    if record.minutes_approved:
        signature = w.words(t(N_("Signature of the Chair")))
        parts.append(Spacer(1, 22))
        parts.append(Paragraph(f"{'_' * 40}<br/>{markup(signature)}", w.styles.small))
    w.add(w.box(parts))
    if not record.minutes_approved:
        return
    w.space(8)
    size = 30 * mm
    explanation = w.words_markup(t(N_(
        "The SHA-256 below is computed over the content of these minutes (items, texts, decisions and "
        "actions). The command chairdesk check recomputes it from the database: if the two differ, this copy "
        "is not the approved text.")))
    heading = markup(w.words(t(N_("Verification"))))
    text = [Paragraph(f"<b>{heading}</b>", w.styles.body),
            Paragraph(explanation, w.styles.small), Spacer(1, 4),
            Paragraph(f"<b>SHA-256</b> {sha256}", w.styles.small)]
    table = Table([[text, QrCode(qr_payload(record.meeting.reference, sha256), size)]],
                  colWidths=[w.width - size - 8, size + 8])
    table.setStyle(TableStyle([*PLAIN_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (1, 0), (1, 0), 8)]))
    w.add(KeepTogether([table]))


def render_minutes(record: MeetingRecord, sha256: str, out: BinaryIO, options: OutputOptions,
                   progress: Progress | None = None, cancelled: IsCancelled | None = None) -> int:
    w = Writer(options)
    title_block(w, record, MINUTES, [(t(N_("Status")), lambda lang: approval_text(record, lang))])
    _attendance(w, record)
    _agenda(w, record)
    _proceedings(w, record)
    _decision_register(w, record)
    _actions(w, record)
    _documents(w, record)
    _approval(w, record, sha256)
    return finish(w, out, kind=MINUTES, marking=record.meeting.marking, reference=record.meeting.reference,
                  title=lambda lang: record.title.text(lang.code), author=record.host.text(w.langs[0].code),
                  created=record.documents_dated, draft=not record.minutes_approved,
                  progress=progress, cancelled=cancelled)
