"""Store URLs: the file a ``sqlite:///`` URL names, and a URL fit to print (error messages and logs never
show a password)."""

from __future__ import annotations

import os
import re
from urllib.parse import unquote

from ..errors import Invalid

# the password of a URL's user part (user:secret@host) or of a secret parameter (SECRET_PARAMETERS), as libpq
# reads them: the user part is all before the first '@' ahead of any '/' ('?' and '#' too: a password may hold them
# raw), and a URL has no fragment to it ('#' is a parameter's text)
_USER_PASSWORD = re.compile(r"^(\w+://[^:/@]*):([^@/]*)@")
# the connection parameters of libpq whose value is a secret: those libpq itself shows as "*" (the server's password,
# the one of the client's SSL key, sslpassword, and since PostgreSQL 18 the OAuth client's, oauth_client_secret),
# and the SCRAM keys libpq 18 takes in place of a password (scram_client_key, scram_server_key: postgres_fdw's
# pass-through), which log one in as well; libpq decodes a parameter's name as its value (pass%77ord is password)
SECRET_PARAMETERS = frozenset({"password", "sslpassword", "oauth_client_secret", "scram_client_key",
                               "scram_server_key"})
_PARAMETER = re.compile(r"([?&])([^?&=]*)=([^&]*)")


def _secret(match: re.Match) -> bool:
    """Whether a ``?name=value`` or ``&name=value`` of :data:`_PARAMETER` gives a secret (:data:`SECRET_PARAMETERS`)."""
    return unquote(match.group(2)).lower() in SECRET_PARAMETERS


def masked(url: str) -> str:
    """``url`` with any password in it replaced by ``***``.

    >>> masked("postgresql://ana:s3cret@db.example.org/tm?password=s3cret&sslmode=require&sslpassword=k3y")
    'postgresql://ana:***@db.example.org/tm?password=***&sslmode=require&sslpassword=***'
    """
    return _PARAMETER.sub(lambda m: f"{m.group(1)}{m.group(2)}=***" if _secret(m) else m.group(0),
                          _USER_PASSWORD.sub(r"\1:***@", url))


def without_password(url: str) -> tuple[str, bool]:
    """``url`` without the passwords in it (its user part's, a ``password=`` or ``sslpassword=`` parameter), and
    whether it held one:
    a URL to advise a command with, which libpq completes from PGPASSWORD or the password file (~/.pgpass),
    where a masked one (``***``) would be sent as the password and refused.

    >>> without_password("postgresql://ana:s3cret@db.example.org/tm?password=s3cret&sslmode=require&sslpassword=k3y")
    ('postgresql://ana@db.example.org/tm?sslmode=require', True)
    """
    if not re.match(r"postgres(ql)?://", url, re.IGNORECASE):  # a file's name may hold "password=", "a:b@"
        return url, False
    bare = _USER_PASSWORD.sub(r"\1@", url)
    # each one (libpq reads the last of two), the '?' or '&' before it kept for the parameter after it
    bare = _PARAMETER.sub(lambda m: m.group(1) if _secret(m) else m.group(0), bare)
    bare = re.sub(r"(?<=[?&])&+", "", bare)  # the '&' of a parameter taken out
    bare = re.sub(r"[?&]$", "", bare)  # a query left empty, or ending with its '&'
    return bare, bare != url


def secrets_named(url: str) -> list[str]:
    """The names of the secrets a PostgreSQL URL gives libpq (``password``, its user part's too, and the other
    :data:`SECRET_PARAMETERS`), each once, in the order they come: what :func:`without_password` leaves out.

    >>> secrets_named("postgresql://ana:s3cret@db/tm?sslpassword=k3y&pass%77ord=s3cret")
    ['password', 'sslpassword']
    """
    if not re.match(r"postgres(ql)?://", url, re.IGNORECASE):
        return []
    names = ["password"] if _USER_PASSWORD.match(url) else []
    names += [unquote(m.group(2)).lower() for m in _PARAMETER.finditer(url) if _secret(m)]
    return list(dict.fromkeys(names))


def scrubbed(text: str, url: str) -> str:
    """``text``, a driver's message about ``url``, with any password of the URL in it replaced by ``***``:
    libpq quotes the part of a URL it cannot parse, a password with a space or a stray ``%`` too.

    >>> scrubbed('invalid percent-encoded token: "s3%ZZcret"', "postgresql://ana:s3%ZZcret@db/tm")
    'invalid percent-encoded token: "***"'
    """
    user = _USER_PASSWORD.match(url)
    secrets = [user.group(2)] if user and user.group(2) else []
    secrets += [m.group(3) for m in _PARAMETER.finditer(url) if _secret(m) and m.group(3)]
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


def named_from_anywhere(db: str) -> str:
    """The store ``db`` (a path or URL) named so that the name finds it from any folder: a SQLite file's path
    (a ``sqlite:///`` URL's too) made absolute, a PostgreSQL URL as it is. A command advised by a server (the
    workbench) is typed in another shell and folder than the server's, where a relative path names another file.

    >>> named_from_anywhere("postgresql://ana@db/tm") == "postgresql://ana@db/tm"
    True
    >>> named_from_anywhere("sqlite:///my%20store.db") == os.path.abspath("my store.db")
    True
    """
    scheme, sep, _ = db.partition("://")
    if sep and scheme.lower() != "sqlite":
        return db
    try:
        path = sqlite_path(db) if sep else db
        if os.name == "nt":  # Windows takes "a\\..\\" out as text before it looks for a file, as abspath does
            return os.path.abspath(path)
        # POSIX reads "link/.." as the parent of the link's target: taken out as text (abspath), another file
        return os.path.join(os.getcwd(), path)
    except (Invalid, ValueError, OSError):  # no file's name, or no folder to start from: as given
        return db
