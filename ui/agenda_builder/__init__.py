"""The Agenda builder page: ``AgendaBuilderPage(context, parent=None)``, see ``page``."""

from ui.agenda_builder.page import AgendaBuilderPage

__all__ = ["AgendaBuilderPage"]
