"""Meeting packages (``.chairdesk`` files): a meeting and all it references, exported and imported.

A package is a ZIP holding ``package.json`` (the deterministic, versioned document, checked against
``chairdesk-package-1.schema.json``), ``files/<sha256>`` (the bytes of each document version) and
``manifest.json`` (who wrote it, when, and the list of files).  ``export.py`` writes one, ``reading.py``
checks one without trusting it, ``importer.py`` writes it into a database, ``mapping.py`` says how each
entity becomes JSON and ``schema.py`` holds the format's name, version and limits.
"""

from __future__ import annotations

from app.interchange.export import ExportSummary, export_all, export_package, package_json
from app.interchange.importer import ImportSummary, import_package
from app.interchange.schema import FORMAT, FORMAT_VERSION, SCHEMA_NAME, schema

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "SCHEMA_NAME",
    "ExportSummary",
    "ImportSummary",
    "export_all",
    "export_package",
    "import_package",
    "package_json",
    "schema",
]
