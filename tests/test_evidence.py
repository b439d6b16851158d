"""Evidence across documents: an entry's score and equivalents come from every document that counts it,
updated as documents arrive or go, never by reading them again."""

import multiprocessing
import time
from datetime import datetime, timezone

import pytest

from tmtool import api, glossary
from tmtool.errors import Conflict
from tmtool.model import Context, Entry, ReviewStatus, Term, TermType, Unit
from tmtool.store import DocumentRecord, Store, open_store
from tmtool.store.evidence import entry_score, kept_equivalents


def proposal(fr: str, en: str, score: float, document: str, *, frequency: int = 1, confidence: float = 0.8):
    context = Context(f"Une phrase sur {fr}.", f"A sentence on {en}.", document, f"{document}:1")
    english = Term(en, "en", confidence=confidence, frequency=frequency)
    return Entry(terms=[Term(fr, "fr"), english], frequency=frequency, score=score, contexts=[context])


def ingest(store: Store, document: str, proposals: list[Entry]) -> None:
    unit = Unit(f"Texte de {document}.", f"Text of {document}.", "fr-FR", "en-GB", tuid=f"{document}:1")
    record = DocumentRecord(document, f"{document}.fr.txt", f"{document}.en.txt", document, document,
                            "fr-FR", "en-GB")
    glossary.merge_extracted(store, proposals, document, store.replace_document(record, [unit]))


def by_french(store: Store) -> dict[str, Entry]:
    return {e.terms[0].text: e for e in store.list_entries()}


def test_more_documents_and_one_translation_weigh_more():
    assert entry_score([0.6], [1.0]) == 0.6
    assert entry_score([0.6] * 10, [1.0] * 1) > entry_score([0.6], [1.0]) * 3
    assert entry_score([0.6, 0.6], [1.0, 1.0]) < entry_score([0.6, 0.6], [2.0])  # scattered < consistent
    assert entry_score([], []) == 0.0


def test_weak_equivalents_are_dropped_and_the_best_comes_first():
    assert kept_equivalents({"a": 1.0, "b": 5.0, "c": 1.5}) == ["b", "c"]
    assert kept_equivalents({}) == []


def test_a_term_a_glossary_typed_without_its_ligature_counts_what_documents_find_with_it(store_url):
    """A client's glossary typed *manoeuvre* (a keyboard without œ); the documents write *manœuvre*, which
    extraction proposed as a new candidate beside it, though lookup finds either for the other: now it is
    counted on the imported entry, and so is a proposal typed without œ on one stored with it."""
    with open_store(store_url, create=True) as store:
        glossary.import_entries(store, [Entry([Term("manoeuvre", "fr"), Term("manoeuvre", "en")]),
                                        Entry([Term("cœur de cible", "fr"), Term("core target", "en")])], "client.csv")
        ingest(store, "d1", [proposal("manœuvre", "manoeuvre", 0.7, "d1"),
                             proposal("coeur de cible", "core target", 0.6, "d1")])
        entries = by_french(store)
        assert sorted(entries) == ["cœur de cible", "manoeuvre"]
        assert (entries["manoeuvre"].frequency, entries["cœur de cible"].frequency) == (1, 1)
        # the stored spelling stays, the documents' is a form of it
        assert [(t.lang, t.text, t.forms) for t in entries["manoeuvre"].terms] == [
            ("fr", "manoeuvre", ["manœuvre"]), ("en", "manoeuvre", [])]


def test_a_proposal_an_entry_holds_in_both_spellings_is_its_own_term_not_a_variant_of_the_other(store_url):
    """A termbase's entry holds *mise en œuvre* and *mise en oeuvre*: a document's *mise en œuvre* was made a
    variant (form) of *mise en oeuvre*, the entry rewritten, rather than counted on the term it is."""
    with open_store(store_url, create=True) as store:
        glossary.import_entries(store, [Entry([Term("mise en œuvre", "fr"), Term("mise en oeuvre", "fr"),
                                               Term("implementation", "en")])], "termbase.tbx")
        ingest(store, "d1", [proposal("mise en œuvre", "implementation", 0.7, "d1")])
        [entry] = store.list_entries()
        assert entry.frequency == 1
        assert [(t.text, t.forms) for t in entry.terms] == [
            ("mise en œuvre", []), ("mise en oeuvre", []), ("implementation", [])]


def test_a_term_in_ten_documents_outranks_one_seen_once(tmp_path):
    with open_store(tmp_path / "s.db", create=True) as store:
        ingest(store, "d0", [proposal("espace aérien", "airspace", 0.7, "d0"),
                             proposal("allocution liminaire", "opening remarks", 0.9, "d0")])
        for n in range(1, 10):
            ingest(store, f"d{n}", [proposal("espace aérien", "airspace", 0.7, f"d{n}")])
        entries = by_french(store)
        assert entries["espace aérien"].score > entries["allocution liminaire"].score
        assert [e.terms[0].text for e in store.list_entries()][0] == "espace aérien"


def test_the_translation_most_documents_agree_on_is_preferred(tmp_path):
    with open_store(tmp_path / "s.db", create=True) as store:
        ingest(store, "a", [proposal("territoire allié", "inch of Allied territory", 0.8, "a")])
        ingest(store, "b", [proposal("territoire allié", "Allied territory", 0.8, "b")])
        ingest(store, "c", [proposal("territoire allié", "Allied territories", 0.8, "c")])
        entry = by_french(store)["territoire allié"]
        assert [t.text for t in entry.terms_in("en")] == ["Allied territory", "inch of Allied territory"]
        assert "Allied territories" in entry.terms_in("en")[0].forms  # one equivalent, two spellings
        spread = entry.score
        ingest(store, "d", [proposal("territoire allié", "Allied territory", 0.8, "d")])
        assert by_french(store)["territoire allié"].score > spread  # more agreement, more weight


def test_evidence_does_not_depend_on_the_order_documents_arrive(tmp_path):
    documents = {
        "a": [proposal("infrastructures critiques", "critical infrastructure", 0.5, "a")],
        "b": [proposal("infrastructures critiques", "critical infrastructure", 0.9, "b", frequency=3)],
        "c": [proposal("infrastructures critiques", "vital installations", 0.6, "c")],
    }
    seen = []
    for order in (("a", "b", "c"), ("c", "b", "a")):
        with open_store(tmp_path / f"{''.join(order)}.db", create=True) as store:
            for name in order:
                ingest(store, name, documents[name])
            entry = by_french(store)["infrastructures critiques"]
            seen.append((entry.score, [t.text for t in entry.terms_in("en")]))
    assert seen[0] == seen[1]
    assert seen[0][1][0] == "critical infrastructure"


def test_removing_a_document_takes_its_evidence_back(tmp_path):
    with open_store(tmp_path / "s.db", create=True) as store, open_store(tmp_path / "ref.db", create=True) as reference:
        for target in (store, reference):
            ingest(target, "a", [proposal("prise de décision", "decision-making", 0.6, "a")])
        ingest(store, "b", [proposal("prise de décision", "decision making process", 0.9, "b", frequency=4)])
        assert by_french(store)["prise de décision"].terms_in("en")[0].text == "decision making process"
        glossary.remove_documents(store, ["b"])
        after, expected = by_french(store)["prise de décision"], by_french(reference)["prise de décision"]
        assert (after.score, [t.text for t in after.terms]) == (expected.score, [t.text for t in expected.terms])


def test_an_entry_removed_and_brought_back_keeps_what_its_documents_counted(store_url):
    # a revert brought an entry back with its terms and frequency but without its documents' counts and
    # equivalents' support: no document counted it any more, so that removing its documents left it behind
    with open_store(store_url, create=True) as store:
        ingest(store, "a", [proposal("prise de décision", "decision-making", 0.6, "a")])
        ingest(store, "b", [proposal("prise de décision", "decision making process", 0.9, "b", frequency=4)])
        entry_id = int(by_french(store)["prise de décision"].id)
        counted = store.document_counts([entry_id]), store.document_supports([entry_id])
        assert [row[0] for row in counted[0][entry_id]] == ["a", "b"] and len(counted[1][entry_id]) == 2
        brought_back = glossary.revert(store, glossary.remove_entry(store, entry_id))
        assert (store.document_counts([entry_id]), store.document_supports([entry_id])) == counted
        glossary.revert(store, glossary.revert(store, brought_back))  # taken out again, and back again
        assert (store.document_counts([entry_id]), store.document_supports([entry_id])) == counted
        glossary.remove_documents(store, ["b"])  # what b counted goes, what a counted stays
        assert by_french(store)["prise de décision"].terms_in("en")[0].text == "decision-making"
        assert [row[:2] for row in store.document_counts([entry_id])[entry_id]] == [("a", 1)]


def test_a_reviewed_entry_is_never_reweighed(tmp_path):
    from tmtool.model import ReviewStatus

    with open_store(tmp_path / "s.db", create=True) as store:
        ingest(store, "a", [proposal("renseignement", "intelligence", 0.6, "a")])
        entry_id = int(by_french(store)["renseignement"].id)
        glossary.set_status(store, entry_id, ReviewStatus.APPROVED)
        before = glossary.entry(store, entry_id)
        ingest(store, "b", [proposal("renseignement", "information", 0.9, "b", frequency=5)])
        after = glossary.entry(store, entry_id)
        assert (after.score, [t.text for t in after.terms]) == (before.score, [t.text for t in before.terms])


def test_acronym_and_full_form_do_not_compete(tmp_path):
    with open_store(tmp_path / "s.db", create=True) as store:
        full = Term("NATO Response Force", "en", confidence=0.95)
        acronym = Term("NRF", "en", term_type=TermType.ACRONYM, confidence=0.95)
        entry = Entry(terms=[Term("Force de réaction de l'OTAN", "fr"), Term("NRF", "fr", term_type=TermType.ACRONYM),
                             full, acronym], frequency=1, score=0.8,
                      contexts=[Context("La NRF.", "The NRF.", "a", "a:1")])
        ingest(store, "a", [entry])
        stored = by_french(store)["Force de réaction de l'OTAN"]
        assert stored.score == 0.8  # two kinds of equivalent, each consistent: no penalty
        assert {t.text for t in stored.terms_in("en")} == {"NATO Response Force", "NRF"}


# ---- evidence under the threshold: documents that add up to an entry (on every backend) --------------


def save(store: Store, document: str, near: list[Entry], proposals: list[Entry] = ()) -> tuple[int, int]:
    """What ingest does with a document whose extraction proposed ``near`` under the threshold: its
    units are the sentences its proposals cite."""
    cited = {c.unit: c for e in (*near, *proposals) for c in e.contexts}
    units = [Unit(c.fr, c.en, "fr-FR", "en-GB", tuid=tuid) for tuid, c in cited.items()]
    record = DocumentRecord(document, f"{document}.fr.txt", f"{document}.en.txt", document, document,
                            "fr-FR", "en-GB")
    _, new, updated, _ = glossary.save_document(store, record, units, list(proposals), near)
    return new, updated


def weak(document: str, fr: str = "chaîne d'approvisionnement", en: str = "supply chain") -> list[Entry]:
    """A term each document scores 0.25: under the threshold alone, at 0.52 in three (1 + ln 3 = 2.1)."""
    found = proposal(fr, en, 0.25, document)
    found.contexts[0].unit = f"{document}:{fr}"
    return [found]


def glossary_state(store: Store) -> list[tuple]:
    return [(e.id, e.status.value, e.score, e.frequency, [t.text for t in e.terms],
             sorted((c.document, c.fr) for c in e.contexts)) for e in store.list_entries()]


def test_a_term_under_the_threshold_in_three_documents_becomes_an_entry(store_url):
    with open_store(store_url, create=True) as store:
        assert save(store, "a", weak("a")) == (0, 0)
        assert save(store, "b", weak("b")) == (0, 0)
        assert store.list_entries() == []  # 0.25 × (1 + ln 2) = 0.42: not yet
        assert save(store, "c", weak("c")) == (1, 0)
        entry = by_french(store)["chaîne d'approvisionnement"]
        assert entry.score == entry_score([0.25] * 3, [0.8 * 3]) >= 0.5
        assert entry.frequency == 3 and [t.text for t in entry.terms_in("en")] == ["supply chain"]
        assert sorted(c.document for c in entry.contexts) == ["a", "b", "c"]  # each document's own sentence
        assert sorted(document for document, *_ in store.document_counts([int(entry.id)])[int(entry.id)]) == ["a", "b", "c"]
        # once an entry, the next document counts for it as a proposal would
        assert save(store, "d", weak("d")) == (0, 1)
        assert by_french(store)["chaîne d'approvisionnement"].score == entry_score([0.25] * 4, [0.8 * 4])


def test_an_entry_evidence_made_goes_back_when_its_documents_go(store_url):
    with open_store(store_url, create=True) as store:
        for document in "abc":
            save(store, document, weak(document))
        save(store, "d", weak("d", "guerre des mines", "mine warfare"))
        removal = glossary.remove_documents(store, ["c"])
        assert removal.entries_removed == 1 and store.list_entries() == []  # 0.42 again
        save(store, "e", weak("e"))  # a, b and e add up as a, b and c did, none of them read again
        entry = by_french(store)["chaîne d'approvisionnement"]
        assert sorted(c.document for c in entry.contexts) == ["a", "b", "e"]
        glossary.remove_documents(store, ["a", "b", "e"])
        assert store.list_entries() == []
        # a document revised so that the term is gone: the entry it completed goes back too
        for document in "fgh":
            save(store, document, weak(document))
        assert [e.terms[0].text for e in store.list_entries()] == ["chaîne d'approvisionnement"]
        save(store, "h", [])
        assert store.list_entries() == []


def test_an_entry_reviewed_stays_as_reviewed(store_url):
    with open_store(store_url, create=True) as store:
        for document in "abc":
            save(store, document, weak(document) + weak(document, "char de combat", "battle tank"))
        entries = by_french(store)
        rejected, noted = int(entries["chaîne d'approvisionnement"].id), int(entries["char de combat"].id)
        glossary.set_status(store, rejected, ReviewStatus.REJECTED)
        # a person's note, the entry left to review later: a decision too
        glossary.update_entry(store, noted, "edit", lambda e: glossary.edit(e, note="see STANAG",
                                                                             status=ReviewStatus.CANDIDATE))
        glossary.remove_documents(store, ["b", "c"])
        assert glossary.entry(store, rejected).status is ReviewStatus.REJECTED
        assert glossary.entry(store, noted).note == "see STANAG"
        for document in "def":
            save(store, document, weak(document))
        assert glossary.entry(store, rejected).status is ReviewStatus.REJECTED
        assert len(store.list_entries()) == 2


def test_a_revised_document_takes_back_what_its_earlier_version_proposed(store_url):
    with open_store(store_url, create=True) as store:
        save(store, "a", [], [proposal("guerre des mines", "mine warfare", 0.7, "a"),
                              proposal("char de combat", "battle tank", 0.8, "a"),
                              proposal("chaîne d'approvisionnement", "supply chain", 0.6, "a")])
        save(store, "b", [], [proposal("char de combat", "battle tank", 0.9, "b")])
        entries = by_french(store)
        approved = int(entries["chaîne d'approvisionnement"].id)
        glossary.set_status(store, approved, ReviewStatus.APPROVED)
        # the revision no longer uses the three terms
        save(store, "a", [], [proposal("lutte anti-sous-marine", "anti-submarine warfare", 0.7, "a")])
        entries = by_french(store)
        # proposed by the earlier version alone: gone, as if that version had been removed
        assert "guerre des mines" not in entries
        # another document still counts it: its evidence alone is left
        assert entries["char de combat"].frequency == 1
        assert entries["char de combat"].score == entry_score([0.9], [0.8])
        assert [c.document for c in entries["char de combat"].contexts] == ["b"]
        # a person's decision stays
        assert entries["chaîne d'approvisionnement"].status is ReviewStatus.APPROVED
        assert "lutte anti-sous-marine" in entries


def test_a_revision_proposing_again_what_a_reviewer_edited_counts_for_the_edited_entry(store_url):
    """A person edited the entry a document's proposal made (its French and English terms both) and
    rejected another: the revised document, proposing both again, counts for the edited entry and the
    rejected one, rather than bringing the proposal back beside them and leaving the edited entry
    counted by no document."""
    def version(changed: str) -> list[Entry]:
        return [proposal("chef d'état-major", "Chief", 0.8, "a", frequency=3),
                proposal("défense", "Defence", 0.6, "a", frequency=3),
                proposal(changed, "mine countermeasures", 0.7, "a")]

    with open_store(store_url, create=True) as store:
        save(store, "a", [], version("lutte contre les mines"))
        entries = by_french(store)
        edited, rejected = int(entries["chef d'état-major"].id), int(entries["défense"].id)
        glossary.update_entry(store, edited, "edit", lambda e: glossary.edit(
            e, terms={"fr": "chef d'état-major de la défense", "en": "Chief of Defence"}))
        glossary.set_status(store, rejected, ReviewStatus.REJECTED)
        save(store, "a", [], version("guerre des mines"))  # one other sentence changed
        entries = by_french(store)
        assert sorted(entries) == ["chef d'état-major de la défense", "défense", "guerre des mines"]
        assert [t.text for t in entries["chef d'état-major de la défense"].terms] == [
            "chef d'état-major de la défense", "Chief of Defence"]
        assert entries["chef d'état-major de la défense"].frequency == 3
        assert entries["chef d'état-major de la défense"].status is ReviewStatus.APPROVED
        assert glossary.entry(store, rejected).status is ReviewStatus.REJECTED
        assert glossary.entry(store, rejected).frequency == 3
        # a revision again, the edited entry still counted by it: the same glossary
        before = glossary_state(store)
        save(store, "a", [], version("lutte contre les mines"))
        assert [row for row in glossary_state(store) if row[0] in (str(edited), str(rejected))] == [
            row for row in before if row[0] in (str(edited), str(rejected))]
        assert sorted(by_french(store)) == ["chef d'état-major de la défense", "défense", "lutte contre les mines"]


def test_a_revision_proposing_again_what_a_reviewer_edited_then_merged_counts_for_the_entry_merged_into(store_url):
    """A reviewer trimmed a proposal (*général de brigade Anna Lindqvist* made *général de brigade*) and,
    seeing it now said what another entry said, merged it into that one: the article's revision the next
    day brought *général de brigade Anna Lindqvist* back as a new candidate, as the entry that had held it
    before the edit was gone. It counts for the entry it was merged into, as it would have unmerged."""
    def version(changed: str) -> list[Entry]:
        return [proposal("général de brigade Anna Lindqvist", "Brigadier General Anna Lindqvist", 0.9, "a"),
                proposal("général de brigade", "Brigadier General", 0.7, "a"),
                proposal(changed, "land component", 0.7, "a")]

    with open_store(store_url, create=True) as store:
        save(store, "a", [], version("composante terrestre"))
        entries = by_french(store)
        trimmed, kept = int(entries["général de brigade Anna Lindqvist"].id), int(entries["général de brigade"].id)
        glossary.update_entry(store, trimmed, "edit", lambda e: glossary.edit(
            e, terms={"fr": "général de brigade", "en": "Brigadier General"}))
        glossary.merge_entries(store, trimmed, kept)
        save(store, "a", [], version("composante maritime"))  # one other sentence changed
        assert sorted(by_french(store)) == ["composante maritime", "général de brigade"]
        assert [t.text for t in glossary.entry(store, kept).terms] == ["général de brigade", "Brigadier General"]


def test_saving_a_document_again_changes_nothing(store_url):
    def save_all():
        for document in "abc":
            save(store, document, weak(document) + weak(document, "char de combat", "battle tank"))
        save(store, "d", weak("d", "char de combat", "battle tank"),
             [proposal("guerre des mines", "mine warfare", 0.7, "d")])

    with open_store(store_url, create=True) as store:
        save_all()
        before = glossary_state(store)
        assert [e[4][0] for e in before] == ["guerre des mines", "char de combat", "chaîne d'approvisionnement"]
        save_all()
        assert glossary_state(store) == before


def test_documents_ingested_within_one_second_add_up_in_the_order_ingested(store_url, monkeypatch):
    """Kept evidence is merged document by document, the first ingested first: its proposal makes the
    entry (the French term's gender is the one it read) and its contexts come first. Ingest times are
    to the second, so documents ingested within one are told apart by the order the store numbered
    them in, as those ingested seconds apart are; a document ingested again keeps its place."""
    same_second = datetime(2026, 12, 5, 3, 0, 0, tzinfo=timezone.utc)
    for clock in ("tmtool.store.sqlite.db.utcnow", "tmtool.store.postgres.store.utcnow", "tmtool.glossary.utcnow"):
        monkeypatch.setattr(clock, lambda: same_second)

    def weak_with_gender(document: str, gender: str) -> list[Entry]:
        found = weak(document)
        found[0].terms[0].gender = gender
        return found

    with open_store(store_url, create=True) as store:
        for document, gender in (("c", "f"), ("b", "m"), ("a", "m")):  # ids in the reverse of ingest order
            save(store, document, weak_with_gender(document, gender))
        (entry,) = store.list_entries()
        assert entry.terms_in("fr")[0].gender == "f"
        assert [c.document for c in entry.contexts] == ["c", "b", "a"]
        key = glossary._evidence_key(weak("c")[0])
        assert [document for document, *_ in store.candidate_evidence([key])[key]] == ["c", "b", "a"]
        save(store, "c", weak_with_gender("c", "f"))
        assert [record.id for record, _ in store.documents()] == ["c", "b", "a"]
        assert [document for document, *_ in store.candidate_evidence([key])[key]] == ["c", "b", "a"]


CONCEPTS = ["char de combat", "guerre des mines", "chaîne d'approvisionnement", "espace aérien", "pays partenaire",
            "défense aérienne", "force de réaction", "zone de combat", "mesure de confiance", "centre d'excellence",
            "menace hybride", "état-major", "sécurité coopérative", "défense collective", "contrôle des armements",
            "gestion de crise"]


def counted_reads(monkeypatch, store: Store, *methods: str) -> dict[str, int]:
    """How many times each of the store's ``methods`` is called from now on (the dict fills as they are)."""
    reads: dict[str, int] = {}
    for method in methods:
        real = getattr(store, method)
        monkeypatch.setattr(store, method, lambda *args, _real=real, _name=method, **kwargs:
                            reads.update({_name: reads.get(_name, 0) + 1}) or _real(*args, **kwargs))
    return reads


def test_a_documents_proposals_are_read_together_however_many(store_url, monkeypatch):
    """The glossary is read for a document's proposals (and its evidence under the threshold) in a
    few statements, not a few for each proposal: on a server each statement is a wait."""
    with open_store(store_url, create=True) as store:
        save(store, "known", [], [proposal(fr, "x", 0.7, "known") for fr in CONCEPTS])
        reads = counted_reads(monkeypatch, store, "terms_by_key", "entry_state", "entry_states", "entries",
                              "document_counts", "equivalent_supports", "candidate_evidence")
        calls = []
        for document, concepts in (("few", CONCEPTS[:4]), ("many", CONCEPTS[4:])):
            reads.clear()
            half = len(concepts) // 2
            save(store, document, [proposal(fr, "y", 0.25, document) for fr in concepts[half:]],
                 [proposal(fr, "x", 0.7, document) for fr in concepts[:half]])
            calls.append(dict(reads))
        assert calls[0] == calls[1]  # 4 proposals or 12: the same statements
        # the proposals' keys only: with no approved entry in the store, the document's runs of words (the approved
        # entries it uses) are not looked up
        assert calls[1]["terms_by_key"] == 1 and "entry_state" not in calls[1]
        assert all(e.frequency == 2 for e in store.list_entries())  # each counted by its two documents


def test_removing_documents_reads_the_glossary_in_a_few_statements_however_many_entries(store_url, monkeypatch):
    """Taking documents out recounts, takes back and falls back the entries they counted reading them
    a few statements at a time, not a few for each entry (2 entries falling back or 12: the same
    reads), and what none of those steps changes once."""
    with open_store(store_url, create=True) as store:
        for prefix, concepts in (("few", CONCEPTS[:2]), ("many", CONCEPTS[2:14])):
            for n in range(3):
                save(store, f"{prefix}{n}", [found for fr in concepts for found in weak(f"{prefix}{n}", fr, "x")])
        assert len(store.list_entries()) == 14  # each made by the evidence of its three documents
        reads = counted_reads(monkeypatch, store, "entry_state", "entry_states", "entries", "origin_snapshots",
                              "document_counts", "equivalent_supports", "candidate_evidence")
        calls = []
        for document in ("few2", "many2"):
            reads.clear()
            calls.append((glossary.remove_documents(store, [document]).entries_removed, dict(reads)))
        assert [removed for removed, _ in calls] == [2, 12]  # two documents' evidence is under the threshold again
        assert calls[0][1] == calls[1][1]
        # the states, counts and origins once for the recount, the taking back and the falling back
        assert {name: calls[1][1][name] for name in ("entry_states", "document_counts", "origin_snapshots")} == {
            "entry_states": 1, "document_counts": 1, "origin_snapshots": 1}
        assert store.list_entries() == []


def test_evidence_under_the_threshold_finds_the_variant_another_proposal_just_gave_an_entry(store_url):
    with open_store(store_url, create=True) as store:
        save(store, "a", [], [proposal("guerre des mines", "mine warfare", 0.7, "a")])
        variant = proposal("guerre des mines", "mine warfare", 0.25, "b")
        variant.terms.insert(1, Term("lutte antimines", "fr"))
        # the second names the entry only through the French term the first adds to it
        save(store, "b", [variant, proposal("lutte antimines", "mine countermeasures", 0.25, "b")])
        (entry,) = store.list_entries()
        assert [t.text for t in entry.terms_in("fr")] == ["guerre des mines", "lutte antimines"]
        assert entry.frequency == 3 and len(entry.contexts) == 3


def _save_in_process(url: str, document: str, started, other_done, done, pause: bool) -> None:
    """A process saving a document whose evidence raises the term; with ``pause``, it waits in its
    transaction, its decision made, until the other process has either finished (nothing held it
    back) or is held on the store's write lock."""
    with open_store(url) as store:
        if pause:
            real = glossary._fall_back

            def paused(store, entry_ids):
                started.set()
                # SQLite's waiting writer shows nowhere: given a second, it has finished if nothing held it back
                deadline = time.monotonic() + (30 if url.startswith("postgresql") else 1)
                while not (other_done.is_set() or _waiting_for_the_write_lock(url)) and time.monotonic() < deadline:
                    time.sleep(0.05)
                return real(store, entry_ids)

            glossary._fall_back = paused
        save(store, document, weak(document))
    done.set()


def _waiting_for_the_write_lock(url: str) -> bool:
    """Whether another connection waits for a lock of this database (PostgreSQL's advisory write lock)."""
    if not url.startswith("postgresql"):
        return False
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                            " WHERE d.datname = current_database() AND l.locktype = 'advisory'"
                            " AND NOT l.granted)").fetchone()[0]


def test_two_documents_raising_one_term_at_once_make_one_entry(store_url):
    """Two ingests at once, each the document that raises a term over the threshold: whichever
    writes second finds the entry the first made and counts for it (writers take the store's write
    lock for their whole read-decide-write), never a second entry for the same term."""
    with open_store(store_url, create=True) as store:
        for document in "ab":
            save(store, document, weak(document))  # 0.42 together: one more document makes 0.52
    context = multiprocessing.get_context("fork")
    started, first_done, second_done = context.Event(), context.Event(), context.Event()
    first = context.Process(target=_save_in_process, args=(store_url, "c", started, second_done, first_done, True))
    second = context.Process(target=_save_in_process, args=(store_url, "d", None, first_done, second_done, False))
    first.start()
    assert started.wait(60)  # the first has decided to make the entry, and not yet committed
    second.start()
    for process in (first, second):
        process.join(60)
        assert process.exitcode == 0
    with open_store(store_url) as store:
        (entry,) = store.list_entries()
        assert entry.frequency == 4 and sorted(c.document for c in entry.contexts) == ["a", "b", "c", "d"]


def test_a_term_and_its_variant_in_one_entry_quote_a_sentence_once(store_url):
    # before: after "posture de dissuasion" was merged into "posture de dissuasion et de défense",
    # every document proposing both (a re-ingest, a revision, a re-extraction) gave the entry each of
    # its sentences twice
    sentence = Context("La posture de dissuasion et de défense.", "The deterrence and defence posture.", "d",
                       "d:1")
    with open_store(store_url, create=True) as store:
        glossary.import_entries(store, [Entry(terms=[Term("posture de dissuasion et de défense", "fr"),
                                                     Term("posture de dissuasion", "fr"),
                                                     Term("deterrence and defence posture", "en")])], "merged.tbx")
        both = [proposal("posture de dissuasion et de défense", "deterrence and defence posture", 0.8, "d"),
                proposal("posture de dissuasion", "deterrence and defence posture", 0.6, "d")]
        for one in both:
            one.contexts = [sentence]
        ingest(store, "d", both)
        [entry] = store.list_entries()
        assert [(c.fr, c.unit) for c in entry.contexts] == [(sentence.fr, "d:1")]


def test_merging_a_variant_nested_in_the_other_term_counts_each_occurrence_once(store_url):
    # before: every "chasseur de mines tripartite" was counted again under "chasseur de mines", which
    # extraction counts inside it too: 13 occurrences for the nine the two documents hold (5 + 4), and a
    # third document naming both added 5 for its 4
    from click.testing import CliRunner

    from conftest import REPO
    from tmtool.cli import main

    def run(*args):
        done = CliRunner().invoke(main, ["--db", store_url, *map(str, args)])
        assert done.exit_code == 0, done.output
        return done

    pairs = REPO / "tests" / "data" / "minehunters"
    for name in ("baltique", "nord"):
        run("ingest", pairs / f"{name}.fr.txt", pairs / f"{name}.en.txt")
    with open_store(store_url) as store:
        found = by_french(store)
        term, variant = found["chasseur de mines"], found["chasseur de mines tripartite"]
        counts = store.document_counts([int(term.id), int(variant.id)])
    per_document = {document: frequency for document, frequency, *_ in counts[int(term.id)]}
    assert per_document == {"baltique": 5, "nord": 4}  # every sentence names the concept once
    assert {document for document, *_ in counts[int(variant.id)]} == {"baltique", "nord"}
    run("glossary", "merge", variant.id, term.id)
    with open_store(store_url) as store:
        merged = glossary.entry(store, int(term.id))
        assert merged.frequency == 9
        assert {document: frequency for document, frequency, *_ in store.document_counts([int(term.id)])[int(term.id)]} \
            == per_document
    # a document naming both terms now counts the merged entry's occurrences once too (four, not five)
    run("ingest", pairs / "manche.fr.txt", pairs / "manche.en.txt")
    with open_store(store_url) as store:
        assert glossary.entry(store, int(term.id)).frequency == 13
        assert {document: frequency for document, frequency, *_ in store.document_counts([int(term.id)])[int(term.id)]} \
            == {**per_document, "manche": 4}


def evidence(store: Store, entry_id: int) -> tuple:
    """What documents count of an entry: its counts and its equivalents' support by document, its frequency, and the
    sentences it cites."""
    found = store.entries([entry_id])[entry_id]
    return (store.document_counts([entry_id]).get(entry_id), store.document_supports([entry_id]).get(entry_id),
            found.frequency, sorted((c.fr, c.document) for c in found.contexts))


def test_a_merge_reverted_gives_each_entry_back_what_its_documents_counted(store_url):
    # the revert left what the merge moved on the target (counts, frequency, the source's sentences) and gave the
    # source brought back none: the target kept counting the source's occurrences, and the source none
    with open_store(store_url, create=True) as store:
        ingest(store, "a", [proposal("prise de décision", "decision-making", 0.6, "a", frequency=2),
                            proposal("processus décisionnel", "decision process", 0.5, "a")])
        ingest(store, "b", [proposal("prise de décision", "decision-making", 0.7, "b"),
                            proposal("processus décisionnel", "decision-making process", 0.8, "b", frequency=3)])
        found = by_french(store)
        target, source = int(found["prise de décision"].id), int(found["processus décisionnel"].id)
        before = {i: evidence(store, i) for i in (target, source)}
        scores = {i: glossary.entry(store, i).score for i in (target, source)}
        merge = glossary.merge_entries(store, source, target)
        assert evidence(store, target)[2] == 7  # 3 + 4
        undone = glossary.revert(store, merge)
        assert {i: evidence(store, i) for i in (target, source)} == before
        assert {i: glossary.entry(store, i).score for i in (target, source)} == scores
        # done again by reverting the revert: the target counts both again, and back once more
        glossary.revert(store, glossary.revert(store, undone))
        assert {i: evidence(store, i) for i in (target, source)} == before
        glossary.remove_documents(store, ["b"])  # b's share goes from each entry, a's stays
        assert [row[:2] for row in store.document_counts([target])[target]] == [("a", 2)]
        assert [row[:2] for row in store.document_counts([source])[source]] == [("a", 1)]
        assert (glossary.entry(store, target).frequency, glossary.entry(store, source).frequency) == (2, 1)


def test_a_merge_reverted_after_documents_changed_gives_back_what_is_left(store_url):
    with open_store(store_url, create=True) as store:
        ingest(store, "a", [proposal("prise de décision", "decision-making", 0.6, "a", frequency=2),
                            proposal("processus décisionnel", "decision process", 0.5, "a")])
        ingest(store, "b", [proposal("processus décisionnel", "decision-making process", 0.8, "b", frequency=3)])
        found = by_french(store)
        target, source = int(found["prise de décision"].id), int(found["processus décisionnel"].id)
        merge = glossary.merge_entries(store, source, target)
        glossary.remove_documents(store, ["a"])  # gone between the merge and its revert
        # a document read after the merge counts the merged entry as it reads: that stays with the target
        ingest(store, "c", [proposal("processus décisionnel", "decision process", 0.5, "c", frequency=5)])
        glossary.revert(store, merge)
        assert [row[:2] for row in store.document_counts([target])[target]] == [("c", 5)]
        assert [row[:2] for row in store.document_counts([source])[source]] == [("b", 3)]
        assert (glossary.entry(store, target).frequency, glossary.entry(store, source).frequency) == (5, 3)
        assert {c.document for c in glossary.entry(store, source).contexts} == {"b"}
        # merged again, and reverted once no document counts either: the target has what it came with (extraction
        # made it: nothing), not the counts of documents gone; the source none of their sentences
        merge = glossary.merge_entries(store, source, target)
        glossary.remove_documents(store, ["b", "c"])
        glossary.revert(store, merge)
        assert store.document_counts([target, source]) == {}
        assert glossary.entry(store, target).frequency == 0
        assert glossary.entry(store, target).contexts == glossary.entry(store, source).contexts == []


def test_an_added_entry_a_document_counted_since_is_not_reverted_away(store_url):
    # the revert of the add took the entry out with what the document had counted of it since: the glossary lost a
    # term a stored document names, and ingesting the document again changed nothing
    with open_store(store_url, create=True) as store:
        entry_id = glossary.add_entry(store, glossary.new_entry(["prise de décision"], ["decision-making"]))
        added = store.history()[-1].id
        ingest(store, "a", [proposal("prise de décision", "decision-making", 0.6, "a", frequency=2)])
        counted = evidence(store, entry_id)
        with pytest.raises(Conflict, match=rf"entry {entry_id} has been counted by document 'a' since change {added}") as refused:
            glossary.revert(store, added)
        # the removal it advises, said on the store a front end works on (api.advised_on), as a notice's
        assert refused.value.commands == (f"tmtool glossary remove {entry_id}",)
        assert f"'tmtool --db team.db glossary remove {entry_id}' removes" in api.error_on_store(refused.value, "team.db")
        assert evidence(store, entry_id) == counted and store.change(added).reverted_by is None
        glossary.remove_documents(store, ["a"])  # no document counts it any more: the add reverts
        glossary.revert(store, added)
        assert store.entries([entry_id]) == {}


def test_an_imported_entry_a_document_counted_since_is_not_reverted_away(store_url):
    with open_store(store_url, create=True) as store:
        imported = [glossary.new_entry(["prise de décision"], ["decision-making"]),
                    glossary.new_entry(["état-major"], ["staff"])]
        glossary.import_entries(store, imported, "termes.tbx")
        change = store.history()[-1].id
        ingest(store, "a", [proposal("prise de décision", "decision-making", 0.6, "a")])
        with pytest.raises(Conflict, match="counted by document 'a' since change"):
            glossary.revert(store, change)
        assert len(store.list_entries()) == 2


def test_a_merge_reverted_gives_each_entry_back_its_own_sentences_that_cite_no_document(store_url):
    # a sentence no document gave (a termbase's, one added by hand) moved to the target with the merge and stayed
    # there after the revert: the source came back with it and the target kept it, each showing the other's sentence
    with open_store(store_url, create=True) as store:
        target = glossary.add_entry(store, Entry([Term("prise de décision", "fr"), Term("decision-making", "en")],
                                                 contexts=[Context("La prise de décision est rapide.", "It is fast.")]))
        ingest(store, "a", [proposal("prise de décision", "decision-making", 0.6, "a")])
        source = glossary.add_entry(store, Entry(
            [Term("processus décisionnel", "fr"), Term("decision process", "en")],
            contexts=[Context("Le processus décisionnel est lent.", "The decision process is slow.")]))
        before = {i: evidence(store, i) for i in (target, source)}
        glossary.revert(store, glossary.merge_entries(store, source, target))
        assert {i: evidence(store, i) for i in (target, source)} == before
        assert [c.fr for c in glossary.entry(store, source).contexts] == ["Le processus décisionnel est lent."]


# ---- a store kept up to date document by document is the store built afresh from its documents ------------


_TERMS = ["chasseur de mines", "guerre des mines", "char de combat", "espace aérien", "défense collective",
          "chaîne d'approvisionnement", "force de réaction", "patrouille maritime"]


def _version(rng, document: str, revision: int) -> tuple[list[Entry], list[Entry]]:
    """One version of a document's extraction: (under the threshold, at it), each proposal citing its own sentence."""
    near, proposals = [], []
    for fr in rng.sample(_TERMS, rng.randint(1, 4)):
        en = rng.choice([f"{fr} (en)", f"{fr} (alt)"] if rng.random() < 0.8 else [f"{fr} (other)"])
        found = proposal(fr, en, rng.choice([0.25, 0.45, 0.6, 0.8, 0.9]), document, frequency=rng.randint(1, 3),
                         confidence=rng.choice([0.5, 0.7, 0.9]))
        found.contexts[0].unit = f"{document}:{fr}:{revision}"
        found.contexts[0].fr += f" ({revision})"
        (near if found.score < 0.5 else proposals).append(found)
    return near, proposals


def _figures(store: Store) -> dict[str, tuple]:
    """Each entry's figures by its French term: status, frequency, score, the documents counting it (document
    frequency), the equivalents' support by document (translation consistency), its sentences, and its
    equivalents with their frequency and confidence."""
    entries = store.list_entries()
    ids = [int(e.id) for e in entries]
    counts, supports = store.document_counts(ids), store.document_supports(ids)
    return {e.terms[0].text: (e.status.value, e.frequency, e.score,
                              sorted((d, f, s) for d, f, _, s in counts.get(int(e.id), [])),
                              sorted(tuple(row) for row in supports.get(int(e.id), [])),
                              sorted((c.document, c.fr) for c in e.contexts),
                              [(t.lang, t.text, t.frequency, t.confidence) for t in e.terms]) for e in entries}


@pytest.mark.parametrize("seed", range(4))
def test_documents_revised_and_removed_one_by_one_leave_the_glossary_a_fresh_store_of_them_holds(store_url, tmp_path,
                                                                                                  seed):
    """Twelve documents, then each revised (another extraction) or removed at random: every entry's frequency,
    document frequency, score, equivalents' support and sentences are what a store built afresh from the
    documents as they are now holds, and so are its equivalents' frequency and confidence (they stayed those of the
    first document that proposed each, after it was revised or removed). Evidence a document kept under the threshold while no entry held its term was
    not counted once one did: an entry's documents depended on the order they came in, and a document revised after
    the entry was made counted where a fresh store did not (or the other way round)."""
    import random
    from copy import deepcopy

    rng = random.Random(seed)
    documents = {f"d{n}": _version(rng, f"d{n}", 0) for n in range(12)}
    with open_store(store_url, create=True) as store:
        for document, (near, proposals) in documents.items():
            save(store, document, deepcopy(near), deepcopy(proposals))
        for step in range(12):
            document = rng.choice(sorted(documents))
            if rng.random() < 0.2 and len(documents) > 2:
                glossary.remove_documents(store, [document])
                del documents[document]
            else:
                documents[document] = _version(rng, document, step + 1)
                save(store, document, *deepcopy(documents[document]))
        kept = _figures(store)
    with open_store(tmp_path / "fresh.db", create=True) as fresh:
        for document, (near, proposals) in sorted(documents.items(), key=lambda item: int(item[0][1:])):
            save(fresh, document, deepcopy(near), deepcopy(proposals))
        assert kept == _figures(fresh)


def _equivalents(store: Store) -> list[tuple]:
    (entry,) = store.list_entries()
    return [(t.text, t.frequency, t.confidence) for t in entry.terms if t.lang == "en"]


def test_an_equivalent_s_frequency_and_confidence_are_those_of_the_documents_still_stored(store_url):
    """*Mine warfare* was proposed by three documents: its frequency and confidence were the first's (1, 0.5), with
    the three, and still after that one was removed. They are the documents' own: summed and averaged over their
    occurrences while several give it, the remaining one's once the others are gone."""
    with open_store(store_url, create=True) as store:
        for document, frequency, confidence in (("a", 1, 0.5), ("b", 3, 0.9), ("c", 2, 0.7)):
            save(store, document, [], [proposal("guerre des mines", "mine warfare", 0.8, document,
                                                frequency=frequency, confidence=confidence)])
        assert _equivalents(store) == [("mine warfare", 6, round((0.5 + 2.7 + 1.4) / 6, 4))]
        glossary.remove_documents(store, ["a"])
        assert _equivalents(store) == [("mine warfare", 5, round((2.7 + 1.4) / 5, 4))]
        save(store, "c", [], [proposal("guerre des mines", "mine warfare", 0.8, "c", frequency=1, confidence=0.6)])
        assert _equivalents(store) == [("mine warfare", 4, 0.825)]
        glossary.remove_documents(store, ["b"])
        assert _equivalents(store) == [("mine warfare", 1, 0.6)]


def test_an_equivalent_dropped_under_the_best_s_share_comes_back_when_it_is_the_best(store_url):
    """A document translated *guerre des mines* as *mine warfare* ten times, another as *naval mine warfare* once:
    under a quarter of the best's support, it was dropped, and never came back, though the first was removed and
    the second's translation is then the only one the documents give, as a store made of it alone shows."""
    with open_store(store_url, create=True) as store:
        save(store, "a", [], [proposal("guerre des mines", "mine warfare", 0.8, "a", frequency=10)])
        save(store, "c", [], [proposal("guerre des mines", "naval mine warfare", 0.8, "c", confidence=0.7)])
        assert _equivalents(store) == [("mine warfare", 10, 0.8)]
        glossary.remove_documents(store, ["a"])
        assert _equivalents(store) == [("naval mine warfare", 1, 0.7)]
        save(store, "d", [], [proposal("guerre des mines", "mine warfare", 0.8, "d")])
        assert _equivalents(store) == [("mine warfare", 1, 0.8), ("naval mine warfare", 1, 0.7)]


def test_a_store_made_before_equivalents_figures_were_kept_keeps_them_until_extracted_again(store_url, monkeypatch):
    """A store of the release before kept each document's support for an equivalent, not its figures: upgraded, such
    rows are unknown (NULL), and the equivalent keeps the figures it has until its documents give them (a revision,
    a re-extraction), on both backends."""
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._V38)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._V26)])
    with open_store(store_url, create=True):
        pass
    monkeypatch.undo()
    with open_store(store_url) as store:
        for document, frequency in (("a", 2), ("b", 3)):
            save(store, document, [], [proposal("guerre des mines", "mine warfare", 0.8, document,
                                                frequency=frequency, confidence=0.5 if document == "a" else 0.9)])
        assert _equivalents(store) == [("mine warfare", 5, round((1.0 + 2.7) / 5, 4))]
        # a's row as the release before wrote it
        unknown = "UPDATE entry_equivalents SET frequency = NULL, weight = NULL, confidence = NULL WHERE document_id = "
        with store.transaction():
            if store_url.startswith("postgresql"):
                store._pg.execute(unknown + "%s", ("a",))
            else:
                store._conn.execute(unknown + "?", ("a",))
        glossary.remove_documents(store, ["b"])
        assert _equivalents(store) == [("mine warfare", 5, round((1.0 + 2.7) / 5, 4))]  # a's figures unknown
        save(store, "a", [], [proposal("guerre des mines", "mine warfare", 0.8, "a", frequency=2, confidence=0.5)])
        assert _equivalents(store) == [("mine warfare", 2, 0.5)]
        # extracted again as it was (glossary reextract, which writes nothing where the footprint is unchanged):
        # its figures are written, though the glossary reads as it did
        with store.transaction():
            if store_url.startswith("postgresql"):
                store._pg.execute(unknown + "%s", ("a",))
            else:
                store._conn.execute(unknown + "?", ("a",))
        before = glossary.document_footprint(store, "a")
        glossary.replace_document_terms(store, "a", {"a:1": store.document_units("a")[0].id},
                                        [proposal("guerre des mines", "mine warfare", 0.8, "a", frequency=2,
                                                  confidence=0.5)])
        assert glossary.document_footprint(store, "a") != before
        assert [row[6:] for row in store.document_supports([int(store.list_entries()[0].id)]).popitem()[1]] == [
            (2, 2.0, 0.5)]


def test_an_entry_counting_evidence_kept_before_it_was_last_seen_in_the_newest_document(store_url, monkeypatch):
    """A document kept *chaîne d'approvisionnement* under the threshold on the 1st; another proposed it on the 3rd,
    making the entry, which then counts the first's evidence too: its last_seen went back to the 1st (the kept
    evidence's, written after the proposal's), before its first_seen (the 3rd). It is first seen on the 1st and last
    on the 3rd, as an entry raised from the two documents' evidence is."""
    days = iter(datetime(2026, 12, day, 9, 0, tzinfo=timezone.utc) for day in (1, 3))
    with open_store(store_url, create=True) as store:
        for document, found in (("kept", weak("kept")), ("proposing", proposal(
                "chaîne d'approvisionnement", "supply chain", 0.8, "proposing"))):
            now = next(days)
            for clock in ("tmtool.store.sqlite.db.utcnow", "tmtool.store.postgres.store.utcnow",
                          "tmtool.glossary.utcnow"):
                monkeypatch.setattr(clock, lambda now=now: now)
            save(store, document, *(([], [found]) if document == "proposing" else (found, [])))
        (entry,) = store.list_entries()
        assert sorted(d for d, *_ in store.document_counts([int(entry.id)])[int(entry.id)]) == ["kept", "proposing"]
        assert (entry.first_seen.day, entry.last_seen.day) == (1, 3)


def test_another_pair_s_evidence_kept_by_its_english_counts_for_a_french_entry_made_after_it(store_url):
    """A German–English document kept *Militärausschuss* = *Military Committee* under the threshold; a French one
    then proposed *Comité militaire* = *Military Committee*: the French entry did not count the German document's
    evidence (kept by its English term, which the French proposal's key is not), where the two documents in the
    other order make one entry counting both. Either order now gives that entry, its figures alike."""
    def german(document: str) -> Entry:
        context = Context("Der Militärausschuss trat zusammen.", "The Military Committee met.", document,
                          f"{document}:1", lang="de")
        return Entry(terms=[Term("Military Committee", "en"),
                            Term("Militärausschuss", "de", confidence=0.8, frequency=1, contexts=[context])],
                     frequency=1, score=0.25, contexts=[context])

    def save_pair(store: Store, document: str) -> None:
        found = german(document) if document == "g" else proposal("Comité militaire", "Military Committee", 0.8, "f")
        source = "de-DE" if document == "g" else "fr-FR"
        units = [Unit(c.fr, c.en, source, "en-GB", tuid=c.unit) for c in found.contexts]
        record = DocumentRecord(document, f"{document}.{source[:2]}.txt", f"{document}.en.txt", document, document,
                                source, "en-GB")
        glossary.save_document(store, record, units, *(([], [found]) if document == "g" else ([found], [])))

    def figures(order: str) -> list:
        with open_store(store_url, create=True) as store:
            for document in order:
                save_pair(store, document)
            entries = store.list_entries()
            counts = store.document_counts([int(e.id) for e in entries])
            shown = sorted((sorted((t.lang, t.text) for t in e.terms), e.frequency, e.score,
                            sorted(d for d, *_ in counts.get(int(e.id), []))) for e in entries)
            for document in order:
                glossary.remove_documents(store, [document])
            for entry in store.list_entries():
                store.delete_entry(int(entry.id))
            return shown

    assert figures("fg") == [([("de", "Militärausschuss"), ("en", "Military Committee"),
                               ("fr", "Comité militaire")], 2, pytest.approx(1.3545), ["f", "g"])]
    assert figures("gf") == figures("fg")
