"""The sentence aligner: bead types, paragraphs, real document pairs, properties, the metric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.align import Scores, align, align_texts, evaluate, format_beads, parse_beads, read_beads
from tmtool.errors import TmtoolError
from tmtool.model import Bead, Segment

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TEXTBERG = SHARED / "align" / "textberg-de-fr"
TRANSREAD = SHARED / "align" / "transread-fr-en"

# sentence pairs around the bead under test, so that it sits in a document as in real use
BEFORE = [
    ("Le 12 mars, le Conseil de l’Atlantique Nord s’est réuni à Bruxelles.", "On 12 March, the North Atlantic Council met in Brussels."),
    ("Les ministres ont examiné 4 rapports sur la cyberdéfense.", "Ministers reviewed 4 reports on cyber defence."),
]
AFTER = [
    ("La prochaine réunion aura lieu en 2025 à Washington.", "The next meeting will take place in 2025 in Washington."),
    ("Le secrétaire général a salué le travail des 32 Alliés.", "The Secretary General praised the work of the 32 Allies."),
]

BEADS = {
    "1-1": (
        ["Le général Wiermann a accueilli 27 représentants militaires des pays partenaires."],
        ["General Wiermann welcomed 27 military representatives of partner countries."],
    ),
    "1-2": (
        ["Le comité a adopté 3 décisions, puis il a publié un communiqué de 5 pages sur l’Ukraine."],
        ["The committee adopted 3 decisions.", "It then published a 5-page communiqué on Ukraine."],
    ),
    "2-1": (
        ["The committee adopted 3 decisions.", "It then published a 5-page communiqué on Ukraine."],
        ["Le comité a adopté 3 décisions, puis il a publié un communiqué de 5 pages sur l’Ukraine."],
    ),
    "2-2": (
        [
            "L’exercice Steadfast Defender a réuni 90 000 militaires venus de 31 pays",
            "et il s’est déroulé en Pologne, en Allemagne et en Norvège pendant 4 mois.",
        ],
        [
            "Exercise Steadfast Defender brought together 90,000 troops from 31 countries in Poland, Germany",
            "and Norway, over 4 months.",
        ],
    ),
    "1-3": (
        ["La mission compte 250 formateurs, elle dispose de 8 hélicoptères et son budget atteint 40 millions d’euros."],
        ["The mission has 250 trainers.", "It has 8 helicopters.", "Its budget reaches 40 million euros."],
    ),
    "3-1": (
        ["The mission has 250 trainers.", "It has 8 helicopters.", "Its budget reaches 40 million euros."],
        ["La mission compte 250 formateurs, elle dispose de 8 hélicoptères et son budget atteint 40 millions d’euros."],
    ),
    "1-4": (
        [
            "La mission compte 250 formateurs, elle dispose de 8 hélicoptères, son budget atteint 40 millions "
            "d’euros et son mandat court jusqu’en 2027."
        ],
        ["The mission has 250 trainers.", "It has 8 helicopters.", "Its budget reaches 40 million euros.", "Its mandate runs until 2027."],
    ),
    "1-0": (
        ["Note du traducteur : le texte original de la conférence de presse du 17 octobre 1998 à Vilamoura n’a pas été retrouvé dans les archives."],
        [],
    ),
    "0-1": (
        [],
        ["Photo: courtesy of the Joint Force Command Brunssum public affairs office, taken at Ādaži on 9 September 1996."],
    ),
}


@pytest.mark.parametrize("kind", sorted(BEADS))
def test_each_bead_type_is_found_in_a_document(kind):
    src_bead, tgt_bead = BEADS[kind]
    src = [fr for fr, _ in BEFORE] + src_bead + [fr for fr, _ in AFTER]
    tgt = [en for _, en in BEFORE] + tgt_bead + [en for _, en in AFTER]
    beads = align_texts(src, tgt)
    a, b = len(src_bead), len(tgt_bead)
    bead = Bead(tuple(range(2, 2 + a)), tuple(range(2, 2 + b)))
    expected = ["[0]:[0]", "[1]:[1]", bead.gold_format(), f"[{2 + a}]:[{2 + b}]", f"[{3 + a}]:[{3 + b}]"]
    assert [x.gold_format() for x in beads] == expected
    assert all(0.0 <= x.confidence <= 1.0 for x in beads)


def test_two_translations_that_share_names_are_not_merged_into_a_2_2_bead():
    """Neighbouring sentences share names (Stoltenberg, Kuleba, Ukraine, Brussels) and their lengths
    differ in opposite directions, so a 2-2 bead that pooled all the evidence would win; each sentence
    of a 2-2 bead is credited with its best partner only, and the numbers pair them one to one."""
    pairs = [
        (
            "Le ministre Stoltenberg a longuement rencontré à Bruxelles le ministre Kuleba, venu d’Ukraine avec 3 conseillers.",
            "Stoltenberg met Kuleba of Ukraine and 3 advisers in Brussels.",
        ),
        (
            "Stoltenberg et Kuleba ont parlé de l’Ukraine à Bruxelles avec 12 experts.",
            "Afterwards Stoltenberg and Kuleba talked at length about Ukraine, in Brussels, with 12 experts who had come.",
        ),
    ]
    src = [fr for fr, _ in BEFORE + pairs + AFTER]
    tgt = [en for _, en in BEFORE + pairs + AFTER]
    assert [b.gold_format() for b in align_texts(src, tgt)] == [f"[{k}]:[{k}]" for k in range(6)]


def test_empty_sides():
    assert align_texts([], []) == []
    assert [b.gold_format() for b in align_texts(["Un.", "Deux."], [])] == ["[0]:[]", "[1]:[]"]
    assert [b.gold_format() for b in align_texts([], ["One."])] == ["[]:[0]"]


def test_an_external_lexicon_decides_which_sentence_has_no_translation():
    dogs = "Les chiens du voisin aboient toute la nuit sans jamais s’arrêter une seule minute."
    baker = "Le boulanger ouvre sa boutique chaque matin bien avant le lever du soleil."
    src = [fr for fr, _ in BEFORE] + [dogs, baker] + [fr for fr, _ in AFTER]
    tgt = [en for _, en in BEFORE] + ["The baker opens his shop every morning well before sunrise."] + [en for _, en in AFTER]
    right = align_texts(src, tgt, lexicon=[("boulanger", "baker"), ("boutique", "shop"), ("matin", "morning")])
    assert [b.gold_format() for b in right[2:4]] == ["[2]:[]", "[3]:[2]"]
    # the lexicon is evidence, not decoration: a (wrong) one that pairs the other sentence wins too
    wrong = align_texts(src, tgt, lexicon=[("chiens", "baker"), ("voisin", "shop"), ("nuit", "morning")])
    assert [b.gold_format() for b in wrong[2:4]] == ["[2]:[2]", "[3]:[]"]


def _segments(sentences: list[str], paragraphs: list[int]) -> list[Segment]:
    return [Segment(text, paragraph, i) for i, (text, paragraph) in enumerate(zip(sentences, paragraphs))]


# A news article in three paragraphs and its translation, sentence for sentence; a sentence that one
# side adds (the translator's, or the original's left untranslated) is inserted into it below.
NEWS_FR = [
    [
        "Les ministres de la Défense de l’OTAN se sont réunis le 14 février à Bruxelles pour deux jours de discussions.",
        "Ils ont examiné les progrès accomplis depuis le sommet de Vilnius en matière de dissuasion et de défense.",
        "Le secrétaire général Jens Stoltenberg a ouvert la réunion en saluant l’arrivée de la Suède.",
        "Selon lui, l’Alliance n’a jamais été aussi unie face aux menaces qui pèsent sur la région euro-atlantique.",
        "Les ministres ont ensuite adopté un nouveau plan d’action pour la production de munitions.",
    ],
    [
        "Ce plan vise à porter la production d’obus de 155 mm à 1,3 million d’unités par an d’ici à 2025.",
        "Plusieurs pays ont annoncé des contrats pluriannuels avec leurs industries nationales.",
        "L’Allemagne construira une nouvelle usine en Basse-Saxe, tandis que la Norvège agrandira celle de Raufoss.",
        "Les ministres ont également débattu du soutien à l’Ukraine, qui reste la priorité absolue.",
        "Le ministre ukrainien Roustem Oumerov s’est joint à eux par liaison vidéo.",
    ],
    [
        "La deuxième journée a été consacrée à la protection des infrastructures sous-marines critiques.",
        "Depuis l’incident du gazoduc Balticconnector en octobre, les Alliés ont renforcé leurs patrouilles en mer Baltique.",
        "Un nouveau centre maritime, installé à Northwood, coordonnera la surveillance des câbles et des pipelines.",
        "Les ministres ont enfin préparé le sommet de Washington, prévu en juillet pour le 75e anniversaire de l’Alliance.",
        "La prochaine réunion des ministres de la Défense aura lieu en juin.",
    ],
]
NEWS_EN = [
    [
        "NATO Defence Ministers met in Brussels on 14 February for two days of talks.",
        "They reviewed the progress made on deterrence and defence since the Vilnius Summit.",
        "Secretary General Jens Stoltenberg opened the meeting by welcoming the arrival of Sweden.",
        "In his view, the Alliance has never been more united in the face of the threats to the Euro-Atlantic area.",
        "Ministers then adopted a new action plan for the production of ammunition.",
    ],
    [
        "The plan aims to raise the production of 155 mm shells to 1.3 million rounds a year by 2025.",
        "Several countries announced multi-year contracts with their national industries.",
        "Germany will build a new plant in Lower Saxony, while Norway will expand the one at Raufoss.",
        "Ministers also discussed support for Ukraine, which remains the top priority.",
        "Ukrainian Minister Rustem Umerov joined them by video link.",
    ],
    [
        "The second day was devoted to the protection of critical undersea infrastructure.",
        "Since the Balticconnector gas pipeline incident in October, Allies have stepped up their patrols in the Baltic Sea.",
        "A new maritime centre, based at Northwood, will coordinate the monitoring of cables and pipelines.",
        "Finally, Ministers prepared for the Washington Summit, to be held in July for the Alliance's 75th anniversary.",
        "The next meeting of Defence Ministers will take place in June.",
    ],
]
ADDED = {
    ("en", "numbers"): "Temperatures dropped to minus 30 degrees Celsius on several nights.",
    ("en", "names"): "Lieutenant General Eirik Kristoffersen visited the troops at Bardufoss and Setermoen.",
    ("fr", "numbers"): "Les températures sont descendues à moins 30 degrés Celsius plusieurs nuits.",
    ("fr", "names"): "Le général Eirik Kristoffersen a rendu visite aux troupes à Bardufoss et à Setermoen.",
}
# where the sentence goes: (paragraph, position in it)
PLACES = {"paragraph start": (1, 0), "paragraph middle": (0, 2), "paragraph end": (2, 5), "document start": (0, 0)}


def _news_with(side: str, kind: str, place: str, paragraphs: bool) -> tuple[list[Segment], list[Segment], list[str]]:
    """The article with the ADDED sentence of ``side`` and ``kind`` at ``place``; the expected beads."""
    fr, en = [list(p) for p in NEWS_FR], [list(p) for p in NEWS_EN]
    paragraph, position = PLACES[place]
    (en if side == "en" else fr)[paragraph].insert(position, ADDED[side, kind])

    def segments(side_paragraphs):
        texts = [text for p in side_paragraphs for text in p]
        numbers = [k if paragraphs else 0 for k, p in enumerate(side_paragraphs) for _ in p]
        return _segments(texts, numbers)

    added = 5 * paragraph + position
    pairs = [(i, i + (i >= added)) if side == "en" else (i + (i >= added), i) for i in range(15)]
    expected = [f"[{i}]:[{j}]" for i, j in pairs]
    expected.insert(added, f"[]:[{added}]" if side == "en" else f"[{added}]:[]")
    return segments(fr), segments(en), expected


@pytest.mark.parametrize("paragraphs", [True, False], ids=["paragraphs", "one paragraph"])
@pytest.mark.parametrize("place", ["paragraph start", "paragraph middle", "paragraph end"])
@pytest.mark.parametrize("kind", ["numbers", "names"])
@pytest.mark.parametrize("side", ["en", "fr"])
def test_a_sentence_on_one_side_only_is_a_gap_bead_not_glued_to_a_neighbour(side, kind, place, paragraphs):
    """Its numbers and names have no counterpart in the other text and it shares nothing with its
    neighbour's translation, while the neighbour does: a 0-1 or 1-0 bead, every other bead 1-1."""
    src, tgt, expected = _news_with(side, kind, place, paragraphs)
    assert [b.gold_format() for b in align(src, tgt)] == expected


@pytest.mark.parametrize("paragraphs", [True, False], ids=["paragraphs", "one paragraph"])
@pytest.mark.parametrize("side", ["en", "fr"])
def test_a_sentence_with_numbers_added_at_the_document_start_is_a_gap_bead(side, paragraphs):
    src, tgt, expected = _news_with(side, "numbers", "document start", paragraphs)
    assert [b.gold_format() for b in align(src, tgt)] == expected


def test_a_sentence_of_names_added_to_a_short_text_is_a_gap_bead():
    """Four sentences a side: little to learn from, yet the added sentence's names (nowhere in the
    French) and its sharing nothing with the French sentence that its neighbour translates make a
    0-1 bead of it."""
    fr = [
        "Le Conseil de l’Atlantique Nord s’est réuni mardi à Bruxelles pour examiner la situation en Ukraine.",
        "Les ministres ont approuvé un nouveau plan de soutien logistique pour les forces déployées dans l’Est.",
        "Ce plan prévoit la livraison de carburant, de vivres et de pièces détachées avant la fin de l’année.",
        "Le secrétaire général a rappelé que l’hiver rendrait les opérations plus difficiles.",
    ]
    en = [
        "The North Atlantic Council met on Tuesday in Brussels to review the situation in Ukraine.",
        "Ministers approved a new logistic support plan for the forces deployed in the East.",
        ADDED["en", "names"],
        "The plan provides for the delivery of fuel, food and spare parts before the end of the year.",
        "The Secretary General recalled that winter would make operations more difficult.",
    ]
    assert [b.gold_format() for b in align_texts(fr, en)] == ["[0]:[0]", "[1]:[1]", "[]:[2]", "[2]:[3]", "[3]:[4]"]


def test_an_orphan_marker_costs_what_translated_sentences_say_of_its_kind():
    """Numbers of translated sentences all have a counterpart: an orphan number costs much. Their
    capitalised words mostly have none (as German nouns in French): an orphan one costs little."""
    import numpy as np

    from tmtool.align.features import FeatureSpace, orphan_evidence

    src = ["Anna Berg est partie 12 fois.", "Marc Roux est venu 3 fois.", "Paul Weil a écrit 9 lettres.",
           "Il a plu 30 jours.", "Le Rapport a paru."]
    tgt = ["Anna Berg left 12 times.", "Marc Roux Junior came 3 times.", "Paul Weil Senior wrote 9 letters.",
           "It rained.", "The report came out."]
    space = FeatureSpace()
    src_features, tgt_features = (space.extract(side, lambda token: token) for side in (src, tgt))
    pairs = np.array([[0, 0], [1, 1], [2, 2]])
    src_cost, tgt_cost = orphan_evidence(src_features, tgt_features, pairs, space.kinds())
    assert list(src_cost[:3]) == [0.0, 0.0, 0.0] and tgt_cost[0] == 0.0
    # numbers: 0 of the 3 paired French sentences holding one hold an orphan (30)
    assert src_cost[3] == pytest.approx(-np.log(0.5 / 4))
    # names: 2 of the 3 paired English sentences holding one hold an orphan ("Junior", "Senior")
    assert tgt_cost[1] == tgt_cost[2] == pytest.approx(-np.log(2.5 / 4))
    # "Rapport" is a name only in French, where paired sentences' names all have a counterpart
    assert src_cost[4] == pytest.approx(-np.log(0.5 / 4)) and tgt_cost[4] == 0.0


def test_a_bead_does_not_join_sentences_of_two_paragraphs():
    src = [
        "Le Conseil de l’Atlantique Nord s’est réuni le 14 juin à Bruxelles.",
        "Les Alliés ont approuvé 3 plans régionaux.",
        "Ils ont aussi adopté un budget de 2 milliards.",
        "La prochaine réunion aura lieu en 2025 à Washington.",
    ]
    tgt = [
        "The North Atlantic Council met on 14 June in Brussels.",
        "Allies approved 3 regional plans and also adopted a budget of 2 billion.",
        "The next meeting will take place in 2025 in Washington.",
    ]
    assert [b.gold_format() for b in align_texts(src, tgt)] == ["[0]:[0]", "[1, 2]:[1]", "[3]:[2]"]
    src_paragraphs, tgt_paragraphs = [0, 0, 1, 1], [0, 1, 1]
    beads = align(_segments(src, src_paragraphs), _segments(tgt, tgt_paragraphs))
    assert [i for b in beads for i in b.src] == [0, 1, 2, 3]
    assert [j for b in beads for j in b.tgt] == [0, 1, 2]
    for bead in beads:
        assert len({src_paragraphs[i] for i in bead.src}) <= 1
        assert len({tgt_paragraphs[j] for j in bead.tgt}) <= 1
    assert [b.gold_format() for b in beads][-2:] == ["[2]:[1]", "[3]:[2]"]


def test_where_every_sentence_is_a_paragraph_the_sentences_pair_up():
    # a list of abbreviations as a table: each cell a paragraph. A run of gap beads passes through
    # nodes where both texts end a paragraph; only its end may count as a paragraph anchor, or 0-1
    # beads down the English and 1-0 beads down the French earned two anchors a sentence and beat
    # the pairing (no unit at all)
    src = ["Liste des abréviations", "Sigle", "Signification", "ACO", "Commandement allié Opérations",
           "SHAPE", "Grand Quartier général des puissances alliées en Europe",
           "L’ACO dirige les opérations de l’OTAN depuis le SHAPE.", "Le SHAPE est situé à Mons.",
           "Les commandants de l’ACO rendent compte au SHAPE chaque semaine."]
    tgt = ["List of abbreviations", "Abbreviation", "Meaning", "ACO", "Allied Command Operations",
           "SHAPE", "Supreme Headquarters Allied Powers Europe", "ACO directs NATO operations from SHAPE.",
           "SHAPE is located in Mons.", "ACO commanders report to SHAPE every week."]
    beads = align(_segments(src, list(range(len(src)))), _segments(tgt, list(range(len(tgt)))))
    assert [b.gold_format() for b in beads] == [f"[{k}]:[{k}]" for k in range(len(src))]


def _paragraphs_of(sentences: list[str], path: Path) -> list[int]:
    """The paragraph (non-blank line) of the document that holds each sentence, in order."""
    paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    numbers, current = [], 0
    for sentence in sentences:
        while sentence not in paragraphs[current]:
            current += 1
        numbers.append(current)
    return numbers


PAIRS = [
    (ROOT / "tests" / "data" / "seed.alignment.gold.json", ROOT / "seeds" / "2021-07-13-partners-meeting"),
    *(
        (SHARED / "terms" / name / "alignment.gold.json", SHARED / "terms" / name / name)
        for name in ("c-ied-centre-of-excellence", "defence-ministers-cyber")
    ),
]


@pytest.mark.parametrize("gold_path, stem", PAIRS, ids=lambda p: Path(p).parent.name)
def test_document_pairs_are_aligned_with_every_bead_right(gold_path, stem):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    fr_paragraphs = _paragraphs_of(gold["fr"], Path(f"{stem}.fr.txt"))
    en_paragraphs = _paragraphs_of(gold["en"], Path(f"{stem}.en.txt"))
    beads = align(_segments(gold["fr"], fr_paragraphs), _segments(gold["en"], en_paragraphs))
    assert [[list(b.src), list(b.tgt)] for b in beads] == gold["beads"]
    for bead in beads:  # and no bead spans two paragraphs
        assert len({fr_paragraphs[i] for i in bead.src}) <= 1
        assert len({en_paragraphs[j] for j in bead.tgt}) <= 1


def test_german_french_textberg_file():
    src = (TEXTBERG / "test3.de").read_text(encoding="utf-8").splitlines()
    tgt = (TEXTBERG / "test3.fr").read_text(encoding="utf-8").splitlines()
    beads = align_texts(src, tgt, src_lang="de", tgt_lang="fr")
    precision, recall, f1 = evaluate(beads, read_beads(TEXTBERG / "test3.defr")).strict
    assert f1 > 0.85  # measured 0.92


def test_a_long_block_without_translation_is_found_beyond_the_first_band():
    """200 extra target sentences in the middle: the path leaves the initial band and must be found."""
    fr = (TRANSREAD / "fr" / "Candide.txt").read_text(encoding="utf-8").splitlines()
    en = (TRANSREAD / "en" / "Candide.txt").read_text(encoding="utf-8").splitlines()
    gold = [b for b in read_beads(TRANSREAD / "gold" / "Candide.txt") if max(b.src, default=-1) < 300]
    src = fr[: gold[-1].src[-1] + 1]
    tgt_end = max(j for b in gold for j in b.tgt) + 1
    cut = gold[150].tgt[0]
    extra = (TRANSREAD / "en" / "Emma.txt").read_text(encoding="utf-8").splitlines()[:200]
    tgt = en[:cut] + extra + en[cut:tgt_end]
    shifted = [Bead(b.src, tuple(j + 200 if j >= cut else j for j in b.tgt)) for b in gold]
    beads = align_texts(src, tgt, src_lang="fr", tgt_lang="en")
    assert evaluate(beads, shifted).strict[2] > 0.8  # measured 0.86
    assert sum(len(b.tgt) for b in beads if not b.src) >= 190


WORDS = st.sampled_from(
    ["OTAN", "NATO", "Alliance", "sécurité", "security", "12", "2024", "partenaires", "partners", "la", "the",
     "réunion", "meeting", "?", "(", ")", "«", "»", "cyber", "défense", "defence", "Bruxelles", "Brussels"]
)
SENTENCE = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(SENTENCE, st.booleans()), max_size=25),
    st.lists(st.tuples(SENTENCE, st.booleans()), max_size=25),
)
def test_beads_cover_both_sides_once_in_order(src_items, tgt_items):
    def segments(items):
        paragraph, out = 0, []
        for i, (text, new_paragraph) in enumerate(items):
            paragraph += new_paragraph
            out.append(Segment(text, paragraph, i))
        return out

    src, tgt = segments(src_items), segments(tgt_items)
    beads = align(src, tgt)
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    assert all(b.src or b.tgt for b in beads)
    kinds = {"1-1", "1-2", "2-1", "2-2", "1-3", "3-1", "2-3", "3-2", "1-4", "4-1", "1-0", "0-1"}
    assert all(b.kind in kinds for b in beads)
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)


def test_evaluate_strict_and_lax_on_hand_built_beads():
    gold = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), (2, 3)), Bead((4,), ()), Bead((5,), (4,))]
    pred = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), ()), Bead((3,), (2, 3)), Bead((4, 5), (4,))]
    scores = evaluate(pred, gold)
    # strict: [0]:[0] and [3]:[2, 3] of 4 linking predictions, of 4 linking gold beads
    assert scores.strict == (0.5, 0.5, 0.5)
    # lax: every linking prediction touches a gold bead on both sides; every gold link is touched
    assert scores.lax == (1.0, 1.0, 1.0)
    assert evaluate([Bead((0,), (1,)), Bead((1,), (0,))], [Bead((0,), (0,)), Bead((1,), (1,))]).lax == (0.0, 0.0, 0.0)
    pooled = scores + evaluate([Bead((0,), (0,))], [Bead((0,), (0,))])
    assert pooled == Scores(predicted=5, gold=5, strict_right=3, lax_predicted_right=5, lax_gold_found=5)
    assert pooled.strict == pytest.approx((0.6, 0.6, 0.6))
    assert Scores().strict == (0.0, 0.0, 0.0)


def test_gold_format_round_trip_and_errors(tmp_path):
    beads = [Bead((0, 1), (2,)), Bead((), (3,)), Bead((2,), ())]
    text = format_beads(beads)
    assert text == "[0, 1]:[2]\n[]:[3]\n[2]:[]\n"
    path = tmp_path / "gold.txt"
    path.write_text(text + "\n", encoding="utf-8")
    assert read_beads(path) == beads
    with pytest.raises(TmtoolError, match="not a bead") as error:
        parse_beads("[0]:[0]\n[1] - [1]\n", path="x.txt")
    assert error.value.line == 2 and str(error.value).startswith("x.txt:2: ")
    with pytest.raises(TmtoolError, match="no sentence"):
        parse_beads("[]:[]")
    path.write_bytes(b"[0]:[0]\n\xff\n")
    with pytest.raises(TmtoolError, match="UTF-8"):
        read_beads(path)


words = st.sampled_from(["OTAN", "NATO", "Bruxelles", "Brussels", "défense", "defence", "2024", "?", "conseil", "council"])
sentences = st.lists(st.lists(words, max_size=6).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(src=sentences, tgt=sentences, width=st.integers(1, 8), shift=st.integers(-4, 4), data=st.data())
def test_band_overlaps_are_the_weights_of_the_features_two_sentences_share(src, tgt, width, shift, data):
    """The vectorised band computation, slice by slice, equals the sum over shared features."""
    import numpy as np

    from tmtool.align import cost
    from tmtool.align.features import FeatureSpace

    space = FeatureSpace()
    src_features, tgt_features = (space.extract(side, lambda token: token) for side in (src, tgt))
    weights = np.array(data.draw(st.lists(st.floats(0, 3), min_size=len(space.ids), max_size=len(space.ids))))
    base = np.maximum.accumulate(np.arange(len(src)) + shift)
    original, cost.OVERLAP_SLICE = cost.OVERLAP_SLICE, 3  # several slices even in a short text
    try:
        got = cost.band_overlaps(src_features, tgt_features, weights, base, width)
    finally:
        cost.OVERLAP_SLICE = original

    def features(side, i):
        return set(side.feature_id[side.feature_sent == i].tolist())

    for r in range(len(src)):
        for k in range(width):
            c = base[r] + k
            shared = features(src_features, r) & features(tgt_features, c) if 0 <= c < len(tgt) else set()
            assert got[r, k] == pytest.approx(sum(weights[f] for f in shared if weights[f] > 0), abs=1e-4)


def test_a_chinese_text_aligns_with_its_english_by_what_its_characters_stand_for():
    # English writes about three characters for each Chinese one: measured in raw characters, the
    # short Chinese sentences looked like nothing the English ones could translate
    chinese = ["北约国防部长会议", "北约国防部长今天在布鲁塞尔举行会议。", "他们讨论了网络防御和空中防御。",
               "秘书长说，联盟必须加强合作。", "部长们还批准了一项新的训练计划。", "该计划将于明年开始。",
               "最后，他们感谢了所有参加演习的士兵。", "会议明天结束。"]
    english = ["NATO Defence Ministers Meeting", "NATO defence ministers met in Brussels today.",
               "They discussed cyber defence and air defence.",
               "The Secretary General said that the Alliance must strengthen cooperation.",
               "The ministers also approved a new training programme.", "The programme will start next year.",
               "Finally, they thanked all the soldiers who took part in the exercise.", "The meeting ends tomorrow."]
    beads = align_texts(chinese, english, src_lang="zh", tgt_lang="en")
    assert [(bead.src, bead.tgt) for bead in beads] == [((i,), (i,)) for i in range(len(chinese))]
    japanese = ["会議は東京で開かれた。", "参加者は三十人だった。", "次の会議は来月ブリュッセルで開かれる。", "以上です。"]
    english = ["The meeting was held in Tokyo.", "There were thirty participants.",
               "The next meeting will be held in Brussels next month.", "That is all."]
    beads = align_texts(japanese, english, src_lang="ja", tgt_lang="en")
    assert [(bead.src, bead.tgt) for bead in beads] == [((i,), (i,)) for i in range(len(japanese))]
