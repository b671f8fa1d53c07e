"""What every service shares: finding a row by UUID, checking the fields of a change, accent-free text.

A change is a mapping of field name to new value; each entity declares which fields a user may set and
how each is checked and normalised (``FieldRule``).  An unknown field, a bad value or a broken rule
raises ``DomainError`` naming the field, before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import rules
from app.domain.rules import fold  # noqa: F401  (re-exported for the services)
from app.errors import DomainError, NotFoundError
from app.i18n import _
from app.persistence.base import Entity

T = TypeVar("T", bound=Entity)

def get_by_uuid(session: Session, model: type[T], uuid: str, what: str | None = None) -> T:
    row = session.execute(select(model).where(model.uuid == uuid)).scalar_one_or_none()
    if row is None:
        raise NotFoundError(_("Not found: {what} {uuid}").format(what=what or model.__name__, uuid=uuid))
    return row


@dataclass(frozen=True)
class FieldRule:
    """How one user-settable field is checked and normalised; ``check`` raises DomainError."""

    check: Callable[[Any], Any]


def apply_changes(obj: object, changes: Mapping[str, Any], fields: Mapping[str, FieldRule]) -> None:
    for name, value in changes.items():
        rule = fields.get(name)
        if rule is None:
            raise DomainError(_("The field {field} cannot be changed here.").format(field=name), field=name)
        try:
            setattr(obj, name, rule.check(value))
        except DomainError as exc:
            exc.field = exc.field or name
            raise


def text(max_length: int, required: bool = False, message: str | None = None) -> FieldRule:
    def check(value: Any) -> str:
        result = "" if value is None else str(value).strip()
        if required and not result:
            raise DomainError(message or _("This field cannot be empty."))
        if len(result) > max_length:
            raise DomainError(_("This text is too long ({length} characters; at most {limit}).").format(
                length=len(result), limit=max_length))
        return result

    return FieldRule(check)


def long_text() -> FieldRule:
    return FieldRule(lambda value: "" if value is None else str(value))


def choice(enum: type[StrEnum], optional: bool = False) -> FieldRule:
    def check(value: Any) -> StrEnum | None:
        if value is None or value == "":
            if optional:
                return None
            raise DomainError(_("Choose a value."))
        try:
            return enum(value)
        except ValueError as exc:
            raise DomainError(_("{value} is not an accepted value here.").format(value=value)) from exc

    return FieldRule(check)


def email() -> FieldRule:
    def check(value: Any) -> str | None:
        result = (value or "").strip()
        if not result:
            return None
        if not rules.is_valid_email(result) or len(result) > 254:
            raise DomainError(_("{email} is not a valid e-mail address.").format(email=result))
        return result

    return FieldRule(check)


def country() -> FieldRule:
    def check(value: Any) -> str | None:
        result = (value or "").strip().upper()
        if not result:
            return None
        if not rules.is_valid_country(result):
            raise DomainError(_("{code} is not an ISO 3166 country code.").format(code=result))
        return result

    return FieldRule(check)


def time_zone(optional: bool = True) -> FieldRule:
    def check(value: Any) -> str | None:
        result = (value or "").strip()
        if not result:
            if optional:
                return None
            raise DomainError(_("Choose a time zone."))
        if not rules.is_valid_time_zone(result):
            raise DomainError(_("{zone} is not a known time zone.").format(zone=result))
        return result

    return FieldRule(check)


def aware_datetime() -> FieldRule:
    def check(value: Any) -> datetime:
        if not isinstance(value, datetime):
            raise DomainError(_("Enter a date and time."))
        if value.tzinfo is None or value.utcoffset() is None:
            raise DomainError(_("A date and time needs a time zone."))
        return value

    return FieldRule(check)


def optional_aware_datetime() -> FieldRule:
    inner = aware_datetime()
    return FieldRule(lambda value: None if value is None else inner.check(value))


def optional_date() -> FieldRule:
    def check(value: Any) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            raise DomainError(_("Enter a date."))
        return value

    return FieldRule(check)


def minutes() -> FieldRule:
    def check(value: Any) -> int:
        try:
            result = int(value)
        except (TypeError, ValueError) as exc:
            raise DomainError(_("Enter a number of minutes.")) from exc
        if result < 0 or result > 24 * 60:
            raise DomainError(_("A duration is between 0 and 1440 minutes."))
        return result

    return FieldRule(check)
