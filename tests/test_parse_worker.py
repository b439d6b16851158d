"""The French parse in a worker process beside the ingest (``french.analysing``): the same tokens as a
parse in this process, whatever happens to the worker or to the caller meanwhile."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from conftest import SEED_EN, SEED_FR
from tmtool.ingest import ingest_pair
from tmtool.store import open_store
from tmtool.terms import french

SENTENCES = ["Le Comité militaire a approuvé le plan de l’OTAN.",
             "Les ministres de la défense se réunissent à Bruxelles.",
             "La cellule de lutte contre la désinformation publie un rapport mensuel."]
OTHERS = ["Le Centre d’excellence forme des experts.", "Les Alliés renforcent la posture de dissuasion."]


@pytest.fixture
def may_fork(monkeypatch):
    """Two cores and no other thread, whatever the machine and the tests run before."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    french.load_model()


def _not_here(sentences):
    raise AssertionError("parsed in this process")


def test_the_model_is_out_of_the_cyclic_collectors_sight():
    """Half a million objects that live as long as the process: a full collection walking them cost a
    fifth of an ingest's own CPU, and would touch their pages in the forked worker."""
    # in a process of its own: another test may have frozen everything already (check.load_glossary)
    probe = ("import gc; from tmtool.terms import french; nlp = french._nlp(); "
             "print(any(o is nlp for o in gc.get_objects()))")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "False\n"


def test_the_worker_parses_what_this_process_would(may_fork, monkeypatch):
    expected = french.analyse(SENTENCES)
    with french.analysing(SENTENCES) as tokens:
        assert tokens() == expected
    worker = french._WORKER
    assert worker.process.pid != os.getpid() and worker.process.is_alive()
    monkeypatch.setattr(french, "analyse", _not_here)  # from now on only the worker can parse
    with french.analysing(OTHERS) as tokens:
        assert tokens() == [french._tokens(french._nlp()(s.replace("’", "'")), s) for s in OTHERS]
    assert french._WORKER is worker  # one worker for the process's life


def test_a_parse_asked_while_the_worker_is_busy_is_made_here(may_fork):
    with french.analysing(SENTENCES) as first:
        with french.analysing(OTHERS) as second:
            assert second() == french.analyse(OTHERS)
        assert first() == french.analyse(SENTENCES)


def test_after_an_error_meanwhile_the_next_parse_gets_its_own_tokens(may_fork):
    with pytest.raises(KeyboardInterrupt):
        with french.analysing(SENTENCES):
            raise KeyboardInterrupt  # the worker's answer is never read
    with french.analysing(OTHERS) as tokens:
        assert tokens() == french.analyse(OTHERS)


def test_a_worker_that_dies_leaves_its_parse_to_this_process_and_is_replaced(may_fork):
    with french.analysing(SENTENCES) as tokens:
        dead = french._WORKER.process
        os.kill(dead.pid, signal.SIGKILL)
        # dead before the next parse is asked for: a signal is delivered when the kernel next runs the process,
        # and on a loaded machine a worker that had already answered could still look alive to the next call
        # (which then parses here and replaces it the call after)
        dead.join(10)
        assert tokens() == french.analyse(SENTENCES)
    with french.analysing(OTHERS) as tokens:
        assert tokens() == french.analyse(OTHERS)
    assert french._WORKER.process.pid != dead.pid and french._WORKER.process.is_alive()


def test_one_core_means_no_worker(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(french, "_WORKER", None)
    with french.analysing(SENTENCES) as tokens:
        assert tokens() == french.analyse(SENTENCES)
    assert french._WORKER is None


def test_the_worker_ends_with_its_parent():
    """A parent killed outright (no exit handlers) leaves no worker behind."""
    code = ("import os, signal\n"
            "from tmtool.terms import french\n"
            "os.sched_getaffinity = lambda pid: {0, 1}\n"
            "french._nlp = lambda: None  # the worker is not asked to parse: no model needed\n"
            "print(french._free_worker().process.pid, flush=True)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    # the worker's pid read as a line: the worker holds the pipe too, reading to its end would wait on it
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    with child.stdout:
        worker = int(child.stdout.readline())
    assert child.wait() == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = _running(worker)
    if left:
        os.kill(worker, signal.SIGKILL)
    assert not left


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_ingest_with_the_worker_stores_what_one_core_stores(may_fork, monkeypatch, tmp_path):
    def glossary(db):
        with open_store(db, create=True) as store:
            ingest_pair(store, SEED_FR, SEED_EN)
            ids = [entry_id for entry_id, in store._query("SELECT id FROM entries ORDER BY id")]
            assert len(ids) > 10
            return json.dumps([(e.score, e.frequency, [(t.text, t.lang, t.confidence, t.forms) for t in e.terms])
                               for e in store.entries(ids, contexts=0).values()])

    with french.analysing(SENTENCES) as tokens:  # the worker started
        tokens()
    with monkeypatch.context() as patched:
        patched.setattr(french, "analyse", _not_here)
        with_worker = glossary(tmp_path / "worker.db")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(french, "_WORKER", None)
    assert glossary(tmp_path / "one-core.db") == with_worker


@pytest.mark.parametrize("gone", [EOFError, ConnectionResetError])
def test_the_worker_ends_quietly_however_its_parent_went(gone, monkeypatch):
    # a parent closing its end gives EOFError; one killed mid-parse (SIGKILL) a reset connection, which
    # printed a traceback from the worker
    class Connection:
        def recv(self):
            raise gone()

    class End:
        def close(self):
            pass

    monkeypatch.setattr(signal, "signal", lambda *args: None)  # the worker's own SIGINT setting, not this process's
    assert french._serve(Connection(), End()) is None
