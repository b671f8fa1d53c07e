"""Use cases: one function per user action, each in its own transaction, taking and returning plain
values (frozen view dataclasses) so that no screen ever holds a session or a live ORM object."""
