"""The approved glossary indexed for finding its terms in text, as ``tmtool check`` finds them and as ingest counts
the approved entries a document uses (``glossary.count_approved``).

Terms are found by words, never by substring. A text and the glossary's terms are cut into words at
spaces, hyphens and apostrophes (an elided *l'* or *d'* is a word of its own), and each word is
folded (case, accents, typographic apostrophes) and reduced to its language's key: French and English
words singularised by their languages' rules (those of the store's keys), German, Spanish, Italian,
Portuguese, Dutch, Russian, Polish, Czech and Romanian words stemmed by their Snowball stemmers
(``normalize.SNOWBALL``), a text's word under the stems of the singulars its plural ending may stand for
too; other languages' words folded only. A stem of fewer than five letters says too little to be one
word's: a term of one such word is found as written, folded, or as one of those singulars. A
punctuation mark is a word only itself matches, so no term is found across a comma, and an acronym
matches in capitals only (*IS* is not *is*). Where terms found overlap, the longest wins.

The glossary's terms are held in a trie keyed by folded word, so finding every term of a text costs
one walk from each word, no longer than the longest term starting there, whatever the glossary's size.
``term_keys_in`` gives the store's look-up keys of a text's runs of words, by which the entries a text
may hold are read before being indexed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from .langtags import base_language
from .model import Entry, ReviewStatus, TermType, UsageStatus
from .store.records import spellings
from .text.langid import PHRASE_OPENERS
from .text.normalize import (
    SHORTEST_STEM, SNOWBALL, UNSPACED, arabic_script_spelling, english_stem, fold, french_stem, inflection_key, key_parts,
    normalize_for_match, stem, visible, without_ligatures,
)
from .terms.acronyms import is_acronym
from .terms.nouns import DICTIONARIES, another_word, has_dictionary, readings

_DEFAULT_PAIR = frozenset({"fr", "en"})  # tmtool's pair, either way round: checked whatever the glossary holds
# on folded text: the store's keys (other languages' words are stemmed by Snowball's stemmers, ``SNOWBALL``, or
# compared folded only)
_STEMS = {"fr": french_stem, "en": english_stem}
# Apostrophes and hyphens right after a word join words (elision, possessive, compound) without
# being one; anywhere else (a dash between spaces, an opening quote) they are punctuation.
_JOINERS = "'’‘ʼ`\\-‐‑‒–—"
# A word is a run of word characters, but in a script written without spaces (Chinese, Japanese, Thai)
# each character is one: a term is found as its characters in a row (北约 in 北约部长讨论了网络防御).
_TOKEN = re.compile(rf"([{UNSPACED}]|[^\W{UNSPACED}]+)|(?<!\w)[{_JOINERS}]|[^\w\s{_JOINERS}]")
_PUNCTUATION = "\x01"  # prefixes a punctuation mark's key: no word folds to it
_EXACT = "\x00"  # prefixes a word as written: the key an acronym is indexed under
_WHOLE = "\x02"  # prefixes a word folded whole, where words are stemmed: the key of a one-word term's short stem
_PART_END = re.compile(r"[\s\-']")  # what ends a key's part (``normalize.key_parts``)
_END = ""  # a trie node's key for the terms ending there (no word or mark has an empty key)
_LONGEST_LIST = 12  # words and commas looked at after a term's modifiers for the head a coordinated list shares
_CONJUNCTIONS = ("and", "or")  # English's, that end a coordinated list
_FRENCH_CONJUNCTIONS = ("et", "ou")
_LAST_ITEM_WORDS = 2  # words of a coordinated list's last item, between the conjunction and the shared head
_SHORTEST_VERB_STEM = 4  # letters before -ation for a noun to be read as its -ate verb (not station, nation, ration)


# ---- words and keys ----


class _Token(NamedTuple):
    keys: tuple[str, ...]  # the folded key; for a word with capitals, also the word as written
    start: int  # character offsets in the text
    end: int

    @property
    def is_word(self) -> bool:
        return self.keys[0][0] != _PUNCTUATION


@lru_cache(maxsize=100_000)
def _word_key(word: str, lang: str) -> str:
    return _key(word, lang)


@lru_cache(maxsize=100_000)
def _word_keys(word: str, lang: str, readings: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The keys a text's ``word`` is found under: its key and, where words are stemmed, its folded
    whole (a one-word term's with a short stem), and the same two of each of ``readings``, the singulars its
    ending may stand for (``nouns.readings``: *militares*, *militar*)."""
    if lang not in SNOWBALL:
        return (_word_key(word, lang),)
    forms = [word, *readings]
    return tuple(dict.fromkeys(key for form in forms for key in (_word_key(form, lang), _WHOLE + fold(form))))


@lru_cache(maxsize=100_000)
def _read_keys(word: str, lang: str, dictionary: bool) -> tuple[str, ...]:
    """``_word_keys`` of a word of a stemmed language with the readings check tries (``nouns.readings``), remembered
    as the keys are: a document repeats its words, whose readings were read again at each (100,000 German tokens: 1.5
    to 2.0 s of CPU). ``dictionary``: whether the language's dictionary is installed, which the readings depend on."""
    return _word_keys(word, lang, readings(word, lang))


def _key(text: str, lang: str) -> str:
    """``text`` folded, each word reduced to its language's key (singularised, stemmed, or as it is); in
    French and English, œ and æ spelt out (*mise en oeuvre* renders *mise en œuvre*); an Arabic-script word with
    Arabic's yeh, kaf and heh, as look-up reads it (كميته is کمیته)."""
    if lang in _STEMS:
        return _STEMS[lang](without_ligatures(fold(text)))
    return inflection_key(text, lang) or arabic_script_spelling(fold(text))


def _tokens(text: str, lang: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group(1)
        if word is None:
            keys = (_PUNCTUATION + match.group(),)
        else:
            keys = _read_keys(word, lang, has_dictionary(lang)) if lang in SNOWBALL else _word_keys(word, lang)
            keys = keys if word.lower() == word else (*keys, _EXACT + word)
        tokens.append(_Token(keys, match.start(), match.end()))
    return tokens


# the most words and marks (an apostrophe, a hyphen: l'OTAN is three) a term is looked for in a text by its
# look-up keys (``term_keys_in``): *Grand Quartier général des puissances alliées en Europe* is eight
LONGEST_TERM_TOKENS = 16


def _runs(text: str, longest: int, head: Callable[[str], bool] | None = None) -> set[str]:
    """Every run of one to ``longest`` words and marks of ``text``, starting and ending on a word; with ``head``,
    only those whose first part (``normalize.key_parts``: what comes before the first space, hyphen or apostrophe,
    ``text`` being a key) it accepts."""
    tokens = list(_TOKEN.finditer(text))
    words = [k for k, token in enumerate(tokens) if token.group(1) is not None]
    if head is None:
        return {text[tokens[first].start():tokens[last].end()] for k, first in enumerate(words)
                for last in words[k:k + longest] if last - first < longest}
    runs = set()
    for k, first in enumerate(words):
        start = tokens[first].start()
        parted = _PART_END.search(text, start)
        cut = parted.start() if parted else len(text)
        for last in words[k:k + longest]:
            if last - first >= longest:
                break
            end = tokens[last].end()
            if head(text[start:min(end, cut)]):
                runs.add(text[start:end])
            elif end >= cut:  # every longer run has this first part too
                break
    return runs


def approved_heads(keys: Iterable[str]) -> frozenset[str]:
    """The first parts (``normalize.key_parts``) of the approved terms' look-up keys (``Store.approved_keys``): a
    run of a text whose keys' first parts are none of them is no approved term's, and ``term_keys_in`` makes no
    keys for it."""
    return frozenset(key_parts(key)[0] for key in keys)


def term_keys_in(text: str, lang: str, longest: int = LONGEST_TERM_TOKENS,
                 heads: frozenset[str] | None = None) -> set[str]:
    """The look-up keys (``normalize.term_keys``: ``form`` and ``stem``) of every run of one to ``longest`` words
    and marks of ``text`` (a base language's): those of the terms the text may hold, which find their entries before
    a ``Glossary`` of them matches them. The text is folded once, and its runs cut from the folded text (a run's
    folded text is the folded text's run), where folding each run again costs a document's length times
    ``longest``. With ``heads`` (``approved_heads``), only the keys whose first part is one of them: a key is
    looked up to be found equal to a stored one, whose first part is its own, and most of a text's words start no
    term (*de*, *la*, *les*), so most of its runs are never made."""
    keys: set[str] = set()
    # a run's stems are its parts' (``normalize.stem``), and a sentence's runs share their parts: each part is
    # singularised once a text, not once each of the runs it is in (up to ``longest`` times)
    singular: dict[str, str] = {}
    french: dict[str, str] = {}

    def singular_of(part: str) -> str:
        return singular[part] if part in singular else singular.setdefault(part, stem(part))

    def french_of(part: str) -> str:
        return french[part] if part in french else french.setdefault(part, french_stem(part))

    def folded_head(part: str) -> bool:  # the first part of a run's keys: its own, singularised, by French rules
        return part in heads or singular_of(part) in heads or (lang == "fr" and french_of(part) in heads)

    folded = fold(text)
    plain = without_ligatures(folded)  # spelt out and respelt letter for letter: the same runs, respelt
    for spelling in {folded, plain, arabic_script_spelling(plain)}:
        for key in _runs(spelling, longest, None if heads is None else folded_head):
            parts = key_parts(key)
            keys.update((key, "".join([singular_of(p) for p in parts]), " ".join(key.replace("-", " ").split())))
            if lang == "fr":
                keys.add("".join([french_of(p) for p in parts]))
    if lang in SNOWBALL:  # a Snowball stem reads the word as written, accents and all
        # its first part is that of the stems of the run's first part (a word is stemmed alone)
        inflected: dict[str, bool] = {}

        def inflected_head(part: str) -> bool:
            if part not in inflected:
                inflected[part] = key_parts(inflection_key(part, lang) or "")[0] in heads
            return inflected[part]

        runs = _runs(visible(text), longest, None if heads is None else inflected_head)
        keys.update(key for run in runs if (key := inflection_key(run, lang)))
    return keys


# ---- the glossary, indexed ----


@dataclass(frozen=True, slots=True)
class IndexedTerm:
    """A term of an approved entry, as the check sees it."""

    entry: str
    text: str
    lang: str
    acronym: bool
    deprecated: bool
    spellings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token positions, end excluded
    end: int
    terms: tuple[IndexedTerm, ...]  # every term spelt so (homographs of several entries, or forms of one)


class Glossary:
    """The approved entries' terms, in every language, indexed for finding them in text."""

    def __init__(self, entries: Iterable[Entry]):
        self._tries: dict[str, dict] = {}  # by language
        # English terms as a translation may also write them (``renderings_in_english``): a multi-word term's
        # modifiers (their keys, by the first) with its head's key; a one-word -ation noun's verb, by its forms
        self._modifiers: dict[str, list[tuple[tuple[str, ...], str, IndexedTerm]]] = {}
        self._verbs: dict[str, list[IndexedTerm]] = {}
        # French terms a coordinated list may render (``renderings_in_french``): a head's key, with the keys of
        # the adjectives after it
        self._heads: dict[str, list[tuple[tuple[str, ...], IndexedTerm]]] = {}
        self._terms: dict[str, list[IndexedTerm]] = {}  # by entry id
        self.pairs: set[frozenset[str]] = {_DEFAULT_PAIR}  # the languages some entry pairs, two by two
        for entry in entries:
            if entry.status is not ReviewStatus.APPROVED:
                continue
            terms = []
            languages = sorted({term.lang for term in entry.terms})
            self.pairs.update(frozenset((one, other)) for one in languages for other in languages if one < other)
            for term in entry.terms:
                held = IndexedTerm(str(entry.id), term.text, term.lang,
                             term.term_type is TermType.ACRONYM or (" " not in term.text and is_acronym(term.text)),
                             term.usage is UsageStatus.DEPRECATED, tuple(dict.fromkeys(map(visible, spellings(term)))))
                terms.append(held)
                for spelling in held.spellings:
                    self._index(held, spelling)
                    if term.lang == "en" and not held.acronym:
                        self._index_english(held, spelling)
                    elif term.lang == "fr" and not held.acronym:
                        self._index_french(held, spelling)
            self._terms[str(entry.id)] = terms

    def __len__(self) -> int:
        return len(self._terms)

    def pairing(self, pairs: Iterable[tuple[str, str]]) -> int:
        """How many entries hold terms in both languages of one of ``pairs`` (language tags): those a
        check of units in these pairs is made against."""
        wanted = {frozenset((base_language(src), base_language(tgt))) for src, tgt in pairs}
        return sum(any(pair <= frozenset(base_language(t.lang) for t in terms) for pair in wanted)
                   for terms in self._terms.values())

    def _index(self, term: IndexedTerm, spelling: str) -> None:
        node = self._tries.setdefault(term.lang, {})
        matches = list(_TOKEN.finditer(spelling))  # as _tokens cuts text, without its offsets
        for match in matches:
            word = match.group(1)
            if word is None:
                key = _PUNCTUATION + match.group()
            elif term.acronym and word.lower() != word:  # as written: IS (International Staff) is not "is"
                key = _EXACT + word
            else:
                key = _word_key(word, term.lang)
                if len(matches) == 1 and term.lang in SNOWBALL and len(key) < SHORTEST_STEM:
                    key = _WHOLE + fold(word)  # Rat (council) is not Raten (instalments)
            node = node.setdefault(key, {})
        held = node.setdefault(_END, [])
        if term not in held:
            held.append(term)

    def _index_english(self, term: IndexedTerm, spelling: str) -> None:
        words = [match.group(1) for match in _TOKEN.finditer(spelling)]
        if len(words) > 1 and None not in words:
            keys = [_word_key(word, "en") for word in words]
            self._modifiers.setdefault(keys[0], []).append((tuple(keys[:-1]), keys[-1], term))
        elif len(words) == 1 and words[0] and (noun := fold(words[0])).endswith("ation") \
                and len(noun) - len("ation") >= _SHORTEST_VERB_STEM:
            for ending in ("ate", "ates", "ated", "ating"):
                self._verbs.setdefault(_word_key(noun[:-len("ation")] + ending, "en"), []).append(term)

    def _index_french(self, term: IndexedTerm, spelling: str) -> None:
        words = [match.group(1) for match in _TOKEN.finditer(spelling)]
        if len(words) > 1 and None not in words and not any(fold(w) in PHRASE_OPENERS["fr"] for w in words):
            keys = [_word_key(word, "fr") for word in words]
            self._heads.setdefault(keys[0], []).append((tuple(keys[1:]), term))

    def renderings_in_french(self, tokens: list[_Token]) -> list[_Match]:
        """The French terms a French text renders in a coordinated list of the adjectives its head shares
        (*les domaines terrestre, maritime et aérien* renders *domaine maritime* and *domaine aérien*): the
        head, then items of one or two words parted by commas, *et* or *ou*, the term's adjectives one of them,
        a conjunction among them."""
        found = []
        conjunctions = {_word_key(word, "fr") for word in _FRENCH_CONJUNCTIONS}
        comma = _PUNCTUATION + ","
        for first, token in enumerate(tokens):
            for modifiers, term in self._heads.get(token.keys[0], ()):
                starts, coordinated, words, end = [first + 1], False, 0, first + 1  # items' starts; a conjunction seen
                for k in range(first + 1, min(first + 1 + _LONGEST_LIST, len(tokens))):
                    key = tokens[k].keys[0]
                    if key == comma or key in conjunctions:
                        coordinated, words = coordinated or key in conjunctions, 0
                        starts.append(k + 1)
                    elif tokens[k].is_word and words < _LAST_ITEM_WORDS:
                        words += 1
                    else:
                        break
                    end = k + 1
                if not coordinated:
                    continue
                for start in starts[1:]:  # the first item follows the head: found word for word
                    if start + len(modifiers) <= end and [t.keys[0] for t in tokens[start:start + len(modifiers)]] \
                            == list(modifiers):
                        found.append(_Match(first, start + len(modifiers), (term,)))
        return found

    def renderings_in_english(self, tokens: list[_Token]) -> list[_Match]:
        """The English terms an English text renders otherwise than word for word, as a translator does:

        - a term whose head a coordinated list of modifiers shares, after the last of them (*land, maritime
          and air domains* renders *land domain*, *maritime domain* and *air domain*): its modifiers, then a
          comma or a conjunction, words and commas with *and* or *or* among them, and its head;
        - an *-ation* noun by its *-ate* verb (*cooperation*, *we cooperate*): French often has the noun
          where English has the verb (*plus grande sera la coopération*, *the more we cooperate*).
        """
        found = []
        conjunctions = {_word_key(word, "en") for word in _CONJUNCTIONS}
        for first, token in enumerate(tokens):
            found += [_Match(first, first + 1, (term,)) for term in self._verbs.get(token.keys[0], ())]
            for modifiers, head, term in self._modifiers.get(token.keys[0], ()):
                after = first + len(modifiers)
                if [t.keys[0] for t in tokens[first:after]] != list(modifiers) or after >= len(tokens):
                    continue
                if not (tokens[after].keys[0] in conjunctions or tokens[after].keys[0] == _PUNCTUATION + ","):
                    continue
                since = None  # the words after the conjunction: the last item's, then the head
                for last in range(after, min(after + _LONGEST_LIST, len(tokens))):
                    key = tokens[last].keys[0]
                    if key == head and since:
                        found.append(_Match(first, last + 1, (term,)))
                        break
                    if key in conjunctions:
                        since = 0
                    elif since is not None and tokens[last].is_word and since < _LAST_ITEM_WORDS:
                        since += 1
                    elif since is not None or (key != _PUNCTUATION + "," and not tokens[last].is_word):
                        break
        return found

    def matches(self, tokens: list[_Token], lang: str) -> list[_Match]:
        """Every term of ``lang`` found in ``tokens``, nested and overlapping ones included."""
        root, found = self._tries.get(lang, {}), []
        for first in range(len(tokens)):
            nodes = [root]
            for last in range(first, len(tokens)):
                nodes = [child for node in nodes for key in tokens[last].keys if (child := node.get(key))]
                if not nodes:
                    break
                terms = tuple(term for node in nodes for term in node.get(_END, ()))
                if terms:
                    found.append(_Match(first, last + 1, terms))
        return found

    def terms(self, entry: str, lang: str, *, acronym: bool, deprecated: bool = False) -> list[IndexedTerm]:
        """The entry's terms in ``lang``, current ones only unless ``deprecated``; those of the kind
        asked for (acronym or full form) when it has any, else all."""
        held = [term for term in self._terms[entry] if term.lang == lang and (deprecated or not term.deprecated)]
        return [term for term in held if term.acronym == acronym] or held

    def full_forms(self, entry: str) -> list[IndexedTerm]:
        return [term for term in self._terms[entry] if not term.acronym and not term.deprecated]

    def languages(self, entry: str) -> list[str]:
        """The languages of the entry's terms, in their order."""
        return list(dict.fromkeys(term.lang for term in self._terms[entry]))

    def occurrences(self, text: str, lang: str, counted: frozenset[str] = frozenset()) -> Counter[str]:
        """How many times each entry's terms in ``lang`` (a base language) occur in ``text``, as a check finds
        them: an overlap counts for the longest term only (*Comité militaire* is no *comité* too). The entries of
        ``counted`` (counted otherwise: what extraction counted in a document) hold what they overlap where they
        are the longer, and are not counted; an overlap of equal length goes to the other entries' term."""
        side = Side(self, text, lang)
        longest = longest_matches(side.found, lambda match: all(term.entry in counted for term in match.terms)) \
            if counted else side.longest
        return Counter(entry for match in longest for entry in dict.fromkeys(term.entry for term in match.terms)
                       if entry not in counted)


def _closest(match: _Match, written: str, lang: str) -> _Match:
    """The match with only its terms spelt most like ``written``: the same but for case and
    apostrophes, else the same hyphens and spaces, else all (a deprecated *chief-of-staff* is
    not the approved *Chief of Staff*, though both are the same words)."""
    if len(match.terms) == 1:
        return match
    for same in (normalize_for_match, lambda text: _key(text, lang)):
        key = same(written)
        closest = tuple(term for term in match.terms if any(same(spelling) == key for spelling in term.spellings))
        if closest:
            return replace(match, terms=closest)
    return match


def longest_matches(matches: list[_Match], yields: Callable[[_Match], bool] | None = None) -> list[_Match]:
    """The matches left when each overlap goes to the longer (then, where ``yields`` says a match gives way to
    another as long, to that one, then the earlier) term."""
    taken: set[int] = set()
    chosen = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, bool(yields and yields(m)), m.start)):
        span = range(match.start, match.end)
        if not taken.intersection(span):
            taken.update(span)
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


class Side:
    """One side of a unit: its text, words and the terms found there."""

    def __init__(self, glossary: Glossary, text: str, lang: str):
        # composed (``visible``), as the glossary's spellings are: an accent typed apart (NFD) cut a word in two
        self.text, self.lang = visible(text), lang
        self.tokens = _tokens(self.text, lang)
        self.found = [_closest(match, self.surface(match.start, match.end), lang)  # the terms the side holds
                      for match in map(self._read, glossary.matches(self.tokens, lang)) if match.terms]
        self.longest = longest_matches(self.found)
        self.all = list(self.found)
        if lang == "en":  # found there, but no term the side holds: what its other terms are is not changed
            self.all += glossary.renderings_in_english(self.tokens)
        elif lang == "fr":
            self.all += glossary.renderings_in_french(self.tokens)

    def _read(self, match: _Match) -> _Match:
        """The match without the one-word terms its word is no form of, where the language's dictionary tells
        (``terms.nouns``: Danish *teknikeren* is no *teknik*, German *waren* no *Ware*, which their stems find)."""
        if match.end - match.start > 1 or self.lang not in DICTIONARIES:
            return match
        word = self.surface(match.start, match.end)
        return replace(match, terms=tuple(
            term for term in match.terms
            if not all(another_word(word, spelling, self.lang) for spelling in term.spellings)))

    def surface(self, start: int, end: int) -> str:
        return self.text[self.tokens[start].start:self.tokens[end - 1].end]

    def is_mark(self, position: int, mark: str) -> bool:
        return 0 <= position < len(self.tokens) and self.tokens[position].keys[0] == _PUNCTUATION + mark
