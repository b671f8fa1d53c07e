"""Alembic environment: runs on the connection ``open_database`` hands over (foreign keys off, one
transaction), or on ``sqlalchemy.url`` when a developer runs ``alembic`` by hand to write a revision."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy import create_engine

import app.domain.models  # noqa: F401  (registers every table on the metadata)
from app.persistence.base import Base, EnumText, UTCDateTime

target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Write our column types as the plain SQL types they store, so revisions never import app code."""
    if type_ == "type" and isinstance(obj, EnumText):
        return f"sa.String(length={getattr(obj.impl_instance, 'length', None)})"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


OPTIONS: dict[str, Any] = {"target_metadata": target_metadata, "render_as_batch": True, "render_item": render_item}


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, **OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev-migrations.sqlite"
    engine = create_engine(url)
    with engine.connect() as conn:
        context.configure(connection=conn, **OPTIONS)
        with context.begin_transaction():
            context.run_migrations()


run()
