"""The embedded SQLite store: the Store class (db.py), its schema (migrations.py), a person's edits
(review.py) and file import/export (transfer.py); its look-up keys are folded by tmtool.text.normalize."""

from .db import Store
from .records import Change, DocumentRecord, ImportRecord, Removal

__all__ = ["Change", "DocumentRecord", "ImportRecord", "Removal", "Store"]
