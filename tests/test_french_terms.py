"""French term candidates from the dependency parse and their ranking, on sentences written for these tests."""

from __future__ import annotations

import gzip
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.model import Context, TermType
from tmtool.terms import DEFAULT_THRESHOLD, extract_french
from tmtool.terms.extract import analyse_french
from tmtool.terms import french
from tmtool.terms.french import load_model, wordlike
from tmtool.terms.lexicon import finite_verb_only


@pytest.fixture(scope="module", autouse=True)
def french_model():
    load_model()


def analysis(*sentences: str, documents: tuple[str, ...] | None = None):
    documents = documents or ("doc",) * len(sentences)
    return analyse_french([Context(s, "", d) for s, d in zip(sentences, documents)])


def keys(*sentences: str) -> set[str]:
    return set(analysis(*sentences).candidates)


# ---- phrase boundaries -----------------------------------------------------------------------------


def test_complement_chain_is_kept_whole_and_its_pieces_owe_it_their_occurrences():
    found = analysis(
        "La cellule de lutte contre la désinformation publie un rapport mensuel.",
        "La cellule de lutte contre la désinformation a été créée l'an dernier.",
    )
    whole = "cellule de lutte contre la désinformation"
    assert whole in found.candidates  # preposition, article and complement noun inside the term
    assert found.scores[whole] >= DEFAULT_THRESHOLD
    # C-value: a piece seen only inside the term keeps none of its occurrences
    assert found.scores["cellule de lutte"] == 0.0
    assert found.scores["lutte contre la désinformation"] == 0.0


def test_a_headings_label_of_letters_is_no_term():
    """Headings and list items labelled with letters or Roman numerals (*IV.*, *B)*): the label is no candidate
    (the parser reads *IV* as an adjective, *B* as a noun), the heading's words are, and an acronym opening a
    sentence still is one."""
    found = keys("IV. Rôle du Comité militaire", "B) Mise en œuvre de la politique de cyberdéfense",
                 "CM. Le Comité militaire se réunit.")
    assert {"iv", "b"}.isdisjoint(found)
    assert {"comité militaire", "mise en œuvre", "politique de cyberdéfense"} <= found


def test_a_term_whose_longer_candidate_only_adds_dependents_to_its_head_keeps_its_occurrences():
    # *de Łask* depends on the head *base*: the longer candidate is a kind of *base aérienne*
    assert analysis("Les avions ont atterri sur la base aérienne de Łask.").scores["base aérienne"] >= DEFAULT_THRESHOLD
    # *d'armée* depends on *corps*, inside: *général de corps* is a piece and keeps nothing
    assert analysis("Le général de corps d'armée Durand a parlé.").scores["général de corps"] == 0.0


def test_read_as_a_unit_a_complement_keeps_its_occurrence_and_a_piece_does_not():
    # *des chars de combat* is the whole complement of *poids*: which of the two is the term, the French
    # alone cannot tell (the translation settles it, ``equivalents``); the unit reading keeps it
    found = analysis("Plusieurs ponts ne supportent pas le poids des chars de combat.")
    assert found.scores["char de combat"] < found.units["char de combat"]
    # *d'armée* goes on from *corps*, a word inside: a piece, in either reading
    assert analysis("Le général de corps d'armée Durand a parlé.").units["général de corps"] == 0.0


def test_a_piece_seen_in_several_longer_candidates_keeps_a_share():
    found = analysis(
        "Le rapport annuel de la cellule de crise est paru.",
        "Le chef de la cellule de crise a démissionné.",
        "Une cellule de crise a été ouverte.",
    )
    # nested twice in different phrases and once alone: a unit of its own
    assert found.scores["cellule de crise"] >= DEFAULT_THRESHOLD


def test_the_beginning_of_a_name_is_a_term_only_where_it_stands_alone():
    whole = (
        "Le Bureau européen de coordination logistique a publié son rapport annuel.",
        "Les experts du Bureau européen de coordination logistique se réunissent à Lyon.",
    )
    found = analysis(*whole)
    assert found.scores["bureau européen de coordination logistique"] >= DEFAULT_THRESHOLD
    # *de coordination logistique* only gives the head more dependents, but the longer candidate is a
    # name: inside it, *Bureau européen* designates nothing, read as a unit or not
    assert found.scores["bureau européen"] == found.units["bureau européen"] == 0.0
    # the short form written alone (*le Bureau européen*) is a name of its own
    short = analysis(*whole, "Le Bureau européen a aussi ouvert une antenne à Gênes.",
                     "Selon le Bureau européen, les délais ont diminué.")
    assert short.scores["bureau européen"] >= DEFAULT_THRESHOLD
    # a common noun's longer candidate is a kind of it: *opérateur ferroviaire* keeps its occurrences
    kind = analysis("Les opérateurs ferroviaires civils ont fourni des wagons.",
                    "Des opérateurs ferroviaires civils transportent les blindés.")
    assert kind.scores["opérateur ferroviaire"] >= DEFAULT_THRESHOLD


def test_a_longer_candidate_is_a_name_when_always_capitalised_and_not_a_coordination():
    # written in lower case once, the capital was the sentence's, not a name's: a kind, as for common nouns
    found = analysis("Le Bureau européen de coordination logistique a publié son rapport annuel.",
                     "Les experts du bureau européen de coordination logistique se réunissent à Lyon.")
    assert found.scores["bureau européen"] >= DEFAULT_THRESHOLD
    # *et partenaires publics* joins a second designation: the first is whole
    found = analysis("Le Fonds européen et partenaires publics financent le projet.",
                     "Les experts du Fonds européen et partenaires publics se réunissent à Lyon.")
    assert found.scores["fonds européen"] >= DEFAULT_THRESHOLD
    # a coordination of two complements inside the name (the second conjunct is not coordinated with
    # the shorter candidate's head) leaves the name whole
    found = analysis("L'Agence OTAN d'information et de communication (NCIA) fournira les réseaux nécessaires.")
    assert found.scores["agence otan"] == 0.0


def test_a_general_word_lowers_a_phrase_once_the_input_is_long_enough_to_measure_it():
    from collections import Counter

    from tmtool.terms.candidates import Candidate
    from tmtool.terms.termhood import specificity, weirdness

    phrase = Candidate(key="fonction de la vitesse", content_words=("fonction", "vitesse"))
    # a thesis: *fonction* used a few times its general rate, *vitesse* a hundred times
    long = Counter({"fonction": 30, "vitesse": 800}), 100_000
    mean = (weirdness(*long, "fonction") + weirdness(*long, "vitesse")) / 2
    assert specificity(phrase, *long) == weirdness(*long, "fonction") < mean - 0.1
    # one page: general French expects *fonction* less than once, so having occurred says nothing of it
    page = Counter({"fonction": 1, "vitesse": 3}), 400
    assert specificity(phrase, *page) == pytest.approx((weirdness(*page, "fonction") + weirdness(*page, "vitesse")) / 2)


def test_coordinated_heads_and_complements_are_one_candidate():
    assert "comité de défense et sécurité" in keys("Le comité de défense et sécurité s'est réuni hier.")
    assert "chef d'état et de gouvernement" in keys("Les chefs d'État et de gouvernement ont adopté la déclaration.")


def test_coordination_weighs_against_a_candidate():
    found = analysis("Des avions allemands et polonais ont survolé la zone.",
                     "Des avions allemands ont survolé la mer.")
    assert found.scores["avion allemand et polonais"] < found.scores["avion allemand"]


def test_a_complement_the_parser_gives_the_verb_does_not_extend_a_name():
    sentence = "Les enseignements tirés de l'exercice seront présentés au Conseil de l'Atlantique Nord au printemps prochain."
    tokens = french.analyse([sentence])[0]
    words = [t.text for t in tokens]
    assert tokens[words.index("printemps")].head == words.index("présentés")  # the parse this test is about
    found = keys(sentence)
    assert "conseil de l'atlantique nord" in {key.casefold() for key in found}
    assert not any("printemps" in key for key in found if "conseil" in key.casefold())
    # after a common noun, such a complement is still read as the term's (attachment is where parsers err)
    assert any("printemps" in key for key in keys("Les rapports seront présentés au comité de suivi au printemps prochain."))


def test_hyphenated_ranks_are_one_word_and_a_name_after_a_title_is_not_part_of_the_term():
    found = keys("Le vice-amiral Durand et le lieutenant-général Morel ont signé l'accord.")
    assert {"vice-amiral", "lieutenant-général"} <= found
    assert not {"vice", "amiral", "vice-amiral durand", "lieutenant-général morel"} & found


def test_a_candidate_never_ends_on_an_adjective_before_its_noun():
    found = keys("Les missiles à longue portée sont interdits.", "Un exercice de grande ampleur a eu lieu.")
    assert {"missile à longue portée", "exercice de grande ampleur"} <= found
    assert not {"missile à longue", "exercice de grande"} & found


NAMED_CENTRE = ["Le Centre de coordination des opérations aériennes du Nord a ouvert à Bodø.",
                "Le Centre de coordination des opérations aériennes du Nord emploie quarante officiers.",
                "Ses officiers planifient les missions de surveillance."]


def test_the_pieces_of_a_name_are_no_entries_unless_seen_on_their_own():
    """A phrase a name goes on from (*coordination des opérations aériennes* | *du Nord*) only ever
    inside it is named by the name, whatever the threshold; a phrase the name holds whole as a
    complement (*opérations aériennes*) may be a term of its own, and is one when seen outside it."""
    def ranked(sentences):
        return [e.terms[0].text for e in extract_french([Context(s, "", "d") for s in sentences], threshold=0.0)]

    inside = ranked(NAMED_CENTRE)
    assert "Centre de coordination des opérations aériennes du Nord" in inside
    assert not {"coordination des opérations aériennes", "Centre de coordination"} & set(inside)
    assert "opération aérienne" in inside
    outside = ranked([*NAMED_CENTRE, "La coordination des opérations aériennes exige une planification précise."])
    assert "coordination des opérations aériennes" in outside


def test_acronym_apposition_defines_the_full_form():
    entries = extract_french([Context("La Brigade légère d'intervention rapide (BLIR) a été déployée."),
                              Context("La BLIR compte trois mille soldats.")])
    entry = next(e for e in entries if any(t.text == "BLIR" for t in e.terms))
    terms = {t.text: t for t in entry.terms_in("fr")}
    assert set(terms) == {"Brigade légère d'intervention rapide", "BLIR"}
    assert terms["BLIR"].term_type is TermType.ACRONYM
    assert entry.frequency == 3 and entry.score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize("sentence, acronym, full", [
    # the French words do not spell the English acronym: the longest phrase would spell it with letters
    # inside its words (N-orvège, fo-r-ce, F-orce); the bound on its words leaves the name
    ("Il salue la contribution de la Norvège à la Force de réaction de l'OTAN (NRF) cette année.",
     "NRF", "Force de réaction de l'OTAN"),
    # French words in another order than the English acronym's letters, within the bound
    ("Le conseil a nommé le Commandant suprême des forces alliées en Europe (SACEUR) en juillet.",
     "SACEUR", "Commandant suprême des forces alliées en Europe"),
    # letters the French words do not spell, a short phrase: the capitalised name before the parenthesis
    ("Le Centre d'analyse des leçons (JALLC) publie un rapport.", "JALLC", "Centre d'analyse des leçons"),
    # the English acronym's letters are the French name's initials in another order, and the parser
    # ends the phrase at *allié*, read as a verb: the name's words give the letters back
    ("Le Commandement allié Transformation (ACT) prépare l'avenir.", "ACT", "Commandement allié Transformation"),
    ("Les experts du Commandement allié Opérations (ACO) se réunissent.", "ACO", "Commandement allié Opérations"),
    # a list whose items' initials spell the acronym, though the parse ends the phrase at its commas; a list
    # before a name whose letters only its words hold is not the name's
    ("La conférence sur les femmes, la paix et la sécurité (FPS) a eu lieu.", "FPS", "femmes , la paix et la sécurité"),
    ("Les navires, les avions et la Force de réaction de l'OTAN (NRF) sont prêts.", "NRF", "Force de réaction de l'OTAN"),
])
def test_an_acronyms_full_form_is_no_longer_than_its_letters_allow(sentence, acronym, full):
    from tmtool.terms.candidates import definitions

    tokens = french.analyse([sentence])[0]
    found = {short: " ".join(t.text for t in tokens[start:end]).replace("' ", "'")
             for short, (start, end) in definitions(tokens, sentence)}
    assert found == {acronym: full}


def test_web_and_mail_addresses_are_never_candidates():
    found = keys("Contactez le service de presse à presse@exemple.org ou sur https://www.exemple.org/actualites "
                 "pour toute question.")
    assert "service de presse" in found
    assert not [k for k in found if "@" in k or "exemple" in k or "www" in k or "http" in k]


@pytest.mark.parametrize("word, expected", [
    ("état-major", True), ("C-IED", True), ("G20", True), ("l'OTAN", True),
    ("presse@exemple.org", False), ("https://www.exemple.org/actualites", False), ("www.exemple.org", False),
    ("P_ref", False), ("N1.13", False), ("Ωt", False), ("t=50s", False), ("2024", False),
])
def test_addresses_formulas_and_variable_names_are_not_words(word, expected):
    assert wordlike(word) is expected


def test_formulas_and_variable_names_are_never_candidates():
    found = keys("La puissance P_ref vaut trois kilowatts selon le tableau N1.13 et la constante Ωt.")
    assert not [k for k in found if "_" in k or "1.13" in k or "ω" in k]


# ---- evidence --------------------------------------------------------------------------------------

SENTENCES = (
    "Le centre de fusion du renseignement a publié une note.",
    "Le centre de fusion du renseignement recrute des analystes.",
    "Le centre de fusion du renseignement ouvrira une antenne.",
)
TERM = "centre de fusion du renseignement"


def test_a_term_seen_in_more_documents_ranks_higher():
    one = analysis(*SENTENCES, documents=("a", "a", "a")).scores[TERM]
    three = analysis(*SENTENCES, documents=("a", "b", "c")).scores[TERM]
    assert three > one


def test_a_term_seen_more_often_ranks_higher():
    once = analysis(SENTENCES[0]).scores[TERM]
    thrice = analysis(*SENTENCES).scores[TERM]
    assert thrice > once


def test_every_modifier_of_a_plural_head_is_singularised():
    # the tagger reads *sécuritaires* as an adverb: it still agrees with *défis*
    found = [e.terms[0].text for e in extract_french([Context("Nous faisons face à des défis sécuritaires communs.")],
                                                    threshold=0)]
    assert "défi sécuritaire commun" in found
    assert not any("sécuritaires" in text for text in found)


@pytest.mark.parametrize(
    "sentence, lemma, plural_lemma",
    [
        # the parser reads the adjective on the singular complement; it agrees with the plural head
        ("Les convois utilisent des dépôts de carburant temporaires le long du corridor.",
         "dépôt de carburant temporaire", "dépôt de carburant temporaires"),
        ("Les unités disposent des capacités de communication nécessaires pour la mission.",
         "capacité de communication nécessaire", "capacité de communication nécessaires"),
    ],
)  # fmt: skip
def test_an_adjective_agreeing_with_the_head_past_its_complement_is_singularised_with_it(sentence, lemma, plural_lemma):
    found = keys(sentence)
    assert lemma in found and plural_lemma not in found


def test_a_plural_modifier_the_parse_put_on_a_singular_complement_is_the_heads():
    """*autonomes* is read on *combat*, which it cannot agree with: only *drones* is plural before it."""
    assert "drone de combat furtif autonome" in keys("Les drones de combat furtifs autonomes ont été testés hier.")
    # after a plural complement it may be the complement's: the written form stays
    assert "chasseur de mines autonomes" in keys("Les chasseurs de mines autonomes sont arrivés.")


@pytest.mark.parametrize(
    "sentence, lemma, guess",
    [
        # invariable words the lemmatiser singularises into words French does not write
        ("Les obus d'artillerie manquent.", "obus d'artillerie", "obu d'artillerie"),
        ("Les forces interarmées se déploient.", "force interarmées", "force interarmée"),
        ("Les officiers polonais sont arrivés.", "officier polonais", "officier polonai"),
    ],
)  # fmt: skip
def test_a_plural_whose_singular_general_french_does_not_write_stays_as_written(sentence, lemma, guess):
    found = keys(sentence)
    assert lemma in found and guess not in found


def test_a_modifier_of_the_head_past_its_complement_is_singularised_with_it():
    # parsed on *missions*: the written form had kept *partagées*
    assert "mission de surveillance partagée" in keys("Les navires assurent des missions de surveillance partagées.")


def test_a_participle_read_on_the_singular_complement_goes_to_the_head_unless_it_has_complements():
    tokens = french.analyse(["Les équipes utilisent des procédures de contrôle harmonisées."])[0]
    words = [t.text for t in tokens]
    procedures, control, participle = (words.index(w) for w in ("procédures", "contrôle", "harmonisées"))
    slipped = [replace(t, dep="acl", head=control) if i == participle else t for i, t in enumerate(tokens)]
    assert french._number_repaired(slipped)[participle].head == procedures
    # with an agent of its own it is a clause's verb, not a modifier in a term: the parse stays
    tokens = french.analyse(["Les équipes utilisent des procédures de contrôle harmonisées par les alliés."])[0]
    words = [t.text for t in tokens]
    assert tokens[words.index("harmonisées")].head == words.index("contrôle")


def test_an_adjective_that_agrees_with_its_complement_stays_the_complements():
    assert "dépôt de munitions explosives" in keys("Les dépôts de munitions explosives sont gardés.")
    # *pays* shows no number: *voisins* may be its own
    assert "ressource des pays voisins" in keys("Les ressources des pays voisins sont utiles.")


def test_an_adjective_of_the_head_past_its_complement_leaves_the_complement_a_unit():
    sentence = "Les convois utilisent des dépôts de carburant temporaires le long du corridor."
    tokens = french.analyse([sentence])[0]
    words = [t.text for t in tokens]
    assert tokens[words.index("temporaires")].head == words.index("dépôts")
    # *dépôt de carburant* is no longer a piece of the longer candidate: that one only adds a modifier to its head
    assert analysis(sentence).scores["dépôt de carburant"] >= DEFAULT_THRESHOLD


def test_the_faster_lemmatizer_gives_spacy_s_own_lemmas():
    import spacy

    from tmtool.terms.french import _nlp

    sentences = ["Les chasseurs de mines alliés ont neutralisé des engins explosifs anciens.",
                 "Nous renforçons nos capacités de défense aérienne et antimissile intégrées.",
                 "Les ministres se sont réunis au siège pour examiner les travaux en cours."]
    plain = spacy.load(french.MODEL, exclude=["ner"])
    expected = [[t.lemma_ for t in doc] for doc in plain.pipe(sentences)]
    ours = _nlp()
    faster = [[t.lemma_ for t in doc] for doc in ours.pipe(sentences, disable=["tmtool_merge_hyphens"])]
    assert faster == expected



_WORDS = ["Les", "ministres", "de", "la", "défense", "ont", "approuvé", "réunie", "un", "plan", "des", "forces",
          "armées", "prépositionnées", "l'", "OTAN", "état-major", "qui", "coordonne", "les", "opérations",
          "menées", "Alliées", "et", "sa", "posture", "partenaires", ",", "«", "»", "."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
def test_tokens_read_each_word_as_spacy_gives_it(words):
    """``_tokens`` reads a token's morphology once per analysis and remembers ``wordlike``: what it
    gives is the plain reading of spaCy's token."""
    sentence = " ".join(words)
    doc = french._nlp()(sentence)
    for t, token in zip(doc, french._tokens(doc, sentence), strict=True):
        common = t.pos_ == "PROPN" and t.text[:1].islower()  # a proper noun has a capital: a common noun's plural
        pos = "NOUN" if common else t.pos_
        # a form the French dictionary knows only as a finite verb's is one, whatever the tag
        verb = pos in ("NOUN", "ADJ") and t.text.islower() and finite_verb_only(t.text)
        pos, finite = ("VERB", True) if verb else (pos, "Fin" in t.morph.get("VerbForm"))
        nominal = wordlike(t.text) and (pos in ("NOUN", "PROPN") or (
            t.dep_.split(":")[0] in french._NOMINAL_RELATIONS and pos in french._CONTENT_TAGS
            and not t.is_stop and not finite))
        assert token == french.Token(
            text=t.text, lemma=t.lemma_, pos=pos, dep=t.dep_, head=t.head.i,
            gender={"Masc": "masculine", "Fem": "feminine"}.get(next(iter(t.morph.get("Gender")), "")),
            plural="Plur" in t.morph.get("Number") or (common and t.lemma_.casefold() != t.text.casefold()),
            singular="Sing" in t.morph.get("Number"), start=t.idx,
            sentence_initial=t.i == 0 or doc[t.i - 1].text in french._OPENING_QUOTES or (t.is_sent_start and (
                doc[t.i - 1].text in french._SENTENCE_ENDS or not doc[t.i - 1].text.strip())),
            participle="Part" in t.morph.get("VerbForm"), nominal=nominal, stop=t.is_stop)


def test_a_model_without_a_recogniser_finds_no_person_rather_than_failing(monkeypatch):
    import spacy

    sentences = ["Le vice-amiral Jean Dupont a présidé la réunion."]
    assert french.names(sentences) != [[]]  # the installed model names him
    monkeypatch.setattr(french, "_nlp", lambda: spacy.blank("fr"))  # a model compared with --model, say
    assert french.names(sentences) == [[]]


def test_a_names_beginning_keeps_no_occurrence_where_the_whole_name_is_written():
    """*Accélérateur d'innovation* is a piece of *Accélérateur d'innovation de défense pour l'Atlantique
    Nord* (its *de défense* goes on from *innovation*, not from the head): where the whole name is
    written, its beginning designates nothing, as a beginning that only adds to the head's dependents."""
    sentences = [
        "L'OTAN ouvre un nouvel appel à projets de l'Accélérateur d'innovation de défense pour l'Atlantique Nord.",
        "Le 3 mars, l'Accélérateur d'innovation de défense pour l'Atlantique Nord a ouvert son quatrième appel à"
        " projets aux jeunes pousses.",
        "Les projets retenus rejoindront le programme d'accélération pendant six mois.",
    ]
    scores = analyse_french([Context(s, "", "d") for s in sentences]).scores
    assert scores["accélérateur d'innovation de défense pour l'atlantique nord"] >= 0.5
    assert scores["accélérateur d'innovation"] == 0.0  # was 1.12, above the name itself


def test_a_phrase_of_one_country_s_thing_is_weighed_as_no_concept(tmp_path, monkeypatch):
    """*frégate italienne*, *officiers marocains*: an adjective of a people or a place (the dictionary's,
    ``dictionary.place_adjectives``) ties a phrase to one country's thing; outside names."""
    from tmtool.terms import dictionary

    sentences = [Context(s, "", "d") for s in (
        "La frégate italienne a escorté le pétrolier ravitailleur jusqu'à Tarente.",
        "La frégate italienne a ensuite rejoint la Force navale italienne au large de la Sicile.",
        "Des officiers marocains ont suivi l'exercice.")]

    def scores(dictionary_text: str) -> dict[str, float]:
        folder = tmp_path / str(len(dictionary_text))
        folder.mkdir()
        with gzip.open(folder / "freedict-fra-eng.dict.dz", "wt", encoding="utf-8") as f:
            f.write(dictionary_text)
        monkeypatch.setenv("TMTOOL_DICTIONARY_DIR", str(folder))
        for cached in (dictionary._installed, dictionary.word_pairs, dictionary.place_adjectives):
            cached.cache_clear()
        try:
            return analyse_french(sentences).scores
        finally:
            for cached in (dictionary._installed, dictionary.word_pairs, dictionary.place_adjectives):
                cached.cache_clear()

    unknown = scores("frégate /fʀeɡat/ <n, fem>\nfrigate\n")
    known = scores("italien /italjɛ̃/ <adj>\nItalian\nmarocain /maʀɔkɛ̃/ <adj>\nMoroccan\n")
    for phrase in ("frégate italienne", "officier marocain"):
        assert known[phrase] == pytest.approx(unknown[phrase] * 0.3, rel=0.01)
    assert known["force navale italienne"] == unknown["force navale italienne"]  # a name's own adjective


def test_an_adjective_that_picks_an_instance_opens_no_candidate():
    found = keys("La prochaine conférence de génération de forces se tiendra à Mons.",
                 "L'ancienne force de réaction a cédé la place à un nouvel effort de coordination.")
    assert {"conférence de génération de forces", "force de réaction", "effort de coordination"} <= found
    assert not any(k.startswith(("prochaine ", "ancienne ", "nouvel ")) for k in found)
    # an ordinal describes a function or a rank
    assert "premier ministre" in keys("Le premier ministre a rencontré les commandants.")


def forget_dictionary() -> None:
    """The French dictionary read again at its next use (``TMTOOL_HUNSPELL_DIR`` set by a test)."""
    from tmtool.terms import lexicon

    for cached in (lexicon._word_list, lexicon._verb_dictionary, lexicon._readings):
        cached.cache_clear()


# Dicollecte's lines as Debian's hunspell-fr packages ship them (FLAG long: two-character flags)
DICOLLECTE_AFF = """SET UTF-8
FLAG long
NEEDAFFIX ()
SFX S. Y 2
SFX S. 0 0/L'D'Q' [^sxz] is:sg
SFX S. 0 s/D'Q' [^sxz] is:pl
SFX a0 Y 3
SFX a0 er e/m's'q't'l'j'n' [^y]er po:ipre po:spre po:1sg po:3sg
SFX a0 er ent/m's'q't'l'n' [^y]er po:ipre po:spre po:3pl
SFX a0 er aient/n'q'l'm't's' [^cg]er po:iimp po:3pl
SFX p+ Y 2
SFX p+ er é/L'D'Q' er po:ppas po:adj is:mas is:sg
SFX p+ er ée/L'D'Q' er po:ppas po:adj is:fem is:sg
"""
DICOLLECTE_DIC = """5
exercice/S.() po:nom is:mas
forme/S.() po:nom is:fem
former/a0p+() po:v1_itnq__a
porter/a0p+() po:v1__tnq__a
armer/a0p+() po:v1_it_q__a
"""


def test_a_word_the_french_dictionary_knows_only_as_a_finite_verb_is_no_noun_or_adjective(tmp_path, monkeypatch):
    """The small model tags a verb after a plural subject as an adjective (*Les exercices portaient/ADJ sur*),
    which made *exercice portaient* a term; the dictionary's conjugations say the form is only a verb's."""
    from tmtool.terms import lexicon

    (tmp_path / "fr.aff").write_text(DICOLLECTE_AFF + "SFX a0 er ont/n' [^cg]er( po:ipre\n", encoding="utf-8")  # a broken line
    (tmp_path / "fr.dic").write_text(DICOLLECTE_DIC, encoding="utf-8")
    sentence = "Les exercices portaient sur les techniques d'arraisonnement et de contrôle."

    def found(folder) -> set[str]:
        monkeypatch.setenv("TMTOOL_HUNSPELL_DIR", str(folder))
        forget_dictionary()
        return keys(sentence)

    try:
        assert "exercice portaient" in found(tmp_path / "none")  # the tagger's slip, with no dictionary
        assert "exercice portaient" not in found(tmp_path)
        assert "exercice" in found(tmp_path)
        assert lexicon.finite_verb_only("portaient") and lexicon.finite_verb_only("forment")
        # a noun too, a participle, the infinitive, a word it does not know: left to the tagger
        assert not any(lexicon.finite_verb_only(w) for w in ("forme", "armé", "armée", "porter", "exercices", "otan"))
    finally:
        forget_dictionary()


def test_a_terms_gender_is_its_head_nouns_in_the_french_dictionary_else_its_agreement(tmp_path, monkeypatch):
    """Dicollecte's lines as Debian's hunspell-fr packages ship them. Without them, where no article or
    adjective shows the gender, the tagger's guess stands: it guesses *pays*, *processus* and *centre*
    feminine."""
    from tmtool.terms import lexicon

    sentences = [Context(s, "", "d") for s in (
        "Les pays non OTAN ont suivi les centres de commandement.",
        "Le soutien logistique des processus OTAN de planification est assuré.",
        "La secrétaire générale adjointe a ouvert la séance.")]
    heads = ("pays", "processus otan", "centre de commandement")

    def genders(folder) -> dict[str, str | None]:
        monkeypatch.setenv("TMTOOL_HUNSPELL_DIR", str(folder))
        forget_dictionary()
        try:
            return {k: c.gender for k, c in analyse_french(sentences).candidates.items()}
        finally:
            forget_dictionary()

    (tmp_path / "fr.dic").write_text(
        "8\ncentre/S.() po:nom is:mas\npays/L'D'Q' po:nom is:mas is:inv\nprocessus/L'D'Q' po:nom is:mas is:inv\n"
        "secrétaire/S.() po:nom is:epi\nMarine/L'D'Q' po:prn is:fem is:inv\nPIB/L'D'Q' po:nom is:mas is:inv\n"
        "marin/F.() po:nom po:adj\nmarine/S.() po:nom is:mas\n",
        encoding="utf-8")
    known, unknown = genders(tmp_path), genders(tmp_path / "none")
    assert all(known[k] == "masculine" for k in heads)
    assert any(unknown[k] == "feminine" for k in heads)
    assert known["secrétaire générale"] == "feminine"  # either gender: the agreement tells
    monkeypatch.setenv("TMTOOL_HUNSPELL_DIR", str(tmp_path))
    assert lexicon.noun_gender("Processus") == lexicon.noun_gender("PIB") == "masculine"
    assert lexicon.noun_gender("Marine") is None  # listed as written, a name: never read in lower case
    # *un marine* is listed, *la marine* is the feminine that marin/F. inflects: either gender, agreement tells
    assert lexicon.noun_gender("marine") is None and lexicon.noun_gender("centre") == "masculine"
    forget_dictionary()
