"""Catalog maintenance with Babel: ``python -m i18n extract | update | compile | check``.

``extract`` writes messages.pot from the strings marked in app/ and ui/; ``update`` merges it into each
language's messages.po; ``compile`` writes the messages.mo the app loads; ``check`` (run by CI) fails if
the template is stale, a catalog lacks or fuzzes a string, or a .mo is out of step with its .po.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATE = HERE / "messages.pot"
LANGUAGES = ("fr",)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def extracted() -> Catalog:
    catalog = Catalog(project="Chairdesk", msgid_bugs_address="", charset="utf-8", fuzzy=False)
    for package in ("app", "ui"):
        for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT / package), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True,
        ):
            catalog.add(message, None, [(f"{package}/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    return buffer.getvalue()


def _normalised(data: bytes) -> bytes:
    # The header's creation date changes at every run; compare without it.
    return b"\n".join(line for line in data.splitlines() if not line.startswith(b'"POT-Creation-Date'))


def po_path(language: str) -> Path:
    return HERE / language / "LC_MESSAGES" / "messages.po"


def extract() -> None:
    TEMPLATE.write_bytes(_po_bytes(extracted()))


def update() -> None:
    template = extracted()
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, project="Chairdesk", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.write_bytes(_po_bytes(catalog))


def compile_catalogs() -> None:
    for language in LANGUAGES:
        with po_path(language).open("rb") as handle:
            catalog = read_po(handle, locale=language)
        with (po_path(language).with_suffix(".mo")).open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)


def check() -> int:
    problems: list[str] = []
    template = extracted()
    if not TEMPLATE.exists() or _normalised(TEMPLATE.read_bytes()) != _normalised(_po_bytes(template)):
        problems.append("i18n/messages.pot is stale: run python -m i18n update")
    wanted = {m.id for m in template if m.id}
    for language in LANGUAGES:
        with po_path(language).open("rb") as handle:
            catalog = read_po(handle, locale=language)
        have = {m.id: m for m in catalog if m.id}
        for msgid in sorted(wanted, key=str):
            message = have.get(msgid)
            strings = message.string if message else None
            done = message is not None and not message.fuzzy and (
                all(strings) if isinstance(strings, (list, tuple)) else bool(strings))
            if not done:
                problems.append(f"{language}: untranslated: {msgid!r}")
        mo = po_path(language).with_suffix(".mo")
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        if not mo.exists() or mo.read_bytes() != buffer.getvalue():
            problems.append(f"{mo.relative_to(ROOT)} is out of step with its .po: run python -m i18n compile")
    for line in problems:
        print(line)
    print(f"i18n: {len(wanted)} strings, {len(problems)} problems")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        extract()
    elif command == "update":
        extract()
        update()
    elif command == "compile":
        compile_catalogs()
    elif command == "check":
        return check()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
