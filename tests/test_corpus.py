"""A document ingested into a store is ranked in the domain the store's documents make (store/corpus.py,
terms.extract.analyse_french's corpus): the words and candidates of every stored document, counted
across the store as documents arrive, are replaced and are removed — on every backend."""

from collections import Counter

from tmtool import glossary
from tmtool.ingest import ingest_pair
from tmtool.model import Context, Unit
from tmtool.store import DocumentRecord, Store, open_store
from tmtool.terms.extract import Held, analyse_french

# a text about a gearbox overhaul, and the store's others about a wind farm
GEARBOX = ("La révision de la boîte de vitesses dure deux jours. La boîte de vitesses est changée tous les "
           "cinq ans. Une boîte de vitesses neuve coûte cher. Le parc éolien reste ouvert pendant les travaux.")
WIND_FARM = ("Le parc éolien produit de l'électricité. Le parc éolien compte dix machines. Chaque machine du "
             "parc éolien est suivie par une équipe. Les riverains visitent le parc éolien.")


def sentences(document: str, text: str) -> list[Context]:
    return [Context(s.strip(" .") + ".", "", document, f"{document}:{n}") for n, s in enumerate(text.split(". "))]


def analysed(store: Store, document: str, text: str):
    """The text analysed as ingest analyses a document, against the store's documents."""
    return analyse_french(sentences(document, text), corpus=lambda words, keys: Held(
        *store.corpus_counts(words, keys, exclude_document=document)))


def save(store: Store, document: str, text: str, words: dict | None = None, terms: dict | None = None) -> None:
    """Store a French text as ingest stores a document, with its counts (given, or its analysis')."""
    if words is None:
        analysis = analysed(store, document, text)
        words, terms = analysis.words, {key: c.frequency for key, c in analysis.candidates.items()}
    units = [Unit(c.fr, "", "fr-FR", "en-GB", tuid=c.unit) for c in sentences(document, text)]
    record = DocumentRecord(document, f"{document}.fr.txt", f"{document}.en.txt", text, document, "fr-FR", "en-GB")
    glossary.save_document(store, record, units, [], (), (words, terms))


def test_a_document_is_ranked_in_the_domain_its_store_holds(store_url):
    with open_store(store_url, create=True) as store:
        alone = analysed(store, "gearbox", GEARBOX).scores
        for number in range(5):
            save(store, f"wind-{number}", WIND_FARM)
        among = analysed(store, "gearbox", GEARBOX).scores
    # the phrase only this text uses is less specific of a domain that has five other texts
    assert among["boîte de vitesses"] < alone["boîte de vitesses"]
    # the word the domain uses throughout is more of a term of it than this one text shows
    assert among["parc"] > alone["parc"]


def test_the_counts_follow_the_documents(store_url):
    with open_store(store_url, create=True) as store:
        save(store, "a", "", {"navire": 2, "port": 1}, {"navire": 2, "port": 1})
        save(store, "b", "", {"navire": 1, "mine": 3}, {"navire": 1, "guerre des mines": 2})
        expected = ({"navire": 3, "port": 1, "mine": 3}, 7,
                    {"navire": (3, 2), "port": (1, 1), "guerre des mines": (2, 1)})
        words, terms = ["navire", "port", "mine", "quai"], ["navire", "port", "guerre des mines", "quai"]
        assert store.corpus_counts(words, terms) == expected
        # ingest weighs a revised document against the store without its earlier version
        assert store.corpus_counts(words, terms, exclude_document="b") == ({"navire": 2, "port": 1}, 3,
                                                                           {"navire": (2, 1), "port": (1, 1)})
        save(store, "b", "", {"navire": 1, "mine": 3}, {"navire": 1, "guerre des mines": 2})  # again: nothing changes
        assert store.corpus_counts(words, terms) == expected
        save(store, "b", "", {"quai": 4}, {"quai": 4})  # revised: its earlier counts go
        assert store.corpus_counts(words, terms) == ({"navire": 2, "port": 1, "quai": 4}, 7,
                                                     {"navire": (2, 1), "port": (1, 1), "quai": (4, 1)})
        glossary.remove_documents(store, ["a"])
        assert store.corpus_counts(words, terms) == ({"quai": 4}, 4, {"quai": (4, 1)})
        glossary.remove_documents(store, ["b"])
        assert store.corpus_counts(words, terms) == ({}, 0, {})


def test_ingest_counts_each_document_once(store_url, tmp_path):
    def ingest(name: str, fr: str, en: str) -> None:
        (tmp_path / f"{name}.fr.txt").write_text(fr, encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text(en, encoding="utf-8")
        ingest_pair(store, tmp_path / f"{name}.fr.txt", tmp_path / f"{name}.en.txt")

    english = "The wind farm makes electricity. It has ten machines. A team follows each. People visit it."
    with open_store(store_url, create=True) as store:
        ingest("farm", WIND_FARM, english)
        words, terms = list(analysed(store, "x", WIND_FARM).words), ["parc", "machine", "boîte de vitesses"]
        once = store.corpus_counts(words, terms)
        assert once[0]["parc"] == 4 and once[1] == Counter(analysed(store, "x", WIND_FARM).words).total()
        ingest("farm", WIND_FARM, english)  # the same pair again
        assert store.corpus_counts(words, terms) == once
        ingest("farm", GEARBOX, "The gearbox overhaul takes two days. It is changed every five years. "
                                "A new one is dear. The wind farm stays open.")
        revised = store.corpus_counts(words, terms)
        assert revised[0]["parc"] == 1 and revised[2]["boîte de vitesses"] == (3, 1)
