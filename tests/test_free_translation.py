"""Term pairing where the English does not follow the French word for word, as real translations do
not: the word aligner's diagonal is only as sharp as the corpus's sure links show its word order to be
(``wordalign.tension``), and an equivalent is chosen as the bilingual score weighs it."""

from __future__ import annotations

from pathlib import Path

from tmtool.model import Context
from tmtool.pipeline import align_files
from tmtool.terms import build_glossary
from tmtool.terms.wordalign import DIAGONAL_TENSION, MIN_TENSION, tension, word_texts

# names and numbers are sure links whatever the dictionary holds
LITERAL = [
    ("Le 12 mars 2024, Anna Berg et Paul Kerr ont visité Tallinn avec 40 marins.",
     "On 12 March 2024, Anna Berg and Paul Kerr visited Tallinn with 40 sailors."),
    ("Selon Marta Lind, 300 soldats de Riga et 25 navires de Gdansk participeront à Baltops 2025.",
     "According to Marta Lind, 300 soldiers from Riga and 25 ships from Gdansk will take part in Baltops 2025."),
]
FREE = [
    ("Le 12 mars 2024, Anna Berg et Paul Kerr ont visité Tallinn avec 40 marins.",
     "With 40 sailors, Tallinn was visited by Paul Kerr and Anna Berg on 12 March 2024."),
    ("Selon Marta Lind, 300 soldats de Riga et 25 navires de Gdansk participeront à Baltops 2025.",
     "Baltops 2025 will bring together 25 ships from Gdansk and 300 soldiers from Riga, Marta Lind said."),
]


def words(pairs):
    return [(word_texts(fr), word_texts(en)) for fr, en in pairs]


def test_the_diagonal_is_sharp_for_a_literal_translation_and_loose_for_a_free_one():
    assert tension(words(LITERAL)) == DIAGONAL_TENSION
    assert tension(words(FREE)) == MIN_TENSION


def test_too_few_sure_links_leave_the_default_tension():
    few = [("Anna Berg a visité Tallinn le 12 mars.", "On 12 March, Tallinn was visited by Anna Berg.")]
    assert tension(words(few)) == DIAGONAL_TENSION  # a handful of sure links: too few to tell
    assert tension([(["base", "aérienne"], ["air", "base"])] * 20) == DIAGONAL_TENSION  # terms, not sentences


def test_a_free_translation_s_loose_word_order_is_not_held_to_a_tighter_diagonal():
    # the sure links of a free translation put the diagonal's tension under fast_align's λ 1; held there, the
    # diagonal drew the link mass of a term opening the French sentence toward the English words opening
    # the English one, while its rendering closes it
    reordered = FREE + [
        ("L'Union européenne a financé la rénovation de trois ponts ferroviaires près de la frontière avec la "
         "Pologne.",
         "Three railway bridges near the Polish border were renovated with funding from the European Union."),
        ("Des avions de transport aérien stratégique ont acheminé 200 soldats vers la base aérienne de Łask.",
         "200 soldiers were flown to Łask air base by strategic airlift aircraft."),
    ]
    assert tension(words(reordered)) < 1.0
    entries = build_glossary([Context(fr, en, "report") for fr, en in reordered], threshold=0.0)
    union = next(e for e in entries if e.terms[0].text == "Union européenne")
    english = next(t for t in union.terms if t.lang == "en")
    assert english.text == "European Union"
    assert english.confidence > 0.85  # was 0.76: the words agree, only their places do not


# a mine-countermeasures report translated freely: passives, fronted complements, reordered lists
REPORT = [
    ("Sept chasseurs de mines et un navire de commandement ont neutralisé plus de quarante munitions "
     "anciennes au large de la côte.",
     "More than forty old munitions off the coast were neutralised by seven minehunters and a command ship."),
    ("Le navire de commandement a coordonné le travail des plongeurs pendant trois semaines.",
     "For three weeks, the divers' work was coordinated from the command ship."),
    ("Les plongeurs ont cartographié les fonds marins avec des véhicules sous-marins autonomes.",
     "Autonomous underwater vehicles helped the divers to map the seabed."),
    ("Selon le commandant, la guerre des mines reste une capacité essentielle pour la liberté de navigation.",
     "Freedom of navigation still depends on mine warfare, the commander said."),
    ("Des avions de patrouille maritime allemands ont soutenu le volet de lutte anti-sous-marine de l'exercice.",
     "German maritime patrol aircraft supported the anti-submarine warfare phase of the exercise."),
    ("Le navire de commandement rejoindra ensuite le port de Kiel avec les chasseurs de mines.",
     "With the minehunters, the command ship will then sail to the port of Kiel."),
]


def english_of(entries, french: str) -> str | None:
    entry = next(e for e in entries if e.terms[0].text == french)
    return next((t.text for t in entry.terms if t.lang == "en"), None)


def test_terms_of_a_free_translation_get_their_english():
    entries = build_glossary([Context(fr, en, "report") for fr, en in REPORT], threshold=0.0)
    assert english_of(entries, "navire de commandement") == "command ship"
    assert english_of(entries, "chasseur de mines") == "minehunter"  # was none
    assert english_of(entries, "véhicule sous-marin autonome") == "autonomous underwater vehicle"  # was *seabed*
    assert english_of(entries, "avion de patrouille maritime") == "maritime patrol aircraft"  # was *german maritime patrol*
    assert english_of(entries, "plongeur") == "diver"  # was *autonomous underwater*


def test_a_title_opening_the_english_sentence_keeps_its_capitals():
    pairs = [
        ("Les ministres de la Défense se réuniront à Bruxelles en juin pour examiner les plans.",
         "Defence Ministers will meet in Brussels in June to review the plans."),
        ("Le rapport sera ensuite présenté aux ministres de la Défense par le comité.",
         "Defence Ministers will then receive the report from the committee."),
    ]
    entries = build_glossary([Context(fr, en, "meeting") for fr, en in pairs], threshold=0.0)
    assert english_of(entries, "ministre de la Défense") == "Defence Minister"


def test_an_equivalent_that_leaves_a_word_out_loses_the_choice():
    """In a free translation a French modifier seen once (*marchandises*) is weakly linked to its English
    word (*freight*), and the head alone (*train*) matched the term's links best; chosen as the bilingual
    score weighs it, the rendering with a word for each of the term's wins."""
    folder = Path(__file__).resolve().parents[1] / "bench" / "data" / "terms-free" / "military-mobility-corridor"
    pairs = align_files(folder / "military-mobility-corridor.fr.txt",
                        folder / "military-mobility-corridor.en.txt").term_pairs("mobility")
    entries = build_glossary(pairs, threshold=0.0)
    assert english_of(entries, "train de marchandises") == "freight train"  # was *train*
    assert english_of(entries, "base aérienne") == "air base"  # was *base*
    assert english_of(entries, "dépôt de carburant") == "fuel depot"  # was *depot*
    assert english_of(entries, "chaîne d'approvisionnement") == "supply chain"  # was *chain*


def test_an_english_acronym_renders_a_french_acronym_not_the_term_holding_it():
    """*NATO* renders *OTAN*; for *siège de l'OTAN* it leaves *siège* out, as any shorter rendering would.
    In a free translation that fronts *At NATO Headquarters*, the acronym alone matched the term's links
    best in one pair and took its vote from *NATO Headquarters*, and no equivalent was left sure enough."""
    folder = Path(__file__).resolve().parents[1] / "bench" / "data" / "terms-free" / "defence-ministers-cyber"
    pairs = align_files(folder / "defence-ministers-cyber.fr.txt",
                        folder / "defence-ministers-cyber.en.txt").term_pairs("cyber")
    entries = build_glossary(pairs, threshold=0.0)
    assert english_of(entries, "siège de l'OTAN") == "NATO Headquarters"  # was none
    assert english_of(entries, "OTAN") == "NATO"
