"""Store URLs: the file a ``sqlite:///`` URL names, and a URL fit to print (error messages and logs never
show a password)."""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..errors import Invalid

# the password of a URL's user part (user:secret@host) or of a ``password=`` parameter, as libpq reads them: the
# user part is all before the first '@' ahead of any '/' ('?' and '#' too: a password may hold them raw), and a
# URL has no fragment to it ('#' is a parameter's text)
_USER_PASSWORD = re.compile(r"^(\w+://[^:/@]*):([^@/]*)@")
_PARAMETER_PASSWORD = re.compile(r"([?&]password=)([^&]*)", re.IGNORECASE)


def masked(url: str) -> str:
    """``url`` with any password in it replaced by ``***``.

    >>> masked("postgresql://ana:s3cret@db.example.org/tm?password=s3cret&sslmode=require")
    'postgresql://ana:***@db.example.org/tm?password=***&sslmode=require'
    """
    return _PARAMETER_PASSWORD.sub(r"\1***", _USER_PASSWORD.sub(r"\1:***@", url))


def without_password(url: str) -> tuple[str, bool]:
    """``url`` without the password in it (its user part's, a ``password=`` parameter), and whether it held one:
    a URL to advise a command with, which libpq completes from PGPASSWORD or the password file (~/.pgpass),
    where a masked one (``***``) would be sent as the password and refused.

    >>> without_password("postgresql://ana:s3cret@db.example.org/tm?password=s3cret&sslmode=require")
    ('postgresql://ana@db.example.org/tm?sslmode=require', True)
    """
    if not re.match(r"postgres(ql)?://", url, re.IGNORECASE):  # a file's name may hold "password=", "a:b@"
        return url, False
    bare = _USER_PASSWORD.sub(r"\1@", url)
    # each one (libpq reads the last of two): the '?' or '&' before it is looked behind, not taken
    bare = re.sub(r"(?<=[?&])password=[^&]*(&|$)", "", bare, flags=re.IGNORECASE)
    bare = re.sub(r"[?&]$", "", bare)  # a query left empty, or ending with its '&'
    return bare, bare != url


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


def sqlite_path(url: str) -> str:
    """The file a ``sqlite:`` URL names, read as SQLAlchemy reads one (three slashes and a relative path,
    four and an absolute one) and as the URL standard writes a path: percent-encoded (``%20`` a space,
    ``%3F`` a question mark; a name's bytes that are no UTF-8 kept as bytes), a ``?`` or ``#`` starting a
    query or a fragment, which a SQLite store takes none of.

    >>> sqlite_path("sqlite:///my%20store.db"), sqlite_path("sqlite:////srv/tm/store%231.db")
    ('my store.db', '/srv/tm/store#1.db')
    """
    scheme, _, rest = url.partition("://")
    if not rest.startswith("/"):  # sqlite://host/… : SQLite has no host
        raise Invalid(f"{url}: a SQLite URL has three slashes: sqlite:///store.db, sqlite:////srv/store.db")
    path, query = re.match(r"/([^?#]*)(.*)", rest, re.DOTALL).groups()
    if query:
        raise Invalid(f"{url}: a SQLite URL takes no query or fragment"
                      " (a ? or # in the file's name is written %3F, %23)")
    if not path:
        raise Invalid(f"{url}: the URL names no file (sqlite:///store.db)")
    path = unquote(path, errors="surrogateescape")  # as os.fsdecode reads a name's bytes
    if "\0" in path:  # which no file's name holds, and which the OS calls refuse with a traceback
        raise Invalid(f"{url}: a file's name holds no NUL character (%00)")
    return path
