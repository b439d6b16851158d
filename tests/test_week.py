"""A team's week on one store, SQLite and PostgreSQL alike: a termbase imported and approved, three news pairs
ingested (tests/data/week), reviewed, exported, edited in a spreadsheet and imported back, a document revised."""

from pathlib import Path

from tmtool import api, open_store
from tmtool.model import Unit
from tmtool.store.records import DocumentRecord

WEEK = Path(__file__).parent / "data" / "week"
PAIRS = ["2026-12-01-mc-session", "2026-12-03-baltic-sentry", "2026-12-05-steadfast-exercise"]


def ingest(store, name: str, folder: Path = WEEK) -> dict:
    return api.ingest(store, folder / f"{name}.fr.txt", folder / f"{name}.en.txt")


def by_term(store, text: str) -> dict:
    (found,) = [e for e in api.entries(store, limit=1000)
                if any(t["text"] == text for t in e["terms"])]
    return found


def deterrence_store(store, tmp_path) -> int:
    """Every pair of the week ingested, *dissuasion* = *deterrence* imported a candidate; its entry's id."""
    for name in PAIRS:
        ingest(store, name)
    (tmp_path / "candidates.csv").write_text("fr,en,status\ndissuasion,deterrence,candidate\n", encoding="utf-8")
    api.import_file(store, tmp_path / "candidates.csv")
    return by_term(store, "dissuasion")["id"]


def write_termbase(path: Path) -> Path:
    path.write_text("fr,en,status,frequency\n"
                    "dissuasion,deterrence,approved,13\n"
                    "flanc est,eastern flank,approved,\n"
                    "police du ciel,air policing,approved,\n"
                    "frégate,frigate,approved,\n"
                    "chef d'état-major de la défense,Chief of Defence,approved,\n", encoding="utf-8")
    return path


def test_an_approved_entry_counts_its_occurrences_in_documents_extraction_does_not_propose_it_for(
        store_url, tmp_path):
    # a termbase's approved entries showed frequency 0 (or the file's count) and no context after documents using
    # them were ingested, wherever extraction did not propose the term itself: a terminologist saw *dissuasion*
    # unused in a store whose three documents all use it
    with open_store(store_url, create=True) as store:
        api.import_file(store, write_termbase(tmp_path / "termbase.csv"))
        for name in PAIRS:
            ingest(store, name)
        terms = ("dissuasion", "flanc est", "police du ciel", "frégate", "chef d'état-major de la défense")
        # in the plural too: *des frégates*, *Les chefs d'état-major de la défense* (twice)
        assert {text: by_term(store, text)["frequency"] for text in terms} == {
            "dissuasion": 3, "flanc est": 2, "police du ciel": 1, "frégate": 1, "chef d'état-major de la défense": 2}
        deterrence = api.entry(store, by_term(store, "dissuasion")["id"])
        assert {c["document"] for c in deterrence["contexts"]} == set(PAIRS)
        assert all("dissuasion" in c["fr"] and "deterrence" in c["en"] for c in deterrence["contexts"])
        # counted, not proposed: one entry holds the term, still approved
        assert [e["status"] for e in api.lookup(store, "dissuasion")["entries"]] == ["approved"]
        # a document taken out takes its count back; with none left, the file's count again
        api.remove(store, documents=[PAIRS[0]])
        assert by_term(store, "dissuasion")["frequency"] == 2
        api.remove(store, documents=PAIRS[1:])
        assert by_term(store, "dissuasion")["frequency"] == 13
        assert api.entry(store, by_term(store, "dissuasion")["id"])["contexts"] == []


def test_an_entry_approved_after_the_documents_using_it_were_ingested_counts_them(store_url, tmp_path):
    # the count was made when a document was ingested only: an entry approved later, by a person or by a termbase
    # imported after the documents, showed frequency 0 until 'glossary reextract' read every document again
    with open_store(store_url, create=True) as store:
        for name in PAIRS:
            ingest(store, name)
        for name, row in (("candidates.csv", "dissuasion,deterrence,candidate\nmise en oeuvre,implementation,candidate"),
                          ("approved.csv", "police du ciel,air policing,approved")):
            (tmp_path / name).write_text(f"fr,en,status\n{row}\n", encoding="utf-8")
            api.import_file(store, tmp_path / name)
        assert by_term(store, "police du ciel")["frequency"] == 1  # approved by the file
        assert by_term(store, "dissuasion")["frequency"] == 0  # a candidate is not counted
        deterrence = by_term(store, "dissuasion")["id"]
        api.approve(store, [deterrence])
        found = api.entry(store, deterrence)
        assert found["frequency"] == 3
        assert {c["document"] for c in found["contexts"]} == set(PAIRS)
        assert all("dissuasion" in c["fr"] for c in found["contexts"])
        # a term spelt out that a document writes with its ligature (la mise en œuvre des plans) is found too
        api.approve(store, [by_term(store, "mise en oeuvre")["id"]])
        assert by_term(store, "mise en oeuvre")["frequency"] == 1
        # counted as an ingest counts it: a document taken out takes its count back
        api.remove(store, documents=[PAIRS[0]])
        assert by_term(store, "dissuasion")["frequency"] == 2
        # no longer approved, no longer counted, as an ingest would not count it; approved again, counted again
        (rejected,) = api.reject(store, [deterrence])
        assert by_term(store, "dissuasion")["frequency"] == 0
        assert api.entry(store, deterrence)["contexts"] == []
        api.revert(store, rejected)
        assert by_term(store, "dissuasion")["frequency"] == 2
        # the file's entry counted when imported is no entry counted since: its import can still be reverted
        (imported,) = [c["id"] for c in api.history(store, by_term(store, "police du ciel")["id"])]
        api.revert(store, imported)
        assert not [e for e in api.entries(store, limit=1000) if any(t["text"] == "police du ciel" for t in e["terms"])]


def test_an_approved_entry_whose_term_is_edited_counts_the_term_as_it_now_reads(store_url, tmp_path):
    # the counts of the term as it read before the edit stayed
    with open_store(store_url, create=True) as store:
        termbase = tmp_path / "termbase.csv"
        termbase.write_text("fr,en,status\nflanc est,eastern flank,approved\n", encoding="utf-8")
        api.import_file(store, termbase)
        for name in PAIRS:
            ingest(store, name)
        flank = int(by_term(store, "flanc est")["id"])
        assert sorted(row[0] for row in store.document_counts([flank])[flank]) == PAIRS[1:]
        api.edit(store, flank, fr="police du ciel", en="air policing")
        assert api.entry(store, flank)["frequency"] == 1
        assert [row[:2] for row in store.document_counts([flank])[flank]] == [(PAIRS[1], 1)]
        assert [c["fr"] for c in api.entry(store, flank)["contexts"]] == [
            "Cette activité complète la mission de police du ciel de l'OTAN dans la région et contribue à la défense "
            "collective du flanc est."]


def test_an_entry_imported_approved_after_the_documents_falls_back_to_the_files_count_once_they_no_longer_count_it(
        store_url, tmp_path):
    # the import's record of the entry (what it came with) kept the documents' count made at the import: once the
    # documents were removed, or the entry was no longer approved, it showed that count, not the file's
    with open_store(store_url, create=True) as store:
        for name in PAIRS:
            ingest(store, name)
        termbase = tmp_path / "termbase.csv"
        termbase.write_text("fr,en,status,frequency\ndissuasion,deterrence,approved,13\n"
                            "police du ciel,air policing,approved,\n", encoding="utf-8")
        api.import_file(store, termbase)
        assert by_term(store, "dissuasion")["frequency"] == 3
        assert by_term(store, "police du ciel")["frequency"] == 1
        api.reject(store, [by_term(store, "police du ciel")["id"]])
        assert by_term(store, "police du ciel")["frequency"] == 0  # the file gave it none
        api.remove(store, documents=PAIRS)
        assert by_term(store, "dissuasion")["frequency"] == 13
        assert api.entry(store, by_term(store, "dissuasion")["id"])["contexts"] == []


def test_approving_a_longer_term_takes_its_overlaps_from_an_approved_term_counted_there_and_rejecting_it_gives_them_back(
        store_url, tmp_path):
    # only the entry approved was counted again: *commandement maritime*, approved and counted in every sentence,
    # kept the ones *commandement maritime allié* now holds (4 where an ingest counts 2), and once that was
    # rejected, the one it had lost stayed lost (an ingest with it alone approved counts 4)
    with open_store(store_url, create=True) as store:
        maritime_store(store, tmp_path)
        assert by_term(store, "commandement maritime")["frequency"] == 4
        allied = by_term(store, "commandement maritime allié")["id"]
        api.approve(store, [allied])
        assert by_term(store, "commandement maritime")["frequency"] == 2
        assert [c["fr"] for c in api.entry(store, by_term(store, "commandement maritime")["id"])["contexts"]] == [
            "Le commandement maritime national aussi.", "Le commandement maritime allié et le commandement maritime national."]
        assert by_term(store, "commandement maritime allié")["frequency"] == 2
        (rejected,) = api.reject(store, [allied])
        assert by_term(store, "commandement maritime")["frequency"] == 4
        assert by_term(store, "commandement maritime allié")["frequency"] == 0
        api.revert(store, rejected)
        assert by_term(store, "commandement maritime")["frequency"] == 2
        assert by_term(store, "commandement maritime allié")["frequency"] == 2


def test_an_approved_term_inside_a_longer_term_extraction_counted_there_is_not_counted_again(store_url, tmp_path):
    # *commandement maritime* was counted twice in "le Commandement maritime allié", which extraction counts: as
    # tmtool check reads an overlap, the longest term holds it
    with open_store(store_url, create=True) as store:
        termbase = tmp_path / "termbase.csv"
        termbase.write_text("fr,en,status\ncommandement maritime,maritime command,approved\n"
                            "police du ciel,air policing,approved\n", encoding="utf-8")
        api.import_file(store, termbase)
        ingest(store, PAIRS[1])
        allied = by_term(store, "Commandement maritime allié")
        assert allied["frequency"] == 2 and allied["status"] == "candidate"
        assert by_term(store, "commandement maritime")["frequency"] == 0
        assert by_term(store, "police du ciel")["frequency"] == 1
        # and so when it is approved later
        api.import_file(store, write_termbase(tmp_path / "more.csv"))
        api.approve(store, [by_term(store, "commandement maritime")["id"]])
        assert by_term(store, "commandement maritime")["frequency"] == 0


def test_a_documents_revision_is_told_by_the_library_and_the_cli_and_the_workbench_show_it(
        store_url, tmp_path, monkeypatch):
    # the rule (a document whose units were replaced after its first ingest) was written in the command and again
    # in the workbench's template, comparing the stored dates each its own way; api.documents now says it once
    from datetime import datetime, timezone

    from conftest import run_output
    from workbench import client

    now = [datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)]
    for backend in ("tmtool.store.sqlite.db", "tmtool.store.postgres.store"):
        monkeypatch.setattr(f"{backend}.utcnow", lambda: now[0])
    folder = tmp_path / "in"
    folder.mkdir()
    name = PAIRS[0]
    for lang in ("fr", "en"):
        (folder / f"{name}.{lang}.txt").write_text((WEEK / f"{name}.{lang}.txt").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    with open_store(store_url, create=True) as store:
        api.ingest(store, folder / f"{name}.fr.txt", folder / f"{name}.en.txt", extract_terms=False)
        (listed,) = api.documents(store)
        assert listed["revised"] is None
        now[0] = datetime(2026, 12, 4, 16, 30, tzinfo=timezone.utc)
        english = folder / f"{name}.en.txt"
        english.write_text(english.read_text(encoding="utf-8").replace("January 2027", "February 2027"),
                           encoding="utf-8")
        api.ingest(store, folder / f"{name}.fr.txt", english, extract_terms=False)
        (listed,) = api.documents(store)
        assert (listed["ingested"], listed["revised"]) == ("2026-12-01T09:00:00+00:00", "2026-12-04T16:30:00+00:00")
    row = run_output(store_url, "documents").splitlines()[1]
    local = datetime(2026, 12, 4, 16, 30, tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
    assert row.rstrip().endswith(local)
    page = client(store_url)[0].get("/documents").text
    assert "<td>2026-12-01T09:00:00+00:00</td><td>2026-12-04T16:30:00+00:00</td></tr>" in page


def test_a_files_review_of_an_entry_extraction_proposed_is_applied_not_dropped_as_already_stored(store_url, tmp_path):
    # a spreadsheet's new row (or a client's approved termbase) approving a term extraction had proposed was counted
    # "already stored" and its approval and note dropped without a word: the candidate stayed a candidate
    sheet = tmp_path / "review.csv"
    sheet.write_bytes("\ufefffr;en;status;note\r\n"
                      "chasseur de mines;minehunter;Approved;MCM vessel\r\n"
                      "avion de patrouille maritime;maritime patrol aircraft;;\r\n"
                      "activité suspecte;suspicious activity;rejeté;\r\n"
                      "temps réel;real time;approved;\r\n".encode("utf-8"))
    with open_store(store_url, create=True) as store:
        ingest(store, PAIRS[1])
        realtime = by_term(store, "temps réel")
        api.reject(store, [realtime["id"]], user="ana")  # a person's decision: the file's differs, said, not applied
        before = {text: by_term(store, text) for text in ("chasseur de mines", "avion de patrouille maritime",
                                                           "activité suspecte")}
        assert {entry["status"] for entry in before.values()} == {"candidate"}
        result = api.import_file(store, sheet, user="ben")
        after = {text: by_term(store, text) for text in before}
        assert {text: (entry["id"], entry["status"], entry["note"]) for text, entry in after.items()} == {
            "chasseur de mines": (before["chasseur de mines"]["id"], "approved", "MCM vessel"),
            "avion de patrouille maritime": (before["avion de patrouille maritime"]["id"], "candidate", None),
            "activité suspecte": (before["activité suspecte"]["id"], "rejected", None)}
        assert (result["added"], result["already_stored"], result["reviewed"]) == (0, 4, 2)
        assert by_term(store, "temps réel")["status"] == "rejected"
        assert [line for line in result["conflicts"]] == [
            f"{sheet}: entry {realtime['id']} was reviewed in the store (rejected) and differs from the file: "
            "kept as the store has it"]
        assert api.history(store, before["chasseur de mines"]["id"])[-1]["user"] == "ben"



def test_a_revision_says_how_many_entries_it_took_out_as_well_as_those_it_added(store_url):
    # a revision no longer proposing a candidate nothing else vouched for took it out, as the README says, but the
    # summary said only "1 new entry, 21 updated entries": the glossary shrank without a word
    import re

    from conftest import run_output

    with open_store(store_url, create=True) as store:
        ingest(store, PAIRS[1], WEEK / "revised")
        before = store.stats()["entries"]
        done = ingest(store, PAIRS[1])  # the other version, under the same id
        after = store.stats()["entries"]
    assert done["removed_entries"] > 0 and after == before + done["new_entries"] - done["removed_entries"]
    # back to the revised version, at the command line
    line = run_output(store_url, "ingest", WEEK / "revised" / f"{PAIRS[1]}.fr.txt",
                      WEEK / "revised" / f"{PAIRS[1]}.en.txt")
    with open_store(store_url) as store:
        again = store.stats()["entries"]
    new = int(re.search(r"(\d+) new entr", line)[1])
    removed = re.search(r"(\d+) entr(?:y|ies) no longer proposed removed", line)
    assert again == after + new - (int(removed[1]) if removed else 0), line


def test_a_revisions_updated_entries_are_those_it_still_counts_not_those_it_took_out(store_url):
    # a revision took out the candidates only its earlier version's evidence had raised, and counted them among its
    # updated entries as well: "1 new entry, 23 updated entries, 2 entries no longer proposed removed" where the
    # document counted 22 entries
    with open_store(store_url, create=True) as store:
        ingest(store, PAIRS[1])
        done = ingest(store, PAIRS[1], WEEK / "revised")
        counted = {e["id"] for e in api.entries(store, document=PAIRS[1], limit=1000)}
    assert done["removed_entries"] > 0
    assert done["new_entries"] + done["updated_entries"] == len(counted)


def test_a_document_stored_without_terms_then_extracted_counts_its_approved_entries_once(store_url, tmp_path):
    # a document ingested without extraction counted the approved entries it uses; ingesting it again with extraction
    # counted those extraction proposes a second time: *OTAN* 8 in a document writing it 4 times, until a reextract
    with open_store(store_url, create=True) as store:
        api.import_file(store, write_termbase(tmp_path / "termbase.csv"))
        api.add_entry(store, fr=["OTAN"], en=["NATO"], status="approved")
        api.add_entry(store, fr=["chasseur de mines"], en=["minehunter"], status="approved")
        fr, en = WEEK / f"{PAIRS[1]}.fr.txt", WEEK / f"{PAIRS[1]}.en.txt"
        api.ingest(store, fr, en, extract_terms=False)
        terms = ("OTAN", "chasseur de mines", "dissuasion", "flanc est")
        counted = {text: by_term(store, text)["frequency"] for text in terms}
        contexts = {text: len(api.entry(store, by_term(store, text)["id"])["contexts"]) for text in terms}
        assert counted == {"OTAN": 4, "chasseur de mines": 1, "dissuasion": 1, "flanc est": 1}
        assert api.ingest(store, fr, en)["terms_extracted"]
        assert {text: by_term(store, text)["frequency"] for text in terms} == counted
        assert {text: len(api.entry(store, by_term(store, text)["id"])["contexts"]) for text in terms} == contexts
        assert [e["status"] for e in api.lookup(store, "OTAN")["entries"]] == ["approved"]


def maritime_store(store, tmp_path, allied_status: str = "candidate"):
    """A document of three sentences where *commandement maritime allié* overlaps *commandement maritime* twice; the
    shorter approved, the longer ``allied_status``."""
    store.replace_document(DocumentRecord("d", "d.fr.txt", "d.en.txt", "d", "d", "fr-FR", "en-GB"), [
        Unit("Le commandement maritime allié coordonne.", "Allied maritime command coordinates.", "fr-FR", "en-GB",
             tuid="d-1"),
        Unit("Le commandement maritime national aussi.", "The national maritime command too.", "fr-FR", "en-GB",
             tuid="d-2"),
        Unit("Le commandement maritime allié et le commandement maritime national.",
             "Allied maritime command and the national maritime command.", "fr-FR", "en-GB", tuid="d-3")])
    termbase = tmp_path / "maritime.csv"
    termbase.write_text("fr,en,status\ncommandement maritime,maritime command,approved\n"
                        f"commandement maritime allié,allied maritime command,{allied_status}\n", encoding="utf-8")
    api.import_file(store, termbase)


def test_removing_an_approved_longer_term_gives_its_overlaps_back_to_the_shorter_one(store_url, tmp_path):
    # only the entry removed was counted again: *commandement maritime* kept 2 where an ingest, the longer term gone,
    # counts 4; a revert of the removal takes them back again
    with open_store(store_url, create=True) as store:
        maritime_store(store, tmp_path, "approved")
        assert by_term(store, "commandement maritime")["frequency"] == 2
        allied = by_term(store, "commandement maritime allié")["id"]
        removed = api.remove_entry(store, allied)
        assert by_term(store, "commandement maritime")["frequency"] == 4
        assert len(api.entry(store, by_term(store, "commandement maritime")["id"])["contexts"]) == 3
        api.revert(store, removed)
        assert by_term(store, "commandement maritime")["frequency"] == 2
        assert by_term(store, "commandement maritime allié")["frequency"] == 2


def test_editing_an_approved_term_gives_the_overlaps_its_old_term_held_back(store_url, tmp_path):
    # the edited entry was counted as it now reads, but the approved entries its old term overshadowed kept the
    # count they had lost to it: *commandement maritime* 2 where an ingest counts 4
    with open_store(store_url, create=True) as store:
        maritime_store(store, tmp_path, "approved")
        allied = by_term(store, "commandement maritime allié")["id"]
        api.edit(store, allied, fr="commandement maritime national", en="national maritime command")
        assert by_term(store, "commandement maritime national")["frequency"] == 2
        # d-1 alone is its own again; d-3's second occurrence is the national command's
        assert by_term(store, "commandement maritime")["frequency"] == 2
        api.edit(store, allied, fr="flotte alliée", en="allied fleet")
        assert by_term(store, "flotte alliée")["frequency"] == 0
        assert by_term(store, "commandement maritime")["frequency"] == 4


def test_an_approval_counts_the_documents_after_it_is_committed_a_batch_at_a_time(store_url, tmp_path, monkeypatch):
    # the documents using an entry were counted in the approval's transaction: a second writer waited for all of
    # them (on SQLite, failed after 10 s with "the store is locked"), and nothing showed how far the count was
    from tmtool import glossary

    monkeypatch.setattr(glossary, "COUNT_BATCH", 1, raising=False)
    with open_store(store_url, create=True) as store:
        deterrence = deterrence_store(store, tmp_path)
        steps, written = [], []

        def another_writer(step):
            steps.append((step.done, step.total))
            with open_store(store_url) as other:  # between two batches: the write lock is free
                # (its change counts what is left queued, as any change does)
                written.append(api.add_entry(other, ["terme"], ["term"])["id"])

        api.approve(store, [deterrence], progress=another_writer)
        assert steps == [(1, 3)] and len(written) == 1
        assert api.entry(store, deterrence)["frequency"] == 3
        assert {c["document"] for c in api.entry(store, deterrence)["contexts"]} == set(PAIRS)
        api.reject(store, [deterrence], progress=lambda step: steps.append((step.done, step.total)))
        assert steps[1:] == [(1, 3), (2, 3), (3, 3)]
        assert api.entry(store, deterrence)["frequency"] == 0


def test_counts_a_stopped_process_left_to_make_are_made_by_the_next_change(store_url, tmp_path, monkeypatch):
    # a process stopping after the approval is committed, its documents not all counted yet, must not leave the
    # count short for good
    from tmtool import glossary

    monkeypatch.setattr(glossary, "COUNT_BATCH", 1, raising=False)
    with open_store(store_url, create=True) as store:
        for name in PAIRS:
            ingest(store, name)
        (tmp_path / "candidates.csv").write_text("fr,en,status\ndissuasion,deterrence,candidate\n"
                                                 "flanc est,eastern flank,candidate\n", encoding="utf-8")
        api.import_file(store, tmp_path / "candidates.csv")
        deterrence, flank = by_term(store, "dissuasion")["id"], by_term(store, "flanc est")["id"]
        counting, counted = store.count_in_document, []

        def stopping(entry_id, *args):
            if entry_id == int(deterrence) and counted:
                raise KeyboardInterrupt  # the process stopped as it counted a second document
            counted.append(entry_id)
            counting(entry_id, *args)

        monkeypatch.setattr(store, "count_in_document", stopping)
        try:
            api.approve(store, [deterrence])
        except KeyboardInterrupt:
            pass
        assert api.entry(store, deterrence)["status"] == "approved"
        assert api.entry(store, deterrence)["frequency"] == 1  # one document counted of three
        monkeypatch.setattr(store, "count_in_document", counting)
        api.approve(store, [flank])  # the next change
        assert api.entry(store, deterrence)["frequency"] == 3
        assert {c["document"] for c in api.entry(store, deterrence)["contexts"]} == set(PAIRS)
        assert api.entry(store, flank)["frequency"] == 2
        # and the approval reverted takes them back
        api.revert(store, api.history(store, deterrence)[-1]["id"])
        assert api.entry(store, deterrence)["frequency"] == 0


# a child process approving an entry, killed (SIGKILL: no clean-up) as it counts the second document of three
_KILLED_WHILE_COUNTING = """
import os, signal, sys
from tmtool import api, glossary, open_store
glossary.COUNT_BATCH = 1
with open_store(sys.argv[1]) as store:
    counting, counted = store.count_in_document, []
    def killed(entry_id, *args):
        if counted:
            os.kill(os.getpid(), signal.SIGKILL)
        counted.append(entry_id)
        counting(entry_id, *args)
    store.count_in_document = killed
    api.approve(store, [int(sys.argv[2])])
"""


def killed_while_counting(store_url, tmp_path) -> int:
    """A store of the week's pairs where a process approving *dissuasion* was killed after its approval committed,
    one document of three counted; the entry's id."""
    import signal
    import subprocess
    import sys

    with open_store(store_url, create=True) as store:
        deterrence = deterrence_store(store, tmp_path)
    child = subprocess.run([sys.executable, "-c", _KILLED_WHILE_COUNTING, store_url, str(deterrence)])
    assert child.returncode == -signal.SIGKILL
    with open_store(store_url) as store:
        assert store.queued_counts()  # what it left to count
    return deterrence


def test_counts_a_killed_process_left_are_made_by_a_command_that_only_reads(store_url, tmp_path):
    # made only by the next change to the glossary: a team that approved, then only read the glossary, saw the
    # approval's count short (1 of 3) for good
    import json

    from conftest import invoke

    deterrence = killed_while_counting(store_url, tmp_path)
    listed = json.loads(invoke(store_url, "glossary", "list", "--status", "approved", "--json", code=0).stdout)
    assert [(e["id"], e["frequency"]) for e in listed] == [(deterrence, 3)]
    with open_store(store_url) as store:
        assert not store.queued_counts()
        assert {c["document"] for c in api.entry(store, deterrence)["contexts"]} == set(PAIRS)


def test_counts_a_killed_process_left_are_made_by_the_next_ingest(store_url, tmp_path):
    deterrence = killed_while_counting(store_url, tmp_path)
    with open_store(store_url) as store:
        assert api.entry(store, deterrence)["frequency"] == 1
        (tmp_path / "memo.fr.txt").write_text("Le commandement maritime allié coordonne.\n", encoding="utf-8")
        (tmp_path / "memo.en.txt").write_text("Allied maritime command coordinates.\n", encoding="utf-8")
        ingest(store, "memo", tmp_path)
        assert not store.queued_counts()
        assert api.entry(store, deterrence)["frequency"] == 3
