"""English originals translated into French (NATO writes in both directions): ingested en→fr, a pair
gives the glossary what its fr→en mirror gives — French terms from the French side, its target here,
English equivalents from the English side, contexts quoting the stored units — and its evidence adds
up with that of French originals in the same entries."""

import shutil

import pytest
from click.testing import CliRunner

from conftest import SEED_EN, SEED_FR, SHARED
from test_ingest import REPORTS
from tmtool import api
from tmtool.cli import main
from tmtool.ingest import extracts_terms, ingest_pair
from tmtool.model import entry_to_dict
from tmtool.store import open_store

TERMS = SHARED / "data" / "terms"
# two NATO pairs that share a term (OTAN = NATO), each also with terms of its own
CIED = TERMS / "c-ied-centre-of-excellence" / "c-ied-centre-of-excellence"
CYBER = TERMS / "defence-ministers-cyber" / "defence-ministers-cyber"
SEED = "2021-07-13-partners-meeting"


def glossary_of(store) -> list[dict]:
    """Every entry as extraction left it — terms, counts, score, contexts — but when it was seen and
    how many writes it took."""
    return [{key: value for key, value in entry_to_dict(entry).items() if key not in ("first_seen", "last_seen", "version")}
            for entry in store.list_entries()]


def documents_counting(store, entry) -> set[str]:
    return {document for document, *_ in store.document_counts([int(entry.id)])[int(entry.id)]}


def test_an_english_original_gives_the_entries_of_its_french_mirror(tmp_path):
    """The seed pair ingested as an English original (en→fr) and as a French original (fr→en)."""
    with open_store(tmp_path / "en-fr.db", create=True) as english, open_store(tmp_path / "fr-en.db", create=True) as french:
        result = ingest_pair(english, SEED_EN, SEED_FR, srclang="en-US", tgtlang="fr-CA")
        ingest_pair(french, SEED_FR, SEED_EN)
        assert result.document_id == SEED and result.new_entries == english.stats()["entries"] > 20
        assert glossary_of(english) == glossary_of(french)
        [ims] = [entry for entry in english.list_entries() if "IMS" in {t.text for t in entry.terms_in("en")}]
        assert [(t.text, t.term_type.value) for t in ims.terms_in("fr")] == [
            ("État-major militaire international", "fullForm"), ("EMI", "acronym")]
        assert {t.text for t in ims.terms_in("en")} == {"IMS", "International Military Staff"}
        # a context quotes a stored unit by its tuid: the unit's target is the French sentence
        units = {unit.tuid: unit for unit in english.units()}
        assert ims.contexts and all("État-major militaire international" in c.fr or "EMI" in c.fr for c in ims.contexts)
        for context in ims.contexts:
            unit = units[context.unit]
            assert (unit.srclang, unit.tgtlang) == ("en-US", "fr-CA")
            assert (context.fr, context.en, context.document) == (unit.target, unit.source, SEED)
        # ingested again, it changes nothing, nor does the same pair read the other way round
        before = glossary_of(english), english.stats()
        assert ingest_pair(english, SEED_EN, SEED_FR, srclang="en-US", tgtlang="fr-CA").held_by == SEED
        shutil.copy(SEED_FR, tmp_path / "copy.fr.txt")
        assert ingest_pair(english, tmp_path / "copy.fr.txt", SEED_EN).held_by == SEED
        assert (glossary_of(english), english.stats()) == before


def test_french_and_english_originals_add_up_in_one_entry_and_are_taken_out_alike(tmp_path):
    """An English original is weighed against the reviewed glossary and the French originals' memory,
    and a later document against its units, as if it were a French original; removing it takes its
    evidence back as it would theirs. Two stores see the same documents, one with an English original."""
    with open_store(tmp_path / "mixed.db", create=True) as mixed, open_store(tmp_path / "fr.db", create=True) as french:
        for store in (mixed, french):
            api.ingest(store, f"{CYBER}.fr.txt", f"{CYBER}.en.txt")
            api.approve(store, [entry.id for entry in store.list_entries()[:8]])  # the aligner's lexicon
        done = api.ingest(mixed, f"{CIED}.en.txt", f"{CIED}.fr.txt", srclang="en", tgtlang="fr")
        api.ingest(french, f"{CIED}.fr.txt", f"{CIED}.en.txt")
        for store in (mixed, french):
            api.ingest(store, SEED_FR, SEED_EN)
        assert done["new_entries"] > 10 and done["updated_entries"] > 0
        [nato] = [entry for entry in mixed.list_entries() if [t.text for t in entry.terms] == ["OTAN", "NATO"]]
        assert documents_counting(mixed, nato) == {CYBER.name, CIED.name, SEED}
        assert {(c.document, "OTAN" in c.fr, "NATO" in c.en) for c in nato.contexts} == {
            (CYBER.name, True, True), (CIED.name, True, True), (SEED, True, True)}
        assert glossary_of(mixed) == glossary_of(french)

        for store in (mixed, french):
            api.remove(store, documents=[CIED.name])
        assert documents_counting(mixed, nato) == {CYBER.name, SEED}
        assert glossary_of(mixed) == glossary_of(french)
        assert not [c for entry in mixed.list_entries() for c in entry.contexts if c.document == CIED.name]


def test_evidence_kept_from_an_english_original_adds_up_with_french_originals(tmp_path):
    """A term each document scores under the threshold becomes an entry once two of them use it
    (see test_ingest): an English original's evidence counts, and the entry quotes its French."""
    with open_store(tmp_path / "s.db", create=True) as store:
        for name, (fr, en) in REPORTS.items():
            (tmp_path / f"{name}.fr.txt").write_text(fr, encoding="utf-8")
            (tmp_path / f"{name}.en.txt").write_text(en, encoding="utf-8")
            if name == "a":  # the first, whose evidence is kept until the others raise it
                ingest_pair(store, tmp_path / "a.en.txt", tmp_path / "a.fr.txt", srclang="en", tgtlang="fr")
            else:
                ingest_pair(store, tmp_path / f"{name}.fr.txt", tmp_path / f"{name}.en.txt")
        counts = {int(entry.id): store.document_counts([int(entry.id)])[int(entry.id)] for entry in store.list_entries()}
        raised = [entry for entry in store.list_entries() if "a" in {document for document, *_ in counts[int(entry.id)]}
                  and all(score < 0.5 for *_, score in counts[int(entry.id)])]
        assert raised and all(entry.score >= 0.5 and entry.terms_in("en") for entry in raised)
        quoted = {(c.fr, c.en) for entry in raised for c in entry.contexts if c.document == "a"}
        french, english = (text.splitlines() for text in REPORTS["a"])
        assert quoted and quoted <= set(zip(french, english))


def test_an_inbox_of_english_originals_is_ingested_with_its_terms(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_EN, inbox / "meeting.en.txt")
    shutil.copy(SEED_FR, inbox / "meeting.fr.txt")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", "--dir", str(inbox),
                                       "--srclang", "en", "--tgtlang", "fr"])
    assert result.exit_code == 0 and result.stderr == ""  # no note: terms are extracted
    with open_store(tmp_path / "t.db") as store:
        [(document, _)] = store.documents()
        entries = store.stats()["entries"]
    assert (document.id, document.srclang, document.tgtlang) == ("meeting", "en", "fr") and entries > 20
    assert result.stdout == (f"1 document ingested, 0 already stored, 0 failed; 19 new units, {entries} new entries,"
                             " 0 updated entries\n")


@pytest.mark.parametrize("srclang, tgtlang, extracted", [
    ("fr-FR", "en-GB", True), ("en", "fr", True), ("en-US", "fr-CA", True), ("EN_us", "fre", True),
    ("de", "fr", False), ("fr", "de", False), ("en", "de", True), ("es", "en", True), ("zh", "en", False),
    ("en", "ja", False)])
def test_terms_are_extracted_from_french_english_pairs_either_way(srclang, tgtlang, extracted):
    """And from a pair of English and another language written with spaces between words (``terms.pivot``)."""
    assert extracts_terms(srclang, tgtlang) is extracted
