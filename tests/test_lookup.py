"""Glossary look-up: every way a translator may type a term, and a light import path."""

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import written_today

from tmtool import glossary
from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.lookup import lookup
from tmtool.model import Context, Entry, ReviewStatus, Term, TermType
from tmtool.store import open_store


def entry(fr, en, *, status=ReviewStatus.APPROVED, acronyms=(), context=None):
    terms = [Term(fr, "fr"), Term(en, "en")]
    terms += [Term(text, lang, term_type=TermType.ACRONYM) for lang, text in acronyms]
    return Entry(terms=terms, status=status, contexts=[context] if context else [])


@pytest.fixture
def store(store_url):
    with open_store(store_url, create=True) as opened:
        glossary.import_entries(opened, [
            entry("État-major militaire international", "International Military Staff",
                  acronyms=[("fr", "EMI"), ("en", "IMS")],
                  context=Context("Le directeur général de l’État-major militaire international (EMI).",
                                  "The Director General of the International Military Staff (IMS).")),
            entry("Comité militaire", "Military Committee"),
            entry("état-major", "staff", status=ReviewStatus.CANDIDATE),
            entry("Division Sécurité coopérative", "Cooperative Security Division"),
            entry("pays partenaire", "partner country", status=ReviewStatus.REJECTED),
            entry("pays partenaire", "partner nation", status=ReviewStatus.CANDIDATE),
            Entry(terms=[Term("engin explosif improvisé", "fr", forms=["engins explosifs improvisés"]),
                         Term("improvised explosive device", "en")]),
            entry("général", "general"),
            Entry(terms=[Term("œil", "fr", forms=["yeux"]), Term("eye", "en")]),
        ], "test")
        yield opened


def found(store, query, **options):
    return [(hit.entry.terms[0].text, hit.match) for hit in lookup(store, query, **options)]


def test_exact_and_case_accent_insensitive(store):
    assert found(store, "Comité militaire")[0] == ("Comité militaire", "exact")
    assert found(store, "etat-major")[0] == ("état-major", "folded")
    assert found(store, "ÉTAT-MAJOR MILITAIRE INTERNATIONAL")[0] == ("État-major militaire international", "folded")


def test_a_hyphen_typed_as_a_space_or_a_space_as_a_hyphen_finds_the_term(store):
    assert found(store, "etat major")[0] == ("état-major", "folded")
    assert found(store, "État major militaire international")[0] == ("État-major militaire international", "folded")
    assert found(store, "Comité-militaire")[0] == ("Comité militaire", "folded")
    assert found(store, "états majors")[0] == ("état-major", "lemma")  # and a plural so typed


def test_the_start_of_a_term_is_found_with_its_hyphens_typed_either_way(store):
    # the prefix was searched as typed only: "etat major mil" found nothing, "etat-major mil" the entry
    assert found(store, "etat major mil") == [("État-major militaire international", "prefix")]
    assert found(store, "Division-Sécu") == [("Division Sécurité coopérative", "prefix")]


def test_a_term_copied_with_its_elided_article_is_found(store):
    # selected in a sentence, "l’État-major militaire international" was only a fuzzy neighbour of the term
    # (and "d’EMI" nothing at all)
    assert found(store, "l’État-major militaire international")[0] == ("État-major militaire international", "folded")
    assert found(store, "L'ETAT MAJOR")[0] == ("état-major", "folded")
    assert found(store, "d’EMI")[0] == ("État-major militaire international", "folded")
    assert found(store, "d’états-majors")[0] == ("état-major", "lemma")
    assert found(store, "l’") == []


def test_a_term_copied_with_its_article_quotes_or_full_stop_or_an_acronym_typed_with_dots_is_found(store):
    # "le Comité militaire" was "No glossary entry" and a fuzzy neighbour; "E.M.I." found nothing at all
    assert found(store, "le Comité militaire")[0] == ("Comité militaire", "folded")
    assert found(store, "du Comité militaire")[0] == ("Comité militaire", "folded")
    assert found(store, "the Military Committee")[0] == ("Comité militaire", "folded")
    assert found(store, "the Military Committees")[0] == ("Comité militaire", "lemma")
    assert found(store, "de l’État-major militaire international")[0] == ("État-major militaire international", "folded")
    assert found(store, "E.M.I.")[0] == ("État-major militaire international", "folded")
    assert found(store, "i.m.s")[0] == ("État-major militaire international", "folded")
    assert found(store, "le") == found(store, "the") == []  # an article alone is no term
    # between quotes, or with the sentence's punctuation after it ("Comité militaire." was a 97% fuzzy neighbour)
    assert found(store, "Comité militaire.")[0] == ("Comité militaire", "folded")
    assert found(store, "« Comité militaire »")[0] == ("Comité militaire", "folded")
    assert found(store, "“Military Committees”,")[0] == ("Comité militaire", "lemma")


def test_an_english_term_copied_with_its_possessive_is_found(store):
    # "NATO's" selected in "Collective defence remains NATO's core task" found no entry (the memory's units only), and
    # "the Military Committee's" a fuzzy neighbour at best, where the French "de l'OTAN" and "du Comité militaire" are
    # the term
    glossary.import_entries(store, [entry("OTAN", "NATO"), entry("Allié", "Ally")], "test")
    assert found(store, "NATO's")[0] == ("OTAN", "folded")
    assert found(store, "NATO’s")[0] == ("OTAN", "folded")
    assert found(store, "the Military Committee’s")[0] == ("Comité militaire", "folded")
    assert found(store, "IMS'")[0] == ("État-major militaire international", "folded")
    assert found(store, "Allies'")[0] == ("Allié", "lemma")
    assert found(store, "“the Military Committee's”")[0] == ("Comité militaire", "folded")


def test_a_term_the_query_is_whole_with_its_article_comes_before_one_it_holds_an_article_over(store):
    # "la défense" listed défense before La Défense (the business district): both matched once the query's article
    # was read as one a term was copied with, and the approved défense outranked the candidate
    glossary.import_entries(store, [entry("défense", "defence"),
                                    entry("La Défense", "La Défense", status=ReviewStatus.CANDIDATE)], "test")
    assert found(store, "la défense")[:2] == [("La Défense", "folded"), ("défense", "folded")]
    assert found(store, "« La Défense »")[0] == ("La Défense", "folded")
    assert found(store, "défense")[0] == ("défense", "exact")


def test_plural_finds_the_lemma(store):
    assert found(store, "Comités militaires")[0] == ("Comité militaire", "lemma")
    assert found(store, "engins explosifs improvisés")[0] == ("engin explosif improvisé", "lemma")
    assert found(store, "Généraux")[0] == ("général", "lemma")  # -aux plural, by rule
    assert found(store, "yeux")[0] == ("œil", "lemma")  # an irregular form, from the forms seen
    assert found(store, "partner countries", lang="en")[0] == ("pays partenaire", "lemma")


def test_acronyms_in_either_language(store):
    for query in ("IMS", "EMI", "ims"):
        hits = lookup(store, query)
        assert hits[0].entry.terms[0].text == "État-major militaire international"
        assert {t.text for t in hits[0].entry.terms} >= {"EMI", "IMS", "International Military Staff"}
    # derived from the initials of a full form when no acronym term is stored
    assert found(store, "DSC")[0] == ("Division Sécurité coopérative", "acronym")


def test_prefix_and_fuzzy(store):
    assert found(store, "Division Sécu")[0] == ("Division Sécurité coopérative", "prefix")
    hits = lookup(store, "Comite militiare")
    assert (hits[0].entry.terms[0].text, hits[0].match) == ("Comité militaire", "fuzzy")
    assert 80 <= hits[0].similarity < 100


@pytest.mark.parametrize("slip, term", [("otn", "OTAN"), ("mies", "mines"), ("mairne", "marine")])
def test_a_slip_that_takes_every_trigram_of_a_short_term_finds_it_on_either_backend(store_url, slip, term):
    """One slip leaves a short word none of its trigrams; PostgreSQL's padded trigrams found these
    and SQLite's trigram index nothing, so a look-up answered one way on a team's store and another on
    a translator's own."""
    with open_store(store_url, create=True) as fresh:
        glossary.import_entries(fresh, [entry("OTAN", "NATO"), entry("mines", "mines"), entry("marine", "navy"),
                                        entry("mission", "mission")], "test")
        assert found(fresh, slip) == [(term, "fuzzy")]


def test_language_filter_and_status_ranking(store):
    assert found(store, "staff", lang="fr") == []
    assert [hit.entry.status for hit in lookup(store, "pays partenaire")] == [
        ReviewStatus.CANDIDATE, ReviewStatus.REJECTED]  # approved first, then candidate, rejected last


def test_nothing_found_and_bad_queries(store, tmp_path):
    assert lookup(store, "sous-marin nucléaire") == []
    with pytest.raises(TmtoolError):
        lookup(store, "  ")
    with pytest.raises(TmtoolError, match="unknown language 'french'"):
        lookup(store, "OTAN", lang="french")


def test_cli_shows_both_languages_status_and_context(store):
    result = CliRunner().invoke(main, ["--db", store.path, "lookup", "IMS"])
    assert result.exit_code == 0
    assert "État-major militaire international · EMI  =  International Military Staff · IMS" in result.output
    assert "approved" in result.output and "Le directeur général" in result.output
    missing = CliRunner().invoke(main, ["--db", store.path, "lookup", "sous-marin"])
    assert missing.exit_code == 1
    assert missing.output == "No glossary entry for 'sous-marin', and no unit of the memory holds it.\n"


def test_lookup_imports_nothing_heavy(store):
    """spaCy, translate-toolkit, lxml, the aligner and the extractor stay out of the look-up path."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "tmtool.cli", "--db", store.path,
                          "lookup", "Comités militaires"], capture_output=True, text=True, check=True)
    assert "Comité militaire" in run.stdout
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "tmtool.lookup" in imported
    heavy = {name for name in imported
             if name.split(".")[0] in {"spacy", "translate", "lxml", "numpy", "docx", "polib", "wordfreq"}
             or name.startswith(("tmtool.align", "tmtool.terms", "tmtool.text.", "tmtool.formats"))}
    # of text/, only the folding (standard library alone) is on the look-up path
    assert heavy == {"tmtool.text.normalize"}


@pytest.mark.parametrize("dictionary", [True, False])
def test_a_german_look_up_in_en_imports_no_extractor(tmp_path, dictionary):
    """A German word in -en (most plurals, every infinitive) has its readings weighed by ``terms.nouns`` where they
    find a term: that module alone is imported, not the extractor's (numpy, the lexicons: 0.17 s of CPU a look-up);
    wordfreq only where no German dictionary is installed, which it stands in for (0.7 s)."""
    db, folder = tmp_path / "t.db", tmp_path / "hunspell"
    folder.mkdir()
    if dictionary:
        (folder / "de_DE.aff").write_text("SET UTF-8\nFLAG long\n", encoding="utf-8")
        (folder / "de_DE.dic").write_text("2\nKarte\nThema\n", encoding="utf-8")
    env = {**os.environ, "TMTOOL_HUNSPELL_DIR": str(folder)}
    subprocess.run([sys.executable, "-m", "tmtool.cli", "--db", str(db), "glossary", "add", "--term", "de=Thema",
                    "--term", "en=topic", "--status", "approved"], env=env, capture_output=True, check=True)
    for query, found in (("Kosten", False), ("Themen", True)):
        run = subprocess.run([sys.executable, "-X", "importtime", "-m", "tmtool.cli", "--db", str(db), "lookup", query],
                             env=env, capture_output=True, text=True)
        assert ("de: Thema" in run.stdout) == found, run.stdout + run.stderr
        imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
        assert ("tmtool.terms.nouns" in imported) == found
        heavy = {name.split(".")[0] for name in imported if name.split(".")[0] in {"spacy", "numpy", "wordfreq"}} | {
            name for name in imported if name.startswith("tmtool.terms.") and name != "tmtool.terms.nouns"}
        assert heavy == ({"wordfreq"} if found and not dictionary else set()), query


# a client's glossary as spreadsheets write it: each term with its acronym in the same cell
CLIENT_CSV = """fr,en
produit intérieur brut (PIB),gross domestic product (GDP)
Organisation du traité de l'Atlantique Nord (OTAN),North Atlantic Treaty Organization (NATO)
force de réaction rapide (TGV),rapid response force (XYZ)
"""


def test_a_term_written_with_its_acronym_is_found_by_the_acronym(store_url, tmp_path):
    csv, exported = tmp_path / "client.csv", tmp_path / "out.csv"
    csv.write_text(CLIENT_CSV, encoding="utf-8")
    assert CliRunner().invoke(main, ["--db", store_url, "import", str(csv)]).exit_code == 0
    with open_store(store_url) as opened:
        for query in ("PIB", "GDP", "pib", "OTAN", "NATO"):
            hits = lookup(opened, query)
            assert [(hit.match, hit.entry.terms[0].text) for hit in hits][:1] == [
                ("acronym", "produit intérieur brut (PIB)" if query.lower() in ("pib", "gdp")
                 else "Organisation du traité de l'Atlantique Nord (OTAN)")]
        # letters that spell nothing of the full form are no acronym of it
        assert [hit.match for hit in lookup(opened, "TGV")] == []
    # the terms as the client wrote them, parentheses and all
    result = CliRunner().invoke(main, ["--db", store_url, "export", "--status", "all", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    assert "produit intérieur brut (PIB),gross domestic product (GDP)" in exported.read_text(encoding="utf-8-sig")


def test_a_store_made_before_written_acronyms_were_keyed_finds_them_once_upgraded(store_url, monkeypatch):
    from tmtool import api
    from tmtool.store import rows
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS",
                        migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._new_keys)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._new_keys)])
    monkeypatch.setattr(rows, "_written_acronym", lambda text: "")  # as the release before keyed its terms
    # nor did it queue the approved counts a change leaves to make (its tables came later)
    from conftest import queuing_no_counts
    queuing_no_counts(monkeypatch)
    try:
        with open_store(store_url, create=True) as old:
            written_today(old)
            api.add_entry(old, ["produit intérieur brut (PIB)"], terms={"en": ["gross domestic product (GDP)"]})
            assert lookup(old, "PIB") == []
    finally:
        monkeypatch.undo()
    with open_store(store_url) as store:
        assert [(hit.match, hit.matched) for hit in lookup(store, "PIB")] == [("acronym", "produit intérieur brut (PIB)")]
        assert api.check_store(store) == []  # the keys are those the terms are given today, no stale one left


def test_oe_and_ae_typed_as_two_letters_find_the_ligature_and_back(store_url):
    """A French keyboard has no œ: *mise en oeuvre*, *manoeuvres* typed by a translator found *mise en œuvre*
    and *manœuvre* only as fuzzy neighbours ("No glossary entry"), *oeuvre* nothing at all."""
    with open_store(store_url, create=True) as fresh:
        glossary.import_entries(fresh, [entry("mise en œuvre", "implementation"), entry("manœuvre", "manoeuvre"),
                                        entry("œuvre", "work"), entry("curriculum vitæ", "curriculum vitae"),
                                        entry("coeur de cible", "core target")], "test")
        assert found(fresh, "mise en oeuvre") == [("mise en œuvre", "folded")]
        assert found(fresh, "MISE EN OEUVRE") == [("mise en œuvre", "folded")]
        assert found(fresh, "mises en oeuvre") == [("mise en œuvre", "lemma")]
        assert found(fresh, "manoeuvres", lang="fr") == [("manœuvre", "lemma")]
        assert found(fresh, "oeuvre") == [("œuvre", "folded")]
        assert found(fresh, "curriculum vitae", lang="fr") == [("curriculum vitæ", "folded")]
        assert found(fresh, "cœur de cible") == [("coeur de cible", "folded")]  # a term typed without œ, asked with it
        assert found(fresh, "mise en œuvre") == [("mise en œuvre", "exact")]


def test_a_glossary_typing_oe_for_the_ligature_holds_the_entries_stored_with_it(store_url, tmp_path):
    """A client's glossary typed on a keyboard without œ (*manoeuvre*, *coeur de cible*) made second entries
    beside the stored *manœuvre* and *cœur de cible*, though lookup finds either for the other: now the
    stored entries are those of the file, spelt as stored, the file's spelling a variant of a term awaiting
    review (a reviewed one kept as it is); the other way round too, and so for `glossary add`'s note."""
    from tmtool import api

    with open_store(store_url, create=True) as fresh:
        glossary.import_entries(fresh, [entry("manœuvre", "manoeuvre", status=ReviewStatus.CANDIDATE),
                                        entry("cœur de cible", "core target"),
                                        entry("oeuvre d'art", "work of art", status=ReviewStatus.CANDIDATE),
                                        Entry(terms=[Term("الجمعية العامة", "ar"), Term("General Assembly", "en")],
                                              status=ReviewStatus.CANDIDATE)],
                                "termbase.tbx")
        client = tmp_path / "client.csv"
        client.write_text("fr;en\nmanoeuvre;manoeuvre\nCoeur de cible;core target\nœuvre d'art;work of art\n"
                          "mise en oeuvre;implementation\n", encoding="utf-8")
        done = api.import_file(fresh, client, user="ana")
        assert (done["added"], done["already_stored"], done["reviewed"]) == (1, 3, 0)
        by_text = {e.terms[0].text: e for e in fresh.list_entries()}
        assert set(by_text) == {"manœuvre", "mise en oeuvre", "oeuvre d'art", "cœur de cible", "الجمعية العامة"}
        assert by_text["manœuvre"].terms[0].forms == ["manoeuvre"]
        assert by_text["oeuvre d'art"].terms[0].forms == ["œuvre d'art"]
        assert by_text["cœur de cible"].terms[0].forms == []  # approved: as reviewed
        # the variants are the import's change, reverted with it
        assert [change["action"] for change in api.history(fresh, by_text["manœuvre"].id)] == [
            "import termbase.tbx", "import client.csv"]
        change = api.history(fresh, by_text["manœuvre"].id)[-1]
        api.revert(fresh, change["id"], user="ana")
        assert [e.terms[0].forms for e in fresh.list_entries() if e.terms[0].text == "manœuvre"] == [[]]
        # an Arabic keyboard's heh for teh marbuta, as lookup reads it
        arabic = tmp_path / "un.csv"
        arabic.write_text("ar,en\nالجمعيه العامه,General Assembly\n", encoding="utf-8")
        assert api.import_file(fresh, arabic)["added"] == 0
        assert {e.terms[0].text: e.terms[0].forms for e in fresh.list_entries()}["الجمعية العامة"] == ["الجمعيه العامه"]
        added = api.add_entry(fresh, ["coeur de cible"], ["bullseye"], status="candidate")
        assert api.entries_sharing_terms(fresh, added["id"]) == {by_text["cœur de cible"].id: ["cœur de cible"]}


def test_a_glossary_writing_a_stored_term_in_other_capitals_or_without_its_accents_changes_nothing(store_url, tmp_path):
    """Only a spelling lookup folds alike and a word index does not (*manoeuvre*, *manœuvre*) is a variant: a
    client's glossary capitalising each term (*Comité militaire*) or leaving out a capital's accent (*Etat-major*)
    wrote each as a variant of the stored candidate and recorded the import as changing it, where extraction
    (and the import before) took it for the stored term."""
    from tmtool import api

    with open_store(store_url, create=True) as fresh:
        glossary.import_entries(fresh, [entry("comité militaire", "Military Committee", status=ReviewStatus.CANDIDATE),
                                        entry("état-major", "staff", status=ReviewStatus.CANDIDATE)], "termbase.tbx")
        client = tmp_path / "client.csv"
        client.write_text("fr;en\nComité militaire;military committee\nEtat-major;Staff\n", encoding="utf-8")
        done = api.import_file(fresh, client, user="ana")
        assert (done["added"], done["already_stored"]) == (0, 2)
        assert [[(t.text, t.forms) for t in e.terms] for e in fresh.list_entries()] == [
            [("comité militaire", []), ("Military Committee", [])], [("état-major", []), ("staff", [])]]
        assert [[change["action"] for change in api.history(fresh, e.id)] for e in fresh.list_entries()] == [
            ["import termbase.tbx"], ["import termbase.tbx"]]


def test_a_term_an_entry_holds_in_both_spellings_changes_nothing_on_import(store_url, tmp_path):
    """A termbase lists both spellings as terms of one entry (*mise en œuvre*, *mise en oeuvre*): a file
    writing one of them wrote it again as a variant of the other and recorded the import as changing it."""
    from tmtool import api

    with open_store(store_url, create=True) as fresh:
        glossary.import_entries(fresh, [Entry(terms=[Term("mise en œuvre", "fr"), Term("mise en oeuvre", "fr"),
                                                     Term("implementation", "en")], status=ReviewStatus.CANDIDATE)],
                                "termbase.tbx")
        client = tmp_path / "client.csv"
        client.write_text("fr;en\nmise en oeuvre;implementation\n", encoding="utf-8")
        assert api.import_file(fresh, client, user="ana")["already_stored"] == 1
        [stored] = fresh.list_entries()
        assert [(t.text, t.forms) for t in stored.terms] == [
            ("mise en œuvre", []), ("mise en oeuvre", []), ("implementation", [])]
        assert [change["action"] for change in api.history(fresh, stored.id)] == ["import termbase.tbx"]


def test_a_hyphen_typed_as_a_space_is_the_stored_term_spelt_otherwise_and_nothing_else_is(store_url, tmp_path):
    """``lookup`` finds *cyber-défense* for *cyber défense*, but an import took *cyber défense* for another term
    (a second entry), and ``glossary add`` said nothing of the entry holding it: a hyphen typed as a space is
    the stored term spelt otherwise, a variant of it as *manoeuvre* is of *manœuvre*. Only that: a compound
    written solid (*sousmarin*) or in the plural is another term, and other capitals or accents are the stored
    term itself (no variant)."""
    from tmtool import api

    with open_store(store_url, create=True) as fresh:
        glossary.import_entries(fresh, [entry("cyber-défense", "cyber defence", status=ReviewStatus.CANDIDATE),
                                        entry("sous-marin", "submarine", status=ReviewStatus.CANDIDATE)],
                                "termbase.tbx")
        stored = {e.terms[0].text: e.id for e in fresh.list_entries()}
        added = api.add_entry(fresh, ["cyber défense"], ["cyberdefence"], status="candidate")
        assert api.entries_sharing_terms(fresh, added["id"]) == {stored["cyber-défense"]: ["cyber-défense"]}
        api.remove_entry(fresh, added["id"])
        client = tmp_path / "client.csv"
        client.write_text("fr;en\ncyber défense;cyber defence\nsous  marin;submarine\nSous-Marin;submarine\n"
                          "sous-marín;submarine\nsousmarin;submarine\nsous-marins;submarines\n", encoding="utf-8")
        done = api.import_file(fresh, client, user="ana")
        assert (done["added"], done["already_stored"]) == (2, 4)
        assert sorted((e.terms[0].text, e.terms[0].forms) for e in fresh.list_entries()) == [
            ("cyber-défense", ["cyber défense"]), ("sous-marin", ["sous marin"]), ("sous-marins", []),
            ("sousmarin", [])]
        assert found(fresh, "cyber défense") == [("cyber-défense", "folded")]
        assert api.check_store(fresh) == []  # the terms' keys are those they are given
    result = CliRunner().invoke(main, ["--db", store_url, "glossary", "add", "sous marin", "submarine"])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"note: entry {stored['sous-marin']} also holds sous-marin, submarine")


def test_a_french_plural_in_ies_finds_its_singular_and_back(store_url):
    """English's -ies → -y rule made *ally* of *alliés* and *partie* of nothing: *parties contractantes* and
    *séries de mesures* found their terms only as fuzzy neighbours, *Allié* found *Alliés* as a prefix."""
    with open_store(store_url, create=True) as fresh:
        glossary.import_entries(fresh, [entry("partie contractante", "contracting party"),
                                        entry("série de mesures", "package of measures"),
                                        entry("technologie émergente", "emerging technology"),
                                        entry("Alliés", "Allies"), entry("pays alliés", "Allied countries")], "test")
        assert found(fresh, "parties contractantes") == [("partie contractante", "lemma")]
        assert found(fresh, "séries de mesures") == [("série de mesures", "lemma")]
        assert found(fresh, "technologies émergentes") == [("technologie émergente", "lemma")]
        assert found(fresh, "Allié")[0] == ("Alliés", "lemma")  # then Allied countries, by its start
        assert found(fresh, "pays allié") == [("pays alliés", "lemma")]
        assert found(fresh, "contracting parties") == [("partie contractante", "lemma")]  # English's rule still


def test_a_store_made_before_spelt_out_keys_finds_them_once_upgraded(store_url):
    from tmtool import api
    from tmtool.store.postgres import schema
    from tmtool.store.sqlite import migrations

    forget = "DELETE FROM lookup_keys WHERE key IN ('mise en oeuvre', 'partie contractante')"
    with open_store(store_url, create=True) as old:  # the keys the release before gave these terms
        glossary.import_entries(old, [entry("mise en œuvre", "implementation"),
                                      entry("parties contractantes", "contracting parties")], "test")
        if hasattr(old, "_conn"):
            old._conn.execute(forget)
            old._conn.execute(f"PRAGMA user_version = {migrations.MIGRATIONS.index(migrations._spelling_keys)}")
            old._conn.commit()
        else:
            old._pg.execute(forget)
            old._pg.execute("UPDATE tmtool_schema SET version = %s",
                            (schema.MIGRATIONS.index(schema._spelling_keys),))
            old._pg.commit()
    with open_store(store_url) as store:
        assert found(store, "mise en oeuvre") == [("mise en œuvre", "folded")]
        assert found(store, "partie contractante") == [("parties contractantes", "lemma")]
        assert api.check_store(store) == []  # the keys are those the terms are given today


def test_a_store_made_before_hyphen_keys_finds_its_terms_spelt_with_spaces_once_upgraded(store_url):
    from tmtool import api
    from tmtool.store.postgres import schema
    from tmtool.store.sqlite import migrations

    forget = "DELETE FROM lookup_keys WHERE key = 'cyber defense'"
    with open_store(store_url, create=True) as old:  # the keys the release before gave this term
        glossary.import_entries(old, [entry("cyber-défense", "cyber defence")], "test")
        if hasattr(old, "_conn"):
            old._conn.execute(forget)
            old._conn.execute(f"PRAGMA user_version = {migrations.MIGRATIONS.index(migrations._hyphen_keys)}")
            old._conn.commit()
        else:
            old._pg.execute(forget)
            old._pg.execute("UPDATE tmtool_schema SET version = %s", (schema.MIGRATIONS.index(schema._hyphen_keys),))
            old._pg.commit()
    with open_store(store_url) as store:
        assert api.check_store(store) == []  # the keys are those the terms are given today
        added = api.add_entry(store, ["cyber défense"], ["cyberdefence"])
        assert list(api.entries_sharing_terms(store, added["id"]).values()) == [["cyber-défense"]]


def test_the_start_of_a_term_finds_as_many_entries_as_asked_when_one_holds_it_twice(store_url):
    """An operation's name is written alike in French and English: its two terms took the look-up's two
    places among the terms starting with *allied*, and ``--limit 2`` showed one entry where two start so."""
    with open_store(store_url, create=True) as fresh:
        glossary.import_entries(fresh, [entry("Allied Hand", "Allied Hand"), entry("Allied Shield", "Allied Shield"),
                                        entry("Allied Sky", "Allied Sky")], "test")
        assert found(fresh, "allied", limit=2) == [("Allied Hand", "prefix"), ("Allied Shield", "prefix")]
        assert len(found(fresh, "allied")) == 3
