"""Paths shared by the tests: the repository, its seeds and the read-only ../shared folder."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_FR = REPO / "seeds" / "2021-07-13-partners-meeting.fr.txt"
SEED_EN = REPO / "seeds" / "2021-07-13-partners-meeting.en.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():  # CI and every developer machine have it beside the checkout
        pytest.fail(f"{SHARED} is missing: the tests read the shared gold sets from there")
    return SHARED


# ---- stores, by backend: the store tests are written once against tmtool.store.base.Store -----------


@pytest.fixture(params=["sqlite"])
def store_url(request, tmp_path):
    """Where a new store is made, once for each backend: the store tests run on every one (a backend
    that needs a server adds its param, skipping with the reason where none is reachable)."""
    return str(tmp_path / "t.db")
