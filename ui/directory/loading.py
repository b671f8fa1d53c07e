"""The work the directory page hands to a worker thread: reading the lists, exporting them.

Each function takes the database handle and plain values and returns plain data; none touches a widget.  The
handle is the window's own: its engine keeps one SQLite connection per thread (``check_same_thread`` is off
for file databases) and every service call opens and closes its own session, so a read in the worker and an
edit on the GUI thread never share a connection or a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.enums import Relation, Sector
from app.interchange.directory_export import export_organisations, export_people
from app.persistence.database import Database
from app.services.directory import list_organisations, list_people
from app.services.views import OrganisationView, PersonView


@dataclass(frozen=True)
class DirectoryQuery:
    search: str = ""
    sector: Sector | None = None
    country: str | None = None
    relation: Relation | None = None
    language: str = "en"

    @property
    def filtered(self) -> bool:
        return bool(self.search.strip() or self.sector or self.country or self.relation)


@dataclass(frozen=True)
class DirectoryData:
    query: DirectoryQuery
    people: list[PersonView]
    organisations: list[OrganisationView]
    all_organisations: list[OrganisationView]  # for the organisation and country choices, whatever the filter


def load_directory(db: Database, query: DirectoryQuery) -> DirectoryData:
    people = list_people(db, search=query.search, language=query.language, sector=query.sector,
                         country=query.country, relation=query.relation, ordered=False)  # the model sorts
    everything = list_organisations(db)
    if query.filtered:
        organisations = list_organisations(db, search=query.search, sector=query.sector, country=query.country,
                                           relation=query.relation)
    else:
        organisations = everything
    return DirectoryData(query, people, organisations, everything)


def export_directory(db: Database, path: Path, people: bool, query: DirectoryQuery) -> int:
    export = export_people if people else export_organisations
    return export(db, path, query.language, query.search, query.sector, query.country, query.relation)
