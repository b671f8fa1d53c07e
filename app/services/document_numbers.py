"""The numbers a document's record shows for a meeting: agenda item numbers ("3") and decision numbers
("VGT-2019-10/D1"), derived from stored order exactly as the meeting's own screens derive them.

Numbers are never stored; reading them needs the meeting's whole agenda, so a ``MeetingNumbers`` keeps
what it has read for the length of one service call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.domain.models import AgendaItem, Decision, Meeting
from app.domain.rules import decision_number
from app.services.agenda import agenda_view
from app.services.decisions import ordered  # the meeting's decision numbering, one rule for every screen


@dataclass
class _Meeting:
    items: dict[str, tuple[str, date]]  # item uuid -> (number, day it starts in the meeting's zone)
    decisions: dict[str, str]  # decision uuid -> number


@dataclass
class MeetingNumbers:
    _meetings: dict[int, _Meeting] = field(default_factory=dict)

    def _of(self, session: Session, meeting: Meeting) -> _Meeting:
        known = self._meetings.get(meeting.id)
        if known is None:
            agenda = agenda_view(session, meeting)
            zone = ZoneInfo(meeting.time_zone)
            ranked, _items = ordered(session, meeting)
            known = _Meeting(
                items={i.uuid: (i.number, i.starts_at.astimezone(zone).date()) for i in agenda.items},
                decisions={d.uuid: decision_number(meeting.reference, n) for n, d in enumerate(ranked, start=1)},
            )
            self._meetings[meeting.id] = known
        return known

    def item_number(self, session: Session, item: AgendaItem) -> str:
        return self._of(session, item.meeting).items.get(item.uuid, ("", date.min))[0]

    def item_day(self, session: Session, item: AgendaItem) -> date:
        found = self._of(session, item.meeting).items.get(item.uuid)
        if found is None:
            return item.meeting.starts_at.astimezone(ZoneInfo(item.meeting.time_zone)).date()
        return found[1]

    def decision_number(self, session: Session, decision: Decision) -> str:
        return self._of(session, decision.meeting).decisions.get(decision.uuid, "")


def decision_number_of(session: Session, decision: Decision) -> str:
    session.flush()
    return MeetingNumbers().decision_number(session, decision)
