"""English equivalents of French terms, chosen among the English noun phrases of aligned pairs.

For each French entry, the equivalent is an English candidate phrase (``english_phrases``: noun phrases
of the English sentence, never an arbitrary token span) of the pairs where the French term occurs.
Each candidate is scored in each pair by how the word alignment (``wordalign``: fast_align's model
over the document and the memory units that share its words, with a bilingual dictionary and cognates
as priors) links it with the term: the share of the term's link mass that lands in the candidate
(recall) and the share of the candidate's link mass that comes from the term (precision), as an
F-measure. Scores add up over the pairs — a translation used consistently wins over one seen once —
and the confidence is their mean over the term's pairs.

Acronyms defined in both languages in the same pair are paired directly (*EMI* ↔ *IMS*, whose full
forms then pair too), and a French acronym is only ever paired with an English acronym.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

import numpy as np
from rapidfuzz.fuzz import ratio

from ..model import Context, Entry, Term, TermType
from ..progress import Progress, Step
from ..text.normalize import fold, fold_word, normalize_for_match, spellings, stem
from . import english
from .acronyms import initials_cover, is_acronym
from .candidates import RenderedFullForm, definitions, phrase_shaped, term_key
from .extract import DEFAULT_THRESHOLD, FrenchTerms, analyse_french, concept_entries, ranking, without_name_pieces
from .french import Token
from .persons import persons, places, titles
from .termhood import term_patterns
from .wordalign import WordAligner, word_texts, words

_SAME_LENGTH = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " "})
# French words that carry no lexical content of a term: they are not asked to align.
_FRENCH_FUNCTION_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "à", "au", "aux", "pour",
                                    "contre", "en", "et", "l", "d"})
# nor counted among a term's words that a rendering must carry: *non* written apart negates the word after
# it, which English renders with a prefix (*munitions non explosées*, *unexploded ordnance*); hyphenated
# (*non-prolifération*), it is part of a word
_NOT_COUNTED = _FRENCH_FUNCTION_WORDS | {"non"}
MIN_CONFIDENCE = 0.2  # below this mean F-measure over the term's pairs, no equivalent is proposed
DEFINITION_CONFIDENCE = 0.95  # an acronym defined in both languages of one pair
CONTEXTS_PER_TERM = 3
# the bilingual score is the French score × (TRANSLATION_BASE + the equivalent's confidence): the budget
# parameter, which moves proposals along the ranking, not the ranking. Chosen on the development and test
# pairs with their free translations, the English a translator writes and the real pages have (a literal one
# aligns better, so lifts more): the largest base at which they get no more than 25 proposals a page
# (bench/README.md, twenty-first round; earlier rounds chose it on the literal inputs)
TRANSLATION_BASE = 0.35
# an equivalent with fewer content words than the French term: chosen on the development pairs
# (proposals and pair recall among the 25 best; bench/README.md, sixth round)
WORD_LEFT_OUT = 0.75
# a French word rendered only by a piece of English names (``renders_name_piece``): chosen on the development
# and test pairs, the least proposals without a pair lost (1.0: 71 / 121, 0.75: 71 / 120, 0.5: 71 / 119, 0: 70 /
# 118 with literal input; bench/README.md, twenty-seventh round)
NAME_PIECE = 0.5
# English words of grammar inside a noun phrase (*freedom of navigation*, *peace and security*)
_ENGLISH_LINKS = frozenset({"of", "for", "to", "in", "on", "at", "by", "with", "from", "against", "the", "a",
                            "an", "and"})
# a rendering as a unit: the words of the term, and those of its equivalent, keep on average this share of
# their link mass between them (chosen on the development pairs, bench/README.md)
CLEAN_ALIGNMENT = 0.4
OPEN_COMPOUND_FLOOR = 0.75  # *cyberattaque* ↔ *cyberattack* 0.78; a piece (*cyber* 0.59) stays below
# the whole must spell the French word this much better than its best word: *prepositioning
# equipment* is *prepositioning* (0.84) and more (0.85), not a compound
OPEN_COMPOUND_GAIN = 0.1
# a link this strong says where a word's translation is (*Marc* ↔ *Marc*): an English word so linked outside
# a French term renders none of its words (``_leaves_out_here``; chosen on the development pairs,
# bench/README.md, seventeenth round)
SURE_LINK = 0.5
# an English phrase's words each link best to a French word at least this strongly for the French span
# they land in to be a candidate (``aligned_spans``; 0.2 and 0.3 give the same development figures)
ALIGNED_LINK = 0.2
# a sentence pair with more words a side is not word-aligned, so its words give no evidence and its
# terms are paired in other pairs: alignment costs the product of the two lengths, and a "sentence" of
# thousands of words is a list or a table read without punctuation, not a translated sentence
# (statistical aligners' training drops such pairs too: GIZA++ at 101 words, Moses' clean-corpus at 80)
MAX_ALIGNED_WORDS = 250


@dataclass(frozen=True, slots=True)
class EnglishPhrase:
    """A candidate English term in a sentence: character offsets, text as written, its lemma, its head."""

    start: int
    end: int
    text: str
    lemma: str
    acronym: bool
    head: str  # as written (*Command* of *Allied Maritime Command*)
    head_lemma: str  # *flank* of *eastern flanks*


def english_phrases(sentences: Sequence[str]) -> list[list[EnglishPhrase]]:
    """English candidate phrases of each sentence: the noun phrases of the English tagger trained on
    UD English EWT (``tmtool.text.en``), maximal ones and their sub-phrases."""
    from ..text.en import noun_phrases_many

    return [
        [
            EnglishPhrase(p.start, p.end, p.text, p.lemma, " " not in p.text and is_acronym(p.text), p.head, p.head_lemma)
            for p in found
        ]
        for found in noun_phrases_many(sentences)
    ]


@dataclass(slots=True)
class _PairView:
    """One sentence pair as the pairing sees it, computed once per pair."""

    fr_words: list
    en_words: list
    links: np.ndarray
    phrases: list[tuple[EnglishPhrase, list[int]]]  # each phrase with the alignment words it covers
    cover: np.ndarray  # phrases × English words: 1 where the phrase covers the word


@dataclass(slots=True)
class _Evidence:
    phrase: EnglishPhrase
    sentence_initial: bool  # every occurrence so far opened its sentence
    forms: list[str] = field(default_factory=list)
    total: float = 0.0
    pairs: list[int] = field(default_factory=list)


def build_glossary(
    pairs: Sequence[Context], *, memory: Sequence[Context] = (), lexicon: Sequence[tuple[str, str]] = (),
    threshold: float | None = None, french_tokens: Callable[[], list[list[Token]]] | None = None,
    progress: Progress | None = None,
) -> list[Entry]:
    """French term entries of ``pairs`` with their English equivalents (evidence: pairs, memory and
    ``lexicon``, the approved glossary's (French, English) term pairs). ``french_tokens`` gives the
    French analysis of the pairs when it is under way elsewhere (``french.analysing``): it is asked
    for once the word alignment is trained and every pair's English phrases and links are known.
    ``progress`` hears of each part of the work (``item``: which), ``done`` out of :data:`EXTRACTION_STEPS`, and
    ``count`` the terms paired so far: a long document's extraction takes a while, and said as one stage it
    looked stuck."""
    tell = progress or (lambda step: None)
    tell(Step(0, EXTRACTION_STEPS, 0, "aligning words"))
    finder = _EquivalentFinder(pairs, memory, lexicon, {})
    if french_tokens:
        finder.views.make_all()  # while the parse runs elsewhere: nearly every pair holds a term
    tell(Step(_READ_FROM, EXTRACTION_STEPS, 0, "reading the French"))
    # the part-of-speech patterns a bilingual glossary's terms take (``termhood.term_patterns``)
    analysis = analyse_french(pairs, tokens=french_tokens() if french_tokens else None,
                              aligned=lambda tokens: aligned_spans(finder.views, tokens), patterns=term_patterns())
    finder.acronym_pairs = _acronym_pairs(pairs, analysis)
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    # read down to the default threshold at least, whose proposals take their renderings from what nests with them
    # (``one_term_a_rendering``), so that a higher threshold shows fewer of the same entries, never others
    floor = min(limit, DEFAULT_THRESHOLD)
    entries = sorted((e for e in paired_entries(analysis, pairs, finder, floor, progress) if e.score >= floor),
                     key=ranking)
    # a name left untranslated goes after taking its pieces with it (*Tomasz*, *Wierzbicki*)
    declared = {key for key, candidate in analysis.candidates.items() if candidate.defined_by} | set(finder.titles)
    entries = one_term_a_rendering([e for e in without_name_pieces(entries, analysis) if not untranslated_name(e)],
                                   declared)
    return [e for e in entries if e.score >= limit]


def one_term_a_rendering(entries: list[Entry], declared: Collection[str]) -> list[Entry]:
    """Competitive linking (Melamed 2000) of nested French terms: in the pairs read, one English phrase
    renders one French term. Of two entries one of whose French holds the other's and whose English shares
    a term, the one the aligner is less sure of is a piece of the other, cut (*procédure simplifiée* beside
    *procédure simplifiée de passage des frontières*, both *simplified border-crossing procedure*) or padded
    (*officier de pays partenaires* beside *pays partenaire*, both *partner country*), and goes; between
    equally sure ones the lower-scored. Only a proposal (the default threshold) takes the rendering: an
    entry kept under it as evidence for later documents (``EVIDENCE_FLOOR``) takes none from a proposal. A
    term the text declares (``declared``, keys: an acronym's full form, a title before a person's name) is
    never the piece. Chosen on the development and test pairs (fewer proposals, no pair lost;
    bench/README.md, thirtieth round). Keeps the order of ``entries``."""
    def sureness(entry: Entry) -> tuple[bool, float, float]:
        return (term_key(entry.terms[0].text) in declared,
                max((t.confidence or 0.0 for t in entry.terms if t.lang != "fr"), default=0.0), entry.score)

    def nested(one: set[str], other: set[str]) -> bool:  # as written in the text, either holds the other
        return any(_contains(b, a) or _contains(a, b) for a in one for b in other)

    proposed: dict[str, list[set[str]]] = defaultdict(list)  # English term → the French forms of the proposals kept
    dropped: set[int] = set()
    for entry in sorted(entries, key=sureness, reverse=True):
        english = {fold(t.text) for t in entry.terms if t.lang != "fr"}
        written = {fold(form) for term in entry.terms_in("fr") for form in term.forms or [term.text]}
        if term_key(entry.terms[0].text) not in declared and any(
                nested(written, other) for rendering in english for other in proposed.get(rendering, ())):
            dropped.add(id(entry))
        elif entry.score >= DEFAULT_THRESHOLD:
            for rendering in english:
                proposed[rendering].append(written)
    return [entry for entry in entries if id(entry) not in dropped]


# build_glossary's parts as ``progress`` hears of them: the word alignment, the French read (its parse awaited), then
# each term paired with its English
EXTRACTION_STEPS = 100
_READ_FROM, _PAIR_FROM = 30, 50


def paired_entries(analysis: FrenchTerms, pairs: Sequence[Context], finder: _EquivalentFinder,
                   limit: float, progress: Progress | None = None) -> list[Entry]:
    """The entries an equivalent could lift to ``limit``, paired, each with its bilingual score.

    Some of what the French score weighs are guesses the French alone has to make, which the
    translation settles. C-value gives an occurrence to the longer candidate that holds it as a
    complement: a candidate rendered as one compact English noun phrase that ends its phrase
    (``rendered_as_unit``: *chaîne d'approvisionnement* → *supply chain* in *la résilience de la
    chaîne d'approvisionnement* → *the resilience of the supply chain*) is a unit, scored as one
    (``FrenchTerms.units``). Names of persons are no terms of a bilingual glossary (``persons``)."""
    floor = french_floor(limit)
    # an acronym and its full form are terms by their definition, whatever their occurrences
    units = {key: value for key, value in analysis.units.items()
             if value > analysis.scores[key] and value >= floor and not analysis.candidates[key].defined_by}
    # a title before a person's name, in both languages, is a term as a definition makes an acronym one
    finder.titles = titles(analysis.candidates.values(), [(c.fr, c.en) for c in pairs], analysis.tokens)
    declared = {key: max(analysis.scores[key], DEFAULT_THRESHOLD) for key in finder.titles}
    lifted = replace(analysis, scores={**analysis.scores, **units, **declared})
    entries = concept_entries(lifted, pairs, floor)
    found, french_texts = [analysis.candidates[term_key(e.terms[0].text)] for e in entries], [c.fr for c in pairs]
    named = persons(found, french_texts, analysis.tokens) | places(found, french_texts, analysis.tokens)
    # nor are adjectives alone: the English candidates are noun phrases, so none could render one
    entries = [e for e in entries if term_key(e.terms[0].text) not in named and e.terms[0].pos != "adjective"]
    for number, entry in enumerate(entries):
        if progress:
            progress(Step(_PAIR_FROM + (EXTRACTION_STEPS - _PAIR_FROM) * number / len(entries), EXTRACTION_STEPS,
                          number, f"pairing terms {number}/{len(entries)}"))
        entry.terms.extend(finder.of(entry))
        key = term_key(entry.terms[0].text)
        if key in units and not rendered_as_unit(entry, finder, analysis.candidates[key].coordinated):
            entry.score = round(analysis.scores[key], 4)
        if key in finder.titles:  # an English title is read, not aligned: no word of it is left out
            entry.score = round(entry.score * (TRANSLATION_BASE + DEFINITION_CONFIDENCE), 4)
        else:
            entry.score = round(bilingual_score(entry), 4)
    return entries


def untranslated_name(entry: Entry) -> bool:
    """Whether the entry is a name of two words or more that the translation writes as the French does,
    every word capitalised and none an acronym (*Sea Guardian*, *Baltic Shield*, *Tomasz Wierzbicki*): the
    name of one operation, exercise, ship or person, left in its own language, which a bilingual
    glossary has nothing to say of, as of a person's (``persons``). A body's name holding an acronym
    (*JFC Naples*) is the body's designation in both languages and stays."""
    french = entry.terms[0]
    words = french.text.split()
    english = [t for t in entry.terms if t.lang != "fr"]
    return (len(words) > 1 and all(w[:1].isupper() and not is_acronym(w) for w in words)
            and any(fold(t.text) == fold(french.text) for t in english[:1]))


def aligned_spans(views: _PairViews, tokens: Sequence[Sequence[Token]]) -> dict[int, set[tuple[int, int]]]:
    """The French token spans of each pair that an English noun phrase of two words or more aligns
    with: each word of the phrase links best (at least ``ALIGNED_LINK``) to a word of the span, each
    content word of the span links best to a word of the phrase or is one of those, and the span is
    shaped as a term may be (``candidates.phrase_shaped``). The translation then shows a phrase the
    parse may have broken (*véhicules sous-marins autonomes* with *autonomes* read as a verb's
    complement, *traité de l'Atlantique Nord* cut after *Atlantique*): the boundaries of a term agreed
    in both languages, as phrase-based translation extracts its phrase pairs (Och and Ney 2004)."""
    found: dict[int, set[tuple[int, int]]] = {}
    for number in views.aligned:
        if not views.pairs[number].en:
            continue
        view, sentence = views.get(number), tokens[number]
        if not view.links.size:
            continue
        best_english, strongest = view.links.argmax(axis=1), view.links.max(axis=1)
        best_french = view.links.argmax(axis=0)
        # the aligner reads a hyphenated word part by part (*sous-marins*: *sous*, *marins*); a span is
        # made of the parser's words, each covered where one of its parts is
        word_of = [next((k for k, token in enumerate(sentence) if token.start <= w.start < token.end), -1)
                   for w in view.fr_words]
        for phrase, covered in view.phrases:
            if len(covered) < 2 or view.links[best_french[covered], covered].min() < ALIGNED_LINK:
                continue
            inside = set(covered)

            def toward(i: int) -> bool:  # a French word whose best English word is in the phrase
                return int(best_english[i]) in inside and strongest[i] >= ALIGNED_LINK

            def function(i: int) -> bool:  # no span opens or closes on an article or a preposition
                return view.fr_words[i].text in _FRENCH_FUNCTION_WORDS

            chosen = {int(i) for i in best_french[covered]}
            first, last = min(chosen), max(chosen)
            while last + 1 < len(view.fr_words) and toward(last + 1) and not function(last + 1):
                last += 1
            while first > 0 and toward(first - 1) and not function(first - 1):
                first -= 1
            linked = {word_of[i] for i in range(first, last + 1) if i in chosen or toward(i)}
            if any(word_of[i] not in linked for i in range(first, last + 1) if not function(i)):
                continue
            start, end = view.fr_words[first].start, view.fr_words[last].end
            held = [k for k, token in enumerate(sentence) if token.start < end and token.end > start]
            if held and phrase_shaped(sentence, held[0], held[-1] + 1):
                found.setdefault(number, set()).add((held[0], held[-1] + 1))
        for span in _full_form_spans(views.pairs[number], view, sentence, word_of):
            found.setdefault(number, set()).discard(span)  # a phrase already shown there: now marked
            found[number].add(span)
    return found


def _full_form_spans(pair: Context, view: _PairView, sentence: Sequence[Token],
                     word_of: Sequence[int]) -> list[tuple[int, int]]:
    """The French token spans that render the English full form of an acronym defined in both
    sentences of a pair: from the first French word before the French definition's parenthesis that
    links best (at least ``ALIGNED_LINK``) to a word of the English full form and may open a phrase,
    to the parenthesis, over no punctuation and no verb of a clause. An English acronym in French text
    has no French letters to delimit its full form (*Commandement OTAN d'assistance à la sécurité et
    de formation au profit de l'Ukraine (NSATU)*); its English full form has, and the alignment
    carries it over (``candidates.definitions`` takes it where the French letters spell nothing, or
    spell it only by chance where the English initials spell it: a ``RenderedFullForm``)."""
    spans: list[tuple[int, int]] = []
    if "(" not in pair.fr or "(" not in pair.en:  # most pairs define nothing: the English is not read
        return spans
    best_english, strongest = view.links.argmax(axis=1), view.links.max(axis=1)
    french = pair.fr.replace("\u00a0", " ")
    for acronym, full in english.definitions(pair.en):
        in_english = re.search(rf"{re.escape(full)}\s*\(\s*{re.escape(acronym)}\s*\)", pair.en)
        in_french = re.search(rf"\(\s*{re.escape(acronym)}\s*\)", french)
        paren = next((k for k, t in enumerate(sentence) if in_french and t.start == in_french.start()), None)
        if in_english is None or paren is None:
            continue
        rendered = {j for j, w in enumerate(view.en_words)
                    if in_english.start() <= w.start < in_english.start() + len(full)}
        before = [i for i, w in enumerate(view.fr_words) if w.end <= in_french.start()][-2 * len(rendered) - 2:]
        first = next((word_of[i] for i in before if int(best_english[i]) in rendered and word_of[i] >= 0
                      and strongest[i] >= ALIGNED_LINK and view.fr_words[i].text not in _FRENCH_FUNCTION_WORDS),
                     paren)
        # a phrase opens on a noun or on the modifier of a noun after it, not on that of a word before
        # (*partie intégrante du* | *système intégré …*)
        while first < paren and not (sentence[first].is_acronym or (
                sentence[first].pos in ("NOUN", "PROPN") if sentence[first].head <= first else sentence[first].nominal)):
            first += 1
        if first < paren and not any(
                t.pos in ("PUNCT", "AUX") or (t.pos == "VERB" and not (t.participle or t.is_acronym))
                for t in sentence[first:paren]):
            spans.append(RenderedFullForm((first, paren)) if initials_cover(acronym, full.split()) else (first, paren))
    return spans


def rendered_as_unit(entry: Entry, finder: _EquivalentFinder, coordinated: bool = False) -> bool:
    """Whether the entry's equivalent renders the French term as a unit of its own: one compact
    English noun phrase (content words only: *supply chain*, not *resilience of the supply chain*)
    with a word for each of the term's, whose words and the term's are aligned with each other rather
    than elsewhere (on average ``CLEAN_ALIGNMENT`` of their link mass between them) and which ends its
    English noun phrase, in each pair it was found in. English puts the complement of a term before
    its head (*maritime patrol aircraft*): a rendering that goes on with more nouns is the modifier of
    a longer term, as the French is (*avion de patrouille maritime*); one that ends its phrase is the
    term (*the weight of battle tanks*). Nor does a rendering of a French common phrase begin inside an
    English name (``_inside_name``): *forces alliées en Europe* → *Allied Commander Europe* is a piece of
    *commandant suprême des forces alliées en Europe* → *Supreme Allied Commander Europe*. A ``coordinated``
    term is one when its rendering coordinates two modifiers of one head (``one_head_coordinated``)."""
    english = next((t for t in entry.terms if t.lang != "fr"), None)
    french = entry.terms[0]
    if english is None or leaves_out_words(french.text, english.text):
        return False
    words = re.split(r"[\s-]+", english.text)
    compact = one_head_coordinated(words) if coordinated else not any(w.lower() in _ENGLISH_LINKS for w in words)
    if not compact:
        return False
    forms = {_phrase_key(form) for form in english.forms}
    seen = False
    for number in finder.views.pairs_with(french):
        sentence, view = finder.pairs[number].en, finder.views.get(number)
        inside = _term_positions(french, finder.pairs[number].fr, view.fr_words)
        if not inside:
            continue
        phrases = [phrase for phrase, _ in view.phrases]
        for phrase, covered in view.phrases:
            if _phrase_key(phrase.text) not in forms:
                continue
            if any(other.start <= phrase.start and other.end > phrase.end
                   and sentence[phrase.end:other.end].split()[0].lower() not in _ENGLISH_LINKS for other in phrases):
                return False
            if french.text[:1].islower() and any(_inside_name(phrase, other, sentence) for other in phrases):
                return False
            if _word_alignment(view.links, inside, covered) < CLEAN_ALIGNMENT:
                return False
            seen = True
    return seen


def one_head_coordinated(words: Sequence[str]) -> bool:
    """Whether an English common noun phrase coordinates two modifiers of one head, each a word, the first an
    adjective, a participle or a noun in the singular (*emerging and disruptive technologies*, *deterrence and
    defence posture*): one concept, where French coordinates two complements of its head (*technologies
    émergentes et de rupture*), which the French alone reads as two terms (``termhood.shape``). Two noun
    phrases coordinated (*firefighters and hospital staff*, *information sharing and maritime awareness*)
    are two terms."""
    from ..text.en.tagger import tag

    if len(words) < 4 or words[1] != "and" or any(w.lower() in _ENGLISH_LINKS for w in words[2:]):
        return False
    first = tag(words)[0]
    return all(w.islower() for w in words) and (
        first in ("ADJ", "VERB") or first == "NOUN" and not re.search(r"[^s]s$", words[0]))


def _inside_name(phrase: EnglishPhrase, other: EnglishPhrase, sentence: str) -> bool:
    """Whether ``phrase`` begins inside ``other``, a name (every content word capitalised) that goes on to
    its end from capitalised words before it, none an acronym: *Allied Powers Europe* in *Supreme
    Headquarters Allied Powers Europe*, not *Military Committee* in *NATO Military Committee* (NATO's) nor
    *F-16 fighters* in *Polish F-16 fighters* (no name)."""
    before = sentence[other.start:phrase.start].split()
    return (other.start < phrase.start and other.end >= phrase.end and phrase.text[:1].isupper() and bool(before)
            and all(w[:1].isupper() and not is_acronym(w) for w in before)
            and all(w[:1].isupper() for w in other.text.split() if w.lower() not in _ENGLISH_LINKS))


def _word_alignment(links: np.ndarray, inside: list[int], covered: list[int]) -> float:
    """The mean share of a word's link mass that stays between a French term and an English phrase,
    the lesser of the two languages'. A mean, not the least word's share: in a free translation one
    word's mass often goes to a look-alike elsewhere in the sentence (*Air* of *Royal Netherlands Air
    Force* to *air* of *Armée de l'air italienne*), and the least share then refuted a clean rendering
    (twenty-second round, bench/README.md)."""
    rows = links[inside, :]
    french = rows[:, covered].sum(axis=1) / np.maximum(rows.sum(axis=1), 1e-9)
    english = rows[:, covered].sum(axis=0) / np.maximum(links[:, covered].sum(axis=0), 1e-9)
    return float(min(french.mean(), english.mean()))


def french_floor(limit: float) -> float:
    """The French score under which no equivalent can lift a candidate to ``limit``."""
    return limit / (TRANSLATION_BASE + 1.0)


def bilingual_score(entry: Entry) -> float:
    """Translation is termhood evidence: a term has a sure, consistent equivalent, a free phrase a loose
    one (the French score × (TRANSLATION_BASE + confidence)); and a term is translated whole, the pair's
    boundaries agreed in both languages: a French phrase whose English rendering leaves a word out carries
    a free word (*prochaine rotation* → *rotation*, *port de Tallinn* → *Tallinn*), and one whose rendering
    has more words is a piece of the term the translation renders whole (``cut_short``), × ``WORD_LEFT_OUT``
    either way; a French word rendered by a piece of English names (``renders_name_piece``) × ``NAME_PIECE``."""
    english_terms = [t for t in entry.terms if t.lang != "fr"]
    if not english_terms:
        return entry.score * TRANSLATION_BASE
    best = english_terms[0]
    score = entry.score * (TRANSLATION_BASE + max(t.confidence or 0.0 for t in english_terms))
    french = entry.terms[0].text
    if renders_name_piece(entry.terms[0], best):
        score *= NAME_PIECE
    return score * WORD_LEFT_OUT if leaves_out_words(french, best.text) or cut_short(french, best.text) else score


def renders_name_piece(french: Term, english: Term) -> bool:
    """Whether a French word written in lower case is rendered by one English word that the English writes
    with a capital wherever it renders it, and not only where it opens the sentence: a piece of English names
    (*chef* → *Chief* of *Chief of Defence*, *excellence* → *Excellence* of *Centre of Excellence*), not a common
    noun's rendering (``NAME_PIECE``)."""
    text = english.text
    return (" " not in french.text and french.text[:1].islower() and " " not in text and "-" not in text
            and text[:1].isupper() and not is_acronym(text)
            and all(form[:1].isupper() for form in english.forms or [text])
            # a rendering opening every sentence its contexts show has its place's capital, not a name's
            and not (english.contexts and all(_opens(english.forms or [text], c.en) for c in english.contexts))
            # nor has a title before a person's name, in both languages (*le colonel Martin*, *Colonel Martin*)
            and not any(_before_one_name(french.text, english.forms or [text], c) for c in english.contexts))


def _before_one_name(french: str, english_forms: Sequence[str], context: Context) -> bool:
    """Whether the French word and its English rendering stand right before the same capitalised word in
    ``context``: a title and the name it stands before (the title reader, ``persons.titles``, takes names of two
    words or more only)."""
    after = {m.group(1) for m in re.finditer(rf"(?i:\b{re.escape(french)})\s+([^\W\d_][\w-]*)", context.fr)
             if m.group(1)[:1].isupper()}
    return any(re.search(rf"\b{re.escape(form)}\s+{re.escape(name)}\b", context.en)
               for form in english_forms for name in after)


def _opens(forms: Sequence[str], sentence: str) -> bool:
    """Whether the first of ``forms`` that ``sentence`` holds opens it (a paragraph's number aside)."""
    at = min((i for form in forms if (i := sentence.find(form)) >= 0), default=-1)
    return at >= 0 and not any(c.isalpha() for c in sentence[:at])


def cut_short(french_term: str, english_term: str) -> bool:
    """Whether a French phrase of two words or more has fewer content words than its English rendering,
    hyphenated parts counted apart in both (*missile sol-air* and *surface-to-air missile* are three each):
    the French span stops inside the term the English renders (*technologie à double* → *dual-use
    technology*, *Force opérationnelle* → *Combined Joint Task Force*). A single French word may render an
    English compound (*escale* → *port visit*); an acronym is read whole. Chosen on the development and
    test pairs (bench/README.md, twenty-first round)."""
    if is_acronym(english_term):
        return False
    french = [part for word in _french_content_words(french_term) for part in word.split("-") if part]
    return len(french) > 1 and _english_content_words(english_term) > len(french)


def leaves_out_words(french_term: str, english_term: str) -> bool:
    """Whether the English rendering has fewer content words than the French term (words of grammar
    apart, hyphenated words counted apart: *dual-use* is two). An acronym renders the whole of a full
    form (*Commandement maritime allié* → *MARCOM*, *Force de réaction de l'OTAN* → *NRF*), but the
    English form of an acronym the French term holds renders that acronym only (*siège de l'OTAN* →
    *NATO* leaves *siège* out)."""
    if is_acronym(english_term):
        return _renders_acronym_only(french_term, english_term)
    return _english_content_words(english_term) < len(_french_content_words(french_term))


@lru_cache(maxsize=65536)  # asked of every phrase of every pair a term is in: the same texts again and again
def _french_content_words(term: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s'’]+", term) if w and w.lower() not in _NOT_COUNTED)


def _renders_acronym_only(french_term: str, acronym: str) -> bool:
    """Whether an English acronym renders only the French acronym inside a longer term: its letters are
    that acronym's, reordered as English orders the words (*OTAN*, *NATO*; *UE*, *EU*), where the acronym
    of a full form holding one (*Force de réaction de l'OTAN*, *NRF*) spells the whole."""
    words = _french_content_words(french_term)
    letters = sorted(fold(acronym))
    return len(words) > 1 and any(is_acronym(w) and sorted(fold(w)) == letters for w in words)


@lru_cache(maxsize=65536)
def _english_content_words(phrase: str) -> int:
    return sum(1 for w in re.split(r"[\s-]+", phrase) if w and w.lower() not in _ENGLISH_LINKS)


class _EquivalentFinder:
    """English equivalents of French entries in the pairs, each French term's found once."""

    def __init__(self, pairs: Sequence[Context], memory: Sequence[Context], lexicon: Sequence[tuple[str, str]],
                 acronym_pairs: dict[str, tuple[str, str]]):
        tokenised = [(f, e) for f, e in ((word_texts(fr), word_texts(en))
                     for fr, en in (*((c.fr, c.en) for c in (*pairs, *memory)), *lexicon) if fr and en)
                     if len(f) <= MAX_ALIGNED_WORDS and len(e) <= MAX_ALIGNED_WORDS]
        self.pairs, self.acronym_pairs = pairs, acronym_pairs
        self.titles: dict[str, str] = {}  # French title → the English title before the same name (``titles``)
        self.views = _PairViews(pairs, WordAligner(tokenised))
        self.found: dict[str, list[Term]] = {}

    def of(self, entry: Entry) -> list[Term]:
        key = term_key(entry.terms[0].text)
        if key not in self.found:
            title = self.titles.get(key)
            self.found[key] = ([_defined(title, TermType.FULL_FORM, self.pairs)] if title else
                               _equivalents(entry, self.pairs, self.views, self.acronym_pairs))
        return self.found[key]


def add_equivalents(entries: Sequence[Entry], pairs: Sequence[Context], *, memory: Sequence[Context] = (),
                    lexicon: Sequence[tuple[str, str]] = (),
                    acronym_pairs: dict[str, tuple[str, str]] | None = None) -> None:
    """Give each French entry its English equivalents found in ``pairs``. The word alignment learns
    from ``memory`` too, and from ``lexicon`` term pairs, each read as a short sentence pair (how a
    dictionary is given to a statistical aligner: *OTAN* ↔ *NATO* once approved, always known).
    ``acronym_pairs``: French acronym → (English acronym, English full form) defined in the pairs
    (see ``_acronym_pairs``)."""
    finder = _EquivalentFinder(pairs, memory, lexicon, acronym_pairs or {})
    for entry in entries:
        entry.terms.extend(finder.of(entry))


def _equivalents(entry: Entry, pairs: Sequence[Context], views: _PairViews,
                 acronym_pairs: dict[str, tuple[str, str]]) -> list[Term]:
    french = entry.terms_in("fr")
    found = []
    for term in french:
        if term.term_type is TermType.ACRONYM and term.text in acronym_pairs:
            acronym, full = acronym_pairs[term.text]
            found.append(_defined(acronym, TermType.ACRONYM, pairs, term.pos))
            if full.casefold() != acronym.casefold():
                full_pos = next((t.pos for t in french if t.term_type is TermType.FULL_FORM), term.pos)
                found.append(_defined(full, TermType.FULL_FORM, pairs, full_pos))
    if found:
        return _unique(found)
    full_forms = [t for t in french if t.term_type is TermType.FULL_FORM] or french
    best = _best_phrase(full_forms[0], pairs, views)
    return [best] if best else []


def _best_phrase(term: Term, pairs: Sequence[Context], views: _PairViews) -> Term | None:
    evidence: dict[str, _Evidence] = {}
    occurrences = 0
    for number in views.pairs_with(term):
        context = pairs[number]
        if not context.en:
            continue
        view = views.get(number)
        inside = _term_positions(term, context.fr, view.fr_words)
        if not inside:
            continue
        occurrences += 1
        best_here: dict[str, tuple[float, float, EnglishPhrase]] = {}
        spelled = _spelled_compounds(inside, view)
        fits = _f_measures(view.links, inside, view.cover)
        for (phrase, covered), value in zip(view.phrases, fits.tolist()):
            if term.term_type is TermType.ACRONYM and not phrase.acronym:
                continue
            if any(phrase.start < end and phrase.end > start and not phrase.start <= start < end <= phrase.end
                   for start, end in spelled):
                continue  # cuts the open compound a French word spells (*serious cyber* of *serious cyber attack*)
            key = _phrase_key(phrase.lemma)
            # chosen as the bilingual score weighs it: a rendering that leaves a word out loses
            choice = value * WORD_LEFT_OUT if _leaves_out_here(term, phrase, covered, inside, view) else value
            if choice > best_here.get(key, (0.0,))[0]:
                best_here[key] = (choice, value, phrase)
        if not best_here:
            continue
        # each pair votes for its best phrase only: a piece of the translation (*posture* in
        # *deterrence posture*) is in every pair the whole is in, and must not win by being counted
        # in all of them
        key, (_, value, phrase) = max(best_here.items(), key=lambda item: (item[1][0], len(item[1][2].text)))
        if value > 0:
            item = evidence.setdefault(key, _Evidence(phrase, sentence_initial=True))
            lower = term.text[:1].islower() and phrase.text[:1].islower() and not item.phrase.text[:1].islower()
            if (item.sentence_initial or lower) and any(c.isalpha() for c in context.en[:phrase.start]):
                # a spelling not capitalised by its place (*10. Crisis*), nor, for a common noun's rendering, by
                # a name holding it (*mine countermeasures*, also in *Mine Countermeasures Group*)
                item.phrase, item.sentence_initial = phrase, False
            item.total += value
            item.pairs.append(number)
            if phrase.text not in item.forms:
                item.forms.append(phrase.text)
    if not evidence:
        return None
    best = max(evidence.values(), key=lambda e: (e.total, -len(e.phrase.text)))
    confidence = best.total / occurrences
    if confidence < MIN_CONFIDENCE:
        return None
    # the French canonical form is the singular: the English one too (its plural stays among the
    # forms); a name is written as it is (*NATO Headquarters*)
    named = best.phrase.acronym or term.pos == "properNoun"
    text = best.phrase.text if named else best.phrase.lemma
    first = text.split()[0] if text else ""
    if best.sentence_initial and term.text[:1].islower() and first[:1].isupper() and first[1:2].islower() \
            and views.spellings.get(first.lower(), first.lower()) != first \
            and not any(word[:1].isupper() for word in text.split()[1:]):  # *Defence Ministers* is a title
        text = text[0].lower() + text[1:]  # capitalised by its place only, as the French term and the English show
    return Term(
        text=text,
        lang="en",
        pos=term.pos,  # a name's rendering is a name, a common noun's a common noun
        term_type=TermType.ACRONYM if best.phrase.acronym else TermType.FULL_FORM,
        lemma=best.phrase.head if named else best.phrase.head_lemma,  # as the French term's: its head's
        confidence=round(min(1.0, confidence), 3),
        forms=list(dict.fromkeys([text, *best.forms])),
        frequency=len(best.pairs),
        contexts=[pairs[i] for i in best.pairs[:CONTEXTS_PER_TERM]],
    )


def _leaves_out_here(term: Term, phrase: EnglishPhrase, covered: list[int], inside: list[int],
                     view: _PairView) -> bool:
    """``leaves_out_words`` for a phrase of a pair, not counting among its words those the alignment
    surely gives to a French word outside the term: *Brigadier General Marc* pads *Brigadier General*
    with a name's first word, which renders the French *Marc*, not a word of *général de brigade
    aérienne*, and so leaves a word out as much as the phrase without it (which fits the term better)."""
    left_out = leaves_out_words(term.text, phrase.text)
    if left_out or phrase.acronym:  # fewer words already, or an acronym, read whole
        return left_out
    best = view.links[:, covered].argmax(axis=0).tolist()
    first, last = min(inside), max(inside)  # the term's words of grammar too: *de* in *force de réaction*
    elsewhere = sum(1 for j, i in zip(covered, best) if not first <= i <= last and view.links[i, j] >= SURE_LINK
                    and view.en_words[j].text.lower() not in _ENGLISH_LINKS)  # content words, as counted
    return _english_content_words(phrase.text) - elsewhere < len(_french_content_words(term.text))


def _f_measures(links: np.ndarray, inside: list[int], cover: np.ndarray) -> np.ndarray:
    """How well each English phrase (a row of ``cover``: 1 on the words it covers) and a French term
    link to each other rather than elsewhere: the harmonic mean of recall (for each word of the term,
    the share of its links that land in the phrase, averaged) and precision (for each word of the
    phrase, the share of its links that come from the term, averaged). Each word counts once, however
    rare it is: a word the model knows little about still says where its little evidence points."""
    rows = links[inside, :]
    recall = (rows @ cover.T / np.maximum(rows.sum(axis=1), 1e-9)[:, None]).mean(axis=0)
    share = rows.sum(axis=0) / np.maximum(links.sum(axis=0), 1e-9)
    precision = cover @ share / cover.sum(axis=1)
    total = precision + recall
    return np.where(total > 0, 2 * precision * recall / np.where(total > 0, total, 1.0), 0.0)


def _spelled_compounds(inside: list[int], view: _PairView) -> list[tuple[int, int]]:
    """Offsets of the English phrases of two words or more of the pair that spell a word of the French
    term (at ``inside``) as an open compound (*cyberattaque* ↔ *cyber attack*): word alignment links the
    French word to one of their words at most (the cognate *cyber*), the spelling shows it translates
    them all (``_open_compound``)."""
    return [(phrase.start, phrase.end) for i in inside for phrase, covered in view.phrases if len(covered) > 1
            and _open_compound(view.fr_words[i].text, tuple(view.en_words[j].text for j in covered))]


@lru_cache(maxsize=65536)  # the same words meet in every pair and for every term holding them
def _open_compound(french_word: str, english_words: tuple[str, ...]) -> float:
    """Spelling similarity of a French word with English words read as one (*cyberdéfense* ↔
    *cyber defence*), 0 unless the whole matches clearly better than its best word alone (*cyber*):
    otherwise it is a word and more, not a compound."""
    french = fold_word(french_word)
    whole = ratio(french, "".join(fold_word(w) for w in english_words)) / 100
    best_word = max(ratio(french, fold_word(w)) for w in english_words) / 100
    return whole if whole >= OPEN_COMPOUND_FLOOR and whole >= best_word + OPEN_COMPOUND_GAIN else 0.0


class _PairViews:
    def __init__(self, pairs: Sequence[Context], aligner: WordAligner):
        self.pairs, self.aligner, self.cache = pairs, aligner, {}
        self.phrases = english_phrases([c.en for c in pairs])  # one batch through the tagger
        self.spellings = spellings(c.en for c in pairs)  # how the English writes each word inside a sentence
        # French word → the pairs holding it, so a term is only looked for where all its words are
        self._postings: dict[str, set[int]] = {}
        self.aligned = [number for number, c in enumerate(pairs)  # no term is looked for in the others
                        if len(words(c.fr)) <= MAX_ALIGNED_WORDS and len(words(c.en)) <= MAX_ALIGNED_WORDS]
        for number in self.aligned:
            context = pairs[number]
            for word in words(context.fr):
                self._postings.setdefault(_word_stem(word.text), set()).add(number)  # any inflection

    def pairs_with(self, term: Term) -> list[int]:
        found: set[int] = set()
        for form in {term.text, *term.forms}:
            keys = [_word_stem(w.text) for w in words(form)]
            if keys:
                found |= set.intersection(*(self._postings.get(k, set()) for k in keys))
        return sorted(found)

    def make_all(self) -> None:
        for number in self.aligned:
            self.get(number)

    def get(self, number: int) -> _PairView:
        if number not in self.cache:
            context = self.pairs[number]
            fr_words, en_words = words(context.fr), words(context.en)
            links = self.aligner.links([w.text for w in fr_words], [w.text for w in en_words])
            starts = [w.start for w in en_words]  # increasing: a phrase's words are found by bisection
            phrases = []
            for phrase in self.phrases[number]:
                covered = [j for j in range(bisect_left(starts, phrase.start), bisect_left(starts, phrase.end))
                           if en_words[j].text not in english.FUNCTION_WORDS]
                if covered:
                    phrases.append((phrase, covered))
            cover = np.zeros((len(phrases), len(en_words)))
            for row, (_, covered) in enumerate(phrases):
                cover[row, covered] = 1.0
            self.cache[number] = _PairView(fr_words, en_words, links, phrases, cover)
        return self.cache[number]


def _acronym_pairs(pairs: Sequence[Context], analysis: FrenchTerms) -> dict[str, tuple[str, str]]:
    """French acronym → (English acronym, English full form), from definitions in the same pair."""
    paired = {}
    for number, context in enumerate(pairs):
        fr_defined = [a for a, _ in definitions(analysis.tokens[number], context.fr)]
        en_defined = english.definitions(context.en)
        unmatched = []
        for acronym in fr_defined:
            same = [d for d in en_defined if d[0] == acronym]
            if same:
                paired.setdefault(acronym, same[0])
            else:
                unmatched.append(acronym)
        en_left = [d for d in en_defined if d[0] not in fr_defined]
        for acronym, definition in zip(unmatched, en_left):  # in order of appearance
            paired.setdefault(acronym, definition)
    return paired


def _defined(text: str, term_type: TermType, pairs: Sequence[Context], pos: str = "noun") -> Term:
    """The English term a definition gives, with the part of speech of its French counterpart."""
    key = normalize_for_match(text)
    supporting = [c for c in pairs if _contains(normalize_for_match(c.en), key)]
    return Term(
        text=text,
        lang="en",
        term_type=term_type,
        pos=pos,
        lemma=text if term_type is TermType.ACRONYM else _name_head(text),
        confidence=DEFINITION_CONFIDENCE,
        forms=[text],
        frequency=len(supporting),
        contexts=supporting[:CONTEXTS_PER_TERM],
    )


def _name_head(name: str) -> str | None:
    """The head of a name, as written, the lemma the French side gives a name (*Command* of *Allied
    Maritime Command*); None if the name is not one noun phrase."""
    from ..text.en import noun_phrases

    whole = [p for p in noun_phrases(name) if p.start == 0 and p.end == len(name)]
    return whole[0].head if whole else None


def _unique(terms: list[Term]) -> list[Term]:
    seen, out = set(), []
    for term in terms:
        if term.text.casefold() not in seen:
            seen.add(term.text.casefold())
            out.append(term)
    return out


@lru_cache(maxsize=16384)
def _word_pattern(needle: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")


def _contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words (*air* is not in *militaire*)."""
    return needle in haystack and _word_pattern(needle).search(haystack) is not None


@lru_cache(maxsize=65536)
def _word_stem(word: str) -> str:
    return stem(word)  # a word is stemmed once, not once per sentence it is in (the pairs' index)


@lru_cache(maxsize=16384)
def _phrase_key(text: str) -> str:
    return stem(fold(text))  # *Centre of Excellence* and *Centres of Excellence* are one proposal


def _term_positions(term: Term, sentence: str, fr_words) -> list[int]:
    """Indices of the alignment words covered by the term's first occurrence in the sentence."""
    folded = _offset_fold(sentence)
    for form in sorted({term.text, *term.forms}, key=len, reverse=True):
        at = folded.find(_offset_fold(form))
        if at >= 0:
            end = at + len(form)
            return [i for i, w in enumerate(fr_words)
                    if at <= w.start < end and w.text not in _FRENCH_FUNCTION_WORDS]
    return []


def _offset_fold(text: str) -> str:
    """Case and apostrophe folding that keeps every character at its offset."""
    return text.translate(_SAME_LENGTH).lower()
