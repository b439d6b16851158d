"""A store URL fit to print: error messages and logs never show a password."""

from __future__ import annotations

import re

# the password of a URL's user part (user:secret@host) or of a ``password=`` parameter
_USER_PASSWORD = re.compile(r"^(\w+://[^:/?#@]*):[^@/?#]*@")
_PARAMETER_PASSWORD = re.compile(r"([?&]password=)[^&#]*", re.IGNORECASE)


def masked(url: str) -> str:
    """``url`` with any password in it replaced by ``***``.

    >>> masked("postgresql://ana:s3cret@db.example.org/tm?password=s3cret&sslmode=require")
    'postgresql://ana:***@db.example.org/tm?password=***&sslmode=require'
    """
    return _PARAMETER_PASSWORD.sub(r"\1***", _USER_PASSWORD.sub(r"\1:***@", url))
