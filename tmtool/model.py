"""The nouns of tmtool, defined once.

Everything between the readers and the writers speaks in these types; no algorithm knows which
file format its text came from (formats are filters at the edges).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Iterable


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class Document:
    """A document as read from disk: its text as paragraphs, and which of them are a table row's cells."""

    path: str
    paragraphs: tuple[str, ...]
    lang: str | None = None
    # a table cell is a paragraph of its own; each row whose cells with text are one paragraph each is
    # its cells' paragraph indices, left to right (a list of abbreviations is read by the row)
    rows: tuple[tuple[int, ...], ...] = ()


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
    # provenance and bead facts, written to TMX as x- props (x-document, x-paragraph, x-bead, x-confidence);
    # a type a TMX <tu> repeats holds the list of its values, and "@creationid" … the <tu>'s attributes
    props: dict[str, str | list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # the inner XML of each side's TMX <seg> when it holds inline elements (bpt, ept, ph, it, hi,
    # ut), kept verbatim so that a tagged memory is written back as it was read; None for plain text.
    # ``source`` and ``target`` stay the plain text, which is all that search and look-up see.
    source_markup: str | None = None
    target_markup: str | None = None
    # the unit in its other languages, beyond source and target, in the order read
    variants: list[Variant] = field(default_factory=list)

    def prop_values(self, kind: str) -> list[str]:
        """The values of one of ``props``: its value, the list of them for a type repeated, none for one not held."""
        held = self.props.get(kind)
        return held if isinstance(held, list) else [] if held is None else [held]


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
    """A sentence pair that shows a term in use, with where it came from: ``fr`` in the language ``lang``,
    ``en`` its English. ``lang`` None (contexts stored before it was kept, extraction's before they are
    stored): the language :func:`sentence_language` gives it — an entry's context's, the entry's
    ``context_language``; a term's own, that term's language (its first sentence of a pair, an English
    term's: the entry's context language). Once given, a context's language stays whatever becomes of the
    entry's terms (an edit, a merge: ``glossary``)."""

    fr: str
    en: str = ""
    document: str = ""
    unit: str = ""
    lang: str | None = None


# A term's part of speech and gender as tools and people write them — TBX's picklists (partOfSpeech,
# grammaticalGender), Phrase's PROPER_NOUN, MultiTerm's Noun, a spreadsheet's "adj." or "f", in English or
# French — by their folded spelling (case, accents, spaces, "_", "-" and "." left out). Any other value is
# kept as written: a termbase's own category (numeral, phrase) is no mistake.
_PARTS_OF_SPEECH = {spelling: value for value, spellings in (
    ("noun", "noun n nom substantive substantif commonnoun nomcommun"),
    ("properNoun", "propernoun pn nompropre"),
    ("verb", "verb v verbe"),
    ("adjective", "adjective adj adjectif"),
    ("adverb", "adverb adv adverbe"),
    ("other", "other autre"),
) for spelling in spellings.split()}
_GENDERS = {spelling: value for value, spellings in (
    ("masculine", "masculine m masc masculin"),
    ("feminine", "feminine f fem feminin"),
    ("neuter", "neuter n neut neutre neutral"),
    ("other", "other othergender autre"),
) for spelling in spellings.split()}


def _spelling(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in " _-.")


# a picklist's value for "not said" (Acrolinx's and MultiTerm termbases' "undefined"): no part of speech or gender,
# as an empty field, not a value of its own (a TBX export wrote it as "other": the term neither noun nor verb)
_UNSAID = frozenset(("undefined", "unspecified", "unknown"))


def said_as_known(written: str, kind: str) -> str | None:
    """``written`` (a gender, ``kind`` "gender", or a part of speech) as one of the values the model names, or
    saying none (empty, ``undefined``): None; else what to say of it. A termbase's own category is kept as a
    file writes it, but a person setting one by hand (``glossary edit --gender plural``) made a slip."""
    spellings = _GENDERS if kind == "gender" else _PARTS_OF_SPEECH
    if not written.strip() or _spelling(written) in _UNSAID or _spelling(written) in spellings:
        return None
    values = ", ".join(dict.fromkeys(spellings.values()))
    return f"{written!r} is no {kind}: give one of {values} (or clear it with LANG=)"


def part_of_speech(written: str) -> str:
    """A term's part of speech as the model names it (``Noun``, ``adj.``, ``nom propre`` → ``noun``,
    ``adjective``, ``properNoun``); ``noun`` for an empty one or one saying none (``undefined``), any other
    value as written."""
    if not written.strip() or _spelling(written) in _UNSAID:
        return "noun"
    return _PARTS_OF_SPEECH.get(_spelling(written), written.strip())


def grammatical_gender(written: str | None) -> str | None:
    """A term's gender as the model names it (``m``, ``Féminin``, ``neutre`` → ``masculine``,
    ``feminine``, ``neuter``); None for an empty one or one saying none (``undefined``), any other value as
    written."""
    if not written or not written.strip() or _spelling(written) in _UNSAID:
        return None
    return _GENDERS.get(_spelling(written), written.strip())


# A unit's props that keep what the header of the memory it came from said (formats.tmx: a TMX header's props as
# HEADER_PROP + type, its attributes as HEADER_PROP + "@" + name, its notes as HEADER_NOTE): the same for every unit
# of a memory, which a store holds once an import (store.rows.stored_props)
HEADER_PROP = "x-tmx-header:"
HEADER_NOTE = "x-tmx-header-note"
# the prop by which memoQ names the document a unit was translated in (its TMX's x-document: the .tmx file was only
# the memory's way here)
DOCUMENT_PROP = "x-document"
# the props holding a unit's context, the source segments before and after it: memoQ's ContexTM (on the source
# <tuv>, each as its <seg>, escaped), MateCat's (on the <tu>, as plain text). The same texts in another context
# are another unit to these tools (memoQ offers a 101% match only where the context matches too), so they are
# one to the store as well (store.records.unit_content_key).
CONTEXT_PROPS = ("x-context-pre", "x-context-post")


def header_said(kind: str) -> bool:
    """Whether a unit's prop of type ``kind`` keeps what its memory's header said (:data:`HEADER_PROP`,
    :data:`HEADER_NOTE`)."""
    return kind.startswith(HEADER_PROP) or kind == HEADER_NOTE


# who created an entry and who last changed it, by the transaction (TBX's transacGrp: origination, modification):
# the model has no field for them, so they are lines of the entry's note, each after its label ("Created by:
# clambert"), as memoQ's Entry_Creator and Entry_Modifier are read; a TBX writes them as its transacGrp's
# responsibility, and reads that back so
RESPONSIBLE_LABELS = {"origination": "Created by", "modification": "Modified by"}
# and an entry's id in its termbase where it is no id a store could keep (memoQ's Entry_ID, IATE-1118513): a line of
# its note after this label, which a TBX writes and glossary import reads back as the entry's id in its file (here,
# not in formats.tbx, so that the glossary's rules import no lxml: look-up is a command a translator runs all day)
ID_LABEL = "ID"


def dated_by_transactions(entry: Entry, transactions: Iterable[tuple[str, str, datetime | None]]) -> list[str]:
    """An entry's dates from its transactions (a termbase's transacGrps: kind ``origination`` or ``modification``,
    who, when), and the lines of its note that name who: a termbase keeps a history, several modifications by
    different people. The entry was made by the earliest origination and last changed by the latest modification
    (the last written of those undated or dated alike), each with its own person (:data:`RESPONSIBLE_LABELS`); the
    others stay lines of the note, each with its date (``modification: 2020-06-01, pmorel``).

    >>> entry = Entry(terms=[])
    >>> dated_by_transactions(entry, [("modification", "jdupont", datetime(2023, 11, 15)),
    ...                               ("modification", "pmorel", datetime(2020, 6, 1))])
    ['Modified by: jdupont', 'modification: 2020-06-01, pmorel']
    >>> entry.last_seen
    datetime.datetime(2023, 11, 15, 0, 0)
    """
    transactions = list(transactions)
    chosen = {}
    for kind, latest in (("origination", False), ("modification", True)):
        held = [(at, when) for at, (k, _, when) in enumerate(transactions) if k == kind]
        dated = [(_comparable(when), at) for at, when in held if when is not None]
        if dated:  # the earliest origination (the first written of a date), the latest modification (the last)
            chosen[kind] = (max(dated) if latest else min(dated))[1]
        elif held:
            chosen[kind] = held[-1 if latest else 0][0]
    if "origination" in chosen:
        entry.first_seen = transactions[chosen["origination"]][2] or entry.first_seen
    if "modification" in chosen:
        entry.last_seen = transactions[chosen["modification"]][2] or entry.last_seen
    lines = [f"{RESPONSIBLE_LABELS[kind]}: {transactions[at][1]}" for kind, at in chosen.items() if transactions[at][1]]
    for at, (kind, who, when) in enumerate(transactions):
        said = ", ".join(part for part in (_day_or_moment(when), who) if part)
        if at not in chosen.values() and said:
            lines.append(f"{kind}: {said}")
    return lines


def _comparable(when: datetime) -> datetime:
    """A transaction's date as it compares with the others of one history, which a termbase edited by several
    tools writes as each did (a day, a moment in UTC, one in a time zone): one without a zone read as UTC, as
    Python compares no moment without a zone with one in a zone."""
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


def _day_or_moment(when: datetime | None) -> str:
    """A transaction's date as a termbase gives it: a day alone (TBX's ``2020-06-01``), else the moment."""
    if when is None:
        return ""
    return when.date().isoformat() if when.tzinfo is None and when.time() == datetime.min.time() else when.isoformat()


def responsible_lines(note: str | None, transactions: Iterable[str]) -> tuple[str | None, dict[str, str]]:
    """The note without the first line naming who made each of ``transactions`` (:data:`RESPONSIBLE_LABELS`), and
    who that is by transaction.

    >>> responsible_lines("à revoir\\nCreated by: clambert", ["origination", "modification"])
    ('à revoir', {'origination': 'clambert'})
    """
    if not note:
        return note, {}
    lines, who = note.split("\n"), {}
    for transaction in transactions:
        prefix = RESPONSIBLE_LABELS[transaction] + ": "
        at = next((at for at, line in enumerate(lines) if line.startswith(prefix) and line[len(prefix):].strip()), None)
        if at is not None:
            who[transaction] = lines.pop(at)[len(prefix):].strip()
    return "\n".join(lines) if lines else None, who


# ISO 639-2's "multiple languages": IATE's language of a term that is every language's (a Latin name, a symbol, a
# formula), which an export of any pair writes with the pair's terms
MULTILINGUAL = "mul"


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
    note: str | None = None  # what a termbase says of this term only (a TBX note in its tig/termSec)
    # the language tag its file gave when it says more than ``lang`` (a termbase's en-GB and en-US terms, zh-Hant,
    # sr-Cyrl), kept and written back as it came; ``lang`` stays the base language every look-up and pair compares
    locale: str | None = None


@dataclass(slots=True)
class Entry:
    """A concept-oriented glossary entry (as in NATOTerm and TBX): terms in both languages."""

    terms: list[Term]
    id: str | None = None
    # None: read from a file that gives none (the importer chooses it, see glossary.import_entries)
    status: ReviewStatus | None = ReviewStatus.CANDIDATE
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


def context_language(term_languages: Iterable[str]) -> str:
    """The language of the first sentence of an entry's contexts (``Context.fr``; the second is English), given
    its terms' languages: French where it has a French term (what a French–English extraction proposes), else
    its first language other than English (an English-led extraction's: *minehunter* = *Minenjagdboote* shows
    its German sentence).

    >>> context_language(["en", "fr"]), context_language(["en", "de"]), context_language(["en"])
    ('fr', 'de', 'fr')
    """
    languages = [_base(lang) for lang in term_languages]
    return "fr" if "fr" in languages else next((lang for lang in languages if lang != "en"), "fr")


def _base(tag: str) -> str:
    """A language tag's base language as the model compares them (``de-DE`` → ``de``)."""
    return tag.split("-")[0].lower()


def place_contexts(entry: Entry, read: Iterable[tuple[Term, Context]]) -> None:
    """Give an entry the contexts a termbase file gives its terms, each the sentence read beside a term
    (``fr``) with its English if any: those read beside a term of the entry's context language are the
    entry's, the others their term's own, which keeps each sentence with its language (the German of a
    French, English and German entry with the German term, not as French). A context of a term the
    entry does not hold (a blank one, passed over) is the entry's, not lost.

    >>> fr, en, de = Term("frégate", "fr"), Term("frigate", "en"), Term("Fregatte", "de")
    >>> entry = Entry([fr, en, de])
    >>> place_contexts(entry, [(fr, Context("La frégate appareille.")), (de, Context("Die Fregatte läuft aus."))])
    >>> [c.fr for c in entry.contexts], [c.fr for c in de.contexts]
    (['La frégate appareille.'], ['Die Fregatte läuft aus.'])
    """
    holder = context_language(t.lang for t in entry.terms)
    for term, context in read:
        held = any(term is t for t in entry.terms)
        (entry.contexts if term.lang == holder or not held else term.contexts).append(context)


def sentence_language(context: Context, language: str, term: str | None = None) -> str:
    """The language of a context's first sentence (``fr``): its own ``lang``, else — ``language`` the
    entry's context language — the entry's for the entry's context, its term's for a term's own
    (``term``, its language), but an English term's pair with an English translation, the entry's."""
    if context.lang:
        return context.lang
    return language if term is None or (_base(term) == "en" and context.en) else _base(term)


def held_languages(contexts: Iterable[Context], language: str, term: str | None = None) -> None:
    """Give contexts without a language the one they have now (:func:`sentence_language`), before a
    change of the entry's terms would give them another (an edit, a merge)."""
    for context in contexts:
        context.lang = sentence_language(context, language, term)


def labelled_contexts(entry: dict) -> list[tuple[str, dict]]:
    """The contexts an entry (as :func:`entry_to_dict` gives it) shows, each with the language of its first
    sentence (``fr``): its own, in its context language, then its terms' own (what a termbase gave its
    German or English term), in the term's language — but an English term's pair with an English
    translation, whose first sentence is in the entry's context language. The sentence pairs supporting
    an extracted equivalent (a term with a ``confidence``) are evidence, not shown again.

    >>> german = Term("Fregatte", "de", contexts=[Context("Die Fregatte.")])
    >>> data = entry_to_dict(Entry([Term("frégate", "fr"), german], contexts=[Context("La frégate.", "The frigate.")]))
    >>> [(lang, c["fr"]) for lang, c in labelled_contexts(data)]
    [('fr', 'La frégate.'), ('de', 'Die Fregatte.')]
    """
    language = context_language(t["lang"] for t in entry["terms"])
    return [(sentence_language(context_from_dict(c), language), c) for c in entry["contexts"]] + [
        (sentence_language(context_from_dict(c), language, t["lang"]), c)
        for t in entry["terms"] if t["confidence"] is None for c in t["contexts"]]


# ---- the one JSON form of an entry (CLI --json, the library API, the HTTP API, the history) ------

# entry_to_dict's own keys; every other key of its dict is a language (see entry_to_dict)
ENTRY_KEYS = frozenset({"id", "status", "version", "score", "frequency", "definition", "note", "first_seen",
                        "last_seen", "terms", "contexts"})


def context_to_dict(context: Context) -> dict:
    """A context as JSON; its ``lang`` null where it gives none (see :class:`Context`)."""
    return {"fr": context.fr, "en": context.en, "document": context.document, "unit": context.unit,
            "lang": context.lang}


def context_from_dict(data: dict | list) -> Context:
    """A context from its dict, or from the [fr, en, document, unit] list early history snapshots hold."""
    if isinstance(data, list):
        return Context(*data)
    return Context(data["fr"], data.get("en", ""), data.get("document", ""), data.get("unit", ""), data.get("lang"))


def term_to_dict(term: Term) -> dict:
    return {
        "text": term.text,
        "lang": term.lang,
        "pos": term.pos,
        "gender": term.gender,
        "type": term.term_type.value,
        "usage": term.usage.value,
        "lemma": term.lemma,
        "forms": list(term.forms),
        "confidence": term.confidence,
        "frequency": term.frequency,
        "contexts": [context_to_dict(c) for c in term.contexts],
        "note": term.note,
        **({"locale": term.locale} if term.locale else {}),  # a key only where a file gave a region or script
    }


def term_from_dict(data: dict) -> Term:
    """A term from :func:`term_to_dict`'s dict; only ``text`` and ``lang`` are required."""
    return Term(
        text=data["text"],
        lang=data["lang"],
        pos=data.get("pos") or "noun",
        gender=data.get("gender"),
        term_type=TermType(data.get("type", TermType.FULL_FORM.value)),
        usage=UsageStatus(data.get("usage", UsageStatus.PREFERRED.value)),
        lemma=data.get("lemma"),
        forms=list(data.get("forms") or []),
        confidence=data.get("confidence"),
        frequency=data.get("frequency") or 0,
        contexts=[context_from_dict(c) for c in data.get("contexts") or []],
        note=data.get("note"),
        locale=data.get("locale"),
    )


def entry_to_dict(entry: Entry) -> dict:
    """An entry as plain JSON-ready data, every field of it and of its terms.

    ``terms`` lists the terms in order, each with every field; beside it, for reading at a glance,
    each language of the entry (French and English first) is a key listing that language's terms
    by text, type and usage — but a language spelt like one of the entry's own keys (``id``,
    Indonesian), which only ``terms`` holds.

    >>> data = entry_to_dict(Entry([Term("Comité militaire", "fr"), Term("Military Committee", "en")], id="7"))
    >>> data["fr"], data["status"]
    ([{'text': 'Comité militaire', 'type': 'fullForm', 'usage': 'preferred'}], 'candidate')
    >>> entry_from_dict(data) == Entry([Term("Comité militaire", "fr"), Term("Military Committee", "en")], id="7")
    True
    """
    languages = [lang for lang in dict.fromkeys(["fr", "en", *(t.lang for t in entry.terms)])
                 if lang not in ENTRY_KEYS and entry.terms_in(lang)]
    return {
        "id": entry.id,
        "status": entry.status.value,
        "version": entry.version,
        "score": entry.score,
        "frequency": entry.frequency,
        "definition": entry.definition,
        "note": entry.note,
        "first_seen": iso(entry.first_seen),
        "last_seen": iso(entry.last_seen),
        **{lang: [{"text": t.text, "type": t.term_type.value, "usage": t.usage.value} for t in entry.terms_in(lang)]
           for lang in languages},
        "terms": [term_to_dict(t) for t in entry.terms],
        "contexts": [context_to_dict(c) for c in entry.contexts],
    }


def shown_languages(entry: dict) -> tuple[str, str]:
    """The two languages an entry (as :func:`entry_to_dict` gives it) is shown in, side by side:
    French and English, unless it holds terms in two languages but not both of these (de and es, de
    and fr): then those, French and English first.

    >>> shown_languages(entry_to_dict(Entry([Term("Militärausschuss", "de"), Term("Comité Militar", "es")])))
    ('de', 'es')
    >>> shown_languages(entry_to_dict(Entry([Term("Military Committee", "en"), Term("Militärausschuss", "de")])))
    ('en', 'de')
    """
    held = sorted(dict.fromkeys(t["lang"] for t in entry["terms"]), key=lambda lang: (lang != "fr", lang != "en"))
    return ("fr", "en") if len(held) < 2 or held[:2] == ["fr", "en"] else (held[0], held[1])


def entry_from_dict(data: dict) -> Entry:
    """An entry from :func:`entry_to_dict`'s dict (its ``terms``; the by-language keys are read
    only without them); only the terms are required.

    >>> entry = entry_from_dict({"terms": [{"text": "radar", "lang": "fr"}, {"text": "radar", "lang": "en"}]})
    >>> [(t.lang, t.text) for t in entry.terms], entry.status.value, entry.id
    ([('fr', 'radar'), ('en', 'radar')], 'candidate', None)
    >>> entry_from_dict({"id": 12, "fr": [{"text": "espace aérien"}], "en": [{"text": "airspace"}]}).id
    '12'
    """
    if "terms" in data:
        terms = [term_from_dict(t) for t in data["terms"]]
    else:
        terms = [term_from_dict({**t, "lang": lang}) for lang, listed in data.items() if lang not in ENTRY_KEYS
                 for t in listed]
    return Entry(
        terms=terms,
        id=None if data.get("id") is None else str(data["id"]),
        status=ReviewStatus(data.get("status", ReviewStatus.CANDIDATE.value)),
        definition=data.get("definition"),
        note=data.get("note"),
        frequency=data.get("frequency") or 0,
        score=data.get("score") or 0.0,
        contexts=[context_from_dict(c) for c in data.get("contexts") or []],
        first_seen=parse_time(data.get("first_seen")),
        last_seen=parse_time(data.get("last_seen")),
        version=data.get("version") or 0,
    )
