"""Where the demo database comes from: the meeting package shipped in ``resources/demo/``.

``chairdesk --demo`` and ``chairdesk demo --db PATH`` both land here.  The package is the product's
demo (built from the seed press releases by ``app.demo`` and exported once, see
``python -m app.demo_setup --rebuild-package``); a database is made from it by an ordinary import, so the
demo also exercises the import path users rely on.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from app.persistence.database import demo_database_path

PACKAGE_NAME = "vgt-demo.chairdesk"


def demo_package_path() -> Path:
    import resources

    return Path(resources.__file__).resolve().parent / "demo" / PACKAGE_NAME


def write_demo_database(path: Path) -> Path:
    """A new demo database at ``path`` (an existing file there is replaced only once the new one is complete)."""
    from app.interchange import import_package
    from app.persistence.database import open_database

    path = Path(path).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as work:
        scratch = Path(work) / path.name
        db = open_database(scratch)
        try:
            import_package(db, demo_package_path())
        finally:
            db.close()
        for suffix in ("-wal", "-shm"):
            Path(str(scratch) + suffix).unlink(missing_ok=True)
        scratch.replace(path)
    return path


def ensure_demo_database(path: Path | None = None) -> Path:
    """The demo database, made from the shipped package the first time it is asked for."""
    target = path or demo_database_path()
    if not target.exists():
        write_demo_database(target)
    return target


def rebuild_package() -> Path:
    """Developers: rebuild the shipped package from ``app.demo`` (deterministic: same input, same JSON)."""
    from app.demo import build_demo_database
    from app.interchange import export_all

    with tempfile.TemporaryDirectory() as work:
        db = build_demo_database(Path(work) / "demo.sqlite")
        try:
            export_all(db, demo_package_path())
        finally:
            db.close()
    return demo_package_path()


if __name__ == "__main__":
    if "--rebuild-package" in sys.argv:
        print(rebuild_package())
