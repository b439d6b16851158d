"""The local web workbench (``tmtool serve``): look-up, review queue, documents, export, and the
HTTP API scripts and CAT-tool plug-ins call. See :mod:`tmtool.web.app`."""

from __future__ import annotations

import errno
import functools
import ipaddress
import re
import socket

from ..errors import Invalid, TmtoolError
from .security import is_loopback, new_secret

_TOKEN = re.compile(r"[A-Za-z0-9._~-]{16,}")  # sent in a header and a cookie: no separators, long enough


def check_binding(host: str, token: str | None) -> None:
    """Refuse to listen beyond the loopback without a token, and a token unfit for a header."""
    if not is_loopback(host) and token is None:
        raise Invalid(f"--host {host} is reachable from other machines: give --token (or TMTOOL_TOKEN) "
                          "so that every request must carry it")
    if token is not None and not _TOKEN.fullmatch(token):
        raise Invalid("the token must be 16 or more letters, digits, '.', '_', '~' or '-'")


def check_port(host: str, port: int, workers: int = 1) -> None:
    """Refuse, in one line, an address something else listens on (another tmtool serve), before the
    server starts and says where it listens. Bound as the server binds it (:func:`_bound`): its family, SO_REUSEADDR,
    and ``::`` IPv6 only for one worker (asyncio's), IPv4 too for several (their shared socket, as uvicorn's)."""
    try:
        _bound(host, port, v6only=workers == 1).close()
    except OSError as exc:
        hint = " (another tmtool serve? --port chooses another)" if exc.errno == errno.EADDRINUSE else ""
        mapped = _ipv4_mapped(host)
        if mapped:
            hint = f" (an IPv4 address is listened on as one: --host {mapped})"
        raise TmtoolError(f"cannot listen on {_host_port(host, port)}: {exc.strerror or exc}{hint}") from None


def _bound(host: str, port: int, *, v6only: bool) -> socket.socket:
    """A socket bound to ``host`` and ``port`` as uvicorn binds one (its family, SO_REUSEADDR), but at the address
    as the server resolves it: a link-local one's zone (fe80::1%eth0) is its interface's number there, where
    bind((host, port)) leaves it 0 and the address is refused ("Invalid argument")."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:  # v6only: as asyncio binds (one worker), where ::ffff:127.0.0.1 is refused
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
        sock.bind(socket.getaddrinfo(host.strip("[]"), port, family, socket.SOCK_STREAM)[0][4])
    except BaseException:
        sock.close()
        raise
    return sock


def _ipv4_mapped(host: str) -> str | None:
    """The IPv4 address an IPv4-mapped IPv6 one (``::ffff:127.0.0.1``) stands for, else None."""
    try:
        mapped = ipaddress.ip_address(host.strip("[]")).ipv4_mapped
    except (ValueError, AttributeError):  # no address, or an IPv4 one
        return None
    return str(mapped) if mapped else None


def address(host: str, port: int) -> str:
    """Where a browser opens the workbench: an IPv6 address in brackets (``http://[::1]:8765/``), as a URL
    writes it — ``http://::1:8765/`` was no address a browser or curl could open; a server listening on every
    interface (``0.0.0.0``, ``::``: :func:`on_every_interface`) on this machine's loopback of that family, which
    it answers on too — ``http://0.0.0.0:8765/`` is no address Windows, nor Chrome since 2024, opens."""
    if on_every_interface(host):
        host = "::1" if ":" in host else "127.0.0.1"
    return f"http://{_host_port(host, port)}/"


def on_every_interface(host: str) -> bool:
    """Whether ``--host`` listens on every interface of the machine: the unspecified address (``0.0.0.0``,
    ``::``, and ``0`` as the server reads it, inet_aton's short form) or none (``""``, all of them to the server)."""
    if not host:
        return True
    try:  # an address as the server reads it (getaddrinfo): "0" is 0.0.0.0 there, no name looked up
        read = socket.getaddrinfo(host.strip("[]"), None, 0, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)[0][4][0]
    except (socket.gaierror, UnicodeError):  # a name
        return False
    return ipaddress.ip_address(read.partition("%")[0]).is_unspecified


def _host_port(host: str, port: int) -> str:
    """``host:port`` as a URL writes it: an IPv6 address in brackets, its zone's ``%`` written ``%25``
    (RFC 6874: ``[fe80::1%25eth0]``, as curl opens it; a bare ``%eth0`` reads as an escape)."""
    bare = host.strip("[]")
    return f"[{bare.replace('%', '%25')}]:{port}" if ":" in bare else f"{host}:{port}"


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8765, token: str | None = None,
          user: str | None = None, workers: int = 1) -> None:
    """Serve the workbench over the store at ``db`` until interrupted; ``user``: who the glossary's
    history records as making the changes made through it; ``workers``: processes answering
    requests side by side (each with its own connections to the store)."""
    check_binding(host, token)
    check_port(host, port, workers)
    import uvicorn

    # on the loopback, only the loopback's names (a rebinding site names its own); elsewhere the
    # machine's names are not known here, and the token keeps other sites out
    settings = {"db": db, "token": token, "hosts": None if is_loopback(host) else ["*"], "user": user,
                "csrf": new_secret()}
    # an IPv6 address as a URL writes it ([::1]) is the address itself to the socket: uvicorn looked the
    # bracketed name up, failed, and the server had said where it listened
    options = {"host": host.strip("[]"), "port": port, "log_level": "warning", "server_header": False}
    if workers == 1:
        uvicorn.run(app_from(settings), **options)
        return
    # each worker builds the app from the settings, with the same CSRF token: a page one worker
    # served writes through another. They go to it inside the pickled config, through the pipe multiprocessing's
    # spawn hands the child, never in its environment (the store's password, the token, the CSRF secret were
    # readable in /proc/PID/environ and copied into every process the workers start); a worker uvicorn restarts
    # (SIGHUP, one that died) is given them the same way
    # the socket the workers share bound here, as uvicorn.run would bind it but for the address (_bound): its own
    # bind refused a link-local address with its zone ("[Errno 22] Invalid argument", after the line saying where)
    import inspect

    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(functools.partial(app_from, settings), factory=True, workers=workers, **options)
    sock = _bound(options["host"], port, v6only=False)  # as uvicorn binds it: :: takes IPv4 too, where the OS does
    sock.set_inheritable(True)
    # uvicorn's supervisor took the workers' target before it made its own
    target = {"target": uvicorn.Server(config).run} if "target" in inspect.signature(Multiprocess).parameters else {}
    try:
        Multiprocess(config, sockets=[sock], **target).run()
    except KeyboardInterrupt:  # as uvicorn.run ends
        pass
    finally:
        sock.close()


def app_from(settings: dict):
    from .app import create_app

    hosts = settings["hosts"]
    return create_app(settings["db"], token=settings["token"], hosts=hosts and set(hosts), user=settings["user"],
                      csrf=settings["csrf"])

