"""The local web workbench (``tmtool serve``): look-up, review queue, documents, export, and the
HTTP API scripts and CAT-tool plug-ins call. See :mod:`tmtool.web.app`."""

from __future__ import annotations

import re

from ..errors import Invalid
from .security import is_loopback

_TOKEN = re.compile(r"[A-Za-z0-9._~-]{16,}")  # sent in a header and a cookie: no separators, long enough


def check_binding(host: str, token: str | None) -> None:
    """Refuse to listen beyond the loopback without a token, and a token unfit for a header."""
    if not is_loopback(host) and token is None:
        raise Invalid(f"--host {host} is reachable from other machines: give --token (or TMTOOL_TOKEN) "
                          "so that every request must carry it")
    if token is not None and not _TOKEN.fullmatch(token):
        raise Invalid("the token must be 16 or more letters, digits, '.', '_', '~' or '-'")


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8765, token: str | None = None,
          user: str | None = None) -> None:
    """Serve the workbench over the store at ``db`` until interrupted; ``user``: who the glossary's
    history records as making the changes made through it."""
    check_binding(host, token)
    import uvicorn

    from .app import create_app

    # on the loopback, only the loopback's names (a rebinding site names its own); elsewhere the
    # machine's names are not known here, and the token keeps other sites out
    app = create_app(db, token=token, hosts=None if is_loopback(host) else {"*"}, user=user)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
