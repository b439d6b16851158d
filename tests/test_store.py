"""The store: schema and migrations, transactions, extraction merges, review history and revert."""

import inspect
import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool import glossary
from tmtool.errors import Conflict, TmtoolError
from tmtool.model import Context, Entry, ReviewStatus, Term, TermType, Unit, UsageStatus
from tmtool.store import DocumentRecord, open_store
from tmtool.store.base import Store
from tmtool.store.sqlite import SQLiteStore
from tmtool.store.sqlite.migrations import MIGRATIONS
from tmtool.text.normalize import fold, normalize_for_match, stem, term_keys


def unit(source, target, tuid):
    return Unit(source, target, "fr-FR", "en-GB", tuid=tuid, props={"x-bead": "1-1", "x-confidence": "0.900"})


def proposal(fr, en, frequency=1, contexts=()):
    return Entry(terms=[Term(fr, "fr"), Term(en, "en")], frequency=frequency, score=0.5, contexts=list(contexts))


def record(doc_id="doc", src_hash="a", tgt_hash="b"):
    return DocumentRecord(doc_id, f"{doc_id}.fr.txt", f"{doc_id}.en.txt", src_hash, tgt_hash, "fr-FR", "en-GB")


@pytest.fixture
def store(store_url):
    with open_store(store_url, create=True) as opened:
        yield opened


def test_open_migrates_with_wal_and_foreign_keys(tmp_path):
    open_store(tmp_path / "t.db", create=True).close()
    conn = sqlite3.connect(tmp_path / "t.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with open_store(tmp_path / "t.db", create=True) as reopened:  # a second open applies nothing twice
        assert reopened.stats()["entries"] == 0


def test_a_store_made_by_an_earlier_version_is_brought_forward(tmp_path, monkeypatch):
    from tmtool.search import search_memory

    path = tmp_path / "old.db"
    monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:16])  # before the targets' match text
    with open_store(path, create=True) as old:  # written as that version wrote: this one's writer knows later columns
        for tuid, source, target, srclang, tgtlang in (
                ("1", "Le Comité militaire se réunit.", "The Military Committee meets.", "fr-FR", "en-GB"),
                ("2", "The Council met in Brussels today.", "Le Conseil s'est réuni à Bruxelles aujourd'hui.",
                 "en-GB", "fr-FR")):
            old._conn.execute("INSERT INTO units (tuid, source, target, srclang, tgtlang, match_text, content_key)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (tuid, source, target, srclang, tgtlang, normalize_for_match(source), tuid))
        for index in ("units_fts", "units_grams"):  # its indexes, as it indexed its units
            old._conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
    monkeypatch.undo()
    with open_store(path, create=True) as store:
        assert store._query("PRAGMA user_version")[0][0] == len(MIGRATIONS)
        assert [h.unit.tuid for h in search_memory(store, "Le Comité militaire se réunira.")] == ["1"]
        # the French of the en→fr unit stored before is found too, and a unit added since
        assert [(h.unit.tuid, h.side) for h in search_memory(store, "Le Conseil s'est réuni à Bruxelles hier.")] \
            == [("2", "target")]
        store.add_units([Unit("The Council meets in Brussels.", "Le Conseil se réunit à Bruxelles.", "en-GB", "fr-FR",
                              tuid="3")], "new.tmx")
        assert [(h.unit.tuid, h.side) for h in search_memory(store, "Le Conseil se réunit à Bruxelles.", lang="fr")] \
            == [("3", "target")]


def test_open_refuses_what_is_not_a_store(tmp_path):
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(TmtoolError, match="cannot open store"):
        SQLiteStore.open(not_sqlite)
    with pytest.raises(TmtoolError, match="does not exist"):
        SQLiteStore.open(tmp_path / "missing" / "t.db")
    with pytest.raises(TmtoolError, match="directory"):
        SQLiteStore.open(tmp_path)


def test_newer_schema_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(TmtoolError, match="newer"):
        open_store(tmp_path / "t.db", create=True)


def test_documents_stored_before_they_were_numbered_are_numbered_in_the_order_ingested(store_url, monkeypatch):
    """SQLite's migration 16 (PostgreSQL's 7) numbers the documents already stored by ingest time, then
    id — the order their evidence was merged in until then — and a document ingested next comes last."""
    stored = [("b", "2026-01-01T10:00:00+00:00"), ("a", "2026-01-01T10:00:01+00:00"),
              ("c", "2026-01-01T10:00:00+00:00")]
    insert = ("INSERT INTO documents (id, src_path, tgt_path, src_hash, tgt_hash, srclang, tgtlang, ingested, updated)"
              " VALUES ({0}, 'f', 'e', {0}, {0}, 'fr-FR', 'en-GB', {0}, {0})")
    rows = [(document, document, document, time, time) for document, time in stored]
    if store_url.startswith("postgresql"):
        import psycopg

        from tmtool.store.postgres.schema import MIGRATIONS as PG_MIGRATIONS

        with psycopg.connect(store_url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent")
            conn.execute("CREATE TABLE tmtool_schema (version integer NOT NULL); INSERT INTO tmtool_schema VALUES (6)")
            for script in PG_MIGRATIONS[:6]:
                conn.execute(script)
            conn.cursor().executemany(insert.format("%s"), rows)
    else:
        monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:15])
        open_store(store_url, create=True).close()
        monkeypatch.undo()
        conn = sqlite3.connect(store_url)
        with conn:
            conn.executemany(insert.format("?"), rows)
        conn.close()
    with open_store(store_url) as store:
        assert [(r.id, r.ingest_order) for r, _ in store.documents()] == [("b", 1), ("c", 2), ("a", 3)]
        store.replace_document(record("d"), [])
        assert [(r.id, r.ingest_order) for r, _ in store.documents()][-1] == ("d", 4)


def test_replacing_a_document_replaces_its_units_and_counts(store):
    ids = store.replace_document(record(), [unit("Le Comité militaire.", "The Military Committee.", "doc:1")])
    glossary.merge_extracted(store, [proposal("Comité militaire", "Military Committee", 2,
                                    [Context("Le Comité militaire.", "The Military Committee.", "doc", "doc:1")])],
                          "doc", ids)
    assert store.list_entries()[0].frequency == 2
    glossary.set_status(store, int(store.list_entries()[0].id), ReviewStatus.APPROVED)  # kept whatever comes
    # the revised version, saved with no proposals: the entries the old one counted are recounted
    glossary.save_document(store, record(src_hash="c"), [unit("Autre phrase.", "Another sentence.", "doc:1")], [])
    assert [u.source for u in store.units()] == ["Autre phrase."]
    entry = store.list_entries()[0]
    assert entry.frequency == 0 and entry.contexts == []  # the old version's counts and contexts went with it
    assert store.stats()["documents"] == 1


def test_the_documents_holding_a_word_are_found_by_its_start_in_the_word_index(store):
    # what an entry approved after the documents were stored is counted in (glossary._find_documents)
    store.replace_document(record("a"), [unit("Les États membres se réunissent.", "Member States meet.", "a:1")])
    store.replace_document(record("b", "c", "d"), [unit("Le Comité militaire.", "The Military Committee.", "b:1"),
                                                   unit("Les Comités siègent.", "Committees sit.", "b:2")])
    store.add_units([unit("Un État tiers.", "A third State.", "m:1")], "memory.tmx")  # no document's
    ids = {u.unit.tuid: u.id for doc in ("a", "b") for u in store.document_units(doc)}
    assert store.documents_with_words([["etat"]]) == {"a": {ids["a:1"]}}  # accents folded, the memory's unit left out
    assert store.documents_with_words([["comit"]]) == {"b": {ids["b:1"], ids["b:2"]}}  # Comité, Comités
    assert store.documents_with_words([["memb", "milit"]]) == {"a": {ids["a:1"]}, "b": {ids["b:1"]}}  # either
    assert store.documents_with_words([["comit"], ["milit"]]) == {"b": {ids["b:1"]}}  # both words, in one unit
    assert store.documents_with_words([["comit"], ["siege"]]) == {"b": {ids["b:2"]}}
    assert store.documents_with_words([["comit"], ["memb"]]) == {}  # not in one unit
    assert store.documents_with_words([["comit"], ["military"]]) == {}  # one side's words, not both sides'
    assert store.documents_with_words([["dissua"]]) == {}
    assert store.documents_with_words([]) == {}


def test_entries_are_filtered_by_document_in_the_store(store):
    for doc_id, terms in (("a", ["pays partenaire", "Comité militaire"]), ("b", ["Comité militaire", "espace aérien"])):
        ids = store.replace_document(record(doc_id, src_hash=doc_id), [])
        glossary.merge_extracted(store, [proposal(fr, fr.upper()) for fr in terms], doc_id, ids)
    in_b = store.list_entries(document="b")
    assert [e.terms[0].text for e in in_b] == [e.terms[0].text for e in store.list_entries() if e in in_b]
    assert sorted(e.terms[0].text for e in in_b) == ["Comité militaire", "espace aérien"]
    # paged in the store: the second of b's entries, whatever a's hold
    assert store.list_entries(document="b", offset=1, limit=1) == in_b[1:]
    assert store.list_entries(document="b", text="aérien") == [e for e in in_b if e.terms[0].text == "espace aérien"]
    assert store.list_entries(document="none") == []


def test_the_text_filter_takes_a_hyphen_typed_as_a_space_and_wildcards_as_text(store):
    # the review queue's Text box: "etat major" found none of the État-major entries the look-up finds
    for fr in ("État-major militaire international", "contre-amiral", "taux de 50 %", "mot_clé"):
        glossary.add_entry(store, glossary.new_entry([fr], [fr.upper()]))

    def texts(text):
        return sorted(e.terms[0].text for e in store.list_entries(text=text))

    assert texts("etat major") == texts("ÉTAT-MAJOR") == ["État-major militaire international"]
    assert texts("contre amiral") == texts("Contre-Amiral") == ["contre-amiral"]
    assert texts("major-militaire") == ["État-major militaire international"]
    # LIKE's wildcards are letters here, on either backend
    assert texts("%") == ["taux de 50 %"] and texts("_") == ["mot_clé"] and texts("a%m") == []


def test_a_document_ingested_while_a_reviewer_edits_an_entry_they_reviewed_is_no_conflict(store):
    """A team ingests the day's documents while its reviewers work: an approved entry a new document
    counts gained a version, and the reviewer saving a note on it was told someone had changed it. Its
    evidence is no person's change; a candidate whose English the document changes still is one."""
    def ingested(doc_id, *proposals):
        context = Context("Le Comité militaire et le pays partenaire.", "The Military Committee and partner country.",
                          doc_id, f"{doc_id}:1")
        ids = store.replace_document(record(doc_id, src_hash=doc_id), [unit(context.fr, context.en, context.unit)])
        glossary.merge_extracted(store, [replace(p, contexts=[context]) for p in proposals], doc_id, ids)

    ingested("a", proposal("Comité militaire", "Military Committee"), proposal("pays partenaire", "partner country"))
    approved, candidate = (int(store.list_entries(text=fr)[0].id) for fr in ("Comité militaire", "pays partenaire"))
    glossary.set_status(store, approved, ReviewStatus.APPROVED)
    seen = {entry_id: glossary.entry(store, entry_id) for entry_id in (approved, candidate)}
    ingested("b", proposal("Comité militaire", "MC", frequency=2), proposal("pays partenaire", "partner nation"))
    counted = glossary.entry(store, approved)
    assert (counted.frequency, counted.version, len(counted.contexts)) == (3, seen[approved].version, 2)
    glossary.update_entry(store, approved, "edit", lambda e: setattr(e, "note", "checked"),
                          expected_version=seen[approved].version)
    assert glossary.entry(store, approved).terms == seen[approved].terms  # a reviewed entry's terms stay
    with pytest.raises(Conflict):  # its English changed: the reviewer has not seen "partner nation"
        glossary.set_status(store, candidate, ReviewStatus.APPROVED, expected_version=seen[candidate].version)


def test_a_failed_transaction_leaves_the_store_as_it_was(store):
    store.replace_document(record(), [unit("Un.", "One.", "doc:1")])
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.replace_document(record(src_hash="z"), [unit("Deux.", "Two.", "doc:1")])
            raise RuntimeError("disk full")
    assert [u.source for u in store.units()] == ["Un."]
    assert store.document("doc").src_hash == "a"


def test_extraction_never_overwrites_a_review(store):
    ids = store.replace_document(record(), [])
    glossary.merge_extracted(store, [proposal("pays partenaire", "partner country")], "doc", ids)
    entry_id = int(store.list_entries()[0].id)
    glossary.set_status(store, entry_id, ReviewStatus.REJECTED)
    ids = store.replace_document(record("doc2"), [])
    new, updated = glossary.merge_extracted(store, [proposal("pays partenaires", "partner nation")], "doc2", ids)
    assert (new, updated) == (0, 1)
    (entry,) = store.list_entries()
    assert entry.status == ReviewStatus.REJECTED
    assert [t.text for t in entry.terms_in("en")] == ["partner country"]  # no new equivalent on a reviewed entry
    assert entry.frequency == 2


def test_extraction_extends_an_unreviewed_candidate(store):
    ids = store.replace_document(record(), [])
    glossary.merge_extracted(store, [proposal("pays partenaire", "partner country")], "doc", ids)
    ids = store.replace_document(record("doc2"), [])
    glossary.merge_extracted(store, [proposal("pays partenaire", "partner nation")], "doc2", ids)
    (entry,) = store.list_entries()
    assert [t.text for t in entry.terms_in("en")] == ["partner country", "partner nation"]
    assert entry.status == ReviewStatus.CANDIDATE


def spy(monkeypatch, store, method):
    """The arguments of every call of one of the store's methods, as it goes on answering."""
    calls, real = [], getattr(store, method)
    monkeypatch.setattr(store, method, lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    return calls


def test_an_ingest_recounts_each_entry_once(store, monkeypatch):
    proposals = [proposal("pays partenaire", "partner country"), proposal("pays partenaires", "partner nation"),
                 proposal("espace aérien", "airspace")]
    glossary.save_document(store, record(), [], proposals)
    recounted = spy(monkeypatch, store, "document_counts")
    # a revised version: two proposals name one entry, which the earlier version counted too
    _, new, updated, _ = glossary.save_document(store, record(src_hash="c"), [], proposals[:2])
    assert (new, updated) == (0, 1)
    # the earlier version's shares, then each entry once, the entry no longer counted too, in one read;
    # then the documents left for the entry no longer counted, which has none and goes
    assert recounted == [([1, 2],), ([1, 2],), ([2],)]
    assert {e.terms[0].text: e.frequency for e in store.list_entries()} == {"pays partenaire": 2}


def test_a_review_change_reads_its_entries_once(store, monkeypatch):
    first = glossary.add_entry(store, proposal("pays partenaire", "partner country"))
    second = glossary.add_entry(store, proposal("pays partenaires", "partner nation"))
    read = spy(monkeypatch, store, "entries")
    glossary.set_status(store, first, ReviewStatus.REJECTED)
    assert read == [([first],), ([first],)]  # before the change, then the snapshot after it
    read.clear()
    glossary.merge_entries(store, second, first)
    assert read == [([second, first],), ([first],)]
    assert [t.text for t in glossary.entry(store, first).terms_in("en")] == ["partner country", "partner nation"]


def test_every_review_change_is_recorded_and_revertible(store):
    entry_id = glossary.add_entry(store, proposal("Comité militaire", "Military Committee"))
    approve = glossary.set_status(store, entry_id, ReviewStatus.APPROVED)
    assert [c.action for c in store.history(entry_id)] == ["add", "approved"]
    glossary.revert(store, approve)
    assert glossary.entry(store, entry_id).status == ReviewStatus.CANDIDATE
    with pytest.raises(TmtoolError, match="already reverted"):
        glossary.revert(store, approve)
    removal = glossary.remove_entry(store, entry_id)
    assert store.list_entries() == []
    glossary.revert(store, removal)
    assert [t.text for t in glossary.entry(store, entry_id).terms] == ["Comité militaire", "Military Committee"]


def test_revert_refuses_to_lose_a_later_decision(store):
    entry_id = glossary.add_entry(store, proposal("Comité militaire", "Military Committee"))
    approve = glossary.set_status(store, entry_id, ReviewStatus.APPROVED)
    glossary.set_status(store, entry_id, ReviewStatus.REJECTED)
    with pytest.raises(TmtoolError, match="revert the later change first"):
        glossary.revert(store, approve)
    assert glossary.entry(store, entry_id).status == ReviewStatus.REJECTED


def test_merge_moves_terms_and_reverts_to_both_entries(store):
    first = glossary.add_entry(store, proposal("État-major militaire international", "International Military Staff"))
    second = glossary.add_entry(store, Entry(terms=[Term("EMI", "fr", term_type=TermType.ACRONYM),
                                          Term("IMS", "en", term_type=TermType.ACRONYM)]))
    change = glossary.merge_entries(store, second, first)
    assert [t.text for t in glossary.entry(store, first).terms] == [
        "État-major militaire international", "International Military Staff", "EMI", "IMS"]
    with pytest.raises(TmtoolError, match="no glossary entry"):
        glossary.entry(store, second)
    glossary.revert(store, change)
    assert [t.text for t in glossary.entry(store, second).terms] == ["EMI", "IMS"]
    assert len(glossary.entry(store, first).terms) == 2


def test_a_merge_keeps_the_definition_and_note_of_both_entries(store):
    # the variant's note ("checked with the NTB") went with the merged entry, the reviewer's work lost
    target = glossary.add_entry(store, proposal("chasseur de mines", "minehunter"))
    variant = glossary.add_entry(store, proposal("chasseurs de mines", "mine hunters"))
    glossary.update_entry(store, variant, "edit", lambda e: setattr(e, "note", "checked with the NTB"))
    glossary.update_entry(store, target, "edit", lambda e: setattr(e, "definition", "a vessel that finds mines"))
    other = glossary.add_entry(store, proposal("navire chasseur de mines", "mine countermeasures vessel"))
    glossary.update_entry(store, other, "edit", lambda e: setattr(e, "definition", "a vessel that finds mines"))
    glossary.update_entry(store, other, "edit", lambda e: setattr(e, "note", "MCM"))
    glossary.merge_entries(store, variant, target)
    merged = glossary.entry(store, target)
    assert (merged.definition, merged.note) == ("a vessel that finds mines", "checked with the NTB")
    change = glossary.merge_entries(store, other, target)  # the same definition once, the notes both
    merged = glossary.entry(store, target)
    assert (merged.definition, merged.note) == ("a vessel that finds mines", "checked with the NTB; MCM")
    glossary.revert(store, change)
    assert glossary.entry(store, target).note == "checked with the NTB" and glossary.entry(store, other).note == "MCM"


def test_import_skips_identical_entries(store):
    entries = [proposal("Comité militaire", "Military Committee"), proposal("pays partenaire", "partner country")]
    assert glossary.import_entries(store, entries, "g.tbx") == (2, 0, 0, 0)
    # spelt otherwise (no accent): already stored
    assert glossary.import_entries(store, [proposal("Comite militaire", "Military Committee")], "g.tbx") == (0, 1, 0, 0)
    # a capital first is a glossary's style, no other term (a word in capitals is: see below)
    assert glossary.import_entries(store, [proposal("comite militaire", "Military committee")], "g.tbx") == (0, 1, 0, 0)
    assert glossary.import_entries(store, [proposal("Comité militaire", "MC")], "g.tbx") == (1, 0, 0, 0)


def test_identical_units_are_added_once(store):
    units = [unit("Un.", "One.", "1"), unit("Un.", "One.", "2"), unit("Un.", "Uno.", "3")]
    assert store.add_units(units, "a.tmx") == (2, 1, 0)
    assert store.add_units(units, "a.tmx") == (0, 3, 0)


def test_units_a_file_repeats_are_told_apart_from_units_stored_before_it(store, monkeypatch):
    # a memory holding a sentence pair twice, imported into an empty store, said "1 already stored"
    monkeypatch.setattr(f"tmtool.store.{'sqlite.db' if 'SQLite' in type(store).__name__ else 'postgres.store'}"
                        ".IMPORT_BATCH", 2)  # a repeat in the same batch, and one in a later batch
    units = [unit("Un.", "One.", "1"), unit("Un.", "One.", "2"), unit("Deux.", "Two.", "3"), unit("Un.", "One.", "4")]
    first, again = Counter(), Counter()
    assert store.add_units(units, "a.tmx", store.new_import("a.tmx", "tmx", "units"), repeats=first) == (2, 2, 0)
    assert first == Counter({("fr-FR", "en-GB"): 2})
    assert store.add_units(units[:3], "b.tmx", store.new_import("b.tmx", "tmx", "units"), repeats=again) == (0, 3, 0)
    assert again == Counter({("fr-FR", "en-GB"): 1})  # the second "Un." only: the first was stored before


def test_units_imported_across_index_batches_are_all_indexed(tmp_path, monkeypatch):
    """A first import builds the full-text indexes once after its rows; a later one indexes every
    INDEX_BATCH units and once at the end: none may be left out (SQLite's FTS5 indexing; the
    PostgreSQL store's COPY batches: test_postgres.py)."""
    store = open_store(tmp_path / "t.db", create=True)
    monkeypatch.setattr("tmtool.store.sqlite.db.IMPORT_BATCH", 3)
    monkeypatch.setattr("tmtool.store.sqlite.db.INDEX_BATCH", 7)
    units = [unit(f"Phrase numéro mot{n}x.", f"Sentence number word{n}y.", str(n)) for n in range(46)]
    assert store.add_units(units[:23], "a.tmx") == (23, 0, 0)
    assert store.add_units(units[23:], "b.tmx") == (23, 0, 0)
    for n in range(46):
        assert [u.tuid for u, _ in store.concordance(f"mot{n}x")] == [str(n)]
        assert [u.tuid for u, _ in store.concordance(f"word{n}y")] == [str(n)]
        gram = f"t{n}x" if n < 10 else f"{n}x"  # a trigram of this unit only
        assert len(store._band_matches("units_grams", f'"{gram}"', "source", 0, 100)) == 1
        gram = f"d{n}y" if n < 10 else f"{n}y"  # and of its target
        assert len(store._band_matches("units_target_grams", f'"{gram}"', "target", 0, 100)) == 1
    with sqlite3.connect(store.path) as conn:
        for index in ("units_fts", "units_grams", "units_target_grams"):
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")


def test_plural_and_acronym_keys():
    assert stem(fold("Comités militaires")) == fold("Comité militaire")
    assert stem(fold("partner countries")) == "partner country"
    assert stem(fold("Généraux")) == "general"
    keys = term_keys(["État-major militaire international"], acronym=False)
    assert ("emi", "initials") in keys and ("etat-major militaire international", "form") in keys
    assert term_keys(["EMI"], acronym=True) == {("emi", "form")}


french_text = st.text(alphabet="abcdeéèêëàâçîïôùûüœ ÉÈÀÇ-’'ABCXYZ\u00a0", max_size=30)


@given(st.text(alphabet="aé É’‘ʼ`‐–—-'\t\n\u00a0\u2028\u3000ﬁ①ßİ", max_size=20))
def test_match_normal_form_collapses_spaces_and_typographic_marks(text):
    normal = normalize_for_match(text)
    assert normalize_for_match(normal) == normal
    assert normal == normal.strip() and "  " not in normal and not any(c in normal for c in "’‘ʼ`‐–—\t\u00a0")


@given(french_text)
def test_folding_is_idempotent_and_ignores_case_and_accents(text):
    assert fold(fold(text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower())
    assert all(c not in fold(text) for c in "éèàçÉ’\u00a0")


def test_a_head_word_lemma_does_not_merge_different_terms(store):
    """Extractors may give the head noun's lemma; two terms sharing a head stay two entries."""
    ids = store.replace_document(record(), [])
    first = Entry(terms=[Term("Centre d'excellence", "fr", lemma="centre"), Term("Centre of Excellence", "en")])
    second = Entry(terms=[Term("Centre d'opérations cyberspatiales", "fr", lemma="centre"),
                          Term("Cyberspace Operations Centre", "en")])
    assert glossary.merge_extracted(store, [first, second], "doc", ids) == (2, 0)
    assert store.terms_by_key(["centre"]) == []


def test_memory_contexts_are_the_units_sharing_specific_words_bounded(store):
    """Term extraction weighs a new document against the memory: only units sharing its specific
    words, at most ``limit`` of them, imported units included, the document itself excluded."""
    store.replace_document(record("old"), [unit("Le Comité militaire se réunit.", "The Military Committee met.", "old:1")])
    common = [unit(f"La réunion numéro {i} a eu lieu.", f"Meeting number {i} took place.", f"m{i}") for i in range(6)]
    store.add_units([*common, unit("Le Comité militaire a approuvé le plan.", "The Military Committee approved the plan.", "i1")],
                    "memory.tmx")
    store.replace_document(record("new", "c", "d"), [unit("Le Comité militaire siège.", "The Military Committee sits.", "new:1")])

    found = store.memory_contexts(["Comité", "militaire", "réunion"], exclude_document="new", limit=3)
    assert {c.fr for c in found} == {"Le Comité militaire se réunit.", "Le Comité militaire a approuvé le plan."}
    # "réunion" is in 6 units, more than the limit: too common to tell anything, so not queried
    assert not [c for c in found if c.fr.startswith("La réunion")]
    # with a tighter limit "militaire" (3 units) is too common as well; "approuvé" still tells
    assert [c.fr for c in store.memory_contexts(["militaire", "approuvé"], limit=2)] == [
        "Le Comité militaire a approuvé le plan."]
    assert {c.document for c in store.memory_contexts(["militaire"])} == {"old", "new", ""}
    assert store.memory_contexts(["de", "le"]) == []  # short words say nothing


def test_memory_contexts_are_the_french_and_english_of_units_translated_either_way(store):
    """An English original's French translation is memory as a French original is: its units are
    French–English contexts too, found and ranked by their French (the target), not by their English;
    a word only in a unit's English finds nothing, and a German–French unit is no French–English one."""
    store.add_units([Unit("Cette note est confidentielle.", "This note is classified information.", "fr-FR", "en-GB",
                          tuid="english-side"),
                     Unit("Information is shared.", "L'information est partagée.", "en-US", "fr-CA", tuid="en-fr"),
                     Unit("L'information circule vite entre les alliés.", "Information flows fast between the allies.",
                          "fr-FR", "en-GB", tuid="fr-en"),
                     Unit("Die Information wird geteilt.", "L'information est partagée.", "de-DE", "fr-FR", tuid="de-fr")],
                    "memory.tmx")
    assert [(c.fr, c.en, c.unit) for c in store.memory_contexts(["information"])] == [
        ("L'information est partagée.", "Information is shared.", "en-fr"),  # the shorter first
        ("L'information circule vite entre les alliés.", "Information flows fast between the allies.", "fr-en")]
    assert store.memory_contexts(["classified"]) == []  # a fr→en unit's English, no French word
    assert store.memory_contexts(["shared"]) == []  # an en→fr unit's English likewise


def test_memory_contexts_of_another_language_are_its_units_with_english(store):
    """The memory of a pair of English and German (``terms.pivot``): its units translated either way, the
    German first, found by their German; not a German–French unit, nor a French–English one."""
    store.add_units([Unit("Die Luftverteidigung wird gestärkt.", "Air defence is strengthened.", "de-DE", "en-GB",
                          tuid="de-en"),
                     Unit("Air defence protects the cities.", "Die Luftverteidigung schützt die Städte.", "en-GB", "de-AT",
                          tuid="en-de"),
                     Unit("Die Luftverteidigung übt.", "La défense aérienne s'exerce.", "de-DE", "fr-FR", tuid="de-fr"),
                     Unit("La défense aérienne protège.", "Air defence protects.", "fr-FR", "en-GB", tuid="fr-en")],
                    "memory.tmx")
    assert {(c.fr, c.en, c.unit) for c in store.memory_contexts(["Luftverteidigung"], lang="de")} == {
        ("Die Luftverteidigung wird gestärkt.", "Air defence is strengthened.", "de-en"),
        ("Die Luftverteidigung schützt die Städte.", "Air defence protects the cities.", "en-de")}
    assert store.memory_contexts(["defence"], lang="de") == []  # found by their German only
    assert store.memory_contexts(["Luftverteidigung"]) == []  # nor are they French–English memory


def test_a_word_common_in_the_memory_s_french_sources_is_common_in_its_french_targets_too(store):
    """Specific words are counted in the French: a word in more than ``limit`` French sources is not
    asked of the English originals' French either."""
    store.add_units([Unit(f"Le dispositif numéro {i}.", f"Device number {i}.", "fr-FR", "en-GB", tuid=f"fr{i}")
                     for i in range(3)] + [Unit("The device.", "Le dispositif.", "en-GB", "fr-FR", tuid="en")], "m.tmx")
    assert [c.unit for c in store.memory_contexts(["dispositif"], limit=3)] == ["en", "fr0", "fr1"]
    assert store.memory_contexts(["dispositif"], limit=2) == []


def test_lexicon_pairs_are_the_approved_terms_for_the_aligner(store):
    approved = glossary.add_entry(store, Entry(terms=[Term("Comité militaire", "fr"), Term("Military Committee", "en"),
                                            Term("MC", "en", term_type=TermType.ACRONYM)],
                                     status=ReviewStatus.APPROVED))
    glossary.add_entry(store, proposal("pays partenaire", "partner country"))  # a candidate: not evidence yet
    assert store.lexicon_pairs() == [("Comité militaire", "Military Committee"), ("Comité militaire", "MC")]
    glossary.set_status(store, approved, ReviewStatus.REJECTED)
    assert store.lexicon_pairs() == []


# ---- every stored unit has its two languages: a later export could not write it otherwise ----


@pytest.mark.parametrize("srclang, tgtlang, message", [
    ("fr-FR", "", "unit 'bad' has no valid target language: invalid language tag ''"),
    ("", "en-GB", "unit 'bad' has no valid source language: invalid language tag ''"),
    ("français", "en-GB", "unit 'bad' has no valid source language: invalid language tag 'français'"),
])  # fmt: skip
def test_a_unit_without_a_valid_language_is_refused_with_its_file(store, srclang, tgtlang, message):
    good = unit("Le Comité militaire se réunit.", "The Military Committee meets.", "good")
    bad = Unit("Le Comité.", "Le Comité.", srclang, tgtlang, tuid="bad")
    with pytest.raises(TmtoolError) as caught:
        store.add_units([good, bad], "copy.xlf")
    assert str(caught.value) == f"copy.xlf: {message} (expected e.g. fr, fr-FR, en-GB)"
    with pytest.raises(TmtoolError, match="has no valid"):
        store.replace_document(record(), [good, bad])
    assert store.stats()["units"] == 0 and store.document("doc") is None  # each call rolled back whole


def test_the_schema_refuses_a_unit_without_languages(tmp_path):
    store = open_store(tmp_path / "t.db", create=True)  # SQLite's triggers; PostgreSQL's checks: test_postgres.py
    insert = ("INSERT INTO units (source, target, srclang, tgtlang, match_text, content_key)"
              " VALUES ('Le Comité.', 'The Committee.', ?, ?, 'le comite', 'k')")
    for srclang, tgtlang in (("fr-FR", ""), ("", "en-GB"), ("fr FR", "en-GB"), ("fr-FR", "e")):
        with pytest.raises(sqlite3.IntegrityError, match="a unit needs a source and a target language tag"):
            store._conn.execute(insert, (srclang, tgtlang))
    store._conn.execute(insert, ("fr_FR", "zh-Hant-TW"))
    with pytest.raises(sqlite3.IntegrityError, match="a unit needs a source and a target language tag"):
        store._conn.execute("UPDATE units SET tgtlang = ''")
    assert store._query("SELECT srclang, tgtlang FROM units") == [("fr_FR", "zh-Hant-TW")]


def test_a_store_already_holding_a_unit_without_language_still_migrates(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr("tmtool.store.sqlite.migrations.MIGRATIONS", MIGRATIONS[:6])  # before the language check
    with open_store(path, create=True) as old:  # as the import of a segmented XLIFF left it
        old._conn.execute("INSERT INTO units (source, target, srclang, tgtlang, match_text, content_key)"
                          " VALUES ('Le Comité.', 'Le Comité.', 'fr', '', 'le comite', 'k')")
    monkeypatch.undo()
    with open_store(path, create=True) as store:
        assert store._query("PRAGMA user_version")[0][0] == len(MIGRATIONS)
        assert [(u.source, u.tgtlang) for u in store.units()] == [("Le Comité.", "")]  # nothing is lost
        with pytest.raises(TmtoolError, match="no valid target language"):
            store.add_units([Unit("Un.", "Un.", "fr", "", tuid="bad")], "copy.xlf")


def test_the_backend_has_every_method_of_the_interface_as_declared(store):
    assert isinstance(store, Store)
    for name, declared in vars(Store).items():
        if callable(declared) and not name.startswith("_"):
            assert inspect.signature(getattr(type(store), name)).parameters.keys() == \
                inspect.signature(declared).parameters.keys(), name


def full_entry() -> Entry:
    """An entry with every field of it and of its terms set, none to its default."""
    context = Context("Le Comité militaire se réunit.", "The Military Committee meets.", "doc", "doc:4", "fr")
    return Entry(
        terms=[Term("Comité militaire", "fr", "noun", "masculine", TermType.FULL_FORM, UsageStatus.PREFERRED,
                    "comité militaire", ["Comités militaires"], 0.75, 3, [context], "Forme officielle."),
               Term("CM", "fr", "properNoun", None, TermType.ACRONYM, UsageStatus.ADMITTED, None, [], None, 0, []),
               Term("Military Committee", "en", "noun", None, TermType.FULL_FORM, UsageStatus.DEPRECATED,
                    "military committee", ["Military Committees"], 0.5, 2,
                    [context, Context("Il comitato militare decide.", "The MC decides.", "other", "other:1", "it")])],
        status=ReviewStatus.APPROVED, definition="Senior military authority.", note="NATO", frequency=7,
        score=0.875, contexts=[context],
        first_seen=datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc),
        last_seen=datetime(2024, 6, 2, 10, 30, tzinfo=timezone.utc),
    )


def test_every_field_of_an_entry_and_of_its_terms_round_trips_through_the_store(store):
    written = full_entry()
    entry_id = store.insert_entry(written, reviewed=True)
    read = store.entries([entry_id])[entry_id]
    assert (read.id, read.version) == (str(entry_id), 1)
    assert replace(read, id=None, version=0) == written
    # and through the history: a snapshot restores every field, by revert of a removal
    change = glossary.remove_entry(store, entry_id)
    glossary.revert(store, change)
    assert replace(store.entries([entry_id])[entry_id], id=None, version=0) == written


def test_terms_stored_before_terms_had_notes_have_none_once_upgraded(store_url, monkeypatch):
    """A term's own note (``Term.note``, a TBX note in its tig) is a column terms stored by the release
    before lack: the store is upgraded when opened, its terms noteless, and a note written is kept."""
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS[:MIGRATIONS.index(migrations._term_notes)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._V15)])
    with open_store(store_url, create=True) as old:  # as the release before wrote an entry's terms
        run = old._conn.execute if hasattr(old, "_conn") else old._pg.execute
        mark = "?" if hasattr(old, "_conn") else "%s"
        with old.transaction():
            run(f"INSERT INTO entries (id, status, created, updated) VALUES (1, 'approved', {mark}, {mark})",
                ("2026-01-05T10:00:00+00:00",) * 2)
            for position, (lang, text) in enumerate([("fr", "convoi"), ("en", "convoy")]):
                run("INSERT INTO terms (entry_id, position, lang, text, pos, type, usage) VALUES "
                    f"(1, {mark}, {mark}, {mark}, 'noun', 'fullForm', 'preferred')", (position, lang, text))
    monkeypatch.undo()
    with open_store(store_url) as store:
        [entry] = store.entries([1]).values()
        assert [(t.text, t.note) for t in entry.terms] == [("convoi", None), ("convoy", None)]
        with store.transaction():
            store.write_terms(1, [replace(entry.terms[0], note="Terme de l'OTAN."), entry.terms[1]])
        assert [t.note for t in store.entries([1])[1].terms] == ["Terme de l'OTAN.", None]


def test_an_update_against_a_stale_version_is_a_conflict_and_changes_nothing(store):
    entry_id = glossary.add_entry(store, Entry([Term("Comité militaire", "fr"), Term("Military Committee", "en")],
                                               status=ReviewStatus.CANDIDATE))
    seen = store.entries([entry_id])[entry_id].version  # two reviewers read the same version
    glossary.set_status(store, entry_id, ReviewStatus.APPROVED, expected_version=seen, user="ana")
    with pytest.raises(Conflict, match=f"entry {entry_id} was changed by someone else"):
        glossary.set_status(store, entry_id, ReviewStatus.REJECTED, expected_version=seen, user="bob")
    after = store.entries([entry_id])[entry_id]
    assert after.status == ReviewStatus.APPROVED and after.version > seen
    with pytest.raises(Conflict):  # the store refuses it too, whoever calls it
        store.set_entry_fields(entry_id, {"note": "x"}, expected_version=seen)
    assert [(c.action, c.user) for c in store.history(entry_id)] == [("add", None), ("approved", "ana")]


@pytest.mark.parametrize("analysed", [False, True], ids=["counted", "statistics"])
def test_search_finds_the_best_unit_among_many_alike_by_their_trigrams(store, analysed, monkeypatch):
    """Forty units holding the query's words in another order have the query's very trigrams, so
    a search that scores only the units nearest by trigrams never reaches the one word changed.
    PostgreSQL counts the query's words, or reads them in its statistics (taken after a bulk import)."""
    import random

    from tmtool.search import search_memory

    if analysed:
        monkeypatch.setattr("tmtool.store.postgres.store.IMPORT_BATCH", 7)

    words = "le conseil examinera demain les propositions budgétaires des partenaires".split()
    rng, shuffled = random.Random(1), set()
    while len(shuffled) < 40:
        shuffled.add(" ".join(rng.sample(words, len(words))))
    shuffled.discard(" ".join(words))
    best = " ".join(words).replace("demain", "lundi")
    store.add_units([unit(s, "x", str(i)) for i, s in enumerate(sorted(shuffled))] + [unit(best, "x", "best")], "m.tmx")
    hits = search_memory(store, " ".join(words), min_score=70, limit=1)
    assert [h.unit.tuid for h in hits] == ["best"]


def test_search_finds_a_unit_sharing_one_word_when_no_unit_shares_two(store):
    """A query whose words were mistyped but one, with a word added that another unit holds: no unit
    shares two of its words, and the unit sharing the one still scores."""
    from tmtool.search import search_memory

    store.add_units([unit("Les représentants examineront attentivement chaque proposition budgétaire.", "x", "1"),
                     unit("Le sommet de l'OTAN se tiendra en juillet.", "x", "2")], "m.tmx")
    query = "Lex reprisentants examinerant attentivemant chaqe propasition budgétaire OTAN."
    assert [h.unit.tuid for h in search_memory(store, query, min_score=70)] == ["1"]


def test_search_sees_units_added_after_it_counted_postings(tmp_path):
    """SQLite's search keeps its posting counts between searches: a unit added since, by another
    process or by this connection, is found all the same (each query's grams first counted in no unit)."""
    from tmtool.search import search_memory

    path = tmp_path / "t.db"
    first, second = "Le Comité militaire se réunira demain matin.", "Les représentants examineront chaque proposition."
    with open_store(path, create=True) as store, open_store(path) as other:
        store.add_units([unit("Rien à voir.", "Nothing to see.", "0")], "a.tmx")
        assert search_memory(store, first) == [] and search_memory(store, second) == []
        other.add_units([unit("Le Comité militaire se réunira demain.", "x", "1")], "b.tmx")
        assert [h.unit.tuid for h in search_memory(store, first)] == ["1"]
        assert search_memory(store, second) == []
        store.add_units([unit("Les représentants examineront chaque proposition reçue.", "x", "2")], "c.tmx")
        assert [h.unit.tuid for h in search_memory(store, second)] == ["2"]
        assert store.concordance_count("sommet", 10) == 0
        other.add_units([unit("Le sommet se tiendra en juillet.", "x", "3")], "d.tmx")
        assert store.concordance_count("sommet", 10) == 1


def test_memory_contexts_rank_as_one_bm25_query_over_all_the_words(tmp_path):
    """The memory is ranked word by word (fast for a long document); the order must be the one bm25
    gives the OR of all the document's specific words in one query, ties and filters included."""
    import random

    rng = random.Random(7)
    vocabulary = [f"mot{chr(97 + i)}{chr(97 + j)}" for i in range(8) for j in range(5)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]

    def sentence():
        return " ".join(rng.choices(vocabulary, weights, k=rng.randint(3, 12))) + "."

    memory = [sentence() for _ in range(160)]
    memory += memory[:20]  # the same sentences again (translated otherwise, with as many words): exact ties
    with open_store(tmp_path / "m.db", create=True) as store:
        store.add_units([unit(s, f"English {i}.", f"u{i}") for i, s in enumerate(memory)], "memory.tmx")
        store.replace_document(record("new", "c", "d"), [unit(s, "English.", f"new:{i}") for i, s in enumerate(memory[:30])])
        store.add_units([Unit(s, "Französisch.", "de-DE", "fr-FR", tuid=f"de{i}") for i, s in enumerate(memory[:30])], "de.tmx")
        for limit in (10, 40, 200):
            specific = [w for w, in store._query(
                "SELECT term FROM units_words_vocab WHERE col = 'source' AND doc <= ? ORDER BY term", (limit,))]
            query = "source : (" + " OR ".join(f'"{w}"' for w in specific) + ")"
            expected = store._query(
                "SELECT u.source, u.target, coalesce(u.document_id, ''), coalesce(u.tuid, ''), units_fts.rank"
                " FROM units_fts JOIN units u ON u.id = units_fts.rowid"
                " WHERE units_fts MATCH ? AND (?2 IS NULL OR u.document_id IS NOT ?2)"
                " AND base_language(u.srclang) = 'fr' AND base_language(u.tgtlang) = 'en'"
                " ORDER BY units_fts.rank, u.id LIMIT ?3", (query, "new", limit))
            found = store.memory_contexts(vocabulary, exclude_document="new", limit=limit)
            assert len(specific) > 5 and len({rank for *_, rank in expected}) < len(expected)  # ties are ranked
            assert [(c.fr, c.en, c.document, c.unit) for c in found] == [row[:4] for row in expected]


_INDEX_WORDS = ["comité", "comite", "COMITÉ", "mot_clé", "mot", "clé", "søl", "sol", "straße", "strasse",
                "ﬁnal", "final", "œuvre", "oeuvre", "2021", "x_y_z", "état-major", "major", "défense"]


@settings(deadline=None)  # a store in memory per example: 400 ms on a loaded machine failed Hypothesis's 200 ms
@given(st.lists(st.lists(st.sampled_from(_INDEX_WORDS), min_size=1, max_size=6), min_size=1, max_size=12),
       st.lists(st.sampled_from(_INDEX_WORDS + ["absent", "_"]), min_size=1, max_size=10), st.integers(1, 4))
def test_the_memory_s_specific_words_are_those_the_vocabulary_counts_in_few_units(sources, asked, limit):
    """The specific words are picked by MATCH counts capped at the limit, then checked in the vocabulary:
    the same words, in the same order, as the vocabulary's counts alone give (a word FTS5 tokenises
    otherwise as a query than as written, as *mot_clé*, included)."""
    with SQLiteStore.open(":memory:") as store:
        store.add_units([unit(" ".join(words), "English.", f"u{i}") for i, words in enumerate(sources)], "m.tmx")
        words = sorted({fold(word) for word in asked})
        expected = [w for w, in store._query(
            f"SELECT term FROM units_words_vocab WHERE col = 'source' AND term IN ({','.join('?' * len(words))})"
            " AND doc <= ?", (*words, limit))]
        assert store._specific_words(words, limit) == expected


def _units_indexes(store: SQLiteStore) -> set[tuple[str, str]]:
    return set(store._query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'units'"
                            " AND sql IS NOT NULL"))


def test_a_first_import_builds_the_units_indexes_after_its_rows_and_a_later_one_keeps_them(tmp_path):
    units = [Unit(f"Phrase numéro {n} du rapport.", f"Report sentence {n}.", "fr-FR", "en-GB") for n in range(50)]
    with SQLiteStore.open(tmp_path / "t.db", create=True) as store:
        indexes = _units_indexes(store)
        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        store.add_units(units[:25], "a.tmx")
        assert any(s.startswith("DROP INDEX") for s in statements)  # the memory was empty
        assert _units_indexes(store) == indexes
        statements.clear()
        store.add_units(units[25:], "b.tmx")
        assert not any(s.startswith("DROP INDEX") for s in statements)  # not empty: grown row by row
        store._conn.set_trace_callback(None)
        assert _units_indexes(store) == indexes and store.unit_count() == 50
        assert [u.source for u in store.units()] == [u.source for u in units]


def test_a_first_import_that_fails_leaves_the_units_indexes_and_no_unit(tmp_path):
    def failing():
        yield from (Unit(f"Phrase {n}.", f"Sentence {n}.", "fr-FR", "en-GB") for n in range(2500))
        raise TmtoolError("unreadable unit", path="a.tmx")

    with SQLiteStore.open(tmp_path / "t.db", create=True) as store:
        indexes = _units_indexes(store)
        with pytest.raises(TmtoolError):
            store.add_units(failing(), "a.tmx")
        assert _units_indexes(store) == indexes and store.unit_count() == 0


def test_a_merge_keeps_a_term_written_in_another_case_as_a_term_of_its_own(store):
    """*CM* (Comité militaire) and *cm* (centimètre), *Alliance* and *alliance*, are two terms everywhere else
    (an edit, an import keep both): a merge dropped the source entry's *cm* because the target held *CM*."""
    target = glossary.add_entry(store, Entry(terms=[Term("CM", "fr", term_type=TermType.ACRONYM),
                                                    Term("MC", "en", term_type=TermType.ACRONYM)]))
    source = glossary.add_entry(store, Entry(terms=[Term("cm", "fr"), Term("Military Committee", "en"),
                                                    Term("CM", "fr", term_type=TermType.ACRONYM)]))
    glossary.merge_entries(store, source, target)
    assert [(t.lang, t.text) for t in glossary.entry(store, target).terms] == [
        ("fr", "CM"), ("en", "MC"), ("fr", "cm"), ("en", "Military Committee")]  # the same CM once


def test_an_import_takes_an_entry_whose_terms_differ_in_case_for_another_entry(store):
    """The "already stored" check of a glossary import matched terms ignoring case: a file's *cm* (centimètre) was
    skipped as the stored *CM* (Comité militaire). A word in capitals makes another term, as it does for a merge;
    a word's first capital is a glossary's style (*alliance* for *Alliance*, as a client writes *Staff* for
    *staff*), and the same terms spelt otherwise (*manoeuvre* for *manœuvre*) are still the stored entry's."""
    stored = glossary.add_entry(store, Entry(terms=[Term("Alliance", "fr"), Term("Alliance", "en")]))
    acronym = glossary.add_entry(store, Entry(terms=[Term("CM", "fr", term_type=TermType.ACRONYM),
                                                     Term("MC", "en", term_type=TermType.ACRONYM)]))
    spelt = glossary.add_entry(store, Entry(terms=[Term("manœuvre", "fr"), Term("manoeuvre", "en")]))
    result = glossary.import_entries(store, [
        Entry(terms=[Term("alliance", "fr"), Term("alliance", "en")]),
        Entry(terms=[Term("cm", "fr"), Term("MC", "en", term_type=TermType.ACRONYM)]),
        Entry(terms=[Term("Alliance", "fr"), Term("Alliance", "en")]),
        Entry(terms=[Term("manoeuvre", "fr"), Term("manoeuvre", "en")]),
    ], "client.tbx")
    assert (result.added, result.already_stored) == (1, 3)
    held = store.entries(list(range(1, 10)), contexts=0)
    assert [[(t.lang, t.text) for t in e.terms] for i, e in sorted(held.items()) if i > spelt] == [
        [("fr", "cm"), ("en", "MC")]]
    assert glossary.entry(store, stored).terms[0].text == "Alliance"
    assert [t.text for t in glossary.entry(store, acronym).terms] == ["CM", "MC"]
    assert glossary.entry(store, spelt).terms[0].forms == ["manoeuvre"]


def test_an_import_finds_a_stored_entry_spelt_with_ss_or_oe_for_its_sharp_s_or_ligature(store):
    """The capitals an import's "already stored" check compares were counted letter by letter, *ß* one letter and
    *ss* two, *Œ* two capitals and *Oe* one: a Swiss file's *Massnahme* (Switzerland writes no ß) and a sentence-cased
    *Oeuvres sociales* were added as new entries beside the stored *Maßnahme* and *Œuvres sociales*, which the same
    file in the same spelling, or spelt in lower case, finds as before."""
    sharp = glossary.add_entry(store, Entry(terms=[Term("Maßnahme", "de"), Term("measure", "en")]))
    ligature = glossary.add_entry(store, Entry(terms=[Term("Œuvres sociales", "fr"), Term("Welfare services", "en")]))
    result = glossary.import_entries(store, [
        Entry(terms=[Term("Massnahme", "de"), Term("measure", "en")]),
        Entry(terms=[Term("Oeuvres sociales", "fr"), Term("Welfare services", "en")]),
        Entry(terms=[Term("OEUVRES SOCIALES", "fr"), Term("WELFARE SERVICES", "en")]),  # in capitals: another
    ], "client-ch.tbx")
    assert (result.added, result.already_stored) == (1, 2)
    assert [t.text for t in glossary.entry(store, sharp).terms] == ["Maßnahme", "measure"]
    assert glossary.entry(store, ligature).terms[0].forms == ["Oeuvres sociales"]


def _entries_by_language(store) -> None:
    for n in range(30):
        terms = [Term(f"comité {n}", "fr"), Term(f"committee {n}", "en")]
        terms += [Term(f"Ausschuss {n}", "de")] if n % 10 == 0 else []
        glossary.add_entry(store, Entry(terms, score=n / 30,
                                        status=ReviewStatus.CANDIDATE if n % 2 else ReviewStatus.APPROVED))


def test_the_language_filter_reads_the_terms_by_their_language_not_every_term(store):
    """The review queue's language filter (list_entries' lang) and its box's languages (term_languages) read every
    term of the glossary: no index had the terms by language. EXPLAIN says the filter uses terms_lang."""
    _entries_by_language(store)
    statements = []
    query = store._query
    store._query = lambda sql, params=(): statements.append((sql, params)) or query(sql, params)
    try:
        assert len(store.list_entries(lang="de")) == 3
    finally:
        del store._query
    (sql, params), = [(sql, params) for sql, params in statements if "lang =" in sql]
    if isinstance(store, SQLiteStore):
        plan = " ".join(str(row[-1]) for row in store._query("EXPLAIN QUERY PLAN " + sql, params))
        assert "USING COVERING INDEX terms_lang (lang=?)" in plan, plan
        plan = " ".join(str(row[-1]) for row in store._query("EXPLAIN QUERY PLAN SELECT DISTINCT lang FROM terms"))
        assert "terms_lang" in plan, plan
    else:
        store._pg.execute("SET enable_seqscan = off")  # a table of 63 terms is read whole however it is indexed
        plan = "\n".join(line for line, in store._query("EXPLAIN " + sql, params))
        assert "terms_lang" in plan, plan


def test_the_entries_counted_are_those_every_page_lists_up_to_the_cap(store):
    _entries_by_language(store)
    candidate = [ReviewStatus.CANDIDATE]
    for filters in ({}, {"statuses": candidate}, {"lang": "de"}, {"statuses": candidate, "lang": "de"},
                    {"text": "comite 1"}, {"min_score": 0.5, "statuses": candidate}):
        assert store.count_entries(**filters, cap=1000) == len(store.list_entries(**filters)), filters
    assert store.count_entries(cap=7) == 7
    # those before an entry, in each order: how a page starting at it is numbered
    for order in ("score", "frequency", "newest"):
        listed = store.list_entries(statuses=candidate, order=order)
        for at in (0, 3, len(listed) - 1):
            keyset = (listed[at].score, listed[at].frequency, int(listed[at].id))
            assert store.count_entries(statuses=candidate, order=order, before=keyset, cap=1000) == at, (order, at)
        assert store.count_entries(statuses=candidate, order=order, before=keyset, cap=2) == 2


def test_the_count_agrees_with_the_entries_listed_for_every_combination_of_filters(store):
    # the queue's "of TOTAL" and its pages read one filter each: every combination of them, a document's included,
    # counts as many entries as the pages list together
    import itertools

    _entries_by_language(store)
    for doc_id, terms in (("a", ["comité 1", "comité 12", "pays partenaire"]), ("b", ["comité 20", "espace aérien"])):
        ids = store.replace_document(record(doc_id, src_hash=doc_id), [])
        glossary.merge_extracted(store, [proposal(fr, fr.upper()) for fr in terms], doc_id, ids)
    candidate, approved = ReviewStatus.CANDIDATE, ReviewStatus.APPROVED
    choices = {"statuses": [(), [candidate], [candidate, approved], [ReviewStatus.REJECTED]],
               "min_score": [None, 0.0, 0.5, 2.0], "text": [None, "comite 1", "Comité-2", "AUSSCHUSS", "zzz"],
               "document": [None, "a", "b", "none"], "lang": [None, "de", "en", "es"]}
    counted = 0
    for values in itertools.product(*choices.values()):
        filters = {name: value for name, value in zip(choices, values) if value not in (None, ())}
        listed = len(store.list_entries(**filters))
        assert store.count_entries(**filters, cap=1000) == listed, filters
        assert store.count_entries(**filters, cap=3) == min(listed, 3), filters
        counted += listed > 0
    assert counted > 100  # most combinations hold some entries: the counts compared are not all 0


def test_a_store_of_the_release_before_gets_the_terms_language_index_when_opened(store_url, monkeypatch):
    # the release before (SQLite 36 migrations, PostgreSQL 24) had no terms_lang: opened by this one, its entries
    # as they were, the language filter reads it
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._V37)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._V25)])
    indexes = {"sqlite": "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'terms_lang'",
               "postgresql": "SELECT indexname FROM pg_indexes WHERE indexname = 'terms_lang'"}
    with open_store(store_url, create=True) as old:
        kind = "sqlite" if isinstance(old, SQLiteStore) else "postgresql"
        _entries_by_language(old)
        assert old._query(indexes[kind]) == []
        before = [(e.id, e.version, [(t.text, t.lang) for t in e.terms]) for e in old.list_entries(lang="de")]
    monkeypatch.undo()
    with open_store(store_url) as store:
        assert [tuple(row) for row in store._query(indexes[kind])] == [("terms_lang",)]
        assert [(e.id, e.version, [(t.text, t.lang) for t in e.terms]) for e in store.list_entries(lang="de")] == before
        assert len(before) == 3 and store.count_entries(lang="de", cap=10) == 3
    with open_store(store_url) as again:  # opened again: nothing left to do
        assert len(again.list_entries(lang="de")) == 3
