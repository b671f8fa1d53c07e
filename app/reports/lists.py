"""The action register (the actions of one meeting or of every meeting, meeting by meeting) and the attendee
list of a meeting, as PDF.
"""

from __future__ import annotations

from collections import Counter
from typing import BinaryIO

from app.domain.enums import ActionStatus, Attendance
from app.i18n import N_
from app.reports.blocks import Text, Writer, per_lang
from app.reports.common import finish, t, title_block
from app.reports.minutes import action_table, attendance_heading, attendee_table
from app.reports.options import IsCancelled, Lang, OutputOptions, Progress
from app.services.outputs import ActionRegister, MeetingRecord

ACTIONS: Text = t(N_("Action register"))
ATTENDEES: Text = t(N_("Attendee list"))


def _status_summary(register: ActionRegister, lang: Lang) -> str:
    counts = Counter(a.status for a in register.actions)
    return " · ".join(f"{lang.label(status)}\u00a0: {lang.number(counts[status])}" if lang.code == "fr"
                      else f"{lang.label(status)}: {lang.number(counts[status])}"
                      for status in ActionStatus if counts[status])


def render_actions(register: ActionRegister, out: BinaryIO, options: OutputOptions,
                   progress: Progress | None = None, cancelled: IsCancelled | None = None) -> int:
    w = Writer(options)
    single = len(register.meeting_references) == 1
    reference = register.meeting_references[0] if single else ""

    def scope(lang: Lang) -> str:
        _ = lang.gettext
        if single:
            return _("Actions of the meeting {reference}").format(reference=reference)
        return _("Actions of all meetings")

    w.add(w.para(w.words(lambda lang: ACTIONS(lang).upper(), "  ·  "), w.styles.kicker))
    w.add(w.para(w.words(scope), w.styles.title))
    w.add(w.fields([
        (t(N_("Meetings")), ", ".join(register.meeting_references) or "—"),
        (t(N_("Actions")), w.in_langs(lambda lang: _status_summary(register, lang) or lang.number(0))),
    ]))
    for meeting_reference in register.meeting_references:
        actions = [a for a in register.actions if a.meeting_reference == meeting_reference]
        if not actions:
            continue
        if not single:
            w.heading(per_lang(lambda _lang, r: r, meeting_reference), 0)
        else:
            w.space(10)
        w.add(action_table(w, actions))
    if not register.actions:
        w.add(w.para(w.words(t(N_("No actions were recorded."))), w.styles.muted))
    return finish(w, out, kind=ACTIONS, marking=register.marking, reference=reference, title=scope,
                  author="", created=register.dated, progress=progress, cancelled=cancelled)


def render_attendees(record: MeetingRecord, out: BinaryIO, options: OutputOptions,
                     progress: Progress | None = None, cancelled: IsCancelled | None = None) -> int:
    w = Writer(options)
    meeting = record.meeting
    counts = Counter(a.attendance for a in record.attendees)

    def summary(lang: Lang) -> str:
        total = len(record.attendees)
        text = lang.ngettext("{count} person", "{count} people", total).format(count=lang.number(total))
        known = [f"{attendance_heading(lang, a)} {lang.number(counts[a])}" for a in Attendance
                 if a is not Attendance.UNKNOWN and counts[a]]
        return text + (" (" + ", ".join(known) + ")" if known else "")

    title_block(w, record, ATTENDEES, [(t(N_("Attendees")), summary)], full=False)
    w.space(6)
    if record.attendees:
        w.add(attendee_table(w, list(record.attendees), with_title=True, with_status=True))
    return finish(w, out, kind=ATTENDEES, marking=meeting.marking, reference=meeting.reference,
                  title=lambda lang: record.title.text(lang.code), author=record.host.text(w.langs[0].code),
                  created=record.documents_dated, progress=progress, cancelled=cancelled)
