"""What stands between the network and the store: the host a request names, the access token,
same-origin and CSRF checks on writes, and the size of a request's body.

One ASGI middleware, so that every route — pages, API, static files — passes the same checks.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import secrets
from collections.abc import Callable
from urllib.parse import parse_qsl, quote, urlencode

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# on every response: scripts, styles and requests of this server only (markup slipped into a page would
# not run), no page of another site framing this one (a framed review queue takes keystrokes), no
# guessing a download's type
HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "tmtool_token"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Guard:
    """ASGI middleware. ``hosts``: the names a request may be addressed to (a page of another site
    whose name resolves to 127.0.0.1 — DNS rebinding — names its own, and is refused), ``*`` for
    any; ``token``:
    when set, every request carries it (``Authorization: Bearer``, or the cookie set when a browser
    first opens ``/?token=…``); ``csrf``: the secret every write sends back in ``X-CSRF-Token``, which
    only pages of this server (and clients that asked ``/api/session``) can read; ``max_body``: the
    largest request body accepted, in bytes; ``served``: whether the app answers a request's method at its
    path: a write it does not answer is left to the app's 405 (with ``Allow``) or 404, no CSRF token asked
    for what would not be done with one."""

    def __init__(self, app, *, hosts: set[str], token: str | None, csrf: str, max_body: int,
                 served: Callable[[dict], bool] = lambda scope: True):
        self.app, self.hosts, self.token, self.csrf, self.max_body = app, hosts, token, csrf, max_body
        self.served = served

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if "*" not in self.hosts and _host_name(host) not in self.hosts:
            return await _refuse(send, 400, "bad host", f"this server does not answer to host {host!r}")
        if self.token is not None:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            if scope["method"] == "GET" and _same(query.get("token"), self.token):
                return await _set_token_cookie(send, scope, query, self.token)
            if not (_same(_bearer(headers), self.token) or _same(_cookie(headers, TOKEN_COOKIE), self.token)):
                return await _refuse(send, 401, "unauthorized", "this server needs its access token")
        if scope["method"] in WRITE_METHODS and self.served(scope):
            if not _same_origin(headers, host):
                return await _refuse(send, 403, "forbidden", "cross-origin write refused")
            if not _same(headers.get(CSRF_HEADER), self.csrf):
                return await _refuse(send, 403, "forbidden", "missing or wrong CSRF token (see GET /api/session)")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await _refuse(send, 413, "too large", f"request body over {self.max_body} bytes")
        return await self._limited(scope, receive, send)

    async def _limited(self, scope, receive, send):
        """The body read whole before the app sees it, counted as it arrives (a chunked upload
        announces no length): the app's form parser would turn an error raised midway into a 400.
        The app's responses get :data:`HEADERS`."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return await _refuse(send, 413, "too large", f"request body over {self.max_body} bytes")
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        delivered = False

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        async def replay():
            nonlocal delivered
            if delivered:
                return await receive()  # waits for the client to go away, as a drained body does
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, with_headers)


def _host_name(host: str) -> str:
    """``127.0.0.1:8765`` → ``127.0.0.1``; ``[::1]:8765`` → ``::1``."""
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def _bearer(headers: dict) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _cookie(headers: dict, name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def _same_origin(headers: dict, host: str) -> bool:
    """A browser names the page's origin on every cross-origin write (``Origin``), and says where
    a request comes from (``Sec-Fetch-Site``); a script sends neither, and needs the CSRF token."""
    origin = headers.get("origin")
    if origin is not None and origin not in (f"http://{host}", f"https://{host}"):
        return False
    return headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")


async def _refuse(send, status: int, error: str, message: str) -> None:
    body = json.dumps({"error": error, "message": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _set_token_cookie(send, scope, query: dict, token: str) -> None:
    """A browser opened the link with the token: keep it in a cookie only this server's pages send
    (HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it), and go to the
    same address without it, so it leaves the address bar and the history."""
    rest = urlencode({k: v for k, v in query.items() if k != "token"})
    location = quote(scope["path"]) + (f"?{rest}" if rest else "")
    await send({"type": "http.response.start", "status": 303, "headers": [
        (b"location", location.encode()),
        (b"set-cookie", f"{TOKEN_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/".encode()),
        (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})
