"""Chairdesk core: the domain, the database, the use cases, interchange and reports — plain Python, no Qt."""

__version__ = "0.1.0"
