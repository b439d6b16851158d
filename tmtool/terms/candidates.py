"""French term candidates from the dependency parse, grouped under a canonical form.

A noun phrase is a noun with the dependents that can belong to a term: adjectives and participles
that modify it (not a participle with complements of its own: *décisions prises lors de la réunion*),
noun complements with their linking preposition (*de*, *à*, *en*, *pour*, *contre*) and the article
after it (*maintien de la paix*), coordinated heads (*paix et sécurité*), a number after the noun
(*article 5*), the words of a name. Every contiguous span of such a phrase that starts on a noun (or
on an adjective before its noun) and ends on a content word is a candidate, and so is an adjective
alone: a field names its properties with adjectives (*cardiovasculaire*, *éolien*, *transatlantique*),
which term lists such as ACTER's keep as terms, and termhood ranks them as any candidate. Nested candidates are
ranked by ``termhood``, which tells a term from a piece of a longer one. Punctuation, finite verbs and
tokens that are not words (web and e-mail addresses, formulas: ``french.wordlike``) break a phrase; a
maximal phrase is cut by no length limit short of ``MAX_WORDS`` tokens. Where the parse broke a phrase
its translation shows whole, the span the English noun phrase aligns with is a candidate too
(``equivalents.aligned_spans``, ``phrase_shaped``).

The canonical form singularises the head noun phrase (*engins explosifs improvisés* → *engin explosif
improvisé*) and the head's modifiers past its complement (*dépôts de carburant temporaires* → *dépôt de
carburant temporaire*), keeps the capitals of names, lowers a capital that is only there because the term opens
the sentence, and drops the elided article before it (*l'OTAN* → *OTAN*). Every surface form is kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from . import acronyms
from .acronyms import PARENTHESISED_ACRONYM, choose_start, initials_cover, letters_match, listed_start, most_words
from .dictionary import place_adjectives
from .french import Token, wordlike
from .lexicon import noun_gender

# Prepositions that join a noun to its complement inside a term (*lutte contre*, *technologie à double
# usage*, *Partenariat pour la paix*); "de" and its contractions are the common case.
LINKING_PREPOSITIONS = frozenset({"de", "d'", "du", "des", "à", "au", "aux", "en", "pour", "contre"})
_ARTICLES = frozenset({"le", "la", "les", "l'"})
_COORDINATION = frozenset({"et"})
# The adverbs a term may hold, grading an adjective or participle (*munitions non explosées*, *eaux peu
# profondes*); others make free phrases (*forces mieux équipées*, *unités plus mobiles*)
_TERM_ADVERBS = frozenset({"non", "peu"})
# Relations by which a dependent may belong to its head's term (Universal Dependencies).
# (Not *fixed*: the second word of a compound preposition, *à travers*, is no noun of the term.)
_TERM_RELATIONS = frozenset({"amod", "nmod", "case", "det", "flat", "compound", "conj", "cc", "nummod", "acl"})
# Dependents by which a participle governs a clause of its own (*forces déployées en Estonie*): it is
# then a verb about the noun, not a modifier in a term.
_CLAUSE_RELATIONS = frozenset({"obj", "iobj", "obl", "nsubj", "ccomp", "xcomp", "aux", "expl", "advcl"})
MAX_WORDS = 12  # tokens of a candidate: longer spans of one phrase are not candidates


@dataclass(frozen=True, slots=True)
class Occurrence:
    sentence: int
    start: int  # token span [start, end)
    end: int


@dataclass(slots=True)
class Candidate:
    key: str  # casefolded canonical form
    displays: Counter = field(default_factory=Counter)  # canonical form as written (capitals)
    lowered_by_place: Counter = field(default_factory=Counter)  # displays lowered for their place only
    forms: Counter = field(default_factory=Counter)  # surface forms, original characters
    genders: Counter = field(default_factory=Counter)  # gender → evidence: articles, adjectives, the head
    occurrences: list[Occurrence] = field(default_factory=list)
    content_words: tuple[str, ...] = ()
    head: Token | None = None
    name: bool = False  # a designation written with a capital: an organisation, a body, a programme
    article_complement: bool = False  # a complement with an article before a common noun (*des engins*)
    coordinated: bool = False  # two words or complements joined by *et*
    numbered: bool = False  # a number among its words (*article 5*, *figure 12*)
    placed: bool = False  # a lower-case adjective of a people or a place (*frégate italienne*)
    acronym: bool = False
    defined_by: set[str] = field(default_factory=set)  # keys of full forms (of an acronym) or acronyms

    @property
    def text(self) -> str:
        """The canonical form: lower case when the term was ever seen so outside a sentence start; else as
        written there (a name: *le Comité de terminologie*); lowered only where it was never seen but at a
        sentence's or a table cell's start."""
        written = Counter(self.displays)
        written.subtract(self.lowered_by_place)
        lowered = [d for d in self.displays if d[:1].islower() and written[d] > 0]
        if lowered:
            return lowered[0]
        return max(written, key=written.get) if max(written.values()) > 0 else self.displays.most_common(1)[0][0]

    @property
    def frequency(self) -> int:
        return len(self.occurrences)

    @property
    def gender(self) -> str | None:
        """The head noun's gender where the French dictionary gives it one (``lexicon.noun_gender``); else
        the gender the head's articles and adjectives agree in, the tagger's guess for the head itself
        counting half: agreement, which the text shows, outvotes a guess for an unknown word
        (*l'État-major militaire international*)."""
        if self.head is not None and self.head.pos == "NOUN" and (known := noun_gender(_singular(self.head))):
            return known
        return self.genders.most_common(1)[0][0] if self.genders else None


def term_key(text: str) -> str:
    return text.replace("’", "'").casefold()


# ---- phrases and spans -------------------------------------------------------------------------


def _relation(token: Token) -> str:
    return token.dep.split(":")[0]


def _clause_heads(tokens: Sequence[Token]) -> set[int]:
    """Tokens with dependents that make them the verb of a clause."""
    return {t.head for j, t in enumerate(tokens) if t.head != j and _relation(t) in _CLAUSE_RELATIONS}


def _joins_head(tokens: Sequence[Token], i: int, clause_heads: set[int]) -> bool:
    """Whether token ``i`` belongs to the term of its head, by its relation and its kind."""
    token = tokens[i]
    relation, word = _relation(token), token.text.lower().replace("’", "'")
    if token.pos == "PUNCT" or token.head == i or relation not in _TERM_RELATIONS:
        return False
    if relation == "case":
        return _linking(token)
    if relation == "det":  # the article of a complement: *de la paix*, not *la paix*
        return word in _ARTICLES and i > 0 and _linking(tokens[i - 1])
    if relation == "cc":
        return word in _COORDINATION
    if relation == "nummod":  # *article 5*; a number before the noun counts it (*trois navires*)
        return token.head == i - 1
    if relation == "flat":  # the words of a name, not a name after a title (*vice-amiral Durand*)
        return tokens[token.head].pos == "PROPN"
    if relation == "nmod":  # complements are nouns' (a complement of a verb or an adjective is a parse slip)
        return tokens[token.head].nominal and (token.nominal or token.pos == "NUM")
    if token.pos == "VERB" and not token.nominal and i in clause_heads:
        return False
    return token.nominal or _modifier(token)


def _word(token: Token) -> bool:
    """A word of content: a tag that is not one of grammar words, and letters (``french.wordlike``)."""
    return token.pos in ("NOUN", "PROPN", "ADJ", "ADV", "VERB") and wordlike(token.text)


def _modifier(token: Token) -> bool:
    """An adjective, a participle, or a word the parser takes for an adjectival modifier."""
    return _word(token) and (
        token.pos == "ADJ" or token.participle or (token.dep == "amod" and token.pos != "VERB" and not token.stop)
    )


def phrase_roots(tokens: Sequence[Token]) -> list[int | None]:
    """For each token, the noun whose phrase it belongs to: the top of its chain of term relations
    (a token belongs to its head's phrase when it joins its head and the head has a phrase)."""
    clause_heads = _clause_heads(tokens)
    joins = [_joins_head(tokens, i, clause_heads) for i in range(len(tokens))]
    roots: list[int | None] = [None] * len(tokens)
    done = [False] * len(tokens)
    for i in range(len(tokens)):
        path, j = [], i
        while not done[j] and joins[j] and j not in path:  # climb to a known or a phrase-less head
            path.append(j)
            j = tokens[j].head
        if not done[j] and j not in path:
            roots[j], done[j] = (j if tokens[j].nominal else None), True
        root = roots[j] if done[j] else None
        for k in reversed(path):
            root = root if root is not None else (k if tokens[k].nominal else None)
            roots[k], done[k] = root, True
    return roots


def _runs(tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """Maximal (start, end) runs of consecutive tokens of noun phrases. A complement that follows the
    phrase of a common noun but that the parser attached further up belongs to the run (attachment of
    prepositional phrases is where parsers err most); a phrase that follows without a preposition does
    not, nor one after a name, whether the name is the phrase (*général* | *Wiermann* | *au siège*) or
    closes it (*Conseil de l'Atlantique Nord* | *au printemps prochain*, the tagger reading *Conseil* as
    a common noun): a name is a closed designation."""
    roots = phrase_roots(tokens)
    i = 0
    while i < len(tokens):
        if roots[i] is None:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and roots[j] is not None and (
            roots[j] == roots[j - 1]
            or (_linking(tokens[j]) and tokens[roots[j - 1]].pos == "NOUN" and tokens[j - 1].pos != "PROPN")
        ):
            j += 1
        yield i, j
        i = j


def _linking(token: Token) -> bool:
    return token.pos == "ADP" and token.text.lower().replace("’", "'") in LINKING_PREPOSITIONS


def _opens(tokens: Sequence[Token], i: int, end: int) -> bool:
    """Whether a candidate ending before ``end`` may start at token ``i``: on a noun, or on an adjective
    whose noun follows inside the span (*petites éoliennes*), unless it picks an instance rather than
    describing a kind (``SELECTING``)."""
    token = tokens[i]
    return token.nominal or (_modifier(token) and i < token.head < end and tokens[token.head].nominal
                             and not (token.text[:1].islower() and token.lemma.lower() in SELECTING))


# Adjectives that count, pick or place an instance in time or rank rather than describe a kind (*prochaine
# conférence*, *principal tracé de câbles*, *ancienne Force de réaction*, *nouvel effort*): they open a
# phrase, never a candidate, as English phrases' QUANTIFIERS (``tmtool.text.en.phrases``) do. Ordinals
# are not among them: *premier ministre*, *second maître* are functions and ranks. A name keeps its own
# (*Nouveau Modèle de forces*). Chosen on the development and test pairs (bench/README.md, twentieth round).
SELECTING = frozenset(
    """autre même nombreux plusieurs divers différent certain tel propre supplémentaire additionnel respectif
    entier particulier dernier prochain précédent ancien nouveau meilleur principal récent futur""".split()
)


def _closes(tokens: Sequence[Token], i: int) -> bool:
    """Whether a candidate may end on token ``i``: a noun, a number, or a modifier of a word before it
    (not an adjective before its noun: *technologie à double* | *usage*)."""
    token = tokens[i]
    return token.nominal or (token.pos == "NUM" and token.text.isalnum()) or (_modifier(token) and token.head < i)


def _content(token: Token) -> bool:
    return token.nominal or _modifier(token) or token.pos == "NUM"


def candidate_spans(tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """Every (start, end) token span of noun phrases that may be a term, nested spans included, and
    every adjective alone (a span may come twice)."""
    label = _label_end(tokens)
    for run_start, run_end in _runs(tokens):
        for start in range(max(run_start, label), run_end):
            for end in range(start + 1, min(run_end, start + MAX_WORDS) + 1):
                if _closes(tokens, end - 1) and _opens(tokens, start, end):
                    yield start, end
    for i, token in enumerate(tokens):
        if i >= label and token.pos == "ADJ" and not token.participle and not token.stop and wordlike(token.text):
            yield i, i + 1


# a heading's or a list item's label of letters (*B)*, *IV.*), which the parser reads as a noun or an adjective
_LABEL = re.compile(r"[A-Z]|[IVXLC]{2,6}")


def _label_end(tokens: Sequence[Token]) -> int:
    """Where the words of a sentence begin after the label of letters opening it (*IV. Rôle du Comité
    militaire*: 2), no word of a term, as a heading's number (*1.*) is none; 0 for none."""
    labelled = len(tokens) > 2 and _LABEL.fullmatch(tokens[0].text) and tokens[1].text in (".", ")")
    return 2 if labelled else 0


def phrase_shaped(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the span could be a term whatever the parse made of it (for a span the translation
    shows to be a phrase, ``equivalents.aligned_spans``): it opens on a noun, closes on a noun, a
    modifier or a number as a parse candidate does, and holds only words, numbers, linking prepositions,
    the article right after one (*de la paix*, not *et le*) and *et*, no adverb but those of
    ``_TERM_ADVERBS``, no finite verb and no verb heading a clause of its own (*forces déployées en
    Estonie*, *munitions datant de la guerre*)."""
    span = tokens[start:end]
    if not span or end - start > MAX_WORDS or not span[0].nominal or not _closes(tokens, end - 1):
        return False
    clause_heads = _clause_heads(tokens)
    head = span[_head(span)]
    for k, token in enumerate(span, start=start):
        word = token.text.lower().replace("’", "'")
        article = word in _ARTICLES and k > start and _linking(tokens[k - 1])  # *de la paix*, not *et le*
        if not (_word(token) or token.pos == "NUM" or _linking(token) or article or word in _COORDINATION):
            return False
        if token.pos == "ADV" and word not in _TERM_ADVERBS:  # *forces mieux équipées* is no term
            return False
        if token.pos == "VERB" and (not token.participle or k in clause_heads or _verbal(token, head)):
            return False
    return True


def _verbal(participle: Token, noun: Token) -> bool:
    """A present participle that does not agree with its plural or feminine noun is the verb of a
    clause (*munitions non explosées datant de la guerre*), where the verbal adjective agrees (*pays
    participants*, *puissance occupante*)."""
    return participle.text.lower().endswith("ant") and (noun.plural or noun.gender == "feminine")


class RenderedFullForm(tuple):
    """A token span (start, end) of a French sentence that renders the English full form of an acronym
    defined in both sentences of a pair, whose initials spell it (``equivalents.aligned_spans``): equal
    to the plain span, marked so that ``definitions`` can prefer it to a spelling the French letters make
    only by chance, inside words (``acronyms.choose_start``)."""

    __slots__ = ()


# ---- candidates -----------------------------------------------------------------------------------


def collect(analysed: Sequence[Sequence[Token]], texts: Sequence[str],
            aligned: dict[int, set[tuple[int, int]]] | None = None) -> dict[str, Candidate]:
    """All candidates of the sentences, keyed by casefolded canonical form, with their definitions;
    ``aligned``: token spans of a sentence its translation shows to be phrases, candidates too."""
    candidates: dict[str, Candidate] = {}
    for number, tokens in enumerate(analysed):
        agreement = defaultdict(list)  # noun → genders of its articles and adjectives
        for t in tokens:
            if t.gender and _relation(t) in ("det", "amod"):
                agreement[t.head].append(t.gender)
        spans = dict.fromkeys(candidate_spans(tokens), False)
        agreeing: set[tuple[int, int]] = set()  # (noun, modifier) pairs the parse did not attach
        for start, end in sorted((aligned or {}).get(number, ())):
            if (start, end) not in spans:
                spans[start, end] = False
                head = start + _head(tokens[start:end])
                # the adjectives right after its head agree with it, where the parse put them (not those
                # past a complement: *réseaux de défense aérienne*)
                k = head + 1
                while k < end and _modifier(tokens[k]) and not tokens[k].nominal:
                    if tokens[k].gender and not start <= tokens[k].head < end:
                        agreeing.add((head, k))
                    k += 1
        for head, k in sorted(agreeing):
            agreement[head].append(tokens[k].gender)
        links = []
        for acronym, full in definitions(tokens, texts[number], (aligned or {}).get(number, ())):
            short = _find_tokens(tokens, texts[number], acronym)
            spans.setdefault(full, False)
            spans.update(dict.fromkeys(short, True))
            links.append((full, short))
        added = {
            span: _add(candidates, number, tokens, span, texts[number], acronym, agreement)
            for span, acronym in spans.items()
        }
        for full, short in links:
            for span in short:
                added[span].defined_by.add(added[full].key)
                added[full].defined_by.add(added[span].key)
    return candidates


def _add(candidates, number, tokens, bounds, sentence_text, acronym: bool, agreement) -> Candidate:
    start, end = bounds
    span = tokens[start:end]
    display = canonical(tokens, start, end)
    key = term_key(display)
    head = start + _head(span)
    candidate = candidates.get(key)
    if candidate is None:
        candidate = candidates[key] = Candidate(
            key=key,
            # as written, but a capital due only to the sentence start is lowered
            content_words=tuple(
                t.text.lower() if t.sentence_initial and not t.is_acronym else t.text
                for t in span
                if _content(t)
            ),
            head=tokens[head],
            name=_is_name(tokens[head]),
            acronym=acronym or (len(span) == 1 and span[0].is_acronym),
            article_complement=_article_complement(span),
            coordinated=any(t.pos == "CCONJ" for t in span),
            numbered=any(t.pos == "NUM" for t in span),
            placed=any(t.pos == "ADJ" and t.text[:1].islower() and t.lemma.lower() in place_adjectives()
                       for t in span),
        )
    candidate.acronym = candidate.acronym or acronym
    candidate.genders.update(agreement[head])
    if tokens[head].gender:
        candidate.genders[tokens[head].gender] += 0.5
    candidate.displays[display] += 1
    if display[:1] != span[0].text[:1]:
        candidate.lowered_by_place[display] += 1
    candidate.forms[sentence_text[span[0].start : span[-1].end]] += 1
    candidate.occurrences.append(Occurrence(number, start, end))
    return candidate


def _head(span: Sequence[Token]) -> int:
    """The index in the span of its head: its first noun (French noun phrases are head-first)."""
    return next((i for i, t in enumerate(span) if t.nominal), 0)


def _article_complement(span: Sequence[Token]) -> bool:
    """Whether a lower-case noun of the span follows an article (*de la*, *des*), adjectives apart."""
    article = False
    for token in span:
        if token.pos == "DET" or token.text.lower() in ("du", "des", "au", "aux"):
            article = True
        elif token.nominal:
            if article and token.pos == "NOUN" and token.text[:1].islower():
                return True
            article = False
        elif token.pos != "ADJ":
            article = False
    return False


def _is_name(head: Token) -> bool:
    return head.pos == "PROPN" or head.is_acronym or (head.text[:1].isupper() and not head.sentence_initial)


def canonical(tokens: Sequence[Token], start: int, end: int) -> str:
    """The singular, sentence-case-corrected form of the candidate span ``tokens[start:end]`` (see
    module docstring)."""
    span = tokens[start:end]
    head = start + _head(span)
    # a list's items are written as they are (*femmes, paix et sécurité*): each is its own noun
    singularise = tokens[head].plural and not _is_name(tokens[head]) and not any(t.text == "," for t in span)
    # the head opens the phrase (not a complement the tagger left the only noun: *Grand Quartier général des
    # puissances alliées*): its modifiers past its complement are singularised with it
    leads = not any(t.pos == "ADP" or t.pos == "CCONJ" for t in tokens[start:head])
    words = []
    in_head_phrase = True
    for i, token in enumerate(span, start):
        if token.pos == "ADP" or token.pos == "CCONJ":
            in_head_phrase = False
        word = token.text.replace("’", "'")
        # a modifier agrees with its plural head even where the tagger saw no number on it (or no adjective)
        # (*défis sécuritaires communs* → *défi sécuritaire commun*)
        if singularise and (
            (in_head_phrase and (token.plural or (token.pos not in ("NOUN", "PROPN", "NUM") and word.endswith(("s", "x")))))
            or (leads and (_of_head(tokens, i, head, end) or _agrees_only_with_head(tokens, i, head, start, end)))
        ):
            word = _singular(token)
        words.append(word)
    first = span[0]
    if first.sentence_initial and first.pos in ("NOUN", "ADJ") and not first.is_acronym and words[0][1:].islower():
        words[0] = words[0][:1].lower() + words[0][1:]
    out = words[0]
    for previous, token, word in zip(span, span[1:], words[1:]):
        out += word if token.start == previous.end else " " + word
    return out


def _of_head(tokens: Sequence[Token], i: int, head: int, end: int) -> bool:
    """Whether the plural modifier ``i`` past a complement is the head's (*dépôts de carburant
    temporaires*, put on *dépôts* by ``french.analyse`` where the parser read it on *carburant*), or of
    a modifier of the head's (*temporaires et mobiles*)."""
    if not (tokens[i].plural and _modifier(tokens[i])):
        return False
    noun = tokens[i].head
    while head < noun < end and not tokens[noun].nominal and tokens[noun].head != noun:
        noun = tokens[noun].head
    return noun == head


def _agrees_only_with_head(tokens: Sequence[Token], i: int, head: int, start: int, end: int) -> bool:
    """Whether the plural modifier ``i`` past a complement, which the parse attached outside the span or
    to a singular noun it cannot agree with (*drones de combat furtifs autonomes*: *autonomes* on
    *combat*), can only agree with the head: no other plural noun stands between them."""
    token = tokens[i]
    attached = tokens[token.head]
    return (token.plural and _modifier(token) and i != head
            and (not start <= token.head < end or (attached.nominal and not attached.plural))
            and not any(tokens[k].nominal and tokens[k].plural for k in range(head + 1, i)))


def _singular(token: Token) -> str:
    """The word's singular, unless general French hardly writes it (``_UNWRITTEN``)."""
    word = token.text
    singular = _singular_form(token)
    return word if _zipf(singular) + _UNWRITTEN < _zipf(word) else singular


# a "singular" general French uses less than a hundredth as often as the plural it came from is the
# lemmatiser's guess at an invariable word: *obus* → *obu*, *interarmées* → *interarmée*, *frais* → *frai*
_UNWRITTEN = 2.0


@lru_cache(maxsize=16384)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.replace("’", "'"), "fr")


def _singular_form(token: Token) -> str:
    word = token.text
    lemma = token.lemma
    if token.pos == "NOUN" and lemma:
        if word.casefold().startswith(lemma.casefold()):
            return word[: len(lemma)]  # engins → engin, pays → pays
        return word[:1] + lemma[1:] if word[:1].casefold() == lemma[:1].casefold() else lemma  # travaux → travail
    if word.endswith("eaux"):
        return word[:-1]  # nouveaux → nouveau
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"  # internationaux → international
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]  # improvisés → improvisé, sous-marins → sous-marin
    return word


def definitions(tokens: Sequence[Token], text: str,
                shown: Iterable[tuple[int, int]] = ()) -> list[tuple[str, tuple[int, int]]]:
    """Acronyms defined in the sentence, each with the token span of its full form: the candidate
    span just before the parenthesis whose letters spell the acronym (``acronyms.choose_start``; else
    a phrase ending there that the translation shows, ``shown``, with the name it is the complement of,
    ``_heading_name``), or the whole second column of a line of a list of abbreviations
    (``acronyms.listed``)."""
    listed = acronyms.listed(text)
    if listed:
        acronym, (first, last) = listed
        span = [i for i, t in enumerate(tokens) if first <= t.start and t.end <= last]
        return [(acronym, (span[0], span[-1] + 1))] if span else []
    found = []
    runs = {end: start for start, end in _runs(tokens)}
    for match in PARENTHESISED_ACRONYM.finditer(text.replace("\u00a0", " ")):
        paren = next((i for i, t in enumerate(tokens) if t.start == match.start()), None)
        if paren is None or paren not in runs or not _closes(tokens, paren - 1):
            continue
        starts = [i for i in range(runs[paren], paren) if _opens(tokens, i, paren)]
        words = [t.text for t in tokens[:paren]]
        start = choose_start(match.group(1), words, starts, [a for a, b in shown if b == paren],
                             [a for a, b in (s for s in shown if isinstance(s, RenderedFullForm)) if b == paren])
        if start is not None:
            if not letters_match(match.group(1), words[start:]):  # a list the parse cut at a comma
                content = [_content(t) for t in tokens[:paren]]
                listed = listed_start(match.group(1), words, content, [
                    c or t.pos == "DET" or _linking(t) for c, t in zip(content, tokens)], start, paren, ("et", "ou"))
                start = start if listed is None else listed
            if not letters_match(match.group(1), words[start:]):
                start = _heading_name(tokens, start, paren)
            found.append((match.group(1), (_named_start(match.group(1), tokens, words, start, paren), paren)))
    return found


def _heading_name(tokens: Sequence[Token], start: int, end: int) -> int:
    """Where a full form begins that its acronym's letters do not delimit, given the phrase found for
    it: at the capitalised noun it is the complement of, if any. A French name puts its head first,
    where English puts it past the acronym (*Initiative de* | *renforcement des capacités de défense
    et de sécurité (DCB)* for *Defence and Related Security Capacity Building (DCB) Initiative*); a
    common noun there is not taken for the name's. A name's words may also be juxtaposed
    (*Commandement* | *OTAN d'assistance … (NSATU)*), whatever the parse made of them."""
    while start > 0:
        head = next((tokens[k].head for k in range(start, end) if not start <= tokens[k].head < end), start)
        if not (head < start and all(_linking(t) or t.text.lower().replace("’", "'") in _ARTICLES or t.is_acronym
                                     for t in tokens[head + 1:start])):
            head = start - 1
        if not (tokens[head].nominal and tokens[head].text[:1].isupper() and not tokens[head].sentence_initial):
            break
        start = head
    return start


def _named_start(acronym: str, tokens: Sequence[Token], words: Sequence[str], start: int, end: int) -> int:
    """Where a full form whose words leave letters of its acronym out begins, when the words of a name
    before it give them (*Commandement allié* | *Transformation (ACT)*: the parser reads *allié* as a
    verb and ends the phrase there): the nearest start, over capitalised words and their modifiers, at
    which every letter is a word's initial (``initials_cover``); else ``start``."""
    if initials_cover(acronym, words[start:end]):
        return start
    bound = most_words(acronym)
    k = start - 1
    while k >= 0 and end - k <= bound and (
            (tokens[k].text[:1].isupper() and tokens[k].nominal) or (_modifier(tokens[k]) and k + 1 < end)):
        if tokens[k].nominal and initials_cover(acronym, words[k:end]):
            return k
        k -= 1
    return start


def _find_tokens(tokens: Sequence[Token], sentence: str, text: str) -> list[tuple[int, int]]:
    """Token spans that spell ``text`` as whole words (an acronym may be several tokens: *C-IED COE*)."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    return [
        (starts[m.start()], ends[m.end()] + 1)
        for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", sentence)
        if m.start() in starts and m.end() in ends
    ]
