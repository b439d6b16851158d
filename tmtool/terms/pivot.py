"""A glossary for a pair with English on one side and any language on the other: English terms first.

The French–English extractor reads the French with a parser and pairs it through a French–English
dictionary; for another language tmtool has neither, so the English side leads and the other language
is read as words only:

- English candidates are the noun phrases of the English tagger (``equivalents.english_phrases``),
  ranked by termhood as the French are (``termhood``): C-value's frequency (less the occurrences the
  longer candidates holding it claim, in the measure that they are terms), specificity against general
  English (``wordfreq``), a lone common word or a number weighing less, documents; an acronym defined
  in the sentence (*Allied Maritime Command (MARCOM)*) makes both terms.
- A candidate's equivalent is a contiguous span of the other sentence, chosen by the word aligner
  (``wordalign``, with no dictionary: the same word and cognates are its only priors). In each pair, the
  span whose words link most inside the English phrase and the phrase's words most inside it (the
  F-measure of the two shares: boundaries agreed in both directions), never opening or closing on one
  of the language's most frequent words (``function_words``) nor crossing punctuation; in German a span
  closes on a capitalised word (a noun), and in a language putting a subordinate clause's verbs last, never
  on the word ending such a clause (``VERB_FINAL_CLAUSES``). In a language with cases an equivalent is given
  in the form rendering an English phrase no preposition governs, then whose inflected words carry no oblique
  case ending, where its forms show one (Polish, ``OBLIQUE_ENDINGS``); and in the singular where the English
  term is and the sentences wrote only plurals (``_Spans._singular``). The pairs vote
  for their best span, spans of one stem sequence together (``normalize.inflection_key``, Snowball's
  stemmer where the language has one); the span with most evidence wins, its confidence the votes'
  mean over the term's pairs, as for a French term's English equivalent.
- An entry's score is the English score × (``TRANSLATION_BASE`` + confidence), as a French entry's is.

Without the other language, the same English terms and scores are the monolingual English extraction
(``extract_english``, what ``tmtool extract --lang en`` writes).

Entries hold the English term first (its lemma, part of speech, forms), then the other language's, which
claims no lemma (nothing here analyses that language) and the part of speech of its English term. A
context's ``fr`` holds the other language's sentence, its ``en`` the English one (``store.rows.term_context``).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..langtags import base_language
from ..model import Context, Entry, Term, TermType
from ..progress import Progress, Step
from ..text.normalize import (
    AMBIGUOUS_PLURALS, DEFINITE_OF_SAME_PLURAL, english_stem, fold, inflection_key, plural_readings, spellings,
)
from . import english, nouns
from .acronyms import is_acronym
from .equivalents import MAX_ALIGNED_WORDS, MIN_CONFIDENCE, EnglishPhrase, _phrase_key, english_phrases
from .extract import CONTEXTS_PER_TERM, ranking
from .termhood import _NUMBER, _SINGLE_WORD, DEFAULT_THRESHOLD, nested_frequency, rare, word_counts, words_specificity
from .wordalign import WordAligner, plain_words

# an entry's score is the English score × (TRANSLATION_BASE + its equivalent's confidence), as a French
# one's is (``equivalents.TRANSLATION_BASE``, 0.35 there): chosen on the development and test pairs, the
# French read as an unknown language, for about 25 proposals a page (bench/README.md, "Any pair with English")
TRANSLATION_BASE = 0.05
# ``extract_english``'s own default (``tmtool extract --lang en``): the English terms of a document alone score
# higher than the French ones of the same page (their scores bunch between 0.5 and 0.7), so the shared
# DEFAULT_THRESHOLD proposes about 40 % more a page than the French; this one puts them on the French page
# (about 25 a one-page article), chosen on the development and test pairs (bench/README.md, "A threshold of
# its own for English documents alone")
ENGLISH_THRESHOLD = 0.6
# a language's most frequent words in wordfreq's list for it, which a span never opens or closes on
# (chosen on the development and test pairs, bench/README.md, "Any pair with English")
LISTED_FUNCTION_WORDS = 100
# a language wordfreq has no list for: the words seen in this share of the input's sentences or more, and in
# FREQUENT_SENTENCES at least (a shorter input tells a function word from its topic's words no better)
FREQUENT_SHARE = 0.5
FREQUENT_SENTENCES = 8
SPAN_SLACK = 3  # a span has at most twice the English phrase's content words and this many more
# languages whose spelling gives every noun a capital: a term's span there closes on its head noun (or a
# number, an acronym), never on a verb or an adjective (*Minenabwehrverband untersteht*, *Übung erprobt*).
# Swiss German (gsw, a language tag of its own, not de's) is written so too (*Militärfahrzüüg*)
CAPITALISED_NOUNS = frozenset({"de", "gsw", "lb"})
# languages writing a compound as one word (*Minenjagdboot*, *mijnenjager*), which inflects on its last part: a
# compound the word list lacks is put in the singular as its longest final part the list holds, of at least
# MIN_COMPOUND_PART letters
CLOSED_COMPOUNDS = frozenset({"de", "gsw", "lb", "nl", "sv", "da", "nb", "nn", "no", "is", "fi"})
MIN_COMPOUND_PART = 4
# a reading of a plural ending (``normalize.AMBIGUOUS_PLURALS``) is the singular where the language uses it at least
# this share as much as the plural (wordfreq): chosen on the even half of bench/plurals.py's German plurals, among 0.1,
# 0.2, 0.25, 0.3, 0.5 and 1 (1.0 reads a quarter fewer right; 0.1 and 0.2 read *Daten* as the loanword *Date*)
SINGULAR_SHARE = 0.25
# languages writing the definite article after a plural's ending (*bilarna*, *bilerne*): ``_singular_word`` reads
# their longest ending first
SUFFIXED_ARTICLES = frozenset({"sv", "da"})
SHORTEST_READING = frozenset({"sv"})  # of those, where the shortest of their readings is taken (``_singular_word``)
MIN_FIRST_PART = 3  # *See*, *zee*, *lid* (*lidstaten*) begin compounds; no word of one or two letters does
# languages that put the verbs of a subordinate clause last (*dat de bondgenoten de luchtverdediging moeten
# versterken*): a span never closes on the word ending such a clause, which the word aligner's pull to the
# diagonal links to the English noun ending the English clause (*eastern flank* = *versterken*). The clause opens
# on the word the English subordinator (the tagger's SCONJ, a relative pronoun) links to most, where that is a
# word of grammar of the language (``_grammar_words``: German renders *said that* by a clause with no
# subordinator, *sagte, die Minenabwehr sei …*), and ends at punctuation or the sentence's end
VERB_FINAL_CLAUSES = frozenset({"nl", "de", "gsw", "lb", "af", "fy"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})
# languages whose nouns take cases, and the endings a word takes only in an oblique case (not the nominative). Of the
# forms of one equivalent, one rendering an English phrase no preposition governs is given (a preposition's object
# is in an oblique case: *in the Baltic Sea*, *na Morzu Bałtyckim*), then the one whose inflected words (those its
# forms write differently) carry fewest of these endings: the nominative where the sentences show it. Polish: an
# adjective's -ej, -ego, -emu, -ym, -im, -ych, -ich, -ymi, -imi; a noun's -ą, -ę, -owi, -ami (not -om, -ach,
# which nominatives end in too: *dom*, *dach*). German's endings all end nominatives too (*Boden*, *Minen*,
# *maritimer*): only the preposition tells (*nach Blindgängern*, *Blindgänger auf dem Meeresboden*)
OBLIQUE_ENDINGS = {"pl": ("ej", "ego", "emu", "ym", "im", "ych", "ich", "ymi", "imi", "ą", "ę", "owi", "ami"),
                   "de": ()}
_PUNCTUATION = re.compile(r"[,;:()\[\]{}\"«»“”„!?]|\.\s")
_ENGLISH_WORD = re.compile(r"[^\W\d_]+")
_HYPHENATED = re.compile(r"\w-\w")  # a hyphen joining two words into one
_DATA = Path(__file__).parent / "data"
# English's courtesy titles, which stand before a person's name only (a rank, *General*, is a term of its own):
# the name after one is written alike in the other language, the title not (*Dr Anna Lis* = *Anna Lis*), so
# ``_untranslated_name`` let it through
_TITLES = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+"
_COURTESY_TITLE, _TITLE_BEFORE = re.compile(_TITLES), re.compile(_TITLES + "$")


@dataclass(slots=True)
class _Candidate:
    key: str
    phrase: EnglishPhrase  # the spelling the entry takes: one not opening its sentence, where there is one
    words: tuple[str, ...]  # lower-cased content words
    initial: bool = False  # ``phrase`` opens its sentence
    occurrences: list[tuple[int, EnglishPhrase]] = field(default_factory=list)
    forms: Counter = field(default_factory=Counter)
    defined: bool = False  # an acronym defined in the text, or the full form defining it

    @property
    def frequency(self) -> int:
        return len(self.occurrences)


def build_english_glossary(pairs: Sequence[Context], lang: str, *, memory: Sequence[Context] = (),
                           lexicon: Sequence[tuple[str, str]] = (), threshold: float | None = None) -> list[Entry]:
    """English term entries of ``pairs`` (``Context(fr=the other language's sentence, en=the English
    one)``) with their equivalents in ``lang`` (a base language: *de*), best first, those scoring
    ``threshold`` (default :data:`DEFAULT_THRESHOLD`) or more. The word alignment learns from
    ``memory`` too (pairs of the same languages), and from ``lexicon``, the approved glossary's (``lang``,
    English) term pairs, each read as a short sentence pair, as ``equivalents.build_glossary`` does."""
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    candidates, scores = _scored_candidates(pairs)
    floor = limit / (TRANSLATION_BASE + 1.0)  # under it no equivalent lifts a candidate to the limit
    # a person's name after a courtesy title (and their affiliation), and its pieces: no term, in any language
    persons: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for candidate in candidates.values():
        if _person(candidate, pairs):
            for number, phrase in candidate.occurrences:
                persons[number].append((phrase.start, phrase.end))
    chosen = [c for c in candidates.values() if scores[c.key] >= floor
              and not all(_in_person(pairs[n].en, p, persons[n]) for n, p in c.occurrences)]
    if not chosen:
        return []
    spans = _Spans(pairs, lang, memory, lexicon)
    written = spellings(c.en for c in pairs)
    names: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)  # sentence → the names' spans in it
    for candidate in candidates.values():
        if len(candidate.words) > 1 and not candidate.phrase.acronym and _named(candidate.phrase):
            for number, phrase in candidate.occurrences:
                names[number].append((phrase.start, phrase.end, False))
    entries = []
    for candidate in chosen:
        entry = _entry(candidate, scores[candidate.key], pairs, written)
        equivalent = spans.equivalent(candidate, lang, pos=entry.terms[0].pos, names=names)
        if equivalent is not None and _untranslated_name(entry.terms[0], equivalent):
            continue  # a name the other language writes as English does: a ship's, a person's
        entry.terms += [equivalent] if equivalent else []
        entry.score = round(float(entry.score * (TRANSLATION_BASE + (equivalent.confidence if equivalent else 0.0))), 4)
        if entry.score >= limit:
            entries.append(entry)
    return _without_name_pieces(sorted(entries, key=ranking), pairs)


def extract_english(sentences: Sequence[Context], *, top: int | None = None, threshold: float | None = None,
                    progress: Progress | None = None) -> list[Entry]:
    """Ranked English term entries of ``sentences`` (their ``en``; no other language is read): the
    English-led glossary's English terms and scores (:func:`build_english_glossary`) without an
    equivalent, as ``extract.extract_french`` is the French–English glossary's French side. ``top`` keeps
    the N best-ranked terms whatever their score; without it, those scoring ``threshold`` (default
    :data:`ENGLISH_THRESHOLD`, not the glossaries' :data:`DEFAULT_THRESHOLD`) or more; an acronym and its
    full form defined in a sentence score :data:`ENGLISH_THRESHOLD` at least, as they score the shared one
    at least in a glossary. ``progress`` hears of the sentences analysed, out of all."""
    default = ENGLISH_THRESHOLD if top is None else float("-inf")  # as ``extract.rank_entries``
    limit = default if threshold is None else threshold
    if progress:
        progress(Step(0, len(sentences)))
    candidates, scores = _scored_candidates(sentences)
    scores = {key: max(value, ENGLISH_THRESHOLD) if candidates[key].defined else value for key, value in scores.items()}
    if progress:
        progress(Step(len(sentences), len(sentences), len(sentences)))
    written = spellings(c.en for c in sentences)
    entries = [_entry(c, round(scores[c.key], 4), sentences, written)
               for c in candidates.values() if scores[c.key] >= limit]
    entries = _without_name_pieces(sorted(entries, key=ranking), sentences)
    return entries if top is None else entries[:top]


def _scored_candidates(pairs: Sequence[Context]) -> tuple[dict[str, _Candidate], dict[str, float]]:
    """The English candidates of the pairs (their ``en``) by key, and their termhood by key."""
    from ..text.en import analyse

    tagged = analyse([c.en for c in pairs])
    candidates = _candidates(pairs, _without_listed_names(_nominal(english_phrases([c.en for c in pairs]), tagged),
                                                          tagged))
    return candidates, _scores(candidates, pairs)


def _nominal(phrases: list[list[EnglishPhrase]], tagged: list[list]) -> list[list[EnglishPhrase]]:
    """The phrases of each sentence less those the tagger's own reading (``tagged``: the sentences' words with
    their tags) ends on a verb: ``english_phrases`` reads a close call both ways, which the French–English pairing
    settles, but alone the English cannot (*the group reports to*); and those holding a noun the tagger read where
    its clause has its verb (``text.en.phrases.hidden_verbs``: *vehicles map the seabed*, *the contingent arrives
    in*). (Leaving out the
    phrases that open on a verb too, *guaranteeing freedom of navigation*, lost more terms than noise on the
    development pairs.)"""
    from ..text.en.phrases import hidden_verbs

    kept = []
    for found, words in zip(phrases, tagged):
        ends = {w.end for w in words if w.tag in ("VERB", "AUX")}
        hidden = [words[k] for k in hidden_verbs(words)]
        kept.append([p for p in found if p.end not in ends
                     and not any(p.start <= w.start and w.end <= p.end for w in hidden)])
    return kept


def _without_listed_names(phrases: list[list[EnglishPhrase]], tagged: list[list]) -> list[list[EnglishPhrase]]:
    """The phrases of each sentence less the coordinations of two names, a proper noun each (*Poland and
    Lithuania*, *Czechia and Belgium*), or of two plural nouns (*technicians and medics*): two designations, each a
    candidate of its own, not one concept's (as
    ``english_phrases`` reads capitalised words coordinated inside a name, *NATO Science and Technology
    Organization*, which stays); but for a country's one name (``region_names``: *Bosnia and Herzegovina*)."""
    kept = []
    for found, words in zip(phrases, tagged):
        tags = [(w.start, w.end, w.tag, w.text.lower()) for w in words]
        kept.append([p for p in found if not _two_names(
            [(tag, text) for start, end, tag, text in tags if p.start <= start and end <= p.end])])
    return kept


def _two_names(words: list[tuple[str, str]]) -> bool:
    """Two proper nouns coordinated, or two common nouns in the plural (*technicians and medics*: two kinds of people,
    each a candidate; a term coordinating two nouns names one activity in the singular, *command and control*,
    *search and rescue*)."""
    if len(words) != 3 or words[1][0] != "CCONJ" or words[1][1] not in ("and", "or"):
        return False
    if words[0][0] == words[2][0] == "NOUN":
        return all(_plural(text) for _, text in (words[0], words[2]))
    return words[0][0] == words[2][0] == "PROPN" and " ".join(w for _, w in words) not in region_names()


def _plural(noun: str) -> bool:
    """Whether an English common noun (lower case) is written in the plural: a singular by English rules of its own."""
    return english_stem(noun) != noun


_SUBJECT_WORDS = ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON")
_ADVERBIAL_WORDS = 2  # the longest opening adverbial read as rendered word for word (``_Spans._second_place``)


def _fronted_adverbial(words: Sequence) -> int:
    """Where the subject of an English sentence opening on an adverbial begins (a character offset), or 0: the
    noun phrase before the sentence's first verb, from its last determiner or pronoun on (*Every year the
    battlegroup*, *In June the defence ministers*), else its closing proper nouns after a common word (*Next year
    Germany*, *Tomorrow NATO*); the sentence opens on something else than that subject, and no subordinate
    clause comes first."""
    from dataclasses import replace

    from ..text.en.phrases import hidden_verbs, modifies_noun
    from ..text.en.tagger import default_tagger

    # a word EWT never saw as a verb is none where the tagger says so, opening a sentence (*Tomorrow* NATO …)
    lexicon = default_tagger().lexicon
    words = [replace(w, tag=lexicon[w.text.lower()].split("|")[0]) if w.tag == "VERB" and "VERB" not in
             lexicon.get(w.text.lower(), "VERB").split("|") else w for w in words]
    hidden = hidden_verbs(words)
    verb = next((k for k, w in enumerate(words) if w.tag == "AUX" or (w.tag == "VERB" and not modifies_noun(words, k))
                 or k in hidden), None)
    if not verb:
        return 0
    if any(w.tag == "SCONJ" for w in words[:verb]) and any(w.text == "," for w in words[verb:]):
        return 0  # a subordinate clause first (*Because the chain is vulnerable, the Allies …*); else the
        # subordinator was a preposition (*Since 2017 the battlegroup protects …*)
    start = verb
    while start > 0 and words[start - 1].tag in _SUBJECT_WORDS:
        start -= 1
    if start > 0 and words[start - 1].tag == "VERB":
        return 0  # a participle opening the subject (*Allied Maritime Command will …*)
    subject = next((k for k in range(verb - 1, start - 1, -1) if words[k].tag in ("DET", "PRON")), None)
    if subject is None:
        subject = verb
        while subject > start and words[subject - 1].tag == "PROPN":
            subject -= 1
        if subject == verb or subject == start or words[subject - 1].tag not in ("NOUN", "ADV", "NUM"):
            return 0  # a name's words (*Maritime Command*), not a name after a time (*Next year Germany*)
    if subject == 0 or words[subject - 1].tag in ("ADP", "CCONJ"):
        return 0  # a complement's (*the air defence of the Baltic states*) or a coordinated noun phrase
    return words[subject].start


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """The names of countries, lower-cased, that the IANA Language Subtag Registry gives its two-letter region
    subtags (ISO 3166-1: *Bosnia and Herzegovina*, *Trinidad and Tobago*, *Antigua and Barbuda*): one country
    each, though two names and *and*. Not UN M.49's groupings (the three-digit subtags): *Australia and New
    Zealand* is a group of two countries, each a term of its own; nor a name coordinating two others (*Serbia and
    Montenegro*, a country until 2006, two since). The registry ships in langcodes."""
    from importlib.resources import files

    text = (files("langcodes") / "data" / "language-subtag-registry.txt").read_text(encoding="utf-8")
    names = set()
    for record in text.split("\n%%\n"):
        fields = [line.split(": ", 1) for line in record.splitlines() if ": " in line]
        if ["Type", "region"] in fields and next(v for k, v in fields if k == "Subtag").isalpha():
            names.update(value.lower() for key, value in fields if key == "Description")
    return frozenset(name for name in names if not _two_countries(name, names))


def _two_countries(name: str, names: set[str]) -> bool:
    first, _, second = name.partition(" and ")
    return bool(second) and first in names and second in names


def _without_name_pieces(entries: list[Entry], pairs: Sequence[Context]) -> list[Entry]:
    """Ranked entries less those whose every occurrence is a piece of a name ranked above them (*Mine
    Countermeasures* of *Standing NATO Mine Countermeasures Group One*, *Excellence for Operations*),
    but for a name's complement, held whole after its preposition (*Peace* of *Partnership for Peace*), and
    a name coordinated in it (*Mediterranean Dialogue* of *Partnership for Peace and Mediterranean Dialogue*):
    ``extract.without_name_pieces`` for English."""
    names: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    occurrences = []
    for entry in entries:
        term = entry.terms[0]
        occurrences.append(term.contexts)
        term.contexts = []
        if term.pos == "properNoun" or term.term_type is TermType.ACRONYM:
            region = term.text.lower() in region_names()  # one name, not two coordinated (*Bosnia and Herzegovina*)
            for n, p in occurrences[-1]:
                names[n].append((p.start, p.end, region))
    return [entry for entry, found in zip(entries, occurrences)
            if not all(_in_name(pairs[n].en, p, names[n]) for n, p in found)]


def _in_name(sentence: str, phrase: EnglishPhrase, names: list[tuple[int, int, bool]]) -> bool:
    return any(start <= phrase.start and phrase.end <= end and (start, end) != (phrase.start, phrase.end)
               and (region or _cuts_country(sentence, start, end, phrase)
                    or not (phrase.end == end and _COMPLEMENT.search(sentence[start:phrase.start]))
                    and not (phrase.start == start and sentence[phrase.end:end].startswith(" and ")))
               for start, end, region in names)


def _cuts_country(sentence: str, start: int, end: int, phrase: EnglishPhrase) -> bool:
    """Whether ``phrase`` opens or closes inside a country's name holding *and* in the name at ``start:end``: a
    piece of it, not a name coordinated in it (*Tobago Defence Force* of *Trinidad and Tobago Defence Force*)."""
    text = sentence[start:end].lower()
    for country in (name for name in region_names() if " and " in name and name in text):
        for found in re.finditer(re.escape(country), text):
            first, last = start + found.start(), start + found.end()
            if first < phrase.start < last or first < phrase.end < last:
                return True
    return False


_COMPLEMENT = re.compile(r"\b(?:of|for|on|in|against|and)(?: the)?\s+$")  # a name's complement, or coordinated


def _candidates(pairs: Sequence[Context], phrases: Sequence[Sequence[EnglishPhrase]]) -> dict[str, _Candidate]:
    """The English noun phrases of the pairs by key (their lemma folded and singularised)."""
    found: dict[str, _Candidate] = {}
    for number, sentence in enumerate(phrases):
        for phrase in sentence:
            words = content_words(phrase.text)
            if not words:
                continue
            candidate = found.setdefault(_phrase_key(phrase.lemma), _Candidate(_phrase_key(phrase.lemma), phrase, words))
            opens = _opens(pairs[number].en, phrase)
            if not candidate.occurrences:
                candidate.initial = opens
            elif not opens and (candidate.initial or phrase.text[:1].islower() > candidate.phrase.text[:1].islower()):
                # a spelling its place does not capitalise; in lower case where it is written so (*mine
                # countermeasures*, which a name holds too: *Mine Countermeasures Group*)
                candidate.phrase, candidate.initial = phrase, False
            candidate.occurrences.append((number, phrase))
            candidate.forms[phrase.text] += 1
    for context in pairs:
        for acronym, full in english.definitions(context.en):
            for key in (_phrase_key(acronym), _phrase_key(full)):
                if key in found:
                    found[key].defined = True
    return found


def content_words(text: str) -> tuple[str, ...]:
    """The lower-cased words of an English phrase that are not words of grammar (hyphenated parts apart)."""
    return tuple(w for w in (w.lower() for w in re.split(r"[\s-]+", text))
                 if any(c.isalpha() for c in w) and w not in english.FUNCTION_WORDS)


def _opens(sentence: str, phrase: EnglishPhrase) -> bool:
    return not any(c.isalpha() for c in sentence[:phrase.start])


def _scores(candidates: dict[str, _Candidate], pairs: Sequence[Context]) -> dict[str, float]:
    """Termhood of each English candidate (``termhood``'s measure, where it is not French's own)."""
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)  # sentence → (start, end, key)
    for candidate in candidates.values():
        for number, phrase in candidate.occurrences:
            spans[number].append((phrase.start, phrase.end, candidate.key))
    counts = word_counts(w for c in pairs for w in _ENGLISH_WORD.findall(c.en))
    total = counts.total()
    claim: dict[str, float] = {}  # how much a candidate is a term, for those nested in it
    scores: dict[str, float] = {}
    for candidate in sorted(candidates.values(), key=lambda c: (-len(c.words), -len(c.phrase.text))):
        claims: Counter = Counter()
        for number, phrase in candidate.occurrences:
            for start, end, key in spans[number]:
                # a longer phrase ending as this one does only gives its head more modifiers: a kind of it
                # (*air base* of *Łask air base*, ``termhood.nesting``), unless it is a name
                if (start <= phrase.start and phrase.end <= end and key != candidate.key
                        and (phrase.end < end or _named(candidates[key].phrase))):
                    claims[key] += claim.get(key, 0.0)
        documents = {pairs[number].document for number, _ in candidate.occurrences}
        value = (math.log2(1 + nested_frequency(candidate, claims)) * words_specificity(candidate.words, counts, total, "en")
                 * _shape(candidate) * math.sqrt(1 + math.log2(max(1, len(documents)))))
        scores[candidate.key] = max(value, DEFAULT_THRESHOLD) if candidate.defined else value
        claim[candidate.key] = min(1.0, scores[candidate.key] / DEFAULT_THRESHOLD)
    return scores


def _named(phrase: EnglishPhrase) -> bool:
    """Whether a phrase is written as a name: every word of it but words of grammar capitalised."""
    return all(w[:1].isupper() for w in phrase.text.split() if w.lower() not in english.FUNCTION_WORDS)


def _shape(candidate: _Candidate) -> float:
    """``termhood.shape``'s weights that read no French: a lone word general English uses, a number."""
    weight = 1.0
    if len(candidate.words) == 1 and not candidate.phrase.acronym and not rare(candidate.words[0], "en"):
        weight *= _SINGLE_WORD
    if any(part.isdigit() for part in candidate.phrase.text.split()):
        weight *= _NUMBER
    return weight


def _entry(candidate: _Candidate, score: float, pairs: Sequence[Context], written: dict[str, str]) -> Entry:
    phrase = candidate.phrase
    opens = candidate.initial
    words = [w for w in phrase.text.split() if w.lower() not in english.FUNCTION_WORDS]
    name = phrase.acronym or all(w[:1].isupper() and (k or not opens or written.get(w.lower(), w)[:1].isupper())
                                 for k, w in enumerate(words))
    text = phrase.text if name else phrase.lemma
    first = text.split()[0]
    if opens and not name and not is_acronym(first):  # *NATO* opening a heading is no capital its place gave it
        text = written.get(first.lower(), first.lower()) + text[len(first):]  # a capital its place gave it
    sentences = sorted({number for number, _ in candidate.occurrences})
    term = Term(text=text, lang="en", pos="properNoun" if name and not phrase.acronym else "noun",
                term_type=TermType.ACRONYM if phrase.acronym else TermType.FULL_FORM,
                lemma=phrase.head if name else phrase.head_lemma,
                forms=list(dict.fromkeys([text, *(form for form, _ in candidate.forms.most_common())])))
    term.contexts = candidate.occurrences  # read by ``_without_name_pieces``, then dropped
    return Entry(terms=[term], frequency=candidate.frequency, score=score,
                 contexts=[pairs[i] for i in sentences[:CONTEXTS_PER_TERM]])


def _person(candidate: _Candidate, pairs: Sequence[Context]) -> bool:
    """Whether the candidate names a person (and their affiliation) after a courtesy title, in most of its
    occurrences: the title opening it or just before it (*Dr Anna Lis*, *Prof. Jan Nowak of the War Studies
    Academy*, *thanked Prof.* | *Jan Nowak of …*), the name's first letter a capital."""
    titled = 0
    for number, phrase in candidate.occurrences:
        sentence = pairs[number].en
        start = phrase.start
        if (title := _COURTESY_TITLE.match(sentence, start)) and phrase.start <= title.start():
            start = title.end()
        elif not _TITLE_BEFORE.search(sentence[:start]):
            continue
        titled += sentence[start:start + 1].isupper()
    return 2 * titled > len(candidate.occurrences)


def _in_person(sentence: str, phrase: EnglishPhrase, persons: list[tuple[int, int]]) -> bool:
    """Whether ``phrase`` is a person's designation (``persons``: their spans in the sentence) or a piece of one
    (*Nowak of the War Studies Academy*), but for the complement held whole after its preposition (*War Studies
    Academy*), as ``_in_name`` keeps a name's."""
    return any(start <= phrase.start and phrase.end <= end
               and not (phrase.end == end and phrase.start > start and _COMPLEMENT.search(sentence[start:phrase.start]))
               for start, end in persons)


def _untranslated_name(term: Term, equivalent: Term) -> bool:
    """A name, each word capitalised and none an acronym, that the other language writes as English does
    (*Baltic Shield*, *Tomasz Wierzbicki*, *Tallinn*): one exercise's, ship's, person's or place's, which a
    bilingual glossary has nothing to say of (``equivalents.untranslated_name``; persons and places,
    ``persons``)."""
    words = term.text.split()
    return (term.pos == "properNoun" and not any(w.isupper() for w in words)
            and fold(equivalent.text) == fold(term.text))


def function_words(lang: str, sentences: Sequence[str]) -> frozenset[str]:
    """The words of ``lang`` a span never opens or closes on: the ``LISTED_FUNCTION_WORDS`` most frequent
    words of wordfreq's list for the language (as ``plain_words`` reads them: *l'* is *l*) and, for a
    language wordfreq reads a neighbour's list for, the language's own closed-class words
    (``_closed_class_words``), or, for a language with neither, the words of the input seen in
    ``FREQUENT_SHARE`` of its sentences (and in ``FREQUENT_SENTENCES``)."""
    listed = _listed(lang)
    if listed is not None:
        return listed
    seen = Counter(w for s in sentences for w in {w.text for w in plain_words(s)})
    return frozenset(w for w, n in seen.items() if n >= max(FREQUENT_SHARE * len(sentences), FREQUENT_SENTENCES))


@lru_cache(maxsize=32)
def _listed(lang: str) -> frozenset[str] | None:
    from wordfreq import top_n_list

    own = _closed_class_words(base_language(lang))
    try:
        listed = frozenset(w.text for word in top_n_list(lang, LISTED_FUNCTION_WORDS) for w in plain_words(word))
    except LookupError:
        return own
    return listed | own if own else listed


def _closed_class_words(lang: str) -> frozenset[str] | None:
    """The function words of a language wordfreq has no list of its own for, and reads a neighbour's
    (German's for Swiss German, which knows none of the dialect's articles: *d*, *s*, *em*): the word forms
    a treebank of the language tags with closed parts of speech only (``data/README.md``), or None."""
    path = _DATA / f"{lang}-function-words.txt"
    if not path.is_file():
        return None
    return frozenset(w.text for line in path.read_text(encoding="utf-8").splitlines() for w in plain_words(line))


@lru_cache(maxsize=8)
def _grammar_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang`` (the words of grammar it ships for the language, beside its French model),
    as ``plain_words`` reads them; none where spaCy has no list. The list's file (``spacy/lang/LANG/stop_words.py``,
    a set and no import) is run alone: importing it imported spaCy whole, 0.6 s of CPU, a fifth of an English–German
    ingest of a page, which needs nothing else of spaCy (bench/README.md)."""
    from importlib.util import find_spec, module_from_spec, spec_from_file_location

    package = find_spec("spacy")
    if package is None or not package.submodule_search_locations or not lang.isalpha():
        return frozenset()
    path = Path(next(iter(package.submodule_search_locations))) / "lang" / lang / "stop_words.py"
    if not path.is_file():
        return frozenset()
    spec = spec_from_file_location(f"tmtool_stop_words_{lang}", path)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.text for word in module.STOP_WORDS for w in plain_words(word))


# wordfreq reads the list of the nearest language it has (German's for Swiss German, gsw) and says so in a warning
# of its own, which reached a command's stderr after its summary: that list is what is wanted. A filter, not a level
# lowered around the call, which threads (the web server's) would restore out of turn
logging.getLogger("wordfreq").addFilter(lambda record: "Using the nearest match" not in record.getMessage())


class _Spans:
    """The other language's spans that render English phrases, in the pairs: their word alignment."""

    def __init__(self, pairs: Sequence[Context], lang: str, memory: Sequence[Context],
                 lexicon: Sequence[tuple[str, str]] = ()):
        self.pairs = pairs
        self.words = [(plain_words(c.fr), plain_words(c.en)) for c in pairs]
        corpus = [(o, e) for o, e in (([w.text for w in plain_words(other)], [w.text for w in plain_words(english)])
                                      for other, english in (*((c.fr, c.en) for c in (*pairs, *memory)), *lexicon))
                  if 0 < len(o) <= MAX_ALIGNED_WORDS and 0 < len(e) <= MAX_ALIGNED_WORDS]
        self.aligner = WordAligner(corpus, french=False)
        self.frequent = function_words(lang, [c.fr for c in (*pairs, *memory)])
        self.spellings = spellings(c.fr for c in pairs)
        # unless the text is in lower case throughout (a lower-cased memory), whose words say nothing of nouns
        self.nouns_capitalised = base_language(lang) in CAPITALISED_NOUNS and any(
            spelt[:1].isupper() for spelt in self.spellings.values())
        self._links: dict[int, np.ndarray] = {}
        self.lang = base_language(lang)
        self.verb_final = self.lang in VERB_FINAL_CLAUSES
        self._tagged: list | None = None  # each English sentence's words with their tags (``text.en.analyse``)
        self._subordinators: list[list[int]] | None = None  # each English sentence's subordinators
        self._ends: dict[int, frozenset[int]] = {}
        self._verbs: dict[int, int] = {}  # the other sentence's finite verb in second place (``_second_place``)
        self._verb_words: dict[int, frozenset[int]] = {}  # the words rendering the English verbs (``_verb_renderings``)
        self.grammar = self.frequent | _grammar_words(self.lang) if self.verb_final else frozenset()

    def links(self, number: int) -> np.ndarray:
        if number not in self._links:
            other, english_words = self.words[number]
            self._links[number] = self.aligner.links([w.text for w in other], [w.text for w in english_words])
        return self._links[number]

    def best(self, number: int, phrase: EnglishPhrase) -> tuple[float, int, int] | None:
        """(F-measure, first word, last word) of the span of pair ``number`` that renders ``phrase`` best."""
        other, english_words = self.words[number]
        if not other or len(other) > MAX_ALIGNED_WORDS or len(english_words) > MAX_ALIGNED_WORDS:
            return None
        covered = [j for j, w in enumerate(english_words)
                   if phrase.start <= w.start < phrase.end and w.text not in english.FUNCTION_WORDS]
        if not covered:
            return None
        links = self.links(number)
        # recall: each English word's share of its link mass landing on each other word, averaged over the phrase
        recall = np.concatenate([[0.0], np.cumsum(
            (links[:, covered] / np.maximum(links[:, covered].sum(axis=0), 1e-9)).mean(axis=1))])
        # precision: each other content word's share of its link mass going into the phrase
        # a span opens and closes on a word whose strongest link is into the phrase: its boundaries agreed
        # in both directions
        inside = np.isin(links.argmax(axis=1), covered)
        content = np.array([w.text not in self.frequent for w in other], dtype=float)
        share = links[:, covered].sum(axis=1) / np.maximum(links.sum(axis=1), 1e-9)
        shares, contents = (np.concatenate([[0.0], np.cumsum(v)]) for v in (share * content, content))
        text = self.pairs[number].fr
        longest = 2 * len(covered) + SPAN_SLACK
        best = None
        for first in range(len(other)):
            if not (content[first] and inside[first]) or _HYPHENATED.match(text, max(0, other[first].start - 2)):
                continue
            for last in range(first, min(len(other), first + longest)):
                if _PUNCTUATION.search(text, other[first].start, other[last].end):
                    break
                if not (content[last] and inside[last]) or _HYPHENATED.match(text, other[last].end - 1):
                    continue  # nor inside a hyphenated word (*câbles sous* of *câbles sous-marins*)
                if self.nouns_capitalised and not self._capitalised(text, other, last):
                    continue
                if self.verb_final and (last in self._clause_ends(number) or first <= self._second_place(number) <= last):
                    continue
                if first in self._verb_renderings(number) or last in self._verb_renderings(number):
                    continue
                r = recall[last + 1] - recall[first]
                p = (shares[last + 1] - shares[first]) / (contents[last + 1] - contents[first])
                value = 2 * p * r / (p + r) if p + r else 0.0
                if best is None or value > best[0]:
                    best = (value, first, last)
        return best

    def _english_tags(self) -> list:
        """The English sentences' words with their tags, tagged once for all pairs."""
        if self._tagged is None:
            from ..text.en import analyse

            self._tagged = analyse([c.en for c in self.pairs])
        return self._tagged

    def _governed(self, number: int, phrase: EnglishPhrase) -> bool:
        """Whether a preposition governs ``phrase`` in its English sentence (*in the Baltic Sea*): the word before
        it, past its determiners and possessives, is one."""
        before = [w for w in self._english_tags()[number] if w.end <= phrase.start]
        while before and before[-1].tag in ("DET", "PRON", "NUM"):
            before.pop()
        # *to* before a noun phrase is a preposition, whatever the tagger read (*reports to Allied Maritime Command*:
        # an infinitive's *to*, *Allied* a verb)
        return bool(before) and (before[-1].tag == "ADP" or before[-1].text.lower() == "to")

    def _clause_ends(self, number: int) -> frozenset[int]:
        """The words of pair ``number``'s other sentence that end a subordinate clause (``VERB_FINAL_CLAUSES``):
        the last before punctuation or the sentence's end after a word of grammar an English subordinator links
        to most."""
        if number in self._ends:
            return self._ends[number]
        if self._subordinators is None:
            self._subordinators = []
            for (_, english_words), tagged in zip(self.words, self._english_tags()):
                starts = {w.start for w in tagged if w.tag == "SCONJ" or w.text.lower() in _RELATIVE_PRONOUNS}
                self._subordinators.append([j for j, w in enumerate(english_words) if w.start in starts])
        other, text = self.words[number][0], self.pairs[number].fr
        ends = set()
        for j in self._subordinators[number]:
            opening = int(self.links(number)[:, j].argmax())
            if other[opening].text not in self.grammar:
                continue  # no subordinator: the English clause is rendered otherwise (*sagte, die Minenabwehr sei*)
            k = opening
            while k + 1 < len(other) and not _PUNCTUATION.search(text, other[k].end, other[k + 1].start + 1):
                k += 1
            if k > opening:
                ends.add(k)
        self._ends[number] = frozenset(ends)
        return self._ends[number]

    def _second_place(self, number: int) -> int:
        """The word of pair ``number``'s other sentence that is its finite verb in second place, where the English
        sentence opens on an adverbial before its subject (*Tomorrow NATO strengthens …*, *In June the ministers
        approved …*): a language putting a subordinate clause's verbs last puts a main clause's finite verb after
        its first constituent, the subject after it (*Morgen versterkt de NAVO …*, *In juni keurden de ministers
        …*), which the word aligner's pull to the diagonal links to the English subject (*battlegroup* = *oefent*,
        *June* = *juni keurden*). The first constituent is read as rendering the adverbial word for word (as many
        words: the aligner's links there are the diagonal's, which cannot tell); the word after it is the verb. Only
        for an adverbial of one or two words (*Every year*, *In June*): a longer one is seldom as many words in the
        other language (*At the end of the exercise* = *Am Ende der Übung*, whose word after is not the verb but
        the subject, *die Minenräumboote*, then rendered by no span). -1 where there is none."""
        if number not in self._verbs:
            self._verbs[number] = -1
            other, english_words = self.words[number]
            opening = _fronted_adverbial(self._english_tags()[number])
            if opening:
                adverbial = [j for j, w in enumerate(english_words) if w.end <= opening]
                k = len(adverbial)
                if adverbial and k <= _ADVERBIAL_WORDS and k < len(other) - 1:
                    self._verbs[number] = k
        return self._verbs[number]

    def _verb_renderings(self, number: int) -> frozenset[int]:
        """The words of pair ``number``'s other sentence that the English sentence's verbs link to most (a verb the
        tagger gives, or a noun it read where the clause needs its verb, ``hidden_verbs``; not an auxiliary, nor a
        participle modifying a noun, nor a word opening the sentence, where the tagger errs on headings), but for
        a word written with a capital inside its sentence (a name, or a German noun): a span neither opens nor
        closes on one (a verb seen once may be linked to a word of the term, Italian *subacquei* for *map*)
        (*autonomous underwater vehicle* = *autonome onderwatervoertuigen brengen*, *clearance diver* = *bajen los
        buzos*)."""
        if number not in self._verb_words:
            from ..text.en.phrases import hidden_verbs, modifies_noun

            tagged = self._english_tags()[number]
            hidden = hidden_verbs(tagged)
            starts = {w.start for k, w in enumerate(tagged) if k > 0 and (
                (w.tag == "VERB" and not modifies_noun(tagged, k)) or k in hidden)}
            other, english_words = self.words[number]
            text = self.pairs[number].fr
            found = set()
            if other and len(other) <= MAX_ALIGNED_WORDS and len(english_words) <= MAX_ALIGNED_WORDS:
                links = self.links(number)
                for j, w in enumerate(english_words):
                    if w.start in starts:
                        k = int(links[:, j].argmax())
                        if not (other[k].start > 0 and text[other[k].start:other[k].end][:1].isupper()):
                            found.add(k)
            self._verb_words[number] = frozenset(found)
        return self._verb_words[number]

    def _capitalised(self, text: str, words: Sequence, k: int) -> bool:
        """Whether word ``k`` of the sentence ``text`` is written with a capital where it is not the sentence's
        first, whose capital its place gives it (*D Mitgliedstaate*: the article *d*): as the other sentences
        write it inside them, or as here when none does."""
        written = text[words[k].start:words[k].end]
        if not any(c.isalpha() for c in text[:words[k].start]):
            written = self.spellings.get(written.lower(), written)
        return not written[:1].islower()

    def _singular(self, text: str, lang: str) -> str:
        """``text`` with its words up to the first word of grammar (the head and the words agreeing with it, before
        a complement: *sistemas* of *sistemas de defensa*) read as singulars by the language's plural endings
        (``_singular_word``), a compound whose singular the word list lacks by its last part (*Minenjagdboote*:
        *Minenjagdboot*); as written unless every such word has one."""
        words = text.split(" ")
        group = next((k for k, word in enumerate(words) if word.lower() in self.frequent), len(words))
        if group > 1 and lang in CAPITALISED_NOUNS:
            return text  # an adjective declines with the case (*flachen Gewässern*: *flaches Gewässer*), unread here
        for k in range(group):
            word = words[k]
            best = singular_of(word, lang)
            if best is None:
                return text
            words[k] = best.upper() if word.isupper() else best[:1].upper() + best[1:] if word[:1].isupper() else best
        return " ".join(words)

    def equivalent(self, candidate: _Candidate, lang: str, pos: str,
                   names: dict[int, list[tuple[int, int, bool]]] | None = None) -> Term | None:
        """The span of the other language the candidate's pairs agree on, or None below ``MIN_CONFIDENCE``. A common
        noun's occurrences inside a name (``names``: each sentence's names' spans) do not vote where others do: the
        other language may write the name as one word (*Mine Countermeasures Group*: *Minenabwehrverband*), which
        is no rendering of the piece (*mine countermeasures*: *Minenabwehr*)."""
        # key → [total, forms, pairs, forms rendering a singular English phrase, forms rendering one no preposition
        # governs (in a language with cases)]
        votes: dict[str, list] = {}
        cases = base_language(lang) in OBLIQUE_ENDINGS
        occurrences = 0
        voting = candidate.occurrences
        if names and pos != "properNoun":
            free = [(n, p) for n, p in voting if not _in_name(self.pairs[n].en, p, names.get(n, []))]
            voting = free or voting
        for number, phrase in voting:
            found = self.best(number, phrase)
            if found is None:
                continue
            occurrences += 1
            value, first, last = found
            if value <= 0:
                continue
            other = self.words[number][0]
            text = self.pairs[number].fr[other[first].start:other[last].end]
            if first == 0 and not any(c.isalpha() for c in self.pairs[number].fr[:other[0].start]):
                word = text.split()[0]
                spelt = self.spellings.get(word.lower())
                if spelt is None and pos != "properNoun" and not self.nouns_capitalised and not word.isupper():
                    spelt = word[:1].lower() + word[1:]  # a common noun's, in a language giving it no capital
                text = (spelt or word) + text[len(word):]  # a capital its place gave it
            vote = votes.setdefault(inflection_key(text, lang) or fold(text), [0.0, Counter(), [], set(), set()])
            vote[0] += value
            vote[1][text] += 1
            if fold(phrase.head) == fold(phrase.head_lemma):
                vote[3].add(text)
            if cases and not self._governed(number, phrase):
                vote[4].add(text)
            if number not in vote[2]:
                vote[2].append(number)
        if not votes:
            return None
        total, forms, numbers, singular, ungoverned = max(votes.values(),
                                                          key=lambda v: (v[0], -len(v[1].most_common(1)[0][0])))
        confidence = total / occurrences
        if confidence < MIN_CONFIDENCE:
            return None
        text = _citation_form(Counter({f: n for f, n in forms.items() if f in singular}) or forms, base_language(lang),
                              ungoverned)
        if not singular and pos != "properNoun":  # the English term is the singular of what the sentences wrote
            text = self._singular(text, base_language(lang))
        return Term(text=text, lang=lang, pos=pos, lemma=None, confidence=round(min(1.0, float(confidence)), 3),
                    forms=list(dict.fromkeys([text, *(form for form, _ in forms.most_common())])),
                    frequency=len(numbers),
                    contexts=[self.pairs[i] for i in numbers[:CONTEXTS_PER_TERM]])


def _citation_form(forms: Counter, lang: str, ungoverned: set[str] = frozenset()) -> str:
    """The form an equivalent is given in: of its forms (one stem sequence), in a language with cases
    (``OBLIQUE_ENDINGS``), one of the ``ungoverned`` (rendering an English phrase no preposition governs), then the
    one whose inflected words carry fewest of the language's oblique case endings, then the most frequent. A word
    written alike in every form (a genitive complement: *ochrona infrastruktury krytycznej*) is not weighed."""
    if lang not in OBLIQUE_ENDINGS:
        return forms.most_common(1)[0][0]
    endings = OBLIQUE_ENDINGS[lang]
    written = [form.lower().split() for form in forms]
    alike = len({len(words) for words in written}) == 1  # else no word is compared, the place alone tells
    varying = [k for k in range(len(written[0])) if len({words[k] for words in written}) > 1] if alike else []

    def oblique(form: str) -> int:
        words = form.lower().split()
        return sum(words[k].endswith(endings) for k in varying)

    if lang in CAPITALISED_NOUNS and any(not form.split()[k][:1].isupper() for form in forms for k in varying):
        # German declines an adjective with its article as with its case (*die autonomen Fahrzeuge* is a subject):
        # only where the forms differ in nouns (*nach Blindgängern*, *Blindgänger*) does the preposition tell
        ungoverned = frozenset()

    return min(forms, key=lambda form: (form not in ungoverned, oblique(form), -forms[form]))


def singular_of(word: str, lang: str) -> str | None:
    """The singular of one word of an equivalent the sentences wrote in the plural alone, lower-cased: by its plural
    ending (``_singular_word``), or, in a language writing compounds as one word, by its last part's (*Minenjagdboote*:
    *Minenjagdboot*); None where neither tells (bench/plurals.py measures it on real plurals)."""
    from wordfreq import word_frequency

    word = word.lower()
    if nouns.listed_singular(word, lang):  # Posten, Techniker, Swedish and Danish tekniker: a singular as written
        return None
    best = _singular_word(word, lang)
    if best is None and lang in CLOSED_COMPOUNDS:
        # a compound whose singular the word list does not confirm (*Minenjagdboote*, *Truppenbewegungen*) inflects on
        # its last part (*Boote*, *Bewegungen*); the first part a word too, not a letter or two the word list happens to
        # hold (*K osten*, *Gr enzen*)
        cut = next((cut for cut in range(MIN_FIRST_PART, len(word) - MIN_COMPOUND_PART + 1)
                    if word_frequency(word[cut:], lang)), None)
        # of a word the list holds, the last part's singular is taken only where more frequent than its plural, as its
        # last letters may be another word's (*Abhand-lungen*: *Lunge*); and a singular part of a word's length
        # (*Fin-anzen* is no *anz*)
        share = 1.0 if word_frequency(word, lang) else None
        last = None if cut is None else _singular_word(word[cut:], lang, share)
        best = None if last is None or len(last) < MIN_COMPOUND_PART else word[:cut] + last
    return best


def _singular_word(word: str, lang: str, share: float | None = None) -> str | None:
    """The singular a lower-case word's plural ending stands for (``normalize.PLURALS``, ``AMBIGUOUS_PLURALS``): a
    reading the language uses more than the word itself (wordfreq; Spanish with its accent restored: *aviones*,
    *avión*), or, in a language of ``AMBIGUOUS_PLURALS``, at least ``SINGULAR_SHARE`` as much (many plurals are written
    more than their singulars: *Abmessungen*, *Maßnahmen*), or ``share`` as much where given; None if none is. Of the readings so confirmed, in German
    the one its shortest ending leaves (*Minen*: *Mine*, not *min*, an abbreviation, nor *minus*; *Studien*: *Studie*);
    in Swedish and Danish, which write the definite article after the plural ending, the one its longest ending leaves
    (*vejene*: *vej*, not *vejen*, the definite singular; *bussarna*: *buss*, not *bussa*), in Swedish the shortest of
    those (*kunderna*: *kund*, not the verb *kunde*), in Danish the most frequent (*styrkerne*: *styrke*, not *styrk*)
    but a word of grammar (``_listed``: *miner*: *mine*, not *min*);
    elsewhere the most frequent."""
    from wordfreq import word_frequency

    # a reading the language's dictionary lists as no noun is none (German verletzt of Verletzte, war of Waren), one
    # whose plural it makes the word is the singular, whatever the word's frequency as another word (Waren: Ware)
    readings = [(ending, variant) for ending, reading in plural_readings(word, lang, ambiguous=True, as_written=True)
                for variant in _accented(reading, lang) if not nouns.no_noun(variant, lang)]
    made = [(ending, reading) for ending, reading in readings if nouns.plural_of(word, reading, lang)]
    readings = [(ending, reading) for ending, reading in readings
                if (ending, reading) in made or (ending, reading[len(word) - len(ending):]) not in
                DEFINITE_OF_SAME_PLURAL.get(lang, ())]
    if share is None:
        share = SINGULAR_SHARE if lang in AMBIGUOUS_PLURALS else 1.0
    floor = word_frequency(word, lang) * share
    confirmed = [(ending, reading) for ending, reading in sorted(readings)
                 if word_frequency(reading, lang) > floor or (ending, reading) in made]
    if made and lang in SUFFIXED_ARTICLES:
        confirmed = sorted(made)
    if not confirmed:
        return None
    if lang in SUFFIXED_ARTICLES:
        longest = max(len(ending) for ending, _ in confirmed)
        tied = [reading for ending, reading in confirmed if len(ending) == longest]
        # Swedish verbs end in -a, -de, -te (*kunde*, *satsa*), which a longer reading meets: the shortest; Danish
        # writes a verb's imperative as its bare stem (*styrk*, *bring*), which the shorter meets: the most frequent
        if lang in SHORTEST_READING:
            return min(tied, key=len)
        # a word of grammar, more frequent than a noun, is a singular only where no other reading is confirmed
        # (*miner*, *varer*: *mine*, *vare*, not *min*, my, *var*, was; but *dage*: *dag*)
        grammar = _listed(lang) or frozenset()
        return max(tied, key=lambda reading: (reading not in grammar, word_frequency(reading, lang)))
    if lang in AMBIGUOUS_PLURALS:
        return max(confirmed, key=lambda c: (-len(c[0]), word_frequency(c[1], lang)))[1]
    return max(confirmed, key=lambda c: word_frequency(c[1], lang))[1]


def _accented(word: str, lang: str) -> set[str]:
    """``word`` and, in Spanish, its spellings with the written accent a plural ending moves: put back on the last
    syllable (*aviones*: *avión*), or taken off (*jóvenes*: *joven*); wordfreq tells which is a word."""
    if lang != "es":
        return {word}
    plain = "".join(_UNACCENTED.get(c, c) for c in word)
    last = max((k for k, c in enumerate(plain) if c in "aeiou"), default=None)
    stressed = plain if last is None else plain[:last] + _ACCENTED[plain[last]] + plain[last + 1:]
    return {word, plain, stressed}


_ACCENTED = dict(zip("aeiou", "áéíóú"))
_UNACCENTED = dict(zip("áéíóú", "aeiou"))
