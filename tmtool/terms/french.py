"""French analysis with spaCy and the part-of-speech patterns that yield term candidates.

spaCy is loaded once per process, on first use, so that importing ``tmtool.terms`` stays cheap.
Analysis runs on a copy of the text whose typographic apostrophes and no-break spaces are replaced
one-for-one (same length), so token offsets point into the original text and surface forms are shown
as the author wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

from ..errors import TmtoolError
from .acronyms import is_acronym

_ANALYSIS_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})

# Prepositions that join a noun to its complement inside a term (*lutte contre*, *technologie à double
# usage*, *Partenariat pour la paix*); "de" and its contractions are the common case.
_DE = frozenset({"de", "d'"})
_DE_ARTICLE = frozenset({"du", "des"})  # de + article: opens a complement, never a coordinated one
_LINKING_PREPOSITIONS = frozenset({"à", "pour", "contre", "en"})
_ARTICLES = frozenset({"la", "le", "les", "l'"})
# A past participle followed by one of these governs a complement (*destiné à*, *établi au*): it is a
# verb there, not an adjective of the term.
_GOVERNED_BY = frozenset({"à", "au", "aux", "par", "dans", "sur", "avec", "de", "d'", "du", "des"})
# Dates are not terms: a month followed by a year (*mai 2024*) would otherwise match "noun number".
_MONTHS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
# Dependents by which a participle governs a phrase of its own to its right (*décisions prises lors de la
# réunion*): it is then a verb about the noun, not a modifier in a term.
_GOVERNED_DEPENDENTS = frozenset({"obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "advmod"})
# Person endings of French finite verbs that no noun ends with more often than a verb does (*abordions*).
_VERB_ENDINGS = ("ions", "iez", "ons", "ez")
# How much rarer (Zipf) a form must be than the infinitive it would inflect to be read as that verb.
_VERB_FORM_MARGIN = 2.0
# A noun rarer than this in general French (Zipf) is a term on its own, even where an adjective follows
# it (*cyberattaque grave*, *interopérabilité*): the phrase may be free, the noun is specific.
RARE_NOUN_ZIPF = 3.0
# Derivational endings of French nouns: a word with one of them right after a determiner is a noun even
# when the tagger, not knowing it, reads a verb (*le prépositionnement*).
_NOUN_SUFFIXES = ("ment", "tion", "sion", "age", "ité", "isme", "ance", "ence", "ure")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # surface form, original characters
    lemma: str
    tag: str  # N noun, P proper noun, A adjective, M number, D "de", E "du"/"des", R other linking
    #         preposition, T article after a preposition, C "et", G "non" before an adjective,
    #         X anything that breaks a term
    gender: str | None  # "masculine" / "feminine" for nouns
    plural: bool
    singular: bool  # the tagger's number; neither for invariable or unknown words (*pays*)
    start: int  # character offset in the sentence
    sentence_initial: bool

    @property
    def is_acronym(self) -> bool:
        return is_acronym(self.text)

    @property
    def content(self) -> bool:
        return self.tag in "NPAM"


@lru_cache(maxsize=1)
def _nlp():
    try:
        import spacy

        return spacy.load("fr_core_news_sm", disable=["ner"])
    except (ImportError, OSError) as exc:  # the model is a declared dependency; say so if it is missing
        raise TmtoolError(f"French model fr_core_news_sm is not installed ({exc.__class__.__name__})") from exc


def load_model() -> None:
    """Load spaCy now (benchmarks time extraction apart from model loading)."""
    _nlp()


def analyse(sentences: Sequence[str]) -> list[list[Token]]:
    """Tokens with term tags for each sentence, hyphenated compounds (*État-major*) kept whole."""
    nlp = _nlp()
    texts = [s.translate(_ANALYSIS_FOLD) for s in sentences]
    return [_tokens(doc, original) for doc, original in zip(nlp.pipe(texts), sentences)]


def _merge_hyphenated(doc) -> None:
    spans = []
    i = 0
    while i < len(doc) - 2:
        j = i
        while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
            j += 2
        if j > i:
            spans.append(doc[i : j + 1])
            i = j + 1
        else:
            i += 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            last = span[-1]
            retokenizer.merge(
                span,
                attrs={
                    "POS": last.pos_ if last.pos_ not in ("PUNCT", "X") else span[0].pos_,
                    "LEMMA": span[:-1].text + last.lemma_,
                    "MORPH": str(last.morph),
                },
            )


def _tokens(doc, original: str) -> list[Token]:
    _merge_hyphenated(doc)
    tokens = []
    for t in doc:
        following = doc[t.i + 1] if t.i + 1 < len(doc) else None
        gender = {"Masc": "masculine", "Fem": "feminine"}.get(next(iter(t.morph.get("Gender")), ""))
        tokens.append(
            Token(
                text=original[t.idx : t.idx + len(t.text)],
                lemma=t.lemma_,
                tag=_tag(t, following, tokens[-1] if tokens else None),
                gender=gender if t.pos_ in ("NOUN", "PROPN") else None,
                plural="Plur" in t.morph.get("Number"),
                singular="Sing" in t.morph.get("Number"),
                start=t.idx,
                sentence_initial=t.i == 0 or t.is_sent_start or doc[t.i - 1].text in ("«", '"', "“"),
            )
        )
    return tokens


def _tag(t, following, previous: Token | None) -> str:
    word = t.text.lower()
    next_word = following.text.lower() if following is not None else ""
    if word in _DE:
        return "D"
    if word in _DE_ARTICLE:
        return "E"
    if word in _LINKING_PREPOSITIONS:
        return "R"
    if word in _ARTICLES and previous is not None and previous.tag in "DR":
        return "T"
    if word == "et":
        return "C"
    if (t.pos_ == "NUM" or t.like_num) and previous is not None and previous.tag == "N":
        return "M"  # *article 5*, *résolution 1325*
    if t.is_punct or t.like_num or word in _MONTHS or not any(c.isalpha() for c in t.text):
        return "X"
    after_noun = previous is not None and previous.tag in "NAG"
    if word == "non" and after_noun and following is not None and following.pos_ in ("ADJ", "VERB"):
        return "G"  # *munitions non explosées*
    if is_acronym(t.text):
        return "N" if after_noun else "P"  # *Fonds OTAN*: an acronym after a noun modifies it
    if previous is not None and previous.tag == "P" and t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN", "ADJ"):
        return "P"  # *Nations Unies*: capitals continue a name whatever the tagger says
    if t.pos_ == "NOUN":
        return "X" if _verb_form(t.text) else "N"
    if t.i > 0 and t.doc[t.i - 1].pos_ == "DET" and word.endswith(_NOUN_SUFFIXES) and t.pos_ != "ADJ":
        return "N"
    if t.pos_ == "PROPN":
        return "P"
    if t.pos_ == "ADJ":
        return "A"
    participle = t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm")
    if participle and after_noun and not _governs_phrase(t, next_word):
        return "A"  # *engins explosifs improvisés*, *puissances alliées*
    return "X"


def _governs_phrase(t, next_word: str) -> bool:
    """Whether a participle has a complement of its own (*destiné à*, *prises lors de*)."""
    return next_word in _GOVERNED_BY or any(
        child.i > t.i and child.dep_ in _GOVERNED_DEPENDENTS for child in t.children
    )


@lru_cache(maxsize=8192)
def _verb_form(word: str) -> bool:
    """Whether a word the tagger read as a noun is a finite verb (*abordions*): it has a verbal person
    ending, and the first-group infinitive it would inflect is far more common than the form itself."""
    from wordfreq import zipf_frequency

    word = word.lower()
    ending = next((e for e in _VERB_ENDINGS if word.endswith(e)), None)
    if ending is None or len(word) - len(ending) < 3:
        return False
    infinitive = word[: -len(ending)] + "er"
    return zipf_frequency(infinitive, "fr") >= zipf_frequency(word, "fr") + _VERB_FORM_MARGIN


@lru_cache(maxsize=8192)
def rare_noun(word: str) -> bool:
    """Whether a noun is rare enough in general French to be a term by itself (see ``RARE_NOUN_ZIPF``)."""
    from wordfreq import zipf_frequency

    return not word[:1].isupper() and zipf_frequency(word.lower(), "fr") < RARE_NOUN_ZIPF


# Endings of relational adjectives, derived from nouns (*maritime* ← mer, *nucléaire*, *stratégique*,
# *estonien*, *administratif*): they classify the noun, as term-forming adjectives do.
_RELATIONAL_ENDINGS = ("al", "ale", "aire", "ique", "ien", "ienne", "if", "ive")
# A qualitative adjective is gradable: its adverb in -ment is common French (*gravement*, *essentiellement*).
QUALITATIVE_ADVERB_ZIPF = 3.5


def _adverb(adjective: str) -> str:
    """The adverb in -ment of a (masculine or feminine) adjective: grave → gravement, sérieux → sérieusement."""
    for ending, adverb in (("ante", "amment"), ("ente", "emment"), ("ant", "amment"), ("ent", "emment"),
                           ("euse", "eusement"), ("eux", "eusement"), ("elle", "ellement"), ("el", "ellement"),
                           ("eau", "ellement"), ("ée", "ément"), ("é", "ément"), ("e", "ement")):
        if adjective.endswith(ending):
            return adjective[: -len(ending)] + adverb
    return adjective + "ement"


@lru_cache(maxsize=8192)
def qualitative(adjective: str) -> bool:
    """Whether an adjective evaluates rather than classifies (*cyberattaque grave*, *capacité essentielle*):
    not built like a relational adjective, and its adverb in -ment is common."""
    from wordfreq import zipf_frequency

    word = adjective.lower()
    if word.endswith(_RELATIONAL_ENDINGS):
        return False
    return zipf_frequency(_adverb(word), "fr") >= QUALITATIVE_ADVERB_ZIPF


def disagrees(noun: Token, adjective: Token) -> bool:
    """Whether an adjective differs in number from the noun before it: it then qualifies a noun
    further back (*dépôts de carburant temporaires*)."""
    return adjective.tag == "A" and noun.tag == "N" and (
        (noun.singular and adjective.plural) or (noun.plural and adjective.singular)
    )


def _complement_ends(piece: str) -> bool:
    """Whether a tag pattern ends on the noun of a complement (*dépôts de carburant*)."""
    return bool(re.search(r"[DER]T?A?N$", piece))


# A term: optional pre-nominal adjective, a head noun and its post-modifiers (adjectives, nouns, proper
# nouns, a negated adjective, a number) or a run of proper nouns, then up to two complements introduced
# by a preposition (and an article). A common noun after a proper noun is a parse error more often than a term.
_MODIFIED = r"(?:A?N(?:[NPA]|GA)*|P+A*)M?"
_COMPLEMENT = rf"(?:(?:[DR]T?|E){_MODIFIED})"
# A coordinated complement repeats its preposition (*chefs d'État et de gouvernement*, *technologies
# émergentes et de rupture*); bare coordination (*alliées et partenaires*) joins two terms, not one.
_COORDINATED = rf"(?:CDT?{_MODIFIED})"
_TERM = re.compile(rf"{_MODIFIED}{_COMPLEMENT}{{0,2}}{_COORDINATED}?")


def _cuts_phrase(tokens: Sequence[Token], start: int) -> bool:
    """Whether a span starting at ``start`` would cut a noun phrase: after a noun or a post-nominal
    adjective it would; after an evaluative pre-nominal adjective (*nouveau modèle*) it would not,
    unless that adjective is capitalised as part of a name (*Grand Quartier général*)."""
    if start == 0:
        return False
    previous = tokens[start - 1]
    if previous.tag in "NP":
        return True
    post_nominal = start > 1 and tokens[start - 2].tag in "NPA"
    return previous.tag == "A" and (post_nominal or previous.text[:1].isupper())


def candidate_spans(tokens: Sequence[Token], max_content: int = 6) -> Iterator[tuple[int, int]]:
    """Every (start, end) token span matching the term pattern, nested spans included.

    A span must start with a noun or a pre-nominal adjective and end on a content word, not on the
    first of coordinated adjectives; spans of a lone adjective or a lone number are never candidates.
    A span may stop before a complement, never inside a noun phrase: *Grand Quartier* (before
    *général*) and *explosifs improvisés* (after *engins*) are pieces of a phrase, not terms; but a
    rare noun stands alone before its adjectives (*cyberattaque* in *cyberattaque grave*), and a
    complement is complete before an adjective that does not agree with it (*dépôts de carburant* in
    *dépôts de carburant temporaires*), which cannot start a span with that complement either.
    """
    tags = "".join(t.tag for t in tokens)
    for start in range(len(tokens)):
        if tags[start] not in "NPA" or _cuts_phrase(tokens, start):
            continue
        for end in range(start + 1, len(tokens) + 1):
            piece = tags[start:end]
            if piece.count("N") + piece.count("P") + piece.count("A") + piece.count("M") > max_content:
                break
            if end < len(tokens) and tags[end] in "NPAMG" and not (
                piece == "N" and tags[end] in "AG" and rare_noun(tokens[start].text)
            ) and not (_complement_ends(piece) and disagrees(tokens[end - 1], tokens[end])):
                continue
            if tags[start] == "N" and tags[end - 1] == "A" and disagrees(*tokens[start : start + 2]):
                continue  # the adjective qualifies a noun before the span (*carburant temporaires*)
            if tags[end - 1] == "A" and tags[end : end + 2] == "CA":
                continue  # coordinated adjectives qualify the phrase before them (*avions allemands et …*)
            if "C" in piece and tokens[start].text[:1].isupper() and not tokens[start].sentence_initial:
                continue  # names are not coordinated: *État et de gouvernement* is two complements
            if _TERM.fullmatch(piece) and ("N" in piece or "P" in piece):
                yield start, end
