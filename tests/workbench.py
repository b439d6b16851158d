"""Stores and clients for the workbench tests: the seed document ingested once per test process,
then copied for each test that writes."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
import warnings
from functools import lru_cache
from pathlib import Path

from conftest import SEED_EN, SEED_FR

from tmtool.ingest import ingest_pair
from tmtool.store import open_store

SEED_ID = "2021-07-13-partners-meeting"
HOST = "http://127.0.0.1:8765"
WAIT_S = 15


@lru_cache(maxsize=None)
def _seeded() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="tmtool-web-seed-"))
    with open_store(folder / "built.db", create=True) as store:
        ingest_pair(store, SEED_FR, SEED_EN)
        store.backup(folder / "seed.db")  # one file, no write-ahead log beside it
    return folder / "seed.db"


def seeded_store(folder: Path) -> str:
    """A copy of a store holding the seed document (19 units, its extracted candidates) in ``folder``."""
    path = folder / "tmtool.db"
    shutil.copyfile(_seeded(), path)
    return str(path)


def client(db: str, base_url: str = HOST, *, raise_server_exceptions: bool = True, **options):
    """An in-process client of the workbench over ``db``, and its CSRF headers for writes (when
    the client can read them: a server with a token answers nothing without it). Without
    ``raise_server_exceptions``, a failure the app did not handle is answered as a server answers it (a 500)."""
    with warnings.catch_warnings():  # Starlette would rather run its test client on httpx2, not packaged here
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient

    from tmtool.web.app import create_app

    app_client = TestClient(create_app(db, **options), base_url=base_url, raise_server_exceptions=raise_server_exceptions)
    session = app_client.get("/api/session")
    return app_client, {"X-CSRF-Token": session.json()["csrf"]} if session.status_code == 200 else {}


class Server:
    """The workbench served by uvicorn in a thread, on a free port of the loopback."""

    def __init__(self, db: str):
        import uvicorn

        from tmtool.web.app import create_app

        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + WAIT_S
        while not self.server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(WAIT_S)
        self.socket.close()


def candidates(db: str) -> int:
    """How many candidate entries the store holds (term extraction decides how many the seed gives)."""
    with open_store(db) as store:
        return store.stats()["entries candidate"]
