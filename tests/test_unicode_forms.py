"""One text in Unicode's two forms: decomposed (NFD: *e* then a combining acute, as macOS gives a file
name and some PDFs and editors give their text) and composed (NFC: *é*, as most keyboards type it). They
show the same, so they are the same text to the user: looked up, searched, read from a document or
detected as a duplicate, each finds the other, in both directions and on both backends. Compatibility forms
(full-width letters, ligatures, superscripts) are other characters: found as folded, never as exact."""

from __future__ import annotations

import unicodedata

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from workbench import client

from tmtool import api, glossary
from tmtool.cli import main
from tmtool.lookup import lookup
from tmtool.model import Entry, ReviewStatus, Term, Unit
from tmtool.store import open_store
from tmtool.text.readers import read_document


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


TERM = "Comité de sécurité européenne"
SENTENCE = "La réunion du Comité de sécurité européenne a été décisive pour l’élargissement."
# (form the store holds, form the user types)
FORMS = pytest.mark.parametrize("held, typed", [(nfc, nfd), (nfd, nfc)], ids=["nfc-held-nfd-typed", "nfd-held-nfc-typed"])


def fill(store, held) -> None:
    glossary.import_entries(store, [
        Entry(terms=[Term(held(TERM), "fr"), Term("European Security Committee", "en")], status=ReviewStatus.APPROVED),
        Entry(terms=[Term(held("élargissement"), "fr"), Term("enlargement", "en")], status=ReviewStatus.APPROVED),
    ], "test")
    store.add_units([Unit(source=held(SENTENCE), target="The European Security Committee's meeting was decisive "
                          "for enlargement.", srclang="fr-FR", tgtlang="en-GB")], "memory.tmx")


@pytest.fixture
def held_store(store_url, request):
    held = request.node.callspec.params["held"]
    with open_store(store_url, create=True) as store:
        fill(store, held)
        yield store


def found(store, query):
    return [(nfc(hit.entry.terms[0].text), hit.match) for hit in lookup(store, query)]


@FORMS
def test_a_term_is_found_in_either_form_as_exactly_the_term(held_store, held, typed):
    # an NFD query of an NFC term was "folded", not "exact" (and the other way round)
    assert found(held_store, typed(TERM))[0] == (TERM, "exact")
    assert found(held_store, typed("Comités de sécurité européenne"))[0] == (TERM, "lemma")
    assert found(held_store, typed("Comité de sécu")) == [(TERM, "prefix")]
    assert found(held_store, typed("élargisement")) == [("élargissement", "fuzzy")]


@FORMS
def test_the_memory_is_found_and_searched_in_either_form(held_store, held, typed):
    answer = api.lookup(held_store, typed("réunion du Comité"))
    assert [nfc(unit["source"]) for unit in answer["memory"]] == [SENTENCE] and answer["memory_count"] == 1
    assert [nfc(unit["source"]) for unit in api.concordance(held_store, typed("décisive pour"))] == [SENTENCE]
    assert [match["score"] for match in api.search(held_store, typed(SENTENCE))] == [100.0]
    assert [nfc(e["terms"][0]["text"]) for e in api.entries(held_store, text=typed("sécurité europ"))] == [TERM]


@FORMS
def test_a_duplicate_in_the_other_form_is_detected(held_store, held, typed):
    # importing the same entry typed in the other form adds nothing
    imported = glossary.import_entries(held_store, [Entry(terms=[Term(typed(TERM), "fr"),
                                                                 Term("European Security Committee", "en")])], "again")
    assert (imported.added, imported.already_stored) == (0, 1)
    # glossary add: the entry holding the term in the other form is named
    added = api.add_entry(held_store, [typed("élargissement")], ["widening"])
    assert [nfc(text) for texts in api.entries_sharing_terms(held_store, added["id"]).values() for text in texts] \
        == ["élargissement"]


@FORMS
def test_a_translation_is_checked_against_the_glossary_in_either_form(held_store, held, typed, tmp_path):
    # an accent typed apart cut a word in two: a check of an NFD memory against an NFC glossary (or the other
    # way round) found no term, so reported nothing
    memory = tmp_path / "memory.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1"'
        ' segtype="sentence" o-tmf="t" adminlang="en" srclang="fr-FR" datatype="plaintext"/><body>'
        f'<tu><tuv xml:lang="fr-FR"><seg>{typed(SENTENCE)}</seg></tuv>'
        '<tuv xml:lang="en-GB"><seg>The board met and decided on enlargement.</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    findings = api.check(held_store, memory)["findings"]
    assert [(finding["kind"], nfc(finding["term"])) for finding in findings] == [("missing", TERM)]


def test_one_term_given_in_both_forms_in_a_row_is_one_term(tmp_path):
    # a spreadsheet's cell and the next holding the same term, one typed on a Mac: two terms were stored
    with open_store(tmp_path / "t.db", create=True) as store:
        glossary.import_entries(store, [Entry(terms=[Term(nfc("défense"), "fr"), Term(nfd("défense"), "fr"),
                                                     Term("defence", "en")])], "sheet.csv")
        (entry,) = api.entries(store)
        assert [term["text"] for term in entry["terms"]] == [nfc("défense"), "defence"]


def test_stored_text_keeps_the_form_it_came_in(tmp_path):
    # what an imported file gives is written back as it came: an export gives the file's bytes again
    with open_store(tmp_path / "t.db", create=True) as store:
        fill(store, nfd)
        assert api.lookup(store, TERM)["entries"][0]["terms"][0]["text"] == nfd(TERM)
        assert next(store.units()).source == nfd(SENTENCE)


def test_compatibility_forms_are_folded_never_exact(tmp_path):
    # full-width letters (a Japanese keyboard's) and a ligature find the term as folded, as a case or an
    # accent does; a superscript likewise (km2 finds km²); none is the term itself
    with open_store(tmp_path / "t.db", create=True) as store:
        glossary.import_entries(store, [Entry(terms=[Term("NATO", "en")]), Entry(terms=[Term("fiabilité", "fr")]),
                                        Entry(terms=[Term("km²", "fr")])], "test")
        assert found(store, "ＮＡＴＯ") == [("NATO", "folded")]
        assert found(store, "ﬁabilité") == [("fiabilité", "folded")]
        assert found(store, "km2") == [("km²", "folded")]
        assert found(store, "km²") == [("km²", "exact")]
        # stored as typed, not in its compatibility form
        api.add_entry(store, ["ﬁbre"], ["fibre"])
        assert api.lookup(store, "fibre")["entries"][0]["terms"][0]["text"] == "ﬁbre"


def test_a_document_read_in_nfd_is_read_as_it_shows(tmp_path):
    # a document saved on a Mac in NFD was read as typed: term extraction saw "se" + U+0301 + "curite" and
    # proposed far fewer terms (18 of the 44 the same document in NFC gives); it is read composed
    path = tmp_path / "rapport.fr.txt"
    path.write_text(nfd(SENTENCE) + "\n", encoding="utf-8")
    assert read_document(path).paragraphs == (SENTENCE,)


def test_a_document_pair_in_nfd_gives_the_terms_and_units_of_the_same_pair_in_nfc(tmp_path):
    french = ("Le Comité de sécurité européenne s’est réuni à Bruxelles. Le Comité de sécurité européenne a "
              "examiné l’élargissement de la coopération maritime. La coopération maritime reste une priorité.")
    english = ("The European Security Committee met in Brussels. The European Security Committee examined the "
               "enlargement of maritime cooperation. Maritime cooperation remains a priority.")
    results = []
    for form in (nfc, nfd):
        folder = tmp_path / form.__name__
        folder.mkdir()
        (folder / "note.fr.txt").write_text(form(french), encoding="utf-8")
        (folder / "note.en.txt").write_text(english, encoding="utf-8")
        with open_store(folder / "t.db", create=True) as store:
            api.ingest(store, folder / "note.fr.txt", folder / "note.en.txt")
            results.append(([e["terms"][0]["text"] for e in api.entries(store, limit=100)],
                            [unit.source for unit in store.units()]))
    assert results[0] == results[1] and results[0][0]


def test_the_command_line_and_the_http_api_find_a_term_typed_in_either_form(tmp_path):
    db = str(tmp_path / "t.db")
    with open_store(db, create=True) as store:
        fill(store, nfc)
    shown = CliRunner().invoke(main, ["--db", db, "lookup", nfd(TERM), "--json"])
    assert shown.exit_code == 0, shown.output
    assert '"match": "exact"' in shown.output
    http, _ = client(db)
    assert http.get("/api/lookup", params={"q": nfd(TERM)}).json()["entries"][0]["match"] == "exact"
    assert http.get("/api/lookup", params={"q": nfd("réunion du Comité")}).json()["memory"]
    assert http.get("/api/search", params={"q": nfd(SENTENCE)}).json()["matches"][0]["score"] == 100.0


_LETTERS = st.sampled_from(list("aeiouncyzAEIOU -'") + list(nfc("éèêëàâäîïôöùûüçñÉÈÀÇœệǘὧåÅ")))


@settings(max_examples=60, deadline=None)
@given(st.text(_LETTERS, min_size=1, max_size=24))
def test_a_look_up_finds_the_same_in_either_form(shared_store, text):
    if not text.strip(" -'"):
        return
    assert [(h.entry.id, h.match) for h in lookup(shared_store, nfd(text))] == \
        [(h.entry.id, h.match) for h in lookup(shared_store, nfc(text))]


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("forms") / "t.db", create=True) as store:
        fill(store, nfd)
        glossary.import_entries(store, [Entry(terms=[Term(nfc(text), "fr")]) for text in (
            "été", "État-major", "Noël", "çà", "où", "œuvre", "ñandú", "égalité")], "more")
        yield store
