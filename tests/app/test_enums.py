"""Every value of every vocabulary has its own label, even where two vocabularies share a value."""

from __future__ import annotations

import inspect
from enum import StrEnum

from app.domain import enums
from app.domain.enums import DocumentStatus, TranslationStatus, label, label_msgid
from app.i18n import set_language


def all_enums() -> list[type[StrEnum]]:
    return [obj for _name, obj in inspect.getmembers(enums, inspect.isclass)
            if issubclass(obj, StrEnum) and obj is not StrEnum]


def test_every_member_has_a_label() -> None:
    for enum in all_enums():
        for member in enum:
            assert label_msgid(member), f"{enum.__name__}.{member.name}"


def test_shared_values_keep_their_own_labels() -> None:
    assert TranslationStatus.DRAFT == DocumentStatus.DRAFT  # the trap: equal as strings
    assert label(TranslationStatus.DRAFT) == "Draft translation"
    assert label(DocumentStatus.DRAFT) == "Draft"
    set_language("fr")
    try:
        assert label(TranslationStatus.DRAFT) == "Traduction provisoire"
        assert label(DocumentStatus.DRAFT) == "Projet"
    finally:
        set_language("en")
