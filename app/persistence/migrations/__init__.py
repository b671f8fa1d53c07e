"""Alembic migrations of the Chairdesk schema, applied on open by app.persistence.database."""
