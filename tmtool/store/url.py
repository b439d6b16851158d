"""Store URLs: the file a ``sqlite:///`` URL names, a libpq connection string (``host=db dbname=tm``) told from
a file's name, and a URL fit to print (error messages and logs never show a password)."""

from __future__ import annotations

import functools
import os
import re
from typing import NamedTuple
from urllib.parse import unquote

from ..errors import Invalid

# the password of a URL's user part (user:secret@host) or of a secret parameter (SECRET_PARAMETERS), as libpq
# reads them: the user part is all before the first '@' ahead of any '/' ('?' and '#' too: a password may hold them
# raw), and a URL has no fragment to it ('#' is a parameter's text)
_SCHEME = r"(?:jdbc:)?[A-Za-z][\w+.\-]*://"  # a URL's (RFC 3986: letters, digits, + . -), JDBC's after "jdbc:"
_USER_PASSWORD = re.compile(rf"^({_SCHEME}[^:/@]*):([^@/]*)@")
# a password typed with a raw '/' or '@' (ana:s3/cret@db, ana:s3@cret@db), which libpq reads as no password (a host
# "ana", port "s3") and quotes back in part: what lies between the user's ':' and the '@' before a host (names,
# addresses, ports, up to a '/', a '?' or the end; the last such '@'), with no '=' (db:5432/tm?application_name=ana@laptop
# has no user) and no port and path first (db:5432/team@paris is a database's name)
_TYPED_PASSWORD = re.compile(rf"^({_SCHEME}[^:/@?#=]*):(?!\d+(?:,[^/@]*)?/)([^=]*)@(?=[\w.\-\[\]:%,]*(?:[/?]|$))")
# a store's URL as another tool writes it, read as tmtool's: SQLAlchemy's dialect+driver (postgresql+psycopg://,
# postgresql+psycopg2://, sqlite+pysqlite:///), whose driver is the tool's Python module and no part of where the
# store is (tmtool connects with its own), and a JDBC URL (jdbc:postgresql://host/db?user=ana, DBeaver's, DataGrip's),
# whose host, port, database and user= password= ssl= parameters are libpq's too (one it has not, libpq names)
_OTHER_TOOLS = re.compile(r"^(?:jdbc:(?=postgresql://))?(postgresql|postgres|sqlite)(?:\+[\w.\-]*)?(?=://)", re.IGNORECASE)
# JDBC's forms without a host, the server on this machine: jdbc:postgresql:tm, jdbc:postgresql:/ (the user's database);
# were a SQLite file of that name, made in the current folder by a change, the team's store left out. JDBC connects
# over TCP, to localhost (libpq's URL with no host takes the Unix socket)
_JDBC_LOCAL = re.compile(r"jdbc:postgresql:(?!//)/?", re.IGNORECASE)
# the connection parameters of libpq whose value is a secret: those libpq itself shows as "*" (the server's password,
# the one of the client's SSL key, sslpassword, and since PostgreSQL 18 the OAuth client's, oauth_client_secret),
# and the SCRAM keys libpq 18 takes in place of a password (scram_client_key, scram_server_key: postgres_fdw's
# pass-through), which log one in as well; libpq decodes a parameter's name as its value (pass%77ord is password)
SECRET_PARAMETERS = frozenset({"password", "sslpassword", "oauth_client_secret", "scram_client_key",
                               "scram_server_key"})
_PARAMETER = re.compile(r"([?&])([^?&=]*)=([^&]*)")


class _Item(NamedTuple):
    """A ``name=value`` of a connection string (``value`` None: a word with no ``=`` after it), where it starts,
    where its value starts and where it ends."""
    name: str
    value: str | None
    start: int
    value_start: int
    end: int


_SPACE = " \t\n\v\f\r"  # C's isspace(), which libpq splits a connection string on


def _conninfo_items(text: str) -> list[_Item]:
    """The items of a libpq connection string, read as libpq reads one (``conninfo_parse``): ``name = value``, a
    value quoted ``'…'`` or running to a space, a backslash taking the next character as it is. Where libpq stops
    with an error this goes on, so that a secret is still found: a word with no ``=`` after it is an item of its
    own, a quote left open runs to the end."""
    items, i, n = [], 0, len(text)
    while True:
        while i < n and text[i] in _SPACE:
            i += 1
        if i == n:
            return items
        start = i
        while i < n and text[i] != "=" and text[i] not in _SPACE:
            i += 1
        name, end = text[start:i], i
        while i < n and text[i] in _SPACE:
            i += 1
        if i == n or text[i] != "=":
            items.append(_Item(name, None, start, end, end))
            i = end
            continue
        i += 1
        while i < n and text[i] in _SPACE:
            i += 1
        value_start, value, quoted = i, [], i < n and text[i] == "'"
        i += quoted
        while i < n and (text[i] != "'" if quoted else text[i] not in _SPACE):
            if text[i] == "\\":
                i += 1
                if i == n:
                    break
            value.append(text[i])
            i += 1
        i = min(i + quoted, n)  # past the closing quote
        items.append(_Item(name, "".join(value), start, value_start, i))


@functools.cache
def _libpq_keywords() -> frozenset[str]:
    """The names of the connection parameters the libpq tmtool connects with knows (``host``, ``dbname`` …)."""
    try:
        import psycopg
    except ImportError:  # no PostgreSQL backend: no connection string either
        return frozenset()
    return frozenset(option.keyword.decode() for option in psycopg.pq.Conninfo.get_defaults())


def is_conninfo(db: str) -> bool:
    """Whether ``db`` is a libpq connection string (``host=db.example dbname=tm user=ann``, ``service=tm``) rather
    than a file's name: as psql tells one, by its ``=``, here after its first word, and a name libpq knows among its
    items (a name mistyped, ``hots=db``, is libpq's to refuse, not a file to look for; a new file ``dbname=x.db`` is
    named ``./dbname=x.db``) — unless a file or folder of that name is there, or the folder it names a file in
    (``user=ana/tm.db``: a folder per reviewer, as a store was named before connection strings were read).

    >>> is_conninfo("host=db.example dbname=tm"), is_conninfo("service = tm"), is_conninfo("a=b.db")
    (True, True, False)
    """
    return _conninfo_shaped(db) and not (os.path.lexists(db) or os.path.isdir(os.path.dirname(db)))


def _conninfo_shaped(db: str) -> bool:
    """:func:`is_conninfo` by the text alone, wherever it is read (a value of a connection string)."""
    if not re.match(f"[{_SPACE}]*[^{_SPACE}=]+[{_SPACE}]*=", db):  # most names: no parsing, no libpq loaded
        return False
    # a name in capitals too (PASSWORD=…), which libpq refuses: never a file named with a password
    return any(item.value is not None and item.name.lower() in _libpq_keywords() for item in _conninfo_items(db))


def connection_problem(db: str) -> str | None:
    """What libpq would misread in the PostgreSQL store ``db`` and quote back with a piece of its password, said
    without it: of a connection string, a word with no ``=`` (the rest of a password with a space, unquoted); of a
    URL, a password typed with a raw ``/`` or ``@``, of which libpq reads a part as the host or the database. None
    when there is nothing of the kind.

    >>> connection_problem("postgresql://ana:s3/cret@db.example.org/tm")
    "the URL's password holds a raw '@' or '/', which libpq reads as the end of it: write them %40 and %2F"
    """
    if is_conninfo(db):
        if any(item.value is None for item in _conninfo_items(db)):
            return "a word of the connection string has no '=' after it (quote a value holding a space: password='a b')"
        return None
    if not _postgres_url(db):
        return None
    typed, read = _TYPED_PASSWORD.match(db), _USER_PASSWORD.match(db)
    if typed and (read is None or read.group(2) != typed.group(2)):
        return "the URL's password holds a raw '@' or '/', which libpq reads as the end of it: write them %40 and %2F"
    return None


# a PostgreSQL URL with its "postgresql://" left out, user:password@host… (ana:s3cret@db/tm, ana:1234/x@h): the
# user's name, and all up to the last '@' as its password (one may hold '/' and '@'); a Windows path (C:\\…) is none
_SCHEMELESS = re.compile(r"(?![A-Za-z]:[\\/])([^:/@\s]+):(.*)@", re.DOTALL)


SCHEMELESS = ("names no file (a new SQLite file of that name is written ./NAME), and a PostgreSQL store's URL"
              " starts with postgresql:// (postgresql://USER:PASSWORD@HOST/DATABASE, a '/' or '@' of the password"
              " written %2F, %40)")


def schemeless_url(db: str) -> str | None:
    """The store ``db`` with its password masked when it is a PostgreSQL URL written without its scheme
    (``ana:s3cret@db/tm``) rather than a file's name: no file or folder is there, nor the folder it would name a file
    in; else None. It was a SQLite file's name, shown in every error ("ana:s3cret@db/tm: no such store"), or made.

    >>> schemeless_url("ana:1234/x@h"), schemeless_url("tm.db")
    ('ana:***@h', None)
    """
    user = _SCHEMELESS.match(db)
    folder = os.path.dirname(db)
    if not user or os.path.lexists(db) or folder and os.path.isdir(folder):
        return None
    return f"{user.group(1)}:***@{db[user.end():]}"


def _masked_conninfo(db: str, *, drop: bool = False) -> str:
    """The connection string ``db`` with each secret's value (and any word with no ``=``, which may be the rest of
    one) replaced by ``***``, or with ``drop`` left out, item and all. Masked, a value under a name libpq does not
    know (it reads names as written: ``Host``, ``passwd``) is a secret too: libpq refuses the string whole, and it
    may be a password under another tool's name (ODBC's ``pwd=``, .NET's ``Host=db;Password=…``, one item here)."""
    out, at = [], 0
    for item in _conninfo_items(db):
        if item.value is not None and item.name.lower() not in SECRET_PARAMETERS and (
                drop or item.name in _libpq_keywords()):
            # a connection string or URL as a value (dbname=postgresql://ana:pw@db/tm, as psql expands it): its own
            nested = _nested(item.value)
            bare = nested and (without_password(item.value)[0] if drop else masked(item.value))
            if bare and bare != item.value:
                out.append(db[at:item.value_start] + _quoted(bare))
                at = item.end
            continue
        if drop:
            out.append(db[at:item.start].rstrip(_SPACE))
        else:
            out.append(db[at:item.start if item.value is None else item.value_start] + "***")
        at = item.end
    return ("".join(out) + db[at:]).strip(_SPACE) if drop else "".join(out) + db[at:]


def _postgres_url(text: str) -> bool:
    """Whether ``text`` is a PostgreSQL URL: ``postgresql://`` or ``postgres://``, in any case, as another tool
    writes one too (:func:`as_tmtool_reads`)."""
    return bool(re.match(r"postgres(ql)?://", as_tmtool_reads(text), re.IGNORECASE))


def as_tmtool_reads(url: str) -> str:
    """The store's URL ``url`` as tmtool writes it, when another tool wrote it (:data:`_OTHER_TOOLS`): its scheme
    without SQLAlchemy's driver or JDBC's ``jdbc:``; any other text as it is.

    >>> as_tmtool_reads("postgresql+psycopg://ana@db/tm"), as_tmtool_reads("jdbc:postgresql://db/tm?user=ana")
    ('postgresql://ana@db/tm', 'postgresql://db/tm?user=ana')
    >>> as_tmtool_reads("jdbc:postgresql:tm?user=ana")
    'postgresql://localhost/tm?user=ana'
    """
    local = _JDBC_LOCAL.match(url)
    if local:
        return "postgresql://localhost/" + url[local.end():]
    return _OTHER_TOOLS.sub(r"\1", url, count=1)


def _nested(value: str) -> bool:
    return _postgres_url(value) or _conninfo_shaped(value)


def _quoted(value: str) -> str:
    """``value`` as a connection string writes it: quoted when it holds a space, a quote or a backslash."""
    if value and not any(c in value for c in _SPACE + "'\\"):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _secret(match: re.Match) -> bool:
    """Whether a ``?name=value`` or ``&name=value`` of :data:`_PARAMETER` gives a secret (:data:`SECRET_PARAMETERS`)."""
    return unquote(match.group(2)).lower() in SECRET_PARAMETERS


def masked(url: str) -> str:
    """``url`` with any password in it replaced by ``***``.

    >>> masked("postgresql://ana:s3cret@db.example.org/tm?password=s3cret&sslmode=require&sslpassword=k3y")
    'postgresql://ana:***@db.example.org/tm?password=***&sslmode=require&sslpassword=***'
    >>> masked("host=db.example dbname=tm user=ann password='a b'")
    'host=db.example dbname=tm user=ann password=***'
    """
    if is_conninfo(url):
        return _masked_conninfo(url)
    # of a PostgreSQL URL, a parameter libpq does not know (passwd=, which it refuses) as a secret, as a connection
    # string's (_masked_conninfo); ssl=true is its alias of sslmode=require
    unknown = (lambda name: name not in _libpq_keywords() | {"ssl"}) if _postgres_url(url) else (lambda name: False)
    # a URL given as a parameter (dbname=postgresql://…, which libpq sends to the server as it is) masked as its own
    return _PARAMETER.sub(lambda m: f"{m.group(1)}{m.group(2)}=" + (
        "***" if _secret(m) or unknown(unquote(m.group(2))) else masked(m.group(3)) if _nested(m.group(3))
        else m.group(3)), _TYPED_PASSWORD.sub(r"\1:***@", _USER_PASSWORD.sub(r"\1:***@", url)))


def without_password(url: str) -> tuple[str, bool]:
    """``url`` without the passwords in it (its user part's, a ``password=`` or ``sslpassword=`` parameter), and
    whether it held one:
    a URL to advise a command with, which libpq completes from PGPASSWORD or the password file (~/.pgpass),
    where a masked one (``***``) would be sent as the password and refused.

    >>> without_password("postgresql://ana:s3cret@db.example.org/tm?password=s3cret&sslmode=require&sslpassword=k3y")
    ('postgresql://ana@db.example.org/tm?sslmode=require', True)
    >>> without_password("host=db.example password='a b' dbname=tm")
    ('host=db.example dbname=tm', True)
    """
    if is_conninfo(url):
        bare = _masked_conninfo(url, drop=True)
        return bare, bare != url
    if not _postgres_url(url):  # a file's name may hold "password=", "a:b@"
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
    if is_conninfo(url):
        names = [name for item in _conninfo_items(url) if item.value is not None
                 for name in ([item.name.lower()] if item.name.lower() in SECRET_PARAMETERS else
                              secrets_named(item.value) if _nested(item.value) else [])]
        return list(dict.fromkeys(names))
    if not _postgres_url(url):
        return []
    names = ["password"] if _USER_PASSWORD.match(url) else []
    names += [unquote(m.group(2)).lower() for m in _PARAMETER.finditer(url) if _secret(m)]
    return list(dict.fromkeys(names))


def scrubbed(text: str, url: str, *, by_server: bool = False) -> str:
    """``text``, a driver's message about ``url``, with any password of the URL in it replaced by ``***``:
    libpq quotes the part of a URL it cannot parse, a password with a space or a stray ``%`` too. A server's
    message (``by_server``) quotes no password, which it never sees as text, but the names the connection gives it,
    a database's, a user's: of those, only one holding a URL or a connection string (``dbname=postgresql://…``, which
    libpq sends as it is) is masked, as the store's name is; a password masked wherever its letters appear said what
    it was (for user "***", when it is the user's name).

    >>> scrubbed('invalid percent-encoded token: "s3%ZZcret"', "postgresql://ana:s3%ZZcret@db/tm")
    'invalid percent-encoded token: "***"'
    >>> scrubbed('password authentication failed for user "ana"', "host=db user=ana password=ana", by_server=True)
    'password authentication failed for user "ana"'
    """
    if is_conninfo(url):
        items = _conninfo_items(url)
        nested = [item.value for item in items if item.value and item.name.lower() not in SECRET_PARAMETERS
                  and _nested(item.value)]
        secrets = [piece for item in items if item.value and item.name.lower() in SECRET_PARAMETERS
                   for piece in (url[item.value_start:item.end], item.value)]
    else:
        nested = [value for m in _PARAMETER.finditer(url) if not _secret(m) and _nested(value := unquote(m.group(3)))]
        secrets = [user.group(2) for user in (_USER_PASSWORD.match(url), _TYPED_PASSWORD.match(url))
                   if user and user.group(2)]
        secrets += [m.group(3) for m in _PARAMETER.finditer(url) if _secret(m) and m.group(3)]
        secrets += [unquote(secret) for secret in secrets]
    for value in sorted(set(nested), key=len, reverse=True):
        text = text.replace(f'"{value}"', f'"{masked(value)}"')
    return text if by_server else _replaced(text, secrets)


def _replaced(text: str, secrets: list[str]) -> str:
    for secret in sorted(set(secrets), key=len, reverse=True):
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
    if not rest.startswith("/"):  # sqlite://host/… : SQLite has no host (a user and a password pasted with one masked)
        raise Invalid(f"{masked(url)}: a SQLite URL has three slashes: sqlite:///store.db, sqlite:////srv/store.db")
    path, query = re.match(r"/([^?#]*)(.*)", rest, re.DOTALL).groups()
    if query:
        raise Invalid(f"{masked(url)}: a SQLite URL takes no query or fragment"
                      " (a ? or # in the file's name is written %3F, %23)")
    if not path:
        raise Invalid(f"{masked(url)}: the URL names no file (sqlite:///store.db)")
    path = unquote(path, errors="surrogateescape")  # as os.fsdecode reads a name's bytes
    if "\0" in path:  # which no file's name holds, and which the OS calls refuse with a traceback
        raise Invalid(f"{masked(url)}: a file's name holds no NUL character (%00)")
    return path


def sqlite_file(target: str) -> str:
    """The SQLite file a store named ``target`` is (a path, a ``sqlite:///`` URL's): where a file is written (a
    backup). A PostgreSQL store (a URL, a connection string) is no file: Invalid, its password masked, where a file
    of that name was written ("host=db password=s3cret") or a folder "postgresql:" looked for.

    >>> sqlite_file("sqlite:///backups/tm%202024.db")
    'backups/tm 2024.db'
    """
    if not target.strip():  # backup "$FILE", the variable unset: no file "." (a folder) or " " to write
        raise Invalid("the backup's file name is empty")
    scheme, sep, _ = as_tmtool_reads(target).partition("://")
    if is_conninfo(target) or _postgres_url(target):
        raise Invalid("is a server's store, not a file: a backup is a SQLite file (tmtool db copy copies a store"
                      " into a server's)", path=masked(target))
    if not sep and schemeless_url(target):
        raise Invalid(SCHEMELESS, path=schemeless_url(target))
    return sqlite_path(as_tmtool_reads(target)) if sep and scheme.lower() == "sqlite" else target


def named_from_anywhere(db: str) -> str:
    """The store ``db`` (a path or URL) named so that the name finds it from any folder: a SQLite file's path
    (a ``sqlite:///`` URL's too) made absolute, a PostgreSQL URL as it is. A command advised by a server (the
    workbench) is typed in another shell and folder than the server's, where a relative path names another file.

    >>> named_from_anywhere("postgresql://ana@db/tm") == "postgresql://ana@db/tm"
    True
    >>> named_from_anywhere("sqlite:///my%20store.db") == os.path.abspath("my store.db")
    True
    """
    scheme, sep, _ = as_tmtool_reads(db).partition("://")
    if sep and scheme.lower() != "sqlite" or is_conninfo(db):
        return db
    try:
        path = sqlite_path(as_tmtool_reads(db)) if sep else db
        if os.name == "nt":  # Windows takes "a\\..\\" out as text before it looks for a file, as abspath does
            return os.path.abspath(path)
        # POSIX reads "link/.." as the parent of the link's target: taken out as text (abspath), another file
        return os.path.join(os.getcwd(), path)
    except (Invalid, ValueError, OSError):  # no file's name, or no folder to start from: as given
        return db
