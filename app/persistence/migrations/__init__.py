"""Alembic migrations of the Chairdesk schema, applied on open by app.persistence.database.

``HEAD_REVISION`` names the newest revision so that opening an up-to-date database needs no Alembic at
all (loading the revision scripts costs about 0.4 s); a test keeps it equal to Alembic's head.
"""

HEAD_REVISION = "0003"
