"""Monolingual French extraction: candidates → ranked glossary entries (French side only).

Names of persons stay among the entries, where the bilingual glossary leaves them out
(``tmtool.terms.persons``): a domain's term list may hold its named entities (ACTER's does: riders
and horses in dressage), and leaving them out lowers F1 on every ACTER DEV half (bench/README.md,
ninth round)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from ..model import Context, Entry, Term, TermType
from ..progress import Progress, Step
from ..text.normalize import spellings
from . import french
from .candidates import Candidate, collect, term_key
from .termhood import DEFAULT_THRESHOLD, nesting, score, word_counts

CONTEXTS_PER_TERM = 3
# sentences analysed at a time, so that progress can be told between: the French model's own batch
# size, so that spaCy sees the very batches it would make of the whole list
ANALYSIS_CHUNK = 256


@dataclass(slots=True)
class FrenchTerms:
    """What the extraction knows about the input, kept for the English side."""

    candidates: dict[str, Candidate]
    scores: dict[str, float]
    tokens: list[list[french.Token]]
    documents: dict[str, set[str]]  # candidate key → documents it was seen in
    words: Counter  # lower-cased word → its frequency in the input
    units: dict[str, float]  # candidate key → its score read as a unit of its own (``termhood.score``)


def analyse_french(sentences: Sequence[Context], progress: Progress | None = None,
                   tokens: list[list[french.Token]] | None = None,
                   aligned: Callable[[list[list[french.Token]]], dict[int, set[tuple[int, int]]]] | None = None,
                   patterns: Mapping[str, float] | None = None) -> FrenchTerms:
    """``progress`` hears of the sentences analysed, out of all, and of the document they are from.
    ``tokens``: the sentences' French analysis, made already (``french.analysing``). ``aligned``, given
    the analysis, tells the token spans of each sentence that the translation shows to be phrases
    (``equivalents.aligned_spans``): candidates too, where the parse did not make them. ``patterns``: the
    weights of part-of-speech patterns ``termhood.score`` takes (the bilingual glossary's)."""
    texts = [c.fr for c in sentences]
    if tokens is None:
        tokens = []
        written = spellings(texts)  # of the whole input, as one ``french.analyse`` call would see it
        for start in range(0, len(texts), ANALYSIS_CHUNK):
            if progress:
                progress(Step(start, len(texts), start, sentences[start].document))
            tokens += french.analyse(texts[start:start + ANALYSIS_CHUNK], written)
    if progress:
        progress(Step(len(texts), len(texts), len(texts)))
    candidates = collect(tokens, texts, aligned(tokens) if aligned else None)
    documents: dict[str, set[str]] = defaultdict(set)
    for candidate in candidates.values():
        for o in candidate.occurrences:
            documents[candidate.key].add(sentences[o.sentence].document)
    words = word_counts(t.text for sentence in tokens for t in sentence if any(c.isalpha() for c in t.text))
    units: dict[str, float] = {}
    scores = score(candidates, documents, words, tokens, units, patterns)
    return FrenchTerms(candidates, scores, tokens, documents, words, units)


def extract_french(
    sentences: Sequence[Context], *, top: int | None = None, threshold: float | None = None,
    progress: Progress | None = None,
) -> list[Entry]:
    """Ranked French term entries of the sentences (their English side is not used).

    ``top`` keeps the N best-ranked terms whatever their score (an acronym is a term apart from its
    full form, as it is a row of ``tmtool extract``); without it, the entries scoring ``threshold``
    (default :data:`DEFAULT_THRESHOLD`) or more are kept."""
    analysis = analyse_french(sentences, progress)
    return rank_entries(analysis, sentences, top=top, threshold=threshold)


def rank_entries(
    analysis: FrenchTerms, sentences: Sequence[Context], *, top: int | None, threshold: float | None
) -> list[Entry]:
    # asked for the N best, a person wants N rows, not the few over a threshold they never set
    default = DEFAULT_THRESHOLD if top is None else float("-inf")
    entries = concept_entries(analysis, sentences, default if threshold is None else threshold)
    entries.sort(key=ranking)
    entries = without_name_pieces(entries, analysis)
    return entries if top is None else _first_terms(entries, top)


def concept_entries(analysis: FrenchTerms, sentences: Sequence[Context], limit: float) -> list[Entry]:
    """An entry for each concept (``_concepts``) scoring ``limit`` or more, unranked."""
    return [_entry(group, analysis, sentences) for group in _concepts(analysis)
            if max(analysis.scores[c.key] for c in group) >= limit]


def ranking(entry: Entry) -> tuple[float, str]:
    """The order of a ranked list of entries: best first, then alphabetical."""
    return -entry.score, entry.terms[0].text.casefold()


def without_name_pieces(entries: list[Entry], analysis: FrenchTerms) -> list[Entry]:
    """Ranked entries less those that are only ever pieces of a name ranked above them. A name (a
    capitalised designation, an acronym's full form) is closed: a phrase cutting across it is no phrase
    of the text (*défi de l'Accélérateur d'innovation de défense* in *le défi de l'Accélérateur
    d'innovation de défense pour l'Atlantique Nord*), nor is a piece it goes on from (``nesting``:
    *innovation de défense pour l'Atlantique*). A phrase it holds whole as a complement may be a term of
    its own (*engins explosifs improvisés* in *Centre d'excellence de lutte contre les engins explosifs
    improvisés*), and a phrase also seen outside names stays."""
    names: dict[int, list[tuple[int, int]]] = defaultdict(list)  # sentence → token spans of the names kept

    def named(sentence: int, start: int, end: int) -> bool:
        for s, e in names[sentence]:
            if start < e and s < end and not (start <= s and e <= end):  # inside the name or across it
                inside = s <= start and end <= e
                if not inside or nesting(analysis.tokens[sentence], (start, end), (s, e)) != "complement":
                    return True
        return False

    kept = []
    for entry in entries:
        group = [analysis.candidates[term_key(t.text)] for t in entry.terms if t.lang == "fr"]
        if all(named(o.sentence, o.start, o.end) for c in group for o in c.occurrences):
            continue
        kept.append(entry)
        for c in group:
            if c.defined_by or c.name and c.text[:1].isupper():
                for o in c.occurrences:
                    names[o.sentence].append((o.start, o.end))
    return kept


def _first_terms(entries: list[Entry], count: int) -> list[Entry]:
    """The first ``count`` terms of ranked entries: the entry at the cut keeps its first terms."""
    kept = []
    for entry in entries:
        if count <= 0:
            break
        if len(entry.terms) > count:
            entry.terms = entry.terms[:count]
        kept.append(entry)
        count -= len(entry.terms)
    return kept


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
    terms = [french_term(c) for c in group]
    full_form = terms[0]
    for term in terms[1:]:  # a French acronym takes the gender of its full form's head (le CTO: le Comité)
        term.gender = full_form.gender or term.gender
    return Entry(
        terms=terms,
        frequency=sum(c.frequency for c in group),
        score=round(max(analysis.scores[c.key] for c in group), 4),
        contexts=[sentences[i] for i in occurrences[:CONTEXTS_PER_TERM]],
    )


def french_term(candidate: Candidate) -> Term:
    head = candidate.head
    return Term(
        text=candidate.text,
        lang="fr",
        pos="properNoun" if candidate.name else "adjective" if head.pos == "ADJ" and not head.nominal else "noun",
        gender=candidate.gender,
        term_type=TermType.ACRONYM if candidate.acronym else TermType.FULL_FORM,
        lemma=head.lemma if not candidate.name else head.text,
        forms=[form for form, _ in candidate.forms.most_common()],
    )
