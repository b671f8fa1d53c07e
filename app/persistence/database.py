"""Opening a Chairdesk database: where it lives, its pragmas, its migrations, its sessions.

``open_database(path)`` brings the file to the current schema before anything else touches it: a file
from a newer Chairdesk is refused untouched; an older one is first copied with SQLite's online backup
API, then migrated in one transaction with foreign keys off (SQLite's table rebuilds would otherwise
delete child rows) and checked with ``PRAGMA foreign_key_check`` before the commit.  Every write
transaction starts with ``BEGIN IMMEDIATE`` so that two windows on one file queue instead of failing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.rules import fold
from app.errors import DatabaseError
from app.i18n import _
from app.persistence.migrations import HEAD_REVISION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Chairdesk", appauthor=False) / "chairdesk.sqlite"


def demo_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Chairdesk", appauthor=False) / "demo.sqlite"


def _make_engine(path: Path, foreign_keys: bool, immediate: bool = True) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (SQLAlchemy's recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()
        # Accent-free matching in SQL: WHERE fold(name) LIKE fold(:typed).
        dbapi_connection.create_function("fold", 1, fold, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _read_revision(path: Path) -> tuple[bool, str | None]:
    """(has any table, alembic revision or None) read with plain sqlite3, without changing the file."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DatabaseError(_("Cannot open the database {path}: {reason}").format(path=path, reason=exc)) from exc
    try:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            return bool(tables), None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return True, row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            _("{path} is not a Chairdesk database (it is not an SQLite file).").format(path=path)
        ) from exc
    finally:
        con.close()


def backup_database(path: Path, destination: Path) -> Path:
    """A consistent copy of a live database with SQLite's online backup API."""
    source = sqlite3.connect(str(path))
    target = sqlite3.connect(str(destination))
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()
    return destination


def migrate(path: Path) -> Path | None:
    """Bring the file to the head revision; returns the backup made first, if there was anything to keep."""
    exists = path.exists() and path.stat().st_size > 0
    backup: Path | None = None
    if exists:
        has_tables, revision = _read_revision(path)
        if has_tables and revision is None:
            raise DatabaseError(_("{path} is not a Chairdesk database.").format(path=path))
        if revision == HEAD_REVISION:
            return None  # the usual case, decided without loading Alembic
        if revision is not None and revision not in known_revisions():
            raise DatabaseError(
                _(
                    "{path} was written by a newer version of Chairdesk. Update Chairdesk to open it; "
                    "the file has not been changed."
                ).format(path=path)
            )
        if revision == head_revision():
            return None
        if revision is not None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            backup = backup_database(path, path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}"))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)

    from alembic import command

    engine = _make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection, connection.begin():
            command.upgrade(_alembic_config(connection), "head")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DatabaseError(
                    _("The database upgrade was undone: it would have broken {count} links between rows.").format(
                        count=len(problems)
                    )
                )
    except OperationalError as exc:
        raise _translate_operational(exc, path) from exc
    finally:
        engine.dispose()
    return backup


def _translate_operational(exc: Exception, path: Path) -> DatabaseError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError(_("The database {path} is in use by another program; try again.").format(path=path))
    if "readonly" in text or "read-only" in text:
        return DatabaseError(_("The database {path} cannot be written (read-only).").format(path=path))
    return DatabaseError(_("Cannot open the database {path}: {reason}").format(path=path, reason=exc))


@dataclass
class Database:
    """An open database: its file, its engine, and the factory for one session per user action."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back (nothing written) on any error."""
        try:
            with self.sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            raise _translate_operational(exc, self.path) from exc
        except SADatabaseError as exc:
            raise DatabaseError(_("The database refused the change: {reason}").format(reason=exc.orig)) from exc

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str) -> Database:
    from app.persistence.audit import install_audit

    db_path = Path(path).expanduser().resolve()
    if db_path.is_dir():
        raise DatabaseError(_("{path} is a folder, not a database file.").format(path=db_path))
    backup = migrate(db_path)
    engine = _make_engine(db_path, foreign_keys=True)
    factory = sessionmaker(engine, expire_on_commit=False)
    install_audit(factory)
    return Database(path=db_path, engine=engine, sessions=factory, backup=backup)
