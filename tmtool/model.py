"""The nouns of tmtool, defined once.

Everything between the readers and the writers speaks in these types; no algorithm knows which
file format its text came from (formats are filters at the edges).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class Document:
    """A document as read from disk: its text as paragraphs, nothing else of its format."""

    path: str
    paragraphs: tuple[str, ...]
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or heading, list item …) of a document."""

    text: str
    paragraph: int  # 0-based index of the paragraph it comes from
    index: int  # 0-based position among the document's segments


@dataclass(frozen=True, slots=True)
class Bead:
    """An alignment link: source segment indices ↔ target segment indices (either side may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0

    @property
    def kind(self) -> str:
        """The bead type as aligners name it: "1-1", "2-1", "0-1" …"""
        return f"{len(self.src)}-{len(self.tgt)}"

    def gold_format(self) -> str:
        """The one-line form of the shared gold sets: ``[0, 1]:[2]``."""
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]"


@dataclass(frozen=True, slots=True)
class Variant:
    """A unit's text in one more language than its source and target (a TMX ``<tu>`` with three or
    more ``<tuv>``s); ``markup`` as for ``Unit.source_markup``."""

    lang: str
    text: str
    markup: str | None = None


@dataclass(slots=True)
class Unit:
    """A translation unit: a source text and its translation, with provenance."""

    source: str
    target: str
    srclang: str
    tgtlang: str
    tuid: str | None = None
    created: datetime | None = None
    changed: datetime | None = None
    # provenance and bead facts, written to TMX as x- props (x-document, x-paragraph, x-bead, x-confidence)
    props: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # the inner XML of each side's TMX <seg> when it holds inline elements (bpt, ept, ph, it, hi,
    # ut), kept verbatim so that a tagged memory is written back as it was read; None for plain text.
    # ``source`` and ``target`` stay the plain text, which is all that search and look-up see.
    source_markup: str | None = None
    target_markup: str | None = None
    # the unit in its other languages, beyond source and target, in the order read
    variants: list[Variant] = field(default_factory=list)


class TermType(str, Enum):
    FULL_FORM = "fullForm"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"


class UsageStatus(str, Enum):
    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"


class ReviewStatus(str, Enum):
    CANDIDATE = "candidate"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(slots=True)
class Context:
    """A sentence pair that shows a term in use, with where it came from."""

    fr: str
    en: str = ""
    document: str = ""
    unit: str = ""


@dataclass(slots=True)
class Term:
    """One designation of a concept in one language."""

    text: str
    lang: str  # the base language: "fr", "en", "de" …
    pos: str = "noun"  # TBX picklist values: noun, verb, adjective, adverb, properNoun, other
    gender: str | None = None  # masculine / feminine, for French nouns
    term_type: TermType = TermType.FULL_FORM
    usage: UsageStatus = UsageStatus.PREFERRED
    lemma: str | None = None
    forms: list[str] = field(default_factory=list)  # every surface form seen
    confidence: float | None = None  # for an English equivalent: how sure the extractor is
    frequency: int = 0  # for an English equivalent: sentence pairs in which it translates the entry
    contexts: list[Context] = field(default_factory=list)  # for an equivalent: pairs that support it


@dataclass(slots=True)
class Entry:
    """A concept-oriented glossary entry (as in NATOTerm and TBX): terms in both languages."""

    terms: list[Term]
    id: str | None = None
    status: ReviewStatus = ReviewStatus.CANDIDATE
    definition: str | None = None
    note: str | None = None
    frequency: int = 0
    score: float = 0.0
    contexts: list[Context] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    version: int = 0  # the stored entry's version (0: not stored); an update names it to detect conflicts

    def terms_in(self, lang: str) -> list[Term]:
        return [t for t in self.terms if t.lang == lang]
