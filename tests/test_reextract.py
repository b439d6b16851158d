"""Re-extraction (``tmtool glossary reextract``): the terms of stored documents extracted again by this
release from their units as stored, without their files — the glossary ingest gives, reviews kept, the
older release's candidates replaced (and revertible), other documents' evidence untouched, nothing
changed by a second run, a run stopped half-way finished by the next; on both backends."""

import json
import re
import shutil
from importlib.metadata import version
from pathlib import Path

from click.testing import CliRunner
from workbench import client

from conftest import SEED_EN, SEED_FR
from test_ingest_terms_later import SEED, SMALL, citations, glossary
from test_progress import FakeTerminal, last_line
from tmtool import glossary as rules
from tmtool import progress as tmtool_progress
from tmtool import ingest as ingesting
from tmtool.cli import main
from tmtool.ingest import extraction_digest, extraction_release
from tmtool.model import Term
from tmtool import reextract as reextracting
from tmtool.reextract import selected
from tmtool.store import open_store
from tmtool.terms import french

_ID = re.compile(r'"id": "\d+"|id="[^"]*"')
CYBER = (f"{SMALL}.fr.txt", f"{SMALL}.en.txt", "--doc-id", "cyber")


def tmtool(db, *args, code=0):
    result = CliRunner().invoke(main, ["--db", db, *map(str, args)])
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.stderr


def releases(db) -> dict:
    return {d["id"]: d["terms"] for d in json.loads(tmtool(db, "documents", "--json"))}


def history(db) -> list[dict]:
    return json.loads(tmtool(db, "glossary", "history", "--json"))


def evidence_of(db, document: str) -> tuple[list, list]:
    """What a document's extraction gave entries: its counts and the contexts citing it."""
    mark = "%s" if db.startswith("postgresql") else "?"
    with open_store(db) as store:
        return (store._query(f"SELECT entry_id, frequency, seen, score FROM entry_documents WHERE document_id = {mark}"
                             " ORDER BY 1", (document,)),
                store._query(f"SELECT entry_id, fr, en, unit FROM contexts WHERE document = {mark} ORDER BY 1, 2",
                             (document,)))


def older_release(monkeypatch):
    """Ingest as an earlier release did: it recorded another release, and its candidates had a French
    variant this one does not propose."""
    extract = ingesting.extract

    def older(store, sentences, document_id, lang="fr", **options):
        proposals, near = extract(store, sentences, document_id, lang, **options)
        for proposal in proposals:
            proposal.terms.append(Term(proposal.terms_in("fr")[0].text + " périmé", "fr"))
        return proposals, near

    monkeypatch.setattr(ingesting, "extract", older)
    monkeypatch.setattr(ingesting, "extraction_release", lambda: "0.1")


def test_terms_extracted_from_stored_units_are_those_ingest_extracts_from_the_files(store_url, tmp_path):
    tmtool(store_url, "ingest", "--no-terms", SEED_FR, SEED_EN)
    assert releases(store_url) == {SEED: None}
    said = tmtool(store_url, "glossary", "reextract")
    with open_store(store_url) as store:
        entries = store.stats()["entries"]
    assert said == (f"1 document re-extracted, 0 unchanged; {entries} new entries, 0 updated entries, "
                    "0 candidates replaced\n") and entries > 0
    assert releases(store_url) == {SEED: extraction_release()}
    fresh = str(tmp_path / "fresh.db")  # the files ingested with their terms
    tmtool(fresh, "ingest", SEED_FR, SEED_EN)
    extracted = glossary(store_url, tmp_path)
    assert extracted == glossary(fresh, tmp_path)
    assert citations(store_url) == citations(fresh) and all(tuid for _, tuid in citations(fresh))

    # done: again, nothing to do; every document again (--all), nothing changes, not even a time
    assert tmtool(store_url, "glossary", "reextract").startswith("0 documents re-extracted, 0 unchanged; ")
    listed = tmtool(store_url, "glossary", "list", "--json")
    assert tmtool(store_url, "glossary", "reextract", "--all").startswith("0 documents re-extracted, 1 unchanged; ")
    assert tmtool(store_url, "glossary", "list", "--json") == listed and history(store_url) == []


def test_several_documents_and_a_run_stopped_half_way(store_url, tmp_path, monkeypatch):
    for db in (store_url, str(tmp_path / "files.db")):
        tmtool(db, "ingest", "--no-terms", SEED_FR, SEED_EN)
        tmtool(db, "ingest", "--no-terms", *CYBER)
    # the reference: the files ingested again with terms, each weighed against the memory as it is
    tmtool(str(tmp_path / "files.db"), "ingest", SEED_FR, SEED_EN)
    tmtool(str(tmp_path / "files.db"), "ingest", *CYBER)

    replace = rules.replace_document_terms

    def crash(store, document_id, *args, **kwargs):
        done = replace(store, document_id, *args, **kwargs)
        if document_id == "cyber":
            raise OSError("disk gone")
        return done

    monkeypatch.setattr(rules, "replace_document_terms", crash)
    french._nlp.cache_clear()
    assert tmtool(store_url, "glossary", "reextract", code=1) == "tmtool: error: disk gone\n"
    assert french._nlp.cache_info().misses == 1  # the model loaded once for the run
    assert releases(store_url) == {SEED: extraction_release(), "cyber": None}  # the first saved, the second not at all
    assert evidence_of(store_url, "cyber") == ([], [])
    monkeypatch.setattr(rules, "replace_document_terms", replace)
    assert tmtool(store_url, "glossary", "reextract").startswith("1 document re-extracted, 0 unchanged; ")
    # PostgreSQL's sequences do not roll back with the failed transaction: ids aside
    extracted = glossary(store_url, tmp_path)
    assert [_ID.sub("", text) for text in extracted] == \
        [_ID.sub("", text) for text in glossary(str(tmp_path / "files.db"), tmp_path)]
    # every document again: the candidates they share neither go nor come back
    assert tmtool(store_url, "glossary", "reextract", "--all").startswith("0 documents re-extracted, 2 unchanged; ")
    assert glossary(store_url, tmp_path) == extracted and history(store_url) == []


def test_an_older_releases_candidates_are_replaced_and_reviews_kept(store_url, tmp_path, monkeypatch):
    with monkeypatch.context() as older:
        older_release(older)
        tmtool(store_url, "ingest", SEED_FR, SEED_EN)
        tmtool(store_url, "ingest", *CYBER)
    assert releases(store_url) == {SEED: "0.1", "cyber": "0.1"}
    first = json.loads(tmtool(store_url, "glossary", "list", "--json"))
    approved, rejected, edited = (entry["id"] for entry in first[:3])
    tmtool(store_url, "glossary", "approve", approved)
    tmtool(store_url, "glossary", "reject", rejected)
    tmtool(store_url, "glossary", "edit", edited, "--en", "Edited by hand")
    reviewed = {e["id"]: (e["status"], e["terms"]) for e in json.loads(tmtool(store_url, "glossary", "list", "--json"))
                if e["id"] in (approved, rejected, edited)}

    said = tmtool(store_url, "--user", "ana", "glossary", "reextract")
    assert said.startswith("2 documents re-extracted, 0 unchanged; ") and " 0 candidates replaced" not in said
    assert releases(store_url) == {SEED: extraction_release(), "cyber": extraction_release()}
    after = json.loads(tmtool(store_url, "glossary", "list", "--json"))
    assert {e["id"]: (e["status"], e["terms"]) for e in after if e["id"] in reviewed} == reviewed
    candidates = [e for e in after if e["status"] == "candidate"]
    assert candidates and not [t for e in candidates for t in e["terms"] if t["text"].endswith(" périmé")]
    # the candidates are this release's, as from the files weighed against the same memory and the same
    # reviewed entries (an approved pair teaches the aligner, a rejected term is not proposed again)
    files = str(tmp_path / "files.db")
    for status in ("approved", "rejected"):
        tmtool(store_url, "export", "tbx", "--status", status, "-o", str(tmp_path / f"{status}.tbx"))
        tmtool(files, "import", str(tmp_path / f"{status}.tbx"))
    for pair in ((SEED_FR, SEED_EN), CYBER):
        tmtool(files, "ingest", "--no-terms", *pair)
    for pair in ((SEED_FR, SEED_EN), CYBER):
        tmtool(files, "ingest", *pair)

    def terms(entry):
        return tuple((t["lang"], t["text"]) for t in entry["terms"])

    from_files = {terms(e) for e in json.loads(tmtool(files, "glossary", "list", "--json"))}
    assert {terms(e) for e in candidates} <= from_files

    # the older candidates are in the history, and revert brings one back (the last document's: an
    # entry both documents vouch for was changed again by the second)
    replaced = [c for c in history(store_url) if c["action"] == "reextract"]
    assert replaced and all(c["user"] == "ana" for c in replaced)
    last = max(replaced, key=lambda c: int(c["id"]))
    brought = last["entries"][0]
    tmtool(store_url, "glossary", "revert", last["id"])
    back = json.loads(tmtool(store_url, "glossary", "show", brought, "--json"))
    assert back["status"] == "candidate" and any(t["text"].endswith(" périmé") for t in back["terms"])


def test_other_documents_evidence_is_untouched(store_url, monkeypatch):
    with monkeypatch.context() as older:
        older_release(older)
        tmtool(store_url, "ingest", SEED_FR, SEED_EN)
    tmtool(store_url, "ingest", *CYBER)  # by this release
    kept = evidence_of(store_url, "cyber")
    assert kept[0]
    assert tmtool(store_url, "glossary", "reextract", "--older").startswith("1 document re-extracted, 0 unchanged; ")
    assert evidence_of(store_url, "cyber") == kept
    assert releases(store_url) == {SEED: extraction_release(), "cyber": extraction_release()}


def test_by_default_the_documents_this_release_did_not_extract(tmp_path):
    db = str(tmp_path / "t.db")
    for name in ("never", "unrecorded", "older", "current"):
        (tmp_path / f"{name}.fr.txt").write_text(f"Le document {name}.", encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text(f"The document {name}.", encoding="utf-8")
        tmtool(db, "ingest", "--no-terms", tmp_path / f"{name}.fr.txt", tmp_path / f"{name}.en.txt")
    with open_store(db) as store:
        for name, release in (("unrecorded", "unrecorded"), ("older", "0.1"), ("current", extraction_release())):
            store.set_document_terms(name, release)
        assert [r.id for r in selected(store)] == ["never", "unrecorded", "older"]
        assert [r.id for r in selected(store, older=True)] == ["unrecorded", "older"]
        assert [r.id for r in selected(store, everything=True)] == ["never", "unrecorded", "older", "current"]
        assert [r.id for r in selected(store, ["current", "never"])] == ["never", "current"]


def test_a_store_extracted_by_the_same_version_with_another_method_is_re_extracted(tmp_path):
    """The version is not bumped with every change to extraction: a document whose record says only the version
    (as every release before this recorded it), or "unrecorded", is read as extracted by an earlier method."""
    db = str(tmp_path / "t.db")
    for name in ("unrecorded", "versioned", "current"):
        (tmp_path / f"{name}.fr.txt").write_text(f"Le document {name}.", encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text(f"The document {name}.", encoding="utf-8")
        tmtool(db, "ingest", tmp_path / f"{name}.fr.txt", tmp_path / f"{name}.en.txt")
    with open_store(db) as store:
        assert {record.terms for record, _ in store.documents()} == {extraction_release()}
        store.set_document_terms("unrecorded", "unrecorded")
        store.set_document_terms("versioned", version("tmtool"))
        assert [r.id for r in selected(store)] == [r.id for r in selected(store, older=True)] == [
            "unrecorded", "versioned"]
    assert tmtool(db, "glossary", "reextract").startswith("0 documents re-extracted, 2 unchanged; ")
    assert set(releases(db).values()) == {extraction_release()}
    assert tmtool(db, "glossary", "reextract").startswith("0 documents re-extracted, 0 unchanged; ")


def test_the_release_follows_the_extraction_sources_and_data(tmp_path):
    package = Path(ingesting.__file__).parent
    copy = tmp_path / "tmtool"
    for part in ("terms", "text/en"):
        shutil.copytree(package / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(package / "text/normalize.py", copy / "text/normalize.py")
    same = extraction_digest(package)
    assert extraction_release() == f"{version('tmtool')}+{same}" and re.fullmatch(r"[0-9a-f]{12}", same)
    assert extraction_digest(copy) == same  # where the package lies is not read: a wheel's is an editable one's
    (copy / "terms/__pycache__").mkdir()  # what Python compiles, and the data's notes, are not the method
    (copy / "terms/__pycache__/pivot.cpython-311.pyc").write_bytes(b"\x00")
    (copy / "terms/data/README.md").write_text("notes", encoding="utf-8")
    assert extraction_digest(copy) == same
    patterns = copy / "terms/data/fr-patterns.json"
    patterns.write_text(patterns.read_text(encoding="utf-8").replace("1", "2", 1), encoding="utf-8")
    changed = extraction_digest(copy)
    assert changed != same
    (copy / "text/en/phrases.py").write_text("# another rule\n", encoding="utf-8")
    assert extraction_digest(copy) not in (same, changed)


def test_on_a_terminal_the_bar_counts_documents_and_sentences(tmp_path, monkeypatch):
    db = str(tmp_path / "t.db")
    for name in ("a", "b"):
        (tmp_path / f"{name}.fr.txt").write_text(f"Le Comité militaire se réunit ({name}).", encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text(f"The Military Committee meets ({name}).", encoding="utf-8")
        tmtool(db, "ingest", "--no-terms", tmp_path / f"{name}.fr.txt", tmp_path / f"{name}.en.txt")
    terminal = FakeTerminal()
    monkeypatch.setattr(tmtool_progress, "_stderr", lambda: terminal)
    assert tmtool(db, "glossary", "reextract").startswith("2 documents re-extracted, 0 unchanged; ")
    drawn = terminal.getvalue()
    assert "0/2 documents  a  0 sentences" in drawn and "1/2 documents  b  1 sentences" in drawn
    assert last_line(terminal).startswith("Re-extracting") and "2/2 documents  2 sentences" in last_line(terminal)
    assert json.loads(tmtool(db, "glossary", "reextract", "--all", "--json")) == {
        "documents": [{"document": name, "sentences": 1, "changed": False, "new_entries": 0, "updated_entries": 0,
                       "replaced": 0, "change": None, "skipped": None} for name in ("a", "b")],
        "changed": [], "new_entries": 0, "updated_entries": 0, "replaced": 0}


def test_a_document_s_extraction_is_told_as_it_goes(store_url, monkeypatch):
    """Re-extracting a long document stood still at "0/1 documents" for its whole extraction: its parts are
    told as ingest tells them (the word alignment, the French read, each term paired), the bar moving within
    the document."""
    tmtool(store_url, "ingest", "--no-terms", SEED_FR, SEED_EN)
    tmtool(store_url, "ingest", "--no-terms", f"{SMALL}.fr.txt", f"{SMALL}.en.txt", "--doc-id", "cyber")
    steps = []
    monkeypatch.setattr(tmtool_progress, "_stderr", FakeTerminal)
    monkeypatch.setattr(tmtool_progress.Bar, "__call__", lambda bar, step: steps.append(step))
    assert tmtool(store_url, "glossary", "reextract").startswith("2 documents re-extracted, 0 unchanged; ")
    for number, document in enumerate((SEED, "cyber")):
        within = [s for s in steps if s.item.startswith(f"{document}: extracting terms (")]
        parts = [s.item.split(" (")[1].rstrip(")") for s in within]
        assert parts[parts.index("aligning words"):][:2] == ["aligning words", "reading the French"]
        paired = [p for p in parts if p.startswith("pairing terms ")]
        total = int(paired[0].split("/")[1])
        assert total > 1 and paired == [f"pairing terms {n}/{total}" for n in range(total)]
        assert all(number <= s.done < number + 1 and s.total == 2 for s in within)
        assert [s.done for s in within] == sorted(s.done for s in within) and within[-1].done > number + 0.9
    assert [s.item for s in steps if ": " not in s.item] == [SEED, "cyber", ""]
    assert [s.done for s in steps] == sorted(s.done for s in steps)


def test_a_document_revised_while_its_terms_are_extracted_is_left_to_the_revision(tmp_path, monkeypatch):
    db = str(tmp_path / "t.db")
    (tmp_path / "a.fr.txt").write_text("Le Comité militaire se réunit.", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("The Military Committee meets.", encoding="utf-8")
    tmtool(db, "ingest", "--no-terms", tmp_path / "a.fr.txt", tmp_path / "a.en.txt")
    extract = reextracting.extract

    def revised_meanwhile(store, sentences, document_id, lang="fr", **options):
        found = extract(store, sentences, document_id, lang, **options)
        (tmp_path / "a.fr.txt").write_text("Le Comité militaire ne se réunit pas.", encoding="utf-8")
        (tmp_path / "a.en.txt").write_text("The Military Committee does not meet.", encoding="utf-8")
        tmtool(db, "ingest", "--no-terms", tmp_path / "a.fr.txt", tmp_path / "a.en.txt")
        return found

    monkeypatch.setattr(reextracting, "extract", revised_meanwhile)
    result = CliRunner().invoke(main, ["--db", db, "glossary", "reextract"])
    assert result.exit_code == 0 and result.stderr == \
        "skipped: a: its units changed while its terms were extracted (revised, corrected or removed)\n"
    assert result.stdout.startswith("0 documents re-extracted, 0 unchanged, 1 skipped; 0 new entries, ")
    assert releases(db) == {"a": None}
    with open_store(db) as store:
        assert store.stats()["entries"] == 0


def test_bad_requests_are_one_line(tmp_path):
    db = str(tmp_path / "t.db")
    tmtool(db, "ingest", "--no-terms", SEED_FR, SEED_EN)
    assert tmtool(db, "glossary", "reextract", "nope", "other", code=1) == \
        "tmtool: error: no document nope, other in the store\n"
    assert "give DOCUMENT ids, --all or --older, not several" in tmtool(db, "glossary", "reextract", SEED, "--all",
                                                                         code=2)
    (tmp_path / "d.fr.txt").write_text("Le chat dort.", encoding="utf-8")
    (tmp_path / "d.de.txt").write_text("Die Katze schläft.", encoding="utf-8")
    tmtool(db, "ingest", tmp_path / "d.fr.txt", tmp_path / "d.de.txt", "--srclang", "fr", "--tgtlang", "de",
           "--doc-id", "de")
    assert tmtool(db, "glossary", "reextract", "de", code=1) == \
        "tmtool: error: document de is no French–English pair: it has no terms to extract\n"
    assert releases(db) == {SEED: None, "de": None}
    assert tmtool(str(tmp_path / "none.db"), "glossary", "reextract", code=2).startswith("tmtool: error: ")


def test_the_workbench_reextracts_a_document(tmp_path):
    db = str(tmp_path / "t.db")
    tmtool(db, "ingest", "--no-terms", *CYBER)
    http, headers = client(db)
    done = http.post("/api/documents/cyber/reextract", headers=headers)
    assert done.status_code == 200, done.text
    assert (done.json()["document"], done.json()["changed"]) == ("cyber", True) and done.json()["new_entries"] > 0
    again = http.post("/api/documents/cyber/reextract", headers=headers).json()
    assert (again["changed"], again["new_entries"]) == (False, 0)
    assert http.post("/api/documents/nope/reextract", headers=headers).status_code == 404


def test_a_candidate_proposed_again_stays_the_entry_a_review_sent_back_names(store_url, tmp_path):
    """Re-extracting a document after another one came weighs it against a larger memory, so its
    extraction is replaced; a candidate it proposes again term for term is the same entry. It was removed
    and made again under a new id and first-seen time: a terminologist's review of it, sent back in the PO
    file exported before (fuzzy flags cleared in Poedit), was then read as naming no stored entry,
    ``0 entries added, N already stored``, and lost without a word; a reviewer's open page said 404."""
    tmtool(store_url, "ingest", SEED_FR, SEED_EN)
    tmtool(store_url, "ingest", *CYBER)
    exported = tmp_path / "review.po"
    tmtool(store_url, "export", "po", "--status", "candidate", "-o", exported)

    def terms(entry):
        return frozenset((t["lang"], t["text"]) for t in entry["terms"])

    before = {e["id"]: e for e in json.loads(tmtool(store_url, "glossary", "list", "--json"))}
    assert tmtool(store_url, "glossary", "reextract", SEED).startswith("1 document re-extracted, 0 unchanged; ")
    after = {e["id"]: e for e in json.loads(tmtool(store_url, "glossary", "list", "--json"))}
    ids = {terms(e): entry_id for entry_id, e in after.items()}
    again = [entry_id for entry_id, e in before.items() if terms(e) in ids]
    assert len(again) > len(before) // 2
    assert {entry_id: ids[terms(before[entry_id])] for entry_id in again} == {entry_id: entry_id for entry_id in again}
    assert all(after[i]["first_seen"] == before[i]["first_seen"] for i in again)

    reviewed = tmp_path / "reviewed.po"
    reviewed.write_text(exported.read_text(encoding="utf-8").replace("#, fuzzy\n", ""), encoding="utf-8")
    tmtool(store_url, "import", reviewed)
    now = {e["id"]: e["status"] for e in json.loads(tmtool(store_url, "glossary", "list", "--json"))}
    assert {now[entry_id] for entry_id in again} == {"approved"}
