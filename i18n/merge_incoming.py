"""Fold translations proposed in ``i18n/incoming/*.po`` into the French catalog (only where it has none).

Used when several people translate at once: each writes its own small .po under incoming/ (delete them
after merging: the shared i18n_status tool reads every .po under i18n/), then
``python -m i18n.merge_incoming`` merges them, and the incoming files can be deleted.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

from i18n.__main__ import _po_bytes, po_path

HERE = Path(__file__).resolve().parent


def main() -> int:
    path = po_path("fr")
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    catalog.fuzzy = False
    filled = 0
    for incoming in sorted((HERE / "incoming").glob("*.po")):
        with incoming.open("rb") as handle:
            proposals = read_po(handle, locale="fr")
        for message in proposals:
            if not message.id or not message.string:
                continue
            target = catalog.get(message.id, context=message.context)
            if target is None:
                continue
            empty = not (all(target.string) if isinstance(target.string, (list, tuple)) else target.string)
            if empty or target.fuzzy:
                target.string = message.string
                target.flags.discard("fuzzy")
                filled += 1
    path.write_bytes(_po_bytes(catalog))
    print(f"merged {filled} translations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
