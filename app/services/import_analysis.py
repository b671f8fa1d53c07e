"""The analysis of an imported sheet against the directory: what each row would become, without writing.

People are matched on e-mail first, then on name and organisation (a row that names no organisation matches
a person of the same name only if there is one, and only if their e-mail addresses do not disagree);
organisations on any of their acronyms or names.  A row that would be a second copy of an earlier row of the
same file is refused and says which row.  Every reason is a translated sentence naming the field.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from app.domain.enums import label
from app.errors import DomainError
from app.i18n import _
from app.interchange.spreadsheet_import import Sheet
from app.interchange.spreadsheet_mapping import (
    Target,
    parse_country,
    parse_language,
    parse_relation,
    parse_sector,
    parse_time_zone,
    split_full_name,
    target_label,
)
from app.services.directory import ORGANISATION_FIELDS, PERSON_FIELDS
from app.services.import_plan import (
    ExistingPerson,
    FieldChange,
    ImportOptions,
    ImportPreview,
    NewOrganisation,
    Outcome,
    RowPlan,
    Snapshot,
    key,
)

ACRONYM_MAX = 12
_PERSON_TEXT = ("given_name", "family_name", "title_en", "title_fr", "email", "phone", "notes")
_ORGANISATION_TEXT = ("name_en", "name_fr", "acronym_en", "acronym_fr", "notes")


def _problem(target: Target, message: str) -> str:
    return _("{field}: {problem}").format(field=target_label(target), problem=message)


def _cells(row: tuple[str, ...], mapping: tuple[Target, ...]) -> dict[Target, str]:
    return {target: row[i].strip() for i, target in enumerate(mapping)
            if target != Target.IGNORE and i < len(row) and row[i].strip()}


def _text_values(cells: dict[Target, str], names: tuple[str, ...], rules: dict[str, Any],
                 reasons: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in names:
        raw = cells.get(Target(name), "")
        if not raw:
            continue
        try:
            values[name] = rules[name].check(raw)
        except DomainError as exc:
            reasons.append(_problem(Target(name), str(exc)))
    return values


def _shown(value: Any) -> str:
    if value is None:
        return ""
    return label(value) if isinstance(value, StrEnum) else str(value)


def _changes(values: dict[str, Any], existing: dict[str, Any]) -> list[FieldChange]:
    changes = []
    for name, value in values.items():
        old = existing.get(name)
        same = (str(old or "").lower() == str(value or "").lower()) if name == "email" else old == value
        if not same:
            changes.append(FieldChange(name, _shown(old), _shown(value)))
    return changes


def analyse_people(snapshot: Snapshot, sheet: Sheet, mapping: tuple[Target, ...],
                   options: ImportOptions) -> ImportPreview:
    language = options.language
    plans: list[RowPlan] = []
    new_orgs: dict[str, NewOrganisation] = {}
    seen_email: dict[str, int] = {}
    seen_name: dict[tuple[str, str, str], int] = {}
    seen_existing: dict[str, int] = {}
    for number, row in zip(sheet.row_numbers, sheet.rows, strict=True):
        cells = _cells(row, mapping)
        reasons: list[str] = []
        if Target.FULL_NAME in cells and not (cells.get(Target.GIVEN_NAME) or cells.get(Target.FAMILY_NAME)):
            cells[Target.GIVEN_NAME], cells[Target.FAMILY_NAME] = split_full_name(cells[Target.FULL_NAME])
        values = _text_values(cells, _PERSON_TEXT, dict(PERSON_FIELDS), reasons)
        given, family = values.get("given_name", ""), values.get("family_name", "")
        if not (given or family) and not any(Target(n) in cells for n in ("given_name", "family_name")):
            reasons.insert(0, _("No name: the given name and the family name are both empty."))
        if raw := cells.get(Target.LANGUAGE):
            if (parsed := parse_language(raw)) is None:
                reasons.append(_problem(Target.LANGUAGE, _("{value} is neither English nor French.").format(value=raw)))
            else:
                values["preferred_language"] = parsed
        if raw := cells.get(Target.TIME_ZONE):
            if (zone := parse_time_zone(raw)) is None:
                reasons.append(_problem(Target.TIME_ZONE, _("{zone} is not a known time zone.").format(zone=raw)))
            else:
                values["time_zone"] = zone
        country = None
        if raw := cells.get(Target.COUNTRY):
            if (country := parse_country(raw)) is None:
                reasons.append(_problem(Target.COUNTRY, _("{value} is not a known country.").format(value=raw)))
        org_uuid, new_org, org_text = None, "", cells.get(Target.ORGANISATION, "")
        found: set[str] = set()
        if org_text:
            found = snapshot.find_organisations(org_text)
            if len(found) == 1:
                org_uuid = found.pop()
            elif found:
                reasons.append(_problem(Target.ORGANISATION, _(
                    "{name} matches several organisations; give its full name.").format(name=org_text)))
            elif options.create_organisations:
                new_org = key(org_text)
            else:
                reasons.append(_problem(Target.ORGANISATION, _("{name} is not in the directory.").format(name=org_text)))
        org_short = snapshot.organisations[org_uuid].short(language) if org_uuid else org_text
        full_name = " ".join(p for p in (given, family) if p) or _("(no name)")
        label = _("{name} ({organisation})").format(name=full_name, organisation=org_short) if org_short else full_name

        existing: ExistingPerson | None = None
        match = ""
        email = str(values.get("email") or "").lower()
        name_key = (key(given), key(family))
        if not reasons:
            if email and email in snapshot.people_by_email:
                existing, match = snapshot.people_by_email[email], _("same e-mail")
            elif org_uuid:
                same = [p for p in snapshot.people_by_name.get(name_key, []) if p.organisation_uuid == org_uuid]
                if same:
                    existing, match = same[0], _("same name and organisation")
            elif not org_text:
                same = snapshot.people_by_name.get(name_key, [])
                if len(same) == 1 and not (email and same[0].values["email"]):
                    existing, match = same[0], _("same name")
            org_mark = org_uuid or new_org
            if email and email in seen_email:
                reasons.append(_("Same person as row {row} (same e-mail).").format(row=seen_email[email]))
            elif (*name_key, org_mark) in seen_name:
                reasons.append(_("Same person as row {row} (same name and organisation).").format(
                    row=seen_name[(*name_key, org_mark)]))
            elif existing is not None and existing.uuid in seen_existing:
                reasons.append(_("Row {row} already updates {name}.").format(
                    row=seen_existing[existing.uuid], name=existing.full_name))
        if reasons:
            unknown = org_text if org_text and not org_uuid and not new_org and not found else ""
            plans.append(RowPlan(number, Outcome.REFUSED, label, tuple(reasons), unknown_organisation=unknown))
            continue
        if email:
            seen_email[email] = number
        seen_name[(*name_key, org_uuid or new_org)] = number
        if new_org and new_org not in new_orgs:
            new_orgs[new_org] = NewOrganisation(new_org, org_text, country)
        if existing is None:
            plans.append(RowPlan(number, Outcome.NEW, label, values=tuple(values.items()),
                                 organisation_uuid=org_uuid, new_organisation=new_org))
            continue
        seen_existing[existing.uuid] = number
        changes = _changes(values, existing.values)
        if (org_uuid and org_uuid != existing.organisation_uuid) or new_org:
            before = snapshot.organisations[existing.organisation_uuid].short(language) \
                if existing.organisation_uuid else ""
            changes.append(FieldChange("organisation", before, org_short))
        changed = {c.field for c in changes}
        plans.append(RowPlan(
            number, Outcome.UPDATE if changes else Outcome.UNCHANGED, label, existing_uuid=existing.uuid,
            existing_label=existing.full_name, match=match, changes=tuple(changes),
            values=tuple((n, v) for n, v in values.items() if n in changed),
            organisation_uuid=org_uuid if "organisation" in changed else None,
            new_organisation=new_org if "organisation" in changed else ""))
    return ImportPreview(options.kind, tuple(plans), tuple(new_orgs.values()))


def analyse_organisations(snapshot: Snapshot, sheet: Sheet, mapping: tuple[Target, ...],
                          options: ImportOptions) -> ImportPreview:
    plans: list[RowPlan] = []
    seen: dict[str, int] = {}
    seen_existing: dict[str, int] = {}
    for number, row in zip(sheet.row_numbers, sheet.rows, strict=True):
        cells = _cells(row, mapping)
        reasons: list[str] = []
        values = _text_values(cells, _ORGANISATION_TEXT, dict(ORGANISATION_FIELDS), reasons)
        if not (values.get("name_en") or values.get("name_fr")) and not (
                Target.NAME_EN in cells or Target.NAME_FR in cells):
            reasons.insert(0, _("No name: the name in English and the name in French are both empty."))
        for target, parse in ((Target.SECTOR, parse_sector), (Target.RELATION, parse_relation)):
            if raw := cells.get(target):
                if (parsed := parse(raw)) is None:
                    reasons.append(_problem(target, _("{value} is not an accepted value here.").format(value=raw)))
                else:
                    values[target.value] = parsed
        if raw := cells.get(Target.COUNTRY):
            if (country := parse_country(raw)) is None:
                reasons.append(_problem(Target.COUNTRY, _("{value} is not a known country.").format(value=raw)))
            else:
                values["country"] = country
        names = [values[n] for n in ("acronym_en", "acronym_fr", "name_en", "name_fr") if values.get(n)]
        name = values.get("name_en") or values.get("name_fr") or ""
        acronym = values.get("acronym_en") or values.get("acronym_fr") or ""
        shown = _("{name} ({acronym})").format(name=name, acronym=acronym) if name and acronym else name or acronym
        found: set[str] = set()
        for name in names:
            found |= snapshot.find_organisations(name)
        if len(found) > 1:
            listed = ", ".join(sorted(snapshot.organisations[u].short(options.language) for u in found))
            reasons.append(_("Matches several organisations in the directory: {names}.").format(names=listed))
        keys = [key(name) for name in names]
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            reasons.append(_("Same organisation as row {row}.").format(row=earlier))
        elif len(found) == 1 and (uuid := next(iter(found))) in seen_existing:
            reasons.append(_("Row {row} already updates this organisation.").format(row=seen_existing[uuid]))
        if reasons:
            plans.append(RowPlan(number, Outcome.REFUSED, shown or _("(no name)"), tuple(reasons)))
            continue
        seen.update(dict.fromkeys(keys, number))
        if not found:
            plans.append(RowPlan(number, Outcome.NEW, shown, values=tuple(values.items())))
            continue
        existing = snapshot.organisations[found.pop()]
        seen_existing[existing.uuid] = number
        changes = _changes(values, existing.values)
        changed = {c.field for c in changes}
        plans.append(RowPlan(
            number, Outcome.UPDATE if changes else Outcome.UNCHANGED, shown, existing_uuid=existing.uuid,
            existing_label=existing.short(options.language), match=_("same name or acronym"),
            changes=tuple(changes), values=tuple((n, v) for n, v in values.items() if n in changed)))
    return ImportPreview(options.kind, tuple(plans))


def looks_like_acronym(name: str) -> bool:
    """``GRC``, ``NCMEC``, ``Europol``? Only the first two: short, one word, capitals."""
    return len(name) <= ACRONYM_MAX and " " not in name and name.upper() == name and any(c.isalpha() for c in name)
