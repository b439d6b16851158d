"""The terminology engine on real inputs: the seed pair, the shared NATO-style pairs, hand-built cases."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tmtool.cli import main
from tmtool.model import Context, Entry, Term, TermType
from tmtool.terms import DEFAULT_THRESHOLD, build_glossary, extract_french
from tmtool.terms import english
from tmtool.terms.acronyms import letters_match
from tmtool.terms.equivalents import COMPOUND_TRANSLATION_BOOST, _translated_as_compound, translation_evidence
from tmtool.terms.french import _verb_form, load_model

from conftest import REPO, SEED_FR


def gold_pairs(path) -> list[Context]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return [
        Context(" ".join(gold["fr"][i] for i in fr), " ".join(gold["en"][i] for i in en), path.parent.name)
        for fr, en in gold["beads"]
        if fr and en
    ]


@pytest.fixture(scope="module", autouse=True)
def french_model():
    load_model()  # once for the module; every later call reuses it


@pytest.fixture(scope="module")
def seed_glossary() -> list[Entry]:
    return build_glossary(gold_pairs(REPO / "tests" / "data" / "seed.alignment.gold.json"))


@pytest.fixture(scope="module")
def cied_glossary(shared) -> list[Entry]:
    return build_glossary(gold_pairs(shared / "data" / "terms" / "c-ied-centre-of-excellence" / "alignment.gold.json"))


@pytest.fixture(scope="module")
def cyber_glossary(shared) -> list[Entry]:
    return build_glossary(gold_pairs(shared / "data" / "terms" / "defence-ministers-cyber" / "alignment.gold.json"))


def entry_for(glossary: list[Entry], french: str) -> Entry:
    matches = [e for e in glossary if any(t.text == french for t in e.terms_in("fr"))]
    assert matches, f"{french!r} not among {[e.terms[0].text for e in glossary]}"
    return matches[0]


def english_texts(entry: Entry) -> set[str]:
    return {t.text.casefold() for t in entry.terms_in("en")}


# ---- key terms and their equivalents -------------------------------------------------------------


def test_seed_acronym_and_full_form_pair_across_languages(seed_glossary):
    entry = entry_for(seed_glossary, "État-major militaire international")
    french = {t.text: t for t in entry.terms_in("fr")}
    assert french["EMI"].term_type is TermType.ACRONYM
    assert french["État-major militaire international"].gender == "masculine"
    assert {"international military staff", "ims"} <= english_texts(entry)
    ims = next(t for t in entry.terms_in("en") if t.text == "IMS")
    assert ims.term_type is TermType.ACRONYM


def test_seed_division_name_and_common_term(seed_glossary):
    division = entry_for(seed_glossary, "Division Sécurité coopérative")
    assert "cooperative security division" in english_texts(division)
    country = entry_for(seed_glossary, "pays partenaire")
    assert english_texts(country) & {"partner country", "partner countries"}


def test_seed_standalone_acronym_otan_is_nato(seed_glossary):
    otan = entry_for(seed_glossary, "OTAN")
    assert otan.terms_in("fr")[0].term_type is TermType.ACRONYM
    assert english_texts(otan) == {"nato"}
    assert otan.frequency >= 10  # "l'OTAN", "l’OTAN" and "OTAN" are one term


def test_shared_pairs_key_terms(cied_glossary, cyber_glossary):
    ied = entry_for(cied_glossary, "engin explosif improvisé")
    assert "engins explosifs improvisés" in ied.terms_in("fr")[0].forms
    # seen only in the plural: the English is named in the singular, the plural kept among its forms
    assert english_texts(ied) == {"improvised explosive device"}
    assert "improvised explosive devices" in {f.casefold() for f in ied.terms_in("en")[0].forms}
    assert english_texts(entry_for(cied_glossary, "Dialogue méditerranéen")) == {"mediterranean dialogue"}
    assert english_texts(entry_for(cyber_glossary, "secrétaire général")) == {"secretary general"}
    assert english_texts(entry_for(cyber_glossary, "siège de l'OTAN")) == {"nato headquarters"}


def test_acronym_defined_in_both_languages(cied_glossary, cyber_glossary):
    nedex = entry_for(cied_glossary, "NEDEX")  # French acronym ↔ a different English one
    assert {t.text for t in nedex.terms_in("fr")} == {"NEDEX", "neutralisation des explosifs et munitions"}
    assert english_texts(nedex) == {"eod", "explosive ordnance disposal"}
    shape = entry_for(cyber_glossary, "SHAPE")  # the same acronym in both languages
    assert "Grand Quartier général des puissances alliées en Europe" in {t.text for t in shape.terms_in("fr")}
    assert english_texts(shape) == {"shape", "supreme headquarters allied powers europe"}


def test_every_equivalent_has_confidence_and_supporting_pairs(cied_glossary):
    for entry in cied_glossary:
        for term in entry.terms_in("en"):
            assert 0 < term.confidence <= 1
            assert term.frequency == len(term.contexts) or term.frequency > len(term.contexts) == 3
            assert all(c.en for c in term.contexts)


def test_memory_is_evidence_not_entries(shared):
    pairs = gold_pairs(shared / "data" / "terms" / "c-ied-centre-of-excellence" / "alignment.gold.json")
    memory = gold_pairs(REPO / "tests" / "data" / "seed.alignment.gold.json")
    with_memory = build_glossary(pairs, memory=memory)
    french = {t.text for e in with_memory for t in e.terms_in("fr")}
    assert "État-major militaire international" not in french  # a term of the memory only
    country = entry_for(with_memory, "pays partenaire")
    assert english_texts(country) == {"partner country"}
    assert all(c in pairs for t in country.terms_in("en") for c in t.contexts)  # supported by `pairs`


@pytest.mark.parametrize(
    "french, english_text, compound",
    [
        ("plan d'action", "action plan", True),
        ("conférence de presse", "press conference", True),
        ("importance de l'interopérabilité", "importance of interoperability", False),
        ("officier de pays partenaire", "partner countries", False),  # translates a nested piece only
        ("menace hybride", "hybrid threat", False),  # no complement: nothing to learn
    ],
)
def test_translation_as_compound_is_unithood_evidence(french, english_text, compound):
    entry = Entry(terms=[Term(french, "fr"), Term(english_text, "en", confidence=0.9)])
    assert _translated_as_compound(entry) is compound


# ---- canonical forms ---------------------------------------------------------------------------


def french_terms(*sentences: str, threshold: float = 0.0) -> dict[str, object]:
    entries = extract_french([Context(s) for s in sentences], threshold=threshold)
    return {t.text: t for e in entries for t in e.terms_in("fr")}


def test_plural_head_and_agreeing_adjectives_are_singularised():
    terms = french_terms(
        "Les engins explosifs improvisés menacent les forces alliées.",
        "Les pays partenaires ont envoyé des organismes internationaux.",
    )
    assert terms["engin explosif improvisé"].forms == ["engins explosifs improvisés"]
    assert terms["engin explosif improvisé"].lemma == "engin"
    assert "force alliée" in terms  # feminine agreement kept
    assert "pays partenaire" in terms  # invariable head
    assert "organisme international" in terms  # -aux → -al


def test_elision_capitals_and_typographic_apostrophe():
    terms = french_terms(
        "Le directeur de l’État-major militaire international a rencontré les partenaires de l’OTAN.",
        "Interopérabilité des forces : la coopération d’Istanbul a progressé.",
    )
    assert "État-major militaire international" in terms  # ’ normalised, the name keeps its capitals
    assert "OTAN" in terms and "l'OTAN" not in terms and "l’OTAN" not in terms
    assert terms["OTAN"].term_type is TermType.ACRONYM
    assert "interopérabilité des forces" in terms  # capital due to the sentence start is lowered
    assert "coopération d'Istanbul" in terms
    assert "coopération d’Istanbul" in terms["coopération d'Istanbul"].forms  # original text kept


def test_gender_comes_from_the_head_noun():
    terms = french_terms("Les menaces hybrides ont visé les câbles sous-marins.")
    assert terms["menace hybride"].gender == "feminine"
    assert terms["câble sous-marin"].gender == "masculine"


def test_threshold_and_top():
    sentences = [Context(line) for line in SEED_FR.read_text(encoding="utf-8").splitlines() if line.strip()]
    everything = extract_french(sentences, threshold=0.0)
    default = extract_french(sentences)
    assert all(e.score >= DEFAULT_THRESHOLD for e in default)
    assert len(everything) > len(default) > 0
    assert [e.score for e in default] == sorted((e.score for e in default), reverse=True)
    top = extract_french(sentences, top=5)  # five terms: an acronym is one apart from its full form
    assert [t.text for e in top for t in e.terms] == [t.text for e in default for t in e.terms][:5]
    assert len(extract_french(sentences, top=len(everything) + 10)) == len(everything)  # past the threshold


def test_empty_and_odd_input():
    assert extract_french([]) == []
    assert build_glossary([Context("", "")]) == []
    # an acronym after a lone adjective has no full form; punctuation alone has no terms
    terms = french_terms("Il est international (ABC).", "« … » – ; ( )")
    assert "international" not in terms and "ABC" in terms


# ---- acronyms and English spans ------------------------------------------------------------------


@pytest.mark.parametrize(
    "acronym, words, expected",
    [
        ("IMS", "International Military Staff", True),
        ("EMI", "État-major militaire international", True),
        ("NEDEX", "neutralisation des explosifs", True),
        ("DCB", "Initiative de renforcement des capacités", False),
    ],
)
def test_acronym_letters(acronym, words, expected):
    assert letters_match(acronym, words.split()) is expected


def test_english_definitions():
    text = "the Director General of the International Military Staff (IMS), Lieutenant General Wiermann"
    assert english.definitions(text) == [("IMS", "International Military Staff")]
    text = "From 6 to 17 May 2024, the Counter-Improvised Explosive Devices Centre of Excellence (C-IED COE) in Madrid"
    assert english.definitions(text) == [("C-IED COE", "Counter-Improvised Explosive Devices Centre of Excellence")]


@pytest.mark.parametrize(
    "plural, singular",
    [
        ("partner countries", "partner country"),
        ("Heads of State and Government", "Head of State and Government"),
        ("emerging and disruptive technologies", "emerging and disruptive technology"),
        ("NATO Headquarters", "NATO Headquarters"),
        ("EOD", "EOD"),
    ],
)
def test_english_singular(plural, singular):
    assert english.singular(plural) == singular


@given(st.lists(st.sampled_from(["the", "of", "NATO", "partner", "countries", ",", "-", "and", "quickly", "Centre"]), max_size=12))
def test_english_spans_start_and_end_on_content_words(words):
    tokens = english.tokenize(" ".join(words))
    for start, end in english.candidate_spans(tokens):
        assert tokens[start].content and tokens[end - 1].content
        assert not any(t.text == "," for t in tokens[start:end])


# ---- the command line ----------------------------------------------------------------------------


def test_cli_extract_tsv(tmp_path):
    out = tmp_path / "terms.tsv"
    result = CliRunner().invoke(main, ["extract", str(SEED_FR), "--top", "15", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["term", "score", "frequency", "forms"]
    rows = [line.split("\t") for line in lines[1:]]
    assert rows and all(len(row) == 4 for row in rows)
    assert [float(r[1]) for r in rows] == sorted((float(r[1]) for r in rows), reverse=True)
    by_term = {r[0]: r for r in rows}
    assert "État-major militaire international" in by_term
    assert int(by_term["OTAN"][2]) >= 10 and by_term["OTAN"][3] == "OTAN"


def test_cli_extract_json_to_stdout():
    result = CliRunner().invoke(main, ["extract", str(SEED_FR), "--format", "json", "--top", "3"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert {"term", "score", "frequency", "forms", "lemma", "pos", "gender", "contexts"} <= set(records[0])
    assert records[0]["contexts"][0]["fr"]


def test_cli_extract_refuses_other_languages():
    result = CliRunner().invoke(main, ["extract", str(SEED_FR), "--lang", "en"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["tmtool: error: term extraction supports French only, not 'en'"]


def test_importing_the_engine_does_not_load_spacy():
    code = "import sys, tmtool.terms, tmtool.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---- termhood rules, on hand-built sentences -----------------------------------------------------


def candidates_of(*sentences: str) -> dict:
    from tmtool.terms.candidates import collect
    from tmtool.terms.french import analyse

    return collect(analyse(list(sentences)), list(sentences))


def scores_of(*sentences: str, threshold: float = 0.0) -> dict[str, float]:
    return {t.text: e.score for e in extract_french([Context(s) for s in sentences], threshold=threshold)
            for t in e.terms_in("fr")}


def test_participle_with_its_own_complement_is_not_a_modifier():
    terms = french_terms("Les décisions prises lors de cette réunion seront soumises aux chefs.")
    assert "décision" in terms and "décision prise" not in terms
    assert "engin explosif improvisé" in french_terms("Les engins explosifs improvisés menacent les forces.")


def test_finite_verb_read_as_noun_is_not_a_term():
    assert _verb_form("abordions") and _verb_form("avancions")
    assert not any(_verb_form(w) for w in ("actions", "opérations", "missions", "nations", "portions"))
    seed = [Context(line) for line in SEED_FR.read_text(encoding="utf-8").splitlines() if line.strip()]
    terms = {t.text for e in extract_french(seed, threshold=0.0) for t in e.terms_in("fr")}
    assert not any(text.startswith("abordion") for text in terms)


def test_negated_adjective_belongs_to_the_term():
    terms = french_terms("Les plongeurs ont neutralisé quarante munitions non explosées datant de la guerre.")
    assert "munition non explosée" in terms
    assert terms["munition non explosée"].forms == ["munitions non explosées"]


def test_span_does_not_end_on_the_first_of_coordinated_adjectives():
    assert "avion allemand" not in french_terms("Des avions allemands et polonais ont survolé la zone.")
    assert "avion allemand" in french_terms("Des avions allemands ont survolé la zone.")


def test_coordinated_complement_is_one_complement():
    from tmtool.terms.termhood import shape_weight

    found = candidates_of("Les chefs d'État et de gouvernement se réuniront dans la cellule de crise.")
    assert shape_weight(found["chef d'état et de gouvernement"]) == shape_weight(found["cellule de crise"])


def test_prenominal_adjective_outside_names_marks_a_free_phrase():
    from tmtool.terms.termhood import shape_weight

    found = candidates_of("La prochaine rotation navale est prévue en mer du Nord.")
    assert shape_weight(found["prochaine rotation navale"]) < shape_weight(found["rotation navale"])


def test_every_content_word_counts_in_specificity():
    from tmtool.terms.termhood import specificity

    found = candidates_of("La cyberdéfense tactique et la cyberdéfense nationale progressent.")
    # same rare head; the more general the other word, the less specific the phrase
    assert specificity(found["cyberdéfense nationale"]) < specificity(found["cyberdéfense tactique"])


def test_numbered_designation_is_specific():
    scores = scores_of("Une attaque grave pourrait conduire à l'invocation de l'article 5.")
    assert scores["article 5"] >= DEFAULT_THRESHOLD


def test_piece_of_a_defined_full_form_owes_it_its_occurrences():
    from tmtool.terms.termhood import nested_frequencies

    found = candidates_of("La formation portait sur la neutralisation des explosifs et munitions (NEDEX).")
    frequencies = nested_frequencies(found)
    assert frequencies["neutralisation des explosifs et munitions"] == 1
    assert frequencies["neutralisation des explosifs"] == 0 and frequencies["neutralisation"] == 0


def test_free_phrase_does_not_take_the_frequency_of_its_pieces():
    from tmtool.terms.extract import analyse_french

    scores = scores_of("Les instructeurs ont insisté sur l'importance de l'interopérabilité.")
    assert scores["interopérabilité"] > scores["importance de l'interopérabilité"]
    # a phrase shown free by its translation releases its pieces in the same way
    analysis = analyse_french([Context("Les officiers de pays partenaires ont suivi le cours.")])
    before = analysis.scores["pays partenaire"]
    analysis.rescore({"officier de pays partenaires"})
    assert analysis.scores["pays partenaire"] > before


@pytest.mark.parametrize(
    "french, english_text, confidence, article, factor",
    [
        ("plan d'action", "action plan", 0.9, False, COMPOUND_TRANSLATION_BOOST),  # lexicalised compound
        ("menace hybride", "hybrid threat", 0.9, False, 1.0),  # clean, sure, whole
        ("besoin de l'Alliance", "Alliance", 0.9, False, 0.5),  # renders a piece: one word of two
        ("allocution liminaire", "meaning to the notion", 0.375, False, 0.5),  # unsure: in proportion
        # an article complement kept as a complement in English: free in both languages
        ("importance de l'interopérabilité", "importance of interoperability", 0.9, True, 0.5),
        ("soutien de la nation hôte", "host nation support", 0.9, True, COMPOUND_TRANSLATION_BOOST),
    ],
)
def test_translation_evidence(french, english_text, confidence, article, factor):
    entry = Entry(terms=[Term(french, "fr"), Term(english_text, "en", confidence=confidence)])
    assert translation_evidence(entry, article_complement=article) == pytest.approx(factor)


def test_number_words_do_not_open_english_terms():
    tokens = english.tokenize("Seven minehunters and twenty-four students arrived")
    starts = {tokens[start].text for start, _ in english.candidate_spans(tokens)}
    assert "Seven" not in starts and "twenty" not in starts and "four" not in starts
    assert "minehunters" in starts


def test_compound_cognates_in_both_directions():
    from tmtool.terms.wordalign import cognate

    assert cognate("cyberdéfense", "defence") > 0  # a French compound, one English word of it
    assert cognate("mines", "minehunters") > 0  # an English compound, one French word of it
    assert cognate("mines", "ship") == 0


def test_rare_noun_stands_alone_before_its_adjective():
    scores = scores_of("Une cyberattaque grave pourrait conduire à l'invocation de l'article 5.")
    assert scores["cyberattaque"] >= DEFAULT_THRESHOLD  # rare in general French: a term of its own
    assert "menace" not in candidates_of("Une menace grave pèse sur la région.")  # common: only the phrase


def test_rare_noun_keeps_half_its_frequency_inside_a_longer_candidate():
    from tmtool.terms.termhood import nested_frequencies

    frequencies = nested_frequencies(candidates_of("La cyberdéfense de l'Alliance progresse.",
                                                   "La défense de l'Alliance progresse."))
    assert frequencies["cyberdéfense"] == 0.5
    assert frequencies["défense"] == 0.0  # a common word inside a term: the full discount


def test_noun_suffix_after_a_determiner_makes_a_noun_the_tagger_does_not_know():
    assert "prépositionnement" in candidates_of("Le prépositionnement de matériel réduit les délais.")


def test_adjective_disagreeing_with_the_complement_closes_the_term():
    found = candidates_of("Des dépôts de carburant temporaires ont été installés le long des routes.")
    assert "dépôt de carburant" in found  # *temporaires* (plural) qualifies *dépôts*, not *carburant*
    assert "carburant temporaire" not in found
    # the whole phrase is a term and a modifier: free, so its nested term keeps its frequency
    assert found["dépôt de carburant temporaires"].detached_adjective
    assert not found["dépôt de carburant"].detached_adjective
    scores = scores_of("Des dépôts de carburant temporaires ont été installés le long des routes.")
    assert scores["dépôt de carburant"] > scores["dépôt de carburant temporaires"]
    agreeing = candidates_of("Des avions de patrouille maritime ont survolé la zone.")
    assert "avion de patrouille" not in agreeing  # *maritime* agrees with *patrouille*: inside the term


def test_closed_french_compound_matches_an_open_english_one():
    from tmtool.terms.equivalents import _open_compound_cognate

    assert _open_compound_cognate("cyberattaque", english.tokenize("cyber attack")) > 0
    assert _open_compound_cognate("cyberattaque", english.tokenize("serious cyber")) == 0
    # one word is as similar alone: the span is that word and more, not the compound
    assert _open_compound_cognate("prépositionnement", english.tokenize("Prepositioning equipment")) == 0
    glossary = build_glossary([Context("Une cyberattaque grave pourrait conduire à l'invocation de l'article 5.",
                                       "A serious cyber attack could lead to the invocation of Article 5.")],
                              threshold=0.0)
    assert english_texts(entry_for(glossary, "cyberattaque")) == {"cyber attack"}


def test_common_noun_with_a_place_name_complement_is_a_free_phrase():
    found = candidates_of("Les navires sont entrés dans le port de Tallinn avant le sommet de l'OTAN.")
    assert found["port de tallinn"].name_complement
    assert not found["sommet de l'otan"].name_complement  # an acronym complement: NATO's own terms
    scores = scores_of("Les avions ont rejoint la base aérienne de Łask.")
    assert scores["base aérienne"] > scores["base aérienne de Łask"]


def test_heads_translated_together_across_pairs_are_evidence():
    from tmtool.terms.wordalign import WordAligner

    aligner = WordAligner([
        ("Les pays partenaires ont signé.", "The partner countries signed."),
        ("Un pays participant a payé.", "One participating country paid."),
        ("Les officiers sont arrivés.", "The officers arrived."),
    ])
    assert aligner.dice("pays", "countries") == 1.0  # stems: *country*, *countries*
    assert aligner.dice("officiers", "officers") == 0.0  # one shared pair is no evidence
    assert aligner.dice("pays", "officers") == 0.0


def test_phrase_translated_as_its_nested_term_is_free():
    from tmtool.terms.equivalents import _translated_as_nested

    short, long = Entry(terms=[Term("cyberdéfense", "fr")]), Entry(terms=[Term("cyberdéfense de l'Alliance", "fr")])

    def translations(short_confidence, long_confidence):
        confidence = {id(short): short_confidence, id(long): long_confidence}
        return lambda entry: [Term("cyber defence", "en", confidence=confidence[id(entry)])]

    assert _translated_as_nested([short, long], translations(0.9, 0.75)) == {"cyberdéfense de l'alliance"}
    assert _translated_as_nested([short, long], translations(0.6, 0.8)) == set()  # the longer one's


def test_phrase_around_a_rare_noun_is_as_specific_as_its_other_words():
    from tmtool.terms.termhood import specificity

    found = candidates_of("Une cyberattaque grave et une cyberattaque ciblée ont eu lieu.")
    # the rarity of *cyberattaque* belongs to its own entry; *grave* is a common adjective
    assert specificity(found["cyberattaque grave"]) < specificity(found["cyberattaque"])
    assert specificity(found["cyberattaque grave"]) < specificity(found["cyberattaque ciblée"])


@pytest.mark.parametrize("adjective, expected", [
    ("grave", True), ("essentielle", True), ("sérieux", True), ("rapide", True),  # gravement, essentiellement…
    ("maritime", False), ("nucléaire", False), ("stratégique", False), ("militaire", False),  # relational endings
    ("critique", False), ("administratif", False), ("estonien", False), ("hybride", False),  # no common adverb
])
def test_qualitative_adjective_is_told_by_its_morphology(adjective, expected):
    from tmtool.terms.french import qualitative

    assert qualitative(adjective) is expected


def test_noun_with_an_evaluative_adjective_is_a_free_phrase():
    found = candidates_of("Une capacité essentielle et une capacité navale ont été déployées.")
    assert found["capacité essentielle"].evaluative
    assert not found["capacité navale"].evaluative
    scores = scores_of("Une capacité essentielle et une capacité navale ont été déployées.")
    assert scores["capacité navale"] > scores["capacité essentielle"]


def test_general_word_seen_once_is_no_term_but_a_rare_one_is():
    scores = scores_of("Le pipeline a été réparé.", "L'interopérabilité a été renforcée.")
    assert scores["pipeline"] < DEFAULT_THRESHOLD <= scores["interopérabilité"]
    repeated = scores_of("Le pipeline a été réparé.", "Un autre pipeline a été inspecté.")
    assert repeated["pipeline"] > scores["pipeline"]  # repetition is evidence of use
    # whether the word is rare is asked of its singular (*pipelines* is rarer than *pipeline*)
    assert scores_of("Les pipelines ont été réparés.")["pipeline"] < DEFAULT_THRESHOLD


def test_span_cutting_a_designation_in_two_is_no_unit():
    from tmtool.terms.termhood import nested_frequencies

    found = candidates_of("Ils appliquent la résolution 1325 du Conseil de sécurité des Nations Unies.")
    frequencies = nested_frequencies(found)
    assert frequencies["conseil de sécurité des nations unies"] == 1
    assert frequencies["résolution 1325 du conseil"] == 0.0  # ends inside the name
    assert frequencies["résolution 1325"] > 0  # ends before it


def test_capitalised_phrase_always_complement_of_one_noun_is_no_name():
    twice = candidates_of("Le ministre de la Défense des pays de l'OTAN est venu.",
                          "Chaque ministre de la Défense des pays de l'OTAN a parlé.")
    assert not twice["défense des pays de l'otan"].name  # a piece of *ministre de la Défense …*
    assert twice["ministre de la défense"].frequency == 2
    once = candidates_of("Ils appliquent la résolution 1325 du Conseil de sécurité des Nations Unies.")
    assert once["conseil de sécurité des nations unies"].name  # once is no evidence
    governed_apart = candidates_of("Le ministre de la Défense des pays de l'OTAN est venu.",
                                   "Le siège de la Défense des pays de l'OTAN est à Bruxelles.")
    assert governed_apart["défense des pays de l'otan"].name
