"""The minutes as an editable Word document (python-docx), for translators and for offices that finish
their documents in Word: the same sections as the PDF, in styles Word users know (headings, tables), the
marking and reference in the header, "Page N of M" fields in the footer, two columns side by side when
bilingual.  Imported only when a DOCX is asked for: python-docx is imported here at the top.
"""

from __future__ import annotations

from datetime import UTC, date
from typing import Any, BinaryIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from app.i18n import N_
from app.reports.blocks import Text, bi_text, label_of, per_lang
from app.reports.common import meeting_when, meeting_where, t
from app.reports.minutes import approval_text, attendance_heading, numbered_title, owners_text
from app.reports.options import Cancelled, IsCancelled, Lang, OutputOptions, Progress, languages_for
from app.services.outputs import Bi, MeetingRecord

MUTED = RGBColor(0x5A, 0x5A, 0x5A)
PAPER_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the document out."""
    run = paragraph.add_run()
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


class _Docx:
    def __init__(self, record: MeetingRecord, options: OutputOptions) -> None:
        self.record = record
        self.langs: tuple[Lang, ...] = languages_for(options)
        self.bilingual = len(self.langs) == 2
        self.doc = Document()
        section = self.doc.sections[0]
        width, height = PAPER_MM[options.resolved_paper()]
        section.page_width, section.page_height = Mm(width), Mm(height)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Mm(18))
        self.doc.styles["Normal"].font.size = Pt(10)

    def words(self, text: Text, separator: str = " / ") -> str:
        seen: list[str] = []
        for lang in self.langs:
            if text(lang) and text(lang) not in seen:
                seen.append(text(lang))
        return separator.join(seen)

    def texts(self, value: Bi, lang: Lang) -> list[str]:
        picked = value.pick(lang.code)
        if not picked.text.strip():
            return []
        marker = ""
        if picked.fallback:
            _ = lang.gettext
            marker = "[" + (_("English only") if picked.language == "en" else _("French only")) + "]"
            if self.bilingual:
                return [marker]
        parts = [p.strip() for p in picked.text.split("\n\n") if p.strip()]
        if marker:
            parts[0] = f"{marker} {parts[0]}"
        return parts

    def heading(self, text: Text, level: int) -> None:
        self.doc.add_heading(self.words(text), level=level)

    def side_by_side(self, value: Bi, bold_prefix: Text | None = None) -> None:
        if not self.bilingual:
            lang = self.langs[0]
            for index, part in enumerate(self.texts(value, lang) or ([""] if bold_prefix else [])):
                paragraph = self.doc.add_paragraph()
                if index == 0 and bold_prefix is not None:
                    paragraph.add_run(bold_prefix(lang) + " ").bold = True
                paragraph.add_run(part)
            return
        table = self.doc.add_table(rows=1, cols=2)
        for cell, lang in zip(table.rows[0].cells, self.langs, strict=True):
            parts = self.texts(value, lang) or [""]
            cell.paragraphs[0].text = ""
            for index, part in enumerate(parts):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                if index == 0 and bold_prefix is not None:
                    paragraph.add_run(bold_prefix(lang) + " ").bold = True
                paragraph.add_run(part)

    def table(self, headers: list[Text], rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.paragraphs[0].add_run(self.words(header, "\n")).bold = True
        # Word repeats a row marked as header at the top of every page the table runs onto.
        header_props = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_props.append(repeat)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value


def _decision_label(lang: Lang, number: str) -> str:
    _ = lang.gettext
    return _("Decision {number}").format(number=number)


def _medium_date(lang: Lang, value: date | None) -> str:
    return lang.date(value, "medium") if value else "—"


def render_minutes_docx(record: MeetingRecord, sha256: str, out: BinaryIO, options: OutputOptions,
                        progress: Progress | None = None, cancelled: IsCancelled | None = None) -> None:
    d = _Docx(record, options)
    meeting = record.meeting
    total = len(record.items) + 4
    step = 0

    def tick() -> None:
        nonlocal step
        if cancelled is not None and cancelled():
            raise Cancelled()
        step += 1
        if progress is not None:
            progress(min(step, total), total)

    minutes: Text = t(N_("Minutes"))
    section = d.doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = f"{meeting.reference} · {d.words(minutes)}\t\t{meeting.marking.value}"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{meeting.marking.value}    ")
    _ = d.langs[0].gettext
    page_words = _("Page {page} of {pages}").split("{page}")
    footer.add_run(page_words[0])
    _field(footer, "PAGE")
    rest = page_words[1].split("{pages}") if len(page_words) > 1 else ["", ""]
    footer.add_run(rest[0])
    _field(footer, "NUMPAGES")
    if not record.minutes_approved:
        watermark = d.doc.add_paragraph()
        run = watermark.add_run(d.words(lambda lang: lang.gettext(N_("DRAFT")), " · "))
        run.bold, run.font.size, run.font.color.rgb = True, Pt(20), RGBColor(0xB0, 0x20, 0x20)

    d.doc.add_paragraph(d.words(lambda lang: minutes(lang).upper(), " · ")).runs[0].bold = True
    d.doc.add_heading(d.words(lambda lang: record.title.text(lang.code)), level=0)
    particulars: list[tuple[Text, Text]] = [
        (t(N_("Reference")), lambda lang: meeting.reference),
        (t(N_("Date and time")), lambda lang: meeting_when(meeting, lang)),
        (t(N_("Place")), lambda lang: meeting_where(meeting, lang)),
        (t(N_("Host")), lambda lang: record.host.text(lang.code)),
        (t(N_("Chair")), lambda lang: meeting.chair_name),
        (t(N_("Secretary")), lambda lang: meeting.secretary_name),
        (t(N_("Status")), lambda lang: approval_text(record, lang)),
    ]
    d.table([t(N_("Item")), t(N_("Details"))], [[d.words(label), d.words(value, "\n")] for label, value in particulars])
    tick()

    d.heading(t(N_("Attendance")), 1)
    for attendance in ("present", "online", "apologies", "absent"):
        rows = [a for a in record.attendees if a.attendance.value == attendance]
        if rows:
            d.heading(per_lang(attendance_heading, rows[0].attendance), 2)
            d.table([t(N_("Name")), t(N_("Organisation")), t(N_("Role"))],
                    [[a.name, d.words(bi_text(a.organisation.name if a.organisation else Bi()), "\n"), d.words(label_of(a.role), "\n")] for a in rows])
    tick()

    d.heading(t(N_("Proceedings")), 1)
    for entry in record.items:
        item = entry.item
        title = Bi(item.title_en, item.title_fr)
        d.heading(per_lang(numbered_title, (item.number, title)), 2 if item.depth == 0 else 3)
        d.side_by_side(entry.minutes)
        for decision in (x for x in record.decisions if x.agenda_item_uuid == item.uuid):
            d.side_by_side(decision.text, per_lang(_decision_label, decision.number))
        for action in (x for x in record.actions if x.agenda_item_uuid == item.uuid):
            d.side_by_side(action.text, per_lang(lambda _lang, number: f"{number}:", action.number))
        tick()

    d.heading(t(N_("Actions")), 1)
    d.table([t(N_("Number")), t(N_("Action")), t(N_("Owner")), t(N_("Due date")), t(N_("Status"))],
            [[a.number, d.words(bi_text(a.text), "\n\n"),
              d.words(per_lang(owners_text, a), "\n"),
              d.words(per_lang(_medium_date, a.due_date), "\n"),
              d.words(label_of(a.status), "\n")] for a in record.actions])
    if record.approved_documents:
        d.heading(t(N_("Documents approved")), 1)
        d.table([t(N_("Document")), t(N_("Version")), t(N_("Date")), lambda lang: "SHA-256"],
                [[d.words(bi_text(x.title), "\n"), str(x.version),
                  d.words(per_lang(_medium_date, x.decided_on), "\n"), x.sha256[:12] + "…"]
                 for x in record.approved_documents])
    d.heading(t(N_("Approval")), 1)
    d.doc.add_paragraph(d.words(lambda lang: approval_text(record, lang), "\n")).runs[0].bold = True
    if record.minutes_approved:
        d.doc.add_paragraph(f"SHA-256 {sha256}").runs[0].font.color.rgb = MUTED
    tick()

    properties = d.doc.core_properties
    properties.title = d.words(lambda lang: f"{minutes(lang)} — {meeting.reference}")
    properties.author = record.host.text(d.langs[0].code)
    properties.subject = d.words(lambda lang: record.title.text(lang.code))
    properties.language = {"en": "en-GB", "fr": "fr-FR"}[d.langs[0].code]
    created = record.documents_dated.astimezone(UTC).replace(tzinfo=None)
    properties.created = properties.modified = created
    properties.revision = 1
    d.doc.save(out)
