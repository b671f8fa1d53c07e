"""A large meeting for the benchmark and the pagination tests: attendees from many organisations, long
agenda items with two paragraphs of minutes in each language, many actions, accented names throughout.

``add_large_meeting(db, ...)`` writes it with the ORM in one transaction and returns its reference.  The
content is generated, the same every time (no randomness), so the output of a run can be compared.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.domain.enums import ActionStatus, Attendance, InvitationStatus, Marking, Role, Sector
from app.domain.models import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    Decision,
    Meeting,
    MinutesEntry,
    Organisation,
    Participation,
    Person,
)
from app.persistence.database import Database

GIVEN = ("Thorbjørn", "Łukasz", "Çağlar", "Ingrid", "Thi Mai", "Marie-Ève", "José", "Zoë", "Søren", "Agnieszka",
         "François", "Björk", "Dvořák", "Nuño", "Ilse")
FAMILY = ("Ødegård", "Wiśniewski", "Yılmaz", "Nguyễn", "Lefèvre", "Müller", "Øvergaard", "Kovačević", "Þórsson",
          "Gonçalves", "Dąbrowski", "Åkesson", "Ó Súilleabháin", "Šimić", "Żak")
SECTORS = (Sector.LAW_ENFORCEMENT, Sector.INTERGOVERNMENTAL, Sector.GOVERNMENT, Sector.INDUSTRY, Sector.NGO)
ATTENDANCE = (Attendance.PRESENT, Attendance.PRESENT, Attendance.PRESENT, Attendance.ONLINE, Attendance.APOLOGIES,
              Attendance.ABSENT)
EN = ("Members discussed item {n} at length. The chair's office summarised the written contributions received "
      "from {count} partners, including 18.4 million industry reports, and invited delegations to comment on "
      "the proposals set out in the paper.")
FR = ("Les membres ont longuement débattu du point {n}. Le bureau de la présidence a résumé les contributions "
      "écrites reçues de {count} partenaires, dont 18,4 millions de signalements de l’industrie, et a invité "
      "les délégations à formuler leurs observations : elles l’ont fait.")


def add_large_meeting(db: Database, reference: str = "VGT-BENCH", attendees: int = 300, items: int = 60,
                      actions: int = 100, organisations: int = 40) -> str:
    """Write a meeting of that size; returns its reference."""
    start = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)
    with db.transaction() as session:
        orgs = [Organisation(name_en=f"Agency {n} for Online Child Protection", name_fr=f"Agence {n} de protection "
                             "des enfants en ligne", acronym_en=f"AG{n}", acronym_fr=f"AG{n}",
                             sector=SECTORS[n % len(SECTORS)]) for n in range(organisations)]
        session.add_all(orgs)
        people = [Person(given_name=GIVEN[n % len(GIVEN)], family_name=f"{FAMILY[(n // 3) % len(FAMILY)]} {n}",
                         title_en="Senior officer", title_fr="agent principal", organisation=orgs[n % organisations])
                  for n in range(attendees)]
        session.add_all(people)
        meeting = Meeting(reference=reference, title_en="Benchmark plenary of the Virtual Global Taskforce",
                          title_fr="Plénière d’essai du Groupe de travail virtuel international",
                          starts_at=start, ends_at=start + timedelta(hours=30), time_zone="Europe/Paris",
                          venue="Palais de l’Europe", city="Strasbourg", country="FR", host_organisation=orgs[0],
                          chair=people[0], secretary=people[1], marking=Marking.AMBER)
        session.add(meeting)
        for n, person in enumerate(people):
            role = Role.CHAIR if n == 0 else Role.SECRETARY if n == 1 else Role.DELEGATE
            session.add(Participation(meeting=meeting, person=person, organisation=person.organisation, role=role,
                                      invitation_status=InvitationStatus.CONFIRMED,
                                      attendance=ATTENDANCE[n % len(ATTENDANCE)]))
        agenda = []
        for n in range(1, items + 1):
            item = AgendaItem(meeting=meeting, position=n - 1, title_en=f"Item {n}: report of working group {n}",
                              title_fr=f"Point {n} : rapport du groupe de travail {n}", duration_minutes=20)
            session.add(item)
            text_en = EN.format(n=n, count=n + 3) + "\n\n" + EN.format(n=n, count=2 * n)
            text_fr = FR.format(n=n, count=n + 3) + "\n\n" + FR.format(n=n, count=2 * n)
            session.add(MinutesEntry(agenda_item=item, text_en=text_en, text_fr=text_fr))
            session.add(Decision(meeting=meeting, agenda_item=item, position=n,
                                 text_en=f"The VGT approved the report of working group {n}.",
                                 text_fr=f"Le VGT a approuvé le rapport du groupe de travail {n}."))
            agenda.append(item)
        statuses = tuple(ActionStatus)
        for n in range(actions):
            action = ActionItem(meeting=meeting, agenda_item=agenda[n % items], position=n,
                                text_en=f"Circulate the follow-up note {n + 1} to all partners.",
                                text_fr=f"Diffuser la note de suivi {n + 1} à tous les partenaires.",
                                due_date=date(2024, 4, 1) + timedelta(days=n), status=statuses[n % len(statuses)])
            session.add(action)
            session.add(ActionOwner(action=action, person=people[n % attendees], position=0))
    return reference
