"""English equivalents of French terms, from aligned sentence pairs.

For each French entry, every English span of the right shape in the English side of its pairs is
scored with:
- alignment: how well the span's words and the term's words link to each other rather than to the
  rest of the sentence pair (IBM-1 posteriors both ways, cognates), as an F-measure per pair; the mean
  of its best pair and its average over the entry's pairs (a translation that recurs wins, a loose
  translation in one pair does not sink a good one); a French closed compound read against an open
  English one (*cyberattaque* ↔ *cyber attack*) and the agreement of the two heads across all pairs
  (*pays* ↔ *countries*: translation consistency) add to it;
- co-occurrence: Dice of the French term and the English span over every pair given, the memory
  included, so that equivalents improve as documents arrive (weighed by the pairs that show it: one
  shared pair is no evidence);
- shape: English POS-shape heuristics (see ``english.shape``), and acronym for acronym.
Acronyms defined in both languages in the same pair are paired directly (*EMI* ↔ *IMS*, whose full
forms then pair too), and an acronym written the same in both languages is its own equivalent.
The translation is also evidence of termhood (``translation_evidence``), and a phrase it shows to be
free lets its nested pieces count as terms of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from rapidfuzz.fuzz import ratio

from ..model import Context, Entry, Term, TermType
from ..store.folding import fold, normalize_for_match, stem
from . import english
from .extract import DEFAULT_THRESHOLD, FrenchTerms, analyse_french, rank_entries
from .acronyms import is_acronym
from .candidates import definitions, term_key
from .wordalign import WordAligner, words

_SAME_LENGTH = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " "})
MIN_CONFIDENCE = 0.25
COMPOUND_TRANSLATION_BOOST = 1.5
_FREE_IN_TRANSLATION = 0.5
_CONFIDENT = 0.75  # an equivalent this sure is taken as the translation of the whole term
_FRENCH_COMPLEMENT = re.compile(r"(?<!\w)(?:(?:de|du|des|à|pour|contre|en)(?!\w)|d')", re.IGNORECASE)
_CLAIM = 0.5  # link strength at which an English word is taken as translating a word of the term
# French words that carry no lexical content of a term: they are not asked to align.
_FRENCH_FUNCTION_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "à", "pour", "contre", "en", "et"})
_DEFINITION_CONFIDENCE = 0.95
_COOCCURRENCE_WEIGHT = 0.3  # at most; alignment weighs the rest
_OPEN_COMPOUND_FLOOR = 0.75  # above a piece (*cyber* is 0.59 of *cyberattaque*), below *cyber attack* (0.78)
_HEAD_AGREEMENT_WEIGHT = 0.5
_OPEN_COMPOUND_GAIN = 0.1  # over the best word alone: every word of an open compound adds to the match


@dataclass(slots=True)
class _Proposal:
    text: str
    acronym: bool
    forms: list[str] = field(default_factory=list)  # every spelling seen (singular, plural, capitals)
    alignment: list[float] = field(default_factory=list)  # its best score in each pair that has it
    pairs: list[int] = field(default_factory=list)


def build_glossary(
    pairs: Sequence[Context], *, memory: Sequence[Context] = (), threshold: float | None = None
) -> list[Entry]:
    """French term entries of ``pairs`` with their English equivalents (evidence: pairs + memory)."""
    analysis = analyse_french(pairs)
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    # entries that only the translation evidence below can lift over the threshold are scored too
    floor = limit / COMPOUND_TRANSLATION_BOOST
    everything = [(c.fr, c.en) for c in (*pairs, *memory) if c.fr and c.en]
    views = _PairViews(pairs, WordAligner(everything))
    folded_en = [normalize_for_match(en) for _, en in everything]
    folded_fr = [normalize_for_match(fr) for fr, _ in everything]
    acronym_pairs = _acronym_pairs(pairs, analysis)
    translations: dict[str, list[Term]] = {}

    def translate(entry: Entry) -> list[Term]:
        key = entry.terms[0].text
        if key not in translations:
            translations[key] = _equivalents(entry, pairs, views, acronym_pairs, folded_fr, folded_en)
        return translations[key]

    # Free phrases shown by the translation: one translated by a piece of itself (the piece is the
    # term, whatever it is nested in), or by the very equivalent of a candidate nested in it, and an
    # article complement that English keeps as a complement. Every candidate is asked, so that a
    # score does not depend on the threshold.
    article = {key for key, candidate in analysis.candidates.items() if candidate.article_complement}
    everyone = rank_entries(analysis, pairs, top=None, threshold=0.0)
    echoes = _translated_as_nested(everyone, translate)
    analysis.rescore(echoes | {
        key
        for key, entry in ((term_key(e.terms[0].text), e) for e in everyone)
        if _translation_coverage(entry, translate(entry)) < 1
        or (key in article and _kept_as_complement(entry, translate(entry)))
    })
    entries = rank_entries(analysis, pairs, top=None, threshold=floor)
    for entry in entries:
        entry.terms.extend(translate(entry))
        key = term_key(entry.terms[0].text)
        evidence = translation_evidence(entry, article_complement=key in article, echoes_nested=key in echoes)
        entry.score = round(entry.score * evidence, 4)
    entries = [e for e in entries if e.score >= limit]
    entries.sort(key=lambda e: (-e.score, e.terms[0].text.casefold()))
    return entries


def _translated_as_nested(entries: Sequence[Entry], translate) -> set[str]:
    """Keys of entries whose full-form equivalent is that of a shorter entry nested in them, and no
    surer there (*cyberdéfense de l'Alliance* ↔ *cyber defence*, as *cyberdéfense*): the English
    renders the piece. Surer for the longer entry, it is the longer one's (*technologie émergente et
    de rupture* ↔ *emerging and disruptive technology*)."""
    equivalents = {}
    for entry in entries:
        full = [t for t in translate(entry) if t.term_type is TermType.FULL_FORM]
        if full and entry.terms_in("fr")[0].term_type is TermType.FULL_FORM:
            equivalents[term_key(entry.terms[0].text)] = (full[0].text.casefold(), full[0].confidence)
    return {
        longer
        for longer, (english_text, confidence) in equivalents.items()
        for shorter, (other, other_confidence) in equivalents.items()
        if other == english_text and other_confidence >= confidence
        and len(shorter) < len(longer) and _contains(longer, shorter)
    }


def translation_evidence(
    entry: Entry, *, article_complement: bool = False, echoes_nested: bool = False
) -> float:
    """How the translation bears on termhood, as a factor of the entry's score (Entry with English).

    Translation consistency is termhood evidence: a term has a clean, sure equivalent that renders all
    of it. A compound translation of *N de N* is lexicalised (×1.5, see ``_translated_as_compound``);
    a French complement with an article (``article_complement``) that English keeps as a complement
    is a free phrase in both languages (*importance de l'interopérabilité* ↔ *importance of
    interoperability*, ×0.5); an unsure equivalent counts in proportion to its confidence, and one
    that renders only a piece of the French (*besoin de l'Alliance* ↔ *Alliance*) in proportion to
    the piece; one translated exactly as a shorter candidate nested in it (``echoes_nested``) is a free
    phrase around that term (×0.5)."""
    if echoes_nested:
        return _FREE_IN_TRANSLATION
    if _translated_as_compound(entry):
        return COMPOUND_TRANSLATION_BOOST
    english_terms = entry.terms_in("en")
    confidence = max((t.confidence for t in english_terms), default=0.0)
    factor = min(1.0, max(confidence, MIN_CONFIDENCE) / _CONFIDENT)
    factor *= _translation_coverage(entry, english_terms)
    if article_complement and _kept_as_complement(entry, english_terms):
        factor *= _FREE_IN_TRANSLATION
    return factor


def _kept_as_complement(entry: Entry, english_terms: Sequence[Term]) -> bool:
    """Whether the full-form equivalent of a common (not proper) term has a prepositional complement."""
    full = [t for t in english_terms if t.term_type is TermType.FULL_FORM]
    if not full or entry.terms_in("fr")[0].pos == "properNoun":
        return False
    return any(t.text.lower() in english.PREPOSITIONS for t in english.tokenize(full[0].text))


def _translation_coverage(entry: Entry, english_terms: Sequence[Term]) -> float:
    """English content words of the best full-form equivalent ÷ French content words of the term, at
    most 1: below 1 the equivalent renders a piece (*organisme international* ↔ *international*).
    1 for an entry with an acronym (defined in both languages, its forms may differ)."""
    french = entry.terms_in("fr")
    full = [t for t in english_terms if t.term_type is TermType.FULL_FORM]
    if not full or any(t.term_type is TermType.ACRONYM for t in french):
        return 1.0
    fr_words = _content_chunks(french[0].text, _FRENCH_FUNCTION_WORDS)
    en_words = _content_chunks(full[0].text, english.FUNCTION_WORDS)
    return min(1.0, len(en_words) / len(fr_words)) if fr_words else 1.0


def _content_chunks(text: str, function_words: frozenset[str]) -> list[str]:
    """Words as written between spaces (*sous-marine*, *dual-use* are one), elided articles apart."""
    chunks = text.replace("'", "' ").replace("’", "’ ").split()
    return [c for c in chunks if any(ch.isalnum() for ch in c) and c.lower() not in function_words
            and not c.endswith(("'", "’"))]


def _translated_as_compound(entry: Entry) -> bool:
    """Translation as unithood evidence: a French *N de N* rendered as an English compound (*plan
    d'action* ↔ *action plan*, *cellule de coordination* ↔ *coordination cell*) is lexicalised, while a
    free phrase keeps its preposition (*importance de l'interopérabilité* ↔ *importance of
    interoperability*). The compound must translate the whole term, not a nested piece of it."""
    french = [t for t in entry.terms_in("fr") if t.term_type is TermType.FULL_FORM]
    english_terms = [t for t in entry.terms_in("en") if t.term_type is TermType.FULL_FORM]
    if not french or not english_terms or french[0].pos == "properNoun":
        return False
    fr, en = french[0].text, english_terms[0]
    if en.confidence < _CONFIDENT or not _FRENCH_COMPLEMENT.search(fr.replace("’", "'")):
        return False
    en_words = [t for t in english.tokenize(en.text) if t.content]
    if any(t.text.lower() in english.PREPOSITIONS for t in english.tokenize(en.text)):
        return False
    fr_words = [w for w in fr.split() if w.lower() not in _FRENCH_FUNCTION_WORDS]
    return len(en_words) >= len(fr_words) >= 2


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


def _equivalents(entry, pairs, views, acronym_pairs, folded_fr, folded_en) -> list[Term]:
    french = entry.terms_in("fr")
    found = []
    for term in french:
        if term.term_type is TermType.ACRONYM and term.text in acronym_pairs:
            acronym, full = acronym_pairs[term.text]
            found.append(_defined(acronym, TermType.ACRONYM, pairs))
            if full.casefold() != acronym.casefold():
                found.append(_defined(full, TermType.FULL_FORM, pairs))
    if found:
        return _unique(found)
    full_forms = [t for t in french if t.term_type is TermType.FULL_FORM] or french
    best = _best_span(full_forms[0], pairs, views, folded_fr, folded_en)
    return [best] if best else []


def _defined(text: str, term_type: TermType, pairs: Sequence[Context]) -> Term:
    key = normalize_for_match(text)
    supporting = [c for c in pairs if _contains(normalize_for_match(c.en), key)]
    return Term(
        text=text,
        lang="en",
        term_type=term_type,
        pos="noun",
        confidence=_DEFINITION_CONFIDENCE,
        forms=[text],
        frequency=len(supporting),
        contexts=supporting[:3],
    )


def _unique(terms: list[Term]) -> list[Term]:
    seen, out = set(), []
    for term in terms:
        if term.text.casefold() not in seen:
            seen.add(term.text.casefold())
            out.append(term)
    return out


def _best_span(term: Term, pairs, views, folded_fr, folded_en) -> Term | None:
    proposals: dict[str, _Proposal] = {}
    supporting_pairs = _pairs_of(term, pairs)
    for number in supporting_pairs:
        best_in_pair: dict[str, tuple[float, str, bool]] = {}
        for text, strength, span_is_acronym in _scored_spans(term, views.get(number), views.aligner):
            key = _proposal_key(text)
            if strength > best_in_pair.get(key, (-1.0,))[0]:
                best_in_pair[key] = (strength, text, span_is_acronym)
        for key, (strength, text, span_is_acronym) in best_in_pair.items():
            proposal = proposals.setdefault(key, _Proposal(text, span_is_acronym))
            if text not in proposal.forms:
                proposal.forms.append(text)
            proposal.pairs.append(number)
            proposal.alignment.append(strength)
    if not proposals:
        return None
    french_keys = [normalize_for_match(form) for form in {term.text, *term.forms}]
    with_term = {i for i, fr in enumerate(folded_fr) if any(_contains(fr, k) for k in french_keys)}
    best, confidence = None, 0.0
    for key, proposal in proposals.items():
        # the best local evidence, and how regularly the span recurs across the term's pairs
        alignment = (max(proposal.alignment) + sum(proposal.alignment) / len(supporting_pairs)) / 2
        english_key = normalize_for_match(proposal.text)
        with_span = {i for i, en in enumerate(folded_en) if _contains(en, english_key)}
        together = len(with_term & with_span)
        dice = 2 * together / (len(with_term) + len(with_span)) if with_span else 0.0
        # one shared pair is no co-occurrence evidence (every span of that pair has Dice 1): the
        # weight of Dice grows with the pairs that show it
        weight = _COOCCURRENCE_WEIGHT * (1 - 1 / together) if together else _COOCCURRENCE_WEIGHT
        value = (1 - weight) * alignment + weight * dice
        if term.term_type is TermType.ACRONYM and not proposal.acronym:
            value *= 0.5
        if value > confidence:
            best, confidence = proposal, value
    if best is None or confidence < MIN_CONFIDENCE:
        return None
    text = best.text
    if term.text not in term.forms and not best.acronym:
        text = english.singular(text)  # the French was only seen in the plural: name both in the singular
    return Term(
        text=text,
        lang="en",
        pos="noun",
        term_type=TermType.ACRONYM if best.acronym else TermType.FULL_FORM,
        confidence=round(min(1.0, confidence), 3),
        forms=list(dict.fromkeys([text, *best.forms])),
        frequency=len(best.pairs),
        contexts=[pairs[i] for i in best.pairs[:3]],
    )


def _pairs_of(term: Term, pairs: Sequence[Context]) -> list[int]:
    keys = [normalize_for_match(form) for form in {term.text, *term.forms}]
    return [i for i, c in enumerate(pairs) if c.en and any(_contains(normalize_for_match(c.fr), k) for k in keys)]


@lru_cache(maxsize=16384)
def _word_pattern(needle: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")


def _contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words (*air* is not in *militaire*)."""
    return needle in haystack and _word_pattern(needle).search(haystack) is not None


@dataclass(slots=True)
class _PairView:
    """One sentence pair as the equivalent finder sees it, computed once per pair."""

    context: Context
    fr_words: list
    en_tokens: list
    en_words: list
    link: list[list[float]]
    spans: list[tuple[int, int]]


class _PairViews:
    def __init__(self, pairs: Sequence[Context], aligner: WordAligner):
        self.pairs, self.aligner, self.cache = pairs, aligner, {}

    def get(self, number: int) -> _PairView:
        if number not in self.cache:
            context = self.pairs[number]
            fr_words, en_words = words(context.fr), words(context.en)
            en_tokens = english.tokenize(context.en)
            link = self.aligner.links([w.text for w in fr_words], [w.text for w in en_words])
            spans = list(english.candidate_spans(en_tokens))
            self.cache[number] = _PairView(context, fr_words, en_tokens, en_words, link, spans)
        return self.cache[number]


@lru_cache(maxsize=16384)
def _proposal_key(text: str) -> str:
    return stem(fold(text))  # *Centre of Excellence* and *Centres of Excellence* are one proposal


def _scored_spans(term: Term, view: _PairView, aligner: WordAligner):
    """(span text, alignment F-measure, is acronym) for every English span of the pair."""
    context, en_tokens, en_words, link = view.context, view.en_tokens, view.en_words, view.link
    inside = _term_positions(term, context.fr, view.fr_words)
    if not inside:
        return
    outside = [i for i in range(len(view.fr_words)) if i not in inside]
    french_head = words(term.text)[0].text  # French terms are head-first
    en_index = {w.start: j for j, w in enumerate(en_words)}
    best_in = [max(link[i][j] for i in inside) for j in range(len(en_words))]
    best_out = [max((link[i][j] for i in outside), default=0.0) for j in range(len(en_words))]
    best_anywhere = {i: max(link[i], default=0.0) for i in inside}
    # A translation has about as many content words as the term (*menace hybride* ↔ *hybrid threat*),
    # or as the English words the term's words claim (*cyberdéfense* ↔ *cyber defence*).
    claimed = sum(1 for j in range(len(en_words)) if best_in[j] >= _CLAIM and best_in[j] > best_out[j])
    expected = max(claimed, len([w for w in term.text.split() if w.lower() not in _FRENCH_FUNCTION_WORDS]))
    spans = []
    for start, end in view.spans:
        span_words = [en_index[t.start] for t in en_tokens[start:end] if t.content and t.start in en_index]
        if span_words:
            closed = " " not in term.text and len(span_words) > 1
            compound = _open_compound_cognate(term.text, en_tokens[start:end]) if closed else 0.0
            spans.append((start, end, span_words, compound))
    # a closed compound spelt open in the pair (*cyber attack*) is as long as the term: a piece is not
    expected = max([expected] + [len(span_words) for _, _, span_words, compound in spans if compound])
    for start, end, span_words, compound in spans:
        precision = sum(best_in[j] / (best_in[j] + best_out[j] + 1e-9) for j in span_words) / len(span_words)
        recall = sum(
            max(link[i][j] for j in span_words) / (best_anywhere[i] + 1e-9) for i in inside
        ) / len(inside)
        if precision + recall == 0:
            continue
        f_measure = 2 * precision * recall / (precision + recall)
        f_measure += (1 - f_measure) * compound  # two independent evidences of the same link (noisy-or)
        span = en_tokens[start:end]
        # translation consistency: the English head goes with the French head across the pairs
        head_agreement = aligner.dice(french_head, span[english.head_index(span)].text)
        f_measure += (1 - f_measure) * _HEAD_AGREEMENT_WEIGHT * head_agreement
        length_match = min(len(span_words), expected) / max(len(span_words), expected)
        yield (
            english.span_text(context.en, en_tokens, start, end),
            f_measure * english.shape(span) * (0.5 + 0.5 * length_match),
            end - start == 1 and is_acronym(span[0].text),
        )


def _open_compound_cognate(french_word: str, span) -> float:
    """Similarity of a French closed compound to an English span read as one word (*cyberdéfense* ↔
    *cyber defence*), 0 below ``_OPEN_COMPOUND_FLOOR`` or when the span matches little better than its
    best word alone (*prepositioning equipment* is *prepositioning* and more, not a compound)."""
    french = fold(french_word)
    parts = [fold(t.text) for t in span if t.text != "-"]
    similarity = ratio(french, "".join(parts)) / 100
    best_part = max(ratio(french, part) / 100 for part in parts)
    if similarity < _OPEN_COMPOUND_FLOOR or similarity < best_part + _OPEN_COMPOUND_GAIN:
        return 0.0
    return similarity


def _term_positions(term: Term, sentence: str, fr_words) -> set[int]:
    """Indices of the alignment words covered by the term's first occurrence in the sentence."""
    folded = _offset_fold(sentence)
    for form in sorted({term.text, *term.forms}, key=len, reverse=True):
        at = folded.find(_offset_fold(form))
        if at >= 0:
            end = at + len(form)
            return {
                i
                for i, w in enumerate(fr_words)
                if at <= w.start < end and w.text not in _FRENCH_FUNCTION_WORDS
            }
    return set()


def _offset_fold(text: str) -> str:
    """Case and apostrophe folding that keeps every character at its offset."""
    return text.translate(_SAME_LENGTH).lower()
