"""A store URL fit to print: error messages and logs never show a password."""

from __future__ import annotations

import re
from urllib.parse import unquote

# the password of a URL's user part (user:secret@host) or of a ``password=`` parameter
_USER_PASSWORD = re.compile(r"^(\w+://[^:/?#@]*):([^@/?#]*)@")
_PARAMETER_PASSWORD = re.compile(r"([?&]password=)([^&#]*)", re.IGNORECASE)


def masked(url: str) -> str:
    """``url`` with any password in it replaced by ``***``.

    >>> masked("postgresql://ana:s3cret@db.example.org/tm?password=s3cret&sslmode=require")
    'postgresql://ana:***@db.example.org/tm?password=***&sslmode=require'
    """
    return _PARAMETER_PASSWORD.sub(r"\1***", _USER_PASSWORD.sub(r"\1:***@", url))


def scrubbed(text: str, url: str) -> str:
    """``text``, a driver's message about ``url``, with any password of the URL in it replaced by ``***``:
    libpq quotes the part of a URL it cannot parse, a password with a space or a stray ``%`` too.

    >>> scrubbed('invalid percent-encoded token: "s3%ZZcret"', "postgresql://ana:s3%ZZcret@db/tm")
    'invalid percent-encoded token: "***"'
    """
    secrets = [m.group(2) for m in (_USER_PASSWORD.match(url), *_PARAMETER_PASSWORD.finditer(url)) if m and m.group(2)]
    for secret in sorted({*secrets, *map(unquote, secrets)}, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text
