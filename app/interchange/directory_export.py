"""The directory written to a spreadsheet (CSV or XLSX), in the active language, ready to be imported again.

Headers are the ones ``spreadsheet_mapping.guess_mapping`` recognises in either language, and values are
written as the import reads them back (countries and labels by name, organisations by acronym), so that an
export edited in a spreadsheet and imported again updates the same people instead of copying them.  Cells a
spreadsheet would run as a formula are neutralised by ``tables.write_table``.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.enums import Relation, Sector, label
from app.i18n import _, current_language
from app.interchange.spreadsheet_mapping import country_name
from app.interchange.tables import write_table
from app.persistence.database import Database
from app.services.directory import list_organisations, list_people


def people_table(db: Database, language: str | None = None, search: str = "", sector: Sector | None = None,
                 country: str | None = None, relation: Relation | None = None) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the people matching the filters (all of them by default)."""
    lang = language or current_language()
    headers = [_("Family name"), _("Given name"), _("Organisation"), _("Title (English)"), _("Title (French)"),
               _("E-mail"), _("Phone"), _("Preferred language"), _("Time zone"), _("Notes")]
    rows = [[p.family_name, p.given_name, p.organisation_short, p.title_en, p.title_fr, p.email or "", p.phone,
             label(p.preferred_language), p.time_zone or "", p.notes]
            for p in list_people(db, search=search, language=lang, sector=sector, country=country, relation=relation)]
    return headers, rows


def organisations_table(db: Database, language: str | None = None, search: str = "", sector: Sector | None = None,
                        country: str | None = None, relation: Relation | None = None
                        ) -> tuple[list[str], list[list[str]]]:
    lang = language or current_language()
    headers = [_("Name (English)"), _("Name (French)"), _("Acronym (English)"), _("Acronym (French)"), _("Sector"),
               _("Country"), _("Relation"), _("Notes")]
    rows = [[o.name_en, o.name_fr, o.acronym_en, o.acronym_fr, label(o.sector), country_name(o.country, lang),
             label(o.relation), o.notes]
            for o in list_organisations(db, search=search, sector=sector, country=country, relation=relation)]
    return headers, rows


def export_people(db: Database, path: Path, language: str | None = None, search: str = "",
                  sector: Sector | None = None, country: str | None = None, relation: Relation | None = None) -> int:
    """Write the people matching the filters to ``path`` (.csv or .xlsx); returns how many."""
    headers, rows = people_table(db, language, search, sector, country, relation)
    write_table(Path(path), headers, rows, _("People"))
    return len(rows)


def export_organisations(db: Database, path: Path, language: str | None = None, search: str = "",
                         sector: Sector | None = None, country: str | None = None,
                         relation: Relation | None = None) -> int:
    headers, rows = organisations_table(db, language, search, sector, country, relation)
    write_table(Path(path), headers, rows, _("Organisations"))
    return len(rows)
