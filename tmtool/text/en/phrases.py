"""English noun phrases from tagged words: the candidates of English terms.

A noun phrase is, over *units* (a word, or words joined by hyphens with no space: *long-range*,
*F-35*), ``(DET)? quantifiers* modifiers* head`` where modifiers are adjectives, nouns, hyphenated
units and participles used as adjectives (*armed forces*, *emerging and disruptive technologies*), the
head a noun or proper noun, and a number may close a name (*NATO 2030*, *Article 5*). Coordination
joins two modifiers or heads written alike (*Peace and Security*, *air and missile defence*).
Prepositional complements attach in two cases only, where English terms have them:
- names: a capitalised head, *of*/*for*/*on*/*in*, and the capitalised words that follow, with *the*
  at most (*Chairman of the NATO Military Committee*, *Partnership for Peace* in *Partnership for Peace
  countries*, *Heads of State and Government*); *in* takes two or more (*Centre of Excellence for
  Operations in Confined and Shallow Waters*, not *Summit in Vilnius*);
- common terms: a lower-case head, *of*, and a lower-case complement without article (*weapons of mass
  destruction*, *rule of law*), unless the head counts or measures (*number of*, *inch of*).
So *inch of Allied territory* is no phrase: *inch* and *Allied territory* are.

Candidates are the maximal phrases (less their determiners and quantifiers) and their sub-spans that
start on a modifier or noun and end on a head, taking a complement whole or up to a conjunction in it:
*Supreme Allied Commander Europe* gives *Allied Commander Europe*, *Commander Europe*, *Supreme Allied
Commander*, ...; *Chief of Defence Staff* gives *Chief*, *Defence Staff*, *Defence* and *Staff*, never
*Chief of Defence*; *Heads of State and Government* gives *Heads of State*. Verbs, adverbs,
prepositions, determiners, web and e-mail addresses never open or close a candidate; a word the tagger
reads as a verb by a close call, and an *-ing* form where its place allows a noun or a modifier (*undersea
sensing*, *training areas*), is read both ways, and the pairing tells which reading holds.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from itertools import chain
from typing import Iterator, Sequence

from ..normalize import sentence_case, spellings
from .lemmas import default_lemmatizer
from .tagger import TAGS, default_tagger
from .tokens import tokenize

MAX_SPAN_WORDS = 12  # a sub-span longer than this is no term (a maximal phrase is kept whole)
NAME_PREPOSITIONS = frozenset({"of", "for", "on", "in"})
COMMON_PREPOSITIONS = frozenset({"of"})
# Adjectives that count or pick rather than describe: they open a phrase, never a candidate.
QUANTIFIERS = frozenset(
    """other another many much more most several few fewer less least various numerous such same own
    further additional respective entire whole certain particular first second third last next past
    previous""".split()
)
# *-ing* forms that work as prepositions: never a noun's or a modifier's reading (``_gerund``).
PREPOSITIONAL_ING = frozenset("including according regarding concerning following excluding considering pending".split())
# Possessive determiners, tagged PRON in UD.
POSSESSIVES = frozenset("my your his her its our their whose".split())
# Heads that count, measure or take a part: *number of countries* is no term.
PARTITIVES = frozenset(
    """number numbers lot lots kind kinds type types sort sorts part parts piece pieces bit bits inch inches
    mile miles metre metres meter meters kilometre kilometres percent share amount amounts majority minority
    rest variety couple dozen dozens handful half quarter third total plenty range series set group groups
    list example examples end beginning start middle top bottom side sides""".split()
)
CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
_ADDRESS = re.compile(r"^(?:https?://|ftp://|www\.)|@|\.(?:com|org|net|int|gov|edu|eu)$", re.IGNORECASE)
PARTICIPLE = re.compile(r"(?:ed|en|wn|ing)$")
_CELL = re.compile(r"[^\t]+")
# a heading's or a list item's label of letters (*A.*, *B)*, *IV.*, *C.2*): no word of a phrase (*A. NATO cyber
# defence policy* is no term, where *1. NATO cyber defence policy* reads its number apart); a cell is read after it
_LABEL = re.compile(r"\s*(?:[A-Z]|[IVXLC]{2,6})(?:\.\d+)*[.)]\s+(?=\S)")
# Below this margin of the tagger's score over a noun or adjective reading, a word tagged VERB before
# a noun is as often one or the other: on EWT dev, 9 of 21 such words are nouns or adjectives
# (bench/README.md), against 3 in 15 at margins of 6-10 and 12 in 209 beyond.
AMBIGUOUS_MARGIN = 6.0


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int  # character offsets in the sentence
    end: int
    tag: str  # UPOS
    lemma: str
    alternative: str | None = None  # NOUN or ADJ where the tagger read a verb by a close call


@dataclass(frozen=True, slots=True)
class NounPhrase:
    start: int  # character offsets in the sentence
    end: int
    text: str
    lemma: str  # the text with its head in its lemma: *Chiefs of Staff* → *Chief of Staff*
    head: str  # the head as written (a hyphenated head whole: *counter-piracy*)
    head_lemma: str
    maximal: bool  # the whole phrase, not one of its sub-spans


@cache
def participles() -> dict[str, frozenset[str]]:
    """Participles EWT shows modifying nouns (``modifiers``) and those it shows only as verbs
    (``clausal``): ``data/participles.json.gz``, written by ``bench/train_en_tagger.py``."""
    data = json.loads(gzip.decompress((files(__package__) / "data" / "participles.json.gz").read_bytes()))
    return {kind: frozenset(words) for kind, words in data.items()}


def analyse(sentences: Sequence[str]) -> list[list[Word]]:
    """Tokens of each sentence with their UPOS tag and lemma (one batch through the tagger); a word
    the tagger reads as a verb by a close call (``AMBIGUOUS_MARGIN``) to a noun or an adjective has
    that reading as its ``alternative``, and so has an *-ing* form by its place (``_gerund``)."""
    tokens = [tokenize(s) for s in sentences]
    flat, runners_up = default_tagger().decode([[t for t, _, _ in sentence] for sentence in tokens])
    lemma = default_lemmatizer().lemma
    analysed, at = [], 0
    for sentence in tokens:
        words = []
        for k, (text, start, end) in enumerate(sentence, start=at):
            tag, (other, margin) = TAGS[flat[k]], runners_up.get(k, (None, 0.0))
            alternative = TAGS[other] if other is not None and margin < AMBIGUOUS_MARGIN else None
            words.append(Word(text, start, end, tag, lemma(text, tag),
                              alternative if alternative in ("NOUN", "ADJ") else None))
        analysed.append([replace(w, alternative=_gerund(words, k)) if w.alternative is None and _ing(w) else w
                         for k, w in enumerate(words)])
        at += len(sentence)
    return analysed


def _ing(word: Word) -> bool:
    return (word.tag == "VERB" and word.text.islower() and word.text.endswith("ing") and len(word.text) > 5
            and word.text not in PREPOSITIONAL_ING)


def _gerund(words: Sequence[Word], k: int) -> str | None:
    """The reading of an *-ing* form the tagger read as a verb that its place allows as a noun's: a noun
    where nothing follows it that a verb would take, the end of the phrase, *of* or punctuation (*undersea
    sensing,*, *the jamming of signals*), a modifier before a noun or an adjective (*participating
    countries*, *training areas*, *branching units*); coordinated, as the word it is coordinated with
    (*jamming and spoofing of*). EWT shows few of these as nouns: which reading holds is left to the
    pairing, as for a close call (*for furthering dialogue* is a verb and its object)."""
    after = words[k + 1] if k + 1 < len(words) else None
    if after is None or after.tag == "PUNCT" or after.text.lower() == "of":
        return "NOUN"
    if after.tag in ("NOUN", "ADJ"):
        return "ADJ"
    if after.tag == "CCONJ" and k + 2 < len(words):
        partner = words[k + 2]
        return "ADJ" if partner.tag == "ADJ" else _gerund(words, k + 2) if _ing(partner) else None
    return None


# words that open a verb's object, never a noun's continuation after the noun (*vehicles map the seabed*)
OBJECT_OPENERS = frozenset("the a an this these those its their his her our my your them it".split())
_CLAUSE_OPENERS = ("SCONJ", "CCONJ")
_RELATIVES = frozenset("which who whom whose that".split())
_SENTENCE_END = frozenset(".!?")


def hidden_verbs(words: Sequence[Word]) -> set[int]:
    """Indices of words the tagger read as nouns that are the verb of a clause that has none yet: a noun
    after a noun (the subject's head: *the exercise tests*, *vehicles map*) followed by the opening of an
    object (a determiner, a possessive, an object pronoun: ``OBJECT_OPENERS``), which a noun phrase never
    runs on into; or, in a sentence (it ends as one, so it needs a finite verb; a heading need not) where the
    tagger found no verb (but participles modifying nouns), a noun after a noun group opening on an article and
    before a preposition, that EWT has seen as a verb (its ambiguity class, or its base's), whose form agrees with
    the noun before it
    (*the contingent arrives in*, *the programme benefits from*; not *host nation support to*, *NATO forces
    in*), or before a bare object (``_bare_object``: *the eastern flank cuts deployment times*). EWT, web text,
    seldom shows *map*, *patrol*, *tests* as verbs, so the greedy tagger reads them as the head of the noun before;
    the clause's missing verb says otherwise. Also the verbs the tagger read by a close call to a noun (``analyse``'s
    ``alternative``: *NATO forces train soldiers*) before a bare object, first in their clause: the noun reading would
    make a phrase across them (*NATO forces train soldiers*)."""
    found: set[int] = set()
    if not words:
        return found
    # a sentence (not a heading) with no verb but participles modifying nouns (*Allied air forces*)
    sentence = any(w.text in _SENTENCE_END for w in words[-2:]) and not any(
        w.tag == "AUX" or (w.tag == "VERB" and not modifies_noun(words, k)) for k, w in enumerate(words))
    question = any(w.text == "?" for w in words[-2:])
    verb_seen = False
    for k, word in enumerate(words):
        clause_had_verb = verb_seen
        if question and _inverted(words, k):
            pass  # the question's auxiliary before its subject: the clause's verb comes after (*Does the exercise test*)
        elif word.tag == "AUX" or (word.tag == "VERB" and not modifies_noun(words, k)):
            verb_seen = True
        elif word.tag in _CLAUSE_OPENERS or (word.tag == "PUNCT" and word.text not in "-–/")\
                or word.text.lower() in _RELATIVES:
            verb_seen = False
        if not 0 < k < len(words) - 1 or not word.text.islower():
            continue
        before, after = words[k - 1], words[k + 1]
        if before.tag not in ("NOUN", "PROPN") or before.end == word.start:
            continue
        if word.tag == "VERB" and word.alternative == "NOUN" and not clause_had_verb and _bare_object(words, k):
            found.add(k)  # the tagger's verb, which its close call would read as a noun inside a phrase
            continue
        if verb_seen or word.tag != "NOUN":
            continue
        if after.text.lower() in OBJECT_OPENERS and after.tag in ("DET", "PRON") and not _relative(words, k + 1):
            found.add(k)
            verb_seen = True
        elif (sentence and after.tag == "ADP" and _verb_form(word.text) and _agrees(before.text, word.text)
              and _determined(words, k)):
            found.add(k)
            verb_seen = True
        elif sentence and _bare_object(words, k):
            found.add(k)
            verb_seen = True
    return found


def _bare_object(words: Sequence[Word], k: int) -> bool:
    """Whether word ``k``, after a noun, is a present tense taking a bare noun phrase as its object (*NATO forces
    train soldiers*, *Allied nations support Ukraine*): a form EWT has seen as a verb, bare or in *-s* (no
    participle: *NATO training mission*), agreeing with the noun before it as its subject (*host nation support
    teams* does not), before a noun, a name, an adjective or a number."""
    text = words[k].text
    return (words[k + 1].tag in ("NOUN", "PROPN", "ADJ", "NUM") and words[k + 1].text[:1].isalnum()
            and not text.endswith(("ing", "ed")) and _verb_form(text) and _agrees(words[k - 1].text, text))


_NOMINAL = ("NOUN", "PROPN", "ADJ", "NUM", "DET")
# auxiliaries a question puts before the subject, the bare verb after it (*Can vehicles map …?*); not *be* and *have*,
# whose verb after the subject is a participle the tagger reads as one (*Has the exercise tested …?*)
_QUESTION_AUXILIARIES = frozenset("do does did can could will would shall should may might must".split())


def _inverted(words: Sequence[Word], k: int) -> bool:
    """Whether word ``k`` is a question's auxiliary before its subject (*Does the exercise*, *Why do member
    states*, *Can autonomous vehicles*): a subject's word, or an adjectival participle, follows it."""
    return (words[k].text.lower() in _QUESTION_AUXILIARIES and k + 1 < len(words)
            and (words[k + 1].tag in (*_NOMINAL, "PRON") or modifies_noun(words, k + 1)))


def _relative(words: Sequence[Word], k: int) -> bool:
    """Whether the noun phrase opening at ``k`` is followed by its own verb: the subject of a relative clause
    with no pronoun (*the first upper-stage rocket this country has developed*), not an object."""
    first = k
    while k < len(words) and (words[k].tag in _NOMINAL or words[k].text == "-" or words[k].tag == "PRON"):
        k += 1
    # a determiner right before a "verb" is the tagger's error (*the seabed* read as a verb), no subject's verb
    nominal = any(w.tag in ("NOUN", "PROPN", "PRON", "NUM") for w in words[first:k])
    return nominal and k < len(words) and words[k].tag in ("VERB", "AUX")


def _determined(words: Sequence[Word], k: int) -> bool:
    """Whether the noun group before ``k`` opens on an article or a demonstrative, as a clause's subject does
    (*The programme benefits from*), where a heading's seldom does (*NATO exercises in Estonia*)."""
    k -= 1
    while k >= 0 and (words[k].tag in ("NOUN", "PROPN", "ADJ", "NUM") or words[k].text == "-"
                      or _name_and(words, k)):
        k -= 1
    return k >= 0 and words[k].tag == "DET" and words[k].text.lower() in OBJECT_OPENERS


def _name_and(words: Sequence[Word], k: int) -> bool:
    """Whether word ``k`` is the *and* of one name, between proper nouns (*The Trinidad and Tobago Defence Force*,
    *the NATO Science and Technology Organization*)."""
    return (words[k].text == "and" and 0 < k < len(words) - 1
            and words[k - 1].tag == "PROPN" and words[k + 1].tag == "PROPN")


def modifies_noun(words: Sequence[Word], k: int) -> bool:
    """A participle tagged VERB that modifies the noun after it (*Allied aircraft*, *the trained divers*), not
    one after a noun (*the ministers approved new targets*)."""
    return (k + 1 < len(words) and words[k + 1].tag in ("NOUN", "PROPN", "ADJ")
            and not (k > 0 and words[k - 1].tag in ("NOUN", "PROPN", "PRON"))
            and PARTICIPLE.search(words[k].text.lower()) is not None)


def _verb_form(word: str) -> bool:
    """Whether EWT tagged the word, or the base it is an inflection of, as a verb (its ambiguity class)."""
    from .tagger import _guess

    lexicon = default_tagger().lexicon
    lower = word.lower()
    return "VERB" in lexicon.get(lower, "") or "VERB" in _guess(lower, lexicon).partition(">")[2]


def _agrees(subject: str, verb: str) -> bool:
    """Whether a present tense agrees with the noun before it: *-s* after a singular, none after a plural."""
    lemmatizer = default_lemmatizer()
    plural = subject.lower() in lemmatizer.plural_nouns or lemmatizer.lemma(subject, "NOUN").lower() != subject.lower()
    third_person = verb.lower().endswith("s") and lemmatizer.lemma(verb, "VERB").lower() != verb.lower()
    return plural != third_person


def noun_phrases(sentence: str) -> list[NounPhrase]:
    """Candidate English terms of one sentence (see the module docstring), in text order."""
    return noun_phrases_many([sentence])[0]


def noun_phrases_many(sentences: Sequence[str]) -> list[list[NounPhrase]]:
    """``noun_phrases`` of each sentence, tagged in one batch (faster for many sentences); a heading
    in capitals is read in sentence case, each word as the sentences write it elsewhere
    (``normalize.sentence_case``: *BACKGROUND* is no acronym, *NATO* in *NATO AND KFOR* stays one)."""
    written = spellings(sentences)
    cased = [sentence_case(s, written) for s in sentences]
    # a tab parts the cells of a table row read as one line (a list of abbreviations, see
    # pipeline.term_pairs): each cell is read alone, so that no phrase runs from one into the next
    cells = [(k, cell.start() + skip, cell.group()[skip:]) for k, s in enumerate(cased) for cell in _CELL.finditer(s)
             for label in [_LABEL.match(cell.group())] for skip in [label.end() if label else 0]]
    found: list[list[NounPhrase]] = [[] for _ in sentences]
    for (k, offset, cell), words in zip(cells, analyse([cell for *_, cell in cells])):
        found[k] += [replace(p, start=p.start + offset, end=p.end + offset) for p in phrases_of(cell, words)]
    return found


def phrases_of(sentence: str, words: Sequence[Word]) -> list[NounPhrase]:
    """Candidate terms of an analysed sentence: those of the tagger's reading and, where it read a
    word as a verb by a close call, those of the other reading too (*as host country*: *host* a verb
    or a noun); which reading holds is left to the pairing, where the French term's words align."""
    found: dict[tuple[int, int], NounPhrase] = {}
    readings = [words]
    if any(w.alternative for w in words):
        readings.append([replace(w, tag=w.alternative, lemma=default_lemmatizer().lemma(w.text, w.alternative))
                         if w.alternative else w for w in words])
    for reading in readings:
        units = _units(reading)
        for parts in _phrases(units, reading):
            whole = (parts[0][0], parts[-1][1])
            for first, last in [whole, *_spans(units, parts)]:
                phrase = _phrase(sentence, reading, units, parts, first, last, (first, last) == whole)
                found.setdefault((phrase.start, phrase.end), phrase)
    return sorted(found.values(), key=lambda p: (p.start, -p.end))


@dataclass(frozen=True, slots=True)
class _Unit:
    first: int  # token range [first, last]
    last: int
    kind: str  # N noun, A modifier, H hyphenated, V verb, # number, D determiner, Q quantifier,
    # P preposition, C conjunction, O anything else
    capital: bool  # written with a capital that is not only the sentence's
    head: bool  # can end a phrase
    initial: bool = False  # a common word capitalised because it opens the sentence


def _units(words: Sequence[Word]) -> list[_Unit]:
    units = []
    i = 0
    while i < len(words):
        last = i
        while (
            last + 2 < len(words)
            and words[last + 1].text == "-"
            and words[last].end == words[last + 1].start
            and words[last + 1].end == words[last + 2].start
            and words[last + 2].text[:1].isalnum()
            and words[last].text[-1:].isalnum()
        ):
            last += 2
        units.append(_unit(words, i, last))
        i = last + 1
    return units


def _unit(words: Sequence[Word], first: int, last: int) -> _Unit:
    word = words[first]
    text, lower, tag = word.text, word.text.lower(), word.tag
    # a capital on the first word of a sentence counts only on a proper noun
    capital = text[:1].isupper() and (first > 0 or tag == "PROPN" or (text.isupper() and len(text) > 1))
    if _ADDRESS.search(text):
        return _Unit(first, last, "O", capital, False)
    if last > first:
        end_tag = words[last].tag
        head = (
            end_tag in ("NOUN", "PROPN")
            or (end_tag == "NUM" and any(c.isalpha() for c in text))
            or words[last].text.lower().endswith("ing")  # *information-sharing*, *decision-making*
        )
        return _Unit(first, last, "H", capital, head)
    if tag in ("NOUN", "PROPN") and text[:1].isalnum():
        return _Unit(first, last, "N", capital, True, text[:1].isupper() and not capital)
    if tag == "ADJ":
        return _Unit(first, last, "Q" if lower in QUANTIFIERS else "A", capital, False)
    if tag == "NUM":
        return _Unit(first, last, "#", True, False)
    if tag == "DET" or (tag == "PRON" and lower in POSSESSIVES):
        return _Unit(first, last, "D", capital, False)
    # *of* before a gerund is a subordinating conjunction in EWT (*capable of doing*, 130 of its 3,622 *of*):
    # the tagger says so before a noun in *-ing* too (*memoranda of understanding*), which the phrase reads
    if (tag == "ADP" or (tag == "SCONJ" and lower == "of")) and lower in NAME_PREPOSITIONS:
        return _Unit(first, last, "P", False, False)
    if tag == "CCONJ" and lower in ("and", "or"):
        return _Unit(first, last, "C", False, False)
    if tag == "VERB" and (capital or PARTICIPLE.search(lower)):
        return _Unit(first, last, "V", capital, False)
    return _Unit(first, last, "O", capital, False)


def _phrases(units: Sequence[_Unit], words: Sequence[Word]) -> Iterator[list[tuple[int, int]]]:
    """Maximal phrases as lists of unit ranges [start, end): the first base phrase, then each
    complement's base phrase (its preposition and article lie between)."""
    k = 0
    while k < len(units):
        base = _base(units, words, k, leading=True)
        if base is None:
            k += 1
            continue
        parts = [base]
        while True:
            complement = _complement(units, words, parts[-1])
            if complement is None:
                break
            parts.append(complement)
        yield parts
        k = parts[-1][1]


def _base(units: Sequence[_Unit], words: Sequence[Word], k: int, leading: bool) -> tuple[int, int] | None:
    """The base phrase at unit ``k``: [start of its modifiers, end of its head), or None. With
    ``leading``, determiners, quantifiers and numbers before it are skipped."""
    while leading and k < len(units) and units[k].kind in "DQ#":
        k += 1
    start, end = k, None
    while k < len(units):
        unit = units[k]
        if unit.kind in "NAH" or (unit.kind == "V" and _participle(units, words, start, k)):
            pass
        elif unit.kind == "#" and k > start and _names(units[k - 1], words):
            end = k + 1  # a number closing a name: *NATO 2030*, *Article 5*
        elif unit.kind == "C" and k > start and _coordinates(units, words, start, k):
            pass
        else:
            break
        if unit.head:
            end = k + 1
        k += 1
    return (start, end) if end is not None else None


def _names(unit: _Unit, words: Sequence[Word]) -> bool:
    """A capitalised noun that a number can follow as part of its name (not a month: *July 2021*)."""
    return unit.kind == "N" and unit.capital and words[unit.last].text.lower() not in CALENDAR


def _participle(units: Sequence[_Unit], words: Sequence[Word], start: int, k: int) -> bool:
    """A verb modifies a noun as an adjective: capitalised inside a name (*Supreme Allied Commander*,
    *Allied Command Transformation*), or a participle opening the phrase after an article, a
    preposition or punctuation (*the armed forces*, *with improvised explosive devices*) or after a
    coordinated modifier (*advanced and integrated*); one that EWT shows before nouns also after a verb
    (*strengthen existing partnerships*). Never after a noun or pronoun (*Allies deployed forces*),
    never a participle that EWT only shows as a verb (*, received assistance*), and an *-ing* form EWT
    never shows before a noun only after an article or adjective (*for furthering dialogue* is a
    gerund and its object)."""
    after = units[k + 1] if k + 1 < len(units) else None
    if after is None or after.kind not in "NAHVC":
        return False
    if units[k].capital:
        return True
    word = words[units[k].first].text.lower()
    known = participles()
    if word in known["clausal"]:
        return False
    if k > start:
        return units[k - 1].kind == "C"
    before = words[units[k].first - 1].tag if units[k].first > 0 else "PUNCT"
    if word in known["modifiers"]:
        return before not in ("NOUN", "PROPN", "PRON", "AUX")  # *strengthen existing partnerships*
    if word.endswith("ing"):
        return before in ("DET", "ADJ")  # *for furthering dialogue*, *, exchanging ideas*: gerunds
    return before in ("DET", "ADP", "PUNCT", "NUM", "ADJ", "SCONJ", "VERB")  # *to deploy trained troops*


def _coordinates(units: Sequence[_Unit], words: Sequence[Word], start: int, k: int) -> bool:
    """*and*/*or* between two words written alike: both capitalised, inside a name (*NATO Science
    and Technology Organization*), or neither and of one kind, two nouns or two modifiers (*air and
    missile defence*, *emerging and disruptive technologies*). A noun then an adjective is two
    phrases: *counter-piracy operations and critical infrastructure*."""
    before, after = units[k - 1], units[k + 1] if k + 1 < len(units) else None
    if after is None or before.kind not in "NAHV" or after.kind not in "NAHV":
        return False
    if before.capital or after.capital:
        return before.capital and after.capital
    if after.kind == "V" and not _participle(units, words, start, k + 1):
        return False
    return (before.kind in "NH") == (after.kind in "NH")


def _complement(units: Sequence[_Unit], words: Sequence[Word], base: tuple[int, int]) -> tuple[int, int] | None:
    """The base phrase of a prepositional complement of ``base``'s head that makes a term. A name's
    complement is its capitalised words (*Partnership for Peace* in *Partnership for Peace
    countries*); *in* needs two of them (*Operations in Confined and Shallow Waters*, not *Summit in
    Vilnius*)."""
    preposition = base[1]
    if preposition >= len(units) or units[preposition].kind != "P":
        return None
    word = words[units[preposition].first].text.lower()
    k = preposition + 1
    article = k < len(units) and units[k].kind == "D" and words[units[k].first].text.lower() == "the"
    if article:
        k += 1
    complement = _base(units, words, k, leading=False)
    if complement is None:
        return None
    head = units[base[1] - 1]
    if head.capital or head.initial:
        end = k
        for j in range(k, complement[1]):
            if not (units[j].capital or units[j].kind == "C"):
                break
            if units[j].head or units[j].kind == "#":
                end = j + 1
        content = [u for u in units[k:end] if u.kind != "C"]
        last = words[units[end - 1].last].text.lower()
        if content and not (word == "on" and last in CALENDAR) and (word != "in" or len(content) > 1):
            return k, end
        if head.capital:
            return None
    content = [u for u in units[complement[0] : complement[1]] if u.kind != "C"]
    if any(u.capital for u in content) or article or word not in COMMON_PREPOSITIONS:
        return None
    return None if words[head.last].lemma.lower() in PARTITIVES else complement


def _spans(units: Sequence[_Unit], parts: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Unit ranges [first, last) of the sub-spans of one maximal phrase, MAX_SPAN_WORDS words at most.
    A sub-span ends on a head of its own base phrase, or takes a complement whole, up to its end or to
    a conjunction in it (*Heads of State* in *Heads of State and Government*)."""
    for i, (start, end) in enumerate(parts):
        for first in range(start, end):
            if units[first].kind not in "NAHV":
                continue
            inside = (
                last
                for last in range(first + 1, end + 1)
                if (units[last - 1].head or (units[last - 1].kind == "#" and last - 1 > first))
                and _conjoins(units, start, end, first, last)
            )
            across = (
                last
                for later_start, later_end in parts[i + 1 :]
                for last in range(later_start + 1, later_end + 1)
                if last == later_end or (units[last - 1].head and units[last].kind == "C")
            )
            limit = units[first].first + MAX_SPAN_WORDS  # the first word past the longest sub-span
            for last in chain(inside, across):
                if units[last - 1].last >= limit:
                    break
                yield first, last


def _conjoins(units: Sequence[_Unit], start: int, end: int, first: int, last: int) -> bool:
    """Whether the sub-span [first, last) of the base phrase [start, end) holds its conjunction, if it
    has one, as a coordination of its own: ending on the phrase's head (*power cables and submarine
    telecommunications cables*), or joining the phrase's first two words alone (*command and control*
    in *command and control structure*, *air and missile* in *air and missile defence*). *cables and
    submarine*, *power cables and submarine* join words of two different levels: no phrase."""
    if last == end or not any(units[k].kind == "C" for k in range(first, last)):
        return True
    return first == start and last == first + 3


def _phrase(
    sentence: str,
    words: Sequence[Word],
    units: Sequence[_Unit],
    parts: Sequence[tuple[int, int]],
    first: int,
    last: int,
    maximal: bool,
) -> NounPhrase:
    """The candidate over units [first, last): its head is the last head before a complement."""
    limit = next((end for start, end in parts if start <= first < end), last)
    head = max(k for k in range(first, min(last, limit)) if units[k].head)
    head_unit = units[head]
    head_word = words[head_unit.last]
    start, end = words[units[first].first].start, words[units[last - 1].last].end
    head_start = words[head_unit.first].start
    head_text = sentence[head_start : head_word.end]
    # a nominal -ing at the end of a hyphenated head keeps its form: *information-sharing*
    own_lemma = head_word.lemma if head_word.tag in ("NOUN", "PROPN") else head_word.text
    head_lemma = sentence[head_start : head_word.start] + own_lemma
    text = sentence[start:end]
    lemma = sentence[start:head_start] + head_lemma + sentence[head_word.end : end]
    return NounPhrase(start, end, text, lemma, head_text, head_lemma, maximal)
