"""French term candidates: pattern spans grouped under a canonical form, and acronym definitions.

The canonical form singularises the head noun phrase (*engins explosifs improvisés* → *engin explosif
improvisé*), keeps the capitals of names, lowers a capital that is only there because the term opens
the sentence, and drops the elided article before it (*l'OTAN* → *OTAN*). Every surface form is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from .acronyms import PARENTHESISED_ACRONYM, choose_start
from .french import Token, candidate_spans, disagrees, qualitative


@dataclass(frozen=True, slots=True)
class Occurrence:
    sentence: int
    start: int  # token span [start, end)
    end: int


@dataclass(slots=True)
class Candidate:
    key: str  # casefolded canonical form
    displays: Counter = field(default_factory=Counter)  # canonical form as written (capitals)
    forms: Counter = field(default_factory=Counter)  # surface forms, original characters
    occurrences: list[Occurrence] = field(default_factory=list)
    content_words: tuple[str, ...] = ()
    tags: str = ""  # the part-of-speech pattern of the first occurrence (see french.Token.tag)
    head: Token | None = None
    name: bool = False  # a designation written with a capital: an organisation, a body, a programme
    article_complement: bool = False  # a complement with an article before a common noun (*des engins*)
    detached_adjective: bool = False  # an adjective qualifying the head across its complement (see below)
    name_complement: bool = False  # a common head with a name for complement (*port de Tallinn*)
    evaluative: bool = False  # a noun with a qualitative adjective after it (*cyberattaque grave*)
    acronym: bool = False
    defined_by: set[str] = field(default_factory=set)  # keys of full forms (of an acronym) or acronyms

    @property
    def text(self) -> str:
        """The canonical form: lower case when the term was ever seen so outside a sentence start."""
        lowered = [d for d in self.displays if d[:1].islower()]
        return lowered[0] if lowered else self.displays.most_common(1)[0][0]

    @property
    def frequency(self) -> int:
        return len(self.occurrences)


def term_key(text: str) -> str:
    return text.replace("’", "'").casefold()


def collect(analysed: Sequence[Sequence[Token]], texts: Sequence[str]) -> dict[str, Candidate]:
    """All candidates of the sentences, keyed by casefolded canonical form, with their definitions."""
    candidates: dict[str, Candidate] = {}
    for number, tokens in enumerate(analysed):
        for start, end in candidate_spans(tokens):
            _add(candidates, number, tokens, start, end, texts[number])
        for acronym, (start, end) in definitions(tokens, texts[number]):
            full = _add(candidates, number, tokens, start, end, texts[number])
            for a_start, a_end in _find_tokens(tokens, texts[number], acronym):
                short = _add(candidates, number, tokens, a_start, a_end, texts[number])
                short.acronym = True
                short.defined_by.add(full.key)
                full.defined_by.add(short.key)
    for candidate in candidates.values():
        candidate.occurrences = sorted(set(candidate.occurrences), key=lambda o: (o.sentence, o.start))
        if candidate.name and not candidate.acronym and _always_complement_of_one_noun(candidate, analysed):
            candidate.name = False
    return candidates


def _always_complement_of_one_noun(candidate: Candidate, analysed: Sequence[Sequence[Token]]) -> bool:
    """Whether a capitalised phrase seen more than once is always the complement of the same common noun
    (*ministre de la Défense des pays de l'OTAN*, twice): it is then a piece of that noun's designation,
    not a name of its own. Once is no evidence either way (*résolution 1325 du Conseil de sécurité*)."""
    governors = set()
    for o in candidate.occurrences:
        tokens = analysed[o.sentence]
        before = o.start
        while before > 0 and tokens[before - 1].tag in "DERT":
            before -= 1
        if before == o.start or before == 0 or tokens[before - 1].tag != "N":
            return False
        governors.add(tokens[before - 1].text.casefold())
    return candidate.frequency > 1 and len(governors) == 1


def _add(candidates, number, tokens, start, end, sentence_text) -> Candidate:
    span = tokens[start:end]
    display = canonical(span)
    key = term_key(display)
    candidate = candidates.get(key)
    if candidate is None:
        head = next(t for t in span if t.tag in "NP")
        candidate = candidates[key] = Candidate(
            key=key,
            # as written, but a capital due only to the sentence start is lowered
            content_words=tuple(
                t.text.lower() if t.sentence_initial and not t.is_acronym else t.text for t in span if t.content
            ),
            tags="".join(t.tag for t in span),
            head=head,
            name=_is_name(head),
            acronym=len(span) == 1 and span[0].is_acronym,
            article_complement=_article_complement(span),
            detached_adjective=_detached_adjective(span),
            name_complement=_name_complement(span),
            evaluative=_evaluative(span),
        )
    candidate.displays[display] += 1
    candidate.forms[sentence_text[span[0].start : span[-1].start + len(span[-1].text)]] += 1
    candidate.occurrences.append(Occurrence(number, start, end))
    return candidate


def _article_complement(span: Sequence[Token]) -> bool:
    """Whether a lower-case noun of the span follows an article (*de la*, *des*), adjectives apart."""
    article = False
    for token in span:
        if token.tag in "TE":
            article = True
        elif token.tag in "NP":
            if article and token.tag == "N" and token.text[:1].islower():
                return True
            article = False
        elif token.tag != "A":
            article = False
    return False


def _detached_adjective(span: Sequence[Token]) -> bool:
    """Whether an adjective after a complement disagrees with the complement's noun, so qualifies the
    head across it (*dépôts de carburant temporaires*): a term (*dépôt de carburant*) and a modifier."""
    return any(
        disagrees(noun, adjective) and any(t.tag in "DER" for t in span[:i])
        for i, (noun, adjective) in enumerate(zip(span, span[1:]))
    )


def _name_complement(span: Sequence[Token]) -> bool:
    """Whether a common noun takes a name (not an acronym) for complement: it then relates a concept to
    one place or body (*port de Tallinn*, *base aérienne de Łask*), a free phrase around a term."""
    head = span[0]
    after_preposition = [t for i, t in enumerate(span[1:], 1) if span[i - 1].tag in "DERT"]
    return head.tag == "N" and not _is_name(head) and any(
        t.tag == "P" and not t.is_acronym for t in after_preposition
    )


def _evaluative(span: Sequence[Token]) -> bool:
    """Whether an adjective after a noun evaluates it (``french.qualitative``): such a phrase describes
    one case of a concept (*cyberattaque grave*), where a relational adjective names a kind of it."""
    return any(
        previous.tag == "N" and token.tag == "A" and qualitative(token.lemma or token.text)
        for previous, token in zip(span, span[1:])
    )


def _is_name(head: Token) -> bool:
    return head.tag == "P" or head.is_acronym or (head.text[:1].isupper() and not head.sentence_initial)


def canonical(span: Sequence[Token]) -> str:
    """The singular, sentence-case-corrected form of a candidate span (see module docstring)."""
    head = next(t for t in span if t.tag in "NP")
    singularise = head.plural and not _is_name(head)
    words = []
    in_head_phrase = True
    for token in span:
        if token.tag in "DER":
            in_head_phrase = False
        word = token.text.replace("’", "'")
        if singularise and in_head_phrase and token.plural:
            word = _singular(token)
        words.append(word)
    first = span[0]
    if first.sentence_initial and first.tag in "NA" and not first.is_acronym and words[0][1:].islower():
        words[0] = words[0][:1].lower() + words[0][1:]
    out = words[0]
    for previous, token, word in zip(span, span[1:], words[1:]):
        joined = token.start == previous.start + len(previous.text)
        out += word if joined else " " + word
    return out


def _singular(token: Token) -> str:
    word = token.text
    lemma = token.lemma
    if token.tag == "N" and lemma:
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


def definitions(tokens: Sequence[Token], text: str) -> list[tuple[str, tuple[int, int]]]:
    """Acronyms defined in the sentence, each with the token span of its full form."""
    found = []
    for match in PARENTHESISED_ACRONYM.finditer(text.replace("\u00a0", " ")):
        paren = next((i for i, t in enumerate(tokens) if t.start == match.start()), None)
        if paren is None:
            continue
        first = paren
        while first > 0 and tokens[first - 1].tag != "X":
            first -= 1
        starts = [
            i
            for i in range(first, paren)
            if tokens[i].tag in "NPA" and (i == first or tokens[i - 1].tag in "DERTC")
        ]
        start = choose_start(match.group(1), [t.text for t in tokens[:paren]], starts)
        if start is not None and any(t.tag in "NP" for t in tokens[start:paren]):
            found.append((match.group(1), (start, paren)))
    return found


def _find_tokens(tokens: Sequence[Token], sentence: str, text: str) -> list[tuple[int, int]]:
    """Token spans that spell ``text`` as whole words (an acronym may be several tokens: *C-IED COE*)."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.start + len(t.text): i for i, t in enumerate(tokens)}
    return [
        (starts[m.start()], ends[m.end()] + 1)
        for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", sentence)
        if m.start() in starts and m.end() in ends
    ]
