"""The package format: its name, its version, its size limits and its published JSON Schema.

``chairdesk-package-1.schema.json`` beside this module is the contract a package.json must meet (draft
2020-12); it ships in the wheel.  A package from a newer format version is refused before the schema is
applied, so that the user reads "made by a newer Chairdesk" rather than a list of unknown fields.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

FORMAT = "chairdesk-package"
FORMAT_VERSION = 1
SCHEMA_NAME = "chairdesk-package-1.schema.json"

PACKAGE_MEMBER = "package.json"
MANIFEST_MEMBER = "manifest.json"
FILES_FOLDER = "files/"

# Zip-bomb guards, applied to the sizes the archive declares and again to the bytes actually read.
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024

_REASON_LIMIT = 200


def file_member(sha256: str) -> str:
    """The ZIP member holding the bytes with this SHA-256."""
    return f"{FILES_FOLDER}{sha256}"


def schema() -> dict[str, Any]:
    """The published schema, read from the installed package (a copy: change it at will)."""
    return copy.deepcopy(_schema())


@cache
def _schema() -> dict[str, Any]:
    text = resources.files(__package__ or "app.interchange").joinpath(SCHEMA_NAME).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator() -> Any:
    return Draft202012Validator(_schema())


def first_violation(document: Any) -> tuple[str, str] | None:
    """(JSON path, reason) of the most relevant schema violation, or None if the document is valid."""
    error = best_match(_validator().iter_errors(document))
    if error is None:
        return None
    reason = str(error.message)
    if len(reason) > _REASON_LIMIT:
        reason = reason[: _REASON_LIMIT - 1] + "…"
    return str(error.json_path), reason
