"""English equivalents: word alignment (fast_align's model with priors), the dictionary prior, and the
choice of an English noun phrase for a French term. Sentences written for these tests."""

import gzip
from pathlib import Path

import numpy as np
import pytest

from tmtool.model import Context, Entry, Term, TermType
from tmtool.terms import dictionary
from tmtool.terms.equivalents import _open_compound, add_equivalents
from tmtool.terms.wordalign import WordAligner, words

PAIRS = [
    ("Le commandement allié a publié un rapport.", "Allied command published a report."),
    ("Le rapport du commandement est clair.", "The command's report is clear."),
    ("Un rapport annuel sur la défense aérienne.", "An annual report on air defence."),
    ("La défense aérienne de l'Alliance reste forte.", "The Alliance's air defence remains strong."),
    ("Le commandement de la défense aérienne se réunit à Ramstein.",
     "The air defence command meets in Ramstein."),
    ("Les ministres ont visité Ramstein en mai.", "The ministers visited Ramstein in May."),
]


def tokens(text: str) -> list[str]:
    return [w.text for w in words(text)]


def best_english(aligner: WordAligner, fr: str, en: str) -> dict[str, str]:
    f, e = tokens(fr), tokens(en)
    links = aligner.links(f, e)
    return {f[i]: e[int(np.argmax(links[i]))] for i in range(len(f))}


def test_the_aligner_learns_translations_from_a_few_pairs():
    aligner = WordAligner([(tokens(fr), tokens(en)) for fr, en in PAIRS])
    best = best_english(aligner, *PAIRS[4])
    assert best["commandement"] == "command"
    assert best["ramstein"] == "ramstein"
    assert best["aérienne"] == "air" or best["défense"] == "defence"


def test_a_name_links_to_itself_even_against_the_word_order():
    fr = "Un deuxième cours est prévu à l'automne pour les partenaires de Bakou."
    en = "A second course for Baku partners is planned for the autumn, says Kowalski."
    aligner = WordAligner([(tokens(fr), tokens(en)), (tokens("Kowalski est à Bakou."), tokens("Kowalski is in Baku."))])
    links = aligner.links(tokens(fr), tokens(en))
    assert tokens(en)[int(np.argmax(links[tokens(fr).index("automne")]))] == "autumn"


def test_links_are_probabilities_and_unknown_words_do_not_crash():
    aligner = WordAligner([(tokens(fr), tokens(en)) for fr, en in PAIRS])
    links = aligner.links(["inconnu", "rapport"], ["unknown", "report"])
    assert links.shape == (2, 2) and (links >= 0).all() and (links <= 1).all()
    assert aligner.links([], ["x"]).shape == (0, 1)
    assert WordAligner([]).links(["a"], ["b"]).shape == (1, 1)


def forget_the_dictionary() -> None:
    for cached in (dictionary._installed, dictionary.word_pairs, dictionary.place_adjectives):
        cached.cache_clear()


def test_dictd_entries_are_read_word_by_word(tmp_path, monkeypatch):
    text = ("00-database-info\nA test dictionary\n"
            "renseignement /ʀɑ̃sɛɲmɑ̃/ <n, masc>\n1. intelligence\n2. information, piece of news\n"
            "espace aérien /ɛspas aeʀjɛ̃/ <n>\nairspace\n")
    with gzip.open(tmp_path / "freedict-fra-eng.dict.dz", "wt", encoding="utf-8") as f:
        f.write(text)
    monkeypatch.setenv("TMTOOL_DICTIONARY_DIR", str(tmp_path))
    forget_the_dictionary()
    try:
        assert dictionary.parse_dictd(text)[0] == ("renseignement", "n", ["intelligence", "information", "piece of news"])
        def translates(fr: str, en: str) -> bool:  # as the aligner asks: both words keyed
            return (dictionary.key(fr), dictionary.key(en)) in dictionary.word_pairs()

        assert translates("renseignements", "intelligence")  # any inflection
        assert not translates("renseignement", "piece of news")  # words only
        assert not translates("espace", "airspace")  # a phrase headword is left out
    finally:
        forget_the_dictionary()


def test_a_people_s_adjectives_are_those_english_capitalises(tmp_path, monkeypatch):
    """Read in either direction: a French adjective all of whose translations are capitalised, the
    French of a capitalised English adjective; not a noun English capitalises (*août*, *August*), not an
    adjective with one lower-case sense (*franc*: *frank*, *Frankish*)."""
    french = ("roumain /ʀumɛ̃/ <adj>\nRomanian, Rumanian\naoût /ut/ <n, masc>\nAugust\n"
              "franc /fʀɑ̃/ <adj>\n1. frank\n2. Frankish\naérien /aeʀjɛ̃/ <adj>\naerial\n")
    english = "Moroccan /məˈɹɒkən/ <adj>\nmarocain\nnaval /ˈneɪvəl/ <adj>\nnaval\n"
    for name, text in (("freedict-fra-eng.dict.dz", french), ("freedict-eng-fra.dict.dz", english)):
        with gzip.open(tmp_path / name, "wt", encoding="utf-8") as f:
            f.write(text)
    monkeypatch.setenv("TMTOOL_DICTIONARY_DIR", str(tmp_path))
    forget_the_dictionary()
    try:
        assert dictionary.place_adjectives() == {"roumain", "marocain"}
    finally:
        forget_the_dictionary()


def test_no_dictionary_installed_means_no_prior(tmp_path, monkeypatch):
    monkeypatch.setenv("TMTOOL_DICTIONARY_DIR", str(tmp_path))
    forget_the_dictionary()
    try:
        assert dictionary.word_pairs() == frozenset()
        assert dictionary.place_adjectives() == frozenset()
        assert WordAligner([(["paix"], ["peace"])]).links(["paix"], ["peace"])[0, 0] > 0.5
    finally:
        forget_the_dictionary()


def english_of(french: str, pairs: list[tuple[str, str]], **term) -> list[str]:
    entry = Entry(terms=[Term(french, "fr", forms=[french], **term)])
    add_equivalents([entry], [Context(fr, en) for fr, en in pairs])
    return [t.text for t in entry.terms_in("en")]


SUPPORT = [
    ("L'OTAN se réunit à Bruxelles.", "NATO meets in Brussels."),
    ("Le soutien de l'OTAN a été reçu par de nombreux pays partenaires.",
     "Many partner countries received NATO support."),
    ("Le soutien de l'OTAN à l'Ukraine se poursuit.", "NATO support to Ukraine continues."),
    ("Les pays partenaires saluent le soutien de l'OTAN.", "Partner countries welcome NATO support."),
]


def test_the_equivalent_is_a_noun_phrase_never_a_verb_led_span():
    assert english_of("soutien de l'OTAN", SUPPORT) == ["NATO support"]
    assert english_of("pays partenaire", SUPPORT) == ["partner country"]  # singular, as the French


def test_the_translation_used_most_consistently_wins():
    pairs = [
        ("La posture de dissuasion reste crédible.", "The deterrence posture remains credible."),
        ("Nous renforçons la posture de dissuasion.", "We are strengthening our deterrence posture."),
        ("Une posture de dissuasion et de défense.", "A deterrence and defence posture."),
        ("La dissuasion nucléaire est au cœur de notre défense.", "Nuclear deterrence is at the core of our defence."),
        ("La posture des forces change.", "The force posture is changing."),
    ]
    assert english_of("posture de dissuasion", pairs)[0] == "deterrence posture"


def test_a_pair_too_long_to_word_align_is_left_out_of_the_alignment(monkeypatch):
    """A "sentence" of thousands of words (a list or a table read without punctuation) is not aligned
    word by word, which costs the product of its two lengths (1.5 GB for 3,000 words a side; 15,000
    words ended the process): the aligner neither trains on it nor links its words, and a term is
    paired where it occurs in sentences of reasonable length."""
    shapes = []
    links = WordAligner.links
    monkeypatch.setattr(WordAligner, "links", lambda self, fr, en: shapes.append((len(fr), len(en))) or links(self, fr, en))
    trained = []
    train = WordAligner._train
    monkeypatch.setattr(WordAligner, "_train", lambda self, encoded: trained.extend(encoded) or train(self, encoded))
    filler_fr, filler_en = "le rapport annuel du comité " * 200, "the annual report of the committee " * 200
    unpunctuated = (f"{filler_fr} le soutien de l'OTAN {filler_fr}", f"{filler_en} NATO support {filler_en}")
    assert english_of("soutien de l'OTAN", [*SUPPORT, unpunctuated]) == ["NATO support"]
    assert shapes and max(max(shape) for shape in shapes) < 100
    assert len(trained) == len(SUPPORT) and max(len(f) for f, _ in trained) < 100


def test_a_closed_french_compound_finds_the_open_english_one():
    pairs = [("Une cyberattaque grave pourrait conduire à l'invocation de l'article 5.",
              "A serious cyber attack could lead to the invocation of Article 5."),
             ("L'hôpital a subi une cyberattaque en mai.", "The hospital suffered a cyber attack in May."),
             ("Une attaque contre un Allié est une attaque contre tous.", "An attack on one Ally is an attack on all.")]
    assert english_of("cyberattaque", pairs) == ["cyber attack"]
    # in a longer term too: no rendering cuts the compound (*serious cyber*)
    assert english_of("cyberattaque grave", pairs) == ["serious cyber attack"]
    assert _open_compound("cyberdéfense", ("cyber", "defence")) > 0.75
    assert _open_compound("cyberdéfense", ("cyber",)) == 0.0  # a piece is not the compound
    assert _open_compound("prépositionnement", ("prepositioning", "equipment")) == 0.0  # a word and more


def test_a_french_acronym_is_only_paired_with_an_english_acronym():
    pairs = [("L'OTAN et l'UE coopèrent.", "NATO and the EU cooperate."),
             ("L'OTAN renforce sa défense.", "NATO strengthens its defence.")]
    found = english_of("OTAN", pairs, term_type=TermType.ACRONYM)
    assert found == ["NATO"]


def test_no_equivalent_without_evidence():
    assert english_of("territoire allié", [("Le territoire allié est protégé.", "")]) == []
    assert english_of("territoire allié", []) == []


@pytest.mark.parametrize("text", ["presse@hq.nato.int", "www.nato.int"])
def test_addresses_are_never_english_equivalents(text):
    pairs = [(f"Écrivez à {text} pour le programme OTAN 2030.", f"Write to {text} about the NATO 2030 agenda.")]
    found = english_of("programme OTAN 2030", pairs)
    assert all(text not in t and t not in ("int", "nato.int") for t in found)


def test_an_approved_glossary_pair_teaches_the_aligner():
    pairs = [("Les Alliés ont salué le soutien de l'OTAN.", "The Allies welcomed NATO support."),
             ("Le soutien de l'OTAN reste solide.", "NATO support remains strong.")]
    entry = Entry(terms=[Term("soutien de l'OTAN", "fr", forms=["soutien de l'OTAN"])])
    add_equivalents([entry], [Context(fr, en) for fr, en in pairs], lexicon=[("OTAN", "NATO"), ("soutien", "support")])
    assert [t.text for t in entry.terms_in("en")] == ["NATO support"]


def test_an_english_equivalent_keeps_a_capital_the_english_writes_inside_sentences_only():
    from tmtool.terms import build_glossary

    pairs = [Context(fr, en, "doc") for fr, en in [
        ("Sommet de Vilnius : les Alliés adoptent de nouveaux plans.",
         "Vilnius Summit: Allies adopt new plans."),
        ("Les chefs d'État se sont réunis à Vilnius pour le sommet de Vilnius.",
         "The Heads of State met in Vilnius for the Vilnius Summit."),
        ("10. La gestion de crise demeure une tâche fondamentale.",
         "10. Crisis management remains a core task."),
        ("11. La gestion de crise exige une planification civile.",
         "11. Crisis management requires civil planning."),
    ]]
    english = {e.terms[0].text: e.terms_in("en")[0].text for e in build_glossary(pairs, threshold=0.0)
               if e.terms_in("en")}
    assert english["sommet de Vilnius"] == "Vilnius Summit"  # a name, written so inside a sentence
    assert english["gestion de crise"] == "crisis management"  # capitalised by its place, after a number


def test_a_common_nouns_english_is_not_spelt_as_the_name_holding_it():
    """*lutte contre les mines* is rendered *Mine Countermeasures* inside *Mine Countermeasures Group*, first
    in the text, and *mine countermeasures* on its own: the term's English is the latter's spelling."""
    from tmtool.pipeline import align_files
    from tmtool.terms import build_glossary

    sample = Path(__file__).resolve().parents[1] / "bench" / "data" / "pivot-de"
    pairs = align_files(sample / "exercise.fr.txt", sample / "exercise.en.txt").term_pairs("exercise")
    english = {e.terms[0].text: [t.text for t in e.terms_in("en")] for e in build_glossary(pairs, threshold=0.0)}
    assert english["lutte contre les mines"] == ["mine countermeasure"]


# ---- candidates the translation shows: a term the parse broke -------------------------------------

BROKEN_BY_THE_PARSE = [
    ("Les plongeurs ont travaillé avec des véhicules sous-marins autonomes pour cartographier les fonds marins.",
     "The divers worked with autonomous underwater vehicles to map the seabed."),
    ("Une cyberattaque grave pourrait conduire à l'invocation de l'article 5 du traité de l'Atlantique Nord.",
     "A serious cyber attack could lead to the invocation of Article 5 of the North Atlantic Treaty."),
    ("Le traité de l'Atlantique Nord a été signé à Washington en 1949.",
     "The North Atlantic Treaty was signed in Washington in 1949."),
]


def test_a_phrase_the_parse_broke_is_a_candidate_where_its_translation_shows_it_whole():
    """The parser reads *autonomes* as a complement of the verb and leaves *Nord* out of *traité de
    l'Atlantique*; the English noun phrase each aligns with gives the whole span back."""
    from tmtool.terms import build_glossary

    entries = build_glossary([Context(fr, en, "doc") for fr, en in BROKEN_BY_THE_PARSE], threshold=0.0)
    english = {e.terms[0].text: [t.text for t in e.terms if t.lang == "en"] for e in entries}
    assert english["véhicule sous-marin autonome"] == ["autonomous underwater vehicle"]
    assert english["traité de l'Atlantique Nord"] == ["North Atlantic Treaty"]
    # a span the translation shows is still weighed as any candidate: a free phrase it aligns with is no term
    proposed = {e.terms[0].text for e in entries if e.score >= 0.5}
    assert "traité de l'Atlantique Nord" in proposed and not any(text.startswith("invocation") for text in proposed)


def test_a_span_is_shaped_as_a_term_may_be_whatever_its_translation_says():
    from tmtool.terms.candidates import phrase_shaped
    from tmtool.terms.french import analyse

    [sentence] = analyse(["Les forces déployées en Estonie ont reçu des véhicules sous-marins autonomes."])
    texts = [t.text for t in sentence]

    def span(first: str, last: str) -> tuple[int, int]:
        return texts.index(first), texts.index(last) + 1

    assert phrase_shaped(sentence, *span("véhicules", "autonomes"))
    assert not phrase_shaped(sentence, *span("forces", "Estonie"))  # *déployées* heads a clause of its own
    assert not phrase_shaped(sentence, *span("Estonie", "reçu"))  # a finite verb
    assert not phrase_shaped(sentence, *span("des", "autonomes"))  # opens on an article
    # the parser attaches *guerres* to *munitions*: *datant* heads no clause in the parse, but it does not
    # agree with its feminine plural noun, so it is a verb; a verbal adjective agrees (*pays participants*)
    [sentence] = analyse(["Les plongeurs ont neutralisé plus de quarante munitions non explosées datant des deux "
                          "guerres mondiales avec les pays participants."])
    texts = [t.text for t in sentence]
    assert phrase_shaped(sentence, *span("munitions", "explosées"))
    assert not phrase_shaped(sentence, *span("munitions", "datant"))
    assert phrase_shaped(sentence, *span("pays", "participants"))
    [sentence] = analyse(["Ce partenariat de longue date réunit des forces mieux équipées dans des eaux peu profondes."])
    texts = [t.text for t in sentence]
    assert phrase_shaped(sentence, *span("partenariat", "date"))
    assert not phrase_shaped(sentence, *span("partenariat", "longue"))  # an adjective before its noun closes nothing
    assert phrase_shaped(sentence, *span("eaux", "profondes"))  # *peu* grades the adjective of a term
    assert not phrase_shaped(sentence, *span("forces", "équipées"))  # *mieux* compares: a free phrase


def test_a_span_the_translation_shows_takes_its_gender_from_its_own_adjectives_only():
    """In the mine-countermeasures report the parse makes the noun *patrouille* a modifier; an aligned
    span *avions de patrouille* must not take its gender for *avions*, nor give it to every candidate
    headed by *avions* in that sentence."""
    from pathlib import Path

    from tmtool.pipeline import align_files
    from tmtool.terms import build_glossary

    folder = Path(__file__).resolve().parents[1] / "bench" / "data" / "terms-dev" / "baltic-mine-countermeasures"
    pairs = align_files(folder / "baltic-mine-countermeasures.fr.txt",
                        folder / "baltic-mine-countermeasures.en.txt").term_pairs("baltic")
    genders = {e.terms[0].text: e.terms[0].gender for e in build_glossary(pairs, threshold=0.0)}
    assert genders["avion de patrouille maritime"] == "masculine"  # was feminine


def test_an_english_acronym_of_a_full_form_holding_an_acronym_renders_it_whole():
    from tmtool.terms.equivalents import leaves_out_words

    assert not leaves_out_words("Force de réaction de l'OTAN", "NRF")  # NRF spells the whole
    assert not leaves_out_words("Agence OTAN d'information et de communication", "NCIA")
    assert leaves_out_words("Comité militaire de l'OTAN", "NATO")  # NATO renders OTAN alone
    assert leaves_out_words("sommet de l'UE", "EU")


def test_non_hyphenated_to_its_word_is_part_of_it():
    from tmtool.terms import build_glossary
    from tmtool.terms.termhood import term_patterns

    pairs = [Context(fr, en, "doc") for fr, en in [
        ("La non-prolifération nucléaire reste au cœur des priorités de l'Alliance.",
         "Nuclear non-proliferation remains at the heart of the Alliance's priorities."),
        ("Les délégués ont débattu de la non-prolifération et du contrôle des armements.",
         "Delegates debated non-proliferation and arms control."),
        ("Les États non membres ont été invités comme observateurs.", "Non-member states were invited as observers."),
    ]]
    entry = next(e for e in build_glossary(pairs, threshold=0.0) if e.terms[0].text == "non-prolifération")
    assert [t.text for t in entry.terms if t.lang == "en"] == ["non-proliferation"]
    # its *non* aligned as the word's own part, not left out as a word of grammar (× WORD_LEFT_OUT): at the
    # threshold but for a lone noun's pattern weight (LIDF-value, ×0.58)
    assert entry.score >= 0.5 * term_patterns()["NOUN"]



# English acronyms defined in French text, from one short document: the aligner learns from all of it
ENGLISH_ACRONYMS_IN_FRENCH = [
    ("Le commandant suprême allié Transformation (SACT) a présenté le nouveau concept aux délégués.",
     "The Supreme Allied Commander Transformation (SACT) presented the new concept to the delegates."),
    ("La cellule de contrôle de l'exercice (EXCON) a simulé une panne du réseau.",
     "The exercise control (EXCON) simulated a network outage."),
    ("Le stage relève de l'Initiative de renforcement des capacités de défense et de sécurité (DCB) de l'OTAN.",
     "The course is part of NATO's Defence and Related Security Capacity Building (DCB) Initiative."),
    ("Ce renforcement des capacités aide les partenaires de l'Alliance.", "This capacity building helps the Alliance's partners."),
    ("Le renforcement des institutions reste une priorité.", "Institution building remains a priority."),
    ("Les délégués ont visité le Commandement OTAN d'assistance à la sécurité et de formation au profit de "
     "l'Ukraine (NSATU), à Wiesbaden.",
     "The delegates visited NATO Security Assistance and Training for Ukraine (NSATU) in Wiesbaden."),
    ("La formation des militaires ukrainiens se poursuit.", "The training of Ukrainian personnel continues."),
    ("Les délégués ont salué le concept et la formation.", "The delegates welcomed the concept and the training."),
    ("Chaque semaine, le centre remet aux commandants un bilan de la connaissance de la situation spatiale (SSA).",
     "Every week the centre gives commanders a space situational awareness (SSA) summary."),
    ("Le ministère a alerté l'équipe d'intervention en cas d'urgence informatique (CERT) du pays.",
     "The ministry alerted the national computer emergency response team (CERT)."),
    ("Les données du système d'identification automatique (AIS) montrent que le navire a changé de cap.",
     "Automatic Identification System (AIS) data show that the ship changed course."),
]


@pytest.mark.parametrize("acronym, full", [
    # its letters spell no French words; the English full form's do, and the alignment carries it over
    ("SACT", "commandant suprême allié Transformation"),
    # the translation lengthens a full form, never shortens it: a word English leaves out stays
    ("EXCON", "cellule de contrôle de l'exercice"),
    # a capitalised noun the phrase is the complement of begins the name (English: *(DCB) Initiative*)
    ("DCB", "Initiative de renforcement des capacités de défense et de sécurité"),
    # a name's words juxtaposed, whatever the parse makes of them
    ("NSATU", "Commandement OTAN d'assistance à la sécurité et de formation au profit de l'Ukraine"),
    # the French letters spell the acronym only by chance, inside words (*s*ituation *s*p*a*tiale, *c*as
    # d'urg*e*nce info*r*ma*t*ique): the English full form's initials spell it, and its rendering is the full form
    ("SSA", "connaissance de la situation spatiale"),
    ("CERT", "équipe d'intervention en cas d'urgence informatique"),
    # the French letters spell nothing; the English initials do, and the rendering of the English full form
    # begins it, not the phrase it is the complement of (*données du*)
    ("AIS", "système d'identification automatique"),
])
def test_the_translation_delimits_the_full_form_of_an_english_acronym_in_french(acronym, full):
    from tmtool.terms import build_glossary

    pairs = [Context(fr, en, "doc") for fr, en in ENGLISH_ACRONYMS_IN_FRENCH]
    entry = next(e for e in build_glossary(pairs, threshold=0.0) if acronym in [t.text for t in e.terms])
    assert entry.terms[0].text == full


def test_a_complement_with_an_article_is_a_term_s_where_the_english_renders_one_compound():
    from tmtool.terms import DEFAULT_THRESHOLD, build_glossary
    from tmtool.terms.equivalents import french_floor
    from tmtool.terms.extract import analyse_french

    pairs = [Context(fr, en, "doc") for fr, en in [
        ("Le bataillon a renforcé la protection de la force avant le déploiement.",
         "The battalion stepped up force protection before the deployment."),
        ("Le commandant a souligné l'importance de la coopération avec les autorités locales.",
         "The commander stressed the importance of cooperation with the local authorities."),
        ("Les autorités locales ont fourni des véhicules et des interprètes au bataillon.",
         "The local authorities provided the battalion with vehicles and interpreters."),
        ("Le déploiement a duré six mois.", "The deployment lasted six months."),
    ]]
    french = analyse_french(pairs)
    # Daille's free-phrase weight for *de la*: a guess the French alone has to make ...
    for phrase in ("protection de la force", "importance de la coopération"):
        assert french.scores[phrase] < french_floor(DEFAULT_THRESHOLD) <= french.units[phrase]
    glossary = {e.terms[0].text: e for e in build_glossary(pairs)}
    # ... that the English settles: one compact compound is a term's rendering
    assert [t.text for t in glossary["protection de la force"].terms_in("en")] == ["force protection"]
    # *importance of cooperation*, rendered with *of*, keeps the weight of a free phrase
    assert "importance de la coopération" not in glossary


def test_a_common_phrase_rendered_by_the_end_of_an_english_name_is_a_piece_of_it():
    from tmtool.terms import build_glossary
    from tmtool.terms.equivalents import _EquivalentFinder, rendered_as_unit

    pairs = [Context(fr, en, "doc") for fr, en in [
        ("Le commandant suprême des forces alliées en Europe a inspecté la brigade.",
         "The Supreme Allied Commander Europe inspected the brigade."),
        ("La brigade polonaise a présenté ses chasseurs F-16 aux officiers.",
         "The Polish brigade showed its F-16 fighters to the officers."),
        ("Le Comité militaire a salué la brigade.", "The NATO Military Committee praised the brigade."),
    ]]
    entries = {e.terms[0].text: e for e in build_glossary(pairs, threshold=0.0)}
    finder = _EquivalentFinder(pairs, [], [], {})
    # *Allied Commander Europe* begins inside the name *Supreme Allied Commander Europe*: it renders a piece
    # of *commandant suprême des forces alliées en Europe*, no unit of its own
    assert [t.text for t in entries["force alliée en Europe"].terms_in("en")] == ["Allied Commander Europe"]
    assert not rendered_as_unit(entries["force alliée en Europe"], finder)
    # a people's adjective before a phrase is no name's beginning, nor is NATO's acronym
    assert rendered_as_unit(entries["chasseur F-16"], finder)
    assert rendered_as_unit(entries["Comité militaire"], finder)


def test_a_noun_before_a_name_that_keeps_its_english_acronym_is_not_part_of_its_full_form():
    """*sous l'autorité du Commandement allié Opérations (ACO)*: the French name keeps the English acronym, its
    words in French order, so its letters spell ACO only with the noun before it (*a*utorité du *C*ommandement allié
    *O*pérations), and that was taken for the full form. The English full form's initials spell the acronym, and the
    French words rendering it have each of its letters as an initial: they are the name, not the noun governing it."""
    from tmtool.terms import build_glossary

    pairs = [Context(fr, en, "doc") for fr, en in [
        ("La directive s'applique à tous les quartiers généraux placés sous l'autorité du Commandement allié "
         "Opérations (ACO).",
         "The directive applies to all headquarters under the authority of Allied Command Operations (ACO)."),
        ("Le Commandement allié Opérations planifie les opérations de l'Alliance.",
         "Allied Command Operations plans the Alliance's operations."),
        ("Les quartiers généraux rendent compte chaque semaine.", "The headquarters report every week."),
    ]]
    entry = next(e for e in build_glossary(pairs, threshold=0.0) if "ACO" in [t.text for t in e.terms])
    assert [t.text for t in entry.terms_in("fr")] == ["Commandement allié Opérations", "ACO"]
