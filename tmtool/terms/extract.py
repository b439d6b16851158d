"""Monolingual French extraction: candidates → ranked glossary entries (French side only)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from ..model import Context, Entry, Term, TermType
from . import french
from .candidates import Candidate, collect
from .termhood import DEFAULT_THRESHOLD, score, word_counts

CONTEXTS_PER_TERM = 3


@dataclass(slots=True)
class FrenchTerms:
    """What the extraction knows about the input, kept for the English side."""

    candidates: dict[str, Candidate]
    scores: dict[str, float]
    tokens: list[list[french.Token]]
    documents: dict[str, set[str]]  # candidate key → documents it was seen in
    words: Counter  # lower-cased word → its frequency in the input

    def rescore(self, free_phrases: set[str]) -> None:
        """Score again, knowing more phrases to be free (their nested pieces are terms of their own)."""
        self.scores = score(self.candidates, self.documents, self.words, free_phrases)


def analyse_french(sentences: Sequence[Context]) -> FrenchTerms:
    texts = [c.fr for c in sentences]
    tokens = french.analyse(texts)
    candidates = collect(tokens, texts)
    documents: dict[str, set[str]] = defaultdict(set)
    for candidate in candidates.values():
        for o in candidate.occurrences:
            documents[candidate.key].add(sentences[o.sentence].document)
    words = word_counts(t.text for sentence in tokens for t in sentence if any(c.isalpha() for c in t.text))
    return FrenchTerms(candidates, score(candidates, documents, words), tokens, documents, words)


def extract_french(
    sentences: Sequence[Context], *, top: int | None = None, threshold: float | None = None
) -> list[Entry]:
    """Ranked French term entries of the sentences (their English side is not used)."""
    analysis = analyse_french(sentences)
    return rank_entries(analysis, sentences, top=top, threshold=threshold)


def rank_entries(
    analysis: FrenchTerms, sentences: Sequence[Context], *, top: int | None, threshold: float | None
) -> list[Entry]:
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    entries = [
        _entry(group, analysis, sentences)
        for group in _concepts(analysis)
        if max(analysis.scores[c.key] for c in group) >= limit
    ]
    entries.sort(key=lambda e: (-e.score, e.terms[0].text.casefold()))
    return entries[:top] if top is not None else entries


def _concepts(analysis: FrenchTerms) -> list[list[Candidate]]:
    """Candidates grouped by concept: a full form with the acronym defined for it, else alone."""
    candidates = analysis.candidates
    groups: dict[str, list[Candidate]] = {}
    attached = set()
    for candidate in candidates.values():
        if candidate.acronym and candidate.defined_by:
            full = max(candidate.defined_by, key=lambda k: (candidates[k].frequency, k))
            groups.setdefault(full, [candidates[full]]).append(candidate)
            attached.update({candidate.key, full})
    for candidate in candidates.values():
        if candidate.key not in attached:
            groups[candidate.key] = [candidate]
    return list(groups.values())


def _entry(group: list[Candidate], analysis: FrenchTerms, sentences: Sequence[Context]) -> Entry:
    occurrences = sorted({o.sentence for c in group for o in c.occurrences})
    return Entry(
        terms=[french_term(c) for c in group],
        frequency=sum(c.frequency for c in group),
        score=round(max(analysis.scores[c.key] for c in group), 4),
        contexts=[sentences[i] for i in occurrences[:CONTEXTS_PER_TERM]],
    )


def french_term(candidate: Candidate) -> Term:
    head = candidate.head
    return Term(
        text=candidate.text,
        lang="fr",
        pos="properNoun" if candidate.name else "noun",
        gender=candidate.gender,
        term_type=TermType.ACRONYM if candidate.acronym else TermType.FULL_FORM,
        lemma=head.lemma if not candidate.name else head.text,
        forms=[form for form, _ in candidate.forms.most_common()],
    )
