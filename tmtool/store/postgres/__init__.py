"""The PostgreSQL store (``--db postgresql://user@host:port/dbname``): a team's shared memory and
glossary on a server, behaving as the embedded store does, with PostgreSQL's own search."""

from .store import PostgresStore
from ..url import masked

__all__ = ["PostgresStore", "masked"]
