"""Glossary look-up: exact, lemma, case- and accent-insensitive, acronym, prefix and fuzzy matches;
and, when the glossary has no such entry, the units of the memory that hold the term.

This is the path a translator runs hundreds of times a day, so it imports nothing heavy: lemma
tolerance comes from the folded keys stored at ingest and the same rule-based folding of the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from .errors import Invalid, TmtoolError
from .langtags import base_language
from .model import Entry, ReviewStatus, Unit
from .text.normalize import (
    NARROWED_READINGS, SHORTEST_STEM, SNOWBALL, arabic_script_spelling, english_stem, fold, french_elision, french_stem,
    inflection_keys, normalize_for_match, singular_readings, stem, unspaced, visible, without_ligatures,
)

# How a term was found, best first; a hit keeps the best way its entry was found.
MATCH_KINDS = ("exact", "folded", "lemma", "acronym", "prefix", "fuzzy")
FUZZY_MIN = 80.0  # rapidfuzz ratio below which a spelling is too far from the query
MEMORY_COUNT_CAP = 1000  # units counted for "In the memory (N units)": counting costs a posting each
_STATUS_ORDER = {ReviewStatus.APPROVED: 0, ReviewStatus.CANDIDATE: 1, ReviewStatus.REJECTED: 2}


@dataclass(frozen=True, slots=True)
class LookupHit:
    entry: Entry
    match: str  # one of MATCH_KINDS
    matched: str  # the term text that matched
    similarity: float  # 100 except for fuzzy matches


@dataclass(frozen=True, slots=True)
class MemoryHit:
    unit: Unit
    document: str  # the document it was ingested from, else the one its tool names (memoQ's), else the file imported


@dataclass(frozen=True, slots=True)
class Answer:
    """What a look-up finds: glossary hits, and the memory's units holding the query when the
    glossary has no entry for it (none, or only fuzzy neighbours, which are not the term asked for)."""

    hits: list[LookupHit]
    memory: list[MemoryHit]
    memory_count: int  # units holding the query, counted up to MEMORY_COUNT_CAP + 1

    @property
    def found(self) -> bool:
        return bool(self.hits or self.memory)


# an Italian article or preposition elided before a vowel (dell’Alleanza, all’Alleanza, un’operazione); l’ and d’
# are French ones too (``french_elision``)
_ITALIAN_ELISION = re.compile(r"(?:un|dell|dall|nell|sull|all|coll|quell|quest)'")
_MOST_SPACES = 3  # a query with more spaces is looked up with its hyphens as spaces only
# a French or English article, or a preposition joined to one, before a term copied from a sentence (le Comité
# militaire, des États membres, the Military Committee, de l’OTAN: then elided); the query as typed is looked up too
_ARTICLE = re.compile(r"(?:the|le|la|les|un|une|des|du|de la|de|au|aux) (?=\S)")
# quotation marks around a term copied from a sentence, and the punctuation after it (« Comité militaire »,
# "Military Committee", Comité militaire.)
_AROUND = re.compile(r'^[\s«»"“”„‹›]+|[\s«»"“”„‹›.,;:!?…]+$')
# an English possessive after a term copied from a sentence (NATO's, the Military Committee's, the Allies'), as
# the French elided article before one (de l'OTAN); the apostrophes folded to '
_POSSESSIVE = re.compile(r"(?<=[^\W_])'s?$")
# an acronym written with its dots, as older texts write them (O.T.A.N., N.A.T.O.)
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}$|(?:[^\W\d_]\.)+[^\W\d_]$")


def _hyphenations(folded: str) -> set[str]:
    """A folded query as typed, and as a compound is written either way: hyphens typed as spaces and
    spaces as hyphens (*contre amiral* finds *contre-amiral*, *lieutenant-colonel* finds *lieutenant colonel*)."""
    spaced = folded.replace("-", " ")
    words = spaced.split(" ")
    found = {folded, spaced}
    if len(words) - 1 <= _MOST_SPACES:
        for joints in product(" -", repeat=len(words) - 1):
            found.add(words[0] + "".join(joint + word for joint, word in zip(joints, words[1:])))
    return found


def _elision(folded: str) -> int:
    """The length of the elided article or preposition that starts a folded query, 0 if none."""
    italian = _ITALIAN_ELISION.match(folded)
    return italian.end() if italian else french_elision(folded)


def _short_stem(key: str) -> bool:
    """Whether a key is one word shorter than ``SHORTEST_STEM``: a term's stem so short is no key of its own."""
    return len(key) < SHORTEST_STEM and key.isalpha()


def _inflected_keys(texts: set[str], language: str, weighed: bool) -> set[str]:
    """The keys under which the query's ``texts`` (lower-cased, with and without an elided article) find a
    term of ``language`` by its Snowball stem, a hyphen typed either way. A one-word term with a short stem
    is found as written, or as the singular the query's ending may stand for, as ``check`` finds it: *Rates*
    is *Rat* (council), *Raten* (instalments) is not, nor is English *port* Italian *porta*. ``weighed``: with
    the readings check tries (``terms.nouns.readings``: Swedish *dator* is no *data*), else with every reading of
    the ending (``singular_readings``), of which those are a part."""
    def read(word: str) -> list[str] | tuple[str, ...]:
        """The singulars ``word`` is read as; ``terms.nouns`` (and, without a dictionary, wordfreq) is imported for
        the words whose readings it may strike only."""
        if not weighed or not normalize_for_match(word).endswith(NARROWED_READINGS.get(language, ())):
            return singular_readings(word, language)
        from .terms.nouns import readings

        return readings(word, language)

    stems = {spelling for text in texts for key in inflection_keys(text, language, read)
             for spelling in _hyphenations(key)}
    return {key for key in stems if not _short_stem(key)} | {fold(form) for text in texts for form in read(text)}


def _prefixed(store, key: str, limit: int) -> list:
    """Terms starting with ``key``, of ``limit`` entries at least where there are so many: an entry holds
    several such keys (a name written alike in French and English, a term with œ spelt out too)."""
    asked = limit
    while True:
        rows = store.terms_by_prefix(key, asked)
        if len(rows) < asked or len({row.entry_id for row in rows}) >= limit:
            return rows
        asked *= 4


def _as_typed(folded: str) -> str:
    """A folded text as a query may type it: hyphens as spaces, œ and æ spelt out."""
    return without_ligatures(folded).replace("-", " ")


def _another_word(word: str, term: str, language: str) -> bool:
    """Whether the language's dictionary reads a one-word query as another word than the one-word ``term`` its stem
    finds (``terms.nouns``: Danish *teknikeren* is no *teknik*, German *waren* no *Ware*); the dictionary is read
    only for such a query."""
    from .terms.nouns import another_word  # its dictionary read once, where a query needs it

    return " " not in term and another_word(word, term, language)


def _kind(query: str, typed: set[str], kind: str, text: str) -> str:
    """How a stored key equal to the query (or to its singular) matched the term ``text``; ``typed``:
    the query's foldings with hyphens as spaces (with and without an elided article)."""
    if kind == "initials":
        return "acronym"
    if visible(text) == query:  # a term stored as a file wrote it (NFD) is the query composed (``visible``)
        return "exact"
    # a hyphen typed as a space is folded too, œ and æ typed spelt out, and an Arabic-script letter typed as another
    # (كميته: کمیته)
    folded = fold(text)
    same = _as_typed(folded) in typed or arabic_script_spelling(folded).replace("-", " ") in typed
    return "folded" if same else "lemma"  # else through an inflected form


def lookup(store, query: str, *, lang: str = "auto", limit: int = 10) -> list[LookupHit]:
    """Entries that hold ``query`` in any language (``lang``, a language tag, narrows it to its base
    language), ranked by how they matched, then approved before candidates before rejected, then score."""
    if lang != "auto":
        try:
            lang = base_language(lang)
        except TmtoolError:
            raise Invalid(f"unknown language {lang!r} (expected a language such as fr, en, de, or auto)") from None
    query = visible(query).strip()  # pasted from a page: Einsatz\u00adbereitschaft is Einsatzbereitschaft
    folded = fold(query)
    if not folded:
        raise Invalid("empty look-up term")
    best: dict[int, tuple[int, bool, float, str]] = {}
    # the query as typed, article and all: a term it is whole comes before one it holds an article over (la
    # défense: La Défense, then défense)
    whole = {_as_typed(each) for each in (folded, fold(_AROUND.sub("", query)))}

    def consider(rows, kind_of) -> None:
        for entry_id, key, kind, text, term_lang in rows:
            if lang != "auto" and term_lang != lang:
                continue
            match, similarity = kind_of(key, kind, text)
            if match is None:
                continue
            rank = (MATCH_KINDS.index(match), _as_typed(fold(text)) not in whole, -similarity, text)
            if entry_id not in best or rank < best[entry_id]:
                best[entry_id] = rank

    # a term copied from a sentence with its elided article (l’OTAN, d’état-major, dell’Alleanza) or an article
    # before it (le Comité militaire, de l’OTAN), between quotes or with a full stop after it, is the term too,
    # and so is an acronym typed with its dots (O.T.A.N.)
    around = _AROUND.sub("", query) or query
    trimmed = fold(around) or folded
    elided = _elision(trimmed)
    bare = trimmed[elided:]
    article = _ARTICLE.match(trimmed)
    unarticled = trimmed[article.end():] if article else ""
    undotted = bare.replace(".", "") if _DOTTED.match(bare) else ""
    # œ and æ spelt out, as the terms' keys hold them too (mise en oeuvre: mise en œuvre)
    copied = (folded, trimmed, bare, unarticled, unarticled[_elision(unarticled):], undotted)
    foldings = list(dict.fromkeys(without_ligatures(each) for each in (
        *copied, *(_POSSESSIVE.sub("", each) for each in copied)) if each))
    foldings += [spelt for spelt in map(arabic_script_spelling, foldings) if spelt not in foldings]  # کمیته: كميته
    typed = {each.replace("-", " ") for each in foldings}
    spelt = set().union(*map(_hyphenations, foldings))
    keys = spelt | {stem(key) for key in spelt}
    # a key only one language's rules make finds that language's terms only: English's (crises → crisis),
    # French's (parties contractantes → partie contractante, where stem makes English's party of parties)
    # and a Snowball stemmer's (Militärausschusses → militarausschuss, военного комитета → воен комитет)
    own_keys = {"en": {english_stem(each) for each in foldings}, "fr": {french_stem(key) for key in spelt}}
    lowered = normalize_for_match(around)
    texts = {lowered, lowered[elided:]} - {""}  # the elided article's letters fold to themselves: the same length
    # the readings check strikes (Swedish dator is no data, German Karten no Karton: ``terms.nouns.readings``) are
    # weighed where they may count only, as reading wordfreq's list for it (no dictionary installed) takes a German
    # look-up from 0.4 to 1.1 s of CPU: for a term a one-word query finds by them (a word's readings are a part of its
    # ending's), and for a text of several words, whose readings are cut at a number (``inflection_keys``)
    several = any(len(text.split()) > 1 for text in texts)
    for language in SNOWBALL:
        if lang in ("auto", language):
            own_keys[language] = _inflected_keys(texts, language, several)
    hits = store.terms_by_key(sorted(keys.union(*own_keys.values())))
    for language in set() if several else {hit.lang for hit in hits if hit.lang in NARROWED_READINGS
                                           and hit.key in own_keys.get(hit.lang, ()) and hit.key not in keys}:
        own_keys[language] = _inflected_keys(texts, language, True)
    word = around.strip() if len(around.split()) == 1 else ""
    consider([hit for hit in hits if (hit.key in keys or hit.key in own_keys.get(hit.lang, ()))
              and not (hit.lang in SNOWBALL and hit.kind != "form" and _short_stem(hit.key))
              and not (word and hit.kind != "initials" and _another_word(word, hit.text, hit.lang))],
             lambda key, kind, text: (_kind(query, typed, kind, text), 100.0))
    # the start of a term, its hyphens typed either way (etat major: État-major militaire international): three
    # letters, or two Chinese or Japanese characters, each as much as a syllable (军事: 军事委员会)
    for key in sorted(key for key in spelt if len(key) >= (2 if unspaced(key) else 3)):
        if len(best) >= limit:
            break
        consider(_prefixed(store, key, limit), lambda key, kind, text: ("prefix", 100.0))
    # fuzzy matching is for a term not found as typed: spelling neighbours of a found term are noise
    if not best and len(folded) >= 3:
        from rapidfuzz import fuzz  # only a term not found as typed pays for this import

        def fuzzy(key: str, kind: str, text: str):
            score = fuzz.ratio(folded, key)
            return ("fuzzy", score) if score >= FUZZY_MIN else (None, 0.0)

        consider(store.terms_spelt_like(folded), fuzzy)
    entries = store.entries(list(best), contexts=1)
    ranked = sorted(
        best,
        key=lambda i: (best[i][:2], _STATUS_ORDER[entries[i].status], best[i][2],
                       -entries[i].score, -entries[i].frequency, i),
    )
    return [
        LookupHit(entries[i], MATCH_KINDS[best[i][0]], best[i][3], -best[i][2]) for i in ranked[:limit]
    ]


def lookup_with_memory(store, query: str, *, lang: str = "auto", limit: int = 10) -> Answer:
    """:func:`lookup`, and the memory's concordance for ``query`` (``limit`` units; with ``lang``,
    those holding it in that language) when the glossary has no entry for it but fuzzy neighbours at best."""
    hits = lookup(store, query, lang=lang, limit=limit)
    if hits and hits[0].match != "fuzzy":  # fuzzy hits come last: the first says if all are
        return Answer(hits, [], 0)
    query, side = visible(query).strip(), None if lang == "auto" else base_language(lang)
    memory = [MemoryHit(unit, document) for unit, document in store.concordance(query, limit, side)]
    count = store.concordance_count(query, MEMORY_COUNT_CAP + 1, side) if memory else 0
    return Answer(hits, memory, count)
