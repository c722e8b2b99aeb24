"""The one SQLite file: opening it, its migrations, the audit chain and the repositories."""

from downtime.storage.connection import open_database

__all__ = ["open_database"]
