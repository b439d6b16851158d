"""The embedded SQLite store: the Store class (db.py), its schema (migrations.py), the folded
look-up keys (folding.py), a person's edits (review.py) and file import/export (transfer.py)."""

from .db import Store
from .records import Change, DocumentRecord, ImportRecord, Removal

__all__ = ["Change", "DocumentRecord", "ImportRecord", "Removal", "Store"]
