"""Progress of long jobs: a bar on a terminal (file, count, rate, a trustworthy time left), only the
summary line elsewhere or with --quiet, and Ctrl-C in an inbox naming what was saved."""

import io
import os
import shutil
import signal
import time

import pytest
from click.testing import CliRunner

import tmtool.ingest
import tmtool.progress
import tmtool.transfer
from conftest import SEED_EN, SEED_FR, SHARED
from tmtool import api
from tmtool.cli import main
from tmtool.formats.tmx import write_tmx
from tmtool.model import Unit
from tmtool.progress import Bar, Step, counted
from tmtool.store import open_store
from tmtool.store.sqlite import SQLiteStore


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def last_line(terminal: FakeTerminal) -> str:
    return terminal.getvalue().split("\r")[-1].strip()


def test_the_bar_shows_item_count_rate_and_a_time_left_only_once_it_is_stable():
    terminal, clock = FakeTerminal(), Clock()
    with Bar("Importing", "read", file=terminal, clock=clock) as bar:
        clock.now += 2
        bar(Step(50, 100, 5_000, "memory.tmx"))
        assert "50%" in last_line(terminal) and "memory.tmx  5,000 read  2,500/s" in last_line(terminal)
        assert "ETA" not in last_line(terminal)  # half done, but after 2 s only
    assert terminal.getvalue().endswith("\n")  # the summary line starts on a line of its own
    terminal = FakeTerminal()
    with Bar("Importing", "read", file=terminal, clock=clock) as bar:
        clock.now += 6
        bar(Step(5, 100, 600, "memory.tmx"))
        assert "ETA" not in last_line(terminal)  # after 6 s, but 5 % done only
        clock.now += 4
        bar(Step(50, 100, 10_000, "memory.tmx"))
        assert last_line(terminal).endswith("1,000/s  ETA 00:10")  # 10 s for half: 10 s to go
        bar(Step(100, 100, 20_000, "memory.tmx"))
        assert "ETA" not in last_line(terminal) and "100%" in last_line(terminal)


def test_a_bar_counting_pairs_shows_done_out_of_total():
    terminal, clock = FakeTerminal(), Clock()
    with Bar("Ingesting", "sentences", of="pairs", file=terminal, clock=clock) as bar:
        clock.now += 1
        bar(Step(2.5, 10, 120, "rapport_FR.docx: aligning"))
    assert "2/10 pairs  rapport_FR.docx: aligning  120 sentences  120/s" in last_line(terminal)


def test_steps_are_drawn_ten_times_a_second_at_most_but_the_last_always():
    terminal, clock = FakeTerminal(), Clock()
    with Bar("Exporting", "written", file=terminal, clock=clock) as bar:
        bar(Step(1, 1000, 1, "a.tmx"))
        for done in range(2, 999):
            bar(Step(done, 1000, done, "a.tmx"))
        drawn = terminal.getvalue().count("\r")
        bar(Step(1000, 1000, 1000, "a.tmx"))
    assert drawn <= 3 and "100%" in last_line(terminal)


def test_an_item_counting_on_is_drawn_ten_times_a_second_at_most_another_item_at_once():
    """A long document's extraction tells each term it pairs ("pairing terms 12/900"): every one was drawn, an item
    unlike the last, hundreds of lines a second on the terminal. The same item counting on is drawn as any step is;
    another item (the next stage, the next file) at once."""
    terminal, clock = FakeTerminal(), Clock()
    with Bar("Ingesting", "sentences", eta=False, file=terminal, clock=clock) as bar:
        for number in range(900):
            bar(Step(1 + number / 900, 3, 600, f"long.fr.txt: extracting terms (pairing terms {number}/900)"))
        drawn = terminal.getvalue().count("\r")
        bar(Step(2, 3, 600, "long.fr.txt: saving"))
        assert "66%  long.fr.txt: saving" in last_line(terminal)
    assert drawn <= 3


def test_counted_reports_every_so_many_items_and_at_the_end():
    steps = []
    items = list(counted(range(250), steps.append, lambda n: Step(n, 250, n), every=100))
    assert items == list(range(250)) and [s.done for s in steps] == [100, 200, 250]
    assert counted([1, 2], None, lambda n: Step(n, 2)) == [1, 2]


def write_memory(path, count):
    units = [Unit(f"Phrase numéro {i}.", f"Sentence number {i}.", "fr-FR", "en-GB") for i in range(count)]
    with open(path, "wb") as out:
        write_tmx(units, out, srclang="fr-FR")
    return path


def test_import_on_a_terminal_shows_the_file_and_units_read(tmp_path, monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.setattr(tmtool.progress, "_stderr", lambda: terminal)
    memory = write_memory(tmp_path / "memory.tmx", 250)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(memory)])
    assert result.exit_code == 0
    assert result.output == "250 units added (fr-FR→en-GB 250), 0 already stored, 0 untranslated skipped\n"
    assert "Importing" in terminal.getvalue() and "100%" in last_line(terminal)
    assert "memory.tmx  250 read" in last_line(terminal)


def test_quiet_or_not_a_terminal_prints_the_summary_only(tmp_path, monkeypatch):
    memory = write_memory(tmp_path / "memory.tmx", 10)
    db = str(tmp_path / "t.db")
    # CliRunner's stderr is no terminal
    imported = CliRunner().invoke(main, ["--db", db, "import", str(memory)])
    assert imported.output == "10 units added (fr-FR→en-GB 10), 0 already stored, 0 untranslated skipped\n"
    exported = CliRunner().invoke(main, ["--db", db, "export", "tmx", "-o", str(tmp_path / "out.tmx")])
    assert exported.output == f"10 units written to {tmp_path / 'out.tmx'}\n"
    terminal = FakeTerminal()
    monkeypatch.setattr(tmtool.progress, "_stderr", lambda: terminal)
    quiet = CliRunner().invoke(main, ["--db", db, "--quiet", "export", "tmx", "-o", str(tmp_path / "out.tmx")])
    assert quiet.output == exported.output and terminal.getvalue() == ""


def inbox_of(tmp_path, *names):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in names:
        shutil.copy(SEED_FR, inbox / f"{name}.fr.txt")
        # each pair its own contents, or the second would be "already stored"
        (inbox / f"{name}.en.txt").write_text(SEED_EN.read_text(encoding="utf-8") + f"\n{name}\n", encoding="utf-8")
    return inbox


def test_ingest_dir_on_a_terminal_names_the_file_and_counts_pairs_and_sentences(tmp_path, monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.setattr(tmtool.progress, "_stderr", lambda: terminal)
    inbox = inbox_of(tmp_path, "a", "b")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("2 documents ingested, 0 already stored, 0 failed; ")
    drawn = terminal.getvalue()
    assert "0/2 pairs  a.fr.txt: aligning" in drawn and "1/2 pairs  b.fr.txt: saving  " in drawn
    assert "2/2 pairs" in last_line(terminal) and " sentences  " in last_line(terminal)


def test_ctrl_c_in_ingest_dir_lists_the_documents_saved_before_it(tmp_path, monkeypatch):
    inbox = inbox_of(tmp_path, "a", "b", "c")
    replace_document = SQLiteStore.replace_document

    def interrupted_at_b(store, record, units):
        ids = replace_document(store, record, units)  # inside the pair's transaction: rolled back
        if record.id == "b":
            raise KeyboardInterrupt
        return ids

    monkeypatch.setattr(SQLiteStore, "replace_document", interrupted_at_b)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 130
    assert result.output.splitlines()[-1] == "tmtool: interrupted while ingesting b; saved before the interrupt: a"
    with open_store(db, create=True) as store:
        assert store.document("a") and not store.document("b") and not store.document("c")
        assert store.stats()["units"] == store.unit_count() > 0


def test_ctrl_c_in_the_first_ingest_into_a_new_store_leaves_no_store(tmp_path, monkeypatch):
    # a store the interrupted command made, empty, would answer later commands instead of "no such store"
    def interrupted(store, record, units):
        raise KeyboardInterrupt

    monkeypatch.setattr(SQLiteStore, "replace_document", interrupted)
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(SEED_FR), str(SEED_EN), "--no-terms"])
    assert (result.exit_code, result.output) == (130, "tmtool: interrupted\n")
    assert not db.exists()


class TermReachedTheTest(Exception):
    """SIGTERM handled by the test's own handler: the command did not take it."""


@pytest.fixture
def sigterm_caught_by_the_test():
    """SIGTERM raising here, not ending pytest, while the command under test does not handle it itself."""
    def caught(signum, frame):
        raise TermReachedTheTest

    previous = signal.signal(signal.SIGTERM, caught)
    yield
    assert signal.getsignal(signal.SIGTERM) is caught  # the command gave the handler back
    signal.signal(signal.SIGTERM, previous)


def test_sigterm_in_ingest_dir_ends_it_as_ctrl_c_does(tmp_path, monkeypatch, sigterm_caught_by_the_test):
    # kill, a service stopping, a CI time-out: the pair in progress rolled back, the pairs saved named, then a re-run
    # finishes the job
    inbox = inbox_of(tmp_path, "a", "b", "c")
    replace_document = SQLiteStore.replace_document

    def terminated_at_b(store, record, units):
        ids = replace_document(store, record, units)
        if record.id == "b":
            os.kill(os.getpid(), signal.SIGTERM)
        return ids

    monkeypatch.setattr(SQLiteStore, "replace_document", terminated_at_b)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 130, result.output
    assert result.output.splitlines()[-1] == "tmtool: interrupted while ingesting b; saved before the interrupt: a"
    with open_store(db) as store:
        assert [d.id for d, _ in store.documents()] == ["a"]
    monkeypatch.setattr(SQLiteStore, "replace_document", replace_document)
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        assert sorted(d.id for d, _ in store.documents()) == ["a", "b", "c"]


def _terminate_self(*args) -> None:
    """A worker's part in ingest --jobs, replaced (a function of a module: the worker is sent it by name)."""
    os.kill(os.getpid(), signal.SIGTERM)


def test_sigterm_to_a_worker_of_ingest_jobs_ends_the_ingest_as_ctrl_c_does(tmp_path, monkeypatch,
                                                                           sigterm_caught_by_the_test):
    # every process of the group is told when a service stops; a worker ended on the spot would break the pool
    # (BrokenProcessPool, and a traceback of Python's while the pairs left are cancelled)
    inbox = inbox_of(tmp_path, "a", "b")
    monkeypatch.setattr(tmtool.ingest, "_prepare_in_worker", _terminate_self)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", "--dir", str(inbox), "--no-terms",
                                       "--jobs", "2"])
    assert result.exit_code == 130, result.output
    assert result.output.splitlines()[-1] == "tmtool: interrupted while ingesting a; saved before the interrupt: nothing"


def test_ingest_jobs_on_a_sqlite_url_whose_file_name_has_an_equals_sign(tmp_path, monkeypatch):
    """``--db sqlite:///dbname=t.db ingest --dir --jobs 2``: each worker opened the store by its file's name,
    dbname=t.db, taken for a libpq connection string ("cannot open store: connection to server on socket …"), and
    every pair failed. The workers open the file the command made."""
    monkeypatch.chdir(tmp_path)
    inbox = inbox_of(tmp_path, "a", "b")
    result = CliRunner().invoke(main, ["--db", "sqlite:///dbname=t.db", "-q", "ingest", "--dir", str(inbox), "--no-terms",
                                       "--jobs", "2"])
    assert result.exit_code == 0 and "2 documents ingested" in result.output, result.output
    assert "documents            2" in CliRunner().invoke(main, ["--db", "./dbname=t.db", "stats"]).output


def test_a_process_forked_during_a_command_is_still_ended_by_sigterm(tmp_path, monkeypatch, sigterm_caught_by_the_test):
    # the parse worker is forked mid-command and ended with SIGTERM by multiprocessing when the command exits: an
    # interrupt in it would print a traceback, and a SIGTERM ignored in it would hang the exit
    ended = []

    def fork_and_terminate(store):
        child = os.fork()
        if child == 0:
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)
            finally:
                os._exit(99)  # the signal did not end it
        ended.append(os.waitpid(child, 0)[1])
        return {}

    open_store(tmp_path / "t.db", create=True).close()
    monkeypatch.setattr(api, "stats", fork_and_terminate)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "stats"])
    assert result.exit_code == 0, result.output
    assert os.WIFSIGNALED(ended[0]) and os.WTERMSIG(ended[0]) == signal.SIGTERM


def test_sigterm_in_an_export_leaves_no_temporary_file(tmp_path, monkeypatch, sigterm_caught_by_the_test):
    db = tmp_path / "t.db"
    with open_store(db, create=True) as store:
        api.ingest(store, SEED_FR, SEED_EN, extract_terms=False)
    in_pair = tmtool.transfer.unit_in_pair
    read = []

    def terminated_while_writing(unit, srclang, tgtlang):
        read.append(unit)
        if len(read) == 5:  # the first is read before the file is opened; the fifth while it is written
            os.kill(os.getpid(), signal.SIGTERM)
        return in_pair(unit, srclang, tgtlang)

    monkeypatch.setattr(tmtool.transfer, "unit_in_pair", terminated_while_writing)
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(main, ["--db", str(db), "export", "-o", str(out / "memory.tmx")])
    assert (result.exit_code, result.output) == (130, "tmtool: interrupted\n")
    assert len(read) == 5 and list(out.iterdir()) == []


def test_ctrl_c_in_an_import_says_none_of_the_file_is_in_the_store(tmp_path, monkeypatch):
    memory = tmp_path / "memory.tmx"
    write_tmx([Unit(f"Phrase {n}.", f"Sentence {n}.", "fr-FR", "en-GB") for n in range(50)], memory, srclang="fr-FR")
    db = tmp_path / "t.db"
    assert CliRunner().invoke(main, ["--db", str(db), "glossary", "add", "Comité militaire"]).exit_code == 0
    add_units = SQLiteStore.add_units

    def interrupted(store, units, *args, **options):
        add_units(store, units, *args, **options)  # inside the import's transaction: rolled back
        raise KeyboardInterrupt

    monkeypatch.setattr(SQLiteStore, "add_units", interrupted)
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(memory)])
    assert (result.exit_code, result.output) == (130, f"tmtool: interrupted; nothing of {memory} was imported\n")
    with open_store(db) as store:
        assert (store.stats()["units"], store.stats()["imports"], store.stats()["entries"]) == (0, 0, 1)


@pytest.mark.parametrize("no_terms", [["--no-terms"], []])
def test_single_ingest_reports_its_stages(tmp_path, monkeypatch, no_terms):
    steps = []
    monkeypatch.setattr(tmtool.progress, "_stderr", FakeTerminal)
    monkeypatch.setattr(tmtool.progress.Bar, "__call__", lambda bar, step: steps.append(step))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", str(SEED_FR), str(SEED_EN), *no_terms])
    assert result.exit_code == 0, result.output
    stages = ["aligning", "extracting terms", "saving"] if not no_terms else ["aligning", "saving"]
    begun = [s for s in steps if " (" not in s.item]  # each stage as it begins; within extraction, its parts
    assert [s.item for s in begun] == [f"{SEED_FR.name}: {stage}" for stage in stages] + [SEED_FR.name]
    assert [s.done for s in begun] == list(range(len(stages) + 1)) and steps[-1].count == 20
    assert bool(no_terms) == (begun == steps)


def test_a_long_document_s_term_extraction_is_told_as_it_goes(tmp_path, monkeypatch):
    """A 600-sentence document's extraction took its seconds under one unchanging stage ("extracting terms"), the
    bar standing still as if stuck: its parts are told (the word alignment, the French read, each term paired), the
    bar moving within the stage (on no terminal, or with --quiet, nothing is drawn, as for every job: the test
    above)."""
    sentences = [line for line in SEED_FR.read_text(encoding="utf-8").split("\n") if line.strip()]
    english = [line for line in SEED_EN.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert len(sentences) == len(english)
    fr, en = tmp_path / "long.fr.txt", tmp_path / "long.en.txt"
    fr.write_text("\n\n".join((sentences * 600)[:600]) + "\n", encoding="utf-8")
    en.write_text("\n\n".join((english * 600)[:600]) + "\n", encoding="utf-8")
    steps = []
    monkeypatch.setattr(tmtool.progress, "_stderr", FakeTerminal)
    monkeypatch.setattr(tmtool.progress.Bar, "__call__", lambda bar, step: steps.append(step))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", str(fr), str(en)])
    assert result.exit_code == 0, result.output
    within = [s for s in steps if s.item.startswith("long.fr.txt: extracting terms (")]
    parts = [s.item.split(" (")[1].rstrip(")") for s in within]
    assert parts[parts.index("aligning words"):][:2] == ["aligning words", "reading the French"]
    paired = [p for p in parts if p.startswith("pairing terms ")]
    total = int(paired[0].split("/")[1])
    assert total > 10 and paired == [f"pairing terms {n}/{total}" for n in range(total)]
    assert all(1 <= s.done < 2 and s.total == 3 for s in within)  # within the second of three stages
    assert [s.done for s in within] == sorted(s.done for s in within) and within[-1].done > 1.9


def test_a_pair_without_term_extraction_has_no_extraction_stage(tmp_path, monkeypatch):
    # a German→French pair: terms come from French–English pairs only, so two stages, not three
    textberg = SHARED / "data" / "align" / "textberg-de-fr"
    steps = []
    monkeypatch.setattr(tmtool.progress, "_stderr", FakeTerminal)
    monkeypatch.setattr(tmtool.progress.Bar, "__call__", lambda bar, step: steps.append(step))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", str(textberg / "test3.de"),
                                       str(textberg / "test3.fr"), "--srclang", "de", "--tgtlang", "fr"])
    assert result.exit_code == 0, result.output
    assert [s.item for s in steps] == ["test3.de: aligning", "test3.de: saving", "test3.de"]
    assert [s.done for s in steps] == [0, 1, 2] and steps[-1].total == 2


def test_a_job_writing_to_the_terminal_draws_no_bar_over_its_own_lines(tmp_path, monkeypatch):
    # `tmtool export tsv` on a terminal showed "Exporting  [-----]    0%OTAN<TAB>NATO": the bar and the
    # glossary on one screen; piped (| head), or written to a file, the bar stays
    db = str(tmp_path / "t.db")
    memory = write_memory(tmp_path / "memory.tmx", 10)
    assert CliRunner().invoke(main, ["--db", db, "import", str(memory)]).exit_code == 0
    added = CliRunner().invoke(main, ["--db", db, "glossary", "add", "Comité militaire", "Military Committee"])
    assert added.exit_code == 0
    terminal = FakeTerminal()
    monkeypatch.setattr(tmtool.progress, "_stderr", lambda: terminal)
    monkeypatch.setattr(tmtool.progress, "_stdout", lambda: FakeTerminal(), raising=False)
    for args in (["export", "tmx"], ["export", "tsv"], ["extract", str(SEED_FR)]):
        shown = CliRunner().invoke(main, ["--db", db, *args])
        assert shown.exit_code == 0 and terminal.getvalue() == "", args
    filed = CliRunner().invoke(main, ["--db", db, "export", "tmx", "-o", str(tmp_path / "out.tmx")])
    assert filed.exit_code == 0 and "Exporting" in terminal.getvalue()
    monkeypatch.setattr(tmtool.progress, "_stdout", lambda: io.StringIO(), raising=False)  # a pipe
    piped = CliRunner().invoke(main, ["--db", db, "export", "tsv"])
    assert piped.exit_code == 0 and "Comité militaire\tMilitary Committee" in piped.stdout
    assert terminal.getvalue().count("Exporting") > 1


def test_approving_on_a_terminal_shows_the_documents_counted(tmp_path, monkeypatch):
    # the stored documents using an entry just approved were counted with nothing shown, for seconds on a large store
    terminal = FakeTerminal()
    monkeypatch.setattr(tmtool.progress, "_stderr", lambda: terminal)
    db = str(tmp_path / "t.db")
    with open_store(db, create=True) as store:
        for name in ("a", "b"):
            store.replace_document(tmtool.store.DocumentRecord(name, f"{name}.fr.txt", f"{name}.en.txt", name, name,
                                                               "fr-FR", "en-GB"),
                                   [Unit("La dissuasion reste crédible.", "Deterrence remains credible.", "fr-FR",
                                         "en-GB", tuid=f"{name}-1")])
        entry = api.add_entry(store, ["dissuasion"], ["deterrence"], status="candidate")
    result = CliRunner().invoke(main, ["--db", db, "glossary", "approve", entry["id"]])
    assert result.exit_code == 0, result.output
    assert result.output == "1 entry approved (change 2)\n"
    assert "Counting" in terminal.getvalue() and "2/2 documents" in last_line(terminal)
    with open_store(db) as store:
        assert api.entry(store, entry["id"])["frequency"] == 2


def test_check_on_a_terminal_shows_the_units_checked(tmp_path, monkeypatch):
    # checking a 21,000-unit memory took 16 s with nothing on the terminal but the summary at the end
    terminal = FakeTerminal()
    monkeypatch.setattr(tmtool.progress, "_stderr", lambda: terminal)
    memory = write_memory(tmp_path / "memory.tmx", 250)
    db = str(tmp_path / "t.db")
    assert CliRunner().invoke(main, ["--db", db, "glossary", "add", "rapport", "report"]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", db, "check", str(memory)])
    assert result.exit_code in (0, 1), result.output
    assert "Checking" in terminal.getvalue() and "100%" in last_line(terminal)
    assert "250 units" in last_line(terminal)
    assert CliRunner().invoke(main, ["--db", db, "-q", "check", str(memory)]).exit_code in (0, 1)
