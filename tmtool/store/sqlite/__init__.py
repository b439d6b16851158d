"""The SQLite backend of the store: one file, FTS5 indexes for search (see db.py), the schema as
ordered migrations (migrations.py)."""

from .db import SQLiteStore

__all__ = ["SQLiteStore"]
